//! End-to-end tests of the cache as the command line shows it: where it lives (flags,
//! environment, `pyproject.toml`), `--explain`, `typhon build`, and `typhon cache ...`.

mod common;

use std::path::Path;

use common::{project, stderr, stdout, typhon_cached};

const HUB: &str = "def f(x: int) -> int:\n    return x + 1\n";
const MID: &str = "import hub\n\n\ndef g(x: int) -> int:\n    return hub.f(x) * 2\n";
const MAIN: &str = "from mid import g\n\nprint(g(20))\n";

/// Three modules in a chain: `main` imports `mid`, which imports `hub`.
fn chain() -> tempfile::TempDir {
    project(&[("hub.py", HUB), ("mid.py", MID), ("main.py", MAIN)])
}

/// How many entry files the cache at `dir` holds (0 if it does not exist).
fn entry_count(dir: &Path) -> usize {
    let Ok(shards) = std::fs::read_dir(dir.join("entries")) else { return 0 };
    shards.flatten().filter_map(|shard| std::fs::read_dir(shard.path()).ok()).map(|files| files.count()).sum()
}

/// Every entry file of the cache at `dir`, sorted.
fn entry_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir.join("entries"))
        .map(|shards| {
            shards
                .flatten()
                .filter_map(|shard| std::fs::read_dir(shard.path()).ok())
                .flat_map(|files| files.flatten().map(|file| file.path()))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Every file below `dir` with its length and modification time, to prove nothing changed.
fn snapshot(dir: &Path) -> Vec<(std::path::PathBuf, u64, std::time::SystemTime)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(next) = stack.pop() {
        for entry in std::fs::read_dir(&next).into_iter().flatten().flatten() {
            let meta = entry.metadata().unwrap_or_else(|error| panic!("{}: {error}", entry.path().display()));
            if meta.is_dir() {
                stack.push(entry.path());
            } else {
                found.push((entry.path(), meta.len(), meta.modified().unwrap_or(std::time::UNIX_EPOCH)));
            }
        }
    }
    found.sort();
    found
}

fn write(dir: &Path, relative: &str, text: &str) {
    let path = dir.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|error| panic!("creating {}: {error}", parent.display()));
    }
    std::fs::write(&path, text).unwrap_or_else(|error| panic!("writing {}: {error}", path.display()));
}

#[test]
fn explain_shows_a_cold_check_then_a_warm_one_served_whole() {
    let dir = chain();
    let cold = typhon_cached(dir.path(), &["check", "--explain"], &[]);
    assert_eq!(cold.status.code(), Some(0), "{}", stderr(&cold));
    assert_eq!(
        stderr(&cold),
        "hub: re-checked: not cached\nmain: re-checked: not cached\nmid: re-checked: not cached\n\
         3 modules: 0 cached, 3 re-checked, 0 re-compiled\n"
    );
    let warm = typhon_cached(dir.path(), &["check", "--explain"], &[]);
    assert_eq!(stderr(&warm), "3 modules: 3 cached, 0 re-checked, 0 re-compiled\n");
    assert_eq!(stdout(&warm), stdout(&cold));
    assert_eq!(stdout(&warm), "Success: no issues found in 3 source files\n");
    assert!(entry_count(&dir.path().join(".typhon_cache")) >= 3);

    // Without --explain, a warm check prints exactly what a cold one does.
    let quiet = typhon_cached(dir.path(), &["check"], &[]);
    assert_eq!((stdout(&quiet), stderr(&quiet)), (stdout(&cold), String::new()));

    // A body edit re-checks one module; its importers keep their entries.
    write(dir.path(), "hub.py", "def f(x: int) -> int:\n    return x + 2\n");
    let edited = typhon_cached(dir.path(), &["check", "--explain"], &[]);
    assert_eq!(stderr(&edited), "hub: re-checked: source changed\n3 modules: 2 cached, 1 re-checked, 0 re-compiled\n");
}

#[test]
fn diagnostics_of_cached_modules_are_replayed_identically() {
    let dir = project(&[("ok.py", HUB), ("bad.py", "x: int = 'no'\n")]);
    let cold = typhon_cached(dir.path(), &["check"], &[]);
    let warm = typhon_cached(dir.path(), &["check", "--explain"], &[]);
    assert_eq!(cold.status.code(), Some(1));
    assert_eq!(warm.status.code(), Some(1));
    assert_eq!(stdout(&warm), stdout(&cold));
    assert!(stdout(&warm).contains("bad.py:1"), "{}", stdout(&warm));
    assert_eq!(stderr(&warm), "2 modules: 2 cached, 0 re-checked, 0 re-compiled\n");
}

