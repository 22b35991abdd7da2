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
use keymaterial::secret::Secret;

pub async fn run(global: &GlobalArgs, args: SandboxArgs) -> Result<()> {
    let printer = Printer::new(global);
    match args.command {
        SandboxCommand::Serve(args) => serve(&printer, args).await,
        SandboxCommand::Reset(args) => reset(&printer, args),
    }
}

/// The state file: `--state`, else `OKTAKEYS_SANDBOX_STATE` (clap reads it for `serve`
/// and `reset`; the `sandbox` profile has no flag and comes here with `None`), else the
/// default under the user data folder.
pub(crate) fn state_path(state: Option<std::path::PathBuf>) -> Result<std::path::PathBuf> {
    let from_env = || {
        std::env::var_os(crate::env::SANDBOX_STATE)
            .filter(|v| !v.is_empty())
            .map(std::path::PathBuf::from)
    };
    match state.or_else(from_env) {
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
        clients: args.clients.iter().map(|c| c.0.clone()).collect(),
        jwe_enc: args.jwe_enc,
        token_lifetime_minutes: Some(args.token_lifetime),
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
            OnError::new(move |e| printer.failure(format!("oktakeys sandbox: {e}")))
        },
        faults: None,
    };
    let clients: Vec<String> = options.clients.iter().map(|c| c.id.clone()).collect();
    let mut running = sandbox::start(options).await?;
    announce(
        printer,
        &running,
        &apps,
        &clients,
        args.require_dpop,
        generated,
    )?;

    // SIGTERM and Ctrl-C are both the way to stop a server: a clean stop (exit 0), not
    // an interruption. State writes are atomic, so stopping mid-request loses nothing.
    tokio::select! {
        _ = running.wait() => Ok(()),
        signal = crate::signals::stop() => {
            printer.note(format!("oktakeys sandbox: {}, stopping", signal.name()));
            running.shutdown().await;
            Ok(())
        }
    }
}

/// Say where the sandbox listens and how to use it; the base URL last, on stdout.
fn announce(
    printer: &Printer,
    running: &sandbox::RunningSandbox,
    apps: &[sandbox::oauth::Registration],
    clients: &[String],
    require_dpop: bool,
    generated: bool,
) -> Result<()> {
    printer.note(format!(
        "oktakeys sandbox listening on {} (state: {})",
        running.base_url,
        running.state_file.display()
    ));
    // The built-in client's secret is a documented constant, not a secret.
    printer.note(format!(
        "token endpoints ({}/oauth2/{{id}}/v1/token): client id {} secret {}",
        running.base_url,
        sandbox::BUILTIN_CLIENT_ID,
        sandbox::BUILTIN_CLIENT_SECRET
    ));
    for id in clients {
        printer.note(format!("client id {id} (with the secret you gave)"));
    }
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
        printer.essential(format!(
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
        "  OKTA_ORG_URL={} OKTA_API_TOKEN={token_shown} {}",
        running.base_url,
        // The variables name the served sandbox: no profile or org of the run's.
        crate::hint::command_setting(
            &["--profile", "--org-url", "--org-from"],
            ["keys", "list", "--auth-server", "default"]
        )
    ));
    printer.note("stop with Ctrl-C");
    // The base URL is the one line of data: scripts read it from stdout. Printed last, so
    // whoever reads it knows the lines on stderr are out.
    output::write_stdout(&format!("{}\n", running.base_url))
}

fn reset(printer: &Printer, args: SandboxResetArgs) -> Result<()> {
    let path = state_path(args.state)?;
    sandbox::reset(&path, &args.auth_servers)?;
    printer.note(format!("Reset the sandbox state in {}", path.display()));
    Ok(())
}
