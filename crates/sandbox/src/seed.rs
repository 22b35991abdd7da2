//! The seed: authorization server `default` (and any others asked for), each with its
//! server object (named after its id, audience `api://{id}`), one ACTIVE RSA-2048 public
//! key, and one ACTIVE policy with one ACTIVE rule giving access tokens
//! [`DEFAULT_TOKEN_LIFETIME_MINUTES`] (or `sandbox serve --token-lifetime`).
//!
//! The moduli are real 2048-bit RSA public moduli (generated once with
//! `openssl genrsa 2048`; the private halves were thrown away), shipped as constants so
//! that seeding costs nothing: generating RSA keys at start-up would take seconds in a
//! debug build.

use serde_json::{Map, Value, json};

use super::ids;
use super::model::{AuthServer, Key, Policy, State, Status};

/// The seeded rule's access-token lifetime, Okta's examples' value.
pub const DEFAULT_TOKEN_LIFETIME_MINUTES: u32 = 60;
/// The names of the seeded policy and rule: `--token-lifetime` sets that rule's lifetime.
pub const SEED_POLICY_NAME: &str = "Default Policy";
pub const SEED_RULE_NAME: &str = "Default Policy Rule";

/// Base64url (no padding) RSA-2048 moduli; `e` is `AQAB` for all.
pub const MODULI: [&str; 8] = [
    "5NJOYDxxpiUUcm-CvKMx0M-2-ATZC9kRl7JY3Xi0GWuxLfhreHXCiL1MFeKZ-5SuTaxcsw86EuutuBEbdFTD9A_ip86VyOuPXI2Srfxd3U64gJwOmLdloPlZj8hN6lNKQideRjXb9TO4DpQcz8fmPuoMQr7mx65hNf7N5MIYWBqq1dNFMrecdJlPFMhR2mb81l94kdu_47YUo6Cj1q6-irXyx_Pl-q4hG7f0KdLsB6e62tXUnU1IkiZtvKx_uROO6V-EYp3GMCn0cwULpi_ANl9KGfmvO6olCMiXvPEw3o-XJw34i5rCx4ndZ4AuafpKC-mRc8lxQFHrx9TTq8qydw",
    "mIi3cZP4DdO_g5odsGzx795ZLVZmjnxEeOPivo4GigXZkL0rBO0O-ShZZk0GloDPKFhy5nnUeJB9JxwccLovTAxSBGUyMdDCfGmfH5l9R-m1tY3YIdCbdhJii8CWZZxyQTk1QIc6MBbJVZbxoS6X_wiLkyP-tOb7CjsLjREzjRUtOAv7Aq-bgSUlCK40smAqmQO0wigwFYDzv-6mFrcFjbpgJuZ01Sz0veiwQQQYQAzO8AFkm8ASUEE81oP9-HmBzMJkuD1GniecCx1iKIsOhqC0oZiygxsoYPW-td2ITnsWYLXOspzSdy0fIuaqYGpYCO4vxCW_8lrnTIwXqAf0gQ",
    "wQF2rVbO9XkMouAhyU5SLWTc5Bf5UQ8KifTa-HzyNtchgnvnPPizK9fWYtW9ZpcdS_HxnwBPJm9PKwn9DZn2yjyFWr1rnypTegOmp2wBD6ShD5SvgkWqd416n5hConpAJ7IoxO3M9FoShait9bjuNmBlqRDGl_uitviZXte6VhVVqqtuaPELR1cudmmpKd9yleHC_nplPA6tk-tocmPvWNl3PaHUaJWcWJNBgDl2ifuVFPgKL-AEBVwy-FctJq4U11Y7sHNWWRl_af1G7cI3XwPEOXesuYDtV1iqrEf8x1KFO5o2Y_6U3dUOjTZdhfseYQZmVwD7QeQkBAwJjpGhgw",
    "tLVKhLDLDUkb442IA4Lqp3mHHrP2_FOhj6SNauAEpapPIWgOvTxfviC9ZZ_ldnlCj_gW4JImXatd8TPtejRWI22HsmpmcV52YBs81jMKLTCTCuFp3pHu1Z0nDUAlk-ZaFI6X87aOUIFffOEcY4tKzxQW2sfLc1geETJ0Yqd391jvqjSMySN4qT9jt2Mm_FD_pw3oY7xmgFrawuVVIFaKk8DwU3oUfpmRGkGQuoEhw0y277ZRGmF8mCWOVY60BSCRIIEkmQRYQAVLRg4eFDQNFNqsfqH1MrXmVTOl4x-RF6wqH4hFm2_1IXrHyMVuT5ZyKFQQlwClwDAe0ZO-QvJ5bQ",
    "3CTDlmXkrRLMLJ0oR2qQIW3AlRqj3Txx24R8RccYGkOmeZHrCuRX22G9fhW9sg1gs-RGO6_6nzEyBjpqOfg1h1N5W90G0ZUab4fdxSYfnV8OORDA7xyLgsdCgBILzolzeGEAM4pCgGEJ2Yc42A7lbX4mFtcDX68McI2aZ_tTt7gPYvkh6yXstuB7JTHdeQ4dAns5xsbw1kUEYzUy1JGmyQislHPYqfD5ndTkaElFowVLWgVV3MfztMNGhUeopG316CakU78v6bv10_u_Z3lfzrpOiVjw5FXoNDi_D9b62fRyt2l6fOzpKNSA5ZZbn68eiH5dg9EPOElQP4XD2_xo8Q",
    "lqx3MiHgwuyUxelPHZG064OwigJUYNRR7IiU-U5gbkCGDEHTGVF5F0FJrW1vgtEGHET2yI-P-kMP4c2sFBYQ5xtCtguhDKRYwNLK7H0ZnOrbgDHGtuGUeJcScaRfafpmyDK21DHHhphdcxX0QEvL0A4WDDHAMu_Nx7Hk8u8YON_qchREwBPPphEpm2PFrJWpKOaxo_BfnpVFPt5YkCApvJIK1GH4N1yc53O62ugOEvGd9T-8KUglJIlMpBv1xeu3oxwU3MEcWM1qpZ9rbrFyww9A0aPVtALtl9tbYh7KACrgkRJieBWCh1VVkYXI84w4UI_dpzlQriofqhMpqKsWbQ",
    "oqtP8CxuttCvRb6lrVWxLDAh-T2CbatUPODmXZonzsXndrWHdGPUtrY4zu0gjCThzakp2eQSI0fYOuZG3PaG3xz1zNNbz4fgMBsHZi003261W11-pADRHpKWIEamOQFOslYDLUx_KWWgW9g7dh78w3Hc9qPWE0IVybNpEGVIdp2BpxMl8fY4SWQuCkKN_pQ0hM523MetxlVWpCc3KBGb_PKgoPl2kOcKRfQZa4xJKyI-GSinrFjOPMXKr66Y8xSdUnfzCs-zBSGDy5lraA0C9iD6EpoSR_z5L1erR8cz4RdeASIKl_kIwLPpUH8HPitnLOwrYKlkSQYXjxF9k6MomQ",
    "xm07cWTakpgPsAB6hg2clZvMI_4o6b6QxxuCyD1nxfjtJG-aVdZK6YXMEskLmeF7tscVOS8JaL7qrKKmQWk8WELd5g3BXeDjoTBI7JFRleFon_jHGtyrgeULaQgplSvTPuHmH2ImjhtP12M36WoMU-kWwV4sLwsyRz7VotLDFHh0lrmJ3mQ1l9E23UkObVUF_G7T9iH9s2UgUrnx57E4Cit0HAnEJ1y6T8PQHBZ7bKptVUBlGG1BmIgDk8JCoXs28lKDtXnDnlLQ22huMb47JRFQG2xAjZZgHkxQinZ5lySGB5aMwx0M1qfqb_we8zwObIS0qpyHGpMJ1qrgc-bGRQ",
];

