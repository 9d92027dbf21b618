//! The checker's data-driven corpora (`tests/programs`, see its README), run through the
//! engine in-process exactly as `typhon check` runs it:
//!
//! - every program of `err/` must get exactly the errors its `# error: <code>` comments
//!   name: the set of `(file, line, code)` of the error diagnostics equals the set of the
//!   comments, over every file of the program (nothing missing, nothing extra);
//! - every program of `ok/` must check without a single diagnostic;
//! - the rendered diagnostics of one small err program per code are snapshotted, so that
//!   a change of wording is reviewed;
//! - a generated 1,000-module project checks clean, and after `--edit break` reports one
//!   error, in the edited module;
//! - the harness itself reports a missing and an extra error on a program of its own.
//!
//! A program is a file (its directory is the source root, as `typhon check foo.py` makes
//! it) or a directory with a `main.py` (the directory is the root and the whole directory
//! is checked as one project). The corpus tests check every program, in parallel, and
//! report every mismatch at once.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use typhon_diagnostics::{Code, ColorChoice, Diagnostic, LineIndex, render_human};
use typhon_engine::{CheckReport, DiskSources, Engine, EngineOptions};
use typhon_tests::{TempDir, edit_project, generate_project, programs_dir, python_files};

/// The acceptance floor of the rejected corpus (issue 3).
const MIN_ERR_PROGRAMS: usize = 150;

/// One program of a corpus: a single file, or a directory with a `main.py`.
struct Program {
    /// `err/foo.py` or `err/name`, for messages.
    name: String,
    /// The path handed to the engine: the file, or the directory.
    path: PathBuf,
    /// The directory file names are shown relative to (the program's directory, or the
    /// corpus directory for a single file).
    base: PathBuf,
    /// The program's own source files.
    files: Vec<PathBuf>,
}

/// Every program of `programs/<corpus>`, sorted by name.
fn programs(corpus: &str) -> Vec<Program> {
    let dir = programs_dir().join(corpus);
    let entries = fs::read_dir(&dir).unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()));
    let mut programs: Vec<Program> = entries
        .map(|entry| entry.unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display())).path())
        .filter_map(|path| {
            let name = format!("{corpus}/{}", path.file_name()?.to_string_lossy());
            if path.is_dir() && path.join("main.py").is_file() {
                let files = python_files(&path);
                Some(Program { name, base: path.clone(), path, files })
            } else if path.is_file() && path.extension().is_some_and(|ext| ext == "py") {
                Some(Program { name, base: dir.clone(), files: vec![path.clone()], path })
            } else {
                None
            }
        })
        .collect();
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    programs
}

/// Checks one program with a single-threaded engine (the programs themselves run in
/// parallel), as `typhon check <path>` does.
fn check(program: &Program) -> Result<CheckReport, String> {
    let options = EngineOptions { threads: std::num::NonZeroUsize::new(1), ..EngineOptions::default() };
    let mut engine = Engine::new(DiskSources, options);
    engine.check(&[&program.path]).map_err(|error| format!("the engine failed: {error}"))
}

/// `path` relative to `base`, for messages and as the key of a file.
fn relative(path: &Path, base: &Path) -> String {
    path.strip_prefix(base).unwrap_or(path).display().to_string()
}

/// One reported error: where it starts, its code and its message.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
struct Reported {
    file: String,
    line: usize,
    code: String,
    message: String,
}

/// Every error diagnostic of `report` (notes and warnings do not count), with the file
/// relative to the program's base and the 1-based line where its primary span starts.
fn reported_errors(report: &CheckReport, base: &Path) -> Vec<Reported> {
    let mut errors = Vec::new();
    for file in &report.files {
        let index = LineIndex::new(&file.source);
        for diagnostic in file.diagnostics.iter().filter(|diagnostic| diagnostic.is_error()) {
            errors.push(Reported {
                file: relative(&file.file.path, base),
                line: index.line_of(diagnostic.span.start) + 1,
                code: diagnostic.code.as_str().to_owned(),
                message: diagnostic.message.clone(),
            });
        }
    }
    errors.sort();
    errors
}

