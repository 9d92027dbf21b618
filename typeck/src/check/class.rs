//! Classes: bases, fields (class body or `self.x: T` in `__init__`), methods, constants,
//! dataclass flags, override compatibility; and the `class` statement in the IR.

use std::sync::Arc;

use smol_str::SmolStr;
use typhon_diagnostics::{Code, Diagnostic, Span};
use typhon_parser::ast;

use super::{Checker, ModBinding, PendingBody};
use crate::interface::{
    ClassInfo, DataclassFlags, Export, FieldInfo, FuncSig, MethodInfo, MethodKind, ParamKind, SpecialForm,
};
use crate::ir;
use crate::types::{ClassRef, Type};

impl<'a> Checker<'a> {
    pub(crate) fn collect_classes(&mut self, body: &'a [ast::Stmt]) {
        for stmt in body {
            match &stmt.kind {
                ast::StmtKind::ClassDef(def) => self.collect_class(def, stmt.span),
                _ => {
                    for block in super::collect::module_blocks(stmt) {
                        self.reject_nested_classes(block);
                    }
                }
            }
        }
    }

    fn reject_nested_classes(&mut self, body: &[ast::Stmt]) {
        for stmt in body {
            if let ast::StmtKind::ClassDef(def) = &stmt.kind {
                self.unsupported(def.name.span, "a class definition inside a block");
            }
            for block in super::collect::module_blocks(stmt) {
                self.reject_nested_classes(block);
            }
        }
    }

    fn dataclass_flags(&mut self, decorators: &[ast::Decorator]) -> Option<DataclassFlags> {
        let mut flags = None;
        for decorator in decorators {
            let (callee, keywords): (&ast::Expr, &[ast::Keyword]) = match &decorator.expr.kind {
                ast::ExprKind::Call { func, args, keywords } => {
                    if !args.is_empty() {
                        self.unsupported(decorator.span, "positional arguments to @dataclass");
                    }
                    (func, keywords)
                }
                _ => (&decorator.expr, &[]),
            };
            if !self.is_dataclass_decorator(callee) {
                self.unsupported(decorator.span, "this class decorator");
                continue;
            }
            let mut found = DataclassFlags { frozen: false, order: false, eq: true };
            for keyword in keywords {
                let value = match keyword.value.kind {
                    ast::ExprKind::Bool(value) => value,
                    _ => {
                        self.error(Code::Misc, keyword.value.span, "dataclass options must be True or False literals");
                        continue;
                    }
                };
                match keyword.arg.name.as_str() {
                    "frozen" => found.frozen = value,
                    "order" => found.order = value,
                    "eq" => found.eq = value,
                    other => self.unsupported(keyword.span, &format!("the dataclass option \"{other}\"")),
                }
            }
            if found.order && !found.eq {
                self.error(Code::Misc, decorator.span, "eq must be true if order is true");
            }
            flags = Some(found);
        }
        flags
    }

    fn is_dataclass_decorator(&self, expr: &ast::Expr) -> bool {
        match &expr.kind {
            ast::ExprKind::Name(name) => {
                matches!(self.bindings.get(name.as_str()), Some(ModBinding::Special(SpecialForm::Dataclass)))
            }
            ast::ExprKind::Attribute { value, attr } => {
                attr.name == "dataclass"
                    && matches!(&value.kind, ast::ExprKind::Name(module)
                        if matches!(self.bindings.get(module.as_str()), Some(ModBinding::Module(m)) if m == "dataclasses"))
            }
            _ => false,
        }
    }

