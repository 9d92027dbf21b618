//! Tests: expressions, operators, built-ins, containers and their methods.

use super::{global_type, ok, one_error};

#[test]
fn literals_and_numeric_tower() {
    assert_eq!(global_type("x = 1 + 2.0\n", "x"), "float");
    assert_eq!(global_type("x = 7 / 2\n", "x"), "float");
    assert_eq!(global_type("x = 7 // 2\n", "x"), "int");
    assert_eq!(global_type("x = True + True\n", "x"), "int");
    assert_eq!(global_type("x = True & False\n", "x"), "bool");
    assert_eq!(global_type("x = 2 ** 10\n", "x"), "int");
    assert_eq!(global_type("x = 2 ** -1\n", "x"), "float");
    assert_eq!(global_type("n = 3\nx = 2 ** n\n", "x"), "int");
    assert_eq!(global_type("x = 2.0 ** 2\n", "x"), "float");
    ok("x: float = 1\ny: int = True\n");
}

#[test]
fn operator_errors() {
    one_error("x = 1 + 'a'\n", "operator", "Unsupported operand types for + (\"int\" and \"str\")");
    one_error("x = 'a' - 'b'\n", "operator", "Unsupported operand types for -");
    one_error("x = 1.5 << 2\n", "operator", "<<");
    one_error("x = -'a'\n", "operator", "unary -");
    one_error("x = 'a%d' % 3\n", "unsupported", "printf-style");
}

#[test]
fn sequences_concatenate_and_repeat() {
    assert_eq!(global_type("x = 'ab' * 3\n", "x"), "str");
    assert_eq!(global_type("x = [1] * 3\n", "x"), "list[int]");
    assert_eq!(global_type("x = [1] + [2]\n", "x"), "list[int]");
    assert_eq!(global_type("x = (1, 'a') + (2.0,)\n", "x"), "tuple[int, str, float]");
    assert_eq!(global_type("x = {1} | {2}\n", "x"), "set[int]");
}

#[test]
fn displays_join_items() {
    assert_eq!(global_type("x = [1, 2.0]\n", "x"), "list[float]");
    assert_eq!(global_type("x = {'a': 1}\n", "x"), "dict[str, int]");
    assert_eq!(global_type("x = (1, 'a')\n", "x"), "tuple[int, str]");
    assert_eq!(global_type("x = [None, 1]\n", "x"), "list[int | None]");
    one_error("x = []\n", "misc", "Need type annotation");
    ok("x: list[int] = []\ny: dict[str, list[int]] = {}\nz: set[str] = set()\n");
    one_error("x: list[int] = [1, 'a']\n", "misc", "List item 1 has incompatible type \"str\"; expected \"int\"");
}

#[test]
fn comparisons_and_bool_ops() {
    assert_eq!(global_type("x = 1 < 2 <= 3.0\n", "x"), "bool");
    assert_eq!(global_type("x = 1 in [1, 2]\n", "x"), "bool");
    assert_eq!(global_type("x = 'a' in 'abc'\n", "x"), "bool");
    assert_eq!(global_type("x = 1 and 2\n", "x"), "int");
    assert_eq!(global_type("x = 0 or 2.5\n", "x"), "float");
    assert_eq!(global_type("x = 1 if True else None\n", "x"), "int | None");
    one_error("x = 'a' < 1\n", "operator", "Unsupported operand types for <");
    one_error("x = 1 in 5\n", "operator", "Unsupported right operand type for in");
    one_error("x = 1 == 'a'\n", "misc", "Non-overlapping equality check");
}

#[test]
fn indexing_and_slicing() {
    assert_eq!(global_type("xs = [1, 2]\nx = xs[0]\n", "x"), "int");
    assert_eq!(global_type("t = (1, 'a')\nx = t[1]\n", "x"), "str");
    assert_eq!(global_type("t = (1, 'a')\nx = t[-1]\n", "x"), "str");
    assert_eq!(global_type("t = (1, 'a', 2.0)\nx = t[0:2]\n", "x"), "tuple[int, str]");
    assert_eq!(global_type("s = 'abc'\nx = s[1:]\n", "x"), "str");
    assert_eq!(global_type("d = {'a': [1]}\nx = d['a']\n", "x"), "list[int]");
    one_error("x = 5\ny = x[0]\n", "index", "Value of type \"int\" is not indexable");
    one_error(
        "xs = [1]\ny = xs['a']\n",
        "index",
        "Invalid index type \"str\" for \"list[int]\"; expected type \"int\"",
    );
    one_error("t = (1, 2)\ny = t[5]\n", "misc", "Tuple index out of range");
    one_error(
        "d = {'a': 1}\ny = d[1]\n",
        "index",
        "Invalid index type \"int\" for \"dict[str, int]\"; expected type \"str\"",
    );
}

