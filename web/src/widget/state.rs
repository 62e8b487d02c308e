//! The widget's state: the calculator's own [`State`] (the same reducer, the same core), plus the CFA's
//! courses and the one picked. Picking a course fills the certification, level, price and distance share;
//! the end date follows the start date by the course's usual duration until the visitor changes it.

use std::rc::Rc;

use coutcontrat::{contract::parse_date, contract::PriceBasis};
use jiff::civil::Date;
use rust_decimal::Decimal;
use yew::Reducible;

use super::catalogue::{Catalogue, Course};
use super::message;
use crate::data::Catalog;
use crate::format::date_short;
pub use crate::state::form::end_after;
use crate::state::{Action, DistanceMode, Field, Flag, State};

/// Something the visitor did in the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WidgetAction {
    /// An action of the calculator's form (dates, branch, and without catalogue the certification and
    /// price).
    Form(Action),
    /// Picked a course of the catalogue by its position, or none.
    Course(Option<usize>),
    /// The catalogue the host page posted arrived, checked (taken only while it is awaited).
    Courses(Catalogue),
}

/// The widget's state.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetState {
    /// The calculator's state: every figure comes from it.
    pub base: State,
    /// The CFA's courses (empty without a catalogue).
    pub courses: Rc<[Course]>,
    /// Their names as shown, found once: a label-less course of 10 000 would otherwise search the
    /// référentiel at each keystroke.
    pub labels: Rc<[String]>,
    /// The catalogue is announced and has not come yet.
    pub awaiting: bool,
    /// Whether the CFA gave a catalogue (then the visitor picks a course instead of typing).
    pub with_catalogue: bool,
    /// The course picked.
    pub course: Option<usize>,
    /// What of the catalogue was left out, shown to the CFA in the widget itself (not only its console).
    pub catalogue_problems: Rc<[String]>,
    /// The end date is still the one prefilled from the course's duration.
    end_follows: bool,
    /// The annual NPEC the CFA gives for the course and the employer's branch, when it does: it is in the
    /// form's NPEC field, so the core uses it before the référentiel.
    pub npec_from_cfa: Option<Decimal>,
}

/// The fields the widget shows with a catalogue, and without.
const WITH_CATALOGUE: &[Field] = &[
    Field::BranchQuery,
    Field::Idcc,
    Field::Cpne,
    Field::SignedOn,
    Field::Start,
    Field::End,
];
const WITHOUT_CATALOGUE: &[Field] = &[
    Field::CertQuery,
    Field::Rncp,
    Field::Level,
    Field::Price,
    Field::BranchQuery,
    Field::Idcc,
    Field::Cpne,
    Field::SignedOn,
    Field::Start,
    Field::End,
];

impl WidgetState {
    /// The widget a visitor first sees: the calculator's default dates, nothing else. `catalogue` is
    /// `None` without one.
    pub fn new(today: Date, catalogue: Option<Catalogue>, catalog: Catalog) -> WidgetState {
        let mut base = State::defaults(today, catalog);
        base.apply(Action::PriceBasis(PriceBasis::Annual), catalog);
        let mut w = WidgetState {
            base,
            with_catalogue: catalogue.is_some(),
            courses: Rc::from([]),
            labels: Rc::from([]),
            awaiting: false,
            course: None,
            catalogue_problems: Rc::from([]),
            end_follows: false,
            npec_from_cfa: None,
        };
        w.set_courses(catalogue.unwrap_or_default(), catalog);
        w
    }

    /// The widget while its catalogue is on its way from the host page: a course menu, empty.
    pub fn awaiting_catalogue(today: Date, catalog: Catalog) -> WidgetState {
        let mut w = WidgetState::new(today, Some(Catalogue::default()), catalog);
        w.awaiting = true;
        w
    }

    fn set_courses(&mut self, catalogue: Catalogue, catalog: Catalog) {
        self.labels = catalogue
            .courses
            .iter()
            .map(|c| WidgetState::course_label(c, catalog))
            .collect();
        self.courses = catalogue.courses.into();
        self.catalogue_problems = catalogue.problems.into();
    }

    /// The course picked.
    pub fn course(&self) -> Option<&Course> {
        self.course.and_then(|i| self.courses.get(i))
    }

