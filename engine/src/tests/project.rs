//! Unit tests of `check` over multi-module projects: module names, import resolution, the
//! graph and its cycles, phase 1 in dependency order, and determinism.

use std::num::NonZeroUsize;

use typhon_diagnostics::LineIndex;

use super::{memory_engine, memory_sources};
use crate::{CheckReport, Engine, EngineOptions, ModuleStatus};

/// Checks the in-memory project `files` from its root.
fn check(files: &[(&str, &str)]) -> CheckReport {
    check_paths(files, &["."])
}

fn check_paths(files: &[(&str, &str)], paths: &[&str]) -> CheckReport {
    memory_engine(files).check(paths).unwrap_or_else(|error| panic!("check failed: {error}"))
}

/// Every diagnostic as `path:line: code: message`, in report order.
fn diagnostics(report: &CheckReport) -> Vec<String> {
    let mut out = Vec::new();
    for file in &report.files {
        let index = LineIndex::new(&file.source);
        for diagnostic in &file.diagnostics {
            let line = index.line_col(&file.source, diagnostic.span.start).line;
            out.push(format!(
                "{}:{line}: {}: {}",
                file.file.display_path,
                diagnostic.code.as_str(),
                diagnostic.message
            ));
        }
    }
    out
}

fn assert_clean(report: &CheckReport) {
    assert_eq!(diagnostics(report), Vec::<String>::new());
    assert!(report.files.iter().all(|file| file.interface_hash().is_some()), "every module is type-checked");
}

fn module_names(report: &CheckReport) -> Vec<(&str, &str)> {
    report.files.iter().map(|file| (file.file.display_path.as_str(), file.module.as_str())).collect()
}

const GEOM: &str = "\
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


def make(x: int) -> Point:
    return Point(x, x)


def _secret() -> int:
    return 1
";

#[test]
fn module_names_follow_the_paths_below_the_root() {
    let report = check(&[
        ("main.py", "import pkg.util.strings\n"),
        ("pkg/__init__.py", ""),
        ("pkg/util/__init__.py", ""),
        ("pkg/util/strings.py", "def shout(s: str) -> str:\n    return s.upper()\n"),
        ("ns/tool.py", "X: int = 1\n"),
    ]);
    assert_eq!(
        module_names(&report),
        [
            ("main.py", "main"),
            ("ns/tool.py", "ns.tool"),
            ("pkg/__init__.py", "pkg"),
            ("pkg/util/__init__.py", "pkg.util"),
            ("pkg/util/strings.py", "pkg.util.strings"),
        ]
    );
    assert_clean(&report);
}

#[test]
fn packages_relative_imports_and_reexports() {
    let report = check(&[
        (
            "app.py",
            "from shop import Item, total\nfrom shop.models import Item as Model\nprint(total([Item('a', 2.0), Model('b', 1.5)]))\n",
        ),
        ("shop/__init__.py", "from .models import Item\nfrom .pricing import total\n"),
        (
            "shop/models.py",
            "from dataclasses import dataclass\n\n@dataclass\nclass Item:\n    name: str\n    price: float\n",
        ),
        (
            "shop/pricing.py",
            "from .models import Item\nfrom . import models\n\ndef total(items: list[Item]) -> float:\n    return sum([item.price for item in items])\n\ndef first(items: list[models.Item]) -> models.Item:\n    return items[0]\n",
        ),
        (
            "shop/sub/deep.py",
            "from ..models import Item\nfrom ..pricing import total\n\ndef one() -> float:\n    return total([Item('x', 1.0)])\n",
        ),
    ]);
    assert_clean(&report);
}

#[test]
fn namespace_packages_have_no_file() {
    let report = check(&[
        (
            "main.py",
            "import ns.tools\nfrom ns import tools as t\nfrom ns.tools import double\nprint(ns.tools.double(1) + t.double(2) + double(3))\n",
        ),
        ("ns/tools.py", "def double(n: int) -> int:\n    return 2 * n\n"),
    ]);
    assert_clean(&report);
    assert_eq!(report.n_files(), 2);
}

#[test]
fn a_submodule_imported_from_its_package() {
    let report = check(&[
        ("main.py", "from geo import shapes\nfrom geo.shapes import area\nprint(shapes.area(2.0) + area(1.0))\n"),
        ("geo/__init__.py", ""),
        ("geo/shapes.py", "def area(r: float) -> float:\n    return 3.14 * r * r\n"),
    ]);
    assert_clean(&report);
}

