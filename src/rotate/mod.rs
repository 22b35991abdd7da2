//! Key rotation: every key's role and when it may be retired (`roles`), the plan (`plan`:
//! pure, from the keys a server holds) and its execution (`execute`: the requests, step by
//! step, each change after a fresh look at the server). `commands::rotate` shows and
//! reports them.
//!
//! A rotation puts a new key in and makes it the active one, in the order a resource
//! server survives:
//! 1. add the new key INACTIVE (Okta's rule), or use a key with the same kid that is
//!    already staged (`--stage`, or an earlier, interrupted run);
//! 2. wait for the gate (`--activate-when`): the resource server must hold the new
//!    private key before Okta encrypts a token with it;
//! 3. activate it: Okta deactivates the key that was active;
//! 4. retire previous keys, only once retirable (the last token encrypted with them has
//!    expired): `--delete-old` deletes every retirable one, `--keep N` keeps the N newest.
//!
//! Re-running the same rotation converges: every step is planned from what Okta holds now,
//! so a run that stopped half-way is completed without adding anything twice.
//!
//! Safety, by construction:
//! - only INACTIVE keys the run saw when it started are ever deleted, never a next key,
//!   and nothing is ever deactivated; the active key changes only by activating the new
//!   one. A server that had an active key always has one.
//! - Okta's key limit is learned from its refusal of the add, not assumed: then the
//!   oldest retirable INACTIVE key makes room, when the run may delete.
//! - before every change the keys are listed again; when the server no longer looks as
//!   planned (another job at work), the run stops (exit 13).
//! - Okta refuses to add a key while a key without a kid exists. Such a key, when INACTIVE
//!   and to be deleted by the retention anyway, is deleted first; otherwise the plan is
//!   refused with the reason.

mod execute;
mod gate;
mod key_view;
mod plan;
mod roles;

pub(crate) use execute::{Outcome, Run, execute};
pub(crate) use gate::Hooks;
pub(crate) use key_view::{KeyStatus, KeyView, views_of_listed};
pub(crate) use plan::{NewKey, Options, Plan, Refusal, Retention, Step, not_due_until, plan};
pub(crate) use roles::{MAX_TOKEN_LIFETIME, Retirable, Retirement, Role, role, was_activated};

/// Each key's role among `keys` (the keys of one server, or one key alone when it says
/// enough: an ACTIVE key is current, an activated one previous, a new one next).
pub(crate) fn roles_of(keys: &[crate::api::Key]) -> Vec<String> {
    let views: Vec<KeyView> = keys.iter().map(KeyView::from_api).collect();
    views.iter().map(|k| role(&views, k).to_string()).collect()
}

/// The role of a key just added, activated or deactivated: what it says alone.
pub(crate) fn role_alone(key: &crate::api::Key) -> String {
    roles_of(std::slice::from_ref(key)).concat()
}

/// The role of `key` among the server's `keys` (alone when they do not hold it).
pub(crate) fn role_among(keys: &[crate::api::Key], key: &crate::api::Key) -> String {
    keys.iter()
        .zip(roles_of(keys))
        .find(|(other, _)| other.id() == key.id())
        .map_or_else(|| role_alone(key), |(_, role)| role)
}
