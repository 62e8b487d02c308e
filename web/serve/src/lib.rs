//! A static server for the built web calculator (`dist/`), with the headers of [`headers`]: what
//! `scripts/run.sh` serves on 127.0.0.1, and what the browser tests serve the page with.
//!
//! Not a production server (no TLS, no compression, no cache): a deployer puts `dist/` behind their own,
//! with the same headers (web/README.md, « Headers »). Trunk's own server cannot do this: its
//! `[serve] headers` go on every file alike, and the widget needs others than the page.
#![deny(missing_docs)]

pub mod headers;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The longest request head read (request line and headers): a GET of a static file needs far less.
pub const MAX_REQUEST_HEAD: u64 = 16 * 1024;

/// Serves the files of `dir` on `listener`, one thread a connection, until the process ends.
pub fn serve(listener: TcpListener, dir: PathBuf) {
    for stream in listener.incoming().flatten() {
        let dir = dir.clone();
        std::thread::spawn(move || respond(stream, &dir));
    }
}

/// Starts [`serve`] on a thread, on a free port of 127.0.0.1; returns the port.
pub fn spawn(dir: PathBuf) -> std::io::Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    std::thread::spawn(move || serve(listener, dir));
    Ok(port)
}

/// The file a request's path names under `dir`: `/` is `index.html`; no `..`, no escape, no hidden file.
pub fn resolve(dir: &Path, path: &str) -> Option<PathBuf> {
    let rel = path.strip_prefix('/')?;
    let rel = if rel.is_empty() { "index.html" } else { rel };
    let clean = rel.split('/').all(|part| {
        !part.is_empty()
            && !part.starts_with('.')
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
    });
    clean.then(|| dir.join(rel))
}

/// The `Content-Type` of a file, by its extension.
pub fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// Answers one request on `stream` from the files of `dir`.
pub fn respond(stream: TcpStream, dir: &Path) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let Ok(reader) = stream.try_clone() else {
        return;
    };
    let mut head = BufReader::new(reader.take(MAX_REQUEST_HEAD));
    let mut request = String::new();
    if head.read_line(&mut request).is_err() {
        return;
    }
    // The rest of the head is not needed; read it so that the client sees an answer, not a reset.
    let mut line = String::new();
    while head.read_line(&mut line).is_ok_and(|n| n > 0) && !line.trim().is_empty() {
        line.clear();
    }
    let mut words = request.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let path = target.split(['?', '#']).next().unwrap_or("");
    let file = resolve(dir, path).filter(|f| f.is_file());
    let (status, body, kind) = match (method, &file) {
        ("GET" | "HEAD", Some(file)) => match std::fs::read(file) {
            Ok(body) => ("200 OK", body, content_type(file)),
            Err(_) => ("404 Not Found", b"not found\n".to_vec(), "text/plain"),
        },
        ("GET" | "HEAD", None) => ("404 Not Found", b"not found\n".to_vec(), "text/plain"),
        _ => (
            "405 Method Not Allowed",
            b"GET or HEAD\n".to_vec(),
            "text/plain",
        ),
    };
    let path = if path.is_empty() { "/" } else { path };
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers::headers(path) {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let mut stream = stream;
    let _ = stream.write_all(out.as_bytes());
    if method != "HEAD" {
        let _ = stream.write_all(&body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_paths_under_the_directory_are_served() {
        let dir = Path::new("/srv/dist");
        assert_eq!(resolve(dir, "/"), Some(dir.join("index.html")));
        assert_eq!(resolve(dir, "/widget.html"), Some(dir.join("widget.html")));
        assert_eq!(
            resolve(dir, "/snippets/a-b_c.js"),
            Some(dir.join("snippets/a-b_c.js"))
        );
        for bad in [
            "",
            "index.html",
            "/../etc/passwd",
            "/a/../../b",
            "/.git/config",
            "//etc/passwd",
            "/a%2f..",
            "/a\\b",
            "/a/",
        ] {
            assert_eq!(resolve(dir, bad), None, "{bad}");
        }
    }
}
