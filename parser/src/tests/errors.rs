//! Tests: CPython's compile-time errors, with its wording (CPython 3.11 is the oracle,
//! checked with `compile(src, 'f.py', 'exec')`), and error recovery.

use super::*;

/// Asserts the single diagnostic of `source` and its span as `start..end`.
#[track_caller]
fn error_at(source: &str, message: &str, span: std::ops::Range<u32>) {
    let diagnostic = single_error(source, message);
    assert_eq!(diagnostic.span.start..diagnostic.span.end, span, "span of {message:?} in {source:?}");
    assert_eq!(diagnostic.code, typhon_diagnostics::Code::Syntax);
}

#[test]
fn statements_outside_their_context() {
    error_at("return 1\n", "'return' outside function", 0..8);
    error_at("def f():\n    class A:\n        return 1\n", "'return' outside function", 30..38);
    error_at("break\n", "'break' outside loop", 0..5);
    error_at("for x in y:\n    pass\nelse:\n    break\n", "'break' outside loop", 31..36);
    error_at("while x:\n    def f():\n        break\n", "'break' outside loop", 30..35);
    error_at("continue\n", "'continue' not properly in loop", 0..8);
    error_at("while x:\n    class A:\n        continue\n", "'continue' not properly in loop", 30..38);
    error_at("nonlocal x\n", "nonlocal declaration not allowed at module level", 0..10);
    error_at("class A:\n    nonlocal x\n", "no binding for nonlocal 'x' found", 13..23);
    // Allowed: in loops, in functions, nonlocal in a nested function.
    assert!(messages("while x:\n    if y:\n        break\n    continue\n").is_empty());
    assert!(messages("def f():\n    x = 1\n    def g():\n        nonlocal x\n    return g\n").is_empty());
    assert!(messages("def f():\n    for x in y:\n        return x\n").is_empty());
}

#[test]
fn parameter_and_argument_errors() {
    error_at("def f(a=1, b): pass\n", "non-default argument follows default argument", 11..12);
    error_at("lambda a=1, b: 1\n", "non-default argument follows default argument", 12..13);
    error_at("def f(a, a): pass\n", "duplicate argument 'a' in function definition", 9..10);
    error_at("def f(a, *, a): pass\n", "duplicate argument 'a' in function definition", 12..13);
    error_at("f(a=1, b)\n", "positional argument follows keyword argument", 7..8);
    error_at("f(a=1, a=2)\n", "keyword argument repeated: a", 7..10);
    error_at("f(x for x in y, 1)\n", "Generator expression must be parenthesized", 2..14);
    error_at("f(1, x for x in y)\n", "Generator expression must be parenthesized", 5..17);
    error_at("f(x for x in y,)\n", "Generator expression must be parenthesized", 2..14);
    error_at("f(x.y=1)\n", "expression cannot contain assignment, perhaps you meant \"==\"?", 2..6);
    error_at("f(True=1)\n", "cannot assign to True", 2..7);
    error_at("def f(*): pass\n", "named arguments must follow bare *", 6..7);
    error_at("def f(*, *, a): pass\n", "* argument may appear only once", 9..10);
    // After an (unsupported) variadic parameter.
    assert_eq!(messages("lambda *a, *, b: 1\n")[1], "* argument may appear only once");
    assert_eq!(messages("def f(**k, a): pass\n")[1], "arguments cannot follow var-keyword argument");
    assert!(messages("f((x for x in y), 1)\n").is_empty());
}

#[test]
fn invalid_assignment_targets() {
    let hint = " here. Maybe you meant '==' instead of '='?";
    error_at("f() = 1\n", &format!("cannot assign to function call{hint}"), 0..3);
    error_at("1 = x\n", &format!("cannot assign to literal{hint}"), 0..1);
    error_at("a + b = 1\n", &format!("cannot assign to expression{hint}"), 0..5);
    error_at("[x for x in y] = 1\n", &format!("cannot assign to list comprehension{hint}"), 0..14);
    error_at("a = b = f() = 3\n", "cannot assign to function call", 8..11);
    error_at("(a, f()) = 1\n", "cannot assign to function call", 4..7);
    error_at("[a, 1] = 1\n", "cannot assign to literal", 4..5);
    error_at("a < b = 1\n", "cannot assign to comparison", 0..5);
    error_at("not a = 1\n", "cannot assign to expression", 0..5);
    error_at("a if b else c = 1\n", "cannot assign to conditional expression", 0..13);
    error_at("lambda: 1 = 1\n", "cannot assign to lambda", 0..9);
    error_at("(x for x in y) = 1\n", "cannot assign to generator expression", 0..14);
    error_at("for f() in x: pass\n", "cannot assign to function call", 4..7);
    error_at("[x for f() in y]\n", "cannot assign to function call", 7..10);
    error_at("True = 1\n", "cannot assign to True", 0..4);
    error_at("None = 1\n", "cannot assign to None", 0..4);
    error_at("a, True = 1, 2\n", "cannot assign to True", 3..7);
    error_at("for True in x: pass\n", "cannot assign to True", 4..8);
}

