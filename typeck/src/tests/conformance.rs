//! Tests: the cases the conformance corpus (`tests/programs/`) found, one per fix, with the
//! IR each new construct is lowered to.

use super::{check, errors, ok, one_error};
use crate::Type;
use crate::builtins::Builtin;
use crate::ir::{Callee, ExprKind, IndexKind, NameRef, StmtKind, Target};

/// The value of the first expression statement in function `main`'s body that is a call
/// of `print`: its first argument.
fn printed(source: &str) -> crate::ir::Expr {
    let checked = check(source);
    assert!(checked.diagnostics.is_empty(), "{:?}", super::render(&checked.diagnostics));
    let main = checked.ir.functions.iter().find(|function| function.name == "main").expect("a main function");
    for stmt in &main.body {
        if let StmtKind::Expr(expr) = &stmt.kind
            && let ExprKind::Call(call) = &expr.kind
            && matches!(call.callee, Callee::Builtin { builtin: Builtin::Print, .. })
            && let Some(crate::ir::Arg::Value(value)) = call.args.first()
        {
            return value.clone();
        }
    }
    panic!("no print call in main")
}

#[test]
fn each_handler_binds_its_name_afresh() {
    let source = "def main() -> None:\n    try:\n        print(1)\n    except ValueError as e:\n        print(e)\n    except KeyError as e:\n        print(e)\n    try:\n        print(2)\n    except (KeyError, IndexError) as e:\n        print(e)\n";
    ok(source);
    let checked = check(source);
    let main = checked.ir.functions.iter().find(|function| function.name == "main").expect("main");
    // One hidden slot per handler, typed by what it catches (a tuple: the common base).
    let types: Vec<String> =
        main.locals.iter().filter(|local| local.name == "e").map(|local| local.ty.to_string()).collect();
    assert_eq!(types, ["ValueError", "KeyError", "LookupError"]);
    let StmtKind::Try(first) = &main.body[0].kind else { panic!("not a try") };
    let slots: Vec<u32> = first
        .handlers
        .iter()
        .filter_map(|handler| match &handler.bind {
            Some(Target::Name { name: NameRef::Local(id), .. }) => Some(id.0),
            _ => None,
        })
        .collect();
    assert_eq!(slots.len(), 2);
    assert_ne!(slots[0], slots[1]);
    // Module level too, and the name is unbound after the handler.
    ok("try:\n    print(1)\nexcept ValueError as err:\n    print(err)\nexcept IndexError as err:\n    print(err)\n");
    one_error(
        "def f() -> None:\n    try:\n        pass\n    except ValueError as e:\n        pass\n    print(e)\n",
        "name-defined",
        "\"e\"",
    );
    // A lambda inside the handler sees it.
    ok(
        "def f() -> None:\n    try:\n        pass\n    except ValueError as e:\n        g = lambda: str(e)\n        print(g())\n",
    );
}

#[test]
fn empty_displays_take_context_or_stay_open() {
    ok(
        "from typing import Optional\ndef pick(a: Optional[list[int]]) -> int:\n    return 0\ndef main() -> None:\n    print(pick([]), ' '.join([]))\n",
    );
    ok("def main() -> None:\n    graph: dict[str, list[str]] = {}\n    print(graph.get('z', []))\n");
    ok("def main() -> None:\n    print([], {}, set(), list(), dict(), bool([]), any([]), sum([], 5), [] == [])\n");
    ok("def main() -> None:\n    e: dict[str, int] = {}\n    s = {1}\n    print(e == {}, set().issubset(s))\n");
    // Items that are empty displays take the join of the others as context.
    let rows = "def main() -> None:\n    rows = [[1, 2], [], [3]]\n    print(rows)\n";
    ok(rows);
    assert_eq!(printed(rows).ty.to_string(), "list[list[int]]");
    let table = "def main() -> None:\n    table = {'x': {'k': 1}, 'y': {}}\n    print(table)\n";
    assert_eq!(printed(table).ty.to_string(), "dict[str, dict[str, int]]");
    // Variables still need an annotation, as in mypy.
    one_error("def f() -> None:\n    items = []\n", "misc", "Need type annotation for \"items\"");
    one_error("def f() -> None:\n    table = {}\n", "misc", "Need type annotation for \"table\"");
    one_error("def f() -> None:\n    nested = [[]]\n", "misc", "Need type annotation");
    one_error("def f() -> None:\n    s = set()\n", "misc", "Need type annotation");
    ok("def f() -> None:\n    xs: list[int] = []\n    xs = []\n");
}

