//! `oktakeys sandbox serve|reset`
//!
//! Everything goes through the [`Printer`]: notes on stderr (none under `-q`), the base URL
//! on stdout (a closed stdout ends the command quietly). The sandbox itself prints nothing.

use oktakeys_sandbox::{self as sandbox, FailWith, Knobs, OnError, Options};

use crate::cli::{
    GlobalArgs, SandboxArgs, SandboxCommand, SandboxFailWith, SandboxResetArgs, SandboxServeArgs,
};
use crate::error::{Error, Result};
use crate::output::{self, Printer};
use crate::secret::Secret;

pub async fn run(global: &GlobalArgs, args: SandboxArgs) -> Result<()> {
    let printer = Printer::new(global);
    match args.command {
        SandboxCommand::Serve(args) => serve(&printer, args).await,
        SandboxCommand::Reset(args) => reset(&printer, args),
    }
}

fn state_path(state: Option<std::path::PathBuf>) -> Result<std::path::PathBuf> {
    match state {
        Some(path) => Ok(path),
        None => Ok(sandbox::default_state_path()?),
    }
}

async fn serve(printer: &Printer, args: SandboxServeArgs) -> Result<()> {
    let generated = args.token.is_none();
    let token = match args.token {
        Some(t) if t.expose().trim().is_empty() => {
            return Err(Error::Usage("--token must not be empty".into()));
        }
        Some(t) => t,
        None => Secret::new(sandbox::ids::api_token()),
    };
    let apps = args
        .service_apps
        .iter()
        .map(|arg| {
            sandbox::oauth::Registration::parse_arg(arg)
                .map_err(|why| Error::config(format!("--service-app: {why}")))
        })
        .collect::<Result<Vec<_>>>()?;
    let options = Options {
        addr: args.addr,
        state_file: state_path(args.state)?,
        token,
        auth_servers: args.auth_servers,
        encryption_enabled: args.encryption_enabled.into_iter().collect(),
        knobs: Knobs {
            rate_limit: args.rate_limit,
            rate_limit_window: std::time::Duration::from_secs(args.rate_limit_window),
            latency: std::time::Duration::from_millis(args.latency),
            fail_requests: args.fail_requests.into_iter().collect(),
            fail_with: match args.fail_with {
                SandboxFailWith::Status500 => FailWith::Status500,
                SandboxFailWith::Status503 => FailWith::Status503,
                SandboxFailWith::Drop => FailWith::Drop,
            },
            max_keys: args.max_keys,
        },
        oauth: sandbox::oauth::OAuthOptions {
            apps: apps.clone(),
            require_dpop: args.require_dpop,
        },
        on_error: {
            let printer = printer.clone();
            OnError::new(move |e| printer.note(format!("oktakeys sandbox: {e}")))
        },
    };
    let mut running = sandbox::start(options).await?;
    announce(printer, &running, &apps, args.require_dpop, generated)?;

    tokio::select! {
        _ = running.wait() => Ok(()),
        _ = terminated() => {
            printer.note("oktakeys sandbox: SIGTERM, stopping");
            running.shutdown().await;
            Ok(())
        }
        // Ctrl-C: the runtime's own handler ends the command with exit 130 as for every
        // command; state writes are atomic, so stopping mid-request loses nothing.
    }
}

/// Say where the sandbox listens and how to use it; the base URL last, on stdout.
fn announce(
    printer: &Printer,
    running: &sandbox::RunningSandbox,
    apps: &[sandbox::oauth::Registration],
    require_dpop: bool,
    generated: bool,
) -> Result<()> {
    printer.note(format!(
        "oktakeys sandbox listening on {} (state: {})",
        running.base_url,
        running.state_file.display()
    ));
    for app in apps {
        printer.note(format!(
            "service app {} may get tokens for {}{}",
            app.client_id,
            app.scopes.join(" "),
            if require_dpop { " (DPoP required)" } else { "" }
        ));
    }
    let token_shown = if generated {
        // The one place a token is printed: the generated one, so it can be used.
        printer.note(format!(
            "token (generated; set {} to choose one): {}",
            sandbox::env::TOKEN,
            running.token.expose()
        ));
        running.token.expose().to_string()
    } else {
        "<the token you chose>".to_string()
    };
    printer.note("try:");
    printer.note(format!(
        "  OKTA_ORG_URL={} OKTA_API_TOKEN={token_shown} oktakeys keys list --auth-server default",
        running.base_url
    ));
    printer.note("stop with Ctrl-C");
    // The base URL is the one line of data: scripts read it from stdout. Printed last, so
    // whoever reads it knows the lines on stderr are out.
    output::write_stdout(&format!("{}\n", running.base_url))
}

#[cfg(unix)]
async fn terminated() {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::terminate()) {
        Ok(mut sig) => {
            sig.recv().await;
        }
        Err(_) => std::future::pending::<()>().await,
    }
}

#[cfg(not(unix))]
async fn terminated() {
    std::future::pending::<()>().await
}

fn reset(printer: &Printer, args: SandboxResetArgs) -> Result<()> {
    let path = state_path(args.state)?;
    sandbox::reset(&path, &args.auth_servers)?;
    printer.note(format!("Reset the sandbox state in {}", path.display()));
    Ok(())
}
