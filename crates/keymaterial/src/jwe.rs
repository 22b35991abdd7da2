//! JWE compact serialization (RFC 7516) for Okta's encrypted access tokens.
//!
//! Key management: `RSA-OAEP-256`, `RSA-OAEP-384`, `RSA-OAEP-512` (RSAES-OAEP, RFC 8017, with
//! SHA-2 and MGF1 over the same hash; RFC 7518 §4.3 and RFC 7518 errata / the IANA JOSE registry).
//! Content: `A128GCM`, `A192GCM`, `A256GCM`, `A128CBC-HS256`, `A192CBC-HS384`, `A256CBC-HS512`
//! (RFC 7518 §5). Everything else, compression (`zip`) and any critical extension (`crit`) is
//! refused before the private key is used.
//!
//! Every way a token can fail to decrypt once its header is acceptable (wrong key, bad OAEP
//! padding, wrong CEK length, bad tag, bad PKCS#7 padding) is the same [`JweError::Decrypt`]:
//! no padding oracle. As RFC 7516 §11.5 advises, a key that fails to unwrap is replaced with a
//! random one and content decryption still runs, so the failure looks the same either way.
//!
//! Pure: no I/O besides the operating system's random numbers (CEK, IV, OAEP seed, blinding).

mod content;
pub mod pbes2;

use core::fmt;
use core::str::FromStr;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rsa::{PrivateKey, PublicKey};
use serde_json::{Map, Value};
use sha2::{Sha256, Sha384, Sha512};
use zeroize::Zeroizing;

/// The largest token accepted, in bytes, checked before anything is parsed.
pub const MAX_TOKEN_LEN: usize = 256 * 1024;

/// Longest algorithm name or header value quoted back in an error message.
const MAX_QUOTED: usize = 64;

/// A JWE key-management algorithm (`alg`) this module accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyAlg {
    /// RSAES-OAEP with SHA-256 and MGF1 with SHA-256.
    RsaOaep256,
    /// RSAES-OAEP with SHA-384 and MGF1 with SHA-384.
    RsaOaep384,
    /// RSAES-OAEP with SHA-512 and MGF1 with SHA-512.
    RsaOaep512,
}

impl KeyAlg {
    /// Every accepted algorithm.
    pub const ALL: [Self; 3] = [Self::RsaOaep256, Self::RsaOaep384, Self::RsaOaep512];

    /// The `alg` header value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::RsaOaep256 => "RSA-OAEP-256",
            Self::RsaOaep384 => "RSA-OAEP-384",
            Self::RsaOaep512 => "RSA-OAEP-512",
        }
    }
}

impl fmt::Display for KeyAlg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for KeyAlg {
    type Err = JweError;

    /// Exact, case-sensitive names (RFC 7515 §4.1.1 makes them case-sensitive).
    fn from_str(s: &str) -> Result<Self, JweError> {
        Self::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| JweError::UnsupportedAlg(shorten(s)))
    }
}

/// A JWE content-encryption algorithm (`enc`) this module accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContentEnc {
    /// AES-128 in Galois/Counter Mode.
    A128Gcm,
    /// AES-192 in Galois/Counter Mode.
    A192Gcm,
    /// AES-256 in Galois/Counter Mode.
    A256Gcm,
    /// AES-128-CBC with HMAC-SHA-256 truncated to 128 bits.
    A128CbcHs256,
    /// AES-192-CBC with HMAC-SHA-384 truncated to 192 bits.
    A192CbcHs384,
    /// AES-256-CBC with HMAC-SHA-512 truncated to 256 bits.
    A256CbcHs512,
}

impl ContentEnc {
    /// Every accepted algorithm.
    pub const ALL: [Self; 6] = [
        Self::A128Gcm,
        Self::A192Gcm,
        Self::A256Gcm,
        Self::A128CbcHs256,
        Self::A192CbcHs384,
        Self::A256CbcHs512,
    ];

    /// The `enc` header value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::A128Gcm => "A128GCM",
            Self::A192Gcm => "A192GCM",
            Self::A256Gcm => "A256GCM",
            Self::A128CbcHs256 => "A128CBC-HS256",
            Self::A192CbcHs384 => "A192CBC-HS384",
            Self::A256CbcHs512 => "A256CBC-HS512",
        }
    }
}

impl fmt::Display for ContentEnc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ContentEnc {
    type Err = JweError;

    fn from_str(s: &str) -> Result<Self, JweError> {
        Self::ALL
            .into_iter()
            .find(|e| e.as_str() == s)
            .ok_or_else(|| JweError::UnsupportedEnc(shorten(s)))
    }
}

/// Why a token was refused or could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum JweError {
    /// The token is longer than [`MAX_TOKEN_LEN`]; nothing was parsed.
    TooLarge {
        /// The token's length in bytes.
        len: usize,
    },
    /// Not a well-formed JWE compact serialization (parts, base64url, header JSON, lengths).
    Malformed(String),
    /// The `alg` is not one of [`KeyAlg::ALL`] (the name, shortened if long).
    UnsupportedAlg(String),
    /// The `enc` is not one of [`ContentEnc::ALL`] (the name, shortened if long).
    UnsupportedEnc(String),
    /// The header has `zip` (its JSON value, shortened): compression is not supported.
    Compressed(String),
    /// The header has `crit` (its JSON value, shortened): this module understands no extension.
    Critical(String),
    /// The token does not decrypt with this key. Deliberately one case for every cause.
    Decrypt,
    /// Encryption failed (the key is too small for the algorithms, the extra header sets a
    /// reserved member, no random numbers, the token would be too large).
    Encrypt(String),
}

impl fmt::Display for JweError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const ALGS: &str = "RSA-OAEP-256, RSA-OAEP-384 or RSA-OAEP-512";
        match self {
            Self::TooLarge { len } => write!(
                f,
                "the token is {len} bytes long, more than the {MAX_TOKEN_LEN} accepted"
            ),
            Self::Malformed(what) => write!(f, "the token is not a compact JWE: {what}"),
            Self::UnsupportedAlg(alg) => {
                let why = match alg.as_str() {
                    "RSA1_5" => " (RSAES-PKCS1-v1_5 is refused)",
                    "RSA-OAEP" => " (RSA-OAEP with SHA-1 is refused)",
                    _ => "",
                };
                write!(
                    f,
                    "the token's key-management algorithm (alg) {alg:?} is not supported{why}: \
                     expected {ALGS}"
                )
            }
            Self::UnsupportedEnc(enc) => write!(
                f,
                "the token's content encryption (enc) {enc:?} is not supported: expected A128GCM, \
                 A192GCM, A256GCM, A128CBC-HS256, A192CBC-HS384 or A256CBC-HS512"
            ),
            Self::Compressed(zip) => write!(
                f,
                "the token is compressed (zip {zip}), which is not supported"
            ),
            Self::Critical(crit) => write!(
                f,
                "the token requires extensions this program does not understand (crit {crit})"
            ),
            Self::Decrypt => f.write_str("the token does not decrypt with this key"),
            Self::Encrypt(why) => write!(f, "cannot encrypt the token: {why}"),
        }
    }
}

