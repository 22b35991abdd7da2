//! Issue 17 item 1: no key is deleted, or called retirable, while its tokens may live.
//! `created == lastUpdated` is what Okta's one-second timestamps show for a key activated
//! and deactivated within one second (a server's first key replaced at once), so it must
//! not count as "never active". Rotate, `keys list --retirement` and `keys audit` agree.

use crate::common::*;
use serde_json::Value;

/// The sandbox profile's state file, and the binary pointed at it.
struct Sandbox {
    env: TestEnv,
    state: std::path::PathBuf,
}

impl Sandbox {
    fn new() -> Self {
        let env = TestEnv::new();
        let state = env.path("st.json");
        Sandbox { env, state }
    }

    fn run(&self, args: &[&str]) -> Run {
        self.env
            .cmd()
            .env("OKTAKEYS_SANDBOX_STATE", &self.state)
            .args(args)
            .run()
    }

    fn keys(&self) -> Vec<Value> {
        let state: Value =
            serde_json::from_str(&std::fs::read_to_string(&self.state).unwrap()).unwrap();
        state["authorizationServers"]["default"]["keys"]
            .as_array()
            .unwrap()
            .clone()
    }

    /// Make key `kid` look as Okta shows a key activated and deactivated within one
    /// second: `created` equal to `lastUpdated`.
    fn same_second(&self, kid: Option<&str>, status: &str) {
        let mut state: Value =
            serde_json::from_str(&std::fs::read_to_string(&self.state).unwrap()).unwrap();
        let keys = state["authorizationServers"]["default"]["keys"]
            .as_array_mut()
            .unwrap();
        let key = keys
            .iter_mut()
            .find(|k| k["status"] == status && kid.is_none_or(|kid| k["kid"] == kid))
            .expect("the key is there");
        key["created"] = key["lastUpdated"].clone();
        std::fs::write(&self.state, state.to_string()).unwrap();
    }
}

/// The repro: rotate to A then to B with `--delete-old`, the seed key (ACTIVE one
/// command before) and A showing `created == lastUpdated`. Both stay until their
/// `lastUpdated` plus the sandbox's one-hour token lifetime.
#[test]
fn retirement_keeps_a_key_active_within_the_same_second() {
    let sb = Sandbox::new();
    for kid in ["A", "B"] {
        let pem = format!("{kid}.pem");
        let out = sb.run(&["keys", "generate", "--kid", kid, "--private-key-out", &pem]);
        assert_eq!(out.code(), Some(0), "{out}");
        std::fs::write(sb.env.path(&format!("{kid}.json")), &out.stdout).unwrap();
    }
    let rotate = |kid: &str| {
        let jwk = format!("{kid}.json");
        let out = sb.run(&[
            "-p",
            "sandbox",
            "keys",
            "rotate",
            "--auth-server",
            "default",
            "--jwk",
            &jwk,
            "--delete-old",
            "--yes",
        ]);
        assert_eq!(out.code(), Some(0), "{out}");
        out
    };
    rotate("A");
    // The seed key was ACTIVE until A's activation; within one second its timestamps
    // are equal (usually they are already: the seed is made by the same command).
    sb.same_second(None, "INACTIVE");
    let seed = sb
        .keys()
        .into_iter()
        .find(|k| k["status"] == "INACTIVE")
        .unwrap();
    let seed_id = seed["id"].as_str().unwrap().to_string();

    let out = rotate("B");
    assert!(
        sb.keys().iter().any(|k| k["id"] == seed_id.as_str()),
        "the seed key, ACTIVE one command ago, was deleted:\n{out}"
    );
    assert!(
        out.stderr.contains(&format!("keep {seed_id}")),
        "the plan names the kept seed key:\n{out}"
    );
    assert!(!out.stderr.contains("delete INACTIVE"), "{out}");

    // A, ACTIVE until B's activation, as if within one second of its creation.
    sb.same_second(Some("A"), "INACTIVE");
    let list = sb.run(&[
        "-p",
        "sandbox",
        "keys",
        "list",
        "--auth-server",
        "default",
        "--retirement",
        "-o",
        "json",
    ]);
    assert_eq!(list.code(), Some(0), "{list}");
    let listed = list.json();
    let inactive: Vec<&Value> = listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|k| k["status"] == "INACTIVE")
        .collect();
    assert_eq!(inactive.len(), 2, "{list}");
    for key in inactive {
        let updated = key["lastUpdated"].as_str().unwrap();
        let expected = plus_one_hour(updated);
        assert_eq!(
            key["_oktakeys"]["retirableAt"].as_str(),
            Some(expected.as_str()),
            "{} (created {}, lastUpdated {updated}) is retirable an hour after its \
             lastUpdated:\n{list}",
            key["kid"],
            key["created"]
        );
    }
    let text = sb.run(&[
        "-p",
        "sandbox",
        "keys",
        "list",
        "--auth-server",
        "default",
        "--retirement",
    ]);
    assert!(!text.stdout.contains(" now"), "{text}");

    let audit = sb.run(&[
        "-p",
        "sandbox",
        "keys",
        "audit",
        "--auth-server",
        "default",
        "-o",
        "json",
    ]);
    let findings = &audit.json()["servers"][0]["findings"];
    assert!(
        !findings.to_string().contains("retirable-keys"),
        "no key is past retirement:\n{audit}"
    );
}

/// `2026-12-05T08:02:54.000Z` plus one hour, as Okta writes it.
fn plus_one_hour(ts: &str) -> String {
    let num = |r: std::ops::Range<usize>| ts[r].parse::<i64>().unwrap();
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    // Days since 1970-01-01 (Howard Hinnant's days_from_civil), and back.
    let y0 = if m <= 2 { y - 1 } else { y };
    let era = y0.div_euclid(400);
    let yoe = y0 - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    let secs = days * 86_400 + num(11..13) * 3600 + num(14..16) * 60 + num(17..19) + 3600;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60,
        &ts[19..]
    )
}

#[test]
fn plus_one_hour_crosses_days_and_years() {
    assert_eq!(
        plus_one_hour("2026-12-05T08:02:54.000Z"),
        "2026-12-05T09:02:54.000Z"
    );
    assert_eq!(
        plus_one_hour("2026-12-31T23:30:00.000Z"),
        "2027-01-01T00:30:00.000Z"
    );
    assert_eq!(
        plus_one_hour("2028-02-28T23:00:00.000Z"),
        "2028-02-29T00:00:00.000Z"
    );
}
