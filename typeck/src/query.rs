//! Editor queries over a checked module: the type of the expression at an offset, and
//! where the name at an offset is defined. Both walk the IR (no extra tables are kept on
//! the checking fast path).

use smol_str::SmolStr;
use typhon_diagnostics::Span;

use crate::check::CheckedModule;
use crate::ir::{self, Arg, Callee, Capture, Expr, ExprKind, FuncId, NameRef, Stmt, StmtKind, Target};
use crate::types::{ClassRef, Type};

/// The innermost expression containing `offset`: its span and static type.
pub fn type_at(checked: &CheckedModule, offset: u32) -> Option<(Span, Type)> {
    let mut best: Option<(Span, Type)> = None;
    for function in &checked.ir.functions {
        let mut visit = |expr: &Expr, _: &ir::Function| {
            if expr.span.contains(offset) && !expr.ty.is_unknown() {
                let better = best.as_ref().is_none_or(|(span, _)| expr.span.len() <= span.len());
                if better {
                    best = Some((expr.span, expr.ty.clone()));
                }
            }
        };
        walk_function(function, &mut visit, &mut |_, _, _| {});
    }
    best
}

/// Where a name is defined.
#[derive(Clone, PartialEq, Debug)]
pub enum Definition {
    /// A local variable or parameter of a function of this module (the span of its first
    /// binding).
    Local {
        name: SmolStr,
        def_span: Span,
    },
    /// A global of this module.
    Global {
        name: SmolStr,
        def_span: Span,
    },
    /// A module-level function; `def_span` when it is in this module.
    Function {
        module: SmolStr,
        name: SmolStr,
        def_span: Option<Span>,
    },
    /// A class; `def_span` when it is in this module.
    Class {
        class: ClassRef,
        def_span: Option<Span>,
    },
    /// A global of another module.
    ModuleGlobal {
        module: SmolStr,
        name: SmolStr,
    },
    Module(SmolStr),
    Builtin(&'static str),
}

/// The definition of the name whose reference (or binding) contains `offset`.
pub fn definition_at(checked: &CheckedModule, offset: u32) -> Option<Definition> {
    let module = &checked.ir;
    let found: std::cell::RefCell<Option<(FuncId, NameRef)>> = std::cell::RefCell::new(None);
    for (idx, function) in module.functions.iter().enumerate() {
        let id = FuncId(idx as u32);
        let mut on_expr = |expr: &Expr, _: &ir::Function| match &expr.kind {
            ExprKind::Name(name) if expr.span.contains(offset) => *found.borrow_mut() = Some((id, name.clone())),
            ExprKind::Call(call) if call.callee_span.contains(offset) => {
                let name = match &call.callee {
                    Callee::Function(func) => Some(NameRef::Function(func.clone())),
                    Callee::NativeModuleFunction { module, name } => {
                        Some(NameRef::Function(ir::FuncRef { module: module.clone(), name: name.clone() }))
                    }
                    Callee::Constructor { class, .. } => Some(NameRef::Class(class.clone())),
                    Callee::Builtin { builtin, .. } => Some(NameRef::Builtin(*builtin)),
                    _ => None,
                };
                if let Some(name) = name {
                    *found.borrow_mut() = Some((id, name));
                }
            }
            _ => {}
        };
        let mut on_target = |name: &NameRef, span: Span, _: &ir::Function| {
            if span.contains(offset) {
                *found.borrow_mut() = Some((id, name.clone()));
            }
        };
        walk_function(function, &mut on_expr, &mut on_target);
        if found.borrow().is_some() {
            break;
        }
    }
    let (mut func, mut name) = found.into_inner()?;
    // Follow captured variables out to the function that owns them.
    for _ in 0..module.functions.len() {
        let NameRef::Free(free) = name else { break };
        let function = module.function(func)?;
        let var = function.free_vars.get(free.0 as usize)?;
        func = function.parent?;
        name = match var.from {
            Capture::Local(local) => NameRef::Local(local),
            Capture::Free(outer) => NameRef::Free(outer),
        };
    }
    Some(match name {
        NameRef::Local(local) => {
            let var = module.function(func)?.locals.get(local.0 as usize)?;
            Definition::Local { name: var.name.clone(), def_span: var.def_span }
        }
        NameRef::Free(_) => return None,
        NameRef::Global(global) => {
            let var = module.globals.get(global.0 as usize)?;
            Definition::Global { name: var.name.clone(), def_span: var.def_span }
        }
        NameRef::ModuleGlobal { module, name } => Definition::ModuleGlobal { module, name },
        NameRef::Function(func_ref) => {
            let def_span = if func_ref.module == module.name {
                module
                    .functions
                    .iter()
                    .find(|function| function.kind == ir::FunctionKind::TopLevel && function.name == func_ref.name)
                    .map(|function| function.span)
            } else {
                None
            };
            Definition::Function { module: func_ref.module, name: func_ref.name, def_span }
        }
        NameRef::Class(class) => {
            let def_span = module.classes.iter().find(|decl| decl.class == class).map(|decl| decl.span);
            Definition::Class { class, def_span }
        }
        NameRef::Builtin(builtin) => Definition::Builtin(builtin.name()),
        NameRef::Module(name) => Definition::Module(name),
    })
}

type ExprVisitor<'v> = dyn FnMut(&Expr, &ir::Function) + 'v;
type TargetVisitor<'v> = dyn FnMut(&NameRef, Span, &ir::Function) + 'v;

fn walk_function(function: &ir::Function, on_expr: &mut ExprVisitor<'_>, on_target: &mut TargetVisitor<'_>) {
    let mut walker = Walker { function, on_expr, on_target };
    walker.block(&function.body);
}

struct Walker<'w, 'v> {
    function: &'w ir::Function,
    on_expr: &'w mut ExprVisitor<'v>,
    on_target: &'w mut TargetVisitor<'v>,
}

impl Walker<'_, '_> {
    fn block(&mut self, body: &[Stmt]) {
        for item in body {
            self.stmt(item);
        }
    }

