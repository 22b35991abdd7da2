//! The environment variables the sandbox reads: `sandbox serve` declares them on its flags
//! (clap's `env = …`), the in-process sandbox behind the `sandbox` profile reads the knobs.

pub const ADDR: &str = "OKTAKEYS_SANDBOX_ADDR";
pub const STATE: &str = "OKTAKEYS_SANDBOX_STATE";
pub const TOKEN: &str = "OKTAKEYS_SANDBOX_TOKEN";
pub const RATE_LIMIT: &str = "OKTAKEYS_SANDBOX_RATE_LIMIT";
pub const RATE_LIMIT_WINDOW: &str = "OKTAKEYS_SANDBOX_RATE_LIMIT_WINDOW";
pub const LATENCY_MS: &str = "OKTAKEYS_SANDBOX_LATENCY_MS";
pub const FAIL_REQUESTS: &str = "OKTAKEYS_SANDBOX_FAIL_REQUESTS";
pub const FAIL_WITH: &str = "OKTAKEYS_SANDBOX_FAIL_WITH";
pub const MAX_KEYS: &str = "OKTAKEYS_SANDBOX_MAX_KEYS";
pub const TOKEN_LIFETIME: &str = "OKTAKEYS_SANDBOX_TOKEN_LIFETIME";
pub const JWE_ENC: &str = "OKTAKEYS_SANDBOX_JWE_ENC";
/// `ID:SECRET` pairs, comma separated: the clients of the servers' token endpoints.
pub const CLIENTS: &str = "OKTAKEYS_SANDBOX_CLIENTS";
