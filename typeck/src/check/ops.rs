//! Operators resolved by operand types: unary, binary (numeric tower, sequences, sets,
//! user dunders), `and`/`or` (with narrowing between operands) and comparison chains.
//!
//! `**` on ints: a non-negative int literal exponent gives `int`, a negative literal gives
//! `float`, and any other int exponent gives `int` (the common `2 ** n`); mypy says `Any`
//! there. At run time CPython is the oracle: a negative exponent yields a float, so the VM
//! must not assume an int result of `OpKind::Int` `**`.

use typhon_diagnostics::{Code, Span};
use typhon_parser::ast;

use super::Checker;
use super::expr::{error_expr, literal_int, mk};
use crate::ir::{self, BinOp, BinaryOp, CmpKind, ExprKind, OpKind};
use crate::types::Type;

pub(crate) fn lower_binop(op: ast::BinOp) -> Option<BinOp> {
    Some(match op {
        ast::BinOp::Add => BinOp::Add,
        ast::BinOp::Sub => BinOp::Sub,
        ast::BinOp::Mult => BinOp::Mult,
        ast::BinOp::MatMult => return None,
        ast::BinOp::Div => BinOp::Div,
        ast::BinOp::FloorDiv => BinOp::FloorDiv,
        ast::BinOp::Mod => BinOp::Mod,
        ast::BinOp::Pow => BinOp::Pow,
        ast::BinOp::LShift => BinOp::LShift,
        ast::BinOp::RShift => BinOp::RShift,
        ast::BinOp::BitOr => BinOp::BitOr,
        ast::BinOp::BitXor => BinOp::BitXor,
        ast::BinOp::BitAnd => BinOp::BitAnd,
    })
}

fn dunder_of(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "__add__",
        BinOp::Sub => "__sub__",
        BinOp::Mult => "__mul__",
        BinOp::Div => "__truediv__",
        BinOp::FloorDiv => "__floordiv__",
        BinOp::Mod => "__mod__",
        BinOp::Pow => "__pow__",
        BinOp::LShift => "__lshift__",
        BinOp::RShift => "__rshift__",
        BinOp::BitOr => "__or__",
        BinOp::BitXor => "__xor__",
        BinOp::BitAnd => "__and__",
    }
}

impl<'a> Checker<'a> {
    pub(crate) fn check_unary(&mut self, op: ast::UnaryOp, operand: &'a ast::Expr, span: Span) -> ir::Expr {
        let value = self.check_expr(operand);
        let ty = value.ty.clone();
        let resolved = match (op, &ty) {
            (_, Type::Unknown) => Some((ir::UnaryOp::Not, Type::Unknown)),
            (ast::UnaryOp::Not, _) => Some((ir::UnaryOp::Not, Type::Bool)),
            (ast::UnaryOp::Neg, Type::Int | Type::Bool) => Some((ir::UnaryOp::NegInt, Type::Int)),
            (ast::UnaryOp::Neg, Type::Float) => Some((ir::UnaryOp::NegNumeric, Type::Float)),
            (ast::UnaryOp::Pos, Type::Int | Type::Bool) => Some((ir::UnaryOp::PosInt, Type::Int)),
            (ast::UnaryOp::Pos, Type::Float) => Some((ir::UnaryOp::PosNumeric, Type::Float)),
            (ast::UnaryOp::Invert, Type::Int | Type::Bool) => Some((ir::UnaryOp::Invert, Type::Int)),
            (ast::UnaryOp::Neg, Type::Instance(class)) => {
                self.find_method(class, "__neg__").map(|(_, method)| (ir::UnaryOp::NegDunder, method.sig.ret))
            }
            _ => None,
        };
        match resolved {
            Some((op, result)) => mk(ExprKind::Unary { op, operand: Box::new(value) }, result, span),
            None => {
                let symbol = match op {
                    ast::UnaryOp::Neg => "-",
                    ast::UnaryOp::Pos => "+",
                    ast::UnaryOp::Invert => "~",
                    ast::UnaryOp::Not => "not",
                };
                self.error(Code::Operator, span, format!("Unsupported operand type for unary {symbol} (\"{ty}\")"));
                error_expr(span)
            }
        }
    }

