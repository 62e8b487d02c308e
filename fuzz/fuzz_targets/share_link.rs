//! Any text as the query string of a share link of the web page (`?signed_on=…&price=…`): the page state is
//! built from it without a panic, and a state's own link reads back as the same form.
#![no_main]

use coutcontrat_web::data::Catalog;
use coutcontrat_web::query;
use coutcontrat_web::state::State;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = query::decode(&text);
    let today = jiff::civil::date(2026, 9, 1);
    let state = State::from_query(&text, today, Catalog::embedded());
    let again = State::from_query(&state.to_query(), today, Catalog::embedded());
    assert_eq!(
        again.form, state.form,
        "a share link of the state reads back as the same form"
    );
});
