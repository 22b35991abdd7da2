//! `oktakeys config path`: the config file in use, and whether it exists yet.

use serde_json::json;

use super::{file_path, origin_json};
use crate::cli::{GlobalArgs, OutputFormat};
use crate::config;
use crate::error::Result;
use crate::output::{Printer, write_stdout};

pub(super) fn run(global: &GlobalArgs, printer: &Printer) -> Result<()> {
    let path = file_path(global)?;
    let exists = path.exists();
    match printer.format {
        OutputFormat::Json => printer.json(&json!({
            "path": path.display().to_string(),
            "exists": exists,
            "source": origin_json(&config::config_path_origin(global), None),
        })),
        _ => {
            write_stdout(&format!("{}\n", path.display()))?;
            if !exists {
                printer.note(format!(
                    "(the file does not exist yet: `{}` creates it)",
                    crate::hint::config_init()
                ));
            }
            Ok(())
        }
    }
}
