//! Tokens → an abstract syntax tree with spans, for the whole tier-1 grammar of
//! LANGUAGE.md, with Python's precedence and associativity.
//!
//! Parsing never fails: [`parse_module`] always returns a structurally valid tree plus
//! every diagnostic found (at least one per broken statement, thanks to recovery at
//! statement boundaries). Constructs of later tiers parse into an `unsupported`
//! diagnostic naming the construct.

pub mod ast;
