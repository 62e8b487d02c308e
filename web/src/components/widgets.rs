//! Small pieces of the form and the results: a labelled text box with its hint and message, a tick box,
//! a radio group, and the « Comment est-ce calculé ? » disclosure.

use coutcontrat::contract::fields::FieldKind;
use coutcontrat::Quote;
use rust_decimal::Decimal;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::format::{euros, plain};
use crate::state::{Action, Field, FieldError, Flag, LinkNote, State, MAX_VALUE_CHARS};

/// The page's dispatcher.
pub type Dispatch = UseReducerDispatcher<State>;

/// What a text box holds: it sets the on-screen keyboard, the width and the unit shown after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A date, `JJ/MM/AAAA` or `AAAA-MM-JJ`.
    Date,
    /// An amount in euros.
    Money,
    /// A whole number.
    Count,
    /// A percentage.
    Percent,
    /// A number of hours.
    Hours,
}

/// The message's first letter in capitals (the core writes messages to follow a field name), and its dates
/// as French readers write them.
pub fn sentence(text: &str) -> String {
    coutcontrat::case::capitalised(&french_dates(text))
}

/// `2025-09-01` as `01/09/2025` (issue 20: no ISO dates in sentences), except inside « », where the core
/// quotes what the visitor typed, which is kept as typed.
pub fn french_dates(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut quoted = 0usize;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match c {
            '«' => quoted += 1,
            '»' => quoted = quoted.saturating_sub(1),
            _ => {}
        }
        let b = rest.as_bytes();
        let digits =
            |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
        let iso = quoted == 0
            && digits(0..4)
            && b.get(4) == Some(&b'-')
            && digits(5..7)
            && b.get(7) == Some(&b'-')
            && digits(8..10)
            && !b.get(10).is_some_and(u8::is_ascii_digit)
            && !out.ends_with(|p: char| p.is_ascii_digit())
            // A date that does not exist is what the visitor typed, quoted as typed.
            && coutcontrat::contract::parse_date(&rest[..10], "").is_ok();
        if iso {
            out.push_str(&format!("{}/{}/{}", &rest[8..10], &rest[5..7], &rest[..4]));
            rest = &rest[10..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The message of a field, with the id its box refers to.
pub fn message(field: Field, error: Option<&FieldError>) -> Html {
    match error {
        Some(e) => html! {
            <p class={classes!("message", e.missing.then_some("is-missing"))} id={format!("{}-error", field.id())}>
                <span class="visually-hidden">{ if e.missing { "À compléter : " } else { "Erreur : " } }</span>
                { sentence(&e.message) }
            </p>
        },
        None => html! {},
    }
}

/// What the share link held wrong for the element of this id, with the id its box refers to
/// (`{id}-link`).
pub fn link_note(id: &str, note: Option<&LinkNote>) -> Html {
    match note {
        Some(n) => html! {
            <p class="message link-note" id={format!("{id}-link")}>
                <span class="visually-hidden">{ "Lien de partage : " }</span>
                { sentence(&n.message) }
            </p>
        },
        None => html! {},
    }
}

/// `aria-describedby` of a box: its hint, its message and the share link's note, when they are shown.
pub fn describe(id: &str, hint: bool, error: bool, note: bool) -> Option<AttrValue> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    if note {
        ids.push(format!("{id}-link"));
    }
    (!ids.is_empty()).then(|| AttrValue::from(ids.join(" ")))
}

/// What a box of the form holds: the core's kind for its inputs, hours for the page's own.
pub fn kind(field: Field) -> Kind {
    match field.input().map(|f| f.kind) {
        Some(FieldKind::Date) => Kind::Date,
        Some(FieldKind::Amount) => Kind::Money,
        Some(FieldKind::Share) => Kind::Percent,
        Some(FieldKind::Count | FieldKind::Number) => Kind::Count,
        Some(FieldKind::Hours) => Kind::Hours,
        _ => Kind::Hours,
    }
}

/// A labelled text box bound to a field of the page's form.
pub fn text_field(
    state: &State,
    dispatch: &Dispatch,
    field: Field,
    label: &str,
    hint: &str,
) -> Html {
    field_box(state, &dispatch.to_callback(), field, label, hint)
}

/// A labelled text box bound to a field of the form, its kind from the field: the one box of the page
/// and of the widget, which sends its actions to `send`.
pub fn field_box(
    state: &State,
    send: &Callback<Action>,
    field: Field,
    label: &str,
    hint: &str,
) -> Html {
    let id = field.id();
    let error = state.field_error(field);
    let (inputmode, suffix, width) = match kind(field) {
        Kind::Date => (Some("numeric"), None, "w-date"),
        Kind::Money => (Some("decimal"), Some("€"), "w-money"),
        Kind::Count => (Some("numeric"), None, "w-count"),
        Kind::Percent => (Some("decimal"), Some("%"), "w-count"),
        Kind::Hours => (Some("decimal"), Some("h"), "w-count"),
    };
    let oninput = send.reform(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Action::Set(field, input.value())
    });
    let invalid = error.is_some_and(|e| !e.missing);
    let note = state.link_note(id);
    // Leaving the box being typed in shows its message at once, without waiting for the pause.
    let onblur =
        (state.editing == Some(field)).then(|| send.reform(|_: FocusEvent| Action::Settle));
    html! {
        <div class={classes!("field", error.map(|e| if e.missing { "is-missing" } else { "is-invalid" }))}>
            <label for={id}>{ label }</label>
            if !hint.is_empty() {
                <p class="hint" id={format!("{id}-hint")}>{ hint }</p>
            }
            <div class="control">
                <input
                    id={id}
                    name={field.key()}
                    type="text"
                    class={width}
                    inputmode={inputmode}
                    autocomplete="off"
                    spellcheck="false"
                    maxlength={MAX_VALUE_CHARS.to_string()}
                    value={state.form.text(field).to_owned()}
                    aria-describedby={describe(id, !hint.is_empty(), error.is_some(), note.is_some())}
                    aria-invalid={invalid.then_some("true")}
                    aria-required={field.asked().then_some("true")}
                    {oninput}
                    {onblur}
                />
                if let Some(unit) = suffix {
                    <span class="unit" aria-hidden="true">{ unit }</span>
                }
            </div>
            { message(field, error) }
            { link_note(id, note) }
        </div>
    }
}

/// The certification levels the rules know, for the level's list.
pub const LEVELS: [(&str, &str); 6] = [
    ("3", "3 – CAP, BEP"),
    ("4", "4 – Bac, bac pro, BP"),
    ("5", "5 – Bac + 2 : BTS, DEUST"),
    ("6", "6 – Bac + 3 ou 4 : licence, BUT"),
    ("7", "7 – Bac + 5 : master, ingénieur"),
    ("8", "8 – Doctorat"),
];

/// A labelled list of choices bound to a text field (the level, the year of the cycle): the empty
/// choice first, and the value of a share link shown as is when it is none of the choices. The one
/// list of the page and of the widget, which sends its actions to `send`.
pub fn select_field(
    state: &State,
    send: &Callback<Action>,
    field: Field,
    label: &str,
    hint: &str,
    choices: &[(&str, &str)],
) -> Html {
    let id = field.id();
    let error = state.outcome.error(field);
    let note = state.link_note(id);
    let onchange = send.reform(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        Action::Set(field, select.value())
    });
    let value = state.form.text(field).trim().to_owned();
    html! {
        <div class={classes!("field", error.map(|e| if e.missing { "is-missing" } else { "is-invalid" }))}>
            <label for={id}>{ label.to_owned() }</label>
            <p class="hint" id={format!("{id}-hint")}>{ hint.to_owned() }</p>
            <select id={id} name={field.key()} {onchange}
                aria-required={field.asked().then_some("true")}
                aria-describedby={describe(id, true, error.is_some(), note.is_some())}
                aria-invalid={error.is_some_and(|e| !e.missing).then_some("true")}>
                { for choices.iter().map(|(v, l)| html! {
                    <option value={v.to_string()} selected={value == *v}>{ l.to_string() }</option>
                }) }
                if !choices.iter().any(|(v, _)| *v == value) {
                    <option value={value.clone()} selected=true>{ value.clone() }</option>
                }
            </select>
            { message(field, error) }
            { link_note(id, note) }
        </div>
    }
}

