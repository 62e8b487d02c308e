//! The page's state as a pure reducer: what is typed, kept as typed, and what the core makes of it.
//!
//! Nothing here touches the browser: the page reads the date once and the address bar once, and hands
//! them in. Every figure comes from [`coutcontrat::Quoter`], the same as the library and the command line.
//! The boxes are in [`field`], what is typed in [`form`], the share link in [`link`], what the core
//! makes of it in [`outcome`].

use std::rc::Rc;

use coutcontrat::contract::{parse_date, parse_idcc, PriceBasis};
use coutcontrat::referentiel::{normalize_rncp, BranchHit, Certification};
use jiff::civil::Date;
use yew::Reducible;

use crate::data::Catalog;

pub mod field;
pub mod form;
pub mod link;
pub mod outcome;

pub use field::{DistanceMode, Field, Flag, Section};
pub use form::{FieldError, Form, MAX_AGE, MAX_AMOUNT};
pub use link::{
    debug_panic_requested, LinkNote, DEBUG_PANIC, MAX_PAIRS, MAX_QUERY_BYTES, MAX_VALUE_CHARS,
};
use outcome::find_certification;
pub use outcome::{compute, BranchInfo, Outcome};

/// How many suggestions a search box shows.
pub const SUGGESTIONS: usize = 8;

/// Something the visitor did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Typed in a text field (in the search boxes too: the suggestions follow).
    Set(Field, String),
    /// Ticked or unticked a box.
    Toggle(Flag, bool),
    /// Chose how the price is given.
    PriceBasis(PriceBasis),
    /// Chose how the distance share is given.
    DistanceMode(DistanceMode),
    /// Picked a certification among the suggestions, by its RNCP code.
    PickCertification(String),
    /// Picked a branch among the suggestions, by its position.
    PickBranch(usize),
    /// Chose the CPNE of an IDCC that has several.
    PickCpne(u32),
    /// Opened or closed a folding part of the form.
    Disclose(Section, bool),
    /// Left the box being typed in, or paused typing: its message may show.
    Settle,
}

/// The state of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// What is typed.
    pub form: Form,
    /// The day the page was opened: the defaults and the printed quote's date.
    pub today: Date,
    /// Suggestions of the certification box.
    pub cert_hits: Vec<Certification>,
    /// Suggestions of the branch box.
    pub branch_hits: Vec<BranchHit>,
    /// Folding parts opened: rupture and CFA entry, frais annexes.
    pub open: [bool; 3],
    /// The quote or the messages. Shared: kept (the same `Rc`) while what the core reads is unchanged
    /// (a search keystroke), so that its view compares it by pointer.
    pub outcome: Rc<Outcome>,
    /// What the share link the page was opened with held that could not be taken as is; a note goes
    /// once its field is edited.
    pub link_notes: Vec<LinkNote>,
    /// The box being typed in: its own message waits until it is left or typing pauses (issue 20: a
    /// date turned red at its first keystroke).
    pub editing: Option<Field>,
    /// The last outcome that had a quote: shown dimmed while only the box being typed in is incomplete,
    /// rather than no figures at all.
    pub last_quoted: Option<Rc<Outcome>>,
}

impl State {
    /// The state of a form, computed.
    pub fn new(form: Form, today: Date, catalog: Catalog) -> State {
        let open = [
            form.section_has_content(Section::Advanced),
            form.section_has_content(Section::Annexes),
            form.section_has_content(Section::Contributions),
        ];
        let mut state = State {
            form,
            today,
            cert_hits: Vec::new(),
            branch_hits: Vec::new(),
            open,
            outcome: Rc::default(),
            link_notes: Vec::new(),
            editing: None,
            last_quoted: None,
        };
        state.recompute(catalog);
        state
    }

    /// The state a visitor first sees.
    pub fn defaults(today: Date, catalog: Catalog) -> State {
        State::new(Form::defaults(today), today, catalog)
    }

