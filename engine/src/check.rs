//! `check` as it stands today: decode, lex and parse one file and collect its diagnostics.
//! The type checker will add phase 1 over the module graph on top of this.

use std::path::PathBuf;

use typhon_diagnostics::{Code, Diagnostic, Span};

use crate::SourceProvider;

/// One file that discovery found: the path to read it by, and the path to show people.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct SourceFile {
    /// The path handed to the [`SourceProvider`], without `.` components.
    pub path: PathBuf,
    /// The path printed in diagnostics (`pkg/mod.py`, relative when the user's path was).
    pub display_path: String,
}

impl SourceFile {
    pub fn new(path: PathBuf) -> SourceFile {
        let display_path = path.display().to_string();
        SourceFile { path, display_path }
    }
}

/// The outcome of checking one file.
#[derive(Clone, Debug)]
pub struct FileReport {
    pub file: SourceFile,
    /// The text that the diagnostics' spans point into: the decoded source, or for a file
    /// that is not valid UTF-8 a lossy rendering (so the snippet can still be shown), or
    /// empty for a file that could not be read.
    pub source: String,
    /// Sorted by position; diagnostics at the same position keep the order they were found in.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    pub fn n_errors(&self) -> usize {
        self.diagnostics.iter().filter(|diagnostic| diagnostic.is_error()).count()
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// The outcome of checking a set of files, in the sorted order of their paths.
#[derive(Clone, Debug, Default)]
pub struct CheckReport {
    pub files: Vec<FileReport>,
}

impl CheckReport {
    /// How many source files were checked (the "checked N source files" of the summary).
    pub fn n_files(&self) -> usize {
        self.files.len()
    }

    pub fn n_errors(&self) -> usize {
        self.files.iter().map(FileReport::n_errors).sum()
    }

    pub fn n_files_with_errors(&self) -> usize {
        self.files.iter().filter(|file| file.has_errors()).count()
    }

    pub fn has_errors(&self) -> bool {
        self.files.iter().any(FileReport::has_errors)
    }
}

/// Reads and syntax-checks one file. Never fails: every problem becomes a diagnostic.
pub(crate) fn check_file(sources: &dyn SourceProvider, file: SourceFile) -> FileReport {
    let (source, mut diagnostics) = match sources.read(&file.path) {
        // Spans are `u32` byte offsets: a larger file cannot even be pointed into.
        Ok(bytes) if u32::try_from(bytes.len()).is_err() => {
            let message = format!("this file is too large to check ({} bytes; the limit is 4 GiB)", bytes.len());
            (String::new(), vec![Diagnostic::error(Code::Io, Span::empty_at(0), message)])
        }
        Ok(bytes) => syntax_check(&bytes),
        Err(error) => {
            let message = format!("I could not read this file: {error}");
            (String::new(), vec![Diagnostic::error(Code::Io, Span::empty_at(0), message)])
        }
    };
    // The parser's convention: by start offset, stable so that diagnostics at one offset
    // keep the order in which they were found.
    diagnostics.sort_by_key(|diagnostic| diagnostic.span.start);
    FileReport { file, source, diagnostics }
}

fn syntax_check(bytes: &[u8]) -> (String, Vec<Diagnostic>) {
    match typhon_lexer::decode_source(bytes) {
        // The parser lexes too, and returns the lexer's diagnostics with its own.
        Ok(text) => (text.to_owned(), typhon_parser::parse_module(text).diagnostics),
        Err(diagnostic) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let span = fit_span(&text, diagnostic.span);
            (text, vec![Diagnostic { span, ..diagnostic }])
        }
    }
}

/// Moves `span` (a byte range of the raw file) onto character boundaries of `text`, the
/// lossy rendering of that file. Up to the first invalid byte both are identical; the
/// invalid bytes became one U+FFFD each, so the span is widened to cover it.
fn fit_span(text: &str, span: Span) -> Span {
    let start = text.floor_char_boundary(span.start as usize);
    let mut end = text.ceil_char_boundary((span.end as usize).max(start));
    if end == start && span.end > span.start {
        end = text.ceil_char_boundary(start + 1);
    }
    // The lossy text can be longer than the file (one invalid byte becomes three), so an
    // offset may not fit even in a file below the 4 GiB limit: saturate rather than wrap.
    let to_u32 = |offset: usize| u32::try_from(offset).unwrap_or(u32::MAX);
    Span::new(to_u32(start), to_u32(end))
}
