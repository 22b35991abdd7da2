//! `oktakeys keys …`

use crate::cli::{GlobalArgs, KeysArgs};
use crate::error::{Error, Result};

pub async fn run(_global: &GlobalArgs, _args: KeysArgs) -> Result<()> {
    Err(Error::Internal("not yet implemented".into()))
}
