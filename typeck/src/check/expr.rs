//! Expressions: names (with closures), attributes, subscripts, displays, comprehensions,
//! lambdas, f-strings and conditional expressions. Calls are in `call.rs`, operators in
//! `ops.rs`.

use smol_str::SmolStr;
use typhon_diagnostics::{Code, Diagnostic, Span};
use typhon_parser::ast;

use super::scope::{CtxKind, NarrowKey, NarrowRoot};
use super::{Checker, ModBinding};
use crate::builtins::Builtin;
use crate::interface::{Export, MethodKind};
use crate::ir::{self, Capture, ExprKind, FreeId, NameRef};
use crate::types::{ClassRef, Type, ViewKind};

pub(crate) fn mk(kind: ExprKind, ty: Type, span: Span) -> ir::Expr {
    ir::Expr { kind, ty, span }
}

/// An expression standing for something already reported.
pub(crate) fn error_expr(span: Span) -> ir::Expr {
    mk(ExprKind::None, Type::Unknown, span)
}

impl<'a> Checker<'a> {
    pub(crate) fn check_expr(&mut self, expr: &'a ast::Expr) -> ir::Expr {
        self.check_expr_with(expr, None)
    }

    pub(crate) fn check_expr_expect(&mut self, expr: &'a ast::Expr, expected: &Type) -> ir::Expr {
        self.check_expr_with(expr, Some(expected))
    }

    /// `expected` is the type the context wants (an annotation, a parameter): empty
    /// displays and lambdas take their types from it, displays check items against it.
    pub(crate) fn check_expr_with(&mut self, expr: &'a ast::Expr, expected: Option<&Type>) -> ir::Expr {
        // Every arm that recurses calls a method of its own, so this frame (which is on
        // the stack once per level of expression nesting) stays small.
        let span = expr.span;
        match &expr.kind {
            ast::ExprKind::Error => error_expr(span),
            ast::ExprKind::Int(value) => mk(ExprKind::Int(value.clone()), Type::Int, span),
            ast::ExprKind::Float(value) => mk(ExprKind::Float(*value), Type::Float, span),
            ast::ExprKind::Str(text) => mk(ExprKind::Str(text.clone()), Type::Str, span),
            ast::ExprKind::Bool(value) => mk(ExprKind::Bool(*value), Type::Bool, span),
            ast::ExprKind::NoneLit => mk(ExprKind::None, Type::None, span),
            ast::ExprKind::Name(name) => self.check_name(name, span),
            ast::ExprKind::Attribute { value, attr } => self.check_attribute(value, attr, span),
            ast::ExprKind::Call { func, args, keywords } => self.check_call(func, args, keywords, span, expected),
            ast::ExprKind::Subscript { value, index } => self.check_subscript(value, index, span),
            ast::ExprKind::Unary { op, operand } => self.check_unary(*op, operand, span),
            ast::ExprKind::Binary { left, op, right } => self.check_binary(left, *op, right, span, expected),
            ast::ExprKind::BoolOp { op, values } => self.check_boolop(*op, values, span, expected),
            ast::ExprKind::Compare { left, comparisons } => self.check_compare(left, comparisons, span),
            ast::ExprKind::IfExp { test, body, orelse } => self.check_ifexp(test, body, orelse, span, expected),
            ast::ExprKind::Lambda { params, body } => self.check_lambda(params, body, span, expected),
            ast::ExprKind::List(items) => self.check_list(items, span, expected),
            ast::ExprKind::Set(items) => self.check_set(items, span, expected),
            ast::ExprKind::Tuple(items) => self.check_tuple(items, span, expected),
            ast::ExprKind::Dict(pairs) => self.check_dict_display(pairs, span, expected),
            ast::ExprKind::ListComp { elt, generators } => {
                self.check_comprehension(ir::ComprehensionKind::List, elt, None, generators, span, expected)
            }
            ast::ExprKind::SetComp { elt, generators } => {
                self.check_comprehension(ir::ComprehensionKind::Set, elt, None, generators, span, expected)
            }
            ast::ExprKind::DictComp { key, value, generators } => {
                self.check_comprehension(ir::ComprehensionKind::Dict, key, Some(value), generators, span, expected)
            }
            ast::ExprKind::FString(parts) => self.check_fstring_expr(parts, span),
            ast::ExprKind::Ellipsis | ast::ExprKind::Slice { .. } | ast::ExprKind::GeneratorExp { .. } => {
                self.misplaced(expr)
            }
        }
    }

    #[inline(never)]
    fn misplaced(&mut self, expr: &ast::Expr) -> ir::Expr {
        match &expr.kind {
            ast::ExprKind::Ellipsis => self.unsupported(expr.span, "\"...\" as a value"),
            ast::ExprKind::Slice { .. } => self.error(Code::Misc, expr.span, "Slice expression outside a subscript"),
            _ => self.unsupported(expr.span, "a generator expression outside a call argument"),
        }
        error_expr(expr.span)
    }

    #[inline(never)]
    fn check_fstring_expr(&mut self, parts: &'a [ast::FStringPart], span: Span) -> ir::Expr {
        let pieces = self.check_fstring(parts);
        mk(ExprKind::FString(pieces), Type::Str, span)
    }

    #[inline(never)]
    fn check_ifexp(
        &mut self,
        test: &'a ast::Expr,
        body: &'a ast::Expr,
        orelse: &'a ast::Expr,
        span: Span,
        expected: Option<&Type>,
    ) -> ir::Expr {
        let test_ir = self.check_expr(test);
        let (when_true, when_false) = self.condition_narrowings(test);
        let saved = self.ctx().narrow.len();
        self.ctx().narrow.extend(when_true);
        let body = self.check_expr_with(body, expected);
        self.ctx().narrow.truncate(saved);
        self.ctx().narrow.extend(when_false);
        let orelse = self.check_expr_with(orelse, expected);
        self.ctx().narrow.truncate(saved);
        let ty = self.join(&body.ty, &orelse.ty);
        mk(ExprKind::IfExp { test: Box::new(test_ir), body: Box::new(body), orelse: Box::new(orelse) }, ty, span)
    }

