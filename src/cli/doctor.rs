//! `oktakeys doctor`: its help.

pub(super) const DOCTOR_HELP: &str = "\
One line per check on stdout: ok, warn, FAIL, or skip (after a failure that makes it
meaningless): the config file and its mode, the profile chosen and why, the credentials
(their source, never the secret), the org reachable and accepting them, the token's
scopes, the clock against Okta's `Date`, and each authorization server's access-token
encryption. Only read requests are sent.

Exit status: 0 when nothing failed (warnings allowed); else the first failure's: 3 for the
configuration (no org URL, bad config file, missing credentials), 4 when Okta refuses the
credentials or a scope, 8 when the org cannot be reached.

Examples:
  oktakeys doctor
  oktakeys --profile prod doctor -o json | jq '.checks[] | select(.status != \"ok\")'
  oktakeys -p sandbox doctor";
