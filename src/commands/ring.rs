//! `oktakeys keys ring check|list|prune|import|export`: the resource server's key ring
//! against the keys Okta holds. One list request, then local work (and the ring written
//! back); `export` (`ring/export.rs`) reads the ring only.

mod export;

use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};

use super::connection::Connection;
use super::private_key::read_decryption_key;
use crate::api;
use crate::cli::{
    GlobalArgs, OutputFormat, RingArg, RingArgs, RingCheckArgs, RingCommand, RingPruneArgs,
};
use crate::client::Client;
use crate::config::{ProcessEnv, Settings};
use crate::error::{Error, Result};
use crate::escape::escape;
use crate::http::Progress;
use crate::output::Printer;
use crate::ring::{self, DEFAULT_ALG, Held, Location, Ring, RingKey, Status, Store};
use crate::rotate::{self, KeyView, Retirement};
use crate::time::Timestamp;
use keymaterial::keys::DecryptionKey;

pub(crate) async fn run(global: &GlobalArgs, flag: Option<&str>, args: RingArgs) -> Result<()> {
    if let RingCommand::Export(a) = &args.command {
        return export::run(global, flag, a).await;
    }
    let printer = Printer::new(global);
    let settings = Settings::resolve(global, flag, &ProcessEnv)?;
    let value = super::auth_server::which_server(&settings)?.to_string();
    let (flag, encrypt) = match &args.command {
        RingCommand::Check(a) | RingCommand::List(a) => (&a.ring, false),
        RingCommand::Prune(a) => (&a.check.ring, false),
        RingCommand::Import(a) => (&a.ring, a.encrypt_ring),
        RingCommand::Export(a) => (&a.ring, false),
    };
    let configured = required_location(flag, &settings)?;
    // Everything local first: an unusable key file stops the import before any request.
    let imported = match &args.command {
        RingCommand::Import(a) => a
            .files
            .iter()
            .map(|f| Ok((f.display().to_string(), read_decryption_key(f)?)))
            .collect::<Result<Vec<_>>>()?,
        _ => Vec::new(),
    };
    // A prune that cannot be confirmed stops before anything is read.
    if let RingCommand::Prune(a) = &args.command
        && !a.dry_run
        && !a.yes
        && !super::can_prompt(global)
    {
        return Err(Error::Aborted(
            "not pruning: removing keys from the ring needs confirmation, but there is no \
             terminal to ask on (or --no-input/CI is set); pass --yes to proceed"
                .into(),
        ));
    }
    let conn = Connection::open(&settings, Progress::detect(global.quiet)).await?;
    let client = conn.client()?;
    let (server, keys) = listed(&client, &value).await?;
    let store = Store::new(configured.for_server(&server), encrypt);
    let on = OnRing {
        printer: &printer,
        server: &server,
        keys: &keys,
        store: &store,
    };
    match &args.command {
        RingCommand::Check(a) => on.check(a).await,
        RingCommand::List(a) => on.list(a).await,
        RingCommand::Prune(a) => on.prune(global, a, &client).await,
        RingCommand::Import(_) => on.import(imported).await,
        RingCommand::Export(_) => Err(Error::Internal("keys ring export: misrouted".into())),
    }
}

/// The ring's configured location, if any: `--ring` (a file) or `--ring-read-command`
/// with `--ring-write-command` (a secret store), or their environment variables; else the
/// profile's `ring`, or its `ring_read_command` with `ring_write_command`.
pub(crate) fn location(flags: &RingArg, settings: &Settings) -> Result<Option<Location>> {
    let given = one_location(
        flags.ring.as_deref(),
        flags.ring_read_command.as_deref(),
        flags.ring_write_command.as_deref(),
    )
    .map_err(|why| {
        Error::Usage(format!(
            "{why} (from the flags, or {}, {} and {})",
            crate::env::RING,
            crate::env::RING_READ_COMMAND,
            crate::env::RING_WRITE_COMMAND
        ))
    })?;
    if given.is_some() {
        return Ok(given);
    }
    let (read, write) = &settings.ring_commands;
    one_location(settings.ring.as_deref(), read.as_deref(), write.as_deref())
        .map_err(|why| Error::config(format!("the profile's ring: {why}")))
}

