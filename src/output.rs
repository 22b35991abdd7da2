//! output
use crate::error::Error;
pub fn report_error(err: &Error, _json: bool) {
    eprintln!("error: {err}");
}
