//! Calls: resolution of the callee (function, method, constructor, `super()`, built-in,
//! built-in method, callable value) and matching of the arguments to the parameters.

use std::fmt;
use std::sync::Arc;

use smol_str::SmolStr;
use typhon_diagnostics::{Code, Diagnostic, Span};
use typhon_parser::ast;

use super::Checker;
use super::expr::{error_expr, mk};
use super::methods::{MethodSig, builtin_method};
use crate::interface::{Export, FuncSig, MethodKind, ParamKind, ParamSig};
use crate::ir::{self, Arg, Callee, ExprKind, NameRef};
use crate::types::{ClassRef, Type, ViewKind};

/// How a callee is named in messages: `"f"` or `"m" of "C"`.
#[derive(Clone)]
pub(crate) enum CalleeName {
    Function(SmolStr),
    Method(SmolStr, String),
}

impl fmt::Display for CalleeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalleeName::Function(name) => write!(f, "\"{name}\""),
            CalleeName::Method(name, owner) => write!(f, "\"{name}\" of \"{owner}\""),
        }
    }
}

impl<'a> Checker<'a> {
    pub(crate) fn check_call(
        &mut self,
        func: &'a ast::Expr,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
        span: Span,
        expected: Option<&Type>,
    ) -> ir::Expr {
        let mut call = self.check_call_inner(func, args, keywords, span, expected);
        if let ExprKind::Call(inner) = &mut call.kind {
            inner.callee_span = func.span;
        }
        call
    }

    fn check_call_inner(
        &mut self,
        func: &'a ast::Expr,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
        span: Span,
        expected: Option<&Type>,
    ) -> ir::Expr {
        if let ast::ExprKind::Attribute { value, attr } = &func.kind {
            if let ast::ExprKind::Call { func: inner, args: super_args, .. } = &value.kind
                && matches!(&inner.kind, ast::ExprKind::Name(name) if name == "super")
            {
                if !super_args.is_empty() {
                    self.unsupported(value.span, "super() with arguments");
                }
                return self.check_super_call(attr, args, keywords, span);
            }
            let obj = self.check_expr(value);
            return self.check_method_call(obj, attr, args, keywords, span, expected);
        }
        if let ast::ExprKind::Name(name) = &func.kind
            && name == "super"
        {
            self.error(Code::Misc, span, "super() is only supported as super().method(...)");
            return error_expr(span);
        }
        let callee = self.check_expr(func);
        self.call_value(callee, args, keywords, span, expected)
    }

