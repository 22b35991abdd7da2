//! `oktakeys keys verify`: the end-to-end proof after a key change. Ask the server's own
//! token endpoint for an access token (client_credentials, client_secret_basic), then
//! check it, one report line each: a JWE; its kid the ACTIVE key's; FILE (or the key
//! ring's key of the token's kid, `--ring`) decrypts it; the
//! inner signature verifies against `/v1/keys`; `iss` and `exp` right. Any failure is
//! exit 10, naming the check and what to do.

use keymaterial::keys::DecryptionKey;
use serde_json::Value;

use super::auth_server::OnServer;
use super::inspect::{self, Shape};
use super::private_key::PrivateKeys;
use crate::api::servers::AuthServer;
use crate::api::{Key, oauth};
use crate::cli::{GlobalArgs, VerifyArgs};
use crate::client::Client;
use crate::config::{Environment, ProcessEnv, Settings};
use crate::env;
use crate::error::{Error, Result};
use crate::hint;
use crate::output::{Check, Printer, Report};
use crate::ring::Store;
use keymaterial::secret::Secret;

pub(crate) async fn run(
    global: &GlobalArgs,
    server_flag: Option<&str>,
    args: VerifyArgs,
) -> Result<()> {
    let printer = Printer::new(global);
    // Everything local first: no secret or an unusable key, and nothing is sent.
    let secret_var = args
        .client_secret_env
        .clone()
        .unwrap_or_else(|| env::CLIENT_SECRET.to_string());
    let secret = client_secret(&ProcessEnv, &secret_var, &args.client_id)?;
    let file = match &args.private_key {
        Some(path) => Some(PrivateKeys::file(path)?),
        None => None,
    };
    let ring = match &file {
        Some(_) => None,
        None => {
            let settings = Settings::resolve(global, server_flag, &ProcessEnv)?;
            Some(
                super::ring::location(&args.ring, &settings)?.ok_or_else(|| {
                    Error::Usage(
                    "which private key? pass --private-key FILE, or --ring PATH (the key ring: \
                     the key of the token's kid), or set OKTAKEYS_RING or `ring` in the profile"
                        .into(),
                )
                })?,
            )
        }
    };

    // Kept whole: it holds the sandbox of the `sandbox` profile running.
    let on = OnServer::open(global, server_flag).await?;
    let (client, server, keys) = (&on.client, &on.server, &on.keys);
    let id = server.id().to_string();
    let private_keys = match (file, ring) {
        (Some(file), _) => file,
        (None, Some(ring)) => PrivateKeys::ring(&Store::new(ring.for_server(&id), false)).await?,
        (None, None) => return Err(Error::Internal("keys verify: no key".into())),
    };
    let key_file = private_keys.label().to_string();

    let scope = (!args.scope.is_empty()).then(|| args.scope.join(" "));
    let oauth_client = oauth::OAuthClient {
        client_id: &args.client_id,
        secret: &secret,
        secret_var: &secret_var,
    };
    let issued = oauth::request_token(client, &id, &oauth_client, scope.as_deref()).await?;
    let run = Run {
        client,
        server,
        keys,
        private_keys: &private_keys,
    };
    let (checks, failure) = run.checks(&issued).await?;
    printer.check_report(&Report {
        auth_server: &id,
        client_id: &args.client_id,
        checks: &checks,
    })?;
    match failure {
        Some(err) => Err(err),
        None => {
            printer.note(format!(
                "All checks passed: {key_file} opens the access tokens authorization server {id} issues now."
            ));
            Ok(())
        }
    }
}

/// The client secret from `var`; never from a flag, never printed.
fn client_secret(environment: &dyn Environment, var: &str, client_id: &str) -> Result<Secret> {
    match environment.var(var) {
        Some(secret) if !secret.is_empty() => Ok(Secret::new(secret)),
        _ => Err(Error::config_hint(
            format!("no client secret: the environment variable {var} is not set"),
            format!(
                "export {var} with the client secret of app {client_id} (a flag would show it in the process list), \
                 or name another variable with --client-secret-env"
            ),
        )),
    }
}

struct Run<'a> {
    client: &'a Client,
    server: &'a AuthServer,
    keys: &'a [Key],
    private_keys: &'a PrivateKeys,
}

