//! `oktakeys apply`: plan every server, show the plans, ask once, then converge each
//! server in the safe order: the new key (stored by the private-key command, added
//! INACTIVE) or a staged one, the gate, the activation (all through the rotation engine,
//! without its deletions), encryption (as `servers encryption` sets it), the verify proof,
//! and last the retirement (the engine again, deleting exactly the planned keys). Every
//! step is planned from what Okta holds, so a run stopped anywhere is completed by the next.

use keymaterial::jwk::PublicKey;
use keymaterial::keys::DecryptionKey;
use keymaterial::secret::Secret;
use serde_json::{Value, json};

use super::key_pool::KeyPool;
use super::{Planned, Run, Target, again, first_failure, show};
use crate::api::{oauth, servers};
use crate::auth::Scope;
use crate::cli::{ApplyArgs, GlobalArgs, OutputFormat};
use crate::client::Client;
use crate::commands::rotate::ring::{PrivateHalf, after_run, put_new_key};
use crate::config::{Environment, ProcessEnv};
use crate::env;
use crate::error::{Error, Result};
use crate::output::{self, Printer};
use crate::policy::{Change, Engine, NextKey, ServerPlan};
use crate::ring::Store;
use crate::rotate::{self, Hooks, KeyView, NewKey, Step};

/// What apply did on one server.
#[derive(Debug, Default)]
struct Applied {
    /// Each completed change, in order (`added apk…`, `encryption RSA-OAEP-256`, …).
    done: Vec<String>,
    active_key: Option<String>,
    error: Option<Error>,
}

pub(crate) async fn run(global: &GlobalArgs, args: &ApplyArgs) -> Result<()> {
    let printer = Printer::new(global);
    let run = Run::open(global, &args.file.file, Scope::Manage, &printer).await?;
    // A server that needs a new key gets its generation started as soon as it is planned.
    let pool = KeyPool::new();
    let planned = run
        .plan_all(&printer, args.parallel, |index, plan| {
            if plan
                .engine
                .as_ref()
                .is_some_and(|e| matches!(e.next, NextKey::Generate))
                && let Some(target) = run.targets.get(index)
            {
                pool.start(index, target.desired.key_bits);
            }
        })
        .await;
    let changes: usize = planned
        .iter()
        .filter_map(|p| p.as_ref().ok())
        .map(|(plan, _)| plan.changes.len())
        .sum();
    if changes > 0 {
        printer.note(show::text(&run, &planned).trim_end());
        let servers = planned
            .iter()
            .filter(|p| matches!(p, Ok((plan, _)) if !plan.is_noop()))
            .count();
        let question = format!("Apply {changes} change(s) to {servers} server(s)?");
        super::super::confirm(global, args.yes, &question, "not applying").await?;
    }
    let applied = tokio::select! {
        biased;
        applied = apply_all(&run, &planned, &pool, &printer, args.parallel) => applied,
        signal = crate::signals::stop() => {
            return Err(Error::Interrupted {
                signal,
                during: Some("applying the policy: each server keeps an ACTIVE key".into()),
                hint: Some(format!(
                    "run apply again: it plans from what Okta holds and completes what was \
                     started, nothing done twice: {}",
                    again("apply --yes", &args.file.file)
                )),
            });
        }
    };
    summary(&printer, &run, &planned, &applied)?;
    let errors = planned.iter().zip(&applied).map(|(p, a)| {
        p.as_ref()
            .err()
            .or(a.as_ref().and_then(|a| a.error.as_ref()))
    });
    match first_failure(&run, errors) {
        Some(code) => {
            printer.failure(format!(
                "Fix what failed, then run apply again (it plans from what Okta holds; nothing \
                 is done twice):\n  {}",
                again("apply --yes", &args.file.file)
            ));
            Err(Error::Reported(code))
        }
        None => Ok(()),
    }
}

/// Converge every server with changes, up to `parallel` at once; `None` for the others.
async fn apply_all(
    run: &Run,
    planned: &[Planned],
    pool: &KeyPool,
    printer: &Printer,
    parallel: u16,
) -> Vec<Option<Applied>> {
    let labels = run.labels();
    super::super::fleet::each_server(printer, &labels, parallel, |label, held| async move {
        let i: usize = label.parse().ok()?;
        let (target, Ok((plan, _))) = (run.targets.get(i)?, planned.get(i)?) else {
            return None;
        };
        if plan.is_noop() {
            return None;
        }
        let mut applied = Applied::default();
        let converged = Converge {
            client: run.client(target),
            target,
            index: i,
            pool,
            printer: &held,
        }
        .all(plan, &mut applied)
        .await;
        if let Err(err) = converged {
            super::super::fleet::report_failure(&held, &target.name(), &err);
            applied.error = Some(err);
        } else {
            held.note(format!("{}: converged.", target.name()));
        }
        Some(applied)
    })
    .await
}

