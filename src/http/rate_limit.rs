//! Okta's rate limits: how long a 429 (or a used-up window) waits, read from
//! `X-Rate-Limit-Reset` against Okta's `Date`, or a gateway's `Retry-After`; and the pause
//! before the next paced request when a response said the window is used up.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::HeaderMap;
use tokio::time::Instant;

use super::backoff::backoff;
use super::deadline::{Limit, timeout_hint};
use super::progress::human_wait;
use super::{Transport, header_str, header_u64};
use crate::error::{Error, Result};

/// The longest single wait for a rate-limit window to reset.
pub(crate) const MAX_RATE_LIMIT_WAIT: Duration = Duration::from_secs(60);
/// Added at random to a rate-limit wait, so jobs sharing an org do not all resend in the
/// same instant the window opens.
const RATE_LIMIT_JITTER: Duration = Duration::from_millis(400);

pub(super) const RATE_LIMIT_LIMIT: &str = "x-rate-limit-limit";
pub(super) const RATE_LIMIT_REMAINING: &str = "x-rate-limit-remaining";
pub(super) const RATE_LIMIT_RESET: &str = "x-rate-limit-reset";

/// How long to wait after a 429, or before the next request when the window is used
/// up: [`reset_wait`], capped at [`MAX_RATE_LIMIT_WAIT`].
pub(crate) fn rate_limit_wait(headers: &HeaderMap, now: SystemTime, attempt: u32) -> Duration {
    reset_wait(headers, now, attempt).min(MAX_RATE_LIMIT_WAIT)
}

/// How long until the window resets, as Okta said (it may say hours): until
/// `X-Rate-Limit-Reset` (epoch seconds on Okta's clock, compared with Okta's `Date`, or
/// with the local clock without it), plus one second as the SDKs do; without the reset
/// header, `Retry-After`, else backoff.
pub(crate) fn reset_wait(headers: &HeaderMap, now: SystemTime, attempt: u32) -> Duration {
    // A reset past what the clock can hold (a broken header): "a century".
    const FOREVER: Duration = Duration::from_secs(100 * 365 * 24 * 3600);
    match header_u64(headers, RATE_LIMIT_RESET) {
        Some(reset) => {
            let server_now = header_str(headers, "date")
                .and_then(|d| httpdate::parse_http_date(&d).ok())
                .unwrap_or(now);
            match UNIX_EPOCH.checked_add(Duration::from_secs(reset)) {
                Some(reset) => {
                    reset.duration_since(server_now).unwrap_or(Duration::ZERO)
                        + Duration::from_secs(1)
                }
                None => FOREVER,
            }
        }
        None => retry_after(headers, now).unwrap_or_else(|| backoff(attempt)),
    }
    .min(FOREVER)
}

/// Why a window that resets in `wait` is not waited for, with what to do, or `None`
/// when it is short enough: longer than [`MAX_RATE_LIMIT_WAIT`] (Okta said hours), or
/// ending after `--timeout`. The message gives the reset Okta said, not the cap.
pub(super) fn too_long_to_wait(transport: &Transport, wait: Duration) -> Option<(String, String)> {
    let at = SystemTime::now()
        .checked_add(wait)
        .map(|t| format!(" (at {})", httpdate::fmt_http_date(t)))
        .unwrap_or_default();
    let resets = format!("Okta's rate-limit window resets in {}{at}", long_wait(wait));
    if wait > MAX_RATE_LIMIT_WAIT {
        return Some((
            format!(
                "{resets}; oktakeys waits at most {} s for a window, so it will not wait that long",
                MAX_RATE_LIMIT_WAIT.as_secs()
            ),
            format!(
                "run again after the reset{at}; the limit is Okta's, per org and endpoint \
                 (the Admin Console's rate-limit dashboard shows who uses it)"
            ),
        ));
    }
    if transport.deadline.would_pass(wait) {
        return Some((
            format!(
                "{resets}, after --timeout ({} s) runs out; oktakeys will not wait that long",
                transport.deadline.timeout.as_secs()
            ),
            timeout_hint(Limit::Command, transport.deadline.timeout),
        ));
    }
    None
}

/// A wait as people say it: seconds, or minutes, or hours and minutes.
fn long_wait(d: Duration) -> String {
    let secs = d.as_secs();
    match secs {
        0..60 => human_wait(d),
        60..3600 => format!("{} min {} s", secs / 60, secs % 60),
        _ => format!("{} h {} min", secs / 3600, secs % 3600 / 60),
    }
}

