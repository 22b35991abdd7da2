//! The `Printer`: per call site, stdout or stderr, shown or quiet. It renders nothing.

use std::io::{IsTerminal, Write};
use std::sync::{Arc, Mutex};

use crate::cli::{GlobalArgs, OutputFormat};
use crate::error::Result;

/// Decides, per call site, what goes to stdout and stderr. Data goes to stdout and is
/// never suppressed; notes for people go to stderr unless `--quiet`. No write panics: a
/// closed stderr is ignored, a closed stdout becomes `Error::BrokenPipe` (ends quietly).
#[derive(Debug, Clone)]
pub(crate) struct Printer {
    pub(crate) format: OutputFormat,
    /// Whether tables are coloured (decided once, from the flag, stdout and the environment).
    pub(super) color: bool,
    /// JSON is pretty and tables fit the width only on a terminal.
    pub(super) stdout_is_terminal: bool,
    quiet: bool,
    /// `--jq`: the filter applied to JSON output.
    pub(super) jq: Option<String>,
    /// `-o jwks` (`keys list` only): JSON output, a JWKS of the keys' public members.
    pub(super) jwks: bool,
    /// Set by [`Printer::held`]: stderr lines kept back, to be written by
    /// [`Printer::release`] (one server's notes while others' work runs beside it).
    held: Option<Arc<Mutex<Vec<String>>>>,
}

impl Printer {
    pub(crate) fn new(global: &GlobalArgs) -> Self {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        Printer {
            format: global.output.unwrap_or(OutputFormat::Table),
            color: super::table::use_color(global.color, stdout_is_terminal),
            stdout_is_terminal,
            quiet: global.quiet,
            jq: global.jq.clone(),
            jwks: global.jwks,
            held: None,
        }
    }

    /// A note for the person at the terminal (stderr), unless `--quiet`.
    pub(crate) fn note(&self, message: impl AsRef<str>) {
        if !self.quiet {
            self.stderr(message.as_ref());
        }
    }

    /// A failure the command reports and goes on after (stderr), shown even with
    /// `--quiet`: quiet silences progress, never what went wrong.
    pub(crate) fn failure(&self, message: impl AsRef<str>) {
        self.stderr(message.as_ref());
    }

    /// A note the person cannot do without (stderr), shown even with `--quiet`: e.g. the
    /// generated sandbox token, which is not written anywhere else.
    pub(crate) fn essential(&self, message: impl AsRef<str>) {
        self.stderr(message.as_ref());
    }

    /// A printer like this one whose stderr lines are kept until [`Printer::release`]:
    /// work on several servers at once still tells each server's story in one piece.
    pub(crate) fn held(&self) -> Printer {
        Printer {
            held: Some(Arc::default()),
            ..self.clone()
        }
    }

    /// Write the lines a [`Printer::held`] kept, in the order they came.
    pub(crate) fn release(&self) {
        if let Some(held) = &self.held {
            let lines = held.lock().map(|mut l| std::mem::take(&mut *l));
            for line in lines.unwrap_or_default() {
                write_stderr(&line);
            }
        }
    }

    fn stderr(&self, line: &str) {
        match &self.held {
            Some(held) => {
                if let Ok(mut lines) = held.lock() {
                    lines.push(line.to_string());
                }
            }
            None => write_stderr(line),
        }
    }

    /// Whether stdout is a terminal (a person reads it, rather than a pipe or a file).
    pub(crate) fn stdout_is_terminal(&self) -> bool {
        self.stdout_is_terminal
    }

    /// Data for stdout, exactly as given.
    pub(crate) fn data(&self, text: &str) -> Result<()> {
        write_stdout(text)
    }
}

/// Write to stdout; a closed pipe (`| head`) becomes `Error::BrokenPipe`, which ends quietly.
pub(crate) fn write_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// A question on stderr, the answer to be typed on the same line. Even with `--quiet`;
/// a closed stderr is ignored.
pub(crate) fn write_prompt(question: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "{} [y/N] ", crate::escape::escape_text(question));
    let _ = stderr.flush();
}

/// One line (or paragraph) for people on stderr, with anything a terminal would act on
/// escaped (it may quote a server's kid or error). A closed stderr is ignored: there is
/// no one left to tell.
pub(super) fn write_stderr(line: &str) {
    write_stderr_exact(&crate::escape::escape_text(line));
}

/// One line on stderr exactly as given: JSON (an error with `-o json`), which serde
/// escaped already and which must stay exact. A closed stderr is ignored.
pub(super) fn write_stderr_exact(line: &str) {
    // Above the live line, which is erased first.
    crate::progress::write_above(line);
}
