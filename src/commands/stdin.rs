//! Reading stdin (`-`): on a blocking thread, so that `--timeout`, Ctrl-C and SIGTERM still
//! end a command whose stdin never closes; the report names what was being read.

use std::io::Read;

use zeroize::Zeroizing;

/// Read at most `keep` bytes of stdin. With `count_all`, read on to its end and count
/// every byte (so a message can give the input's real size); else the count is of the
/// bytes kept.
pub(crate) async fn read(
    what: &str,
    keep: u64,
    count_all: bool,
) -> std::io::Result<(Zeroizing<Vec<u8>>, u64)> {
    let _doing = crate::deadline::doing(format!("reading {what} from stdin"));
    let reading = tokio::task::spawn_blocking(move || {
        let mut stdin = std::io::stdin().lock();
        let mut bytes = Zeroizing::new(Vec::new());
        (&mut stdin).take(keep).read_to_end(&mut bytes)?;
        let rest = match count_all {
            true => std::io::copy(&mut stdin, &mut std::io::sink())?,
            false => 0,
        };
        let total = bytes.len() as u64 + rest;
        Ok((bytes, total))
    });
    reading
        .await
        .unwrap_or_else(|e| Err(std::io::Error::other(e.to_string())))
}
