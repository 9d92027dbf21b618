//! f-strings with Python 3.11's rules: the literal is first delimited like any string
//! (so its own quote ends it, even inside a replacement field), then its text is split
//! into `FStringMiddle` pieces and replacement fields whose expressions are lexed as
//! ordinary tokens.
//!
//! Nesting (fields in format specs, f-strings in fields) lives on an explicit stack of
//! [`Mode`]s, so deep nesting costs memory, never native stack.

use typhon_diagnostics::{Diagnostic, Span};

use crate::lexer::Lexer;
use crate::token::{TokenKind, TokenValue};

/// Where we are inside an f-string.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Mode {
    /// Literal text of an f-string, up to its closing quote at `content_end`.
    Text {
        content_end: u32,
        triple: bool,
        /// Backslashes are kept: a raw f-string, or one nested in a field (where every
        /// backslash was already reported).
        decode_raw: bool,
    },
    /// The expression part of a replacement field, from its `{`.
    Field {
        /// The enclosing f-string's `content_end`.
        limit: u32,
        /// Brackets below this index were opened outside the field.
        bracket_base: u32,
        lbrace: u32,
        /// Index of the first token after the `{`, to detect empty expressions.
        first_token: u32,
        /// 0 for a field in the text, 1 for a field in a format spec, and so on.
        spec_depth: u8,
        decode_raw: bool,
    },
    /// A format spec, after the field's `:`, up to its `}`.
    Spec { limit: u32, spec_depth: u8, decode_raw: bool },
}

