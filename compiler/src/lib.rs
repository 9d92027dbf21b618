//! Phase 2: typed IR to a vm bytecode module.