#[test]
fn builtin_functions() {
    assert_eq!(global_type("x = len('abc')\n", "x"), "int");
    assert_eq!(global_type("x = round(2.5)\n", "x"), "int");
    assert_eq!(global_type("x = round(2.5, 1)\n", "x"), "float");
    assert_eq!(global_type("x = round(7, 1)\n", "x"), "int");
    assert_eq!(global_type("x = abs(-2.0)\n", "x"), "float");
    assert_eq!(global_type("x = divmod(7, 2)\n", "x"), "tuple[int, int]");
    assert_eq!(global_type("x = divmod(7, 2.0)\n", "x"), "tuple[float, float]");
    assert_eq!(global_type("x = sorted(['b', 'a'], key=len, reverse=True)\n", "x"), "list[str]");
    assert_eq!(global_type("x = sum([1.5, 2])\n", "x"), "float");
    assert_eq!(global_type("x = sum(i * i for i in range(3))\n", "x"), "int");
    assert_eq!(global_type("x = max(1, 2.5)\n", "x"), "float");
    assert_eq!(global_type("x = min([3, 1], key=lambda v: -v)\n", "x"), "int");
    assert_eq!(global_type("x = list(range(3))\n", "x"), "list[int]");
    assert_eq!(global_type("x = tuple([1, 2])\n", "x"), "tuple[int, ...]");
    assert_eq!(global_type("x = set('abc')\n", "x"), "set[str]");
    assert_eq!(global_type("x = dict(zip(['a'], [1]))\n", "x"), "dict[str, int]");
    assert_eq!(global_type("x = int('12', 16)\n", "x"), "int");
    assert_eq!(global_type("x = any(c.isdigit() for c in 'a1')\n", "x"), "bool");
    assert_eq!(global_type("x = ','.join(str(i) for i in range(3))\n", "x"), "str");
    assert_eq!(global_type("x = pow(2, 3)\n", "x"), "int");
    assert_eq!(global_type("x = pow(2, 3, 5)\n", "x"), "int");
    assert_eq!(global_type("x = chr(ord('a') + 1)\n", "x"), "str");
    ok("print(1, 'a', [1.5], sep=', ', end='')\nprint()\n");
    one_error("x = len(5)\n", "arg-type", "Argument 1 to \"len\" has incompatible type \"int\"; expected \"Sized\"");
    one_error("print(1, foo=2)\n", "call-arg", "Unexpected keyword argument \"foo\" for \"print\"");
    one_error("x = len()\n", "call-arg", "Too few arguments for \"len\"");
    one_error("x = range(1, 2, 3, 4)\n", "call-arg", "Too many arguments for \"range\"");
    one_error("x = sum(['a'])\n", "arg-type", "Argument 1 to \"sum\"");
}

#[test]
fn container_methods() {
    ok(
        "xs: list[int] = []\nxs.append(1)\nxs.extend([2, 3])\nxs.insert(0, 5)\nv = xs.pop()\nxs.sort(key=lambda x: -x, reverse=True)\nxs.remove(1)\nn = xs.index(2) + xs.count(2)\nxs.reverse()\nys = xs.copy()\nxs.clear()\n",
    );
    assert_eq!(global_type("d = {'a': 1}\nx = d.get('a')\n", "x"), "int | None");
    assert_eq!(global_type("d = {'a': 1}\nx = d.get('a', 0)\n", "x"), "int");
    assert_eq!(global_type("d = {'a': 1}\nx = d.pop('a')\n", "x"), "int");
    assert_eq!(global_type("d = {'a': 1}\nx = d.setdefault('b', 2)\n", "x"), "int");
    assert_eq!(global_type("d = {'a': 1}\nx = list(d.items())\n", "x"), "list[tuple[str, int]]");
    assert_eq!(global_type("s = {1}\nx = s.union([2])\n", "x"), "set[int]");
    assert_eq!(global_type("x = 'a b'.split()\n", "x"), "list[str]");
    assert_eq!(global_type("x = 'a'.zfill(3).upper().strip()\n", "x"), "str");
    assert_eq!(global_type("x = 'a'.startswith(('a', 'b'))\n", "x"), "bool");
    assert_eq!(global_type("x = '{} {}'.format(1, 'a')\n", "x"), "str");
    one_error(
        "xs = [1]\nxs.append('a')\n",
        "arg-type",
        "Argument 1 to \"append\" of \"list\" has incompatible type \"str\"; expected \"int\"",
    );
    one_error("xs = [1]\nxs.push(2)\n", "attr-defined", "\"list[int]\" has no attribute \"push\"");
    one_error("x = ','.join([1, 2])\n", "arg-type", "expected \"Iterable[str]\"");
}

