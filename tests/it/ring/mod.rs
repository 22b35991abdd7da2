//! Issue 18, through the binary: the resource server's key ring. `keys ring check|list|
//! prune|import` against the in-process sandbox (its request log shows what was sent), the
//! file store (atomic, 0600, encrypted at rest on request).
//!
//! `mod.rs` holds the harness: fixture keys with known private halves, and a sandbox server
//! holding their public halves with chosen roles.

mod audit;
mod commands;
mod export;
mod rotate;
mod store_command;

use std::path::PathBuf;

use crate::common::sandbox::FaultySandbox;
use crate::common::{Run, TOKEN, TestEnv};
use keymaterial::keys::DecryptionKey;
use keymaterial::secret::Secret;
use serde_json::{Value, json};

/// The fixture keys (`tests/fixtures/ring/`), by name.
pub(crate) const KEYS: [&str; 4] = ["a", "b", "c", "d"];

pub(crate) fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/ring/{name}.pem",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The public half of fixture `name`: (n, e).
pub(crate) fn public_half(name: &str) -> (String, String) {
    let key = DecryptionKey::parse(&Secret::new(fixture(name)), name).unwrap();
    let jwk = key.public_jwk();
    (
        jwk["n"].as_str().unwrap().to_string(),
        jwk["e"].as_str().unwrap().to_string(),
    )
}

/// Okta's key object for fixture `name` as kid `kid`.
pub(crate) fn okta_key(name: &str, kid: &str, status: &str, created: &str, updated: &str) -> Value {
    let (n, e) = public_half(name);
    json!({
        "id": format!("apk{kid}"), "kid": kid, "kty": "RSA", "use": "enc", "e": e, "n": n,
        "status": status, "created": created, "lastUpdated": updated,
    })
}

/// Okta's timestamp `secs` seconds from now (negative: in the past).
pub(crate) fn at(secs: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let t = now + secs;
    let (days, rest) = (t.div_euclid(86_400), t.rem_euclid(86_400));
    // Days since the epoch to a civil date (Howard Hinnant's algorithm).
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
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.000Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// A sandbox with server `ausRing` and a home for ring files and key files.
pub(crate) struct RingEnv {
    pub(crate) sandbox: FaultySandbox,
    pub(crate) env: TestEnv,
}

impl RingEnv {
    pub(crate) fn start() -> Self {
        RingEnv {
            sandbox: FaultySandbox::start(),
            env: TestEnv::new(),
        }
    }

    /// The usual server: `cur` (fixture a, ACTIVE since an hour ago), `next` (b, staged
    /// since), `prev` (c, deactivated an hour ago: retirable after 1h, alive within 24h),
    /// `old` (d, deactivated ten days ago).
    pub(crate) fn usual(&self) {
        self.sandbox.server_keys(
            "ausRing",
            vec![
                okta_key("d", "old", "INACTIVE", &at(-30 * 86_400), &at(-10 * 86_400)),
                okta_key("c", "prev", "INACTIVE", &at(-20 * 86_400), &at(-3600)),
                okta_key("a", "cur", "ACTIVE", &at(-10 * 86_400), &at(-3600)),
                okta_key("b", "next", "INACTIVE", &at(-60), &at(-60)),
            ],
        );
    }

    /// Fixture `name` copied into HOME with mode 0600; its path.
    pub(crate) fn key_file(&self, name: &str) -> String {
        let path = self.env.path(&format!("{name}.pem"));
        std::fs::write(&path, fixture(name)).unwrap();
        set_mode(&path, 0o600);
        path.display().to_string()
    }

    pub(crate) fn ring_path(&self) -> PathBuf {
        self.env.path("ring.json")
    }

    pub(crate) fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = self.env.cmd_with_org(&self.sandbox.base);
        cmd.args(["--max-retries", "0"]);
        cmd
    }

    pub(crate) fn run(&self, args: &[&str]) -> Run {
        crate::common::run(self.cmd().args(args))
    }

    /// `keys ring SUB --auth-server ausRing --ring HOME/ring.json ARGS…`.
    pub(crate) fn ring(&self, sub: &str, args: &[&str]) -> Run {
        let ring = self.ring_path().display().to_string();
        let mut all = vec![
            "keys",
            "ring",
            sub,
            "--auth-server",
            "ausRing",
            "--ring",
            &ring,
        ];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// The kids in the ring file (read as a plain JWKS).
    pub(crate) fn ring_kids(&self) -> Vec<String> {
        let jwks: Value =
            serde_json::from_str(&std::fs::read_to_string(self.ring_path()).unwrap()).unwrap();
        jwks["keys"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["kid"].as_str().unwrap().to_string())
            .collect()
    }
}

pub(crate) fn set_mode(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

pub(crate) fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// No test output may hold a private member of a fixture key.
pub(crate) fn assert_no_private_member(text: &str) {
    for name in KEYS {
        let key = DecryptionKey::parse(&Secret::new(fixture(name)), name).unwrap();
        let jwk: Value =
            serde_json::from_str(key.to_private_jwk("x", None).unwrap().expose()).unwrap();
        for member in ["d", "p", "q", "dp", "dq", "qi"] {
            let value = jwk[member].as_str().unwrap();
            assert!(
                !text.contains(value),
                "private member {member} of {name} printed"
            );
        }
    }
    assert!(!text.contains(TOKEN));
}
