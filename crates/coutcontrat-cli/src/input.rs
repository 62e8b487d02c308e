//! From what the user typed (options, JSON, CSV cells) to the library's [`ContractInput`].
//!
//! Every value stays text: parsing and its errors are the library's, so the command line, the batch
//! and the web page refuse the same contracts with the same messages.

use std::io::Read;

use clap::{Arg, ArgAction, ArgMatches, Args, Command, FromArgMatches};
use coutcontrat::contract::fields::{FieldKind, FIELDS, FIELD_DOCS};
use coutcontrat::error::ErrorKind;
use coutcontrat::ContractInput;

use crate::failure::Failure;

/// The contract's fields as options of `coutcontrat quote`, named like the JSON fields
/// (`annexes.meals` → `--meals`): one option per input of [`coutcontrat::contract::fields::FIELDS`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContractFlags {
    /// The options given: (JSON field, text), in the order of the fields.
    values: Vec<(&'static str, String)>,
}

impl Args for ContractFlags {
    fn augment_args(cmd: Command) -> Command {
        let mut cmd = cmd.next_help_heading("Contrat (mêmes champs que l'entrée JSON)");
        for (spec, doc) in FIELDS.iter().zip(FIELD_DOCS) {
            // clap keeps the option's name for the life of the command: made once per run.
            let long: &'static str = Box::leak(spec.flag().into_boxed_str());
            let mut arg = Arg::new(spec.key)
                .long(long)
                .value_name(doc.value_name)
                // Without its final period, as clap's derive writes a one-sentence doc comment.
                .help(doc.help.strip_suffix('.').unwrap_or(doc.help))
                .action(ArgAction::Set);
            arg = match spec.kind {
                FieldKind::Flag => arg
                    .num_args(0..=1)
                    .require_equals(true)
                    .default_missing_value("true"),
                FieldKind::Choice(words) => arg.value_parser(words.to_vec()),
                FieldKind::Amount
                | FieldKind::Share
                | FieldKind::Count
                | FieldKind::Hours
                | FieldKind::Number => arg.allow_negative_numbers(true),
                FieldKind::Date | FieldKind::Code => arg,
            };
            cmd = cmd.arg(arg);
        }
        cmd
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        ContractFlags::augment_args(cmd)
    }
}

impl FromArgMatches for ContractFlags {
    fn from_arg_matches(matches: &ArgMatches) -> Result<ContractFlags, clap::Error> {
        let mut flags = ContractFlags::default();
        flags.update_from_arg_matches(matches)?;
        Ok(flags)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        for spec in FIELDS {
            if let Some(value) = matches.get_one::<String>(spec.key) {
                self.values.retain(|(k, _)| *k != spec.key);
                self.values.push((spec.key, value.clone()));
            }
        }
        Ok(())
    }
}

impl ContractFlags {
    /// The options of these (JSON field, text) pairs, as if typed; a name that is no field is refused.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> coutcontrat::Result<ContractFlags> {
        let mut values = Vec::new();
        for (field, value) in pairs {
            let spec = coutcontrat::contract::fields::spec(field).ok_or_else(|| {
                // The library's own error for an unknown name.
                ContractInput::default().set(field, value).unwrap_err()
            })?;
            values.push((spec.key, value.to_owned()));
        }
        Ok(ContractFlags { values })
    }

    /// True when no contract option was given.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The text given for a JSON field, if any.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| *k == field)
            .map(|(_, v)| v.as_str())
    }

    /// Sets a field as if typed (a later option replaces an earlier one).
    pub fn set(&mut self, field: &'static str, value: String) {
        self.values.retain(|(k, _)| *k != field);
        self.values.push((field, value));
    }

    /// The contract as the library's loose input.
    pub fn to_input(&self) -> coutcontrat::Result<ContractInput> {
        input_from_fields(self.values.iter().map(|(k, v)| (*k, v.as_str())))
    }
}

/// The most standard input `quote` reads as one contract. A contract is under 2 KB of JSON; 1 MiB leaves
/// room for any indentation a tool adds, and keeps `cat big.bin | coutcontrat quote` from filling the memory.
pub const MAX_CONTRACT_JSON_BYTES: u64 = 1 << 20;

