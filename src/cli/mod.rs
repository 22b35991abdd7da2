//! The whole command line, as clap derive types. Parsing and normalising only: no I/O.
//!
//! This file holds the top level (`Cli`, the global options, parsing); each command group
//! has its own file with its arguments and help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum, ValueHint};

use crate::env;

mod completion;
mod config;
mod doctor;
mod help;
mod keys;
mod policy;
mod ring;
mod sandbox;
mod servers;
mod token;

pub use completion::CompletionArgs;
pub use config::{
    AuthMode, ConfigArgs, ConfigCommand, DeleteProfileArgs, InitArgs, ShowArgs, TokenSourceArgs,
};
pub use doctor::DoctorArgs;
pub use help::{ENVIRONMENT, EXIT_CODES};
use help::{root_after_help, root_after_long_help};
pub use keys::{
    AddArgs, AuditArgs, DeleteArgs, FleetArgs, GenerateArgs, Kdf, KeysArgs, KeysCommand, ListArgs,
    MatchArgs, MutateArgs, PrivateKeyFormat, RotateArgs, VerifyArgs,
};
pub use policy::{ApplyArgs, PlanArgs, PolicyArgs, PolicyCommand};
pub use ring::{RingArg, RingArgs, RingCheckArgs, RingCommand, RingExportArgs, RingPruneArgs};
pub use sandbox::{
    SandboxArgs, SandboxCommand, SandboxFailWith, SandboxResetArgs, SandboxServeArgs,
};
pub use servers::{EncryptionCommand, ServersArgs, ServersCommand};
pub use token::{DecryptArgs, TokenArgs, TokenCommand};

/// `-V`: the version, the commit and the build date.
const SHORT_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("OKTAKEYS_COMMIT"),
    " ",
    env!("OKTAKEYS_BUILD_DATE"),
    ")"
);

/// `--version`: one fact a line, for bug reports.
const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\ncommit: ",
    env!("OKTAKEYS_COMMIT"),
    "\nbuilt: ",
    env!("OKTAKEYS_BUILD_DATE"),
    "\ntarget: ",
    env!("OKTAKEYS_TARGET"),
);

#[derive(Debug, Parser)]
#[command(
    name = "oktakeys",
    version = SHORT_VERSION,
    long_version = LONG_VERSION,
    about = "Manage the public JSON Web Keys (resource server credentials) of Okta custom authorization servers",
    long_about = None,
    after_help = root_after_help(),
    after_long_help = root_after_long_help(),
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args, Default)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Profile from the config file (the name `sandbox` starts a local sandbox when not configured)
    #[arg(
        short,
        long,
        global = true,
        env = env::PROFILE,
        value_name = "NAME"
    )]
    pub profile: Option<String>,

    /// Config file to read instead of the default (`oktakeys config path` shows which is used)
    #[arg(
        long,
        global = true,
        env = env::CONFIG,
        value_name = "PATH",
        value_hint = ValueHint::FilePath
    )]
    pub config: Option<PathBuf>,

    /// Okta org URL, e.g. https://acme.okta.com (env: OKTA_ORG_URL, OKTA_CLIENT_ORGURL)
    #[arg(long, global = true, value_name = "URL", value_hint = ValueHint::Url)]
    pub org_url: Option<String>,

    /// When the environment (OKTA_ORG_URL, OKTA_CLIENT_ORGURL) names another org than the
    /// --profile: act on the profile's org (its settings beat OKTA_* variables) or the
    /// environment's. Without it such a run is refused (exit 3)
    #[arg(long, global = true, value_enum, value_name = "WHERE")]
    pub org_from: Option<OrgFrom>,

    /// Output format: table for people, json (Okta's raw JSON) for pipelines, id for xargs,
    /// jwks (`keys list`: a standard JWKS of the public members)
    #[arg(
        id = "output",
        short = 'o',
        long = "output",
        global = true,
        value_enum,
        value_name = "FORMAT"
    )]
    pub format: Option<FormatArg>,

    /// The output format the commands print in, from `-o` and `--jq` (filled in by
    /// [`parse`]): `-o jwks` is JSON output with `jwks` set.
    #[arg(skip)]
    pub output: Option<OutputFormat>,

    /// `-o jwks` (`keys list` only): the listing as a JWKS of the keys' public members.
    #[arg(skip)]
    pub jwks: bool,

    /// Filter the JSON output with a jq expression (implies -o json); strings print raw,
    /// one per line, other values as compact JSON, e.g. --jq '.[].kid'
    #[arg(long, global = true, value_name = "EXPR")]
    pub jq: Option<String>,

    /// Limit for the whole command, in seconds [default: 120]
    #[arg(long, global = true, env = env::TIMEOUT, value_name = "SECS")]
    pub timeout: Option<u64>,

    /// Limit for one HTTP request, in seconds [default: 30]
    #[arg(
        long,
        global = true,
        env = env::REQUEST_TIMEOUT,
        value_name = "SECS"
    )]
    pub request_timeout: Option<u64>,

    /// Limit for opening a connection, in seconds [default: 10]
    #[arg(
        long,
        global = true,
        env = env::CONNECT_TIMEOUT,
        value_name = "SECS"
    )]
    pub connect_timeout: Option<u64>,

    /// Retries after a rate limit (429), a 5xx or a dropped connection [default: 4]
    #[arg(long, global = true, env = env::MAX_RETRIES, value_name = "N")]
    pub max_retries: Option<u32>,

    /// The most of each Okta rate-limit window oktakeys uses, in percent, counting its
    /// requests in flight; the org's other clients keep the rest [default: 50]
    #[arg(
        long,
        global = true,
        env = env::MAX_API_CAPACITY,
        value_name = "PERCENT",
        value_parser = clap::value_parser!(u8).range(1..=100)
    )]
    pub max_api_capacity: Option<u8>,

    /// Extra CA certificate (PEM) to trust, for corporate TLS proxies (also: SSL_CERT_FILE)
    #[arg(long, global = true, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub ca_cert: Option<PathBuf>,

    /// More logging on stderr: -v one line per request, -vv headers (secrets redacted), -vvv bodies
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// When to use colour
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print only data and errors: no progress or confirmations of success
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Never prompt (also when the CI environment variable is set)
    #[arg(long, global = true)]
    pub no_input: bool,

    /// Service apps: do not keep OAuth access tokens between runs (in the user cache dir)
    #[arg(long, global = true, env = env::NO_TOKEN_CACHE,
          value_parser = boolish)]
    pub no_token_cache: bool,
    /// Which of the arguments above (and `--auth-server`) clap took from an environment
    /// variable rather than a flag; filled in by [`parse`], for `config show`.
    #[arg(skip)]
    pub env_origins: EnvOrigins,
    /// The subcommands given (`keys list`), filled in by [`parse`]: what the live line
    /// names.
    #[arg(skip)]
    pub command_name: String,
}

