//! Every key's role, and when an old key may be retired. Pure: from the keys a server
//! holds, the time now and the server's longest access-token lifetime.
//!
//! Roles (after Auth0's next/current/previous keys):
//! - *current*: the ACTIVE key;
//! - *next* (staged): an INACTIVE key never activated (`lastUpdated` equal to `created`)
//!   and created after the current key was activated: it waits for its activation, and is
//!   never deleted by a retention;
//! - *previous*: every other INACTIVE key.
//!
//! Okta starts encrypting new access tokens with a key when it is activated, and a token
//! encrypted with the old key may be presented until it expires. So a previous key is
//! *retirable* (its private key may be destroyed, the key deleted) at its `lastUpdated`
//! (when it stopped being active, if it ever was) plus the longest access-token lifetime.
//!
//! `created == lastUpdated` does not prove a previous key was never active: Okta's
//! timestamps have whole seconds, so a key activated and deactivated within one second
//! (a server's first key, replaced by a quick rotation) looks the same. The only keys
//! proven never active are next keys (created strictly after the current key's
//! activation: activating one would have moved that activation), and those are never
//! deleted by a retention. So no previous key goes before its window has passed, except
//! with `--ignore-token-lifetime`.

use std::fmt;
use std::time::Duration;

use super::key_view::{KeyStatus, KeyView};
use crate::time::Timestamp;

/// Okta's maximum access-token lifetime (one day): the window assumed when the rules
/// cannot be read.
pub(crate) const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 3600);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Current,
    Next,
    Previous,
    /// A status this version does not know.
    Unknown,
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::Current => "current",
            Role::Next => "next",
            Role::Previous => "previous",
            Role::Unknown => "-",
        })
    }
}

/// When the ACTIVE key was activated: its `lastUpdated` (Okta sets it on activation).
fn activated_at(keys: &[KeyView]) -> Option<&str> {
    keys.iter()
        .find(|k| k.status == KeyStatus::Active)
        .and_then(|k| k.last_updated.as_deref().or(k.created.as_deref()))
}

/// Does this key show it was active once? (`lastUpdated` after `created`.) Unknown times
/// count as "yes". "No" proves nothing (one-second timestamps): it only decides the role
/// of an INACTIVE key, never whether its tokens may still be out there.
pub(crate) fn was_activated(key: &KeyView) -> bool {
    match (key.created.as_deref(), key.last_updated.as_deref()) {
        (Some(c), Some(u)) => match (Timestamp::parse(c), Timestamp::parse(u)) {
            (Some(c), Some(u)) => u > c,
            _ => c != u,
        },
        _ => true,
    }
}

/// The role of `key` among the server's `keys`.
pub(crate) fn role(keys: &[KeyView], key: &KeyView) -> Role {
    match key.status {
        KeyStatus::Active => Role::Current,
        KeyStatus::Other(_) => Role::Unknown,
        KeyStatus::Inactive if was_activated(key) => Role::Previous,
        KeyStatus::Inactive => {
            let created = key.created.as_deref().and_then(Timestamp::parse);
            match activated_at(keys).map(Timestamp::parse) {
                // No current key: a never-activated key is waiting for its activation.
                None => Role::Next,
                // Strictly after: Okta's timestamps have whole seconds, and a key created
                // in the second of the activation may be the one deactivated by it.
                Some(Some(at)) if created.is_some_and(|c| c > at) => Role::Next,
                _ => Role::Previous,
            }
        }
    }
}

/// When a key may be retired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Retirable {
    /// Now: `--ignore-token-lifetime`.
    Now,
    /// Since then: its window has passed.
    Since(Timestamp),
    /// Not before then.
    At(Timestamp),
    /// Never by a retention: the current key, a next key, or a status not known.
    Never,
    /// Its `lastUpdated` cannot be read: kept (`--ignore-token-lifetime` deletes it).
    Unknown,
}

impl Retirable {
    pub(crate) fn is_now(self) -> bool {
        matches!(self, Retirable::Now | Retirable::Since(_))
    }

    /// For the plan and `keys list --retirement`: `now`, `2026-11-27T10:00:00.000Z`, `-`.
    pub(crate) fn label(self) -> String {
        match self {
            Retirable::Now => "now".into(),
            Retirable::Since(t) | Retirable::At(t) => t.to_string(),
            Retirable::Never => "-".into(),
            Retirable::Unknown => "unknown".into(),
        }
    }

    /// The JSON value of `retirableAt`: the time (now for "now"), or null.
    pub(crate) fn json(self, now: Timestamp) -> serde_json::Value {
        match self {
            Retirable::Now => now.to_string().into(),
            Retirable::Since(t) | Retirable::At(t) => t.to_string().into(),
            Retirable::Never | Retirable::Unknown => serde_json::Value::Null,
        }
    }
}

/// The retirement rule of one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Retirement {
    pub(crate) now: Timestamp,
    /// The server's longest access-token lifetime (or `--token-lifetime`).
    pub(crate) lifetime: Duration,
    /// `--ignore-token-lifetime`: every previous key is retirable now.
    pub(crate) ignore: bool,
}

