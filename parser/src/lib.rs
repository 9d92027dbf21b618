//! Tokens → an abstract syntax tree with spans, for the whole tier-1 grammar of
//! LANGUAGE.md, with Python's precedence and associativity.
//!
//! Parsing never fails: [`parse_module`] always returns a structurally valid tree plus
//! every diagnostic found (at least one per broken statement, thanks to recovery at
//! statement boundaries). Constructs of later tiers parse into an `unsupported`
//! diagnostic naming the construct.
//!
//! The expression parser is a precedence climber (one frame per precedence *level
//! used*, not per grammar rule), the token cursor is an index, and nothing backtracks
//! beyond a few tokens of lookahead. Recursion and tree depth are bounded (see
//! [`limits`]), so neither the parser nor any later walk over its tree can overflow
//! the stack.

mod args;
pub mod ast;
mod compound;
mod dump;
mod expr;
mod fstring;
pub mod limits;
mod parser;
mod stmt;
mod targets;
#[cfg(test)]
mod tests;

use typhon_diagnostics::{Code, Diagnostic, Span};
use typhon_lexer::Lexed;

pub use dump::dump;

/// The result of parsing one source file: the tree and every diagnostic (the lexer's
/// and the parser's), sorted by the start of their span.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub module: ast::Module,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// Whether any diagnostic is an error (warnings do not make a module unusable).
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Lexes and parses one module. Never panics; the tree is valid even for broken
/// source, with `Error` nodes where nothing sensible could be built.
pub fn parse_module(source: &str) -> Parsed {
    parse_lexed(source, typhon_lexer::lex(source))
}

/// Parses tokens that were already lexed from `source` (the engine may lex once and
/// keep the tokens; tests feed hand-made token streams). The lexer's diagnostics are
/// merged into the result.
pub fn parse_lexed(source: &str, lexed: Lexed) -> Parsed {
    let Lexed { tokens, values, diagnostics: lexer_diagnostics } = lexed;
    let mut parser = parser::Parser::new(source, &tokens, values, &lexer_diagnostics);
    let body = parser.parse_module_body();
    let (parser_diagnostics, superseded) = parser.into_diagnostics();
    let mut diagnostics = lexer_diagnostics;
    if !superseded.is_empty() {
        // Lexer `unsupported` reports that a syntax error about the same text replaced
        // (a bytes literal concatenated with a `str`).
        let superseded = merge_spans(superseded);
        diagnostics
            .retain(|diagnostic| diagnostic.code != Code::Unsupported || !in_spans(&superseded, diagnostic.span.start));
    }
    diagnostics.extend(parser_diagnostics);
    // Stable: diagnostics at the same offset keep the order they were found in.
    diagnostics.sort_by_key(|diagnostic| diagnostic.span.start);
    Parsed { module: ast::Module { body }, diagnostics }
}

/// Sorts `spans` and merges the overlapping ones (ends inclusive), so that membership
/// is a binary search.
fn merge_spans(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable_by_key(|span| span.start);
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

/// Whether `offset` is in one of `spans` (sorted, disjoint, ends inclusive).
fn in_spans(spans: &[Span], offset: u32) -> bool {
    let after = spans.partition_point(|span| span.start <= offset);
    after > 0 && spans.get(after - 1).is_some_and(|span| offset <= span.end)
}