    pub(crate) fn check_binary(
        &mut self,
        left: &'a ast::Expr,
        op: ast::BinOp,
        right: &'a ast::Expr,
        span: Span,
        expected: Option<&Type>,
    ) -> ir::Expr {
        // A list built by `+` or `*` takes the expected list type into its displays, as
        // mypy does: `xs: list[int | None] = [1] * n` is a `list[int | None]`.
        let list_context = expected.filter(|ty| matches!(ty, Type::List(_)));
        let (left_context, right_context) = match (op, list_context) {
            (ast::BinOp::Add, Some(ty)) => (Some(ty), Some(ty)),
            (ast::BinOp::Mult, Some(ty)) if matches!(left.kind, ast::ExprKind::List(_)) => (Some(ty), None),
            (ast::BinOp::Mult, Some(ty)) if matches!(right.kind, ast::ExprKind::List(_)) => (None, Some(ty)),
            _ => (None, None),
        };
        let left_ir = self.check_expr_with(left, left_context);
        let right_ir = self.check_expr_with(right, right_context);
        let Some(bin) = lower_binop(op) else {
            self.unsupported(span, "the \"@\" operator");
            return error_expr(span);
        };
        match self.binary_result(&left_ir.ty, bin, &right_ir.ty, literal_int(right), span) {
            Some((kind, ty)) => mk(
                ExprKind::Binary { op: BinaryOp { op: bin, kind }, left: Box::new(left_ir), right: Box::new(right_ir) },
                ty,
                span,
            ),
            None => {
                self.report_operator(op, &left_ir.ty, &right_ir.ty, span);
                error_expr(span)
            }
        }
    }

    pub(crate) fn report_operator(&mut self, op: ast::BinOp, left: &Type, right: &Type, span: Span) {
        if op == ast::BinOp::Mod && *left == Type::Str {
            self.unsupported(span, "printf-style string formatting (use an f-string)");
            return;
        }
        let message = if left.is_optional() {
            format!("Unsupported left operand type for {} (\"{left}\")", op.symbol())
        } else {
            format!("Unsupported operand types for {} (\"{left}\" and \"{right}\")", op.symbol())
        };
        self.error(Code::Operator, span, message);
    }