#[test]
fn the_cache_dir_comes_from_the_environment_then_pyproject_then_the_root() {
    let dir = chain();
    let elsewhere = tempfile::tempdir().unwrap_or_else(|error| panic!("temporary directory: {error}"));
    let env_dir = elsewhere.path().join("env-cache");
    let env_dir_text = env_dir.to_string_lossy().into_owned();

    let output = typhon_cached(dir.path(), &["check"], &[("TYPHON_CACHE_DIR", &env_dir_text)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(entry_count(&env_dir) >= 3);
    assert!(env_dir.join(".gitignore").is_file());
    assert!(!dir.path().join(".typhon_cache").exists());

    // `cache-dir` is relative to the pyproject, which is found from a subdirectory too.
    write(dir.path(), "pyproject.toml", "[project]\nname = 'chain'\n\n[tool.typhon]\ncache-dir = 'build/tc'\n");
    write(dir.path(), "sub/other.py", "y = 1\n");
    let output = typhon_cached(&dir.path().join("sub"), &["check", "."], &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    // The module's meta entry and the snapshot of the command.
    assert_eq!(entry_count(&dir.path().join("build/tc")), 2);
    assert!(!dir.path().join("sub/.typhon_cache").exists() && !dir.path().join(".typhon_cache").exists());

    // The environment wins over the file.
    let before = entry_count(&env_dir);
    let output = typhon_cached(&dir.path().join("sub"), &["check", "."], &[("TYPHON_CACHE_DIR", &env_dir_text)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(entry_count(&env_dir), before + 2);
    assert_eq!(entry_count(&dir.path().join("build/tc")), 2);

    // Without a pyproject, the default lives in the directory of the file that runs.
    let plain = chain();
    let output = typhon_cached(plain.path(), &["run", "main.py"], &[]);
    assert_eq!(stdout(&output), "42\n", "{}", stderr(&output));
    assert!(entry_count(&plain.path().join(".typhon_cache")) >= 3);
}

#[test]
fn no_cache_flag_and_environment_write_nothing() {
    let dir = chain();
    for (args, env) in [
        (&["check", "--no-cache"][..], &[][..]),
        (&["check"], &[("TYPHON_NO_CACHE", "1")]),
        (&["build", "--no-cache", "."], &[]),
        (&["run", "--no-cache", "main.py"], &[]),
        (&["run", "main.py"], &[("TYPHON_NO_CACHE", "yes")]),
    ] {
        let output = typhon_cached(dir.path(), args, env);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
        assert_eq!(stderr(&output), "", "{args:?}");
        assert!(!dir.path().join(".typhon_cache").exists(), "{args:?} {env:?} wrote a cache");
    }
    let explained = typhon_cached(dir.path(), &["check", "--no-cache", "--explain"], &[]);
    assert!(stderr(&explained).starts_with("the cache is off"), "{}", stderr(&explained));
    assert!(!dir.path().join(".typhon_cache").exists());

    // `0` and empty mean "not disabled".
    for value in ["0", ""] {
        let output = typhon_cached(dir.path(), &["check"], &[("TYPHON_NO_CACHE", value)]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(dir.path().join(".typhon_cache").is_dir(), "TYPHON_NO_CACHE={value:?}");
        std::fs::remove_dir_all(dir.path().join(".typhon_cache")).unwrap_or_else(|error| panic!("{error}"));
    }
}

#[test]
fn a_missing_path_creates_no_cache() {
    let dir = chain();
    let output = typhon_cached(dir.path(), &["check", "no/such/dir"], &[]);
    assert_eq!(output.status.code(), Some(2));
    let output = typhon_cached(dir.path(), &["run", "no/such.py"], &[]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(snapshot(dir.path()).len(), 3, "{:?}", snapshot(dir.path()));
}

#[test]
fn configuration_errors_name_the_file_and_exit_2() {
    let cases = [
        ("[project]\nname = 'x'\n\n[tool.typhon]\nfoo = 1\n", "pyproject.toml:5: unknown key `foo` in [tool.typhon]"),
        ("[tool.typhon]\ncache-dir = \n", "pyproject.toml:2: "),
        ("[tool.typhon]\ncache-max-size = \"5 parsecs\"\n", "pyproject.toml:2: invalid cache-max-size: `5 parsecs`"),
        ("[tool.typhon]\ncache-max-size = -3\n", "invalid cache-max-size: `-3`"),
    ];
    for (text, expected) in cases {
        let dir = project(&[("pyproject.toml", text), ("main.py", "print(1)\n")]);
        for args in [&["check"][..], &["run", "main.py"], &["build"], &["cache", "stats"]] {
            let output = typhon_cached(dir.path(), args, &[]);
            assert_eq!(output.status.code(), Some(2), "{args:?} {text:?}: {}", stderr(&output));
            let message = stderr(&output);
            assert!(message.starts_with("error: ") && message.contains(expected), "{text:?}: {message}");
            assert_eq!(message.lines().count(), 1, "{message}");
            assert!(stdout(&output).is_empty());
        }
        assert!(!dir.path().join(".typhon_cache").exists());
    }
    // Other tables and other tools' keys are not Typhon's business.
    let dir = project(&[
        ("pyproject.toml", "[tool.ruff]\nwhatever = true\n[tool.typhon]\ncache-max-size = \"200 KiB\"\n"),
        ("main.py", "print(1)\n"),
    ]);
    let output = typhon_cached(dir.path(), &["check"], &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let stats = typhon_cached(dir.path(), &["cache", "stats"], &[]);
    assert!(stdout(&stats).contains("limit 200.0 KiB"), "{}", stdout(&stats));
}

#[test]
fn build_fills_the_cache_so_a_run_reuses_everything() {
    let dir = chain();
    let build = typhon_cached(dir.path(), &["build", "--explain"], &[]);
    assert_eq!(build.status.code(), Some(0), "{}", stderr(&build));
    assert_eq!(stdout(&build), "Success: no issues found in 3 source files\n");
    assert!(stderr(&build).ends_with("3 modules: 0 cached, 3 re-checked, 3 re-compiled\n"), "{}", stderr(&build));

    let run = typhon_cached(dir.path(), &["run", "--explain", "main.py"], &[]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    assert_eq!(stdout(&run), "42\n");
    assert_eq!(stderr(&run), "3 modules: 3 cached, 0 re-checked, 0 re-compiled\n");

    // The explanation comes before anything the program writes to stderr.
    write(dir.path(), "boom.py", "import mid\n\nraise ValueError(mid.g(1))\n");
    let boom = typhon_cached(dir.path(), &["run", "--explain", "boom.py"], &[]);
    assert_eq!(boom.status.code(), Some(1));
    let text = stderr(&boom);
    let summary = text.find("3 modules: 2 cached, 1 re-checked, 1 re-compiled").unwrap_or(usize::MAX);
    let traceback = text.find("Traceback").unwrap_or(0);
    assert!(summary < traceback, "{text}");

    // A build with errors exits 1 and prints check's report.
    write(dir.path(), "bad.py", "x: int = 'no'\n");
    let broken = typhon_cached(dir.path(), &["build"], &[]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(stdout(&broken).contains("Found 1 error in 1 file"), "{}", stdout(&broken));
    let json = typhon_cached(dir.path(), &["build", "--message-format", "json"], &[]);
    assert!(stdout(&json).starts_with('{') && stderr(&json).contains("Found 1 error"), "{}", stderr(&json));
}

#[test]
fn cache_stats_clear_and_gc() {
    let dir = chain();
    let cache = dir.path().join(".typhon_cache");
    let none = typhon_cached(dir.path(), &["cache", "stats"], &[]);
    assert_eq!(none.status.code(), Some(0));
    assert!(stdout(&none).starts_with("no cache at "), "{}", stdout(&none));
    assert!(!cache.exists(), "looking at a cache must not create it");

    typhon_cached(dir.path(), &["check"], &[]);
    typhon_cached(dir.path(), &["check"], &[]);
    let stats = stdout(&typhon_cached(dir.path(), &["cache", "stats"], &[]));
    let n_entries = entry_count(&cache);
    assert!(stats.contains(&format!("entries: {n_entries} (")), "{stats}");
    assert!(stats.contains("temporary files: 0 (0 B)"), "{stats}");
    assert!(stats.contains("runs: 2 (3 hits, 3 misses, 50% hit rate)"), "{stats}");
    assert!(stats.contains("s ago: 3 hits, 0 misses\n") && stats.contains("s ago: 0 hits, 3 misses\n"), "{stats}");

    let kept = typhon_cached(dir.path(), &["cache", "gc"], &[]);
    assert!(stdout(&kept).starts_with("removed 0 entries (0 B); "), "{}", stdout(&kept));
    assert_eq!(entry_count(&cache), n_entries);
    let emptied = typhon_cached(dir.path(), &["cache", "gc", "--max-size", "0 KiB"], &[]);
    assert!(stdout(&emptied).contains("; 0 entries (0 B) remain, limit 0 B"), "{}", stdout(&emptied));
    assert_eq!(entry_count(&cache), 0);
    let bad = typhon_cached(dir.path(), &["cache", "gc", "--max-size", "lots"], &[]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("`lots`"), "{}", stderr(&bad));

    typhon_cached(dir.path(), &["check"], &[]);
    assert!(entry_count(&cache) > 0);
    let cleared = typhon_cached(dir.path(), &["cache", "clear"], &[]);
    assert!(stdout(&cleared).starts_with(&format!("removed {n_entries} entries (")), "{}", stdout(&cleared));
    assert_eq!(entry_count(&cache), 0);
    let stats = stdout(&typhon_cached(dir.path(), &["cache", "stats", "."], &[]));
    assert!(stats.contains("entries: 0 (0 B;") && stats.contains("runs: 0 (0 hits, 0 misses)"), "{stats}");
    // The cache of a project is found from inside it, as `check` finds it.
    write(dir.path(), "pyproject.toml", "[tool.typhon]\n");
    write(dir.path(), "pkg/x.py", "z = 1\n");
    typhon_cached(dir.path(), &["check"], &[]);
    let from_inside = stdout(&typhon_cached(&dir.path().join("pkg"), &["cache", "stats"], &[]));
    assert!(from_inside.contains(&format!("entries: {} (", entry_count(&cache))), "{from_inside}");
}

#[test]
fn cache_why_explains_one_module_and_writes_nothing() {
    let dir = chain();
    let cache = dir.path().join(".typhon_cache");
    let uncached = typhon_cached(dir.path(), &["cache", "why", "hub"], &[]);
    assert_eq!(uncached.status.code(), Some(0), "{}", stderr(&uncached));
    assert!(stdout(&uncached).starts_with("hub: re-checked: not cached"), "{}", stdout(&uncached));
    assert!(!cache.exists());

    typhon_cached(dir.path(), &["check"], &[]);
    assert_eq!(stdout(&typhon_cached(dir.path(), &["cache", "why", "mid"], &[])), "mid: cached\n");

    write(dir.path(), "hub.py", "def f(x: int) -> str:\n    return str(x)\n");
    let before = snapshot(&cache);
    let hub = typhon_cached(dir.path(), &["cache", "why", "hub", "."], &[]);
    assert_eq!(stdout(&hub), "hub: re-checked: source changed\n");
    let mid = typhon_cached(dir.path(), &["cache", "why", "mid"], &[]);
    assert_eq!(stdout(&mid), "mid: re-checked: interface of hub changed\n");
    assert_eq!(snapshot(&cache), before, "`cache why` changed the cache");

    let missing = typhon_cached(dir.path(), &["cache", "why", "nosuch"], &[]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no module `nosuch`"), "{}", stderr(&missing));
}

#[test]
fn cache_verify_finds_a_damaged_entry_and_check_rebuilds_it() {
    let dir = chain();
    let cache = dir.path().join(".typhon_cache");
    typhon_cached(dir.path(), &["build"], &[]);
    let n_entries = entry_count(&cache);
    let clean = typhon_cached(dir.path(), &["cache", "verify"], &[]);
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(stdout(&clean), format!("{n_entries} entries valid, 0 damaged\n"));

    // Flip one byte in the middle of every entry: each one fails its checksum.
    for file in entry_files(&cache) {
        let mut bytes = std::fs::read(&file).unwrap_or_else(|error| panic!("{error}"));
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x5a;
        std::fs::write(&file, bytes).unwrap_or_else(|error| panic!("{error}"));
    }
    let damaged = typhon_cached(dir.path(), &["cache", "verify"], &[]);
    assert_eq!(damaged.status.code(), Some(1));
    let report = stdout(&damaged);
    assert_eq!(report.lines().filter(|line| line.starts_with("damaged: ")).count(), n_entries, "{report}");
    assert!(report.contains(&format!("0 entries valid, {n_entries} damaged")), "{report}");

    // The next check warns (always, without --explain), rebuilds, and succeeds.
    let check = typhon_cached(dir.path(), &["check"], &[]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert_eq!(stdout(&check), "Success: no issues found in 3 source files\n");
    assert!(stderr(&check).lines().all(|line| line.starts_with("warning: ")), "{}", stderr(&check));
    assert!(stderr(&check).contains("damaged"), "{}", stderr(&check));
    let warm = typhon_cached(dir.path(), &["check", "--explain"], &[]);
    assert_eq!(stderr(&warm), "3 modules: 3 cached, 0 re-checked, 0 re-compiled\n");
}

#[test]
fn cache_floor_counts_files_and_bytes_and_touches_no_cache() {
    let dir = chain();
    let output = typhon_cached(dir.path(), &["cache", "floor", "."], &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = HUB.len() + MID.len() + MAIN.len();
    assert_eq!(stdout(&output), format!("3 files, {bytes} bytes\n"));
    assert!(!dir.path().join(".typhon_cache").exists());
    let help = stdout(&typhon_cached(dir.path(), &["cache", "--help"], &[]));
    assert!(help.contains("verify") && !help.contains("floor"), "{help}");
}