#[test]
fn builtins_and_bound_methods_are_values() {
    let source = "def main() -> None:\n    measure = len\n    print(measure([1, 2, 3]))\n";
    ok(source);
    // The type names one built-in: the call is lowered to it directly.
    let value = printed(source);
    assert_eq!(value.ty, Type::Int);
    let ExprKind::Call(call) = &value.kind else { panic!("not a call") };
    assert!(matches!(call.callee, Callee::Builtin { builtin: Builtin::Len, .. }));
    ok(
        "from typing import Callable\ndef apply(f: Callable[[int], int], v: int) -> int:\n    return f(v)\nprint(apply(abs, -5))\nto_text: Callable[[int], str] = str\n",
    );
    // Bound methods of built-in types: typed by receiver and method, called indirectly.
    let source = "def main() -> None:\n    text = 'a-b'\n    splitter = text.split\n    print(splitter('-'))\n";
    ok(source);
    let value = printed(source);
    assert_eq!(value.ty.to_string(), "list[str]");
    let ExprKind::Call(call) = &value.kind else { panic!("not a call") };
    assert!(matches!(&call.callee, Callee::Indirect(callee) if matches!(callee.ty, Type::BoundBuiltinMethod(_))));
    assert_eq!(call.args.len(), 1, "only the given arguments are passed");
    ok(
        "from typing import Callable\ndef main() -> None:\n    xs = [3]\n    push = xs.append\n    push(0)\n    f: Callable[[int], None] = xs.append\n    f(1)\n",
    );
    one_error(
        "def main() -> None:\n    xs = [3]\n    push = xs.append\n    push('a')\n",
        "arg-type",
        "Argument 1 to \"append\" of \"list\"",
    );
    one_error(
        "from typing import Callable\ndef main() -> None:\n    xs = [3]\n    f: Callable[[str], None] = xs.append\n",
        "assignment",
        "Incompatible types",
    );
}

#[test]
fn str_format_takes_keywords() {
    let source = "def main() -> None:\n    print('{0} {who:>6}'.format('hi', who='you'))\n";
    ok(source);
    let ExprKind::Call(call) = printed(source).kind else { panic!("not a call") };
    let Callee::StrFormat { keywords, .. } = &call.callee else { panic!("not StrFormat: {:?}", call.callee) };
    assert_eq!(keywords.len(), 1);
    assert_eq!(keywords[0].0, "who");
    assert_eq!(call.args.len(), 1);
    // Without keywords the call stays a plain built-in method call.
    let ExprKind::Call(call) = printed("def main() -> None:\n    print('{}'.format(1))\n").kind else {
        panic!("not a call")
    };
    assert!(matches!(call.callee, Callee::BuiltinMethod { .. }));
}

#[test]
fn builtin_parameters_as_cpython() {
    ok("print(round(number=2.567, ndigits=1), round(2.5, ndigits=2))\n");
    ok("xs = [1, 2, 3]\nprint(xs.index(2, 1), xs.index(3, 0, 3))\n");
    ok("t = 'a\\nb'\nprint(t.splitlines(True), t.splitlines(keepends=False))\n");
    ok("print(list(zip()))\n");
    ok("start: list[int] = []\nprint(sum([[1], [2]], start), sum([[0.5]], [2.5]))\n");
    one_error("print(sum([[1], [2]]))\n", "arg-type", "Argument 1 to \"sum\"");
}

