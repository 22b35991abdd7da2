//! The key limit as Okta says it, scheduling (--if-older-than, --detailed-exitcode), rollback.

use super::*;
use crate::common::{stderr, stdout};

// ---- the key limit as Okta says it -----------------------------------------------------

#[test]
fn the_key_limit_is_learned_from_oktas_refusal_at_two_keys() {
    let s = Sandbox::start(&["--max-keys", "2"]);
    let seed = s.keys()[0].clone();
    let first = s.jwk("first", 1);
    let out = s.run(&rotate(&first, &["--token-lifetime", "1h"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // Full: the seed stopped being active just now, so it is not retirable: exit 6.
    let second = s.jwk("second", 2);
    let out = s.run(&rotate(
        &second,
        &["--delete-old", "--token-lifetime", "1h", "--yes"],
    ));
    assert_eq!(out.status.code(), Some(6), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "error: default: Okta refused to add the new key (\"You can't create a new key. You \
             have reached the maximum number of keys allowed (5). To add another key, you must \
             first delete an existing one.\"), and no INACTIVE key is retirable yet: {} (kid {}) \
             becomes retirable at ",
            seed["id"].as_str().unwrap(),
            seed["kid"].as_str().unwrap()
        )),
        "{err}"
    );
    assert!(
        err.contains("pass --ignore-token-lifetime to delete it now"),
        "{err}"
    );
    assert_eq!(s.keys().len(), 2);

    // --ignore-token-lifetime goes ahead: the seed makes room, then the add.
    let out = s.run(&rotate(
        &second,
        &["--keep", "1", "--ignore-token-lifetime", "--yes"],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "default: deleted INACTIVE key {} (kid {}) to make room: Okta refused the add for \
             its key limit\n",
            seed["id"].as_str().unwrap(),
            seed["kid"].as_str().unwrap()
        )),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        summary(&s.keys()),
        pairs(&[("first", "INACTIVE"), ("second", "ACTIVE")])
    );
}

#[test]
fn the_key_limit_is_learned_from_oktas_refusal_at_three_keys() {
    let s = Sandbox::start_with(&[], &[("OKTAKEYS_SANDBOX_MAX_KEYS", "3")]);
    let seed = seed_kid(&s);
    for (kid, i) in [("one", 1), ("two", 2)] {
        let jwk = s.jwk(kid, i);
        let out = s.run(&rotate(&jwk, &["--token-lifetime", "1h"]));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    assert_eq!(s.keys().len(), 3, "three keys fit: no limit assumed");
    // A zero lifetime: every previous key is retirable; the oldest makes room.
    let three = s.jwk("three", 3);
    let out = s.run(&rotate(
        &three,
        &["--keep", "1", "--token-lifetime", "0s", "--yes"],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("to make room"), "{}", stderr(&out));
    let keys = s.keys();
    assert_eq!(
        summary(&keys),
        pairs(&[("two", "INACTIVE"), ("three", "ACTIVE")])
    );
    assert!(!summary(&keys).iter().any(|(k, _)| *k == seed));
}

// ---- scheduling -----------------------------------------------------------------------

#[test]
fn if_older_than_changes_nothing_while_the_active_key_is_young() {
    let s = Sandbox::start(&[]);
    // The seed is months old: due, so rotated.
    let young = s.jwk("young", 2);
    let out = s.run(&rotate(
        &young,
        &["--if-older-than", "90d", "--token-lifetime", "1h"],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(s.keys()[1]["status"], "ACTIVE");
    // The ACTIVE key is seconds old now: not due, nothing changes.
    let before = summary(&s.keys());
    let jwk = s.jwk("scheduled", 1);
    let out = s.run(&rotate(
        &jwk,
        &["--if-older-than", "90d", "--token-lifetime", "1h"],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.starts_with("default: not due: the ACTIVE key has been active since "),
        "{err}"
    );
    assert!(
        err.contains("less than --if-older-than 90d; rotation is due at "),
        "{err}"
    );
    assert!(stdout(&out).contains("not due"), "{}", stdout(&out));
    assert_eq!(summary(&s.keys()), before);
    // Due: the rotation happens.
    let out = s.run(&rotate(
        &jwk,
        &["--if-older-than", "0s", "--token-lifetime", "1h"],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(s.keys()[2]["status"], "ACTIVE");
}

#[test]
fn detailed_exitcode_is_11_when_something_would_change_and_0_when_not() {
    let s = Sandbox::start(&[]);
    let jwk = s.jwk("pending", 1);
    let check = ["--dry-run", "--detailed-exitcode", "--token-lifetime", "1h"];
    let out = s.run(&rotate(&jwk, &check));
    assert_eq!(out.status.code(), Some(11), "{}", stderr(&out));
    assert_eq!(s.keys().len(), 1, "a dry run changes nothing");
    let out = s.run(&rotate(&jwk, &["--token-lifetime", "1h"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = s.run(&rotate(&jwk, &check));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Without --dry-run it is a usage error; so is a bad duration.
    let out = s.run(&rotate(&jwk, &["--detailed-exitcode"]));
    assert_eq!(out.status.code(), Some(2));
    let out = s.run(&rotate(&jwk, &["--if-older-than", "90 days"]));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`90 days` is not a duration; write a number and a unit, e.g. 30s, 10m, 4h, 90d or 1h30m"),
        "{}",
        stderr(&out)
    );
}

// ---- rollback -------------------------------------------------------------------------

#[test]
fn rollback_reactivates_the_key_active_before_and_refuses_when_it_is_gone() {
    let s = Sandbox::start(&[]);
    let seed = s.keys()[0].clone();
    let seed_id = seed["id"].as_str().unwrap().to_string();
    let seed_kid = seed["kid"].as_str().unwrap().to_string();
    let jwk = s.jwk("new-1", 1);
    let out = s.run(&rotate(&jwk, &["--token-lifetime", "1h"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // A staged key is never the one rolled back to.
    let staged = s.jwk("staged", 2);
    let out = s.run(&rotate(&staged, &["--stage", "--token-lifetime", "1h"]));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let out = s.run(&["keys", "rollback", "--auth-server", "default", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "POST {}/api/v1/authorizationServers/default/resourceservercredentials/keys/{seed_id}/lifecycle/activate\n",
            s.served.base
        )
    );
    assert!(stderr(&out).starts_with(&format!(
        "Roll back default to key {seed_id} (kid {seed_kid}), ACTIVE until "
    )));
    assert_eq!(s.keys()[1]["status"], "ACTIVE", "a dry run changes nothing");

    let out = s.run(&["keys", "rollback", "--auth-server", "default"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        summary(&s.keys()),
        pairs(&[
            (&seed_kid, "ACTIVE"),
            ("new-1", "INACTIVE"),
            ("staged", "INACTIVE")
        ])
    );

    // Rotate on, deleting the old keys: nothing once active is left to roll back to.
    let out = s.run(&rotate(
        &staged,
        &["--delete-old", "--ignore-token-lifetime", "--yes"],
    ));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = s.run(&["keys", "rollback", "--auth-server", "default"]);
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(
        stderr(&out),
        "error: no key to roll back to on default: no INACTIVE key there was ever ACTIVE, so \
         the key that was ACTIVE before has been deleted. Nothing was changed\n  hint: rotate to \
         a new key instead (`oktakeys keys rotate --auth-server default --generate \
         --private-key-out FILE`); `oktakeys keys list --auth-server default` shows each key's \
         role\n"
    );
    assert_eq!(summary(&s.keys()), pairs(&[("staged", "ACTIVE")]));
}