#[test]
fn import_as_binds_the_submodule() {
    let report = check(&[
        ("main.py", "import a.b as c\nimport a.b\nprint(c.f() + a.b.f())\n"),
        ("a/__init__.py", ""),
        ("a/b.py", "def f() -> int:\n    return 1\n"),
    ]);
    assert_clean(&report);
    let bad = check(&[("main.py", "import a.b as c\nx: str = c.f()\n"), ("a/b.py", "def f() -> int:\n    return 1\n")]);
    assert_eq!(diagnostics(&bad).len(), 1, "{:?}", diagnostics(&bad));
    assert!(diagnostics(&bad)[0].starts_with("main.py:2: assignment:"), "{:?}", diagnostics(&bad));
}

#[test]
fn private_names_cannot_be_imported() {
    let report = check(&[("geom.py", GEOM), ("main.py", "from geom import _secret, make\nprint(make(1).x)\n")]);
    assert_eq!(
        diagnostics(&report),
        ["main.py:1: private-import: \"_secret\" is private to module \"geom\" and cannot be imported"]
    );
}

#[test]
fn a_missing_module_is_one_import_error() {
    let report = check(&[("main.py", "import nowhere\nfrom geom import make\nprint(make(2).y)\n"), ("geom.py", GEOM)]);
    assert_eq!(
        diagnostics(&report),
        ["main.py:1: import: Cannot find implementation or library stub for module named \"nowhere\""]
    );
    assert_eq!((report.n_errors(), report.n_files_with_errors(), report.n_files()), (1, 1, 2));
}

const CYCLE: [(&str, &str); 4] = [
    ("a.py", "from b import g\n\ndef f() -> int:\n    return g() + 1\n"),
    ("b.py", "from c import h\n\ndef g() -> int:\n    return h() * 2\n"),
    ("c.py", "import a\n\ndef h() -> int:\n    return 3\n\ndef k() -> int:\n    return a.f()\n"),
    ("user.py", "from a import f\nfrom c import k\nprint(f() + k())\n"),
];

#[test]
fn a_three_module_cycle_is_reported_once_with_its_path() {
    let report = check(&CYCLE);
    assert_eq!(diagnostics(&report), ["a.py:1: import-cycle: Import cycle: a -> b -> c -> a"]);
    let cycle = &report.files[0].diagnostics[0];
    assert!(cycle.notes.iter().any(|note| note == "`b` imports `c` at b.py:1"), "{:?}", cycle.notes);
    assert!(cycle.notes.iter().any(|note| note == "`c` imports `a` at c.py:1"), "{:?}", cycle.notes);
    // The modules of the cycle are type-checked all the same (against each other's
    // interfaces), and so is the module that imports them.
    assert!(report.files.iter().all(|file| file.interface_hash().is_some()));
}

#[test]
fn type_errors_inside_a_cycle_are_still_found() {
    let mut files = CYCLE.to_vec();
    files[1] = ("b.py", "from c import h\n\ndef g() -> int:\n    return h() * 2\n\ny: str = g()\n");
    let report = check(&files);
    assert_eq!(
        diagnostics(&report),
        [
            "a.py:1: import-cycle: Import cycle: a -> b -> c -> a",
            "b.py:6: assignment: Incompatible types in assignment (expression has type \"int\", variable has type \"str\")",
        ]
    );
}

#[test]
fn a_module_importing_itself_is_a_cycle_but_a_package_importing_its_submodule_is_not() {
    let report = check(&[("selfish.py", "import selfish\n\nX: int = 1\n")]);
    assert_eq!(diagnostics(&report), ["selfish.py:1: import-cycle: Import cycle: selfish -> selfish"]);
    let report = check(&[
        ("pkg/__init__.py", "from . import sub\nfrom .sub import VALUE\n"),
        ("pkg/sub.py", "from . import helper\nfrom pkg.helper import twice\n\nVALUE: int = twice(helper.ONE)\n"),
        ("pkg/helper.py", "ONE: int = 1\n\ndef twice(n: int) -> int:\n    return 2 * n\n"),
        ("main.py", "from pkg import VALUE, sub\nprint(VALUE + sub.VALUE)\n"),
    ]);
    assert_clean(&report);
}

#[test]
fn a_submodule_that_needs_a_name_of_its_package_that_imports_it_back_is_a_cycle() {
    let report = check(&[
        ("pkg/__init__.py", "from .sub import twice\n\nVERSION: int = 3\n"),
        ("pkg/sub.py", "from . import VERSION\n\ndef twice() -> int:\n    return 2 * VERSION\n"),
    ]);
    assert_eq!(diagnostics(&report), ["pkg/__init__.py:1: import-cycle: Import cycle: pkg -> pkg.sub -> pkg"]);
}

