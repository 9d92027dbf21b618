//! Tests: names, keywords, operators, numbers and (non-f) strings.

use super::*;

#[test]
fn keywords_and_names() {
    assert_eq!(
        toks("def f(self): return None if x is not True else False"),
        "Def Name(f) Lpar Name(self) Rpar Colon Return None If Name(x) Is Not True Else False"
    );
    // Soft keywords are names.
    assert_eq!(toks("match case type _"), "Name(match) Name(case) Name(type) Name(_)");
    // Every hard keyword round-trips through the fast matcher.
    for word in [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ] {
        let lexed = lex(word);
        assert_eq!(Some(lexed.tokens[0].kind), TokenKind::keyword(word), "{word}");
        assert!(lexed.tokens[0].kind.is_keyword());
    }
    assert_eq!(toks("iff Trues nonlocals _if"), "Name(iff) Name(Trues) Name(nonlocals) Name(_if)");
}

#[test]
fn operators() {
    assert_eq!(
        toks(
            "+ += - -= -> * *= ** **= / /= // //= % %= @ @= & &= | |= ^ ^= ~ << <<= >> >>= < <= > >= == != = := : , ; . ..."
        ),
        "Plus PlusEqual Minus MinusEqual Rarrow Star StarEqual DoubleStar DoubleStarEqual Slash SlashEqual \
         DoubleSlash DoubleSlashEqual Percent PercentEqual At AtEqual Amper AmperEqual VBar VBarEqual Circumflex \
         CircumflexEqual Tilde LeftShift LeftShiftEqual RightShift RightShiftEqual Less LessEqual Greater \
         GreaterEqual EqEqual NotEqual Equal ColonEqual Colon Comma Semi Dot Ellipsis"
    );
    assert_eq!(toks("a..b"), "Name(a) Dot Dot Name(b)");
    assert_eq!(toks("x=-1"), "Name(x) Equal Minus Int(1)");
    assert_eq!(toks("a<>b"), "Name(a) Less Greater Name(b)");
}

#[test]
fn unicode_names_are_nfkc_normalised() {
    assert_eq!(toks("café = 1"), "Name(café) Equal Int(1)");
    // `ﬁ` (U+FB01) normalises to `fi`; `ℌ` to `H`.
    assert_eq!(toks("ﬁle ℌ"), "Name(file) Name(H)");
    assert_eq!(toks("_π2"), "Name(_π2)");
    assert!(messages("Ωmega = αβγ\n").is_empty());
}

#[test]
fn invalid_characters() {
    assert_eq!(only_error("x = €\n"), ("invalid character '€' (U+20AC)".to_owned(), "€".to_owned()));
    assert_eq!(toks("x = €\n"), "Name(x) Equal Error");
    assert_eq!(only_error("x = a\u{a0}\n").0, "invalid non-printable character U+00A0");
    // CPython takes the name-like run whole: one error for curly quotes around a word.
    assert_eq!(toks("print(“hello”)"), "Name(print) Lpar Error Rpar");
    assert_eq!(only_error("print(“hello”)").0, "invalid character '“' (U+201C)");
    // A combining mark cannot start a name.
    assert_eq!(only_error("\u{301}x").0, "invalid character '\u{301}' (U+0301)");
    assert_eq!(only_error("a \x01 b").0, "invalid non-printable character U+0001");
    assert_eq!(only_error("a \x00 b"), ("source code cannot contain null bytes".to_owned(), "\0".to_owned()));
    assert_eq!(toks("a \x00 b"), "Name(a) Error Name(b)");
    // Anywhere, once.
    assert_eq!(only_error("s = 'a\x00' # \x00\n\x00").0, "source code cannot contain null bytes");
    assert_eq!(only_error("a \x7f b").0, "invalid non-printable character U+007F");
    assert_eq!(only_error("a \x0b b").0, "invalid non-printable character U+000B");
    // One stray character per line is reported (CPython stops at the first); each is
    // still an `Error` token.
    assert_eq!(only_error("w = `1`\n"), ("invalid syntax: '`' is not used in Python".to_owned(), "`".to_owned()));
    assert_eq!(toks("w = `1`\n"), "Name(w) Equal Error Int(1) Error");
    assert_eq!(only_error("x = € + $)\n").0, "invalid character '€' (U+20AC)");
    assert_eq!(messages("x = $\ny = $\n").len(), 2);
}

#[test]
fn dollar_question_mark_backtick_and_bang() {
    for (source, text) in [("a $ b", "$"), ("a ? b", "?"), ("a ` b", "`")] {
        let (message, span) = only_error(source);
        assert!(message.starts_with("invalid syntax"), "{message}");
        assert_eq!(span, text);
        assert_eq!(toks(source), "Name(a) Error Name(b)");
    }
    assert!(only_error("!x").0.starts_with("invalid syntax"));
    assert_eq!(toks("a != b"), "Name(a) NotEqual Name(b)");
}

