//! Annotations → types: built-in generics, `Optional`, `Callable`, `X | None`, classes
//! (also through a module: `m.Rec`), and string annotations (`"Point"`).

use typhon_diagnostics::{Code, Span};
use typhon_parser::ast;

use super::{Checker, ModBinding};
use crate::interface::{Export, SpecialForm};
use crate::types::{ClassRef, Type};

impl Checker<'_> {
    /// The type an annotation denotes; reports what is wrong and gives `Unknown` then.
    pub(crate) fn resolve_annotation(&mut self, expr: &ast::Expr) -> Type {
        let ty = self.annotation(expr, None);
        self.check_union_shape(&ty, expr.span);
        if mentions_object(&ty) {
            self.unsupported(expr.span, "\"object\" outside a parameter annotation");
            return Type::Unknown;
        }
        ty
    }

    /// A parameter's annotation: `object` is allowed there (for `__eq__`), at the top.
    pub(crate) fn resolve_param_annotation(&mut self, expr: &ast::Expr) -> Type {
        let ty = self.annotation(expr, None);
        if ty == Type::Object {
            return ty;
        }
        self.check_union_shape(&ty, expr.span);
        if mentions_object(&ty) {
            self.unsupported(expr.span, "\"object\" inside a type (only a plain \"object\" parameter is)");
            return Type::Unknown;
        }
        ty
    }

    /// `at` replaces the spans of sub-expressions (inside a string annotation, whose
    /// parsed spans are relative to the string).
    fn annotation(&mut self, expr: &ast::Expr, at: Option<Span>) -> Type {
        let span = at.unwrap_or(expr.span);
        match &expr.kind {
            ast::ExprKind::Error => Type::Unknown,
            ast::ExprKind::NoneLit => Type::None,
            ast::ExprKind::Str(text) => self.string_annotation(text, span),
            ast::ExprKind::Name(name) => match name.as_str() {
                "int" => Type::Int,
                "float" => Type::Float,
                "bool" => Type::Bool,
                "str" => Type::Str,
                "object" => Type::Object,
                "None" => Type::None,
                "list" | "dict" | "set" | "tuple" => {
                    self.error(Code::Misc, span, format!("Missing type parameters for generic type \"{name}\""));
                    Type::Unknown
                }
                _ => match self.bindings.get(name.as_str()) {
                    Some(ModBinding::Class { class, .. }) => Type::Instance(class.clone()),
                    Some(ModBinding::Special(form)) => self.bare_special(*form, span),
                    Some(_) => {
                        self.error(Code::Misc, span, format!("Variable \"{name}\" is not valid as a type"));
                        Type::Unknown
                    }
                    None => match crate::builtins::exception_class(name) {
                        Some(_) if name == "BaseException" => {
                            self.unsupported(span, "\"BaseException\" (use Exception)");
                            Type::Unknown
                        }
                        Some(class) => Type::Instance(class),
                        // Real built-ins outside the subset (`type`, `frozenset`, ...).
                        None if crate::builtins::is_unsupported_builtin(name) => {
                            self.unsupported(span, &format!("the built-in \"{name}\" as a type"));
                            Type::Unknown
                        }
                        None => {
                            self.error(Code::NameDefined, span, format!("Name \"{name}\" is not defined"));
                            Type::Unknown
                        }
                    },
                },
            },
            ast::ExprKind::Attribute { value, attr } => {
                let module = match &value.kind {
                    ast::ExprKind::Name(name) => match self.bindings.get(name.as_str()) {
                        Some(ModBinding::Module(module)) => Some(module.clone()),
                        _ => None,
                    },
                    _ => None,
                };
                let Some(module) = module else {
                    self.error(Code::Misc, span, "Invalid type annotation");
                    return Type::Unknown;
                };
                match self.module_export(&module, &attr.name) {
                    Some(Export::Class(class)) => Type::Instance(class),
                    Some(Export::Special(form)) => self.bare_special(form, span),
                    _ => {
                        self.error(Code::AttrDefined, span, format!("Name \"{module}.{}\" is not defined", attr.name));
                        Type::Unknown
                    }
                }
            }
            ast::ExprKind::Binary { left, op: ast::BinOp::BitOr, right } => {
                let left = self.annotation(left, at);
                let right = self.annotation(right, at);
                Type::union_of(vec![left, right])
            }
            ast::ExprKind::Subscript { value, index } => self.generic_annotation(value, index, span, at),
            _ => {
                self.error(Code::Misc, span, "Invalid type annotation");
                Type::Unknown
            }
        }
    }

    fn bare_special(&mut self, form: SpecialForm, span: Span) -> Type {
        let name = special_name(form);
        self.error(Code::Misc, span, format!("\"{name}\" is not valid as a type without parameters"));
        Type::Unknown
    }

    /// What a generic's base (`list`, `Optional`, `typing.Callable`) names.
    fn generic_base(&self, value: &ast::Expr) -> Option<&'static str> {
        match &value.kind {
            ast::ExprKind::Name(name) => match name.as_str() {
                "list" => Some("list"),
                "dict" => Some("dict"),
                "set" => Some("set"),
                "tuple" => Some("tuple"),
                "type" => Some("type"),
                _ => match self.bindings.get(name.as_str()) {
                    Some(ModBinding::Special(form)) => Some(special_generic(*form)),
                    _ => None,
                },
            },
            ast::ExprKind::Attribute { value: base, attr } => match &base.kind {
                ast::ExprKind::Name(module) if matches!(self.bindings.get(module.as_str()), Some(ModBinding::Module(m)) if m == "typing") => {
                    match attr.name.as_str() {
                        "Optional" => Some("Optional"),
                        "Callable" => Some("Callable"),
                        "List" => Some("list"),
                        "Dict" => Some("dict"),
                        "Set" => Some("set"),
                        "Tuple" => Some("tuple"),
                        _ => None,
                    }
                }
                _ => None,
            },
            _ => None,
        }
    }

    fn generic_annotation(&mut self, value: &ast::Expr, index: &ast::Expr, span: Span, at: Option<Span>) -> Type {
        let Some(base) = self.generic_base(value) else {
            self.error(Code::Misc, span, "Invalid type annotation");
            return Type::Unknown;
        };
        let args: &[ast::Expr] = match &index.kind {
            ast::ExprKind::Tuple(items) => items,
            _ => std::slice::from_ref(index),
        };
        let arity_error = |checker: &mut Checker<'_>, expected: usize| {
            checker.error(
                Code::Misc,
                span,
                format!("\"{base}\" expects {expected} type argument{}", if expected == 1 { "" } else { "s" }),
            );
            Type::Unknown
        };
        match base {
            "list" | "set" => {
                if args.len() != 1 {
                    return arity_error(self, 1);
                }
                let elem = self.annotation(&args[0], at);
                if base == "list" {
                    Type::list(elem)
                } else {
                    self.check_hashable(&elem, span, "set element");
                    Type::set(elem)
                }
            }
            "dict" => {
                if args.len() != 2 {
                    return arity_error(self, 2);
                }
                let key = self.annotation(&args[0], at);
                let val = self.annotation(&args[1], at);
                self.check_hashable(&key, span, "dict key");
                Type::dict(key, val)
            }
            "Optional" => {
                if args.len() != 1 {
                    return arity_error(self, 1);
                }
                let inner = self.annotation(&args[0], at);
                Type::optional(inner)
            }
            "tuple" => {
                if args.len() == 2 && matches!(args[1].kind, ast::ExprKind::Ellipsis) {
                    return Type::tuple_of(self.annotation(&args[0], at));
                }
                if let [only] = args
                    && matches!(&only.kind, ast::ExprKind::Tuple(items) if items.is_empty())
                {
                    return Type::tuple(Vec::new());
                }
                let items = args.iter().map(|arg| self.annotation(arg, at)).collect();
                Type::tuple(items)
            }
            "Callable" => {
                if args.len() != 2 {
                    return arity_error(self, 2);
                }
                let params = match &args[0].kind {
                    ast::ExprKind::List(items) => items.iter().map(|item| self.annotation(item, at)).collect(),
                    _ => {
                        self.error(
                            Code::Misc,
                            at.unwrap_or(args[0].span),
                            "The first argument to Callable must be a list of types",
                        );
                        return Type::Unknown;
                    }
                };
                let ret = self.annotation(&args[1], at);
                Type::callable(params, ret)
            }
            _ => {
                self.unsupported(span, "\"type[...]\" annotation");
                Type::Unknown
            }
        }
    }

    fn string_annotation(&mut self, text: &str, span: Span) -> Type {
        let parsed = typhon_parser::parse_module(text);
        let expr = match parsed.module.body.as_slice() {
            [ast::Stmt { kind: ast::StmtKind::Expr(expr), .. }] if parsed.diagnostics.is_empty() => expr.clone(),
            _ => {
                self.error(Code::Misc, span, format!("Invalid type annotation \"{text}\""));
                return Type::Unknown;
            }
        };
        self.annotation(&expr, Some(span))
    }

    /// Unions other than `T | None` must be between classes of one hierarchy.
    fn check_union_shape(&mut self, ty: &Type, span: Span) {
        match ty {
            Type::Union(parts) => {
                let classes: Vec<&Type> = parts.iter().filter(|part| **part != Type::None).collect();
                if classes.len() > 1 && !self.one_hierarchy(&classes) {
                    self.unsupported(
                        span,
                        &format!("the union \"{ty}\" (only \"T | None\" and classes of one hierarchy)"),
                    );
                }
                for part in parts.iter() {
                    self.check_union_shape(part, span);
                }
            }
            Type::List(elem) | Type::Set(elem) | Type::TupleOf(elem) => self.check_union_shape(elem, span),
            Type::Dict(kv) => {
                self.check_union_shape(&kv.0, span);
                self.check_union_shape(&kv.1, span);
            }
            Type::Tuple(items) => {
                for item in items.iter() {
                    self.check_union_shape(item, span);
                }
            }
            Type::Callable(callable) => {
                for param in &callable.params {
                    self.check_union_shape(param, span);
                }
                self.check_union_shape(&callable.ret, span);
            }
            _ => {}
        }
    }

    fn one_hierarchy(&self, members: &[&Type]) -> bool {
        let mut roots: Option<ClassRef> = None;
        for member in members {
            let Type::Instance(class) = member else { return false };
            let root = self.root_class(class);
            match &roots {
                None => roots = Some(root),
                Some(existing) if *existing == root => {}
                Some(_) => return false,
            }
        }
        true
    }

    /// Reports a dict key or set element type whose values are not hashable.
    pub(crate) fn check_hashable(&mut self, ty: &Type, span: Span, what: &str) {
        if !self.is_hashable(ty) {
            self.error(Code::Misc, span, format!("Unhashable type \"{ty}\" cannot be a {what}"));
        }
    }
}

