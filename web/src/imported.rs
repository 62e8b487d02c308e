//! The editions a visitor imported in this browser: `import.js` keeps each in IndexedDB (its compact form and
//! what the importer said of it), `boot.js` hands them to the app with the shipped data as
//! `window.__coutcontratImported`, the page says which figure rests on which (« importé le … »).

use jiff::civil::Date;
// Not `str::parse`: jiff's own parser would weigh 50 KB in the page.
use serde_json::Value;

/// What the page says of an imported edition (from the importer's description, `web/importer`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedEdition {
    /// The edition's tag.
    pub tag: String,
    /// The official file's name.
    pub source_file: String,
    /// Its SHA-256, in hexadecimal.
    pub sha256: String,
    /// The day of the import, by the visitor's clock.
    pub imported_on: Option<Date>,
    /// Rows read.
    pub rows: u64,
    /// Certifications (RNCP codes) read.
    pub certifications: u64,
    /// Branches (CPNE) read.
    pub cpne: u64,
}

impl ImportedEdition {
    /// Reads a description; a field missing or of another type is left empty (the figures come from the
    /// compact table, not from here).
    pub fn from_json(v: &Value) -> ImportedEdition {
        let text = |k: &str| {
            v.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let count = |k: &str| v.get(k).and_then(Value::as_u64).unwrap_or_default();
        ImportedEdition {
            tag: text("tag"),
            source_file: text("source_file"),
            sha256: text("sha256"),
            imported_on: v
                .get("imported_on")
                .and_then(Value::as_str)
                .and_then(|d| d.get(..10))
                .and_then(|d| coutcontrat::contract::parse_date(d, "imported_on").ok()),
            rows: count("rows"),
            certifications: count("certifications"),
            cpne: count("cpne"),
        }
    }

    /// « le 02/12/2026 », the day of the import; empty when unknown.
    pub fn on_day(&self) -> String {
        self.imported_on
            .map(|d| format!(" le {}", crate::format::date_short(d)))
            .unwrap_or_default()
    }

    /// The first 12 digits of the SHA-256, enough to tell two files apart on screen.
    pub fn short_sha256(&self) -> &str {
        self.sha256.get(..12).unwrap_or(&self.sha256)
    }
}

/// The editions kept in this browser, as `boot.js` read them: (description, compact bytes).
#[cfg(target_arch = "wasm32")]
pub fn handed_over() -> Vec<(Value, Vec<u8>)> {
    use wasm_bindgen::JsCast;
    let Some(list) = crate::browser::handed_over("__coutcontratImported")
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
    else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|entry| {
            let edition = js_sys::Reflect::get(&entry, &"edition".into()).ok()?;
            let json = js_sys::JSON::stringify(&edition).ok()?.as_string()?;
            let bytes = js_sys::Reflect::get(&entry, &"compact".into())
                .ok()?
                .dyn_into::<js_sys::Uint8Array>()
                .ok()?
                .to_vec();
            Some((serde_json::from_str(&json).unwrap_or(Value::Null), bytes))
        })
        .collect()
}

/// On the host (tests): none.
#[cfg(not(target_arch = "wasm32"))]
pub fn handed_over() -> Vec<(Value, Vec<u8>)> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_is_read_and_a_bad_one_left_empty() {
        let e = ImportedEdition::from_json(&serde_json::json!({
            "tag": "v_18.07.2024", "source_file": "Referentiel.xlsx",
            "sha256": "0123456789abcdef0123", "imported_on": "2026-12-02T10:00:00.000Z",
            "rows": 12, "certifications": 3, "cpne": "x"
        }));
        assert_eq!(e.tag, "v_18.07.2024");
        assert_eq!(e.imported_on, Some(jiff::civil::date(2026, 12, 2)));
        assert_eq!((e.rows, e.certifications, e.cpne), (12, 3, 0));
        assert_eq!(e.short_sha256(), "0123456789ab");
        let empty = ImportedEdition::from_json(&Value::Null);
        assert_eq!((empty.tag.as_str(), empty.imported_on), ("", None));
    }
}
