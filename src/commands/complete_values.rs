//! What `<TAB>` offers for values that live outside the command tree: profile names from
//! the config file, authorization servers (ids and names) and key ids from the org.
//!
//! The shell waits while this runs, so the org is asked at most once a minute per
//! question (answers cached in the user cache dir), with one attempt and a budget of
//! [`BUDGET`] for everything; when anything fails or takes longer, nothing is offered
//! and nothing is printed: a completion never reports errors.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use clap::CommandFactory;
use clap_complete::engine::CompletionCandidate;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::connection::Connection;
use crate::api::list_keys;
use crate::api::servers::list_servers;
use crate::cli::{Cli, GlobalArgs};
use crate::config::{self, ProcessEnv, SANDBOX_PROFILE, Settings, Target};
use crate::http::Progress;

/// All the time one completion may spend on the org (connect, token, request).
const BUDGET: Duration = Duration::from_millis(900);
/// How long an answer from the org is reused.
const FRESH_FOR_SECS: u64 = 60;

/// Profiles of the config file the line names (or the default one), and `sandbox`.
pub(super) fn profiles(current: &OsStr) -> Vec<CompletionCandidate> {
    let line = Line::read();
    let mut names = vec![(
        SANDBOX_PROFILE.to_string(),
        "the built-in sandbox".to_string(),
    )];
    let path = config::config_path(line.global.config.as_deref());
    if let Some(Ok(Some(file))) = path.map(|p| config::load_file(&p, false)) {
        for (name, profile) in file.profiles {
            let about = profile.org_url.unwrap_or_default();
            names.retain(|(n, _)| *n != name);
            names.push((name, about));
        }
    }
    candidates(current, names)
}

/// The org's authorization servers: each id (its name as help), and each name that can
/// be typed as one word (`--auth-server` takes names too).
pub(super) fn servers(current: &OsStr) -> Vec<CompletionCandidate> {
    let line = Line::read();
    let items = from_org(&line, "servers", None, |conn| async move {
        let servers = list_servers(&conn.client()?, None).await?;
        let mut items: Vec<(String, String)> = servers
            .iter()
            .map(|s| (s.id().to_string(), s.name().to_string()))
            .collect();
        items.extend(
            servers
                .iter()
                .filter(|s| s.name() != s.id() && one_word(s.name()))
                .map(|s| (s.name().to_string(), s.id().to_string())),
        );
        Ok(items)
    });
    candidates(current, items)
}

/// The key ids of the server the line names (`--auth-server`, else the profile's or
/// `OKTAKEYS_AUTH_SERVER`), each with its kid and status as help.
pub(super) fn keys(current: &OsStr) -> Vec<CompletionCandidate> {
    let line = Line::read();
    let Some(server) = line
        .auth_server
        .clone()
        .or_else(|| line.settings(None).and_then(|s| s.auth_server))
    else {
        return Vec::new();
    };
    let items = from_org(&line, "keys", Some(&server), |conn| {
        let server = server.clone();
        async move {
            let keys = list_keys(&conn.client()?, &server).await?;
            Ok(keys
                .iter()
                .map(|k| {
                    let kid = k.kid().unwrap_or("-");
                    (k.id().to_string(), format!("{kid} {}", k.status()))
                })
                .collect())
        }
    });
    candidates(current, items)
}

/// A value a shell can take as one word without quoting.
fn one_word(value: &str) -> bool {
    !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.:@".contains(c))
}

/// The candidates that start with what is typed, help escaped (names come from the org).
fn candidates(current: &OsStr, items: Vec<(String, String)>) -> Vec<CompletionCandidate> {
    let current = current.to_string_lossy();
    items
        .into_iter()
        .filter(|(value, _)| value.starts_with(current.as_ref()) && one_word(value))
        .map(|(value, help)| {
            let help = crate::escape::escape(&help).into_owned();
            CompletionCandidate::new(value).help(Some(help.into()))
        })
        .collect()
}

/// The options of the line being completed that say where to look.
struct Line {
    global: GlobalArgs,
    auth_server: Option<String>,
}

