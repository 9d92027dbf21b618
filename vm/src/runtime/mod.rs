//! Runtime operations on `int`, `float` and `str` with CPython 3.11's exact results
//! and exceptions. Pure functions: the interpreter supplies the values, this module
//! never allocates Python objects or touches global state.
//!
//! Every fallible operation returns [`RtResult`]: a [`RuntimeError`] names the Python
//! exception class ([`ExcKind`]) and carries CPython's exact message. Nothing panics,
//! whatever the input (`tests/robustness.rs`); `tests/diff_*.rs` compare tens of
//! thousands of results with python3 itself.
//!
//! Decisions:
//! - Digits of floats come from Rust's std formatting (shortest round-trip `{:e}`,
//!   correctly rounded `{:.N}`); only the layout is CPython's (`float_text`).
//! - Character classes and case mappings come from tables generated from CPython
//!   3.11's own database (Unicode 14.0) by `vm/tools/gen_unicode_tables.py`, because
//!   Rust's `char` methods and the Unicode crates use other definitions and versions.
//! - Configuration is passed in, never global: [`IntStrLimit`] is the interpreter's
//!   `sys.set_int_max_str_digits` value.
//!
//! Limits and deviations from CPython, all deliberate:
//! - Results that would exceed [`MAX_INT_BITS`] (512 MiB ints: `10 ** 10 ** 10`,
//!   `1 << 2 ** 40`) or [`MAX_STR_BYTES`] (1 GiB strings: `'a' * 2 ** 40`, huge format
//!   widths) raise `MemoryError` at once; CPython would try, and hang or run out of
//!   memory.
//! - A negative float to a fractional power is a `complex` in CPython; Typhon has no
//!   complex type and raises [`ExcKind::ComplexResult`] (printed as `ValueError`).
//!   When the complex result would overflow, CPython's own `OverflowError: complex
//!   exponentiation` is raised, as in CPython.
//! - Strings are UTF-8, so lone surrogates (`chr(0xD800)`, `format(0xD800, 'c')`)
//!   raise `ValueError` instead of building a string.
//! - `hash(float('nan'))` is 0 here; CPython 3.10+ hashes NaN by identity (the VM may
//!   substitute one; no conforming program can observe the value).
//! - Index-like arguments are taken as `i64`: use [`Int::to_index`] (subscripts),
//!   [`Int::to_ssize`] (counts, widths) or [`Int::to_i64_saturating`] (slice bounds,
//!   `round`'s ndigits, `int()`'s base: CPython clamps those) to get CPython's
//!   conversion errors.

mod errors;
mod float;
mod float_text;
mod format;
mod int;
mod int_text;
pub mod math;
mod slice;
mod str_format;
mod str_methods;
mod strings;
mod unicode;
// Generated tables keep the generator's dense layout.
#[rustfmt::skip]
mod unicode_case_tables;
#[rustfmt::skip]
mod unicode_props_tables;

pub use errors::{ExcKind, RtResult, RuntimeError};
pub use format::{format_bool, format_float, format_int, format_str};
pub use int::{HASH_INF, HASH_MODULUS, Int, IntPow, MAX_INT_BITS};
pub use int_text::{IntStrLimit, decimal_text, parse_int, push_decimal};
pub use slice::{SliceIndices, resolve_index};
pub use str_format::{Conversion, FieldAccess, FieldKey, FormatArgs, format_template};
pub use strings::{MAX_STR_BYTES, PyStr, ascii_str, chr, chr_int, escape_non_ascii, repr_str};

/// Float operations: `runtime::float_ops::floordiv(x, y)`, `repr`, `parse`, `round`.
pub mod float_ops {
    pub use super::float::{
        divmod, floordiv, hash, is_integer, ldexp, modulo, pow, repr, round_digits, round_int, round_to_int, truediv,
    };
    pub use super::float_text::parse_float;
}

/// `str` methods that work on plain `&str` (those needing code-point positions are
/// methods of [`PyStr`]).
pub mod str_ops {
    pub use super::str_methods::*;
}

/// Python's character classes, for the VM's own needs (`str.isidentifier` aside).
pub mod chars {
    pub use super::unicode::{
        decimal_value, is_alnum, is_alpha, is_case_ignorable, is_cased, is_decimal, is_digit, is_lower, is_numeric,
        is_printable, is_space, is_title, is_upper,
    };
}