    #[inline(never)]
    fn check_list(&mut self, items: &'a [ast::Expr], span: Span, expected: Option<&Type>) -> ir::Expr {
        let want = match expected {
            Some(Type::List(elem)) => Some((**elem).clone()),
            _ => None,
        };
        let (items, elem) = self.check_items(items, want.as_ref(), "List");
        mk(ExprKind::List(items), Type::list(elem), span)
    }

    #[inline(never)]
    fn check_set(&mut self, items: &'a [ast::Expr], span: Span, expected: Option<&Type>) -> ir::Expr {
        let want = match expected {
            Some(Type::Set(elem)) => Some((**elem).clone()),
            _ => None,
        };
        let (items, elem) = self.check_items(items, want.as_ref(), "Set");
        self.check_hashable(&elem, span, "set element");
        mk(ExprKind::Set(items), Type::set(elem), span)
    }

    #[inline(never)]
    fn check_tuple(&mut self, items: &'a [ast::Expr], span: Span, expected: Option<&Type>) -> ir::Expr {
        let wants: Option<Vec<Type>> = match expected {
            Some(Type::Tuple(wants)) if wants.len() == items.len() => Some(wants.to_vec()),
            Some(Type::TupleOf(elem)) => Some(vec![(**elem).clone(); items.len()]),
            _ => None,
        };
        let mut out = Vec::with_capacity(items.len());
        let mut types = Vec::with_capacity(items.len());
        for (idx, item) in items.iter().enumerate() {
            let item = match wants.as_ref().and_then(|wants| wants.get(idx)) {
                Some(want) => self.check_expr_expect(item, want),
                None => self.check_expr(item),
            };
            types.push(item.ty.clone());
            out.push(item);
        }
        mk(ExprKind::Tuple(out), Type::tuple(types), span)
    }

    /// Items of a list or set display: each checked against the expected element type,
    /// or joined when there is none.
    fn check_items(&mut self, items: &'a [ast::Expr], want: Option<&Type>, what: &str) -> (Vec<ir::Expr>, Type) {
        if want.is_none() && items.iter().any(has_empty_display) {
            return self.check_items_deferred(items);
        }
        let mut out = Vec::with_capacity(items.len());
        let mut elem: Option<Type> = None;
        for (idx, item) in items.iter().enumerate() {
            let item = match want {
                Some(want) => {
                    let item = self.check_expr_expect(item, want);
                    if !self.is_assignable(&item.ty, want) {
                        self.error(
                            Code::Misc,
                            item.span,
                            format!("{what} item {idx} has incompatible type \"{}\"; expected \"{want}\"", item.ty),
                        );
                    }
                    item
                }
                None => self.check_expr(item),
            };
            elem = Some(match elem {
                None => item.ty.clone(),
                Some(prev) => self.join(&prev, &item.ty),
            });
            out.push(item);
        }
        let elem = match (want, elem) {
            (Some(want), _) => want.clone(),
            (None, Some(elem)) => elem,
            // An empty display without context: mypy infers the element type from later
            // use (`list[Never]` here); only a variable needs an annotation, and
            // `check_assign` asks for it.
            (None, None) => Type::Unknown,
        };
        (out, elem)
    }

    /// Items without an expected type, some of which hold empty displays (`[[1], [],
    /// [2]]`): the other items are checked first and their join is the context of the
    /// empty ones, as mypy's inference gives.
    fn check_items_deferred(&mut self, items: &'a [ast::Expr]) -> (Vec<ir::Expr>, Type) {
        let mut slots: Vec<Option<ir::Expr>> = (0..items.len()).map(|_| None).collect();
        let mut elem: Option<Type> = None;
        for (idx, item) in items.iter().enumerate() {
            if has_empty_display(item) {
                continue;
            }
            let value = self.check_expr(item);
            elem = Some(match elem {
                None => value.ty.clone(),
                Some(prev) => self.join(&prev, &value.ty),
            });
            slots[idx] = Some(value);
        }
        for (idx, item) in items.iter().enumerate() {
            if slots[idx].is_some() {
                continue;
            }
            let value = self.check_expr_with(item, elem.as_ref());
            elem = Some(match elem {
                None => value.ty.clone(),
                Some(prev) => self.join(&prev, &value.ty),
            });
            slots[idx] = Some(value);
        }
        let out =
            slots.into_iter().zip(items).map(|(slot, item)| slot.unwrap_or_else(|| error_expr(item.span))).collect();
        (out, elem.unwrap_or(Type::Unknown))
    }

