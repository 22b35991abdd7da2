//! Key material: reading a public JWK (or a JWKS), validating it against Okta's rules
//! before anything is sent, and the RFC 7638 thumbprint; reading RSA keys from PEM (SPKI,
//! PKCS#1, X.509 certificates, private keys); generating key pairs.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use der::asn1::UintRef;
use der::{Decode, Encode};
use pkcs8::{EncodePrivateKey, LineEnding, ObjectIdentifier, PrivateKeyInfoRef};
use rsa::traits::PublicKeyParts;
use spki::SubjectPublicKeyInfoRef;
use x509_cert::certificate::{CertificateInner, Raw};
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::secret::Secret;

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
    // The members in lexicographic order, no whitespace (RFC 7638 §3.3); serde_json
    // escapes the strings exactly as the RFC's JSON requires.
    let canonical = format!(
        r#"{{"e":{},"kty":"RSA","n":{}}}"#,
        Value::String(e.to_string()),
        Value::String(n.to_string())
    );
    URL_SAFE_NO_PAD.encode(Sha256::digest(canonical.as_bytes()))
}

/// Read a JWK object, or a JWKS (`{"keys":[…]}`) from which the key is chosen by `kid`
/// (or the only key). `source` names the input in messages.
pub fn from_jwk_bytes(bytes: &[u8], kid: Option<&str>, source: &str) -> Result<PublicKey> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| Error::KeyFile(format!("{source}: not valid JSON: {e}")))?;
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
        Some(kid) => objects
            .iter()
            .find(|k| k.get("kid").and_then(Value::as_str) == Some(kid))
            .ok_or_else(|| {
                Error::KeyFile(format!("{source}: the JWKS has no key with kid `{kid}`"))
            })?,
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
        Some(Value::String(k)) if !k.trim().is_empty() => Some(k.clone()),
        Some(_) => return Err(bad("kid", "must be a non-empty string")),
    };
    let e = base64url_member(jwk, "e", source)?;
    let n = base64url_member(jwk, "n", source)?;
    let bits = modulus_bits(&n.1);
    if bits < MIN_MODULUS_BITS {
        return Err(bad(
            "n",
            &format!("is a {bits}-bit modulus; Okta requires at least {MIN_MODULUS_BITS} bits"),
        ));
    }
    if e.1.iter().all(|b| *b == 0) {
        return Err(bad("e", "is zero"));
    }
    Ok(PublicKey {
        kid,
        n: n.0,
        e: e.0,
    })
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

// ---------------------------------------------------------------------------------------
// PEM: public keys, certificates, private keys (only the public half is kept)
// ---------------------------------------------------------------------------------------

/// The PEM labels `--pem` understands, for messages.
const PEM_LABELS: &str = "PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE, PRIVATE KEY or RSA PRIVATE KEY";

const OID_RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const OID_RSASSA_PSS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");