    /// The fields the widget shows: messages of other fields have no box to go to.
    pub fn shown(&self, field: Field) -> bool {
        if self.with_catalogue {
            WITH_CATALOGUE.contains(&field)
        } else {
            WITHOUT_CATALOGUE.contains(&field)
        }
    }

    /// The name of a course as shown: the CFA's label, else the référentiel's, else its code.
    pub fn course_label(course: &Course, catalog: Catalog) -> String {
        if !course.label.is_empty() {
            return course.label.clone();
        }
        catalog
            .certifications
            .search(&course.rncp, 1)
            .into_iter()
            .find(|c| c.rncp == course.rncp && !c.label.is_empty())
            .map(|c| c.label)
            .unwrap_or_else(|| course.rncp.clone())
    }

    /// The `coutcontrat:result` message of what is on screen.
    pub fn result_message(&self) -> String {
        let label = self.course.and_then(|i| self.labels.get(i));
        message::result(
            self.base.outcome.quote.as_ref(),
            self.course().zip(label.map(String::as_str)),
        )
    }

    /// Applies one action: pure given the catalog.
    pub fn apply(&mut self, action: WidgetAction, catalog: Catalog) {
        self.apply_one(action, catalog);
        self.sync_npec(catalog);
    }

    /// The CFA's NPEC for the course and the employer's branch (by IDCC, else by the CPNE typed or the one
    /// the edition maps the IDCC to, else for every branch) into the form, or out of it.
    fn sync_npec(&mut self, catalog: Catalog) {
        let form = &self.base.form;
        let idcc = form.text(Field::Idcc).trim().parse::<u32>().ok();
        let wanted = self
            .course()
            .and_then(|c| c.npec.as_ref())
            .and_then(|npec| {
                let cpne = form
                    .text(Field::Cpne)
                    .trim()
                    .parse::<u32>()
                    .ok()
                    .or_else(|| {
                        let signed_on = parse_date(form.text(Field::SignedOn), "signed_on").ok()?;
                        match catalog.referentiel().cpne_of_idcc(idcc?, signed_on)[..] {
                            [one] => Some(one),
                            _ => None,
                        }
                    });
                npec.for_branch(idcc, cpne)
            });
        if wanted != self.npec_from_cfa {
            self.npec_from_cfa = wanted;
            let text = wanted
                .map(|a| a.normalize().to_string())
                .unwrap_or_default();
            self.base.apply(Action::Set(Field::Npec, text), catalog);
        }
    }

    fn apply_one(&mut self, action: WidgetAction, catalog: Catalog) {
        match action {
            WidgetAction::Course(pick) => {
                self.course = pick.filter(|i| *i < self.courses.len());
                let actions = match self.course().cloned() {
                    Some(c) => course_actions(&c),
                    None => vec![
                        Action::Set(Field::CertQuery, String::new()),
                        Action::Set(Field::Level, String::new()),
                        Action::Set(Field::Price, String::new()),
                        Action::Toggle(Flag::Distance, false),
                        Action::Set(Field::DistanceShare, String::new()),
                    ],
                };
                for a in actions {
                    self.base.apply(a, catalog);
                }
                self.end_follows = true;
                self.prefill_end(catalog);
            }
            WidgetAction::Courses(catalogue) => {
                // Once: a second catalogue would change the menu under the visitor's choice.
                if self.awaiting {
                    self.awaiting = false;
                    self.course = None;
                    self.set_courses(catalogue, catalog);
                }
            }
            WidgetAction::Form(action) => {
                let start = matches!(action, Action::Set(Field::Start, _));
                if matches!(action, Action::Set(Field::End, _)) {
                    self.end_follows = false;
                }
                self.base.apply(action, catalog);
                if start {
                    self.prefill_end(catalog);
                }
            }
        }
    }

    /// The end date from the start date and the course's usual duration, while the visitor has not
    /// typed one.
    fn prefill_end(&mut self, catalog: Catalog) {
        let Some(months) = self.course().and_then(|c| c.months) else {
            return;
        };
        if !self.end_follows {
            return;
        }
        let Ok(start) = parse_date(self.base.form.text(Field::Start), "start") else {
            return;
        };
        if let Some(end) = end_after(start, months) {
            self.base
                .apply(Action::Set(Field::End, date_short(end)), catalog);
        }
    }
}