    fn check_dict_display(
        &mut self,
        pairs: &'a [(ast::Expr, ast::Expr)],
        span: Span,
        expected: Option<&Type>,
    ) -> ir::Expr {
        let want = match expected {
            Some(Type::Dict(kv)) => Some((kv.0.clone(), kv.1.clone())),
            _ => None,
        };
        // Without context, pairs holding empty displays are checked last, in the context
        // of the others' join (see `check_items_deferred`).
        let defer =
            want.is_none() && pairs.iter().any(|(key, value)| has_empty_display(key) || has_empty_display(value));
        let mut slots: Vec<Option<(ir::Expr, ir::Expr)>> = (0..pairs.len()).map(|_| None).collect();
        let mut key_ty: Option<Type> = None;
        let mut val_ty: Option<Type> = None;
        let order = pairs
            .iter()
            .enumerate()
            .filter(|(_, (key, value))| !defer || !(has_empty_display(key) || has_empty_display(value)));
        let late = pairs
            .iter()
            .enumerate()
            .filter(|(_, (key, value))| defer && (has_empty_display(key) || has_empty_display(value)));
        let order: Vec<(usize, &'a (ast::Expr, ast::Expr))> = order.chain(late).collect();
        for (slot, (key, value)) in order {
            let (key, value) = match &want {
                Some((want_key, want_val)) => {
                    let key = self.check_expr_expect(key, want_key);
                    let value = self.check_expr_expect(value, want_val);
                    if !self.is_assignable(&key.ty, want_key) || !self.is_assignable(&value.ty, want_val) {
                        self.error(
                            Code::Misc,
                            key.span.cover(value.span),
                            format!(
                                "Dict entry has incompatible type \"{}\": \"{}\"; expected \"{want_key}\": \"{want_val}\"",
                                key.ty, value.ty
                            ),
                        );
                    }
                    (key, value)
                }
                None if defer && (has_empty_display(key) || has_empty_display(value)) => {
                    let (key_want, val_want) = (key_ty.clone(), val_ty.clone());
                    (self.check_expr_with(key, key_want.as_ref()), self.check_expr_with(value, val_want.as_ref()))
                }
                None => (self.check_expr(key), self.check_expr(value)),
            };
            key_ty = Some(match key_ty {
                None => key.ty.clone(),
                Some(prev) => self.join(&prev, &key.ty),
            });
            val_ty = Some(match val_ty {
                None => value.ty.clone(),
                Some(prev) => self.join(&prev, &value.ty),
            });
            if let Some(place) = slots.get_mut(slot) {
                *place = Some((key, value));
            }
        }
        let out: Vec<(ir::Expr, ir::Expr)> = slots
            .into_iter()
            .zip(pairs)
            .map(|(pair, (key, value))| pair.unwrap_or_else(|| (error_expr(key.span), error_expr(value.span))))
            .collect();
        let ty = match (want, key_ty, val_ty) {
            (Some((key, value)), _, _) => Type::dict(key, value),
            (None, Some(key), Some(value)) => {
                self.check_hashable(&key, span, "dict key");
                Type::dict(key, value)
            }
            // Empty without context: see `check_items`.
            _ => Type::dict(Type::Unknown, Type::Unknown),
        };
        mk(ExprKind::Dict(out), ty, span)
    }

    fn check_fstring(&mut self, parts: &'a [ast::FStringPart]) -> Vec<ir::FStringPiece> {
        let mut out = Vec::with_capacity(parts.len());
        for part in parts {
            match part {
                ast::FStringPart::Literal(text) => out.push(ir::FStringPiece::Literal(text.clone())),
                ast::FStringPart::Field(field) => {
                    let expr = self.check_expr(&field.expr);
                    let spec = field.format_spec.as_ref().map(|spec| self.check_fstring(spec));
                    out.push(ir::FStringPiece::Field { expr, conversion: field.conversion, spec });
                }
            }
        }
        out
    }

    // ----- names -----

    fn check_name(&mut self, name: &SmolStr, span: Span) -> ir::Expr {
        match self.resolve_name(name, span) {
            Some((name_ref, ty)) => {
                let ty = match self.narrow_root(&name_ref) {
                    Some(root) => self.narrowed(&NarrowKey { root, path: None }).unwrap_or(ty),
                    None => ty,
                };
                mk(ExprKind::Name(name_ref), ty, span)
            }
            None => error_expr(span),
        }
    }

    pub(crate) fn narrow_root(&self, name_ref: &NameRef) -> Option<NarrowRoot> {
        match name_ref {
            NameRef::Local(id) => Some(NarrowRoot::Local(id.0)),
            NameRef::Free(id) => Some(NarrowRoot::Free(id.0)),
            NameRef::Global(id) => Some(NarrowRoot::Global(id.0)),
            _ => None,
        }
    }

    pub(crate) fn narrowed(&self, key: &NarrowKey) -> Option<Type> {
        let ctx = self.ctx_ref()?;
        ctx.narrow.iter().rev().find(|(known, _)| known == key).map(|(_, ty)| ty.clone())
    }

    /// Resolves a name read; reports an undefined name.
    pub(crate) fn resolve_name(&mut self, name: &SmolStr, span: Span) -> Option<(NameRef, Type)> {
        let depth = self.fns.len().checked_sub(1)?;
        if let Some(id) = self.fns[depth].local(name) {
            let ty = self.fns[depth].locals[id.0 as usize].ty.clone();
            return match ty {
                Some(ty) => Some((NameRef::Local(id), ty)),
                None => {
                    self.error(Code::NameDefined, span, format!("Name \"{name}\" is used before definition"));
                    None
                }
            };
        }
        let ctx_kind = self.fns[depth].kind;
        if ctx_kind != CtxKind::Module && !self.fns[depth].is_global_decl(name) {
            if let Some(id) = self.fns[depth].free(name) {
                let ty = self.fns[depth].frees[id.0 as usize].ty.clone();
                return Some((NameRef::Free(id), ty));
            }
            if let Some(found) = self.capture(name, depth, span) {
                return Some(found);
            }
        }
        self.resolve_module_name(name, span)
    }

    /// Finds `name` in an enclosing function and threads it through every function in
    /// between as a free variable.
    fn capture(&mut self, name: &SmolStr, depth: usize, span: Span) -> Option<(NameRef, Type)> {
        let mut found: Option<(usize, Capture, Type)> = None;
        for outer in (0..depth).rev() {
            let ctx = &self.fns[outer];
            if ctx.kind == CtxKind::Module {
                break;
            }
            if ctx.is_global_decl(name) {
                return None;
            }
            if let Some(id) = ctx.local(name) {
                let Some(ty) = ctx.locals[id.0 as usize].ty.clone() else {
                    self.error(Code::NameDefined, span, format!("Name \"{name}\" is used before definition"));
                    return Some((NameRef::Free(FreeId(0)), Type::Unknown));
                };
                self.fns[outer].locals[id.0 as usize].captured = true;
                found = Some((outer, Capture::Local(id), ty));
                break;
            }
            if let Some(id) = ctx.free(name) {
                let ty = ctx.frees[id.0 as usize].ty.clone();
                found = Some((outer, Capture::Free(id), ty));
                break;
            }
        }
        let (outer, mut from, ty) = found?;
        let mut last = FreeId(0);
        for level in outer + 1..=depth {
            let ctx = &mut self.fns[level];
            let id = match ctx.free(name) {
                Some(id) => id,
                None => {
                    ctx.frees.push(ir::FreeVar { name: name.clone(), ty: ty.clone(), from });
                    FreeId(ctx.frees.len() as u32 - 1)
                }
            };
            from = Capture::Free(id);
            last = id;
        }
        Some((NameRef::Free(last), ty))
    }

    fn resolve_module_name(&mut self, name: &SmolStr, span: Span) -> Option<(NameRef, Type)> {
        if let Some(binding) = self.bindings.get(name) {
            return match binding.clone() {
                ModBinding::Function { func, sig, .. } => Some((NameRef::Function(func), sig.as_callable())),
                ModBinding::Class { class, .. } => Some((NameRef::Class(class.clone()), Type::ClassObj(class))),
                ModBinding::Global(id) => match self.globals.get(id.0 as usize).and_then(|global| global.ty.clone()) {
                    Some(ty) => Some((NameRef::Global(id), ty)),
                    None => {
                        self.error(Code::NameDefined, span, format!("Name \"{name}\" is used before definition"));
                        None
                    }
                },
                ModBinding::ImportedVar { module, name, ty } => Some((NameRef::ModuleGlobal { module, name }, ty)),
                ModBinding::Module(module) => Some((NameRef::Module(module.clone()), Type::Module(module))),
                ModBinding::Special(_) => {
                    self.error(Code::Misc, span, format!("\"{name}\" is only valid in annotations and decorators"));
                    None
                }
            };
        }
        if let Some(builtin) = Builtin::from_name(name) {
            return Some((NameRef::Builtin(builtin), Type::BuiltinFunction(name.clone())));
        }
        if let Some(class) = crate::builtins::exception_class(name) {
            // LANGUAGE.md lists `Exception` as the root the subset knows.
            if name == "BaseException" {
                self.unsupported(span, "\"BaseException\" (use Exception)");
                return None;
            }
            return Some((NameRef::Class(class.clone()), Type::ClassObj(class)));
        }
        if name == "__name__" {
            return Some((NameRef::ModuleGlobal { module: self.module.clone(), name: name.clone() }, Type::Str));
        }
        if crate::builtins::is_unsupported_builtin(name) {
            self.unsupported(span, &format!("the built-in \"{name}\""));
            return None;
        }
        let message = format!("Name \"{name}\" is not defined");
        self.error(Code::NameDefined, span, message);
        None
    }

    // ----- attributes -----

    /// `module.attr` for a module value.
    pub(crate) fn module_attribute(&mut self, module: &SmolStr, attr: &ast::Ident, span: Span) -> ir::Expr {
        match self.module_export(module, &attr.name) {
            Some(Export::Function { origin, name, sig }) => {
                mk(ExprKind::Name(NameRef::Function(ir::FuncRef { module: origin, name })), sig.as_callable(), span)
            }
            Some(Export::Class(class)) => {
                mk(ExprKind::Name(NameRef::Class(class.clone())), Type::ClassObj(class), span)
            }
            Some(Export::Variable { origin, name, ty }) => {
                mk(ExprKind::Name(NameRef::ModuleGlobal { module: origin, name }), ty, span)
            }
            Some(Export::Module(sub)) => mk(ExprKind::Name(NameRef::Module(sub.clone())), Type::Module(sub), span),
            Some(Export::Special(_)) => {
                self.error(Code::Misc, span, format!("\"{}\" is only valid in annotations and decorators", attr.name));
                error_expr(span)
            }
            None => {
                let sub: SmolStr = format!("{module}.{}", attr.name).into();
                if self.module_interface(&sub).is_some()
                    || self.seen_imports.iter().any(|(seen, _)| seen.starts_with(sub.as_str()))
                {
                    return mk(ExprKind::Name(NameRef::Module(sub.clone())), Type::Module(sub), span);
                }
                if crate::builtins::is_builtin_module(module) {
                    if crate::builtins::exists_in_cpython_module(module, &attr.name) {
                        self.unsupported(attr.span, &format!("\"{module}.{}\"", attr.name));
                    } else {
                        self.error(
                            Code::AttrDefined,
                            attr.span,
                            format!("Module \"{module}\" has no attribute \"{}\"", attr.name),
                        );
                    }
                } else if attr.name.starts_with('_') {
                    self.error(
                        Code::PrivateImport,
                        attr.span,
                        format!("\"{}\" is private to module \"{module}\" and cannot be used here", attr.name),
                    );
                } else {
                    self.error(
                        Code::AttrDefined,
                        attr.span,
                        format!("Module \"{module}\" has no attribute \"{}\"", attr.name),
                    );
                }
                error_expr(span)
            }
        }
    }

    fn check_attribute(&mut self, value: &'a ast::Expr, attr: &ast::Ident, span: Span) -> ir::Expr {
        let obj = self.check_expr(value);
        let mut expr = self.attribute_of(obj, attr, span);
        // `x.a.b` narrowed by an earlier `if x.a.b is not None`.
        // Only union-typed fields can be narrowed: the common case costs nothing.
        if matches!(expr.kind, ExprKind::Field { .. })
            && matches!(expr.ty, Type::Union(_))
            && let Some(key) = self.ast_narrow_key(value, Some(&attr.name))
            && let Some(narrowed) = self.narrowed(&key)
        {
            expr.ty = narrowed;
        }
        expr
    }

    /// An attribute of an already checked object.
    pub(crate) fn attribute_of(&mut self, obj: ir::Expr, attr: &ast::Ident, span: Span) -> ir::Expr {
        let obj_ty = obj.ty.clone();
        match &obj_ty {
            Type::Unknown => error_expr(span),
            Type::Module(module) => self.module_attribute(module, attr, span),
            Type::Instance(class) => match self.instance_attribute(obj, class, attr, span) {
                Some(expr) => expr,
                None => error_expr(span),
            },
            Type::ClassObj(class) => {
                if let Some((owner, method)) = self.find_method(class, &attr.name)
                    && method.kind != MethodKind::Instance
                {
                    let ty = method.sig.as_callable();
                    return mk(ExprKind::Method { obj: None, class: owner, name: attr.name.clone() }, ty, span);
                }
                if let Some((owner, ty)) = self.find_constant(class, &attr.name) {
                    // Through the class value itself: `cls.NAME` in a class method sees a
                    // subclass's override.
                    return mk(
                        ExprKind::ClassConstantOf { obj: Box::new(obj), class: owner, name: attr.name.clone() },
                        ty,
                        span,
                    );
                }
                // A field with a class-body default is also a class attribute.
                if let Some(owner) = self
                    .chain(class)
                    .into_iter()
                    .find(|info| info.field(&attr.name).is_some_and(|field| field.has_default))
                {
                    // Read through the class value: a subclass's override, or a value
                    // assigned to the subclass, is what `Sub.name` gives.
                    let ty = owner.field(&attr.name).map_or(Type::Unknown, |field| field.ty.clone());
                    return mk(
                        ExprKind::ClassConstantOf {
                            obj: Box::new(obj),
                            class: owner.class.clone(),
                            name: attr.name.clone(),
                        },
                        ty,
                        span,
                    );
                }
                self.error(
                    Code::AttrDefined,
                    attr.span,
                    format!("\"type[{class}]\" has no attribute \"{}\"", attr.name),
                );
                error_expr(span)
            }
            Type::Union(_) if obj_ty.is_optional() => {
                self.error(
                    Code::UnionAttr,
                    span,
                    format!("Item \"None\" of \"{obj_ty}\" has no attribute \"{}\"", attr.name),
                );
                let inner = obj_ty.without_none();
                let obj = ir::Expr { ty: inner, ..obj };
                self.attribute_of(obj, attr, span)
            }
            Type::Union(parts) => {
                // Every member must have the attribute (mypy's union-attr); the access then
                // goes through the members' common base, which must declare it.
                let has = |checker: &Checker<'a>, member: &Type| match member {
                    Type::Instance(class) => checker.class_has_attribute(class, &attr.name),
                    _ => false,
                };
                if parts.iter().all(|part| matches!(part, Type::Instance(_)))
                    && let Some(missing) = parts.iter().find(|part| !has(self, part))
                {
                    self.error(
                        Code::UnionAttr,
                        span,
                        format!("Item \"{missing}\" of \"{obj_ty}\" has no attribute \"{}\"", attr.name),
                    );
                    return error_expr(span);
                }
                let mut join = parts[0].clone();
                for part in parts.iter().skip(1) {
                    join = self.join(&join, part);
                }
                if let Type::Instance(class) = &join {
                    if !self.class_has_attribute(class, &attr.name) {
                        self.unsupported(attr.span, "an attribute that each member of a union declares separately");
                        return error_expr(span);
                    }
                    let obj = ir::Expr { ty: join, ..obj };
                    self.attribute_of(obj, attr, span)
                } else {
                    self.error(Code::UnionAttr, span, format!("\"{obj_ty}\" has no attribute \"{}\"", attr.name));
                    error_expr(span)
                }
            }
            _ => {
                if crate::check::methods::builtin_method_exists(&obj_ty, &attr.name) {
                    let name = attr.name.clone();
                    let ty = Type::BoundBuiltinMethod(std::sync::Arc::new((obj_ty.clone(), name.clone())));
                    return mk(ExprKind::BuiltinMethodRef { obj: Box::new(obj), method: name }, ty, span);
                }
                if crate::check::methods::builtin_method_outside_subset(&obj_ty, &attr.name) {
                    self.unsupported(attr.span, &format!("the method \"{}\" of \"{obj_ty}\"", attr.name));
                    return error_expr(span);
                }
                // `str.lower`: a method of a built-in type taken from the type itself.
                if let Type::BuiltinFunction(type_name) = &obj_ty
                    && let Some(instance) = crate::check::methods::builtin_type_instance(type_name)
                    && (crate::check::methods::builtin_method_exists(&instance, &attr.name)
                        || crate::check::methods::builtin_method_outside_subset(&instance, &attr.name))
                {
                    self.unsupported(span, &format!("a method taken from the type (\"{type_name}.{}\")", attr.name));
                    return error_expr(span);
                }
                self.error(Code::AttrDefined, attr.span, format!("\"{obj_ty}\" has no attribute \"{}\"", attr.name));
                error_expr(span)
            }
        }
    }

