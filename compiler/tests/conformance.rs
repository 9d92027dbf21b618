//! The conformance corpus (`tests/programs/ok/`, expectations recorded from CPython):
//! every program must print the recorded stdout, exit with the recorded status and, after
//! an uncaught exception, end its stderr with the recorded last line. Mismatches are
//! reported all at once; programs in `KNOWN_FAILURES` are expected to fail (and are
//! reported if they start passing, so the list only shrinks).

mod support;

use std::path::{Path, PathBuf};

/// Programs that need something not implemented yet, with the reason.
const KNOWN_FAILURES: &[(&str, &str)] = &[];

fn entries(root: &Path) -> Vec<(String, PathBuf, PathBuf)> {
    let mut out = Vec::new();
    let Ok(dir) = std::fs::read_dir(root) else { return out };
    let mut paths: Vec<PathBuf> = dir.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if path.extension().is_some_and(|e| e == "py") {
            out.push((name, path.clone(), path.with_extension("")));
        } else if path.join("main.py").is_file() {
            out.push((name, path.clone(), path.join("main")));
        }
    }
    out
}

fn read(stem: &Path, ext: &str) -> Option<String> {
    std::fs::read_to_string(stem.with_extension(ext)).ok()
}

#[test]
fn conformance_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs/ok");
    let mut failures = Vec::new();
    let mut passed = 0;
    let all = entries(&root);
    for (name, path, stem) in &all {
        let known = KNOWN_FAILURES.iter().any(|(n, _)| n == name);
        let problem = match support::run_path(path) {
            Err(e) => Some(format!("did not build: {}", e.lines().next().unwrap_or(""))),
            Ok(outcome) => {
                let mut problems = Vec::new();
                if Some(outcome.stdout.as_str()) != read(stem, "out").as_deref() {
                    problems.push("stdout differs".to_owned());
                }
                let status: Option<i32> = read(stem, "status").and_then(|s| s.trim().parse().ok());
                if Some(outcome.status) != status {
                    problems.push(format!("status {} (expected {status:?})", outcome.status));
                }
                if let Some(last) = read(stem, "err_last") {
                    let ours = outcome.stderr.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
                    if ours.trim() != last.trim() {
                        problems.push(format!("stderr ends with {ours:?}, expected {:?}", last.trim()));
                    }
                }
                if problems.is_empty() { None } else { Some(problems.join("; ")) }
            }
        };
        match (problem, known) {
            (None, false) => passed += 1,
            (None, true) => failures.push(format!("{name}: passes now: remove it from KNOWN_FAILURES")),
            (Some(_), true) => {}
            (Some(problem), false) => failures.push(format!("{name}: {problem}")),
        }
    }
    eprintln!("conformance: {passed}/{} passed ({} known failures)", all.len(), KNOWN_FAILURES.len());
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
