//! `coutcontrat serve`: every route on a random loopback port, in-process (`serve::app`), compared with
//! what the binary prints; the limits; the OpenAPI document checked against real responses; the log line.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use coutcontrat::Referentiel;
use coutcontrat_cli::serve::{self, Config};
use serde_json::Value;

use crate::common::{fixture_cases, run_in, workspace, BIN};

/// A service on a fresh loopback port, with `config`, over `referentiel`, for the life of the test binary.
fn start(referentiel: &'static Referentiel, config: Config) -> SocketAddr {
    let router = serve::app(referentiel, config).expect("the service starts");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("a loopback port");
    let address = listener.local_addr().expect("its address");
    std::thread::spawn(move || {
        runtime.block_on(async move { axum::serve(listener, router).await.expect("serves") })
    });
    address
}

fn quiet() -> Config {
    Config {
        log: false,
        ..Config::default()
    }
}

/// The service over the embedded data, with the default limits.
fn service() -> SocketAddr {
    static ADDRESS: OnceLock<SocketAddr> = OnceLock::new();
    *ADDRESS.get_or_init(|| start(coutcontrat_referentiel::embedded(), quiet()))
}

/// A response.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("a UTF-8 body")
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    /// The error object's code, checking the whole shape of the CLI's error JSON.
    fn error_code(&self) -> String {
        let v = self.json();
        let e = &v["error"];
        assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
        assert!(e["candidates"].is_array(), "{v}");
        assert!(e["field"].is_null() || e["field"].is_string(), "{v}");
        assert!(
            !self.text().contains("panicked") && !self.text().contains("src/"),
            "{v}"
        );
        e["code"].as_str().expect("a code").to_owned()
    }
}

/// Reads a response from a connection the server closes after it (`Connection: close`).
fn read_reply(stream: TcpStream) -> Reply {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).expect("a status line");
    let status = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("status line {line:?}"));
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line).expect("a header");
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        let (n, v) = l.split_once(':').expect("name: value");
        headers.push((n.trim().to_owned(), v.trim().to_owned()));
    }
    let chunked = headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let mut body = Vec::new();
    if chunked {
        loop {
            line.clear();
            reader.read_line(&mut line).expect("a chunk size");
            let size = usize::from_str_radix(line.trim(), 16).expect("hexadecimal size");
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk).expect("a chunk");
            body.extend_from_slice(&chunk[..size]);
            if size == 0 {
                break;
            }
        }
    } else {
        reader.read_to_end(&mut body).expect("the body");
    }
    Reply {
        status,
        headers,
        body,
    }
}

