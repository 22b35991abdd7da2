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

/// What oktakeys adds to a listed key: its role and, with `--retirement`, when it is
/// retirable.
#[derive(Debug, Clone)]
pub(crate) struct KeyNotes {
    pub(crate) role: String,
    /// `(for the table, for JSON)`: `now`/a time/`-`, and the `retirableAt` value.
    pub(crate) retirable: Option<(String, Value)>,
}

impl Printer {
    pub(crate) fn keys(&self, keys: &[Key]) -> Result<()> {
        self.key_list(keys, None)
    }

    /// `keys list`: with `notes` (one per key), a ROLE column, and with retirement a
    /// RETIRABLE column; in JSON, `_oktakeys` only when retirement was asked for, so plain
    /// `-o json` is exactly what Okta sent.
    pub(crate) fn key_list(&self, keys: &[Key], notes: Option<&[KeyNotes]>) -> Result<()> {
        match self.format {
            OutputFormat::Json => {
                let array = Value::Array(
                    keys.iter()
                        .enumerate()
                        .map(|(i, k)| {
                            let mut object = k.raw().clone();
                            let note = notes.and_then(|n| n.get(i));
                            if let Some(KeyNotes {
                                role,
                                retirable: Some((_, at)),
                            }) = note
                            {
                                object.insert(
                                    "_oktakeys".into(),
                                    serde_json::json!({"role": role, "retirableAt": at}),
                                );
                            }
                            Value::Object(object)
                        })
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
                self.data(&render(self.key_table(keys, notes)))
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

    fn key_table(&self, keys: &[Key], notes: Option<&[KeyNotes]>) -> Table {
        let mut header = vec!["ID", "KID", "STATUS"];
        if notes.is_some() {
            header.push("ROLE");
        }
        header.extend(["KTY", "USE", "THUMBPRINT", "CREATED", "LAST UPDATED"]);
        let retirement = notes.is_some_and(|n| n.iter().any(|k| k.retirable.is_some()));
        if retirement {
            header.push("RETIRABLE");
        }
        let mut table = self.new_table(&header);
        for (i, key) in keys.iter().enumerate() {
            let note = notes.and_then(|n| n.get(i));
            let status = Cell::new(escape(key.status()));
            let status = match (self.color, key.status()) {
                (true, "ACTIVE") => status.fg(Color::Green),
                (true, _) => status.fg(Color::DarkGrey),
                (false, _) => status,
            };
            let mut row = vec![
                Cell::new(escape(key.id())),
                Cell::new(escape(key.kid().unwrap_or("-"))),
                status,
            ];
            if let Some(note) = note {
                row.push(Cell::new(&note.role));
            }
            row.extend([
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
            if retirement {
                let at = note
                    .and_then(|n| n.retirable.as_ref())
                    .map(|(t, _)| t.as_str());
                row.push(Cell::new(at.map_or_else(|| "-".into(), short_time)));
            }
            table.add_row(row);
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
