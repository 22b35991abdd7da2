//! `oktakeys token decrypt`: open an encrypted access token; arguments and help.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Subcommand, ValueHint};

use crate::ids::parse_path_id;
use keymaterial::secret::Secret;

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  oktakeys token decrypt --private-key enc.pem - < token.txt")]
pub struct TokenArgs {
    #[command(subcommand)]
    pub command: TokenCommand,
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Decrypt an encrypted access token (JWE) and show its headers and claims
    #[command(after_help = "\
The token is a JWE compact serialization as Okta issues it when access-token encryption is
on: alg RSA-OAEP-256, RSA-OAEP-384 or RSA-OAEP-512; enc A128GCM, A192GCM, A256GCM,
A128CBC-HS256, A192CBC-HS384 or A256CBC-HS512. Anything else (RSA1_5, RSA-OAEP, dir, …) is
refused. Shown: the JWE header, the inner JWT's header and its claims (-o json: one object
with `header`, `jwt_header` and `claims`). The private key (PEM PKCS#8 or PKCS#1, or a
private JWK; its file must be readable by its owner only) is never printed, nor is the
token or the inner JWT.

With --auth-server, also verify the inner JWT: its signature against the server's
/oauth2/{id}/v1/keys (by the JWT header's kid), `iss` (the server's issuer) and `exp`.
Finding the server by name, and its issuer, uses the profile's API credentials.

With --ring instead of --private-key, the key is the ring's key of the token's kid (its JWE
header `kid`), as a resource server loading the ring picks it; a ring that holds no key of
that kid is exit 10 naming the kid (a resource server would fail on the token too).
`{server}` in the ring's path is the server of --auth-server (needed then).

Exit 10 when the token does not decrypt, the ring lacks its kid, its algorithm is refused,
or (with --auth-server) its signature, issuer or expiry is wrong. Prefer `-` (stdin) to
passing the token as an argument, which other users of the machine can see in the process
list.

Examples:
  oktakeys token decrypt --private-key enc.pem - < token.txt
  pbpaste | oktakeys token decrypt --private-key enc.jwk.json -o json - | jq .claims
  oktakeys token decrypt --private-key enc.pem --auth-server aus1a2b3c4d5e6f7g8h9 - < token.txt
  oktakeys token decrypt --ring ring.json - < token.txt")]
    Decrypt(DecryptArgs),
}

#[derive(Debug, Args)]
#[command(group(
    ArgGroup::new("decryption_key")
        .args(["private_key", "ring"])
        .required(true)
        .multiple(false)
))]
pub struct DecryptArgs {
    /// The resource server's RSA private key: PEM (PKCS#8 or PKCS#1) or a private JWK
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub private_key: Option<PathBuf>,

    /// The resource server's key ring (a private JWKS file): the key of the token's kid
    /// opens it; `{server}` in the path is the --auth-server's id
    #[arg(long, value_name = "PATH", value_hint = ValueHint::FilePath)]
    pub ring: Option<PathBuf>,

    /// Also verify the inner JWT against this authorization server (id, or its name)
    #[arg(long, value_name = "ID", value_parser = parse_path_id)]
    pub auth_server: Option<String>,

    /// The token, or `-` to read it from stdin
    #[arg(
        value_name = "TOKEN",
        value_parser = |s: &str| Ok::<_, std::convert::Infallible>(Secret::new(s))
    )]
    pub token: Secret,
}
