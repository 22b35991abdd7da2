//! Authorization servers: a table for people, Okta's raw JSON for pipelines, ids for
//! xargs; one server's details for `servers get`.

use serde_json::Value;

use super::Printer;
use super::fit::{Cell, FitTable, Step, shorten};
use crate::api::Key;
use crate::api::servers::AuthServer;
use crate::cli::OutputFormat;
use crate::error::Result;
use crate::escape::escape;

/// What `servers get` shows for people besides the server's row.
pub(crate) struct ServerDetails<'a> {
    pub(crate) server: &'a AuthServer,
    /// The saved keys (`None` when the server fetches its keys from a URL).
    pub(crate) keys: Option<&'a [Key]>,
    pub(crate) longest_lifetime_minutes: Option<u64>,
}

impl Printer {
    pub(crate) fn servers(&self, servers: &[AuthServer]) -> Result<()> {
        match self.format {
            OutputFormat::Json => self.json(&Value::Array(
                servers
                    .iter()
                    .map(|s| Value::Object(s.raw().clone()))
                    .collect(),
            )),
            OutputFormat::Id => {
                let ids: String = servers.iter().map(|s| format!("{}\n", s.id())).collect();
                self.data(&ids)
            }
            OutputFormat::Table => {
                if servers.is_empty() {
                    self.note("No authorization servers.");
                    return Ok(());
                }
                let mut table = FitTable::new(
                    vec!["ID", "NAME", "STATUS", "ENCRYPTION", "KEYS", "ISSUER"],
                    SERVER_STEPS.to_vec(),
                );
                for s in servers {
                    let name = escape(s.name());
                    table.add_row(vec![
                        Cell::whole(escape(s.id())),
                        Cell::forms(vec![
                            name.to_string(),
                            shorten(&name, 16),
                            shorten(&name, 8),
                        ]),
                        Cell::whole(escape(s.status())),
                        Cell::whole(escape(s.encryption().unwrap_or("off"))),
                        Cell::whole(if s.jwks_uri().is_some() {
                            "url"
                        } else {
                            "saved"
                        }),
                        Cell::whole(escape(s.issuer().unwrap_or("-"))),
                    ]);
                }
                self.fitted(table)
            }
        }
    }

    /// One server: Okta's object with `-o json`, its id with `-o id`, else its row.
    pub(crate) fn server(&self, server: &AuthServer) -> Result<()> {
        match self.format {
            OutputFormat::Json => self.json(&Value::Object(server.raw().clone())),
            OutputFormat::Id => self.data(&format!("{}\n", server.id())),
            OutputFormat::Table => self.servers(std::slice::from_ref(server)),
        }
    }

    /// `servers get` for people: the server's row, then the details.
    pub(crate) fn server_details(&self, details: &ServerDetails<'_>) -> Result<()> {
        self.server(details.server)?;
        self.data(&details_text(details))
    }
}

/// What the server table leaves out first on a narrow terminal: long names are cut, then
/// KEYS, ISSUER (`servers get` shows it) and STATUS go, names are cut shorter, and
/// ENCRYPTION goes. The ID always stays.
const SERVER_STEPS: [Step; 6] = [
    Step::Shorten("NAME"),
    Step::Drop("KEYS"),
    Step::Drop("ISSUER"),
    Step::Drop("STATUS"),
    Step::Shorten("NAME"),
    Step::Drop("ENCRYPTION"),
];

fn details_text(details: &ServerDetails<'_>) -> String {
    let server = details.server;
    let mut lines = vec![(
        "Encryption",
        match server.encryption() {
            Some(alg) => format!(
                "{} (access tokens are encrypted to the ACTIVE key)",
                escape(alg)
            ),
            None => "off (access tokens are signed JWTs, not encrypted)".into(),
        },
    )];
    match (details.keys, server.jwks_uri()) {
        (_, Some(uri)) => lines.push(("Keys", format!("from {}", escape(uri)))),
        (Some(keys), None) => {
            let active = keys.iter().find(|k| k.is_active());
            lines.push((
                "Active key",
                match active {
                    Some(k) => format!(
                        "{} (kid {}), active since {}",
                        escape(k.id()),
                        escape(k.kid().unwrap_or("-")),
                        escape(k.last_updated().unwrap_or("-"))
                    ),
                    None => "none".into(),
                },
            ));
            lines.push(("Keys", format!("{} saved", keys.len())));
        }
        (None, None) => {}
    }
    lines.push((
        "Longest access-token lifetime",
        match details.longest_lifetime_minutes {
            Some(m) => format!("{m} minutes (over the ACTIVE rules of ACTIVE policies)"),
            None => "none set (no ACTIVE rule of an ACTIVE policy gives one)".into(),
        },
    ));
    let width = lines.iter().map(|(k, _)| k.len()).max().unwrap_or(0) + 1;
    let mut text = String::from("\n");
    for (label, value) in lines {
        text.push_str(&format!("{:<width$} {value}\n", format!("{label}:")));
    }
    text
}
