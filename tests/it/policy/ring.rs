//! The policy's `ring`: plan shows the new key going into the ring, ring keys to prune and
//! drift (a key in Okta the ring cannot open); apply puts the new key into the ring before
//! Okta sees it and prunes what Okta no longer needs.

use super::*;
use crate::common::stderr;

/// The kids of the ring file `rings/payments.jwks`.
fn ring_kids(org: &Org) -> Vec<String> {
    let text = std::fs::read_to_string(org.env.path("rings/payments.jwks")).unwrap();
    let jwks: Value = serde_json::from_str(&text).unwrap();
    jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_ring_takes_the_new_key_first_and_loses_what_okta_no_longer_needs() {
    let org = Org::start(&["payments"], &[]);
    org.age("payments");
    std::fs::create_dir(org.env.path("rings")).unwrap();
    org.policy(
        "[defaults]\nrotate_after = \"90d\"\nkey_bits = 2048\nring = \"rings/{server}.jwks\"\n\n\
         [[servers]]\nids = [\"payments\"]\n",
    );
    let plan = org.plan_json(0);
    let server = &plan["servers"][0];
    assert_eq!(Org::actions(&plan), [["rotate"]], "{plan}");
    assert!(
        server["changes"][0]["why"]
            .as_str()
            .unwrap()
            .contains("the new key goes into the ring file rings/payments.jwks (read back) before Okta sees it"),
        "{plan}"
    );
    // The seeded key's private half is nowhere: drift, left alone.
    assert!(
        server["drift"][0]
            .as_str()
            .unwrap()
            .contains("is in Okta but the ring file rings/payments.jwks cannot open it (missing)"),
        "{plan}"
    );

    let out = org.run(&["apply", "--yes"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(
        stderr(&out).contains("put the new 2048-bit private key (kid "),
        "{out}"
    );
    let keys = org
        .run(&["keys", "list", "--auth-server", "payments", "-o", "json"])
        .json();
    let active = keys
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["status"] == "ACTIVE")
        .unwrap()
        .clone();
    assert_eq!(ring_kids(&org), [active["kid"].as_str().unwrap()]);
    let check = org.run(&[
        "keys",
        "ring",
        "list",
        "--auth-server",
        "payments",
        "--ring",
        "rings/{server}.jwks",
        "-o",
        "json",
    ]);
    assert_eq!(check.json()[0]["sameKey"], true, "{check}");
    // Converged: nothing more to do (the seed key's drift stays).
    let plan = org.plan_json(0);
    assert_eq!(Org::actions(&plan), [Vec::<String>::new()], "{plan}");

    // A ring key Okta holds no key of: planned out, and taken out by apply.
    let text = std::fs::read_to_string(org.env.path("rings/payments.jwks")).unwrap();
    let mut jwks: Value = serde_json::from_str(&text).unwrap();
    let mut gone = jwks["keys"][0].clone();
    gone["kid"] = "gone".into();
    jwks["keys"].as_array_mut().unwrap().push(gone);
    std::fs::write(org.env.path("rings/payments.jwks"), jwks.to_string()).unwrap();
    let plan = org.plan_json(0);
    assert_eq!(Org::actions(&plan), [["prune ring kid gone"]], "{plan}");
    let out = org.run(&["plan", "--detailed-exitcode"]);
    assert_eq!(out.code(), Some(11), "{out}");
    let out = org.run(&["apply", "--yes"]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(
        stderr(&out).contains("removed kid gone from the ring file"),
        "{out}"
    );
    assert_eq!(ring_kids(&org), [active["kid"].as_str().unwrap()]);
    let out = org.run(&["plan", "--detailed-exitcode"]);
    assert_eq!(out.code(), Some(0), "{out}");
}

/// The kids of a server's keys in Okta, and the ACTIVE one's.
fn okta_kids(org: &Org) -> (Vec<String>, String) {
    let keys = org
        .run(&["keys", "list", "--auth-server", "payments", "-o", "json"])
        .json();
    let keys = keys.as_array().unwrap();
    let kid = |k: &Value| k["kid"].as_str().unwrap().to_string();
    let active = keys.iter().find(|k| k["status"] == "ACTIVE").map(kid);
    (keys.iter().map(kid).collect(), active.unwrap())
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// An org whose ring holds the private halves of both keys of `payments`: the ACTIVE one
/// and a previous one retirable long since (two applies, each key then aged to 2020), and
/// a policy that rotates it and keeps one INACTIVE key. Returns the previous key's id.
fn ring_org_due() -> (Org, String) {
    let org = Org::start(&["payments"], &[]);
    std::fs::create_dir(org.env.path("rings")).unwrap();
    org.policy(
        "[defaults]\nrotate_after = \"90d\"\nkey_bits = 2048\nmax_inactive = 1\n\
         ring = \"rings/{server}.jwks\"\n\n[[servers]]\nids = [\"payments\"]\n",
    );
    for _ in 0..2 {
        org.age("payments");
        let out = org.run(&["apply", "--yes"]);
        assert_eq!(out.code(), Some(0), "{out}");
    }
    org.age("payments");
    let (kids, active) = okta_kids(&org);
    assert_eq!(sorted(ring_kids(&org)), sorted(kids.clone()), "set-up");
    assert_eq!(kids.len(), 2, "set-up: {kids:?}");
    let keys = org
        .run(&["keys", "list", "--auth-server", "payments", "-o", "json"])
        .json();
    let previous = keys
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kid"] != active.as_str())
        .unwrap();
    org.okta.clear_log();
    (org, previous["id"].as_str().unwrap().to_string())
}

/// kill -9 of an apply with a ring while each change is in flight (before Okta carries it
/// out, or after, its answer lost), then apply again: it converges (Okta holds the new key
/// ACTIVE and the one before it; the ring holds exactly those two, the retired key taken
/// out even when Okta deleted it under the killed run), no key is added twice, and plan
/// then has nothing to do. Killed anywhere, the ring holds every key Okta may encrypt with.
#[test]
fn an_apply_with_a_ring_killed_at_every_step_converges_on_the_next_apply() {
    let keys = "POST /api/v1/authorizationServers/payments/resourceservercredentials/keys";
    let delete = "DELETE /api/v1/authorizationServers/payments/resourceservercredentials/keys/";
    for (step, after) in [
        (keys, false),
        (keys, true),
        ("/lifecycle/activate", false),
        ("/lifecycle/activate", true),
        (delete, false),
        (delete, true),
    ] {
        let (org, previous) = ring_org_due();
        let step = if step == delete {
            format!("{delete}{previous}")
        } else {
            step.to_string()
        };
        let step = step.as_str();
        let before = okta_kids(&org).1;
        org.apply_killed_at(step, after, &[]);
        let held = ring_kids(&org);
        let (kids, _) = okta_kids(&org);
        for kid in &kids {
            assert!(
                held.contains(kid),
                "{step} {after}: ring {held:?}, Okta {kids:?}"
            );
        }

        let out = org.run(&["apply", "--yes"]);
        assert_eq!(out.code(), Some(0), "{step} {after}:\n{out}");
        let (kids, active) = okta_kids(&org);
        assert_ne!(active, before, "{step} {after}: rotated");
        assert_eq!(
            sorted(kids.clone()),
            sorted(vec![active.clone(), before.clone()]),
            "{step} {after}: the new key and the one before it"
        );
        assert_eq!(sorted(ring_kids(&org)), sorted(kids), "{step} {after}");
        let log = org.okta.log();
        assert!(
            log.iter()
                .any(|l| *l == format!("DELETE /as/payments/keys/{previous}")),
            "{step} {after}: {log:?}"
        );
        let adds = log
            .iter()
            .filter(|l| *l == "POST /as/payments/keys")
            .count();
        let expected = if step == keys && !after { 2 } else { 1 };
        assert_eq!(adds, expected, "{step} {after}: {log:?}");
        let out = org.run(&["plan", "--detailed-exitcode"]);
        assert_eq!(out.code(), Some(0), "{step} {after}: {out}");
    }
}

/// The ring in a secret store (`ring_read_command` with `ring_write_command`; a script
/// stands in for Vault): apply puts the new key into it through the commands' pipes
/// (never their argv), with `{server}` expanded; plan then has nothing to do, and the
/// store's ring opens the ACTIVE key.
#[test]
fn a_ring_in_a_secret_store_takes_the_new_key_through_its_commands() {
    let org = Org::start(&["payments"], &[]);
    org.age("payments");
    let store = org.env.path("store");
    std::fs::create_dir(&store).unwrap();
    let script = org.env.path("store.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nset -e\nd='{}'\necho \"$*\" >> \"$d/argv.log\"\n\
             case \"$1\" in\n\
             get) [ -f \"$d/$2.json\" ] && cat \"$d/$2.json\"; exit 0;;\n\
             put) cat > \"$d/$2.tmp\"; mv \"$d/$2.tmp\" \"$d/$2.json\";;\nesac\n",
            store.display()
        ),
    )
    .unwrap();
    org.policy(&format!(
        "[defaults]\nrotate_after = \"90d\"\nkey_bits = 2048\n\
         ring_read_command = \"sh {script} get {{server}}\"\n\
         ring_write_command = \"sh {script} put {{server}}\"\n\n\
         [[servers]]\nids = [\"payments\"]\n",
        script = script.display()
    ));
    let plan = org.plan_json(0);
    assert_eq!(Org::actions(&plan), [["rotate"]], "{plan}");
    assert!(
        plan["servers"][0]["changes"][0]["why"]
            .as_str()
            .unwrap()
            .contains("the new key goes into the ring read by `sh "),
        "{plan}"
    );
    let out = org.run(&["apply", "--yes"]);
    assert_eq!(out.code(), Some(0), "{out}");
    let (kids, active) = okta_kids(&org);
    let text = std::fs::read_to_string(store.join("payments.json")).unwrap();
    let jwks: Value = serde_json::from_str(&text).unwrap();
    let held: Vec<&str> = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap())
        .collect();
    assert_eq!(held, [active.as_str()], "Okta: {kids:?}");
    assert!(
        jwks["keys"][0]["d"].is_string(),
        "the private half is in the store"
    );
    let argv = std::fs::read_to_string(store.join("argv.log")).unwrap();
    assert!(
        argv.lines()
            .all(|l| l == "get payments" || l == "put payments"),
        "{argv}"
    );
    assert!(argv.contains("put payments"), "{argv}");
    let out = org.run(&["plan", "--detailed-exitcode"]);
    assert_eq!(out.code(), Some(0), "{out}");
}