/// A labelled tick box bound to a flag of the form.
pub fn checkbox(state: &State, dispatch: &Dispatch, flag: Flag, label: &str, hint: &str) -> Html {
    let id = flag.key();
    let onchange = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Toggle(flag, input.checked()));
        })
    };
    let note = state.link_note(id);
    html! {
        <div class="check">
            <input type="checkbox" id={id} name={id} checked={state.form.flag(flag)}
                aria-describedby={describe(id, !hint.is_empty(), false, note.is_some())} {onchange} />
            <label for={id}>{ label }</label>
            if !hint.is_empty() {
                <p class="hint" id={format!("{id}-hint")}>{ hint }</p>
            }
            { link_note(id, note) }
        </div>
    }
}

/// A radio button of a group.
pub fn radio(name: &str, id: &str, label: &str, checked: bool, onchange: Callback<Event>) -> Html {
    html! {
        <div class="check">
            <input type="radio" id={id.to_owned()} name={name.to_owned()} {checked} {onchange} />
            <label for={id.to_owned()}>{ label }</label>
        </div>
    }
}

/// « Comment est-ce calculé ? »: the explanations of the quote for these figures (paths of the JSON
/// output, `years[0].npec`), with their rule and article.
pub fn explain(quote: &Quote, figures: &[&str]) -> Html {
    let items: Vec<_> = quote
        .explanations
        .iter()
        .filter(|e| figures.contains(&e.figure.as_str()))
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <details class="explain">
            <summary>{ "Comment est-ce calculé ?" }</summary>
            <ul>
                { for items.iter().map(|e| html! {
                    <li data-figure={e.figure.clone()} data-rule={e.rule}>
                        <p>{ sentence(&e.text) }</p>
                        <p class="ref">{ format!("Article {}", e.article) }</p>
                    </li>
                }) }
            </ul>
        </details>
    }
}

