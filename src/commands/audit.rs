//! `oktakeys keys audit`: which servers need attention. Each server's facts and findings
//! (errors and warnings), up to `--parallel` servers at once, reported in their order;
//! exit 11 when any error is found (any warning too with `--strict`). With a key ring
//! (`--ring`, `OKTAKEYS_RING`, the profile's), a ring out of step is an error.

use std::time::Duration;

use super::connection::Connection;
use crate::api::{self, servers::AuthServer};
use crate::cli::{AuditArgs, GlobalArgs};
use crate::client::Client;
use crate::config::{ProcessEnv, Settings};
use crate::error::{Error, Result, exit};
use crate::hint;
use crate::http::Progress;
use crate::output::{ActiveKey, Finding, Printer, ServerAudit, Severity, age_text};
use crate::ring::{self, Held, Location, Status, Store};
use crate::rotate::{self, KeyStatus, KeyView, Retirable, Retirement, Role};
use crate::time::{Timestamp, format_duration};

/// The number of keys the spec gives as a server's limit (Okta's own pages disagree; the
/// learned limit of `keys rotate` is the real one).
const KEY_LIMIT: usize = 5;

pub(crate) async fn run(
    global: &GlobalArgs,
    auth_servers: Vec<String>,
    args: AuditArgs,
) -> Result<()> {
    let printer = Printer::new(global);
    let fleet = args.fleet.clone();
    let flags = super::fleet::distinct(&auth_servers);
    let settings = Settings::resolve(global, flags.first().map(String::as_str), &ProcessEnv)?;
    // The ring, when one is configured: checked per server as `keys ring check` does.
    let ring = super::ring::location(&args.ring, &settings)?;
    let conn = Connection::open(&settings, Progress::detect(global.quiet)).await?;
    let client = conn.client()?;
    // With --all-auth-servers the listing already holds each server object.
    let (servers, listed) = if fleet.all_auth_servers {
        let listed = super::fleet::all_active(&client).await?;
        let ids = listed.iter().map(|s| s.id().to_string()).collect();
        (ids, listed)
    } else if flags.is_empty() {
        let one = super::auth_server::which_server(&settings)?;
        (vec![one.to_string()], Vec::new())
    } else {
        (flags, Vec::new())
    };
    let (client, listed, args, ring) = (&client, &listed, &args, &ring);
    let results = super::fleet::each_server(
        &printer,
        &servers,
        fleet.parallel,
        |server, held| async move {
            let known = listed.iter().find(|s| s.id() == server);
            let audit = audit_one(client, server, known, args, ring.as_ref(), &held).await;
            if let Err(err) = &audit {
                super::fleet::report_failure(&held, server, err);
            }
            audit
        },
    )
    .await;
    let mut first_failure = None;
    let mut audits = Vec::new();
    for result in results {
        match result {
            Ok(audit) => audits.push(audit),
            Err(err) => {
                first_failure.get_or_insert(err.exit_code());
            }
        }
    }
    if servers.is_empty() {
        printer.note("The org has no ACTIVE custom authorization server: nothing to audit.");
    }
    printer.audit_report(&audits)?;
    let failed = audits
        .iter()
        .flat_map(|a| &a.findings)
        .any(|f| f.severity == Severity::Error || (args.strict && f.severity == Severity::Warning));
    match (first_failure, failed) {
        (Some(code), _) => Err(Error::Reported(code)),
        (None, true) => Err(Error::Reported(exit::PENDING)),
        (None, false) => Ok(()),
    }
}

/// Read one server (by id or name, unless listed) and its keys (and its ring), and assess
/// them.
async fn audit_one(
    client: &Client,
    value: &str,
    listed: Option<&AuthServer>,
    args: &AuditArgs,
    ring: Option<&Location>,
    printer: &Printer,
) -> Result<ServerAudit> {
    let server = match listed {
        Some(server) => server.clone(),
        None => super::auth_server::resolve(client, value).await?,
    };
    let now = Timestamp::now();
    if server.jwks_uri().is_some() {
        // Okta fetches the keys from the URL: there are no saved keys to judge.
        return Ok(assess(&server, None, now, args.max_age));
    }
    let keys = api::list_keys(client, server.id()).await?;
    let views = rotate::views_of_listed(&keys)?;
    // The policies' rules are read only when a window depends on them.
    let needs_rule = views
        .iter()
        .any(|k| rotate::role(&views, k) == Role::Previous);
    let rule = if needs_rule {
        let id = server.id();
        super::retirement::retirement(client, id, args.token_lifetime, false, printer).await
    } else {
        Retirement {
            now,
            lifetime: Duration::ZERO,
            ignore: false,
        }
    };
    let mut audit = assess(&server, Some((&views, rule)), now, args.max_age);
    if let Some(location) = ring {
        let store = Store::new(location.for_server(server.id()), false);
        let loaded = store.read().await?;
        audit.findings.extend(ring_findings(
            server.id(),
            store.location(),
            &ring::status(&views, &loaded.ring, &rule),
        ));
    }
    Ok(audit)
}

