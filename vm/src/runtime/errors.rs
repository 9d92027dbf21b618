//! The exceptions that runtime operations raise: CPython's class and exact message.

use std::fmt;

/// The built-in exception classes that the runtime operations can raise.
///
/// The names are CPython's, so `Display` gives the text of the traceback's last line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExcKind {
    ValueError,
    TypeError,
    ZeroDivisionError,
    OverflowError,
    IndexError,
    KeyError,
    /// Raised where CPython would run out of memory (or spend hours) building a result,
    /// such as `10 ** 10 ** 10` or `1 << 2 ** 40`; see [`crate::runtime::int::MAX_INT_BITS`].
    MemoryError,
    /// A negative float raised to a fractional power: CPython returns a `complex`,
    /// which Typhon cannot represent, so the operation fails instead (see
    /// [`crate::runtime::float::pow`]). Displayed as `ValueError`, the closest stable
    /// class, but kept distinct so the VM can say why.
    ComplexResult,
}

impl ExcKind {
    /// The Python class name, as printed in a traceback.
    pub fn class_name(self) -> &'static str {
        match self {
            ExcKind::ValueError | ExcKind::ComplexResult => "ValueError",
            ExcKind::TypeError => "TypeError",
            ExcKind::ZeroDivisionError => "ZeroDivisionError",
            ExcKind::OverflowError => "OverflowError",
            ExcKind::IndexError => "IndexError",
            ExcKind::KeyError => "KeyError",
            ExcKind::MemoryError => "MemoryError",
        }
    }
}

impl fmt::Display for ExcKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.class_name())
    }
}

/// A Python exception raised by a runtime operation: its class and `str(exc)`.
///
/// For `KeyError` the message is already the `repr` of the key, as CPython prints it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{kind}: {message}")]
pub struct RuntimeError {
    pub kind: ExcKind,
    pub message: String,
}

impl RuntimeError {
    pub fn new(kind: ExcKind, message: impl Into<String>) -> Self {
        RuntimeError { kind, message: message.into() }
    }

    pub fn value(message: impl Into<String>) -> Self {
        Self::new(ExcKind::ValueError, message)
    }

    pub fn type_error(message: impl Into<String>) -> Self {
        Self::new(ExcKind::TypeError, message)
    }

    pub fn zero_division(message: impl Into<String>) -> Self {
        Self::new(ExcKind::ZeroDivisionError, message)
    }

    pub fn overflow(message: impl Into<String>) -> Self {
        Self::new(ExcKind::OverflowError, message)
    }

    pub fn index(message: impl Into<String>) -> Self {
        Self::new(ExcKind::IndexError, message)
    }

    /// CPython's `MemoryError()` has an empty message.
    pub fn memory() -> Self {
        Self::new(ExcKind::MemoryError, "")
    }

    /// The line a traceback ends with: `ValueError: message`, or just the class name
    /// when the message is empty, as CPython prints it.
    pub fn traceback_line(&self) -> String {
        if self.message.is_empty() {
            self.kind.class_name().to_owned()
        } else {
            format!("{}: {}", self.kind.class_name(), self.message)
        }
    }
}

/// The result type of every fallible runtime operation.
pub type RtResult<T> = Result<T, RuntimeError>;
