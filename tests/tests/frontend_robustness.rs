//! The front end (decode → lex → parse) and the type checker behind it never panic, never
//! overflow the stack and always return a well-formed result, whatever the input: random
//! bytes, random token soup, mutated fixtures, pathological nesting and a 10 MB file.
//!
//! Everything runs in debug builds on the test harness's default thread stack, because
//! that is where a missing depth limit shows first. Inputs are seeded, so a failure is
//! reproducible. Beyond "no panic", each input is held to invariants: token and
//! diagnostic spans inside the source, a tree that passes `ast_check`, deterministic
//! output, and — checked against CPython in one batch — no accepted program that Python
//! rejects and no `syntax` error on a program that Python accepts.

use std::fmt::Write as _;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use typhon_diagnostics::{Code, ColorChoice, Diagnostic, render_human};
use typhon_lexer::{Token, TokenKind};
use typhon_parser::ast::{ExprKind, Module, StmtKind};
use typhon_parser::limits::MAX_EXPR_DEPTH;
use typhon_tests::ast_check::{Strictness, check_tree};
use typhon_tests::{FrontEnd, TempDir, crate_dir, file_name, fixtures_dir, python_files, read_bytes, run_python3_ok};

/// The lexer's limit on indentation levels (CPython's "too many levels of indentation").
const MAX_INDENT_LEVELS: usize = 100;

/// Checks the invariants every front-end result must satisfy and returns the problems.
/// `source` must be what was parsed.
fn invariant_problems(source: &str, module: &Module, diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut problems = Vec::new();
    let len = source.len() as u32;

    let lexed = typhon_lexer::lex(source);
    match lexed.tokens.last() {
        Some(Token { kind: TokenKind::EndOfFile, .. }) => {}
        other => problems.push(format!("the token stream ends with {other:?}, not EndOfFile")),
    }
    let mut previous_start = 0;
    for token in &lexed.tokens {
        if token.span.start > token.span.end || token.span.end > len {
            problems.push(format!("token {token:?} is outside the source (0..{len})"));
            break;
        }
        if token.span.start < previous_start {
            problems.push(format!("token {token:?} starts before the previous token ({previous_start})"));
            break;
        }
        previous_start = token.span.start;
        if token.value != Token::NO_VALUE && lexed.value(token).is_none() {
            problems.push(format!("token {token:?} has a value index past the {} values", lexed.values.len()));
            break;
        }
    }

    for diagnostic in diagnostics {
        if diagnostic.span.start > diagnostic.span.end || diagnostic.span.end > len {
            problems.push(format!("diagnostic {:?} has a span outside the source (0..{len})", diagnostic));
        }
        if diagnostic.message.trim().is_empty() {
            problems.push(format!("diagnostic {diagnostic:?} has an empty message"));
        }
    }

    let strictness = if diagnostics.is_empty() { Strictness::Full } else { Strictness::BoundsOnly };
    let tree = check_tree(module, source, strictness);
    problems.extend(tree.problems);
    if tree.max_expr_depth > 2 * MAX_EXPR_DEPTH as usize {
        problems.push(format!("an expression is {} deep (the limit is {MAX_EXPR_DEPTH})", tree.max_expr_depth));
    }
    if tree.max_block_depth > 2 * MAX_INDENT_LEVELS {
        problems.push(format!("blocks nest {} deep (the lexer allows {MAX_INDENT_LEVELS})", tree.max_block_depth));
    }
    problems
}

/// One input and what the front end made of it.
struct Outcome {
    source: String,
    diagnostics: Vec<Diagnostic>,
}