    /// The kind and result type of `left op right`, or `None` if unsupported.
    pub(crate) fn binary_result(
        &mut self,
        left: &Type,
        op: BinOp,
        right: &Type,
        right_literal: Option<i64>,
        span: Span,
    ) -> Option<(OpKind, Type)> {
        use BinOp::*;
        if left.is_unknown() || right.is_unknown() {
            return Some((OpKind::Numeric, Type::Unknown));
        }
        if left.is_int_like() && right.is_int_like() {
            return Some(match op {
                Div => (OpKind::Int, Type::Float),
                Pow => match right_literal {
                    Some(exponent) if exponent < 0 => (OpKind::Int, Type::Float),
                    _ => (OpKind::Int, Type::Int),
                },
                BitAnd | BitOr | BitXor if *left == Type::Bool && *right == Type::Bool => (OpKind::Bool, Type::Bool),
                _ => (OpKind::Int, Type::Int),
            });
        }
        if left.is_numeric() && right.is_numeric() {
            return match op {
                Add | Sub | Mult | Div | FloorDiv | Mod | Pow => Some((OpKind::Numeric, Type::Float)),
                _ => None,
            };
        }
        match (left, right) {
            (Type::Str, Type::Str) if op == Add => return Some((OpKind::StrConcat, Type::Str)),
            (Type::Str, r) if op == Mult && r.is_int_like() => {
                return Some((OpKind::StrRepeat { left_is_seq: true }, Type::Str));
            }
            (l, Type::Str) if op == Mult && l.is_int_like() => {
                return Some((OpKind::StrRepeat { left_is_seq: false }, Type::Str));
            }
            // `list.__add__` gives a list of both element types (`list[int] + list[float]`
            // is a `list[float]`); a union of unrelated types stays outside the subset.
            (Type::List(a), Type::List(b)) if op == Add => {
                return self.wider_elem(a, b).map(|elem| (OpKind::ListConcat, Type::list(elem)));
            }
            (Type::List(_), r) if op == Mult && r.is_int_like() => {
                return Some((OpKind::ListRepeat { left_is_seq: true }, left.clone()));
            }
            (l, Type::List(_)) if op == Mult && l.is_int_like() => {
                return Some((OpKind::ListRepeat { left_is_seq: false }, right.clone()));
            }
            (Type::Tuple(a), Type::Tuple(b)) if op == Add => {
                let mut items = a.to_vec();
                items.extend(b.iter().cloned());
                return Some((OpKind::TupleConcat, Type::tuple(items)));
            }
            (Type::Tuple(_) | Type::TupleOf(_), Type::Tuple(_) | Type::TupleOf(_)) if op == Add => {
                let elem_left = left.iter_elem().unwrap_or(Type::Unknown);
                let elem_right = right.iter_elem().unwrap_or(Type::Unknown);
                return Some((OpKind::TupleConcat, Type::tuple_of(self.join(&elem_left, &elem_right))));
            }
            (Type::Tuple(_) | Type::TupleOf(_), r) if op == Mult && r.is_int_like() => {
                return Some((
                    OpKind::TupleRepeat { left_is_seq: true },
                    Type::tuple_of(left.iter_elem().unwrap_or(Type::Unknown)),
                ));
            }
            (l, Type::Tuple(_) | Type::TupleOf(_)) if op == Mult && l.is_int_like() => {
                return Some((
                    OpKind::TupleRepeat { left_is_seq: false },
                    Type::tuple_of(right.iter_elem().unwrap_or(Type::Unknown)),
                ));
            }
            // `|` and `^` keep the elements of both sides, `&` and `-` those of the left.
            (Type::Set(a), Type::Set(b)) if matches!(op, BitOr | BitAnd | Sub | BitXor) => {
                let elem = self.wider_elem(a, b)?;
                let ty = if matches!(op, BitOr | BitXor) { Type::set(elem) } else { left.clone() };
                return Some((OpKind::Set, ty));
            }
            (Type::Instance(class), _) => {
                let (owner, method) = self.find_method(class, dunder_of(op))?;
                let param = method.sig.params.first()?;
                if !self.is_assignable(right, &param.ty) {
                    self.error(
                        Code::Operator,
                        span,
                        format!("Unsupported operand types for {} (\"{left}\" and \"{right}\")", binop_symbol(op)),
                    );
                    return Some((OpKind::Numeric, Type::Unknown));
                }
                return Some((OpKind::Dunder { class: owner, method: dunder_of(op).into() }, method.sig.ret));
            }
            _ => {}
        }
        None
    }

    /// The element type of a container holding elements of both types, when one type
    /// holds the other's values (`int` and `float` give `float`).
    fn wider_elem(&self, left: &Type, right: &Type) -> Option<Type> {
        if self.is_assignable(right, left) {
            Some(left.clone())
        } else if self.is_assignable(left, right) {
            Some(right.clone())
        } else {
            None
        }
    }

    pub(crate) fn check_boolop(
        &mut self,
        op: ast::BoolOp,
        values: &'a [ast::Expr],
        span: Span,
        expected: Option<&Type>,
    ) -> ir::Expr {
        let mark = self.ctx().narrow.len();
        let mut out = Vec::with_capacity(values.len());
        let mut ty: Option<Type> = None;
        for (idx, value) in values.iter().enumerate() {
            let last = idx + 1 == values.len();
            let value_ir = self.check_expr_with(value, expected);
            // `x or y` yields x only when x is truthy, so never None.
            let contributes =
                if op == ast::BoolOp::Or && !last { value_ir.ty.without_none() } else { value_ir.ty.clone() };
            ty = Some(match ty {
                None => contributes,
                Some(prev) => self.join(&prev, &contributes),
            });
            if !last {
                let (when_true, when_false) = self.condition_narrowings(value);
                let narrowings = if op == ast::BoolOp::And { when_true } else { when_false };
                self.ctx().narrow.extend(narrowings);
            }
            out.push(value_ir);
        }
        self.ctx().narrow.truncate(mark);
        let ty = ty.unwrap_or(Type::Unknown);
        let kind = if op == ast::BoolOp::And { ExprKind::And(out) } else { ExprKind::Or(out) };
        mk(kind, ty, span)
    }

