//! The signals that stop a command: Ctrl-C (SIGINT) and SIGTERM (what CI sends on
//! cancel, and `kill`). Both are watched in one place, so every command that reacts to
//! one reacts to the other the same way: the same message, and the exit code of the
//! signal (130, 143).

/// Which signal stopped the command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// Ctrl-C (SIGINT).
    Interrupt,
    /// SIGTERM.
    Terminate,
}

impl Signal {
    /// How messages name it.
    pub fn name(self) -> &'static str {
        match self {
            Signal::Interrupt => "Ctrl-C",
            Signal::Terminate => "SIGTERM",
        }
    }
}

/// The first of Ctrl-C and SIGTERM to arrive. A signal that cannot be watched (no
/// handler could be installed) simply never arrives.
pub(crate) async fn stop() -> Signal {
    let ctrl_c = async {
        match tokio::signal::ctrl_c().await {
            Ok(()) => Signal::Interrupt,
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        signal = ctrl_c => signal,
        signal = terminate() => signal,
    }
}

#[cfg(unix)]
async fn terminate() -> Signal {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::terminate()) {
        Ok(mut sig) => {
            sig.recv().await;
            Signal::Terminate
        }
        Err(_) => std::future::pending().await,
    }
}

#[cfg(not(unix))]
async fn terminate() -> Signal {
    std::future::pending().await
}
