//! Item 4, `--jq`: its output streams; it is bounded by `--timeout`, and in memory and
//! depth with a clear error (exit 14), never an abort; a filter failing after a change
//! is not a usage error, and says the change stands.

use super::*;

fn config_list_jq(env: &TestEnv, expr: &str) -> Run {
    run(env.cmd().args(["config", "list", "--jq", expr]))
}

/// Item 4: `--jq 'repeat(1)'` streams its results; a reader that leaves ends it at once.
#[test]
fn item4_jq_output_streams_and_ends_with_its_reader() {
    let env = TestEnv::new();
    let mut child =
        spawned(oktakeys(env.home.path()).args(["config", "list", "--jq", "repeat(1)"]));
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    assert_eq!(&first, b"1\n1\n1\n1\n1\n");
    drop(stdout);
    let out = Run::from_output(child.wait_with_output().unwrap());
    assert_eq!(out.code(), Some(0), "a closed stdout ends quietly: {out}");
}

/// Item 4: a filter that never ends is stopped at `--timeout`: exit 8, naming it.
#[test]
fn item4_a_jq_filter_that_never_ends_is_stopped_at_timeout() {
    let env = TestEnv::new();
    let out = run(env.cmd().args([
        "--timeout",
        "1",
        "config",
        "list",
        "--jq",
        "last(repeat(1))",
    ]));
    assert_eq!(out.code(), Some(8), "{out}");
    assert!(
        out.stderr
            .contains("the command ran out of time (--timeout 1 s) while running the --jq filter"),
        "{out}"
    );
}

/// Item 4: a filter that grows without bound or recurses without end is stopped with a
/// clear error (exit 14), not an abort (134) or a machine out of memory.
#[test]
fn item4_jq_memory_and_depth_are_bounded_with_a_clear_error() {
    let env = TestEnv::new();
    for (expr, why) in [
        (
            "def f: [f]; f",
            "--jq: the filter recursed too deeply (it ran out of stack) and was stopped",
        ),
        (
            "[range(1e9)]",
            "--jq: the filter needed more than 512 MiB of memory and was stopped",
        ),
    ] {
        let out = config_list_jq(&env, expr);
        assert_eq!(out.code(), Some(14), "{expr}: {out}");
        // Plain text: `--jq` filters the output, not the report (JSON only with `-o json`).
        assert!(
            out.stderr.starts_with(&format!("error: {why}")),
            "{expr}: {out}"
        );
        assert!(out.stdout.is_empty(), "{out}");
    }
}

/// Item 4: a filter failing at run time after a change is exit 14, not 2 (usage): the
/// change was made, and the message says it stands.
#[test]
fn item4_a_jq_failure_after_a_change_is_not_a_usage_error() {
    let s = ServedEnv::start(&[]);
    let jwk = s.jwk_file("added.json", "added-with-jq", 1);
    let out = s.run(&[
        "keys",
        "add",
        "--auth-server",
        "default",
        "--jwk",
        &jwk,
        "-o",
        "json",
        "--jq",
        "error(\"boom\")",
    ]);
    assert_eq!(out.code(), Some(14), "{out}");
    let err: serde_json::Value = serde_json::from_str(&out.stderr).unwrap();
    assert_eq!(err["error"]["message"], "--jq: \"boom\"");
    assert!(
        err["error"]["hint"]
            .as_str()
            .unwrap()
            .starts_with("the command itself succeeded, and any change it made stands"),
        "{out}"
    );
    let list = s.run(&["keys", "list", "--auth-server", "default", "-o", "json"]);
    assert!(list.stdout.contains("added-with-jq"), "{list}");
}
