//! Tests: logical lines, indentation, brackets, continuations and the end of input.

use super::*;

#[test]
fn simple_statement() {
    assert_eq!(dump("x = 1\n"), "Name(x) Equal Int(1) Newline EndOfFile");
}

#[test]
fn empty_and_blank_sources_have_only_end_of_file() {
    assert_eq!(dump(""), "EndOfFile");
    assert_eq!(dump("\n\n  \n# comment\n   # indented comment\n"), "EndOfFile");
    assert_eq!(dump("\u{FEFF}"), "EndOfFile");
}

#[test]
fn missing_final_newline_is_added() {
    let lexed = lex("x");
    assert_eq!(dump("x"), "Name(x) Newline EndOfFile");
    // The synthetic Newline is empty, at the end of the input.
    assert_eq!(lexed.tokens[1].span, typhon_diagnostics::Span::empty_at(1));
}

#[test]
fn byte_order_mark_is_skipped() {
    let lexed = lex("\u{FEFF}x = 1\n");
    assert!(lexed.diagnostics.is_empty());
    assert_eq!(dump("\u{FEFF}x = 1\n"), "Name(x) Equal Int(1) Newline EndOfFile");
    assert_eq!(lexed.tokens[0].span, typhon_diagnostics::Span::new(3, 4));
    // Elsewhere it is an invisible character, not whitespace.
    assert_eq!(only_error("x = \u{FEFF}1\n").0, "invalid non-printable character U+FEFF");
}

#[test]
fn indent_and_dedent() {
    let source = "if a:\n    b\n    if c:\n        d\ne\n";
    assert_eq!(
        dump(source),
        "If Name(a) Colon Newline Indent Name(b) Newline If Name(c) Colon Newline Indent Name(d) Newline \
         Dedent Dedent Name(e) Newline EndOfFile"
    );
    let lexed = lex(source);
    let indent = lexed.tokens.iter().find(|token| token.kind == TokenKind::Indent).map(|token| token.span);
    assert_eq!(indent.map(|span| &source[span.range()]), Some("    "));
}

#[test]
fn dedents_at_end_of_file() {
    assert_eq!(
        dump("def f():\n  if x:\n    return 1"),
        "Def Name(f) Lpar Rpar Colon Newline Indent If Name(x) Colon Newline Indent Return Int(1) Newline \
         Dedent Dedent EndOfFile"
    );
}

#[test]
fn blank_and_comment_lines_do_not_affect_indentation() {
    assert_eq!(
        toks("if a:\n    b\n\n        # deeper comment\n# shallow comment\n  \n    c\nd\n"),
        "If Name(a) Colon Newline Indent Name(b) Newline Name(c) Newline Dedent Name(d)"
    );
}

#[test]
fn tabs_advance_to_multiples_of_eight() {
    // A tab then a space is column 9; eight spaces then a space is column 9 too, but
    // with tabs as width 1 they differ (2 against 9): inconsistent.
    assert_eq!(toks("if a:\n\tb\n\tc\n"), "If Name(a) Colon Newline Indent Name(b) Newline Name(c) Newline Dedent");
    assert!(messages("if a:\n\tb\n\tc\n").is_empty());
    assert_eq!(
        only_error("if x:\n\tpass\n        pass\n"),
        ("inconsistent use of tabs and spaces in indentation".to_owned(), "        ".to_owned())
    );
    // Consistent mixtures are fine: same columns both ways.
    assert!(messages("if x:\n  \tpass\n  \tpass\n").is_empty());
}

#[test]
fn tab_error_on_indent() {
    // Column 8 > 1 (spaces), but counting tabs as 1 it is 1 <= 1.
    let source = "if a:\n if b:\n\tc\n";
    assert_eq!(messages(source), ["inconsistent use of tabs and spaces in indentation"]);
}

#[test]
fn form_feed_resets_the_column() {
    assert_eq!(toks("if a:\n  b\n\x0c  c\n"), "If Name(a) Colon Newline Indent Name(b) Newline Name(c) Newline Dedent");
    assert!(messages("\x0cx = 1\n").is_empty());
}

#[test]
fn unindent_mismatch_is_reported_and_recovered() {
    let source = "if x:\n    a\n  b\n  c\nd\n";
    let (message, text) = only_error(source);
    assert_eq!(message, "unindent does not match any outer indentation level");
    assert_eq!(text, "  ");
    // `b` and `c` continue at the outer level; no Indent/Dedent pair is invented.
    assert_eq!(
        toks(source),
        "If Name(x) Colon Newline Indent Name(a) Newline Dedent Name(b) Newline Name(c) Newline Name(d)"
    );
    check_invariants(source);
}

