//! Contracts field by field, with values near the real ones (dates 2018–2032, amounts, codes, the words
//! people type) so that most reach the quote engine: an error, or figures that add up; never a panic.
#![no_main]

use coutcontrat::Quoter;
use coutcontrat_fuzz::{quote_input, FContract};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|contract: FContract| {
    let quoter = Quoter::new(coutcontrat_referentiel::embedded());
    quote_input(&contract.input(), &quoter);
});
