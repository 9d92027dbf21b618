//! Lexing and parsing throughput on the shared 1,000-module project
//! (`shared/bench/gen_project.py`, about 134,000 lines), in lines per second.
//!
//! The project is generated and read into memory once, outside the timed loops. Two
//! measurements run side by side so their ratio is meaningful on a noisy machine: the
//! lexer alone, and the lexer plus the parser (what the engine pays per module).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Generates the project into a fresh temporary directory and returns every module's
/// source, sorted by path so that runs are comparable.
fn generate_sources(modules: usize) -> Vec<String> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    let script = shared.join("bench/gen_project.py");
    assert!(script.is_file(), "{} not found (expected <workspace>/../shared)", script.display());
    let dir = std::env::temp_dir().join(format!("typhon-bench-parse-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let status = Command::new("python3")
        .arg(&script)
        .arg(&dir)
        .args(["--modules", &modules.to_string()])
        .status()
        .unwrap_or_else(|error| panic!("could not run python3 (needed to generate the project): {error}"));
    assert!(status.success(), "gen_project.py failed with {status}");
    let mut paths = Vec::new();
    collect_python_files(&dir, &mut paths);
    paths.sort();
    let sources = paths
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display())))
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    sources
}

fn collect_python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display())) {
        let path = entry.unwrap_or_else(|error| panic!("{}: {error}", dir.display())).path();
        if path.is_dir() {
            collect_python_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "py") {
            out.push(path);
        }
    }
}

fn parse_project(c: &mut Criterion) {
    let sources = generate_sources(1000);
    let n_lines: usize = sources.iter().map(|source| source.lines().count()).sum();
    let n_bytes: usize = sources.iter().map(String::len).sum();
    // A benchmark of a parser that reports errors on its own workload measures nothing.
    for source in &sources {
        let parsed = typhon_parser::parse_module(source);
        assert!(parsed.diagnostics.is_empty(), "the generated project does not parse: {:?}", parsed.diagnostics);
    }
    eprintln!("parse benchmark: {} files, {n_lines} lines, {n_bytes} bytes", sources.len());

    let mut group = c.benchmark_group("gen_project_1000");
    group.throughput(Throughput::Elements(n_lines as u64));
    group.sample_size(20);
    group.bench_function("lex", |b| {
        b.iter(|| {
            for source in &sources {
                black_box(typhon_lexer::lex(black_box(source)));
            }
        })
    });
    group.bench_function("lex+parse", |b| {
        b.iter(|| {
            for source in &sources {
                black_box(typhon_parser::parse_module(black_box(source)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, parse_project);
criterion_main!(benches);
