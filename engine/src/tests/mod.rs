//! Unit tests of the engine, mostly on in-memory files ([`MemorySources`]).

mod cache;
mod discovery;
mod project;

use std::path::Path;

use crate::{Engine, EngineOptions, MemorySources};

fn memory_sources(files: &[(&str, &str)]) -> MemorySources {
    files.iter().fold(MemorySources::new(), |sources, (path, text)| sources.with_file(path, text))
}

fn memory_engine(files: &[(&str, &str)]) -> Engine {
    Engine::new(memory_sources(files), EngineOptions::default())
}

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|error| panic!("creating {}: {error}", parent.display()));
    }
    std::fs::write(&path, text).unwrap_or_else(|error| panic!("writing {}: {error}", path.display()));
}
