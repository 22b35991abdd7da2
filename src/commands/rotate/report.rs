//! Where each server's rotation ended, and how that is told: a failure as it happens
//! (stderr), then the summary table, the `-o json` report or the active key ids (stdout).

use serde_json::{Value, json};

use crate::cli::OutputFormat;
use crate::error::{Error, Result};
use crate::output::{self, Printer};
use crate::rotate::{KeyView, NewKey, Outcome, Plan, Step};
use crate::time::Timestamp;

/// Where a server's rotation ended.
// One per server of a run: their size does not matter.
#[allow(clippy::large_enum_variant)]
pub(super) enum State {
    /// `--dry-run`: planned only.
    Planned(Plan),
    /// Refused by the planner, or the keys could not be listed: nothing changed.
    NotStarted(Error),
    /// `--if-older-than`: the ACTIVE key is younger; rotation is due then.
    NotDue(Timestamp),
    /// Executed (successfully or not).
    Done(Plan, Outcome),
}

pub(super) struct ServerRun {
    pub(super) auth_server: String,
    pub(super) state: State,
}

impl ServerRun {
    /// The rotation ended with the new key ACTIVE on this server.
    pub(super) fn new_key_active(&self) -> bool {
        match &self.state {
            State::Done(_, o) => {
                o.error.is_none() && o.new_key.is_some() && o.active_key == o.new_key
            }
            _ => false,
        }
    }

    fn error(&self) -> Option<&Error> {
        match &self.state {
            State::NotStarted(err) => Some(err),
            State::Done(_, outcome) => outcome.error.as_ref(),
            State::Planned(_) | State::NotDue(_) => None,
        }
    }
}

/// Tell people what failed on one server, what Okta holds now, and how to resume.
pub(super) fn report_failure(
    printer: &Printer,
    server: &str,
    err: &Error,
    holds: Option<&[KeyView]>,
    resume: Option<&str>,
) {
    if printer.format == OutputFormat::Json {
        // The report on stdout carries the error.
        return;
    }
    // The usual error paragraph, its first line naming the server.
    let mut text = format!(
        "error: {server}: {}",
        output::error_paragraph(err).trim_start_matches("error: ")
    );
    if let Some(holds) = holds {
        text.push_str(&format!("\n{server} now holds:"));
        if holds.is_empty() {
            text.push_str(" no keys");
        }
        for key in holds {
            text.push_str(&format!("\n  {} {}", key.status, key.describe()));
        }
    }
    if let Some(resume) = resume {
        text.push_str(&format!(
            "\nRe-run to complete the rotation (nothing is done twice):\n  {resume}"
        ));
    }
    printer.failure(text);
}

/// The summary (table), the report (`-o json`) or the active key ids (`-o id`); then the
/// exit code of the first failure.
pub(super) fn finish(printer: &Printer, new_key: &NewKey, runs: &[ServerRun]) -> Result<()> {
    match printer.format {
        OutputFormat::Json => {
            let report: Vec<Value> = runs.iter().map(|r| report_entry(new_key, r)).collect();
            printer.json(&Value::Array(report))?;
        }
        OutputFormat::Id => {
            let ids: String = runs
                .iter()
                .filter_map(|r| match &r.state {
                    State::Done(_, o) if o.error.is_none() => o.active_key.clone(),
                    _ => None,
                })
                .map(|id| format!("{id}\n"))
                .collect();
            printer.data(&ids)?;
        }
        OutputFormat::Table => printer.rows(
            &[
                "AUTH SERVER",
                "RESULT",
                "ACTIVE KEY",
                "ADDED",
                "DELETED",
                "ERROR",
            ],
            &summary_rows(runs),
        )?,
    }
    match runs.iter().find_map(ServerRun::error) {
        Some(err) => Err(Error::Reported(err.exit_code())),
        None => Ok(()),
    }
}

fn result_word(run: &ServerRun) -> &'static str {
    match &run.state {
        State::Planned(_) => "planned",
        State::NotDue(_) => "not due",
        State::NotStarted(Error::Refused { .. }) => "refused",
        State::NotStarted(_) => "failed",
        State::Done(_, o) if matches!(o.error, Some(Error::Refused { .. })) => "refused",
        State::Done(_, o) if o.error.is_some() => "failed",
        State::Done(plan, _) if plan.is_noop() => "unchanged",
        State::Done(plan, _)
            if !plan
                .steps
                .iter()
                .any(|s| matches!(s, Step::Activate { .. } | Step::AlreadyActive { .. })) =>
        {
            "staged"
        }
        State::Done(..) => "rotated",
    }
}

fn report_entry(new_key: &NewKey, run: &ServerRun) -> Value {
    let (plan, outcome) = match &run.state {
        State::Planned(plan) => (Some(plan), None),
        State::NotStarted(_) | State::NotDue(_) => (None, None),
        State::Done(plan, outcome) => (Some(plan), Some(outcome)),
    };
    let due = match &run.state {
        State::NotDue(due) => Value::String(due.to_string()),
        _ => Value::Null,
    };
    let error = run
        .error()
        .map(|e| output::error_json(e)["error"].clone())
        .unwrap_or(Value::Null);
    json!({
        "auth_server": run.auth_server,
        "kid": new_key.kid,
        "result": result_word(run),
        "plan": plan.map(|p| {
            p.to_string()
                .lines()
                .map(str::trim)
                .filter(|l| !l.starts_with("keep "))
                .map(str::to_string)
                .collect::<Vec<_>>()
        }),
        "kept": plan.map(|p| p.kept.iter().map(|k| k.key.id.clone()).collect::<Vec<_>>()),
        "retirable_at": plan.map(|p| p.kept.iter().map(|k| {
            (k.key.id.clone(), Value::String(k.retirable.label()))
        }).collect::<serde_json::Map<_, _>>()),
        "new_key": outcome.and_then(|o| o.new_key.clone()),
        "due_at": due,
        "added": outcome.and_then(|o| o.added.clone()),
        "activated": outcome.and_then(|o| o.activated.clone()),
        "deactivated": outcome.map(|o| o.deactivated.clone()).unwrap_or_default(),
        "deleted": outcome.map(|o| o.deleted.clone()).unwrap_or_default(),
        "active_key": outcome.and_then(|o| o.active_key.clone()),
        "error": error,
    })
}

/// One row per server for the summary table.
fn summary_rows(runs: &[ServerRun]) -> Vec<Vec<String>> {
    runs.iter()
        .map(|run| {
            let outcome = match &run.state {
                State::Done(_, o) => Some(o),
                _ => None,
            };
            let dash = || "-".to_string();
            let error = run
                .error()
                .map(|e| format!("exit {}: {e}", e.exit_code()))
                .unwrap_or_else(dash);
            vec![
                run.auth_server.clone(),
                result_word(run).to_string(),
                outcome
                    .and_then(|o| o.active_key.clone())
                    .unwrap_or_else(dash),
                outcome.and_then(|o| o.added.clone()).unwrap_or_else(dash),
                outcome
                    .filter(|o| !o.deleted.is_empty())
                    .map(|o| o.deleted.join(","))
                    .unwrap_or_else(dash),
                error,
            ]
        })
        .collect()
}