impl GlobalArgs {
    /// The options that choose the org and how to reach it, as given, for the commands
    /// printed for people to run (`hint`): a hint without them could act elsewhere.
    pub fn for_hints(&self) -> Vec<String> {
        let mut args = Vec::new();
        if let Some(profile) = &self.profile {
            args.extend(["--profile".to_string(), profile.clone()]);
        }
        if let Some(config) = &self.config {
            args.extend(["--config".to_string(), config.display().to_string()]);
        }
        if let Some(url) = &self.org_url {
            args.extend(["--org-url".to_string(), url.clone()]);
        }
        if let Some(from) = self.org_from.and_then(|f| f.to_possible_value()) {
            args.extend(["--org-from".to_string(), from.get_name().to_string()]);
        }
        if let Some(ca) = &self.ca_cert {
            args.extend(["--ca-cert".to_string(), ca.display().to_string()]);
        }
        args
    }
}

/// Arguments whose value came from their environment variable (`env = …`), by arg id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvOrigins(std::collections::BTreeMap<String, String>);

impl EnvOrigins {
    /// The environment variable that gave arg `id` its value, if one did.
    pub fn var(&self, id: &str) -> Option<&str> {
        self.0.get(id).map(String::as_str)
    }

    /// Record that arg `id` took its value from `var`.
    pub fn insert(&mut self, id: impl Into<String>, var: impl Into<String>) {
        self.0.insert(id.into(), var.into());
    }

    /// Walk the matched subcommands and note every arg whose value clap read from the
    /// environment. Works for whatever args the tree holds.
    fn collect(cmd: &clap::Command, matches: &clap::ArgMatches, into: &mut EnvOrigins) {
        for arg in cmd.get_arguments() {
            let (Some(var), id) = (arg.get_env(), arg.get_id().as_str()) else {
                continue;
            };
            if matches.value_source(id) == Some(clap::parser::ValueSource::EnvVariable) {
                into.insert(id, var.to_string_lossy());
            }
        }
        if let Some((name, sub_matches)) = matches.subcommand()
            && let Some(sub) = cmd.find_subcommand(name)
        {
            Self::collect(sub, sub_matches, into);
        }
    }
}

