//! The référentiel the page reads, loaded once.
//!
//! Every figure the page shows comes from the same core and default data as the library and the command
//! line: this module is the one place that says which data that is. The page does not carry the data as
//! text (nor a CSV or TOML parser): `Trunk.toml` writes their compact form (`coutcontrat_referentiel::compact`,
//! made by `coutcontrat-compact` from `data/`) beside the app as [`DATA_FILE`], `boot.js` fetches it while
//! the WebAssembly loads and hands it over as `window.__coutcontratData`, with the editions a visitor
//! imported in this browser above it (`crate::imported`: an imported edition replaces the shipped one of
//! the same tag). Only the certification list is
//! read at start; a certification's rows are decoded when it is quoted ([`Catalog::referentiel_for`]), and
//! their lookups are those of the whole table (`crates/coutcontrat-referentiel/tests/compact.rs`).

use std::ops::Deref;
use std::sync::{Arc, Mutex, OnceLock};

use coutcontrat::referentiel::{Certification, CertificationIndex};
use coutcontrat::Referentiel;
use coutcontrat_referentiel::compact::{CompactTable, Layered};

use crate::imported::ImportedEdition;

/// The file of the compact référentiel, next to `index.html` (written by the hook of `Trunk.toml`).
pub const DATA_FILE: &str = "referentiel.ccrc";

/// The compact référentiel, with what the page needs at once.
pub struct Data {
    table: Layered,
    /// The editions imported in this browser that were read, in the order of the layers.
    imported: Vec<ImportedEdition>,
    /// The imported editions left out (their copy in the browser does not decode): tag, why.
    unreadable: Vec<(String, String)>,
    /// Every version, mapping and branch list, the CPNE labels; no row.
    base: Referentiel,
    certifications: CertificationIndex,
    /// The rows of the last certification quoted (a visitor quotes one at a time).
    part: Mutex<Option<(String, Arc<Referentiel>)>>,
}

impl Data {
    /// Reads the tables and the certification list (the rows stay encoded).
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Data, coutcontrat_referentiel::Error> {
        Data::with_imported(bytes, Vec::new())
    }

    /// The shipped data (`bytes`), and above them the editions imported in this browser (description,
    /// compact bytes); an imported copy that does not decode is left out and said.
    pub fn with_imported(
        bytes: Vec<u8>,
        imported: Vec<(serde_json::Value, Vec<u8>)>,
    ) -> Result<Data, coutcontrat_referentiel::Error> {
        // Kept to start on the shipped data alone if the imported layers, each readable, fail together.
        let shipped = (!imported.is_empty()).then(|| bytes.clone());
        let mut tables = vec![CompactTable::new(bytes)?];
        let mut editions = Vec::new();
        let mut unreadable = Vec::new();
        let illegible = |tag: &str, why: &str| {
            (
                tag.to_owned(),
                format!(
                    "L'édition {tag} importée dans ce navigateur est illisible ({why}) : retirez-la et importez \
                     le fichier à nouveau."
                ),
            )
        };
        for (description, bytes) in imported {
            let edition = ImportedEdition::from_json(&description);
            match CompactTable::new(bytes) {
                Ok(t) => {
                    tables.push(t);
                    editions.push(edition);
                }
                Err(e) => unreadable.push(illegible(&edition.tag, &e.message)),
            }
        }
        let table = Layered::new(tables);
        let base = match (table.referentiel_for(&[]), shipped) {
            (Ok(base), _) => base,
            (Err(e), Some(shipped)) if !editions.is_empty() => {
                let mut data = Data::with_imported(shipped, Vec::new())?;
                data.unreadable = unreadable;
                data.unreadable
                    .extend(editions.iter().map(|ed| illegible(&ed.tag, &e.message)));
                return Ok(data);
            }
            (Err(e), _) => return Err(e),
        };
        let certifications = CertificationIndex::new(table.certifications());
        Ok(Data {
            table,
            imported: editions,
            unreadable,
            base,
            certifications,
            part: Mutex::new(None),
        })
    }

    /// The imported edition of this tag, if the figures of that edition come from this browser's import.
    pub fn imported(&self, tag: &str) -> Option<&ImportedEdition> {
        self.imported.iter().rev().find(|e| e.tag == tag)
    }

    /// Every imported edition read, and why others were left out.
    pub fn imports(&self) -> (&[ImportedEdition], &[(String, String)]) {
        (&self.imported, &self.unreadable)
    }

    /// A référentiel with the rows of this certification (decoded once, then kept until another is asked).
    fn referentiel_for(&self, rncp: &str) -> Table<'_> {
        if !self.table.knows_certification(rncp) {
            return Table::Borrowed(&self.base);
        }
        let mut part = self.part.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((code, r)) = part.as_ref() {
            if code == rncp {
                return Table::Shared(r.clone());
            }
        }
        match self.table.referentiel_for(&[rncp]) {
            Ok(r) => {
                let r = Arc::new(r);
                *part = Some((rncp.to_owned(), r.clone()));
                Table::Shared(r)
            }
            // Bytes that decoded at start and not now: a damaged copy; quote as if the table lacked it.
            Err(_) => Table::Borrowed(&self.base),
        }
    }
}

/// A référentiel borrowed, or shared with the cache of [`Data`].
pub enum Table<'a> {
    /// A whole référentiel, or the rowless base.
    Borrowed(&'a Referentiel),
    /// One certification's rows.
    Shared(Arc<Referentiel>),
}

