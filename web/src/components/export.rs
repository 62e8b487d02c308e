//! The quote as files a visitor downloads beside « Imprimer / PDF » (issue 22): JSON in the command line's own
//! format (the library reads it back), and CSV with one line per execution year and per instalment.

use coutcontrat::Quote;

use crate::format::plain;

/// The CSV's columns: `line` is `year` or `instalment`, and each line fills its own columns.
pub const CSV_HEADER: &str =
    "line,year,start,end,days,npec,price,opco,employer,rqth,due,kind,amount";

/// The quote as `coutcontrat quote --json` writes it (on one line: the pretty printer weighs 0.5 KB in the page).
pub fn quote_json(q: &Quote) -> String {
    serde_json::to_string(q).unwrap_or_default()
}

/// One line per execution year, then one per instalment of the OPCO's schedule.
pub fn quote_csv(q: &Quote) -> String {
    let mut out = format!("{CSV_HEADER}\n");
    for y in &q.years {
        out.push_str(&format!(
            "year,{},{},{},{},{},{},{},{},{},,,\n",
            y.index,
            y.start,
            y.end,
            y.days,
            plain(y.npec),
            plain(y.price),
            plain(y.opco),
            plain(y.employer),
            plain(y.rqth)
        ));
    }
    for i in &q.schedule {
        out.push_str(&format!(
            "instalment,{},,,,,,,,,{},{},{}\n",
            i.year,
            i.due,
            i.kind,
            plain(i.amount)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use coutcontrat::{ContractInput, Quoter};

    fn a2() -> Quote {
        let input = ContractInput::from_json(
            r#"{"signed_on": "2025-08-15", "start": "2025-09-01", "end": "2027-02-28",
                "npec": "7000", "price": "9000", "level": 6}"#,
        )
        .unwrap();
        Quoter::new(crate::data::referentiel())
            .quote(&input.parse().unwrap())
            .unwrap()
    }

    #[test]
    fn the_json_reads_back_as_the_same_quote() {
        let q = a2();
        let back: Quote = serde_json::from_str(&quote_json(&q)).expect("the library reads it");
        assert_eq!(back, q);
    }

    #[test]
    fn the_csv_has_a_line_per_year_and_per_instalment_each_as_wide_as_the_header() {
        let q = a2();
        let csv = quote_csv(&q);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], CSV_HEADER);
        assert_eq!(lines.len(), 1 + q.years.len() + q.schedule.len());
        let width = CSV_HEADER.split(',').count();
        assert!(lines.iter().all(|l| l.split(',').count() == width), "{csv}");
        assert_eq!(
            lines[1].split(',').nth(7),
            Some(plain(q.years[0].opco).as_str())
        );
        let paid: rust_decimal::Decimal = lines
            .iter()
            .filter(|l| l.starts_with("instalment,"))
            .map(|l| {
                l.rsplit(',')
                    .next()
                    .unwrap()
                    .parse::<rust_decimal::Decimal>()
                    .unwrap()
            })
            .sum();
        assert_eq!(paid, q.schedule.iter().map(|i| i.amount.to_decimal()).sum());
    }
}
