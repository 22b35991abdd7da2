//! `--jq EXPR`: a jq filter (the pure-Rust `jaq`) applied to the JSON a command prints.
//! Like `gh --jq`: each string result prints raw on its own line, every other result as
//! compact JSON on its own line.

use crate::error::{Error, Result};
use jaq_core::load::{Arena, File, Loader};
use jaq_core::{Compiler, Ctx, Vars, data, unwrap_valr};
use jaq_json::Val;

type Data = data::JustLut<Val>;

/// Check an expression without running it: a usage error (exit 2) that says where it
/// went wrong. Called before any request is sent.
pub(crate) fn check(expr: &str) -> Result<()> {
    compile(expr, |_| ())
}

/// Run `expr` on the JSON `input`, writing each result as a line to `out` as it comes
/// (`repeat(1) | head` ends at once). A runtime error is [`Error::Filter`]; a closed `out`
/// is [`Error::BrokenPipe`].
pub(crate) fn filter_to(expr: &str, input: &[u8], out: &mut dyn std::io::Write) -> Result<()> {
    let input = jaq_json::read::parse_single(input)
        .map_err(|e| Error::Internal(format!("cannot read JSON for --jq: {e}")))?;
    let mut outcome = Ok(());
    compile(expr, |filter| {
        let ctx = Ctx::<Data>::new(&filter.lut, Vars::new([]));
        for result in filter.id.run((ctx, input)).map(unwrap_valr) {
            let written = match result {
                Ok(value) => writeln!(out, "{}", line(&value)).and_then(|()| out.flush()),
                Err(e) => {
                    outcome = Err(Error::Filter(format!("--jq: {e}")));
                    break;
                }
            };
            if let Err(e) = written {
                outcome = Err(e.into());
                break;
            }
        }
    })?;
    outcome
}

/// A string raw (its text, not quoted), anything else as compact JSON.
fn line(value: &Val) -> String {
    match value {
        Val::TStr(bytes) | Val::BStr(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        other => other.to_string(),
    }
}

/// Parse and compile `expr` with jq's standard library and hand the filter to `with`.
fn compile(
    expr: &str,
    with: impl FnOnce(&jaq_core::compile::Filter<jaq_core::Native<Data>>),
) -> Result<()> {
    let defs = jaq_core::defs()
        .chain(jaq_std::defs())
        .chain(jaq_json::defs());
    let funs = jaq_core::funs()
        .chain(jaq_std::funs())
        .chain(jaq_json::funs());
    let arena = Arena::default();
    let program = File {
        code: expr,
        path: (),
    };
    let modules = Loader::new(defs)
        .load(&arena, program)
        .map_err(|errors| invalid(expr, load_errors(expr, errors)))?;
    let filter = Compiler::default()
        .with_funs(funs)
        .compile(modules)
        .map_err(|errors| {
            let why = errors
                .into_iter()
                .flat_map(|(_, errs)| errs)
                .map(|(name, undefined)| format!("undefined {} `{name}`", undefined.as_str()))
                .collect::<Vec<_>>()
                .join("; ");
            invalid(expr, why)
        })?;
    with(&filter);
    Ok(())
}

fn invalid(expr: &str, why: String) -> Error {
    Error::Usage(format!("invalid --jq expression `{expr}`: {why}"))
}

/// What the lexer or parser expected, and where (a column, counted from 1).
fn load_errors(expr: &str, errors: jaq_core::load::Errors<&str, ()>) -> String {
    use jaq_core::load::{Error as E, lex};
    let at = |found: &str| {
        let offset = (found.as_ptr() as usize).saturating_sub(expr.as_ptr() as usize);
        let column = expr
            .get(..offset.min(expr.len()))
            .map_or(0, |s| s.chars().count())
            + 1;
        match found.chars().next() {
            None => "at the end".to_string(),
            Some(_) => format!("at column {column}"),
        }
    };
    let mut why = Vec::new();
    for (_, error) in errors {
        match error {
            E::Io(items) => why.extend(items.into_iter().map(|(path, e)| format!("{path}: {e}"))),
            E::Lex(items) => why.extend(items.into_iter().map(|(expect, found)| {
                let expected = match expect {
                    lex::Expect::Digit => "a digit",
                    lex::Expect::Ident => "an identifier",
                    lex::Expect::Delim("(") => "a closing parenthesis",
                    lex::Expect::Delim("[") => "a closing bracket",
                    lex::Expect::Delim("{") => "a closing brace",
                    lex::Expect::Delim(_) => "a closing quote",
                    lex::Expect::Escape => "a string escape sequence",
                    lex::Expect::Unicode => "a 4-digit hexadecimal code point",
                    lex::Expect::Token => "a token",
                    _ => "something else",
                };
                format!("expected {expected} {}", at(found))
            })),
            E::Parse(items) => why.extend(
                items
                    .into_iter()
                    .map(|(expect, found)| format!("expected {} {}", expect.as_str(), at(found))),
            ),
            #[allow(unreachable_patterns)]
            _ => why.push("cannot be read".to_string()),
        }
    }
    why.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn run(expr: &str, input: &Value) -> Result<String> {
        let mut out = Vec::new();
        filter_to(expr, input.to_string().as_bytes(), &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn strings_print_raw_and_other_values_compact() {
        let input = json!([{"id": "apk1", "n": 1}, {"id": "apk2", "n": 2}]);
        assert_eq!(run(".[].id", &input).unwrap(), "apk1\napk2\n");
        assert_eq!(run(".[0]", &input).unwrap(), "{\"id\":\"apk1\",\"n\":1}\n");
        assert_eq!(run("map(.n) | add", &input).unwrap(), "3\n");
        assert_eq!(
            run(r#".[] | select(.id | test("2$")) | .n"#, &input).unwrap(),
            "2\n"
        );
    }

    #[test]
    fn bad_expressions_are_usage_errors() {
        for bad in [".[", "nosuchfilter", ".a |", "\"open", "$x", "{"] {
            let err = check(bad).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad}: {err}");
            assert!(err.to_string().contains("invalid --jq expression"), "{err}");
        }
        assert!(check(".[] | .kid").is_ok());
        // At run time: its own exit code, not a usage error (the command has run).
        let err = run(".[0] | .x.y", &json!([1])).unwrap_err();
        assert_eq!(err.exit_code(), 14, "{err}");
    }
}
