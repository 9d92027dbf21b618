//! Byte offsets to lines and columns, computed only when a diagnostic is printed.

/// A 1-based line and a 1-based column counted in Unicode code points (as mypy and
/// CPython count them).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// The start offset of every line of one source text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut line_starts = vec![0];
        let bytes = source.as_bytes();
        let mut idx = 0;
        while idx < bytes.len() {
            match bytes[idx] {
                b'\n' => line_starts.push(idx as u32 + 1),
                b'\r' if bytes.get(idx + 1) != Some(&b'\n') => line_starts.push(idx as u32 + 1),
                _ => {}
            }
            idx += 1;
        }
        LineIndex { line_starts }
    }

    /// The 0-based line that contains `offset` (offsets past the end map to the last line).
    pub fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    pub fn line_start(&self, line: usize) -> u32 {
        self.line_starts[line.min(self.line_starts.len() - 1)]
    }

    pub fn n_lines(&self) -> usize {
        self.line_starts.len()
    }

    /// Line and column of `offset` in `source` (the text this index was built from).
    /// An offset inside a multi-byte character counts as that character.
    pub fn line_col(&self, source: &str, offset: u32) -> LineCol {
        let offset = offset.min(source.len() as u32);
        let line = self.line_of(offset);
        let start = self.line_starts[line] as usize;
        let prefix = source.get(start..offset as usize).map_or_else(
            || source.as_bytes()[start..offset as usize].iter().filter(|b| (**b as i8) >= -0x40).count(),
            |text| text.chars().count(),
        );
        LineCol { line: line as u32 + 1, column: prefix as u32 + 1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_code_points() {
        let source = "ab\néé x\r\nz";
        let index = LineIndex::new(source);
        assert_eq!(index.line_col(source, 0), LineCol { line: 1, column: 1 });
        assert_eq!(index.line_col(source, 3), LineCol { line: 2, column: 1 });
        // "éé " is 5 bytes, so byte 8 is the 'x' in column 4.
        assert_eq!(index.line_col(source, 8), LineCol { line: 2, column: 4 });
        assert_eq!(index.line_col(source, 11), LineCol { line: 3, column: 1 });
        assert_eq!(index.line_col(source, 99), LineCol { line: 3, column: 2 });
    }
}