/// An amount in euros, its value in cents for machines in `data-value`.
pub(super) fn amount(id: &str, value: impl Into<Decimal>) -> Html {
    let value = value.into();
    amount_as(id, value, euros(value))
}

/// An amount shown as `text` (`− 1 000,00 €`), its value for machines in `data-value`.
pub(super) fn amount_as(id: &str, value: impl Into<Decimal>, text: String) -> Html {
    html! { <span id={id.to_owned()} data-value={plain(value)}>{ text }</span> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_level_list_covers_the_bounds_of_the_core() {
        let (lo, hi) = coutcontrat::contract::fields::spec("level")
            .unwrap()
            .bounds
            .unwrap();
        let values: Vec<String> = LEVELS.iter().map(|(v, _)| v.to_string()).collect();
        let bounds: Vec<String> = (lo..=hi).map(|l| l.to_string()).collect();
        assert_eq!(values, bounds);
    }

    #[test]
    fn iso_dates_read_as_french_ones_but_not_what_was_typed() {
        assert_eq!(
            french_dates("le contrat (2025-09-01 → 2027-02-28) dépasse"),
            "le contrat (01/09/2025 → 28/02/2027) dépasse"
        );
        assert_eq!(
            french_dates("« 2027-13-45 » n'est pas une date"),
            "« 2027-13-45 » n'est pas une date"
        );
        assert_eq!(french_dates("RNCP12025-09-011"), "RNCP12025-09-011");
        assert_eq!(
            french_dates("le 2027-13-45 n'existe pas"),
            "le 2027-13-45 n'existe pas"
        );
        assert_eq!(
            french_dates("déjà 01/09/2025, prix 9 000 €"),
            "déjà 01/09/2025, prix 9 000 €"
        );
    }
}
