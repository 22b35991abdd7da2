//! Key rotation: the plan (`plan`: pure, from the keys a server holds) and its execution
//! (`execute`: the requests, step by step). `commands::rotate` shows and reports them.
//!
//! A rotation puts a new key in and makes it the active one:
//! 1. add the new key INACTIVE (Okta's rule), or reuse a key with the same kid that an
//!    earlier, interrupted run already added;
//! 2. activate it: Okta deactivates the key that was active;
//! 3. retire old keys: `--delete-old` deletes every other INACTIVE key, `--keep N` keeps the
//!    N newest of them.
//!
//! Re-running the same rotation converges: every step is planned from what Okta holds now,
//! so a run that stopped half-way is completed without adding anything twice.
//!
//! Safety, by construction:
//! - only INACTIVE keys are ever deleted, and nothing is ever deactivated; the active key
//!   changes only by activating the new one. A server that had an active key always has one.
//! - a server holding 5 keys (Okta's maximum) needs room before the add. Deletion normally
//!   comes after activation, so it cannot make that room. When the retention asks for
//!   keys to be deleted anyway, the oldest of those INACTIVE keys are deleted *first*, just as
//!   many as needed: they are inactive and would stay inactive, so nothing that encrypts
//!   tokens changes, and the end state is the same as deleting them last. When nothing may
//!   be deleted, the plan is refused before anything changes.
//! - Okta refuses to add a key while a key without a kid exists. Such a key, when INACTIVE
//!   and to be deleted by the retention anyway, is deleted first too; otherwise the plan is
//!   refused with the reason.

mod execute;
mod key_view;
mod plan;

pub(crate) use execute::{Outcome, execute};
pub(crate) use key_view::KeyView;
pub(crate) use plan::{NewKey, Plan, Retention, plan};
