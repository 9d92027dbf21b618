//! The parser's state: a cursor over the tokens, diagnostics with panic-mode error
//! recovery, the statement context (inside a function? a loop?) and the nesting limits.
//!
//! Recovery works like this: the first syntax error of a statement is recorded, the
//! parser enters "panic mode" and skips to the end of the logical line (a `Newline`;
//! brackets cannot span it, the lexer only emits `Newline` outside brackets). Every
//! caller then sees the `Newline`, gives up quietly and returns `Error` nodes, and the
//! statement loop resumes on the next line. Panic mode also silences further errors
//! of the same statement, and the syntax error supersedes the compile-time errors
//! already reported on its line (`return return` is not also "'return' outside
//! function"), so one broken statement gives one diagnostic.

use typhon_diagnostics::{Code, Diagnostic, LineIndex, Span};
use typhon_lexer::{Token, TokenKind, TokenValue};

use crate::ast::{Expr, ExprKind, SmolStr};
use crate::limits::{MAX_EXPR_DEPTH, MAX_NESTING};

/// An expression together with the depth of its tree, so the depth limit can be
/// enforced while building without walking anything twice.
pub(crate) struct Ex {
    pub(crate) expr: Expr,
    pub(crate) depth: u32,
    /// The extent of the expression including enclosing parentheses, from which the
    /// spans of parent nodes are built (`(a + b) * c` starts at the `(`, as in CPython),
    /// while the node itself keeps its own span.
    pub(crate) outer: Span,
}

impl Ex {
    pub(crate) fn boxed(self) -> Box<Expr> {
        Box::new(self.expr)
    }

    /// The extent to build parent spans from (see `outer`).
    pub(crate) fn span(&self) -> Span {
        self.outer
    }
}

/// Where a statement is, for the errors CPython's compiler reports ("'return' outside
/// function", "'break' outside loop", "nonlocal declaration not allowed at module
/// level").
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    /// Directly in a `def` body (a class body in between resets it).
    pub(crate) in_function: bool,
    /// Directly in a loop body (not its `else`; a `def` or `class` resets it).
    pub(crate) in_loop: bool,
    /// Some `def` encloses this statement, maybe with classes in between.
    pub(crate) enclosing_function: bool,
    /// Not inside any `def` or `class`.
    pub(crate) module_level: bool,
}

impl Context {
    const MODULE: Context =
        Context { in_function: false, in_loop: false, enclosing_function: false, module_level: true };
}

/// A compound statement whose body was missing (see `Parser::dangling`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Dangling {
    /// Its keyword: `Try`, `If`, `For` or `While`.
    pub(crate) keyword: TokenKind,
    /// The indentation of its line, which its clauses share.
    pub(crate) indent: usize,
}

impl Dangling {
    /// Whether a clause starting with `clause` can belong to the statement.
    pub(crate) fn takes(self, clause: TokenKind) -> bool {
        use TokenKind as T;
        match self.keyword {
            T::Try => matches!(clause, T::Except | T::Else | T::Finally),
            T::If => matches!(clause, T::Elif | T::Else),
            T::For | T::While => clause == T::Else,
            _ => false,
        }
    }
}

pub(crate) struct Parser<'src> {
    pub(crate) source: &'src str,
    tokens: &'src [Token],
    /// The lexer's decoded values, owned so that strings and big integers can be moved
    /// into the tree instead of cloned (each token is consumed once: no backtracking).
    values: Vec<TokenValue>,
    pub(crate) pos: usize,
    /// End of the last consumed token that is not layout (`Newline`/`Indent`/`Dedent`),
    /// where "expected ':'" points and where statements end.
    pub(crate) prev_end: u32,
    diagnostics: Vec<Diagnostic>,
    /// Starts of the lexer's syntax errors, sorted: a parser error in a statement where
    /// the lexer already found malformed text is a cascade and is dropped. (Its
    /// `unsupported` reports, such as bytes literals, come with valid tokens.)
    lexer_error_starts: Vec<u32>,
    /// Panic mode: an error of the current statement was reported (or silenced).
    pub(crate) panicking: bool,
    /// Set while parsing ahead only to measure a span for a message (the second
    /// expression of "Perhaps you forgot a comma?"): nothing is reported meanwhile.
    pub(crate) quiet: bool,
    /// Start of the statement being parsed, for the cascade check above.
    pub(crate) stmt_start: u32,
    /// How many diagnostics were recorded before the current line of source (a line of
    /// simple statements, or the header line of a compound statement or clause). A
    /// syntax error on the line supersedes the syntax errors reported earlier on it
    /// (compile-time checks): one broken statement, one diagnostic, as with CPython,
    /// whose parser fails before anything else is looked at.
    line_mark: usize,
    /// Spans in which the lexer's `unsupported` reports are dropped (see
    /// `supersede_lexer_reports`).
    superseded: Vec<Span>,
    nesting: u32,
    pub(crate) ctx: Context,
    /// Set by `block` when a block is missing ("expected an indented block"): the lines
    /// that follow were probably meant as the body, so the clauses after them are not
    /// orphans (see `dangling`).
    pub(crate) block_missing: bool,
    /// The last compound statement of the current block whose body was missing, while
    /// only simple statements follow it: its later clauses (`except` after a `try:`
    /// with an unindented body) are parsed quietly instead of reported as stray.
    pub(crate) dangling: Option<Dangling>,
    line_index: Option<LineIndex>,
    /// `*x` elements reported as "starred expression" and the index of their diagnostic,
    /// so that one that turns out to be an assignment target can be renamed.
    star_diagnostics: Vec<(Span, usize)>,
    /// A token standing in for the (contractually present) final `EndOfFile`.
    eof: Token,
}

