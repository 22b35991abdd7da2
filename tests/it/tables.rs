//! Tables at the terminal's width: on a terminal of 60, 80 and 120 columns the key and
//! server tables shorten or leave out columns (and say which), never wrap or cut an id, a
//! kid or a URL; piped output is the full table whatever `COLUMNS` says.

use crate::common::*;
use httpmock::prelude::*;
use serde_json::{Value, json};

const KID_LONG: &str = "aBdL2a0Gb5AtzZJysGRymEnIWPzH_4xfe8GIvYgYKJI";

/// Three keys: the current one (a thumbprint-style kid), the next (never activated,
/// created after the activation) and the previous (activated once).
fn three_keys(base: &str) -> Value {
    let mut current = okta_key(base, "apk2f4zrZbs8nUa7p0g4", KID_LONG, "ACTIVE", 1);
    current["lastUpdated"] = "2026-03-01T09:00:00.000Z".into();
    let mut next = okta_key(base, "apk9nEXTkey000000001", "2026-06-enc", "INACTIVE", 2);
    next["created"] = "2026-05-30T12:00:00.000Z".into();
    next["lastUpdated"] = "2026-05-30T12:00:00.000Z".into();
    let previous = okta_key(base, "apk33a45xfjbDfg6D0g5", "2025-11-enc", "INACTIVE", 3);
    json!([current, next, previous])
}

fn servers() -> Value {
    json!([
        {"id": "aus1a2b3c4d5e6f7g8h9", "name": "Payments resource server (production)",
         "status": "ACTIVE", "accessTokenEncryptedResponseAlgorithm": "RSA-OAEP-256",
         "issuer": "https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9"},
        {"id": "default", "name": "default", "status": "ACTIVE",
         "issuer": "https://acme.okta.com/oauth2/default"},
    ])
}

fn okta() -> MockServer {
    let okta = MockServer::start();
    let base = okta.base_url();
    okta.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(three_keys(&base));
    });
    okta.mock(|when, then| {
        when.method(GET).path("/api/v1/authorizationServers");
        then.status(200).json_body(servers());
    });
    okta
}

/// `oktakeys ARGS` with stdout (and stderr) on a terminal, through `script`; `setup` is
/// shell run first (`stty cols N`), `columns` the `COLUMNS` variable when given. Both
/// streams arrive as one, with `\n` line ends.
fn on_a_terminal(okta: &MockServer, setup: &str, columns: Option<&str>, args: &str) -> Run {
    let env = TestEnv::new();
    let bin = assert_cmd::cargo::cargo_bin("oktakeys");
    let mut cmd = env.program("script");
    cmd.env("OKTA_ORG_URL", okta.base_url())
        .env("OKTA_API_TOKEN", TOKEN)
        .env("TERM", "dumb")
        .args([
            "-qec",
            &format!("{setup} {} {args}", bin.display()),
            "/dev/null",
        ]);
    if let Some(columns) = columns {
        cmd.env("COLUMNS", columns);
    }
    let mut out = run(&mut cmd);
    out.stdout = out.stdout.replace("\r\n", "\n");
    out
}

/// Every line of the table is at most `columns` wide, unless its ids alone are wider; and
/// each of `whole` appears unbroken.
fn check_fits(screen: &str, columns: usize, whole: &[&str]) {
    for text in whole {
        assert!(screen.contains(text), "{text} is cut or wrapped:\n{screen}");
    }
    for line in screen.lines().filter(|l| !l.starts_with("Fitted to")) {
        let width = line.chars().count();
        assert!(width <= columns, "{width} > {columns}: {line:?}\n{screen}");
    }
}

const KEY_IDS: [&str; 6] = [
    "apk2f4zrZbs8nUa7p0g4",
    "apk9nEXTkey000000001",
    "apk33a45xfjbDfg6D0g5",
    KID_LONG,
    "2026-06-enc",
    "2025-11-enc",
];

