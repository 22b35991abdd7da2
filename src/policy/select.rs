//! Which servers the policy manages, and each one's settings: pure, from the file and the
//! servers each profile's org lists.

use std::time::Duration;

use super::file::{Encryption, PolicyFile, RetireAfter, ServerBlock, Settings, Source, Verify};
use crate::error::Result;
use crate::ring::Location;

/// A server as the org lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Listed {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) active: bool,
}

/// A server's settings, resolved: the built-in defaults, then [defaults], then each block
/// selecting it, in the file's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Desired {
    /// `None`: encryption is left as it is.
    pub(crate) encryption: Option<Encryption>,
    pub(crate) rotate_after: Option<Duration>,
    pub(crate) key_bits: usize,
    pub(crate) retire_after: RetireAfter,
    /// `None`: no previous key is deleted.
    pub(crate) max_inactive: Option<usize>,
    pub(crate) private_key_command: Option<String>,
    /// The key ring, a file or a secret store (`{server}` unexpanded): new keys go into
    /// it first, retired keys leave it.
    pub(crate) ring: Option<Location>,
    pub(crate) activate_when: Option<String>,
    pub(crate) gate_interval: Duration,
    pub(crate) gate_timeout: Duration,
    pub(crate) on_retire: Option<String>,
    pub(crate) verify: Option<Verify>,
}

/// The profiles the file names, in order of first appearance (`None`: the run's own).
pub(crate) fn profiles(file: &PolicyFile) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = Vec::new();
    for block in &file.servers {
        let profile = block.get_ref().profile.clone();
        if !out.contains(&profile) {
            out.push(profile);
        }
    }
    out
}

/// The servers of `profile` the policy selects, in the org's order, with their settings.
/// A block that selects nothing, or selects in more than one way, is an error naming its
/// line.
pub(crate) fn select(
    file: &PolicyFile,
    source: &Source,
    profile: &Option<String>,
    listed: &[Listed],
) -> Result<Vec<(Listed, Desired)>> {
    let mut chosen: Vec<(Listed, Settings)> = Vec::new();
    for block in file
        .servers
        .iter()
        .filter(|b| &b.get_ref().profile == profile)
    {
        for server in matching(block, source, listed)? {
            match chosen.iter_mut().find(|(s, _)| s.id == server.id) {
                Some((_, settings)) => override_with(settings, &block.get_ref().settings()),
                None => {
                    let mut settings = Settings::default();
                    override_with(&mut settings, &file.defaults);
                    override_with(&mut settings, &block.get_ref().settings());
                    chosen.push((server.clone(), settings));
                }
            }
        }
    }
    // The org's order, whatever the blocks' order.
    chosen.sort_by_key(|(s, _)| listed.iter().position(|l| l.id == s.id));
    chosen
        .into_iter()
        .map(|(server, settings)| Ok((server, resolve(&settings, source)?)))
        .collect()
}

/// The servers one block selects; none is an error at the selector's line.
fn matching<'a>(
    block: &toml::Spanned<ServerBlock>,
    source: &Source,
    listed: &'a [Listed],
) -> Result<Vec<&'a Listed>> {
    let b = block.get_ref();
    let given = [
        b.ids.is_some(),
        b.names.is_some(),
        b.name_globs.is_some(),
        b.all_active.is_some(),
    ];
    if given.iter().filter(|g| **g).count() != 1 {
        return Err(source.error(
            block.span(),
            "a [[servers]] block selects servers by exactly one of ids, names, name_globs or \
             all_active",
        ));
    }
    let mut out: Vec<&Listed> = Vec::new();
    let mut each =
        |values: &toml::Spanned<Vec<String>>, what: &str, hit: &dyn Fn(&Listed, &str) -> bool| {
            for value in values.get_ref() {
                let found: Vec<&Listed> = listed.iter().filter(|l| hit(l, value)).collect();
                if found.is_empty() {
                    return Err(source.error(
                        values.span(),
                        &format!(
                            "{what} `{}` matches no authorization server of the org",
                            value.escape_debug()
                        ),
                    ));
                }
                out.extend(found);
            }
            Ok(())
        };
    if let Some(ids) = &b.ids {
        each(ids, "id", &|l, v| l.id == v)?;
    } else if let Some(names) = &b.names {
        each(names, "name", &|l, v| l.name == v)?;
    } else if let Some(globs) = &b.name_globs {
        each(globs, "name glob", &|l, v| glob(v, &l.name))?;
    } else if let Some(all) = &b.all_active {
        if !*all.get_ref() {
            return Err(source.error(
                all.span(),
                "all_active = false selects nothing; remove the block or select by ids, names \
                 or name_globs",
            ));
        }
        out.extend(listed.iter().filter(|l| l.active));
        if out.is_empty() {
            return Err(source.error(
                all.span(),
                "the org has no ACTIVE custom authorization server",
            ));
        }
    }
    let mut distinct: Vec<&Listed> = Vec::new();
    for server in out {
        if !distinct.iter().any(|d| d.id == server.id) {
            distinct.push(server);
        }
    }
    Ok(distinct)
}

