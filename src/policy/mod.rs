//! Desired state from one reviewed file: the policy file (`file`: its types are its JSON
//! Schema), which servers it manages and their settings (`select`), and what `apply`
//! would change on each (`diff`: pure, from what Okta holds and the time now). The
//! commands `plan` and `apply` (in `commands::policy`) read Okta, show the diff, and
//! carry it out through the rotation engine (`rotate`) and the encryption switch of
//! `servers encryption`. There is no state file: Okta is the state.

mod diff;
mod file;
mod select;

pub(crate) use diff::{
    Change, Engine, Facts, NextKey, ServerPlan, needs_lifetime, plan, retirement,
};
pub(crate) use file::{PolicyFile, Source, Verify, load};
pub(crate) use select::{Desired, Listed, check, profiles, select};

/// The policy file's JSON Schema (draft 2020-12), for editors and CI checks.
pub(crate) fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(PolicyFile)).unwrap_or_default()
}