    /// Whether a folding part is open: opened by the visitor, or holding a message.
    pub fn is_open(&self, section: Section) -> bool {
        self.open[section as usize]
            || section
                .fields()
                .iter()
                .any(|f| self.outcome.error(*f).is_some())
    }

    /// The date the référentiel is read at: the date of conclusion, or today while it is not valid.
    pub fn reference_date(&self) -> Date {
        parse_date(self.form.text(Field::SignedOn), "signed_on").unwrap_or(self.today)
    }

    /// The outcome the results show, and whether it is the last complete one, kept while the box being
    /// typed in is all that is wrong.
    pub fn shown(&self) -> (&Rc<Outcome>, bool) {
        let o = &self.outcome;
        match (self.editing, &self.last_quoted) {
            (Some(field), Some(last))
                if o.quote.is_none()
                    && o.general.is_none()
                    && !o.errors.is_empty()
                    && o.errors.iter().all(|e| e.field == field) =>
            {
                (last, true)
            }
            _ => (o, false),
        }
    }

    /// The message a box shows: none yet for the one being typed in.
    pub fn field_error(&self, field: Field) -> Option<&FieldError> {
        if self.editing == Some(field) {
            None
        } else {
            self.outcome.error(field)
        }
    }

    /// Applies one action: the reducer, pure given the catalog.
    pub fn apply(&mut self, action: Action, catalog: Catalog) {
        match &action {
            // A search box says what it found as it is typed; the figures never depend on its text.
            Action::Set(Field::CertQuery | Field::BranchQuery, _) => {}
            Action::Set(field, _) => self.editing = Some(*field),
            _ => self.editing = None,
        }
        // A note of the share link goes once its field is edited.
        let edited: &[&str] = match &action {
            Action::Set(field, _) => &[field.id()],
            Action::Toggle(flag, _) => &[flag.key()],
            Action::PriceBasis(_) => &["price"],
            Action::DistanceMode(_) => &["distance"],
            Action::PickCertification(_) => &["certification", "level"],
            Action::PickBranch(_) => &["branch", "cpne"],
            Action::PickCpne(_) => &["cpne"],
            Action::Disclose(..) | Action::Settle => &[],
        };
        self.link_notes
            .retain(|n| n.id.is_none_or(|id| !edited.contains(&id)));
        let before = self.form.clone();
        match action {
            Action::Set(Field::CertQuery, text) => {
                let code = typed_code(&text, catalog);
                self.cert_hits = match &code {
                    Some(c) if find_certification(c, catalog).is_some() => Vec::new(),
                    _ => catalog.search_certifications(&text, SUGGESTIONS),
                };
                self.form.set(Field::CertQuery, text);
                if let Some(code) = code {
                    self.choose_certification(code, catalog);
                } else {
                    self.form.set(Field::Rncp, "");
                }
            }
            Action::Set(Field::BranchQuery, text) => {
                let idcc = parse_idcc(&text, "idcc").ok();
                self.branch_hits = catalog.referentiel().search_branches(
                    &text,
                    self.reference_date(),
                    SUGGESTIONS,
                );
                self.form.set(Field::BranchQuery, text);
                self.form
                    .set(Field::Idcc, idcc.map(|i| i.to_string()).unwrap_or_default());
                self.form.set(Field::Cpne, "");
            }
            Action::Set(field, text) => self.form.set(field, text),
            Action::Toggle(flag, on) => self.form.set_flag(flag, on),
            Action::PriceBasis(basis) => self.form.price_basis = basis,
            Action::DistanceMode(mode) => self.form.distance_mode = mode,
            Action::PickCertification(code) => {
                let label = self
                    .cert_hits
                    .iter()
                    .find(|c| c.rncp == code)
                    .cloned()
                    .or_else(|| find_certification(&code, catalog))
                    .map(|c| certification_text(&c))
                    .unwrap_or_else(|| code.clone());
                self.form.set(Field::CertQuery, label);
                self.cert_hits.clear();
                self.choose_certification(code, catalog);
            }
            Action::PickBranch(i) => {
                let Some(hit) = self.branch_hits.get(i).cloned() else {
                    return;
                };
                self.branch_hits.clear();
                match hit.idcc {
                    Some(idcc) => {
                        self.form
                            .set(Field::BranchQuery, format!("IDCC {idcc} – {}", hit.label));
                        self.form.set(Field::Idcc, idcc.to_string());
                        self.form.set(Field::Cpne, "");
                    }
                    None => {
                        let cpne = hit.cpne.first().map(|b| b.cpne);
                        self.form.set(
                            Field::BranchQuery,
                            format!(
                                "CPNE {} – {}",
                                cpne.map(|c| c.to_string()).unwrap_or_default(),
                                hit.label
                            ),
                        );
                        self.form.set(Field::Idcc, "");
                        self.form
                            .set(Field::Cpne, cpne.map(|c| c.to_string()).unwrap_or_default());
                    }
                }
            }
            Action::PickCpne(cpne) => self.form.set(Field::Cpne, cpne.to_string()),
            Action::Disclose(section, open) => {
                self.open[section as usize] = open;
                return;
            }
            Action::Settle => return,
        }
        // A search keystroke mostly changes only the box's text: the core would compute the same again.
        if !self.form.same_apart_from_searches(&before) {
            self.recompute(catalog);
        }
    }

