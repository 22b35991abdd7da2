//! `oktakeys token decrypt`: open an encrypted access token with the resource server's
//! private key (a file, or the ring's key of the token's kid) and show its headers and
//! claims; with `--auth-server`, verify the inner
//! JWT (signature against the server's `/v1/keys`, `iss`, `exp`).

use serde_json::Value;

use super::connection::Connection;
use super::inspect::{self, Opened};
use super::private_key::PrivateKeys;
use crate::api::oauth;
use crate::api::servers::AuthServer;
use crate::cli::{DecryptArgs, GlobalArgs, TokenArgs, TokenCommand};
use crate::client::Client;
use crate::config::{ProcessEnv, Settings};
use crate::error::{Error, Result};
use crate::http::Progress;
use crate::output::Printer;
use crate::ring::{Location, Store};
use keymaterial::secret::Secret;

pub(crate) async fn run(global: &GlobalArgs, args: TokenArgs) -> Result<()> {
    match args.command {
        TokenCommand::Decrypt(args) => decrypt(global, args).await,
    }
}

async fn decrypt(global: &GlobalArgs, args: DecryptArgs) -> Result<()> {
    let printer = Printer::new(global);
    // Everything local first: a bad key or token is reported before anything is sent.
    let file = args
        .private_key
        .as_deref()
        .map(PrivateKeys::file)
        .transpose()?;
    let token = read_token(&args.token).await?;
    let ring = args.ring.as_ref().map(|path| Location::File(path.clone()));
    let local = match (file, &ring) {
        (Some(file), _) => Some(file),
        (None, Some(ring)) if !ring.names_server() => {
            Some(PrivateKeys::ring(&Store::new(ring.clone(), false)).await?)
        }
        (None, Some(ring)) if args.auth_server.is_none() => {
            return Err(Error::Usage(format!(
                "which authorization server? {} holds `{{server}}`: pass --auth-server ID",
                ring.describe()
            )));
        }
        _ => None,
    };
    let opened = match &local {
        Some(keys) => Some(open(token.expose(), keys)?),
        None => None,
    };
    let Some(value) = &args.auth_server else {
        let Some(opened) = opened else {
            return Err(Error::Internal("token decrypt: no key".into()));
        };
        return printer.decrypted_token(&opened.header, &opened.jwt.header, &opened.jwt.claims);
    };
    let settings = Settings::resolve(global, None, &ProcessEnv)?;
    let conn = Connection::open(&settings, Progress::detect(global.quiet)).await?;
    let client = conn.client()?;
    let server = super::auth_server::resolve(&client, value).await?;
    let opened = match (opened, &ring) {
        (Some(opened), _) => opened,
        // The ring of this server: `{server}` is its id.
        (None, Some(ring)) => {
            let keys = PrivateKeys::ring(&Store::new(ring.for_server(server.id()), false)).await?;
            open(token.expose(), &keys)?
        }
        (None, None) => return Err(Error::Internal("token decrypt: no key".into())),
    };
    verify(&printer, &client, &server, &opened).await?;
    printer.decrypted_token(&opened.header, &opened.jwt.header, &opened.jwt.claims)
}

/// Open `token` with the key its JWE header's kid picks (from a ring), or the one file.
fn open(token: &str, keys: &PrivateKeys) -> Result<Opened> {
    let header = inspect::jwe_header(token)?;
    let (key, label) = keys.for_kid(header.get("kid").and_then(Value::as_str))?;
    inspect::open(token, key, &label)
}

/// The token from the argument, or stdin for `-`; surrounding whitespace removed.
async fn read_token(arg: &Secret) -> Result<Secret> {
    if arg.expose() != "-" {
        return Ok(Secret::new(arg.expose().trim()));
    }
    let keep = keymaterial::jwe::MAX_TOKEN_LEN as u64 + 1024;
    let (bytes, total) = super::stdin::read("the token", keep, true)
        .await
        .map_err(|e| Error::Usage(format!("cannot read the token from stdin: {e}")))?;
    // The input's own length, not the part kept.
    if total > keymaterial::jwe::MAX_TOKEN_LEN as u64 {
        return Err(Error::verification(
            format!(
                "cannot decrypt: the token on stdin is {total} bytes long, more than the {} accepted",
                keymaterial::jwe::MAX_TOKEN_LEN
            ),
            "pipe in one access token (a JWE of five dot-separated parts)",
        ));
    }
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| Error::Usage("the token on stdin is not text".into()))?;
    if text.trim().is_empty() {
        return Err(Error::Usage(
            "no token on stdin: pipe the access token in, or pass it instead of `-`".into(),
        ));
    }
    Ok(Secret::new(text.trim()))
}

/// The inner JWT against the server: signature, issuer, expiry. Each failure is exit 10.
async fn verify(
    printer: &Printer,
    client: &Client,
    server: &AuthServer,
    opened: &Opened,
) -> Result<()> {
    let id = server.id();
    let keys = oauth::signing_keys(client, id).await?;
    let jwt = &opened.jwt;
    let signed_by = inspect::check_signature(jwt, &keys).map_err(|why| {
        Error::verification(
            format!("the signature check failed: {why}"),
            format!(
                "the token was not issued by authorization server {id}, or was altered; \
                 `{}` without --auth-server shows its iss",
                crate::hint::command(["token", "decrypt"])
            ),
        )
    })?;
    let issuer = inspect::expected_issuer(server.issuer(), client.base(), id);
    inspect::check_issuer(jwt, &issuer).map_err(|why| {
        Error::verification(
            format!("the issuer check failed: {why}"),
            format!("the token comes from another authorization server than {id}"),
        )
    })?;
    inspect::check_not_before(jwt, keymaterial::jws::now_secs()).map_err(|why| {
        Error::verification(
            format!("the not-before check failed: {why}"),
            "check this machine's clock against the server's",
        )
    })?;
    let left = inspect::check_expiry(jwt, keymaterial::jws::now_secs()).map_err(|why| {
        Error::verification(
            format!("the expiry check failed: {why}"),
            "ask the authorization server for a new token",
        )
    })?;
    printer.note(format!(
        "Verified against authorization server {id}: signature (signing key {signed_by:?}), iss {}, \
         exp (in {left} s).",
        Value::from(issuer)
    ));
    Ok(())
}
