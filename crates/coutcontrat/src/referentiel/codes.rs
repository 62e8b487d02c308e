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

/// How many codes a « codes proches » list shows at most.
const CLOSE_CODES: usize = 8;

/// The codes of `known` one typo away from `code` — a digit changed, added or dropped, or two neighbours
/// swapped (`204` for `240`, `24`, `2044`) — in increasing order, [`CLOSE_CODES`] at most.
pub(crate) fn one_typo_away(code: u32, known: impl IntoIterator<Item = u32>) -> Vec<u32> {
    let typed = code.to_string();
    let mut close: Vec<u32> = known
        .into_iter()
        .filter(|&k| k != code && one_edit(typed.as_bytes(), k.to_string().as_bytes()))
        .collect();
    close.sort_unstable();
    close.dedup();
    close.truncate(CLOSE_CODES);
    close
}

/// True when `a` and `b` differ by one substitution, insertion, deletion or swap of neighbours.
fn one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let head = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 => {
            let (sa, sb) = (&short[head..], &long[head..]);
            match sa.len() {
                0 => false,
                1 => true,
                _ => sa[1..] == sb[1..] || sa[0] == sb[1] && sa[1] == sb[0] && sa[2..] == sb[2..],
            }
        }
        1 => short[head..] == long[head + 1..],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_is_one_edit_away() {
        let known = [24, 204, 214, 240, 2044, 402, 1204, 20];
        assert_eq!(one_typo_away(204, known), [20, 24, 214, 240, 1204, 2044]);
        assert_eq!(one_typo_away(240, known), [20, 24, 204]);
        assert!(one_typo_away(9999, known).is_empty());
    }
}
