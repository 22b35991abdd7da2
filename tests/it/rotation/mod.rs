//! Issue 11, through the binary: a rotation a resource server survives. Key roles, stage
//! then activate, the gate, the private key handed to a command, retirement after the
//! last token, the key limit learned from Okta, scheduling, rollback, and two jobs at once.
//! Against a spawned `oktakeys sandbox serve`, and httpmock where the times must be exact
//! (policies and rules with chosen lifetimes, keys with chosen timestamps).
//!
//! `mod.rs` holds the harness (a spawned sandbox, with its seed key aged); each child module
//! one part of the issue.

mod concurrency;
mod limits;
mod resume;
mod retirement;
mod stage_gate;

use crate::common::sandbox::{MODULI, Served, serve};
use crate::common::{Run, TOKEN, TestEnv, stderr};
use serde_json::{Value, json};

// ---- a spawned sandbox ----------------------------------------------------------------

struct Sandbox {
    env: TestEnv,
    served: Served,
}

impl Sandbox {
    fn start(args: &[&str]) -> Self {
        Self::start_with(args, &[])
    }

    fn start_with(args: &[&str], envs: &[(&str, &str)]) -> Self {
        Self::start_holding(vec![], args, envs)
    }

    /// The seed key, ACTIVE since long ago (keys made by the test are surely younger:
    /// Okta's timestamps have whole seconds), after the keys `more` of `default`.
    fn start_holding(mut more: Vec<Value>, args: &[&str], envs: &[(&str, &str)]) -> Self {
        let env = TestEnv::new();
        let state = env.path("sandbox.json");
        more.push(json!({
            "id": "apkSEEDseedSEEDseed0", "kid": "seed", "kty": "RSA", "use": "enc",
            "e": "AQAB", "n": MODULI[0], "status": "ACTIVE",
            "created": "2026-01-01T00:00:00.000Z", "lastUpdated": "2026-01-01T00:00:00.000Z"
        }));
        let seed = json!({"version": 1, "authorizationServers": {"default": {"keys": more}}});
        std::fs::write(&state, seed.to_string()).unwrap();
        let mut all = vec!["--state", state.to_str().unwrap()];
        all.extend_from_slice(args);
        let mut vars = vec![("OKTAKEYS_SANDBOX_TOKEN", TOKEN)];
        vars.extend_from_slice(envs);
        let served = serve(env.home.path(), &all, &vars);
        Sandbox { env, served }
    }

    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = self.env.cmd_with_org(&self.served.base);
        cmd.args(["--max-retries", "0"]);
        cmd
    }

    fn run(&self, args: &[&str]) -> Run {
        crate::common::run(self.cmd().args(args))
    }

    fn keys(&self) -> Vec<Value> {
        let out = self.run(&["keys", "list", "--auth-server", "default", "-o", "json"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        serde_json::from_str(&out.stdout).unwrap()
    }

    /// A public JWK file with `kid` and shipped modulus `i`.
    fn jwk(&self, kid: &str, i: usize) -> String {
        let path = self.env.path(&format!("{kid}.json"));
        let jwk = json!({"kty": "RSA", "use": "enc", "e": "AQAB", "n": MODULI[i], "kid": kid});
        std::fs::write(&path, jwk.to_string()).unwrap();
        path.display().to_string()
    }
}

/// `(kid, status)` of each key.
fn summary(keys: &[Value]) -> Vec<(String, String)> {
    keys.iter()
        .map(|k| {
            (
                k["kid"].as_str().unwrap_or("").to_string(),
                k["status"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn seed_kid(s: &Sandbox) -> String {
    s.keys()[0]["kid"].as_str().unwrap().to_string()
}

fn rotate<'a>(jwk: &'a str, rest: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["keys", "rotate", "--auth-server", "default", "--jwk", jwk];
    args.extend_from_slice(rest);
    args
}

// ---- real lifetimes: the sandbox's policies and rules ------------------------------------

/// Seconds since the epoch of Okta's `2026-12-01T16:32:01.000Z` (for the test's own check
/// of the arithmetic).
fn epoch_secs(ts: &str) -> i64 {
    let num = |r: std::ops::Range<usize>| ts[r].parse::<i64>().unwrap();
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + (153 * m + 2) / 5 + d - 1;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + num(11..13) * 3600 + num(14..16) * 60 + num(17..19)
}

/// A sandbox seeded as `sandbox serve ARGS` seeds it (policies and rules included), its
/// keys then aged to 2026-01-01 so that the keys the test makes are surely younger.
fn aged_sandbox(args: &[&str]) -> Sandbox {
    let env = TestEnv::new();
    let state = env.path("sandbox.json");
    let mut all = vec!["--state", state.to_str().unwrap()];
    all.extend_from_slice(args);
    let vars = [("OKTAKEYS_SANDBOX_TOKEN", TOKEN)];
    drop(serve(env.home.path(), &all, &vars));
    let mut saved: Value = serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    for key in saved["authorizationServers"]["default"]["keys"]
        .as_array_mut()
        .unwrap()
    {
        key["created"] = json!("2026-01-01T00:00:00.000Z");
        key["lastUpdated"] = json!("2026-01-01T00:00:00.000Z");
    }
    std::fs::write(&state, saved.to_string()).unwrap();
    let served = serve(env.home.path(), &all, &vars);
    Sandbox { env, served }
}
