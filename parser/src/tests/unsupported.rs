//! Tests: constructs of later tiers or outside the subset are reported as
//! `unsupported`, naming the construct, with an `Error` node in the tree; their bodies
//! are still parsed, so errors inside them are found too.

use super::*;
use typhon_diagnostics::Code;

/// Asserts that `source` gives exactly one diagnostic: `unsupported`, for `construct`,
/// spanning `span`.
#[track_caller]
fn unsupported_at(source: &str, construct: &str, span: std::ops::Range<u32>) {
    let diagnostic = single_error(source, &format!("{construct} is not supported by Typhon"));
    assert_eq!(diagnostic.code, Code::Unsupported, "code for {source:?}");
    assert_eq!(diagnostic.span.start..diagnostic.span.end, span, "span for {source:?}");
}

#[test]
fn later_tier_statements() {
    unsupported_at("with open(p) as f:\n    pass\n", "'with' statement", 0..17);
    unsupported_at("with (a as b, c as d):\n    pass\n", "'with' statement", 0..21);
    unsupported_at("async def f():\n    pass\n", "'async def'", 0..9);
    unsupported_at("async with a:\n    pass\n", "'async with'", 0..10);
    unsupported_at("def f():\n    async for x in y:\n        pass\n", "'async for'", 13..22);
    unsupported_at("match x:\n    case 1:\n        pass\n    case _:\n        pass\n", "'match' statement", 0..7);
    unsupported_at("try:\n    pass\nexcept* E:\n    pass\n", "'except*' clause", 14..21);
    // The statement itself becomes an `Error` node.
    let parsed = parse_module("with a:\n    pass\nx = 1\n");
    assert!(dump(&parsed.module).starts_with("Error @0..16\nAssign @17..22\n"), "{}", dump(&parsed.module));
}

#[test]
fn later_tier_expressions() {
    unsupported_at("def f():\n    yield 1\n", "'yield' expression", 13..20);
    unsupported_at("def f():\n    x = yield\n", "'yield' expression", 17..22);
    unsupported_at("def f():\n    yield from g()\n", "'yield from' expression", 13..27);
    unsupported_at("def f():\n    return await g()\n", "'await' expression", 20..29);
    unsupported_at("x = [y async for y in z]\n", "'async for'", 7..16);
    unsupported_at("if (n := 10) > 5:\n    pass\n", "assignment expression ':='", 4..11);
}

#[test]
fn unsupported_parameters_and_arguments() {
    unsupported_at("def f(*args): pass\n", "variadic parameter '*args'", 6..11);
    unsupported_at("def f(**kwargs): pass\n", "variadic keyword parameter '**kwargs'", 6..14);
    unsupported_at("def f(a, /, b): pass\n", "positional-only parameter marker '/'", 9..10);
    unsupported_at("x = lambda *xs: 1\n", "variadic parameter '*xs'", 11..14);
    unsupported_at("f(*xs)\n", "argument unpacking '*'", 2..5);
    unsupported_at("f(**d)\n", "argument unpacking '**'", 2..5);
    unsupported_at("class A(metaclass=M): pass\n", "class keyword 'metaclass'", 8..19);
}

#[test]
fn unsupported_unpacking() {
    unsupported_at("a, *b = c\n", "starred assignment target", 3..5);
    unsupported_at("[a, *b] = c\n", "starred assignment target", 4..6);
    unsupported_at("for a, *b in c: pass\n", "starred assignment target", 7..9);
    unsupported_at("x = [*a, 1]\n", "starred expression", 5..7);
    unsupported_at("x = {**d}\n", "dict unpacking '**'", 5..8);
    unsupported_at("x = {**d, 1: 2}\n", "dict unpacking '**'", 5..8);
}

#[test]
fn unsupported_imports_and_decorators() {
    unsupported_at("from m import *\n", "'from ... import *'", 0..15);
    unsupported_at("@property\ndef f(): pass\n", "decorator '@property'", 0..9);
    unsupported_at(
        "@functools.lru_cache(maxsize=None)\ndef f(): pass\n",
        "decorator '@functools.lru_cache(maxsize=None)'",
        0..34,
    );
    unsupported_at("@dataclass.field\nclass A: pass\n", "decorator '@dataclass.field'", 0..16);
    // The decorated definition is kept, without the decorator.
    let parsed = parse_module("@property\ndef f(): pass\n");
    assert!(dump(&parsed.module).starts_with("FunctionDef f @10..23\n  body:\n"), "{}", dump(&parsed.module));
}

#[test]
fn bodies_of_unsupported_constructs_are_still_checked() {
    let source = "\
with a:
    x = (1 2)
async def f():
    return 1 +
match y:
    case 1:
        z = = 1
";
    assert_eq!(
        messages(source),
        vec![
            "'with' statement is not supported by Typhon",
            "invalid syntax. Perhaps you forgot a comma?",
            "'async def' is not supported by Typhon",
            "invalid syntax",
            "'match' statement is not supported by Typhon",
            "invalid syntax",
        ],
    );
    // `return` inside an unsupported `async def` is still in a function.
    assert_eq!(messages("async def f():\n    return 1\n").len(), 1);
}

#[test]
fn allowed_constructs_are_not_reported() {
    // The checker, not the parser, restricts these.
    assert!(messages("del x\n").is_empty());
    assert!(messages("class A(B, C): pass\n").is_empty());
    assert!(messages("global g\n").is_empty());
    assert!(messages("x @ y\n").is_empty());
}

#[test]
fn starred_annotation_of_variadic_parameter() {
    // PEP 646 (`*args: *Ts`) is valid Python 3.11: no syntax error, only unsupported.
    let parsed = parse_module("def f(*args: *Ts): pass\n");
    assert!(!parsed.diagnostics.is_empty());
    assert!(
        parsed.diagnostics.iter().all(|diagnostic| diagnostic.code == Code::Unsupported),
        "{:?}",
        parsed.diagnostics
    );
}
