//! How waits (rate limits, backoff) are told to the person, on stderr: a live line
//! counted down in place on a terminal, a log line otherwise, nothing with `-q`.
//! Every write ignores errors: a closed stderr must not end the command.

use std::io::{IsTerminal, Write};
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
    /// Live on a terminal, a log line otherwise, nothing with `--quiet`.
    pub(crate) fn detect(quiet: bool) -> Self {
        if quiet {
            Progress::Silent
        } else if std::io::stderr().is_terminal() {
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
                let mut live = LiveLine::default();
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

/// A line on a terminal that is rewritten in place and erased when dropped (also on
/// Ctrl-C, which drops the waiting future). Plain `\r` and spaces: works on any terminal.
#[derive(Default)]
struct LiveLine {
    width: usize,
}

impl LiveLine {
    fn show(&mut self, text: &str) {
        // The line may quote a server's error: nothing in it may move the cursor.
        let text = &*crate::escape::escape(text);
        let len = text.chars().count();
        let pad = self.width.saturating_sub(len);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{text}{}", " ".repeat(pad));
        let _ = err.flush();
        self.width = self.width.max(len);
    }
}

impl Drop for LiveLine {
    fn drop(&mut self) {
        if self.width > 0 {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r{}\r", " ".repeat(self.width));
            let _ = err.flush();
        }
    }
}
