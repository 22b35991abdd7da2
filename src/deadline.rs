//! The whole command's deadline (`--timeout`), for everything that is not a request:
//! the user's commands (`shell`), `--jq`, reading stdin. `lib::run` races the command
//! against [`expired`]; when it wins, the command's future is dropped, which kills any
//! user command still running (its process group, see `shell`), and the report names
//! what was still running ([`doing`]).
//!
//! One clock for the process, started by the first [`set`] (as the command starts): the limit is set from the flag or
//! environment first, then again once a profile's `timeout` is known ([`set`]). Time
//! spent waiting for a person (a confirmation, a passphrase) or for the gate (which has
//! its own `--gate-timeout`) does not count ([`off_the_clock`]).

use std::sync::{LazyLock, Mutex, MutexGuard};
use std::time::Duration;

use tokio::sync::Notify;
use tokio::time::Instant;

#[derive(Debug)]
struct Clock {
    /// The first [`set`].
    started: Option<Instant>,
    /// `--timeout`; `None` until set (no limit).
    limit: Option<Duration>,
    /// Time not counted: finished pauses.
    paused_total: Duration,
    /// Pauses under way (they nest: a confirmation inside the rotation's pause).
    paused: u32,
    paused_since: Option<Instant>,
    /// What is running now, for the report, with an id per entry.
    doing: Vec<(u64, String)>,
    next_id: u64,
}

static CLOCK: LazyLock<Mutex<Clock>> = LazyLock::new(|| {
    Mutex::new(Clock {
        started: None,
        limit: None,
        paused_total: Duration::ZERO,
        paused: 0,
        paused_since: None,
        doing: Vec::new(),
        next_id: 0,
    })
});

/// Woken whenever the deadline may have moved.
static CHANGED: Notify = Notify::const_new();

fn clock() -> MutexGuard<'static, Clock> {
    CLOCK
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Clock {
    /// When the limit runs out, or `None` while paused or without a limit.
    fn at(&self) -> Option<Instant> {
        if self.paused > 0 {
            return None;
        }
        // A limit too large for the clock (someone's "no limit") never runs out.
        self.started?
            .checked_add(self.limit?)?
            .checked_add(self.paused_total)
    }
}

/// Start the clock (at the first call) and set `--timeout`.
pub(crate) fn set(limit: Duration) {
    let mut c = clock();
    c.started.get_or_insert_with(Instant::now);
    c.limit = Some(limit);
    drop(c);
    CHANGED.notify_waiters();
}

/// `--timeout`, once set.
pub(crate) fn limit() -> Option<Duration> {
    clock().limit
}

/// What is running now (see [`doing`]), the latest first.
pub(crate) fn running() -> Vec<String> {
    clock().doing.iter().rev().map(|(_, w)| w.clone()).collect()
}

/// Ends when the deadline has passed: with what was running then (the latest first).
pub(crate) async fn expired() -> Vec<String> {
    loop {
        // Registered before reading the clock, so a change in between is not missed.
        let changed = CHANGED.notified();
        let at = clock().at();
        match at {
            Some(at) if Instant::now() >= at => {
                return running();
            }
            Some(at) => {
                tokio::select! {
                    _ = tokio::time::sleep_until(at) => {}
                    _ = changed => {}
                }
            }
            None => changed.await,
        }
    }
}

/// Run `f` without counting its time against `--timeout`: a person thinking is not the
/// command being slow.
pub(crate) async fn off_the_clock<T>(f: impl std::future::Future<Output = T>) -> T {
    let _pause = Pause::start();
    f.await
}

/// A pause of the clock, ended when dropped (also when its future is cancelled).
struct Pause;

impl Pause {
    fn start() -> Self {
        let mut c = clock();
        if c.paused == 0 {
            c.paused_since = Some(Instant::now());
        }
        c.paused += 1;
        Pause
    }
}

impl Drop for Pause {
    fn drop(&mut self) {
        let mut c = clock();
        c.paused = c.paused.saturating_sub(1);
        if c.paused == 0
            && let Some(since) = c.paused_since.take()
        {
            c.paused_total += since.elapsed();
        }
        drop(c);
        CHANGED.notify_waiters();
    }
}

/// Say what is running until the returned guard is dropped (`running --activate-when
/// \`…\``): a timeout's report names it.
pub(crate) fn doing(what: impl Into<String>) -> Doing {
    let mut c = clock();
    c.next_id += 1;
    let id = c.next_id;
    c.doing.push((id, what.into()));
    Doing(id)
}

/// See [`doing`].
#[must_use]
pub(crate) struct Doing(u64);

impl Drop for Doing {
    fn drop(&mut self) {
        clock().doing.retain(|(id, _)| *id != self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // One test: the clock is the process's.
    #[tokio::test]
    async fn runs_out_after_pauses_and_names_what_runs() {
        set(Duration::from_secs(1));
        let _reading = doing("reading stdin");
        // Longer than the limit, but off the clock: not run out yet.
        off_the_clock(tokio::time::sleep(Duration::from_millis(1200))).await;
        let early = tokio::time::timeout(Duration::from_millis(10), expired()).await;
        assert!(early.is_err(), "ran out during a pause");
        let what = expired().await;
        // (Other unit tests may run commands meanwhile: they would be named too.)
        assert!(what.contains(&"reading stdin".to_string()), "{what:?}");
    }
}
