//! RSA public keys from PEM text: SPKI, PKCS#1, X.509 certificates, and the public half
//! of private keys (read by the one private-key reader, [`crate::keys`]).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use der::asn1::UintRef;
use der::{Decode, Encode};
use rsa::traits::PublicKeyParts;
use spki::SubjectPublicKeyInfoRef;
use x509_cert::certificate::{CertificateInner, Raw};
use zeroize::Zeroizing;

use crate::armor::{PemBlock, decode_pem_block, pem_blocks};
use crate::asn1::{algorithm_name, is_rsa, structure_error};
use crate::error::{Error, Result};
use crate::jwk::{MIN_MODULUS_BITS, PublicKey, modulus_bits};
use crate::keys::VerifyingKey;
use crate::keys::{self, Problem};

/// The PEM labels `--pem` understands, for messages.
const PEM_LABELS: &str = "PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE, PRIVATE KEY or RSA PRIVATE KEY";

/// Read an RSA public key from PEM text: an SPKI public key (`PUBLIC KEY`), a PKCS#1 public
/// key (`RSA PUBLIC KEY`), an X.509 certificate (`CERTIFICATE`; in a chain, the first one),
/// or an unencrypted RSA private key (`PRIVATE KEY`, `RSA PRIVATE KEY`) of which only the
/// public part is kept. Text around the PEM block is ignored. `source` names the input in
/// messages. The returned key has no kid (see [`PublicKey::effective_kid`]).
pub fn from_pem_bytes(bytes: &[u8], source: &str) -> Result<PublicKey> {
    from_pem_bytes_with(bytes, source, None)
}

/// [`from_pem_bytes`], reading an encrypted PKCS#8 private key (`ENCRYPTED PRIVATE KEY`)
/// too, opened with `passphrase` (see [`crate::private_out::is_encrypted_pem`]).
pub fn from_pem_bytes_with(
    bytes: &[u8],
    source: &str,
    passphrase: Option<&crate::secret::Secret>,
) -> Result<PublicKey> {
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
    if !(block.label == "ENCRYPTED PRIVATE KEY" && passphrase.is_some()) {
        check_public_label(block, source).map_err(&bad)?;
    }
    // Private key bytes are wiped when dropped.
    let der = Zeroizing::new(decode_pem_block(block).map_err(&bad)?);
    let (n, e) = rsa_of_block(block.label, &der, source, passphrase).map_err(&bad)?;
    rsa_public_key(&n, &e).map_err(&bad)
}

/// The public key of a PEM **private** key (`PRIVATE KEY`, `RSA PRIVATE KEY`), for a
/// file that must hold the private half (`keys rotate --generate` reusing its
/// `--private-key-out`): a public key or a certificate there is refused, since whoever
/// uses the file would then hold no key to decrypt with.
pub fn from_private_pem_bytes(bytes: &[u8], source: &str) -> Result<PublicKey> {
    let bad = |why: String| Error::KeyFile(format!("{source}: {why}"));
    let text = std::str::from_utf8(bytes).map_err(|_| bad(not_text_hint(bytes)))?;
    let blocks = pem_blocks(text).map_err(&bad)?;
    match blocks
        .iter()
        .find(|b| b.label != "EC PARAMETERS")
        .map(|b| b.label)
    {
        Some("PRIVATE KEY" | "RSA PRIVATE KEY" | "ENCRYPTED PRIVATE KEY") | None => {
            from_pem_bytes(bytes, source)
        }
        Some(label) => Err(bad(format!(
            "holds a `{label}` block, not a private key: a key made from it could not be \
             decrypted with. Give the file that holds the private key, or a new file name \
             for a new key"
        ))),
    }
}

