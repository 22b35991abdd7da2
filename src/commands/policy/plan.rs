//! `oktakeys plan`: what `apply` would change on each server, and why. Reads only.

use super::{Run, first_failure, show};
use crate::auth::Scope;
use crate::cli::{GlobalArgs, PlanArgs};
use crate::error::{Error, Result, exit};
use crate::output::Printer;

pub(crate) async fn run(global: &GlobalArgs, args: &PlanArgs) -> Result<()> {
    let printer = Printer::new(global);
    let run = Run::open(global, &args.file.file, Scope::Read, &printer).await?;
    let planned = run.plan_all(&printer, args.parallel, |_, _| {}).await;
    show::plans(&printer, &run, &planned)?;
    let pending = planned
        .iter()
        .any(|p| matches!(p, Ok((plan, _)) if !plan.is_noop()));
    match first_failure(&run, planned.iter().map(|p| p.as_ref().err())) {
        Some(code) => Err(Error::Reported(code)),
        None if pending && args.detailed_exitcode => Err(Error::Reported(exit::PENDING)),
        None => Ok(()),
    }
}
