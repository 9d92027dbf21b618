//! Differential tests of float repr, arithmetic, rounding, parsing and `math` against CPython.

mod common;

use common::{Diff, Rng, py_float, py_int, py_str, show, show_bool, show_float, show_int};
use typhon_vm::runtime::{Int, float_ops, math};

fn special_values() -> Vec<f64> {
    vec![
        0.0,
        -0.0,
        0.1,
        0.2,
        0.3,
        0.5,
        1.0,
        -1.0,
        1.5,
        2.5,
        -2.5,
        3.5,
        2.675,
        0.125,
        0.375,
        1e16,
        1e-5,
        1.5e-7,
        123_456_789_012_345.0,
        1_234_567_890_123_456.0,
        1e15,
        9_999_999_999_999_998.0,
        1e22,
        1e23,
        5e-324,
        1e-323,
        2.225_073_858_507_201e-308,
        2.225_073_858_507_201_4e-308,
        f64::MAX,
        -f64::MAX,
        std::f64::consts::PI,
        -7.0,
        7.0,
        1e300,
        -1e300,
        9_007_199_254_740_992.0,
        9_007_199_254_740_994.0,
        1.0 / 3.0,
        2.0 / 3.0,
        100.0,
        1e-4,
        0.0001234,
        123.456,
        0.05,
        0.15,
        0.25,
        5e-5,
        1e100,
        4.35,
        2.5e-5,
        1234.5,
        -0.5,
        0.499_999_999_999_999_94,
        4_503_599_627_370_495.5,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ]
}

fn random_values(rng: &mut Rng, count: usize) -> Vec<f64> {
    let mut values = Vec::with_capacity(count);
    while values.len() < count {
        let x = match rng.below(3) {
            // Any bit pattern: subnormals, huge values, everything.
            0 => f64::from_bits(rng.next_u64()),
            // Short decimals, where ties and shortest digits get interesting.
            1 => (rng.below(2_000_000) as f64 - 1e6) / [1.0, 10.0, 100.0, 1000.0, 8.0, 1024.0][rng.below(6)],
            // Values around powers of two and ten.
            _ => {
                let scale = 2f64.powi(rng.below(200) as i32 - 100);
                scale * (1.0 + (rng.below(1000) as f64) * f64::EPSILON)
            }
        };
        if !x.is_nan() {
            values.push(x);
        }
    }
    values
}

fn show_pair((a, b): &(f64, f64)) -> String {
    format!("({}, {})", show_float(*a), show_float(*b))
}

#[test]
fn float_repr_and_unary_operations_match_cpython() {
    let mut diff = Diff::new();
    let mut rng = Rng::new(0x5eed_f10a);
    let mut values = special_values();
    values.extend(random_values(&mut rng, 1500));
    for &x in &values {
        let px = py_float(x);
        diff.case(px.clone(), show_float(x));
        diff.case(format!("str(-{px})"), common::show_str(&float_ops::repr(-x)));
    }
    for &x in values.iter().take(400) {
        let px = py_float(x);
        diff.case(format!("int({px})"), show(Int::from_f64(x), show_int));
        diff.case(format!("round({px})"), show(float_ops::round_to_int(x), show_int));
        for ndigits in [-400i64, -308, -20, -3, -1, 0, 1, 2, 3, 10, 17, 300, 323, 400] {
            diff.case(format!("round({px}, {ndigits})"), show(float_ops::round_digits(x, ndigits), |v| show_float(*v)));
        }
        if !x.is_nan() {
            diff.case(format!("hash({px})"), float_ops::hash(x).to_string());
        }
        diff.case(format!("({px}).is_integer()"), show_bool(float_ops::is_integer(x)));
        diff.case(format!("math.floor({px})"), show(math::floor(x), show_int));
        diff.case(format!("math.ceil({px})"), show(math::ceil(x), show_int));
        diff.case(format!("math.sqrt({px})"), show(math::sqrt(x), |v| show_float(*v)));
        diff.case(format!("math.exp({px})"), show(math::exp(x), |v| show_float(*v)));
        diff.case(format!("math.log({px})"), show(math::log(&math::LogArg::Float(x), None), |v| show_float(*v)));
        diff.case(
            format!("math.log({px}, 10)"),
            show(math::log(&math::LogArg::Float(x), Some(&math::LogArg::Float(10.0))), |v| show_float(*v)),
        );
        diff.case(format!("math.sin({px})"), show(math::sin(x), |v| show_float(*v)));
        diff.case(format!("math.asin({px})"), show(math::asin(x), |v| show_float(*v)));
        diff.case(format!("math.tan({px})"), show(math::tan(x), |v| show_float(*v)));
        if let Ok(n) = Int::from_f64(x) {
            let pn = py_int(&n);
            diff.case(format!("{pn} == {px}"), show_bool(n.cmp_f64(x) == Some(std::cmp::Ordering::Equal)));
            if x.fract() == 0.0 {
                diff.case(format!("hash({pn})"), n.py_hash().to_string());
            }
        }
    }
    for n in ["0", "1", "-5", "10", "1000000", &format!("1{}", "0".repeat(400)), &format!("7{}", "3".repeat(330))] {
        let int = typhon_vm::runtime::parse_int(n, 10, typhon_vm::runtime::IntStrLimit::UNLIMITED).expect("literal");
        let arg = math::LogArg::Int(int.clone());
        diff.case(format!("math.log({n})"), show(math::log(&arg, None), |v| show_float(*v)));
        diff.case(format!("math.log2({n})"), show(math::log2(&arg), |v| show_float(*v)));
        diff.case(format!("math.log10({n})"), show(math::log10(&arg), |v| show_float(*v)));
        diff.case(format!("math.isqrt({n})"), show(math::isqrt(&int), show_int));
    }
    diff.check("float unary");
}

