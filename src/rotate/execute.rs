//! Carrying out a plan on one server, step by step, and what it did.

use super::key_view::{KeyStatus, KeyView};
use super::plan::{Plan, Step, Target};
use crate::api;
use crate::client::Client;
use crate::error::{Error, Result};
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
    /// The active key at the end (after a failure: as Okta reported it afterwards).
    pub(crate) active_key: Option<String>,
    /// What Okta holds after a failure (None when it could not be listed, or on success).
    pub(crate) holds: Option<Vec<KeyView>>,
    pub(crate) error: Option<Error>,
}

/// Carry out `plan` on `auth_server`. Stops at the first failing step; then lists the keys
/// again, best effort, so the report says what Okta now holds. `progress` receives one
/// line per completed step, for people.
pub(crate) async fn execute(
    client: &Client,
    auth_server: &str,
    plan: &Plan,
    key: &PublicKey,
    progress: &dyn Fn(String),
) -> Outcome {
    let mut outcome = Outcome::default();
    match run_steps(client, auth_server, plan, key, progress, &mut outcome).await {
        Ok(active) => outcome.active_key = Some(active),
        Err(err) => {
            outcome.error = Some(err);
            if let Ok(keys) = api::list_keys(client, auth_server).await {
                let views: Vec<KeyView> = keys.iter().map(KeyView::from_api).collect();
                outcome.active_key = views
                    .iter()
                    .find(|k| k.status == KeyStatus::Active)
                    .map(|k| k.id.clone());
                outcome.holds = Some(views);
            }
        }
    }
    outcome
}

/// The plan's steps in order; the id of the key active at the end.
async fn run_steps(
    client: &Client,
    auth_server: &str,
    plan: &Plan,
    key: &PublicKey,
    progress: &dyn Fn(String),
    outcome: &mut Outcome,
) -> Result<String> {
    let mut new_id: Option<String> = None;
    let mut active: Option<String> = None;
    for step in &plan.steps {
        match step {
            Step::DeleteFirst { key: old, .. } | Step::Delete { key: old } => {
                delete(client, auth_server, &old.id).await?;
                outcome.deleted.push(old.id.clone());
                progress(format!("deleted INACTIVE key {}", old.describe()));
            }
            Step::AddKey { kid } => {
                let added = add(client, auth_server, key, kid).await?;
                progress(format!("added key {} INACTIVE", added.describe()));
                outcome.added = Some(added.id.clone());
                new_id = Some(added.id);
            }
            Step::ReuseExisting { key: existing } => {
                new_id = Some(existing.id.clone());
            }
            Step::Activate { target } => {
                let id = match target {
                    Target::Existing(id) => id.clone(),
                    Target::New => new_id
                        .clone()
                        .ok_or_else(|| Error::Internal("activate before add in the plan".into()))?,
                };
                activate(client, auth_server, &id).await?;
                outcome.activated = Some(id.clone());
                outcome.deactivated = plan.deactivates.iter().map(|k| k.id.clone()).collect();
                progress(format!(
                    "activated key {id}{}",
                    plan.deactivation_note("deactivated")
                ));
                active = Some(id);
            }
            Step::AlreadyActive { key: existing } => active = Some(existing.id.clone()),
        }
    }
    active.ok_or_else(|| Error::Internal("the plan activates no key".into()))
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
