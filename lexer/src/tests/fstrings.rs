//! Tests: f-strings, with Python 3.11's rules.

use super::*;

#[test]
fn plain_text() {
    assert_eq!(toks(r#"f"abc""#), r#"FStringStart FStringMiddle("abc") FStringEnd"#);
    assert_eq!(toks(r#"f"""#), "FStringStart FStringEnd");
    assert_eq!(toks(r#"F'a\tb' rf"\t" fR'x' Rf"y" FR'z'"#).matches("FStringStart").count(), 5);
    assert_eq!(toks(r#"rf"\t{x}""#), r#"FStringStart(raw) FStringMiddle("\\t") Lbrace Name(x) Rbrace FStringEnd"#);
    assert_eq!(toks(r#"f"a\"b""#), r#"FStringStart FStringMiddle("a\"b") FStringEnd"#);
}

#[test]
fn spans_of_the_pieces() {
    let source = r#"f"ab{x}c""#;
    let lexed = lex(source);
    let texts: Vec<&str> = lexed.tokens.iter().map(|token| &source[token.span.range()]).collect();
    assert_eq!(texts, ["f\"", "ab", "{", "x", "}", "c", "\"", "", ""]);
    let triple = "rf'''{x}'''";
    let lexed = lex(triple);
    let texts: Vec<&str> = lexed.tokens.iter().map(|token| &triple[token.span.range()]).collect();
    assert_eq!(texts, ["rf'''", "{", "x", "}", "'''", "", ""]);
}

#[test]
fn doubled_braces() {
    assert_eq!(toks(r#"f"{{}}""#), r#"FStringStart FStringMiddle("{}") FStringEnd"#);
    assert_eq!(
        toks(r#"f"a{{b{x}c}}d""#),
        r#"FStringStart FStringMiddle("a{b") Lbrace Name(x) Rbrace FStringMiddle("c}d") FStringEnd"#
    );
}

#[test]
fn replacement_fields() {
    assert_eq!(
        toks(r#"f"a{x + 1}b{y}""#),
        r#"FStringStart FStringMiddle("a") Lbrace Name(x) Plus Int(1) Rbrace FStringMiddle("b") Lbrace Name(y) Rbrace FStringEnd"#
    );
    assert_eq!(toks(r#"f"{x!r}""#), "FStringStart Lbrace Name(x) Exclamation Name(r) Rbrace FStringEnd");
    assert_eq!(
        toks(r#"f"{x:.3f}{n:>8}{n:,}""#),
        r#"FStringStart Lbrace Name(x) Colon FStringMiddle(".3f") Rbrace Lbrace Name(n) Colon FStringMiddle(">8") Rbrace Lbrace Name(n) Colon FStringMiddle(",") Rbrace FStringEnd"#
    );
    assert_eq!(toks(r#"f"{x:}""#), "FStringStart Lbrace Name(x) Colon Rbrace FStringEnd");
}

#[test]
fn self_documenting_fields() {
    assert_eq!(toks(r#"f"{x=}""#), "FStringStart Lbrace Name(x) Equal Rbrace FStringEnd");
    assert_eq!(toks(r#"f"{x = }""#), "FStringStart Lbrace Name(x) Equal Rbrace FStringEnd");
    assert_eq!(
        toks(r#"f"{x=!r:>10}""#),
        r#"FStringStart Lbrace Name(x) Equal Exclamation Name(r) Colon FStringMiddle(">10") Rbrace FStringEnd"#
    );
    assert!(messages(r#"f"{x = }""#).is_empty());
}

#[test]
fn colon_and_bang_inside_brackets_belong_to_the_expression() {
    assert_eq!(toks(r#"f"{d[1:2]}""#), "FStringStart Lbrace Name(d) Lsqb Int(1) Colon Int(2) Rsqb Rbrace FStringEnd");
    assert_eq!(toks(r#"f"{a != b}""#), "FStringStart Lbrace Name(a) NotEqual Name(b) Rbrace FStringEnd");
    assert_eq!(toks(r#"f"{a == b}""#), "FStringStart Lbrace Name(a) EqEqual Name(b) Rbrace FStringEnd");
    assert_eq!(toks(r#"f"{(x:=5)}""#), "FStringStart Lbrace Lpar Name(x) ColonEqual Int(5) Rpar Rbrace FStringEnd");
    // At depth 0, `:=` is a format spec starting with `=` (as in 3.11).
    assert_eq!(toks(r#"f"{x:=5}""#), r#"FStringStart Lbrace Name(x) Colon FStringMiddle("=5") Rbrace FStringEnd"#);
    assert_eq!(
        toks(r#"f"{ {'a': 1}['a'] }""#),
        r#"FStringStart Lbrace Lbrace String("a") Colon Int(1) Rbrace Lsqb String("a") Rsqb Rbrace FStringEnd"#
    );
    assert_eq!(
        toks(r#"f"{f(a, b=2)}""#),
        "FStringStart Lbrace Name(f) Lpar Name(a) Comma Name(b) Equal Int(2) Rpar Rbrace FStringEnd"
    );
}

#[test]
fn nested_fields_in_format_specs() {
    assert_eq!(
        toks(r#"f"{x:{width}.{prec}f}""#),
        r#"FStringStart Lbrace Name(x) Colon Lbrace Name(width) Rbrace FStringMiddle(".") Lbrace Name(prec) Rbrace FStringMiddle("f") Rbrace FStringEnd"#
    );
    assert_eq!(
        toks(r#"f"{x!r:^{w}}""#),
        r#"FStringStart Lbrace Name(x) Exclamation Name(r) Colon FStringMiddle("^") Lbrace Name(w) Rbrace Rbrace FStringEnd"#
    );
    assert!(messages(r#"f"{x:{y:abc}}""#).is_empty());
    assert_eq!(only_error(r#"f"{x:{y:{z}}}""#), ("f-string: expressions nested too deeply".to_owned(), "{".to_owned()));
    // In a spec `}}` is not an escape: the spec ends, then the text has a single `}`.
    assert_eq!(only_error(r#"f"{x:}}""#).0, "f-string: single '}' is not allowed");
}

#[test]
fn escapes_in_text_and_specs() {
    assert_eq!(
        toks(r#"f"a\n{x}\t""#),
        r#"FStringStart FStringMiddle("a\n") Lbrace Name(x) Rbrace FStringMiddle("\t") FStringEnd"#
    );
    assert_eq!(toks(r#"f"\N{EN DASH}{x}""#), r#"FStringStart FStringMiddle("–") Lbrace Name(x) Rbrace FStringEnd"#);
    assert_eq!(toks(r#"rf"\N{x}""#), r#"FStringStart(raw) FStringMiddle("\\N") Lbrace Name(x) Rbrace FStringEnd"#);
    // `\{` is a backslash followed by a field, as CPython 3.11 reads it.
    assert_eq!(toks(r#"f"\{6}""#), r#"FStringStart FStringMiddle("\\") Lbrace Int(6) Rbrace FStringEnd"#);
    assert_eq!(toks(r#"f"a\}}""#), r#"FStringStart FStringMiddle("a\\}") FStringEnd"#);
    assert_eq!(toks(r#"f"{x:a\nb}""#), r#"FStringStart Lbrace Name(x) Colon FStringMiddle("a\nb") Rbrace FStringEnd"#);
    assert_eq!(
        only_error(r#"f"\x4{x}""#).0,
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"
    );
    assert_eq!(toks("f'''a\r\nb'''"), r#"FStringStart FStringMiddle("a\nb") FStringEnd"#);
}

#[test]
fn nested_fstrings_with_other_quotes() {
    assert_eq!(
        toks(r#"f"{f'{x}'}""#),
        "FStringStart Lbrace FStringStart Lbrace Name(x) Rbrace FStringEnd Rbrace FStringEnd"
    );
    // The same quote as the enclosing f-string ends it (3.11).
    assert_eq!(messages(r#"f"{'a' + "c"[0]}""#), ["f-string: expecting '}'"]);
    assert_eq!(toks("f'''{\"a\"}'''"), r#"FStringStart Lbrace String("a") Rbrace FStringEnd"#);
    assert_eq!(toks("f'''{'a'}'''"), r#"FStringStart Lbrace String("a") Rbrace FStringEnd"#);
    assert_eq!(
        toks(r#"f'''{f"{f'{x}'}"}'''"#),
        "FStringStart Lbrace FStringStart Lbrace FStringStart Lbrace Name(x) Rbrace FStringEnd Rbrace FStringEnd Rbrace FStringEnd"
    );
    assert!(messages(r#"f'''{f"{f'{x:{y}}'}"}'''"#).is_empty());
}

#[test]
fn line_breaks_in_triple_quoted_fields() {
    assert_eq!(toks("f'''{\n x\n +\n 1}'''"), "FStringStart Lbrace Name(x) Plus Int(1) Rbrace FStringEnd");
    assert_eq!(
        toks("x = f'''{\n  a}\n'''\ny"),
        r#"Name(x) Equal FStringStart Lbrace Name(a) Rbrace FStringMiddle("\n") FStringEnd Newline Name(y)"#
    );
    // A single-quoted f-string can't span lines.
    assert_eq!(lex("f'{x\n}'").diagnostics[0].message, "unterminated string literal (detected at line 1)");
}

#[test]
fn own_quote_ends_the_fstring() {
    let source = r#"f"{x["a"]}""#;
    let lexed = lex(source);
    let first = &lexed.diagnostics[0];
    assert_eq!(first.message, "f-string: unmatched '['");
    assert_eq!(&source[first.span.range()], "[");
    assert!(first.notes[0].contains("use the other kind of quote"), "{:?}", first.notes);
    assert_eq!(toks(source), r#"FStringStart Lbrace Name(x) Lsqb FStringEnd Name(a) String("]}")"#);
    let plain = lex(r#"f"{x"y"}""#);
    assert_eq!(plain.diagnostics[0].message, "f-string: expecting '}'");
    assert!(!plain.diagnostics[0].notes.is_empty());
}

#[test]
fn expression_errors() {
    let cases = [
        (r#"f"{'\n'}""#, "f-string expression part cannot include a backslash", "\\"),
        (r#"f"{x\}""#, "f-string expression part cannot include a backslash", "\\"),
        (r#"f"{x#}""#, "f-string expression part cannot include '#'", "#"),
        (r#"f"{}""#, "f-string: empty expression not allowed", "{}"),
        (r#"f"{ }""#, "f-string: empty expression not allowed", "{ }"),
        (r#"f"{!r}""#, "f-string: expression required before '!'", "!"),
        (r#"f"{=}""#, "f-string: expression required before '='", "="),
        (r#"f"{:x}""#, "f-string: expression required before ':'", ":"),
        (r#"f"}""#, "f-string: single '}' is not allowed", "}"),
        (r#"f"a}b""#, "f-string: single '}' is not allowed", "}"),
        (r#"f"{""#, "f-string: expecting '}'", ""),
        (r#"f"{x""#, "f-string: expecting '}'", ""),
        (r#"f"{x:abc""#, "f-string: expecting '}'", ""),
        (r#"f"{a)}""#, "f-string: unmatched ')'", ")"),
        (r#"f"{a(]}""#, "f-string: closing parenthesis ']' does not match opening parenthesis '('", "]"),
        (r#"f"{a[}""#, "f-string: closing parenthesis '}' does not match opening parenthesis '['", "}"),
        (r#"f"{a[""#, "f-string: unmatched '['", "["),
        (r#"f"{'abc}""#, "f-string: unterminated string", "'"),
        (r#"f"{x!r }""#, "f-string: expecting '}'", " "),
        (r#"f"{x! r}""#, "f-string: invalid conversion character: expected 's', 'r', or 'a' right after '!'", " "),
    ];
    for (source, message, text) in cases {
        assert_eq!(only_error(source), (message.to_owned(), text.to_owned()), "{source}");
        check_invariants(source);
        // The f-string is always closed, so what follows lexes normally.
        let after = format!("{source} + y\n");
        assert!(dump(&after).ends_with("FStringEnd Plus Name(y) Newline EndOfFile"), "{after}: {}", dump(&after));
    }
}

#[test]
fn unterminated_fstrings() {
    assert_eq!(only_error("x = f'abc\n").0, "unterminated string literal (detected at line 1)");
    assert_eq!(toks("x = f'{abc\ny\n"), "Name(x) Equal Error Newline Name(y)");
    assert_eq!(only_error("f'''{x}\n\n").0, "unterminated triple-quoted string literal (detected at line 2)");
}

#[test]
fn fstring_inside_brackets_and_statements() {
    assert_eq!(
        toks("print(f\"{a}\", end='')\n"),
        r#"Name(print) Lpar FStringStart Lbrace Name(a) Rbrace FStringEnd Comma Name(end) Equal String("") Rpar"#
    );
    assert_eq!(
        toks("if x:\n    s = f'{x}'\ny"),
        "If Name(x) Colon Newline Indent Name(s) Equal FStringStart Lbrace Name(x) Rbrace FStringEnd Newline Dedent Name(y)"
    );
}

#[test]
fn deeply_nested_spec_fields_do_not_recurse() {
    // 3.11 rejects more than two levels, but the lexer must still get through quickly.
    let depth = 50_000;
    let source = format!("f'{}{}'", "{x:".repeat(depth), "}".repeat(depth));
    let lexed = lex(&source);
    assert_eq!(lexed.diagnostics.len(), depth - 2);
    assert_eq!(lexed.tokens.last().map(|token| token.kind), Some(TokenKind::EndOfFile));
    check_invariants(&source);
    let brackets = format!("f'{{{}{}}}'", "(".repeat(depth), ")".repeat(depth));
    assert_eq!(messages(&brackets), ["too many nested parentheses"]);
}
