//! Python's `str`: code-point indexing over UTF-8, slicing, searching and `repr`.
//!
//! Text is stored as UTF-8 with its length in code points. ASCII strings (the common
//! case) index in O(1); other strings build, on first use, a table of the byte offset
//! of every 64th character, so indexing costs at most 64 steps.

use std::cell::OnceCell;
use std::fmt;

use super::errors::{RtResult, RuntimeError};
use super::int::Int;
use super::slice::{SliceIndices, resolve_index};

/// How many characters lie between two checkpoints of the offset table.
const CHECKPOINT_EVERY: usize = 64;

/// The largest string, in bytes (1 GiB), that an operation may build. Like
/// [`MAX_INT_BITS`](crate::runtime::int::MAX_INT_BITS): CPython would exhaust memory
/// and raise `MemoryError`, Typhon raises it before allocating.
pub const MAX_STR_BYTES: usize = 1 << 30;

/// A Python string value.
#[derive(Clone)]
pub struct PyStr {
    text: Box<str>,
    char_len: usize,
    /// Byte offsets of characters 0, 64, 128, ...; built lazily, never for ASCII.
    checkpoints: OnceCell<Box<[usize]>>,
}

impl PyStr {
    pub fn new(text: impl Into<Box<str>>) -> PyStr {
        let text = text.into();
        let char_len = if text.is_ascii() { text.len() } else { text.chars().count() };
        PyStr { text, char_len, checkpoints: OnceCell::new() }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// `len(s)`: code points, not bytes.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    pub fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }

    /// The byte offset of character `char_idx` (`char_idx <= len`).
    pub fn byte_offset(&self, char_idx: usize) -> usize {
        if self.is_ascii() || char_idx == 0 {
            return char_idx.min(self.text.len());
        }
        if char_idx >= self.char_len {
            return self.text.len();
        }
        let checkpoints = self
            .checkpoints
            .get_or_init(|| self.text.char_indices().step_by(CHECKPOINT_EVERY).map(|(offset, _)| offset).collect());
        let base = checkpoints[char_idx / CHECKPOINT_EVERY];
        let skip = char_idx % CHECKPOINT_EVERY;
        match self.text[base..].char_indices().nth(skip) {
            Some((offset, _)) => base + offset,
            None => self.text.len(),
        }
    }

    /// The character at code-point position `char_idx`.
    pub fn char_at(&self, char_idx: usize) -> Option<char> {
        if char_idx >= self.char_len {
            return None;
        }
        if self.is_ascii() {
            return Some(char::from(self.text.as_bytes()[char_idx]));
        }
        self.text[self.byte_offset(char_idx)..].chars().next()
    }

    /// The text between two code-point positions (clamped to the string).
    pub fn char_range(&self, start: usize, end: usize) -> &str {
        let start = self.byte_offset(start.min(self.char_len));
        let end = self.byte_offset(end.min(self.char_len)).max(start);
        &self.text[start..end]
    }

    /// `s[index]` with a negative index counting from the end.
    pub fn get_item(&self, index: i64) -> RtResult<char> {
        resolve_index(self.char_len, index)
            .and_then(|idx| self.char_at(idx))
            .ok_or_else(|| RuntimeError::index("string index out of range"))
    }

    /// `s[start:stop:step]`.
    pub fn slice(&self, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> RtResult<String> {
        let indices = SliceIndices::new(self.char_len, start, stop, step)?;
        if indices.step == 1 {
            let start = indices.start as usize;
            return Ok(self.char_range(start, start + indices.len).to_owned());
        }
        if self.is_ascii() {
            let bytes = self.text.as_bytes();
            return Ok(indices.positions().map(|idx| char::from(bytes[idx])).collect());
        }
        let chars: Vec<char> = self.text.chars().collect();
        Ok(indices.positions().map(|idx| chars[idx]).collect())
    }

    /// Python's `ADJUST_INDICES` for the optional `start`/`end` of `find`, `count`,
    /// `startswith` and friends: negative values count from the end, then clamp.
    /// The start may exceed the end (or the length): callers check.
    fn adjust_bounds(&self, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
        let len = self.char_len as i64;
        let mut end = end.unwrap_or(len);
        if end > len {
            end = len;
        } else if end < 0 {
            end = (end + len).max(0);
        }
        let mut start = start.unwrap_or(0);
        if start < 0 {
            start = (start + len).max(0);
        }
        (start, end)
    }

    fn char_index_of(&self, byte_offset: usize) -> usize {
        if self.is_ascii() { byte_offset } else { self.text[..byte_offset].chars().count() }
    }

    /// `s.find(sub, start, end)`: the code-point index of the first match or -1.
    pub fn find(&self, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
        self.search(sub, start, end, false)
    }

    /// `s.rfind(sub, start, end)`.
    pub fn rfind(&self, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
        self.search(sub, start, end, true)
    }

    /// `s.index(sub, start, end)`: like `find`, but ValueError "substring not found".
    pub fn index(&self, sub: &str, start: Option<i64>, end: Option<i64>) -> RtResult<i64> {
        found_or_error(self.find(sub, start, end))
    }

    /// `s.rindex(sub, start, end)`.
    pub fn rindex(&self, sub: &str, start: Option<i64>, end: Option<i64>) -> RtResult<i64> {
        found_or_error(self.rfind(sub, start, end))
    }

    fn search(&self, sub: &str, start: Option<i64>, end: Option<i64>, from_right: bool) -> i64 {
        let (start, end) = self.adjust_bounds(start, end);
        let sub_len = sub.chars().count() as i64;
        if start > self.char_len as i64 || end - start < sub_len {
            return -1;
        }
        let window_start = self.byte_offset(start as usize);
        let window = self.char_range(start as usize, end as usize);
        let found = if from_right { window.rfind(sub) } else { window.find(sub) };
        match found {
            Some(offset) => self.char_index_of(window_start + offset) as i64,
            None => -1,
        }
    }

    /// `s.count(sub, start, end)`: non-overlapping matches; an empty `sub` matches
    /// between every two characters and at both ends.
    pub fn count(&self, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
        let (start, end) = self.adjust_bounds(start, end);
        if start > self.char_len as i64 || end < start {
            return 0;
        }
        if sub.is_empty() {
            return (end - start) as usize + 1;
        }
        self.char_range(start as usize, end as usize).matches(sub).count()
    }

    /// `s.startswith(prefix, start, end)`; for a tuple of prefixes, call once per item
    /// (CPython answers true at the first match).
    pub fn startswith(&self, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
        self.tail_match(prefix, start, end, false)
    }

    /// `s.endswith(suffix, start, end)`.
    pub fn endswith(&self, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
        self.tail_match(suffix, start, end, true)
    }

    /// `startswith`/`endswith` with a tuple: true if any item matches.
    pub fn startswith_any<'a>(
        &self,
        prefixes: impl IntoIterator<Item = &'a str>,
        start: Option<i64>,
        end: Option<i64>,
    ) -> bool {
        prefixes.into_iter().any(|prefix| self.startswith(prefix, start, end))
    }

    /// `endswith` with a tuple of suffixes.
    pub fn endswith_any<'a>(
        &self,
        suffixes: impl IntoIterator<Item = &'a str>,
        start: Option<i64>,
        end: Option<i64>,
    ) -> bool {
        suffixes.into_iter().any(|suffix| self.endswith(suffix, start, end))
    }