struct Converge<'a> {
    client: &'a Client,
    target: &'a Target,
    /// The server's index in the run, to take its key from the pool.
    index: usize,
    pool: &'a KeyPool,
    printer: &'a Printer,
}

impl Converge<'_> {
    async fn all(&self, plan: &ServerPlan, applied: &mut Applied) -> Result<()> {
        let mut made = None;
        let mut retire = None;
        let mut rotated = false;
        if let Some(engine) = &plan.engine {
            let (key, new, secret) = self.next_key(engine).await?;
            let full = rotate::plan(&engine.plan.seen, &new, engine.options).map_err(|r| {
                Error::Refused {
                    hint: r.hint_on(self.target.server.id()),
                    message: r.reason,
                }
            })?;
            // The deletions wait until everything else has succeeded.
            let mut first = full.clone();
            first.steps.retain(|s| !matches!(s, Step::Delete { .. }));
            let deletions: Vec<Step> = full
                .steps
                .iter()
                .filter(|s| matches!(s, Step::Delete { .. }))
                .cloned()
                .collect();
            let mut active = first
                .steps
                .iter()
                .find_map(|s| match s {
                    Step::AlreadyActive { key } => Some(key.id.clone()),
                    _ => None,
                })
                .or_else(|| full.active_at_start().map(|k| k.id.clone()));
            if !first.is_noop() {
                let outcome = self.execute(&first, &key, &new.kid).await;
                applied
                    .done
                    .extend(outcome.added.iter().map(|k| format!("added {k}")));
                applied
                    .done
                    .extend(outcome.activated.iter().map(|k| format!("activated {k}")));
                applied.active_key = outcome.active_key.clone();
                if let Some(err) = outcome.error {
                    return Err(err);
                }
                active = outcome.active_key;
                rotated = true;
                made = secret;
            }
            if !deletions.is_empty() {
                let mut later = full.clone();
                later.room.clear();
                later.room_later = None;
                let now_active = KeyView {
                    id: active.clone().unwrap_or_default(),
                    kid: Some(new.kid.clone()),
                    status: rotate::KeyStatus::Active,
                    created: None,
                    last_updated: None,
                    thumbprint: new.thumbprint.clone(),
                };
                later.steps = std::iter::once(Step::AlreadyActive { key: now_active })
                    .chain(deletions)
                    .collect();
                retire = Some((later, key, new.kid.clone()));
            }
            applied.active_key = active;
        }
        let mut switched = false;
        for change in &plan.changes {
            if let Change::Encryption { from, to } = change {
                self.encryption(from.as_deref(), to.alg()).await?;
                applied.done.push(change.action());
                switched = true;
            }
        }
        let encrypting = match plan.changes.iter().find_map(|c| match c {
            Change::Encryption { to, .. } => Some(to.alg().is_some()),
            _ => None,
        }) {
            Some(on) => on,
            None => self.target.server.encryption().is_some(),
        };
        if (rotated || switched || retire.is_some())
            && encrypting
            && let Some(verify) = &self.target.desired.verify
        {
            self.verify(verify, made.as_ref()).await?;
            applied.done.push("verified".into());
        }
        if let Some((later, key, kid)) = retire {
            let outcome = self.execute(&later, &key, &kid).await;
            applied
                .done
                .extend(outcome.deleted.iter().map(|k| format!("deleted {k}")));
            // Deleted in Okta: their private halves leave the ring (also after a failure).
            if let Some(store) = self.ring() {
                let removed = after_run(&store, &later, &outcome, &kid).await?;
                applied
                    .done
                    .extend(removed.iter().map(|k| format!("ring -{k}")));
            }
            if let Some(err) = outcome.error {
                return Err(err);
            }
        }
        self.ring_prune(plan, applied).await
    }

    /// The policy's ring of this server, if it has one.
    fn ring(&self) -> Option<Store> {
        let id = self.target.server.id();
        self.target
            .desired
            .ring
            .as_ref()
            .map(|location| super::ring_store(location, id))
    }

    /// Take out of the ring the keys the plan names as no longer needed (never one the
    /// ring no longer holds). Last, after everything else succeeded.
    async fn ring_prune(&self, plan: &ServerPlan, applied: &mut Applied) -> Result<()> {
        let kids: Vec<&str> = plan
            .changes
            .iter()
            .filter_map(|c| match c {
                Change::RingPrune { kid, .. } => Some(kid.as_str()),
                _ => None,
            })
            .collect();
        let Some(store) = self.ring().filter(|_| !kids.is_empty()) else {
            return Ok(());
        };
        let mut removed = Vec::new();
        store
            .update(|ring| {
                for kid in &kids {
                    if ring.remove(kid) {
                        removed.push(kid.to_string());
                    }
                }
                Ok(!removed.is_empty())
            })
            .await?;
        for kid in &removed {
            self.printer.note(format!(
                "{}: removed kid {} from {}",
                self.target.name(),
                crate::escape::escape(kid),
                store.location().describe()
            ));
            applied.done.push(format!("ring -{kid}"));
        }
        Ok(())
    }

    /// The key the rotation puts in: generated and handed to the private-key command
    /// (before anything is sent), or the one already on the server.
    async fn next_key(&self, engine: &Engine) -> Result<(PublicKey, NewKey, Option<Secret>)> {
        let NextKey::OnServer(new) = &engine.next else {
            let desired = &self.target.desired;
            let (secret, key) = self.pool.take(self.index, desired.key_bits).await?;
            let kid = key.effective_kid(None);
            let id = self.target.server.id();
            // The ring first: the new key's private half in it, read back, before Okta
            // sees the key (as `keys rotate --ring` does).
            if let Some(store) = self.ring() {
                let half =
                    PrivateHalf::new(&DecryptionKey::parse(&secret, "the new private key")?)?;
                put_new_key(&store, &kid, &half).await?;
                (self.printer).note(format!(
                    "{}: put the new {}-bit private key (kid {kid}) into {}",
                    self.target.name(),
                    desired.key_bits,
                    store.location().describe()
                ));
            }
            let Some(command) = desired.private_key_command.as_deref() else {
                let new = NewKey {
                    kid,
                    thumbprint: Some(key.thumbprint()),
                };
                return Ok((key, new, Some(secret)));
            };
            let vars = [
                (env::HOOK_AUTH_SERVER, id),
                (env::HOOK_NEW_KID, kid.as_str()),
            ];
            if let Err(why) = crate::commands::generate::hand_off(command, &secret, &vars).await {
                return Err(Error::config_hint(
                    format!(
                        "private_key_command {why}; the new key was not stored, so nothing was \
                         sent to Okta: the server's keys are unchanged"
                    ),
                    "fix the command so it reads the PEM on its stdin to the end and exits 0 \
                     only once the key is stored, then run apply again",
                ));
            }
            (self.printer).note(format!(
                "{}: handed the new {}-bit private key (kid {kid}) to private_key_command",
                self.target.name(),
                desired.key_bits
            ));
            let new = NewKey {
                kid,
                thumbprint: Some(key.thumbprint()),
            };
            return Ok((key, new, Some(secret)));
        };
        // Not sent: the key is on the server already, so nothing is added.
        let placeholder = PublicKey {
            kid: None,
            n: String::new(),
            e: String::new(),
        };
        Ok((placeholder, new.clone(), None))
    }

    async fn execute(&self, plan: &rotate::Plan, key: &PublicKey, kid: &str) -> rotate::Outcome {
        let desired = &self.target.desired;
        let hooks = Hooks {
            activate_when: desired.activate_when.clone(),
            gate_interval: desired.gate_interval,
            gate_timeout: desired.gate_timeout,
            on_retire: desired.on_retire.clone(),
            private_key_file: None,
        };
        let name = self.target.name();
        let progress = |line: String| self.printer.note(format!("{name}: {line}"));
        rotate::execute(&rotate::Run {
            client: self.client,
            server: self.target.server.id(),
            plan,
            key,
            kid,
            hooks: &hooks,
            progress: &progress,
        })
        .await
    }

    /// Set encryption as `servers encryption` does, after checking it is still as planned.
    async fn encryption(&self, planned: Option<&str>, alg: Option<&str>) -> Result<()> {
        let id = self.target.server.id();
        let now = servers::get_server(self.client, id).await?;
        if now.encryption() == alg {
            return Ok(());
        }
        if now.encryption() != planned {
            return Err(Error::Changed {
                message: format!(
                    "another change is in progress on {id}: its encryption is now {}, not {} as \
                     planned; nothing more was changed",
                    now.encryption().unwrap_or("off"),
                    planned.unwrap_or("off")
                ),
                hint: None,
            });
        }
        super::super::servers::put_encryption(self.client, &now, alg).await?;
        self.printer.note(format!(
            "{}: access-token encryption set to {}",
            self.target.name(),
            alg.unwrap_or("off")
        ));
        Ok(())
    }

    /// The proof: a token from the server's own token endpoint is a JWE to the ACTIVE
    /// key, and opens with the new private key when this run made it (exit 10 if not).
    async fn verify(&self, verify: &crate::policy::Verify, made: Option<&Secret>) -> Result<()> {
        let id = self.target.server.id();
        let secret = match ProcessEnv.var(&verify.secret_env) {
            Some(s) if !s.is_empty() => Secret::new(s),
            _ => {
                return Err(Error::config_hint(
                    format!(
                        "verify: no client secret: the environment variable {} is not set",
                        verify.secret_env
                    ),
                    format!(
                        "export {} with the client secret of app {}",
                        verify.secret_env, verify.client_id
                    ),
                ));
            }
        };
        let scope = (!verify.scope.is_empty()).then(|| verify.scope.join(" "));
        let oauth_client = oauth::OAuthClient {
            client_id: &verify.client_id,
            secret: &secret,
            secret_var: &verify.secret_env,
        };
        let token = oauth::request_token(self.client, id, &oauth_client, scope.as_deref()).await?;
        let keys = crate::api::list_keys(self.client, id).await?;
        let active_kid = keys.iter().find(|k| k.is_active()).and_then(|k| k.kid());
        let fail = |what: String| {
            Error::verification(
                format!("verify on {id}: {what}"),
                "nothing was retired: the previous keys stay on the server; once the resource \
                 server holds the new key, run apply again"
                    .to_string(),
            )
        };
        let header = match super::super::inspect::shape(token.expose()) {
            super::super::inspect::Shape::Jwe(header) => header,
            _ => return Err(fail("the server's access token is not a JWE".into())),
        };
        let kid = header.get("kid").and_then(Value::as_str);
        if kid.is_none() || kid != active_kid {
            return Err(fail(format!(
                "the token is encrypted to kid {:?}, not the ACTIVE key's {:?}",
                kid.unwrap_or("-"),
                active_kid.unwrap_or("-")
            )));
        }
        if let Some(pem) = made {
            let key = DecryptionKey::parse(pem, "the new private key")?;
            super::super::inspect::open(token.expose(), &key, "the new private key")
                .map_err(|e| fail(e.to_string()))?;
        }
        self.printer.note(format!(
            "{}: verified: a new access token is a JWE to the ACTIVE key{}",
            self.target.name(),
            if made.is_some() {
                ", and the new private key opens it"
            } else {
                ""
            }
        ));
        Ok(())
    }
}