/// The form actions that pick a course: the certification (its label and level from the référentiel),
/// the CFA's level, the annual price, the distance share.
pub fn course_actions(c: &Course) -> Vec<Action> {
    let mut actions = vec![Action::PickCertification(c.rncp.clone())];
    if let Some(level) = c.level {
        actions.push(Action::Set(Field::Level, level.to_string()));
    }
    let distance = c.distance.filter(|d| !d.is_zero());
    actions.extend([
        Action::Set(Field::Price, c.price.normalize().to_string()),
        Action::PriceBasis(PriceBasis::Annual),
        Action::DistanceMode(DistanceMode::Share),
        Action::Toggle(Flag::Distance, distance.is_some()),
        Action::Set(
            Field::DistanceShare,
            distance
                .map(|d| d.normalize().to_string())
                .unwrap_or_default(),
        ),
    ]);
    actions
}

impl Reducible for WidgetState {
    type Action = WidgetAction;

    fn reduce(self: Rc<Self>, action: WidgetAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action, Catalog::embedded());
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use coutcontrat::{ContractInput, Quoter};
    use jiff::civil::date;
    use serde_json::Value;

    use super::*;
    use crate::widget::catalogue::Catalogue;

    fn catalogue() -> Catalogue {
        let c = Catalogue::from_json(
            r#"[{"rncp": "RNCP41000", "label": "BTS MOS", "level": 5, "price": 9000, "months": 24},
                {"rncp": "RNCP38362", "label": "Titre à distance", "level": 6, "price": "6 500",
                 "months": 12, "distance": 85}]"#,
        );
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        c
    }

    fn set(field: Field, text: &str) -> WidgetAction {
        WidgetAction::Form(Action::Set(field, text.to_owned()))
    }

    fn quote(json: &str) -> coutcontrat::Quote {
        let contract = ContractInput::from_json(json).unwrap().parse().unwrap();
        Quoter::new(crate::data::referentiel())
            .quote(&contract)
            .unwrap()
    }

    #[test]
    fn a_course_and_dates_give_the_librarys_quote() {
        let catalog = Catalog::embedded();
        let mut w = WidgetState::new(date(2026, 11, 27), Some(catalogue()), catalog);
        assert!(w.base.outcome.quote.is_none());
        w.apply(WidgetAction::Course(Some(0)), catalog);
        w.apply(set(Field::BranchQuery, "1351"), catalog);
        w.apply(set(Field::SignedOn, "20/08/2027"), catalog);
        w.apply(set(Field::Start, "01/09/2027"), catalog);
        // The end follows the start by the course's 24 months.
        assert_eq!(w.base.form.text(Field::End), "31/08/2029");
        let got = w.base.outcome.quote.clone().expect("a quote");
        let want = quote(
            r#"{"signed_on": "2027-08-20", "start": "2027-09-01", "end": "2029-08-31",
                "rncp": "RNCP41000", "idcc": 1351, "price": "9000", "level": 5}"#,
        );
        assert_eq!(got, want);
        assert_eq!(got.npec.annual.to_decimal().normalize().to_string(), "8765");

        // The message carries the same figures and the course.
        let m: Value = serde_json::from_str(&w.result_message()).unwrap();
        assert_eq!(m["type"], "coutcontrat:result");
        assert_eq!(m["v"], 1);
        assert_eq!(
            m["quote"]["totals"]["employer"],
            plain_of(want.totals.employer)
        );
        assert_eq!(m["quote"]["totals"]["opco"], plain_of(want.totals.opco));
        assert_eq!(m["quote"]["npec"]["annual"], "8765.00");
        assert_eq!(m["quote"]["participation"], plain_of(want.participation));
        assert_eq!(m["course"]["rncp"], "RNCP41000");
        assert_eq!(m["course"]["label"], "BTS MOS");
    }

    fn plain_of(d: impl Into<rust_decimal::Decimal>) -> String {
        crate::format::plain(d)
    }

    #[test]
    fn a_course_at_distance_with_its_level_and_price() {
        let catalog = Catalog::embedded();
        let mut w = WidgetState::new(date(2026, 11, 27), Some(catalogue()), catalog);
        w.apply(set(Field::SignedOn, "15/08/2027"), catalog);
        w.apply(set(Field::Start, "2027-09-01"), catalog);
        w.apply(WidgetAction::Course(Some(1)), catalog);
        assert_eq!(w.base.form.text(Field::End), "31/08/2028");
        w.apply(set(Field::BranchQuery, "1486"), catalog);
        let want = quote(
            r#"{"signed_on": "2027-08-15", "start": "2027-09-01", "end": "2028-08-31",
                "rncp": "RNCP38362", "idcc": 1486, "price": "6500", "level": 6,
                "distance_share": "85 %"}"#,
        );
        assert_eq!(w.base.outcome.quote.as_ref(), Some(&want));
        assert!(
            !want.participation.is_zero(),
            "level 6 pays the participation"
        );
    }

    #[test]
    fn a_typed_end_date_stays_until_another_course_is_picked() {
        let catalog = Catalog::embedded();
        let mut w = WidgetState::new(date(2026, 11, 27), Some(catalogue()), catalog);
        w.apply(WidgetAction::Course(Some(0)), catalog);
        w.apply(set(Field::Start, "01/10/2027"), catalog);
        assert_eq!(w.base.form.text(Field::End), "30/09/2029");
        w.apply(set(Field::End, "31/07/2029"), catalog);
        w.apply(set(Field::Start, "02/10/2027"), catalog);
        assert_eq!(w.base.form.text(Field::End), "31/07/2029");
        w.apply(WidgetAction::Course(Some(1)), catalog);
        assert_eq!(w.base.form.text(Field::End), "01/10/2028");
        // No course: nothing of the last one is left.
        w.apply(WidgetAction::Course(None), catalog);
        assert_eq!(w.base.form.text(Field::Price), "");
        assert_eq!(w.base.form.text(Field::Rncp), "");
        assert!(!w.base.form.flag(Flag::Distance));
        assert!(w.base.outcome.quote.is_none());
        // A position out of the list picks nothing.
        w.apply(WidgetAction::Course(Some(9)), catalog);
        assert_eq!(w.course, None);
    }

    #[test]
    fn without_a_catalogue_it_is_the_compact_calculator() {
        let catalog = Catalog::embedded();
        let mut w = WidgetState::new(date(2026, 11, 27), None, catalog);
        assert!(!w.with_catalogue);
        assert!(w.shown(Field::Price) && w.shown(Field::CertQuery));
        for a in [
            set(Field::CertQuery, "RNCP41000"),
            set(Field::Price, "9000"),
            set(Field::BranchQuery, "1351"),
            set(Field::SignedOn, "20/08/2027"),
            set(Field::Start, "01/09/2027"),
            set(Field::End, "31/08/2029"),
        ] {
            w.apply(a, catalog);
        }
        let want = quote(
            r#"{"signed_on": "2027-08-20", "start": "2027-09-01", "end": "2029-08-31",
                "rncp": "RNCP41000", "idcc": 1351, "price": "9000", "level": 5}"#,
        );
        assert_eq!(w.base.outcome.quote.as_ref(), Some(&want));
        let m: Value = serde_json::from_str(&w.result_message()).unwrap();
        assert_eq!(m["course"], Value::Null);

        let with = WidgetState::new(date(2026, 11, 27), Some(catalogue()), catalog);
        assert!(!with.shown(Field::Price) && with.shown(Field::Start));
    }

    #[test]
    fn course_labels_fall_back_on_the_referentiel() {
        let catalog = Catalog::embedded();
        let c = Catalogue::from_json(
            r#"[{"rncp": "41000", "price": 1}, {"rncp": "RNCP999999", "price": 1}]"#,
        );
        assert_eq!(
            WidgetState::course_label(&c.courses[0], catalog),
            "BTS Management opérationnel de la sécurité"
        );
        assert_eq!(
            WidgetState::course_label(&c.courses[1], catalog),
            "RNCP999999"
        );
    }

    #[test]
    fn the_posted_catalogue_is_taken_once() {
        let catalog = Catalog::embedded();
        let mut w = WidgetState::awaiting_catalogue(date(2026, 11, 27), catalog);
        assert!(w.awaiting && w.with_catalogue && w.courses.is_empty());
        w.apply(WidgetAction::Courses(catalogue()), catalog);
        assert!(!w.awaiting);
        assert_eq!(
            &*w.labels,
            &["BTS MOS".to_owned(), "Titre à distance".to_owned()]
        );
        w.apply(WidgetAction::Course(Some(1)), catalog);
        // A second catalogue changes nothing under the visitor's choice.
        w.apply(WidgetAction::Courses(Catalogue::default()), catalog);
        assert_eq!(w.courses.len(), 2);
        assert_eq!(w.course().unwrap().rncp, "RNCP38362");
        let m: Value = serde_json::from_str(&w.result_message()).unwrap();
        assert_eq!(m["course"]["label"], "Titre à distance");
    }

    #[test]
    fn the_cfas_npec_for_the_branch_comes_before_the_table() {
        let catalog = Catalog::embedded();
        let c = Catalogue::from_json(
            r#"[{"rncp": "RNCP41000", "label": "BTS MOS", "level": 5, "price": 9000, "months": 24,
                 "npec_by_idcc": {"1351": 8000}, "npec_by_cpne": {"204": 8100}, "npec_edition": "2026-09"}]"#,
        );
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        let mut w = WidgetState::new(date(2026, 11, 27), Some(c), catalog);
        w.apply(WidgetAction::Course(Some(0)), catalog);
        w.apply(set(Field::SignedOn, "20/08/2027"), catalog);
        w.apply(set(Field::Start, "01/09/2027"), catalog);
        w.apply(set(Field::BranchQuery, "1351"), catalog);
        let with_npec = |npec: &str| {
            quote(&format!(
                r#"{{"signed_on": "2027-08-20", "start": "2027-09-01", "end": "2029-08-31",
                    "rncp": "RNCP41000", "idcc": 1351, "price": "9000", "level": 5{npec}}}"#
            ))
        };
        // By IDCC first.
        assert_eq!(w.npec_from_cfa, Some(Decimal::from(8000)));
        assert_eq!(
            w.base.outcome.quote.as_ref(),
            Some(&with_npec(r#", "npec": "8000""#))
        );
        // Another IDCC of the same branch (CPNE 204): the amount by CPNE.
        let cpne = catalog.referentiel().cpne_of_idcc(1351, date(2027, 8, 20));
        assert_eq!(cpne, vec![204], "the edition maps IDCC 1351 to CPNE 204");
        w.apply(set(Field::BranchQuery, ""), catalog);
        assert_eq!(w.npec_from_cfa, None);
        assert_eq!(
            w.base.form.text(Field::Npec),
            "",
            "nothing of the CFA's amount is left"
        );
        w.apply(WidgetAction::Form(Action::PickCpne(204)), catalog);
        assert_eq!(w.npec_from_cfa, Some(Decimal::from(8100)));
        // A branch the CFA gave nothing for: the référentiel's figure, as without a catalogue NPEC.
        w.apply(set(Field::BranchQuery, "1486"), catalog);
        assert_eq!(w.npec_from_cfa, None);
        let table = quote(
            r#"{"signed_on": "2027-08-20", "start": "2027-09-01", "end": "2029-08-31",
                "rncp": "RNCP41000", "idcc": 1486, "price": "9000", "level": 5}"#,
        );
        assert_eq!(w.base.outcome.quote.as_ref(), Some(&table));
        // No course: no CFA amount either.
        w.apply(set(Field::BranchQuery, "1351"), catalog);
        assert!(w.npec_from_cfa.is_some());
        w.apply(WidgetAction::Course(None), catalog);
        assert_eq!(w.npec_from_cfa, None);
        assert_eq!(w.base.form.text(Field::Npec), "");
    }

    #[test]
    fn end_dates() {
        assert_eq!(end_after(date(2026, 9, 1), 24), Some(date(2028, 8, 31)));
        assert_eq!(end_after(date(2026, 1, 31), 1), Some(date(2026, 2, 27)));
        assert_eq!(end_after(date(2026, 9, 15), 12), Some(date(2027, 9, 14)));
    }
}
