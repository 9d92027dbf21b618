//! Spans and the diagnostic model shared by every phase of Typhon, and its two renderers
//! (human text with snippets, and one JSON object per diagnostic).
//!
//! Diagnostics are data: phases build [`Diagnostic`] values and never format text. The
//! CLI (and later the language server) turns them into text once, at the edge.

mod diagnostic;
mod line_index;
mod render;
mod span;

pub use diagnostic::{Code, Diagnostic, Label, Severity};
pub use line_index::{LineCol, LineIndex};
pub use render::{ColorChoice, render_human, render_json, summary_line};
pub use span::Span;
