//! The sandbox's OAuth 2.0 side: Okta's org token endpoint for service apps
//! (`client_credentials` + `private_key_jwt`, DPoP with nonces) and the checks the key
//! endpoints apply to the access tokens it issues (signature-bound DPoP proofs, scopes).
//!
//! Apps are registered on the command line (`--service-app CLIENT_ID=PUBLIC_KEY_FILE[:scopes]`);
//! issued tokens, used `jti`s and nonces live in memory for the life of the server.
//! Error texts follow Okta's where they are known; the others follow its style.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use axum::body::Body;
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, PRAGMA, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, Method, Response, StatusCode};
use serde_json::{Value, json};

use keymaterial::dpop;
use keymaterial::jws::{self, ASSERTION_TYPE, Decoded};
use keymaterial::keys::VerifyingKey;
use keymaterial::secret::Secret;

use super::errors::OktaError;
use super::ids;
use super::response::{error_response, json_response};

pub(crate) const TOKEN_PATH: &str = "/oauth2/v1/token";
/// Okta's scopes for the key endpoints: reads need `read` (or `manage`), changes `manage`.
/// Okta's names, which the sandbox knows as Okta does; the CLI's service app asks for the
/// same ones (an integration test holds the two to each other).
pub const SCOPE_READ: &str = "okta.authorizationServers.read";
pub const SCOPE_MANAGE: &str = "okta.authorizationServers.manage";
/// Lifetime of the access tokens the sandbox issues.
pub(crate) const TOKEN_LIFETIME_SECS: i64 = 3600;
/// Okta refuses assertions that expire more than an hour ahead.
const MAX_ASSERTION_LIFETIME_SECS: i64 = 3600;
/// A DPoP proof's `iat` may be this far in the past...
const PROOF_MAX_AGE_SECS: i64 = 300;
/// ...or this far in the future (clock skew).
const CLOCK_SKEW_SECS: i64 = 60;

/// One service app: its client id, the public key its assertions verify with, and the
/// scopes it was granted in the "admin console".
#[derive(Debug, Clone)]
pub struct Registration {
    pub client_id: String,
    pub public_key: VerifyingKey,
    /// The `kid` of the registered key, when its JWK had one.
    pub kid: Option<String>,
    pub scopes: Vec<String>,
}

impl Registration {
    /// `CLIENT_ID=PUBLIC_KEY_FILE[:scope,scope…]`. The key file is a public (or private)
    /// PEM or JWK; without scopes the app gets read and manage.
    pub fn parse_arg(arg: &str) -> std::result::Result<Self, String> {
        let (client_id, rest) = arg
            .split_once('=')
            .filter(|(id, rest)| !id.trim().is_empty() && !rest.is_empty())
            .ok_or_else(|| format!("`{arg}` is not CLIENT_ID=PUBLIC_KEY_FILE[:scopes]"))?;
        // The scopes follow the last ':' unless that belongs to the path.
        let (file, scopes) = match rest.rsplit_once(':') {
            Some((file, scopes)) if !file.is_empty() && !scopes.contains(['/', '\\']) => {
                let list: Vec<String> = scopes
                    .split([',', ' '])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect();
                (file, list)
            }
            _ => (rest, vec![SCOPE_READ.to_string(), SCOPE_MANAGE.to_string()]),
        };
        let text = std::fs::read_to_string(Path::new(file))
            .map_err(|e| format!("cannot read the public key file {file}: {e}"))?;
        let public_key = VerifyingKey::parse(&text, &format!("the public key file {file}"))
            .map_err(|e| e.to_string())?;
        let kid = serde_json::from_str::<Value>(text.trim())
            .ok()
            .and_then(|jwk| jwk.get("kid").and_then(Value::as_str).map(str::to_string));
        Ok(Registration {
            client_id: client_id.trim().to_string(),
            public_key,
            kid,
            scopes,
        })
    }
}

/// What the OAuth side is configured with.
#[derive(Debug, Clone, Default)]
pub struct OAuthOptions {
    pub apps: Vec<Registration>,
    /// Demand DPoP at the token endpoint (as Okta does for new API service apps).
    pub require_dpop: bool,
}

