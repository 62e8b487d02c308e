//! A search box with suggestions (WAI-ARIA combobox with a list box): type, then pick with the arrows and
//! Enter, or the mouse; Escape closes the list. What is typed stays as typed.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::widgets::{describe, link_note, message};
use crate::state::{Field, FieldError, LinkNote, MAX_VALUE_CHARS};

/// One suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The main line (a label).
    pub text: String,
    /// A second line (code, level, OPCO…).
    pub detail: String,
}

/// The box's properties.
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ComboboxProps {
    /// The field it edits (its id names the box).
    pub field: Field,
    /// The visible label.
    pub label: AttrValue,
    /// The hint under the label.
    pub hint: AttrValue,
    /// The text typed.
    pub value: AttrValue,
    /// The suggestions for that text.
    pub suggestions: Vec<Suggestion>,
    /// The field's message.
    #[prop_or_default]
    pub error: Option<FieldError>,
    /// What the share link held wrong for this box.
    #[prop_or_default]
    pub note: Option<LinkNote>,
    /// Required now (the certification, unless an NPEC is typed).
    #[prop_or_default]
    pub required: bool,
    /// Said, instead of « à compléter », when the text typed matches nothing.
    #[prop_or_default]
    pub no_match: Option<AttrValue>,
    /// Typed.
    pub oninput: Callback<String>,
    /// Picked the suggestion at this position.
    pub onpick: Callback<usize>,
}

/// The search box.
#[function_component(Combobox)]
pub fn combobox(props: &ComboboxProps) -> Html {
    // `_eq`: typing sets them at every keystroke, mostly to the value they have; no extra render then.
    let open = use_state_eq(|| false);
    let active = use_state_eq(|| None::<usize>);
    let id = props.field.id();
    let list_id = format!("{id}-list");
    let count = props.suggestions.len();
    let expanded = *open && count > 0;
    let current = (*active).filter(|i| *i < count && expanded);

    let oninput = {
        let (open, active, cb) = (open.clone(), active.clone(), props.oninput.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            open.set(true);
            active.set(None);
            cb.emit(input.value());
        })
    };
    let pick = {
        let (open, active, cb) = (open.clone(), active.clone(), props.onpick.clone());
        Callback::from(move |i: usize| {
            open.set(false);
            active.set(None);
            cb.emit(i);
        })
    };
    let onkeydown = {
        let (open, active, pick) = (open.clone(), active.clone(), pick.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" if count > 0 => {
                e.prevent_default();
                open.set(true);
                active.set(Some(current.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" if count > 0 => {
                e.prevent_default();
                open.set(true);
                active.set(Some(current.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            "Enter" => {
                if let Some(i) = current {
                    e.prevent_default();
                    pick.emit(i);
                }
            }
            "Escape" if expanded => {
                e.prevent_default();
                open.set(false);
                active.set(None);
            }
            _ => {}
        })
    };
    let onblur = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(false))
    };
    let option_id = |i: usize| format!("{id}-option-{i}");
    let no_match = props.no_match.as_ref();
    let error = props
        .error
        .as_ref()
        .filter(|e| !(e.missing && no_match.is_some()));
    let invalid = error.is_some_and(|e| !e.missing);
    // Heard as the list opens or empties; the count is for the ear, the no-match for everyone.
    let status = match (expanded, no_match) {
        (true, _) if count == 1 => "1 suggestion".to_owned(),
        (true, _) => format!("{count} suggestions"),
        (false, Some(m)) => m.to_string(),
        (false, None) => String::new(),
    };
    html! {
        <div class={classes!("field", "combo", error.map(|e| if e.missing { "is-missing" } else { "is-invalid" }))}>
            <label for={id}>{ props.label.clone() }</label>
            <p class="hint" id={format!("{id}-hint")}>{ props.hint.clone() }</p>
            <div class="control">
                <input
                    id={id}
                    name={props.field.key()}
                    type="text"
                    role="combobox"
                    class="w-full"
                    autocomplete="off"
                    spellcheck="false"
                    maxlength={MAX_VALUE_CHARS.to_string()}
                    aria-autocomplete="list"
                    aria-expanded={expanded.to_string()}
                    aria-controls={list_id.clone()}
                    aria-activedescendant={current.map(option_id)}
                    aria-describedby={describe(id, true, error.is_some(), props.note.is_some())}
                    aria-invalid={invalid.then_some("true")}
                    aria-required={props.required.then_some("true")}
                    value={props.value.clone()}
                    {oninput}
                    {onkeydown}
                    {onblur}
                />
                <ul id={list_id} role="listbox" class="listbox" aria-label={props.label.clone()} hidden={!expanded}>
                    { for props.suggestions.iter().enumerate().map(|(i, s)| {
                        let onmousedown = {
                            let pick = pick.clone();
                            Callback::from(move |e: MouseEvent| {
                                // Keep the focus in the box.
                                e.prevent_default();
                                pick.emit(i);
                            })
                        };
                        html! {
                            <li id={option_id(i)} role="option" aria-selected={(current == Some(i)).to_string()}
                                class={classes!("option", (current == Some(i)).then_some("is-active"))} {onmousedown}>
                                <span class="option-text">{ s.text.clone() }</span>
                                if !s.detail.is_empty() {
                                    <span class="option-detail">{ s.detail.clone() }</span>
                                }
                            </li>
                        }
                    }) }
                </ul>
            </div>
            <p id={format!("{id}-status")} role="status"
                class={classes!("hint", "combo-status", (expanded || no_match.is_none()).then_some("visually-hidden"))}>
                { status }
            </p>
            { message(props.field, error) }
            { link_note(id, props.note.as_ref()) }
        </div>
    }
}
