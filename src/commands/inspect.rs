//! Opening an encrypted access token and checking its inner JWT, for `token decrypt` and
//! `keys verify`: the JWE (RFC 7516) is key material's (`keymaterial::jwe`), the signature
//! check too (`keymaterial::jws`); here each outcome becomes a message that says what
//! failed and what to do. Nothing here prints the token, the inner JWT or the key.

use keymaterial::jwe::{self, JweError};
use keymaterial::jws::Decoded;
use keymaterial::keys::{DecryptionKey, VerifyingKey};
use serde_json::{Map, Value};

use crate::error::Error;

/// A token opened with the private key: the JWE header and the inner JWT (signature not
/// yet checked).
pub(crate) struct Opened {
    pub(crate) header: Map<String, Value>,
    pub(crate) jwt: Decoded,
}

/// What a token looks like before anything is decrypted.
pub(crate) enum Shape {
    /// A JWE with this protected header.
    Jwe(Map<String, Value>),
    /// A signed JWT in the clear: the server does not encrypt its access tokens.
    PlainJwt,
    /// Neither; why.
    Other(String),
}

pub(crate) fn shape(token: &str) -> Shape {
    match jwe::parse_header(token) {
        Ok(header) => Shape::Jwe(header),
        Err(_) if Decoded::parse(token).is_ok() => Shape::PlainJwt,
        Err(e) => Shape::Other(e.to_string()),
    }
}

/// The message for a plain JWT where a JWE was expected, and what to do.
pub(crate) fn plain_jwt(server: Option<&str>) -> (String, String) {
    let enable = crate::hint::command([
        "servers",
        "encryption",
        "enable",
        "--auth-server",
        server.unwrap_or("ID"),
    ]);
    (
        "the token is a signed JWT, not a JWE: access-token encryption is off".into(),
        format!("turn it on with `{enable}`"),
    )
}

/// The token's JWE header (exit 10 when it is a plain JWT or no token at all).
pub(crate) fn jwe_header(token: &str) -> Result<Map<String, Value>, Error> {
    match shape(token) {
        Shape::Jwe(header) => Ok(header),
        Shape::PlainJwt => {
            let (message, hint) = plain_jwt(None);
            Err(Error::verification(message, hint))
        }
        Shape::Other(why) => Err(Error::verification(
            format!("cannot decrypt: {why}"),
            "pass the access token exactly as issued: a JWE has five dot-separated parts",
        )),
    }
}

/// Decrypt `token` with `key` (from `key_file`) and decode the inner JWT.
pub(crate) fn open(token: &str, key: &DecryptionKey, key_file: &str) -> Result<Opened, Error> {
    let header = jwe_header(token)?;
    let decrypted = jwe::decrypt(token, key.private_key()).map_err(|e| match e {
        JweError::Decrypt => {
            let kid = header
                .get("kid")
                .and_then(Value::as_str)
                .map(|k| format!(" (the token's kid is {k:?})"))
                .unwrap_or_default();
            Error::verification(
                format!("the token does not decrypt with the private key in {key_file}{kid}"),
                format!(
                    "the token was encrypted to another key (Okta encrypts to the server's \
                     ACTIVE key): `{}` shows which key {key_file} is",
                    crate::hint::command([
                        "keys",
                        "match",
                        "--auth-server",
                        "ID",
                        "--private-key",
                        key_file
                    ])
                ),
            )
        }
        refused @ (JweError::UnsupportedAlg(_)
        | JweError::UnsupportedEnc(_)
        | JweError::Compressed(_)
        | JweError::Critical(_)) => Error::verification(
            format!("refused: {refused}"),
            "Okta encrypts access tokens with RSA-OAEP-256, -384 or -512; check where the token came from",
        ),
        other => Error::verification(
            format!("cannot decrypt: {other}"),
            "pass the access token exactly as issued",
        ),
    })?;
    let text = std::str::from_utf8(&decrypted.plaintext).map_err(|_| not_a_jwt())?;
    let jwt = Decoded::parse(text).map_err(|_| not_a_jwt())?;
    Ok(Opened {
        header: decrypted.header,
        jwt,
    })
}