#[derive(Debug, Clone)]
struct Grant {
    scopes: Vec<String>,
    expires_at: i64,
    /// Thumbprint of the DPoP key a DPoP token is bound to.
    jkt: Option<String>,
}

/// The token endpoint and the access-token checks, with their in-memory state.
/// `Debug` is written by hand: the issued tokens are the keys of `grants`.
pub(crate) struct Issuer {
    apps: HashMap<String, Registration>,
    require_dpop: bool,
    grants: Mutex<HashMap<String, Grant>>,
    /// `jti`s seen (assertions per client, proofs per key), with when they may be forgotten.
    seen: Mutex<HashMap<String, i64>>,
    token_nonce: String,
    resource_nonce: String,
}

impl std::fmt::Debug for Issuer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let grants = self.grants.lock().map(|g| g.len()).unwrap_or(0);
        f.debug_struct("Issuer")
            .field("apps", &self.apps.keys().collect::<Vec<_>>())
            .field("require_dpop", &self.require_dpop)
            .field(
                "grants",
                &format_args!("{grants} token(s) {}", Secret::REDACTED),
            )
            .finish_non_exhaustive()
    }
}

impl Issuer {
    pub(crate) fn new(options: OAuthOptions) -> Self {
        Issuer {
            apps: options
                .apps
                .into_iter()
                .map(|a| (a.client_id.clone(), a))
                .collect(),
            require_dpop: options.require_dpop,
            grants: Mutex::new(HashMap::new()),
            seen: Mutex::new(HashMap::new()),
            token_nonce: ids::dpop_nonce(),
            resource_nonce: ids::dpop_nonce(),
        }
    }

    pub(crate) fn has_apps(&self) -> bool {
        !self.apps.is_empty()
    }

    /// Record a `jti`; false when it was seen before (a replay).
    fn first_use(&self, key: String, forget_after: i64) -> bool {
        let now = jws::now_secs();
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        seen.retain(|_, until| *until >= now);
        seen.insert(key, forget_after).is_none()
    }

