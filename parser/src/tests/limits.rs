//! Tests: the nesting and depth limits. These run on the test harness's default
//! thread (2 MiB of stack) in debug builds: nothing may overflow it.

use super::*;
use crate::ast::{Expr, ExprKind, Stmt, StmtKind};
use crate::limits::{MAX_EXPR_DEPTH, MAX_NESTING};

/// The depth of an expression tree (recursive: the tree is bounded, which is the
/// point of these tests).
fn depth(expr: &Expr) -> u32 {
    let children: Vec<&Expr> = match &expr.kind {
        ExprKind::Unary { operand, .. } => vec![operand],
        ExprKind::Binary { left, right, .. } => vec![left, right],
        ExprKind::Attribute { value, .. } => vec![value],
        ExprKind::Call { func, args, .. } => std::iter::once(&**func).chain(args).collect(),
        ExprKind::Subscript { value, index } => vec![value, index],
        ExprKind::BoolOp { values, .. } | ExprKind::List(values) | ExprKind::Tuple(values) => values.iter().collect(),
        ExprKind::Compare { left, comparisons } => {
            std::iter::once(&**left).chain(comparisons.iter().map(|(_, operand)| operand)).collect()
        }
        ExprKind::IfExp { test, body, orelse } => vec![test, body, orelse],
        ExprKind::Lambda { body, .. } => vec![body],
        _ => Vec::new(),
    };
    1 + children.into_iter().map(depth).max().unwrap_or(0)
}

fn value_of(stmt: &Stmt) -> &Expr {
    match &stmt.kind {
        StmtKind::Expr(expr) => expr,
        StmtKind::Assign { value, .. } => value,
        other => panic!("unexpected statement {other:?}"),
    }
}

/// Parses `source` and checks: exactly the expected message once, the rest of the
/// file still parsed (`y = 1` after it), every tree within the limit.
#[track_caller]
fn assert_limited(source: &str, message: &str) {
    let source = format!("{source}\ny = 1\n");
    let parsed = parse_module(&source);
    let found: Vec<&str> = parsed.diagnostics.iter().map(|diagnostic| diagnostic.message.as_str()).collect();
    assert_eq!(found, vec![message]);
    assert_eq!(parsed.module.body.len(), 2, "the statement after the deep one is parsed");
    for stmt in &parsed.module.body {
        assert!(depth(value_of(stmt)) <= MAX_EXPR_DEPTH);
    }
}

const HUGE: usize = 100_000;

#[test]
fn deep_unary_chains_are_cut_off() {
    assert_limited(&format!("x = {}1", "-".repeat(HUGE)), "too many nested expressions");
    assert_limited(&format!("x = {}1", "not ".repeat(HUGE)), "too many nested expressions");
    assert_limited(&format!("x = {}1", "~".repeat(HUGE)), "too many nested expressions");
}

#[test]
fn deep_right_nested_forms_are_cut_off() {
    assert_limited(&format!("x = 2{}", "**2".repeat(HUGE)), "too many nested expressions");
    assert_limited(&format!("x = {}1", "lambda: ".repeat(HUGE)), "too many nested expressions");
    assert_limited(&format!("x = 1{}", " if c else 1".repeat(HUGE)), "too many nested expressions");
}

#[test]
fn long_left_deep_chains_are_cut_off() {
    assert_limited(&format!("x = 1{}", " + 1".repeat(HUGE)), "expression is too deeply nested");
    assert_limited(&format!("x = a{}", ".b".repeat(HUGE)), "expression is too deeply nested");
    assert_limited(&format!("x = f{}", "()".repeat(HUGE)), "expression is too deeply nested");
    assert_limited(&format!("x = a{}", "[0]".repeat(HUGE)), "expression is too deeply nested");
}

#[test]
fn moderately_deep_expressions_are_accepted() {
    // CPython accepts these too; the tree is just below the limit.
    let depth_ok = MAX_EXPR_DEPTH as usize - 1;
    let source = format!("x = 1{}\n", " + 1".repeat(depth_ok - 1));
    let parsed = parse_module(&source);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    assert_eq!(depth(value_of(&parsed.module.body[0])), MAX_EXPR_DEPTH - 1);
    let source = format!("x = {}1\n", "-".repeat(depth_ok - 1));
    assert!(parse_module(&source).diagnostics.is_empty());
}