/// A fresh state holding `servers` (in that order, without duplicates), each seeded with
/// one ACTIVE key with a new id, a random modulus from [`MODULI`] and its RFC 7638
/// thumbprint as kid.
pub(crate) fn seeded_state(servers: &[String], now: &str) -> State {
    // Consecutive moduli from a random start, so servers seeded together differ.
    let mut next = ids::random_below(MODULI.len());
    seeded_with(servers, now, |_| {
        next += 1;
        (ids::key_id(), next)
    })
}

/// [`seeded_state`] with the key ids and moduli chosen by `pick` (for tests).
pub(crate) fn seeded_with(
    servers: &[String],
    now: &str,
    mut pick: impl FnMut(&str) -> (String, usize),
) -> State {
    let mut state = State::empty();
    for server in servers {
        if !state.servers.contains_key(server) {
            let (id, modulus) = pick(server);
            state
                .servers
                .insert(server.clone(), seed_server(server, id, modulus, now));
        }
    }
    state
}

/// An authorization server holding one ACTIVE key, its object and its policy.
pub(crate) fn seed_server(server_id: &str, id: String, modulus: usize, now: &str) -> AuthServer {
    let n = MODULI[modulus % MODULI.len()];
    AuthServer {
        object: seed_object(server_id, now),
        signing: None,
        policies: vec![seed_policy(now)],
        keys: vec![Key {
            id,
            kid: Some(keymaterial::jwk::thumbprint("AQAB", n)),
            kty: "RSA".into(),
            use_: "enc".into(),
            e: "AQAB".into(),
            n: n.into(),
            status: Status::Active,
            created: now.into(),
            last_updated: now.into(),
        }],
    }
}

/// The server object of a seeded server (what Okta's `default` looks like).
pub(crate) fn seed_object(server_id: &str, now: &str) -> Map<String, Value> {
    let description = if server_id == crate::DEFAULT_AUTH_SERVER {
        "Default Authorization Server for your Applications".to_string()
    } else {
        format!("Authorization server {server_id}")
    };
    let value = json!({
        "name": server_id,
        "description": description,
        "audiences": [format!("api://{server_id}")],
        "issuerMode": "ORG_URL",
        "status": "ACTIVE",
        "created": now,
        "lastUpdated": now,
        "credentials": { "signing": { "rotationMode": "AUTO" } },
    });
    as_map(value)
}

