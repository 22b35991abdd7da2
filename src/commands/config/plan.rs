//! What `config init` will write, decided value by value: from its flag, else by asking.

use std::path::{Path, PathBuf};

use super::prompt::{Ask, yes_no};
use crate::cli::AuthMode;
use crate::cli::{GlobalArgs, InitArgs, TokenSourceArgs};
use crate::config::{self, Profile, SANDBOX_PROFILE};
use crate::error::{Error, Result};
use keymaterial::secret::Secret;

/// What `config init` will write.
#[derive(Debug)]
pub struct Plan {
    pub name: String,
    pub org_url: String,
    pub auth: AuthMode,
    pub credential: NewCredential,
    /// `None`: keep what the profile had.
    pub auth_server: Option<String>,
    pub make_default: bool,
}

#[derive(Debug)]
pub enum NewCredential {
    TokenEnv(String),
    TokenCommand(String),
    Token(Secret),
    PrivateKey {
        client_id: String,
        private_key_file: PathBuf,
        key_id: Option<String>,
    },
}

impl Plan {
    /// The answers as one `config init` command that asks nothing, to run again after
    /// fixing what the check found. A typed token is not repeated: `--token-stdin` reads it.
    pub fn as_command(&self) -> String {
        let mut words: Vec<String> = ["config", "init", "--profile"].map(String::from).into();
        words.push(self.name.clone());
        words.extend(["--org-url".into(), self.org_url.clone()]);
        words.extend(["--auth".into(), self.auth.name().to_string()]);
        match &self.credential {
            NewCredential::TokenEnv(var) => words.extend(["--token-env".into(), var.clone()]),
            NewCredential::TokenCommand(cmd) => {
                words.extend(["--token-command".into(), cmd.clone()]);
            }
            NewCredential::Token(_) => words.push("--token-stdin".into()),
            NewCredential::PrivateKey {
                client_id,
                private_key_file,
                key_id,
            } => {
                words.extend(["--client-id".into(), client_id.clone()]);
                words.push("--private-key-file".into());
                words.push(private_key_file.display().to_string());
                if let Some(kid) = key_id {
                    words.extend(["--key-id".into(), kid.clone()]);
                }
            }
        }
        if let Some(server) = &self.auth_server {
            words.extend(["--auth-server".into(), server.clone()]);
        }
        if self.make_default {
            words.push("--default".into());
        }
        // The questions asked already whether to replace a profile of that name.
        words.push("--force".into());
        // The answers name the profile and the org; `--config` and the rest are the run's.
        crate::hint::command_setting(&["--profile", "--org-url"], words)
    }
}

/// What the file holds now, as far as `config init` needs to know.
#[derive(Debug, Default, Clone)]
pub struct Existing {
    pub path: PathBuf,
    pub default_profile: Option<String>,
    pub profiles: std::collections::BTreeMap<String, Profile>,
}

/// Decide every value: from its flag, else by asking (on a terminal), else a usage error
/// naming the flag.
pub fn gather<'s>(
    global: &GlobalArgs,
    args: &InitArgs,
    mut ask: Option<&mut (dyn Ask + 's)>,
    existing: &Existing,
    stdin_token: &mut dyn FnMut() -> Result<Secret>,
) -> Result<Plan> {
    let name = profile_name(global, ask.as_deref_mut())?;
    let current = existing.profiles.get(&name);
    if current.is_some() && !args.force {
        confirm_replace(&name, existing, ask.as_deref_mut())?;
    }
    let old = current.cloned().unwrap_or_default();
    let org_url = org_url(global, &name, &old, ask.as_deref_mut())?;
    let auth = auth_mode(args, &old, ask.as_deref_mut())?;
    let credential = credential(&name, args, auth, &old, ask.as_deref_mut(), stdin_token)?;
    let auth_server = auth_server(args, &old, ask.as_deref_mut())?;
    let make_default = make_default(&name, args, existing, ask)?;
    Ok(Plan {
        name,
        org_url,
        auth,
        credential,
        auth_server,
        make_default,
    })
}

