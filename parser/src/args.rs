//! Argument lists of calls and class headers, subscripts and slices, and parameter
//! lists of `def` and `lambda`, with CPython's checks on them.

use std::collections::HashSet;

use typhon_diagnostics::Span;
use typhon_lexer::TokenKind;

use crate::ast::{ExprKind, Ident, Keyword, Param, Parameters, SmolStr};
use crate::expr::Prec;
use crate::parser::{Ex, Parser};

/// The arguments of a call or of a class header.
pub(crate) struct Arguments {
    pub(crate) args: Vec<crate::ast::Expr>,
    pub(crate) keywords: Vec<Keyword>,
    pub(crate) depth: u32,
    /// End of the closing parenthesis.
    pub(crate) end: u32,
}

/// An argument list being parsed.
#[derive(Default)]
struct ArgumentsState {
    /// Where the `(` starts (a sole generator expression's span begins there).
    open: u32,
    class_header: bool,
    args: Vec<crate::ast::Expr>,
    keywords: Vec<Keyword>,
    keyword_names: SeenNames,
    depth: u32,
    seen_double_star: bool,
}

/// A parameter list being parsed.
#[derive(Default)]
struct ParamsState {
    lambda: bool,
    params: Parameters,
    depth: u32,
    seen: SeenNames,
    /// After `*` or `*args`: further parameters are keyword-only.
    star_seen: bool,
    bare_star: Option<Span>,
    /// After `**kwargs`: nothing may follow.
    var_keyword: bool,
    default_seen: bool,
}

pub(crate) struct ParsedParams {
    pub(crate) params: Parameters,
    pub(crate) depth: u32,
}

/// Duplicate detection for parameter and keyword names: a linear scan for the usual handful, a set
/// past that so that a pathological signature stays linear.
#[derive(Default)]
struct SeenNames {
    names: Vec<SmolStr>,
    set: HashSet<SmolStr>,
}

impl SeenNames {
    /// Records `name`; `false` if it was already there.
    fn insert(&mut self, name: &SmolStr) -> bool {
        const LINEAR: usize = 16;
        if self.names.len() < LINEAR {
            if self.names.contains(name) {
                return false;
            }
            self.names.push(name.clone());
            return true;
        }
        if self.set.is_empty() {
            self.set.extend(self.names.iter().cloned());
        }
        self.set.insert(name.clone())
    }
}

