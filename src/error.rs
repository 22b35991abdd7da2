//! The one error type. Each variant knows its exit code (see DESIGN.md) and its hint.

use std::fmt;

use crate::signals::Signal;

/// Exit codes: the one table that the code (`exit::CONFIG`, …), `--help`, the man page
/// and the README's table come from. CI jobs branch on them.
pub mod exit {
    /// One exit code: its number, its constant's name, and what it means.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Entry {
        pub code: u8,
        pub name: &'static str,
        pub meaning: &'static str,
    }

    // Each line makes a constant and a row of `TABLE`, so the two cannot drift apart.
    macro_rules! exit_codes {
        ($($name:ident = $code:literal: $meaning:literal;)*) => {
            $(pub const $name: u8 = $code;)*
            /// Every exit code, in order.
            pub const TABLE: &[Entry] = &[$(Entry {
                code: $code,
                name: stringify!($name),
                meaning: $meaning,
            }),*];
        };
    }

    exit_codes! {
        SUCCESS = 0: "success";
        FAILURE = 1: "unexpected failure";
        USAGE = 2: "usage error (bad flags or arguments)";
        CONFIG = 3: "configuration error: no profile, invalid config, missing credentials, bad key file";
        AUTH = 4: "authentication or permission refused by Okta (401, 403)";
        NOT_FOUND = 5: "not found (404)";
        REJECTED = 6: "rejected by Okta (400, 409, other 4xx)";
        RATE_LIMITED = 7: "rate limited: 429 still after the retries, or a window that resets later than oktakeys waits";
        NETWORK = 8: "network failure, timeout, redirect, or 5xx still after the retries";
        ABORTED = 9: "aborted: a confirmation was declined, or needed with no terminal and no --yes";
        VERIFICATION_FAILED = 10: "verification failed: a token does not decrypt or verify (or the key ring holds no key of its kid), a key does not match the ACTIVE one";
        PENDING = 11: "something needs doing: --dry-run --detailed-exitcode would change something, an audit failed";
        GATE_CLOSED = 12: "the activation gate (--activate-when) did not open: the new key stays INACTIVE";
        CHANGED = 13: "another change is in progress: the server changed under the run; nothing more was changed";
        FILTER = 14: "the --jq filter failed (an error in it, out of memory or depth); the command itself succeeded";
        INTERRUPTED = 130: "interrupted (Ctrl-C)";
        TERMINATED = 143: "terminated (SIGTERM), as CI sends on cancel";
    }

    /// The table as `(code, meaning)` pairs, for the help text and the man page.
    pub const fn pairs<const N: usize>() -> [(u8, &'static str); N] {
        let mut out = [(0, ""); N];
        let mut i = 0;
        while i < N {
            out[i] = (TABLE[i].code, TABLE[i].meaning);
            i += 1;
        }
        out
    }
}

