//! Test harness: run the built binary with a cleared environment and a temporary HOME
//! and config, so nothing on the developer's machine leaks in; and fixtures.
#![allow(dead_code)] // each test file uses a different part of the harness

use std::path::PathBuf;
use std::process::Output;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

/// The API token every test uses. No test output may ever contain it.
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
        self.isolate(assert_cmd::Command::cargo_bin("oktakeys").expect("binary built"))
    }

    /// Another program (such as `script` for a terminal), equally isolated.
    pub fn program(&self, name: &str) -> assert_cmd::Command {
        self.isolate(assert_cmd::Command::new(name))
    }

    fn isolate(&self, mut cmd: assert_cmd::Command) -> assert_cmd::Command {
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path().join(".config"))
            .env("XDG_DATA_HOME", self.home.path().join(".local/share"))
            .env("XDG_CACHE_HOME", self.home.path().join(".cache"))
            .current_dir(self.home.path());
        cmd
    }

    /// The binary pointed at `org_url` with the test token in the environment.
    pub fn cmd_with_org(&self, org_url: &str) -> assert_cmd::Command {
        let mut cmd = self.cmd();
        cmd.env("OKTA_ORG_URL", org_url)
            .env("OKTA_API_TOKEN", TOKEN);
        cmd
    }
}

/// Run, and check that the token appears in neither stream, whatever happened.
pub fn run(cmd: &mut assert_cmd::Command) -> Output {
    let output = cmd.output().expect("binary runs");
    for (name, stream) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        let text = String::from_utf8_lossy(stream);
        assert!(!text.contains(TOKEN), "the token leaked on {name}:\n{text}");
    }
    output
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
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
