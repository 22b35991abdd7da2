//! `oktakeys config init|list|show|path`: profiles a person can create, see and trust.
//!
//! Secrets never reach the output: a stored token shows as `****`, a token source by its
//! name (`token_env=OKTA_PROD_TOKEN`), and `token_command` is never run to show anything.

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};

use reqwest::Method;
use serde_json::{Map, Value, json};
use toml_edit::{DocumentMut, Item, Table, value};

use crate::api::requests;
use crate::auth::Authenticator;
use crate::cli::{AuthModeArg, ConfigArgs, ConfigCommand, GlobalArgs, InitArgs, ShowArgs};
use crate::cli::{OutputFormat, TokenSourceArgs};
use crate::client::{Client, Request};
use crate::config::{
    self, AuthMode, ConfigFile, Credentials, Environment, Origin, PrivateKeySource, ProcessEnv,
    Profile, SANDBOX_PROFILE, ServiceAppSettings, Settings, Target, TokenSource,
};
use crate::error::{Error, Result};
use crate::output::{Printer, write_stdout};
use crate::secret::Secret;

/// How a stored token is shown.
pub const MASK: &str = "****";

/// A token read from stdin is one line; anything bigger is not a token.
const MAX_TOKEN_BYTES: u64 = 64 * 1024;

pub async fn run(global: &GlobalArgs, args: ConfigArgs) -> Result<()> {
    let printer = Printer::new(global);
    match args.command {
        ConfigCommand::Path => path(global, &printer),
        ConfigCommand::List => list(global, &printer),
        ConfigCommand::Show(a) => show(global, &printer, &a),
        ConfigCommand::Init(a) => init(global, &printer, &a).await,
    }
}

/// The config file in use, or a config error when the platform has none.
fn file_path(global: &GlobalArgs) -> Result<PathBuf> {
    config::config_path(global.config.as_deref()).ok_or_else(|| {
        Error::config_hint(
            "this platform has no config directory",
            "pass --config PATH or set OKTAKEYS_CONFIG",
        )
    })
}

fn load(global: &GlobalArgs, path: &Path) -> Result<Option<ConfigFile>> {
    config::load_file(path, global.config.is_some())
}

// ---------------------------------------------------------------------------------------
// config path

fn path(global: &GlobalArgs, printer: &Printer) -> Result<()> {
    let path = file_path(global)?;
    let exists = path.exists();
    match printer.format {
        OutputFormat::Json => printer.json(&json!({
            "path": path.display().to_string(),
            "exists": exists,
            "source": origin_json(&config::config_path_origin(global), None),
        })),
        _ => {
            write_stdout(&format!("{}\n", path.display()))?;
            if !exists {
                printer.note("(the file does not exist yet: `oktakeys config init` creates it)");
            }
            Ok(())
        }
    }
}

// ---------------------------------------------------------------------------------------
// config list

/// One row of `config list`.
struct Listed {
    name: String,
    default: bool,
    builtin: bool,
    org_url: Option<String>,
    auth: &'static str,
    auth_server: Option<String>,
    credentials: Vec<(&'static str, String)>,
}

fn list(global: &GlobalArgs, printer: &Printer) -> Result<()> {
    let path = file_path(global)?;
    let file = load(global, &path)?;
    let missing = file.is_none();
    let file = file.unwrap_or_default();
    let mut rows: Vec<Listed> = file
        .profiles
        .iter()
        .map(|(name, p)| Listed {
            name: name.clone(),
            default: file.default_profile.as_deref() == Some(name),
            builtin: false,
            org_url: p.org_url.as_deref().map(config::redact_userinfo),
            auth: auth_name(p.auth.unwrap_or(AuthMode::Ssws)),
            auth_server: p.auth_server.clone(),
            credentials: credential_sources(p),
        })
        .collect();
    if !file.profiles.contains_key(SANDBOX_PROFILE) {
        rows.push(Listed {
            name: SANDBOX_PROFILE.into(),
            default: file.default_profile.as_deref() == Some(SANDBOX_PROFILE),
            builtin: true,
            org_url: None,
            auth: auth_name(AuthMode::Ssws),
            auth_server: Some("default".into()),
            credentials: vec![],
        });
    }

    match printer.format {
        OutputFormat::Json => printer.json(&Value::Array(
            rows.iter()
                .map(|r| {
                    json!({
                        "name": r.name,
                        "default": r.default,
                        "builtin": r.builtin,
                        "org_url": r.org_url,
                        "auth": r.auth,
                        "auth_server": r.auth_server,
                        "credentials": r.credentials.iter()
                            .map(|(k, v)| (k.to_string(), Value::String(v.clone())))
                            .collect::<Map<_, _>>(),
                    })
                })
                .collect(),
        )),
        OutputFormat::Id => write_stdout(
            &rows
                .iter()
                .map(|r| format!("{}\n", r.name))
                .collect::<String>(),
        ),
        OutputFormat::Table => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        if r.default { "*" } else { "" }.to_string(),
                        r.name.clone(),
                        match (&r.org_url, r.builtin) {
                            (_, true) => "(local sandbox)".to_string(),
                            (Some(url), false) => url.clone(),
                            (None, false) => "-".to_string(),
                        },
                        r.auth.to_string(),
                        r.auth_server.clone().unwrap_or_else(|| "-".into()),
                        if r.builtin {
                            "(built in)".to_string()
                        } else if r.credentials.is_empty() {
                            "-".to_string()
                        } else {
                            r.credentials
                                .iter()
                                .map(|(k, v)| format!("{k}={v}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        },
                    ]
                })
                .collect();
            printer.rows(
                &[
                    "DEFAULT",
                    "NAME",
                    "ORG URL",
                    "AUTH",
                    "AUTH SERVER",
                    "CREDENTIALS",
                ],
                &table,
            )?;
            if missing {
                printer.note(format!(
                    "No config file at {}: `oktakeys config init` creates one.",
                    path.display()
                ));
            }
            Ok(())
        }
    }
}