#[test]
fn invalid_augmented_annotated_and_deleted_targets() {
    error_at("f() += 1\n", "'function call' is an illegal expression for augmented assignment", 0..3);
    error_at("a, b += 1\n", "'tuple' is an illegal expression for augmented assignment", 0..4);
    error_at("True += 1\n", "'True' is an illegal expression for augmented assignment", 0..4);
    error_at("(x, y): int = 1\n", "only single target (not tuple) can be annotated", 0..6);
    error_at("[x]: int = 1\n", "only single target (not list) can be annotated", 0..3);
    error_at("f(): int = 1\n", "illegal target for annotation", 0..3);
    error_at("del f()\n", "cannot delete function call", 4..7);
    error_at("del 1\n", "cannot delete literal", 4..5);
    error_at("del (a, f())\n", "cannot delete function call", 8..11);
}

#[test]
fn missing_blocks_and_colons() {
    error_at("if x:\npass\n", "expected an indented block after 'if' statement on line 1", 6..10);
    error_at("def f():\npass\n", "expected an indented block after function definition on line 1", 9..13);
    error_at("class A:\npass\n", "expected an indented block after class definition on line 1", 9..13);
    error_at("for x in y:\npass\n", "expected an indented block after 'for' statement on line 1", 12..16);
    error_at("while x:\npass\n", "expected an indented block after 'while' statement on line 1", 9..13);
    error_at("try:\npass\n", "expected an indented block after 'try' statement on line 1", 5..9);
    let messages_of =
        |what: &str, source: &str| single_error(source, &format!("expected an indented block after {what} on line 3"));
    messages_of("'except' statement", "try:\n  pass\nexcept:\npass\n");
    messages_of("'finally' statement", "try:\n  pass\nfinally:\npass\n");
    messages_of("'else' statement", "if x:\n  pass\nelse:\npass\n");
    messages_of("'elif' statement", "if x:\n  pass\nelif y:\npass\n");
    error_at("if x\n    pass\n", "expected ':'", 4..4);
    error_at("def f()\n    pass\n", "expected ':'", 7..7);
    error_at("class A\n    pass\n", "expected ':'", 7..7);
    error_at("try x:\n    pass\n", "expected ':'", 4..5);
    error_at("def f:\n    pass\n", "expected '('", 5..6);
}

#[test]
fn indentation_errors() {
    error_at("  x = 1\n", "unexpected indent", 2..3);
    error_at("x = 1\n    y = 2\nz = 3\n", "unexpected indent", 10..11);
}

#[test]
fn invalid_syntax_and_its_hints() {
    error_at("x = = 1\n", "invalid syntax", 4..5);
    error_at("a b\n", "invalid syntax", 2..3);
    error_at("x = \n", "invalid syntax", 4..4);
    error_at("else:\n    pass\n", "invalid syntax", 0..4);
    error_at("if x: if y: pass\n", "invalid syntax", 6..8);
    error_at("x.True = 1\n", "invalid syntax", 2..6);
    error_at("def f(True): pass\n", "invalid syntax", 6..10);
    error_at("a[1:2:3:4]\n", "invalid syntax", 7..8);
    error_at("a < not b\n", "invalid syntax", 4..7);
    error_at("type X = int\n", "invalid syntax", 5..6);
    let comma = "invalid syntax. Perhaps you forgot a comma?";
    error_at("[a b]\n", comma, 1..4);
    error_at("f(a b)\n", comma, 2..5);
    error_at("x = (1 2)\n", comma, 5..8);
    error_at("x = [1, 2 3]\n", comma, 8..11);
    error_at("{a: b c}\n", comma, 4..7);
    error_at("[a.b c.d]\n", comma, 1..8);
    error_at("if x = 1:\n    pass\n", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 3..8);
    error_at("[x = 1]\n", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1..6);
    error_at("x = 1 if y\n", "expected 'else' after 'if' expression", 4..10);
    error_at("print 'hello'\n", "Missing parentheses in call to 'print'. Did you mean print(...)?", 0..13);
    error_at("x = {1: 2, 3}\n", "':' expected after dictionary key", 11..12);
    error_at("from . import a,\n", "trailing comma not allowed without surrounding parentheses", 16..16);
    error_at("try:\n    pass\nexcept E, F:\n    pass\n", "multiple exception types must be parenthesized", 21..25);
}

