use std::time::Duration;

use super::*;

const NEW: &str = "kid-new";
const NEW_TP: &str = "thumbprint-of-the-new-key";
const NOW: &str = "2026-11-26T12:00:00.000Z";

fn new_key() -> NewKey {
    NewKey {
        kid: NEW.into(),
        thumbprint: Some(NEW_TP.into()),
    }
}

fn opts(retention: Retention) -> Options {
    Options {
        retention,
        stage: false,
        gate: false,
        retirement: Retirement {
            now: Timestamp::parse(NOW).unwrap(),
            lifetime: Duration::from_secs(3600),
            ignore: false,
        },
    }
}

fn ignoring(retention: Retention) -> Options {
    let mut o = opts(retention);
    o.retirement.ignore = true;
    o
}

fn ts(day: u32, hour: u32) -> String {
    format!("2026-11-{day:02}T{hour:02}:00:00.000Z")
}

fn key(id: &str, status: KeyStatus, created: String, updated: String) -> KeyView {
    KeyView {
        id: id.to_string(),
        kid: Some(format!("kid-{id}")),
        status,
        created: Some(created),
        last_updated: Some(updated),
        thumbprint: Some(format!("tp-{id}")),
    }
}

/// A key with the new kid and the new key's material (staged, or an earlier run added it).
fn same(id: &str, status: KeyStatus) -> KeyView {
    KeyView {
        kid: Some(NEW.into()),
        thumbprint: Some(NEW_TP.into()),
        ..key(id, status, ts(26, 11), ts(26, 11))
    }
}

/// `a` ACTIVE since the 20th; `p1`…`pn` once active, deactivated on day 1…n (retirable:
/// the window is an hour); `o` never activated and superseded.
fn server(n: u32) -> Vec<KeyView> {
    let mut keys = vec![key("a", KeyStatus::Active, ts(1, 0), ts(20, 0))];
    for i in 1..=n {
        keys.push(key(
            &format!("p{i}"),
            KeyStatus::Inactive,
            ts(1, 0),
            ts(i, 0),
        ));
    }
    keys
}

