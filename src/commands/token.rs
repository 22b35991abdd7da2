//! `oktakeys token decrypt`: open an encrypted access token with the resource server's
//! private key and show its headers and claims; with `--auth-server`, verify the inner
//! JWT (signature against the server's `/v1/keys`, `iss`, `exp`).

use serde_json::Value;

use super::connection::Connection;
use super::inspect::{self, Opened};
use super::private_key::read_decryption_key;
use crate::api::oauth;
use crate::cli::{DecryptArgs, GlobalArgs, TokenArgs, TokenCommand};
use crate::config::{ProcessEnv, Settings};
use crate::error::{Error, Result};
use crate::http::Progress;
use crate::output::Printer;
use keymaterial::secret::Secret;

pub(crate) async fn run(global: &GlobalArgs, args: TokenArgs) -> Result<()> {
    match args.command {
        TokenCommand::Decrypt(args) => decrypt(global, args).await,
    }
}

async fn decrypt(global: &GlobalArgs, args: DecryptArgs) -> Result<()> {
    let printer = Printer::new(global);
    // Everything local first: a bad key or token is reported before anything is sent.
    let key = read_decryption_key(&args.private_key)?;
    let token = read_token(&args.token).await?;
    let key_file = args.private_key.display().to_string();
    let opened = inspect::open(token.expose(), &key, &key_file)?;
    if let Some(value) = &args.auth_server {
        verify(global, &printer, value, &opened).await?;
    }
    printer.decrypted_token(&opened.header, &opened.jwt.header, &opened.jwt.claims)
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
    global: &GlobalArgs,
    printer: &Printer,
    value: &str,
    opened: &Opened,
) -> Result<()> {
    let settings = Settings::resolve(global, None, &ProcessEnv)?;
    let conn = Connection::open(&settings, Progress::detect(global.quiet)).await?;
    let client = conn.client()?;
    let server = super::auth_server::resolve(&client, value).await?;
    let id = server.id();
    let keys = oauth::signing_keys(&client, id).await?;
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
