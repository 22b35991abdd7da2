//! Work on several authorization servers at once: at most `--parallel` at a time, on the
//! one current-thread runtime (the servers' requests overlap while each waits for Okta),
//! each server's notes held back and written in the order of the servers, so output
//! never interleaves; one server's failure is its own result and stops no other.

use std::future::Future;

use futures_util::stream::{self, StreamExt};

use crate::api::servers;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::output::Printer;

/// `--all-auth-servers`: the ids of every ACTIVE custom authorization server of the org,
/// from all pages of `GET /api/v1/authorizationServers`, in Okta's order.
pub(crate) async fn all_active_servers(client: &Client) -> Result<Vec<String>> {
    Ok(all_active(client)
        .await?
        .iter()
        .map(|s| s.id().to_string())
        .collect())
}

/// The same servers as Okta listed them (their encryption and key source included).
pub(crate) async fn all_active(client: &Client) -> Result<Vec<servers::AuthServer>> {
    let active: Vec<servers::AuthServer> = servers::list_servers(client, None)
        .await?
        .into_iter()
        .filter(|s| s.status() == "ACTIVE")
        .collect();
    let mut ids = active.iter().map(|s| s.id());
    if let Some(bad) = ids.find(|id| crate::ids::parse_path_id(id).is_err()) {
        return Err(Error::network(
            format!(
                "Okta listed an authorization server whose id `{}` cannot go in a URL path",
                bad.escape_debug()
            ),
            None,
        ));
    }
    Ok(active)
}

/// The servers of `--auth-server`, each once, in the order given.
pub(crate) fn distinct(flags: &[String]) -> Vec<String> {
    let mut servers: Vec<String> = Vec::new();
    for server in flags {
        if !servers.contains(server) {
            servers.push(server.clone());
        }
    }
    servers
}

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
    // On a terminal, after a second: `keys list: 3/50 servers done, 2 s` (one server's
    // own waits say more than `0/1`).
    let live = &(servers.len() > 1).then(|| crate::progress::start(None, Some(servers.len())));
    let runs = servers.iter().map(|server| {
        let held = printer.held();
        let done = work(server, held.clone());
        async move {
            let result = done.await;
            if let Some(live) = live {
                live.done_one();
            }
            (result, held)
        }
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

/// On the server's held stream: that it failed, naming it (the others go on).
pub(crate) fn report_failure(held: &Printer, server: &str, err: &Error) {
    held.failure(format!(
        "error: {server}: {}",
        crate::output::error_paragraph(err).trim_start_matches("error: ")
    ));
}
