//! The sandbox's error: what stopped it from starting or from keeping its state. The CLI
//! maps each variant to its exit code (usage 2, config 3, internal 1).

use std::sync::Arc;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// An option the caller gave that cannot work (an empty token).
    #[error("{0}")]
    Usage(String),

    /// A setting or file that cannot be used: a knob's value, the state file, the address.
    #[error("{message}")]
    Config {
        message: String,
        hint: Option<String>,
    },

    /// Anything else: a failed task, an unwritable state file.
    #[error("{0}")]
    Internal(String),
}

impl Error {
    pub(crate) fn config(message: impl Into<String>) -> Self {
        Error::Config {
            message: message.into(),
            hint: None,
        }
    }

    pub(crate) fn config_hint(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::Config {
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    /// What to do about it, when there is advice.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Config { hint, .. } => hint.clone(),
            _ => None,
        }
    }
}

/// Where the sandbox reports a failure it answered with 500 (a state file that cannot be
/// read or written), since it prints nothing itself. By default, nowhere but the
/// `tracing` log.
#[derive(Clone, Default)]
pub struct OnError(Option<Arc<Report>>);

type Report = dyn Fn(&Error) + Send + Sync;

impl OnError {
    pub fn new(report: impl Fn(&Error) + Send + Sync + 'static) -> Self {
        OnError(Some(Arc::new(report)))
    }

    pub(crate) fn report(&self, err: &Error) {
        tracing::error!("sandbox: {err}");
        if let Some(report) = &self.0 {
            report(err);
        }
    }
}

impl std::fmt::Debug for OnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let to = if self.0.is_some() {
            "a callback"
        } else {
            "the log"
        };
        write!(f, "OnError({to})")
    }
}
