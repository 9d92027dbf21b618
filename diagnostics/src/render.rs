//! Turning diagnostics into text: snippets for people, JSON lines for tools.

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};

use crate::{Diagnostic, LineIndex, Severity};

/// Whether the human renderer emits ANSI colours. The CLI decides from the terminal.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ColorChoice {
    Never,
    Always,
}

/// Renders `diagnostics` of one file with source snippets, in the order given.
pub fn render_human(diagnostics: &[Diagnostic], file_name: &str, source: &str, color: ColorChoice) -> String {
    let file = SimpleFile::new(file_name, source);
    let config = term::Config::default();
    let mut buffer = match color {
        ColorChoice::Never => termcolor::Buffer::no_color(),
        ColorChoice::Always => termcolor::Buffer::ansi(),
    };
    for diagnostic in diagnostics {
        let rendered = to_codespan(diagnostic, source.len());
        // Writing into an in-memory buffer cannot fail for I/O reasons, and every span was
        // clamped to the source, so an error here would be a bug in this function.
        if let Err(error) = term::emit_to_write_style(&mut buffer, &config, &file, &rendered) {
            buffer_fallback(&mut buffer, file_name, diagnostic, &error.to_string());
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

fn buffer_fallback(buffer: &mut termcolor::Buffer, file_name: &str, diagnostic: &Diagnostic, why: &str) {
    use std::io::Write;
    let _ = writeln!(
        buffer,
        "{}[{}]: {} ({file_name}, bytes {:?}; snippet unavailable: {why})",
        diagnostic.severity.as_str(),
        diagnostic.code.as_str(),
        diagnostic.message,
        diagnostic.span
    );
}

fn to_codespan(diagnostic: &Diagnostic, source_len: usize) -> cs::Diagnostic<()> {
    let clamp = |span: crate::Span| {
        let start = (span.start as usize).min(source_len);
        let end = (span.end as usize).clamp(start, source_len);
        start..end
    };
    let severity = match diagnostic.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Note => cs::Severity::Note,
    };
    let mut labels = vec![cs::Label::primary((), clamp(diagnostic.span))];
    labels.extend(
        diagnostic.labels.iter().map(|label| cs::Label::secondary((), clamp(label.span)).with_message(&label.message)),
    );
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code.as_str())
        .with_message(&diagnostic.message)
        .with_labels(labels)
        .with_notes(diagnostic.notes.iter().map(|note| format!("help: {note}")).collect())
}

/// One JSON object (a single line, no trailing newline) describing `diagnostic`:
/// `file`, `line`, `column`, `end_line`, `end_column` (1-based, columns in code points),
/// `severity`, `code`, `message`, and `labels`/`notes` when present.
pub fn render_json(diagnostic: &Diagnostic, file_name: &str, source: &str, index: &LineIndex) -> String {
    let start = index.line_col(source, diagnostic.span.start);
    let end = index.line_col(source, diagnostic.span.end);
    let mut object = serde_json::json!({
        "file": file_name,
        "line": start.line,
        "column": start.column,
        "end_line": end.line,
        "end_column": end.column,
        "severity": diagnostic.severity.as_str(),
        "code": diagnostic.code.as_str(),
        "message": diagnostic.message,
    });
    if !diagnostic.labels.is_empty() {
        object["labels"] = diagnostic
            .labels
            .iter()
            .map(|label| {
                let at = index.line_col(source, label.span.start);
                serde_json::json!({"line": at.line, "column": at.column, "message": label.message})
            })
            .collect();
    }
    if !diagnostic.notes.is_empty() {
        object["notes"] = serde_json::json!(diagnostic.notes);
    }
    object.to_string()
}

/// mypy's closing line: `Found 3 errors in 2 files (checked 120 source files)` or
/// `Success: no issues found in 120 source files`.
pub fn summary_line(n_errors: usize, n_files_with_errors: usize, n_checked: usize) -> String {
    let plural = |n: usize, word: &str| if n == 1 { format!("{n} {word}") } else { format!("{n} {word}s") };
    if n_errors == 0 {
        format!("Success: no issues found in {}", plural(n_checked, "source file"))
    } else {
        format!(
            "Found {} in {} (checked {})",
            plural(n_errors, "error"),
            plural(n_files_with_errors, "file"),
            plural(n_checked, "source file")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    #[test]
    fn summary_matches_mypy_wording() {
        assert_eq!(summary_line(0, 0, 1), "Success: no issues found in 1 source file");
        assert_eq!(summary_line(3, 2, 120), "Found 3 errors in 2 files (checked 120 source files)");
        assert_eq!(summary_line(1, 1, 1), "Found 1 error in 1 file (checked 1 source file)");
    }

    #[test]
    fn json_is_one_line_with_positions() {
        let source = "x = (\n";
        let diagnostic = Diagnostic::syntax(Span::new(4, 5), "'(' was never closed");
        let line = render_json(&diagnostic, "a.py", source, &LineIndex::new(source));
        assert!(!line.contains('\n'));
        let value: serde_json::Value = serde_json::from_str(&line).expect("valid JSON");
        assert_eq!(value["line"], 1);
        assert_eq!(value["column"], 5);
        assert_eq!(value["code"], "syntax");
    }

    #[test]
    fn human_rendering_shows_the_snippet() {
        let source = "def f(:\n    pass\n";
        let diagnostic = Diagnostic::syntax(Span::new(6, 7), "invalid syntax").with_note("a note");
        let text = render_human(&[diagnostic], "m.py", source, ColorChoice::Never);
        assert!(text.contains("error[syntax]: invalid syntax"), "{text}");
        assert!(text.contains("m.py:1:7"), "{text}");
        assert!(text.contains("def f(:"), "{text}");
        assert!(text.contains("help: a note"), "{text}");
    }
}