/// One contract in JSON from a reader (standard input): at most [`MAX_CONTRACT_JSON_BYTES`] are read, a
/// byte-order mark is skipped, and bytes that are not UTF-8 are refused as `invalid`.
pub fn read_json_contract(mut reader: impl Read) -> Result<ContractInput, Failure> {
    let mut bytes = Vec::new();
    (&mut reader)
        .take(MAX_CONTRACT_JSON_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::io("entrée standard", e))?;
    if bytes.len() as u64 > MAX_CONTRACT_JSON_BYTES {
        return Err(Failure::Lib(coutcontrat::Error::new(
            ErrorKind::Invalid,
            None,
            format!(
                "l'entrée standard dépasse {MAX_CONTRACT_JSON_BYTES} octets (1 Mio), la taille maximale d'un contrat \
                 en JSON (un contrat en occupe moins de 2 Ko) : donnez un seul contrat ; pour plusieurs, \
                 `coutcontrat batch`"
            ),
        )));
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if text.trim_ascii().is_empty() {
        return Err(Failure::Usage(
            "aucun contrat : donnez-le par les options (--signed-on, --start, --end, --price…) ou en JSON sur \
             l'entrée standard"
                .into(),
        ));
    }
    Ok(ContractInput::from_json_bytes(text)?)
}

/// The library's loose input from (field of the JSON interface, text) pairs: `price`, `annexes.meals`…
///
/// Names are the library's ([`ContractInput::set`]): one it does not know is refused with its error.
pub fn input_from_fields<'a>(
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> coutcontrat::Result<ContractInput> {
    let mut input = ContractInput::default();
    for (field, value) in fields {
        input.set(field, value)?;
    }
    Ok(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_field_has_an_option() {
        let cmd = ContractFlags::augment_args(Command::new("quote"));
        let names: Vec<&str> = cmd.get_arguments().map(|a| a.get_id().as_str()).collect();
        assert_eq!(names, coutcontrat::contract::INPUT_FIELDS);
        let longs: Vec<&str> = cmd.get_arguments().filter_map(|a| a.get_long()).collect();
        assert!(longs.contains(&"first-equipment") && longs.contains(&"signed-on"));
    }

    #[test]
    fn every_input_field_is_read() {
        for field in coutcontrat::contract::INPUT_FIELDS {
            assert!(input_from_fields([(*field, "1")]).is_ok(), "{field}");
        }
        let err = input_from_fields([("pirce", "9000")]).unwrap_err();
        assert_eq!(err.code(), "unknown_field");
        assert_eq!(err.field(), Some("pirce"));
        let err = input_from_fields([("annexes.wine", "3")]).unwrap_err();
        assert_eq!(err.code(), "unknown_field");
    }

    #[test]
    fn no_option_is_the_empty_input() {
        assert!(ContractFlags::default().is_empty());
        assert_eq!(
            ContractFlags::default().to_input().unwrap(),
            ContractInput::default()
        );
        let flags = ContractFlags::from_pairs([("annexes.meals", "12")]).unwrap();
        let input = flags.to_input().unwrap();
        assert_eq!(input.annexes.unwrap().meals.unwrap().0, "12");
    }

    /// Counts what it hands out, from an endless supply of spaces.
    struct Endless {
        given: u64,
    }

    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            buf.fill(b' ');
            self.given += buf.len() as u64;
            Ok(buf.len())
        }
    }

    #[test]
    fn an_endless_standard_input_is_read_up_to_the_limit_then_refused() {
        let mut endless = Endless { given: 0 };
        let err = read_json_contract(&mut endless).unwrap_err();
        let Failure::Lib(e) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(e.code(), "invalid");
        assert!(e.message().contains("1048576 octets"), "{e}");
        // What was read is the limit and one buffer at most, not the whole supply.
        assert!(
            endless.given <= MAX_CONTRACT_JSON_BYTES + 64 * 1024,
            "{}",
            endless.given
        );
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_bytes_that_are_not_utf8_are_invalid() {
        let input = read_json_contract(&b"\xEF\xBB\xBF{\"price\": 9000}"[..]).unwrap();
        assert_eq!(input.price.unwrap().0, "9000");
        let Err(Failure::Lib(e)) = read_json_contract(&b"{\"price\": \"9\xFF\"}"[..]) else {
            panic!("refused")
        };
        assert_eq!(e.code(), "invalid");
        assert!(
            e.message().contains("0xFF") && e.message().contains("position 13"),
            "{e}"
        );
        assert!(matches!(
            read_json_contract(&b"\xEF\xBB\xBF \n"[..]),
            Err(Failure::Usage(_))
        ));
    }

    #[test]
    fn the_options_are_read_from_the_command_line() {
        let cmd = ContractFlags::augment_args(Command::new("quote"));
        let m = cmd
            .try_get_matches_from(["quote", "--meals", "12", "--rqth", "--price=-3"])
            .unwrap();
        let flags = ContractFlags::from_arg_matches(&m).unwrap();
        let input = flags.to_input().unwrap();
        assert_eq!(input.annexes.unwrap().meals.unwrap().0, "12");
        assert_eq!(input.rqth.unwrap().0, "true");
        assert_eq!(input.price.unwrap().0, "-3");
    }
}
