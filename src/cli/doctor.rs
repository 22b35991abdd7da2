//! `oktakeys doctor`: its arguments and help.

use clap::Args;

/// `doctor`: the key ring to check per server, when one is configured.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    #[command(flatten)]
    pub ring: super::ring::RingArg,
}

pub(super) const DOCTOR_HELP: &str = "\
One line per check on stdout: ok, warn, FAIL, or skip (after a failure that makes it
meaningless): the config file and its mode, the profile chosen and why, the credentials
(their source, never the secret), the org reachable and accepting them, the token's
scopes, the clock against Okta's `Date`, and each authorization server's access-token
encryption. With a key ring configured (--ring, OKTAKEYS_RING, the profile's `ring`, or a
secret store), each server's ring too, as `keys ring check` judges it with tokens living 24h
(a warning when it lacks a key whose tokens may be alive; a ring that cannot be read is a
configuration failure, exit 3): one key list per server more. Only read requests are sent.

Exit status: 0 when nothing failed (warnings allowed); else the first failure's: 3 for the
configuration (no org URL, bad config file, missing credentials), 4 when Okta refuses the
credentials or a scope, 8 when the org cannot be reached.

Examples:
  oktakeys doctor
  oktakeys --profile prod doctor -o json | jq '.checks[] | select(.status != \"ok\")'
  oktakeys -p sandbox doctor
  oktakeys doctor --ring 'rings/{server}.json'";
