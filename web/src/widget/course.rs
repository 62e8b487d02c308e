//! One course of a CFA's catalogue: as written (every field as text, what the integration page's editor
//! holds) and checked, each wrong field named with its column so that the editor can mark its cell.

use coutcontrat::contract::parse_decimal;
use coutcontrat::referentiel::normalize_rncp;
use coutcontrat::text::quoted;
use rust_decimal::Decimal;

use super::course_npec::CourseNpec;

/// The fields of a course, in the order of the compact form, with their JSON names. `npec` holds, as
/// text, the amounts of `npec`, `npec_by_idcc` and `npec_by_cpne` ([`CourseNpec`]).
pub const KEYS: [&str; 8] = [
    "rncp",
    "label",
    "level",
    "price",
    "months",
    "distance",
    "npec",
    "npec_edition",
];

/// The longest duration accepted, in months (four years: the longest apprenticeship contract).
pub const MAX_MONTHS: u32 = 48;

/// One course of the catalogue, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    /// The RNCP code, normalised (`RNCP41000`).
    pub rncp: String,
    /// The CFA's name for it (may be empty: the référentiel's label is then shown).
    pub label: String,
    /// The certification level, 3 to 8, when the CFA gives it.
    pub level: Option<u8>,
    /// The price per year of training, in euros.
    pub price: Decimal,
    /// The usual duration, in months: it prefills the end date.
    pub months: Option<u32>,
    /// The share of teaching at distance, in per cent (0 to 100).
    pub distance: Option<Decimal>,
    /// The NPEC the CFA gives, used before the référentiel's.
    pub npec: Option<CourseNpec>,
}

/// A course as written: every field as text, before any check.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawCourse {
    /// RNCP code.
    pub rncp: String,
    /// Label.
    pub label: String,
    /// Level.
    pub level: String,
    /// Annual price.
    pub price: String,
    /// Usual duration in months.
    pub months: String,
    /// Share at distance, per cent.
    pub distance: String,
    /// NPEC amounts (see [`CourseNpec`]).
    pub npec: String,
    /// The edition they come from.
    pub npec_edition: String,
}

impl RawCourse {
    /// True when every field is empty: a blank row of an editor, not a course.
    pub fn is_blank(&self) -> bool {
        (0..KEYS.len()).all(|i| self.get(i).trim().is_empty())
    }

    /// The field of position `i` in [`KEYS`].
    pub fn get(&self, i: usize) -> &str {
        match i {
            0 => &self.rncp,
            1 => &self.label,
            2 => &self.level,
            3 => &self.price,
            4 => &self.months,
            5 => &self.distance,
            6 => &self.npec,
            _ => &self.npec_edition,
        }
    }

    /// Sets the field of position `i` in [`KEYS`].
    pub fn set(&mut self, i: usize, text: String) {
        match i {
            0 => self.rncp = text,
            1 => self.label = text,
            2 => self.level = text,
            3 => self.price = text,
            4 => self.months = text,
            5 => self.distance = text,
            6 => self.npec = text,
            _ => self.npec_edition = text,
        }
    }

    /// Checks the course; `n` is its position from 1, for the messages. Returns the course and what of
    /// its NPEC was left out, or every reason the whole course is; each problem with its column in [`KEYS`].
    pub fn check(&self, n: usize) -> Result<(Course, Vec<Problem>), Vec<Problem>> {
        let mut wrong = Vec::new();
        let rncp_text = self.rncp.trim();
        let rncp = normalize_rncp(rncp_text);
        let what = match &rncp {
            Some(code) => format!("formation {n} ({code})"),
            None => format!("formation {n}"),
        };
        let mut fail = |column: usize, message: String| {
            wrong.push(Problem {
                column,
                message: format!("{what} : {message}"),
            })
        };
        if rncp.is_none() {
            fail(
                0,
                if rncp_text.is_empty() {
                    "le code RNCP manque".to_owned()
                } else {
                    format!(
                        "« {} » n'est pas un code RNCP (RNCP suivi de chiffres)",
                        quoted(rncp_text)
                    )
                },
            );
        }
        let label: String = self.label.split_whitespace().collect::<Vec<_>>().join(" ");
        if label.chars().count() > 200 {
            fail(1, "l'intitulé dépasse 200 caractères".to_owned());
        }
        let level = match self.level.trim() {
            "" => None,
            t => match t.parse::<u8>() {
                Ok(l @ 3..=8) => Some(l),
                _ => {
                    fail(2, format!("niveau « {} » : de 3 à 8", quoted(t)));
                    None
                }
            },
        };
        let price = match self.price.trim() {
            "" => {
                fail(3, "le prix annuel manque".to_owned());
                None
            }
            t => match parse_decimal(t, "price", false) {
                Ok(p) if p > Decimal::ZERO => Some(p),
                Ok(_) => {
                    fail(3, "le prix annuel doit être supérieur à 0".to_owned());
                    None
                }
                Err(_) => {
                    fail(
                        3,
                        format!(
                            "prix annuel « {} » illisible (en euros, par exemple 6900)",
                            quoted(t)
                        ),
                    );
                    None
                }
            },
        };
        let months = match self.months.trim() {
            "" => None,
            t => match t.parse::<u32>() {
                Ok(m @ 1..=MAX_MONTHS) => Some(m),
                _ => {
                    fail(
                        4,
                        format!(
                            "durée « {} » : un nombre entier de mois, de 1 à {MAX_MONTHS}",
                            quoted(t)
                        ),
                    );
                    None
                }
            },
        };
        let distance = match self.distance.trim().trim_end_matches('%').trim() {
            "" => None,
            t => match parse_decimal(t, "distance", false) {
                Ok(d) if (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&d) => Some(d),
                _ => {
                    fail(
                        5,
                        format!("part à distance « {} » : de 0 à 100 (%)", quoted(t)),
                    );
                    None
                }
            },
        };
        let (Some(rncp), Some(price), true) = (rncp, price, wrong.is_empty()) else {
            return Err(wrong);
        };
        let (npec, amounts, edition) = CourseNpec::check(&self.npec, &self.npec_edition, &what);
        let notes = amounts
            .into_iter()
            .map(|message| Problem { column: 6, message })
            .chain(edition.map(|message| Problem { column: 7, message }))
            .collect();
        Ok((
            Course {
                rncp,
                label,
                level,
                price,
                months,
                distance,
                npec,
            },
            notes,
        ))
    }
}

/// What is wrong with one field of a course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The field's position in [`KEYS`].
    pub column: usize,
    /// The message, in French, naming the course.
    pub message: String,
}

impl Course {
    /// The course as written in the catalogue, for an editor.
    pub fn raw(&self) -> RawCourse {
        RawCourse {
            rncp: self.rncp.clone(),
            label: self.label.clone(),
            level: self.level.map(|l| l.to_string()).unwrap_or_default(),
            price: self.price.normalize().to_string(),
            months: self.months.map(|m| m.to_string()).unwrap_or_default(),
            distance: self
                .distance
                .map(|d| d.normalize().to_string())
                .unwrap_or_default(),
            npec: self.npec.as_ref().map(CourseNpec::text).unwrap_or_default(),
            npec_edition: self
                .npec
                .as_ref()
                .and_then(|n| n.edition.clone())
                .unwrap_or_default(),
        }
    }
}