    /// The narrowing key of a name or attribute chain (`x`, `x.a.b`), plus `attr` if given;
    /// `None` for anything else (calls, subscripts, ...).
    pub(crate) fn ast_narrow_key(&self, expr: &ast::Expr, attr: Option<&SmolStr>) -> Option<NarrowKey> {
        let mut parts: Vec<&SmolStr> = Vec::new();
        if let Some(attr) = attr {
            parts.push(attr);
        }
        let mut current = expr;
        // Attribute chains are as deep as the expression limit allows; this loop is flat.
        let root_name = loop {
            match &current.kind {
                ast::ExprKind::Name(name) => break name,
                ast::ExprKind::Attribute { value, attr } => {
                    parts.push(&attr.name);
                    current = value;
                }
                _ => return None,
            }
        };
        let (root, _) = self.silent_root(root_name)?;
        if parts.is_empty() {
            return Some(NarrowKey { root, path: None });
        }
        let mut path = String::new();
        for (idx, part) in parts.iter().rev().enumerate() {
            if idx > 0 {
                path.push('.');
            }
            path.push_str(part);
        }
        Some(NarrowKey { root, path: Some(path.into()) })
    }

    /// Whether instances of `class` have `name` (field, method or class constant).
    pub(crate) fn class_has_attribute(&self, class: &ClassRef, name: &str) -> bool {
        self.find_field(class, name).is_some()
            || self.find_method(class, name).is_some()
            || self.find_constant(class, name).is_some()
    }

