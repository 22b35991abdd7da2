//! The policy file: every error is exit 3 naming the file, the line and the key; the JSON
//! Schema of `policy schema` accepts the README's example and refuses what plan refuses.

use super::*;
use crate::common::stderr;

fn plan_with(text: &str) -> Run {
    let env = TestEnv::new();
    std::fs::write(env.path("oktakeys.toml"), text).unwrap();
    // No org at all: a file error is found before anything is sent.
    env.run(&["plan"])
}

#[test]
fn unknown_keys_bad_durations_and_unknown_algorithms_are_exit_3_with_file_line_and_key() {
    for (text, expected) in [
        (
            "[defaults]\nencryption = \"RSA-OAEP-256\"\nrotate_aftr = \"90d\"\n",
            "error: oktakeys.toml:3: key `defaults.rotate_aftr`: unknown field `rotate_aftr`, expected one of",
        ),
        (
            "[defaults]\nrotate_after = \"90 days\"\n",
            "error: oktakeys.toml:2: key `defaults.rotate_after`: `90 days` is not a duration",
        ),
        (
            "[[servers]]\nall_active = true\n\n[[servers]]\nids = [\"aus1\"]\nencryption = \"RSA-OAEP-1024\"\n",
            "error: oktakeys.toml:6: key `servers[2].encryption`: unknown variant `RSA-OAEP-1024`, expected one of `RSA-OAEP-256`, `RSA-OAEP-384`, `RSA-OAEP-512`, `off`",
        ),
        (
            "[[servers]]\nall_active = true\nretire_after = \"soon\"\n",
            "error: oktakeys.toml:3: key `servers[1].retire_after`: `soon` is not a duration",
        ),
        (
            "[[servers]]\nall_active = true\nring = \" \"\n",
            "error: oktakeys.toml:3: key `servers[1].ring`: the key ring's setting is empty",
        ),
        (
            "[defaults]\nring_read_command = \"vault kv get secret/{server}\"\n[[servers]]\nall_active = true\n",
            "error: oktakeys.toml:2: key `defaults.ring_read_command`: ring_read_command and ring_write_command go together",
        ),
        (
            "[defaults]\nring_read_command = \"r\"\nring_write_command = \"w\"\n[[servers]]\nall_active = true\nring_write_command = \"w2\"\n",
            "error: oktakeys.toml:6: key `servers[1].ring_write_command`: ring_read_command and ring_write_command go together",
        ),
        (
            "[[servers]]\nall_active = true\nring = \"r.jwks\"\nring_read_command = \"r\"\nring_write_command = \"w\"\n",
            "error: oktakeys.toml:3: key `servers[1].ring`: give the key ring as ring (a file) or as ring_read_command with ring_write_command (a secret store), not both",
        ),
        (
            "[defaults]\nrotate_after = \"90d\"\n[[servers]]\nall_active = true\n",
            "error: oktakeys.toml:2: key `defaults.rotate_after`: a rotation needs somewhere to keep the new private key",
        ),
    ] {
        let out = plan_with(text);
        assert_eq!(out.status.code(), Some(3), "{text}\n{out}");
        assert!(stderr(&out).starts_with(expected), "{text}\n{out}");
        assert!(stderr(&out).contains("oktakeys policy schema"), "{out}");
        assert_eq!(out.stdout, "");
    }
}

#[test]
fn a_missing_file_and_a_file_selecting_nothing_are_exit_3() {
    let env = TestEnv::new();
    let out = env.run(&["plan", "--file", "nope.toml"]);
    assert_eq!(out.status.code(), Some(3), "{out}");
    assert!(stderr(&out).contains("the policy file nope.toml"), "{out}");
    let out = plan_with("[defaults]\nencryption = \"off\"\n");
    assert_eq!(out.status.code(), Some(3), "{out}");
    assert!(
        stderr(&out).contains("the policy selects no servers"),
        "{out}"
    );
}

#[test]
fn a_selector_that_matches_no_server_names_its_line_and_key() {
    let org = Org::start(&["payments-eu"], &[]);
    org.policy(
        "[defaults]\nencryption = \"RSA-OAEP-256\"\n\n[[servers]]\nnames = [\"payments-eu\"]\n\n\
         [[servers]]\nname_globs = [\"billing-*\"]\n",
    );
    let out = org.run(&["plan"]);
    assert_eq!(out.status.code(), Some(3), "{out}");
    assert!(
        stderr(&out).starts_with(
            "error: oktakeys.toml:8: key `servers[2].name_globs`: name glob `billing-*` matches no authorization server of the org"
        ),
        "{out}"
    );
    assert_eq!(out.stdout, "");
}

/// The ```toml block after `<!-- policy example -->` in the README.
fn readme_example() -> String {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let (_, after) = readme
        .split_once("<!-- policy example -->")
        .expect("the README has the policy example");
    let block = after.split_once("```toml\n").unwrap().1;
    block.split_once("```").unwrap().0.to_string()
}

fn validator() -> jsonschema::Validator {
    let env = TestEnv::new();
    let out = env.run(&["policy", "schema"]);
    assert_eq!(out.status.code(), Some(0), "{out}");
    let schema: Value = out.json();
    assert_eq!(schema["title"], "oktakeys policy");
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

#[test]
fn the_readme_example_validates_against_the_schema_and_plan_reads_it() {
    let example = readme_example();
    let as_json: Value = toml::from_str(&example).unwrap();
    let validator = validator();
    let errors: Vec<String> = validator
        .iter_errors(&as_json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // The same file, read by plan: its servers exist on this org.
    let org = Org::start(&["payments-eu", "payments-us"], &[]);
    org.policy(&example);
    let out = org.run(&["plan"]);
    assert_eq!(out.status.code(), Some(0), "{out}");
}

#[test]
fn the_schema_refuses_what_plan_refuses() {
    let validator = validator();
    for bad in [
        "[defaults]\nrotate_aftr = \"90d\"\n",
        "[defaults]\nencryption = \"RSA-OAEP-1024\"\n",
        "[defaults]\nrotate_after = \"90 days\"\n",
        "[defaults]\nkey_bits = 1024\n",
        "[[servers]]\nids = [\"a\"]\nsurprise = 1\n",
        "[defaults.verify]\nclient_id = \"c\"\nsecret_env = \"S\"\nsecret = \"x\"\n",
    ] {
        let as_json: Value = toml::from_str(bad).unwrap();
        assert!(!validator.is_valid(&as_json), "the schema accepts {bad:?}");
        let out = plan_with(bad);
        assert_eq!(out.status.code(), Some(3), "{bad}\n{out}");
    }
}
