//! Batch JWE encrypt/decrypt over stdin/stdout JSON, for the interop checks in `interop/`.
//!
//! ```text
//! jwe_tool encrypt --key PUBLIC_OR_PRIVATE_KEY_FILE < cases.json > tokens.json
//!     cases:  [{"name", "alg", "enc", "plaintext", "kid"?}, ...]
//!     output: the same objects plus "token" (or "error")
//! jwe_tool decrypt --key PRIVATE_KEY_FILE < tokens.json > results.json
//!     input:  [{"name", "token", ...}, ...]
//!     output: the same objects plus "result": {"ok": true, "plaintext", "header"}
//!             or {"ok": false, "kind", "error"}
//! ```
//!
//! A key file is a JWK (JSON object: `n`, `e`, and `d`, `p`, `q` for a private key) or PEM
//! (PKCS#8 `PRIVATE KEY`, SPKI `PUBLIC KEY`, or PKCS#1 `RSA PRIVATE KEY` / `RSA PUBLIC KEY`).

use std::io::Read as _;
use std::process::ExitCode;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use keymaterial::jwe::{self as j, ContentEnc, JweError, KeyAlg};
use rsa::pkcs1::{DecodeRsaPrivateKey as _, DecodeRsaPublicKey as _};
use rsa::pkcs8::{DecodePrivateKey as _, DecodePublicKey as _};
use rsa::{BoxedUint, PrivateKey, PublicKey};
use serde_json::{Map, Value, json};

enum Key {
    Private(Box<PrivateKey>),
    Public(PublicKey),
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jwe_tool: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, key_file) = match args.as_slice() {
        [mode, flag, file] if flag == "--key" => (mode.as_str(), file.as_str()),
        _ => return Err("usage: jwe_tool encrypt|decrypt --key FILE < in.json > out.json".into()),
    };
    let key = load_key(key_file)?;
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .map_err(|e| format!("reading stdin: {e}"))?;
    let items: Vec<Map<String, Value>> = serde_json::from_str(&input)
        .map_err(|e| format!("stdin is not a JSON array of objects: {e}"))?;
    let out: Vec<Value> = match mode {
        "encrypt" => {
            let public = match &key {
                Key::Private(k) => k.to_public_key(),
                Key::Public(k) => k.clone(),
            };
            items
                .into_iter()
                .map(|item| encrypt_one(&public, item))
                .collect::<Result<_, _>>()?
        }
        "decrypt" => {
            let Key::Private(private) = &key else {
                return Err("decrypt needs a private key".into());
            };
            items
                .into_iter()
                .map(|item| decrypt_one(private, item))
                .collect::<Result<_, _>>()?
        }
        other => return Err(format!("unknown mode {other:?}")),
    };
    println!("{}", Value::Array(out));
    Ok(())
}

fn field<'a>(item: &'a Map<String, Value>, name: &str) -> Result<&'a str, String> {
    item.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("an item has no string {name:?}"))
}

fn encrypt_one(key: &PublicKey, mut item: Map<String, Value>) -> Result<Value, String> {
    let alg: KeyAlg = field(&item, "alg")?
        .parse()
        .map_err(|e: JweError| e.to_string())?;
    let enc: ContentEnc = field(&item, "enc")?
        .parse()
        .map_err(|e: JweError| e.to_string())?;
    let mut extra = Map::new();
    extra.insert("cty".into(), json!("JWT"));
    if let Some(kid) = item.get("kid") {
        extra.insert("kid".into(), kid.clone());
    }
    match j::encrypt(field(&item, "plaintext")?.as_bytes(), key, alg, enc, extra) {
        Ok(token) => item.insert("token".into(), json!(token)),
        Err(e) => item.insert("error".into(), json!(e.to_string())),
    };
    Ok(Value::Object(item))
}

fn decrypt_one(key: &PrivateKey, mut item: Map<String, Value>) -> Result<Value, String> {
    let result = match j::decrypt(field(&item, "token")?, key) {
        Ok(d) => json!({
            "ok": true,
            "plaintext": String::from_utf8_lossy(&d.plaintext),
            "header": d.header,
        }),
        Err(e) => json!({"ok": false, "kind": kind(&e), "error": e.to_string()}),
    };
    item.insert("result".into(), result);
    Ok(Value::Object(item))
}

fn kind(e: &JweError) -> &'static str {
    match e {
        JweError::TooLarge { .. } => "TooLarge",
        JweError::Malformed(_) => "Malformed",
        JweError::UnsupportedAlg(_) => "UnsupportedAlg",
        JweError::UnsupportedEnc(_) => "UnsupportedEnc",
        JweError::Compressed(_) => "Compressed",
        JweError::Critical(_) => "Critical",
        JweError::Decrypt => "Decrypt",
        JweError::Encrypt(_) => "Encrypt",
        _ => "Other",
    }
}

fn load_key(path: &str) -> Result<Key, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("reading {path}: {e}"))?;
    let text = text.trim();
    if text.starts_with('{') {
        let jwk: Map<String, Value> =
            serde_json::from_str(text).map_err(|e| format!("{path}: not a JWK: {e}"))?;
        return jwk_key(&jwk).map_err(|e| format!("{path}: {e}"));
    }
    if let Ok(k) = PrivateKey::from_pkcs8_pem(text) {
        return Ok(Key::Private(Box::new(k)));
    }
    if let Ok(k) = PublicKey::from_public_key_pem(text) {
        return Ok(Key::Public(k));
    }
    if let Ok(k) = PrivateKey::from_pkcs1_pem(text) {
        return Ok(Key::Private(Box::new(k)));
    }
    if let Ok(k) = PublicKey::from_pkcs1_pem(text) {
        return Ok(Key::Public(k));
    }
    Err(format!("{path}: not an RSA key in JWK or PEM form"))
}

fn jwk_key(jwk: &Map<String, Value>) -> Result<Key, String> {
    if jwk.get("kty").and_then(Value::as_str) != Some("RSA") {
        return Err("the JWK's kty is not RSA".into());
    }
    let uint = |name: &str| -> Result<BoxedUint, String> {
        let b64 = jwk
            .get(name)
            .and_then(Value::as_str)
            .ok_or_else(|| format!("the JWK has no {name:?}"))?;
        let bytes = URL_SAFE_NO_PAD
            .decode(b64)
            .map_err(|_| format!("the JWK's {name:?} is not base64url"))?;
        Ok(BoxedUint::from_be_slice_vartime(&bytes))
    };
    let (n, e) = (uint("n")?, uint("e")?);
    if jwk.contains_key("d") {
        let key = PrivateKey::from_components(n, e, uint("d")?, vec![uint("p")?, uint("q")?])
            .map_err(|e| format!("bad private JWK: {e}"))?;
        Ok(Key::Private(Box::new(key)))
    } else {
        Ok(Key::Public(
            PublicKey::new(n, e).map_err(|e| format!("bad public JWK: {e}"))?,
        ))
    }
}
