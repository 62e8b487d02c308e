//! How a figure was computed and which rules a quote used.

use serde::{Deserialize, Serialize};

use super::warnings::one_of;

/// The decisions of RULES.md section 0 an explanation can name, and `cotisations` for the social
/// contributions (data/parameters/contributions.toml, outside the table).
const RULES: &[&str] = &[
    "D1",
    "D2",
    "D3",
    "D4",
    "D5",
    "D6",
    "D7",
    "D8",
    "D9",
    "D10",
    "D11",
    "D12",
    "D13",
    "D14",
    "D15",
    "D16",
    "D17",
    "D18",
    "D19",
    "D20",
    "D21",
    "D22",
    "D23",
    "D24",
    "D25",
    "D26",
    "D27",
    "D28",
    "cotisations",
];

/// An explanation as read, before its rule is matched to a known one.
#[derive(Deserialize)]
struct ExplanationText {
    figure: String,
    rule: String,
    article: String,
    text: String,
}

impl TryFrom<ExplanationText> for Explanation {
    type Error = String;
    fn try_from(e: ExplanationText) -> Result<Explanation, String> {
        Ok(Explanation {
            figure: e.figure,
            rule: one_of(&e.rule, RULES)?,
            article: e.article,
            text: e.text,
        })
    }
}

/// A rule used, with its article and the text behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Source {
    /// The decision of RULES.md section 0 (`D3`) or the parameter name.
    pub rule: String,
    /// What it decides.
    pub title: String,
    /// The article of the Code du travail.
    pub article: String,
    /// The text and its date.
    pub reference: String,
}

/// How one figure was computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Explanation {
    /// The figure, as a path in the JSON output (`years[0].npec`, `participation`).
    pub figure: String,
    /// The decision of RULES.md section 0.
    pub rule: &'static str,
    /// The article.
    pub article: String,
    /// The computation with its numbers, in French.
    pub text: String,
}

impl<'de> Deserialize<'de> for Explanation {
    fn deserialize<D: serde::Deserializer<'de>>(
        d: D,
    ) -> std::result::Result<Explanation, D::Error> {
        ExplanationText::deserialize(d)?
            .try_into()
            .map_err(serde::de::Error::custom)
    }
}
