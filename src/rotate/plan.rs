//! The plan of one rotation: pure, from the keys a server holds (see the module above).

use std::fmt;

use super::key_view::{KeyStatus, KeyView, describe_all};

/// Okta's limit on keys per authorization server.
pub(crate) const MAX_KEYS: usize = 5;

/// What happens to the old INACTIVE keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Retention {
    /// Delete nothing.
    None,
    /// Delete every INACTIVE key except the new one (`--delete-old`).
    DeleteOld,
    /// Keep the N newest INACTIVE keys, delete the others (`--keep N`). The key that was
    /// active before the rotation counts as the newest: it is the one to roll back to.
    Keep(usize),
}

impl Retention {
    pub(crate) fn deletes(self) -> bool {
        !matches!(self, Retention::None)
    }
}

/// Which key a step acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// The key the `AddKey` step creates (its id is known only then).
    New,
    Existing(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// Delete an INACTIVE key before adding, to make room or to remove a kid-less key.
    /// Only keys that the retention would delete anyway.
    DeleteFirst { key: KeyView, why: String },
    /// Add the new key, INACTIVE.
    AddKey { kid: String },
    /// A key with the new kid is already there, INACTIVE (an earlier run added it): use it.
    ReuseExisting { key: KeyView },
    /// Activate the key; Okta deactivates the one that was active.
    Activate { target: Target },
    /// The key with the new kid is already the active one: nothing to add or activate.
    AlreadyActive { key: KeyView },
    /// Delete an INACTIVE key after the activation (the retention).
    Delete { key: KeyView },
}

/// The steps of one server's rotation, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    pub(crate) steps: Vec<Step>,
    /// The keys the activation deactivates (the ones ACTIVE now, except the new key).
    pub(crate) deactivates: Vec<KeyView>,
    /// Old keys left on the server afterwards (besides the new, active one).
    pub(crate) kept: Vec<KeyView>,
}

impl Plan {
    /// Nothing to do: the new key is active and no key is to be deleted.
    pub(crate) fn is_noop(&self) -> bool {
        self.steps
            .iter()
            .all(|s| matches!(s, Step::AlreadyActive { .. }))
    }

    /// `; Okta deactivates apk… (kid …)` (with `verb`), or nothing when no key is active.
    pub(super) fn deactivation_note(&self, verb: &str) -> String {
        if self.deactivates.is_empty() {
            String::new()
        } else {
            format!("; Okta {verb} {}", describe_all(&self.deactivates))
        }
    }

    pub(crate) fn deletions(&self) -> impl Iterator<Item = &KeyView> {
        self.steps.iter().filter_map(|s| match s {
            Step::DeleteFirst { key, .. } | Step::Delete { key } => Some(key),
            _ => None,
        })
    }
}

impl fmt::Display for Plan {
    /// The plan for people, one numbered line per step.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let previous = self.deactivation_note("deactivates");
        for (i, step) in self.steps.iter().enumerate() {
            let n = i + 1;
            match step {
                Step::DeleteFirst { key, why } => writeln!(
                    f,
                    "  {n}. delete INACTIVE key {} first: {why}",
                    key.describe()
                )?,
                Step::AddKey { kid } => writeln!(f, "  {n}. add the new key, kid {kid}, INACTIVE")?,
                Step::ReuseExisting { key } => writeln!(
                    f,
                    "  {n}. use key {}, already added INACTIVE by an earlier run",
                    key.describe()
                )?,
                Step::Activate { target } => {
                    let what = match target {
                        Target::New => "the new key".to_string(),
                        Target::Existing(id) => id.clone(),
                    };
                    writeln!(f, "  {n}. activate {what}{previous}")?
                }
                Step::AlreadyActive { key } => writeln!(
                    f,
                    "  {n}. nothing to add or activate: key {} is already the active key",
                    key.describe()
                )?,
                Step::Delete { key } => {
                    writeln!(f, "  {n}. delete INACTIVE key {}", key.describe())?
                }
            }
        }
        if !self.kept.is_empty() {
            writeln!(f, "  keep: {}", describe_all(&self.kept))?;
        }
        Ok(())
    }
}

/// Why a rotation cannot be planned. Nothing has been changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) reason: String,
    pub(crate) hint: Option<String>,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

