//! Glue from parsed arguments to API calls and output; one file per command group.

use std::io::{BufRead, IsTerminal, Write};

use crate::cli::{Cli, Command, GlobalArgs, KeysArgs, KeysCommand};
use crate::env;
use crate::error::{Error, Result};

mod audit;
mod auth_server;
mod complete_values;
pub mod completion;
pub mod config;
mod connection;
mod doctor;
mod fleet;
pub mod generate;
mod inspect;
mod key_match;
mod key_source;
pub mod keys;
mod policy;
mod private_key;
mod retirement;
mod ring;
mod rollback;
pub mod rotate;
pub mod sandbox;
mod servers;
mod stdin;
mod token;
mod verify;

pub async fn dispatch(cli: Cli) -> Result<()> {
    init_logging(cli.global.verbose);
    crate::progress::init(cli.global.quiet, &cli.global.command_name);
    // A bad `--jq` is a usage error before anything is read or sent.
    if let Some(expr) = &cli.global.jq {
        crate::output::check_jq(expr)?;
    }
    match cli.command {
        // Offline: no profile, no client.
        Command::Keys(KeysArgs {
            command: KeysCommand::Generate(generate),
            ..
        }) => generate::run(&cli.global, &generate).await,
        Command::Keys(KeysArgs {
            command: KeysCommand::Rotate(rotate),
            auth_server,
            ..
        }) => rotate::run(&cli.global, auth_server, rotate).await,
        Command::Keys(KeysArgs {
            command: KeysCommand::Audit(audit),
            auth_server,
            ..
        }) => audit::run(&cli.global, auth_server, audit).await,
        Command::Keys(KeysArgs {
            command: KeysCommand::Verify(verify),
            auth_server,
            ..
        }) => verify::run(&cli.global, single(&auth_server)?, verify).await,
        Command::Keys(KeysArgs {
            command: KeysCommand::Match(args),
            auth_server,
            ..
        }) => key_match::run(&cli.global, single(&auth_server)?, args).await,
        Command::Keys(KeysArgs {
            command: KeysCommand::Ring(args),
            auth_server,
            ..
        }) => ring::run(&cli.global, single(&auth_server)?, args).await,
        Command::Keys(args) => keys::run(&cli.global, args).await,
        Command::Servers(args) => servers::run(&cli.global, args).await,
        Command::Token(args) => token::run(&cli.global, args).await,
        Command::Plan(args) => policy::plan(&cli.global, &args).await,
        Command::Apply(args) => policy::apply(&cli.global, &args).await,
        Command::Policy(args) => policy::run(&cli.global, &args),
        Command::Config(args) => config::run(&cli.global, args).await,
        Command::Doctor(args) => doctor::run(&cli.global, &args).await,
        Command::Completion(args) => completion::run(&args),
        // Run by `lib::run` before the runtime starts; never dispatched.
        Command::JqFilter(args) => crate::output::run_jq_filter(&args.expr),
        Command::Globals => crate::output::write_stdout(&crate::cli::globals_help()),
        Command::Sandbox(args) => sandbox::run(&cli.global, args).await,
    }
}

/// The one `--auth-server` of a `keys` command that acts on one server.
fn single(auth_server: &[String]) -> Result<Option<&str>> {
    match auth_server {
        [] => Ok(None),
        [one] => Ok(Some(one)),
        many => Err(Error::Usage(format!(
            "--auth-server is given {} times; only `keys rotate` acts on several servers",
            many.len()
        ))),
    }
}

/// `-v` one line per request, `-vv` headers (secrets redacted), `-vvv` bodies; on stderr.
/// Nothing is set up without `-v`, so a plain run pays nothing for logging.
fn init_logging(verbose: u8) {
    let level = match verbose {
        0 => return,
        1 => tracing::Level::INFO,
        2 => tracing::Level::DEBUG,
        _ => tracing::Level::TRACE,
    };
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    // Only oktakeys' own events: the libraries' (hyper, h2, rustls) could print header
    // frames that the redaction in `http` never sees.
    let ours = tracing_subscriber::filter::Targets::new().with_target("oktakeys", level);
    let _ = tracing_subscriber::fmt()
        .with_writer(|| LogWriter)
        // A closed stderr must not end the command: tracing drops the line instead of
        // reporting the failed write with `eprintln!`, which would panic.
        .log_internal_errors(false)
        .with_max_level(level)
        .with_target(false)
        .with_level(false)
        .with_ansi(false)
        .without_time()
        .finish()
        .with(ours)
        .try_init();
}

/// Where log lines go: stderr, with anything a terminal would act on escaped (`-vvv`
/// shows Okta's bodies as received). Failed writes are dropped: a closed stderr must not
/// end the command.
struct LogWriter;

impl Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        // Above the live line, like every other line for people.
        crate::progress::write_raw_above(&crate::escape::escape_text(&text));
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = std::io::stderr().flush();
        Ok(())
    }
}

/// May we ask the person a question? Not with `--no-input`, not under CI, and only when
/// both stdin and stderr are a terminal.
pub fn can_prompt(global: &GlobalArgs) -> bool {
    !global.no_input
        && std::env::var_os(env::CI).is_none_or(|v| v.is_empty())
        && std::io::stdin().is_terminal()
        && std::io::stderr().is_terminal()
}

/// [`confirm`] a change to an org: the question names the server, this names the org, so
/// no prompt about a change on Okta leaves either out.
pub async fn confirm_on_org(
    global: &GlobalArgs,
    yes: bool,
    org: &url::Url,
    question: &str,
    refusal: &str,
) -> Result<()> {
    let org = org.as_str().trim_end_matches('/');
    confirm(global, yes, &format!("On org {org}: {question}"), refusal).await
}

/// Ask before a destructive step. `--yes` skips the question; with no terminal to ask on,
/// refuse (exit 9) and name `--yes`. Never proceeds silently.
pub async fn confirm(global: &GlobalArgs, yes: bool, question: &str, refusal: &str) -> Result<()> {
    if yes {
        return Ok(());
    }
    if !can_prompt(global) {
        return Err(Error::Aborted(format!(
            "{refusal}: confirmation needed but there is no terminal to ask on (or --no-input/CI is set); pass --yes to proceed"
        )));
    }
    crate::output::write_prompt(question);
    // Read on a blocking thread so Ctrl-C (watched by the runtime) still ends the command;
    // a person thinking does not count against --timeout.
    let answer = crate::deadline::off_the_clock(tokio::task::spawn_blocking(|| {
        let mut answer = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .map(|_| answer)
    }))
    .await
    .map_err(|e| Error::Internal(format!("prompt failed: {e}")))?
    .map_err(|e| Error::Aborted(format!("{refusal}: cannot read the answer ({e})")))?;
    match answer.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" => Ok(()),
        _ => Err(Error::Aborted(format!("{refusal}: not confirmed"))),
    }
}
