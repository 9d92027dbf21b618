//! Statements: assignments (inference from the first assignment, one type per variable),
//! control flow with narrowing, `return`, `raise`, `try`, definitions; and function bodies.

use std::sync::Arc;

use smol_str::SmolStr;
use typhon_diagnostics::{Code, Diagnostic, Span};
use typhon_parser::ast;

use super::narrow::Narrowings;
use super::scope::{BoundNames, CtxKind, FnCtx, NarrowKey};
use super::{Checker, ModBinding, PendingBody};
use crate::interface::{FuncSig, MethodKind};
use crate::ir::{self, ExprKind, NameRef, StmtKind, Target};
use crate::types::{ClassRef, Type};

fn stmt(kind: StmtKind, span: Span) -> ir::Stmt {
    ir::Stmt { kind, span }
}

/// `c` or `not c` for a variable `c`: its name, whether it is negated, and the type of
/// `c` there.
fn truth_name_test<'e>(test: &'e ast::Expr, checked: &ir::Expr) -> Option<(&'e str, bool, Type)> {
    let (name, negated) = match &test.kind {
        ast::ExprKind::Name(name) => (name, false),
        ast::ExprKind::Unary { op: ast::UnaryOp::Not, operand } => match &operand.kind {
            ast::ExprKind::Name(name) => (name, true),
            _ => return None,
        },
        _ => return None,
    };
    let operand_ty = match &checked.kind {
        ExprKind::Unary { operand, .. } if negated => &operand.ty,
        _ => &checked.ty,
    };
    Some((name.as_str(), negated, operand_ty.clone()))
}

/// Whether a test of `name` is always true once the earlier `tests` of the same `if` were
/// false, as mypy finds by narrowing to literals: after `if c:`, `not c` holds when `c` is
/// an int, str, bool or None (mypy narrows them to `0`, `""`, `False`); after `if not c:`,
/// `c` holds only for a bool (narrowed to `True`) or None.
fn test_exhausts(tests: &[(&str, bool, Type)], name: &str, negated: bool, ty: &Type) -> bool {
    let earlier = tests.iter().any(|(known, known_negated, _)| *known == name && *known_negated != negated);
    let literal_falsy = |member: &Type| matches!(member, Type::Int | Type::Bool | Type::Str | Type::None);
    let literal_truthy = |member: &Type| matches!(member, Type::Bool | Type::None);
    earlier
        && if negated {
            ty.members().iter().all(literal_falsy)
        } else {
            ty.members().iter().all(literal_truthy) && *ty != Type::None
        }
}

impl<'a> Checker<'a> {
    /// Checks a block; the flag says whether control can fall off its end.
    pub(crate) fn check_block(&mut self, body: &'a [ast::Stmt]) -> (ir::Block, bool) {
        let mut out = Vec::with_capacity(body.len());
        let mut falls = true;
        for item in body {
            let (lowered, item_falls) = self.check_stmt(item);
            out.extend(lowered);
            if !item_falls {
                falls = false;
            }
        }
        (out, falls)
    }