/// The key a rotation puts in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NewKey {
    pub(crate) kid: String,
    /// RFC 7638 thumbprint: a key already on the server with this kid is reused only if
    /// it is this very key. `None` while the key is not known yet (`--dry-run --generate`).
    pub(crate) thumbprint: Option<String>,
}

/// Plan the rotation of one server to the key `new`, from the keys it holds now.
pub(crate) fn plan(keys: &[KeyView], new: &NewKey, retention: Retention) -> Result<Plan, Refusal> {
    let same = key_with_the_new_kid(keys, new)?;
    let old: Vec<&KeyView> = keys
        .iter()
        .filter(|k| k.kid.as_deref() != Some(new.kid.as_str()))
        .collect();
    let retained = Retained::sort(&old, retention);

    let (mut steps, deleted_first) = match same {
        Some(key) => (use_existing(key)?, Vec::new()),
        None => {
            let first = room_for_the_new_key(keys, &old, &retained.to_delete, retention)?;
            (add_and_activate(&new.kid, &first, keys.len()), first)
        }
    };
    steps.extend(
        retained
            .to_delete
            .iter()
            .filter(|key| !deleted_first.iter().any(|d| d.id == key.id))
            .map(|key| Step::Delete {
                key: (*key).clone(),
            }),
    );

    Ok(Plan {
        steps,
        deactivates: deactivated_by_the_activation(same, &old),
        kept: retained.kept.into_iter().cloned().collect(),
    })
}

/// The key on the server with the new kid, if any. It must be the new key itself (an
/// earlier run added it): Okta requires unique kids, and another key is never activated.
fn key_with_the_new_kid<'a>(
    keys: &'a [KeyView],
    new: &NewKey,
) -> Result<Option<&'a KeyView>, Refusal> {
    let same = keys
        .iter()
        .find(|k| k.kid.as_deref() == Some(new.kid.as_str()));
    match same {
        Some(key) if key.thumbprint.is_none() || key.thumbprint != new.thumbprint => Err(Refusal {
            reason: format!(
                "the server already holds a different key with kid `{}` ({}, {}); \
                     Okta requires unique kids. Nothing was changed",
                new.kid, key.id, key.status
            ),
            hint: Some(
                "give the new key another kid with --kid (without --kid, the kid is the \
                     key's RFC 7638 thumbprint)"
                    .into(),
            ),
        }),
        _ => Ok(same),
    }
}

/// The old keys sorted by what the retention does with them.
struct Retained<'a> {
    /// Left on the server: the newest INACTIVE ones the retention keeps (the previously
    /// active key leads), then those of a status this version does not know.
    kept: Vec<&'a KeyView>,
    /// Deleted, every one of them INACTIVE by the end; newest first.
    to_delete: Vec<&'a KeyView>,
}

impl<'a> Retained<'a> {
    fn sort(old: &[&'a KeyView], retention: Retention) -> Self {
        let mut kept = inactive_after_the_activation(old);
        let keep = match retention {
            Retention::None => kept.len(),
            Retention::DeleteOld => 0,
            Retention::Keep(n) => n.min(kept.len()),
        };
        let to_delete = kept.split_off(keep);
        // Keys of an unknown status are left alone, and kept.
        kept.extend(
            old.iter()
                .copied()
                .filter(|k| matches!(k.status, KeyStatus::Other(_))),
        );
        Retained { kept, to_delete }
    }
}

/// After the activation, the old keys that are INACTIVE: the ones the activation
/// deactivates (the key to roll back to) lead, then the ones inactive now, newest first.
fn inactive_after_the_activation<'a>(old: &[&'a KeyView]) -> Vec<&'a KeyView> {
    let mut inactive: Vec<&KeyView> = old
        .iter()
        .copied()
        .filter(|k| k.status == KeyStatus::Inactive)
        .collect();
    inactive.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| a.id.cmp(&b.id)));
    let previously_active = old
        .iter()
        .copied()
        .filter(|k| k.status == KeyStatus::Active);
    previously_active.chain(inactive).collect()
}

/// The keys the activation deactivates: the ones ACTIVE now, unless the new key already is.
fn deactivated_by_the_activation(same: Option<&KeyView>, old: &[&KeyView]) -> Vec<KeyView> {
    match same {
        Some(k) if k.status == KeyStatus::Active => Vec::new(),
        _ => old
            .iter()
            .filter(|k| k.status == KeyStatus::Active)
            .map(|k| (*k).clone())
            .collect(),
    }
}

