//! Issue 17.3: a rotation interrupted at each of its steps (after the private key is
//! stored, after the add, during the gate, after the activation, during the retirement) is
//! completed by the command it printed to resume it, run as printed: one new key ACTIVE,
//! the old ones retired as the retention says, nothing generated, stored or added twice.
//! For each key source: `--private-key-command`, `--private-key-out`, `--jwk`. The runs
//! name their profile in a config file away from the default place (`--config`, with a
//! space in its path, and `--profile`), which every resume command carries.

use std::path::Path;
use std::process::{Child, Stdio};

use crate::common::sandbox::{FaultySandbox, MODULI};
use crate::common::*;
use crate::hints::{hint_after, run_hint};
use serde_json::json;

const SERVER: &str = "ausR";
const KEYS: &str = "/api/v1/authorizationServers/ausR/resourceservercredentials/keys";

/// Where the new key comes from.
#[derive(Clone, Copy, Debug)]
enum Source {
    /// `--generate --private-key-command`: appended to `HOME/store.pem`.
    Command,
    /// `--generate --private-key-out 'HOME/my keys/new.pem'`.
    File,
    /// `--jwk HOME/new.json`.
    Jwk,
}

/// Where the first run is stopped.
#[derive(Clone, Copy, Debug)]
enum Stop {
    /// kill -9 while the first list of the keys hangs: the key is stored, nothing sent.
    KilledAfterHandOff,
    /// The add carried out, its answer never comes: SIGTERM (or kill -9).
    AfterAdd { kill: bool },
    /// SIGTERM while the gate waits.
    DuringGate,
    /// The activation carried out, its answer never comes: SIGTERM.
    AfterActivate,
    /// The deletion of the retirable old key hangs: SIGTERM.
    DuringRetirement,
}

struct Org {
    okta: FaultySandbox,
    env: TestEnv,
    config: String,
}