/// Runs the whole front end on `bytes`, checks the invariants (including that the
/// renderer and `dump` cope with the result) and adds any problem to `failures`.
fn run_checked(label: &str, bytes: &[u8], failures: &mut Vec<String>) -> Option<Outcome> {
    let front = FrontEnd::run(bytes);
    let Some(parsed) = &front.parsed else {
        let diagnostic = &front.diagnostics[0];
        if diagnostic.code != Code::Io || diagnostic.span.end as usize > bytes.len() {
            failures.push(format!("{label}: decoding failed with an unexpected diagnostic {diagnostic:?}"));
        }
        return None;
    };
    let mut problems = invariant_problems(&front.source, &parsed.module, &front.diagnostics);
    let shown = &front.diagnostics[..front.diagnostics.len().min(20)];
    let rendered = render_human(shown, "input.py", &front.source, ColorChoice::Never);
    if shown.iter().any(Diagnostic::is_error) && !rendered.contains("error[") {
        problems.push(format!("rendering lost the errors: {rendered:?}"));
    }
    if typhon_parser::dump(&parsed.module).is_empty() && !parsed.module.body.is_empty() {
        problems.push("dump of a non-empty module is empty".to_owned());
    }
    problems.extend(type_check_problems(&front.source, &parsed.module));
    if !problems.is_empty() {
        failures.push(format!("{label}: {}\n--- input: {:?}", problems.join("\n"), abbreviate(&front.source)));
    }
    Some(Outcome { source: front.source, diagnostics: front.diagnostics })
}

/// Runs the type checker over whatever tree the front end produced, broken or not (the
/// engine skips modules with syntax errors, but the checker must survive any tree), and
/// says what is wrong with its result. A panic or a stack overflow fails the test itself.
fn type_check_problems(source: &str, module: &Module) -> Vec<String> {
    let input = typhon_typeck::ModuleInput {
        name: "input",
        is_package: false,
        ast: module,
        imports: &typhon_typeck::NoImports,
    };
    let checked = typhon_typeck::check_module(&input);
    checked
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.span.start > diagnostic.span.end || diagnostic.span.end as usize > source.len())
        .map(|diagnostic| format!("the checker reported a span outside the source: {diagnostic:?}"))
        .collect()
}

/// Cuts every line of `text` to 120 characters: pathological inputs have huge lines.
fn shorten_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(1 << 16));
    for line in text.lines() {
        let mut chars = line.chars();
        out.extend(chars.by_ref().take(120));
        if chars.next().is_some() {
            out.push_str(" [...]");
        }
        out.push('\n');
    }
    out
}

fn abbreviate(source: &str) -> String {
    if source.len() <= 400 {
        return source.to_owned();
    }
    let mut end = 400;
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}... ({} bytes)", &source[..end], source.len())
}

fn report(title: &str, n_checked: usize, failures: &[String]) {
    if failures.is_empty() {
        return;
    }
    let mut text = format!("{title}: {} failure(s) in {n_checked} inputs\n", failures.len());
    for failure in failures.iter().take(25) {
        let _ = write!(text, "\n===== {failure}\n");
    }
    if failures.len() > 25 {
        let _ = write!(text, "\n... and {} more\n", failures.len() - 25);
    }
    panic!("{text}");
}

/// Pieces of Python source, for token soup and mutations: every keyword, operator and
/// bracket, names (soft keywords and Unicode too), literals of every kind (well and
/// badly formed), f-string fragments, and layout (newlines, indentation, continuations).
const FRAGMENTS: &[&str] = &[
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
    "match",
    "case",
    "type",
    "_",
    "x",
    "foo",
    "Bar",
    "π",
    "名前",
    "self",
    "print",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "<<",
    ">>",
    "&",
    "|",
    "^",
    "~",
    ":=",
    "<",
    ">",
    "<=",
    ">=",
    "==",
    "!=",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    ".",
    ";",
    "=",
    "->",
    "...",
    "!",
    "+=",
    "-=",
    "*=",
    "/=",
    "//=",
    "%=",
    "@=",
    "&=",
    "|=",
    "^=",
    "<<=",
    ">>=",
    "**=",
    "0",
    "1_000",
    "0x1F",
    "0o7",
    "0b1",
    "1.5e3",
    ".5",
    "1j",
    "09",
    "1__0",
    "0x",
    "'a'",
    "\"b\"",
    "'''c'''",
    "\"\"\"d\"\"\"",
    "r'\\d'",
    "b'x'",
    "u'x'",
    "'\\N{EM DASH}'",
    "'\\x4'",
    "'unterminated",
    "\"\"\"open",
    "f\"{x}\"",
    "f'{x!r:>{w}}'",
    "f\"{x=}\"",
    "f\"{",
    "}\"",
    "f'''",
    "rf'\\{x}'",
    "'",
    "\"",
    "\n",
    "\n",
    "\n",
    "\n    ",
    "\n        ",
    "\n\t",
    "\\\n",
    "# comment\n",
    " ",
    "  ",
    "\t",
    "\r\n",
    "\u{a0}",
    "$",
    "?",
    "`",
    "\u{feff}",
    "\0",
];

