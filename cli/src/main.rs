//! The `typhon` binary.

fn main() {}