impl Line {
    /// The words before the one being completed (after `--` in this process's
    /// arguments), parsed as far as they go: flags and their environment variables.
    fn read() -> Line {
        let args: Vec<OsString> = std::env::args_os().collect();
        let words: Vec<OsString> = match args.iter().position(|a| a == "--") {
            Some(i) => args[i + 1..].to_vec(),
            None => Vec::new(),
        };
        // Bash says which word is being completed; the other shells complete the last.
        let current = std::env::var("_CLAP_COMPLETE_INDEX")
            .ok()
            .and_then(|i| i.parse::<usize>().ok())
            .unwrap_or(words.len().saturating_sub(1));
        let before = &words[..current.min(words.len())];
        let matches = Cli::command()
            .ignore_errors(true)
            .try_get_matches_from(before)
            .ok();
        let mut global = GlobalArgs::default();
        let mut auth_server = None;
        let mut level = matches.as_ref();
        while let Some(m) = level {
            let one = |id: &str| m.try_get_one::<String>(id).ok().flatten().cloned();
            global.profile = one("profile").or(global.profile.take());
            global.org_url = one("org_url").or(global.org_url.take());
            if let Ok(Some(path)) = m.try_get_one::<PathBuf>("config") {
                global.config = Some(path.clone());
            }
            if let Ok(Some(mut many)) = m.try_get_many::<String>("auth_server") {
                auth_server = many.next().cloned();
            } else if let Some(one) = one("auth_server") {
                auth_server = Some(one);
            }
            level = m.subcommand().map(|(_, sub)| sub);
        }
        Line {
            global,
            auth_server,
        }
    }

    /// The settings the line would run with, limited to one attempt within [`BUDGET`].
    fn settings(&self, auth_server: Option<&str>) -> Option<Settings> {
        let mut settings = Settings::resolve(&self.global, auth_server, &ProcessEnv).ok()?;
        settings.http.timeout = BUDGET;
        settings.http.request_timeout = BUDGET;
        settings.http.connect_timeout = BUDGET;
        settings.http.max_retries = 0;
        Some(settings)
    }
}

/// `fetch` from the org the line points at, or the answer cached within the last minute
/// for the same org, profile and question. Any failure is an empty list.
fn from_org<F, Fut>(
    line: &Line,
    what: &str,
    server: Option<&str>,
    fetch: F,
) -> Vec<(String, String)>
where
    F: FnOnce(Connection) -> Fut,
    Fut: std::future::Future<Output = crate::error::Result<Vec<(String, String)>>>,
{
    let Some(settings) = line.settings(server) else {
        return Vec::new();
    };
    let org = match &settings.target {
        Target::Sandbox => SANDBOX_PROFILE.to_string(),
        Target::Org { org_url, .. } => org_url.to_string(),
        // No org to ask.
        Target::Unconfigured { .. } => return Vec::new(),
    };
    let cache = cache_file(&[
        what,
        &org,
        settings.profile.as_deref().unwrap_or(""),
        server.unwrap_or(""),
    ]);
    if let Some(items) = cache.as_deref().and_then(read_fresh) {
        return items;
    }
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return Vec::new();
    };
    let answer = runtime.block_on(async {
        let fetched = async {
            let conn = Connection::open(&settings, Progress::Silent).await?;
            fetch(conn).await
        };
        tokio::time::timeout(BUDGET, fetched).await
    });
    // Whatever is still running (a token command) must not hold the shell.
    runtime.shutdown_background();
    match answer {
        Ok(Ok(items)) => {
            if let Some(cache) = &cache {
                write_cache(cache, &items);
            }
            items
        }
        _ => Vec::new(),
    }
}

/// `dirs::cache_dir()/oktakeys/completion/<hash of the question>.json`.
fn cache_file(parts: &[&str]) -> Option<PathBuf> {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    let name: String = hash.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    dirs::cache_dir().map(|d| {
        d.join("oktakeys")
            .join("completion")
            .join(format!("{name}.json"))
    })
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn read_fresh(path: &Path) -> Option<Vec<(String, String)>> {
    let bytes = crate::files::read_local(path).ok()?;
    let cached: Value = serde_json::from_slice(&bytes).ok()?;
    let at = cached["at"].as_u64()?;
    if now_secs().saturating_sub(at) >= FRESH_FOR_SECS {
        return None;
    }
    serde_json::from_value(cached["items"].clone()).ok()
}

/// Keep the answer (owner only: it names the org's servers and keys); a failure to write
/// only costs the next completion a request.
fn write_cache(path: &Path, items: &[(String, String)]) {
    let Some(dir) = path.parent() else { return };
    if crate::files::create_private_dir(dir).is_err() {
        return;
    }
    let text = json!({"at": now_secs(), "items": items}).to_string();
    let _ = crate::files::replace_private(path, text.as_bytes());
}