#[test]
fn keys_list_fits_60_80_and_120_columns_without_cutting_an_id() {
    let okta = okta();
    let list = format!("keys list --auth-server {SERVER}");
    for columns in ["60", "80", "120"] {
        let out = on_a_terminal(&okta, "", Some(columns), &list);
        assert_eq!(out.code(), Some(0), "{out}");
        insta::assert_snapshot!(format!("keys_list_at_{columns}"), out.stdout);
        // At 60 the id, kid and role alone are 75 wide: the narrowest table, ids whole.
        let fits = columns.parse::<usize>().unwrap().max(75);
        check_fits(&out.stdout, fits, &KEY_IDS);
    }
}

#[test]
fn servers_list_fits_60_80_and_120_columns_without_cutting_an_issuer() {
    let okta = okta();
    for columns in ["60", "80", "120"] {
        let out = on_a_terminal(&okta, "", Some(columns), "servers list");
        assert_eq!(out.code(), Some(0), "{out}");
        insta::assert_snapshot!(format!("servers_list_at_{columns}"), out.stdout);
        check_fits(
            &out.stdout,
            columns.parse().unwrap(),
            &["aus1a2b3c4d5e6f7g8h9", "default"],
        );
    }
    // Wide enough for the issuer: it is there, whole.
    let out = on_a_terminal(&okta, "", Some("120"), "servers list");
    assert!(
        out.stdout
            .contains("https://acme.okta.com/oauth2/aus1a2b3c4d5e6f7g8h9")
    );
}

#[test]
fn keys_of_several_servers_at_80_columns_keep_every_id_whole() {
    let okta = okta();
    okta.mock(|when, then| {
        when.method(GET)
            .path("/api/v1/authorizationServers/default/resourceservercredentials/keys");
        then.status(200).json_body(json!([]));
    });
    let out = on_a_terminal(
        &okta,
        "",
        Some("80"),
        &format!("keys list --auth-server {SERVER} --auth-server default"),
    );
    assert_eq!(out.code(), Some(0), "{out}");
    insta::assert_snapshot!("keys_of_several_servers_at_80", out.stdout);
    // Server id, key id, kid and role alone are 97 wide: the narrowest it can be.
    check_fits(&out.stdout, 97, &KEY_IDS);
}

#[test]
fn the_terminal_width_is_used_without_columns() {
    let okta = okta();
    let list = format!("keys list --auth-server {SERVER}");
    let out = on_a_terminal(&okta, "stty cols 80 rows 24;", None, &list);
    assert_eq!(out.code(), Some(0), "{out}");
    assert_eq!(
        out.stdout,
        on_a_terminal(&okta, "", Some("80"), &list).stdout
    );
    assert!(out.stdout.contains("Fitted to 80 columns"), "{out}");
}

#[test]
fn piped_output_is_the_full_table_whatever_columns_says() {
    let okta = okta();
    let env = TestEnv::new();
    let list = |columns: Option<&str>| {
        let mut cmd = env.cmd_with_org(&okta.base_url());
        cmd.args(["keys", "list", "--auth-server", SERVER]);
        if let Some(c) = columns {
            cmd.env("COLUMNS", c);
        }
        run(&mut cmd)
    };
    let narrow = list(Some("60"));
    assert_eq!(narrow.code(), Some(0), "{narrow}");
    assert_eq!(narrow.stderr, "", "no note when piped");
    assert_eq!(narrow.stdout, list(None).stdout);
    let header = narrow.stdout.lines().next().unwrap();
    assert_eq!(
        header
            .split("  ")
            .filter(|c| !c.is_empty())
            .map(str::trim)
            .collect::<Vec<_>>(),
        [
            "ID",
            "KID",
            "STATUS",
            "ROLE",
            "KTY",
            "USE",
            "THUMBPRINT",
            "CREATED",
            "LAST UPDATED"
        ]
    );
    assert!(narrow.stdout.contains("2026-03-01 09:00:00Z"));
}

#[test]
fn quiet_leaves_the_note_out_not_the_fitting() {
    let okta = okta();
    let out = on_a_terminal(
        &okta,
        "",
        Some("80"),
        &format!("-q keys list --auth-server {SERVER}"),
    );
    assert_eq!(out.code(), Some(0), "{out}");
    assert!(!out.stdout.contains("Fitted to"), "{out}");
    assert!(!out.stdout.contains("LAST UPDATED"), "{out}");
    check_fits(&out.stdout, 80, &KEY_IDS);
}
