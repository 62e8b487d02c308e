//! The page's state as a pure reducer: what is typed, kept as typed, and what the core makes of it.
//!
//! Nothing here touches the browser: the page reads the date once and the address bar once, and hands
//! them in. Every figure comes from [`coutcontrat::Quoter`], the same as the library and the command line.

use std::rc::Rc;

use coutcontrat::referentiel::{normalize_rncp, Branch, BranchHit, Certification};
use coutcontrat::{
    contract::parse_date, contract::parse_decimal, contract::parse_idcc, contract::AnnexesInput,
    contract::Loose, contract::PriceBasis, error::ErrorKind, ContractInput, Quote, Quoter,
};
use jiff::civil::{date, Date};
use rust_decimal::Decimal;
use yew::Reducible;

use crate::data::Catalog;
use crate::format::{date_short, euros};
use crate::query;

/// How many suggestions a search box shows.
pub const SUGGESTIONS: usize = 8;

/// The largest amount in euros the page takes (a price, a salary…): beyond it, a message, never a
/// computation.
pub const MAX_AMOUNT: u32 = 1_000_000;

/// The oldest apprentice the page believes in, in years at the start of the contract.
pub const MAX_AGE: i32 = 100;

/// The longest text a field takes, in characters (the boxes say so with `maxlength`); a share link with
/// a longer value has it ignored, with a message.
pub const MAX_VALUE_CHARS: usize = 500;

/// At most this many `key=value` pairs are read from a share link.
pub const MAX_PAIRS: usize = 100;

/// At most this many bytes of a share link are read.
pub const MAX_QUERY_BYTES: usize = 16 * 1024;

/// The key of the share link that provokes a panic, to test the page's message (`?debug_panic=1`).
pub const DEBUG_PANIC: &str = "debug_panic";

/// A text field of the form. Its [`key`](Field::key) names it in the share link and, for the fields the
/// core knows, in the core's errors (`annexes.nights`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Date of conclusion (signature).
    SignedOn,
    /// First day of execution.
    Start,
    /// Planned last day.
    End,
    /// The text of the certification search box.
    CertQuery,
    /// The RNCP code chosen (or typed as a code).
    Rncp,
    /// The certification level, 3 to 8.
    Level,
    /// The text of the branch search box.
    BranchQuery,
    /// The employer's IDCC.
    Idcc,
    /// The CPNE chosen when the IDCC has several (or a branch chosen without IDCC).
    Cpne,
    /// A manual annual NPEC.
    Npec,
    /// The CFA's price.
    Price,
    /// The annual RQTH majoration.
    RqthMajoration,
    /// The share of teaching at distance, in per cent.
    DistanceShare,
    /// Hours of teaching at distance.
    DistanceHours,
    /// Total hours of teaching.
    TotalHours,
    /// Date of a rupture.
    RuptureOn,
    /// Date of entry in the CFA before the contract.
    CfaEntryOn,
    /// Nights of accommodation.
    Nights,
    /// Meals.
    Meals,
    /// Cost of the first equipment.
    FirstEquipment,
    /// The apprentice's date of birth (net cost: minimum salary by age).
    BirthDate,
    /// The company's headcount (net cost: hiring aid under 250 or not).
    CompanyHeadcount,
    /// The agreed monthly gross salary, when above the minimum.
    MonthlySalary,
    /// The maître d'apprentissage aid granted by the branch, per month.
    TutorAid,
    /// The year of the training cycle the contract starts in (1, 2 or 3).
    CycleYear,
}

impl Field {
    /// Every field, in the order of the form.
    pub const ALL: [Field; 25] = [
        Field::SignedOn,
        Field::Start,
        Field::End,
        Field::CertQuery,
        Field::Rncp,
        Field::Level,
        Field::BranchQuery,
        Field::Idcc,
        Field::Cpne,
        Field::Npec,
        Field::Price,
        Field::RqthMajoration,
        Field::DistanceShare,
        Field::DistanceHours,
        Field::TotalHours,
        Field::RuptureOn,
        Field::CfaEntryOn,
        Field::Nights,
        Field::Meals,
        Field::FirstEquipment,
        Field::BirthDate,
        Field::CompanyHeadcount,
        Field::MonthlySalary,
        Field::TutorAid,
        Field::CycleYear,
    ];

    /// The fields of the employer's whole cost: a message on one of them never hides the quote.
    pub const NET_COST: [Field; 5] = [
        Field::BirthDate,
        Field::CompanyHeadcount,
        Field::MonthlySalary,
        Field::TutorAid,
        Field::CycleYear,
    ];

    /// True for the fields of the employer's whole cost.
    pub fn is_net_cost(self) -> bool {
        Field::NET_COST.contains(&self)
    }

