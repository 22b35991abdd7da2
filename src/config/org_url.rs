//! The org URL: checked as Okta's SDKs check it, and shown without credentials.

use url::Url;

use crate::error::{Error, Result};

/// Check an org URL the way Okta's SDKs do, each mistake with its own message, and keep
/// the port. `http://` is allowed only for loopback hosts (the sandbox, tests).
pub fn parse_org_url(value: Option<&str>, profile: Option<&str>) -> Result<Url> {
    let Some(raw) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        let hint = match profile {
            Some(p) => format!("add org_url to profile `{p}`, or pass --org-url"),
            None => "pass --org-url, set OKTA_ORG_URL, or choose a profile with --profile (try `--profile sandbox`)"
                .to_string(),
        };
        return Err(Error::config_hint("no Okta org URL configured", hint));
    };
    let shown = redact_userinfo(raw);
    let bad = |why: &str| Error::config(format!("the org URL `{shown}` {why}"));
    if raw.contains("{yourOktaDomain}") {
        return Err(bad(
            "still holds the placeholder {yourOktaDomain}: replace it with your Okta domain, e.g. https://acme.okta.com",
        ));
    }
    if raw.matches("://").count() > 1 {
        return Err(bad("contains `://` more than once"));
    }
    let url = Url::parse(raw).map_err(|e| {
        bad(&format!(
            "is not a valid URL ({e}); it looks like https://acme.okta.com"
        ))
    })?;
    let host = url
        .host_str()
        .ok_or_else(|| bad("has no host; it looks like https://acme.okta.com"))?
        .to_ascii_lowercase();
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(bad(
                "must use https:// (http:// is allowed only for loopback addresses such as the sandbox)",
            ));
        }
        other => return Err(bad(&format!("must use https://, not {other}://"))),
    }
    if host.contains("-admin.") || host.ends_with("-admin") {
        return Err(bad(
            "is the admin console's address: use the org URL without -admin (https://acme.okta.com, not https://acme-admin.okta.com)",
        ));
    }
    if host.ends_with(".com.com") {
        return Err(bad("ends in .com.com: remove the extra .com"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad(
            "carries a user name or password; credentials belong in the profile, not the URL",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad("must not have a query or fragment"));
    }
    Ok(url)
}

/// An org URL as it may be printed: a user name and password in it (which oktakeys
/// refuses, but someone may have written) become `***`. Works on text that is not a
/// valid URL too, since that is when it is shown in an error.
pub fn redact_userinfo(raw: &str) -> String {
    let start = raw.find("://").map_or(0, |i| i + 3);
    let rest = &raw[start..];
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    match authority.rfind('@') {
        Some(at) => format!("{}***{}", &raw[..start], &rest[at..]),
        None => raw.to_string(),
    }
}

/// `localhost` or a loopback address: where `http://` is allowed (the sandbox, tests).
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_url_checks_each_have_their_message() {
        let cases = [
            ("https://{yourOktaDomain}", "placeholder {yourOktaDomain}"),
            ("http://acme.okta.com", "must use https://"),
            ("ftp://acme.okta.com", "must use https://, not ftp://"),
            ("https://acme-admin.okta.com", "admin console"),
            ("https://acme.okta.com.com", ".com.com"),
            ("https://https://acme.okta.com", "more than once"),
            ("acme.okta.com", "not a valid URL"),
            ("https://user:pw@acme.okta.com", "user name or password"),
            ("https://acme.okta.com/?x=1", "query"),
        ];
        for (input, expected) in cases {
            let err = parse_org_url(Some(input), None).unwrap_err();
            assert_eq!(err.exit_code(), 3);
            assert!(err.to_string().contains(expected), "{input}: {err}");
        }
        let missing = parse_org_url(Some("  "), Some("prod")).unwrap_err();
        assert_eq!(
            missing.hint().as_deref(),
            Some("add org_url to profile `prod`, or pass --org-url")
        );
    }

    #[test]
    fn credentials_in_an_org_url_are_never_shown() {
        for (raw, shown) in [
            (
                "https://admin:hunter2@acme.okta.com",
                "https://***@acme.okta.com",
            ),
            (
                "https://hunter2@acme.okta.com/x@y",
                "https://***@acme.okta.com/x@y",
            ),
            ("admin:hunter2@acme.okta.com", "***@acme.okta.com"),
            (
                "https://a:b@c@{yourOktaDomain}",
                "https://***@{yourOktaDomain}",
            ),
            ("https://acme.okta.com/?a@b", "https://acme.okta.com/?a@b"),
        ] {
            assert_eq!(redact_userinfo(raw), shown, "{raw}");
            let err = parse_org_url(Some(raw), None).unwrap_err();
            assert!(!err.to_string().contains("hunter2"), "{err}");
        }
    }

    #[test]
    fn org_url_keeps_the_port_and_allows_loopback_http() {
        let u = parse_org_url(Some("https://acme.okta.com:8443"), None).unwrap();
        assert_eq!(u.port(), Some(8443));
        for ok in [
            "http://127.0.0.1:8787",
            "http://localhost:1",
            "http://[::1]:9",
        ] {
            assert!(parse_org_url(Some(ok), None).is_ok(), "{ok}");
        }
    }
}
