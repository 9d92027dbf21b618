//! Computes `COMPILER_FINGERPRINT` and `LAYOUT_DESCRIPTION` at build time.
//!
//! The fingerprint is a BLAKE3 hash of every source file of the crates whose code decides
//! what a cache entry contains, plus the workspace manifest and lock file and this crate's
//! version. A rebuilt compiler therefore gets a new fingerprint and never trusts entries
//! written by an older one (DESIGN.md, "The cache", key component 2).
//!
//! The hash is deterministic: files are visited in sorted order of their path relative
//! to the workspace root (with `/` separators), and each file contributes its path and its
//! contents, both length-prefixed so that no two different trees hash alike.

use std::fs;
use std::path::{Path, PathBuf};

/// Directories whose files affect the output. `diagnostics` is included because cached
/// diagnostics are replayed from the entry, and `engine` because the engine defines the
/// archived entry record stored in the cache: a change to its layout must not be read
/// back through old bytes that still pass rkyv validation.
const SOURCE_DIRS: &[&str] =
    &["diagnostics/src", "lexer/src", "parser/src", "typeck/src", "compiler/src", "vm/src", "engine/src"];

/// Single files that affect the output: each crate's manifest (features, dependencies),
/// the workspace manifest (rkyv's pinned format features) and the lock file (exact
/// versions of everything, rkyv included).
const SOURCE_FILES: &[&str] = &[
    "diagnostics/Cargo.toml",
    "lexer/Cargo.toml",
    "parser/Cargo.toml",
    "typeck/Cargo.toml",
    "compiler/Cargo.toml",
    "vm/Cargo.toml",
    "engine/Cargo.toml",
    "Cargo.toml",
    "Cargo.lock",
];

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let workspace = manifest_dir.parent().map(Path::to_path_buf).unwrap_or_else(|| manifest_dir.clone());
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();

    let mut hasher = blake3::Hasher::new_derive_key("typhon compiler fingerprint v1");
    hash_field(&mut hasher, version.as_bytes());

    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for dir in SOURCE_DIRS {
        println!("cargo:rerun-if-changed={}", workspace.join(dir).display());
        collect_files(&workspace.join(dir), dir, &mut files);
    }
    for file in SOURCE_FILES {
        println!("cargo:rerun-if-changed={}", workspace.join(file).display());
        files.push(((*file).to_owned(), workspace.join(file)));
    }
    files.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    files.dedup_by(|a, b| a.0 == b.0);

    for (relative, path) in &files {
        hash_field(&mut hasher, relative.as_bytes());
        match fs::read(path) {
            Ok(contents) => {
                hasher.update(&[1]);
                hash_field(&mut hasher, &contents);
            }
            // A missing file (a crate not written yet) still contributes, so creating it
            // later changes the fingerprint.
            Err(_) => {
                hasher.update(&[0]);
            }
        }
    }
    let fingerprint = hasher.finalize();

    let layout = layout_description(&workspace);

    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let code = format!(
        "/// BLAKE3 hash of the compiler's sources, manifests, lock file and version.\n\
         pub const COMPILER_FINGERPRINT: [u8; 32] = {:?};\n\
         /// The archive layout this build writes: rkyv's version and pinned format features.\n\
         pub const LAYOUT_DESCRIPTION: &str = {:?};\n",
        fingerprint.as_bytes(),
        layout,
    );
    if let Err(err) = fs::write(out_dir.join("fingerprint.rs"), code) {
        println!("cargo:warning=cannot write the compiler fingerprint: {err}");
        std::process::exit(1);
    }
}

/// Hashes a length-prefixed field, so that field boundaries are part of the hash.
fn hash_field(hasher: &mut blake3::Hasher, bytes: &[u8]) {
    hasher.update(&(bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}

/// Collects the regular files under `dir`, recursively, keyed by their path relative to
/// the workspace root. Hidden files and editor backups are skipped: a `.swp` file appearing
/// while someone edits must not change the fingerprint.
fn collect_files(dir: &Path, relative: &str, out: &mut Vec<(String, PathBuf)>) {
    let Ok(read_dir) = fs::read_dir(dir) else { return };
    for entry in read_dir.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        let path = entry.path();
        let child = format!("{relative}/{name}");
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => collect_files(&path, &child, out),
            Ok(kind) if kind.is_file() => out.push((child, path)),
            _ => {}
        }
    }
}

/// Names rkyv's exact version (from the lock file) and its pinned features (from the
/// workspace manifest). Archives written under another description are foreign.
fn layout_description(workspace: &Path) -> String {
    let lock = fs::read_to_string(workspace.join("Cargo.lock")).unwrap_or_default();
    let version = lock
        .split("[[package]]")
        .find(|package| package.lines().any(|line| line.trim() == "name = \"rkyv\""))
        .and_then(|package| {
            package.lines().find_map(|line| line.trim().strip_prefix("version = \"")?.strip_suffix('"'))
        })
        .unwrap_or("unknown")
        .to_owned();
    let manifest = fs::read_to_string(workspace.join("Cargo.toml")).unwrap_or_default();
    let features = manifest
        .lines()
        .find(|line| line.trim_start().starts_with("rkyv ="))
        .and_then(|line| {
            let start = line.find("features")?;
            let open = start + line[start..].find('[')?;
            let close = open + line[open..].find(']')?;
            Some(line[open + 1..close].replace(['"', ' '], ""))
        })
        .unwrap_or_else(|| "unknown".to_owned());
    if version == "unknown" || features == "unknown" {
        println!("cargo:warning=could not determine rkyv's version or features for the cache layout tag");
    }
    format!("rkyv {version}; features {features}; sections 16-byte aligned")
}
