//! Each authorization server's own OAuth endpoints, as Okta serves them at
//! `{org}/oauth2/{id}/…` without a management token: the token endpoint
//! (`client_credentials` with `client_secret_basic` or `client_secret_post`), the signing
//! JWKS, and the OAuth 2.0 metadata. Access tokens are RS256 JWTs signed with the server's
//! own signing key and, while the server's encryption is on, wrapped in a JWE (a nested
//! JWT) to its ACTIVE key, as Okta does.
//!
//! Error texts are Okta's where its spec gives them; the others follow its style.

use std::collections::HashMap;
use std::time::{Duration, SystemTime};

use axum::body::Body;
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, PRAGMA};
use axum::http::{HeaderMap, HeaderValue, Response, StatusCode};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Map, Value, json};

use keymaterial::jwe::{self, ContentEnc, KeyAlg};
use keymaterial::jws;
use keymaterial::keys::SigningKey;
use keymaterial::secret::Secret;

use super::errors::OktaError;
use super::ids;
use super::model::{AuthServer, Signing, State};
use super::oauth::Refusal;
use super::response::json_response;
use super::servers;

/// The client every sandbox serves (`sandbox serve` and the in-process sandbox behind
/// `--profile sandbox`): fixed and documented, as it guards a loopback test server only.
pub const BUILTIN_CLIENT_ID: &str = "0oasandbox0client001";
pub const BUILTIN_CLIENT_SECRET: &str = "sandbox-client-secret-not-for-production-use";
/// Okta's limits for `accessTokenLifetimeMinutes`.
pub const MIN_TOKEN_LIFETIME_MINUTES: u32 = 5;
pub const MAX_TOKEN_LIFETIME_MINUTES: u32 = 1440;
/// The `enc` of encrypted access tokens unless `--jwe-enc` says otherwise: the only one in
/// Okta's specs.
pub const DEFAULT_JWE_ENC: ContentEnc = ContentEnc::A256Gcm;
/// Okta rotates signing keys every 90 days in `AUTO` mode.
const ROTATION: Duration = Duration::from_secs(90 * 86_400);
/// The size of a server's signing key.
const SIGNING_BITS: usize = 2048;

/// A confidential client (an OAuth app with a client secret). `Debug` hides the secret.
#[derive(Clone)]
pub struct Client {
    pub id: String,
    pub secret: Secret,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Client({}, [REDACTED])", self.id)
    }
}

impl Client {
    /// [`BUILTIN_CLIENT_ID`] with [`BUILTIN_CLIENT_SECRET`].
    pub fn builtin() -> Self {
        Client {
            id: BUILTIN_CLIENT_ID.into(),
            secret: Secret::new(BUILTIN_CLIENT_SECRET),
        }
    }

    /// `ID:SECRET` (split at the first `:`; both non-empty). The error never quotes the
    /// secret.
    pub fn parse_arg(arg: &str) -> std::result::Result<Self, String> {
        match arg.split_once(':') {
            Some((id, secret)) if !id.trim().is_empty() && !secret.is_empty() => Ok(Client {
                id: id.trim().to_string(),
                secret: Secret::new(secret),
            }),
            _ => Err("must be CLIENT_ID:CLIENT_SECRET".into()),
        }
    }
}

/// `accessTokenLifetimeMinutes` for the seeded rule: 5 to 1440, as Okta takes.
pub fn parse_token_lifetime(text: &str) -> std::result::Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(n) if (MIN_TOKEN_LIFETIME_MINUTES..=MAX_TOKEN_LIFETIME_MINUTES).contains(&n) => Ok(n),
        _ => Err(format!(
            "must be a whole number of minutes from {MIN_TOKEN_LIFETIME_MINUTES} to {MAX_TOKEN_LIFETIME_MINUTES}"
        )),
    }
}

/// A JWE `enc` name (`A256GCM`, `A128CBC-HS256`, …).
pub fn parse_jwe_enc(text: &str) -> std::result::Result<ContentEnc, String> {
    text.trim().parse::<ContentEnc>().map_err(|_| {
        let names: Vec<&str> = ContentEnc::ALL.iter().map(|e| e.as_str()).collect();
        format!("must be one of {}", names.join(", "))
    })
}

/// The clients the token endpoints accept, and the `enc` of encrypted tokens.
#[derive(Debug, Clone)]
pub(crate) struct CustomAs {
    clients: HashMap<String, Client>,
    enc: ContentEnc,
}

