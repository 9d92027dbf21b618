//! Expressions: a precedence climber over Python's operator table, then primaries
//! (calls, subscripts, attributes) and atoms (literals, displays, comprehensions).
//!
//! One call of [`Parser::expr_bp`] handles every operator at or above a precedence
//! level, so nesting costs a couple of frames per *operand* rather than one per grammar
//! rule, and left-associative chains are loops. Right-nested forms (`-x`, `a ** b`,
//! `x if c else y`, `lambda`) recurse through `expr_bp`, which counts nesting.

use typhon_diagnostics::Span;
use typhon_lexer::{IntValue, TokenKind, TokenValue};

use crate::ast::{BinOp, BoolOp, CmpOp, Comprehension, Expr, ExprKind, Ident, UnaryOp};
use crate::parser::{Ex, Parser, starts_expression};
use crate::targets::TargetKind;

/// Precedence levels, lowest first (Python's grammar, "Operator precedence" in the
/// language reference).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) enum Prec {
    /// `name := value`, only where a named expression is allowed.
    Named,
    /// `lambda` and `x if c else y`.
    Ternary,
    Or,
    And,
    Not,
    /// `<`, `==`, `in`, `not in`, `is`, `is not` (chained, not nested).
    Compare,
    BitOr,
    BitXor,
    BitAnd,
    Shift,
    Sum,
    Term,
    /// Prefix `-`, `+`, `~`.
    Unary,
    /// `**`: right-associative, and binds tighter than a unary operator on its left.
    Power,
}

impl Prec {
    /// The level just above, for the right operand of a left-associative operator.
    fn next(self) -> Prec {
        match self {
            Prec::Named => Prec::Ternary,
            Prec::Ternary => Prec::Or,
            Prec::Or => Prec::And,
            Prec::And => Prec::Not,
            Prec::Not => Prec::Compare,
            Prec::Compare => Prec::BitOr,
            Prec::BitOr => Prec::BitXor,
            Prec::BitXor => Prec::BitAnd,
            Prec::BitAnd => Prec::Shift,
            Prec::Shift => Prec::Sum,
            Prec::Sum => Prec::Term,
            Prec::Term => Prec::Unary,
            Prec::Unary | Prec::Power => Prec::Power,
        }
    }
}

/// A dict display being parsed.
struct DictState {
    pairs: Vec<(Expr, Expr)>,
    depth: u32,
    /// A `**mapping` entry was seen (unsupported: the whole display becomes an error).
    unpacks: bool,
    /// Whether the last entry was `key: value` (the comma hint looks at its value).
    last_is_value: bool,
}

/// An infix operator found by `infix_at`.
#[derive(Clone, Copy)]
enum Infix {
    Ternary,
    Bool(BoolOp),
    Walrus,
    Compare,
    Binary(BinOp, Prec),
}

fn binary_op(kind: TokenKind) -> Option<(BinOp, Prec)> {
    use TokenKind as T;
    Some(match kind {
        T::VBar => (BinOp::BitOr, Prec::BitOr),
        T::Circumflex => (BinOp::BitXor, Prec::BitXor),
        T::Amper => (BinOp::BitAnd, Prec::BitAnd),
        T::LeftShift => (BinOp::LShift, Prec::Shift),
        T::RightShift => (BinOp::RShift, Prec::Shift),
        T::Plus => (BinOp::Add, Prec::Sum),
        T::Minus => (BinOp::Sub, Prec::Sum),
        T::Star => (BinOp::Mult, Prec::Term),
        T::Slash => (BinOp::Div, Prec::Term),
        T::DoubleSlash => (BinOp::FloorDiv, Prec::Term),
        T::Percent => (BinOp::Mod, Prec::Term),
        T::At => (BinOp::MatMult, Prec::Term),
        T::DoubleStar => (BinOp::Pow, Prec::Power),
        _ => return None,
    })
}