    pub(crate) fn check_compare(
        &mut self,
        left: &'a ast::Expr,
        comparisons: &'a [(ast::CmpOp, ast::Expr)],
        span: Span,
    ) -> ir::Expr {
        let left_ir = self.check_expr(left);
        let mut prev_ty = left_ir.ty.clone();
        let mut out = Vec::with_capacity(comparisons.len());
        for (op, right) in comparisons {
            let right_ir = self.check_expr(right);
            let kind = self.comparison_kind(*op, &prev_ty, &right_ir.ty, right_ir.span.cover(left_ir.span));
            prev_ty = right_ir.ty.clone();
            out.push(ir::Comparison { op: lower_cmp(*op), kind, right: right_ir });
        }
        mk(ExprKind::Compare { left: Box::new(left_ir), comparisons: out }, Type::Bool, span)
    }

    fn comparison_kind(&mut self, op: ast::CmpOp, left: &Type, right: &Type, span: Span) -> CmpKind {
        use ast::CmpOp::*;
        if left.is_unknown() || right.is_unknown() {
            return CmpKind::Generic;
        }
        match op {
            Is | IsNot => CmpKind::Identity,
            In | NotIn => self.contains_kind(left, right, span),
            Eq | NotEq => {
                if left.is_int_like() && right.is_int_like() {
                    return CmpKind::Int;
                }
                if left.is_numeric() && right.is_numeric() {
                    return CmpKind::Numeric;
                }
                if *left == Type::Str && *right == Type::Str {
                    return CmpKind::Str;
                }
                if let Type::Instance(class) = left {
                    return self.eq_kind(class);
                }
                if is_scalar(left) && is_scalar(right) && left != right {
                    self.error(
                        Code::Misc,
                        span,
                        format!("Non-overlapping equality check (left operand type: \"{left}\", right operand type: \"{right}\")"),
                    );
                }
                CmpKind::Generic
            }
            Lt | LtE | Gt | GtE => {
                if left.is_int_like() && right.is_int_like() {
                    return CmpKind::Int;
                }
                if left.is_numeric() && right.is_numeric() {
                    return CmpKind::Numeric;
                }
                if *left == Type::Str && *right == Type::Str {
                    return CmpKind::Str;
                }
                let method = match op {
                    Lt => "__lt__",
                    LtE => "__le__",
                    Gt => "__gt__",
                    _ => "__ge__",
                };
                if let Type::Instance(class) = left {
                    if let Some((owner, found)) = self.find_method(class, method) {
                        let fits = found.sig.params.first().is_some_and(|param| self.is_assignable(right, &param.ty));
                        if fits {
                            return CmpKind::Dunder { class: owner, method: method.into() };
                        }
                    } else if let Type::Instance(other) = right
                        && let Some(info) = self.chain(class).into_iter().find(|info| info.dataclass.is_some())
                        && info.dataclass.is_some_and(|flags| flags.order)
                        && (self.is_subclass(other, &info.class) || self.is_subclass(class, other))
                    {
                        return CmpKind::DataclassOrder { class: info.class.clone() };
                    }
                }
                if self.orderable_builtin(left, right) {
                    return CmpKind::Generic;
                }
                // The reflected method of the right operand (`a < b` is `b.__gt__(a)` when
                // `a` has no `__lt__`): the VM's generic comparison tries it.
                let reflected = match op {
                    Lt => "__gt__",
                    LtE => "__ge__",
                    Gt => "__lt__",
                    _ => "__le__",
                };
                if let Type::Instance(class) = right
                    && let Some((_, found)) = self.find_method(class, reflected)
                    && found.sig.params.first().is_some_and(|param| self.is_assignable(left, &param.ty))
                {
                    return CmpKind::Generic;
                }
                self.error(
                    Code::Operator,
                    span,
                    format!("Unsupported operand types for {} (\"{left}\" and \"{right}\")", op.symbol()),
                );
                CmpKind::Generic
            }
        }
    }

