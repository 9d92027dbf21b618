//! Python's `int`: an i64 fast path that promotes to a big integer instead of wrapping.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::errors::{RtResult, RuntimeError};
use super::float;

/// The largest int, in bits, that an operation may build (512 MiB of digits).
///
/// CPython has no such limit: `10 ** 10 ** 10` or `1 << 2 ** 40` run until memory runs
/// out and then raise `MemoryError`. Typhon raises `MemoryError` up front instead, for
/// `**`, `<<` and `pow(a, b, m)` inputs whose result would certainly be larger, so a
/// runaway program fails fast and the same way on every machine.
pub const MAX_INT_BITS: u64 = 1 << 32;

/// `sys.hash_info.modulus`: hashes of numbers are reduced modulo this Mersenne prime.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.inf`: the hash of `float('inf')` (negated for `-inf`).
pub const HASH_INF: i64 = 314_159;

/// A Python `int`.
///
/// Invariant: `Big` holds only values that do not fit in an `i64`, so two equal ints
/// always have the same variant and `Small` arithmetic is the common case. Build big
/// values with [`Int::from_bigint`], which keeps it; equality relies on it.
#[derive(Clone)]
pub enum Int {
    Small(i64),
    Big(Rc<BigInt>),
}

// The VM stores ints inline in its values: keep the enum two words wide.
const _: () = assert!(std::mem::size_of::<Int>() == 16);

/// The result of `int ** int`: an int for a non-negative exponent, a float otherwise.
#[derive(Clone, Debug, PartialEq)]
pub enum IntPow {
    Int(Int),
    Float(f64),
}

impl Int {
    pub const ZERO: Int = Int::Small(0);
    pub const ONE: Int = Int::Small(1);

    /// Wraps a big integer, demoting it to `Small` when it fits (the invariant).
    pub fn from_bigint(value: BigInt) -> Int {
        match value.to_i64() {
            Some(small) => Int::Small(small),
            None => Int::Big(Rc::new(value)),
        }
    }

    /// The value as a big integer (allocates for `Small`).
    pub fn to_bigint(&self) -> BigInt {
        match self {
            Int::Small(v) => BigInt::from(*v),
            Int::Big(b) => (**b).clone(),
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Int::Small(v) => Some(*v),
            Int::Big(_) => None,
        }
    }

    /// The value clamped to the i64 range, as CPython's `PyNumber_AsSsize_t(x, NULL)`
    /// does for arguments such as `round`'s `ndigits` or `int()`'s `base`.
    pub fn to_i64_saturating(&self) -> i64 {
        match self {
            Int::Small(v) => *v,
            Int::Big(b) if b.is_negative() => i64::MIN,
            Int::Big(_) => i64::MAX,
        }
    }

    /// The value as a Py_ssize_t-sized argument (a width, a count, `chr`'s code),
    /// or CPython's OverflowError.
    pub fn to_ssize(&self) -> RtResult<i64> {
        self.as_i64().ok_or_else(|| RuntimeError::overflow("Python int too large to convert to C ssize_t"))
    }

