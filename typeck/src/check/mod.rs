//! The checker of one module: declarations first (imports, classes, signatures, globals),
//! then the top-level code, then every function body, producing IR as it goes.

mod annot;
mod builtin_call;
mod call;
mod class;
mod collect;
mod expr;
mod methods;
mod narrow;
mod ops;
mod relate;
mod scope;
mod stmt;

use std::collections::HashMap;
use std::sync::Arc;

use smol_str::SmolStr;
use typhon_diagnostics::{Code, Diagnostic, Span};
use typhon_parser::ast;

use crate::interface::{ClassInfo, FuncSig, Interface, InterfaceView, SpecialForm};
use crate::ir;
use crate::types::{ClassRef, Type};

pub(crate) use scope::FnCtx;

/// Looks up the interfaces of the modules a module imports, by absolute dotted name.
pub trait ImportResolver {
    fn interface(&self, module: &str) -> Option<&dyn InterfaceView>;
}

impl<S: std::hash::BuildHasher> ImportResolver for HashMap<String, Interface, S> {
    fn interface(&self, module: &str) -> Option<&dyn InterfaceView> {
        self.get(module).map(|interface| interface as &dyn InterfaceView)
    }
}

impl ImportResolver for std::collections::BTreeMap<String, Interface> {
    fn interface(&self, module: &str) -> Option<&dyn InterfaceView> {
        self.get(module).map(|interface| interface as &dyn InterfaceView)
    }
}

impl<S: std::hash::BuildHasher> ImportResolver for HashMap<String, Arc<Interface>, S> {
    fn interface(&self, module: &str) -> Option<&dyn InterfaceView> {
        self.get(module).map(|interface| &**interface as &dyn InterfaceView)
    }
}

/// A resolver for modules that import nothing but built-in modules.
pub struct NoImports;

impl ImportResolver for NoImports {
    fn interface(&self, _module: &str) -> Option<&dyn InterfaceView> {
        None
    }
}

/// What phase 1 needs to check one module.
pub struct ModuleInput<'a> {
    /// The absolute dotted name (`pkg.util`; `pkg` for `pkg/__init__.py`).
    pub name: &'a str,
    /// Whether the module is a package's `__init__.py` (relative imports start there).
    pub is_package: bool,
    pub ast: &'a ast::Module,
    pub imports: &'a dyn ImportResolver,
}

/// Phase 1's result for one module.
#[derive(Clone, Debug)]
pub struct CheckedModule {
    pub interface: Interface,
    /// Sorted by span start.
    pub diagnostics: Vec<Diagnostic>,
    pub ir: ir::ModuleIr,
}

impl CheckedModule {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// What a module-level name is bound to.
#[derive(Clone, Debug)]
pub(crate) enum ModBinding {
    /// A function of this module (`id` set) or an imported one.
    Function {
        func: ir::FuncRef,
        sig: Arc<FuncSig>,
        id: Option<ir::FuncId>,
    },
    Class {
        class: ClassRef,
    },
    Global(ir::GlobalId),
    ImportedVar {
        module: SmolStr,
        name: SmolStr,
        ty: Type,
    },
    Module(SmolStr),
    Special(SpecialForm),
}

/// A module global during checking.
pub(crate) struct GlobalVar {
    pub name: SmolStr,
    /// Known from the annotation or from the first assignment seen.
    pub ty: Option<Type>,
    pub def_span: Span,
    /// The only value so far was a bare `None` (see `store_typed`).
    pub partial_none: bool,
    /// Declared with an annotation somewhere at the module level.
    pub annotated: bool,
}

/// A function body waiting to be checked.
pub(crate) struct PendingBody<'a> {
    pub def: &'a ast::FunctionDef,
    pub id: ir::FuncId,
    pub class: Option<ClassRef>,
}

pub(crate) struct Checker<'a> {
    pub module: SmolStr,
    pub is_package: bool,
    pub input: &'a ModuleInput<'a>,
    pub diagnostics: Vec<Diagnostic>,
    pub classes: HashMap<ClassRef, Arc<ClassInfo>>,
    /// Spans of this module's classes, for "declared here" labels.
    pub class_spans: HashMap<ClassRef, Span>,
    pub bindings: HashMap<SmolStr, ModBinding>,
    pub globals: Vec<GlobalVar>,
    pub functions: Vec<Option<ir::Function>>,
    pub ir_classes: Vec<ir::ClassDecl>,
    pub class_ids: HashMap<ClassRef, ir::ClassId>,
    /// Parameter spans of this module's functions (for arg-type labels), keyed by FuncId.
    pub param_spans: HashMap<ir::FuncId, Vec<Span>>,
    /// Signatures of every `def` of this module (without `self`/`cls` for methods).
    pub func_sigs: HashMap<ir::FuncId, Arc<FuncSig>>,
    /// Signatures of imported functions by their origin, for calls through any alias.
    pub imported_sigs: HashMap<ir::FuncRef, Arc<FuncSig>>,
    /// Globals holding a variable imported by `from m import name`: the variable's
    /// module and name (copied at the import statement).
    pub(crate) imported_vars: HashMap<ir::GlobalId, (SmolStr, SmolStr)>,
    /// Method bodies and top-level function bodies, checked after the top level.
    pub pending: Vec<PendingBody<'a>>,
    /// Nested `def`s (with the depth of the function that contains them), checked when
    /// that function's body is done so that they see the final types of what they capture.
    pub nested_pending: Vec<(usize, PendingBody<'a>)>,
    /// The stack of function contexts (innermost last).
    pub fns: Vec<FnCtx>,
    /// `from __future__ import annotations` is implied: annotations are never evaluated.
    pub seen_imports: Vec<(SmolStr, Span)>,
}

