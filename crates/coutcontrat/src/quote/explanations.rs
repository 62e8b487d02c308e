//! How a figure was computed and which rules a quote used.

use serde::Serialize;

/// A rule used, with its article and the text behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
