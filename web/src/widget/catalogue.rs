//! The CFA's catalogue: the courses it offers, each with its RNCP code, label, level, annual price, usual
//! duration and share of teaching at distance.
//!
//! The CFA writes it as JSON (the loader's `data-catalogue` attribute or the file of `data-catalogue-url`);
//! the loader hands it to the widget by a message once the widget says it is ready (the widget's message
//! module): a catalogue of thousands of courses would make the iframe's address megabytes long. A short catalogue may
//! also come in the address, compactly (see [`Catalogue::from_compact`]). Both forms go through the same
//! checks, course by course: a wrong course is left out and said so (which course, which field), the
//! others are kept. A course may carry its NPEC ([`CourseNpec`]): a wrong amount is named and left out, the
//! course kept.

use coutcontrat::referentiel::normalize_rncp;
use serde_json::Value;

pub use super::course::{Course, Problem, RawCourse, KEYS, MAX_MONTHS};
use super::course_npec::amounts_of_json;

/// The most courses a catalogue may hold (a CFA group's whole offer; the widget lists them in one menu).
pub const MAX_COURSES: usize = 10_000;

/// The longest catalogue read, in bytes of JSON: 10 000 courses with long labels take about 2 MB.
pub const MAX_CATALOGUE_BYTES: usize = 4_000_000;

/// The fields every course writes in the compact form; the NPEC fields follow only when given, so that
/// links made before them stay as they were.
const COMPACT_FIELDS: usize = 6;

/// The checked courses, and what was wrong with the others.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Catalogue {
    /// The courses kept, in the CFA's order.
    pub courses: Vec<Course>,
    /// One message per course left out (or about the whole catalogue), in French.
    pub problems: Vec<String>,
    /// The cells behind those messages: position of the course as given (from 0), column in [`KEYS`],
    /// and the message's position in `problems`.
    pub cells: Vec<(usize, usize, usize)>,
}

impl Catalogue {
    /// Checks courses as written; blank ones (every field empty) are not courses.
    pub fn check(raw: &[RawCourse]) -> Catalogue {
        Catalogue::check_items(raw.iter().cloned().map(Ok).collect())
    }

    /// Checks courses, some already known to be wrong; each is numbered by its position.
    fn check_items(items: Vec<Result<RawCourse, String>>) -> Catalogue {
        let total = items.len();
        let mut out = Catalogue::default();
        for (i, item) in items.into_iter().enumerate() {
            let r = match item {
                Ok(r) if r.is_blank() => continue,
                Ok(r) => r,
                Err(e) => {
                    out.problems.push(e);
                    continue;
                }
            };
            if out.courses.len() == MAX_COURSES {
                out.problems.push(format!(
                    "le catalogue compte {total} formations : seules les {MAX_COURSES} premières sont gardées"
                ));
                break;
            }
            let problems = match r.check(i + 1) {
                Ok((c, notes)) => {
                    out.courses.push(c);
                    notes
                }
                Err(wrong) => wrong,
            };
            for p in problems {
                out.cells.push((i, p.column, out.problems.len()));
                out.problems.push(p.message);
            }
        }
        out
    }

    /// Reads the JSON a CFA writes: a list of courses, or an object whose `courses` is that list. Each
    /// course is an object with the keys of [`KEYS`]; numbers may be given as numbers or as text.
    ///
    /// ```
    /// use coutcontrat_web::widget::catalogue::Catalogue;
    /// let c = Catalogue::from_json(r#"[{"rncp": "RNCP41000", "label": "BTS MOS", "level": 5,
    ///     "price": 9000, "months": 24}]"#);
    /// assert_eq!(c.courses[0].rncp, "RNCP41000");
    /// assert_eq!(c.courses[0].months, Some(24));
    /// assert!(c.problems.is_empty());
    /// ```
    pub fn from_json(text: &str) -> Catalogue {
        if text.len() > MAX_CATALOGUE_BYTES {
            return Catalogue::too_long(text.len());
        }
        match serde_json::from_str(text) {
            Ok(value) => Catalogue::from_value(&value),
            Err(e) => match straight_quotes(text) {
                Some(value) => Catalogue::from_value(&value),
                None if text.contains(TYPOGRAPHIC) => Catalogue::refused(format!(
                    "le catalogue n'est pas du JSON valide ({e}) : il contient des guillemets typographiques \
                     (“ ” ou ’), qu'un éditeur comme WordPress met à la place des guillemets droits ; collez le \
                     code du widget dans un bloc « HTML personnalisé », qui le garde tel quel"
                )),
                None => Catalogue::refused(format!("le catalogue n'est pas du JSON valide : {e}")),
            },
        }
    }

