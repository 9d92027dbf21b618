//! Differential tests of the format-spec mini-language and `str.format` against CPython.

mod common;

use common::{Diff, Rng, py_float, py_int, py_str, show, show_str};
use typhon_vm::runtime::{
    Conversion, FieldAccess, FieldKey, FormatArgs, Int, IntStrLimit, RtResult, format_bool, format_float, format_int,
    format_str, format_template, parse_int, repr_str,
};

/// Hand-picked specs, valid and invalid, that exercise every part of the grammar.
const SPECS: &[&str] = &[
    "",
    "d",
    "5",
    "<5",
    ">5",
    "^5",
    "=5",
    "*^9",
    "0",
    "05",
    "010",
    "+",
    "-",
    " ",
    "+5",
    " 08",
    "+08",
    "z",
    "z.1f",
    "#",
    "#b",
    "#o",
    "#x",
    "#X",
    "b",
    "o",
    "x",
    "X",
    "c",
    "n",
    ",",
    "_",
    ",d",
    "_d",
    "_b",
    "_x",
    "#_x",
    "012,",
    "015_",
    "08,",
    "0=12,",
    "*=+12,",
    "^+15,.2f",
    ",.2f",
    "_.3e",
    ".0f",
    ".1f",
    ".3f",
    ".10f",
    ".0e",
    ".3e",
    "e",
    "E",
    "f",
    "F",
    "g",
    "G",
    ".0g",
    ".1g",
    ".3g",
    ".17g",
    "#g",
    "#.3g",
    "#.0f",
    "#.0e",
    "%",
    ".1%",
    ".0%",
    ".3",
    ".1",
    ".0",
    "#.3",
    "10.3",
    "<10.3",
    "z.2f",
    "z.3g",
    "+.2e",
    " .2e",
    "s",
    ",s",
    ".2s",
    ">+5",
    "=",
    ",,",
    ",_",
    "_,",
    ",c",
    "+c",
    "#c",
    ",n",
    "ss",
    "Q",
    ".",
    "1.",
    ".2d",
    "zd",
    "\u{e9}>6",
    "\u{1f600}^7",
    "0>5",
    "0<5",
    "0^5",
    "x<08",
    "99999999999999999999",
    ".99999999999999999999f",
    "٣",
    "10.2%",
    "+,",
    "-,",
    ",e",
    "_g",
    "5,",
    "5_",
];

fn ints() -> Vec<Int> {
    [
        "0",
        "1",
        "-1",
        "7",
        "-42",
        "255",
        "1234567",
        "-1234567",
        "65",
        "128512",
        "1114112",
        "9223372036854775808",
        "-123456789012345678901234567890",
    ]
    .iter()
    .map(|t| parse_int(t, 10, IntStrLimit::UNLIMITED).expect("literal"))
    .collect()
}

const FLOATS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    2.5,
    3.25159,
    -3.25159,
    1234567.891,
    -0.001,
    1e16,
    1e-5,
    1.5e-7,
    123456789.0,
    1e100,
    5e-324,
    0.125,
    0.375,
    9.995,
    99.5,
    0.05,
    1e22,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    100.0,
];

const STRS: &[&str] = &["", "a", "abc", "héllo", "日本語", "\u{1f600}x", "a b c d e f"];

#[test]
fn format_specs_match_cpython() {
    let mut diff = Diff::new();
    let mut specs: Vec<String> = SPECS.iter().map(|s| s.to_string()).collect();
    // Random specs assembled from the grammar's pieces, in order.
    let mut rng = Rng::new(0xf0_4a7);
    let pieces: [&[&str]; 8] = [
        &["", "", "<", ">", "^", "=", "*<", "0=", "x^"],
        &["", "", "+", "-", " "],
        &["", "", "z"],
        &["", "", "#"],
        &["", "0"],
        &["", "", "1", "8", "12", "20"],
        &["", "", ",", "_"],
        &["", "", ".0", ".2", ".5", ".12"],
    ];
    let types = ["", "", "d", "b", "o", "x", "X", "c", "n", "e", "E", "f", "F", "g", "G", "%", "s"];
    for _ in 0..400 {
        let mut spec: String = pieces.iter().map(|options| *rng.pick(options)).collect();
        let ty: &str = types[rng.below(types.len())];
        spec.push_str(ty);
        specs.push(spec);
    }
    for spec in &specs {
        let ps = py_str(spec);
        for n in ints() {
            diff.case(
                format!("format({}, {ps})", py_int(&n)),
                show(format_int(&n, spec, IntStrLimit::DEFAULT), |s| show_str(s)),
            );
        }
        for b in [true, false] {
            let pb = if b { "True" } else { "False" };
            diff.case(format!("format({pb}, {ps})"), show(format_bool(b, spec), |s| show_str(s)));
        }
        for &x in FLOATS {
            diff.case(format!("format({}, {ps})", py_float(x)), show(format_float(x, spec), |s| show_str(s)));
        }
        for text in STRS {
            diff.case(format!("format({}, {ps})", py_str(text)), show(format_str(text, spec), |s| show_str(s)));
        }
    }
    // Random doubles (any bit pattern) through the float presentation types.
    let float_specs = [
        "", "e", ".0e", ".16e", "f", ".0f", ".20f", "g", ".1g", ".15g", ".17g", "#.4g", "%", ".3%", ".5", "#", "z.3f",
        "+,.1f", "012.3e", "G", "E", "n",
    ];
    for _ in 0..300 {
        let x = f64::from_bits(rng.next_u64());
        for spec in float_specs {
            diff.case(
                format!("format({}, {})", py_float(x), py_str(spec)),
                show(format_float(x, spec), |s| show_str(s)),
            );
        }
    }
    let big = parse_int(&"9".repeat(4400), 10, IntStrLimit::UNLIMITED).expect("literal");
    for spec in ["", "d", ",", "x", "b", ">10", "e"] {
        diff.case(
            format!("lim(4300, lambda: len(format(10**4400 - 1, {})))", py_str(spec)),
            show(format_int(&big, spec, IntStrLimit::DEFAULT), |s| s.len().to_string()),
        );
    }
    diff.check("format specs");
}

