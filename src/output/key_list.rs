//! Keys as Okta returns them: a table for people, Okta's raw JSON for pipelines, ids for
//! xargs.

use comfy_table::{Cell, Color, Table};
use serde_json::Value;

use super::Printer;
use super::table::render;
use crate::api::Key;
use crate::cli::OutputFormat;
use crate::error::Result;
use crate::escape::escape;

impl Printer {
    pub(crate) fn keys(&self, keys: &[Key]) -> Result<()> {
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
                // Escaped: an id a terminal would act on cannot be used in a request anyway.
                let ids: String = keys
                    .iter()
                    .map(|k| format!("{}\n", escape(k.id())))
                    .collect();
                self.data(&ids)
            }
            OutputFormat::Table => {
                if keys.is_empty() {
                    self.note("No keys.");
                    return Ok(());
                }
                self.data(&render(self.key_table(keys)))
            }
        }
    }

    /// One key: its JSON object with `-o json`, else as a one-row listing.
    pub(crate) fn key(&self, key: &Key) -> Result<()> {
        match self.format {
            OutputFormat::Json => self.json(&Value::Object(key.raw().clone())),
            _ => self.keys(std::slice::from_ref(key)),
        }
    }

    fn key_table(&self, keys: &[Key]) -> Table {
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
            let status = Cell::new(escape(key.status()));
            let status = match (self.color, key.status()) {
                (true, "ACTIVE") => status.fg(Color::Green),
                (true, _) => status.fg(Color::DarkGrey),
                (false, _) => status,
            };
            table.add_row(vec![
                Cell::new(escape(key.id())),
                Cell::new(escape(key.kid().unwrap_or("-"))),
                status,
                Cell::new(escape(key.kty().unwrap_or("-"))),
                Cell::new(escape(key.use_().unwrap_or("-"))),
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

/// `2023-02-21T20:08:24.000Z` → `2023-02-21 20:08:24Z`; anything else unchanged (but
/// escaped).
fn short_time(ts: &str) -> String {
    let ts = &escape(ts);
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
