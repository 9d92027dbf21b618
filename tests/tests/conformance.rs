//! Conformance against CPython: every program of `tests/programs/ok` (see its README) is
//! run in-process through the engine's run path, the same code `typhon run` uses, and its
//! standard output (byte for byte), exit status and, after an uncaught exception, the last
//! line of its standard error are compared with what CPython 3.11 recorded. Programs run in
//! parallel; every mismatch is reported at once.
//!
//! A program runs as `tests/record_expected.py` ran it under CPython: the entry is passed
//! by its file name (`sys.argv == ["foo.py"]` or `["main.py"]`). The working directory
//! cannot differ per program in one process, so the engine is given the entry's full path;
//! no program depends on the working directory.

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use typhon_diagnostics::{ColorChoice, render_human};
use typhon_engine::{DiskSources, Engine, EngineOptions, RunOutcome, RunSettings};
use typhon_tests::{programs_dir, shared_dir};

/// The size of the corpus when this harness was written; fewer programs means a program
/// went missing (or discovery broke), not that the suite got faster.
const MIN_PROGRAMS: usize = 356;

/// Bounds a program that loops forever (a VM bug) so that the suite fails instead of
/// hanging. The slowest program (a 2.5 s benchmark in CPython) spends about 10^8 units.
const FUEL: u64 = 20_000_000_000;

/// One conformance program and its expectations.
struct Program {
    /// `foo.py` or `name` (a directory program), for messages.
    name: String,
    /// The entry file: `ok/foo.py` or `ok/name/main.py`; the expectations share its stem.
    entry: PathBuf,
    /// What the engine is asked to run: the file, or the directory.
    path: PathBuf,
}

/// What CPython did.
struct Expected {
    stdout: Vec<u8>,
    status: i32,
    /// The last non-blank line of stderr after an uncaught exception.
    err_last: Option<String>,
}

/// What Typhon did.
struct Actual {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    outcome: RunOutcome,
    elapsed: Duration,
}

fn ok_dir() -> PathBuf {
    programs_dir().join("ok")
}

/// Every program of `ok/`, sorted by name (the same discovery as `record_expected.py`).
fn programs() -> Vec<Program> {
    let dir = ok_dir();
    let entries = fs::read_dir(&dir).unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()));
    let mut programs: Vec<Program> = entries
        .map(|entry| entry.unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display())).path())
        .filter_map(|path| {
            let name = path.file_name()?.to_string_lossy().into_owned();
            if path.is_file() && path.extension().is_some_and(|ext| ext == "py") {
                Some(Program { name, entry: path.clone(), path })
            } else if path.is_dir() && path.join("main.py").is_file() {
                Some(Program { name, entry: path.join("main.py"), path })
            } else {
                None
            }
        })
        .collect();
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    programs
}

fn read_expected(program: &Program) -> Result<Expected, String> {
    let read = |suffix: &str| fs::read(program.entry.with_extension(suffix));
    let stdout = read("out").map_err(|error| format!("no .out file: {error}"))?;
    let status = read("status").map_err(|error| format!("no .status file: {error}"))?;
    let status = String::from_utf8_lossy(&status);
    let status = status.trim().parse().map_err(|error| format!("bad .status file {status:?}: {error}"))?;
    let err_last = read("err_last").ok().map(|bytes| String::from_utf8_lossy(&bytes).trim_end().to_owned());
    Ok(Expected { stdout, status, err_last })
}

/// Runs one program with a single-threaded engine (the programs themselves run in
/// parallel), through the same entry point as `typhon run`.
fn run(program: &Program) -> Result<Actual, String> {
    let mut engine =
        Engine::new(DiskSources, EngineOptions { threads: std::num::NonZeroUsize::new(1), keep_ir: true, cache: None });
    let entry_name = program.entry.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let settings = RunSettings { argv: vec![entry_name], fuel: Some(FUEL) };
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let started = Instant::now();
    let outcome = engine
        .run(&program.path, &settings, &mut stdout, &mut stderr)
        .map_err(|error| format!("the engine failed: {error}"))?;
    Ok(Actual { stdout, stderr, outcome, elapsed: started.elapsed() })
}

/// The last non-blank line of a stream, as `record_expected.py` takes it.
fn last_line(bytes: &[u8]) -> Option<String> {
    String::from_utf8_lossy(bytes).lines().rev().find(|line| !line.trim().is_empty()).map(str::to_owned)
}

/// Every difference between CPython's and Typhon's run of one program.
fn compare(expected: &Expected, actual: &Actual) -> Vec<String> {
    let status = match &actual.outcome {
        RunOutcome::Exited(status) => *status,
        RunOutcome::OutOfFuel => return vec![format!("stopped after {FUEL} units of fuel (an endless loop?)")],
        RunOutcome::Rejected(report) => {
            let mut text = format!("rejected by the checker ({} errors):\n", report.n_errors());
            for file in report.files.iter().filter(|file| file.has_errors()) {
                text.push_str(&render_human(
                    &file.diagnostics,
                    &file.file.display_path,
                    &file.source,
                    ColorChoice::Never,
                ));
            }
            return vec![text];
        }
    };
    let mut problems = Vec::new();
    if actual.stdout != expected.stdout {
        let expected_text = String::from_utf8_lossy(&expected.stdout);
        let actual_text = String::from_utf8_lossy(&actual.stdout);
        let difference = typhon_tests::first_difference(&expected_text, &actual_text)
            .unwrap_or_else(|| "the bytes differ (encoding or trailing newline)".to_owned());
        problems.push(format!("stdout: {difference}"));
    }
    if status != expected.status {
        let stderr_tail = last_line(&actual.stderr).unwrap_or_default();
        problems.push(format!("exit status {status}, CPython {} (last stderr line: {stderr_tail:?})", expected.status));
    }
    if let Some(err_last) = &expected.err_last {
        let actual_last = last_line(&actual.stderr);
        if actual_last.as_deref() != Some(err_last.as_str()) {
            problems.push(format!("last stderr line {actual_last:?}, CPython {err_last:?}"));
        }
    }
    problems
}

