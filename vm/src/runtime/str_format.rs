//! `str.format(*args, **kwargs)`: parsing replacement fields as CPython does
//! (`Objects/stringlib/unicode_format.h`), with the values supplied by the VM.

use super::errors::{ExcKind, RtResult, RuntimeError};
use super::unicode;

/// Which argument a replacement field names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKey<'a> {
    /// `{}` (auto-numbered) or `{0}`.
    Index(usize),
    /// `{name}`.
    Name(&'a str),
}

/// A step after the argument name: `{0.attr}`, `{0[1]}`, `{0[key]}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldAccess<'a> {
    Attr(&'a str),
    Index(usize),
    Key(&'a str),
}

/// `!s`, `!r` or `!a`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    Str,
    Repr,
    Ascii,
}

/// The arguments of a `str.format` call, as the VM holds them.
pub trait FormatArgs {
    /// How many positional arguments there are.
    fn positional_count(&self) -> usize;

    /// Whether a keyword argument of this name was passed.
    fn has_keyword(&self, name: &str) -> bool;

    /// Looks the argument up (it exists: checked through the two methods above),
    /// applies `accessors` in order, then `conversion`, then formats the value with
    /// `spec` as `format(value, spec)` would, e.g. with
    /// [`format_int`](crate::runtime::format_int).
    fn format_field(
        &mut self,
        key: FieldKey<'_>,
        accessors: &[FieldAccess<'_>],
        conversion: Option<Conversion>,
        spec: &str,
    ) -> RtResult<String>;
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Unknown,
    Auto,
    Manual,
}

struct Formatter<'a, A: FormatArgs> {
    args: &'a mut A,
    numbering: Numbering,
    next_auto: usize,
}

/// `template.format(...)`.
pub fn format_template<A: FormatArgs>(template: &str, args: &mut A) -> RtResult<String> {
    let mut formatter = Formatter { args, numbering: Numbering::Unknown, next_auto: 0 };
    let chars: Vec<char> = template.chars().collect();
    // PEP 3101 allows one level of nested fields inside a format spec.
    formatter.build(&chars, 2)
}

fn value_error(message: &str) -> RuntimeError {
    RuntimeError::value(message)
}

/// CPython's `get_integer` for field names: `None` unless all Unicode decimal digits.
fn field_integer(chars: &[char]) -> RtResult<Option<usize>> {
    if chars.is_empty() {
        return Ok(None);
    }
    let mut value: usize = 0;
    for &c in chars {
        let Some(digit) = unicode::decimal_value(c) else {
            return Ok(None);
        };
        let digit = digit as usize;
        if value > (i64::MAX as usize - digit) / 10 {
            return Err(value_error("Too many decimal digits in format string"));
        }
        value = value * 10 + digit;
    }
    Ok(Some(value))
}

/// One parsed `{...}`: name (with accessors), conversion character, and spec.
struct Field {
    name: Vec<char>,
    conversion: Option<char>,
    spec: Vec<char>,
    spec_needs_expanding: bool,
}

