//! `oktakeys sandbox serve|reset`

use crate::cli::{
    SandboxArgs, SandboxCommand, SandboxFailWith, SandboxResetArgs, SandboxServeArgs,
};
use crate::error::{Error, Result};
use crate::sandbox::{self, FailWith, Knobs, Options};
use crate::secret::Secret;

pub async fn run(args: SandboxArgs) -> Result<()> {
    match args.command {
        SandboxCommand::Serve(args) => serve(args).await,
        SandboxCommand::Reset(args) => reset(args),
    }
}

fn state_path(state: Option<std::path::PathBuf>) -> Result<std::path::PathBuf> {
    match state {
        Some(path) => Ok(path),
        None => sandbox::default_state_path(),
    }
}

async fn serve(args: SandboxServeArgs) -> Result<()> {
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
        },
        oauth: sandbox::oauth::OAuthOptions {
            apps: apps.clone(),
            require_dpop: args.require_dpop,
        },
    };
    let mut running = sandbox::start(options).await?;

    eprintln!(
        "oktakeys sandbox listening on {} (state: {})",
        running.base_url,
        running.state_file.display()
    );
    for app in &apps {
        eprintln!(
            "service app {} may get tokens for {}{}",
            app.client_id,
            app.scopes.join(" "),
            if args.require_dpop {
                " (DPoP required)"
            } else {
                ""
            }
        );
    }
    let token_shown = if generated {
        // The one place a token is printed: the generated one, so it can be used.
        eprintln!(
            "token (generated; set OKTAKEYS_SANDBOX_TOKEN to choose one): {}",
            running.token.expose()
        );
        running.token.expose().to_string()
    } else {
        "<the token you chose>".to_string()
    };
    eprintln!("try:");
    eprintln!(
        "  OKTA_ORG_URL={} OKTA_API_TOKEN={token_shown} oktakeys keys list --auth-server default",
        running.base_url
    );
    eprintln!("stop with Ctrl-C");
    // The base URL is the one line of data: scripts read it from stdout. Printed last, so
    // whoever reads it knows the lines on stderr are out.
    println!("{}", running.base_url);

    tokio::select! {
        _ = running.wait() => Ok(()),
        _ = terminated() => {
            eprintln!("oktakeys sandbox: SIGTERM, stopping");
            running.shutdown().await;
            Ok(())
        }
        // Ctrl-C: the runtime's own handler ends the command with exit 130 as for every
        // command; state writes are atomic, so stopping mid-request loses nothing.
    }
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

fn reset(args: SandboxResetArgs) -> Result<()> {
    let path = state_path(args.state)?;
    sandbox::reset(&path, &args.auth_servers)?;
    eprintln!("Reset the sandbox state in {}", path.display());
    Ok(())
}
