//! Runtime operations on `int`, `float` and `str` with CPython 3.11's exact results
//! and exceptions. Pure functions: the interpreter supplies the values, this module
//! never allocates Python objects or touches global state.

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
mod unicode_case_tables;
mod unicode_props_tables;

pub use errors::{ExcKind, RtResult, RuntimeError};
pub use format::{format_bool, format_float, format_int, format_str};
pub use int::{HASH_INF, HASH_MODULUS, Int, IntPow, MAX_INT_BITS};
pub use int_text::{IntStrLimit, parse_int};
pub use slice::{SliceIndices, resolve_index};
pub use str_format::{Conversion, FieldAccess, FieldKey, FormatArgs, format_template};
pub use strings::{MAX_STR_BYTES, PyStr, chr, repr_str};

/// Float operations: `runtime::float_ops::floordiv(x, y)`, `repr`, `parse`, `round`.
pub mod float_ops {
    pub use super::float::{
        divmod, floordiv, hash, is_integer, ldexp, modulo, pow, repr, round_digits, round_int,
        round_to_int, truediv,
    };
    pub use super::float_text::parse_float;
}

/// `str` methods that work on plain `&str` (those needing code-point positions are
/// methods of [`PyStr`](super::PyStr)).
pub mod str_ops {
    pub use super::str_methods::*;
}

/// Python's character classes, for the VM's own needs (`str.isidentifier` aside).
pub mod chars {
    pub use super::unicode::{
        decimal_value, is_alnum, is_alpha, is_case_ignorable, is_cased, is_decimal, is_digit,
        is_lower, is_numeric, is_printable, is_space, is_title, is_upper,
    };
}
