//! The lexer's driver: layout (NEWLINE, INDENT, DEDENT), brackets, names, operators,
//! and the dispatch to the number, string and f-string scanners.
//!
//! Everything is a loop over bytes with explicit stacks (indentation levels, open
//! brackets, f-string modes), so no input can make the lexer recurse.

use smol_str::SmolStr;
use typhon_diagnostics::{Diagnostic, Span};

use crate::brackets::BracketStack;
use crate::fstring::Mode;
use crate::source::LineTable;
use crate::strings::{Prefix, string_prefix};
use crate::token::{Lexed, Token, TokenKind, TokenValue};

/// CPython's MAXINDENT: at most 100 entries on the indentation stack (the outermost,
/// column 0, included), so 99 nested blocks.
const MAX_INDENT_LEVELS: usize = 100;
/// CPython's MAXLEVEL: at most 200 open brackets.
const MAX_NESTING: usize = 200;
/// Python's tab stops for the indentation column.
const TAB_SIZE: u32 = 8;

/// Splits `source` into tokens, the way CPython 3.11's tokenizer does. Never fails:
/// problems become diagnostics (and `Error` tokens where text could not be tokenized).
/// The stream always ends with `Newline` (if the last logical line has tokens), the
/// `Dedent`s that close open blocks, and `EndOfFile`.
pub fn lex(source: &str) -> Lexed {
    // Spans are 32-bit: a larger file is lexed up to the last character that fits and
    // the rest is reported rather than silently wrapped around.
    let max_len = (u32::MAX - 1) as usize;
    if source.len() > max_len {
        let mut cut = max_len;
        while !source.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut lexed = Lexer::new(&source[..cut]).run();
        let at = Span::empty_at(cut as u32);
        lexed.diagnostics.push(Diagnostic::syntax(at, "source file is too large: only the first 4 GiB were read"));
        return lexed;
    }
    Lexer::new(source).run()
}

/// One entry of the indentation stack. `phantom` levels were pushed only to recover
/// from an indentation error: they emitted no `Indent`, so popping them emits no
/// `Dedent`, and the parser sees balanced blocks.
#[derive(Clone, Copy)]
struct IndentLevel {
    col: u32,
    /// The column with tabs counted as one space, to detect inconsistent tab use.
    alt_col: u32,
    phantom: bool,
}

pub(crate) struct Lexer<'src> {
    pub(crate) source: &'src str,
    pub(crate) bytes: &'src [u8],
    pub(crate) pos: usize,
    pub(crate) tokens: Vec<Token>,
    pub(crate) values: Vec<TokenValue>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    indents: Vec<IndentLevel>,
    pub(crate) brackets: BracketStack,
    /// The f-string states we are inside, innermost last. Empty in ordinary code.
    pub(crate) modes: Vec<Mode>,
    at_line_start: bool,
    /// Whether the current logical line produced a token (so it needs a `Newline`).
    line_has_tokens: bool,
    /// Start of the current physical line (kept up to date across strings and
    /// continuations) for the indentation of a line that opens a bracket.
    pub(crate) line_start: usize,
    /// Indentation column of the line that opened the outermost open bracket.
    outer_bracket_indent: u32,
    /// The line whose indentation `outer_bracket_indent` is.
    outer_bracket_line: Option<usize>,
    /// The f-string content end at which an "expecting '}'" error would repeat an
    /// error already reported (an unterminated nested string that ran into it).
    pub(crate) suppress_unwind_error_at: Option<usize>,
    /// The physical line on which a stray character (an "unmatched ')'", an invalid
    /// character) was last reported: further ones on that line would only repeat it
    /// (CPython stops at the first).
    stray_reported_line: Option<usize>,
    /// Brackets closed on their behalf by a mismatched closer (`(` in `[(1, 2])`), with
    /// the nesting depth they were left at, innermost last: their own closer, if it
    /// comes next at that depth, is consumed silently rather than reported as unmatched
    /// (CPython reports only the mismatch). Cleared at the end of each logical line.
    abandoned: Vec<(u8, u32)>,
    lines: LineTable,
}