/// The seeded policy: ACTIVE, all clients, one ACTIVE rule for every grant and scope.
pub(crate) fn seed_policy(now: &str) -> Policy {
    new_policy(
        SEED_POLICY_NAME,
        "Default policy for every client",
        true,
        1,
        vec![new_rule(
            SEED_RULE_NAME,
            true,
            1,
            DEFAULT_TOKEN_LIFETIME_MINUTES,
            now,
        )],
        now,
    )
}

/// A policy as Okta returns it (less `_links`), with a fresh `00p…` id.
pub(crate) fn new_policy(
    name: &str,
    description: &str,
    active: bool,
    priority: u32,
    rules: Vec<Map<String, Value>>,
    now: &str,
) -> Policy {
    let object = json!({
        "type": "OAUTH_AUTHORIZATION_POLICY",
        "id": ids::policy_id(),
        "status": status(active),
        "name": name,
        "description": description,
        "priority": priority,
        "system": false,
        "conditions": { "clients": { "include": ["ALL_CLIENTS"] } },
        "created": now,
        "lastUpdated": now,
    });
    Policy {
        object: as_map(object),
        rules,
    }
}

/// A rule as Okta returns it (less `_links`), with a fresh `0pr…` id.
pub(crate) fn new_rule(
    name: &str,
    active: bool,
    priority: u32,
    lifetime_minutes: u32,
    now: &str,
) -> Map<String, Value> {
    as_map(json!({
        "type": "RESOURCE_ACCESS",
        "id": ids::rule_id(),
        "status": status(active),
        "name": name,
        "priority": priority,
        "created": now,
        "lastUpdated": now,
        "system": false,
        "conditions": {
            "people": {
                "users": { "include": [], "exclude": [] },
                "groups": { "include": ["EVERYONE"], "exclude": [] },
            },
            "grantTypes": { "include": ["client_credentials", "authorization_code", "implicit", "password"] },
            "scopes": { "include": ["*"] },
        },
        "actions": {
            "token": {
                "accessTokenLifetimeMinutes": lifetime_minutes,
                "refreshTokenLifetimeMinutes": 0,
                "refreshTokenWindowMinutes": 10080,
            }
        },
    }))
}

/// Set the lifetime of the seeded rule (by its name, in the seeded policy) of every server.
pub(crate) fn apply_token_lifetime(state: &mut State, minutes: u32) {
    for server in state.servers.values_mut() {
        for policy in server
            .policies
            .iter_mut()
            .filter(|p| p.object.get("name").and_then(Value::as_str) == Some(SEED_POLICY_NAME))
        {
            for rule in policy
                .rules
                .iter_mut()
                .filter(|r| r.get("name").and_then(Value::as_str) == Some(SEED_RULE_NAME))
            {
                if let Some(token) = rule
                    .get_mut("actions")
                    .and_then(|a| a.get_mut("token"))
                    .and_then(Value::as_object_mut)
                {
                    token.insert("accessTokenLifetimeMinutes".into(), minutes.into());
                }
            }
        }
    }
}

/// Bring a state read from a file up to date. Version 1 held keys only: each server gets
/// its seeded object and policy. A server without an object (a hand-written file) gets the
/// seeded one too. Returns whether anything changed (the caller then saves it, so the
/// policy ids made here stay).
pub(crate) fn migrate(state: &mut State, now: &str) -> bool {
    let old = state.version < super::model::STATE_VERSION;
    let mut changed = old;
    for (id, server) in state.servers.iter_mut() {
        if server.object.is_empty() {
            server.object = seed_object(id, now);
            changed = true;
        }
        if old && server.policies.is_empty() {
            server.policies = vec![seed_policy(now)];
        }
    }
    state.version = super::model::STATE_VERSION;
    changed
}

fn status(active: bool) -> &'static str {
    if active { "ACTIVE" } else { "INACTIVE" }
}

fn as_map(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    #[test]
    fn every_modulus_is_2048_bits_of_valid_base64url() {
        for n in MODULI {
            let bytes = URL_SAFE_NO_PAD.decode(n).unwrap();
            assert_eq!(keymaterial::jwk::modulus_bits(&bytes), 2048, "{n}");
            assert_eq!(bytes[bytes.len() - 1] & 1, 1, "an RSA modulus is odd");
        }
    }

    #[test]
    fn seeding_names_each_server_once() {
        let servers = [
            "default".to_string(),
            "aus2".to_string(),
            "default".to_string(),
        ];
        let s = seeded_state(&servers, "2026-01-01T00:00:00.000Z");
        assert_eq!(s.servers.keys().collect::<Vec<_>>(), ["aus2", "default"]);
        assert_ne!(
            s.servers["default"].keys[0].id,
            s.servers["aus2"].keys[0].id
        );
        assert_ne!(s.servers["default"].keys[0].n, s.servers["aus2"].keys[0].n);
    }
}