#[test]
fn float_binary_operations_match_cpython() {
    let mut diff = Diff::new();
    let mut rng = Rng::new(0xb1_0a7);
    let mut values: Vec<f64> = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        2.0,
        -2.0,
        0.5,
        -0.5,
        3.0,
        7.5,
        -7.5,
        0.1,
        1e300,
        -1e300,
        5e-324,
        1e-10,
        1e16,
        3.0e-200,
        2.5,
        -3.0,
        10.0,
        1.0 / 3.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ];
    values.extend(random_values(&mut rng, 15));
    for &x in &values {
        for &y in &values {
            let (px, py) = (py_float(x), py_float(y));
            diff.case(format!("{px} + {py}"), show_float(x + y));
            diff.case(format!("{px} * {py}"), show_float(x * y));
            diff.case(format!("{px} / {py}"), show(float_ops::truediv(x, y), |v| show_float(*v)));
            diff.case(format!("{px} // {py}"), show(float_ops::floordiv(x, y), |v| show_float(*v)));
            diff.case(format!("{px} % {py}"), show(float_ops::modulo(x, y), |v| show_float(*v)));
            diff.case(format!("divmod({px}, {py})"), show(float_ops::divmod(x, y), show_pair));
            diff.case(format!("{px} ** {py}"), show(float_ops::pow(x, y), |v| show_float(*v)));
            diff.case(format!("math.pow({px}, {py})"), show(math::pow(x, y), |v| show_float(*v)));
            diff.case(format!("math.atan2({px}, {py})"), show_float(math::atan2(x, y)));
            diff.case(format!("math.hypot({px}, {py})"), show(math::hypot(x, y), |v| show_float(*v)));
        }
    }
    diff.check("float binary");
}

#[test]
fn float_parsing_matches_cpython() {
    let mut diff = Diff::new();
    let texts = [
        "1",
        "-1",
        "+1.5",
        "  1e5 ",
        "\t2.5\n",
        "inf",
        "-inf",
        "+inf",
        "Infinity",
        "-Infinity",
        "iNfInItY",
        "nan",
        "-nan",
        "NaN",
        "infinit",
        "in",
        "nana",
        "1_0",
        "1__0",
        "_1",
        "1_",
        "1_.5",
        "1._5",
        "1.5_0",
        "1e1_0",
        "1e_5",
        "1_e5",
        ".5",
        "5.",
        ".",
        "e5",
        "1e",
        "1e+",
        "1.5E-3",
        "0x10",
        "1.5.2",
        "",
        " ",
        "٣.٥",
        "\u{2003}7\u{3000}",
        "\x1c1",
        "1\x1f",
        "1e400",
        "-1e400",
        "1e-400",
        "4.9e-324",
        "2.4703282292062328e-324",
        "2.4703282292062327e-324",
        "0.1000000000000000055511151231257827",
        "123456789012345678901234567890",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "- 1",
        "+-1",
        "++1",
        "1 2",
        "inf inity",
        "0e0",
        "-0",
        "00.5",
        "1_000.000_1",
        "\u{ff11}.\u{ff15}",
    ];
    for text in texts {
        diff.case(format!("float({})", py_str(text)), show(float_ops::parse_float(text), |v| show_float(*v)));
    }
    diff.check("float parsing");
}