#[test]
fn try_statement_errors() {
    error_at("try:\n    pass\nx = 1\n", "expected 'except' or 'finally' block", 14..15);
    error_at("try:\n    pass\nelse:\n    pass\n", "expected 'except' or 'finally' block", 14..18);
    error_at("try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n", "default 'except:' must be last", 12..26);
}

#[test]
fn f_string_errors() {
    single_error("x = f'{x!x}'\n", "f-string: invalid conversion character 'x': expected 's', 'r', or 'a'");
    single_error("x = f'{x!}'\n", "f-string: missing conversion character");
    single_error("x = f'{}'\n", "f-string: empty expression not allowed");
}

#[test]
fn recovery_reports_every_broken_statement_once() {
    let source = "\
x = (1 2)
def f(a b):
    return 1 +
class A
    pass
y = = 3
for in z:
    break
ok = 1
";
    let found = messages(source);
    assert_eq!(
        found,
        vec![
            "invalid syntax. Perhaps you forgot a comma?",
            "invalid syntax",
            "invalid syntax",
            "expected ':'",
            "invalid syntax",
            "invalid syntax",
        ],
    );
    // The tree stays whole: every top-level statement is there, the good one intact.
    let parsed = parse_module(source);
    let dump = dump(&parsed.module);
    assert!(dump.contains("Assign @") && dump.contains("target: Name ok"), "{dump}");
    // The body of the broken `def` was parsed in function context: no "'return'
    // outside function"; the broken `for` body no "'break' outside loop".
    assert!(!found.iter().any(|message| message.contains("outside")));
}

