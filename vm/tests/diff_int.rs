//! Differential tests of int arithmetic, conversions and parsing against CPython.

mod common;

use std::cmp::Ordering;

use common::{Diff, py_float, py_int, py_str, show, show_bool, show_float, show_int, show_str};
use typhon_vm::runtime::{Int, IntPow, IntStrLimit, float_ops, parse_int};

fn int(text: &str) -> Int {
    parse_int(text, 10, IntStrLimit::UNLIMITED).expect("test literal")
}

fn values() -> Vec<Int> {
    let texts = [
        "0",
        "1",
        "-1",
        "2",
        "-2",
        "3",
        "7",
        "-7",
        "10",
        "255",
        "-256",
        "2147483648",
        "9007199254740993",
        "-9007199254740993",
        "9223372036854775807",
        "-9223372036854775808",
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551616",
        "-100000000000000000000",
        "515377520732011331036461129765621272702107522001",
        "-1798465042647412146620280340569649349251249",
        "1606938044258990275541962092341162602522202993782792835301375",
    ];
    texts.iter().map(|t| int(t)).collect()
}

fn show_pow(result: &IntPow) -> String {
    match result {
        IntPow::Int(n) => show_int(n),
        IntPow::Float(x) => show_float(*x),
    }
}

fn show_pair((q, r): &(Int, Int)) -> String {
    format!("({}, {})", q, r)
}

#[test]
fn int_arithmetic_matches_cpython() {
    let mut diff = Diff::new();
    let values = values();
    for a in &values {
        let pa = py_int(a);
        diff.case(format!("-{pa}"), show_int(&a.neg()));
        diff.case(format!("abs({pa})"), show_int(&a.abs()));
        diff.case(format!("~{pa}"), show_int(&a.invert()));
        diff.case(format!("float({pa})"), show(a.to_f64(), |x| show_float(*x)));
        diff.case(format!("hash({pa})"), a.py_hash().to_string());
        diff.case(format!("({pa}).bit_length()"), a.bit_length().to_string());
        diff.case(
            format!("(bin({pa}), oct({pa}), hex({pa}))"),
            format!("({}, {}, {})", show_str(&a.to_bin()), show_str(&a.to_oct()), show_str(&a.to_hex())),
        );
        for b in &values {
            let pb = py_int(b);
            diff.case(format!("{pa} + {pb}"), show_int(&a.add(b)));
            diff.case(format!("{pa} - {pb}"), show_int(&a.sub(b)));
            diff.case(format!("{pa} * {pb}"), show_int(&a.mul(b)));
            diff.case(format!("{pa} // {pb}"), show(a.floordiv(b), show_int));
            diff.case(format!("{pa} % {pb}"), show(a.modulo(b), show_int));
            diff.case(format!("divmod({pa}, {pb})"), show(a.divmod(b), show_pair));
            diff.case(format!("{pa} / {pb}"), show(a.truediv(b), |x| show_float(*x)));
            diff.case(
                format!("({pa} & {pb}, {pa} | {pb}, {pa} ^ {pb})"),
                format!("({}, {}, {})", a.bitand(b), a.bitor(b), a.bitxor(b)),
            );
            diff.case(format!("({pa} < {pb}, {pa} == {pb})"), format!("({}, {})", show_bool(a < b), show_bool(a == b)));
        }
        for shift in [0i64, 1, 5, 63, 64, 65, 100, -1] {
            let s = Int::Small(shift);
            diff.case(format!("{pa} << {shift}"), show(a.shl(&s), show_int));
            diff.case(format!("{pa} >> {shift}"), show(a.shr(&s), show_int));
        }
        for exp in [-3i64, -2, -1, 0, 1, 2, 3, 5, 17, 40, 63, 64] {
            diff.case(format!("{pa} ** {exp}"), show(a.pow(&Int::Small(exp)), show_pow));
        }
        for m in [1i64, -1, 2, 7, -7, 97, 1_000_000_007, 0] {
            for exp in [-2i64, -1, 0, 1, 5, 12345] {
                diff.case(
                    format!("pow({pa}, {exp}, {m})"),
                    show(a.pow_mod(&Int::Small(exp), &Int::Small(m)), show_int),
                );
            }
        }
        for x in [
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.0,
            2.5,
            9_007_199_254_740_992.0,
            -9_007_199_254_740_992.0,
            9_223_372_036_854_775_808.0,
            -9_223_372_036_854_775_808.0,
            1.8446744073709552e19,
            1e300,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ] {
            let ordering = a.cmp_f64(x);
            diff.case(
                format!("({pa} < {px}, {pa} == {px}, {pa} > {px})", px = py_float(x)),
                format!(
                    "({}, {}, {})",
                    show_bool(ordering == Some(Ordering::Less)),
                    show_bool(ordering == Some(Ordering::Equal)),
                    show_bool(ordering == Some(Ordering::Greater))
                ),
            );
        }
        for ndigits in [-1i64, -2, -5, -19, -20, -40, 0, 3] {
            diff.case(format!("round({pa}, {ndigits})"), show_int(&float_ops::round_int(a, ndigits)));
        }
    }
    let big = int(&format!("1{}", "0".repeat(400)));
    let pb = py_int(&big);
    for (a, b) in [(&big, &Int::Small(3)), (&Int::Small(1), &big), (&big, &big.add(&Int::ONE))] {
        diff.case(format!("{} / {}", py_int(a), py_int(b)), show(a.truediv(b), |x| show_float(*x)));
    }
    diff.case(format!("{pb} ** -1"), show(big.pow(&Int::Small(-1)), show_pow));
    diff.case(format!("float({pb})"), show(big.to_f64(), |x| show_float(*x)));
    // Huge shifts and exponents: CPython's OverflowError for absurd shift counts.
    let huge_exp = Int::ONE.shl(&Int::Small(200)).expect("shift");
    diff.case("pow(2, 2**200, 7)", show(Int::Small(2).pow_mod(&huge_exp, &Int::Small(7)), show_int));
    diff.case("pow(3, -(2**200), -7)", show(Int::Small(3).pow_mod(&huge_exp.neg(), &Int::Small(-7)), show_int));
    diff.case("(-1) ** (2**200 + 1)", show(Int::Small(-1).pow(&huge_exp.add(&Int::ONE)), show_pow));
    diff.case("0 ** (2**200)", show(Int::ZERO.pow(&huge_exp), show_pow));
    diff.case("2 ** -(2**200)", show(Int::Small(2).pow(&huge_exp.neg()), show_pow));
    diff.case("1 << (10**20)", show(Int::ONE.shl(&int("100000000000000000000")), show_int));
    diff.case("(-1) >> (10**20)", show(Int::Small(-1).shr(&int("100000000000000000000")), show_int));
    // Correct rounding of true division near halfway points and subnormal results.
    let p2 = |n: i64| Int::ONE.shl(&Int::Small(n)).expect("shift");
    for (a, b) in [
        (p2(1100), p2(2100)),
        (Int::Small(1), p2(1074)),
        (Int::Small(1), p2(1075)),
        (Int::Small(3), p2(1075)),
        (Int::Small(3), p2(1076)),
        (int("9007199254740993").mul(&p2(1000)), p2(1000)),
        (int("9007199254740993").mul(&p2(1000)).add(&Int::ONE), p2(1000)),
        (int("1234567890123456789012345678901234567890"), int("987654321987654321")),
        (p2(1024).sub(&p2(970)), Int::ONE),
        (p2(1024).sub(&p2(971)), Int::ONE),
        (p2(1024).sub(&p2(970)).sub(&Int::ONE), Int::ONE),
    ] {
        diff.case(format!("{} / {}", py_int(&a), py_int(&b)), show(a.truediv(&b), |x| show_float(*x)));
        diff.case(format!("{} / {}", py_int(&b), py_int(&a)), show(b.truediv(&a), |x| show_float(*x)));
    }
    diff.check("int arithmetic");
}

