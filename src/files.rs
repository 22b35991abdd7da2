//! Files only their owner may read: the one check that refuses a secret's file readable
//! by group or others (as ssh refuses such a private key), and the one writer that
//! creates such files with mode 0600 from the first moment.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The permission bits of a file that group or others may use in any way, or `None`
/// when only its owner may (always `None` where there are no Unix modes).
pub(crate) fn loose_mode(meta: &Metadata) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode();
        (mode & 0o077 != 0).then_some(mode & 0o777)
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// A directory (and its missing parents) that only its owner may enter: mode 0700. An
/// existing directory is tightened to 0700.
pub(crate) fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Create `path` with mode 0600 (the umask can only narrow it); fails with
/// `AlreadyExists` if there is a file there, which is never touched.
pub(crate) fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Why [`replace_private`] failed.
#[derive(Debug)]
pub(crate) struct ReplaceError {
    /// Set when the temporary file could not be created there; otherwise writing it, or
    /// renaming it over the target, failed.
    pub(crate) temporary: Option<PathBuf>,
    pub(crate) source: io::Error,
}

/// Replace (or create) `path` with `bytes` atomically, mode 0600: a new file beside it,
/// written to disk, then renamed over it, so `path` is at every moment the old content or
/// the complete new one. The directory must exist. A symlink at `path` is replaced, not
/// followed.
pub(crate) fn replace_private(path: &Path, bytes: &[u8]) -> Result<(), ReplaceError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    let mut attempt = 0u32;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        match create_private(&tmp) {
            Ok(f) => break (tmp, f),
            // A leftover of an earlier run with the same process id: take another name.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(source) => {
                return Err(ReplaceError {
                    temporary: Some(tmp),
                    source,
                });
            }
        }
    };
    let result = write_synced(&mut file, bytes).and_then(|()| {
        drop(file);
        std::fs::rename(&tmp, path)
    });
    result.map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        ReplaceError {
            temporary: None,
            source,
        }
    })
}

fn write_synced(file: &mut File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn loose_modes_are_told_apart_from_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, "x").unwrap();
        for (set, loose) in [
            (0o600, None),
            (0o400, None),
            (0o640, Some(0o640)),
            (0o604, Some(0o604)),
        ] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(set)).unwrap();
            assert_eq!(loose_mode(&std::fs::metadata(&path).unwrap()), loose);
        }
    }

    #[test]
    fn written_files_are_0600_and_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret");
        create_private(&path).unwrap().write_all(b"one").unwrap();
        assert_eq!(mode(&path), 0o600);
        let again = create_private(&path).unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"one");

        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        replace_private(&path, b"three").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        assert_eq!(mode(&path), 0o600);
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");

        let sub = dir.path().join("a/b");
        create_private_dir(&sub).unwrap();
        assert_eq!(mode(&sub), 0o700);
        assert_eq!(mode(&dir.path().join("a")), 0o700);
    }
}
