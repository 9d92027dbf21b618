//! A text disassembler for modules (debugging aid and snapshot tests of the compiler).

use std::fmt::Write as _;

use crate::bytecode::{self, ArchivedModule, BinOp, CLASS_IMPORT_BIT, CmpOp, NO_REG, Opd};

/// The whole module as text: constants, globals, imports, classes, then each function.
pub fn disassemble(module: &ArchivedModule) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "module {}", module.name.as_str());
    for (idx, constant) in module.consts.iter().enumerate() {
        let text = match constant {
            bytecode::ArchivedConst::Int(v) => v.to_native().to_string(),
            bytecode::ArchivedConst::BigInt(s) => s.as_str().to_owned(),
            bytecode::ArchivedConst::Float(f) => format!("{:?}", f.to_native()),
            bytecode::ArchivedConst::Str(s) => format!("{:?}", s.as_str()),
        };
        let _ = writeln!(out, "  const {idx}: {text}");
    }
    for (idx, global) in module.globals.iter().enumerate() {
        let _ = writeln!(out, "  global {idx}: {}", global.as_str());
    }
    for (idx, import) in module.imports.iter().enumerate() {
        let _ = writeln!(
            out,
            "  import {idx}: {}.{} ({})",
            import.module.as_str(),
            import.name.as_str(),
            match import.kind {
                bytecode::ArchivedImportKind::Function => "function",
                bytecode::ArchivedImportKind::Class => "class",
                bytecode::ArchivedImportKind::Global => "global",
            }
        );
    }
    for (idx, class) in module.classes.iter().enumerate() {
        let fields: Vec<&str> = class.fields.iter().map(|f| f.as_str()).collect();
        let methods: Vec<String> =
            class.methods.iter().map(|m| format!("{}=f{}", m.name.as_str(), m.func.to_native())).collect();
        let _ = writeln!(
            out,
            "  class {idx}: {} fields [{}] methods [{}]",
            class.name.as_str(),
            fields.join(", "),
            methods.join(", ")
        );
    }
    for (idx, func) in module.functions.iter().enumerate() {
        let params: Vec<&str> = func.params.iter().map(|p| p.name.as_str()).collect();
        let _ = writeln!(
            out,
            "\nfunction f{idx} {} ({}) regs={} free={}",
            func.qualname.as_str(),
            params.join(", "),
            func.n_regs.to_native(),
            func.n_free.to_native()
        );
        let code: Vec<u32> = func.code.iter().map(|w| w.to_native()).collect();
        let mut pc = 0;
        while pc < code.len() {
            let Some(decoded) = bytecode::decode(&code, pc) else {
                let _ = writeln!(out, "  {pc:4}  <invalid>");
                break;
            };
            let mut line = format!("  {pc:4}  {}", decoded.info.name);
            let operands: Vec<String> = decoded.operands.iter().map(|(k, v)| operand(module, *k, *v)).collect();
            if !operands.is_empty() {
                line.push(' ');
                line.push_str(&operands.join(", "));
            }
            for tail in &decoded.tails {
                let items: Vec<String> = tail.iter().map(|(k, v)| operand(module, *k, *v)).collect();
                let _ = write!(line, " [{}]", items.join(", "));
            }
            let _ = writeln!(out, "{line}");
            pc = decoded.next;
        }
        for handler in func.handlers.iter() {
            let _ = writeln!(
                out,
                "  handler {}..{} -> {} exc r{}",
                handler.start.to_native(),
                handler.end.to_native(),
                handler.target.to_native(),
                handler.exc_reg.to_native()
            );
        }
    }
    out
}

fn operand(module: &ArchivedModule, kind: Opd, value: u32) -> String {
    match kind {
        Opd::Reg => format!("r{value}"),
        Opd::RegOpt if value == NO_REG => "default".into(),
        Opd::RegOpt => format!("r{value}"),
        Opd::Const => format!("k{value}"),
        Opd::Global => module.globals.get(value as usize).map_or(format!("g{value}"), |g| format!("g:{}", g.as_str())),
        Opd::Func => {
            module.functions.get(value as usize).map_or(format!("f{value}"), |f| format!("f:{}", f.qualname.as_str()))
        }
        Opd::Class if value & CLASS_IMPORT_BIT != 0 => format!("import{}", value & !CLASS_IMPORT_BIT),
        Opd::Class => {
            module.classes.get(value as usize).map_or(format!("c{value}"), |c| format!("c:{}", c.name.as_str()))
        }
        Opd::Import => module
            .imports
            .get(value as usize)
            .map_or(format!("i{value}"), |i| format!("{}.{}", i.module.as_str(), i.name.as_str())),
        Opd::Name => module.names.get(value as usize).map_or(format!("n{value}"), |n| format!(".{}", n.as_str())),
        Opd::Target => format!("->{value}"),
        Opd::Imm => format!("#{}", value as i32),
        Opd::Builtin => bytecode::BUILTIN_NAMES.get(value as usize).map_or(format!("b{value}"), |n| (*n).to_owned()),
        Opd::Native => {
            bytecode::NATIVE_NAMES.get(value as usize).map_or(format!("n{value}"), |(m, n)| format!("{m}.{n}"))
        }
        Opd::BMethod => {
            bytecode::BMETHOD_NAMES.get(value as usize).map_or(format!("m{value}"), |(t, n)| format!("{t}.{n}"))
        }
        Opd::Dep => module.deps.get(value as usize).map_or(format!("d{value}"), |d| d.as_str().to_owned()),
        Opd::Capture if value & 1 == 0 => format!("cell r{}", value >> 1),
        Opd::Capture => format!("free {}", value >> 1),
        Opd::Cmp => CmpOp::from_u32(value).map_or("?".into(), |c| c.symbol().to_owned()),
        Opd::Bin => BinOp::from_u32(value).map_or("?".into(), |b| b.symbol().to_owned()),
    }
}