impl std::error::Error for JweError {}

/// A decrypted token. Its `Debug` output leaves the plaintext out.
pub struct Decrypted {
    /// The protected header, as sent.
    pub header: Map<String, Value>,
    /// The key-management algorithm the header named.
    pub alg: KeyAlg,
    /// The content encryption the header named.
    pub enc: ContentEnc,
    /// The plaintext (for an Okta access token, a signed JWT), wiped when dropped.
    pub plaintext: Zeroizing<Vec<u8>>,
}

impl fmt::Debug for Decrypted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Decrypted")
            .field("header", &self.header)
            .field("alg", &self.alg)
            .field("enc", &self.enc)
            .field(
                "plaintext",
                &format_args!("<{} bytes>", self.plaintext.len()),
            )
            .finish()
    }
}

/// Reads the protected header without a key (to find `kid`, `alg`, `enc` before decrypting).
///
/// Checks only the size, the five parts and the header; it accepts any `alg` or `enc`, so a
/// caller can report what a token it cannot decrypt asks for.
pub fn parse_header(token: &str) -> Result<Map<String, Value>, JweError> {
    let parts = split(token)?;
    decode_header(parts[0])
}

/// Decrypts a compact JWE with an RSA private key.
pub fn decrypt(token: &str, key: &PrivateKey) -> Result<Decrypted, JweError> {
    decrypt_with(token, key, Policy::Standard)
}

/// Encrypts `plaintext` to `key` as a compact JWE.
///
/// The protected header is `extra_header` (e.g. `kid`, `cty: "JWT"`) plus `alg` and `enc`;
/// `extra_header` may not set `alg`, `enc`, `zip` or `crit`.
pub fn encrypt(
    plaintext: &[u8],
    key: &PublicKey,
    alg: KeyAlg,
    enc: ContentEnc,
    extra_header: Map<String, Value>,
) -> Result<String, JweError> {
    for reserved in ["alg", "enc", "zip", "crit"] {
        if extra_header.contains_key(reserved) {
            return Err(JweError::Encrypt(format!(
                "the extra header may not set \"{reserved}\""
            )));
        }
    }
    let mut header = extra_header;
    header.insert("alg".into(), Value::String(alg.as_str().into()));
    header.insert("enc".into(), Value::String(enc.as_str().into()));
    let header_json = serde_json::to_vec(&Value::Object(header))
        .map_err(|e| JweError::Encrypt(format!("the header does not serialize: {e}")))?;
    let header_b64 = URL_SAFE_NO_PAD.encode(header_json);

    let cek = random(enc.cek_len())?;
    let iv = random(enc.iv_len())?;
    let encrypted_key = match alg {
        KeyAlg::RsaOaep256 => key.oaep_encrypt::<Sha256>(&cek),
        KeyAlg::RsaOaep384 => key.oaep_encrypt::<Sha384>(&cek),
        KeyAlg::RsaOaep512 => key.oaep_encrypt::<Sha512>(&cek),
    }
    .map_err(|e| JweError::Encrypt(format!("{alg} with a {}-byte key: {e}", enc.cek_len())))?;
    let sealed = content::seal(enc, &cek, &iv, header_b64.as_bytes(), plaintext)
        .map_err(|_| JweError::Encrypt(format!("{enc} failed")))?;

    let token = [
        header_b64.as_str(),
        &URL_SAFE_NO_PAD.encode(encrypted_key),
        &URL_SAFE_NO_PAD.encode(iv.as_slice()),
        &URL_SAFE_NO_PAD.encode(&sealed.ciphertext),
        &URL_SAFE_NO_PAD.encode(&sealed.tag),
    ]
    .join(".");
    if token.len() > MAX_TOKEN_LEN {
        return Err(JweError::Encrypt(format!(
            "the token would be {} bytes long, more than the {MAX_TOKEN_LEN} accepted",
            token.len()
        )));
    }
    Ok(token)
}

/// Which `alg` values the decryption accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Policy {
    Standard,
    /// Also `RSA-OAEP` (SHA-1), only to check RFC 7516 Appendix A.1 end to end.
    #[cfg(test)]
    RfcA1,
}

/// The OAEP hash a token's `alg` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Oaep {
    Sha256,
    Sha384,
    Sha512,
    #[cfg(test)]
    Sha1,
}

impl From<KeyAlg> for Oaep {
    fn from(alg: KeyAlg) -> Self {
        match alg {
            KeyAlg::RsaOaep256 => Self::Sha256,
            KeyAlg::RsaOaep384 => Self::Sha384,
            KeyAlg::RsaOaep512 => Self::Sha512,
        }
    }
}

fn decrypt_with(token: &str, key: &PrivateKey, policy: Policy) -> Result<Decrypted, JweError> {
    let parts = split(token)?;
    let header = decode_header(parts[0])?;

    // Everything about the header is checked before the private key is touched.
    let alg_name = header_str(&header, "alg")?;
    let (alg, oaep) = match (alg_name.parse::<KeyAlg>(), policy) {
        (Ok(alg), _) => (alg, Oaep::from(alg)),
        #[cfg(test)]
        (Err(_), Policy::RfcA1) if alg_name == "RSA-OAEP" => (KeyAlg::RsaOaep256, Oaep::Sha1),
        (Err(e), _) => return Err(e),
    };
    let enc: ContentEnc = header_str(&header, "enc")?.parse()?;
    if let Some(zip) = header.get("zip") {
        return Err(JweError::Compressed(shorten(&zip.to_string())));
    }
    if let Some(crit) = header.get("crit") {
        return Err(JweError::Critical(shorten(&crit.to_string())));
    }

    let encrypted_key = decode_part("encrypted key", parts[1])?;
    let iv = decode_part("initialization vector", parts[2])?;
    let ciphertext = decode_part("ciphertext", parts[3])?;
    let tag = decode_part("authentication tag", parts[4])?;
    if encrypted_key.is_empty() {
        return Err(malformed("the encrypted key is empty"));
    }
    if iv.len() != enc.iv_len() {
        return Err(malformed(format!(
            "the initialization vector is {} bytes, {enc} needs {}",
            iv.len(),
            enc.iv_len()
        )));
    }
    if tag.len() != enc.tag_len() {
        return Err(malformed(format!(
            "the authentication tag is {} bytes, {enc} needs {}",
            tag.len(),
            enc.tag_len()
        )));
    }

    let cek = unwrap_cek(key, oaep, &encrypted_key, enc)?;
    // RFC 7516 §5.2 step 14: the AAD is the ASCII of the encoded protected header, as received.
    let plaintext = content::open(enc, &cek, &iv, parts[0].as_bytes(), &ciphertext, &tag)
        .map_err(|_| JweError::Decrypt)?;
    Ok(Decrypted {
        header,
        alg,
        enc,
        plaintext,
    })
}

