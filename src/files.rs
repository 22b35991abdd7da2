//! Local files, in one place: the one reader of the files a person names (key, config,
//! CA and private-key files: regular files only, small, UTF-8 with or without a BOM);
//! the one check that refuses a secret's file readable by group or others (as ssh
//! refuses such a private key); the one writer that creates such files with mode 0600
//! from the first moment; and the lock that makes a read-modify-write of a file one
//! step for concurrent runs.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Key, config and certificate files are small; anything larger is not one.
pub(crate) const MAX_LOCAL_FILE_BYTES: u64 = 1024 * 1024;

/// Why [`read_local`] (or [`decode_text`]) refused a file.
#[derive(Debug)]
pub(crate) enum ReadFailure {
    /// There is no such file.
    Missing(io::Error),
    /// Opening or reading it failed.
    Io(io::Error),
    /// A FIFO, socket, device or directory: reading one could block forever (a FIFO
    /// waits for a writer), outside any timeout.
    NotRegular(&'static str),
    /// Larger than [`MAX_LOCAL_FILE_BYTES`].
    TooLarge,
    /// UTF-16 text (with its byte-order mark): which one, to convert from.
    Utf16(&'static str),
}

impl ReadFailure {
    /// The failure as a message about `name` ("the config file /x", "key.pem").
    pub(crate) fn message(&self, name: &str) -> String {
        match self {
            ReadFailure::Missing(e) | ReadFailure::Io(e) => format!("cannot read {name}: {e}"),
            ReadFailure::NotRegular(kind) => format!(
                "{name}: is {kind}, not a regular file; oktakeys reads only regular files \
                 (and `-` for stdin where a command takes one)"
            ),
            ReadFailure::TooLarge => format!("{name}: larger than 1 MiB; not a key or config file"),
            ReadFailure::Utf16(which) => format!(
                "{name}: is UTF-16 ({which}) text; oktakeys reads UTF-8: convert it, e.g. \
                 `iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8`"
            ),
        }
    }

    pub(crate) fn is_missing(&self) -> bool {
        matches!(self, ReadFailure::Missing(_))
    }
}

/// Read a file a person named: only a regular file (a FIFO is refused before anything
/// waits on it), at most [`MAX_LOCAL_FILE_BYTES`], as [`decode_text`] leaves it.
pub(crate) fn read_local(path: &Path) -> Result<Vec<u8>, ReadFailure> {
    let io_failure = |e: io::Error| match e.kind() {
        io::ErrorKind::NotFound => ReadFailure::Missing(e),
        _ => ReadFailure::Io(e),
    };
    check_regular(&std::fs::metadata(path).map_err(io_failure)?)?;
    let mut options = OpenOptions::new();
    options.read(true);
    // Should it be swapped for a FIFO after the check, opening it does not wait for a
    // writer (non-blocking), and the check on the open file refuses it.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(io_failure)?;
    check_regular(&file.metadata().map_err(ReadFailure::Io)?)?;
    let mut bytes = Vec::new();
    file.take(MAX_LOCAL_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadFailure::Io)?;
    if bytes.len() as u64 > MAX_LOCAL_FILE_BYTES {
        return Err(ReadFailure::TooLarge);
    }
    decode_text(&mut bytes)?;
    Ok(bytes)
}

fn check_regular(meta: &Metadata) -> Result<(), ReadFailure> {
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(());
    }
    let what = if kind.is_dir() {
        "a directory"
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                "a FIFO (named pipe)"
            } else if kind.is_socket() {
                "a socket"
            } else if kind.is_char_device() || kind.is_block_device() {
                "a device"
            } else {
                "not a file"
            }
        }
        #[cfg(not(unix))]
        {
            "not a file"
        }
    };
    Err(ReadFailure::NotRegular(what))
}

/// Text as editors save it: a UTF-8 byte-order mark is dropped (in place, so a secret
/// is not copied); UTF-16 is refused, naming the encoding to convert from.
pub(crate) fn decode_text(bytes: &mut Vec<u8>) -> Result<(), ReadFailure> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        return Err(ReadFailure::Utf16("little-endian, UTF-16LE"));
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadFailure::Utf16("big-endian, UTF-16BE"));
    }
    Ok(())
}

/// An exclusive lock on `FILE.lock` beside `path`, held until dropped: runs that read,
/// change and rewrite `path` take it first, so none loses another's change. A separate
/// file, because replacing `path` (a rename) swaps its inode. The lock file is created
/// with mode 0600 and left in place (removing it would race with the next locker).
pub(crate) fn lock_beside(path: &Path) -> io::Result<File> {
    let mut name = path.as_os_str().to_os_string();
    name.push(".lock");
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(PathBuf::from(name))?;
    file.lock()?;
    Ok(file)
}

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

/// Refuse a secret's file that group or others may read (exit 3, naming `chmod 600`), as
/// ssh refuses such a private key. `what` names the file in the message.
pub(crate) fn require_owner_only(path: &Path, what: &str) -> crate::error::Result<()> {
    let meta = std::fs::metadata(path)
        .map_err(|e| crate::error::Error::config(format!("cannot read {what}: {e}")))?;
    if let Some(mode) = loose_mode(&meta) {
        return Err(crate::error::Error::config_hint(
            format!("{what} is readable by others (mode {mode:o}); refusing to use it"),
            format!("run `chmod 600 {}`", path.display()),
        ));
    }
    Ok(())
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
    write_private_via_temp(path, bytes, true)
}

/// Create `path` with `bytes`, mode 0600, as [`replace_private`] writes (a complete file
/// or none, even if the process dies), but never over an existing file: that is
/// `AlreadyExists`, and the file is not touched.
pub(crate) fn create_private_complete(path: &Path, bytes: &[u8]) -> Result<(), ReplaceError> {
    write_private_via_temp(path, bytes, false)
}

fn write_private_via_temp(path: &Path, bytes: &[u8], replace: bool) -> Result<(), ReplaceError> {
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
        if replace {
            std::fs::rename(&tmp, path)
        } else {
            // A second name for the complete file, refused if the target exists.
            std::fs::hard_link(&tmp, path).map(|()| {
                let _ = std::fs::remove_file(&tmp);
            })
        }
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