/// The outcome of one program: every difference found (none when it conforms).
struct Verdict<'p> {
    program: &'p Program,
    problems: Vec<String>,
    elapsed: Duration,
}

fn verdict(program: &Program) -> Verdict<'_> {
    let result = read_expected(program).and_then(|expected| {
        let actual = run(program)?;
        Ok((compare(&expected, &actual), actual.elapsed))
    });
    match result {
        Ok((problems, elapsed)) => Verdict { program, problems, elapsed },
        Err(error) => Verdict { program, problems: vec![error], elapsed: Duration::ZERO },
    }
}

#[test]
fn every_ok_program_behaves_as_under_cpython() {
    let programs = programs();
    assert!(
        programs.len() >= MIN_PROGRAMS,
        "only {} programs in {} (at least {MIN_PROGRAMS} expected)",
        programs.len(),
        ok_dir().display()
    );
    let started = Instant::now();
    // The benchmark copies take most of the time: start them first so that the two
    // cores finish together.
    let mut order: Vec<&Program> = programs.iter().collect();
    order.sort_by_key(|program| !program.name.starts_with("bench_"));
    let mut verdicts: Vec<Verdict<'_>> = order.par_iter().map(|program| verdict(program)).collect();
    verdicts.sort_by(|a, b| a.program.name.cmp(&b.program.name));

    let mut report = String::new();
    let mut n_failed = 0;
    for verdict in verdicts.iter().filter(|verdict| !verdict.problems.is_empty()) {
        n_failed += 1;
        let _ = writeln!(report, "=== ok/{}", verdict.program.name);
        for problem in &verdict.problems {
            let _ = writeln!(report, "  {}", problem.trim_end().replace('\n', "\n  "));
        }
    }
    let mut slowest: Vec<_> = verdicts.iter().map(|verdict| (&verdict.elapsed, &verdict.program.name)).collect();
    slowest.sort_by(|a, b| b.0.cmp(a.0));
    let slowest: Vec<String> =
        slowest.iter().take(3).map(|(elapsed, name)| format!("{name} {:.2} s", elapsed.as_secs_f64())).collect();
    eprintln!(
        "conformance: {}/{} programs match CPython ({:.1} s; slowest: {})",
        programs.len() - n_failed,
        programs.len(),
        started.elapsed().as_secs_f64(),
        slowest.join(", ")
    );
    assert!(n_failed == 0, "{n_failed} of {} programs differ from CPython:\n{report}", programs.len());
}

/// The shared benchmark programs are part of the corpus: each is copied, unchanged, as
/// `ok/bench_<name>.py`, so conformance covers exactly what the benchmarks time.
#[test]
fn every_shared_benchmark_is_in_the_corpus() {
    let bench = shared_dir().join("bench/programs");
    let entries = fs::read_dir(&bench).unwrap_or_else(|error| panic!("cannot list {}: {error}", bench.display()));
    let mut problems = Vec::new();
    let mut n_benchmarks = 0;
    for entry in entries {
        let path = entry.unwrap_or_else(|error| panic!("cannot list {}: {error}", bench.display())).path();
        let Some(name) = path.file_name().map(|name| name.to_string_lossy().into_owned()) else { continue };
        n_benchmarks += 1;
        let copy = ok_dir().join(format!("bench_{name}"));
        match (fs::read(&path), fs::read(&copy)) {
            (Ok(original), Ok(copied)) if original == copied => {}
            (Ok(_), Ok(_)) => problems.push(format!("{} differs from {}", copy.display(), path.display())),
            (_, Err(error)) => problems.push(format!("{} is missing: {error}", copy.display())),
            (Err(error), _) => problems.push(format!("cannot read {}: {error}", path.display())),
        }
    }
    assert!(n_benchmarks > 0, "no benchmark programs in {}", bench.display());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The harness itself: a program whose output differs is reported with the first
/// differing line, and a wrong status and last stderr line are reported too.
#[test]
fn the_harness_reports_every_kind_of_difference() {
    let dir = std::env::temp_dir().join(format!("typhon-conformance-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap_or_else(|error| panic!("creating {}: {error}", dir.display()));
    let entry = dir.join("self_test.py");
    fs::write(&entry, "print('one')\nprint(int('x'))\n").unwrap_or_else(|error| panic!("writing: {error}"));
    let program = Program { name: "self_test.py".to_owned(), entry: entry.clone(), path: entry };
    let actual = run(&program).unwrap_or_else(|error| panic!("{error}"));
    let _ = fs::remove_dir_all(&dir);
    let matching = Expected {
        stdout: b"one\n".to_vec(),
        status: 1,
        err_last: Some("ValueError: invalid literal for int() with base 10: 'x'".to_owned()),
    };
    assert_eq!(compare(&matching, &actual), Vec::<String>::new(), "{}", String::from_utf8_lossy(&actual.stderr));
    let wrong = Expected { stdout: b"two\n".to_vec(), status: 0, err_last: Some("KeyError: 'x'".to_owned()) };
    let problems = compare(&wrong, &actual);
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(
        problems[0].starts_with("stdout: first difference at line 1") && problems[0].contains("two"),
        "{problems:#?}"
    );
    assert!(problems[1].starts_with("exit status 1, CPython 0"), "{problems:#?}");
    assert!(problems[2].contains("KeyError"), "{problems:#?}");
}