impl<'src> Lexer<'src> {
    fn new(source: &'src str) -> Lexer<'src> {
        let bytes = source.as_bytes();
        // A byte order mark is allowed at the very start and is not part of the code.
        let start = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
        Lexer {
            source,
            bytes,
            pos: start,
            // Measured on typed Python: a token every 3 to 3.5 bytes and a valued token
            // (mostly names) every 8 or 9. Reserving a little more than that up front
            // avoids regrowing and copying; unused capacity of a large file is never
            // touched, so it costs address space, not memory.
            tokens: Vec::with_capacity(bytes.len() / 3 + 16),
            values: Vec::with_capacity(bytes.len() / 7 + 8),
            diagnostics: Vec::new(),
            indents: vec![IndentLevel { col: 0, alt_col: 0, phantom: false }],
            brackets: BracketStack::new(),
            modes: Vec::new(),
            at_line_start: true,
            line_has_tokens: false,
            line_start: start,
            outer_bracket_indent: 0,
            outer_bracket_line: None,
            suppress_unwind_error_at: None,
            stray_reported_line: None,
            abandoned: Vec::new(),
            lines: LineTable::default(),
        }
    }

    fn run(mut self) -> Lexed {
        // CPython refuses a null byte anywhere, strings and comments included; one
        // report is enough (each one outside a string is also an Error token).
        // (`contains` is a word-at-a-time memchr: the scan costs almost nothing.)
        if self.bytes.contains(&0)
            && let Some(at) = self.bytes.iter().position(|&byte| byte == 0)
        {
            self.error(at, at + 1, "source code cannot contain null bytes");
        }
        loop {
            if self.modes.is_empty() {
                if !self.lex_code() {
                    break;
                }
            } else {
                self.lex_fstring_step();
            }
        }
        self.finish();
        Lexed { tokens: self.tokens, values: self.values, diagnostics: self.diagnostics }
    }

    // ---- Small helpers shared by every scanner. ----

    /// The byte at `offset`, or 0 past the end (0 is never a digit, quote or name
    /// character, so it stops every scanner like the end of input does).
    #[inline]
    pub(crate) fn byte_at(&self, offset: usize) -> u8 {
        self.bytes.get(offset).copied().unwrap_or(0)
    }

    #[inline]
    pub(crate) fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        self.tokens.push(Token { kind, span: Span::new(start as u32, end as u32), value: Token::NO_VALUE });
    }

    #[inline]
    pub(crate) fn push_value(&mut self, kind: TokenKind, start: usize, end: usize, value: TokenValue) {
        let index = self.values.len() as u32;
        self.values.push(value);
        self.tokens.push(Token { kind, span: Span::new(start as u32, end as u32), value: index });
    }