/// Refuse, by its label alone, a block that holds no RSA key to upload.
fn check_public_label(block: &PemBlock<'_>, source: &str) -> std::result::Result<(), String> {
    let label = block.label;
    match label {
        "ENCRYPTED PRIVATE KEY" => return Err(encrypted_hint(source)),
        "RSA PRIVATE KEY" if block.encrypted => return Err(encrypted_hint(source)),
        "EC PRIVATE KEY" => return Err(not_rsa("EC (elliptic curve)")),
        "DSA PRIVATE KEY" => return Err(not_rsa("DSA")),
        "OPENSSH PRIVATE KEY" => {
            return Err(format!(
                "this is an OpenSSH private key. Write its public key as PEM with \
                 `ssh-keygen -e -m PKCS8 -f {source} > public.pem` (an RSA key only), then use that file"
            ));
        }
        "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => {
            return Err(format!(
                "this is a certificate signing request, not a key. Extract its public key with \
                 `openssl req -in {source} -pubkey -noout > public.pem`, then use that file"
            ));
        }
        "PUBLIC KEY" | "RSA PUBLIC KEY" | "CERTIFICATE" | "X509 CERTIFICATE" | "PRIVATE KEY"
        | "RSA PRIVATE KEY" => {}
        other => {
            return Err(format!(
                "holds a `{other}` PEM block, which is not a key oktakeys can read; \
                 expected {PEM_LABELS}"
            ));
        }
    }
    if block.encrypted {
        return Err(format!(
            "the `{label}` block carries `Proc-Type`/`DEK-Info` headers, which {label} never has; \
             the file is damaged or not what it seems"
        ));
    }
    Ok(())
}

/// The RSA modulus and exponent (big-endian) a block of one of the accepted labels holds.
fn rsa_of_block(
    label: &str,
    der: &[u8],
    source: &str,
    passphrase: Option<&crate::secret::Secret>,
) -> std::result::Result<(Vec<u8>, Vec<u8>), String> {
    match label {
        "PUBLIC KEY" => {
            let spki = SubjectPublicKeyInfoRef::from_der(der)
                .map_err(|err| structure_error(label, "an SPKI public key", der, &err))?;
            rsa_from_spki(&spki)
        }
        "RSA PUBLIC KEY" => {
            let key = pkcs1::RsaPublicKey::<UintRef<'_>>::from_der(der)
                .map_err(|err| structure_error(label, "a PKCS#1 RSA public key", der, &err))?;
            Ok((
                key.modulus.as_bytes().to_vec(),
                key.public_exponent.as_bytes().to_vec(),
            ))
        }
        "CERTIFICATE" | "X509 CERTIFICATE" => {
            // The lenient profile: a certificate with an odd serial number still has a key.
            let cert = CertificateInner::<Raw>::from_der(der)
                .map_err(|err| structure_error(label, "an X.509 certificate", der, &err))?;
            let unreadable =
                |err: der::Error| format!("cannot read the certificate's public key: {err}");
            let spki_der = cert
                .tbs_certificate()
                .subject_public_key_info()
                .to_der()
                .map_err(unreadable)?;
            let spki = SubjectPublicKeyInfoRef::from_der(&spki_der).map_err(unreadable)?;
            rsa_from_spki(&spki).map_err(|why| format!("the certificate's key: {why}"))
        }
        // `PRIVATE KEY`, `RSA PRIVATE KEY` (or `ENCRYPTED PRIVATE KEY` with a passphrase):
        // the one private-key reader, then its public half.
        _ => {
            let key =
                keys::private_from_der_with(label, der, passphrase).map_err(
                    |problem| match problem {
                        Problem::Encrypted => encrypted_hint(source),
                        Problem::Undecryptable(why) => why,
                        Problem::Unsupported(algorithm) => not_rsa(&algorithm),
                        Problem::Malformed(why) => why,
                    },
                )?;
            match key.verifying_key() {
                VerifyingKey::Rsa(key) => {
                    let public: &rsa::PublicKey = key.as_ref().as_ref();
                    Ok((public.n_bytes().to_vec(), public.e_bytes().to_vec()))
                }
                VerifyingKey::Ec(_) => Err(not_rsa("EC P-256 (elliptic curve)")),
            }
        }
    }
}

fn rsa_from_spki(
    spki: &SubjectPublicKeyInfoRef<'_>,
) -> std::result::Result<(Vec<u8>, Vec<u8>), String> {
    let oid = spki.algorithm.oid;
    if !is_rsa(oid) {
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

/// Apply Okta's rules to a modulus and exponent (big-endian) and encode them for the JWK.
pub(crate) fn rsa_public_key(n: &[u8], e: &[u8]) -> std::result::Result<PublicKey, String> {
    let n = strip_leading_zeros(n);
    let e = strip_leading_zeros(e);
    let bits = modulus_bits(n);
    if bits < MIN_MODULUS_BITS {
        return Err(format!(
            "the RSA key is {bits} bits; Okta requires at least {MIN_MODULUS_BITS}. \
             Create a new key, e.g. `oktakeys keys generate --kid KID --private-key-out FILE`"
        ));
    }
    crate::jwk::check_exponent(n, e).map_err(|why| format!("the RSA public exponent {why}"))?;
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
