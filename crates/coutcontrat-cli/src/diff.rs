//! `coutcontrat diff --from 2025-09 --to 2026-09`: what a new edition of the référentiel does to each
//! (certification, branch): the amount before and after, the change in euros and per cent, the pairs added
//! and removed, and the codes renewed between the two (a removed code whose successor was added).

use std::fmt::Write as _;

use coutcontrat::money::euros;
use coutcontrat::referentiel::TableVersion;
use coutcontrat::Referentiel;
use coutcontrat_referentiel::{diff_versions, PairChange};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::failure::Failure;

/// One line of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    /// `changed`, `added` or `removed`.
    pub change: &'static str,
    /// The certification.
    pub rncp: String,
    /// The branch (CPNE code).
    pub cpne: String,
    /// The amount in the earlier edition.
    pub before: Option<Decimal>,
    /// The amount in the later one.
    pub after: Option<Decimal>,
    /// After − before, in euros.
    pub delta: Option<Decimal>,
    /// The change in per cent of before, to the hundredth.
    pub percent: Option<Decimal>,
    /// For a removed code: the code that replaced it, when the renewal links say so.
    pub renewed_as: Option<String>,
}

/// The comparison of two editions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EditionDiff {
    /// The earlier edition's tag.
    pub from: String,
    /// The later edition's tag.
    pub to: String,
    /// Of the two, the editions that are extracts (D20): a pair absent from one may be in the official file.
    pub partial: Vec<String>,
    /// The lines, changed first, then added, then removed, each by code and branch.
    pub lines: Vec<Line>,
}