/// Which token flags and which service-app flags were given.
fn credential_flags(args: &InitArgs) -> (bool, bool) {
    let token = args.token.token_env.is_some()
        || args.token.token_command.is_some()
        || args.token.token_stdin;
    let key = args.client_id.is_some() || args.private_key_file.is_some() || args.key_id.is_some();
    (token, key)
}

fn profile_name<'s>(global: &GlobalArgs, ask: Option<&mut (dyn Ask + 's)>) -> Result<String> {
    let name = match (&global.profile, ask) {
        (Some(name), _) => name.clone(),
        (None, Some(ask)) => ask.line("Profile name", Some("default"))?,
        (None, None) => {
            return Err(Error::Usage(
                "which profile? pass --profile NAME (no terminal to ask on)".into(),
            ));
        }
    };
    check_profile_name(&name)?;
    Ok(name)
}

/// Replacing a profile needs a yes (or `--force`).
fn confirm_replace<'s>(
    name: &str,
    existing: &Existing,
    ask: Option<&mut (dyn Ask + 's)>,
) -> Result<()> {
    let question = format!(
        "Profile `{name}` exists in {}. Replace its org URL and credentials?",
        existing.path.display()
    );
    let yes = match ask {
        Some(ask) => yes_no(ask, &question, false)?,
        None => false,
    };
    if !yes {
        return Err(Error::Aborted(format!(
            "not changing profile `{name}`: it exists in {}; pass --force to replace its org URL and credentials",
            existing.path.display()
        )));
    }
    Ok(())
}

fn org_url<'s>(
    global: &GlobalArgs,
    name: &str,
    old: &Profile,
    ask: Option<&mut (dyn Ask + 's)>,
) -> Result<String> {
    match (&global.org_url, ask) {
        (Some(url), _) => {
            config::parse_org_url(Some(url), Some(name))?;
            Ok(url.trim().to_string())
        }
        (None, Some(ask)) => loop {
            let answer = ask.line(
                "Okta org URL (e.g. https://acme.okta.com)",
                old.org_url.as_deref(),
            )?;
            match config::parse_org_url(Some(&answer), Some(name)) {
                Ok(_) => break Ok(answer.trim().to_string()),
                Err(e) => ask.say(&format!("  {e}")),
            }
        },
        (None, None) => Err(Error::Usage(
            "which org? pass --org-url URL (no terminal to ask on)".into(),
        )),
    }
}

/// The auth mode: the flag, else what the credential flags imply, else ask.
fn auth_mode<'s>(
    args: &InitArgs,
    old: &Profile,
    ask: Option<&mut (dyn Ask + 's)>,
) -> Result<AuthMode> {
    let (token_flag, key_flag) = credential_flags(args);
    Ok(match (args.auth, ask) {
        (Some(mode), _) => mode,
        (None, _) if key_flag => AuthMode::PrivateKey,
        (None, _) if token_flag => AuthMode::Ssws,
        (None, Some(ask)) => {
            let default = old.auth.unwrap_or(AuthMode::Ssws).name();
            loop {
                let answer = ask.line(
                    "Auth mode: ssws (API token), bearer (access token), private_key (OAuth service app)",
                    Some(default),
                )?;
                match AuthMode::from_name(&answer) {
                    Some(mode) => break mode,
                    None => ask.say("  answer ssws, bearer or private_key"),
                }
            }
        }
        (None, None) => AuthMode::Ssws,
    })
}

