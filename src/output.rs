//! Rendering: tables for people, Okta's raw JSON for pipelines, ids for xargs; and the
//! one place errors are reported. Data goes to stdout; everything for people to stderr.

use std::io::{IsTerminal, Write};

use comfy_table::{Cell, Color, ContentArrangement, Table, presets};
use serde_json::{Value, json};

use crate::api::Key;
use crate::cli::{ColorChoice, GlobalArgs, OutputFormat};
use crate::client::Request;
use crate::config::env;
use crate::error::{Error, Result};

/// Decides, per call site, what goes to stdout and stderr.
#[derive(Debug, Clone)]
pub struct Printer {
    pub format: OutputFormat,
    color: bool,
    stdout_is_terminal: bool,
    quiet: bool,
}

impl Printer {
    pub fn new(global: &GlobalArgs) -> Self {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        Printer {
            format: global.output.unwrap_or(OutputFormat::Table),
            color: use_color(global.color, stdout_is_terminal),
            stdout_is_terminal,
            quiet: global.quiet,
        }
    }

    /// A note for the person at the terminal (stderr), unless `--quiet`.
    pub fn note(&self, message: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", message.as_ref());
        }
    }

    pub fn keys(&self, keys: &[Key]) -> Result<()> {
        match self.format {
            OutputFormat::Json => {
                let array = Value::Array(
                    keys.iter()
                        .map(|k| Value::Object(k.raw().clone()))
                        .collect(),
                );
                self.json(&array)
            }
            OutputFormat::Id => {
                let ids: String = keys.iter().map(|k| format!("{}\n", k.id())).collect();
                write_stdout(&ids)
            }
            OutputFormat::Table => {
                if keys.is_empty() {
                    self.note("No keys.");
                    return Ok(());
                }
                write_stdout(&render(self.table(keys)))
            }
        }
    }

    pub fn key(&self, key: &Key) -> Result<()> {
        match self.format {
            OutputFormat::Json => self.json(&Value::Object(key.raw().clone())),
            _ => self.keys(std::slice::from_ref(key)),
        }
    }

    /// A plain table on stdout, in the same style as the key table.
    pub fn rows(&self, header: &[&str], rows: &[Vec<String>]) -> Result<()> {
        let mut table = self.new_table(header);
        for row in rows {
            table.add_row(row.iter().map(Cell::new));
        }
        write_stdout(&render(table))
    }

    /// An empty table in the one style: a header row (bold with colour), no borders;
    /// fitted to the terminal's width only when the terminal reports one (a
    /// pseudo-terminal that says 0 columns would squeeze every column to one character).
    fn new_table(&self, header: &[&str]) -> Table {
        let mut table = Table::new();
        table.load_style(presets::NOTHING);
        if self.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        let fits = self.stdout_is_terminal && table.width().is_some_and(|w| w > 0);
        table.set_content_arrangement(if fits {
            ContentArrangement::Dynamic
        } else {
            ContentArrangement::Disabled
        });
        table.set_header(header.iter().map(|h| {
            let cell = Cell::new(h);
            if self.color {
                cell.add_attribute(comfy_table::Attribute::Bold)
            } else {
                cell
            }
        }));
        table
    }

    /// JSON on stdout: pretty on a terminal, compact when piped.
    pub fn json(&self, value: &Value) -> Result<()> {
        let text = if self.stdout_is_terminal {
            serde_json::to_string_pretty(value)
        } else {
            serde_json::to_string(value)
        }
        .map_err(|e| Error::Internal(format!("cannot render JSON: {e}")))?;
        write_stdout(&format!("{text}\n"))
    }

    /// What `--dry-run` prints instead of sending: method, URL and body.
    pub fn dry_run(&self, request: &Request, base: &url::Url) -> Result<()> {
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
                    let pretty = serde_json::to_string_pretty(body)
                        .map_err(|e| Error::Internal(format!("cannot render JSON: {e}")))?;
                    text.push_str(&format!("Content-Type: application/json\n\n{pretty}\n"));
                }
                write_stdout(&text)?;
                self.note("(dry run: nothing was sent)");
                Ok(())
            }
        }
    }

    fn table(&self, keys: &[Key]) -> Table {
        let mut table = self.new_table(&[
            "ID",
            "KID",
            "STATUS",
            "KTY",
            "USE",
            "THUMBPRINT",
            "CREATED",
            "LAST UPDATED",
        ]);
        for key in keys {
            let status = Cell::new(key.status());
            let status = match (self.color, key.status()) {
                (true, "ACTIVE") => status.fg(Color::Green),
                (true, _) => status.fg(Color::DarkGrey),
                (false, _) => status,
            };
            table.add_row(vec![
                Cell::new(key.id()),
                Cell::new(key.kid().unwrap_or("-")),
                status,
                Cell::new(key.kty().unwrap_or("-")),
                Cell::new(key.use_().unwrap_or("-")),
                Cell::new(
                    key.thumbprint()
                        .map(|t| shorten(&t, 12))
                        .unwrap_or_else(|| "-".into()),
                ),
                Cell::new(key.created().map(short_time).unwrap_or_else(|| "-".into())),
                Cell::new(
                    key.last_updated()
                        .map(short_time)
                        .unwrap_or_else(|| "-".into()),
                ),
            ]);
        }
        table
    }
}

