//! The engine: turns paths into checked projects. It owns every contact with files (through
//! the [`SourceProvider`] trait), discovers the modules and names them, resolves their
//! imports into a dependency graph, runs the front end of every file and phase 1 (the
//! type checker) of every module in parallel, in dependency order, and collects a
//! deterministic [`CheckReport`]. The [`Engine`] keeps the resulting [`Project`] (modules,
//! graph, interfaces) for the bytecode cache and the editor's incremental state to come.
//! [`Engine::run`] goes on from a program's checked modules to phase 2, links the bytecode
//! and runs it (`typhon run`).
//!
//! With a [`CacheConfig`], every command consults the persistent cache first and writes
//! back what it rebuilt (see `cache/mod.rs`).
//!
//! The engine never prints: turning reports into text is the caller's job.

mod cache;
mod check;
mod engine;
mod error;
mod graph;
mod order;
mod phase1;
mod project;
mod run;
mod sources;
mod stream;

#[cfg(test)]
mod tests;

pub use cache::{CacheConfig, CacheReport, ExplainLine, MissReason, default_cache_dir};
pub use check::{CheckReport, FileReport, ModuleStatus, SourceFile, Timings};
pub use engine::{Engine, EngineOptions, ModuleInfo};
pub use error::EngineError;
pub use project::Project;
pub use run::{Prepared, ReadyProgram, RunError, RunOutcome, RunSettings};
pub use sources::{DirEntries, DiskSources, MemorySources, SourceProvider, is_skipped_name};