#[test]
fn recovery_in_nested_blocks() {
    let source = "\
def f(x):
    if x:
        y = (
    return x
";
    // The unclosed bracket swallows the rest of the file: one lexer error, no cascade.
    assert_eq!(messages(source), vec!["'(' was never closed"]);
    let source = "\
def f(x):
    if x:
        y = x +
        z = 1
    else:
        z = x x
    return z
def g(a b):
    pass
";
    assert_eq!(messages(source), vec!["invalid syntax", "invalid syntax", "invalid syntax"]);
}

#[test]
fn a_syntax_error_supersedes_compile_time_errors_of_its_line() {
    // CPython's parser fails before its compiler looks at the statement.
    assert_eq!(messages("return return\n"), vec!["invalid syntax"]);
    assert_eq!(messages("break 1\n"), vec!["invalid syntax"]);
    assert_eq!(messages("continue x\n"), vec!["invalid syntax"]);
    assert_eq!(messages("while x: break; y y\n"), vec!["invalid syntax"]);
    // Other lines keep theirs; `unsupported` reports stay.
    assert_eq!(messages("return 1\nx x\n"), vec!["'return' outside function", "invalid syntax"]);
    assert_eq!(messages("def f():\n    return 1\nelse x\n"), vec!["invalid syntax"]);
    assert_eq!(messages("f(*a, b b)\n").len(), 2);
}

#[test]
fn clauses_after_a_missing_block_are_not_orphans() {
    let message = "expected an indented block after 'try' statement on line 1";
    assert_eq!(messages("try:\nz = 3\nexcept ValueError:\n    pass\n"), vec![message]);
    assert_eq!(
        messages("if x:\ny = 1\nelif z:\n    pass\nelse:\n    w w\n"),
        vec!["expected an indented block after 'if' statement on line 1", "invalid syntax"]
    );
    // Only right after it, at its indentation, in its block.
    assert_eq!(messages("try:\nz = 3\nif y:\n    pass\nexcept E:\n    pass\n").len(), 2);
    assert_eq!(messages("try:\nz = 3\nwhile y:\n    except E:\n        pass\n").len(), 2);
    assert_eq!(messages("for x in y:\nz = 3\nexcept E:\n    pass\n").len(), 2);
    assert_eq!(messages("except E:\n    pass\n"), vec!["invalid syntax"]);
}

#[test]
fn cpython_messages_for_specific_mistakes() {
    error_at("[x, y for x in z]\n", "did you forget parentheses around the comprehension target?", 1..5);
    error_at("{x, for x in z}\n", "did you forget parentheses around the comprehension target?", 1..3);
    error_at("def h(x: int = ): pass\n", "expected default value expression", 13..14);
    error_at("lambda x=, y=1: 1\n", "expected default value expression", 8..9);
    error_at("{1:}\n", "expression expected after dictionary key and ':'", 2..3);
    error_at("{1: 2, 3:}\n", "expression expected after dictionary key and ':'", 8..9);
    error_at("{1: *x}\n", "cannot use a starred expression in a dictionary value", 4..6);
    error_at("def t((a, b)): pass\n", "Function parameters cannot be parenthesized", 6..12);
    error_at("def t(a, (b: int)): pass\n", "Function parameters cannot be parenthesized", 9..17);
    error_at("lambda (x): x\n", "Lambda expression parameters cannot be parenthesized", 7..10);
    error_at("f(a=1 b=2)\n", "invalid syntax. Perhaps you forgot a comma?", 4..7);
    error_at("f(x, a=1 b=2)\n", "invalid syntax. Perhaps you forgot a comma?", 7..10);
    error_at("(a and b) = c\n", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1..8);
    error_at("(True) = 1\n", "cannot assign to True here. Maybe you meant '==' instead of '='?", 1..5);
    error_at("x = b'a' 'b'\n", "cannot mix bytes and nonbytes literals", 9..12);
    error_at("x = 'a' f'{b}' b'c' b'd'\n", "cannot mix bytes and nonbytes literals", 15..19);
    error_at("w = f\"{*x}\"\n", "f-string: cannot use starred expression here", 7..9);
    // ...and where CPython says no more than "invalid syntax".
    error_at("f(a=b=1)\n", "invalid syntax", 5..6);
    error_at("(x, y for x in z)\n", "invalid syntax", 6..9);
    error_at("def t(a=1, (b)): pass\n", "invalid syntax", 11..12);
    error_at("lambda x=: 1\n", "invalid syntax", 9..10);
    assert_eq!(messages("(a and b) = c = d\n"), vec!["cannot assign to expression"]);
    assert!(messages("w = f\"{*x, y}\"\n").iter().all(|message| !message.contains("cannot use")));
}

#[test]
fn lexer_errors_are_not_reported_again() {
    // The lexer reports these; the parser says nothing more about the statement.
    assert_eq!(messages("x = $\n"), vec!["invalid syntax: '$' is not used in Python"]);
    assert_eq!(messages("x = 1 $ 2\n").len(), 1);
    assert_eq!(messages("x = 'abc\n").len(), 1);
    assert_eq!(messages("x = (1,\n").len(), 1);
    assert_eq!(messages(")\n").len(), 1);
    assert_eq!(messages("x = 1e\n").len(), 1);
    // An unsupported literal is not malformed: the statement is still checked.
    assert_eq!(messages("x = b'a' = = 1\n"), vec!["bytes literal is not supported by Typhon", "invalid syntax"],);
    // ...and a later, independent statement is still checked.
    assert_eq!(messages("x = 'abc\ny = = 1\n").len(), 2);
    // Diagnostics come out sorted by position.
    let parsed = parse_module("y = = 1\nx = $\nz = (1 2)\n");
    let starts: Vec<u32> = parsed.diagnostics.iter().map(|diagnostic| diagnostic.span.start).collect();
    assert_eq!(starts.len(), 3);
    assert!(starts.windows(2).all(|pair| pair[0] <= pair[1]), "{starts:?}");
}

#[test]
fn broken_input_never_panics() {
    // Truncations of a valid program at every byte: whatever the result, the parser
    // returns a tree and at least one diagnostic or a clean parse.
    let program = "\
@dataclass(frozen=True)
class P(B):
    x: int = 0
    def f(self, a: int = 1, *, b: str) -> list[int]:
        for k, v in {1: 2}.items():
            if k < v <= 3 and not (k is None):
                return [i ** -2 for i in range(k) if i]
            elif f'{k!r:>{v}}':
                del self.x[1:2, ::3]
        try:
            raise E from e
        except (A, B) as err:
            pass
        finally:
            lambda q, *, r=2: q if r else -q
";
    for end in 0..program.len() {
        if program.is_char_boundary(end) {
            let parsed = parse_module(&program[..end]);
            let _ = dump(&parsed.module);
        }
    }
    // Every single-byte deletion.
    for idx in 0..program.len() {
        let mut broken = program.to_owned();
        broken.remove(idx);
        let _ = dump(&parse_module(&broken).module);
    }
}
