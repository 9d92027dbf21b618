//! Checks one file and prints its diagnostics (a development aid).

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: check_file FILE.py");
        return;
    };
    let source = std::fs::read_to_string(&path).unwrap_or_default();
    let parsed = typhon_parser::parse_module(&source);
    let input = typhon_typeck::ModuleInput {
        name: "__main__",
        is_package: false,
        ast: &parsed.module,
        imports: &typhon_typeck::NoImports,
    };
    let mut all = parsed.diagnostics.clone();
    // As the engine: a module with front-end errors is not type-checked.
    if !all.iter().any(typhon_diagnostics::Diagnostic::is_error) {
        all.extend(typhon_typeck::check_module(&input).diagnostics);
    }
    print!("{}", typhon_diagnostics::render_human(&all, &path, &source, typhon_diagnostics::ColorChoice::Never));
}
