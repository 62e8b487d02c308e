//! `POST /v1/batch`: the batch CSV of `coutcontrat batch` in (at most `max_batch_rows` rows), the same CSV
//! with its figures out, streamed as the rows are quoted.
//!
//! The body is read whole first (at most `max_batch_bytes`) so that a refusal (too many rows, a bad header)
//! is a status and an error JSON, not a response cut short; the rows are then quoted on a blocking thread by
//! the CLI's own [`crate::batch::run_io`], whose output goes to the client in chunks.

use std::io::{self, Write};

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use coutcontrat::Quoter;
use tokio::sync::{mpsc, oneshot};
use tokio_stream::wrappers::ReceiverStream;

use super::problem::Problem;
use super::routes::{read_body, require_type};
use crate::batch::{run_io, Messages};
use crate::failure::Failure;

/// The size of a chunk sent to the client.
const CHUNK: usize = 64 * 1024;

/// The rows of a CSV text, its header line not counted: its lines (a last one without a newline included).
/// A cell holding a line break counts twice, which errs on the side of refusing.
fn rows(bytes: &[u8]) -> u64 {
    let newlines = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
    let unterminated = u64::from(!bytes.is_empty() && !bytes.ends_with(b"\n"));
    (newlines + unterminated).saturating_sub(1)
}

/// A writer that sends what it is given to the response's body, a chunk at a time.
struct ToClient {
    buffer: Vec<u8>,
    sender: mpsc::Sender<Result<Bytes, io::Error>>,
}

impl ToClient {
    fn send(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::take(&mut self.buffer));
        self.sender
            .blocking_send(Ok(chunk))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "le client est parti"))
    }
}

impl Write for ToClient {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(data);
        if self.buffer.len() >= CHUNK {
            self.send()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

impl Drop for ToClient {
    fn drop(&mut self) {
        let _ = self.send();
    }
}

/// The handler.
pub async fn batch(
    State(shared): State<super::State>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, Problem> {
    require_type(&headers, &["text/csv"])?;
    let bytes = read_body(body, shared.config.max_batch_bytes).await?;
    let max = shared.config.max_batch_rows;
    let count = rows(&bytes);
    if count > max {
        return Err(Problem::with(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_many_rows",
            format!(
                "le lot a {count} lignes, plus que les {max} permises ici : coupez-le en lots plus petits, ou \
                 chiffrez-le avec `coutcontrat batch`"
            ),
        ));
    }
    let (started_tx, started_rx) = oneshot::channel::<()>();
    let (sender, receiver) = mpsc::channel(4);
    let referentiel = shared.referentiel;
    let work = tokio::task::spawn_blocking(move || {
        let quoter = Quoter::new(referentiel).without_details();
        let mut log = io::sink();
        let output = move || {
            let _ = started_tx.send(());
            Ok::<_, Failure>(ToClient {
                buffer: Vec::with_capacity(CHUNK),
                sender,
            })
        };
        run_io(
            bytes.as_ref(),
            "corps de la requête",
            output,
            "réponse",
            None,
            &quoter,
            Messages::quiet(&mut log),
        )
    });
    if started_rx.await.is_err() {
        // The header was refused before any output: the failure is the response.
        let failure = match work.await {
            Ok(Err(failure)) => failure,
            Ok(Ok(_)) | Err(_) => Failure::Other {
                code: "io",
                message: "le lot n'a pas pu être chiffré".into(),
            },
        };
        let mut problem = Problem::of(failure);
        if problem.status == StatusCode::BAD_REQUEST {
            problem.status = StatusCode::UNPROCESSABLE_ENTITY;
        }
        return Err(problem);
    }
    let mut response = Body::from_stream(ReceiverStream::new(receiver)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::rows;

    #[test]
    fn rows_are_lines_after_the_header() {
        assert_eq!(rows(b""), 0);
        assert_eq!(rows(b"a,b\n"), 0);
        assert_eq!(rows(b"a,b\n1,2"), 1);
        assert_eq!(rows(b"a,b\n1,2\n3,4\n"), 2);
    }
}