/// The settings of each block over [defaults], checked before anything is read from
/// Okta: a file that cannot work is exit 3 at once.
pub(crate) fn check(file: &PolicyFile, source: &Source) -> Result<()> {
    for block in &file.servers {
        let mut settings = Settings::default();
        override_with(&mut settings, &file.defaults);
        override_with(&mut settings, &block.get_ref().settings());
        resolve(&settings, source)?;
    }
    Ok(())
}

/// Later settings win: every setting `over` gives replaces the one in `into`.
fn override_with(into: &mut Settings, over: &Settings) {
    macro_rules! take {
        ($($field:ident),*) => {
            $(if over.$field.is_some() { into.$field = over.$field.clone(); })*
        };
    }
    // The ring is one setting, a file or a pair of commands: a block that gives either
    // replaces the other.
    if over.ring.is_some() || over.ring_read_command.is_some() || over.ring_write_command.is_some()
    {
        into.ring = None;
        into.ring_read_command = None;
        into.ring_write_command = None;
    }
    take!(
        encryption,
        rotate_after,
        key_bits,
        retire_after,
        max_inactive,
        private_key_command,
        ring,
        ring_read_command,
        ring_write_command,
        activate_when,
        gate_interval,
        gate_timeout,
        on_retire,
        verify
    );
}

/// The settings with the built-in defaults filled in. A rotation needs somewhere to keep
/// the new private key: `rotate_after` without one is an error at its line.
fn resolve(settings: &Settings, source: &Source) -> Result<Desired> {
    let ring = ring_location(settings, source)?;
    if let Some(after) = &settings.rotate_after
        && settings.private_key_command.is_none()
        && ring.is_none()
    {
        return Err(source.error(
            after.span(),
            "a rotation needs somewhere to keep the new private key: set ring or \
             private_key_command (in [defaults] or the server's block)",
        ));
    }
    Ok(Desired {
        encryption: settings.encryption,
        rotate_after: settings.rotate_after.as_ref().map(|s| s.get_ref().0),
        key_bits: settings.key_bits.map_or(3072, |b| b.0),
        retire_after: settings.retire_after.unwrap_or(RetireAfter::TokenLifetime),
        max_inactive: settings.max_inactive.map(usize::from),
        private_key_command: settings.private_key_command.clone(),
        ring,
        activate_when: settings.activate_when.clone(),
        gate_interval: settings
            .gate_interval
            .map_or(Duration::from_secs(10), |s| s.0),
        gate_timeout: settings
            .gate_timeout
            .map_or(Duration::from_secs(600), |s| s.0),
        on_retire: settings.on_retire.clone(),
        verify: settings.verify.clone(),
    })
}

