//! Issue 19, through the binary: the policy file (`file`: errors with file, line and key;
//! the JSON Schema and the README's example), `plan` (`plan`: per server what apply would
//! do and why, drift, exit codes, request counts) and `apply` (`apply`). Against the
//! in-process sandbox with its fault hook and request log.

mod apply;
mod file;
mod plan;
mod ring;

use serde_json::Value;

use crate::common::sandbox::FaultySandbox;
use crate::common::{Run, TestEnv};

/// An org on the sandbox: `default` and `servers`, each seeded with one ACTIVE key made
/// now, `encrypted` ones with RSA-OAEP-256 on; tokens live 5 minutes.
struct Org {
    env: TestEnv,
    okta: FaultySandbox,
}

impl Org {
    fn start(servers: &[&str], encrypted: &[&str]) -> Self {
        let okta = FaultySandbox::start_with(|o| {
            o.auth_servers = servers.iter().map(|s| s.to_string()).collect();
            o.encryption_enabled = encrypted.iter().map(|s| s.to_string()).collect();
            o.token_lifetime_minutes = Some(5);
        });
        // The seed is written on the first request.
        let org = Org {
            env: TestEnv::new(),
            okta,
        };
        let out = org.run(&["servers", "list", "-o", "id"]);
        assert_eq!(out.status.code(), Some(0), "{out}");
        org.okta.clear_log();
        org
    }

    /// Make every key of `server` as old as 2020 (created and last updated then).
    fn age(&self, server: &str) {
        self.okta.edit(|state| {
            for key in state["authorizationServers"][server]["keys"]
                .as_array_mut()
                .unwrap()
            {
                key["created"] = "2020-01-01T00:00:00.000Z".into();
                key["lastUpdated"] = "2020-01-01T00:00:00.000Z".into();
            }
        });
    }

    fn policy(&self, text: &str) {
        std::fs::write(self.env.path("oktakeys.toml"), text).unwrap();
    }

    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = self.env.cmd_with_org(&self.okta.base);
        cmd.args(["--max-retries", "0"]);
        cmd
    }

    fn run(&self, args: &[&str]) -> Run {
        crate::common::run(self.cmd().args(args))
    }

    /// Start `apply --yes` (with `envs`), let it run until the request `step` hangs (before
    /// Okta carries it out, or after, its answer lost), then kill it with SIGKILL.
    fn apply_killed_at(&self, step: &str, after: bool, envs: &[(&str, &str)]) {
        self.okta.hang(step, after);
        let mut child = crate::common::oktakeys(self.env.home.path())
            .env("OKTA_ORG_URL", &self.okta.base)
            .env("OKTA_API_TOKEN", crate::common::TOKEN)
            .envs(envs.iter().copied())
            .args(["--max-retries", "0", "apply", "--yes"])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        self.okta.wait_for_hang();
        child.kill().unwrap(); // SIGKILL: no chance to print or clean up anything
        child.wait().unwrap();
    }

    /// `plan -o json` (exit 0 asserted unless `code` says otherwise).
    fn plan_json(&self, code: i32) -> Value {
        let out = self.run(&["plan", "-o", "json"]);
        assert_eq!(out.status.code(), Some(code), "{out}");
        out.json()
    }

    /// The `(action)` of each change of each server of a JSON plan.
    fn actions(plan: &Value) -> Vec<Vec<String>> {
        plan["servers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                s["changes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c["action"].as_str().unwrap().to_string())
                    .collect()
            })
            .collect()
    }
}
