//! The command that resumes the rotation of one server, for people to copy after a failure.

use std::path::Path;

use crate::cli::RotateArgs;
use crate::hint::option;
use crate::time::format_duration;

/// The command that resumes the rotation of `servers` (none: `--all-auth-servers`): the
/// same source, kid, gate and retention (not `--if-older-than`: the rotation is under way).
/// Run as printed it completes the rotation: a key file is read again, and a key handed to
/// `--private-key-command` is taken up again (`handed_off`), neither generated nor stored
/// twice; the steps done already are not done again (the plan is made from what Okta holds).
/// A key generated into the ring (`ring_kid`) is found there again by its kid.
pub(super) fn resume_command(
    servers: &[String],
    args: &RotateArgs,
    ring_kid: Option<&str>,
) -> String {
    rotate_command(servers, args, args.stage, ring_kid)
}

/// After `--stage`: the same command without it, which activates the staged key (taking up
/// a handed-off key again, as [`resume_command`] does).
pub(super) fn activate_staged_command(
    servers: &[String],
    args: &RotateArgs,
    ring_kid: Option<&str>,
) -> String {
    rotate_command(servers, args, false, ring_kid)
}

fn rotate_command(
    servers: &[String],
    args: &RotateArgs,
    stage: bool,
    ring_kid: Option<&str>,
) -> String {
    let mut argv: Vec<String> = vec!["keys".into(), "rotate".into()];
    if servers.is_empty() {
        argv.push("--all-auth-servers".into());
    }
    for server in servers {
        argv.extend(option("--auth-server", server));
    }
    if let Some(p) = &args.source.jwk {
        argv.extend(option("--jwk", &path_arg(p)));
    } else if let Some(p) = &args.source.pem {
        argv.extend(option("--pem", &path_arg(p)));
    } else if let Some(p) = &args.private_key_out {
        argv.push("--generate".into());
        argv.extend(option("--private-key-out", &path_arg(p)));
    } else if let Some(cmd) = &args.private_key_command {
        argv.push("--generate".into());
        argv.extend(option("--private-key-command", cmd));
    } else if args.source.generate {
        // Into the ring: found there again by its kid.
        argv.push("--generate".into());
    }
    match (&args.kid, ring_kid) {
        (Some(kid), _) => argv.extend(option("--kid", kid)),
        (None, Some(kid)) => argv.extend(option("--kid", kid)),
        (None, None) => {}
    }
    let ring = &args.ring;
    if let Some(p) = &ring.ring {
        argv.extend(option("--ring", &path_arg(p)));
    }
    if let (Some(read), Some(write)) = (&ring.ring_read_command, &ring.ring_write_command) {
        argv.extend(option("--ring-read-command", read));
        argv.extend(option("--ring-write-command", write));
    }
    if stage {
        argv.push("--stage".into());
    }
    if let Some(gate) = &args.activate_when {
        argv.extend(option("--activate-when", gate));
        argv.extend(option(
            "--gate-interval",
            &format_duration(args.gate_interval),
        ));
        argv.extend(option(
            "--gate-timeout",
            &format_duration(args.gate_timeout),
        ));
    }
    if args.delete_old {
        argv.push("--delete-old".into());
    } else if let Some(n) = args.keep {
        argv.extend(option("--keep", &n.to_string()));
    }
    if let Some(lifetime) = args.token_lifetime {
        argv.extend(option("--token-lifetime", &format_duration(lifetime)));
    }
    if args.ignore_token_lifetime {
        argv.push("--ignore-token-lifetime".into());
    }
    if let Some(cmd) = &args.on_retire {
        argv.extend(option("--on-retire", cmd));
    }
    if args.yes {
        argv.push("--yes".into());
    }
    crate::hint::command(argv)
}

fn path_arg(p: &Path) -> String {
    p.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // The run's global options come from `hint` (none in unit tests).
        assert_eq!(
            resume_command(&["ausB".to_string()], &args, None),
            "oktakeys keys rotate --auth-server ausB --generate --private-key-out \
             'my keys/enc.pem' --kid 'enc 2026' --keep 2 --yes"
        );
    }
}
