//! The binary: parse, run, turn the outcome into an exit code. Nothing else.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = oktakeys::cli::parse();
    let json_errors = cli.global.output == Some(oktakeys::cli::OutputFormat::Json);
    match oktakeys::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            oktakeys::output::report_error(&err, json_errors);
            ExitCode::from(err.exit_code())
        }
    }
}
