//! End-to-end tests of `typhon run`: the built binary run on temporary programs, with its
//! output, exit status and last stderr line compared with CPython (`python3 -S`) running
//! the same program with the same arguments in the same directory.

use std::path::Path;
use std::process::{Command, Output};

mod common;

use common::{project, typhon};

/// Runs CPython in `dir` with `args`, as the conformance corpus was recorded (`-S`, fixed
/// hash seed). CPython is the oracle: without it the test cannot mean anything, so it fails.
fn python(dir: &Path, args: &[&str]) -> Output {
    Command::new("python3")
        .arg("-S")
        .args(args)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .output()
        .unwrap_or_else(|error| panic!("running python3 (CPython 3.11 is the reference, install it): {error}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The last non-blank line of stderr: the exception line of a traceback.
fn last_line(bytes: &[u8]) -> String {
    text(bytes).lines().rev().find(|line| !line.trim().is_empty()).unwrap_or_default().to_owned()
}

/// Runs the program both ways and asserts the same stdout and status; returns Typhon's run.
fn same_as_cpython(dir: &Path, args: &[&str]) -> Output {
    let mut typhon_args = vec!["run"];
    typhon_args.extend_from_slice(args);
    let ours = typhon(dir, &typhon_args);
    let reference = python(dir, args);
    assert_eq!(text(&ours.stdout), text(&reference.stdout), "stdout; typhon's stderr:\n{}", text(&ours.stderr));
    assert_eq!(ours.status.code(), reference.status.code(), "status; typhon's stderr:\n{}", text(&ours.stderr));
    ours
}

const ARGS_PROGRAM: &str = r#"import sys


def shout(words: list[str]) -> str:
    return " ".join(word.upper() for word in words)


print(len(sys.argv), sys.argv[0], sys.argv[1:])
print(shout(sys.argv[1:]))
print(__name__)
"#;

#[test]
fn arguments_after_the_path_reach_the_program_options_included() {
    let dir = project(&[("prog.py", ARGS_PROGRAM)]);
    let output = same_as_cpython(dir.path(), &["prog.py", "one", "--flag", "x", "--threads", "2", "-h"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(text(&output.stdout).contains("__main__"), "{}", text(&output.stdout));
    assert_eq!(text(&output.stderr), "", "a clean run writes nothing on stderr");
}

#[test]
fn sys_exit_status_is_the_exit_status() {
    let source = "import sys\n\nprint('leaving')\nsys.exit(3)\nprint('unreachable')\n";
    let dir = project(&[("leave.py", source)]);
    let output = same_as_cpython(dir.path(), &["leave.py"]);
    assert_eq!(output.status.code(), Some(3));
}

#[test]
fn an_uncaught_exception_exits_1_with_cpythons_last_line() {
    let source = r#"class BadInput(ValueError):
    pass


def parse(text: str) -> int:
    if not text.isdigit():
        raise BadInput(f"not a number: {text!r}")
    return int(text)


print(parse("12"))
print(parse("1x"))
"#;
    let dir = project(&[("parse.py", source)]);
    let output = same_as_cpython(dir.path(), &["parse.py"]);
    assert_eq!(output.status.code(), Some(1));
    let reference = python(dir.path(), &["parse.py"]);
    assert_eq!(last_line(&output.stderr), last_line(&reference.stderr));
    assert_eq!(last_line(&output.stderr), "BadInput: not a number: '1x'");
}

#[test]
fn a_directory_runs_its_main_py_with_its_modules() {
    let files = [
        (
            "app/main.py",
            "from util import text\nfrom util.text import greet\n\nprint(greet('typhon'), __name__)\nprint(text.NAME)\n",
        ),
        ("app/util/__init__.py", "print('init', __name__)\n"),
        ("app/util/text.py", "NAME: str = __name__\n\n\ndef greet(who: str) -> str:\n    return f'hello {who}'\n"),
    ];
    let dir = project(&files);
    let ours = typhon(dir.path(), &["run", "app"]);
    let reference = python(&dir.path().join("app"), &["main.py"]);
    assert_eq!(text(&ours.stdout), text(&reference.stdout), "{}", text(&ours.stderr));
    assert_eq!(ours.status.code(), Some(0), "{}", text(&ours.stderr));
}

#[test]
fn a_type_error_is_reported_and_nothing_runs() {
    let source = "print('started')\ncount: int = 'three'\nprint(count)\n";
    let dir = project(&[("typo.py", source)]);
    let output = typhon(dir.path(), &["run", "typo.py"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "", "the program must not run");
    let stderr = text(&output.stderr);
    assert!(stderr.contains("error[assignment]"), "{stderr}");
    assert!(stderr.contains("typo.py:2:"), "{stderr}");
    assert!(stderr.contains("count: int = 'three'"), "{stderr}");
    assert_eq!(last_line(&output.stderr), "Found 1 error in 1 file (checked 1 source file)", "{stderr}");
}

#[test]
fn an_error_in_an_imported_module_stops_the_run_but_unrelated_files_do_not() {
    let files = [
        ("main.py", "import helper\n\nprint(helper.twice(2))\n"),
        ("helper.py", "def twice(n: int) -> int:\n    return n * 2\n"),
        // Beside the entry but never imported: not checked, as CPython never reads it.
        ("broken.py", "def f(:\n"),
    ];
    let dir = project(&files);
    let output = typhon(dir.path(), &["run", "main.py"]);
    assert_eq!(text(&output.stdout), "4\n", "{}", text(&output.stderr));
    assert_eq!(output.status.code(), Some(0));

    std::fs::write(dir.path().join("helper.py"), "def twice(n: int) -> int:\n    return n * 'x'\n")
        .unwrap_or_else(|error| panic!("editing helper.py: {error}"));
    let output = typhon(dir.path(), &["run", "main.py"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stdout), "");
    assert!(text(&output.stderr).contains("helper.py:2:"), "{}", text(&output.stderr));
}

#[test]
fn a_missing_path_or_entry_is_a_usage_error() {
    let dir = project(&[("lib/util.py", "X: int = 1\n")]);
    let output = typhon(dir.path(), &["run", "nothere.py"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("nothere.py"), "{}", text(&output.stderr));
    let output = typhon(dir.path(), &["run", "lib"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("without a `main.py`"), "{}", text(&output.stderr));
}

#[test]
fn fuel_stops_an_endless_loop_with_status_125() {
    let dir = project(&[("spin.py", "n = 0\nwhile True:\n    n += 1\n")]);
    let output = typhon(dir.path(), &["run", "--fuel", "1000", "spin.py"]);
    assert_eq!(output.status.code(), Some(125), "{}", text(&output.stderr));
}

/// `import pkg.sub` and `from pkg.sub import x` initialise `pkg` first, as CPython does.
#[test]
fn importing_a_submodule_runs_its_package_init_first() {
    let files = [
        ("main.py", "import util.text\nfrom util.deep.leaf import VALUE\n\nprint(util.text.NAME, VALUE)\n"),
        ("util/__init__.py", "print('init', __name__)\n"),
        ("util/text.py", "NAME: str = __name__\n"),
        ("util/deep/__init__.py", "print('init', __name__)\n"),
        ("util/deep/leaf.py", "VALUE: int = 3\n"),
    ];
    let dir = project(&files);
    let ours = same_as_cpython(dir.path(), &["main.py"]);
    assert_eq!(text(&ours.stdout), "init util\ninit util.deep\nutil.text 3\n");
}
