//! The page's parts as components, each re-rendered only when what it shows has changed: a keystroke in a
//! search box re-renders that box's part, not the whole page (issue 9: a keystroke answered within a
//! frame). One component for all of them: each component type costs its own copy of yew's machinery in
//! the WebAssembly.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::data_panel::{next_edition, validity};
use super::widgets::Dispatch;
use super::{form, results};
use crate::data::Catalog;
use crate::format::date_long;
use crate::state::{Action, Field, State};

/// A part of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// What was wrong in the share link.
    LinkNotes,
    /// The certification search box and the level.
    Training,
    /// The branch search box and the CPNE.
    Employer,
    /// The contract's dates.
    Dates,
    /// The CFA's price and a known NPEC.
    Price,
    /// RQTH and teaching at distance.
    Apprentice,
    /// Rupture, CFA entry before the contract.
    Advanced,
    /// Frais annexes.
    Annexes,
    /// The fields of the employer's whole cost.
    NetCost,
    /// The quote, or what prevents it.
    Figures,
}

impl Part {
    /// The parts of the form, in its order.
    pub const FORM: [Part; 9] = [
        Part::LinkNotes,
        Part::Training,
        Part::Employer,
        Part::Dates,
        Part::Price,
        Part::Apprentice,
        Part::Advanced,
        Part::Annexes,
        Part::NetCost,
    ];
}

/// A part and the state it shows.
#[derive(Properties)]
pub struct PartProps {
    /// Which part.
    pub part: Part,
    /// The state, a snapshot.
    pub state: Rc<State>,
    /// Where the part's actions go.
    pub dispatch: Dispatch,
}

/// Equal when the part would look the same.
impl PartialEq for PartProps {
    fn eq(&self, other: &PartProps) -> bool {
        let (a, b) = (&*self.state, &*other.state);
        self.part == other.part
            && self.dispatch == other.dispatch
            && (Rc::ptr_eq(&self.state, &other.state)
                || match self.part {
                    // The outcome is shared while the contract is unchanged: compared by pointer.
                    Part::Figures => {
                        let ((shown_a, stale_a), (shown_b, stale_b)) = (a.shown(), b.shown());
                        Rc::ptr_eq(shown_a, shown_b)
                            && stale_a == stale_b
                            && a.form.asks_net_cost() == b.form.asks_net_cost()
                    }
                    Part::Training => {
                        a.same_apart_from_searches(b) && a.same_certification_search(b)
                    }
                    Part::Employer => a.same_apart_from_searches(b) && a.same_branch_search(b),
                    _ => a.same_apart_from_searches(b),
                })
    }
}

/// A part of the page.
#[function_component(PagePart)]
pub fn page_part(props: &PartProps) -> Html {
    let (state, dispatch) = (&*props.state, &props.dispatch);
    match props.part {
        Part::LinkNotes => form::link_notes(state),
        Part::Training => form::training(state, dispatch),
        Part::Employer => form::employer(state, dispatch),
        Part::Dates => form::dates(state, dispatch),
        Part::Price => form::price(state, dispatch),
        Part::Apprentice => form::apprentice(state, dispatch),
        Part::Advanced => form::advanced(state, dispatch),
        Part::Annexes => form::annexes(state, dispatch),
        Part::NetCost => form::net_cost(state, dispatch),
        Part::Figures => {
            let (shown, stale) = state.shown();
            results::figures(
                shown,
                stale,
                state.form.asks_net_cost(),
                next_edition(state),
            )
        }
    }
}

/// The whole form.
pub fn form(state: &Rc<State>, dispatch: &Dispatch) -> Html {
    html! {
        <form class="form" aria-label="Le contrat" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
            { for Part::FORM.into_iter().map(|part| html! {
                <PagePart {part} state={state.clone()} dispatch={dispatch.clone()} />
            }) }
        </form>
    }
}

/// The results region; not a live region (the status line of app.rs says what changed).
pub fn results(state: &Rc<State>, dispatch: &Dispatch) -> Html {
    html! {
        <section id="results" class="results" aria-labelledby="results-title">
            <p class="print-only doc-date">
                { format!("Estimation établie le {}, {}.", date_long(state.today), validity(state)) }
            </p>
            <h2 id="results-title" tabindex="-1">{ "Le chiffrage" }</h2>
            { results::inputs_summary(state) }
            <PagePart part={Part::Figures} state={state.clone()} dispatch={dispatch.clone()} />
        </section>
    }
}

/// Runs, out of the visitor's sight, what the first keystroke in the certification box would run for the
/// first time: the search (its code, the index, the allocations), the rendering of a suggestion list and
/// the layout of its 12.8 px second lines (the font at that size). That keystroke then answers within a
/// frame (issue 9). The visitor's state is untouched: the search runs on a copy, rendered outside the
/// page. `then` runs when all is done.
pub fn warm_up_certification_search(
    state: &State,
    dispatch: &Dispatch,
    then: impl FnOnce() + 'static,
) {
    let mut typed = state.clone();
    typed.apply(
        Action::Set(Field::CertQuery, "a".to_owned()),
        Catalog::embedded(),
    );
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(root), Some(body)) = (document.create_element("div"), document.body()) else {
        return;
    };
    let props = PartProps {
        part: Part::Training,
        state: Rc::new(typed),
        dispatch: dispatch.clone(),
    };
    // Outside the document: never shown, focused nor read aloud, so no event can reach its handlers.
    let part = yew::Renderer::<PagePart>::with_root_and_props(root.clone(), props).render();
    // yew renders in a microtask queued before this one.
    yew::platform::spawn_local(async move {
        // The list is hidden until the box is used: a copy of it, laid out invisibly in the page and
        // removed in this same task, so never painted. Without the list's id, which the page's list has.
        let copy = root
            .query_selector("[role=listbox]")
            .ok()
            .flatten()
            .and_then(|list| list.clone_node_with_deep(true).ok())
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok());
        if let Some(list) = copy {
            let _ = list.remove_attribute("hidden");
            let _ = list.remove_attribute("id");
            let _ = list.set_attribute("class", "listbox warm-up");
            if body.append_child(&list).is_ok() {
                let _ = list.client_height();
                list.remove();
            }
        }
        part.destroy();
        then();
    });
}