/// [`location`], which a command that works on a ring must have.
pub(crate) fn required_location(flags: &RingArg, settings: &Settings) -> Result<Location> {
    location(flags, settings)?.ok_or_else(|| {
        Error::Usage(
            "which key ring? pass --ring PATH (a file) or --ring-read-command CMD with \
             --ring-write-command CMD (a secret store), or set OKTAKEYS_RING, or `ring` in \
             the profile"
                .into(),
        )
    })
}

/// A file, or a read and a write command; neither is `None`, both or half a store an error.
fn one_location(
    file: Option<&Path>,
    read: Option<&str>,
    write: Option<&str>,
) -> std::result::Result<Option<Location>, String> {
    match (file, read, write) {
        (None, None, None) => Ok(None),
        (Some(path), None, None) => Ok(Some(Location::File(path.to_path_buf()))),
        (None, Some(read), Some(write)) => Ok(Some(Location::Command {
            read: read.to_string(),
            write: write.to_string(),
        })),
        (Some(_), _, _) => Err(
            "a ring file (--ring) and a secret store (--ring-read-command, \
             --ring-write-command) name two rings: give one"
                .into(),
        ),
        _ => Err(
            "a ring in a secret store needs both --ring-read-command (prints the ring) and \
             --ring-write-command (stores the ring given on its stdin)"
                .into(),
        ),
    }
}

/// The server's id and keys: one list request (and, when `value` is a server's name, the
/// lookup of its id).
async fn listed(client: &Client, value: &str) -> Result<(String, Vec<KeyView>)> {
    let (id, keys) = match api::list_keys(client, value).await {
        Ok(keys) => (value.to_string(), keys),
        Err(err) => {
            let id = super::auth_server::id_after_not_found(client, value, err).await?;
            let keys = api::list_keys(client, &id).await?;
            (id, keys)
        }
    };
    Ok((id, rotate::views_of_listed(&keys)?))
}

struct OnRing<'a> {
    printer: &'a Printer,
    server: &'a str,
    keys: &'a [KeyView],
    store: &'a Store,
}

