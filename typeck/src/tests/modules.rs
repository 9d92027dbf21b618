//! Tests: several modules checked in dependency order, passing interfaces.

use std::collections::HashMap;

use super::{check_with, render};
use crate::{Interface, imports_of};

/// Checks `modules` (name, source) in the order given; returns each module's diagnostics.
fn check_all(modules: &[(&str, &str)]) -> Vec<(String, Vec<String>)> {
    let mut interfaces: HashMap<String, Interface> = HashMap::new();
    let mut out = Vec::new();
    for (name, source) in modules {
        let checked = check_with(source, name, &interfaces);
        out.push((name.to_string(), render(&checked.diagnostics)));
        interfaces.insert(name.to_string(), checked.interface);
    }
    out
}

fn assert_clean(results: &[(String, Vec<String>)]) {
    for (name, found) in results {
        assert!(found.is_empty(), "{name}: {found:#?}");
    }
}

const GEOM: &str = "from dataclasses import dataclass\n\n@dataclass\nclass Point:\n    x: int\n    y: int\n\n    def shifted(self, d: int) -> 'Point':\n        return Point(self.x + d, self.y)\n\nORIGIN = Point(0, 0)\n\ndef make(x: int) -> Point:\n    return Point(x, x)\n\ndef _secret() -> int:\n    return 1\n";

#[test]
fn imported_functions_classes_and_globals() {
    assert_clean(&check_all(&[
        ("geom", GEOM),
        (
            "main",
            "from geom import Point, make, ORIGIN\nimport geom\np: Point = make(1).shifted(2)\nq = geom.make(3)\nprint(p.x + q.y + ORIGIN.x + geom.ORIGIN.y)\n",
        ),
    ]));
    let results = check_all(&[("geom", GEOM), ("main", "from geom import make\nx: str = make(1)\n")]);
    assert_eq!(
        results[1].1,
        ["assignment: Incompatible types in assignment (expression has type \"Point\", variable has type \"str\")"]
    );
}

#[test]
fn classes_reachable_through_signatures_travel_with_the_interface() {
    // `app` never imports `geom`, but it receives a Point from `shapes` and uses its fields.
    assert_clean(&check_all(&[
        ("geom", GEOM),
        ("shapes", "from geom import Point, make\n\ndef corner() -> Point:\n    return make(2)\n"),
        ("app", "from shapes import corner\nc = corner()\nprint(c.x + c.shifted(1).y)\n"),
    ]));
}

#[test]
fn private_names_cannot_be_imported() {
    let results = check_all(&[("geom", GEOM), ("main", "from geom import _secret\n")]);
    assert_eq!(results[1].1, ["private-import: \"_secret\" is private to module \"geom\" and cannot be imported"]);
}

#[test]
fn missing_modules_and_names() {
    let results = check_all(&[("main", "import missing\nfrom geom import Point\n")]);
    assert_eq!(results[0].1.len(), 2);
    assert!(
        results[0].1.iter().all(|message| message.starts_with("import: Cannot find implementation or library stub"))
    );
    let results = check_all(&[("geom", GEOM), ("main", "from geom import nothing\n")]);
    assert_eq!(results[1].1, ["attr-defined: Module \"geom\" has no attribute \"nothing\""]);
}

#[test]
fn subclassing_an_imported_class() {
    assert_clean(&check_all(&[
        (
            "base",
            "class Animal:\n    def __init__(self, name: str) -> None:\n        self.name: str = name\n    def speak(self) -> str:\n        return self.name\n",
        ),
        (
            "dog",
            "from base import Animal\n\nclass Dog(Animal):\n    def speak(self) -> str:\n        return 'woof ' + self.name\n\ndef make() -> Animal:\n    return Dog('rex')\n",
        ),
        ("main", "from dog import make, Dog\nprint(make().speak())\nd = Dog('a')\nprint(d.name)\n"),
    ]));
}

#[test]
fn reexported_names() {
    assert_clean(&check_all(&[
        ("geom", GEOM),
        ("api", "from geom import Point, make\n"),
        ("main", "from api import Point, make\np: Point = make(1)\n"),
    ]));
}

