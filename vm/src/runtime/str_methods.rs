//! The `str` methods that need no code-point positions: splitting, stripping, case,
//! classification, padding. Each follows CPython's algorithm (`Objects/stringlib`).

use super::errors::{RtResult, RuntimeError};
use super::strings::MAX_STR_BYTES;
use super::unicode;

/// `maxsplit` as CPython reads it: negative means no limit.
fn split_limit(maxsplit: i64) -> usize {
    usize::try_from(maxsplit).unwrap_or(usize::MAX)
}

/// `s.split(sep, maxsplit)`; `sep == None` splits on runs of Unicode whitespace and
/// drops empty strings.
pub fn split(text: &str, sep: Option<&str>, maxsplit: i64) -> RtResult<Vec<String>> {
    let mut remaining = split_limit(maxsplit);
    let Some(sep) = sep else {
        let mut parts = Vec::new();
        let mut rest = text;
        loop {
            rest = rest.trim_start_matches(unicode::is_space);
            if rest.is_empty() {
                break;
            }
            if remaining == 0 {
                parts.push(rest.to_owned());
                break;
            }
            remaining -= 1;
            let end = rest.find(unicode::is_space).unwrap_or(rest.len());
            parts.push(rest[..end].to_owned());
            rest = &rest[end..];
        }
        return Ok(parts);
    };
    if sep.is_empty() {
        return Err(RuntimeError::value("empty separator"));
    }
    Ok(text.splitn(remaining.saturating_add(1), sep).map(str::to_owned).collect())
}

/// `s.rsplit(sep, maxsplit)`: like `split`, but the limit applies from the right.
pub fn rsplit(text: &str, sep: Option<&str>, maxsplit: i64) -> RtResult<Vec<String>> {
    let mut remaining = split_limit(maxsplit);
    let Some(sep) = sep else {
        let mut parts = Vec::new();
        let mut rest = text;
        loop {
            rest = rest.trim_end_matches(unicode::is_space);
            if rest.is_empty() {
                break;
            }
            if remaining == 0 {
                parts.push(rest.to_owned());
                break;
            }
            remaining -= 1;
            let start = rest
                .rfind(unicode::is_space)
                .map_or(0, |idx| idx + rest[idx..].chars().next().map_or(1, char::len_utf8));
            parts.push(rest[start..].to_owned());
            rest = &rest[..start];
        }
        parts.reverse();
        return Ok(parts);
    };
    if sep.is_empty() {
        return Err(RuntimeError::value("empty separator"));
    }
    let mut parts: Vec<String> = text.rsplitn(remaining.saturating_add(1), sep).map(str::to_owned).collect();
    parts.reverse();
    Ok(parts)
}

/// `sep.join(items)`. The VM checks that every item is a `str` first (CPython's
/// "sequence item 1: expected str instance, int found").
pub fn join<'a>(sep: &str, items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (idx, item) in items.into_iter().enumerate() {
        if idx > 0 {
            out.push_str(sep);
        }
        out.push_str(item);
    }
    out
}

/// `s.strip(chars)`: `None` strips Unicode whitespace.
pub fn strip<'a>(text: &'a str, chars: Option<&str>) -> &'a str {
    rstrip(lstrip(text, chars), chars)
}

/// `s.lstrip(chars)`.
pub fn lstrip<'a>(text: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => text.trim_start_matches(unicode::is_space),
        Some(set) => text.trim_start_matches(|c| set.contains(c)),
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip<'a>(text: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => text.trim_end_matches(unicode::is_space),
        Some(set) => text.trim_end_matches(|c| set.contains(c)),
    }
}

/// `s.replace(old, new, count)`: a negative count replaces every occurrence; an empty
/// `old` inserts `new` before every character and at the end.
pub fn replace(text: &str, old: &str, new: &str, count: i64) -> RtResult<String> {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    let matches = if old.is_empty() { text.chars().count() + 1 } else { text.matches(old).count() };
    let replaced = matches.min(limit);
    let size = (text.len() + replaced.saturating_mul(new.len())).saturating_sub(replaced * old.len());
    check_size(size)?;
    Ok(text.replacen(old, new, limit))
}

fn check_size(bytes: usize) -> RtResult<()> {
    if bytes > MAX_STR_BYTES { Err(RuntimeError::memory()) } else { Ok(()) }
}

/// `s.upper()`, with full mappings (`'ß'` → `"SS"`).
pub fn upper(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        unicode::push_upper(c, &mut out);
    }
    out
}

/// `s.lower()`, with full mappings and the final-sigma rule.
pub fn lower(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for idx in 0..chars.len() {
        push_lower_in_context(&chars, idx, &mut out);
    }
    out
}

