//! Differential tests of str methods, indexing, repr and Unicode classification
//! (a sweep of every code point) against CPython.

mod common;

use common::{Diff, py_str, show, show_bool, show_str};
use typhon_vm::runtime::{PyStr, chars, repr_str, str_ops};

fn show_list(items: &[String]) -> String {
    format!("({})", items.iter().map(|s| repr_str(s)).collect::<Vec<_>>().join(", "))
}

/// The swept code points: planes 0-3 and 14-16, every scalar value that Unicode 14
/// assigns or reserves for private use (planes 4-13 are unassigned, and a Rust string
/// cannot hold CPython's surrogates). Skipping the rest keeps the debug test fast.
fn all_chars() -> impl Iterator<Item = char> {
    (0..0x40000u32).chain(0xE0000..0x110000).filter_map(char::from_u32)
}

fn with_str<T>(c: char, f: impl Fn(&str) -> T) -> T {
    let mut buf = [0u8; 4];
    f(c.encode_utf8(&mut buf))
}

fn ranges(predicate: impl Fn(char) -> bool) -> String {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for c in all_chars().filter(|&c| predicate(c)) {
        let code = u32::from(c);
        match out.last_mut() {
            Some((_, end)) if *end + 1 == code => *end = code,
            _ => out.push((code, code)),
        }
    }
    let text: Vec<String> = out.iter().map(|(a, b)| format!("{a:x}-{b:x}")).collect();
    format!("'{}'", text.join(","))
}

fn mapping(map: impl Fn(&str) -> String) -> String {
    let mut parts = Vec::new();
    for c in all_chars() {
        let mut buf = [0u8; 4];
        let single: &str = c.encode_utf8(&mut buf);
        let mapped = map(single);
        if mapped != single {
            let codes: Vec<String> = mapped.chars().map(|m| format!("{:x}", u32::from(m))).collect();
            parts.push(format!("{:x}:{}", u32::from(c), codes.join(".")));
        }
    }
    format!("'{}'", parts.join(","))
}

