//! The NPEC a CFA gives for a course of its catalogue: one annual amount for every branch, or amounts by
//! the employer's IDCC or by branch (CPNE), with the edition of the référentiel they come from.
//!
//! A CFA knows the NPEC of its courses before the page's data does (the shipped editions are extracts).
//! The widget uses it before the table, for the matching branch, and says so. As the CFA types it in the
//! integration page, the amounts are one text: entries separated by `;`, each `8765` (every branch),
//! `IDCC 1351 : 8765` or `CPNE 204 : 8765`. A wrong entry is named and left out, the course kept.

use coutcontrat::contract::parse_decimal;
use coutcontrat::money::{amount_limit_text, within_amount_limit};
use coutcontrat::text::quoted;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// The most entries read for one course (a branch list of an edition has about 200 CPNE).
pub const MAX_ENTRIES: usize = 1_000;

/// What a catalogue's NPEC applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// Every branch.
    All,
    /// The employer's convention (IDCC).
    Idcc(u32),
    /// The branch's CPNE.
    Cpne(u32),
}

/// The NPEC of a course, checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CourseNpec {
    /// The annual amounts, each with what it applies to, in the CFA's order.
    pub amounts: Vec<(Basis, Decimal)>,
    /// The edition of the référentiel they come from (`2026-09`), when the CFA says.
    pub edition: Option<String>,
}

impl CourseNpec {
    /// Reads the text of the amounts and of the edition; `what` names the course in messages. Returns the
    /// NPEC (none when nothing valid is left), one message per amount left out, and what is wrong with the
    /// edition.
    pub fn check(
        amounts: &str,
        edition: &str,
        what: &str,
    ) -> (Option<CourseNpec>, Vec<String>, Option<String>) {
        let mut npec = CourseNpec::default();
        let mut problems = Vec::new();
        for entry in amounts.split(';').map(str::trim).filter(|e| !e.is_empty()) {
            if npec.amounts.len() == MAX_ENTRIES {
                problems.push(format!(
                    "{what} : plus de {MAX_ENTRIES} montants de NPEC, les suivants sont ignorés"
                ));
                break;
            }
            match entry_of(entry) {
                Ok((basis, _)) if npec.amounts.iter().any(|(b, _)| *b == basis) => {
                    problems.push(format!(
                        "{what} : NPEC « {} » : {} a déjà un montant, celui-ci est ignoré",
                        quoted(entry),
                        basis_text(basis)
                    ))
                }
                Ok(found) => npec.amounts.push(found),
                Err(why) => problems.push(format!(
                    "{what} : NPEC « {} » ignoré : {why}",
                    quoted(entry)
                )),
            }
        }
        let edition = edition.trim();
        let mut edition_problem = None;
        if !edition.is_empty() {
            if is_edition(edition) {
                npec.edition = Some(edition.to_owned());
            } else {
                edition_problem = Some(format!(
                    "{what} : édition du NPEC « {} » ignorée : elle s'écrit AAAA-MM (par exemple 2026-09)",
                    quoted(edition)
                ));
            }
        }
        let kept = (!npec.amounts.is_empty()).then_some(npec);
        (kept, problems, edition_problem)
    }

    /// The amount for an employer of `idcc`, whose branch is `cpne`: by IDCC first, then by CPNE, then the
    /// amount for every branch.
    pub fn for_branch(&self, idcc: Option<u32>, cpne: Option<u32>) -> Option<Decimal> {
        let find = |wanted: Basis| {
            self.amounts
                .iter()
                .find(|(b, _)| *b == wanted)
                .map(|(_, a)| *a)
        };
        idcc.and_then(|i| find(Basis::Idcc(i)))
            .or_else(|| cpne.and_then(|c| find(Basis::Cpne(c))))
            .or_else(|| find(Basis::All))
    }

    /// The amounts as the CFA types them (what [`check`](CourseNpec::check) reads back).
    pub fn text(&self) -> String {
        self.amounts
            .iter()
            .map(|(basis, amount)| match basis {
                Basis::All => amount.normalize().to_string(),
                other => format!("{} : {}", basis_text(*other), amount.normalize()),
            })
            .collect::<Vec<_>>()
            .join(" ; ")
    }