    /// True for the amounts in euros, which the page bounds by [`MAX_AMOUNT`].
    pub fn is_amount(self) -> bool {
        matches!(
            self,
            Field::Npec
                | Field::Price
                | Field::RqthMajoration
                | Field::FirstEquipment
                | Field::MonthlySalary
                | Field::TutorAid
        )
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The name in the share link, and in the core's errors for the fields the core knows.
    pub fn key(self) -> &'static str {
        match self {
            Field::SignedOn => "signed_on",
            Field::Start => "start",
            Field::End => "end",
            Field::CertQuery => "cert_q",
            Field::Rncp => "rncp",
            Field::Level => "level",
            Field::BranchQuery => "branch_q",
            Field::Idcc => "idcc",
            Field::Cpne => "cpne",
            Field::Npec => "npec",
            Field::Price => "price",
            Field::RqthMajoration => "rqth_majoration",
            Field::DistanceShare => "distance_share",
            Field::DistanceHours => "distance_hours",
            Field::TotalHours => "total_hours",
            Field::RuptureOn => "rupture_on",
            Field::CfaEntryOn => "cfa_entry_on",
            Field::Nights => "annexes.nights",
            Field::Meals => "annexes.meals",
            Field::FirstEquipment => "annexes.first_equipment",
            Field::BirthDate => "birth_date",
            Field::CompanyHeadcount => "company_headcount",
            Field::MonthlySalary => "monthly_salary",
            Field::TutorAid => "tutor_aid",
            Field::CycleYear => "cycle_year",
        }
    }

    /// The id of the element that carries the field's message in the page. The RNCP code and the IDCC are
    /// entered through their search boxes, so their messages go there.
    pub fn id(self) -> &'static str {
        match self {
            Field::SignedOn => "signed_on",
            Field::Start => "start",
            Field::End => "end",
            Field::CertQuery | Field::Rncp => "certification",
            Field::Level => "level",
            Field::BranchQuery | Field::Idcc => "branch",
            Field::Cpne => "cpne",
            Field::Npec => "npec",
            Field::Price => "price",
            Field::RqthMajoration => "rqth_majoration",
            Field::DistanceShare => "distance_share",
            Field::DistanceHours => "distance_hours",
            Field::TotalHours => "total_hours",
            Field::RuptureOn => "rupture_on",
            Field::CfaEntryOn => "cfa_entry_on",
            Field::Nights => "annexes-nights",
            Field::Meals => "annexes-meals",
            Field::FirstEquipment => "annexes-first_equipment",
            Field::BirthDate => "birth_date",
            Field::CompanyHeadcount => "company_headcount",
            Field::MonthlySalary => "monthly_salary",
            Field::TutorAid => "tutor_aid",
            Field::CycleYear => "cycle_year",
        }
    }

    /// The field's label, short, for the list of what to correct and the printed summary.
    pub fn label(self) -> &'static str {
        match self {
            Field::SignedOn => "Date de conclusion",
            Field::Start => "Date de début",
            Field::End => "Date de fin prévue",
            Field::CertQuery | Field::Rncp => "Certification",
            Field::Level => "Niveau",
            Field::BranchQuery | Field::Idcc => "Convention collective",
            Field::Cpne => "Branche (CPNE)",
            Field::Npec => "NPEC saisi",
            Field::Price => "Prix du CFA",
            Field::RqthMajoration => "Majoration RQTH",
            Field::DistanceShare => "Part à distance",
            Field::DistanceHours => "Heures à distance",
            Field::TotalHours => "Heures au total",
            Field::RuptureOn => "Date de rupture",
            Field::CfaEntryOn => "Entrée en CFA avant le contrat",
            Field::Nights => "Nuitées",
            Field::Meals => "Repas",
            Field::FirstEquipment => "Premier équipement",
            Field::BirthDate => "Date de naissance de l'apprenti",
            Field::CompanyHeadcount => "Effectif de l'entreprise",
            Field::MonthlySalary => "Salaire mensuel convenu",
            Field::TutorAid => "Aide au maître d'apprentissage",
            Field::CycleYear => "Année du cycle de formation",
        }
    }

    /// True for the fields the core cannot quote without.
    pub fn required(self) -> bool {
        matches!(
            self,
            Field::SignedOn | Field::Start | Field::End | Field::Price
        )
    }

    /// The field a core error names (`"rncp"` is typed in the certification box, `"idcc"` in the branch
    /// box).
    pub fn from_core(name: &str) -> Option<Field> {
        match name {
            "rncp" => Some(Field::CertQuery),
            "idcc" => Some(Field::BranchQuery),
            _ => Field::ALL.into_iter().find(|f| f.key() == name),
        }
    }
}

/// A yes/no box of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flag {
    /// The apprentice has a RQTH.
    Rqth,
    /// Part of the teaching is at distance.
    Distance,
    /// The duration was reduced (derogation 21).
    ReducedDuration,
    /// The rupture fell within the 45-day probation.
    RuptureDuringProbation,
    /// A new contract with another employer after a rupture.
    AfterRuptureNewEmployer,
    /// A licence professionnelle prepared in one year (second-year salary, D6222-32).
    LicencePro,
}

impl Flag {
    /// Every flag.
    pub const ALL: [Flag; 6] = [
        Flag::Rqth,
        Flag::Distance,
        Flag::ReducedDuration,
        Flag::RuptureDuringProbation,
        Flag::AfterRuptureNewEmployer,
        Flag::LicencePro,
    ];

