//! The policy file as written (`oktakeys.toml`): its types, which are also its JSON Schema
//! (`oktakeys policy schema`, derived with schemars), and the reading of it. Every error
//! names the file, the line and the key (toml gives the spans).

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::time::Duration;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use crate::error::{Error, Result};
use crate::time::parse_duration;

/// The policy file: defaults, and blocks of servers with their overrides.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "oktakeys policy",
    description = "The desired state of Okta authorization servers' encryption keys, read by \
                   `oktakeys plan` and `oktakeys apply`."
)]
pub(crate) struct PolicyFile {
    /// Settings for every selected server; a [[servers]] block overrides them.
    #[serde(default)]
    pub(crate) defaults: Settings,
    /// Which servers the policy manages: each block selects servers (of a profile) by
    /// one of `ids`, `names`, `name_globs` or `all_active`, and may override settings.
    /// A server selected by several blocks takes the later block's settings.
    #[serde(default)]
    #[schemars(with = "Vec<ServerBlock>")]
    pub(crate) servers: Vec<Spanned<ServerBlock>>,
}

/// A duration as people write it: `30s`, `10m`, `4h`, `90d`, `1h30m`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span(pub(crate) Duration);

const DURATION_PATTERN: &str = "^([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?$";

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        parse_duration(&text)
            .map(Span)
            .map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Span {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": DURATION_PATTERN,
            "minLength": 2,
            "description": "A duration: a number and a unit, largest first: 30s, 10m, 4h, 90d, 1h30m"
        })
    }
}

/// Access-token encryption: an algorithm, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub(crate) enum Encryption {
    #[serde(rename = "RSA-OAEP-256")]
    RsaOaep256,
    #[serde(rename = "RSA-OAEP-384")]
    RsaOaep384,
    #[serde(rename = "RSA-OAEP-512")]
    RsaOaep512,
    #[serde(rename = "off")]
    Off,
}

impl Encryption {
    /// The value of the server's `accessTokenEncryptedResponseAlgorithm`, `None` for off.
    pub(crate) fn alg(self) -> Option<&'static str> {
        match self {
            Encryption::RsaOaep256 => Some("RSA-OAEP-256"),
            Encryption::RsaOaep384 => Some("RSA-OAEP-384"),
            Encryption::RsaOaep512 => Some("RSA-OAEP-512"),
            Encryption::Off => None,
        }
    }
}

/// RSA modulus size of generated keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "i64")]
pub(crate) struct KeyBits(pub(crate) usize);

impl TryFrom<i64> for KeyBits {
    type Error = String;
    fn try_from(bits: i64) -> std::result::Result<Self, String> {
        match bits {
            2048 | 3072 | 4096 => Ok(KeyBits(bits as usize)),
            other => Err(format!("{other} is not 2048, 3072 or 4096")),
        }
    }
}

impl JsonSchema for KeyBits {
    fn schema_name() -> Cow<'static, str> {
        "KeyBits".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "integer", "enum": [2048, 3072, 4096]})
    }
}

/// When a previous key may be deleted: once the last access token encrypted with it has
/// expired (`token-lifetime`: the server's longest access-token lifetime, read from its
/// policies' rules), or a longer duration after its deactivation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RetireAfter {
    TokenLifetime,
    AtLeast(Duration),
}

impl<'de> Deserialize<'de> for RetireAfter {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        if text == "token-lifetime" {
            return Ok(RetireAfter::TokenLifetime);
        }
        parse_duration(&text)
            .map(RetireAfter::AtLeast)
            .map_err(|why| serde::de::Error::custom(format!("{why}, or `token-lifetime`")))
    }
}

impl JsonSchema for RetireAfter {
    fn schema_name() -> Cow<'static, str> {
        "RetireAfter".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "anyOf": [
                {"const": "token-lifetime"},
                {"pattern": DURATION_PATTERN, "minLength": 2}
            ],
            "description": "`token-lifetime` (the server's longest access-token lifetime), or a longer duration such as 7d"
        })
    }
}

