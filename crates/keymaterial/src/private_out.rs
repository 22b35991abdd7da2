//! A generated private key in the forms `keys generate` writes: PKCS#8 PEM encrypted with
//! a passphrase (PBES2, RustCrypto's `pkcs5`), or a private JWK (RFC 7518 §6.3); and the
//! decryption of such a PEM, for the one private-key reader.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use der::Decode;
use pkcs8::pkcs5::pbes2;
use pkcs8::{EncryptedPrivateKeyInfoRef, LineEnding, PrivateKeyInfoRef, SecretDocument};
use serde_json::json;
use zeroize::Zeroizing;

use crate::error::{Error, Result};
use crate::secret::Secret;

/// How a passphrase becomes the encryption key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kdf {
    /// scrypt (RFC 7914) with OpenSSL-compatible parameters, AES-256-CBC.
    Scrypt,
    /// PBKDF2-HMAC-SHA256 (600 000 rounds), AES-256-CBC.
    Pbkdf2,
}

fn der_of(pem: &Secret) -> Result<SecretDocument> {
    let (_, doc) = SecretDocument::from_pem(pem.expose())
        .map_err(|e| Error::Internal(format!("cannot read the generated key: {e}")))?;
    Ok(doc)
}

/// The PKCS#8 PEM `pem` encrypted with `passphrase`: `ENCRYPTED PRIVATE KEY`.
pub fn encrypt_pkcs8_pem(pem: &Secret, passphrase: &Secret, kdf: Kdf) -> Result<Secret> {
    let doc = der_of(pem)?;
    let info = PrivateKeyInfoRef::from_der(doc.as_bytes())
        .map_err(|e| Error::Internal(format!("cannot read the generated key: {e}")))?;
    let params = match kdf {
        Kdf::Scrypt => pbes2::Parameters::generate_scrypt(&mut getrandom::SysRng),
        Kdf::Pbkdf2 => pbes2::Parameters::generate_pbkdf2(&mut getrandom::SysRng),
    }
    .map_err(|e| Error::Internal(format!("cannot make the encryption parameters: {e}")))?;
    let encrypted = info
        .encrypt_with_params(params, passphrase.expose().as_bytes())
        .map_err(|e| Error::Internal(format!("cannot encrypt the private key: {e}")))?;
    let text = encrypted
        .to_pem("ENCRYPTED PRIVATE KEY", LineEnding::LF)
        .map_err(|e| Error::Internal(format!("cannot encode the private key: {e}")))?;
    Ok(Secret::new(text.as_str()))
}

/// The RSA private key in the PKCS#8 PEM `pem` as a private JWK with `kid`, `use: enc`
/// and, when given, `alg` (the JWE key-management algorithm it is for).
pub fn private_jwk(pem: &Secret, kid: &str, alg: Option<&str>) -> Result<Secret> {
    let doc = der_of(pem)?;
    let info = PrivateKeyInfoRef::from_der(doc.as_bytes())
        .map_err(|e| Error::Internal(format!("cannot read the generated key: {e}")))?;
    let key = pkcs1::RsaPrivateKey::from_der(info.private_key.as_bytes())
        .map_err(|e| Error::Internal(format!("cannot read the generated RSA key: {e}")))?;
    let b64 = |u: der::asn1::UintRef<'_>| Zeroizing::new(URL_SAFE_NO_PAD.encode(u.as_bytes()));
    let (d, p, q) = (b64(key.private_exponent), b64(key.prime1), b64(key.prime2));
    let (dp, dq, qi) = (b64(key.exponent1), b64(key.exponent2), b64(key.coefficient));
    let mut jwk = json!({
            "kty": "RSA",
            "use": "enc",
            "kid": kid,
            "e": URL_SAFE_NO_PAD.encode(key.public_exponent.as_bytes()),
            "n": URL_SAFE_NO_PAD.encode(key.modulus.as_bytes()),
            "d": d.as_str(),
            "p": p.as_str(),
            "q": q.as_str(),
            "dp": dp.as_str(),
            "dq": dq.as_str(),
            "qi": qi.as_str(),
    });
    if let Some(alg) = alg {
        jwk["alg"] = alg.into();
    }
    let text = Zeroizing::new(jwk.to_string());
    Ok(Secret::new(format!("{}\n", text.as_str())))
}

/// Does this text hold an encrypted PKCS#8 private key (so a passphrase is needed)?
pub fn is_encrypted_pem(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|t| t.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
}

/// Decrypt the DER of an `ENCRYPTED PRIVATE KEY` block: the DER of the `PRIVATE KEY`.
/// The error is the reason, naming neither key nor passphrase.
pub(crate) fn decrypt_pkcs8_der(
    der: &[u8],
    passphrase: &Secret,
) -> std::result::Result<Zeroizing<Vec<u8>>, String> {
    let info = EncryptedPrivateKeyInfoRef::from_der(der)
        .map_err(|e| format!("the encrypted private key is damaged ({e})"))?;
    let doc = info.decrypt(passphrase.expose().as_bytes()).map_err(|_| {
        "cannot decrypt the private key: the passphrase is wrong, or its encryption is not \
         one oktakeys reads (PBES2 with scrypt or PBKDF2, AES-CBC or AES-GCM)"
            .to_string()
    })?;
    Ok(Zeroizing::new(doc.as_bytes().to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_encrypted_key_decrypts_with_its_passphrase_only() {
        let (pem, _) = crate::generate::generate(2048).unwrap();
        let pass = Secret::new("correct horse");
        for kdf in [Kdf::Scrypt, Kdf::Pbkdf2] {
            let enc = encrypt_pkcs8_pem(&pem, &pass, kdf).unwrap();
            assert!(is_encrypted_pem(enc.expose().as_bytes()));
            let (_, doc) = SecretDocument::from_pem(enc.expose()).unwrap();
            let plain = decrypt_pkcs8_der(doc.as_bytes(), &pass).unwrap();
            assert_eq!(plain.as_slice(), der_of(&pem).unwrap().as_bytes());
            let wrong = decrypt_pkcs8_der(doc.as_bytes(), &Secret::new("wrong")).unwrap_err();
            assert!(wrong.contains("passphrase is wrong"), "{wrong}");
        }
    }

    #[test]
    fn the_private_jwk_has_every_member() {
        let (pem, public) = crate::generate::generate(2048).unwrap();
        let jwk: serde_json::Value = serde_json::from_str(
            private_jwk(&pem, "k1", Some("RSA-OAEP-256"))
                .unwrap()
                .expose(),
        )
        .unwrap();
        assert_eq!(jwk["alg"], "RSA-OAEP-256");
        assert_eq!(jwk["kid"], "k1");
        assert_eq!(jwk["n"], public.n.as_str());
        for m in ["d", "p", "q", "dp", "dq", "qi"] {
            assert!(jwk[m].as_str().is_some_and(|v| !v.is_empty()), "{m}");
        }
    }
}
