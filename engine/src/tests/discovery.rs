//! Unit tests of discovery and of the per-file half of `check` (reading, decoding,
//! syntax), on in-memory files and a few on a temporary directory, for what only the disk
//! has: ignore files.

use std::io;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use typhon_diagnostics::{Code, ColorChoice, render_human};

use super::{memory_engine, write};
use crate::{DiskSources, Engine, EngineError, EngineOptions, MemorySources, SourceProvider};

fn display_paths(engine: &Engine, roots: &[&str]) -> Vec<String> {
    match engine.discover(roots) {
        Ok(files) => files.into_iter().map(|file| file.display_path).collect(),
        Err(error) => panic!("discovery failed: {error}"),
    }
}

#[test]
fn discovery_sorts_and_skips_hidden_cache_and_build_folders() {
    let engine = memory_engine(&[
        ("pkg/b.py", ""),
        ("pkg/a.py", ""),
        ("main.py", ""),
        ("pkg/sub/c.py", ""),
        ("pkg/__pycache__/a.py", ""),
        ("pkg/.hidden.py", ""),
        (".venv/lib.py", ""),
        (".typhon_cache/entry.py", ""),
        ("target/debug/build.py", ""),
        ("notes.txt", ""),
        ("pkg/data.json", ""),
    ]);
    assert_eq!(display_paths(&engine, &["."]), ["main.py", "pkg/a.py", "pkg/b.py", "pkg/sub/c.py"]);
    assert_eq!(display_paths(&engine, &["pkg"]), ["pkg/a.py", "pkg/b.py", "pkg/sub/c.py"]);
}

#[test]
fn a_root_named_explicitly_is_never_skipped() {
    let engine = memory_engine(&[(".venv/lib.py", ""), ("notes.txt", ""), ("target/t.py", "")]);
    assert_eq!(display_paths(&engine, &[".venv"]), [".venv/lib.py"]);
    assert_eq!(display_paths(&engine, &["target"]), ["target/t.py"]);
    // A file the user names is checked whatever its extension, as mypy does.
    assert_eq!(display_paths(&engine, &["notes.txt"]), ["notes.txt"]);
}

#[test]
fn overlapping_roots_give_each_file_once() {
    let engine = memory_engine(&[("main.py", ""), ("pkg/a.py", "")]);
    assert_eq!(display_paths(&engine, &["pkg/a.py", "./main.py", ".", "pkg"]), ["main.py", "pkg/a.py"]);
}

#[test]
fn a_missing_path_is_an_error_naming_it() {
    let mut engine = memory_engine(&[("main.py", "")]);
    match engine.discover(&["main.py", "nowhere/x.py"]) {
        Err(EngineError::PathNotFound { path }) => assert_eq!(path, Path::new("nowhere/x.py")),
        other => panic!("expected PathNotFound, got {other:?}"),
    }
    let message = engine.check(&["missing"]).map(|_| ()).err().map(|error| error.to_string());
    assert_eq!(message.as_deref(), Some("cannot check `missing`: no such file or directory"));
    // `.` always exists, even with nothing in it.
    assert_eq!(display_paths(&memory_engine(&[]), &["."]), Vec::<String>::new());
}

#[test]
fn check_counts_files_and_errors() {
    let mut engine = memory_engine(&[("a.py", "x = 1\n"), ("b.py", "print('hi')\n"), ("c.py", "y = 2\n")]);
    let report = engine.check(&["."]).unwrap_or_default();
    assert_eq!(report.n_files(), 3);
    assert_eq!(report.n_errors(), 0);
    assert_eq!(report.n_files_with_errors(), 0);
    assert!(!report.has_errors());
    assert_eq!(report.files[0].source, "x = 1\n");
}

