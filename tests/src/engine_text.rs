//! The engine's results as comparable text, for the cache test suites: a check report
//! with its rendered diagnostics, and what a run printed.

use std::fmt::Write as _;
use std::path::Path;

use typhon_diagnostics::{ColorChoice, render_human};
use typhon_engine::{CacheReport, CheckReport, Engine, Prepared, RunSettings};

/// The report's files as comparable text: path, status, every diagnostic rendered.
pub fn rendered(report: &CheckReport) -> String {
    let mut out = String::new();
    for file in &report.files {
        let _ = writeln!(out, "{} {} {:?}", file.file.display_path, file.module, file.status);
        out.push_str(&render_human(&file.diagnostics, &file.file.display_path, &file.source, ColorChoice::Never));
    }
    out
}

/// What a run of `entry` produced, as comparable text (exit, stdout, stderr; or the
/// rendered rejection), and what the cache did.
pub fn run_text(engine: &mut Engine, entry: &Path) -> (String, Option<CacheReport>) {
    match engine.prepare(entry).unwrap_or_else(|error| panic!("cannot prepare {}: {error}", entry.display())) {
        Prepared::Rejected(report) => (format!("rejected\n{}", rendered(&report)), report.cache.as_deref().cloned()),
        Prepared::Ready(ready) => {
            let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
            let outcome = ready.run(&RunSettings::default(), &mut stdout, &mut stderr);
            let text = format!(
                "{outcome:?}\n--- stdout\n{}--- stderr\n{}",
                String::from_utf8_lossy(&stdout),
                String::from_utf8_lossy(&stderr)
            );
            (text, ready.cache_report().cloned())
        }
    }
}