    fn orderable_builtin(&self, left: &Type, right: &Type) -> bool {
        match (left, right) {
            (Type::List(a), Type::List(b)) => self.orderable_builtin(a, b),
            (Type::Tuple(_) | Type::TupleOf(_), Type::Tuple(_) | Type::TupleOf(_)) => {
                let a = left.iter_elem().unwrap_or(Type::Unknown);
                let b = right.iter_elem().unwrap_or(Type::Unknown);
                match (left, right) {
                    (Type::Tuple(xs), Type::Tuple(ys)) => {
                        xs.iter().zip(ys.iter()).all(|(x, y)| self.orderable_builtin(x, y))
                    }
                    _ => self.orderable_builtin(&a, &b) || a.is_unknown() || b.is_unknown(),
                }
            }
            (Type::Set(a), Type::Set(b)) => self.is_equivalent(a, b),
            // `__gt__` serves `<` reflected (`a < b` is `b.__gt__(a)`), as mypy's
            // `SupportsDunderLT | SupportsDunderGT` allows.
            (Type::Instance(class), _) => {
                self.find_method(class, "__lt__").is_some()
                    || self.find_method(class, "__gt__").is_some()
                    || self.chain(class).iter().any(|info| info.dataclass.is_some_and(|flags| flags.order))
            }
            (Type::Union(_), _) | (_, Type::Union(_)) => false,
            _ => {
                (left.is_numeric() && right.is_numeric())
                    || (*left == Type::Str && *right == Type::Str)
                    || left.is_unknown()
                    || right.is_unknown()
            }
        }
    }

    fn eq_kind(&self, class: &crate::types::ClassRef) -> CmpKind {
        for info in self.chain(class) {
            if info.method("__eq__").is_some() {
                return CmpKind::Dunder { class: info.class.clone(), method: "__eq__".into() };
            }
            if let Some(flags) = info.dataclass
                && flags.eq
            {
                return CmpKind::DataclassEq { class: info.class.clone() };
            }
        }
        CmpKind::IdentityEq
    }

    fn contains_kind(&mut self, left: &Type, right: &Type, span: Span) -> CmpKind {
        let elem = match right {
            Type::Str => {
                if *left != Type::Str {
                    self.error(
                        Code::Operator,
                        span,
                        format!("Unsupported operand types for in (\"{left}\" and \"str\")"),
                    );
                }
                return CmpKind::Contains;
            }
            Type::List(_)
            | Type::Set(_)
            | Type::Tuple(_)
            | Type::TupleOf(_)
            | Type::Dict(_)
            | Type::Range
            | Type::View(..) => right.iter_elem().unwrap_or(Type::Unknown),
            Type::Instance(class) => {
                if let Some((owner, _)) = self.find_method(class, "__contains__") {
                    return CmpKind::Dunder { class: owner, method: "__contains__".into() };
                }
                self.error(Code::Operator, span, format!("Unsupported right operand type for in (\"{right}\")"));
                return CmpKind::Generic;
            }
            _ => {
                self.error(Code::Operator, span, format!("Unsupported right operand type for in (\"{right}\")"));
                return CmpKind::Generic;
            }
        };
        if !self.is_assignable(left, &elem) && !self.is_assignable(&elem, left) {
            self.error(
                Code::Operator,
                span,
                format!("Non-overlapping container check (element type: \"{left}\", container item type: \"{elem}\")"),
            );
        }
        CmpKind::Contains
    }
}

fn is_scalar(ty: &Type) -> bool {
    matches!(ty, Type::Int | Type::Float | Type::Bool | Type::Str)
}

fn binop_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mult => "*",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

pub(crate) fn lower_cmp(op: ast::CmpOp) -> ir::CmpOp {
    match op {
        ast::CmpOp::Eq => ir::CmpOp::Eq,
        ast::CmpOp::NotEq => ir::CmpOp::NotEq,
        ast::CmpOp::Lt => ir::CmpOp::Lt,
        ast::CmpOp::LtE => ir::CmpOp::LtE,
        ast::CmpOp::Gt => ir::CmpOp::Gt,
        ast::CmpOp::GtE => ir::CmpOp::GtE,
        ast::CmpOp::Is => ir::CmpOp::Is,
        ast::CmpOp::IsNot => ir::CmpOp::IsNot,
        ast::CmpOp::In => ir::CmpOp::In,
        ast::CmpOp::NotIn => ir::CmpOp::NotIn,
    }
}
