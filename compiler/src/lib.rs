//! Phase 2: typed IR to a vm bytecode module.
//!
//! [`compile_module`] turns one module's [`ModuleIr`] (phase 1's output) into a
//! [`typhon_vm::bytecode::Module`]: one bytecode function per IR function (same indices),
//! one class per IR class, and symbolic imports for everything that lives in another
//! module. What the compiler optimises, see `docs/ARCHITECTURE.md` ("compiler").

mod expr;
mod func;
mod unbound;

use std::collections::HashMap;

use smol_str::SmolStr;
use typhon_diagnostics::LineIndex;
use typhon_typeck::ClassRef;
use typhon_typeck::ir::{FuncRef, FunctionKind, ModuleIr};
use typhon_vm::bytecode::{self, CLASS_IMPORT_BIT, Const, Import, ImportKind, Module};

/// Why a module could not be compiled (only for IR that phase 1 should have rejected).
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    #[error("{0}")]
    Unsupported(String),
}

/// Compiles a checked module. `source` is the module's text (for line numbers).
pub fn compile_module(ir: &ModuleIr, source: &str) -> Result<Module, CompileError> {
    let mut ctx = ModuleCtx {
        ir,
        source,
        lines: LineIndex::new(source),
        consts: Vec::new(),
        const_index: HashMap::new(),
        names: Vec::new(),
        name_index: HashMap::new(),
        imports: Vec::new(),
        import_index: HashMap::new(),
        deps: Vec::new(),
    };
    let mut functions = Vec::with_capacity(ir.functions.len());
    for func in &ir.functions {
        functions.push(func::compile_function(&mut ctx, func)?);
    }
    let mut classes = Vec::with_capacity(ir.classes.len());
    for class in &ir.classes {
        let base = match &class.base {
            Some(base) => Some(ctx.class_operand(base)?),
            None => None,
        };
        let methods =
            class.methods.iter().map(|m| bytecode::Method { name: m.name.to_string(), func: m.func.0 }).collect();
        classes.push(bytecode::Class {
            name: class.class.name().to_string(),
            base,
            fields: class.fields.iter().map(|f| f.name.to_string()).collect(),
            methods,
            dataclass: class.dataclass.map(|d| bytecode::DataclassFlags { frozen: d.frozen, order: d.order, eq: d.eq }),
        });
    }
    Ok(Module {
        name: ir.name.to_string(),
        consts: ctx.consts,
        names: ctx.names,
        globals: ir.globals.iter().map(|g| g.name.to_string()).collect(),
        functions,
        classes,
        imports: ctx.imports,
        deps: ctx.deps,
        init: ir.init.0,
    })
}

/// Pools shared by all functions of the module being compiled.
pub(crate) struct ModuleCtx<'a> {
    pub(crate) ir: &'a ModuleIr,
    /// The module's text: traceback anchors are found in it.
    pub(crate) source: &'a str,
    pub(crate) lines: LineIndex,
    pub(crate) consts: Vec<Const>,
    const_index: HashMap<ConstKey, u32>,
    pub(crate) names: Vec<String>,
    name_index: HashMap<String, u32>,
    pub(crate) imports: Vec<Import>,
    import_index: HashMap<(String, String, u8), u32>,
    pub(crate) deps: Vec<String>,
}

#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    Int(i64),
    Big(String),
    Float(u64),
    Str(String),
}

impl ModuleCtx<'_> {
    pub(crate) fn constant(&mut self, value: Const) -> u32 {
        let key = match &value {
            Const::Int(v) => ConstKey::Int(*v),
            Const::BigInt(s) => ConstKey::Big(s.clone()),
            Const::Float(f) => ConstKey::Float(f.to_bits()),
            Const::Str(s) => ConstKey::Str(s.clone()),
        };
        if let Some(&idx) = self.const_index.get(&key) {
            return idx;
        }
        let idx = self.consts.len() as u32;
        self.consts.push(value);
        self.const_index.insert(key, idx);
        idx
    }

    pub(crate) fn name(&mut self, name: &str) -> u32 {
        if let Some(&idx) = self.name_index.get(name) {
            return idx;
        }
        let idx = self.names.len() as u32;
        self.names.push(name.to_owned());
        self.name_index.insert(name.to_owned(), idx);
        idx
    }

    pub(crate) fn import(&mut self, module: &str, name: &str, kind: ImportKind) -> u32 {
        let key = (module.to_owned(), name.to_owned(), kind as u8);
        if let Some(&idx) = self.import_index.get(&key) {
            return idx;
        }
        let idx = self.imports.len() as u32;
        self.imports.push(Import { module: module.to_owned(), name: name.to_owned(), kind });
        self.import_index.insert(key, idx);
        idx
    }

    pub(crate) fn dep(&mut self, module: &str) -> u32 {
        if let Some(idx) = self.deps.iter().position(|d| d == module) {
            return idx as u32;
        }
        self.deps.push(module.to_owned());
        (self.deps.len() - 1) as u32
    }

    /// A class operand: a class of this module, or a symbolic import.
    pub(crate) fn class_operand(&mut self, class: &ClassRef) -> Result<u32, CompileError> {
        if class.module() == &self.ir.name {
            return match self.ir.classes.iter().position(|c| c.class == *class) {
                Some(idx) => Ok(idx as u32),
                None => Err(CompileError::Unsupported(format!("unknown class {}", class.name()))),
            };
        }
        Ok(CLASS_IMPORT_BIT | self.import(class.module(), class.name(), ImportKind::Class))
    }

    /// A top-level function of this module, by name.
    pub(crate) fn local_function(&self, name: &SmolStr) -> Option<u32> {
        self.ir.functions.iter().position(|f| f.kind == FunctionKind::TopLevel && f.name == *name).map(|idx| idx as u32)
    }

    pub(crate) fn is_local(&self, func: &FuncRef) -> bool {
        func.module == self.ir.name
    }

    /// The 1-based line of a byte offset.
    pub(crate) fn line(&self, offset: u32) -> u32 {
        self.lines.line_of(offset) as u32 + 1
    }
}