#[test]
fn diamond_dependencies_are_checked_once_in_order() {
    let mut engine = memory_engine(&[
        ("base.py", "class Unit:\n    def __init__(self, n: int) -> None:\n        self.n: int = n\n"),
        ("left.py", "from base import Unit\n\ndef lefty() -> Unit:\n    return Unit(1)\n"),
        ("right.py", "from base import Unit\n\ndef righty(u: Unit) -> int:\n    return u.n\n"),
        ("top.py", "from left import lefty\nfrom right import righty\nprint(righty(lefty()))\n"),
    ]);
    let report = engine.check(&["."]).unwrap_or_default();
    assert_clean(&report);
    let project = engine.project().unwrap_or_else(|| panic!("a check leaves a project"));
    assert_eq!(project.dependents_of("base"), ["left", "right", "top"]);
    assert_eq!(project.imports_of("top"), ["left", "right"]);
    assert_eq!(project.interface_hash("base"), report.module("base").and_then(|file| file.interface_hash()));
    assert!(project.interface("left").is_some_and(|interface| interface.export("lefty").is_some()));
    assert_eq!(project.module("right").map(|module| module.file.display_path.as_str()), Some("right.py"));
}

#[test]
fn a_type_error_in_a_dependency_stays_in_the_dependency() {
    let report = check(&[
        ("lib.py", "def count() -> int:\n    return 'many'\n\nLIMIT: int = 'ten'\n"),
        ("app.py", "from lib import count, LIMIT\n\ndef twice() -> int:\n    return count() * 2 + LIMIT\n"),
    ]);
    let found = diagnostics(&report);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|line| line.starts_with("lib.py:")), "{found:?}");
}

#[test]
fn syntax_errors_stop_type_checking_of_the_module_and_its_dependents_only() {
    let report = check(&[
        ("broken.py", "def f(:\n    pass\n\nX: int = 'no'\n"),
        ("user.py", "from broken import f\nf()\n"),
        ("indirect.py", "import user\n"),
        ("alone.py", "Y: int = 'yes'\n"),
    ]);
    let found = diagnostics(&report);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        found[0],
        "alone.py:1: assignment: Incompatible types in assignment (expression has type \"str\", variable has type \"int\")"
    );
    // Only the syntax error of `broken`: not its type error, nor the (bogus) errors that
    // `user` would get from a `broken` without `f`.
    assert!(found[1].starts_with("broken.py:1: syntax: "), "{found:?}");
    let status = |name: &str| report.module(name).map(|file| file.status.clone());
    assert_eq!(status("broken"), Some(ModuleStatus::FrontEndErrors));
    assert_eq!(status("user"), Some(ModuleStatus::ImportsBrokenModule { module: "broken".into() }));
    assert_eq!(status("indirect"), Some(ModuleStatus::ImportsBrokenModule { module: "broken".into() }));
    let note = &report.module("broken").map(|file| file.diagnostics[0].notes.clone()).unwrap_or_default();
    assert_eq!(
        note.last().map(String::as_str),
        Some("because of the errors in this file, I did not type-check it, nor the 2 modules that import it")
    );
}

#[test]
fn a_module_waiting_for_a_broken_one_is_finished_by_the_streaming_pass() {
    // The import on an `if` line escapes the quick look that orders parsing, so the user
    // is parsed (and waits) before the broken module is found broken.
    let files = [("a_user.py", "if True: from b_broken import f\n"), ("b_broken.py", "def f(:\n")];
    for threads in [1, 2] {
        let options = EngineOptions { threads: NonZeroUsize::new(threads), ..EngineOptions::default() };
        let report = Engine::new(memory_sources(&files), options).check(&["."]).unwrap_or_default();
        assert_eq!(report.timings.n_modules_on_graph, 0);
        let status = report.module("a_user").map(|file| file.status.clone());
        assert_eq!(status, Some(ModuleStatus::ImportsBrokenModule { module: "b_broken".into() }));
    }
    let report = check(&CYCLE);
    assert_eq!(report.timings.n_modules_on_graph, 4, "the cycle and its user");
}

#[test]
fn a_file_argument_is_a_module_of_its_directory_and_its_imports_are_followed() {
    let files = [
        ("proj/main.py", "from util import double\nfrom pkg.deep import DEPTH\nprint(double(DEPTH))\n"),
        ("proj/util.py", "def double(n: int) -> int:\n    return 2 * n\n"),
        ("proj/pkg/__init__.py", ""),
        ("proj/pkg/deep.py", "DEPTH: int = 'deep'\n"),
        ("proj/unrelated.py", "BROKEN: int = 'not checked'\n"),
    ];
    let report = check_paths(&files, &["proj/main.py"]);
    assert_eq!(
        module_names(&report),
        [
            ("proj/main.py", "main"),
            ("proj/pkg/__init__.py", "pkg"),
            ("proj/pkg/deep.py", "pkg.deep"),
            ("proj/util.py", "util")
        ]
    );
    // Errors in followed modules are reported, as mypy does.
    assert_eq!(
        diagnostics(&report),
        [
            "proj/pkg/deep.py:1: assignment: Incompatible types in assignment (expression has type \"str\", variable has type \"int\")"
        ]
    );
}

