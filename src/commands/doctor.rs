//! `oktakeys doctor`: whether this setup can work, one check at a time, each saying what it
//! found (never a secret). Only read requests are sent. The first failure's exit code is
//! the command's: 3 for the configuration, 4 for credentials or scopes Okta refuses, 8 for
//! an org out of reach. With a key ring configured, each server's ring against its keys.

use std::time::SystemTime;

use super::config::{describe_service_app, describe_source, origin_text};
use super::connection::Connection;
use crate::api;
use crate::api::servers::{list_servers, requests};
use crate::auth::Scope;
use crate::cli::{AuthMode, DoctorArgs, GlobalArgs};
use crate::client::Client;
use crate::config::{self, Credentials, ProcessEnv, Settings, Target, TokenSource};
use crate::error::{Error, Result, exit};
use crate::http::{Progress, Response};
use crate::output::{DoctorCheck, Printer, Status};
use crate::ring::{Held, Location, Store};
use crate::rotate::{self, Retirement};
use crate::time::Timestamp;

/// A clock further off Okta's than this is a warning: service-app assertions carry `iat`
/// and `exp`, and retirement times are computed from the local clock.
const CLOCK_SKEW_WARN_SECS: i64 = 30;

pub(super) async fn run(global: &GlobalArgs, args: &DoctorArgs) -> Result<()> {
    let printer = Printer::new(global);
    let mut checks = Vec::new();
    let settings = match settings_checked(global, &mut checks) {
        Some(settings) => settings,
        None => return finish(&printer, checks),
    };
    // The ring, when one is configured; a ring named wrongly is a configuration failure.
    let ring = match super::ring::location(&args.ring, &settings) {
        Ok(ring) => ring,
        Err(e) => {
            checks.push(DoctorCheck::failed("ring", &e));
            None
        }
    };
    if credentials_described(&settings, &mut checks) {
        org_checked(global, &settings, ring.as_ref(), &mut checks).await;
    }
    finish(&printer, checks)
}

/// The config file (where, its mode) and the profile chosen (which, and why); `None` when
/// the settings cannot be resolved (that failure is the last check).
fn settings_checked(global: &GlobalArgs, checks: &mut Vec<DoctorCheck>) -> Option<Settings> {
    let path = config::config_path(global.config.as_deref());
    match &path {
        None => checks.push(DoctorCheck::ok(
            "config",
            "this platform has no config directory (flags and the environment only)",
        )),
        Some(p) => match std::fs::metadata(p) {
            Ok(meta) => {
                let mode = crate::files::loose_mode(&meta).map_or_else(
                    || "owner only".to_string(),
                    |m| format!("mode {m:o}: group or others may read it"),
                );
                checks.push(DoctorCheck::ok(
                    "config",
                    format!("{} ({mode})", p.display()),
                ));
            }
            Err(_) => checks.push(DoctorCheck::ok(
                "config",
                format!(
                    "no file at {} (none is needed: flags and the environment can say it all; \
                     `{}` writes one)",
                    p.display(),
                    crate::hint::config_init()
                ),
            )),
        },
    }
    let settings = match Settings::resolve(global, None, &ProcessEnv) {
        Ok(settings) => settings,
        Err(e) => {
            // The config check above said where; the error says what is wrong.
            checks.push(DoctorCheck::failed("settings", &e));
            return None;
        }
    };
    let file = settings.config_path.as_deref();
    let profile = match (&settings.profile, &settings.origins.profile) {
        (Some(name), Some(origin)) => format!("{name} ({})", origin_text(origin, file)),
        (Some(name), None) => name.clone(),
        (None, _) => "none: the org and credentials come from flags and the environment".into(),
    };
    checks.push(DoctorCheck::ok("profile", profile));
    let org = match &settings.target {
        Target::Sandbox => "the local sandbox, started for this command".to_string(),
        Target::Org { org_url, .. } => match &settings.origins.org_url {
            Some(origin) => format!("{org_url} ({})", origin_text(origin, file)),
            None => org_url.to_string(),
        },
        Target::Unconfigured { hint, .. } => format!("none configured; {hint}"),
    };
    checks.push(DoctorCheck::ok("org", org));
    Some(settings)
}

