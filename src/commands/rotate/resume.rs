//! The command that resumes the rotation of one server, for people to copy after a failure.

use std::path::Path;

use crate::cli::{GlobalArgs, RotateArgs};

/// The command that resumes the rotation of one server: the same source, kid and retention.
pub(super) fn resume_command(global: &GlobalArgs, server: &str, args: &RotateArgs) -> String {
    let mut argv: Vec<String> = vec!["oktakeys".into()];
    if let Some(profile) = &global.profile {
        argv.extend(["--profile".into(), profile.clone()]);
    }
    if let Some(config) = &global.config {
        argv.extend(["--config".into(), path_arg(config)]);
    }
    if let Some(org) = &global.org_url {
        argv.extend(["--org-url".into(), org.clone()]);
    }
    argv.extend([
        "keys".into(),
        "rotate".into(),
        "--auth-server".into(),
        server.into(),
    ]);
    if let Some(p) = &args.source.jwk {
        argv.extend(["--jwk".into(), path_arg(p)]);
    } else if let Some(p) = &args.source.pem {
        argv.extend(["--pem".into(), path_arg(p)]);
    } else if let Some(p) = &args.private_key_out {
        argv.extend(["--generate".into(), "--private-key-out".into(), path_arg(p)]);
    }
    if let Some(kid) = &args.kid {
        argv.extend(["--kid".into(), kid.clone()]);
    }
    if args.delete_old {
        argv.push("--delete-old".into());
    } else if let Some(n) = args.keep {
        argv.extend(["--keep".into(), n.to_string()]);
    }
    if args.yes {
        argv.push("--yes".into());
    }
    argv.iter()
        .map(|a| shell_quote(a))
        .collect::<Vec<_>>()
        .join(" ")
}

fn path_arg(p: &Path) -> String {
    p.display().to_string()
}

/// Quote for a POSIX shell when needed.
fn shell_quote(s: &str) -> String {
    let safe = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-./:=@%+,".contains(c));
    if safe {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_quoting() {
        assert_eq!(shell_quote("aus1-x_y.pem"), "aus1-x_y.pem");
        assert_eq!(shell_quote("my key.pem"), "'my key.pem'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote(""), "''");
    }

    #[test]
    fn the_resume_command_repeats_the_source_kid_and_retention_for_one_server() {
        use clap::Parser;
        let cli = crate::cli::Cli::try_parse_from([
            "oktakeys",
            "--profile",
            "ci",
            "keys",
            "rotate",
            "--auth-server",
            "ausA",
            "--auth-server",
            "ausB",
            "--generate",
            "--private-key-out",
            "my keys/enc.pem",
            "--kid",
            "enc 2026",
            "--keep",
            "2",
            "--yes",
            "-o",
            "json",
        ])
        .unwrap();
        let crate::cli::Command::Keys(keys) = cli.command else {
            panic!("keys")
        };
        let crate::cli::KeysCommand::Rotate(args) = keys.command else {
            panic!("rotate")
        };
        assert_eq!(
            resume_command(&cli.global, "ausB", &args),
            "oktakeys --profile ci keys rotate --auth-server ausB --generate --private-key-out \
             'my keys/enc.pem' --kid 'enc 2026' --keep 2 --yes"
        );
    }
}
