//! `--jq` in a process of its own (`oktakeys __jq-filter EXPR`, the JSON on its stdin, its
//! results straight to our stdout as they come), because a jq filter can run forever
//! (`repeat(1)`), grow without bound (`[range(1e9)]`) or recurse until the stack is gone
//! (`def f: [f]; f`), and the last two abort a process rather than fail. Its process is
//! bounded in memory ([`MEMORY_LIMIT`]), in time by `--timeout`, and killed on Ctrl-C or
//! SIGTERM; each way it fails is a clear error: exit 14 ([`Error::Filter`]), 8 (out of
//! time), 130/143.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::shell::kill_group;

/// The most memory the filter's process may take (its data: heap and anonymous maps).
const MEMORY_LIMIT: u64 = 512 << 20;

/// How much of the filter's stderr is kept (its error, or why it aborted).
const MAX_STDERR: u64 = 64 * 1024;

/// In the parent: run `expr` on `value` in the filter's process; its lines go to stdout.
pub(crate) fn apply(expr: &str, value: &Value) -> Result<()> {
    let input = serde_json::to_vec(value)
        .map_err(|e| Error::Internal(format!("cannot render JSON for --jq: {e}")))?;
    let exe = std::env::current_exe()
        .map_err(|e| Error::Internal(format!("cannot find oktakeys to run --jq: {e}")))?;
    let _doing = crate::deadline::doing("running the --jq filter");
    let mut command = Command::new(exe);
    command
        .args(["__jq-filter", expr])
        .stdin(Stdio::piped())
        .stdout(Stdio::inherit())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command
        .spawn()
        .map_err(|e| Error::Internal(format!("cannot start the --jq filter: {e}")))?;
    let pid = child.id();
    if let Some(mut stdin) = child.stdin.take() {
        // A filter that ends early leaves the rest unread: that is no error.
        std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
    }
    let stderr = child.stderr.take().map(|mut pipe| {
        std::thread::spawn(move || {
            let mut kept = Vec::new();
            let _ = (&mut pipe).take(MAX_STDERR).read_to_end(&mut kept);
            let _ = std::io::copy(&mut pipe, &mut std::io::sink());
            String::from_utf8_lossy(&kept).into_owned()
        })
    });
    // A blocking wait (the printer is not async): the deadline and the signals are
    // looked at between short sleeps.
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {}
            Err(e) => {
                kill_group(Some(pid));
                return Err(Error::Internal(format!(
                    "cannot wait for the --jq filter: {e}"
                )));
            }
        }
        if crate::deadline::passed() {
            kill_group(Some(pid));
            let _ = child.wait();
            return Err(crate::deadline::out_of_time(&crate::deadline::running()));
        }
        if let Some(signal) = crate::signals::received() {
            kill_group(Some(pid));
            let _ = child.wait();
            return Err(Error::Interrupted {
                signal,
                during: Some("running the --jq filter".into()),
                hint: None,
            });
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    kill_group(Some(pid));
    let said = stderr
        .and_then(|reader| reader.join().ok())
        .unwrap_or_default();
    if status.success() {
        return Ok(());
    }
    Err(failure(status, &said))
}

/// Why the filter's process failed, from its exit and what it said.
fn failure(status: std::process::ExitStatus, said: &str) -> Error {
    if status.code() == Some(i32::from(crate::error::exit::FILTER)) {
        // Its own report: `error: --jq: …`, then a hint line.
        let first = said.lines().next().unwrap_or_default();
        let why = first.strip_prefix("error: ").unwrap_or(first);
        return Error::Filter(crate::escape::escape(why).into_owned());
    }
    let why = if said.contains("overflowed its stack") {
        "--jq: the filter recursed too deeply (it ran out of stack) and was stopped".to_string()
    } else if said.contains("memory allocation") {
        format!(
            "--jq: the filter needed more than {} MiB of memory and was stopped",
            MEMORY_LIMIT >> 20
        )
    } else {
        format!("--jq: the filter's process failed ({status})")
    };
    Error::Filter(why)
}

/// In the filter's process (`oktakeys __jq-filter EXPR`): bound its memory, read the JSON
/// on stdin, write each result to stdout as it comes.
pub(crate) fn run_filter(expr: &str) -> Result<()> {
    limit_memory();
    let mut input = Vec::new();
    std::io::stdin()
        .read_to_end(&mut input)
        .map_err(|e| Error::Internal(format!("cannot read the JSON for --jq: {e}")))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    super::jq::filter_to(expr, &input, &mut out)
}

/// An allocation past [`MEMORY_LIMIT`] fails, which aborts this process with a message
/// the parent recognises, instead of growing until the machine swaps.
fn limit_memory() {
    #[cfg(target_os = "linux")]
    let resource = libc::RLIMIT_DATA;
    #[cfg(all(unix, not(target_os = "linux")))]
    let resource = libc::RLIMIT_AS;
    #[cfg(unix)]
    {
        let limit = libc::rlimit {
            rlim_cur: MEMORY_LIMIT as libc::rlim_t,
            rlim_max: MEMORY_LIMIT as libc::rlim_t,
        };
        // SAFETY: setrlimit reads the struct it is given.
        unsafe {
            libc::setrlimit(resource, &limit);
        }
    }
}
