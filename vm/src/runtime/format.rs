//! The format-spec mini-language (`format(x, spec)`, `f"{x:spec}"`, `str.format`) for
//! `int`, `bool`, `float` and `str`, after CPython's `Python/formatter_unicode.c`.

use super::errors::{RtResult, RuntimeError};
use super::float_text::{FloatFlags, FloatMode, double_to_string};
use super::int::Int;
use super::int_text::IntStrLimit;
use super::strings::MAX_STR_BYTES;
use super::unicode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Align {
    Left,
    Right,
    Center,
    /// `=`: padding between the sign (and prefix) and the digits.
    AfterSign,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SignMode {
    /// `-` or nothing: only negative numbers get a sign.
    Negative,
    Always,
    /// ` `: a space for non-negative numbers.
    Space,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Grouping {
    None,
    Comma,
    Underscore,
}

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug)]
struct Spec {
    fill: char,
    align: Align,
    sign: SignMode,
    /// Whether a sign character was written at all (strings reject even `-`).
    sign_given: bool,
    no_negative_zero: bool,
    alternate: bool,
    width: Option<usize>,
    grouping: Grouping,
    precision: Option<usize>,
    ty: Option<char>,
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// CPython's `get_integer`: Unicode decimal digits, with its overflow message.
fn parse_count(chars: &[char], pos: &mut usize) -> RtResult<Option<usize>> {
    let start = *pos;
    let mut value: usize = 0;
    while let Some(digit) = chars.get(*pos).and_then(|&c| unicode::decimal_value(c)) {
        let digit = digit as usize;
        if value > (i64::MAX as usize - digit) / 10 {
            return Err(RuntimeError::value("Too many decimal digits in format string"));
        }
        value = value * 10 + digit;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value))
}

/// `Cannot specify ',' with 'x'.`, quoting the type as CPython does.
fn quoted_code(c: char) -> String {
    let code = u32::from(c);
    if code > 32 && code < 128 { format!("'{c}'") } else { format!("'\\x{code:x}'") }
}

/// Parses `spec`; `default_type` is the type an omitted one means (`s` for str, `d`
/// for int, none for float), which decides whether grouping is allowed.
fn parse_spec(spec: &str, default_type: Option<char>, default_align: Align, type_name: &str) -> RtResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut pos = 0;
    let mut parsed = Spec {
        fill: ' ',
        align: default_align,
        sign: SignMode::Negative,
        sign_given: false,
        no_negative_zero: false,
        alternate: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        ty: None,
    };
    let mut fill_given = false;
    let mut align_given = false;
    if let Some(align) = chars.get(1).and_then(|&c| align_of(c)) {
        parsed.fill = chars[0];
        parsed.align = align;
        fill_given = true;
        align_given = true;
        pos = 2;
    } else if let Some(align) = chars.first().and_then(|&c| align_of(c)) {
        parsed.align = align;
        align_given = true;
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        parsed.sign = match c {
            '+' => SignMode::Always,
            ' ' => SignMode::Space,
            _ => SignMode::Negative,
        };
        parsed.sign_given = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        parsed.no_negative_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        parsed.alternate = true;
        pos += 1;
    }
    // A leading 0 means zero padding after the sign, unless a fill was given.
    if !fill_given && chars.get(pos) == Some(&'0') {
        parsed.fill = '0';
        if !align_given && default_align == Align::Right {
            parsed.align = Align::AfterSign;
        }
        pos += 1;
    }
    parsed.width = parse_count(&chars, &mut pos)?;
    if chars.get(pos) == Some(&',') {
        parsed.grouping = Grouping::Comma;
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if parsed.grouping != Grouping::None {
            return Err(RuntimeError::value("Cannot specify both ',' and '_'."));
        }
        parsed.grouping = Grouping::Underscore;
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && parsed.grouping == Grouping::Underscore {
        return Err(RuntimeError::value("Cannot specify both ',' and '_'."));
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        parsed.precision = parse_count(&chars, &mut pos)?;
        if parsed.precision.is_none() {
            return Err(RuntimeError::value("Format specifier missing precision"));
        }
    }
    if chars.len() > pos + 1 {
        return Err(RuntimeError::value(format!("Invalid format specifier '{spec}' for object of type '{type_name}'")));
    }
    parsed.ty = chars.get(pos).copied();
    if parsed.grouping != Grouping::None {
        let allowed = match parsed.ty.or(default_type) {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => parsed.grouping == Grouping::Underscore,
            Some(_) => false,
        };
        if !allowed {
            let which = if parsed.grouping == Grouping::Comma { ',' } else { '_' };
            let ty = parsed.ty.or(default_type).unwrap_or('\0');
            return Err(RuntimeError::value(format!("Cannot specify '{which}' with {}.", quoted_code(ty))));
        }
    }
    if parsed.width.unwrap_or(0) > MAX_STR_BYTES {
        return Err(RuntimeError::memory());
    }
    Ok(parsed)
}

