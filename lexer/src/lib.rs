//! Source text → tokens with byte spans, as CPython 3.11's tokenizer would produce them
//! for the Typhon subset: INDENT/DEDENT, implicit and explicit line joining, every
//! numeric and string literal form, and f-strings split into pieces.
//!
//! Lexing never fails: problems become diagnostics and `Error` tokens.

mod token;

pub use token::{IntValue, Lexed, Token, TokenKind, TokenValue};
