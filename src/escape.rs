//! Text from a server or a file, made safe to show on a terminal: the one escaping
//! function for everything printed for people (tables, notes, error paragraphs, the live
//! progress line). A key's kid, Okta's `errorSummary` or a proxy's page could otherwise
//! carry ESC sequences (recolour, move the cursor, retitle the window, rewrite what was
//! printed before), a carriage return that overprints a line, a bell, or a bidi override
//! that shows text in another order than it is. Each such character is shown visibly, as
//! `\u{1b}`. JSON output is never escaped here: serde escapes it, and it stays exact.

use std::borrow::Cow;
use std::fmt::Write;

/// A character a terminal could act on or that reorders text: C0 controls, DEL, C1
/// controls, and the bidi embeddings, overrides, isolates and marks (the same set a kid
/// may never hold).
pub(crate) use keymaterial::jwk::is_terminal_control as is_unsafe;

fn escape_where(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) && !keep(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One value (a table cell, a kid, an error summary): every unsafe character escaped,
/// newlines and tabs too, so the value stays on its line.
pub(crate) fn escape(text: &str) -> Cow<'_, str> {
    escape_where(text, |_| false)
}

/// Text oktakeys composed for people, possibly of several lines: line breaks and tabs
/// kept, everything else a terminal would act on escaped.
pub(crate) fn escape_text(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| c == '\n' || c == '\t')
}

/// A word quoted for a POSIX shell when needed, for commands printed to be run (hints,
/// resume commands).
pub(crate) fn shell_quote(s: &str) -> String {
    let safe = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-./:=@%+,".contains(c));
    if safe {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_quoting() {
        assert_eq!(shell_quote("aus1-x_y.pem"), "aus1-x_y.pem");
        assert_eq!(shell_quote("my key.pem"), "'my key.pem'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote(""), "''");
    }

    #[test]
    fn controls_and_bidi_are_shown_not_obeyed() {
        assert_eq!(escape("2026-11-enc"), "2026-11-enc");
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
        assert_eq!(escape("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape("bell\u{7}cr\r"), "bell\\u{7}cr\\u{d}");
        assert_eq!(escape("del\u{7f} c1\u{9b}"), "del\\u{7f} c1\\u{9b}");
        assert_eq!(escape("x\u{202E}y\u{2066}z"), "x\\u{202e}y\\u{2066}z");
        assert_eq!(
            escape("\u{200E}\u{200F}\u{61C}"),
            "\\u{200e}\\u{200f}\\u{61c}"
        );
        assert_eq!(escape("two\nlines"), "two\\u{a}lines");
        assert_eq!(escape_text("two\nlines\tok\r"), "two\nlines\tok\\u{d}");
        // Other Unicode is shown as it is.
        assert_eq!(escape("clé…"), "clé…");
    }
}
