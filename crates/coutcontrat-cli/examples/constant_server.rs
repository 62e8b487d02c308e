//! The baseline of scripts/bench-http.sh: a minimal axum service whose `POST /v1/quote` reads the body and
//! answers a constant, the bytes of FILE, on the same runtime as `coutcontrat serve`. What it costs is the
//! floor of HTTP on this machine; the difference with the real service is the quote, its checks and its log.
//! `constant_server PORT FILE`.
use axum::routing::post;
use axum::Router;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(port), Some(file)) = (args.next(), args.next()) else {
        eprintln!("usage: constant_server PORT FILE");
        std::process::exit(2);
    };
    let port: u16 = port.parse().unwrap_or_else(|_| {
        eprintln!("constant_server: « {port} » is not a port");
        std::process::exit(2);
    });
    let body: &'static str = std::fs::read_to_string(&file)
        .unwrap_or_else(|e| {
            eprintln!("constant_server: {file}: {e}");
            std::process::exit(2);
        })
        .leak();
    let router = Router::new().route(
        "/v1/quote",
        post(move |_contract: String| async move {
            (
                [(axum::http::header::CONTENT_TYPE, "application/json")],
                body,
            )
        }),
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .unwrap_or_else(|e| {
                eprintln!("constant_server: port {port}: {e}");
                std::process::exit(1);
            });
        axum::serve(listener, router).await.expect("serve");
    });
}
