//! The ring in a secret store: `--ring-read-command` prints it, `--ring-write-command`
//! stores its stdin. A shell script stands in for the store (`kubectl`, `vault`): it keeps
//! the ring in `HOME/store/SERVER.json` and logs its argv, which must never hold key
//! material.

use super::*;
use crate::common::stderr;

/// The stand-in secret store: `store.sh get SERVER` prints the ring (nothing when there is
/// none yet), `store.sh put SERVER` stores its stdin. Every call's argv goes to `argv.log`.
pub(super) fn store_script(r: &RingEnv) -> String {
    let dir = r.env.path("store");
    std::fs::create_dir_all(&dir).unwrap();
    let script = r.env.path("store.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nset -e\nd='{dir}'\necho \"$*\" >> \"$d/argv.log\"\n\
             case \"$1\" in\n\
             get) [ -f \"$d/$2.json\" ] && cat \"$d/$2.json\"; exit 0;;\n\
             put) cat > \"$d/$2.tmp\"; mv \"$d/$2.tmp\" \"$d/$2.json\";;\n\
             *) exit 64;;\nesac\n",
            dir = dir.display()
        ),
    )
    .unwrap();
    set_mode(&script, 0o755);
    script.display().to_string()
}

/// `keys ring SUB --auth-server ausRing --ring-read-command … --ring-write-command … ARGS…`.
fn ring_cmd(r: &RingEnv, read: &str, write: &str, sub: &str, args: &[&str]) -> Run {
    let mut all = vec![
        "keys",
        "ring",
        sub,
        "--auth-server",
        "ausRing",
        "--ring-read-command",
        read,
        "--ring-write-command",
        write,
    ];
    all.extend_from_slice(args);
    r.run(&all)
}

fn stored_kids(r: &RingEnv) -> Vec<String> {
    let text = std::fs::read_to_string(r.env.path("store/ausRing.json")).unwrap();
    let jwks: Value = serde_json::from_str(&text).unwrap();
    jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_command_store_holds_the_ring_through_its_pipes_never_its_argv() {
    let r = RingEnv::start();
    r.usual();
    let store = store_script(&r);
    let (read, write) = (
        format!("{store} get {{server}}"),
        format!("{store} put {{server}}"),
    );
    // An empty store is an empty ring.
    let out = ring_cmd(&r, &read, &write, "check", &[]);
    assert_eq!(out.code(), Some(10), "{out}");
    assert!(stderr(&out).contains("is empty"), "{out}");
    let files: Vec<String> = ["a", "b", "c"].iter().map(|n| r.key_file(n)).collect();
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let out = ring_cmd(&r, &read, &write, "import", &args);
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(
        stderr(&out).contains(&format!(
            "Imported kid cur, kid next, kid prev into the ring read by `{store} get ausRing`"
        )),
        "{out}"
    );
    // {server} expanded: the store keeps the ring under the server's id.
    assert_eq!(stored_kids(&r), ["cur", "next", "prev"]);
    r.sandbox.clear_log();
    let out = ring_cmd(&r, &read, &write, "check", &[]);
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(r.sandbox.log(), ["GET /as/ausRing/keys"]);
    // read, read, put, read back, read: the argv never holds a private member.
    let log = std::fs::read_to_string(r.env.path("store/argv.log")).unwrap();
    assert_eq!(
        log.lines().collect::<Vec<_>>(),
        [
            "get ausRing",
            "get ausRing",
            "put ausRing",
            "get ausRing",
            "get ausRing"
        ]
    );
    assert_no_private_member(&format!("{out}{log}"));
    // The same store from the environment, and from the profile.
    let out = crate::common::run(
        r.cmd()
            .env("OKTAKEYS_RING_READ_COMMAND", &read)
            .env("OKTAKEYS_RING_WRITE_COMMAND", &write)
            .args([
                "keys",
                "ring",
                "list",
                "--auth-server",
                "ausRing",
                "-o",
                "id",
            ]),
    );
    assert_eq!(out.stdout, "cur\nnext\nprev\n", "{out}");
    let config = r.env.write_config(&format!(
        "default_profile = \"p\"\n[profiles.p]\norg_url = \"{}\"\ntoken_env = \"MY_TOKEN\"\n\
         ring_read_command = '{read}'\nring_write_command = '{write}'\n",
        r.sandbox.base
    ));
    let out = crate::common::run(r.env.cmd().env("MY_TOKEN", crate::common::TOKEN).args([
        "--config",
        &config.display().to_string(),
        "--max-retries",
        "0",
        "keys",
        "ring",
        "list",
        "--auth-server",
        "ausRing",
        "-o",
        "id",
    ]));
    assert_eq!(out.stdout, "cur\nnext\nprev\n", "{out}");
}

#[test]
fn a_failing_or_lossy_store_command_stops_with_what_went_wrong() {
    let r = RingEnv::start();
    r.usual();
    let store = store_script(&r);
    let read = format!("{store} get ausRing");
    let key = r.key_file("a");
    // A read command that fails: exit 3, naming it.
    let out = ring_cmd(&r, "exit 7", "cat >/dev/null", "check", &[]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(
        stderr(&out).contains("--ring-read-command `exit 7` exited with status 7"),
        "{out}"
    );
    // A write command that does not read the ring: refused, nothing claimed written.
    let out = ring_cmd(&r, &read, "true", "import", &[&key]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(
        stderr(&out).contains("did not read all of the ring on its stdin"),
        "{out}"
    );
    // A write command that reads it but stores nothing: the read-back says so.
    let out = ring_cmd(&r, &read, "cat >/dev/null", "import", &[&key]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(
        stderr(&out).contains("does not hold what was just written to it"),
        "{out}"
    );
    // A read command printing more than 1 MiB is stopped.
    let out = ring_cmd(&r, "yes", "cat >/dev/null", "check", &[]);
    assert_eq!(out.code(), Some(3), "{out}");
    assert!(stderr(&out).contains("printed more than 1 MiB"), "{out}");
    // A read command that hangs is killed with the command's --timeout.
    let started = std::time::Instant::now();
    let out = crate::common::run(r.cmd().args([
        "--timeout",
        "2",
        "keys",
        "ring",
        "check",
        "--auth-server",
        "ausRing",
        "--ring-read-command",
        "sleep 60",
        "--ring-write-command",
        "cat",
    ]));
    assert_ne!(out.code(), Some(0), "{out}");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    assert!(
        stderr(&out).contains("--ring-read-command `sleep 60`"),
        "{out}"
    );
    // A file and a store at once, or half a store: usage errors before any request.
    r.sandbox.clear_log();
    let ring = r.ring_path().display().to_string();
    let out = r.run(&[
        "keys",
        "ring",
        "check",
        "--auth-server",
        "ausRing",
        "--ring",
        &ring,
        "--ring-read-command",
        "cat",
        "--ring-write-command",
        "cat",
    ]);
    assert_eq!(out.code(), Some(2), "{out}");
    assert!(stderr(&out).contains("name two rings"), "{out}");
    let out = r.run(&[
        "keys",
        "ring",
        "check",
        "--auth-server",
        "ausRing",
        "--ring-read-command",
        "cat",
    ]);
    assert_eq!(out.code(), Some(2), "{out}");
    assert!(r.sandbox.log().is_empty(), "{:?}", r.sandbox.log());
}
