//! `oktakeys keys ring check|list|prune|import|export`: the resource server's key ring;
//! arguments and help.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Subcommand, ValueHint};

use crate::env;
use crate::time::parse_duration;

/// Where the ring is: `--ring` (a file) or `--ring-read-command` with
/// `--ring-write-command` (a secret store), else their environment variables, else the
/// profile's `ring` or `ring_read_command` with `ring_write_command`.
#[derive(Debug, Clone, Default, Args)]
pub struct RingArg {
    /// The resource server's key ring: a file holding a private JWKS (mode 0600);
    /// `{server}` in it is the authorization server's id [default: the profile's `ring`]
    #[arg(long, value_name = "PATH", env = env::RING, value_hint = ValueHint::FilePath)]
    pub ring: Option<PathBuf>,

    /// The ring in a secret store instead of a file: a command (`sh -c`) that prints the
    /// ring (a JWKS; nothing at all while the store is empty), e.g. `kubectl get secret
    /// ring -o jsonpath='{.data.jwks}' | base64 -d`; `{server}` in it is the server's id
    #[arg(
        long,
        value_name = "CMD",
        env = env::RING_READ_COMMAND,
        requires = "ring_write_command",
        value_hint = ValueHint::CommandString
    )]
    pub ring_read_command: Option<String>,

    /// With --ring-read-command: a command that takes the whole new ring on its stdin
    /// and exits 0 once it is stored, e.g. `vault kv put secret/ring jwks=-`
    #[arg(
        long,
        value_name = "CMD",
        env = env::RING_WRITE_COMMAND,
        requires = "ring_read_command",
        value_hint = ValueHint::CommandString
    )]
    pub ring_write_command: Option<String>,
}

