//! Every shared benchmark program checks clean.

use super::render;

#[test]
fn shared_bench_programs_check_clean() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/bench/programs");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        // The shared workloads live outside the repository; nothing to check without them.
        return;
    };
    let mut failures = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|ext| ext != "py") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        let parsed = typhon_parser::parse_module(&source);
        let input =
            crate::ModuleInput { name: "__main__", is_package: false, ast: &parsed.module, imports: &crate::NoImports };
        let checked = crate::check_module(&input);
        let mut all = render(&parsed.diagnostics);
        all.extend(render(&checked.diagnostics));
        if !all.is_empty() {
            failures.push(format!("{}: {all:#?}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
