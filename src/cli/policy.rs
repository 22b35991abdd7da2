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
