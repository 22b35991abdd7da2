//! Okta's rules for resource server keys, as pure functions on the state.
//!
//! Each operation takes the state (and, where it changes something, the time and a new
//! id), and returns the key Okta would return or the error Okta would send.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;

use super::errors::{self, OktaError};
use super::model::{AuthServer, Key, State, Status};
use super::servers::{server, server_mut};
use keymaterial::jwk::{MIN_MODULUS_BITS, modulus_bits};

fn position(server: &AuthServer, key_id: &str) -> Result<usize, OktaError> {
    server
        .keys
        .iter()
        .position(|k| k.id == key_id)
        .ok_or_else(|| OktaError::key_not_found(key_id))
}

/// GET …/keys
pub(crate) fn list(state: &State, server_id: &str) -> Result<Vec<Key>, OktaError> {
    Ok(server(state, server_id)?.keys.clone())
}

/// GET …/keys/{keyId}
pub(crate) fn get(state: &State, server_id: &str, key_id: &str) -> Result<Key, OktaError> {
    let s = server(state, server_id)?;
    Ok(s.keys[position(s, key_id)?].clone())
}

/// The add request's body, checked for shape (wrong JSON types are E0000003, as a
/// strict JSON binding answers) but not yet for Okta's rules.
#[derive(Debug, Default)]
struct AddRequest {
    kid: Option<String>,
    kty: Option<String>,
    use_: Option<String>,
    e: Option<String>,
    n: Option<String>,
    status: Option<Status>,
}

fn parse_add_body(body: &[u8]) -> Result<AddRequest, OktaError> {
    let value: Value = serde_json::from_slice(body).map_err(|_| OktaError::malformed())?;
    let Value::Object(obj) = value else {
        return Err(OktaError::malformed());
    };
    let string = |name: &str| -> Result<Option<String>, OktaError> {
        match obj.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(OktaError::malformed()),
        }
    };
    let status = match string("status")?.as_deref() {
        None => None,
        Some("ACTIVE") => Some(Status::Active),
        Some("INACTIVE") => Some(Status::Inactive),
        Some(_) => return Err(OktaError::malformed()),
    };
    Ok(AddRequest {
        kid: string("kid")?,
        kty: string("kty")?,
        use_: string("use")?,
        e: string("e")?,
        n: string("n")?,
        status,
    })
}

fn base64url(value: Option<&str>) -> Option<Vec<u8>> {
    let bytes = URL_SAFE_NO_PAD.decode(value?).ok()?;
    (!bytes.is_empty()).then_some(bytes)
}

/// POST …/keys with a JSON body. Returns the new key (INACTIVE). `max_keys` is the limit
/// of keys per server (Okta's: 5; the `--max-keys` knob); the refusal keeps Okta's text,
/// which says 5 whatever the limit.
pub(crate) fn add(
    state: &mut State,
    server_id: &str,
    body: &[u8],
    now: &str,
    new_id: String,
    max_keys: usize,
) -> Result<Key, OktaError> {
    let server = server_mut(state, server_id)?;
    let req = parse_add_body(body)?;

    if req.status == Some(Status::Active) {
        return Err(OktaError::validation(errors::CAUSE_ADD_ACTIVE));
    }
    if server.keys.iter().any(|k| k.kid.is_none()) {
        return Err(OktaError::validation(
            errors::CAUSE_EXISTING_KEY_WITHOUT_KID,
        ));
    }
    if server.keys.len() >= max_keys {
        return Err(OktaError::validation(errors::CAUSE_TOO_MANY_KEYS));
    }
    if req.kty.as_deref() != Some("RSA") {
        return Err(OktaError::validation(errors::CAUSE_KTY_RSA));
    }
    let use_ = req.use_.unwrap_or_else(|| "enc".to_string());
    if use_ != "enc" {
        return Err(OktaError::validation(errors::CAUSE_USE_ENC));
    }
    match base64url(req.e.as_deref()) {
        Some(e) if e.iter().any(|b| *b != 0) => {}
        _ => return Err(OktaError::validation(errors::CAUSE_E_REQUIRED)),
    }
    let Some(n) = base64url(req.n.as_deref()) else {
        return Err(OktaError::validation(errors::CAUSE_N_REQUIRED));
    };
    if modulus_bits(&n) < MIN_MODULUS_BITS {
        return Err(OktaError::validation(errors::CAUSE_KEY_LENGTH));
    }
    if let Some(kid) = &req.kid
        && server.keys.iter().any(|k| k.kid.as_ref() == Some(kid))
    {
        return Err(OktaError::validation(errors::CAUSE_UNIQUE_KID));
    }

    let key = Key {
        id: new_id,
        kid: req.kid,
        kty: "RSA".into(),
        use_,
        e: req.e.unwrap_or_default(),
        n: req.n.unwrap_or_default(),
        status: Status::Inactive,
        created: now.to_string(),
        last_updated: now.to_string(),
    };
    server.keys.push(key.clone());
    Ok(key)
}

