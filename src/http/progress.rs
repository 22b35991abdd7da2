//! How waits (rate limits, backoff) are told to the person, on stderr: counted down on the
//! live line on a terminal (`crate::progress`), a log line otherwise, nothing with `-q`.

use std::time::Duration;

use super::Transport;

/// How waits (rate limits, backoff) are told to the person, on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// A live line on the terminal, counted down in place and cleared afterwards.
    Live,
    /// A plain log line, shown at `-v`.
    Log,
    /// Nothing (`-q`).
    Silent,
}

impl Progress {
    /// Live where the live line is drawn (a terminal, no `-q`, no CI: `crate::progress`),
    /// a log line otherwise, nothing with `--quiet`.
    pub(crate) fn detect(quiet: bool) -> Self {
        if quiet {
            Progress::Silent
        } else if crate::progress::allowed() {
            Progress::Live
        } else {
            Progress::Log
        }
    }
}

impl Transport {
    /// Wait, telling the person: a live countdown on a terminal, a log line at `-v`
    /// otherwise, nothing with `-q`.
    pub(super) async fn announce_and_wait(
        &self,
        wait: Duration,
        line: impl Fn(Duration) -> String,
    ) {
        match self.progress {
            Progress::Silent => tokio::time::sleep(wait).await,
            Progress::Log => {
                tracing::info!("{}", line(wait));
                tokio::time::sleep(wait).await;
            }
            Progress::Live => {
                let mut live = LiveLine;
                // The fraction first, then whole seconds counted down on the second.
                let whole = wait.as_secs();
                let fraction = wait - Duration::from_secs(whole);
                if !fraction.is_zero() {
                    live.show(&line(wait));
                    tokio::time::sleep(fraction).await;
                }
                for left in (1..=whole).rev() {
                    live.show(&line(Duration::from_secs(left)));
                    tokio::time::sleep(Duration::from_secs(1)).await;
                }
            }
        }
    }
}

pub(super) fn human_wait(d: Duration) -> String {
    if d >= Duration::from_secs(1) {
        format!("{} s", d.as_secs_f64().round() as u64)
    } else {
        format!("{} ms", d.as_millis())
    }
}

/// The countdown on the one live line (`crate::progress`), taken off when dropped (also
/// on Ctrl-C, which drops the waiting future).
struct LiveLine;

impl LiveLine {
    fn show(&mut self, text: &str) {
        crate::progress::wait(Some(text.to_string()));
    }
}

impl Drop for LiveLine {
    fn drop(&mut self) {
        crate::progress::wait(None);
    }
}
