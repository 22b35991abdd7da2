//! `oktakeys keys …`: the six operations on an authorization server's keys.

use crate::api::{self, requests};
use crate::auth::Scope;
use crate::cli::{
    AddArgs, DeleteArgs, FleetArgs, GlobalArgs, KeysArgs, KeysCommand, ListArgs, MutateArgs,
    OutputFormat,
};
use crate::config::{ProcessEnv, Settings};
use crate::error::{Error, Result};
use crate::http::{Progress, Request};
use crate::output::{KeyNotes, Printer};
use crate::rotate::{self, KeyView};

use super::connection::Connection;
use super::key_source::{KeySource, load_key};

pub(crate) async fn run(global: &GlobalArgs, args: KeysArgs) -> Result<()> {
    let printer = Printer::new(global);
    if let KeysCommand::List(list) = &args.command
        && (args.auth_server.len() > 1 || list.fleet.all_auth_servers)
    {
        if list.retirement {
            return Err(Error::Usage(
                "--retirement lists one authorization server: pass one --auth-server".into(),
            ));
        }
        return list_many(global, &printer, &args.auth_server, &list.fleet).await;
    }
    let auth_server = args.single_auth_server().map_err(Error::Usage)?;
    let settings = Settings::resolve(global, auth_server, &ProcessEnv)?;
    let server = super::auth_server::which_server(&settings)?;
    // One OAuth token for the whole command: read for list/get, manage for the rest.
    let need = match args.command {
        KeysCommand::List(_) | KeysCommand::Get(_) => Scope::Read,
        _ => Scope::Manage,
    };
    let conn = Connection::open(&settings, Progress::detect(global.quiet))
        .await?
        .needing(need);

    // The value is tried as the server id; on a 404 it may be the server's name.
    match run_on(&conn, global, &printer, server, &args.command).await {
        Err(err) => {
            let id = super::auth_server::id_after_not_found(&conn.client()?, server, err).await?;
            run_on(&conn, global, &printer, &id, &args.command).await
        }
        done => done,
    }
}

async fn run_on(
    conn: &Connection,
    global: &GlobalArgs,
    printer: &Printer,
    server: &str,
    command: &KeysCommand,
) -> Result<()> {
    match command {
        KeysCommand::List(a) => list(conn, printer, server, a).await,
        KeysCommand::Rollback(a) => super::rollback::run(conn, printer, server, a.dry_run).await,
        KeysCommand::Get(a) => get(conn, printer, server, &a.key_id).await,
        KeysCommand::Add(a) => add(conn, printer, server, a).await,
        KeysCommand::Activate(a) => lifecycle(conn, printer, server, a, Lifecycle::Activate).await,
        KeysCommand::Deactivate(a) => {
            lifecycle(conn, printer, server, a, Lifecycle::Deactivate).await
        }
        KeysCommand::Delete(a) => delete(conn, global, printer, server, a).await,
        // Dispatched in `commands::dispatch`: they resolve settings their own way.
        KeysCommand::Generate(_)
        | KeysCommand::Rotate(_)
        | KeysCommand::Verify(_)
        | KeysCommand::Match(_)
        | KeysCommand::Audit(_)
        | KeysCommand::Ring(_) => Err(Error::Internal(
            "keys generate/rotate/verify/match/audit/ring: misrouted".into(),
        )),
    }
}

/// `keys list` on several servers (or `--all-auth-servers`): up to `--parallel` at once, printed in their order
/// (one JSON object keyed by server id, a table with an AUTH SERVER column, or
/// `SERVER_ID KEY_ID` lines). A server that fails is reported and left out; the exit code
/// is the first failure's.
async fn list_many(
    global: &GlobalArgs,
    printer: &Printer,
    auth_servers: &[String],
    fleet: &FleetArgs,
) -> Result<()> {
    let flags = super::fleet::distinct(auth_servers);
    let settings = Settings::resolve(global, flags.first().map(String::as_str), &ProcessEnv)?;
    let conn = Connection::open(&settings, Progress::detect(global.quiet)).await?;
    let client = conn.client()?;
    let servers = match fleet.all_auth_servers {
        true => super::fleet::all_active_servers(&client).await?,
        false => flags,
    };
    let client = &client;
    let results = super::fleet::each_server(
        printer,
        &servers,
        fleet.parallel,
        |server, held| async move {
            let listed = api::list_keys(client, server).await;
            if let Err(err) = &listed {
                super::fleet::report_failure(&held, server, err);
            }
            listed
        },
    )
    .await;
    let mut first_failure = None;
    let mut listed = Vec::new();
    for (server, result) in servers.iter().zip(results) {
        match result {
            Ok(keys) => {
                let roles = rotate::roles_of(&keys);
                listed.push((server.as_str(), keys, roles));
            }
            Err(err) => {
                first_failure.get_or_insert(err.exit_code());
            }
        }
    }
    printer.server_keys(&listed)?;
    match first_failure {
        Some(code) => Err(Error::Reported(code)),
        None => Ok(()),
    }
}