impl Org {
    /// A server with a retirable old key (INACTIVE since 2020) and the ACTIVE one.
    fn start() -> Self {
        let okta = FaultySandbox::start();
        okta.server(SERVER, &[("old", "INACTIVE"), ("cur", "ACTIVE")]);
        let env = TestEnv::new();
        let dir = env.path("my conf");
        std::fs::create_dir_all(&dir).unwrap();
        let config = dir.join("lab.toml");
        std::fs::write(
            &config,
            format!(
                "[profiles.lab]\norg_url = \"{}\"\ntoken_env = \"LAB_TOKEN\"\n",
                okta.base
            ),
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let config = config.display().to_string();
        Org { okta, env, config }
    }

    fn home(&self) -> &Path {
        self.env.home.path()
    }

    fn args(&self, source: Source) -> Vec<String> {
        let home = self.home().display().to_string();
        let mut args: Vec<String> = [
            "--config",
            &self.config,
            "--profile",
            "lab",
            "keys",
            "rotate",
            "--auth-server",
            SERVER,
        ]
        .map(String::from)
        .into();
        match source {
            Source::Command => args.extend([
                "--generate".into(),
                "--bits".into(),
                "2048".into(),
                "--private-key-command".into(),
                r#"cat >> "$HOME/store.pem""#.into(),
            ]),
            Source::File => {
                std::fs::create_dir_all(self.env.path("my keys")).unwrap();
                args.extend([
                    "--generate".into(),
                    "--bits".into(),
                    "2048".into(),
                    "--private-key-out".into(),
                    format!("{home}/my keys/new.pem"),
                ]);
            }
            Source::Jwk => {
                let path = self.env.path("new.json");
                let jwk = json!({"kty": "RSA", "use": "enc", "e": "AQAB", "n": MODULI[5]});
                std::fs::write(&path, jwk.to_string()).unwrap();
                args.extend(["--jwk".into(), path.display().to_string()]);
            }
        }
        args.extend(
            [
                "--activate-when",
                r#"[ -e "$HOME/gate-open" ] || { touch "$HOME/gate-waiting"; sleep 30; }"#,
                "--gate-interval",
                "1s",
                "--delete-old",
                "--token-lifetime",
                "1h",
                "--yes",
            ]
            .map(String::from),
        );
        args
    }

    fn spawn(&self, args: &[String]) -> Child {
        oktakeys(self.home())
            .env("LAB_TOKEN", TOKEN)
            .args(["--max-retries", "0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// The keys added, over every run.
    fn adds(&self) -> usize {
        self.okta
            .log()
            .iter()
            .filter(|l| l.starts_with("POST /as/ausR/keys") && !l.contains("lifecycle"))
            .count()
    }
}

fn signal(child: &Child, name: &str) {
    let status = std::process::Command::new("kill")
        .args([name, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

fn wait_for_file(path: &Path) {
    for _ in 0..1500 {
        if path.exists() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("{} never appeared", path.display());
}

/// Stop the first run at `stop`, then run the command it printed to resume; the end state.
fn interrupt_and_resume(source: Source, stop: Stop) {
    let org = Org::start();
    let args = org.args(source);
    let gate_open = org.home().join("gate-open");
    if !matches!(stop, Stop::DuringGate) {
        std::fs::write(&gate_open, "").unwrap();
    }
    match stop {
        Stop::KilledAfterHandOff => org.okta.hang(&format!("GET {KEYS}"), false),
        Stop::AfterAdd { .. } => org.okta.hang(&format!("POST {KEYS}"), true),
        Stop::DuringGate => {}
        Stop::AfterActivate => org.okta.hang("/lifecycle/activate", true),
        Stop::DuringRetirement => org.okta.hang(&format!("DELETE {KEYS}/apkold"), false),
    }
    let child = org.spawn(&args);
    match stop {
        Stop::DuringGate => wait_for_file(&org.home().join("gate-waiting")),
        _ => org.okta.wait_for_hang(),
    }
    let kill = matches!(
        stop,
        Stop::KilledAfterHandOff | Stop::AfterAdd { kill: true }
    );
    signal(&child, if kill { "-KILL" } else { "-TERM" });
    let first = Run::from_output(child.wait_with_output().unwrap());
    let what = format!("{source:?} stopped {stop:?}");
    let hint = if kill {
        assert_eq!(first.code(), None, "{what}: killed\n{first}");
        // Printed before anything was sent, for a run that dies without a word.
        hint_after(&first.stderr, "this command resumes it")
    } else {
        assert_eq!(first.code(), Some(143), "{what}\n{first}");
        hint_after(&first.stderr, "nothing is done twice): ")
    };
    assert!(
        hint.starts_with(&format!(
            "oktakeys --profile lab --config '{}' keys rotate --auth-server ausR",
            org.config
        )),
        "{what}: {hint}"
    );
    std::fs::write(&gate_open, "").unwrap();

    let resumed = run_hint(org.home(), &hint, &[("LAB_TOKEN", TOKEN)]);
    assert_eq!(
        resumed.code(),
        Some(0),
        "{what}: {hint}\n{first}\n{resumed}"
    );
    // One new key, ACTIVE; the old key deleted (retirable since 2020), the one that was
    // ACTIVE kept INACTIVE (its tokens live an hour).
    let keys = org.okta.keys(SERVER);
    let statuses: Vec<(&str, &str)> = keys
        .iter()
        .map(|(id, _, status)| {
            let name = if id == "apkcur" { "cur" } else { "new" };
            (name, status.as_str())
        })
        .collect();
    assert_eq!(
        statuses,
        [("cur", "INACTIVE"), ("new", "ACTIVE")],
        "{what}: {keys:?}\n{resumed}"
    );
    assert_eq!(org.adds(), 1, "{what}: {:?}", org.okta.log());
    match source {
        Source::Command => {
            let store = std::fs::read_to_string(org.home().join("store.pem")).unwrap();
            assert_eq!(
                store.matches("BEGIN PRIVATE KEY").count(),
                1,
                "{what}: the key was stored once\n{resumed}"
            );
        }
        Source::File => assert!(
            org.home().join("my keys/new.pem").exists(),
            "{what}: the key file"
        ),
        Source::Jwk => {}
    }
}

/// Every point a rotation that makes its own key can be stopped at.
const EVERY_STOP: [Stop; 6] = [
    Stop::KilledAfterHandOff,
    Stop::AfterAdd { kill: true },
    Stop::AfterAdd { kill: false },
    Stop::DuringGate,
    Stop::AfterActivate,
    Stop::DuringRetirement,
];

#[test]
fn a_handed_off_key_is_taken_up_by_the_resume_at_every_step() {
    for stop in EVERY_STOP {
        interrupt_and_resume(Source::Command, stop);
    }
}

#[test]
fn a_private_key_file_rotation_is_resumed_at_every_step() {
    for stop in EVERY_STOP {
        interrupt_and_resume(Source::File, stop);
    }
}

#[test]
fn a_jwk_rotation_is_resumed_at_every_step() {
    for stop in [
        Stop::AfterAdd { kill: false },
        Stop::DuringGate,
        Stop::AfterActivate,
        Stop::DuringRetirement,
    ] {
        interrupt_and_resume(Source::Jwk, stop);
    }
}

/// `--stage` then the command it prints (the same without `--stage`): the staged key is
/// activated, none other generated or stored; once it is ACTIVE, the next rotation makes a
/// new key.
#[test]
fn a_staged_handed_off_key_is_activated_by_the_same_command_and_then_forgotten() {
    let org = Org::start();
    std::fs::write(org.home().join("gate-open"), "").unwrap();
    let args = org.args(Source::Command);
    // The same command with --stage instead of the gate (the two exclude each other).
    let mut staged = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--activate-when" || arg == "--gate-interval" {
            rest.next();
        } else {
            staged.push(arg.clone());
        }
    }
    staged.push("--stage".into());
    let first = Run::from_output(org.spawn(&staged).wait_with_output().unwrap());
    assert_eq!(first.code(), Some(0), "{first}");
    // The command it prints to activate the key later, run as printed.
    let activate = hint_after(&first.stderr, "the same command without --stage:");
    assert!(!activate.contains("--stage"), "{activate}");
    let second = run_hint(org.home(), &activate, &[("LAB_TOKEN", TOKEN)]);
    assert_eq!(second.code(), Some(0), "{activate}\n{second}");
    assert!(
        second
            .stderr
            .contains("Using the key handed to --private-key-command"),
        "{second}"
    );
    let store = || std::fs::read_to_string(org.home().join("store.pem")).unwrap();
    assert_eq!(store().matches("BEGIN PRIVATE KEY").count(), 1, "{second}");
    assert_eq!(org.adds(), 1);
    let active = |org: &Org| {
        org.okta
            .keys(SERVER)
            .into_iter()
            .find(|k| k.2 == "ACTIVE")
            .unwrap()
            .0
    };
    let staged_id = active(&org);
    assert_ne!(staged_id, "apkcur");

    // Done: the next run of the same command rotates to a new key.
    let third = Run::from_output(org.spawn(&args).wait_with_output().unwrap());
    assert_eq!(third.code(), Some(0), "{third}");
    assert!(!third.stderr.contains("Using the key handed"), "{third}");
    assert_eq!(store().matches("BEGIN PRIVATE KEY").count(), 2);
    assert_eq!(org.adds(), 2);
    assert_ne!(active(&org), staged_id);
}

/// A gate that does not open in time (exit 12): the command printed to re-run, run as
/// printed once the gate opens, activates the key that was added, stored once.
#[test]
fn a_closed_gate_is_resumed_by_the_printed_command_without_a_second_key() {
    let org = Org::start();
    let mut args = org.args(Source::Command);
    let gate = args.iter().position(|a| a == "--activate-when").unwrap();
    args[gate + 1] = r#"[ -e "$HOME/gate-open" ]"#.into();
    args.extend(["--gate-timeout".into(), "2s".into()]);
    let first = Run::from_output(org.spawn(&args).wait_with_output().unwrap());
    assert_eq!(first.code(), Some(12), "{first}");
    let hint = hint_after(
        &first.stderr,
        "Re-run to complete the rotation (nothing is done twice):",
    );
    assert!(hint.contains("--profile lab --config"), "{hint}");
    std::fs::write(org.home().join("gate-open"), "").unwrap();
    let resumed = run_hint(org.home(), &hint, &[("LAB_TOKEN", TOKEN)]);
    assert_eq!(resumed.code(), Some(0), "{hint}\n{resumed}");
    let store = std::fs::read_to_string(org.home().join("store.pem")).unwrap();
    assert_eq!(store.matches("BEGIN PRIVATE KEY").count(), 1, "{resumed}");
    assert_eq!(org.adds(), 1);
    let statuses: Vec<String> = org.okta.keys(SERVER).into_iter().map(|k| k.2).collect();
    assert_eq!(statuses, ["INACTIVE", "ACTIVE"], "{resumed}");
}