#[test]
fn int_text_matches_cpython() {
    let mut diff = Diff::new();
    let texts = [
        "0",
        "-0",
        "+7",
        " 42 ",
        "\t-17\n",
        "1_000",
        "1__000",
        "_1",
        "1_",
        "0x1f",
        "0X1F",
        "0o17",
        "0b101",
        "0b_101",
        "0x_",
        "0x",
        "010",
        "00",
        "0_0",
        "0_7",
        "12a",
        "z",
        "Z",
        "zz",
        "1e5",
        "1.5",
        "",
        " ",
        "- 1",
        "+-1",
        "٣٤",
        "\u{2003}12\u{3000}",
        "\x1c1",
        "١_٢",
        "9223372036854775808",
        "-9223372036854775809",
        "0b",
        "0o8",
        "11",
        "777",
        "ffff",
        "\u{ff11}\u{ff12}",
    ];
    for text in texts {
        for base in [0i64, 2, 8, 10, 16, 36, 1, 37] {
            diff.case(
                format!("int({}, {base})", py_str(text)),
                show(parse_int(text, base, IntStrLimit::DEFAULT), common::show_int),
            );
        }
    }
    let long = "1".repeat(5000);
    diff.case(
        format!("lim(4300, lambda: int({}, 10))", py_str(&format!("{long}x"))),
        show(parse_int(&format!("{long}x"), 10, IntStrLimit::DEFAULT), show_int),
    );
    diff.case(
        format!("lim(4300, lambda: int({}))", py_str(&long)),
        show(parse_int(&long, 10, IntStrLimit::DEFAULT).map(|n| n.bit_length()), |n| n.to_string()),
    );
    let limit_5000 = IntStrLimit::from_max_digits(&Int::Small(5000)).expect("valid");
    for digits in [4300usize, 4301, 5000, 5001] {
        let text = "9".repeat(digits);
        let n = parse_int(&text, 10, IntStrLimit::UNLIMITED).expect("unlimited");
        for (limit, py_limit) in [(IntStrLimit::DEFAULT, 4300), (limit_5000, 5000), (IntStrLimit::UNLIMITED, 0)] {
            diff.case(
                format!("lim({py_limit}, lambda: len(str(10**{digits} - 1)))"),
                show(n.to_decimal_string(limit), |s| s.len().to_string()),
            );
            diff.case(
                format!("lim({py_limit}, lambda: len(str(-(10**{digits} - 1))))"),
                show(n.neg().to_decimal_string(limit), |s| s.len().to_string()),
            );
            diff.case(
                format!("lim({py_limit}, lambda: int({}).bit_length())", py_str(&text)),
                show(parse_int(&text, 10, limit), |n| n.bit_length().to_string()),
            );
            diff.case(
                format!("lim({py_limit}, lambda: int({}, 16).bit_length())", py_str(&text)),
                show(parse_int(&text, 16, limit), |n| n.bit_length().to_string()),
            );
        }
    }
    let huge = Int::ONE.shl(&Int::Small(100_000)).expect("shift");
    diff.case(
        "lim(4300, lambda: str(1 << 100000))",
        show(huge.to_decimal_string(IntStrLimit::DEFAULT), |s| s.len().to_string()),
    );
    for value in [0i64, 639, 640, 641, -1, 4300, 1 << 31] {
        diff.case(
            format!("sys.set_int_max_str_digits({value})"),
            show(IntStrLimit::from_max_digits(&Int::Small(value)), |_| "None".to_string()),
        );
    }
    diff.case("sys.set_int_max_str_digits(4300)", "None");
    diff.check("int text");
}
