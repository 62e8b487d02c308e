//! The share link: the form as a query string, and the form a (maybe tampered) link describes, with
//! notes on what could not be taken as is.

use coutcontrat::contract::PriceBasis;
use jiff::civil::Date;

use super::field::{DistanceMode, Field, Flag};
use super::form::{clip, Form};
use super::State;
use crate::data::Catalog;
use crate::query;

/// The longest text a field takes, in characters (the boxes say so with `maxlength`); a share link with
/// a longer value has it ignored, with a message.
pub const MAX_VALUE_CHARS: usize = 500;

/// At most this many `key=value` pairs are read from a share link.
pub const MAX_PAIRS: usize = 100;

/// At most this many bytes of a share link are read.
pub const MAX_QUERY_BYTES: usize = 16 * 1024;

/// The key of the share link that provokes a panic, to test the page's message (`?debug_panic=1`).
pub const DEBUG_PANIC: &str = "debug_panic";

/// Something wrong in a share link (a tampered or truncated address): what it was and what the page
/// did with it. The rest of the link is taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkNote {
    /// The id of the element the note sits next to, `None` for the link as a whole.
    pub id: Option<&'static str>,
    /// What it concerns, for the list at the top of the form.
    pub label: &'static str,
    /// What was wrong and what the page did, in French.
    pub message: String,
}

/// What a key of a share link names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Field(Field),
    Flag(Flag),
    PriceBasis,
    DistanceMode,
    /// Read by the page, not the form: `mode` (which page, widget/mod.rs) and `debug_panic`.
    Page,
}

impl Key {
    fn of(key: &str) -> Option<Key> {
        if let Some(field) = Field::ALL.into_iter().find(|f| f.key() == key) {
            return Some(Key::Field(field));
        }
        if let Some(flag) = Flag::ALL.into_iter().find(|f| f.key() == key) {
            return Some(Key::Flag(flag));
        }
        match key {
            // Links made before the hours were the core's (D27) named the total so.
            "total_hours" => Some(Key::Field(Field::TotalHours)),
            "price_basis" => Some(Key::PriceBasis),
            "distance_mode" => Some(Key::DistanceMode),
            DEBUG_PANIC | "mode" => Some(Key::Page),
            _ => None,
        }
    }

    /// Where its notes go: the element's id and the label.
    fn place(self) -> (Option<&'static str>, &'static str) {
        match self {
            Key::Field(f) => (Some(f.id()), f.label()),
            Key::Flag(f) => (Some(f.key()), f.label()),
            Key::PriceBasis => (Some(Field::Price.id()), Field::Price.label()),
            Key::DistanceMode => (Some(Flag::Distance.key()), "Enseignement à distance"),
            Key::Page => (None, "Lien de partage"),
        }
    }
}

/// The form a share link describes, whether it named anything of the form, and what was wrong in it.
pub(super) fn read_link(query: &str) -> (Form, bool, Vec<LinkNote>) {
    let mut form = Form::default();
    let mut known = false;
    let mut notes = Vec::new();
    let general = |message: String| LinkNote {
        id: None,
        label: "Lien de partage",
        message,
    };
    let mut query = query;
    if query.len() > MAX_QUERY_BYTES {
        let mut cut = MAX_QUERY_BYTES;
        while !query.is_char_boundary(cut) {
            cut -= 1;
        }
        notes.push(general(format!(
            "le lien est trop long ({} caractères) : seuls les {MAX_QUERY_BYTES} premiers ont été lus",
            query.len()
        )));
        query = &query[..cut];
    }
    let mut pairs = query::decode_checked(query);
    if pairs.len() > MAX_PAIRS {
        notes.push(general(format!(
            "le lien compte {} paramètres : seuls les {MAX_PAIRS} premiers ont été lus",
            pairs.len()
        )));
        pairs.truncate(MAX_PAIRS);
    }
    let mut unknown: Vec<String> = Vec::new();
    let mut seen: Vec<Key> = Vec::new();
    for pair in pairs {
        let Some(key) = Key::of(&pair.key) else {
            if !unknown.contains(&pair.key) {
                unknown.push(pair.key);
            }
            continue;
        };
        if key == Key::Page {
            continue;
        }
        known = true;
        let (id, label) = key.place();
        let mut note = |message: String| notes.push(LinkNote { id, label, message });
        if seen.contains(&key) {
            note(format!(
                "« {} » figure plusieurs fois dans le lien : la dernière valeur est retenue",
                pair.key
            ));
        } else {
            seen.push(key);
        }
        let chars = pair.value.chars().count();
        if chars > MAX_VALUE_CHARS {
            note(format!(
                "la valeur du lien est trop longue ({chars} caractères, {MAX_VALUE_CHARS} au plus) : elle a été ignorée"
            ));
            continue;
        }
        if pair.malformed {
            note(format!(
                "le lien contenait ici des caractères mal encodés (« {} ») : la valeur est reprise telle quelle, vérifiez-la",
                clip(&pair.value)
            ));
        }
        let value = pair.value;
        let word = value.trim().to_ascii_lowercase();
        match key {
            Key::Field(field) => form.set(field, value),
            Key::Flag(flag) => match word.as_str() {
                "1" | "true" | "on" | "oui" => form.set_flag(flag, true),
                "" | "0" | "false" | "off" | "non" => form.set_flag(flag, false),
                _ => {
                    form.set_flag(flag, false);
                    note(format!(
                        "« {} » n'est pas une réponse de case à cocher (1 ou 0) : la case est laissée décochée",
                        clip(&value)
                    ));
                }
            },
            Key::PriceBasis => match word.as_str() {
                "total" => form.price_basis = PriceBasis::Total,
                "" | "annual" => form.price_basis = PriceBasis::Annual,
                _ => {
                    form.price_basis = PriceBasis::Annual;
                    note(format!(
                        "« {} » n'est pas une base de prix connue (annual ou total) : « par année de formation » est retenu",
                        clip(&value)
                    ));
                }
            },
            Key::DistanceMode => match word.as_str() {
                "hours" => form.distance_mode = DistanceMode::Hours,
                "" | "share" => form.distance_mode = DistanceMode::Share,
                _ => {
                    form.distance_mode = DistanceMode::Share;
                    note(format!(
                        "« {} » n'est pas une façon connue d'indiquer la part à distance (share ou hours) : « en pourcentage » est retenu",
                        clip(&value)
                    ));
                }
            },
            Key::Page => {}
        }
    }
    if !unknown.is_empty() {
        const SHOWN: usize = 5;
        let mut names: Vec<String> = unknown
            .iter()
            .take(SHOWN)
            .map(|k| format!("« {} »", clip(k)))
            .collect();
        if unknown.len() > SHOWN {
            names.push(format!("et {} autres", unknown.len() - SHOWN));
        }
        notes.push(general(format!(
            "{} inconnu{} de la page, ignoré{} : {}",
            if unknown.len() > 1 {
                "paramètres"
            } else {
                "paramètre"
            },
            if unknown.len() > 1 { "s" } else { "" },
            if unknown.len() > 1 { "s" } else { "" },
            names.join(", ")
        )));
    }
    (form, known, notes)
}

