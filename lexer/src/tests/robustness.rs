//! Tests: arbitrary input never panics, hangs or breaks the stream's invariants; the
//! UTF-8 check of raw source bytes.

use super::*;
use crate::decode_source;

/// A tiny xorshift generator: deterministic, and no dependency for a test.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let source = String::from_utf8_lossy(&bytes);
        check_invariants(&source);
    }
}

#[test]
fn token_soup_never_panics() {
    // Pieces chosen to hit every scanner's edge: quotes and prefixes, braces, escapes,
    // numbers with odd suffixes, layout characters, non-ASCII.
    const PIECES: [&str; 74] = [
        "'",
        "\"",
        "'''",
        "\"\"\"",
        "f'",
        "f\"",
        "rf'",
        "b'",
        "f'''",
        "f\"\"\"",
        "{",
        "}",
        "{{",
        "}}",
        "(",
        ")",
        "[",
        "]",
        "\\",
        "\\\n",
        "\n",
        "\r",
        "\r\n",
        "\t",
        " ",
        "    ",
        "\n  ",
        "\n\t",
        "\x0c",
        "#",
        ":",
        "!",
        "=",
        "!r",
        "x",
        "if",
        "def",
        "0x",
        "1_",
        "1e",
        "1e+",
        "1.5",
        "0o7",
        "0b1",
        "9",
        "0",
        "j",
        ".",
        "_",
        "e",
        "\\N{",
        "\\x4",
        "\\u",
        "é",
        "€",
        "\u{a0}",
        "“",
        "$",
        "\0",
        ";",
        ",",
        "+",
        "->",
        ":=",
        "**=",
        "...",
        "pass",
        "return",
        "\\{",
        "\u{FEFF}",
        "_1",
        "\u{301}",
        "\\ud800",
        "\\U0010FFFF",
    ];
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    for _ in 0..20_000 {
        let n_pieces = rng.below(60);
        let source: String = (0..n_pieces).map(|_| PIECES[rng.below(PIECES.len())]).collect();
        check_invariants(&source);
    }
}

