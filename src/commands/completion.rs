//! Shell completion, answered by the binary itself (clap_complete's environment-activated
//! completer): the shell's script runs `COMPLETE=SHELL oktakeys -- WORDS…` at each `<TAB>`,
//! and the command tree answers, with profile names, servers and key ids filled in by
//! `complete_values`. `oktakeys completion SHELL` prints that script; `completions/` holds
//! them, checked current by a test.

use std::ffi::{OsStr, OsString};

use clap::CommandFactory;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Shells, Zsh};
use clap_complete::{CompleteEnv, Shell};

use super::complete_values;
use crate::cli::{Cli, CompletionArgs};
use crate::error::{Error, Result};
use crate::output::write_stdout;

/// The variable that turns a run into a completion request, as the scripts set it.
const VAR: &str = crate::env::COMPLETE;
/// The name the scripts call: the installed binary, found on PATH.
const BIN: &str = "oktakeys";

/// Answer a completion request and exit, when the environment makes this run one
/// (`COMPLETE=bash`, …); otherwise return at once. Runs before anything else: the
/// answer is the only thing on stdout.
pub fn complete_from_env() {
    CompleteEnv::with_factory(command)
        .shells(Shells(&SHELLS))
        .var(VAR)
        .bin(BIN)
        .completer(BIN)
        .complete();
}

/// The command tree with the completers of values that live outside it attached.
fn command() -> clap::Command {
    attach(Cli::command())
}

/// Which values each argument gets: `--profile` the config's profiles, a server's id (`--auth-server`,
/// `servers get ID`) the org's servers, a `KEY_ID` the server's keys. By id and value name,
/// walked over the whole tree, so new commands with these arguments get them too.
fn attach(cmd: clap::Command) -> clap::Command {
    cmd.mut_args(|arg| {
        let id = arg.get_id().as_str();
        let value_name = arg
            .get_value_names()
            .and_then(|v| v.first())
            .map(|v| v.as_str());
        let completer: Option<fn(&OsStr) -> Vec<CompletionCandidate>> = match (id, value_name) {
            ("profile", _) => Some(complete_values::profiles),
            ("auth_server", _) | ("id", Some("ID")) => Some(complete_values::servers),
            (_, Some("KEY_ID")) => Some(complete_values::keys),
            _ => None,
        };
        match completer {
            Some(f) => arg.add(ArgValueCompleter::new(f)),
            None => arg,
        }
    })
    .mut_subcommands(attach)
}

/// clap_complete's shells, each reading the line through [`JoinValues`].
const SHELLS: [&dyn EnvCompleter; 5] = [
    &JoinValues(&Bash),
    &JoinValues(&Elvish),
    &JoinValues(&Fish),
    &JoinValues(&Powershell),
    &JoinValues(&Zsh),
];

/// clap_complete's engine takes a global option's value for a subcommand when it is
/// spelled like one: after `-p sandbox` it completes `sandbox`'s subcommands. Before the
/// engine reads the line, such a value is joined to its option (`--profile=sandbox`,
/// written twice so that the words keep their positions, which bash and zsh count).
struct JoinValues(&'static dyn EnvCompleter);

impl EnvCompleter for JoinValues {
    fn name(&self) -> &'static str {
        self.0.name()
    }
    fn is(&self, name: &str) -> bool {
        self.0.is(name)
    }
    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        self.0.write_registration(var, name, bin, completer, buf)
    }
    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        mut args: Vec<OsString>,
        current_dir: Option<&std::path::Path>,
        buf: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let current = std::env::var("_CLAP_COMPLETE_INDEX")
            .ok()
            .and_then(|i| i.parse::<usize>().ok())
            .unwrap_or(args.len().saturating_sub(1));
        let takes_value = |word: &OsStr| {
            let word = word.to_str()?;
            cmd.get_arguments()
                .filter(|a| a.is_global_set() && a.get_action().takes_values())
                .find(|a| {
                    let long = word.strip_prefix("--");
                    let short = word.strip_prefix('-').and_then(|s| s.parse::<char>().ok());
                    (long.is_some() && long == a.get_long())
                        || (short.is_some() && short == a.get_short())
                })
                .and_then(|a| a.get_long())
                .map(str::to_string)
        };
        let mut i = 0;
        while i + 1 < current.min(args.len()) {
            if let Some(long) = takes_value(&args[i]) {
                let joined = OsString::from(format!("--{long}={}", args[i + 1].to_string_lossy()));
                args[i] = joined.clone();
                args[i + 1] = joined;
                i += 1;
            }
            i += 1;
        }
        self.0.write_complete(cmd, args, current_dir, buf)
    }
}

/// The script that registers the completer with `shell`, as `COMPLETE=SHELL oktakeys`
/// prints it.
pub fn script(shell: Shell) -> Result<Vec<u8>> {
    let name = shell.to_string();
    let shells = Shells::builtins();
    let completer = shells
        .completer(&name)
        .ok_or_else(|| Error::Usage(format!("no completion for the shell {name}")))?;
    let mut out = Vec::new();
    completer
        .write_registration(VAR, BIN, BIN, BIN, &mut out)
        .map_err(|e| Error::Internal(format!("cannot write the completion script: {e}")))?;
    Ok(out)
}

pub fn run(args: &CompletionArgs) -> Result<()> {
    write_stdout(&String::from_utf8_lossy(&script(args.shell)?))
}