fn request_at(
    address: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut stream = TcpStream::connect(address).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (n, v) in headers {
        head.push_str(&format!("{n}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).expect("sends the head");
    // The server may answer (413) before reading it all.
    let _ = stream.write_all(body);
    read_reply(stream)
}

fn get(path: &str) -> Reply {
    request_at(service(), "GET", path, &[], b"")
}

fn post_json_at(address: SocketAddr, path: &str, body: &str) -> Reply {
    request_at(
        address,
        "POST",
        path,
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    )
}

fn post_json(path: &str, body: &str) -> Reply {
    post_json_at(service(), path, body)
}

fn post_csv(path: &str, body: &[u8]) -> Reply {
    request_at(
        service(),
        "POST",
        path,
        &[("Content-Type", "text/csv")],
        body,
    )
}

/// Percent-encodes a query value.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

const A1: &str = r#"{"signed_on":"2025-08-15","start":"2025-09-01","end":"2027-02-28","npec":"7000","price":"9000","level":5,"rqth_majoration":"3000"}"#;

#[test]
fn every_fixture_case_gives_the_clis_json_byte_for_byte() {
    let cases = fixture_cases();
    assert!(cases.len() > 100, "the fixture file is read");
    let mut others: Vec<(String, SocketAddr)> = Vec::new();
    for case in &cases {
        let address = match &case.data {
            None => service(),
            Some(dir) => match others.iter().find(|(d, _)| d == dir) {
                Some((_, a)) => *a,
                None => {
                    let loaded =
                        coutcontrat_cli::data::load(Some(&workspace().join(dir))).expect("data");
                    let leaked: &'static Referentiel = Box::leak(Box::new(loaded.into_owned()));
                    let a = start(leaked, quiet());
                    others.push((dir.clone(), a));
                    a
                }
            },
        };
        let path = if case.policy.is_null() {
            "/v1/quote".to_owned()
        } else {
            format!("/v1/quote?policy={}", encode(&case.policy.to_string()))
        };
        let body = case.contract.to_string();
        let reply = post_json_at(address, &path, &body);
        let args = case.quote_args();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let cli = run_in(None, &args, &body);
        assert_eq!(
            reply.text(),
            cli.stdout.trim_end(),
            "{}: the service and `quote --json` differ",
            case.name
        );
        match &case.error {
            Some((code, _)) => {
                assert_eq!(reply.status, 422, "{}", case.name);
                assert_eq!(&reply.error_code(), code, "{}", case.name);
            }
            None => {
                assert_eq!(reply.status, 200, "{}: {}", case.name, reply.text());
                for (path, expected) in &case.expect {
                    assert_eq!(
                        crate::common::at(&reply.json(), path).as_ref(),
                        Some(expected),
                        "{}: {path}",
                        case.name
                    );
                }
            }
        }
    }
}

#[test]
fn a_quote_is_json_and_its_figures_are_a1s() {
    let reply = post_json("/v1/quote", A1);
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let q = reply.json();
    // RULES.md §4 A1: 7 000 × 181 / 365 = 3 471.23 in year two.
    assert_eq!(q["totals"]["npec"], "10471.23");
    assert_eq!(q["totals"]["employer"], "2991.78");
}

#[test]
fn malformed_json_is_400_and_a_refused_contract_422_naming_its_field() {
    let reply = post_json("/v1/quote", r#"{"signed_on": "2025-08-15", "#);
    assert_eq!(reply.status, 400);
    assert_eq!(reply.error_code(), "invalid");
    let reply = post_json(
        "/v1/quote",
        r#"{"signed_on":"2025-08-15","start":"2025-09-01","end":"2027-02-28","npec":"7000","price":"9000","level":9}"#,
    );
    assert_eq!(reply.status, 422);
    assert_eq!(reply.error_code(), "out_of_range");
    assert_eq!(reply.json()["error"]["field"], "level");
    let reply = post_json(
        "/v1/quote",
        r#"{"signed_on":"2025-08-15","start":"2025-09-01","end":"2027-02-28","price":"9000","prix":1}"#,
    );
    assert_eq!(reply.status, 422);
    assert_eq!(reply.error_code(), "unknown_field");
    let reply = post_json("/v1/quote?policy=%7Bnope", A1);
    assert_eq!(reply.status, 400);
    assert_eq!(reply.error_code(), "usage");
}

#[test]
fn a_wrong_content_type_is_415() {
    let reply = request_at(
        service(),
        "POST",
        "/v1/quote",
        &[("Content-Type", "text/plain")],
        A1.as_bytes(),
    );
    assert_eq!(reply.status, 415);
    assert_eq!(reply.error_code(), "content_type");
    let reply = request_at(service(), "POST", "/v1/quote", &[], A1.as_bytes());
    assert_eq!(reply.status, 415);
    let reply = request_at(
        service(),
        "POST",
        "/v1/batch",
        &[("Content-Type", "application/json")],
        b"a,b\n",
    );
    assert_eq!(reply.status, 415);
    let ok = request_at(
        service(),
        "POST",
        "/v1/quote",
        &[("Content-Type", "application/json; charset=utf-8")],
        A1.as_bytes(),
    );
    assert_eq!(ok.status, 200);
}

#[test]
fn a_10_mb_body_is_413() {
    let mut body = String::from(r#"{"signed_on":"2025-08-15","note":""#);
    body.push_str(&" ".repeat(10 * 1000 * 1000));
    body.push_str("\"}");
    let reply = post_json("/v1/quote", &body);
    assert_eq!(reply.status, 413);
    assert_eq!(reply.error_code(), "too_large");
}

#[test]
fn a_batch_of_1_000_001_rows_is_413_and_one_of_a_million_is_not_refused_for_its_size() {
    let header = "signed_on,start,end,price,npec,level\n";
    let row = "x\n";
    let mut body = String::with_capacity(header.len() + 1_000_001 * row.len());
    body.push_str(header);
    for _ in 0..1_000_001 {
        body.push_str(row);
    }
    let reply = post_csv("/v1/batch", body.as_bytes());
    assert_eq!(reply.status, 413);
    assert_eq!(reply.error_code(), "too_many_rows");
    assert!(reply.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("1000001"));
    // A limit of one row: two rows refused, one quoted.
    let small = start(
        coutcontrat_referentiel::embedded(),
        Config {
            max_batch_rows: 1,
            ..quiet()
        },
    );
    let one =
        "signed_on,start,end,price,npec,level\n2025-08-15,2025-09-01,2027-02-28,9000,7000,6\n";
    let reply = request_at(
        small,
        "POST",
        "/v1/batch",
        &[("Content-Type", "text/csv")],
        one.as_bytes(),
    );
    assert_eq!(reply.status, 200);
    let two = format!("{one}2025-08-15,2025-09-01,2027-02-28,9000,7000,6\n");
    let reply = request_at(
        small,
        "POST",
        "/v1/batch",
        &[("Content-Type", "text/csv")],
        two.as_bytes(),
    );
    assert_eq!(reply.status, 413);
}

#[test]
fn a_batch_gives_the_clis_csv() {
    let csv = "signed_on,start,end,price,npec,level\n2025-08-15,2025-09-01,2027-02-28,9000,7000,6\n2025-08-15,2025-09-01,2027-02-28,9000,7000,9\n";
    let reply = post_csv("/v1/batch", csv.as_bytes());
    assert_eq!(reply.status, 200);
    assert!(reply
        .header("content-type")
        .unwrap()
        .starts_with("text/csv"));
    let cli = run_in(None, &["batch", "-"], csv);
    assert_eq!(reply.text(), cli.stdout);
    // RULES.md §4 A2-like: the first row quoted, the second refused in its error column, not the request.
    let lines: Vec<&str> = cli.stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[1].contains(",10471.23,"), "{}", lines[1]);
    assert!(lines[2].contains("out_of_range (level)"), "{}", lines[2]);
    // A header without the required columns is refused before any output.
    let reply = post_csv("/v1/batch", b"signed_on,start\n2025-08-15,2025-09-01\n");
    assert_eq!(reply.status, 422);
    let code = reply.error_code();
    assert!(!code.is_empty());
}

#[test]
fn a_slow_client_is_cut_off_with_408() {
    let address = start(
        coutcontrat_referentiel::embedded(),
        Config {
            timeout: Duration::from_millis(500),
            ..quiet()
        },
    );
    let mut stream = TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
        .write_all(b"POST /v1/quote HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"signed_on\":")
        .unwrap();
    let started = Instant::now();
    let reply = read_reply(stream);
    assert_eq!(reply.status, 408);
    assert_eq!(reply.error_code(), "timeout");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn one_request_over_the_concurrency_limit_is_503() {
    let address = start(
        coutcontrat_referentiel::embedded(),
        Config {
            max_concurrent: 1,
            timeout: Duration::from_secs(3),
            ..quiet()
        },
    );
    // A client holds the one permit by sending its body slowly.
    let mut slow = TcpStream::connect(address).unwrap();
    slow.write_all(b"POST /v1/quote HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let reply = request_at(address, "GET", "/healthz", &[], b"");
    assert_eq!(reply.status, 503);
    assert_eq!(reply.error_code(), "busy");
    drop(slow);
}

#[test]
fn lookup_search_branches_editions_give_the_clis_json() {
    let cases: &[(&str, &[&str])] = &[
        (
            "/v1/lookup?rncp=RNCP41000&idcc=1351&signed_on=2026-09-14",
            &[
                "lookup",
                "--rncp",
                "RNCP41000",
                "--idcc",
                "1351",
                "--signed-on",
                "2026-09-14",
                "--json",
            ],
        ),
        (
            "/v1/lookup?rncp=RNCP1002&cpne=65&signed_on=2024-09-01",
            &[
                "lookup",
                "--rncp",
                "RNCP1002",
                "--cpne",
                "65",
                "--signed-on",
                "2024-09-01",
                "--json",
            ],
        ),
        (
            "/v1/search?q=management%20s%C3%A9curit%C3%A9",
            &["search", "management", "sécurité", "--json"],
        ),
        (
            "/v1/search?q=RNCP41000&limit=5",
            &["search", "RNCP41000", "--limit", "5", "--json"],
        ),
        (
            "/v1/branches?q=1351&signed_on=2026-09-14",
            &["branches", "1351", "--signed-on", "2026-09-14", "--json"],
        ),
        (
            "/v1/branches?q=propret%C3%A9&signed_on=2024-09-01&limit=3",
            &[
                "branches",
                "propreté",
                "--signed-on",
                "2024-09-01",
                "--limit",
                "3",
                "--json",
            ],
        ),
    ];
    for (path, args) in cases {
        let reply = get(path);
        let cli = run_in(None, args, "");
        assert_eq!(cli.code, 0, "{path}: {}", cli.stderr);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.text(), cli.stdout.trim_end(), "{path}");
    }
    // The figure a reader checks: RNCP41000 in CPNE 204 (IDCC 1351), the 2026-09 table's 8 765 €.
    assert_eq!(get(cases[0].0).json()["npec"]["annual"], "8765.00");
    let editions = get("/v1/editions").json();
    let tags: Vec<&str> = editions
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["tag"].as_str().unwrap())
        .collect();
    let embedded: Vec<&str> = coutcontrat_referentiel::embedded()
        .versions()
        .iter()
        .map(|v| v.tag.as_str())
        .collect();
    assert_eq!(tags, embedded);
    assert!(editions
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["rows"].as_u64().is_some()));
}

#[test]
fn lookup_errors_are_404_for_an_unknown_branch_and_400_for_a_missing_parameter() {
    let reply = get("/v1/lookup?rncp=RNCP41000&idcc=9998&signed_on=2026-09-14");
    assert_eq!(reply.status, 404, "{}", reply.text());
    assert_eq!(reply.error_code(), "unknown_branch");
    let reply = get("/v1/lookup?rncp=RNCP41000&signed_on=2026-09-14");
    assert_eq!(reply.status, 400);
    assert_eq!(reply.error_code(), "usage");
    let reply = get("/v1/lookup?rncp=RNCP41000&idcc=1351&signed_on=2026-02-30");
    assert_eq!(reply.status, 422);
    assert_eq!(reply.json()["error"]["field"], "signed_on");
    let reply = get("/v1/search?q=x&colour=blue");
    assert_eq!(reply.status, 400);
    assert!(reply.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("colour"));
    assert_eq!(get("/v1/search").status, 400);
    assert_eq!(get("/v1/search?q=x&limit=0").status, 400);
}

#[test]
fn unknown_routes_are_404_and_wrong_methods_405() {
    let reply = get("/v2/quote");
    assert_eq!(reply.status, 404);
    assert_eq!(reply.error_code(), "not_found");
    let reply = get("/v1/quote");
    assert_eq!(reply.status, 405);
    assert_eq!(reply.error_code(), "method_not_allowed");
}

#[test]
fn health_says_ok_and_no_cors_header_is_sent_unless_configured() {
    let reply = request_at(
        service(),
        "GET",
        "/healthz",
        &[("Origin", "https://evil.example")],
        b"",
    );
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["status"], "ok");
    assert_eq!(reply.header("access-control-allow-origin"), None);
    let address = start(
        coutcontrat_referentiel::embedded(),
        Config {
            cors_origins: vec!["https://cfa.example".into()],
            ..quiet()
        },
    );
    let reply = request_at(
        address,
        "GET",
        "/healthz",
        &[("Origin", "https://cfa.example")],
        b"",
    );
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some("https://cfa.example")
    );
    let reply = request_at(
        address,
        "GET",
        "/healthz",
        &[("Origin", "https://evil.example")],
        b"",
    );
    assert_eq!(reply.header("access-control-allow-origin"), None);
}

/// Checks `value` against a JSON Schema of the document (the keywords it uses: `$ref`, `type`, `required`,
/// `properties`, `additionalProperties: false`, `items`, `enum`, `minimum`, `maximum`).
fn check(doc: &Value, schema: &Value, value: &Value, at: &str) {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap();
        return check(doc, &doc["components"]["schemas"][name], value, at);
    }
    if let Some(kind) = schema.get("type") {
        let kinds: Vec<&str> = match kind {
            Value::String(k) => vec![k.as_str()],
            Value::Array(ks) => ks.iter().filter_map(Value::as_str).collect(),
            _ => panic!("{at}: type {kind}"),
        };
        let fits = |k: &str| match k {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            _ => panic!("{at}: type {k}"),
        };
        assert!(
            kinds.iter().any(|k| fits(k)),
            "{at}: {value} is not {kinds:?}"
        );
    }
    if let Some(words) = schema["enum"].as_array() {
        assert!(words.contains(value), "{at}: {value} not in {words:?}");
    }
    if let Some(object) = value.as_object() {
        for name in schema["required"].as_array().into_iter().flatten() {
            assert!(
                object.contains_key(name.as_str().unwrap()),
                "{at}: no member {name} in {value}"
            );
        }
        let properties = schema["properties"].as_object();
        for (name, member) in object {
            match properties.and_then(|p| p.get(name)) {
                Some(s) => check(doc, s, member, &format!("{at}.{name}")),
                None => assert_ne!(
                    schema["additionalProperties"],
                    Value::Bool(false),
                    "{at}: unexpected {name}"
                ),
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            check(doc, items, item, &format!("{at}[{i}]"));
        }
    }
}

#[test]
fn the_openapi_document_describes_real_responses_of_every_route() {
    let doc = get("/openapi.json").json();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    let mut checked = Vec::new();
    let mut respond = |method: &str, path: &str, reply: Reply| {
        let route = path.split('?').next().unwrap().to_owned();
        let op = &paths[&route][method];
        let response = &op["responses"][reply.status.to_string()];
        assert!(
            response.is_object(),
            "{method} {path}: status {} undocumented",
            reply.status
        );
        if let Some(schema) = response["content"]["application/json"].get("schema") {
            check(
                &doc,
                schema,
                &reply.json(),
                &format!("{method} {path} {}", reply.status),
            );
        } else {
            assert!(
                response["content"]["text/csv"].is_object(),
                "{method} {path}"
            );
        }
        checked.push(format!("{method} {route}"));
    };
    respond("post", "/v1/quote", post_json("/v1/quote", A1));
    respond("post", "/v1/quote", post_json("/v1/quote", "{"));
    respond(
        "post",
        "/v1/quote",
        post_json(
            "/v1/quote",
            r#"{"signed_on":"2025-08-15","start":"2025-09-01","end":"2027-02-28","price":"9000","level":9,"npec":"7000"}"#,
        ),
    );
    respond(
        "post",
        "/v1/quote",
        request_at(service(), "POST", "/v1/quote", &[], b"{}"),
    );
    let csv =
        b"signed_on,start,end,price,npec,level\n2025-08-15,2025-09-01,2027-02-28,9000,7000,6\n";
    respond("post", "/v1/batch", post_csv("/v1/batch", csv));
    respond(
        "get",
        "/v1/lookup",
        get("/v1/lookup?rncp=RNCP41000&idcc=1351&signed_on=2026-09-14"),
    );
    respond(
        "get",
        "/v1/lookup",
        get("/v1/lookup?rncp=RNCP41000&idcc=9998&signed_on=2026-09-14"),
    );
    respond("get", "/v1/lookup", get("/v1/lookup?rncp=RNCP41000"));
    respond("get", "/v1/search", get("/v1/search?q=BTS&limit=3"));
    respond(
        "get",
        "/v1/branches",
        get("/v1/branches?signed_on=2026-09-14&limit=3"),
    );
    respond("get", "/v1/editions", get("/v1/editions"));
    respond("get", "/healthz", get("/healthz"));
    respond("get", "/openapi.json", get("/openapi.json"));
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            assert!(
                checked.contains(&format!("{method} {path}")),
                "{method} {path} never checked"
            );
        }
    }
    // Every input of the one declaration is in the contract's schema, and A1 fits it.
    let contract = &doc["components"]["schemas"]["Contract"];
    for key in coutcontrat::contract::INPUT_FIELDS {
        let found = match key.strip_prefix("annexes.") {
            Some(name) => contract["properties"]["annexes"]["properties"].get(name),
            None => contract["properties"].get(*key),
        };
        assert!(found.is_some(), "{key} missing from the OpenAPI contract");
    }
    check(&doc, contract, &serde_json::from_str(A1).unwrap(), "A1");
}