#[test]
fn hashability() {
    one_error("x: dict[list[int], int] = {}\n", "misc", "Unhashable type \"list[int]\"");
    one_error("x = {[1]: 2}\n", "misc", "Unhashable");
    ok("x: dict[tuple[int, str], int] = {}\ny = {(1, 'a'): 2}\n");
    one_error(
        "from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\ns = {P(1)}\n",
        "misc",
        "Unhashable type \"P\"",
    );
    ok("from dataclasses import dataclass\n@dataclass(frozen=True)\nclass P:\n    x: int\ns = {P(1)}\n");
}

#[test]
fn fstrings_accept_any_value() {
    ok("x = 1.5\ny = [1]\ns = f'{x:.3f} {y!r} {x:>{10}} {x=}'\n");
}

#[test]
fn lambdas_take_types_from_context() {
    ok("from typing import Callable\nf: Callable[[int], int] = lambda x: x + 1\ny = f(2)\n");
    one_error("f = lambda x: x\n", "misc", "Cannot infer type of lambda");
    ok("f = lambda: 3\ny = f() + 1\n");
    one_error(
        "from typing import Callable\nf: Callable[[int], str] = lambda x: x\n",
        "return-value",
        "Incompatible return value type (got \"int\", expected \"str\")",
    );
}

#[test]
fn comprehensions() {
    assert_eq!(global_type("x = [i * 2 for i in range(3) if i > 0]\n", "x"), "list[int]");
    assert_eq!(global_type("x = {k: v for k, v in [('a', 1)]}\n", "x"), "dict[str, int]");
    assert_eq!(global_type("x = {c for c in 'abc'}\n", "x"), "set[str]");
    assert_eq!(global_type("x = [(i, j) for i in range(2) for j in 'ab']\n", "x"), "list[tuple[int, str]]");
    // The comprehension variable does not leak.
    one_error("x = [i for i in range(3)]\ny = i\n", "name-defined", "Name \"i\" is not defined");
    one_error("g = (i for i in range(3))\n", "unsupported", "generator expression");
}

#[test]
fn object_only_as_a_parameter_type() {
    ok("def f(x: object) -> bool:\n    return isinstance(x, int) and x > 0\n");
    one_error("x: object = 1\n", "unsupported", "\"object\" outside a parameter annotation");
    one_error("def f() -> object:\n    return 1\n", "unsupported", "\"object\" outside a parameter annotation");
    one_error("def f(x: object) -> int:\n    return x + 1\n", "operator", "Unsupported operand types for +");
}

#[test]
fn queries_find_types_and_definitions() {
    let source = "def f(a: int) -> int:\n    b = a * 2\n    return b\n\nx = f(3)\n";
    let checked = super::check(source);
    assert!(checked.diagnostics.is_empty());
    let at = |needle: &str, nth: usize| source.match_indices(needle).nth(nth).map(|(idx, _)| idx as u32).unwrap_or(0);
    let (span, ty) = crate::type_at(&checked, at("a * 2", 0)).expect("type of a");
    assert_eq!((span.start, ty.to_string()), (at("a * 2", 0), "int".to_string()));
    let (_, ty) = crate::type_at(&checked, at("f(3)", 0) + 1).expect("type of call");
    assert_eq!(ty.to_string(), "int");
    match crate::definition_at(&checked, at("b\n", 0)) {
        Some(crate::Definition::Local { name, def_span }) => {
            assert_eq!(name, "b");
            assert_eq!(def_span.start, at("b = ", 0));
        }
        other => panic!("{other:?}"),
    }
    match crate::definition_at(&checked, at("f(3)", 0)) {
        Some(crate::Definition::Function { name, def_span: Some(span), .. }) => {
            assert_eq!(name, "f");
            assert_eq!(span.start, 4);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn builtins_outside_the_subset_are_unsupported() {
    one_error("x = map(str, [1])\n", "unsupported", "the built-in \"map\" is not supported by Typhon");
    one_error("try:\n    pass\nexcept AttributeError:\n    pass\n", "unsupported", "the built-in \"AttributeError\"");
}

#[test]
fn generator_expressions_only_where_iterables_are_consumed() {
    ok("x = sorted(c for c in 'ba')\ny = dict((c, 1) for c in 'ab')\nz = ''.join(c for c in 'ab')\n");
    one_error("print(c for c in 'ab')\n", "unsupported", "a generator expression as an argument of \"print\"");
}