/// The profile's credential sources as `key=value` pairs, secrets masked, in the order
/// they are used (the first one present wins).
pub fn credential_sources(p: &Profile) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if p.auth == Some(AuthMode::PrivateKey) {
        let pairs = [
            ("client_id", p.client_id.clone()),
            (
                "private_key_file",
                p.private_key_file.as_ref().map(|f| f.display().to_string()),
            ),
            ("private_key_env", p.private_key_env.clone()),
            ("private_key_command", p.private_key_command.clone()),
            ("key_id", p.key_id.clone()),
        ];
        out.extend(pairs.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))));
    } else {
        if p.token.is_some() {
            out.push(("token", MASK.to_string()));
        }
        if let Some(var) = &p.token_env {
            out.push(("token_env", var.clone()));
        }
        if let Some(cmd) = &p.token_command {
            out.push(("token_command", cmd.clone()));
        }
    }
    out
}

/// A resolved service app (environment and profile merged) as `key=value` pairs, in
/// the order of [`credential_sources`]; no secret is among them.
fn describe_service_app(app: &ServiceAppSettings) -> String {
    let mut parts = Vec::new();
    if let Some(id) = &app.client_id {
        parts.push(format!("client_id={id}"));
    }
    match &app.private_key {
        Some(PrivateKeySource::File(path)) => {
            parts.push(format!("private_key_file={}", path.display()));
        }
        Some(PrivateKeySource::Env(var)) => parts.push(format!("private_key_env={var}")),
        Some(PrivateKeySource::Command(cmd)) => parts.push(format!("private_key_command={cmd}")),
        None => {}
    }
    if let Some(kid) = &app.key_id {
        parts.push(format!("key_id={kid}"));
    }
    if let Some(scopes) = &app.scopes {
        parts.push(format!("scopes={}", scopes.join(",")));
    }
    if app.dpop {
        parts.push("dpop=true".into());
    }
    parts.join(", ")
}

fn auth_name(mode: AuthMode) -> &'static str {
    match mode {
        AuthMode::Ssws => "ssws",
        AuthMode::Bearer => "bearer",
        AuthMode::PrivateKey => "private_key",
    }
}

// ---------------------------------------------------------------------------------------
// config show

fn show(global: &GlobalArgs, printer: &Printer, args: &ShowArgs) -> Result<()> {
    let settings = Settings::resolve(global, args.auth_server.as_deref(), &ProcessEnv)?;
    let rows = shown_settings(&settings, &ProcessEnv);
    let file = settings.config_path.as_deref();
    match printer.format {
        OutputFormat::Json => {
            let object: Map<String, Value> = rows
                .iter()
                .map(|r| {
                    (
                        r.name.to_string(),
                        json!({
                            "value": r.value,
                            "source": r.origin.as_ref().map(|o| origin_json(o, file)),
                        }),
                    )
                })
                .collect();
            printer.json(&Value::Object(object))
        }
        _ => {
            let table: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    vec![
                        r.name.to_string(),
                        r.value.clone().unwrap_or_else(|| "-".into()),
                        r.origin
                            .as_ref()
                            .map(|o| origin_text(o, file))
                            .unwrap_or_else(|| "-".into()),
                    ]
                })
                .collect();
            printer.rows(&["SETTING", "VALUE", "SOURCE"], &table)?;
            if let Target::Org {
                credentials: Credentials::Missing { hint },
                ..
            } = &settings.target
            {
                printer.note(format!("No API token configured: {hint}."));
            }
            Ok(())
        }
    }
}

