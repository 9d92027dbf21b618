//! Phase 1: AST + imported interfaces to typed IR, the module interface, diagnostics.
