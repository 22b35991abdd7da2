//! Test knobs: a rate limit, added latency, failing chosen requests, and the limit of keys
//! per server.
//!
//! `sandbox serve` takes them as flags (each with an environment variable, see
//! [`crate::env`]); the in-process sandbox behind the `sandbox` profile reads the same
//! environment variables. Both parse every value with the parsers here, so the rules and
//! the defaults are written once.

use std::collections::BTreeSet;
use std::time::Duration;

use crate::env;
use crate::error::{Error, Result};

/// Where `sandbox serve` listens unless told otherwise.
pub const DEFAULT_SERVE_ADDR: &str = "127.0.0.1:8787";
pub const DEFAULT_RATE_LIMIT: u64 = 1000;
pub const DEFAULT_RATE_LIMIT_WINDOW_SECS: u64 = 60;
pub const DEFAULT_LATENCY_MS: u64 = 0;
/// Okta's limit of keys per authorization server.
pub const DEFAULT_MAX_KEYS: usize = 5;

/// Requests allowed per rate-limit window (at least 1). The error is the reason, for the
/// caller to put after the flag's or the variable's name.
pub fn parse_rate_limit(text: &str) -> std::result::Result<u64, String> {
    whole_number(text, 1)
}

/// Seconds in a rate-limit window (at least 1).
pub fn parse_rate_limit_window(text: &str) -> std::result::Result<u64, String> {
    whole_number(text, 1)
}

/// Milliseconds to wait before each answer.
pub fn parse_latency_ms(text: &str) -> std::result::Result<u64, String> {
    whole_number(text, 0)
}

/// The most keys a server may hold (at least 1).
pub fn parse_max_keys(text: &str) -> std::result::Result<usize, String> {
    whole_number(text, 1).and_then(|n| usize::try_from(n).map_err(|_| "is too large".into()))
}

/// One number of a request to fail (counted from 1).
pub fn parse_request_number(text: &str) -> std::result::Result<u64, String> {
    match text.trim().parse::<u64>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("must be request numbers (1, 2, …) separated by commas".into()),
    }
}

fn whole_number(text: &str, min: u64) -> std::result::Result<u64, String> {
    match text.trim().parse::<u64>() {
        Ok(n) if n >= min => Ok(n),
        _ => Err(format!("must be a whole number of at least {min}")),
    }
}

/// How a request chosen by `fail_requests` fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailWith {
    /// 500 E0000009 with Okta's error body.
    #[default]
    Status500,
    /// 503 E0000010 (the Python SDK retries these).
    Status503,
    /// Close the connection without answering.
    Drop,
}

impl FailWith {
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "500" => Some(FailWith::Status500),
            "503" => Some(FailWith::Status503),
            "drop" => Some(FailWith::Drop),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Knobs {
    /// Requests allowed per window; the next ones get 429 E0000047 until it resets.
    pub rate_limit: u64,
    /// Window length. A window starts with the first request after the previous one ended.
    pub rate_limit_window: Duration,
    /// Added before answering each request.
    pub latency: Duration,
    /// 1-based numbers of the requests (counted from the server's start) to fail.
    pub fail_requests: BTreeSet<u64>,
    pub fail_with: FailWith,
    /// An add beyond this many keys is refused with Okta's 400 (its text says 5).
    pub max_keys: usize,
}

impl Default for Knobs {
    fn default() -> Self {
        Knobs {
            rate_limit: DEFAULT_RATE_LIMIT,
            rate_limit_window: Duration::from_secs(DEFAULT_RATE_LIMIT_WINDOW_SECS),
            latency: Duration::from_millis(DEFAULT_LATENCY_MS),
            fail_requests: BTreeSet::new(),
            fail_with: FailWith::default(),
            max_keys: DEFAULT_MAX_KEYS,
        }
    }
}

impl Knobs {
    /// The knobs from the environment variables (`OKTAKEYS_SANDBOX_*`).
    pub fn from_env() -> Result<Self> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// The knobs from a variable lookup; unset or empty variables keep the defaults.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let value = |name: &str, parse: fn(&str) -> std::result::Result<u64, String>| {
            get(name)
                .map(|v| parse(&v).map_err(|why| Error::config(format!("{name} {why}, not `{v}`"))))
                .transpose()
        };
        let mut knobs = Knobs::default();
        if let Some(n) = value(env::RATE_LIMIT, parse_rate_limit)? {
            knobs.rate_limit = n;
        }
        if let Some(n) = value(env::RATE_LIMIT_WINDOW, parse_rate_limit_window)? {
            knobs.rate_limit_window = Duration::from_secs(n);
        }
        if let Some(n) = value(env::LATENCY_MS, parse_latency_ms)? {
            knobs.latency = Duration::from_millis(n);
        }
        if let Some(v) = get(env::MAX_KEYS) {
            knobs.max_keys = parse_max_keys(&v)
                .map_err(|why| Error::config(format!("{} {why}, not `{v}`", env::MAX_KEYS)))?;
        }
        if let Some(list) = get(env::FAIL_REQUESTS) {
            for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let n = parse_request_number(item).map_err(|why| {
                    Error::config(format!("{} {why}, not `{list}`", env::FAIL_REQUESTS))
                })?;
                knobs.fail_requests.insert(n);
            }
        }
        if let Some(v) = get(env::FAIL_WITH) {
            knobs.fail_with = FailWith::parse(&v).ok_or_else(|| {
                Error::config(format!(
                    "{} must be 500, 503 or drop, not `{v}`",
                    env::FAIL_WITH
                ))
            })?;
        }
        Ok(knobs)
    }
}