/// The wait after a 429: [`rate_limit_wait`] plus jitter, still within
/// [`MAX_RATE_LIMIT_WAIT`].
pub(super) fn jittered_rate_limit_wait(headers: &HeaderMap, attempt: u32) -> Duration {
    let wait = rate_limit_wait(headers, SystemTime::now(), attempt)
        + RATE_LIMIT_JITTER.mul_f64(fastrand::f64());
    wait.min(MAX_RATE_LIMIT_WAIT)
}

/// `Retry-After` (seconds, or an HTTP date), which proxies and gateways send with 429
/// and 503 where Okta sends `X-Rate-Limit-Reset`.
pub(super) fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = header_str(headers, "retry-after")?;
    match value.parse::<u64>() {
        Ok(secs) => Some(Duration::from_secs(secs)),
        Err(_) => httpdate::parse_http_date(&value)
            .ok()
            .map(|at| at.duration_since(now).unwrap_or(Duration::ZERO)),
    }
}

impl Transport {
    pub(super) async fn wait_for_rate_limit_window(&self) -> Result<()> {
        let until = self.pause_until.lock().ok().and_then(|mut p| p.take());
        let Some(until) = until else { return Ok(()) };
        let wait = until.saturating_duration_since(Instant::now());
        if wait.is_zero() {
            return Ok(());
        }
        // Nothing is sent into a used-up window: it would only be refused with a 429.
        if let Some((why, hint)) = too_long_to_wait(self, wait) {
            // Still used up for the next request of this command, if any.
            if let Ok(mut pause) = self.pause_until.lock() {
                *pause = Some(until);
            }
            return Err(Error::RateLimited {
                message: format!("rate limited: Okta said the window is used up. {why}"),
                hint: Some(hint),
            });
        }
        self.announce_and_wait(wait, |left| {
            format!(
                "Okta's rate limit is used up; continuing in {}",
                human_wait(left)
            )
        })
        .await;
        Ok(())
    }

    /// Remember when Okta says the window is used up, so the next request waits for the
    /// reset instead of provoking a 429.
    pub(super) fn note_rate_limit(&self, headers: &HeaderMap) {
        if header_u64(headers, RATE_LIMIT_REMAINING) == Some(0)
            && header_u64(headers, RATE_LIMIT_RESET).is_some()
            && let Ok(mut pause) = self.pause_until.lock()
        {
            // Uncapped: a window that resets in hours is refused, not waited for.
            let wait = reset_wait(headers, SystemTime::now(), 0);
            *pause = Instant::now().checked_add(wait);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::backoff::BACKOFF_BASE;
    use crate::http::tests::headers;

    #[test]
    fn rate_limit_wait_uses_the_server_clock() {
        let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        // Okta's clock is 100 s ahead of ours; the window resets 10 s after Okta's now.
        let date = httpdate::fmt_http_date(now + Duration::from_secs(100));
        let h = headers(&[("date", &date), (RATE_LIMIT_RESET, "1700000110")]);
        assert_eq!(rate_limit_wait(&h, now, 0), Duration::from_secs(11));
        // Without Date, the local clock.
        let h = headers(&[(RATE_LIMIT_RESET, "1700000005")]);
        assert_eq!(rate_limit_wait(&h, now, 0), Duration::from_secs(6));
        // A reset far away is capped.
        let h = headers(&[(RATE_LIMIT_RESET, "1800000000")]);
        assert_eq!(rate_limit_wait(&h, now, 0), MAX_RATE_LIMIT_WAIT);
        // Without the reset header, a gateway's Retry-After, in seconds or as a date.
        let h = headers(&[("retry-after", "7")]);
        assert_eq!(rate_limit_wait(&h, now, 0), Duration::from_secs(7));
        let at = httpdate::fmt_http_date(now + Duration::from_secs(9));
        let h = headers(&[("retry-after", &at)]);
        assert_eq!(rate_limit_wait(&h, now, 0), Duration::from_secs(9));
        // A reset in the past still waits the SDKs' one second.
        let h = headers(&[(RATE_LIMIT_RESET, "1600000000")]);
        assert_eq!(rate_limit_wait(&h, now, 0), Duration::from_secs(1));
        // A reset beyond what the clock can hold is a long wait, not a panic.
        let h = headers(&[(RATE_LIMIT_RESET, &u64::MAX.to_string())]);
        assert_eq!(rate_limit_wait(&h, now, 0), MAX_RATE_LIMIT_WAIT);
        // Values at the ends of i64 (the token endpoint's tests had these): within
        // bounds, not an overflow.
        let h = headers(&[(RATE_LIMIT_RESET, &i64::MAX.to_string())]);
        assert_eq!(rate_limit_wait(&h, now, 0), MAX_RATE_LIMIT_WAIT);
        let h = headers(&[(RATE_LIMIT_RESET, &i64::MIN.to_string())]);
        assert!(rate_limit_wait(&h, now, 0) <= BACKOFF_BASE);
    }
}
