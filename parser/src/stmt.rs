//! Statements: the statement loop with its recovery, blocks, and simple statements
//! (assignments, `return`, `import`, ...). Compound statements are in `compound.rs`.

use typhon_diagnostics::Span;
use typhon_lexer::TokenKind;

use crate::ast::{BinOp, DottedName, Expr, ExprKind, Ident, ImportAlias, Stmt, StmtKind};
use crate::expr::Prec;
use crate::parser::{Dangling, Parser, starts_expression};
use crate::targets::{TargetKind, equal_hint_applies};

/// What a block belongs to, for "expected an indented block after 'if' statement on
/// line N" and for how a missing `:` is reported.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Header {
    /// CPython's name for the statement: `'if' statement`, `function definition`, ...
    pub(crate) what: &'static str,
    /// Where the header's keyword starts (its line is quoted in the message).
    pub(crate) keyword_start: u32,
    /// Whether the header ends with an expression, so that a stray token after it is
    /// "invalid syntax" (the expression might have continued) rather than "expected ':'".
    pub(crate) ends_with_expression: bool,
}

impl Header {
    pub(crate) fn new(what: &'static str, keyword_start: u32, ends_with_expression: bool) -> Header {
        Header { what, keyword_start, ends_with_expression }
    }
}

fn augmented_op(kind: TokenKind) -> Option<BinOp> {
    use TokenKind as T;
    Some(match kind {
        T::PlusEqual => BinOp::Add,
        T::MinusEqual => BinOp::Sub,
        T::StarEqual => BinOp::Mult,
        T::AtEqual => BinOp::MatMult,
        T::SlashEqual => BinOp::Div,
        T::DoubleSlashEqual => BinOp::FloorDiv,
        T::PercentEqual => BinOp::Mod,
        T::DoubleStarEqual => BinOp::Pow,
        T::LeftShiftEqual => BinOp::LShift,
        T::RightShiftEqual => BinOp::RShift,
        T::VBarEqual => BinOp::BitOr,
        T::CircumflexEqual => BinOp::BitXor,
        T::AmperEqual => BinOp::BitAnd,
        _ => return None,
    })
}

/// Tokens that start a compound statement, which cannot follow `if x:` on one line.
fn starts_compound(kind: TokenKind) -> bool {
    use TokenKind as T;
    matches!(kind, T::If | T::While | T::For | T::Try | T::Def | T::Class | T::With | T::At | T::Async)
}

