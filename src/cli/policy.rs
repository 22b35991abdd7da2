//! `oktakeys plan`, `oktakeys apply` and `oktakeys policy schema`: the desired state of
//! every server from one policy file; arguments and help.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueHint};

/// The policy file flag, shared by plan and apply.
#[derive(Debug, Args)]
pub struct PolicyFileArg {
    /// The policy file
    #[arg(
        long,
        value_name = "FILE",
        default_value = "oktakeys.toml",
        value_hint = ValueHint::FilePath
    )]
    pub file: PathBuf,
}

#[derive(Debug, Args)]
#[command(after_help = "\
Reads the policy file, then each selected server's object, keys and (when a retirement time
is to be told) its policies' rules; changes nothing. Per server, each change apply would make
and why: a rotation (the ACTIVE key's age against rotate_after), a staged key to activate,
encryption to turn on, change or off, previous keys to retire now; then the keys kept and
when they become retirable, when the next rotation is due, and drift the policy leaves
alone (a key added by hand, a key without a kid). The times come from this machine's clock,
shown in the first line (-o json: `now`).

Exit 0 when nothing would change; with --detailed-exitcode, 11 when something would. A server
that cannot be read is reported and the others are still planned (the exit code is then that
failure's). -o json prints one object: {\"now\",\"file\",\"servers\":[{\"profile\",\"id\",\"name\",
\"changes\":[{\"action\",\"why\"}],\"kept\",\"drift\",\"rotation_due\",\"error\"}]}.

Examples:
  oktakeys plan
  oktakeys plan --file policies/prod.toml --detailed-exitcode
  oktakeys plan -o json --jq '.servers[] | select(.changes != []) | .id'")]
pub struct PlanArgs {
    #[command(flatten)]
    pub file: PolicyFileArg,

    /// Exit 11 when apply would change something, 0 when not
    #[arg(long)]
    pub detailed_exitcode: bool,

    /// How many servers are read at once
    #[arg(long, value_name = "N", default_value_t = 8,
          value_parser = clap::value_parser!(u16).range(1..))]
    pub parallel: u16,
}

#[derive(Debug, Args)]
#[command(after_help = "\
Plans as `oktakeys plan` does, shows the plan, asks once (--yes for CI; without a terminal
and without --yes, exit 9), then converges each server in the safe order, through the same
code as `keys rotate`: a new key (generated, handed to private_key_command, added INACTIVE)
or a staged one, the activation gate (activate_when), the activation, encryption, the
verify proof (a token from the server's own token endpoint is a JWE to the ACTIVE key, and
opens with the new private key when this run made it), then the retirement of previous keys.

Idempotent: a second apply does nothing. Resumable: Okta is the state, so an apply stopped
anywhere (even kill -9) is completed by the next one, nothing done twice (a key stopped
between its private_key_command and its add is never added; the next apply makes another).
A server changed under the run stops with exit 13 and the others go on; a failure on one
server stops only that server. Ends with a summary table per server (-o json: an array of
{\"profile\",\"id\",\"name\",\"result\",\"done\",\"active_key\",\"error\"}); the exit code is the
first failure's.

Examples:
  oktakeys apply
  oktakeys apply --file policies/prod.toml --yes --parallel 4
  oktakeys apply --yes -o json")]
pub struct ApplyArgs {
    #[command(flatten)]
    pub file: PolicyFileArg,

    /// Apply without asking
    #[arg(short = 'y', long)]
    pub yes: bool,

    /// How many servers are worked on at once
    #[arg(long, value_name = "N", default_value_t = 8,
          value_parser = clap::value_parser!(u16).range(1..))]
    pub parallel: u16,
}

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  oktakeys policy schema > oktakeys.schema.json")]
pub struct PolicyArgs {
    #[command(subcommand)]
    pub command: PolicyCommand,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Print the policy file's JSON Schema, for editors (taplo, VS Code) and CI checks
    #[command(after_help = "\
The schema (JSON Schema draft 2020-12) is made from the same types the file is read into, so
an editor flags what plan and apply refuse: unknown keys, unknown algorithms, durations that
are not one (a number and a unit: 30s, 10m, 4h, 90d, 1h30m). With taplo, put
`#:schema ./oktakeys.schema.json` as the file's first line.

Examples:
  oktakeys policy schema > oktakeys.schema.json")]
    Schema,
}
