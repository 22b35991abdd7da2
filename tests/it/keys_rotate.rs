//! `oktakeys keys rotate` against the in-process sandbox (Okta's rules: add INACTIVE only,
//! at most 5 keys, unique kid, no add while a key has no kid, only INACTIVE keys deleted,
//! one ACTIVE key), with failures injected between steps through its fault hook. The
//! rotation lists the keys again before every change and after the activation. Each test
//! checks the exact requests sent, the output and the exit code, and that re-running the
//! same command completes an interrupted rotation.

use crate::common::sandbox::FaultySandbox;
use crate::common::*;
use serde_json::{Value, json};

// ---- helpers ----------------------------------------------------------------------

/// A public JWK file with kid `new` and a 2048-bit modulus.
fn new_jwk(env: &TestEnv) -> (String, Value) {
    let jwk = json!({"kty": "RSA", "use": "enc", "kid": "new", "e": "AQAB", "n": modulus(2048, 7)});
    let path = env.path("new.json");
    std::fs::write(&path, jwk.to_string()).unwrap();
    (path.display().to_string(), jwk)
}

/// `keys rotate` with `--ignore-token-lifetime`: these tests are about the steps (the
/// retirement windows are tested in `rotation`).
fn rotate(env: &TestEnv, fake: &FaultySandbox, args: &[&str]) -> Run {
    let mut cmd = env.cmd_with_org(&fake.base);
    cmd.args([
        "--max-retries",
        "0",
        "keys",
        "rotate",
        "--ignore-token-lifetime",
    ])
    .args(args);
    run(&mut cmd)
}

