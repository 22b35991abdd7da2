//! `oktakeys keys rotate`: plan every server, print the plans, confirm deletions, execute
//! each server's plan independently, then a summary (table) or a report (`-o json`).

use std::path::Path;

use serde_json::{Value, json};
use zeroize::Zeroizing;

use super::keys::{Connection, read_key_file};
use crate::api;
use crate::cli::{GlobalArgs, OutputFormat, RotateArgs};
use crate::config::{ProcessEnv, Settings};
use crate::error::{Error, Result};
use crate::jwk::{self, PublicKey};
use crate::output::{self, Printer};
use crate::rotate::{self, KeyView, NewKey, Outcome, Plan, Retention};

/// Where a server's rotation ended.
enum State {
    /// `--dry-run`: planned only.
    Planned(Plan),
    /// Refused by the planner, or the keys could not be listed: nothing changed.
    NotStarted(Error),
    /// Executed (successfully or not).
    Done(Plan, Outcome),
}

struct ServerRun {
    auth_server: String,
    state: State,
}

impl ServerRun {
    fn error(&self) -> Option<&Error> {
        match &self.state {
            State::NotStarted(err) => Some(err),
            State::Done(_, outcome) => outcome.error.as_ref(),
            State::Planned(_) => None,
        }
    }
}

