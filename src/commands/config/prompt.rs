//! Reading from the person running `config init`: questions and answers on the terminal,
//! the token from stdin (`--token-stdin`), and the terminal's settings put back.

use std::io::{BufRead, Read, Write};

use crate::error::{Error, Result};
use keymaterial::secret::Secret;

/// A token read from stdin is one line; anything bigger is not a token.
const MAX_TOKEN_BYTES: u64 = 64 * 1024;

/// Questions for the person at the terminal. A test answers them from a script.
pub trait Ask {
    /// One line; an empty answer takes `default` when there is one.
    fn line(&mut self, question: &str, default: Option<&str>) -> Result<String>;
    /// A secret, read without echo.
    fn secret(&mut self, question: &str) -> Result<Secret>;
    /// Something to tell the person (stderr).
    fn say(&mut self, text: &str);
}

/// Questions on stderr, answers from stdin; secrets through the terminal without echo.
pub struct TerminalAsk;

impl Ask for TerminalAsk {
    fn line(&mut self, question: &str, default: Option<&str>) -> Result<String> {
        match default {
            Some(d) if !d.is_empty() => to_stderr(format_args!("{question} [{d}]: ")),
            _ => to_stderr(format_args!("{question}: ")),
        }
        let mut answer = String::new();
        let n = std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .map_err(|e| Error::Aborted(format!("cannot read the answer: {e}")))?;
        if n == 0 {
            to_stderr(format_args!("\n"));
            return Err(Error::Aborted("no answer (end of input)".into()));
        }
        let answer = answer.trim();
        Ok(match default {
            Some(d) if answer.is_empty() => d.to_string(),
            _ => answer.to_string(),
        })
    }

    fn secret(&mut self, question: &str) -> Result<Secret> {
        rpassword::prompt_password(format!("{question}: "))
            .map(Secret::new)
            .map_err(|e| Error::Aborted(format!("cannot read the token: {e}")))
    }

    fn say(&mut self, text: &str) {
        to_stderr(format_args!("{text}\n"));
    }
}

/// Write to the terminal's stderr and flush (a question has no newline to flush it).
/// A closed stderr is ignored: `eprint!` would panic, and there is no one to ask then.
fn to_stderr(text: std::fmt::Arguments<'_>) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_fmt(text);
    let _ = stderr.flush();
}

/// Saves the terminal's settings and puts them back when dropped: if Ctrl-C ends the
/// command while a token is typed with echo off, the shell gets its echo back.
pub(super) struct RestoreTerminal {
    #[cfg(unix)]
    saved: Option<libc::termios>,
}

impl RestoreTerminal {
    pub(super) fn save(interactive: bool) -> Self {
        #[cfg(unix)]
        {
            let saved = interactive
                .then(|| {
                    // SAFETY: tcgetattr only writes into the termios we hand it; all-zero
                    // bytes are a valid termios to start from.
                    let mut t: libc::termios = unsafe { std::mem::zeroed() };
                    (unsafe { libc::tcgetattr(libc::STDIN_FILENO, &mut t) } == 0).then_some(t)
                })
                .flatten();
            RestoreTerminal { saved }
        }
        #[cfg(not(unix))]
        {
            let _ = interactive;
            RestoreTerminal {}
        }
    }
}

impl Drop for RestoreTerminal {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(t) = &self.saved {
            // SAFETY: restores settings tcgetattr returned for the same descriptor.
            unsafe {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, t);
            }
        }
    }
}

pub(super) fn yes_no(ask: &mut dyn Ask, question: &str, default: bool) -> Result<bool> {
    let hint = if default { "Y/n" } else { "y/N" };
    loop {
        let answer = ask.line(&format!("{question} ({hint})"), None)?;
        match answer.trim().to_ascii_lowercase().as_str() {
            "" => return Ok(default),
            "y" | "yes" => return Ok(true),
            "n" | "no" => return Ok(false),
            _ => ask.say("  answer y or n"),
        }
    }
}

/// `--token-stdin`: the whole of stdin, trimmed; it must not be empty. Typed on a
/// terminal (with `--no-input`), it is read without echo.
pub(super) fn read_token_stdin() -> Result<Secret> {
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        let token = rpassword::prompt_password("API token (not shown as you type): ")
            .map(Secret::new)
            .map_err(|e| Error::Usage(format!("--token-stdin: cannot read the token: {e}")))?;
        let trimmed = token.expose().trim();
        if trimmed.is_empty() {
            return Err(Error::Usage("--token-stdin: the token was empty".into()));
        }
        return Ok(Secret::new(trimmed));
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(MAX_TOKEN_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Usage(format!("--token-stdin: cannot read stdin: {e}")))?;
    let text = Secret::new(String::from_utf8_lossy(&bytes).into_owned());
    zeroize::Zeroize::zeroize(&mut bytes);
    if text.expose().len() as u64 > MAX_TOKEN_BYTES {
        return Err(Error::Usage(
            "--token-stdin: stdin is larger than 64 KiB; that is not a token".into(),
        ));
    }
    let token = text.expose().trim();
    if token.is_empty() {
        return Err(Error::Usage("--token-stdin: stdin was empty".into()));
    }
    if token.contains('\n') {
        return Err(Error::Usage(
            "--token-stdin: stdin holds more than one line; pipe only the token".into(),
        ));
    }
    Ok(Secret::new(token))
}
