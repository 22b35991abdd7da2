//! `oktakeys keys rotate`: plan every server, print the plans, confirm deletions, execute
//! each server's plan independently, then a summary (table) or a report (`-o json`).

mod handed_off;
mod new_key;
mod report;
mod resume;
pub(super) mod ring;

use super::connection::Connection;
use crate::api;
use crate::auth::Scope;
use crate::cli::{GlobalArgs, RotateArgs};
use crate::client::Client;
use crate::config::{ProcessEnv, Settings, Target};
use crate::error::{Error, Result};
use crate::http::Progress;
use crate::output::Printer;
use crate::ring::{Location, Store};
use crate::rotate::{self, Hooks, NewKey, Options, Outcome, Plan, Retention};
use crate::time::{Timestamp, format_duration};
use keymaterial::jwk::PublicKey;
use report::{ServerRun, State, finish, report_failure};
use resume::{activate_staged_command, resume_command};

pub(crate) async fn run(
    global: &GlobalArgs,
    auth_servers: Vec<String>,
    args: RotateArgs,
) -> Result<()> {
    let printer = Printer::new(global);
    let fleet = args.fleet.clone();
    let settings = Settings::resolve(
        global,
        auth_servers.first().map(String::as_str),
        &ProcessEnv,
    )?;
    let mut servers = match fleet.all_auth_servers {
        true => Vec::new(),
        false => servers(auth_servers, settings.auth_server.as_deref())?,
    };
    let retention = retention(&args);
    // CI without --yes learns it before anything is read, written or sent.
    refuse_unconfirmable_deletions(global, &args, retention)?;

    // The private key is stored (file or command) before anything is sent; a key an
    // unfinished run of this rotation handed to the same command is taken up again.
    let store = handed_off::HandedOff::default_location();
    let org = match &settings.target {
        Target::Org { org_url, .. } => org_url.to_string(),
        _ => "the sandbox profile".to_string(),
    };
    let hand_off = new_key::HandOff {
        store: store
            .as_ref()
            .filter(|_| args.private_key_command.is_some()),
        rotation: handed_off::Rotation {
            org: &org,
            command: args.private_key_command.as_deref().unwrap_or_default(),
            kid: args.kid.as_deref(),
        },
        servers: servers.clone(),
    };
    // A ring: the new key's private half goes into each server's ring before Okta gets
    // anything for that server.
    let ring = super::ring::location(&args.ring, &settings)?;
    let known_rings: Option<Vec<Store>> = ring.as_ref().map(|at| {
        servers
            .iter()
            .map(|s| Store::new(at.for_server(s), false))
            .collect()
    });
    let new_key::Material {
        key,
        new_key,
        fresh,
        half,
    } = new_key::key_material(&args, &printer, &hand_off, known_rings.as_deref()).await?;
    let ring = match (ring, half) {
        (Some(at), Some(half)) => Some((at, half)),
        _ => None,
    };
    // A key generated into the ring is found there again by its kid.
    let ring_kid = ring
        .as_ref()
        .filter(|_| args.source.generate && args.private_key_out.is_none())
        .map(|_| new_key.kid.clone());
    if fresh {
        printer.note(format!(
            "If this run stops before the rotation completes, this command resumes it \
             (nothing is generated, stored or added twice):\n  {}",
            resume_command(&servers, &args, ring_kid.as_deref())
        ));
    }
    let conn = Connection::open(&settings, Progress::detect(global.quiet))
        .await?
        .needing(Scope::Manage);
    if fleet.all_auth_servers {
        servers = super::fleet::all_active_servers(&conn.client()?).await?;
        if servers.is_empty() {
            printer.note("The org has no ACTIVE custom authorization server: nothing to rotate.");
            return Ok(());
        }
        if let Some(store) = hand_off.store
            && let Err(why) = store.name_servers(&hand_off.rotation, &servers)
        {
            printer.failure(format!(
                "warning: cannot note the servers of the key: {why}"
            ));
        }
    }
    let hooks = Hooks {
        activate_when: args.activate_when.clone(),
        gate_interval: args.gate_interval,
        gate_timeout: args.gate_timeout,
        on_retire: args.on_retire.clone(),
        private_key_file: args.private_key_out.clone(),
    };
    let rotation = Rotation {
        global,
        args: &args,
        client: conn.client()?,
        printer: &printer,
        key: &key,
        new_key: &new_key,
        parallel: fleet.parallel,
        hooks: &hooks,
        ring: ring.as_ref(),
        ring_kid: ring_kid.as_deref(),
    };

    // 1. Plan every server (read only) and show the plans.
    let mut runs = rotation.plan_all(&servers, retention).await;
    if args.dry_run {
        printer.note("(dry run: nothing was changed)");
        finish(&printer, &new_key, &runs)?;
        let pending = runs
            .iter()
            .any(|r| matches!(&r.state, State::Planned(plan) if !plan.is_noop()));
        if args.detailed_exitcode && pending {
            return Err(Error::Reported(crate::error::exit::PENDING));
        }
        return Ok(());
    }
    // 2. One confirmation for all the deletions.
    rotation.confirm_deletions(&runs).await?;
    // 3. Execute, up to --parallel servers at once.
    rotation.execute_all(&mut runs).await?;
    if let Some(store) = hand_off.store {
        for run in runs.iter().filter(|r| r.new_key_active()) {
            if let Err(why) = store.done(&hand_off.rotation, &run.auth_server) {
                printer.failure(format!("warning: cannot note the rotation done: {why}"));
            }
        }
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

fn retention(args: &RotateArgs) -> Retention {
    match (args.delete_old, args.keep) {
        (true, _) => Retention::DeleteOld,
        (false, Some(n)) => Retention::Keep(n),
        (false, None) => Retention::None,
    }
}

/// Deleting keys needs a confirmation: without `--yes` or a terminal to ask on, refuse.
fn refuse_unconfirmable_deletions(
    global: &GlobalArgs,
    args: &RotateArgs,
    retention: Retention,
) -> Result<()> {
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
    Ok(())
}

/// A server's plan, or why it is not due (`--if-older-than`).
// One per server of a run: its size does not matter.
#[allow(clippy::large_enum_variant)]
enum Planned {
    Plan(Plan),
    NotDue { due: Timestamp, since: String },
}

/// One rotation to one new key, on several servers.
struct Rotation<'a> {
    global: &'a GlobalArgs,
    args: &'a RotateArgs,
    client: Client,
    printer: &'a Printer,
    key: &'a PublicKey,
    new_key: &'a NewKey,
    /// How many servers are planned, or executed, at once.
    parallel: u16,
    hooks: &'a Hooks,
    /// The ring (as configured) and the new key's private half for it.
    ring: Option<&'a (Location, ring::PrivateHalf)>,
    /// The new key's kid when the key was generated into the ring (for resume commands).
    ring_kid: Option<&'a str>,
}

impl Rotation<'_> {
    /// Plan every server and show each plan, or why it cannot be rotated.
    async fn plan_all(&self, servers: &[String], retention: Retention) -> Vec<ServerRun> {
        super::fleet::each_server(
            self.printer,
            servers,
            self.parallel,
            |server, printer| async move {
                let state = match self.plan(&printer, server, retention).await {
                    Ok(Planned::NotDue { due, since }) => {
                        printer.note(format!(
                            "{server}: not due: the ACTIVE key has been active since {since}, \
                             less than --if-older-than {}; rotation is due at {due}. Nothing \
                             was changed.",
                            format_duration(self.args.if_older_than.unwrap_or_default())
                        ));
                        State::NotDue(due)
                    }
                    Ok(Planned::Plan(plan)) => {
                        printer.note(format!(
                            "Plan for authorization server {server} (new key kid {}):\n{}",
                            self.new_key.kid,
                            plan.to_string().trim_end()
                        ));
                        State::Planned(plan)
                    }
                    Err(err) => {
                        report_failure(&printer, server, &err, None, None);
                        State::NotStarted(err)
                    }
                };
                ServerRun {
                    auth_server: server.to_string(),
                    state,
                }
            },
        )
        .await
    }

    /// One server's plan, from the keys it holds now (read only).
    async fn plan(&self, printer: &Printer, server: &str, retention: Retention) -> Result<Planned> {
        let keys = api::list_keys(&self.client, server).await?;
        let views = rotate::views_of_listed(&keys)?;
        if let Some(min_age) = self.args.if_older_than
            && let Some(due) = rotate::not_due_until(&views, Timestamp::now(), min_age)
        {
            let since = views
                .iter()
                .find(|k| k.status == rotate::KeyStatus::Active)
                .and_then(|k| k.last_updated.clone())
                .unwrap_or_default();
            return Ok(Planned::NotDue { due, since });
        }
        let retirement = super::retirement::retirement(
            &self.client,
            server,
            self.args.token_lifetime,
            self.args.ignore_token_lifetime,
            printer,
        )
        .await;
        let options = Options {
            retention,
            stage: self.args.stage,
            gate: self.args.activate_when.is_some(),
            retirement,
        };
        rotate::plan(&views, self.new_key, options)
            .map(Planned::Plan)
            .map_err(|refusal| Error::Refused {
                hint: refusal.hint_on(server),
                message: refusal.reason,
            })
    }

    /// One question for every deletion the plans make, unless `--yes`.
    async fn confirm_deletions(&self, runs: &[ServerRun]) -> Result<()> {
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
        // No planned deletion, but Okta's key limit may call for one (learned from its
        // refusal of the add): the question names the key that would make room.
        let room: Vec<String> = runs
            .iter()
            .filter_map(|r| match &r.state {
                State::Planned(plan) if plan.may_delete && plan.deletions().next().is_none() => {
                    plan.room
                        .first()
                        .map(|k| format!("{} on {}", k.id, r.auth_server))
                }
                _ => None,
            })
            .collect();
        if deletions.is_empty() && room.is_empty() {
            return Ok(());
        }
        let question = if deletions.is_empty() {
            format!(
                "Rotate? If Okta refuses the add for its key limit, the oldest retirable \
                 INACTIVE key is deleted to make room ({})",
                room.join(", ")
            )
        } else {
            format!(
                "Rotate, and delete {} old key(s) once they are INACTIVE ({})?",
                deletions.len(),
                deletions.join(", ")
            )
        };
        // The person's thinking time does not count against --timeout.
        self.client
            .off_the_clock(super::confirm_on_org(
                self.global,
                self.args.yes,
                self.client.base(),
                &question,
                "not rotating",
            ))
            .await
    }

    /// Execute every planned server, each on its own: a failure stops only its server.
    async fn execute_all(&self, runs: &mut [ServerRun]) -> Result<()> {
        let planned: Vec<(usize, String, Plan)> = runs
            .iter()
            .enumerate()
            .filter_map(|(i, r)| match &r.state {
                State::Planned(plan) => Some((i, r.auth_server.clone(), plan.clone())),
                _ => None,
            })
            .collect();
        let servers: Vec<String> = planned.iter().map(|(_, s, _)| s.clone()).collect();
        let outcomes = super::fleet::each_server(self.printer, &servers, self.parallel, {
            let planned = &planned;
            move |server, printer| async move {
                let plan = planned
                    .iter()
                    .find(|(_, s, _)| s == server)
                    .map(|(_, _, plan)| plan);
                match plan {
                    Some(plan) => self.execute(&printer, server, plan).await,
                    None => Err(Error::Internal(format!("{server}: no plan"))),
                }
            }
        })
        .await;
        for ((i, _, plan), outcome) in planned.into_iter().zip(outcomes) {
            runs[i].state = State::Done(plan, outcome?);
        }
        Ok(())
    }

    /// Execute one server's plan, telling people each step and how it ended. Ctrl-C
    /// or SIGTERM mid-rotation ends the command, saying where things stand and how to
    /// finish.
    async fn execute(&self, printer: &Printer, server: &str, plan: &Plan) -> Result<Outcome> {
        let new_kid = &self.new_key.kid;
        if plan.is_noop() {
            printer.note(format!(
                "{server}: nothing to do, key {new_kid} is already active."
            ));
        }
        let progress = |line: String| printer.note(format!("{server}: {line}"));
        let store = match self.ring {
            Some((at, half)) => {
                let store = Store::new(at.for_server(server), false);
                let added = ring::put_new_key(&store, new_kid, half).await?;
                // Not held with the server's other lines: out now, before the first change.
                self.printer.note(format!(
                    "{server}: {} the new key's private half (kid {new_kid}) {} {}, read back.",
                    if added { "put" } else { "found" },
                    if added { "into" } else { "in" },
                    store.location().describe(),
                ));
                Some(store)
            }
            None => None,
        };
        let run = rotate::Run {
            client: &self.client,
            server,
            plan,
            key: self.key,
            kid: new_kid,
            hooks: self.hooks,
            progress: &progress,
        };
        let outcome = tokio::select! {
            biased;
            outcome = rotate::execute(&run) => outcome,
            signal = crate::signals::stop() => {
                return Err(Error::Interrupted {
                    signal,
                    during: Some(format!(
                        "rotating {server}: Okta may hold the new key INACTIVE or already ACTIVE, \
                         and the server keeps an active key either way"
                    )),
                    hint: Some(format!(
                        "re-run to complete the rotation (nothing is done twice): {}",
                        resume_command(&[server.to_string()], self.args, self.ring_kid)
                    )),
                });
            }
        };
        let mut outcome = outcome;
        if let Some(store) = &store {
            match ring::after_run(store, plan, &outcome, new_kid).await {
                Ok(removed) => {
                    for kid in removed {
                        printer.note(format!(
                            "{server}: took kid {} out of {} (Okta no longer holds it).",
                            crate::escape::escape(&kid),
                            store.location().describe()
                        ));
                    }
                }
                Err(err) if outcome.error.is_none() => outcome.error = Some(err),
                Err(_) => {}
            }
        }
        if let Some(err) = &outcome.error {
            let resume = resume_command(&[server.to_string()], self.args, self.ring_kid);
            report_failure(
                printer,
                server,
                err,
                outcome.holds.as_deref(),
                Some(&resume),
            );
        } else if self.args.stage && !plan.is_noop() {
            printer.note(format!(
                "{server}: staged key {} (kid {new_kid}) INACTIVE; the active key is still {}. \
                 Activate it later with the same command without --stage:\n  {}",
                outcome.new_key.as_deref().unwrap_or("?"),
                outcome.active_key.as_deref().unwrap_or("none"),
                activate_staged_command(&[server.to_string()], self.args, self.ring_kid),
            ));
        } else if !plan.is_noop() {
            printer.note(format!(
                "{server}: rotated; the active key is {} (kid {new_kid}).",
                outcome.active_key.as_deref().unwrap_or("?"),
            ));
        }
        Ok(outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
