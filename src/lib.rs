//! oktakeys: manage the public JSON Web Keys of Okta custom authorization servers.
//!
//! Data flows one way: `cli` (parse) → `config` (resolve settings) → `client` (`http` + `auth`)
//! → `api` (typed calls) → `output` (render). `commands/` is the glue per command group.
//! Key material (`keymaterial`) and the sandbox (`oktakeys_sandbox`) are crates of their own.

// Private: the compiler then points out what nothing uses. The binary needs only what is
// re-exported below; the integration tests run the binary (and the man-page test reads
// the command tree).
mod api;
mod auth;
mod cli;
mod client;
mod commands;
mod config;
mod deadline;
mod env;
mod error;
mod escape;
mod files;
mod hint;
mod http;
mod ids;
mod output;
mod passphrase;
mod policy;
mod progress;
mod ring;
mod rotate;
mod shell;
mod signals;
mod time;

pub use cli::{Cli, ENVIRONMENT, EXIT_CODES, OutputFormat, asks_for_json, parse as parse_args};
pub use commands::completion::{complete_from_env, script as completion_script};
pub use error::{Error, Result};
pub use output::{report_error, report_usage_error};

/// Run one parsed command line to completion on a current-thread runtime.
pub fn run(cli: cli::Cli) -> Result<()> {
    // The process that runs a `--jq` filter for its parent: no runtime, nothing else.
    if let cli::Command::JqFilter(args) = &cli.command {
        return output::run_jq_filter(&args.expr);
    }
    signals::note_arrivals();
    hint::set_globals(cli.global.for_hints());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Internal(format!("cannot start the async runtime: {e}")))?;
    // `sandbox serve` stops cleanly on either signal, and may take a moment to: nothing
    // else may turn that into an interruption.
    let stops_itself = matches!(
        &cli.command,
        cli::Command::Sandbox(cli::SandboxArgs {
            command: cli::SandboxCommand::Serve(_)
        })
    );
    // The flag's or environment's limit until a profile's is known (`Settings::resolve`).
    deadline::set(std::time::Duration::from_secs(
        cli.global.timeout.unwrap_or(config::DEFAULT_TIMEOUT_SECS),
    ));
    let result = runtime.block_on(async {
        if stops_itself {
            return commands::dispatch(cli).await;
        }
        // Biased: a command that watches the signals itself (rotate), or its own deadline
        // (a request), gets to report first. Dropping the command's future kills the
        // user commands it runs (`shell`).
        let stop = signals::stop();
        let stop = async move { (stop.await, deadline::running()) };
        tokio::select! {
            biased;
            result = commands::dispatch(cli) => result,
            // What ran is read as the signal arrives: the command's future is dropped
            // before this arm's code runs.
            (signal, running) = stop => Err(Error::Interrupted {
                signal,
                during: running.into_iter().next(),
                hint: None,
            }),
            running = deadline::expired() => Err(deadline::out_of_time(&running)),
        }
    });
    // A prompt still waiting for a line on its blocking thread after Ctrl-C must not
    // hold the exit up: dropping the runtime would wait for it forever.
    runtime.shutdown_background();
    result
}
