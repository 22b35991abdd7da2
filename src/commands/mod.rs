//! Glue from parsed arguments to API calls and output; one file per command group.

use crate::cli::{Cli, Command, KeysArgs, KeysCommand};
use crate::error::Result;

pub mod generate;
pub mod keys;

pub async fn dispatch(cli: Cli) -> Result<()> {
    match cli.command {
        // Offline: no profile, no client.
        Command::Keys(KeysArgs {
            command: KeysCommand::Generate(generate),
            ..
        }) => generate::run(&cli.global, &generate),
        Command::Keys(args) => keys::run(&cli.global, args).await,
    }
}