/// POST …/keys/{keyId}/lifecycle/activate. The previously active key becomes INACTIVE.
/// Activating the active key changes nothing.
pub(crate) fn activate(
    state: &mut State,
    server_id: &str,
    key_id: &str,
    now: &str,
) -> Result<Key, OktaError> {
    let server = server_mut(state, server_id)?;
    let at = position(server, key_id)?;
    if server.keys[at].status != Status::Active {
        for key in server
            .keys
            .iter_mut()
            .filter(|k| k.status == Status::Active)
        {
            key.status = Status::Inactive;
            key.last_updated = now.to_string();
        }
        server.keys[at].status = Status::Active;
        server.keys[at].last_updated = now.to_string();
    }
    Ok(server.keys[at].clone())
}

/// POST …/keys/{keyId}/lifecycle/deactivate. Refused for the active key while the
/// server object has `accessTokenEncryptedResponseAlgorithm` set. Deactivating an
/// INACTIVE key changes nothing.
pub(crate) fn deactivate(
    state: &mut State,
    server_id: &str,
    key_id: &str,
    now: &str,
) -> Result<Key, OktaError> {
    let server = server_mut(state, server_id)?;
    let at = position(server, key_id)?;
    let encryption_on = server.encryption_alg().is_some();
    let key = &mut server.keys[at];
    if key.status == Status::Active {
        if encryption_on {
            return Err(OktaError::validation(errors::CAUSE_DEACTIVATE_ENCRYPTION));
        }
        key.status = Status::Inactive;
        key.last_updated = now.to_string();
    }
    Ok(key.clone())
}

