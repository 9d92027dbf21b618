//! The `math` module's functions, with CPython's results and exceptions.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive};

use super::errors::{RtResult, RuntimeError};
use super::int::{Int, MAX_INT_BITS};

pub const PI: f64 = std::f64::consts::PI;
pub const E: f64 = std::f64::consts::E;
pub const TAU: f64 = std::f64::consts::TAU;

fn domain_error() -> RuntimeError {
    RuntimeError::value("math domain error")
}

fn range_error() -> RuntimeError {
    RuntimeError::overflow("math range error")
}

/// CPython's `math_1`: a NaN from a non-NaN argument is a domain error; an infinity
/// from a finite argument is a range error if the function can overflow, else a
/// domain error (`tan`, `log`).
fn checked_unary(x: f64, result: f64, can_overflow: bool) -> RtResult<f64> {
    if result.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if result.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error() } else { domain_error() });
    }
    Ok(result)
}

pub fn sqrt(x: f64) -> RtResult<f64> {
    checked_unary(x, x.sqrt(), false)
}

pub fn exp(x: f64) -> RtResult<f64> {
    checked_unary(x, x.exp(), true)
}

pub fn sin(x: f64) -> RtResult<f64> {
    checked_unary(x, x.sin(), false)
}

pub fn cos(x: f64) -> RtResult<f64> {
    checked_unary(x, x.cos(), false)
}

pub fn tan(x: f64) -> RtResult<f64> {
    checked_unary(x, x.tan(), false)
}

pub fn asin(x: f64) -> RtResult<f64> {
    checked_unary(x, x.asin(), false)
}

pub fn acos(x: f64) -> RtResult<f64> {
    checked_unary(x, x.acos(), false)
}

pub fn atan(x: f64) -> RtResult<f64> {
    checked_unary(x, x.atan(), false)
}

pub fn atan2(y: f64, x: f64) -> f64 {
    y.atan2(x)
}

pub fn fabs(x: f64) -> f64 {
    x.abs()
}

/// `math.hypot(x, y)`.
pub fn hypot(x: f64, y: f64) -> RtResult<f64> {
    let result = x.hypot(y);
    if result.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(result)
}

/// CPython's `m_log`: log of 0 or a negative number is a domain error.
fn log_float(x: f64) -> RtResult<f64> {
    if x <= 0.0 {
        return Err(domain_error());
    }
    if x.is_nan() {
        return Ok(x);
    }
    Ok(x.ln())
}

/// An argument of the logarithms: ints too large for a float still have a logarithm.
#[derive(Clone, Debug)]
pub enum LogArg {
    Float(f64),
    Int(Int),
}

/// CPython's `loghelper`: natural log of an int or float, exact in range for huge ints.
fn log_of(arg: &LogArg, func: fn(f64) -> RtResult<f64>) -> RtResult<f64> {
    match arg {
        LogArg::Float(x) => func(*x),
        LogArg::Int(n) => {
            if n.is_negative() || n.is_zero() {
                return Err(domain_error());
            }
            match n.to_f64() {
                Ok(x) => func(x),
                Err(_) => {
                    // n = m * 2**e with 0.5 <= m < 1: log(n) = log(m) + e * log(2).
                    let bits = n.bit_length();
                    let shift = bits - 64;
                    let top = n.to_bigint() >> shift;
                    let m = top.to_f64().unwrap_or(f64::MAX) / 2f64.powi(64);
                    Ok(func(m)? + (bits as f64) * func(2.0)?)
                }
            }
        }
    }
}

/// `math.log(x)` and `math.log(x, base)`.
pub fn log(x: &LogArg, base: Option<&LogArg>) -> RtResult<f64> {
    let num = log_of(x, log_float)?;
    match base {
        None => Ok(num),
        Some(base) => {
            let den = log_of(base, log_float)?;
            super::float::truediv(num, den)
        }
    }
}

pub fn log2(x: &LogArg) -> RtResult<f64> {
    log_of(x, |x| log_float(x).map(|_| x.log2()))
}

pub fn log10(x: &LogArg) -> RtResult<f64> {
    log_of(x, |x| log_float(x).map(|_| x.log10()))
}

