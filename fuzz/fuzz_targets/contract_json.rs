//! Any text as the JSON contract of `coutcontrat quote --json`: `ContractInput::from_json`, `parse`, then the
//! quote on the embedded référentiel. An error, or figures that add up; never a panic.
#![no_main]

use coutcontrat::{ContractInput, Quoter};
use coutcontrat_fuzz::quote_input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let quoter = Quoter::new(coutcontrat_referentiel::embedded());
    if let Ok(input) = ContractInput::from_json(text) {
        quote_input(&input, &quoter);
    }
});