    /// The value as a subscript (`s[i]`), or CPython's IndexError for a huge one.
    pub fn to_index(&self) -> RtResult<i64> {
        self.as_i64().ok_or_else(|| RuntimeError::index("cannot fit 'int' into an index-sized integer"))
    }

    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0))
    }

    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(v) => *v < 0,
            Int::Big(b) => b.is_negative(),
        }
    }

    /// `int.bit_length()`: the number of bits of `abs(self)`.
    pub fn bit_length(&self) -> u64 {
        match self {
            Int::Small(v) => u64::from(64 - v.unsigned_abs().leading_zeros()),
            Int::Big(b) => b.bits(),
        }
    }

    pub fn add(&self, other: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            if let Some(sum) = a.checked_add(*b) {
                return Int::Small(sum);
            }
            return Int::from_bigint(BigInt::from(*a) + *b);
        }
        Int::from_bigint(big_ref(self).as_ref() + big_ref(other).as_ref())
    }

    pub fn sub(&self, other: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            if let Some(diff) = a.checked_sub(*b) {
                return Int::Small(diff);
            }
            return Int::from_bigint(BigInt::from(*a) - *b);
        }
        Int::from_bigint(big_ref(self).as_ref() - big_ref(other).as_ref())
    }

    pub fn mul(&self, other: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            if let Some(product) = a.checked_mul(*b) {
                return Int::Small(product);
            }
            return Int::from_bigint(BigInt::from(*a) * *b);
        }
        Int::from_bigint(big_ref(self).as_ref() * big_ref(other).as_ref())
    }

    pub fn neg(&self) -> Int {
        match self {
            Int::Small(v) => match v.checked_neg() {
                Some(n) => Int::Small(n),
                None => Int::from_bigint(-BigInt::from(*v)),
            },
            Int::Big(b) => Int::from_bigint(-(**b).clone()),
        }
    }

    pub fn abs(&self) -> Int {
        if self.is_negative() { self.neg() } else { self.clone() }
    }

    /// `~x`, which is `-(x + 1)` for every Python int.
    pub fn invert(&self) -> Int {
        match self {
            Int::Small(v) => Int::Small(!v),
            Int::Big(b) => Int::from_bigint(!(**b).clone()),
        }
    }

    /// `a // b`, rounding toward minus infinity.
    pub fn floordiv(&self, other: &Int) -> RtResult<Int> {
        Ok(self.divmod(other)?.0)
    }

    /// `a % b`, with the sign of `b`.
    pub fn modulo(&self, other: &Int) -> RtResult<Int> {
        if other.is_zero() {
            return Err(RuntimeError::zero_division("integer modulo by zero"));
        }
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            // `i64::MIN % -1` overflows in Rust although the answer (0) fits.
            if *b == -1 {
                return Ok(Int::ZERO);
            }
            return Ok(Int::Small(a.mod_floor(b)));
        }
        Ok(Int::from_bigint(big_ref(self).mod_floor(&big_ref(other))))
    }

    /// `divmod(a, b)`: the floored quotient and the remainder with the sign of `b`.
    pub fn divmod(&self, other: &Int) -> RtResult<(Int, Int)> {
        if other.is_zero() {
            return Err(RuntimeError::zero_division("integer division or modulo by zero"));
        }
        if let (Int::Small(a), Int::Small(b)) = (self, other)
            && !(*a == i64::MIN && *b == -1)
        {
            let (q, r) = a.div_mod_floor(b);
            return Ok((Int::Small(q), Int::Small(r)));
        }
        let (q, r) = big_ref(self).div_mod_floor(&big_ref(other));
        Ok((Int::from_bigint(q), Int::from_bigint(r)))
    }

    /// `a / b`: the correctly rounded float quotient, even when the operands are too
    /// large to be floats themselves (CPython's `long_true_divide`).
    pub fn truediv(&self, other: &Int) -> RtResult<f64> {
        if other.is_zero() {
            return Err(RuntimeError::zero_division("division by zero"));
        }
        // Both operands exact as doubles: one IEEE division is correctly rounded.
        const EXACT: i64 = 1 << 53;
        if let (Int::Small(a), Int::Small(b)) = (self, other)
            && (-EXACT..=EXACT).contains(a)
            && (-EXACT..=EXACT).contains(b)
        {
            return Ok(*a as f64 / *b as f64);
        }
        let negate = self.is_negative() != other.is_negative();
        let a = self.to_bigint().magnitude().clone();
        let b = other.to_bigint().magnitude().clone();
        let signed = |x: f64| if negate { -x } else { x };
        if a.is_zero() {
            return Ok(signed(0.0));
        }
        const MANT_DIG: i64 = 53;
        const MIN_EXP: i64 = -1021;
        const MAX_EXP: i64 = 1024;
        let too_large = || RuntimeError::overflow("integer division result too large for a float");
        let diff = a.bits() as i64 - b.bits() as i64;
        if diff > MAX_EXP {
            return Err(too_large());
        }
        if diff < MIN_EXP - MANT_DIG - 2 {
            return Ok(signed(0.0));
        }
        // Scale `a` so the quotient has MANT_DIG + 2 or + 3 bits (fewer for
        // subnormal results), remember whether anything inexact was dropped, then
        // round the quotient once, half to even, exactly as CPython does.
        let shift = diff.max(MIN_EXP) - MANT_DIG - 2;
        let mut inexact = false;
        let scaled = if shift >= 0 {
            let shift_u = shift as u64;
            if a.trailing_zeros().unwrap_or(0) < shift_u {
                inexact = true;
            }
            &a >> shift_u
        } else {
            &a << ((-shift) as u64)
        };
        let (quotient, remainder) = scaled.div_rem(&b);
        if !remainder.is_zero() {
            inexact = true;
        }
        let q_bits = quotient.bits() as i64;
        let extra_bits = q_bits.max(MIN_EXP - shift) - MANT_DIG;
        let Some(mut q) = quotient.to_u64() else {
            return Err(too_large());
        };
        let mask = 1u64 << (extra_bits - 1);
        let low = q | u64::from(inexact);
        if (low & mask) != 0 && (low & (3 * mask - 1)) != 0 {
            q += mask;
        }
        q &= !(2 * mask - 1);
        let dx = q as f64;
        if shift + q_bits >= MAX_EXP && (shift + q_bits > MAX_EXP || dx == float::ldexp(1.0, q_bits)) {
            return Err(too_large());
        }
        Ok(signed(float::ldexp(dx, shift)))
    }

    /// `a ** b`: an int for `b >= 0`, otherwise the float power of both as floats.
    pub fn pow(&self, exponent: &Int) -> RtResult<IntPow> {
        if exponent.is_negative() {
            return Ok(IntPow::Float(float::pow(self.to_f64()?, exponent.to_f64()?)?));
        }
        Ok(IntPow::Int(self.pow_nonnegative(exponent)?))
    }

    fn pow_nonnegative(&self, exponent: &Int) -> RtResult<Int> {
        // Bases 0, 1 and -1 never grow, whatever the exponent's size.
        match self {
            Int::Small(0) => return Ok(if exponent.is_zero() { Int::ONE } else { Int::ZERO }),
            Int::Small(1) => return Ok(Int::ONE),
            Int::Small(-1) => {
                let odd = exponent.is_odd();
                return Ok(Int::Small(if odd { -1 } else { 1 }));
            }
            _ => {}
        }
        let Some(exp) = exponent.as_i64().and_then(|e| u32::try_from(e).ok()) else {
            return Err(RuntimeError::memory());
        };
        let min_bits = (self.bit_length() - 1).saturating_mul(u64::from(exp)).saturating_add(1);
        if min_bits > MAX_INT_BITS {
            return Err(RuntimeError::memory());
        }
        if let Int::Small(base) = self
            && let Some(v) = base.checked_pow(exp)
        {
            return Ok(Int::Small(v));
        }
        Ok(Int::from_bigint(num_traits::Pow::pow(self.to_bigint(), exp)))
    }

    fn is_odd(&self) -> bool {
        match self {
            Int::Small(v) => v & 1 == 1,
            Int::Big(b) => b.is_odd(),
        }
    }

    /// `pow(base, exp, mod)`, including a negative `exp` (the modular inverse, 3.8+).
    pub fn pow_mod(&self, exponent: &Int, modulus: &Int) -> RtResult<Int> {
        if modulus.is_zero() {
            return Err(RuntimeError::value("pow() 3rd argument cannot be 0"));
        }
        let m = modulus.to_bigint();
        let m_abs = m.abs();
        let mut base = self.to_bigint().mod_floor(&m_abs);
        let mut exp = exponent.to_bigint();
        if exp.is_negative() {
            base = match base.modinv(&m_abs) {
                Some(inverse) => inverse,
                // With |m| == 1 everything is 0 mod 1, and CPython answers 0.
                None if m_abs.is_one() => BigInt::zero(),
                None => {
                    return Err(RuntimeError::value("base is not invertible for the given modulus"));
                }
            };
            exp = -exp;
        }
        let mut result = if m_abs.is_one() { BigInt::zero() } else { base.modpow(&exp, &m_abs) };
        // The result takes the sign of the modulus, like `%`.
        if m.is_negative() && !result.is_zero() {
            result -= &m_abs;
        }
        Ok(Int::from_bigint(result))
    }

    /// `a << n`.
    pub fn shl(&self, count: &Int) -> RtResult<Int> {
        if count.is_negative() {
            return Err(RuntimeError::value("negative shift count"));
        }
        if self.is_zero() {
            return Ok(Int::ZERO);
        }
        // CPython's digit count overflows Py_ssize_t first for absurd counts
        // (`1 << 10**20`); smaller but still impossible counts exhaust memory.
        let count_big = count.to_bigint();
        let max_digits = (i64::MAX as u64 - 24) / 4;
        let word_shift = &count_big / 30u32;
        let size = self.bit_length().div_ceil(30);
        if word_shift + size + 1u32 > BigInt::from(max_digits) {
            return Err(RuntimeError::overflow("too many digits in integer"));
        }
        let Some(n) = count.as_i64().map(|n| n as u64) else {
            return Err(RuntimeError::memory());
        };
        if self.bit_length().saturating_add(n) > MAX_INT_BITS {
            return Err(RuntimeError::memory());
        }
        if let Int::Small(v) = self
            && n < 64
            && let Ok(small) = i64::try_from(i128::from(*v) << n)
        {
            return Ok(Int::Small(small));
        }
        Ok(Int::from_bigint(self.to_bigint() << n))
    }

    /// `a >> n`, rounding toward minus infinity.
    pub fn shr(&self, count: &Int) -> RtResult<Int> {
        if count.is_negative() {
            return Err(RuntimeError::value("negative shift count"));
        }
        let n = match count.as_i64() {
            Some(n) if (n as u64) < self.bit_length() => n as u64,
            _ => return Ok(Int::Small(if self.is_negative() { -1 } else { 0 })),
        };
        match self {
            // Arithmetic shift of i64 floors, as Python does.
            Int::Small(v) => Ok(Int::Small(v >> n)),
            Int::Big(b) => Ok(Int::from_bigint(&**b >> n)),
        }
    }

    pub fn bitand(&self, other: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            return Int::Small(a & b);
        }
        Int::from_bigint(big_ref(self).as_ref() & big_ref(other).as_ref())
    }

    pub fn bitor(&self, other: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            return Int::Small(a | b);
        }
        Int::from_bigint(big_ref(self).as_ref() | big_ref(other).as_ref())
    }

    pub fn bitxor(&self, other: &Int) -> Int {
        if let (Int::Small(a), Int::Small(b)) = (self, other) {
            return Int::Small(a ^ b);
        }
        Int::from_bigint(big_ref(self).as_ref() ^ big_ref(other).as_ref())
    }

    /// `float(x)`: correctly rounded (half to even), or CPython's OverflowError.
    pub fn to_f64(&self) -> RtResult<f64> {
        let big = match self {
            Int::Small(v) => return Ok(*v as f64),
            Int::Big(b) => b,
        };
        let magnitude = big.magnitude();
        let bits = magnitude.bits();
        // Keep the top 64 bits and fold everything below into a sticky bit: the
        // u64 → f64 conversion then rounds exactly as the full value would.
        let shift = bits.saturating_sub(64);
        let mut top = (magnitude >> shift).to_u64().unwrap_or(u64::MAX);
        if magnitude.trailing_zeros().unwrap_or(0) < shift {
            top |= 1;
        }
        let value = float::ldexp(top as f64, shift as i64);
        if value.is_infinite() {
            return Err(RuntimeError::overflow("int too large to convert to float"));
        }
        Ok(if big.is_negative() { -value } else { value })
    }

    /// `int(x)` for a float: truncation toward zero.
    pub fn from_f64(value: f64) -> RtResult<Int> {
        if value.is_nan() {
            return Err(RuntimeError::value("cannot convert float NaN to integer"));
        }
        if value.is_infinite() {
            return Err(RuntimeError::overflow("cannot convert float infinity to integer"));
        }
        let truncated = value.trunc();
        // 2**63: below it the truncated value fits an i64 exactly.
        if truncated.abs() < 9_223_372_036_854_775_808.0 {
            return Ok(Int::Small(truncated as i64));
        }
        let (mantissa, exponent) = float::decompose(truncated);
        let magnitude = BigInt::from(mantissa) << (exponent as u64);
        Ok(Int::from_bigint(if value < 0.0 { -magnitude } else { magnitude }))
    }

    /// Exact comparison with a float (`2**53 + 1 > 2.0**53`); `None` against a NaN.
    pub fn cmp_f64(&self, other: f64) -> Option<Ordering> {
        if other.is_nan() {
            return None;
        }
        if other.is_infinite() {
            return Some(if other > 0.0 { Ordering::Less } else { Ordering::Greater });
        }
        if let Int::Small(v) = self
            && v.unsigned_abs() <= 1 << 53
        {
            return (*v as f64).partial_cmp(&other);
        }
        // Compare with the float's integer part exactly; a fractional part decides ties.
        let truncated = other.trunc();
        let whole = Int::from_f64(truncated).ok()?;
        Some(self.cmp(&whole).then_with(|| {
            if other > truncated {
                Ordering::Less
            } else if other < truncated {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        }))
    }

    /// `hash(x)`, exactly as CPython: `x mod (2**61 - 1)` with the sign kept, and -1
    /// (reserved for errors in C) replaced by -2.
    pub fn py_hash(&self) -> i64 {
        let (negative, residue) = match self {
            Int::Small(v) => (*v < 0, v.unsigned_abs() % HASH_MODULUS),
            Int::Big(b) => {
                let residue = (b.magnitude() % HASH_MODULUS).to_u64().unwrap_or(0);
                (b.is_negative(), residue)
            }
        };
        let hash = if negative { -(residue as i64) } else { residue as i64 };
        if hash == -1 { -2 } else { hash }
    }

    /// `bool(x)`.
    pub fn is_truthy(&self) -> bool {
        !self.is_zero()
    }
}