#[test]
fn unexpected_indent_is_left_to_the_parser() {
    assert_eq!(toks("x\n  y\n"), "Name(x) Newline Indent Name(y) Newline Dedent");
    assert!(messages("x\n  y\n").is_empty());
}

#[test]
fn indentation_depth_limit() {
    let nested = |n: usize| {
        let mut source: String = (0..n).map(|level| format!("{}if x:\n", " ".repeat(level))).collect();
        source.push_str(&" ".repeat(n));
        source.push_str("pass\n");
        source
    };
    assert!(messages(&nested(99)).is_empty());
    let deep = nested(100);
    assert_eq!(messages(&deep), ["too many levels of indentation"]);
    check_invariants(&deep);
    check_invariants(&nested(150));
    assert_eq!(messages(&nested(150)), ["too many levels of indentation"]);
}

#[test]
fn line_endings() {
    assert_eq!(dump("a\r\nb\rc\n"), "Name(a) Newline Name(b) Newline Name(c) Newline EndOfFile");
    let lexed = lex("a\r\nb");
    assert_eq!(lexed.tokens[1].span, typhon_diagnostics::Span::new(1, 3));
    assert_eq!(toks("if a:\r\n  b\r\nc\r\n"), "If Name(a) Colon Newline Indent Name(b) Newline Dedent Name(c)");
}

#[test]
fn comments_are_skipped() {
    assert_eq!(toks("x = 1  # one\n# two\ny # three"), "Name(x) Equal Int(1) Newline Name(y)");
}

#[test]
fn implicit_line_joining_in_brackets() {
    assert_eq!(
        toks("x = (1,\n     2,\n\n  # c\n3)\ny = [\n]\nz = {\n}\n"),
        "Name(x) Equal Lpar Int(1) Comma Int(2) Comma Int(3) Rpar Newline Name(y) Equal Lsqb Rsqb Newline \
         Name(z) Equal Lbrace Rbrace"
    );
    // Indentation inside brackets means nothing.
    assert_eq!(
        toks("if (a and\n        b):\n    c\n"),
        "If Lpar Name(a) And Name(b) Rpar Colon Newline Indent Name(c) Newline Dedent"
    );
}

#[test]
fn backslash_continuation() {
    assert_eq!(toks("x = 1 + \\\n    2\ny\n"), "Name(x) Equal Int(1) Plus Int(2) Newline Name(y)");
    assert_eq!(toks("x = \\\r\n 2\n"), "Name(x) Equal Int(2)");
    assert_eq!(
        toks("if a and \\\n  b:\n    c\n"),
        "If Name(a) And Name(b) Colon Newline Indent Name(c) Newline Dedent"
    );
    assert!(messages("x = 1 + \\\n    2\n").is_empty());
}

#[test]
fn character_after_continuation() {
    let (message, text) = only_error("x = 1 \\ 2\n");
    assert_eq!(message, "unexpected character after line continuation character");
    assert_eq!(text, "\\");
    assert_eq!(toks("x = 1 \\ 2\n"), "Name(x) Equal Int(1) Error Int(2)");
}

#[test]
fn continuation_at_end_of_file() {
    assert_eq!(only_error("x = 1 + \\").0, "unexpected EOF while parsing");
    assert_eq!(only_error("x = 1 + \\\n").0, "unexpected EOF while parsing");
    check_invariants("x = 1 + \\\n");
    // A blank or comment line after the continuation ends the statement instead.
    assert!(messages("x = 1 \\\n\n").is_empty());
    assert!(messages("x = 1 \\\n# comment").is_empty());
    assert_eq!(toks("x = 1 \\\n\n"), "Name(x) Equal Int(1)");
}

#[test]
fn unclosed_bracket_at_end_of_file() {
    assert_eq!(only_error("x = (\n"), ("'(' was never closed".to_owned(), "(".to_owned()));
    // The innermost bracket is the one reported, as in CPython.
    assert_eq!(only_error("x = foo(a, [1,\n2\n"), ("'[' was never closed".to_owned(), "[".to_owned()));
    assert_eq!(dump("x = (\n"), "Name(x) Equal Lpar Newline EndOfFile");
}