    pub(crate) fn error(&mut self, start: usize, end: usize, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::syntax(Span::new(start as u32, end as u32), message));
    }

    /// An error about a stray character (one that starts no token), reported only if
    /// none was on this physical line yet: `` `1` `` is one mistake, not two.
    fn stray_error(&mut self, start: usize, end: usize, message: impl Into<String>) {
        if self.stray_reported_line != Some(self.line_start) {
            self.stray_reported_line = Some(self.line_start);
            self.error(start, end, message);
        }
    }

    /// The 1-based line of `offset`, for messages that quote line numbers.
    pub(crate) fn line_of(&mut self, offset: usize) -> usize {
        self.lines.line_of(self.bytes, offset)
    }

    // ---- Ordinary code. ----

    /// Lexes ordinary code until an f-string starts (returns true) or the input ends
    /// (returns false).
    fn lex_code(&mut self) -> bool {
        loop {
            if self.at_line_start {
                self.at_line_start = false;
                self.indentation();
            }
            let Some(&byte) = self.bytes.get(self.pos) else {
                return false;
            };
            match byte {
                b' ' | b'\t' | b'\x0c' => {
                    self.pos += 1;
                    while matches!(self.bytes.get(self.pos), Some(b' ' | b'\t' | b'\x0c')) {
                        self.pos += 1;
                    }
                }
                b'\n' | b'\r' => self.newline(byte),
                b'#' => self.skip_comment(),
                b'\\' => self.continuation(),
                _ => {
                    self.line_has_tokens = true;
                    self.token(byte, None);
                    if !self.modes.is_empty() {
                        return true;
                    }
                }
            }
        }
    }

    fn skip_comment(&mut self) {
        let rest = &self.bytes[self.pos..];
        let len = rest.iter().position(|&b| b == b'\n' || b == b'\r').unwrap_or(rest.len());
        self.pos += len;
    }

    /// A line break outside f-strings: the end of a logical line, or (inside brackets)
    /// just whitespace.
    fn newline(&mut self, byte: u8) {
        let start = self.pos;
        let end = if byte == b'\r' && self.byte_at(start + 1) == b'\n' { start + 2 } else { start + 1 };
        self.pos = end;
        self.line_start = end;
        if self.brackets.is_empty() {
            if self.line_has_tokens {
                self.push(TokenKind::Newline, start, end);
                self.line_has_tokens = false;
            }
            self.abandoned.clear();
            self.at_line_start = true;
        } else if self.statement_starts_inside_brackets(end) {
            // Recovery: the brackets were never closed, and this line is so clearly a new
            // statement that continuing the expression would only bury the real error
            // under confusing ones. Close the logical line here instead.
            if let Some(innermost) = self.brackets.last().copied() {
                let at = innermost.offset as usize;
                self.error(at, at + 1, format!("'{}' was never closed", innermost.open as char));
            }
            self.brackets.clear();
            self.abandoned.clear();
            if self.line_has_tokens {
                self.push(TokenKind::Newline, start, end);
                self.line_has_tokens = false;
            }
            self.at_line_start = true;
        }
    }

    /// Whether the physical line starting at `line` is indented no deeper than the line
    /// that opened the outermost bracket and starts with a keyword that begins a
    /// statement. `if`, `else` and `for` also occur inside expressions
    /// (`[x\nfor x in xs]`), so for them the line must also end with `:`.
    fn statement_starts_inside_brackets(&self, line: usize) -> bool {
        let (col, _, first) = measure_indent(self.bytes, line);
        if col > self.outer_bracket_indent {
            return false;
        }
        let mut end = first;
        while end < self.bytes.len() && self.bytes[end].is_ascii_lowercase() {
            end += 1;
        }
        if end < self.bytes.len() && is_name_byte(self.bytes[end]) {
            return false;
        }
        match &self.bytes[first..end] {
            b"def" | b"class" | b"elif" | b"while" | b"try" | b"except" | b"finally" | b"with" | b"return"
            | b"import" | b"from" | b"raise" | b"pass" | b"break" | b"continue" | b"global" | b"nonlocal" | b"del"
            | b"assert" => true,
            b"if" | b"else" | b"for" => {
                let rest = &self.bytes[end..];
                let line_len = rest.iter().position(|&b| b == b'\n' || b == b'\r').unwrap_or(rest.len());
                let line = &rest[..line_len];
                // A `#` may sit inside a string on this line; then we just don't recover.
                let code = line.iter().position(|&b| b == b'#').map_or(line, |hash| &line[..hash]);
                code.trim_ascii_end().ends_with(b":")
            }
            _ => false,
        }
    }

    /// A backslash outside strings: joins the next physical line to this one.
    fn continuation(&mut self) {
        let start = self.pos;
        match self.byte_at(start + 1) {
            b'\n' => self.pos = start + 2,
            b'\r' => self.pos = if self.byte_at(start + 2) == b'\n' { start + 3 } else { start + 2 },
            _ if start + 1 >= self.bytes.len() => {
                self.error(start, start + 1, "unexpected EOF while parsing");
                self.pos = start + 1;
                return;
            }
            _ => {
                self.error(start, start + 1, "unexpected character after line continuation character");
                self.push(TokenKind::Error, start, start + 1);
                self.line_has_tokens = true;
                self.pos = start + 1;
                return;
            }
        }
        self.line_start = self.pos;
        // CPython: the input may not end right after a continuation (a blank or
        // comment line after it is fine: it ends the logical line).
        if self.pos >= self.bytes.len() {
            self.error(start, start + 1, "unexpected EOF while parsing");
        }
    }

    /// Measures the indentation of a new logical line and emits `Indent`/`Dedent`s.
    /// Blank and comment-only lines do not count, as in Python.
    fn indentation(&mut self) {
        let start = self.pos;
        let (col, alt_col, first) = measure_indent(self.bytes, start);
        self.pos = first;
        if matches!(self.bytes.get(first), None | Some(b'#' | b'\n' | b'\r')) {
            return;
        }
        let top = self.current_indent();
        if col == top.col {
            if alt_col != top.alt_col {
                self.tab_error(start, first);
            }
        } else if col > top.col {
            if alt_col <= top.alt_col {
                self.tab_error(start, first);
            }
            if self.indents.len() >= MAX_INDENT_LEVELS {
                // Report once when the limit is crossed; deeper levels are kept as
                // phantoms so the lines below don't each repeat the error.
                if self.indents.len() == MAX_INDENT_LEVELS {
                    self.error(start, first, "too many levels of indentation");
                }
                self.indents.push(IndentLevel { col, alt_col, phantom: true });
            } else {
                self.indents.push(IndentLevel { col, alt_col, phantom: false });
                self.push(TokenKind::Indent, start, first);
            }
        } else {
            while self.indents.len() > 1 && col < self.current_indent().col {
                if let Some(level) = self.indents.pop()
                    && !level.phantom
                {
                    self.push(TokenKind::Dedent, first, first);
                }
            }
            let top = self.current_indent();
            if col != top.col {
                self.error(start, first, "unindent does not match any outer indentation level");
                // Keep this column as a (phantom) level so the following lines of the
                // same block line up with it instead of erroring again.
                self.indents.push(IndentLevel { col, alt_col, phantom: true });
            } else if alt_col != top.alt_col {
                self.tab_error(start, first);
            }
        }
    }

    fn current_indent(&self) -> IndentLevel {
        self.indents.last().copied().unwrap_or(IndentLevel { col: 0, alt_col: 0, phantom: false })
    }

    fn tab_error(&mut self, start: usize, end: usize) {
        self.error(start, end, "inconsistent use of tabs and spaces in indentation");
    }

    /// End of input: close what is open, then `Newline`, `Dedent`s and `EndOfFile`.
    fn finish(&mut self) {
        let end = self.bytes.len();
        if let Some(innermost) = self.brackets.last().copied() {
            let at = innermost.offset as usize;
            self.error(at, at + 1, format!("'{}' was never closed", innermost.open as char));
            self.brackets.clear();
        }
        if self.line_has_tokens {
            self.push(TokenKind::Newline, end, end);
        }
        while self.indents.len() > 1 {
            if let Some(level) = self.indents.pop()
                && !level.phantom
            {
                self.push(TokenKind::Dedent, end, end);
            }
        }
        self.push(TokenKind::EndOfFile, end, end);
    }

    // ---- Tokens. ----

    /// Lexes the token starting with `byte` at `self.pos`. `limit` is the end of the
    /// enclosing f-string's text when lexing inside a replacement field.
    pub(crate) fn token(&mut self, byte: u8, limit: Option<usize>) {
        let start = self.pos;
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => self.name(start, limit),
            b'0'..=b'9' => self.number(start),
            b'"' | b'\'' => self.string(start, Prefix::NONE, limit),
            b'.' => {
                if self.byte_at(start + 1).is_ascii_digit() {
                    self.number(start);
                } else if self.byte_at(start + 1) == b'.' && self.byte_at(start + 2) == b'.' {
                    self.pos = start + 3;
                    self.push(TokenKind::Ellipsis, start, start + 3);
                } else {
                    self.pos = start + 1;
                    self.push(TokenKind::Dot, start, start + 1);
                }
            }
            b'(' | b'[' | b'{' => self.open_bracket(byte, false),
            b')' | b']' | b'}' => self.close_bracket(byte, 0, false),
            0x80.. => self.unicode_name(start),
            _ => self.operator(byte, start),
        }
    }

    fn operator(&mut self, byte: u8, start: usize) {
        use TokenKind::*;
        let next = self.byte_at(start + 1);
        let after = self.byte_at(start + 2);
        // An operator, or its augmented-assignment form when `=` follows.
        let with_equal = |plain, augmented| if next == b'=' { (augmented, 2) } else { (plain, 1) };
        let (kind, len) = match byte {
            b'+' => with_equal(Plus, PlusEqual),
            b'-' if next == b'>' => (Rarrow, 2),
            b'-' => with_equal(Minus, MinusEqual),
            b'*' if next == b'*' => {
                if after == b'=' {
                    (DoubleStarEqual, 3)
                } else {
                    (DoubleStar, 2)
                }
            }
            b'*' => with_equal(Star, StarEqual),
            b'/' if next == b'/' => {
                if after == b'=' {
                    (DoubleSlashEqual, 3)
                } else {
                    (DoubleSlash, 2)
                }
            }
            b'/' => with_equal(Slash, SlashEqual),
            b'%' => with_equal(Percent, PercentEqual),
            b'@' => with_equal(At, AtEqual),
            b'&' => with_equal(Amper, AmperEqual),
            b'|' => with_equal(VBar, VBarEqual),
            b'^' => with_equal(Circumflex, CircumflexEqual),
            b'~' => (Tilde, 1),
            b'<' if next == b'<' => {
                if after == b'=' {
                    (LeftShiftEqual, 3)
                } else {
                    (LeftShift, 2)
                }
            }
            b'<' => with_equal(Less, LessEqual),
            b'>' if next == b'>' => {
                if after == b'=' {
                    (RightShiftEqual, 3)
                } else {
                    (RightShift, 2)
                }
            }
            b'>' => with_equal(Greater, GreaterEqual),
            b'=' => with_equal(Equal, EqEqual),
            b':' => with_equal(Colon, ColonEqual),
            b',' => (Comma, 1),
            b';' => (Semi, 1),
            b'!' if next == b'=' => (NotEqual, 2),
            _ => {
                self.invalid_ascii(byte, start);
                return;
            }
        };
        self.pos = start + len;
        self.push(kind, start, start + len);
    }

    /// A byte that starts no token: one `Error` token and a message.
    fn invalid_ascii(&mut self, byte: u8, start: usize) {
        let message = match byte {
            0 => {
                // Already reported once for the whole file.
                self.pos = start + 1;
                self.push(TokenKind::Error, start, start + 1);
                return;
            }
            b'!' => "invalid syntax: '!' is only used in '!=' (write 'not' for logical negation)".to_owned(),
            b'$' | b'?' | b'`' => format!("invalid syntax: '{}' is not used in Python", byte as char),
            _ if byte.is_ascii_graphic() => format!("invalid character '{}' (U+{:04X})", byte as char, byte),
            _ => format!("invalid non-printable character U+{byte:04X}"),
        };
        self.stray_error(start, start + 1, message);
        self.pos = start + 1;
        self.push(TokenKind::Error, start, start + 1);
    }

    /// An ASCII name, keyword, or the prefix of a string literal.
    fn name(&mut self, start: usize, limit: Option<usize>) {
        let mut end = start + 1;
        while end < self.bytes.len() && is_name_byte(self.bytes[end]) {
            end += 1;
        }
        let next = self.byte_at(end);
        if next >= 0x80 {
            self.unicode_name(start);
            return;
        }
        if (next == b'"' || next == b'\'')
            && end - start <= 2
            && let Some(prefix) = string_prefix(&self.bytes[start..end])
        {
            self.pos = end;
            self.string(start, prefix, limit);
            return;
        }
        self.pos = end;
        match keyword(&self.bytes[start..end]) {
            Some(kind) => self.push(kind, start, end),
            None => {
                let text = &self.source[start..end];
                self.push_value(TokenKind::Name, start, end, TokenValue::Name(SmolStr::new(text)));
            }
        }
    }

    /// A name with non-ASCII characters, or a stray non-ASCII character. Like CPython,
    /// the run of name-like characters is taken whole and then validated, so `“text”`
    /// is one error rather than three.
    fn unicode_name(&mut self, start: usize) {
        let mut end = start;
        while end < self.bytes.len() && (is_name_byte(self.bytes[end]) || self.bytes[end] >= 0x80) {
            end += 1;
        }
        self.pos = end;
        let text = &self.source[start..end];
        let mut invalid = None;
        for (idx, ch) in text.char_indices() {
            let valid = if idx == 0 {
                ch == '_' || unicode_ident::is_xid_start(ch)
            } else {
                unicode_ident::is_xid_continue(ch)
            };
            if !valid {
                invalid = Some((idx, ch));
                break;
            }
        }
        if let Some((idx, ch)) = invalid {
            let at = start + idx;
            let message = if is_printable(ch) {
                format!("invalid character '{ch}' (U+{:04X})", ch as u32)
            } else {
                format!("invalid non-printable character U+{:04X}", ch as u32)
            };
            self.stray_error(at, at + ch.len_utf8(), message);
            self.push(TokenKind::Error, start, end);
            return;
        }
        // Python compares identifiers after NFKC normalisation (`ﬁ` is `fi`).
        let name = match unicode_normalization::is_nfkc_quick(text.chars()) {
            unicode_normalization::IsNormalized::Yes => SmolStr::new(text),
            _ => {
                use unicode_normalization::UnicodeNormalization;
                SmolStr::from_iter(text.nfkc())
            }
        };
        self.push_value(TokenKind::Name, start, end, TokenValue::Name(name));
    }

    /// Whether a closer for `open` that matches no open bracket is the closer of one
    /// that a mismatch closed at the current depth (see `abandoned`); then it is taken.
    fn closes_abandoned(&mut self, open: u8) -> bool {
        let depth = self.brackets.len() as u32;
        // Those left deeper than the current depth can no longer come next.
        while self.abandoned.last().is_some_and(|&(_, at)| at > depth) {
            self.abandoned.pop();
        }
        if self.abandoned.last().is_some_and(|&(bracket, at)| bracket == open && at == depth) {
            self.abandoned.pop();
            return true;
        }
        false
    }

    /// `(`, `[` or `{`. In an f-string field the messages say "f-string".
    pub(crate) fn open_bracket(&mut self, byte: u8, in_fstring: bool) {
        let start = self.pos;
        self.pos = start + 1;
        if self.brackets.is_empty() && !in_fstring {
            // Measured once per line: a line may open many brackets one after another.
            if self.outer_bracket_line != Some(self.line_start) {
                let (col, _, _) = measure_indent(self.bytes, self.line_start);
                self.outer_bracket_indent = col;
                self.outer_bracket_line = Some(self.line_start);
            }
        }
        if self.brackets.len() == MAX_NESTING {
            // Reported once per crossing of the limit; the tokens go on regardless,
            // since nothing here recurses.
            self.error(start, start + 1, "too many nested parentheses");
        }
        self.brackets.push(byte, start as u32);
        let kind = match byte {
            b'(' => TokenKind::Lpar,
            b'[' => TokenKind::Lsqb,
            _ => TokenKind::Lbrace,
        };
        self.push(kind, start, start + 1);
    }

    /// `)`, `]` or `}`, matched against the brackets opened above `base` (the brackets
    /// of an f-string field start at its base).
    pub(crate) fn close_bracket(&mut self, byte: u8, base: usize, in_fstring: bool) {
        let start = self.pos;
        self.pos = start + 1;
        let (kind, open) = match byte {
            b')' => (TokenKind::Rpar, b'('),
            b']' => (TokenKind::Rsqb, b'['),
            _ => (TokenKind::Rbrace, b'{'),
        };
        let prefix = if in_fstring { "f-string: " } else { "" };
        let top = self.brackets.last().copied().filter(|_| self.brackets.len() > base);
        if let Some(top) = top
            && top.open == open
        {
            self.brackets.pop();
            self.push(kind, start, start + 1);
            return;
        }
        if self.closes_abandoned(open) {
            return;
        }
        let Some(top) = top else {
            self.stray_error(start, start + 1, format!("{prefix}unmatched '{}'", byte as char));
            self.push(TokenKind::Error, start, start + 1);
            return;
        };
        let opener_line = self.line_of(top.offset as usize);
        let message = if !in_fstring && opener_line != self.line_of(start) {
            format!(
                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {opener_line}",
                byte as char, top.open as char
            )
        } else {
            format!(
                "{prefix}closing parenthesis '{}' does not match opening parenthesis '{}'",
                byte as char, top.open as char
            )
        };
        self.error(start, start + 1, message);
        // Recovery: if a matching opener is further out, the brackets in between were
        // left unclosed; close them all. Otherwise take it for a typo of the closer the
        // innermost bracket wants, and emit that, so the parser sees balanced brackets
        // and does not report the same mistake again.
        match self.brackets.innermost(open, base) {
            Some(idx) => {
                // The matching opener is closed too (`idx` is its index): what is left
                // open at `idx` is the depth the abandoned ones' closers would come at.
                let depth = idx as u32;
                let first_new = self.abandoned.len();
                while self.brackets.len() > idx + 1 {
                    if let Some(bracket) = self.brackets.pop() {
                        self.abandoned.push((bracket.open, depth));
                    }
                }
                // Popped innermost first; their closers come innermost first, so the
                // innermost goes last.
                if let Some(new) = self.abandoned.get_mut(first_new..) {
                    new.reverse();
                }
                self.brackets.truncate(idx);
                self.push(kind, start, start + 1);
            }
            None => {
                self.brackets.pop();
                // `(1]`: if the `)` still comes, it belongs to the `(` closed here.
                self.abandoned.push((top.open, self.brackets.len() as u32));
                let intended = match top.open {
                    b'(' => TokenKind::Rpar,
                    b'[' => TokenKind::Rsqb,
                    _ => TokenKind::Rbrace,
                };
                self.push(intended, start, start + 1);
            }
        }
    }
}

