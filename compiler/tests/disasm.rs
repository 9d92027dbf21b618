//! Snapshots of the disassembly of compiled code: the instruction selection (typed
//! arithmetic, fused compare-and-branch, range loops, direct field slots) stays visible
//! in review.

use typhon_vm::bytecode;

fn disassemble(source: &str) -> String {
    let parsed = typhon_parser::parse_module(source);
    let imports: std::collections::HashMap<String, typhon_typeck::Interface> = std::collections::HashMap::new();
    let input = typhon_typeck::ModuleInput { name: "snap", is_package: false, ast: &parsed.module, imports: &imports };
    let checked = typhon_typeck::check_module(&input);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let module = typhon_compiler::compile_module(&checked.ir, source).expect("compiles");
    let bytes = bytecode::to_bytes(&module).expect("serialises");
    let archived = bytecode::access(&bytes).expect("valid archive");
    format!("SOURCE:\n{source}\nDISASSEMBLY:\n{}", typhon_vm::disasm::disassemble(archived))
}

#[test]
fn specialised_instructions() {
    insta::assert_snapshot!(disassemble(
        r#"from dataclasses import dataclass


@dataclass
class V:
    x: float
    y: float


def norm2(v: V) -> float:
    return v.x * v.x + v.y * v.y


def count(n: int) -> int:
    total = 0
    for i in range(n):
        if i % 3 == 0 and i < 100:
            total += i
    while total > 10:
        total -= 7
    return total


print(count(10), norm2(V(3.0, 4.0)), 2 * 3 + 1)
"#
    ));
}

#[test]
fn exceptions_and_closures() {
    insta::assert_snapshot!(disassemble(
        r#"def make(k: int) -> int:
    acc = 0

    def add(v: int) -> None:
        nonlocal acc
        acc += v * k

    try:
        add(1)
        raise ValueError("x")
    except ValueError as e:
        print(e)
    finally:
        add(2)
    return acc


print(make(3))
"#
    ));
}

#[test]
fn direct_calls_and_returns() {
    insta::assert_snapshot!(disassemble(
        r#"def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(20))
"#
    ));
}
