//! The retry policy (see the module docs of `http`): what each answer or failure of one
//! attempt leads to, the jittered backoff, `X-Okta-Retry-For` / `X-Okta-Retry-Count` on
//! resends, and the count of one logical call across resends.

use std::time::{Duration, SystemTime};

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use url::Url;

use super::backoff::backoff;
use super::failure::Failure;
use super::okta_error::{api_error, status_text};
use super::progress::human_wait;
use super::rate_limit::{
    MAX_RATE_LIMIT_WAIT, jittered_rate_limit_wait, reset_wait, retry_after, too_long_to_wait,
};
use super::{Attempts, Request, Response, Sent, Transport};
use crate::error::{Error, Result};

const RETRY_FOR: &str = "x-okta-retry-for";
const RETRY_COUNT: &str = "x-okta-retry-count";

/// The retry count of one logical call, carried across `send_tracked` calls so a caller
/// that resends (after checking) keeps counting.
#[derive(Debug, Default)]
pub(crate) struct Retries {
    /// Retries made so far (0 on the first attempt).
    pub(super) attempt: u32,
    /// The request id of the last refused attempt, for `X-Okta-Retry-For`.
    retry_for: Option<String>,
    /// Some earlier attempt failed after the request may have reached Okta.
    maybe_applied: bool,
}

impl Retries {
    /// Did an earlier attempt fail in a way that may have applied the request? (A DELETE
    /// resent after a dropped connection that then gets 404 deleted the key the first time.)
    pub(crate) fn earlier_attempt_may_have_applied(&self) -> bool {
        self.maybe_applied
    }

    /// On a resend: which attempt this is, and the request id of the one Okta refused.
    pub(super) fn add_headers(&self, headers: &mut HeaderMap) {
        if self.attempt == 0 {
            return;
        }
        if let Some(id) = self
            .retry_for
            .as_deref()
            .and_then(|id| HeaderValue::from_str(id).ok())
        {
            headers.insert(HeaderName::from_static(RETRY_FOR), id);
        }
        headers.insert(
            HeaderName::from_static(RETRY_COUNT),
            HeaderValue::from(self.attempt),
        );
    }
}

/// What one attempt's outcome leads to.
enum Next {
    /// The call is over, with this answer.
    Done(Result<Sent>),
    /// Wait, then resend; `why` is told to the person.
    Retry { wait: Duration, why: String },
}

/// Why a failed request is not retried.
#[derive(Debug)]
pub(super) enum Stop {
    /// `--max-retries` used up.
    Retries,
    /// The wait would pass the command's deadline; says so.
    Deadline(String),
    /// The rate-limit window resets later than oktakeys waits: what Okta said, and what
    /// to do.
    Window { note: String, hint: String },
}

impl Stop {
    fn note(&self) -> Option<String> {
        match self {
            Stop::Retries => None,
            Stop::Deadline(note) | Stop::Window { note, .. } => Some(note.clone()),
        }
    }

    fn hint(&self) -> Option<String> {
        match self {
            Stop::Window { hint, .. } => Some(hint.clone()),
            _ => None,
        }
    }
}

impl Transport {
    /// Send `request` to `url` with the retry policy of the module docs, each attempt
    /// with fresh credentials from `attempts`. A request that is not idempotent and may
    /// have reached Okta comes back as [`Sent::Unsure`] instead of being resent;
    /// `retries` keeps the count for a caller that resends.
    pub(crate) async fn send_tracked(
        &self,
        request: &Request,
        url: &Url,
        retries: &mut Retries,
        attempts: &mut impl Attempts,
    ) -> Result<Sent> {
        loop {
            if request.paced {
                self.wait_for_rate_limit_window().await?;
            }
            let credentials = attempts.credentials(request, url).await?;
            let outcome = self.send_once(request, url, retries, credentials).await;
            // A DPoP nonce challenge, or a kept OAuth token that Okta refused: resend at
            // once (a 401 was not applied), without counting a retry.
            if let Ok(resp) = &outcome
                && attempts.resend_at_once(url, resp)
            {
                continue;
            }
            let (wait, why) = match self.next_step(request, url, retries, attempts, outcome) {
                Next::Done(answer) => return answer,
                Next::Retry { wait, why } => (wait, why),
            };
            self.count_and_wait(retries, wait, &format!("{why}; retrying"))
                .await;
        }
    }

    /// Before resending a request that is not idempotent, once the caller has made sure
    /// the last attempt was not applied: wait a backoff, or give up with `last` when out of
    /// retries or time.
    pub(crate) async fn pause_before_resend(
        &self,
        retries: &mut Retries,
        last: Error,
    ) -> Result<()> {
        let wait = backoff(retries.attempt);
        if let Err(why_not) = self.may_retry(retries, wait) {
            return Err(with_attempts(last, retries, why_not));
        }
        self.count_and_wait(retries, wait, &format!("{last}; not applied, resending"))
            .await;
        Ok(())
    }

    /// Count one more retry and wait for it, telling the person "`doing` in … (attempt
    /// n/max)".
    async fn count_and_wait(&self, retries: &mut Retries, wait: Duration, doing: &str) {
        retries.attempt += 1;
        self.announce_and_wait(wait, |left| {
            format!(
                "{doing} in {} (attempt {}/{})",
                human_wait(left),
                retries.attempt,
                self.max_retries
            )
        })
        .await;
    }