/// The proof after a change: an access token from the server's own token endpoint
/// (client credentials), checked as `oktakeys keys verify` does.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Verify {
    /// The OAuth client (Client Credentials grant) that asks for the token.
    pub(crate) client_id: String,
    /// Scopes to ask for (Okta needs a custom scope of the server).
    #[serde(default)]
    pub(crate) scope: Vec<String>,
    /// The environment variable holding the client secret (never the secret itself).
    pub(crate) secret_env: String,
}

/// Settings of a server: every one optional; unset ones come from [defaults], then the
/// built-in defaults.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Settings {
    /// Access-token encryption: RSA-OAEP-256, RSA-OAEP-384, RSA-OAEP-512 or off
    /// (unset: left as it is).
    pub(crate) encryption: Option<Encryption>,
    /// Rotate when the ACTIVE key has been active this long (e.g. 90d; unset: never
    /// rotated, but a key is added to a server that has no ACTIVE key).
    #[schemars(with = "Option<Span>")]
    pub(crate) rotate_after: Option<Spanned<Span>>,
    /// RSA modulus size of new keys [default: 3072].
    pub(crate) key_bits: Option<KeyBits>,
    /// When a previous key may be deleted [default: token-lifetime].
    pub(crate) retire_after: Option<RetireAfter>,
    /// At most this many INACTIVE previous keys stay (the newest; the one deactivated
    /// last counts first); older ones are deleted once retirable (unset: none deleted).
    pub(crate) max_inactive: Option<u8>,
    /// A command (sh -c) that stores each new private key: it reads the PKCS#8 PEM on
    /// stdin, with OKTAKEYS_AUTH_SERVER and OKTAKEYS_NEW_KID set.
    pub(crate) private_key_command: Option<String>,
    /// The resource server's key ring: a private JWKS file (`{server}` is the server's
    /// id, e.g. "rings/{server}.jwks"); new keys go into it before Okta sees them, retired
    /// keys leave it (see `oktakeys keys ring`). Or a secret store: ring_read_command
    /// with ring_write_command.
    #[schemars(with = "Option<String>")]
    pub(crate) ring: Option<Spanned<String>>,
    /// The key ring in a secret store: a command (sh -c) that prints the ring's JWKS
    /// (`{server}` is the server's id, shell-quoted), e.g. "vault kv get -field=ring
    /// secret/oktakeys/{server}"; with ring_write_command, instead of ring.
    #[schemars(with = "Option<String>")]
    pub(crate) ring_read_command: Option<Spanned<String>>,
    /// A command (sh -c) that stores the ring's JWKS read on its stdin, exiting 0 only
    /// once it is stored, e.g. "vault kv put secret/oktakeys/{server} ring=-".
    #[schemars(with = "Option<String>")]
    pub(crate) ring_write_command: Option<Spanned<String>>,
    /// The activation gate: a command (sh -c) run until it exits 0 before a new key is
    /// activated (OKTAKEYS_AUTH_SERVER, OKTAKEYS_NEW_KID, OKTAKEYS_NEW_KEY_ID set).
    pub(crate) activate_when: Option<String>,
    /// How long to wait between two runs of the gate [default: 10s].
    pub(crate) gate_interval: Option<Span>,
    /// How long the gate may stay closed before giving up (exit 12) [default: 10m].
    pub(crate) gate_timeout: Option<Span>,
    /// A command (sh -c) run after each key deletion, with OKTAKEYS_RETIRED_KID and
    /// OKTAKEYS_RETIRED_KEY_ID set: e.g. to destroy that private key in its store.
    pub(crate) on_retire: Option<String>,
    /// Prove decryption after a change (unset: not proven).
    pub(crate) verify: Option<Verify>,
}