fn mentions_object(ty: &Type) -> bool {
    match ty {
        Type::Object => true,
        Type::List(elem) | Type::Set(elem) | Type::TupleOf(elem) => mentions_object(elem),
        Type::Dict(kv) => mentions_object(&kv.0) || mentions_object(&kv.1),
        Type::Tuple(items) | Type::Union(items) => items.iter().any(mentions_object),
        Type::Callable(callable) => callable.params.iter().any(mentions_object) || mentions_object(&callable.ret),
        _ => false,
    }
}

fn special_name(form: SpecialForm) -> &'static str {
    match form {
        SpecialForm::Optional => "Optional",
        SpecialForm::Callable => "Callable",
        SpecialForm::Dataclass => "dataclass",
        SpecialForm::FutureAnnotations => "annotations",
        SpecialForm::List => "List",
        SpecialForm::Dict => "Dict",
        SpecialForm::Set => "Set",
        SpecialForm::Tuple => "Tuple",
    }
}

fn special_generic(form: SpecialForm) -> &'static str {
    match form {
        SpecialForm::Optional => "Optional",
        SpecialForm::Callable => "Callable",
        SpecialForm::List => "list",
        SpecialForm::Dict => "dict",
        SpecialForm::Set => "set",
        SpecialForm::Tuple => "tuple",
        SpecialForm::Dataclass | SpecialForm::FutureAnnotations => "invalid",
    }
}
