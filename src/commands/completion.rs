//! `oktakeys completion SHELL`: print a completion script generated from the clap tree.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::{Cli, CompletionArgs};
use crate::error::Result;
use crate::output::write_stdout;

/// The completion script for `shell`, generated from the whole command tree (whatever
/// subcommands it holds). `completions/` holds these, checked current by a test.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "oktakeys", &mut out);
    out
}

pub fn run(args: &CompletionArgs) -> Result<()> {
    write_stdout(&String::from_utf8_lossy(&script(args.shell)))
}
