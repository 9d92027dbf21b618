//! Function contexts: the locals of one function (Python's rule: a name assigned anywhere
//! in a function is local to all of it), comprehension scopes, closures and narrowing.

use std::collections::HashMap;

use smol_str::SmolStr;
use typhon_diagnostics::Span;
use typhon_parser::ast;

use crate::interface::MethodKind;
use crate::ir::{self, FreeId, FuncId, LocalId};
use crate::types::{ClassRef, Type};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum CtxKind {
    Module,
    Function,
    Lambda,
}

pub(crate) struct LocalState {
    pub name: SmolStr,
    /// Known from an annotation (set up front) or from the first assignment.
    pub ty: Option<Type>,
    pub captured: bool,
    pub def_span: Span,
    /// The only value so far was a bare `None` (the type may still widen to `T | None`).
    pub partial_none: bool,
}

/// What a narrowing is about: a variable, or an attribute path from a variable
/// (`self.head`, `node.next.next`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) enum NarrowRoot {
    Local(u32),
    Free(u32),
    Global(u32),
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct NarrowKey {
    pub root: NarrowRoot,
    /// The attributes after the root, joined with dots (`None` for the variable itself).
    pub path: Option<SmolStr>,
}

pub(crate) struct FnCtx {
    pub kind: CtxKind,
    pub func: Option<FuncId>,
    pub locals: Vec<LocalState>,
    pub names: HashMap<SmolStr, LocalId>,
    /// Comprehension variables in scope, innermost last (they shadow everything).
    pub comp_names: Vec<(SmolStr, LocalId)>,
    pub global_names: Vec<SmolStr>,
    pub nonlocal_names: Vec<SmolStr>,
    pub frees: Vec<ir::FreeVar>,
    pub ret: Type,
    pub narrow: Vec<(NarrowKey, Type)>,
    pub class: Option<ClassRef>,
    pub method_kind: Option<MethodKind>,
    pub loop_depth: u32,
    pub qualname: String,
}

impl FnCtx {
    pub(crate) fn module() -> FnCtx {
        FnCtx::new(CtxKind::Module, None, Type::None, String::new())
    }

    pub(crate) fn new(kind: CtxKind, func: Option<FuncId>, ret: Type, qualname: String) -> FnCtx {
        FnCtx {
            kind,
            func,
            locals: Vec::new(),
            names: HashMap::new(),
            comp_names: Vec::new(),
            global_names: Vec::new(),
            nonlocal_names: Vec::new(),
            frees: Vec::new(),
            ret,
            narrow: Vec::new(),
            class: None,
            method_kind: None,
            loop_depth: 0,
            qualname,
        }
    }

    pub(crate) fn add_local(&mut self, name: SmolStr, ty: Option<Type>, def_span: Span) -> LocalId {
        let id = LocalId(self.locals.len() as u32);
        self.locals.push(LocalState { name: name.clone(), ty, captured: false, def_span, partial_none: false });
        self.names.insert(name, id);
        id
    }

    /// A hidden local for a comprehension variable (not visible by name outside).
    pub(crate) fn add_comp_local(&mut self, name: SmolStr, def_span: Span) -> LocalId {
        let id = LocalId(self.locals.len() as u32);
        self.locals.push(LocalState { name: name.clone(), ty: None, captured: false, def_span, partial_none: false });
        self.comp_names.push((name, id));
        id
    }

    /// The local a name refers to in this function (comprehension variables first).
    pub(crate) fn local(&self, name: &str) -> Option<LocalId> {
        if let Some((_, id)) = self.comp_names.iter().rev().find(|(comp, _)| comp == name) {
            return Some(*id);
        }
        if self.kind == CtxKind::Module {
            return None;
        }
        self.names.get(name).copied()
    }

    pub(crate) fn free(&self, name: &str) -> Option<FreeId> {
        self.frees.iter().position(|free| free.name == name).map(|idx| FreeId(idx as u32))
    }

    pub(crate) fn is_global_decl(&self, name: &str) -> bool {
        self.global_names.iter().any(|global| global == name)
    }

    pub(crate) fn finish_locals(self) -> Vec<ir::Local> {
        self.locals
            .into_iter()
            .map(|local| ir::Local {
                name: local.name,
                ty: local.ty.unwrap_or(Type::Unknown),
                captured: local.captured,
                def_span: local.def_span,
            })
            .collect()
    }
}

