//! The CFA's price list (issue 22 « every branch at a glance »): one certification at one price, quoted for
//! every branch of the edition in force by the library's [`branch_matrix`]; the page only filters, sorts and
//! writes it out. Pure, tested on the host.

use coutcontrat::cfa::{branch_matrix, BranchRow, Matrix};
use coutcontrat::dates::{add_months, day_before, read_french};
use coutcontrat::referentiel::{fold, normalize_rncp};
use coutcontrat::{ContractInput, Quoter};
use jiff::civil::Date;

use crate::data::Catalog;
use crate::query;

/// The boxes of the view, by their key in the address (`cfa.html?rncp=RNCP41000&price=9000`).
pub const KEYS: [&str; 6] = ["rncp", "level", "price", "basis", "months", "signed_on"];

/// What the CFA typed: kept as typed, read when computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixForm {
    /// The certification's RNCP code.
    pub rncp: String,
    /// Its level, 3 to 8 (the participation of D8 from level 6).
    pub level: String,
    /// The CFA's price.
    pub price: String,
    /// `annual` or `total`.
    pub basis: String,
    /// The contract's duration in months.
    pub months: String,
    /// The date of conclusion (JJ/MM/AAAA), which picks the edition.
    pub signed_on: String,
}

impl MatrixForm {
    /// An empty form concluded on `today`, for two years, at an annual price.
    pub fn new(today: Date) -> MatrixForm {
        MatrixForm {
            rncp: String::new(),
            level: String::new(),
            price: String::new(),
            basis: "annual".to_owned(),
            months: "24".to_owned(),
            signed_on: crate::format::date_short(today),
        }
    }

    /// The form of an address's query, on `today`'s defaults for what it does not say.
    pub fn from_query(text: &str, today: Date) -> MatrixForm {
        let mut form = MatrixForm::new(today);
        for (key, value) in query::decode(text) {
            if let Some(slot) = form.slot(&key) {
                *slot = value;
            }
        }
        form
    }

    /// The query that reopens this form.
    pub fn to_query(&self) -> String {
        let pairs: Vec<(&str, &str)> = KEYS
            .iter()
            .map(|k| (*k, self.value(k)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        query::encode(&pairs)
    }

    /// The text of a box.
    pub fn value(&self, key: &str) -> &str {
        match key {
            "rncp" => &self.rncp,
            "level" => &self.level,
            "price" => &self.price,
            "basis" => &self.basis,
            "months" => &self.months,
            "signed_on" => &self.signed_on,
            _ => "",
        }
    }

    /// The text of a box, to change it.
    pub fn slot(&mut self, key: &str) -> Option<&mut String> {
        Some(match key {
            "rncp" => &mut self.rncp,
            "level" => &mut self.level,
            "price" => &mut self.price,
            "basis" => &mut self.basis,
            "months" => &mut self.months,
            "signed_on" => &mut self.signed_on,
            _ => return None,
        })
    }
}

/// A box's problem: its key and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The box (one of [`KEYS`]), or `None` for the data.
    pub key: Option<&'static str>,
    /// In French, what is wrong and how to fix it.
    pub message: String,
}

fn problem(key: &'static str, message: impl Into<String>) -> Problem {
    Problem {
        key: Some(key),
        message: message.into(),
    }
}

/// A library error, on the box it names when the view has one.
fn from_error(e: &coutcontrat::Error) -> Vec<Problem> {
    vec![Problem {
        key: e
            .field()
            .and_then(|f| KEYS.iter().copied().find(|k| *k == f)),
        message: e.message().to_owned(),
    }]
}

/// The contract the form describes, as the library reads it (start on the day of conclusion).
fn contract_json(form: &MatrixForm) -> Result<String, Vec<Problem>> {
    let mut problems = Vec::new();
    let rncp = match normalize_rncp(&form.rncp) {
        Some(code) => code,
        None => {
            problems.push(problem(
                "rncp",
                if form.rncp.trim().is_empty() {
                    "indiquez le code RNCP de la certification (RNCP41000)".to_owned()
                } else {
                    format!(
                        "« {} » n'est pas un code RNCP : écrivez RNCP suivi de chiffres (RNCP41000)",
                        form.rncp.trim()
                    )
                },
            ));
            String::new()
        }
    };
    let signed_on = match read_french(&form.signed_on) {
        Ok(d) => Some(d),
        Err(_) => {
            problems.push(problem(
                "signed_on",
                format!(
                    "« {} » n'est pas une date : écrivez JJ/MM/AAAA (14/09/2026)",
                    form.signed_on.trim()
                ),
            ));
            None
        }
    };
    let months = match form.months.trim().parse::<i32>() {
        Ok(m) if (6..=48).contains(&m) => Some(m),
        _ => {
            problems.push(problem(
                "months",
                format!(
                    "« {} » : la durée d'un contrat d'apprentissage va de 6 à 48 mois",
                    form.months.trim()
                ),
            ));
            None
        }
    };
    if form.price.trim().is_empty() {
        problems.push(problem("price", "indiquez le prix du CFA, en euros"));
    }
    let (Some(signed_on), Some(months)) = (signed_on, months) else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let end = day_before(add_months(signed_on, months));
    let mut json = serde_json::json!({
        "signed_on": signed_on.to_string(),
        "start": signed_on.to_string(),
        "end": end.to_string(),
        "rncp": rncp,
        "price": form.price.trim(),
        "price_basis": if form.basis == "total" { "total" } else { "annual" },
    });
    if !form.level.trim().is_empty() {
        json["level"] = serde_json::Value::String(form.level.trim().to_owned());
    }
    Ok(json.to_string())
}

/// The matrix of the form over `catalog`'s référentiel, or what to correct first.
pub fn compute(form: &MatrixForm, catalog: Catalog) -> Result<Matrix, Vec<Problem>> {
    let json = contract_json(form)?;
    let contract = ContractInput::from_json(&json)
        .and_then(|input| input.parse())
        .map_err(|e| from_error(&e))?;
    let table = catalog.referentiel_for(contract.rncp.as_deref());
    let quoter = Quoter::new(&table).without_details();
    // What is wrong with the contract itself (a negative price, dates out of the rules) is said once, on
    // its box, not on every branch: the contract quoted alone, on a given NPEC, says it.
    let mut alone = contract.clone();
    alone.rncp = None;
    alone.npec = Some(rust_decimal::Decimal::ONE_THOUSAND);
    if let Err(e) = quoter.quote(&alone) {
        return Err(from_error(&e));
    }
    if contract.price.is_zero() {
        return Err(vec![problem(
            "price",
            "un prix de 0 € ne laisse rien à comparer : indiquez le prix du CFA",
        )]);
    }
    branch_matrix(&quoter, &contract).map_err(|e| from_error(&e))
}

/// A column the table can be sorted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The CPNE code.
    Cpne,
    /// The branch's label.
    Label,
    /// The annual NPEC.
    Npec,
    /// What the OPCO pays in all.
    Opco,
    /// The employer's remaining charge.
    Employer,
}

