//! The whole command's deadline (`--timeout`), and the timeouts of one attempt
//! (`--connect-timeout`, `--request-timeout`) as errors that name the setting to raise.

use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

use super::Transport;
use crate::env;
use crate::error::Error;

/// When the whole command must be over (`--timeout`); moved later by the time spent
/// waiting for the person (see [`Deadline::off_the_clock`]).
#[derive(Debug)]
pub(super) struct Deadline {
    at: Mutex<Instant>,
    /// `--timeout` itself, for messages.
    pub(super) timeout: Duration,
}

impl Deadline {
    /// `--timeout` is any whole number of seconds; one too large for the clock
    /// (someone's "no limit") means a century.
    pub(super) fn after(timeout: Duration) -> Self {
        const FOREVER: Duration = Duration::from_secs(100 * 365 * 24 * 3600);
        // From the command's start, as the process-wide clock counts (`crate::deadline`):
        // both end at the same moment, and the request's own report (naming the host)
        // comes first.
        let now = crate::deadline::started().unwrap_or_else(Instant::now);
        let at = now
            .checked_add(timeout.min(FOREVER))
            .unwrap_or(now + FOREVER);
        Deadline {
            at: Mutex::new(at),
            timeout,
        }
    }

    pub(super) fn at(&self) -> Instant {
        match self.at.lock() {
            Ok(at) => *at,
            Err(poisoned) => *poisoned.into_inner(),
        }
    }

    /// Would a wait of `wait`, started now, end at or after the deadline?
    pub(super) fn would_pass(&self, wait: Duration) -> bool {
        Instant::now() + wait >= self.at()
    }

    /// Run `f` (a confirmation prompt) without counting the time it takes against
    /// `--timeout`: a person thinking is not the network being slow.
    pub(super) async fn off_the_clock<T>(&self, f: impl std::future::Future<Output = T>) -> T {
        let started = Instant::now();
        let out = crate::deadline::off_the_clock(f).await;
        if let Ok(mut at) = self.at.lock()
            && let Some(later) = at.checked_add(started.elapsed())
        {
            *at = later;
        }
        out
    }
}

/// Which limit a timeout hit.
#[derive(Debug, Clone, Copy)]
pub(super) enum Limit {
    Connect,
    Request,
    Command,
}

impl Transport {
    /// A timeout, naming the setting to raise.
    pub(super) fn timeout_error(&self, which: Limit, host: &str) -> Error {
        let (limit, what) = match which {
            Limit::Connect => (
                self.connect_timeout,
                format!(
                    "cannot connect to {host} within {} s (--connect-timeout)",
                    self.connect_timeout.as_secs()
                ),
            ),
            Limit::Request => (
                self.request_timeout,
                format!(
                    "no complete answer from {host} within {} s (--request-timeout)",
                    self.request_timeout.as_secs()
                ),
            ),
            Limit::Command => (
                self.deadline.timeout,
                format!(
                    "gave up waiting for {host}: the command ran out of time (--timeout {} s)",
                    self.deadline.timeout.as_secs()
                ),
            ),
        };
        Error::network(what, Some(timeout_hint(which, limit)))
    }
}

pub(super) fn timeout_hint(which: Limit, now: Duration) -> String {
    let (flag, key, env) = match which {
        Limit::Connect => ("--connect-timeout", "connect_timeout", env::CONNECT_TIMEOUT),
        Limit::Request => ("--request-timeout", "request_timeout", env::REQUEST_TIMEOUT),
        Limit::Command => ("--timeout", "timeout", env::TIMEOUT),
    };
    let extra = match which {
        Limit::Connect => "; check the org URL, your network, and HTTPS_PROXY/NO_PROXY",
        _ => "",
    };
    format!(
        "raise {flag} (now {} s; profile key `{key}`, environment {env}){extra}",
        now.as_secs()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::HttpSettings;
    use crate::http::Progress;
    use url::Url;

    #[tokio::test(flavor = "current_thread")]
    async fn time_waiting_for_the_person_does_not_count_against_the_timeout() {
        let settings = HttpSettings {
            timeout: Duration::from_secs(1),
            request_timeout: Duration::from_secs(1),
            connect_timeout: Duration::from_secs(1),
            max_retries: 0,
            max_api_capacity: 100,
            ca_cert: None,
            ssl_cert_file: None,
        };
        let base = Url::parse("http://127.0.0.1:9").unwrap();
        let transport = Transport::new(&settings, &base, Progress::Silent).unwrap();
        let before = transport.deadline.at();
        let answer = transport
            .off_the_clock(async {
                tokio::time::sleep(Duration::from_millis(300)).await;
                "y"
            })
            .await;
        assert_eq!(answer, "y");
        assert!(transport.deadline.at() >= before + Duration::from_millis(300));
    }
}