/// Servers of one profile (org), selected by exactly one of `ids`, `names`, `name_globs`
/// or `all_active`, with the settings that override [defaults] for them.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ServerBlock {
    /// The profile (org) of these servers [default: the run's profile].
    pub(crate) profile: Option<String>,
    /// Authorization server ids (aus…).
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) ids: Option<Spanned<Vec<String>>>,
    /// Exact server names.
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) names: Option<Spanned<Vec<String>>>,
    /// Name patterns: `*` any text, `?` one character (e.g. "payments-*").
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) name_globs: Option<Spanned<Vec<String>>>,
    /// Every ACTIVE custom authorization server of the org.
    #[schemars(with = "Option<bool>")]
    pub(crate) all_active: Option<Spanned<bool>>,
    // The overrides, spelled out (serde's flatten would lose deny_unknown_fields).
    pub(crate) encryption: Option<Encryption>,
    #[schemars(with = "Option<Span>")]
    pub(crate) rotate_after: Option<Spanned<Span>>,
    pub(crate) key_bits: Option<KeyBits>,
    pub(crate) retire_after: Option<RetireAfter>,
    pub(crate) max_inactive: Option<u8>,
    pub(crate) private_key_command: Option<String>,
    #[schemars(with = "Option<String>")]
    pub(crate) ring: Option<Spanned<String>>,
    #[schemars(with = "Option<String>")]
    pub(crate) ring_read_command: Option<Spanned<String>>,
    #[schemars(with = "Option<String>")]
    pub(crate) ring_write_command: Option<Spanned<String>>,
    pub(crate) activate_when: Option<String>,
    pub(crate) gate_interval: Option<Span>,
    pub(crate) gate_timeout: Option<Span>,
    pub(crate) on_retire: Option<String>,
    pub(crate) verify: Option<Verify>,
}

impl ServerBlock {
    /// The block's settings, as the same type as [defaults].
    pub(crate) fn settings(&self) -> Settings {
        Settings {
            encryption: self.encryption,
            rotate_after: self.rotate_after.clone(),
            key_bits: self.key_bits,
            retire_after: self.retire_after,
            max_inactive: self.max_inactive,
            private_key_command: self.private_key_command.clone(),
            ring: self.ring.clone(),
            ring_read_command: self.ring_read_command.clone(),
            ring_write_command: self.ring_write_command.clone(),
            activate_when: self.activate_when.clone(),
            gate_interval: self.gate_interval,
            gate_timeout: self.gate_timeout,
            on_retire: self.on_retire.clone(),
            verify: self.verify.clone(),
        }
    }
}

/// The file's path and text: errors found after parsing (a selector that matches
/// nothing) still name its line.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub(crate) path: PathBuf,
    pub(crate) text: String,
}

impl Source {
    /// `oktakeys.toml:5`, for the start of `span`.
    pub(crate) fn at(&self, span: std::ops::Range<usize>) -> String {
        format!(
            "{}:{}",
            self.path.display(),
            line_of(&self.text, span.start)
        )
    }

    /// An error in the file at `span`, naming the key there.
    pub(crate) fn error(&self, span: std::ops::Range<usize>, message: &str) -> Error {
        let key = key_at(&self.text, span.start)
            .map(|k| format!(": key `{k}`"))
            .unwrap_or_default();
        Error::config_hint(
            format!("{}{key}: {message}", self.at(span)),
            "`oktakeys policy schema` prints the file's JSON Schema; the README's \"Policy: plan \
             and apply\" section has an example",
        )
    }
}

/// Read and parse the policy file (exit 3 when it is missing or wrong).
pub(crate) fn load(path: &Path) -> Result<(PolicyFile, Source)> {
    let text = crate::files::read_local(path)
        .map_err(Some)
        .and_then(|bytes| String::from_utf8(bytes).map_err(|_| None));
    let text = text.map_err(|why| {
        Error::config_hint(
            match why {
                Some(why) => why.message(&format!("the policy file {}", path.display())),
                None => format!("the policy file {} is not UTF-8 text", path.display()),
            },
            "write one (the README's \"Policy: plan and apply\" section has an example), or \
             name it with --file",
        )
    })?;
    let source = Source {
        path: path.to_path_buf(),
        text,
    };
    let file = parse(&source)?;
    Ok((file, source))
}

pub(crate) fn parse(source: &Source) -> Result<PolicyFile> {
    toml::from_str(&source.text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        source.error(span, e.message().trim_end())
    })
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |before| before.matches('\n').count() + 1)
}