    fn instance_attribute(
        &mut self,
        obj: ir::Expr,
        class: &ClassRef,
        attr: &ast::Ident,
        span: Span,
    ) -> Option<ir::Expr> {
        if let Some((slot, field)) = self.find_field(class, &attr.name) {
            return Some(mk(ExprKind::Field { obj: Box::new(obj), class: class.clone(), slot }, field.ty, span));
        }
        if let Some((owner, method)) = self.find_method(class, &attr.name) {
            let ty = method.sig.as_callable();
            let obj = if method.kind == MethodKind::Instance { Some(Box::new(obj)) } else { None };
            return Some(mk(ExprKind::Method { obj, class: owner, name: attr.name.clone() }, ty, span));
        }
        if let Some((owner, ty)) = self.find_constant(class, &attr.name) {
            return Some(mk(
                ExprKind::ClassConstantOf { obj: Box::new(obj), class: owner, name: attr.name.clone() },
                ty,
                span,
            ));
        }
        if self.is_exception_class(class) && attr.name == "args" {
            self.unsupported(attr.span, "\"args\" of an exception (use str(e))");
            return None;
        }
        self.error(Code::AttrDefined, attr.span, format!("\"{class}\" has no attribute \"{}\"", attr.name));
        None
    }

    // ----- subscripts -----

