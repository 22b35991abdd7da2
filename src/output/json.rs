//! JSON on stdout: pretty on a terminal, compact when piped; through `--jq` when given.

use serde_json::Value;

use super::Printer;
use crate::error::{Error, Result};

impl Printer {
    pub(crate) fn json(&self, value: &Value) -> Result<()> {
        if let Some(expr) = &self.jq {
            return self.data(&super::jq::run(expr, value)?);
        }
        let text = if self.stdout_is_terminal {
            pretty(value)?
        } else {
            serde_json::to_string(value).map_err(cannot_render)?
        };
        self.data(&format!("{text}\n"))
    }
}

/// Indented JSON, for people: what a terminal would act on (C0 and C1 controls, DEL,
/// bidi overrides, isolates and marks; see `escape`) written as JSON escapes (`\u009b`),
/// so a claim or a kid cannot rewrite the terminal and the text stays JSON of the same
/// value. serde escapes only C0 controls.
pub(super) fn pretty(value: &Value) -> Result<String> {
    use serde::Serialize;
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, TerminalSafe::default());
    value.serialize(&mut ser).map_err(cannot_render)?;
    String::from_utf8(out).map_err(|e| Error::Internal(format!("cannot render JSON: {e}")))
}

/// serde's pretty formatter, with string contents made safe for a terminal.
#[derive(Default)]
struct TerminalSafe(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for TerminalSafe {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest
            .char_indices()
            .find(|(_, c)| crate::escape::is_unsafe(*c))
        {
            writer.write_all(&rest.as_bytes()[..at])?;
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

fn cannot_render(e: serde_json::Error) -> Error {
    Error::Internal(format!("cannot render JSON: {e}"))
}
