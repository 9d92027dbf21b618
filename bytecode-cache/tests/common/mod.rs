//! Helpers shared by the storage tests: scratch caches and self-checking contents.

#![allow(dead_code, unreachable_pub)]

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use typhon_bytecode_cache::{CacheDir, CacheOptions, MappedEntry, SlotKey};

/// Options for tests: every hit refreshes the LRU time, no automatic size bound.
pub fn test_options() -> CacheOptions {
    CacheOptions { lru_refresh_interval: Duration::ZERO, max_bytes: None, ..CacheOptions::default() }
}

/// A cache in a fresh scratch directory (removed when the `TempDir` drops).
pub fn scratch_cache(options: CacheOptions) -> (tempfile::TempDir, CacheDir) {
    let dir = tempfile::tempdir().expect("create a scratch directory");
    let cache = CacheDir::open_with(dir.path().join("cache"), options).expect("open the cache");
    (dir, cache)
}

pub fn slot(idx: u64) -> SlotKey {
    SlotKey::derive(&[b"test project", &idx.to_le_bytes()])
}

/// `len` bytes determined by `seed` (BLAKE3 in extendable-output mode).
pub fn expand(seed: &[u8], len: usize) -> Vec<u8> {
    let mut out = vec![0; len];
    blake3::Hasher::new().update(seed).finalize_xof().fill(&mut out);
    out
}

/// Sections that describe themselves: section 0 names the writer and its length, section
/// 1 is derived from section 0. Any mix of two writes' bytes fails `check_self_describing`.
pub fn self_describing(writer: u64, round: u64) -> (Vec<u8>, Vec<u8>) {
    let len = 1000 + ((writer * 37 + round * 101) % 5000) as usize;
    let label = format!("writer {writer} round {round} len {len}").into_bytes();
    let body = expand(&label, len);
    (label, body)
}

pub fn check_self_describing(entry: &MappedEntry) {
    assert_eq!(entry.section_count(), 2, "{}", entry.path().display());
    let label = entry.section(0).expect("section 0");
    let body = entry.section(1).expect("section 1");
    let text = std::str::from_utf8(label).expect("label is UTF-8");
    let len: usize = text.rsplit(' ').next().and_then(|len| len.parse().ok()).expect("label ends with a length");
    assert_eq!(body.len(), len, "{text}");
    assert!(body == expand(label, len).as_slice(), "body of {text} does not match its label");
}

/// Replaces the file at `path` the way the store does (new file + rename), so that
/// tests which plant bad entries never modify a file in place either.
pub fn replace_file(path: &Path, bytes: &[u8]) {
    let dir = path.parent().expect("entry paths have a parent");
    let mut temp = tempfile::NamedTempFile::new_in(dir).expect("create a temporary file");
    temp.write_all(bytes).expect("write the temporary file");
    temp.persist(path).expect("rename over the entry");
}
