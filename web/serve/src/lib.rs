//! A static server for the built web calculator (`dist/`), with the headers of [`headers`]: what
//! `scripts/run.sh` serves on 127.0.0.1, and what the browser tests serve the page with.
//!
//! Not a production server (no TLS, no cache): a deployer puts `dist/` behind their own, with the same
//! headers (web/README.md, « Headers »). It sends the compressed copies the build writes beside each file
//! (`.br`, `.gz`: scripts/precompress.sh) to a client that accepts them; it never compresses itself. Trunk's own server cannot do this: its
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
        // The certification index the page searches by name (issue 18).
        Some("tsv") => "text/tab-separated-values; charset=utf-8",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// The encodings a client accepts, from its `Accept-Encoding` header (`br`, `gzip`; `q=0` refuses one).
pub fn accepted(header: &str) -> (bool, bool) {
    let mut br = false;
    let mut gzip = false;
    for item in header.split(',') {
        let mut parts = item.split(';').map(str::trim);
        let coding = parts.next().unwrap_or("").to_ascii_lowercase();
        let refused = parts.any(|p| {
            p.strip_prefix("q=")
                .is_some_and(|q| q.parse::<f32>() == Ok(0.0))
        });
        match coding.as_str() {
            "br" => br = !refused,
            "gzip" => gzip = !refused,
            "*" => {
                br |= !refused;
                gzip |= !refused;
            }
            _ => {}
        }
    }
    (br, gzip)
}

/// The copy of `file` to send to a client accepting `(br, gzip)`, with its `Content-Encoding`.
pub fn variant(file: &Path, (br, gzip): (bool, bool)) -> (PathBuf, Option<&'static str>) {
    for (ok, ext, coding) in [(br, "br", "br"), (gzip, "gz", "gzip")] {
        let mut name = file.as_os_str().to_owned();
        name.push(".");
        name.push(ext);
        let copy = PathBuf::from(name);
        if ok && copy.is_file() {
            return (copy, Some(coding));
        }
    }
    (file.to_owned(), None)
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
    // Of the rest of the head only Accept-Encoding matters; read it all so that the client sees an
    // answer, not a reset.
    let mut encodings = (false, false);
    let mut line = String::new();
    while head.read_line(&mut line).is_ok_and(|n| n > 0) && !line.trim().is_empty() {
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                encodings = accepted(value.trim());
            }
        }
        line.clear();
    }
    let mut words = request.split_whitespace();
    let (method, target) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let path = target.split(['?', '#']).next().unwrap_or("");
    let file = resolve(dir, path).filter(|f| f.is_file());
    let mut encoding = None;
    let (status, body, kind) = match (method, &file) {
        ("GET" | "HEAD", Some(file)) => {
            let (copy, coding) = variant(file, encodings);
            encoding = coding;
            match std::fs::read(copy) {
                Ok(body) => ("200 OK", body, content_type(file)),
                Err(_) => ("404 Not Found", b"not found\n".to_vec(), "text/plain"),
            }
        }
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
    if file.is_some() {
        // The same address gives other bytes by Accept-Encoding: caches must keep them apart.
        out.push_str("Vary: Accept-Encoding\r\n");
    }
    if let Some(coding) = encoding {
        out.push_str(&format!("Content-Encoding: {coding}\r\n"));
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
    fn accepted_encodings() {
        assert_eq!(accepted("gzip, deflate, br, zstd"), (true, true));
        assert_eq!(accepted("gzip"), (false, true));
        assert_eq!(accepted("br;q=0, gzip;q=0.5"), (false, true));
        assert_eq!(accepted("gzip;q=0.0"), (false, false));
        assert_eq!(accepted("*"), (true, true));
        assert_eq!(accepted("identity"), (false, false));
        assert_eq!(accepted(""), (false, false));
    }

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
