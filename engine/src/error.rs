//! The engine's real failures: problems with the paths it was asked to check. Problems
//! inside a file (unreadable, not UTF-8, syntax) are diagnostics, not errors.

use std::io;
use std::path::PathBuf;

/// Why the engine could not even start checking: the command line (or the host) named a
/// path that is not there or cannot be listed. The CLI exits with status 2 on these.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("cannot check `{}`: no such file or directory", path.display())]
    PathNotFound { path: PathBuf },

    #[error("cannot check `{}`", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    /// A directory below a root could not be listed (permissions, a symlink loop, ...).
    /// The message of the `ignore` crate names the offending path.
    #[error("cannot list the files under `{}`: {message}", root.display())]
    Walk { root: PathBuf, message: String },
}
