//! oktakeys: manage the public JSON Web Keys of Okta custom authorization servers.
//!
//! Data flows one way: `cli` (parse) → `config` (resolve settings) → `client` (`http` + `auth`)
//! → `api` (typed calls) → `output` (render). `commands/` is the glue per command group.
//! Key material (`keymaterial`) and the sandbox (`oktakeys_sandbox`) are crates of their own.

pub mod api;
pub mod auth;
pub mod cli;
pub mod client;
pub mod commands;
pub mod config;
mod env;
pub mod error;
mod files;
mod http;
mod ids;
pub mod output;
mod passphrase;
pub mod rotate;
mod shell;
mod time;

// Compatibility paths from before the key material and the sandbox became crates, so
// code written against them keeps compiling; to be removed once callers use the crates.
pub use keymaterial::secret;
pub use oktakeys_sandbox as sandbox;
/// Compatibility path: public JWKs, PEM keys and generation, as `crate::jwk` had them.
pub mod jwk {
    pub use keymaterial::generate::{GENERATE_BITS, generate};
    pub use keymaterial::jwk::*;
    pub use keymaterial::pem::from_pem_bytes;
}

pub use error::{Error, Result};

/// Run one parsed command line to completion on a current-thread runtime.
pub fn run(cli: cli::Cli) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Internal(format!("cannot start the async runtime: {e}")))?;
    let result = runtime.block_on(async {
        // Biased: a command that watches Ctrl-C itself (rotate) gets to report first.
        tokio::select! {
            biased;
            result = commands::dispatch(cli) => result,
            _ = tokio::signal::ctrl_c() => Err(Error::Interrupted { during: None, hint: None }),
        }
    });
    // A prompt still waiting for a line on its blocking thread after Ctrl-C must not
    // hold the exit up: dropping the runtime would wait for it forever.
    runtime.shutdown_background();
    result
}
