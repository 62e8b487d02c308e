//! The cash flow of a cohort (issue 22): a file of contracts in the batch CSV of `coutcontrat batch`, read
//! in the browser, each row quoted by the library, every payment of its schedule and its participation
//! summed month by month (`coutcontrat::cfa`, as `coutcontrat cashflow`). Pure, tested on the host.

use coutcontrat::cfa::{by_month, payments_of, totals_by, Month, Payment};
use coutcontrat::contract::INPUT_FIELDS;
use coutcontrat::money::Money;
use coutcontrat::{ContractInput, Quoter};

use super::state::csv_field;
use crate::data::Catalog;

/// What the page made of a file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cohort {
    /// Every payment, by due date then line.
    pub payments: Vec<Payment>,
    /// The months with what falls due in each.
    pub months: Vec<Month>,
    /// The rows refused: their line in the file and why.
    pub refused: Vec<(u64, String)>,
    /// The rows quoted.
    pub quoted: usize,
}

impl Cohort {
    /// OPCO → CFA and employers → CFA over the cohort, per OPCO (empty when unknown).
    pub fn by_opco(&self) -> Vec<(String, Money, Money)> {
        totals_by(&self.payments, |p| p.opco.as_str())
    }
}

/// The delimiter of the header line: `;` (a French spreadsheet's), a tab, or `,`.
fn delimiter(header: &str) -> char {
    let count = |d: char| header.matches(d).count();
    let (comma, semicolon, tab) = (count(','), count(';'), count('\t'));
    if semicolon > comma && semicolon >= tab {
        ';'
    } else if tab > comma && tab > semicolon {
        '\t'
    } else {
        ','
    }
}

/// The records of a CSV text, each with the line it starts on (quoted fields may hold the delimiter, a
/// doubled quote or a line break).
fn records(text: &str) -> Vec<(u64, Vec<String>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = delimiter(text.lines().next().unwrap_or(""));
    let mut out = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut line, mut start) = (false, 1u64, 1u64);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if field.is_empty() => quoted = true,
            '\n' if !quoted => {
                record.push(std::mem::take(&mut field).trim_end_matches('\r').to_owned());
                out.push((start, std::mem::take(&mut record)));
                line += 1;
                start = line;
            }
            c if c == sep && !quoted => record.push(std::mem::take(&mut field)),
            c => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field.trim_end_matches('\r').to_owned());
        out.push((start, record));
    }
    out
}

/// Reads a batch CSV and quotes every row; a file the page cannot read at all gets one message.
pub fn read(text: &str, catalog: Catalog) -> Result<Cohort, String> {
    let mut rows = records(text).into_iter();
    let Some((_, header)) = rows.next() else {
        return Err("le fichier est vide : il faut une ligne d'en-tête (signed_on,start,end,…) puis un contrat par ligne".into());
    };
    let mut columns: Vec<&'static str> = Vec::with_capacity(header.len());
    let mut unknown = Vec::new();
    for name in &header {
        let name = name.trim();
        match INPUT_FIELDS.iter().find(|f| **f == name) {
            Some(f) if columns.contains(f) => {
                return Err(format!(
                    "la colonne « {f} » figure deux fois dans l'en-tête"
                ))
            }
            Some(f) => columns.push(f),
            None => unknown.push(format!("« {name} »")),
        }
    }
    if !unknown.is_empty() {
        return Err(format!(
            "colonne(s) inconnue(s) dans l'en-tête : {} ; celles du fichier de `coutcontrat batch` sont : {}",
            unknown.join(", "),
            INPUT_FIELDS.join(", ")
        ));
    }
    let mut cohort = Cohort::default();
    for (line, cells) in rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let quoted = (|| {
            let mut input = ContractInput::default();
            for (field, value) in columns.iter().zip(&cells) {
                if !value.trim().is_empty() {
                    input.set(field, value)?;
                }
            }
            let contract = input.parse()?;
            let table = catalog.referentiel_for(contract.rncp.as_deref());
            let quoter = Quoter::new(&table).without_details();
            let quote = quoter.quote(&contract)?;
            let opco = contract
                .idcc
                .and_then(|i| table.idcc(i))
                .and_then(|info| info.opco.clone())
                .unwrap_or_default();
            let rncp = contract.rncp.clone().unwrap_or_default();
            Ok::<_, coutcontrat::Error>(payments_of(line, &quote, &rncp, &opco))
        })();
        match quoted {
            Ok(payments) => {
                cohort.quoted += 1;
                cohort.payments.extend(payments);
            }
            Err(e) => cohort.refused.push((
                line,
                match e.field() {
                    Some(f) => format!("{f} : {}", e.message()),
                    None => e.message().to_owned(),
                },
            )),
        }
    }
    if cohort.quoted == 0 && cohort.refused.is_empty() {
        return Err("le fichier n'a aucun contrat : une ligne par contrat sous l'en-tête".into());
    }
    cohort.payments.sort_by_key(|p| (p.due, p.line));
    cohort.months = by_month(&cohort.payments);
    Ok(cohort)
}