    fn check_subscript(&mut self, value: &'a ast::Expr, index: &'a ast::Expr, span: Span) -> ir::Expr {
        let obj = self.check_expr(value);
        if let ast::ExprKind::Slice { lower, upper, step } = &index.kind {
            return self.check_slice(obj, lower.as_deref(), upper.as_deref(), step.as_deref(), span);
        }
        let obj_ty = obj.ty.clone();
        let index_ir = self.check_expr(index);
        let (kind, ty) = match &obj_ty {
            Type::Unknown => return error_expr(span),
            Type::List(elem) => {
                self.require_int_index(&index_ir, &obj_ty);
                (ir::IndexKind::List, (**elem).clone())
            }
            Type::Str => {
                self.require_int_index(&index_ir, &obj_ty);
                (ir::IndexKind::Str, Type::Str)
            }
            Type::TupleOf(elem) => {
                self.require_int_index(&index_ir, &obj_ty);
                (ir::IndexKind::Tuple, (**elem).clone())
            }
            Type::Tuple(items) => {
                self.require_int_index(&index_ir, &obj_ty);
                match literal_int(index) {
                    Some(position) => {
                        let len = items.len() as i64;
                        let real = if position < 0 { position + len } else { position };
                        if real < 0 || real >= len {
                            self.error(Code::Misc, index.span, "Tuple index out of range");
                            (ir::IndexKind::Tuple, Type::Unknown)
                        } else {
                            (ir::IndexKind::Tuple, items[real as usize].clone())
                        }
                    }
                    None => (ir::IndexKind::Tuple, obj_ty.iter_elem().unwrap_or(Type::Unknown)),
                }
            }
            Type::Range => {
                self.require_int_index(&index_ir, &obj_ty);
                (ir::IndexKind::Range, Type::Int)
            }
            Type::Dict(kv) => {
                if !self.is_assignable(&index_ir.ty, &kv.0) {
                    self.error(
                        Code::Index,
                        index.span,
                        format!("Invalid index type \"{}\" for \"{obj_ty}\"; expected type \"{}\"", index_ir.ty, kv.0),
                    );
                }
                (ir::IndexKind::Dict, kv.1.clone())
            }
            Type::Instance(class) => match self.find_method(class, "__getitem__") {
                Some((owner, method)) => {
                    if let Some(param) = method.sig.params.first()
                        && !self.is_assignable(&index_ir.ty, &param.ty)
                    {
                        self.error(
                            Code::Index,
                            index.span,
                            format!(
                                "Invalid index type \"{}\" for \"{obj_ty}\"; expected type \"{}\"",
                                index_ir.ty, param.ty
                            ),
                        );
                    }
                    (ir::IndexKind::Dunder { class: owner }, method.sig.ret.clone())
                }
                None => {
                    self.error(Code::Index, value.span, format!("Value of type \"{obj_ty}\" is not indexable"));
                    return error_expr(span);
                }
            },
            _ if obj_ty.is_optional() => {
                self.error(Code::Index, value.span, format!("Value of type \"{obj_ty}\" is not indexable"));
                return error_expr(span);
            }
            _ => {
                self.error(Code::Index, value.span, format!("Value of type \"{obj_ty}\" is not indexable"));
                return error_expr(span);
            }
        };
        mk(ExprKind::Index { obj: Box::new(obj), index: Box::new(index_ir), kind }, ty, span)
    }

    fn require_int_index(&mut self, index: &ir::Expr, obj_ty: &Type) {
        if !index.ty.is_int_like() && !index.ty.is_unknown() {
            self.error(
                Code::Index,
                index.span,
                format!("Invalid index type \"{}\" for \"{obj_ty}\"; expected type \"int\"", index.ty),
            );
        }
    }

    fn check_slice(
        &mut self,
        obj: ir::Expr,
        lower: Option<&'a ast::Expr>,
        upper: Option<&'a ast::Expr>,
        step: Option<&'a ast::Expr>,
        span: Span,
    ) -> ir::Expr {
        let bound = |checker: &mut Checker<'a>, part: Option<&'a ast::Expr>| {
            part.map(|part| {
                let value = checker.check_expr(part);
                // Like `slice`'s own bounds: an int, `None`, or a value that is one of both.
                let fits = value.ty.is_unknown()
                    || value.ty.members().iter().all(|member| member.is_int_like() || *member == Type::None);
                if !fits {
                    checker.error(
                        Code::Misc,
                        value.span,
                        format!("Slice index must be an integer or None, not \"{}\"", value.ty),
                    );
                }
                Box::new(value)
            })
        };
        let lower_ir = bound(self, lower);
        let upper_ir = bound(self, upper);
        let step_ir = bound(self, step);
        let ty = match &obj.ty {
            Type::List(_) | Type::Str | Type::TupleOf(_) | Type::Unknown => obj.ty.clone(),
            Type::Tuple(items) => {
                let literal = |part: Option<&ast::Expr>| match part {
                    None => Some(None),
                    Some(expr) => literal_int(expr).map(Some),
                };
                match (literal(lower), literal(upper), step) {
                    (Some(lo), Some(hi), None) => {
                        let len = items.len() as i64;
                        let clamp = |value: i64| if value < 0 { (value + len).max(0) } else { value.min(len) };
                        let lo = clamp(lo.unwrap_or(0)) as usize;
                        let hi = clamp(hi.unwrap_or(len)) as usize;
                        Type::tuple(if lo < hi { items[lo..hi].to_vec() } else { Vec::new() })
                    }
                    _ => Type::tuple_of(obj.ty.iter_elem().unwrap_or(Type::Unknown)),
                }
            }
            // Valid Python (a range), but not in the subset.
            Type::Range => {
                self.unsupported(span, "slicing a range");
                return error_expr(span);
            }
            other => {
                self.error(Code::Index, obj.span, format!("Value of type \"{other}\" is not indexable"));
                return error_expr(span);
            }
        };
        mk(ExprKind::Slice { obj: Box::new(obj), lower: lower_ir, upper: upper_ir, step: step_ir }, ty, span)
    }

    // ----- comprehensions -----

