//! `coutcontrat serve`: the HTTP service, with the JSON of `coutcontrat quote --json` (and of `lookup`,
//! `search`, `branches` with `--json`), and the batch CSV of `coutcontrat batch`.
//!
//! Stateless: every request is answered from the référentiel loaded at start, so any number of instances run
//! behind a load balancer. `routes` answers each route, `batch` streams the batch, `limits` holds the guards a
//! public deployment needs (concurrency, time, one log line per request), `problem` turns a failure into the
//! CLI's error JSON with its HTTP status, `openapi` describes it all from the contract's declared inputs.

mod batch;
mod limits;
pub mod openapi;
mod problem;
mod routes;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::http::{HeaderValue, Method};
use axum::routing::{get, post};
use axum::Router;
use coutcontrat::Referentiel;
use tokio::sync::Semaphore;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::failure::Failure;

/// The limits and options of a running service.
#[derive(Debug, Clone)]
pub struct Config {
    /// The largest request body, in bytes, of `POST /v1/quote`.
    pub max_body_bytes: usize,
    /// The largest request body, in bytes, of `POST /v1/batch`.
    pub max_batch_bytes: usize,
    /// The most rows (header not counted) one batch may hold.
    pub max_batch_rows: u64,
    /// The most requests answered at once; one more is refused with 503 at once rather than queued.
    pub max_concurrent: usize,
    /// The longest a request may take from its head to its response's head (a slow client included).
    pub timeout: Duration,
    /// The origins allowed by CORS; none by default (no `Access-Control-Allow-Origin` header at all).
    pub cors_origins: Vec<String>,
    /// Write one line per request on standard error.
    pub log: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_body_bytes: crate::input::MAX_CONTRACT_JSON_BYTES as usize,
            max_batch_bytes: 64 * 1024 * 1024,
            max_batch_rows: 1_000_000,
            max_concurrent: 256,
            timeout: Duration::from_secs(30),
            cors_origins: Vec::new(),
            log: true,
        }
    }
}

/// What every handler shares: the data and the limits.
struct Shared {
    referentiel: &'static Referentiel,
    config: Config,
    permits: Semaphore,
}

type State = Arc<Shared>;

/// The service's routes and guards over `referentiel`: what [`run`] serves, and what tests serve on a port
/// of their own.
pub fn app(referentiel: &'static Referentiel, config: Config) -> Result<Router, Failure> {
    let cors = cors_layer(&config.cors_origins)?;
    let state = Arc::new(Shared {
        referentiel,
        permits: Semaphore::new(config.max_concurrent.max(1)),
        config,
    });
    let router = Router::new()
        .route("/v1/quote", post(routes::quote))
        .route("/v1/batch", post(batch::batch))
        .route("/v1/lookup", get(routes::lookup))
        .route("/v1/search", get(routes::search))
        .route("/v1/branches", get(routes::branches))
        .route("/v1/editions", get(routes::editions))
        .route("/healthz", get(routes::healthz))
        .route("/openapi.json", get(routes::openapi))
        .fallback(routes::not_found)
        .method_not_allowed_fallback(routes::method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            limits::guard,
        ))
        .with_state(state);
    Ok(match cors {
        Some(cors) => router.layer(cors),
        None => router,
    })
}

fn cors_layer(origins: &[String]) -> Result<Option<CorsLayer>, Failure> {
    if origins.is_empty() {
        return Ok(None);
    }
    let values = origins
        .iter()
        .map(|o| {
            HeaderValue::from_str(o).map_err(|_| {
                Failure::Usage(format!(
                    "--cors-origin « {o} » : une origine comme https://exemple.fr (sans espace ni caractère de contrôle)"
                ))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(values))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([axum::http::header::CONTENT_TYPE]),
    ))
}

/// Serves on `address` until interrupted (Ctrl-C or SIGTERM); requests under way are finished first.
pub fn run(
    address: SocketAddr,
    referentiel: &'static Referentiel,
    config: Config,
) -> Result<(), Failure> {
    let router = app(referentiel, config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::io("runtime", e))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|e| Failure::io(format!("écoute sur {address}"), e))?;
        limits::say(&format!(
            "{{\"event\":\"listening\",\"address\":\"{}\"}}",
            listener.local_addr().map_or(address, |a| a)
        ));
        axum::serve(listener, router)
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(|e| Failure::io("service HTTP", e))
    })
}

async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}
