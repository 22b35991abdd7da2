//! The state file: read under an exclusive file lock, changed, written atomically.
//!
//! Every request is one transaction: lock `FILE.lock`, read `FILE`, apply, write `FILE`
//! (temp file in the same folder, fsync, rename), unlock. The lock is a separate file
//! because the rename replaces the state file's inode. Two processes sharing a state
//! file therefore never lose an update, and a crash never leaves a half-written file.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use super::model::{MIGRATED_VERSIONS, STATE_VERSION, State};
use crate::error::{Error, Result};

#[derive(Debug, Clone)]
pub(crate) struct Store {
    path: PathBuf,
    lock_path: PathBuf,
}

impl Store {
    pub(crate) fn new(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        let mut lock = path.clone().into_os_string();
        lock.push(".lock");
        Store {
            path,
            lock_path: PathBuf::from(lock),
        }
    }

    /// Run `f` on the state under the lock and save the state if `f` changed it.
    /// A missing file starts from `seed()` (and is written). A file that is not a valid
    /// state is an error naming the file: it is never silently replaced.
    pub(crate) fn transact<T>(
        &self,
        seed: impl FnOnce() -> State,
        f: impl FnOnce(&mut State) -> T,
    ) -> Result<T> {
        let _lock = self.lock()?;
        let (mut state, existed, migrated) = match self.read()? {
            Some((state, migrated)) => (state, true, migrated),
            None => (seed(), false, false),
        };
        let before = state.clone();
        let out = f(&mut state);
        if !existed || migrated || state != before {
            self.write(&state)?;
        }
        Ok(out)
    }

    /// Replace the state with `state`, whatever the file held (used by `sandbox reset`).
    pub(crate) fn replace(&self, state: &State) -> Result<()> {
        let _lock = self.lock()?;
        self.write(state)
    }

    /// Remove the `FILE.tmp.<pid>` files that a process killed mid-write (kill -9) left
    /// behind, once that process is gone: under the lock, so no live writer's file is
    /// touched. A temp file whose process still runs is left alone.
    pub(crate) fn remove_stale_temps(&self) -> Result<()> {
        let _lock = self.lock()?;
        let (Some(dir), Some(name)) = (self.path.parent(), self.path.file_name()) else {
            return Ok(());
        };
        let dir = if dir.as_os_str().is_empty() {
            std::path::Path::new(".")
        } else {
            dir
        };
        let prefix = format!("{}.tmp.", name.to_string_lossy());
        let Ok(entries) = fs::read_dir(dir) else {
            return Ok(());
        };
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let Some(pid) = file_name
                .to_str()
                .and_then(|n| n.strip_prefix(&prefix))
                .and_then(|p| p.parse::<u32>().ok())
            else {
                continue;
            };
            if pid != std::process::id() && !process_alive(pid) {
                let _ = fs::remove_file(entry.path());
            }
        }
        Ok(())
    }

    fn lock(&self) -> Result<File> {
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| {
                Error::config(format!(
                    "cannot create the sandbox state folder {}: {e}",
                    dir.display()
                ))
            })?;
        }
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&self.lock_path)
            .map_err(|e| {
                Error::config(format!(
                    "cannot open the sandbox lock file {}: {e}",
                    self.lock_path.display()
                ))
            })?;
        file.lock().map_err(|e| {
            Error::Internal(format!(
                "cannot lock the sandbox lock file {}: {e}",
                self.lock_path.display()
            ))
        })?;
        // Unlocked when the file is closed (dropped).
        Ok(file)
    }

    /// The state, and whether it was migrated from an older format (or completed).
    fn read(&self) -> Result<Option<(State, bool)>> {
        let bytes = match read_capped(&self.path) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => {
                return Err(Error::config_hint(
                    format!(
                        "the sandbox state file {} is larger than {} MiB, more than a sandbox's \
                         state can be; it was not read",
                        self.path.display(),
                        MAX_STATE_BYTES >> 20
                    ),
                    format!(
                        "remove it, or restore the seed with `oktakeys sandbox reset --state {}`",
                        self.path.display()
                    ),
                ));
            }
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(Error::config(format!(
                    "cannot read the sandbox state file {}: {e}",
                    self.path.display()
                )));
            }
        };
        let mut state: State =
            serde_json::from_slice(&bytes).map_err(|e| self.corrupt(&e.to_string()))?;
        if state.version != STATE_VERSION && !MIGRATED_VERSIONS.contains(&state.version) {
            return Err(self.corrupt(&format!(
                "unsupported version {} (this oktakeys reads versions 1 to {STATE_VERSION})",
                state.version
            )));
        }
        let now = super::ids::timestamp(std::time::SystemTime::now());
        let migrated = super::seed::migrate(&mut state, &now);
        Ok(Some((state, migrated)))
    }

    fn corrupt(&self, why: &str) -> Error {
        Error::config_hint(
            format!(
                "the sandbox state file {} is not a valid sandbox state: {why}",
                self.path.display()
            ),
            format!(
                "fix or remove the file, or restore the seed with `oktakeys sandbox reset --state {}`",
                self.path.display()
            ),
        )
    }

    fn write(&self, state: &State) -> Result<()> {
        let fail = |e: std::io::Error| {
            Error::Internal(format!(
                "cannot write the sandbox state file {}: {e}",
                self.path.display()
            ))
        };
        let mut json = serde_json::to_vec_pretty(state)
            .map_err(|e| Error::Internal(format!("cannot encode the sandbox state: {e}")))?;
        json.push(b'\n');
        let mut tmp = self.path.clone().into_os_string();
        tmp.push(format!(".tmp.{}", std::process::id()));
        let tmp = PathBuf::from(tmp);
        let result = (|| {
            // Owner-only: the state holds the servers' private signing keys.
            let mut file = create_private(&tmp)?;
            file.write_all(&json)?;
            file.sync_all()?;
            fs::rename(&tmp, &self.path)?;
            if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
                // Make the rename durable; not every platform can open a folder.
                if let Ok(dir) = File::open(dir) {
                    let _ = dir.sync_all();
                }
            }
            Ok(())
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result.map_err(fail)
    }
}

