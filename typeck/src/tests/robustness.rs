//! Tests: the checker never panics, whatever the tree (error nodes, nonsense, depth).

use std::collections::HashMap;

fn check_any(source: &str) {
    let parsed = typhon_parser::parse_module(source);
    let imports: HashMap<String, crate::Interface> = HashMap::new();
    let input = crate::ModuleInput { name: "m", is_package: false, ast: &parsed.module, imports: &imports };
    let checked = crate::check_module(&input);
    // Diagnostics are sorted by span.
    assert!(checked.diagnostics.windows(2).all(|pair| pair[0].span.start <= pair[1].span.start));
}

#[test]
fn broken_sources_do_not_panic() {
    let sources = [
        "1 = 2\n",
        "def f(:\n    pass\n",
        "x = (\n",
        "class C(:\n    x: int\n",
        "for in range(3):\n    pass\n",
        "return 5\n",
        "break\n",
        "x: = 3\n",
        "def f(x: int) -> int:\n    return x +\n",
        "from . import x\n",
        "from .... import y\n",
        "import\n",
        "lambda: (yield)\n",
        "x = [i for i in]\n",
        "f(**kw)\n",
        "a[1:2] = 3\n",
        "class A(A):\n    pass\n",
        "class B(C):\n    pass\nclass C(B):\n    pass\n",
        "def f(self) -> None:\n    super().x()\n",
        "x = y = z\n",
        "nonlocal q\n",
        "def f() -> None:\n    global zz\n    zz = 1\n",
        "@staticmethod\ndef f() -> None:\n    pass\n",
        "x: list[int, str] = []\ny: dict[int] = {}\nz: tuple = ()\nw: Callable[int, int]\n",
        "x: 'not valid(' = 1\n",
        "isinstance(1)\nisinstance(1, 2)\n",
        "print(*[1])\n",
        "t = (1, 2)\nt[0] = 5\n",
        "s = 'abc'\ns[0] = 'x'\n",
        "def f() -> None:\n    def g() -> int:\n        return h\n    h = 1\n",
        "x = undefined.attr.more(1)[2]\n",
    ];
    for source in sources {
        check_any(source);
    }
}

#[test]
fn deep_expressions_do_not_overflow() {
    let depth = 250;
    let source = format!("x = {}1{}\n", "(".repeat(depth), ")".repeat(depth));
    check_any(&source);
    let sum = format!("x = {}\n", vec!["1"; 3000].join(" + "));
    check_any(&sum);
    let mut nested = String::new();
    for level in 0..90 {
        nested.push_str(&"    ".repeat(level));
        nested.push_str("if True:\n");
    }
    nested.push_str(&"    ".repeat(90));
    nested.push_str("pass\n");
    check_any(&nested);
}

#[test]
fn random_token_soup_does_not_panic() {
    let pieces = [
        "x", "=", "1", "(", ")", "[", "]", ":", "def", "class", "if", "\n", "    ", "return", "+", "'s'", ",", ".",
        "lambda", "for", "in", "None", "not", "and", "is", "->", "int", "@", "*", "{", "}", "try", "except", "import",
        "from",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..300 {
        let mut source = String::new();
        for _ in 0..40 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            source.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            source.push(' ');
        }
        source.push('\n');
        check_any(&source);
    }
}

/// Expression trees at the parser's depth limit, of every recursive shape the checker
/// walks, in the 2 MiB stack of a test thread (debug build).
#[test]
fn expressions_at_the_depth_limit_fit_the_stack() {
    let n = 290;
    let shapes = [
        format!("x = {}1\n", "-".repeat(n)),
        format!("x = {}1\n", "not ".repeat(n)),
        format!("x = {}1{}\n", "[".repeat(190), "]".repeat(190)),
        format!("x = {}0{}\n", "abs(".repeat(190), ")".repeat(190)),
        format!("x = {}\n", vec!["1"; n].join(" + ")),
        format!("x = {}\n", vec!["2"; n].join(" ** ")),
        format!("x = {}\n", vec!["True"; n].join(" and ")),
        format!("x = {}1\n", "lambda: ".repeat(n)),
        format!("x = {}0{}\n", "1 if True else (".repeat(150), ")".repeat(150)),
        format!("x = {}1{}\n", "(1, ".repeat(190), ")".repeat(190)),
        format!("x = f'{{{}1{}}}'\n", "-".repeat(n), ""),
        format!("x = {}\n", vec!["[1]"; n].join("[0] + ")),
        format!("def f(a: int) -> int:\n    return a\nx = {}0{}\n", "f(".repeat(190), ")".repeat(190)),
        format!("x = sorted([1], key={}0)\n", "lambda v: "),
        format!("x = {}0{}\n", "max(1, ".repeat(190), ")".repeat(190)),
        format!("x = {}0{}\n", "{1: ".repeat(190), "}".repeat(190)),
        format!("x = {}0{}\n", "[i for i in [".repeat(100), "]]".repeat(100)),
        nested_blocks(98),
    ];
    for source in shapes {
        let handle = std::thread::Builder::new().stack_size(2 << 20).spawn(move || check_any(&source));
        assert!(handle.is_ok_and(|handle| handle.join().is_ok()));
    }
}

/// Statements nested to the lexer's indentation limit, cycling through every compound
/// statement (def, for, while, try, if) so each recursive path is exercised.
fn nested_blocks(levels: usize) -> String {
    let mut source = String::new();
    for level in 0..levels {
        let indent = "    ".repeat(level);
        let line = match level % 5 {
            0 => format!("{indent}def f{level}(x: int) -> None:\n"),
            1 => format!("{indent}for i{level} in range(3):\n"),
            2 => format!("{indent}while x > {level}:\n"),
            3 => format!("{indent}try:\n"),
            _ => format!("{indent}if x:\n"),
        };
        source.push_str(&line);
    }
    source.push_str(&"    ".repeat(levels));
    source.push_str("print(x)\n");
    // Close the `try`s from the innermost out, each with a handler at its own level.
    for level in (0..levels).rev() {
        if level % 5 == 3 {
            source.push_str(&"    ".repeat(level));
            source.push_str("except ValueError:\n");
            source.push_str(&"    ".repeat(level + 1));
            source.push_str("pass\n");
        }
    }
    source
}