    /// `POST /oauth2/v1/token`.
    pub(crate) fn token_endpoint(
        &self,
        base_url: &str,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Response<Body> {
        match self.issue(base_url, headers, body) {
            Ok(resp) => resp,
            Err(refusal) => refusal.into_response(),
        }
    }

    fn issue(
        &self,
        base_url: &str,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Response<Body>, Refusal> {
        let form: HashMap<String, String> =
            url::form_urlencoded::parse(body).into_owned().collect();
        let field = |name: &str| form.get(name).map(String::as_str).filter(|v| !v.is_empty());
        match field("grant_type") {
            Some("client_credentials") => {}
            Some(other) => {
                return Err(Refusal::bad(
                    "unsupported_grant_type",
                    &format!(
                        "The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials]. Requested: {other}"
                    ),
                ));
            }
            None => {
                return Err(Refusal::bad(
                    "invalid_request",
                    "The 'grant_type' parameter is required.",
                ));
            }
        }
        if field("client_assertion_type") != Some(ASSERTION_TYPE)
            || field("client_assertion").is_none()
        {
            return Err(Refusal::client(
                "Client authentication failed. Either the client or the client credentials are invalid.",
            ));
        }
        let token_url = format!("{base_url}{TOKEN_PATH}");
        let client_id =
            self.check_assertion(field("client_assertion").unwrap_or(""), &token_url)?;
        let Some(app) = self.apps.get(&client_id) else {
            return Err(Refusal::client("Invalid value for 'client_id' parameter."));
        };

        // DPoP, after the assertion: like Okta, a refused request has used up its jti.
        let jkt = match headers.get("dpop") {
            None if self.require_dpop => {
                return Err(Refusal::bad(
                    "invalid_dpop_proof",
                    "The DPoP proof JWT header is missing.",
                ));
            }
            None => None,
            Some(value) => {
                let proof = value.to_str().unwrap_or("");
                let (key, nonce) = self
                    .check_proof(proof, "POST", &token_url, None)
                    .map_err(|why| Refusal::bad("invalid_dpop_proof", &why))?;
                if nonce.as_deref() != Some(self.token_nonce.as_str()) {
                    return Err(Refusal::bad(
                        "use_dpop_nonce",
                        "Authorization server requires nonce in DPoP proof.",
                    )
                    .with_nonce(&self.token_nonce));
                }
                Some(key.thumbprint())
            }
        };

        let requested: Vec<String> = field("scope")
            .unwrap_or("")
            .split(' ')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if requested.is_empty() {
            return Err(Refusal::bad(
                "invalid_scope",
                "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
            ));
        }
        let refused: Vec<&str> = requested
            .iter()
            .filter(|s| !app.scopes.contains(s))
            .map(String::as_str)
            .collect();
        if !refused.is_empty() {
            return Err(Refusal::bad(
                "invalid_scope",
                &format!(
                    "The following scopes are not allowed: {}",
                    refused.join(" ")
                ),
            ));
        }

        let token = ids::access_token();
        let token_type = if jkt.is_some() { "DPoP" } else { "Bearer" };
        self.grants
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(
                token.clone(),
                Grant {
                    scopes: requested.clone(),
                    expires_at: jws::now_secs() + TOKEN_LIFETIME_SECS,
                    jkt,
                },
            );
        let mut resp = json_response(
            StatusCode::OK,
            &json!({
                "token_type": token_type,
                "expires_in": TOKEN_LIFETIME_SECS,
                "access_token": token,
                "scope": requested.join(" "),
            }),
        );
        resp.headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        resp.headers_mut()
            .insert(PRAGMA, HeaderValue::from_static("no-cache"));
        Ok(resp)
    }

    /// Verify a client assertion the way Okta does; the client id when it holds.
    fn check_assertion(&self, assertion: &str, token_url: &str) -> Result<String, Refusal> {
        let invalid = |why: &str| Refusal::client(why);
        let jwt = Decoded::parse(assertion)
            .map_err(|_| invalid("The client_assertion token is not a valid JWT."))?;
        let iss = jwt.claim_str("iss").unwrap_or_default().to_string();
        if jwt.claim_str("sub") != Some(iss.as_str()) {
            return Err(invalid(
                "The client_assertion token must have the same 'iss' and 'sub' claims.",
            ));
        }
        let Some(app) = self.apps.get(&iss) else {
            return Err(invalid("Invalid value for 'client_id' parameter."));
        };
        if let (Some(registered), Some(kid)) =
            (&app.kid, jwt.header.get("kid").and_then(Value::as_str))
            && registered != kid
        {
            return Err(invalid("The client_assertion signature is invalid."));
        }
        jwt.verify(&app.public_key)
            .map_err(|_| invalid("The client_assertion signature is invalid."))?;
        if jwt.claim_str("aud") != Some(token_url) {
            return Err(invalid(
                "The audience [aud] claim for client_assertion must be the endpoint invoking the client_assertion.",
            ));
        }
        let now = jws::now_secs();
        let Some(exp) = jwt.claim_i64("exp") else {
            return Err(invalid(
                "The client_assertion token must have an 'exp' claim.",
            ));
        };
        if exp <= now {
            return Err(invalid("The client_assertion token is expired."));
        }
        if exp - now > MAX_ASSERTION_LIFETIME_SECS {
            return Err(invalid(
                "The client_assertion token has an expiration too far into the future.",
            ));
        }
        let Some(jti) = jwt.claim_str("jti").filter(|j| !j.is_empty()) else {
            return Err(invalid(
                "The client_assertion token must have a 'jti' claim.",
            ));
        };
        if !self.first_use(format!("assertion {iss} {jti}"), exp) {
            return Err(invalid("The client_assertion token has already been used."));
        }
        Ok(iss)
    }

    /// Verify a DPoP proof: header, signature with its own `jwk`, `htm`, `htu`, `iat`, a
    /// fresh `jti`, and `ath` when a token goes with it. Returns the key and the nonce.
    fn check_proof(
        &self,
        proof: &str,
        method: &str,
        url: &str,
        access_token: Option<&str>,
    ) -> Result<(VerifyingKey, Option<String>), String> {
        let jwt =
            Decoded::parse(proof).map_err(|_| "The DPoP proof JWT is malformed.".to_string())?;
        if jwt.header.get("typ").and_then(Value::as_str) != Some(dpop::PROOF_TYP) {
            return Err("The DPoP proof JWT header 'typ' must be 'dpop+jwt'.".into());
        }
        let jwk = jwt
            .header
            .get("jwk")
            .ok_or("The DPoP proof JWT header must contain a 'jwk'.")?;
        if jwk.get("d").is_some() {
            return Err("The DPoP proof 'jwk' must not contain a private key.".into());
        }
        let key = VerifyingKey::from_jwk(jwk)
            .map_err(|_| "The DPoP proof 'jwk' is invalid.".to_string())?;
        jwt.verify(&key)
            .map_err(|_| "The DPoP proof JWT signature is invalid.".to_string())?;
        if jwt.claim_str("htm") != Some(method) {
            return Err(format!("The DPoP proof 'htm' claim must be '{method}'."));
        }
        if jwt.claim_str("htu") != Some(url) {
            return Err(format!("The DPoP proof 'htu' claim must be '{url}'."));
        }
        let now = jws::now_secs();
        let iat = jwt
            .claim_i64("iat")
            .ok_or("The DPoP proof must have an 'iat' claim.")?;
        if iat < now - PROOF_MAX_AGE_SECS || iat > now + CLOCK_SKEW_SECS {
            return Err("The DPoP proof 'iat' is outside the accepted window.".into());
        }
        if let Some(token) = access_token {
            let expected = dpop::ath(&Secret::new(token));
            if jwt.claim_str("ath") != Some(expected.as_str()) {
                return Err("The DPoP proof 'ath' claim does not match the access token.".into());
            }
        }
        let jti = jwt
            .claim_str("jti")
            .filter(|j| !j.is_empty())
            .ok_or("The DPoP proof must have a 'jti' claim.")?;
        if !self.first_use(
            format!("proof {} {jti}", key.thumbprint()),
            now + PROOF_MAX_AGE_SECS + CLOCK_SKEW_SECS,
        ) {
            return Err("The DPoP proof 'jti' has already been used.".into());
        }
        Ok((key, jwt.claim_str("nonce").map(str::to_string)))
    }

    /// Check an API request's OAuth access token (`Bearer` or `DPoP`) and its scopes for
    /// `method`. `url` is the request URL without query. `None`: allowed; else the refusal.
    pub(crate) fn refuse_api(
        &self,
        method: &Method,
        url: &str,
        headers: &HeaderMap,
    ) -> Option<Response<Body>> {
        self.check_api(method, url, headers).err().map(|b| *b)
    }

    fn check_api(
        &self,
        method: &Method,
        url: &str,
        headers: &HeaderMap,
    ) -> Result<(), Box<Response<Body>>> {
        let invalid = || Box::new(error_response(&OktaError::invalid_token()));
        let value = headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .trim();
        let (scheme, token) = value.split_once(' ').ok_or_else(invalid)?;
        let token = token.trim();
        let grant = {
            let grants = self.grants.lock().unwrap_or_else(|p| p.into_inner());
            grants.get(token).cloned()
        };
        let grant = grant
            .filter(|g| g.expires_at > jws::now_secs())
            .ok_or_else(invalid)?;
        match (scheme.to_ascii_lowercase().as_str(), &grant.jkt) {
            ("bearer", None) => {}
            ("dpop", Some(jkt)) => {
                let proof = headers
                    .get("dpop")
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(invalid)?;
                let (key, nonce) = self
                    .check_proof(proof, method.as_str(), url, Some(token))
                    .map_err(|why| Box::new(dpop_refusal("invalid_dpop_proof", &why, None)))?;
                if &key.thumbprint() != jkt {
                    return Err(Box::new(dpop_refusal(
                        "invalid_dpop_proof",
                        "The DPoP proof key does not match the access token's binding.",
                        None,
                    )));
                }
                if self.require_dpop && nonce.as_deref() != Some(self.resource_nonce.as_str()) {
                    return Err(Box::new(dpop_refusal(
                        "use_dpop_nonce",
                        "Resource server requires nonce in DPoP proof",
                        Some(&self.resource_nonce),
                    )));
                }
            }
            // A DPoP-bound token sent as Bearer, or the other way round.
            _ => return Err(invalid()),
        }
        let reads = method == Method::GET || method == Method::HEAD;
        let need = if reads { SCOPE_READ } else { SCOPE_MANAGE };
        let allowed = grant
            .scopes
            .iter()
            .any(|s| s == SCOPE_MANAGE || (reads && s == SCOPE_READ));
        if !allowed {
            let mut resp = error_response(&OktaError::forbidden());
            if let Ok(v) = HeaderValue::from_str(&format!(
                "Bearer error=\"insufficient_scope\", error_description=\"The access token provided does not contain the required scopes.\", scope=\"{need}\""
            )) {
                resp.headers_mut().insert(WWW_AUTHENTICATE, v);
            }
            return Err(Box::new(resp));
        }
        Ok(())
    }
}

/// A refusal at a token endpoint, in OAuth's error format.
pub(crate) struct Refusal {
    status: StatusCode,
    error: &'static str,
    description: String,
    nonce: Option<String>,
}

impl Refusal {
    pub(crate) fn bad(error: &'static str, description: &str) -> Self {
        Refusal {
            status: StatusCode::BAD_REQUEST,
            error,
            description: description.to_string(),
            nonce: None,
        }
    }

    /// 401 invalid_client: the client could not be authenticated.
    pub(crate) fn client(description: &str) -> Self {
        Refusal {
            status: StatusCode::UNAUTHORIZED,
            ..Self::bad("invalid_client", description)
        }
    }

    fn with_nonce(mut self, nonce: &str) -> Self {
        self.nonce = Some(nonce.to_string());
        self
    }

    /// 500 server_error: the sandbox cannot issue the token (said in the description).
    pub(crate) fn server_error(description: &str) -> Self {
        Refusal {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            ..Self::bad("server_error", description)
        }
    }

    pub(crate) fn into_response(self) -> Response<Body> {
        let mut resp = json_response(
            self.status,
            &json!({"error": self.error, "error_description": self.description}),
        );
        resp.headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Some(nonce) = self.nonce.and_then(|n| HeaderValue::from_str(&n).ok()) {
            resp.headers_mut().insert("dpop-nonce", nonce);
        }
        resp
    }
}

/// A resource server's DPoP refusal: 401 with `WWW-Authenticate: DPoP error=…` (RFC 9449
/// §9), a `DPoP-Nonce` for a nonce challenge, and the OAuth error body that Okta's SDKs
/// read (`{"error":"use_dpop_nonce",…}`).
fn dpop_refusal(error: &str, description: &str, nonce: Option<&str>) -> Response<Body> {
    let mut resp = json_response(
        StatusCode::UNAUTHORIZED,
        &json!({"error": error, "error_description": description}),
    );
    let challenge = format!(
        "DPoP algs=\"ES256 RS256\", error=\"{error}\", error_description=\"{}\"",
        description.replace('"', "'")
    );
    if let Ok(v) = HeaderValue::from_str(&challenge) {
        resp.headers_mut().insert(WWW_AUTHENTICATE, v);
    }
    if let Some(nonce) = nonce.and_then(|n| HeaderValue::from_str(n).ok()) {
        resp.headers_mut().insert("dpop-nonce", nonce);
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_an_issued_token() {
        let issuer = Issuer::new(Default::default());
        issuer.grants.lock().unwrap().insert(
            "sandboxAccessTokenXYZ".into(),
            Grant {
                scopes: vec![],
                expires_at: 0,
                jkt: None,
            },
        );
        let shown = format!("{issuer:?}");
        assert!(!shown.contains("sandboxAccessTokenXYZ"), "{shown}");
        assert!(shown.contains("1 token(s) [REDACTED]"), "{shown}");
    }
}