    /// The name in the share link (and the id of its box).
    pub fn key(self) -> &'static str {
        match self {
            Flag::Rqth => "rqth",
            Flag::Distance => "distance",
            Flag::ReducedDuration => "reduced_duration",
            Flag::RuptureDuringProbation => "rupture_during_probation",
            Flag::AfterRuptureNewEmployer => "after_rupture_new_employer",
            Flag::LicencePro => "licence_pro",
        }
    }

    /// The box's meaning, short, for the list of what to correct and the printed summary.
    pub fn label(self) -> &'static str {
        match self {
            Flag::Rqth => "Apprenti RQTH",
            Flag::Distance => "Enseignement à distance",
            Flag::ReducedDuration => "Durée réduite (dérogation 21)",
            Flag::RuptureDuringProbation => "Rupture pendant la période probatoire",
            Flag::AfterRuptureNewEmployer => "Nouveau contrat après une rupture",
            Flag::LicencePro => "Licence professionnelle en un an",
        }
    }
}

/// How the share of teaching at distance is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DistanceMode {
    /// As a percentage.
    #[default]
    Share,
    /// As hours at distance over total hours.
    Hours,
}

/// The folding parts of the form, which open by themselves when they hold something.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Rupture, CFA entry before the contract.
    Advanced,
    /// Frais annexes.
    Annexes,
}

impl Section {
    fn fields(self) -> &'static [Field] {
        match self {
            Section::Advanced => &[Field::RuptureOn, Field::CfaEntryOn],
            Section::Annexes => &[Field::Nights, Field::Meals, Field::FirstEquipment],
        }
    }

    fn flags(self) -> &'static [Flag] {
        match self {
            Section::Advanced => &[Flag::RuptureDuringProbation, Flag::AfterRuptureNewEmployer],
            Section::Annexes => &[],
        }
    }
}

/// Everything typed, exactly as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Form {
    texts: [String; Field::ALL.len()],
    flags: [bool; Flag::ALL.len()],
    /// Per year or for the whole contract.
    pub price_basis: PriceBasis,
    /// Percentage or hours.
    pub distance_mode: DistanceMode,
}

impl Form {
    /// The text of a field.
    pub fn text(&self, field: Field) -> &str {
        &self.texts[field.index()]
    }

    /// Sets the text of a field.
    pub fn set(&mut self, field: Field, text: impl Into<String>) {
        self.texts[field.index()] = text.into();
    }

    /// Whether a box is ticked.
    pub fn flag(&self, flag: Flag) -> bool {
        self.flags[flag as usize]
    }

    /// Ticks or unticks a box.
    pub fn set_flag(&mut self, flag: Flag, on: bool) {
        self.flags[flag as usize] = on;
    }

    /// The form a visitor first sees: a typical two-year contract starting next September, concluded a
    /// fortnight before (or today, when that is later).
    pub fn defaults(today: Date) -> Form {
        let year = if today < date(today.year(), 9, 1) {
            today.year()
        } else {
            today.year() + 1
        };
        let start = date(year, 9, 1);
        let signed_on = date(year, 8, 15).max(today).min(start);
        let end = date(year + 2, 8, 31);
        let mut form = Form::default();
        form.set(Field::SignedOn, date_short(signed_on));
        form.set(Field::Start, date_short(start));
        form.set(Field::End, date_short(end));
        form
    }

    /// True when the two forms differ at most in the search boxes' texts, which the core never reads (it
    /// reads the RNCP code and the IDCC they set): the same outcome.
    pub fn same_apart_from_searches(&self, other: &Form) -> bool {
        let Form {
            texts,
            flags,
            price_basis,
            distance_mode,
        } = self;
        let searches = [Field::CertQuery.index(), Field::BranchQuery.index()];
        texts
            .iter()
            .zip(&other.texts)
            .enumerate()
            .all(|(i, (a, b))| searches.contains(&i) || a == b)
            && *flags == other.flags
            && *price_basis == other.price_basis
            && *distance_mode == other.distance_mode
    }

    fn section_has_content(&self, section: Section) -> bool {
        section
            .fields()
            .iter()
            .any(|f| !self.text(*f).trim().is_empty())
            || section.flags().iter().any(|f| self.flag(*f))
    }