    /// The retry policy for one attempt's outcome.
    fn next_step(
        &self,
        request: &Request,
        url: &Url,
        retries: &mut Retries,
        attempts: &mut impl Attempts,
        outcome: std::result::Result<Response, Failure>,
    ) -> Next {
        match outcome {
            Ok(resp) if resp.status.is_success() => Next::Done(Ok(Sent::Done(resp))),
            Ok(resp) if resp.status == StatusCode::TOO_MANY_REQUESTS => {
                self.after_rate_limit(request, url, retries, resp)
            }
            Ok(resp) if is_transient(resp.status) => {
                self.after_server_error(request, url, retries, resp)
            }
            Ok(resp) => Next::Done(Err(attempts.refusal(request, url, resp, retries))),
            Err(failure) => self.after_failure(request, retries, failure),
        }
    }

    /// A 429 was not applied: any request waits for the window and is resent; but not
    /// when the window resets later than oktakeys waits (a resend would only be refused
    /// again), and not past `--timeout`.
    fn after_rate_limit(
        &self,
        request: &Request,
        url: &Url,
        retries: &mut Retries,
        resp: Response,
    ) -> Next {
        let reset = reset_wait(&resp.headers, SystemTime::now(), retries.attempt);
        let wait = jittered_rate_limit_wait(&resp.headers, retries.attempt);
        let stop = match too_long_to_wait(self, reset) {
            Some((note, hint)) if retries.attempt < self.max_retries => {
                Err(Stop::Window { note, hint })
            }
            _ => self.may_retry(retries, wait),
        };
        match stop {
            Ok(()) => {
                retries.retry_for = resp.request_id.clone();
                // A 429 should mean "not applied", but Okta has been seen to apply an add
                // and answer 429: whoever resends a POST must be ready to find it done.
                if !request.idempotent {
                    retries.maybe_applied = true;
                }
                Next::Retry {
                    wait,
                    why: "rate limited by Okta".to_string(),
                }
            }
            Err(why_not) => {
                let mut err = api_error(request, url, &resp, retries, why_not.note());
                if let Error::Api(api) = &mut err {
                    api.gave_up_hint = why_not.hint();
                }
                Next::Done(Err(err))
            }
        }
    }

    /// A 5xx may have been applied: only an idempotent request is resent.
    fn after_server_error(
        &self,
        request: &Request,
        url: &Url,
        retries: &mut Retries,
        resp: Response,
    ) -> Next {
        if !request.idempotent {
            retries.maybe_applied = true;
            retries.retry_for = resp.request_id.clone();
            let err = api_error(request, url, &resp, retries, None);
            return Next::Done(Ok(Sent::Unsure(err)));
        }
        let wait = retry_after(&resp.headers, SystemTime::now())
            .map_or(backoff(retries.attempt), |after| {
                after.max(backoff(retries.attempt))
            })
            .min(MAX_RATE_LIMIT_WAIT);
        match self.may_retry(retries, wait) {
            Ok(()) => {
                retries.maybe_applied = true;
                retries.retry_for = resp.request_id.clone();
                Next::Retry {
                    wait,
                    why: format!("Okta answered {}", status_text(resp.status)),
                }
            }
            Err(why_not) => {
                Next::Done(Err(api_error(request, url, &resp, retries, why_not.note())))
            }
        }
    }

    /// No answer: resent after a backoff when it surely never left, or when it is
    /// idempotent; otherwise the caller must find out what happened.
    fn after_failure(&self, request: &Request, retries: &mut Retries, failure: Failure) -> Next {
        match failure {
            Failure::Fatal(e) => Next::Done(Err(e)),
            Failure::Deadline(e) | Failure::Unsure(e) if !request.idempotent => {
                retries.maybe_applied = true;
                Next::Done(Ok(Sent::Unsure(e)))
            }
            Failure::Deadline(e) => Next::Done(Err(e)),
            failure => {
                let wait = backoff(retries.attempt);
                match self.may_retry(retries, wait) {
                    Ok(()) => {
                        if matches!(failure, Failure::Unsure(_)) {
                            retries.maybe_applied = true;
                        }
                        Next::Retry {
                            wait,
                            why: failure.error().to_string(),
                        }
                    }
                    Err(why_not) => {
                        Next::Done(Err(with_attempts(failure.into_error(), retries, why_not)))
                    }
                }
            }
        }
    }

    /// May we retry after waiting `wait`? Why not, if not.
    fn may_retry(&self, retries: &Retries, wait: Duration) -> std::result::Result<(), Stop> {
        if retries.attempt >= self.max_retries {
            return Err(Stop::Retries);
        }
        if self.deadline.would_pass(wait) {
            return Err(Stop::Deadline(format!(
                "not retried: the next attempt, in {}, would come after --timeout ({} s) runs out",
                human_wait(wait),
                self.deadline.timeout.as_secs()
            )));
        }
        Ok(())
    }
}

fn is_transient(status: StatusCode) -> bool {
    matches!(status.as_u16(), 500 | 502 | 503 | 504)
}

/// A transport error that is not retried: say how many attempts were made, and why no
/// more when it was the deadline.
fn with_attempts(err: Error, retries: &Retries, stop: Stop) -> Error {
    let (message, hint) = match err {
        Error::Network { message, hint } => (message, hint),
        Error::Api(mut api) => {
            api.gave_up = stop.note();
            api.gave_up_hint = stop.hint();
            return Error::Api(api);
        }
        other => return other,
    };
    let mut notes = Vec::new();
    if retries.attempt > 0 {
        notes.push(format!("after {} attempts", retries.attempt + 1));
    }
    notes.extend(stop.note());
    if notes.is_empty() {
        return Error::Network { message, hint };
    }
    Error::Network {
        message: format!("{message} ({})", notes.join("; ")),
        hint,
    }
}