    /// A catalogue of `bytes` bytes, over [`MAX_CATALOGUE_BYTES`]: refused unread.
    pub fn too_long(bytes: usize) -> Catalogue {
        Catalogue::refused(format!(
            "le catalogue fait {bytes} octets, plus que les {MAX_CATALOGUE_BYTES} lus : \
             retirez des formations ou raccourcissez les intitulés"
        ))
    }

    /// A catalogue refused whole, with its one message.
    fn refused(problem: String) -> Catalogue {
        Catalogue {
            courses: Vec::new(),
            problems: vec![problem],
            ..Catalogue::default()
        }
    }

    /// Checks a catalogue already read as JSON: see [`from_json`](Catalogue::from_json).
    pub fn from_value(value: &Value) -> Catalogue {
        let list = match value {
            Value::Array(items) => items,
            Value::Object(o) => match o.get("courses") {
                Some(Value::Array(items)) => items,
                _ => {
                    return Catalogue {
                        courses: Vec::new(),
                        problems: vec!["le catalogue doit être une liste de formations ([…]) ou un objet {\"courses\": […]}".into()],
                        ..Catalogue::default()
                    }
                }
            },
            _ => {
                return Catalogue {
                    courses: Vec::new(),
                    problems: vec!["le catalogue doit être une liste de formations ([…])".into()],
                    ..Catalogue::default()
                }
            }
        };
        let items = list
            .iter()
            .enumerate()
            .map(|(i, item)| {
                if !item.is_object() {
                    return Err(format!(
                        "formation {} : ce n'est pas un objet {{\"rncp\": …, \"price\": …}}",
                        i + 1
                    ));
                }
                let mut raw = RawCourse::default();
                let which = || {
                    let rncp = item.get("rncp").and_then(Value::as_str).unwrap_or("");
                    match normalize_rncp(rncp.trim()) {
                        Some(code) => format!("formation {} ({code})", i + 1),
                        None => format!("formation {}", i + 1),
                    }
                };
                for (k, key) in KEYS.iter().enumerate() {
                    if *key == "npec" {
                        let amounts = item
                            .as_object()
                            .map_or(Ok(String::new()), amounts_of_json)
                            .map_err(|e| format!("{} : {e}", which()))?;
                        raw.set(k, amounts);
                        continue;
                    }
                    match item.get(key) {
                        Some(Value::String(s)) => raw.set(k, s.clone()),
                        Some(Value::Number(n)) => raw.set(k, n.to_string()),
                        Some(Value::Bool(b)) => raw.set(k, b.to_string()),
                        None | Some(Value::Null) => {}
                        // A list or an object read as nothing would say « missing » of a field given.
                        Some(_) => {
                            return Err(format!(
                                "{} : « {key} » doit être un nombre ou un texte, pas une liste ni un objet",
                                which()
                            ));
                        }
                    }
                }
                Ok(raw)
            })
            .collect();
        Catalogue::check_items(items)
    }

    /// Reads the compact form a short catalogue may take in the widget's address (`courses=`): courses
    /// separated by `;`, the fields of a course by `,`, in the order of [`KEYS`], each field
    /// percent-encoded (`encodeURIComponent`, which encodes `,` and `;`).
    ///
    /// ```
    /// use coutcontrat_web::widget::catalogue::Catalogue;
    /// let c = Catalogue::from_compact("RNCP41000,BTS%20MOS,5,9000,24,;35430,,,6900,,");
    /// assert_eq!(c.courses.len(), 2);
    /// assert_eq!(c.courses[0].label, "BTS MOS");
    /// assert_eq!(c.courses[1].rncp, "RNCP35430");
    /// ```
    pub fn from_compact(text: &str) -> Catalogue {
        let raw: Vec<RawCourse> = text
            .split(';')
            .filter(|c| !c.is_empty())
            .map(|course| {
                let mut raw = RawCourse::default();
                for (i, field) in course.split(',').take(KEYS.len()).enumerate() {
                    raw.set(i, percent_decode(field));
                }
                raw
            })
            .collect();
        Catalogue::check(&raw)
    }

