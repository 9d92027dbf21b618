//! `typhon check` and `typhon build`: run the engine over the given paths (`build` also
//! compiles every error-free module into the cache) and print the report, either for
//! people (snippets and a mypy-style summary) or as JSON lines for tools.

use std::io::{self, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use typhon_diagnostics::{ColorChoice, LineIndex, render_human, render_json, summary_line};
use typhon_engine::{CheckReport, DiskSources, Engine, EngineOptions, RunError};

use crate::config::ProjectConfig;
use crate::{CheckArgs, ColorWhen, MessageFormat};

/// The exit status when at least one error was reported.
const EXIT_ERRORS: u8 = 1;

/// `typhon build`'s exit status for a bug of Typhon's own, as `typhon run` has it.
const EXIT_INTERNAL: u8 = 70;

/// Which of the two commands runs: they differ only in the engine call.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mode {
    Check,
    /// Check, then compile every error-free module into the cache.
    Build,
}

pub(crate) fn run(args: &CheckArgs, mode: Mode, color: ColorWhen) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let first = args.paths.first().map_or(std::path::Path::new("."), |path| path.as_path());
    let config = ProjectConfig::load(first)?;
    // A missing path is reported by the engine; a cache opened beside it would create
    // directories that the user never asked for.
    let cache =
        if args.paths.iter().all(|path| path.exists()) { config.cache_config(args.cache.no_cache) } else { None };
    let cache_on = cache.is_some();
    let options = EngineOptions { threads: args.threads, keep_ir: false, cache };
    let mut engine = Engine::new(DiskSources, options);
    let report = match mode {
        Mode::Check => engine.check(&args.paths)?,
        Mode::Build => match engine.build(&args.paths) {
            Ok(report) => report,
            Err(RunError::Engine(error)) => return Err(error.into()),
            Err(error) => {
                eprintln!("error: {error}");
                eprintln!("note: this is a bug in Typhon: the checker accepted the module");
                return Ok(ExitCode::from(EXIT_INTERNAL));
            }
        },
    };
    crate::cache::print_report(report.cache.as_deref(), args.cache.explain, cache_on);
    if report.n_files() == 0 {
        // Not an error (an empty folder is a valid project), but most likely a wrong path.
        eprintln!("warning: no Python files found in the given paths");
    }
    let summary = summary_line(report.n_errors(), report.n_files_with_errors(), report.n_files());

    let mut stdout = io::BufWriter::new(io::stdout().lock());
    let written = match args.message_format {
        MessageFormat::Human => {
            let color = stdout_color(color);
            write_human(&mut stdout, &report, color)
                .and_then(|()| writeln!(stdout, "{}", paint_summary(&summary, report.has_errors(), color)))
        }
        MessageFormat::Json => {
            // Tools read stdout as pure JSON lines, so the summary goes to stderr, uncoloured.
            let written = write_json(&mut stdout, &report);
            eprintln!("{summary}");
            written
        }
    };
    match written.and_then(|()| stdout.flush()) {
        Ok(()) => {}
        // The reader went away (`typhon check | head`): nothing is left to tell it, and the
        // exit status still says whether there were errors.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
        Err(error) => return Err(error).context("cannot write to standard output"),
    }
    if args.timings || std::env::var_os("TYPHON_TIMINGS").is_some_and(|value| value != "0" && !value.is_empty()) {
        print_timings(&report, started.elapsed());
    }
    let status = if report.has_errors() { ExitCode::from(EXIT_ERRORS) } else { ExitCode::SUCCESS };
    // The process is about to exit, which frees everything at once: walking the report and
    // the engine's interfaces to free them piece by piece would only delay the exit.
    std::mem::forget(report);
    std::mem::forget(engine);
    Ok(status)
}

/// The `--timings` table, on stderr so that it never mixes with the diagnostics.
fn print_timings(report: &CheckReport, elapsed: Duration) {
    let timings = &report.timings;
    let ms = |duration: Duration| duration.as_secs_f64() * 1e3;
    let lines: usize = report.files.iter().map(|file| file.source.lines().count()).sum();
    eprintln!("timings ({} files, {lines} lines):", report.n_files());
    eprintln!("  discover       {:8.2} ms", ms(timings.discover));
    eprintln!("  read           {:8.2} ms   (and choosing the parse order)", ms(timings.read));
    eprintln!("  parse + check  {:8.2} ms   (streaming pass, wall clock)", ms(timings.stream));
    eprintln!(
        "  graph          {:8.2} ms   (following imports, cycles, and the {} modules they held up)",
        ms(timings.graph),
        timings.n_modules_on_graph
    );
    eprintln!("  report         {:8.2} ms", ms(timings.report));
    eprintln!(
        "  cpu: read {:.2} ms, lex+parse {:.2} ms, typeck {:.2} ms, freeing trees {:.2} ms",
        ms(timings.read_cpu),
        ms(timings.parse_cpu),
        ms(timings.typeck_cpu),
        ms(timings.drop_cpu)
    );
    eprintln!("  engine total   {:8.2} ms", ms(timings.total()));
    eprintln!("  with printing  {:8.2} ms   ({:.0} lines/s)", ms(elapsed), lines as f64 / elapsed.as_secs_f64());
}

fn stdout_color(when: ColorWhen) -> ColorChoice {
    match when {
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
        // anstream's choice honours NO_COLOR, CLICOLOR(_FORCE) and TERM=dumb on top of
        // asking whether stdout is a terminal.
        ColorWhen::Auto => match anstream::AutoStream::choice(&io::stdout()) {
            anstream::ColorChoice::Never => ColorChoice::Never,
            _ => ColorChoice::Always,
        },
    }
}

fn write_human(out: &mut impl Write, report: &CheckReport, color: ColorChoice) -> io::Result<()> {
    for file in report.files.iter().filter(|file| !file.diagnostics.is_empty()) {
        out.write_all(render_human(&file.diagnostics, &file.file.display_path, &file.source, color).as_bytes())?;
    }
    Ok(())
}

fn write_json(out: &mut impl Write, report: &CheckReport) -> io::Result<()> {
    for file in report.files.iter().filter(|file| !file.diagnostics.is_empty()) {
        let index = LineIndex::new(&file.source);
        for diagnostic in &file.diagnostics {
            writeln!(out, "{}", render_json(diagnostic, &file.file.display_path, &file.source, &index))?;
        }
    }
    Ok(())
}

/// The summary in bold red or green, as mypy prints it on a terminal.
fn paint_summary(summary: &str, has_errors: bool, color: ColorChoice) -> String {
    match color {
        ColorChoice::Never => summary.to_owned(),
        ColorChoice::Always if has_errors => format!("\x1b[1;31m{summary}\x1b[0m"),
        ColorChoice::Always => format!("\x1b[1;32m{summary}\x1b[0m"),
    }
}
