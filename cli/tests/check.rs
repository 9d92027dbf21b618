//! End-to-end tests of `typhon check`: the built binary run on temporary projects, checking
//! its output, its JSON lines and its exit status.

mod common;

// Most files here are byte strings (some deliberately not UTF-8).
use common::{project_bytes as project, stderr, stdout, typhon};

const BROKEN_DEF: &[u8] = b"def f(:\n    pass\n";
const BROKEN_CALL: &[u8] = b"x = 1\nprint(x +)\n";
const CLEAN: &[u8] = b"def double(n: int) -> int:\n    return 2 * n\n\nprint(double(21))\n";

#[test]
fn broken_files_exit_1_and_every_error_is_printed_with_its_snippet() {
    let dir = project(&[("a.py", BROKEN_DEF), ("pkg/b.py", BROKEN_CALL), ("pkg/ok.py", CLEAN)]);
    let output = typhon(dir.path(), &["check"]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}\n{}", stderr(&output));
    assert!(out.contains("error[syntax]"), "{out}");
    // Paths relative to the current directory, with the offending lines quoted.
    assert!(out.contains("a.py:1:"), "{out}");
    assert!(out.contains("def f(:"), "{out}");
    assert!(out.contains("pkg/b.py:2:"), "{out}");
    assert!(out.contains("print(x +)"), "{out}");
    assert!(!out.contains("ok.py"), "{out}");
    let summary = out.lines().last().unwrap_or_default();
    assert!(summary.starts_with("Found "), "{summary}");
    assert!(summary.ends_with(" errors in 2 files (checked 3 source files)"), "{summary}");
    assert!(!out.contains('\x1b'), "no colour when stdout is a pipe: {out:?}");
}

#[test]
fn json_lines_carry_positions_and_the_summary_goes_to_stderr() {
    let dir = project(&[("a.py", BROKEN_DEF), ("b.py", BROKEN_CALL), ("c.py", CLEAN)]);
    let output = typhon(dir.path(), &["check", "--message-format", "json", "."]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let out = stdout(&output);
    let mut files = Vec::new();
    for line in out.lines() {
        let value: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|error| panic!("not JSON ({error}): {line}"));
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(value[key].as_u64().is_some_and(|n| n >= 1), "{key} in {line}");
        }
        assert_eq!(value["code"], "syntax", "{line}");
        assert_eq!(value["severity"], "error", "{line}");
        assert!(value["message"].as_str().is_some_and(|message| !message.is_empty()), "{line}");
        files.push(value["file"].as_str().unwrap_or_default().to_owned());
    }
    files.dedup();
    assert_eq!(files, ["a.py", "b.py"]);
    let err = stderr(&output);
    assert!(err.trim_end().ends_with("errors in 2 files (checked 3 source files)"), "{err}");
}

#[test]
fn a_clean_project_exits_0_with_the_success_line() {
    let dir = project(&[("main.py", CLEAN), ("pkg/__init__.py", b""), ("pkg/util.py", CLEAN)]);
    let output = typhon(dir.path(), &["check"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(stdout(&output), "Success: no issues found in 3 source files\n");
    assert_eq!(stderr(&output), "");

    let json = typhon(dir.path(), &["check", "--message-format=json"]);
    assert_eq!(json.status.code(), Some(0));
    assert_eq!(stdout(&json), "");
    assert_eq!(stderr(&json), "Success: no issues found in 3 source files\n");
}

#[test]
fn ignored_hidden_and_generated_folders_are_not_checked() {
    let dir = project(&[
        ("main.py", CLEAN),
        (".gitignore", b"build/\n"),
        ("build/broken.py", BROKEN_DEF),
        (".venv/broken.py", BROKEN_DEF),
        ("__pycache__/broken.py", BROKEN_DEF),
        ("target/broken.py", BROKEN_DEF),
        (".typhon_cache/broken.py", BROKEN_DEF),
    ]);
    let output = typhon(dir.path(), &["check"]);
    assert_eq!(stdout(&output), "Success: no issues found in 1 source file\n");
    assert_eq!(output.status.code(), Some(0));
    // Named explicitly, an ignored file is checked all the same.
    let explicit = typhon(dir.path(), &["check", "build/broken.py"]);
    assert_eq!(explicit.status.code(), Some(1), "{}", stdout(&explicit));
}

#[test]
fn a_missing_path_exits_2_with_one_line_naming_it() {
    let dir = project(&[("main.py", CLEAN)]);
    let output = typhon(dir.path(), &["check", "main.py", "no/such/dir"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stdout(&output), "");
    assert_eq!(stderr(&output), "error: cannot check `no/such/dir`: no such file or directory\n");
}

#[test]
fn a_file_that_is_not_utf8_is_reported_not_fatal() {
    let dir = project(&[("latin1.py", b"name = 'caf\xe9'\n"), ("ok.py", CLEAN)]);
    let output = typhon(dir.path(), &["check", "--message-format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let out = stdout(&output);
    let value: serde_json::Value = serde_json::from_str(out.lines().next().unwrap_or_default())
        .unwrap_or_else(|error| panic!("not JSON ({error}): {out}"));
    assert_eq!(value["file"], "latin1.py");
    assert_eq!((value["line"].as_u64(), value["column"].as_u64()), (Some(1), Some(12)));
    assert!(stderr(&output).contains("1 error in 1 file (checked 2 source files)"), "{}", stderr(&output));
}

#[test]
fn color_always_and_never_are_obeyed() {
    let dir = project(&[("a.py", BROKEN_DEF)]);
    let always = typhon(dir.path(), &["check", "--color", "always"]);
    assert!(stdout(&always).contains("\x1b["), "{:?}", stdout(&always));
    let never = typhon(dir.path(), &["--color=never", "check"]);
    assert!(!stdout(&never).contains('\x1b'), "{:?}", stdout(&never));
    assert_eq!(always.status.code(), Some(1));
}

#[test]
fn usage_errors_exit_2() {
    let dir = project(&[]);
    for args in [&["check", "--message-format", "xml"][..], &["frobnicate"], &[]] {
        let output = typhon(dir.path(), args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn help_lists_the_commands_and_documents_exit_codes() {
    let dir = project(&[]);
    let output = typhon(dir.path(), &["--help"]);
    assert_eq!(output.status.code(), Some(0));
    let help = stdout(&output);
    assert!(help.contains("Exit status:") && help.contains("  2  usage error"), "{help}");
    let commands: Vec<_> = help
        .split("Commands:")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .map(|block| block.lines().filter_map(|line| line.split_whitespace().next()).collect())
        .unwrap_or_default();
    assert_eq!(commands, ["check", "build", "run", "cache"], "{help}");

    let version = typhon(dir.path(), &["--version"]);
    assert_eq!(stdout(&version), format!("typhon {}\n", env!("CARGO_PKG_VERSION")));
}
