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