fn random_fragment(rng: &mut StdRng) -> &'static str {
    FRAGMENTS[rng.random_range(0..FRAGMENTS.len())]
}

fn token_soup(rng: &mut StdRng) -> String {
    let n_fragments = rng.random_range(1..=120);
    let mut text = String::new();
    for _ in 0..n_fragments {
        text.push_str(random_fragment(rng));
        if rng.random_bool(0.7) {
            text.push(' ');
        }
    }
    text
}

fn random_bytes(rng: &mut StdRng) -> Vec<u8> {
    let len = if rng.random_bool(0.05) { rng.random_range(0..4000) } else { rng.random_range(0..300) };
    if rng.random_bool(0.5) {
        let mut bytes = vec![0u8; len];
        rng.fill(&mut bytes[..]);
        bytes
    } else {
        // Mostly the bytes Python source is made of, so that the lexer gets past the
        // first character, with multi-byte characters mixed in and, in one input out of
        // ten, an arbitrary byte (usually making the input invalid UTF-8).
        const ALPHABET: &[u8] = b"()[]{}:;,.=+-*/%<>!&|^~@'\"\\#\n\n\n\t    \r0123456789abcdefxXoObBeEjJ_rRfFuU";
        let mut bytes = Vec::with_capacity(len + 4);
        while bytes.len() < len {
            match rng.random_range(0..20) {
                0 => bytes.extend_from_slice("é".as_bytes()),
                1 => bytes.extend_from_slice("\u{3000}".as_bytes()),
                _ => bytes.push(ALPHABET[rng.random_range(0..ALPHABET.len())]),
            }
        }
        if rng.random_bool(0.1) && !bytes.is_empty() {
            let at = rng.random_range(0..bytes.len());
            bytes[at] = rng.random();
        }
        bytes
    }
}

/// A random char boundary of `text` (0 and `len` included).
fn random_boundary(rng: &mut StdRng, text: &str) -> usize {
    let mut idx = rng.random_range(0..=text.len());
    while !text.is_char_boundary(idx) {
        idx -= 1;
    }
    idx
}

/// One to three random edits of `text`: deleting a few characters, inserting a
/// fragment, or deleting, duplicating or swapping lines.
fn mutate(rng: &mut StdRng, text: &str) -> String {
    let mut text = text.to_owned();
    for _ in 0..rng.random_range(1..=3) {
        match rng.random_range(0..5) {
            0 => {
                let start = random_boundary(rng, &text);
                let mut end = (start + rng.random_range(1..6)).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(start..end, "");
            }
            1 => {
                let at = random_boundary(rng, &text);
                text.insert_str(at, random_fragment(rng));
            }
            kind => {
                let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
                if lines.is_empty() {
                    continue;
                }
                let first = rng.random_range(0..lines.len());
                let second = rng.random_range(0..lines.len());
                match kind {
                    2 => {
                        lines.remove(first);
                    }
                    3 => lines.insert(first, lines[second]),
                    _ => lines.swap(first, second),
                }
                text = lines.concat();
            }
        }
    }
    text
}

