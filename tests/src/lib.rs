//! Helpers shared by the integration test suites: where the fixtures and the shared
//! workloads live, running CPython with a clear error when it is missing, collecting
//! `.py` files, temporary directories, and the front end run the way the engine runs it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use typhon_diagnostics::{ColorChoice, Diagnostic, render_human};
use typhon_parser::Parsed;

pub mod ast_check;
pub mod cache_files;
pub mod canonical;
pub mod engine_text;

/// This crate's directory (`tests/` of the workspace).
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures`: the data-driven test inputs.
pub fn fixtures_dir() -> PathBuf {
    crate_dir().join("fixtures")
}

/// The read-only directory shared by every checkout (`LANGUAGE.md`, `bench/`), which
/// sits next to the workspace: `<workspace>/../shared`.
pub fn shared_dir() -> PathBuf {
    let dir = crate_dir().join("../../shared");
    assert!(
        dir.join("bench").is_dir(),
        "the shared directory was not found at {} (expected <workspace>/../shared with bench/ in it)",
        dir.display()
    );
    dir
}

/// `shared/bench/gen_project.py`, the generator of synthetic projects.
pub fn gen_project_script() -> PathBuf {
    shared_dir().join("bench/gen_project.py")
}

/// Runs `python3` with `args` and returns its output, failing the test with a message that
/// says what to install when there is no `python3` on PATH. CPython is the oracle of the
/// language, so tests that need it cannot silently pass without it.
pub fn run_python3(args: &[&std::ffi::OsStr]) -> Output {
    match Command::new("python3").args(args).output() {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            panic!("python3 was not found on PATH: these tests use CPython 3.11 as the reference (install python3.11)")
        }
        Err(error) => panic!("could not run python3: {error}"),
    }
}

/// Like [`run_python3`], and also fails the test (showing stdout and stderr) unless the
/// script exits with status 0.
pub fn run_python3_ok(args: &[&std::ffi::OsStr]) -> Output {
    let output = run_python3(args);
    assert!(
        output.status.success(),
        "python3 {:?} failed with {}\n--- stdout\n{}\n--- stderr\n{}",
        args,
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Every `*.py` file below `dir` (recursively), sorted so that reports are stable.
pub fn python_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries =
            fs::read_dir(&current).unwrap_or_else(|error| panic!("cannot list {}: {error}", current.display()));
        for entry in entries {
            let path = entry.unwrap_or_else(|error| panic!("cannot list {}: {error}", current.display())).path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "py") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Reads a whole file, failing the test with the path on error.
pub fn read_bytes(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// The file name of `path` as text, for messages and snapshot names.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
}

/// What the front end makes of one file's bytes, exactly as the engine runs it:
/// `decode_source` (BOM, UTF-8 check), then lexing and parsing.
pub struct FrontEnd {
    /// The decoded text (after a BOM, if any); empty when decoding failed.
    pub source: String,
    /// `None` when the bytes could not be decoded (the reason is in `diagnostics`).
    pub parsed: Option<Parsed>,
    pub diagnostics: Vec<Diagnostic>,
}

impl FrontEnd {
    pub fn run(bytes: &[u8]) -> FrontEnd {
        match typhon_lexer::decode_source(bytes) {
            Ok(source) => {
                let parsed = typhon_parser::parse_module(source);
                let diagnostics = parsed.diagnostics.clone();
                FrontEnd { source: source.to_owned(), parsed: Some(parsed), diagnostics }
            }
            Err(diagnostic) => FrontEnd { source: String::new(), parsed: None, diagnostics: vec![diagnostic] },
        }
    }

    /// The diagnostics as `typhon check` prints them, without colour.
    pub fn render(&self, file_name: &str) -> String {
        render_human(&self.diagnostics, file_name, &self.source, ColorChoice::Never)
    }
}

/// A directory under the system's temporary directory, removed (with its contents) when
/// dropped. Named after the process and a counter, so parallel tests never share one.
pub struct TempDir {
    path: PathBuf,
}

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |elapsed| elapsed.subsec_nanos());
        let path = std::env::temp_dir().join(format!(
            "typhon-{label}-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        fs::create_dir_all(&path).unwrap_or_else(|error| panic!("cannot create {}: {error}", path.display()));
        TempDir { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        // Best effort: a leftover directory in /tmp must not fail a test that passed.
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// Generates a synthetic project of `modules` modules with `shared/bench/gen_project.py`
/// into a fresh temporary directory.
pub fn generate_project(modules: usize) -> TempDir {
    let dir = TempDir::new("project");
    let modules = modules.to_string();
    run_python3_ok(&[gen_project_script().as_os_str(), dir.path().as_os_str(), "--modules".as_ref(), modules.as_ref()]);
    dir
}

/// CPython's AST of each file in the canonical text form of [`canonical::canonical`]
/// (`Err` with CPython's message when it cannot parse the file), in the order given.
pub fn cpython_canonical_asts(files: &[PathBuf]) -> Vec<Result<String, String>> {
    let script = crate_dir().join("scripts/cpython_ast.py");
    let mut args = vec![script.as_os_str()];
    args.extend(files.iter().map(|path| path.as_os_str()));
    let output = run_python3_ok(&args);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("cpython_ast.py prints JSON");
    files
        .iter()
        .map(|path| match &json[path.to_string_lossy().as_ref()] {
            serde_json::Value::String(text) => Ok(text.clone()),
            other => Err(other["error"].as_str().unwrap_or("no result").to_owned()),
        })
        .collect()
}

/// The first difference between two texts, with a few lines of context from each, or
/// `None` when they are equal.
pub fn first_difference(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let expected_lines: Vec<&str> = expected.lines().collect();
    let actual_lines: Vec<&str> = actual.lines().collect();
    let first = expected_lines.iter().zip(&actual_lines).take_while(|(a, b)| a == b).count();
    let from = first.saturating_sub(6);
    let excerpt = |lines: &[&str]| {
        lines.iter().enumerate().skip(from).take(first - from + 4).fold(String::new(), |mut text, (idx, line)| {
            let marker = if idx == first { ">" } else { " " };
            text.push_str(&format!("{marker}{line}\n"));
            text
        })
    };
    Some(format!(
        "first difference at line {}\n--- CPython\n{}--- Typhon\n{}",
        first + 1,
        excerpt(&expected_lines),
        excerpt(&actual_lines)
    ))
}

/// `tests/programs`: the corpora of accepted (`ok/`) and rejected (`err/`) programs.
pub fn programs_dir() -> PathBuf {
    crate_dir().join("programs")
}

/// Applies an edit of `shared/bench/gen_project.py` (`body`, `signature` or `break`) to
/// module `module` of a project it generated, in place.
pub fn edit_project(dir: &Path, kind: &str, module: usize) {
    let module = module.to_string();
    run_python3_ok(&[
        gen_project_script().as_os_str(),
        dir.as_os_str(),
        "--edit".as_ref(),
        kind.as_ref(),
        "--module".as_ref(),
        module.as_ref(),
    ]);
}
