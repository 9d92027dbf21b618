//! The project snapshot (`engine/src/cache/snapshot.rs`): one entry that replays a whole
//! `check` or `run` once every file and directory the command read is proved unchanged.
//!
//! Each test drives the engine in-process as the CLI does and compares every result with
//! a clean build's (a fresh cache directory). Where a test needs the snapshot to be usable
//! it first waits for the file-system clock to move past the newest change in the project
//! (the racy-timestamp rule refuses stats as new as the command that recorded them);
//! nothing sleeps.

use std::fs;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use typhon_engine::{CacheConfig, CacheReport, DiskSources, Engine, EngineOptions};
use typhon_tests::TempDir;
use typhon_tests::cache_files::{copy_dir, entry_files, newest_change, rewrite_keeping_mtime, wait_for_fs_tick_after};
use typhon_tests::engine_text::{rendered, run_text};

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap_or_else(|error| panic!("creating {}: {error}", parent.display()));
    }
    fs::write(&path, text).unwrap_or_else(|error| panic!("writing {}: {error}", path.display()));
}

fn engine(config: CacheConfig) -> Engine {
    Engine::new(DiskSources, EngineOptions { threads: NonZeroUsize::new(2), keep_ir: false, cache: Some(config) })
}

fn check(config: CacheConfig, root: &Path) -> (String, CacheReport) {
    let mut engine = engine(config);
    let report = engine.check(&[root]).unwrap_or_else(|error| panic!("cannot check {}: {error}", root.display()));
    let cache = report.cache.as_deref().cloned().expect("a cache report");
    if cache.from_snapshot {
        assert!(engine.project().is_none(), "a replayed check keeps no project");
    }
    (rendered(&report), cache)
}

fn run(config: CacheConfig, entry: &Path) -> (String, CacheReport) {
    let (text, report) = run_text(&mut engine(config), entry);
    (text, report.expect("a cache report"))
}

fn clean_check(root: &Path) -> String {
    let cache = TempDir::new("snapshot-clean");
    check(CacheConfig::new(cache.path()), root).0
}

fn clean_run(entry: &Path) -> String {
    let cache = TempDir::new("snapshot-clean");
    run(CacheConfig::new(cache.path()), entry).0
}

/// A project with a package, a followed import, a warning-free error in a module that
/// the program does not import (so `check` has diagnostics to replay and `run` is not
/// rejected), and output that shows which module ran.
fn project(root: &Path) {
    write(root, "main.py", "from lib import value\nfrom pkg.util import twice\n\nprint(twice(value()))\n");
    write(root, "lib.py", "def value() -> int:\n    return 21\n");
    write(root, "pkg/__init__.py", "");
    write(root, "pkg/util.py", "def twice(n: int) -> int:\n    return n * 2\n");
    write(root, "bad.py", "from lib import value\n\nx: str = value()\n");
}

/// A project and its cache, primed: a cold check and a cold run, then the clock moved on
/// past every file of the project, then a warm check and run that write snapshots that
/// the next commands can use.
struct Primed {
    dir: TempDir,
    root: PathBuf,
    cache: PathBuf,
}

impl Primed {
    fn new(label: &str, make: impl Fn(&Path)) -> Primed {
        let dir = TempDir::new(label);
        let root = dir.path().join("proj");
        let cache = dir.path().join("cache");
        make(&root);
        let primed = Primed { dir, root, cache };
        primed.check();
        primed.run();
        primed.settle();
        primed.check();
        primed.run();
        primed
    }

    fn config(&self) -> CacheConfig {
        CacheConfig::new(&self.cache)
    }

    fn main(&self) -> PathBuf {
        self.root.join("main.py")
    }

    /// Waits until the file-system clock is past the newest change in the project.
    fn settle(&self) {
        wait_for_fs_tick_after(&self.dir.path().join("clock"), newest_change(&self.root));
    }

    /// A check, which must equal a clean one.
    fn check(&self) -> CacheReport {
        let (text, report) = check(self.config(), &self.root);
        assert_eq!(text, clean_check(&self.root), "check differs from a clean check");
        report
    }

    /// A run, which must equal a clean one.
    fn run(&self) -> CacheReport {
        let (text, report) = run(self.config(), &self.main());
        assert_eq!(text, clean_run(&self.main()), "run differs from a clean run");
        report
    }

