//! `oktakeys keys list|get|add|activate|deactivate|delete|generate|rotate`: their
//! arguments and help.

use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgGroup, Args, Subcommand, ValueEnum};

use crate::env;
use crate::ids::{parse_kid, parse_path_id};
use crate::time::parse_duration;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  oktakeys keys list --auth-server aus1a2b3c4d5e6f7g8h9
  oktakeys keys add --auth-server aus1a2b3c4d5e6f7g8h9 --jwk public.json
  oktakeys keys activate --auth-server aus1a2b3c4d5e6f7g8h9 apk2f4zrZbs8nUa7p0g4")]
pub struct KeysArgs {
    /// Authorization server id (aus…, or `default`); a profile may give a default
    ///
    /// `keys list`, `keys rotate` and `keys audit` take several (repeat the flag); the others
    /// take one.
    #[arg(
        long,
        global = true,
        env = env::AUTH_SERVER,
        value_name = "ID",
        value_parser = parse_path_id,
        action = clap::ArgAction::Append
    )]
    pub auth_server: Vec<String>,

    #[command(subcommand)]
    pub command: KeysCommand,
}

/// How a command that acts on several servers goes through them: only `keys list`,
/// `keys rotate` and `keys audit` take these (the others would refuse or ignore them).
#[derive(Debug, Clone, Args)]
pub struct FleetArgs {
    /// With several servers: how many are worked on at once (1: one after another);
    /// output still comes in the order of the servers
    #[arg(
        long,
        value_name = "N",
        default_value_t = 8,
        value_parser = clap::value_parser!(u16).range(1..)
    )]
    pub parallel: u16,

    /// Every ACTIVE custom authorization server of the org (all pages of the server
    /// listing) instead of --auth-server
    #[arg(long, conflicts_with = "auth_server")]
    pub all_auth_servers: bool,
}

impl KeysArgs {
    /// The one `--auth-server` of a command that acts on one server.
    pub fn single_auth_server(&self) -> Result<Option<&str>, String> {
        match self.auth_server.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(one)),
            many => Err(format!(
                "--auth-server is given {} times; only `keys list`, `keys rotate` and `keys audit` act on several servers",
                many.len()
            )),
        }
    }
}

#[derive(Debug, Subcommand)]
// One per run: its size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum KeysCommand {
    /// List the server's keys, with each key's role (current, next, previous)
    #[command(after_help = "\
