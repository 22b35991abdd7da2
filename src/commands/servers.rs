//! `oktakeys servers list|get|encryption enable|disable`: the org's authorization servers
//! and their access-token encryption.

use crate::api::servers::{self, AuthServer, ENCRYPTION_FIELD, requests};
use crate::api::{self, Key};
use crate::auth::Scope;
use crate::cli::{EncryptionCommand, GlobalArgs, ServersArgs, ServersCommand};
use crate::client::Client;
use crate::config::{ProcessEnv, Settings};
use crate::error::{Error, Result};
use crate::escape::escape;
use crate::http::Progress;
use crate::output::{Printer, ServerDetails};

use super::auth_server;
use super::connection::Connection;

pub(crate) async fn run(global: &GlobalArgs, args: ServersArgs) -> Result<()> {
    let printer = Printer::new(global);
    let (flag, scope) = match &args.command {
        ServersCommand::Encryption(e) => match &e.command {
            EncryptionCommand::Enable(a) => (a.server.auth_server.as_deref(), Scope::Manage),
            EncryptionCommand::Disable(a) => (a.server.auth_server.as_deref(), Scope::Manage),
        },
        _ => (None, Scope::Read),
    };
    let settings = Settings::resolve(global, flag, &ProcessEnv)?;
    let conn = Connection::open(&settings, Progress::detect(global.quiet))
        .await?
        .needing(scope);
    let client = conn.client()?;
    match args.command {
        ServersCommand::List(a) => {
            let list = servers::list_servers(&client, a.query.as_deref()).await?;
            printer.servers(&list)
        }
        ServersCommand::Get(a) => match (&a.id, a.all_auth_servers) {
            (Some(id), false) => get(&client, &printer, id).await,
            _ => get_all(&client, &printer, a.parallel).await,
        },
        ServersCommand::Encryption(e) => {
            let server = auth_server::which_server(&settings)?;
            match e.command {
                EncryptionCommand::Enable(a) => {
                    let alg = a.alg.as_str();
                    set_encryption(&conn, &client, &printer, server, Some(alg), a.dry_run).await
                }
                EncryptionCommand::Disable(a) => {
                    set_encryption(&conn, &client, &printer, server, None, a.dry_run).await
                }
            }
        }
    }
}

async fn get(client: &Client, printer: &Printer, value: &str) -> Result<()> {
    let server = auth_server::resolve(client, value).await?;
    if printer.format != crate::cli::OutputFormat::Table {
        return printer.server(&server);
    }
    let (keys, longest) = details(client, &server).await?;
    printer.server_details(&ServerDetails {
        server: &server,
        keys: keys.as_deref(),
        longest_lifetime_minutes: longest,
    })
}

/// What `servers get` shows besides the server object: its saved keys (none listed when
/// they come from a URL) and its longest access-token lifetime.
async fn details(client: &Client, server: &AuthServer) -> Result<(Option<Vec<Key>>, Option<u64>)> {
    let keys = match server.jwks_uri() {
        Some(_) => None,
        None => Some(api::list_keys(client, server.id()).await?),
    };
    let longest = servers::longest_access_token_lifetime(client, server.id()).await?;
    Ok((keys, longest))
}

/// `servers get --all-auth-servers`: every ACTIVE server, one block each in Okta's order
/// (the details read up to `parallel` servers at once); -o json an array of the objects.
async fn get_all(client: &Client, printer: &Printer, parallel: u16) -> Result<()> {
    let all = super::fleet::all_active(client).await?;
    if printer.format != crate::cli::OutputFormat::Table {
        return printer.servers(&all);
    }
    let ids: Vec<String> = all.iter().map(|s| s.id().to_string()).collect();
    let all = &all;
    let results = super::fleet::each_server(printer, &ids, parallel, |id, held| async move {
        let found = all.iter().find(|s| s.id() == id);
        let read = match found {
            Some(server) => details(client, server).await,
            None => Err(Error::Internal(format!("server {id} left the listing"))),
        };
        if let Err(err) = &read {
            super::fleet::report_failure(&held, id, err);
        }
        read
    })
    .await;
    let (mut first_failure, mut printed) = (None, false);
    for (server, read) in all.iter().zip(results) {
        match read {
            Ok((keys, longest)) => {
                if std::mem::replace(&mut printed, true) {
                    printer.data("\n")?;
                }
                printer.server_details(&ServerDetails {
                    server,
                    keys: keys.as_deref(),
                    longest_lifetime_minutes: longest,
                })?;
            }
            Err(err) => {
                first_failure.get_or_insert(err.exit_code());
            }
        }
    }
    match first_failure {
        Some(code) => Err(Error::Reported(code)),
        None => Ok(()),
    }
}

