//! The guards around every request: at most `max_concurrent` at once (one more is refused at once with 503,
//! not queued), at most `timeout` until the response's head (a client that sends its body too slowly gets
//! 408), and one log line per request on standard error: route, method, status, duration — never the
//! contract, the query or the body.

use std::io::Write as _;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::problem::Problem;

/// Writes a line on standard error; a closed standard error must not stop the service.
pub fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// The middleware of [`super::app`].
pub async fn guard(State(shared): State<super::State>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| String::from("-"), |p| p.as_str().to_owned());
    let method = request.method().clone();
    let response = match shared.permits.try_acquire() {
        Err(_) => Problem::with(
            StatusCode::SERVICE_UNAVAILABLE,
            "busy",
            format!(
                "le service répond déjà à {} requêtes, son maximum : réessayez dans un instant",
                shared.config.max_concurrent
            ),
        )
        .into_response(),
        Ok(_permit) => match tokio::time::timeout(shared.config.timeout, next.run(request)).await {
            Ok(response) => response,
            Err(_) => Problem::with(
                StatusCode::REQUEST_TIMEOUT,
                "timeout",
                format!(
                    "la requête n'a pas été reçue et traitée en {} s : envoyez-la d'un coup, ou un lot plus petit",
                    shared.config.timeout.as_secs_f64()
                ),
            )
            .into_response(),
        },
    };
    if shared.config.log {
        say(&format!(
            "{{\"route\":{},\"method\":\"{}\",\"status\":{},\"duration_ms\":{:.3}}}",
            serde_json::Value::String(route),
            method,
            response.status().as_u16(),
            started.elapsed().as_secs_f64() * 1000.0
        ));
    }
    response
}
