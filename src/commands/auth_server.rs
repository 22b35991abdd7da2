//! Which authorization server `--auth-server` (or `servers get ID`) names, in one place for
//! every command: the value is tried as an id first; on 404 it is looked up by exact name
//! (case-insensitive) among the org's servers. None is exit 5 naming `oktakeys servers
//! list`; several is a usage error (exit 2) listing their ids.

use super::connection::Connection;
use crate::api::servers::{self, AuthServer};
use crate::api::{self, Key};
use crate::cli::GlobalArgs;
use crate::client::Client;
use crate::config::{ProcessEnv, Settings};
use crate::error::{ApiError, Error, Result};
use crate::http::Progress;

/// A read-only command on one server (`keys verify`, `keys match`): the client, the server
/// `--auth-server` (or the profile) names, and its saved keys.
pub(crate) struct OnServer {
    /// Keeps the in-process sandbox of the `sandbox` profile running.
    _conn: Connection,
    pub(crate) client: Client,
    pub(crate) server: AuthServer,
    pub(crate) keys: Vec<Key>,
}

impl OnServer {
    pub(crate) async fn open(global: &GlobalArgs, flag: Option<&str>) -> Result<Self> {
        let settings = Settings::resolve(global, flag, &ProcessEnv)?;
        let value = which_server(&settings)?;
        let conn = Connection::open(&settings, Progress::detect(global.quiet)).await?;
        let client = conn.client()?;
        let server = resolve(&client, value).await?;
        let keys = api::list_keys(&client, server.id()).await?;
        Ok(OnServer {
            _conn: conn,
            client,
            server,
            keys,
        })
    }
}

/// The one `--auth-server` (flag, `OKTAKEYS_AUTH_SERVER` or the profile's).
pub(crate) fn which_server(settings: &Settings) -> Result<&str> {
    settings.auth_server.as_deref().ok_or_else(|| {
        Error::Usage(
            "which authorization server? pass --auth-server ID (or set auth_server in the profile, or OKTAKEYS_AUTH_SERVER)"
                .into(),
        )
    })
}

/// The server `value` names, fetched: `GET …/authorizationServers/{value}`, and on 404 the
/// server of that name (then fetched by its id, so the object is exactly Okta's GET).
pub(crate) async fn resolve(client: &Client, value: &str) -> Result<AuthServer> {
    match servers::get_server(client, value).await {
        Err(Error::Api(mut not_found)) if not_found.status == 404 => {
            match by_name(client, value).await? {
                Some(id) => servers::get_server(client, &id).await,
                None => {
                    not_found.hint = Some(none_named(value));
                    Err(Error::Api(not_found))
                }
            }
        }
        other => other,
    }
}

/// For a command whose own request took `value` as the server id and got `err`: when
/// that was a 404 and one server is named `value`, its id, to send the request again.
/// Otherwise the error to report: `err` itself (the 404 may be the key's, so its hint
/// stands), or the usage error for a name several servers share.
pub(crate) async fn id_after_not_found(client: &Client, value: &str, err: Error) -> Result<String> {
    let Error::Api(not_found) = err else {
        return Err(err);
    };
    if not_found.status != 404 {
        return Err(Error::Api(not_found));
    }
    // The name lookup failing (no permission to list servers, say) leaves Okta's 404 as
    // the answer: it is what happened.
    match by_name(client, value).await {
        Ok(Some(id)) if id != value => Ok(id),
        Ok(None) => Err(Error::Api(
            server_or_key_not_found(client, value, not_found).await,
        )),
        Ok(_) => Err(Error::Api(not_found)),
        Err(Error::Usage(several)) => Err(Error::Usage(several)),
        Err(lookup) => {
            tracing::info!("looking up an authorization server named {value:?} failed: {lookup}");
            Err(Error::Api(not_found))
        }
    }
}

/// The 404 to report when no server is named `value`: when the server itself is not
/// there either, the hint names `oktakeys servers list` (as for `servers get`); otherwise
/// the 404 was the key's, and its hint stands.
async fn server_or_key_not_found(
    client: &Client,
    value: &str,
    mut not_found: Box<ApiError>,
) -> Box<ApiError> {
    if let Err(Error::Api(server)) = servers::get_server(client, value).await
        && server.status == 404
    {
        not_found.hint = Some(none_named(value));
    }
    not_found
}

/// The id of the one server named `value` (exact, case-insensitive), among those Okta's
/// `q` search finds; `None` when there is none.
async fn by_name(client: &Client, value: &str) -> Result<Option<String>> {
    let named: Vec<AuthServer> = servers::list_servers(client, Some(value))
        .await?
        .into_iter()
        .filter(|s| s.name().to_lowercase() == value.to_lowercase())
        .collect();
    match named.as_slice() {
        [] => Ok(None),
        [one] => {
            tracing::info!("authorization server {:?} is {}", value, one.id());
            Ok(Some(one.id().to_string()))
        }
        several => Err(Error::Usage(format!(
            "{} authorization servers are named {:?}: {}; pass the id to --auth-server",
            several.len(),
            value,
            several
                .iter()
                .map(|s| format!("{} ({:?})", s.id(), s.name()))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

fn none_named(value: &str) -> String {
    format!(
        "no authorization server has the id or the name {value:?}: `{}` shows them",
        crate::hint::command(["servers", "list"])
    )
}