    /// After a change: neither command may be replayed; once the clock moved on, both
    /// are replayed again (from the snapshots the first ones rewrote).
    fn assert_change_seen(&self, change: &str) {
        let checked = self.check();
        assert!(!checked.from_snapshot, "{change}: the check was replayed from a stale snapshot");
        let ran = self.run();
        assert!(!ran.from_snapshot, "{change}: the run was replayed from a stale snapshot");
        self.settle();
        // A command without a snapshot to replay rewrites it; a rejected run has none.
        self.check();
        self.run();
        assert_replayed(&self.check(), &format!("check after {change}"));
        let ran = self.run();
        let rejected = ran.n_modules > 0 && !ran.from_snapshot && ran.lines.is_empty();
        assert!(ran.from_snapshot || rejected, "run after {change}: not replayed: {ran:?}");
    }
}

fn assert_replayed(report: &CacheReport, step: &str) {
    assert!(report.from_snapshot, "{step}: not replayed from the snapshot: {report:?}");
    assert!(report.warnings.is_empty() && report.lines.is_empty(), "{step}: {report:?}");
    assert_eq!(report.n_cached, report.n_modules, "{step}: everything counts as cached");
    assert_eq!(report.summary(), format!("{0} modules: {0} cached, 0 re-checked, 0 re-compiled", report.n_modules));
}

#[test]
fn a_warm_command_is_replayed_and_equals_a_clean_build() {
    let primed = Primed::new("snapshot-warm", project);
    let checked = primed.check();
    assert_replayed(&checked, "warm check");
    assert_eq!(checked.n_modules, 5);
    let ran = primed.run();
    assert_replayed(&ran, "warm run");
    assert_eq!(ran.n_modules, 4, "the program's modules: main, lib, pkg, pkg.util");
    // The replayed check shows the error of `bad.py` with its source line.
    let (text, _) = check(primed.config(), &primed.root);
    assert!(text.contains("x: str = value()"), "{text}");
}

#[test]
fn without_the_option_nothing_is_replayed() {
    let primed = Primed::new("snapshot-off", project);
    let config = CacheConfig { snapshot: false, ..primed.config() };
    let (text, report) = check(config.clone(), &primed.root);
    assert_eq!(text, clean_check(&primed.root));
    assert!(!report.from_snapshot && report.lines.is_empty(), "{report:?}");
    let (text, report) = run(config, &primed.main());
    assert_eq!(text, clean_run(&primed.main()));
    assert!(!report.from_snapshot && report.lines.is_empty(), "{report:?}");
}

#[test]
fn a_same_size_edit_with_the_mtime_restored_is_seen() {
    let primed = Primed::new("snapshot-edit", project);
    rewrite_keeping_mtime(&primed.root.join("lib.py"), "def value() -> int:\n    return 12\n");
    primed.assert_change_seen("a same-size edit of lib.py");
    let (text, _) = run(primed.config(), &primed.main());
    assert!(text.contains("24"), "{text}");
}

#[test]
fn an_edit_in_the_clock_tick_of_the_snapshot_is_seen() {
    // The run reads lib.py and writes its snapshot; lib.py is rewritten right after (same
    // size, mtime restored), often within the same clock tick, where only the racy rule
    // tells the contents apart. Every attempt must see the edit.
    for attempt in 0..20 {
        let dir = TempDir::new("snapshot-racy");
        let root = dir.path().join("proj");
        let config = CacheConfig::new(dir.path().join("cache"));
        drop(engine(config.clone()));
        project(&root);
        run(config.clone(), &root.join("main.py"));
        rewrite_keeping_mtime(&root.join("lib.py"), "def value() -> int:\n    return 12\n");
        let (text, report) = run(config.clone(), &root.join("main.py"));
        assert!(text.contains("24"), "attempt {attempt}: the edit was missed: {text} {report:?}");
        assert_eq!(text, clean_run(&root.join("main.py")));
    }
}

#[test]
fn a_new_package_that_shadows_a_module_is_seen() {
    let primed = Primed::new("snapshot-shadow", project);
    // `pkg/util/__init__.py` wins over `pkg/util.py`, as in Python: only the listing of
    // `pkg` tells, and its stat moved.
    write(&primed.root, "pkg/util/__init__.py", "def twice(n: int) -> int:\n    return n * 3\n");
    // To `check`, which finds both files, they are two modules of one name: an error.
    primed.assert_change_seen("a package shadowing pkg.util");
    let (text, _) = check(primed.config(), &primed.root);
    assert!(text.contains("Duplicate module named \"pkg.util\""), "{text}");
    let (text, _) = run(primed.config(), &primed.main());
    assert!(text.contains("63"), "{text}");
}