#[test]
fn ranges_are_indexable() {
    let source = "def main() -> None:\n    print(range(10)[3])\n";
    let value = printed(source);
    assert_eq!(value.ty, Type::Int);
    assert!(matches!(value.kind, ExprKind::Index { kind: IndexKind::Range, .. }));
    ok("r = range(0, 20, 5)\nprint(r[-1], len(r))\n");
    one_error("print(range(5)[1:2])\n", "unsupported", "slicing a range");
}

#[test]
fn isinstance_takes_builtin_container_types() {
    ok(
        "xs = [1]\nprint(isinstance(xs, list), isinstance({'a': 1}, dict), isinstance((1,), tuple), isinstance({1}, set))\n",
    );
    ok("xs = [1]\nprint(isinstance(xs, (list, tuple)), isinstance(xs, (dict, set)))\n");
    let value = printed("def main() -> None:\n    print(isinstance([1], (list, dict)))\n");
    let ExprKind::Call(call) = value.kind else { panic!("not a call") };
    let Some(crate::ir::Arg::Value(classes)) = call.args.get(1) else { panic!("no second argument") };
    let ExprKind::Tuple(items) = &classes.kind else { panic!("not a tuple") };
    assert!(matches!(items[0].kind, ExprKind::Name(NameRef::Builtin(Builtin::List))));
    assert!(matches!(items[1].kind, ExprKind::Name(NameRef::Builtin(Builtin::Dict))));
}

#[test]
fn object_rules_for_dunders() {
    one_error(
        "class P:\n    def __eq__(self, other: 'P') -> bool:\n        return True\n",
        "misc",
        "Argument 1 of \"__eq__\" is incompatible with supertype \"object\"",
    );
    ok("class P:\n    def __eq__(self, other: object) -> bool:\n        return True\n");
    one_error(
        "class T:\n    def __init__(self) -> int:\n        return 1\n",
        "misc",
        "The return type of \"__init__\" must be None",
    );
}

#[test]
fn constructs_outside_the_subset_are_unsupported() {
    one_error("class P:\n    __slots__ = ('x',)\n", "unsupported", "__slots__");
    one_error("try:\n    pass\nexcept BaseException:\n    pass\n", "unsupported", "BaseException");
    one_error("def f() -> None:\n    print('abc'.encode())\n", "unsupported", "\"encode\"");
    one_error("def kind_of(cls: type) -> str:\n    return 'c'\n", "unsupported", "\"type\"");
    one_error("def f() -> None:\n    print('abc'.nosuch())\n", "attr-defined", "has no attribute \"nosuch\"");
}

#[test]
fn instance_methods_called_through_the_class() {
    let class = "class G:\n    def hello(self) -> str:\n        return 'h'\n";
    one_error(
        &format!("{class}print(G.hello())\n"),
        "call-arg",
        "Missing positional argument \"self\" in call to \"hello\" of \"G\"",
    );
    one_error(&format!("{class}print(G.hello(G()))\n"), "unsupported", "calling an instance method through the class");
    let found = errors(&format!("{class}print(G.hello(1))\n"));
    assert!(found.len() == 1 && found[0].starts_with("arg-type"), "{found:?}");
}

#[test]
fn lists_built_by_repeat_and_concat_take_the_expected_type() {
    ok("def f(n: int) -> list[int | None]:\n    vs: list[int | None] = [1] * n\n    return vs\n");
    ok("def f(n: int) -> list[float]:\n    return n * [0]\n");
    ok("def f() -> list[int | None]:\n    return [1] + [None]\n");
    // The context does not hide a real mismatch.
    one_error("def f(n: int) -> None:\n    vs: list[int] = ['a'] * n\n", "misc", "List item 0 has incompatible type");
}
