//! `typhon run`: checks a program and every module it imports, compiles and runs it, and
//! exits with the program's own status. Diagnostics go to stderr, because stdout belongs
//! to the program.

use std::ffi::OsString;
use std::io::{self, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use typhon_diagnostics::{ColorChoice, render_human, summary_line};
use typhon_engine::{CheckReport, DiskSources, Engine, EngineOptions, Prepared, RunError, RunOutcome, RunSettings};

use crate::config::ProjectConfig;
use crate::{CacheFlags, ColorWhen};

/// Shown at the end of `typhon run --help`; the README lists the same codes.
pub(crate) const RUN_AFTER_HELP: &str = "\
Programs:
  PATH is a `.py` file, whose directory is the source root, or a directory holding a
  `main.py`. The entry runs as `__main__`; the modules it imports are looked up below the
  root. Every module the program can import is type-checked first: if any has an error,
  the diagnostics are printed on stderr and nothing runs. Everything after PATH is passed
  to the program: `sys.argv` is [PATH, ARGS...]. Checked modules and their bytecode are
  kept in the project's cache (see `typhon check --help`); `--explain` tells, before the
  program starts, which modules were checked or compiled again and why.

Exit status:
  0    the program finished
  1    an uncaught exception (traceback on stderr), or errors found by the checker
  n    the program called sys.exit(n)
  2    usage error, a path that does not exist or has no main.py, or an invalid
       `pyproject.toml`
  70   internal error: a module the checker accepted could not be compiled or linked
  125  the instruction budget of --fuel ran out";

/// `typhon run`'s exit status for a bug of Typhon's own (sysexits' EX_SOFTWARE), apart from
/// every status a correct program can produce by an error of its own.
const EXIT_INTERNAL: u8 = 70;

/// The exit status when the checker found errors (the program did not run).
const EXIT_ERRORS: u8 = 1;

/// `typhon run`'s exit status when `--fuel` ran out.
const EXIT_OUT_OF_FUEL: u8 = 125;

#[derive(Args, Debug)]
pub(crate) struct RunArgs {
    /// How many threads check and compile modules in parallel (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<NonZeroUsize>,

    /// Stop the program after N backward jumps and calls (exit status 125).
    #[arg(long, value_name = "N")]
    fuel: Option<u64>,

    #[command(flatten)]
    cache: CacheFlags,

    /// The program (a `.py` file, or a directory with a `main.py`), then its arguments.
    /// Options of `typhon run` go before PATH: everything after it is the program's,
    /// options included (`typhon run prog.py --verbose`).
    #[arg(
        value_names = ["PATH", "ARGS"],
        required = true,
        num_args = 1..,
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_parser = clap::value_parser!(OsString)
    )]
    program: Vec<OsString>,
}

pub(crate) fn run(args: &RunArgs, color: ColorWhen) -> anyhow::Result<ExitCode> {
    let Some((path, _)) = args.program.split_first() else {
        // clap requires at least one value; this only keeps the code total.
        anyhow::bail!("no program to run");
    };
    let path = PathBuf::from(path);
    // CPython decodes arguments that are not UTF-8 with surrogate escapes; the VM's
    // strings are UTF-8, so such bytes become U+FFFD.
    let argv = args.program.iter().map(|arg| arg.to_string_lossy().into_owned()).collect();
    let settings = RunSettings { argv, fuel: args.fuel };
    let config = ProjectConfig::load(&path)?;
    // A missing path is a usage error; a cache opened beside it would create directories.
    let cache = if path.exists() { config.cache_config(args.cache.no_cache) } else { None };
    let cache_on = cache.is_some();
    let mut engine = Engine::new(DiskSources, EngineOptions { threads: args.threads, keep_ir: true, cache });

    let mut stdout = io::BufWriter::with_capacity(1 << 16, io::stdout());
    let mut stderr = io::stderr();
    // What the cache did is told before the program writes anything.
    let outcome = engine.prepare(&path).map(|prepared| match prepared {
        Prepared::Rejected(report) => {
            crate::cache::print_report(report.cache.as_deref(), args.cache.explain, cache_on);
            RunOutcome::Rejected(report)
        }
        Prepared::Ready(program) => {
            crate::cache::print_report(program.cache_report(), args.cache.explain, cache_on);
            let outcome = program.run(&settings, &mut stdout, &mut stderr);
            // The process exits next: unmapping a thousand cache entries one by one is
            // time the exit does at once.
            std::mem::forget(program);
            outcome
        }
    });
    match stdout.flush() {
        Ok(()) => {}
        // The reader went away (`typhon run prog.py | head`): the exit status still counts.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
        Err(error) => return Err(error).context("cannot write to standard output"),
    }
    let status = match outcome {
        // `sys.exit(n)` exits with `n` modulo 256, as a process status does under CPython.
        Ok(RunOutcome::Exited(status)) => ExitCode::from(status as u8),
        Ok(RunOutcome::OutOfFuel) => ExitCode::from(EXIT_OUT_OF_FUEL),
        Ok(RunOutcome::Rejected(report)) => {
            write_rejected(&report, stderr_color(color)).context("cannot write to standard error")?;
            ExitCode::from(EXIT_ERRORS)
        }
        Err(error @ (RunError::Engine(_) | RunError::NoEntry { .. })) => return Err(error.into()),
        Err(error) => {
            eprintln!("error: {error}");
            eprintln!("note: this is a bug in Typhon: the checker accepted the program");
            ExitCode::from(EXIT_INTERNAL)
        }
    };
    // The process is about to exit, which frees everything at once.
    std::mem::forget(engine);
    Ok(status)
}

/// The diagnostics of a program that did not run, as `typhon check` prints them (with
/// its summary line), on stderr.
fn write_rejected(report: &CheckReport, color: ColorChoice) -> io::Result<()> {
    let mut stderr = io::BufWriter::new(io::stderr().lock());
    for file in report.files.iter().filter(|file| !file.diagnostics.is_empty()) {
        stderr.write_all(render_human(&file.diagnostics, &file.file.display_path, &file.source, color).as_bytes())?;
    }
    let summary = summary_line(report.n_errors(), report.n_files_with_errors(), report.n_files());
    match color {
        ColorChoice::Always => writeln!(stderr, "\x1b[1;31m{summary}\x1b[0m")?,
        ColorChoice::Never => writeln!(stderr, "{summary}")?,
    }
    stderr.flush()
}

fn stderr_color(when: ColorWhen) -> ColorChoice {
    match when {
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
        // anstream's choice honours NO_COLOR, CLICOLOR(_FORCE) and TERM=dumb on top of
        // asking whether stderr is a terminal.
        ColorWhen::Auto => match anstream::AutoStream::choice(&io::stderr()) {
            anstream::ColorChoice::Never => ColorChoice::Never,
            _ => ColorChoice::Always,
        },
    }
}