/// GET the server, change only the encryption field, PUT the whole object back.
async fn set_encryption(
    conn: &Connection,
    client: &Client,
    printer: &Printer,
    value: &str,
    alg: Option<&str>,
    dry_run: bool,
) -> Result<()> {
    let server = auth_server::resolve(client, value).await?;
    let id = server.id().to_string();
    let was = server.encryption().map(str::to_string);
    let shown = |alg: Option<&str>| escape(alg.unwrap_or("off")).into_owned();
    if was.as_deref() == alg {
        printer.server(&server)?;
        printer.note(format!(
            "Access-token encryption on authorization server {id} is already {}; nothing was sent.",
            shown(alg)
        ));
        return Ok(());
    }
    if alg.is_some() && server.jwks_uri().is_none() {
        refuse_without_active_key(&api::list_keys(client, &id).await?, &id)?;
    }
    let request = requests::replace(&id, server.with_encryption(alg));
    if dry_run {
        printer.note(format!(
            "{ENCRYPTION_FIELD}: {} → {} (every other field unchanged)",
            shown(was.as_deref()),
            shown(alg)
        ));
        return printer.dry_run(&request, &conn.base);
    }
    let updated = put_encryption(client, &server, alg).await?;
    printer.server(&updated)?;
    printer.note(match alg {
        Some(_) => format!(
            "Access-token encryption on authorization server {id}: {} (was {}). Check that your \
             private key opens the new tokens:\n  {}",
            shown(updated.encryption()),
            shown(was.as_deref()),
            crate::hint::command([
                "keys",
                "verify",
                "--auth-server",
                &id,
                "--private-key",
                "FILE",
                "--client-id",
                "ID",
                "--scope",
                "S"
            ])
        ),
        None => format!(
            "Access-token encryption on authorization server {id}: off (was {}).",
            shown(was.as_deref())
        ),
    });
    Ok(())
}

/// PUT the server back with only its encryption changed (`None`: off); Okta's answer.
/// `apply` switches encryption through this too.
pub(crate) async fn put_encryption(
    client: &Client,
    server: &AuthServer,
    alg: Option<&str>,
) -> Result<AuthServer> {
    let id = server.id();
    servers::replace_server(client, id, server.with_encryption(alg))
        .await
        .map_err(|e| enable_refused(e, alg, id))
}

/// Okta refuses encryption without an ACTIVE key; refuse before sending, naming the fix.
fn refuse_without_active_key(keys: &[Key], id: &str) -> Result<()> {
    if keys.iter().any(Key::is_active) {
        return Ok(());
    }
    Err(Error::Refused {
        message: format!(
            "authorization server {id} has no ACTIVE key, and access tokens can only be encrypted to one; nothing was sent"
        ),
        hint: Some(activate_hint(id)),
    })
}

fn activate_hint(id: &str) -> String {
    format!(
        "activate a key first: `{}` (`{}` shows the keys; `{}` adds one)",
        crate::hint::command(["keys", "activate", "--auth-server", id, "KEY_ID"]),
        crate::hint::command(["keys", "list", "--auth-server", id]),
        crate::hint::command(["keys", "add", "--auth-server", id, "--jwk", "FILE"]),
    )
}

/// Okta's own refusal to enable (a key deactivated meanwhile): the same next step.
fn enable_refused(err: Error, alg: Option<&str>, id: &str) -> Error {
    match err {
        Error::Api(mut api) if alg.is_some() && api.status == 400 => {
            api.hint = Some(activate_hint(id));
            Error::Api(api)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enabling_needs_an_active_key() {
        let key = |status: &str| {
            Key::from_value(serde_json::json!({"id": "apk1", "status": status})).unwrap()
        };
        assert!(refuse_without_active_key(&[key("INACTIVE"), key("ACTIVE")], "aus1").is_ok());
        let err = refuse_without_active_key(&[key("INACTIVE")], "aus1").unwrap_err();
        assert_eq!(err.exit_code(), 6);
        assert!(
            err.hint()
                .unwrap()
                .contains("oktakeys keys activate --auth-server aus1")
        );
        assert!(refuse_without_active_key(&[], "aus1").is_err());
    }
}
