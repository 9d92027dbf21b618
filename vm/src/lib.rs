//! The bytecode format, its verifier, the linker, the runtime and the interpreter.
//!
//! [`runtime`] holds the pure operations on ints, floats and strs that the interpreter
//! calls, each returning CPython 3.11's exact result or exception.

pub mod runtime;

mod builtins;
pub mod bytecode;
mod calls;
pub mod disasm;
#[macro_use]
mod interp_macros;
mod interp;
mod interp_cold;
mod iter;
mod keyed;
mod link;
mod methods;
mod ops;
mod value;
pub mod verify;

pub use link::{FUEL_EXHAUSTED, LinkError, LoadedModule, Program, RunOptions, SourceFiles};
