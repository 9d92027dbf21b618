//! The parser's data-driven tests: every fixture of `tests/fixtures/parser`, the shared
//! benchmark programs and a generated 200-module project.
//!
//! - `valid/*.py` are real Python 3.11 programs (checked with CPython by
//!   `fixtures_agree_with_cpython`): they must parse without a single diagnostic, their
//!   trees must pass the structural checks of `typhon_tests::ast_check`, together they
//!   must use every construct of the tier-1 grammar, and each one's `dump` is
//!   snapshotted.
//! - `invalid/*.py` hold syntax errors (CPython's parser rejects them), errors CPython's
//!   compiler finds after parsing (`compile_*.py`: `'return' outside function`, ...), or
//!   valid Python outside the subset (`unsupported_*.py`). Lines `# ---` split a file into chunks that each
//!   hold one broken statement: every chunk must get its own diagnostic, which is what
//!   error recovery promises. The rendered diagnostics are snapshotted with the source.
//!
//! Every test collects all failures and reports them together.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use typhon_diagnostics::{Code, ColorChoice, Diagnostic, Span, render_human};
use typhon_parser::ast::{Module, StmtKind};
use typhon_tests::ast_check::{Strictness, check_tree};
use typhon_tests::canonical::canonical;
use typhon_tests::{
    FrontEnd, cpython_canonical_asts, file_name, first_difference, fixtures_dir, generate_project, python_files,
    read_bytes, run_python3, shared_dir,
};

fn valid_dir() -> PathBuf {
    fixtures_dir().join("parser/valid")
}

fn invalid_dir() -> PathBuf {
    fixtures_dir().join("parser/invalid")
}

/// Fails with every entry of `failures`, numbered, under `title`.
fn report(title: &str, n_checked: usize, failures: &[String]) {
    if failures.is_empty() {
        return;
    }
    let mut text = format!("{title}: {} of {n_checked} failed\n", failures.len());
    for (idx, failure) in failures.iter().enumerate() {
        text.push_str(&format!("\n===== {}. {failure}\n", idx + 1));
    }
    panic!("{text}");
}

/// Parses each file and collects a failure for every file with diagnostics (rendered as
/// the CLI prints them) or with a tree that breaks the structural checks.
fn assert_parse_clean(files: &[PathBuf], label: &str, root: &Path) {
    let mut failures = Vec::new();
    for path in files {
        let name = path.strip_prefix(root).unwrap_or(path).display().to_string();
        let front = FrontEnd::run(&read_bytes(path));
        if !front.diagnostics.is_empty() {
            failures.push(format!(
                "{name}: {} diagnostic(s), expected none\n{}",
                front.diagnostics.len(),
                front.render(&name)
            ));
        }
        if let Some(parsed) = &front.parsed {
            let tree = check_tree(&parsed.module, &front.source, Strictness::Full);
            if !tree.problems.is_empty() {
                failures.push(format!("{name}: malformed tree\n  {}", tree.problems.join("\n  ")));
            }
        }
    }
    report(label, files.len(), &failures);
}

/// Compares Typhon's tree of each file with CPython's, in the canonical form of
/// `typhon_tests::canonical`: same nodes, operators, values and byte spans.
fn assert_same_ast_as_cpython(files: &[PathBuf], label: &str, root: &Path) {
    let expected = cpython_canonical_asts(files);
    let mut failures = Vec::new();
    for (path, expected) in files.iter().zip(expected) {
        let name = path.strip_prefix(root).unwrap_or(path).display().to_string();
        let expected = match expected {
            Ok(text) => text,
            Err(error) => {
                failures.push(format!("{name}: CPython cannot parse it: {error}"));
                continue;
            }
        };
        let front = FrontEnd::run(&read_bytes(path));
        let Some(parsed) = &front.parsed else {
            failures.push(format!("{name}: not decoded\n{}", front.render(&name)));
            continue;
        };
        if let Some(difference) = first_difference(&expected, &canonical(&parsed.module)) {
            failures.push(format!("{name}: {difference}"));
        }
    }
    report(label, files.len(), &failures);
}

