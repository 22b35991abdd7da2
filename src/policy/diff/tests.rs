use super::*;

fn key(id: &str, status: KeyStatus, created: &str, updated: &str) -> KeyView {
    KeyView {
        id: id.into(),
        kid: Some(format!("kid-{id}")),
        status,
        created: Some(format!("2026-{created}.000Z")),
        last_updated: Some(format!("2026-{updated}.000Z")),
        thumbprint: Some(format!("tp-{id}")),
    }
}

fn desired() -> Desired {
    Desired {
        encryption: Some(Encryption::RsaOaep256),
        rotate_after: Some(Duration::from_secs(90 * 86400)),
        key_bits: 2048,
        retire_after: RetireAfter::TokenLifetime,
        max_inactive: Some(1),
        private_key_command: Some("store".into()),
        ring: None,
        activate_when: None,
        gate_interval: Duration::from_secs(10),
        gate_timeout: Duration::from_secs(600),
        on_retire: None,
        verify: None,
    }
}

fn rule(now: &str) -> Retirement {
    Retirement {
        now: Timestamp::parse(&format!("2026-{now}.000Z")).unwrap(),
        lifetime: Duration::from_secs(3600),
        ignore: false,
    }
}

#[test]
fn a_due_rotation_then_encryption_then_retirement() {
    let keys = vec![
        key("cur", KeyStatus::Active, "01-01T00:00:00", "01-02T00:00:00"),
        key(
            "p1",
            KeyStatus::Inactive,
            "01-01T00:00:00",
            "01-02T00:00:00",
        ),
        key(
            "p0",
            KeyStatus::Inactive,
            "01-01T00:00:00",
            "01-01T00:00:00",
        ),
    ];
    let facts = Facts {
        encryption: None,
        jwks_uri: false,
        keys: &keys,
        ring: None,
    };
    let plan = plan(&desired(), &facts, rule("06-01T00:00:00")).unwrap();
    let actions: Vec<String> = plan.changes.iter().map(Change::action).collect();
    assert_eq!(
        actions,
        [
            "rotate",
            "encryption RSA-OAEP-256",
            "retire p1",
            "retire p0"
        ]
    );
    assert!(
        plan.changes[0].why().contains("rotate_after is 90d"),
        "{:?}",
        plan.changes[0]
    );
    // The key deactivated by the rotation stays (max_inactive = 1), retirable in an hour.
    assert_eq!(plan.kept.len(), 1);
    assert_eq!(plan.kept[0].1.label(), "2026-06-01T01:00:00.000Z");
    assert!(matches!(
        plan.engine.as_ref().map(|e| &e.next),
        Some(NextKey::Generate)
    ));
}

#[test]
fn nothing_to_do_says_when_the_rotation_is_due_and_a_hand_added_key_is_drift() {
    let keys = vec![
        key("cur", KeyStatus::Active, "05-01T00:00:00", "05-01T00:00:00"),
        key(
            "hand",
            KeyStatus::Inactive,
            "05-02T00:00:00",
            "05-02T00:00:00",
        ),
    ];
    let facts = Facts {
        encryption: Some("RSA-OAEP-256"),
        jwks_uri: false,
        keys: &keys,
        ring: None,
    };
    let plan = plan(&desired(), &facts, rule("06-01T00:00:00")).unwrap();
    assert!(plan.is_noop(), "{:?}", plan.changes);
    assert_eq!(
        plan.rotation_due.unwrap().to_string(),
        "2026-07-30T00:00:00.000Z"
    );
    assert!(
        plan.drift[0].contains("not by this policy"),
        "{:?}",
        plan.drift
    );
    assert!(plan.engine.is_none());
}

#[test]
fn a_staged_key_is_activated_when_the_rotation_is_due() {
    let keys = vec![
        key("cur", KeyStatus::Active, "01-01T00:00:00", "01-01T00:00:00"),
        key(
            "next",
            KeyStatus::Inactive,
            "05-02T00:00:00",
            "05-02T00:00:00",
        ),
    ];
    let facts = Facts {
        encryption: Some("RSA-OAEP-256"),
        jwks_uri: false,
        keys: &keys,
        ring: None,
    };
    let plan = plan(&desired(), &facts, rule("06-01T00:00:00")).unwrap();
    assert_eq!(plan.changes[0].action(), "activate next");
    let engine = plan.engine.as_ref().unwrap();
    let NextKey::OnServer(new) = &engine.next else {
        panic!("{:?}", engine.next)
    };
    assert_eq!(new.kid, "kid-next");
    assert!(
        engine
            .plan
            .steps
            .iter()
            .any(|s| matches!(s, rotate::Step::ReuseExisting { .. }))
    );
}