/// What CPython says about one source: `None` for success, else the error.
struct Verdict {
    /// `ast.parse`: the parser alone.
    parse: Option<String>,
    /// `compile`: parser, symbol table and compiler.
    compile: Option<String>,
}

/// Asks CPython about every source at once.
fn cpython_verdicts(sources: &[String]) -> Vec<Verdict> {
    let dir = TempDir::new("verdicts");
    let input = dir.path().join("sources.json");
    std::fs::write(&input, serde_json::to_string(sources).expect("strings serialise"))
        .expect("the temporary directory is writable");
    let script = crate_dir().join("scripts/cpython_verdicts.py");
    let output = run_python3_ok(&[script.as_os_str(), input.as_os_str()]);
    let json: Vec<serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("cpython_verdicts.py prints a JSON list");
    let text = |value: &serde_json::Value| value.as_str().map(str::to_owned);
    let verdicts: Vec<Verdict> =
        json.iter().map(|entry| Verdict { parse: text(&entry["parse"]), compile: text(&entry["compile"]) }).collect();
    assert_eq!(verdicts.len(), sources.len(), "one verdict per source");
    verdicts
}

/// The differential half of the random tests. Typhon's parser must never accept what
/// CPython's parser rejects (LANGUAGE.md: every Typhon program is a Python program; the
/// symbol-table errors CPython's compiler adds belong to the checker), and must never
/// call valid Python a *syntax* error (outside the subset it is `unsupported`).
fn compare_with_cpython(outcomes: &[(String, Outcome)], failures: &mut Vec<String>) {
    // CPython skips a byte order mark when it reads a file, but `compile` of a str
    // rejects U+FEFF: strip it, as reading the file would.
    let sources: Vec<String> = outcomes
        .iter()
        .map(|(_, outcome)| outcome.source.strip_prefix('\u{feff}').unwrap_or(&outcome.source).to_owned())
        .collect();
    let verdicts = cpython_verdicts(&sources);
    for ((label, outcome), verdict) in outcomes.iter().zip(verdicts) {
        let syntax_error = outcome.diagnostics.iter().find(|diagnostic| diagnostic.code == Code::Syntax);
        if let Some(python_error) = &verdict.parse
            && outcome.diagnostics.is_empty()
        {
            failures.push(format!(
                "{label}: Typhon accepts a program that CPython rejects ({python_error})\n--- input: {:?}",
                abbreviate(&outcome.source)
            ));
        }
        if verdict.compile.is_none()
            && let Some(diagnostic) = syntax_error
        {
            failures.push(format!(
                "{label}: Typhon reports a syntax error in valid Python: {}\n--- input: {:?}",
                diagnostic.message,
                abbreviate(&outcome.source)
            ));
        }
    }
}

#[test]
fn random_bytes_never_break_the_front_end() {
    let mut rng = StdRng::seed_from_u64(0x7970_686f_6e01);
    let mut failures = Vec::new();
    let n_inputs = 2000;
    let mut n_decoded = 0;
    for idx in 0..n_inputs {
        let bytes = random_bytes(&mut rng);
        if run_checked(&format!("random bytes #{idx}"), &bytes, &mut failures).is_some() {
            n_decoded += 1;
        }
    }
    report("random bytes", n_inputs, &failures);
    // Half of the inputs are drawn from the source alphabet; most of those are UTF-8, so
    // the lexer and the parser really saw them.
    assert!(n_decoded > n_inputs / 4, "only {n_decoded} of {n_inputs} random inputs were UTF-8");
}

