//! Source text → tokens with byte spans, as CPython 3.11's tokenizer would produce them
//! for the Typhon subset: INDENT/DEDENT, implicit and explicit line joining, every
//! numeric and string literal form, and f-strings split into pieces.
//!
//! Lexing never fails: problems become diagnostics and `Error` tokens.
//!
//! # What the parser can rely on
//!
//! - The stream ends with `EndOfFile`, preceded by a `Newline` if the last logical line
//!   has tokens and by one `Dedent` per open `Indent`. `Indent`s and `Dedent`s balance
//!   even after indentation errors (recovery levels emit neither).
//! - `Newline`, `Indent` and `Dedent` never occur inside brackets or f-strings. An
//!   unclosed bracket followed by a line that clearly starts a statement (`def`,
//!   `return`, ... at or left of the opening line's indentation) is reported as
//!   "never closed" and the brackets are dropped, so the statement lexes normally.
//! - Every `FStringStart` has its `FStringEnd`. In between: `FStringMiddle` (decoded
//!   text, never empty) and replacement fields `Lbrace expr [Equal] [Exclamation Name]
//!   [Colon (FStringMiddle | field)*] Rbrace`. The self-documenting text of `{x = }` is
//!   the source between the `Lbrace` and the token after the `Equal`.
//! - Reported here, so the parser should not report them again: everything lexical,
//!   including bracket mismatches, empty f-string expressions ("expression required
//!   before '!'"), a space between `!` and the conversion or after it, and format specs
//!   nested too deeply. Left to the parser: that the conversion is `s`, `r` or `a`, and
//!   that `!` / `=` sit where the grammar allows them.
//! - Literals outside the subset are reported as `unsupported` but still produce the
//!   token the parser expects, to avoid a second error: `1j` is a `Float` (its imaginary
//!   part), `b"..."` a `String` (decoded as text), and a lone surrogate escape becomes
//!   U+FFFD in its `String`.
//! - Malformed text (`1abc`, an unterminated string, `$`) is one `Error` token whose
//!   diagnostic is already reported; a mismatched closer with no matching opener is
//!   emitted as the closer the innermost bracket wanted, so brackets stay balanced.

mod brackets;
mod fstring;
mod lexer;
mod name_aliases;
mod numbers;
mod source;
mod strings;
mod token;

#[cfg(test)]
mod tests;

pub use lexer::lex;
pub use source::decode_source;
pub use token::{IntValue, Lexed, Token, TokenKind, TokenValue};