/// The ring against the keys, as `keys ring check` judges it: a key whose tokens may be
/// alive that the ring cannot open is an error (a resource server loading the ring fails
/// on its tokens); a ring key Okta no longer needs is a warning (a prune candidate).
fn ring_findings(id: &str, location: &Location, status: &Status) -> Vec<Finding> {
    let where_ = location.describe();
    let hint = |sub: &str, extra: &[&str]| {
        crate::hint::command(
            ["keys", "ring", sub, "--auth-server", id]
                .iter()
                .map(|a| a.to_string())
                .chain(location.flags())
                .chain(extra.iter().map(|a| a.to_string())),
        )
    };
    let mut findings: Vec<Finding> = status
        .problems()
        .map(|n| Finding {
            severity: Severity::Error,
            code: "ring-out-of-step",
            message: format!(
                "{where_} {} kid {} ({}, key {}): a resource server loading it cannot decrypt \
                 the tokens of that kid; import its private key: {}",
                match n.held {
                    Held::Mismatch => "holds another key under",
                    _ => "lacks",
                },
                n.key.kid.as_deref().unwrap_or("(none)"),
                n.role,
                n.key.id,
                hint("import", &["KEY.pem"])
            ),
        })
        .collect();
    findings.extend(status.prunable.iter().map(|(kid, _)| Finding {
        severity: Severity::Warning,
        code: "ring-prunable",
        message: format!(
            "{where_} still holds kid {kid}, which Okta no longer needs: {}",
            hint("prune", &[])
        ),
    }));
    findings
}