impl Default for CustomAs {
    fn default() -> Self {
        Self::new(Vec::new(), DEFAULT_JWE_ENC)
    }
}

/// What the token endpoint needs of a server, read in one transaction.
pub(crate) struct Snapshot {
    audience: String,
    signing: Signing,
    lifetime_minutes: Option<u32>,
    encryption: Encryption,
}

enum Encryption {
    Off,
    To {
        alg: KeyAlg,
        kid: Option<String>,
        n: String,
        e: String,
    },
    /// On, with keys at a `jwks_uri` (the sandbox fetches nothing).
    FromUrl,
    /// On without an ACTIVE key (only a hand-written state can get here).
    NoActiveKey,
    Unsupported(String),
}

/// Make the server's signing key on first use (RSA-2048, kid its RFC 7638 thumbprint).
pub(crate) fn ensure_signing(server: &mut AuthServer) -> Result<&Signing, OktaError> {
    if server.signing.is_none() {
        let (pem, public) =
            keymaterial::generate::generate(SIGNING_BITS).map_err(|_| OktaError::internal())?;
        let now = SystemTime::now();
        server.signing = Some(Signing {
            kid: public.thumbprint(),
            n: public.n,
            e: public.e,
            private_key_pem: pem.expose().to_string(),
            last_rotated: ids::timestamp(now),
            next_rotation: ids::timestamp(now + ROTATION),
        });
    }
    server.signing.as_ref().ok_or_else(OktaError::internal)
}

/// The server's state for one token request.
pub(crate) fn snapshot(state: &mut State, id: &str) -> Result<Snapshot, OktaError> {
    let server = servers::server_mut(state, id)?;
    let signing = ensure_signing(server)?.clone();
    let encryption = match server.encryption_alg() {
        None => Encryption::Off,
        Some(_) if server.jwks_uri().is_some() => Encryption::FromUrl,
        Some(alg) => match (alg.parse::<KeyAlg>(), server.active_key()) {
            (Err(_), _) => Encryption::Unsupported(alg.to_string()),
            (Ok(_), None) => Encryption::NoActiveKey,
            (Ok(alg), Some(key)) => Encryption::To {
                alg,
                kid: key.kid.clone(),
                n: key.n.clone(),
                e: key.e.clone(),
            },
        },
    };
    let audience = server
        .object
        .get("audiences")
        .and_then(Value::as_array)
        .and_then(|a| a.first())
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    Ok(Snapshot {
        audience,
        signing,
        lifetime_minutes: servers::token_lifetime_minutes(server),
        encryption,
    })
}

impl CustomAs {
    /// The built-in client, then `clients` (a later one with the same id wins).
    pub(crate) fn new(clients: Vec<Client>, enc: ContentEnc) -> Self {
        let clients = std::iter::once(Client::builtin())
            .chain(clients)
            .map(|c| (c.id.clone(), c))
            .collect();
        CustomAs { clients, enc }
    }