fn unknown_code(ty: char, type_name: &str) -> RuntimeError {
    let code = u32::from(ty);
    let shown = if code > 32 && code < 128 { ty.to_string() } else { format!("\\x{code:x}") };
    RuntimeError::value(format!("Unknown format code '{shown}' for object of type '{type_name}'"))
}

fn pad(out: &mut String, fill: char, count: usize) {
    out.extend(std::iter::repeat_n(fill, count));
}

/// `format(text, spec)` for a `str`.
pub fn format_str(text: &str, spec: &str) -> RtResult<String> {
    if spec.is_empty() {
        return Ok(text.to_owned());
    }
    let spec = parse_spec(spec, Some('s'), Align::Left, "str")?;
    if let Some(ty) = spec.ty.filter(|&ty| ty != 's') {
        return Err(unknown_code(ty, "str"));
    }
    if spec.sign_given {
        let message = if spec.sign == SignMode::Space {
            "Space not allowed in string format specifier"
        } else {
            "Sign not allowed in string format specifier"
        };
        return Err(RuntimeError::value(message));
    }
    if spec.no_negative_zero {
        return Err(RuntimeError::value("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(RuntimeError::value("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == Align::AfterSign {
        return Err(RuntimeError::value("'=' alignment not allowed in string format specifier"));
    }
    let mut len = text.chars().count();
    let mut body = text;
    if let Some(precision) = spec.precision.filter(|&p| p < len) {
        len = precision;
        body = text.char_indices().nth(precision).map_or(text, |(offset, _)| &text[..offset]);
    }
    let total = spec.width.unwrap_or(0).max(len);
    let (left, right) = match spec.align {
        Align::Right => (total - len, 0),
        Align::Center => {
            let left = (total - len) / 2;
            (left, total - len - left)
        }
        _ => (0, total - len),
    };
    let mut out = String::with_capacity(body.len() + left + right);
    pad(&mut out, spec.fill, left);
    out.push_str(body);
    pad(&mut out, spec.fill, right);
    Ok(out)
}

/// The parts of a formatted number, before padding (CPython's `NumberFieldWidths`).
struct NumberParts<'a> {
    negative: bool,
    prefix: &'a str,
    /// The digits to group: the integer part.
    digits: &'a str,
    has_decimal: bool,
    /// Everything after the decimal point: fraction, exponent, `%`, or a `c` character.
    remainder: &'a str,
}

/// Groups `digits` from the right, zero-extended to `min_width` characters
/// (CPython's `_PyUnicode_InsertThousandsGrouping`; no separator means padding only).
fn group_digits(digits: &[char], min_width: i64, separator: Option<(char, i64)>) -> String {
    if digits.is_empty() {
        return String::new();
    }
    let mut chunks: Vec<String> = Vec::new();
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width;
    let take = |remaining: i64, len: i64| {
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        let mut chunk = "0".repeat(n_zeros as usize);
        chunk.extend(&digits[(remaining - n_chars) as usize..remaining as usize]);
        (chunk, n_chars)
    };
    if let Some((_, size)) = separator {
        loop {
            let len = size.min(remaining.max(min_width).max(1));
            let (chunk, used) = take(remaining, len);
            chunks.push(chunk);
            remaining -= used;
            min_width -= size;
            if remaining <= 0 && min_width <= 0 {
                break;
            }
            min_width -= 1;
        }
    } else {
        let len = remaining.max(min_width).max(1);
        chunks.push(take(remaining, len).0);
    }
    chunks.reverse();
    let separator = separator.map_or(String::new(), |(sep, _)| sep.to_string());
    chunks.join(&separator)
}

fn layout_number(parts: &NumberParts<'_>, spec: &Spec, group_size: i64, upper: bool) -> String {
    let sign = match (parts.negative, spec.sign) {
        (true, _) => Some('-'),
        (false, SignMode::Always) => Some('+'),
        (false, SignMode::Space) => Some(' '),
        (false, SignMode::Negative) => None,
    };
    let remainder_len = parts.remainder.chars().count() as i64;
    let non_digits =
        i64::from(sign.is_some()) + parts.prefix.len() as i64 + i64::from(parts.has_decimal) + remainder_len;
    let width = spec.width.map_or(-1, |w| w as i64);
    let min_width = if spec.fill == '0' && spec.align == Align::AfterSign { width - non_digits } else { 0 };
    let separator = match spec.grouping {
        Grouping::None => None,
        Grouping::Comma => Some((',', group_size)),
        Grouping::Underscore => Some(('_', group_size)),
    };
    let digits: Vec<char> = parts.digits.chars().collect();
    let mut grouped = group_digits(&digits, min_width, separator);
    let mut prefix = parts.prefix.to_owned();
    if upper {
        grouped = grouped.to_ascii_uppercase();
        prefix = prefix.to_ascii_uppercase();
    }
    let padding = (width - (non_digits + grouped.chars().count() as i64)).max(0) as usize;
    let (left, inner, right) = match spec.align {
        Align::Left => (0, 0, padding),
        Align::Right => (padding, 0, 0),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
    };
    let mut out = String::new();
    pad(&mut out, spec.fill, left);
    out.extend(sign);
    out.push_str(&prefix);
    pad(&mut out, spec.fill, inner);
    out.push_str(&grouped);
    if parts.has_decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    pad(&mut out, spec.fill, right);
    out
}

/// `format(n, spec)` for an `int`.
pub fn format_int(value: &Int, spec: &str, limit: IntStrLimit) -> RtResult<String> {
    if spec.is_empty() {
        return value.to_decimal_string(limit);
    }
    format_int_like(value, spec, limit, "int")
}

/// `format(b, spec)` for a `bool`: `str(b)` for an empty spec, else formatted as the
/// int 0 or 1 (errors name the type `bool`).
pub fn format_bool(value: bool, spec: &str) -> RtResult<String> {
    if spec.is_empty() {
        return Ok(if value { "True" } else { "False" }.to_owned());
    }
    format_int_like(&Int::Small(i64::from(value)), spec, IntStrLimit::DEFAULT, "bool")
}

fn format_int_like(value: &Int, spec_text: &str, limit: IntStrLimit, type_name: &str) -> RtResult<String> {
    let spec = parse_spec(spec_text, Some('d'), Align::Right, type_name)?;
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float_with(value.to_f64()?, &spec),
        _ => return Err(unknown_code(ty, type_name)),
    }
    if spec.precision.is_some() {
        return Err(RuntimeError::value("Precision not allowed in integer format specifier"));
    }
    if spec.no_negative_zero {
        return Err(RuntimeError::value("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if spec.sign_given {
            return Err(RuntimeError::value("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(RuntimeError::value("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let code = value.as_i64().ok_or_else(|| RuntimeError::overflow("Python int too large to convert to C long"))?;
        let c = u32::try_from(code)
            .ok()
            .filter(|&code| code < 0x110000)
            .ok_or_else(|| RuntimeError::overflow("%c arg not in range(0x110000)"))?;
        // Deviation: a surrogate code point cannot live in a Rust string.
        let c = char::from_u32(c)
            .ok_or_else(|| RuntimeError::value("%c arg is a lone surrogate, which Typhon strings cannot hold"))?;
        let remainder = c.to_string();
        let parts = NumberParts { negative: false, prefix: "", digits: "", has_decimal: false, remainder: &remainder };
        return Ok(layout_number(&parts, &spec, 3, false));
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = if radix == 10 { value.abs().to_decimal_string(limit)? } else { value.magnitude_in_radix(radix) };
    let parts = NumberParts {
        negative: value.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    let group_size = if radix == 10 { 3 } else { 4 };
    Ok(layout_number(&parts, &spec, group_size, ty == 'X'))
}

/// `format(x, spec)` for a `float`.
pub fn format_float(value: f64, spec: &str) -> RtResult<String> {
    if spec.is_empty() {
        return Ok(super::float::repr(value));
    }
    let parsed = parse_spec(spec, None, Align::Right, "float")?;
    match parsed.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_with(value, &parsed),
        Some(ty) => Err(unknown_code(ty, "float")),
    }
}

/// CPython's `format_float_internal`, shared by floats and ints with a float type.
fn format_float_with(value: f64, spec: &Spec) -> RtResult<String> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(RuntimeError::value("precision too big"));
    }
    if spec.precision.unwrap_or(0) > MAX_STR_BYTES {
        return Err(RuntimeError::memory());
    }
    let mut flags =
        FloatFlags { alternate: spec.alternate, no_negative_zero: spec.no_negative_zero, ..FloatFlags::default() };
    let mut value = value;
    let mut add_percent = false;
    let mut default_precision = 6;
    let mut mode = match spec.ty {
        None => {
            flags.add_dot_0 = true;
            default_precision = 0;
            FloatMode::Repr
        }
        Some('e') => FloatMode::Exponent,
        Some('E') => {
            flags.upper = true;
            FloatMode::Exponent
        }
        Some('f') => FloatMode::Fixed,
        Some('F') => {
            flags.upper = true;
            FloatMode::Fixed
        }
        Some('G') => {
            flags.upper = true;
            FloatMode::General
        }
        Some('%') => {
            value *= 100.0;
            add_percent = true;
            FloatMode::Fixed
        }
        // 'g', and 'n' which is 'g' in the C locale.
        Some(_) => FloatMode::General,
    };
    let precision = match spec.precision {
        Some(precision) => {
            if mode == FloatMode::Repr {
                mode = FloatMode::General;
            }
            precision
        }
        None => default_precision,
    };
    let mut text = double_to_string(value, mode, precision, flags);
    if add_percent {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let digits_end = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    let has_decimal = body[digits_end..].starts_with('.');
    let remainder = &body[digits_end + usize::from(has_decimal)..];
    let parts = NumberParts { negative, prefix: "", digits: &body[..digits_end], has_decimal, remainder };
    Ok(layout_number(&parts, spec, 3, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(spec: &str, value: i64) -> Result<String, String> {
        format_int(&Int::Small(value), spec, IntStrLimit::DEFAULT).map_err(|e| e.message)
    }

    fn float(spec: &str, value: f64) -> Result<String, String> {
        format_float(value, spec).map_err(|e| e.message)
    }

    #[test]
    fn integers() {
        assert_eq!(int(",", 1234567), Ok("1,234,567".into()));
        assert_eq!(int("08,", 1234), Ok("0,001,234".into()));
        assert_eq!(int("#x", -255), Ok("-0xff".into()));
        assert_eq!(int("#X", 255), Ok("0XFF".into()));
        assert_eq!(int("#010_b", 5), Ok("0b000_0101".into()));
        assert_eq!(int("*=+8", 42), Ok("+*****42".into()));
        assert_eq!(int("^7", -3), Ok("  -3   ".into()));
        assert_eq!(int("c", 65), Ok("A".into()));
        assert_eq!(int(".2", 1), Err("Precision not allowed in integer format specifier".into()));
        assert_eq!(int("ss", 1), Err("Invalid format specifier 'ss' for object of type 'int'".into()));
        assert_eq!(int(",c", 1), Err("Cannot specify ',' with 'c'.".into()));
        assert_eq!(int(".1f", 2), Ok("2.0".into()));
        assert_eq!(format_bool(true, ""), Ok("True".into()));
        assert_eq!(format_bool(true, ">5"), Ok("    1".into()));
        assert_eq!(
            format_bool(true, "Q").map_err(|e| e.message),
            Err("Unknown format code 'Q' for object of type 'bool'".into())
        );
    }

    #[test]
    fn floats() {
        assert_eq!(float(".3f", 1.23456), Ok("1.235".into()));
        assert_eq!(float("", 1e16), Ok("1e+16".into()));
        assert_eq!(float(".3", 100.0), Ok("1e+02".into()));
        assert_eq!(float(".3", 1.0), Ok("1.0".into()));
        assert_eq!(float("g", 1e-5), Ok("1e-05".into()));
        assert_eq!(float("#g", 1.0), Ok("1.00000".into()));
        assert_eq!(float(".1%", 0.25), Ok("25.0%".into()));
        assert_eq!(float("010", f64::INFINITY), Ok("0000000inf".into()));
        assert_eq!(float("z.1f", -0.01), Ok("0.0".into()));
        assert_eq!(float(",.2f", 1234567.891), Ok("1,234,567.89".into()));
        assert_eq!(float("E", 1e300 * 1e300), Ok("INF".into()));
        assert_eq!(float("d", 1.0), Err("Unknown format code 'd' for object of type 'float'".into()));
    }

    #[test]
    fn strings() {
        let fmt = |spec: &str| format_str("abc", spec).map_err(|e| e.message);
        assert_eq!(fmt(">5"), Ok("  abc".into()));
        assert_eq!(fmt("*^6"), Ok("*abc**".into()));
        assert_eq!(fmt(".2"), Ok("ab".into()));
        assert_eq!(fmt("06"), Ok("abc000".into()));
        assert_eq!(fmt(",s"), Err("Cannot specify ',' with 's'.".into()));
        assert_eq!(fmt("+"), Err("Sign not allowed in string format specifier".into()));
        assert_eq!(fmt("="), Err("'=' alignment not allowed in string format specifier".into()));
        assert_eq!(fmt("d"), Err("Unknown format code 'd' for object of type 'str'".into()));
    }
}
