//! The verifier and the loader reject malformed bytecode with an error, never a panic:
//! random byte flips in archives, and modules with out-of-range operands.

mod support;

use rand::{Rng, SeedableRng};
use typhon_vm::bytecode::{self, Module, NO_REG, op};
use typhon_vm::{LoadedModule, Program};

const SOURCE: &str = r#"
from dataclasses import dataclass


@dataclass
class P:
    x: int
    y: int = 2


def f(n: int, k: int = 3) -> int:
    total = 0
    for i in range(n):
        try:
            total += [1, 2][i % 3] * k
        except IndexError:
            total -= 1
    return total


print(f(10), P(1), {"a": 1}, f"{f(2):>5}")
"#;

fn compiled() -> Module {
    let parsed = typhon_parser::parse_module(SOURCE);
    let imports: std::collections::HashMap<String, typhon_typeck::Interface> = std::collections::HashMap::new();
    let input = typhon_typeck::ModuleInput { name: "prog", is_package: false, ast: &parsed.module, imports: &imports };
    let checked = typhon_typeck::check_module(&input);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    typhon_compiler::compile_module(&checked.ir, SOURCE).expect("compiles")
}

fn link(module: &Module) -> Result<Program, typhon_vm::LinkError> {
    let bytes = bytecode::to_bytes(module).expect("serialises");
    Program::link(vec![LoadedModule::from_aligned(bytes, "prog.py")])
}

#[test]
fn a_compiled_module_verifies_and_runs() {
    let module = compiled();
    let program = link(&module).expect("links");
    let mut out = Vec::new();
    let mut err = Vec::new();
    let status = program.run("prog", &typhon_vm::RunOptions::default(), &mut out, &mut err);
    assert_eq!(status, 0);
    // The expected output comes from CPython when it is available.
    let file = std::env::temp_dir().join(format!("typhon-verifier-{}.py", std::process::id()));
    if std::fs::write(&file, SOURCE).is_ok()
        && let Ok(expected) = std::process::Command::new("python3").arg(&file).output()
    {
        assert_eq!(String::from_utf8_lossy(&out), String::from_utf8_lossy(&expected.stdout));
    }
    let _ = std::fs::remove_file(&file);
}

#[test]
fn random_byte_flips_never_panic() {
    let module = compiled();
    let bytes = bytecode::to_bytes(&module).expect("serialises");
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let mut rejected = 0;
    for _ in 0..3000 {
        let mut damaged = bytecode::AlignedVec::<16>::new();
        damaged.extend_from_slice(&bytes);
        for _ in 0..rng.random_range(1..4) {
            let at = rng.random_range(0..damaged.len());
            damaged[at] ^= 1 << rng.random_range(0..8);
        }
        // Linking validates (bytecheck) and verifies; either may reject, neither panics.
        if Program::link(vec![LoadedModule::from_aligned(damaged, "prog.py")]).is_err() {
            rejected += 1;
        }
    }
    assert!(rejected > 0);
}

fn expect_rejected(what: &str, mut edit: impl FnMut(&mut Module)) {
    let mut module = compiled();
    edit(&mut module);
    assert!(matches!(link(&module), Err(typhon_vm::LinkError::Verify { .. })), "accepted a malformed module: {what}");
}

fn first_instruction(module: &mut Module, opcode: u8) -> Option<(usize, usize)> {
    for (f, func) in module.functions.iter().enumerate() {
        let mut pc = 0;
        while let Some(decoded) = bytecode::decode(&func.code, pc) {
            if decoded.info.code == opcode {
                return Some((f, pc));
            }
            pc = decoded.next;
        }
    }
    None
}

#[test]
fn out_of_range_operands_are_rejected() {
    // A register beyond the frame.
    expect_rejected("register", |m| {
        let (f, pc) = first_instruction(m, op::LOAD_INT).expect("has load_int");
        let regs = m.functions[f].n_regs;
        m.functions[f].code[pc] = u32::from(op::LOAD_INT) | (regs << 8);
    });
    // A constant index beyond the pool.
    expect_rejected("constant", |m| {
        let (f, pc) = first_instruction(m, op::LOAD_CONST).expect("has load_const");
        m.functions[f].code[pc + 1] = 10_000;
    });
    // A jump into the middle of an instruction.
    expect_rejected("jump into an instruction", |m| {
        let (f, pc) = first_instruction(m, op::JUMP).expect("has jump");
        // The second word of a multi-word instruction is never an instruction start.
        let mid = bytecode::decode(&m.functions[f].code, 0).map_or(1, |d| if d.next > 1 { 1 } else { d.next + 1 });
        m.functions[f].code[pc] = u32::from(op::JUMP) | ((mid as u32) << 8);
    });
    // A direct call with the wrong number of arguments.
    expect_rejected("call arity", |m| {
        let (f, pc) = first_instruction(m, op::CALL).expect("has call");
        let argc = m.functions[f].code[pc + 2] as usize;
        m.functions[f].code.remove(pc + 3 + argc - 1);
        m.functions[f].code[pc + 2] -= 1;
    });
    // An unknown opcode, a truncated instruction, a handler past the end.
    expect_rejected("unknown opcode", |m| m.functions[0].code[0] = 0xFF);
    expect_rejected("truncated", |m| {
        let last = m.functions[0].code.len() - 1;
        m.functions[0].code[last] = u32::from(op::MOVE);
    });
    expect_rejected("handler target", |m| {
        let f = m.functions.iter().position(|f| !f.handlers.is_empty()).expect("has a handler");
        m.functions[f].handlers[0].target = 1 << 20;
    });
    // A function index out of range, and an optional register that is not NO_REG.
    expect_rejected("init", |m| m.init = 99);
    expect_rejected("optional register", |m| {
        let (f, pc) = first_instruction(m, op::SLICE).or_else(|| first_instruction(m, op::CALL)).expect("call");
        let _ = NO_REG;
        m.functions[f].code[pc + 3] = NO_REG - 1;
    });
}

