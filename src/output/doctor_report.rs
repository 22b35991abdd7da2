//! The report of `oktakeys doctor`: one line per check (`ok`, `warn`, `FAIL`, `skip`), or
//! one JSON object with `-o json`.

use serde_json::json;

use super::Printer;
use crate::cli::OutputFormat;
use crate::error::{Error, Result};
use crate::escape::escape;

/// How one check went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    Ok,
    /// Works, but worth fixing (e.g. a clock off Okta's).
    Warn,
    /// Failed, with the exit code this failure means.
    Fail(u8),
    /// Not run: an earlier failure makes it meaningless, or it cannot be seen.
    Skip,
}

/// One check: its name, how it went, what was found (never a secret).
#[derive(Debug, Clone)]
pub(crate) struct DoctorCheck {
    pub(crate) id: &'static str,
    pub(crate) status: Status,
    pub(crate) detail: String,
}

impl DoctorCheck {
    pub(crate) fn ok(id: &'static str, detail: impl Into<String>) -> Self {
        Self::new(id, Status::Ok, detail)
    }
    pub(crate) fn warn(id: &'static str, detail: impl Into<String>) -> Self {
        Self::new(id, Status::Warn, detail)
    }
    pub(crate) fn fail(id: &'static str, code: u8, detail: impl Into<String>) -> Self {
        Self::new(id, Status::Fail(code), detail)
    }
    /// Failed with `error`: its message, its hint, and its exit code.
    pub(crate) fn failed(id: &'static str, error: &Error) -> Self {
        let hint = error
            .hint()
            .map(|h| format!(" (hint: {h})"))
            .unwrap_or_default();
        Self::fail(id, error.exit_code(), format!("{error}{hint}"))
    }
    /// Not run after an earlier failure.
    pub(crate) fn skip(id: &'static str) -> Self {
        Self::new(id, Status::Skip, "not checked (an earlier check failed)")
    }
    pub(crate) fn skip_because(id: &'static str, detail: impl Into<String>) -> Self {
        Self::new(id, Status::Skip, detail)
    }
    fn new(id: &'static str, status: Status, detail: impl Into<String>) -> Self {
        DoctorCheck {
            id,
            status,
            detail: detail.into(),
        }
    }
}

impl Printer {
    pub(crate) fn doctor_report(&self, checks: &[DoctorCheck]) -> Result<()> {
        let word = |s: Status| match s {
            Status::Ok => "ok",
            Status::Warn => "warn",
            Status::Fail(_) => "FAIL",
            Status::Skip => "skip",
        };
        match self.format {
            OutputFormat::Json => {
                let failed = checks.iter().find_map(|c| match c.status {
                    Status::Fail(code) => Some(code),
                    _ => None,
                });
                self.json(&json!({
                    "passed": failed.is_none(),
                    "exit_code": failed.unwrap_or(0),
                    "checks": checks.iter().map(|c| json!({
                        "check": c.id,
                        "status": word(c.status).to_ascii_lowercase(),
                        "detail": c.detail,
                    })).collect::<Vec<_>>(),
                }))
            }
            _ => {
                let text: String = checks
                    .iter()
                    .map(|c| {
                        format!(
                            "{:<4}  {:<11}  {}\n",
                            word(c.status),
                            c.id,
                            escape(&c.detail)
                        )
                    })
                    .collect();
                self.data(&text)
            }
        }
    }
}
