//! Raw source handling: UTF-8 validation of file bytes, and the line numbers some
//! messages quote ("detected at line 3").

use typhon_diagnostics::{Code, Diagnostic, Span};

/// Checks that `bytes` is UTF-8 and returns it as text. A leading byte order mark is
/// kept (so byte offsets stay those of the file); [`crate::lex`] skips it.
///
/// The error names the offending byte and its offset in CPython's words, with a span on
/// that byte. Its code is `io`: the file could not be read as Python source at all.
pub fn decode_source(bytes: &[u8]) -> Result<&str, Diagnostic> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let position = error.valid_up_to();
            let byte = bytes.get(position).copied().unwrap_or(0);
            let (reason, end) = match error.error_len() {
                // The input stops in the middle of a multi-byte sequence.
                None => ("unexpected end of data", bytes.len()),
                Some(len) => {
                    // CPython distinguishes bytes that can never start a sequence from
                    // a good start byte followed by a bad continuation.
                    let reason = if matches!(byte, 0x80..=0xC1 | 0xF5..=0xFF) {
                        "invalid start byte"
                    } else {
                        "invalid continuation byte"
                    };
                    (reason, position + len)
                }
            };
            let message = if end - position > 1 && error.error_len().is_none() {
                format!(
                    "(unicode error) 'utf-8' codec can't decode bytes in position {}-{}: {reason}",
                    position,
                    end - 1
                )
            } else {
                format!("(unicode error) 'utf-8' codec can't decode byte 0x{byte:02x} in position {position}: {reason}")
            };
            let span = Span::new(clamp_u32(position), clamp_u32(position + 1));
            Err(Diagnostic::error(Code::Io, span, message)
                .with_note("Typhon reads source files as UTF-8; re-save the file with that encoding"))
        }
    }
}

fn clamp_u32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// The start offset of every line, built only when a message needs a line number, so
/// that error-free files never pay for it. Line breaks are `\n`, `\r\n` and a lone `\r`,
/// as in `typhon_diagnostics::LineIndex`.
#[derive(Default)]
pub(crate) struct LineTable {
    starts: Option<Vec<u32>>,
}

impl LineTable {
    /// The 1-based line that contains `offset`.
    pub(crate) fn line_of(&mut self, bytes: &[u8], offset: usize) -> usize {
        let starts = self.starts.get_or_insert_with(|| {
            let mut starts = vec![0u32];
            let mut idx = 0;
            while idx < bytes.len() {
                match bytes[idx] {
                    b'\n' => starts.push(clamp_u32(idx + 1)),
                    b'\r' if bytes.get(idx + 1) != Some(&b'\n') => starts.push(clamp_u32(idx + 1)),
                    _ => {}
                }
                idx += 1;
            }
            starts
        });
        match starts.binary_search(&clamp_u32(offset)) {
            Ok(line) => line + 1,
            Err(next) => next,
        }
    }
}