/// A table as text: two spaces between columns, none at the edges (as kubectl prints).
fn render(mut table: Table) -> String {
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
    }
    table
        .lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect()
}

fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal
                && std::env::var_os(env::NO_COLOR).is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

/// `2023-02-21T20:08:24.000Z` → `2023-02-21 20:08:24Z`; anything else unchanged.
fn short_time(ts: &str) -> String {
    match ts.split_once('T') {
        Some((date, time)) if time.ends_with('Z') => {
            let time = time.trim_end_matches('Z');
            let time = time.split_once('.').map_or(time, |(whole, _)| whole);
            format!("{date} {time}Z")
        }
        _ => ts.to_string(),
    }
}

fn shorten(s: &str, keep: usize) -> String {
    match s.char_indices().nth(keep) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

/// Write to stdout; a closed pipe (`| head`) becomes `Error::BrokenPipe`, which ends quietly.
pub fn write_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Print an error for people (one paragraph) or, with `-o json`, as one JSON object.
pub fn report_error(err: &Error, json_output: bool) {
    if matches!(err, Error::BrokenPipe | Error::Reported(_)) {
        return;
    }
    let text = if json_output {
        error_json(err).to_string()
    } else {
        error_paragraph(err)
    };
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// The error as people read it: what failed, Okta's code, summary and causes, the
/// request id, and what to do next.
pub fn error_paragraph(err: &Error) -> String {
    let mut lines = vec![format!("error: {err}")];
    if let Error::Api(api) = err {
        match (&api.error_code, &api.error_summary) {
            (Some(code), Some(summary)) => lines.push(format!("  {code}: {summary}")),
            (None, Some(summary)) => lines.push(format!("  {summary}")),
            (Some(code), None) => lines.push(format!("  {code}")),
            (None, None) => {}
        }
        for cause in &api.error_causes {
            lines.push(format!("  - {cause}"));
        }
        if let Some(snippet) = &api.body_snippet {
            lines.push(format!("  response: {snippet}"));
        }
        if api.attempts > 1 {
            lines.push(format!("  (after {} attempts)", api.attempts));
        }
        if let Some(why) = &api.gave_up {
            lines.push(format!("  ({why})"));
        }
        if let Some(id) = &api.request_id {
            lines.push(format!("  request id: {id}"));
        }
    }
    if let Some(hint) = err.hint() {
        lines.push(format!("  hint: {hint}"));
    }
    lines.join("\n")
}

/// `{"error":{"exit_code":…,"status":…,"errorCode":…,"errorSummary":…,"errorCauses":[…],"requestId":…}}`
pub fn error_json(err: &Error) -> Value {
    let mut body = json!({
        "exit_code": err.exit_code(),
        "status": null,
        "errorCode": null,
        "errorSummary": null,
        "errorCauses": [],
        "requestId": null,
        "message": err.to_string(),
        "hint": err.hint(),
    });
    if let Error::Api(api) = err {
        body["status"] = json!(api.status);
        body["errorCode"] = json!(api.error_code);
        body["errorSummary"] = json!(api.error_summary);
        body["errorCauses"] = Value::Array(
            api.error_causes
                .iter()
                .map(|c| json!({ "errorSummary": c }))
                .collect(),
        );
        body["requestId"] = json!(api.request_id);
        if let Some(snippet) = &api.body_snippet {
            body["response"] = json!(snippet);
        }
    }
    json!({ "error": body })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_thumbprints_are_shortened() {
        assert_eq!(
            short_time("2023-02-21T20:08:24.000Z"),
            "2023-02-21 20:08:24Z"
        );
        assert_eq!(short_time("yesterday"), "yesterday");
        assert_eq!(shorten("abcdefghijklmnop", 4), "abcd…");
        assert_eq!(shorten("abc", 4), "abc");
    }
}
