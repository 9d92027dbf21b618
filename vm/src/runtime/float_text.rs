//! Floats to and from text: `repr`, `float(str)` and CPython's `PyOS_double_to_string`.
//!
//! Digits always come from Rust's std formatting (`{:e}` is shortest round-trip,
//! `{:.N}` and `{:.Ne}` are correctly rounded, ties to even, like David Gay's dtoa that
//! CPython uses); this module only lays them out the way CPython does.

use super::errors::{RtResult, RuntimeError};
use super::strings::repr_str;
use super::unicode;

/// The presentation of [`double_to_string`], after CPython's format codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FloatMode {
    /// `e`: scientific with `precision` digits after the point.
    Exponent,
    /// `f`: fixed with `precision` digits after the point.
    Fixed,
    /// `g`: `precision` significant digits, scientific for large/small exponents.
    General,
    /// `r`: `repr`, the shortest round-trip digits.
    Repr,
}

/// Flags of `PyOS_double_to_string`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FloatFlags {
    /// `#`: keep trailing zeros and the decimal point.
    pub(crate) alternate: bool,
    /// Append `.0` to integral fixed-point output (`repr`, and `format` without type).
    pub(crate) add_dot_0: bool,
    /// `z`: drop the minus sign of a result that rounds to zero.
    pub(crate) no_negative_zero: bool,
    /// Upper-case `E`, `INF` and `NAN`.
    pub(crate) upper: bool,
}

/// Decimal digits of `|x|` (no trailing zeros, at least "0") and the position of the
/// decimal point relative to them: `value = 0.DIGITS * 10**decpt`.
struct Digits {
    digits: String,
    decpt: i64,
}

/// Splits Rust's `{:e}` output ("1.25e-7") into digits and a decimal-point position.
fn from_scientific(text: &str) -> Digits {
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let mut digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i64 = exponent.parse().unwrap_or(0);
    trim_trailing_zeros(&mut digits);
    Digits { digits, decpt: exponent + 1 }
}

fn trim_trailing_zeros(digits: &mut String) {
    let kept = digits.trim_end_matches('0').len().max(1);
    digits.truncate(kept);
}

/// dtoa mode 0: the shortest digits that round-trip.
///
/// Rust's `{:e}` finds the shortest length, but when two strings of that length
/// round-trip it may pick another one than dtoa (`900719925474099.25` gives `.3`,
/// CPython `.2`). dtoa picks the one nearest to the exact value, ties to even, which
/// is the correctly rounded string of that length, if that one round-trips (next to
/// a power of two the interval is lopsided and it may not: then the shortest string
/// is unique and Rust's is right).
fn shortest(x: f64) -> Digits {
    let text = format!("{x:e}");
    let candidate = from_scientific(&text);
    let nearest_text = format!("{x:.prec$e}", prec = candidate.digits.len() - 1);
    if nearest_text != text && nearest_text.parse::<f64>() == Ok(x) {
        return from_scientific(&nearest_text);
    }
    candidate
}

/// dtoa mode 2: `n` significant digits, correctly rounded.
fn significant(x: f64, n: usize) -> Digits {
    from_scientific(&format!("{x:.prec$e}", prec = n.saturating_sub(1)))
}

/// dtoa mode 3: `n` digits after the decimal point, correctly rounded.
fn fixed(x: f64, n: usize) -> Digits {
    let text = format!("{x:.n$}");
    let (int_part, frac_part) = text.split_once('.').unwrap_or((&text, ""));
    let all = format!("{int_part}{frac_part}");
    let trimmed = all.trim_start_matches('0');
    if trimmed.is_empty() {
        return Digits { digits: "0".to_owned(), decpt: 1 };
    }
    let decpt = int_part.len() as i64 - (all.len() - trimmed.len()) as i64;
    let mut digits = trimmed.to_owned();
    trim_trailing_zeros(&mut digits);
    Digits { digits, decpt }
}

