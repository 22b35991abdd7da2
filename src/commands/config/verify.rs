//! Before `config init` writes a profile: one read-only request with its credentials.

use std::path::Path;

use reqwest::Method;

use super::plan::Plan;
use crate::api::requests;
use crate::auth::Authenticator;
use crate::cli::GlobalArgs;
use crate::client::Client;
use crate::config::{ConfigFile, ProcessEnv, Settings, Target};
use crate::error::Result;
use crate::http::Request;
use crate::output::Printer;

/// One read-only request with the new profile's own settings (the environment's
/// OKTA_ORG_URL / OKTA_API_TOKEN must not stand in for them): the key list of its
/// authorization server, or else the list of authorization servers.
pub(super) async fn verify(
    global: &GlobalArgs,
    printer: &Printer,
    plan: &Plan,
    file: ConfigFile,
    path: &Path,
) -> Result<()> {
    let only_this_profile = GlobalArgs {
        profile: Some(plan.name.clone()),
        org_url: None,
        ..global.clone()
    };
    let no_overrides: std::collections::BTreeMap<&str, &str> = Default::default();
    let settings = Settings::from_parts(
        &only_this_profile,
        None,
        &no_overrides,
        Some(file),
        Some(path.to_path_buf()),
    )?;
    let Target::Org {
        org_url,
        credentials,
    } = &settings.target
    else {
        return Ok(());
    };
    // The secret itself is read from where the profile says (token_env: this environment).
    let auth = Authenticator::from_credentials(credentials, &ProcessEnv)?;
    let client = Client::new(
        &settings.http,
        org_url.clone(),
        auth,
        crate::http::Progress::detect(global.quiet),
    )?;
    let request = match &settings.auth_server {
        Some(server) => requests::list(server),
        None => Request::new(Method::GET, &["api", "v1", "authorizationServers"]),
    };
    let url = request.url(org_url);
    printer.note(format!("Checking the credentials: GET {url}"));
    let response = client.send(&request).await?;
    printer.note(format!("  OK ({})", response.status));
    Ok(())
}