/// One line per payment: `due,opco,rncp,line,kind,amount` (the CSV of `coutcontrat cashflow`).
pub fn to_csv(payments: &[Payment]) -> String {
    let mut out = String::from("due,opco,rncp,line,kind,amount\n");
    for p in payments {
        out.push_str(&format!(
            "{},{},{},{},{},{}\n",
            p.due,
            csv_field(&p.opco),
            p.rncp,
            p.line,
            p.kind,
            p.amount
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "signed_on;start;end;rncp;idcc;price;level\n\
        2026-09-14;2026-09-14;2028-09-13;RNCP41000;1351;9000;5\n\
        2026-09-20;2026-10-01;2027-09-30;RNCP41000;1516;\"8 000,50\";5\n\
        \n\
        2026-09-14;2026-09-14;2028-09-13;RNCP41000;1351;-3;5\n";

    #[test]
    fn the_months_sum_the_schedules_of_the_contracts() {
        let catalog = Catalog::embedded();
        let cohort = read(FILE, catalog).expect("read");
        assert_eq!(cohort.quoted, 2);
        // The third contract (line 5) is refused, named by its line and its field; the rest computed.
        assert_eq!(cohort.refused.len(), 1);
        assert_eq!(cohort.refused[0].0, 5);
        assert!(
            cohort.refused[0].1.starts_with("price"),
            "{:?}",
            cohort.refused
        );
        let mut schedules = Money::ZERO;
        let mut participations = Money::ZERO;
        for json in [
            r#"{"signed_on": "2026-09-14", "start": "2026-09-14", "end": "2028-09-13", "rncp": "RNCP41000", "idcc": 1351, "price": "9000", "level": 5}"#,
            r#"{"signed_on": "2026-09-20", "start": "2026-10-01", "end": "2027-09-30", "rncp": "RNCP41000", "idcc": 1516, "price": "8000.50", "level": 5}"#,
        ] {
            let contract = ContractInput::from_json(json).unwrap().parse().unwrap();
            let table = catalog.referentiel_for(Some("RNCP41000"));
            let q = Quoter::new(&table).quote(&contract).unwrap();
            schedules += q.schedule.iter().map(|i| i.amount).sum::<Money>();
            participations += q.participation;
        }
        let to_cfa: Money = cohort.months.iter().map(|m| m.opco).sum();
        let invoiced: Money = cohort.months.iter().map(|m| m.participations).sum();
        assert_eq!(to_cfa, schedules);
        assert_eq!(invoiced, participations);
        assert!(cohort.months.windows(2).all(|w| w[0].month < w[1].month));
        // The CSV: a line per payment.
        assert_eq!(
            to_csv(&cohort.payments).lines().count(),
            cohort.payments.len() + 1
        );
        // The OPCO of IDCC 1351 is known to the data: its totals are apart.
        assert!(cohort.by_opco().iter().any(|(opco, _, _)| !opco.is_empty()));
    }

    #[test]
    fn a_file_the_page_cannot_read_says_why() {
        let catalog = Catalog::embedded();
        assert!(read("", catalog).unwrap_err().contains("vide"));
        let e = read("signed_on,pirce\n2026-09-14,9000\n", catalog).unwrap_err();
        assert!(e.contains("« pirce »"), "{e}");
        assert!(read("signed_on,start\n\n", catalog)
            .unwrap_err()
            .contains("aucun contrat"));
        // Every row wrong: each is listed, nothing is computed.
        let c = read(
            "signed_on,start,end,npec,price\n2026-13-01,2026-09-01,2027-08-31,7000,9000\n",
            catalog,
        )
        .unwrap();
        assert_eq!((c.quoted, c.refused.len()), (0, 1));
        assert!(c.months.is_empty());
    }

    #[test]
    fn quoted_fields_keep_their_delimiters_and_lines() {
        let r = records("a,b\n\"x, \"\"y\"\"\",\"two\nlines\"\nlast,1");
        assert_eq!(
            r[1],
            (2, vec!["x, \"y\"".to_owned(), "two\nlines".to_owned()])
        );
        assert_eq!(r[2], (4, vec!["last".to_owned(), "1".to_owned()]));
    }
}