/// The edition a user names: its tag, or the start of it (`2025-09` for « 2025-09 (vMAJ 28.05.2026) »).
fn edition<'r>(r: &'r Referentiel, name: &str, option: &str) -> Result<&'r TableVersion, Failure> {
    let name = name.trim();
    let exact = r.versions().iter().find(|v| v.tag == name);
    let starting: Vec<&TableVersion> = r
        .versions()
        .iter()
        .filter(|v| v.tag.starts_with(name))
        .collect();
    match (exact, starting.as_slice()) {
        (Some(v), _) => Ok(v),
        (None, [v]) => Ok(*v),
        _ => Err(Failure::Usage(format!(
            "{option} « {name} » : {} ; les éditions des données sont : {}",
            if starting.is_empty() {
                "aucune édition de ce nom"
            } else {
                "plusieurs éditions commencent ainsi"
            },
            r.versions()
                .iter()
                .map(|v| v.tag.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Compares the editions `from` and `to`, keeping only the codes of `only` when given.
pub fn compare(
    r: &Referentiel,
    from: &str,
    to: &str,
    only: &[String],
) -> Result<EditionDiff, Failure> {
    let before = edition(r, from, "--from")?;
    let after = edition(r, to, "--to")?;
    let d = diff_versions(Some(before), after);
    let keep = |c: &PairChange| only.is_empty() || only.contains(&c.rncp);
    let line = |change: &'static str, c: &PairChange| {
        let delta = c.before.zip(c.after).map(|(b, a)| a - b);
        let percent = c
            .before
            .zip(delta)
            .filter(|(b, _)| !b.is_zero())
            .map(|(b, d)| (d * Decimal::ONE_HUNDRED / b).round_dp(2));
        let renewed_as = (change == "removed")
            .then(|| {
                r.renewals_of(&c.rncp)
                    .iter()
                    .map(|n| n.new.clone())
                    .find(|new| d.added.iter().any(|a| a.rncp == *new))
            })
            .flatten();
        Line {
            change,
            rncp: c.rncp.clone(),
            cpne: c.cpne.clone(),
            before: c.before,
            after: c.after,
            delta,
            percent,
            renewed_as,
        }
    };
    let lines = d
        .changed
        .iter()
        .filter(|c| keep(c))
        .map(|c| line("changed", c))
        .chain(d.added.iter().filter(|c| keep(c)).map(|c| line("added", c)))
        .chain(
            d.removed
                .iter()
                .filter(|c| keep(c))
                .map(|c| line("removed", c)),
        )
        .collect();
    let partial = [before, after]
        .iter()
        .filter(|v| v.coverage == coutcontrat::referentiel::Coverage::Partial)
        .map(|v| v.tag.clone())
        .collect();
    Ok(EditionDiff {
        from: before.tag.clone(),
        to: after.tag.clone(),
        partial,
        lines,
    })
}

/// The RNCP codes of a CFA's catalogue (the widget's JSON: a list of courses, or `{"courses": […]}`).
pub fn catalogue_codes(json: &str) -> Result<Vec<String>, Failure> {
    let value: serde_json::Value = serde_json::from_str(json)
        .map_err(|e| Failure::Usage(format!("--catalogue : ce n'est pas du JSON valide : {e}")))?;
    let list = value
        .as_array()
        .or_else(|| value.get("courses").and_then(|c| c.as_array()))
        .ok_or_else(|| {
            Failure::Usage(
                "--catalogue : une liste de formations ([{\"rncp\": …}]) est attendue".into(),
            )
        })?;
    Ok(list
        .iter()
        .filter_map(|c| c.get("rncp")?.as_str())
        .filter_map(coutcontrat::referentiel::normalize_rncp)
        .collect())
}

fn amount(d: Option<Decimal>) -> String {
    d.map(|d| d.round_dp(2).to_string()).unwrap_or_default()
}

/// CSV: `change,rncp,cpne,before,after,delta,percent,renewed_as`.
pub fn csv(d: &EditionDiff) -> Result<String, Failure> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| Failure::io("CSV de la comparaison", e);
    w.write_record([
        "change",
        "rncp",
        "cpne",
        "before",
        "after",
        "delta",
        "percent",
        "renewed_as",
    ])
    .map_err(io)?;
    for l in &d.lines {
        w.write_record([
            l.change.to_owned(),
            l.rncp.clone(),
            l.cpne.clone(),
            amount(l.before),
            amount(l.after),
            amount(l.delta),
            amount(l.percent),
            l.renewed_as.clone().unwrap_or_default(),
        ])
        .map_err(io)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Failure::io("CSV de la comparaison", e))?;
    String::from_utf8(bytes).map_err(|e| Failure::io("CSV de la comparaison", e))
}

/// The readable table, in French.
pub fn text(d: &EditionDiff) -> String {
    let count = |c: &str| d.lines.iter().filter(|l| l.change == c).count();
    let mut out = format!(
        "De l'édition {} à l'édition {} : {} montants changés, {} couples ajoutés, {} retirés.\n",
        d.from,
        d.to,
        count("changed"),
        count("added"),
        count("removed")
    );
    if !d.partial.is_empty() {
        let _ = writeln!(
            out,
            "Attention : {} {} un extrait ; un couple qui n'y figure pas peut figurer dans le fichier officiel.",
            d.partial.join(" et "),
            if d.partial.len() > 1 { "sont chacune" } else { "est" }
        );
    }
    for l in &d.lines {
        let what = format!("{} × CPNE {}", l.rncp, l.cpne);
        let _ = match l.change {
            "changed" => writeln!(
                out,
                "  {what} : {} → {} ({}{}, {}{} %)",
                l.before.map(euros).unwrap_or_default(),
                l.after.map(euros).unwrap_or_default(),
                if l.delta.is_some_and(|d| d > Decimal::ZERO) {
                    "+"
                } else {
                    ""
                },
                l.delta.map(euros).unwrap_or_default(),
                if l.percent.is_some_and(|p| p > Decimal::ZERO) {
                    "+"
                } else {
                    ""
                },
                l.percent
                    .map(|p| p.normalize().to_string().replace('.', ","))
                    .unwrap_or_default(),
            ),
            "added" => writeln!(
                out,
                "  ajouté {what} : {}",
                l.after.map(euros).unwrap_or_else(|| "sans montant".into())
            ),
            _ => writeln!(
                out,
                "  retiré {what} (était {}){}",
                l.before.map(euros).unwrap_or_else(|| "sans montant".into()),
                l.renewed_as
                    .as_ref()
                    .map(|n| format!(" : code renouvelé en {n}"))
                    .unwrap_or_default()
            ),
        };
    }
    out
}