/// DELETE …/keys/{keyId}. Only INACTIVE keys.
pub(crate) fn delete(state: &mut State, server_id: &str, key_id: &str) -> Result<(), OktaError> {
    let server = server_mut(state, server_id)?;
    let at = position(server, key_id)?;
    if server.keys[at].status == Status::Active {
        return Err(OktaError::validation(errors::CAUSE_DELETE_ACTIVE));
    }
    server.keys.remove(at);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed;

    /// The add with Okta's limit.
    fn add(
        state: &mut State,
        server_id: &str,
        body: &[u8],
        now: &str,
        new_id: String,
    ) -> Result<Key, OktaError> {
        super::add(
            state,
            server_id,
            body,
            now,
            new_id,
            crate::knobs::DEFAULT_MAX_KEYS,
        )
    }

    const T0: &str = "2026-11-26T10:00:00.000Z";
    const T1: &str = "2026-11-26T11:00:00.000Z";

    fn state() -> State {
        seed::seeded_with(&["default".to_string()], T0, |_| {
            ("apkSEEDxxxxxxxxxxxxx".into(), 0)
        })
    }

    fn body(kid: &str, n_index: usize, status: &str) -> Vec<u8> {
        serde_json::json!({
            "kid": kid, "kty": "RSA", "use": "enc", "e": "AQAB",
            "n": seed::MODULI[n_index], "status": status,
        })
        .to_string()
        .into_bytes()
    }

    fn active_id(state: &State) -> String {
        let keys = &state.servers["default"].keys;
        let active: Vec<&Key> = keys.iter().filter(|k| k.status == Status::Active).collect();
        assert_eq!(active.len(), 1, "exactly one ACTIVE key");
        active[0].id.clone()
    }

    fn cause(err: OktaError) -> (u16, &'static str, String, Vec<String>) {
        (err.status, err.code, err.summary, err.causes)
    }

    fn validation(c: &str) -> (u16, &'static str, String, Vec<String>) {
        (
            400,
            "E0000001",
            "Api validation failed: JsonWebKey".to_string(),
            vec![c.to_string()],
        )
    }

    #[test]
    fn the_seed_has_one_active_key_with_a_2048_bit_modulus() {
        let s = state();
        let keys = list(&s, "default").unwrap();
        assert_eq!(keys.len(), 1);
        let k = &keys[0];
        assert_eq!(k.status, Status::Active);
        assert_eq!(
            (k.kty.as_str(), k.use_.as_str(), k.e.as_str()),
            ("RSA", "enc", "AQAB")
        );
        let n = URL_SAFE_NO_PAD.decode(&k.n).unwrap();
        assert_eq!(modulus_bits(&n), 2048);
        assert_eq!(
            k.kid.as_deref(),
            Some(keymaterial::jwk::thumbprint(&k.e, &k.n).as_str())
        );
        assert_eq!((k.created.as_str(), k.last_updated.as_str()), (T0, T0));
    }

    #[test]
    fn add_creates_an_inactive_key_with_the_given_fields() {
        let mut s = state();
        let key = add(
            &mut s,
            "default",
            &body("k2", 1, "INACTIVE"),
            T1,
            "apkNEW".into(),
        )
        .unwrap();
        assert_eq!(
            key,
            Key {
                id: "apkNEW".into(),
                kid: Some("k2".into()),
                kty: "RSA".into(),
                use_: "enc".into(),
                e: "AQAB".into(),
                n: seed::MODULI[1].into(),
                status: Status::Inactive,
                created: T1.into(),
                last_updated: T1.into(),
            }
        );
        assert_eq!(list(&s, "default").unwrap().len(), 2);
        assert_eq!(get(&s, "default", "apkNEW").unwrap(), key);
    }

    #[test]
    fn add_without_status_or_use_defaults_to_inactive_enc() {
        let mut s = state();
        let b = serde_json::json!({"kid": "k2", "kty": "RSA", "e": "AQAB", "n": seed::MODULI[1]});
        let key = add(
            &mut s,
            "default",
            b.to_string().as_bytes(),
            T1,
            "apkX".into(),
        )
        .unwrap();
        assert_eq!((key.status, key.use_.as_str()), (Status::Inactive, "enc"));
    }

    #[test]
    fn add_refuses_an_active_key() {
        let mut s = state();
        let err = add(
            &mut s,
            "default",
            &body("k2", 1, "ACTIVE"),
            T1,
            "apkX".into(),
        )
        .unwrap_err();
        assert_eq!(
            cause(err),
            validation(
                "Keys cannot be created with an 'ACTIVE' status. Create an 'INACTIVE' key and then activate it."
            )
        );
        assert_eq!(
            s.servers["default"].keys,
            state().servers["default"].keys,
            "nothing changed"
        );
    }

    #[test]
    fn add_refuses_a_duplicate_kid() {
        let mut s = state();
        add(
            &mut s,
            "default",
            &body("k2", 1, "INACTIVE"),
            T1,
            "apk1".into(),
        )
        .unwrap();
        let err = add(
            &mut s,
            "default",
            &body("k2", 2, "INACTIVE"),
            T1,
            "apk2".into(),
        )
        .unwrap_err();
        assert_eq!(cause(err), validation("Each key must have a unique 'kid'."));
        let seeded_kid = state().servers["default"].keys[0].kid.clone().unwrap();
        let err = add(
            &mut s,
            "default",
            &body(&seeded_kid, 2, "INACTIVE"),
            T1,
            "apk3".into(),
        )
        .unwrap_err();
        assert_eq!(cause(err), validation("Each key must have a unique 'kid'."));
        // The same kid on another server is fine.
        let mut s = seed::seeded_state(&["default".into(), "aus2".into()], T0);
        add(
            &mut s,
            "default",
            &body("k2", 1, "INACTIVE"),
            T1,
            "apk1".into(),
        )
        .unwrap();
        add(
            &mut s,
            "aus2",
            &body("k2", 1, "INACTIVE"),
            T1,
            "apk2".into(),
        )
        .unwrap();
    }

    #[test]
    fn add_refuses_a_modulus_under_2048_bits() {
        let mut s = state();
        // 2047 bits: the top byte of a 256-byte modulus with its high bit clear.
        let mut n = URL_SAFE_NO_PAD.decode(seed::MODULI[1]).unwrap();
        n[0] &= 0x7f;
        let short = URL_SAFE_NO_PAD.encode(&n);
        let b = serde_json::json!({"kid": "k2", "kty": "RSA", "use": "enc", "e": "AQAB", "n": short, "status": "INACTIVE"});
        let err = add(
            &mut s,
            "default",
            b.to_string().as_bytes(),
            T1,
            "apkX".into(),
        )
        .unwrap_err();
        assert_eq!(
            cause(err),
            validation("RSA key length in the 'jwks' is less than '2,048' bits for the given key.")
        );
        // Exactly 2048 bits is accepted.
        n[0] |= 0x80;
        let b = serde_json::json!({"kid": "k2", "kty": "RSA", "e": "AQAB", "n": URL_SAFE_NO_PAD.encode(&n)});
        add(
            &mut s,
            "default",
            b.to_string().as_bytes(),
            T1,
            "apkX".into(),
        )
        .unwrap();
    }

    #[test]
    fn add_refuses_a_sixth_key() {
        let mut s = state();
        for i in 1..5 {
            add(
                &mut s,
                "default",
                &body(&format!("k{i}"), i, "INACTIVE"),
                T1,
                format!("apk{i}"),
            )
            .unwrap();
        }
        assert_eq!(s.servers["default"].keys.len(), 5);
        let err = add(
            &mut s,
            "default",
            &body("k6", 6, "INACTIVE"),
            T1,
            "apk6".into(),
        )
        .unwrap_err();
        assert_eq!(
            cause(err),
            validation(
                "You can't create a new key. You have reached the maximum number of keys allowed (5). To add another key, you must first delete an existing one."
            )
        );
        // After a delete there is room again.
        delete(&mut s, "default", "apk1").unwrap();
        add(
            &mut s,
            "default",
            &body("k6", 6, "INACTIVE"),
            T1,
            "apk6".into(),
        )
        .unwrap();
    }

    #[test]
    fn add_refuses_while_a_key_has_no_kid() {
        let mut s = state();
        let b = serde_json::json!({"kty": "RSA", "use": "enc", "e": "AQAB", "n": seed::MODULI[1], "status": "INACTIVE"});
        let k = add(
            &mut s,
            "default",
            b.to_string().as_bytes(),
            T1,
            "apkNOKID".into(),
        )
        .unwrap();
        assert_eq!(k.kid, None);
        let err = add(
            &mut s,
            "default",
            &body("k3", 2, "INACTIVE"),
            T1,
            "apk3".into(),
        )
        .unwrap_err();
        assert_eq!(
            cause(err),
            validation(
                "You can't add a new key while an existing key doesn't have a 'kid'. Delete that key and add it again with a 'kid'."
            )
        );
        delete(&mut s, "default", "apkNOKID").unwrap();
        add(
            &mut s,
            "default",
            &body("k3", 2, "INACTIVE"),
            T1,
            "apk3".into(),
        )
        .unwrap();
    }

    #[test]
    fn add_checks_kty_use_e_and_n() {
        let cases = [
            (
                serde_json::json!({"kid": "a", "kty": "EC", "e": "AQAB", "n": seed::MODULI[1]}),
                "The 'kty' of the key must be 'RSA'.",
            ),
            (
                serde_json::json!({"kid": "a", "e": "AQAB", "n": seed::MODULI[1]}),
                "The 'kty' of the key must be 'RSA'.",
            ),
            (
                serde_json::json!({"kid": "a", "kty": "RSA", "use": "sig", "e": "AQAB", "n": seed::MODULI[1]}),
                "The 'use' of the key must be 'enc'.",
            ),
            (
                serde_json::json!({"kid": "a", "kty": "RSA", "n": seed::MODULI[1]}),
                "The 'e' of the key is required and must be base64url encoded.",
            ),
            (
                serde_json::json!({"kid": "a", "kty": "RSA", "e": "AA", "n": seed::MODULI[1]}),
                "The 'e' of the key is required and must be base64url encoded.",
            ),
            (
                serde_json::json!({"kid": "a", "kty": "RSA", "e": "AQAB"}),
                "The 'n' of the key is required and must be base64url encoded.",
            ),
            (
                serde_json::json!({"kid": "a", "kty": "RSA", "e": "AQAB", "n": "not base64url!"}),
                "The 'n' of the key is required and must be base64url encoded.",
            ),
        ];
        for (b, expected) in cases {
            let mut s = state();
            let err = add(
                &mut s,
                "default",
                b.to_string().as_bytes(),
                T1,
                "apkX".into(),
            )
            .unwrap_err();
            assert_eq!(cause(err), validation(expected), "{b}");
            assert_eq!(s.servers["default"].keys, state().servers["default"].keys);
        }
    }

    #[test]
    fn add_answers_malformed_bodies_with_e0000003() {
        for b in [
            &b"{"[..],
            b"",
            b"[]",
            b"\"x\"",
            br#"{"kid": 5}"#,
            br#"{"status": "PENDING"}"#,
            br#"{"n": ["x"]}"#,
        ] {
            let mut s = state();
            let err = add(&mut s, "default", b, T1, "apkX".into()).unwrap_err();
            assert_eq!(
                cause(err),
                (
                    400,
                    "E0000003",
                    "The request body was not well-formed.".to_string(),
                    vec![]
                ),
                "{}",
                String::from_utf8_lossy(b)
            );
        }
    }

    #[test]
    fn unknown_server_or_key_is_e0000007() {
        let mut s = state();
        let server = (
            404,
            "E0000007",
            "Not found: Resource not found: aus404 (AuthorizationServer)".to_string(),
            vec![],
        );
        let key = (
            404,
            "E0000007",
            "Not found: Resource not found: apk404 (JsonWebKey)".to_string(),
            vec![],
        );
        assert_eq!(cause(list(&s, "aus404").unwrap_err()), server);
        assert_eq!(cause(get(&s, "aus404", "apk404").unwrap_err()), server);
        assert_eq!(
            cause(add(&mut s, "aus404", &body("k", 1, "INACTIVE"), T1, "a".into()).unwrap_err()),
            server
        );
        assert_eq!(
            cause(activate(&mut s, "aus404", "apk404", T1).unwrap_err()),
            server
        );
        assert_eq!(
            cause(deactivate(&mut s, "aus404", "apk404", T1).unwrap_err()),
            server
        );
        assert_eq!(
            cause(delete(&mut s, "aus404", "apk404").unwrap_err()),
            server
        );
        assert_eq!(cause(get(&s, "default", "apk404").unwrap_err()), key);
        assert_eq!(
            cause(activate(&mut s, "default", "apk404", T1).unwrap_err()),
            key
        );
        assert_eq!(
            cause(deactivate(&mut s, "default", "apk404", T1).unwrap_err()),
            key
        );
        assert_eq!(cause(delete(&mut s, "default", "apk404").unwrap_err()), key);
        // A kid is not a key id.
        let kid = s.servers["default"].keys[0].kid.clone().unwrap();
        assert_eq!(get(&s, "default", &kid).unwrap_err().status, 404);
    }

    #[test]
    fn activate_deactivates_the_previous_active_key() {
        let mut s = state();
        let old = active_id(&s);
        add(
            &mut s,
            "default",
            &body("k2", 1, "INACTIVE"),
            T0,
            "apkNEW".into(),
        )
        .unwrap();
        let key = activate(&mut s, "default", "apkNEW", T1).unwrap();
        assert_eq!(
            (key.status, key.last_updated.as_str(), key.created.as_str()),
            (Status::Active, T1, T0)
        );
        assert_eq!(active_id(&s), "apkNEW");
        let old = get(&s, "default", &old).unwrap();
        assert_eq!(
            (old.status, old.last_updated.as_str()),
            (Status::Inactive, T1)
        );
        // Activating the active key again changes nothing.
        let before = s.clone();
        let again = activate(&mut s, "default", "apkNEW", "2030-01-01T00:00:00.000Z").unwrap();
        assert_eq!(again.last_updated, T1);
        assert_eq!(s, before);
    }

    #[test]
    fn deactivate_the_active_key_leaves_none_active() {
        let mut s = state();
        let id = active_id(&s);
        let key = deactivate(&mut s, "default", &id, T1).unwrap();
        assert_eq!(
            (key.status, key.last_updated.as_str()),
            (Status::Inactive, T1)
        );
        assert!(
            s.servers["default"]
                .keys
                .iter()
                .all(|k| k.status == Status::Inactive)
        );
        // Deactivating an INACTIVE key changes nothing.
        let before = s.clone();
        deactivate(&mut s, "default", &id, "2030-01-01T00:00:00.000Z").unwrap();
        assert_eq!(s, before);
    }

    #[test]
    fn deactivate_the_active_key_is_refused_with_encryption_on() {
        let mut s = state();
        let id = active_id(&s);
        s.servers.get_mut("default").unwrap().object.insert(
            "accessTokenEncryptedResponseAlgorithm".into(),
            "RSA-OAEP-256".into(),
        );
        let before = s.clone();
        let err = deactivate(&mut s, "default", &id, T1).unwrap_err();
        assert_eq!(
            cause(err),
            validation(
                "You cannot deactivate the active key when access token encryption is enabled."
            )
        );
        assert_eq!(s, before);
        // An inactive key may still be deactivated (a no-op), and rotation by activation works.
        add(
            &mut s,
            "default",
            &body("k2", 1, "INACTIVE"),
            T1,
            "apk2".into(),
        )
        .unwrap();
        deactivate(&mut s, "default", "apk2", T1).unwrap();
        activate(&mut s, "default", "apk2", T1).unwrap();
        assert_eq!(active_id(&s), "apk2");
    }

    #[test]
    fn delete_only_inactive_keys() {
        let mut s = state();
        let id = active_id(&s);
        let err = delete(&mut s, "default", &id).unwrap_err();
        assert_eq!(
            cause(err),
            validation(
                "'ACTIVE' keys cannot be deleted. Activate another key before deleting this one."
            )
        );
        assert_eq!(s.servers["default"].keys, state().servers["default"].keys);
        deactivate(&mut s, "default", &id, T1).unwrap();
        delete(&mut s, "default", &id).unwrap();
        assert!(s.servers["default"].keys.is_empty());
        assert_eq!(get(&s, "default", &id).unwrap_err().status, 404);
    }
}
