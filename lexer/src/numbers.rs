//! Numeric literals: CPython 3.11's scanning rules (underscores, prefixes, the checks
//! on what may follow a number) and the decoding of their values.

use std::borrow::Cow;

use num_bigint::BigInt;
use typhon_diagnostics::Diagnostic;

use crate::lexer::{Lexer, is_potential_name_byte};
use crate::token::{IntValue, TokenKind, TokenValue};

/// What a well-formed literal turned out to be.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum NumberKind {
    /// An integer in this radix.
    Int(u32),
    Float,
    /// Ends in `j`: a complex literal.
    Imaginary,
}

/// A malformed literal: where to point and what to say.
struct NumberError {
    start: usize,
    end: usize,
    message: Cow<'static, str>,
}

type Scan = Result<(usize, NumberKind), NumberError>;

impl Lexer<'_> {
    /// A number starting at `start` (a digit, or a `.` followed by a digit).
    pub(crate) fn number(&mut self, start: usize) {
        match scan_number(self.bytes, start) {
            Ok((end, kind)) => {
                self.pos = end;
                let text = &self.source[start..end];
                match kind {
                    NumberKind::Int(10) if count_digits(text) > MAX_DECIMAL_DIGITS => {
                        // CPython 3.11 refuses these (decimal conversion is quadratic);
                        // so do we, before spending that time.
                        let message = format!(
                            "Exceeds the limit ({MAX_DECIMAL_DIGITS} digits) for integer string conversion: value has {} \
                             digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for \
                             huge integer literals to avoid decimal conversion limits.",
                            count_digits(text)
                        );
                        self.error(start, end, message);
                        self.push(TokenKind::Error, start, end);
                    }
                    NumberKind::Int(radix) => {
                        let value = int_value(text, radix);
                        self.push_value(TokenKind::Int, start, end, TokenValue::Int(value));
                    }
                    NumberKind::Float => {
                        let value = float_value(text);
                        self.push_value(TokenKind::Float, start, end, TokenValue::Float(value));
                    }
                    NumberKind::Imaginary => {
                        // Complex numbers are outside the subset. The literal still becomes
                        // a Float token (its imaginary part) so the parser carries on as if
                        // it were a number instead of reporting a second error.
                        self.diagnostics.push(Diagnostic::unsupported(
                            typhon_diagnostics::Span::new(start as u32, end as u32),
                            "complex number literal",
                        ));
                        let value = float_value(&text[..text.len() - 1]);
                        self.push_value(TokenKind::Float, start, end, TokenValue::Float(value));
                    }
                }
            }
            Err(error) => {
                // The whole malformed word becomes one Error token (`1abc`, `0x`, `1_`),
                // so the parser does not see a stray name after a number.
                let mut end = error.end.max(start + 1);
                while end < self.bytes.len() && is_potential_name_byte(self.bytes[end]) {
                    end += 1;
                }
                self.error(error.start, error.end, error.message);
                self.pos = end;
                self.push(TokenKind::Error, start, end);
            }
        }
    }
}

/// CPython 3.11's default `sys.get_int_max_str_digits()`, which also applies to
/// decimal literals in source code.
const MAX_DECIMAL_DIGITS: usize = 4300;

fn count_digits(text: &str) -> usize {
    text.bytes().filter(u8::is_ascii_digit).count()
}

/// The byte at `pos`, or 0 past the end (0 is neither a digit nor a name character).
#[inline]
fn at(bytes: &[u8], pos: usize) -> u8 {
    bytes.get(pos).copied().unwrap_or(0)
}

fn invalid(start: usize, end: usize, message: impl Into<Cow<'static, str>>) -> NumberError {
    NumberError { start, end, message: message.into() }
}

