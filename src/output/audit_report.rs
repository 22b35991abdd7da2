//! The report of `keys audit`: one block per server (its facts, then its findings) and a
//! summary line for people, or one JSON object (`servers`, `summary`) with `-o json`.

use serde_json::{Value, json};

use super::Printer;
use crate::cli::OutputFormat;
use crate::error::Result;
use crate::escape::escape;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Severity {
    Error,
    Warning,
}

impl Severity {
    fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One thing found on a server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub(crate) severity: Severity,
    /// Stable, for scripts (`no-active-key`, `active-key-too-old`, …).
    pub(crate) code: &'static str,
    /// What was found and what to do, in words (kids and ids as Okta sent them).
    pub(crate) message: String,
}

/// The server's ACTIVE key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ActiveKey {
    pub(crate) id: String,
    pub(crate) kid: Option<String>,
    /// When it was activated (Okta's `lastUpdated`, else `created`), as Okta wrote it.
    pub(crate) activated: Option<String>,
    /// Whole seconds since then, when the time could be read.
    pub(crate) age_seconds: Option<u64>,
}

/// One server's audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ServerAudit {
    pub(crate) id: String,
    pub(crate) name: String,
    /// The algorithm, `None` when encryption is off.
    pub(crate) encryption: Option<String>,
    /// `saved` or `jwks_uri`.
    pub(crate) key_source: &'static str,
    pub(crate) active_key: Option<ActiveKey>,
    /// `None` when the keys come from a `jwks_uri` (none are listed).
    pub(crate) key_count: Option<usize>,
    pub(crate) findings: Vec<Finding>,
}

/// The counts over every audited server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Summary {
    pub(crate) servers: usize,
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
}

impl Summary {
    pub(crate) fn of(audits: &[ServerAudit]) -> Self {
        let count = |severity| {
            audits
                .iter()
                .flat_map(|a| &a.findings)
                .filter(|f| f.severity == severity)
                .count()
        };
        Summary {
            servers: audits.len(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
        }
    }
}

impl Printer {
    pub(crate) fn audit_report(&self, audits: &[ServerAudit]) -> Result<()> {
        let summary = Summary::of(audits);
        match self.format {
            OutputFormat::Json => self.json(&report_json(audits, summary)),
            OutputFormat::Id => {
                // The ids of the servers that need attention.
                let ids: String = audits
                    .iter()
                    .filter(|a| !a.findings.is_empty())
                    .map(|a| format!("{}\n", a.id))
                    .collect();
                self.data(&ids)
            }
            OutputFormat::Table => {
                let mut text: String = audits.iter().map(block).collect();
                text.push_str(&format!(
                    "{} {}: {} {}, {} {}\n",
                    summary.servers,
                    plural(summary.servers, "server", "servers"),
                    summary.errors,
                    plural(summary.errors, "error", "errors"),
                    summary.warnings,
                    plural(summary.warnings, "warning", "warnings"),
                ));
                self.data(&text)
            }
        }
    }
}

/// An age for people: whole days from a day on, else hours and minutes.
pub(crate) fn age_text(secs: u64) -> String {
    let shown = match secs {
        86_400.. => secs - secs % 86_400,
        60.. => secs - secs % 60,
        _ => secs,
    };
    crate::time::format_duration(std::time::Duration::from_secs(shown))
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

fn report_json(audits: &[ServerAudit], summary: Summary) -> Value {
    let servers: Vec<Value> = audits
        .iter()
        .map(|a| {
            json!({
                "id": a.id,
                "name": a.name,
                "encryption": a.encryption,
                "keySource": a.key_source,
                "activeKey": a.active_key.as_ref().map(|k| json!({
                    "id": k.id,
                    "kid": k.kid,
                    "activated": k.activated,
                    "ageSeconds": k.age_seconds,
                })),
                "keyCount": a.key_count,
                "findings": a.findings.iter().map(|f| json!({
                    "severity": f.severity.as_str(),
                    "code": f.code,
                    "message": f.message,
                })).collect::<Vec<Value>>(),
            })
        })
        .collect();
    json!({
        "servers": servers,
        "summary": {
            "servers": summary.servers,
            "errors": summary.errors,
            "warnings": summary.warnings,
        },
    })
}

/// One server for people: a heading, its facts, its findings, a blank line.
fn block(a: &ServerAudit) -> String {
    let mut text = format!("{} ({})\n", escape(&a.id), escape(&a.name));
    let active = match &a.active_key {
        Some(k) => format!(
            "{} ({}), active {}",
            escape(k.kid.as_deref().unwrap_or("no kid")),
            escape(&k.id),
            match k.age_seconds {
                Some(s) => format!(
                    "{} (since {})",
                    age_text(s),
                    escape(k.activated.as_deref().unwrap_or("-"))
                ),
                None => "since an unknown time".into(),
            }
        ),
        None if a.key_count.is_none() => "- (keys from the jwks_uri)".into(),
        None => "none".into(),
    };
    let facts = [
        (
            "encryption",
            escape(a.encryption.as_deref().unwrap_or("off")).into_owned(),
        ),
        ("key source", a.key_source.to_string()),
        ("active key", active),
        (
            "keys",
            a.key_count.map_or_else(|| "-".into(), |n| n.to_string()),
        ),
    ];
    for (label, value) in facts {
        text.push_str(&format!("  {label:<11} {value}\n"));
    }
    if a.findings.is_empty() {
        text.push_str("  ok          no findings\n");
    }
    for f in &a.findings {
        text.push_str(&format!(
            "  {:<11} {}: {}\n",
            f.severity.as_str(),
            f.code,
            escape(&f.message)
        ));
    }
    text.push('\n');
    text
}