/// Runs `program` with a small fuel budget, returning the exit status.
fn run_with_fuel(program: &Program, fuel: u64) -> i32 {
    let options = typhon_vm::RunOptions { fuel: Some(fuel), stack_size: 64 << 20, ..typhon_vm::RunOptions::default() };
    program.run("prog", &options, &mut Vec::new(), &mut Vec::new())
}

#[test]
fn fuel_stops_an_endless_loop_for_the_host() {
    let source = "def spin() -> None:\n    while True:\n        try:\n            pass\n        finally:\n            print('f')\n\n\ntry:\n    spin()\nexcept Exception:\n    print('caught')\n";
    let parsed = typhon_parser::parse_module(source);
    let imports: std::collections::HashMap<String, typhon_typeck::Interface> = std::collections::HashMap::new();
    let input = typhon_typeck::ModuleInput { name: "prog", is_package: false, ast: &parsed.module, imports: &imports };
    let checked = typhon_typeck::check_module(&input);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let module = typhon_compiler::compile_module(&checked.ir, source).expect("compiles");
    let program = link(&module).expect("links");
    let options = typhon_vm::RunOptions { fuel: Some(1000), ..typhon_vm::RunOptions::default() };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = program.run("prog", &options, &mut out, &mut err);
    assert_eq!(status, typhon_vm::FUEL_EXHAUSTED);
    // Not a guest exception: `except Exception` never ran.
    assert!(!String::from_utf8_lossy(&out).contains("caught"));
    assert!(String::from_utf8_lossy(&err).contains("fuel"));
    // Recursion spends fuel too.
    let module = compiled();
    let program = link(&module).expect("links");
    assert_eq!(run_with_fuel(&program, 5), typhon_vm::FUEL_EXHAUSTED);
    assert_eq!(run_with_fuel(&program, 1_000_000), 0);
}

/// Mutated modules that still pass the verifier run (under a fuel budget) without
/// crashing the process: the verifier's guarantees are what make the interpreter's
/// unchecked reads sound, so any crash here is a verifier gap.
#[test]
fn verified_mutants_run_safely_under_fuel() {
    let module = compiled();
    let mut rng = rand::rngs::StdRng::seed_from_u64(11);
    let mut ran = 0;
    for round in 0..3000 {
        let mut mutant = module.clone();
        for _ in 0..rng.random_range(1..4) {
            let f = rng.random_range(0..mutant.functions.len());
            let code = &mut mutant.functions[f].code;
            let at = rng.random_range(0..code.len());
            // Small operand values keep many mutants verifiable (so they actually run).
            code[at] = match rng.random_range(0..3) {
                0 => code[at] ^ (1 << rng.random_range(0..32)),
                1 => (code[at] & !0xFF) | rng.random_range(0..bytecode::OPS.len() as u32),
                _ => rng.random_range(0..16),
            };
        }
        let Ok(program) = link(&mutant) else { continue };
        ran += 1;
        let _ = run_with_fuel(&program, 2000 + round);
    }
    eprintln!("{ran} mutants passed the verifier and ran");
    assert!(ran > 50, "too few mutants passed the verifier to mean anything: {ran}");
}

/// Regression: `call_bmethod`'s fast paths (list.append, dict.get) read their argument
/// registers unchecked, but the verifier allows `NO_REG` there (optional registers); a
/// module passing `NO_REG` must run without reading past the register stack.
#[test]
fn optional_registers_in_bmethod_fast_paths_are_safe() {
    let source = "xs: list[int] = []\nxs.append(1)\nd: dict[str, int] = {}\nprint(d.get('a'), xs)\n";
    let parsed = typhon_parser::parse_module(source);
    let imports: std::collections::HashMap<String, typhon_typeck::Interface> = std::collections::HashMap::new();
    let input = typhon_typeck::ModuleInput { name: "prog", is_package: false, ast: &parsed.module, imports: &imports };
    let checked = typhon_typeck::check_module(&input);
    assert!(!checked.has_errors(), "{:?}", checked.diagnostics);
    let module = typhon_compiler::compile_module(&checked.ir, source).expect("compiles");
    let mut mutated = 0;
    for slot in [3, 4] {
        let mut mutant = module.clone();
        for func in &mut mutant.functions {
            let mut pc = 0;
            while let Some(decoded) = bytecode::decode(&func.code, pc) {
                if decoded.info.code == op::CALL_BMETHOD && pc + slot < decoded.next {
                    func.code[pc + slot] = NO_REG;
                    mutated += 1;
                }
                pc = decoded.next;
            }
        }
        let program = link(&mutant).expect("NO_REG is a valid optional register");
        let _ = run_with_fuel(&program, 10_000);
    }
    assert!(mutated >= 2);
}