#[test]
fn integers() {
    assert_eq!(
        toks("0 7 00 0_0 1_000_000 0x1F 0XaB_cd 0o17 0O7_7 0b101 0B1_0"),
        "Int(0) Int(7) Int(0) Int(0) Int(1000000) Int(31) Int(43981) Int(15) Int(63) Int(5) Int(2)"
    );
    assert_eq!(toks("9223372036854775807"), "Int(9223372036854775807)");
    assert_eq!(toks("9223372036854775808"), "Int(big 9223372036854775808)");
    assert_eq!(toks("0xFFFFFFFFFFFFFFFFFF"), "Int(big 4722366482869645213695)");
    assert_eq!(
        toks("0b1_0000000000000000000000000000000000000000000000000000000000000000"),
        "Int(big 18446744073709551616)"
    );
    assert_eq!(toks("0o1777777777777777777777"), "Int(big 18446744073709551615)");
    assert_eq!(toks("1_0000_0000_0000_0000_0000"), "Int(big 100000000000000000000)");
}

#[test]
fn decimal_literal_digit_limit() {
    assert!(messages(&"9".repeat(4300)).is_empty());
    let (message, _) = only_error(&format!("1_{}", "0".repeat(4300)));
    assert!(
        message.starts_with("Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits")
    );
    // Hexadecimal has no such limit, nor do floats.
    assert!(messages(&format!("0x{}", "f".repeat(100_000))).is_empty());
    assert!(messages(&format!("1{}.5", "0".repeat(5000))).is_empty());
}

#[test]
fn floats() {
    assert_eq!(
        toks("1. .5 1.5 1e10 1E-5 1e+3 1_0.0_1 1.e5 0.0 09.5 0e0 00.5 1_0e1_0"),
        "Float(1.0) Float(0.5) Float(1.5) Float(10000000000.0) Float(1e-5) Float(1000.0) Float(10.01) \
         Float(100000.0) Float(0.0) Float(9.5) Float(0.0) Float(0.5) Float(100000000000.0)"
    );
    assert_eq!(toks("1e400"), "Float(inf)");
    // Correct rounding (0.1 + 0.2's classic digits).
    assert_eq!(toks("0.30000000000000004"), "Float(0.30000000000000004)");
    assert_eq!(toks("x.5"), "Name(x) Float(0.5)");
    // Like CPython, a name right after `1.` is an error (write `1 .real`).
    assert_eq!(only_error("1.real").0, "invalid decimal literal");
}

#[test]
fn numbers_followed_by_keywords() {
    // CPython 3.11 accepts these (with a warning), so they must tokenize.
    assert_eq!(toks("1if x else 2"), "Int(1) If Name(x) Else Int(2)");
    assert_eq!(toks("0x1for"), "Int(31) Or");
    assert_eq!(toks("1else"), "Int(1) Else");
    assert_eq!(toks("1.5and x"), "Float(1.5) And Name(x)");
    assert_eq!(toks("1not in x"), "Int(1) Not In Name(x)");
}

#[test]
fn malformed_numbers() {
    let cases = [
        ("1_", "invalid decimal literal", "_"),
        ("1__0", "invalid decimal literal", "_"),
        ("1abc", "invalid decimal literal", "a"),
        ("1e", "invalid decimal literal", "e"),
        ("1e+", "invalid decimal literal", "+"),
        ("1e- ", "invalid decimal literal", "-"),
        ("1e+x", "invalid decimal literal", "x"),
        ("1.__class__", "invalid decimal literal", "_"),
        ("1._5", "invalid decimal literal", "_"),
        ("0_", "invalid decimal literal", "_"),
        ("0x", "invalid hexadecimal literal", "x"),
        ("0x_", "invalid hexadecimal literal", "_"),
        ("0xg", "invalid hexadecimal literal", "g"),
        ("0x1_", "invalid hexadecimal literal", "_"),
        ("0o", "invalid octal literal", "o"),
        ("0o8", "invalid digit '8' in octal literal", "8"),
        ("0o1_8", "invalid digit '8' in octal literal", "8"),
        ("0o19", "invalid digit '9' in octal literal", "9"),
        ("0b", "invalid binary literal", "b"),
        ("0b2", "invalid digit '2' in binary literal", "2"),
        ("0b12", "invalid digit '2' in binary literal", "2"),
        ("0b1_", "invalid binary literal", "_"),
        ("0b1x", "invalid binary literal", "x"),
        (
            "012",
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            "012",
        ),
        (
            "0777",
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            "0777",
        ),
        (
            "09",
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            "09",
        ),
        ("1€", "invalid decimal literal", "€"),
        ("1jx", "invalid imaginary literal", "x"),
    ];
    for (source, message, text) in cases {
        assert_eq!(only_error(source), (message.to_owned(), text.to_owned()), "{source}");
        // The whole malformed word is one Error token.
        assert_eq!(toks(source), "Error", "{source}");
        check_invariants(source);
    }
    assert_eq!(toks("x = 1abc + 2"), "Name(x) Equal Error Plus Int(2)");
    assert_eq!(toks("(1e+)"), "Lpar Error Rpar");
    // In an f-string field the error stops at the closing quote.
    assert_eq!(toks("f'{1e+'"), "FStringStart Lbrace Error FStringEnd");
}