/// Where the credentials come from (never their value); false when there are none.
fn credentials_described(settings: &Settings, checks: &mut Vec<DoctorCheck>) -> bool {
    let origin = settings
        .origins
        .credentials
        .as_ref()
        .map(|o| format!(" ({})", origin_text(o, settings.config_path.as_deref())))
        .unwrap_or_default();
    let check = match &settings.target {
        Target::Sandbox => DoctorCheck::ok("credentials", "the sandbox's own token (built in)"),
        Target::Org { credentials, .. } | Target::Unconfigured { credentials, .. } => {
            match credentials {
                Credentials::Missing { hint } => DoctorCheck::fail(
                    "credentials",
                    exit::CONFIG,
                    format!("none configured; {hint}"),
                ),
                Credentials::Token {
                    source: TokenSource::Env(var),
                    ..
                } if std::env::var_os(var).is_none_or(|v| v.is_empty()) => DoctorCheck::fail(
                    "credentials",
                    exit::CONFIG,
                    format!("token_env names {var}, which is not set{origin}"),
                ),
                Credentials::Token { mode, source } => {
                    let from = match source {
                        TokenSource::Env(var) => format!("${var} (set)"),
                        other => describe_source(other, &ProcessEnv),
                    };
                    DoctorCheck::ok(
                        "credentials",
                        format!("{} token: {from}{origin}", mode.name()),
                    )
                }
                Credentials::ServiceApp(app) => DoctorCheck::ok(
                    "credentials",
                    format!("service app: {}{origin}", describe_service_app(app)),
                ),
            }
        }
    };
    let found = check.status != Status::Fail(exit::CONFIG);
    checks.push(check);
    found
}

/// The org: reachable, accepting the credentials, the scopes, the clock, the servers.
async fn org_checked(
    global: &GlobalArgs,
    settings: &Settings,
    ring: Option<&Location>,
    checks: &mut Vec<DoctorCheck>,
) {
    let progress = Progress::detect(global.quiet);
    let first = async {
        let conn = Connection::open(settings, progress).await?;
        let client = conn.client()?;
        let response = client.send(&requests::list(None)).await?;
        let servers = list_servers(&client, None).await?;
        Ok::<_, Error>((conn, client, response, servers))
    };
    let (_conn, client, response, servers) = match first.await {
        Ok(found) => found,
        Err(e) => {
            // Which check failed follows from what kind of failure it was.
            let (reachable, accepted) = match e.exit_code() {
                exit::CONFIG => (None, DoctorCheck::failed("credentials", &e)),
                exit::AUTH => (
                    Some(DoctorCheck::ok("reachable", "Okta answered")),
                    DoctorCheck::failed("accepted", &e),
                ),
                _ => (
                    Some(DoctorCheck::failed("reachable", &e)),
                    DoctorCheck::skip("accepted"),
                ),
            };
            checks.extend(reachable);
            checks.push(accepted);
            return;
        }
    };
    checks.push(DoctorCheck::ok(
        "reachable",
        format!(
            "GET /api/v1/authorizationServers answered {}",
            response.status
        ),
    ));
    checks.push(DoctorCheck::ok(
        "accepted",
        "the credentials may read authorization servers",
    ));
    checks.push(scopes_checked(settings, progress).await);
    checks.push(clock_checked(&response));
    if servers.is_empty() {
        checks.push(DoctorCheck::ok(
            "servers",
            "the org has no custom authorization server",
        ));
    }
    for server in &servers {
        let encryption = server.encryption().map_or_else(
            || "access-token encryption off".to_string(),
            |alg| format!("access tokens encrypted ({alg})"),
        );
        checks.push(DoctorCheck::ok(
            "server",
            format!(
                "{} ({}), {}: {encryption}",
                server.id(),
                server.name(),
                server.status()
            ),
        ));
        if let Some(ring) = ring
            && server.jwks_uri().is_none()
        {
            checks.push(ring_checked(&client, server.id(), ring).await);
        }
    }
}

