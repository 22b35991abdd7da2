//! Ids and kids as the command line and the config file give them, checked once.

/// Ids go into URL paths. Reject what percent-encoding cannot make safe: nothing, blank,
/// and the dot segments that URL normalisation would climb out of the path with. Also
/// applied to a profile's `auth_server` (see `config`).
pub(crate) fn parse_path_id(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        return Err("must not be empty or blank".into());
    }
    if s == "." || s == ".." {
        return Err(format!("`{s}` is not an id"));
    }
    if s.chars().any(char::is_control) {
        return Err("must not contain control characters".into());
    }
    Ok(s.to_string())
}

/// A kid is free text for Okta, but a blank one is a mistake, and one with control or
/// bidi characters could rewrite the terminal of whoever lists the keys.
pub(crate) fn parse_kid(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        return Err("must not be empty or blank".into());
    }
    if keymaterial::jwk::has_terminal_controls(s) {
        return Err("must not contain control or bidi characters".into());
    }
    Ok(s.to_string())
}
