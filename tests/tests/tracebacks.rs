//! Tracebacks of uncaught exceptions, compared whole with CPython's: every frame's
//! `File "…", line N, in f` line, its source line (without its indentation), the carets
//! under the part of it that failed (`~` and `^` around an operator or a subscript),
//! repeated frames counted, the exception's line, and chained exceptions (`raise ...
//! from`, and exceptions raised while another is handled) before it. The conformance corpus compares
//! only the last line of stderr; these programs are run by CPython (`python3 -S`, by
//! absolute path, as the engine prints paths) and by the engine's run path: the
//! multi-module ones below from a directory of their own, the one-file programs of
//! `tests/programs/tracebacks/` in place.

use std::fs;
use std::num::NonZeroUsize;
use std::path::Path;

use typhon_engine::{DiskSources, Engine, EngineOptions, RunOutcome, RunSettings};
use typhon_tests::{TempDir, crate_dir, run_python3};

/// The programs: (name, files). Every program's `main.py` raises an uncaught exception.
const PROGRAMS: &[(&str, &[(&str, &str)])] = &[
    (
        "across modules",
        &[
            (
                "main.py",
                "from helper import fail\n\n\ndef outer() -> None:\n    fail('deep')\n\n\nif True:\n    outer()\n",
            ),
            ("helper.py", "def fail(message: str) -> None:\n    raise ValueError(message)\n"),
        ],
    ),
    (
        "a method, tabs and a package",
        &[
            ("main.py", "from pkg.shapes import Box\n\nbox = Box(3)\nbox.check()\n"),
            ("pkg/__init__.py", ""),
            (
                "pkg/shapes.py",
                "class Box:\n\tdef __init__(self, size: int) -> None:\n\t\tself.size: int = size\n\n\tdef check(self) -> None:\n\t\traise KeyError(self.size)\n",
            ),
        ],
    ),
    (
        "a call statement at module level",
        &[("main.py", "def boom() -> None:\n    raise RuntimeError('x')\n\n\nboom()\n")],
    ),
    (
        "windows line endings",
        &[("main.py", "def boom() -> None:\r\n    raise TypeError('crlf')\r\n\r\n\r\nboom()\r\n")],
    ),
    (
        "an exception without a message",
        &[("main.py", "class Stop(Exception):\n    pass\n\n\ndef go() -> None:\n    raise Stop()\n\n\ngo()\n")],
    ),
];

fn typhon_run(main: &Path) -> (i32, String, String) {
    let options = EngineOptions { threads: NonZeroUsize::new(1), ..EngineOptions::default() };
    let mut engine = Engine::new(DiskSources, options);
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let outcome = engine
        .run(main, &RunSettings::default(), &mut stdout, &mut stderr)
        .unwrap_or_else(|error| panic!("cannot run {}: {error}", main.display()));
    let RunOutcome::Exited(status) = outcome else { panic!("{}: {outcome:?}", main.display()) };
    (status, String::from_utf8_lossy(&stdout).into_owned(), String::from_utf8_lossy(&stderr).into_owned())
}

/// Runs `main` with CPython and the engine; a difference in status, stdout or stderr is
/// returned as text.
fn compare(name: &str, main: &Path) -> Option<String> {
    let cpython = run_python3(&["-S".as_ref(), main.as_os_str()]);
    let (expected_out, expected) =
        (String::from_utf8_lossy(&cpython.stdout).into_owned(), String::from_utf8_lossy(&cpython.stderr).into_owned());
    assert!(cpython.status.code() == Some(1) && !expected.is_empty(), "{name}: CPython did not fail: {expected}");
    let (status, stdout, stderr) = typhon_run(main);
    (status != cpython.status.code().unwrap_or(-1) || stdout != expected_out || stderr != expected)
        .then(|| format!("{name}: status {status}\n--- typhon\n{stdout}{stderr}--- CPython\n{expected_out}{expected}"))
}

#[test]
fn one_file_tracebacks_are_cpythons() {
    let dir = crate_dir().join("programs/tracebacks");
    let mut programs: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("list {}: {error}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    programs.sort();
    assert!(programs.len() >= 20, "the traceback programs are missing: {programs:?}");
    let failures: Vec<String> = programs
        .iter()
        .filter_map(|path| compare(&path.file_name().unwrap_or_default().to_string_lossy(), path))
        .collect();
    assert!(failures.is_empty(), "{} of {} differ:\n{}", failures.len(), programs.len(), failures.join("\n"));
}

#[test]
fn tracebacks_are_cpythons_line_for_line() {
    let mut failures = Vec::new();
    for (name, files) in PROGRAMS {
        let dir = TempDir::new("traceback");
        for (path, text) in *files {
            let path = dir.path().join(path);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).expect("create a directory");
            }
            fs::write(&path, text).expect("write a module");
        }
        failures.extend(compare(name, &dir.path().join("main.py")));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
