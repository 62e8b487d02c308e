//! Converts `data/parameters/*.toml` to JSON in `OUT_DIR`: the embedded rule books are read with serde_json,
//! which the web page carries anyway, so that it does not need a TOML parser (`RuleBook::from_toml` stays,
//! behind the default feature `toml`, for the library and the command line).

use std::path::PathBuf;
use std::{env, fs};

fn json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(s) => serde_json::Value::String(s),
        toml::Value::Integer(i) => i.into(),
        toml::Value::Float(f) => {
            serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, Into::into)
        }
        toml::Value::Boolean(b) => b.into(),
        // A bare TOML date reads as its text, as the parameter types expect.
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Array(a) => a.into_iter().map(json).collect(),
        toml::Value::Table(t) => t.into_iter().map(|(k, v)| (k, json(v))).collect(),
    }
}

fn main() {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("set by cargo"));
    for name in ["financing", "employer"] {
        let path = manifest_dir.join(format!("../../data/parameters/{name}.toml"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // A syntax error fails the build here; a wrong field fails the tests (from_json and from_toml alike).
        let table: toml::Table = text
            .parse()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let value = json(toml::Value::Table(table));
        fs::write(out.join(format!("{name}.json")), value.to_string())
            .expect("OUT_DIR is writable");
    }
}
