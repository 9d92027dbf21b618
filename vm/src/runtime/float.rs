//! Python's `float` arithmetic: flooring division, `%`, `**`, `round` and `hash`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, Zero};

use super::errors::{ExcKind, RtResult, RuntimeError};
use super::float_text;
use super::int::{HASH_INF, HASH_MODULUS, Int};

/// `x * 2**exp` with a single rounding (C's `ldexp`), for any `exp`.
pub fn ldexp(x: f64, exp: i64) -> f64 {
    // Scale in steps whose factors are normal powers of two, so only the last step,
    // the only one that can leave the normal range for our callers, rounds.
    let mut x = x;
    let mut exp = exp;
    while exp > 1000 && x.is_finite() && x != 0.0 {
        x *= pow2(1000);
        exp -= 1000;
    }
    while exp < -1000 && x.is_finite() && x != 0.0 {
        x *= pow2(-1000);
        exp += 1000;
    }
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    x * pow2(exp.clamp(-1022, 1023) as i32)
}

/// `2.0 ** exp` for a normal exponent, built from its bits.
fn pow2(exp: i32) -> f64 {
    f64::from_bits(((exp + 1023) as u64) << 52)
}

/// A finite float as `mantissa * 2**exponent` with an integer mantissa.
pub(crate) fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 { (fraction, -1074) } else { (fraction | (1 << 52), biased - 1075) }
}

/// `x / y`.
pub fn truediv(x: f64, y: f64) -> RtResult<f64> {
    if y == 0.0 {
        return Err(RuntimeError::zero_division("float division by zero"));
    }
    Ok(x / y)
}

/// `x % y`: the remainder has the sign of `y` (CPython's `float_rem`).
pub fn modulo(x: f64, y: f64) -> RtResult<f64> {
    if y == 0.0 {
        return Err(RuntimeError::zero_division("float modulo"));
    }
    Ok(rem_with_divisor_sign(x, y))
}

fn rem_with_divisor_sign(x: f64, y: f64) -> f64 {
    let rem = x % y;
    if rem != 0.0 {
        if (y < 0.0) != (rem < 0.0) { rem + y } else { rem }
    } else {
        // fmod's zero sign varies across platforms; CPython fixes it to y's.
        0.0_f64.copysign(y)
    }
}

/// `x // y`.
pub fn floordiv(x: f64, y: f64) -> RtResult<f64> {
    if y == 0.0 {
        return Err(RuntimeError::zero_division("float floor division by zero"));
    }
    Ok(div_mod(x, y).0)
}

/// `divmod(x, y)`.
pub fn divmod(x: f64, y: f64) -> RtResult<(f64, f64)> {
    if y == 0.0 {
        return Err(RuntimeError::zero_division("float divmod()"));
    }
    Ok(div_mod(x, y))
}

/// CPython's `_float_div_mod`, step for step, so edge cases round the same way.
fn div_mod(x: f64, y: f64) -> (f64, f64) {
    let mut rem = x % y;
    // fmod is exact, so x - rem is an exact multiple of y up to one rounding.
    let mut div = (x - rem) / y;
    if rem != 0.0 {
        if (y < 0.0) != (rem < 0.0) {
            rem += y;
            div -= 1.0;
        }
    } else {
        rem = 0.0_f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let floor = div.floor();
        if div - floor > 0.5 { floor + 1.0 } else { floor }
    } else {
        0.0_f64.copysign(x / y)
    };
    (floordiv, rem)
}

fn is_odd_integer(x: f64) -> bool {
    // Floats of 2**53 and above are even integers.
    x.is_finite() && x.fract() == 0.0 && (x % 2.0).abs() == 1.0
}