    pub(crate) fn check_comprehension(
        &mut self,
        kind: ir::ComprehensionKind,
        elt: &'a ast::Expr,
        value: Option<&'a ast::Expr>,
        generators: &'a [ast::Comprehension],
        span: Span,
        expected: Option<&Type>,
    ) -> ir::Expr {
        let comp_mark = self.ctx().comp_names.len();
        let narrow_mark = self.ctx().narrow.len();
        let mut fors = Vec::with_capacity(generators.len());
        for generator in generators {
            // The first iterable is evaluated in the enclosing scope; later ones see the
            // earlier targets (Python's rule, which this order gives for free).
            let iter = self.check_expr(&generator.iter);
            let (iter_kind, elem) = self.iteration(&iter, generator.iter.span);
            let target = self.bind_comp_target(&generator.target, &elem);
            let mut ifs = Vec::with_capacity(generator.ifs.len());
            for cond in &generator.ifs {
                let cond_ir = self.check_expr(cond);
                let (when_true, _) = self.condition_narrowings(cond);
                self.ctx().narrow.extend(when_true);
                ifs.push(cond_ir);
            }
            fors.push(ir::ComprehensionFor { target, iter, kind: iter_kind, ifs });
        }
        let (elt_want, value_want) = match (kind, expected) {
            (ir::ComprehensionKind::List, Some(Type::List(elem)))
            | (ir::ComprehensionKind::Set, Some(Type::Set(elem))) => (Some((**elem).clone()), None),
            (ir::ComprehensionKind::Dict, Some(Type::Dict(kv))) => (Some(kv.0.clone()), Some(kv.1.clone())),
            _ => (None, None),
        };
        let elt_ir = self.check_expr_with(elt, elt_want.as_ref());
        let value_ir = value.map(|value| self.check_expr_with(value, value_want.as_ref()));
        self.ctx().comp_names.truncate(comp_mark);
        self.ctx().narrow.truncate(narrow_mark);
        let pick = |checker: &Checker<'a>, got: &Type, want: Option<Type>| match want {
            Some(want) if checker.is_assignable(got, &want) => want,
            _ => got.clone(),
        };
        let ty = match kind {
            ir::ComprehensionKind::List => Type::list(pick(self, &elt_ir.ty, elt_want)),
            ir::ComprehensionKind::Set => {
                let elem = pick(self, &elt_ir.ty, elt_want);
                self.check_hashable(&elem, span, "set element");
                Type::set(elem)
            }
            ir::ComprehensionKind::Dict => {
                let key = pick(self, &elt_ir.ty, elt_want);
                self.check_hashable(&key, span, "dict key");
                let val = value_ir.as_ref().map_or(Type::Unknown, |value| pick(self, &value.ty, value_want));
                Type::dict(key, val)
            }
            ir::ComprehensionKind::Generator => Type::View(ViewKind::Generator, std::sync::Arc::new(elt_ir.ty.clone())),
        };
        let comprehension = ir::Comprehension { kind, generators: fors, elt: elt_ir, value: value_ir };
        mk(ExprKind::Comprehension(Box::new(comprehension)), ty, span)
    }

    /// Binds a comprehension target (hidden locals) to the element type.
    fn bind_comp_target(&mut self, target: &'a ast::Expr, elem: &Type) -> ir::Target {
        match &target.kind {
            ast::ExprKind::Name(name) => {
                let ctx = self.ctx();
                let id = ctx.add_comp_local(name.clone(), target.span);
                ctx.locals[id.0 as usize].ty = Some(elem.clone());
                ir::Target::Name { name: NameRef::Local(id), span: target.span }
            }
            ast::ExprKind::Tuple(items) | ast::ExprKind::List(items) => {
                let types = self.unpack_types(elem, items.len(), target.span);
                let targets = items.iter().zip(types).map(|(item, ty)| self.bind_comp_target(item, &ty)).collect();
                ir::Target::Unpack { targets, span: target.span }
            }
            _ => {
                self.unsupported(target.span, "this comprehension target");
                ir::Target::Unpack { targets: Vec::new(), span: target.span }
            }
        }
    }

    /// The element types when unpacking a value of type `ty` into `n` targets.
    pub(crate) fn unpack_types(&mut self, ty: &Type, n: usize, span: Span) -> Vec<Type> {
        match ty {
            Type::Tuple(items) => {
                if items.len() != n {
                    let message = if items.len() > n {
                        format!("Too many values to unpack ({n} expected, {} provided)", items.len())
                    } else {
                        format!("Need more than {} values to unpack ({n} expected)", items.len())
                    };
                    self.error(Code::Misc, span, message);
                    return vec![Type::Unknown; n];
                }
                items.to_vec()
            }
            Type::TupleOf(elem) | Type::List(elem) => vec![(**elem).clone(); n],
            Type::Unknown => vec![Type::Unknown; n],
            other => {
                self.error(Code::Misc, span, format!("\"{other}\" object is not iterable (cannot unpack)"));
                vec![Type::Unknown; n]
            }
        }
    }

    /// How to iterate over a checked expression, and the element type.
    pub(crate) fn iteration(&mut self, iter: &ir::Expr, span: Span) -> (ir::IterKind, Type) {
        let kind = match &iter.ty {
            Type::Range => ir::IterKind::Range,
            Type::List(_) => ir::IterKind::List,
            Type::Tuple(_) | Type::TupleOf(_) => ir::IterKind::Tuple,
            Type::Str => ir::IterKind::Str,
            Type::Dict(_) => ir::IterKind::Dict,
            Type::Set(_) => ir::IterKind::Set,
            Type::View(..) | Type::Unknown => ir::IterKind::Iterator,
            other => {
                let message = if other.is_optional() {
                    format!("Item \"None\" of \"{other}\" has no attribute \"__iter__\" (not iterable)")
                } else {
                    format!("\"{other}\" has no attribute \"__iter__\" (not iterable)")
                };
                let code = if other.is_optional() { Code::UnionAttr } else { Code::AttrDefined };
                self.error(code, span, message);
                return (ir::IterKind::Iterator, Type::Unknown);
            }
        };
        (kind, iter.ty.iter_elem().unwrap_or(Type::Unknown))
    }

    // ----- lambdas -----

    /// A lambda: the parameter types come from the expected `Callable` type. The work is
    /// split so that the frame alive while the body is checked stays small.
    fn check_lambda(
        &mut self,
        params: &'a ast::Parameters,
        body: &'a ast::Expr,
        span: Span,
        expected: Option<&Type>,
    ) -> ir::Expr {
        let setup = self.lambda_enter(params, span, expected);
        let body_ir = match &setup.want_ret {
            Some(ret) => self.check_expr_expect(body, ret),
            None => self.check_expr(body),
        };
        self.lambda_exit(setup, body_ir, span)
    }

    #[inline(never)]
    fn lambda_enter(&mut self, params: &'a ast::Parameters, span: Span, expected: Option<&Type>) -> Box<LambdaSetup> {
        // `key: Callable[[T], K] | None` still types the lambda.
        let expected_callable = expected.and_then(|expected| {
            expected.members().iter().find_map(|member| match member {
                Type::Callable(callable) => Some(callable.clone()),
                _ => None,
            })
        });
        if !params.kwonly.is_empty() {
            self.unsupported(span, "keyword-only parameters in a lambda");
        }
        let n_params = params.params.len();
        let param_types: Vec<Type> = match &expected_callable {
            Some(callable) if callable.params.len() == n_params => callable.params.clone(),
            Some(callable) => {
                self.error(
                    Code::Misc,
                    span,
                    format!(
                        "Cannot infer type of lambda: {} parameters given, {} expected",
                        n_params,
                        callable.params.len()
                    ),
                );
                vec![Type::Unknown; n_params]
            }
            None if n_params == 0 => Vec::new(),
            None => {
                self.report(
                    Diagnostic::error(Code::Misc, span, "Cannot infer type of lambda")
                        .with_note("pass the lambda where a Callable[[...], ...] is expected, or use a def"),
                );
                vec![Type::Unknown; n_params]
            }
        };
        let mut defaults = Vec::new();
        for (param, ty) in params.params.iter().zip(&param_types) {
            if let Some(default) = &param.default {
                let value = self.check_expr_expect(default, ty);
                defaults.push(value);
            }
        }
        let id = self.alloc_function();
        let parent = self.fns.last().and_then(|ctx| ctx.func);
        let qualname = format!("{}<lambda>", self.qualname_prefix());
        let mut ctx = super::FnCtx::new(CtxKind::Lambda, Some(id), Type::Unknown, qualname.clone());
        let mut ir_params = Vec::with_capacity(n_params);
        for (param, ty) in params.params.iter().zip(&param_types) {
            ctx.add_local(param.name.name.clone(), Some(ty.clone()), param.name.span);
            ir_params.push(ir::Param {
                name: param.name.name.clone(),
                ty: ty.clone(),
                keyword_only: false,
                has_default: param.default.is_some(),
                span: param.span,
            });
        }
        self.fns.push(ctx);
        let want_ret = expected_callable
            .as_ref()
            .map(|callable| callable.ret.clone())
            .filter(|ret| *ret != Type::Unknown && *ret != Type::None);
        Box::new(LambdaSetup { id, parent, qualname, param_types, ir_params, defaults, want_ret })
    }

    // The setup stays boxed: it is kept across the recursive check of the body.
    #[allow(clippy::boxed_local)]
    #[inline(never)]
    fn lambda_exit(&mut self, setup: Box<LambdaSetup>, body_ir: ir::Expr, span: Span) -> ir::Expr {
        let LambdaSetup { id, parent, qualname, param_types, ir_params, defaults, want_ret } = *setup;
        let ret = match &want_ret {
            Some(ret) => {
                if !self.is_assignable(&body_ir.ty, ret) {
                    self.error(
                        Code::ReturnValue,
                        body_ir.span,
                        format!("Incompatible return value type (got \"{}\", expected \"{ret}\")", body_ir.ty),
                    );
                }
                ret.clone()
            }
            None => body_ir.ty.clone(),
        };
        let (locals, free_vars) = match self.fns.pop() {
            Some(ctx) => {
                let frees = ctx.frees.clone();
                (ctx.finish_locals(), frees)
            }
            None => (Vec::new(), Vec::new()),
        };
        let body_span = body_ir.span;
        let n_defaults = ir_params.iter().rev().take_while(|param| param.has_default).count();
        if let Some(slot) = self.functions.get_mut(id.0 as usize) {
            *slot = Some(ir::Function {
                name: "<lambda>".into(),
                qualname,
                kind: ir::FunctionKind::Lambda,
                class: None,
                parent,
                params: ir_params,
                ret: ret.clone(),
                locals,
                free_vars,
                body: vec![ir::Stmt { kind: ir::StmtKind::Return(Some(body_ir)), span: body_span }],
                span,
            });
        }
        mk(ExprKind::Lambda { func: id, defaults }, Type::callable_with_defaults(param_types, ret, n_defaults), span)
    }

    pub(crate) fn qualname_prefix(&self) -> String {
        match self.fns.last() {
            Some(ctx) if !ctx.qualname.is_empty() => format!("{}.<locals>.", ctx.qualname),
            _ => String::new(),
        }
    }
}

