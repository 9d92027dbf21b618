//! Unit tests of the lexer: token streams written out compactly, and diagnostics.

use std::fmt::Write;

use crate::{IntValue, TokenKind, TokenValue, lex};

mod fstrings;
mod layout;
mod literals;
mod robustness;

/// The tokens of `source` as one line: `Name(x) Equal Int(1) Newline EndOfFile`.
/// Atoms show their decoded value; strings and f-string text are quoted with `{:?}`.
fn dump(source: &str) -> String {
    let lexed = lex(source);
    let mut out = String::new();
    for token in &lexed.tokens {
        if !out.is_empty() {
            out.push(' ');
        }
        let _ = write!(out, "{:?}", token.kind);
        match lexed.value(token) {
            Some(TokenValue::Name(name)) => {
                let _ = write!(out, "({name})");
            }
            Some(TokenValue::Int(IntValue::Small(value))) => {
                let _ = write!(out, "({value})");
            }
            Some(TokenValue::Int(IntValue::Big(value))) => {
                let _ = write!(out, "(big {value})");
            }
            Some(TokenValue::Float(value)) => {
                let _ = write!(out, "({value:?})");
            }
            Some(TokenValue::Str(text)) => {
                let _ = write!(out, "({text:?})");
            }
            Some(TokenValue::FStringStart { raw: true }) => out.push_str("(raw)"),
            Some(TokenValue::FStringStart { raw: false }) | None => {}
        }
    }
    out
}

/// The token stream of `source` without the final `Newline EndOfFile`, which most
/// tests don't care about.
fn toks(source: &str) -> String {
    let full = dump(source);
    full.strip_suffix(" Newline EndOfFile").or_else(|| full.strip_suffix(" EndOfFile")).unwrap_or(&full).to_owned()
}

/// The diagnostic messages of `source`, in order.
fn messages(source: &str) -> Vec<String> {
    lex(source).diagnostics.into_iter().map(|diagnostic| diagnostic.message).collect()
}

/// The single diagnostic of `source`: its message and the source text it points at.
#[track_caller]
fn only_error(source: &str) -> (String, String) {
    let lexed = lex(source);
    assert_eq!(lexed.diagnostics.len(), 1, "{source:?}: {:#?}", lexed.diagnostics);
    let diagnostic = &lexed.diagnostics[0];
    (diagnostic.message.clone(), source[diagnostic.span.range()].to_owned())
}

/// Every `Error` token is covered by a diagnostic, every stream ends properly, and the
/// spans are in order and inside the source: the invariants the parser relies on.
#[track_caller]
fn check_invariants(source: &str) {
    let lexed = lex(source);
    let tokens = &lexed.tokens;
    assert_eq!(tokens.last().map(|token| token.kind), Some(TokenKind::EndOfFile), "{source:?}");
    let len = source.len() as u32;
    let mut previous_end = 0;
    for token in tokens {
        assert!(token.span.start <= token.span.end && token.span.end <= len, "{source:?}: {token:?}");
        assert!(token.span.start >= previous_end || token.span.is_empty(), "{source:?}: overlapping {token:?}");
        assert!(source.is_char_boundary(token.span.start as usize) && source.is_char_boundary(token.span.end as usize));
        previous_end = previous_end.max(token.span.end);
        if token.value != crate::Token::NO_VALUE {
            assert!(lexed.value(token).is_some());
        }
    }
    if tokens.iter().any(|token| token.kind == TokenKind::Error) {
        assert!(!lexed.diagnostics.is_empty(), "{source:?}: Error token without a diagnostic");
    }
    for diagnostic in &lexed.diagnostics {
        assert!(
            diagnostic.span.start <= diagnostic.span.end && diagnostic.span.end <= len,
            "{source:?}: {diagnostic:?}"
        );
    }
    let indents = tokens.iter().filter(|token| token.kind == TokenKind::Indent).count();
    let dedents = tokens.iter().filter(|token| token.kind == TokenKind::Dedent).count();
    assert_eq!(indents, dedents, "{source:?}: unbalanced blocks");
}
