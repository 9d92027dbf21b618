//! End-to-end tests of `typhon check` on whole projects: type errors across modules,
//! import cycles, determinism, and the shared generated benchmark project (which needs
//! `python3` to generate).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

use common::{project, stderr, stdout, typhon};

/// `(file, line, code)` of every JSON diagnostic line.
fn json_diagnostics(output: &Output) -> Vec<(String, u64, String)> {
    stdout(output)
        .lines()
        .map(|line| {
            let value: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|error| panic!("not JSON ({error}): {line}"));
            let field = |key: &str| value[key].as_str().unwrap_or_default().to_owned();
            (field("file"), value["line"].as_u64().unwrap_or_default(), field("code"))
        })
        .collect()
}

const SHOP: [(&str, &str); 4] = [
    ("main.py", "from shop.cart import Cart\n\ncart = Cart()\ncart.add('tea', 2)\nprint(cart.total())\n"),
    ("shop/__init__.py", ""),
    (
        "shop/cart.py",
        "from .prices import price_of\n\nclass Cart:\n    def __init__(self) -> None:\n        self.lines: list[tuple[str, int]] = []\n\n    def add(self, name: str, n: int) -> None:\n        self.lines.append((name, n))\n\n    def total(self) -> float:\n        return sum([price_of(name) * n for name, n in self.lines])\n",
    ),
    (
        "shop/prices.py",
        "PRICES: dict[str, float] = {'tea': 2.5}\n\ndef price_of(name: str) -> float:\n    return PRICES.get(name, 0.0)\n",
    ),
];

#[test]
fn a_clean_multi_module_project_succeeds() {
    let dir = project(&SHOP);
    let output = typhon(dir.path(), &["check"]);
    assert_eq!(stdout(&output), "Success: no issues found in 4 source files\n", "{}", stderr(&output));
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn type_errors_across_modules_are_reported_with_the_summary() {
    let mut files = SHOP.to_vec();
    files[0] =
        ("main.py", "from shop.cart import Cart\n\ncart = Cart()\ncart.add('tea', '2')\nlabel: int = cart.total()\n");
    let dir = project(&files);
    let output = typhon(dir.path(), &["check"]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.contains("error[arg-type]"), "{out}");
    assert!(out.contains("error[assignment]"), "{out}");
    assert!(out.contains("main.py:4:"), "{out}");
    assert!(out.ends_with("Found 2 errors in 1 file (checked 4 source files)\n"), "{out}");

    let json = typhon(dir.path(), &["check", "--message-format", "json"]);
    assert_eq!(
        json_diagnostics(&json),
        [("main.py".to_owned(), 4, "arg-type".to_owned()), ("main.py".to_owned(), 5, "assignment".to_owned())]
    );
    assert_eq!(stderr(&json), "Found 2 errors in 1 file (checked 4 source files)\n");
}

#[test]
fn an_import_cycle_is_one_error_naming_the_cycle() {
    let dir = project(&[
        ("a.py", "from b import g\n\ndef f() -> int:\n    return g()\n"),
        ("b.py", "from c import h\n\ndef g() -> int:\n    return h()\n"),
        ("c.py", "import a\n\ndef h() -> int:\n    return 1\n"),
    ]);
    let output = typhon(dir.path(), &["check"]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.starts_with("error[import-cycle]: Import cycle: a -> b -> c -> a\n  ┌─ a.py:1:6\n"), "{out}");
    assert!(out.ends_with("Found 1 error in 1 file (checked 3 source files)\n"), "{out}");
}

#[test]
fn checking_one_file_follows_its_imports() {
    let dir = project(&SHOP);
    let output = typhon(dir.path(), &["check", "main.py"]);
    assert_eq!(stdout(&output), "Success: no issues found in 4 source files\n", "{}", stderr(&output));
}

#[test]
fn checking_inside_a_package_keeps_the_package_name() {
    let dir = project(&[
        ("pkg/__init__.py", ""),
        ("pkg/a.py", "from .b import B\nfrom pkg.b import B as C\n\nA: int = B + C\n"),
        ("pkg/b.py", "B: int = 1\n"),
    ]);
    // `.` is the package `pkg`: without its name, `from .b` would climb above the root.
    let output = typhon(&dir.path().join("pkg"), &["check", "."]);
    assert_eq!(stdout(&output), "Success: no issues found in 3 source files\n", "{}", stderr(&output));
    let output = typhon(&dir.path().join("pkg"), &["check", "a.py"]);
    assert_eq!(stdout(&output), "Success: no issues found in 3 source files\n", "{}", stderr(&output));
}

#[test]
fn threads_and_timings_options() {
    let dir = project(&SHOP);
    let output = typhon(dir.path(), &["check", "--threads", "1", "--timings"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "Success: no issues found in 4 source files\n");
    assert!(stderr(&output).starts_with("timings (4 files, "), "{}", stderr(&output));
    let zero = typhon(dir.path(), &["check", "--threads", "0"]);
    assert_eq!(zero.status.code(), Some(2), "{}", stderr(&zero));
}

/// `shared/bench/gen_project.py`, next to the workspace (or `TYPHON_GEN_PROJECT`).
fn gen_project_script() -> PathBuf {
    let script = std::env::var_os("TYPHON_GEN_PROJECT")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/bench/gen_project.py"), PathBuf::from);
    assert!(
        script.is_file(),
        "the project generator was not found at {} (expected <workspace>/../shared/bench/gen_project.py, or set TYPHON_GEN_PROJECT)",
        script.display()
    );
    script
}

/// Runs the generator with `args`; fails the test with a clear message without python3.
fn gen_project(args: &[&str]) {
    let script = gen_project_script();
    let output = match Command::new("python3").arg(&script).args(args).output() {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            panic!("python3 was not found on PATH: this test generates its project with python3 (install CPython 3.11)")
        }
        Err(error) => panic!("could not run python3: {error}"),
    };
    assert!(output.status.success(), "gen_project.py {args:?} failed:\n{}", String::from_utf8_lossy(&output.stderr));
}

#[test]
fn the_generated_project_checks_clean_and_one_injected_error_is_found() {
    let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("temporary directory: {error}"));
    let root = dir.path().join("proj");
    let root_arg = root.to_string_lossy().into_owned();
    gen_project(&[&root_arg, "--modules", "200"]);
    let clean = typhon(dir.path(), &["check", "proj"]);
    // 200 modules, 4 package `__init__.py` files and `main.py`.
    assert_eq!(stdout(&clean), "Success: no issues found in 205 source files\n", "{}", stderr(&clean));
    assert_eq!(clean.status.code(), Some(0));

    gen_project(&[&root_arg, "--edit", "break", "--module", "5"]);
    let broken = typhon(dir.path(), &["check", "--message-format", "json", "proj"]);
    let found = json_diagnostics(&broken);
    assert_eq!(found.len(), 1, "{}", stdout(&broken));
    assert_eq!((found[0].0.as_str(), found[0].2.as_str()), ("proj/pkg_0/m_5.py", "assignment"));
    assert_eq!(stderr(&broken), "Found 1 error in 1 file (checked 205 source files)\n");
    assert_eq!(broken.status.code(), Some(1));

    // The same output on one thread and on several, run after run.
    let human = |threads: &str| stdout(&typhon(dir.path(), &["check", "--threads", threads, "proj"]));
    let one = human("1");
    assert!(one.contains("error[assignment]") && one.contains("proj/pkg_0/m_5.py:"), "{one}");
    for threads in ["2", "3", "1", "2"] {
        assert_eq!(human(threads), one, "--threads {threads}");
    }
}