#[test]
fn every_syntax_error_of_every_file_is_reported_in_order() {
    let mut engine = memory_engine(&[
        ("clean.py", "def double(n: int) -> int:\n    return 2 * n\n"),
        ("broken.py", "x = = 1\ny = 2\nprint(y +)\n"),
        ("also_broken.py", "def f(:\n    pass\n"),
    ]);
    let report = engine.check(&["."]).unwrap_or_default();
    let paths: Vec<_> = report.files.iter().map(|file| file.file.display_path.as_str()).collect();
    assert_eq!(paths, ["also_broken.py", "broken.py", "clean.py"]);
    assert_eq!((report.n_files(), report.n_files_with_errors()), (3, 2));
    let broken = &report.files[1];
    assert!(broken.diagnostics.len() >= 2, "recovery finds both statements: {:?}", broken.diagnostics);
    assert!(broken.diagnostics.iter().all(|diagnostic| diagnostic.code == Code::Syntax));
    assert!(broken.diagnostics.windows(2).all(|pair| pair[0].span.start <= pair[1].span.start));
    assert_eq!(report.n_errors(), report.files.iter().map(|file| file.diagnostics.len()).sum::<usize>());
    assert!(report.files[2].diagnostics.is_empty());
}

/// The bundled example must stay clean: the README's first command runs on it.
#[test]
fn the_bundled_example_project_checks_cleanly() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/inventory");
    let report = Engine::new(DiskSources, EngineOptions::default()).check(&[example]).unwrap_or_default();
    assert!(report.n_files() >= 5, "{:?}", report.files.iter().map(|file| &file.file.display_path).collect::<Vec<_>>());
    for file in &report.files {
        assert!(file.diagnostics.is_empty(), "{}: {:?}", file.file.display_path, file.diagnostics);
    }
}

#[test]
fn a_file_that_is_not_utf8_gets_a_diagnostic_with_a_printable_snippet() {
    let sources = MemorySources::new().with_file("bad.py", b"x = 1\ny = '\xff\xfe'\n").with_file("ok.py", "z = 2\n");
    let report = Engine::new(sources, EngineOptions::default()).check(&["."]).unwrap_or_default();
    assert_eq!(report.n_files(), 2);
    assert_eq!(report.n_errors(), 1);
    let bad = &report.files[0];
    assert_eq!(bad.file.display_path, "bad.py");
    assert!(bad.source.contains('\u{FFFD}'), "{:?}", bad.source);
    let span = bad.diagnostics[0].span;
    assert!(bad.source.is_char_boundary(span.start as usize) && bad.source.is_char_boundary(span.end as usize));
    assert_eq!(&bad.source[span.range()], "\u{FFFD}");
    let text = render_human(&bad.diagnostics, "bad.py", &bad.source, ColorChoice::Never);
    assert!(text.contains("bad.py:2:6"), "{text}");
}

/// Lists one file that it then fails to read, like a file deleted between the walk and the
/// read, or one without read permission.
struct UnreadableFile;

impl SourceProvider for UnreadableFile {
    fn find_sources(&self, _root: &Path) -> Result<Vec<PathBuf>, EngineError> {
        Ok(vec![PathBuf::from("gone.py")])
    }

    fn read(&self, _path: &Path) -> io::Result<Vec<u8>> {
        Err(io::Error::new(io::ErrorKind::PermissionDenied, "permission denied"))
    }

    fn is_file(&self, path: &Path) -> bool {
        path == Path::new("gone.py")
    }
}

#[test]
fn a_file_that_cannot_be_read_gets_an_io_diagnostic() {
    let report = Engine::new(UnreadableFile, EngineOptions::default()).check(&["."]).unwrap_or_default();
    assert_eq!(report.n_errors(), 1);
    let diagnostic = &report.files[0].diagnostics[0];
    assert_eq!(diagnostic.code, Code::Io);
    assert_eq!(diagnostic.message, "I could not read this file: permission denied");
    assert_eq!(report.files[0].source, "");
}