/// Indentation of the physical line starting at `start`: the column with tabs to the
/// next multiple of 8, the column with tabs as 1 (for CPython's TabError check), and
/// the offset of the first non-blank byte. A form feed resets both columns.
fn measure_indent(bytes: &[u8], start: usize) -> (u32, u32, usize) {
    let (mut col, mut alt_col) = (0u32, 0u32);
    let mut pos = start;
    while let Some(&byte) = bytes.get(pos) {
        match byte {
            b' ' => {
                col = col.saturating_add(1);
                alt_col = alt_col.saturating_add(1);
            }
            b'\t' => {
                col = (col / TAB_SIZE).saturating_add(1).saturating_mul(TAB_SIZE);
                alt_col = alt_col.saturating_add(1);
            }
            b'\x0c' => {
                col = 0;
                alt_col = 0;
            }
            _ => break,
        }
        pos += 1;
    }
    (col, alt_col, pos)
}

/// ASCII letters, digits and `_`: the bytes that continue an ASCII name.
static NAME_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || b == b'_';
        byte += 1;
    }
    table
};

#[inline]
pub(crate) fn is_name_byte(byte: u8) -> bool {
    NAME_BYTES[byte as usize]
}

/// CPython's `is_potential_identifier_char`: what may follow a number before it is an
/// "invalid literal" (any non-ASCII byte included).
#[inline]
pub(crate) fn is_potential_name_byte(byte: u8) -> bool {
    is_name_byte(byte) || byte >= 0x80
}

