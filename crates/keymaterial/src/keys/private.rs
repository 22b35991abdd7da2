//! The one reader of private keys: PEM (PKCS#8, PKCS#1, SEC1) and private JWKs into a
//! [`SigningKey`]. The public-key reader (`pem`) uses [`from_der`] too, for the
//! public half of a private key, and words its problems for its own purpose.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use der::Decode;
use pkcs8::PrivateKeyInfoRef;
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::DecodePrivateKey;
use serde_json::{Map, Value};
use sha2::Sha256;
use zeroize::Zeroizing;

use super::{ParsedKey, SigningKey};
use crate::armor::{decode_pem_block, pem_blocks};
use crate::asn1::{OID_EC_PUBLIC_KEY, algorithm_name, is_rsa, structure_error};
use crate::error::{Error, Result};
use crate::secret::Secret;

/// Why a private key in DER cannot be used. The caller words it: advice for an encrypted
/// key differs between "upload its public half" and "sign with it".
pub(crate) enum Problem {
    /// Protected by a passphrase, and none was given.
    Encrypted,
    /// Protected by a passphrase that does not open it; the reason.
    Undecryptable(String),
    /// Neither RSA nor EC P-256: the algorithm's name ("EC P-384 (elliptic curve)").
    Unsupported(String),
    /// Not the structure its label declares; the reason, naming neither key nor content.
    Malformed(String),
}

/// [`from_der`], and an `ENCRYPTED PRIVATE KEY` (PKCS#8 PBES2) opened with `passphrase`.
pub(crate) fn from_der_with(
    label: &str,
    der: &[u8],
    passphrase: Option<&Secret>,
) -> std::result::Result<SigningKey, Problem> {
    match (label, passphrase) {
        ("ENCRYPTED PRIVATE KEY", Some(passphrase)) => {
            let plain = crate::private_out::decrypt_pkcs8_der(der, passphrase)
                .map_err(Problem::Undecryptable)?;
            from_der("PRIVATE KEY", &plain)
        }
        _ => from_der(label, der),
    }
}

/// Read a private key from the DER of a `PRIVATE KEY` (PKCS#8: RSA or EC P-256),
/// `RSA PRIVATE KEY` (PKCS#1) or `EC PRIVATE KEY` (SEC1) block.
pub(crate) fn from_der(label: &str, der: &[u8]) -> std::result::Result<SigningKey, Problem> {
    match label {
        "RSA PRIVATE KEY" => rsa::PrivateKey::from_pkcs1_der(der)
            .map(rsa_key)
            .map_err(|err| {
                Problem::Malformed(structure_error(
                    label,
                    "a PKCS#1 RSA private key",
                    der,
                    &err,
                ))
            }),
        "EC PRIVATE KEY" => p256::SecretKey::from_sec1_der(der)
            .map(|key| SigningKey::Ec(key.into()))
            .map_err(|_| Problem::Unsupported("EC (elliptic curve)".into())),
        "ENCRYPTED PRIVATE KEY" => Err(Problem::Encrypted),
        _ => {
            let info = PrivateKeyInfoRef::from_der(der).map_err(|err| {
                Problem::Malformed(structure_error(label, "a PKCS#8 private key", der, &err))
            })?;
            let oid = info.algorithm.oid;
            if is_rsa(oid) {
                rsa::PrivateKey::from_pkcs1_der(info.private_key.as_bytes())
                    .map(rsa_key)
                    .map_err(|err| {
                        Problem::Malformed(format!(
                            "the PKCS#8 private key holds no valid RSA key: {err}"
                        ))
                    })
            } else if oid == OID_EC_PUBLIC_KEY {
                p256::ecdsa::SigningKey::from_pkcs8_der(der)
                    .map(SigningKey::Ec)
                    .map_err(|_| Problem::Unsupported(algorithm_name(&info.algorithm)))
            } else {
                Err(Problem::Unsupported(algorithm_name(&info.algorithm)))
            }
        }
    }
}

/// Who needs the private key, for the messages about a file that holds a public one.
#[derive(Debug, Clone, Copy)]
pub(super) enum Purpose {
    /// The service app signs its client assertions with it.
    Signing,
    /// A resource server decrypts access tokens with it.
    Decrypting,
}

impl Purpose {
    fn needs(self) -> &'static str {
        match self {
            Purpose::Signing => "the service app needs its private key",
            Purpose::Decrypting => "decrypting tokens needs the private key",
        }
    }
}

/// [`SigningKey::parse`]: PEM (an encrypted one opened with `passphrase`) or a private JWK.
pub(super) fn parse(
    text: &Secret,
    what: &str,
    purpose: Purpose,
    passphrase: Option<&Secret>,
) -> Result<ParsedKey> {
    let trimmed = text.expose().trim_start();
    if trimmed.starts_with('{') {
        parse_private_jwk(trimmed, what, purpose)
    } else if trimmed.starts_with("-----BEGIN") {
        parse_pem_with(trimmed, what, purpose, passphrase).map(|key| ParsedKey { key, kid: None })
    } else {
        Err(bad_key(
            what,
            "is neither a PEM private key (-----BEGIN PRIVATE KEY-----) nor a private JWK",
        ))
    }
}

/// A private key from PEM, worded for signing with it (the service app's key).
pub(super) fn parse_pem(text: &str, what: &str, purpose: Purpose) -> Result<SigningKey> {
    parse_pem_with(text, what, purpose, None)
}

