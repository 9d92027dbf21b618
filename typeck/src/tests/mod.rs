//! Unit tests of the checker: one source (or a few modules) in, diagnostics and types out.

mod bench_programs;
mod classes;
mod conformance;
mod exprs;
mod interface_hash;
mod ir_shape;
mod modules;
mod narrowing;
mod robustness;
mod stmts;

use std::collections::HashMap;

use typhon_diagnostics::Diagnostic;

use crate::{CheckedModule, Interface, ModuleInput, check_module};

/// Checks one module named `main` with the given interfaces importable.
pub(crate) fn check_with(source: &str, name: &str, imports: &HashMap<String, Interface>) -> CheckedModule {
    let parsed = typhon_parser::parse_module(source);
    assert!(parsed.diagnostics.is_empty(), "parse errors in test source: {:?}", parsed.diagnostics);
    let input = ModuleInput { name, is_package: false, ast: &parsed.module, imports };
    check_module(&input)
}

pub(crate) fn check(source: &str) -> CheckedModule {
    check_with(source, "main", &HashMap::new())
}

/// `code: message` of every diagnostic.
pub(crate) fn errors(source: &str) -> Vec<String> {
    render(&check(source).diagnostics)
}

pub(crate) fn render(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(|diagnostic| format!("{}: {}", diagnostic.code.as_str(), diagnostic.message)).collect()
}

/// Asserts a source checks without any diagnostic.
#[track_caller]
pub(crate) fn ok(source: &str) {
    let found = errors(source);
    assert!(found.is_empty(), "expected no errors, got {found:#?}\nsource:\n{source}");
}

/// Asserts exactly one diagnostic, with this code, whose message contains `fragment`.
#[track_caller]
pub(crate) fn one_error(source: &str, code: &str, fragment: &str) {
    let found = errors(source);
    assert!(
        found.len() == 1 && found[0].starts_with(&format!("{code}: ")) && found[0].contains(fragment),
        "expected one {code} error containing {fragment:?}, got {found:#?}\nsource:\n{source}"
    );
}

/// The type of the last top-level global assigned in `source`.
pub(crate) fn global_type(source: &str, name: &str) -> String {
    let checked = check(source);
    let found = checked.ir.globals.iter().find(|global| global.name == name).map(|global| global.ty.to_string());
    assert!(checked.diagnostics.is_empty(), "unexpected errors: {:#?}", render(&checked.diagnostics));
    found.unwrap_or_else(|| panic!("no global {name}"))
}
