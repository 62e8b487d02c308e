//! Every certification by name (issue 18): the certification index of `data/certifications`, as
//! `coutcontrat-certifications` writes it for the page (`certifications.tsv`: code, level, abbreviation,
//! successor, title). `boot.js` fetches it on the first use of the certification box and hands it over as
//! `window.__coutcontratCertifications`; the search then offers its certifications after the référentiel's.
//! It is partial and dated (`data/certifications/SOURCE.md`): a code it does not know is still accepted.

use std::sync::OnceLock;

use coutcontrat::referentiel::{Certification, CertificationIndex};

/// The index, once handed over.
pub fn loaded() -> Option<&'static CertificationIndex> {
    static INDEX: OnceLock<CertificationIndex> = OnceLock::new();
    if let Some(index) = INDEX.get() {
        return Some(index);
    }
    let text = handed_over()?;
    Some(INDEX.get_or_init(|| parse(&text)))
}

/// Prepares the index as soon as `boot.js` has it, in idle time: folding its 7,000 titles takes tens of
/// milliseconds that no keystroke should pay.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = prepareCertificationIndex)]
pub fn prepare() {
    let _ = loaded();
}

/// The index of the page's lines; a line of another shape is left out.
pub fn parse(text: &str) -> CertificationIndex {
    let list = text
        .lines()
        .filter_map(|line| {
            let mut cells = line.splitn(5, '\t');
            let (code, level, abbreviation, successor, title) = (
                cells.next()?,
                cells.next()?,
                cells.next()?,
                cells.next()?,
                cells.next()?,
            );
            let mut label = title.to_owned();
            // Named in the suggestion, so that the visitor sees which code replaced it.
            if !successor.is_empty() {
                label.push_str(" — remplacée par RNCP");
                label.push_str(successor);
            }
            Some(Certification {
                rncp: format!("RNCP{code}"),
                label,
                diploma_type: abbreviation.to_owned(),
                level_hint: level.parse().ok(),
                published: jiff::civil::Date::MIN,
            })
        })
        .collect();
    CertificationIndex::new(list)
}

#[cfg(target_arch = "wasm32")]
fn handed_over() -> Option<String> {
    crate::browser::handed_over("__coutcontratCertifications").and_then(|v| v.as_string())
}

#[cfg(not(target_arch = "wasm32"))]
fn handed_over() -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_an_abbreviation_and_a_successor_are_found() {
        let index = parse(
            "34031\t5\tBTS\t38362\tManagement commercial opérationnel\n\
             mal formée\n\
             35190\t3\tCAP\t\tCuisine\n",
        );
        assert_eq!(index.len(), 2);
        let hits = index.search("bts management commercial", 5);
        assert_eq!(hits[0].rncp, "RNCP34031");
        assert_eq!(hits[0].level_hint, Some(5));
        assert!(
            hits[0].label.ends_with("remplacée par RNCP38362"),
            "{}",
            hits[0].label
        );
        assert_eq!(index.search("cap cuisine", 5)[0].rncp, "RNCP35190");
        assert_eq!(index.search("CUISINE", 5).len(), 1);
    }
}