/// True when the share link asks for a panic (`?debug_panic=1`): a hidden trigger whose only use is to
/// test the page's message when it fails.
pub fn debug_panic_requested(query: &str) -> bool {
    query::decode(query)
        .iter()
        .take(MAX_PAIRS)
        .any(|(k, v)| k == DEBUG_PANIC && v == "1")
}

impl State {
    /// The whole form as a query string (`signed_on=15/08/2025&start=...`), without the `?`: what the
    /// share link carries. Empty fields, unticked boxes and default choices are left out.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        let derived = [
            (Field::CertQuery, self.derived_search_text(Field::CertQuery)),
            (
                Field::BranchQuery,
                self.derived_search_text(Field::BranchQuery),
            ),
        ];
        for field in Field::ALL {
            let text = self.form.text(field);
            match derived.iter().find(|(f, _)| *f == field) {
                // Issue 20, a shorter link: a search box that shows what its code gives is left out (the
                // code is in the link); empty beside a code, it says so.
                Some((_, Some(d))) if d == text => {}
                Some((_, Some(_))) if text.is_empty() => pairs.push((field.key(), "")),
                _ if !text.is_empty() => pairs.push((field.key(), text)),
                _ => {}
            }
        }
        for flag in Flag::ALL {
            if self.form.flag(flag) {
                pairs.push((flag.key(), "1"));
            }
        }
        if self.form.price_basis == PriceBasis::Total {
            pairs.push(("price_basis", "total"));
        }
        if self.form.distance_mode == DistanceMode::Hours {
            pairs.push(("distance_mode", "hours"));
        }
        if pairs.is_empty() {
            // An emptied form is not the defaults: one empty field says so.
            pairs.push((Field::SignedOn.key(), ""));
        }
        query::encode(&pairs)
    }

    /// The state a share link describes (`?signed_on=…&price=…`, the `?` optional); without any key of
    /// the form, the defaults. Never fails: whatever is wrong in the link (unknown keys, repeated keys,
    /// broken percent-encoding, overlong values, too many pairs) is said in [`State::link_notes`], next
    /// to the field it concerns, and the rest of the link is taken; a wrong value (a bad date, an absurd
    /// amount) is kept as typed and gets its field's message, as if typed.
    pub fn from_query(query: &str, today: Date, catalog: Catalog) -> State {
        let (form, known, notes) = read_link(query);
        let mut state = if known {
            State::new(form, today, catalog)
        } else {
            State::defaults(today, catalog)
        };
        state.link_notes = notes;
        // A search box left out of the link shows what its code gives.
        let given: Vec<String> = query::decode(query).into_iter().map(|(k, _)| k).collect();
        for field in [Field::CertQuery, Field::BranchQuery] {
            if !given.iter().any(|k| k == field.key()) {
                if let Some(text) = state.derived_search_text(field) {
                    state.form.set(field, text);
                }
            }
        }
        state
    }

    /// What a search box shows once its code is chosen (`BTS … (RNCP41000)`, `IDCC 1351 – …`), when the
    /// code is in the form and the référentiel names it.
    fn derived_search_text(&self, field: Field) -> Option<String> {
        let o = &self.outcome;
        match field {
            Field::CertQuery if !self.form.text(Field::Rncp).trim().is_empty() => {
                o.certification.as_ref().map(super::certification_text)
            }
            Field::BranchQuery => {
                let b = o.branch.as_ref().filter(|b| !b.label.is_empty())?;
                match (b.idcc, b.cpne.as_slice()) {
                    (Some(idcc), _) => Some(format!("IDCC {idcc} – {}", b.label)),
                    (None, [one]) => Some(format!("CPNE {} – {}", one.cpne, b.label)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The share link's note next to the element of this id, if any.
    pub fn link_note(&self, id: &str) -> Option<&LinkNote> {
        self.link_notes.iter().find(|n| n.id == Some(id))
    }
}