    /// The compact form of [`from_compact`](Catalogue::from_compact), for a direct link to the widget.
    pub fn to_compact(&self) -> String {
        self.courses
            .iter()
            .map(|c| {
                let raw = c.raw();
                let fields = (COMPACT_FIELDS..KEYS.len())
                    .rev()
                    .find(|i| !raw.get(*i).is_empty())
                    .map_or(COMPACT_FIELDS, |last| last + 1);
                (0..fields)
                    .map(|i| percent_encode(raw.get(i)))
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect::<Vec<_>>()
            .join(";")
    }

    /// The catalogue as JSON, one course a line, the absent fields left out: what the integration page
    /// puts in the snippet and offers as a file.
    pub fn to_json(&self) -> String {
        let lines: Vec<String> = self
            .courses
            .iter()
            .map(|c| {
                let mut fields = vec![format!("\"rncp\":{}", Value::from(c.rncp.as_str()))];
                if !c.label.is_empty() {
                    fields.push(format!("\"label\":{}", Value::from(c.label.as_str())));
                }
                if let Some(l) = c.level {
                    fields.push(format!("\"level\":{l}"));
                }
                fields.push(format!("\"price\":{}", c.price.normalize()));
                if let Some(m) = c.months {
                    fields.push(format!("\"months\":{m}"));
                }
                if let Some(d) = c.distance {
                    fields.push(format!("\"distance\":{}", d.normalize()));
                }
                if let Some(npec) = &c.npec {
                    fields.extend(npec.json_fields());
                }
                format!("{{{}}}", fields.join(","))
            })
            .collect();
        format!("[{}]", lines.join(",\n"))
    }
}

/// The quotes a text editor puts for `"` and `'` (WordPress writes “ ” ″ and ’ ‘).
const TYPOGRAPHIC: [char; 7] = ['“', '”', '„', '‟', '″', '’', '‘'];

/// A catalogue whose JSON quotes an editor made typographic, read with straight ones: only when that
/// makes it valid JSON (a label that holds “ ” of its own between straight quotes is valid as written).
fn straight_quotes(text: &str) -> Option<Value> {
    if !text.contains(TYPOGRAPHIC) {
        return None;
    }
    // The attribute's own quotes, made typographic, are left around the JSON.
    let inner = text.trim().trim_matches(['’', '‘', '\'']);
    let straight: String = inner
        .chars()
        .map(|c| match c {
            '“' | '”' | '„' | '‟' | '″' => '"',
            c => c,
        })
        .collect();
    serde_json::from_str(&straight).ok()
}

/// `encodeURIComponent`: everything but `A-Z a-z 0-9 - _ . ! ~ * ' ( )` as `%XX` of its UTF-8 bytes.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'!'
            | b'~'
            | b'*'
            | b'\''
            | b'('
            | b')' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Undoes [`percent_encode`] (and reads `+` as a space, as a query string does); a malformed escape is
/// kept as written, invalid UTF-8 is replaced.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |j: usize| bytes.get(j).and_then(|b| (*b as char).to_digit(16));
        match bytes[i] {
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    const SAMPLE: &str = r#"[
        {"rncp": "RNCP41000", "label": "BTS Management opérationnel de la sécurité", "level": 5,
         "price": 9000, "months": 24, "distance": 0},
        {"rncp": "35430", "label": "Licence « commerce » ; 100 % alternance, d'été", "level": "6",
         "price": "6 900,50", "months": "12", "distance": "85 %"},
        {"rncp": "RNCP1002", "price": 7000}
    ]"#;

    #[test]
    fn json_courses_are_read_with_numbers_as_numbers_or_text() {
        let c = Catalogue::from_json(SAMPLE);
        assert_eq!(c.problems, Vec::<String>::new());
        assert_eq!(c.courses.len(), 3);
        assert_eq!(
            c.courses[0],
            Course {
                rncp: "RNCP41000".into(),
                label: "BTS Management opérationnel de la sécurité".into(),
                level: Some(5),
                price: d("9000"),
                months: Some(24),
                distance: Some(d("0")),
                npec: None,
            }
        );
        let lic = &c.courses[1];
        assert_eq!(lic.rncp, "RNCP35430");
        assert_eq!(lic.level, Some(6));
        assert_eq!(lic.price, d("6900.50"));
        assert_eq!(lic.months, Some(12));
        assert_eq!(lic.distance, Some(d("85")));
        let bare = &c.courses[2];
        assert_eq!(
            (bare.label.as_str(), bare.level, bare.months, bare.distance),
            ("", None, None, None)
        );
        // An object with a list of courses is read too.
        let wrapped = Catalogue::from_json(&format!("{{\"cfa\": \"x\", \"courses\": {SAMPLE}}}"));
        assert_eq!(wrapped, c);
    }

    #[test]
    fn a_wrong_course_is_left_out_and_named_the_others_kept() {
        let c = Catalogue::from_json(
            r#"[{"rncp": "BTS", "price": 1}, {"rncp": "RNCP1", "price": -5},
                {"rncp": "RNCP2", "price": "neuf mille"}, {"rncp": "RNCP3"},
                {"rncp": "RNCP4", "price": 1, "level": 9}, {"rncp": "RNCP5", "price": 1, "months": 0},
                {"rncp": "RNCP6", "price": 1, "months": 2.5}, {"rncp": "RNCP7", "price": 1, "distance": 120},
                "RNCP8", {"price": 5}, {"rncp": "RNCP9", "price": 1}]"#,
        );
        assert_eq!(c.courses.len(), 1);
        assert_eq!(c.courses[0].rncp, "RNCP9");
        let p = &c.problems;
        assert_eq!(p.len(), 10, "{p:#?}");
        assert!(p[0].contains("« BTS » n'est pas un code RNCP"), "{}", p[0]);
        assert!(
            p[1].contains("formation 2 (RNCP1)") && p[1].contains("supérieur à 0"),
            "{}",
            p[1]
        );
        assert!(p[2].contains("« neuf mille » illisible"), "{}", p[2]);
        assert!(p[3].contains("prix annuel manque"), "{}", p[3]);
        assert!(p[4].contains("niveau « 9 »"), "{}", p[4]);
        assert!(p[5].contains("durée « 0 »"), "{}", p[5]);
        assert!(p[6].contains("durée « 2.5 »"), "{}", p[6]);
        assert!(p[7].contains("« 120 »"), "{}", p[7]);
        assert!(
            p[8].contains("formation 9 : ce n'est pas un objet"),
            "{}",
            p[8]
        );
        assert!(
            p[9].contains("formation 10 : le code RNCP manque"),
            "{}",
            p[9]
        );
    }

