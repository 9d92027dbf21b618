//! Where source bytes come from: the one trait through which the engine finds and reads
//! files, with an implementation for the disk and one for in-memory files.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use ignore::WalkBuilder;

use crate::EngineError;

/// Finds and reads source files. Everything the engine knows about files goes through
/// this trait, so tests and an editor (with unsaved buffers) can supply their own files.
///
/// Implementations must be `Send + Sync`: files are read from several threads at once.
pub trait SourceProvider: Send + Sync {
    /// The Python source files named by `root`: `root` itself if it is a file (whatever its
    /// extension, because the user named it), otherwise every `.py` file below it that
    /// discovery keeps (see [`is_skipped_name`]). The order is unspecified: the engine sorts.
    ///
    /// A `root` that does not exist is [`EngineError::PathNotFound`].
    fn find_sources(&self, root: &Path) -> Result<Vec<PathBuf>, EngineError>;

    /// The bytes of one file found by [`SourceProvider::find_sources`] or
    /// [`SourceProvider::is_file`].
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;

    /// Whether `path` is a file that [`SourceProvider::read`] can be asked for. The engine
    /// asks this to find `__init__.py` files above a root (the package a root belongs to)
    /// and to find the modules that checked files import but that were not named.
    fn is_file(&self, path: &Path) -> bool;

    /// `path` as an absolute path, when the provider has a current directory. The engine
    /// only needs it to learn the name of a package directory that the user named as `.`
    /// or `..`; providers without a current directory keep the path as it is.
    fn absolute(&self, path: &Path) -> PathBuf {
        path.to_path_buf()
    }

    /// The file's metadata for the cache's stat fast path (size, modification and change
    /// times, inode). `None`, the default, makes the cache hash every file it uses: a
    /// provider whose files have no such metadata (memory, editor buffers) is still
    /// exactly as correct, only slower.
    fn stat(&self, path: &Path) -> Option<typhon_bytecode_cache::SourceStat> {
        let _ = path;
        None
    }

    /// The names of the files and of the directories directly in `dir`, if the provider
    /// can list them (`Some` with nothing in it for a directory that does not exist);
    /// `None` (the default, and for a directory that cannot be read) makes the engine ask
    /// [`SourceProvider::is_file`] for each candidate instead. Looking for imported modules, the engine lists each directory
    /// once, as CPython's import system does, instead of one `stat` per candidate file.
    fn list_dir(&self, dir: &Path) -> Option<DirEntries> {
        let _ = dir;
        None
    }
}

/// What [`SourceProvider::list_dir`] finds in a directory.
#[derive(Clone, Debug, Default)]
pub struct DirEntries {
    pub files: Vec<std::ffi::OsString>,
    pub dirs: Vec<std::ffi::OsString>,
    /// The symbolic links among the entries, dangling ones included: what they point to
    /// can change without changing the directory, so the project snapshot records them.
    pub links: Vec<std::ffi::OsString>,
}

/// Whether discovery skips a file or directory of this name below a root: hidden entries
/// (`.git`, `.venv`, `.typhon_cache`, ...), `__pycache__` and Cargo's `target`. A root named
/// explicitly is never skipped, so `typhon check .hidden` still checks that folder.
pub fn is_skipped_name(name: &OsStr) -> bool {
    let name = name.as_encoded_bytes();
    name.starts_with(b".") || name == b"__pycache__" || name == b"target"
}

fn is_python_file_name(name: &OsStr) -> bool {
    name.as_encoded_bytes().ends_with(b".py")
}

/// `path` without `.` components, so that `./a.py` and `a.py` name the same file (for
/// de-duplication and for display: mypy prints `a.py`, not `./a.py`).
pub(crate) fn normalize_path(path: &Path) -> PathBuf {
    path.components().filter(|component| *component != Component::CurDir).collect()
}

/// The real file system. Directory walks respect `.gitignore` (also outside a git
/// repository), `.ignore` and `.git/info/exclude`, but not the user's global gitignore,
/// so that a project finds the same files on every machine.
#[derive(Clone, Copy, Debug, Default)]
pub struct DiskSources;

