//! `coutcontrat-serve DIR [ADDRESS:PORT]`: serves the built calculator with its headers (scripts/run.sh).

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), address) = (args.next(), args.next()) else {
        eprintln!("usage: coutcontrat-serve DIR [ADDRESS:PORT] (default 127.0.0.1:8080)");
        return ExitCode::from(2);
    };
    let address = address.unwrap_or_else(|| "127.0.0.1:8080".into());
    let dir = PathBuf::from(dir);
    if !dir.join("index.html").is_file() {
        eprintln!(
            "coutcontrat-serve: {} has no index.html: build it first (scripts/build-web.sh)",
            dir.display()
        );
        return ExitCode::from(2);
    }
    let listener = match TcpListener::bind(&address) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("coutcontrat-serve: cannot listen on {address}: {e}");
            return ExitCode::from(1);
        }
    };
    eprintln!(
        "coutcontrat-serve: {} on http://{address}/ (Ctrl-C stops)",
        dir.display()
    );
    coutcontrat_serve::serve(listener, dir);
    ExitCode::SUCCESS
}