#[test]
fn the_report_is_the_same_whatever_the_number_of_threads() {
    let mut sources = MemorySources::new();
    for idx in 0..64 {
        let text: &[u8] = if idx % 5 == 0 { b"x = '\xff'\n" } else { b"x = 1\n" };
        sources.insert(format!("pkg/m{idx:02}.py"), text);
    }
    let summarize = |threads: Option<usize>| {
        let options = EngineOptions { threads: threads.and_then(NonZeroUsize::new), ..EngineOptions::default() };
        let report = Engine::new(sources.clone(), options).check(&["pkg"]).unwrap_or_default();
        report.files.iter().map(|file| (file.file.display_path.clone(), file.diagnostics.clone())).collect::<Vec<_>>()
    };
    let sequential = summarize(Some(1));
    assert_eq!(sequential.len(), 64);
    assert_eq!(sequential[0].0, "pkg/m00.py");
    assert_eq!(sequential.iter().filter(|(_, diagnostics)| !diagnostics.is_empty()).count(), 13);
    assert_eq!(summarize(Some(3)), sequential);
    assert_eq!(summarize(None), sequential);
}

#[test]
fn disk_discovery_respects_ignore_files_outside_a_git_repository() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("temporary directory: {error}"));
    let root = dir.path();
    for file in [
        "main.py",
        "pkg/__init__.py",
        "pkg/util.py",
        "pkg/generated/out.py",
        "pkg/skip_me.py",
        "scratch/s.py",
        "__pycache__/main.py",
        ".venv/lib.py",
        "target/t.py",
        "README.md",
    ] {
        write(root, file, "x = 1\n");
    }
    write(root, ".gitignore", "generated/\nskip_me.py\n");
    write(root, ".ignore", "scratch/\n");
    let mut engine = Engine::new(DiskSources, EngineOptions::default());
    let files = engine.discover(&[root]).unwrap_or_default();
    let relative: Vec<_> = files.iter().filter_map(|file| file.path.strip_prefix(root).ok()).collect();
    assert_eq!(relative, [Path::new("main.py"), Path::new("pkg/__init__.py"), Path::new("pkg/util.py")]);

    // A file named explicitly is checked even when ignored, as with ruff and mypy.
    let ignored = root.join("pkg/skip_me.py");
    assert_eq!(engine.discover(&[&ignored]).unwrap_or_default().len(), 1);

    let report = engine.check(&[root]).unwrap_or_default();
    assert_eq!((report.n_files(), report.n_errors()), (3, 0));
}

#[test]
fn disk_discovery_reports_a_missing_path() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("temporary directory: {error}"));
    let missing = dir.path().join("absent");
    match Engine::new(DiskSources, EngineOptions::default()).discover(&[&missing]) {
        Err(EngineError::PathNotFound { path }) => assert_eq!(path, missing),
        other => panic!("expected PathNotFound, got {other:?}"),
    }
}

/// Imported files that nobody named are found from directory listings (one per
/// directory): through a symbolic link to a package, never inside a plain module, and a
/// module that does not exist stays one import error.
#[cfg(unix)]
#[test]
fn imports_are_followed_on_disk_through_listings_and_links() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path().join("proj");
    write(
        &root,
        "main.py",
        "from pkg.mod import VALUE\nfrom linked.other import OTHER\nimport missing.nothing\n\nprint(VALUE + OTHER)\n",
    );
    write(&root, "pkg/__init__.py", "");
    write(&root, "pkg/mod.py", "VALUE: int = 1\n");
    write(dir.path(), "elsewhere/__init__.py", "");
    write(dir.path(), "elsewhere/other.py", "OTHER: int = 2\n");
    std::os::unix::fs::symlink(dir.path().join("elsewhere"), root.join("linked")).expect("a symbolic link");
    let mut engine =
        Engine::new(DiskSources, EngineOptions { threads: NonZeroUsize::new(1), ..EngineOptions::default() });
    let report = engine.check(&[root.join("main.py")]).expect("check");
    let mut modules: Vec<&str> = report.files.iter().map(|file| file.module.as_str()).collect();
    modules.sort_unstable();
    assert_eq!(modules, ["linked", "linked.other", "main", "pkg", "pkg.mod"]);
    let codes: Vec<Code> = report.files.iter().flat_map(|file| file.diagnostics.iter().map(|d| d.code)).collect();
    assert_eq!(codes, [Code::Import], "{:?}", report.files);
}