/// One line of `config show`.
struct Shown {
    name: &'static str,
    value: Option<String>,
    origin: Option<Origin>,
}

fn shown_settings(s: &Settings, env: &dyn Environment) -> Vec<Shown> {
    let o = &s.origins;
    let row = |name, value: Option<String>, origin: Option<Origin>| Shown {
        name,
        value,
        origin,
    };
    let secs = |d: std::time::Duration| Some(format!("{}s", d.as_secs()));
    let (org_url, auth, credentials) = match &s.target {
        Target::Sandbox => (
            Some("(local sandbox, started for each command)".to_string()),
            None,
            Some("(built in)".to_string()),
        ),
        Target::Org {
            org_url,
            credentials,
        } => {
            let (auth, creds) = match credentials {
                Credentials::Token { mode, source } => {
                    (Some(auth_name(*mode)), Some(describe_source(source, env)))
                }
                Credentials::ServiceApp(app) => (
                    Some(auth_name(AuthMode::PrivateKey)),
                    Some(describe_service_app(app)),
                ),
                Credentials::Missing { .. } => (Some(auth_name(AuthMode::Ssws)), None),
            };
            (
                Some(org_url.as_str().to_string()),
                auth.map(str::to_string),
                creds,
            )
        }
    };
    let has_creds = credentials.is_some();
    vec![
        row(
            "config_file",
            s.config_path.as_ref().map(|p| {
                let exists = if p.exists() { "" } else { " (does not exist)" };
                format!("{}{exists}", p.display())
            }),
            Some(o.config_path.clone()),
        ),
        row("profile", s.profile.clone(), o.profile.clone()),
        row("org_url", org_url, o.org_url.clone()),
        row("auth", auth, o.auth_mode.clone()),
        row(
            "credentials",
            credentials,
            if has_creds {
                o.credentials.clone()
            } else {
                None
            },
        ),
        row("auth_server", s.auth_server.clone(), o.auth_server.clone()),
        row("timeout", secs(s.http.timeout), Some(o.timeout.clone())),
        row(
            "request_timeout",
            secs(s.http.request_timeout),
            Some(o.request_timeout.clone()),
        ),
        row(
            "connect_timeout",
            secs(s.http.connect_timeout),
            Some(o.connect_timeout.clone()),
        ),
        row(
            "max_retries",
            Some(s.http.max_retries.to_string()),
            Some(o.max_retries.clone()),
        ),
        row(
            "ca_cert",
            s.http.ca_cert.as_ref().map(|p| p.display().to_string()),
            o.ca_cert.clone(),
        ),
    ]
}

/// A token source, without the token: which variable (and whether it is set), which
/// command (not run), or a masked stored token.
fn describe_source(source: &TokenSource, env: &dyn Environment) -> String {
    match source {
        TokenSource::Env(var) => {
            let set = if env.var(var).is_some() {
                "set"
            } else {
                "not set"
            };
            format!("token_env={var} ({set})")
        }
        TokenSource::Inline(_) => format!("token={MASK}"),
        TokenSource::Command(cmd) => format!("token_command={cmd}"),
    }
}

fn origin_text(origin: &Origin, file: Option<&Path>) -> String {
    let file = file.map(|f| f.display().to_string()).unwrap_or_default();
    match origin {
        Origin::Flag(flag) => format!("flag {flag}"),
        Origin::Env(var) => format!("env {var}"),
        Origin::Profile(name) => format!("profile {name} in {file}"),
        Origin::DefaultProfile => format!("default_profile in {file}"),
        Origin::Sandbox => "built-in sandbox profile".into(),
        Origin::Default => "default".into(),
    }
}

