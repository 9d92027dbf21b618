//! The [`Engine`] value: a source provider plus options, and the commands it runs.
//! There is no global state; a host may create as many engines as it likes.

use std::num::NonZeroUsize;
use std::path::Path;

use rayon::prelude::*;

use crate::check::check_file;
use crate::sources::normalize_path;
use crate::{CheckReport, EngineError, FileReport, SourceFile, SourceProvider};

/// Settings of an [`Engine`] that do not change what it reports, only how it works.
#[derive(Clone, Debug, Default)]
pub struct EngineOptions {
    /// How many threads check files at once; `None` uses rayon's shared pool (one thread
    /// per core), `Some(1)` checks on the calling thread only.
    pub threads: Option<NonZeroUsize>,
}

/// Checks projects read through a [`SourceProvider`].
///
/// Today that means discovery plus a syntax check of every file; the type checker over the
/// module graph and the bytecode cache will hang off this value, which is also where an
/// editor's in-memory state will live.
pub struct Engine {
    sources: Box<dyn SourceProvider>,
    options: EngineOptions,
}

impl Engine {
    pub fn new(sources: impl SourceProvider + 'static, options: EngineOptions) -> Engine {
        Engine { sources: Box::new(sources), options }
    }

    pub fn sources(&self) -> &dyn SourceProvider {
        &*self.sources
    }

    pub fn options(&self) -> &EngineOptions {
        &self.options
    }

    /// Every source file named by `paths` (files, or directories to walk), sorted by path
    /// and without duplicates, so that everything downstream is deterministic.
    pub fn discover<P: AsRef<Path>>(&self, paths: &[P]) -> Result<Vec<SourceFile>, EngineError> {
        let mut found = Vec::new();
        for root in paths {
            found.extend(self.sources.find_sources(root.as_ref())?.iter().map(|path| normalize_path(path)));
        }
        found.sort();
        found.dedup();
        Ok(found.into_iter().map(SourceFile::new).collect())
    }

    /// Discovers the files named by `paths` and checks them.
    pub fn check<P: AsRef<Path>>(&self, paths: &[P]) -> Result<CheckReport, EngineError> {
        Ok(self.check_files(self.discover(paths)?))
    }

    /// Checks `files` in parallel; the report lists them in the order given.
    pub fn check_files(&self, files: Vec<SourceFile>) -> CheckReport {
        let sources = &*self.sources;
        let in_parallel = |files: Vec<SourceFile>| -> Vec<FileReport> {
            files.into_par_iter().map(|file| check_file(sources, file)).collect()
        };
        let in_sequence = |files: Vec<SourceFile>| -> Vec<FileReport> {
            files.into_iter().map(|file| check_file(sources, file)).collect()
        };
        let files = match self.options.threads {
            None => in_parallel(files),
            Some(threads) if threads.get() == 1 => in_sequence(files),
            Some(threads) => match rayon::ThreadPoolBuilder::new().num_threads(threads.get()).build() {
                Ok(pool) => pool.install(|| in_parallel(files)),
                // Only the operating system refusing threads gets here; checking on the
                // calling thread gives the same report, just later.
                Err(_) => in_sequence(files),
            },
        };
        CheckReport { files }
    }
}
