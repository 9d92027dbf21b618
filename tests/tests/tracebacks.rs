//! Tracebacks of uncaught exceptions, compared whole with CPython's: every frame's
//! `File "…", line N, in f` line, its source line (without its indentation), and the
//! exception's line. The conformance corpus compares only the last line of stderr; these
//! programs are run by CPython (`python3 -S`, its path absolute as the engine's) and by
//! the engine's run path, each from its own directory of modules.

use std::fs;
use std::num::NonZeroUsize;
use std::path::Path;

use typhon_engine::{DiskSources, Engine, EngineOptions, RunOutcome, RunSettings};
use typhon_tests::{TempDir, run_python3};

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

fn typhon_stderr(main: &Path) -> (i32, String) {
    let options = EngineOptions { threads: NonZeroUsize::new(1), ..EngineOptions::default() };
    let mut engine = Engine::new(DiskSources, options);
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let outcome = engine
        .run(main, &RunSettings::default(), &mut stdout, &mut stderr)
        .unwrap_or_else(|error| panic!("cannot run {}: {error}", main.display()));
    let RunOutcome::Exited(status) = outcome else { panic!("{}: {outcome:?}", main.display()) };
    (status, String::from_utf8_lossy(&stderr).into_owned())
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
        let main = dir.path().join("main.py");
        let cpython = run_python3(&["-S".as_ref(), main.as_os_str()]);
        let expected = String::from_utf8_lossy(&cpython.stderr).into_owned();
        assert!(expected.starts_with("Traceback"), "{name}: CPython did not fail: {expected}");
        let (status, actual) = typhon_stderr(&main);
        if status != cpython.status.code().unwrap_or(-1) || actual != expected {
            failures.push(format!("{name}: status {status}\n--- typhon\n{actual}--- CPython\n{expected}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
