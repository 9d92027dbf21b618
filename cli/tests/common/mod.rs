//! Helpers shared by the CLI's end-to-end tests: temporary projects and running the
//! built `typhon` binary on them.

// Each test binary includes this module and uses a different subset of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

/// A temporary project with the given source files (`(relative path, text)`).
pub(crate) fn project(files: &[(&str, &str)]) -> TempDir {
    let files: Vec<(&str, &[u8])> = files.iter().map(|(path, text)| (*path, text.as_bytes())).collect();
    project_bytes(&files)
}

/// A temporary project with the given files as raw bytes (for files that are not UTF-8).
pub(crate) fn project_bytes(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("temporary directory: {error}"));
    for (relative, contents) in files {
        let path = dir.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap_or_else(|error| panic!("creating {}: {error}", parent.display()));
        }
        std::fs::write(&path, contents).unwrap_or_else(|error| panic!("writing {}: {error}", path.display()));
    }
    dir
}

/// Runs `typhon` in `dir` with `args`, with the caller's colour and timing variables
/// removed so that output is the same everywhere, and without the cache
/// (`TYPHON_NO_CACHE=1`): a test that runs the binary on files of the repository must
/// never leave a `.typhon_cache` in it. Tests of the cache use [`typhon_cached`].
pub(crate) fn typhon(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).env("TYPHON_NO_CACHE", "1").output().unwrap_or_else(|error| panic!("running typhon: {error}"))
}

/// Runs `typhon` like [`typhon`] but with the cache on (wherever the project puts it)
/// and the extra environment variables `env`.
pub(crate) fn typhon_cached(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = command(dir, args);
    command.envs(env.iter().copied());
    command.output().unwrap_or_else(|error| panic!("running typhon: {error}"))
}

/// The command line shared by [`typhon`] and [`typhon_cached`]: the caller's colour,
/// timing and cache variables removed.
fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_typhon"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .env_remove("TYPHON_TIMINGS")
        .env_remove("TYPHON_NO_CACHE")
        .env_remove("TYPHON_CACHE_DIR");
    command
}

pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