impl Parser<'_> {
    /// `expression`: everything but tuples, starred items and `:=`.
    pub(crate) fn expression(&mut self) -> Ex {
        self.expr_bp(Prec::Ternary)
    }

    /// `named_expression`: an expression where `:=` is allowed (and unsupported).
    pub(crate) fn named_expression(&mut self) -> Ex {
        self.expr_bp(Prec::Named)
    }

    /// Parses an expression made of operators at `min` or above.
    ///
    /// The functions on the recursive paths (this one, `prefix`, `infix`, `primary`,
    /// `atom`, the displays) keep few locals and leave building nodes and reporting
    /// errors to small helpers: unoptimized builds give every local its own stack slot,
    /// and these frames are what [`crate::limits::MAX_NESTING`] multiplies.
    pub(crate) fn expr_bp(&mut self, min: Prec) -> Ex {
        if !self.enter() {
            return self.error_node(self.here());
        }
        let mut lhs = self.prefix(min);
        while !self.panicking {
            let Some(infix) = self.infix_at(min) else { break };
            lhs = self.infix(lhs, infix);
        }
        self.leave();
        lhs
    }

    /// The infix operator at the cursor, if it binds at `min` or tighter.
    fn infix_at(&self, min: Prec) -> Option<Infix> {
        let kind = self.kind();
        Some(match kind {
            TokenKind::If if min <= Prec::Ternary => Infix::Ternary,
            TokenKind::Or if min <= Prec::Or => Infix::Bool(BoolOp::Or),
            TokenKind::And if min <= Prec::And => Infix::Bool(BoolOp::And),
            TokenKind::ColonEqual if min <= Prec::Named => Infix::Walrus,
            _ if min <= Prec::Compare && self.compare_op().is_some() => Infix::Compare,
            _ => match binary_op(kind) {
                Some((op, prec)) if prec >= min => Infix::Binary(op, prec),
                _ => return None,
            },
        })
    }

    fn infix(&mut self, lhs: Ex, infix: Infix) -> Ex {
        match infix {
            Infix::Ternary => self.ternary(lhs),
            Infix::Bool(op) => self.bool_op(lhs, op),
            Infix::Walrus => self.walrus(lhs),
            Infix::Compare => self.comparison(lhs),
            Infix::Binary(op, prec) => self.binary(lhs, op, prec),
        }
    }

    fn binary(&mut self, lhs: Ex, op: BinOp, prec: Prec) -> Ex {
        self.bump();
        // `2 ** -1` is valid: the right operand of `**` is a unary expression.
        let rhs = self.expr_bp(if op == BinOp::Pow { Prec::Unary } else { prec.next() });
        self.binary_node(lhs, op, rhs)
    }

    fn binary_node(&mut self, lhs: Ex, op: BinOp, rhs: Ex) -> Ex {
        let span = lhs.span().cover(rhs.span());
        let depth = lhs.depth.max(rhs.depth);
        self.node(ExprKind::Binary { left: lhs.boxed(), op, right: rhs.boxed() }, span, depth)
    }

    /// Prefix operators (allowed only at their level: `a == not b` and `-not x` are
    /// invalid, as in Python), `lambda`, `await`, `yield`, then a primary.
    fn prefix(&mut self, min: Prec) -> Ex {
        let (op, level) = match self.kind() {
            TokenKind::Not => (UnaryOp::Not, Prec::Not),
            TokenKind::Minus => (UnaryOp::Neg, Prec::Unary),
            TokenKind::Plus => (UnaryOp::Pos, Prec::Unary),
            TokenKind::Tilde => (UnaryOp::Invert, Prec::Unary),
            TokenKind::Lambda if min <= Prec::Ternary => return self.lambda(),
            TokenKind::Lambda => return self.misplaced_prefix(),
            TokenKind::Await => return self.await_expr(),
            TokenKind::Yield => return self.yield_expr(),
            _ => return self.primary(),
        };
        if min > level {
            return self.misplaced_prefix();
        }
        let start = self.bump().span.start;
        let operand = self.expr_bp(level);
        self.unary_node(start, op, operand)
    }

    fn unary_node(&mut self, start: u32, op: UnaryOp, operand: Ex) -> Ex {
        let span = Span::new(start, operand.span().end);
        let depth = operand.depth;
        self.node(ExprKind::Unary { op, operand: operand.boxed() }, span, depth)
    }

    /// `lambda` or a prefix operator below its precedence level (`a + not b`).
    fn misplaced_prefix(&mut self) -> Ex {
        let span = self.token().span;
        self.invalid_syntax();
        self.error_node(span)
    }

    /// `await value`: outside the subset.
    fn await_expr(&mut self) -> Ex {
        let keyword = self.bump();
        let operand = self.primary();
        let span = keyword.span.cover(operand.span());
        self.unsupported(span, "'await' expression");
        self.error_node(span)
    }

    /// `body if test else orelse` (the `if` is the current token).
    fn ternary(&mut self, body: Ex) -> Ex {
        self.bump();
        let test = self.expr_bp(Prec::Or);
        if !self.at(TokenKind::Else) {
            return self.missing_else(body, test);
        }
        self.bump();
        let orelse = self.expr_bp(Prec::Ternary);
        self.ternary_node(body, test, orelse)
    }

    fn missing_else(&mut self, body: Ex, test: Ex) -> Ex {
        let span = body.span().cover(test.span());
        if !self.panicking {
            self.syntax_error(span, "expected 'else' after 'if' expression");
        }
        self.error_node(span)
    }

    fn ternary_node(&mut self, body: Ex, test: Ex, orelse: Ex) -> Ex {
        let span = body.span().cover(orelse.span());
        let depth = body.depth.max(test.depth).max(orelse.depth);
        let kind = ExprKind::IfExp { test: test.boxed(), body: body.boxed(), orelse: orelse.boxed() };
        self.node(kind, span, depth)
    }

    /// `a or b or c` / `a and b and c`, flat.
    fn bool_op(&mut self, first: Ex, op: BoolOp) -> Ex {
        let (token, operand_level) = match op {
            BoolOp::Or => (TokenKind::Or, Prec::And),
            BoolOp::And => (TokenKind::And, Prec::Not),
        };
        let start = first.span();
        let mut depth = first.depth;
        let mut values = vec![first.expr];
        let mut end = start;
        while self.eat(token) {
            let value = self.expr_bp(operand_level);
            depth = depth.max(value.depth);
            end = value.span();
            values.push(value.expr);
            if self.panicking {
                break;
            }
        }
        self.node(ExprKind::BoolOp { op, values }, start.cover(end), depth)
    }

    /// The comparison operator at the cursor and how many tokens it takes.
    fn compare_op(&self) -> Option<(CmpOp, usize)> {
        Some(match self.kind() {
            TokenKind::EqEqual => (CmpOp::Eq, 1),
            TokenKind::NotEqual => (CmpOp::NotEq, 1),
            TokenKind::Less => (CmpOp::Lt, 1),
            TokenKind::LessEqual => (CmpOp::LtE, 1),
            TokenKind::Greater => (CmpOp::Gt, 1),
            TokenKind::GreaterEqual => (CmpOp::GtE, 1),
            TokenKind::In => (CmpOp::In, 1),
            TokenKind::Not if self.nth_kind(1) == TokenKind::In => (CmpOp::NotIn, 2),
            TokenKind::Is if self.nth_kind(1) == TokenKind::Not => (CmpOp::IsNot, 2),
            TokenKind::Is => (CmpOp::Is, 1),
            _ => return None,
        })
    }

    /// `a < b <= c`, flat.
    fn comparison(&mut self, left: Ex) -> Ex {
        let start = left.span();
        let mut end = start;
        let mut depth = left.depth;
        let mut comparisons = Vec::new();
        while let Some((op, n_tokens)) = self.compare_op() {
            for _ in 0..n_tokens {
                self.bump();
            }
            let operand = self.expr_bp(Prec::BitOr);
            depth = depth.max(operand.depth);
            end = operand.span();
            comparisons.push((op, operand.expr));
            if self.panicking {
                break;
            }
        }
        self.node(ExprKind::Compare { left: left.boxed(), comparisons }, start.cover(end), depth)
    }

    /// `name := value`: outside the subset.
    fn walrus(&mut self, target: Ex) -> Ex {
        self.bump();
        let value = self.expression();
        let span = target.span().cover(value.span());
        self.unsupported(span, "assignment expression ':='");
        self.error_node(span)
    }

    /// `yield`, `yield value`, `yield from value`: outside the subset.
    pub(crate) fn yield_expr(&mut self) -> Ex {
        let keyword = self.bump();
        let construct = if self.eat(TokenKind::From) {
            self.expression();
            "'yield from' expression"
        } else {
            if starts_expression(self.kind()) {
                self.star_expressions();
            }
            "'yield' expression"
        };
        let span = Span::new(keyword.span.start, self.prev_end);
        self.unsupported(span, construct);
        self.error_node(span)
    }

    /// `lambda params: body`.
    fn lambda(&mut self) -> Ex {
        let start = self.bump().span.start;
        let params = self.parameters(true);
        if !self.eat(TokenKind::Colon) && !self.panicking {
            self.invalid_syntax();
        }
        let body = self.expression();
        self.lambda_node(start, params, body)
    }

    fn lambda_node(&mut self, start: u32, params: crate::args::ParsedParams, body: Ex) -> Ex {
        let span = Span::new(start, body.span().end);
        let depth = params.depth.max(body.depth);
        self.node(ExprKind::Lambda { params: Box::new(params.params), body: body.boxed() }, span, depth)
    }

    /// A primary: an atom followed by calls, subscripts and attribute accesses.
    pub(crate) fn primary(&mut self) -> Ex {
        let mut ex = self.atom();
        while !self.panicking {
            ex = match self.kind() {
                TokenKind::Dot => self.attribute(ex),
                TokenKind::Lpar => self.call(ex),
                TokenKind::Lsqb => self.subscript(ex),
                _ => break,
            };
        }
        ex
    }

    /// `value.attr` (the cursor is on the dot).
    fn attribute(&mut self, value: Ex) -> Ex {
        self.bump();
        let Some(attr) = self.expect_ident() else { return value };
        let span = value.span().cover(attr.span);
        let depth = value.depth;
        self.node(ExprKind::Attribute { value: value.boxed(), attr }, span, depth)
    }

    /// A name, or "invalid syntax" (keywords are not names: `x.True`, `def f(True)`).
    pub(crate) fn expect_ident(&mut self) -> Option<Ident> {
        let token = self.token();
        if token.kind != TokenKind::Name {
            self.invalid_syntax();
            return None;
        }
        self.bump();
        Some(Ident { name: self.name_of(token), span: token.span })
    }

    fn atom(&mut self) -> Ex {
        match self.kind() {
            TokenKind::String | TokenKind::FStringStart => self.strings(),
            TokenKind::Lpar => self.paren(),
            TokenKind::Lsqb => self.list_display(),
            TokenKind::Lbrace => self.brace_display(),
            _ => self.literal(),
        }
    }

    /// A name, number, `True`/`False`/`None` or `...`; anything else is "invalid
    /// syntax" (including the lexer's `Error` tokens, which are not reported again).
    fn literal(&mut self) -> Ex {
        let token = self.token();
        let kind = match token.kind {
            TokenKind::Name => ExprKind::Name(self.name_of(token)),
            TokenKind::Int => match self.take_value(token) {
                Some(TokenValue::Int(value)) => ExprKind::Int(value),
                _ => ExprKind::Int(IntValue::Small(0)),
            },
            TokenKind::Float => match self.take_value(token) {
                Some(TokenValue::Float(value)) => ExprKind::Float(value),
                _ => ExprKind::Float(0.0),
            },
            TokenKind::True => ExprKind::Bool(true),
            TokenKind::False => ExprKind::Bool(false),
            TokenKind::None => ExprKind::NoneLit,
            TokenKind::Ellipsis => ExprKind::Ellipsis,
            _ => {
                self.invalid_syntax();
                return self.error_node(Span::empty_at(token.span.start));
            }
        };
        self.bump();
        self.leaf(kind, token.span)
    }

    /// `*value` where a starred item may appear (displays, tuples, subscripts,
    /// assignment targets), else an expression at `level`.
    pub(crate) fn star_or(&mut self, level: Prec) -> Ex {
        if !self.at(TokenKind::Star) {
            return self.expr_bp(level);
        }
        let start = self.bump().span.start;
        let value = self.expr_bp(Prec::BitOr);
        self.star_node(start, value)
    }

    fn star_node(&mut self, start: u32, value: Ex) -> Ex {
        let span = Span::new(start, value.span().end);
        self.report_star(span);
        self.error_node(span)
    }

    /// `star_expressions`: one expression, or an unparenthesized tuple (`a, *b, c,`).
    pub(crate) fn star_expressions(&mut self) -> Ex {
        let first = self.star_or(Prec::Ternary);
        if !self.at(TokenKind::Comma) {
            return first;
        }
        self.unparenthesized_tuple(first, Prec::Ternary)
    }

    /// `star_expressions`, or a `yield` expression where Python allows one (the right
    /// side of an assignment, an expression statement).
    pub(crate) fn star_expressions_or_yield(&mut self) -> Ex {
        if self.at(TokenKind::Yield) { self.yield_expr() } else { self.star_expressions() }
    }

    /// The targets of `for` (statement or comprehension): `bitwise_or`-level items,
    /// comma-separated, so that parsing stops at `in`.
    pub(crate) fn target_list(&mut self) -> Ex {
        let first = self.star_or(Prec::BitOr);
        if !self.at(TokenKind::Comma) {
            return first;
        }
        self.unparenthesized_tuple(first, Prec::BitOr)
    }

    /// The rest of `first, b, c,` (the cursor is on the first comma). The span ends
    /// after a trailing comma, as CPython's does.
    fn unparenthesized_tuple(&mut self, first: Ex, level: Prec) -> Ex {
        let start = first.span();
        let mut depth = first.depth;
        let mut elts = vec![first.expr];
        while self.eat(TokenKind::Comma) {
            if !starts_expression(self.kind()) {
                break;
            }
            let elt = self.star_or(level);
            depth = depth.max(elt.depth);
            elts.push(elt.expr);
            if self.panicking {
                break;
            }
        }
        let span = Span::new(start.start, self.prev_end.max(start.end));
        self.node(ExprKind::Tuple(elts), span, depth)
    }

    /// `( ... )`: an empty tuple, a parenthesized expression (its span stays its own,
    /// its outer extent grows), a tuple, a generator expression or `(yield)`.
    fn paren(&mut self) -> Ex {
        let start = self.bump().span.start;
        let first = match self.kind() {
            TokenKind::Rpar => return self.empty_display(start, ExprKind::Tuple(Vec::new())),
            TokenKind::Yield => self.yield_expr(),
            _ => self.star_or(Prec::Named),
        };
        self.paren_rest(start, first)
    }

    /// `()`, `[]` or `{}` (the cursor is on the closer).
    fn empty_display(&mut self, start: u32, kind: ExprKind) -> Ex {
        let end = self.bump().span.end;
        self.leaf(kind, Span::new(start, end))
    }

    /// After `( first`: a generator expression, a tuple, or a parenthesized expression
    /// (which keeps its own span; only its outer extent grows).
    fn paren_rest(&mut self, start: u32, first: Ex) -> Ex {
        if self.at_comprehension() {
            return self.comprehension(start, first, TokenKind::Rpar);
        }
        if self.at(TokenKind::Comma) {
            return self.display_rest(start, first, TokenKind::Rpar);
        }
        let end = self.expect_closer(TokenKind::Rpar, Some(&first.expr));
        let mut inner = first;
        inner.outer = Span::new(start, end.max(inner.outer.end));
        inner
    }

    /// `[ ... ]`: a list display or a list comprehension.
    fn list_display(&mut self) -> Ex {
        let start = self.bump().span.start;
        if self.at(TokenKind::Rsqb) {
            return self.empty_display(start, ExprKind::List(Vec::new()));
        }
        let first = self.star_or(Prec::Named);
        if self.at_comprehension() {
            return self.comprehension(start, first, TokenKind::Rsqb);
        }
        self.display_rest(start, first, TokenKind::Rsqb)
    }

    /// A list, set or generator comprehension after its element (the cursor is on
    /// `for`); `closer` says which.
    fn comprehension(&mut self, start: u32, elt: Ex, closer: TokenKind) -> Ex {
        let (generators, depth) = self.comprehension_clauses();
        let end = self.expect_closer(closer, None);
        let depth = depth.max(elt.depth);
        let elt = elt.boxed();
        let kind = match closer {
            TokenKind::Rpar => ExprKind::GeneratorExp { elt, generators },
            TokenKind::Rsqb => ExprKind::ListComp { elt, generators },
            _ => ExprKind::SetComp { elt, generators },
        };
        self.node(kind, Span::new(start, end), depth)
    }

    /// The rest of a tuple, list or set display after its first element; `closer`
    /// says which.
    fn display_rest(&mut self, start: u32, first: Ex, closer: TokenKind) -> Ex {
        let first_start = first.span().start;
        let (elts, depth) = self.rest_of_elements(first, closer);
        if closer != TokenKind::Rpar && !self.panicking && self.at_comprehension() {
            // `[x, y for ...]`: the span runs to the last element, or to the comma
            // after a lone one, as in CPython.
            let end = match elts.as_slice() {
                [_, .., last] => last.span.end,
                _ => self.prev_end,
            };
            let span = Span::new(first_start, end.max(first_start));
            self.syntax_error(span, "did you forget parentheses around the comprehension target?");
        }
        let end = self.expect_closer(closer, elts.last());
        let kind = match closer {
            TokenKind::Rpar => ExprKind::Tuple(elts),
            TokenKind::Rsqb => ExprKind::List(elts),
            _ => ExprKind::Set(elts),
        };
        self.node(kind, Span::new(start, end), depth)
    }

    /// The elements after `first` up to (not including) `closer`, trailing comma
    /// allowed.
    fn rest_of_elements(&mut self, first: Ex, closer: TokenKind) -> (Vec<Expr>, u32) {
        let mut depth = first.depth;
        let mut elts = vec![first.expr];
        while self.eat(TokenKind::Comma) {
            if self.at(closer) || !starts_expression(self.kind()) {
                break;
            }
            let elt = self.star_or(Prec::Named);
            depth = depth.max(elt.depth);
            elts.push(elt.expr);
            if self.panicking {
                break;
            }
        }
        (elts, depth)
    }

    /// `{ ... }`: a dict or set display, or a dict or set comprehension.
    fn brace_display(&mut self) -> Ex {
        let start = self.bump().span.start;
        match self.kind() {
            TokenKind::Rbrace => return self.empty_display(start, ExprKind::Dict(Vec::new())),
            TokenKind::DoubleStar => return self.dict_rest(start, Vec::new(), 0, true),
            _ => {}
        }
        let first = self.star_or(Prec::Named);
        if self.at(TokenKind::Colon) {
            return self.dict_after_key(start, first);
        }
        if self.at_comprehension() {
            return self.comprehension(start, first, TokenKind::Rbrace);
        }
        self.display_rest(start, first, TokenKind::Rbrace)
    }

    /// A dict display or comprehension after its first key (the cursor is on `:`).
    fn dict_after_key(&mut self, start: u32, key: Ex) -> Ex {
        let value = self.dict_value();
        if self.at_comprehension() {
            return self.dict_comprehension(start, key, value);
        }
        let depth = key.depth.max(value.depth);
        self.dict_rest(start, vec![(key.expr, value.expr)], depth, false)
    }

    fn dict_comprehension(&mut self, start: u32, key: Ex, value: Ex) -> Ex {
        let (generators, depth) = self.comprehension_clauses();
        let end = self.expect_closer(TokenKind::Rbrace, None);
        let depth = depth.max(key.depth).max(value.depth);
        let kind = ExprKind::DictComp { key: key.boxed(), value: value.boxed(), generators };
        self.node(kind, Span::new(start, end), depth)
    }

    /// `: value` of a dict entry (the cursor is on the `:`), with CPython's messages for
    /// a missing or starred value.
    fn dict_value(&mut self) -> Ex {
        let colon = self.bump().span;
        match self.kind() {
            TokenKind::Rbrace | TokenKind::Comma => {
                self.syntax_error(colon, "expression expected after dictionary key and ':'");
                self.error_node(colon)
            }
            TokenKind::Star => {
                let star = self.bump().span;
                let end = self.quiet_expression_end(Prec::BitOr);
                let span = Span::new(star.start, end.max(star.end));
                self.syntax_error(span, "cannot use a starred expression in a dictionary value");
                self.error_node(span)
            }
            _ => self.expression(),
        }
    }

    /// The rest of a dict display after its first entry (or at a leading `**`).
    fn dict_rest(&mut self, start: u32, pairs: Vec<(Expr, Expr)>, depth: u32, unpacks: bool) -> Ex {
        let mut dict = DictState { last_is_value: !pairs.is_empty(), pairs, depth, unpacks };
        let mut first = dict.pairs.is_empty();
        while (first || self.eat(TokenKind::Comma)) && !self.at(TokenKind::Rbrace) {
            first = false;
            if !self.dict_entry(&mut dict) || self.panicking {
                break;
            }
        }
        let last = if dict.last_is_value { dict.pairs.last().map(|(_, value)| value) } else { None };
        let end = self.expect_closer(TokenKind::Rbrace, last);
        let span = Span::new(start, end);
        if dict.unpacks {
            return self.error_node(span);
        }
        self.node(ExprKind::Dict(dict.pairs), span, dict.depth)
    }

    /// One `key: value` or `**mapping` entry; `false` if the key has no `:`.
    fn dict_entry(&mut self, dict: &mut DictState) -> bool {
        if self.at(TokenKind::DoubleStar) {
            let start = self.bump().span.start;
            let value = self.expr_bp(Prec::BitOr);
            self.unsupported(Span::new(start, value.span().end), "dict unpacking '**'");
            dict.unpacks = true;
            dict.last_is_value = false;
            return true;
        }
        let key = self.expression();
        if !self.at(TokenKind::Colon) {
            if !self.panicking {
                let span = Span::new(key.span().start, self.token().span.start);
                self.syntax_error(span, "':' expected after dictionary key");
            }
            return false;
        }
        let value = self.dict_value();
        dict.depth = dict.depth.max(key.depth).max(value.depth);
        dict.last_is_value = true;
        dict.pairs.push((key.expr, value.expr));
        true
    }

    /// Whether a comprehension clause starts here (`for`, or `async for`).
    pub(crate) fn at_comprehension(&self) -> bool {
        self.at(TokenKind::For) || (self.at(TokenKind::Async) && self.nth_kind(1) == TokenKind::For)
    }

    /// `for target in iter if cond ...`, one or more clauses (the cursor is on `for`).
    pub(crate) fn comprehension_clauses(&mut self) -> (Vec<Comprehension>, u32) {
        let mut generators = Vec::new();
        let mut depth = 0;
        while self.at_comprehension() && self.comprehension_clause(&mut generators, &mut depth) && !self.panicking {}
        (generators, depth + 1)
    }

    /// One `[async] for target in iter [if cond]...` clause, pushed to `generators`;
    /// `false` if it is broken.
    fn comprehension_clause(&mut self, generators: &mut Vec<Comprehension>, depth: &mut u32) -> bool {
        let start = self.token().span.start;
        if self.at(TokenKind::Async) {
            let keyword = self.bump();
            let for_keyword = self.token();
            self.unsupported(keyword.span.cover(for_keyword.span), "'async for'");
        }
        self.bump();
        let target = self.target_list();
        self.check_target(&target.expr, TargetKind::For);
        if !self.eat(TokenKind::In) {
            if !self.panicking {
                self.invalid_syntax();
            }
            return false;
        }
        *depth = (*depth).max(target.depth);
        let iter = self.expr_bp(Prec::Or);
        self.comprehension_rest(generators, depth, start, target.expr, iter);
        true
    }

    /// The `if` conditions of a clause, then the clause itself.
    fn comprehension_rest(
        &mut self,
        generators: &mut Vec<Comprehension>,
        depth: &mut u32,
        start: u32,
        target: Expr,
        iter: Ex,
    ) {
        *depth = (*depth).max(iter.depth);
        let ifs = self.comprehension_conditions(depth);
        let span = Span::new(start, self.prev_end);
        generators.push(Comprehension { target, iter: iter.expr, ifs, span });
    }

    fn comprehension_conditions(&mut self, depth: &mut u32) -> Vec<Expr> {
        let mut ifs = Vec::new();
        while !self.panicking && self.eat(TokenKind::If) {
            let condition = self.expr_bp(Prec::Or);
            *depth = (*depth).max(condition.depth);
            ifs.push(condition.expr);
        }
        ifs
    }

    /// Consumes `closer` and returns its end, or reports the most helpful error:
    /// "Perhaps you forgot a comma?" after an element followed by the start of
    /// another, the `=`-instead-of-`==` hints, else "invalid syntax".
    pub(crate) fn expect_closer(&mut self, closer: TokenKind, last: Option<&Expr>) -> u32 {
        if self.at(closer) {
            return self.bump().span.end;
        }
        if self.panicking {
            return self.prev_end;
        }
        let kind = self.kind();
        match last {
            Some(last) if kind == TokenKind::Equal => self.equal_instead_of_comparison(last),
            Some(last) if starts_expression(kind) && kind != TokenKind::Error && self.comma_hint_applies(last) => {
                self.missing_comma(last.span.start)
            }
            _ => self.invalid_syntax(),
        }
        self.prev_end
    }

    /// CPython's exceptions to the comma hint: a name followed by a string (a
    /// misspelt prefix) and soft keywords.
    fn comma_hint_applies(&self, last: &Expr) -> bool {
        match &last.kind {
            ExprKind::Name(name) => {
                !matches!(self.kind(), TokenKind::String | TokenKind::FStringStart)
                    && !matches!(name.as_str(), "match" | "case" | "_")
            }
            _ => true,
        }
    }

    /// "invalid syntax. Perhaps you forgot a comma?", spanning both expressions.
    fn missing_comma(&mut self, start: u32) {
        let end = self.quiet_expression_end(Prec::Or);
        let span = Span::new(start, end.max(start));
        self.syntax_error(span, "invalid syntax. Perhaps you forgot a comma?");
    }

    /// `x = 1` where an expression was expected (`if x = 1:`, `[x = 1]`).
    pub(crate) fn equal_instead_of_comparison(&mut self, left: &Expr) {
        if let ExprKind::Name(_) = left.kind {
            self.bump();
            let end = self.quiet_expression_end(Prec::BitOr);
            let span = Span::new(left.span.start, end.max(left.span.end));
            self.syntax_error(span, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        } else if crate::targets::equal_hint_applies(left) {
            let message = format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                crate::targets::expr_name(left)
            );
            self.syntax_error(left.span, message);
        } else {
            self.invalid_syntax();
        }
    }
}