/// Read an RSA public key from PEM text: an SPKI public key (`PUBLIC KEY`), a PKCS#1 public
/// key (`RSA PUBLIC KEY`), an X.509 certificate (`CERTIFICATE`; in a chain, the first one),
/// or an unencrypted RSA private key (`PRIVATE KEY`, `RSA PRIVATE KEY`) of which only the
/// public part is kept. Text around the PEM block is ignored. `source` names the input in
/// messages. The returned key has no kid (see [`PublicKey::effective_kid`]).
pub fn from_pem_bytes(bytes: &[u8], source: &str) -> Result<PublicKey> {
    let bad = |why: String| Error::KeyFile(format!("{source}: {why}"));
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(bad(not_text_hint(bytes)));
    };
    let blocks = pem_blocks(text).map_err(&bad)?;
    // `openssl ecparam -genkey` writes the curve's parameters before the key.
    let Some(block) = blocks.iter().find(|b| b.label != "EC PARAMETERS") else {
        return Err(match blocks.first() {
            Some(_) => bad(not_rsa("EC (elliptic curve)")),
            None => bad(no_pem_hint(text)),
        });
    };
    let label = block.label;
    match label {
        "ENCRYPTED PRIVATE KEY" => return Err(bad(encrypted_hint(source))),
        "RSA PRIVATE KEY" if block.encrypted => return Err(bad(encrypted_hint(source))),
        "EC PRIVATE KEY" => return Err(bad(not_rsa("EC (elliptic curve)"))),
        "DSA PRIVATE KEY" => return Err(bad(not_rsa("DSA"))),
        "OPENSSH PRIVATE KEY" => {
            return Err(bad(format!(
                "this is an OpenSSH private key. Write its public key as PEM with \
                 `ssh-keygen -e -m PKCS8 -f {source} > public.pem` (an RSA key only), then use that file"
            )));
        }
        "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => {
            return Err(bad(format!(
                "this is a certificate signing request, not a key. Extract its public key with \
                 `openssl req -in {source} -pubkey -noout > public.pem`, then use that file"
            )));
        }
        "PUBLIC KEY" | "RSA PUBLIC KEY" | "CERTIFICATE" | "X509 CERTIFICATE" | "PRIVATE KEY"
        | "RSA PRIVATE KEY" => {}
        other => {
            return Err(bad(format!(
                "holds a `{other}` PEM block, which is not a key oktakeys can read; \
                 expected {PEM_LABELS}"
            )));
        }
    }
    if block.encrypted {
        return Err(bad(format!(
            "the `{label}` block carries `Proc-Type`/`DEK-Info` headers, which {label} never has; \
             the file is damaged or not what it seems"
        )));
    }

    // Private key bytes are wiped when dropped.
    let der = Zeroizing::new(decode_pem_block(block).map_err(&bad)?);
    let (n, e) = match label {
        "PUBLIC KEY" => {
            let spki = SubjectPublicKeyInfoRef::from_der(&der)
                .map_err(|err| bad(structure_error(label, "an SPKI public key", &der, &err)))?;
            rsa_from_spki(&spki).map_err(&bad)?
        }
        "RSA PUBLIC KEY" => {
            let key = pkcs1::RsaPublicKey::<UintRef<'_>>::from_der(&der).map_err(|err| {
                bad(structure_error(
                    label,
                    "a PKCS#1 RSA public key",
                    &der,
                    &err,
                ))
            })?;
            (
                key.modulus.as_bytes().to_vec(),
                key.public_exponent.as_bytes().to_vec(),
            )
        }
        "CERTIFICATE" | "X509 CERTIFICATE" => {
            // The lenient profile: a certificate with an odd serial number still has a key.
            let cert = CertificateInner::<Raw>::from_der(&der)
                .map_err(|err| bad(structure_error(label, "an X.509 certificate", &der, &err)))?;
            let spki_der = cert
                .tbs_certificate()
                .subject_public_key_info()
                .to_der()
                .map_err(|err| bad(format!("cannot read the certificate's public key: {err}")))?;
            let spki = SubjectPublicKeyInfoRef::from_der(&spki_der)
                .map_err(|err| bad(format!("cannot read the certificate's public key: {err}")))?;
            rsa_from_spki(&spki).map_err(|why| bad(format!("the certificate's key: {why}")))?
        }
        "PRIVATE KEY" => {
            let info = PrivateKeyInfoRef::from_der(&der)
                .map_err(|err| bad(structure_error(label, "a PKCS#8 private key", &der, &err)))?;
            let oid = info.algorithm.oid;
            if oid != OID_RSA_ENCRYPTION && oid != OID_RSASSA_PSS {
                return Err(bad(not_rsa(&algorithm_name(&info.algorithm))));
            }
            rsa_from_pkcs1_private(info.private_key.as_bytes()).map_err(|err| {
                bad(format!(
                    "the PKCS#8 private key holds no valid RSA key: {err}"
                ))
            })?
        }
        _ => rsa_from_pkcs1_private(&der).map_err(|err| {
            bad(structure_error(
                label,
                "a PKCS#1 RSA private key",
                &der,
                &err,
            ))
        })?,
    };
    rsa_public_key(&n, &e).map_err(&bad)
}

/// One `-----BEGIN …-----` … `-----END …-----` block of a PEM file.
struct PemBlock<'a> {
    label: &'a str,
    /// From the BEGIN line to the END line, inclusive.
    text: &'a str,
    /// Legacy OpenSSL encryption headers (`Proc-Type: 4,ENCRYPTED`).
    encrypted: bool,
}

fn boundary<'a>(line: &'a str, kind: &str) -> Option<&'a str> {
    line.trim()
        .strip_prefix("-----")?
        .strip_prefix(kind)?
        .strip_prefix(' ')?
        .strip_suffix("-----")
}

