//! Why one attempt produced no usable answer, classified by whether the request may have
//! reached the server: made by `attempt`, logged by `log`, acted on by `retry`.

use crate::error::Error;

/// Why one attempt produced no usable answer.
#[derive(Debug)]
pub(super) enum Failure {
    /// The connection could not be opened: the request surely never left.
    NotSent(Error),
    /// The request may have reached Okta (dropped connection, timeout).
    Unsure(Error),
    /// Out of time for the whole command; the request may have reached Okta.
    Deadline(Error),
    /// Retrying cannot help (an untrusted certificate, an oversized body).
    Fatal(Error),
}

impl Failure {
    pub(super) fn error(&self) -> &Error {
        match self {
            Failure::NotSent(e) | Failure::Unsure(e) | Failure::Deadline(e) | Failure::Fatal(e) => {
                e
            }
        }
    }

    pub(super) fn into_error(self) -> Error {
        match self {
            Failure::NotSent(e) | Failure::Unsure(e) | Failure::Deadline(e) | Failure::Fatal(e) => {
                e
            }
        }
    }
}