/// The binary serving with `args`, its log, and the address its first log line says it listens on.
fn spawn_serve<S: AsRef<std::ffi::OsStr>>(
    args: &[S],
) -> (
    std::process::Child,
    BufReader<std::process::ChildStderr>,
    SocketAddr,
) {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(workspace())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let mut log = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    log.read_line(&mut line).unwrap();
    let listening: Value = serde_json::from_str(&line).expect(&line);
    let address = listening["address"].as_str().unwrap().parse().unwrap();
    (child, log, address)
}

#[test]
fn the_binary_logs_one_line_per_request_without_the_contract() {
    let (mut child, mut log, address) = spawn_serve(&["serve", "--port", "0"]);
    let mut line = String::new();
    let secret = r#"{"signed_on":"2025-08-15","start":"2025-09-01","end":"2027-02-28","npec":"7123.45","price":"9876","level":6}"#;
    assert_eq!(post_json_at(address, "/v1/quote", secret).status, 200);
    assert_eq!(
        request_at(
            address,
            "GET",
            "/v1/lookup?rncp=RNCP41000&idcc=1351&signed_on=2026-09-14",
            &[],
            b""
        )
        .status,
        200
    );
    let mut lines = Vec::new();
    for _ in 0..2 {
        line.clear();
        log.read_line(&mut line).unwrap();
        lines.push(serde_json::from_str::<Value>(&line).expect("a JSON line"));
        assert!(
            !line.contains("7123") && !line.contains("9876") && !line.contains("RNCP41000"),
            "{line}"
        );
    }
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(lines[0]["route"], "/v1/quote");
    assert_eq!(lines[0]["status"], 200);
    assert!(lines[0]["duration_ms"].is_number());
    assert_eq!(lines[1]["route"], "/v1/lookup");
}