/// One server's ring against its keys, as `keys ring check` judges it (tokens living 24h,
/// Okta's maximum): what it lacks is a warning; a ring that cannot be read fails (exit 3).
async fn ring_checked(client: &Client, id: &str, ring: &Location) -> DoctorCheck {
    let store = Store::new(ring.for_server(id), false);
    let where_ = store.location().describe();
    let found = async {
        let keys = rotate::views_of_listed(&api::list_keys(client, id).await?)?;
        let loaded = store.read().await?;
        Ok::<_, Error>((keys, loaded))
    };
    let (keys, loaded) = match found.await {
        Ok(found) => found,
        Err(e) => return DoctorCheck::failed("ring", &e),
    };
    let rule = Retirement {
        now: Timestamp::now(),
        lifetime: rotate::MAX_TOKEN_LIFETIME,
        ignore: false,
    };
    let status = crate::ring::status(&keys, &loaded.ring, &rule);
    let lacking: Vec<String> = status
        .problems()
        .map(|n| {
            format!(
                "kid {} ({}{})",
                n.key.kid.as_deref().unwrap_or("(none)"),
                n.role,
                if n.held == Held::Mismatch {
                    ", another key under that kid"
                } else {
                    ""
                }
            )
        })
        .collect();
    if lacking.is_empty() {
        return DoctorCheck::ok(
            "ring",
            format!(
                "{id}: {where_} holds all {} key(s) whose tokens may be alive{}",
                status.needed.len(),
                match status.prunable.len() {
                    0 => String::new(),
                    n => format!(", and {n} Okta no longer needs (prune candidates)"),
                }
            ),
        );
    }
    DoctorCheck::warn(
        "ring",
        format!(
            "{id}: {where_}{} lacks {}: a resource server loading it cannot decrypt those \
             tokens; {}",
            if loaded.empty_store { " (empty)" } else { "" },
            lacking.join(", "),
            crate::hint::command(
                ["keys", "ring", "check", "--auth-server", id]
                    .iter()
                    .map(|a| a.to_string())
                    .chain(store.location().flags())
            )
        ),
    )
}

/// Whether the credentials may also change keys. A service app asks for the manage scope;
/// a token's permissions are its admin's and cannot be seen without making a change.
async fn scopes_checked(settings: &Settings, progress: Progress) -> DoctorCheck {
    let Target::Org { credentials, .. } = &settings.target else {
        return DoctorCheck::ok("scopes", "the sandbox allows every change");
    };
    match credentials {
        Credentials::ServiceApp(_) => {
            let managed = async {
                let conn = Connection::open(settings, progress)
                    .await?
                    .needing(Scope::Manage);
                conn.client()?.send(&requests::list(None)).await
            };
            match managed.await {
                Ok(_) => DoctorCheck::ok(
                    "scopes",
                    format!("{} granted: every command can run", Scope::MANAGE),
                ),
                Err(e) => DoctorCheck::failed("scopes", &e),
            }
        }
        Credentials::Token {
            mode: AuthMode::Bearer,
            ..
        } => DoctorCheck::skip_because(
            "scopes",
            format!(
                "a bearer token: reading works; changes need {} (not checked: that takes a change)",
                Scope::MANAGE
            ),
        ),
        _ => DoctorCheck::skip_because(
            "scopes",
            "an API token has its admin's permissions: reading works; changing keys needs an \
             admin role over authorization servers (not checked: that takes a change)",
        ),
    }
}

/// The local clock against the `Date` of Okta's answer (to the second, plus its latency).
fn clock_checked(response: &Response) -> DoctorCheck {
    let date = response
        .headers
        .get("date")
        .and_then(|d| d.to_str().ok())
        .and_then(|d| httpdate::parse_http_date(d).ok());
    let Some(okta) = date else {
        return DoctorCheck::skip_because("clock", "Okta's answer had no Date header");
    };
    let now = SystemTime::now();
    let skew = match now.duration_since(okta) {
        Ok(ahead) => ahead.as_secs() as i64,
        Err(behind) => -(behind.duration().as_secs() as i64),
    };
    let detail = match skew {
        // `Date` has whole seconds, and the answer took some time to arrive.
        -1..=1 => "the local clock agrees with Okta's Date (to its second)".to_string(),
        s if s > 0 => format!("the local clock is {s} s ahead of Okta's Date"),
        s => format!("the local clock is {} s behind Okta's Date", -s),
    };
    if skew.abs() > CLOCK_SKEW_WARN_SECS {
        DoctorCheck::warn(
            "clock",
            format!(
                "{detail}: service-app assertions and retirement times use the local clock; \
                 sync it (NTP)"
            ),
        )
    } else {
        DoctorCheck::ok("clock", detail)
    }
}

/// Print the report; the first failure's exit code is the command's.
fn finish(printer: &Printer, checks: Vec<DoctorCheck>) -> Result<()> {
    printer.doctor_report(&checks)?;
    let failures: Vec<(u8, &str)> = checks
        .iter()
        .filter_map(|c| match c.status {
            Status::Fail(code) => Some((code, c.id)),
            _ => None,
        })
        .collect();
    match failures.first() {
        None => Ok(()),
        Some(&(code, id)) => {
            printer.failure(format!(
                "doctor: {} check{} failed; the first: {id}",
                failures.len(),
                if failures.len() == 1 { "" } else { "s" },
            ));
            Err(Error::Reported(code))
        }
    }
}