#[test]
fn a_package_directory_argument_keeps_its_package_name() {
    let files = [
        ("proj/pkg/__init__.py", ""),
        ("proj/pkg/a.py", "from .b import B\n\nA: int = B + 1\n"),
        ("proj/pkg/b.py", "B: int = 1\n"),
        ("proj/main.py", "from pkg.a import A\n"),
    ];
    let report = check_paths(&files, &["proj/pkg"]);
    assert_eq!(
        module_names(&report),
        [("proj/pkg/__init__.py", "pkg"), ("proj/pkg/a.py", "pkg.a"), ("proj/pkg/b.py", "pkg.b")]
    );
    assert_clean(&report);
}

#[test]
fn two_files_with_one_module_name_are_reported() {
    let report = check_paths(&[("one/util.py", "X: int = 1\n"), ("two/util.py", "X: int = 2\n")], &["one", "two"]);
    assert_eq!(
        diagnostics(&report),
        ["two/util.py:1: import: Duplicate module named \"util\" (also at \"one/util.py\")"]
    );
    assert_eq!(report.module("util").map(|file| file.file.display_path.as_str()), Some("one/util.py"));
    assert_eq!(report.files[1].status, ModuleStatus::DuplicateModule);
}

#[test]
fn the_ir_is_kept_only_when_asked_for() {
    let files = [("geom.py", GEOM), ("bad.py", "X: int = 'x'\n")];
    let report = check(&files);
    assert!(report.files.iter().all(|file| file.ir.is_none()));
    let options = EngineOptions { keep_ir: true, ..EngineOptions::default() };
    let report = Engine::new(memory_sources(&files), options).check(&["."]).unwrap_or_default();
    assert!(report.module("geom").is_some_and(|file| file.ir.as_ref().is_some_and(|ir| ir.name == "geom")));
    assert!(report.module("bad").is_some_and(|file| file.ir.is_none()), "no IR for a module with errors");
}

/// A project of `n` modules where module `k` imports a few earlier ones (a DAG with
/// hubs), with a cycle, a syntax error and some type errors, spread over packages.
fn synthetic_project(n: usize) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for k in 0..n {
        let mut text = String::new();
        let deps: Vec<usize> = [k / 2, k / 3, k.saturating_sub(1)].into_iter().filter(|&d| d < k).collect();
        for d in &deps {
            text.push_str(&format!("from p{}.m{d} import f{d}\n", d % 4));
        }
        text.push_str(&format!("\ndef f{k}() -> int:\n    return {k}"));
        for d in &deps {
            text.push_str(&format!(" + f{d}()"));
        }
        text.push('\n');
        if k % 7 == 3 {
            text.push_str(&format!("BAD{k}: str = f{k}()\n"));
        }
        if k == n / 2 {
            text.push_str("def broken(:\n");
        }
        files.push((format!("p{}/m{k}.py", k % 4), text));
    }
    files.push(("p0/cyc_a.py".into(), "from p1.cyc_b import g\n\ndef f() -> int:\n    return g()\n".into()));
    files.push(("p1/cyc_b.py".into(), "import p0.cyc_a\n\ndef g() -> int:\n    return 1\n".into()));
    files
}

#[test]
fn the_report_is_the_same_whatever_the_number_of_threads_and_the_run() {
    let files = synthetic_project(120);
    let files: Vec<(&str, &str)> = files.iter().map(|(path, text)| (path.as_str(), text.as_str())).collect();
    let run = |threads: Option<usize>| {
        let options = EngineOptions { threads: threads.and_then(NonZeroUsize::new), ..EngineOptions::default() };
        let report = Engine::new(memory_sources(&files), options).check(&["."]).unwrap_or_default();
        let statuses: Vec<ModuleStatus> = report.files.iter().map(|file| file.status.clone()).collect();
        (diagnostics(&report), statuses)
    };
    let sequential = run(Some(1));
    assert!(
        sequential.0.iter().any(|line| line.contains("import-cycle: Import cycle: p0.cyc_a -> p1.cyc_b -> p0.cyc_a"))
    );
    assert!(sequential.0.iter().any(|line| line.contains("syntax:")));
    assert!(sequential.0.iter().filter(|line| line.contains("assignment:")).count() > 5, "{:?}", sequential.0);
    for threads in [Some(2), Some(3), None, Some(1), None] {
        assert_eq!(run(threads), sequential, "threads: {threads:?}");
    }
}