#[test]
fn the_readmes_systemd_unit_starts_the_service_and_sigterm_stops_it() {
    let unit = std::fs::read_to_string(workspace().join("docs/deploy/coutcontrat.service"))
        .expect("docs/deploy/coutcontrat.service");
    let exec = unit
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .expect("an ExecStart line");
    let mut words = exec.split_whitespace();
    assert_eq!(words.next(), Some("/usr/local/bin/coutcontrat"));
    // The unit's own options, on a free port: they must be ones the binary accepts.
    let args: Vec<String> = {
        let mut args = Vec::new();
        let mut rest = words.map(str::to_string);
        while let Some(word) = rest.next() {
            if word == "--port" {
                rest.next().expect("the unit's port");
                args.extend(["--port".to_string(), "0".to_string()]);
            } else {
                args.push(word);
            }
        }
        args
    };
    assert!(args.contains(&"serve".to_string()), "{exec}");
    let (mut child, _log, address) = spawn_serve(&args);
    assert!(address.ip().is_loopback(), "{address}");
    assert_eq!(request_at(address, "GET", "/healthz", &[], b"").status, 200);
    let terminated = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(terminated.success());
    let status = child.wait().expect("the service stops");
    assert!(
        status.success(),
        "SIGTERM ends the service cleanly: {status}"
    );
}