/// The ring the settings give: `ring` (a file), or `ring_read_command` with
/// `ring_write_command` (a secret store); an empty one, half a pair or both kinds is an
/// error at its line.
fn ring_location(settings: &Settings, source: &Source) -> Result<Option<Location>> {
    let given = [
        &settings.ring,
        &settings.ring_read_command,
        &settings.ring_write_command,
    ];
    if let Some(empty) = given
        .into_iter()
        .flatten()
        .find(|s| s.get_ref().trim().is_empty())
    {
        return Err(source.error(
            empty.span(),
            "the key ring's setting is empty: give a file, e.g. \"rings/{server}.jwks\", \
             or ring_read_command with ring_write_command",
        ));
    }
    match (
        &settings.ring,
        &settings.ring_read_command,
        &settings.ring_write_command,
    ) {
        (None, None, None) => Ok(None),
        (Some(path), None, None) => Ok(Some(Location::File(path.get_ref().into()))),
        (None, Some(read), Some(write)) => Ok(Some(Location::Command {
            read: read.get_ref().clone(),
            write: write.get_ref().clone(),
        })),
        (Some(path), _, _) => Err(source.error(
            path.span(),
            "give the key ring as ring (a file) or as ring_read_command with \
             ring_write_command (a secret store), not both",
        )),
        (None, Some(one), None) | (None, None, Some(one)) => Err(source.error(
            one.span(),
            "ring_read_command and ring_write_command go together: the ring is read with \
             one and written back with the other",
        )),
    }
}

/// A name pattern: `*` any text (also none), `?` one character; everything else itself.
pub(crate) fn glob(pattern: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    // Where the last `*` was, and the name position it stood for: to backtrack.
    let (mut pi, mut ni, mut star) = (0, 0, None::<(usize, usize)>);
    while ni < n.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ni));
                pi += 1;
            }
            Some(c) if *c == '?' || *c == n[ni] => {
                pi += 1;
                ni += 1;
            }
            _ => match star {
                Some((sp, sn)) => {
                    pi = sp + 1;
                    ni = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::file::parse;

    fn listed() -> Vec<Listed> {
        [
            ("aus1", "payments-eu", true),
            ("aus2", "payments-us", true),
            ("aus3", "billing", false),
        ]
        .iter()
        .map(|(id, name, active)| Listed {
            id: id.to_string(),
            name: name.to_string(),
            active: *active,
        })
        .collect()
    }

    fn run(text: &str) -> Result<Vec<(Listed, Desired)>> {
        let source = Source {
            path: "p.toml".into(),
            text: text.into(),
        };
        let file = parse(&source)?;
        select(&file, &source, &None, &listed())
    }

    #[test]
    fn globs() {
        assert!(glob("payments-*", "payments-eu"));
        assert!(glob("*-e?", "payments-eu"));
        assert!(glob("*", ""));
        assert!(glob("a*b*c", "aXbYbZc"));
        assert!(!glob("payments-?", "payments-eu"));
        assert!(!glob("billing", "billing2"));
    }

    #[test]
    fn later_blocks_override_and_the_org_order_holds() {
        let chosen = run(
            "[defaults]\nencryption = \"RSA-OAEP-256\"\nmax_inactive = 1\n\
             [[servers]]\nnames = [\"billing\", \"payments-eu\"]\n\
             [[servers]]\nids = [\"aus1\"]\nencryption = \"off\"\n",
        )
        .unwrap();
        let ids: Vec<&str> = chosen.iter().map(|(l, _)| l.id.as_str()).collect();
        assert_eq!(ids, ["aus1", "aus3"]);
        assert_eq!(chosen[0].1.encryption, Some(Encryption::Off));
        assert_eq!(chosen[1].1.encryption, Some(Encryption::RsaOaep256));
        assert_eq!(chosen[0].1.max_inactive, Some(1));
        let active = run("[[servers]]\nall_active = true\n").unwrap();
        assert_eq!(active.len(), 2);
    }

    #[test]
    fn a_selector_that_matches_nothing_names_its_line() {
        let err = run("[[servers]]\nname_globs = [\"pay*\", \"nope-*\"]\n").unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(
            err.to_string().starts_with(
                "p.toml:2: key `servers[1].name_globs`: name glob `nope-*` matches no"
            ),
            "{err}"
        );
        let err = run("[[servers]]\nids = [\"a\"]\nnames = [\"b\"]\n").unwrap_err();
        assert!(err.to_string().contains("exactly one of"), "{err}");
        let err =
            run("[defaults]\nrotate_after = \"90d\"\n[[servers]]\nids = [\"aus1\"]\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("p.toml:2: key `defaults.rotate_after`: a rotation needs"),
            "{err}"
        );
    }
}