#[test]
fn fixtures_agree_with_cpython() {
    let dir = fixtures_dir().join("parser");
    let script = dir.join("check_with_cpython.py");
    let output = run_python3(&[script.as_os_str(), dir.as_os_str()]);
    assert!(
        output.status.success(),
        "CPython disagrees with the fixtures (status {}):\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn valid_fixtures_parse_without_diagnostics() {
    let files = python_files(&valid_dir());
    assert!(files.len() >= 50, "only {} valid fixtures found in {}", files.len(), valid_dir().display());
    assert_parse_clean(&files, "valid fixtures", &valid_dir());
}

#[test]
fn valid_fixtures_have_the_same_ast_as_cpython() {
    let mut files = python_files(&valid_dir());
    files.extend(python_files(&shared_dir().join("bench/programs")));
    assert_same_ast_as_cpython(&files, "trees of the valid fixtures and benchmark programs", &fixtures_dir());
}

#[test]
fn valid_fixture_ast_snapshots() {
    insta::glob!("../fixtures/parser/valid", "*.py", |path| {
        let front = FrontEnd::run(&read_bytes(path));
        let text = match &front.parsed {
            Some(parsed) => typhon_parser::dump(&parsed.module),
            None => format!("not decoded:\n{}", front.render(&file_name(path))),
        };
        insta::assert_snapshot!("valid", text);
    });
}

/// The constructs of LANGUAGE.md's tier 1, as `ast_check` names them. The valid
/// fixtures together must use every one, so a construct cannot lose its coverage
/// silently when a fixture is edited.
const REQUIRED_FEATURES: &[&str] = &[
    "stmt Expr",
    "stmt Assign",
    "stmt AnnAssign",
    "stmt AugAssign",
    "stmt If",
    "stmt While",
    "stmt For",
    "stmt Break",
    "stmt Continue",
    "stmt Pass",
    "stmt Return",
    "stmt FunctionDef",
    "stmt ClassDef",
    "stmt Global",
    "stmt Nonlocal",
    "stmt Delete",
    "stmt Assert",
    "stmt Raise",
    "stmt Try",
    "stmt Import",
    "stmt ImportFrom",
    "expr Name",
    "expr Int",
    "expr Float",
    "expr Str",
    "expr FString",
    "expr Bool",
    "expr NoneLit",
    "expr Ellipsis",
    "expr Attribute",
    "expr Call",
    "expr Subscript",
    "expr Slice",
    "expr Unary",
    "expr Binary",
    "expr BoolOp",
    "expr Compare",
    "expr IfExp",
    "expr Lambda",
    "expr List",
    "expr Tuple",
    "expr Set",
    "expr Dict",
    "expr ListComp",
    "expr SetComp",
    "expr DictComp",
    "expr GeneratorExp",
    "binary Add",
    "binary Sub",
    "binary Mult",
    "binary MatMult",
    "binary Div",
    "binary FloorDiv",
    "binary Mod",
    "binary Pow",
    "binary LShift",
    "binary RShift",
    "binary BitOr",
    "binary BitXor",
    "binary BitAnd",
    "augmented Add",
    "augmented Sub",
    "augmented Mult",
    "augmented Div",
    "augmented FloorDiv",
    "augmented Mod",
    "augmented Pow",
    "augmented LShift",
    "augmented RShift",
    "augmented BitOr",
    "augmented BitXor",
    "augmented BitAnd",
    "augmented MatMult",
    "unary Neg",
    "unary Pos",
    "unary Not",
    "unary Invert",
    "boolop And",
    "boolop Or",
    "compare Eq",
    "compare NotEq",
    "compare Lt",
    "compare LtE",
    "compare Gt",
    "compare GtE",
    "compare Is",
    "compare IsNot",
    "compare In",
    "compare NotIn",
    "chained comparison",
    "conversion Str",
    "conversion Repr",
    "conversion Ascii",
    "format spec",
    "nested format field",
    "chained assignment",
    "unpacking target",
    "attribute target",
    "subscript target",
    "annotated assignment with value",
    "bare annotation",
    "elif",
    "if else",
    "while else",
    "for else",
    "return value",
    "bare return",
    "return annotation",
    "nested def",
    "def parameter default",
    "def parameter annotation",
    "def keyword-only parameter",
    "lambda parameter default",
    "lambda keyword-only parameter",
    "class without bases",
    "class with bases",
    "decorator",
    "decorator call",
    "decorator call with several keywords",
    "dotted decorator",
    "assert message",
    "bare raise",
    "raise",
    "raise from",
    "try else",
    "try finally",
    "bare except",
    "except type",
    "except tuple",
    "except as",
    "import as",
    "dotted import",
    "from import",
    "relative import of a package",
    "relative import of a module",
    "slice step",
    "keyword argument",
    "big int",
    "comprehension with several for",
    "comprehension with several if",
];

#[test]
fn valid_fixtures_cover_every_construct() {
    let mut seen = BTreeSet::new();
    for path in python_files(&valid_dir()) {
        let front = FrontEnd::run(&read_bytes(&path));
        if let Some(parsed) = &front.parsed {
            seen.extend(check_tree(&parsed.module, &front.source, Strictness::BoundsOnly).features);
        }
    }
    let missing: Vec<&str> = REQUIRED_FEATURES.iter().copied().filter(|feature| !seen.contains(*feature)).collect();
    assert!(missing.is_empty(), "no valid fixture parses into these constructs: {missing:?}");
}

/// The byte ranges of the chunks of `source`, split at lines that are exactly `# ---`.
fn chunks(source: &str) -> Vec<Span> {
    let mut chunks = Vec::new();
    let mut chunk_start = 0;
    let mut line_start = 0;
    for line in source.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == "# ---" {
            chunks.push(Span::new(chunk_start as u32, line_start as u32));
            chunk_start = line_start + line.len();
        }
        line_start += line.len();
    }
    chunks.push(Span::new(chunk_start as u32, source.len() as u32));
    chunks
}

