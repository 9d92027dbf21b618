//! The bytecode format, its verifier, the linker, the runtime and the interpreter.