    fn check_stmt(&mut self, item: &'a ast::Stmt) -> (Option<ir::Stmt>, bool) {
        let span = item.span;
        let lowered = match &item.kind {
            ast::StmtKind::Error | ast::StmtKind::Pass => return (Some(stmt(StmtKind::Pass, span)), true),
            ast::StmtKind::Expr(expr) => {
                let value = self.check_expr(expr);
                let exits = matches!(&value.kind, ExprKind::Call(call)
                    if matches!(&call.callee, ir::Callee::NativeModuleFunction { module, name } if module == "sys" && name == "exit"));
                return (Some(stmt(StmtKind::Expr(value), span)), !exits);
            }
            ast::StmtKind::Assign { targets, value } => self.check_assign(targets, value, span),
            ast::StmtKind::AnnAssign { target, annotation, value } => {
                self.check_ann_assign(target, annotation, value.as_ref(), span)
            }
            ast::StmtKind::AugAssign { target, op, value } => self.check_aug_assign(target, *op, value, span),
            ast::StmtKind::If { branches, orelse } => return self.check_if(branches, orelse.as_deref(), span),
            ast::StmtKind::While { test, body, orelse } => {
                return self.check_while(test, body, orelse.as_deref(), span);
            }
            ast::StmtKind::For { target, iter, body, orelse } => {
                return self.check_for(target, iter, body, orelse.as_deref(), span);
            }
            ast::StmtKind::Break | ast::StmtKind::Continue => {
                if self.ctx().loop_depth == 0 {
                    let word = if matches!(item.kind, ast::StmtKind::Break) { "break" } else { "continue" };
                    self.error(Code::Misc, span, format!("\"{word}\" outside loop"));
                }
                let kind = if matches!(item.kind, ast::StmtKind::Break) { StmtKind::Break } else { StmtKind::Continue };
                return (Some(stmt(kind, span)), false);
            }
            ast::StmtKind::Return(value) => return (Some(self.check_return(value.as_ref(), span)), false),
            ast::StmtKind::FunctionDef(def) => self.check_def_stmt(def, span),
            ast::StmtKind::ClassDef(def) => {
                if self.ctx().kind != CtxKind::Module {
                    self.unsupported(def.name.span, "a class definition inside a function");
                    return (None, true);
                }
                match self.check_class_stmt(def) {
                    Some(id) => stmt(StmtKind::DefClass(id), span),
                    None => return (None, true),
                }
            }
            ast::StmtKind::Global(names) => {
                if self.ctx().kind != CtxKind::Module {
                    for name in names {
                        if !matches!(self.bindings.get(&name.name), Some(ModBinding::Global(_))) {
                            self.error(
                                Code::NameDefined,
                                name.span,
                                format!("Name \"{}\" is not defined at module level", name.name),
                            );
                        }
                    }
                }
                return (None, true);
            }
            ast::StmtKind::Nonlocal(names) => {
                for name in names {
                    let found = self
                        .fns
                        .iter()
                        .rev()
                        .skip(1)
                        .any(|outer| outer.kind != CtxKind::Module && outer.local(&name.name).is_some());
                    if !found {
                        self.error(Code::Misc, name.span, format!("No binding for nonlocal \"{}\" found", name.name));
                    }
                }
                return (None, true);
            }
            ast::StmtKind::Delete(targets) => {
                let mut out = Vec::with_capacity(targets.len());
                for target in targets {
                    match &target.kind {
                        ast::ExprKind::Subscript { value, index }
                            if !matches!(index.kind, ast::ExprKind::Slice { .. }) =>
                        {
                            let obj = self.check_expr(value);
                            let index_ir = self.check_expr(index);
                            let kind = match &obj.ty {
                                Type::List(_) => {
                                    if !index_ir.ty.is_int_like() && !index_ir.ty.is_unknown() {
                                        self.error(
                                            Code::Index,
                                            index.span,
                                            format!(
                                                "Invalid index type \"{}\" for \"{}\"; expected type \"int\"",
                                                index_ir.ty, obj.ty
                                            ),
                                        );
                                    }
                                    ir::IndexKind::List
                                }
                                Type::Dict(kv) => {
                                    if !self.is_assignable(&index_ir.ty, &kv.0) {
                                        self.error(
                                            Code::Index,
                                            index.span,
                                            format!(
                                                "Invalid index type \"{}\" for \"{}\"; expected type \"{}\"",
                                                index_ir.ty, obj.ty, kv.0
                                            ),
                                        );
                                    }
                                    ir::IndexKind::Dict
                                }
                                Type::Unknown => ir::IndexKind::List,
                                other => {
                                    self.error(
                                        Code::Index,
                                        value.span,
                                        format!("\"{other}\" does not support item deletion"),
                                    );
                                    continue;
                                }
                            };
                            out.push(Target::Index {
                                obj: Box::new(obj),
                                index: Box::new(index_ir),
                                kind,
                                span: target.span,
                            });
                        }
                        _ => self.unsupported(target.span, "\"del\" of anything but a list or dict item"),
                    }
                }
                stmt(StmtKind::Delete(out), span)
            }
            ast::StmtKind::Assert { test, msg } => {
                let test_ir = self.check_expr(test);
                let msg = msg.as_ref().map(|msg| self.check_expr(msg));
                let (when_true, _) = self.condition_narrowings(test);
                self.ctx().narrow.extend(when_true);
                // `assert False` always raises: it ends the path, as `raise` does.
                let falls = !matches!(test.kind, ast::ExprKind::Bool(false));
                return (Some(stmt(StmtKind::Assert { test: test_ir, msg }, span)), falls);
            }
            ast::StmtKind::Raise { exc, cause } => {
                let exc = exc.as_ref().map(|exc| self.check_exception_value(exc));
                let cause = cause.as_ref().map(|cause| self.check_exception_value(cause));
                return (Some(stmt(StmtKind::Raise { exc, cause }, span)), false);
            }
            ast::StmtKind::Try(try_stmt) => return self.check_try(try_stmt, span),
            ast::StmtKind::Import(aliases) => {
                if self.ctx().kind != CtxKind::Module {
                    self.unsupported(span, "an import inside a function");
                    return (None, true);
                }
                let modules: Vec<SmolStr> = aliases.iter().map(|alias| alias.name.dotted().into()).collect();
                return (self.import_stmts(modules, span), true);
            }
            ast::StmtKind::ImportFrom { level, module, names } => {
                if self.ctx().kind != CtxKind::Module {
                    self.unsupported(span, "an import inside a function");
                    return (None, true);
                }
                let dotted = module.as_ref().map(ast::DottedName::dotted);
                let base = crate::imports::resolve_relative(&self.module, self.is_package, *level, dotted.as_deref());
                let mut modules = Vec::new();
                if let Some(base) = base {
                    // `from pkg import sub` imports the submodule too.
                    for alias in names {
                        modules.push(SmolStr::from(format!("{base}.{}", alias.name.dotted())));
                    }
                    modules.insert(0, SmolStr::from(base));
                }
                // Imported variables are copied into this module's globals.
                let copies: Vec<(ir::GlobalId, SmolStr, SmolStr)> = names
                    .iter()
                    .filter_map(|alias| {
                        let bound =
                            alias.asname.as_ref().map_or_else(|| alias.name.dotted().into(), |a| a.name.clone());
                        match self.bindings.get(&bound) {
                            Some(ModBinding::Global(id)) => {
                                self.imported_vars.get(id).map(|(module, name)| (*id, module.clone(), name.clone()))
                            }
                            _ => None,
                        }
                    })
                    .collect();
                let import = self.import_stmts(modules, span);
                return match (import, copies.is_empty()) {
                    (import, true) => (import, true),
                    (Some(ir::Stmt { kind: StmtKind::Import { modules, .. }, span }), false) => {
                        (Some(stmt(StmtKind::Import { modules, copies }, span)), true)
                    }
                    (_, false) => (Some(stmt(StmtKind::Import { modules: Vec::new(), copies }, span)), true),
                };
            }
        };
        (Some(lowered), true)
    }

    fn import_stmts(&mut self, modules: Vec<SmolStr>, span: Span) -> Option<ir::Stmt> {
        let mut known: Vec<SmolStr> = Vec::new();
        for module in modules {
            if crate::builtins::is_builtin_module(&module) || !self.seen_imports.iter().any(|(seen, _)| *seen == module)
            {
                continue;
            }
            // Importing `a.b.c` initialises `a`, then `a.b`, then `a.b.c`, as CPython does;
            // a parent without a file (a namespace package) has no interface and no code.
            for (idx, _) in module.match_indices('.') {
                let parent = &module[..idx];
                if !known.iter().any(|seen| seen == parent) && self.input.imports.interface(parent).is_some() {
                    known.push(SmolStr::from(parent));
                }
            }
            if !known.contains(&module) {
                known.push(module);
            }
        }
        if known.is_empty() { None } else { Some(stmt(StmtKind::Import { modules: known, copies: Vec::new() }, span)) }
    }

    /// `raise X`: an exception instance or class.
    fn check_exception_value(&mut self, expr: &'a ast::Expr) -> ir::Expr {
        let value = self.check_expr(expr);
        let ok = match &value.ty {
            Type::Instance(class) | Type::ClassObj(class) => self.is_exception_class(class),
            Type::Unknown | Type::None => true,
            _ => false,
        };
        if !ok {
            self.error(Code::Misc, expr.span, "Exceptions must derive from BaseException");
        }
        value
    }

    // ----- assignments -----

    fn check_assign(&mut self, targets: &'a [ast::Expr], value: &'a ast::Expr, span: Span) -> ir::Stmt {
        let expected = targets.first().and_then(|target| self.target_type(target));
        let value_ir = self.check_expr_with(value, expected.as_ref());
        // mypy's rule: a variable whose value is (or holds) an empty collection needs an
        // annotation, unless the variable's type is already known.
        if expected.is_none() && value_ir.ty.contains_unknown() && super::expr::has_empty_display(value) {
            let hint = match &value_ir.ty {
                Type::Dict(_) => "annotate the variable, e.g. `d: dict[str, int] = {}`",
                Type::Set(_) => "annotate the variable, e.g. `s: set[int] = set()`",
                _ => "annotate the variable, e.g. `xs: list[int] = []`",
            };
            let name = match targets.first().map(|target| &target.kind) {
                Some(ast::ExprKind::Name(name)) => format!(" for \"{name}\""),
                _ => String::new(),
            };
            self.report(
                Diagnostic::error(Code::Misc, value.span, format!("Need type annotation{name}")).with_note(hint),
            );
        }
        let mut out = Vec::with_capacity(targets.len());
        for target in targets {
            out.push(self.bind_target(target, &value_ir.ty, value.span));
        }
        stmt(StmtKind::Assign { targets: out, value: value_ir }, span)
    }