fn triples(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

// ---- tests ------------------------------------------------------------------------

#[test]
fn rotates_one_server_with_the_exact_requests() {
    let fake = FaultySandbox::start();
    fake.name_next_keys(&["apkNEW2"]);
    fake.server(SERVER, &[("old", "ACTIVE"), ("older", "INACTIVE")]);
    let env = TestEnv::new();
    let (jwk_path, jwk) = new_jwk(&env);
    let out = rotate(
        &env,
        &fake,
        &[
            "--auth-server",
            SERVER,
            "--jwk",
            &jwk_path,
            "--delete-old",
            "--yes",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        fake.log(),
        [
            // Every change after a fresh look; success after seeing the new key ACTIVE.
            format!("GET /as/{SERVER}/keys"),
            format!("GET /as/{SERVER}/keys"),
            format!("POST /as/{SERVER}/keys"),
            format!("GET /as/{SERVER}/keys"),
            format!("POST /as/{SERVER}/keys/apkNEW2/lifecycle/activate"),
            format!("GET /as/{SERVER}/keys"),
            format!("DELETE /as/{SERVER}/keys/apkold"),
            format!("GET /as/{SERVER}/keys"),
            format!("DELETE /as/{SERVER}/keys/apkolder"),
            format!("GET /as/{SERVER}/keys"),
        ]
    );
    assert_eq!(
        fake.bodies(),
        [
            json!({"kid": "new", "kty": "RSA", "use": "enc", "e": "AQAB", "n": jwk["n"], "status": "INACTIVE"})
        ]
    );
    assert_eq!(fake.keys(SERVER), triples(&[("apkNEW2", "new", "ACTIVE")]));
    assert_eq!(
        stderr(&out),
        format!(
            "Plan for authorization server {SERVER} (new key kid new):
  1. add the new key, kid new, INACTIVE
  2. activate the new key; Okta deactivates apkold (kid old)
  3. delete INACTIVE key apkold (kid old)
  4. delete INACTIVE key apkolder (kid older)
{SERVER}: added key apkNEW2 (kid new) INACTIVE
{SERVER}: activated key apkNEW2; Okta deactivated apkold (kid old)
{SERVER}: deleted INACTIVE key apkold (kid old)
{SERVER}: deleted INACTIVE key apkolder (kid older)
{SERVER}: rotated; the active key is apkNEW2 (kid new).
"
        )
    );
    assert_eq!(
        stdout(&out),
        format!(
            "AUTH SERVER           RESULT   ACTIVE KEY  ADDED    DELETED          ERROR
{SERVER}  rotated  apkNEW2     apkNEW2  apkold,apkolder  -
"
        )
    );
}

#[test]
fn dry_run_prints_the_plan_and_changes_nothing() {
    let fake = FaultySandbox::start();
    fake.server(SERVER, &[("old", "ACTIVE")]);
    let env = TestEnv::new();
    let (jwk_path, _) = new_jwk(&env);
    // No --yes and no terminal: a dry run needs no confirmation.
    let out = rotate(
        &env,
        &fake,
        &[
            "--auth-server",
            SERVER,
            "--jwk",
            &jwk_path,
            "--delete-old",
            "--dry-run",
            "-o",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fake.log(), [format!("GET /as/{SERVER}/keys")]);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        report,
        json!([{
            "auth_server": SERVER,
            "kid": "new",
            "result": "planned",
            "plan": [
                "1. add the new key, kid new, INACTIVE",
                "2. activate the new key; Okta deactivates apkold (kid old)",
                "3. delete INACTIVE key apkold (kid old)"
            ],
            "kept": [],
            "retirable_at": {},
            "new_key": null,
            "due_at": null,
            "added": null,
            "activated": null,
            "deactivated": [],
            "deleted": [],
            "active_key": null,
            "error": null
        }])
    );
}

#[test]
fn failure_between_add_and_activate_then_the_same_command_completes() {
    let fake = FaultySandbox::start();
    fake.name_next_keys(&["apkNEW2"]);
    fake.server(SERVER, &[("old", "ACTIVE"), ("older", "INACTIVE")]);
    fake.fail_next("/lifecycle/activate", 503);
    let env = TestEnv::new();
    let (jwk_path, _) = new_jwk(&env);
    let args = [
        "--auth-server",
        SERVER,
        "--jwk",
        &jwk_path,
        "--keep",
        "1",
        "--yes",
    ];

    let out = rotate(&env, &fake, &args);
    assert_eq!(
        out.status.code(),
        Some(8),
        "a 5xx exits 8: {}",
        stderr(&out)
    );
    // The old key is still active: a failed rotation leaves the server usable.
    assert_eq!(
        fake.keys(SERVER),
        triples(&[
            ("apkold", "old", "ACTIVE"),
            ("apkolder", "older", "INACTIVE"),
            ("apkNEW2", "new", "INACTIVE")
        ])
    );
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "error: {SERVER}: Okta failed to answer: POST {}/api/v1/authorizationServers/{SERVER}/resourceservercredentials/keys/apkNEW2/lifecycle/activate returned 503 Service Unavailable",
            fake.base
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{SERVER} now holds:
  ACTIVE apkold (kid old)
  INACTIVE apkolder (kid older)
  INACTIVE apkNEW2 (kid new)
Re-run to complete the rotation (nothing is done twice):
  oktakeys keys rotate --auth-server {SERVER} --jwk {jwk_path} --keep 1 --ignore-token-lifetime --yes
"
        )),
        "{err}"
    );
    assert!(
        stdout(&out).contains(&format!("{SERVER}  failed  apkold ")),
        "{}",
        stdout(&out)
    );

    // Re-run: the key added before is reused, nothing is added twice.
    fake.clear_log();
    let out = rotate(&env, &fake, &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        fake.log(),
        [
            format!("GET /as/{SERVER}/keys"),
            format!("GET /as/{SERVER}/keys"),
            format!("POST /as/{SERVER}/keys/apkNEW2/lifecycle/activate"),
            format!("GET /as/{SERVER}/keys"),
            format!("DELETE /as/{SERVER}/keys/apkolder"),
            format!("GET /as/{SERVER}/keys"),
        ]
    );
    assert_eq!(
        fake.keys(SERVER),
        triples(&[("apkold", "old", "INACTIVE"), ("apkNEW2", "new", "ACTIVE")])
    );
    assert!(stderr(&out).contains("  1. use key apkNEW2 (kid new), already added INACTIVE\n"));

    // And once more: nothing to do, exit 0.
    fake.clear_log();
    let out = rotate(&env, &fake, &args);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(fake.log(), [format!("GET /as/{SERVER}/keys")]);
    assert!(stdout(&out).contains("unchanged"), "{}", stdout(&out));
}

