//! Calls of the built-in functions, each with CPython's parameters and a precise result
//! type (`round(x)` is an int, `sorted` gives a list, `zip` a zip object, ...).

use std::sync::Arc;

use typhon_diagnostics::{Code, Span};
use typhon_parser::ast;

use super::Checker;
use super::call::call_expr;
use super::expr::error_expr;
use crate::builtins::Builtin;
use crate::ir::{self, Arg, BuiltinKeyword, Callee};
use crate::types::{Type, ViewKind};

impl<'a> Checker<'a> {
    pub(crate) fn check_builtin_call(
        &mut self,
        builtin: Builtin,
        args: &'a [ast::Expr],
        keywords: &'a [ast::Keyword],
        span: Span,
        expected: Option<&Type>,
    ) -> ir::Expr {
        let name = builtin.name();
        if builtin == Builtin::Isinstance {
            return self.check_isinstance(args, keywords, span);
        }
        let (min, max): (usize, usize) = match builtin {
            Builtin::Print => (0, usize::MAX),
            Builtin::Len
            | Builtin::Repr
            | Builtin::Abs
            | Builtin::Sorted
            | Builtin::Reversed
            | Builtin::Any
            | Builtin::All => (1, 1),
            Builtin::Ord | Builtin::Chr | Builtin::Hash => (1, 1),
            Builtin::Range => (1, 3),
            Builtin::Int => (0, 2),
            Builtin::Float | Builtin::Str | Builtin::Bool | Builtin::Input => (0, 1),
            Builtin::List | Builtin::Set | Builtin::Tuple | Builtin::Dict => (0, 1),
            Builtin::Min | Builtin::Max => (1, usize::MAX),
            Builtin::Sum | Builtin::Enumerate | Builtin::Round => (1, 2),
            Builtin::Zip => (0, usize::MAX),
            Builtin::Divmod => (2, 2),
            Builtin::Pow => (2, 3),
            Builtin::Isinstance => (2, 2),
        };
        let allowed: &[&str] = match builtin {
            Builtin::Print => &["sep", "end"],
            Builtin::Min | Builtin::Max => &["key", "default"],
            Builtin::Sorted => &["key", "reverse"],
            Builtin::Sum | Builtin::Enumerate => &["start"],
            Builtin::Int => &["base"],
            Builtin::Round => &["ndigits"],
            _ => &[],
        };
        // `round(number=x)`: a keyword naming a positional parameter is passed by position
        // (the IR gives built-ins their positional arguments in order).
        let positional_keyword = |keyword: &ast::Keyword| builtin == Builtin::Round && keyword.arg.name == "number";
        let by_keyword: Option<&'a ast::Keyword> = keywords.iter().find(|keyword| positional_keyword(keyword));
        let args: &'a [ast::Expr] = match by_keyword {
            Some(keyword) if args.is_empty() => std::slice::from_ref(&keyword.value),
            Some(keyword) => {
                self.error(
                    Code::Misc,
                    keyword.span,
                    format!("\"{name}\" gets multiple values for keyword argument \"number\""),
                );
                args
            }
            None => args,
        };
        let keywords: Vec<&'a ast::Keyword> = keywords.iter().filter(|keyword| !positional_keyword(keyword)).collect();
        let mut keyword_values: Vec<(BuiltinKeyword, &'a ast::Keyword)> = Vec::new();
        for keyword in keywords {
            match BuiltinKeyword::from_name(&keyword.arg.name).filter(|_| allowed.contains(&keyword.arg.name.as_str()))
            {
                Some(kind) => keyword_values.push((kind, keyword)),
                None => {
                    self.error(
                        Code::CallArg,
                        keyword.arg.span,
                        format!("Unexpected keyword argument \"{}\" for \"{name}\"", keyword.arg.name),
                    );
                    self.check_arg(&keyword.value, None);
                }
            }
        }
        if args.len() < min {
            self.error(Code::CallArg, span, format!("Too few arguments for \"{name}\""));
            for arg in args {
                self.check_arg(arg, None);
            }
            return error_expr(span);
        }
        if args.len() > max {
            self.error(Code::CallArg, args[max].span, format!("Too many arguments for \"{name}\""));
        }
        // Each positional argument, with the element type of iterables where relevant.
        let mut values: Vec<ir::Expr> = Vec::with_capacity(args.len());
        // Generator expressions only where the built-in consumes an iterable.
        let takes_iterable = matches!(
            builtin,
            Builtin::Sum
                | Builtin::Min
                | Builtin::Max
                | Builtin::Any
                | Builtin::All
                | Builtin::Sorted
                | Builtin::List
                | Builtin::Set
                | Builtin::Tuple
                | Builtin::Dict
                | Builtin::Enumerate
                | Builtin::Zip
        );
        for arg in args.iter().take(max) {
            if !takes_iterable && matches!(arg.kind, ast::ExprKind::GeneratorExp { .. }) {
                self.unsupported(arg.span, &format!("a generator expression as an argument of \"{name}\""));
                values.push(error_expr(arg.span));
                continue;
            }
            values.push(self.check_arg(arg, None));
        }
        // Keyword values are checked here, with the type the context expects, so that the
        // big frame below never recurses into expressions (deep nesting stays cheap).
        let key_elem = match (builtin, values.as_slice()) {
            (Builtin::Sorted | Builtin::Min | Builtin::Max, [one]) => one.ty.iter_elem().unwrap_or(Type::Unknown),
            (Builtin::Min | Builtin::Max, [first, rest @ ..]) => {
                rest.iter().fold(first.ty.clone(), |join, value| self.join(&join, &value.ty))
            }
            _ => Type::Unknown,
        };
        let mut checked: Vec<(BuiltinKeyword, &'a ast::Keyword, ir::Expr)> = Vec::with_capacity(keyword_values.len());
        for (kind, keyword) in keyword_values {
            let want = match kind {
                BuiltinKeyword::Sep | BuiltinKeyword::End => Some(Type::optional(Type::Str)),
                BuiltinKeyword::Key => Some(Type::callable(vec![key_elem.clone()], Type::Unknown)),
                BuiltinKeyword::Reverse => Some(Type::Bool),
                BuiltinKeyword::Base | BuiltinKeyword::Ndigits => Some(Type::Int),
                BuiltinKeyword::Start if builtin == Builtin::Enumerate => Some(Type::Int),
                _ => None,
            };
            let value = self.check_expr_with(&keyword.value, want.as_ref());
            checked.push((kind, keyword, value));
        }
        self.builtin_result(builtin, args, values, checked, span, expected)
    }

    /// Validates a built-in call whose arguments are all checked, and gives its type.
    #[inline(never)]
    fn builtin_result(
        &mut self,
        builtin: Builtin,
        args: &'a [ast::Expr],
        values: Vec<ir::Expr>,
        keyword_values: Vec<(BuiltinKeyword, &'a ast::Keyword, ir::Expr)>,
        span: Span,
        expected: Option<&Type>,
    ) -> ir::Expr {
        let name = builtin.name();
        let mut kw_out: Vec<(BuiltinKeyword, ir::Expr)> = Vec::new();
        let first_ty = values.first().map(|value| value.ty.clone()).unwrap_or(Type::Unknown);
        let iter_elem = |checker: &mut Checker<'a>, value: &ir::Expr| -> Type {
            match value.ty.iter_elem() {
                Some(elem) => elem,
                None => {
                    checker.arg_error(1, name, value, "Iterable");
                    Type::Unknown
                }
            }
        };
        let ret: Type = match builtin {
            Builtin::Print => {
                for (kind, keyword, value) in keyword_values {
                    if !self.is_assignable(&value.ty, &Type::optional(Type::Str)) {
                        self.arg_error_kw(&keyword.arg.name, name, &value, "str | None");
                    }
                    kw_out.push((kind, value));
                }
                Type::None
            }
            Builtin::Len => {
                let sized = match &first_ty {
                    Type::Str
                    | Type::List(_)
                    | Type::Dict(_)
                    | Type::Set(_)
                    | Type::Tuple(_)
                    | Type::TupleOf(_)
                    | Type::Range => true,
                    Type::View(kind, _) => {
                        matches!(kind, ViewKind::DictKeys | ViewKind::DictValues | ViewKind::DictItems)
                    }
                    Type::Instance(class) => self.find_method(class, "__len__").is_some(),
                    Type::Unknown => true,
                    _ => false,
                };
                if !sized {
                    self.arg_error(1, name, &values[0], "Sized");
                }
                Type::Int
            }
            Builtin::Range => {
                for (idx, value) in values.iter().enumerate() {
                    if !value.ty.is_int_like() && !value.ty.is_unknown() {
                        self.arg_error(idx + 1, name, value, "int");
                    }
                }
                Type::Range
            }
            Builtin::Int => {
                match values.len() {
                    0 => {}
                    1 => {
                        if !matches!(first_ty, Type::Int | Type::Bool | Type::Float | Type::Str | Type::Unknown) {
                            self.arg_error(1, name, &values[0], "str | float");
                        }
                    }
                    _ => {
                        if !matches!(first_ty, Type::Str | Type::Unknown) {
                            self.arg_error(1, name, &values[0], "str");
                        }
                        if !values[1].ty.is_int_like() && !values[1].ty.is_unknown() {
                            self.arg_error(2, name, &values[1], "int");
                        }
                    }
                }
                for (kind, _, value) in keyword_values {
                    if !value.ty.is_int_like() && !value.ty.is_unknown() {
                        self.arg_error_kw("base", name, &value, "int");
                    }
                    kw_out.push((kind, value));
                }
                Type::Int
            }
            Builtin::Float => {
                if let Some(value) = values.first()
                    && !matches!(value.ty, Type::Int | Type::Bool | Type::Float | Type::Str | Type::Unknown)
                {
                    self.arg_error(1, name, value, "str | float");
                }
                Type::Float
            }
            Builtin::Str | Builtin::Repr => Type::Str,
            Builtin::Bool => Type::Bool,
            Builtin::Input => {
                if let Some(value) = values.first()
                    && !matches!(value.ty, Type::Str | Type::Unknown)
                {
                    self.arg_error(1, name, value, "str");
                }
                Type::Str
            }
            Builtin::Abs => match &first_ty {
                Type::Int | Type::Bool => Type::Int,
                Type::Float => Type::Float,
                Type::Unknown => Type::Unknown,
                _ => {
                    self.arg_error(1, name, &values[0], "int | float");
                    Type::Unknown
                }
            },
            Builtin::Ord => {
                if !matches!(first_ty, Type::Str | Type::Unknown) {
                    self.arg_error(1, name, &values[0], "str");
                }
                Type::Int
            }
            Builtin::Chr => {
                if !first_ty.is_int_like() && !first_ty.is_unknown() {
                    self.arg_error(1, name, &values[0], "int");
                }
                Type::Str
            }
            Builtin::Hash => {
                if !self.is_hashable(&first_ty) {
                    self.arg_error(1, name, &values[0], "Hashable");
                }
                Type::Int
            }
            Builtin::Any | Builtin::All => {
                iter_elem(self, &values[0]);
                Type::Bool
            }
            Builtin::Sorted => {
                let elem = iter_elem(self, &values[0]);
                let has_key = keyword_values.iter().any(|(kind, _, _)| *kind == BuiltinKeyword::Key);
                for (kind, keyword, value) in keyword_values {
                    match kind {
                        BuiltinKeyword::Key => self.check_key(&value, &elem, name),
                        _ => self.check_typed_kw(keyword, &value, &Type::Bool, name),
                    }
                    kw_out.push((kind, value));
                }
                if !has_key {
                    self.require_orderable(&elem, values[0].span, name);
                }
                Type::list(self.elem_for_context(elem, expected))
            }
            Builtin::Reversed => match &first_ty {
                Type::List(_) | Type::Tuple(_) | Type::TupleOf(_) | Type::Str | Type::Range | Type::Dict(_) => {
                    Type::View(ViewKind::Reversed, Arc::new(first_ty.iter_elem().unwrap_or(Type::Unknown)))
                }
                Type::Unknown => Type::Unknown,
                _ => {
                    self.arg_error(1, name, &values[0], "Reversible");
                    Type::Unknown
                }
            },
            Builtin::Enumerate => {
                let elem = iter_elem(self, &values[0]);
                if let Some(start) = values.get(1)
                    && !start.ty.is_int_like()
                    && !start.ty.is_unknown()
                {
                    self.arg_error(2, name, start, "int");
                }
                for (kind, keyword, value) in keyword_values {
                    self.check_typed_kw(keyword, &value, &Type::Int, name);
                    kw_out.push((kind, value));
                }
                Type::View(ViewKind::Enumerate, Arc::new(elem))
            }
            Builtin::Zip => {
                let mut elems = Vec::with_capacity(values.len());
                for (idx, value) in values.iter().enumerate() {
                    match value.ty.iter_elem() {
                        Some(elem) => elems.push(elem),
                        None => {
                            self.arg_error(idx + 1, name, value, "Iterable");
                            elems.push(Type::Unknown);
                        }
                    }
                }
                Type::View(ViewKind::Zip, Arc::new(Type::tuple(elems)))
            }
            Builtin::Min | Builtin::Max => {
                let elem = if values.len() == 1 {
                    iter_elem(self, &values[0])
                } else {
                    let mut join = values[0].ty.clone();
                    for value in &values[1..] {
                        join = self.join(&join, &value.ty);
                    }
                    join
                };
                let mut ret = elem.clone();
                let mut has_key = false;
                for (kind, keyword, value) in keyword_values {
                    match kind {
                        BuiltinKeyword::Key => {
                            has_key = true;
                            self.check_key(&value, &elem, name);
                        }
                        _ => {
                            if values.len() != 1 {
                                self.error(
                                    Code::CallArg,
                                    keyword.span,
                                    format!("\"default\" of \"{name}\" needs a single iterable argument"),
                                );
                            }
                            ret = self.join(&ret, &value.ty);
                        }
                    }
                    kw_out.push((kind, value));
                }
                if !has_key {
                    self.require_orderable(&elem, span, name);
                }
                ret
            }
            Builtin::Sum => {
                let elem = iter_elem(self, &values[0]);
                // `sum(lists, start)` concatenates when `start` is a list of the same kind.
                if let (Type::List(_), Some(start)) = (&elem, values.get(1))
                    && keyword_values.is_empty()
                {
                    let joined = self.join(&elem, &start.ty);
                    if matches!(joined, Type::List(_)) {
                        return call_builtin(builtin, values, kw_out, joined, span);
                    }
                }
                let mut ret = match &elem {
                    Type::Bool | Type::Int => Type::Int,
                    Type::Float | Type::Unknown => elem.clone(),
                    _ => {
                        self.arg_error(1, name, &values[0], "Iterable[int | float]");
                        Type::Unknown
                    }
                };
                let start = values.get(1).cloned();
                for (kind, keyword, value) in keyword_values {
                    self.check_typed_kw(keyword, &value, &Type::Float, name);
                    ret = self.join(&ret, &value.ty);
                    kw_out.push((kind, value));
                }
                if let Some(start) = start {
                    if !start.ty.is_numeric() && !start.ty.is_unknown() {
                        self.arg_error(2, name, &start, "int | float");
                    }
                    ret = self.join(&ret, &start.ty);
                }
                if ret == Type::Bool { Type::Int } else { ret }
            }
            Builtin::Round => {
                if !first_ty.is_numeric() && !first_ty.is_unknown() {
                    self.arg_error(1, name, &values[0], "int | float");
                }
                let mut with_digits = values.len() == 2;
                if let Some(digits) = values.get(1)
                    && !digits.ty.is_int_like()
                    && !digits.ty.is_unknown()
                {
                    self.arg_error(2, name, digits, "int");
                }
                for (kind, keyword, value) in keyword_values {
                    with_digits = true;
                    self.check_typed_kw(keyword, &value, &Type::Int, name);
                    kw_out.push((kind, value));
                }
                // round(x) is an int; round(x, n) keeps x's type.
                if with_digits && first_ty == Type::Float { Type::Float } else { Type::Int }
            }
            Builtin::Divmod => {
                let (a, b) = (&values[0].ty, &values[1].ty);
                if !a.is_numeric() && !a.is_unknown() {
                    self.arg_error(1, name, &values[0], "int | float");
                }
                if !b.is_numeric() && !b.is_unknown() {
                    self.arg_error(2, name, &values[1], "int | float");
                }
                let part = if a.is_int_like() && b.is_int_like() { Type::Int } else { Type::Float };
                Type::tuple(vec![part.clone(), part])
            }
            Builtin::Pow => {
                let (a, b) = (values[0].ty.clone(), values[1].ty.clone());
                if values.len() == 3 {
                    for (idx, value) in values.iter().enumerate() {
                        if !value.ty.is_int_like() && !value.ty.is_unknown() {
                            self.arg_error(idx + 1, name, value, "int");
                        }
                    }
                    Type::Int
                } else {
                    let literal = super::expr::literal_int(&args[1]);
                    match self.binary_result(&a, ir::BinOp::Pow, &b, literal, span) {
                        Some((_, ty)) => ty,
                        None => {
                            self.error(
                                Code::ArgType,
                                span,
                                format!("Unsupported operand types for pow (\"{a}\" and \"{b}\")"),
                            );
                            Type::Unknown
                        }
                    }
                }
            }
            Builtin::List | Builtin::Set | Builtin::Tuple => {
                let elem = match values.first() {
                    Some(value) => {
                        let elem = iter_elem(self, value);
                        Some(self.elem_for_context(elem, expected))
                    }
                    None => match (builtin, expected) {
                        (Builtin::List, Some(Type::List(elem))) | (Builtin::Set, Some(Type::Set(elem))) => {
                            Some((**elem).clone())
                        }
                        (Builtin::Tuple, Some(Type::TupleOf(elem))) => Some((**elem).clone()),
                        (Builtin::Tuple, _) => {
                            return call_builtin(builtin, Vec::new(), Vec::new(), Type::tuple(Vec::new()), span);
                        }
                        _ => None,
                    },
                };
                // Empty without context: typed like an empty display (see `check_items`).
                let elem = elem.unwrap_or(Type::Unknown);
                match builtin {
                    Builtin::List => Type::list(elem),
                    Builtin::Set => {
                        self.check_hashable(&elem, span, "set element");
                        Type::set(elem)
                    }
                    _ => Type::tuple_of(elem),
                }
            }
            Builtin::Dict => match values.first() {
                Some(value) => match &value.ty {
                    Type::Dict(_) => value.ty.clone(),
                    Type::Unknown => Type::Unknown,
                    other => match other.iter_elem() {
                        Some(Type::Tuple(pair)) if pair.len() == 2 => {
                            self.check_hashable(&pair[0], span, "dict key");
                            Type::dict(pair[0].clone(), pair[1].clone())
                        }
                        _ => {
                            self.arg_error(1, name, value, "Iterable[tuple[K, V]]");
                            Type::Unknown
                        }
                    },
                },
                None => match expected {
                    Some(dict @ Type::Dict(_)) => dict.clone(),
                    _ => Type::dict(Type::Unknown, Type::Unknown),
                },
            },
            Builtin::Isinstance => Type::Bool,
        };
        call_builtin(builtin, values, kw_out, ret, span)
    }

    /// The element type of a new container built from elements of type `elem`: the
    /// expected container's, when the elements fit it (`list(ints)` where a `list[float]`
    /// is expected is a `list[float]`, as mypy infers from the context).
    fn elem_for_context(&self, elem: Type, expected: Option<&Type>) -> Type {
        match expected {
            Some(Type::List(want) | Type::Set(want) | Type::TupleOf(want))
                if !want.is_unknown() && self.is_assignable(&elem, want) =>
            {
                (**want).clone()
            }
            _ => elem,
        }
    }

    /// The `key` of `sorted`/`min`/`max`/`list.sort`: it takes an element and its results
    /// must be comparable with `<`, as typeshed's `SupportsRichComparison` says.
    pub(crate) fn check_key(&mut self, value: &ir::Expr, elem: &Type, name: &str) {
        let fits = match &value.ty {
            Type::Callable(callable) => {
                self.is_assignable(&value.ty, &Type::callable(vec![elem.clone()], Type::Unknown))
                    || (callable.params.len() == 1 && self.is_assignable(elem, &callable.params[0]))
            }
            Type::BuiltinFunction(_) => {
                self.is_assignable(&value.ty, &Type::callable(vec![elem.clone()], Type::Unknown))
            }
            Type::Unknown => true,
            _ => false,
        };
        if !fits {
            self.arg_error_kw("key", name, value, &format!("Callable[[{elem}], Any]"));
            return;
        }
        if let Type::Callable(callable) = &value.ty
            && !self.is_orderable(&callable.ret)
        {
            let expected = format!("Callable[[{elem}], SupportsDunderLT[Any] | SupportsDunderGT[Any]]");
            self.arg_error_kw("key", name, value, &expected);
        }
    }

    /// `list.sort`: the `key`'s results, or else the elements, must be comparable.
    pub(crate) fn check_list_sort(&mut self, elem: &Type, key: Option<&ir::Expr>, span: Span) {
        match key {
            Some(key) if key.ty != Type::None => self.check_key(key, elem, "sort\" of \"list"),
            _ => self.require_orderable(elem, span, "sort\" of \"list"),
        }
    }

    fn check_typed_kw(&mut self, keyword: &ast::Keyword, value: &ir::Expr, want: &Type, name: &str) {
        if !self.is_assignable(&value.ty, want) {
            self.arg_error_kw(&keyword.arg.name, name, value, &want.to_string());
        }
    }

    fn is_orderable(&self, ty: &Type) -> bool {
        match ty {
            Type::Int | Type::Bool | Type::Float | Type::Str | Type::Unknown => true,
            Type::Tuple(_) | Type::TupleOf(_) | Type::List(_) => true,
            // `__gt__` serves `<` reflected, as mypy's `SupportsDunderLT | SupportsDunderGT`.
            Type::Instance(class) => {
                self.find_method(class, "__lt__").is_some()
                    || self.find_method(class, "__gt__").is_some()
                    || self.chain(class).iter().any(|info| info.dataclass.is_some_and(|flags| flags.order))
            }
            _ => false,
        }
    }

    fn require_orderable(&mut self, elem: &Type, span: Span, name: &str) {
        if !self.is_orderable(elem) {
            self.error(
                Code::ArgType,
                span,
                format!("Value of type \"{elem}\" cannot be ordered (in call to \"{name}\"); pass key=..."),
            );
        }
    }

    pub(crate) fn arg_error(&mut self, position: usize, name: &str, value: &ir::Expr, expected: &str) {
        if value.ty.is_unknown() {
            return;
        }
        self.error(
            Code::ArgType,
            value.span,
            format!(
                "Argument {position} to \"{name}\" has incompatible type \"{}\"; expected \"{expected}\"",
                value.ty
            ),
        );
    }

    fn arg_error_kw(&mut self, keyword: &str, name: &str, value: &ir::Expr, expected: &str) {
        if value.ty.is_unknown() {
            return;
        }
        self.error(
            Code::ArgType,
            value.span,
            format!(
                "Argument \"{keyword}\" to \"{name}\" has incompatible type \"{}\"; expected \"{expected}\"",
                value.ty
            ),
        );
    }

    fn check_isinstance(&mut self, args: &'a [ast::Expr], keywords: &'a [ast::Keyword], span: Span) -> ir::Expr {
        if args.len() != 2 || !keywords.is_empty() {
            self.error(Code::CallArg, span, "\"isinstance\" takes exactly two positional arguments");
            return error_expr(span);
        }
        let value = self.check_expr(&args[0]);
        let Some(types) = self.isinstance_types(&args[1]) else {
            self.error(
                Code::ArgType,
                args[1].span,
                "Argument 2 to \"isinstance\" must be a class or a tuple of classes",
            );
            return error_expr(span);
        };
        // The classes as a tuple of class objects (built-in scalar types as their builtin).
        let items: Vec<ir::Expr> = types
            .iter()
            .map(|ty| {
                let kind = match ty {
                    Type::Instance(class) => ir::ExprKind::Name(ir::NameRef::Class(class.clone())),
                    Type::Int => ir::ExprKind::Name(ir::NameRef::Builtin(Builtin::Int)),
                    Type::Float => ir::ExprKind::Name(ir::NameRef::Builtin(Builtin::Float)),
                    Type::Bool => ir::ExprKind::Name(ir::NameRef::Builtin(Builtin::Bool)),
                    Type::List(_) => ir::ExprKind::Name(ir::NameRef::Builtin(Builtin::List)),
                    Type::Dict(_) => ir::ExprKind::Name(ir::NameRef::Builtin(Builtin::Dict)),
                    Type::Set(_) => ir::ExprKind::Name(ir::NameRef::Builtin(Builtin::Set)),
                    Type::TupleOf(_) => ir::ExprKind::Name(ir::NameRef::Builtin(Builtin::Tuple)),
                    _ => ir::ExprKind::Name(ir::NameRef::Builtin(Builtin::Str)),
                };
                ir::Expr { kind, ty: Type::Unknown, span: args[1].span }
            })
            .collect();
        let classes = ir::Expr { kind: ir::ExprKind::Tuple(items), ty: Type::Unknown, span: args[1].span };
        call_builtin(Builtin::Isinstance, vec![value, classes], Vec::new(), Type::Bool, span)
    }
}

fn call_builtin(
    builtin: Builtin,
    values: Vec<ir::Expr>,
    keywords: Vec<(BuiltinKeyword, ir::Expr)>,
    ret: Type,
    span: Span,
) -> ir::Expr {
    let args = values.into_iter().map(Arg::Value).collect();
    call_expr(Callee::Builtin { builtin, keywords }, args, None, ret, span)
}
