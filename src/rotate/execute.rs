//! Carrying out a plan on one server, step by step, and what it did.
//!
//! Two jobs may rotate one server at once. So before every change the keys are listed
//! again, and the run stops (exit 13, nothing more changed) when the server no longer
//! looks as planned: the ACTIVE key is not the one planned, a key to activate is gone, a
//! key to delete changed. Only keys the run saw when it started are ever deleted, and
//! success is reported only after seeing the new key ACTIVE at the end.

use super::gate::Hooks;
use super::key_view::{KeyStatus, KeyView};
use super::plan::{Plan, Step, Target};
use crate::api;
use crate::client::Client;
use crate::error::{ApiError, Error, Result};
use keymaterial::jwk::PublicKey;

/// What a rotation did to one server: the `-o json` report's entry, and the summary row.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// The id of the key added by this run.
    pub(crate) added: Option<String>,
    /// The id of the key activated by this run.
    pub(crate) activated: Option<String>,
    /// The ids of the keys the activation deactivated.
    pub(crate) deactivated: Vec<String>,
    /// The ids of the keys deleted by this run.
    pub(crate) deleted: Vec<String>,
    /// The new key's id, once known (added, staged or reused).
    pub(crate) new_key: Option<String>,
    /// The active key at the end (after a failure: as Okta reported it afterwards).
    pub(crate) active_key: Option<String>,
    /// What Okta holds after a failure (None when it could not be listed, or on success).
    pub(crate) holds: Option<Vec<KeyView>>,
    pub(crate) error: Option<Error>,
}

/// One server's rotation: where, what, and the commands to run on the way.
pub(crate) struct Run<'a> {
    pub(crate) client: &'a Client,
    pub(crate) server: &'a str,
    pub(crate) plan: &'a Plan,
    pub(crate) key: &'a PublicKey,
    pub(crate) kid: &'a str,
    pub(crate) hooks: &'a Hooks,
    /// Receives one line per completed step, for people.
    pub(crate) progress: &'a dyn Fn(String),
}

/// Carry out the plan. Stops at the first failing step; then lists the keys again, best
/// effort, so the report says what Okta now holds.
pub(crate) async fn execute(run: &Run<'_>) -> Outcome {
    let mut outcome = Outcome::default();
    match run_steps(run, &mut outcome).await {
        Ok(active) => outcome.active_key = active,
        Err(err) => {
            outcome.error = Some(err);
            if let Ok(views) = look(run).await {
                outcome.active_key = active_id(&views);
                outcome.holds = Some(views);
            }
        }
    }
    outcome
}

/// The plan's steps in order; the id of the key active at the end.
async fn run_steps(run: &Run<'_>, outcome: &mut Outcome) -> Result<Option<String>> {
    let plan = run.plan;
    let progress = run.progress;
    // The key that must be ACTIVE before each change: the one seen at the start, then ours.
    let mut expected = plan.active_at_start().map(|k| k.id.clone());
    let mut ours_active = false;
    // What the server held after the last change, when read since (the activation's check
    // doubles as the look before the next step).
    let mut fresh: Option<Vec<KeyView>> = None;
    for step in &plan.steps {
        match step {
            Step::DeleteFirst { key: old, .. } | Step::Delete { key: old } => {
                if outcome.deleted.contains(&old.id) {
                    // Deleted already, to make room for the add.
                    continue;
                }
                let now = match fresh.take() {
                    Some(now) => now,
                    None => look(run).await?,
                };
                expect_active(run.server, &now, expected.as_deref())?;
                if delete_seen(run, &now, old).await? {
                    outcome.deleted.push(old.id.clone());
                    progress(format!("deleted INACTIVE key {}", old.describe()));
                    run.hooks.retired(run.server, old).await?;
                } else {
                    fresh = Some(now);
                }
            }
            Step::AddKey { kid } => {
                let now = look(run).await?;
                expect_active(run.server, &now, expected.as_deref())?;
                let added = add_making_room(run, kid, outcome).await?;
                progress(format!("added key {} INACTIVE", added.describe()));
                outcome.added = Some(added.id.clone());
                outcome.new_key = Some(added.id);
            }
            Step::ReuseExisting { key } | Step::AlreadyStaged { key } => {
                outcome.new_key = Some(key.id.clone());
            }
            Step::Gate => {
                let id = new_id(outcome)?;
                run.client
                    .off_the_clock(run.hooks.gate(run.server, run.kid, &id, progress))
                    .await?;
            }
            Step::Activate { target } => {
                let id = match target {
                    Target::Existing(id) => id.clone(),
                    Target::New => new_id(outcome)?,
                };
                fresh = Some(activate_checked(run, &id, expected.as_deref()).await?);
                outcome.activated = Some(id.clone());
                outcome.deactivated = plan.deactivates.iter().map(|k| k.id.clone()).collect();
                progress(format!(
                    "activated key {id}{}",
                    plan.deactivation_note("deactivated")
                ));
                expected = Some(id);
                ours_active = true;
            }
            Step::AlreadyActive { key } => {
                expected = Some(key.id.clone());
                ours_active = true;
            }
        }
    }
    if ours_active && !plan.is_noop() {
        // Success only after seeing the new key ACTIVE, after everything else.
        let now = match fresh {
            Some(now) => now,
            None => look(run).await?,
        };
        expect_active(run.server, &now, expected.as_deref())?;
    }
    Ok(expected)
}