impl Parser<'_> {
    /// A call: `func(args)` (the cursor is on `(`).
    pub(crate) fn call(&mut self, func: Ex) -> Ex {
        let arguments = self.arguments(false);
        let span = Span::new(func.span().start, arguments.end.max(func.span().end));
        let depth = func.depth.max(arguments.depth);
        let kind = ExprKind::Call { func: func.boxed(), args: arguments.args, keywords: arguments.keywords };
        self.node(kind, span, depth)
    }

    /// `( args )` of a call or a class header: positional arguments, `name=value`,
    /// `*xs`/`**d` (unsupported), and a bare generator expression as the sole argument.
    pub(crate) fn arguments(&mut self, class_header: bool) -> Arguments {
        let open = self.bump().span.start;
        let mut state = ArgumentsState { open, class_header, ..ArgumentsState::default() };
        while !self.at(TokenKind::Rpar) {
            self.argument(&mut state);
            if self.panicking || !self.eat(TokenKind::Comma) {
                break;
            }
        }
        // The last argument written, for the comma hint; a keyword's value only then
        // (`f(a=b=1)` is plain "invalid syntax").
        let last_keyword = state.keywords.last().filter(|_| !self.at(TokenKind::Equal));
        let last = match (state.args.last(), last_keyword) {
            (Some(arg), Some(keyword)) if keyword.value.span.start > arg.span.start => Some(&keyword.value),
            (None, Some(keyword)) => Some(&keyword.value),
            (arg, _) => arg,
        };
        let end = self.expect_closer(TokenKind::Rpar, last);
        Arguments { args: state.args, keywords: state.keywords, depth: state.depth, end }
    }

    /// One argument of a call or class header.
    fn argument(&mut self, state: &mut ArgumentsState) {
        match self.kind() {
            TokenKind::Star | TokenKind::DoubleStar => self.unpacking_argument(state),
            TokenKind::Name if self.nth_kind(1) == TokenKind::Equal => self.keyword_argument(state),
            TokenKind::True | TokenKind::False | TokenKind::None if self.nth_kind(1) == TokenKind::Equal => {
                self.keyword_constant_argument();
            }
            _ => {
                let value = self.named_expression();
                self.positional_argument(state, value);
            }
        }
    }

    /// `*xs` or `**d` (outside the subset).
    fn unpacking_argument(&mut self, state: &mut ArgumentsState) {
        let stars = self.bump();
        let value = self.expression();
        let span = stars.span.cover(value.span());
        if stars.kind == TokenKind::DoubleStar {
            self.unsupported(span, "argument unpacking '**'");
            state.seen_double_star = true;
            return;
        }
        self.unsupported(span, "argument unpacking '*'");
        if state.seen_double_star {
            self.report_syntax(span, "iterable argument unpacking follows keyword argument unpacking");
        }
        state.args.push(self.error_node(span).expr);
    }

    /// `name=value`.
    fn keyword_argument(&mut self, state: &mut ArgumentsState) {
        let token = self.bump();
        self.bump();
        let value = self.expression();
        let arg = Ident { name: self.name_of(token), span: token.span };
        let span = token.span.cover(value.span());
        if !state.keyword_names.insert(&arg.name) {
            self.report_syntax(span, format!("keyword argument repeated: {}", arg.name));
        }
        state.depth = state.depth.max(value.depth);
        state.keywords.push(Keyword { arg, value: value.expr, span });
    }

    /// `True=1`: a keyword is not an argument name.
    fn keyword_constant_argument(&mut self) {
        let token = self.token();
        let equal = self.nth_token(1);
        let name = match token.kind {
            TokenKind::True => "True",
            TokenKind::False => "False",
            _ => "None",
        };
        self.syntax_error(token.span.cover(equal.span), format!("cannot assign to {name}"));
    }

    /// A positional argument (already parsed), or the element of a generator expression.
    fn positional_argument(&mut self, state: &mut ArgumentsState, value: Ex) {
        if self.at_comprehension() {
            if state.class_header {
                self.invalid_syntax();
                return;
            }
            let first = state.args.is_empty() && state.keywords.is_empty() && !state.seen_double_star;
            let generator = self.call_generator(value, state.open, first);
            state.depth = state.depth.max(generator.depth);
            state.args.push(generator.expr);
            return;
        }
        if self.at(TokenKind::Equal) {
            if !self.panicking {
                let span = value.span().cover(self.token().span);
                self.syntax_error(span, "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            return;
        }
        if !state.keywords.is_empty() {
            self.report_syntax(value.span(), "positional argument follows keyword argument");
        } else if state.seen_double_star {
            self.report_syntax(value.span(), "positional argument follows keyword argument unpacking");
        }
        state.depth = state.depth.max(value.depth);
        state.args.push(value.expr);
    }

    /// `f(x for x in xs)`: a generator expression as an argument. Alone, its span is
    /// the call's parentheses (as in CPython); otherwise it must be parenthesized.
    fn call_generator(&mut self, elt: Ex, open: u32, first: bool) -> Ex {
        let (generators, depth) = self.comprehension_clauses();
        let depth = depth.max(elt.depth);
        let sole = first && self.at(TokenKind::Rpar);
        let span = if sole {
            Span::new(open, self.token().span.end)
        } else {
            let span = Span::new(elt.span().start, self.prev_end);
            self.syntax_error(span, "Generator expression must be parenthesized");
            span
        };
        self.node(ExprKind::GeneratorExp { elt: elt.boxed(), generators }, span, depth)
    }

    /// `value[index]` (the cursor is on `[`): an expression, a slice, or a tuple of them.
    pub(crate) fn subscript(&mut self, value: Ex) -> Ex {
        self.bump();
        if self.at(TokenKind::Rsqb) {
            self.invalid_syntax();
            return self.error_node(value.span());
        }
        let index = self.subscript_index();
        self.subscript_node(value, index)
    }

    fn subscript_index(&mut self) -> Ex {
        let first = self.slice_item();
        if !self.at(TokenKind::Comma) {
            return first;
        }
        let start = first.span().start;
        let mut depth = first.depth;
        let mut elts = vec![first.expr];
        while self.eat(TokenKind::Comma) && !self.at(TokenKind::Rsqb) {
            let elt = self.slice_item();
            depth = depth.max(elt.depth);
            elts.push(elt.expr);
            if self.panicking {
                break;
            }
        }
        self.node(ExprKind::Tuple(elts), Span::new(start, self.prev_end), depth)
    }

    fn subscript_node(&mut self, value: Ex, index: Ex) -> Ex {
        let last = match &index.expr.kind {
            ExprKind::Tuple(elts) => elts.last(),
            _ => Some(&index.expr),
        };
        let end = self.expect_closer(TokenKind::Rsqb, last);
        let span = Span::new(value.span().start, end.max(value.span().end));
        let depth = value.depth.max(index.depth);
        self.node(ExprKind::Subscript { value: value.boxed(), index: index.boxed() }, span, depth)
    }

    /// One item of a subscript: `lower:upper:step` (each part optional) or an expression.
    fn slice_item(&mut self) -> Ex {
        let start = self.token().span.start;
        let lower = if self.at(TokenKind::Colon) { None } else { Some(self.star_or(Prec::Named)) };
        match lower {
            Some(lower) if !self.at(TokenKind::Colon) || self.panicking => lower,
            lower => self.slice_rest(start, lower),
        }
    }

    /// A slice after its lower bound (the cursor is on the first `:`).
    fn slice_rest(&mut self, start: u32, lower: Option<Ex>) -> Ex {
        self.bump();
        let upper = self.slice_part();
        let step = if self.eat(TokenKind::Colon) { self.slice_part() } else { None };
        let depth = [&lower, &upper, &step].iter().filter_map(|part| part.as_ref().map(|part| part.depth)).max();
        let kind =
            ExprKind::Slice { lower: lower.map(Ex::boxed), upper: upper.map(Ex::boxed), step: step.map(Ex::boxed) };
        self.node(kind, Span::new(start, self.prev_end), depth.unwrap_or(0))
    }

    /// The upper bound or step of a slice, if present.
    fn slice_part(&mut self) -> Option<Ex> {
        match self.kind() {
            TokenKind::Colon | TokenKind::Comma | TokenKind::Rsqb => None,
            _ => Some(self.expression()),
        }
    }

    /// The parameters of a `def` (up to `)`) or a `lambda` (up to `:`, never annotated).
    pub(crate) fn parameters(&mut self, lambda: bool) -> ParsedParams {
        let closer = if lambda { TokenKind::Colon } else { TokenKind::Rpar };
        let mut state = ParamsState { lambda, ..ParamsState::default() };
        while !self.at(closer) {
            if !self.parameter(&mut state) || self.panicking || !self.eat(TokenKind::Comma) {
                break;
            }
        }
        if let Some(span) = state.bare_star
            && state.params.kwonly.is_empty()
        {
            self.report_syntax(span, "named arguments must follow bare *");
        }
        ParsedParams { params: state.params, depth: state.depth }
    }

    /// One parameter, `*`, `*args`, `**kwargs` or `/`; `false` to stop (after an error).
    fn parameter(&mut self, state: &mut ParamsState) -> bool {
        let token = self.token();
        if state.var_keyword && !matches!(token.kind, TokenKind::Rpar | TokenKind::Colon) {
            self.syntax_error(token.span, "arguments cannot follow var-keyword argument");
            return false;
        }
        if state.star_seen && token.kind == TokenKind::Star {
            self.syntax_error(token.span, "* argument may appear only once");
            return false;
        }
        match token.kind {
            TokenKind::Name => self.plain_parameter(state),
            TokenKind::Slash => {
                self.bump();
                self.unsupported(token.span, "positional-only parameter marker '/'");
            }
            TokenKind::Star | TokenKind::DoubleStar => return self.star_parameter(state),
            TokenKind::Lpar
                if !state.default_seen
                    && !state.star_seen
                    && let Some(end) = self.parenthesized_parameters_end(state.lambda) =>
            {
                let message = if state.lambda {
                    "Lambda expression parameters cannot be parenthesized"
                } else {
                    "Function parameters cannot be parenthesized"
                };
                self.syntax_error(Span::new(token.span.start, end), message);
                return false;
            }
            _ => {
                self.invalid_syntax();
                return false;
            }
        }
        true
    }

    /// If the cursor is on `(` followed by parameters without defaults and `)` (Python
    /// 2's tuple parameters, `def f((a, b))`), the end of that `)`. Looks ahead only.
    fn parenthesized_parameters_end(&self, lambda: bool) -> Option<u32> {
        if self.nth_kind(1) != TokenKind::Name {
            return None;
        }
        let mut depth = 0u32;
        let mut n = 0;
        loop {
            let token = self.nth_token(n);
            match token.kind {
                TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
                TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return (token.kind == TokenKind::Rpar).then_some(token.span.end);
                    }
                }
                TokenKind::Newline | TokenKind::EndOfFile => return None,
                // Only names (with annotations in a `def`) between the parentheses.
                TokenKind::Name | TokenKind::Comma => {}
                _ if depth == 1 && (lambda || token.kind != TokenKind::Colon) => return None,
                _ => {}
            }
            n += 1;
        }
    }

    /// `*`, `*args` or `**kwargs`; `false` after an error.
    fn star_parameter(&mut self, state: &mut ParamsState) -> bool {
        let stars = self.bump();
        let double = stars.kind == TokenKind::DoubleStar;
        if !self.at(TokenKind::Name) {
            if double {
                self.invalid_syntax();
                return false;
            }
            state.star_seen = true;
            state.bare_star = Some(stars.span);
            return true;
        }
        // `*args: *Ts` (PEP 646) may star its annotation.
        let param = self.param(state, !double);
        let span = stars.span.cover(param.span);
        let (construct, kind) = if double {
            state.var_keyword = true;
            ("variadic keyword parameter '**", "var-keyword")
        } else {
            state.star_seen = true;
            ("variadic parameter '*", "var-positional")
        };
        self.unsupported(span, &format!("{construct}{}'", param.name.name));
        if param.default.is_some() {
            self.report_syntax(span, format!("{kind} argument cannot have default value"));
        }
        true
    }

    /// A positional-or-keyword or keyword-only parameter.
    fn plain_parameter(&mut self, state: &mut ParamsState) {
        let param = self.param(state, false);
        if state.star_seen {
            state.params.kwonly.push(param);
            return;
        }
        if param.default.is_some() {
            state.default_seen = true;
        } else if state.default_seen {
            self.report_syntax(param.name.span, "non-default argument follows default argument");
        }
        state.params.params.push(param);
    }

    /// `name [: annotation] [= default]` (the cursor is on the name); checks that the
    /// name is not a duplicate.
    fn param(&mut self, state: &mut ParamsState, starred_annotation: bool) -> Param {
        let token = self.bump();
        let name = Ident { name: self.name_of(token), span: token.span };
        if !state.seen.insert(&name.name) {
            self.report_syntax(name.span, format!("duplicate argument '{}' in function definition", name.name));
        }
        let annotation_level = if starred_annotation { None } else { Some(Prec::Ternary) };
        let annotation =
            if state.lambda { None } else { self.optional_part(TokenKind::Colon, annotation_level, &mut state.depth) };
        if self.at(TokenKind::Equal) && matches!(self.nth_kind(1), TokenKind::Rpar | TokenKind::Comma) {
            let span = self.token().span;
            self.syntax_error(span, "expected default value expression");
        }
        let default = self.optional_part(TokenKind::Equal, Some(Prec::Ternary), &mut state.depth);
        Param { name, annotation, default, span: Span::new(token.span.start, self.prev_end) }
    }

    /// `: annotation` or `= default`, if the cursor is on `introducer`; a starred
    /// expression is allowed when `level` is `None`.
    fn optional_part(
        &mut self,
        introducer: TokenKind,
        level: Option<Prec>,
        depth: &mut u32,
    ) -> Option<crate::ast::Expr> {
        if !self.eat(introducer) {
            return None;
        }
        let part = match level {
            Some(level) => self.expr_bp(level),
            None => self.star_or(Prec::Ternary),
        };
        *depth = (*depth).max(part.depth);
        Some(part.expr)
    }
}