    /// Calls whatever a checked callee expression stands for.
    fn call_value(
        &mut self,
        callee: ir::Expr,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
        span: Span,
        expected: Option<&Type>,
    ) -> ir::Expr {
        match (&callee.kind, &callee.ty) {
            (_, Type::Unknown) => {
                self.check_args_loosely(args, keywords);
                error_expr(span)
            }
            (ExprKind::Name(NameRef::Builtin(builtin)), _) => {
                self.check_builtin_call(*builtin, args, keywords, span, expected)
            }
            (ExprKind::Name(NameRef::Function(func)), _) => {
                let func = func.clone();
                let Some((sig, spans)) = self.function_sig(&func) else {
                    self.check_args_loosely(args, keywords);
                    return error_expr(span);
                };
                let (call_args, order) = self.match_args(
                    &sig,
                    args,
                    keywords,
                    span,
                    &CalleeName::Function(func.name.clone()),
                    spans.as_deref(),
                );
                let ret = self.special_native_ret(&func, &call_args).unwrap_or_else(|| sig.ret.clone());
                let callee = if crate::builtins::is_builtin_module(&func.module) {
                    Callee::NativeModuleFunction { module: func.module.clone(), name: func.name.clone() }
                } else {
                    Callee::Function(func)
                };
                call_expr(callee, call_args, order, ret, span)
            }
            (ExprKind::Name(NameRef::Class(class)), _) => {
                let class = class.clone();
                self.check_constructor(&class, args, keywords, span)
            }
            (_, Type::Callable(callable)) => {
                let callable = callable.clone();
                let required = callable.required();
                let sig = FuncSig {
                    params: callable
                        .params
                        .iter()
                        .enumerate()
                        .map(|(idx, ty)| ParamSig {
                            name: format!("__p{idx}").into(),
                            ty: ty.clone(),
                            kind: ParamKind::PositionalOrKeyword,
                            has_default: idx >= required,
                        })
                        .collect(),
                    ret: callable.ret.clone(),
                };
                if !keywords.is_empty() {
                    self.error(
                        Code::CallArg,
                        keywords[0].span,
                        "Keyword arguments are not allowed when calling a Callable value",
                    );
                }
                let name = CalleeName::Function(callable_name(&callee));
                let (call_args, order) = self.match_args(&sig, args, &[], span, &name, None);
                // Only the arguments given are passed: the function applies its own defaults.
                let call_args: Vec<Arg> = call_args.into_iter().filter(|arg| matches!(arg, Arg::Value(_))).collect();
                call_expr(Callee::Indirect(Box::new(callee)), call_args, order, callable.ret.clone(), span)
            }
            (_, Type::ClassObj(class)) => {
                let class = class.clone();
                let mut call = self.check_constructor(&class, args, keywords, span);
                // The class is a value here (`cls`): the run-time class may be a subclass.
                if let ExprKind::Call(inner) = &mut call.kind
                    && let Callee::Constructor { class, init } = &inner.callee
                {
                    inner.callee = Callee::ConstructorOf {
                        class_value: Box::new(callee),
                        class: class.clone(),
                        init: init.clone(),
                    };
                }
                call
            }
            (_, Type::BuiltinFunction(name)) => match crate::builtins::Builtin::from_name(name) {
                // The type names exactly one built-in: the call is that built-in's.
                Some(builtin) => self.check_builtin_call(builtin, args, keywords, span, expected),
                None => {
                    self.unsupported(span, "calling this built-in through a variable");
                    self.check_args_loosely(args, keywords);
                    error_expr(span)
                }
            },
            (_, Type::BoundBuiltinMethod(bound)) => {
                let bound = bound.clone();
                self.call_bound_builtin_method(callee, &bound.0, &bound.1, args, keywords, span)
            }
            (_, Type::BuiltinMethod(_)) => {
                self.unsupported(span, "calling a built-in method through a variable");
                self.check_args_loosely(args, keywords);
                error_expr(span)
            }
            (_, ty) => {
                let message = if ty.is_optional() {
                    format!("\"None\" not callable (the value has type \"{ty}\")")
                } else {
                    format!("\"{ty}\" not callable")
                };
                self.error(Code::Operator, callee.span, message);
                self.check_args_loosely(args, keywords);
                error_expr(span)
            }
        }
    }

    /// A call of a bound built-in method value (`push = xs.append; push(0)`): the
    /// arguments are matched to the method's signature; the call stays indirect, with the
    /// positional arguments given.
    fn call_bound_builtin_method(
        &mut self,
        callee: ir::Expr,
        recv: &Type,
        method: &SmolStr,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
        span: Span,
    ) -> ir::Expr {
        let Some(sig) = builtin_method(recv, method) else {
            self.check_args_loosely(args, keywords);
            return error_expr(span);
        };
        if let Some(keyword) = keywords.first() {
            self.unsupported(keyword.span, "keyword arguments in a call of a built-in method value");
            self.check_args_loosely(args, keywords);
            return error_expr(span);
        }
        if sig.variadic {
            let values = args.iter().map(|arg| Arg::Value(self.check_arg(arg, None))).collect();
            return call_expr(Callee::Indirect(Box::new(callee)), values, None, sig.ret, span);
        }
        let name = CalleeName::Method(method.clone(), builtin_owner(recv).to_string());
        let func_sig = method_func_sig(&sig);
        let (values, _) = self.match_args(&func_sig, args, &[], span, &name, None);
        // Only the arguments given are passed: the method applies its own defaults.
        let values: Vec<Arg> = values.into_iter().filter(|arg| matches!(arg, Arg::Value(_))).collect();
        let ret = self.bound_method_ret(recv, method, sig.ret, &values);
        call_expr(Callee::Indirect(Box::new(callee)), values, None, ret, span)
    }

