//! What `--dry-run` prints instead of sending.

use serde_json::json;

use super::{Printer, json};
use crate::cli::OutputFormat;
use crate::error::Result;
use crate::http::Request;

impl Printer {
    /// Method, URL and body: one JSON object with `-o json`, else as HTTP reads.
    pub(crate) fn dry_run(&self, request: &Request, base: &url::Url) -> Result<()> {
        let url = request.url(base);
        match self.format {
            OutputFormat::Json => self.json(&json!({
                "dryRun": true,
                "method": request.method.as_str(),
                "url": url.as_str(),
                "body": request.body,
            })),
            _ => {
                let mut text = format!("{} {url}\n", request.method);
                if let Some(body) = &request.body {
                    let pretty = json::pretty(body)?;
                    text.push_str(&format!("Content-Type: application/json\n\n{pretty}\n"));
                }
                self.data(&text)?;
                self.note("(dry run: nothing was sent)");
                Ok(())
            }
        }
    }
}