    fn tail_match(&self, affix: &str, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
        let (start, end) = self.adjust_bounds(start, end);
        let affix_len = affix.chars().count() as i64;
        if end - affix_len < start {
            return false;
        }
        let window = self.char_range(start as usize, end as usize);
        if at_end { window.ends_with(affix) } else { window.starts_with(affix) }
    }

    /// `ord(s)` for this string.
    pub fn ord(&self) -> RtResult<u32> {
        match (self.char_len, self.text.chars().next()) {
            (1, Some(c)) => Ok(u32::from(c)),
            (n, _) => {
                Err(RuntimeError::type_error(format!("ord() expected a character, but string of length {n} found")))
            }
        }
    }
}

fn found_or_error(position: i64) -> RtResult<i64> {
    if position < 0 { Err(RuntimeError::value("substring not found")) } else { Ok(position) }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.text == other.text
    }
}

impl Eq for PyStr {}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

impl fmt::Display for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<&str> for PyStr {
    fn from(text: &str) -> PyStr {
        PyStr::new(text)
    }
}

impl From<String> for PyStr {
    fn from(text: String) -> PyStr {
        PyStr::new(text)
    }
}

/// `chr(n)` for any int, including CPython's OverflowError for huge ones.
pub fn chr_int(code: &Int) -> RtResult<char> {
    chr(code.to_i64_saturating())
}