impl<A: FormatArgs> Formatter<'_, A> {
    fn build(&mut self, input: &[char], depth: u32) -> RtResult<String> {
        if depth == 0 {
            return Err(value_error("Max string recursion exceeded"));
        }
        let mut out = String::new();
        let mut pos = 0;
        while pos < input.len() {
            // Literal text up to a brace; a doubled brace is a literal brace.
            let c = input[pos];
            pos += 1;
            if c != '{' && c != '}' {
                out.push(c);
                continue;
            }
            let next = input.get(pos).copied();
            if next == Some(c) {
                out.push(c);
                pos += 1;
                continue;
            }
            if c == '}' {
                return Err(value_error("Single '}' encountered in format string"));
            }
            if next.is_none() {
                return Err(value_error("Single '{' encountered in format string"));
            }
            let field = parse_field(input, &mut pos)?;
            let rendered = self.render(&field, depth)?;
            out.push_str(&rendered);
        }
        Ok(out)
    }

    fn render(&mut self, field: &Field, depth: u32) -> RtResult<String> {
        let name: String = field.name.iter().collect();
        // The name's first part, up to the first '.' or '['.
        let first_len = field.name.iter().position(|&c| c == '.' || c == '[').unwrap_or(field.name.len());
        let first = &field.name[..first_len];
        let index = field_integer(first)?;
        let empty = first.is_empty();
        if empty || index.is_some() {
            if self.numbering == Numbering::Unknown {
                self.numbering = if empty { Numbering::Auto } else { Numbering::Manual };
            }
            if self.numbering == Numbering::Manual && empty {
                return Err(value_error("cannot switch from manual field specification to automatic field numbering"));
            }
            if self.numbering == Numbering::Auto && !empty {
                return Err(value_error("cannot switch from automatic field numbering to manual field specification"));
            }
        }
        let first_text: String = first.iter().collect();
        let first_byte_len = first_text.len();
        let key = match index {
            _ if empty => {
                self.next_auto += 1;
                FieldKey::Index(self.next_auto - 1)
            }
            Some(idx) => FieldKey::Index(idx),
            None => FieldKey::Name(&name[..first_byte_len]),
        };
        match key {
            FieldKey::Index(idx) if idx >= self.args.positional_count() => {
                return Err(RuntimeError::index(format!(
                    "Replacement index {idx} out of range for positional args tuple"
                )));
            }
            FieldKey::Name(name) if !self.args.has_keyword(name) => {
                // The message is the missing key itself: the VM makes it the exception's
                // argument, which `str()` of a `KeyError` shows as its repr.
                return Err(RuntimeError::new(ExcKind::KeyError, name.to_owned()));
            }
            _ => {}
        }
        let accessors = parse_accessors(&name[first_byte_len..])?;
        let conversion = match field.conversion {
            None => None,
            Some('s') => Some(Conversion::Str),
            Some('r') => Some(Conversion::Repr),
            Some('a') => Some(Conversion::Ascii),
            Some(other) => {
                let code = u32::from(other);
                let shown = if code > 32 && code < 127 { other.to_string() } else { format!("\\x{code:x}") };
                return Err(value_error(&format!("Unknown conversion specifier {shown}")));
            }
        };
        let spec =
            if field.spec_needs_expanding { self.build(&field.spec, depth - 1)? } else { field.spec.iter().collect() };
        self.args.format_field(key, &accessors, conversion, &spec)
    }
}

