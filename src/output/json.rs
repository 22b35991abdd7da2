//! JSON on stdout: pretty on a terminal, compact when piped; through `--jq` when given.

use serde_json::Value;

use super::Printer;
use crate::error::{Error, Result};

impl Printer {
    pub(crate) fn json(&self, value: &Value) -> Result<()> {
        if let Some(expr) = &self.jq {
            return self.data(&super::jq::run(expr, value)?);
        }
        let text = if self.stdout_is_terminal {
            pretty(value)?
        } else {
            serde_json::to_string(value).map_err(cannot_render)?
        };
        self.data(&format!("{text}\n"))
    }
}

/// Indented JSON, for people.
pub(super) fn pretty(value: &Value) -> Result<String> {
    serde_json::to_string_pretty(value).map_err(cannot_render)
}

fn cannot_render(e: serde_json::Error) -> Error {
    Error::Internal(format!("cannot render JSON: {e}"))
}
