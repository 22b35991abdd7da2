//! Test harness: run the built binary with a cleared environment and a temporary HOME
//! and config, so nothing on the developer's machine leaks in; check every run for the
//! test token; and fixtures. `sandbox` holds the sandbox helpers (in-process, with the
//! fault hook, and spawned `sandbox serve`), `raw_server` the faults httpmock cannot make.
#![allow(dead_code)] // each test module uses a different part of the harness

pub mod raw_server;
pub mod sandbox;

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::ExitStatus;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

/// The API token every test uses (for Okta, the sandbox, httpmock). No test output may
/// ever contain it.
pub const TOKEN: &str = "00TESTtokenDoNotLeak-4f8a2c";

pub struct TestEnv {
    pub home: tempfile::TempDir,
}

impl TestEnv {
    pub fn new() -> Self {
        TestEnv {
            home: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn config_path(&self) -> PathBuf {
        self.home.path().join(".config/oktakeys/config.toml")
    }

    /// Write the default config file with mode 0600.
    pub fn write_config(&self, text: &str) -> PathBuf {
        let path = self.config_path();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        path
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.home.path().join(name)
    }

    /// The binary with nothing from the outside environment but PATH.
    pub fn cmd(&self) -> assert_cmd::Command {
        assert_cmd::Command::from_std(oktakeys(self.home.path()))
    }

    /// Another program (such as `script` for a terminal), equally isolated.
    pub fn program(&self, name: &str) -> assert_cmd::Command {
        assert_cmd::Command::from_std(isolated(std::process::Command::new(name), self.home.path()))
    }

    /// The binary pointed at `org_url` with the test token in the environment.
    pub fn cmd_with_org(&self, org_url: &str) -> assert_cmd::Command {
        let mut cmd = self.cmd();
        cmd.env("OKTA_ORG_URL", org_url)
            .env("OKTA_API_TOKEN", TOKEN);
        cmd
    }

    /// Run the binary with `args` (stdin empty), checked for the token.
    pub fn run(&self, args: &[&str]) -> Run {
        run(self.cmd().args(args))
    }
}

/// The binary, isolated in `home`: nothing from the outside environment but PATH.
pub fn oktakeys(home: &Path) -> std::process::Command {
    isolated(
        std::process::Command::new(env!("CARGO_BIN_EXE_oktakeys")),
        home,
    )
}

pub fn isolated(mut cmd: std::process::Command, home: &Path) -> std::process::Command {
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .current_dir(home);
    cmd
}

/// What a run printed, and how it ended. Its `Display` is ready for an inline snapshot:
/// `[exit status: N]`, then each stream that is not empty.
#[derive(Debug)]
pub struct Run {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The exit code (`None` when a signal ended it).
    pub fn code(&self) -> Option<i32> {
        self.status.code()
    }

    /// Stdout as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{self}"))
    }

    /// The output of a child the test spawned itself, checked for the token.
    pub fn from_output(output: std::process::Output) -> Self {
        let run = Run {
            status: output.status,
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        for (name, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            assert!(!text.contains(TOKEN), "the token leaked on {name}:\n{text}");
        }
        run
    }
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.status.code() {
            Some(code) => writeln!(f, "[exit status: {code}]")?,
            None => writeln!(f, "[exit status: killed by a signal]")?,
        }
        for (name, text) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            if !text.is_empty() {
                writeln!(f, "----- {name} -----")?;
                f.write_str(text)?;
                if !text.ends_with('\n') {
                    writeln!(f)?;
                }
            }
        }
        Ok(())
    }
}

/// Run (stdin empty unless the command was given one), checked for the token.
pub trait RunExt {
    fn run(&mut self) -> Run;
}

impl RunExt for assert_cmd::Command {
    fn run(&mut self) -> Run {
        Run::from_output(self.output().expect("the binary runs"))
    }
}

// `output()` gives the child an empty stdin unless told otherwise.
impl RunExt for std::process::Command {
    fn run(&mut self) -> Run {
        Run::from_output(self.output().expect("the binary runs"))
    }
}

/// Run, and check that the token appears in neither stream, whatever happened.
pub fn run(cmd: &mut assert_cmd::Command) -> Run {
    cmd.run()
}

pub fn stdout(o: &Run) -> String {
    o.stdout.clone()
}

pub fn stderr(o: &Run) -> String {
    o.stderr.clone()
}

/// A base64url modulus of exactly `bits` bits (top bit set), deterministic per `seed`.
/// Not a real RSA modulus, but everything oktakeys checks holds for it.
pub fn modulus(bits: usize, seed: u8) -> String {
    let len = bits.div_ceil(8);
    let mut bytes: Vec<u8> = (0..len)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
        .collect();
    let top_bits = bits - (len - 1) * 8;
    bytes[0] = (1u8 << (top_bits - 1)) | (bytes[0] & ((1u16 << (top_bits - 1)) - 1) as u8);
    URL_SAFE_NO_PAD.encode(bytes)
}

pub const SERVER: &str = "aus1a2b3c4d5e6f7g8h9";

/// A key as Okta returns it, with an extra field Okta's schema does not list.
pub fn okta_key(base: &str, id: &str, kid: &str, status: &str, seed: u8) -> Value {
    let href =
        format!("{base}/api/v1/authorizationServers/{SERVER}/resourceservercredentials/keys/{id}");
    let links = if status == "ACTIVE" {
        json!({
            "self": {"href": href, "hints": {"allow": ["GET"]}},
            "deactivate": {"href": format!("{href}/lifecycle/deactivate"), "hints": {"allow": ["POST"]}}
        })
    } else {
        json!({
            "self": {"href": href, "hints": {"allow": ["GET"]}},
            "activate": {"href": format!("{href}/lifecycle/activate"), "hints": {"allow": ["POST"]}},
            "delete": {"href": href, "hints": {"allow": ["DELETE"]}}
        })
    };
    json!({
        "id": id,
        "kid": kid,
        "kty": "RSA",
        "alg": "RS256",
        "use": "enc",
        "e": "AQAB",
        "n": modulus(2048, seed),
        "status": status,
        "created": "2023-02-21T20:08:24.000Z",
        "lastUpdated": "2023-04-06T21:32:33.000Z",
        "_links": links
    })
}

pub fn keys_path(rest: &str) -> String {
    format!("/api/v1/authorizationServers/{SERVER}/resourceservercredentials/keys{rest}")
}

pub fn okta_error(code: &str, summary: &str, causes: &[&str]) -> Value {
    json!({
        "errorCode": code,
        "errorSummary": summary,
        "errorLink": code,
        "errorId": "oaeTESTerrorId123",
        "errorCauses": causes.iter().map(|c| json!({"errorSummary": c})).collect::<Vec<_>>()
    })
}
