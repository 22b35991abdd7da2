//! `oktakeys completion SHELL`: its arguments and help.

use clap::Args;

pub(super) const COMPLETION_HELP: &str = "\
Prints the script on stdout; install it where your shell looks for completions. At each
<TAB> it asks the installed oktakeys (COMPLETE=SHELL oktakeys -- WORDS...), which offers
commands, flags, profile names from the config, and servers and key ids from the org
(cached for a minute; never more than 0.9 s spent on the org).

Examples:
  oktakeys completion bash > ~/.local/share/bash-completion/completions/oktakeys
  echo 'source <(oktakeys completion zsh)' >> ~/.zshrc
  oktakeys completion fish > ~/.config/fish/completions/oktakeys.fish
  oktakeys completion powershell >> $PROFILE
  eval \"$(oktakeys completion elvish)\"";

#[derive(Debug, Args)]
pub struct CompletionArgs {
    /// The shell to complete for
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}
