//! The one rate limiter of the process: every response's `X-Rate-Limit-Limit`,
//! `-Remaining` and `-Reset` tell it how much of Okta's window is used; before each paced
//! request it makes sure oktakeys' share, counting its requests still in flight, stays
//! within `--max-api-capacity` percent of the window, so the org's other users (SDKs,
//! Terraform, the Admin Console) keep the rest. Like the Terraform provider's
//! `max_api_capacity`: requests may go while `used < limit × capacity ÷ 100`, else they
//! wait for the reset. Okta counts per endpoint; one window is kept (the latest one
//! reported), which is the endpoint family oktakeys calls. A 429 still gets the retry of
//! `retry`. The windows are kept per org (scheme, host and port of the URL).

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use reqwest::header::HeaderMap;
use tokio::time::Instant;
use url::Url;

use super::progress::human_wait;
use super::rate_limit::{
    RATE_LIMIT_LIMIT, RATE_LIMIT_REMAINING, RATE_LIMIT_RESET, reset_wait, too_long_to_wait,
};
use super::{Transport, header_u64};
use crate::error::Error;

/// How soon to look again when the share is all in flight.
const POLL: Duration = Duration::from_millis(20);

/// What the last responses said of the window, and what is in flight now.
#[derive(Debug, Default)]
struct Window {
    /// `None` until a response has told the limit.
    known: Option<Known>,
    in_flight: u64,
}

#[derive(Debug, Clone, Copy)]
struct Known {
    limit: u64,
    remaining: u64,
    /// When the window resets, on the local clock.
    reset: Instant,
}

impl Window {
    /// May one more request go now with `capacity` percent? Counts it in flight if so;
    /// otherwise says until when to wait.
    fn try_take(&mut self, capacity: u8, now: Instant) -> Result<(), Instant> {
        let verdict = match self.known {
            // Nothing known yet: one request at a time until a response tells the limit.
            None if self.in_flight == 0 => Ok(()),
            None => Err(now + POLL),
            Some(known) => {
                let allowed = (known.limit * u64::from(capacity) / 100).max(1);
                // Past the reset the window is new: only what is in flight counts.
                let new_window = now >= known.reset;
                let used = if new_window {
                    0
                } else {
                    known.limit.saturating_sub(known.remaining)
                };
                if used + self.in_flight < allowed {
                    Ok(())
                } else if new_window {
                    // The share is all in flight: its answers bring news of the window.
                    Err(now + POLL)
                } else {
                    Err(known.reset)
                }
            }
        };
        if verdict.is_ok() {
            self.in_flight += 1;
        }
        verdict
    }

    /// An answer (or a failure) of a request that was in flight, with its headers.
    fn done(&mut self, headers: Option<&HeaderMap>, now: Instant) {
        self.in_flight = self.in_flight.saturating_sub(1);
        let Some(headers) = headers else { return };
        let (Some(limit), Some(remaining)) = (
            header_u64(headers, RATE_LIMIT_LIMIT),
            header_u64(headers, RATE_LIMIT_REMAINING),
        ) else {
            return;
        };
        if header_u64(headers, RATE_LIMIT_RESET).is_none() {
            return;
        }
        // Less the SDKs' extra second: the reset itself, on the local clock.
        let reset =
            now + reset_wait(headers, SystemTime::now(), 0).saturating_sub(Duration::from_secs(1));
        let seen = Known {
            limit,
            remaining,
            reset,
        };
        self.known = Some(match self.known {
            // Answers of one window arrive out of order: the lowest remaining is the latest.
            Some(old) if old.reset.max(reset) - old.reset.min(reset) < Duration::from_secs(1) => {
                Known {
                    remaining: old.remaining.min(remaining),
                    reset: old.reset.max(reset),
                    ..seen
                }
            }
            Some(old) if old.reset > reset => old,
            _ => seen,
        });
    }
}

/// Every org's window, for the whole process.
static WINDOWS: Mutex<BTreeMap<String, Window>> = Mutex::new(BTreeMap::new());

fn with_window<T>(org: &str, f: impl FnOnce(&mut Window) -> T) -> T {
    let mut windows = WINDOWS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    f(windows.entry(org.to_string()).or_default())
}