#[test]
fn mismatched_brackets() {
    assert_eq!(only_error("x = (1, [2)").0, "closing parenthesis ')' does not match opening parenthesis '['");
    // Same line as the opener: no line number, as in CPython.
    assert_eq!(only_error("x = (1,\n[2)\n").0, "closing parenthesis ')' does not match opening parenthesis '['");
    assert_eq!(
        only_error("x = [1,\n2)\n"),
        ("closing parenthesis ')' does not match opening parenthesis '[' on line 1".to_owned(), ")".to_owned())
    );
    // Recovery: a closer with no matching opener stands for the one that was wanted.
    assert_eq!(toks("x = [1,\n2)\ny\n"), "Name(x) Equal Lsqb Int(1) Comma Int(2) Rsqb Newline Name(y)");
    // Recovery: `)` closes the `(` it matches, so the line ends normally.
    assert_eq!(toks("f(a[1)\ny\n"), "Name(f) Lpar Name(a) Lsqb Int(1) Rpar Newline Name(y)");
    // ...and the closer of the bracket left open that way, if it comes next, is taken
    // silently: one error for the mismatch, as in CPython.
    assert_eq!(only_error("w = foo(a[1)]\n").0, "closing parenthesis ')' does not match opening parenthesis '['");
    assert_eq!(toks("w = foo(a[1)]\n"), "Name(w) Equal Name(foo) Lpar Name(a) Lsqb Int(1) Rpar");
    assert_eq!(only_error("v = [(1, 2])\n").0, "closing parenthesis ']' does not match opening parenthesis '('");
    assert_eq!(only_error("v = (1]) + (2)\n").0, "closing parenthesis ']' does not match opening parenthesis '('");
    assert_eq!(only_error("f(a[{1)}]\n").0, "closing parenthesis ')' does not match opening parenthesis '{'");
    // Only at the depth it was left at, and only on the same logical line.
    assert_eq!(messages("v = (1]\n)\n").len(), 2);
    assert_eq!(messages("v = ([1)\nx = ]\n").len(), 2);
}

#[test]
fn unmatched_closer() {
    assert_eq!(only_error("x = )"), ("unmatched ')'".to_owned(), ")".to_owned()));
    assert_eq!(only_error("x]").0, "unmatched ']'");
    assert_eq!(only_error("}").0, "unmatched '}'");
    assert_eq!(toks("x = )\ny\n"), "Name(x) Equal Error Newline Name(y)");
}

#[test]
fn unclosed_bracket_recovers_at_a_statement_keyword() {
    let source = "x = foo(1,\ndef g():\n    return 2\n";
    assert_eq!(only_error(source), ("'(' was never closed".to_owned(), "(".to_owned()));
    assert_eq!(
        toks(source),
        "Name(x) Equal Name(foo) Lpar Int(1) Comma Newline Def Name(g) Lpar Rpar Colon Newline Indent Return Int(2) \
         Newline Dedent"
    );
    let nested = "def f():\n    x = [1, (2,\n    return x\ny = 1\n";
    assert_eq!(only_error(nested).0, "'(' was never closed");
    assert_eq!(
        toks(nested),
        "Def Name(f) Lpar Rpar Colon Newline Indent Name(x) Equal Lsqb Int(1) Comma Lpar Int(2) Comma Newline \
         Return Name(x) Newline Dedent Name(y) Equal Int(1)"
    );
    check_invariants(nested);
}

#[test]
fn no_recovery_for_deeper_lines_or_expression_keywords() {
    // Deeper than the opening line: just a continuation line.
    assert!(messages("x = foo(\n    return_value)\n").is_empty());
    assert_eq!(only_error("x = foo(\n    return 1\n").0, "'(' was never closed");
    // `if`/`for`/`else` may continue an expression; only a line ending in `:` is a statement.
    assert!(messages("x = [a\nfor a in b]\ny = (a\nif c\nelse d)\n").is_empty());
    assert_eq!(messages("x = [a,\nfor a in b:\n    pass\n"), ["'[' was never closed"]);
    // A name that merely starts with a keyword is not one.
    assert!(messages("x = (1,\npassword)\n").is_empty());
}

#[test]
fn nesting_limit() {
    let ok = format!("x = {}{}\n", "(".repeat(200), ")".repeat(200));
    assert!(messages(&ok).is_empty());
    let deep = format!("x = {}{}\n", "(".repeat(201), ")".repeat(201));
    assert_eq!(only_error(&deep), ("too many nested parentheses".to_owned(), "(".to_owned()));
    // Tokens are produced regardless.
    assert_eq!(lex(&deep).tokens.len(), 2 + 402 + 2);
}

#[test]
fn hundred_thousand_open_parentheses() {
    let source = "(".repeat(100_000);
    let started = std::time::Instant::now();
    let lexed = lex(&source);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
    let messages: Vec<&str> = lexed.diagnostics.iter().map(|diagnostic| diagnostic.message.as_str()).collect();
    assert_eq!(messages, ["too many nested parentheses", "'(' was never closed"]);
    assert_eq!(lexed.tokens.len(), 100_000 + 2);
    // Closing them all again is fine too.
    let balanced = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(super::messages(&balanced), ["too many nested parentheses"]);
}