fn parse_pem_with(
    text: &str,
    what: &str,
    purpose: Purpose,
    passphrase: Option<&Secret>,
) -> Result<SigningKey> {
    let unusable = |why: String| bad_key(what, &format!("is not a usable PEM file: {why}"));
    let blocks = pem_blocks(text).map_err(unusable)?;
    // `openssl ecparam -genkey` writes the curve's parameters before the key.
    let Some(block) = blocks.iter().find(|b| b.label != "EC PARAMETERS") else {
        return Err(bad_key(what, "is not a valid PEM document"));
    };
    match block.label {
        "ENCRYPTED PRIVATE KEY" if passphrase.is_some() => {}
        "ENCRYPTED PRIVATE KEY" => return Err(encrypted(what)),
        "PRIVATE KEY" | "RSA PRIVATE KEY" | "EC PRIVATE KEY" if block.encrypted => {
            return Err(encrypted(what));
        }
        "PRIVATE KEY" | "RSA PRIVATE KEY" | "EC PRIVATE KEY" => {}
        "PUBLIC KEY" | "RSA PUBLIC KEY" | "CERTIFICATE" => {
            return Err(bad_key(
                what,
                &format!("holds a public key or certificate; {}", purpose.needs()),
            ));
        }
        other => {
            return Err(bad_key(
                what,
                &format!("is a PEM `{other}`, not a private key"),
            ));
        }
    }
    // Private key bytes are wiped when dropped.
    let der = Zeroizing::new(decode_pem_block(block).map_err(unusable)?);
    from_der_with(block.label, &der, passphrase).map_err(|problem| match problem {
        Problem::Encrypted => encrypted(what),
        Problem::Undecryptable(why) => bad_key(what, &why),
        Problem::Unsupported(algorithm) if algorithm.starts_with("EC") => bad_key(
            what,
            "is an EC key on a curve other than P-256 (only ES256 is supported)",
        ),
        Problem::Unsupported(_) => bad_key(
            what,
            "is neither an RSA nor an EC P-256 private key (Ed25519 and others are not supported)",
        ),
        Problem::Malformed(why) => bad_key(what, &format!("is damaged: {why}")),
    })
}

fn encrypted(what: &str) -> Error {
    bad_key(
        what,
        "is encrypted with a passphrase; decrypt it first (`openssl pkcs8 -in KEY -out PLAIN.pem`) \
         and keep the result mode 0600, or provide it through private_key_command",
    )
}

pub(super) fn bad_key(what: &str, why: &str) -> Error {
    Error::KeyFile(format!("{what} {why}"))
}

fn rsa_key(key: rsa::PrivateKey) -> SigningKey {
    SigningKey::Rsa(Box::new(rsa::pkcs1v15::SigningKey::<Sha256>::new(key)))
}

fn parse_private_jwk(text: &str, what: &str, purpose: Purpose) -> Result<ParsedKey> {
    // The parsed JSON holds the private members: keep it short-lived, never print it.
    let jwk: Map<String, Value> = serde_json::from_str(text).map_err(|e| {
        // serde_json's message names a position, never the content.
        bad_key(what, &format!("is not a valid JWK: {e}"))
    })?;
    let kid = jwk.get("kid").and_then(Value::as_str).map(str::to_string);
    let member = |name: &str| -> Result<zeroize::Zeroizing<Vec<u8>>> {
        let text = jwk
            .get(name)
            .and_then(Value::as_str)
            .ok_or_else(|| bad_key(what, &format!("is a JWK without a `{name}` member")))?;
        URL_SAFE_NO_PAD
            .decode(text)
            .map(zeroize::Zeroizing::new)
            .map_err(|_| {
                bad_key(
                    what,
                    &format!("has a `{name}` member that is not base64url"),
                )
            })
    };
    if !jwk.contains_key("d") {
        return Err(bad_key(
            what,
            &format!("is a public JWK; {} (a JWK with `d`)", purpose.needs()),
        ));
    }
    let key = match jwk.get("kty").and_then(Value::as_str) {
        Some("RSA") => {
            let uint = |name: &str| member(name).map(|b| rsa::BoxedUint::from_be_slice_vartime(&b));
            let mut primes = Vec::new();
            if jwk.contains_key("p") && jwk.contains_key("q") {
                primes.push(uint("p")?);
                primes.push(uint("q")?);
            }
            let key = rsa::PrivateKey::from_components(uint("n")?, uint("e")?, uint("d")?, primes)
                .map_err(|e| {
                    bad_key(what, &format!("is not a consistent RSA private key ({e})"))
                })?;
            rsa_key(key)
        }
        Some("EC") => {
            if jwk.get("crv").and_then(Value::as_str) != Some("P-256") {
                return Err(bad_key(
                    what,
                    "is an EC JWK on a curve other than P-256 (only ES256 is supported)",
                ));
            }
            let key = p256::ecdsa::SigningKey::from_slice(&member("d")?)
                .map_err(|_| bad_key(what, "has an invalid P-256 private scalar `d`"))?;
            // The public members, when present, must belong to `d`.
            let signing = SigningKey::Ec(key);
            if jwk.contains_key("x") {
                let public = signing.public_jwk();
                if jwk.get("x") != public.get("x") || jwk.get("y") != public.get("y") {
                    return Err(bad_key(what, "has `x`/`y` that do not match its `d`"));
                }
            }
            signing
        }
        Some(other) => {
            return Err(bad_key(
                what,
                &format!("is a JWK of kty `{other}`; only RSA and EC P-256 keys are supported"),
            ));
        }
        None => return Err(bad_key(what, "is a JWK without a `kty` member")),
    };
    Ok(ParsedKey { key, kid })
}