#[test]
fn failure_while_deleting_is_resumed_too() {
    let fake = FaultySandbox::start();
    fake.name_next_keys(&["apkNEW2"]);
    fake.server(SERVER, &[("old", "ACTIVE"), ("older", "INACTIVE")]);
    fake.fail_next("DELETE /api/v1/authorizationServers/aus1a2b3c4d5e6f7g8h9/resourceservercredentials/keys/apkolder", 500);
    let env = TestEnv::new();
    let (jwk_path, _) = new_jwk(&env);
    let args = [
        "--auth-server",
        SERVER,
        "--jwk",
        &jwk_path,
        "--delete-old",
        "--yes",
        "-o",
        "json",
    ];
    let out = rotate(&env, &fake, &args);
    assert_eq!(out.status.code(), Some(8));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let entry = &report[0];
    assert_eq!(entry["result"], "failed");
    assert_eq!(entry["added"], "apkNEW2");
    assert_eq!(entry["activated"], "apkNEW2");
    assert_eq!(entry["deactivated"], json!(["apkold"]));
    assert_eq!(entry["deleted"], json!(["apkold"]));
    assert_eq!(entry["active_key"], "apkNEW2");
    assert_eq!(entry["error"]["exit_code"], 8);
    assert_eq!(entry["error"]["status"], 500);
    // stderr has the plan and the progress for people; the error is in the report only.
    assert!(!stderr(&out).contains("error"), "{}", stderr(&out));

    fake.clear_log();
    let out = rotate(&env, &fake, &args);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        fake.log(),
        [
            format!("GET /as/{SERVER}/keys"),
            format!("GET /as/{SERVER}/keys"),
            format!("DELETE /as/{SERVER}/keys/apkolder"),
            format!("GET /as/{SERVER}/keys"),
        ]
    );
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report[0]["result"], "rotated");
    assert_eq!(report[0]["active_key"], "apkNEW2");
    assert_eq!(report[0]["deleted"], json!(["apkolder"]));
}

