//! Search as you type: certifications and branches by code or by words of their label.

use std::sync::Arc;

use jiff::civil::Date;

use super::{level_of_diploma_type, normalize_rncp, Branch, BranchHit, Certification, Referentiel};

/// Lower-cases and removes the accents of French text, so that `Sécurité` matches `securite`, whether the
/// accent is one character (NFC, as keyboards type it) or a letter followed by a combining mark (NFD, as
/// macOS names files and some tools copy text).
///
/// ```
/// assert_eq!(coutcontrat::referentiel::fold("Œuvre Élastomères – Sécurité"), "oeuvre elastomeres – securite");
/// assert_eq!(coutcontrat::referentiel::fold("Se\u{301}curite\u{301}"), "securite");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(crate::case::lower) {
        match c {
            // Combining diacritical marks: the accents of a decomposed letter (`e` + U+0301).
            '\u{300}'..='\u{36f}' => {}
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' | 'ì' => out.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'ÿ' | 'ý' => out.push('y'),
            'ñ' => out.push('n'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            '’' | '`' => out.push('\''),
            _ => out.push(c),
        }
    }
    out
}

/// The folded words of a text (letters and digits), for matching.
///
/// ```
/// assert_eq!(coutcontrat::referentiel::words("BTS « Management » d'équipe"), vec!["bts", "management", "d", "equipe"]);
/// ```
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The distinct words of a query, in their first order: what both searches match, each word once. A query
/// is matched word by word against every label, so a word repeated (a paste gone wrong, 1 MB of `de de…`)
/// must cost once, not once per repetition and label.
///
/// ```
/// assert_eq!(coutcontrat::referentiel::query_terms("Hôtels hotels CAFÉS"), vec!["hotels", "cafes"]);
/// ```
pub fn query_terms(query: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut terms = words(query);
    terms.retain(|t| seen.insert(t.clone()));
    terms
}

