//! Unit tests of the parser: precedence and associativity, statements, every
//! unsupported construct, CPython's error messages, recovery and the depth limits.
//! The data-driven fixture corpus and its snapshots live in the workspace's `tests/`.

mod errors;
mod expressions;
mod limits;
mod programs;
mod statements;
mod unsupported;

use crate::{Parsed, dump, parse_module};

/// Parses `source`, asserting that it has no diagnostics, and returns the dump.
#[track_caller]
pub(crate) fn dump_ok(source: &str) -> String {
    let parsed = parse_module(source);
    assert!(parsed.diagnostics.is_empty(), "unexpected diagnostics for {source:?}: {:#?}", parsed.diagnostics);
    dump(&parsed.module)
}

/// The dump of the first statement's expression, without spans, on one line per node
/// (for compact precedence assertions): `Binary + (Name a) (Binary * (Name b) (Name c))`.
#[track_caller]
pub(crate) fn sexpr(source: &str) -> String {
    let parsed = parse_module(source);
    assert!(parsed.diagnostics.is_empty(), "unexpected diagnostics for {source:?}: {:#?}", parsed.diagnostics);
    let text = dump(&parsed.module);
    to_sexpr(&text)
}

/// Turns the indented dump into a parenthesized one-liner, dropping spans and the
/// top-level `Expr` line.
fn to_sexpr(text: &str) -> String {
    let mut lines: Vec<(usize, String)> = Vec::new();
    for line in text.lines() {
        let indent = (line.len() - line.trim_start().len()) / 2;
        let body = line.trim_start();
        let body = match body.rfind(" @") {
            Some(idx) => &body[..idx],
            None => body,
        };
        lines.push((indent, body.to_owned()));
    }
    // Skip the statement line when it is an expression statement.
    let start = usize::from(lines.first().is_some_and(|(_, body)| body == "Expr"));
    let mut out = String::new();
    let mut stack: Vec<usize> = Vec::new();
    for (indent, body) in &lines[start..] {
        while stack.last().is_some_and(|open| open >= indent) {
            stack.pop();
            out.push(')');
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push('(');
        out.push_str(body);
        stack.push(*indent);
    }
    for _ in stack {
        out.push(')');
    }
    out
}

/// The messages of every diagnostic for `source`, in order.
pub(crate) fn messages(source: &str) -> Vec<String> {
    parse_module(source).diagnostics.into_iter().map(|diagnostic| diagnostic.message).collect()
}

/// Asserts that `source` gives exactly one diagnostic, with `message`, and returns it
/// (for span checks).
#[track_caller]
pub(crate) fn single_error(source: &str, message: &str) -> typhon_diagnostics::Diagnostic {
    let parsed: Parsed = parse_module(source);
    let found: Vec<&str> = parsed.diagnostics.iter().map(|diagnostic| diagnostic.message.as_str()).collect();
    assert_eq!(found, vec![message], "diagnostics for {source:?}");
    parsed.diagnostics.into_iter().next().expect("one diagnostic was just checked")
}
