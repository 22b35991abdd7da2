//! The retirement rule of a command (`keys rotate`, `keys list --retirement`): the
//! server's longest access-token lifetime, from `--token-lifetime` or its policies' rules.

use std::time::Duration;

use crate::api;
use crate::client::Client;
use crate::output::Printer;
use crate::rotate::{MAX_TOKEN_LIFETIME, Retirement};
use crate::time::Timestamp;

/// The rule for `server`: `flag` when given, else the rules' longest lifetime; when they
/// cannot be read (or name none), say so and assume 24 h, Okta's maximum.
pub(crate) async fn retirement(
    client: &Client,
    server: &str,
    flag: Option<Duration>,
    ignore: bool,
    printer: &Printer,
) -> Retirement {
    let lifetime = match flag {
        Some(lifetime) => lifetime,
        // Nothing waits for tokens to expire: no need to read the rules.
        None if ignore => Duration::ZERO,
        None => match api::servers::longest_access_token_lifetime(client, server).await {
            Ok(Some(minutes)) => Duration::from_secs(minutes.saturating_mul(60)),
            Ok(None) => {
                printer.note(format!(
                    "{server}: no ACTIVE rule of an ACTIVE policy sets an access-token lifetime; \
                     assuming 24h, Okta's maximum (set it with --token-lifetime)"
                ));
                MAX_TOKEN_LIFETIME
            }
            Err(err) => {
                printer.note(format!(
                    "{server}: cannot read the access-token lifetime from the policies' rules \
                     ({err}); assuming 24h, Okta's maximum (set it with --token-lifetime)"
                ));
                MAX_TOKEN_LIFETIME
            }
        },
    };
    Retirement {
        now: Timestamp::now(),
        lifetime,
        ignore,
    }
}