fn line_of(source: &str, offset: u32) -> usize {
    source[..offset as usize].matches('\n').count() + 1
}

#[test]
fn invalid_fixtures_report_every_broken_chunk() {
    let files = python_files(&invalid_dir());
    assert!(files.len() >= 40, "only {} invalid fixtures found in {}", files.len(), invalid_dir().display());
    let mut failures = Vec::new();
    for path in &files {
        let name = file_name(path);
        let front = FrontEnd::run(&read_bytes(path));
        let rendered = || front.render(&name);
        if front.diagnostics.is_empty() {
            failures.push(format!("{name}: no diagnostic at all"));
            continue;
        }
        let unsupported = name.starts_with("unsupported_");
        for chunk in chunks(&front.source) {
            let in_chunk: Vec<&Diagnostic> = front
                .diagnostics
                .iter()
                .filter(|diagnostic| (chunk.start..=chunk.end).contains(&diagnostic.span.start))
                .collect();
            let n_with_code = |code: Code| in_chunk.iter().filter(|diagnostic| diagnostic.code == code).count();
            let chunk_failure = |what: &str| {
                let shown: Vec<Diagnostic> = in_chunk.iter().map(|diagnostic| (*diagnostic).clone()).collect();
                format!(
                    "{name}: {what} in the chunk at line {}:\n{}\n--- its diagnostics:\n{}",
                    line_of(&front.source, chunk.start),
                    &front.source[chunk.range()],
                    render_human(&shown, &name, &front.source, ColorChoice::Never)
                )
            };
            if unsupported {
                if n_with_code(Code::Unsupported) == 0 {
                    failures.push(chunk_failure("nothing reported as `unsupported`"));
                }
            } else if in_chunk.is_empty() {
                failures.push(chunk_failure("nothing reported"));
            } else if n_with_code(Code::Syntax) == 0 {
                // CPython rejects the chunk: calling it "not supported" would suggest
                // that it is valid Python.
                failures.push(chunk_failure("invalid Python reported only as `unsupported`, not `syntax`"));
            } else if n_with_code(Code::Syntax) > 1 {
                // Each chunk is one broken statement, and the parser promises one
                // diagnostic per broken statement (panic mode silences the cascade).
                failures.push(chunk_failure("more than one syntax error for one broken statement"));
            }
        }
        // Valid Python outside the subset is never a syntax error.
        if unsupported && front.diagnostics.iter().any(|diagnostic| diagnostic.code == Code::Syntax) {
            failures.push(format!("{name}: valid Python reported as a syntax error\n{}", rendered()));
        }
        if let Some(parsed) = &front.parsed {
            let tree = check_tree(&parsed.module, &front.source, Strictness::BoundsOnly);
            if !tree.problems.is_empty() {
                failures.push(format!("{name}: malformed tree\n  {}", tree.problems.join("\n  ")));
            }
        }
    }
    report("invalid fixtures", files.len(), &failures);
}