impl OnRing<'_> {
    /// `oktakeys keys ring SUB --auth-server ID RING-FLAGS ARGS…`, for hints.
    fn hint(&self, sub: &str, args: &[&str]) -> String {
        let head = ["keys", "ring", sub, "--auth-server", self.server];
        crate::hint::command(
            head.iter()
                .map(|a| a.to_string())
                .chain(self.store.location().flags())
                .chain(args.iter().map(|a| a.to_string())),
        )
    }

    fn rule(&self, lifetime: Duration) -> Retirement {
        Retirement {
            now: Timestamp::now(),
            lifetime,
            ignore: false,
        }
    }

    async fn check(&self, args: &RingCheckArgs) -> Result<()> {
        let loaded = self.store.read().await?;
        let rule = self.rule(args.lifetime());
        let status = ring::status(self.keys, &loaded.ring, &rule);
        let where_ = self.store.location().describe();
        match self.printer.format {
            OutputFormat::Json => {
                let mut report = status.json(rule.now);
                report["authServer"] = self.server.into();
                report["ring"] = where_.clone().into();
                self.printer.json(&report)?;
            }
            OutputFormat::Id => {
                let kids: String = status
                    .problems()
                    .filter_map(|n| n.key.kid.as_deref())
                    .map(|kid| format!("{kid}\n"))
                    .collect();
                self.printer.data(&kids)?;
            }
            OutputFormat::Table => self.needed_table(&status, rule.now)?,
        }
        if loaded.empty_store {
            self.printer.note(match self.store.location() {
                Location::File(_) => format!("{where_} does not exist yet: the ring is empty."),
                Location::Command { .. } => format!("{where_} is empty (it printed nothing)."),
            });
        }
        self.prune_candidates(&status);
        let problems: Vec<String> = status
            .problems()
            .map(|n| {
                format!(
                    "kid {} ({}, key {}): {}",
                    escape(n.key.kid.as_deref().unwrap_or("(none)")),
                    n.role,
                    n.key.id,
                    match n.held {
                        Held::Missing => "missing",
                        _ => "the ring's key of that kid is another key",
                    }
                )
            })
            .collect();
        if problems.is_empty() {
            self.printer.note(format!(
                "{where_} holds the private half of every key of authorization server {} whose \
                 tokens may be alive ({} keys).",
                self.server,
                status.needed.len()
            ));
            return Ok(());
        }
        Err(Error::verification(
            format!(
                "{where_} lacks {} key(s) of authorization server {} whose tokens may be alive: {}",
                problems.len(),
                self.server,
                problems.join("; ")
            ),
            format!(
                "import each private key: `{}`; a resource server loading this ring fails to \
                 decrypt tokens of these kids",
                self.hint("import", &["KEY.pem"])
            ),
        ))
    }

    fn needed_table(&self, status: &Status, now: Timestamp) -> Result<()> {
        let rows: Vec<Vec<String>> = status
            .needed
            .iter()
            .map(|n| {
                vec![
                    n.key.kid.clone().unwrap_or_else(|| "-".into()),
                    n.role.to_string(),
                    n.key.id.clone(),
                    n.key.status.to_string(),
                    retirable_label(n.retirable.json(now)),
                    n.held.label().to_string(),
                ]
            })
            .collect();
        self.printer.rows(
            &["KID", "ROLE", "KEY ID", "STATUS", "RETIRABLE", "IN RING"],
            &rows,
        )
    }

    fn prune_candidates(&self, status: &Status) {
        for (kid, why) in &status.prunable {
            let why = why.reason();
            self.printer.note(format!(
                "warning: ring key {} is no longer needed ({why}): a prune candidate \
                 (`{}`)",
                escape(kid),
                self.hint("prune", &[])
            ));
        }
    }

    async fn list(&self, args: &RingCheckArgs) -> Result<()> {
        let loaded = self.store.read().await?;
        let rule = self.rule(args.lifetime());
        let rows = listing(self.keys, &loaded.ring, &rule);
        match self.printer.format {
            OutputFormat::Json => self.printer.json(&Value::Array(rows)),
            OutputFormat::Id => self.printer.data(
                &loaded
                    .ring
                    .keys()
                    .iter()
                    .map(|k| format!("{}\n", k.kid()))
                    .collect::<String>(),
            ),
            OutputFormat::Table => {
                let text = |v: &Value, name: &str| match &v[name] {
                    Value::String(s) => s.clone(),
                    Value::Bool(true) => "yes".into(),
                    Value::Bool(false) => "no".into(),
                    _ => "-".into(),
                };
                let table: Vec<Vec<String>> = rows
                    .iter()
                    .map(|r| {
                        let mut thumb = text(r, "thumbprint");
                        thumb.truncate(12);
                        vec![
                            text(r, "kid"),
                            format!("{thumb}…"),
                            text(r, "keyId"),
                            text(r, "status"),
                            text(r, "role"),
                            text(r, "sameKey"),
                            text(r, "retirableAt"),
                        ]
                    })
                    .collect();
                self.printer.rows(
                    &[
                        "KID",
                        "THUMBPRINT",
                        "KEY ID",
                        "STATUS",
                        "ROLE",
                        "SAME KEY",
                        "RETIRABLE",
                    ],
                    &table,
                )
            }
        }
    }
}

