//! String literals: implicit concatenation, and f-strings built from the lexer's
//! pieces (`FStringStart`, `FStringMiddle`, replacement fields, `FStringEnd`).
//!
//! Adjacent literal text is merged (across concatenated strings too, and with the
//! `x=` text of a self-documenting field), and empty text is dropped, so the parts
//! alternate the way CPython's `JoinedStr` values do.

use typhon_diagnostics::Span;
use typhon_lexer::{TokenKind, TokenValue};

use crate::ast::{Conversion, ExprKind, FStringField, FStringPart};
use crate::parser::{Ex, Parser};

/// Literal text waiting to be merged with what follows.
#[derive(Default)]
struct Pending {
    text: String,
}

impl Pending {
    fn push(&mut self, text: String) {
        if self.text.is_empty() {
            self.text = text;
        } else {
            self.text.push_str(&text);
        }
    }

    fn flush(&mut self, parts: &mut Vec<FStringPart>) {
        if !self.text.is_empty() {
            parts.push(FStringPart::Literal(std::mem::take(&mut self.text)));
        }
    }
}

/// Whether the source text of a string literal has a `b` prefix (the lexer gives bytes
/// literals the token of a `str`, having reported them as unsupported).
fn is_bytes_literal(text: &str) -> bool {
    text.bytes().take_while(|byte| *byte != b'"' && *byte != b'\'').any(|byte| matches!(byte, b'b' | b'B'))
}