fn not_a_jwt() -> Error {
    Error::verification(
        "the token decrypts, but what it holds is not a signed JWT",
        "Okta's encrypted access tokens hold a signed JWT (a nested JWT); check where the token came from",
    )
}

/// Check the inner JWT's signature with the server's signing key of its `kid` (from
/// `/oauth2/{id}/v1/keys`). `Ok` names the key used.
pub(crate) fn check_signature(jwt: &Decoded, keys: &[Value]) -> Result<String, String> {
    let kid = jwt.header.get("kid").and_then(Value::as_str);
    fn kid_of(k: &Value) -> Option<&str> {
        k.get("kid").and_then(Value::as_str)
    }
    let key = match kid {
        Some(kid) => keys.iter().find(|k| kid_of(k) == Some(kid)),
        None if keys.len() == 1 => keys.first(),
        None => None,
    };
    let Some(key) = key else {
        return Err(match kid {
            Some(kid) => format!(
                "the JWT is signed with kid {kid:?}, which is not among the server's {} signing keys",
                keys.len()
            ),
            None => "the JWT names no signing key (kid)".into(),
        });
    };
    let verifying = VerifyingKey::from_jwk(key).map_err(|why| format!("the signing key {why}"))?;
    jwt.verify(&verifying)
        .map_err(|why| format!("the JWT {why}"))?;
    Ok(kid_of(key).unwrap_or("(no kid)").to_string())
}

pub(crate) fn check_issuer(jwt: &Decoded, expected: &str) -> Result<(), String> {
    match jwt.claim_str("iss") {
        Some(iss) if iss == expected => Ok(()),
        Some(iss) => Err(format!(
            "iss is {iss:?}, not the server's issuer {expected:?}"
        )),
        None => Err("the JWT has no iss claim".into()),
    }
}

/// `exp` must be after `now` (seconds since the epoch). `Ok` is the seconds left.
pub(crate) fn check_expiry(jwt: &Decoded, now: i64) -> Result<i64, String> {
    match numeric_date(jwt, "exp")? {
        Some(exp) if exp > now => Ok(exp - now),
        Some(exp) => Err(format!("the token expired {} s ago (exp {exp})", now - exp)),
        None => Err("the JWT has no exp claim".into()),
    }
}

/// `nbf`, when the token has one, must not be after `now`.
pub(crate) fn check_not_before(jwt: &Decoded, now: i64) -> Result<Option<i64>, String> {
    match numeric_date(jwt, "nbf")? {
        Some(nbf) if nbf > now => Err(format!(
            "the token is not valid yet: nbf is {} s in the future (nbf {nbf})",
            nbf - now
        )),
        other => Ok(other),
    }
}

/// The latest date a NumericDate may name: the end of the year 9999.
const LAST_DATE: i64 = 253_402_300_799;

/// A NumericDate claim (RFC 7519 §2: seconds since the epoch, a JSON number); a claim of
/// another type or out of range says so, rather than passing for a missing one.
fn numeric_date(jwt: &Decoded, name: &str) -> Result<Option<i64>, String> {
    let value = match jwt.claims.get(name) {
        None => return Ok(None),
        Some(Value::Number(n)) => n,
        Some(Value::String(s)) => {
            return Err(format!(
                "{name} is a string ({}), not a number of seconds",
                Value::from(s.as_str())
            ));
        }
        Some(other) => {
            return Err(format!(
                "{name} is {}, not a number of seconds",
                json_type(other)
            ));
        }
    };
    let seconds = value
        .as_i64()
        .or_else(|| {
            value
                .as_f64()
                .filter(|f| f.is_finite() && f.abs() < 1e17)
                .map(|f| f.floor() as i64)
        })
        .filter(|s| (0..=LAST_DATE).contains(s));
    match seconds {
        Some(s) => Ok(Some(s)),
        None => Err(format!(
            "{name} is {value}, out of range for a date (0 to {LAST_DATE}, the end of 9999)"
        )),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The issuer a server's tokens carry: its `issuer`, else `{org}/oauth2/{id}`.
pub(crate) fn expected_issuer(issuer: Option<&str>, org: &url::Url, id: &str) -> String {
    match issuer {
        Some(iss) if !iss.is_empty() => iss.to_string(),
        _ => format!("{}/oauth2/{id}", org.as_str().trim_end_matches('/')),
    }
}