    /// The JSON fields of the course: `npec`, `npec_by_idcc`, `npec_by_cpne`, `npec_edition`.
    pub fn json_fields(&self) -> Vec<String> {
        let mut fields = Vec::new();
        let by = |keep: fn(Basis) -> Option<u32>| {
            let pairs: Vec<String> = self
                .amounts
                .iter()
                .filter_map(|(b, a)| keep(*b).map(|code| format!("\"{code}\":{}", a.normalize())))
                .collect();
            (!pairs.is_empty()).then(|| format!("{{{}}}", pairs.join(",")))
        };
        if let Some((_, all)) = self.amounts.iter().find(|(b, _)| *b == Basis::All) {
            fields.push(format!("\"npec\":{}", all.normalize()));
        }
        if let Some(map) = by(|b| match b {
            Basis::Idcc(i) => Some(i),
            _ => None,
        }) {
            fields.push(format!("\"npec_by_idcc\":{map}"));
        }
        if let Some(map) = by(|b| match b {
            Basis::Cpne(c) => Some(c),
            _ => None,
        }) {
            fields.push(format!("\"npec_by_cpne\":{map}"));
        }
        if let Some(e) = &self.edition {
            fields.push(format!("\"npec_edition\":{}", Value::from(e.as_str())));
        }
        fields
    }
}

/// The text of the amounts a course of the JSON catalogue carries: its `npec` and the entries of its
/// `npec_by_idcc` and `npec_by_cpne` objects, or what is wrong with their shape.
pub fn amounts_of_json(course: &Map<String, Value>) -> Result<String, String> {
    let mut entries = Vec::new();
    match course.get("npec") {
        None | Some(Value::Null) => {}
        Some(Value::Number(n)) => entries.push(n.to_string()),
        Some(Value::String(s)) => entries.push(s.clone()),
        Some(_) => return Err("« npec » doit être un montant (nombre ou texte)".into()),
    }
    for (key, prefix) in [("npec_by_idcc", "IDCC"), ("npec_by_cpne", "CPNE")] {
        match course.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::Object(map)) => {
                for (code, amount) in map {
                    let amount = match amount {
                        Value::Number(n) => n.to_string(),
                        Value::String(s) => s.clone(),
                        _ => format!("{amount}"),
                    };
                    entries.push(format!("{prefix} {code} : {amount}"));
                }
            }
            Some(_) => {
                return Err(format!(
                    "« {key} » doit être un objet {{\"code\": montant, …}} (par exemple {{\"1351\": 8765}})"
                ))
            }
        }
    }
    Ok(entries.join(" ; "))
}

fn basis_text(basis: Basis) -> String {
    match basis {
        Basis::All => "toutes les branches".into(),
        Basis::Idcc(i) => format!("IDCC {i}"),
        Basis::Cpne(c) => format!("CPNE {c}"),
    }
}

/// One entry: `8765`, `IDCC 1351 : 8765`, `CPNE 204 : 8765` (the words in either case, `=` for `:`).
fn entry_of(entry: &str) -> Result<(Basis, Decimal), String> {
    let (basis, amount) = match entry.split_once([':', '=']) {
        None => (Basis::All, entry),
        Some((key, amount)) => {
            let key = key.trim();
            let (kind, code) = match key.get(..4).map(str::to_ascii_uppercase).as_deref() {
                Some("IDCC") => ("IDCC", &key[4..]),
                Some("CPNE") => ("CPNE", &key[4..]),
                _ => {
                    return Err(
                        "écrivez « IDCC 1351 : 8765 », « CPNE 204 : 8765 » ou un montant seul"
                            .into(),
                    )
                }
            };
            let code = code.trim();
            let Some(code) = code
                .parse::<u32>()
                .ok()
                .filter(|c| (1..=99_999).contains(c))
            else {
                return Err(format!(
                    "« {} » n'est pas un code {kind} (un nombre de 1 à 5 chiffres)",
                    quoted(code)
                ));
            };
            let basis = if kind == "IDCC" {
                Basis::Idcc(code)
            } else {
                Basis::Cpne(code)
            };
            (basis, amount)
        }
    };
    let amount = parse_decimal(amount, "npec", false)
        .map_err(|_| "le montant est illisible (en euros par an, par exemple 8765)".to_owned())?;
    if amount <= Decimal::ZERO {
        return Err("le montant doit être supérieur à 0".into());
    }
    if !within_amount_limit(amount) {
        return Err(format!("le montant dépasse {}", amount_limit_text()));
    }
    Ok((basis, amount))
}

