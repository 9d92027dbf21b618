//! The `typhon` binary: parses the command line, runs one command, and turns its outcome
//! into an exit status (0 ok, 1 diagnostics, 2 usage, path or configuration errors; `run`
//! exits with the program's own status).

mod cache;
mod check;
mod config;
mod run;

use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// See the comment on the dependency in Cargo.toml: the allocator matters for the speed of
/// `check`, which allocates and frees syntax trees and IR module by module.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Shown at the end of `--help`; the README lists the same codes.
const EXIT_STATUS_HELP: &str = "\
Exit status:
  0  no errors found (warnings do not count)
  1  errors were found in the checked files
  2  usage error, a path that does not exist or cannot be listed, or an invalid
     `pyproject.toml`
`typhon run` exits with the program's status instead (see `typhon run --help`).";

/// The exit status for a command line that was understood but could not be carried out
/// (missing or unreadable path). clap uses the same status for malformed command lines.
const EXIT_USAGE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "typhon",
    version,
    about = "Typhon: a toolchain for a statically typed subset of Python 3.11",
    after_help = EXIT_STATUS_HELP,
    // `help` is not a command of its own: `--help` everywhere says the same.
    disable_help_subcommand = true
)]
struct Cli {
    /// When to colour the output (`auto`: only on a terminal, and never with NO_COLOR set).
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto, global = true)]
    color: ColorWhen,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Type-check a project: syntax and type errors of every module, checked against
    /// the interfaces of the modules it imports.
    #[command(after_help = CHECK_AFTER_HELP)]
    Check(CheckArgs),
    /// Check a project and compile every module without errors into the cache, so that
    /// later runs of any of its programs start warm. Prints what `check` prints.
    #[command(after_help = BUILD_AFTER_HELP)]
    Build(CheckArgs),
    /// Check, compile and run a program: a `.py` file, or a directory with a `main.py`.
    /// Arguments after PATH are passed to the program.
    #[command(after_help = run::RUN_AFTER_HELP)]
    Run(run::RunArgs),
    /// Inspect and maintain the cache of a project (statistics, clearing, eviction,
    /// explanations, validation).
    #[command(subcommand, after_help = cache::CACHE_AFTER_HELP)]
    Cache(cache::CacheCommand),
}

/// Shown at the end of `typhon check --help`.
const CHECK_AFTER_HELP: &str = "\
Modules:
  A directory is a source root: `pkg/util.py` below it is module `pkg.util`, and
  `pkg/__init__.py` is module `pkg` (a directory without one is a namespace package).
  A file is a module of its own directory. Modules that the checked files import are
  looked up below the same roots and checked too. Import cycles are errors.

Cache:
  Results are kept in `.typhon_cache/` in the project root (the nearest directory above
  the first PATH holding a `pyproject.toml`, else the first PATH's directory), or in
  `cache-dir` of `[tool.typhon]` in `pyproject.toml`, or in TYPHON_CACHE_DIR. Modules
  whose source and dependencies did not change are not checked again. `--no-cache` or
  TYPHON_NO_CACHE=1 turn the cache off.

Exit status:
  0  no errors found (warnings do not count)
  1  errors were found in the checked files
  2  usage error, a path that does not exist or cannot be listed, or an invalid
     `pyproject.toml`";

/// Shown at the end of `typhon build --help`.
const BUILD_AFTER_HELP: &str = "\
Exit status:
  0   no errors found (warnings do not count)
  1   errors were found in the checked files (their modules are not compiled)
  2   usage error, a path that does not exist or cannot be listed, or an invalid
      `pyproject.toml`
  70  internal error: a module the checker accepted could not be compiled";

#[derive(Args, Debug)]
struct CheckArgs {
    /// Files or directories to check. Directories are searched for `.py` files, respecting
    /// .gitignore and .ignore and skipping hidden folders, `__pycache__` and `target`.
    #[arg(value_name = "PATH", default_value = ".")]
    paths: Vec<PathBuf>,

    /// `human`: diagnostics with source snippets. `json`: one JSON object per diagnostic
    /// and line on stdout, with the summary line on stderr.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = MessageFormat::Human)]
    message_format: MessageFormat,

    /// How many threads check modules in parallel (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<NonZeroUsize>,

    /// Print where the time went (discovery, parsing, type checking, ...) on stderr.
    /// Setting TYPHON_TIMINGS=1 does the same.
    #[arg(long)]
    timings: bool,

    #[command(flatten)]
    cache: CacheFlags,
}

/// The cache options of the commands that check.
#[derive(Args, Debug, Clone, Copy)]
struct CacheFlags {
    /// Print on stderr why each module was checked or compiled again instead of being
    /// taken from the cache, then a summary line.
    #[arg(long)]
    explain: bool,

    /// Work without the cache: read nothing from it, write nothing to it (TYPHON_NO_CACHE=1
    /// does the same).
    #[arg(long)]
    no_cache: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
enum MessageFormat {
    Human,
    Json,
}

fn main() -> ExitCode {
    // On a malformed command line clap prints the usage and exits with status 2 itself.
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Check(args) => check::run(args, check::Mode::Check, cli.color),
        Command::Build(args) => check::run(args, check::Mode::Build, cli.color),
        Command::Run(args) => run::run(args, cli.color),
        Command::Cache(command) => cache::run(command),
    };
    match outcome {
        Ok(status) => status,
        Err(error) => {
            // `{:#}` puts the whole chain of causes on one line: "cannot check `x`: ...".
            eprintln!("error: {error:#}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