#[test]
fn imports_of_resolves_relative_imports_and_candidates() {
    let parsed = typhon_parser::parse_module("import a.b\nfrom . import x\nfrom ..c import d as e\nfrom f import g\n");
    let requests = imports_of("pkg.sub.m", false, &parsed.module);
    let modules: Vec<(&str, bool)> =
        requests.iter().map(|request| (request.module.as_str(), request.candidate)).collect();
    assert_eq!(
        modules,
        [
            ("a", true),
            ("a.b", false),
            ("pkg", true),
            ("pkg.sub", false),
            ("pkg.sub.x", true),
            ("pkg", true),
            ("pkg.c", false),
            ("pkg.c.d", true),
            ("f", false),
            ("f.g", true)
        ]
    );
}

#[test]
fn package_relative_imports_check() {
    let mut interfaces: HashMap<String, Interface> = HashMap::new();
    let util = check_with("def double(x: int) -> int:\n    return 2 * x\n", "pkg.util", &interfaces);
    interfaces.insert("pkg.util".into(), util.interface);
    let parsed = typhon_parser::parse_module(
        "from .util import double\nfrom . import util\nprint(double(2) + util.double(3))\n",
    );
    let input = crate::ModuleInput { name: "pkg", is_package: true, ast: &parsed.module, imports: &interfaces };
    let checked = crate::check_module(&input);
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
}

#[test]
fn generated_project_checks_clean_and_break_gives_one_error() {
    let dir = std::env::temp_dir().join(format!("typhon_typeck_gen_{}", std::process::id()));
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/bench/gen_project.py");
    if !script.exists() {
        return;
    }
    let status = std::process::Command::new("python3").arg(&script).arg(&dir).args(["--modules", "50"]).status();
    if !status.is_ok_and(|status| status.success()) {
        // No Python here: the shared workload cannot be generated.
        return;
    }
    let count = |dir: &std::path::Path| -> Vec<String> { check_project(dir) };
    assert_eq!(count(&dir), Vec::<String>::new());
    let edited = std::process::Command::new("python3")
        .arg(&script)
        .arg(&dir)
        .args(["--edit", "break", "--module", "7"])
        .status();
    assert!(edited.is_ok_and(|status| status.success()));
    let found = count(&dir);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("pkg_0.m_7: assignment: "), "{found:#?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Checks every module of a generated project in dependency order.
fn check_project(root: &std::path::Path) -> Vec<String> {
    let mut sources: Vec<(String, String)> = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "py") {
                let rel = path.strip_prefix(root).map(|rel| rel.with_extension("")).unwrap_or_default();
                let mut name: Vec<String> =
                    rel.components().map(|part| part.as_os_str().to_string_lossy().into_owned()).collect();
                if name.last().is_some_and(|last| last == "__init__") {
                    name.pop();
                }
                sources.push((name.join("."), std::fs::read_to_string(&path).unwrap_or_default()));
            }
        }
    }
    let parsed: HashMap<String, typhon_parser::Parsed> =
        sources.iter().map(|(name, source)| (name.clone(), typhon_parser::parse_module(source))).collect();
    let mut done: HashMap<String, Interface> = HashMap::new();
    let mut out = Vec::new();
    // Repeatedly check the modules whose imports are all done (the graph is a DAG).
    let mut remaining: Vec<String> = sources.iter().map(|(name, _)| name.clone()).collect();
    remaining.sort();
    while !remaining.is_empty() {
        let before = remaining.len();
        remaining.retain(|name| {
            let module = &parsed[name];
            let is_package = !name.contains('.') && name.starts_with("pkg_");
            let ready = imports_of(name, is_package, &module.module).iter().all(|request| {
                request.candidate
                    || done.contains_key(&request.module)
                    || crate::is_builtin_module(&request.module)
                    || !parsed.contains_key(&request.module)
            });
            if !ready {
                return true;
            }
            let input = crate::ModuleInput { name, is_package, ast: &module.module, imports: &done };
            let checked = crate::check_module(&input);
            for message in render(&module.diagnostics).into_iter().chain(render(&checked.diagnostics)) {
                out.push(format!("{name}: {message}"));
            }
            done.insert(name.clone(), checked.interface);
            false
        });
        assert!(remaining.len() < before, "import cycle among {remaining:?}");
    }
    out
}

#[test]
fn private_imports_are_bound_anyway() {
    // One error at the import; the uses of the name give no second one.
    let util = check_with("def _helper() -> int:\n    return 1\nclass _Base:\n    pass\n", "util", &HashMap::new());
    let mut imports = HashMap::new();
    imports.insert("util".to_string(), util.interface);
    let checked =
        check_with("from util import _helper, _Base\nprint(_helper(), isinstance(1, _Base))\n", "main", &imports);
    let found = render(&checked.diagnostics);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|message| message.starts_with("private-import")), "{found:?}");
}
