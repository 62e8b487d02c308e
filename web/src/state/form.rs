//! What is typed, kept as typed, and how it becomes the core's loose input.

use coutcontrat::contract::fields;
use coutcontrat::contract::{parse_date, parse_decimal, Loose, PriceBasis};
use coutcontrat::ContractInput;
use jiff::civil::Date;
use jiff::Span;
use rust_decimal::Decimal;

use super::field::{DistanceMode, Field, Flag, Section};
use crate::format::{date_short, euros};

/// The largest amount in euros the page takes (a price, a salary…): beyond it, a message, never a
/// computation.
pub const MAX_AMOUNT: u32 = 1_000_000;

/// The oldest apprentice the page believes in, in years at the start of the contract.
pub const MAX_AGE: i32 = 100;

/// Everything typed, exactly as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    texts: [String; Field::ALL.len()],
    flags: [bool; Flag::ALL.len()],
    /// Per year or for the whole contract.
    pub price_basis: PriceBasis,
    /// Percentage or hours.
    pub distance_mode: DistanceMode,
}

// By hand: `Default` is derived for arrays of at most 32 boxes.
impl Default for Form {
    fn default() -> Form {
        Form {
            texts: std::array::from_fn(|_| String::new()),
            flags: [false; Flag::ALL.len()],
            price_basis: PriceBasis::default(),
            distance_mode: DistanceMode::default(),
        }
    }
}

/// The duration of the contract the form first shows, in months (the usual length of a BTS).
const DEFAULT_MONTHS: u32 = 24;

/// The last day of a contract of `months` months starting on `start` (1 September + 24 months → 31 August
/// two years later).
pub fn end_after(start: Date, months: u32) -> Option<Date> {
    // `try_` spans: the panicking ones would link jiff's error formatting (25 KB of WebAssembly).
    let next = start
        .checked_add(Span::new().try_months(i64::from(months)).ok()?)
        .ok()?;
    next.checked_sub(Span::new().try_days(1).ok()?).ok()
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

    /// The form a visitor first sees: a two-year contract concluded and starting today, so that the
    /// first figures are those of a contract concluded now, under the edition in force now.
    pub fn defaults(today: Date) -> Form {
        let (signed_on, start) = (today, today);
        let end = end_after(start, DEFAULT_MONTHS).unwrap_or(start);
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

    pub(super) fn section_has_content(&self, section: Section) -> bool {
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
                // The hours go to the core (D27: its 80 % test is exact); the page checks them first.
                DistanceMode::Hours => {
                    if let Err(e) = self.hours_share() {
                        errors.push(e);
                    }
                    None
                }
            }
        };
        // The box says the apprentice has a RQTH (hiring aid); the CFA's majoration is optional.
        let rqth_majoration = if self.flag(Flag::Rqth) {
            text(Field::RqthMajoration)
        } else {
            None
        };
        // Every box and tick box of a core input fills it, by the core's table; then the three the page
        // gives its own way.
        let mut input = ContractInput::default();
        for field in Field::ALL {
            if let Some(spec) = fields::spec(field.key()) {
                *(spec.slot)(&mut input) = text(field);
            }
        }
        // The hours count only when given as such, and when checked by the page.
        let hours_given = self.flag(Flag::Distance)
            && self.distance_mode == DistanceMode::Hours
            && self.hours_share().is_ok_and(|s| s.is_some());
        if !hours_given {
            input.distance_hours = None;
            input.cfa_hours = None;
        }
        if !self.flag(Flag::Distance) {
            input.distance_exempt = None;
        }
        // The quota's shares and the previous rate are typed in per cent, like the distance share.
        for field in Field::PERCENT_SHARES {
            if let Some(spec) = fields::spec(field.key()) {
                *(spec.slot)(&mut input) = text(field).map(|Loose(t)| {
                    if t.ends_with('%') {
                        Loose(t)
                    } else {
                        Loose(format!("{t} %"))
                    }
                });
            }
        }
        for tick in Flag::ALL {
            if let Some(spec) = fields::spec(tick.key()) {
                *(spec.slot)(&mut input) = flag(tick);
            }
        }
        input.price_basis = Some(Loose(
            match self.price_basis {
                PriceBasis::Annual => "annual",
                PriceBasis::Total => "total",
            }
            .into(),
        ));
        input.rqth_majoration = rqth_majoration;
        input.distance_share = distance_share;
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
    pub(super) fn new(field: Field, message: impl Into<String>, missing: bool) -> FieldError {
        FieldError {
            field,
            message: message.into(),
            missing,
        }
    }
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
pub(super) fn clip(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let head: String = text.chars().take(MAX).collect();
        format!("{head}…")
    }
}