impl SourceProvider for DiskSources {
    fn find_sources(&self, root: &Path) -> Result<Vec<PathBuf>, EngineError> {
        let metadata = std::fs::metadata(root).map_err(|error| match error.kind() {
            io::ErrorKind::NotFound => EngineError::PathNotFound { path: root.to_path_buf() },
            _ => EngineError::Unreadable { path: root.to_path_buf(), source: error },
        })?;
        if !metadata.is_dir() {
            return Ok(vec![root.to_path_buf()]);
        }
        let mut builder = WalkBuilder::new(root);
        builder
            // Hidden entries are skipped by our own rule, which spares the root.
            .hidden(false)
            .git_global(false)
            .require_git(false)
            .follow_links(false)
            .filter_entry(|entry| entry.depth() == 0 || !is_skipped_name(entry.file_name()));
        let mut files = Vec::new();
        for entry in builder.build() {
            let entry =
                entry.map_err(|error| EngineError::Walk { root: root.to_path_buf(), message: error.to_string() })?;
            if entry.depth() == 0 || !is_python_file_name(entry.file_name()) {
                continue;
            }
            // A symbolic link counts when it points to a file: links are not followed into
            // directories (no loops), but a linked module is still a module.
            let is_file = match entry.file_type() {
                Some(file_type) if file_type.is_symlink() => entry.path().is_file(),
                Some(file_type) => file_type.is_file(),
                None => false,
            };
            if is_file {
                files.push(entry.into_path());
            }
        }
        Ok(files)
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn is_file(&self, path: &Path) -> bool {
        path.is_file()
    }

    fn stat(&self, path: &Path) -> Option<typhon_bytecode_cache::SourceStat> {
        std::fs::metadata(path).ok().map(|meta| typhon_bytecode_cache::SourceStat::from_metadata(&meta))
    }

    fn list_dir(&self, dir: &Path) -> Option<DirEntries> {
        let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
        let mut listing = DirEntries::default();
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(error) if matches!(error.kind(), io::ErrorKind::NotFound | io::ErrorKind::NotADirectory) => {
                return Some(listing);
            }
            // A directory that exists but cannot be read now (permissions, too many open
            // files): not an empty one; the engine asks for each file instead.
            Err(_) => return None,
        };
        for entry in entries {
            let entry = entry.ok()?;
            let kind = match entry.file_type().ok()? {
                // A link counts as what it points to; a dangling one as nothing.
                kind if kind.is_symlink() => {
                    listing.links.push(entry.file_name());
                    std::fs::metadata(entry.path()).map(|meta| meta.file_type()).ok()
                }
                kind => Some(kind),
            };
            match kind {
                Some(kind) if kind.is_file() => listing.files.push(entry.file_name()),
                Some(kind) if kind.is_dir() => listing.dirs.push(entry.file_name()),
                _ => {}
            }
        }
        Some(listing)
    }

    fn absolute(&self, path: &Path) -> PathBuf {
        // `std::path::absolute` refuses the empty path, which is how a normalised `.` looks.
        let path = if path.as_os_str().is_empty() { Path::new(".") } else { path };
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        // `absolute` keeps `..` components (it never reads the disk); resolving them
        // lexically is right here, because only the names of the directories matter.
        let mut out = PathBuf::new();
        for component in absolute.components() {
            match component {
                Component::ParentDir => {
                    out.pop();
                }
                Component::CurDir => {}
                other => out.push(other),
            }
        }
        out
    }
}

/// Files held in memory, keyed by path: for tests, and later for editor buffers.
///
/// A directory exists when some file lies below it (and `.` always exists). There are no
/// ignore files in memory; the skip rule of [`is_skipped_name`] still applies.
#[derive(Clone, Debug, Default)]
pub struct MemorySources {
    files: BTreeMap<PathBuf, Arc<[u8]>>,
}

impl MemorySources {
    pub fn new() -> MemorySources {
        MemorySources::default()
    }

    /// Adds or replaces the file at `path` (`./a.py` and `a.py` are the same file).
    pub fn insert(&mut self, path: impl AsRef<Path>, contents: impl AsRef<[u8]>) {
        self.files.insert(normalize_path(path.as_ref()), Arc::from(contents.as_ref()));
    }

    /// [`MemorySources::insert`] for building a set of files in one expression.
    pub fn with_file(mut self, path: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> MemorySources {
        self.insert(path, contents);
        self
    }

    /// Removes the file at `path`; returns whether it was there.
    pub fn remove(&mut self, path: impl AsRef<Path>) -> bool {
        self.files.remove(&normalize_path(path.as_ref())).is_some()
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

impl SourceProvider for MemorySources {
    fn find_sources(&self, root: &Path) -> Result<Vec<PathBuf>, EngineError> {
        let requested = root;
        let root = normalize_path(requested);
        if self.files.contains_key(&root) {
            return Ok(vec![root]);
        }
        let mut exists = root.as_os_str().is_empty();
        let mut files = Vec::new();
        for path in self.files.keys() {
            let Ok(relative) = path.strip_prefix(&root) else { continue };
            exists = true;
            let kept = relative.iter().all(|name| !is_skipped_name(name));
            if kept && path.file_name().is_some_and(is_python_file_name) {
                files.push(path.clone());
            }
        }
        if exists { Ok(files) } else { Err(EngineError::PathNotFound { path: requested.to_path_buf() }) }
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        match self.files.get(&normalize_path(path)) {
            Some(contents) => Ok(contents.to_vec()),
            None => Err(io::Error::new(io::ErrorKind::NotFound, "no such file in memory")),
        }
    }

    fn is_file(&self, path: &Path) -> bool {
        self.files.contains_key(&normalize_path(path))
    }
}