/// The current rate-limit window.
#[derive(Debug, Default)]
pub(crate) struct RateWindow {
    /// Epoch second the window started.
    start: u64,
    used: u64,
    started: bool,
}

/// The rate-limit headers of one request, and whether it may proceed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RateDecision {
    pub(crate) allowed: bool,
    pub(crate) limit: u64,
    pub(crate) remaining: u64,
    /// Epoch second at which the window resets (`X-Rate-Limit-Reset`).
    pub(crate) reset: u64,
}

impl RateWindow {
    /// Count a request arriving at epoch second `now`.
    pub(crate) fn take(&mut self, now: u64, limit: u64, window_secs: u64) -> RateDecision {
        if !self.started || now >= self.start + window_secs {
            self.start = now;
            self.used = 0;
            self.started = true;
        }
        let reset = self.start + window_secs;
        if self.used >= limit {
            return RateDecision {
                allowed: false,
                limit,
                remaining: 0,
                reset,
            };
        }
        self.used += 1;
        RateDecision {
            allowed: true,
            limit,
            remaining: limit - self.used,
            reset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn lookup(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn no_variables_give_the_defaults() {
        assert_eq!(Knobs::from_lookup(lookup(&[])).unwrap(), Knobs::default());
        assert_eq!(Knobs::default().rate_limit, 1000);
        assert_eq!(Knobs::default().rate_limit_window, Duration::from_secs(60));
    }

    #[test]
    fn variables_set_every_knob() {
        let knobs = Knobs::from_lookup(lookup(&[
            ("OKTAKEYS_SANDBOX_RATE_LIMIT", "3"),
            ("OKTAKEYS_SANDBOX_RATE_LIMIT_WINDOW", "10"),
            ("OKTAKEYS_SANDBOX_LATENCY_MS", "250"),
            ("OKTAKEYS_SANDBOX_FAIL_REQUESTS", "2, 5,2"),
            ("OKTAKEYS_SANDBOX_FAIL_WITH", "drop"),
            ("OKTAKEYS_SANDBOX_MAX_KEYS", "2"),
        ]))
        .unwrap();
        assert_eq!(
            knobs,
            Knobs {
                rate_limit: 3,
                rate_limit_window: Duration::from_secs(10),
                latency: Duration::from_millis(250),
                fail_requests: [2, 5].into_iter().collect(),
                fail_with: FailWith::Drop,
                max_keys: 2,
            }
        );
    }

    #[test]
    fn bad_values_are_config_errors_naming_the_variable() {
        let cases = [
            (
                "OKTAKEYS_SANDBOX_RATE_LIMIT",
                "0",
                "OKTAKEYS_SANDBOX_RATE_LIMIT must be a whole number of at least 1, not `0`",
            ),
            (
                "OKTAKEYS_SANDBOX_LATENCY_MS",
                "fast",
                "OKTAKEYS_SANDBOX_LATENCY_MS must be a whole number of at least 0, not `fast`",
            ),
            (
                "OKTAKEYS_SANDBOX_FAIL_REQUESTS",
                "1,x",
                "OKTAKEYS_SANDBOX_FAIL_REQUESTS must be request numbers (1, 2, …) separated by commas, not `1,x`",
            ),
            (
                "OKTAKEYS_SANDBOX_MAX_KEYS",
                "0",
                "OKTAKEYS_SANDBOX_MAX_KEYS must be a whole number of at least 1, not `0`",
            ),
            (
                "OKTAKEYS_SANDBOX_FAIL_WITH",
                "404",
                "OKTAKEYS_SANDBOX_FAIL_WITH must be 500, 503 or drop, not `404`",
            ),
        ];
        for (name, value, message) in cases {
            let err = Knobs::from_lookup(lookup(&[(name, value)])).unwrap_err();
            assert_eq!(err.to_string(), message);
            assert!(matches!(err, Error::Config { .. }), "{err:?}");
        }
    }

    #[test]
    fn the_window_counts_down_refuses_and_resets() {
        let mut w = RateWindow::default();
        let d = |allowed, remaining, reset| RateDecision {
            allowed,
            limit: 2,
            remaining,
            reset,
        };
        assert_eq!(w.take(100, 2, 60), d(true, 1, 160));
        assert_eq!(w.take(130, 2, 60), d(true, 0, 160));
        assert_eq!(w.take(159, 2, 60), d(false, 0, 160));
        // The next window starts with the first request after the reset.
        assert_eq!(w.take(200, 2, 60), d(true, 1, 260));
    }
}
