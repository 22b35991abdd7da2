//! Public JWKs: reading a JWK (or a JWKS), validating it against Okta's rules before
//! anything is sent, and the RFC 7638 thumbprint (the one implementation of it).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// Okta's minimum RSA modulus for these keys.
pub const MIN_MODULUS_BITS: usize = 2048;

/// JWK members that only a private key has. Any of them means "do not upload".
const PRIVATE_MEMBERS: &[&str] = &["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

/// A validated RSA public key, ready to be sent to Okta.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    /// The kid the key file carried, if any.
    pub kid: Option<String>,
    /// Modulus, base64url without padding, as in the JWK.
    pub n: String,
    /// Public exponent, base64url without padding.
    pub e: String,
}

impl PublicKey {
    /// RFC 7638 SHA-256 thumbprint, base64url.
    pub fn thumbprint(&self) -> String {
        thumbprint(&self.e, &self.n)
    }

    /// The body of Okta's "add key" request. Keys are always added INACTIVE (Okta's rule).
    pub fn request_body(&self, kid: &str) -> Value {
        serde_json::json!({
            "kid": kid,
            "kty": "RSA",
            "use": "enc",
            "e": self.e,
            "n": self.n,
            "status": "INACTIVE",
        })
    }

    /// The kid to use: the one asked for, else the key's own, else the thumbprint.
    pub fn effective_kid(&self, requested: Option<&str>) -> String {
        requested
            .map(str::to_string)
            .or_else(|| self.kid.clone())
            .unwrap_or_else(|| self.thumbprint())
    }
}

/// RFC 7638 thumbprint of an RSA key: SHA-256 over `{"e":…,"kty":"RSA","n":…}`, base64url.
pub fn thumbprint(e: &str, n: &str) -> String {
    rfc7638(&[("e", e), ("kty", "RSA"), ("n", n)])
}

/// RFC 7638 SHA-256 thumbprint over a key's required members, base64url. `members` must
/// be in lexicographic order of their names (RFC 7638 §3.3): every thumbprint in oktakeys
/// (RSA keys here, EC DPoP keys in `keys::VerifyingKey::thumbprint`) is this one.
pub(crate) fn rfc7638(members: &[(&str, &str)]) -> String {
    debug_assert!(members.is_sorted_by_key(|(name, _)| *name));
    // No whitespace; serde_json escapes the strings exactly as the RFC's JSON requires.
    let body: Vec<String> = members
        .iter()
        .map(|(name, value)| {
            format!(
                "{}:{}",
                Value::String((*name).to_string()),
                Value::String((*value).to_string())
            )
        })
        .collect();
    let canonical = format!("{{{}}}", body.join(","));
    URL_SAFE_NO_PAD.encode(Sha256::digest(canonical.as_bytes()))
}

/// Read a JWK object, or a JWKS (`{"keys":[…]}`) from which the key is chosen by `kid`
/// (or the only key). `source` names the input in messages.
pub fn from_jwk_bytes(bytes: &[u8], kid: Option<&str>, source: &str) -> Result<PublicKey> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        let text = String::from_utf8_lossy(bytes);
        if text.trim_start().starts_with("-----BEGIN ") {
            Error::KeyFile(format!(
                "{source}: this is PEM, not JSON: pass a PEM key or certificate with --pem instead"
            ))
        } else {
            Error::KeyFile(format!("{source}: not valid JSON: {e}"))
        }
    })?;
    let Value::Object(obj) = value else {
        return Err(Error::KeyFile(format!(
            "{source}: expected a JWK object or a JWKS ({{\"keys\": [...]}})"
        )));
    };
    let jwk = match obj.get("keys") {
        Some(Value::Array(keys)) => pick_from_jwks(keys, kid, source)?,
        Some(_) => {
            return Err(Error::KeyFile(format!(
                "{source}: `keys` must be an array of JWKs"
            )));
        }
        None => obj,
    };
    validate_jwk(&jwk, source)
}