/// CPython's `PyOS_double_to_string(x, code, precision, flags)`, minus the leading
/// `+` (callers add signs themselves). The result starts with `-` for negative x.
pub(crate) fn double_to_string(x: f64, mode: FloatMode, precision: usize, flags: FloatFlags) -> String {
    let mut out = String::new();
    if x.is_nan() {
        out.push_str(if flags.upper { "NAN" } else { "nan" });
        return out;
    }
    if x.is_infinite() {
        if x < 0.0 {
            out.push('-');
        }
        out.push_str(if flags.upper { "INF" } else { "inf" });
        return out;
    }
    let magnitude = x.abs();
    let mut precision = precision as i64;
    let Digits { digits, mut decpt } = match mode {
        FloatMode::Exponent => {
            precision += 1;
            significant(magnitude, precision as usize)
        }
        FloatMode::Fixed => fixed(magnitude, precision as usize),
        FloatMode::General => {
            if precision == 0 {
                precision = 1;
            }
            significant(magnitude, precision as usize)
        }
        FloatMode::Repr => shortest(magnitude),
    };
    let is_zero = digits == "0";
    if x.is_sign_negative() && !(flags.no_negative_zero && is_zero) {
        out.push('-');
    }
    // The output is a slice [vstart, vend) of the digits padded with zeros on both
    // sides, with the decimal point at decpt (CPython's `format_float_short`).
    let digits_len = digits.len() as i64;
    let mut vend = digits_len;
    let mut use_exp = false;
    match mode {
        FloatMode::Exponent => {
            use_exp = true;
            vend = precision;
        }
        FloatMode::Fixed => vend = decpt + precision,
        FloatMode::General => {
            let limit = if flags.add_dot_0 { precision - 1 } else { precision };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alternate {
                vend = precision;
            }
        }
        FloatMode::Repr => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && flags.add_dot_0 { vend.max(decpt + 1) } else { vend.max(decpt) };
    let zeros = |out: &mut String, n: i64| out.extend(std::iter::repeat_n('0', n.max(0) as usize));
    if decpt <= 0 {
        zeros(&mut out, decpt - vstart);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vstart);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vend - decpt);
    } else {
        zeros(&mut out, vend - digits_len);
    }
    if out.ends_with('.') && !flags.alternate {
        out.pop();
    }
    if use_exp {
        out.push(if flags.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// `repr(x)` / `str(x)`: `1.0`, `0.1`, `1e+16`, `1e-05`, `inf`, `nan`, `-0.0`.
pub(crate) fn repr(x: f64) -> String {
    let flags = FloatFlags { add_dot_0: true, ..FloatFlags::default() };
    double_to_string(x, FloatMode::Repr, 0, flags)
}

/// `float(text)`, exactly as CPython: surrounding whitespace is ignored, Unicode
/// decimal digits count, `_` only between digits, and `inf`/`infinity`/`nan` in any
/// case with an optional sign.
pub fn parse_float(text: &str) -> RtResult<f64> {
    let error = || RuntimeError::value(format!("could not convert string to float: {}", repr_str(text)));
    let Some(ascii) = unicode::decimal_and_space_to_ascii(text) else {
        return Err(error());
    };
    let cleaned = remove_underscores(&ascii).ok_or_else(error)?;
    let unsigned = cleaned.strip_prefix(['+', '-']).unwrap_or(&cleaned);
    let lower = unsigned.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity" | "nan") {
        return cleaned.parse().map_err(|_| error());
    }
    if !is_decimal_literal(unsigned) {
        return Err(error());
    }
    cleaned.parse().map_err(|_| error())
}

/// Drops underscores that sit between two ASCII digits; `None` if any other remains.
pub(crate) fn remove_underscores(text: &str) -> Option<String> {
    if !text.contains('_') {
        return Some(text.to_owned());
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (idx, &byte) in bytes.iter().enumerate() {
        if byte == b'_' {
            let before = idx > 0 && bytes[idx - 1].is_ascii_digit();
            let after = bytes.get(idx + 1).is_some_and(u8::is_ascii_digit);
            if !(before && after) {
                return None;
            }
        } else {
            out.push(char::from(byte));
        }
    }
    Some(out)
}

/// `digits [. digits?] | . digits`, then an optional exponent: the grammar after the sign.
fn is_decimal_literal(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut idx = 0;
    let count_digits = |idx: &mut usize| {
        let start = *idx;
        while *idx < bytes.len() && bytes[*idx].is_ascii_digit() {
            *idx += 1;
        }
        *idx - start
    };
    let mut mantissa_digits = count_digits(&mut idx);
    if idx < bytes.len() && bytes[idx] == b'.' {
        idx += 1;
        mantissa_digits += count_digits(&mut idx);
    }
    if mantissa_digits == 0 {
        return false;
    }
    if idx < bytes.len() && (bytes[idx] == b'e' || bytes[idx] == b'E') {
        idx += 1;
        if idx < bytes.len() && (bytes[idx] == b'+' || bytes[idx] == b'-') {
            idx += 1;
        }
        if count_digits(&mut idx) == 0 {
            return false;
        }
    }
    idx == bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (123_456_789_012_345.0, "123456789012345.0"),
            (1e15, "1000000000000000.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (5e-324, "5e-324"),
            (0.0001, "0.0001"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
        ];
        for (value, expected) in cases {
            assert_eq!(repr(value), expected);
        }
    }

    #[test]
    fn parse_matches_cpython() {
        assert_eq!(parse_float("  1e5 "), Ok(1e5));
        assert_eq!(parse_float("-Infinity"), Ok(f64::NEG_INFINITY));
        assert_eq!(parse_float("1_0.5_0"), Ok(10.5));
        assert!(parse_float("nan").is_ok_and(f64::is_nan));
        for bad in ["", "1__0", "_1", "1_", "1e", ".", "x", "1_.5", "infinit", "0x10", "1.5.2"] {
            let err = parse_float(bad).expect_err(bad);
            assert_eq!(err.message, format!("could not convert string to float: {}", repr_str(bad)));
        }
    }
}