/// RSA-OAEP decryption of the CEK. A failure, or a key of the wrong length, yields a random key
/// of the right length instead (RFC 7516 §11.5), so content decryption runs and fails the same
/// way.
fn unwrap_cek(
    key: &PrivateKey,
    oaep: Oaep,
    encrypted_key: &[u8],
    enc: ContentEnc,
) -> Result<Zeroizing<Vec<u8>>, JweError> {
    #[cfg(test)]
    tests::count_private_key_use();
    let unwrapped = match oaep {
        Oaep::Sha256 => key.oaep_decrypt::<Sha256>(encrypted_key),
        Oaep::Sha384 => key.oaep_decrypt::<Sha384>(encrypted_key),
        Oaep::Sha512 => key.oaep_decrypt::<Sha512>(encrypted_key),
        #[cfg(test)]
        Oaep::Sha1 => key.oaep_decrypt::<sha1::Sha1>(encrypted_key),
    }
    .map(Zeroizing::new);
    match unwrapped {
        Ok(cek) if cek.len() == enc.cek_len() => Ok(cek),
        _ => random(enc.cek_len()).map_err(|_| JweError::Decrypt),
    }
}

fn split(token: &str) -> Result<[&str; 5], JweError> {
    if token.len() > MAX_TOKEN_LEN {
        return Err(JweError::TooLarge { len: token.len() });
    }
    let token = token.trim_ascii();
    let mut parts = token.split('.');
    let mut out = [""; 5];
    let mut n = 0;
    for part in parts.by_ref().take(5) {
        out[n] = part;
        n += 1;
    }
    let extra = parts.count();
    if n != 5 || extra != 0 {
        let total = n + extra;
        return Err(malformed(if total == 3 {
            "it has 3 parts, like a signed JWT (JWS), not the 5 of a JWE".to_owned()
        } else {
            format!("it has {total} dot-separated parts, not 5")
        }));
    }
    Ok(out)
}

fn decode_header(b64: &str) -> Result<Map<String, Value>, JweError> {
    if b64.is_empty() {
        return Err(malformed("the protected header is empty"));
    }
    let json = decode_part("protected header", b64)?;
    match serde_json::from_slice::<Value>(&json) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(malformed("the protected header is not a JSON object")),
        Err(_) => Err(malformed("the protected header is not JSON")),
    }
}

fn decode_part(what: &str, b64: &str) -> Result<Vec<u8>, JweError> {
    URL_SAFE_NO_PAD
        .decode(b64)
        .map_err(|_| malformed(format!("the {what} is not unpadded base64url")))
}

fn header_str<'h>(header: &'h Map<String, Value>, name: &str) -> Result<&'h str, JweError> {
    match header.get(name) {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(malformed(format!(
            "the header's \"{name}\" is not a string"
        ))),
        None => Err(malformed(format!("the header has no \"{name}\""))),
    }
}

fn random(len: usize) -> Result<Zeroizing<Vec<u8>>, JweError> {
    let mut buf = Zeroizing::new(vec![0u8; len]);
    getrandom::fill(&mut buf).map_err(|e| JweError::Encrypt(format!("no random numbers: {e}")))?;
    Ok(buf)
}

fn malformed(what: impl Into<String>) -> JweError {
    JweError::Malformed(what.into())
}