/// `2026-09`: a year and a month.
fn is_edition(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit)
        && matches!(
            &text[5..],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn amounts_by_idcc_by_cpne_and_for_every_branch() {
        let (npec, problems, edition) = CourseNpec::check(
            "8000 ; IDCC 1351 : 8765 ; cpne 204 = 8 500,50 ; idcc1516:7045",
            "2026-09",
            "formation 1",
        );
        assert_eq!((problems, edition), (Vec::<String>::new(), None));
        let npec = npec.unwrap();
        assert_eq!(npec.edition.as_deref(), Some("2026-09"));
        assert_eq!(npec.for_branch(Some(1351), Some(204)), Some(d("8765")));
        assert_eq!(npec.for_branch(Some(1516), None), Some(d("7045")));
        assert_eq!(npec.for_branch(Some(3043), Some(204)), Some(d("8500.50")));
        assert_eq!(npec.for_branch(Some(3043), Some(12)), Some(d("8000")));
        assert_eq!(npec.for_branch(None, None), Some(d("8000")));
        // What the CFA typed reads back the same.
        assert_eq!(
            npec.text(),
            "8000 ; IDCC 1351 : 8765 ; CPNE 204 : 8500.5 ; IDCC 1516 : 7045"
        );
        assert_eq!(
            CourseNpec::check(&npec.text(), "2026-09", "x").0,
            Some(npec)
        );
    }

    #[test]
    fn without_an_amount_for_every_branch_another_branch_has_none() {
        let (npec, _, _) = CourseNpec::check("IDCC 1351 : 8765", "", "formation 1");
        let npec = npec.unwrap();
        assert_eq!(npec.for_branch(Some(1486), Some(3)), None);
        assert_eq!(npec.edition, None);
    }

    #[test]
    fn a_wrong_entry_is_named_and_left_out() {
        let (npec, problems, edition) = CourseNpec::check(
            "IDCC 1351 : 8765 ; IDCC 1351 : 9000 ; IDCC abc : 1 ; branche 3 : 5 ; 0 ; beaucoup ; 1e40",
            "septembre",
            "formation 2 (RNCP41000)",
        );
        assert_eq!(npec.unwrap().amounts, vec![(Basis::Idcc(1351), d("8765"))]);
        assert_eq!(problems.len(), 6, "{problems:#?}");
        assert!(
            problems[0].contains("IDCC 1351 a déjà un montant"),
            "{}",
            problems[0]
        );
        assert!(
            problems[1].contains("« abc » n'est pas un code IDCC"),
            "{}",
            problems[1]
        );
        assert!(
            problems[2].contains("écrivez « IDCC 1351 : 8765 »"),
            "{}",
            problems[2]
        );
        assert!(problems[3].contains("supérieur à 0"), "{}", problems[3]);
        assert!(problems[4].contains("illisible"), "{}", problems[4]);
        assert!(
            problems[5].starts_with("formation 2 (RNCP41000) : NPEC « 1e40 »"),
            "{}",
            problems[5]
        );
        assert!(edition.unwrap().contains("AAAA-MM"));
        // Nothing valid: no NPEC at all.
        assert_eq!(CourseNpec::check("0", "", "x").0, None);
        assert_eq!(CourseNpec::check("", "2026-09", "x").0, None);
    }

    #[test]
    fn json_objects_become_entries_and_back() {
        let course: Value = serde_json::from_str(
            r#"{"npec": 8000, "npec_by_idcc": {"1351": 8765, "1516": "7045"}, "npec_by_cpne": {"204": 8500}}"#,
        )
        .unwrap();
        let text = amounts_of_json(course.as_object().unwrap()).unwrap();
        assert_eq!(
            text,
            "8000 ; IDCC 1351 : 8765 ; IDCC 1516 : 7045 ; CPNE 204 : 8500"
        );
        let (npec, problems, _) = CourseNpec::check(&text, "2026-09", "x");
        assert!(problems.is_empty());
        assert_eq!(
            npec.unwrap().json_fields().join(","),
            r#""npec":8000,"npec_by_idcc":{"1351":8765,"1516":7045},"npec_by_cpne":{"204":8500},"npec_edition":"2026-09""#
        );
        let bad: Value = serde_json::from_str(r#"{"npec_by_idcc": [8765]}"#).unwrap();
        assert!(amounts_of_json(bad.as_object().unwrap())
            .unwrap_err()
            .contains("npec_by_idcc"));
    }
}