#[test]
fn token_soup_and_mutated_fixtures_never_break_the_front_end() {
    let mut rng = StdRng::seed_from_u64(0x7970_686f_6e02);
    let mut failures = Vec::new();
    let mut outcomes = Vec::new();
    for idx in 0..1500 {
        let soup = token_soup(&mut rng);
        let label = format!("token soup #{idx}");
        if let Some(outcome) = run_checked(&label, soup.as_bytes(), &mut failures) {
            outcomes.push((label, outcome));
        }
    }
    let fixtures = python_files(&fixtures_dir().join("parser/valid"));
    for path in &fixtures {
        let Ok(text) = String::from_utf8(read_bytes(path)) else { continue };
        for idx in 0..25 {
            let mutated = mutate(&mut rng, &text);
            let label = format!("{} mutation #{idx}", file_name(path));
            if let Some(outcome) = run_checked(&label, mutated.as_bytes(), &mut failures) {
                outcomes.push((label, outcome));
            }
        }
    }
    // Same input, same output: no hidden state between runs.
    for (label, outcome) in outcomes.iter().step_by(10) {
        let again = typhon_parser::parse_module(&outcome.source);
        if again.diagnostics != outcome.diagnostics {
            failures.push(format!("{label}: a second parse gave different diagnostics"));
        }
    }
    let n_inputs = outcomes.len();
    let n_clean = outcomes.iter().filter(|(_, outcome)| outcome.diagnostics.is_empty()).count();
    eprintln!("{n_clean} of {n_inputs} inputs parsed cleanly");
    compare_with_cpython(&outcomes, &mut failures);
    report("token soup and mutated fixtures", n_inputs, &failures);
    assert!(n_clean > 100, "only {n_clean} of {n_inputs} inputs parsed cleanly: the differential check saw too little");
}

/// How a pathological input must come out.
enum Expect {
    /// Valid Python of the subset: no diagnostic at all.
    Clean,
    /// At least one diagnostic, and one of them mentions one of these words (lowercase).
    Mentions(&'static [&'static str]),
}

const NESTING_WORDS: &[&str] = &["nest", "deep"];

fn nested_if_chain(depth: usize) -> String {
    // One space more per level keeps the file as small as a 10,000-deep chain can be
    // (about 50 MB): each line is `if x:` indented one column deeper than the last.
    let mut text = String::with_capacity(depth * (depth / 2 + 8));
    for level in 0..depth {
        text.extend(std::iter::repeat_n(' ', level));
        text.push_str("if x:\n");
    }
    text.extend(std::iter::repeat_n(' ', depth));
    text.push_str("pass\n");
    text
}

fn elif_chain(n_branches: usize) -> String {
    let mut text = String::from("x = 0\nif x == 0:\n    pass\n");
    for idx in 1..n_branches {
        let _ = write!(text, "elif x == {idx}:\n    pass\n");
    }
    text.push_str("else:\n    pass\n");
    text
}

fn mixed_brackets(depth: usize) -> String {
    const PAIRS: [(char, char); 3] = [('(', ')'), ('[', ']'), ('{', '}')];
    let mut text = String::from("x = ");
    text.extend((0..depth).map(|idx| PAIRS[idx % 3].0));
    text.push('1');
    text.extend((0..depth).rev().map(|idx| PAIRS[idx % 3].1));
    text.push('\n');
    text
}

fn repeat_joined(item: &str, separator: &str, count: usize) -> String {
    let mut text = String::with_capacity((item.len() + separator.len()) * count + 1);
    for idx in 0..count {
        if idx > 0 {
            text.push_str(separator);
        }
        text.push_str(item);
    }
    text.push('\n');
    text
}