/// The credential for `auth`; flags of the other kind are a usage error.
fn credential<'s>(
    name: &str,
    args: &InitArgs,
    auth: AuthMode,
    old: &Profile,
    ask: Option<&mut (dyn Ask + 's)>,
    stdin_token: &mut dyn FnMut() -> Result<Secret>,
) -> Result<NewCredential> {
    let (token_flag, key_flag) = credential_flags(args);
    match auth {
        AuthMode::Ssws | AuthMode::Bearer => {
            if key_flag {
                return Err(Error::Usage(
                    "--client-id, --private-key-file and --key-id go with --auth private_key"
                        .into(),
                ));
            }
            token_credential(name, &args.token, ask, stdin_token)
        }
        AuthMode::PrivateKey => {
            if token_flag {
                return Err(Error::Usage(
                    "--token-env, --token-command and --token-stdin go with --auth ssws or bearer; \
                     a service app needs --client-id and --private-key-file"
                        .into(),
                ));
            }
            key_credential(args, ask, old)
        }
    }
}

/// The default authorization server: optional.
fn auth_server<'s>(
    args: &InitArgs,
    old: &Profile,
    ask: Option<&mut (dyn Ask + 's)>,
) -> Result<Option<String>> {
    Ok(match (&args.auth_server, ask) {
        (Some(id), _) => Some(id.clone()),
        (None, Some(ask)) => {
            let answer = ask.line(
                "Default authorization server id for `keys` commands (aus…, or empty for none)",
                old.auth_server.as_deref(),
            )?;
            let answer = answer.trim();
            (!answer.is_empty()).then(|| answer.to_string())
        }
        (None, None) => None,
    })
}

/// The default profile: asked only when another profile is the default now.
fn make_default<'s>(
    name: &str,
    args: &InitArgs,
    existing: &Existing,
    ask: Option<&mut (dyn Ask + 's)>,
) -> Result<bool> {
    let default_is_set = existing
        .default_profile
        .as_ref()
        .is_some_and(|d| existing.profiles.contains_key(d) || d == SANDBOX_PROFILE);
    let already_default = existing.default_profile.as_deref() == Some(name);
    if args.default || already_default || !default_is_set {
        return Ok(true);
    }
    match ask {
        Some(ask) => {
            let current = existing.default_profile.clone().unwrap_or_default();
            yes_no(
                ask,
                &format!("Make `{name}` the default profile (instead of `{current}`)?"),
                false,
            )
        }
        None => Ok(false),
    }
}

fn token_credential<'s>(
    name: &str,
    flags: &TokenSourceArgs,
    ask: Option<&mut (dyn Ask + 's)>,
    stdin_token: &mut dyn FnMut() -> Result<Secret>,
) -> Result<NewCredential> {
    if let Some(var) = &flags.token_env {
        check_env_name(var)?;
        return Ok(NewCredential::TokenEnv(var.clone()));
    }
    if let Some(cmd) = &flags.token_command {
        if cmd.trim().is_empty() {
            return Err(Error::Usage("--token-command must not be empty".into()));
        }
        return Ok(NewCredential::TokenCommand(cmd.clone()));
    }
    let Some(ask) = ask else {
        if flags.token_stdin {
            return Ok(NewCredential::Token(stdin_token()?));
        }
        return Err(Error::Usage(
            "where does the token come from? pass --token-env VAR, --token-command CMD or --token-stdin \
             (no terminal to ask on; no flag takes the token itself)"
                .into(),
        ));
    };
    if flags.token_stdin {
        return Ok(NewCredential::Token(ask_token(ask)?));
    }
    ask.say(
        "Where should oktakeys find the token each time it runs?\n  \
         1) in an environment variable (recommended: the token stays out of files)\n  \
         2) printed by a command, such as a password manager\n  \
         3) stored in the config file (mode 0600)",
    );
    loop {
        match ask.line("Choose 1, 2 or 3", Some("1"))?.as_str() {
            "1" => {
                let suggested = suggested_env_name(name);
                loop {
                    let var = ask.line("Environment variable name", Some(&suggested))?;
                    match check_env_name(&var) {
                        Ok(()) => return Ok(NewCredential::TokenEnv(var)),
                        Err(e) => ask.say(&format!("  {e}")),
                    }
                }
            }
            "2" => loop {
                let cmd = ask.line(
                    "Command that prints the token (e.g. pass show okta/prod)",
                    None,
                )?;
                if !cmd.trim().is_empty() {
                    return Ok(NewCredential::TokenCommand(cmd));
                }
            },
            "3" => return Ok(NewCredential::Token(ask_token(ask)?)),
            _ => ask.say("  answer 1, 2 or 3"),
        }
    }
}