/// `str.format` arguments: ints, floats and strs, formatted with the functions above.
#[derive(Clone)]
enum Value {
    Int(Int),
    Float(f64),
    Str(String),
}

struct Args {
    positional: Vec<Value>,
    keywords: Vec<(String, Value)>,
}

impl FormatArgs for Args {
    fn positional_count(&self) -> usize {
        self.positional.len()
    }

    fn has_keyword(&self, name: &str) -> bool {
        self.keywords.iter().any(|(key, _)| key == name)
    }

    fn format_field(
        &mut self,
        key: FieldKey<'_>,
        accessors: &[FieldAccess<'_>],
        conversion: Option<Conversion>,
        spec: &str,
    ) -> RtResult<String> {
        let mut value = match key {
            FieldKey::Index(idx) => self.positional[idx].clone(),
            FieldKey::Name(name) => {
                self.keywords.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).expect("checked")
            }
        };
        for accessor in accessors {
            // Only str[index] is supported by this toy VM.
            let (Value::Str(text), FieldAccess::Index(idx)) = (&value, accessor) else {
                return Err(typhon_vm::runtime::RuntimeError::type_error("unsupported accessor"));
            };
            let c = typhon_vm::runtime::PyStr::new(text.as_str()).get_item(*idx as i64)?;
            value = Value::Str(c.to_string());
        }
        if let Some(conversion) = conversion {
            let text = match (&value, conversion) {
                (Value::Int(n), _) => n.to_string(),
                (Value::Float(x), _) => typhon_vm::runtime::float_ops::repr(*x),
                (Value::Str(s), Conversion::Str) => s.clone(),
                (Value::Str(s), _) => repr_str(s),
            };
            value = Value::Str(text);
        }
        match value {
            Value::Int(n) => format_int(&n, spec, IntStrLimit::DEFAULT),
            Value::Float(x) => format_float(x, spec),
            Value::Str(s) => format_str(&s, spec),
        }
    }
}

#[test]
fn str_format_matches_cpython() {
    let mut diff = Diff::new();
    let templates = [
        "",
        "plain",
        "{}",
        "{} {}",
        "{0}{1}{0}",
        "{}{0}",
        "{0}{}",
        "{{}}",
        "{{{}}}",
        "}",
        "{",
        "a}b",
        "a{b",
        "{:>{}}",
        "{0:>{1}}",
        "{x}",
        "{x:{w}}",
        "{x!r}",
        "{x!s:>8}",
        "{0!r:^{w}}",
        "{!x}",
        "{!}",
        "{0!rr}",
        "{:{:{}}}",
        "{0[1]}",
        "{0[}",
        "{0:",
        "{0!",
        "{3}",
        "{y}",
        "{0[0]x}",
        "{0[]}",
        "{ x}",
        "{x }",
        "{:,}{:.2f}",
        "{2:_}",
        "{2:#x}",
        "{1:.3e}",
        "{w:0>6}",
        "{:{}}",
        "{00}",
        "{0 }",
        "{٠}",
        "{0}}",
        "}}{{",
        "{:}",
        "{0:}",
        "{x!r:}",
        "{:{{}}}",
        "{0:{w}.{w}}",
        "{{0}}",
        "{}}",
        "{99999999999999999999}",
        "{0[99999999999999999999]}",
        "{0:{}}",
        "text {0} more {x} end",
    ];
    let make_args = || Args {
        positional: vec![
            Value::Str("abc".into()),
            Value::Float(3.25159),
            Value::Int(Int::Small(1234567)),
            Value::Int(Int::Small(8)),
        ],
        keywords: vec![("x".into(), Value::Str("it's".into())), ("w".into(), Value::Int(Int::Small(6)))],
    };
    let mut rng = Rng::new(0x7e3);
    let pool = ['{', '}', '{', '}', '0', '1', '2', ':', '!', 'r', 's', 'x', 'w', '>', '5', ',', 'a', ' '];
    let random: Vec<String> = (0..400).map(|_| (0..rng.below(10)).map(|_| *rng.pick(&pool)).collect()).collect();
    for template in templates.iter().copied().chain(random.iter().map(String::as_str)) {
        let mut args = make_args();
        diff.case(
            format!("{}.format('abc', 3.25159, 1234567, 8, x={}, w=6)", py_str(template), py_str("it's")),
            show(format_template(template, &mut args), |s| show_str(s)),
        );
    }
    diff.check("str.format");
}
