//! The bounds that keep parsing (and every later recursive walk over the tree) from
//! overflowing the stack, whatever the input.
//!
//! The lexer already bounds bracket nesting (200, CPython's "too many nested
//! parentheses") and indentation (100 levels). These two cover what the lexer cannot
//! see: operators that nest without brackets (`- - - x`, `not not x`, `a ** b ** c`,
//! `lambda: lambda: x`, `x if c else y if d else ...`) and long left-deep chains
//! (`1 + 1 + ...`, `a.b.c...`) whose *tree* is deep although the parser loops.

/// How many parsing contexts may be open at once: statement blocks plus operands being
/// parsed (each bracket, prefix operator, right operand of `**`, conditional branch,
/// `lambda` body and f-string field opens one). Past it the parser reports "too many
/// nested expressions" and skips the rest of the statement.
///
/// It leaves room for [`MAX_EXPR_DEPTH`] operators inside the lexer's 99 nested blocks,
/// so that the tree-depth limit is the one real programs meet first. Each context costs
/// at most about 3 KiB of stack in an unoptimized build (less than 1 KiB for prefix
/// operators), so the worst case fits in the 2 MiB stack of a test or worker thread
/// with room to spare; `tests::limits` checks this on such a thread.
pub const MAX_NESTING: u32 = 400;

/// The maximum depth of an expression tree (a leaf has depth 1). A node that would be
/// deeper is reported once, "expression is too deeply nested", and the statement is
/// cut there: the node becomes an `Error` and the rest of the line is skipped. So every
/// recursive walk over expressions (type checking, compiling, `Drop`) is bounded.
/// CPython itself gives up on left-deep chains of a few thousand operators ("maximum
/// recursion depth exceeded during compilation"); generated code can exceed 300 (a
/// polynomial with hundreds of terms), and is then rejected.
pub const MAX_EXPR_DEPTH: u32 = 300;
