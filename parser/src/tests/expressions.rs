//! Tests: expressions — precedence, associativity, atoms, displays, comprehensions,
//! strings and f-strings. Most assertions use the compact `sexpr` form of the dump.

use super::*;

#[track_caller]
fn check(source: &str, expected: &str) {
    assert_eq!(sexpr(source), expected, "for {source:?}");
}

#[test]
fn operators_follow_python_precedence() {
    check(r#"a + b * c"#, r#"(Binary + (Name a) (Binary * (Name b) (Name c)))"#);
    check(
        r#"a | b ^ c & d << e + f * g ** h"#,
        r#"(Binary | (Name a) (Binary ^ (Name b) (Binary & (Name c) (Binary << (Name d) (Binary + (Name e) (Binary * (Name f) (Binary ** (Name g) (Name h))))))))"#,
    );
    check(r#"-a + ~b - +c"#, r#"(Binary - (Binary + (Unary - (Name a)) (Unary ~ (Name b))) (Unary + (Name c)))"#);
    check(r#"not a == b"#, r#"(Unary not (Compare == (Name a) (Name b)))"#);
    check(r#"-a.b ** -c.d"#, r#"(Unary - (Binary ** (Attribute .b (Name a)) (Unary - (Attribute .d (Name c)))))"#);
    check(r#"(a + b) * c"#, r#"(Binary * (Binary + (Name a) (Name b)) (Name c))"#);
}

#[test]
fn left_associative_operators_nest_to_the_left() {
    check(r#"a - b - c"#, r#"(Binary - (Binary - (Name a) (Name b)) (Name c))"#);
    check(r#"a >> b << c"#, r#"(Binary << (Binary >> (Name a) (Name b)) (Name c))"#);
    check(
        r#"a * b / c // d % e @ f"#,
        r#"(Binary @ (Binary % (Binary // (Binary / (Binary * (Name a) (Name b)) (Name c)) (Name d)) (Name e)) (Name f))"#,
    );
}

#[test]
fn power_is_right_associative_and_binds_tighter_than_unary_minus() {
    check(r#"2 ** 3 ** 4"#, r#"(Binary ** (Int 2) (Binary ** (Int 3) (Int 4)))"#);
    check(r#"-2 ** 2"#, r#"(Unary - (Binary ** (Int 2) (Int 2)))"#);
    check(r#"2 ** -1"#, r#"(Binary ** (Int 2) (Unary - (Int 1)))"#);
}

#[test]
fn boolean_operators_are_flat_and_ordered() {
    check(r#"not a and b or c"#, r#"(BoolOp or (BoolOp and (Unary not (Name a)) (Name b)) (Name c))"#);
    check(r#"a or b and c"#, r#"(BoolOp or (Name a) (BoolOp and (Name b) (Name c)))"#);
    check(r#"a and b and c or d or e"#, r#"(BoolOp or (BoolOp and (Name a) (Name b) (Name c)) (Name d) (Name e))"#);
    check(r#"not not a"#, r#"(Unary not (Unary not (Name a)))"#);
}

#[test]
fn comparisons_chain_flat() {
    check(r#"a < b <= c != d"#, r#"(Compare <, <=, != (Name a) (Name b) (Name c) (Name d))"#);
    check(
        r#"a not in b is not c in d is e"#,
        r#"(Compare not in, is not, in, is (Name a) (Name b) (Name c) (Name d) (Name e))"#,
    );
}

#[test]
fn conditional_expressions_and_lambdas() {
    check(
        r#"x if c else y if d else z"#,
        r#"(IfExp (test: Name c) (body: Name x) (orelse: IfExp (test: Name d) (body: Name y) (orelse: Name z)))"#,
    );
    check(
        r#"a or b if c and d else e"#,
        r#"(IfExp (test: BoolOp and (Name c) (Name d)) (body: BoolOp or (Name a) (Name b)) (orelse: Name e))"#,
    );
    check(
        r#"lambda x, y=1: x + y"#,
        r#"(Lambda (param x) (param y (default: Int 1)) (body: Binary + (Name x) (Name y)))"#,
    );
    check(r#"lambda: a if b else c"#, r#"(Lambda (body: IfExp (test: Name b) (body: Name a) (orelse: Name c)))"#);
    check(r#"a if b else lambda: c"#, r#"(IfExp (test: Name b) (body: Name a) (orelse: Lambda (body: Name c)))"#);
    check(r#"lambda *, k=1: k"#, r#"(Lambda (kwonly k (default: Int 1)) (body: Name k))"#);
}

#[test]
fn primaries_chain_left_to_right() {
    check(
        r#"a.b(c)[d].e"#,
        r#"(Attribute .e (Subscript (value: Call (func: Attribute .b (Name a)) (arg: Name c)) (index: Name d)))"#,
    );
    check(r#"f(a, b=1)(c)"#, r#"(Call (func: Call (func: Name f) (arg: Name a) (keyword b: Int 1)) (arg: Name c))"#);
    check(r#"f(x, y=2,)"#, r#"(Call (func: Name f) (arg: Name x) (keyword y: Int 2))"#);
}

#[test]
fn subscripts_and_slices() {
    check(r#"a[1:2:3]"#, r#"(Subscript (value: Name a) (index: Slice (lower: Int 1) (upper: Int 2) (step: Int 3)))"#);
    check(r#"a[:]"#, r#"(Subscript (value: Name a) (index: Slice))"#);
    check(r#"a[::2]"#, r#"(Subscript (value: Name a) (index: Slice (step: Int 2)))"#);
    check(r#"a[1:, 2]"#, r#"(Subscript (value: Name a) (index: Tuple (Slice (lower: Int 1)) (Int 2)))"#);
    check(r#"a[i,]"#, r#"(Subscript (value: Name a) (index: Tuple (Name i)))"#);
    check(
        r#"a[x, y:z]"#,
        r#"(Subscript (value: Name a) (index: Tuple (Name x) (Slice (lower: Name y) (upper: Name z))))"#,
    );
    check(
        r#"x[a:b, ::c]"#,
        r#"(Subscript (value: Name x) (index: Tuple (Slice (lower: Name a) (upper: Name b)) (Slice (step: Name c))))"#,
    );
}

#[test]
fn parentheses_tuples_and_displays() {
    check(r#"(a)"#, r#"(Name a)"#);
    check(r#"(a,)"#, r#"(Tuple (Name a))"#);
    check(r#"()"#, r#"(Tuple)"#);
    check(r#"(a, b)"#, r#"(Tuple (Name a) (Name b))"#);
    check(r#"a, b"#, r#"(Tuple (Name a) (Name b))"#);
    check(r#"[1, 2,]"#, r#"(List (Int 1) (Int 2))"#);
    check(r#"[]"#, r#"(List)"#);
    check(r#"{1: 2, 'k': [3],}"#, r#"(Dict (key: Int 1) (value: Int 2) (key: Str "k") (value: List (Int 3)))"#);
    check(r#"{1, 2}"#, r#"(Set (Int 1) (Int 2))"#);
    check(r#"{}"#, r#"(Dict)"#);
    check(r#"True, False, None, ..."#, r#"(Tuple (True) (False) (None) (Ellipsis))"#);
}

#[test]
fn comprehensions_and_generator_expressions() {
    check(r#"[x for x in y]"#, r#"(ListComp (elt: Name x) (for (target: Name x) (iter: Name y)))"#);
    check(
        r#"{x for x in y if x if not x}"#,
        r#"(SetComp (elt: Name x) (for (target: Name x) (iter: Name y) (if: Name x) (if: Unary not (Name x))))"#,
    );
    check(
        r#"{k: v for k, v in d.items() for z in k}"#,
        r#"(DictComp (key: Name k) (value: Name v) (for (target: Tuple (Name k) (Name v)) (iter: Call (func: Attribute .items (Name d)))) (for (target: Name z) (iter: Name k)))"#,
    );
    check(r#"(x for x in y)"#, r#"(GeneratorExp (elt: Name x) (for (target: Name x) (iter: Name y)))"#);
    check(
        r#"sum(x for x in y)"#,
        r#"(Call (func: Name sum) (arg: GeneratorExp (elt: Name x) (for (target: Name x) (iter: Name y))))"#,
    );
}

#[test]
fn strings_concatenate_and_f_strings_build_parts() {
    check(r#""a" "b""#, r#"(Str "ab")"#);
    check(r#""a" f"{x}" "c""#, r#"(FString (Literal "a") (Field (Name x)) (Literal "c"))"#);
    check(
        r#"f"{x:{w}.{p}f}""#,
        r#"(FString (Field (Name x) (spec: (Field (Name w)) (Literal ".") (Field (Name p)) (Literal "f"))))"#,
    );
    check(r#"f"{x!r:^{w}}""#, r#"(FString (Field !r (Name x) (spec: (Literal "^") (Field (Name w)))))"#);
    check(r#"f"{{lit}}{a}{b}""#, r#"(FString (Literal "{lit}") (Field (Name a)) (Field (Name b)))"#);
}

#[test]
fn self_documenting_f_string_fields() {
    check(r#"f"{x=}""#, r#"(FString (Literal "x=") (Field !r (Name x)))"#);
    check(r#"f"{ x = }""#, r#"(FString (Literal " x = ") (Field !r (Name x)))"#);
    check(r#"f"{x=!s}""#, r#"(FString (Literal "x=") (Field !s (Name x)))"#);
    check(r#"f"{x=:>3}""#, r#"(FString (Literal "x=") (Field (Name x) (spec: (Literal ">3"))))"#);
}

#[test]
fn numbers() {
    check(
        r#"1_000 + 0x1f + 0o17 + 0b1 + 1.5e3"#,
        r#"(Binary + (Binary + (Binary + (Binary + (Int 1000) (Int 31)) (Int 15)) (Int 1)) (Float 1500.0))"#,
    );
    check(r#"123456789012345678901234567890"#, r#"(Int 123456789012345678901234567890)"#);
}
#[test]
fn spans_follow_cpython() {
    // A parenthesized operand keeps its own span; the node around it starts at `(`.
    let dump = dump_ok("(a + b) * c\n");
    assert!(dump.contains("Binary * @0..11"), "{dump}");
    assert!(dump.contains("Binary + @1..6"), "{dump}");
    // Tuples include their parentheses, and a trailing comma when unparenthesized.
    assert!(dump_ok("x = (a,)\n").contains("value: Tuple @4..8"));
    assert!(dump_ok("x = 1, 2,\n").contains("value: Tuple @4..9"));
    // A generator expression that is a call's only argument spans the parentheses.
    assert!(dump_ok("sum(x for x in y)\n").contains("arg: GeneratorExp @3..17"));
    // Concatenated strings are one node.
    assert!(dump_ok("x = 'a' 'b'\n").contains("value: Str \"ab\" @4..11"));
    // Slices cover their colons.
    assert!(dump_ok("a[1:]\n").contains("index: Slice @2..4"));
}
