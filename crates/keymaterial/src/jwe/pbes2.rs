//! JWE with a passphrase (RFC 7518 §4.8): `PBES2-HS512+A256KW` key management, `A256GCM`
//! content. For secrets kept at rest (an encrypted key ring), not for tokens.
//!
//! The key-encryption key is PBKDF2-HMAC-SHA512 (RustCrypto `pbkdf2`) over the passphrase,
//! with the salt `alg || 0x00 || p2s` and `p2c` rounds; it wraps a random CEK with AES Key
//! Wrap (RFC 3394, RustCrypto `aes-kw`); the content is sealed as for any JWE here. Any
//! standard JOSE library reads the result (Node `jose` raises its default `p2c` cap).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};
use sha2::Sha512;
use zeroize::Zeroizing;

use super::{
    ContentEnc, JweError, content, decode_header, decode_part, header_str, malformed, random, split,
};
use crate::secret::Secret;

/// The one key-management algorithm written and read.
pub const ALG: &str = "PBES2-HS512+A256KW";
const ENC: ContentEnc = ContentEnc::A256Gcm;
/// PBKDF2 rounds written: OWASP's 2023 figure for PBKDF2-HMAC-SHA512.
pub const P2C: u32 = 210_000;
/// Fewer rounds than RFC 7518's minimum, or more than this, is refused when reading (a
/// huge count would make reading a file an unbounded computation).
const P2C_RANGE: std::ops::RangeInclusive<u64> = 1000..=10_000_000;
const SALT_LEN: usize = 16;
const KEK_LEN: usize = 32;

/// Encrypt `plaintext` with `passphrase`; `cty` goes into the protected header.
pub fn encrypt(plaintext: &[u8], passphrase: &Secret, cty: &str) -> Result<String, JweError> {
    let p2s = random(SALT_LEN)?;
    let mut header = Map::new();
    header.insert("alg".into(), ALG.into());
    header.insert("enc".into(), ENC.as_str().into());
    header.insert("cty".into(), cty.into());
    header.insert("p2s".into(), URL_SAFE_NO_PAD.encode(p2s.as_slice()).into());
    header.insert("p2c".into(), P2C.into());
    let header_b64 = URL_SAFE_NO_PAD.encode(Value::Object(header).to_string());

    let kek = derive(passphrase, &p2s, P2C);
    let cek = random(ENC.cek_len())?;
    let mut wrapped = [0u8; KEK_LEN + aes_kw::IV_LEN];
    kw(&kek)
        .wrap_key(&cek, &mut wrapped)
        .map_err(|e| JweError::Encrypt(format!("AES key wrap failed: {e}")))?;
    let iv = random(ENC.iv_len())?;
    let sealed = content::seal(ENC, &cek, &iv, header_b64.as_bytes(), plaintext)
        .map_err(|_| JweError::Encrypt(format!("{ENC} failed")))?;
    Ok([
        header_b64.as_str(),
        &URL_SAFE_NO_PAD.encode(wrapped),
        &URL_SAFE_NO_PAD.encode(iv.as_slice()),
        &URL_SAFE_NO_PAD.encode(&sealed.ciphertext),
        &URL_SAFE_NO_PAD.encode(&sealed.tag),
    ]
    .join("."))
}

/// Decrypt a token [`encrypt`] (or another JOSE library) made with `passphrase`. A wrong
/// passphrase and a damaged token are the same [`JweError::Decrypt`].
pub fn decrypt(token: &str, passphrase: &Secret) -> Result<Zeroizing<Vec<u8>>, JweError> {
    let parts = split(token)?;
    let header = decode_header(parts[0])?;
    let alg = header_str(&header, "alg")?;
    if alg != ALG {
        return Err(JweError::UnsupportedAlg(alg.chars().take(64).collect()));
    }
    let enc: ContentEnc = header_str(&header, "enc")?.parse()?;
    if enc != ENC {
        return Err(JweError::UnsupportedEnc(enc.as_str().into()));
    }
    if header.contains_key("zip") || header.contains_key("crit") {
        return Err(malformed("the header has zip or crit"));
    }
    let p2s = decode_part("p2s", header_str(&header, "p2s")?)?;
    let p2c = header
        .get("p2c")
        .and_then(Value::as_u64)
        .filter(|c| P2C_RANGE.contains(c))
        .ok_or_else(|| malformed("p2c is not a count from 1000 to 10000000"))?;
    let wrapped = decode_part("encrypted key", parts[1])?;
    let iv = decode_part("initialization vector", parts[2])?;
    let ciphertext = decode_part("ciphertext", parts[3])?;
    let tag = decode_part("authentication tag", parts[4])?;

    let kek = derive(passphrase, &p2s, u32::try_from(p2c).unwrap_or(P2C));
    let mut cek = Zeroizing::new([0u8; KEK_LEN]);
    let unwrapped = wrapped.len() == KEK_LEN + aes_kw::IV_LEN
        && kw(&kek).unwrap_key(&wrapped, cek.as_mut_slice()).is_ok();
    if !unwrapped {
        return Err(JweError::Decrypt);
    }
    content::open(
        enc,
        cek.as_slice(),
        &iv,
        parts[0].as_bytes(),
        &ciphertext,
        &tag,
    )
    .map_err(|_| JweError::Decrypt)
}