    /// `dict.get`/`dict.pop` with a default: the result joins the value and the default.
    fn bound_method_ret(&self, recv: &Type, method: &str, ret: Type, values: &[Arg]) -> Type {
        if let Type::Dict(kv) = recv
            && (method == "get" || method == "pop")
            && let Some(Arg::Value(default)) = values.get(1)
        {
            return self.join(&kv.1, &default.ty);
        }
        ret
    }

    /// Checks arguments of a call that could not be resolved, so their own errors show.
    fn check_args_loosely(&mut self, args: &'a [ast::Expr], keywords: &'a [ast::Keyword]) {
        for arg in args {
            self.check_arg(arg, None);
        }
        for keyword in keywords {
            self.check_arg(&keyword.value, None);
        }
    }

    /// An argument: a generator expression is allowed here (and only here).
    pub(crate) fn check_arg(&mut self, arg: &'a ast::Expr, expected: Option<&Type>) -> ir::Expr {
        match &arg.kind {
            ast::ExprKind::GeneratorExp { elt, generators } => {
                self.check_comprehension(ir::ComprehensionKind::Generator, elt, None, generators, arg.span, None)
            }
            _ => match expected {
                Some(want) if *want != Type::Unknown => self.check_expr_expect(arg, want),
                _ => self.check_expr(arg),
            },
        }
    }

    /// Whether an argument of type `have` fits a parameter of type `want` (which may be
    /// the "any iterable of T" marker of built-in methods).
    pub(crate) fn accepts(&self, have: &Type, want: &Type) -> bool {
        match want {
            Type::View(ViewKind::Generator, elem) => match have.iter_elem() {
                Some(got) => self.is_assignable(&got, elem),
                None => false,
            },
            _ => self.is_assignable(have, want),
        }
    }

    fn function_sig(&self, func: &ir::FuncRef) -> Option<(Arc<FuncSig>, Option<Vec<Span>>)> {
        if func.module == self.module
            && let Some(super::ModBinding::Function { sig, id, .. }) = self.bindings.get(&func.name)
        {
            let spans = id.and_then(|id| self.param_spans.get(&id).cloned());
            return Some((sig.clone(), spans));
        }
        if let Some(sig) = self.imported_sigs.get(func) {
            return Some((sig.clone(), None));
        }
        match self.module_export(&func.module, &func.name) {
            Some(Export::Function { sig, .. }) => Some((Arc::new(sig), None)),
            _ => None,
        }
    }

    /// Return types of the generic functions of built-in modules.
    fn special_native_ret(&mut self, func: &ir::FuncRef, args: &[Arg]) -> Option<Type> {
        if func.module != "random" {
            return None;
        }
        let first = match args.first() {
            Some(Arg::Value(value)) => value,
            _ => return None,
        };
        match func.name.as_str() {
            "choice" => match &first.ty {
                Type::List(_) | Type::Tuple(_) | Type::TupleOf(_) | Type::Str | Type::Range => first.ty.iter_elem(),
                Type::Unknown => Some(Type::Unknown),
                other => {
                    self.error(
                        Code::ArgType,
                        first.span,
                        format!("Argument 1 to \"choice\" has incompatible type \"{other}\"; expected a sequence"),
                    );
                    Some(Type::Unknown)
                }
            },
            "shuffle" => {
                if !matches!(first.ty, Type::List(_) | Type::Unknown) {
                    self.error(
                        Code::ArgType,
                        first.span,
                        format!("Argument 1 to \"shuffle\" has incompatible type \"{}\"; expected a list", first.ty),
                    );
                }
                Some(Type::None)
            }
            _ => None,
        }
    }