    fn choose_certification(&mut self, code: String, catalog: Catalog) {
        if let Some(level) = find_certification(&code, catalog).and_then(|c| c.level_hint) {
            self.form.set(Field::Level, level.to_string());
        }
        self.form.set(Field::Rncp, code);
    }

    fn recompute(&mut self, catalog: Catalog) {
        self.outcome = Rc::new(compute(&self.form, self.reference_date(), catalog));
        if self.outcome.quote.is_some() {
            self.last_quoted = Some(self.outcome.clone());
        }
    }

    /// True when `other` differs from this state at most in the search boxes (their texts and
    /// suggestions): every part of the page but those boxes then looks the same.
    pub fn same_apart_from_searches(&self, other: &State) -> bool {
        // Destructured: a field added to the state must be placed here, or this no longer compiles.
        let State {
            form,
            today,
            cert_hits: _,
            branch_hits: _,
            open,
            outcome,
            link_notes,
            editing,
            last_quoted: _,
        } = self;
        form.same_apart_from_searches(&other.form)
            && *today == other.today
            && *open == other.open
            && Rc::ptr_eq(outcome, &other.outcome)
            && *link_notes == other.link_notes
            && *editing == other.editing
    }

    /// True when the certification box shows the same text and suggestions in both states.
    pub fn same_certification_search(&self, other: &State) -> bool {
        self.form.text(Field::CertQuery) == other.form.text(Field::CertQuery)
            && self.cert_hits == other.cert_hits
    }

    /// True when the branch box shows the same text and suggestions in both states.
    pub fn same_branch_search(&self, other: &State) -> bool {
        self.form.text(Field::BranchQuery) == other.form.text(Field::BranchQuery)
            && self.branch_hits == other.branch_hits
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action, Catalog::embedded());
        Rc::new(next)
    }
}

/// `label (RNCP…)`, the text the certification box shows once one is chosen.
pub fn certification_text(c: &Certification) -> String {
    if c.label.is_empty() {
        c.rncp.clone()
    } else {
        format!("{} ({})", c.label, c.rncp)
    }
}

/// The RNCP code the visitor typed, when the box holds a code rather than words: `RNCP…` always (an
/// unknown certification takes the amorçage value), bare digits only when the référentiel knows them.
fn typed_code(text: &str, catalog: Catalog) -> Option<String> {
    let t = text.trim();
    let code = normalize_rncp(t)?;
    let explicit = t.to_ascii_uppercase().starts_with("RNCP");
    (explicit || find_certification(&code, catalog).is_some()).then_some(code)
}

#[cfg(test)]
mod tests;
