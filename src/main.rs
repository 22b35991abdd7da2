//! The binary: parse, run, turn the outcome into an exit code. Nothing else.

use std::process::ExitCode;

use clap::error::ErrorKind;
use oktakeys::{asks_for_json, parse_args, report_error, report_usage_error};

fn main() -> ExitCode {
    // `COMPLETE=bash oktakeys -- …` (the shell asking what `<TAB>` offers) ends here.
    oktakeys::complete_from_env();
    let cli = match parse_args() {
        Ok(cli) => cli,
        // Help and version are not errors.
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) =>
        {
            e.exit()
        }
        // Without `-o json` clap's own report, escaped where it repeats a bad value.
        Err(e) if !asks_for_json(std::env::args_os().skip(1)) => {
            return ExitCode::from(report_usage_error(&e));
        }
        Err(e) => {
            let err = oktakeys::Error::from(e);
            report_error(&err, true);
            return ExitCode::from(err.exit_code());
        }
    };
    let json_errors = cli.global.json_errors();
    match oktakeys::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            report_error(&err, json_errors);
            ExitCode::from(err.exit_code())
        }
    }
}