/// CPython's `parse_field`, starting just after the opening brace.
fn parse_field(input: &[char], pos: &mut usize) -> RtResult<Field> {
    let name_start = *pos;
    let mut terminator = None;
    while *pos < input.len() {
        let c = input[*pos];
        *pos += 1;
        match c {
            '{' => return Err(value_error("unexpected '{' in field name")),
            '[' => {
                while *pos < input.len() && input[*pos] != ']' {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => {
                terminator = Some(c);
                break;
            }
            _ => {}
        }
    }
    let Some(mut terminator) = terminator else {
        return Err(value_error("expected '}' before end of string"));
    };
    let name = input[name_start..*pos - 1].to_vec();
    let mut field = Field { name, conversion: None, spec: Vec::new(), spec_needs_expanding: false };
    if terminator == '}' {
        return Ok(field);
    }
    if terminator == '!' {
        let Some(&conversion) = input.get(*pos) else {
            return Err(value_error("end of string while looking for conversion specifier"));
        };
        field.conversion = Some(conversion);
        *pos += 1;
        if let Some(&c) = input.get(*pos) {
            *pos += 1;
            if c == '}' {
                return Ok(field);
            }
            if c != ':' {
                return Err(value_error("expected ':' after conversion specifier"));
            }
            terminator = ':';
        }
    }
    let _ = terminator;
    let spec_start = *pos;
    let mut depth = 1;
    while *pos < input.len() {
        let c = input[*pos];
        *pos += 1;
        match c {
            '{' => {
                field.spec_needs_expanding = true;
                depth += 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = input[spec_start..*pos - 1].to_vec();
                    return Ok(field);
                }
            }
            _ => {}
        }
    }
    Err(value_error("unmatched '{' in format spec"))
}

/// The `.attr` / `[index]` / `[key]` steps after the argument name.
fn parse_accessors(rest: &str) -> RtResult<Vec<FieldAccess<'_>>> {
    let mut accessors = Vec::new();
    let mut pos = 0;
    let bytes = rest.as_bytes();
    while pos < bytes.len() {
        let (name, is_attr) = match bytes[pos] {
            b'.' => {
                let start = pos + 1;
                let end = rest[start..].find(['.', '[']).map_or(rest.len(), |offset| start + offset);
                pos = end;
                (&rest[start..end], true)
            }
            b'[' => {
                let start = pos + 1;
                let Some(offset) = rest[start..].find(']') else {
                    return Err(value_error("Missing ']' in format string"));
                };
                pos = start + offset + 1;
                (&rest[start..start + offset], false)
            }
            _ => return Err(value_error("Only '.' or '[' may follow ']' in format field specifier")),
        };
        if name.is_empty() {
            return Err(value_error("Empty attribute in format string"));
        }
        accessors.push(if is_attr {
            FieldAccess::Attr(name)
        } else {
            let chars: Vec<char> = name.chars().collect();
            match field_integer(&chars)? {
                Some(idx) => FieldAccess::Index(idx),
                None => FieldAccess::Key(name),
            }
        });
    }
    Ok(accessors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::strings::repr_str;

    /// Arguments that are strings; `format_field` records what it was asked.
    struct Strings {
        positional: Vec<&'static str>,
        keywords: Vec<(&'static str, &'static str)>,
    }

    impl FormatArgs for Strings {
        fn positional_count(&self) -> usize {
            self.positional.len()
        }

        fn has_keyword(&self, name: &str) -> bool {
            self.keywords.iter().any(|(key, _)| *key == name)
        }

        fn format_field(
            &mut self,
            key: FieldKey<'_>,
            accessors: &[FieldAccess<'_>],
            conversion: Option<Conversion>,
            spec: &str,
        ) -> RtResult<String> {
            let value = match key {
                FieldKey::Index(idx) => self.positional[idx],
                FieldKey::Name(name) => self.keywords.iter().find(|(k, _)| *k == name).map_or("", |(_, v)| *v),
            };
            let value = if conversion == Some(Conversion::Repr) { repr_str(value) } else { value.to_owned() };
            let text = crate::runtime::format_str(&value, spec)?;
            Ok(if accessors.is_empty() { text } else { format!("{text}{accessors:?}") })
        }
    }

    fn run(template: &str) -> Result<String, String> {
        let mut args = Strings { positional: vec!["a", "bb", ">5"], keywords: vec![("width", "6"), ("x", "X")] };
        format_template(template, &mut args).map_err(|e| e.traceback_line())
    }

    #[test]
    fn fields_and_escapes() {
        assert_eq!(run("{} {} {{}} {x}"), Ok("a bb {} X".into()));
        assert_eq!(run("{1}{0}{1}"), Ok("bbabb".into()));
        assert_eq!(run("{0!r:>{width}}"), Ok("   'a'".into()));
        assert_eq!(run("{0:{2}}"), Ok("    a".into()));
        assert_eq!(run("{0[1]}{x.y}"), Ok("a[Index(1)]X[Attr(\"y\")]".into()));
    }

    #[test]
    fn errors_match_cpython() {
        assert_eq!(run("}"), Err("ValueError: Single '}' encountered in format string".into()));
        assert_eq!(run("{"), Err("ValueError: Single '{' encountered in format string".into()));
        assert_eq!(run("{5}"), Err("IndexError: Replacement index 5 out of range for positional args tuple".into()));
        assert_eq!(
            run("{}{0}"),
            Err("ValueError: cannot switch from automatic field numbering to manual field specification".into())
        );
        assert_eq!(
            run("{0}{}"),
            Err("ValueError: cannot switch from manual field specification to automatic field numbering".into())
        );
        assert_eq!(run("{nope}"), Err("KeyError: nope".into()));
        assert_eq!(run("{!x}"), Err("ValueError: Unknown conversion specifier x".into()));
        assert_eq!(run("{0!rr}"), Err("ValueError: expected ':' after conversion specifier".into()));
        assert_eq!(run("{:{:{}}}"), Err("ValueError: Max string recursion exceeded".into()));
        assert_eq!(run("{0[}"), Err("ValueError: expected '}' before end of string".into()));
        assert_eq!(run("{0:"), Err("ValueError: unmatched '{' in format spec".into()));
    }
}