impl Deref for Table<'_> {
    type Target = Referentiel;
    fn deref(&self) -> &Referentiel {
        match self {
            Table::Borrowed(r) => r,
            Table::Shared(r) => r,
        }
    }
}

#[derive(Clone, Copy)]
enum Source<'a> {
    Whole(&'a Referentiel),
    Compact(&'a Data),
}

/// The référentiel and its search index, as the state needs them.
#[derive(Clone, Copy)]
pub struct Catalog<'a> {
    source: Source<'a>,
    /// Certifications prepared for search-as-you-type (labels folded once).
    pub certifications: &'a CertificationIndex,
}

impl std::fmt::Debug for Catalog<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("certifications", &self.certifications.len())
            .finish()
    }
}

impl<'a> Catalog<'a> {
    /// A catalog over a whole référentiel and an index built from it.
    pub fn new(
        referentiel: &'a Referentiel,
        certifications: &'a CertificationIndex,
    ) -> Catalog<'a> {
        Catalog {
            source: Source::Whole(referentiel),
            certifications,
        }
    }

    /// A catalog over a compact référentiel.
    pub fn compact(data: &'a Data) -> Catalog<'a> {
        Catalog {
            source: Source::Compact(data),
            certifications: &data.certifications,
        }
    }

    /// The edition of this tag imported in this browser, when its figures come from there.
    pub fn imported(&self, tag: &str) -> Option<&'a ImportedEdition> {
        match self.source {
            Source::Whole(_) => None,
            Source::Compact(d) => d.imported(tag),
        }
    }

    /// The editions imported in this browser, and why any was left out.
    pub fn imports(&self) -> (&'a [ImportedEdition], &'a [(String, String)]) {
        match self.source {
            Source::Whole(_) => (&[], &[]),
            Source::Compact(d) => d.imports(),
        }
    }

    /// Certifications matching a search: the référentiel's first, then those of the certification index
    /// (`crate::registry`, once loaded) it does not list.
    pub fn search_certifications(&self, query: &str, limit: usize) -> Vec<Certification> {
        search_both(self.certifications, crate::registry::loaded(), query, limit)
    }

    /// Versions, mappings, IDCC and CPNE labels (for the branch search); for a compact référentiel, no row:
    /// quote with [`Catalog::referentiel_for`].
    pub fn referentiel(&self) -> &'a Referentiel {
        match self.source {
            Source::Whole(r) => r,
            Source::Compact(d) => &d.base,
        }
    }

    /// What a quote of this certification needs: its rows, every version, mapping and label.
    pub fn referentiel_for(&self, rncp: Option<&str>) -> Table<'a> {
        match (self.source, rncp) {
            (Source::Whole(r), _) => Table::Borrowed(r),
            (Source::Compact(d), Some(code)) => d.referentiel_for(code),
            (Source::Compact(d), None) => Table::Borrowed(&d.base),
        }
    }
}

impl Catalog<'static> {
    /// The default data: the compact file fetched by `boot.js` (in the browser), the same data made from the
    /// library's embedded files (on the host, for the tests).
    pub fn embedded() -> Catalog<'static> {
        static DATA: OnceLock<Data> = OnceLock::new();
        Catalog::compact(DATA.get_or_init(|| {
            Data::with_imported(bytes(), crate::imported::handed_over())
                .unwrap_or_else(|e| panic!("le référentiel {DATA_FILE} est illisible : {e}"))
        }))
    }
}

#[cfg(target_arch = "wasm32")]
fn bytes() -> Vec<u8> {
    use wasm_bindgen::JsCast;
    crate::browser::handed_over("__coutcontratData")
        .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
        .map(|a| a.to_vec())
        .unwrap_or_else(|| panic!("le référentiel {DATA_FILE} n'a pas été chargé (boot.js)"))
}

#[cfg(not(target_arch = "wasm32"))]
fn bytes() -> Vec<u8> {
    let set = coutcontrat_referentiel::embedded_dataset().expect("the embedded data are valid");
    coutcontrat_referentiel::compact::to_compact(&set)
}

/// The library's référentiel, the whole default data as the command line reads them: what the tests check
/// the page's figures against (host only; the page reads [`Catalog::embedded`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn referentiel() -> &'static Referentiel {
    coutcontrat_referentiel::embedded()
}

/// The hits of `first`, then those of `then` that `first` does not list, `limit` in all.
pub fn search_both(
    first: &CertificationIndex,
    then: Option<&CertificationIndex>,
    query: &str,
    limit: usize,
) -> Vec<Certification> {
    let mut hits = first.search(query, limit);
    for c in then.map(|t| t.search(query, limit)).unwrap_or_default() {
        if hits.len() >= limit {
            break;
        }
        if !hits.iter().any(|h| h.rncp == c.rncp) {
            hits.push(c);
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An imported copy that no longer decodes is left out and named, with its tag for the button that
    /// removes it; the page starts on the shipped data.
    #[test]
    fn an_unreadable_import_is_left_out_and_named() {
        let data = Data::with_imported(
            bytes(),
            vec![(
                serde_json::json!({"tag": "v_01.01.2030"}),
                b"abimee".to_vec(),
            )],
        )
        .unwrap();
        let (editions, unreadable) = data.imports();
        assert!(editions.is_empty());
        assert_eq!(unreadable[0].0, "v_01.01.2030");
        assert!(unreadable[0].1.contains("illisible"), "{}", unreadable[0].1);
        assert!(!data.base.versions().is_empty());
    }
}
