//! The report of `keys verify`: one line per check (`ok`, `FAIL`, or `skip` after a failure
//! that makes it meaningless), or the same as one JSON object with `-o json`.

use serde_json::{Value, json};

use super::Printer;
use crate::cli::OutputFormat;
use crate::error::Result;
use crate::escape::escape;

/// One check and how it went.
#[derive(Debug, Clone)]
pub(crate) struct Check {
    /// Its name in JSON (`jwe`, `kid`, `decrypt`, `signature`, `iss`, `exp`).
    pub(crate) id: &'static str,
    /// `Some(true)` passed, `Some(false)` failed, `None` not run.
    pub(crate) passed: Option<bool>,
    /// What was found, in words (no secret: kids, algorithms, claims' values).
    pub(crate) detail: String,
}

impl Check {
    pub(crate) fn pass(id: &'static str, detail: impl Into<String>) -> Self {
        Check {
            id,
            passed: Some(true),
            detail: detail.into(),
        }
    }
    pub(crate) fn fail(id: &'static str, detail: impl Into<String>) -> Self {
        Check {
            id,
            passed: Some(false),
            detail: detail.into(),
        }
    }
    pub(crate) fn skip(id: &'static str, detail: impl Into<String>) -> Self {
        Check {
            id,
            passed: None,
            detail: detail.into(),
        }
    }
}

/// The whole report.
pub(crate) struct Report<'a> {
    pub(crate) auth_server: &'a str,
    pub(crate) client_id: &'a str,
    pub(crate) checks: &'a [Check],
}

impl Report<'_> {
    pub(crate) fn passed(&self) -> bool {
        self.checks.iter().all(|c| c.passed == Some(true))
    }
}

impl Printer {
    pub(crate) fn check_report(&self, report: &Report<'_>) -> Result<()> {
        match self.format {
            OutputFormat::Json => self.json(&json!({
                "auth_server": report.auth_server,
                "client_id": report.client_id,
                "passed": report.passed(),
                "checks": report.checks.iter().map(|c| json!({
                    "check": c.id,
                    "passed": c.passed,
                    "detail": c.detail,
                })).collect::<Vec<Value>>(),
            })),
            _ => {
                let text: String = report
                    .checks
                    .iter()
                    .map(|c| {
                        let mark = match c.passed {
                            Some(true) => "ok  ",
                            Some(false) => "FAIL",
                            None => "skip",
                        };
                        format!("{mark}  {:<9}  {}\n", c.id, escape(&c.detail))
                    })
                    .collect();
                self.data(&text)
            }
        }
    }
}