/// Parse the process's arguments (exiting on a usage error, as clap does), and note which
/// values came from environment variables.
pub fn parse() -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    let mut cmd = help::for_help(Cli::command());
    let matches = cmd.clone().try_get_matches()?;
    let mut cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))?;
    resolve_output(&mut cli)
        .map_err(|message| cmd.error(clap::error::ErrorKind::ArgumentConflict, message))?;
    EnvOrigins::collect(&cmd, &matches, &mut cli.global.env_origins);
    let mut names = Vec::new();
    let mut level = &matches;
    while let Some((name, sub)) = level.subcommand() {
        names.push(name);
        level = sub;
    }
    cli.global.command_name = names.join(" ");
    Ok(cli)
}

impl GlobalArgs {
    /// Errors as one JSON object on stderr: only when `-o json` (or `-o jwks`) was asked
    /// for. `--jq` alone filters the output, not the errors: those stay plain text.
    pub fn json_errors(&self) -> bool {
        matches!(self.format, Some(FormatArg::Json | FormatArg::Jwks))
    }
}

/// The output format from `-o` and `--jq`: `--jq` filters JSON, so it implies `-o json`
/// and refuses the others; `-o jwks` is JSON output of `keys list` only.
fn resolve_output(cli: &mut Cli) -> Result<(), String> {
    let global = &mut cli.global;
    if global.jq.is_some()
        && let Some(other) = global.format.filter(|f| *f != FormatArg::Json)
    {
        return Err(format!(
            "--jq filters JSON output; it cannot be used with -o {}",
            other
                .to_possible_value()
                .map_or("?".into(), |v| v.get_name().to_string())
        ));
    }
    let is_list = matches!(
        &cli.command,
        Command::Keys(KeysArgs {
            command: KeysCommand::List(_),
            ..
        })
    );
    if global.format == Some(FormatArg::Jwks) && !is_list {
        return Err("-o jwks is for `keys list` only".into());
    }
    global.jwks = global.format == Some(FormatArg::Jwks);
    global.output = match global.format {
        None if global.jq.is_some() => Some(OutputFormat::Json),
        None => None,
        Some(FormatArg::Table) => Some(OutputFormat::Table),
        Some(FormatArg::Json | FormatArg::Jwks) => Some(OutputFormat::Json),
        Some(FormatArg::Id) => Some(OutputFormat::Id),
    };
    Ok(())
}

/// Whether the raw arguments ask for `-o json`, for reporting an error clap found
/// before there was a parsed `Cli` to ask.
pub fn asks_for_json<I, S>(args: I) -> bool
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut previous_was_flag = false;
    let mut asks = false;
    for arg in args {
        let arg = arg.as_ref().to_string_lossy();
        if arg == "--" {
            break;
        }
        if previous_was_flag {
            asks = arg == "json";
        } else if let Some(value) = arg.strip_prefix("--output=").or(arg.strip_prefix("-o"))
            && !value.is_empty()
        {
            asks = value.trim_start_matches('=') == "json";
        }
        previous_was_flag = arg == "-o" || arg == "--output";
    }
    asks
}

/// How the commands print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Table,
    Json,
    Id,
}

/// The values of `-o`, resolved into [`OutputFormat`] by [`parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Table,
    Json,
    Id,
    /// `keys list` only: `{"keys":[…]}` with kty, kid, use, e, n (and alg).
    Jwks,
}

/// `--org-from`: which org a run acts on when the named profile and the environment disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OrgFrom {
    /// The profile's org and settings; Okta's variables only fill what it leaves unset
    Profile,
    /// The environment's org and credentials, beating the profile's (as without --profile)
    Env,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List, add, activate, deactivate and delete an authorization server's public keys
    Keys(KeysArgs),

    /// List authorization servers; turn access-token encryption on or off
    Servers(ServersArgs),

    /// Decrypt an encrypted access token and check it
    Token(TokenArgs),

    /// Show what `apply` would change to bring the servers to the policy file (reads only)
    Plan(PlanArgs),

    /// Bring the servers to the policy file: rotate, gate, activate, encrypt, verify, retire
    Apply(ApplyArgs),

    /// The policy file of plan and apply: its JSON Schema
    Policy(PolicyArgs),

    /// Create profiles, list them, and show which settings apply and where they come from
    Config(ConfigArgs),

    /// Run a local Okta-compatible server for trying oktakeys and for tests
    Sandbox(SandboxArgs),

    /// Check the setup: config file, profile, credentials, the org, scopes, clock, servers
    #[command(after_help = doctor::DOCTOR_HELP)]
    Doctor(DoctorArgs),

    /// Print a shell completion script
    #[command(after_help = completion::COMPLETION_HELP)]
    Completion(CompletionArgs),

    /// (internal) Apply a --jq filter to the JSON on stdin: oktakeys runs its filters in a
    /// process of their own, bounded in memory and time
    #[command(name = "__jq-filter", hide = true)]
    JqFilter(JqFilterArgs),

    /// The global options in full: they may stand anywhere on the line, for any command
    #[command(
        name = help::GLOBALS,
        hide = true,
        after_help = "Examples:\n  oktakeys help globals\n  oktakeys keys list -p prod -o json --timeout 30"
    )]
    Globals,
}

