//! Compound statements: `if`, `while`, `for`, `try`, `def`, `class` and decorators,
//! plus the later-tier ones (`with`, `async`, `match`), which are reported as
//! unsupported while their bodies are still parsed, so that errors in them are found.

use typhon_diagnostics::Span;
use typhon_lexer::TokenKind;

use crate::ast::{ClassDef, Decorator, ExceptHandler, Expr, ExprKind, FunctionDef, IfBranch, Stmt, StmtKind, Try};
use crate::parser::Context;
use crate::parser::Parser;
use crate::stmt::Header;
use crate::targets::TargetKind;

/// Whether a decorator is one the subset allows: `dataclass`, `dataclasses.dataclass`
/// (both possibly called with options), `staticmethod`, `classmethod`.
fn allowed_decorator(expr: &Expr) -> bool {
    let is_dataclass = |expr: &Expr| match &expr.kind {
        ExprKind::Name(name) => name == "dataclass",
        ExprKind::Attribute { value, attr } => {
            attr.name == "dataclass" && matches!(&value.kind, ExprKind::Name(module) if module == "dataclasses")
        }
        _ => false,
    };
    match &expr.kind {
        ExprKind::Name(name) => matches!(name.as_str(), "dataclass" | "staticmethod" | "classmethod"),
        ExprKind::Call { func, .. } => is_dataclass(func),
        _ => is_dataclass(expr),
    }
}