    /// `POST /oauth2/{id}/v1/token` for the server read into `snapshot`.
    pub(crate) fn token(
        &self,
        snapshot: Snapshot,
        issuer: &str,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Response<Body> {
        match self.issue(snapshot, issuer, headers, body) {
            Ok(resp) => resp,
            Err(refusal) => refusal.into_response(),
        }
    }

    fn issue(
        &self,
        snapshot: Snapshot,
        issuer: &str,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Response<Body>, Refusal> {
        let form: HashMap<String, String> =
            url::form_urlencoded::parse(body).into_owned().collect();
        let field = |name: &str| form.get(name).map(String::as_str).filter(|v| !v.is_empty());
        let client_id = self.authenticate(headers, field("client_id"), field("client_secret"))?;
        match field("grant_type") {
            Some("client_credentials") => {}
            Some(_) => {
                return Err(Refusal::bad(
                    "unsupported_grant_type",
                    "The grant type in the request isn't supported.",
                ));
            }
            None => {
                return Err(Refusal::bad(
                    "invalid_request",
                    "The 'grant_type' parameter is required.",
                ));
            }
        }
        let scopes: Vec<&str> = field("scope")
            .unwrap_or("")
            .split(' ')
            .filter(|s| !s.is_empty())
            .collect();
        if scopes.is_empty() {
            return Err(Refusal::bad("invalid_scope", "No scopes were requested."));
        }
        let Some(minutes) = snapshot.lifetime_minutes else {
            return Err(Refusal::bad(
                "access_denied",
                "Policy evaluation failed for this request, please check the policy configurations.",
            ));
        };
        let lifetime = i64::from(minutes) * 60;
        let iat = jws::now_secs();
        let claims = json!({
            "ver": 1,
            "jti": ids::token_jti(),
            "iss": issuer,
            "aud": snapshot.audience,
            "iat": iat,
            "exp": iat + lifetime,
            "cid": client_id,
            "scp": scopes,
            "sub": client_id,
        });
        let key = SigningKey::parse(
            &Secret::new(snapshot.signing.private_key_pem.as_str()),
            "the sandbox's signing key",
        )
        .map_err(|_| Refusal::server_error("The server's signing key cannot be read."))?;
        let mut header = Map::new();
        header.insert("kid".into(), Value::String(snapshot.signing.kid.clone()));
        let jwt = jws::sign(&key.key, header, &claims);
        let token = match snapshot.encryption {
            Encryption::Off => jwt,
            Encryption::To { alg, kid, n, e } => {
                Secret::new(encrypt(&jwt, alg, self.enc, kid, &n, &e)?)
            }
            Encryption::FromUrl => {
                return Err(Refusal::server_error(
                    "The sandbox cannot fetch encryption keys from a jwks_uri: save the keys instead.",
                ));
            }
            Encryption::NoActiveKey => {
                return Err(Refusal::server_error(
                    "Access token encryption is enabled but no key is ACTIVE.",
                ));
            }
            Encryption::Unsupported(alg) => {
                return Err(Refusal::server_error(&format!(
                    "Access token encryption algorithm {alg} is not supported."
                )));
            }
        };
        let mut resp = json_response(
            StatusCode::OK,
            &json!({
                "token_type": "Bearer",
                "expires_in": lifetime,
                "access_token": token.expose(),
                "scope": scopes.join(" "),
            }),
        );
        resp.headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        resp.headers_mut()
            .insert(PRAGMA, HeaderValue::from_static("no-cache"));
        Ok(resp)
    }

    /// `client_secret_basic` or `client_secret_post` (not both); the client id when the
    /// secret is right.
    fn authenticate(
        &self,
        headers: &HeaderMap,
        post_id: Option<&str>,
        post_secret: Option<&str>,
    ) -> Result<String, Refusal> {
        let failed = || {
            Refusal::client(
                "Client authentication failed. Either the client or the client credentials are invalid.",
            )
        };
        let basic = headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .and_then(|v| {
                v.get(..6)
                    .filter(|s| s.eq_ignore_ascii_case("basic "))
                    .map(|_| v[6..].trim())
            });
        let (id, secret) = match (basic, post_secret) {
            (Some(_), Some(_)) => {
                return Err(Refusal::bad(
                    "invalid_request",
                    "Can't supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a `client_assertion` in the post body.",
                ));
            }
            (Some(encoded), None) => {
                let decoded = STANDARD.decode(encoded).map_err(|_| failed())?;
                let text = String::from_utf8(decoded).map_err(|_| failed())?;
                let (id, secret) = text.split_once(':').ok_or_else(failed)?;
                // RFC 6749 §2.3.1: both parts are form-urlencoded first.
                (form_decode(id), form_decode(secret))
            }
            (None, Some(secret)) => (post_id.ok_or_else(failed)?.to_string(), secret.to_string()),
            (None, None) => {
                return Err(Refusal::client("No client credentials found."));
            }
        };
        let Some(client) = self.clients.get(&id) else {
            return Err(Refusal::client("Invalid value for 'client_id' parameter."));
        };
        if !constant_time_eq(secret.as_bytes(), client.secret.expose().as_bytes()) {
            return Err(Refusal::client(
                "The client secret supplied for a confidential client is invalid.",
            ));
        }
        Ok(id)
    }
}

fn form_decode(text: &str) -> String {
    url::form_urlencoded::parse(format!("x={text}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The signed JWT as a JWE to the ACTIVE key: header `kid` (the key's), `cty: JWT`.
fn encrypt(
    jwt: &Secret,
    alg: KeyAlg,
    enc: ContentEnc,
    kid: Option<String>,
    n: &str,
    e: &str,
) -> Result<String, Refusal> {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let unusable = || Refusal::server_error("The ACTIVE key cannot be used to encrypt.");
    let n = URL_SAFE_NO_PAD.decode(n).map_err(|_| unusable())?;
    let e = URL_SAFE_NO_PAD.decode(e).map_err(|_| unusable())?;
    let public = rsa::PublicKey::new(
        rsa::BoxedUint::from_be_slice_vartime(&n),
        rsa::BoxedUint::from_be_slice_vartime(&e),
    )
    .map_err(|_| unusable())?;
    let mut header = Map::new();
    if let Some(kid) = kid {
        header.insert("kid".into(), Value::String(kid));
    }
    header.insert("cty".into(), Value::String("JWT".into()));
    jwe::encrypt(jwt.expose().as_bytes(), &public, alg, enc, header).map_err(|_| unusable())
}

/// `GET /oauth2/{id}/v1/keys`: the signing key's public half.
pub(crate) fn jwks(signing: &Signing) -> Value {
    json!({
        "keys": [{
            "kty": "RSA",
            "alg": "RS256",
            "kid": signing.kid,
            "use": "sig",
            "e": signing.e,
            "n": signing.n,
        }]
    })
}

/// `GET /oauth2/{id}/.well-known/oauth-authorization-server`.
pub(crate) fn metadata(issuer: &str) -> Value {
    json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/v1/authorize"),
        "token_endpoint": format!("{issuer}/v1/token"),
        "jwks_uri": format!("{issuer}/v1/keys"),
        "response_types_supported": ["code", "token", "id_token", "code id_token", "code token", "id_token token", "code id_token token"],
        "response_modes_supported": ["query", "fragment", "form_post", "okta_post_message"],
        "grant_types_supported": ["client_credentials"],
        "subject_types_supported": ["public"],
        "scopes_supported": [],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "claims_supported": ["ver", "jti", "iss", "aud", "iat", "exp", "cid", "uid", "scp", "sub"],
        "code_challenge_methods_supported": ["S256"],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(basic: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(creds) = basic {
            let v = format!("Basic {}", STANDARD.encode(creds));
            h.insert(AUTHORIZATION, HeaderValue::from_str(&v).unwrap());
        }
        h
    }

    fn refusal(r: Result<String, Refusal>) -> (u16, String) {
        let resp = r.expect_err("refused").into_response();
        (
            resp.status().as_u16(),
            format!("{:?}", resp.headers().get("content-type")),
        )
    }

    #[test]
    fn clients_authenticate_by_basic_or_post_but_not_both() {
        let c = CustomAs::new(
            vec![Client::parse_arg("0oaX:s3:cret").unwrap()],
            DEFAULT_JWE_ENC,
        );
        assert_eq!(
            c.authenticate(&headers(Some("0oaX:s3:cret")), None, None)
                .ok()
                .as_deref(),
            Some("0oaX")
        );
        assert_eq!(
            c.authenticate(&HeaderMap::new(), Some("0oaX"), Some("s3:cret"))
                .ok()
                .as_deref(),
            Some("0oaX")
        );
        let builtin = format!("{BUILTIN_CLIENT_ID}:{BUILTIN_CLIENT_SECRET}");
        assert_eq!(
            c.authenticate(&headers(Some(&builtin)), None, None)
                .ok()
                .as_deref(),
            Some(BUILTIN_CLIENT_ID)
        );
        assert_eq!(
            refusal(c.authenticate(&headers(Some("0oaX:wrong")), None, None)).0,
            401
        );
        assert_eq!(
            refusal(c.authenticate(&headers(Some("0oaY:s3:cret")), None, None)).0,
            401
        );
        assert_eq!(
            refusal(c.authenticate(&HeaderMap::new(), None, None)).0,
            401
        );
        assert_eq!(
            refusal(c.authenticate(
                &headers(Some("0oaX:s3:cret")),
                Some("0oaX"),
                Some("s3:cret")
            ))
            .0,
            400
        );
    }

    #[test]
    fn flag_values_are_checked() {
        assert!(Client::parse_arg("nosecret").is_err());
        assert!(Client::parse_arg(":s").is_err());
        assert!(Client::parse_arg("id:").is_err());
        assert!(!format!("{:?}", Client::parse_arg("id:topsecret").unwrap()).contains("topsecret"));
        assert_eq!(parse_token_lifetime("5"), Ok(5));
        assert_eq!(parse_token_lifetime("1440"), Ok(1440));
        assert!(parse_token_lifetime("4").is_err() && parse_token_lifetime("1441").is_err());
        assert_eq!(parse_jwe_enc("A128CBC-HS256"), Ok(ContentEnc::A128CbcHs256));
        assert_eq!(
            parse_jwe_enc("A512GCM").unwrap_err(),
            "must be one of A128GCM, A192GCM, A256GCM, A128CBC-HS256, A192CBC-HS384, A256CBC-HS512"
        );
    }
}