    /// Matches positional and keyword arguments to `sig`'s parameters, checking types.
    pub(crate) fn match_args(
        &mut self,
        sig: &FuncSig,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
        span: Span,
        name: &CalleeName,
        param_spans: Option<&[Span]>,
    ) -> (Vec<Arg>, Option<Vec<u32>>) {
        let n = sig.params.len();
        let mut slots: Vec<Option<ir::Expr>> = (0..n).map(|_| None).collect();
        let mut order: Vec<u32> = Vec::with_capacity(args.len() + keywords.len());
        let n_positional = sig.params.iter().take_while(|param| param.kind == ParamKind::PositionalOrKeyword).count();
        let mut reported_too_many = false;
        let mut unexpected_keyword = false;
        for (idx, arg) in args.iter().enumerate() {
            if idx >= n_positional {
                if !reported_too_many {
                    self.error(Code::CallArg, arg.span, format!("Too many arguments for {name}"));
                    reported_too_many = true;
                }
                self.check_arg(arg, None);
                continue;
            }
            let param = &sig.params[idx];
            let value = self.check_arg(arg, Some(&param.ty));
            self.require_arg(
                &value,
                param,
                ArgLabel::Position(idx + 1),
                name,
                param_spans.and_then(|spans| spans.get(idx)),
            );
            slots[idx] = Some(value);
            order.push(idx as u32);
        }
        for keyword in keywords {
            let Some(idx) = sig.params.iter().position(|param| param.name == keyword.arg.name) else {
                self.error(
                    Code::CallArg,
                    keyword.arg.span,
                    format!("Unexpected keyword argument \"{}\" for {name}", keyword.arg.name),
                );
                self.check_arg(&keyword.value, None);
                unexpected_keyword = true;
                continue;
            };
            let param = &sig.params[idx];
            let value = self.check_arg(&keyword.value, Some(&param.ty));
            if slots[idx].is_some() {
                // mypy reports this one under `misc`.
                self.error(
                    Code::Misc,
                    keyword.span,
                    format!("{name} gets multiple values for keyword argument \"{}\"", param.name),
                );
                continue;
            }
            self.require_arg(
                &value,
                param,
                ArgLabel::Keyword(&param.name),
                name,
                param_spans.and_then(|spans| spans.get(idx)),
            );
            slots[idx] = Some(value);
            order.push(idx as u32);
        }
        let mut missing_positional: Vec<&str> = Vec::new();
        let mut missing_named: Vec<&str> = Vec::new();
        for (param, slot) in sig.params.iter().zip(&slots) {
            if slot.is_none() && !param.has_default {
                match param.kind {
                    ParamKind::PositionalOrKeyword => missing_positional.push(&param.name),
                    ParamKind::KeywordOnly => missing_named.push(&param.name),
                }
            }
        }
        // As mypy: an unexpected keyword is usually a misspelt one, so the parameter it
        // was meant for is not reported missing as well.
        if unexpected_keyword {
            missing_positional.clear();
            missing_named.clear();
        }
        if !missing_positional.is_empty() {
            let plural = if missing_positional.len() > 1 { "s" } else { "" };
            let names = missing_positional.iter().map(|name| format!("\"{name}\"")).collect::<Vec<_>>().join(", ");
            self.error(Code::CallArg, span, format!("Missing positional argument{plural} {names} in call to {name}"));
        }
        if !missing_named.is_empty() {
            let plural = if missing_named.len() > 1 { "s" } else { "" };
            let names = missing_named.iter().map(|name| format!("\"{name}\"")).collect::<Vec<_>>().join(", ");
            self.error(Code::CallArg, span, format!("Missing named argument{plural} {names} for {name}"));
        }
        let in_order = order.windows(2).all(|pair| pair[0] < pair[1]);
        let args = slots.into_iter().map(|slot| slot.map_or(Arg::Default, Arg::Value)).collect();
        (args, if in_order { None } else { Some(order) })
    }

    fn require_arg(
        &mut self,
        value: &ir::Expr,
        param: &ParamSig,
        label: ArgLabel<'_>,
        name: &CalleeName,
        param_span: Option<&Span>,
    ) {
        if self.accepts(&value.ty, &param.ty) {
            return;
        }
        let expected = match &param.ty {
            Type::View(ViewKind::Generator, elem) => format!("Iterable[{elem}]"),
            other => other.to_string(),
        };
        let which = match label {
            ArgLabel::Position(position) => position.to_string(),
            ArgLabel::Keyword(keyword) => format!("\"{keyword}\""),
        };
        let mut diagnostic = Diagnostic::error(
            Code::ArgType,
            value.span,
            format!("Argument {which} to {name} has incompatible type \"{}\"; expected \"{expected}\"", value.ty),
        );
        if let Some(span) = param_span {
            diagnostic = diagnostic.with_label(*span, format!("parameter \"{}\" declared here", param.name));
        }
        self.report(diagnostic);
    }

