//! Work on several authorization servers at once: at most `--parallel` at a time, on the
//! one current-thread runtime (the servers' requests overlap while each waits for Okta),
//! each server's notes held back and written in the order of the servers, so output
//! never interleaves; one server's failure is its own result and stops no other.

use std::future::Future;

use futures_util::stream::{self, StreamExt};

use crate::output::Printer;

/// Run `work` for every server, at most `parallel` at once; the results, and each
/// server's stderr lines, come in the order of `servers`.
pub(crate) async fn each_server<'s, T, F, Fut>(
    printer: &Printer,
    servers: &'s [String],
    parallel: u16,
    work: F,
) -> Vec<T>
where
    F: Fn(&'s str, Printer) -> Fut,
    Fut: Future<Output = T>,
{
    let runs = servers.iter().map(|server| {
        let held = printer.held();
        let done = work(server, held.clone());
        async move { (done.await, held) }
    });
    // `buffered` keeps the order: a server that finishes early waits for those before it.
    let mut runs = stream::iter(runs).buffered(usize::from(parallel.max(1)));
    let mut results = Vec::with_capacity(servers.len());
    while let Some((result, held)) = runs.next().await {
        held.release();
        results.push(result);
    }
    results
}
