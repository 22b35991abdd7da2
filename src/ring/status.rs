//! Where a ring stands against the keys Okta holds: pure, from the keys, the ring and the
//! retirement rule (`rotate::roles`, the one rule for roles and retirement).
//!
//! The ring must hold the private half of every key whose tokens may be alive: the ACTIVE
//! (current) key, staged next keys, and previous keys not yet retirable. A ring key that
//! Okta no longer needs (no key of its kid, or one retirable now) may be pruned.

use serde_json::{Value, json};

use super::jwks::Ring;
use crate::rotate::{KeyView, Retirable, Retirement, Role, role};
use crate::time::Timestamp;

/// Does the ring hold a needed key's private half?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Held {
    Yes,
    Missing,
    /// A key of that kid whose public half is not Okta's.
    Mismatch,
}

impl Held {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Held::Yes => "yes",
            Held::Missing => "missing",
            Held::Mismatch => "mismatch",
        }
    }
}

/// A key of Okta's whose tokens may be alive.
pub(crate) struct Needed {
    pub(crate) key: KeyView,
    pub(crate) role: Role,
    pub(crate) retirable: Retirable,
    pub(crate) held: Held,
}

/// Why a ring key may go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Prunable {
    /// Okta holds no key of this kid.
    NotInOkta,
    /// Okta's key of this kid is retirable: its last token has expired.
    Retired(KeyView, Retirable),
    /// Okta's key of this kid is another key, and not one whose tokens may be alive.
    Other(KeyView),
}

impl Prunable {
    /// Why, for people: `Okta's key … is retirable since …`.
    pub(crate) fn reason(&self) -> String {
        match self {
            Prunable::NotInOkta => "Okta holds no key of this kid".to_string(),
            Prunable::Retired(k, r) => {
                format!("Okta's key {} is retirable since {}", k.id, r.label())
            }
            Prunable::Other(k) => format!(
                "Okta's key {} of this kid is another key, and retirable",
                k.id
            ),
        }
    }
}

pub(crate) struct Status {
    pub(crate) needed: Vec<Needed>,
    /// Ring keys Okta no longer needs, by kid, in the ring's order.
    pub(crate) prunable: Vec<(String, Prunable)>,
}

impl Status {
    /// The needed keys the ring lacks (missing or mismatched).
    pub(crate) fn problems(&self) -> impl Iterator<Item = &Needed> {
        self.needed.iter().filter(|n| n.held != Held::Yes)
    }

    /// The `-o json` report.
    pub(crate) fn json(&self, now: Timestamp) -> Value {
        json!({
            "ok": self.problems().next().is_none(),
            "needed": self.needed.iter().map(|n| json!({
                "kid": n.key.kid,
                "keyId": n.key.id,
                "role": n.role.to_string(),
                "status": n.key.status.to_string(),
                "retirableAt": n.retirable.json(now),
                "inRing": n.held.label(),
            })).collect::<Vec<_>>(),
            "prunable": self.prunable.iter().map(|(kid, why)| {
                let (reason, key) = match why {
                    Prunable::NotInOkta => ("not-in-okta", None),
                    Prunable::Retired(k, _) => ("retired", Some(k)),
                    Prunable::Other(k) => ("another-key", Some(k)),
                };
                json!({"kid": kid, "reason": reason, "keyId": key.map(|k| k.id.clone())})
            }).collect::<Vec<_>>(),
        })
    }
}

/// Is `key` (one of Okta's) one whose tokens may be alive?
pub(crate) fn is_needed(keys: &[KeyView], key: &KeyView, rule: &Retirement) -> bool {
    !rule.of(keys, key).is_now()
}

