//! Keys as Okta returns them: a table for people, Okta's raw JSON for pipelines, ids for
//! xargs, a JWKS of their public members.

use comfy_table::Color;
use serde_json::Value;

use super::Printer;
use super::fit::{Cell, FitTable, Step, shorten};
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
    /// `keys list`: with `notes` (one per key), a ROLE column, and with retirement a
    /// RETIRABLE column; in JSON, `_oktakeys` only when retirement was asked for, so plain
    /// `-o json` is exactly what Okta sent.
    pub(crate) fn key_list(&self, keys: &[Key], notes: &[KeyNotes]) -> Result<()> {
        if self.jwks {
            return self.json(&jwks(keys));
        }
        match self.format {
            OutputFormat::Json => {
                let array = Value::Array(
                    keys.iter()
                        .enumerate()
                        .map(|(i, k)| {
                            let mut object = k.raw().clone();
                            let note = notes.get(i);
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
                self.fitted(key_table(keys, notes))
            }
        }
    }

    /// The keys of several servers, each with its keys' roles: one JSON object keyed by
    /// server id (each value Okta's array as received, or a JWKS with `-o jwks`),
    /// `SERVER_ID KEY_ID` lines, or the table with an AUTH SERVER column.
    pub(crate) fn server_keys(&self, listed: &[(&str, Vec<Key>, Vec<String>)]) -> Result<()> {
        match self.format {
            OutputFormat::Json => {
                let object = listed
                    .iter()
                    .map(|(server, keys, _)| {
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
                    .flat_map(|(server, keys, _)| {
                        keys.iter()
                            .map(move |k| format!("{} {}\n", escape(server), escape(k.id())))
                    })
                    .collect();
                self.data(&lines)
            }
            OutputFormat::Table => {
                if listed.iter().all(|(_, keys, _)| keys.is_empty()) {
                    self.note("No keys.");
                    return Ok(());
                }
                let mut columns = vec!["AUTH SERVER"];
                columns.extend(key_columns(false));
                let roles_known = listed
                    .iter()
                    .all(|(_, _, roles)| roles.iter().all(|r| r != "-"));
                let mut table = FitTable::new(columns, key_steps(roles_known));
                for (server, keys, roles) in listed {
                    for (key, role) in keys.iter().zip(roles) {
                        let note = KeyNotes {
                            role: role.clone(),
                            retirable: None,
                        };
                        let mut row = vec![Cell::whole(escape(server))];
                        row.extend(key_row(key, &note, false));
                        table.add_row(row);
                    }
                }
                self.fitted(table)
            }
        }
    }

    /// One key: its JSON object with `-o json`, else as a one-row listing with its role.
    pub(crate) fn key(&self, key: &Key, role: &str) -> Result<()> {
        match self.format {
            OutputFormat::Json => self.json(&Value::Object(key.raw().clone())),
            _ => self.key_list(
                std::slice::from_ref(key),
                &[KeyNotes {
                    role: role.to_string(),
                    retirable: None,
                }],
            ),
        }
    }
}

/// The key table; STATUS may be left out on a narrow terminal when every key's ROLE
/// says it (current is ACTIVE, next and previous are INACTIVE).
fn key_table(keys: &[Key], notes: &[KeyNotes]) -> FitTable {
    let retirement = notes.iter().any(|k| k.retirable.is_some());
    let roles_known = notes.iter().all(|k| k.role != "-");
    let mut table = FitTable::new(key_columns(retirement), key_steps(roles_known));
    for (key, note) in keys.iter().zip(notes) {
        table.add_row(key_row(key, note, retirement));
    }
    table
}

/// One key's cells, with its ROLE, and its RETIRABLE time when retirement was asked
/// for. Times and the thumbprint have shorter forms.
fn key_row(key: &Key, note: &KeyNotes, retirement: bool) -> Vec<Cell> {
    let status_color = match key.status() {
        "ACTIVE" => Color::Green,
        _ => Color::DarkGrey,
    };
    let time = |ts: Option<&str>| match ts {
        Some(ts) => Cell::forms(vec![short_time(ts), date_only(ts)]),
        None => Cell::whole("-"),
    };
    let mut row = vec![
        Cell::whole(escape(key.id())),
        Cell::whole(escape(key.kid().unwrap_or("-"))),
        Cell::whole(escape(key.status())).color(Some(status_color)),
        Cell::whole(&note.role),
    ];
    row.extend([
        Cell::whole(escape(key.kty().unwrap_or("-"))),
        Cell::whole(escape(key.use_().unwrap_or("-"))),
        match key.thumbprint() {
            Some(t) => Cell::forms(vec![shorten(&t, 12), shorten(&t, 6)]),
            None => Cell::whole("-"),
        },
        time(key.created()),
        time(key.last_updated()),
    ]);
    if retirement {
        let at = note.retirable.as_ref().map(|(t, _)| t.as_str());
        row.push(Cell::whole(at.map_or_else(|| "-".into(), short_time)));
    }
    row
}

/// What a key table gives up first on a narrow terminal: times become dates, LAST
/// UPDATED goes, the thumbprint gets shorter, then USE, KTY, THUMBPRINT and CREATED go,
/// and STATUS when the roles say it. ID, KID, ROLE and RETIRABLE always stay.
fn key_steps(status_in_roles: bool) -> Vec<Step> {
    let mut steps = vec![
        Step::Shorten("LAST UPDATED"),
        Step::Shorten("CREATED"),
        Step::Drop("LAST UPDATED"),
        Step::Shorten("THUMBPRINT"),
        Step::Drop("USE"),
        Step::Drop("KTY"),
        Step::Drop("THUMBPRINT"),
        Step::Drop("CREATED"),
    ];
    if status_in_roles {
        steps.push(Step::Drop("STATUS"));
    }
    steps
}

/// The table's columns: ROLE after STATUS, RETIRABLE last when retirement was asked for.
fn key_columns(retirement: bool) -> Vec<&'static str> {
    let mut columns = vec![
        "ID",
        "KID",
        "STATUS",
        "ROLE",
        "KTY",
        "USE",
        "THUMBPRINT",
        "CREATED",
        "LAST UPDATED",
    ];
    if retirement {
        columns.push("RETIRABLE");
    }
    columns
}

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

/// `2023-02-21T20:08:24.000Z` → `2023-02-21`; anything else as [`short_time`] has it.
fn date_only(ts: &str) -> String {
    match ts.split_once('T') {
        Some((date, time)) if time.ends_with('Z') => escape(date).into_owned(),
        _ => short_time(ts),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shortened() {
        assert_eq!(
            short_time("2023-02-21T20:08:24.000Z"),
            "2023-02-21 20:08:24Z"
        );
        assert_eq!(short_time("yesterday"), "yesterday");
        assert_eq!(date_only("2023-02-21T20:08:24.000Z"), "2023-02-21");
        assert_eq!(date_only("yesterday"), "yesterday");
    }
}