/// The new key is already on the server: activate it, or nothing when it is active.
fn use_existing(key: &KeyView) -> Result<Vec<Step>, Refusal> {
    match key.status {
        KeyStatus::Active => Ok(vec![Step::AlreadyActive { key: key.clone() }]),
        KeyStatus::Inactive => Ok(vec![
            Step::ReuseExisting { key: key.clone() },
            Step::Activate {
                target: Target::Existing(key.id.clone()),
            },
        ]),
        KeyStatus::Other(_) => Err(Refusal {
            reason: format!(
                "key {} has the new kid but its status is {}; oktakeys cannot activate it",
                key.describe(),
                key.status
            ),
            hint: Some("look at it with `oktakeys keys get KEY_ID`".into()),
        }),
    }
}

/// The keys to delete before the add: a kid-less key blocks any add, and the count must
/// be under the maximum. Only INACTIVE keys the retention deletes anyway qualify (the
/// oldest go first); when they are not enough, the plan is refused.
fn room_for_the_new_key<'a>(
    keys: &[KeyView],
    old: &[&'a KeyView],
    to_delete: &[&'a KeyView],
    retention: Retention,
) -> Result<Vec<&'a KeyView>, Refusal> {
    let mut first: Vec<&KeyView> = Vec::new();
    for key in old.iter().copied().filter(|k| k.kid.is_none()) {
        let deletable_now =
            key.status == KeyStatus::Inactive && to_delete.iter().any(|d| d.id == key.id);
        if !deletable_now {
            return Err(kidless_refusal(key, retention));
        }
        first.push(key);
    }
    let left = keys.len() - first.len();
    if left >= MAX_KEYS {
        let mut candidates: Vec<&KeyView> = to_delete
            .iter()
            .copied()
            .filter(|k| k.status == KeyStatus::Inactive)
            .filter(|k| !first.iter().any(|d| d.id == k.id))
            .collect();
        candidates.reverse();
        let needed = left + 1 - MAX_KEYS;
        if candidates.len() < needed {
            return Err(full_refusal(keys.len(), retention));
        }
        first.extend(candidates.into_iter().take(needed));
    }
    Ok(first)
}

/// The steps of a rotation to a key not on the server yet: make room, add, activate.
fn add_and_activate(new_kid: &str, delete_first: &[&KeyView], count: usize) -> Vec<Step> {
    let mut steps: Vec<Step> = delete_first
        .iter()
        .map(|key| {
            let why = if key.kid.is_none() {
                "Okta refuses to add a key while a key without a kid exists".to_string()
            } else {
                format!("{}, so the new key needs room", holds(count))
            };
            Step::DeleteFirst {
                key: (*key).clone(),
                why,
            }
        })
        .collect();
    steps.push(Step::AddKey {
        kid: new_kid.to_string(),
    });
    steps.push(Step::Activate {
        target: Target::New,
    });
    steps
}

/// "the server holds N keys, …": Okta's maximum only when N is it; a server listing more
/// evidently has another limit, and no made-up fact is stated about it.
fn holds(count: usize) -> String {
    if count > MAX_KEYS {
        format!(
            "the server holds {count} keys, more than the {MAX_KEYS} Okta documents as its maximum"
        )
    } else {
        format!("the server holds {count} keys, Okta's maximum")
    }
}

fn full_refusal(count: usize, retention: Retention) -> Refusal {
    match retention {
        Retention::None => Refusal {
            reason: format!(
                "{}, and nothing may be deleted: no room for the new key. Nothing was changed",
                holds(count)
            ),
            hint: Some(format!(
                "pass --delete-old (or --keep N with N at most {}) to delete old INACTIVE keys, \
                 or delete one yourself with `oktakeys keys delete KEY_ID`",
                MAX_KEYS - 1
            )),
        },
        _ => Refusal {
            reason: format!(
                "{}, and the retention keeps them all: no room for the new key. Nothing was changed",
                holds(count)
            ),
            hint: Some(format!(
                "keep fewer keys (--keep {} at most) or pass --delete-old",
                MAX_KEYS - 1
            )),
        },
    }
}

