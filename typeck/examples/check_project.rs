//! Checks every module of a project directory in dependency order, passing interfaces
//! between modules, and reports diagnostics and the checking speed (a development aid
//! standing in for the engine).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

fn module_name(root: &Path, path: &Path) -> Option<(String, bool)> {
    let rel = path.strip_prefix(root).ok()?.with_extension("");
    let mut parts: Vec<String> = rel.components().map(|part| part.as_os_str().to_string_lossy().into_owned()).collect();
    let is_package = parts.last().is_some_and(|last| last == "__init__");
    if is_package {
        parts.pop();
    }
    Some((parts.join("."), is_package))
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "py") {
            out.push(path);
        }
    }
}

fn main() {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: check_project DIR");
        return;
    };
    let root = Path::new(&root);
    let mut files = Vec::new();
    collect(root, &mut files);
    let mut sources: BTreeMap<String, (bool, String)> = BTreeMap::new();
    for path in &files {
        if let Some((name, is_package)) = module_name(root, path) {
            sources.insert(name, (is_package, std::fs::read_to_string(path).unwrap_or_default()));
        }
    }
    let lines: usize = sources.values().map(|(_, text)| text.lines().count()).sum();
    let start = Instant::now();
    let parsed: BTreeMap<&String, typhon_parser::Parsed> =
        sources.iter().map(|(name, (_, text))| (name, typhon_parser::parse_module(text))).collect();
    let parse_time = start.elapsed();
    // Dependency order by depth-first search over existing imports.
    let mut order: Vec<&String> = Vec::new();
    let mut state: HashMap<&String, u8> = HashMap::new();
    fn visit<'n>(
        name: &'n String,
        sources: &'n BTreeMap<String, (bool, String)>,
        parsed: &BTreeMap<&'n String, typhon_parser::Parsed>,
        state: &mut HashMap<&'n String, u8>,
        order: &mut Vec<&'n String>,
    ) {
        if state.get(name).is_some() {
            return;
        }
        state.insert(name, 1);
        if let (Some((is_package, _)), Some(module)) = (sources.get(name), parsed.get(name)) {
            for request in typhon_typeck::imports_of(name, *is_package, &module.module) {
                if let Some((dep, _)) = sources.get_key_value(&request.module) {
                    visit(dep, sources, parsed, state, order);
                }
            }
        }
        state.insert(name, 2);
        order.push(name);
    }
    for name in sources.keys() {
        visit(name, &sources, &parsed, &mut state, &mut order);
    }
    let mut interfaces: HashMap<String, typhon_typeck::Interface> = HashMap::new();
    let check_start = Instant::now();
    let mut n_errors = 0;
    for name in order {
        let (is_package, source) = &sources[name];
        let module = &parsed[name];
        let input =
            typhon_typeck::ModuleInput { name, is_package: *is_package, ast: &module.module, imports: &interfaces };
        let mut all = module.diagnostics.clone();
        // As the engine: a module with front-end errors is not type-checked.
        if all.iter().any(typhon_diagnostics::Diagnostic::is_error) {
            print!("{}", typhon_diagnostics::render_human(&all, name, source, typhon_diagnostics::ColorChoice::Never));
            n_errors += all.len();
            continue;
        }
        let checked = typhon_typeck::check_module(&input);
        all.extend(checked.diagnostics.iter().cloned());
        if !all.is_empty() {
            n_errors += all.len();
            print!("{}", typhon_diagnostics::render_human(&all, name, source, typhon_diagnostics::ColorChoice::Never));
        }
        interfaces.insert(name.clone(), checked.interface);
    }
    let check_time = check_start.elapsed();
    eprintln!(
        "{} modules, {lines} lines, {n_errors} diagnostics; parse {:.1} ms, check {:.1} ms ({:.0} lines/s checking)",
        sources.len(),
        parse_time.as_secs_f64() * 1e3,
        check_time.as_secs_f64() * 1e3,
        lines as f64 / check_time.as_secs_f64()
    );
}