fn pick_from_jwks(keys: &[Value], kid: Option<&str>, source: &str) -> Result<Map<String, Value>> {
    let objects: Vec<&Map<String, Value>> = keys.iter().filter_map(Value::as_object).collect();
    if objects.len() != keys.len() {
        return Err(Error::KeyFile(format!(
            "{source}: every entry of `keys` must be a JWK object"
        )));
    }
    let chosen = match kid {
        Some(kid) => {
            let mut matching = objects
                .iter()
                .filter(|k| k.get("kid").and_then(Value::as_str) == Some(kid));
            let first = matching.next().ok_or_else(|| {
                Error::KeyFile(format!(
                    "{source}: the JWKS has no key with kid `{}`",
                    kid.escape_debug()
                ))
            })?;
            // Two different keys under one kid: which one is meant cannot be guessed.
            let same_key = |k: &&Map<String, Value>| {
                ["kty", "n", "e"].iter().all(|m| k.get(*m) == first.get(*m))
            };
            if matching.any(|k| !same_key(k)) {
                return Err(Error::KeyFile(format!(
                    "{source}: the JWKS holds different keys under the kid `{}`; a kid must name \
                     one key. Fix the JWKS, or extract the key you mean into a file of its own",
                    kid.escape_debug()
                )));
            }
            first
        }
        None => match objects.as_slice() {
            [only] => only,
            [] => return Err(Error::KeyFile(format!("{source}: the JWKS holds no keys"))),
            many => {
                let kids: Vec<&str> = many
                    .iter()
                    .map(|k| k.get("kid").and_then(Value::as_str).unwrap_or("(no kid)"))
                    .collect();
                return Err(Error::KeyFile(format!(
                    "{source}: the JWKS holds {} keys; choose one with --kid ({})",
                    many.len(),
                    kids.join(", ")
                )));
            }
        },
    };
    Ok((*chosen).clone())
}

fn validate_jwk(jwk: &Map<String, Value>, source: &str) -> Result<PublicKey> {
    let bad = |field: &str, why: &str| Error::KeyFile(format!("{source}: `{field}` {why}"));

    if let Some(member) = PRIVATE_MEMBERS.iter().find(|m| jwk.contains_key(**m)) {
        return Err(bad(
            member,
            "is present: this is a private key. Only the public key may be uploaded; \
             remove the private members (d, p, q, dp, dq, qi)",
        ));
    }
    match jwk.get("kty").and_then(Value::as_str) {
        Some("RSA") => {}
        Some(other) => {
            return Err(bad(
                "kty",
                &format!("is `{other}`; Okta accepts only RSA keys here"),
            ));
        }
        None => return Err(bad("kty", "is missing; Okta accepts only RSA keys here")),
    }
    match jwk.get("use") {
        None | Some(Value::Null) => {}
        Some(Value::String(u)) if u == "enc" => {}
        Some(other) => {
            return Err(bad(
                "use",
                &format!("is {other}; these keys encrypt access tokens, so it must be \"enc\""),
            ));
        }
    }
    let kid = match jwk.get("kid") {
        None | Some(Value::Null) => None,
        Some(Value::String(k)) if has_terminal_controls(k) => {
            return Err(bad(
                "kid",
                &format!(
                    "contains control or bidi characters ({}); a kid is shown on terminals, \
                     so oktakeys sends none",
                    k.escape_debug()
                ),
            ));
        }
        Some(Value::String(k)) if !k.trim().is_empty() => Some(k.clone()),
        Some(_) => return Err(bad("kid", "must be a non-empty string")),
    };
    let e = base64url_member(jwk, "e", source)?;
    let n = base64url_member(jwk, "n", source)?;
    // RFC 7518 §6.3.1: both are unsigned big-endian integers in their shortest form. Not
    // normalised: a file that spells them otherwise was not made by a JOSE library, and
    // its thumbprint would not be the one other tools compute.
    for (name, bytes) in [("n", &n.1), ("e", &e.1)] {
        if bytes.len() > 1 && bytes[0] == 0 {
            return Err(bad(
                name,
                "has leading zero bytes; RFC 7518 §6.3.1 requires the shortest form \
                 (drop the leading AA… of the base64url value, or export the key again)",
            ));
        }
    }
    let bits = modulus_bits(&n.1);
    if bits < MIN_MODULUS_BITS {
        return Err(bad(
            "n",
            &format!("is a {bits}-bit modulus; Okta requires at least {MIN_MODULUS_BITS} bits"),
        ));
    }
    check_exponent(&n.1, &e.1).map_err(|why| bad("e", &why))?;
    Ok(PublicKey {
        kid,
        n: n.0,
        e: e.0,
    })
}