fn kidless_refusal(key: &KeyView, retention: Retention) -> Refusal {
    let reason = format!(
        "key {} has no kid, and Okta refuses to add a key while a key without a kid exists. \
         Nothing was changed",
        key.id
    );
    let hint = if key.status == KeyStatus::Active {
        "this server's keys cannot be rotated with the keys API until that key is gone: \
         activate another existing key (`oktakeys keys activate KEY_ID`), then delete it"
            .to_string()
    } else if retention.deletes() {
        format!(
            "the retention keeps it: delete it with `oktakeys keys delete {}`, or pass --delete-old",
            key.id
        )
    } else {
        format!(
            "delete it with `oktakeys keys delete {}`, or pass --delete-old",
            key.id
        )
    };
    Refusal {
        reason,
        hint: Some(hint),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEW: &str = "kid-new";
    const NEW_TP: &str = "thumbprint-of-the-new-key";

    fn new_key() -> NewKey {
        NewKey {
            kid: NEW.into(),
            thumbprint: Some(NEW_TP.into()),
        }
    }

    fn plan(keys: &[KeyView], kid: &str, retention: Retention) -> Result<Plan, Refusal> {
        assert_eq!(kid, NEW);
        super::plan(keys, &new_key(), retention)
    }

    /// A key with the new kid and the new key's material (an earlier run added it).
    fn same(id: &str, status: KeyStatus) -> KeyView {
        KeyView {
            thumbprint: Some(NEW_TP.into()),
            ..key(id, Some(NEW), status, "2026-06-01")
        }
    }

    fn key(id: &str, kid: Option<&str>, status: KeyStatus, created: &str) -> KeyView {
        KeyView {
            id: id.to_string(),
            kid: kid.map(str::to_string),
            status,
            created: Some(created.to_string()),
            thumbprint: None,
        }
    }
    fn active(id: &str, created: &str) -> KeyView {
        key(id, Some(&format!("kid-{id}")), KeyStatus::Active, created)
    }
    fn inactive(id: &str, created: &str) -> KeyView {
        key(id, Some(&format!("kid-{id}")), KeyStatus::Inactive, created)
    }
    /// One ACTIVE key `a` and `n` INACTIVE keys `i1` (oldest) … `in` (newest).
    fn server(n: usize) -> Vec<KeyView> {
        let mut keys = vec![active("a", "2026-05-01T00:00:00.000Z")];
        for i in 1..=n {
            keys.push(inactive(
                &format!("i{i}"),
                &format!("2026-0{i}-01T00:00:00.000Z"),
            ));
        }
        keys
    }

    /// A one-line summary of the steps, to compare plans at a glance.
    fn summary(plan: &Plan) -> Vec<String> {
        plan.steps
            .iter()
            .map(|s| match s {
                Step::DeleteFirst { key, .. } => format!("delete-first {}", key.id),
                Step::AddKey { kid } => format!("add {kid}"),
                Step::ReuseExisting { key } => format!("reuse {}", key.id),
                Step::Activate {
                    target: Target::New,
                } => "activate new".into(),
                Step::Activate {
                    target: Target::Existing(id),
                } => format!("activate {id}"),
                Step::AlreadyActive { key } => format!("already-active {}", key.id),
                Step::Delete { key } => format!("delete {}", key.id),
            })
            .collect()
    }

    fn ids(keys: &[KeyView]) -> Vec<&str> {
        keys.iter().map(|k| k.id.as_str()).collect()
    }

    /// Okta's rules, as the sandbox and the documentation give them. Applies the plan and
    /// returns the keys afterwards, or the rule a step broke.
    fn apply(start: &[KeyView], plan: &Plan) -> Result<Vec<KeyView>, String> {
        let mut keys = start.to_vec();
        let mut new_id = None;
        for step in &plan.steps {
            match step {
                Step::DeleteFirst { key, .. } | Step::Delete { key } => {
                    let pos = keys
                        .iter()
                        .position(|k| k.id == key.id)
                        .ok_or(format!("delete {}: not found", key.id))?;
                    if keys[pos].status != KeyStatus::Inactive {
                        return Err(format!("delete {}: only INACTIVE keys", key.id));
                    }
                    keys.remove(pos);
                }
                Step::AddKey { kid } => {
                    if keys.len() >= MAX_KEYS {
                        return Err("add: maximum number of keys".into());
                    }
                    if keys.iter().any(|k| k.kid.is_none()) {
                        return Err("add: a key has no kid".into());
                    }
                    if keys.iter().any(|k| k.kid.as_deref() == Some(kid)) {
                        return Err("add: kid not unique".into());
                    }
                    keys.push(same("new", KeyStatus::Inactive));
                    assert_eq!(kid, NEW);
                    new_id = Some("new".to_string());
                }
                Step::ReuseExisting { key } => {
                    if !keys.iter().any(|k| k.id == key.id) {
                        return Err("reuse: not found".into());
                    }
                }
                Step::Activate { target } => {
                    let id = match target {
                        Target::New => new_id.clone().ok_or("activate new before add")?,
                        Target::Existing(id) => id.clone(),
                    };
                    if !keys.iter().any(|k| k.id == id) {
                        return Err(format!("activate {id}: not found"));
                    }
                    for k in &mut keys {
                        if k.status == KeyStatus::Active {
                            k.status = KeyStatus::Inactive;
                        }
                        if k.id == id {
                            k.status = KeyStatus::Active;
                        }
                    }
                }
                Step::AlreadyActive { .. } => {}
            }
        }
        Ok(keys)
    }

    fn check(start: &[KeyView], retention: Retention) -> (Plan, Vec<KeyView>) {
        let plan = plan(start, NEW, retention).expect("a plan");
        let end = apply(start, &plan).expect("every step allowed by Okta");
        let active: Vec<&KeyView> = end
            .iter()
            .filter(|k| k.status == KeyStatus::Active)
            .collect();
        assert_eq!(active.len(), 1, "exactly one active key after {plan:?}");
        assert_eq!(active[0].kid.as_deref(), Some(NEW));
        // What the plan says it keeps is what is left, besides the new key.
        let mut left: Vec<&str> = end
            .iter()
            .filter(|k| k.kid.as_deref() != Some(NEW))
            .map(|k| k.id.as_str())
            .collect();
        let mut kept = ids(&plan.kept);
        left.sort();
        kept.sort();
        assert_eq!(left, kept, "kept keys of {plan:?}");
        // Running again changes nothing more.
        let again = super::plan(&end, &new_key(), retention).expect("a second plan");
        assert!(again.is_noop(), "a re-run after {plan:?} plans {again:?}");
        (plan, end)
    }

    #[test]
    fn no_keys() {
        let (plan, end) = check(&[], Retention::None);
        assert_eq!(summary(&plan), ["add kid-new", "activate new"]);
        assert!(plan.deactivates.is_empty());
        assert_eq!(ids(&end), ["new"]);
    }

    #[test]
    fn one_active_key_is_deactivated_and_kept_by_default() {
        let (plan, end) = check(&server(0), Retention::None);
        assert_eq!(summary(&plan), ["add kid-new", "activate new"]);
        assert_eq!(ids(&plan.deactivates), ["a"]);
        assert_eq!(ids(&plan.kept), ["a"]);
        assert_eq!(end[0].status, KeyStatus::Inactive);
    }

    #[test]
    fn delete_old_deletes_the_previous_key_after_activation() {
        let (plan, end) = check(&server(0), Retention::DeleteOld);
        assert_eq!(summary(&plan), ["add kid-new", "activate new", "delete a"]);
        assert_eq!(ids(&end), ["new"]);
    }

    #[test]
    fn five_keys_and_nothing_may_be_deleted_is_refused() {
        let err = plan(&server(4), NEW, Retention::None).unwrap_err();
        assert_eq!(
            err.reason,
            "the server holds 5 keys, Okta's maximum, and nothing may be deleted: \
             no room for the new key. Nothing was changed"
        );
        assert!(err.hint.unwrap().contains("--delete-old"));
    }

    #[test]
    fn five_keys_with_delete_old_deletes_the_oldest_inactive_key_first() {
        let (plan, end) = check(&server(4), Retention::DeleteOld);
        assert_eq!(
            summary(&plan),
            [
                "delete-first i1",
                "add kid-new",
                "activate new",
                "delete a",
                "delete i4",
                "delete i3",
                "delete i2"
            ]
        );
        assert_eq!(ids(&end), ["new"]);
        let Step::DeleteFirst { why, .. } = &plan.steps[0] else {
            panic!("{plan:?}")
        };
        assert_eq!(
            why,
            "the server holds 5 keys, Okta's maximum, so the new key needs room"
        );
    }

    #[test]
    fn five_keys_with_keep() {
        // Keep 1: the previously active key, which is what a rollback needs.
        let (plan, _) = check(&server(4), Retention::Keep(1));
        assert_eq!(
            summary(&plan),
            [
                "delete-first i1",
                "add kid-new",
                "activate new",
                "delete i4",
                "delete i3",
                "delete i2"
            ]
        );
        assert_eq!(ids(&plan.kept), ["a"]);
        // Keep 4: exactly one must go, and it goes first.
        let (plan, end) = check(&server(4), Retention::Keep(4));
        assert_eq!(
            summary(&plan),
            ["delete-first i1", "add kid-new", "activate new"]
        );
        assert_eq!(ids(&plan.kept), ["a", "i4", "i3", "i2"]);
        assert_eq!(end.len(), 5);
        // Keep 5 keeps everything: no room.
        let err = plan_err(&server(4), Retention::Keep(5));
        assert!(
            err.reason.contains("the retention keeps them all"),
            "{err:?}"
        );
        assert_eq!(
            err.hint.as_deref(),
            Some("keep fewer keys (--keep 4 at most) or pass --delete-old")
        );
    }

    fn plan_err(keys: &[KeyView], retention: Retention) -> Refusal {
        plan(keys, NEW, retention).unwrap_err()
    }

    #[test]
    fn keep_n_when_there_is_room() {
        let (plan, _) = check(&server(3), Retention::Keep(2));
        assert_eq!(
            summary(&plan),
            ["add kid-new", "activate new", "delete i2", "delete i1"]
        );
        assert_eq!(ids(&plan.kept), ["a", "i3"]);
        let (plan, _) = check(&server(3), Retention::Keep(0));
        assert_eq!(
            plan,
            super::plan(&server(3), &new_key(), Retention::DeleteOld).unwrap()
        );
        let (plan, _) = check(&server(2), Retention::Keep(10));
        assert_eq!(summary(&plan), ["add kid-new", "activate new"]);
    }

    #[test]
    fn kid_already_present_inactive_is_reused() {
        // An earlier run added the key and stopped before activating it.
        let mut keys = server(4);
        keys[2] = same("apk-new", KeyStatus::Inactive);
        let (plan, _) = check(&keys, Retention::None);
        assert_eq!(summary(&plan), ["reuse apk-new", "activate apk-new"]);
        assert_eq!(ids(&plan.deactivates), ["a"]);
        let (plan, _) = check(&keys, Retention::DeleteOld);
        assert_eq!(
            summary(&plan),
            [
                "reuse apk-new",
                "activate apk-new",
                "delete a",
                "delete i4",
                "delete i3",
                "delete i1"
            ]
        );
    }

    #[test]
    fn kid_already_active_needs_nothing_but_the_retention() {
        // An earlier run activated the key and stopped before deleting.
        let mut keys = server(2);
        keys[0].status = KeyStatus::Inactive;
        keys.push(same("apk-new", KeyStatus::Active));
        let plan_none = plan(&keys, NEW, Retention::None).unwrap();
        assert!(plan_none.is_noop());
        assert_eq!(summary(&plan_none), ["already-active apk-new"]);
        assert!(plan_none.deactivates.is_empty());
        let (plan, end) = check(&keys, Retention::DeleteOld);
        assert_eq!(
            summary(&plan),
            [
                "already-active apk-new",
                "delete a",
                "delete i2",
                "delete i1"
            ]
        );
        assert_eq!(ids(&end), ["apk-new"]);
    }

    #[test]
    fn the_only_key_already_the_new_one() {
        let keys = [same("apk-new", KeyStatus::Active)];
        let (plan, _) = check(&keys, Retention::DeleteOld);
        assert!(plan.is_noop());
        assert_eq!(
            plan.to_string(),
            "  1. nothing to add or activate: key apk-new (kid kid-new) is already the active key\n"
        );
    }

    #[test]
    fn a_different_key_with_the_new_kid_is_never_activated() {
        for status in [KeyStatus::Active, KeyStatus::Inactive] {
            let mut keys = server(1);
            keys.push(KeyView {
                thumbprint: Some("someone-elses-key".into()),
                ..key("apk-other", Some(NEW), status.clone(), "2026-06-01")
            });
            let err = plan_err(&keys, Retention::DeleteOld);
            assert_eq!(
                err.reason,
                format!(
                    "the server already holds a different key with kid `kid-new` (apk-other, \
                     {status}); Okta requires unique kids. Nothing was changed"
                )
            );
        }
        // Unknown material (no `n` from Okta) is not assumed to be ours either.
        let keys = [KeyView {
            thumbprint: None,
            ..same("apk-new", KeyStatus::Inactive)
        }];
        assert!(plan(&keys, NEW, Retention::None).is_err());
    }

    #[test]
    fn keys_without_kid() {
        let mut keys = server(1);
        keys[1].kid = None;
        let err = plan_err(&keys, Retention::None);
        assert_eq!(
            err.reason,
            "key i1 has no kid, and Okta refuses to add a key while a key without a kid exists. \
             Nothing was changed"
        );
        let (plan, _) = check(&keys, Retention::DeleteOld);
        assert_eq!(
            summary(&plan),
            ["delete-first i1", "add kid-new", "activate new", "delete a"]
        );
        // An active key without kid blocks every add.
        let mut keys = server(1);
        keys[0].kid = None;
        let err = plan_err(&keys, Retention::DeleteOld);
        assert!(err.reason.starts_with("key a has no kid"), "{err:?}");
    }

    #[test]
    fn plan_text_for_people() {
        let plan = plan(&server(4), NEW, Retention::Keep(2)).unwrap();
        assert_eq!(
            plan.to_string(),
            "  1. delete INACTIVE key i1 (kid kid-i1) first: the server holds 5 keys, Okta's maximum, so the new key needs room
  2. add the new key, kid kid-new, INACTIVE
  3. activate the new key; Okta deactivates a (kid kid-a)
  4. delete INACTIVE key i3 (kid kid-i3)
  5. delete INACTIVE key i2 (kid kid-i2)
  keep: a (kid kid-a), i4 (kid kid-i4)
"
        );
    }

    /// Every server of up to five keys (at most one active, with or without a kid-less key,
    /// with or without the new kid in any status) under every retention: either a refusal,
    /// or a plan Okta accepts step by step that ends with the new key active, never with a
    /// server that had an active key left without one.
    #[test]
    fn every_starting_state_is_safe() {
        let statuses = [KeyStatus::Active, KeyStatus::Inactive];
        let retentions = [
            Retention::None,
            Retention::DeleteOld,
            Retention::Keep(0),
            Retention::Keep(1),
            Retention::Keep(2),
            Retention::Keep(4),
            Retention::Keep(5),
        ];
        let mut plans = 0;
        let mut refusals = 0;
        for n in 0..=MAX_KEYS {
            // Which key is active (n = none), which has no kid, which has the new kid.
            for active_at in 0..=n {
                for kidless_at in 0..=n {
                    for new_at in 0..=n {
                        if n > 0 && kidless_at == new_at && kidless_at < n {
                            continue;
                        }
                        let keys: Vec<KeyView> = (0..n)
                            .map(|i| {
                                let kid = if i == kidless_at {
                                    None
                                } else if i == new_at {
                                    Some(NEW.to_string())
                                } else {
                                    Some(format!("kid-{i}"))
                                };
                                KeyView {
                                    id: format!("k{i}"),
                                    thumbprint: Some(if i == new_at {
                                        NEW_TP.to_string()
                                    } else {
                                        format!("tp-{i}")
                                    }),
                                    kid,
                                    status: statuses[usize::from(i != active_at)].clone(),
                                    created: Some(format!("2026-01-0{i}")),
                                }
                            })
                            .collect();
                        for retention in retentions {
                            match plan(&keys, NEW, retention) {
                                Ok(p) => {
                                    plans += 1;
                                    let end = apply(&keys, &p)
                                        .unwrap_or_else(|e| panic!("{keys:?} {retention:?}: {e}"));
                                    let active: Vec<_> = end
                                        .iter()
                                        .filter(|k| k.status == KeyStatus::Active)
                                        .collect();
                                    assert_eq!(active.len(), 1, "{keys:?} {retention:?}");
                                    assert_eq!(active[0].kid.as_deref(), Some(NEW));
                                    let again = plan(&end, NEW, retention).unwrap();
                                    assert!(again.is_noop(), "{keys:?} {retention:?} {again:?}");
                                }
                                Err(r) => {
                                    refusals += 1;
                                    assert!(r.reason.ends_with("Nothing was changed"), "{r:?}");
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(
            plans > 100 && refusals > 10,
            "{plans} plans, {refusals} refusals"
        );
    }
}
