//! Which expressions may be assigned to, annotated, augmented or deleted, with
//! CPython's messages for those that may not ("cannot assign to function call here.
//! Maybe you meant '==' instead of '='?").

use crate::ast::{Expr, ExprKind, UnaryOp};
use crate::parser::Parser;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum TargetKind {
    /// A target of `=`. `hint`: the statement has a single `=` and the target looks
    /// like an operand (`equal_hint_applies`, or it is parenthesized), so CPython
    /// suggests `==`.
    Assign {
        hint: bool,
    },
    /// The target of a `for` statement or clause.
    For,
    Delete,
}

/// How CPython names an expression in "cannot assign to ..." messages.
pub(crate) fn expr_name(expr: &Expr) -> &'static str {
    match &expr.kind {
        ExprKind::Name(_) => "name",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::Binary { .. } | ExprKind::Unary { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Bool(true) => "True",
        ExprKind::Bool(false) => "False",
        ExprKind::NoneLit => "None",
        ExprKind::Ellipsis => "ellipsis",
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Slice { .. } | ExprKind::Error => "expression",
    }
}

/// Whether CPython would add "here. Maybe you meant '==' instead of '='?" for `expr =
/// value`: the target is an operand-level expression (a call, a literal, `a + b`, a
/// display...) but not a list, tuple, generator expression, `True`/`False`/`None`, nor
/// a comparison, `not`, `and`/`or`, conditional or lambda.
pub(crate) fn equal_hint_applies(expr: &Expr) -> bool {
    match &expr.kind {
        ExprKind::Call { .. }
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::FString(_)
        | ExprKind::Ellipsis
        | ExprKind::Binary { .. }
        | ExprKind::ListComp { .. }
        | ExprKind::SetComp { .. }
        | ExprKind::DictComp { .. }
        | ExprKind::Dict(_)
        | ExprKind::Set(_) => true,
        ExprKind::Unary { op, .. } => *op != UnaryOp::Not,
        _ => false,
    }
}

impl Parser<'_> {
    /// Checks an assignment, `for` or `del` target; reports the first invalid part.
    /// Returns whether the target is valid.
    pub(crate) fn check_target(&mut self, expr: &Expr, kind: TargetKind) -> bool {
        match &expr.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => true,
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                let nested = match kind {
                    TargetKind::Assign { .. } => TargetKind::Assign { hint: false },
                    other => other,
                };
                elts.iter().all(|elt| self.check_target(elt, nested))
            }
            ExprKind::Error => {
                // Already reported; a starred item is now known to be a target.
                if kind != TargetKind::Delete {
                    self.rename_star(expr.span, "starred assignment target");
                }
                true
            }
            _ => {
                let name = expr_name(expr);
                let message = match kind {
                    TargetKind::Delete => format!("cannot delete {name}"),
                    TargetKind::Assign { hint: true } => {
                        format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?")
                    }
                    _ => format!("cannot assign to {name}"),
                };
                self.report_syntax(expr.span, message);
                false
            }
        }
    }

    /// The target of `x += 1`: a name, attribute or subscript.
    pub(crate) fn check_augmented_target(&mut self, expr: &Expr) {
        match &expr.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } | ExprKind::Error => {}
            _ => {
                let message = format!("'{}' is an illegal expression for augmented assignment", expr_name(expr));
                self.report_syntax(expr.span, message);
            }
        }
    }

    /// The target of `x: int = 0`: a single name, attribute or subscript.
    pub(crate) fn check_annotated_target(&mut self, expr: &Expr) {
        let message = match &expr.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } | ExprKind::Error => return,
            ExprKind::Tuple(_) => "only single target (not tuple) can be annotated",
            ExprKind::List(_) => "only single target (not list) can be annotated",
            _ => "illegal target for annotation",
        };
        self.report_syntax(expr.span, message);
    }
}