/// One row (or JSON entry) per server: what was done, or why not.
fn summary(
    printer: &Printer,
    run: &Run,
    planned: &[Planned],
    applied: &[Option<Applied>],
) -> Result<()> {
    let entries: Vec<Value> = run
        .targets
        .iter()
        .zip(planned.iter().zip(applied))
        .map(|(target, (planned, applied))| {
            let (result, done, active, error) = match (planned, applied) {
                (Err(err), _) => ("not planned", Vec::new(), None, Some(err)),
                (Ok(_), None) => ("unchanged", Vec::new(), None, None),
                (Ok(_), Some(a)) => (
                    if a.error.is_some() {
                        "failed"
                    } else {
                        "applied"
                    },
                    a.done.clone(),
                    a.active_key.clone(),
                    a.error.as_ref(),
                ),
            };
            json!({
                "profile": target.profile,
                "id": target.server.id(),
                "name": target.server.name(),
                "result": result,
                "done": done,
                "active_key": active,
                "error": error.map(|e| output::error_json(e)["error"].clone()),
            })
        })
        .collect();
    if printer.format == OutputFormat::Json {
        return printer.json(&Value::Array(entries));
    }
    let text = |v: &Value| match v {
        Value::Null => "-".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            let done: Vec<String> = e["done"]
                .as_array()
                .map(|d| d.iter().map(text).collect())
                .unwrap_or_default();
            vec![
                text(&e["id"]),
                text(&e["profile"]),
                text(&e["result"]),
                if done.is_empty() {
                    "-".into()
                } else {
                    done.join(", ")
                },
                text(&e["active_key"]),
                match &e["error"] {
                    Value::Null => "-".into(),
                    err => format!("exit {}", text(&err["exit_code"])),
                },
            ]
        })
        .collect();
    printer.rows(
        &[
            "AUTH SERVER",
            "PROFILE",
            "RESULT",
            "DONE",
            "ACTIVE KEY",
            "ERROR",
        ],
        &rows,
    )
}