/// The hidden `__jq-filter` command's one argument.
#[derive(Debug, clap::Args)]
pub struct JqFilterArgs {
    /// The jq expression (already checked)
    pub expr: String,
}

/// `oktakeys help globals`: the global options in full, as that help shows them.
pub fn globals_help() -> String {
    use clap::CommandFactory;
    let mut cmd = help::for_help(Cli::command());
    cmd.build();
    match cmd.find_subcommand_mut(help::GLOBALS) {
        Some(globals) => globals.render_long_help().to_string(),
        None => String::new(),
    }
}

/// A yes/no from the environment: 1/0, true/false, yes/no, on/off; empty is no.
fn boolish(value: &str) -> Result<bool, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "0" | "false" | "no" | "off" => Ok(false),
        "1" | "true" | "yes" | "on" => Ok(true),
        _ => Err("expected true or false (or 1/0, yes/no, on/off)".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn json_output_is_found_in_raw_arguments() {
        for yes in [
            &["keys", "list", "-o", "json"][..],
            &["--output", "json", "keys"],
            &["--output=json"],
            &["-ojson"],
            &["-o=json"],
            &["-o", "table", "-o", "json"],
        ] {
            assert!(asks_for_json(yes), "{yes:?}");
        }
        for no in [
            &["keys", "list"][..],
            &["-o", "table"],
            &["-o", "json", "-o", "id"],
            &["--", "-o", "json"],
            &["--kid", "json"],
        ] {
            assert!(!asks_for_json(no), "{no:?}");
        }
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    /// The parsed command line is safe to log: the one flag that takes a secret (the
    /// sandbox's token) holds it in a `Secret`.
    #[test]
    fn debug_of_the_parsed_command_line_shows_no_token() {
        let cli = Cli::try_parse_from(["oktakeys", "sandbox", "serve", "--token", "00sbxSECRET"])
            .unwrap();
        let shown = format!("{cli:?}");
        assert!(!shown.contains("00sbxSECRET"), "{shown}");
        assert!(shown.contains("[REDACTED]"), "{shown}");
    }

    /// Every command has an about and a realistic example, every flag a help line: the
    /// tree is walked, so a new command or flag without them fails here.
    #[test]
    fn every_command_and_flag_teaches() {
        fn check(cmd: &clap::Command, path: &str, problems: &mut Vec<String>) {
            if cmd
                .get_about()
                .is_none_or(|a| a.to_string().trim().is_empty())
            {
                problems.push(format!("{path}: no about (doc comment)"));
            }
            let after = cmd
                .get_after_help()
                .map(|a| a.to_string())
                .unwrap_or_default();
            let example = after.split_once("Examples:\n").is_some_and(|(_, ex)| {
                ex.lines()
                    .any(|l| l.starts_with("  oktakeys ") || l.contains(" oktakeys "))
            });
            if let Some(long) = after.lines().find(|l| l.chars().count() > 100) {
                problems.push(format!(
                    "{path}: after_help line over 100 columns (clap would wrap it): {long}"
                ));
            }
            if !example {
                problems.push(format!(
                    "{path}: no `Examples:` with an oktakeys command in after_help"
                ));
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                if arg
                    .get_help()
                    .is_none_or(|h| h.to_string().trim().is_empty())
                {
                    problems.push(format!("{path}: argument `{id}` has no help"));
                }
            }
            // Hidden commands (`__jq-filter`, run by oktakeys itself) teach nobody.
            for sub in cmd
                .get_subcommands()
                .filter(|s| s.get_name() != "help" && !s.is_hide_set())
            {
                check(sub, &format!("{path} {}", sub.get_name()), problems);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut problems = Vec::new();
        check(&cmd, "oktakeys", &mut problems);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn values_from_the_environment_are_told_apart_from_flags() {
        let mut cmd = Cli::command();
        cmd.build();
        // `env = …` is read by clap from the process environment; simulate it with
        // explicit matches instead of touching the environment of the test process.
        let matches = cmd
            .clone()
            .try_get_matches_from([
                "oktakeys",
                "--profile",
                "p",
                "keys",
                "list",
                "--auth-server",
                "a",
            ])
            .unwrap();
        let mut origins = EnvOrigins::default();
        EnvOrigins::collect(&cmd, &matches, &mut origins);
        assert_eq!(origins, EnvOrigins::default(), "flags are not env");
    }
}