    /// The contract as the core reads it, and the errors of the fields only the page knows (hours).
    pub fn contract_input(&self) -> (ContractInput, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut rejected = Vec::new();
        let checks = Field::ALL
            .into_iter()
            .filter(|f| f.is_amount())
            .map(|f| self.amount_error(f))
            .chain([self.birth_date_error()]);
        for e in checks.flatten() {
            rejected.push(e.field);
            errors.push(e);
        }
        let text = |f: Field| {
            if rejected.contains(&f) {
                // A stand-in keeps the required price from being reported missing as well.
                return (f == Field::Price).then(|| Loose("0".into()));
            }
            let t = self.text(f).trim();
            (!t.is_empty()).then(|| Loose(t.to_owned()))
        };
        let flag = |f: Flag| self.flag(f).then(|| Loose("true".into()));
        let distance_share = if !self.flag(Flag::Distance) {
            None
        } else {
            match self.distance_mode {
                DistanceMode::Share => text(Field::DistanceShare).map(|Loose(t)| {
                    // The box is in per cent: 80 means 80 %.
                    if t.ends_with('%') {
                        Loose(t)
                    } else {
                        Loose(format!("{t} %"))
                    }
                }),
                DistanceMode::Hours => match self.hours_share() {
                    Ok(share) => share.map(|s| Loose(s.normalize().to_string())),
                    Err(e) => {
                        errors.push(e);
                        None
                    }
                },
            }
        };
        // The box says the apprentice has a RQTH (hiring aid); the CFA's majoration is optional.
        let rqth_majoration = if self.flag(Flag::Rqth) {
            text(Field::RqthMajoration)
        } else {
            None
        };
        let input = ContractInput {
            signed_on: text(Field::SignedOn),
            start: text(Field::Start),
            end: text(Field::End),
            rupture_on: text(Field::RuptureOn),
            rupture_during_probation: flag(Flag::RuptureDuringProbation),
            after_rupture_new_employer: flag(Flag::AfterRuptureNewEmployer),
            rncp: text(Field::Rncp),
            level: text(Field::Level),
            idcc: text(Field::Idcc),
            cpne: text(Field::Cpne),
            npec: text(Field::Npec),
            price: text(Field::Price),
            price_basis: Some(Loose(
                match self.price_basis {
                    PriceBasis::Annual => "annual",
                    PriceBasis::Total => "total",
                }
                .into(),
            )),
            rqth_majoration,
            distance_share,
            reduced_duration: flag(Flag::ReducedDuration),
            annexes: Some(AnnexesInput {
                nights: text(Field::Nights),
                meals: text(Field::Meals),
                first_equipment: text(Field::FirstEquipment),
            }),
            cfa_entry_on: text(Field::CfaEntryOn),
            rqth: flag(Flag::Rqth),
            birth_date: text(Field::BirthDate),
            company_headcount: text(Field::CompanyHeadcount),
            monthly_salary: text(Field::MonthlySalary),
            tutor_aid: text(Field::TutorAid),
            cycle_year: text(Field::CycleYear),
            licence_pro: flag(Flag::LicencePro),
        };
        (input, errors)
    }

    /// True when the visitor asks for the employer's whole cost: a date of birth or a salary is given
    /// (the core computes it then).
    pub fn asks_net_cost(&self) -> bool {
        [Field::BirthDate, Field::MonthlySalary]
            .iter()
            .any(|f| !self.text(*f).trim().is_empty())
    }

    /// An amount beyond what the calculator takes ([`MAX_AMOUNT`]): a typing slip or a tampered link,
    /// never a contract.
    fn amount_error(&self, field: Field) -> Option<FieldError> {
        let t = self.text(field).trim();
        let value = parse_decimal(t, field.key(), false).ok()?;
        (value.abs() > Decimal::from(MAX_AMOUNT)).then(|| {
            FieldError::new(
                field,
                format!(
                    "« {} » : montant hors de portée du calculateur, qui accepte au plus {}",
                    clip(t),
                    euros(Decimal::from(MAX_AMOUNT))
                ),
                false,
            )
        })
    }

    /// A date of birth that would make the apprentice older than [`MAX_AGE`] at the start: a slip of
    /// the century (1905 for 2005) that would otherwise give a figure silently.
    fn birth_date_error(&self) -> Option<FieldError> {
        let birth = parse_date(self.text(Field::BirthDate), "birth_date").ok()?;
        let start = parse_date(self.text(Field::Start), "start").ok()?;
        let age = age_on(birth, start);
        (age > MAX_AGE).then(|| {
            FieldError::new(
                Field::BirthDate,
                format!(
                    "né le {}, l'apprenti aurait {age} ans au début du contrat : vérifiez la date de naissance",
                    date_short(birth)
                ),
                false,
            )
        })
    }

    /// The share of teaching at distance given as hours: `None` when both boxes are empty.
    fn hours_share(&self) -> Result<Option<Decimal>, FieldError> {
        let read = |f: Field| {
            let t = self.text(f).trim();
            if t.is_empty() {
                return Ok(None);
            }
            parse_decimal(t, f.key(), false)
                .map(Some)
                .map_err(|e| FieldError::new(f, e.message(), false))
        };
        let (distance, total) = (read(Field::DistanceHours)?, read(Field::TotalHours)?);
        let (distance, total) = match (distance, total) {
            (None, None) => return Ok(None),
            (None, Some(_)) => {
                return Err(FieldError::new(
                    Field::DistanceHours,
                    "indiquez le nombre d'heures d'enseignement à distance",
                    true,
                ))
            }
            (Some(_), None) => {
                return Err(FieldError::new(
                    Field::TotalHours,
                    "indiquez le nombre total d'heures de formation",
                    true,
                ))
            }
            (Some(d), Some(t)) => (d, t),
        };
        if total <= Decimal::ZERO {
            return Err(FieldError::new(
                Field::TotalHours,
                "le nombre total d'heures doit être supérieur à 0",
                false,
            ));
        }
        if distance < Decimal::ZERO || distance > total {
            return Err(FieldError::new(
                Field::DistanceHours,
                format!(
                    "les heures à distance vont de 0 au nombre total d'heures ({})",
                    total.normalize()
                ),
                false,
            ));
        }
        Ok(Some(distance / total))
    }
}

