//! Okta's error responses: status, `errorCode`, `errorSummary`, `errorCauses`.
//!
//! The texts are Okta's (see `okta-api/README.md`); where Okta's wording is not
//! published, the text says so in a comment.

use serde_json::{Value, json};

/// `errorSummary` of every E0000001 validation error on these endpoints.
pub(crate) const VALIDATION_SUMMARY: &str = "Api validation failed: JsonWebKey";

pub(crate) const CAUSE_UNIQUE_KID: &str = "Each key must have a unique 'kid'.";
pub(crate) const CAUSE_KEY_LENGTH: &str =
    "RSA key length in the 'jwks' is less than '2,048' bits for the given key.";
pub(crate) const CAUSE_TOO_MANY_KEYS: &str = "You can't create a new key. You have reached the maximum number of keys allowed (5). To add another key, you must first delete an existing one.";
pub(crate) const CAUSE_ADD_ACTIVE: &str = "Keys cannot be created with an 'ACTIVE' status. Create an 'INACTIVE' key and then activate it.";
pub(crate) const CAUSE_DELETE_ACTIVE: &str =
    "'ACTIVE' keys cannot be deleted. Activate another key before deleting this one.";
pub(crate) const CAUSE_DEACTIVATE_ENCRYPTION: &str =
    "You cannot deactivate the active key when access token encryption is enabled.";
// Okta's documentation states these rules but not its texts for them; ours follow its style.
pub(crate) const CAUSE_EXISTING_KEY_WITHOUT_KID: &str = "You can't add a new key while an existing key doesn't have a 'kid'. Delete that key and add it again with a 'kid'.";
pub(crate) const CAUSE_KTY_RSA: &str = "The 'kty' of the key must be 'RSA'.";
pub(crate) const CAUSE_USE_ENC: &str = "The 'use' of the key must be 'enc'.";
pub(crate) const CAUSE_E_REQUIRED: &str =
    "The 'e' of the key is required and must be base64url encoded.";
pub(crate) const CAUSE_N_REQUIRED: &str =
    "The 'n' of the key is required and must be base64url encoded.";

/// `errorSummary` of a PUT of an authorization server that breaks a rule (the keys' style,
/// with the object's class name).
pub(crate) const SERVER_VALIDATION_SUMMARY: &str = "Api validation failed: AuthorizationServer";
// Okta documents that name and audiences are required and which algorithms it takes, not
// the texts; these follow its "field: problem" style.
pub(crate) const CAUSE_NAME_REQUIRED: &str = "name: The field cannot be left blank.";
pub(crate) const CAUSE_AUDIENCES_REQUIRED: &str = "audiences: The field cannot be left blank.";
pub(crate) const CAUSE_ENCRYPTION_ALG: &str = "accessTokenEncryptedResponseAlgorithm: The value must be one of 'RSA-OAEP-256', 'RSA-OAEP-384' or 'RSA-OAEP-512'.";
pub(crate) const CAUSE_ENCRYPTION_NEEDS_ACTIVE_KEY: &str = "You cannot enable access token encryption without an 'ACTIVE' key. Add a key and activate it before you enable access token encryption.";
pub(crate) const CAUSE_LIMIT: &str = "limit: The value must be a whole number from 1 to 200.";

/// One error response, before it gets its `errorId`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OktaError {
    pub(crate) status: u16,
    pub(crate) code: &'static str,
    pub(crate) summary: String,
    pub(crate) causes: Vec<String>,
}

impl OktaError {
    fn new(status: u16, code: &'static str, summary: impl Into<String>) -> Self {
        OktaError {
            status,
            code,
            summary: summary.into(),
            causes: Vec::new(),
        }
    }

    /// 400 E0000001 with one cause.
    pub(crate) fn validation(cause: &str) -> Self {
        OktaError {
            causes: vec![cause.to_string()],
            ..Self::new(400, "E0000001", VALIDATION_SUMMARY)
        }
    }

    /// 400 E0000001 with another summary and one cause.
    pub(crate) fn validation_summary(summary: &str, cause: &str) -> Self {
        OktaError {
            causes: vec![cause.to_string()],
            ..Self::new(400, "E0000001", summary)
        }
    }

    /// 400 E0000001 about an authorization server, with its causes.
    pub(crate) fn server_validation(causes: Vec<String>) -> Self {
        OktaError {
            causes,
            ..Self::new(400, "E0000001", SERVER_VALIDATION_SUMMARY)
        }
    }

    /// 404 E0000007 for an unknown policy of a known server.
    pub(crate) fn policy_not_found(id: &str) -> Self {
        Self::new(
            404,
            "E0000007",
            format!("Not found: Resource not found: {id} (Policy)"),
        )
    }

    /// 400 E0000003: the body is not JSON, or not the JSON this endpoint takes.
    pub(crate) fn malformed() -> Self {
        Self::new(400, "E0000003", "The request body was not well-formed.")
    }

    /// 401 E0000011: no token, or not the sandbox's token.
    pub(crate) fn invalid_token() -> Self {
        Self::new(401, "E0000011", "Invalid token provided")
    }

    /// 403 E0000006: an OAuth token without the scope this request needs.
    pub(crate) fn forbidden() -> Self {
        Self::new(
            403,
            "E0000006",
            "You do not have permission to perform the requested action",
        )
    }

    /// 404 E0000007 for an unknown authorization server.
    pub(crate) fn server_not_found(id: &str) -> Self {
        Self::new(
            404,
            "E0000007",
            format!("Not found: Resource not found: {id} (AuthorizationServer)"),
        )
    }

    /// 404 E0000007 for an unknown key id.
    pub(crate) fn key_not_found(id: &str) -> Self {
        Self::new(
            404,
            "E0000007",
            format!("Not found: Resource not found: {id} (JsonWebKey)"),
        )
    }

    /// 404 E0000007 for a path the sandbox does not serve.
    pub(crate) fn path_not_found(path: &str) -> Self {
        Self::new(
            404,
            "E0000007",
            format!("Not found: Resource not found: {path} (Page)"),
        )
    }

    /// 405 E0000022 for a method the path does not take.
    pub(crate) fn method_not_allowed() -> Self {
        Self::new(
            405,
            "E0000022",
            "The endpoint does not support the provided HTTP method",
        )
    }

    /// 429 E0000047.
    pub(crate) fn rate_limited() -> Self {
        Self::new(
            429,
            "E0000047",
            "API call exceeded rate limit due to too many requests.",
        )
    }

    /// 500 E0000009 (also what the failure knob answers).
    pub(crate) fn internal() -> Self {
        Self::new(500, "E0000009", "Internal Server Error")
    }

    /// 503 E0000010, for the failure knob.
    pub(crate) fn unavailable() -> Self {
        Self::new(
            503,
            "E0000010",
            "Service is temporarily unavailable. Please try again later.",
        )
    }

    /// The JSON body Okta sends, with a fresh `errorId`.
    pub(crate) fn body(&self, error_id: &str) -> Value {
        let causes: Vec<Value> = self
            .causes
            .iter()
            .map(|c| json!({ "errorSummary": c }))
            .collect();
        json!({
            "errorCode": self.code,
            "errorSummary": self.summary,
            "errorLink": self.code,
            "errorId": error_id,
            "errorCauses": causes,
        })
    }
}