impl Run<'_> {
    /// Every check, in order, and the error of the first that failed.
    async fn checks(&self, token: &Secret) -> Result<(Vec<Check>, Option<Error>)> {
        let id = self.server.id();
        let mut checks = Vec::new();
        let mut failure: Option<Error> = None;
        let mut fail = |checks: &mut Vec<Check>, check: Check, hint: String| {
            if failure.is_none() {
                failure = Some(Error::verification(
                    format!("keys verify: check `{}` failed: {}", check.id, check.detail),
                    hint,
                ));
            }
            checks.push(check);
        };
        let skip_rest = |checks: &mut Vec<Check>, from: usize| {
            for name in &CHECKS[from..] {
                checks.push(Check::skip(name, "not checked (an earlier check failed)"));
            }
        };

        // 1. A JWE at all.
        let header = match inspect::shape(token.expose()) {
            Shape::Jwe(header) => header,
            Shape::PlainJwt => {
                let (message, hint) = inspect::plain_jwt(Some(id));
                fail(&mut checks, Check::fail("jwe", message), hint);
                skip_rest(&mut checks, 1);
                return Ok((checks, failure));
            }
            Shape::Other(why) => {
                fail(
                    &mut checks,
                    Check::fail(
                        "jwe",
                        format!("the token is neither a JWE nor a JWT: {why}"),
                    ),
                    "check that the token endpoint is Okta's (a proxy may have answered)".into(),
                );
                skip_rest(&mut checks, 1);
                return Ok((checks, failure));
            }
        };
        let text = |name: &str| {
            header
                .get(name)
                .and_then(Value::as_str)
                .unwrap_or("-")
                .to_string()
        };
        checks.push(Check::pass(
            "jwe",
            format!(
                "the token is a JWE (alg {}, enc {})",
                text("alg"),
                text("enc")
            ),
        ));

        // 2. Encrypted to the ACTIVE key.
        let token_kid = header.get("kid").and_then(Value::as_str);
        let active = self.keys.iter().find(|k| k.is_active());
        match (token_kid, active) {
            (Some(kid), Some(a)) if a.kid() == Some(kid) => checks.push(Check::pass(
                "kid",
                format!("its kid {kid:?} is the ACTIVE key's ({})", a.id()),
            )),
            (kid, Some(a)) => fail(
                &mut checks,
                Check::fail(
                    "kid",
                    format!(
                        "its kid {} is not the ACTIVE key's {:?} ({})",
                        kid.map(|k| format!("{k:?}"))
                            .unwrap_or_else(|| "(none)".into()),
                        a.kid().unwrap_or("-"),
                        a.id()
                    ),
                ),
                format!(
                    "Okta may still be switching keys: run again in a minute; `{}` shows the ACTIVE key",
                    hint::command(["keys", "list", "--auth-server", id])
                ),
            ),
            (_, None) => fail(
                &mut checks,
                Check::fail("kid", "the server has no ACTIVE key"),
                format!(
                    "activate one: `{}`",
                    hint::command(["keys", "activate", "--auth-server", id, "KEY_ID"])
                ),
            ),
        }

        // 3. FILE (or the ring's key of the token's kid) opens it.
        let (key, key_file) = match self.private_keys.for_kid(token_kid) {
            Ok(picked) => picked,
            Err(err) => {
                let hint = err.hint().unwrap_or_default().to_string();
                fail(&mut checks, Check::fail("decrypt", err.to_string()), hint);
                skip_rest(&mut checks, 3);
                return Ok((checks, failure));
            }
        };
        let opened = match inspect::open(token.expose(), key, &key_file) {
            Ok(opened) => {
                checks.push(Check::pass("decrypt", format!("{key_file} decrypts it")));
                opened
            }
            Err(err) => {
                let (detail, hint) = self.not_decrypted(token_kid, key, &key_file, &err);
                fail(&mut checks, Check::fail("decrypt", detail), hint);
                skip_rest(&mut checks, 3);
                return Ok((checks, failure));
            }
        };

        // 4. The inner signature, 5. iss, 6. exp.
        let signing_keys = oauth::signing_keys(self.client, id).await?;
        match inspect::check_signature(&opened.jwt, &signing_keys) {
            Ok(kid) => checks.push(Check::pass(
                "signature",
                format!(
                    "the JWT's signature verifies with signing key {kid:?} of /oauth2/{id}/v1/keys"
                ),
            )),
            Err(why) => fail(
                &mut checks,
                Check::fail("signature", why),
                format!(
                    "the token was not signed by authorization server {id}: check --auth-server"
                ),
            ),
        }
        let issuer = inspect::expected_issuer(self.server.issuer(), self.client.base(), id);
        match inspect::check_issuer(&opened.jwt, &issuer) {
            Ok(()) => checks.push(Check::pass("iss", format!("iss is {issuer:?}"))),
            Err(why) => fail(
                &mut checks,
                Check::fail("iss", why),
                format!("the token comes from another issuer than authorization server {id}"),
            ),
        }
        // A token not valid yet fails (it has no nbf from Okta, but a forged or skewed one).
        match inspect::check_not_before(&opened.jwt, keymaterial::jws::now_secs()) {
            Ok(None) => {}
            Ok(Some(nbf)) => checks.push(Check::pass("nbf", format!("nbf {nbf} has passed"))),
            Err(why) => fail(
                &mut checks,
                Check::fail("nbf", why),
                "check this machine's clock against the server's".into(),
            ),
        }
        match inspect::check_expiry(&opened.jwt, keymaterial::jws::now_secs()) {
            Ok(left) => checks.push(Check::pass(
                "exp",
                format!("exp is in the future (in {left} s)"),
            )),
            Err(why) => fail(
                &mut checks,
                Check::fail("exp", why),
                "check this machine's clock; the server issued an expired token".into(),
            ),
        }
        Ok((checks, failure))
    }

    /// Why FILE did not open the token, naming the kid and which server key FILE is.
    fn not_decrypted(
        &self,
        token_kid: Option<&str>,
        key: &DecryptionKey,
        key_file: &str,
        err: &Error,
    ) -> (String, String) {
        let id = self.server.id();
        let mine = self.keys.iter().find(|k| match (k.n(), k.e()) {
            (Some(n), Some(e)) => key.has_public_half(n, e),
            _ => false,
        });
        let kid = token_kid
            .map(|k| format!("{k:?}"))
            .unwrap_or_else(|| "(none)".into());
        let whose = match mine {
            Some(k) => format!(
                "; {} is key {} (kid {:?}, {})",
                key_file,
                k.id(),
                k.kid().unwrap_or("-"),
                k.status()
            ),
            None => format!("; {} is none of the server's keys", key_file),
        };
        let detail = match err {
            Error::Verification { message, .. } if message.contains("does not decrypt") => format!(
                "{} does not decrypt it: the token is encrypted to kid {kid}{whose}",
                key_file
            ),
            other => format!("{other}{whose}"),
        };
        let hint = match mine {
            Some(k) if !k.is_active() => format!(
                "tokens are encrypted to the ACTIVE key (kid {kid}): use its private key, or make {} the ACTIVE key again with `{}`",
                key_file,
                hint::command(["keys", "activate", "--auth-server", id, k.id()])
            ),
            _ => format!(
                "use the private key of kid {kid}, or add this key's public half (`{}`) and activate it",
                hint::command(["keys", "add", "--auth-server", id, "--pem", key_file])
            ),
        };
        (detail, hint)
    }
}

const CHECKS: [&str; 6] = ["jwe", "kid", "decrypt", "signature", "iss", "exp"];

#[cfg(test)]
mod tests {
    use super::*;

    struct Vars(&'static [(&'static str, &'static str)]);
    impl Environment for Vars {
        fn var(&self, name: &str) -> Option<String> {
            self.0
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_secret_comes_from_the_named_variable_only() {
        let vars = Vars(&[("MINE", "s3cret"), ("EMPTY", "")]);
        assert_eq!(
            client_secret(&vars, "MINE", "0oa1").unwrap().expose(),
            "s3cret"
        );
        for missing in ["EMPTY", "OKTAKEYS_CLIENT_SECRET"] {
            let err = client_secret(&vars, missing, "0oa1").unwrap_err();
            assert_eq!(err.exit_code(), 3);
            assert!(err.to_string().contains(missing), "{err}");
            assert!(err.hint().unwrap().contains("--client-secret-env"));
        }
    }
}