fn push_lower_in_context(chars: &[char], idx: usize, out: &mut String) {
    if chars[idx] == '\u{3a3}' {
        out.push(if is_final_sigma(chars, idx) { '\u{3c2}' } else { '\u{3c3}' });
    } else {
        unicode::push_lower(chars[idx], out);
    }
}

/// A capital sigma becomes final `ς` after a cased letter and not before one,
/// looking through case-ignorable characters (CPython's `handle_capital_sigma`).
fn is_final_sigma(chars: &[char], idx: usize) -> bool {
    let before = chars[..idx].iter().rev().find(|&&c| !unicode::is_case_ignorable(c));
    if !before.is_some_and(|&c| unicode::is_cased(c)) {
        return false;
    }
    let after = chars[idx + 1..].iter().find(|&&c| !unicode::is_case_ignorable(c));
    !after.is_some_and(|&c| unicode::is_cased(c))
}

/// `s.title()`: a character after a cased one is lowered, any other is title-cased,
/// so `"they're bill's"` → `"They'Re Bill'S"`.
pub fn title(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut previous_is_cased = false;
    for (idx, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            push_lower_in_context(&chars, idx, &mut out);
        } else {
            unicode::push_title(c, &mut out);
        }
        previous_is_cased = unicode::is_cased(c);
    }
    out
}

/// `s.capitalize()`: the first character title-cased (3.8+), the rest lowered.
pub fn capitalize(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (idx, &c) in chars.iter().enumerate() {
        if idx == 0 {
            unicode::push_title(c, &mut out);
        } else {
            push_lower_in_context(&chars, idx, &mut out);
        }
    }
    out
}

