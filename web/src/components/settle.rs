//! The pause after which the box being typed in is judged (issue 20: a date turned red at its first
//! keystroke), for the page and the widget alike.

use yew::prelude::*;

use crate::browser;
use crate::state::Field;

/// How long a box's message waits for typing to pause, in milliseconds.
pub const SETTLE_DELAY_MS: i32 = 1000;

/// Emits `settle` once typing has paused in the box being typed in (`editing`); `typed` (the share link)
/// changes at each keystroke, which starts the pause again.
#[hook]
pub fn use_settle(typed: String, editing: Option<Field>, settle: Callback<()>) {
    use_effect_with((typed, editing), move |(_, editing)| {
        let pending = editing.map(|_| browser::after(SETTLE_DELAY_MS, move || settle.emit(())));
        move || drop(pending)
    });
}

/// The last figures, dimmed under a note, while the box being typed in is all that is wrong.
pub fn stale(note: &'static str, figures: Html) -> Html {
    html! {
        <div class="is-stale" id="stale">
            <p class="stale-note" id="stale-note">{ note }</p>
            { figures }
        </div>
    }
}