fn origin_json(origin: &Origin, file: Option<&Path>) -> Value {
    let file = file.map(|f| f.display().to_string());
    match origin {
        Origin::Flag(flag) => json!({"kind": "flag", "flag": flag}),
        Origin::Env(var) => json!({"kind": "env", "var": var}),
        Origin::Profile(name) => json!({"kind": "profile", "profile": name, "file": file}),
        Origin::DefaultProfile => json!({"kind": "default_profile", "file": file}),
        Origin::Sandbox => json!({"kind": "sandbox"}),
        Origin::Default => json!({"kind": "default"}),
    }
}

// ---------------------------------------------------------------------------------------
// config init

/// Questions for the person at the terminal. A test answers them from a script.
pub trait Ask {
    /// One line; an empty answer takes `default` when there is one.
    fn line(&mut self, question: &str, default: Option<&str>) -> Result<String>;
    /// A secret, read without echo.
    fn secret(&mut self, question: &str) -> Result<Secret>;
    /// Something to tell the person (stderr).
    fn say(&mut self, text: &str);
}

/// Questions on stderr, answers from stdin; secrets through the terminal without echo.
pub struct TerminalAsk;

impl Ask for TerminalAsk {
    fn line(&mut self, question: &str, default: Option<&str>) -> Result<String> {
        match default {
            Some(d) if !d.is_empty() => eprint!("{question} [{d}]: "),
            _ => eprint!("{question}: "),
        }
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        let n = std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .map_err(|e| Error::Aborted(format!("cannot read the answer: {e}")))?;
        if n == 0 {
            eprintln!();
            return Err(Error::Aborted("no answer (end of input)".into()));
        }
        let answer = answer.trim();
        Ok(match default {
            Some(d) if answer.is_empty() => d.to_string(),
            _ => answer.to_string(),
        })
    }

    fn secret(&mut self, question: &str) -> Result<Secret> {
        rpassword::prompt_password(format!("{question}: "))
            .map(Secret::new)
            .map_err(|e| Error::Aborted(format!("cannot read the token: {e}")))
    }

    fn say(&mut self, text: &str) {
        eprintln!("{text}");
    }
}

/// Saves the terminal's settings and puts them back when dropped: if Ctrl-C ends the
/// command while a token is typed with echo off, the shell gets its echo back.
struct RestoreTerminal {
    #[cfg(unix)]
    saved: Option<libc::termios>,
}

impl RestoreTerminal {
    fn save(interactive: bool) -> Self {
        #[cfg(unix)]
        {
            let saved = interactive
                .then(|| {
                    // SAFETY: tcgetattr only writes into the termios we hand it; all-zero
                    // bytes are a valid termios to start from.
                    let mut t: libc::termios = unsafe { std::mem::zeroed() };
                    (unsafe { libc::tcgetattr(libc::STDIN_FILENO, &mut t) } == 0).then_some(t)
                })
                .flatten();
            RestoreTerminal { saved }
        }
        #[cfg(not(unix))]
        {
            let _ = interactive;
            RestoreTerminal {}
        }
    }
}

impl Drop for RestoreTerminal {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(t) = &self.saved {
            // SAFETY: restores settings tcgetattr returned for the same descriptor.
            unsafe {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, t);
            }
        }
    }
}

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

/// What the file holds now, as far as `config init` needs to know.
#[derive(Debug, Default, Clone)]
pub struct Existing {
    pub path: PathBuf,
    pub default_profile: Option<String>,
    pub profiles: std::collections::BTreeMap<String, Profile>,
}

