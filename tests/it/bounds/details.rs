//! Item 6, the smaller items: Ctrl-C and SIGTERM during key generation, private key
//! files whole or absent (and a hint for the remains of an older run), the sandbox's
//! state file size cap. (The token messages and escaping are in `encryption::tokens`.)

use super::*;

/// Item 6: SIGTERM (143) and Ctrl-C (130) while the key is being generated end the
/// command with a message naming it; no key file is left.
#[test]
fn item6_a_signal_during_key_generation_exits_143_or_130_with_a_message() {
    for (signal, code, name) in [
        ("-TERM", 143, "interrupted (SIGTERM)"),
        ("-INT", 130, "interrupted"),
    ] {
        // A 4096-bit key takes long enough to be interrupted; try again if it was not.
        let mut ended = None;
        for _ in 0..3 {
            let env = TestEnv::new();
            let child = spawned(oktakeys(env.home.path()).args([
                "keys",
                "generate",
                "--kid",
                "k",
                "--bits",
                "4096",
                "--private-key-out",
                "k.pem",
            ]));
            // The key is made on a thread of the blocking pool, the process's second.
            let tasks = format!("/proc/{}/task", child.id());
            for _ in 0..500 {
                if std::fs::read_dir(&tasks).map_or(0, |d| d.count()) >= 2 {
                    break;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            let pid = child.id().to_string();
            Command::new("kill").args([signal, &pid]).status().unwrap();
            let out = Run::from_output(child.wait_with_output().unwrap());
            if out.code() == Some(0) {
                continue;
            }
            assert!(!env.path("k.pem").exists(), "a key file was left");
            ended = Some(out);
            break;
        }
        let out = ended.expect("the key generation was never interrupted");
        assert_eq!(out.code(), Some(code), "{out}");
        assert!(
            out.stderr.ends_with(&format!(
                "error: {name} while generating the 4096-bit RSA key\n"
            )),
            "{out}"
        );
    }
}

/// Item 6: a key file is written whole (through a temporary file beside it, renamed),
/// mode 0600, no temporary left; an empty or cut-short file an older run left behind is
/// met with a hint, by `keys generate` and by `keys rotate --generate`.
#[test]
fn item6_key_files_are_whole_and_remains_of_a_dead_run_get_a_hint() {
    let env = TestEnv::new();
    let out = run(env.cmd().args([
        "keys",
        "generate",
        "--kid",
        "k",
        "--bits",
        "2048",
        "--private-key-out",
        "k.pem",
    ]));
    assert_eq!(out.code(), Some(0), "{out}");
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(env.path("k.pem")).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    let names: Vec<String> = std::fs::read_dir(env.home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("k.pem"))
        .collect();
    assert_eq!(names, ["k.pem"], "a temporary file was left");

    for remains in ["", "-----BEGIN PRIVATE KEY-----\nMIIEv"] {
        let path = env.path("dead.pem");
        std::fs::write(&path, remains).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let out = run(env.cmd().args([
            "keys",
            "generate",
            "--kid",
            "k",
            "--private-key-out",
            "dead.pem",
        ]));
        assert_eq!(out.code(), Some(3), "{out}");
        let err = stderr(&out);
        assert!(
            err.contains(
                "holds no complete key (empty or cut short: a run may have died while writing it)"
            ),
            "{err}"
        );
        assert!(
            err.contains("hint: if no public key was used from that run, remove the file"),
            "{err}"
        );

        let server = httpmock::MockServer::start();
        let any = server.mock(|when, then| {
            when.any_request();
            then.status(500);
        });
        let out = run(env.cmd_with_org(&server.base_url()).args([
            "keys",
            "rotate",
            "--auth-server",
            SERVER,
            "--generate",
            "--private-key-out",
            "dead.pem",
        ]));
        assert_eq!(out.code(), Some(3), "{out}");
        let err = stderr(&out);
        assert!(
            err.contains("holds no complete private key (empty or cut short"),
            "{err}"
        );
        assert!(err.contains("hint: if no key was added from it"), "{err}");
        any.assert_calls(0);
    }
}

/// Item 6: a sandbox state file over 16 MiB is refused before it is read (exit 3).
#[test]
fn item6_an_oversized_sandbox_state_file_is_exit_3() {
    let env = TestEnv::new();
    let state = env.path("state.json");
    let mut big = vec![b' '; 17 << 20];
    big[0] = b'{';
    *big.last_mut().unwrap() = b'}';
    std::fs::write(&state, big).unwrap();
    let out = run(env.cmd().env("OKTAKEYS_SANDBOX_STATE", &state).args([
        "--profile",
        "sandbox",
        "keys",
        "list",
        "--auth-server",
        "default",
    ]));
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(
        stderr(&out).contains(&format!(
            "the sandbox state file {} is larger than 16 MiB",
            state.display()
        )),
        "{out}"
    );
}
