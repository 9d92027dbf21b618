//! The `typhon` binary: parses the command line, runs one command, and turns its outcome
//! into an exit status (0 ok, 1 diagnostics, 2 usage or path errors; `run` exits with the
//! program's own status).

mod check;
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
  2  usage error, or a path that does not exist or cannot be listed
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
    /// Check, compile and run a program: a `.py` file, or a directory with a `main.py`.
    /// Arguments after PATH are passed to the program.
    #[command(after_help = run::RUN_AFTER_HELP)]
    Run(run::RunArgs),
}

/// Shown at the end of `typhon check --help`.
const CHECK_AFTER_HELP: &str = "\
Modules:
  A directory is a source root: `pkg/util.py` below it is module `pkg.util`, and
  `pkg/__init__.py` is module `pkg` (a directory without one is a namespace package).
  A file is a module of its own directory. Modules that the checked files import are
  looked up below the same roots and checked too. Import cycles are errors.

Exit status:
  0  no errors found (warnings do not count)
  1  errors were found in the checked files
  2  usage error, or a path that does not exist or cannot be listed";

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
        Command::Check(args) => check::run(args, cli.color),
        Command::Run(args) => run::run(args, cli.color),
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