/// Is process `pid` still running? Signal 0 checks without sending anything; EPERM
/// means it runs under another user. Where that cannot be asked, assume it runs.
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // SAFETY: kill with signal 0 only checks whether the process exists.
        let rc = unsafe { libc::kill(pid, 0) };
        rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// The most a state file may hold: thousands of keys fit in far less, and a bigger file
/// (planted, or grown by a runaway script) must not be read into memory.
pub(crate) const MAX_STATE_BYTES: u64 = 16 << 20;

/// The file's bytes, or `None` when it holds more than [`MAX_STATE_BYTES`].
fn read_capped(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    File::open(path)?
        .take(MAX_STATE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= MAX_STATE_BYTES).then_some(bytes))
}

/// Create (truncate) `path` readable and writable by its owner only.
fn create_private(path: &std::path::Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed;

    fn seed_default() -> State {
        seed::seeded_state(&["default".to_string()], "2026-01-01T00:00:00.000Z")
    }

    #[test]
    fn a_missing_file_is_seeded_and_written() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("sub/sandbox.json"));
        let seen = store.transact(seed_default, |s| s.clone()).unwrap();
        let on_disk: State = serde_json::from_slice(&fs::read(&store.path).unwrap()).unwrap();
        assert_eq!(on_disk, seen);
        // The next transaction reads the file instead of seeding again.
        let again = store
            .transact(|| panic!("must not seed"), |s| s.clone())
            .unwrap();
        assert_eq!(again, seen);
    }

    #[test]
    fn changes_are_saved_and_reads_leave_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("sandbox.json"));
        store.transact(seed_default, |_| ()).unwrap();
        store
            .transact(seed_default, |s| {
                let aus2 =
                    seed::seed_server("aus2", "apkAUS2".into(), 0, "2026-01-01T00:00:00.000Z");
                s.servers.insert("aus2".into(), aus2);
            })
            .unwrap();
        let modified = fs::metadata(&store.path).unwrap().modified().unwrap();
        let names = store
            .transact(seed_default, |s| {
                s.servers.keys().cloned().collect::<Vec<_>>()
            })
            .unwrap();
        assert_eq!(names, ["aus2", "default"]);
        assert_eq!(
            fs::metadata(&store.path).unwrap().modified().unwrap(),
            modified
        );
        // No temp file is left behind.
        let mut files: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        assert_eq!(files, ["sandbox.json", "sandbox.json.lock"]);
    }

    #[test]
    fn a_corrupt_file_is_an_error_naming_it_and_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sandbox.json");
        for content in [
            &b"{not json"[..],
            b"[]",
            br#"{"version": 99, "authorizationServers": {}}"#,
        ] {
            fs::write(&path, content).unwrap();
            let err = Store::new(&path)
                .transact(seed_default, |_| ())
                .unwrap_err();
            let msg = err.to_string();
            assert!(
                msg.starts_with(&format!(
                    "the sandbox state file {} is not a valid sandbox state: ",
                    path.display()
                )),
                "{msg}"
            );
            assert!(matches!(err, Error::Config { .. }), "{err:?}");
            assert_eq!(
                err.hint().unwrap(),
                format!(
                    "fix or remove the file, or restore the seed with `oktakeys sandbox reset --state {}`",
                    path.display()
                )
            );
            assert_eq!(fs::read(&path).unwrap(), content, "the file is not reset");
        }
        // replace (sandbox reset) repairs it.
        Store::new(&path).replace(&seed_default()).unwrap();
        Store::new(&path).transact(seed_default, |_| ()).unwrap();
    }

    #[test]
    fn threads_with_their_own_store_lose_no_update() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sandbox.json");
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let path = path.clone();
                std::thread::spawn(move || {
                    let store = Store::new(path);
                    for i in 0..25 {
                        store
                            .transact(State::empty, |s| {
                                s.servers.insert(format!("t{t}-{i}"), Default::default());
                            })
                            .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let count = Store::new(&path)
            .transact(State::empty, |s| s.servers.len())
            .unwrap();
        assert_eq!(count, 200);
    }
}