/// Does `s` hold a character a terminal acts on or that reorders text (C0/C1 controls,
/// DEL, bidi embeddings, overrides, isolates and marks)? Such a kid, shown in another
/// admin's terminal, could rewrite it: kids never carry one.
pub fn has_terminal_controls(s: &str) -> bool {
    s.chars().any(is_terminal_control)
}

/// One such character; the CLI escapes exactly these in what it prints for people.
pub fn is_terminal_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
}

/// An RSA public exponent (big-endian, leading zeros already refused or stripped) that
/// can be a real key's: odd, greater than 1, and shorter than the modulus. `e` = 1
/// "encrypts" to the plaintext; an even `e` has no private key; one as long as `n` is
/// not a key a library made. The error says which, for "`e` …".
pub(crate) fn check_exponent(n: &[u8], e: &[u8]) -> std::result::Result<(), String> {
    let e = &e[e.iter().position(|b| *b != 0).unwrap_or(e.len())..];
    let n = &n[n.iter().position(|b| *b != 0).unwrap_or(n.len())..];
    match e {
        [] => Err("is zero".into()),
        [1] => Err("is 1, which leaves the tokens unencrypted; RSA keys use 65537 (AQAB)".into()),
        _ if e[e.len() - 1].is_multiple_of(2) => {
            Err("is even, which no RSA key has; RSA keys use 65537 (AQAB)".into())
        }
        _ if e.len() >= n.len() => Err(format!(
            "is {} bytes long, as long as the modulus or longer; RSA keys use 65537 (AQAB)",
            e.len()
        )),
        _ => Ok(()),
    }
}

/// A member that must be a base64url string; returns it and its decoded bytes.
fn base64url_member(
    jwk: &Map<String, Value>,
    name: &str,
    source: &str,
) -> Result<(String, Vec<u8>)> {
    let text = jwk
        .get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| Error::KeyFile(format!("{source}: `{name}` is missing or not a string")))?;
    let bytes = URL_SAFE_NO_PAD.decode(text).map_err(|_| {
        Error::KeyFile(format!(
            "{source}: `{name}` is not base64url (RFC 7515: A-Z a-z 0-9 - _, no padding)"
        ))
    })?;
    if bytes.is_empty() {
        return Err(Error::KeyFile(format!("{source}: `{name}` is empty")));
    }
    Ok((text.to_string(), bytes))
}

/// Bit length of a big-endian unsigned integer.
pub fn modulus_bits(bytes: &[u8]) -> usize {
    match bytes.iter().position(|b| *b != 0) {
        None => 0,
        Some(first) => (bytes.len() - first) * 8 - bytes[first].leading_zeros() as usize,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc7638_example_thumbprint() {
        // The example key of RFC 7638 §3.1 and its published thumbprint.
        let n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        assert_eq!(
            thumbprint("AQAB", n),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
    }

    #[test]
    fn modulus_bits_counts_from_the_top_set_bit() {
        assert_eq!(modulus_bits(&[0x00, 0x80, 0x00]), 16);
        assert_eq!(modulus_bits(&[0x01, 0xff]), 9);
        assert_eq!(modulus_bits(&[0, 0]), 0);
    }
}
