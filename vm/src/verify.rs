//! The bytecode verifier: every module passes it before it runs, so malformed bytecode
//! (a damaged cache entry, a bug) is rejected with an error instead of misbehaving.
//!
//! It checks each instruction against [`OPS`]: the opcode exists, the instruction is not
//! truncated, registers are below the frame's register count, constant, global, function,
//! class, import, name, dependency, built-in and native indices are in range, jump and
//! handler targets land on instruction boundaries, direct calls pass exactly the callee's
//! parameter count, and the handler and line tables are sane.

use crate::bytecode::{
    self, ArchivedFunction, ArchivedModule, BMETHOD_NAMES, BUILTIN_NAMES, CLASS_IMPORT_BIT, NATIVE_NAMES, NO_REG, OPS,
    Opd, op,
};

/// What is wrong with a module.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("function {func}, pc {pc}: {message}")]
pub struct VerifyError {
    pub func: u32,
    pub pc: u32,
    pub message: String,
}

/// Checks a whole module.
pub fn verify(module: &ArchivedModule) -> Result<(), VerifyError> {
    let n_funcs = module.functions.len();
    let fail = |func: usize, pc: usize, message: String| VerifyError { func: func as u32, pc: pc as u32, message };
    if module.init.to_native() as usize >= n_funcs {
        return Err(fail(0, 0, "init function out of range".into()));
    }
    for class in module.classes.iter() {
        if let Some(base) = class.base.as_ref() {
            check_class(module, base.to_native()).map_err(|m| fail(0, 0, m))?;
        }
        for method in class.methods.iter() {
            if method.func.to_native() as usize >= n_funcs {
                return Err(fail(0, 0, "method function out of range".into()));
            }
        }
    }
    for (idx, func) in module.functions.iter().enumerate() {
        verify_function(module, func).map_err(|(pc, message)| fail(idx, pc, message))?;
    }
    Ok(())
}

fn check_class(module: &ArchivedModule, operand: u32) -> Result<(), String> {
    let ok = if operand & CLASS_IMPORT_BIT != 0 {
        module
            .imports
            .get((operand & !CLASS_IMPORT_BIT) as usize)
            .is_some_and(|i| matches!(i.kind, bytecode::ArchivedImportKind::Class))
    } else {
        (operand as usize) < module.classes.len()
    };
    if ok { Ok(()) } else { Err(format!("class operand {operand:#x} out of range")) }
}

fn verify_function(module: &ArchivedModule, func: &ArchivedFunction) -> Result<(), (usize, String)> {
    let code: Vec<u32> = func.code.iter().map(|w| w.to_native()).collect();
    let n_regs = func.n_regs.to_native() as usize;
    let n_params = func.params.len();
    if n_params > n_regs {
        return Err((0, "more parameters than registers".into()));
    }
    if n_regs > (NO_REG as usize) {
        return Err((0, "too many registers".into()));
    }
    if code.is_empty() {
        return Err((0, "empty code".into()));
    }
    // First pass: instruction boundaries.
    let mut starts = vec![false; code.len() + 1];
    let mut pc = 0;
    let mut last = 0;
    let mut targets = Vec::new();
    let mut decoded = bytecode::Decoded { info: &bytecode::OPS[0], operands: Vec::new(), tails: Vec::new(), next: 0 };
    while pc < code.len() {
        starts[pc] = true;
        last = pc;
        if !bytecode::decode_into(&code, pc, &mut decoded) {
            return Err((pc, "unknown opcode or truncated instruction".into()));
        }
        let opcode = decoded.info.code;
        for (kind, value) in decoded.operands.iter().chain(decoded.tails.iter().flatten()) {
            check_operand(module, func, n_regs, *kind, *value).map_err(|m| (pc, m))?;
            if *kind == Opd::Target {
                targets.push((pc, *value as usize));
            }
        }
        if opcode == op::CALL {
            let callee = decoded.operands[1].1 as usize;
            let argc = decoded.tails.first().map_or(0, Vec::len);
            let expected = module.functions.get(callee).map_or(0, |f| f.params.len());
            if argc != expected {
                return Err((pc, format!("call passes {argc} arguments, callee takes {expected}")));
            }
        }
        if opcode == op::CALL_BUILTIN {
            let mask = decoded.operands[2].1;
            let argc = decoded.tails.first().map_or(0, Vec::len);
            if mask >= 1 << 16 || mask.count_ones() as usize > argc {
                return Err((pc, "bad keyword mask".into()));
            }
        }
        if opcode == op::SET_METHOD_DEFAULTS {
            let class = decoded.operands[0].1 as usize;
            let method = decoded.operands[1].1 as usize;
            if module.classes.get(class).is_none_or(|c| method >= c.methods.len()) {
                return Err((pc, "method index out of range".into()));
            }
        }
        pc = decoded.next;
    }
    // The last instruction must not fall off the end of the code.
    let last_op = (code[last] & 0xFF) as u8;
    if !matches!(last_op, op::RETURN | op::RETURN_NONE | op::JUMP | op::RAISE | op::RERAISE) {
        return Err((last, "code may run past its end".into()));
    }
    for (at, target) in targets {
        if target >= code.len() || !starts[target] {
            return Err((at, format!("jump target {target} is not an instruction")));
        }
    }
    for handler in func.handlers.iter() {
        let (start, end, target, reg) = (
            handler.start.to_native() as usize,
            handler.end.to_native() as usize,
            handler.target.to_native() as usize,
            handler.exc_reg.to_native() as usize,
        );
        if start > end || end > code.len() || target >= code.len() || !starts[target] || reg >= n_regs {
            return Err((start, "bad exception handler".into()));
        }
    }
    let mut previous = 0;
    for entry in func.lines.iter() {
        let at = entry.pc.to_native() as usize;
        if at < previous || at > code.len() {
            return Err((at, "line table out of order".into()));
        }
        previous = at;
    }
    Ok(())
}

fn check_operand(
    module: &ArchivedModule,
    func: &ArchivedFunction,
    n_regs: usize,
    kind: Opd,
    value: u32,
) -> Result<(), String> {
    let v = value as usize;
    let ok = match kind {
        Opd::Reg => v < n_regs,
        Opd::RegOpt => value == NO_REG || v < n_regs,
        Opd::Const => v < module.consts.len(),
        Opd::Global => v < module.globals.len(),
        Opd::Func => v < module.functions.len(),
        Opd::Class => return check_class(module, value),
        Opd::Import => v < module.imports.len(),
        Opd::Name => v < module.names.len(),
        Opd::Target | Opd::Imm => true,
        Opd::Builtin => v < BUILTIN_NAMES.len(),
        Opd::Native => v < NATIVE_NAMES.len(),
        Opd::BMethod => v < BMETHOD_NAMES.len(),
        Opd::Dep => v < module.deps.len(),
        Opd::Capture => {
            if value & 1 == 0 {
                (v >> 1) < n_regs
            } else {
                (v >> 1) < func.n_free.to_native() as usize
            }
        }
        Opd::Cmp => v < bytecode::CmpOp::ALL.len(),
        Opd::Bin => v < bytecode::BinOp::ALL.len(),
    };
    if ok { Ok(()) } else { Err(format!("{kind:?} operand {value} out of range")) }
}

/// Every opcode's table entry is reachable by number.
pub fn opcode_count() -> usize {
    OPS.len()
}