    // ----- constructors -----

    /// The signature of `C(...)` and the class whose `__init__` it is (`None`: no
    /// `__init__`, or the built-in exception constructor when `any_args`).
    pub(crate) fn constructor_sig(&self, class: &ClassRef) -> (FuncSig, Option<ClassRef>, bool) {
        for info in self.chain(class) {
            if let Some(init) = info.method("__init__") {
                return (FuncSig { params: init.sig.params.clone(), ret: Type::None }, Some(info.class.clone()), false);
            }
            if info.dataclass.is_some() {
                // Only fields declared by dataclasses take part in the generated __init__.
                let params = self
                    .all_fields(&info.class)
                    .into_iter()
                    .filter(|(owner, _)| self.classes.get(owner).is_some_and(|owner| owner.dataclass.is_some()))
                    .map(|(_, field)| ParamSig {
                        name: field.name,
                        ty: field.ty,
                        kind: ParamKind::PositionalOrKeyword,
                        has_default: field.has_default,
                    })
                    .collect();
                return (FuncSig { params, ret: Type::None }, Some(info.class.clone()), false);
            }
            if info.class.is_builtin() {
                return (FuncSig { params: Vec::new(), ret: Type::None }, None, true);
            }
        }
        (FuncSig { params: Vec::new(), ret: Type::None }, None, false)
    }

    fn check_constructor(
        &mut self,
        class: &ClassRef,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
        span: Span,
    ) -> ir::Expr {
        let (sig, init, any_args) = self.constructor_sig(class);
        let ty = Type::Instance(class.clone());
        if any_args {
            let values: Vec<Arg> = args.iter().map(|arg| Arg::Value(self.check_arg(arg, None))).collect();
            if let Some(keyword) = keywords.first() {
                self.error(
                    Code::CallArg,
                    keyword.span,
                    format!("Unexpected keyword argument \"{}\" for \"{class}\"", keyword.arg.name),
                );
            }
            return call_expr(Callee::Constructor { class: class.clone(), init: None }, values, None, ty, span);
        }
        let spans = init.as_ref().and_then(|owner| self.method_param_spans(owner, "__init__"));
        let (values, order) =
            self.match_args(&sig, args, keywords, span, &CalleeName::Function(class.name().clone()), spans.as_deref());
        call_expr(Callee::Constructor { class: class.clone(), init }, values, order, ty, span)
    }

    fn method_param_spans(&self, class: &ClassRef, method: &str) -> Option<Vec<Span>> {
        let id = self.class_ids.get(class)?;
        let decl = self.ir_classes.get(id.0 as usize)?;
        let found = decl.methods.iter().find(|known| known.name == method)?;
        self.param_spans.get(&found.func).cloned()
    }

    // ----- methods -----