#[test]
fn a_full_server_without_deletion_is_refused_before_any_change() {
    let fake = FaultySandbox::start();
    // One name per add request: the refused ones take theirs too.
    fake.name_next_keys(&["apkNEW4", "apkNEW5", "apkNEW6"]);
    fake.server(
        SERVER,
        &[
            ("a", "ACTIVE"),
            ("b", "INACTIVE"),
            ("c", "INACTIVE"),
            ("d", "INACTIVE"),
            ("e", "INACTIVE"),
        ],
    );
    let env = TestEnv::new();
    let (jwk_path, _) = new_jwk(&env);
    let out = rotate(&env, &fake, &["--auth-server", SERVER, "--jwk", &jwk_path]);
    assert_eq!(out.status.code(), Some(6));
    // The limit is learned from Okta's refusal of the add, not assumed.
    assert_eq!(
        fake.log(),
        [
            format!("GET /as/{SERVER}/keys"),
            format!("GET /as/{SERVER}/keys"),
            format!("POST /as/{SERVER}/keys"),
            format!("GET /as/{SERVER}/keys"),
        ]
    );
    assert!(
        stderr(&out).contains(&format!(
            "error: {SERVER}: Okta refused to add the new key (\"You can't create a new key. You have reached the maximum number of keys allowed (5). To add another key, you must first delete an existing one.\"), and the run may not delete keys. Nothing more was changed
  hint: pass --delete-old or --keep N to let oktakeys delete the oldest retirable INACTIVE key (apkb (kid b)) and add again
"
        )),
        "{}",
        stderr(&out)
    );

    // With --keep 2 the oldest inactive key makes room first.
    fake.clear_log();
    let out = rotate(
        &env,
        &fake,
        &[
            "--auth-server",
            SERVER,
            "--jwk",
            &jwk_path,
            "--keep",
            "2",
            "--yes",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        fake.log(),
        [
            format!("GET /as/{SERVER}/keys"),
            format!("GET /as/{SERVER}/keys"),
            format!("POST /as/{SERVER}/keys"),
            format!("GET /as/{SERVER}/keys"),
            format!("DELETE /as/{SERVER}/keys/apkb"),
            format!("POST /as/{SERVER}/keys"),
            format!("GET /as/{SERVER}/keys"),
            format!("POST /as/{SERVER}/keys/apkNEW6/lifecycle/activate"),
            format!("GET /as/{SERVER}/keys"),
            format!("DELETE /as/{SERVER}/keys/apkd"),
            format!("GET /as/{SERVER}/keys"),
            format!("DELETE /as/{SERVER}/keys/apkc"),
            format!("GET /as/{SERVER}/keys"),
        ]
    );
    assert_eq!(
        fake.keys(SERVER),
        triples(&[
            ("apka", "a", "INACTIVE"),
            ("apke", "e", "INACTIVE"),
            ("apkNEW6", "new", "ACTIVE")
        ])
    );
}

#[test]
fn delete_old_needs_yes_without_a_terminal() {
    let fake = FaultySandbox::start();
    fake.server(SERVER, &[("old", "ACTIVE")]);
    let env = TestEnv::new();
    let (jwk_path, _) = new_jwk(&env);
    let out = rotate(
        &env,
        &fake,
        &["--auth-server", SERVER, "--jwk", &jwk_path, "--delete-old"],
    );
    assert_eq!(out.status.code(), Some(9));
    assert!(fake.log().is_empty(), "nothing sent: {:?}", fake.log());
    assert_eq!(
        stderr(&out),
        "error: not rotating: --delete-old deletes keys, which needs confirmation, but there is \
         no terminal to ask on (or --no-input/CI is set); pass --yes to proceed\n"
    );
    // Without deletion, no confirmation is needed.
    let out = rotate(&env, &fake, &["--auth-server", SERVER, "--jwk", &jwk_path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn several_servers_are_rotated_independently() {
    let fake = FaultySandbox::start();
    fake.server("ausA", &[("a1", "ACTIVE")]);
    fake.server("ausB", &[("b1", "ACTIVE")]);
    fake.server("ausC", &[("c1", "ACTIVE")]);
    fake.fail_next(
        "POST /api/v1/authorizationServers/ausB/resourceservercredentials/keys",
        400,
    );
    let env = TestEnv::new();
    let (jwk_path, _) = new_jwk(&env);
    let out = rotate(
        &env,
        &fake,
        &[
            "--auth-server",
            "ausA",
            "--auth-server",
            "ausB",
            "--auth-server",
            "ausC",
            "--auth-server",
            "ausMissing",
            "--jwk",
            &jwk_path,
            "-o",
            "json",
        ],
    );
    // The first failure's code: ausB's 400 (6), before ausMissing's 404 (5).
    assert_eq!(out.status.code(), Some(6));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let results: Vec<(&str, &str)> = report
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["auth_server"].as_str().unwrap(),
                e["result"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        results,
        [
            ("ausA", "rotated"),
            ("ausB", "failed"),
            ("ausC", "rotated"),
            ("ausMissing", "failed")
        ]
    );
    assert_eq!(report[1]["active_key"], "apkb1");
    assert_eq!(report[3]["error"]["status"], 404);
    assert_eq!(fake.keys("ausA")[1].2, "ACTIVE");
    assert_eq!(fake.keys("ausB"), triples(&[("apkb1", "b1", "ACTIVE")]));
    assert_eq!(fake.keys("ausC")[1].2, "ACTIVE");
}

#[test]
fn generate_writes_the_key_first_and_a_rerun_reuses_it() {
    let fake = FaultySandbox::start();
    fake.name_next_keys(&["apkNEW2"]);
    fake.server(SERVER, &[("old", "ACTIVE")]);
    fake.fail_next("/lifecycle/activate", 503);
    let env = TestEnv::new();
    let args = [
        "--auth-server",
        SERVER,
        "--generate",
        "--private-key-out",
        "enc.pem",
        "--bits",
        "2048",
        "--kid",
        "enc-1",
    ];
    let out = rotate(&env, &fake, &args);
    assert_eq!(out.status.code(), Some(8));
    let pem = std::fs::read_to_string(env.path("enc.pem")).unwrap();
    for line in pem.lines().filter(|l| !l.starts_with("-----")) {
        assert!(!stderr(&out).contains(line) && !stdout(&out).contains(line));
    }
    let body = &fake.bodies()[0];
    let public = keymaterial::pem::from_pem_bytes(pem.as_bytes(), "enc.pem").unwrap();
    assert_eq!(body["n"], public.n.as_str());
    assert_eq!(body["kid"], "enc-1");
    assert!(stderr(&out).contains(&format!(
        "  oktakeys keys rotate --auth-server {SERVER} --generate --private-key-out enc.pem --kid enc-1 --ignore-token-lifetime\n"
    )));

    fake.clear_log();
    let out = rotate(&env, &fake, &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).starts_with(&format!(
        "Using the private key already in enc.pem (an earlier run wrote it; its public key has \
         the thumbprint {} and goes in as kid enc-1)",
        public.thumbprint()
    )));
    assert_eq!(
        fake.log(),
        [
            format!("GET /as/{SERVER}/keys"),
            format!("GET /as/{SERVER}/keys"),
            format!("POST /as/{SERVER}/keys/apkNEW2/lifecycle/activate"),
            format!("GET /as/{SERVER}/keys"),
        ]
    );
    assert_eq!(std::fs::read_to_string(env.path("enc.pem")).unwrap(), pem);
}

#[test]
fn a_different_key_with_the_same_kid_is_never_activated() {
    let fake = FaultySandbox::start();
    fake.server(SERVER, &[("old", "ACTIVE"), ("new", "INACTIVE")]);
    let env = TestEnv::new();
    let (jwk_path, _) = new_jwk(&env);
    let out = rotate(&env, &fake, &["--auth-server", SERVER, "--jwk", &jwk_path]);
    assert_eq!(out.status.code(), Some(6));
    assert_eq!(fake.log(), [format!("GET /as/{SERVER}/keys")]);
    assert!(
        stderr(&out)
            .contains("the server already holds a different key with kid `new` (apknew, INACTIVE)")
    );
}

#[test]
fn an_add_whose_answer_was_lost_is_found_and_not_repeated() {
    let fake = FaultySandbox::start();
    fake.name_next_keys(&["apkNEW2"]);
    fake.server(SERVER, &[("old", "ACTIVE")]);
    fake.lose_answer(
        &format!("POST /api/v1/authorizationServers/{SERVER}/resourceservercredentials/keys"),
        502,
    );
    let env = TestEnv::new();
    let (jwk_path, _) = new_jwk(&env);
    let out = rotate(&env, &fake, &["--auth-server", SERVER, "--jwk", &jwk_path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        fake.log(),
        [
            format!("GET /as/{SERVER}/keys"),
            format!("GET /as/{SERVER}/keys"),
            format!("POST /as/{SERVER}/keys"),
            format!("GET /as/{SERVER}/keys"),
            format!("GET /as/{SERVER}/keys"),
            format!("POST /as/{SERVER}/keys/apkNEW2/lifecycle/activate"),
            format!("GET /as/{SERVER}/keys"),
        ]
    );
    assert_eq!(
        fake.keys(SERVER),
        triples(&[("apkold", "old", "INACTIVE"), ("apkNEW2", "new", "ACTIVE")])
    );
}

#[test]
fn a_lost_delete_answer_is_settled_by_the_re_run() {
    let fake = FaultySandbox::start();
    fake.name_next_keys(&["apkNEW2"]);
    fake.server(SERVER, &[("old", "ACTIVE"), ("older", "INACTIVE")]);
    fake.lose_answer("/keys/apkolder", 502);
    let env = TestEnv::new();
    let (jwk_path, _) = new_jwk(&env);
    let args = [
        "--auth-server",
        SERVER,
        "--jwk",
        &jwk_path,
        "--keep",
        "1",
        "--yes",
        "-q",
    ];
    let out = rotate(&env, &fake, &args);
    assert_eq!(out.status.code(), Some(8));
    // -q: no plan, no progress; the failure and how to resume are still shown.
    assert!(stderr(&out).starts_with(&format!("error: {SERVER}: Okta failed to answer: DELETE ")));
    assert!(stderr(&out).contains("Re-run to complete the rotation"));
    fake.clear_log();
    let out = rotate(&env, &fake, &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    assert_eq!(fake.log(), [format!("GET /as/{SERVER}/keys")]);
    assert!(stdout(&out).contains("unchanged"));
}

#[test]
fn dry_run_with_generate_writes_no_file() {
    let fake = FaultySandbox::start();
    fake.server(SERVER, &[("old", "ACTIVE")]);
    let env = TestEnv::new();
    let out = rotate(
        &env,
        &fake,
        &[
            "--auth-server",
            SERVER,
            "--generate",
            "--private-key-out",
            "k.pem",
            "--dry-run",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!env.path("k.pem").exists());
    assert_eq!(fake.log(), [format!("GET /as/{SERVER}/keys")]);
    assert_eq!(
        stderr(&out),
        format!(
            "(dry run: no key generated; k.pem would be written)
Plan for authorization server {SERVER} (new key kid (the new key's thumbprint)):
  1. add the new key, kid (the new key's thumbprint), INACTIVE
  2. activate the new key; Okta deactivates apkold (kid old)
  keep apkold (kid old): retirable now
(dry run: nothing was changed)
"
        )
    );
}

/// Run oktakeys on a pseudo-terminal (util-linux `script`), typing `input`.
fn on_a_terminal(env: &TestEnv, org: &str, args: &str, input: &str) -> Run {
    let bin = assert_cmd::cargo::cargo_bin("oktakeys");
    run(env
        .program("script")
        .env("OKTA_ORG_URL", org)
        .env("OKTA_API_TOKEN", TOKEN)
        .env("TERM", "dumb")
        .args(["-qec", &format!("{} {args}", bin.display()), "/dev/null"])
        .write_stdin(input))
}

#[test]
fn delete_old_asks_on_a_terminal_after_showing_the_plans() {
    let fake = FaultySandbox::start();
    fake.name_next_keys(&["apkNEW3"]);
    fake.server(SERVER, &[("old", "ACTIVE"), ("older", "INACTIVE")]);
    let env = TestEnv::new();
    let (jwk_path, _) = new_jwk(&env);
    let args = format!(
        "keys rotate --auth-server {SERVER} --jwk {jwk_path} --delete-old --ignore-token-lifetime"
    );

    let declined = on_a_terminal(&env, &fake.base, &args, "n\n");
    assert_eq!(declined.status.code(), Some(9));
    let screen = stdout(&declined);
    assert!(
        screen.contains("  3. delete INACTIVE key apkold (kid old)"),
        "{screen}"
    );
    assert!(
        screen.contains(&format!(
            "Rotate, and delete 2 old key(s) once they are INACTIVE (apkold on {SERVER}, apkolder on {SERVER})? [y/N]"
        )),
        "{screen}"
    );
    assert!(screen.contains("not rotating: not confirmed"), "{screen}");
    assert_eq!(
        fake.log(),
        [format!("GET /as/{SERVER}/keys")],
        "only the list"
    );

    fake.clear_log();
    let accepted = on_a_terminal(&env, &fake.base, &args, "y\n");
    assert_eq!(accepted.status.code(), Some(0), "{}", stdout(&accepted));
    assert_eq!(fake.keys(SERVER), triples(&[("apkNEW3", "new", "ACTIVE")]));
}

/// Key ids from Okta go into URL paths. A listed id that cannot be a path segment (`..`
/// would turn `DELETE …/keys/..` into `DELETE …/resourceservercredentials`) stops that
/// server's rotation before anything is sent.
#[test]
fn a_listed_key_id_that_cannot_be_a_path_segment_stops_the_rotation() {
    use httpmock::prelude::*;
    let server = MockServer::start();
    let mut active = okta_key(&server.base_url(), "apkACTIVE", "old", "ACTIVE", 1);
    let mut odd = okta_key(&server.base_url(), "..", "older", "INACTIVE", 2);
    active["_links"] = json!({});
    odd["_links"] = json!({});
    let list = server.mock(|when, then| {
        when.method(GET).path(keys_path(""));
        then.status(200).json_body(json!([active, odd]));
    });
    let posts = server.mock(|when, then| {
        when.method(POST);
        then.status(500);
    });
    let deletes = server.mock(|when, then| {
        when.method(DELETE);
        then.status(204);
    });
    let env = TestEnv::new();
    let (jwk, _) = new_jwk(&env);
    let out = run(env.cmd_with_org(&server.base_url()).args([
        "keys",
        "rotate",
        "--auth-server",
        SERVER,
        "--jwk",
        &jwk,
        "--delete-old",
        "--yes",
    ]));
    list.assert_calls(1);
    posts.assert_calls(0);
    deletes.assert_calls(0);
    assert_eq!(out.status.code(), Some(8), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "error: {SERVER}: Okta listed a key whose id `..` cannot go in a URL path; nothing was changed"
        )),
        "{}",
        stderr(&out)
    );
}