/// Checks one module.
pub fn check_module(input: &ModuleInput<'_>) -> CheckedModule {
    let mut checker = Checker::new(input);
    checker.run();
    checker.finish()
}

impl<'a> Checker<'a> {
    fn new(input: &'a ModuleInput<'a>) -> Checker<'a> {
        let mut classes = HashMap::new();
        for info in crate::builtins::exception_infos() {
            classes.insert(info.class.clone(), Arc::new(info));
        }
        Checker {
            module: input.name.into(),
            is_package: input.is_package,
            input,
            diagnostics: Vec::new(),
            classes,
            class_spans: HashMap::new(),
            bindings: HashMap::new(),
            globals: Vec::new(),
            functions: Vec::new(),
            ir_classes: Vec::new(),
            class_ids: HashMap::new(),
            param_spans: HashMap::new(),
            func_sigs: HashMap::new(),
            imported_sigs: HashMap::new(),
            imported_vars: HashMap::new(),
            pending: Vec::new(),
            nested_pending: Vec::new(),
            fns: Vec::new(),
            seen_imports: Vec::new(),
        }
    }

    fn run(&mut self) {
        let body = &self.input.ast.body;
        // The init function is always function 0.
        let init_id = self.alloc_function();
        self.collect_imports(body);
        self.declare_classes(body);
        self.collect_classes(body);
        self.collect_functions(body);
        self.collect_globals(body);
        self.fns.push(FnCtx::module());
        let (init_body, _) = self.check_block(body);
        let ctx = self.fns.pop();
        let locals = ctx.map(|ctx| ctx.finish_locals()).unwrap_or_default();
        self.functions[init_id.0 as usize] = Some(ir::Function {
            name: "<module>".into(),
            qualname: "<module>".into(),
            kind: ir::FunctionKind::ModuleInit,
            class: None,
            parent: None,
            params: Vec::new(),
            ret: Type::None,
            locals,
            free_vars: Vec::new(),
            body: init_body,
            span: Span::new(0, 0),
        });
        // Bodies of top-level functions and methods see the final types of the globals.
        let mut idx = 0;
        while idx < self.pending.len() {
            let def = self.pending[idx].def;
            let id = self.pending[idx].id;
            let class = self.pending[idx].class.clone();
            self.check_function_body(def, id, class, None);
            idx += 1;
        }
    }

    fn finish(mut self) -> CheckedModule {
        let interface = self.build_interface();
        let globals = self
            .globals
            .iter()
            .map(|global| ir::Global {
                name: global.name.clone(),
                ty: global.ty.clone().unwrap_or(Type::Unknown),
                def_span: global.def_span,
            })
            .collect();
        let functions =
            self.functions.into_iter().map(|function| function.unwrap_or_else(placeholder_function)).collect();
        self.diagnostics.sort_by_key(|diagnostic| (diagnostic.span.start, diagnostic.span.end));
        CheckedModule {
            interface,
            diagnostics: self.diagnostics,
            ir: ir::ModuleIr { name: self.module, functions, init: ir::FuncId(0), globals, classes: self.ir_classes },
        }
    }

    pub(crate) fn alloc_function(&mut self) -> ir::FuncId {
        let id = ir::FuncId(self.functions.len() as u32);
        self.functions.push(None);
        id
    }

    pub(crate) fn error(&mut self, code: Code, span: Span, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::error(code, span, message));
    }

    pub(crate) fn report(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    pub(crate) fn unsupported(&mut self, span: Span, construct: &str) {
        self.diagnostics.push(Diagnostic::unsupported(span, construct));
    }

    pub(crate) fn class_info(&self, class: &ClassRef) -> Option<Arc<ClassInfo>> {
        self.classes.get(class).cloned()
    }

    pub(crate) fn ctx(&mut self) -> &mut FnCtx {
        // The stack is never empty while statements are checked; the fallback keeps the
        // function total.
        if self.fns.is_empty() {
            self.fns.push(FnCtx::module());
        }
        let last = self.fns.len() - 1;
        &mut self.fns[last]
    }

    pub(crate) fn ctx_ref(&self) -> Option<&FnCtx> {
        self.fns.last()
    }
}

fn placeholder_function() -> ir::Function {
    ir::Function {
        name: "<error>".into(),
        qualname: "<error>".into(),
        kind: ir::FunctionKind::Nested,
        class: None,
        parent: None,
        params: Vec::new(),
        ret: Type::None,
        locals: Vec::new(),
        free_vars: Vec::new(),
        body: Vec::new(),
        span: Span::new(0, 0),
    }
}
