//! A fault hook for tests: fail a chosen request, lose the answer of another, and record
//! every request, so a client's recovery is tested against the sandbox's real rules.
//!
//! Requests are matched by "METHOD /path" ending with a pattern (`"/lifecycle/activate"`,
//! `"DELETE /api/v1/…/keys/apkOld"`); each armed fault fires once, the first armed first.

use std::sync::{Arc, Mutex, MutexGuard};

use axum::http::StatusCode;

use crate::errors::OktaError;

/// One request as the sandbox received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedRequest {
    /// `METHOD /path`, without the query.
    pub line: String,
    /// The body, when it was JSON.
    pub body: Option<serde_json::Value>,
}

/// Shared between the test and the running sandbox (clones share one hook).
#[derive(Debug, Clone, Default)]
pub struct Faults {
    inner: Arc<Mutex<Armed>>,
}

#[derive(Debug, Default)]
struct Armed {
    failures: Vec<(String, u16)>,
    lost_answers: Vec<(String, u16)>,
    log: Vec<LoggedRequest>,
    key_ids: std::collections::VecDeque<String>,
    /// Patterns whose next request never gets an answer: `true` once carried out.
    hangs: Vec<(String, bool)>,
    /// How many requests have hung so far.
    hung: usize,
}

/// What the hook decided for one request.
pub(crate) enum Verdict {
    /// Answer with this error instead of carrying the request out.
    Fail(OktaError),
    /// Carry the request out, then answer with this error anyway.
    LoseAnswer(OktaError),
    /// Never answer: before carrying the request out (`false`) or after (`true`). The
    /// client sees a request in flight, as when it is killed mid-step.
    Hang {
        after: bool,
    },
    Serve,
}

impl Faults {
    pub fn new() -> Self {
        Self::default()
    }

    /// Answer the next request matching `pattern` with `status` and Okta's error body,
    /// without carrying it out.
    pub fn fail_next(&self, pattern: &str, status: u16) {
        self.lock().failures.push((pattern.to_string(), status));
    }

    /// Carry out the next request matching `pattern`, then answer with `status` anyway:
    /// the change happened, and the client cannot know.
    pub fn lose_answer(&self, pattern: &str, status: u16) {
        self.lock().lost_answers.push((pattern.to_string(), status));
    }

    /// Never answer the next request matching `pattern`, carried out first when `after`:
    /// a test kills the client then (see [`Faults::hung`]), as a kill -9 mid-step.
    pub fn hang(&self, pattern: &str, after: bool) {
        self.lock().hangs.push((pattern.to_string(), after));
    }

    /// How many requests have hung (after being carried out, for `after` ones).
    pub fn hung(&self) -> usize {
        self.lock().hung
    }

    pub(crate) fn hanging(&self) {
        self.lock().hung += 1;
    }

    /// The ids the next added keys get, in order, instead of random ones: so a test can
    /// name them in the output it expects.
    pub fn name_next_keys(&self, ids: &[&str]) {
        self.lock()
            .key_ids
            .extend(ids.iter().map(|id| id.to_string()));
    }

    /// The id armed for the next added key, if any.
    pub(crate) fn take_key_id(&self) -> Option<String> {
        self.lock().key_ids.pop_front()
    }

    /// Every request since the start (or the last [`Faults::clear_log`]), in order.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.lock().log.clone()
    }

    pub fn clear_log(&self) {
        self.lock().log.clear();
    }

    /// Log the request and decide its fate.
    pub(crate) fn on_request(&self, method: &str, path: &str, body: &[u8]) -> Verdict {
        let line = format!("{method} {path}");
        let mut armed = self.lock();
        armed.log.push(LoggedRequest {
            line: line.clone(),
            body: serde_json::from_slice(body).ok(),
        });
        if let Some(status) = take_match(&mut armed.failures, &line) {
            return Verdict::Fail(OktaError::injected(status));
        }
        if let Some(after) = take_match(&mut armed.hangs, &line) {
            return Verdict::Hang { after };
        }
        match take_match(&mut armed.lost_answers, &line) {
            Some(status) => Verdict::LoseAnswer(OktaError::injected(status)),
            None => Verdict::Serve,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Armed> {
        // A test that panicked while holding the lock leaves nothing half-written here.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn take_match<T>(armed: &mut Vec<(String, T)>, line: &str) -> Option<T> {
    let at = armed.iter().position(|(p, _)| line.ends_with(p.as_str()))?;
    Some(armed.remove(at).1)
}

impl OktaError {
    /// The error an injected fault answers with: E0000009 and the status's reason.
    pub(crate) fn injected(status: u16) -> Self {
        let reason = StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("Injected fault");
        OktaError {
            status,
            code: "E0000009",
            summary: reason.to_string(),
            causes: Vec::new(),
        }
    }
}