async fn init(global: &GlobalArgs, printer: &Printer, args: &InitArgs) -> Result<()> {
    let path = file_path(global)?;
    let current = read_document(&path)?;
    let is_new = current.is_none();
    let (doc, file) = current.unwrap_or_default();
    let existing = Existing {
        path: path.clone(),
        default_profile: file.default_profile.clone(),
        profiles: file.profiles.clone(),
    };
    let interactive = super::can_prompt(global);
    // Questions and stdin are read on a blocking thread, so Ctrl-C (watched by the
    // runtime) still ends the command; the guard puts the terminal back (echo on) if it
    // comes while a token is being typed.
    let _restore = RestoreTerminal::save(interactive);
    let (g, a, e) = (global.clone(), args.clone(), existing.clone());
    let plan = tokio::task::spawn_blocking(move || {
        let mut terminal = TerminalAsk;
        let ask: Option<&mut dyn Ask> = if interactive {
            Some(&mut terminal)
        } else {
            None
        };
        gather(&g, &a, ask, &e, &mut read_token_stdin)
    })
    .await
    .map_err(|e| Error::Internal(format!("the questions failed: {e}")))??;

    let mut doc = doc;
    apply(&mut doc, &plan, &path)?;
    // The text may hold a token: wipe it when done.
    let text = zeroize::Zeroizing::new(render(&doc, is_new));
    let new_file = parse_config(&text, &path)?;

    if args.no_verify {
        printer.note("Not checking the credentials (--no-verify).");
    } else if let Err(err) = verify(global, printer, &plan, new_file, &path).await {
        let has_server = plan.auth_server.is_some()
            || existing
                .profiles
                .get(&plan.name)
                .is_some_and(|p| p.auth_server.is_some());
        if matches!(&err, Error::Api(api) if api.status == 404) && !has_server {
            printer.note(
                "This server does not list authorization servers (`oktakeys sandbox serve` answers \
                 only the key endpoints): pass --auth-server ID to check with that server's keys.",
            );
        }
        printer.note(format!(
            "Not writing profile `{}`: the check against Okta failed (fix what is below, or pass --no-verify to write it anyway).",
            plan.name
        ));
        return Err(err);
    }

    write_private(&path, &text)?;
    let default_note = if plan.make_default {
        " It is the default profile."
    } else {
        ""
    };
    printer.note(format!(
        "Wrote profile `{}` to {} (mode 0600).{default_note}",
        plan.name,
        path.display()
    ));
    let profile_flag = if plan.make_default {
        String::new()
    } else {
        format!("--profile {} ", plan.name)
    };
    let server = match plan.auth_server.clone().or_else(|| {
        existing
            .profiles
            .get(&plan.name)
            .and_then(|p| p.auth_server.clone())
    }) {
        Some(_) => String::new(),
        None => " --auth-server ID".to_string(),
    };
    printer.note(format!("Next: oktakeys {profile_flag}keys list{server}"));
    if printer.format == OutputFormat::Json {
        printer.json(&json!({
            "profile": plan.name,
            "path": path.display().to_string(),
            "default": plan.make_default,
            "verified": !args.no_verify,
        }))?;
    }
    Ok(())
}

/// The first lines of a config file that `config init` creates.
const NEW_FILE_HEADER: &str = "# oktakeys configuration: profiles for `oktakeys --profile NAME`.\n\
                               # See `oktakeys config --help` and `man oktakeys`.\n\n";

/// The file as an editable document (comments kept) and as settings; an empty document
/// when there is no file yet (`None`).
fn read_document(path: &Path) -> Result<Option<(DocumentMut, ConfigFile)>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(Error::config(format!(
                "cannot read the config file {}: {e}",
                path.display()
            )));
        }
    };
    let file = parse_config(&text, path)?;
    let doc = text.parse::<DocumentMut>().map_err(|e| {
        Error::config(format!(
            "the config file {} is not valid TOML: {}",
            path.display(),
            e.message().trim_end()
        ))
    })?;
    Ok(Some((doc, file)))
}

/// The new text of the file: the edited document, with a header when the file is new.
fn render(doc: &DocumentMut, is_new: bool) -> String {
    if is_new {
        format!("{NEW_FILE_HEADER}{doc}")
    } else {
        doc.to_string()
    }
}

