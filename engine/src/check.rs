//! The per-file half of `check`: read, decode, lex and parse one file and list its imports
//! (the front end), and the report types that `check` returns.

use std::path::PathBuf;
use std::time::Duration;

use typhon_diagnostics::{Code, Diagnostic, Span};
use typhon_parser::ast;
use typhon_typeck::ImportRequest;
use typhon_typeck::ir::ModuleIr;

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

/// What happened to a module in phase 1 (the type checker).
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum ModuleStatus {
    /// Phase 1 ran; its interface (with this hash) is what its dependents were checked
    /// against.
    Checked { interface_hash: [u8; 32] },
    /// Not type-checked: the file could not be read, or its front end (lexer, parser)
    /// reported errors. Checking a tree with holes in it would mostly report the holes
    /// again, so only the front end's diagnostics are shown.
    FrontEndErrors,
    /// Not type-checked because it imports, directly or not, `module`, which has front-end
    /// errors: its interface is unknown, so every use of it would be a bogus error.
    ImportsBrokenModule { module: String },
    /// Another file of the project has the same module name (its diagnostic says which);
    /// only its front end ran.
    DuplicateModule,
}

/// The outcome of checking one file (one module).
#[derive(Clone, Debug)]
pub struct FileReport {
    pub file: SourceFile,
    /// The dotted module name (`pkg.util`; `pkg` for `pkg/__init__.py`).
    pub module: String,
    /// The text that the diagnostics' spans point into: the decoded source, or for a file
    /// that is not valid UTF-8 a lossy rendering (so the snippet can still be shown), or
    /// empty for a file that could not be read.
    pub source: String,
    /// Front-end and type diagnostics together, sorted by position; diagnostics at the
    /// same position keep the order they were found in.
    pub diagnostics: Vec<Diagnostic>,
    pub status: ModuleStatus,
    /// The typed IR, for phase 2; only kept with [`crate::EngineOptions::keep_ir`], and
    /// only for modules without errors.
    pub ir: Option<ModuleIr>,
}

impl FileReport {
    pub fn n_errors(&self) -> usize {
        self.diagnostics.iter().filter(|diagnostic| diagnostic.is_error()).count()
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The module's interface hash, when phase 1 ran.
    pub fn interface_hash(&self) -> Option<[u8; 32]> {
        match self.status {
            ModuleStatus::Checked { interface_hash } => Some(interface_hash),
            _ => None,
        }
    }
}

/// Where the time of one `check` went, for `--timings` and the benchmarks. The `*_cpu`
/// figures add up the time spent in each file on every thread, so they exceed the wall
/// clock when threads work in parallel.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    /// Walking the roots and naming the modules.
    pub discover: Duration,
    /// Reading every file and choosing the order to parse them in (wall clock).
    pub read: Duration,
    /// The streaming pass: the front end of every file and phase 1 of every module it
    /// could finish, interleaved (wall clock).
    pub stream: Duration,
    /// What the streaming pass left: following imported files nobody named, the graph,
    /// its cycles, and phase 1 of the modules in or after a cycle (wall clock).
    pub graph: Duration,
    /// Collecting and sorting the report.
    pub report: Duration,
    /// Time in `SourceProvider::read`, over all threads.
    pub read_cpu: Duration,
    /// Time in the lexer and the parser (and `imports_of`), over all threads.
    pub parse_cpu: Duration,
    /// Time in the type checker (`check_module` and the interface hash), over all threads.
    pub typeck_cpu: Duration,
    /// Freeing syntax trees after checking them, over all threads.
    pub drop_cpu: Duration,
    /// Not a time: how many modules the streaming pass left to the graph scheduler (those
    /// in or after an import cycle or a followed file), which holds their trees longer.
    pub n_modules_on_graph: usize,
}

impl Timings {
    pub fn total(&self) -> Duration {
        self.discover + self.read + self.stream + self.graph + self.report
    }
}

/// The outcome of checking a set of files, in the sorted order of their paths.
#[derive(Clone, Debug, Default)]
pub struct CheckReport {
    pub files: Vec<FileReport>,
    pub timings: Timings,
    /// What the cache did (`--explain`), when the engine has one.
    pub cache: Option<Box<crate::CacheReport>>,
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

    /// The report of the file that is module `name`.
    pub fn module(&self, name: &str) -> Option<&FileReport> {
        self.files.iter().find(|file| file.module == name)
    }
}

/// The front end's result for one file.
pub(crate) struct FrontEnd {
    pub(crate) source: String,
    /// `None` when the file could not be read or decoded, or had front-end errors: such a
    /// module is not type-checked, so its tree is dropped at once.
    pub(crate) ast: Option<ast::Module>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// What the module imports (from the tree, even a broken one: the graph and its
    /// cycles are still worth reporting).
    pub(crate) imports: Vec<ImportRequest>,
    pub(crate) read_time: Duration,
    pub(crate) parse_time: Duration,
    /// The cache vouched for this front end: the file was not parsed, and its text is
    /// only here if the probe read it (`source` is empty otherwise).
    pub(crate) from_cache: bool,
}

