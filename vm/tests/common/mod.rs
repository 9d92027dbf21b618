//! Differential testing against CPython: collect cases, run one python3 process, and
//! report every mismatch at once.

#![allow(dead_code)] // each test file uses a different subset of the helpers

use std::io::Write;
use std::process::{Command, Stdio};

use typhon_vm::runtime::{ExcKind, Int, RuntimeError, float_ops, repr_str};

/// The Python half of every script: `t(f)` prints one line per case.
const PRELUDE: &str = r#"
import sys, math
print('%d.%d' % sys.version_info[:2])
sys.set_int_max_str_digits(0)
def show(v):
    if isinstance(v, complex):
        return 'complex'
    if isinstance(v, (tuple, list)):
        return '(' + ', '.join(show(x) for x in v) + ')'
    return repr(v)
def t(f):
    try:
        r = show(f())
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(r)
def lim(n, f):
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(n)
    try:
        return f()
    finally:
        sys.set_int_max_str_digits(old)
"#;

/// A batch of cases: a Python expression and our rendering of the same result.
#[derive(Default)]
pub(crate) struct Diff {
    setup: String,
    exprs: Vec<String>,
    ours: Vec<String>,
}

impl Diff {
    pub(crate) fn new() -> Diff {
        Diff::default()
    }

    /// Python statements run once before the cases (helper definitions).
    pub(crate) fn setup(&mut self, code: &str) {
        self.setup.push_str(code);
        self.setup.push('\n');
    }

    /// Adds a case: `expr` is evaluated by CPython and shown with `show`.
    pub(crate) fn case(&mut self, expr: impl Into<String>, ours: impl Into<String>) {
        self.exprs.push(expr.into());
        self.ours.push(ours.into());
    }

    pub(crate) fn len(&self) -> usize {
        self.exprs.len()
    }

    /// Runs CPython once and compares; panics listing every mismatch.
    pub(crate) fn check(self, name: &str) {
        let mut script = String::from(PRELUDE);
        script.push_str(&self.setup);
        for expr in &self.exprs {
            script.push_str("t(lambda: ");
            script.push_str(expr);
            script.push_str(")\n");
        }
        let Some(mut expected) = run_python(&script) else {
            eprintln!("{name}: python3 not found; skipping {} differential cases", self.exprs.len());
            return;
        };
        // The oracle is CPython 3.11: other versions word some messages differently.
        let version = expected.remove(0);
        if version != "3.11" {
            eprintln!("{name}: python3 is {version}, not 3.11; skipping {} differential cases", self.exprs.len());
            return;
        }
        assert_eq!(expected.len(), self.exprs.len(), "{name}: CPython printed a different number of lines");
        let mut mismatches = Vec::new();
        for ((expr, ours), theirs) in self.exprs.iter().zip(&self.ours).zip(&expected) {
            if ours != theirs {
                mismatches.push(format!("  {expr}\n    CPython: {theirs}\n    Typhon:  {ours}"));
            }
        }
        eprintln!("{name}: {} differential cases, {} mismatches", self.exprs.len(), mismatches.len());
        assert!(
            mismatches.is_empty(),
            "{name}: {} of {} cases differ from CPython:\n{}",
            mismatches.len(),
            self.exprs.len(),
            mismatches.iter().take(60).cloned().collect::<Vec<_>>().join("\n")
        );
    }
}

/// Runs `script` with python3 and returns its stdout lines, or `None` without python3.
pub(crate) fn run_python(script: &str) -> Option<Vec<String>> {
    let mut child = Command::new("python3")
        .arg("-")
        .env("PYTHONIOENCODING", "utf-8")
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(script.as_bytes()).ok()?;
    let output = child.wait_with_output().ok()?;
    assert!(output.status.success(), "python3 failed:\n{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).ok()?;
    Some(text.lines().map(str::to_owned).collect())
}

/// A Python literal for any string: every non-alphanumeric character escaped.
pub(crate) fn py_str(text: &str) -> String {
    let mut out = String::from("'");
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\U{:08x}", u32::from(c)));
        }
    }
    out.push('\'');
    out
}

/// A Python expression for a float, exact (shortest round-trip digits).
pub(crate) fn py_float(x: f64) -> String {
    if x.is_nan() {
        "float('nan')".into()
    } else if x.is_infinite() {
        if x > 0.0 { "float('inf')".into() } else { "float('-inf')".into() }
    } else {
        format!("({x:e})")
    }
}

pub(crate) fn py_int(n: &Int) -> String {
    format!("({n})")
}

pub(crate) fn show_err(err: &RuntimeError) -> String {
    if err.kind == ExcKind::ComplexResult {
        return "complex".into();
    }
    if err.kind == ExcKind::KeyError {
        // The message of a KeyError is the missing key; `str()` of the exception is its repr.
        return format!("KeyError: {}", repr_str(&err.message));
    }
    format!("{}: {}", err.kind.class_name(), err.message)
}

pub(crate) fn show_int(n: &Int) -> String {
    n.to_string()
}

pub(crate) fn show_float(x: f64) -> String {
    float_ops::repr(x)
}

pub(crate) fn show_str(text: &str) -> String {
    repr_str(text)
}

pub(crate) fn show_bool(b: bool) -> String {
    if b { "True".into() } else { "False".into() }
}

/// Renders a result with `show` for the success value.
pub(crate) fn show<T>(result: Result<T, RuntimeError>, show: impl Fn(&T) -> String) -> String {
    match result {
        Ok(value) => show(&value),
        Err(err) => show_err(&err),
    }
}

/// A tiny deterministic generator (xorshift) so cases are reproducible.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}