impl Retirement {
    /// When `key`, one of the server's `keys`, may be retired: a previous key, active or
    /// not as far as its timestamps tell, is kept until its `lastUpdated` plus the
    /// lifetime (see the module's comment).
    pub(crate) fn of(&self, keys: &[KeyView], key: &KeyView) -> Retirable {
        if role(keys, key) != Role::Previous {
            return Retirable::Never;
        }
        if self.ignore {
            return Retirable::Now;
        }
        match key.last_updated.as_deref().and_then(Timestamp::parse) {
            Some(stopped) => self.after(stopped),
            None => Retirable::Unknown,
        }
    }

    /// When a key that stopped being active at `stopped` may be retired.
    pub(crate) fn after(&self, stopped: Timestamp) -> Retirable {
        if self.ignore {
            return Retirable::Now;
        }
        let at = stopped.plus(self.lifetime);
        if at <= self.now {
            Retirable::Since(at)
        } else {
            Retirable::At(at)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(id: &str, status: KeyStatus, created: &str, updated: &str) -> KeyView {
        KeyView {
            id: id.into(),
            kid: Some(format!("kid-{id}")),
            status,
            created: Some(format!("2026-11-{created}.000Z")),
            last_updated: Some(format!("2026-11-{updated}.000Z")),
            thumbprint: None,
        }
    }

    #[test]
    fn roles_from_status_and_times() {
        let keys = vec![
            key("cur", KeyStatus::Active, "01T00:00:00", "10T00:00:00"),
            // Created after the current key's activation, never activated.
            key("next", KeyStatus::Inactive, "11T00:00:00", "11T00:00:00"),
            // Never activated, but older than the activation: superseded.
            key("old", KeyStatus::Inactive, "05T00:00:00", "05T00:00:00"),
            // Once active.
            key("prev", KeyStatus::Inactive, "01T00:00:00", "10T00:00:00"),
        ];
        let roles: Vec<Role> = keys.iter().map(|k| role(&keys, k)).collect();
        assert_eq!(
            roles,
            [Role::Current, Role::Next, Role::Previous, Role::Previous]
        );
        // Without a current key a never-activated key waits to be activated.
        assert_eq!(role(&keys[1..], &keys[2]), Role::Next);
    }

    #[test]
    fn retirable_after_the_last_token() {
        let keys = vec![
            key("cur", KeyStatus::Active, "01T00:00:00", "10T00:00:00"),
            key("prev", KeyStatus::Inactive, "01T00:00:00", "10T00:00:00"),
            key("old", KeyStatus::Inactive, "05T00:00:00", "05T00:00:00"),
            key("next", KeyStatus::Inactive, "11T00:00:00", "11T00:00:00"),
        ];
        let now = Timestamp::parse("2026-11-10T00:30:00.000Z").unwrap();
        let rule = |lifetime_mins: u64, ignore| Retirement {
            now,
            lifetime: Duration::from_secs(lifetime_mins * 60),
            ignore,
        };
        let of = |r: Retirement, i: usize| r.of(&keys, &keys[i]);
        assert_eq!(
            of(rule(60, false), 1).label(),
            "2026-11-10T01:00:00.000Z",
            "deactivated at 00:00, tokens live an hour"
        );
        assert!(of(rule(30, false), 1).is_now());
        assert_eq!(of(rule(30, false), 1).label(), "2026-11-10T00:30:00.000Z");
        assert_eq!(of(rule(60, true), 1), Retirable::Now);
        assert_eq!(
            of(rule(60, false), 2).label(),
            "2026-11-05T01:00:00.000Z",
            "created == lastUpdated: may have been active within that second"
        );
        assert_eq!(of(rule(60, true), 0), Retirable::Never);
        assert_eq!(of(rule(60, true), 3), Retirable::Never);
    }

    #[test]
    fn a_first_key_replaced_within_its_second_is_kept() {
        // The seed key, created and deactivated (by A's activation) in one second, then
        // A deactivated by B: neither may go before its tokens expire.
        let keys = vec![
            key("B", KeyStatus::Active, "10T00:00:01", "10T00:00:01"),
            key("A", KeyStatus::Inactive, "10T00:00:00", "10T00:00:01"),
            key("seed", KeyStatus::Inactive, "10T00:00:00", "10T00:00:00"),
        ];
        let rule = Retirement {
            now: Timestamp::parse("2026-11-10T00:00:02.000Z").unwrap(),
            lifetime: Duration::from_secs(3600),
            ignore: false,
        };
        assert_eq!(role(&keys, &keys[2]), Role::Previous);
        assert_eq!(rule.of(&keys, &keys[2]).label(), "2026-11-10T01:00:00.000Z");
        assert_eq!(rule.of(&keys, &keys[1]).label(), "2026-11-10T01:00:01.000Z");
    }
}
