//! The HTTP headers of the built site, file by file: what `scripts/run.sh` serves and what a deployer sets
//! on their own server (web/README.md, « Headers »). A `<meta>` Content-Security-Policy cannot forbid
//! framing (`frame-ancestors` is ignored there), nor can a meta set the other headers: they must come from
//! the server.
//!
//! The calculator (`index.html`, in every mode) may not be framed by anyone; the widget page
//! (`widget.html`) must be framed by any CFA's site, so it says so and frames nothing itself.

/// The page's policy less its framing directives: the same as the `<meta>` of `web/index.html`.
macro_rules! base_csp {
    () => {
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; base-uri 'none'; form-action 'none'"
    };
}

/// The calculator's Content-Security-Policy: it frames only its own widget (the integration page's
/// preview), and nobody frames it.
pub const PAGE_CSP: &str = concat!(base_csp!(), "; frame-src 'self'; frame-ancestors 'none'");

/// The widget's Content-Security-Policy: any site may frame it (that is its purpose); it frames nothing.
pub const WIDGET_CSP: &str = concat!(base_csp!(), "; frame-src 'none'; frame-ancestors *");

/// The widget page, the one file that may be framed.
pub const WIDGET_PAGE: &str = "/widget.html";

/// The Web Worker of the référentiel's import: a worker's policy is that of its own script's response.
pub const IMPORT_WORKER: &str = "/import-worker.js";

/// The import worker's Content-Security-Policy: its module and the importer's WebAssembly, from this site.
pub const WORKER_CSP: &str =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";

/// What a file of the site is, for its headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The calculator and its integration page (`/`, `/index.html`, any other HTML file).
    Page,
    /// `/widget.html`, framed by the CFAs' sites.
    Widget,
    /// `/import-worker.js`, the script of the import's Web Worker.
    Worker,
    /// Scripts, WebAssembly, styles, data.
    Asset,
}

impl Kind {
    /// The kind of the file at `path` (the request's path, without its query).
    pub fn of(path: &str) -> Kind {
        if path == WIDGET_PAGE {
            Kind::Widget
        } else if path.ends_with(IMPORT_WORKER) {
            Kind::Worker
        } else if path.ends_with('/') || path.ends_with(".html") {
            Kind::Page
        } else {
            Kind::Asset
        }
    }
}

/// The headers of the file at `path`, besides `Content-Type` and `Content-Length`.
///
/// ```
/// use coutcontrat_serve::headers::{headers, PAGE_CSP};
/// let page = headers("/index.html");
/// assert!(page.contains(&("Content-Security-Policy", PAGE_CSP)));
/// assert!(page.contains(&("X-Frame-Options", "DENY")));
/// assert!(!headers("/widget.html").iter().any(|(name, _)| *name == "X-Frame-Options"));
/// ```
pub fn headers(path: &str) -> Vec<(&'static str, &'static str)> {
    // Every file: no type guessing (a script is a script only with its type); no address of the page
    // (a share link holds the whole contract in its query) sent to the sites it links to.
    let mut out = vec![
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
    ];
    match Kind::of(path) {
        Kind::Page => out.extend([
            ("Content-Security-Policy", PAGE_CSP),
            // For browsers without frame-ancestors.
            ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]),
        Kind::Widget => out.push(("Content-Security-Policy", WIDGET_CSP)),
        Kind::Worker => out.push(("Content-Security-Policy", WORKER_CSP)),
        Kind::Asset => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A worker's policy is its script's: the import worker may run the importer's WebAssembly of this site.
    #[test]
    fn the_import_worker_has_a_policy_of_its_own() {
        let h = headers(IMPORT_WORKER);
        assert!(h.contains(&("Content-Security-Policy", WORKER_CSP)));
        assert_eq!(
            WORKER_CSP,
            "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'"
        );
        assert!(!headers("/import.js")
            .iter()
            .any(|(n, _)| *n == "Content-Security-Policy"));
    }

    #[test]
    fn only_the_widget_may_be_framed() {
        for page in ["/", "/index.html", "/other.html"] {
            let h = headers(page);
            assert!(h.contains(&("Content-Security-Policy", PAGE_CSP)), "{page}");
            assert!(h.contains(&("X-Frame-Options", "DENY")), "{page}");
        }
        assert!(PAGE_CSP.ends_with("frame-ancestors 'none'"));
        let w = headers("/widget.html");
        assert!(w.contains(&("Content-Security-Policy", WIDGET_CSP)));
        assert!(WIDGET_CSP.ends_with("frame-ancestors *"));
        assert!(!w.iter().any(|(n, _)| *n == "X-Frame-Options"));
        // The loader is a script of other sites' pages: no policy of a page on it.
        let js = headers("/widget.js");
        assert!(!js.iter().any(|(n, _)| *n == "Content-Security-Policy"));
    }

    #[test]
    fn every_file_gets_nosniff_and_no_referrer() {
        for path in [
            "/",
            "/widget.html",
            "/widget.js",
            "/app_bg.wasm",
            "/referentiel.ccrc",
        ] {
            let h = headers(path);
            assert!(h.contains(&("X-Content-Type-Options", "nosniff")), "{path}");
            assert!(h.contains(&("Referrer-Policy", "no-referrer")), "{path}");
        }
    }

    #[test]
    fn trunk_serve_sets_the_headers_of_every_file() {
        let line = include_str!("../../../Trunk.toml")
            .lines()
            .find(|l| l.starts_with("headers = "))
            .expect("[serve] headers in Trunk.toml");
        let common: Vec<String> = headers("/widget.js")
            .iter()
            .map(|(n, v)| format!("\"{n}\" = \"{v}\""))
            .collect();
        assert_eq!(line, format!("headers = {{ {} }}", common.join(", ")));
    }

    #[test]
    fn the_deployers_table_says_the_same() {
        let readme = include_str!("../../README.md");
        let row = |file: &str, name: &str, value: &str| {
            let line = format!("| {file} | `{name}` | `{value}`");
            assert!(readme.contains(&line), "web/README.md lacks {line}");
        };
        row(
            "`index.html` (and `/`)",
            "Content-Security-Policy",
            PAGE_CSP,
        );
        row("`index.html` (and `/`)", "X-Frame-Options", "DENY");
        row(
            "`index.html` (and `/`)",
            "Cross-Origin-Opener-Policy",
            "same-origin",
        );
        row("every file", "X-Content-Type-Options", "nosniff");
        row("every file", "Referrer-Policy", "no-referrer");
        // The widget's row names only what differs; the nginx example has it whole.
        assert!(readme.contains(&format!("\"{WIDGET_CSP}\"")));
        assert!(readme.contains(&format!("\"{PAGE_CSP}\"")));
    }

    #[test]
    fn the_policies_keep_the_pages_meta() {
        // The <meta> of web/index.html, less frame-src: the header adds to it, never loosens it.
        let meta = include_str!("../../index.html")
            .split("http-equiv=\"Content-Security-Policy\" content=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the meta of web/index.html");
        let base = meta.replace("; frame-src 'self'", "");
        assert_eq!(base, base_csp!());
        assert!(PAGE_CSP.starts_with(&base) && WIDGET_CSP.starts_with(&base));
    }
}