/// The ring against Okta's `keys` under `rule`.
pub(crate) fn status(keys: &[KeyView], ring: &Ring, rule: &Retirement) -> Status {
    let needed: Vec<Needed> = keys
        .iter()
        .filter(|k| is_needed(keys, k, rule))
        .map(|k| {
            let held = match k.kid.as_deref().and_then(|kid| ring.get(kid)) {
                None => Held::Missing,
                Some(r) if k.thumbprint.as_deref() == Some(r.thumbprint().as_str()) => Held::Yes,
                Some(_) => Held::Mismatch,
            };
            Needed {
                key: k.clone(),
                role: role(keys, k),
                retirable: rule.of(keys, k),
                held,
            }
        })
        .collect();
    let prunable = ring
        .keys()
        .iter()
        .filter_map(|r| {
            let okta = keys.iter().find(|k| k.kid.as_deref() == Some(r.kid()));
            let why = match okta {
                None => Prunable::NotInOkta,
                Some(k) if is_needed(keys, k, rule) => {
                    return None;
                }
                Some(k) if k.thumbprint.as_deref() == Some(r.thumbprint().as_str()) => {
                    Prunable::Retired(k.clone(), rule.of(keys, k))
                }
                Some(k) => Prunable::Other(k.clone()),
            };
            Some((r.kid().to_string(), why))
        })
        .collect();
    Status { needed, prunable }
}

#[cfg(test)]
mod tests {
    use super::super::jwks::{DEFAULT_ALG, RingKey};
    use super::*;
    use crate::rotate::KeyStatus;
    use keymaterial::keys::DecryptionKey;
    use keymaterial::secret::Secret;
    use std::time::Duration;

    fn view(kid: &str, status: KeyStatus, times: (&str, &str), thumbprint: &str) -> KeyView {
        KeyView {
            id: format!("apk{kid}"),
            kid: Some(kid.into()),
            status,
            created: Some(format!("2026-11-{}.000Z", times.0)),
            last_updated: Some(format!("2026-11-{}.000Z", times.1)),
            thumbprint: Some(thumbprint.into()),
        }
    }

    #[test]
    fn needed_keys_are_current_next_and_previous_within_retirement() {
        let key = DecryptionKey::parse(
            &Secret::new(include_str!(
                "../../tests/fixtures/service-app-rsa.pkcs8.pem"
            )),
            "fixture",
        )
        .unwrap();
        let tp = key.thumbprint();
        let mut ring = Ring::default();
        for kid in ["cur", "old", "gone", "prev"] {
            ring.insert(RingKey::new(kid, DEFAULT_ALG, key_again()).unwrap())
                .unwrap();
        }
        let keys = vec![
            view(
                "cur",
                KeyStatus::Active,
                ("01T00:00:00", "10T00:00:00"),
                &tp,
            ),
            view(
                "next",
                KeyStatus::Inactive,
                ("11T00:00:00", "11T00:00:00"),
                &tp,
            ),
            // Deactivated at 10T00:00, tokens live 1h: retirable at 01:00.
            view(
                "prev",
                KeyStatus::Inactive,
                ("01T00:00:00", "10T00:00:00"),
                "other",
            ),
            // Deactivated long ago.
            view(
                "old",
                KeyStatus::Inactive,
                ("01T00:00:00", "02T00:00:00"),
                &tp,
            ),
        ];
        let rule = Retirement {
            now: Timestamp::parse("2026-11-10T00:30:00.000Z").unwrap(),
            lifetime: Duration::from_secs(3600),
            ignore: false,
        };
        let s = status(&keys, &ring, &rule);
        let needed: Vec<(&str, Role, Held)> = s
            .needed
            .iter()
            .map(|n| (n.key.kid.as_deref().unwrap(), n.role, n.held))
            .collect();
        assert_eq!(
            needed,
            [
                ("cur", Role::Current, Held::Yes),
                ("next", Role::Next, Held::Missing),
                ("prev", Role::Previous, Held::Mismatch),
            ]
        );
        let prunable: Vec<(&str, bool)> = s
            .prunable
            .iter()
            .map(|(kid, why)| (kid.as_str(), matches!(why, Prunable::NotInOkta)))
            .collect();
        assert_eq!(prunable, [("old", false), ("gone", true)]);
        assert_eq!(s.problems().count(), 2);
        assert_eq!(s.json(rule.now)["ok"], false);
    }

    fn key_again() -> DecryptionKey {
        DecryptionKey::parse(
            &Secret::new(include_str!(
                "../../tests/fixtures/service-app-rsa.pkcs8.pem"
            )),
            "fixture",
        )
        .unwrap()
    }
}