/// `math.pow(x, y)`: unlike `**`, errors are ValueError/OverflowError, never complex.
pub fn pow(x: f64, y: f64) -> RtResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        return Ok(if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd {
                0.0_f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    let result = x.powf(y);
    if result.is_nan() || (result.is_infinite() && x == 0.0) {
        return Err(domain_error());
    }
    if result.is_infinite() {
        return Err(range_error());
    }
    Ok(result)
}

/// `math.floor(x)` for a float: an int.
pub fn floor(x: f64) -> RtResult<Int> {
    Int::from_f64(x.floor())
}

/// `math.ceil(x)` for a float: an int.
pub fn ceil(x: f64) -> RtResult<Int> {
    Int::from_f64(x.ceil())
}

/// `math.trunc(x)` for a float.
pub fn trunc(x: f64) -> RtResult<Int> {
    Int::from_f64(x)
}

/// `math.isqrt(n)`: the floor of the exact square root.
pub fn isqrt(n: &Int) -> RtResult<Int> {
    if n.is_negative() {
        return Err(RuntimeError::value("isqrt() argument must be nonnegative"));
    }
    Ok(Int::from_bigint(n.to_bigint().sqrt()))
}

/// `math.gcd(*integers)`: non-negative; `gcd()` is 0.
pub fn gcd(values: &[Int]) -> Int {
    let mut acc = BigInt::from(0u8);
    for value in values {
        acc = acc.gcd(&value.to_bigint());
    }
    Int::from_bigint(acc)
}

/// `math.lcm(*integers)`: non-negative; `lcm()` is 1.
pub fn lcm(values: &[Int]) -> Int {
    let mut acc = BigInt::from(1u8);
    for value in values {
        acc = acc.lcm(&value.to_bigint()).abs();
    }
    Int::from_bigint(acc)
}

/// `math.factorial(n)`.
pub fn factorial(n: &Int) -> RtResult<Int> {
    if n.is_negative() {
        return Err(RuntimeError::value("factorial() not defined for negative values"));
    }
    // log2(n!) < n * log2(n): refuse results beyond the int size limit up front.
    let Some(count) = n.as_i64().filter(|&v| (v as f64) * (v as f64).log2().max(1.0) < MAX_INT_BITS as f64) else {
        return Err(RuntimeError::memory());
    };
    let mut acc = BigInt::from(1u8);
    for k in 2..=count {
        acc *= k;
    }
    Ok(Int::from_bigint(acc))
}

pub fn isfinite(x: f64) -> bool {
    x.is_finite()
}

pub fn isinf(x: f64) -> bool {
    x.is_infinite()
}

pub fn isnan(x: f64) -> bool {
    x.is_nan()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::ExcKind;

    #[test]
    fn domain_and_range_errors() {
        assert_eq!(sqrt(-1.0).expect_err("domain").message, "math domain error");
        assert_eq!(log(&LogArg::Float(0.0), None).expect_err("domain").message, "math domain error");
        assert_eq!(log(&LogArg::Int(Int::ZERO), None).expect_err("domain").message, "math domain error");
        assert_eq!(exp(1000.0).expect_err("range").kind, ExcKind::OverflowError);
        assert_eq!(pow(-8.0, 1.0 / 3.0).expect_err("domain").message, "math domain error");
        assert_eq!(pow(0.0, -1.0).expect_err("domain").message, "math domain error");
        assert_eq!(sin(f64::INFINITY).expect_err("domain").message, "math domain error");
        assert_eq!(isqrt(&Int::Small(-1)).expect_err("neg").message, "isqrt() argument must be nonnegative");
        assert_eq!(floor(f64::INFINITY).expect_err("inf").message, "cannot convert float infinity to integer");
        let err = log(&LogArg::Float(8.0), Some(&LogArg::Float(1.0))).expect_err("base 1");
        assert_eq!(err.message, "float division by zero");
    }

    #[test]
    fn integer_functions() {
        assert_eq!(isqrt(&Int::Small(99)), Ok(Int::Small(9)));
        assert_eq!(gcd(&[Int::Small(-12), Int::Small(18)]), Int::Small(6));
        assert_eq!(gcd(&[]), Int::ZERO);
        assert_eq!(lcm(&[Int::Small(-4), Int::Small(6)]), Int::Small(12));
        assert_eq!(floor(-1.5), Ok(Int::Small(-2)));
        assert_eq!(ceil(-1.5), Ok(Int::Small(-1)));
        assert_eq!(factorial(&Int::Small(20)), Ok(Int::Small(2_432_902_008_176_640_000)));
        let big = Int::from_bigint(BigInt::from(10u8).pow(400u32));
        let ln = log(&LogArg::Int(big), None).expect("positive");
        assert!((ln - 400.0 * 10f64.ln()).abs() < 1e-9);
    }
}