    #[test]
    fn every_wrong_field_of_a_course_is_named_with_its_cell() {
        let c = Catalogue::check(&[
            RawCourse {
                rncp: "RNCP41000".into(),
                price: "9000".into(),
                ..RawCourse::default()
            },
            RawCourse::default(),
            RawCourse {
                rncp: "BTS".into(),
                level: "9".into(),
                months: "0".into(),
                npec: "IDCC 1351 : 8765".into(),
                ..RawCourse::default()
            },
            RawCourse {
                rncp: "RNCP1002".into(),
                price: "7000".into(),
                npec: "rien".into(),
                npec_edition: "2026".into(),
                ..RawCourse::default()
            },
        ]);
        assert_eq!(c.courses.len(), 2, "{:?}", c.problems);
        assert_eq!(c.problems.len(), 6, "{:#?}", c.problems);
        // The third row: its code, level, price and duration, all at once; the blank row is no course.
        assert_eq!(
            c.cells,
            vec![
                (2, 0, 0),
                (2, 2, 1),
                (2, 3, 2),
                (2, 4, 3),
                (3, 6, 4),
                (3, 7, 5)
            ]
        );
        assert!(
            c.problems[0].starts_with("formation 3 : « BTS »"),
            "{}",
            c.problems[0]
        );
        assert!(
            c.problems[2].contains("prix annuel manque"),
            "{}",
            c.problems[2]
        );
        assert!(
            c.problems[4].contains("NPEC « rien » ignoré"),
            "{}",
            c.problems[4]
        );
    }

    #[test]
    fn not_json_or_not_a_list_is_one_message() {
        for bad in ["", "[{]", "{\"rncp\": \"RNCP1\"}", "42", "{\"courses\": 3}"] {
            let c = Catalogue::from_json(bad);
            assert!(c.courses.is_empty(), "{bad}");
            assert_eq!(c.problems.len(), 1, "{bad}: {:?}", c.problems);
        }
        assert_eq!(Catalogue::from_json("[]"), Catalogue::default());
    }

    #[test]
    fn too_many_courses_are_cut() {
        let many: Vec<String> = (1..=MAX_COURSES + 5)
            .map(|i| format!("{{\"rncp\": \"RNCP{i}\", \"price\": 1000}}"))
            .collect();
        let c = Catalogue::from_json(&format!("[{}]", many.join(",")));
        assert_eq!(c.courses.len(), MAX_COURSES);
        assert_eq!(c.problems.len(), 1);
        assert!(
            c.problems[0].contains("10005 formations"),
            "{}",
            c.problems[0]
        );
    }