/// The span for an error at `pos`: that character if it is name-like (and so part of
/// the malformed literal), else the literal's last character (an ASCII digit, `_`,
/// sign or prefix letter). Either way the span ends within the literal, so the Error
/// token never swallows a following quote or operator.
fn at_char(bytes: &[u8], pos: usize) -> (usize, usize) {
    match at(bytes, pos) {
        byte if !is_potential_name_byte(byte) => (pos - 1, pos),
        byte if byte >= 0x80 => {
            let len = match byte {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            (pos, (pos + len).min(bytes.len()))
        }
        _ => (pos, pos + 1),
    }
}

/// Follows CPython 3.11's `tok_get` for numbers, branch for branch, so that the same
/// inputs are accepted and the same messages given.
fn scan_number(bytes: &[u8], start: usize) -> Scan {
    let mut pos = start;
    if at(bytes, pos) == b'.' {
        return fraction(bytes, pos + 1);
    }
    if at(bytes, pos) == b'0' {
        match at(bytes, pos + 1) {
            b'x' | b'X' => return radix_literal(bytes, pos + 2, 16),
            b'o' | b'O' => return radix_literal(bytes, pos + 2, 8),
            b'b' | b'B' => return radix_literal(bytes, pos + 2, 2),
            _ => {}
        }
        // Zeros (with underscores) may lead a float or `0` itself, but not an integer.
        pos += 1;
        loop {
            if at(bytes, pos) == b'_' {
                pos += 1;
                if !at(bytes, pos).is_ascii_digit() {
                    return Err(invalid(pos - 1, pos, "invalid decimal literal"));
                }
            }
            if at(bytes, pos) != b'0' {
                break;
            }
            pos += 1;
        }
        let mut nonzero = false;
        if at(bytes, pos).is_ascii_digit() {
            nonzero = true;
            pos = decimal_tail(bytes, pos)?;
        }
        return match at(bytes, pos) {
            b'.' => fraction(bytes, pos + 1),
            b'e' | b'E' => exponent(bytes, pos, false),
            b'j' | b'J' => imaginary(bytes, pos),
            _ if nonzero => Err(invalid(
                start,
                pos,
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            )),
            _ => verify_end(bytes, pos, "decimal").map(|()| (pos, NumberKind::Int(10))),
        };
    }
    pos = decimal_tail(bytes, pos)?;
    match at(bytes, pos) {
        b'.' => fraction(bytes, pos + 1),
        b'e' | b'E' => exponent(bytes, pos, false),
        b'j' | b'J' => imaginary(bytes, pos),
        _ => verify_end(bytes, pos, "decimal").map(|()| (pos, NumberKind::Int(10))),
    }
}

/// Digits with single underscores between them, starting at a digit.
fn decimal_tail(bytes: &[u8], mut pos: usize) -> Result<usize, NumberError> {
    loop {
        while at(bytes, pos).is_ascii_digit() {
            pos += 1;
        }
        if at(bytes, pos) != b'_' {
            return Ok(pos);
        }
        pos += 1;
        if !at(bytes, pos).is_ascii_digit() {
            return Err(invalid(pos - 1, pos, "invalid decimal literal"));
        }
    }
}

/// After the `.` of a float.
fn fraction(bytes: &[u8], mut pos: usize) -> Scan {
    if at(bytes, pos).is_ascii_digit() {
        pos = decimal_tail(bytes, pos)?;
    }
    match at(bytes, pos) {
        b'e' | b'E' => exponent(bytes, pos, true),
        b'j' | b'J' => imaginary(bytes, pos),
        _ => verify_end(bytes, pos, "decimal").map(|()| (pos, NumberKind::Float)),
    }
}

/// At the `e` of an exponent. If no digits follow, the number ended before the `e`
/// (`1else` is `1` then `else`) — provided what follows is a keyword.
fn exponent(bytes: &[u8], e_pos: usize, is_float: bool) -> Scan {
    let mut pos = e_pos + 1;
    let sign = at(bytes, pos);
    if sign == b'+' || sign == b'-' {
        pos += 1;
        if !at(bytes, pos).is_ascii_digit() {
            let (start, end) = at_char(bytes, pos);
            return Err(invalid(start, end, "invalid decimal literal"));
        }
    } else if !at(bytes, pos).is_ascii_digit() {
        verify_end(bytes, e_pos, "decimal")?;
        let kind = if is_float { NumberKind::Float } else { NumberKind::Int(10) };
        return Ok((e_pos, kind));
    }
    pos = decimal_tail(bytes, pos)?;
    match at(bytes, pos) {
        b'j' | b'J' => imaginary(bytes, pos),
        _ => verify_end(bytes, pos, "decimal").map(|()| (pos, NumberKind::Float)),
    }
}

/// At the `j` of an imaginary literal.
fn imaginary(bytes: &[u8], j_pos: usize) -> Scan {
    let pos = j_pos + 1;
    verify_end(bytes, pos, "imaginary").map(|()| (pos, NumberKind::Imaginary))
}

/// `0x`, `0o` or `0b` literals; `pos` is just after the prefix.
fn radix_literal(bytes: &[u8], mut pos: usize, radix: u32) -> Scan {
    let name = match radix {
        16 => "hexadecimal",
        8 => "octal",
        _ => "binary",
    };
    let is_digit = |byte: u8| (byte as char).is_digit(radix);
    let bad_digit = |pos: usize| {
        let byte = at(bytes, pos);
        // A decimal digit too large for the radix gets its own message.
        (radix != 16 && byte.is_ascii_digit())
            .then(|| invalid(pos, pos + 1, format!("invalid digit '{}' in {name} literal", byte as char)))
    };
    loop {
        if at(bytes, pos) == b'_' {
            pos += 1;
        }
        if !is_digit(at(bytes, pos)) {
            if let Some(error) = bad_digit(pos) {
                return Err(error);
            }
            let (start, end) = at_char(bytes, pos);
            return Err(invalid(start, end, format!("invalid {name} literal")));
        }
        while is_digit(at(bytes, pos)) {
            pos += 1;
        }
        if at(bytes, pos) != b'_' {
            break;
        }
    }
    if let Some(error) = bad_digit(pos) {
        return Err(error);
    }
    verify_end(bytes, pos, name).map(|()| (pos, NumberKind::Int(radix)))
}

/// CPython's `verify_end_of_number`: a number directly followed by a name character is
/// an "invalid literal", except before the keywords that can follow a number in valid
/// code (`1if x else 2`, which CPython 3.11 accepts with only a warning).
fn verify_end(bytes: &[u8], pos: usize, kind: &str) -> Result<(), NumberError> {
    let rest = bytes.get(pos..).unwrap_or(&[]);
    let keyword_follows = match at(bytes, pos) {
        b'a' => rest.starts_with(b"and"),
        b'e' => rest.starts_with(b"else"),
        b'f' => rest.starts_with(b"for"),
        b'i' => matches!(at(bytes, pos + 1), b'f' | b'n' | b's'),
        b'o' => rest.starts_with(b"or"),
        b'n' => rest.starts_with(b"not"),
        _ => false,
    };
    if !keyword_follows && is_potential_name_byte(at(bytes, pos)) {
        let (start, end) = at_char(bytes, pos);
        return Err(invalid(start, end, format!("invalid {kind} literal")));
    }
    Ok(())
}

/// The value of a well-formed integer literal (with its prefix, if any).
fn int_value(text: &str, radix: u32) -> IntValue {
    let digits = if radix == 10 { text.as_bytes() } else { &text.as_bytes()[2..] };
    // Fast path: accumulate in 64 bits, which covers nearly every literal.
    let mut value: u64 = 0;
    let mut overflow = false;
    for &byte in digits {
        if byte == b'_' {
            continue;
        }
        let digit = (byte as char).to_digit(radix).unwrap_or(0) as u64;
        match value.checked_mul(radix as u64).and_then(|v| v.checked_add(digit)) {
            Some(next) => value = next,
            None => {
                overflow = true;
                break;
            }
        }
    }
    if !overflow && let Ok(small) = i64::try_from(value) {
        return IntValue::Small(small);
    }
    let cleaned: Vec<u8> = digits.iter().copied().filter(|&byte| byte != b'_').collect();
    // The scanner only lets valid digits through, so parsing cannot fail; zero keeps
    // the lexer total if that ever changed.
    IntValue::Big(BigInt::parse_bytes(&cleaned, radix).unwrap_or_default())
}

/// The value of a well-formed float literal: Rust's parser rounds correctly, as
/// CPython's does, once the underscores are gone.
fn float_value(text: &str) -> f64 {
    let parsed = if text.contains('_') { text.replace('_', "").parse() } else { text.parse() };
    parsed.unwrap_or(0.0)
}