#[test]
fn a_deleted_and_a_renamed_module_are_seen() {
    let primed = Primed::new("snapshot-delete", project);
    fs::rename(primed.root.join("lib.py"), primed.root.join("lib2.py")).expect("rename lib.py");
    primed.assert_change_seen("lib.py renamed");
    let (text, _) = run(primed.config(), &primed.main());
    assert!(text.starts_with("rejected"), "{text}");
    fs::rename(primed.root.join("lib2.py"), primed.root.join("lib.py")).expect("rename lib2.py back");
    primed.assert_change_seen("lib.py back");
    fs::remove_file(primed.root.join("bad.py")).expect("delete bad.py");
    primed.assert_change_seen("bad.py deleted");
    let (text, _) = check(primed.config(), &primed.root);
    assert!(!text.contains("bad.py"), "{text}");
}

#[test]
fn a_new_module_and_an_ignore_file_are_seen() {
    let primed = Primed::new("snapshot-new", project);
    write(&primed.root, "extra.py", "y: int = 'no'\n");
    primed.assert_change_seen("extra.py added");
    let (text, _) = check(primed.config(), &primed.root);
    assert!(text.contains("extra.py"), "{text}");
    write(&primed.root, ".gitignore", "extra.py\n");
    let (text, report) = check(primed.config(), &primed.root);
    assert!(!report.from_snapshot, "the ignore file changes discovery");
    assert!(!text.contains("extra.py"), "{text}");
    assert_eq!(text, clean_check(&primed.root));
}

#[test]
fn other_options_another_compiler_and_other_paths_have_their_own_snapshots() {
    let primed = Primed::new("snapshot-keys", project);
    let tagged = CacheConfig { options_tag: "debug".to_owned(), ..primed.config() };
    let (text, report) = check(tagged, &primed.root);
    assert!(!report.from_snapshot, "options are part of the key");
    assert_eq!(text, clean_check(&primed.root));
    let other = CacheConfig { fingerprint: Some([7; 32]), ..primed.config() };
    let (text, report) = run(other, &primed.main());
    assert!(!report.from_snapshot, "a snapshot of another compiler is not used");
    assert_eq!(text, clean_run(&primed.main()));
    // The package alone is another command: its own snapshot.
    let (text, report) = check(primed.config(), &primed.root.join("pkg"));
    assert!(!report.from_snapshot);
    assert_eq!(text, clean_check(&primed.root.join("pkg")));
    assert_replayed(&primed.check(), "the whole project again");
}

/// The snapshot entries of a primed cache: the entries that a cache filled without
/// snapshots lacks. Returns (check's, run's): the run's holds bytecode, so it is larger.
fn snapshot_entries(primed: &Primed) -> (PathBuf, PathBuf) {
    let without = primed.dir.path().join("without");
    let config = CacheConfig { snapshot: false, ..CacheConfig::new(&without) };
    check(config.clone(), &primed.root);
    run(config, &primed.main());
    let relative = |cache: &Path, files: Vec<PathBuf>| -> Vec<PathBuf> {
        files.into_iter().map(|path| path.strip_prefix(cache).expect("an entry").to_path_buf()).collect()
    };
    let others = relative(&without, entry_files(&without));
    let mut snapshots: Vec<PathBuf> = relative(&primed.cache, entry_files(&primed.cache))
        .into_iter()
        .filter(|path| !others.contains(path))
        .map(|path| primed.cache.join(path))
        .collect();
    assert_eq!(snapshots.len(), 2, "a check and a run snapshot: {snapshots:?}");
    snapshots.sort_by_key(|path| fs::metadata(path).expect("stat an entry").len());
    (snapshots[0].clone(), snapshots[1].clone())
}