#[test]
fn invalid_fixture_diagnostic_snapshots() {
    insta::glob!("../fixtures/parser/invalid", "*.py", |path| {
        let name = file_name(path);
        let front = FrontEnd::run(&read_bytes(path));
        let snapshot = format!("----- SOURCE\n{}\n----- DIAGNOSTICS\n{}", front.source, front.render(&name));
        insta::assert_snapshot!("invalid", snapshot);
    });
}

fn top_level_definitions(module: &Module) -> Vec<String> {
    module
        .body
        .iter()
        .filter_map(|stmt| match &stmt.kind {
            StmtKind::FunctionDef(def) => Some(def.name.name.to_string()),
            StmtKind::ClassDef(class) => Some(class.name.name.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn recovery_keeps_the_statements_between_errors() {
    let path = invalid_dir().join("recovery_many_errors.py");
    let front = FrontEnd::run(&read_bytes(&path));
    let parsed = front.parsed.as_ref().expect("the fixture is UTF-8");
    let names = top_level_definitions(&parsed.module);
    // `first`, `third` and `eighth` are intact; each follows a broken statement (or
    // starts the file), so they survive only if recovery resynchronises.
    for expected in ["first", "third", "eighth"] {
        assert!(
            names.iter().any(|name| name == expected),
            "`def {expected}` was lost by recovery; top-level definitions: {names:?}\n{}",
            front.render("recovery_many_errors.py")
        );
    }
    assert!(
        front.diagnostics.len() >= 5,
        "5 broken statements gave {} diagnostic(s)\n{}",
        front.diagnostics.len(),
        front.render("recovery_many_errors.py")
    );
}

#[test]
fn bench_programs_parse_without_diagnostics() {
    let dir = shared_dir().join("bench/programs");
    let files = python_files(&dir);
    assert!(!files.is_empty(), "no benchmark programs in {}", dir.display());
    assert_parse_clean(&files, "benchmark programs", &dir);
}

#[test]
fn generated_project_parses_without_diagnostics() {
    let project = generate_project(200);
    let files = python_files(project.path());
    // 200 modules, their 4 packages' `__init__.py` and `main.py`.
    assert_eq!(files.len(), 205, "gen_project.py wrote an unexpected set of files: {files:?}");
    assert_parse_clean(&files, "generated project", project.path());
    assert_same_ast_as_cpython(&files, "trees of the generated project", project.path());
}

#[test]
fn chunks_split_at_separator_lines() {
    let source = "a\n# ---\nb\nc\n# ---\n";
    let pieces: Vec<&str> = chunks(source).iter().map(|span| &source[span.range()]).collect();
    assert_eq!(pieces, ["a\n", "b\nc\n", ""]);
    assert_eq!(chunks("x"), [Span::new(0, 1)]);
}