#[test]
fn biased_random_bytes_never_panic() {
    // Random bytes, half of them drawn from the characters the scanners branch on.
    const SPECIAL: &[u8] = b"'\"{}()[]\\\n fr#:!=0x_.ej\t\r";
    let mut rng = XorShift(0x1234_5678_9ABC_DEF1);
    for _ in 0..10_000 {
        let len = rng.below(300);
        let bytes: Vec<u8> = (0..len)
            .map(|_| if rng.below(2) == 0 { SPECIAL[rng.below(SPECIAL.len())] } else { rng.next() as u8 })
            .collect();
        check_invariants(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn random_named_escapes_never_panic() {
    // The Unicode name table is third-party code fed with user text.
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz0123456789 -_";
    let mut rng = XorShift(0xDEAD_BEEF_CAFE_F00D);
    for _ in 0..3000 {
        let len = rng.below(30);
        let name: String = (0..len).map(|_| alphabet[rng.below(alphabet.len())] as char).collect();
        check_invariants(&format!("'\\N{{{name}}}'"));
    }
    for name in ["-", "--", "- A", "A -", " ", "\u{e9}", "LATIN SMALL LETTER A-", "a".repeat(500).as_str()] {
        check_invariants(&format!("'\\N{{{name}}}'"));
    }
}

#[test]
fn large_inputs_are_linear() {
    // Many errors in one file must not make line-number lookups quadratic.
    let source = "'unterminated\n(]\n".repeat(20_000);
    let started = std::time::Instant::now();
    let lexed = lex(&source);
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert!(lexed.diagnostics.len() >= 40_000);
    assert_eq!(
        lexed.diagnostics.last().map(|diagnostic| diagnostic.message.as_str()),
        Some("closing parenthesis ']' does not match opening parenthesis '('")
    );
}

#[test]
fn every_error_token_has_a_diagnostic_at_or_inside_it() {
    for source in ["x = 1abc", "a $ b", "x = 'abc\n", "f'{'", "€", "0o9", ")", "x \\ y", "“hi”"] {
        let lexed = lex(source);
        for token in lexed.tokens.iter().filter(|token| token.kind == TokenKind::Error) {
            let covered = lexed
                .diagnostics
                .iter()
                .any(|diagnostic| diagnostic.span.start >= token.span.start && diagnostic.span.start <= token.span.end);
            assert!(covered, "{source:?}: {token:?} {:?}", lexed.diagnostics);
        }
    }
}

#[test]
fn decode_source_accepts_utf8_and_keeps_the_bom() {
    assert_eq!(decode_source(b"x = 1\n"), Ok("x = 1\n"));
    assert_eq!(decode_source("\u{FEFF}x".as_bytes()), Ok("\u{FEFF}x"));
}

#[test]
fn decode_source_reports_the_bad_byte() {
    let error = decode_source(b"x = 1\n\xff\n").err();
    let error = error.as_ref().map(|diagnostic| (diagnostic.message.as_str(), diagnostic.span, diagnostic.code));
    assert_eq!(
        error,
        Some((
            "(unicode error) 'utf-8' codec can't decode byte 0xff in position 6: invalid start byte",
            typhon_diagnostics::Span::new(6, 7),
            typhon_diagnostics::Code::Io,
        ))
    );
    let message = |bytes: &[u8]| decode_source(bytes).err().map(|diagnostic| diagnostic.message);
    assert_eq!(
        message(b"ab\xe4x").as_deref(),
        Some("(unicode error) 'utf-8' codec can't decode byte 0xe4 in position 2: invalid continuation byte")
    );
    assert_eq!(
        message(b"ab\xe4").as_deref(),
        Some("(unicode error) 'utf-8' codec can't decode byte 0xe4 in position 2: unexpected end of data")
    );
    assert_eq!(
        message(b"ab\xe4\xb8").as_deref(),
        Some("(unicode error) 'utf-8' codec can't decode bytes in position 2-3: unexpected end of data")
    );
    assert_eq!(
        message(b"\x80").as_deref(),
        Some("(unicode error) 'utf-8' codec can't decode byte 0x80 in position 0: invalid start byte")
    );
}

/// Lexes `source` and fails if that takes more than a few seconds (a quadratic path
/// would take minutes on these inputs).
#[track_caller]
fn lex_quickly(source: &str) -> crate::Lexed {
    let started = std::time::Instant::now();
    let lexed = lex(source);
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "too slow: {:?}", started.elapsed());
    lexed
}

#[test]
fn pathological_inputs_stay_linear() {
    let n = 100_000;
    // Every closer mismatches a deep stack of openers.
    let lexed = lex_quickly(&format!("{}{}", "(".repeat(n), "]".repeat(n)));
    assert_eq!(lexed.diagnostics.len(), 1 + n);
    // The same inside one f-string field.
    lex_quickly(&format!("f'{{{}{}}}'", "(".repeat(n), "]".repeat(n)));
    // A very deep indentation followed by many brackets on that line.
    lex_quickly(&format!("{}{}", " ".repeat(n), "()".repeat(n)));
    // Escapes whose closing brace is far away or missing.
    lex_quickly(&format!("'{}'", "\\N{".repeat(n)));
    lex_quickly(&format!("f'{}'", "\\N{".repeat(n)));
    // Many short unterminated strings and stray closers, each with a line number.
    lex_quickly(&"'\n)\n".repeat(n));
    // Every line inside an open bracket starts with a keyword-like word.
    lex_quickly(&format!("x = ({}", "  if a\n".repeat(n)));
    // Deeply nested f-strings in format specs, and many fields.
    lex_quickly(&format!("f'{}'", "{x:".repeat(n)));
    lex_quickly(&format!("f'{}'", "{x}".repeat(n)));
    // A huge number, a huge name, a huge string.
    lex_quickly(&"9".repeat(n * 10));
    lex_quickly(&"é".repeat(n * 10));
    lex_quickly(&format!("'{}'", "\\x41".repeat(n * 2)));
}

#[test]
fn stray_closers_are_reported_once_per_line() {
    // CPython stops at the first; we go on, but one report per line is enough: 100,000
    // copies of the same error would bury everything else in the file.
    let source = format!("{}\nx = 1)\n", ")".repeat(100_000));
    let lexed = crate::lex(&source);
    let unmatched: Vec<_> = lexed.diagnostics.iter().filter(|d| d.message == "unmatched ')'").collect();
    assert_eq!(unmatched.len(), 2, "{:?}", &lexed.diagnostics[..lexed.diagnostics.len().min(5)]);
    assert_eq!((unmatched[0].span.start, unmatched[0].span.end), (0, 1));
    assert_eq!(unmatched[1].span.start as usize, 100_000 + 6);
}