ROLE: the ACTIVE key is current; an INACTIVE key never activated and created after the
current key was activated is next (staged, waiting for its activation); every other
INACTIVE key is previous. --retirement adds when each previous key is retirable: its
lastUpdated (when it stopped being ACTIVE, if it ever was) plus the server's longest
access-token lifetime (read from its policies' rules, or --token-lifetime). With -o json,
--retirement adds `\"_oktakeys\": {\"role\": …, \"retirableAt\": …}` to each key; without it
the JSON is exactly what Okta sent.

Examples:
  oktakeys keys list --auth-server aus1a2b3c4d5e6f7g8h9
  oktakeys keys list --retirement
  oktakeys keys list --jq '.[] | select(.status == \"INACTIVE\") | .id'
  oktakeys keys list --retirement --jq '.[] | {id, r: ._oktakeys.retirableAt}'
  oktakeys keys list -o id
  oktakeys keys list --auth-server ausA --auth-server ausB -o json   # {\"ausA\":[…],\"ausB\":[…]}
  oktakeys keys list --all-auth-servers -o id
  oktakeys keys list -o jwks > jwks.json    # {\"keys\":[…]}: kty, kid, use, e, n (and alg)")]
    List(ListArgs),

    /// Show one key
    #[command(after_help = "\
Examples:
  oktakeys keys get --auth-server aus1a2b3c4d5e6f7g8h9 apk2f4zrZbs8nUa7p0g4
  oktakeys keys get apk2f4zrZbs8nUa7p0g4 -o json | jq -r .kid")]
    Get(KeyIdArgs),

    /// Add a public key (always INACTIVE; activate it afterwards)
    #[command(after_help = "\
The key is validated before anything is sent: kty must be RSA, use enc (the default),
the modulus at least 2048 bits, and private members (d, p, q, …) are refused so a
private key is never uploaded. --pem reads a PEM public key (SPKI `PUBLIC KEY` or PKCS#1
`RSA PUBLIC KEY`), an X.509 certificate (the first of a chain), or an unencrypted RSA
private key (`PRIVATE KEY`, `RSA PRIVATE KEY`) of which only n and e are sent. The kid
comes from --kid, else the JWK's kid, else the RFC 7638 SHA-256 thumbprint of the key.

Examples:
  oktakeys keys add --auth-server aus1a2b3c4d5e6f7g8h9 --jwk public.json
  oktakeys keys add --jwk jwks.json --kid 2026-11-enc
  oktakeys keys add --pem cert.pem --kid 2026-11-enc
  oktakeys keys generate --kid 2026-11-enc --private-key-out enc.pem | oktakeys keys add --jwk -
  cat public.json | oktakeys keys add --jwk - --dry-run")]
    Add(AddArgs),

    /// Make a key the active one (Okta deactivates the previously active key)
    #[command(after_help = "\
Examples:
  oktakeys keys activate --auth-server aus1a2b3c4d5e6f7g8h9 apk2f4zrZbs8nUa7p0g4")]
    Activate(MutateArgs),

    /// Deactivate a key
    #[command(after_help = "\
Okta refuses to deactivate the active key while access-token encryption is enabled on
the server: activate another key instead.

Examples:
  oktakeys keys deactivate --auth-server aus1a2b3c4d5e6f7g8h9 apk2f4zrZbs8nUa7p0g4")]
    Deactivate(MutateArgs),

    /// Delete an INACTIVE key (asks first on a terminal)
    #[command(after_help = "\
Only INACTIVE keys can be deleted. Without a terminal (or with --no-input) the command
refuses to run unless --yes is given, and exits 9.

Examples:
  oktakeys keys delete --auth-server aus1a2b3c4d5e6f7g8h9 apk2f4zrZbs8nUa7p0g4
  oktakeys keys delete apk2f4zrZbs8nUa7p0g4 --yes")]
    Delete(DeleteArgs),

    /// Create an RSA key pair: the private key to a file (mode 0600) or a secret store, the
    /// public JWK to stdout
    #[command(after_help = "\
Needs no profile and no network. The private key is written as PKCS#8 PEM (or a private
JWK with --private-key-format jwk) to the file given with --private-key-out, created with
mode 0600 (never wider, not even for a moment); an existing file is kept unless --force is
given. Or --private-key-command hands it to a command on its stdin (`sh -c`), e.g. a secret
store's client, and nothing is written to disk; unless the command reads the whole key and
exits 0, exit 3 and no public key is printed. It is never
printed. --encrypt writes an encrypted PKCS#8 PEM (PBES2: scrypt, or PBKDF2 with
--kdf pbkdf2; AES-256-CBC), the passphrase from OKTAKEYS_KEY_PASSPHRASE or asked on the
terminal; oktakeys reads such a file wherever it reads a private key, with the same
passphrase source. The public JWK ({\"kty\":\"RSA\",\"use\":\"enc\",\"kid\":…,\"e\":…,\"n\":…})
goes to stdout.

Examples:
  oktakeys keys generate --kid 2026-11-enc --private-key-out enc-2026-11.pem > public.json
  oktakeys keys generate --kid 2026-11-enc --private-key-out enc.pem | oktakeys keys add --jwk -
  oktakeys keys generate --kid big --bits 4096 --private-key-out big.pem --force
  oktakeys keys generate --kid 2026-11-enc --private-key-command 'vault kv put secret/enc key=-'
  OKTAKEYS_KEY_PASSPHRASE=… oktakeys keys generate --kid k --private-key-out k.pem --encrypt
  oktakeys keys generate --kid k --private-key-format jwk --private-key-out k.jwk")]
    Generate(GenerateArgs),

    /// Rotate to a new key: stage it, gate, activate it, retire old keys once retirable (safe
    /// to re-run)
    #[command(after_help = "\
Steps, for each --auth-server (repeat the flag for several servers, rotated independently,
up to --parallel at once; output comes in the order of the servers):
  1. list the keys and print the plan (on stderr); --dry-run stops here
  2. add the new key INACTIVE, or use the key with the same kid (and the same key material)
     already staged; --stage stops here
  3. --activate-when CMD: run CMD (sh -c) every --gate-interval until it exits 0, for at most
     --gate-timeout; else exit 12, the new key INACTIVE, the old key ACTIVE
  4. activate it: Okta deactivates the key that was active
  5. --delete-old deletes the retirable previous keys; --keep N keeps the N newest previous
     keys (the key that was active just before counts as the newest) and deletes the
     retirable others. Next (staged) keys are never deleted.

Roles: the ACTIVE key is current; an INACTIVE key never activated and created after the
current key was activated is next; any other INACTIVE key is previous. A previous key is
retirable at its lastUpdated (when it stopped being ACTIVE, if it ever was) plus the
server's longest access-token lifetime (from its policies' rules; --token-lifetime
overrides; 24h, Okta's maximum, when the rules cannot be read), even when created equals
lastUpdated (one-second timestamps). --ignore-token-lifetime deletes regardless.
--on-retire CMD runs after each deletion with OKTAKEYS_RETIRED_KID and
OKTAKEYS_RETIRED_KEY_ID set.

The gate's environment: OKTAKEYS_AUTH_SERVER, OKTAKEYS_NEW_KID, OKTAKEYS_NEW_KEY_ID and, with
--private-key-out, OKTAKEYS_PRIVATE_KEY_FILE. The gate's and hooks' stdout goes to stderr.

Okta's key limit is learned from its refusal of the add: then the oldest retirable INACTIVE
key is deleted (with --delete-old or --keep) and the add sent again; when none is retirable,
exit 6 naming the key that becomes retirable first. Before every change the keys are listed
again; when the server no longer looks as planned (another job rotating it), the run stops
with exit 13. Only keys seen when the run started are deleted; success is reported only
after seeing the new key ACTIVE.

If a step fails, the rotation of that server stops, prints what Okta now holds and the
command that resumes; re-running the same command completes the rotation without
duplicating anything. The exit code is that of the first failure. The kid of the new key is
--kid, else the JWK's kid, else the key's RFC 7638 SHA-256 thumbprint.

--generate writes a new private key to --private-key-out (PKCS#8 PEM, mode 0600) before
anything is sent; if that file already exists (an earlier run was interrupted) the key in it
is used instead. Or --private-key-command pipes it to a command (a secret store), nothing on
disk; the hand-off counts only when the command read the whole key and exited 0, otherwise
nothing is sent (exit 3). Exiting 0 does not prove the key reached the resource server: a
gate (--activate-when) that checks it can decrypt is how to prove that before activation.
Order: store, add, gate, activate.

With a key ring (--ring FILE, or --ring-read-command/--ring-write-command, or the profile's
ring; see `keys ring --help`), --generate (or --pem/--jwk naming the private key file) puts
the new key's private half into the server's ring and reads it back before anything is sent;
after Okta deletes a key its private half leaves the ring (with any key Okta no longer
holds). No request is added. A run stopped anywhere leaves every needed key in the ring; it
prints, before the first change, the command that resumes it (with --kid of the new key).

--if-older-than 90d changes nothing (exit 0) while the ACTIVE key has been active for less,
and says when rotation is due. --dry-run --detailed-exitcode exits 11 when the run would
change something, 0 when not. Durations: 30s, 10m, 4h, 90d, 1h30m.

Deleting asks for confirmation on a terminal; without one (CI), pass --yes or the command
exits 9 before contacting Okta.

Examples:
  oktakeys keys rotate --auth-server aus1a2b3c4d5e6f7g8h9 --pem new-public.pem --dry-run
  oktakeys keys rotate --all-auth-servers --generate --private-key-out enc.pem --keep 1 --yes
  oktakeys keys rotate --auth-server ausA --jwk new.json --stage
  oktakeys keys rotate --auth-server ausA --jwk new.json \\
      --activate-when 'curl -fsS https://api.example.com/keys/$OKTAKEYS_NEW_KID'
  oktakeys keys rotate --auth-server ausA --generate \\
      --private-key-command 'vault kv put secret/okta-enc key=-' --activate-when ./loaded.sh
  oktakeys keys rotate --auth-server ausA --jwk new.json --if-older-than 90d --delete-old --yes \\
      --on-retire 'vault kv delete secret/okta-enc/$OKTAKEYS_RETIRED_KID'
  oktakeys keys rotate --auth-server ausA --jwk new.json --dry-run --detailed-exitcode
  oktakeys keys rotate --auth-server ausA --generate --ring /etc/okta/ring.json --delete-old --yes")]
    Rotate(RotateArgs),

    /// Re-activate the key that was ACTIVE before (the INACTIVE key most recently deactivated)
    #[command(after_help = "\
The key rolled back to is the previous key deactivated last (never a staged next key);
Okta deactivates the current one. When that key has been deleted, nothing is changed and
the command says so (exit 6).

Examples:
  oktakeys keys rollback --auth-server aus1a2b3c4d5e6f7g8h9 --dry-run
  oktakeys keys rollback --auth-server aus1a2b3c4d5e6f7g8h9")]
    Rollback(DryRunArg),
    /// Prove end to end that FILE (or the key ring) opens the access tokens the server issues now
    #[command(after_help = "\
Asks the server's own token endpoint ({org}/oauth2/{id}/v1/token, client_credentials,
client_secret_basic) for an access token, then checks, one report line each: the token is a
JWE (encryption is on); its kid is the ACTIVE key's; FILE decrypts it; the inner JWT's
signature verifies against /oauth2/{id}/v1/keys; `iss` is the server's issuer and `exp` is
in the future. Exit 10 when any check fails; the message says which and what to do. Run it
after every key change. -o json prints the report as one object.

With --ring (or OKTAKEYS_RING, or the profile's `ring`) instead of --private-key, the key is
the ring's key of the token's kid, as a resource server loading the ring picks it; a ring
that holds no key of that kid fails the decrypt check (exit 10) naming the kid.

The client secret comes from the environment variable OKTAKEYS_CLIENT_SECRET, or the one
--client-secret-env names; never from a flag. Neither it, the token nor the private key is
ever printed or logged (not even at -vvv).

Examples:
  OKTAKEYS_CLIENT_SECRET=... oktakeys keys verify --auth-server aus1a2b3c4d5e6f7g8h9 \\
      --private-key enc.pem --client-id 0oa1b2c3d4e5f6g7h8i9 --scope api:read
  oktakeys keys verify --auth-server payments --private-key enc.pem --client-id 0oa1b2c3 \\
      --scope api:read --client-secret-env PAYMENTS_CLIENT_SECRET -o json
  oktakeys keys verify --auth-server payments --ring 'rings/{server}.json' --client-id 0oa1b2c3 \\
      --scope api:read")]
    Verify(VerifyArgs),

    /// Find which of the server's keys FILE is the private half of, and whether it is ACTIVE
    #[command(after_help = "\
Compares FILE's public half (modulus and exponent) with each of the server's keys; needs no
token. Exit 0 when it is the ACTIVE key; exit 10 when it is an INACTIVE key or none of them.

Examples:
  oktakeys keys match --auth-server aus1a2b3c4d5e6f7g8h9 --private-key enc.pem
  oktakeys keys match --auth-server payments --private-key enc.jwk.json -o json")]
    Match(MatchArgs),

    /// Check each server's encryption keys and say which need attention (exit 11 when any does)
    #[command(after_help = "\
For each server: its access-token encryption (algorithm or off), where its keys come from
(saved on the server, or its jwks_uri), the ACTIVE key's kid and age (since activation), the
key count, and findings, each with a severity.

Errors: encryption on but no ACTIVE key (no-active-key); the ACTIVE key older than --max-age
(active-key-too-old); a key without a kid (key-without-kid: Okta then refuses every add).
Warnings: encryption off while keys are saved (keys-without-encryption); 5 or more keys
(key-limit: the spec's limit is 5); INACTIVE keys past retirement, the rule of `keys list
--retirement` (retirable-keys); no key at all (no-keys).

With a key ring (--ring, OKTAKEYS_RING, the profile's `ring`; or a secret store), each server's
ring is judged as `keys ring check` does: a key whose tokens may be alive that the ring lacks,
or holds as another key, is an error (ring-out-of-step); a ring key Okta no longer needs is a
warning (ring-prunable). The ring is read, never written.

Exit 11 when any error is found (any warning too with --strict), else 0; a server that
cannot be read is reported and the others are still audited (the exit code is then that
failure's). -o json prints one report object:
{\"servers\":[{\"id\",\"name\",\"encryption\",\"keySource\",\"activeKey\",\"keyCount\",\"findings\"}],
 \"summary\":{\"servers\",\"errors\",\"warnings\"}}.

Examples:
  oktakeys keys audit --auth-server aus1a2b3c4d5e6f7g8h9
  oktakeys keys audit --all-auth-servers --max-age 30d --strict
  oktakeys keys audit --all-auth-servers --ring 'rings/{server}.json'
  oktakeys keys audit --all-auth-servers -o json --jq '.servers[] | select(.findings != []) | .id'")]
    Audit(AuditArgs),

    /// The resource server's key ring: the private keys whose tokens may still arrive
    Ring(super::ring::RingArgs),
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(flatten)]
    pub fleet: FleetArgs,

    #[command(flatten)]
    pub ring: super::ring::RingArg,

    /// An ACTIVE key older than this (since its activation) is an error (e.g. 30d, 12h)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, default_value = "90d")]
    pub max_age: Duration,

    /// Warnings fail the audit too (exit 11)
    #[arg(long)]
    pub strict: bool,

    /// The longest access-token lifetime to assume for the retirement rule, instead of
    /// reading each server's policies' rules (e.g. 1h)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub token_lifetime: Option<Duration>,
}

#[derive(Debug, Args)]
pub struct PrivateKeyArg {
    /// The resource server's RSA private key: PEM (PKCS#8 or PKCS#1) or a private JWK
    /// (readable by its owner only; never printed)
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub private_key: PathBuf,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The resource server's RSA private key: PEM (PKCS#8 or PKCS#1) or a private JWK
    /// (readable by its owner only; never printed) [default: the key ring's key of the
    /// token's kid, with --ring]
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub private_key: Option<PathBuf>,

    #[command(flatten)]
    pub ring: super::ring::RingArg,

    /// The OAuth client (an app with the Client Credentials grant) that asks for the token
    #[arg(long, value_name = "ID")]
    pub client_id: String,

    /// Scope to ask for (repeat for several); Okta needs a custom scope of the server
    #[arg(long, value_name = "S", action = clap::ArgAction::Append)]
    pub scope: Vec<String>,

    /// Read the client secret from this environment variable [default: OKTAKEYS_CLIENT_SECRET]
    #[arg(long, value_name = "NAME")]
    pub client_secret_env: Option<String>,
}

#[derive(Debug, Args)]
pub struct MatchArgs {
    #[command(flatten)]
    pub key: PrivateKeyArg,
}

#[derive(Debug, Args)]
pub struct KeyIdArgs {
    /// The key's id (apk…), as `keys list` shows it; not the JWK kid
    #[arg(value_name = "KEY_ID", value_parser = parse_path_id)]
    pub key_id: String,
}

#[derive(Debug, Args)]
pub struct DryRunArg {
    /// Print the method, URL and body that would be sent, send nothing, exit 0
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct MutateArgs {
    #[command(flatten)]
    pub id: KeyIdArgs,
    #[command(flatten)]
    pub dry_run: DryRunArg,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    #[command(flatten)]
    pub id: KeyIdArgs,
    /// Delete without asking
    #[arg(short = 'y', long)]
    pub yes: bool,
    #[command(flatten)]
    pub dry_run: DryRunArg,
}

#[derive(Debug, Args)]
#[group(id = "key_source", required = true, multiple = false)]
pub struct KeySourceArgs {
    /// A public JWK, or a JWKS (pick the key with --kid); `-` reads stdin
    #[arg(long, value_name = "FILE", group = "key_source")]
    pub jwk: Option<PathBuf>,

    /// A PEM public key (SPKI or PKCS#1), X.509 certificate, or RSA private key (only its
    /// public part is sent); `-` reads stdin
    #[arg(long, value_name = "FILE", group = "key_source")]
    pub pem: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[command(flatten)]
    pub source: KeySourceArgs,
    /// The kid to give the key (with a JWKS: which key to take)
    #[arg(long, value_name = "KID", value_parser = parse_kid)]
    pub kid: Option<String>,
    #[command(flatten)]
    pub dry_run: DryRunArg,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub fleet: FleetArgs,

    /// Add when each INACTIVE key is retirable (a RETIRABLE column; with -o json an
    /// `_oktakeys` member); reads the server's policies' rules
    #[arg(long)]
    pub retirement: bool,

    /// With --retirement: the longest access-token lifetime to assume, instead of reading
    /// the rules (e.g. 1h)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, requires = "retirement")]
    pub token_lifetime: Option<Duration>,
}

#[derive(Debug, Args)]
#[command(group(
    ArgGroup::new("private_key_dest")
        .args(["private_key_out", "private_key_command"])
        .required(true)
        .multiple(false)
))]
pub struct GenerateArgs {
    /// The new key's kid (it goes into the public JWK)
    #[arg(long, value_name = "KID", value_parser = parse_kid)]
    pub kid: String,

    /// File to write the private key to (mode 0600)
    #[arg(long, value_name = "FILE")]
    pub private_key_out: Option<PathBuf>,

    /// Pipe the private key to this command's stdin (sh -c) instead of a file, e.g. a
    /// secret store's client; its failure is exit 3
    #[arg(long, value_name = "CMD")]
    pub private_key_command: Option<String>,

    /// How the private key is written: PKCS#8 PEM, or a private JWK
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = PrivateKeyFormat::Pem)]
    pub private_key_format: PrivateKeyFormat,

    /// Encrypt the PEM with a passphrase (PKCS#8 PBES2), from OKTAKEYS_KEY_PASSPHRASE or
    /// asked on the terminal
    #[arg(long)]
    pub encrypt: bool,

    /// With --encrypt: how the passphrase becomes the key
    #[arg(long, value_enum, value_name = "KDF", default_value_t = Kdf::Scrypt, requires = "encrypt")]
    pub kdf: Kdf,

    /// RSA modulus size in bits
    #[arg(long, value_enum, value_name = "BITS", default_value_t = KeyBits::B3072)]
    pub bits: KeyBits,

    /// Replace FILE if it exists (atomically: the old key stays until the new one is complete)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
#[group(id = "rotate_source", required = true, multiple = false)]
pub struct RotateSourceArgs {
    /// The new public key as a JWK, or a JWKS (pick the key with --kid); `-` reads stdin
    #[arg(long, value_name = "FILE", group = "rotate_source")]
    pub jwk: Option<PathBuf>,

    /// The new public key as PEM: SPKI or PKCS#1 public key, X.509 certificate, or RSA
    /// private key (only its public part is sent); `-` reads stdin
    #[arg(long, value_name = "FILE", group = "rotate_source")]
    pub pem: Option<PathBuf>,

    /// Generate the new key pair (the private key goes into the ring, --private-key-out
    /// or --private-key-command)
    #[arg(long, group = "rotate_source")]
    pub generate: bool,
}

#[derive(Debug, Args)]
#[command(group(
    ArgGroup::new("private_key_dest")
        .args(["private_key_out", "private_key_command"])
        .multiple(false)
))]
pub struct RotateArgs {
    #[command(flatten)]
    pub fleet: FleetArgs,

    #[command(flatten)]
    pub source: RotateSourceArgs,

    /// The resource server's key ring: the new key's private half goes in (and is read
    /// back) before Okta gets the public half; deleted keys leave it
    #[command(flatten)]
    pub ring: super::ring::RingArg,

    /// With --generate: the file for the private key (PKCS#8 PEM, mode 0600); an existing
    /// file's key is used instead of a new one
    #[arg(long, value_name = "FILE", conflicts_with_all = ["jwk", "pem"])]
    pub private_key_out: Option<PathBuf>,

    /// With --generate: pipe the private key (PKCS#8 PEM) to this command's stdin (sh -c),
    /// e.g. `vault kv put secret/enc key=-`; nothing is written to disk, and if it fails
    /// nothing is sent (exit 3)
    #[arg(long, value_name = "CMD", conflicts_with_all = ["jwk", "pem"])]
    pub private_key_command: Option<String>,

    /// Add the new key INACTIVE and do nothing else; a later rotate with the same key
    /// activates it
    #[arg(long)]
    pub stage: bool,

    /// Before activating, run CMD (sh -c) until it exits 0: e.g. check that the resource
    /// server has loaded the new private key
    #[arg(long, value_name = "CMD", conflicts_with = "stage")]
    pub activate_when: Option<String>,

    /// How long to wait between two runs of the gate
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, default_value = "10s",
          requires = "activate_when")]
    pub gate_interval: Duration,

    /// How long the gate may stay closed before giving up (exit 12)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, default_value = "10m",
          requires = "activate_when")]
    pub gate_timeout: Duration,

    /// The longest access-token lifetime to assume, instead of reading the server's rules
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub token_lifetime: Option<Duration>,

    /// Delete previous keys even while tokens encrypted with them may be unexpired
    #[arg(long)]
    pub ignore_token_lifetime: bool,

    /// After each deletion, run CMD (sh -c) with OKTAKEYS_RETIRED_KID and
    /// OKTAKEYS_RETIRED_KEY_ID set, e.g. to destroy that private key in its store
    #[arg(long, value_name = "CMD")]
    pub on_retire: Option<String>,

    /// Change nothing while the ACTIVE key has been active for less than DURATION (e.g. 90d)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub if_older_than: Option<Duration>,

    /// With --dry-run: exit 11 when the run would change something, 0 when not
    #[arg(long, requires = "dry_run")]
    pub detailed_exitcode: bool,

    /// With --generate: RSA modulus size in bits
    #[arg(long, value_enum, value_name = "BITS", default_value_t = KeyBits::B3072)]
    pub bits: KeyBits,

    /// The new key's kid [default: the JWK's kid, else the RFC 7638 thumbprint]
    #[arg(long, value_name = "KID", value_parser = parse_kid)]
    pub kid: Option<String>,

    /// After activating, delete every retirable previous key
    #[arg(long, conflicts_with = "keep")]
    pub delete_old: bool,

    /// After activating, keep the N newest previous keys and delete the retirable others
    #[arg(long, value_name = "N")]
    pub keep: Option<usize>,

    /// Delete without asking
    #[arg(short = 'y', long)]
    pub yes: bool,

    /// Print the plan, change nothing, exit 0
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PrivateKeyFormat {
    /// PKCS#8 PEM (`BEGIN PRIVATE KEY`)
    Pem,
    /// A private JWK (`{"kty":"RSA",…,"d":…}`)
    Jwk,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kdf {
    /// scrypt (RFC 7914)
    Scrypt,
    /// PBKDF2 with HMAC-SHA-256 (RFC 8018)
    Pbkdf2,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KeyBits {
    #[value(name = "2048")]
    B2048,
    #[value(name = "3072")]
    B3072,
    #[value(name = "4096")]
    B4096,
}

impl KeyBits {
    pub fn bits(self) -> usize {
        match self {
            KeyBits::B2048 => 2048,
            KeyBits::B3072 => 3072,
            KeyBits::B4096 => 4096,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    #[test]
    fn auth_server_may_follow_the_subcommand() {
        let cli =
            Cli::try_parse_from(["oktakeys", "keys", "list", "--auth-server", "aus1"]).unwrap();
        let Command::Keys(keys) = cli.command else {
            panic!("expected the keys command");
        };
        assert_eq!(keys.single_auth_server(), Ok(Some("aus1")));
    }

    #[test]
    fn dot_and_blank_ids_are_usage_errors() {
        for bad in ["", " ", ".", ".."] {
            let err = Cli::try_parse_from(["oktakeys", "keys", "get", bad]).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}");
        }
        let ok = Cli::try_parse_from(["oktakeys", "keys", "get", "../../users/me"]);
        assert!(ok.is_ok());
    }

    #[test]
    fn rotate_takes_several_servers_and_one_source() {
        let cli = Cli::try_parse_from([
            "oktakeys",
            "keys",
            "rotate",
            "--auth-server",
            "ausA",
            "--auth-server",
            "ausB",
            "--pem",
            "k.pem",
            "--keep",
            "1",
        ])
        .unwrap();
        let Command::Keys(keys) = cli.command else {
            panic!("keys")
        };
        assert_eq!(keys.auth_server, ["ausA", "ausB"]);
        assert!(keys.single_auth_server().is_err());
        let KeysCommand::Rotate(rotate) = keys.command else {
            panic!("rotate")
        };
        assert_eq!(rotate.keep, Some(1));

        for bad in [
            &["--pem", "k.pem", "--jwk", "k.json"][..],
            &[][..],
            &["--pem", "k.pem", "--private-key-out", "x.pem"][..],
            &["--pem", "k.pem", "--delete-old", "--keep", "2"][..],
        ] {
            let mut argv = vec!["oktakeys", "keys", "rotate"];
            argv.extend_from_slice(bad);
            let err = Cli::try_parse_from(argv).unwrap_err();
            assert_eq!(err.exit_code(), 2, "{bad:?}");
        }
    }

    #[test]
    fn add_needs_a_key_source() {
        let err = Cli::try_parse_from(["oktakeys", "keys", "add"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }
}
