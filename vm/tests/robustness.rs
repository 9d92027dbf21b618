//! Random inputs never panic: every runtime operation returns a value or a Python
//! exception (the interpreter relies on it).

mod common;

use common::Rng;
use typhon_vm::runtime::{
    Conversion, FieldAccess, FieldKey, FormatArgs, Int, IntStrLimit, PyStr, RtResult, float_ops, format_bool,
    format_float, format_int, format_str, format_template, parse_int, str_ops,
};

const SPEC_CHARS: &[char] = &[
    '<',
    '>',
    '^',
    '=',
    '+',
    '-',
    ' ',
    'z',
    '#',
    '0',
    '1',
    '9',
    ',',
    '_',
    '.',
    'd',
    'x',
    'X',
    'b',
    'o',
    'c',
    'n',
    'e',
    'E',
    'f',
    'F',
    'g',
    'G',
    '%',
    's',
    '{',
    '}',
    '!',
    'r',
    'é',
    '٣',
    '\u{1f600}',
    '[',
    ']',
    'a',
];

fn random_text(rng: &mut Rng, pool: &[char], max_len: usize) -> String {
    (0..rng.below(max_len + 1)).map(|_| *rng.pick(pool)).collect()
}

fn random_int(rng: &mut Rng) -> Int {
    let small = Int::Small(rng.next_u64() as i64 >> rng.below(64));
    match rng.below(4) {
        0 => small,
        1 => small.mul(&Int::Small(rng.next_u64() as i64)).mul(&Int::Small(rng.next_u64() as i64)),
        2 => Int::Small(rng.below(20) as i64 - 10),
        _ => small.shl(&Int::Small(rng.below(300) as i64)).unwrap_or(Int::ZERO),
    }
}

fn random_float(rng: &mut Rng) -> f64 {
    match rng.below(3) {
        0 => f64::from_bits(rng.next_u64()),
        1 => rng.below(1000) as f64 / 8.0 - 60.0,
        _ => *rng.pick(&[0.0, -0.0, f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 5e-324, f64::MAX]),
    }
}

struct AnyArgs;

impl FormatArgs for AnyArgs {
    fn positional_count(&self) -> usize {
        3
    }

    fn has_keyword(&self, name: &str) -> bool {
        name == "a"
    }

    fn format_field(
        &mut self,
        _: FieldKey<'_>,
        _: &[FieldAccess<'_>],
        _: Option<Conversion>,
        spec: &str,
    ) -> RtResult<String> {
        format_int(&Int::Small(42), spec, IntStrLimit::DEFAULT)
    }
}

#[test]
fn random_inputs_never_panic() {
    let mut rng = Rng::new(0xdead_beef);
    for _ in 0..10_000 {
        let spec = random_text(&mut rng, SPEC_CHARS, 8);
        let _ = format_int(&random_int(&mut rng), &spec, IntStrLimit::DEFAULT);
        let _ = format_bool(rng.below(2) == 1, &spec);
        let _ = format_float(random_float(&mut rng), &spec);
        let _ = format_str("héllo", &spec);
        let template = random_text(&mut rng, SPEC_CHARS, 12);
        let _ = format_template(&template, &mut AnyArgs);
        let text = random_text(&mut rng, SPEC_CHARS, 10);
        let _ = parse_int(&text, rng.below(40) as i64 - 2, IntStrLimit::DEFAULT);
        let _ = float_ops::parse_float(&text);
        let s = PyStr::new(text.as_str());
        let bound = |rng: &mut Rng| (rng.below(3) > 0).then(|| rng.next_u64() as i64 >> rng.below(64));
        let (a, b, c) = (bound(&mut rng), bound(&mut rng), bound(&mut rng));
        let _ = s.slice(a, b, c);
        let _ = s.get_item(a.unwrap_or(0));
        let _ = (s.find("é", a, b), s.rfind("", a, b), s.count("0", a, b), s.startswith("", a, b));
        let _ = str_ops::center(&text, a.unwrap_or(5) % 50, '*');
        let _ = str_ops::split(&text, Some("0"), a.unwrap_or(-1));
        let _ = str_ops::rsplit(&text, None, b.unwrap_or(-1));
        let (x, y) = (random_int(&mut rng), random_int(&mut rng));
        let _ = (x.floordiv(&y), x.modulo(&y), x.truediv(&y), x.pow_mod(&y, &random_int(&mut rng)));
        let _ = (x.shl(&Int::Small(rng.below(200) as i64)), x.shr(&y), x.cmp_f64(random_float(&mut rng)));
        let _ = x.pow(&Int::Small(rng.below(40) as i64 - 10));
        let (f, g) = (random_float(&mut rng), random_float(&mut rng));
        let _ = (float_ops::divmod(f, g), float_ops::pow(f, g), float_ops::round_digits(f, a.unwrap_or(2) % 400));
        let _ = (float_ops::round_to_int(f), float_ops::hash(f), float_ops::repr(f));
        let _ = float_ops::round_int(&x, b.unwrap_or(-3) % 60);
    }
}