/// Damages `entry` (a snapshot of `primed`) in a copy of its cache in every way `damages`
/// lists; each time the command must print what a clean build prints, warn once about
/// the snapshot (unless the damage makes it another build's, rebuilt silently) and
/// rewrite it, so that the command after is replayed again.
fn damage_trials(primed: &Primed, entry: &Path, is_run: bool, damages: Vec<(String, Vec<u8>)>) {
    let relative = entry.strip_prefix(&primed.cache).expect("an entry of the cache").to_path_buf();
    let clean = if is_run { clean_run(&primed.main()) } else { clean_check(&primed.root) };
    let scratch = TempDir::new("snapshot-damage");
    let mut failures = Vec::new();
    for (idx, (name, bytes)) in damages.iter().enumerate() {
        let cache = scratch.path().join(format!("trial-{idx}"));
        copy_dir(&primed.cache, &cache);
        fs::write(cache.join(&relative), bytes).expect("write the damaged entry");
        let command =
            |config: CacheConfig| if is_run { run(config, &primed.main()) } else { check(config, &primed.root) };
        let (text, report) = command(CacheConfig::new(&cache));
        if text != clean {
            failures.push(format!("{name}: output differs:\n{text}"));
        }
        let warned_once = report.warnings.len() == 1 && report.warnings[0].contains("snapshot of this command");
        if report.from_snapshot || !(warned_once || report.warnings.is_empty()) || !report.lines.is_empty() {
            failures.push(format!("{name}: expected one warning and no rebuilt module, got {report:?}"));
        }
        let (text, again) = command(CacheConfig::new(&cache));
        if text != clean || !again.from_snapshot || !again.warnings.is_empty() {
            failures.push(format!("{name}: the snapshot was not rewritten: {again:?}"));
        }
        let _ = fs::remove_dir_all(&cache);
    }
    assert!(
        failures.is_empty(),
        "{} of {} trials failed:\n{}",
        failures.len(),
        damages.len(),
        failures[..failures.len().min(10)].join("\n")
    );
}

#[test]
fn every_flipped_byte_and_every_truncation_of_a_check_snapshot_is_detected() {
    let primed = Primed::new("snapshot-flip", project);
    let (check_snapshot, _) = snapshot_entries(&primed);
    let bytes = fs::read(&check_snapshot).expect("read the snapshot");
    let mut damages = Vec::new();
    for offset in 0..bytes.len() {
        let mut damaged = bytes.clone();
        damaged[offset] ^= 0xff;
        damages.push((format!("byte {offset} flipped"), damaged));
    }
    for len in 0..bytes.len() {
        damages.push((format!("truncated to {len} bytes"), bytes[..len].to_vec()));
    }
    damages.push(("garbage".to_owned(), (0..bytes.len()).map(|idx| (idx * 131 % 251) as u8).collect()));
    damage_trials(&primed, &check_snapshot, false, damages);
}

#[test]
fn damaged_run_snapshots_are_detected() {
    let primed = Primed::new("snapshot-run-damage", project);
    let (_, run_snapshot) = snapshot_entries(&primed);
    let bytes = fs::read(&run_snapshot).expect("read the snapshot");
    let mut damages = Vec::new();
    // The header whole, then a byte in every 61 (a prime: every field and alignment).
    for offset in (0..128).chain((128..bytes.len()).step_by(61)) {
        let mut damaged = bytes.clone();
        damaged[offset] ^= 0x5a;
        damages.push((format!("byte {offset} flipped"), damaged));
    }
    for len in (0..bytes.len()).step_by(97) {
        damages.push((format!("truncated to {len} bytes"), bytes[..len].to_vec()));
    }
    damage_trials(&primed, &run_snapshot, true, damages);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_whose_target_appears_is_seen() {
    // `util` is a link to a package that does not exist yet, so `import util` finds
    // `util.py`. Creating the link's target changes neither directory the lookup listed;
    // the snapshot records the link itself, and the package (tried first) must win.
    let primed = Primed::new("snapshot-link", |root| {
        project(root);
        write(root, "util.py", "NAME: str = 'module'\n");
        write(root, "main.py", "import util\n\nprint(util.NAME)\n");
        std::os::unix::fs::symlink(root.join("../vendor/util"), root.join("util")).expect("a symbolic link");
    });
    let (text, _) = run(primed.config(), &primed.main());
    assert!(text.contains("module"), "{text}");
    write(primed.dir.path(), "vendor/util/__init__.py", "NAME: str = 'package'\n");
    let ran = primed.run();
    assert!(!ran.from_snapshot, "the run was replayed from a stale snapshot");
    let (text, _) = run(primed.config(), &primed.main());
    assert!(text.contains("package"), "{text}");
    // `check` walks the project without following links into directories: it still
    // names `util.py` `util`, replayed or not (`Primed::check` compares with a clean check).
    primed.check();
    primed.settle();
    primed.run();
    assert_replayed(&primed.run(), "the run after the link's target appeared");
}