fn check_pathological(name: &str, source: &str, expect: Expect, failures: &mut Vec<String>) -> Module {
    let parsed = typhon_parser::parse_module(source);
    let mut problems = invariant_problems(source, &parsed.module, &parsed.diagnostics);
    let shown = &parsed.diagnostics[..parsed.diagnostics.len().min(5)];
    let rendered = shorten_lines(&render_human(shown, "input.py", source, ColorChoice::Never));
    let _ = typhon_parser::dump(&parsed.module);
    problems.extend(type_check_problems(source, &parsed.module));
    match expect {
        Expect::Clean if !parsed.diagnostics.is_empty() => {
            problems.push(format!("expected no diagnostic, got {}:\n{rendered}", parsed.diagnostics.len()));
        }
        Expect::Mentions(words) => {
            let mentioned = parsed.diagnostics.iter().any(|diagnostic| {
                let message = diagnostic.message.to_lowercase();
                words.iter().any(|word| message.contains(word))
            });
            if !mentioned {
                problems.push(format!("expected a diagnostic mentioning one of {words:?}, got:\n{rendered}"));
            }
            // One root cause deserves a handful of diagnostics, not one per level.
            if parsed.diagnostics.len() > 10 {
                problems.push(format!(
                    "{} diagnostics for one problem; the first ones:\n{rendered}",
                    parsed.diagnostics.len()
                ));
            }
        }
        Expect::Clean => {}
    }
    if !problems.is_empty() {
        failures.push(format!("{name}: {}", problems.join("\n")));
    }
    parsed.module
}

#[test]
fn pathological_nesting_is_reported_not_fatal() {
    let mut failures = Vec::new();
    let depth = 100_000;
    let cases: Vec<(&str, String, Expect)> = vec![
        (
            "100,000 nested parentheses",
            format!("x = {}1{}\n", "(".repeat(depth), ")".repeat(depth)),
            Expect::Mentions(NESTING_WORDS),
        ),
        ("100,000 nested mixed brackets", mixed_brackets(depth), Expect::Mentions(NESTING_WORDS)),
        ("100,000 unclosed parentheses", format!("x = {}\n", "(".repeat(depth)), Expect::Mentions(NESTING_WORDS)),
        ("100,000 unclosed mixed brackets", "([{".repeat(depth / 3), Expect::Mentions(NESTING_WORDS)),
        ("100,000 unary minus", format!("x = {}1\n", "-".repeat(depth)), Expect::Mentions(NESTING_WORDS)),
        (
            "100,000 unary minus in parentheses",
            format!("x = ({}1)\n", "-".repeat(depth)),
            Expect::Mentions(NESTING_WORDS),
        ),
        ("100,000 not", format!("x = {}y\n", "not ".repeat(depth)), Expect::Mentions(NESTING_WORDS)),
        ("100,000 terms of +", format!("x = {}", repeat_joined("1", "+", depth)), Expect::Mentions(NESTING_WORDS)),
        (
            "100,000 right-associative **",
            format!("x = {}", repeat_joined("2", " ** ", depth)),
            Expect::Mentions(NESTING_WORDS),
        ),
        ("100,000 chained attributes", format!("x = a{}\n", ".b".repeat(depth)), Expect::Mentions(NESTING_WORDS)),
        ("100,000 chained calls", format!("x = f{}\n", "()".repeat(depth)), Expect::Mentions(NESTING_WORDS)),
        ("100,000 chained subscripts", format!("x = a{}\n", "[0]".repeat(depth)), Expect::Mentions(NESTING_WORDS)),
        (
            "100,000 conditional expressions",
            format!("x = {}c\n", "a if b else ".repeat(depth)),
            Expect::Mentions(NESTING_WORDS),
        ),
        ("10,000 nested lambdas", format!("f = {}0\n", "lambda: ".repeat(10_000)), Expect::Mentions(NESTING_WORDS)),
        (
            "100,000 parentheses in an f-string field",
            format!("s = f\"{{{}x{}}}\"\n", "(".repeat(depth), ")".repeat(depth)),
            Expect::Mentions(NESTING_WORDS),
        ),
        ("100,000 operands of and (flat)", format!("x = {}", repeat_joined("a", " and ", depth)), Expect::Clean),
        ("100,000 chained comparisons (flat)", format!("x = {}", repeat_joined("a", " < ", depth)), Expect::Clean),
        (
            "a list of 100,000 elements",
            format!("x = [{}]\n", repeat_joined("1", ", ", depth).trim_end()),
            Expect::Clean,
        ),
        ("100,000 statements on one line", repeat_joined("x = 1", "; ", depth), Expect::Clean),
        ("a 1 MB string literal", format!("s = \"{}\"\n", "a".repeat(1 << 20)), Expect::Clean),
        ("100,000 closing parentheses", ")".repeat(depth), Expect::Mentions(&["unmatched", "')'"])),
    ];
    let n_cases = cases.len();
    for (name, source, expect) in cases {
        check_pathological(name, &source, expect, &mut failures);
    }
    report("pathological inputs", n_cases, &failures);
}