#[test]
fn flat_constructs_have_no_depth_limit() {
    // Long but shallow: comparison chains and boolean operators are flat, displays
    // and argument lists are wide.
    let source = format!("x = a{}\n", " < a".repeat(HUGE));
    assert!(parse_module(&source).diagnostics.is_empty());
    let source = format!("x = a{}\n", " and a".repeat(HUGE));
    assert!(parse_module(&source).diagnostics.is_empty());
    let source = format!("x = [{}]\n", "1, ".repeat(HUGE));
    assert!(parse_module(&source).diagnostics.is_empty());
    let source = format!("f({})\n", "x, ".repeat(HUGE));
    assert!(parse_module(&source).diagnostics.is_empty());
    let source = format!("f({})\n", (0..HUGE).map(|idx| format!("k{idx}=1, ")).collect::<String>());
    assert!(parse_module(&source).diagnostics.is_empty());
    let source = format!("def f({}): pass\n", (0..HUGE).map(|idx| format!("p{idx}, ")).collect::<String>());
    assert!(parse_module(&source).diagnostics.is_empty());
}

/// Runs `parse_module(source)` on a thread with the standard library's default stack
/// (2 MiB, what test threads and most spawned threads get) and returns the messages.
fn messages_on_default_stack(source: String) -> Vec<String> {
    const DEFAULT_STACK: usize = 2 * 1024 * 1024;
    let worker = std::thread::Builder::new().stack_size(DEFAULT_STACK).spawn(move || messages(&source));
    match worker.map(std::thread::JoinHandle::join) {
        Ok(Ok(messages)) => messages,
        _ => panic!("the parser thread failed"),
    }
}

/// 99 nested `def`s (the lexer allows 100 indentation levels), then `line` inside.
fn in_nested_defs(line: &str) -> String {
    let mut source = String::new();
    for level in 0..99 {
        source.push_str(&" ".repeat(level));
        source.push_str("def f(x: int = 1) -> int:\n");
    }
    source.push_str(&" ".repeat(99));
    source.push_str(line);
    source.push('\n');
    source
}

#[test]
fn worst_case_nesting_fits_the_default_stack() {
    // The most expensive nested constructs per level, 199 brackets deep (the lexer's
    // limit), inside 99 nested blocks, then prefix operators up to the parser's limit.
    let unary = "-".repeat(MAX_NESTING as usize);
    let cases = [
        format!("y = {}{unary}1{}", "[x for x in ".repeat(199), "]".repeat(199)),
        format!("y = {}{unary}1{}", "a[".repeat(199), "]".repeat(199)),
        format!("y = {}{unary}1{}", "f(".repeat(199), ")".repeat(199)),
        format!("y = {}{unary}1{}", "{1: ".repeat(199), "}".repeat(199)),
        format!("y = {}{unary}1{}", "(lambda x=".repeat(199), ": 1)".repeat(199)),
        format!("y = f'{}{unary}1{}'", "{x:{".repeat(99), "}}".repeat(99)),
        format!("y = {unary}1"),
        format!("y = 1{}", " if c else 1".repeat(MAX_NESTING as usize)),
    ];
    for line in cases {
        let found = messages_on_default_stack(in_nested_defs(&line));
        assert!(
            found == ["too many nested expressions"] || found.iter().any(|message| message.starts_with("f-string")),
            "{found:?}"
        );
    }
    // Within the limits: no error at all.
    let line = format!("y = {}{}1{}", "(".repeat(100), "-".repeat(190), ")".repeat(100));
    assert_eq!(messages_on_default_stack(in_nested_defs(&line)), Vec::<String>::new());
    let mixed = format!("x = {}1{}\n", "(- -".repeat(199), ")".repeat(199));
    assert_eq!(messages(&mixed), vec!["too many nested expressions"]);
}

#[test]
fn deep_f_string_nesting_is_bounded() {
    // Nested replacement fields through format specs.
    let source = format!("x = f'{}x{}'\n", "{x:".repeat(150), "}".repeat(150));
    let parsed = parse_module(&source);
    assert!(!parsed.diagnostics.is_empty() || depth(value_of(&parsed.module.body[0])) <= MAX_EXPR_DEPTH);
}

#[test]
fn dumping_the_deepest_trees_fits_the_default_stack() {
    let deepest = [
        format!("y = {}1", "-".repeat(MAX_EXPR_DEPTH as usize - 2)),
        format!("y = 1{}", " + 1".repeat(MAX_EXPR_DEPTH as usize - 3)),
        format!("y = {}1{}", "[".repeat(MAX_EXPR_DEPTH as usize / 2), "]".repeat(MAX_EXPR_DEPTH as usize / 2)),
    ];
    for line in deepest {
        let source = in_nested_defs(&line);
        let worker = std::thread::Builder::new().stack_size(2 * 1024 * 1024).spawn(move || {
            let parsed = parse_module(&source);
            (parsed.diagnostics.len(), crate::dump(&parsed.module).lines().count())
        });
        let (n_diagnostics, n_lines) =
            worker.map(|worker| worker.join()).ok().and_then(Result::ok).unwrap_or((usize::MAX, 0));
        assert_eq!(n_diagnostics, 0);
        assert!(n_lines > MAX_EXPR_DEPTH as usize / 2);
    }
}
