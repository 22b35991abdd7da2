//! The same things said the same way everywhere: the ROLE column in every key table
//! (add, activate, deactivate, get, several servers; `keys match` in
//! `encryption::tokens`); errors in plain text unless `-o json` asked for JSON (also with
//! `--jq`); `-V` and `--version` name the build.

use crate::common::sandbox::*;

/// A table's rows as header → cell (cells never hold two spaces in a row).
fn rows(table: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let split = |line: &str| -> Vec<String> {
        line.split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect()
    };
    let mut lines = table.lines();
    let header = split(lines.next().expect("a header"));
    lines
        .map(|l| header.iter().cloned().zip(split(l)).collect())
        .collect()
}

/// The ROLE of the one row of a one-key table (after checking the id).
fn role_of(out: &Run, id: &str) -> String {
    assert_eq!(out.status.code(), Some(0), "{}", out.stderr);
    let rows = rows(&out.stdout);
    assert_eq!(rows.len(), 1, "{}", out.stdout);
    assert_eq!(rows[0]["ID"], id, "{}", out.stdout);
    rows[0]
        .get("ROLE")
        .unwrap_or_else(|| panic!("no ROLE column:\n{}", out.stdout))
        .clone()
}

#[test]
fn every_key_table_has_the_role_column() {
    let e = ServedEnv::start(&[]);
    let listed = e.run(&["keys", "list", "--auth-server", "default", "-o", "id"]);
    let old = listed.stdout.trim().to_string();
    let jwk = e.jwk_file("new.json", "2026-11-enc", 4);
    // Okta's times have whole seconds: a key created in the second the seeded key was
    // activated may be one it replaced (`rotate::roles`), so the add waits a second.
    std::thread::sleep(std::time::Duration::from_millis(1100));

    let added = e.run(&["keys", "add", "--auth-server", "default", "--jwk", &jwk]);
    let new = rows(&added.stdout)[0]["ID"].clone();
    assert_eq!(role_of(&added, &new), "next");

    let got = e.run(&["keys", "get", "--auth-server", "default", &new]);
    assert_eq!(role_of(&got, &new), "next");

    let activated = e.run(&["keys", "activate", "--auth-server", "default", &new]);
    assert_eq!(role_of(&activated, &new), "current");

    let got = e.run(&["keys", "get", "--auth-server", "default", &old]);
    assert_eq!(role_of(&got, &old), "previous");

    let deactivated = e.run(&["keys", "deactivate", "--auth-server", "default", &old]);
    assert_eq!(role_of(&deactivated, &old), "previous");

    // Several servers: the same ROLE column beside AUTH SERVER.
    let several = e.run(&["keys", "list", "--all-auth-servers"]);
    assert_eq!(several.status.code(), Some(0), "{}", several.stderr);
    let roles: Vec<(String, String)> = rows(&several.stdout)
        .into_iter()
        .filter(|r| r["AUTH SERVER"] == "default")
        .map(|r| (r["ID"].clone(), r["ROLE"].clone()))
        .collect();
    // In Okta's order: the older key first.
    assert_eq!(
        roles,
        [
            (old.clone(), "previous".into()),
            (new.clone(), "current".into())
        ]
    );
}

/// A bad `--jq` is reported like any usage error, in plain text; as JSON only with `-o json`.
#[test]
fn a_jq_usage_error_is_plain_text_unless_json_was_asked_for() {
    let e = ServedEnv::start(&[]);
    let out = e.run(&["keys", "list", "--auth-server", "default", "--jq", ".["]);
    assert_eq!(out.status.code(), Some(2), "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("error: invalid --jq expression `.[`"),
        "{}",
        out.stderr
    );
    assert!(serde_json::from_str::<serde_json::Value>(&out.stderr).is_err());

    let out = e.run(&[
        "keys",
        "list",
        "--auth-server",
        "default",
        "-o",
        "json",
        "--jq",
        ".[",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", out.stderr);
    let report: serde_json::Value = serde_json::from_str(&out.stderr).expect("a JSON error");
    assert_eq!(report["error"]["exit_code"], 2);
}

/// `-V` is one line with the commit and build date; `--version` adds the target, a fact a
/// line, as a bug report wants them.
#[test]
fn the_version_names_commit_build_date_and_target() {
    let e = ServedEnv::start(&[]);
    let short = e.run(&["-V"]);
    assert_eq!(short.status.code(), Some(0), "{}", short.stderr);
    let line = short.stdout.trim_end();
    let (name, rest) = line.split_once(' ').expect("name and version");
    assert_eq!(name, "oktakeys");
    let (version, build) = rest.split_once(' ').expect("version and build");
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    let build = build.trim_start_matches('(').trim_end_matches(')');
    let (commit, date) = build.split_once(' ').expect("commit and date");
    assert!(
        commit == "unknown" || commit.chars().all(|c| c.is_ascii_hexdigit()),
        "{commit}"
    );
    let shape: String = date
        .chars()
        .map(|c| if c.is_ascii_digit() { '9' } else { c })
        .collect();
    assert_eq!(shape, "9999-99-99", "a YYYY-MM-DD date: {date}");

    let long = e.run(&["--version"]);
    assert_eq!(long.status.code(), Some(0), "{}", long.stderr);
    let lines: Vec<&str> = long.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", long.stdout);
    assert_eq!(lines[0], format!("oktakeys {version}"));
    assert_eq!(lines[1], format!("commit: {commit}"));
    assert_eq!(lines[2], format!("built: {date}"));
    let target = lines[3].strip_prefix("target: ").expect("a target line");
    assert!(target.split('-').count() >= 3, "a target triple: {target}");
}