    /// The declared type of an assignment target, if already known (for context typing).
    fn target_type(&mut self, target: &ast::Expr) -> Option<Type> {
        match &target.kind {
            ast::ExprKind::Name(name) => {
                let ctx = self.ctx_ref()?;
                if ctx.kind != CtxKind::Module
                    && !ctx.is_global_decl(name)
                    && let Some(id) = ctx.local(name)
                {
                    return ctx.locals[id.0 as usize].ty.clone();
                }
                match self.bindings.get(name.as_str()) {
                    Some(ModBinding::Global(id)) => self.globals.get(id.0 as usize)?.ty.clone(),
                    _ => None,
                }
            }
            ast::ExprKind::Attribute { value, attr } => {
                let ast::ExprKind::Name(_) = &value.kind else { return None };
                // Only cheap, silent lookups here: the target is checked for real later.
                let (root_ty, _) = self.silent_name_type(value)?;
                let Type::Instance(class) = root_ty else { return None };
                self.find_field(&class, &attr.name).map(|(_, field)| field.ty)
            }
            ast::ExprKind::Subscript { value, .. } => {
                let (ty, _) = self.silent_name_type(value)?;
                match ty {
                    Type::List(elem) => Some((*elem).clone()),
                    Type::Dict(kv) => Some(kv.1.clone()),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn silent_name_type(&self, expr: &ast::Expr) -> Option<(Type, ())> {
        let ast::ExprKind::Name(name) = &expr.kind else { return None };
        let ctx = self.ctx_ref()?;
        if let Some(id) = ctx.local(name) {
            return ctx.locals[id.0 as usize].ty.clone().map(|ty| (ty, ()));
        }
        if let Some(id) = ctx.free(name) {
            return Some((ctx.frees[id.0 as usize].ty.clone(), ()));
        }
        match self.bindings.get(name.as_str()) {
            Some(ModBinding::Global(id)) => self.globals.get(id.0 as usize)?.ty.clone().map(|ty| (ty, ())),
            _ => None,
        }
    }

    fn check_ann_assign(
        &mut self,
        target: &'a ast::Expr,
        annotation: &'a ast::Expr,
        value: Option<&'a ast::Expr>,
        span: Span,
    ) -> ir::Stmt {
        match &target.kind {
            ast::ExprKind::Name(name) => {
                // The declared type was resolved with the scope's names.
                let declared = self.target_type(target).unwrap_or_else(|| self.resolve_annotation(annotation));
                let Some(value) = value else {
                    return stmt(StmtKind::Pass, span);
                };
                let value_ir = self.check_expr_expect(value, &declared);
                let target_ir = self.assign_name(name, target.span, &value_ir.ty, value.span);
                stmt(StmtKind::Assign { targets: vec![target_ir], value: value_ir }, span)
            }
            ast::ExprKind::Attribute { .. } => {
                let declared = self.target_type(target);
                let Some(value) = value else {
                    return stmt(StmtKind::Pass, span);
                };
                let value_ir = match &declared {
                    Some(declared) => self.check_expr_expect(value, declared),
                    None => self.check_expr(value),
                };
                let target_ir = self.bind_target(target, &value_ir.ty, value.span);
                stmt(StmtKind::Assign { targets: vec![target_ir], value: value_ir }, span)
            }
            _ => {
                self.unsupported(target.span, "this annotated assignment target");
                stmt(StmtKind::Pass, span)
            }
        }
    }

    fn check_aug_assign(
        &mut self,
        target: &'a ast::Expr,
        op: ast::BinOp,
        value: &'a ast::Expr,
        span: Span,
    ) -> ir::Stmt {
        let current = self.check_expr(target);
        let value_ir = self.check_expr(value);
        let Some(bin) = super::ops::lower_binop(op) else {
            self.unsupported(span, "the \"@=\" operator");
            return stmt(StmtKind::Pass, span);
        };
        let literal = super::expr::literal_int(value);
        // `xs += ys` on a list extends in place: any iterable of the element type will do
        // (`xs += (3,)`, or `[1]` on a `list[float]`), as `list.__iadd__` takes an iterable.
        let extends_list = matches!((&current.ty, bin), (Type::List(_), ir::BinOp::Add))
            && self
                .accepts(&value_ir.ty, &super::methods::iterable_of(current.ty.iter_elem().unwrap_or(Type::Unknown)));
        let result = if extends_list {
            (ir::OpKind::ListConcat, current.ty.clone())
        } else {
            match self.binary_result(&current.ty, bin, &value_ir.ty, literal, span) {
                Some(result) => result,
                None => {
                    self.report_operator(op, &current.ty, &value_ir.ty, span);
                    (ir::OpKind::Numeric, Type::Unknown)
                }
            }
        };
        let result_ty = result.1.clone();
        let target_ir = match &target.kind {
            ast::ExprKind::Name(name) => self.assign_name(name, target.span, &result_ty, span),
            _ => self.target_from_load(current, &result_ty, span),
        };
        stmt(
            StmtKind::AugAssign { target: target_ir, op: ir::BinaryOp { op: bin, kind: result.0 }, value: value_ir },
            span,
        )
    }

    /// The store target for an augmented assignment, from the already checked load.
    fn target_from_load(&mut self, current: ir::Expr, result_ty: &Type, span: Span) -> Target {
        let target_ty = current.ty.clone();
        if !self.is_assignable(result_ty, &target_ty) {
            self.assignment_error(result_ty, &target_ty, span);
        }
        match current.kind {
            ExprKind::Field { obj, class, slot } => {
                self.check_frozen(&class, span);
                Target::Field { obj, class, slot, span: current.span }
            }
            ExprKind::ClassConstant { class, name } => Target::ClassAttr { class, name, span: current.span },
            // `Sub.name += 1` stores into `Sub`, whichever class the value came from.
            ExprKind::ClassConstantOf { obj, class, name } => {
                if matches!(obj.ty, Type::Instance(_)) {
                    // Python would create an instance attribute, which has no slot here.
                    self.unsupported(current.span, "assigning to a class-level constant through an instance");
                    return Target::Unpack { targets: Vec::new(), span: current.span };
                }
                let class = match obj.kind {
                    ExprKind::Name(NameRef::Class(named)) => named,
                    _ => class,
                };
                Target::ClassAttr { class, name, span: current.span }
            }
            ExprKind::Index { obj, index, kind } => {
                if matches!(kind, ir::IndexKind::Str | ir::IndexKind::Tuple) {
                    self.error(
                        Code::Index,
                        current.span,
                        format!("Unsupported target for indexed assignment (\"{}\")", obj.ty),
                    );
                }
                Target::Index { obj, index, kind, span: current.span }
            }
            _ => Target::Unpack { targets: Vec::new(), span: current.span },
        }
    }

    pub(crate) fn assignment_error(&mut self, value_ty: &Type, target_ty: &Type, span: Span) {
        if value_ty.is_unknown() || target_ty.is_unknown() {
            return;
        }
        self.error(
            Code::Assignment,
            span,
            format!("Incompatible types in assignment (expression has type \"{value_ty}\", variable has type \"{target_ty}\")"),
        );
    }

    pub(crate) fn require_assignable(&mut self, value: &ir::Expr, expected: &Type, _what: &str) {
        if !self.is_assignable(&value.ty, expected) {
            self.assignment_error(&value.ty.clone(), expected, value.span);
        }
    }

    /// Binds a target to a value of type `value_ty` (span of the value for errors).
    pub(crate) fn bind_target(&mut self, target: &'a ast::Expr, value_ty: &Type, value_span: Span) -> Target {
        match &target.kind {
            ast::ExprKind::Name(name) => self.assign_name(name, target.span, value_ty, value_span),
            ast::ExprKind::Attribute { value, attr } => {
                let obj = self.check_expr(value);
                let class = match &obj.ty {
                    Type::Instance(class) => class.clone(),
                    Type::Unknown => return Target::Unpack { targets: Vec::new(), span: target.span },
                    Type::ClassObj(class) => {
                        let class = class.clone();
                        return self.class_attr_target(&class, attr, value_ty, value_span, target.span);
                    }
                    Type::Module(module) => {
                        // LANGUAGE.md: no monkey-patching; a module changes its own globals.
                        if self.module_export(&module.clone(), &attr.name).is_some() {
                            self.unsupported(target.span, "assigning to an attribute of a module");
                        } else {
                            self.error(
                                Code::AttrDefined,
                                attr.span,
                                format!("Module \"{module}\" has no attribute \"{}\"", attr.name),
                            );
                        }
                        return Target::Unpack { targets: Vec::new(), span: target.span };
                    }
                    other => {
                        let code = if other.is_optional() { Code::UnionAttr } else { Code::AttrDefined };
                        self.error(code, attr.span, format!("\"{other}\" has no attribute \"{}\"", attr.name));
                        return Target::Unpack { targets: Vec::new(), span: target.span };
                    }
                };
                let Some((slot, field)) = self.find_field(&class, &attr.name) else {
                    let mut diagnostic = Diagnostic::error(
                        Code::AttrDefined,
                        attr.span,
                        format!("\"{class}\" has no attribute \"{}\"", attr.name),
                    );
                    if self.find_method(&class, &attr.name).is_none() {
                        diagnostic = diagnostic.with_note(format!(
                            "declare the field in the class body or with an annotation in __init__: `self.{}: T = ...`",
                            attr.name
                        ));
                    }
                    self.report(diagnostic);
                    return Target::Unpack { targets: Vec::new(), span: target.span };
                };
                self.check_frozen(&class, target.span);
                if !self.is_assignable(value_ty, &field.ty) {
                    self.assignment_error(value_ty, &field.ty, value_span);
                }
                if let Some(key) = self.ast_narrow_key(value, Some(&attr.name)) {
                    if let Some(path) = &key.path {
                        self.forget_path(&key.root, path);
                    }
                    if field.ty.is_optional() && self.is_assignable(value_ty, &field.ty) && *value_ty != field.ty {
                        self.ctx().narrow.push((key, value_ty.clone()));
                    }
                }
                Target::Field { obj: Box::new(obj), class, slot, span: target.span }
            }
            ast::ExprKind::Subscript { value, index } => {
                let obj = self.check_expr(value);
                if matches!(index.kind, ast::ExprKind::Slice { .. }) {
                    self.unsupported(index.span, "assignment to a slice");
                    return Target::Unpack { targets: Vec::new(), span: target.span };
                }
                let index_ir = self.check_expr(index);
                let (kind, elem) = match &obj.ty {
                    Type::List(elem) => {
                        if !index_ir.ty.is_int_like() && !index_ir.ty.is_unknown() {
                            self.error(
                                Code::Index,
                                index.span,
                                format!(
                                    "Invalid index type \"{}\" for \"{}\"; expected type \"int\"",
                                    index_ir.ty, obj.ty
                                ),
                            );
                        }
                        (ir::IndexKind::List, (**elem).clone())
                    }
                    Type::Dict(kv) => {
                        if !self.is_assignable(&index_ir.ty, &kv.0) {
                            self.error(
                                Code::Index,
                                index.span,
                                format!(
                                    "Invalid index type \"{}\" for \"{}\"; expected type \"{}\"",
                                    index_ir.ty, obj.ty, kv.0
                                ),
                            );
                        }
                        (ir::IndexKind::Dict, kv.1.clone())
                    }
                    Type::Instance(class) => match self.find_method(class, "__setitem__") {
                        Some((owner, method)) => {
                            let elem = method.sig.params.get(1).map_or(Type::Unknown, |param| param.ty.clone());
                            (ir::IndexKind::Dunder { class: owner }, elem)
                        }
                        None => {
                            self.error(
                                Code::Index,
                                value.span,
                                format!("Unsupported target for indexed assignment (\"{}\")", obj.ty),
                            );
                            return Target::Unpack { targets: Vec::new(), span: target.span };
                        }
                    },
                    Type::Unknown => (ir::IndexKind::List, Type::Unknown),
                    other => {
                        self.error(
                            Code::Index,
                            value.span,
                            format!("Unsupported target for indexed assignment (\"{other}\")"),
                        );
                        return Target::Unpack { targets: Vec::new(), span: target.span };
                    }
                };
                if !self.is_assignable(value_ty, &elem) {
                    self.assignment_error(value_ty, &elem, value_span);
                }
                Target::Index { obj: Box::new(obj), index: Box::new(index_ir), kind, span: target.span }
            }
            ast::ExprKind::Tuple(items) | ast::ExprKind::List(items) => {
                let types = self.unpack_types(value_ty, items.len(), value_span);
                let targets =
                    items.iter().zip(types).map(|(item, ty)| self.bind_target(item, &ty, value_span)).collect();
                Target::Unpack { targets, span: target.span }
            }
            ast::ExprKind::Error => Target::Unpack { targets: Vec::new(), span: target.span },
            _ => {
                self.error(Code::Misc, target.span, "Cannot assign to this expression");
                Target::Unpack { targets: Vec::new(), span: target.span }
            }
        }
    }

    /// `C.name = value`: a class constant or a class-body field default, owned by `C` or
    /// an ancestor.
    fn class_attr_target(
        &mut self,
        class: &ClassRef,
        attr: &ast::Ident,
        value_ty: &Type,
        value_span: Span,
        span: Span,
    ) -> Target {
        let found = self.find_constant(class, &attr.name).or_else(|| {
            self.chain(class).into_iter().find_map(|info| {
                info.field(&attr.name)
                    .filter(|field| field.has_default)
                    .map(|field| (info.class.clone(), field.ty.clone()))
            })
        });
        let Some((_, ty)) = found else {
            self.error(Code::AttrDefined, attr.span, format!("\"type[{class}]\" has no attribute \"{}\"", attr.name));
            return Target::Unpack { targets: Vec::new(), span };
        };
        if !self.is_assignable(value_ty, &ty) {
            self.assignment_error(value_ty, &ty, value_span);
        }
        // Stored into the class named (`Sub.name = v` leaves the base's value alone).
        Target::ClassAttr { class: class.clone(), name: attr.name.clone(), span }
    }

    fn check_frozen(&mut self, class: &ClassRef, span: Span) {
        let frozen = self.chain(class).iter().any(|info| info.dataclass.is_some_and(|flags| flags.frozen));
        if frozen {
            self.error(Code::Misc, span, format!("Cannot assign to a field of frozen dataclass \"{class}\""));
        }
    }

    /// Assigns to a plain name: the first assignment fixes an unannotated variable's type.
    pub(crate) fn assign_name(&mut self, name: &SmolStr, span: Span, value_ty: &Type, value_span: Span) -> Target {
        let Some(ctx) = self.ctx_ref() else { return Target::Unpack { targets: Vec::new(), span } };
        let module_level = ctx.kind == CtxKind::Module || ctx.is_global_decl(name);
        let nonlocal = ctx.nonlocal_names.iter().any(|known| known == name);
        if module_level {
            return match self.bindings.get(name).cloned() {
                Some(ModBinding::Global(id)) => {
                    let (declared, partial, annotated) = match self.globals.get(id.0 as usize) {
                        Some(global) => (global.ty.clone(), global.partial_none, global.annotated),
                        None => (None, false, false),
                    };
                    // LANGUAGE.md: a module variable that functions change (with `global`)
                    // must be annotated where it is defined.
                    if !annotated && self.ctx_ref().is_some_and(|ctx| ctx.kind != CtxKind::Module) {
                        let hint = declared.as_ref().map_or_else(|| "T".to_string(), Type::to_string);
                        self.report(
                            Diagnostic::error(
                                Code::Misc,
                                span,
                                format!("Module-level variable \"{name}\" is assigned in a function but not annotated"),
                            )
                            .with_note(format!("annotate its definition: `{name}: {hint} = ...`")),
                        );
                    }
                    if let Some((ty, partial)) = self.store_typed(declared.as_ref(), partial, value_ty, value_span)
                        && let Some(global) = self.globals.get_mut(id.0 as usize)
                    {
                        global.ty = Some(ty);
                        global.partial_none = partial;
                    }
                    let root = super::scope::NarrowRoot::Global(id.0);
                    self.after_store(root, declared.as_ref(), value_ty);
                    Target::Name { name: NameRef::Global(id), span }
                }
                Some(binding) => {
                    let what = match binding {
                        ModBinding::Function { .. } => "a function",
                        ModBinding::Class { .. } => "a class",
                        ModBinding::Module(_) => "a module",
                        _ => "an imported name",
                    };
                    self.error(Code::Misc, span, format!("Cannot assign to {what} (\"{name}\")"));
                    Target::Unpack { targets: Vec::new(), span }
                }
                None => {
                    self.error(Code::NameDefined, span, format!("Name \"{name}\" is not defined at module level"));
                    Target::Unpack { targets: Vec::new(), span }
                }
            };
        }
        if nonlocal {
            return match self.resolve_name(name, span) {
                Some((NameRef::Free(id), declared)) => {
                    if !self.is_assignable(value_ty, &declared) {
                        self.assignment_error(value_ty, &declared, value_span);
                    }
                    Target::Name { name: NameRef::Free(id), span }
                }
                _ => Target::Unpack { targets: Vec::new(), span },
            };
        }
        let Some(id) = self.ctx_ref().and_then(|ctx| ctx.local(name)) else {
            self.error(Code::NameDefined, span, format!("Name \"{name}\" is not defined"));
            return Target::Unpack { targets: Vec::new(), span };
        };
        let (declared, partial) = {
            let local = &self.ctx().locals[id.0 as usize];
            (local.ty.clone(), local.partial_none)
        };
        if let Some((ty, partial)) = self.store_typed(declared.as_ref(), partial, value_ty, value_span) {
            let local = &mut self.ctx().locals[id.0 as usize];
            local.ty = Some(ty);
            local.partial_none = partial;
        }
        self.after_store(super::scope::NarrowRoot::Local(id.0), declared.as_ref(), value_ty);
        Target::Name { name: NameRef::Local(id), span }
    }

    /// The new type of a variable after storing a `value_ty` into it, if it changes:
    /// the first assignment fixes an unannotated variable's type, and a variable whose
    /// first value was a bare `None` becomes `T | None` at its first other value (mypy's
    /// partial types, in their simplest form).
    fn store_typed(
        &mut self,
        declared: Option<&Type>,
        partial: bool,
        value_ty: &Type,
        value_span: Span,
    ) -> Option<(Type, bool)> {
        match declared {
            None => Some((value_ty.clone(), *value_ty == Type::None)),
            Some(Type::None) if partial && *value_ty != Type::None && !value_ty.is_unknown() => {
                Some((Type::optional(value_ty.clone()), false))
            }
            Some(declared) => {
                if !self.is_assignable(value_ty, declared) {
                    self.assignment_error(value_ty, declared, value_span);
                }
                None
            }
        }
    }

    fn after_store(&mut self, root: super::scope::NarrowRoot, declared: Option<&Type>, value_ty: &Type) {
        self.forget(&root);
        if let Some(declared) = declared
            && matches!(declared, Type::Union(_))
            && *value_ty != *declared
            && !value_ty.is_unknown()
            && self.is_assignable(value_ty, declared)
        {
            self.ctx().narrow.push((NarrowKey { root, path: None }, value_ty.clone()));
        }
    }

    // ----- control flow -----

    fn check_if(
        &mut self,
        branches: &'a [ast::IfBranch],
        orelse: Option<&'a [ast::Stmt]>,
        span: Span,
    ) -> (Option<ir::Stmt>, bool) {
        let saved: Narrowings = self.ctx().narrow.clone();
        let mut falses: Narrowings = Vec::new();
        let mut outs: Vec<Narrowings> = Vec::new();
        let mut lowered = Vec::with_capacity(branches.len());
        // Variables tested so far, with whether the test was negated: `if c:` then
        // `elif not c:` leaves nothing for later branches, as mypy finds by narrowing `c`
        // to its false values.
        let mut truth_tests: Vec<(&'a str, bool, Type)> = Vec::new();
        let mut exhausted = false;
        for branch in branches {
            self.ctx().narrow = saved.clone();
            self.ctx().narrow.extend(falses.iter().cloned());
            let test = self.check_expr(&branch.test);
            let (when_true, when_false) = self.condition_narrowings(&branch.test);
            self.ctx().narrow.extend(when_true);
            let (body, falls) = self.check_block(&branch.body);
            if falls && !exhausted {
                outs.push(self.ctx().narrow.clone());
            }
            falses.extend(when_false);
            if let Some((name, negated, ty)) = truth_name_test(&branch.test, &test) {
                exhausted |= test_exhausts(&truth_tests, name, negated, &ty);
                truth_tests.push((name, negated, ty));
            }
            lowered.push((test, body));
        }
        self.ctx().narrow = saved.clone();
        self.ctx().narrow.extend(falses);
        let orelse_ir = match orelse {
            Some(orelse) => {
                let (body, falls) = self.check_block(orelse);
                if falls && !exhausted {
                    outs.push(self.ctx().narrow.clone());
                }
                body
            }
            None => {
                if !exhausted {
                    outs.push(self.ctx().narrow.clone());
                }
                Vec::new()
            }
        };
        let falls = !outs.is_empty();
        self.ctx().narrow = if falls { self.merge_states(outs) } else { saved };
        (Some(stmt(StmtKind::If { branches: lowered, orelse: orelse_ir }, span)), falls)
    }

    /// The variable `name` means here, if it is a local of this function or a global of
    /// this module (what an `except ... as name` deletes when its handler ends).
    fn outer_variable(&self, name: &str, span: Span) -> Option<Target> {
        let ctx = self.ctx_ref()?;
        if let Some(id) = ctx.local(name) {
            return Some(Target::Name { name: NameRef::Local(id), span });
        }
        if (ctx.kind == CtxKind::Module || ctx.is_global_decl(name))
            && let Some(ModBinding::Global(id)) = self.bindings.get(name)
        {
            return Some(Target::Name { name: NameRef::Global(*id), span });
        }
        None
    }

    /// Drops narrowings of variables a loop body assigns (the loop may come back).
    fn forget_assigned(&mut self, body: &'a [ast::Stmt], target: Option<&'a ast::Expr>) {
        let mut names = Vec::new();
        super::scope::assigned_in(body, &mut names);
        if let Some(target) = target {
            collect_target_names(target, &mut names);
        }
        for name in names {
            let root = {
                let Some(ctx) = self.ctx_ref() else { return };
                if let Some(id) = ctx.local(&name) {
                    Some(super::scope::NarrowRoot::Local(id.0))
                } else {
                    match self.bindings.get(&name) {
                        Some(ModBinding::Global(id)) => Some(super::scope::NarrowRoot::Global(id.0)),
                        _ => None,
                    }
                }
            };
            if let Some(root) = root {
                self.forget(&root);
            }
        }
    }

    fn check_while(
        &mut self,
        test: &'a ast::Expr,
        body: &'a [ast::Stmt],
        orelse: Option<&'a [ast::Stmt]>,
        span: Span,
    ) -> (Option<ir::Stmt>, bool) {
        self.forget_assigned(body, None);
        let saved = self.ctx().narrow.clone();
        let test_ir = self.check_expr(test);
        let (when_true, when_false) = self.condition_narrowings(test);
        self.ctx().narrow.extend(when_true);
        self.ctx().loop_depth += 1;
        let (body_ir, _) = self.check_block(body);
        self.ctx().loop_depth -= 1;
        self.ctx().narrow = saved.clone();
        let infinite = always_true(test);
        let has_break = contains_break(body);
        // The test is false when the loop ends by itself (and the `else` runs), not
        // when a `break` leaves it.
        if !infinite {
            self.ctx().narrow.extend(when_false);
        }
        let (orelse_ir, else_falls) = match orelse {
            Some(orelse) => self.check_block(orelse),
            None => (Vec::new(), true),
        };
        if has_break {
            self.leave_loop_by_break(saved, orelse);
        }
        let falls = (!infinite && else_falls) || has_break;
        (Some(stmt(StmtKind::While { test: test_ir, body: body_ir, orelse: orelse_ir }, span)), falls)
    }

    fn check_for(
        &mut self,
        target: &'a ast::Expr,
        iter: &'a ast::Expr,
        body: &'a [ast::Stmt],
        orelse: Option<&'a [ast::Stmt]>,
        span: Span,
    ) -> (Option<ir::Stmt>, bool) {
        let iter_ir = match &iter.kind {
            ast::ExprKind::GeneratorExp { .. } => self.check_arg(iter, None),
            _ => self.check_expr(iter),
        };
        let (kind, elem) = self.iteration(&iter_ir, iter.span);
        self.forget_assigned(body, Some(target));
        let target_ir = self.bind_target(target, &elem, iter.span);
        let saved = self.ctx().narrow.clone();
        self.ctx().loop_depth += 1;
        let (body_ir, _) = self.check_block(body);
        self.ctx().loop_depth -= 1;
        self.ctx().narrow = saved.clone();
        let (orelse_ir, else_falls) = match orelse {
            Some(orelse) => self.check_block(orelse),
            None => (Vec::new(), true),
        };
        let has_break = contains_break(body);
        if has_break {
            self.leave_loop_by_break(saved, orelse);
        }
        (
            Some(stmt(
                StmtKind::For { target: target_ir, iter: iter_ir, kind, body: body_ir, orelse: orelse_ir },
                span,
            )),
            else_falls || has_break,
        )
    }

    /// The narrowings after a loop a `break` may leave: those from before the loop (the
    /// body's assignments were forgotten already), without the `else` block's
    /// assignments. What held at the `break` is not tracked, so nothing more is assumed.
    fn leave_loop_by_break(&mut self, before: Narrowings, orelse: Option<&'a [ast::Stmt]>) {
        self.ctx().narrow = before;
        if let Some(orelse) = orelse {
            self.forget_assigned(orelse, None);
        }
    }

    fn check_return(&mut self, value: Option<&'a ast::Expr>, span: Span) -> ir::Stmt {
        let (kind, ret) = match self.ctx_ref() {
            Some(ctx) => (ctx.kind, ctx.ret.clone()),
            None => (CtxKind::Module, Type::None),
        };
        if kind == CtxKind::Module {
            self.error(Code::Misc, span, "\"return\" outside function");
            return stmt(StmtKind::Pass, span);
        }
        let value_ir = value.map(|value| self.check_expr_expect(value, &ret));
        match &value_ir {
            Some(value_ir) => {
                if !self.is_assignable(&value_ir.ty, &ret) && !value_ir.ty.is_unknown() {
                    let message = if ret == Type::None {
                        "No return value expected".to_string()
                    } else {
                        format!("Incompatible return value type (got \"{}\", expected \"{ret}\")", value_ir.ty)
                    };
                    self.error(Code::ReturnValue, value_ir.span, message);
                }
            }
            None => {
                if ret != Type::None && !ret.is_unknown() && !self.is_assignable(&Type::None, &ret) {
                    self.error(Code::ReturnValue, span, "Return value expected");
                }
            }
        }
        stmt(StmtKind::Return(value_ir), span)
    }

    fn check_try(&mut self, try_stmt: &'a ast::Try, span: Span) -> (Option<ir::Stmt>, bool) {
        let saved = self.ctx().narrow.clone();
        let (body, body_falls) = self.check_block(&try_stmt.body);
        let mut falls = false;
        let orelse = match &try_stmt.orelse {
            Some(orelse) => {
                let (block, orelse_falls) = self.check_block(orelse);
                falls |= body_falls && orelse_falls;
                block
            }
            None => {
                falls |= body_falls;
                Vec::new()
            }
        };
        let mut handlers = Vec::with_capacity(try_stmt.handlers.len());
        for handler in &try_stmt.handlers {
            self.ctx().narrow = saved.clone();
            self.forget_assigned(&try_stmt.body, None);
            let mut classes: Vec<ClassRef> = Vec::new();
            if let Some(typ) = &handler.typ {
                self.exception_classes(typ, &mut classes);
            }
            // Each handler binds its name afresh, in a hidden slot visible only in its body
            // (CPython unbinds the name when the handler ends), so handlers of one function
            // may bind the same name to different exception types, as mypy allows.
            let deletes = handler.name.as_ref().and_then(|name| self.outer_variable(&name.name, name.span));
            let scope_mark = self.ctx().comp_names.len();
            let bind = handler.name.as_ref().map(|name| {
                let mut ty: Option<Type> = None;
                for class in &classes {
                    let one = Type::Instance(class.clone());
                    ty = Some(match ty {
                        None => one,
                        Some(prev) => self.join(&prev, &one),
                    });
                }
                let ty = ty.unwrap_or(Type::Unknown);
                let ctx = self.ctx();
                let id = ctx.add_comp_local(name.name.clone(), name.span);
                ctx.locals[id.0 as usize].ty = Some(ty);
                Target::Name { name: NameRef::Local(id), span: name.span }
            });
            let (body, handler_falls) = self.check_block(&handler.body);
            self.ctx().comp_names.truncate(scope_mark);
            falls |= handler_falls;
            handlers.push(ir::Handler { classes, bind, deletes, body, span: handler.span });
        }
        self.ctx().narrow = saved;
        self.forget_assigned(&try_stmt.body, None);
        for handler in &try_stmt.handlers {
            self.forget_assigned(&handler.body, None);
        }
        let finalbody = match &try_stmt.finalbody {
            Some(finalbody) => {
                let (block, final_falls) = self.check_block(finalbody);
                if !final_falls {
                    falls = false;
                }
                block
            }
            None => Vec::new(),
        };
        let lowered = ir::TryStmt { body, handlers, orelse, finalbody };
        (Some(stmt(StmtKind::Try(Box::new(lowered)), span)), falls)
    }

    fn exception_classes(&mut self, typ: &'a ast::Expr, out: &mut Vec<ClassRef>) {
        if let ast::ExprKind::Tuple(items) = &typ.kind {
            for item in items {
                self.exception_classes(item, out);
            }
            return;
        }
        let value = self.check_expr(typ);
        match &value.ty {
            Type::ClassObj(class) if self.is_exception_class(class) => out.push(class.clone()),
            Type::Unknown => {}
            _ => self.error(Code::Misc, typ.span, "Exception type must be derived from BaseException"),
        }
    }

    // ----- definitions -----

    /// Checks the defaults of a `def` against the parameter types.
    pub(crate) fn check_defaults(&mut self, def: &'a ast::FunctionDef, id: ir::FuncId) -> Vec<ir::Expr> {
        let sig = self.func_sigs.get(&id).cloned();
        let mut out = Vec::new();
        for param in def.params.params.iter().chain(&def.params.kwonly) {
            let Some(default) = &param.default else { continue };
            let ty = sig
                .as_ref()
                .and_then(|sig| sig.params.iter().find(|known| known.name == param.name.name))
                .map_or(Type::Unknown, |known| known.ty.clone());
            let value = self.check_expr_expect(default, &ty);
            if !self.is_assignable(&value.ty, &ty) && !value.ty.is_unknown() {
                self.error(
                    Code::Assignment,
                    default.span,
                    format!(
                        "Incompatible default for argument \"{}\" (default has type \"{}\", argument has type \"{ty}\")",
                        param.name.name, value.ty
                    ),
                );
            }
            out.push(value);
        }
        out
    }

    fn check_def_stmt(&mut self, def: &'a ast::FunctionDef, span: Span) -> ir::Stmt {
        if self.ctx().kind == CtxKind::Module {
            let id = match self.bindings.get(&def.name.name) {
                Some(ModBinding::Function { id: Some(id), .. }) => *id,
                _ => return stmt(StmtKind::Pass, span),
            };
            let defaults = self.check_defaults(def, id);
            return stmt(StmtKind::DefFunction { func: id, defaults, target: None }, span);
        }
        if !def.decorators.is_empty() {
            self.unsupported(def.decorators[0].span, "a decorator on a nested function");
        }
        let (sig, spans) = self.resolve_signature(def, false);
        let id = self.alloc_function();
        self.param_spans.insert(id, spans);
        let sig = Arc::new(sig);
        self.func_sigs.insert(id, sig.clone());
        let defaults = self.check_defaults(def, id);
        let target = self.assign_name(&def.name.name, def.name.span, &sig.as_callable(), def.name.span);
        let depth = self.fns.len();
        self.nested_pending.push((depth, PendingBody { def, id, class: None }));
        stmt(StmtKind::DefFunction { func: id, defaults, target: Some(target) }, span)
    }

    /// Checks the body of a function (top-level, method or nested) into `functions[id]`.
    pub(crate) fn check_function_body(
        &mut self,
        def: &'a ast::FunctionDef,
        id: ir::FuncId,
        class: Option<ClassRef>,
        _outer: Option<()>,
    ) {
        let sig = self
            .func_sigs
            .get(&id)
            .cloned()
            .unwrap_or_else(|| Arc::new(FuncSig { params: Vec::new(), ret: Type::Unknown }));
        let method_kind =
            class.as_ref().map(|_| {
                if def.decorators.iter().any(
                    |decorator| matches!(&decorator.expr.kind, ast::ExprKind::Name(name) if name == "staticmethod"),
                ) {
                    MethodKind::Static
                } else if def
                    .decorators
                    .iter()
                    .any(|decorator| matches!(&decorator.expr.kind, ast::ExprKind::Name(name) if name == "classmethod"))
                {
                    MethodKind::Class
                } else {
                    MethodKind::Instance
                }
            });
        let qualname = match &class {
            Some(class) => format!("{}.{}", class.name(), def.name.name),
            None => format!("{}{}", self.qualname_prefix(), def.name.name),
        };
        let parent = self.fns.last().and_then(|ctx| ctx.func);
        let mut ctx = FnCtx::new(CtxKind::Function, Some(id), sig.ret.clone(), qualname.clone());
        ctx.class = class.clone();
        ctx.method_kind = method_kind;
        let mut params = Vec::new();
        let mut sig_params = sig.params.iter();
        let all_params = def
            .params
            .params
            .iter()
            .map(|param| (param, false))
            .chain(def.params.kwonly.iter().map(|param| (param, true)));
        for (idx, (param, keyword_only)) in all_params.enumerate() {
            let implicit = match (&class, method_kind, idx) {
                (Some(class), Some(MethodKind::Instance), 0) => Some(Type::Instance(class.clone())),
                (Some(class), Some(MethodKind::Class), 0) => Some(Type::ClassObj(class.clone())),
                _ => None,
            };
            let ty = match implicit {
                Some(ty) => ty,
                None => sig_params.next().map_or(Type::Unknown, |known| known.ty.clone()),
            };
            if ctx.names.contains_key(&param.name.name) {
                self.error(
                    Code::Misc,
                    param.name.span,
                    format!("Duplicate argument \"{}\" in function definition", param.name.name),
                );
            }
            ctx.add_local(param.name.name.clone(), Some(ty.clone()), param.name.span);
            params.push(ir::Param {
                name: param.name.name.clone(),
                ty,
                keyword_only,
                has_default: param.default.is_some(),
                span: param.span,
            });
        }
        let bound = BoundNames::collect(&def.body);
        ctx.global_names = bound.globals;
        ctx.nonlocal_names = bound.nonlocals.into_iter().map(|(name, _)| name).collect();
        let mut annotations: Vec<(SmolStr, Span, &'a ast::Expr)> = Vec::new();
        for (name, span, annotation) in bound.names {
            if ctx.names.contains_key(&name) || ctx.is_global_decl(&name) || ctx.nonlocal_names.contains(&name) {
                if let Some(annotation) = annotation
                    && let Some(id) = ctx.names.get(&name)
                    && (id.0 as usize) < params.len()
                {
                    let _ = annotation;
                    self.error(Code::Misc, span, format!("Name \"{name}\" already defined (as a parameter)"));
                }
                continue;
            }
            match annotation {
                Some(annotation) => annotations.push((name.clone(), span, annotation)),
                None => {
                    ctx.add_local(name, None, span);
                }
            }
        }
        self.fns.push(ctx);
        for (name, span, annotation) in annotations {
            let ty = self.resolve_annotation(annotation);
            self.ctx().add_local(name, Some(ty), span);
        }
        let (body, falls) = self.check_block(&def.body);
        if falls && sig.ret != Type::None && !sig.ret.is_unknown() && !self.is_assignable(&Type::None, &sig.ret) {
            self.error(Code::ReturnValue, def.name.span, "Missing return statement");
        }
        // Nested functions see the final types of what they capture.
        let depth = self.fns.len();
        while let Some(pos) = self.nested_pending.iter().position(|(level, _)| *level == depth) {
            let (_, pending) = self.nested_pending.remove(pos);
            self.check_function_body(pending.def, pending.id, None, None);
        }
        let Some(ctx) = self.fns.pop() else { return };
        let free_vars = ctx.frees.clone();
        let kind = match (&class, method_kind) {
            (Some(_), Some(kind)) => ir::FunctionKind::Method(kind),
            _ if depth == 1 => ir::FunctionKind::TopLevel,
            _ => ir::FunctionKind::Nested,
        };
        let locals = ctx.finish_locals();
        if let Some(slot) = self.functions.get_mut(id.0 as usize) {
            *slot = Some(ir::Function {
                name: def.name.name.clone(),
                qualname,
                kind,
                class,
                parent,
                params,
                ret: sig.ret.clone(),
                locals,
                free_vars,
                body,
                span: def.name.span,
            });
        }
    }
}

fn collect_target_names(target: &ast::Expr, out: &mut Vec<SmolStr>) {
    match &target.kind {
        ast::ExprKind::Name(name) => out.push(name.clone()),
        ast::ExprKind::Tuple(items) | ast::ExprKind::List(items) => {
            for item in items {
                collect_target_names(item, out);
            }
        }
        _ => {}
    }
}

/// Whether a loop test is a constant true (`while True:`, `while 1:`): the loop ends only
/// by `break`, `return` or an exception.
fn always_true(test: &ast::Expr) -> bool {
    match &test.kind {
        ast::ExprKind::Bool(value) => *value,
        ast::ExprKind::Int(value) => !matches!(value, ast::IntValue::Small(0)),
        _ => false,
    }
}

/// Whether a loop body contains a `break` that belongs to this loop.
fn contains_break(body: &[ast::Stmt]) -> bool {
    body.iter().any(|item| match &item.kind {
        ast::StmtKind::Break => true,
        ast::StmtKind::If { branches, orelse } => {
            branches.iter().any(|branch| contains_break(&branch.body)) || orelse.as_deref().is_some_and(contains_break)
        }
        ast::StmtKind::Try(try_stmt) => {
            contains_break(&try_stmt.body)
                || try_stmt.handlers.iter().any(|handler| contains_break(&handler.body))
                || try_stmt.orelse.as_deref().is_some_and(contains_break)
                || try_stmt.finalbody.as_deref().is_some_and(contains_break)
        }
        _ => false,
    })
}
