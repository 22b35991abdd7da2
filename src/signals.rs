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

/// The first of Ctrl-C and SIGTERM to arrive. The handlers are installed at the call, not
/// at the first poll, so a command that starts with work that does not yield (a key being
/// generated) is still interrupted with a message. A signal that cannot be watched (no
/// handler could be installed) simply never arrives.
pub(crate) fn stop() -> impl std::future::Future<Output = Signal> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let interrupt = signal(SignalKind::interrupt()).ok();
        let terminate = signal(SignalKind::terminate()).ok();
        async move {
            let on = |s: Option<tokio::signal::unix::Signal>, which: Signal| async move {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                        which
                    }
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                signal = on(interrupt, Signal::Interrupt) => signal,
                signal = on(terminate, Signal::Terminate) => signal,
            }
        }
    }
    #[cfg(not(unix))]
    async {
        match tokio::signal::ctrl_c().await {
            Ok(()) => Signal::Interrupt,
            Err(_) => std::future::pending().await,
        }
    }
}
