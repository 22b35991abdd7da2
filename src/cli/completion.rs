//! `oktakeys completion SHELL`: its arguments and help.

use clap::Args;

pub(super) const COMPLETION_HELP: &str = "\
Prints the script on stdout; install it where your shell looks for completions.

Examples:
  oktakeys completion bash > ~/.local/share/bash-completion/completions/oktakeys
  oktakeys completion zsh > \"${fpath[1]}/_oktakeys\"
  oktakeys completion fish > ~/.config/fish/completions/oktakeys.fish
  oktakeys completion powershell >> $PROFILE
  eval \"$(oktakeys completion elvish)\"";

#[derive(Debug, Args)]
pub struct CompletionArgs {
    /// The shell to complete for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}