    fn check_super_call(
        &mut self,
        attr: &ast::Ident,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
        span: Span,
    ) -> ir::Expr {
        let (class, kind) = match self.ctx_ref() {
            Some(ctx) => (ctx.class.clone(), ctx.method_kind),
            None => (None, None),
        };
        let Some(class) = class.filter(|_| kind == Some(MethodKind::Instance)) else {
            self.error(Code::Misc, span, "super() is only supported inside an instance method");
            self.check_args_loosely(args, keywords);
            return error_expr(span);
        };
        let base = self.class_info(&class).and_then(|info| info.base.clone());
        let Some(base) = base else {
            if attr.name == "__init__" {
                // `object.__init__()` takes nothing and does nothing.
                self.check_args_loosely(args, keywords);
                return mk(ExprKind::None, Type::None, span);
            }
            self.error(Code::AttrDefined, attr.span, format!("\"{}\" undefined in superclass", attr.name));
            return error_expr(span);
        };
        let self_value = mk(ExprKind::Name(NameRef::Local(ir::LocalId(0))), Type::Instance(class.clone()), span);
        if attr.name == "__init__" {
            let (sig, init, any_args) = self.constructor_sig(&base);
            let values: Vec<Arg> = if any_args {
                args.iter().map(|arg| Arg::Value(self.check_arg(arg, None))).collect()
            } else {
                let name = CalleeName::Method("__init__".into(), base.name().to_string());
                self.match_args(&sig, args, keywords, span, &name, None).0
            };
            let owner = match init {
                Some(owner) => owner,
                // A built-in exception's __init__ stores the arguments.
                None if any_args => base,
                // `object.__init__()`: nothing to call.
                None => return mk(ExprKind::None, Type::None, span),
            };
            let callee = Callee::Super { class: owner, name: attr.name.clone(), self_value: Box::new(self_value) };
            return call_expr(callee, values, None, Type::None, span);
        }
        let Some((owner, method)) = self.find_method(&base, &attr.name) else {
            self.error(Code::AttrDefined, attr.span, format!("\"{}\" undefined in superclass", attr.name));
            self.check_args_loosely(args, keywords);
            return error_expr(span);
        };
        let name = CalleeName::Method(attr.name.clone(), owner.name().to_string());
        let (values, order) = self.match_args(&method.sig, args, keywords, span, &name, None);
        let callee = Callee::Super { class: owner, name: attr.name.clone(), self_value: Box::new(self_value) };
        call_expr(callee, values, order, method.sig.ret.clone(), span)
    }

    fn check_method_call(
        &mut self,
        obj: ir::Expr,
        attr: &'a ast::Ident,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
        span: Span,
        expected: Option<&Type>,
    ) -> ir::Expr {
        let obj_ty = obj.ty.clone();
        match &obj_ty {
            Type::Unknown => {
                self.check_args_loosely(args, keywords);
                error_expr(span)
            }
            Type::Module(module) => {
                let callee = self.module_attribute(module, attr, attr.span);
                self.call_value(callee, args, keywords, span, expected)
            }
            Type::Instance(class) => {
                if let Some((owner, method)) = self.find_method(class, &attr.name) {
                    let name = CalleeName::Method(attr.name.clone(), class.name().to_string());
                    let spans = self.method_param_spans(&owner, &attr.name);
                    let (values, order) = self.match_args(&method.sig, args, keywords, span, &name, spans.as_deref());
                    let callee = Callee::Method {
                        recv: Box::new(obj),
                        class: owner,
                        name: attr.name.clone(),
                        kind: method.kind,
                    };
                    return call_expr(callee, values, order, method.sig.ret.clone(), span);
                }
                // A field holding a callable value.
                let value = self.attribute_of(obj, attr, attr.span.cover(span));
                self.call_value(value, args, keywords, span, expected)
            }
            Type::ClassObj(class) => {
                if let Some((owner, method)) = self.find_method(class, &attr.name) {
                    if method.kind == MethodKind::Instance {
                        // As mypy: the call takes `self` explicitly. A wrong call gets its
                        // call-arg/arg-type errors; a right one is outside the subset.
                        let mut params = vec![ParamSig {
                            name: "self".into(),
                            ty: Type::Instance(class.clone()),
                            kind: ParamKind::PositionalOrKeyword,
                            has_default: false,
                        }];
                        params.extend(method.sig.params.iter().cloned());
                        let explicit = FuncSig { params, ret: method.sig.ret.clone() };
                        let name = CalleeName::Method(attr.name.clone(), class.name().to_string());
                        let before = self.diagnostics.len();
                        self.match_args(&explicit, args, keywords, span, &name, None);
                        if self.diagnostics.len() == before {
                            self.unsupported(span, "calling an instance method through the class");
                        }
                        return error_expr(span);
                    }
                    let name = CalleeName::Method(attr.name.clone(), class.name().to_string());
                    let spans = self.method_param_spans(&owner, &attr.name);
                    let (values, order) = self.match_args(&method.sig, args, keywords, span, &name, spans.as_deref());
                    let callee = Callee::ClassMethod {
                        recv: Box::new(obj),
                        class: owner,
                        name: attr.name.clone(),
                        kind: method.kind,
                    };
                    return call_expr(callee, values, order, method.sig.ret.clone(), span);
                }
                let value = self.attribute_of(obj, attr, span);
                self.call_value(value, args, keywords, span, expected)
            }
            _ if obj_ty.is_optional() => {
                self.error(
                    Code::UnionAttr,
                    span,
                    format!("Item \"None\" of \"{obj_ty}\" has no attribute \"{}\"", attr.name),
                );
                let obj = ir::Expr { ty: obj_ty.without_none(), ..obj };
                self.check_method_call(obj, attr, args, keywords, span, expected)
            }
            _ => match builtin_method(&obj_ty, &attr.name) {
                Some(sig) => self.check_builtin_method(obj, &attr.name, sig, args, keywords, span),
                None => {
                    let value = self.attribute_of(obj, attr, span);
                    self.call_value(value, args, keywords, span, expected)
                }
            },
        }
    }

