//! The plan of one rotation: pure, from the keys a server holds (see the module above).

use std::fmt;

use super::key_view::{KeyStatus, KeyView, describe_all};
use super::roles::{Retirable, Retirement, Role, role};
use crate::time::Timestamp;

/// What happens to the previous keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Retention {
    /// Delete nothing.
    None,
    /// Delete every retirable previous key (`--delete-old`).
    DeleteOld,
    /// Keep the N newest previous keys, delete the others once retirable (`--keep N`).
    /// The key that was active before the rotation counts as the newest: it is the one
    /// to roll back to.
    Keep(usize),
}

impl Retention {
    pub(crate) fn deletes(self) -> bool {
        !matches!(self, Retention::None)
    }
}

/// How the rotation runs, besides its retention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Options {
    pub(crate) retention: Retention,
    /// `--stage`: add the new key INACTIVE and do nothing else.
    pub(crate) stage: bool,
    /// `--activate-when`: a gate between the add and the activation.
    pub(crate) gate: bool,
    pub(crate) retirement: Retirement,
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
    /// Delete a kid-less INACTIVE key before adding (Okta refuses an add while one
    /// exists); only a key the retention deletes anyway.
    DeleteFirst { key: KeyView, why: String },
    /// Add the new key, INACTIVE.
    AddKey { kid: String },
    /// A key with the new kid is already there, INACTIVE (staged, or an earlier run
    /// added it): use it.
    ReuseExisting { key: KeyView },
    /// The key is staged INACTIVE already (`--stage`): nothing to do.
    AlreadyStaged { key: KeyView },
    /// Wait for `--activate-when` to exit 0.
    Gate,
    /// Activate the key; Okta deactivates the one that was active.
    Activate { target: Target },
    /// The key with the new kid is already the active one: nothing to add or activate.
    AlreadyActive { key: KeyView },
    /// Delete a retirable INACTIVE key after the activation (the retention).
    Delete { key: KeyView },
}

/// A key the plan leaves on the server, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Kept {
    pub(crate) key: KeyView,
    /// When it becomes retirable (`Never` for a next key or an unknown status).
    pub(crate) retirable: Retirable,
}

/// The steps of one server's rotation, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    pub(crate) steps: Vec<Step>,
    /// Every key the server held when the run started: only these are ever deleted.
    pub(crate) seen: Vec<KeyView>,
    /// The keys the activation deactivates (the one ACTIVE now, unless it is the new key).
    pub(crate) deactivates: Vec<KeyView>,
    /// Old keys left on the server afterwards (besides the new one).
    pub(crate) kept: Vec<Kept>,
    /// When Okta refuses the add for its key limit: the retirable INACTIVE keys to
    /// delete to make room, oldest first (empty when the run may not delete).
    pub(crate) room: Vec<KeyView>,
    /// When `room` is empty: the old key that becomes retirable first, and when.
    pub(crate) room_later: Option<(KeyView, Retirable)>,
    /// The run may delete keys (a retention was given).
    pub(crate) may_delete: bool,
}

impl Plan {
    /// Nothing to do: the new key is active (or staged, with `--stage`), nothing to delete.
    pub(crate) fn is_noop(&self) -> bool {
        self.steps
            .iter()
            .all(|s| matches!(s, Step::AlreadyActive { .. } | Step::AlreadyStaged { .. }))
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

    /// The key ACTIVE when the run started.
    pub(crate) fn active_at_start(&self) -> Option<&KeyView> {
        self.seen.iter().find(|k| k.status == KeyStatus::Active)
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
                    "  {n}. use key {}, already added INACTIVE",
                    key.describe()
                )?,
                Step::AlreadyStaged { key } => writeln!(
                    f,
                    "  {n}. nothing to add: key {} is already staged INACTIVE",
                    key.describe()
                )?,
                Step::Gate => writeln!(f, "  {n}. wait until the --activate-when command exits 0")?,
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
        for kept in &self.kept {
            let when = match kept.retirable {
                Retirable::Now => "retirable now".to_string(),
                Retirable::Since(t) => format!("retirable since {t}"),
                Retirable::At(t) => format!("retirable at {t}"),
                Retirable::Never => "a next key, never deleted by a retention".to_string(),
                Retirable::Unknown => "retirable at an unknown time".to_string(),
            };
            writeln!(f, "  keep {}: {when}", kept.key.describe())?;
        }
        Ok(())
    }
}

/// Why a rotation cannot be planned. Nothing has been changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub(crate) reason: String,
    /// Its commands name the server as [`SERVER`]: see [`Refusal::hint_on`].
    hint: Option<String>,
}

/// The planner does not know the server's id: its hints' commands name it so, and
/// [`Refusal::hint_on`] puts the id in.
const SERVER: &str = "AUTH_SERVER_ID";

impl Refusal {
    /// The hint, its commands naming `server`.
    pub(crate) fn hint_on(&self, server: &str) -> Option<String> {
        self.hint.as_ref().map(|h| Self::put_server(h, server))
    }

