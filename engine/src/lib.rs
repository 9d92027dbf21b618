//! The engine: turns paths into checked projects. It owns every contact with files (through
//! the [`SourceProvider`] trait), discovers the modules, runs the phases of each file in
//! parallel and collects a deterministic [`CheckReport`].
//!
//! Today `check` is a syntax check (decode, lex, parse); the type checker over the module
//! graph, the bytecode cache and the editor's incremental state will grow from [`Engine`].
//! The engine never prints: turning reports into text is the caller's job.

mod check;
mod engine;
mod error;
mod sources;

#[cfg(test)]
mod tests;

pub use check::{CheckReport, FileReport, SourceFile};
pub use engine::{Engine, EngineOptions};
pub use error::EngineError;
pub use sources::{DiskSources, MemorySources, SourceProvider, is_skipped_name};