/// Borrows the big value, or builds one for a small int (cheaper than cloning a Big).
fn big_ref(value: &Int) -> std::borrow::Cow<'_, BigInt> {
    match value {
        Int::Small(v) => std::borrow::Cow::Owned(BigInt::from(*v)),
        Int::Big(b) => std::borrow::Cow::Borrowed(b),
    }
}

impl From<i64> for Int {
    fn from(value: i64) -> Int {
        Int::Small(value)
    }
}

impl From<BigInt> for Int {
    fn from(value: BigInt) -> Int {
        Int::from_bigint(value)
    }
}

impl PartialEq for Int {
    fn eq(&self, other: &Int) -> bool {
        match (self, other) {
            (Int::Small(a), Int::Small(b)) => a == b,
            (Int::Big(a), Int::Big(b)) => a == b,
            // The invariant makes a Small never equal to a Big.
            _ => false,
        }
    }
}

impl Eq for Int {}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Int) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Int {
    fn cmp(&self, other: &Int) -> Ordering {
        match (self, other) {
            (Int::Small(a), Int::Small(b)) => a.cmp(b),
            (Int::Big(a), Int::Big(b)) => a.cmp(b),
            // A Big lies outside the i64 range, on the side of its sign.
            (Int::Small(_), Int::Big(b)) => {
                if b.is_negative() {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (Int::Big(a), Int::Small(_)) => {
                if a.is_negative() {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
        }
    }
}

impl Hash for Int {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.py_hash());
    }
}

/// The decimal digits, without CPython's digit limit (use
/// [`Int::to_decimal_string`](crate::runtime::Int::to_decimal_string) for `str()`).
impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Int::Small(v) => write!(f, "{v}"),
            Int::Big(b) => write!(f, "{b}"),
        }
    }
}