/// The key at `offset`: the `key = …` of its line, under its table (`[defaults]`,
/// `[[servers]]` #2) as a dotted path; `None` when the line has no key.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text[start..].lines().next().unwrap_or("");
    let key = line
        .split_once('=')
        .map(|(k, _)| k.trim().trim_matches('"').to_string())
        .filter(|k| !k.is_empty() && !k.starts_with('['));
    let table = table_at(&text[..start]);
    match (table, key) {
        (Some(t), Some(k)) => Some(format!("{t}.{k}")),
        (None, Some(k)) => Some(k),
        (Some(t), None) if line.trim_start().starts_with('[') => Some(t),
        _ => line
            .trim()
            .strip_prefix('[')
            .map(|t| t.trim_matches(['[', ']']).to_string()),
    }
}

/// The table a line stands in: the last header before it (`servers[2]` for the second
/// `[[servers]]`).
fn table_at(before: &str) -> Option<String> {
    let mut blocks = 0;
    let mut table = None;
    for line in before.lines().map(str::trim) {
        if line.starts_with("[[servers]]") {
            blocks += 1;
            table = Some(format!("servers[{blocks}]"));
        } else if let Some(header) = line.strip_prefix("[[").and_then(|l| l.split("]]").next()) {
            table = Some(header.trim().to_string());
        } else if let Some(header) = line.strip_prefix('[').and_then(|l| l.split(']').next()) {
            let header = header.trim();
            table = Some(match header.strip_prefix("servers.") {
                Some(sub) if blocks > 0 => format!("servers[{blocks}].{sub}"),
                _ => header.to_string(),
            });
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> Source {
        Source {
            path: "p.toml".into(),
            text: text.into(),
        }
    }

    fn err(text: &str) -> String {
        parse(&source(text)).unwrap_err().to_string()
    }

    #[test]
    fn errors_name_the_line_and_the_key() {
        let e = err("[defaults]\nencryption = \"RSA-OAEP-256\"\nrotate_aftr = \"90d\"\n");
        assert!(
            e.starts_with("p.toml:3: key `defaults.rotate_aftr`: unknown field"),
            "{e}"
        );
        let e = err("[defaults]\nrotate_after = \"90x\"\n");
        assert!(
            e.starts_with("p.toml:2: key `defaults.rotate_after`: `90x` is not a duration"),
            "{e}"
        );
        let e = err(
            "[[servers]]\nids = [\"a\"]\n\n[[servers]]\nall_active = true\nencryption = \"RSA-OAEP-1024\"\n",
        );
        assert!(
            e.starts_with("p.toml:6: key `servers[2].encryption`: unknown variant `RSA-OAEP-1024`"),
            "{e}"
        );
        let e = err(
            "[[servers]]\nids = [\"a\"]\n[servers.verify]\nclient_id = \"c\"\nsecret = \"x\"\n",
        );
        assert!(
            e.starts_with("p.toml:5: key `servers[1].verify.secret`: unknown field"),
            "{e}"
        );
        let e = err("[defaults]\nkey_bits = 1024\n");
        assert!(e.contains("1024 is not 2048, 3072 or 4096"), "{e}");
        let e = err("[defaults]\nretire_after = \"soon\"\n");
        assert!(e.contains("or `token-lifetime`"), "{e}");
    }

    #[test]
    fn a_full_file_parses() {
        let file = parse(&source(
            "[defaults]\nencryption = \"off\"\nrotate_after = \"1h30m\"\nkey_bits = 2048\n\
             retire_after = \"7d\"\nmax_inactive = 2\n[defaults.verify]\nclient_id = \"0oa\"\n\
             scope = [\"s\"]\nsecret_env = \"V\"\n[[servers]]\nprofile = \"p\"\nname_globs = [\"a*\"]\n\
             retire_after = \"token-lifetime\"\n",
        ))
        .unwrap();
        assert_eq!(file.defaults.encryption, Some(Encryption::Off));
        assert_eq!(
            file.defaults.rotate_after.unwrap().into_inner().0,
            Duration::from_secs(5400)
        );
        assert_eq!(
            file.defaults.retire_after,
            Some(RetireAfter::AtLeast(Duration::from_secs(7 * 86400)))
        );
        let block = file.servers[0].get_ref();
        assert_eq!(block.retire_after, Some(RetireAfter::TokenLifetime));
        assert_eq!(block.profile.as_deref(), Some("p"));
    }
}
