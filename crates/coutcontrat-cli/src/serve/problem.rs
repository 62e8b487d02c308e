//! A failure as an HTTP response: the CLI's error JSON (`{"error": {"code", "field", "message",
//! "candidates"}}`) with the status that says whose fault it is. Never a stack trace: the message is the
//! library's sentence, written for the caller.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use coutcontrat::error::ErrorKind;

use crate::failure::Failure;

/// A refused request.
#[derive(Debug)]
pub struct Problem {
    /// The HTTP status.
    pub status: StatusCode,
    /// What the CLI would have said.
    pub failure: Failure,
}

impl Problem {
    /// A failure with the status its kind implies: 422 for a contract the rules refuse, 400 for a request
    /// that is malformed, 500 when the data itself fails.
    pub fn of(failure: Failure) -> Problem {
        let status = match &failure {
            Failure::Lib(e) if e.is_input() => StatusCode::UNPROCESSABLE_ENTITY,
            Failure::Usage(_) | Failure::Invalid { .. } => StatusCode::BAD_REQUEST,
            Failure::Lib(_) | Failure::Other { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        };
        Problem { status, failure }
    }

    /// A failure with a status of its own and a stable code.
    pub fn with(status: StatusCode, code: &'static str, message: String) -> Problem {
        Problem {
            status,
            failure: Failure::Invalid { code, message },
        }
    }

    /// A lookup whose certification or branch is not in the référentiel: 404, the resource does not exist.
    pub fn of_lookup(failure: Failure) -> Problem {
        let missing = matches!(&failure, Failure::Lib(e) if matches!(
            e.kind(),
            ErrorKind::UnknownBranch | ErrorKind::CertificationNotInEdition
        ));
        let mut problem = Problem::of(failure);
        if missing {
            problem.status = StatusCode::NOT_FOUND;
        }
        problem
    }
}

impl From<Failure> for Problem {
    fn from(failure: Failure) -> Problem {
        Problem::of(failure)
    }
}

impl From<coutcontrat::Error> for Problem {
    fn from(e: coutcontrat::Error) -> Problem {
        Problem::of(Failure::Lib(e))
    }
}

/// A JSON body with its content type.
pub fn json_response(status: StatusCode, body: String) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = serde_json::to_string_pretty(&self.failure.to_json())
            .unwrap_or_else(|_| String::from("{\"error\":{\"code\":\"io\"}}"));
        json_response(self.status, body)
    }
}