#[cfg(test)]
thread_local! {
    /// How many (query word, label) comparisons the searches made on this thread: their cost, counted.
    pub(super) static COMPARISONS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts one comparison of a query word with a label (tests only).
#[inline]
fn compared() {
    #[cfg(test)]
    COMPARISONS.with(|c| c.set(c.get() + 1));
}

/// True when every term is somewhere in `haystack` (a folded label); stops at the first that is not.
fn all_within(terms: &[String], haystack: &str) -> bool {
    !terms.is_empty()
        && terms.iter().all(|t| {
            compared();
            haystack.contains(t.as_str())
        })
}

impl Referentiel {
    /// Every certification known, one entry per RNCP code, labelled by the newest version.
    pub fn certifications(&self) -> Vec<Certification> {
        let mut out: Vec<Certification> = self
            .index
            .iter()
            .filter_map(|(code, hits)| {
                // The last row added of the newest version.
                let hit = hits.iter().max_by_key(|h| {
                    (
                        self.versions[h.version as usize].published,
                        h.version,
                        h.row,
                    )
                })?;
                let (vi, ri) = (hit.version as usize, hit.row as usize);
                let row = &self.versions[vi].rows[ri];
                Some(Certification {
                    rncp: code.clone(),
                    label: row.label.clone(),
                    diploma_type: row.diploma_type.clone(),
                    level_hint: level_of_diploma_type(&row.diploma_type),
                    published: self.versions[vi].published,
                })
            })
            .collect();
        out.sort_by(|a, b| a.rncp.cmp(&b.rncp));
        out
    }

    /// Certifications matching a code or words of the label, accent- and case-insensitive, best first.
    ///
    /// ```
    /// # use coutcontrat::referentiel::*;
    /// # use jiff::civil::date;
    /// let mut r = Referentiel::default();
    /// # r.add_version(TableVersion { tag: "t".into(), published: date(2025, 9, 4), applies_from: date(2025, 9, 1),
    /// #   applies_until: None, source_file: String::new(), source_sha256: None, legal_basis: String::new(),
    /// #   synthetic: true, coverage: Default::default(), note: String::new(), mapping: None,
    /// #   rows: vec![NpecRow::simple("RNCP41000", "BTS Management opérationnel de la sécurité", 204, "8828", date(2025, 9, 1))] });
    /// let hits = r.search_certifications("securite management", 10);
    /// assert_eq!(hits[0].rncp, "RNCP41000");
    /// assert_eq!(r.search_certifications("4100", 10)[0].rncp, "RNCP41000");
    /// ```
    pub fn search_certifications(&self, query: &str, limit: usize) -> Vec<Certification> {
        let all = self.certifications();
        CertificationIndex::new(all).search(query, limit)
    }

    /// Branches matching an IDCC, a CPNE code or words of a label.
    pub fn search_branches(&self, query: &str, signed_on: Date, limit: usize) -> Vec<BranchHit> {
        let terms = query_terms(query);
        let number: Option<u32> = query.trim().parse().ok();
        let mut hits: Vec<(u32, BranchHit)> = Vec::new();
        let branch = |cpne: u32| Branch {
            cpne,
            label: self.cpne_label(cpne).unwrap_or_default().to_owned(),
        };
        let mut idccs: Vec<u32> = self.idcc.keys().copied().collect();
        if let Some((mapping, _)) = self.mapping_for(signed_on) {
            idccs.extend(mapping.iter().map(|p| p.idcc));
        }
        idccs.sort_unstable();
        idccs.dedup();
        for idcc in idccs {
            let info = self.idcc.get(&idcc);
            let label = info.map(|i| i.label.clone()).unwrap_or_default();
            let cpne: Vec<Branch> = self
                .cpne_of_idcc(idcc, signed_on)
                .into_iter()
                .map(branch)
                .collect();
            let haystack = fold(&format!(
                "{label} {}",
                cpne.iter()
                    .map(|b| b.label.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
            let score = if number == Some(idcc) {
                1000
            } else if number.is_some() && idcc.to_string().starts_with(query.trim()) {
                500
            } else if all_within(&terms, &haystack) {
                100
            } else {
                continue;
            };
            hits.push((
                score,
                BranchHit {
                    idcc: Some(idcc),
                    label,
                    opco: info.and_then(|i| i.opco.clone()),
                    cpne,
                },
            ));
        }
        // CPNE without an IDCC can still be chosen by code or name.
        let mut labels: Vec<(&u32, &Arc<str>)> = self.cpne_labels.iter().collect();
        labels.sort_unstable_by_key(|&(cpne, _)| *cpne);
        for (&cpne, label) in labels {
            let folded = fold(label);
            let score = if number == Some(cpne) {
                300
            } else if all_within(&terms, &folded) {
                50
            } else {
                continue;
            };
            hits.push((
                score,
                BranchHit {
                    idcc: None,
                    label: label.to_string(),
                    opco: None,
                    cpne: vec![branch(cpne)],
                },
            ));
        }
        hits.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.label.cmp(&b.1.label)));
        hits.into_iter().take(limit).map(|(_, h)| h).collect()
    }
}

/// A prepared search index over certifications, for search-as-you-type.
#[derive(Debug, Clone, Default)]
pub struct CertificationIndex {
    entries: Vec<(Certification, String, Vec<String>)>,
}

impl CertificationIndex {
    /// Folds every label once.
    pub fn new(certifications: Vec<Certification>) -> CertificationIndex {
        let entries = certifications
            .into_iter()
            .map(|c| {
                let folded = fold(&format!("{} {}", c.label, c.diploma_type));
                let label_words = words(&folded);
                (c, folded, label_words)
            })
            .collect();
        CertificationIndex { entries }
    }

    /// How many certifications it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when it holds none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Best matches first: exact code, code prefix, then labels where every word of the query starts a
    /// word of the label (whole words and earlier words rank higher).
    pub fn search(&self, query: &str, limit: usize) -> Vec<Certification> {
        let q = query.trim();
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let code = normalize_rncp(q);
        let digits = code.as_deref().map(|c| &c[4..]);
        let terms = query_terms(q);
        let mut scored: Vec<(i64, &Certification)> = Vec::new();
        for (cert, _, label_words) in &self.entries {
            let mut score: i64 = 0;
            if let Some(code) = &code {
                if &cert.rncp == code {
                    score = 10_000;
                } else if cert.rncp[4..].starts_with(digits.unwrap_or_default()) {
                    score = 5_000 - cert.rncp.len() as i64;
                }
            }
            if score == 0 && !terms.is_empty() {
                let mut total = 0i64;
                let mut all = true;
                for term in &terms {
                    compared();
                    let best = label_words
                        .iter()
                        .enumerate()
                        .filter_map(|(i, w)| {
                            if w == term {
                                Some(100 - i.min(50) as i64)
                            } else if w.starts_with(term.as_str()) {
                                Some(60 - i.min(50) as i64)
                            } else {
                                None
                            }
                        })
                        .max();
                    match best {
                        Some(s) => total += s,
                        None => {
                            all = false;
                            break;
                        }
                    }
                }
                if all {
                    score = 1_000 + total - label_words.len() as i64;
                }
            }
            if score > 0 {
                scored.push((score, cert));
            }
        }
        // Equal scores: the certification of the newest version first (a former code shares its label).
        let order = |a: &(i64, &Certification), b: &(i64, &Certification)| {
            b.0.cmp(&a.0)
                .then_with(|| b.1.published.cmp(&a.1.published))
                .then_with(|| a.1.rncp.cmp(&b.1.rncp))
        };
        // A first letter matches thousands of a full-size table: pick the best `limit`, then sort those
        // (a total order, so the same list as sorting them all).
        if scored.len() > limit {
            scored.select_nth_unstable_by(limit - 1, order);
            scored.truncate(limit);
        }
        scored.sort_by(order);
        scored
            .into_iter()
            .take(limit)
            .map(|(_, c)| c.clone())
            .collect()
    }
}