impl OnRing<'_> {
    /// Remove what `check` calls prunable, decided again on the ring as read under its lock.
    async fn prune(
        &self,
        global: &GlobalArgs,
        args: &RingPruneArgs,
        client: &Client,
    ) -> Result<()> {
        let rule = self.rule(args.check.lifetime());
        let where_ = self.store.location().describe();
        let planned: Vec<String> = {
            let loaded = self.store.read().await?;
            ring::status(self.keys, &loaded.ring, &rule)
                .prunable
                .into_iter()
                .map(|(kid, _)| kid)
                .collect()
        };
        if planned.is_empty() {
            self.printer.note(format!(
                "Nothing to prune: {where_} holds no key Okta no longer needs."
            ));
            return self.pruned_output(&[]);
        }
        let names: Vec<String> = planned.iter().map(|k| escape(k).into_owned()).collect();
        if args.dry_run {
            self.printer.note(format!(
                "Would remove from {where_}: kid {} (dry run: nothing was changed)",
                names.join(", kid ")
            ));
            return self.pruned_output(&planned);
        }
        client
            .off_the_clock(super::confirm(
                global,
                args.yes,
                &format!(
                    "Remove {} key(s) from {where_} (kid {})? Their private halves are destroyed",
                    planned.len(),
                    names.join(", kid ")
                ),
                "not pruning",
            ))
            .await?;
        let mut removed = Vec::new();
        self.store
            .update(|ring| {
                let now_prunable = ring::status(self.keys, ring, &rule).prunable;
                for (kid, _) in now_prunable {
                    if planned.contains(&kid) && ring.remove(&kid) {
                        removed.push(kid);
                    }
                }
                Ok(!removed.is_empty())
            })
            .await?;
        for kid in &removed {
            self.printer
                .note(format!("Removed kid {} from {where_}.", escape(kid)));
        }
        self.pruned_output(&removed)
    }

    /// `-o json`/`-o id`: the kids removed (or that would be).
    fn pruned_output(&self, kids: &[String]) -> Result<()> {
        match self.printer.format {
            OutputFormat::Json => self.printer.json(&json!({ "removed": kids })),
            OutputFormat::Id => self
                .printer
                .data(&kids.iter().map(|k| format!("{k}\n")).collect::<String>()),
            OutputFormat::Table => Ok(()),
        }
    }

    /// Put each key under the kid of Okta's key it is the private half of.
    async fn import(&self, keys: Vec<(String, DecryptionKey)>) -> Result<()> {
        let mut adopted = Vec::new();
        for (file, key) in keys {
            let okta = self
                .keys
                .iter()
                .find(|k| k.thumbprint.as_deref() == Some(key.thumbprint().as_str()));
            let Some(okta) = okta else {
                return Err(Error::verification(
                    format!(
                        "{file} is the private half of none of the {} keys of authorization \
                         server {} (thumbprint {}); nothing was written",
                        self.keys.len(),
                        self.server,
                        key.thumbprint()
                    ),
                    format!(
                        "import only keys Okta holds; `{}` says which key a file is",
                        crate::hint::command([
                            "keys",
                            "match",
                            "--auth-server",
                            self.server,
                            "--private-key",
                            "FILE"
                        ])
                    ),
                ));
            };
            let Some(kid) = okta.kid.clone() else {
                return Err(Error::Refused {
                    message: format!(
                        "{file} is the private half of key {}, which has no kid: a ring picks \
                         keys by kid; nothing was written",
                        okta.id
                    ),
                    hint: None,
                });
            };
            adopted.push(RingKey::new(&kid, DEFAULT_ALG, key)?);
        }
        let mut added = Vec::new();
        self.store
            .update(|ring| {
                for key in adopted {
                    let kid = key.kid().to_string();
                    if ring.insert(key)? {
                        added.push(kid);
                    }
                }
                Ok(!added.is_empty())
            })
            .await?;
        let where_ = self.store.location().describe();
        self.printer.note(if added.is_empty() {
            format!("{where_} holds these keys already; nothing was written.")
        } else {
            format!(
                "Imported kid {} into {where_}.",
                added
                    .iter()
                    .map(|k| escape(k).into_owned())
                    .collect::<Vec<_>>()
                    .join(", kid ")
            )
        });
        if self.printer.format == OutputFormat::Json {
            self.printer.json(&json!({ "imported": added }))?;
        }
        Ok(())
    }
}

/// One object per ring key: kid, alg, thumbprint, and Okta's key of that kid.
fn listing(keys: &[KeyView], ring: &Ring, rule: &Retirement) -> Vec<Value> {
    ring.keys()
        .iter()
        .map(|r| {
            let okta = keys.iter().find(|k| k.kid.as_deref() == Some(r.kid()));
            let thumbprint = r.thumbprint();
            json!({
                "kid": r.kid(),
                "alg": r.alg(),
                "thumbprint": thumbprint,
                "keyId": okta.map(|k| k.id.clone()),
                "status": okta.map(|k| k.status.to_string()),
                "role": okta.map_or_else(|| "not in Okta".to_string(), |k| rotate::role(keys, k).to_string()),
                "sameKey": okta.map(|k| k.thumbprint.as_deref() == Some(thumbprint.as_str())),
                "retirableAt": okta.map_or(Value::Null, |k| rule.of(keys, k).json(rule.now)),
            })
        })
        .collect()
}

fn retirable_label(value: Value) -> String {
    value.as_str().map_or_else(|| "-".into(), str::to_string)
}
