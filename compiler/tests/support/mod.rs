//! A tiny project driver for tests and the `run_file` example: parse, check (typeck, in
//! dependency order), compile, serialise each module, then link and run the program
//! from the archived bytes (the real integration is the engine's `typhon run`).

#![allow(dead_code, unreachable_pub)]

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use typhon_vm::{LoadedModule, Program, RunOptions};

/// What a run printed and its exit status.
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
}

/// One source file: its module name, whether it is a package `__init__`, path and text.
pub struct Source {
    pub name: String,
    pub is_package: bool,
    pub path: String,
    pub text: String,
}

/// Collects the modules of a file (`name.py`, run as module `name`) or of a directory
/// with `main.py`. Returns the sources and the main module's name.
pub fn load(path: &Path) -> Result<(Vec<Source>, String), String> {
    if path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "main".into());
        return Ok((
            vec![Source { name: name.clone(), is_package: false, path: path.display().to_string(), text }],
            name,
        ));
    }
    let mut files = Vec::new();
    collect(path, &mut files);
    files.sort();
    let mut sources = Vec::new();
    for file in files {
        let Ok(rel) = file.strip_prefix(path) else { continue };
        let mut parts: Vec<String> =
            rel.with_extension("").components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        let is_package = parts.last().is_some_and(|p| p == "__init__");
        if is_package {
            parts.pop();
        }
        let text = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
        sources.push(Source { name: parts.join("."), is_package, path: file.display().to_string(), text });
    }
    Ok((sources, "main".into()))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// Checks and compiles every module; returns the archived bytes of each.
pub fn build(sources: &[Source]) -> Result<Vec<LoadedModule>, String> {
    let by_name: BTreeMap<&str, &Source> = sources.iter().map(|s| (s.name.as_str(), s)).collect();
    let parsed: BTreeMap<&str, typhon_parser::Parsed> =
        sources.iter().map(|s| (s.name.as_str(), typhon_parser::parse_module(&s.text))).collect();
    // Dependency order by depth-first search over the imports that exist.
    let mut order: Vec<&str> = Vec::new();
    let mut state: HashMap<&str, u8> = HashMap::new();
    fn visit<'n>(
        name: &'n str,
        by_name: &BTreeMap<&'n str, &'n Source>,
        parsed: &BTreeMap<&'n str, typhon_parser::Parsed>,
        state: &mut HashMap<&'n str, u8>,
        order: &mut Vec<&'n str>,
    ) {
        if state.contains_key(name) {
            return;
        }
        state.insert(name, 1);
        if let (Some(source), Some(module)) = (by_name.get(name), parsed.get(name)) {
            for request in typhon_typeck::imports_of(name, source.is_package, &module.module) {
                if let Some((dep, _)) = by_name.get_key_value(request.module.as_str()) {
                    visit(dep, by_name, parsed, state, order);
                }
            }
        }
        order.push(name);
    }
    for name in by_name.keys() {
        visit(name, &by_name, &parsed, &mut state, &mut order);
    }
    let mut interfaces: HashMap<String, typhon_typeck::Interface> = HashMap::new();
    let mut loaded = Vec::new();
    let mut errors = String::new();
    for name in order {
        let source = by_name[name];
        let module = &parsed[name];
        let input = typhon_typeck::ModuleInput {
            name,
            is_package: source.is_package,
            ast: &module.module,
            imports: &interfaces,
        };
        let checked = typhon_typeck::check_module(&input);
        let mut all = module.diagnostics.clone();
        all.extend(checked.diagnostics.iter().cloned());
        let has_errors = all.iter().any(|d| d.severity == typhon_diagnostics::Severity::Error);
        if has_errors {
            errors.push_str(&typhon_diagnostics::render_human(
                &all,
                &source.path,
                &source.text,
                typhon_diagnostics::ColorChoice::Never,
            ));
            interfaces.insert(name.to_owned(), checked.interface);
            continue;
        }
        let compiled =
            typhon_compiler::compile_module(&checked.ir, &source.text).map_err(|e| format!("{name}: {e}"))?;
        let bytes = typhon_vm::bytecode::to_bytes(&compiled).map_err(|e| e.to_string())?;
        loaded.push(LoadedModule::from_aligned(bytes, source.path.clone()));
        interfaces.insert(name.to_owned(), checked.interface);
    }
    if errors.is_empty() { Ok(loaded) } else { Err(errors) }
}

/// Builds and runs a program; `argv` becomes `sys.argv`.
pub fn run(sources: &[Source], main: &str, argv: Vec<String>) -> Result<Outcome, String> {
    let loaded = build(sources)?;
    let program = Program::link(loaded).map_err(|e| e.to_string())?;
    let mut stdout: Vec<u8> = Vec::new();
    let mut stderr: Vec<u8> = Vec::new();
    let options = RunOptions { argv, ..RunOptions::default() };
    let status = program.run(main, &options, &mut stdout, &mut stderr);
    Ok(Outcome {
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        status,
    })
}

/// Runs a file or a project directory.
pub fn run_path(path: &Path) -> Result<Outcome, String> {
    let (sources, main) = load(path)?;
    let argv = vec![path.display().to_string()];
    run(&sources, &main, argv)
}