impl Parser<'_> {
    /// Parses a block in a loop body context (for `break`/`continue`).
    fn loop_body(&mut self, header: Header, test: Option<&Expr>) -> Vec<Stmt> {
        let saved = self.ctx;
        self.ctx.in_loop = true;
        let body = self.block(header, test);
        self.ctx = saved;
        body
    }

    /// `else:` after a loop or an `if`, if present.
    fn else_block(&mut self) -> Option<Vec<Stmt>> {
        if !self.at(TokenKind::Else) {
            return None;
        }
        let keyword = self.bump();
        self.start_line_at(keyword.span.start);
        Some(self.block(Header::new("'else' statement", keyword.span.start, false), None))
    }

    pub(crate) fn if_stmt(&mut self) -> Stmt {
        let keyword = self.bump();
        let mut branches = Vec::new();
        let mut branch_start = keyword.span.start;
        let mut what = "'if' statement";
        loop {
            let test = self.named_expression();
            let body = self.block(Header::new(what, branch_start, true), Some(&test.expr));
            branches.push(IfBranch { test: test.expr, body, span: Span::new(branch_start, self.prev_end) });
            if !self.at(TokenKind::Elif) {
                break;
            }
            let elif = self.bump();
            branch_start = elif.span.start;
            self.start_line_at(branch_start);
            what = "'elif' statement";
        }
        let orelse = self.else_block();
        Stmt { kind: StmtKind::If { branches, orelse }, span: Span::new(keyword.span.start, self.prev_end) }
    }

    pub(crate) fn while_stmt(&mut self) -> Stmt {
        let keyword = self.bump();
        let test = self.named_expression();
        let body = self.loop_body(Header::new("'while' statement", keyword.span.start, true), Some(&test.expr));
        let orelse = self.else_block();
        let kind = StmtKind::While { test: test.expr, body, orelse };
        Stmt { kind, span: Span::new(keyword.span.start, self.prev_end) }
    }

    pub(crate) fn for_stmt(&mut self) -> Stmt {
        let keyword = self.bump();
        let target = self.target_list();
        if !self.panicking {
            self.check_target(&target.expr, TargetKind::For);
        }
        let iter = if self.eat(TokenKind::In) {
            self.star_expressions()
        } else {
            if !self.panicking {
                self.invalid_syntax();
            }
            self.error_node(self.here())
        };
        let body = self.loop_body(Header::new("'for' statement", keyword.span.start, true), None);
        let orelse = self.else_block();
        let kind = StmtKind::For { target: target.expr, iter: iter.expr, body, orelse };
        Stmt { kind, span: Span::new(keyword.span.start, self.prev_end) }
    }

    pub(crate) fn try_stmt(&mut self) -> Stmt {
        let keyword = self.bump();
        // After a broken header or a missing body, a missing `except` is a cascade.
        let header_ok = self.at(TokenKind::Colon);
        let body = self.block(Header::new("'try' statement", keyword.span.start, false), None);
        let broken_body = !header_ok || body.is_empty();
        let mut handlers: Vec<ExceptHandler> = Vec::new();
        while self.at(TokenKind::Except) {
            let handler = self.except_clause();
            handlers.push(handler);
        }
        self.try_tail(keyword.span.start, body, handlers, broken_body)
    }

    /// `except [type [as name]]: body` (the cursor is on `except`).
    pub(crate) fn except_clause(&mut self) -> ExceptHandler {
        let except = self.bump();
        self.start_line_at(except.span.start);
        if self.at(TokenKind::Star) {
            let star = self.bump();
            self.unsupported(except.span.cover(star.span), "'except*' clause");
        }
        let (typ, name) = if self.at(TokenKind::Colon) { (None, None) } else { self.except_header() };
        let header = Header::new("'except' statement", except.span.start, typ.is_some() && name.is_none());
        let body = self.block(header, None);
        ExceptHandler { typ, name, body, span: Span::new(except.span.start, self.prev_end) }
    }

    /// The exception type and the `as` name of an `except` clause.
    fn except_header(&mut self) -> (Option<Expr>, Option<crate::ast::Ident>) {
        let typ = self.expression();
        if self.at(TokenKind::Comma) && !self.panicking {
            // `except A, B:` was Python 2's `except A as B`.
            self.bump();
            let second = self.expression();
            let span = typ.span().cover(second.span());
            self.syntax_error(span, "multiple exception types must be parenthesized");
        }
        let name = if !self.panicking && self.eat(TokenKind::As) { self.expect_ident() } else { None };
        (Some(typ.expr), name)
    }

    /// Checks the handlers, then parses `else:` and `finally:`.
    fn try_tail(&mut self, start: u32, body: Vec<Stmt>, handlers: Vec<ExceptHandler>, broken_body: bool) -> Stmt {
        let all_but_last = &handlers[..handlers.len().saturating_sub(1)];
        if let Some(handler) = all_but_last.iter().find(|handler| handler.typ.is_none()) {
            let span = handler.span;
            self.report_syntax(span, "default 'except:' must be last");
        }
        if handlers.is_empty() && !self.at(TokenKind::Finally) && !broken_body {
            let span = self.token().span;
            self.report_syntax(span, "expected 'except' or 'finally' block");
        }
        let orelse = self.else_block();
        let finalbody = if self.at(TokenKind::Finally) {
            let finally = self.bump();
            self.start_line_at(finally.span.start);
            Some(self.block(Header::new("'finally' statement", finally.span.start, false), None))
        } else {
            None
        };
        let kind = StmtKind::Try(Box::new(Try { body, handlers, orelse, finalbody }));
        Stmt { kind, span: Span::new(start, self.prev_end) }
    }

    pub(crate) fn function_def(&mut self, decorators: Vec<Decorator>) -> Stmt {
        let start = self.bump().span.start;
        let name = self.definition_name();
        let params = if self.panicking { Default::default() } else { self.function_params() };
        let returns = if !self.panicking && self.eat(TokenKind::Rarrow) { Some(self.expression().expr) } else { None };
        let header = Header::new("function definition", start, returns.is_some());
        let saved = self.ctx;
        self.ctx = Context { in_function: true, in_loop: false, enclosing_function: true, module_level: false };
        let body = self.block(header, None);
        self.ctx = saved;
        let def = FunctionDef { name, params, returns, body, decorators };
        Stmt { kind: StmtKind::FunctionDef(Box::new(def)), span: Span::new(start, self.prev_end) }
    }

    /// `(params)` of a `def`.
    fn function_params(&mut self) -> crate::ast::Parameters {
        if !self.at(TokenKind::Lpar) {
            let span = self.token().span;
            self.syntax_error(span, "expected '('");
            return Default::default();
        }
        self.bump();
        let params = self.parameters(false).params;
        if !self.panicking && !self.eat(TokenKind::Rpar) {
            self.invalid_syntax();
        }
        params
    }

    pub(crate) fn class_def(&mut self, decorators: Vec<Decorator>) -> Stmt {
        let start = self.bump().span.start;
        let name = self.definition_name();
        let bases = if !self.panicking && self.at(TokenKind::Lpar) { self.class_bases() } else { Vec::new() };
        let saved = self.ctx;
        self.ctx = Context { in_function: false, in_loop: false, module_level: false, ..saved };
        // `class A x:` is "invalid syntax" (the name might have been the start of more).
        let body = self.block(Header::new("class definition", start, true), None);
        self.ctx = saved;
        let class = ClassDef { name, bases, body, decorators };
        Stmt { kind: StmtKind::ClassDef(Box::new(class)), span: Span::new(start, self.prev_end) }
    }

    /// `(bases)` of a class; keywords (`metaclass=`) are outside the subset.
    fn class_bases(&mut self) -> Vec<Expr> {
        let arguments = self.arguments(true);
        for keyword in &arguments.keywords {
            self.unsupported(keyword.span, &format!("class keyword '{}'", keyword.arg.name));
        }
        arguments.args
    }

    /// Decorators, then the `def` or `class` they decorate.
    pub(crate) fn decorated(&mut self) -> Stmt {
        let mut decorators = Vec::new();
        while self.at(TokenKind::At) {
            let at = self.bump();
            self.start_line_at(at.span.start);
            let expr = self.named_expression();
            let span = Span::new(at.span.start, self.prev_end);
            if !self.panicking {
                if !matches!(self.kind(), TokenKind::Newline | TokenKind::EndOfFile) {
                    self.invalid_syntax();
                } else if allowed_decorator(&expr.expr) {
                    decorators.push(Decorator { expr: expr.expr, span });
                } else {
                    let text = self.text(expr.expr.span);
                    let shown: String = match text.find('\n') {
                        Some(idx) => format!("{}...", &text[..idx]),
                        None if text.chars().count() > 40 => {
                            format!("{}...", text.chars().take(40).collect::<String>())
                        }
                        None => text.to_owned(),
                    };
                    self.unsupported(span, &format!("decorator '@{shown}'"));
                }
            }
            self.end_of_line();
        }
        let start = self.token().span.start;
        self.start_line_at(start);
        match self.kind() {
            TokenKind::Def => self.function_def(decorators),
            TokenKind::Class => self.class_def(decorators),
            TokenKind::Async if self.nth_kind(1) == TokenKind::Def => self.async_stmt(),
            _ => {
                self.invalid_syntax();
                self.end_of_line();
                Stmt { kind: StmtKind::Error, span: Span::new(start, self.prev_end.max(start)) }
            }
        }
    }

    /// `with items: body` (tier 2). The items are skipped; the body is parsed.
    pub(crate) fn with_stmt(&mut self, async_keyword: Option<Span>) -> Stmt {
        let keyword = self.bump();
        let start = async_keyword.unwrap_or(keyword.span).start;
        self.skip_to_header_colon();
        if async_keyword.is_none() {
            self.unsupported(Span::new(start, self.prev_end), "'with' statement");
        }
        self.block(Header::new("'with' statement", keyword.span.start, true), None);
        Stmt { kind: StmtKind::Error, span: Span::new(start, self.prev_end) }
    }

    /// Skips a header whose contents are not parsed (`with`, `case`), up to the `:` that
    /// is outside brackets, or to the end of the line.
    fn skip_to_header_colon(&mut self) {
        let mut depth = 0u32;
        loop {
            match self.kind() {
                TokenKind::Newline | TokenKind::EndOfFile | TokenKind::Indent | TokenKind::Dedent => break,
                TokenKind::Colon if depth == 0 => break,
                TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
                TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth = depth.saturating_sub(1),
                _ => {}
            }
            self.bump();
        }
    }

    /// `async def`, `async for`, `async with` (tier 3): reported, then parsed as their
    /// synchronous forms and dropped.
    pub(crate) fn async_stmt(&mut self) -> Stmt {
        let keyword = self.bump();
        let next = self.token();
        let construct = match next.kind {
            TokenKind::Def => "'async def'",
            TokenKind::For => "'async for'",
            TokenKind::With => "'async with'",
            _ => {
                self.invalid_syntax();
                self.end_of_line();
                return Stmt { kind: StmtKind::Error, span: keyword.span };
            }
        };
        self.unsupported(keyword.span.cover(next.span), construct);
        match next.kind {
            TokenKind::Def => {
                self.function_def(Vec::new());
            }
            TokenKind::For => {
                self.for_stmt();
            }
            _ => {
                self.with_stmt(Some(keyword.span));
            }
        }
        Stmt { kind: StmtKind::Error, span: Span::new(keyword.span.start, self.prev_end) }
    }

    /// Whether the soft keyword `match` starts a match statement here: the logical line
    /// ends with `:` and `match` is followed by something that can start a subject (so
    /// `match = 3`, `match.x`, `match(x)` as a call statement stay expressions).
    pub(crate) fn looks_like_match(&self) -> bool {
        let next = self.nth_kind(1);
        if !crate::parser::starts_expression(next) {
            return false;
        }
        let mut idx = 1;
        let mut last = next;
        loop {
            let kind = self.nth_kind(idx);
            if matches!(kind, TokenKind::Newline | TokenKind::EndOfFile) {
                return last == TokenKind::Colon;
            }
            last = kind;
            idx += 1;
        }
    }

    /// `match subject:` and its `case` blocks (tier 2): reported; the case bodies are
    /// parsed so that their errors are found.
    pub(crate) fn match_stmt(&mut self) -> Stmt {
        let keyword = self.bump();
        self.skip_to_header_colon();
        self.unsupported(Span::new(keyword.span.start, self.prev_end), "'match' statement");
        self.eat(TokenKind::Colon);
        if !(self.eat(TokenKind::Newline) && self.eat(TokenKind::Indent)) {
            let line = self.line_of(keyword.span.start);
            let span = self.token().span;
            self.report_syntax(span, format!("expected an indented block after 'match' statement on line {line}"));
            self.end_of_line();
            return Stmt { kind: StmtKind::Error, span: Span::new(keyword.span.start, self.prev_end) };
        }
        loop {
            match self.kind() {
                TokenKind::Dedent => {
                    self.bump();
                    break;
                }
                TokenKind::EndOfFile => break,
                TokenKind::Newline => {
                    self.bump();
                }
                TokenKind::Name if self.at_name("case") => {
                    let case = self.bump();
                    self.panicking = false;
                    self.start_line_at(case.span.start);
                    self.skip_to_header_colon();
                    self.block(Header::new("'case' statement", case.span.start, true), None);
                }
                TokenKind::Indent => {
                    self.bump();
                    self.indented_statements();
                }
                _ => {
                    let before = self.pos;
                    self.panicking = false;
                    self.start_line_at(self.token().span.start);
                    self.invalid_syntax();
                    // Reuse the broken-header path: skips the line and any indented body.
                    self.block(Header::new("'case' statement", self.stmt_start, true), None);
                    if self.pos == before {
                        self.bump();
                    }
                }
            }
        }
        Stmt { kind: StmtKind::Error, span: Span::new(keyword.span.start, self.prev_end) }
    }
}
