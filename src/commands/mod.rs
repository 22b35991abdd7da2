//! Glue from parsed arguments to API calls and output; one file per command group.

use crate::cli::{Cli, Command};
use crate::error::Result;

pub mod keys;
pub mod sandbox;

pub async fn dispatch(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Keys(args) => keys::run(&cli.global, args).await,
        Command::Sandbox(args) => sandbox::run(args).await,
    }
}