/// A message attached to one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field it belongs to.
    pub field: Field,
    /// What is wrong and how to fix it, in French.
    pub message: String,
    /// True when the field is only missing (shown more quietly than a wrong value).
    pub missing: bool,
}

impl FieldError {
    fn new(field: Field, message: impl Into<String>, missing: bool) -> FieldError {
        FieldError {
            field,
            message: message.into(),
            missing,
        }
    }
}

/// The branch the IDCC (or the chosen CPNE) points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchInfo {
    /// The IDCC, when one is given.
    pub idcc: Option<u32>,
    /// The collective agreement's name (or the CPNE's, without IDCC).
    pub label: String,
    /// The OPCO, when known.
    pub opco: Option<String>,
    /// The CPNE the IDCC maps to: several means the visitor must choose (D12), never the page.
    pub cpne: Vec<Branch>,
}

/// What the core makes of the form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outcome {
    /// The quote, when every field is right. It holds the employer's whole cost
    /// ([`Quote::net_cost`]) when that is asked for and its fields are right too.
    pub quote: Option<Quote>,
    /// Messages by field, in the order of the form: they prevent the quote.
    pub errors: Vec<FieldError>,
    /// A message that concerns no field in particular.
    pub general: Option<String>,
    /// Messages that only prevent the employer's whole cost (its own fields, or what the core needs
    /// for it: the level, a hiring-aid rule at the date of conclusion): the quote is still shown.
    pub net_errors: Vec<FieldError>,
    /// A message that only prevents the employer's whole cost and concerns no field.
    pub net_general: Option<String>,
    /// The certification chosen, when the référentiel knows it.
    pub certification: Option<Certification>,
    /// The branch of the IDCC or CPNE given.
    pub branch: Option<BranchInfo>,
}

impl Outcome {
    /// The message of a field, if any.
    pub fn error(&self, field: Field) -> Option<&FieldError> {
        self.errors
            .iter()
            .chain(&self.net_errors)
            .find(|e| e.field == field)
    }

    /// Files a message: with those of the whole cost when the field is one of its own.
    fn push(&mut self, error: FieldError) {
        if error.field.is_net_cost() {
            self.net_errors.push(error);
        } else {
            self.errors.push(error);
        }
    }
}

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
    pub open: [bool; 2],
    /// The quote or the messages. Shared: kept (the same `Rc`) while what the core reads is unchanged
    /// (a search keystroke), so that its view compares it by pointer.
    pub outcome: Rc<Outcome>,
    /// What the share link the page was opened with held that could not be taken as is; a note goes
    /// once its field is edited.
    pub link_notes: Vec<LinkNote>,
}

/// Something wrong in a share link (a tampered or truncated address): what it was and what the page
/// did with it. The rest of the link is taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkNote {
    /// The id of the element the note sits next to, `None` for the link as a whole.
    pub id: Option<&'static str>,
    /// What it concerns, for the list at the top of the form.
    pub label: &'static str,
    /// What was wrong and what the page did, in French.
    pub message: String,
}

/// What a key of a share link names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Field(Field),
    Flag(Flag),
    PriceBasis,
    DistanceMode,
    /// Read by the page, not the form: `mode` (which page, widget/mod.rs) and `debug_panic`.
    Page,
}

impl Key {
    fn of(key: &str) -> Option<Key> {
        if let Some(field) = Field::ALL.into_iter().find(|f| f.key() == key) {
            return Some(Key::Field(field));
        }
        if let Some(flag) = Flag::ALL.into_iter().find(|f| f.key() == key) {
            return Some(Key::Flag(flag));
        }
        match key {
            "price_basis" => Some(Key::PriceBasis),
            "distance_mode" => Some(Key::DistanceMode),
            DEBUG_PANIC | "mode" => Some(Key::Page),
            _ => None,
        }
    }

    /// Where its notes go: the element's id and the label.
    fn place(self) -> (Option<&'static str>, &'static str) {
        match self {
            Key::Field(f) => (Some(f.id()), f.label()),
            Key::Flag(f) => (Some(f.key()), f.label()),
            Key::PriceBasis => (Some(Field::Price.id()), Field::Price.label()),
            Key::DistanceMode => (Some(Flag::Distance.key()), "Enseignement à distance"),
            Key::Page => (None, "Lien de partage"),
        }
    }
}

