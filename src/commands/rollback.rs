//! `oktakeys keys rollback`: re-activate the key that was ACTIVE before.

use super::connection::Connection;
use crate::api::{self, requests};
use crate::error::{Error, Result};
use crate::output::Printer;
use crate::rotate::{self, KeyStatus, KeyView, Role};
use crate::time::Timestamp;

/// The key to roll back to: the previous key deactivated last (once active, so never a
/// staged next key).
fn rollback_target(keys: &[KeyView]) -> Option<&KeyView> {
    keys.iter()
        .filter(|k| k.status == KeyStatus::Inactive)
        .filter(|k| rotate::role(keys, k) == Role::Previous && rotate::was_activated(k))
        .max_by_key(|k| {
            (
                k.last_updated.as_deref().and_then(Timestamp::parse),
                k.id.clone(),
            )
        })
}

pub(crate) async fn run(
    conn: &Connection,
    printer: &Printer,
    server: &str,
    dry_run: bool,
) -> Result<()> {
    let client = conn.client()?;
    let keys = api::list_keys(&client, server).await?;
    let views = rotate::views_of_listed(&keys)?;
    let active = views.iter().find(|k| k.status == KeyStatus::Active);
    let Some(target) = rollback_target(&views) else {
        return Err(Error::Refused {
            message: format!(
                "no key to roll back to on {server}: no INACTIVE key there was ever ACTIVE, so \
                 the key that was ACTIVE before has been deleted. Nothing was changed"
            ),
            hint: Some(format!(
                "rotate to a new key instead (`{}`); `{}` shows each key's role",
                crate::hint::command([
                    "keys",
                    "rotate",
                    "--auth-server",
                    server,
                    "--generate",
                    "--private-key-out",
                    "FILE"
                ]),
                crate::hint::command(["keys", "list", "--auth-server", server])
            )),
        });
    };
    let deactivates = active
        .map(|k| format!("; Okta deactivates {}", k.describe()))
        .unwrap_or_default();
    printer.note(format!(
        "Roll back {server} to key {}, ACTIVE until {}{deactivates}.",
        target.describe(),
        target.last_updated.as_deref().unwrap_or("?")
    ));
    if dry_run {
        return printer.dry_run(&requests::activate(server, &target.id), &conn.base);
    }
    let key = api::activate_key(&client, server, &target.id).await?;
    // Reported only after seeing it ACTIVE.
    let after = api::list_keys(&client, server).await?;
    if !after.iter().any(|k| k.id() == target.id && k.is_active()) {
        return Err(Error::Changed {
            message: format!(
                "another change is in progress on {server}: key {} is not ACTIVE after the \
                 rollback",
                target.id
            ),
            hint: Some(format!(
                "look with `{}`",
                crate::hint::command(["keys", "list", "--auth-server", server])
            )),
        });
    }
    printer.key(&key, &crate::rotate::role_alone(&key))?;
    printer.note(format!(
        "Rolled back: key {} is the ACTIVE key again.",
        target.describe()
    ));
    Ok(())
}