fn new_id(outcome: &Outcome) -> Result<String> {
    outcome
        .new_key
        .clone()
        .ok_or_else(|| Error::Internal("activate before add in the plan".into()))
}

/// The keys as Okta holds them now.
async fn look(run: &Run<'_>) -> Result<Vec<KeyView>> {
    let keys = api::list_keys(run.client, run.server).await?;
    Ok(keys.iter().map(KeyView::from_api).collect())
}

fn active_id(keys: &[KeyView]) -> Option<String> {
    keys.iter()
        .find(|k| k.status == KeyStatus::Active)
        .map(|k| k.id.clone())
}

/// Another change is in progress: what changed, for the message.
fn changed(server: &str, what: String) -> Error {
    Error::Changed {
        message: format!(
            "another change is in progress on {server}: {what}; nothing more was changed"
        ),
        hint: None,
    }
}

/// The ACTIVE key must be the one planned.
fn expect_active(server: &str, now: &[KeyView], expected: Option<&str>) -> Result<()> {
    let active = active_id(now);
    if active.as_deref() == expected {
        return Ok(());
    }
    let name = |id: Option<&str>| id.map_or("none".to_string(), |id| format!("key {id}"));
    Err(changed(
        server,
        format!(
            "the ACTIVE key is now {}, not {} as planned",
            name(active.as_deref()),
            name(expected)
        ),
    ))
}

/// Delete a key the run saw at the start, if it is still as it was. `false` when it is
/// gone already (another job deleted it).
async fn delete_seen(run: &Run<'_>, now: &[KeyView], old: &KeyView) -> Result<bool> {
    let seen = run.plan.seen.iter().find(|k| k.id == old.id);
    let Some(seen) = seen else {
        return Err(Error::Internal(format!(
            "the plan deletes key {}, which the run did not see",
            old.id
        )));
    };
    let Some(current) = now.iter().find(|k| k.id == old.id) else {
        (run.progress)(format!("key {} is gone already", old.describe()));
        return Ok(false);
    };
    // The key the activation deactivated has a new lastUpdated; any other must not.
    let deactivated_by_us = run.plan.deactivates.iter().any(|k| k.id == old.id);
    if current.status != KeyStatus::Inactive
        || (!deactivated_by_us && current.last_updated != seen.last_updated)
    {
        return Err(changed(
            run.server,
            format!(
                "key {} to delete changed ({}, last updated {})",
                old.describe(),
                current.status,
                current.last_updated.as_deref().unwrap_or("?")
            ),
        ));
    }
    delete(run.client, run.server, &old.id).await?;
    Ok(true)
}

/// Activate the key after checking the server, then see it ACTIVE; the keys then.
async fn activate_checked(run: &Run<'_>, id: &str, expected: Option<&str>) -> Result<Vec<KeyView>> {
    let now = look(run).await?;
    match now.iter().find(|k| k.id == id) {
        None => {
            return Err(changed(run.server, format!("key {id} to activate is gone")));
        }
        Some(k) if k.status != KeyStatus::Inactive => {
            return Err(changed(
                run.server,
                format!("key {id} to activate is {} already", k.status),
            ));
        }
        Some(_) => {}
    }
    expect_active(run.server, &now, expected)?;
    activate(run.client, run.server, id).await?;
    let after = look(run).await?;
    expect_active(run.server, &after, Some(id))?;
    Ok(after)
}

