//! Tests: narrowing of optionals and class unions.

use super::{ok, one_error};

const NODE: &str = "class Node:\n    def __init__(self, v: int) -> None:\n        self.v: int = v\n        self.next: Node | None = None\n";

#[test]
fn is_none_and_is_not_none() {
    ok("def f(x: int | None) -> int:\n    if x is None:\n        return 0\n    return x + 1\n");
    ok("def f(x: int | None) -> int:\n    if x is not None:\n        return x + 1\n    return 0\n");
    ok("def f(x: int | None) -> int:\n    if x is None:\n        x = 5\n    return x + 1\n");
    one_error(
        "def f(x: int | None) -> int:\n    return x + 1\n",
        "operator",
        "Unsupported left operand type for + (\"int | None\")",
    );
}

#[test]
fn truthiness_and_early_exits() {
    ok("def f(x: str | None) -> str:\n    if not x:\n        return ''\n    return x.upper()\n");
    ok("def f(x: str | None) -> str:\n    if x:\n        return x.upper()\n    return ''\n");
    ok(
        "def f(xs: list[int | None]) -> int:\n    t = 0\n    for x in xs:\n        if x is None:\n            continue\n        t += x\n    return t\n",
    );
    ok("def f(x: int | None) -> int:\n    if x is None:\n        raise ValueError('x')\n    return x\n");
    ok("def f(x: int | None) -> int:\n    assert x is not None\n    return x\n");
}

#[test]
fn and_or_short_circuit() {
    ok("def f(x: int | None) -> bool:\n    return x is not None and x > 3\n");
    ok("def f(x: int | None) -> bool:\n    return x is None or x > 3\n");
    ok("def f(x: str | None) -> str:\n    return x or 'default'\n");
    ok("def f(x: int | None) -> int:\n    return x if x is not None else 0\n");
}

#[test]
fn attributes_narrow_too() {
    ok(&format!(
        "{NODE}def total(n: Node) -> int:\n    if n.next is not None:\n        return n.v + n.next.v\n    return n.v\n"
    ));
    ok(&format!(
        "{NODE}def total(n: Node | None) -> int:\n    s = 0\n    while n is not None:\n        s += n.v\n        n = n.next\n    return s\n"
    ));
    one_error(
        &format!("{NODE}def f(n: Node) -> int:\n    return n.next.v\n"),
        "union-attr",
        "Item \"None\" of \"Node | None\" has no attribute \"v\"",
    );
}

#[test]
fn isinstance_narrows_class_unions() {
    let shapes = "class Shape:\n    pass\nclass Circle(Shape):\n    def __init__(self, r: float) -> None:\n        self.r: float = r\nclass Square(Shape):\n    def __init__(self, s: float) -> None:\n        self.s: float = s\n";
    ok(&format!(
        "{shapes}def area(x: Circle | Square) -> float:\n    if isinstance(x, Circle):\n        return 3.14 * x.r * x.r\n    return x.s * x.s\n"
    ));
    ok(&format!(
        "{shapes}def area(x: Shape) -> float:\n    if isinstance(x, Circle):\n        return x.r\n    return 0.0\n"
    ));
    // A union of one hierarchy stays a union: an attribute only some members have is
    // union-attr (mypy), not an error about the common base.
    one_error(
        &format!("{shapes}def area(x: Circle | Square) -> float:\n    return x.r\n"),
        "union-attr",
        "Item \"Square\" of \"Circle | Square\" has no attribute \"r\"",
    );
    // An attribute of the common base works through the union.
    ok(
        "class B:\n    def f(self) -> int:\n        return 1\nclass C(B):\n    pass\nclass D(B):\n    pass\ndef g(x: C | D) -> int:\n    return x.f()\n",
    );
    one_error("def f(x: int | str) -> None:\n    pass\n", "unsupported", "the union \"int | str\"");
}

#[test]
fn object_parameters_narrow_with_isinstance() {
    ok(concat!(
        "class P:\n",
        "    def __init__(self, x: int) -> None:\n        self.x: int = x\n",
        "    def __eq__(self, other: object) -> bool:\n",
        "        if not isinstance(other, P):\n            return False\n",
        "        return self.x == other.x\n",
    ));
}

#[test]
fn attribute_chains_narrow() {
    ok(&format!(
        "{NODE}def second(n: Node) -> int:\n    if n.next is not None and n.next.next is not None:\n        return n.next.next.v\n    return 0\n"
    ));
    one_error(
        &format!(
            "{NODE}def second(n: Node) -> int:\n    if n.next is not None:\n        n.next = n.next.next\n        return n.next.v\n    return 0\n"
        ),
        "union-attr",
        "Item \"None\" of \"Node | None\" has no attribute \"v\"",
    );
}