/// The form a share link describes, whether it named anything of the form, and what was wrong in it.
fn read_link(query: &str) -> (Form, bool, Vec<LinkNote>) {
    let mut form = Form::default();
    let mut known = false;
    let mut notes = Vec::new();
    let general = |message: String| LinkNote {
        id: None,
        label: "Lien de partage",
        message,
    };
    let mut query = query;
    if query.len() > MAX_QUERY_BYTES {
        let mut cut = MAX_QUERY_BYTES;
        while !query.is_char_boundary(cut) {
            cut -= 1;
        }
        notes.push(general(format!(
            "le lien est trop long ({} caractères) : seuls les {MAX_QUERY_BYTES} premiers ont été lus",
            query.len()
        )));
        query = &query[..cut];
    }
    let mut pairs = query::decode_checked(query);
    if pairs.len() > MAX_PAIRS {
        notes.push(general(format!(
            "le lien compte {} paramètres : seuls les {MAX_PAIRS} premiers ont été lus",
            pairs.len()
        )));
        pairs.truncate(MAX_PAIRS);
    }
    let mut unknown: Vec<String> = Vec::new();
    let mut seen: Vec<Key> = Vec::new();
    for pair in pairs {
        let Some(key) = Key::of(&pair.key) else {
            if !unknown.contains(&pair.key) {
                unknown.push(pair.key);
            }
            continue;
        };
        if key == Key::Page {
            continue;
        }
        known = true;
        let (id, label) = key.place();
        let mut note = |message: String| notes.push(LinkNote { id, label, message });
        if seen.contains(&key) {
            note(format!(
                "« {} » figure plusieurs fois dans le lien : la dernière valeur est retenue",
                pair.key
            ));
        } else {
            seen.push(key);
        }
        let chars = pair.value.chars().count();
        if chars > MAX_VALUE_CHARS {
            note(format!(
                "la valeur du lien est trop longue ({chars} caractères, {MAX_VALUE_CHARS} au plus) : elle a été ignorée"
            ));
            continue;
        }
        if pair.malformed {
            note(format!(
                "le lien contenait ici des caractères mal encodés (« {} ») : la valeur est reprise telle quelle, vérifiez-la",
                clip(&pair.value)
            ));
        }
        let value = pair.value;
        let word = value.trim().to_lowercase();
        match key {
            Key::Field(field) => form.set(field, value),
            Key::Flag(flag) => match word.as_str() {
                "1" | "true" | "on" | "oui" => form.set_flag(flag, true),
                "" | "0" | "false" | "off" | "non" => form.set_flag(flag, false),
                _ => {
                    form.set_flag(flag, false);
                    note(format!(
                        "« {} » n'est pas une réponse de case à cocher (1 ou 0) : la case est laissée décochée",
                        clip(&value)
                    ));
                }
            },
            Key::PriceBasis => match word.as_str() {
                "total" => form.price_basis = PriceBasis::Total,
                "" | "annual" => form.price_basis = PriceBasis::Annual,
                _ => {
                    form.price_basis = PriceBasis::Annual;
                    note(format!(
                        "« {} » n'est pas une base de prix connue (annual ou total) : « par année de formation » est retenu",
                        clip(&value)
                    ));
                }
            },
            Key::DistanceMode => match word.as_str() {
                "hours" => form.distance_mode = DistanceMode::Hours,
                "" | "share" => form.distance_mode = DistanceMode::Share,
                _ => {
                    form.distance_mode = DistanceMode::Share;
                    note(format!(
                        "« {} » n'est pas une façon connue d'indiquer la part à distance (share ou hours) : « en pourcentage » est retenu",
                        clip(&value)
                    ));
                }
            },
            Key::Page => {}
        }
    }
    if !unknown.is_empty() {
        const SHOWN: usize = 5;
        let mut names: Vec<String> = unknown
            .iter()
            .take(SHOWN)
            .map(|k| format!("« {} »", clip(k)))
            .collect();
        if unknown.len() > SHOWN {
            names.push(format!("et {} autres", unknown.len() - SHOWN));
        }
        notes.push(general(format!(
            "{} inconnu{} de la page, ignoré{} : {}",
            if unknown.len() > 1 {
                "paramètres"
            } else {
                "paramètre"
            },
            if unknown.len() > 1 { "s" } else { "" },
            if unknown.len() > 1 { "s" } else { "" },
            names.join(", ")
        )));
    }
    (form, known, notes)
}

/// True when the share link asks for a panic (`?debug_panic=1`): a hidden trigger whose only use is to
/// test the page's message when it fails.
pub fn debug_panic_requested(query: &str) -> bool {
    query::decode(query)
        .iter()
        .take(MAX_PAIRS)
        .any(|(k, v)| k == DEBUG_PANIC && v == "1")
}

impl State {
    /// The state of a form, computed.
    pub fn new(form: Form, today: Date, catalog: Catalog) -> State {
        let open = [
            form.section_has_content(Section::Advanced),
            form.section_has_content(Section::Annexes),
        ];
        let mut state = State {
            form,
            today,
            cert_hits: Vec::new(),
            branch_hits: Vec::new(),
            open,
            outcome: Rc::default(),
            link_notes: Vec::new(),
        };
        state.recompute(catalog);
        state
    }

    /// The state a visitor first sees.
    pub fn defaults(today: Date, catalog: Catalog) -> State {
        State::new(Form::defaults(today), today, catalog)
    }

