//! A program whose stdout is a pipe with no reader (`typhon run prog.py | head -1`):
//! `print` raises `BrokenPipeError` in the program, which stops the run, and a failed flush
//! at exit is reported as CPython reports it, with status 120. The expected status and
//! last line of stderr come from CPython, run on the same source with its stdout a pipe
//! whose read end is closed before it starts.

use std::collections::HashMap;
use std::io::{self, Write};
use std::process::{Command, Stdio};

use typhon_vm::bytecode;
use typhon_vm::{LoadedModule, Program, RunOptions};

/// A pipe whose reader is gone: every write fails as `write(2)` does with `EPIPE`.
#[derive(Default)]
struct ClosedPipe {
    write_calls: usize,
}

impl Write for ClosedPipe {
    fn write(&mut self, _buf: &[u8]) -> io::Result<usize> {
        self.write_calls += 1;
        Err(io::Error::from(io::ErrorKind::BrokenPipe))
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn program(source: &str) -> Program {
    let parsed = typhon_parser::parse_module(source);
    let imports: HashMap<String, typhon_typeck::Interface> = HashMap::new();
    let input = typhon_typeck::ModuleInput { name: "prog", is_package: false, ast: &parsed.module, imports: &imports };
    let checked = typhon_typeck::check_module(&input);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let module = typhon_compiler::compile_module(&checked.ir, source).expect("compiles");
    let bytes = bytecode::to_bytes(&module).expect("serialises");
    Program::link(vec![LoadedModule::from_aligned(bytes, "prog.py")]).expect("links")
}

struct Outcome {
    status: i32,
    stderr: String,
}

/// Runs `source` with a closed pipe as stdout; a fuel budget turns "never stops" into a
/// failure instead of a hang.
fn run_typhon(source: &str) -> (Outcome, usize) {
    let program = program(source);
    let options = RunOptions { fuel: Some(10_000_000), ..RunOptions::default() };
    let mut stdout = ClosedPipe::default();
    let mut stderr = Vec::new();
    let status = program.run("prog", &options, &mut stdout, &mut stderr);
    (Outcome { status, stderr: String::from_utf8_lossy(&stderr).into_owned() }, stdout.write_calls)
}

/// CPython on the same source, its stdout a pipe closed before it writes (`None` when
/// `python3` is not installed).
fn run_cpython(source: &str) -> Option<Outcome> {
    let file = std::env::temp_dir().join(format!("typhon-broken-pipe-{}-{}.py", std::process::id(), source.len()));
    std::fs::write(&file, source).ok()?;
    let mut child = Command::new("python3")
        .arg("-S")
        .arg(&file)
        // Not `PYTHONUNBUFFERED`: CPython's stdout is block-buffered on a pipe by default.
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    drop(child.stdout.take());
    let output = child.wait_with_output().ok()?;
    let _ = std::fs::remove_file(&file);
    Some(Outcome { status: output.status.code()?, stderr: String::from_utf8_lossy(&output.stderr).into_owned() })
}

fn last_lines(text: &str, count: usize) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(count)..].to_vec()
}

/// Checks status and the last `lines` lines of stderr against CPython (or against the
/// given expectation, CPython's recorded answer, when `python3` is missing).
fn check(source: &str, lines: usize, recorded: (i32, &[&str])) -> usize {
    let (typhon, write_calls) = run_typhon(source);
    match run_cpython(source) {
        Some(cpython) => {
            assert_eq!(typhon.status, cpython.status, "stderr: {}", typhon.stderr);
            assert_eq!(last_lines(&typhon.stderr, lines), last_lines(&cpython.stderr, lines));
        }
        None => {
            assert_eq!(typhon.status, recorded.0, "stderr: {}", typhon.stderr);
            assert_eq!(last_lines(&typhon.stderr, lines), recorded.1);
        }
    }
    write_calls
}

const BROKEN_PIPE: &str = "BrokenPipeError: [Errno 32] Broken pipe";
const IGNORED: &str = "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>";

#[test]
fn endless_printing_stops_with_broken_pipe_error() {
    let source = "def main() -> None:\n    i = 0\n    while True:\n        print(i)\n        i += 1\n\n\nmain()\n";
    let write_calls = check(source, 1, (1, &[BROKEN_PIPE]));
    // The first write that fails stops the program: it does not run on (into the fuel
    // budget) and does not try to write again at exit.
    assert_eq!(write_calls, 1);
}

#[test]
fn output_that_fails_only_at_exit_gives_status_120() {
    let write_calls = check("print('one line')\n", 2, (120, &[IGNORED, BROKEN_PIPE]));
    assert_eq!(write_calls, 1);
}

#[test]
fn a_caught_broken_pipe_error_lets_the_program_finish() {
    // `except Exception` catches it (it is an `OSError`); the later print is buffered and
    // fails at exit.
    let source = "i = 0\ntry:\n    while True:\n        print(i)\n        i += 1\nexcept Exception as e:\n    print('caught', e)\n";
    let write_calls = check(source, 2, (120, &[IGNORED, BROKEN_PIPE]));
    assert_eq!(write_calls, 2);
}