/// The keyword spelled by `text`. Same answers as [`TokenKind::keyword`], but it
/// rejects most names after one length-and-first-byte check, which matters because it
/// runs for every name in the file.
fn keyword(text: &[u8]) -> Option<TokenKind> {
    use TokenKind::*;
    let (&first, rest) = text.split_first()?;
    if text.len() > 8 {
        return Option::None;
    }
    let kind = match (first, rest) {
        (b'F', b"alse") => False,
        (b'N', b"one") => None,
        (b'T', b"rue") => True,
        (b'a', b"nd") => And,
        (b'a', b"s") => As,
        (b'a', b"ssert") => Assert,
        (b'a', b"sync") => Async,
        (b'a', b"wait") => Await,
        (b'b', b"reak") => Break,
        (b'c', b"lass") => Class,
        (b'c', b"ontinue") => Continue,
        (b'd', b"ef") => Def,
        (b'd', b"el") => Del,
        (b'e', b"lif") => Elif,
        (b'e', b"lse") => Else,
        (b'e', b"xcept") => Except,
        (b'f', b"inally") => Finally,
        (b'f', b"or") => For,
        (b'f', b"rom") => From,
        (b'g', b"lobal") => Global,
        (b'i', b"f") => If,
        (b'i', b"mport") => Import,
        (b'i', b"n") => In,
        (b'i', b"s") => Is,
        (b'l', b"ambda") => Lambda,
        (b'n', b"onlocal") => Nonlocal,
        (b'n', b"ot") => Not,
        (b'o', b"r") => Or,
        (b'p', b"ass") => Pass,
        (b'r', b"aise") => Raise,
        (b'r', b"eturn") => Return,
        (b't', b"ry") => Try,
        (b'w', b"hile") => While,
        (b'w', b"ith") => With,
        (b'y', b"ield") => Yield,
        _ => return Option::None,
    };
    Some(kind)
}

/// Python's `str.isprintable` for the characters that reach an error message: false
/// for controls, separators other than the space, and the invisible format characters.
/// (Unassigned and private-use code points count as printable here; the message is
/// still correct apart from that one word.)
fn is_printable(ch: char) -> bool {
    if ch == ' ' {
        return true;
    }
    if ch.is_control() || ch.is_whitespace() {
        return false;
    }
    !matches!(ch as u32,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x8E2 | 0x180E | 0x200B..=0x200F
        | 0x2028..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB
        | 0x110BD | 0x110CD | 0x13430..=0x1343F | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0001 | 0xE0020..=0xE007F)
}
