//! The `Printer`: per call site, stdout or stderr, shown or quiet. It renders nothing.

use std::io::{IsTerminal, Write};

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
}

impl Printer {
    pub(crate) fn new(global: &GlobalArgs) -> Self {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        Printer {
            format: global.output.unwrap_or(OutputFormat::Table),
            color: super::table::use_color(global.color, stdout_is_terminal),
            stdout_is_terminal,
            quiet: global.quiet,
        }
    }

    /// A note for the person at the terminal (stderr), unless `--quiet`.
    pub(crate) fn note(&self, message: impl AsRef<str>) {
        if !self.quiet {
            write_stderr(message.as_ref());
        }
    }

    /// A failure the command reports and goes on after (stderr), shown even with
    /// `--quiet`: quiet silences progress, never what went wrong.
    pub(crate) fn failure(&self, message: impl AsRef<str>) {
        write_stderr(message.as_ref());
    }

    /// A note the person cannot do without (stderr), shown even with `--quiet`: e.g. the
    /// generated sandbox token, which is not written anywhere else.
    pub(crate) fn essential(&self, message: impl AsRef<str>) {
        write_stderr(message.as_ref());
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
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}