impl Lexer<'_> {
    /// Makes progress inside the innermost f-string: one piece of text, or one token of
    /// a field.
    pub(crate) fn lex_fstring_step(&mut self) {
        let Some(&mode) = self.modes.last() else {
            return;
        };
        match mode {
            Mode::Text { content_end, triple, decode_raw } => {
                self.literal(content_end as usize, decode_raw, None, triple);
            }
            Mode::Spec { limit, spec_depth, decode_raw } => {
                self.literal(limit as usize, decode_raw, Some(spec_depth), false);
            }
            Mode::Field { limit, bracket_base, lbrace, first_token, spec_depth, decode_raw } => {
                let field = FieldState {
                    limit: limit as usize,
                    bracket_base: bracket_base as usize,
                    lbrace: lbrace as usize,
                    first_token: first_token as usize,
                    spec_depth,
                    decode_raw,
                };
                self.field_token(field);
            }
        }
    }

    /// Literal text up to the next replacement field or the end: of the f-string (for
    /// `spec == None`) or of a format spec at depth `spec`. In a format spec, `{{` and
    /// `}}` are not escapes (as in CPython 3.11): `{` opens a nested field, `}` ends the
    /// spec.
    fn literal(&mut self, end: usize, raw: bool, spec: Option<u8>, triple: bool) {
        let piece_start = self.pos;
        let mut segment = piece_start;
        let mut pos = piece_start;
        let mut text = String::new();
        let mut needs_decoding = false;
        loop {
            if pos >= end {
                self.append_segment(segment, pos, raw, needs_decoding, &mut text);
                self.emit_piece(piece_start, pos, text);
                self.pos = end;
                match spec {
                    None => {
                        let quote_end = (end + if triple { 3 } else { 1 }).min(self.bytes.len());
                        self.push(TokenKind::FStringEnd, end, quote_end);
                        self.pos = quote_end;
                        self.modes.pop();
                    }
                    Some(_) => self.unwind_fstring(),
                }
                return;
            }
            match self.bytes[pos] {
                b'\\' if !raw => {
                    needs_decoding = true;
                    match self.byte_at(pos + 1) {
                        // `\N{...}`'s braces are not a replacement field.
                        b'N' if self.byte_at(pos + 2) == b'{' => {
                            pos += 3;
                            while pos < end && self.bytes[pos] != b'}' {
                                pos += 1;
                            }
                            pos = (pos + 1).min(end);
                        }
                        // `\{` is a backslash, then a field (3.11 warns, and keeps both).
                        b'{' | b'}' => pos += 1,
                        _ => pos = (pos + 2).min(end),
                    }
                }
                b'\r' => {
                    needs_decoding = true;
                    pos += 1;
                    self.line_start = pos;
                }
                b'\n' => {
                    pos += 1;
                    self.line_start = pos;
                }
                b'{' if spec.is_none() && pos + 1 < end && self.bytes[pos + 1] == b'{' => {
                    // `{{` is a literal `{`: keep the first, skip the second.
                    self.append_segment(segment, pos + 1, raw, needs_decoding, &mut text);
                    pos += 2;
                    segment = pos;
                    needs_decoding = false;
                }
                b'{' => {
                    self.append_segment(segment, pos, raw, needs_decoding, &mut text);
                    self.emit_piece(piece_start, pos, text);
                    if spec.is_some_and(|depth| depth >= 1) {
                        self.error(pos, pos + 1, "f-string: expressions nested too deeply");
                    }
                    self.push(TokenKind::Lbrace, pos, pos + 1);
                    self.pos = pos + 1;
                    self.modes.push(Mode::Field {
                        limit: end as u32,
                        bracket_base: self.brackets.len() as u32,
                        lbrace: pos as u32,
                        first_token: self.tokens.len() as u32,
                        spec_depth: spec.map_or(0, |depth| depth.saturating_add(1)),
                        decode_raw: raw,
                    });
                    return;
                }
                b'}' if spec.is_some() => {
                    self.append_segment(segment, pos, raw, needs_decoding, &mut text);
                    self.emit_piece(piece_start, pos, text);
                    self.pos = pos;
                    // The field underneath takes the `}`.
                    self.modes.pop();
                    return;
                }
                b'}' if pos + 1 < end && self.bytes[pos + 1] == b'}' => {
                    self.append_segment(segment, pos + 1, raw, needs_decoding, &mut text);
                    pos += 2;
                    segment = pos;
                    needs_decoding = false;
                }
                b'}' => {
                    // Kept as text so the rest of the f-string lexes normally.
                    self.error(pos, pos + 1, "f-string: single '}' is not allowed");
                    pos += 1;
                }
                _ => pos += 1,
            }
        }
    }

    fn append_segment(&mut self, start: usize, end: usize, raw: bool, needs_decoding: bool, text: &mut String) {
        if needs_decoding {
            self.decode(start, end, raw, false, text);
        } else {
            text.push_str(&self.source[start..end]);
        }
    }

    /// An `FStringMiddle` for the source text `start..end`, unless it is empty.
    fn emit_piece(&mut self, start: usize, end: usize, text: String) {
        if start < end {
            self.push_value(TokenKind::FStringMiddle, start, end, TokenValue::Str(text));
        }
    }

    /// One token of a replacement field's expression, or the `!`, `:` or `}` that ends
    /// it. `:` and `!` end the expression only outside brackets (`{d[1:2]}`, `{a != b}`).
    fn field_token(&mut self, field: FieldState) {
        let whitespace_start = self.pos;
        let mut pos = self.pos;
        // Line breaks are whitespace here: they only occur in triple-quoted f-strings.
        while pos < field.limit {
            match self.bytes[pos] {
                b' ' | b'\t' | b'\x0c' => pos += 1,
                b'\n' | b'\r' => {
                    pos += 1;
                    self.line_start = pos;
                }
                _ => break,
            }
        }
        self.pos = pos;
        if pos >= field.limit {
            self.unwind_fstring();
            return;
        }
        let byte = self.bytes[pos];
        let depth = self.brackets.len().saturating_sub(field.bracket_base);
        let empty = self.tokens.len() == field.first_token;
        if pos > whitespace_start && matches!(byte, b':' | b'}') && self.follows_conversion(field, whitespace_start) {
            // `{x!r }`: tokens can't show this space, so the parser could not tell.
            self.error(whitespace_start, pos, "f-string: expecting '}'");
        }
        match byte {
            b'#' => {
                self.error(pos, pos + 1, "f-string expression part cannot include '#'");
                self.push(TokenKind::Error, pos, pos + 1);
                self.pos = pos + 1;
            }
            b'\\' => {
                self.error(pos, pos + 1, "f-string expression part cannot include a backslash");
                self.push(TokenKind::Error, pos, pos + 1);
                self.pos = pos + 1;
            }
            b'(' | b'[' | b'{' => self.open_bracket(byte, true),
            b'}' if depth == 0 => {
                if empty {
                    self.error(field.lbrace, pos + 1, "f-string: empty expression not allowed");
                }
                self.end_field(pos);
            }
            b'}' if self.brackets.last().is_some_and(|bracket| bracket.open != b'{') => {
                // The field ends here after all: its brackets were left open.
                let open = self.brackets.last().map_or(b'(', |bracket| bracket.open);
                self.error(
                    pos,
                    pos + 1,
                    format!("f-string: closing parenthesis '}}' does not match opening parenthesis '{}'", open as char),
                );
                self.brackets.truncate(field.bracket_base);
                self.end_field(pos);
            }
            b')' | b']' | b'}' => self.close_bracket(byte, field.bracket_base, true),
            b':' if depth == 0 => {
                self.expression_required(empty, pos, ':');
                self.push(TokenKind::Colon, pos, pos + 1);
                self.pos = pos + 1;
                let spec = Mode::Spec {
                    limit: field.limit as u32,
                    spec_depth: field.spec_depth,
                    decode_raw: field.decode_raw,
                };
                self.modes.push(spec);
            }
            b'!' if depth == 0 && self.byte_at(pos + 1) != b'=' => {
                self.expression_required(empty, pos, '!');
                self.push(TokenKind::Exclamation, pos, pos + 1);
                self.pos = pos + 1;
                // `{x! r}`: the conversion must follow `!` directly. Only reported when a
                // name follows, since the parser can't see the space but does see a
                // missing name.
                let mut next = pos + 1;
                while next < field.limit && matches!(self.bytes[next], b' ' | b'\t' | b'\x0c' | b'\n' | b'\r') {
                    next += 1;
                }
                if next > pos + 1 && crate::lexer::is_name_byte(self.byte_at(next)) {
                    self.error(
                        pos + 1,
                        next,
                        "f-string: invalid conversion character: expected 's', 'r', or 'a' right after '!'",
                    );
                }
            }
            b'=' if depth == 0 && self.byte_at(pos + 1) != b'=' => {
                self.expression_required(empty, pos, '=');
                self.push(TokenKind::Equal, pos, pos + 1);
                self.pos = pos + 1;
            }
            _ => self.token(byte, Some(field.limit)),
        }
    }

    /// Whether the last two tokens are this field's `!` and conversion name, with the
    /// name ending at `offset`.
    fn follows_conversion(&self, field: FieldState, offset: usize) -> bool {
        let len = self.tokens.len();
        len >= field.first_token + 2
            && self.tokens[len - 1].kind == TokenKind::Name
            && self.tokens[len - 1].span.end as usize == offset
            && self.tokens[len - 2].kind == TokenKind::Exclamation
    }

    fn expression_required(&mut self, empty: bool, pos: usize, before: char) {
        if empty {
            self.error(pos, pos + 1, format!("f-string: expression required before '{before}'"));
        }
    }

    fn end_field(&mut self, pos: usize) {
        self.push(TokenKind::Rbrace, pos, pos + 1);
        self.pos = pos + 1;
        self.modes.pop();
    }

    /// The f-string's text ended (at `self.pos`) inside a replacement field: report it,
    /// and drop the open fields and their brackets so the `FStringEnd` comes next.
    pub(crate) fn unwind_fstring(&mut self) {
        let pos = self.pos;
        let mut bracket_base = None;
        let mut lbrace = None;
        while let Some(&mode) = self.modes.last() {
            match mode {
                Mode::Text { .. } => break,
                Mode::Field { bracket_base: base, lbrace: open, .. } => {
                    bracket_base = Some(base as usize);
                    lbrace.get_or_insert(open as usize);
                }
                Mode::Spec { .. } => {}
            }
            self.modes.pop();
        }
        let base = bracket_base.unwrap_or(self.brackets.len()).min(self.brackets.len());
        if self.suppress_unwind_error_at.take() != Some(pos) {
            let mut diagnostic = match self.brackets.last().copied().filter(|_| self.brackets.len() > base) {
                Some(bracket) => {
                    let at = bracket.offset;
                    Diagnostic::syntax(Span::new(at, at + 1), format!("f-string: unmatched '{}'", bracket.open as char))
                }
                None => {
                    let mut diagnostic = Diagnostic::syntax(Span::empty_at(pos as u32), "f-string: expecting '}'");
                    if let Some(open) = lbrace {
                        diagnostic = diagnostic
                            .with_label(Span::new(open as u32, open as u32 + 1), "replacement field opened here");
                    }
                    diagnostic
                }
            };
            if self.quote_seems_misplaced(pos) {
                diagnostic = diagnostic.with_note(
                    "in Python 3.11 an f-string ends at its first matching quote, even inside a replacement \
                     field: use the other kind of quote inside the braces",
                );
            }
            self.diagnostics.push(diagnostic);
        }
        self.brackets.truncate(base);
    }

    /// Whether the text after the f-string's closing quote at `pos` looks like more of the
    /// same expression (`f"{d["key"]}"`), i.e. the quote was meant to be a nested one.
    fn quote_seems_misplaced(&self, pos: usize) -> bool {
        let Some(Mode::Text { triple, .. }) = self.modes.last().copied() else {
            return false;
        };
        let after = self.byte_at(pos + if triple { 3 } else { 1 });
        after.is_ascii_alphanumeric() || matches!(after, b'_' | b'"' | b'\'' | b']' | b'}')
    }
}

/// The parts of a [`Mode::Field`] that `field_token` works with, as offsets.
#[derive(Clone, Copy)]
struct FieldState {
    limit: usize,
    bracket_base: usize,
    lbrace: usize,
    first_token: usize,
    spec_depth: u8,
    decode_raw: bool,
}