    /// The class a base expression names.
    fn resolve_base(&mut self, expr: &ast::Expr) -> Option<ClassRef> {
        let class = match &expr.kind {
            ast::ExprKind::Name(name) if name == "object" => return None,
            ast::ExprKind::Name(name) => match self.bindings.get(name.as_str()) {
                Some(ModBinding::Class { class, .. }) => Some(class.clone()),
                Some(_) => None,
                None => {
                    if name == "BaseException" {
                        self.unsupported(expr.span, "\"BaseException\" (use Exception)");
                        return None;
                    }
                    if let Some(class) = crate::builtins::exception_class(name) {
                        Some(class)
                    } else {
                        self.error(Code::NameDefined, expr.span, format!("Name \"{name}\" is not defined"));
                        return None;
                    }
                }
            },
            ast::ExprKind::Attribute { value, attr } => match &value.kind {
                ast::ExprKind::Name(module) => match self.bindings.get(module.as_str()) {
                    Some(ModBinding::Module(module)) => match self.module_export(&module.clone(), &attr.name) {
                        Some(Export::Class(class)) => Some(class),
                        _ => None,
                    },
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        };
        match class {
            Some(class) if self.classes.contains_key(&class) => Some(class),
            Some(class) => {
                self.error(
                    Code::NameDefined,
                    expr.span,
                    format!("Name \"{}\" is used before definition", class.name()),
                );
                None
            }
            None => {
                self.error(Code::Misc, expr.span, "Invalid base class (a base must be a class)");
                None
            }
        }
    }

    fn collect_class(&mut self, def: &'a ast::ClassDef, span: Span) {
        let class = ClassRef::new(self.module.clone(), def.name.name.clone());
        let dataclass = self.dataclass_flags(&def.decorators);
        if def.bases.len() > 1 {
            self.unsupported(def.bases[1].span, "multiple inheritance");
        }
        let base = def.bases.first().and_then(|base| self.resolve_base(base));
        if let Some(base) = &base
            && self.classes.get(base).is_some_and(|info| info.dataclass.is_some())
            && dataclass.is_none()
        {
            self.unsupported(def.name.span, "a plain class deriving from a dataclass");
        }
        let mut fields: Vec<FieldInfo> = Vec::new();
        let mut field_spans: Vec<Span> = Vec::new();
        let mut methods: Vec<MethodInfo> = Vec::new();
        let mut method_ids: Vec<ir::MethodDecl> = Vec::new();
        let mut constants: Vec<(SmolStr, Type)> = Vec::new();
        for stmt in &def.body {
            match &stmt.kind {
                ast::StmtKind::Pass | ast::StmtKind::Error => {}
                ast::StmtKind::Expr(expr) if matches!(expr.kind, ast::ExprKind::Str(_) | ast::ExprKind::Ellipsis) => {}
                ast::StmtKind::AnnAssign { target, annotation, value } => {
                    let ast::ExprKind::Name(name) = &target.kind else {
                        self.unsupported(target.span, "this annotated target in a class body");
                        continue;
                    };
                    let ty = self.resolve_annotation(annotation);
                    if let Some(value) = value
                        && dataclass.is_some()
                        && matches!(value.kind, ast::ExprKind::List(_) | ast::ExprKind::Dict(_) | ast::ExprKind::Set(_))
                    {
                        self.error(
                            Code::Misc,
                            value.span,
                            format!("Mutable default for field \"{name}\" is not allowed (CPython raises ValueError)"),
                        );
                    }
                    if fields.iter().any(|field| field.name == *name) {
                        self.error(Code::Misc, target.span, format!("Name \"{name}\" already defined"));
                        continue;
                    }
                    fields.push(FieldInfo { name: name.clone(), ty, has_default: value.is_some() });
                    field_spans.push(target.span);
                }
                ast::StmtKind::Assign { targets, value } => {
                    let [target] = targets.as_slice() else {
                        self.unsupported(stmt.span, "chained assignment in a class body");
                        continue;
                    };
                    let ast::ExprKind::Name(name) = &target.kind else {
                        self.unsupported(target.span, "this assignment target in a class body");
                        continue;
                    };
                    if name == "__slots__" {
                        self.unsupported(stmt.span, "__slots__");
                        continue;
                    }
                    let ty = match literal_type(value) {
                        Some(ty) => ty,
                        None => {
                            self.error(
                                Code::Misc,
                                value.span,
                                format!("Cannot infer the type of class constant \"{name}\": annotate it"),
                            );
                            Type::Unknown
                        }
                    };
                    constants.push((name.clone(), ty));
                }
                ast::StmtKind::FunctionDef(method) => {
                    let kind = self.method_kind(method);
                    let skip_first = kind != MethodKind::Static;
                    if skip_first && method.params.params.is_empty() {
                        self.error(
                            Code::Misc,
                            method.name.span,
                            format!("Method \"{}\" must have at least one argument (self)", method.name.name),
                        );
                    }
                    let (sig, spans) = self.resolve_signature(method, skip_first);
                    self.check_dunder_signature(method, &sig);
                    let sig_for_body = std::sync::Arc::new(sig.clone());
                    if methods.iter().any(|known| known.name == method.name.name) {
                        self.error(
                            Code::Misc,
                            method.name.span,
                            format!("Name \"{}\" already defined", method.name.name),
                        );
                        continue;
                    }
                    let id = self.alloc_function();
                    self.param_spans.insert(id, spans);
                    self.func_sigs.insert(id, sig_for_body);
                    methods.push(MethodInfo { name: method.name.name.clone(), kind, sig });
                    method_ids.push(ir::MethodDecl {
                        name: method.name.name.clone(),
                        kind,
                        func: id,
                        defaults: Vec::new(),
                    });
                    self.pending.push(PendingBody { def: method, id, class: Some(class.clone()) });
                    if method.name.name == "__init__" {
                        self.init_fields(method, &mut fields, &mut field_spans);
                    }
                }
                _ => self.unsupported(stmt.span, "this statement in a class body"),
            }
        }
        if dataclass.is_some() {
            self.check_dataclass_defaults(&class, base.as_ref(), &fields, &field_spans);
            if methods.iter().any(|method| method.name == "__init__") {
                // Allowed by Python, but the generated __init__ is then replaced.
            }
        }
        let info = ClassInfo { class: class.clone(), base: base.clone(), fields, methods, constants, dataclass };
        self.check_overrides(&info, &def.body);
        self.check_redefined_members(&info, &field_spans, &def.body);
        self.classes.insert(class.clone(), Arc::new(info));
        let id = ir::ClassId(self.ir_classes.len() as u32);
        let is_exception = base.as_ref().is_some_and(|base| self.is_exception_class(base));
        self.ir_classes.push(ir::ClassDecl {
            class: class.clone(),
            base,
            fields: Vec::new(),
            methods: method_ids,
            constants: Vec::new(),
            dataclass,
            is_exception,
            span,
        });
        self.class_ids.insert(class, id);
    }

    /// Rules every class inherits from `object`, as mypy checks them: `__init__` returns
    /// `None`, and `__eq__`/`__ne__` accept any `object` (an override may not narrow it).
    fn check_dunder_signature(&mut self, method: &ast::FunctionDef, sig: &crate::interface::FuncSig) {
        match method.name.name.as_str() {
            "__init__" if sig.ret != Type::None && !sig.ret.is_unknown() => {
                let span = method.returns.as_ref().map_or(method.name.span, |returns| returns.span);
                self.error(Code::Misc, span, "The return type of \"__init__\" must be None");
            }
            "__eq__" | "__ne__" => {
                if let Some(param) = sig.params.first()
                    && param.ty != Type::Object
                    && !param.ty.is_unknown()
                {
                    self.report(
                        Diagnostic::error(
                            Code::Misc,
                            method.name.span,
                            format!(
                                "Argument 1 of \"{}\" is incompatible with supertype \"object\"; supertype defines the argument type as \"object\"",
                                method.name.name
                            ),
                        )
                        .with_note("declare `other: object` and narrow it with isinstance"),
                    );
                }
            }
            _ => {}
        }
    }

    pub(crate) fn method_kind(&mut self, def: &ast::FunctionDef) -> MethodKind {
        let mut kind = MethodKind::Instance;
        for decorator in &def.decorators {
            match &decorator.expr.kind {
                ast::ExprKind::Name(name) if name == "staticmethod" => kind = MethodKind::Static,
                ast::ExprKind::Name(name) if name == "classmethod" => kind = MethodKind::Class,
                _ => self.unsupported(decorator.span, "this method decorator"),
            }
        }
        kind
    }

    /// `self.x: T = ...` anywhere in `__init__` declares field `x`.
    fn init_fields(&mut self, init: &ast::FunctionDef, fields: &mut Vec<FieldInfo>, spans: &mut Vec<Span>) {
        let Some(self_name) = init.params.params.first().map(|param| param.name.name.clone()) else { return };
        let mut found: Vec<(&ast::Ident, &ast::Expr, Span)> = Vec::new();
        collect_self_annotations(&init.body, &self_name, &mut found);
        for (attr, annotation, span) in found {
            let ty = self.resolve_annotation(annotation);
            if let Some(existing) = fields.iter().find(|field| field.name == attr.name) {
                if existing.ty != ty {
                    self.error(
                        Code::Assignment,
                        span,
                        format!(
                            "Incompatible types in assignment (expression has type \"{ty}\", variable has type \"{}\")",
                            existing.ty
                        ),
                    );
                }
                continue;
            }
            fields.push(FieldInfo { name: attr.name.clone(), ty, has_default: false });
            spans.push(attr.span);
        }
    }

    fn check_dataclass_defaults(
        &mut self,
        class: &ClassRef,
        base: Option<&ClassRef>,
        fields: &[FieldInfo],
        spans: &[Span],
    ) {
        let mut seen_default =
            base.is_some_and(|base| self.all_fields(base).iter().any(|(_, field)| field.has_default));
        for (field, span) in fields.iter().zip(spans) {
            if field.has_default {
                seen_default = true;
            } else if seen_default {
                self.error(
                    Code::Misc,
                    *span,
                    format!("Attributes without a default cannot follow attributes with one (in \"{}\")", class.name()),
                );
            }
        }
    }

    fn check_overrides(&mut self, info: &ClassInfo, body: &[ast::Stmt]) {
        let Some(base) = &info.base else { return };
        for method in &info.methods {
            if method.name == "__init__" {
                continue;
            }
            let Some((owner, inherited)) = self.find_method(base, &method.name) else { continue };
            let span = def_name_span(body, &method.name);
            if method.kind == MethodKind::Static && inherited.kind != MethodKind::Static {
                // Python accepts it, but a call through the base class passes the receiver.
                self.unsupported(span, "a static method overriding an instance or class method");
                continue;
            }
            if !override_shape_fits(method.kind, &method.sig, inherited.kind, &inherited.sig) {
                self.report(
                    Diagnostic::error(
                        Code::Misc,
                        span,
                        format!("Signature of \"{}\" incompatible with supertype \"{}\"", method.name, owner.name()),
                    )
                    .with_note(
                        "an override keeps the parameters' names, order and defaults; it may add parameters with defaults at the end",
                    ),
                );
                continue;
            }
            for (idx, (mine, theirs)) in method.sig.params.iter().zip(&inherited.sig.params).enumerate() {
                if !self.is_assignable(&theirs.ty, &mine.ty) {
                    self.error(
                        Code::Misc,
                        span,
                        format!(
                            "Argument {} of \"{}\" is incompatible with supertype \"{}\"; supertype defines the argument type as \"{}\"",
                            idx + 1,
                            method.name,
                            owner.name(),
                            theirs.ty
                        ),
                    );
                }
            }
            if !self.is_assignable(&method.sig.ret, &inherited.sig.ret) {
                self.error(
                    Code::Misc,
                    span,
                    format!(
                        "Return type \"{}\" of \"{}\" incompatible with return type \"{}\" in supertype \"{}\"",
                        method.sig.ret,
                        method.name,
                        inherited.sig.ret,
                        owner.name()
                    ),
                );
            }
        }
    }

    /// A field or constant of the class that an ancestor defines too must keep a type the
    /// ancestor's accepts, and may not replace a method; a method may not replace a field
    /// or constant (code through the base class would find the wrong kind of member).
    fn check_redefined_members(&mut self, info: &ClassInfo, field_spans: &[Span], body: &[ast::Stmt]) {
        let Some(base) = &info.base else { return };
        let constant_span = |name: &str| {
            body.iter()
                .find_map(|stmt| match &stmt.kind {
                    ast::StmtKind::Assign { targets, .. } => targets
                        .iter()
                        .find(|target| matches!(&target.kind, ast::ExprKind::Name(known) if known == name))
                        .map(|target| target.span),
                    _ => None,
                })
                .unwrap_or_default()
        };
        let mut values: Vec<(SmolStr, Type, Span)> = Vec::new();
        for (field, span) in info.fields.iter().zip(field_spans) {
            values.push((field.name.clone(), field.ty.clone(), *span));
        }
        for (name, ty) in &info.constants {
            values.push((name.clone(), ty.clone(), constant_span(name)));
        }
        for (name, ty, span) in values {
            let Some((owner, inherited)) = self.inherited_member(base, &name) else { continue };
            let (fits, base_ty) = match inherited {
                InheritedMember::Value(base_ty) => (ty.is_unknown() || self.is_assignable(&ty, &base_ty), base_ty),
                InheritedMember::Method(method) => (false, method.sig.as_callable()),
            };
            if !fits {
                self.error(
                    Code::Assignment,
                    span,
                    format!(
                        "Incompatible types in assignment (expression has type \"{ty}\", base class \"{}\" defined the type as \"{base_ty}\")",
                        owner.name()
                    ),
                );
            }
        }
        for method in &info.methods {
            let Some((owner, InheritedMember::Value(_))) = self.inherited_member(base, &method.name) else { continue };
            let span = def_name_span(body, &method.name);
            self.report(
                Diagnostic::error(
                    Code::Misc,
                    span,
                    format!("Signature of \"{}\" incompatible with supertype \"{}\"", method.name, owner.name()),
                )
                .with_note("a method may not replace an inherited field or class constant"),
            );
        }
    }

    /// The member `name` as the nearest of `class` and its ancestors defines it.
    fn inherited_member(&self, class: &ClassRef, name: &str) -> Option<(ClassRef, InheritedMember)> {
        for info in self.chain(class) {
            if let Some(field) = info.field(name) {
                return Some((info.class.clone(), InheritedMember::Value(field.ty.clone())));
            }
            if let Some(ty) = info.constant(name) {
                return Some((info.class.clone(), InheritedMember::Value(ty.clone())));
            }
            if let Some(method) = info.method(name) {
                return Some((info.class.clone(), InheritedMember::Method(method.clone())));
            }
        }
        None
    }

    /// The `class` statement: evaluates field defaults and constants into the IR layout.
    pub(crate) fn check_class_stmt(&mut self, def: &'a ast::ClassDef) -> Option<ir::ClassId> {
        let class = ClassRef::new(self.module.clone(), def.name.name.clone());
        let id = *self.class_ids.get(&class)?;
        let info = self.class_info(&class)?;
        let mut defaults: Vec<(SmolStr, ir::Expr)> = Vec::new();
        let mut constants: Vec<(SmolStr, ir::Expr)> = Vec::new();
        for stmt in &def.body {
            match &stmt.kind {
                ast::StmtKind::AnnAssign { target, value: Some(value), .. } => {
                    let ast::ExprKind::Name(name) = &target.kind else { continue };
                    let expected = info.field(name).map(|field| field.ty.clone()).unwrap_or(Type::Unknown);
                    let value = self.check_expr_expect(value, &expected);
                    self.require_assignable(&value, &expected, "variable");
                    defaults.push((name.clone(), value));
                }
                ast::StmtKind::Assign { targets, value } => {
                    let Some(ast::ExprKind::Name(name)) = targets.first().map(|target| &target.kind) else { continue };
                    let value = self.check_expr(value);
                    constants.push((name.clone(), value));
                }
                ast::StmtKind::FunctionDef(method) => {
                    let Some(decl) = self.ir_classes.get(id.0 as usize) else { continue };
                    let Some(func) =
                        decl.methods.iter().find(|known| known.name == method.name.name).map(|known| known.func)
                    else {
                        continue;
                    };
                    let values = self.check_defaults(method, func);
                    if let Some(decl) = self.ir_classes.get_mut(id.0 as usize)
                        && let Some(known) = decl.methods.iter_mut().find(|known| known.func == func)
                    {
                        known.defaults = values;
                    }
                }
                _ => {}
            }
        }
        let mut fields = Vec::new();
        for (owner, field) in self.all_fields(&class) {
            // A subclass that re-declares an inherited field with a new class-body value
            // (`NAME: str = "derived"`) overrides the default, as the class attribute
            // would in Python.
            let default =
                defaults.iter().position(|(name, _)| *name == field.name).map(|idx| defaults.swap_remove(idx).1);
            fields.push(ir::FieldDecl { name: field.name, ty: field.ty, default, owner });
        }
        if let Some(decl) = self.ir_classes.get_mut(id.0 as usize) {
            decl.fields = fields;
            decl.constants = constants;
        }
        Some(id)
    }
}

/// What an ancestor defines under a name a subclass defines again.
enum InheritedMember {
    /// A field or a class constant, with its type.
    Value(Type),
    Method(MethodInfo),
}

/// Whether an override accepts every call the inherited method accepts, with each
/// argument landing in the same place (calls through the base class pass arguments by
/// position): the inherited parameters come first, with the same names; a keyword-only
/// one may become positional-or-keyword; a default may be added but not removed; and any
/// extra parameters at the end have defaults. The method kinds are the same.
fn override_shape_fits(mine_kind: MethodKind, mine: &FuncSig, theirs_kind: MethodKind, theirs: &FuncSig) -> bool {
    mine_kind == theirs_kind
        && mine.params.len() >= theirs.params.len()
        && mine.params.iter().zip(&theirs.params).all(|(mine, theirs)| {
            mine.name == theirs.name
                && (mine.kind == theirs.kind || theirs.kind == ParamKind::KeywordOnly)
                && (mine.has_default || !theirs.has_default)
        })
        && mine.params[theirs.params.len()..].iter().all(|extra| extra.has_default)
}

/// `self.<attr>: T` statements at any depth of a method body (not in nested functions).
fn collect_self_annotations<'b>(
    body: &'b [ast::Stmt],
    self_name: &str,
    out: &mut Vec<(&'b ast::Ident, &'b ast::Expr, Span)>,
) {
    for stmt in body {
        match &stmt.kind {
            ast::StmtKind::AnnAssign { target, annotation, .. } => {
                if let ast::ExprKind::Attribute { value, attr } = &target.kind
                    && matches!(&value.kind, ast::ExprKind::Name(name) if name == self_name)
                {
                    out.push((attr, annotation, target.span));
                }
            }
            ast::StmtKind::If { branches, orelse } => {
                for branch in branches {
                    collect_self_annotations(&branch.body, self_name, out);
                }
                if let Some(orelse) = orelse {
                    collect_self_annotations(orelse, self_name, out);
                }
            }
            ast::StmtKind::While { body, orelse, .. } | ast::StmtKind::For { body, orelse, .. } => {
                collect_self_annotations(body, self_name, out);
                if let Some(orelse) = orelse {
                    collect_self_annotations(orelse, self_name, out);
                }
            }
            ast::StmtKind::Try(try_stmt) => {
                collect_self_annotations(&try_stmt.body, self_name, out);
                for handler in &try_stmt.handlers {
                    collect_self_annotations(&handler.body, self_name, out);
                }
                for block in [&try_stmt.orelse, &try_stmt.finalbody].into_iter().flatten() {
                    collect_self_annotations(block, self_name, out);
                }
            }
            _ => {}
        }
    }
}

/// The type of a class constant's value when it is a literal (or a display of literals).
fn literal_type(expr: &ast::Expr) -> Option<Type> {
    Some(match &expr.kind {
        ast::ExprKind::Int(_) => Type::Int,
        ast::ExprKind::Float(_) => Type::Float,
        ast::ExprKind::Str(_) | ast::ExprKind::FString(_) => Type::Str,
        ast::ExprKind::Bool(_) => Type::Bool,
        ast::ExprKind::Unary { op: ast::UnaryOp::Neg | ast::UnaryOp::Pos, operand } => match literal_type(operand)? {
            Type::Bool => Type::Int,
            ty @ (Type::Int | Type::Float) => ty,
            _ => return None,
        },
        ast::ExprKind::Tuple(items) => Type::tuple(items.iter().map(literal_type).collect::<Option<Vec<_>>>()?),
        ast::ExprKind::List(items) | ast::ExprKind::Set(items) => {
            let mut elem = literal_type(items.first()?)?;
            for item in &items[1..] {
                elem = crate::types::simple_join(&elem, &literal_type(item)?);
            }
            if matches!(expr.kind, ast::ExprKind::List(_)) { Type::list(elem) } else { Type::set(elem) }
        }
        ast::ExprKind::Dict(pairs) => {
            let (first_key, first_value) = pairs.first()?;
            let (mut key, mut value) = (literal_type(first_key)?, literal_type(first_value)?);
            for (item_key, item_value) in &pairs[1..] {
                key = crate::types::simple_join(&key, &literal_type(item_key)?);
                value = crate::types::simple_join(&value, &literal_type(item_value)?);
            }
            Type::dict(key, value)
        }
        ast::ExprKind::Binary { left, right, op } => {
            let (left, right) = (literal_type(left)?, literal_type(right)?);
            match (left, right, op) {
                (Type::Str, Type::Str, ast::BinOp::Add) => Type::Str,
                (Type::Int, Type::Int, ast::BinOp::Div) => Type::Float,
                (Type::Int, Type::Int, _) => Type::Int,
                (l, r, _) if l.is_numeric() && r.is_numeric() => Type::Float,
                _ => return None,
            }
        }
        _ => return None,
    })
}

/// The span of the name of the `def NAME` in a class body (empty if there is none).
fn def_name_span(body: &[ast::Stmt], name: &str) -> Span {
    body.iter()
        .find_map(|stmt| match &stmt.kind {
            ast::StmtKind::FunctionDef(def) if def.name.name == name => Some(def.name.span),
            _ => None,
        })
        .unwrap_or_default()
}