    fn check_builtin_method(
        &mut self,
        obj: ir::Expr,
        method: &SmolStr,
        sig: MethodSig,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
        span: Span,
    ) -> ir::Expr {
        let name = CalleeName::Method(method.clone(), builtin_owner(&obj.ty).to_string());
        if sig.variadic {
            let values = args.iter().map(|arg| Arg::Value(self.check_arg(arg, None))).collect();
            if !keywords.is_empty() {
                let mut named: Vec<(SmolStr, ir::Expr)> = Vec::with_capacity(keywords.len());
                for keyword in keywords {
                    let value = self.check_arg(&keyword.value, None);
                    if named.iter().any(|(known, _)| *known == keyword.arg.name) {
                        self.error(
                            Code::Misc,
                            keyword.span,
                            format!("{name} gets multiple values for keyword argument \"{}\"", keyword.arg.name),
                        );
                    }
                    named.push((keyword.arg.name.clone(), value));
                }
                let callee = Callee::StrFormat { recv: Box::new(obj), keywords: named };
                return call_expr(callee, values, None, sig.ret, span);
            }
            let callee = Callee::BuiltinMethod { recv: Box::new(obj), method: method.clone() };
            return call_expr(callee, values, None, sig.ret, span);
        }
        let func_sig = method_func_sig(&sig);
        let (values, order) = self.match_args(&func_sig, args, keywords, span, &name, None);
        if let Type::List(elem) = &obj.ty
            && method == "sort"
        {
            let key = match values.first() {
                Some(Arg::Value(key)) => Some(key),
                _ => None,
            };
            self.check_list_sort(elem, key, span);
        }
        let ret = self.bound_method_ret(&obj.ty, method, sig.ret, &values);
        let callee = Callee::BuiltinMethod { recv: Box::new(obj), method: method.clone() };
        call_expr(callee, values, order, ret, span)
    }
}

/// How messages name the type that owns a built-in method.
fn builtin_owner(recv: &Type) -> &'static str {
    match recv {
        Type::Str => "str",
        Type::List(_) => "list",
        Type::Dict(_) => "dict",
        _ => "set",
    }
}

/// A built-in method's parameters as a function signature, for argument matching.
pub(crate) fn method_func_sig(sig: &MethodSig) -> FuncSig {
    FuncSig {
        params: sig
            .params
            .iter()
            .map(|param| ParamSig {
                name: param.name.into(),
                ty: param.ty.clone(),
                kind: if param.keyword_only { ParamKind::KeywordOnly } else { ParamKind::PositionalOrKeyword },
                has_default: param.has_default,
            })
            .collect(),
        ret: sig.ret.clone(),
    }
}

enum ArgLabel<'n> {
    Position(usize),
    Keyword(&'n str),
}

fn callable_name(callee: &ir::Expr) -> SmolStr {
    match &callee.kind {
        ExprKind::Method { name, .. } => name.clone(),
        _ => "function".into(),
    }
}

pub(crate) fn call_expr(
    callee: Callee,
    args: Vec<Arg>,
    eval_order: Option<Vec<u32>>,
    ret: Type,
    span: Span,
) -> ir::Expr {
    mk(ExprKind::Call(Box::new(ir::Call { callee, args, eval_order, callee_span: span })), ret, span)
}