impl FrontEnd {
    /// The front end recorded in a cache entry; `text` is the source if it was read.
    pub(crate) fn cached(entry: &crate::cache::CachedEntry, text: Option<SourceText>) -> FrontEnd {
        let (source, read_time) = text.map_or((String::new(), Duration::ZERO), |text| (text.text, text.read_time));
        FrontEnd {
            source,
            ast: None,
            diagnostics: entry.front_diagnostics.clone(),
            imports: entry.imports.clone(),
            read_time,
            parse_time: Duration::ZERO,
            from_cache: true,
        }
    }

    /// The front end of a file that was never read (only for totality: every file is).
    pub(crate) fn empty() -> FrontEnd {
        FrontEnd {
            source: String::new(),
            ast: None,
            diagnostics: Vec::new(),
            imports: Vec::new(),
            read_time: Duration::ZERO,
            parse_time: Duration::ZERO,
            from_cache: false,
        }
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// The text of one file, read and decoded, before parsing.
pub(crate) struct SourceText {
    /// The decoded text; for a file that is not UTF-8 a lossy rendering (so that snippets
    /// can still be shown), for a file that cannot be read nothing.
    pub(crate) text: String,
    /// Why the file could not be read or decoded; then it is not parsed.
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) read_time: Duration,
}

impl SourceText {
    /// The text of a file never read (only for totality: every file is read).
    pub(crate) fn empty() -> SourceText {
        SourceText { text: String::new(), diagnostics: Vec::new(), read_time: Duration::ZERO }
    }
}

/// Reads and decodes one file. Never fails: every problem becomes a diagnostic.
pub(crate) fn read_source(sources: &dyn SourceProvider, file: &SourceFile) -> SourceText {
    read_source_hashed(sources, file).0
}

/// [`read_source`], and the cache's hash of the bytes read (`None` if none could be).
pub(crate) fn read_source_hashed(sources: &dyn SourceProvider, file: &SourceFile) -> (SourceText, Option<[u8; 32]>) {
    let started = std::time::Instant::now();
    let read = sources.read(&file.path);
    let read_time = started.elapsed();
    let hash = read.as_ref().ok().map(|bytes| crate::cache::source_hash(bytes));
    let (text, diagnostics) = match read {
        // Spans are `u32` byte offsets: a larger file cannot even be pointed into.
        Ok(bytes) if u32::try_from(bytes.len()).is_err() => {
            let message = format!("this file is too large to check ({} bytes; the limit is 4 GiB)", bytes.len());
            (String::new(), vec![Diagnostic::error(Code::Io, Span::empty_at(0), message)])
        }
        // The common case takes the bytes over without copying them.
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => (text, Vec::new()),
            Err(error) => {
                let bytes = error.into_bytes();
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let diagnostics = match typhon_lexer::decode_source(&bytes) {
                    Err(diagnostic) => vec![Diagnostic { span: fit_span(&text, diagnostic.span), ..diagnostic }],
                    Ok(_) => Vec::new(),
                };
                (text, diagnostics)
            }
        },
        Err(error) => {
            let message = format!("I could not read this file: {error}");
            (String::new(), vec![Diagnostic::error(Code::Io, Span::empty_at(0), message)])
        }
    };
    (SourceText { text, diagnostics, read_time }, hash)
}

/// Lexes and parses one file's text and lists the imports of module `name`, which it is.
pub(crate) fn parse_source(source: SourceText, name: &str, is_package: bool) -> FrontEnd {
    let SourceText { text, diagnostics, read_time } = source;
    let mut out = FrontEnd { read_time, diagnostics, ..FrontEnd::empty() };
    if out.diagnostics.is_empty() {
        let started = std::time::Instant::now();
        let parsed = typhon_parser::parse_module(&text);
        out.imports = typhon_typeck::imports_of(name, is_package, &parsed.module);
        out.diagnostics = parsed.diagnostics;
        if !out.has_errors() {
            out.ast = Some(parsed.module);
        }
        out.parse_time = started.elapsed();
    }
    out.source = text;
    out
}

/// Reads, decodes and parses one file: [`read_source`] then [`parse_source`].
pub(crate) fn front_end(sources: &dyn SourceProvider, file: &SourceFile, name: &str, is_package: bool) -> FrontEnd {
    parse_source(read_source(sources, file), name, is_package)
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

/// Sorts diagnostics by position (start, then end), keeping the order of those at the
/// same position: the order the report promises.
pub(crate) fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|diagnostic| (diagnostic.span.start, diagnostic.span.end));
}
