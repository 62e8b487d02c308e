//! RNCP codes as typed or published, and the level of a diploma type.

use super::fold;

/// Normalises an RNCP code as typed or published: `rncp 34826`, `34826` → `RNCP34826`.
///
/// ```
/// assert_eq!(coutcontrat::referentiel::normalize_rncp(" rncp34826 ").as_deref(), Some("RNCP34826"));
/// assert_eq!(coutcontrat::referentiel::normalize_rncp("34826").as_deref(), Some("RNCP34826"));
/// assert_eq!(coutcontrat::referentiel::normalize_rncp("BTS"), None);
/// ```
pub fn normalize_rncp(text: &str) -> Option<String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let upper = compact.to_ascii_uppercase();
    let digits = upper.strip_prefix("RNCP").unwrap_or(&upper);
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return None;
    }
    Some(format!("RNCP{digits}"))
}

/// Splits a published certification cell into its RNCP codes (`RNCP1006/RNCP37239`, `RNCP123/`, `37239`).
///
/// ```
/// assert_eq!(coutcontrat::referentiel::split_rncp_cell("RNCP1006/ 37239/"), vec!["RNCP1006", "RNCP37239"]);
/// ```
pub fn split_rncp_cell(cell: &str) -> Vec<String> {
    let mut codes: Vec<String> = cell
        .split(['/', ',', ';', '\n'])
        .filter_map(normalize_rncp)
        .collect();
    codes.dedup();
    codes
}

/// The level a diploma type states, when it states one.
///
/// ```
/// assert_eq!(coutcontrat::referentiel::level_of_diploma_type("BTS"), Some(5));
/// assert_eq!(coutcontrat::referentiel::level_of_diploma_type("TITRE"), None);
/// ```
pub fn level_of_diploma_type(diploma_type: &str) -> Option<u8> {
    let t = fold(diploma_type);
    let t = t.trim();
    let level = match t {
        "cap" | "bep" | "cap agricole" | "capa" | "mc3" => 3,
        "bp" | "bac pro" | "baccalaureat professionnel" | "bt" | "btm" | "bma" | "bpa" => 4,
        "bts" | "btsa" | "dut" | "deust" | "bm" => 5,
        "licence" | "licence professionnelle" | "lp" | "but" => 6,
        "master" | "titre ingenieur" | "diplome d'ingenieur" => 7,
        "doctorat" => 8,
        _ => return None,
    };
    Some(level)
}
