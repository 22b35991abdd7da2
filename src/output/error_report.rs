//! The one place errors are reported: a paragraph for people, or one JSON object with
//! `-o json`; on stderr, which may be closed (nothing panics).

use serde_json::{Value, json};

use super::printer::{write_stderr, write_stderr_exact};
use crate::error::Error;
use crate::escape::escape;

/// Print an error for people (one paragraph) or, with `-o json`, as one JSON object.
pub fn report_error(err: &Error, json_output: bool) {
    if matches!(err, Error::BrokenPipe | Error::Reported(_)) {
        return;
    }
    if json_output {
        write_stderr_exact(&error_json(err).to_string());
    } else {
        write_stderr(&error_paragraph(err));
    }
}

/// The error as people read it: what failed, Okta's code, summary and causes, the
/// request id, and what to do next. What Okta (or a proxy) said is escaped value by value
/// (a newline in it cannot fake a line of ours); the paragraph is escaped again as it is
/// written.
/// clap's report of a usage error (exit 2) without `-o json`. clap repeats a bad value as
/// it was typed, so a value with ESC, BEL or a bidi override would reach the terminal raw.
/// When an argument holds such a character, the report is printed plain (clap's plain
/// rendering drops escape sequences) with what is left shown escaped; otherwise clap
/// prints it, in colour where it would. Returns the exit code.
pub fn report_usage_error(err: &clap::Error) -> u8 {
    let hostile = std::env::args_os()
        .skip(1)
        .any(|arg| crate::escape::escape_text(&arg.to_string_lossy()) != arg.to_string_lossy());
    if hostile {
        let plain = err.render().to_string();
        let escaped = crate::escape::escape_text(&plain);
        let _ = std::io::Write::write_all(&mut std::io::stderr().lock(), escaped.as_bytes());
    } else {
        let _ = err.print();
    }
    u8::try_from(err.exit_code()).unwrap_or(crate::error::exit::USAGE)
}

pub(crate) fn error_paragraph(err: &Error) -> String {
    let mut lines = vec![format!("error: {err}")];
    if let Error::Api(api) = err {
        let esc = |s: &Option<String>| s.as_deref().map(|s| escape(s).into_owned());
        let (error_code, error_summary) = (esc(&api.error_code), esc(&api.error_summary));
        match (&error_code, &error_summary) {
            (Some(code), Some(summary)) => lines.push(format!("  {code}: {summary}")),
            (None, Some(summary)) => lines.push(format!("  {summary}")),
            (Some(code), None) => lines.push(format!("  {code}")),
            (None, None) => {}
        }
        for cause in &api.error_causes {
            lines.push(format!("  - {}", escape(cause)));
        }
        if let Some(snippet) = esc(&api.body_snippet) {
            lines.push(format!("  response: {snippet}"));
        }
        if api.attempts > 1 {
            lines.push(format!("  (after {} attempts)", api.attempts));
        }
        if let Some(why) = &api.gave_up {
            lines.push(format!("  ({why})"));
        }
        if let Some(id) = esc(&api.request_id) {
            lines.push(format!("  request id: {id}"));
        }
    }
    if let Some(hint) = err.hint() {
        lines.push(format!("  hint: {hint}"));
    }
    lines.join("\n")
}

/// `{"error":{"exit_code":…,"status":…,"errorCode":…,"errorSummary":…,"errorCauses":[…],"requestId":…}}`
pub(crate) fn error_json(err: &Error) -> Value {
    let mut body = json!({
        "exit_code": err.exit_code(),
        "status": null,
        "errorCode": null,
        "errorSummary": null,
        "errorCauses": [],
        "requestId": null,
        "message": err.to_string(),
        "hint": err.hint(),
    });
    if let Error::Api(api) = err {
        body["status"] = json!(api.status);
        body["errorCode"] = json!(api.error_code);
        body["errorSummary"] = json!(api.error_summary);
        body["errorCauses"] = Value::Array(
            api.error_causes
                .iter()
                .map(|c| json!({ "errorSummary": c }))
                .collect(),
        );
        body["requestId"] = json!(api.request_id);
        if let Some(snippet) = &api.body_snippet {
            body["response"] = json!(snippet);
        }
    }
    json!({ "error": body })
}