/// Parse config text as oktakeys reads it ([`config::parse_file`]), with what to do.
fn parse_config(text: &str, path: &Path) -> Result<ConfigFile> {
    config::parse_file(text, path).map_err(|e| match e {
        Error::Config { message, .. } => Error::config_hint(
            message,
            "fix it by hand first; `oktakeys config init` edits only a valid file",
        ),
        other => other,
    })
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
    // The profile name.
    let name = match (&global.profile, ask.as_deref_mut()) {
        (Some(name), _) => name.clone(),
        (None, Some(ask)) => ask.line("Profile name", Some("default"))?,
        (None, None) => {
            return Err(Error::Usage(
                "which profile? pass --profile NAME (no terminal to ask on)".into(),
            ));
        }
    };
    check_profile_name(&name)?;
    let current = existing.profiles.get(&name);

    // Replacing a profile needs a yes.
    if current.is_some() && !args.force {
        let question = format!(
            "Profile `{name}` exists in {}. Replace its org URL and credentials?",
            existing.path.display()
        );
        let yes = match ask.as_deref_mut() {
            Some(ask) => yes_no(ask, &question, false)?,
            None => false,
        };
        if !yes {
            return Err(Error::Aborted(format!(
                "not changing profile `{name}`: it exists in {}; pass --force to replace its org URL and credentials",
                existing.path.display()
            )));
        }
    }
    let old = current.cloned().unwrap_or_default();

    // The org URL.
    let org_url = match (&global.org_url, ask.as_deref_mut()) {
        (Some(url), _) => {
            config::parse_org_url(Some(url), Some(&name))?;
            url.trim().to_string()
        }
        (None, Some(ask)) => loop {
            let answer = ask.line(
                "Okta org URL (e.g. https://acme.okta.com)",
                old.org_url.as_deref(),
            )?;
            match config::parse_org_url(Some(&answer), Some(&name)) {
                Ok(_) => break answer.trim().to_string(),
                Err(e) => ask.say(&format!("  {e}")),
            }
        },
        (None, None) => {
            return Err(Error::Usage(
                "which org? pass --org-url URL (no terminal to ask on)".into(),
            ));
        }
    };

    // The auth mode: the flag, else what the credential flags imply, else ask.
    let token_flag = args.token.token_env.is_some()
        || args.token.token_command.is_some()
        || args.token.token_stdin;
    let key_flag =
        args.client_id.is_some() || args.private_key_file.is_some() || args.key_id.is_some();
    let auth = match (args.auth, ask.as_deref_mut()) {
        (Some(mode), _) => mode_of(mode),
        (None, _) if key_flag => AuthMode::PrivateKey,
        (None, _) if token_flag => AuthMode::Ssws,
        (None, Some(ask)) => {
            let default = auth_name(old.auth.unwrap_or(AuthMode::Ssws));
            loop {
                let answer = ask.line(
                    "Auth mode: ssws (API token), bearer (access token), private_key (OAuth service app)",
                    Some(default),
                )?;
                match answer.as_str() {
                    "ssws" => break AuthMode::Ssws,
                    "bearer" => break AuthMode::Bearer,
                    "private_key" => break AuthMode::PrivateKey,
                    _ => ask.say("  answer ssws, bearer or private_key"),
                }
            }
        }
        (None, None) => AuthMode::Ssws,
    };

    let credential = match auth {
        AuthMode::Ssws | AuthMode::Bearer => {
            if key_flag {
                return Err(Error::Usage(
                    "--client-id, --private-key-file and --key-id go with --auth private_key"
                        .into(),
                ));
            }
            token_credential(&name, &args.token, ask.as_deref_mut(), stdin_token)?
        }
        AuthMode::PrivateKey => {
            if token_flag {
                return Err(Error::Usage(
                    "--token-env, --token-command and --token-stdin go with --auth ssws or bearer; \
                     a service app needs --client-id and --private-key-file"
                        .into(),
                ));
            }
            key_credential(args, ask.as_deref_mut(), &old)?
        }
    };

    // The default authorization server: optional.
    let auth_server = match (&args.auth_server, ask.as_deref_mut()) {
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
    };

    // The default profile: asked only when another profile is the default now.
    let default_is_set = existing
        .default_profile
        .as_ref()
        .is_some_and(|d| existing.profiles.contains_key(d) || d == SANDBOX_PROFILE);
    let already_default = existing.default_profile.as_deref() == Some(name.as_str());
    let make_default = if args.default || already_default || !default_is_set {
        true
    } else {
        match ask {
            Some(ask) => {
                let current = existing.default_profile.clone().unwrap_or_default();
                yes_no(
                    ask,
                    &format!("Make `{name}` the default profile (instead of `{current}`)?"),
                    false,
                )?
            }
            None => false,
        }
    };

    Ok(Plan {
        name,
        org_url,
        auth,
        credential,
        auth_server,
        make_default,
    })
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

fn yes_no(ask: &mut dyn Ask, question: &str, default: bool) -> Result<bool> {
    let hint = if default { "Y/n" } else { "y/N" };
    loop {
        let answer = ask.line(&format!("{question} ({hint})"), None)?;
        match answer.trim().to_ascii_lowercase().as_str() {
            "" => return Ok(default),
            "y" | "yes" => return Ok(true),
            "n" | "no" => return Ok(false),
            _ => ask.say("  answer y or n"),
        }
    }
}

fn mode_of(mode: AuthModeArg) -> AuthMode {
    match mode {
        AuthModeArg::Ssws => AuthMode::Ssws,
        AuthModeArg::Bearer => AuthMode::Bearer,
        AuthModeArg::PrivateKey => AuthMode::PrivateKey,
    }
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

/// `--token-stdin`: the whole of stdin, trimmed; it must not be empty. Typed on a
/// terminal (with `--no-input`), it is read without echo.
fn read_token_stdin() -> Result<Secret> {
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        let token = rpassword::prompt_password("API token (not shown as you type): ")
            .map(Secret::new)
            .map_err(|e| Error::Usage(format!("--token-stdin: cannot read the token: {e}")))?;
        let trimmed = token.expose().trim();
        if trimmed.is_empty() {
            return Err(Error::Usage("--token-stdin: the token was empty".into()));
        }
        return Ok(Secret::new(trimmed));
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(MAX_TOKEN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Usage(format!("--token-stdin: cannot read stdin: {e}")))?;
    let text = Secret::new(String::from_utf8_lossy(&bytes).into_owned());
    zeroize::Zeroize::zeroize(&mut bytes);
    if text.expose().len() as u64 > MAX_TOKEN_BYTES {
        return Err(Error::Usage(
            "--token-stdin: stdin is larger than 64 KiB; that is not a token".into(),
        ));
    }
    let token = text.expose().trim();
    if token.is_empty() {
        return Err(Error::Usage("--token-stdin: stdin was empty".into()));
    }
    if token.contains('\n') {
        return Err(Error::Usage(
            "--token-stdin: stdin holds more than one line; pipe only the token".into(),
        ));
    }
    Ok(Secret::new(token))
}

/// Write the plan into the document: the profile's org URL, auth mode and credential
/// keys are set (other credential keys removed, so no older source shadows the new one);
/// every other key, profile and comment is kept.
pub fn apply(doc: &mut DocumentMut, plan: &Plan, path: &Path) -> Result<()> {
    let not_a_table = |what: &str| {
        Error::config(format!(
            "`{what}` in {} is not a table; fix the file by hand",
            path.display()
        ))
    };
    if plan.make_default {
        doc["default_profile"] = value(plan.name.clone());
    }
    let profiles = doc
        .entry("profiles")
        .or_insert_with(|| {
            let mut t = Table::new();
            t.set_implicit(true);
            Item::Table(t)
        })
        .as_table_mut()
        .ok_or_else(|| not_a_table("profiles"))?;
    let profile = profiles
        .entry(&plan.name)
        .or_insert_with(|| Item::Table(Table::new()))
        .as_table_mut()
        .ok_or_else(|| not_a_table(&format!("profiles.{}", plan.name)))?;

    profile.insert("org_url", value(plan.org_url.clone()));
    if let Some(server) = &plan.auth_server {
        profile.insert("auth_server", value(server.clone()));
    }
    match plan.auth {
        AuthMode::Ssws => {
            profile.remove("auth");
        }
        mode => {
            profile.insert("auth", value(auth_name(mode)));
        }
    }
    for key in [
        "token",
        "token_env",
        "token_command",
        "client_id",
        "private_key_file",
        "private_key_env",
        "private_key_command",
        "key_id",
    ] {
        profile.remove(key);
    }
    match &plan.credential {
        NewCredential::TokenEnv(var) => {
            profile.insert("token_env", value(var.clone()));
        }
        NewCredential::TokenCommand(cmd) => {
            profile.insert("token_command", value(cmd.clone()));
        }
        NewCredential::Token(token) => {
            profile.insert("token", value(token.expose()));
        }
        NewCredential::PrivateKey {
            client_id,
            private_key_file,
            key_id,
        } => {
            profile.insert("client_id", value(client_id.clone()));
            profile.insert(
                "private_key_file",
                value(private_key_file.display().to_string()),
            );
            if let Some(kid) = key_id {
                profile.insert("key_id", value(kid.clone()));
            }
        }
    }
    Ok(())
}

/// One read-only request with the new profile's own settings (the environment's
/// OKTA_ORG_URL / OKTA_API_TOKEN must not stand in for them): the key list of its
/// authorization server, or else the list of authorization servers.
async fn verify(
    global: &GlobalArgs,
    printer: &Printer,
    plan: &Plan,
    file: ConfigFile,
    path: &Path,
) -> Result<()> {
    let only_this_profile = GlobalArgs {
        profile: Some(plan.name.clone()),
        org_url: None,
        ..global.clone()
    };
    let no_overrides: std::collections::BTreeMap<&str, &str> = Default::default();
    let settings = Settings::from_parts(
        &only_this_profile,
        None,
        &no_overrides,
        Some(file),
        Some(path.to_path_buf()),
    )?;
    let Target::Org {
        org_url,
        credentials,
    } = &settings.target
    else {
        return Ok(());
    };
    // The secret itself is read from where the profile says (token_env: this environment).
    let auth = Authenticator::from_credentials(credentials, &ProcessEnv)?;
    let client = Client::new(
        &settings.http,
        org_url.clone(),
        auth,
        crate::client::Progress::detect(global.quiet),
    )?;
    let request = match &settings.auth_server {
        Some(server) => requests::list(server),
        None => Request::new(Method::GET, &["api", "v1", "authorizationServers"]),
    };
    let url = request.url(org_url);
    printer.note(format!("Checking the credentials: GET {url}"));
    let response = client.send(&request).await?;
    printer.note(format!("  OK ({})", response.status));
    Ok(())
}

/// Write the file with mode 0600 (its directory, when created, 0700), atomically: a
/// temporary file in the same directory, then a rename, so a crash never leaves half a
/// config. A symlinked config file is followed and its target replaced.
fn write_private(path: &Path, text: &str) -> Result<()> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let fail = |what: &str, e: std::io::Error| {
        Error::config(format!("cannot {what} {}: {e}", target.display()))
    };
    if !dir.exists() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder
            .create(&dir)
            .map_err(|e| fail("create the directory for", e))?;
    }
    let file_name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "config.toml".into());
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&tmp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&tmp, &target)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail("write", e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn apply_keeps_comments_and_other_profiles_and_replaces_old_sources() {
        let before = "\
# my profiles
default_profile = \"prod\"

[profiles.prod]  # production
org_url = \"https://prod.okta.com\"
token_env = \"PROD\"
timeout = 30 # slow proxy

[profiles.dev]
org_url = \"https://dev.okta.com\"
token_command = \"pass show dev\"
";
        let mut doc: DocumentMut = before.parse().unwrap();
        let plan = Plan {
            name: "dev".into(),
            org_url: "https://dev2.okta.com".into(),
            auth: AuthMode::Bearer,
            credential: NewCredential::TokenEnv("DEV_TOKEN".into()),
            auth_server: Some("ausDEV".into()),
            make_default: false,
        };
        apply(&mut doc, &plan, Path::new("c.toml")).unwrap();
        let after = doc.to_string();
        assert_eq!(
            after,
            "\
# my profiles
default_profile = \"prod\"

[profiles.prod]  # production
org_url = \"https://prod.okta.com\"
token_env = \"PROD\"
timeout = 30 # slow proxy

[profiles.dev]
org_url = \"https://dev2.okta.com\"
auth_server = \"ausDEV\"
auth = \"bearer\"
token_env = \"DEV_TOKEN\"
"
        );
        assert!(parse_config(&after, Path::new("c.toml")).is_ok());
    }

    #[test]
    fn apply_to_a_new_file_sets_the_default() {
        let current = read_document(Path::new("/nonexistent/oktakeys/config.toml")).unwrap();
        assert!(current.is_none());
        let mut doc = DocumentMut::new();
        let plan = Plan {
            name: "svc".into(),
            org_url: "https://a.okta.com".into(),
            auth: AuthMode::PrivateKey,
            credential: NewCredential::PrivateKey {
                client_id: "0oa1".into(),
                private_key_file: "/k/svc.pem".into(),
                key_id: None,
            },
            auth_server: None,
            make_default: true,
        };
        apply(&mut doc, &plan, Path::new("c.toml")).unwrap();
        let text = render(&doc, true);
        assert!(text.starts_with("# oktakeys configuration"), "{text}");
        assert!(text.contains("default_profile = \"svc\"\n"), "{text}");
        assert!(
            text.contains(
                "[profiles.svc]\norg_url = \"https://a.okta.com\"\nauth = \"private_key\"\nclient_id = \"0oa1\"\nprivate_key_file = \"/k/svc.pem\"\n"
            ),
            "{text}"
        );
        let file = parse_config(&text, Path::new("c.toml")).unwrap();
        assert_eq!(file.default_profile.as_deref(), Some("svc"));
    }

    #[test]
    fn credential_sources_mask_the_token() {
        let p: Profile = toml::from_str(
            "org_url = \"https://a.okta.com\"\ntoken = \"00secret\"\ntoken_env = \"X\"\n",
        )
        .unwrap();
        assert_eq!(
            credential_sources(&p),
            vec![("token", MASK.to_string()), ("token_env", "X".to_string())]
        );
    }
}