impl Parser<'_> {
    pub(crate) fn parse_module_body(&mut self) -> Vec<Stmt> {
        let mut body = Vec::new();
        loop {
            match self.kind() {
                TokenKind::EndOfFile => break,
                // Unbalanced layout can only come from a broken token stream: skip it.
                TokenKind::Dedent => {
                    self.bump();
                }
                _ => self.statement_or_layout(&mut body),
            }
        }
        body
    }

    /// The statements of an indented block, through its `Dedent` (the `Indent` was
    /// consumed).
    pub(crate) fn indented_statements(&mut self) -> Vec<Stmt> {
        let mut body = Vec::new();
        if !self.enter() {
            self.skip_block();
            return body;
        }
        // A dangling statement of the enclosing block has no clauses in here.
        self.dangling = None;
        loop {
            match self.kind() {
                TokenKind::Dedent => {
                    self.bump();
                    break;
                }
                TokenKind::EndOfFile => break,
                _ => self.statement_or_layout(&mut body),
            }
        }
        self.leave();
        self.dangling = None;
        body
    }

    /// Skips the rest of a block, nested blocks included, without recursion.
    fn skip_block(&mut self) {
        let mut open = 1usize;
        while open > 0 {
            match self.bump().kind {
                TokenKind::Indent => open += 1,
                TokenKind::Dedent => open -= 1,
                TokenKind::EndOfFile => break,
                _ => {}
            }
        }
        self.panicking = false;
    }

    fn statement_or_layout(&mut self, body: &mut Vec<Stmt>) {
        match self.kind() {
            TokenKind::Newline => {
                self.bump();
            }
            TokenKind::Indent => {
                self.bump();
                let span = self.token().span;
                self.panicking = false;
                self.start_line_at(span.start);
                self.report_syntax(span, "unexpected indent");
                // Parse the block anyway, so that its own errors are found.
                let inner = self.indented_statements();
                body.extend(inner);
            }
            _ => {
                let before = self.pos;
                self.statement(body);
                if self.pos == before {
                    self.bump();
                }
            }
        }
    }

    /// One statement (a compound statement, or a line of simple statements).
    fn statement(&mut self, body: &mut Vec<Stmt>) {
        self.start_statement();
        let keyword = self.token();
        if let Some(dangling) = self.dangling
            && dangling.takes(keyword.kind)
            && self.indentation_at(keyword.span.start) == dangling.indent
        {
            self.dangling_clause();
            // The clause's own body reset it; more clauses may follow.
            self.dangling = Some(dangling);
            return;
        }
        let outer_block_missing = std::mem::replace(&mut self.block_missing, false);
        let stmt = match keyword.kind {
            TokenKind::If => self.if_stmt(),
            TokenKind::While => self.while_stmt(),
            TokenKind::For => self.for_stmt(),
            TokenKind::Try => self.try_stmt(),
            TokenKind::Def => self.function_def(Vec::new()),
            TokenKind::Class => self.class_def(Vec::new()),
            TokenKind::At => self.decorated(),
            TokenKind::With => self.with_stmt(None),
            TokenKind::Async => self.async_stmt(),
            TokenKind::Name if self.at_name("match") && self.looks_like_match() => self.match_stmt(),
            _ => {
                self.block_missing = outer_block_missing;
                self.simple_statements(body);
                return;
            }
        };
        body.push(stmt);
        self.dangling = if self.block_missing {
            Some(Dangling { keyword: keyword.kind, indent: self.indentation_at(keyword.span.start) })
        } else {
            None
        };
        self.block_missing = outer_block_missing;
    }

    /// A clause (`except`, `elif`, `else`, `finally`) of a compound statement whose
    /// body was missing, after the unindented lines meant as that body. The missing
    /// body was reported; the clause is parsed for its own errors and dropped.
    fn dangling_clause(&mut self) {
        let keyword = self.token();
        match keyword.kind {
            TokenKind::Except => {
                self.except_clause();
            }
            TokenKind::Elif => {
                self.bump();
                let test = self.named_expression();
                self.block(Header::new("'elif' statement", keyword.span.start, true), Some(&test.expr));
            }
            _ => {
                self.bump();
                let what = if keyword.kind == TokenKind::Else { "'else' statement" } else { "'finally' statement" };
                self.block(Header::new(what, keyword.span.start, false), None);
            }
        }
    }

    /// The body of a compound statement, from its `:`: an indented block, or simple
    /// statements on the same line. `test` is the header's last expression, for the
    /// `if x = 1:` hint.
    pub(crate) fn block(&mut self, header: Header, test: Option<&Expr>) -> Vec<Stmt> {
        if !self.panicking && !self.eat(TokenKind::Colon) {
            self.missing_colon(header, test);
        }
        if self.panicking {
            // A broken header: skip it, but still parse an indented body, so that its
            // errors are found and it is not reported as an unexpected indent.
            self.skip_line();
            self.panicking = false;
            if self.eat(TokenKind::Newline) && self.eat(TokenKind::Indent) {
                return self.indented_statements();
            }
            return Vec::new();
        }
        if self.eat(TokenKind::Newline) {
            if self.eat(TokenKind::Indent) {
                return self.indented_statements();
            }
            self.block_missing = true;
            let next = self.token().span;
            // A deeper line without an `Indent` means the lexer refused the indentation
            // (too many levels, inconsistent tabs) and said so: not our error to repeat.
            if self.indentation_at(next.start) <= self.indentation_at(header.keyword_start) {
                let line = self.line_of(header.keyword_start);
                self.report_syntax(next, format!("expected an indented block after {} on line {line}", header.what));
            }
            return Vec::new();
        }
        let mut body = Vec::new();
        if starts_compound(self.kind()) {
            self.invalid_syntax();
            self.end_of_line();
            return body;
        }
        self.stmt_start = self.token().span.start;
        self.simple_statements(&mut body);
        body
    }

    fn missing_colon(&mut self, header: Header, test: Option<&Expr>) {
        let token = self.token();
        match (token.kind, test) {
            (TokenKind::Newline | TokenKind::EndOfFile, _) => {
                self.syntax_error(Span::empty_at(self.prev_end), "expected ':'");
            }
            (TokenKind::Equal, Some(test)) => self.equal_instead_of_comparison(test),
            _ if header.ends_with_expression => self.invalid_syntax(),
            _ => self.syntax_error(token.span, "expected ':'"),
        }
    }

    /// Simple statements separated by `;`, through the end of the line.
    pub(crate) fn simple_statements(&mut self, body: &mut Vec<Stmt>) {
        loop {
            let stmt = self.simple_statement();
            body.push(stmt);
            if self.panicking || !self.eat(TokenKind::Semi) {
                break;
            }
            if matches!(self.kind(), TokenKind::Newline | TokenKind::EndOfFile) {
                break;
            }
            self.stmt_start = self.token().span.start;
        }
        self.end_of_line();
    }

    /// Expects the end of a logical line; after an error, skips to it. Consumes the
    /// `Newline` and leaves panic mode.
    pub(crate) fn end_of_line(&mut self) {
        if !self.panicking && !matches!(self.kind(), TokenKind::Newline | TokenKind::EndOfFile) {
            self.invalid_syntax();
        }
        let broken = self.panicking;
        self.skip_line();
        self.eat(TokenKind::Newline);
        self.panicking = false;
        if broken && self.eat(TokenKind::Indent) {
            // A broken line followed by an indented block was most likely meant to be a
            // compound statement (`else:` without `if`): parse the block for its own
            // errors instead of reporting an unexpected indent.
            self.indented_statements();
        }
    }

    fn simple_statement(&mut self) -> Stmt {
        let token = self.token();
        let start = token.span.start;
        let kind = match token.kind {
            TokenKind::Pass => {
                self.bump();
                StmtKind::Pass
            }
            TokenKind::Break => {
                self.bump();
                if !self.ctx.in_loop {
                    self.report_syntax(token.span, "'break' outside loop");
                }
                StmtKind::Break
            }
            TokenKind::Continue => {
                self.bump();
                if !self.ctx.in_loop {
                    self.report_syntax(token.span, "'continue' not properly in loop");
                }
                StmtKind::Continue
            }
            TokenKind::Return => {
                self.bump();
                let value = starts_expression(self.kind()).then(|| self.star_expressions().expr);
                if !self.ctx.in_function {
                    self.report_syntax(Span::new(start, self.prev_end), "'return' outside function");
                }
                StmtKind::Return(value)
            }
            TokenKind::Raise => {
                self.bump();
                let mut exc = None;
                let mut cause = None;
                if starts_expression(self.kind()) {
                    exc = Some(self.expression().expr);
                    if self.eat(TokenKind::From) {
                        cause = Some(self.expression().expr);
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            TokenKind::Global | TokenKind::Nonlocal => self.global_or_nonlocal(),
            TokenKind::Del => self.del_stmt(),
            TokenKind::Assert => {
                self.bump();
                let test = self.expression().expr;
                let msg = if self.eat(TokenKind::Comma) { Some(self.expression().expr) } else { None };
                StmtKind::Assert { test, msg }
            }
            TokenKind::Import => self.import_stmt(),
            TokenKind::From => self.import_from_stmt(),
            _ => self.expression_statement(),
        };
        Stmt { kind, span: Span::new(start, self.prev_end.max(start)) }
    }

    fn global_or_nonlocal(&mut self) -> StmtKind {
        let keyword = self.bump();
        let mut names = Vec::new();
        while let Some(name) = self.expect_ident() {
            names.push(name);
            if !self.eat(TokenKind::Comma) {
                break;
            }
        }
        if keyword.kind == TokenKind::Global {
            return StmtKind::Global(names);
        }
        if !self.ctx.enclosing_function {
            let span = Span::new(keyword.span.start, self.prev_end);
            if self.ctx.module_level {
                self.report_syntax(span, "nonlocal declaration not allowed at module level");
            } else if let Some(name) = names.first() {
                // A class body with no function around it: nothing to bind to.
                let message = format!("no binding for nonlocal '{}' found", name.name);
                self.report_syntax(span, message);
            }
        }
        StmtKind::Nonlocal(names)
    }

    fn del_stmt(&mut self) -> StmtKind {
        self.bump();
        let mut targets = Vec::new();
        if !starts_expression(self.kind()) {
            self.invalid_syntax();
            return StmtKind::Delete(targets);
        }
        loop {
            let target = self.star_or(Prec::Ternary);
            if !self.panicking {
                self.check_target(&target.expr, TargetKind::Delete);
            }
            targets.push(target.expr);
            if self.panicking || !self.eat(TokenKind::Comma) || !starts_expression(self.kind()) {
                break;
            }
        }
        StmtKind::Delete(targets)
    }

    /// `import a.b.c as d, e`.
    fn import_stmt(&mut self) -> StmtKind {
        self.bump();
        let mut names = Vec::new();
        loop {
            let start = self.token().span.start;
            let Some(name) = self.dotted_name() else { break };
            let asname = if self.eat(TokenKind::As) { self.expect_ident() } else { None };
            names.push(ImportAlias { name, asname, span: Span::new(start, self.prev_end) });
            if self.panicking || !self.eat(TokenKind::Comma) {
                break;
            }
        }
        StmtKind::Import(names)
    }

    /// `from ..a.b import c as d, e`, `from . import (x, y,)`.
    fn import_from_stmt(&mut self) -> StmtKind {
        let keyword = self.bump();
        let mut level = 0u32;
        loop {
            match self.kind() {
                TokenKind::Dot => level = level.saturating_add(1),
                TokenKind::Ellipsis => level = level.saturating_add(3),
                _ => break,
            }
            self.bump();
        }
        let module = if self.at(TokenKind::Name) || level == 0 { self.dotted_name() } else { None };
        if self.panicking {
            return StmtKind::Error;
        }
        if !self.eat(TokenKind::Import) {
            self.invalid_syntax();
            return StmtKind::Error;
        }
        if self.at(TokenKind::Star) {
            let star = self.bump();
            self.unsupported(keyword.span.cover(star.span), "'from ... import *'");
            return StmtKind::Error;
        }
        let parenthesized = self.eat(TokenKind::Lpar);
        let mut names = Vec::new();
        loop {
            let start = self.token().span.start;
            let Some(name) = self.expect_ident() else { break };
            let asname = if self.eat(TokenKind::As) { self.expect_ident() } else { None };
            let span = Span::new(start, self.prev_end);
            names.push(ImportAlias { name: DottedName { span: name.span, parts: vec![name] }, asname, span });
            if self.panicking || !self.eat(TokenKind::Comma) {
                break;
            }
            if parenthesized && self.at(TokenKind::Rpar) {
                break;
            }
            if !parenthesized && !self.at(TokenKind::Name) {
                self.syntax_error(
                    Span::empty_at(self.prev_end),
                    "trailing comma not allowed without surrounding parentheses",
                );
                break;
            }
        }
        if parenthesized && !self.panicking && !self.eat(TokenKind::Rpar) {
            self.invalid_syntax();
        }
        StmtKind::ImportFrom { level, module, names }
    }

    /// `a.b.c` (module names in imports).
    fn dotted_name(&mut self) -> Option<DottedName> {
        let first = self.expect_ident()?;
        let mut span = first.span;
        let mut parts = vec![first];
        while self.at(TokenKind::Dot) {
            self.bump();
            let part = self.expect_ident()?;
            span = span.cover(part.span);
            parts.push(part);
        }
        Some(DottedName { parts, span })
    }

    /// An expression statement, or an assignment of any kind.
    fn expression_statement(&mut self) -> StmtKind {
        let first = self.star_expressions_or_yield();
        if self.panicking {
            return StmtKind::Expr(first.expr);
        }
        let kind = self.kind();
        if kind == TokenKind::Equal {
            // `(a and b) = c` gets the `==` hint whatever is in the parentheses.
            let parenthesized = first.outer.start != first.expr.span.start;
            let mut targets = vec![first.expr];
            let value = loop {
                self.bump();
                let value_is_yield = self.at(TokenKind::Yield);
                let rhs = self.star_expressions_or_yield();
                if self.at(TokenKind::Equal) && !self.panicking {
                    targets.push(rhs.expr);
                } else {
                    break (rhs.expr, value_is_yield);
                }
            };
            let single = targets.len() == 1 && !value.1;
            for target in &targets {
                let hint = single && (parenthesized || equal_hint_applies(target));
                if !self.check_target(target, TargetKind::Assign { hint }) {
                    break;
                }
            }
            return StmtKind::Assign { targets, value: value.0 };
        }
        if kind == TokenKind::Colon {
            self.check_annotated_target(&first.expr);
            self.bump();
            let annotation = self.expression().expr;
            let value = if self.eat(TokenKind::Equal) { Some(self.star_expressions_or_yield().expr) } else { None };
            return StmtKind::AnnAssign { target: first.expr, annotation, value };
        }
        if let Some(op) = augmented_op(kind) {
            self.check_augmented_target(&first.expr);
            self.bump();
            let value = self.star_expressions_or_yield().expr;
            return StmtKind::AugAssign { target: first.expr, op, value };
        }
        if let ExprKind::Name(name) = &first.expr.kind
            && name == "print"
            && starts_expression(kind)
            && kind != TokenKind::Error
        {
            // Python 2's print statement: CPython's dedicated message.
            let end = self.quiet_expression_end(Prec::Ternary);
            let span = Span::new(first.span().start, end.max(first.span().end));
            self.syntax_error(span, "Missing parentheses in call to 'print'. Did you mean print(...)?");
        }
        StmtKind::Expr(first.expr)
    }

    /// Shared by `def`/`class`: a name after the keyword, or "invalid syntax".
    pub(crate) fn definition_name(&mut self) -> Ident {
        match self.expect_ident() {
            Some(name) => name,
            None => Ident { name: Default::default(), span: self.here() },
        }
    }
}