fn summary(plan: &Plan) -> Vec<String> {
    plan.steps
        .iter()
        .map(|s| match s {
            Step::DeleteFirst { key, .. } => format!("delete-first {}", key.id),
            Step::AddKey { kid } => format!("add {kid}"),
            Step::ReuseExisting { key } => format!("reuse {}", key.id),
            Step::AlreadyStaged { key } => format!("staged {}", key.id),
            Step::Gate => "gate".into(),
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

fn kept(plan: &Plan) -> Vec<(String, String)> {
    plan.kept
        .iter()
        .map(|k| (k.key.id.clone(), k.retirable.label()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn the_just_deactivated_key_is_kept_until_the_last_token() {
    let plan = plan(&server(0), &new_key(), opts(Retention::DeleteOld)).unwrap();
    assert_eq!(summary(&plan), ["add kid-new", "activate new"]);
    assert_eq!(kept(&plan), pairs(&[("a", "2026-11-26T13:00:00.000Z")]));
    assert!(
        plan.to_string()
            .contains("  keep a (kid kid-a): retirable at 2026-11-26T13:00:00.000Z\n")
    );
    // --ignore-token-lifetime deletes it after the activation.
    let plan = super::plan(&server(0), &new_key(), ignoring(Retention::DeleteOld)).unwrap();
    assert_eq!(summary(&plan), ["add kid-new", "activate new", "delete a"]);
}

#[test]
fn delete_old_and_keep_delete_only_retirable_keys() {
    let mut keys = server(2);
    // p3 stopped being active 30 minutes ago: its tokens are still out there.
    keys.push(key(
        "p3",
        KeyStatus::Inactive,
        ts(1, 0),
        "2026-11-26T11:30:00.000Z".into(),
    ));
    let plan = plan(&keys, &new_key(), opts(Retention::DeleteOld)).unwrap();
    assert_eq!(
        summary(&plan),
        ["add kid-new", "activate new", "delete p2", "delete p1"]
    );
    assert_eq!(
        kept(&plan),
        pairs(&[
            ("a", "2026-11-26T13:00:00.000Z"),
            ("p3", "2026-11-26T12:30:00.000Z")
        ])
    );
    // Keep 2: the key the activation deactivates and p3, the last in use before it (p1
    // and p2 were created together; p2 and then p1 stopped being active earlier).
    let plan = super::plan(&keys, &new_key(), opts(Retention::Keep(2))).unwrap();
    assert_eq!(
        summary(&plan),
        ["add kid-new", "activate new", "delete p2", "delete p1"]
    );
    let plan = super::plan(&keys, &new_key(), opts(Retention::None)).unwrap();
    assert_eq!(summary(&plan), ["add kid-new", "activate new"]);
    assert_eq!(plan.kept.len(), 4);
}

#[test]
fn a_next_key_is_never_deleted_and_a_never_activated_old_key_goes_at_once() {
    let mut keys = server(0);
    keys.push(key("next", KeyStatus::Inactive, ts(25, 0), ts(25, 0)));
    keys.push(key("old", KeyStatus::Inactive, ts(10, 0), ts(10, 0)));
    let plan = plan(&keys, &new_key(), ignoring(Retention::DeleteOld)).unwrap();
    assert_eq!(
        summary(&plan),
        ["add kid-new", "activate new", "delete a", "delete old"]
    );
    assert_eq!(kept(&plan), pairs(&[("next", "-")]));
    let plan = super::plan(&keys, &new_key(), opts(Retention::DeleteOld)).unwrap();
    assert_eq!(
        summary(&plan),
        ["add kid-new", "activate new", "delete old"]
    );
}

#[test]
fn stage_adds_only_and_is_idempotent_then_a_run_activates_the_staged_key() {
    let mut o = opts(Retention::DeleteOld);
    o.stage = true;
    let plan = plan(&server(2), &new_key(), o).unwrap();
    assert_eq!(summary(&plan), ["add kid-new"]);
    assert!(plan.deactivates.is_empty());
    // The ACTIVE key stays current: it is not among the kept old keys.
    assert!(!plan.kept.iter().any(|k| k.key.id == "a"), "{plan:?}");
    let mut staged = server(2);
    staged.push(same("apk-new", KeyStatus::Inactive));
    let again = super::plan(&staged, &new_key(), o).unwrap();
    assert!(again.is_noop());
    assert_eq!(summary(&again), ["staged apk-new"]);
    let mut gated = opts(Retention::None);
    gated.gate = true;
    let run = super::plan(&staged, &new_key(), gated).unwrap();
    assert_eq!(summary(&run), ["reuse apk-new", "gate", "activate apk-new"]);
}

#[test]
fn the_gate_stands_between_the_add_and_the_activation() {
    let mut o = opts(Retention::None);
    o.gate = true;
    let plan = plan(&server(0), &new_key(), o).unwrap();
    assert_eq!(summary(&plan), ["add kid-new", "gate", "activate new"]);
}

#[test]
fn room_for_the_key_limit_is_the_oldest_retirable_keys() {
    let mut keys = server(2);
    keys.push(key(
        "p9",
        KeyStatus::Inactive,
        ts(2, 0),
        "2026-11-26T11:30:00.000Z".into(),
    ));
    let plan = plan(&keys, &new_key(), opts(Retention::Keep(5))).unwrap();
    let room: Vec<&str> = plan.room.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(room, ["p1", "p2"]);
    assert!(plan.may_delete);
    // Nothing retirable: the soonest one is named.
    let keys = vec![
        key("a", KeyStatus::Active, ts(1, 0), ts(26, 11)),
        key(
            "p",
            KeyStatus::Inactive,
            ts(1, 0),
            "2026-11-26T11:30:00.000Z".into(),
        ),
    ];
    let plan = super::plan(&keys, &new_key(), opts(Retention::DeleteOld)).unwrap();
    assert!(plan.room.is_empty());
    let (key, when) = plan.room_later.unwrap();
    assert_eq!(
        (key.id.as_str(), when.label().as_str()),
        ("p", "2026-11-26T12:30:00.000Z")
    );
}

#[test]
fn re_runs_converge() {
    let mut keys = server(1);
    keys[0].status = KeyStatus::Inactive;
    keys.push(same("apk-new", KeyStatus::Active));
    let plan = plan(&keys, &new_key(), opts(Retention::None)).unwrap();
    assert!(plan.is_noop());
    let plan = super::plan(&keys, &new_key(), ignoring(Retention::DeleteOld)).unwrap();
    assert_eq!(
        summary(&plan),
        ["already-active apk-new", "delete a", "delete p1"]
    );
}

#[test]
fn a_different_key_with_the_new_kid_is_never_activated() {
    let mut keys = server(1);
    keys.push(KeyView {
        kid: Some(NEW.into()),
        ..key("apk-other", KeyStatus::Inactive, ts(25, 0), ts(25, 0))
    });
    let err = plan(&keys, &new_key(), opts(Retention::DeleteOld)).unwrap_err();
    assert_eq!(
        err.reason,
        "the server already holds a different key with kid `kid-new` (apk-other, INACTIVE); \
         Okta requires unique kids. Nothing was changed"
    );
}

#[test]
fn keys_without_kid() {
    let mut keys = server(1);
    keys[1].kid = None;
    let err = plan(&keys, &new_key(), opts(Retention::None)).unwrap_err();
    assert!(err.reason.starts_with("key p1 has no kid"), "{err:?}");
    let plan = super::plan(&keys, &new_key(), opts(Retention::DeleteOld)).unwrap();
    assert_eq!(
        summary(&plan),
        ["delete-first p1", "add kid-new", "activate new"]
    );
}

#[test]
fn if_older_than() {
    let keys = server(0); // active since the 20th
    let now = Timestamp::parse(NOW).unwrap();
    let day = Duration::from_secs(86_400);
    assert_eq!(
        not_due_until(&keys, now, day * 10)
            .map(|t| t.to_string())
            .as_deref(),
        Some("2026-11-30T00:00:00.000Z")
    );
    assert_eq!(not_due_until(&keys, now, day * 6), None);
    assert_eq!(not_due_until(&[], now, day), None);
}