impl fmt::Debug for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(text: &str) -> Int {
        Int::from_bigint(text.parse::<BigInt>().expect("test literal"))
    }

    #[test]
    fn small_overflow_promotes_instead_of_wrapping() {
        let max = Int::Small(i64::MAX);
        assert_eq!(max.add(&Int::ONE), int("9223372036854775808"));
        assert_eq!(Int::Small(i64::MIN).neg(), int("9223372036854775808"));
        assert_eq!(max.mul(&max), int("85070591730234615847396907784232501249"));
        assert_eq!(int("9223372036854775808").sub(&Int::ONE), Int::Small(i64::MAX));
        assert!(matches!(int("9223372036854775808").sub(&Int::ONE), Int::Small(_)));
    }

    #[test]
    fn floor_division_and_modulo_follow_the_divisor_sign() {
        let cases = [(7, 2, 3, 1), (-7, 2, -4, 1), (7, -2, -4, -1), (-7, -2, 3, -1)];
        for (a, b, q, r) in cases {
            let (got_q, got_r) = Int::Small(a).divmod(&Int::Small(b)).expect("nonzero");
            assert_eq!((got_q, got_r), (Int::Small(q), Int::Small(r)), "{a} divmod {b}");
        }
        let (q, r) = Int::Small(i64::MIN).divmod(&Int::Small(-1)).expect("nonzero");
        assert_eq!((q, r), (int("9223372036854775808"), Int::ZERO));
        let err = Int::ONE.floordiv(&Int::ZERO).expect_err("zero");
        assert_eq!(err.message, "integer division or modulo by zero");
        let err = Int::ONE.modulo(&Int::ZERO).expect_err("zero");
        assert_eq!(err.message, "integer modulo by zero");
    }

    #[test]
    fn true_division_is_correctly_rounded() {
        let big = Int::from_bigint(num_traits::Pow::pow(BigInt::from(10), 400u32));
        let smaller = Int::from_bigint(num_traits::Pow::pow(BigInt::from(10), 399u32));
        assert_eq!(big.truediv(&smaller), Ok(10.0));
        assert_eq!(
            big.truediv(&Int::ONE).expect_err("too large").message,
            "integer division result too large for a float"
        );
        assert_eq!(Int::ZERO.truediv(&Int::Small(-5)).map(f64::is_sign_negative), Ok(true));
        assert_eq!(Int::ONE.truediv(&big), Ok(0.0));
    }

    #[test]
    fn pow_handles_signs_and_limits() {
        assert_eq!(Int::Small(2).pow(&Int::Small(-1)), Ok(IntPow::Float(0.5)));
        let err = Int::ZERO.pow(&Int::Small(-1)).expect_err("0 ** -1");
        assert_eq!(err.message, "0.0 cannot be raised to a negative power");
        let huge = int("10000000000");
        assert_eq!(Int::Small(10).pow(&huge).expect_err("too big").kind, super::super::ExcKind::MemoryError);
        assert_eq!(Int::Small(-1).pow(&huge), Ok(IntPow::Int(Int::ONE)));
        assert_eq!(Int::Small(3).pow_mod(&Int::Small(-2), &Int::Small(7)), Ok(Int::Small(4)));
        assert_eq!(Int::Small(-3).pow_mod(&Int::Small(-1), &Int::Small(-7)), Ok(Int::Small(-5)));
        assert_eq!(Int::Small(2).pow_mod(&Int::Small(-1), &Int::Small(1)), Ok(Int::ZERO));
        let err = Int::Small(2).pow_mod(&Int::Small(-1), &Int::Small(4)).expect_err("no inverse");
        assert_eq!(err.message, "base is not invertible for the given modulus");
    }

    #[test]
    fn shifts_floor_and_reject_negative_counts() {
        assert_eq!(Int::Small(-5).shr(&Int::ONE), Ok(Int::Small(-3)));
        assert_eq!(Int::Small(-1).shr(&int("1180591620717411303424")), Ok(Int::Small(-1)));
        assert_eq!(Int::ONE.shl(&Int::Small(64)), Ok(int("18446744073709551616")));
        assert_eq!(Int::ONE.shl(&Int::Small(-1)).expect_err("neg").message, "negative shift count");
        assert_eq!(
            Int::ONE.shl(&int("100000000000000000000")).expect_err("huge").message,
            "too many digits in integer"
        );
    }

    #[test]
    fn float_conversions_and_comparisons_are_exact() {
        let two_53_plus_1 = Int::Small((1 << 53) + 1);
        assert_eq!(two_53_plus_1.cmp_f64(9_007_199_254_740_992.0), Some(Ordering::Greater));
        assert_eq!(Int::Small(1).cmp_f64(f64::NAN), None);
        assert_eq!(Int::from_f64(-2.7), Ok(Int::Small(-2)));
        assert_eq!(Int::from_f64(1e20), Ok(int("100000000000000000000")));
        assert_eq!(Int::from_f64(f64::NAN).expect_err("nan").message, "cannot convert float NaN to integer");
        assert_eq!(int("9007199254740993").to_f64(), Ok(9_007_199_254_740_992.0));
    }

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(Int::Small(-1).py_hash(), -2);
        assert_eq!(int("2305843009213693951").py_hash(), 0);
        assert_eq!(int("-2305843009213693952").py_hash(), -2);
    }
}