pub async fn run(global: &GlobalArgs, auth_servers: Vec<String>, args: RotateArgs) -> Result<()> {
    let printer = Printer::new(global);
    let settings = Settings::resolve(
        global,
        auth_servers.first().map(String::as_str),
        &ProcessEnv,
    )?;
    let servers = servers(auth_servers, settings.auth_server.as_deref())?;
    let retention = match (args.delete_old, args.keep) {
        (true, _) => Retention::DeleteOld,
        (false, Some(n)) => Retention::Keep(n),
        (false, None) => Retention::None,
    };

    // CI without --yes learns it before anything is read, written or sent.
    if retention.deletes() && !args.dry_run && !args.yes && !super::can_prompt(global) {
        return Err(Error::Aborted(format!(
            "not rotating: {} deletes keys, which needs confirmation, but there is no terminal \
             to ask on (or --no-input/CI is set); pass --yes to proceed",
            if args.delete_old {
                "--delete-old".to_string()
            } else {
                format!("--keep {}", args.keep.unwrap_or_default())
            }
        )));
    }

    let (key, new_key) = key_material(&args, &printer)?;
    let conn = Connection::open(&settings, crate::client::Progress::detect(global.quiet))
        .await?
        .needing(crate::auth::Scope::Manage);
    let client = conn.client()?;

    // 1. Plan every server (read only) and show the plans.
    let mut runs = Vec::new();
    for server in &servers {
        let planned = match api::list_keys(&client, server).await {
            // The plan sends requests to keys by their ids: an id that cannot be a path
            // segment (`..` would reach another endpoint) stops the server's rotation.
            Ok(keys) => match keys
                .iter()
                .find(|k| crate::cli::parse_path_id(k.id()).is_err())
            {
                Some(bad) => Err(Error::network(
                    format!(
                        "Okta listed a key whose id `{}` cannot go in a URL path; nothing was changed",
                        bad.id().escape_debug()
                    ),
                    None,
                )),
                None => {
                    let views: Vec<KeyView> = keys.iter().map(KeyView::from_api).collect();
                    rotate::plan(&views, &new_key, retention).map_err(|refusal| Error::Refused {
                        message: refusal.reason,
                        hint: refusal.hint,
                    })
                }
            },
            Err(err) => Err(err),
        };
        match planned {
            Ok(plan) => {
                printer.note(format!(
                    "Plan for authorization server {server} (new key kid {}):\n{}",
                    new_key.kid,
                    plan.to_string().trim_end()
                ));
                runs.push(ServerRun {
                    auth_server: server.clone(),
                    state: State::Planned(plan),
                });
            }
            Err(err) => {
                report_failure(&printer, server, &err, None, None);
                runs.push(ServerRun {
                    auth_server: server.clone(),
                    state: State::NotStarted(err),
                });
            }
        }
    }

    if args.dry_run {
        printer.note("(dry run: nothing was changed)");
        return finish(&printer, &new_key, &runs);
    }

    // 2. One confirmation for all the deletions.
    let deletions: Vec<String> = runs
        .iter()
        .filter_map(|r| match &r.state {
            State::Planned(plan) => Some(
                plan.deletions()
                    .map(|k| format!("{} on {}", k.id, r.auth_server))
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        })
        .flatten()
        .collect();
    if !deletions.is_empty() {
        // The person's thinking time does not count against --timeout.
        client
            .off_the_clock(super::confirm(
                global,
                args.yes,
                &format!(
                    "Rotate, and delete {} old key(s) once they are INACTIVE ({})?",
                    deletions.len(),
                    deletions.join(", ")
                ),
                "not rotating",
            ))
            .await?;
    }

    // 3. Execute, server by server.
    for run in &mut runs {
        let State::Planned(plan) = &run.state else {
            continue;
        };
        let plan = plan.clone();
        let server = run.auth_server.clone();
        if plan.is_noop() {
            printer.note(format!(
                "{server}: nothing to do, key {} is already active.",
                new_key.kid
            ));
        }
        let progress = |line: String| printer.note(format!("{server}: {line}"));
        // Ctrl-C mid-rotation: say where things stand and how to finish before exiting.
        let outcome = tokio::select! {
            biased;
            outcome = rotate::execute(&client, &server, &plan, &key, &progress) => outcome,
            _ = tokio::signal::ctrl_c() => {
                return Err(Error::Interrupted {
                    during: Some(format!(
                        "rotating {server}: Okta may hold the new key INACTIVE or already ACTIVE, \
                         and the server keeps an active key either way"
                    )),
                    hint: Some(format!(
                        "re-run to complete the rotation (nothing is done twice): {}",
                        resume_command(global, &server, &args)
                    )),
                });
            }
        };
        if let Some(err) = &outcome.error {
            let resume = resume_command(global, &server, &args);
            report_failure(
                &printer,
                &server,
                err,
                outcome.holds.as_deref(),
                Some(&resume),
            );
        } else if !plan.is_noop() {
            printer.note(format!(
                "{server}: rotated; the active key is {} (kid {}).",
                outcome.active_key.as_deref().unwrap_or("?"),
                new_key.kid
            ));
        }
        run.state = State::Done(plan, outcome);
    }
    finish(&printer, &new_key, &runs)
}

/// The servers to rotate: the flags (duplicates dropped), else the profile's default.
fn servers(flags: Vec<String>, default: Option<&str>) -> Result<Vec<String>> {
    let mut servers: Vec<String> = Vec::new();
    for s in flags {
        if !servers.contains(&s) {
            servers.push(s);
        }
    }
    if servers.is_empty() {
        servers.extend(default.map(str::to_string));
    }
    if servers.is_empty() {
        return Err(Error::Usage(
            "which authorization server? pass --auth-server ID (repeat it for several), or set \
             auth_server in the profile, or OKTAKEYS_AUTH_SERVER"
                .into(),
        ));
    }
    Ok(servers)
}

/// The new key: read from --jwk/--pem, or generated (or taken from the file an earlier
/// `--generate` run wrote).
fn key_material(args: &RotateArgs, printer: &Printer) -> Result<(PublicKey, NewKey)> {
    let kid = args.kid.as_deref();
    let key = if let Some(path) = &args.source.jwk {
        let (bytes, source) = read_key_file(path)?;
        jwk::from_jwk_bytes(&bytes, kid, &source)?
    } else if let Some(path) = &args.source.pem {
        let (bytes, source) = read_key_file(path)?;
        let bytes = Zeroizing::new(bytes);
        jwk::from_pem_bytes(&bytes, &source)?
    } else {
        let path = args
            .private_key_out
            .as_deref()
            .ok_or_else(|| Error::Usage("--generate needs --private-key-out FILE".into()))?;
        match generated_key(path, args, printer)? {
            Some(key) => key,
            None => {
                // --dry-run: the key does not exist yet, and no file is written.
                let kid =
                    kid.map_or_else(|| "(the new key's thumbprint)".to_string(), str::to_string);
                printer.note(format!(
                    "(dry run: no key generated; {} would be written)",
                    path.display()
                ));
                let placeholder = PublicKey {
                    kid: None,
                    n: String::new(),
                    e: String::new(),
                };
                return Ok((
                    placeholder,
                    NewKey {
                        kid,
                        thumbprint: None,
                    },
                ));
            }
        }
    };
    let new_key = NewKey {
        kid: key.effective_kid(kid),
        thumbprint: Some(key.thumbprint()),
    };
    Ok((key, new_key))
}

/// `--generate`: the key in an existing file (a re-run), or a new one written now, before
/// anything is sent. `None` with `--dry-run` when there is no file yet.
fn generated_key(path: &Path, args: &RotateArgs, printer: &Printer) -> Result<Option<PublicKey>> {
    if path.exists() {
        let (bytes, source) = read_key_file(path)?;
        let bytes = Zeroizing::new(bytes);
        let key = jwk::from_pem_bytes(&bytes, &source)?;
        printer.note(format!(
            "Using the key already in {source} (an earlier run wrote it); for a new key, give \
             --private-key-out a new file."
        ));
        return Ok(Some(key));
    }
    if args.dry_run {
        return Ok(None);
    }
    let bits = args.bits.bits();
    let (secret, key) = super::generate::generate_to_file(path, bits, false)?;
    drop(secret);
    printer.note(format!(
        "Wrote the new {bits}-bit private key to {} (PKCS#8 PEM, mode 0600).",
        path.display()
    ));
    Ok(Some(key))
}

/// Tell people what failed on one server, what Okta holds now, and how to resume.
fn report_failure(
    printer: &Printer,
    server: &str,
    err: &Error,
    holds: Option<&[KeyView]>,
    resume: Option<&str>,
) {
    if printer.format == OutputFormat::Json {
        // The report on stdout carries the error.
        return;
    }
    let mut text = format!(
        "{server}: {}",
        output::error_paragraph(err).trim_start_matches("error: ")
    );
    text = format!("error: {text}");
    if let Some(holds) = holds {
        text.push_str(&format!("\n{server} now holds:"));
        if holds.is_empty() {
            text.push_str(" no keys");
        }
        for key in holds {
            text.push_str(&format!("\n  {} {}", key.status, key.describe()));
        }
    }
    if let Some(resume) = resume {
        text.push_str(&format!(
            "\nRe-run to complete the rotation (nothing is done twice):\n  {resume}"
        ));
    }
    eprintln!("{text}");
}

/// The command that resumes the rotation of one server: the same source, kid and retention.
fn resume_command(global: &GlobalArgs, server: &str, args: &RotateArgs) -> String {
    let mut argv: Vec<String> = vec!["oktakeys".into()];
    if let Some(profile) = &global.profile {
        argv.extend(["--profile".into(), profile.clone()]);
    }
    if let Some(config) = &global.config {
        argv.extend(["--config".into(), path_arg(config)]);
    }
    if let Some(org) = &global.org_url {
        argv.extend(["--org-url".into(), org.clone()]);
    }
    argv.extend([
        "keys".into(),
        "rotate".into(),
        "--auth-server".into(),
        server.into(),
    ]);
    if let Some(p) = &args.source.jwk {
        argv.extend(["--jwk".into(), path_arg(p)]);
    } else if let Some(p) = &args.source.pem {
        argv.extend(["--pem".into(), path_arg(p)]);
    } else if let Some(p) = &args.private_key_out {
        argv.extend(["--generate".into(), "--private-key-out".into(), path_arg(p)]);
    }
    if let Some(kid) = &args.kid {
        argv.extend(["--kid".into(), kid.clone()]);
    }
    if args.delete_old {
        argv.push("--delete-old".into());
    } else if let Some(n) = args.keep {
        argv.extend(["--keep".into(), n.to_string()]);
    }
    if args.yes {
        argv.push("--yes".into());
    }
    argv.iter()
        .map(|a| shell_quote(a))
        .collect::<Vec<_>>()
        .join(" ")
}

fn path_arg(p: &Path) -> String {
    p.display().to_string()
}

/// Quote for a POSIX shell when needed.
fn shell_quote(s: &str) -> String {
    let safe = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-./:=@%+,".contains(c));
    if safe {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// The summary (table), the report (`-o json`) or the active key ids (`-o id`); then the
/// exit code of the first failure.
fn finish(printer: &Printer, new_key: &NewKey, runs: &[ServerRun]) -> Result<()> {
    match printer.format {
        OutputFormat::Json => {
            let report: Vec<Value> = runs.iter().map(|r| report_entry(new_key, r)).collect();
            printer.json(&Value::Array(report))?;
        }
        OutputFormat::Id => {
            let ids: String = runs
                .iter()
                .filter_map(|r| match &r.state {
                    State::Done(_, o) if o.error.is_none() => o.active_key.clone(),
                    _ => None,
                })
                .map(|id| format!("{id}\n"))
                .collect();
            output::write_stdout(&ids)?;
        }
        OutputFormat::Table => printer.rows(
            &[
                "AUTH SERVER",
                "RESULT",
                "ACTIVE KEY",
                "ADDED",
                "DELETED",
                "ERROR",
            ],
            &summary_rows(runs),
        )?,
    }
    match runs.iter().find_map(ServerRun::error) {
        Some(err) => Err(Error::Reported(err.exit_code())),
        None => Ok(()),
    }
}

fn result_word(run: &ServerRun) -> &'static str {
    match &run.state {
        State::Planned(_) => "planned",
        State::NotStarted(Error::Refused { .. }) => "refused",
        State::NotStarted(_) => "failed",
        State::Done(_, o) if o.error.is_some() => "failed",
        State::Done(plan, _) if plan.is_noop() => "unchanged",
        State::Done(..) => "rotated",
    }
}

fn report_entry(new_key: &NewKey, run: &ServerRun) -> Value {
    let (plan, outcome) = match &run.state {
        State::Planned(plan) => (Some(plan), None),
        State::NotStarted(_) => (None, None),
        State::Done(plan, outcome) => (Some(plan), Some(outcome)),
    };
    let error = run
        .error()
        .map(|e| output::error_json(e)["error"].clone())
        .unwrap_or(Value::Null);
    json!({
        "auth_server": run.auth_server,
        "kid": new_key.kid,
        "result": result_word(run),
        "plan": plan.map(|p| {
            p.to_string()
                .lines()
                .map(str::trim)
                .filter(|l| !l.starts_with("keep:"))
                .map(str::to_string)
                .collect::<Vec<_>>()
        }),
        "kept": plan.map(|p| p.kept.iter().map(|k| k.id.clone()).collect::<Vec<_>>()),
        "added": outcome.and_then(|o| o.added.clone()),
        "activated": outcome.and_then(|o| o.activated.clone()),
        "deactivated": outcome.map(|o| o.deactivated.clone()).unwrap_or_default(),
        "deleted": outcome.map(|o| o.deleted.clone()).unwrap_or_default(),
        "active_key": outcome.and_then(|o| o.active_key.clone()),
        "error": error,
    })
}

/// One row per server for the summary table.
fn summary_rows(runs: &[ServerRun]) -> Vec<Vec<String>> {
    runs.iter()
        .map(|run| {
            let outcome = match &run.state {
                State::Done(_, o) => Some(o),
                _ => None,
            };
            let dash = || "-".to_string();
            let error = run
                .error()
                .map(|e| format!("exit {}: {e}", e.exit_code()))
                .unwrap_or_else(dash);
            vec![
                run.auth_server.clone(),
                result_word(run).to_string(),
                outcome
                    .and_then(|o| o.active_key.clone())
                    .unwrap_or_else(dash),
                outcome.and_then(|o| o.added.clone()).unwrap_or_else(dash),
                outcome
                    .filter(|o| !o.deleted.is_empty())
                    .map(|o| o.deleted.join(","))
                    .unwrap_or_else(dash),
                error,
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_quoting() {
        assert_eq!(shell_quote("aus1-x_y.pem"), "aus1-x_y.pem");
        assert_eq!(shell_quote("my key.pem"), "'my key.pem'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote(""), "''");
    }

    #[test]
    fn the_resume_command_repeats_the_source_kid_and_retention_for_one_server() {
        use clap::Parser;
        let cli = crate::cli::Cli::try_parse_from([
            "oktakeys",
            "--profile",
            "ci",
            "keys",
            "rotate",
            "--auth-server",
            "ausA",
            "--auth-server",
            "ausB",
            "--generate",
            "--private-key-out",
            "my keys/enc.pem",
            "--kid",
            "enc 2026",
            "--keep",
            "2",
            "--yes",
            "-o",
            "json",
        ])
        .unwrap();
        let crate::cli::Command::Keys(keys) = cli.command else {
            panic!("keys")
        };
        let crate::cli::KeysCommand::Rotate(args) = keys.command else {
            panic!("rotate")
        };
        assert_eq!(
            resume_command(&cli.global, "ausB", &args),
            "oktakeys --profile ci keys rotate --auth-server ausB --generate --private-key-out \
             'my keys/enc.pem' --kid 'enc 2026' --keep 2 --yes"
        );
    }

    #[test]
    fn servers_from_flags_or_profile() {
        assert_eq!(
            servers(vec!["a".into(), "b".into(), "a".into()], Some("p")).unwrap(),
            ["a", "b"]
        );
        assert_eq!(servers(vec![], Some("p")).unwrap(), ["p"]);
        assert_eq!(servers(vec![], None).unwrap_err().exit_code(), 2);
    }
}
