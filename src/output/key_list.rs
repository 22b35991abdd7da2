//! Keys as Okta returns them: a table for people, Okta's raw JSON for pipelines, ids for
//! xargs, a JWKS of their public members.

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
        if self.jwks {
            return self.json(&jwks(keys));
        }
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

    /// The keys of several servers: one JSON object keyed by server id (each value Okta's
    /// array as received, or a JWKS with `-o jwks`), `SERVER_ID KEY_ID` lines, or the
    /// table with an AUTH SERVER column.
    pub(crate) fn server_keys(&self, listed: &[(&str, Vec<Key>)]) -> Result<()> {
        match self.format {
            OutputFormat::Json => {
                let object = listed
                    .iter()
                    .map(|(server, keys)| {
                        let value = if self.jwks {
                            jwks(keys)
                        } else {
                            Value::Array(
                                keys.iter()
                                    .map(|k| Value::Object(k.raw().clone()))
                                    .collect(),
                            )
                        };
                        (server.to_string(), value)
                    })
                    .collect();
                self.json(&Value::Object(object))
            }
            OutputFormat::Id => {
                let lines: String = listed
                    .iter()
                    .flat_map(|(server, keys)| {
                        keys.iter()
                            .map(move |k| format!("{} {}\n", escape(server), escape(k.id())))
                    })
                    .collect();
                self.data(&lines)
            }
            OutputFormat::Table => {
                if listed.iter().all(|(_, keys)| keys.is_empty()) {
                    self.note("No keys.");
                    return Ok(());
                }
                let mut columns = vec!["AUTH SERVER"];
                columns.extend(KEY_COLUMNS);
                let mut table = self.new_table(&columns);
                for (server, keys) in listed {
                    for key in keys {
                        let mut row = vec![Cell::new(escape(server))];
                        row.extend(self.key_row(key));
                        table.add_row(row);
                    }
                }
                self.data(&render(table))
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
        let mut table = self.new_table(&KEY_COLUMNS);
        for key in keys {
            table.add_row(self.key_row(key));
        }
        table
    }

    fn key_row(&self, key: &Key) -> Vec<Cell> {
        let status = Cell::new(escape(key.status()));
        let status = match (self.color, key.status()) {
            (true, "ACTIVE") => status.fg(Color::Green),
            (true, _) => status.fg(Color::DarkGrey),
            (false, _) => status,
        };
        vec![
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
        ]
    }
}

const KEY_COLUMNS: [&str; 8] = [
    "ID",
    "KID",
    "STATUS",
    "KTY",
    "USE",
    "THUMBPRINT",
    "CREATED",
    "LAST UPDATED",
];

/// The members a JWKS carries (RFC 7517), the rest of Okta's object (id, status, dates,
/// `_links`) left out.
const JWKS_MEMBERS: [&str; 6] = ["kty", "kid", "use", "e", "n", "alg"];

/// `{"keys":[…]}`: each key's public members, keys and members in Okta's order; what a
/// resource server or a `jwks_uri` host serves.
pub(super) fn jwks(keys: &[Key]) -> Value {
    let keys = keys
        .iter()
        .map(|key| {
            Value::Object(
                key.raw()
                    .iter()
                    .filter(|(name, _)| JWKS_MEMBERS.contains(&name.as_str()))
                    .map(|(name, value)| (name.clone(), value.clone()))
                    .collect(),
            )
        })
        .collect();
    serde_json::json!({ "keys": Value::Array(keys) })
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