impl Column {
    /// Every sortable column, in the table's order.
    pub const ALL: [Column; 5] = [
        Column::Cpne,
        Column::Label,
        Column::Npec,
        Column::Opco,
        Column::Employer,
    ];

    /// The column's heading.
    pub fn heading(self) -> &'static str {
        match self {
            Column::Cpne => "CPNE",
            Column::Label => "Branche",
            Column::Npec => "NPEC annuel",
            Column::Opco => "Prise en charge OPCO",
            Column::Employer => "Reste à charge employeur",
        }
    }
}

/// The rows whose CPNE, label or IDCC contain every word of `filter` (accents and case aside), sorted on
/// `column` (rows without a figure last).
pub fn shown<'m>(
    matrix: &'m Matrix,
    filter: &str,
    column: Column,
    descending: bool,
) -> Vec<&'m BranchRow> {
    let words: Vec<String> = fold(filter).split_whitespace().map(str::to_owned).collect();
    let mut rows: Vec<&BranchRow> = matrix
        .rows
        .iter()
        .filter(|r| {
            let text = fold(&format!(
                "{} {} {}",
                r.cpne,
                r.cpne_label.as_deref().unwrap_or(""),
                r.idcc
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect();
    let amount = |r: &BranchRow| match column {
        Column::Npec => r.npec_annual,
        Column::Opco => r.opco_total,
        Column::Employer => r.employer_total,
        Column::Cpne | Column::Label => None,
    };
    rows.sort_by(|a, b| {
        let order = match column {
            Column::Cpne => a.cpne.cmp(&b.cpne),
            Column::Label => fold(a.cpne_label.as_deref().unwrap_or(""))
                .cmp(&fold(b.cpne_label.as_deref().unwrap_or(""))),
            _ => match (amount(a), amount(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => return std::cmp::Ordering::Less,
                (None, Some(_)) => return std::cmp::Ordering::Greater,
                (None, None) => a.cpne.cmp(&b.cpne),
            },
        };
        if descending {
            order.reverse()
        } else {
            order
        }
    });
    rows
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
pub(crate) fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The rows as CSV, one line per branch, amounts in euros with a point (as `coutcontrat matrix --csv`).
pub fn to_csv(rows: &[&BranchRow]) -> String {
    let mut out = String::from(
        "cpne,cpne_label,idcc,npec_annual,opco_total,employer_total,provisional,table_version,error\n",
    );
    let money = |m: Option<coutcontrat::money::Money>| m.map(|m| m.to_string()).unwrap_or_default();
    for r in rows {
        let idcc: Vec<String> = r.idcc.iter().map(u32::to_string).collect();
        let line = [
            r.cpne.to_string(),
            csv_field(r.cpne_label.as_deref().unwrap_or("")),
            csv_field(&idcc.join(" ")),
            money(r.npec_annual),
            money(r.opco_total),
            money(r.employer_total),
            r.provisional.to_string(),
            r.table_version.clone().unwrap_or_default(),
            csv_field(r.error.as_deref().unwrap_or("")),
        ]
        .join(",");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn form(rncp: &str, price: &str) -> MatrixForm {
        let mut f = MatrixForm::new(date(2026, 9, 14));
        f.rncp = rncp.to_owned();
        f.price = price.to_owned();
        f.level = "5".to_owned();
        f
    }

    #[test]
    fn every_row_is_the_calculators_quote_for_that_branch() {
        let catalog = Catalog::embedded();
        let matrix = compute(&form("rncp 41000", "9000"), catalog).expect("a matrix");
        assert!(matrix.rows.len() > 5, "{} branches", matrix.rows.len());
        let table = catalog.referentiel_for(Some("RNCP41000"));
        let quoter = Quoter::new(&table);
        let mut from_table = 0;
        for row in &matrix.rows {
            // Concluded and started on 14/09/2026, 24 months: to 13/09/2028.
            let json = format!(
                r#"{{"signed_on": "2026-09-14", "start": "2026-09-14", "end": "2028-09-13",
                    "rncp": "RNCP41000", "cpne": {}, "price": "9000", "level": 5}}"#,
                row.cpne
            );
            let contract = ContractInput::from_json(&json).unwrap().parse().unwrap();
            let q = quoter.quote(&contract).expect("the branch quotes");
            assert_eq!(row.npec_annual, Some(q.npec.annual), "CPNE {}", row.cpne);
            assert_eq!(row.opco_total, Some(q.totals.opco_all), "CPNE {}", row.cpne);
            assert_eq!(
                row.employer_total,
                Some(q.totals.employer),
                "CPNE {}",
                row.cpne
            );
            from_table += usize::from(!row.provisional);
        }
        assert!(from_table > 0, "some branch has the table's NPEC");
        // A total price is the whole contract's: the employer pays less than at 9 000 € a year.
        let mut total = form("RNCP41000", "9000");
        total.basis = "total".to_owned();
        let total = compute(&total, catalog).unwrap();
        assert!(total.rows[0].employer_total < matrix.rows[0].employer_total);
    }

    #[test]
    fn rows_are_filtered_by_words_and_sorted_on_a_column() {
        let matrix = compute(&form("RNCP41000", "9000"), Catalog::embedded()).unwrap();
        let labelled = matrix
            .rows
            .iter()
            .find_map(|r| r.cpne_label.clone())
            .expect("a labelled branch");
        let word = labelled.split_whitespace().max_by_key(|w| w.len()).unwrap();
        let kept = shown(
            &matrix,
            &coutcontrat::case::lowercase(word),
            Column::Cpne,
            false,
        );
        assert!(!kept.is_empty() && kept.len() < matrix.rows.len());
        assert!(kept
            .iter()
            .all(|r| fold(r.cpne_label.as_deref().unwrap_or("")).contains(&fold(word))));
        // An IDCC finds its branch.
        let idcc = matrix.rows[0].idcc[0].to_string();
        assert!(shown(&matrix, &idcc, Column::Cpne, false)
            .iter()
            .any(|r| r.cpne == matrix.rows[0].cpne));
        let by_charge = shown(&matrix, "", Column::Employer, true);
        assert_eq!(by_charge.len(), matrix.rows.len());
        let charges: Vec<_> = by_charge.iter().filter_map(|r| r.employer_total).collect();
        assert!(charges.windows(2).all(|w| w[0] >= w[1]), "{charges:?}");
    }

    #[test]
    fn the_csv_has_a_line_per_branch_shown_and_quotes_what_needs_it() {
        let matrix = compute(&form("RNCP41000", "9000"), Catalog::embedded()).unwrap();
        let rows = shown(&matrix, "", Column::Cpne, false);
        let csv = to_csv(&rows);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), rows.len());
        for (record, row) in records.iter().zip(&rows) {
            assert_eq!(record[0], row.cpne.to_string());
            assert_eq!(record[1], *row.cpne_label.as_deref().unwrap_or(""));
            assert_eq!(record[5], row.employer_total.unwrap().to_string());
        }
    }

    #[test]
    fn bad_input_names_its_box_and_the_address_keeps_every_box() {
        let catalog = Catalog::embedded();
        let mut f = form("", "");
        f.months = "60".to_owned();
        f.signed_on = "31/02/2026".to_owned();
        let problems = compute(&f, catalog).unwrap_err();
        let keys: Vec<_> = problems.iter().filter_map(|p| p.key).collect();
        assert_eq!(
            keys,
            ["rncp", "signed_on", "months", "price"],
            "{problems:?}"
        );
        assert!(problems[2].message.contains("6 à 48"));
        let bad_code = compute(&form("41000X", "9000"), catalog).unwrap_err();
        assert!(bad_code[0].message.contains("41000X"), "{bad_code:?}");
        for price in ["-5", "0"] {
            let wrong = compute(&form("RNCP41000", price), catalog).unwrap_err();
            assert_eq!(wrong.len(), 1, "said once: {wrong:?}");
            assert_eq!(wrong[0].key, Some("price"), "{wrong:?}");
        }

        let typed = form("RNCP41000", "9 000,50");
        let again = MatrixForm::from_query(&typed.to_query(), date(2020, 1, 1));
        assert_eq!(again, typed);
    }
}