fn ask_token(ask: &mut dyn Ask) -> Result<Secret> {
    loop {
        let token = ask.secret("API token (not shown as you type)")?;
        if !token.expose().trim().is_empty() {
            return Ok(Secret::new(token.expose().trim()));
        }
        ask.say("  the token is empty; paste it again");
    }
}

fn key_credential<'s>(
    args: &InitArgs,
    mut ask: Option<&mut (dyn Ask + 's)>,
    old: &Profile,
) -> Result<NewCredential> {
    let client_id = match (&args.client_id, ask.as_deref_mut()) {
        (Some(id), _) => id.clone(),
        (None, Some(ask)) => ask.line("Service app client id (0oa…)", old.client_id.as_deref())?,
        (None, None) => {
            return Err(Error::Usage(
                "--auth private_key needs --client-id ID (no terminal to ask on)".into(),
            ));
        }
    };
    if client_id.trim().is_empty() {
        return Err(Error::Usage("the client id must not be empty".into()));
    }
    let old_file = old
        .private_key_file
        .as_ref()
        .map(|f| f.display().to_string());
    let file = match (&args.private_key_file, ask.as_deref_mut()) {
        (Some(f), _) => f.clone(),
        (None, Some(ask)) => PathBuf::from(ask.line(
            "The service app's private key file (PEM)",
            old_file.as_deref(),
        )?),
        (None, None) => {
            return Err(Error::Usage(
                "--auth private_key needs --private-key-file FILE (no terminal to ask on)".into(),
            ));
        }
    };
    let file = absolute_key_path(&file)?;
    let key_id = match (&args.key_id, ask) {
        (Some(k), _) => Some(k.clone()),
        (None, Some(ask)) => {
            let answer = ask.line(
                "The kid of the app's key (empty if Okta holds only one)",
                old.key_id.as_deref(),
            )?;
            (!answer.trim().is_empty()).then(|| answer.trim().to_string())
        }
        (None, None) => None,
    };
    Ok(NewCredential::PrivateKey {
        client_id: client_id.trim().to_string(),
        private_key_file: file,
        key_id,
    })
}

/// A relative key path is made absolute, so the profile works from any directory; a
/// `~/…` path is kept as written. The file must exist now.
fn absolute_key_path(file: &Path) -> Result<PathBuf> {
    if file.starts_with("~") {
        return Ok(file.to_path_buf());
    }
    let absolute = std::path::absolute(file)
        .map_err(|e| Error::KeyFile(format!("cannot resolve {}: {e}", file.display())))?;
    if !absolute.is_file() {
        return Err(Error::KeyFile(format!(
            "the private key file {} does not exist or is not a file",
            absolute.display()
        )));
    }
    Ok(absolute)
}

/// Profile names are plain words, so `--profile NAME` and the TOML table stay simple.
fn check_profile_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "the profile name `{}` is not allowed: use letters, digits, - and _",
            name.escape_debug()
        )))
    }
}

/// `--token-env` takes a variable's name. The value is never echoed: a token pasted here
/// by mistake must not end up in a log.
fn check_env_name(var: &str) -> Result<()> {
    let mut chars = var.chars();
    let ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(Error::Usage(
            "--token-env takes the name of an environment variable (letters, digits and _, \
             not starting with a digit), not the token itself"
                .into(),
        ))
    }
}