/// `s.swapcase()`.
pub fn swapcase(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (idx, &c) in chars.iter().enumerate() {
        if unicode::is_upper(c) {
            push_lower_in_context(&chars, idx, &mut out);
        } else if unicode::is_lower(c) {
            unicode::push_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

fn all_nonempty(text: &str, predicate: fn(char) -> bool) -> bool {
    !text.is_empty() && text.chars().all(predicate)
}

/// `s.isdigit()`.
pub fn isdigit(text: &str) -> bool {
    all_nonempty(text, unicode::is_digit)
}

/// `s.isdecimal()`.
pub fn isdecimal(text: &str) -> bool {
    all_nonempty(text, unicode::is_decimal)
}

/// `s.isnumeric()`.
pub fn isnumeric(text: &str) -> bool {
    all_nonempty(text, unicode::is_numeric)
}

/// `s.isalpha()`.
pub fn isalpha(text: &str) -> bool {
    all_nonempty(text, unicode::is_alpha)
}

/// `s.isalnum()`.
pub fn isalnum(text: &str) -> bool {
    all_nonempty(text, unicode::is_alnum)
}

/// `s.isspace()`.
pub fn isspace(text: &str) -> bool {
    all_nonempty(text, unicode::is_space)
}

/// `s.isprintable()` (true for the empty string).
pub fn isprintable(text: &str) -> bool {
    text.chars().all(unicode::is_printable)
}

/// `s.isupper()`: no lower- or title-case character and at least one upper-case one.
pub fn isupper(text: &str) -> bool {
    let mut cased = false;
    for c in text.chars() {
        if unicode::is_lower(c) || unicode::is_title(c) {
            return false;
        }
        cased |= unicode::is_upper(c);
    }
    cased
}

/// `s.islower()`.
pub fn islower(text: &str) -> bool {
    let mut cased = false;
    for c in text.chars() {
        if unicode::is_upper(c) || unicode::is_title(c) {
            return false;
        }
        cased |= unicode::is_lower(c);
    }
    cased
}

/// `s.istitle()`: upper/title-case characters only start words, lower-case ones only
/// continue them.
pub fn istitle(text: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in text.chars() {
        if unicode::is_upper(c) || unicode::is_title(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if unicode::is_lower(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// Python's line boundaries: `\n \r \v \f \x1c \x1d \x1e \x85 \u2028 \u2029`.
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// `s.splitlines(keepends)`; `\r\n` is one boundary.
pub fn splitlines(text: &str, keepends: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let Some(idx) = rest.find(is_line_break) else {
            lines.push(rest.to_owned());
            break;
        };
        let break_len =
            if rest[idx..].starts_with("\r\n") { 2 } else { rest[idx..].chars().next().map_or(1, char::len_utf8) };
        let end = if keepends { idx + break_len } else { idx };
        lines.push(rest[..end].to_owned());
        rest = &rest[idx + break_len..];
    }
    lines
}

fn padded(text: &str, left: usize, right: usize, fill: char) -> RtResult<String> {
    check_size(text.len().saturating_add((left.saturating_add(right)).saturating_mul(fill.len_utf8())))?;
    let mut out = String::with_capacity(text.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

fn margin(text: &str, width: i64) -> Option<usize> {
    let len = text.chars().count() as i64;
    (width > len).then(|| (width - len) as usize)
}

/// `s.ljust(width, fillchar)`.
pub fn ljust(text: &str, width: i64, fill: char) -> RtResult<String> {
    match margin(text, width) {
        Some(marg) => padded(text, 0, marg, fill),
        None => Ok(text.to_owned()),
    }
}

/// `s.rjust(width, fillchar)`.
pub fn rjust(text: &str, width: i64, fill: char) -> RtResult<String> {
    match margin(text, width) {
        Some(marg) => padded(text, marg, 0, fill),
        None => Ok(text.to_owned()),
    }
}

/// `s.center(width, fillchar)`, with CPython's rule for an odd margin: the extra
/// character goes left only when both the margin and the width are odd.
pub fn center(text: &str, width: i64, fill: char) -> RtResult<String> {
    match margin(text, width) {
        Some(marg) => {
            let left = marg / 2 + (marg & (width as usize) & 1);
            padded(text, left, marg - left, fill)
        }
        None => Ok(text.to_owned()),
    }
}

/// `s.zfill(width)`: zeros on the left, after a leading sign.
pub fn zfill(text: &str, width: i64) -> RtResult<String> {
    let Some(fill) = margin(text, width) else {
        return Ok(text.to_owned());
    };
    let (sign, digits) = match text.strip_prefix(['+', '-']) {
        Some(rest) => (&text[..1], rest),
        None => ("", text),
    };
    check_size(text.len().saturating_add(fill))?;
    Ok(format!("{sign}{}{digits}", "0".repeat(fill)))
}

/// `s * n`: empty for `n <= 0`.
pub fn repeat(text: &str, count: i64) -> RtResult<String> {
    let Ok(count) = usize::try_from(count) else {
        return Ok(String::new());
    };
    if count == 0 || text.is_empty() {
        return Ok(String::new());
    }
    // A length past `sys.maxsize` is CPython's OverflowError; a smaller huge one its
    // MemoryError.
    if (text.chars().count() as u128) * (count as u128) > i64::MAX as u128 {
        return Err(RuntimeError::overflow("repeated string is too long"));
    }
    check_size(text.len().saturating_mul(count))?;
    Ok(text.repeat(count))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_follows_cpython() {
        assert_eq!(split("  a b\u{3000}c  ", None, -1), Ok(vec!["a".into(), "b".into(), "c".into()]));
        assert_eq!(split("  a b  c  ", None, 1), Ok(vec!["a".into(), "b  c  ".into()]));
        assert_eq!(rsplit("  a b  c  ", None, 1), Ok(vec!["  a b".into(), "c".into()]));
        assert_eq!(split("a,,b", Some(","), -1), Ok(vec!["a".into(), "".into(), "b".into()]));
        assert_eq!(rsplit("a,b,c", Some(","), 1), Ok(vec!["a,b".into(), "c".into()]));
        assert_eq!(split("", Some(","), -1), Ok(vec!["".into()]));
        assert_eq!(split("", None, -1), Ok(Vec::<String>::new()));
        assert_eq!(split("a", Some(""), -1).expect_err("empty").message, "empty separator");
    }

    #[test]
    fn case_conversions() {
        assert_eq!(title("they're bill's"), "They'Re Bill'S");
        assert_eq!(upper("straße"), "STRASSE");
        assert_eq!(lower("ΟΔΟΣ ΟΔΟΣ."), "οδος οδος.");
        assert_eq!(lower("Σ"), "σ");
        assert_eq!(title("ǆemal ﬁsh"), "ǅemal Fish");
    }

    #[test]
    fn padding_and_lines() {
        assert_eq!(center("a", 4, '*'), Ok("*a**".into()));
        assert_eq!(center("ab", 5, '*'), Ok("**ab*".into()));
        assert_eq!(center("abc", 6, '*'), Ok("*abc**".into()));
        assert_eq!(zfill("-42", 6), Ok("-00042".into()));
        assert_eq!(zfill("+", 3), Ok("+00".into()));
        assert_eq!(splitlines("a\r\nb\rc\x1cd\u{2028}", true), ["a\r\n", "b\r", "c\x1c", "d\u{2028}"]);
        assert_eq!(splitlines("a\n\nb", false), ["a", "", "b"]);
        assert_eq!(repeat("ab", -3), Ok(String::new()));
        assert_eq!(replace("abc", "", "-", 2), Ok("-a-bc".into()));
    }

    #[test]
    fn classification() {
        assert!(isdigit("²³") && !isdecimal("²") && isnumeric("½一"));
        assert!(!isupper("ǅ") && isupper("ABC1") && !isupper("123"));
        assert!(istitle("Hello World") && !istitle("HeLLo"));
        assert!(isspace("\x1c\u{85}") && !isspace(""));
    }
}
