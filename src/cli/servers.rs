//! `oktakeys servers list|get|encryption`: the org's authorization servers and their
//! access-token encryption; arguments and help.

use clap::{Args, Subcommand, ValueEnum};

use crate::env;
use crate::ids::parse_path_id;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  oktakeys servers list
  oktakeys servers get aus1a2b3c4d5e6f7g8h9
  oktakeys servers encryption enable --auth-server aus1a2b3c4d5e6f7g8h9")]
pub struct ServersArgs {
    #[command(subcommand)]
    pub command: ServersCommand,
}

#[derive(Debug, Subcommand)]
pub enum ServersCommand {
    /// List the org's authorization servers, with their access-token encryption
    #[command(after_help = "\
One row per server: ID, NAME, STATUS, ENCRYPTION (the algorithm, or `off`), KEYS (`saved`,
or `url` when the server fetches its keys from a jwks_uri), ISSUER. Every page is read
(Okta's `Link: rel=\"next\"`). -o json prints Okta's objects as received, all pages in one
array; -o id the ids.

Examples:
  oktakeys servers list
  oktakeys servers list --query payments
  oktakeys servers list -o json | jq -r '.[] | select(.accessTokenEncryptedResponseAlgorithm) | .id'")]
    List(ListArgs),

    /// Show one server: encryption, active key, keys, longest access-token lifetime
    #[command(after_help = "\
For people, besides the server's row: the encryption algorithm, the ACTIVE key (id, kid,
since when), the number of keys, and the longest access-token lifetime of its rules (the
largest over every ACTIVE rule of every ACTIVE policy): how long a token encrypted with a
key stays in use after another key is activated. -o json prints Okta's server object as
received. ID may also be the server's name.

Examples:
  oktakeys servers get aus1a2b3c4d5e6f7g8h9
  oktakeys servers get default -o json | jq .accessTokenEncryptedResponseAlgorithm
  oktakeys servers get --all-auth-servers
  oktakeys servers get --all-auth-servers -o json --jq '.[] | select(.jwks_uri) | .id'")]
    Get(GetArgs),

    /// Turn access-token encryption on or off
    #[command(after_help = "\
Examples:
  oktakeys servers encryption enable --auth-server aus1a2b3c4d5e6f7g8h9
  oktakeys servers encryption disable --auth-server aus1a2b3c4d5e6f7g8h9 --dry-run")]
    Encryption(EncryptionArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only servers whose name or audiences match TEXT (Okta's `q`)
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
}

#[derive(Debug, Args)]
pub struct GetArgs {
    /// The server's id (aus…, or `default`), or its name
    #[arg(
        value_name = "ID",
        value_parser = parse_path_id,
        required_unless_present = "all_auth_servers"
    )]
    pub id: Option<String>,

    /// Every ACTIVE custom authorization server of the org instead of ID: one block each,
    /// in Okta's order (-o json: an array of server objects)
    #[arg(long, conflicts_with = "id")]
    pub all_auth_servers: bool,

    /// With --all-auth-servers: how many servers are read at once (1: one after another)
    #[arg(
        long,
        value_name = "N",
        default_value_t = 8,
        value_parser = clap::value_parser!(u16).range(1..)
    )]
    pub parallel: u16,
}

#[derive(Debug, Args)]
pub struct EncryptionArgs {
    #[command(subcommand)]
    pub command: EncryptionCommand,
}

#[derive(Debug, Subcommand)]
pub enum EncryptionCommand {
    /// Encrypt the server's access tokens to its ACTIVE key
    #[command(after_help = "\
GETs the server, sets only accessTokenEncryptedResponseAlgorithm, and PUTs the whole object
back (a PUT replaces the server: every field Okta sent, known or not, goes back unchanged).
The server needs an ACTIVE key: without one the command refuses (exit 6) before sending,
and names `oktakeys keys activate`. Afterwards, prove that your resource server's private
key opens the new tokens with `oktakeys keys verify`.

Examples:
  oktakeys servers encryption enable --auth-server aus1a2b3c4d5e6f7g8h9
  oktakeys servers encryption enable --auth-server payments --alg RSA-OAEP-512 --dry-run")]
    Enable(EnableArgs),

    /// Stop encrypting the server's access tokens (they become plain signed JWTs)
    #[command(after_help = "\
GETs the server and PUTs it back without accessTokenEncryptedResponseAlgorithm; every other
field goes back unchanged.

Examples:
  oktakeys servers encryption disable --auth-server aus1a2b3c4d5e6f7g8h9
  oktakeys servers encryption disable --auth-server payments --dry-run -o json")]
    Disable(DisableArgs),
}

#[derive(Debug, Args)]
pub struct ServerArg {
    /// Authorization server id (aus…, or `default`), or its name; a profile may give a default
    #[arg(long, env = env::AUTH_SERVER, value_name = "ID", value_parser = parse_path_id)]
    pub auth_server: Option<String>,
}

#[derive(Debug, Args)]
pub struct EnableArgs {
    #[command(flatten)]
    pub server: ServerArg,

    /// The key-management algorithm Okta encrypts with
    #[arg(long, value_enum, value_name = "ALG", default_value_t = EncryptionAlg::RsaOaep256)]
    pub alg: EncryptionAlg,

    /// Print the PUT that would be sent (method, URL, the whole body), send nothing, exit 0
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct DisableArgs {
    #[command(flatten)]
    pub server: ServerArg,

    /// Print the PUT that would be sent (method, URL, the whole body), send nothing, exit 0
    #[arg(long)]
    pub dry_run: bool,
}

/// The three algorithms Okta offers for access-token encryption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncryptionAlg {
    #[value(name = "RSA-OAEP-256", alias = "256")]
    RsaOaep256,
    #[value(name = "RSA-OAEP-384", alias = "384")]
    RsaOaep384,
    #[value(name = "RSA-OAEP-512", alias = "512")]
    RsaOaep512,
}

impl EncryptionAlg {
    pub fn as_str(self) -> &'static str {
        match self {
            EncryptionAlg::RsaOaep256 => "RSA-OAEP-256",
            EncryptionAlg::RsaOaep384 => "RSA-OAEP-384",
            EncryptionAlg::RsaOaep512 => "RSA-OAEP-512",
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::cli::{Cli, Command};
    use clap::Parser;

    #[test]
    fn alg_takes_the_names_and_their_short_forms() {
        for (arg, expected) in [("RSA-OAEP-384", "RSA-OAEP-384"), ("512", "RSA-OAEP-512")] {
            let cli = Cli::try_parse_from([
                "oktakeys",
                "servers",
                "encryption",
                "enable",
                "--auth-server",
                "a",
                "--alg",
                arg,
            ])
            .unwrap();
            let Command::Servers(servers) = cli.command else {
                panic!("servers")
            };
            let super::ServersCommand::Encryption(enc) = servers.command else {
                panic!("encryption")
            };
            let super::EncryptionCommand::Enable(enable) = enc.command else {
                panic!("enable")
            };
            assert_eq!(enable.alg.as_str(), expected);
        }
        let refused = Cli::try_parse_from([
            "oktakeys",
            "servers",
            "encryption",
            "enable",
            "--alg",
            "RSA1_5",
        ]);
        assert_eq!(refused.unwrap_err().exit_code(), 2);
    }
}