impl Signal {
    /// 128 + the signal's number, as a shell reports a process the signal killed.
    pub fn exit_code(self) -> u8 {
        match self {
            Signal::Interrupt => exit::INTERRUPTED,
            Signal::Terminate => exit::TERMINATED,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad arguments that clap could not catch (exit 2).
    #[error("{0}")]
    Usage(String),

    /// No profile, unreadable or invalid config, missing credentials (exit 3).
    #[error("{message}")]
    Config {
        message: String,
        hint: Option<String>,
    },

    /// A key file that cannot be used (exit 3). Nothing was sent.
    #[error("{0}")]
    KeyFile(String),

    /// Okta answered with an error status.
    #[error("{}", .0.headline())]
    Api(Box<ApiError>),

    /// Okta's token endpoint refused the OAuth 2.0 service app (exit 4): the message
    /// carries the OAuth `error` and `error_description`, the hint what to change.
    #[error("{message}")]
    Auth {
        message: String,
        hint: Option<String>,
    },

    /// Connection failure, timeout, unreadable response (exit 8).
    #[error("{message}")]
    Network {
        message: String,
        hint: Option<String>,
    },

    /// Okta's rate-limit window is used up and resets later than oktakeys waits (exit 7,
    /// like a 429 after the retries). Nothing was sent into the used-up window.
    #[error("{message}")]
    RateLimited {
        message: String,
        hint: Option<String>,
    },

    /// oktakeys refuses a change that Okta would reject or that would be unsafe (exit 6,
    /// like Okta's own rejections). Nothing was sent.
    #[error("{message}")]
    Refused {
        message: String,
        hint: Option<String>,
    },

    /// A check of encrypted access tokens or keys failed (exit 10): `token decrypt`
    /// cannot open or verify a token, `keys verify` or `keys match` found a check failed.
    /// The message says which check, the hint what to do.
    #[error("{message}")]
    Verification {
        message: String,
        hint: Option<String>,
    },

    /// A failure already reported on stderr (e.g. per server by `keys rotate`): exit with
    /// its code, print nothing more.
    #[error("failed (reported above)")]
    Reported(u8),

    /// A confirmation was declined or could not be asked (exit 9).
    #[error("{0}")]
    Aborted(String),

    /// `keys rotate --activate-when`: the gate did not open in time (exit 12); the new
    /// key stays INACTIVE, the old one ACTIVE.
    #[error("{message}")]
    GateClosed {
        message: String,
        hint: Option<String>,
    },

    /// The server no longer looks as the run planned: another change is in progress
    /// (exit 13). Nothing more was changed.
    #[error("{message}")]
    Changed {
        message: String,
        hint: Option<String>,
    },

    /// Ctrl-C (exit 130) or SIGTERM (exit 143); with what was under way and how to
    /// finish it, when that matters.
    #[error("interrupted{}{}", if *.signal == Signal::Terminate { " (SIGTERM)" } else { "" }, .during.as_deref().map(|d| format!(" while {d}")).unwrap_or_default())]
    Interrupted {
        signal: Signal,
        during: Option<String>,
        hint: Option<String>,
    },

    /// The `--jq` filter failed on the command's output (exit 14): an error it raised, or
    /// it ran out of memory or stack. The command itself succeeded; a change it made stands.
    #[error("{0}")]
    Filter(String),

    /// Stdout was closed by the reader (`| head`): end quietly.
    #[error("broken pipe")]
    BrokenPipe,

    /// Anything else (exit 1).
    #[error("{0}")]
    Internal(String),
}

/// An error response from Okta, decoded from its JSON body when it has one.
#[derive(Debug, Clone, Default)]
pub struct ApiError {
    pub method: String,
    /// The URL that was requested (never carries a secret: credentials go in headers).
    pub url: String,
    pub status: u16,
    pub error_code: Option<String>,
    pub error_summary: Option<String>,
    pub error_causes: Vec<String>,
    /// `X-Okta-Request-Id`, or the body's `errorId`.
    pub request_id: Option<String>,
    /// The start of a body that was not Okta's JSON (an HTML page from a proxy).
    pub body_snippet: Option<String>,
    /// Set when a request was retried and still failed (429 or 5xx).
    pub attempts: u32,
    /// Why a retryable answer (429, 5xx) was not retried when retries were left: the wait
    /// would have passed `--timeout`, or the rate-limit window resets later than
    /// oktakeys waits.
    pub gave_up: Option<String>,
    /// What to do about `gave_up`, when it is not "raise --timeout".
    pub gave_up_hint: Option<String>,
    /// A next step the caller knows better than the status and causes tell (enabling
    /// encryption refused: activate a key first).
    pub hint: Option<String>,
}

impl ApiError {
    fn headline(&self) -> String {
        let what = match self.status {
            401 => "Okta refused the credentials",
            403 => "Okta refused permission",
            404 => "not found",
            300..=399 => "Okta's answer was a redirect, which oktakeys does not follow",
            429 => "rate limited by Okta",
            500..=599 => "Okta failed to answer",
            _ => "Okta rejected the request",
        };
        let mut s = format!(
            "{what}: {} {} returned {}",
            self.method, self.url, self.status
        );
        if let Some(reason) = http_reason(self.status) {
            s.push(' ');
            s.push_str(reason);
        }
        s
    }

    pub fn exit_code(&self) -> u8 {
        match self.status {
            401 | 403 => exit::AUTH,
            404 => exit::NOT_FOUND,
            429 => exit::RATE_LIMITED,
            400..=499 => exit::REJECTED,
            _ => exit::NETWORK,
        }
    }

    /// The authorization server id in the request's path, for hints.
    fn path_server(&self) -> Option<&str> {
        let path = self.url.split(['?', '#']).next().unwrap_or_default();
        path.split_once("/authorizationServers/")
            .and_then(|(_, rest)| rest.split('/').next())
            .filter(|id| !id.is_empty())
    }

    pub fn hint(&self) -> Option<String> {
        let causes = self.error_causes.join(" ");
        if let Some(hint) = self.hint.as_ref().or(self.gave_up_hint.as_ref()) {
            return Some(hint.clone());
        }
        if self.gave_up.is_some() {
            return Some(
                "raise --timeout (the limit for the whole command; profile key `timeout`, environment OKTAKEYS_TIMEOUT), \
                 or run again later"
                    .into(),
            );
        }
        let server = self.path_server().unwrap_or("ID");
        let hint = match self.status {
            300..=399 => {
                "a redirect could carry the token to another host, so it is reported instead: \
                 check the org URL (use the address it points to if you trust it) and any proxy in between"
            }
            401 => {
                "check the profile's credentials: an API token (or OKTA_API_TOKEN) may be mistyped, expired or revoked; \
                 a service app's client_id, key_id and private key must match the app's registered key"
            }
            403 => {
                "the token lacks permission: an API token's admin needs rights on authorization servers; \
                 a service app needs the okta.authorizationServers.manage scope (read for list/get)"
            }
            // A key's path: the key id is what is wrong (the server was found to
            // reach it, or the caller says otherwise).
            404 if self.url.contains("/keys/") => {
                return Some(format!(
                    "check the key id (`{}` shows them) and --auth-server",
                    crate::hint::command(["keys", "list", "--auth-server", server])
                ));
            }
            404 => {
                return Some(format!(
                    "check --auth-server (the authorization server id: `{}` shows them)",
                    crate::hint::command(["servers", "list"])
                ));
            }
            429 => {
                "Okta's rate limit still applied after the retries: wait a minute, or raise --max-retries"
            }
            500..=599 => {
                "Okta or a proxy in between failed; try again later (raise --max-retries to wait longer)"
            }
            _ if causes.contains("'ACTIVE' keys cannot be deleted") => {
                return Some(format!(
                    "activate another key first (`{}`), then delete this one",
                    crate::hint::command(["keys", "activate", "--auth-server", server, "KEY_ID"])
                ));
            }
            _ if causes.contains("unique 'kid'") => {
                "a key with that kid is already on the server; choose another --kid"
            }
            _ if causes.contains("maximum number of keys") => {
                return Some(format!(
                    "delete an INACTIVE key first (`{}`)",
                    crate::hint::command(["keys", "delete", "--auth-server", server, "KEY_ID"])
                ));
            }
            _ if causes.contains("cannot deactivate the active key") => {
                "activate another key instead: that deactivates this one"
            }
            _ => return None,
        };
        Some(hint.to_string())
    }
}

impl Error {
    pub fn verification(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Verification {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    pub fn config(message: impl Into<String>) -> Self {
        Error::Config {
            message: message.into(),
            hint: None,
        }
    }

    pub fn config_hint(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Config {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    pub fn network(message: impl Into<String>, hint: Option<String>) -> Self {
        Error::Network {
            message: message.into(),
            hint,
        }
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => exit::USAGE,
            Error::Config { .. } | Error::KeyFile(_) => exit::CONFIG,
            Error::Api(api) => api.exit_code(),
            Error::Auth { .. } => exit::AUTH,
            Error::Network { .. } => exit::NETWORK,
            Error::RateLimited { .. } => exit::RATE_LIMITED,
            Error::Refused { .. } => exit::REJECTED,
            Error::Verification { .. } => exit::VERIFICATION_FAILED,
            Error::Reported(code) => *code,
            Error::Aborted(_) => exit::ABORTED,
            Error::GateClosed { .. } => exit::GATE_CLOSED,
            Error::Changed { .. } => exit::CHANGED,
            Error::Filter(_) => exit::FILTER,
            Error::Interrupted { signal, .. } => signal.exit_code(),
            Error::BrokenPipe => exit::SUCCESS,
            Error::Internal(_) => exit::FAILURE,
        }
    }

    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Config { hint, .. }
            | Error::Network { hint, .. }
            | Error::RateLimited { hint, .. }
            | Error::Auth { hint, .. }
            | Error::Refused { hint, .. }
            | Error::Verification { hint, .. }
            | Error::GateClosed { hint, .. }
            | Error::Changed { hint, .. }
            | Error::Interrupted { hint, .. } => hint.clone(),
            Error::Api(api) => api.hint(),
            Error::Filter(_) => Some(
                "the command itself succeeded, and any change it made stands: run it again \
                 without --jq (or fix the filter) to see its output"
                    .into(),
            ),
            _ => None,
        }
    }
}

/// A usage error clap found, as one line (for `-o json`): clap's own text without its
/// `error:` prefix, usage block and `--help` tip.
impl From<clap::Error> for Error {
    fn from(e: clap::Error) -> Self {
        let rendered = e.render().to_string();
        let first = rendered.lines().next().unwrap_or("invalid arguments");
        Error::Usage(first.trim_start_matches("error: ").trim().to_string())
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Error::BrokenPipe
        } else {
            Error::Internal(format!("I/O error: {e}"))
        }
    }
}

/// Key material's errors keep the exit codes and messages they had as the CLI's: an
/// unusable key is exit 3; a `--bits` that `generate` does not offer is a usage error.
impl From<keymaterial::Error> for Error {
    fn from(e: keymaterial::Error) -> Self {
        match e {
            keymaterial::Error::KeyFile(message) => Error::KeyFile(message),
            keymaterial::Error::UnsupportedBits(bits) => {
                Error::Usage(format!("--bits must be 2048, 3072 or 4096, not {bits}"))
            }
            keymaterial::Error::Internal(message) => Error::Internal(message),
        }
    }
}

/// The sandbox's errors as the CLI's: usage 2, config 3 (with its hint), internal 1.
impl From<oktakeys_sandbox::Error> for Error {
    fn from(e: oktakeys_sandbox::Error) -> Self {
        match e {
            oktakeys_sandbox::Error::Usage(message) => Error::Usage(message),
            oktakeys_sandbox::Error::Config { message, hint } => Error::Config { message, hint },
            oktakeys_sandbox::Error::Internal(message) => Error::Internal(message),
        }
    }
}

fn http_reason(status: u16) -> Option<&'static str> {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.headline())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One error of each variant (an API error per status class). The match below
    /// fails to compile when a variant is added, so the new one is listed here too.
    fn one_of_each() -> Vec<Error> {
        let api = |status| {
            Error::Api(Box::new(ApiError {
                status,
                ..Default::default()
            }))
        };
        let errors = vec![
            Error::Usage("u".into()),
            Error::config("c"),
            Error::KeyFile("k".into()),
            api(302),
            api(400),
            api(401),
            api(403),
            api(404),
            api(409),
            api(429),
            api(500),
            Error::Auth {
                message: "a".into(),
                hint: None,
            },
            Error::network("n", None),
            Error::RateLimited {
                message: "l".into(),
                hint: None,
            },
            Error::Refused {
                message: "r".into(),
                hint: None,
            },
            Error::Verification {
                message: "v".into(),
                hint: None,
            },
            Error::Reported(exit::NETWORK),
            Error::Aborted("a".into()),
            Error::GateClosed {
                message: "g".into(),
                hint: None,
            },
            Error::Changed {
                message: "c".into(),
                hint: None,
            },
            Error::Interrupted {
                signal: Signal::Interrupt,
                during: None,
                hint: None,
            },
            Error::Interrupted {
                signal: Signal::Terminate,
                during: None,
                hint: None,
            },
            Error::Filter("f".into()),
            Error::BrokenPipe,
            Error::Internal("i".into()),
        ];
        for e in &errors {
            match e {
                Error::Usage(_)
                | Error::Config { .. }
                | Error::KeyFile(_)
                | Error::Api(_)
                | Error::Auth { .. }
                | Error::Network { .. }
                | Error::RateLimited { .. }
                | Error::Refused { .. }
                | Error::Verification { .. }
                | Error::Reported(_)
                | Error::Aborted(_)
                | Error::GateClosed { .. }
                | Error::Changed { .. }
                | Error::Interrupted { .. }
                | Error::Filter(_)
                | Error::BrokenPipe
                | Error::Internal(_) => {}
            }
        }
        errors
    }

    #[test]
    fn every_error_exits_with_a_code_of_the_table() {
        for e in one_of_each() {
            let code = e.exit_code();
            assert!(
                exit::TABLE.iter().any(|entry| entry.code == code),
                "{e:?} exits {code}, which the exit-code table does not list"
            );
        }
    }

    #[test]
    fn the_table_lists_each_code_once_in_order() {
        let codes: Vec<u8> = exit::TABLE.iter().map(|e| e.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        assert_eq!(exit::pairs::<{ exit::TABLE.len() }>().len(), codes.len());
    }

    /// The README's "Exit codes" table says what the help text says (markdown's
    /// backticks aside).
    #[test]
    fn the_readme_lists_the_same_exit_codes() {
        let readme = include_str!("../README.md");
        let section = readme
            .split("\n## Exit codes\n")
            .nth(1)
            .and_then(|rest| rest.split("\n## ").next())
            .expect("README.md has an `## Exit codes` section");
        let rows: Vec<(u8, String)> = section
            .lines()
            .filter_map(|line| {
                let cells: Vec<&str> = line.trim().trim_matches('|').split('|').collect();
                let [code, meaning] = cells.as_slice() else {
                    return None;
                };
                let code = code.trim().parse().ok()?;
                Some((code, meaning.trim().replace('`', "")))
            })
            .collect();
        let table: Vec<(u8, String)> = exit::TABLE
            .iter()
            .map(|e| (e.code, e.meaning.to_string()))
            .collect();
        assert_eq!(rows, table);
    }

    #[test]
    fn other_crates_errors_keep_their_exit_codes_and_messages() {
        let key = keymaterial::Error::KeyFile("key.pem: is empty".into());
        assert_eq!(Error::from(key.clone()).exit_code(), exit::CONFIG);
        assert_eq!(Error::from(key).to_string(), "key.pem: is empty");
        let bits = Error::from(keymaterial::Error::UnsupportedBits(1024));
        assert_eq!(bits.exit_code(), exit::USAGE);
        assert_eq!(
            bits.to_string(),
            "--bits must be 2048, 3072 or 4096, not 1024"
        );
        let random = keymaterial::Error::Internal("the OS random source failed".into());
        assert_eq!(Error::from(random.clone()).exit_code(), exit::FAILURE);

        let config = oktakeys_sandbox::Error::Config {
            message: "bad state".into(),
            hint: Some("reset it".into()),
        };
        assert_eq!(Error::from(config.clone()).exit_code(), exit::CONFIG);
        assert_eq!(Error::from(config).hint().as_deref(), Some("reset it"));
        let usage = oktakeys_sandbox::Error::Usage("empty token".into());
        assert_eq!(Error::from(usage.clone()).exit_code(), exit::USAGE);
        let internal = oktakeys_sandbox::Error::Internal("task failed".into());
        assert_eq!(Error::from(internal.clone()).exit_code(), exit::FAILURE);
    }
}