/// What a lambda needs between checking its parameters and its body (boxed: it is
/// alive while the body, which may hold more lambdas, is checked).
struct LambdaSetup {
    id: ir::FuncId,
    parent: Option<ir::FuncId>,
    qualname: String,
    param_types: Vec<Type>,
    ir_params: Vec<ir::Param>,
    defaults: Vec<ir::Expr>,
    want_ret: Option<Type>,
}

/// Whether an expression is, or is a display holding, an empty display or an empty
/// `list()`/`dict()`/`set()` call: its type needs context (or an annotation).
pub(crate) fn has_empty_display(expr: &ast::Expr) -> bool {
    match &expr.kind {
        ast::ExprKind::List(items) | ast::ExprKind::Set(items) | ast::ExprKind::Tuple(items) => {
            (items.is_empty() && !matches!(expr.kind, ast::ExprKind::Tuple(_))) || items.iter().any(has_empty_display)
        }
        ast::ExprKind::Dict(pairs) => {
            pairs.is_empty() || pairs.iter().any(|(key, value)| has_empty_display(key) || has_empty_display(value))
        }
        ast::ExprKind::Call { func, args, keywords } => {
            args.is_empty()
                && keywords.is_empty()
                && matches!(&func.kind, ast::ExprKind::Name(name) if matches!(name.as_str(), "list" | "dict" | "set"))
        }
        _ => false,
    }
}

/// The value of an int literal, possibly negated (`-1`).
pub(crate) fn literal_int(expr: &ast::Expr) -> Option<i64> {
    match &expr.kind {
        ast::ExprKind::Int(typhon_lexer::IntValue::Small(value)) => Some(*value),
        ast::ExprKind::Unary { op: ast::UnaryOp::Neg, operand } => literal_int(operand).and_then(i64::checked_neg),
        ast::ExprKind::Unary { op: ast::UnaryOp::Pos, operand } => literal_int(operand),
        _ => None,
    }
}
