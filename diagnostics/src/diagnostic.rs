//! The diagnostic model: a code, a severity, a message, a primary span, secondary labels
//! and notes.

use crate::Span;

/// How bad a diagnostic is. Only errors make `typhon check` exit with status 1.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// The stable code of a diagnostic, printed as `error[code]`. Codes follow mypy's names
/// where mypy has one, so users can carry their knowledge over.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub enum Code {
    /// Malformed source: the lexer or the parser could not make sense of it.
    Syntax,
    /// Valid Python that is outside the Typhon subset (LANGUAGE.md).
    Unsupported,
    NameDefined,
    AttrDefined,
    ArgType,
    CallArg,
    ReturnValue,
    Assignment,
    Index,
    Operator,
    UnionAttr,
    Import,
    ImportCycle,
    PrivateImport,
    /// A type error that fits none of the codes above.
    Misc,
    /// Problems reading a file (missing, unreadable, not UTF-8).
    Io,
}

impl Code {
    pub const ALL: [Code; 16] = [
        Code::Syntax,
        Code::Unsupported,
        Code::NameDefined,
        Code::AttrDefined,
        Code::ArgType,
        Code::CallArg,
        Code::ReturnValue,
        Code::Assignment,
        Code::Index,
        Code::Operator,
        Code::UnionAttr,
        Code::Import,
        Code::ImportCycle,
        Code::PrivateImport,
        Code::Misc,
        Code::Io,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::Unsupported => "unsupported",
            Code::NameDefined => "name-defined",
            Code::AttrDefined => "attr-defined",
            Code::ArgType => "arg-type",
            Code::CallArg => "call-arg",
            Code::ReturnValue => "return-value",
            Code::Assignment => "assignment",
            Code::Index => "index",
            Code::Operator => "operator",
            Code::UnionAttr => "union-attr",
            Code::Import => "import",
            Code::ImportCycle => "import-cycle",
            Code::PrivateImport => "private-import",
            Code::Misc => "misc",
            Code::Io => "io",
        }
    }

    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|code| code.as_str() == name)
    }
}

/// A secondary location that helps explain a diagnostic ("parameter declared here").
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One problem found in one source file.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// Where the problem is; for "expected X" errors an empty span where X should be.
    pub span: Span,
    pub labels: Vec<Label>,
    /// Free-standing hints printed after the snippet (`help: ...`).
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            span,
            labels: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn warning(code: Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, span, message) }
    }

    /// A syntax error: the most common constructor in the front end.
    pub fn syntax(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(Code::Syntax, span, message)
    }

    /// `<construct> is not supported by Typhon`, the wording LANGUAGE.md fixes.
    pub fn unsupported(span: Span, construct: &str) -> Diagnostic {
        Diagnostic::error(Code::Unsupported, span, format!("{construct} is not supported by Typhon"))
    }

    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label { span, message: message.into() });
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