/// `keys list`: Okta's keys with each one's role, and with `--retirement` when it is
/// retirable.
async fn list(conn: &Connection, printer: &Printer, server: &str, args: &ListArgs) -> Result<()> {
    let client = conn.client()?;
    let keys = api::list_keys(&client, server).await?;
    let views: Vec<KeyView> = keys.iter().map(KeyView::from_api).collect();
    let retirement = if args.retirement {
        Some(
            super::retirement::retirement(&client, server, args.token_lifetime, false, printer)
                .await,
        )
    } else {
        None
    };
    let notes: Vec<KeyNotes> = views
        .iter()
        .map(|k| KeyNotes {
            role: rotate::role(&views, k).to_string(),
            retirable: retirement.map(|r| {
                let when = r.of(&views, k);
                (when.label(), when.json(r.now))
            }),
        })
        .collect();
    printer.key_list(&keys, &notes)
}

/// `keys get`: the key, and in the table its role among the server's keys (one more
/// request; a key's role depends on the others).
async fn get(conn: &Connection, printer: &Printer, server: &str, key_id: &str) -> Result<()> {
    let client = conn.client()?;
    let key = api::get_key(&client, server, key_id).await?;
    if printer.format != OutputFormat::Table {
        return printer.key(&key, "");
    }
    let listed = api::list_keys(&client, server).await?;
    printer.key(&key, &rotate::role_among(&listed, &key))
}

async fn add(conn: &Connection, printer: &Printer, server: &str, args: &AddArgs) -> Result<()> {
    let source = KeySource::from_flags(args.source.jwk.as_deref(), args.source.pem.as_deref())
        .ok_or_else(|| Error::Usage("pass --jwk FILE or --pem FILE (or - for stdin)".into()))?;
    let key = load_key(source, args.kid.as_deref()).await?;
    if let Some(kid) = &args.kid
        && kid.trim().is_empty()
    {
        return Err(Error::Usage("--kid must not be empty".into()));
    }
    let kid = key.effective_kid(args.kid.as_deref());
    let body = key.request_body(&kid);
    if args.dry_run.dry_run {
        return printer.dry_run(&requests::add(server, body), &conn.base);
    }
    let api::Added {
        key: added,
        recovered,
    } = api::add_key(&conn.client()?, server, body).await?;
    printer.key(&added, &rotate::role_alone(&added))?;
    if recovered {
        printer.note(
            "The connection failed after the key was sent, but Okta had stored it: it was added once, not sent again.",
        );
    }
    printer.note(format!(
        "Added key {} (kid {kid}) as INACTIVE. Make it the active key with:\n  {}",
        added.id(),
        crate::hint::command(["keys", "activate", "--auth-server", server, added.id()])
    ));
    Ok(())
}

enum Lifecycle {
    Activate,
    Deactivate,
}

async fn lifecycle(
    conn: &Connection,
    printer: &Printer,
    server: &str,
    args: &MutateArgs,
    action: Lifecycle,
) -> Result<()> {
    let id = &args.id.key_id;
    let (request, done): (Request, &str) = match action {
        Lifecycle::Activate => (requests::activate(server, id), "Activated"),
        Lifecycle::Deactivate => (requests::deactivate(server, id), "Deactivated"),
    };
    if args.dry_run.dry_run {
        return printer.dry_run(&request, &conn.base);
    }
    let key = api::send_for_key(&conn.client()?, &request, "the key").await?;
    printer.key(&key, &rotate::role_alone(&key))?;
    printer.note(format!("{done} key {}.", key.id()));
    Ok(())
}

async fn delete(
    conn: &Connection,
    global: &GlobalArgs,
    printer: &Printer,
    server: &str,
    args: &DeleteArgs,
) -> Result<()> {
    let id = &args.id.key_id;
    let request = requests::delete(server, id);
    if args.dry_run.dry_run {
        return printer.dry_run(&request, &conn.base);
    }
    super::confirm_on_org(
        global,
        args.yes,
        &conn.base,
        &format!("Delete key {id} from authorization server {server}?"),
        &format!("not deleting key {id}"),
    )
    .await?;
    api::delete_key(&conn.client()?, server, id).await?;
    printer.note(format!("Deleted key {id}."));
    Ok(())
}
