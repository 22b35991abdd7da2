//! The one live line on stderr, for waits a person would otherwise sit through in silence:
//! many servers, a rate-limit window, a gate. It shows what is being done, how many of how
//! many are done and the time since it started, once a wait has lasted a second; it is
//! rewritten in place (`\r`, plain spaces: any terminal) and erased when the wait ends.
//!
//! Only on a terminal, never with `-q`, never under CI (`CI` set and not empty): decided
//! once by [`init`]. Every other line for stderr goes through [`write_above`], which erases
//! the live line first (it is drawn again on the next tick), so the two never mix. Every
//! write ignores errors: a closed stderr must not end the command.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// A wait shorter than this shows nothing.
const SHOW_AFTER: Duration = Duration::from_secs(1);
/// How often the elapsed time is redrawn.
const TICK: Duration = Duration::from_millis(250);

static ALLOWED: AtomicBool = AtomicBool::new(false);
static LINE: Mutex<Line> = Mutex::new(Line {
    width: 0,
    label: String::new(),
    activities: Vec::new(),
    wait: None,
    next_id: 0,
});

/// What the line shows, and how much of the terminal it covers now.
struct Line {
    /// Characters drawn (0: nothing on the screen).
    width: usize,
    /// The command (`keys list`), for activities without a name of their own.
    label: String,
    activities: Vec<(u64, Activity)>,
    /// A countdown of the transport (rate limits, backoff), shown at once.
    wait: Option<String>,
    next_id: u64,
}

#[derive(Clone)]
struct Activity {
    what: Option<String>,
    done: usize,
    total: Option<usize>,
    detail: Option<String>,
    started: Instant,
}

/// Decide once whether a live line may be drawn, and name the command it is for.
pub(crate) fn init(quiet: bool, command: &str) {
    let ci = std::env::var_os(crate::env::CI).is_some_and(|v| !v.is_empty());
    ALLOWED.store(
        !quiet && !ci && std::io::stderr().is_terminal(),
        Ordering::Relaxed,
    );
    lock().label = command.to_string();
}

/// Whether the live line is drawn in this run.
pub(crate) fn allowed() -> bool {
    ALLOWED.load(Ordering::Relaxed)
}

fn lock() -> MutexGuard<'static, Line> {
    LINE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Work being waited for, on the live line while it lasts (from its first second on).
/// `what` names it (else the command's name); `total` counts the items to do.
pub(crate) fn start(what: Option<String>, total: Option<usize>) -> Tracked {
    if !allowed() {
        return Tracked { id: None };
    }
    let id = {
        let mut line = lock();
        line.next_id += 1;
        let id = line.next_id;
        line.activities.push((
            id,
            Activity {
                what,
                done: 0,
                total,
                detail: None,
                started: Instant::now(),
            },
        ));
        id
    };
    let stop = Arc::new(AtomicBool::new(false));
    let ticking = stop.clone();
    std::thread::spawn(move || {
        while !ticking.load(Ordering::Relaxed) {
            std::thread::sleep(TICK);
            let mut line = lock();
            if ticking.load(Ordering::Relaxed) || !line.activities.iter().any(|(i, _)| *i == id) {
                break;
            }
            draw(&mut line);
        }
    });
    Tracked {
        id: Some((id, stop)),
    }
}

/// One piece of work on the live line; dropping it takes it off (and erases the line
/// when nothing else is on it).
pub(crate) struct Tracked {
    id: Option<(u64, Arc<AtomicBool>)>,
}

impl Tracked {
    /// One more item done.
    pub(crate) fn done_one(&self) {
        self.update(|a| a.done += 1);
    }

    /// What the wait is at now (e.g. `try 3`).
    pub(crate) fn detail(&self, detail: impl Into<String>) {
        let detail = detail.into();
        self.update(|a| a.detail = Some(detail));
    }

    fn update(&self, change: impl FnOnce(&mut Activity)) {
        if let Some((id, _)) = &self.id {
            let mut line = lock();
            if let Some((_, activity)) = line.activities.iter_mut().find(|(i, _)| i == id) {
                change(activity);
            }
        }
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        if let Some((id, stop)) = &self.id {
            stop.store(true, Ordering::Relaxed);
            let mut line = lock();
            line.activities.retain(|(i, _)| i != id);
            draw(&mut line);
        }
    }
}

/// The transport's countdown (`rate limited by Okta; retrying in 12 s …`), drawn now;
/// `None` when the wait is over.
pub(crate) fn wait(text: Option<String>) {
    if allowed() {
        let mut line = lock();
        line.wait = text;
        draw(&mut line);
    }
}

/// Write a line for people on stderr, below nothing: the live line is erased first and
/// comes back on the next tick.
pub(crate) fn write_above(text: &str) {
    let mut line = lock();
    let mut err = std::io::stderr().lock();
    if line.width > 0 {
        let _ = write!(err, "\r{}\r", " ".repeat(line.width));
        line.width = 0;
    }
    let _ = writeln!(err, "{text}");
    let _ = err.flush();
}

/// What the line says now: each activity that has lasted a second, then the wait.
fn text(line: &Line) -> String {
    let mut parts: Vec<String> = line
        .activities
        .iter()
        .map(|(_, a)| a)
        .filter(|a| a.started.elapsed() >= SHOW_AFTER)
        .map(|a| {
            let what = a.what.as_deref().unwrap_or(&line.label);
            let count = a
                .total
                .map(|total| format!(": {}/{total} servers done", a.done))
                .unwrap_or_default();
            let detail = a
                .detail
                .as_ref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            format!("{what}{count}{detail}, {} s", a.started.elapsed().as_secs())
        })
        .collect();
    parts.extend(line.wait.clone());
    parts.join("; ")
}

/// Rewrite the line in place: padded over what was there, cut to the terminal's width
/// (a wrapped line could not be rewritten), erased when there is nothing to show.
fn draw(line: &mut Line) {
    let text = crate::escape::escape(&text(line)).into_owned();
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
        .unwrap_or(80);
    let text: String = text.chars().take(columns.saturating_sub(1)).collect();
    let len = text.chars().count();
    let mut err = std::io::stderr().lock();
    if len == 0 {
        if line.width > 0 {
            let _ = write!(err, "\r{}\r", " ".repeat(line.width));
            line.width = 0;
        }
    } else {
        let _ = write!(
            err,
            "\r{text}{}",
            " ".repeat(line.width.saturating_sub(len))
        );
        line.width = line.width.max(len);
    }
    let _ = err.flush();
}
