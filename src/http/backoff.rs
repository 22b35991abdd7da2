//! The jittered exponential backoff between attempts, shared by the retry policy and the
//! rate-limit wait (when Okta gives no reset).

use std::time::Duration;

/// First backoff step after a 5xx or a dropped connection; doubles each retry.
pub(super) const BACKOFF_BASE: Duration = Duration::from_millis(500);
const BACKOFF_CAP: Duration = Duration::from_secs(20);

/// Exponential backoff with jitter: a random wait in [base·2ⁿ/2, base·2ⁿ], capped.
pub(super) fn backoff(attempt: u32) -> Duration {
    let ceiling = BACKOFF_BASE
        .saturating_mul(2u32.saturating_pow(attempt.min(16)))
        .min(BACKOFF_CAP);
    let half = ceiling / 2;
    half + half.mul_f64(fastrand::f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_with_jitter_and_is_capped() {
        for attempt in 0..6 {
            let ceiling = BACKOFF_BASE * 2u32.pow(attempt);
            let ceiling = ceiling.min(BACKOFF_CAP);
            let d = backoff(attempt);
            assert!(d >= ceiling / 2 && d <= ceiling, "attempt {attempt}: {d:?}");
        }
        assert!(backoff(40) <= BACKOFF_CAP);
    }
}
