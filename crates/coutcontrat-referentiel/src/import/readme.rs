//! « Me lire »: its lines, and what they say (version tag and its date, title dates, legal basis).

use coutcontrat::referentiel::fold;
use jiff::civil::Date;

use super::cells::{norm_sheet, plausible, text_date};
use super::sheet::{Book, Grid};
use crate::error::Result;

pub(super) struct Readme {
    pub(super) lines: Vec<String>,
}

pub(super) fn readme_sheet(names: &[String]) -> Option<&String> {
    names
        .iter()
        .find(|n| matches!(norm_sheet(n).as_str(), "melire" | "lisez-moi" | "lisezmoi"))
}

pub(super) fn read_readme(
    book: &mut Book<'_>,
    file: &str,
    names: &[String],
) -> Result<Option<Readme>> {
    let Some(name) = readme_sheet(names) else {
        return Ok(None);
    };
    let grid = Grid::read(book, file, name)?;
    Ok(Some(readme_of(&grid)))
}

pub(super) fn readme_of(grid: &Grid) -> Readme {
    let mut lines = Vec::new();
    for row in 1..=grid.last_row() {
        let cells: Vec<String> = (0..grid.width())
            .map(|c| grid.text(row, c))
            .filter(|t| !t.is_empty())
            .collect();
        if !cells.is_empty() {
            lines.push(cells.join(" "));
        }
    }
    Readme { lines }
}

/// Full French dates in a text: `15 juillet 2024`, `1er septembre 2026`.
pub(super) fn french_dates(text: &str) -> Vec<Date> {
    let words: Vec<String> = fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let mut out = Vec::new();
    for w in words.windows(3) {
        let day = w[0].strip_suffix("er").unwrap_or(&w[0]).parse::<i8>().ok();
        let month = coutcontrat::dates::MONTHS.iter().position(|m| *m == w[1]);
        let year = w[2].parse::<i16>().ok().filter(|_| w[2].len() == 4);
        if let (Some(d), Some(m), Some(y)) = (day, month, year) {
            if let Ok(date) = Date::new(y, m as i8 + 1, d) {
                out.push(date);
            }
        }
    }
    out
}

/// The date a version tag spells: `v_18.07.2024`, `v29.01.21`, `v 20191018`, `vMAJ 28.05.2026`.
///
/// ```
/// use coutcontrat_referentiel::import::date_in_tag;
/// use jiff::civil::date;
/// assert_eq!(date_in_tag("v_18.07.2024"), Some(date(2024, 7, 18)));
/// assert_eq!(date_in_tag("v29.01.21"), Some(date(2021, 1, 29)));
/// assert_eq!(date_in_tag("v 20191018"), Some(date(2019, 10, 18)));
/// assert_eq!(date_in_tag("v_nov2020"), None);
/// ```
pub fn date_in_tag(tag: &str) -> Option<Date> {
    let mut found = None;
    for token in tag.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '/' || c == '-')) {
        let token = token.trim_matches(|c: char| !c.is_ascii_digit());
        if token.len() == 8 && token.bytes().all(|b| b.is_ascii_digit()) {
            let n = |r: std::ops::Range<usize>| token[r].parse::<i32>().ok();
            if let (Some(y), Some(m), Some(d)) = (n(0..4), n(4..6), n(6..8)) {
                if let Ok(date) = Date::new(y as i16, m as i8, d as i8) {
                    found = Some(date);
                }
            }
        } else if let Some(date) = text_date(token).filter(|d| plausible(*d)) {
            found = Some(date);
        }
    }
    found
}

/// The first decree « Me lire » cites: `Décret n° 2024-695 du 5 juillet 2024`.
pub(super) fn legal_basis(lines: &[String]) -> Option<String> {
    for line in lines {
        let Some(pos) = line.find("écret n") else {
            continue;
        };
        let start = line[..pos].char_indices().last().map_or(pos, |(i, _)| i);
        let mut words: Vec<&str> = Vec::new();
        let mut after_du = false;
        // Up to the year of the date that follows « du ».
        for word in line[start..].split_whitespace().take(12) {
            let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            if after_du && core.len() == 4 && core.bytes().all(|b| b.is_ascii_digit()) {
                words.push(core);
                let basis = words.join(" ");
                let mut chars = basis.chars();
                let first = chars
                    .next()
                    .map(|c| c.to_uppercase().collect::<String>())
                    .unwrap_or_default();
                return Some(first + chars.as_str());
            }
            after_du |= word == "du";
            words.push(word);
        }
    }
    None
}

// --- long sheets ---------------------------------------------------------------------------------------------
