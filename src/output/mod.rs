//! Output. The `Printer` decides only where text goes and whether it is shown: data on
//! stdout (never suppressed), notes for people on stderr (not under `-q`). The modules
//! beside it render: key listings, server listings, decrypted tokens, check reports,
//! tables, JSON (and `--jq`), dry runs, and the one error report; `escape` makes server and file text
//! safe for a terminal in all that is printed for people.

mod audit_report;
mod check_report;
mod doctor_report;
mod dry_run;
mod error_report;
mod fit;
mod jq;
mod jq_process;
mod json;
mod key_list;
pub(crate) use key_list::KeyNotes;
mod printer;
mod server_list;
mod table;
mod token_view;

pub(crate) use audit_report::{ActiveKey, Finding, ServerAudit, Severity, age_text};
pub(crate) use check_report::{Check, Report};
pub(crate) use doctor_report::{DoctorCheck, Status};
pub(crate) use error_report::{error_json, error_paragraph};
pub use error_report::{report_error, report_usage_error};
pub(crate) use jq::check as check_jq;
pub(crate) use jq_process::run_filter as run_jq_filter;
pub(crate) use printer::{Printer, write_prompt, write_stdout};
pub(crate) use server_list::ServerDetails;
