//! Ints to and from text: `str(n)`, `int(s, base)`, `bin`/`oct`/`hex`, and the
//! 4,300-digit limit of CPython 3.11 (`sys.set_int_max_str_digits`).

use num_bigint::BigInt;
use num_traits::Num;

use super::errors::{RtResult, RuntimeError};
use super::int::Int;
use super::strings::repr_str;
use super::unicode;

/// The interpreter's `sys.set_int_max_str_digits` setting: the most decimal digits
/// `str(n)` may produce and `int(s)` may read. `0` means unlimited.
///
/// A value, not a global: the VM owns one and passes it in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntStrLimit(usize);

impl IntStrLimit {
    /// CPython's default, `sys.int_info.default_max_str_digits`.
    pub const DEFAULT: IntStrLimit = IntStrLimit(4300);
    /// The smallest non-zero limit, `sys.int_info.str_digits_check_threshold`.
    pub const THRESHOLD: usize = 640;
    pub const UNLIMITED: IntStrLimit = IntStrLimit(0);

    /// `sys.set_int_max_str_digits(maxdigits)` with its checks and messages.
    pub fn from_max_digits(maxdigits: &Int) -> RtResult<IntStrLimit> {
        let Some(value) = maxdigits.as_i64().filter(|v| i32::try_from(*v).is_ok()) else {
            return Err(RuntimeError::overflow("Python int too large to convert to C int"));
        };
        if value == 0 || value >= Self::THRESHOLD as i64 {
            Ok(IntStrLimit(value as usize))
        } else {
            Err(RuntimeError::value("maxdigits must be 0 or larger than 640"))
        }
    }

    /// `sys.get_int_max_str_digits()`.
    pub fn max_digits(self) -> usize {
        self.0
    }

    fn exceeded_by(self, digits: usize) -> bool {
        self.0 != 0 && digits > self.0
    }
}

impl Default for IntStrLimit {
    fn default() -> IntStrLimit {
        IntStrLimit::DEFAULT
    }
}

impl Int {
    /// `str(n)` / `repr(n)`, refusing more than `limit` digits as CPython 3.11 does.
    pub fn to_decimal_string(&self, limit: IntStrLimit) -> RtResult<String> {
        let Int::Big(big) = self else {
            return Ok(self.to_string());
        };
        // Refuse before converting when the bit length already proves too many digits
        // (bits * log10(2) is a lower bound on digits - 1), so huge ints fail fast.
        // The small margin keeps it a lower bound despite rounding in the product.
        let min_digits = ((big.bits() - 1) as f64 * std::f64::consts::LOG10_2 - 1e-6) as usize + 1;
        if limit.exceeded_by(min_digits) {
            return Err(to_str_limit_error(limit));
        }
        let text = big.to_string();
        let digits = text.len() - usize::from(text.starts_with('-'));
        if limit.exceeded_by(digits) {
            return Err(to_str_limit_error(limit));
        }
        Ok(text)
    }

    /// `bin(n)`: `-0b101`.
    pub fn to_bin(&self) -> String {
        self.to_prefixed(2, "0b")
    }

    /// `oct(n)`: `0o17`.
    pub fn to_oct(&self) -> String {
        self.to_prefixed(8, "0o")
    }

    /// `hex(n)`: `-0xff`.
    pub fn to_hex(&self) -> String {
        self.to_prefixed(16, "0x")
    }

    fn to_prefixed(&self, radix: u32, prefix: &str) -> String {
        let sign = if self.is_negative() { "-" } else { "" };
        format!("{sign}{prefix}{}", self.magnitude_in_radix(radix))
    }

    /// The digits of `abs(self)` in a power-of-two base or 10, lower case.
    pub(crate) fn magnitude_in_radix(&self, radix: u32) -> String {
        match self {
            Int::Small(v) => {
                let magnitude = v.unsigned_abs();
                match radix {
                    2 => format!("{magnitude:b}"),
                    8 => format!("{magnitude:o}"),
                    16 => format!("{magnitude:x}"),
                    _ => magnitude.to_string(),
                }
            }
            Int::Big(b) => b.magnitude().to_str_radix(radix),
        }
    }
}