/// A request counted in flight; [`Permit::done`] (or dropping it) counts it answered.
pub(super) struct Permit {
    org: String,
    open: bool,
}

impl Permit {
    /// The answer came: its headers tell the window.
    pub(super) fn done(mut self, headers: Option<&HeaderMap>) {
        self.open = false;
        with_window(&self.org, |w| w.done(headers, Instant::now()));
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        if self.open {
            with_window(&self.org, |w| w.done(None, Instant::now()));
        }
    }
}

/// A permit for a request to `url` now, or the instant to try again.
pub(super) fn try_take(url: &Url, capacity: u8) -> Result<Permit, Instant> {
    let org = url.origin().ascii_serialization();
    with_window(&org, |w| w.try_take(capacity, Instant::now())).map(|()| Permit { org, open: true })
}

impl Transport {
    /// Wait until one more request keeps oktakeys within `--max-api-capacity` of the
    /// window (see `limiter`), on the live line; not past `--timeout`.
    pub(super) async fn within_capacity(&self, url: &Url) -> crate::error::Result<Permit> {
        loop {
            let until = match try_take(url, self.max_api_capacity) {
                Ok(permit) => return Ok(permit),
                Err(until) => until,
            };
            let wait = until.saturating_duration_since(Instant::now());
            if let Some((why, hint)) = too_long_to_wait(self, wait) {
                return Err(Error::RateLimited {
                    message: format!(
                        "not sent: oktakeys has used its {} % of Okta's rate limit \
                         (--max-api-capacity). {why}",
                        self.max_api_capacity
                    ),
                    hint: Some(hint),
                });
            }
            if wait < Duration::from_millis(100) {
                tokio::time::sleep(wait).await;
                continue;
            }
            self.announce_and_wait(wait, |left| {
                format!(
                    "Keeping within {} % of Okta's rate limit (--max-api-capacity); continuing in {}",
                    self.max_api_capacity,
                    human_wait(left)
                )
            })
            .await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::tests::headers;

    fn window_with(limit: u64, remaining: u64, reset_in: Duration, now: Instant) -> Window {
        Window {
            known: Some(Known {
                limit,
                remaining,
                reset: now + reset_in,
            }),
            in_flight: 0,
        }
    }

    #[test]
    fn the_share_counts_what_is_in_flight() {
        let now = Instant::now();
        // 100 a minute, 40 used by others: at 50 %, 10 more may go, no more.
        let mut w = window_with(100, 60, Duration::from_secs(30), now);
        for _ in 0..10 {
            assert!(w.try_take(50, now).is_ok());
        }
        assert_eq!(w.try_take(50, now), Err(now + Duration::from_secs(30)));
        // After the reset, the window is new: 50 may be in flight.
        let later = now + Duration::from_secs(31);
        let mut w = window_with(100, 0, Duration::from_secs(30), now);
        for _ in 0..50 {
            assert!(w.try_take(50, later).is_ok());
        }
        assert!(w.try_take(50, later).is_err());
        // 100 %: all of it.
        let mut w = window_with(10, 10, Duration::from_secs(5), now);
        for _ in 0..10 {
            assert!(w.try_take(100, now).is_ok());
        }
        assert!(w.try_take(100, now).is_err());
    }

    #[test]
    fn nothing_known_sends_one_request_to_learn_the_window() {
        let now = Instant::now();
        let mut w = Window::default();
        assert!(w.try_take(50, now).is_ok());
        assert!(w.try_take(50, now).is_err());
        let reset = (SystemTime::now() + Duration::from_secs(60))
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_secs()
            .to_string();
        let h = headers(&[
            ("x-rate-limit-limit", "600"),
            ("x-rate-limit-remaining", "599"),
            ("x-rate-limit-reset", &reset),
        ]);
        w.done(Some(&h), now);
        for _ in 0..299 {
            assert!(w.try_take(50, now).is_ok());
        }
        assert!(w.try_take(50, now).is_err());
        // An older answer arriving late does not give back what is used.
        let h = headers(&[
            ("x-rate-limit-limit", "600"),
            ("x-rate-limit-remaining", "598"),
            ("x-rate-limit-reset", &reset),
        ]);
        w.done(Some(&h), now);
        assert_eq!(w.known.map(|k| k.remaining), Some(598));
    }
}