/// `chr(code)` for an i64 (see [`chr_int`] for an arbitrary int).
///
/// Deviation: CPython's `chr(0xD800)` is a lone surrogate, which a UTF-8 string cannot
/// hold; Typhon raises ValueError for the surrogate range instead.
pub fn chr(code: i64) -> RtResult<char> {
    // CPython first converts to a C int, then checks the range.
    if i32::try_from(code).is_err() {
        return Err(RuntimeError::overflow("Python int too large to convert to C int"));
    }
    if !(0..0x110000).contains(&code) {
        return Err(RuntimeError::value("chr() arg not in range(0x110000)"));
    }
    char::from_u32(code as u32)
        .ok_or_else(|| RuntimeError::value("chr() arg is a lone surrogate, which Typhon strings cannot hold"))
}

/// `ascii(s)` (and the `!a` conversion): `repr` with every non-ASCII character escaped.
pub fn ascii_str(text: &str) -> String {
    escape_non_ascii(&repr_str(text))
}

/// What `ascii()` does to a `repr`: every non-ASCII character as `\xNN`, `\uNNNN` or
/// `\UNNNNNNNN`.
pub fn escape_non_ascii(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let code = u32::from(c);
        match code {
            0..0x80 => out.push(c),
            0x80..0x100 => out.push_str(&format!("\\x{code:02x}")),
            0x100..0x10000 => out.push_str(&format!("\\u{code:04x}")),
            _ => out.push_str(&format!("\\U{code:08x}")),
        }
    }
    out
}

/// `repr(s)`, exactly as CPython: single quotes unless the text contains `'` and no
/// `"`; `\\`, the quote, `\t`, `\n`, `\r` escaped; other non-printable characters as
/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn repr_str(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if super::unicode::is_printable(c) => out.push(c),
            _ => {
                let code = u32::from(c);
                let escaped = if code < 0x100 {
                    format!("\\x{code:02x}")
                } else if code < 0x10000 {
                    format!("\\u{code:04x}")
                } else {
                    format!("\\U{code:08x}")
                };
                out.push_str(&escaped);
            }
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexing_counts_code_points() {
        let text = PyStr::new("héllo wörld ".repeat(20));
        assert_eq!(text.char_len(), 240);
        assert_eq!(text.get_item(1), Ok('é'));
        assert_eq!(text.get_item(-4), Ok('r'));
        assert_eq!(text.get_item(204 + 1), Ok('é'));
        assert_eq!(text.get_item(240).expect_err("out").message, "string index out of range");
        assert_eq!(text.slice(Some(1), Some(5), None), Ok("éllo".into()));
        assert_eq!(PyStr::new("abcdef").slice(None, None, Some(-2)), Ok("fdb".into()));
        assert_eq!(PyStr::new("héllo").slice(None, None, Some(-1)), Ok("olléh".into()));
    }

    #[test]
    fn searching_uses_code_point_positions() {
        let text = PyStr::new("ñaña");
        assert_eq!(text.find("a", Some(2), None), 3);
        assert_eq!(text.rfind("ñ", None, None), 2);
        assert_eq!(text.find("", Some(4), None), 4);
        assert_eq!(text.find("", Some(5), None), -1);
        assert_eq!(text.count("", None, None), 5);
        assert_eq!(text.count("", Some(5), None), 0);
        assert_eq!(text.index("x", None, None).expect_err("absent").message, "substring not found");
        assert!(text.startswith("", Some(4), None));
        assert!(!text.startswith("", Some(5), None));
        assert!(text.endswith("ñ", None, Some(-1)));
        assert!(text.startswith_any(["x", "ña"], None, None));
    }

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("both ' and \""), "'both \\' and \"'");
        assert_eq!(
            repr_str("\t\n\r\\\x00\x7f\u{85}é\u{200b}\u{e000}\u{1f600}\u{e0001}"),
            "'\\t\\n\\r\\\\\\x00\\x7f\\x85é\\u200b\\ue000\u{1f600}\\U000e0001'"
        );
    }

    #[test]
    fn chr_and_ord() {
        assert_eq!(chr(0x41), Ok('A'));
        assert_eq!(chr(0x110000).expect_err("range").message, "chr() arg not in range(0x110000)");
        assert_eq!(chr(-1).expect_err("range").message, "chr() arg not in range(0x110000)");
        let huge = Int::Small(1).shl(&Int::Small(70)).expect("small shift");
        assert_eq!(chr_int(&huge).expect_err("huge").message, "Python int too large to convert to C int");
        assert_eq!(PyStr::new("é").ord(), Ok(0xe9));
        assert_eq!(
            PyStr::new("ab").ord().expect_err("len").message,
            "ord() expected a character, but string of length 2 found"
        );
    }
}