/// The codes of a `# error: code, code` comment on `line`, `None` when there is none, or
/// `Err` when the comment names something that is not a code.
fn expected_codes(line: &str) -> Option<Result<Vec<String>, String>> {
    // The same shape as `check_mypy.py`'s pattern: `#`, blanks, `error:`, then a list of
    // codes up to the end of the line.
    for (hash, _) in line.match_indices('#') {
        let Some(rest) = line[hash + 1..].trim_start().strip_prefix("error:") else {
            continue;
        };
        let codes: Vec<String> = rest.split(',').map(|code| code.trim().to_owned()).collect();
        return Some(match codes.iter().find(|code| Code::from_name(code).is_none_or(|code| code == Code::Io)) {
            Some(bad) => Err(format!("`{}`: `{bad}` is not a diagnostic code", line.trim())),
            None => Ok(codes),
        });
    }
    None
}

/// The `(file, line, code)` set that the comments of a program's files promise.
fn expectations(program: &Program) -> Result<BTreeSet<(String, usize, String)>, Vec<String>> {
    let mut expected = BTreeSet::new();
    let mut problems = Vec::new();
    for path in &program.files {
        let file = relative(path, &program.base);
        let text = fs::read_to_string(path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
        for (idx, line) in text.lines().enumerate() {
            match expected_codes(line) {
                None => {}
                Some(Ok(codes)) => expected.extend(codes.into_iter().map(|code| (file.clone(), idx + 1, code))),
                Some(Err(problem)) => problems.push(format!("{file}:{}: {problem}", idx + 1)),
            }
        }
    }
    if expected.is_empty() {
        problems.push("no `# error: <code>` comment: a rejected program must say what is wrong".to_owned());
    }
    if problems.is_empty() { Ok(expected) } else { Err(problems) }
}

/// What is wrong with one err program, or `None` when its errors are exactly the
/// expected ones.
fn err_mismatch(program: &Program) -> Option<String> {
    let expected = match expectations(program) {
        Ok(expected) => expected,
        Err(problems) => return Some(format!("{}: corpus problem\n    {}", program.name, problems.join("\n    "))),
    };
    let report = match check(program) {
        Ok(report) => report,
        Err(error) => return Some(format!("{}: {error}", program.name)),
    };
    let got = reported_errors(&report, &program.base);
    // Several diagnostics with the same code on one line count once (the README).
    let got_keys: BTreeSet<(String, usize, String)> =
        got.iter().map(|error| (error.file.clone(), error.line, error.code.clone())).collect();
    let mut lines = Vec::new();
    for (file, line, code) in expected.difference(&got_keys) {
        let there: Vec<String> = got
            .iter()
            .filter(|error| &error.file == file && error.line == *line)
            .map(|error| format!("{} ({})", error.code, error.message))
            .collect();
        let there = if there.is_empty() { "nothing".to_owned() } else { there.join("; ") };
        lines.push((file.clone(), *line, format!("expected {code}, not reported (got {there})")));
    }
    for error in &got {
        let key = (error.file.clone(), error.line, error.code.clone());
        if !expected.contains(&key) {
            let wanted: Vec<&str> = expected
                .iter()
                .filter(|(file, line, _)| file == &error.file && *line == error.line)
                .map(|(_, _, code)| code.as_str())
                .collect();
            let wanted = if wanted.is_empty() { "no error".to_owned() } else { wanted.join(", ") };
            lines.push((
                error.file.clone(),
                error.line,
                format!("unexpected {}: {} (expected {wanted})", error.code, error.message),
            ));
        }
    }
    if lines.is_empty() {
        return None;
    }
    lines.sort();
    lines.dedup();
    let mut text = format!("{}:", program.name);
    for (file, line, what) in lines {
        let _ = write!(text, "\n    {file}:{line}: {what}");
    }
    Some(text)
}

/// Fails with every entry of `failures`, numbered, under `title`.
fn report_failures(title: &str, n_checked: usize, failures: &[String]) {
    if failures.is_empty() {
        return;
    }
    let mut text = format!("{title}: {} of {n_checked} programs failed\n", failures.len());
    for (idx, failure) in failures.iter().enumerate() {
        let _ = write!(text, "\n{}. {failure}\n", idx + 1);
    }
    panic!("{text}");
}

#[test]
fn err_programs_report_exactly_the_expected_errors() {
    let programs = programs("err");
    assert!(
        programs.len() >= MIN_ERR_PROGRAMS,
        "the rejected corpus has {} programs; it must keep at least {MIN_ERR_PROGRAMS}",
        programs.len()
    );
    let failures: Vec<String> = programs.par_iter().filter_map(err_mismatch).collect();
    report_failures("rejected corpus (tests/programs/err)", programs.len(), &failures);
}

#[test]
fn ok_programs_check_clean() {
    let programs = programs("ok");
    assert!(!programs.is_empty(), "the accepted corpus (tests/programs/ok) is empty");
    let failures: Vec<String> = programs
        .par_iter()
        .filter_map(|program| {
            let report = match check(program) {
                Ok(report) => report,
                Err(error) => return Some(format!("{}: {error}", program.name)),
            };
            let n_diagnostics: usize = report.files.iter().map(|file| file.diagnostics.len()).sum();
            if n_diagnostics == 0 {
                return None;
            }
            Some(format!(
                "{}: {n_diagnostics} diagnostic(s), expected none\n{}",
                program.name,
                render(&report, program)
            ))
        })
        .collect();
    report_failures("accepted corpus (tests/programs/ok)", programs.len(), &failures);
}

/// The diagnostics of every file of `report`, as `typhon check` prints them (without
/// colour), with paths relative to the program, as when it is checked from its own
/// directory: notes that name another file (an import cycle) lose the checkout's path too,
/// so snapshots are the same on every machine.
fn render(report: &CheckReport, program: &Program) -> String {
    let text: String = report
        .files
        .iter()
        .filter(|file| !file.diagnostics.is_empty())
        .map(|file| {
            render_human(&file.diagnostics, &relative(&file.file.path, &program.base), &file.source, ColorChoice::Never)
        })
        .collect();
    text.replace(&format!("{}{}", program.base.display(), std::path::MAIN_SEPARATOR), "")
}

/// One small err program per code (every code but `io`): the snapshot shows how each
/// kind of error reads.
const N_SNAPSHOT_PROGRAMS: usize = 15;
const SNAPSHOT_PROGRAMS: &str = "{\
    syntax_missing_colon.py,\
    unsupported_lambda_star_args.py,\
    name_defined_typo_function.py,\
    attr_defined_module_function.py,\
    arg_type_int_to_str.py,\
    call_arg_builtin_len_two.py,\
    return_value_float_for_int.py,\
    assignment_annotated_mismatch.py,\
    index_list_by_str.py,\
    operator_none_arith.py,\
    union_attr_optional_str.py,\
    import_missing_module.py,\
    import_cycle_two_modules/main.py,\
    private_import_function/main.py,\
    misc_empty_list_needs_annotation.py\
}";

#[test]
fn err_diagnostics_read_well() {
    let mut n_snapshots = 0;
    insta::glob!("../programs/err", SNAPSHOT_PROGRAMS, |path| {
        n_snapshots += 1;
        // A directory program is matched by its `main.py`; the snapshot shows all its files.
        let program = match path.parent() {
            Some(dir) if path.file_name().is_some_and(|name| name == "main.py") => Program {
                name: dir.display().to_string(),
                path: dir.to_path_buf(),
                base: dir.to_path_buf(),
                files: python_files(dir),
            },
            _ => {
                let base = path.parent().expect("a program file has a directory").to_path_buf();
                Program {
                    name: path.display().to_string(),
                    path: path.to_path_buf(),
                    base,
                    files: vec![path.to_path_buf()],
                }
            }
        };
        let report = check(&program).unwrap_or_else(|error| panic!("{}: {error}", program.name));
        let mut snapshot = String::from("----- SOURCE\n");
        for file in &program.files {
            let text =
                fs::read_to_string(file).unwrap_or_else(|error| panic!("cannot read {}: {error}", file.display()));
            if program.files.len() > 1 {
                let _ = writeln!(snapshot, "# ===== {}", relative(file, &program.base));
            }
            snapshot.push_str(&text);
        }
        let _ = write!(snapshot, "\n----- DIAGNOSTICS\n{}", render(&report, &program));
        insta::assert_snapshot!("err", snapshot);
    });
    // A renamed program would silently drop out of the pattern.
    assert_eq!(n_snapshots, N_SNAPSHOT_PROGRAMS, "every program of SNAPSHOT_PROGRAMS must exist");
}

/// The errors of `report` as `(file, code, message)`, paths relative to `base` with `/`.
fn errors_by_file(report: &CheckReport, base: &Path) -> Vec<(String, Code, String)> {
    report
        .files
        .iter()
        .flat_map(|file| {
            let name = relative(&file.file.path, base).replace('\\', "/");
            file.diagnostics
                .iter()
                .filter(|diagnostic| diagnostic.is_error())
                .map(move |diagnostic: &Diagnostic| (name.clone(), diagnostic.code, diagnostic.message.clone()))
        })
        .collect()
}

#[test]
fn generated_project_of_1000_modules_checks_clean_then_reports_the_break() {
    let project = generate_project(1000);
    let mut engine = Engine::new(DiskSources, EngineOptions::default());

    let report = engine.check(&[project.path()]).expect("the generated project can be checked");
    // main.py, the 1,000 modules and the `__init__.py` of each package of 50 modules.
    assert_eq!(report.n_files(), 1 + 1000 + 20);
    assert_eq!(report.n_files(), python_files(project.path()).len(), "every file of the project is checked");
    let diagnostics: Vec<&Diagnostic> = report.files.iter().flat_map(|file| &file.diagnostics).collect();
    assert!(diagnostics.is_empty(), "the generated project must check clean, got:\n{diagnostics:#?}");

    // `--edit break` assigns a str to an int in module 0, the hub most modules import:
    // the error is reported there, once, and does not cascade into its dependents.
    edit_project(project.path(), "break", 0);
    let report = engine.check(&[project.path()]).expect("the edited project can be checked");
    let errors = errors_by_file(&report, project.path());
    assert_eq!(report.n_errors(), 1, "exactly one error after --edit break, got {errors:#?}");
    assert_eq!(errors[0].0, "pkg_0/m_0.py", "{errors:#?}");
    assert_eq!(errors[0].1, Code::Assignment, "{errors:#?}");
    let n_diagnostics: usize = report.files.iter().map(|file| file.diagnostics.len()).sum();
    assert_eq!(n_diagnostics, 1, "no warnings or notes either");
}

/// The harness itself: a program whose comments are wrong is reported, with what is
/// missing and what is extra, and one whose comments are right is not.
#[test]
fn err_harness_reports_missing_and_extra_errors() {
    let dir = TempDir::new("corpus-harness");
    let path = dir.path().join("wrong_comments.py");
    let source = "x: int = \"a\"  # error: arg-type\ny: str = 1\nz: int = 1  # error: assignment\n";
    fs::write(&path, source).expect("write the program");
    let program = Program {
        name: "err/wrong_comments.py".to_owned(),
        path: path.clone(),
        base: dir.path().to_path_buf(),
        files: vec![path.clone()],
    };
    let mismatch = err_mismatch(&program).expect("wrong comments are a mismatch");
    for wanted in [
        "wrong_comments.py:1: expected arg-type, not reported (got assignment (",
        "wrong_comments.py:1: unexpected assignment: ",
        "wrong_comments.py:2: unexpected assignment: ",
        "wrong_comments.py:3: expected assignment, not reported (got nothing)",
    ] {
        assert!(mismatch.contains(wanted), "`{wanted}` is missing from:\n{mismatch}");
    }
    assert_eq!(mismatch.lines().count(), 5, "{mismatch}");

    let right = "x: int = \"a\"  # error: assignment\ny: str = 1  # error: assignment\n";
    fs::write(&path, right).expect("write the program");
    assert_eq!(err_mismatch(&program), None);

    fs::write(&path, "x: int = 1  # error: assignment, typo\n").expect("write the program");
    let mismatch = err_mismatch(&program).expect("an unknown code is a corpus problem");
    assert!(mismatch.contains("`typo` is not a diagnostic code"), "{mismatch}");
}