/// The names a function body binds, in order of first binding, with the first annotation
/// of each (nested functions, lambdas and comprehensions are not entered: they have their
/// own scopes).
#[derive(Default)]
pub(crate) struct BoundNames<'a> {
    pub names: Vec<(SmolStr, Span, Option<&'a ast::Expr>)>,
    pub globals: Vec<SmolStr>,
    pub nonlocals: Vec<(SmolStr, Span)>,
}

impl<'a> BoundNames<'a> {
    pub(crate) fn collect(body: &'a [ast::Stmt]) -> BoundNames<'a> {
        let mut bound = BoundNames::default();
        bound.block(body);
        bound
    }

    fn bind(&mut self, name: &SmolStr, span: Span, annotation: Option<&'a ast::Expr>) {
        if let Some(entry) = self.names.iter_mut().find(|(existing, _, _)| existing == name) {
            if entry.2.is_none() {
                entry.2 = annotation;
            }
            return;
        }
        self.names.push((name.clone(), span, annotation));
    }

    fn target(&mut self, target: &'a ast::Expr) {
        match &target.kind {
            ast::ExprKind::Name(name) => self.bind(name, target.span, None),
            ast::ExprKind::Tuple(items) | ast::ExprKind::List(items) => {
                for item in items {
                    self.target(item);
                }
            }
            _ => {}
        }
    }

    fn block(&mut self, body: &'a [ast::Stmt]) {
        for stmt in body {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &'a ast::Stmt) {
        match &stmt.kind {
            ast::StmtKind::Assign { targets, .. } => {
                for target in targets {
                    self.target(target);
                }
            }
            ast::StmtKind::AnnAssign { target, annotation, .. } => {
                if let ast::ExprKind::Name(name) = &target.kind {
                    self.bind(name, target.span, Some(annotation));
                }
            }
            ast::StmtKind::AugAssign { target, .. } => self.target(target),
            ast::StmtKind::If { branches, orelse } => {
                for branch in branches {
                    self.block(&branch.body);
                }
                if let Some(orelse) = orelse {
                    self.block(orelse);
                }
            }
            ast::StmtKind::While { body, orelse, .. } => {
                self.block(body);
                if let Some(orelse) = orelse {
                    self.block(orelse);
                }
            }
            ast::StmtKind::For { target, body, orelse, .. } => {
                self.target(target);
                self.block(body);
                if let Some(orelse) = orelse {
                    self.block(orelse);
                }
            }
            ast::StmtKind::FunctionDef(def) => self.bind(&def.name.name, def.name.span, None),
            ast::StmtKind::ClassDef(def) => self.bind(&def.name.name, def.name.span, None),
            ast::StmtKind::Global(names) => {
                for name in names {
                    self.globals.push(name.name.clone());
                }
            }
            ast::StmtKind::Nonlocal(names) => {
                for name in names {
                    self.nonlocals.push((name.name.clone(), name.span));
                }
            }
            ast::StmtKind::Try(try_stmt) => {
                self.block(&try_stmt.body);
                // `except E as e` binds `e` in a slot of the handler's own (see
                // `check_try`), not as a variable of the function.
                for handler in &try_stmt.handlers {
                    self.block(&handler.body);
                }
                if let Some(orelse) = &try_stmt.orelse {
                    self.block(orelse);
                }
                if let Some(finalbody) = &try_stmt.finalbody {
                    self.block(finalbody);
                }
            }
            ast::StmtKind::Import(aliases) | ast::StmtKind::ImportFrom { names: aliases, .. } => {
                for alias in aliases {
                    let bound = match &alias.asname {
                        Some(asname) => Some((&asname.name, asname.span)),
                        None => alias.name.parts.first().map(|part| (&part.name, part.span)),
                    };
                    if let Some((name, span)) = bound {
                        self.bind(name, span, None);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Names assigned (as plain names) anywhere in a block, for dropping narrowings at the
/// head of a loop.
pub(crate) fn assigned_in(body: &[ast::Stmt], out: &mut Vec<SmolStr>) {
    let bound = BoundNames::collect(body);
    out.extend(bound.names.into_iter().map(|(name, _, _)| name));
}
