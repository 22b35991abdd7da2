//! `plan`: per server what apply would do and why (rotation by age, encryption, retirement
//! and when, drift), reading only; exit 0 / 11 with --detailed-exitcode; a server that
//! cannot be read does not hide the others; the requests a no-change plan makes.

use super::*;
use crate::common::stderr;

const TWO: &str = "\
[defaults]
encryption = \"RSA-OAEP-256\"
rotate_after = \"90d\"
max_inactive = 1
private_key_command = \"cat > /dev/null\"

[[servers]]
names = [\"payments-eu\", \"payments-us\"]
";

#[test]
fn plan_says_per_server_what_apply_would_do_and_why_and_changes_nothing() {
    let org = Org::start(&["payments-eu", "payments-us"], &["payments-us"]);
    org.age("payments-eu");
    org.policy(TWO);
    let before = (org.okta.keys("payments-eu"), org.okta.keys("payments-us"));
    let out = org.run(&["plan"]);
    assert_eq!(out.status.code(), Some(0), "{out}");
    let text = &out.stdout;
    assert!(text.starts_with("Plan at 20"), "{text}");
    assert!(
        text.contains("(this machine's clock), from oktakeys.toml\n"),
        "{text}"
    );
    assert!(
        text.contains("payments-eu (payments-eu): 2 change(s)\n  + rotate: the ACTIVE key "),
        "{text}"
    );
    assert!(
        text.contains("was activated at 2020-01-01T00:00:00.000Z, "),
        "{text}"
    );
    assert!(text.contains("; rotate_after is 90d\n"), "{text}");
    assert!(
        text.contains(
            "  + encryption RSA-OAEP-256: encryption is off; the policy says RSA-OAEP-256\n"
        ),
        "{text}"
    );
    // After the rotation the old key stays (max_inactive = 1), retirable once its tokens
    // (5 minutes) are gone.
    assert!(text.contains("retire_after 5m)\n"), "{text}");
    assert!(
        text.contains("payments-us (payments-us): nothing to do\n  next rotation due at 20"),
        "{text}"
    );
    assert!(
        text.ends_with("2 server(s): 1 to change, 1 unchanged, 0 not planned.\n"),
        "{text}"
    );
    // Reads only.
    assert!(
        org.okta.log().iter().all(|l| l.starts_with("GET ")),
        "{:?}",
        org.okta.log()
    );
    assert_eq!(
        (org.okta.keys("payments-eu"), org.okta.keys("payments-us")),
        before
    );

    let out = org.run(&["plan", "--detailed-exitcode"]);
    assert_eq!(out.status.code(), Some(11), "{out}");
    assert_eq!(stderr(&out), "");
}

#[test]
fn plan_json_has_the_time_used_the_changes_and_when_keys_retire() {
    let org = Org::start(&["payments-eu", "payments-us"], &["payments-us"]);
    org.age("payments-eu");
    org.policy(TWO);
    let plan = org.plan_json(0);
    assert!(plan["now"].as_str().unwrap().ends_with(".000Z"), "{plan}");
    assert_eq!(plan["file"], "oktakeys.toml");
    assert_eq!(
        Org::actions(&plan),
        [vec!["rotate", "encryption RSA-OAEP-256"], vec![]]
    );
    let eu = &plan["servers"][0];
    assert_eq!(eu["id"], "payments-eu");
    assert_eq!(eu["profile"], Value::Null);
    assert_eq!(eu["kept"].as_array().unwrap().len(), 1, "{eu}");
    let seed = &org.okta.keys("payments-eu")[0];
    assert_eq!(eu["kept"][0]["id"], seed.0.as_str());
    // The old key becomes retirable 5 minutes after the plan's time (its deactivation).
    let now = plan["now"].as_str().unwrap();
    let at = eu["kept"][0]["retirable_at"].as_str().unwrap();
    assert!(at > now, "{at} after {now}");
    let us = &plan["servers"][1];
    assert!(us["rotation_due"].as_str().unwrap() > now, "{us}");
    assert_eq!(us["error"], Value::Null);
}

#[test]
fn previous_keys_beyond_max_inactive_are_retired_and_a_hand_added_key_is_drift() {
    let org = Org::start(&["payments-eu"], &["payments-eu"]);
    org.policy(
        "[defaults]\nencryption = \"RSA-OAEP-256\"\nmax_inactive = 1\n\
         [[servers]]\nids = [\"payments-eu\"]\n",
    );
    // Two previous keys, both long retired, and a key added by hand after the ACTIVE
    // key's activation (INACTIVE, never activated).
    org.okta.edit(|state| {
        let keys = state["authorizationServers"]["payments-eu"]["keys"]
            .as_array_mut()
            .unwrap();
        let active = keys[0].clone();
        for (i, (id, created, updated)) in [
            ("apkOld1", "2020-01-01", "2020-02-01"),
            ("apkOld2", "2020-03-01", "2020-04-01"),
            ("apkHand", "2099-01-01", "2099-01-01"),
        ]
        .iter()
        .enumerate()
        {
            let mut k = active.clone();
            k["id"] = (*id).into();
            k["kid"] = format!("kid-{id}").into();
            k["n"] = crate::common::modulus(2048, 50 + i as u8).into();
            k["status"] = "INACTIVE".into();
            k["created"] = format!("{created}T00:00:00.000Z").into();
            k["lastUpdated"] = format!("{updated}T00:00:00.000Z").into();
            keys.push(k);
        }
    });
    let plan = org.plan_json(0);
    assert_eq!(Org::actions(&plan), [vec!["retire apkOld1"]]);
    let server = &plan["servers"][0];
    assert!(
        server["changes"][0]["why"]
            .as_str()
            .unwrap()
            .starts_with("retirable since 2020-02-01T00:05:00.000Z; beyond max_inactive = 1"),
        "{server}"
    );
    assert_eq!(server["kept"][0]["id"], "apkOld2");
    assert!(
        server["drift"][0]
            .as_str()
            .unwrap()
            .starts_with("key apkHand (kid kid-apkHand) is INACTIVE and never activated"),
        "{server}"
    );
}

#[test]
fn encryption_switched_off_outside_the_policy_is_a_change_to_turn_it_back_on() {
    let org = Org::start(&["payments-eu"], &["payments-eu"]);
    org.policy("[defaults]\nencryption = \"RSA-OAEP-512\"\n[[servers]]\nall_active = true\n");
    let plan = org.plan_json(0);
    // `default` is seeded too: both ACTIVE servers.
    assert_eq!(
        Org::actions(&plan),
        [
            vec!["encryption RSA-OAEP-512"],
            vec!["encryption RSA-OAEP-512"]
        ]
    );
    assert_eq!(
        plan["servers"][1]["changes"][0]["why"],
        "encryption is RSA-OAEP-256; the policy says RSA-OAEP-512"
    );
}

#[test]
fn a_server_that_cannot_be_read_does_not_hide_the_others() {
    let org = Org::start(&["payments-eu", "payments-us"], &[]);
    org.policy(TWO);
    org.okta.fail_next(
        "GET /api/v1/authorizationServers/payments-eu/resourceservercredentials/keys",
        500,
    );
    let out = org.run(&["plan", "--detailed-exitcode"]);
    assert_eq!(out.status.code(), Some(8), "{out}");
    assert!(
        stderr(&out).starts_with("error: payments-eu (payments-eu): Okta failed to answer"),
        "{out}"
    );
    assert!(
        out.stdout
            .contains("payments-eu (payments-eu): not planned: exit 8: "),
        "{out}"
    );
    assert!(
        out.stdout
            .contains("payments-us (payments-us): 1 change(s)\n  + encryption RSA-OAEP-256"),
        "{out}"
    );
    assert!(
        out.stdout
            .ends_with("2 server(s): 1 to change, 0 unchanged, 1 not planned.\n"),
        "{out}"
    );

    org.okta.fail_next(
        "GET /api/v1/authorizationServers/payments-eu/resourceservercredentials/keys",
        500,
    );
    let plan = org.plan_json(8);
    assert_eq!(plan["servers"][0]["error"]["exit_code"], 8);
    assert_eq!(Org::actions(&plan)[1], ["encryption RSA-OAEP-256"]);
}

#[test]
fn a_no_change_plan_reads_one_listing_and_one_key_list_per_server() {
    let servers: Vec<String> = (1..=6).map(|i| format!("aus{i}")).collect();
    let names: Vec<&str> = servers.iter().map(String::as_str).collect();
    let org = Org::start(&names, &names);
    org.policy(
        "[defaults]\nencryption = \"RSA-OAEP-256\"\nrotate_after = \"90d\"\nmax_inactive = 1\n\
         private_key_command = \"cat > /dev/null\"\n[[servers]]\nname_globs = [\"aus*\"]\n",
    );
    let out = org.run(&["plan", "--detailed-exitcode"]);
    assert_eq!(out.status.code(), Some(0), "{out}");
    let mut log = org.okta.log();
    assert_eq!(log.remove(0), "GET /api/v1/authorizationServers");
    log.sort();
    let expected: Vec<String> = names.iter().map(|s| format!("GET /as/{s}/keys")).collect();
    assert_eq!(log, expected);
}

/// Across orgs: each [[servers]] block names its profile (org); plan and apply reach each
/// org with that profile's URL and token, and report the profile per server.
#[test]
fn blocks_of_two_profiles_reach_two_orgs_each_with_its_own_credentials() {
    let us = Org::start(&["payments"], &[]);
    let eu = Org::start(&["payments"], &[]);
    let env = &us.env;
    env.write_config(&format!(
        "[profiles.us]\norg_url = \"{}\"\ntoken_env = \"US_TOKEN\"\n\n\
         [profiles.eu]\norg_url = \"{}\"\ntoken_env = \"EU_TOKEN\"\n",
        us.okta.base, eu.okta.base
    ));
    std::fs::write(
        env.path("oktakeys.toml"),
        "[defaults]\nencryption = \"RSA-OAEP-256\"\n\n\
         [[servers]]\nprofile = \"us\"\nids = [\"payments\"]\n\n\
         [[servers]]\nprofile = \"eu\"\nids = [\"payments\"]\nencryption = \"RSA-OAEP-512\"\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        crate::common::run(
            env.cmd()
                .env("US_TOKEN", crate::common::TOKEN)
                .env("EU_TOKEN", crate::common::TOKEN)
                .args(["--max-retries", "0"])
                .args(args),
        )
    };
    let out = run(&["plan", "-o", "json"]);
    assert_eq!(out.code(), Some(0), "{out}");
    let plan = out.json();
    let profiles: Vec<&Value> = plan["servers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["profile"])
        .collect();
    assert_eq!(profiles, ["us", "eu"], "{plan}");
    assert_eq!(
        Org::actions(&plan),
        [["encryption RSA-OAEP-256"], ["encryption RSA-OAEP-512"]],
        "{plan}"
    );
    let out = run(&["apply", "--yes"]);
    assert_eq!(out.code(), Some(0), "{out}");
    let alg = |org: &Org| {
        org.run(&["servers", "get", "payments", "-o", "json"])
            .json()["accessTokenEncryptedResponseAlgorithm"]
            .clone()
    };
    assert_eq!(alg(&us), "RSA-OAEP-256");
    assert_eq!(alg(&eu), "RSA-OAEP-512");
    let out = run(&["plan", "--detailed-exitcode"]);
    assert_eq!(out.code(), Some(0), "{out}");
}