/// A Python `str` predicate's name and our per-character version of it.
type Property = (&'static str, fn(char) -> bool);

#[test]
fn unicode_sweep_matches_cpython() {
    let mut diff = Diff::new();
    diff.setup(
        r#"
ALL = [chr(c) for c in [*range(0x40000), *range(0xE0000, 0x110000)] if not 0xD800 <= c <= 0xDFFF]
def ranges(pred):
    out = []
    for ch in ALL:
        c = ord(ch)
        if pred(ch):
            if out and out[-1][1] == c - 1:
                out[-1][1] = c
            else:
                out.append([c, c])
    return ','.join('%x-%x' % (a, b) for a, b in out)
def mapping(f):
    parts = []
    for ch in ALL:
        m = f(ch)
        if m != ch:
            parts.append('%x:%s' % (ord(ch), '.'.join('%x' % ord(x) for x in m)))
    return ','.join(parts)
"#,
    );
    let props: [Property; 12] = [
        ("isspace", chars::is_space),
        ("isalpha", chars::is_alpha),
        ("isdecimal", chars::is_decimal),
        ("isdigit", chars::is_digit),
        ("isnumeric", chars::is_numeric),
        ("isalnum", chars::is_alnum),
        ("isprintable", chars::is_printable),
        ("isupper", |c| with_str(c, str_ops::isupper)),
        ("islower", |c| with_str(c, str_ops::islower)),
        ("istitle", |c| with_str(c, str_ops::istitle)),
        ("isspace", |c| with_str(c, str_ops::isspace)),
        ("isalnum", |c| with_str(c, str_ops::isalnum)),
    ];
    // Two cores: sweep the properties on one thread, the mappings on the other.
    let (prop_results, map_results) = std::thread::scope(|scope| {
        let props_job = scope.spawn(|| props.map(|(_, predicate)| ranges(predicate)));
        let maps: [fn(&str) -> String; 6] =
            [str_ops::upper, str_ops::lower, str_ops::title, str_ops::capitalize, str_ops::swapcase, |s| {
                let r = repr_str(s);
                r[1..r.len() - 1].to_string()
            }];
        let mapped = maps.map(mapping);
        (props_job.join().expect("sweep thread"), mapped)
    });
    for ((name, _), result) in props.iter().zip(prop_results) {
        diff.case(format!("ranges(lambda c: c.{name}())"), result);
    }
    // Cased / case-ignorable, as observed through title() and the final-sigma rule.
    diff.case("ranges(lambda c: (c + 'a').title()[-1] == 'a')", ranges(chars::is_cased));
    diff.case(
        "ranges(lambda c: ('A\\u03a3' + c + ' ').lower()[1] == '\\u03c2' if (c + 'a').title()[-1] == 'a' else ('A\\u03a3' + c + 'A').lower()[1] == '\\u03c3')",
        ranges(chars::is_case_ignorable),
    );
    diff.case("ranges(lambda c: c.isdecimal() and int(c) == 7)", ranges(|c| chars::decimal_value(c) == Some(7)));
    let map_exprs =
        ["str.upper", "str.lower", "str.title", "str.capitalize", "str.swapcase", "lambda c: repr(c)[1:-1]"];
    for (expr, result) in map_exprs.iter().zip(map_results) {
        diff.case(format!("mapping({expr})"), result);
    }
    diff.check("unicode sweep");
}

const SAMPLES: &[&str] = &[
    "",
    " ",
    "a",
    "abc",
    "  hello  world  ",
    "Hello, World!",
    "they're bill's friends from the UK",
    "a,b,,c,",
    ",",
    "\t\n x \x0b\x0c\r\x1c\x1d\x1e\x1f\u{85}\u{a0}\u{2003}y\u{3000}",
    "line1\nline2\r\nline3\rline4\x0bl5\x0cl6\x1cl7\u{2028}l8\u{2029}\u{85}end\n",
    "ΣΑΣ ΟΔΟΣ. σΣ ΑΣ'Σ",
    "straße ﬁne ŉ ǅǆǄ İı",
    "héllo wörld",
    "日本語のテキスト",
    "\u{1f600}a\u{1f600}b",
    "aaaa",
    "abab",
    "-42",
    "+7",
    "0x1F",
    "héllo wörld, ñandú ΣΑΣ — 日本 \u{1f600} héllo wörld, ñandú ΣΑΣ — 日本 \u{1f600} héllo wörld, ñandú ΣΑΣ — 日本 \u{1f600} héllo wörld, ñandú ΣΑΣ — 日本 \u{1f600} ",
    "ǅungla",
    "Ⅻ ½ ² ٣ 一",
    "MiXeD CaSe 123",
    "___",
    "a\u{301}b\u{301}",
    "\u{0}\u{7}\u{7f}'\"\\",
];

#[test]
fn str_methods_match_cpython() {
    let mut diff = Diff::new();
    let seps: &[Option<&str>] = &[None, Some(","), Some(" "), Some("ab"), Some("Σ"), Some(""), Some("aa")];
    for &text in SAMPLES {
        let p = py_str(text);
        let s = PyStr::new(text);
        diff.case(format!("repr({p})"), show_str(&repr_str(text)));
        diff.case(format!("ascii({p})"), show_str(&typhon_vm::runtime::ascii_str(text)));
        diff.case(format!("len({p})"), s.char_len().to_string());
        for (name, f) in [
            ("upper", str_ops::upper as fn(&str) -> String),
            ("lower", str_ops::lower),
            ("title", str_ops::title),
            ("capitalize", str_ops::capitalize),
            ("swapcase", str_ops::swapcase),
        ] {
            diff.case(format!("{p}.{name}()"), show_str(&f(text)));
        }
        for (name, f) in [
            ("isdigit", str_ops::isdigit as fn(&str) -> bool),
            ("isdecimal", str_ops::isdecimal),
            ("isnumeric", str_ops::isnumeric),
            ("isalpha", str_ops::isalpha),
            ("isalnum", str_ops::isalnum),
            ("isspace", str_ops::isspace),
            ("isupper", str_ops::isupper),
            ("islower", str_ops::islower),
            ("istitle", str_ops::istitle),
            ("isprintable", str_ops::isprintable),
        ] {
            diff.case(format!("{p}.{name}()"), show_bool(f(text)));
        }
        for &sep in seps {
            let ps = sep.map_or("None".to_string(), py_str);
            for maxsplit in [-1i64, 0, 1, 2] {
                diff.case(
                    format!("{p}.split({ps}, {maxsplit})"),
                    show(str_ops::split(text, sep, maxsplit), |v| show_list(v)),
                );
                diff.case(
                    format!("{p}.rsplit({ps}, {maxsplit})"),
                    show(str_ops::rsplit(text, sep, maxsplit), |v| show_list(v)),
                );
            }
            if let Some(sub) = sep {
                let pu = py_str(sub);
                for (start, end) in [
                    (None, None),
                    (Some(1), None),
                    (Some(-3), None),
                    (None, Some(-1)),
                    (Some(2), Some(1)),
                    (Some(0), Some(100)),
                    (Some(100), None),
                ] {
                    let args = match (start, end) {
                        (None, None) => String::new(),
                        (Some(a), None) => format!(", {a}"),
                        (None, Some(b)) => format!(", None, {b}"),
                        (Some(a), Some(b)) => format!(", {a}, {b}"),
                    };
                    diff.case(format!("{p}.find({pu}{args})"), s.find(sub, start, end).to_string());
                    diff.case(format!("{p}.rfind({pu}{args})"), s.rfind(sub, start, end).to_string());
                    diff.case(format!("{p}.index({pu}{args})"), show(s.index(sub, start, end), |v| v.to_string()));
                    diff.case(format!("{p}.rindex({pu}{args})"), show(s.rindex(sub, start, end), |v| v.to_string()));
                    diff.case(format!("{p}.count({pu}{args})"), s.count(sub, start, end).to_string());
                    diff.case(format!("{p}.startswith({pu}{args})"), show_bool(s.startswith(sub, start, end)));
                    diff.case(format!("{p}.endswith({pu}{args})"), show_bool(s.endswith(sub, start, end)));
                }
                for count in [-1i64, 0, 1, 2] {
                    diff.case(
                        format!("{p}.replace({pu}, '<>', {count})"),
                        show(str_ops::replace(text, sub, "<>", count), |v| show_str(v)),
                    );
                }
                diff.case(format!("{p}.strip({pu})"), show_str(str_ops::strip(text, Some(sub))));
                diff.case(format!("{p}.lstrip({pu})"), show_str(str_ops::lstrip(text, Some(sub))));
                diff.case(format!("{p}.rstrip({pu})"), show_str(str_ops::rstrip(text, Some(sub))));
                diff.case(format!("{pu}.join(({p}, {p}, 'x'))"), show_str(&str_ops::join(sub, [text, text, "x"])));
            }
        }
        diff.case(
            format!("{p}.startswith(('zz', {p}[:2]))"),
            show_bool(s.startswith_any(["zz", s.char_range(0, 2)], None, None)),
        );
        diff.case(format!("{p}.strip()"), show_str(str_ops::strip(text, None)));
        diff.case(format!("{p}.lstrip()"), show_str(str_ops::lstrip(text, None)));
        diff.case(format!("{p}.rstrip()"), show_str(str_ops::rstrip(text, None)));
        for keepends in [false, true] {
            let pk = if keepends { "True" } else { "False" };
            diff.case(format!("{p}.splitlines({pk})"), show_list(&str_ops::splitlines(text, keepends)));
        }
        for width in [-1i64, 0, 3, 8, 9, 20] {
            diff.case(format!("{p}.zfill({width})"), show(str_ops::zfill(text, width), |v| show_str(v)));
            diff.case(format!("{p}.ljust({width}, '*')"), show(str_ops::ljust(text, width, '*'), |v| show_str(v)));
            diff.case(format!("{p}.rjust({width})"), show(str_ops::rjust(text, width, ' '), |v| show_str(v)));
            diff.case(
                format!("{p}.center({width}, '\u{e9}')"),
                show(str_ops::center(text, width, 'é'), |v| show_str(v)),
            );
        }
        for count in [-2i64, 0, 1, 3] {
            diff.case(format!("{p} * {count}"), show(str_ops::repeat(text, count), |v| show_str(v)));
        }
        for index in [0i64, 1, -1, -2, 5, 30, -30, 63, 64, 65, 100, -70, 127, 128, 129] {
            diff.case(format!("{p}[{index}]"), show(s.get_item(index), |c| show_str(&c.to_string())));
        }
        let bounds = [None, Some(0), Some(1), Some(-1), Some(3), Some(-4), Some(70), Some(-70), Some(200), Some(-200)];
        for start in bounds {
            for stop in bounds {
                for step in [None, Some(1), Some(2), Some(-1), Some(-2), Some(3), Some(0)] {
                    let fmt = |b: Option<i64>| b.map_or(String::new(), |v| v.to_string());
                    let step_text = step.map_or(String::new(), |v| format!(":{v}"));
                    diff.case(
                        format!("{p}[{}:{}{step_text}]", fmt(start), fmt(stop)),
                        show(s.slice(start, stop, step), |v| show_str(v)),
                    );
                }
            }
        }
    }
    for code in [0i64, 65, 0xe9, 0x1f600, 0x10ffff, 0x110000, -1, 1 << 40] {
        diff.case(format!("chr({code})"), show(typhon_vm::runtime::chr(code), |c| show_str(&c.to_string())));
    }
    for text in ["a", "é", "\u{1f600}", "", "ab"] {
        diff.case(format!("ord({})", py_str(text)), show(PyStr::new(text).ord(), |v| v.to_string()));
    }
    let huge = typhon_vm::runtime::Int::Small(1).shl(&typhon_vm::runtime::Int::Small(70)).expect("shift");
    diff.case("chr(2**70)", show(typhon_vm::runtime::chr_int(&huge), |c| show_str(&c.to_string())));
    diff.check("str methods");
}