    fn stmt(&mut self, item: &Stmt) {
        match &item.kind {
            StmtKind::Expr(expr) => self.expr(expr),
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for target in targets {
                    self.target(target);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target);
                self.expr(value);
            }
            StmtKind::If { branches, orelse } => {
                for (test, body) in branches {
                    self.expr(test);
                    self.block(body);
                }
                self.block(orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test);
                self.block(body);
                self.block(orelse);
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(iter);
                self.target(target);
                self.block(body);
                self.block(orelse);
            }
            StmtKind::Return(value) => {
                if let Some(value) = value {
                    self.expr(value);
                }
            }
            StmtKind::DefFunction { defaults, target, .. } => {
                for default in defaults {
                    self.expr(default);
                }
                if let Some(target) = target {
                    self.target(target);
                }
            }
            StmtKind::Delete(targets) => {
                for target in targets {
                    self.target(target);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(msg) = msg {
                    self.expr(msg);
                }
            }
            StmtKind::Raise { exc, cause } => {
                for expr in [exc, cause].into_iter().flatten() {
                    self.expr(expr);
                }
            }
            StmtKind::Try(try_stmt) => {
                self.block(&try_stmt.body);
                for handler in &try_stmt.handlers {
                    if let Some(bind) = &handler.bind {
                        self.target(bind);
                    }
                    self.block(&handler.body);
                }
                self.block(&try_stmt.orelse);
                self.block(&try_stmt.finalbody);
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::DefClass(_) | StmtKind::Import { .. } | StmtKind::Pass => {
            }
        }
    }

    fn target(&mut self, target: &Target) {
        match target {
            Target::Name { name, span } => (self.on_target)(name, *span, self.function),
            Target::Field { obj, .. } => self.expr(obj),
            Target::ClassAttr { .. } => {}
            Target::Index { obj, index, .. } => {
                self.expr(obj);
                self.expr(index);
            }
            Target::Unpack { targets, .. } => {
                for target in targets {
                    self.target(target);
                }
            }
        }
    }

    fn expr(&mut self, expr: &Expr) {
        (self.on_expr)(expr, self.function);
        match &expr.kind {
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Bool(_) | ExprKind::None => {}
            ExprKind::Name(_) | ExprKind::ClassConstant { .. } | ExprKind::Lambda { .. } => {
                if let ExprKind::Lambda { defaults, .. } = &expr.kind {
                    for default in defaults {
                        self.expr(default);
                    }
                }
            }
            ExprKind::Field { obj, .. }
            | ExprKind::BuiltinMethodRef { obj, .. }
            | ExprKind::ClassConstantOf { obj, .. } => self.expr(obj),
            ExprKind::Method { obj, .. } => {
                if let Some(obj) = obj {
                    self.expr(obj);
                }
            }
            ExprKind::Call(call) => {
                match &call.callee {
                    Callee::Method { recv, .. }
                    | Callee::ClassMethod { recv, .. }
                    | Callee::BuiltinMethod { recv, .. }
                    | Callee::Indirect(recv) => self.expr(recv),
                    Callee::ConstructorOf { class_value, .. } => self.expr(class_value),
                    Callee::Super { self_value, .. } => self.expr(self_value),
                    Callee::StrFormat { recv, keywords } => {
                        self.expr(recv);
                        for (_, value) in keywords {
                            self.expr(value);
                        }
                    }
                    Callee::Builtin { keywords, .. } => {
                        for (_, value) in keywords {
                            self.expr(value);
                        }
                    }
                    _ => {}
                }
                for arg in &call.args {
                    if let Arg::Value(value) = arg {
                        self.expr(value);
                    }
                }
            }
            ExprKind::Index { obj, index, .. } => {
                self.expr(obj);
                self.expr(index);
            }
            ExprKind::Slice { obj, lower, upper, step } => {
                self.expr(obj);
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part);
                }
            }
            ExprKind::Unary { operand, .. } => self.expr(operand),
            ExprKind::Binary { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::And(values)
            | ExprKind::Or(values)
            | ExprKind::List(values)
            | ExprKind::Tuple(values)
            | ExprKind::Set(values) => {
                for value in values {
                    self.expr(value);
                }
            }
            ExprKind::Compare { left, comparisons } => {
                self.expr(left);
                for comparison in comparisons {
                    self.expr(&comparison.right);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict(pairs) => {
                for (key, value) in pairs {
                    self.expr(key);
                    self.expr(value);
                }
            }
            ExprKind::Comprehension(comprehension) => {
                for generator in &comprehension.generators {
                    self.expr(&generator.iter);
                    self.target(&generator.target);
                    for cond in &generator.ifs {
                        self.expr(cond);
                    }
                }
                self.expr(&comprehension.elt);
                if let Some(value) = &comprehension.value {
                    self.expr(value);
                }
            }
            ExprKind::FString(pieces) => self.pieces(pieces),
        }
    }

    fn pieces(&mut self, pieces: &[ir::FStringPiece]) {
        for piece in pieces {
            if let ir::FStringPiece::Field { expr, spec, .. } = piece {
                self.expr(expr);
                if let Some(spec) = spec {
                    self.pieces(spec);
                }
            }
        }
    }
}
