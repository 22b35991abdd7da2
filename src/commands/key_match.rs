//! `oktakeys keys match`: which of the server's keys a private key is the private half of
//! (by modulus and exponent), and whether it is the ACTIVE one. No token needed. Exit 10
//! when it is INACTIVE or none of them.

use serde_json::{Value, json};

use super::auth_server::OnServer;
use super::private_key::read_decryption_key;
use crate::api::Key;
use crate::cli::{GlobalArgs, MatchArgs, OutputFormat};
use crate::error::{Error, Result};
use crate::escape::escape;
use crate::output::Printer;

pub(crate) async fn run(
    global: &GlobalArgs,
    server_flag: Option<&str>,
    args: MatchArgs,
) -> Result<()> {
    let printer = Printer::new(global);
    let key = read_decryption_key(&args.key.private_key)?;
    let file = args.key.private_key.display().to_string();
    // Kept whole: it holds the sandbox of the `sandbox` profile running.
    let on = OnServer::open(global, server_flag).await?;
    let (server, keys) = (&on.server, &on.keys);
    let id = server.id();
    let found = keys.iter().find(|k| match (k.n(), k.e()) {
        (Some(n), Some(e)) => key.has_public_half(n, e),
        _ => false,
    });
    let active = keys.iter().find(|k| k.is_active());

    match printer.format {
        OutputFormat::Json => printer.json(&json!({
            "auth_server": id,
            "thumbprint": key.thumbprint(),
            "key": found.map(|k| Value::Object(k.raw().clone())),
            "active": found.is_some_and(Key::is_active),
        }))?,
        OutputFormat::Id => {
            if let Some(k) = found {
                printer.data(&format!("{}\n", k.id()))?;
            }
        }
        OutputFormat::Table => {
            if let Some(k) = found {
                printer.key(k, &crate::rotate::role_among(keys, k))?;
            }
        }
    }
    let name = |k: &Key| {
        format!(
            "{} (kid {:?})",
            escape(k.id()),
            escape(k.kid().unwrap_or("-"))
        )
    };
    match found {
        Some(k) if k.is_active() => {
            printer.note(format!(
                "{file} is the private half of key {}, the ACTIVE key of authorization server {id}: it opens the tokens the server encrypts.",
                name(k)
            ));
            Ok(())
        }
        Some(k) => Err(Error::verification(
            format!(
                "{file} is the private half of key {}, which is {}: the server encrypts to {}",
                name(k),
                escape(k.status()),
                active
                    .map(name)
                    .unwrap_or_else(|| "no key (none is ACTIVE)".into())
            ),
            format!(
                "make it the ACTIVE key with `{}`, or use the private key of the ACTIVE one",
                crate::hint::command(["keys", "activate", "--auth-server", id, k.id()])
            ),
        )),
        None => Err(Error::verification(
            format!(
                "none of the {} keys of authorization server {id} is the public half of {file} (thumbprint {})",
                keys.len(),
                key.thumbprint()
            ),
            format!(
                "add its public half with `{}` (only n and e are sent), then activate it",
                crate::hint::command(["keys", "add", "--auth-server", id, "--pem", &file])
            ),
        )),
    }
}