/// A name or value from the token, shortened if long (the messages quote it with `{:?}`).
fn shorten(s: &str) -> String {
    match s.char_indices().nth(MAX_QUOTED) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::cell::Cell;
    use rsa::BoxedUint;
    use rsa::pkcs8::DecodePrivateKey;
    use serde_json::json;
    use std::sync::OnceLock;

    thread_local! {
        static PRIVATE_KEY_USES: Cell<usize> = const { Cell::new(0) };
    }

    /// Called by `unwrap_cek` in test builds: counts RSA private-key operations on this thread.
    pub(super) fn count_private_key_use() {
        PRIVATE_KEY_USES.with(|c| c.set(c.get() + 1));
    }

    fn private_key_uses() -> usize {
        PRIVATE_KEY_USES.with(Cell::get)
    }

    // Throwaway test keys made for these tests (Node `crypto.generateKeyPairSync`, 2048 bits;
    // the small one 1024 bits). Fixed so the tests need no slow key generation.
    const KEY_A: &str = "-----BEGIN PRIVATE KEY-----\n\
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCV9Bw5HakANl3x\n\
t2CPhtzqBNlJByhFIloI6DecdbSVU70Xf4qVH0MwXs7LPcY8oawf3fmRagePdULI\n\
cgwdLP/XYKY7j5WxRkQWbxL165u2Hl7oBtwTHzAZ/212gQNqmsCACiDpaaiY0vgo\n\
dRCuUbcux15o2ZVkGYMjueace0eRzyq/AwGz/tuHJiY7GCDviY7Ya8uhNngyH5zD\n\
LYLa7Fsi7qvL2MbJlGpgrYe+VW7oLkoaXiraZGjXGQg7TlEBAgQla3gGCJIM+AXD\n\
eQtBTRo/l28ekLBvg7WGBaxJY7tuGZafWMpe3njxSiIs5hvToPpEcN+QPPqql96L\n\
/vqHoIvlAgMBAAECggEAAI3bU1p+i8b8FJcm0Dp/YuVG0a8ANFGfl+m0iPJRxEVq\n\
G1TmSv/9/WOWrxW8MftFDHexpFPkCAx6/9CFAzeRJq0vbQKZyrPhnFbjhqeb0fwI\n\
AIoIE+3iVJbGS4ji6yotCsM8GIR2NtT/pIIev4sY44bi2IBofEp6A638QrLRCF5L\n\
Jv+CZo0ilj1P2h7766zENNivGv0c3mgCyuNSwOqGdQP1Gw8DD+VlLXEhlsRdDgMn\n\
jbzFAx+TVRO9p/7WX0ML1Ql83PJNvSPMOkkFmkcZFW4V/m4+bxnfRpPgVCBwwSOE\n\
hWW10jeLpJmg3jSRbqXP5b+rkRO2340bX/rHKr07cQKBgQDUBIY7hQPFWF8v7KoC\n\
w9qdx3PgTzSlSuL0n+CGij0NhVr29tC1W/Ng36tx70YYnZLFhQ8irPBHAxeS1F5o\n\
yjo3EL0f0q9OmDjtLaXWaAL/ZHlOFzy3fEZ8vbDBBvHQeMz6jJPJwbSoti5TYt38\n\
GlkcrorpSB1bNrPOa0j8ptlmzQKBgQC1D5b+MEgBPdRH820eNH5AS0dieSV52pQD\n\
lzJJJh5tu/N0vT849nwhgUQ+G3GKL1o/aj76y90neCqbI5h36hKKEl/67C4+0LHS\n\
BeQO2VYGdgXUX8qHZrhO/Si5AyFnM/DEzchEzchuQPv2AjxqXfgQ4PITw6vZOGyM\n\
Bv/3TcjJeQKBgAMhrfnjFRMtIvrKPBieW/RIpeWCRfzLBl8mnWJfWFeCyL0tGBgV\n\
q5qasyWTqy1h5nEUbgzNER97ZDW+/UX+9q0piiGWMxCuHukh63knQCQVj9Ufcr4j\n\
D8d35cx0Fc5GeoCY4vXv7oMvba+9nhnDKd3KljKr5gMa470AyKsyq7NhAoGALE+3\n\
bVgVlzAxjrZVgynnqAaEXuY1NMA4rzRGmz5X/hUcfPp/yYoRUQXY1LZUsDPsi06O\n\
QUS5SBqRmsw4WUiQ5veeQ8OfgcIDctn8OWIZOpWR0arr3v1VqAcu+zB38VD14MRX\n\
+fa+0bTXtRpQ/NsohcD3nbyqhwvXDOH9rOF9fUkCgYEAnRzrxd8ZAixS/HVfHnKr\n\
pyuQkrGCPUsmP2fnSxO10QM5ThQBeNAgFv/St964/SReSkGwDTiTENniAt9MBk0X\n\
hVbtQfUmSpqX++a+qs4dvr/ViJ1lJnuIQ9JZDC0EVT460cKlss4TrmjOfKRyOF8S\n\
BlF3/7tzfBQ9c4JAkoix318=\n\
-----END PRIVATE KEY-----";
    const KEY_B: &str = "-----BEGIN PRIVATE KEY-----\n\
MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQCfYxPx8B2GPSPF\n\
hYLqtWQ7pfCGFHfCB30KNtIJiNSsJtSPIIwhvI5rCTfzDd8l6TTqIznCLWtoQSa7\n\
NvpUdPDmGVgoDQaotpeYPJYFg4ID8ruLOTzvOpUPbsMvowXqa0pqkPZnIiEjWqTr\n\
nCFaWi6PCcwfyyPWphYMhl/9ho1RoGRMmAWfKzkd2xCt4uwcZ0RVGuAw9Fr7NHlQ\n\
j27O27IpnlMUYvD/+n1hvwqcm+ryDFvM9QMw8qk4dQpaIAxIwCLHNoK0lTNnEw24\n\
XPKetKqPtpdJ+vd0jY7l6BbgqCUfawizmDCxiEP1qewy8n+XLQJ8a/W3zgjNPdyP\n\
oQNX7xI/AgMBAAECggEAD2zQxNTWnqOzHw4NPfbBFQ65qNg5QNNltAPbLuYJowF9\n\
B78AING1PMGfIwwgIPShVNmE4PhxUR0hCPRIpLzOhY5FXFbqYpCNOkP+xtjTz9sB\n\
cHdhIMvcGiq/hBA0ZdvtT0PpPNDuQRQoKs8o4SwiHmC12wvXU5IuRxcIGiqX6aLD\n\
a/UqMY2kn6jVCpPSe0qAK+/Yx26YsQkoMz9JVkBN/+hcqErZm1RJJg7gd2xWgAWg\n\
SRVnsWvjjYt/kTthDg2kaBvMWLGkYaiQlgsWnrGRpnxKi+v55w90fjLZpcOXjvw+\n\
0Xw7bTVWK0RI5qZa9sqqmkQyCZGTXohBr6BigBefDQKBgQDZ/s3KqVZqSfnCBjJ3\n\
ycVje8O7yjKEPeNQtdGn9fEOSzGEUQRYaOuuCVGUh4vn1Yjo7+r767p0K1KYnl7t\n\
tVnuGnmqIBEMocjbR8pB1VzQTkOO5+z3i75E11F93d0QfChp9gnu0LxCPY22xQ7Q\n\
pHfnVFduyFS4PkNLXdgc/PVEmwKBgQC7LJFp7v8UpI6D7/bN17A/uU/ZF/lu8RFq\n\
nxSxvHSHZ5U1QgHJR8URfGPAyAnR0GeWB+/cvDSOMeH13xLnGZ4CO0Uh29uNvmkB\n\
CBEuM7YV3nuHHPPz4T9anqDvzl9rouJ79W+LgIBPwZO8YmVYAEOXJz2fycVHl/l9\n\
HmhoZ5q5LQKBgQDCMT8HsxPc+Ws5ESYyGZbyCVWS2wtnTG5L/rv2gJutXQSOV1Gk\n\
pEqWrYxz4M+bxVgCEX9lzVc6l0Er3aC45t1mw0TwbUJi21g/JtOhE71rftyl2Cr7\n\
Vgw37QuWMWb1gXTK97dfe6jI5WZxk1egO3LoqvR8Jo951VVDNSUIpbqj0wKBgQCF\n\
wKNo/9Bn/++XeLL1BVx9LP9SMz+bd8jqWCOBnxnmaK7HEBQWsaKxjCH8cPYTaMmc\n\
/K77HcKwmhTOjkoDutqe3ZvZRjLuZ1LB2fHtAibsGcBMHPR3Ik8TgqeeteqaEBuo\n\
WQsMtRb752ibBfVFnWqvaOswdA71yjQOpNwXP3HhQQKBgQCKPSGcDqbxKpFhjhvQ\n\
BR7HKfF8lvyr3XHCTb2itxzo9jdMEzmCoCh32lg8sC+c0ZuLk9zkRtMXv8hXtUdC\n\
9AwDZkUBL+0+2mUVYCls8Uvcv20eot6KOi9YKaw1mX97yIZdFp+zDzpSpN03kBFj\n\
c3fIyIItszJwL0WW3v9UUF+DcA==\n\
-----END PRIVATE KEY-----";
    const KEY_1024: &str = "-----BEGIN PRIVATE KEY-----\n\
MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBANOp6oiU7VI6gm+o\n\
tiIl0wJ7MeaqwaeIwX/jBW7HI66uEqs/pBuR0C06mUF6uPv/k65jGu6+unvx8Bvb\n\
QSL+sTyX4seB3pfNuq6EonrVEVrXGxcESWJs9B6Qg1USeQmood5BwUrpDtuQVobr\n\
MnSBxFIlLVLtTjt5fqgPY745jfkTAgMBAAECgYAyR5q+9yGo9t0lSR563iFR5ZHl\n\
CYsXERVmG7eeqQ+A3zjwFR4WrnyVQeZF97EZq4yZUFGFhSknaEFxXJQMjBPtsiGM\n\
460o4JpCZmpm2v+DKuHrQ1REXx94qNvd7jW1Assg7AnaKn5pOmeFLB7AbJNVTeiw\n\
eLxTJKs+dIHNqw0mAQJBAPZfEMXPzMc4QZyJlbGJZm76zHhNGOPzScQBhEXfJU6e\n\
jkBkLHb97inRGQ84zQSYEXIQvabLKa0c0OEWz2ks3UMCQQDb75o7wtAPqqGEK57N\n\
INki2KA7e8QV9rSQLpAsT6TNxrzP/HUyx7kpNKnJflC91akhpfMuGJSLbAzbroI0\n\
Lk/xAkEAmsfMzMmpGDvSlJqnbdspfG2aCbY9/e+5lydwx0jSslrQecm1WahceO8B\n\
tFt2Cf3Tb/ruexxF+ZkR7WecNLJX6wJAehWfvMqgKgIilDaOePlh7tjm4P4L09FV\n\
W6+tMhuntN470wwllmGNY9Uq5oFqmmXu85Gl0pGsa1Q4Mv3EouiOUQJBAOdEOzxq\n\
VnwFD3bsUZdJ39eI2u6bZu542a+TYg0DOaNlNxVNz/3YsGDA+92LsXijEnnmEC0X\n\
/+idO99iSYhh58A=\n\
-----END PRIVATE KEY-----";

    fn key_a() -> &'static PrivateKey {
        static K: OnceLock<PrivateKey> = OnceLock::new();
        K.get_or_init(|| PrivateKey::from_pkcs8_pem(KEY_A).unwrap())
    }

    fn key_b() -> &'static PrivateKey {
        static K: OnceLock<PrivateKey> = OnceLock::new();
        K.get_or_init(|| PrivateKey::from_pkcs8_pem(KEY_B).unwrap())
    }

    fn b64(bytes: &[u8]) -> String {
        URL_SAFE_NO_PAD.encode(bytes)
    }

    fn okta_header() -> Map<String, Value> {
        let Value::Object(m) = json!({"kid": "k1", "cty": "JWT"}) else {
            unreachable!()
        };
        m
    }

    fn mint(alg: KeyAlg, enc: ContentEnc, plaintext: &[u8]) -> String {
        encrypt(plaintext, key_a().as_ref(), alg, enc, okta_header()).unwrap()
    }

    /// Replaces part `i` of a token.
    fn with_part(token: &str, i: usize, part: &str) -> String {
        let mut parts: Vec<&str> = token.split('.').collect();
        parts[i] = part;
        parts.join(".")
    }

    /// Flips one bit of the decoded part `i`.
    fn flip(token: &str, i: usize, byte: usize) -> String {
        let parts: Vec<&str> = token.split('.').collect();
        let mut raw = URL_SAFE_NO_PAD.decode(parts[i]).unwrap();
        raw[byte] ^= 0x01;
        with_part(token, i, &b64(&raw))
    }

    fn header_part(h: &Value) -> String {
        b64(h.to_string().as_bytes())
    }

    /// A token with this header and plausible parts (a real encrypted key and tag lengths).
    fn token_with_header(h: &Value) -> String {
        let good = mint(KeyAlg::RsaOaep256, ContentEnc::A256Gcm, b"x");
        with_part(&good, 0, &header_part(h))
    }

    #[test]
    fn every_pair_round_trips() {
        for alg in KeyAlg::ALL {
            for enc in ContentEnc::ALL {
                let plaintext =
                    format!("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ7YWxnfS97ZW5jfSJ9.sig-{alg}-{enc}");
                let token = mint(alg, enc, plaintext.as_bytes());
                let header = parse_header(&token).unwrap();
                assert_eq!(header["alg"], alg.as_str());
                assert_eq!(header["enc"], enc.as_str());
                assert_eq!(header["kid"], "k1");
                assert_eq!(header["cty"], "JWT");
                assert_eq!(header.len(), 4);
                let d = decrypt(&token, key_a()).unwrap();
                assert_eq!(d.plaintext.as_slice(), plaintext.as_bytes(), "{alg} {enc}");
                assert_eq!((d.alg, d.enc), (alg, enc));
                assert_eq!(d.header, header);
                // Empty and multi-block plaintexts too.
                for p in [&b""[..], &[0x5a; 1000][..]] {
                    let t = mint(alg, enc, p);
                    assert_eq!(decrypt(&t, key_a()).unwrap().plaintext.as_slice(), p);
                }
            }
        }
    }

    #[test]
    fn each_token_has_a_fresh_cek_and_iv() {
        let t1 = mint(KeyAlg::RsaOaep256, ContentEnc::A256Gcm, b"same");
        let t2 = mint(KeyAlg::RsaOaep256, ContentEnc::A256Gcm, b"same");
        let (p1, p2): (Vec<&str>, Vec<&str>) = (t1.split('.').collect(), t2.split('.').collect());
        assert_eq!(p1[0], p2[0]);
        for i in 1..5 {
            assert_ne!(p1[i], p2[i], "part {i} repeated");
        }
    }

    #[test]
    fn names_parse_and_print() {
        for alg in KeyAlg::ALL {
            assert_eq!(alg.as_str().parse::<KeyAlg>().unwrap(), alg);
            assert_eq!(alg.to_string(), alg.as_str());
        }
        for enc in ContentEnc::ALL {
            assert_eq!(enc.as_str().parse::<ContentEnc>().unwrap(), enc);
            assert_eq!(enc.to_string(), enc.as_str());
        }
        // Case-sensitive (RFC 7515 §4.1.1).
        assert_eq!(
            "rsa-oaep-256".parse::<KeyAlg>(),
            Err(JweError::UnsupportedAlg("rsa-oaep-256".into()))
        );
        assert_eq!(
            "a256gcm".parse::<ContentEnc>(),
            Err(JweError::UnsupportedEnc("a256gcm".into()))
        );
    }

    #[test]
    fn refused_algs_are_named_and_refused_before_the_private_key_is_used() {
        let before = private_key_uses();
        for alg in [
            "RSA1_5",
            "RSA-OAEP",
            "dir",
            "A128KW",
            "A192KW",
            "A256KW",
            "A256GCMKW",
            "ECDH-ES",
            "ECDH-ES+A256KW",
            "PBES2-HS256+A128KW",
            "none",
            "RS256",
            "RSA-OAEP-1024",
            "",
        ] {
            let token = token_with_header(&json!({"alg": alg, "enc": "A256GCM"}));
            let err = decrypt(&token, key_a()).unwrap_err();
            assert_eq!(err, JweError::UnsupportedAlg(alg.into()));
            let msg = err.to_string();
            assert!(msg.contains(&format!("{alg:?}")), "{msg}");
            assert!(msg.contains("RSA-OAEP-256"), "{msg}");
            // parse_header still reads it (to report what the token asks for).
            assert_eq!(parse_header(&token).unwrap()["alg"], alg);
        }
        // `dir` and ECDH-ES tokens have an empty encrypted key: still refused by alg.
        let dir = with_part(
            &token_with_header(&json!({"alg": "dir", "enc": "A256GCM"})),
            1,
            "",
        );
        assert_eq!(
            decrypt(&dir, key_a()).err(),
            Some(JweError::UnsupportedAlg("dir".into()))
        );
        assert!(
            JweError::UnsupportedAlg("RSA1_5".into())
                .to_string()
                .contains("RSAES-PKCS1-v1_5 is refused")
        );
        assert!(
            JweError::UnsupportedAlg("RSA-OAEP".into())
                .to_string()
                .contains("SHA-1")
        );
        // Missing or non-string alg.
        for h in [
            json!({"enc": "A256GCM"}),
            json!({"alg": 1, "enc": "A256GCM"}),
            json!({"alg": null, "enc": "A256GCM"}),
        ] {
            assert!(matches!(
                decrypt(&token_with_header(&h), key_a()).err(),
                Some(JweError::Malformed(_))
            ));
        }
        // A long name is shortened in the error.
        let long = "X".repeat(1000);
        let Err(JweError::UnsupportedAlg(shown)) = decrypt(
            &token_with_header(&json!({"alg": long, "enc": "A256GCM"})),
            key_a(),
        ) else {
            panic!("not refused")
        };
        assert!(shown.chars().count() <= MAX_QUOTED + 1);
        assert_eq!(
            private_key_uses(),
            before,
            "a refused token used the private key"
        );
    }

    #[test]
    fn rfc7516_a2_rsa1_5_token_is_refused() {
        // RFC 7516 Appendix A.2.7, complete representation (as in authlib/joserfc
        // tests/jwe/test_compact_examples.py test_A2).
        let a2 = concat!(
            "eyJhbGciOiJSU0ExXzUiLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0.",
            "UGhIOguC7IuEvf_NPVaXsGMoLOmwvc1GyqlIKOK1nN94nHPoltGRhWhw7Zx0-kFm",
            "1NJn8LE9XShH59_i8J0PH5ZZyNfGy2xGdULU7sHNF6Gp2vPLgNZ__deLKxGHZ7Pc",
            "HALUzoOegEI-8E66jX2E4zyJKx-YxzZIItRzC5hlRirb6Y5Cl_p-ko3YvkkysZIF",
            "NPccxRU7qve1WYPxqbb2Yw8kZqa2rMWI5ng8OtvzlV7elprCbuPhcCdZ6XDP0_F8",
            "rkXds2vE4X-ncOIM8hAYHHi29NX0mcKiRaD0-D-ljQTP-cFPgwCp6X-nZZd9OHBv",
            "-B3oWh2TbqmScqXMR4gp_A.",
            "AxY8DCtDaGlsbGljb3RoZQ.",
            "KDlTtXchhZTGufMYmOYGS4HffxPSUrfmqCHXaI9wOGY.",
            "9hH0vgRfYgPnAHOd8stkvw"
        );
        let before = private_key_uses();
        assert_eq!(
            decrypt(a2, key_a()).err(),
            Some(JweError::UnsupportedAlg("RSA1_5".into()))
        );
        assert_eq!(private_key_uses(), before);
    }

    #[test]
    fn refused_encs() {
        let before = private_key_uses();
        for enc in [
            "A128KW",
            "A256CBC",
            "A256CBC-HS256",
            "XC20P",
            "C20P",
            "a256gcm",
            "",
        ] {
            let token = token_with_header(&json!({"alg": "RSA-OAEP-256", "enc": enc}));
            let err = decrypt(&token, key_a()).unwrap_err();
            assert_eq!(err, JweError::UnsupportedEnc(enc.into()));
            assert!(err.to_string().contains(&format!("{enc:?}")));
        }
        for h in [
            json!({"alg": "RSA-OAEP-256"}),
            json!({"alg": "RSA-OAEP-256", "enc": ["A256GCM"]}),
        ] {
            assert!(matches!(
                decrypt(&token_with_header(&h), key_a()).err(),
                Some(JweError::Malformed(_))
            ));
        }
        assert_eq!(private_key_uses(), before);
    }

    #[test]
    fn zip_and_crit_are_refused_before_the_private_key_is_used() {
        let before = private_key_uses();
        let zip =
            token_with_header(&json!({"alg": "RSA-OAEP-256", "enc": "A256GCM", "zip": "DEF"}));
        let err = decrypt(&zip, key_a()).unwrap_err();
        assert_eq!(err, JweError::Compressed("\"DEF\"".into()));
        assert!(err.to_string().contains("compressed"), "{err}");
        for crit in [json!(["exp"]), json!([]), json!("b64")] {
            let token = token_with_header(
                &json!({"alg": "RSA-OAEP-256", "enc": "A256GCM", "crit": crit, "exp": 1}),
            );
            assert_eq!(
                decrypt(&token, key_a()).err(),
                Some(JweError::Critical(crit.to_string()))
            );
        }
        assert_eq!(private_key_uses(), before);
        // encrypt will not make them either.
        for reserved in ["alg", "enc", "zip", "crit"] {
            let mut extra = okta_header();
            extra.insert(reserved.into(), json!("x"));
            let err = encrypt(
                b"p",
                key_a().as_ref(),
                KeyAlg::RsaOaep256,
                ContentEnc::A256Gcm,
                extra,
            )
            .unwrap_err();
            assert!(
                matches!(err, JweError::Encrypt(ref m) if m.contains(reserved)),
                "{err}"
            );
        }
    }

    #[test]
    fn malformed_tokens() {
        let good = mint(KeyAlg::RsaOaep256, ContentEnc::A128CbcHs256, b"payload");
        let parts: Vec<&str> = good.split('.').collect();
        let before = private_key_uses();
        let cases: Vec<(&str, String)> = vec![
            ("empty", String::new()),
            ("only dots", "....".into()),
            ("JWS", parts[..3].join(".")),
            ("4 parts", parts[..4].join(".")),
            ("6 parts", format!("{good}.AAAA")),
            ("6 parts, empty last", format!("{good}.")),
            ("empty header", with_part(&good, 0, "")),
            ("empty encrypted key", with_part(&good, 1, "")),
            ("empty IV", with_part(&good, 2, "")),
            ("empty tag", with_part(&good, 4, "")),
            (
                "padded header",
                with_part(&good, 0, &format!("{}=", parts[0])),
            ),
            (
                "standard alphabet",
                with_part(&good, 1, &parts[1].replace('-', "+").replace('_', "/")),
            ),
            (
                "bad char",
                with_part(&good, 3, &format!("{}*", &parts[3][1..])),
            ),
            (
                "inner space",
                with_part(&good, 2, &format!("{} ", &parts[2][..parts[2].len() - 1])),
            ),
            (
                "non-canonical trailing bits",
                with_part(&good, 4, &format!("{}B", &parts[4][..parts[4].len() - 1])),
            ),
            ("header not JSON", with_part(&good, 0, &b64(b"not json"))),
            ("header an array", with_part(&good, 0, &b64(b"[\"alg\"]"))),
            ("short IV", flip_len(&good, 2, -1)),
            ("long tag", flip_len(&good, 4, 1)),
            ("short tag", flip_len(&good, 4, -1)),
        ];
        for (name, token) in cases {
            let err = decrypt(&token, key_a()).unwrap_err();
            assert!(matches!(err, JweError::Malformed(_)), "{name}: {err:?}");
            assert!(
                err.to_string()
                    .starts_with("the token is not a compact JWE"),
                "{name}"
            );
        }
        assert_eq!(
            private_key_uses(),
            before,
            "a malformed token used the private key"
        );
        // Surrounding whitespace (a pasted token's newline) is fine.
        assert!(decrypt(&format!(" {good}\n"), key_a()).is_ok());
        // A JWS is named as such.
        let jws = decrypt(&parts[..3].join("."), key_a()).unwrap_err();
        assert!(jws.to_string().contains("signed JWT"), "{jws}");
        // CBC ciphertext that is not whole blocks: structurally fine, fails as Decrypt.
        let ct = URL_SAFE_NO_PAD.decode(parts[3]).unwrap();
        let cut = with_part(&good, 3, &b64(&ct[..ct.len() - 1]));
        assert_eq!(decrypt(&cut, key_a()).unwrap_err(), JweError::Decrypt);
    }

    /// Makes decoded part `i` one byte longer (+1) or shorter (-1).
    fn flip_len(token: &str, i: usize, delta: i32) -> String {
        let parts: Vec<&str> = token.split('.').collect();
        let mut raw = URL_SAFE_NO_PAD.decode(parts[i]).unwrap();
        if delta > 0 {
            raw.push(0);
        } else {
            raw.pop();
        }
        with_part(token, i, &b64(&raw))
    }

    #[test]
    fn oversize_tokens_are_refused_before_parsing() {
        let huge = "a".repeat(MAX_TOKEN_LEN + 1);
        assert_eq!(
            decrypt(&huge, key_a()).unwrap_err(),
            JweError::TooLarge {
                len: MAX_TOKEN_LEN + 1
            }
        );
        assert_eq!(
            parse_header(&huge).unwrap_err(),
            JweError::TooLarge {
                len: MAX_TOKEN_LEN + 1
            }
        );
        // At the limit it is parsed (and found malformed here).
        let at = "a".repeat(MAX_TOKEN_LEN);
        assert!(matches!(
            decrypt(&at, key_a()).err(),
            Some(JweError::Malformed(_))
        ));
        // A real token just over the limit (large ciphertext) is refused by size.
        let big = mint(
            KeyAlg::RsaOaep256,
            ContentEnc::A256Gcm,
            &vec![b'x'; 190_000],
        );
        assert!(big.len() <= MAX_TOKEN_LEN);
        assert!(decrypt(&big, key_a()).is_ok());
        let too_big = encrypt(
            &vec![b'x'; MAX_TOKEN_LEN],
            key_a().as_ref(),
            KeyAlg::RsaOaep256,
            ContentEnc::A256Gcm,
            Map::new(),
        );
        assert!(matches!(too_big, Err(JweError::Encrypt(_))));
    }

    #[test]
    fn every_decryption_failure_is_the_same_error() {
        for alg in KeyAlg::ALL {
            for enc in ContentEnc::ALL {
                let good = mint(alg, enc, b"eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
                let tag_len = enc.tag_len();
                let mut other_header = parse_header(&good).unwrap();
                other_header.insert("kid".into(), json!("k2"));
                let cases = [
                    ("wrong key", decrypt(&good, key_b())),
                    ("tag first bit", decrypt(&flip(&good, 4, 0), key_a())),
                    (
                        "tag last bit",
                        decrypt(&flip(&good, 4, tag_len - 1), key_a()),
                    ),
                    ("ciphertext", decrypt(&flip(&good, 3, 0), key_a())),
                    ("iv", decrypt(&flip(&good, 2, 0), key_a())),
                    (
                        "encrypted key (bad OAEP)",
                        decrypt(&flip(&good, 1, 10), key_a()),
                    ),
                    (
                        "encrypted key too short",
                        decrypt(&flip_len(&good, 1, -1), key_a()),
                    ),
                    (
                        "header (AAD) changed",
                        decrypt(
                            &with_part(&good, 0, &header_part(&Value::Object(other_header))),
                            key_a(),
                        ),
                    ),
                ];
                for (name, result) in cases {
                    let err = result.unwrap_err();
                    assert_eq!(err, JweError::Decrypt, "{alg} {enc} {name}");
                    assert_eq!(err.to_string(), "the token does not decrypt with this key");
                }
            }
        }
    }

    /// A token whose RSA-wrapped CEK is `cek` (any length), content sealed with `content_key`.
    fn mint_raw(alg: KeyAlg, enc: ContentEnc, cek: &[u8], content_key: &[u8]) -> String {
        let h = header_part(&json!({"alg": alg.as_str(), "enc": enc.as_str()}));
        let key = key_a().to_public_key();
        let ek = match alg {
            KeyAlg::RsaOaep256 => key.oaep_encrypt::<Sha256>(cek),
            KeyAlg::RsaOaep384 => key.oaep_encrypt::<Sha384>(cek),
            KeyAlg::RsaOaep512 => key.oaep_encrypt::<Sha512>(cek),
        }
        .unwrap();
        let iv = vec![9u8; enc.iv_len()];
        let ck = if content_key.len() == enc.cek_len() {
            content_key.to_vec()
        } else {
            // Content sealed with the CEK padded/cut to size: "almost" the wrapped key.
            let mut k = content_key.to_vec();
            k.resize(enc.cek_len(), 0);
            k
        };
        let s = content::seal(enc, &ck, &iv, h.as_bytes(), b"secret").unwrap();
        [h, b64(&ek), b64(&iv), b64(&s.ciphertext), b64(&s.tag)].join(".")
    }

    #[test]
    fn a_cek_of_the_wrong_length_is_the_same_error() {
        // The raw builder itself works when the lengths are right.
        let right = vec![3u8; 32];
        let ok = mint_raw(KeyAlg::RsaOaep256, ContentEnc::A256Gcm, &right, &right);
        assert_eq!(
            decrypt(&ok, key_a()).unwrap().plaintext.as_slice(),
            b"secret"
        );
        for enc in ContentEnc::ALL {
            for len in [0, 1, 16, 24, 32, 48, 64, 65] {
                if len == enc.cek_len() {
                    continue;
                }
                let cek = vec![3u8; len];
                let token = mint_raw(KeyAlg::RsaOaep256, enc, &cek, &cek);
                assert_eq!(
                    decrypt(&token, key_a()).unwrap_err(),
                    JweError::Decrypt,
                    "{enc} {len}"
                );
            }
        }
        // The key wrapped with one OAEP hash, the header naming another.
        let cek = vec![3u8; 32];
        let token = mint_raw(KeyAlg::RsaOaep384, ContentEnc::A256Gcm, &cek, &cek);
        let relabelled = with_part(
            &token,
            0,
            &header_part(&json!({"alg": "RSA-OAEP-256", "enc": "A256GCM"})),
        );
        assert_eq!(
            decrypt(&relabelled, key_a()).unwrap_err(),
            JweError::Decrypt
        );
    }

    #[test]
    fn a_key_too_small_for_the_algorithms_cannot_encrypt() {
        let small = PrivateKey::from_pkcs8_pem(KEY_1024).unwrap();
        // 1024-bit: OAEP-512 leaves 128 - 2*64 - 2 < 0 bytes of room.
        let err = encrypt(
            b"p",
            small.as_ref(),
            KeyAlg::RsaOaep512,
            ContentEnc::A256CbcHs512,
            Map::new(),
        )
        .unwrap_err();
        assert!(matches!(err, JweError::Encrypt(_)), "{err:?}");
        assert!(err.to_string().contains("RSA-OAEP-512"), "{err}");
        // OAEP-256 fits (128 - 66 = 62 bytes >= 32).
        let t = encrypt(
            b"p",
            small.as_ref(),
            KeyAlg::RsaOaep256,
            ContentEnc::A256Gcm,
            Map::new(),
        )
        .unwrap();
        assert_eq!(decrypt(&t, &small).unwrap().plaintext.as_slice(), b"p");
    }

    fn jwk_uint(b64url: &str) -> BoxedUint {
        BoxedUint::from_be_slice_vartime(&URL_SAFE_NO_PAD.decode(b64url).unwrap())
    }

    /// RFC 7516 Appendix A.1.3's RSA key (as in authlib/joserfc tests/keys/RFC7516-A.1.3.json).
    fn rfc7516_a1_key() -> PrivateKey {
        let n = "oahUIoWw0K0usKNuOR6H4wkf4oBUXHTxRvgb48E-BVvxkeDNjbC4he8rUWcJoZmds2h7M70imEVhRU5djINXtqllXI4DFqcI1DgjT9LewND8MW2Krf3Spsk_ZkoFnilakGygTwpZ3uesH-PFABNIUYpOiN15dsQRkgr0vEhxN92i2asbOenSZeyaxziK72UwxrrKoExv6kc5twXTq4h-QChLOln0_mtUZwfsRaMStPs6mS6XrgxnxbWhojf663tuEQueGC-FCMfra36C9knDFGzKsNa7LZK2djYgyD3JR_MB_4NUJW_TqOQtwHYbxevoJArm-L5StowjzGy-_bq6Gw";
        let d = "kLdtIj6GbDks_ApCSTYQtelcNttlKiOyPzMrXHeI-yk1F7-kpDxY4-WY5NWV5KntaEeXS1j82E375xxhWMHXyvjYecPT9fpwR_M9gV8n9Hrh2anTpTD93Dt62ypW3yDsJzBnTnrYu1iwWRgBKrEYY46qAZIrA2xAwnm2X7uGR1hghkqDp0Vqj3kbSCz1XyfCs6_LehBwtxHIyh8Ripy40p24moOAbgxVw3rxT_vlt3UVe4WO3JkJOzlpUf-KTVI2Ptgm-dARxTEtE-id-4OJr0h-K-VFs3VSndVTIznSxfyrj8ILL6MG_Uv8YAu7VILSB3lOW085-4qE3DzgrTjgyQ";
        let p = "1r52Xk46c-LsfB5P442p7atdPUrxQSy4mti_tZI3Mgf2EuFVbUoDBvaRQ-SWxkbkmoEzL7JXroSBjSrK3YIQgYdMgyAEPTPjXv_hI2_1eTSPVZfzL0lffNn03IXqWF5MDFuoUYE0hzb2vhrlN_rKrbfDIwUbTrjjgieRbwC6Cl0";
        let q = "wLb35x7hmQWZsWJmB_vle87ihgZ19S8lBEROLIsZG4ayZVe9Hi9gDVCOBmUDdaDYVTSNx_8Fyw1YYa9XGrGnDew00J28cRUoeBB_jKI1oma0Orv1T9aXIWxKwd4gvxFImOWr3QRL9KEBRzk2RatUBnmDZJTIAfwTs0g68UZHvtc";
        PrivateKey::from_components(
            jwk_uint(n),
            jwk_uint("AQAB"),
            jwk_uint(d),
            vec![jwk_uint(p), jwk_uint(q)],
        )
        .unwrap()
    }

    // RFC 7516 Appendix A.1.7, complete representation (alg RSA-OAEP, i.e. SHA-1; enc A256GCM).
    const RFC7516_A1: &str = concat!(
        "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.",
        "OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe",
        "ipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDb",
        "Sv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaV",
        "mqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je8",
        "1860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi",
        "6UklfCpIMfIjf7iGdXKHzg.",
        "48V1_ALb6US04U3b.",
        "5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6ji",
        "SdiwkIr3ajwQzaBtQD_A.",
        "XFBoMYUZodetZdvTiFvSkQ"
    );

    #[test]
    fn rfc7516_a1_compact_parts_match() {
        let parts: Vec<&str> = RFC7516_A1.split('.').collect();
        assert_eq!(parts[0].as_bytes(), content::tests::A1_AAD);
        assert_eq!(
            URL_SAFE_NO_PAD.decode(parts[2]).unwrap(),
            content::tests::A1_IV
        );
        assert_eq!(
            URL_SAFE_NO_PAD.decode(parts[3]).unwrap(),
            content::tests::A1_CIPHERTEXT
        );
        assert_eq!(
            URL_SAFE_NO_PAD.decode(parts[4]).unwrap(),
            content::tests::A1_TAG
        );
    }

    #[test]
    fn rfc7516_a1_decrypts_end_to_end_with_test_only_sha1_oaep() {
        let key = rfc7516_a1_key();
        // The RSA step: the A.1.3 encrypted key unwraps to the A.1.2 CEK.
        let ek = URL_SAFE_NO_PAD
            .decode(RFC7516_A1.split('.').nth(1).unwrap())
            .unwrap();
        let cek = unwrap_cek(&key, Oaep::Sha1, &ek, ContentEnc::A256Gcm).unwrap();
        assert_eq!(cek.as_slice(), content::tests::A1_CEK);
        // The whole token, through the same code as `decrypt` but allowing SHA-1.
        let d = decrypt_with(RFC7516_A1, &key, Policy::RfcA1).unwrap();
        assert_eq!(d.plaintext.as_slice(), content::tests::A1_PLAINTEXT);
        assert_eq!(d.header["alg"], "RSA-OAEP");
        // The public entry point refuses it, without touching the key.
        let before = private_key_uses();
        assert_eq!(
            decrypt(RFC7516_A1, &key).err(),
            Some(JweError::UnsupportedAlg("RSA-OAEP".into()))
        );
        assert_eq!(private_key_uses(), before);
        // And with the wrong key it is the usual error.
        assert_eq!(
            decrypt_with(RFC7516_A1, key_a(), Policy::RfcA1).unwrap_err(),
            JweError::Decrypt
        );
    }

    #[test]
    fn debug_output_leaves_the_plaintext_out() {
        let token = mint(
            KeyAlg::RsaOaep256,
            ContentEnc::A256Gcm,
            b"very-secret-claims",
        );
        let d = decrypt(&token, key_a()).unwrap();
        let shown = format!("{d:?}");
        assert!(!shown.contains("very-secret"), "{shown}");
        assert!(shown.contains("<18 bytes>"), "{shown}");
    }

    #[test]
    fn parse_header_needs_no_key() {
        let token = mint(KeyAlg::RsaOaep512, ContentEnc::A192Gcm, b"x");
        let h = parse_header(&token).unwrap();
        assert_eq!(h["kid"], "k1");
        assert_eq!(h["alg"], "RSA-OAEP-512");
        assert_eq!(h["enc"], "A192GCM");
        assert!(matches!(parse_header("a.b.c"), Err(JweError::Malformed(_))));
        assert!(matches!(
            parse_header("!!.a.b.c.d"),
            Err(JweError::Malformed(_))
        ));
    }
}
