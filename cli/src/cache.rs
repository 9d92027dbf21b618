//! `typhon cache ...`: statistics, clearing, eviction, explanations and validation of a
//! project's cache; and how every checking command prints what the cache did.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::Context;
use clap::{Args, Subcommand};
use typhon_bytecode_cache::{CacheDir, CacheOptions};
use typhon_engine::{CacheConfig, CacheReport, DiskSources, Engine, EngineOptions, ExplainLine, MissReason};

use crate::config::{ProjectConfig, human_size, parse_size};

/// Shown at the end of `typhon cache --help`.
pub(crate) const CACHE_AFTER_HELP: &str = "\
Location:
  `.typhon_cache/` in the project root: the nearest directory above PATH holding a
  `pyproject.toml`, else PATH's directory. `cache-dir` in `[tool.typhon]` of that
  `pyproject.toml` (relative to it) moves it, and TYPHON_CACHE_DIR overrides both.
  `cache-max-size` (bytes, or a string such as \"500MB\" or \"1GiB\") bounds it; the
  default is 1 GiB. Every entry can be rebuilt: the directory may be deleted whenever
  no Typhon command is running.

Exit status:
  0  done
  1  `verify` found a damaged entry
  2  usage error, or an invalid `pyproject.toml`";

/// The exit status of `cache verify` when an entry is damaged.
const EXIT_DAMAGED: u8 = 1;

#[derive(Subcommand, Debug)]
pub(crate) enum CacheCommand {
    /// Show the cache's location, its entries and size, and the hits and misses of the
    /// recent commands.
    Stats(PathArgs),
    /// Delete every entry and the statistics.
    Clear(PathArgs),
    /// Evict least-recently-used entries until the cache fits its size limit.
    Gc(GcArgs),
    /// Explain whether a module would be taken from the cache by `typhon check`, and if
    /// not, why. Writes nothing to the cache.
    Why(WhyArgs),
    /// Read and validate every entry; exit status 1 if one is damaged.
    Verify(PathArgs),
    /// For benchmarks: find the source files as `check` does, read and hash every one,
    /// print how many files and bytes. The floor a warm cache cannot go below.
    #[command(hide = true)]
    Floor(FloorArgs),
}

#[derive(Args, Debug)]
pub(crate) struct PathArgs {
    /// A path in the project whose cache is meant (the cache is found as `check` finds it).
    #[arg(value_name = "PATH", default_value = ".")]
    path: PathBuf,
}

#[derive(Args, Debug)]
pub(crate) struct GcArgs {
    /// The size to shrink the cache to: bytes, or a number with a unit (`500MB`, `1GiB`).
    /// Default: `cache-max-size` of `[tool.typhon]`, else 1 GiB.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_size: Option<u64>,

    #[command(flatten)]
    path: PathArgs,
}

#[derive(Args, Debug)]
pub(crate) struct WhyArgs {
    /// The dotted module name (`pkg.util`).
    module: String,

    /// The paths `check` would be given.
    #[arg(value_name = "PATH", default_value = ".")]
    paths: Vec<PathBuf>,
}

#[derive(Args, Debug)]
pub(crate) struct FloorArgs {
    #[arg(value_name = "PATH", default_value = ".")]
    paths: Vec<PathBuf>,
}

pub(crate) fn run(command: &CacheCommand) -> anyhow::Result<ExitCode> {
    match command {
        CacheCommand::Stats(args) => stats(&args.path),
        CacheCommand::Clear(args) => clear(&args.path),
        CacheCommand::Gc(args) => gc(&args.path.path, args.max_size),
        CacheCommand::Why(args) => why(&args.module, &args.paths),
        CacheCommand::Verify(args) => verify(&args.path),
        CacheCommand::Floor(args) => floor(&args.paths),
    }
}

/// Prints what the cache did during a command, on stderr: its warnings always, and with
/// `explain` every module it did not serve whole, then the summary line. `cache_on`: the
/// command was given a cache (without one, `--explain` says so).
pub(crate) fn print_report(report: Option<&CacheReport>, explain: bool, cache_on: bool) {
    let Some(report) = report else {
        if explain && !cache_on {
            eprintln!("the cache is off (--no-cache or TYPHON_NO_CACHE): every module was checked");
        }
        return;
    };
    for warning in &report.warnings {
        eprintln!("{warning}");
    }
    if explain && (report.n_modules > 0 || report.warnings.is_empty()) {
        for line in &report.lines {
            eprintln!("{line}");
        }
        eprintln!("{}", report.summary());
    }
}

/// The cache directory of the project `path` belongs to, and its configuration.
fn locate(path: &Path) -> anyhow::Result<(ProjectConfig, PathBuf)> {
    let config = ProjectConfig::load(path)?;
    let dir = config.cache_dir();
    Ok((config, dir))
}

/// Opens an existing cache directory; `None` (after saying so) when there is none, so
/// that looking at a cache never creates one.
fn open_existing(dir: &Path, what: &str) -> anyhow::Result<Option<CacheDir>> {
    if !dir.is_dir() {
        println!("no cache at {}{what}", dir.display());
        return Ok(None);
    }
    let store = CacheDir::open_with(dir, CacheOptions::default())
        .with_context(|| format!("cannot open the cache at {}", dir.display()))?;
    Ok(Some(store))
}

fn stats(path: &Path) -> anyhow::Result<ExitCode> {
    let (config, dir) = locate(path)?;
    let Some(store) = open_existing(&dir, "")? else { return Ok(ExitCode::SUCCESS) };
    let stats = store.stats().with_context(|| format!("cannot read the cache at {}", dir.display()))?;
    println!("cache: {}", dir.display());
    println!(
        "entries: {} ({}; limit {})",
        stats.entries,
        human_size(stats.total_bytes),
        human_size(config.cache_max_bytes())
    );
    println!("temporary files: {} ({})", stats.temp_files, human_size(stats.temp_bytes));
    let runs = &stats.runs;
    let rate = runs.hit_rate().map_or_else(String::new, |rate| format!(", {:.0}% hit rate", rate * 100.0));
    println!("runs: {} ({} hits, {} misses{rate})", runs.total_runs, runs.total_hits, runs.total_misses);
    if !runs.recent.is_empty() {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_secs());
        println!("recent runs, newest first:");
        for run in runs.recent.iter().rev() {
            println!("  {}: {} hits, {} misses", ago(now.saturating_sub(run.unix_secs)), run.hits, run.misses);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `5 s ago`, `3 min ago`, `2 h ago`, `4 days ago`.
fn ago(secs: u64) -> String {
    match secs {
        0..60 => format!("{secs} s ago"),
        60..3600 => format!("{} min ago", secs / 60),
        3600..86400 => format!("{} h ago", secs / 3600),
        _ => format!("{} days ago", secs / 86400),
    }
}

fn clear(path: &Path) -> anyhow::Result<ExitCode> {
    let (_, dir) = locate(path)?;
    let Some(store) = open_existing(&dir, ": nothing to clear")? else { return Ok(ExitCode::SUCCESS) };
    let report = store.clear().with_context(|| format!("cannot clear the cache at {}", dir.display()))?;
    println!(
        "removed {} {} ({}) from {}",
        report.removed_entries,
        entries(report.removed_entries),
        human_size(report.removed_bytes),
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn gc(path: &Path, max_size: Option<u64>) -> anyhow::Result<ExitCode> {
    let (config, dir) = locate(path)?;
    let max_bytes = max_size.unwrap_or_else(|| config.cache_max_bytes());
    let Some(store) = open_existing(&dir, ": nothing to collect")? else { return Ok(ExitCode::SUCCESS) };
    let report = store.gc(max_bytes).with_context(|| format!("cannot shrink the cache at {}", dir.display()))?;
    println!(
        "removed {} {} ({}); {} {} ({}) remain, limit {}",
        report.removed_entries,
        entries(report.removed_entries),
        human_size(report.removed_bytes),
        report.remaining_entries,
        entries(report.remaining_entries),
        human_size(report.remaining_bytes),
        human_size(max_bytes)
    );
    Ok(ExitCode::SUCCESS)
}

fn entries(count: u64) -> &'static str {
    if count == 1 { "entry" } else { "entries" }
}

fn why(module: &str, paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let first = paths.first().map_or(Path::new("."), PathBuf::as_path);
    let (config, dir) = locate(first)?;
    // Read-only: nothing is written, not even the statistics. Without a directory there
    // is nothing to read, and opening one would create it.
    let cache = dir.is_dir().then(|| {
        // TYPHON_NO_CACHE does not apply: asking about the cache is asking to read it.
        let mut cache = CacheConfig::new(&dir);
        cache.max_bytes = Some(config.cache_max_bytes());
        cache.read_only = true;
        cache
    });
    let mut engine = Engine::new(DiskSources, EngineOptions { cache, ..EngineOptions::default() });
    let report = engine.check(paths)?;
    let Some(file) = report.module(module) else {
        anyhow::bail!("no module `{module}` among the {} modules of {}", report.n_files(), describe_paths(paths));
    };
    let cache_report = report.cache.as_deref().filter(|cache| cache.n_modules > 0);
    for warning in report.cache.iter().flat_map(|cache| &cache.warnings) {
        eprintln!("{warning}");
    }
    match cache_report {
        Some(cache) => match cache.lines.iter().find(|line| line.module == module) {
            Some(line) => println!("{line}"),
            None => println!("{module}: cached"),
        },
        None => {
            let line = ExplainLine {
                module: module.to_owned(),
                file: file.file.display_path.clone(),
                rechecked: true,
                recompiled: false,
                reason: MissReason::NotCached,
            };
            println!("{line} (no cache at {})", dir.display());
        }
    }
    std::mem::forget(report);
    std::mem::forget(engine);
    Ok(ExitCode::SUCCESS)
}

fn describe_paths(paths: &[PathBuf]) -> String {
    paths.iter().map(|path| format!("`{}`", path.display())).collect::<Vec<_>>().join(", ")
}

fn verify(path: &Path) -> anyhow::Result<ExitCode> {
    let (_, dir) = locate(path)?;
    let Some(store) = open_existing(&dir, ": nothing to verify")? else { return Ok(ExitCode::SUCCESS) };
    let report = store.verify().with_context(|| format!("cannot read the cache at {}", dir.display()))?;
    for (slot, error) in &report.problems {
        println!("damaged: {}: {error}", store.entry_path(slot).display());
    }
    println!("{} {} valid, {} damaged", report.valid, entries(report.valid), report.problems.len());
    if report.problems.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        println!("(the next command that needs a damaged entry rebuilds it; `typhon cache clear` removes them all)");
        Ok(ExitCode::from(EXIT_DAMAGED))
    }
}

/// Reads and BLAKE3-hashes every source file, on one thread per core as `check` works:
/// the least work any warm start must do when it trusts no file's metadata.
fn floor(paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let engine = Engine::new(DiskSources, EngineOptions { threads: NonZeroUsize::new(1), ..EngineOptions::default() });
    let files = engine.discover(paths)?;
    let threads = std::thread::available_parallelism().map_or(1, NonZeroUsize::get).min(files.len().max(1));
    let chunk = files.len().div_ceil(threads).max(1);
    let totals: Vec<anyhow::Result<u64>> = std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let mut bytes = 0u64;
                    for file in part {
                        let text =
                            std::fs::read(&file.path).with_context(|| format!("cannot read {}", file.display_path))?;
                        std::hint::black_box(blake3::hash(&text));
                        bytes += text.len() as u64;
                    }
                    Ok(bytes)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    let mut bytes = 0;
    for total in totals {
        bytes += total?;
    }
    println!("{} files, {bytes} bytes", files.len());
    Ok(ExitCode::SUCCESS)
}