/// The facts and findings of one server, from its object and (when saved) its keys with
/// the retirement rule. Pure.
fn assess(
    server: &AuthServer,
    keys: Option<(&[KeyView], Retirement)>,
    now: Timestamp,
    max_age: Duration,
) -> ServerAudit {
    let id = server.id();
    let encryption = server.encryption().map(str::to_string);
    let mut findings = Vec::new();
    let mut push = |severity, code, message: String| {
        findings.push(Finding {
            severity,
            code,
            message,
        })
    };
    let Some((keys, rule)) = keys else {
        return ServerAudit {
            id: id.to_string(),
            name: server.name().to_string(),
            encryption,
            key_source: "jwks_uri",
            active_key: None,
            key_count: None,
            findings,
        };
    };
    let active = keys.iter().find(|k| k.status == KeyStatus::Active);
    let activated = active.and_then(|k| k.last_updated.as_deref().or(k.created.as_deref()));
    let age_seconds = activated
        .and_then(Timestamp::parse)
        .map(|at| u64::try_from(now.0.saturating_sub(at.0)).unwrap_or(0));

    match (&encryption, active) {
        (Some(alg), None) => push(
            Severity::Error,
            "no-active-key",
            format!(
                "encryption is on ({alg}) but no key is ACTIVE; activate one: {}",
                hint::command(["keys", "activate", "--auth-server", id, "KEY_ID"])
            ),
        ),
        (None, _) if !keys.is_empty() => push(
            Severity::Warning,
            "keys-without-encryption",
            format!(
                "{} saved but encryption is off: access tokens are not encrypted ({})",
                count(keys.len(), "key is", "keys are"),
                hint::command(["servers", "encryption", "enable", "--auth-server", id])
            ),
        ),
        _ => {}
    }
    if let Some(key) = active
        && let Some(secs) = age_seconds
        && rotate::not_due_until(keys, now, max_age).is_none()
    {
        push(
            Severity::Error,
            "active-key-too-old",
            format!(
                "the ACTIVE key {} has been active {}, more than --max-age {}; rotate it: {}",
                key.describe(),
                age_text(secs),
                format_duration(max_age),
                hint::command([
                    "keys",
                    "rotate",
                    "--auth-server",
                    id,
                    "--generate",
                    "--private-key-out",
                    "FILE"
                ])
            ),
        );
    }
    for key in keys
        .iter()
        .filter(|k| k.kid.as_deref().is_none_or(str::is_empty))
    {
        push(
            Severity::Error,
            "key-without-kid",
            format!(
                "key {} has no kid: Okta refuses every key added to this server until it is deleted or replaced",
                key.id
            ),
        );
    }
    if keys.len() >= KEY_LIMIT {
        push(
            Severity::Warning,
            "key-limit",
            format!(
                "{} saved: the spec's limit is {KEY_LIMIT}, so Okta may refuse the next add; delete retirable keys (which: {})",
                count(keys.len(), "key is", "keys are"),
                hint::command(["keys", "list", "--auth-server", id, "--retirement"])
            ),
        );
    }
    for key in keys.iter().filter(|k| k.status == KeyStatus::Inactive) {
        let when = rule.of(keys, key);
        if when.is_now() {
            push(
                Severity::Warning,
                "retirable-keys",
                format!(
                    "INACTIVE key {} is past retirement ({}); delete it: {}",
                    key.describe(),
                    match when {
                        Retirable::Since(at) => format!("retirable since {at}"),
                        _ => "retirable now".into(),
                    },
                    hint::command(["keys", "delete", "--auth-server", id, &key.id])
                ),
            );
        }
    }
    if keys.is_empty() {
        push(
            Severity::Warning,
            "no-keys",
            format!(
                "no key is saved; add one: {}",
                hint::command(["keys", "add", "--auth-server", id, "--jwk", "FILE"])
            ),
        );
    }
    ServerAudit {
        id: id.to_string(),
        name: server.name().to_string(),
        encryption,
        key_source: "saved",
        active_key: active.map(|k| ActiveKey {
            id: k.id.clone(),
            kid: k.kid.clone(),
            activated: activated.map(str::to_string),
            age_seconds,
        }),
        key_count: Some(keys.len()),
        findings,
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(encryption: Option<&str>) -> AuthServer {
        let mut v = serde_json::json!({"id": "ausA", "name": "A", "status": "ACTIVE"});
        if let Some(alg) = encryption {
            v["accessTokenEncryptedResponseAlgorithm"] = alg.into();
        }
        AuthServer::from_value(v).unwrap()
    }

    fn key(
        id: &str,
        kid: Option<&str>,
        status: KeyStatus,
        created: &str,
        updated: &str,
    ) -> KeyView {
        KeyView {
            id: id.into(),
            kid: kid.map(str::to_string),
            status,
            created: Some(format!("2026-{created}T00:00:00.000Z")),
            last_updated: Some(format!("2026-{updated}T00:00:00.000Z")),
            thumbprint: None,
        }
    }

    fn codes(a: &ServerAudit) -> Vec<(&'static str, Severity)> {
        a.findings.iter().map(|f| (f.code, f.severity)).collect()
    }

    #[test]
    fn findings_from_the_keys_and_the_rule() {
        let now = Timestamp::parse("2026-11-01T00:00:00.000Z").unwrap();
        let rule = Retirement {
            now,
            lifetime: Duration::from_secs(3600),
            ignore: false,
        };
        let day = Duration::from_secs(86_400);
        let fresh = [key("cur", Some("c"), KeyStatus::Active, "10-01", "10-30")];
        let a = assess(
            &server(Some("RSA-OAEP-256")),
            Some((&fresh, rule)),
            now,
            day * 90,
        );
        assert_eq!(codes(&a), []);
        assert_eq!(a.active_key.unwrap().age_seconds, Some(2 * 86_400));

        let old = [
            key("cur", None, KeyStatus::Active, "01-01", "02-01"),
            key("prev", Some("p"), KeyStatus::Inactive, "01-01", "02-01"),
        ];
        let a = assess(&server(None), Some((&old, rule)), now, day * 90);
        assert_eq!(
            codes(&a),
            [
                ("keys-without-encryption", Severity::Warning),
                ("active-key-too-old", Severity::Error),
                ("key-without-kid", Severity::Error),
                ("retirable-keys", Severity::Warning),
            ]
        );

        let a = assess(&server(Some("RSA-OAEP-256")), Some((&[], rule)), now, day);
        assert_eq!(
            codes(&a),
            [
                ("no-active-key", Severity::Error),
                ("no-keys", Severity::Warning)
            ]
        );
        let a = assess(&server(None), None, now, day);
        assert_eq!(
            (a.key_source, a.key_count, codes(&a)),
            ("jwks_uri", None, vec![])
        );
    }
}
