//! Keys for `apply`, generated ahead. An RSA key generation is CPU work (a tenth of a second
//! or more for 2048 bits), so `apply` starts each server's as soon as its plan says it needs
//! one: the generations run on the blocking pool, one per core at a time, while other
//! servers are still being read, instead of in front of each server's add.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use keymaterial::jwk::PublicKey;
use keymaterial::secret::Secret;
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

use crate::commands::generate::generate;
use crate::error::{Error, Result};

type Generated = Result<(Secret, PublicKey)>;

/// The keys started ahead, by server index.
pub(super) struct KeyPool {
    /// One generation per core at a time: more would only slow the first ones down.
    cores: Arc<Semaphore>,
    started: Mutex<HashMap<usize, JoinHandle<Generated>>>,
}

impl KeyPool {
    pub(super) fn new() -> KeyPool {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        KeyPool {
            cores: Arc::new(Semaphore::new(cores)),
            started: Mutex::new(HashMap::new()),
        }
    }

    /// Start generating server `index`'s key of `bits` (once).
    pub(super) fn start(&self, index: usize, bits: usize) {
        let mut started = self.started.lock().unwrap_or_else(PoisonError::into_inner);
        if started.contains_key(&index) {
            return;
        }
        let cores = Arc::clone(&self.cores);
        let task = tokio::spawn(async move {
            // Never closed: a failed acquire cannot happen, and would only mean no queueing.
            let _core = cores.acquire_owned().await;
            generate(bits).await
        });
        started.insert(index, task);
    }

    /// Server `index`'s key: the one started ahead, or one generated now.
    pub(super) async fn take(&self, index: usize, bits: usize) -> Generated {
        let task = (self.started.lock().unwrap_or_else(PoisonError::into_inner)).remove(&index);
        match task {
            Some(task) => task
                .await
                .map_err(|e| Error::Internal(format!("key generation failed: {e}")))?,
            None => generate(bits).await,
        }
    }
}

impl Drop for KeyPool {
    /// Keys nobody took (the user said no, a server failed first) are not waited for.
    fn drop(&mut self) {
        let started = self
            .started
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        for (_, task) in started.drain() {
            task.abort();
        }
    }
}