/// Split PEM text into its blocks, refusing a BEGIN without its END.
fn pem_blocks(text: &str) -> std::result::Result<Vec<PemBlock<'_>>, String> {
    let mut blocks = Vec::new();
    let mut open: Option<(&str, usize, bool)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if let Some((label, begin, encrypted)) = open {
            if let Some(end_label) = boundary(line, "END") {
                if end_label != label {
                    return Err(format!(
                        "the PEM block begins `-----BEGIN {label}-----` but ends \
                         `-----END {end_label}-----`; the file is damaged"
                    ));
                }
                blocks.push(PemBlock {
                    label,
                    text: &text[begin..offset],
                    encrypted,
                });
                open = None;
            } else if boundary(line, "BEGIN").is_some() {
                return Err(truncated(label));
            } else if line.trim_start().starts_with("Proc-Type:") && line.contains("ENCRYPTED") {
                open = Some((label, begin, true));
            }
        } else if let Some(label) = boundary(line, "BEGIN") {
            open = Some((label, start, false));
        }
    }
    match open {
        Some((label, _, _)) => Err(truncated(label)),
        None => Ok(blocks),
    }
}

fn truncated(label: &str) -> String {
    format!(
        "truncated PEM: `-----BEGIN {label}-----` has no `-----END {label}-----` line; \
         the file was cut short (copy it again in full)"
    )
}

fn decode_pem_block(block: &PemBlock<'_>) -> std::result::Result<Vec<u8>, String> {
    let damaged = |err: pem_rfc7468::Error| {
        format!(
            "the `{}` PEM block is damaged ({err}); its base64 lines may have been cut, \
             wrapped or edited (copy the file again in full)",
            block.label
        )
    };
    let bytes = block.text.as_bytes();
    let mut decoder = pem_rfc7468::Decoder::new_detect_wrap(bytes).map_err(damaged)?;
    let mut der = Vec::new();
    decoder.decode_to_end(&mut der).map_err(damaged)?;
    Ok(der)
}

/// The structure a DER blob really holds, as its PEM label, when it is not the declared one.
fn sniff_label(der: &[u8]) -> Option<&'static str> {
    if SubjectPublicKeyInfoRef::from_der(der).is_ok() {
        Some("PUBLIC KEY")
    } else if pkcs1::RsaPublicKey::<UintRef<'_>>::from_der(der).is_ok() {
        Some("RSA PUBLIC KEY")
    } else if CertificateInner::<Raw>::from_der(der).is_ok() {
        Some("CERTIFICATE")
    } else if PrivateKeyInfoRef::from_der(der).is_ok() {
        Some("PRIVATE KEY")
    } else if pkcs1::RsaPrivateKey::<UintRef<'_>>::from_der(der).is_ok() {
        Some("RSA PRIVATE KEY")
    } else {
        None
    }
}

fn structure_error(label: &str, what: &str, der: &[u8], err: &der::Error) -> String {
    match sniff_label(der) {
        Some(actual) if actual != label => format!(
            "the PEM block is labelled `{label}` but holds what is labelled `{actual}`; \
             correct the BEGIN and END lines to `{actual}`"
        ),
        _ => format!(
            "the `{label}` PEM block does not hold {what} ({err}); the file is truncated or damaged"
        ),
    }
}

fn rsa_from_spki(
    spki: &SubjectPublicKeyInfoRef<'_>,
) -> std::result::Result<(Vec<u8>, Vec<u8>), String> {
    let oid = spki.algorithm.oid;
    if oid != OID_RSA_ENCRYPTION && oid != OID_RSASSA_PSS {
        return Err(not_rsa(&algorithm_name(&spki.algorithm)));
    }
    let bits = spki
        .subject_public_key
        .as_bytes()
        .ok_or_else(|| "the RSA public key is not a whole number of bytes".to_string())?;
    let key = pkcs1::RsaPublicKey::<UintRef<'_>>::from_der(bits)
        .map_err(|err| format!("the RSA public key inside is malformed ({err})"))?;
    Ok((
        key.modulus.as_bytes().to_vec(),
        key.public_exponent.as_bytes().to_vec(),
    ))
}

fn rsa_from_pkcs1_private(der: &[u8]) -> std::result::Result<(Vec<u8>, Vec<u8>), der::Error> {
    let key = pkcs1::RsaPrivateKey::<UintRef<'_>>::from_der(der)?;
    Ok((
        key.modulus.as_bytes().to_vec(),
        key.public_exponent.as_bytes().to_vec(),
    ))
}

