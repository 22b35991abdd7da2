//! A profile the user names wins over the environment: with `--profile` (or
//! `OKTAKEYS_PROFILE`), Okta's variables (`OKTA_ORG_URL`, `OKTA_API_TOKEN`,
//! `OKTA_CLIENT_*`) are ignored for each setting the profile defines, and an environment
//! naming another org than the profile's is refused (exit 3) unless `--org-from` says
//! which. No command acts on an org the user did not name. A `default_profile` is not
//! named by the user: the environment still beats it.

use super::chosen::ChosenProfile;
use super::environment::Environment;
use super::org_url::{parse_org_url, redact_userinfo};
use super::origin::Origin;
use super::profile::Profile;
use crate::cli::{GlobalArgs, OrgFrom};
use crate::env;
use crate::error::{Error, Result};

/// The environment as the settings see it: `inner` without the variables that the named
/// profile's own settings replace.
pub(super) struct ProfileFirst<'a> {
    inner: &'a dyn Environment,
    hidden: Vec<&'static str>,
}

impl Environment for ProfileFirst<'_> {
    fn var(&self, name: &str) -> Option<String> {
        if self.hidden.contains(&name) {
            None
        } else {
            self.inner.var(name)
        }
    }
}

impl<'a> ProfileFirst<'a> {
    pub(super) fn new(
        global: &GlobalArgs,
        chosen: &ChosenProfile,
        inner: &'a dyn Environment,
    ) -> Result<Self> {
        let named = matches!(chosen.origin, Some(Origin::Flag(_) | Origin::Env(_)));
        if !named || chosen.is_sandbox || global.org_from == Some(OrgFrom::Env) {
            return Ok(ProfileFirst {
                inner,
                hidden: Vec::new(),
            });
        }
        let profile = &chosen.profile;
        if global.org_url.is_none() && global.org_from.is_none() {
            refuse_another_org(chosen.name.as_deref().unwrap_or("-"), profile, inner)?;
        }
        Ok(ProfileFirst {
            inner,
            hidden: replaced(profile),
        })
    }
}

/// The variables whose settings `profile` defines.
fn replaced(profile: &Profile) -> Vec<&'static str> {
    let token =
        profile.token.is_some() || profile.token_env.is_some() || profile.token_command.is_some();
    let private_key = profile.private_key_file.is_some()
        || profile.private_key_env.is_some()
        || profile.private_key_command.is_some();
    [
        (
            profile.org_url.is_some(),
            &[env::ORG_URL, env::SDK_ORG_URL][..],
        ),
        (token, &[env::API_TOKEN, env::SDK_TOKEN][..]),
        (profile.auth.is_some(), &[env::SDK_AUTH_MODE][..]),
        (profile.client_id.is_some(), &[env::SDK_CLIENT_ID][..]),
        (private_key, &[env::SDK_PRIVATE_KEY][..]),
        (profile.key_id.is_some(), &[env::SDK_PRIVATE_KEY_ID][..]),
        (profile.scopes.is_some(), &[env::SDK_SCOPES][..]),
    ]
    .into_iter()
    .filter(|(defined, _)| *defined)
    .flat_map(|(_, vars)| vars.iter().copied())
    .collect()
}

/// Refuse when the environment names another org than the profile `name` (compared as
/// checked URLs: `https://acme.okta.com/` is `https://acme.okta.com`).
fn refuse_another_org(name: &str, profile: &Profile, env: &dyn Environment) -> Result<()> {
    let Some(in_profile) = &profile.org_url else {
        return Ok(());
    };
    for var in [env::ORG_URL, env::SDK_ORG_URL] {
        let Some(in_env) = env.var(var) else {
            continue;
        };
        let same = match (
            parse_org_url(Some(in_profile), None),
            parse_org_url(Some(&in_env), None),
        ) {
            (Ok(a), Ok(b)) => a == b,
            _ => in_profile.trim() == in_env.trim(),
        };
        if !same {
            return Err(Error::config_hint(
                format!(
                    "profile `{name}` names the org {} but {var} names {}: oktakeys will not \
                     guess which one to act on. Nothing was sent",
                    redact_userinfo(in_profile),
                    redact_userinfo(&in_env)
                ),
                format!(
                    "say which: --org-from profile (the profile's org and the settings it \
                     defines; {var} and the other OKTA_* variables it sets are ignored), or \
                     --org-from env (the environment's org, as without --profile); or unset \
                     {var}"
                ),
            ));
        }
    }
    Ok(())
}