/// Is this text a PBES2 JWE (by its header), so a passphrase is needed to read it?
pub fn is_pbes2(text: &str) -> bool {
    split(text)
        .ok()
        .and_then(|parts| decode_header(parts[0]).ok())
        .is_some_and(|h| h.get("alg").and_then(Value::as_str) == Some(ALG))
}

/// PBKDF2-HMAC-SHA512 with RFC 7518's salt: the algorithm's name, a zero byte, `p2s`.
fn derive(passphrase: &Secret, p2s: &[u8], p2c: u32) -> Zeroizing<[u8; KEK_LEN]> {
    let mut salt = Vec::with_capacity(ALG.len() + 1 + p2s.len());
    salt.extend_from_slice(ALG.as_bytes());
    salt.push(0);
    salt.extend_from_slice(p2s);
    let mut kek = Zeroizing::new([0u8; KEK_LEN]);
    pbkdf2::pbkdf2_hmac::<Sha512>(
        passphrase.expose().as_bytes(),
        &salt,
        p2c,
        kek.as_mut_slice(),
    );
    kek
}

fn kw(kek: &[u8; KEK_LEN]) -> aes_kw::KwAes256 {
    use aes_kw::KeyInit as _;
    aes_kw::KwAes256::new(kek.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passphrase_opens_what_it_sealed_and_nothing_else_does() {
        let pass = Secret::new("correct horse");
        let token = encrypt(b"{\"keys\":[]}", &pass, "jwk-set+json").unwrap();
        assert!(is_pbes2(&token));
        assert!(!is_pbes2("{\"keys\":[]}"));
        let header = super::super::parse_header(&token).unwrap();
        assert_eq!(header["alg"], ALG);
        assert_eq!(header["enc"], "A256GCM");
        assert_eq!(header["p2c"], P2C);
        assert_eq!(decrypt(&token, &pass).unwrap().as_slice(), b"{\"keys\":[]}");
        assert_eq!(
            decrypt(&token, &Secret::new("wrong")).unwrap_err(),
            JweError::Decrypt
        );
        // A flipped byte of the ciphertext.
        let mut parts: Vec<String> = token.split('.').map(str::to_string).collect();
        let mut ct = URL_SAFE_NO_PAD.decode(&parts[3]).unwrap();
        ct[0] ^= 1;
        parts[3] = URL_SAFE_NO_PAD.encode(ct);
        assert_eq!(
            decrypt(&parts.join("."), &pass).unwrap_err(),
            JweError::Decrypt
        );
    }

    /// RFC 7517 Appendix C: a private JWK encrypted with PBES2-HS256+A128KW. Our derivation
    /// and key wrap are checked against the RFC's intermediate values with SHA-256 and
    /// AES-128 (the same code paths, other parameters).
    #[test]
    fn the_derivation_and_key_wrap_match_rfc_7517_appendix_c() {
        use aes_kw::KeyInit as _;
        let alg = "PBES2-HS256+A128KW";
        let p2s = [
            217u8, 96, 147, 112, 150, 117, 70, 247, 127, 8, 155, 137, 174, 42, 80, 215,
        ];
        let mut salt = alg.as_bytes().to_vec();
        salt.push(0);
        salt.extend_from_slice(&p2s);
        let mut kek = [0u8; 16];
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(
            b"Thus from my lips, by yours, my sin is purged.",
            &salt,
            4096,
            &mut kek,
        );
        assert_eq!(
            kek,
            [
                110, 171, 169, 92, 129, 92, 109, 117, 233, 242, 116, 233, 170, 14, 24, 75
            ]
        );
        let cek = [
            111u8, 27, 25, 52, 66, 29, 20, 78, 92, 176, 56, 240, 65, 208, 82, 112, 161, 131, 36,
            55, 202, 236, 185, 172, 129, 23, 153, 194, 195, 48, 253, 182,
        ];
        let mut wrapped = [0u8; 40];
        aes_kw::KwAes128::new(&kek.into())
            .wrap_key(&cek, &mut wrapped)
            .unwrap();
        assert_eq!(
            wrapped,
            [
                78, 186, 151, 59, 11, 141, 81, 240, 213, 245, 83, 211, 53, 188, 134, 188, 66, 125,
                36, 200, 222, 124, 5, 103, 249, 52, 117, 184, 140, 81, 246, 158, 161, 177, 20, 33,
                245, 57, 59, 4
            ]
        );
    }
}
