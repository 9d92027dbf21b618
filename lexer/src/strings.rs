//! String literals: prefixes, finding the closing quote, and decoding escapes into the
//! literal's value. f-strings start here too and continue in `fstring.rs`.

use typhon_diagnostics::{Diagnostic, Span};

use crate::fstring::Mode;
use crate::lexer::Lexer;
use crate::name_aliases::NAME_ALIASES;
use crate::token::{TokenKind, TokenValue};

/// The letters before a string's opening quote.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Prefix {
    pub(crate) raw: bool,
    pub(crate) bytes: bool,
    pub(crate) fstring: bool,
}

impl Prefix {
    pub(crate) const NONE: Prefix = Prefix { raw: false, bytes: false, fstring: false };
}

/// The prefix spelled by `text` (at most two letters, any case): `r`, `u`, `f`, `b`
/// and the pairs `rf`, `fr`, `rb`, `br`. Anything else (`ur`, `bf`) is not a prefix,
/// so it lexes as a name and the parser reports the juxtaposition.
pub(crate) fn string_prefix(text: &[u8]) -> Option<Prefix> {
    let mut prefix = Prefix::NONE;
    let mut unicode = false;
    for &byte in text {
        let seen = match byte.to_ascii_lowercase() {
            b'r' => std::mem::replace(&mut prefix.raw, true),
            b'b' => std::mem::replace(&mut prefix.bytes, true),
            b'f' => std::mem::replace(&mut prefix.fstring, true),
            b'u' => std::mem::replace(&mut unicode, true),
            _ => return None,
        };
        if seen {
            return None;
        }
    }
    // `u` stands alone; `b` and `f` don't mix.
    if (unicode && text.len() > 1) || (prefix.bytes && prefix.fstring) {
        return None;
    }
    Some(prefix)
}

/// Why a string has no closing quote.
enum Unterminated {
    /// A line break inside a single-quoted string, at this offset.
    LineBreak(usize),
    /// The end of the input (or, inside an f-string field, of the enclosing f-string).
    End(usize),
}

/// Where a string's text ends, and whether decoding has any work to do.
struct Body {
    /// Offset of the closing quote(s).
    end: usize,
    /// A backslash or carriage return occurs: the value is not a plain copy.
    needs_decoding: bool,
}