/// `OKTA_PROD_TOKEN` for profile `prod`.
fn suggested_env_name(profile: &str) -> String {
    let upper: String = profile
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("OKTA_{upper}_TOKEN")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{ConfigArgs, ConfigCommand};
    use std::collections::VecDeque;

    /// Answers from a script; records what was said and asked.
    #[derive(Default)]
    struct Script {
        answers: VecDeque<&'static str>,
        transcript: Vec<String>,
    }

    impl Script {
        fn new(answers: &[&'static str]) -> Self {
            Script {
                answers: answers.iter().copied().collect(),
                transcript: vec![],
            }
        }
        fn next(&mut self, question: &str) -> Result<String> {
            self.transcript.push(format!("? {question}"));
            self.answers
                .pop_front()
                .map(str::to_string)
                .ok_or_else(|| Error::Aborted(format!("no scripted answer for {question}")))
        }
    }

    impl Ask for Script {
        fn line(&mut self, question: &str, default: Option<&str>) -> Result<String> {
            let answer = self.next(question)?;
            Ok(match default {
                Some(d) if answer.is_empty() => d.to_string(),
                _ => answer,
            })
        }
        fn secret(&mut self, question: &str) -> Result<Secret> {
            self.next(&format!("(secret) {question}")).map(Secret::new)
        }
        fn say(&mut self, text: &str) {
            self.transcript.push(text.to_string());
        }
    }

    fn init_args(extra: &[&str]) -> (GlobalArgs, InitArgs) {
        use clap::Parser;
        let mut argv = vec!["oktakeys", "config", "init"];
        argv.extend_from_slice(extra);
        let cli = crate::cli::Cli::try_parse_from(argv).expect("parses");
        match cli.command {
            crate::cli::Command::Config(ConfigArgs {
                command: ConfigCommand::Init(a),
            }) => (cli.global, a),
            _ => panic!("not config init"),
        }
    }

    fn empty() -> Existing {
        Existing {
            path: "/cfg/config.toml".into(),
            ..Default::default()
        }
    }

    fn no_stdin() -> Result<Secret> {
        panic!("stdin must not be read")
    }

    #[test]
    fn flags_alone_make_a_plan() {
        let (g, a) = init_args(&[
            "--profile",
            "prod",
            "--org-url",
            "https://acme.okta.com",
            "--token-env",
            "OKTA_PROD_TOKEN",
            "--auth-server",
            "ausX",
        ]);
        let plan = gather(&g, &a, None, &empty(), &mut no_stdin).unwrap();
        assert_eq!(plan.name, "prod");
        assert_eq!(plan.org_url, "https://acme.okta.com");
        assert_eq!(plan.auth, AuthMode::Ssws);
        assert!(
            matches!(plan.credential, NewCredential::TokenEnv(ref v) if v == "OKTA_PROD_TOKEN")
        );
        assert_eq!(plan.auth_server.as_deref(), Some("ausX"));
        assert!(plan.make_default, "the first profile becomes the default");
    }

    #[test]
    fn without_a_terminal_each_missing_value_names_its_flag() {
        let cases: [(&[&str], &str); 4] = [
            (
                &["--org-url", "https://a.okta.com", "--token-env", "T"],
                "--profile",
            ),
            (&["--profile", "p", "--token-env", "T"], "--org-url"),
            (
                &["--profile", "p", "--org-url", "https://a.okta.com"],
                "--token-stdin",
            ),
            (
                &[
                    "--profile",
                    "p",
                    "--org-url",
                    "https://a.okta.com",
                    "--auth",
                    "private_key",
                ],
                "--client-id",
            ),
        ];
        for (argv, flag) in cases {
            let (g, a) = init_args(argv);
            let err = gather(&g, &a, None, &empty(), &mut no_stdin).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{argv:?}");
            assert!(err.to_string().contains(flag), "{argv:?}: {err}");
        }
    }

    #[test]
    fn a_token_pasted_into_token_env_is_refused_and_not_echoed() {
        let (g, a) = init_args(&[
            "--profile",
            "p",
            "--org-url",
            "https://a.okta.com",
            "--token-env",
            "00abcDEF-ghi_jkl",
        ]);
        let err = gather(&g, &a, None, &empty(), &mut no_stdin).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        assert!(!err.to_string().contains("00abc"), "{err}");
    }

    #[test]
    fn an_existing_profile_needs_force() {
        let existing = Existing {
            path: "/cfg/config.toml".into(),
            default_profile: Some("p".into()),
            profiles: [("p".to_string(), Profile::default())]
                .into_iter()
                .collect(),
        };
        let argv = [
            "--profile",
            "p",
            "--org-url",
            "https://a.okta.com",
            "--token-env",
            "T",
        ];
        let (g, a) = init_args(&argv);
        let err = gather(&g, &a, None, &existing, &mut no_stdin).unwrap_err();
        assert_eq!(err.exit_code(), 9);
        assert!(err.to_string().contains("--force"), "{err}");
        let mut forced = argv.to_vec();
        forced.push("--force");
        let (g, a) = init_args(&forced);
        assert!(
            gather(&g, &a, None, &existing, &mut no_stdin)
                .unwrap()
                .make_default
        );
    }

    #[test]
    fn on_a_terminal_it_asks_and_offers_env_and_command_before_storing_the_token() {
        let (g, a) = init_args(&[]);
        let mut script = Script::new(&[
            "dev",                  // profile name
            "http://acme.okta.com", // refused: not https
            "https://dev.okta.com", // org URL
            "",                     // auth mode: default ssws
            "3",                    // store the token
            "  00tokenTOKEN  ",     // the token (secret)
            "",                     // no default auth server
        ]);
        let plan = gather(&g, &a, Some(&mut script), &empty(), &mut no_stdin).unwrap();
        assert_eq!(plan.name, "dev");
        assert_eq!(plan.org_url, "https://dev.okta.com");
        assert!(
            matches!(&plan.credential, NewCredential::Token(t) if t.expose() == "00tokenTOKEN")
        );
        assert_eq!(plan.auth_server, None);
        let transcript = script.transcript.join("\n");
        assert!(transcript.contains("must use https://"), "{transcript}");
        let env_offer = transcript.find("1) in an environment variable").unwrap();
        let store_offer = transcript.find("3) stored in the config file").unwrap();
        assert!(env_offer < store_offer);
        assert!(transcript.contains("? (secret) API token"), "{transcript}");
        assert!(!format!("{plan:?}").contains("00tokenTOKEN"));
    }

    #[test]
    fn on_a_terminal_token_env_is_suggested_from_the_profile_name() {
        let (g, a) = init_args(&["--profile", "prod-eu", "--org-url", "https://a.okta.com"]);
        let mut script = Script::new(&["bearer", "1", "", "aus9"]);
        let plan = gather(&g, &a, Some(&mut script), &empty(), &mut no_stdin).unwrap();
        assert_eq!(plan.auth, AuthMode::Bearer);
        assert!(
            matches!(&plan.credential, NewCredential::TokenEnv(v) if v == "OKTA_PROD_EU_TOKEN")
        );
        assert_eq!(plan.auth_server.as_deref(), Some("aus9"));
    }

    #[test]
    fn token_stdin_reads_the_token_without_a_terminal() {
        let (g, a) = init_args(&[
            "--profile",
            "ci",
            "--org-url",
            "https://a.okta.com",
            "--token-stdin",
        ]);
        let mut stdin = || Ok(Secret::new("00fromSTDIN"));
        let plan = gather(&g, &a, None, &empty(), &mut stdin).unwrap();
        assert!(matches!(&plan.credential, NewCredential::Token(t) if t.expose() == "00fromSTDIN"));
    }
}
