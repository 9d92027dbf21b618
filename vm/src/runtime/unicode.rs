//! Character properties and case mappings with CPython 3.11's exact definitions.
//!
//! Rust's `char` methods disagree with Python (`'²'.isdigit()` is true in Python,
//! `'\x1c'.isspace()` too, and the Unicode versions differ), so every predicate reads
//! tables generated from CPython's own database; see `vm/tools/gen_unicode_tables.py`.

use super::unicode_case_tables as case;
use super::unicode_props_tables as props;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let code = u32::from(c);
    match table.binary_search_by(|&(start, _)| start.cmp(&code)) {
        Ok(_) => true,
        Err(0) => false,
        Err(idx) => code <= table[idx - 1].1,
    }
}

/// `str.isspace()` for one character: bidirectional class WS, B or S, or category Zs.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t'..='\r' | '\x1c'..='\x1f');
    }
    in_ranges(props::SPACE, c)
}

/// `str.isalpha()` for one character: categories Lu, Ll, Lt, Lm, Lo.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(props::ALPHA, c)
}

/// `str.isdecimal()` for one character: Numeric_Type=Decimal.
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(props::DECIMAL, c)
}

/// `str.isdigit()` for one character: Numeric_Type=Decimal or Digit (`'²'` is one).
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(props::DIGIT, c)
}

/// `str.isnumeric()` for one character: any Numeric_Type (`'½'`, `'一'`).
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(props::NUMERIC, c)
}

/// `str.isalnum()` for one character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

/// `str.isprintable()` for one character: what `repr` leaves unescaped.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_ranges(props::PRINTABLE, c)
}

/// Python's "uppercase" flag (the Uppercase property), used by `str.isupper()`.
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    in_ranges(props::UPPER, c)
}

/// Python's "lowercase" flag (the Lowercase property), used by `str.islower()`.
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    in_ranges(props::LOWER, c)
}

/// Category Lt (`'ǅ'`), which counts as neither upper nor lower case.
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && in_ranges(props::TITLE, c)
}

/// The Cased property: whether `title()` treats the character as inside a word.
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(props::CASED, c)
}

/// The Case_Ignorable property, skipped by the final-sigma rule of `lower()`.
pub fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    in_ranges(props::CASE_IGNORABLE, c)
}

/// The value of a Unicode decimal digit (`'٣'` → 3), as `int()` and `float()` read it.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let code = u32::from(c);
    let idx = props::DECIMAL_ZEROS.partition_point(|&zero| zero <= code);
    let zero = *props::DECIMAL_ZEROS.get(idx.checked_sub(1)?)?;
    (code - zero < 10).then_some(code - zero)
}

fn push_mapped(c: char, single: &[(u32, u32)], multi: &[(u32, &str)], out: &mut String) -> bool {
    let code = u32::from(c);
    if let Ok(idx) = single.binary_search_by(|&(from, _)| from.cmp(&code)) {
        out.push(char::from_u32(single[idx].1).unwrap_or(c));
        return true;
    }
    if let Ok(idx) = multi.binary_search_by(|&(from, _)| from.cmp(&code)) {
        out.push_str(multi[idx].1);
        return true;
    }
    false
}

/// Appends the full upper-case mapping of `c` (`'ß'` → `"SS"`).
pub(crate) fn push_upper(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if !push_mapped(c, case::UPPER_MAP_SINGLE, case::UPPER_MAP_MULTI, out) {
        out.push(c);
    }
}

/// Appends the full lower-case mapping of `c`, without the final-sigma context rule.
pub(crate) fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if !push_mapped(c, case::LOWER_MAP_SINGLE, case::LOWER_MAP_MULTI, out) {
        out.push(c);
    }
}

/// Appends the full title-case mapping of `c` (`'ǆ'` → `'ǅ'`, `'ß'` → `"Ss"`).
pub(crate) fn push_title(c: char, out: &mut String) {
    if c.is_ascii() || !push_mapped(c, case::TITLE_DIFF_SINGLE, case::TITLE_DIFF_MULTI, out) {
        push_upper(c, out);
    }
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII` followed by the ASCII
/// whitespace strip of `int()`/`float()`: non-ASCII spaces become `' '`, decimal
/// digits their ASCII digit. `None` when another non-ASCII character remains, which
/// makes the literal invalid.
pub(crate) fn decimal_and_space_to_ascii(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c < '\x7f' {
            out.push(c);
        } else if is_space(c) {
            out.push(' ');
        } else {
            out.push(char::from_digit(decimal_value(c)?, 10)?);
        }
    }
    let trimmed = out.trim_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
    Some(trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicates_follow_python_not_rust() {
        assert!(is_digit('²') && !is_decimal('²'));
        assert!(is_numeric('½') && is_numeric('一') && !is_digit('½'));
        assert!(is_space('\x1c') && !'\x1c'.is_whitespace());
        assert!(!is_space('\u{200b}'));
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('²'), None);
        assert!(is_title('ǅ') && !is_upper('ǅ'));
    }

    #[test]
    fn case_mappings_are_full() {
        let mut out = String::new();
        push_upper('ß', &mut out);
        push_title('ß', &mut out);
        push_lower('İ', &mut out);
        push_title('ǆ', &mut out);
        assert_eq!(out, "SSSsi\u{307}ǅ");
    }
}