#[test]
fn complex_literals_are_unsupported() {
    let lexed = lex("x = 1j + 2.5J + 1e3j\n");
    let codes: Vec<_> =
        lexed.diagnostics.iter().map(|diagnostic| (diagnostic.code, diagnostic.message.as_str())).collect();
    let expected = (typhon_diagnostics::Code::Unsupported, "complex number literal is not supported by Typhon");
    assert_eq!(codes, [expected; 3]);
    // Each becomes a Float (its imaginary part), so the parser needs no extra error.
    assert_eq!(toks("x = 1j + 2.5J + 1e3j\n"), "Name(x) Equal Float(1.0) Plus Float(2.5) Plus Float(1000.0)");
    assert_eq!(&"x = 1j"[lexed.diagnostics[0].span.range()], "1j");
}

#[test]
fn strings_and_prefixes() {
    assert_eq!(
        toks(r#"'a' "b" '''c''' """d""" u'e' U"f" r'\g' R"\h" rb'' Br"" "#).replace(" Error", "!"),
        r#"String("a") String("b") String("c") String("d") String("e") String("f") String("\\g") String("\\h") String("") String("")"#
    );
    // `ur`, `bf` are not prefixes: a name, then a string.
    assert_eq!(toks("ur'x'"), r#"Name(ur) String("x")"#);
    assert_eq!(toks("bf'x'"), r#"Name(bf) String("x")"#);
    assert_eq!(toks("rr'x'"), r#"Name(rr) String("x")"#);
    assert_eq!(toks(r#"'it''s' "a" 'b'"#), r#"String("it") String("s") String("a") String("b")"#);
}

#[test]
fn bytes_literals_are_unsupported_but_lexed_whole() {
    let lexed = lex("x = b'a\\'b' + rb\"c\" + 1\n");
    let messages: Vec<_> = lexed.diagnostics.iter().map(|diagnostic| diagnostic.message.as_str()).collect();
    assert_eq!(messages, ["bytes literal is not supported by Typhon"; 2]);
    assert_eq!(lexed.diagnostics[0].code, typhon_diagnostics::Code::Unsupported);
    assert_eq!(toks("x = b'a\\'b' + rb\"c\" + 1\n"), r#"Name(x) Equal String("a'b") Plus String("c") Plus Int(1)"#);
    // `\u` is no escape in bytes, so no surrogate complaint either.
    assert_eq!(messages.len(), 2);
    assert_eq!(super::messages("b'\\ud800'"), ["bytes literal is not supported by Typhon"]);
}

#[test]
fn triple_quoted_strings() {
    assert_eq!(toks("'''a\nb'c''d'''"), r#"String("a\nb'c''d")"#);
    assert_eq!(toks("\"\"\"x\r\ny\rz\"\"\""), r#"String("x\ny\nz")"#);
    assert_eq!(toks("''''''"), r#"String("")"#);
    assert_eq!(toks("'''a''''"), r#"String("a") Error"#);
    // The string's line breaks don't end the logical line.
    assert_eq!(toks("x = '''\n'''\ny"), r#"Name(x) Equal String("\n") Newline Name(y)"#);
}

#[test]
fn escapes() {
    assert_eq!(toks(r#""\\ \' \" \a \b \f \n \r \t \v""#), r#"String("\\ ' \" \u{7} \u{8} \u{c} \n \r \t \u{b}")"#);
    assert_eq!(toks(r#""\0 \7 \101 \1010 \777 \8""#), r#"String("\0 \u{7} A A0 ǿ \\8")"#);
    assert_eq!(toks(r#""\x41\x7e \u00e9 \U0001F600 \U0010FFFF""#), r#"String("A~ é 😀 \u{10ffff}")"#);
    assert_eq!(toks(r#""\N{LATIN SMALL LETTER A}\N{latin small letter e with acute}\N{EN DASH}""#), r#"String("aé–")"#);
    // Aliases work, as in CPython.
    assert_eq!(toks(r#""\N{LF}\N{LINE FEED}\N{line feed}\N{NULL}""#), r#"String("\n\n\n\0")"#);
    assert_eq!(toks(r#""\N{BYTE ORDER MARK}""#), r#"String("\u{feff}")"#);
    assert_eq!(toks(r#""\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GA}""#), r#"String("一가")"#);
    // Unknown escapes keep their backslash.
    assert_eq!(toks(r#""\d\w \{ \é""#), r#"String("\\d\\w \\{ \\é")"#);
    assert!(messages(r#""\d\w \{ \é""#).is_empty());
}

#[test]
fn backslash_newline_inside_strings() {
    assert_eq!(toks("'abc\\\ndef'"), r#"String("abcdef")"#);
    assert_eq!(toks("'abc\\\r\ndef'"), r#"String("abcdef")"#);
    assert_eq!(toks("r'abc\\\ndef'"), r#"String("abc\\\ndef")"#);
    assert_eq!(toks("x = 'a\\\nb'\ny"), r#"Name(x) Equal String("ab") Newline Name(y)"#);
}

#[test]
fn raw_strings() {
    assert_eq!(toks(r#"r"\n\x\"" r'\\'"#), r#"String("\\n\\x\\\"") String("\\\\")"#);
    // A raw string can't end in an odd backslash: the quote is escaped.
    let (message, text) = only_error(r#"x = r"\""#);
    assert_eq!(message, "unterminated string literal (detected at line 1)");
    assert_eq!(text, "r\"");
}

#[test]
fn bad_escapes() {
    let cases = [
        (r#""\x4""#, "truncated \\xXX escape", "0-2", r"\x4"),
        (r#""ab\xg""#, "truncated \\xXX escape", "2-3", r"\x"),
        (r#""\u12""#, "truncated \\uXXXX escape", "0-3", r"\u12"),
        (r#""\U0001F60""#, "truncated \\UXXXXXXXX escape", "0-8", r"\U0001F60"),
        (r#""\U00110000""#, "illegal Unicode character", "0-9", r"\U00110000"),
        (r#""\N{foo}""#, "unknown Unicode character name", "0-6", r"\N{foo}"),
        (r#""\N{latinsmalllettera}""#, "unknown Unicode character name", "0-20", r"\N{latinsmalllettera}"),
        (r#""\N{-}""#, "unknown Unicode character name", "0-4", r"\N{-}"),
        (r#""\N""#, "malformed \\N character escape", "0-1", r"\N"),
        (r#""\N{}""#, "malformed \\N character escape", "0-3", r"\N{}"),
        (r#""\N{abc""#, "malformed \\N character escape", "0-5", r"\N{abc"),
    ];
    for (source, reason, position, text) in cases {
        let expected =
            format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {position}: {reason}");
        assert_eq!(only_error(source), (expected, text.to_owned()), "{source}");
        assert_eq!(lex(source).tokens[0].kind, TokenKind::String);
    }
}

#[test]
fn lone_surrogates_are_unsupported() {
    let lexed = lex(r#"x = "a\ud800b""#);
    assert_eq!(lexed.diagnostics.len(), 1);
    assert_eq!(lexed.diagnostics[0].code, typhon_diagnostics::Code::Unsupported);
    assert_eq!(lexed.diagnostics[0].message, "lone surrogate in a string literal is not supported by Typhon");
    assert_eq!(&r#"x = "a\ud800b""#[lexed.diagnostics[0].span.range()], r"\ud800");
    assert_eq!(toks(r#""a\ud800b""#), "String(\"a\u{fffd}b\")");
    assert_eq!(messages(r#""\U0000DFFF""#), ["lone surrogate in a string literal is not supported by Typhon"]);
}

#[test]
fn unterminated_strings() {
    assert_eq!(
        only_error("x = 'abc\ny = 2\n"),
        ("unterminated string literal (detected at line 1)".to_owned(), "'".to_owned())
    );
    // Lexing goes on with the next line.
    assert_eq!(toks("x = 'abc\ny = 2\n"), "Name(x) Equal Error Newline Name(y) Equal Int(2)");
    assert_eq!(only_error("x = \"abc\\").0, "unterminated string literal (detected at line 1)");
    assert_eq!(only_error("x = 'a\\\nb\\\nc\n").0, "unterminated string literal (detected at line 3)");
    assert_eq!(
        only_error("x = \"\"\"abc\n\n"),
        ("unterminated triple-quoted string literal (detected at line 2)".to_owned(), "\"\"\"".to_owned())
    );
    assert_eq!(only_error("\n\nx = rb'''abc\nd").0, "unterminated triple-quoted string literal (detected at line 4)");
    assert_eq!(toks("x = '''abc\n"), "Name(x) Equal Error");
    check_invariants("if x:\n    y = '''abc\n");
}