fn to_str_limit_error(limit: IntStrLimit) -> RuntimeError {
    RuntimeError::value(format!(
        "Exceeds the limit ({} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit",
        limit.0
    ))
}

/// CPython's `%.200R`: the repr, cut to 200 characters.
fn repr_truncated(text: &str) -> String {
    repr_str(text).chars().take(200).collect()
}

/// `int(text, base)` exactly as CPython 3.11: whitespace and Unicode digits, a sign,
/// the `0x`/`0o`/`0b` prefix (required to be consistent with `base`, detected when
/// `base == 0`), single underscores between digits, and the digit limit for bases
/// that are not powers of two. `base` is the argument clamped to i64 (see
/// [`Int::to_i64_saturating`]).
pub fn parse_int(text: &str, base: i64, limit: IntStrLimit) -> RtResult<Int> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(RuntimeError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid =
        || RuntimeError::value(format!("invalid literal for int() with base {base}: {}", repr_truncated(text)));
    let ascii = unicode::decimal_and_space_to_ascii(text).ok_or_else(invalid)?;
    let bytes = ascii.as_bytes();
    let mut pos = 0;
    let mut negative = false;
    if let Some(&sign @ (b'+' | b'-')) = bytes.first() {
        negative = sign == b'-';
        pos = 1;
    }
    let rest = &bytes[pos..];
    let prefix_letter = rest.get(1).map(u8::to_ascii_lowercase);
    let mut base = base as u32;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (rest.first(), prefix_letter) {
            (Some(b'0'), Some(b'x')) => 16,
            (Some(b'0'), Some(b'o')) => 8,
            (Some(b'0'), Some(b'b')) => 2,
            // A C-style octal literal ("010") is invalid, but zeros are fine.
            (Some(b'0'), _) => {
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    let has_prefix = rest.first() == Some(&b'0')
        && matches!((base, prefix_letter), (16, Some(b'x')) | (8, Some(b'o')) | (2, Some(b'b')));
    if has_prefix {
        pos += 2;
        // One underscore may follow the prefix: 0x_ff.
        if bytes.get(pos) == Some(&b'_') {
            pos += 1;
        }
    }
    if bytes.get(pos) == Some(&b'_') {
        return Err(invalid());
    }
    // Scan digits and single underscores up to the first other character.
    let mut digits = String::new();
    let mut prev_underscore = false;
    while let Some(&byte) = bytes.get(pos) {
        if byte == b'_' {
            if prev_underscore {
                return Err(invalid());
            }
            prev_underscore = true;
        } else if char::from(byte).is_digit(base) {
            digits.push(char::from(byte));
            prev_underscore = false;
        } else {
            break;
        }
        pos += 1;
    }
    if prev_underscore {
        return Err(invalid());
    }
    if !base.is_power_of_two() && digits.len() > IntStrLimit::THRESHOLD && limit.exceeded_by(digits.len()) {
        return Err(RuntimeError::value(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; \
             use sys.set_int_max_str_digits() to increase the limit",
            limit.0,
            digits.len()
        )));
    }
    if digits.is_empty() || pos != bytes.len() {
        return Err(invalid());
    }
    let value = match i64::from_str_radix(&digits, base) {
        Ok(small) => Int::Small(small),
        Err(_) => Int::from_bigint(BigInt::from_str_radix(&digits, base).map_err(|_| invalid())?),
    };
    if error_if_nonzero && !value.is_zero() {
        return Err(invalid());
    }
    Ok(if negative { value.neg() } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, base: i64) -> Result<String, String> {
        parse_int(text, base, IntStrLimit::DEFAULT).map(|v| v.to_string()).map_err(|e| e.message)
    }

    #[test]
    fn parses_like_cpython() {
        assert_eq!(parse(" -0o17 ", 8), Ok("-15".into()));
        assert_eq!(parse(" 0x_1f ", 0), Ok("31".into()));
        assert_eq!(parse("0_0", 0), Ok("0".into()));
        assert_eq!(parse("٣٤", 10), Ok("34".into()));
        assert_eq!(parse("\u{2000}1\u{3000}", 10), Ok("1".into()));
        assert_eq!(parse("Z", 36), Ok("35".into()));
        assert_eq!(parse("010", 0), Err("invalid literal for int() with base 0: '010'".into()));
        assert_eq!(parse("1e5", 10), Err("invalid literal for int() with base 10: '1e5'".into()));
        assert_eq!(parse("0b__1", 2), Err("invalid literal for int() with base 2: '0b__1'".into()));
        assert_eq!(parse("1", 37), Err("int() base must be >= 2 and <= 36, or 0".into()));
        for bad in ["", " ", "_1", "1_", "1__2", "+-1", "\x1c1", "0x", "- 1"] {
            assert!(parse(bad, 0).is_err() && parse(bad, 10).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn enforces_the_digit_limit() {
        let long = "1".repeat(5000);
        let err = parse(&format!("{long}x"), 10).expect_err("too long");
        assert!(err.contains("value has 5000 digits"), "{err}");
        assert!(parse(&long, 16).is_ok());
        assert!(parse_int(&long, 10, IntStrLimit::UNLIMITED).is_ok());
        let value = parse_int(&long, 10, IntStrLimit::UNLIMITED).expect("unlimited");
        let err = value.to_decimal_string(IntStrLimit::DEFAULT).expect_err("too long");
        assert_eq!(
            err.message,
            "Exceeds the limit (4300 digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        );
        let max = IntStrLimit::from_max_digits(&Int::Small(5000)).expect("valid");
        assert_eq!(value.to_decimal_string(max).map(|s| s.len()), Ok(5000));
        let err = IntStrLimit::from_max_digits(&Int::Small(639)).expect_err("small");
        assert_eq!(err.message, "maxdigits must be 0 or larger than 640");
    }

    #[test]
    fn prefixed_forms() {
        assert_eq!(Int::Small(-5).to_bin(), "-0b101");
        assert_eq!(Int::Small(-255).to_hex(), "-0xff");
        assert_eq!(Int::Small(8).to_oct(), "0o10");
        assert_eq!(Int::Small(i64::MIN).to_hex(), "-0x8000000000000000");
    }
}

/// The decimal text of `value` (what `str(n)` gives), written into `buf` without going
/// through `core::fmt`, whose machinery costs several times more for the short ints that
/// f-strings and `str()` format over and over.
pub fn decimal_text(value: i64, buf: &mut [u8; 20]) -> &str {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
                                2021222324252627282930313233343536373839\
                                4041424344454647484950515253545556575859\
                                6061626364656667686970717273747576777879\
                                8081828384858687888990919293949596979899";
    let mut pos = buf.len();
    let mut rest = value.unsigned_abs();
    while rest >= 100 {
        let pair = (rest % 100) as usize * 2;
        rest /= 100;
        pos -= 2;
        buf[pos..pos + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if rest >= 10 {
        let pair = rest as usize * 2;
        pos -= 2;
        buf[pos..pos + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    } else {
        pos -= 1;
        buf[pos] = b'0' + rest as u8;
    }
    if value < 0 {
        // `i64::MIN` has 19 digits: there is always room for the sign.
        pos -= 1;
        buf[pos] = b'-';
    }
    // Only ASCII digits and '-' were written.
    std::str::from_utf8(&buf[pos..]).unwrap_or_default()
}

/// Appends the decimal text of `value` (see [`decimal_text`]).
pub fn push_decimal(out: &mut String, value: i64) {
    out.push_str(decimal_text(value, &mut [0; 20]));
}

#[cfg(test)]
mod decimal_tests {
    use super::{decimal_text, push_decimal};

    #[test]
    fn push_decimal_matches_display() {
        let mut values = vec![0, 1, -1, 9, 10, 99, 100, 101, 999, 1000, i64::MAX, i64::MIN, i64::MIN + 1];
        let mut power: i64 = 1;
        while let Some(next) = power.checked_mul(10) {
            values.extend([power - 1, power, power + 1, -power, -(power - 1), next / 2]);
            power = next;
        }
        for value in values {
            let mut out = String::from("x");
            push_decimal(&mut out, value);
            assert_eq!(out, format!("x{value}"));
            assert_eq!(decimal_text(value, &mut [0; 20]), value.to_string());
        }
    }
}
