//! The live line on stderr for long waits (many servers, a gate; rate-limit waits are in
//! transport_faults), on a real pseudo-terminal (util-linux `script`): what, how many done,
//! the time, rewritten in place and erased; never when piped, with `-q`, or under CI.

use crate::common::sandbox::ServedEnv;
use crate::common::*;

/// A sandbox whose every answer takes 300 ms, holding `default` and four more servers:
/// listing their keys one at a time takes about two seconds.
fn slow_sandbox() -> ServedEnv {
    ServedEnv::start(&[
        "--latency",
        "300",
        "--auth-server",
        "ausA",
        "--auth-server",
        "ausB",
        "--auth-server",
        "ausC",
        "--auth-server",
        "ausD",
    ])
}

/// `oktakeys ARGS` on a pseudo-terminal; the screen (stdout and stderr) is its stdout.
fn on_a_terminal(sandbox: &ServedEnv, args: &str, envs: &[(&str, &str)]) -> Run {
    let bin = assert_cmd::cargo::cargo_bin("oktakeys");
    isolated(std::process::Command::new("script"), sandbox.home.path())
        .env("OKTA_ORG_URL", &sandbox.served.base)
        .env("OKTA_API_TOKEN", TOKEN)
        .env("TERM", "dumb")
        .envs(envs.iter().copied())
        .args(["-qec", &format!("{} {args}", bin.display()), "/dev/null"])
        .run()
}

const LIST: &str = "keys list --all-auth-servers --parallel 1 -o id";

#[test]
fn many_servers_show_one_live_line_counting_them_and_erase_it() {
    let sandbox = slow_sandbox();
    let out = on_a_terminal(&sandbox, LIST, &[]);
    assert_eq!(out.code(), Some(0), "{out}");
    let screen = &out.stdout;
    // Drawn in place (`\r`, never a newline of its own), counting up.
    let frames: Vec<&str> = screen
        .split('\r')
        .filter(|f| f.starts_with("keys list: "))
        .collect();
    assert!(!frames.is_empty(), "no live line: {screen:?}");
    assert!(
        frames
            .iter()
            .all(|f| f.contains("/5 servers done, ") && f.trim_end().ends_with(" s")),
        "{frames:?}"
    );
    assert!(
        !screen.contains("servers done, 1 s\n"),
        "never a line of its own: {screen:?}"
    );
    // Erased before the ids are printed: spaces over it, then back to the start.
    let widest = frames.iter().map(|f| f.trim_end().len()).max().unwrap();
    let erased = format!("\r{}\r", " ".repeat(widest));
    let ids_at = screen.find("ausA apk").expect("the ids are printed");
    assert!(screen[..ids_at].ends_with(&erased), "{screen:?}");
    for server in ["ausA", "ausB", "ausC", "ausD", "default"] {
        assert!(screen.contains(&format!("{server} apk")), "{screen:?}");
    }
}

#[test]
fn no_live_line_when_piped_quiet_or_under_ci() {
    let sandbox = slow_sandbox();
    let piped = sandbox.run(&LIST.split(' ').collect::<Vec<_>>());
    assert_eq!(piped.code(), Some(0), "{piped}");
    assert!(piped.stderr.is_empty(), "piped: {piped}");
    let quiet = on_a_terminal(&sandbox, &format!("-q {LIST}"), &[]);
    assert_eq!(quiet.code(), Some(0), "{quiet}");
    assert!(
        !quiet.stdout.contains("servers done"),
        "-q: {:?}",
        quiet.stdout
    );
    let ci = on_a_terminal(&sandbox, LIST, &[("CI", "true")]);
    assert_eq!(ci.code(), Some(0), "{ci}");
    assert!(!ci.stdout.contains("servers done"), "CI: {:?}", ci.stdout);
}

#[test]
fn a_gate_that_takes_a_while_shows_which_try_and_the_time() {
    let sandbox = ServedEnv::start(&[]);
    let jwk = sandbox.home.path().join("new.json");
    let generated = sandbox.run(&[
        "keys",
        "generate",
        "--bits",
        "2048",
        "--kid",
        "gated",
        "--private-key-out",
        sandbox.home.path().join("new.pem").to_str().unwrap(),
    ]);
    assert_eq!(generated.code(), Some(0), "{generated}");
    std::fs::write(&jwk, &generated.stdout).unwrap();
    // Closed at the first try, open at the second, two seconds later.
    let gate = "test -f opened || { touch opened; false; }";
    let args = format!(
        "keys rotate --auth-server default --jwk {} --activate-when '{gate}' --gate-interval 2s",
        jwk.display()
    );
    let out = on_a_terminal(&sandbox, &args, &[]);
    assert_eq!(out.code(), Some(0), "{out}");
    let screen = &out.stdout;
    assert!(
        screen.contains("\rdefault: waiting for --activate-when (try 1), 1 s"),
        "{screen:?}"
    );
    assert!(screen.contains("the gate opened"), "{screen:?}");
}