impl<'src> Parser<'src> {
    pub(crate) fn new(
        source: &'src str,
        tokens: &'src [Token],
        values: Vec<TokenValue>,
        lexer_diagnostics: &[Diagnostic],
    ) -> Parser<'src> {
        let mut lexer_error_starts: Vec<u32> =
            lexer_diagnostics.iter().filter(|d| d.code == Code::Syntax).map(|d| d.span.start).collect();
        lexer_error_starts.sort_unstable();
        let end = u32::try_from(source.len()).unwrap_or(u32::MAX);
        let eof = Token { kind: TokenKind::EndOfFile, span: Span::empty_at(end), value: Token::NO_VALUE };
        Parser {
            source,
            tokens,
            values,
            pos: 0,
            prev_end: 0,
            diagnostics: Vec::new(),
            lexer_error_starts,
            panicking: false,
            quiet: false,
            stmt_start: 0,
            line_mark: 0,
            superseded: Vec::new(),
            nesting: 0,
            ctx: Context::MODULE,
            block_missing: false,
            dangling: None,
            line_index: None,
            star_diagnostics: Vec::new(),
            eof,
        }
    }

    /// The parser's diagnostics, and the spans in which the lexer's `unsupported`
    /// reports were superseded by a syntax error (sorted, maybe overlapping).
    pub(crate) fn into_diagnostics(self) -> (Vec<Diagnostic>, Vec<Span>) {
        (self.diagnostics, self.superseded)
    }

    // ---- The cursor ------------------------------------------------------------------

    #[inline]
    pub(crate) fn token(&self) -> Token {
        self.tokens.get(self.pos).copied().unwrap_or(self.eof)
    }

    #[inline]
    pub(crate) fn kind(&self) -> TokenKind {
        self.tokens.get(self.pos).map_or(TokenKind::EndOfFile, |token| token.kind)
    }

    #[inline]
    pub(crate) fn nth_kind(&self, n: usize) -> TokenKind {
        self.tokens.get(self.pos + n).map_or(TokenKind::EndOfFile, |token| token.kind)
    }

    #[inline]
    pub(crate) fn nth_token(&self, n: usize) -> Token {
        self.tokens.get(self.pos + n).copied().unwrap_or(self.eof)
    }

    #[inline]
    pub(crate) fn at(&self, kind: TokenKind) -> bool {
        self.kind() == kind
    }

    /// Consumes the current token (never moves past the end).
    #[inline]
    pub(crate) fn bump(&mut self) -> Token {
        let token = self.token();
        if self.pos < self.tokens.len() {
            self.pos += 1;
        }
        if !matches!(token.kind, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent) {
            self.prev_end = token.span.end;
        }
        token
    }

    #[inline]
    pub(crate) fn eat(&mut self, kind: TokenKind) -> bool {
        if self.at(kind) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// The identifier of a `Name` token.
    pub(crate) fn name_of(&self, token: Token) -> SmolStr {
        match self.values.get(token.value as usize) {
            Some(TokenValue::Name(name)) => name.clone(),
            _ => SmolStr::new(self.text(token.span)),
        }
    }

    /// Whether the current token is the name `text` (for soft keywords).
    pub(crate) fn at_name(&self, text: &str) -> bool {
        let token = self.token();
        token.kind == TokenKind::Name
            && matches!(self.values.get(token.value as usize), Some(TokenValue::Name(name)) if name == text)
    }

    /// Moves the decoded value of an atom token out of the value table.
    pub(crate) fn take_value(&mut self, token: Token) -> Option<TokenValue> {
        self.values.get_mut(token.value as usize).map(|value| std::mem::replace(value, TokenValue::Str(String::new())))
    }

    /// The source text of `span` (empty if the span is not on character boundaries).
    pub(crate) fn text(&self, span: Span) -> &'src str {
        self.source.get(span.range()).unwrap_or("")
    }

    /// The 1-based line of `offset`, for "... on line N" messages.
    pub(crate) fn line_of(&mut self, offset: u32) -> usize {
        let source = self.source;
        self.line_index.get_or_insert_with(|| LineIndex::new(source)).line_of(offset) + 1
    }

    /// The width, in bytes of spaces and tabs, of the indentation of the line that
    /// contains `offset`.
    pub(crate) fn indentation_at(&mut self, offset: u32) -> usize {
        let source = self.source;
        let index = self.line_index.get_or_insert_with(|| LineIndex::new(source));
        let line_start = index.line_start(index.line_of(offset)) as usize;
        source
            .as_bytes()
            .get(line_start..)
            .map_or(0, |rest| rest.iter().take_while(|byte| matches!(byte, b' ' | b'\t' | b'\x0c')).count())
    }

    // ---- Diagnostics -----------------------------------------------------------------

    /// Whether an error reported now would be a cascade of one the lexer already
    /// reported: the current token is an `Error` token, or the lexer complained
    /// somewhere in the current statement before the error.
    fn is_cascade(&self, span: Span) -> bool {
        if self.at(TokenKind::Error) {
            return true;
        }
        let until = span.end.max(self.token().span.end);
        let first = self.lexer_error_starts.partition_point(|start| *start < self.stmt_start);
        self.lexer_error_starts.get(first).is_some_and(|start| *start <= until)
    }

    /// A syntax error: reported unless in panic mode or a cascade, then the rest of the
    /// logical line is skipped (panic mode).
    pub(crate) fn syntax_error(&mut self, span: Span, message: impl Into<String>) {
        if !self.panicking && !self.quiet {
            // Whether ours or the lexer's (a cascade), this is the line's one error.
            self.supersede_line_reports();
            if !self.is_cascade(span) {
                self.diagnostics.push(Diagnostic::syntax(span, message));
            }
        }
        self.panicking = true;
        self.skip_line();
    }

    /// Drops the syntax errors reported on the current line before this one (CPython's
    /// compile-time checks, such as "'return' outside function", and the like): CPython
    /// reports only the parse error. `unsupported` reports stay: they are about other
    /// constructs, which the syntax error does not explain.
    fn supersede_line_reports(&mut self) {
        let mark = self.line_mark;
        let Some(line) = self.diagnostics.get(mark..) else { return };
        if !line.iter().any(|diagnostic| diagnostic.code == Code::Syntax) {
            return;
        }
        for (_, idx) in &mut self.star_diagnostics {
            if let Some(before) = self.diagnostics.get(mark..*idx) {
                *idx -= before.iter().filter(|diagnostic| diagnostic.code == Code::Syntax).count();
            }
        }
        let mut idx = 0;
        self.diagnostics.retain(|diagnostic| {
            idx += 1;
            idx <= mark || diagnostic.code != Code::Syntax
        });
    }

    /// Drops the lexer's `unsupported` reports that start in `span`: a syntax error
    /// about the same text replaces them (a bytes literal concatenated with a `str`).
    pub(crate) fn supersede_lexer_reports(&mut self, span: Span) {
        if !self.quiet && !self.panicking {
            self.superseded.push(span);
        }
    }

    /// Turns the report of the starred element at `span` into a syntax error (the
    /// element is invalid, not merely unsupported), else reports the error.
    pub(crate) fn star_is_syntax_error(&mut self, span: Span, message: &str) {
        if !self.panicking
            && let Some(&(_, idx)) = self.star_diagnostics.iter().rev().find(|(star, _)| *star == span)
            && let Some(diagnostic) = self.diagnostics.get_mut(idx)
        {
            *diagnostic = Diagnostic::syntax(span, message);
            self.panicking = true;
            self.skip_line();
            return;
        }
        self.syntax_error(span, message);
    }

    /// A new line of source starts at `offset` (see `line_mark`); it is also the start
    /// of a statement.
    pub(crate) fn start_line_at(&mut self, offset: u32) {
        self.stmt_start = offset;
        self.line_mark = self.diagnostics.len();
    }

    /// "invalid syntax" at the current token.
    pub(crate) fn invalid_syntax(&mut self) {
        let token = self.token();
        // At the end of a line, point at where the line ends (as CPython does), not
        // at the line break itself.
        let span = match token.kind {
            TokenKind::Newline | TokenKind::EndOfFile | TokenKind::Indent | TokenKind::Dedent => {
                Span::empty_at(token.span.start)
            }
            _ => token.span,
        };
        self.syntax_error(span, "invalid syntax");
    }

    /// An error that does not derail parsing (unsupported constructs, and CPython's
    /// compile-time checks): reported unless the statement is already broken.
    pub(crate) fn report(&mut self, diagnostic: Diagnostic) {
        if !self.panicking && !self.quiet && !self.is_cascade(diagnostic.span) {
            self.diagnostics.push(diagnostic);
        }
    }

    pub(crate) fn report_syntax(&mut self, span: Span, message: impl Into<String>) {
        self.report(Diagnostic::syntax(span, message));
    }

    pub(crate) fn unsupported(&mut self, span: Span, construct: &str) {
        self.report(Diagnostic::unsupported(span, construct));
    }

    /// Reports a `*x` element as a starred expression, remembering the diagnostic in
    /// case the element turns out to be an assignment target.
    pub(crate) fn report_star(&mut self, span: Span) {
        let before = self.diagnostics.len();
        self.unsupported(span, "starred expression");
        if self.diagnostics.len() > before {
            self.star_diagnostics.push((span, before));
        }
    }

    /// Renames the diagnostic of the starred element at `span`, now known to be an
    /// assignment target. Returns whether it was one.
    pub(crate) fn rename_star(&mut self, span: Span, construct: &str) -> bool {
        // The element was parsed moments ago: search from the most recent.
        let Some(&(_, idx)) = self.star_diagnostics.iter().rev().find(|(star, _)| *star == span) else {
            return false;
        };
        if let Some(diagnostic) = self.diagnostics.get_mut(idx) {
            *diagnostic = Diagnostic::unsupported(span, construct);
        }
        true
    }

    /// Parses an expression at `level` without reporting anything, only to learn where
    /// it ends (for the span of a message about it). Leaves panic mode off, so that the
    /// caller can report.
    pub(crate) fn quiet_expression_end(&mut self, level: crate::expr::Prec) -> u32 {
        self.quiet = true;
        let end = self.expr_bp(level).span().end;
        self.quiet = false;
        self.panicking = false;
        end
    }

    /// Forgets the starred elements of the previous statement (they cannot become
    /// targets any more), so that the list stays short.
    pub(crate) fn start_statement(&mut self) {
        self.panicking = false;
        self.start_line_at(self.token().span.start);
        self.star_diagnostics.clear();
    }

    /// Skips to the end of the logical line, without consuming the `Newline`.
    pub(crate) fn skip_line(&mut self) {
        while !matches!(self.kind(), TokenKind::Newline | TokenKind::EndOfFile | TokenKind::Indent | TokenKind::Dedent)
        {
            self.bump();
        }
    }

    // ---- Building expressions --------------------------------------------------------

    /// Builds a node whose deepest child has depth `child_depth`. Past
    /// [`MAX_EXPR_DEPTH`] the node becomes an `Error` (reported once per statement).
    #[inline]
    pub(crate) fn node(&mut self, kind: ExprKind, span: Span, child_depth: u32) -> Ex {
        let depth = child_depth + 1;
        if depth > MAX_EXPR_DEPTH {
            self.syntax_error(span, "expression is too deeply nested");
            return Ex { expr: Expr { kind: ExprKind::Error, span }, depth: 1, outer: span };
        }
        Ex { expr: Expr { kind, span }, depth, outer: span }
    }

    pub(crate) fn leaf(&self, kind: ExprKind, span: Span) -> Ex {
        Ex { expr: Expr { kind, span }, depth: 1, outer: span }
    }

    pub(crate) fn error_node(&self, span: Span) -> Ex {
        self.leaf(ExprKind::Error, span)
    }

    /// An empty span at the current token, for error nodes of missing expressions.
    pub(crate) fn here(&self) -> Span {
        Span::empty_at(self.token().span.start)
    }

    /// Enters one level of nesting; `false` (after reporting) when the limit is hit.
    pub(crate) fn enter(&mut self) -> bool {
        if self.nesting >= MAX_NESTING {
            let span = self.token().span;
            self.syntax_error(span, "too many nested expressions");
            return false;
        }
        self.nesting += 1;
        true
    }

    pub(crate) fn leave(&mut self) {
        self.nesting = self.nesting.saturating_sub(1);
    }
}

/// Whether a token can start an expression (for trailing commas, "Perhaps you forgot a
/// comma?" and `return`/`yield` without a value).
pub(crate) fn starts_expression(kind: TokenKind) -> bool {
    use TokenKind::*;
    matches!(
        kind,
        Name | Int
            | Float
            | String
            | FStringStart
            | True
            | False
            | None
            | Ellipsis
            | Lpar
            | Lsqb
            | Lbrace
            | Minus
            | Plus
            | Tilde
            | Not
            | Lambda
            | Await
            | Star
            | Error
    )
}
