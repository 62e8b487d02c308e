//! Helpers shared by the end-to-end tests: run the built binary, read the fixture file, quote in-process.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use coutcontrat::{ContractInput, Quoter, Referentiel};
use serde_json::Value;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_coutcontrat");

/// What a run gave.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Standard output as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
}

/// Runs the binary with arguments and standard input, in `dir` (the workspace root when `None`).
pub fn run_in(dir: Option<&Path>, args: &[&str], stdin: &str) -> Run {
    run_bytes_in(dir, args, stdin.as_bytes())
}

/// Runs the binary from the workspace root with standard input given as bytes (not UTF-8, a BOM…).
pub fn run_bytes(args: &[&str], stdin: &[u8]) -> Run {
    run_bytes_in(None, args, stdin)
}

/// [`run_in`] with standard input given as bytes.
pub fn run_bytes_in(dir: Option<&Path>, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir.map_or_else(workspace, Path::to_path_buf))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    {
        let mut input = child.stdin.take().expect("stdin");
        // A command that does not read its input may have exited already: ignore a broken pipe.
        let _ = input.write_all(stdin);
    }
    let out = child.wait_with_output().expect("the binary ends");
    Run {
        code: out.status.code().expect("exit code, not a signal"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    }
}

/// Runs the binary from the workspace root.
pub fn run(args: &[&str], stdin: &str) -> Run {
    run_in(None, args, stdin)
}

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The référentiel the binary uses by default.
pub fn referentiel() -> &'static Referentiel {
    coutcontrat_referentiel::embedded()
}

/// The quote of a JSON contract computed in-process: the JSON value the binary must print, or the error.
pub fn library_quote(contract_json: &str) -> Result<Value, coutcontrat::Error> {
    library_quote_with(contract_json, &Value::Null)
}

/// The same under a policy given as the JSON of `--policy` (`null` for the default).
pub fn library_quote_with(
    contract_json: &str,
    policy: &Value,
) -> Result<Value, coutcontrat::Error> {
    library_quote_in(contract_json, policy, referentiel())
}

/// A fixture case's quote in-process, against its data directory when it names one.
pub fn library_quote_case(case: &Case) -> Result<Value, coutcontrat::Error> {
    let input = case.contract.to_string();
    match &case.data {
        Some(dir) => {
            let r = coutcontrat_referentiel::load_dir(&workspace().join(dir))
                .unwrap_or_else(|e| panic!("{}: {dir}: {e}", case.name));
            library_quote_in(&input, &case.policy, &r)
        }
        None => library_quote_with(&input, &case.policy),
    }
}

/// [`library_quote_with`] against a given référentiel.
pub fn library_quote_in(
    contract_json: &str,
    policy: &Value,
    referentiel: &Referentiel,
) -> Result<Value, coutcontrat::Error> {
    let input = ContractInput::from_json(contract_json)?;
    let contract = input.parse()?;
    let policy: coutcontrat::Policy = match policy {
        Value::Null => Default::default(),
        p => serde_json::from_value(p.clone()).expect("a fixture's policy deserializes"),
    };
    let quote = Quoter::new(referentiel)
        .with_policy(policy)
        .quote(&contract)?;
    Ok(serde_json::to_value(&quote).expect("a quote serialises"))
}

/// One case of `tests/fixtures/quotes.toml`.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    /// The contract, as the JSON interface's input object.
    pub contract: Value,
    /// Expected figures: path into the JSON quote → value.
    pub expect: Vec<(String, Value)>,
    /// Expected refusal: code and field.
    pub error: Option<(String, Option<String>)>,
    /// The `Policy` options the case selects, as `--policy` takes them (`null`: section 0's defaults).
    pub policy: Value,
    /// The data directory the case quotes against (`--data`), from the workspace root; the embedded one
    /// when `None`.
    pub data: Option<String>,
}

impl Case {
    /// The command line of `quote --json` for this case.
    pub fn quote_args(&self) -> Vec<String> {
        let mut args = vec!["quote".to_owned(), "--json".to_owned()];
        if !self.policy.is_null() {
            args.push(format!("--policy={}", self.policy));
        }
        if let Some(dir) = &self.data {
            args.push(format!("--data={}", workspace().join(dir).display()));
        }
        args
    }
}

/// Every case of the fixture file.
pub fn fixture_cases() -> Vec<Case> {
    let path = workspace().join("tests/fixtures/quotes.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: toml::Table = toml::from_str(&text).expect("the fixture file is TOML");
    let cases = doc["case"].as_array().expect("[[case]] tables");
    cases
        .iter()
        .map(|c| {
            let t = c.as_table().expect("a case is a table");
            let to_json = |v: &toml::Value| serde_json::to_value(v).expect("TOML to JSON");
            let expect = t
                .get("expect")
                .and_then(|e| e.as_table())
                .map(|e| e.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
                .unwrap_or_default();
            let error = t.get("error").and_then(|e| e.as_table()).map(|e| {
                (
                    e["code"].as_str().expect("error code").to_owned(),
                    e.get("field").and_then(|f| f.as_str()).map(str::to_owned),
                )
            });
            Case {
                name: t["name"].as_str().expect("case name").to_owned(),
                contract: to_json(&t["contract"]),
                expect,
                error,
                policy: t.get("policy").map(to_json).unwrap_or(Value::Null),
                data: t.get("data").and_then(|d| d.as_str()).map(str::to_owned),
            }
        })
        .collect()
}

/// The value at a path of the fixture file (`years[0].npec`, `schedule.len`, `npec.source`).
pub fn at<'a>(value: &'a Value, path: &str) -> Option<Value> {
    let mut current: &'a Value = value;
    for part in path.split('.') {
        if part == "len" {
            return current.as_array().map(|a| Value::from(a.len()));
        }
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (
                name,
                Some(rest.trim_end_matches(']').parse::<usize>().ok()?),
            ),
            None => (part, None),
        };
        current = current.get(name)?;
        if let Some(i) = index {
            current = current.get(i)?;
        }
    }
    Some(current.clone())
}

/// A synthetic version of the 2026 référentiel for a test: tagged `tag`, holding `rows`, no CPNE-IDCC sheet.
pub fn test_version(
    tag: &str,
    rows: Vec<coutcontrat::referentiel::NpecRow>,
) -> coutcontrat::referentiel::TableVersion {
    use jiff::civil::date;
    coutcontrat::referentiel::TableVersion {
        tag: tag.into(),
        published: date(2026, 8, 29),
        applies_from: date(2026, 9, 1),
        applies_until: None,
        source_file: "test.xlsx".into(),
        source_sha256: None,
        legal_basis: String::new(),
        synthetic: true,
        coverage: Default::default(),
        note: "test".into(),
        rows,
        mapping: None,
    }
}