impl Parser<'_> {
    /// One or more adjacent string literals: a `Str` if all are plain strings, else an
    /// `FString` of all of them.
    pub(crate) fn strings(&mut self) -> Ex {
        let start = self.token().span.start;
        let mut pending = Pending::default();
        let mut parts = Vec::new();
        let mut is_fstring = false;
        let mut depth = 0;
        // Whether the first literal is a bytes literal; a later one of the other kind
        // makes the concatenation invalid.
        let mut bytes = None;
        loop {
            let token = self.token();
            let is_bytes = token.kind == TokenKind::String && is_bytes_literal(self.text(token.span));
            let is_literal = matches!(token.kind, TokenKind::String | TokenKind::FStringStart);
            if is_literal && *bytes.get_or_insert(is_bytes) != is_bytes {
                // This error replaces the lexer's "bytes literal is not supported" for
                // the literals of the concatenation.
                let end = self.concatenation_end();
                self.supersede_lexer_reports(Span::new(start, end));
                self.syntax_error(token.span, "cannot mix bytes and nonbytes literals");
                break;
            }
            match token.kind {
                TokenKind::String => {
                    self.bump();
                    if let Some(TokenValue::Str(text)) = self.take_value(token) {
                        pending.push(text);
                    }
                }
                TokenKind::FStringStart => {
                    self.bump();
                    is_fstring = true;
                    depth = depth.max(self.fstring_body(&mut parts, &mut pending));
                }
                _ => break,
            }
            if self.panicking {
                break;
            }
        }
        let span = Span::new(start, self.prev_end.max(start));
        if !is_fstring {
            return self.leaf(ExprKind::Str(pending.text), span);
        }
        pending.flush(&mut parts);
        self.node(ExprKind::FString(parts), span, depth)
    }

    /// Where the string literals from the cursor on end (without consuming them).
    fn concatenation_end(&self) -> u32 {
        let mut end = self.prev_end;
        let mut n = 0;
        let mut fstring_depth = 0u32;
        loop {
            let token = self.nth_token(n);
            match token.kind {
                TokenKind::FStringStart => fstring_depth += 1,
                TokenKind::FStringEnd => fstring_depth = fstring_depth.saturating_sub(1),
                TokenKind::String => {}
                TokenKind::Newline | TokenKind::EndOfFile => break,
                _ if fstring_depth > 0 => {}
                _ => break,
            }
            end = token.span.end;
            n += 1;
        }
        end
    }

    /// The inside of one f-string, through its `FStringEnd`. Returns the depth of its
    /// deepest field.
    fn fstring_body(&mut self, parts: &mut Vec<FStringPart>, pending: &mut Pending) -> u32 {
        let mut depth = 0;
        loop {
            let token = self.token();
            match token.kind {
                TokenKind::FStringMiddle => {
                    self.bump();
                    if let Some(TokenValue::Str(text)) = self.take_value(token) {
                        pending.push(text);
                    }
                }
                TokenKind::Lbrace => {
                    let field = self.fstring_field(pending);
                    pending.flush(parts);
                    depth = depth.max(field.1);
                    parts.push(FStringPart::Field(Box::new(field.0)));
                }
                TokenKind::FStringEnd => {
                    self.bump();
                    break;
                }
                _ => {
                    // The lexer reported the broken f-string (an `Error` token is never
                    // reported twice); anything else is a malformed token stream.
                    self.syntax_error(token.span, "f-string: expecting '}'");
                    break;
                }
            }
            if self.panicking {
                break;
            }
        }
        depth
    }

    /// `{expr[=][!c][:spec]}` (the cursor is on `{`). A self-documenting `{x=}` adds
    /// its source text (`x=`, spaces included) to `pending`.
    fn fstring_field(&mut self, pending: &mut Pending) -> (FStringField, u32) {
        let open = self.bump().span;
        if !self.enter() {
            return self.missing_field(open);
        }
        if matches!(self.kind(), TokenKind::Rbrace | TokenKind::Exclamation | TokenKind::Colon | TokenKind::Equal) {
            let span = open.cover(self.token().span);
            self.syntax_error(span, "f-string: empty expression not allowed");
            self.leave();
            return self.missing_field(open);
        }
        let starred = self.at(TokenKind::Star);
        let expr = self.star_expressions_or_yield();
        if starred && !self.panicking && matches!(expr.expr.kind, ExprKind::Error) {
            // A lone `*x`, first reported as an unsupported starred element; `{*x, y}`
            // is a tuple and valid.
            self.star_is_syntax_error(expr.expr.span, "f-string: cannot use starred expression here");
        }
        let field = self.fstring_field_rest(open, expr, pending);
        self.leave();
        field
    }

    fn missing_field(&self, open: Span) -> (FStringField, u32) {
        let expr = self.error_node(self.here()).expr;
        (FStringField { expr, conversion: None, format_spec: None, span: open }, 1)
    }

    /// The rest of a field after its expression: `=`, conversion, format spec, `}`.
    fn fstring_field_rest(&mut self, open: Span, expr: Ex, pending: &mut Pending) -> (FStringField, u32) {
        let self_documenting = self.at(TokenKind::Equal);
        if self_documenting {
            self.bump();
            let text = self.text(Span::new(open.end, self.token().span.start));
            pending.push(text.to_owned());
        }
        let mut conversion = if self.at(TokenKind::Exclamation) { self.conversion() } else { None };
        let mut depth = expr.depth;
        let mut format_spec = None;
        if !self.panicking && self.eat(TokenKind::Colon) {
            let (spec, spec_depth) = self.format_spec();
            depth = depth.max(spec_depth);
            format_spec = Some(spec);
        }
        if !self.panicking && !self.eat(TokenKind::Rbrace) {
            let span = self.token().span;
            self.syntax_error(span, "f-string: expecting '}'");
        }
        if self_documenting && conversion.is_none() && format_spec.is_none() {
            conversion = Some(Conversion::Repr);
        }
        let span = Span::new(open.start, self.prev_end);
        (FStringField { expr: expr.expr, conversion, format_spec, span }, depth + 1)
    }

    /// `!r`, `!s` or `!a` (the cursor is on the `!`).
    fn conversion(&mut self) -> Option<Conversion> {
        let bang = self.bump();
        let token = self.token();
        if token.kind != TokenKind::Name {
            self.syntax_error(bang.span.cover(token.span), "f-string: missing conversion character");
            return None;
        }
        self.bump();
        match self.name_of(token).as_str() {
            "r" => Some(Conversion::Repr),
            "s" => Some(Conversion::Str),
            "a" => Some(Conversion::Ascii),
            other => {
                let message = format!("f-string: invalid conversion character '{other}': expected 's', 'r', or 'a'");
                self.syntax_error(token.span, message);
                None
            }
        }
    }

    /// The parts of a format spec, up to (not including) the field's `}`.
    fn format_spec(&mut self) -> (Vec<FStringPart>, u32) {
        let mut parts = Vec::new();
        let mut pending = Pending::default();
        let mut depth = 0;
        loop {
            let token = self.token();
            match token.kind {
                TokenKind::FStringMiddle => {
                    self.bump();
                    if let Some(TokenValue::Str(text)) = self.take_value(token) {
                        pending.push(text);
                    }
                }
                TokenKind::Lbrace => {
                    let (field, field_depth) = self.fstring_field(&mut pending);
                    pending.flush(&mut parts);
                    depth = depth.max(field_depth);
                    parts.push(FStringPart::Field(Box::new(field)));
                }
                _ => break,
            }
            if self.panicking {
                break;
            }
        }
        pending.flush(&mut parts);
        (parts, depth)
    }
}