#[test]
fn ten_thousand_nested_ifs_hit_the_indentation_limit() {
    let mut failures = Vec::new();
    check_pathological(
        "10,000-deep if chain",
        &nested_if_chain(10_000),
        Expect::Mentions(&["too many levels of indentation"]),
        &mut failures,
    );
    // Just inside the limit is fine: 99 nested ifs and their body make 100 levels.
    check_pathological("99-deep if chain", &nested_if_chain(99), Expect::Clean, &mut failures);
    report("nested ifs", 2, &failures);
}

#[test]
fn ten_thousand_elifs_parse_into_one_flat_statement() {
    let mut failures = Vec::new();
    let module = check_pathological("10,000-branch elif chain", &elif_chain(10_000), Expect::Clean, &mut failures);
    report("elif chain", 1, &failures);
    assert_eq!(module.body.len(), 2, "`x = 0` and one if statement");
    let StmtKind::If { branches, orelse } = &module.body[1].kind else {
        panic!("the second statement is not an if: {:?}", module.body[1].kind);
    };
    assert_eq!(branches.len(), 10_000, "one branch per if/elif");
    assert!(orelse.is_some(), "the final else is kept");
    let ExprKind::Compare { comparisons, .. } = &branches[9_999].test.kind else {
        panic!("the last test is not a comparison: {:?}", branches[9_999].test.kind);
    };
    assert_eq!(comparisons.len(), 1);
}

#[test]
fn a_ten_megabyte_file_parses_cleanly() {
    const FUNCTION: &str = "def f{idx}(x: int, *, scale: float = 1.5) -> float:
    total = 0
    for j in range(x):
        if j % 3 == 0 and j > {idx}:
            total += j * 2 ** -1
    return total * scale  # {idx}


";
    let mut source = String::from("\"\"\"A large generated module.\"\"\"\n\n");
    let mut n_functions = 0;
    while source.len() < 10 << 20 {
        source.push_str(&FUNCTION.replace("{idx}", &n_functions.to_string()));
        n_functions += 1;
    }
    let mut failures = Vec::new();
    let module = check_pathological("10 MB file", &source, Expect::Clean, &mut failures);
    report("10 MB file", 1, &failures);
    assert_eq!(module.body.len(), n_functions + 1, "the docstring and every function");
    let last_name = match &module.body[n_functions].kind {
        StmtKind::FunctionDef(def) => def.name.name.to_string(),
        other => panic!("the last statement is not a def: {other:?}"),
    };
    assert_eq!(last_name, format!("f{}", n_functions - 1));
}

#[test]
fn undecodable_bytes_are_an_io_diagnostic() {
    for (bytes, needle) in [
        (&b"x = 1\n\xff\n"[..], "invalid start byte"),
        (&b"s = '\xc3('\n"[..], "invalid continuation byte"),
        (&b"s = '\xe2\x82"[..], "unexpected end of data"),
    ] {
        let front = FrontEnd::run(bytes);
        assert!(front.parsed.is_none(), "{bytes:?} decoded");
        let diagnostic = &front.diagnostics[0];
        assert_eq!(diagnostic.code, Code::Io, "{diagnostic:?}");
        assert!(diagnostic.message.contains(needle), "{bytes:?}: {:?} lacks {needle:?}", diagnostic.message);
    }
    // A byte order mark is not part of the program.
    let front = FrontEnd::run(b"\xef\xbb\xbfx = 1\n");
    assert!(front.diagnostics.is_empty(), "{}", front.render("bom.py"));
}