impl Lexer<'_> {
    /// A string literal; `self.pos` is at its opening quote and `start` at its prefix.
    /// `limit` is set inside an f-string replacement field: the enclosing f-string ends
    /// there, and (Python 3.11) no backslash may appear.
    pub(crate) fn string(&mut self, start: usize, prefix: Prefix, limit: Option<usize>) {
        let quote = self.byte_at(self.pos);
        // Inside a field the enclosing f-string's closing quote is not ours to take.
        let bound = limit.unwrap_or(self.bytes.len());
        let triple = self.pos + 2 < bound && self.byte_at(self.pos + 1) == quote && self.byte_at(self.pos + 2) == quote;
        let quote_len = if triple { 3 } else { 1 };
        let content_start = self.pos + quote_len;
        let body = match self.scan_body(content_start, quote, triple, limit) {
            Ok(body) => body,
            Err(reason) => {
                self.unterminated(start, content_start, triple, limit, reason);
                return;
            }
        };
        // Inside a field every backslash was already reported; decoding the text as raw
        // then avoids a second error about the same backslash.
        let decode_raw = prefix.raw || limit.is_some();
        if prefix.fstring {
            self.push_value(
                TokenKind::FStringStart,
                start,
                content_start,
                TokenValue::FStringStart { raw: prefix.raw },
            );
            self.modes.push(Mode::Text { content_end: body.end as u32, triple, decode_raw });
            self.pos = content_start;
            return;
        }
        let end = body.end + quote_len;
        self.pos = end;
        if prefix.bytes {
            // Typhon has no bytes type. The literal still becomes a String token (its
            // text decoded as if it were a str) so that parsing continues normally.
            self.diagnostics.push(Diagnostic::unsupported(Span::new(start as u32, end as u32), "bytes literal"));
        }
        let value = if body.needs_decoding {
            let mut text = String::with_capacity(body.end - content_start);
            self.decode(content_start, body.end, decode_raw, prefix.bytes, &mut text);
            text
        } else {
            self.source[content_start..body.end].to_owned()
        };
        self.push_value(TokenKind::String, start, end, TokenValue::Str(value));
    }

    /// Finds the closing quote. Outside f-string fields a backslash escapes the next
    /// character (even in raw strings, where `r"\""` is a complete literal).
    fn scan_body(
        &mut self,
        content_start: usize,
        quote: u8,
        triple: bool,
        limit: Option<usize>,
    ) -> Result<Body, Unterminated> {
        let bound = limit.unwrap_or(self.bytes.len()).min(self.bytes.len());
        let mut needs_decoding = false;
        let mut pos = content_start;
        while pos < bound {
            let byte = self.bytes[pos];
            match byte {
                b'\\' => {
                    needs_decoding = true;
                    if limit.is_some() {
                        self.error(pos, pos + 1, "f-string expression part cannot include a backslash");
                        pos += 1;
                        continue;
                    }
                    pos += 1;
                    match self.byte_at(pos) {
                        b'\r' if self.byte_at(pos + 1) == b'\n' => pos += 2,
                        b'\n' | b'\r' => pos += 1,
                        _ => {
                            // Skipping one byte of a multi-byte character is harmless: the
                            // rest are continuation bytes, which match nothing below.
                            pos += 1;
                            continue;
                        }
                    }
                    self.line_start = pos.min(bound);
                }
                b'\n' | b'\r' => {
                    if !triple {
                        return Err(Unterminated::LineBreak(pos));
                    }
                    needs_decoding |= byte == b'\r';
                    pos += 1;
                    self.line_start = pos;
                }
                _ if byte == quote => {
                    if !triple {
                        return Ok(Body { end: pos, needs_decoding });
                    }
                    if pos + 2 < bound && self.bytes[pos + 1] == quote && self.bytes[pos + 2] == quote {
                        return Ok(Body { end: pos, needs_decoding });
                    }
                    pos += 1;
                }
                _ => pos += 1,
            }
        }
        Err(Unterminated::End(bound.min(pos.max(content_start))))
    }

    fn unterminated(
        &mut self,
        start: usize,
        content_start: usize,
        triple: bool,
        limit: Option<usize>,
        reason: Unterminated,
    ) {
        let (stop, message) = match reason {
            Unterminated::End(stop) if limit.is_some() => {
                // Running into the end of the enclosing f-string already says all there
                // is to say; don't add "expecting '}'" for the same spot.
                self.suppress_unwind_error_at = Some(stop);
                (stop, "f-string: unterminated string".to_owned())
            }
            Unterminated::End(stop) => {
                // Like CPython, a final line break does not start another line.
                let detect = if stop > 0 && matches!(self.byte_at(stop - 1), b'\n' | b'\r') { stop - 1 } else { stop };
                let line = self.line_of(detect);
                let kind = if triple { "triple-quoted string" } else { "string" };
                (stop, format!("unterminated {kind} literal (detected at line {line})"))
            }
            Unterminated::LineBreak(stop) => {
                let line = self.line_of(stop);
                (stop, format!("unterminated string literal (detected at line {line})"))
            }
        };
        self.error(start, content_start, message);
        self.pos = stop;
        self.push(TokenKind::Error, start, stop);
    }

    /// Appends the value of the literal text `start..end` to `out`: escapes decoded
    /// (unless `raw`), line breaks normalised to `\n` as Python reads source files.
    /// `bytes` selects the escapes of bytes literals (no `\u`, `\U`, `\N`).
    pub(crate) fn decode(&mut self, start: usize, end: usize, raw: bool, bytes: bool, out: &mut String) {
        let mut pos = start;
        let mut chunk = start;
        while pos < end {
            match self.bytes[pos] {
                b'\r' => {
                    out.push_str(&self.source[chunk..pos]);
                    out.push('\n');
                    pos += if self.byte_at(pos + 1) == b'\n' && pos + 1 < end { 2 } else { 1 };
                    chunk = pos;
                }
                b'\\' if !raw => {
                    out.push_str(&self.source[chunk..pos]);
                    pos = self.escape(pos, end, start, bytes, out);
                    chunk = pos;
                }
                _ => pos += 1,
            }
        }
        out.push_str(&self.source[chunk..end]);
    }

    /// Decodes the escape at `pos` (a backslash) into `out`; returns where the text
    /// continues. `text_start` is where the literal's text starts, for CPython-style
    /// positions in messages.
    fn escape(&mut self, pos: usize, end: usize, text_start: usize, bytes: bool, out: &mut String) -> usize {
        if pos + 1 >= end {
            // Only in f-string text, where `\{` keeps its backslash.
            out.push('\\');
            return pos + 1;
        }
        let kind = self.bytes[pos + 1];
        let simple = match kind {
            b'\n' => return pos + 2,
            b'\r' => return if self.byte_at(pos + 2) == b'\n' && pos + 2 < end { pos + 3 } else { pos + 2 },
            b'\\' => Some('\\'),
            b'\'' => Some('\''),
            b'"' => Some('"'),
            b'a' => Some('\x07'),
            b'b' => Some('\x08'),
            b'f' => Some('\x0c'),
            b'n' => Some('\n'),
            b'r' => Some('\r'),
            b't' => Some('\t'),
            b'v' => Some('\x0b'),
            _ => None,
        };
        if let Some(ch) = simple {
            out.push(ch);
            return pos + 2;
        }
        match kind {
            b'0'..=b'7' => {
                let mut value = 0u32;
                let mut next = pos + 1;
                while next < end && next < pos + 4 && matches!(self.bytes[next], b'0'..=b'7') {
                    value = value * 8 + u32::from(self.bytes[next] - b'0');
                    next += 1;
                }
                // At most 0o777, always a valid scalar value.
                out.push(char::from_u32(value).unwrap_or('\u{FFFD}'));
                next
            }
            b'x' => self.hex_escape(pos, end, text_start, 2, "truncated \\xXX escape", out),
            b'u' if !bytes => self.hex_escape(pos, end, text_start, 4, "truncated \\uXXXX escape", out),
            b'U' if !bytes => self.hex_escape(pos, end, text_start, 8, "truncated \\UXXXXXXXX escape", out),
            b'N' if !bytes => self.named_escape(pos, end, text_start, out),
            _ => {
                // Unknown escapes keep their backslash (CPython 3.11 only warns, and the
                // warning is invisible by default).
                out.push('\\');
                pos + 1
            }
        }
    }

    /// `\xhh`, `\uXXXX`, `\UXXXXXXXX`: exactly `digits` hex digits.
    fn hex_escape(
        &mut self,
        pos: usize,
        end: usize,
        text_start: usize,
        digits: usize,
        truncated: &str,
        out: &mut String,
    ) -> usize {
        let first = pos + 2;
        let mut next = first;
        let mut value = 0u32;
        while next < end && next < first + digits && self.bytes[next].is_ascii_hexdigit() {
            value = value * 16 + (self.bytes[next] as char).to_digit(16).unwrap_or(0);
            next += 1;
        }
        if next < first + digits {
            self.escape_error(pos, next, text_start, truncated);
            out.push_str(&self.source[pos..next]);
            return next;
        }
        match char::from_u32(value) {
            Some(ch) => out.push(ch),
            None if (0xD800..=0xDFFF).contains(&value) => {
                // Python strings may hold lone surrogates; Rust strings cannot.
                let span = Span::new(pos as u32, next as u32);
                self.diagnostics.push(Diagnostic::unsupported(span, "lone surrogate in a string literal"));
                out.push('\u{FFFD}');
            }
            None => {
                self.escape_error(pos, next, text_start, "illegal Unicode character");
                out.push('\u{FFFD}');
            }
        }
        next
    }

    /// `\N{NAME}`, looked up case-insensitively like CPython (aliases included).
    fn named_escape(&mut self, pos: usize, end: usize, text_start: usize, out: &mut String) -> usize {
        let open = pos + 2;
        let close = if self.byte_at(open) == b'{' && open < end {
            self.bytes[open + 1..end].iter().position(|&b| b == b'}').map(|idx| open + 1 + idx)
        } else {
            None
        };
        let Some(close) = close.filter(|&close| close > open + 1) else {
            // CPython points at `\N` (plus the `{` and the text, if any).
            let stop = if self.byte_at(open) == b'{' && open < end { close.map_or(end, |c| c + 1) } else { open };
            self.escape_error(pos, stop, text_start, "malformed \\N character escape");
            out.push_str(&self.source[pos..stop]);
            return stop;
        };
        match lookup_name(&self.source[open + 1..close]) {
            Some(ch) => out.push(ch),
            None => {
                self.escape_error(pos, close + 1, text_start, "unknown Unicode character name");
                out.push('\u{FFFD}');
            }
        }
        close + 1
    }

    /// CPython's message for a bad escape, with the escape's position in the literal.
    fn escape_error(&mut self, start: usize, end: usize, text_start: usize, reason: &str) {
        let first = start - text_start;
        let last = end.saturating_sub(1).max(start) - text_start;
        self.error(
            start,
            end,
            format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {first}-{last}: {reason}"),
        );
    }
}

/// The character named `name` in `\N{name}`, with CPython's rules: any case, but
/// otherwise the exact name or alias (`unicode_names2` also matches loosely, ignoring
/// spaces, underscores and hyphens, which CPython does not).
fn lookup_name(name: &str) -> Option<char> {
    let bytes = name.as_bytes();
    // Every Unicode name and alias is letters, digits, single spaces and hyphens,
    // starting and ending with a letter or digit. Checking that first also keeps odd
    // input away from the lookup table.
    let well_formed = bytes.len() <= 128
        && bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.iter().all(|&b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-')
        && !name.contains("  ");
    if !well_formed {
        return None;
    }
    let upper = name.to_ascii_uppercase();
    if let Ok(idx) = NAME_ALIASES.binary_search_by(|(alias, _)| (*alias).cmp(upper.as_str())) {
        return Some(NAME_ALIASES[idx].1);
    }
    let ch = unicode_names2::character(&upper)?;
    // Only the exact name: the crate's loose matches and its (partial) alias lookup
    // are not what CPython accepts.
    let canonical = unicode_names2::name(ch)?;
    (canonical.to_string() == upper).then_some(ch)
}