#[derive(Debug, Args)]
#[command(after_help = "\
The ring is one standard private JWKS per authorization server ({\"keys\":[…]}: RSA private
JWKs with kid, use \"enc\" and alg), the file a resource server loads to pick the decryption
key of a token by its kid. It must hold the private half of every key whose tokens may be
alive: the ACTIVE (current) key, staged next keys, and previous keys until they are
retirable (deactivated, plus the longest access-token lifetime).

It lives in a file (--ring), or in a secret store through two commands: one that prints
the ring (--ring-read-command; nothing at all while the store is empty) and one that takes
the whole new ring on its stdin and exits 0 once it is stored (--ring-write-command). They
run through `sh -c` like every command oktakeys runs (own process group, --timeout, at
most 1 MiB of output); key material goes only through their pipes, never their arguments.

Examples:
  oktakeys keys ring check --auth-server default --ring ring.json
  oktakeys keys ring list --auth-server default --ring 'rings/{server}.json'
  oktakeys keys ring check --auth-server default \\
    --ring-read-command 'vault kv get -field=jwks secret/ring-{server}' \\
    --ring-write-command 'vault kv put secret/ring-{server} jwks=-'")]
pub struct RingArgs {
    #[command(subcommand)]
    pub command: RingCommand,
}

#[derive(Debug, Subcommand)]
pub enum RingCommand {
    /// Check that the ring holds the private half of every key whose tokens may be alive
    #[command(after_help = "\
One list request, then local work: every key Okta holds whose tokens may be alive (ACTIVE,
staged next, previous not yet retirable) must be in the ring under its kid, and the ring's
key must be the private half of Okta's public key. Exit 0 when so; exit 10 naming the kid
and role of each missing or mismatched key. Ring keys Okta no longer needs (no key of
their kid, or retirable) are named on stderr as prune candidates (`keys ring prune`).

Retirement assumes tokens live 24h, Okta's maximum (reading the server's rules would cost
requests); --token-lifetime sets the lifetime your rules give. -o json prints one report:
{\"authServer\",\"ring\",\"ok\",\"needed\":[{\"kid\",\"keyId\",\"role\",\"status\",
\"retirableAt\",\"inRing\"}],\"prunable\":[{\"kid\",\"reason\",\"keyId\"}]}.

Examples:
  oktakeys keys ring check --auth-server default --ring ring.json
  oktakeys keys ring check --auth-server default --ring ring.json --token-lifetime 1h -o json")]
    Check(RingCheckArgs),

    /// List the ring's keys: kid, role in Okta, when retirable (never private members)
    #[command(after_help = "\
One row per key of the ring: its kid, its thumbprint, Okta's key of that kid (id, status,
role) and whether it is the same key, and when it is retirable. Private members are never
shown; -o json prints the same as objects, -o id the kids.

Examples:
  oktakeys keys ring list --auth-server default --ring ring.json
  oktakeys keys ring list --auth-server default --ring ring.json -o json")]
    List(RingCheckArgs),

    /// Remove the ring keys Okta no longer needs (what `keys ring check` calls prunable)
    #[command(after_help = "\
Removes from the ring only the keys `keys ring check` names as prune candidates: no key of
their kid in Okta, or Okta's key retirable (its last token has expired). The ring is read,
changed and written back under its lock, and read back. Asks first on a terminal; without
one, pass --yes (else exit 9). --dry-run names them and changes nothing.

Examples:
  oktakeys keys ring prune --auth-server default --ring ring.json --dry-run
  oktakeys keys ring prune --auth-server default --ring ring.json --token-lifetime 1h --yes")]
    Prune(RingPruneArgs),

    /// Adopt existing private keys into the ring, each under the kid of Okta's key it matches
    #[command(after_help = "\
Each FILE is an RSA private key (PEM PKCS#8 or PKCS#1, encrypted PKCS#8 with
OKTAKEYS_KEY_PASSPHRASE, or a private JWK; readable by its owner only). It is matched to the
server's keys by its public half, as `keys match` does, and goes into the ring under that
key's kid. A file that matches none of them is refused (exit 10) and nothing is written. A
ring file that does not exist is created (mode 0600); --encrypt-ring writes it encrypted.

Examples:
  oktakeys keys ring import --auth-server default --ring ring.json enc-2026-09.pem enc-2026-12.pem
  OKTAKEYS_KEY_PASSPHRASE=… oktakeys keys ring import --ring ring.jwe --encrypt-ring enc.pem")]
    Import(RingImportArgs),

    /// Export the ring's private keys: the JWKS on stdout (never on a terminal unless
    /// --reveal), or one PEM file per kid (--pem-dir)
    #[command(after_help = "\
Reads the ring only: no request is sent, and `{server}` in the ring's path is --auth-server
as given (an id). An encrypted ring is opened with OKTAKEYS_KEY_PASSPHRASE (or asked on the
terminal) and exported in the clear.

Without --pem-dir: the private JWKS ({\"keys\":[…]}, as the ring holds it) on stdout, for a
pipe or a file (`> ring.json`, `| kubectl create secret generic … --from-file=jwks=/dev/stdin`).
On a terminal it is refused (exit 2) unless --reveal: private keys are not shown on a screen by
accident.

With --pem-dir DIR: one PKCS#8 PEM file per key, DIR/KID.pem (mode 0600, each replaced
atomically: a temporary file beside it, then a rename), for applications that load PEM files.
The kid is made safe for a file name: every character but A-Z a-z 0-9 . _ - becomes `_`, and a
leading `.` too. DIR is created (mode 0700) if missing; other files in it are left alone. The
kids written go to stderr (-o id: the file paths on stdout; -o json: [{\"kid\",\"file\"}]).

Examples:
  oktakeys keys ring export --auth-server default --ring ring.json > /run/secrets/ring.json
  oktakeys keys ring export --auth-server default --ring ring.json --pem-dir keys/
  OKTAKEYS_KEY_PASSPHRASE=… oktakeys keys ring export --ring ring.jwe --reveal")]
    Export(RingExportArgs),
}

#[derive(Debug, Args)]
pub struct RingCheckArgs {
    #[command(flatten)]
    pub ring: RingArg,

    /// The longest access-token lifetime for the retirement rule [default: 24h, Okta's
    /// maximum]
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub token_lifetime: Option<Duration>,
}

#[derive(Debug, Args)]
pub struct RingPruneArgs {
    #[command(flatten)]
    pub check: RingCheckArgs,

    /// Name the keys that would be removed, change nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Remove without asking
    #[arg(short = 'y', long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct RingImportArgs {
    #[command(flatten)]
    pub ring: RingArg,

    /// Write the ring file encrypted (a PBES2 JWE of the JWKS) with the passphrase from
    /// OKTAKEYS_KEY_PASSPHRASE; a ring file that is encrypted stays so
    #[arg(long)]
    pub encrypt_ring: bool,

    /// RSA private keys: PEM or private JWK files
    #[arg(value_name = "FILE", required = true, value_hint = ValueHint::FilePath)]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RingExportArgs {
    #[command(flatten)]
    pub ring: RingArg,

    /// Write one PEM file per key (PKCS#8, mode 0600) into DIR, named KID.pem, instead of
    /// the JWKS on stdout
    #[arg(long, value_name = "DIR", value_hint = ValueHint::DirPath)]
    pub pem_dir: Option<PathBuf>,

    /// Print the private JWKS even when stdout is a terminal
    #[arg(long, conflicts_with = "pem_dir")]
    pub reveal: bool,
}

impl RingCheckArgs {
    pub fn lifetime(&self) -> Duration {
        self.token_lifetime
            .unwrap_or(Duration::from_secs(24 * 3600))
    }
}
