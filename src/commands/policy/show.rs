//! The plans, for people (a block per server on stdout) and for CI (`-o json`, one object).

use serde_json::{Value, json};

use super::{Planned, Run};
use crate::cli::OutputFormat;
use crate::error::Result;
use crate::escape::escape;
use crate::output::{self, Printer};
use crate::policy::ServerPlan;
use crate::time::format_duration;

/// Every server's plan; the first line names the time used and the file.
pub(super) fn plans(printer: &Printer, run: &Run, planned: &[Planned]) -> Result<()> {
    if printer.format == OutputFormat::Json {
        return printer.json(&json(run, planned));
    }
    printer.data(&text(run, planned))
}

/// The plans for people.
pub(super) fn text(run: &Run, planned: &[Planned]) -> String {
    let mut text = format!(
        "Plan at {} (this machine's clock), from {}\n",
        run.now,
        escape(&run.file())
    );
    let (mut changing, mut unchanged, mut failed) = (0, 0, 0);
    for (target, planned) in run.targets.iter().zip(planned) {
        text.push('\n');
        let name = escape(&target.name()).into_owned();
        match planned {
            Ok((plan, _)) => {
                match plan.is_noop() {
                    true => unchanged += 1,
                    false => changing += 1,
                }
                text.push_str(&server_block(&name, plan));
            }
            Err(err) => {
                failed += 1;
                text.push_str(&format!(
                    "{name}: not planned: exit {}: {}\n",
                    err.exit_code(),
                    escape(&err.to_string())
                ));
            }
        }
    }
    text.push_str(&format!(
        "\n{} server(s): {changing} to change, {unchanged} unchanged, {failed} not planned.\n",
        run.targets.len()
    ));
    text
}

fn server_block(name: &str, plan: &ServerPlan) -> String {
    let mut text = match plan.changes.len() {
        0 => format!("{name}: nothing to do\n"),
        n => format!("{name}: {n} change(s)\n"),
    };
    for change in &plan.changes {
        text.push_str(&format!(
            "  + {}: {}\n",
            escape(&change.action()),
            escape(&change.why())
        ));
    }
    for (key, retirable) in &plan.kept {
        text.push_str(&format!(
            "  keep {}: retirable {} (retire_after {})\n",
            escape(&key.describe()),
            when(*retirable),
            format_duration(plan.retire_after)
        ));
    }
    if let Some(due) = plan.rotation_due {
        text.push_str(&format!("  next rotation due at {due}\n"));
    }
    for drift in &plan.drift {
        text.push_str(&format!("  drift: {}\n", escape(drift)));
    }
    text
}

fn when(retirable: crate::rotate::Retirable) -> String {
    use crate::rotate::Retirable;
    match retirable {
        Retirable::Now => "now".into(),
        Retirable::Since(t) => format!("since {t}"),
        Retirable::At(t) => format!("at {t}"),
        Retirable::Never | Retirable::Unknown => "at an unknown time".into(),
    }
}

fn json(run: &Run, planned: &[Planned]) -> Value {
    let servers: Vec<Value> = run
        .targets
        .iter()
        .zip(planned)
        .map(|(target, planned)| {
            let mut entry = json!({
                "profile": target.profile,
                "id": target.server.id(),
                "name": target.server.name(),
            });
            let fields = match planned {
                Ok((plan, _)) => plan_json(plan),
                Err(err) => json!({
                    "changes": [], "kept": [], "drift": [], "rotation_due": null,
                    "error": output::error_json(err)["error"].clone(),
                }),
            };
            if let (Some(entry), Value::Object(fields)) = (entry.as_object_mut(), fields) {
                entry.extend(fields);
            }
            entry
        })
        .collect();
    let unread: Vec<Value> = run
        .unread
        .iter()
        .map(|(profile, err)| json!({"profile": profile, "error": output::error_json(err)["error"].clone()}))
        .collect();
    json!({
        "now": run.now.to_string(),
        "file": run.file(),
        "servers": servers,
        "unread_profiles": unread,
    })
}

fn plan_json(plan: &ServerPlan) -> Value {
    json!({
        "changes": plan.changes.iter().map(|c| json!({"action": c.action(), "why": c.why()})).collect::<Vec<_>>(),
        "kept": plan.kept.iter().map(|(k, r)| json!({
            "id": k.id, "kid": k.kid, "retirable_at": r.json(plan.now),
        })).collect::<Vec<_>>(),
        "retire_after": format_duration(plan.retire_after),
        "drift": plan.drift,
        "rotation_due": plan.rotation_due.map(|t| t.to_string()),
        "error": null,
    })
}