    /// The whole form as a query string (`signed_on=15/08/2025&start=...`), without the `?`: what the
    /// share link carries. Empty fields, unticked boxes and default choices are left out.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        for field in Field::ALL {
            let text = self.form.text(field);
            if !text.is_empty() {
                pairs.push((field.key(), text));
            }
        }
        for flag in Flag::ALL {
            if self.form.flag(flag) {
                pairs.push((flag.key(), "1"));
            }
        }
        if self.form.price_basis == PriceBasis::Total {
            pairs.push(("price_basis", "total"));
        }
        if self.form.distance_mode == DistanceMode::Hours {
            pairs.push(("distance_mode", "hours"));
        }
        if pairs.is_empty() {
            // An emptied form is not the defaults: one empty field says so.
            pairs.push((Field::SignedOn.key(), ""));
        }
        query::encode(&pairs)
    }

    /// The state a share link describes (`?signed_on=…&price=…`, the `?` optional); without any key of
    /// the form, the defaults. Never fails: whatever is wrong in the link (unknown keys, repeated keys,
    /// broken percent-encoding, overlong values, too many pairs) is said in [`State::link_notes`], next
    /// to the field it concerns, and the rest of the link is taken; a wrong value (a bad date, an absurd
    /// amount) is kept as typed and gets its field's message, as if typed.
    pub fn from_query(query: &str, today: Date, catalog: Catalog) -> State {
        let (form, known, notes) = read_link(query);
        let mut state = if known {
            State::new(form, today, catalog)
        } else {
            State::defaults(today, catalog)
        };
        state.link_notes = notes;
        state
    }

    /// The share link's note next to the element of this id, if any.
    pub fn link_note(&self, id: &str) -> Option<&LinkNote> {
        self.link_notes.iter().find(|n| n.id == Some(id))
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

    /// Applies one action: the reducer, pure given the catalog.
    pub fn apply(&mut self, action: Action, catalog: Catalog) {
        // A note of the share link goes once its field is edited.
        let edited: &[&str] = match &action {
            Action::Set(field, _) => &[field.id()],
            Action::Toggle(flag, _) => &[flag.key()],
            Action::PriceBasis(_) => &["price"],
            Action::DistanceMode(_) => &["distance"],
            Action::PickCertification(_) => &["certification", "level"],
            Action::PickBranch(_) => &["branch", "cpne"],
            Action::PickCpne(_) => &["cpne"],
            Action::Disclose(..) => &[],
        };
        self.link_notes
            .retain(|n| n.id.is_none_or(|id| !edited.contains(&id)));
        let before = self.form.clone();
        match action {
            Action::Set(Field::CertQuery, text) => {
                let code = typed_code(&text, catalog);
                self.cert_hits = match &code {
                    Some(c) if find_certification(c, catalog).is_some() => Vec::new(),
                    _ => catalog.certifications.search(&text, SUGGESTIONS),
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
        } = self;
        form.same_apart_from_searches(&other.form)
            && *today == other.today
            && *open == other.open
            && Rc::ptr_eq(outcome, &other.outcome)
            && *link_notes == other.link_notes
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

fn find_certification(code: &str, catalog: Catalog) -> Option<Certification> {
    catalog
        .certifications
        .search(code, 1)
        .into_iter()
        .find(|c| c.rncp == code)
}

/// The RNCP code the visitor typed, when the box holds a code rather than words: `RNCP…` always (an
/// unknown certification takes the amorçage value), bare digits only when the référentiel knows them.
fn typed_code(text: &str, catalog: Catalog) -> Option<String> {
    let t = text.trim();
    let code = normalize_rncp(t)?;
    let explicit = t.to_ascii_uppercase().starts_with("RNCP");
    (explicit || find_certification(&code, catalog).is_some()).then_some(code)
}

/// The fields the core requires: a wrong one is replaced by a valid stand-in so that the other fields
/// are still checked (no quote is made while any field is wrong).
fn stand_in(field: &str) -> Option<&'static str> {
    match field {
        "signed_on" | "start" | "end" => Some("2025-09-01"),
        "price" => Some("0"),
        _ => None,
    }
}

fn clear(input: &mut ContractInput, field: &str) -> bool {
    if let Some(value) = stand_in(field) {
        let slot = match field {
            "signed_on" => &mut input.signed_on,
            "start" => &mut input.start,
            "end" => &mut input.end,
            _ => &mut input.price,
        };
        *slot = Some(Loose(value.into()));
        return true;
    }
    let annexes = input.annexes.get_or_insert_with(Default::default);
    let slot = match field {
        "rupture_on" => &mut input.rupture_on,
        "rupture_during_probation" => &mut input.rupture_during_probation,
        "after_rupture_new_employer" => &mut input.after_rupture_new_employer,
        "rncp" => &mut input.rncp,
        "level" => &mut input.level,
        "idcc" => &mut input.idcc,
        "cpne" => &mut input.cpne,
        "npec" => &mut input.npec,
        "price_basis" => &mut input.price_basis,
        "rqth_majoration" => &mut input.rqth_majoration,
        "distance_share" => &mut input.distance_share,
        "reduced_duration" => &mut input.reduced_duration,
        "annexes.nights" => &mut annexes.nights,
        "annexes.meals" => &mut annexes.meals,
        "annexes.first_equipment" => &mut annexes.first_equipment,
        "cfa_entry_on" => &mut input.cfa_entry_on,
        "rqth" => &mut input.rqth,
        "birth_date" => &mut input.birth_date,
        "company_headcount" => &mut input.company_headcount,
        "monthly_salary" => &mut input.monthly_salary,
        "tutor_aid" => &mut input.tutor_aid,
        "cycle_year" => &mut input.cycle_year,
        "licence_pro" => &mut input.licence_pro,
        _ => return false,
    };
    *slot = None;
    true
}

fn field_error(
    form: &Form,
    branch: Option<&BranchInfo>,
    e: &coutcontrat::Error,
) -> Option<FieldError> {
    let name = e.field()?;
    let mut field = Field::from_core(name)?;
    let mut message = e.message().to_owned();
    match field {
        Field::DistanceShare if form.distance_mode == DistanceMode::Hours => {
            field = Field::DistanceHours;
        }
        Field::DistanceShare if e.kind() == ErrorKind::OutOfRange => {
            message = format!(
                "{} % : la part à distance va de 0 à 100 %",
                form.text(Field::DistanceShare)
                    .trim()
                    .trim_end_matches('%')
                    .trim()
            );
        }
        // Without a list of CPNE to choose from, the message goes to the branch box.
        Field::Cpne if branch.is_none_or(|b| b.cpne.len() < 2) => field = Field::BranchQuery,
        _ => {}
    }
    Some(FieldError::new(
        field,
        message,
        e.kind() == ErrorKind::Missing,
    ))
}

fn branch_info(form: &Form, on: Date, catalog: Catalog) -> Option<BranchInfo> {
    let r = catalog.referentiel();
    let branch = |cpne: u32| Branch {
        cpne,
        label: r.cpne_label(cpne).unwrap_or_default().to_owned(),
    };
    if let Ok(idcc) = parse_idcc(form.text(Field::Idcc), "idcc") {
        let info = r.idcc(idcc);
        return Some(BranchInfo {
            idcc: Some(idcc),
            label: info.map(|i| i.label.clone()).unwrap_or_default(),
            opco: info.and_then(|i| i.opco.clone()),
            cpne: r.cpne_of_idcc(idcc, on).into_iter().map(branch).collect(),
        });
    }
    let cpne: u32 = form.text(Field::Cpne).trim().parse().ok()?;
    Some(BranchInfo {
        idcc: None,
        label: r.cpne_label(cpne).unwrap_or_default().to_owned(),
        opco: None,
        cpne: vec![branch(cpne)],
    })
}

/// What the core makes of a form: every field's own message (each field is checked even when another is
/// wrong), then, when all are right, the quote or the one problem that prevents it.
pub fn compute(form: &Form, on: Date, catalog: Catalog) -> Outcome {
    let mut out = Outcome {
        certification: find_certification(form.text(Field::Rncp).trim(), catalog),
        branch: branch_info(form, on, catalog),
        ..Outcome::default()
    };
    let (mut input, page_errors) = form.contract_input();
    for e in page_errors {
        out.push(e);
    }
    let mut contract = None;
    for _ in 0..=Field::ALL.len() + Flag::ALL.len() {
        match input.parse() {
            Ok(c) => {
                contract = Some(c);
                break;
            }
            Err(e) => {
                match field_error(form, out.branch.as_ref(), &e) {
                    Some(fe) => out.push(fe),
                    None => out.general = Some(e.message().to_owned()),
                }
                if !e.field().is_some_and(|f| clear(&mut input, f)) {
                    break;
                }
            }
        }
    }
    if let (Some(contract), true, None) = (contract, out.errors.is_empty(), &out.general) {
        // Only this certification's rows are decoded (data.rs); their lookups are the whole table's.
        let table = catalog.referentiel_for(contract.rncp.as_deref());
        let quoter = Quoter::new(&table);
        // The whole cost is a separate part of the quote: what prevents it never hides the rest.
        let asks_net = contract.birth_date.is_some() || contract.monthly_salary.is_some();
        let full = (asks_net && out.net_errors.is_empty()).then(|| quoter.quote(&contract));
        match full {
            Some(Ok(quote)) => out.quote = Some(quote),
            full => {
                let mut without_net = contract;
                without_net.birth_date = None;
                without_net.monthly_salary = None;
                match quoter.quote(&without_net) {
                    Ok(quote) => {
                        out.quote = Some(quote);
                        if let Some(Err(e)) = full {
                            match field_error(form, out.branch.as_ref(), &e) {
                                Some(fe) => out.net_errors.push(fe),
                                None => out.net_general = Some(e.message().to_owned()),
                            }
                        }
                    }
                    Err(e) => match field_error(form, out.branch.as_ref(), &e) {
                        Some(fe) => out.push(fe),
                        None => out.general = Some(e.message().to_owned()),
                    },
                }
            }
        }
    }
    // One function for both lists: each sorting closure is a copy of the sort in the WebAssembly.
    fn in_form_order(errors: &mut [FieldError]) {
        errors.sort_by_key(|e| Field::ALL.iter().position(|x| *x == e.field));
    }
    in_form_order(&mut out.errors);
    in_form_order(&mut out.net_errors);
    out
}

/// The age in whole years on a day.
fn age_on(birth: Date, day: Date) -> i32 {
    let mut age = i32::from(day.year()) - i32::from(birth.year());
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// A text as quoted in a message: at most 40 characters.
fn clip(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests;