/// `x ** y` with CPython's special cases and errors (`float_pow`).
///
/// A negative base with a non-integer exponent has a `complex` result in CPython,
/// which Typhon cannot represent: that case fails with [`ExcKind::ComplexResult`].
pub fn pow(x: f64, y: f64) -> RtResult<f64> {
    if y == 0.0 {
        return Ok(1.0);
    }
    if x.is_nan() {
        return Ok(x);
    }
    if y.is_nan() {
        return Ok(if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let magnitude = x.abs();
        return Ok(if magnitude == 1.0 {
            1.0
        } else if (y > 0.0) == (magnitude > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(if y > 0.0 {
            if odd { x } else { x.abs() }
        } else if odd {
            0.0_f64.copysign(x)
        } else {
            0.0
        });
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(RuntimeError::zero_division("0.0 cannot be raised to a negative power"));
        }
        return Ok(if is_odd_integer(y) { x } else { 0.0 });
    }
    let mut base = x;
    let mut negate = false;
    if base < 0.0 {
        if y != y.floor() {
            // CPython computes the complex power, whose modulus is |x| ** y; when
            // that overflows it raises instead of returning a complex.
            if (-base).powf(y).is_infinite() {
                return Err(RuntimeError::overflow("complex exponentiation"));
            }
            return Err(RuntimeError::new(
                ExcKind::ComplexResult,
                "a negative number raised to a fractional power is complex, \
                 which Typhon does not support",
            ));
        }
        base = -base;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let result = base.powf(y);
    if result.is_infinite() {
        // CPython reports libm's ERANGE through `PyErr_SetFromErrno`.
        return Err(RuntimeError::overflow("(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -result } else { result })
}

/// `round(x)`: the nearest int, ties to even.
pub fn round_to_int(x: f64) -> RtResult<Int> {
    Int::from_f64(x.round_ties_even())
}

/// `round(x, ndigits)`: correctly rounded from the exact binary value, ties to even,
/// as CPython's `double_round` (dtoa mode 3 then strtod).
pub fn round_digits(x: f64, ndigits: i64) -> RtResult<f64> {
    // Beyond these every float is already exact / rounds to zero (CPython's limits).
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if ndigits > NDIGITS_MAX || !x.is_finite() {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    if x == 0.0 {
        return Ok(x);
    }
    // x * 10**ndigits as an exact fraction num / den, rounded half to even.
    let (mantissa, exponent) = decompose(x.abs());
    let mut num = BigInt::from(mantissa);
    let mut den = BigInt::from(1u8);
    if exponent >= 0 {
        num <<= exponent as u64;
    } else {
        den <<= (-exponent) as u64;
    }
    let ten_pow = num_traits::Pow::pow(BigInt::from(10u8), ndigits.unsigned_abs() as u32);
    if ndigits >= 0 {
        num *= ten_pow;
    } else {
        den *= ten_pow;
    }
    let (mut quotient, remainder) = num.div_rem(&den);
    let twice = remainder << 1u8;
    if twice > den || (twice == den && quotient.is_odd()) {
        quotient += 1u8;
    }
    let rounded: f64 = if quotient.is_zero() {
        0.0
    } else {
        // The decimal string back through a correctly rounded parse: strtod's step.
        format!("{quotient}e{}", -ndigits).parse().unwrap_or(f64::INFINITY)
    };
    if rounded.is_infinite() {
        return Err(RuntimeError::overflow("rounded value too large to represent"));
    }
    Ok(rounded.copysign(x))
}

/// `round(n, ndigits)` for an int: itself for `ndigits >= 0`, else the nearest
/// multiple of `10**-ndigits`, ties to even.
pub fn round_int(value: &Int, ndigits: i64) -> Int {
    if ndigits >= 0 || value.is_zero() {
        return value.clone();
    }
    // 10**k above twice the value rounds everything to zero; deciding that from the
    // bit length keeps `round(x, -10**18)` from building 10**(10**18).
    let k = ndigits.unsigned_abs();
    let max_digits = value.bit_length() * 30103 / 100_000 + 2;
    if k > max_digits {
        return Int::ZERO;
    }
    let big = value.to_bigint();
    let unit = num_traits::Pow::pow(BigInt::from(10u8), k as u32);
    let (mut quotient, remainder) = big.abs().div_rem(&unit);
    let twice = remainder << 1u8;
    if twice > unit || (twice == unit && quotient.is_odd()) {
        quotient += 1u8;
    }
    let magnitude = quotient * unit;
    Int::from_bigint(if big.is_negative() { -magnitude } else { magnitude })
}

/// `x.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0
}

/// `hash(x)`, exactly as CPython's `_Py_HashDouble` for every finite or infinite x:
/// a float equal to an int hashes like that int.
///
/// NaN hashes by object identity since CPython 3.10; this returns 0 for it (3.9's
/// value) and the VM may substitute an identity hash: the value is unobservable in
/// conforming programs, which cannot predict it.
pub fn hash(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (mantissa, exponent) = decompose(x.abs());
    // 2**61 ≡ 1 (mod 2**61 - 1), so 2**e reduces to 2**(e mod 61).
    let shift = exponent.rem_euclid(61) as u32;
    let residue = (u128::from(mantissa % HASH_MODULUS) << shift) % u128::from(HASH_MODULUS);
    let hash = residue as i64;
    let hash = if x < 0.0 { -hash } else { hash };
    if hash == -1 { -2 } else { hash }
}

/// `str(x)` and `repr(x)`: the shortest string that round-trips.
pub fn repr(x: f64) -> String {
    float_text::repr(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_division_and_modulo_match_cpython() {
        assert_eq!(floordiv(7.0, -2.0), Ok(-4.0));
        assert_eq!(modulo(-7.0, 2.0), Ok(1.0));
        assert_eq!(modulo(7.0, -2.0), Ok(-1.0));
        assert!(modulo(-0.0, 1.0).expect("nonzero").is_sign_positive());
        assert!(floordiv(-0.0, 1.0).expect("nonzero").is_sign_negative());
        assert_eq!(divmod(1.0, 0.0).expect_err("zero").message, "float divmod()");
        assert_eq!(modulo(1.0, 0.0).expect_err("zero").message, "float modulo");
        assert_eq!(floordiv(1.0, 0.0).expect_err("zero").message, "float floor division by zero");
        assert_eq!(truediv(1.0, 0.0).expect_err("zero").message, "float division by zero");
    }

    #[test]
    fn pow_special_cases() {
        assert_eq!(pow(0.0, -1.0).expect_err("zero").kind, ExcKind::ZeroDivisionError);
        assert_eq!(pow(-8.0, 0.5).expect_err("complex").kind, ExcKind::ComplexResult);
        assert_eq!(pow(-2.0, 3.0), Ok(-8.0));
        assert_eq!(pow(f64::NAN, 0.0), Ok(1.0));
        assert_eq!(pow(1.0, f64::NAN), Ok(1.0));
        assert_eq!(pow(10.0, 400.0).expect_err("range").kind, ExcKind::OverflowError);
    }

    #[test]
    fn rounding_is_correct_from_the_binary_value() {
        assert_eq!(round_digits(2.675, 2), Ok(2.67));
        assert_eq!(round_digits(0.125, 2), Ok(0.12));
        assert_eq!(round_digits(25.0, -1), Ok(20.0));
        assert!(round_digits(-0.4, 0).expect("finite").is_sign_negative());
        assert_eq!(round_digits(1.7e308, -308).expect_err("too large").kind, ExcKind::OverflowError);
        assert_eq!(round_to_int(2.5), Ok(Int::Small(2)));
        assert_eq!(round_to_int(-0.5), Ok(Int::Small(0)));
        assert_eq!(round_int(&Int::Small(-15), -1), Int::Small(-20));
        assert_eq!(round_int(&Int::Small(12345), -2), Int::Small(12300));
        assert_eq!(round_int(&Int::Small(5), -1), Int::Small(0));
        assert_eq!(round_int(&Int::Small(5), i64::MIN), Int::Small(0));
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash(1.5), 1_152_921_504_606_846_977);
        assert_eq!(hash(-0.5), -1_152_921_504_606_846_976);
        assert_eq!(hash(f64::INFINITY), 314_159);
        assert_eq!(hash(-1.0), -2);
        assert_eq!(hash(1e100), Int::from_f64(1e100).expect("finite").py_hash());
    }
}