    /// The hint with the server still unnamed, for a caller that passes it on: it names
    /// the server with [`Refusal::put_server`].
    pub(crate) fn hint_unnamed(&self) -> Option<String> {
        self.hint.clone()
    }

    /// A hint from [`Refusal::hint_unnamed`], its commands naming `server`.
    pub(crate) fn put_server(hint: &str, server: &str) -> String {
        hint.replace(SERVER, &crate::escape::shell_quote(server))
    }
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

/// `--if-older-than`: when the rotation is due, if that is later than now: the ACTIVE key
/// was activated (its `lastUpdated`) less than `min_age` ago.
pub(crate) fn not_due_until(
    keys: &[KeyView],
    now: Timestamp,
    min_age: std::time::Duration,
) -> Option<Timestamp> {
    let active = keys.iter().find(|k| k.status == KeyStatus::Active)?;
    let since = active
        .last_updated
        .as_deref()
        .or(active.created.as_deref())
        .and_then(Timestamp::parse)?;
    let due = since.plus(min_age);
    (due > now).then_some(due)
}

/// Plan the rotation of one server to the key `new`, from the keys it holds now.
pub(crate) fn plan(keys: &[KeyView], new: &NewKey, opts: Options) -> Result<Plan, Refusal> {
    let same = key_with_the_new_kid(keys, new)?;
    let old: Vec<&KeyView> = keys
        .iter()
        .filter(|k| k.kid.as_deref() != Some(new.kid.as_str()))
        .collect();
    // `--stage` activates nothing: the ACTIVE key stays current, it is not "kept".
    let retained_old: Vec<&KeyView> = old
        .iter()
        .copied()
        .filter(|k| !(opts.stage && k.status == KeyStatus::Active))
        .collect();
    let retention = if opts.stage {
        Retention::None
    } else {
        opts.retention
    };
    let retained = Retained::sort(keys, &retained_old, retention, &opts.retirement);

    let (mut steps, deleted_first) = match same {
        Some(key) => (use_existing(key, &opts)?, Vec::new()),
        None => {
            let first = kidless_first(&old, &retained.to_delete, retention)?;
            (add_and_activate(&new.kid, &first, &opts), first)
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
    let (room, room_later) = room(keys, &old, &opts);

    Ok(Plan {
        steps,
        seen: keys.to_vec(),
        deactivates: if opts.stage {
            Vec::new()
        } else {
            deactivated_by_the_activation(same, &old)
        },
        kept: retained.kept,
        room,
        room_later,
        may_delete: opts.retention.deletes(),
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
    /// Left on the server, with when each becomes retirable.
    kept: Vec<Kept>,
    /// Deleted, every one of them INACTIVE and retirable by then; the last in use first.
    to_delete: Vec<&'a KeyView>,
}

impl<'a> Retained<'a> {
    fn sort(
        keys: &[KeyView],
        old: &[&'a KeyView],
        retention: Retention,
        rule: &Retirement,
    ) -> Self {
        let previous = previous_after_the_activation(keys, old);
        let keep = match retention {
            Retention::None => previous.len(),
            Retention::DeleteOld => 0,
            Retention::Keep(n) => n.min(previous.len()),
        };
        let mut kept = Vec::new();
        let mut to_delete = Vec::new();
        for (i, key) in previous.into_iter().enumerate() {
            let retirable = if key.status == KeyStatus::Active {
                // The activation deactivates it now: its tokens live on from now.
                rule.after(rule.now)
            } else {
                rule.of(keys, key)
            };
            if i >= keep && retirable.is_now() {
                to_delete.push(key);
            } else {
                kept.push(Kept {
                    key: key.clone(),
                    retirable,
                });
            }
        }
        // Next keys and keys of an unknown status are left alone.
        kept.extend(
            old.iter()
                .filter(|k| {
                    k.status != KeyStatus::Active
                        && matches!(role(keys, k), Role::Next | Role::Unknown)
                })
                .map(|k| Kept {
                    key: (*k).clone(),
                    retirable: Retirable::Never,
                }),
        );
        Retained { kept, to_delete }
    }
}

/// After the activation, the previous keys: the one the activation deactivates (the key to
/// roll back to) leads, then the INACTIVE previous keys, the last in use first.
fn previous_after_the_activation<'a>(keys: &[KeyView], old: &[&'a KeyView]) -> Vec<&'a KeyView> {
    let mut inactive: Vec<&KeyView> = old
        .iter()
        .copied()
        .filter(|k| k.status == KeyStatus::Inactive && role(keys, k) == Role::Previous)
        .collect();
    inactive.sort_by(|a, b| last_in_use(b, a));
    let previously_active = old
        .iter()
        .copied()
        .filter(|k| k.status == KeyStatus::Active);
    previously_active.chain(inactive).collect()
}

/// Orders previous keys by when they were last in use: `lastUpdated` (a deactivation sets
/// it), then `created`, then the id. Not `created` alone: a key activated again to roll
/// back is the last in use however old it is (and aged keys can share a `created`).
fn last_in_use(a: &KeyView, b: &KeyView) -> std::cmp::Ordering {
    let when = |k: &KeyView| {
        let at = |t: &Option<String>| t.as_deref().and_then(Timestamp::parse);
        (at(&k.last_updated), at(&k.created))
    };
    when(a).cmp(&when(b)).then_with(|| a.id.cmp(&b.id))
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
fn use_existing(key: &KeyView, opts: &Options) -> Result<Vec<Step>, Refusal> {
    match key.status {
        KeyStatus::Active => Ok(vec![Step::AlreadyActive { key: key.clone() }]),
        KeyStatus::Inactive if opts.stage => Ok(vec![Step::AlreadyStaged { key: key.clone() }]),
        KeyStatus::Inactive => {
            let mut steps = vec![Step::ReuseExisting { key: key.clone() }];
            if opts.gate {
                steps.push(Step::Gate);
            }
            steps.push(Step::Activate {
                target: Target::Existing(key.id.clone()),
            });
            Ok(steps)
        }
        KeyStatus::Other(_) => Err(Refusal {
            reason: format!(
                "key {} has the new kid but its status is {}; oktakeys cannot activate it",
                key.describe(),
                key.status
            ),
            hint: Some(format!(
                "look at it with `{}`",
                crate::hint::command(["keys", "get", "--auth-server", SERVER, &key.id])
            )),
        }),
    }
}

/// Okta refuses to add a key while a key without a kid exists: such a key goes first
/// when it is INACTIVE and the retention deletes it anyway; otherwise the plan is refused.
fn kidless_first<'a>(
    old: &[&'a KeyView],
    to_delete: &[&'a KeyView],
    retention: Retention,
) -> Result<Vec<&'a KeyView>, Refusal> {
    let mut first = Vec::new();
    for key in old.iter().copied().filter(|k| k.kid.is_none()) {
        let deletable_now =
            key.status == KeyStatus::Inactive && to_delete.iter().any(|d| d.id == key.id);
        if !deletable_now {
            return Err(kidless_refusal(key, retention));
        }
        first.push(key);
    }
    Ok(first)
}

/// The steps of a rotation to a key not on the server yet: add, gate, activate.
fn add_and_activate(new_kid: &str, delete_first: &[&KeyView], opts: &Options) -> Vec<Step> {
    let mut steps: Vec<Step> = delete_first
        .iter()
        .map(|key| Step::DeleteFirst {
            key: (*key).clone(),
            why: "Okta refuses to add a key while a key without a kid exists".to_string(),
        })
        .collect();
    steps.push(Step::AddKey {
        kid: new_kid.to_string(),
    });
    if opts.stage {
        return steps;
    }
    if opts.gate {
        steps.push(Step::Gate);
    }
    steps.push(Step::Activate {
        target: Target::New,
    });
    steps
}

/// Okta's key limit is learned from its refusal, not assumed: the keys that may make room
/// then (retirable INACTIVE previous keys, oldest first), or the one retirable soonest.
fn room(
    keys: &[KeyView],
    old: &[&KeyView],
    opts: &Options,
) -> (Vec<KeyView>, Option<(KeyView, Retirable)>) {
    let mut previous: Vec<(&KeyView, Retirable)> = old
        .iter()
        .copied()
        .filter(|k| k.status == KeyStatus::Inactive && role(keys, k) == Role::Previous)
        .map(|k| (k, opts.retirement.of(keys, k)))
        .collect();
    previous.sort_by(|a, b| last_in_use(a.0, b.0));
    let room: Vec<KeyView> = previous
        .iter()
        .filter(|(_, r)| r.is_now())
        .map(|(k, _)| (*k).clone())
        .collect();
    let later = previous
        .iter()
        .filter_map(|(k, r)| match r {
            Retirable::At(t) => Some((*t, k, *r)),
            _ => None,
        })
        .min_by_key(|(t, _, _)| *t)
        .map(|(_, k, r)| ((*k).clone(), r));
    (room, later)
}

fn kidless_refusal(key: &KeyView, retention: Retention) -> Refusal {
    let reason = format!(
        "key {} has no kid, and Okta refuses to add a key while a key without a kid exists. \
         Nothing was changed",
        key.id
    );
    let delete = crate::hint::command(["keys", "delete", "--auth-server", SERVER, &key.id]);
    let hint = if key.status == KeyStatus::Active {
        format!(
            "this server's keys cannot be rotated with the keys API until that key is gone: \
             activate another existing key (`{}`), then delete it",
            crate::hint::command(["keys", "activate", "--auth-server", SERVER, "KEY_ID"])
        )
    } else if retention.deletes() {
        format!(
            "the retention keeps it (or it is not retirable yet): delete it with `{delete}`, \
             or pass --delete-old --ignore-token-lifetime"
        )
    } else {
        format!("delete it with `{delete}`, or pass --delete-old")
    };
    Refusal {
        reason,
        hint: Some(hint),
    }
}

#[cfg(test)]
mod tests;