/// Apply Okta's rules to a modulus and exponent (big-endian) and encode them for the JWK.
fn rsa_public_key(n: &[u8], e: &[u8]) -> std::result::Result<PublicKey, String> {
    let n = strip_leading_zeros(n);
    let e = strip_leading_zeros(e);
    let bits = modulus_bits(n);
    if bits < MIN_MODULUS_BITS {
        return Err(format!(
            "the RSA key is {bits} bits; Okta requires at least {MIN_MODULUS_BITS}. \
             Create a new key, e.g. `oktakeys keys generate --kid KID --private-key-out FILE`"
        ));
    }
    if e.is_empty() {
        return Err("the RSA public exponent is zero".into());
    }
    Ok(PublicKey {
        kid: None,
        n: URL_SAFE_NO_PAD.encode(n),
        e: URL_SAFE_NO_PAD.encode(e),
    })
}

fn strip_leading_zeros(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
    &bytes[first..]
}

fn not_rsa(algorithm: &str) -> String {
    format!("this is an {algorithm} key; Okta accepts only RSA keys (2048 bits or more) here")
        .replace("an DSA", "a DSA")
}

fn algorithm_name(algorithm: &spki::AlgorithmIdentifierRef<'_>) -> String {
    let oid = algorithm.oid.to_string();
    let name = match oid.as_str() {
        "1.2.840.10045.2.1" => {
            let curve = algorithm
                .parameters
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
                .map(|c| match c.to_string().as_str() {
                    "1.2.840.10045.3.1.7" => " P-256".to_string(),
                    "1.3.132.0.34" => " P-384".to_string(),
                    "1.3.132.0.35" => " P-521".to_string(),
                    "1.3.132.0.10" => " secp256k1".to_string(),
                    other => format!(" (curve {other})"),
                })
                .unwrap_or_default();
            return format!("EC{curve} (elliptic curve)");
        }
        "1.3.101.112" => "Ed25519",
        "1.3.101.113" => "Ed448",
        "1.3.101.110" => "X25519",
        "1.3.101.111" => "X448",
        "1.2.840.10040.4.1" => "DSA",
        "1.2.840.113549.1.3.1" | "1.2.840.10046.2.1" => "Diffie-Hellman",
        _ => return format!("algorithm {oid}"),
    };
    name.to_string()
}

fn encrypted_hint(source: &str) -> String {
    format!(
        "the private key is encrypted (protected by a passphrase), and oktakeys never asks for \
         passphrases. Write its public key with `openssl pkey -in {source} -pubout -out public.pem` \
         (openssl asks for the passphrase) and use that file; or decrypt it with \
         `openssl pkey -in {source} -out decrypted.pem` and keep the result private"
    )
}

fn no_pem_hint(text: &str) -> String {
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        "is empty; expected a PEM key or certificate".into()
    } else if trimmed.starts_with('{') {
        "this is JSON, not PEM: pass a JWK or JWKS with --jwk instead".into()
    } else if trimmed.starts_with("ssh-rsa ") {
        "this is an OpenSSH public key, not PEM; convert it with \
         `ssh-keygen -e -m PKCS8 -f FILE > public.pem`"
            .into()
    } else {
        format!("no PEM block found (no `-----BEGIN …-----` line); expected {PEM_LABELS}")
    }
}

fn not_text_hint(bytes: &[u8]) -> String {
    if bytes.first() == Some(&0x30) {
        "this looks like binary DER, not PEM text; convert it with \
         `openssl pkey -pubin -inform DER -in FILE -out public.pem` \
         (a certificate: `openssl x509 -inform DER -in FILE -out cert.pem`)"
            .into()
    } else {
        "is not text; expected a PEM key or certificate".into()
    }
}

// ---------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------

/// The modulus sizes `keys generate` offers.
pub const GENERATE_BITS: [usize; 3] = [2048, 3072, 4096];

/// Create an RSA key pair (exponent 65537) from the operating system's random source.
/// Returns the private key as PKCS#8 PEM and the public key (without kid).
pub fn generate(bits: usize) -> Result<(Secret, PublicKey)> {
    if !GENERATE_BITS.contains(&bits) {
        return Err(Error::Usage(format!(
            "--bits must be 2048, 3072 or 4096, not {bits}"
        )));
    }
    let private = rsa::PrivateKey::new(&mut getrandom::SysRng, bits)
        .map_err(|e| Error::Internal(format!("RSA key generation failed: {e}")))?;
    let pem = private
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| Error::Internal(format!("cannot encode the private key: {e}")))?;
    let secret = Secret::new(pem.as_str());
    let public = private.to_public_key();
    let n = public.n().to_be_bytes();
    let e = public.e().to_be_bytes();
    let key = rsa_public_key(&n, &e).map_err(Error::Internal)?;
    Ok((secret, key))
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