/// Add the new key. When Okta refuses for its key limit, delete the oldest retirable
/// INACTIVE key (when the run may delete) and add again.
async fn add_making_room(run: &Run<'_>, kid: &str, outcome: &mut Outcome) -> Result<KeyView> {
    let plan = run.plan;
    let mut room = plan.room.iter();
    loop {
        let refusal = match add(run.client, run.server, run.key, kid).await {
            Err(Error::Api(api)) if is_key_limit(&api) => api,
            other => return other,
        };
        let Some(old) = room.next().filter(|_| plan.may_delete) else {
            return Err(key_limit_refusal(run.server, plan, &refusal));
        };
        let now = look(run).await?;
        expect_active(
            run.server,
            &now,
            plan.active_at_start().map(|k| k.id.as_str()),
        )?;
        if delete_seen(run, &now, old).await? {
            outcome.deleted.push(old.id.clone());
            (run.progress)(format!(
                "deleted INACTIVE key {} to make room: Okta refused the add for its key limit",
                old.describe()
            ));
            run.hooks.retired(run.server, old).await?;
        }
    }
}

fn is_key_limit(api: &ApiError) -> bool {
    api.status == 400
        && api
            .error_causes
            .iter()
            .any(|c| c.contains("maximum number of keys"))
}

/// Okta's key limit is reached and nothing may make room: say which key becomes
/// retirable when, and what would go ahead.
fn key_limit_refusal(server: &str, plan: &Plan, refusal: &ApiError) -> Error {
    let delete = crate::hint::command(["keys", "delete", "--auth-server", server, "KEY_ID"]);
    let okta = refusal
        .error_causes
        .first()
        .cloned()
        .unwrap_or_else(|| "the maximum number of keys is reached".into());
    let (why, hint) = if !plan.may_delete {
        (
            "and the run may not delete keys".to_string(),
            match plan.room.first() {
                Some(k) => format!(
                    "pass --delete-old or --keep N to let oktakeys delete the oldest retirable \
                     INACTIVE key ({}) and add again",
                    k.describe()
                ),
                None => format!(
                    "pass --delete-old or --keep N, or delete an INACTIVE key yourself \
                     (`{delete}`)"
                ),
            },
        )
    } else {
        match &plan.room_later {
            Some((key, when)) => (
                format!(
                    "and no INACTIVE key is retirable yet: {} becomes retirable at {} \
                     (when the last access token encrypted with it has expired)",
                    key.describe(),
                    when.label()
                ),
                "run again then, or pass --ignore-token-lifetime to delete it now \
                 (a resource server still holding tokens encrypted with it could no longer \
                 decrypt them)"
                    .to_string(),
            ),
            None => (
                "and no INACTIVE key may be deleted (only next keys, or none)".to_string(),
                format!("delete a key yourself (`{delete}`), or pass --ignore-token-lifetime"),
            ),
        }
    };
    Error::Refused {
        message: format!(
            "Okta refused to add the new key (\"{okta}\"), {why}. Nothing more was changed"
        ),
        hint: Some(hint),
    }
}

/// Add the new key (INACTIVE). Its id goes into later request paths, so it must be one.
async fn add(client: &Client, auth_server: &str, key: &PublicKey, kid: &str) -> Result<KeyView> {
    // api::add_key looks for the key before resending after a lost answer.
    let added = api::add_key(client, auth_server, key.request_body(kid))
        .await?
        .key;
    let view = KeyView::from_api(&added);
    if crate::ids::parse_path_id(&view.id).is_err() {
        return Err(Error::network(
            format!(
                "Okta's answer to the add has no usable key id (`{}`)",
                view.id.escape_debug()
            ),
            None,
        ));
    }
    Ok(view)
}

/// Activate a key; Okta must answer that it is now ACTIVE.
async fn activate(client: &Client, auth_server: &str, id: &str) -> Result<()> {
    let activated = api::activate_key(client, auth_server, id).await?;
    if !activated.is_active() {
        return Err(Error::network(
            format!(
                "Okta answered the activation of key {id} with status {}",
                activated.status()
            ),
            None,
        ));
    }
    Ok(())
}

/// Delete a key; one that is already gone (404) counts as deleted.
async fn delete(client: &Client, auth_server: &str, id: &str) -> Result<()> {
    match api::delete_key(client, auth_server, id).await {
        Err(Error::Api(api)) if api.status == 404 => Ok(()),
        other => other,
    }
}