    #[test]
    fn a_catalogue_of_ten_thousand_courses_is_read_whole() {
        // Issue 17: a CFA group's offer; it used to be cut at 100 (the iframe's address carried it).
        let many: Vec<String> = (1..=10_000)
            .map(|i| {
                format!(
                    "{{\"rncp\": \"RNCP{i}\", \"label\": \"Formation n° {i}\", \"price\": 6900}}"
                )
            })
            .collect();
        let c = Catalogue::from_json(&format!("[{}]", many.join(",")));
        assert_eq!(c.problems, Vec::<String>::new());
        assert_eq!(c.courses.len(), 10_000);
        assert_eq!(c.courses[9_999].label, "Formation n° 10000");
    }

    #[test]
    fn an_oversized_catalogue_is_refused_unread() {
        let text = format!("[{}]", " ".repeat(MAX_CATALOGUE_BYTES));
        let c = Catalogue::from_json(&text);
        assert!(c.courses.is_empty());
        assert_eq!(c.problems.len(), 1);
        assert!(
            c.problems[0].contains(&format!("{} octets", text.len())),
            "{}",
            c.problems[0]
        );
    }

    #[test]
    fn a_field_of_the_wrong_json_type_is_named() {
        // A list given as the price used to read as « le prix annuel manque ».
        let c = Catalogue::from_json(
            r#"[{"rncp": "RNCP41000", "price": [9000]}, {"rncp": "x", "months": {"n": 2}, "price": 1},
                {"rncp": "RNCP2", "price": 1, "label": null}]"#,
        );
        assert_eq!(c.courses.len(), 1, "{:?}", c.problems);
        assert_eq!(
            c.problems[0],
            "formation 1 (RNCP41000) : « price » doit être un nombre ou un texte, pas une liste ni un objet"
        );
        assert_eq!(
            c.problems[1],
            "formation 2 : « months » doit être un nombre ou un texte, pas une liste ni un objet"
        );
    }

    #[test]
    fn a_long_wrong_value_is_clipped_in_its_message() {
        let long = "9".repeat(10_000);
        let c = Catalogue::from_json(&format!(
            r#"[{{"rncp": "RNCP1", "price": 1, "level": "{long}"}}]"#
        ));
        assert!(c.problems[0].len() < 200, "{}", c.problems[0]);
        assert!(
            c.problems[0].starts_with("formation 1 (RNCP1) : niveau « 999"),
            "{}",
            c.problems[0]
        );
    }

    #[test]
    fn the_compact_form_round_trips_every_character() {
        let c = Catalogue::from_json(SAMPLE);
        let compact = c.to_compact();
        // Separators only where they separate; nothing that a fragment would alter.
        assert_eq!(compact.matches(';').count(), 2, "{compact}");
        assert_eq!(compact.matches(',').count(), 15, "{compact}");
        assert!(
            compact
                .bytes()
                .all(|b| b.is_ascii_graphic() && !b"#&=\"<>` ".contains(&b)),
            "{compact}"
        );
        assert!(
            compact.starts_with("RNCP41000,BTS%20Management%20op%C3%A9rationnel"),
            "{compact}"
        );
        assert_eq!(Catalogue::from_compact(&compact), c);
        // Shorter than the JSON it comes from.
        assert!(compact.len() < c.to_json().len(), "{compact}");
    }

    #[test]
    fn the_compact_form_is_what_encode_uri_component_gives() {
        // As the loader writes it: String(value) through encodeURIComponent; absent fields empty.
        let c = Catalogue::from_compact(
            "RNCP41000,BTS%20MOS%20%C2%AB%20s%C3%BBret%C3%A9%20%C2%BB%2C%20niveau%205%3B%20ok,5,9000,24,0\
             ;RNCP1002,,,7000.5,,;;RNCP38362,Titre%20d'%C3%A9t%C3%A9%20(test)*,6,6000,,85",
        );
        assert_eq!(c.problems, Vec::<String>::new());
        assert_eq!(c.courses.len(), 3);
        assert_eq!(c.courses[0].label, "BTS MOS « sûreté », niveau 5; ok");
        assert_eq!(c.courses[1].price, d("7000.5"));
        assert_eq!(c.courses[1].label, "");
        assert_eq!(c.courses[2].label, "Titre d'été (test)*");
        assert_eq!(c.courses[2].distance, Some(d("85")));
        // Bad escapes and short courses are read as they come, then checked.
        let c = Catalogue::from_compact("RNCP1,%zz%4,,100;RNCP2");
        assert_eq!(c.courses[0].label, "%zz%4");
        assert_eq!(c.problems.len(), 1);
        assert!(c.problems[0].contains("RNCP2") && c.problems[0].contains("prix annuel manque"));
        assert_eq!(Catalogue::from_compact(""), Catalogue::default());
    }

    #[test]
    fn percent_encoding_matches_encode_uri_component() {
        assert_eq!(percent_encode("a b,c;d&e=f#g"), "a%20b%2Cc%3Bd%26e%3Df%23g");
        assert_eq!(percent_encode("été !~*'()"), "%C3%A9t%C3%A9%20!~*'()");
        assert_eq!(percent_decode("%C3%A9t%C3%A9+%2c"), "été ,");
    }

    #[test]
    fn a_course_carries_its_npec_and_a_wrong_amount_leaves_only_itself_out() {
        let c = Catalogue::from_json(
            r#"[{"rncp": "RNCP41000", "price": 9000, "npec": 8000,
                 "npec_by_idcc": {"1351": "8 765", "1516": "beaucoup"}, "npec_edition": "2026-09"},
                {"rncp": "RNCP1002", "price": 7000, "npec_by_cpne": 12}]"#,
        );
        assert_eq!(c.courses.len(), 1);
        let npec = c.courses[0].npec.as_ref().expect("the NPEC kept");
        assert_eq!(npec.for_branch(Some(1351), None), Some(d("8765")));
        assert_eq!(npec.for_branch(Some(1516), None), Some(d("8000")));
        assert_eq!(npec.edition.as_deref(), Some("2026-09"));
        assert_eq!(c.problems.len(), 2, "{:?}", c.problems);
        assert!(
            c.problems[0]
                .starts_with("formation 1 (RNCP41000) : NPEC « IDCC 1516 : beaucoup » ignoré"),
            "{}",
            c.problems[0]
        );
        assert!(
            c.problems[1]
                .starts_with("formation 2 (RNCP1002) : « npec_by_cpne » doit être un objet"),
            "{}",
            c.problems[1]
        );
        // The JSON and the compact form keep it.
        assert_eq!(Catalogue::from_json(&c.to_json()).courses, c.courses);
        let compact = c.to_compact();
        assert_eq!(compact.matches(',').count(), 7, "{compact}");
        assert_eq!(Catalogue::from_compact(&compact).courses, c.courses);
    }

    #[test]
    fn typographic_quotes_are_read_where_they_can_only_mean_straight_ones() {
        // As WordPress rewrites the snippet.
        let c = Catalogue::from_json(
            "’[{“rncp”: “RNCP41000”, “label”: “BTS MOS l’été”, “price”: 9000}]’",
        );
        assert_eq!(c.problems, Vec::<String>::new());
        assert_eq!(c.courses[0].rncp, "RNCP41000");
        assert_eq!(c.courses[0].label, "BTS MOS l’été");
        // Typographic quotes inside a label between straight ones are kept as written.
        let c = Catalogue::from_json(
            r#"[{"rncp": "RNCP41000", "label": "Titre “sûreté”", "price": 9000}]"#,
        );
        assert_eq!(c.courses[0].label, "Titre “sûreté”");
        // Where replacing them does not make JSON, the message says what happened and how to fix it.
        let c = Catalogue::from_json(
            "[{“rncp”: “RNCP41000”, “label”: “Titre “sûreté””, “price”: 9000}]",
        );
        assert!(c.courses.is_empty());
        assert!(
            c.problems[0].contains("guillemets typographiques")
                && c.problems[0].contains("HTML personnalisé"),
            "{}",
            c.problems[0]
        );
    }

    #[test]
    fn json_output_reads_back() {
        let c = Catalogue::from_json(SAMPLE);
        let json = c.to_json();
        assert_eq!(Catalogue::from_json(&json), c);
        assert!(
            json.starts_with("[{\"rncp\":\"RNCP41000\",\"label\":\"BTS Management"),
            "{json}"
        );
        assert!(
            json.contains("{\"rncp\":\"RNCP1002\",\"price\":7000}"),
            "{json}"
        );
    }
}
