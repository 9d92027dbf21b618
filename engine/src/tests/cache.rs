//! The cache seen through the engine: what is reused, what is rebuilt and why, and that
//! every warm result equals the cold one.

use std::num::NonZeroUsize;
use std::path::Path;

use super::write;
use crate::{CacheConfig, CheckReport, DiskSources, Engine, EngineOptions, RunOutcome, RunSettings};

fn engine(cache_dir: &Path, threads: usize) -> Engine {
    let options = EngineOptions {
        threads: NonZeroUsize::new(threads),
        cache: Some(CacheConfig::new(cache_dir)),
        ..EngineOptions::default()
    };
    Engine::new(DiskSources, options)
}

/// The report's files as comparable text: path, status, every diagnostic.
fn rendered(report: &CheckReport) -> String {
    let mut out = String::new();
    for file in &report.files {
        out.push_str(&format!("{} {:?}\n", file.file.display_path, file.status));
        for diagnostic in &file.diagnostics {
            let text = typhon_diagnostics::render_human(
                std::slice::from_ref(diagnostic),
                &file.file.display_path,
                &file.source,
                typhon_diagnostics::ColorChoice::Never,
            );
            out.push_str(&text);
        }
    }
    out
}

/// `(module, what, reason)` of every explanation line, and the summary.
fn explained(report: &CheckReport) -> (Vec<String>, String) {
    let cache = report.cache.as_ref().expect("a cache report");
    (cache.lines.iter().map(ToString::to_string).collect(), cache.summary())
}

fn project(root: &Path) {
    write(root, "hub.py", "def f(x: int) -> int:\n    return x + 1\n");
    write(root, "mid.py", "import hub\n\n\ndef g(x: int) -> int:\n    return hub.f(x) * 2\n");
    write(root, "main.py", "from mid import g\n\nprint(g(20))\n");
    write(root, "bad.py", "x: int = 'no'\n");
}

#[test]
fn a_warm_check_reuses_everything_and_reports_the_same() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path().join("proj");
    project(&root);
    let cache = dir.path().join("cache");
    for threads in [1, 2] {
        let _ = std::fs::remove_dir_all(&cache);
        let cold = engine(&cache, threads).check(&[&root]).expect("cold check");
        assert_eq!(explained(&cold).1, "4 modules: 0 cached, 4 re-checked, 0 re-compiled");
        let warm = engine(&cache, threads).check(&[&root]).expect("warm check");
        assert_eq!(explained(&warm), (vec![], "4 modules: 4 cached, 0 re-checked, 0 re-compiled".to_owned()));
        assert_eq!(rendered(&cold), rendered(&warm));
        assert!(rendered(&warm).contains("assignment") || rendered(&warm).contains("Incompatible"));
    }
}

#[test]
fn a_body_edit_rechecks_one_module_and_a_signature_edit_its_importers() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path().join("proj");
    project(&root);
    let cache = dir.path().join("cache");
    engine(&cache, 1).check(&[&root]).expect("cold check");

    write(&root, "hub.py", "def f(x: int) -> int:\n    return x + 2\n");
    let warm = engine(&cache, 1).check(&[&root]).expect("check after a body edit");
    assert_eq!(
        explained(&warm),
        (
            vec!["hub: re-checked: source changed".to_owned()],
            "4 modules: 3 cached, 1 re-checked, 0 re-compiled".to_owned()
        )
    );

    write(&root, "hub.py", "def f(x: int, y: int = 0) -> int:\n    return x + y\n");
    let warm = engine(&cache, 1).check(&[&root]).expect("check after a signature edit");
    assert_eq!(
        explained(&warm).0,
        vec!["hub: re-checked: source changed".to_owned(), "mid: re-checked: interface of hub changed".to_owned()]
    );
    let cold = engine(&dir.path().join("other"), 1).check(&[&root]).expect("a clean check");
    assert_eq!(rendered(&cold), rendered(&warm));

    // A re-exported name carries the change on: `mid`'s interface changes too.
    write(&root, "mid.py", "from hub import f\n\n\ndef g(x: int) -> int:\n    return f(x) * 2\n");
    engine(&cache, 1).check(&[&root]).expect("check after the re-export");
    write(&root, "hub.py", "def f(x: int, y: int = 1, z: int = 0) -> int:\n    return x + y + z\n");
    let warm = engine(&cache, 1).check(&[&root]).expect("check after a re-exported signature edit");
    assert_eq!(
        explained(&warm).0,
        vec![
            "hub: re-checked: source changed".to_owned(),
            "main: re-checked: interface of mid changed".to_owned(),
            "mid: re-checked: interface of hub changed".to_owned()
        ]
    );
}

#[test]
fn a_warm_run_takes_the_bytecode_from_the_cache() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path().join("proj");
    project(&root);
    let cache = dir.path().join("cache");
    let mut outputs = Vec::new();
    let mut summaries = Vec::new();
    for _ in 0..3 {
        let mut engine = engine(&cache, 2);
        let ready = match engine.prepare(&root.join("main.py")).expect("prepare") {
            crate::Prepared::Ready(ready) => ready,
            crate::Prepared::Rejected(report) => panic!("rejected: {}", rendered(&report)),
        };
        summaries.push(ready.cache_report().expect("a cache report").summary());
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let outcome = ready.run(&RunSettings::default(), &mut stdout, &mut stderr);
        assert!(matches!(outcome, RunOutcome::Exited(0)), "{outcome:?} {}", String::from_utf8_lossy(&stderr));
        outputs.push(String::from_utf8_lossy(&stdout).into_owned());
    }
    assert_eq!(outputs, vec!["42\n"; 3]);
    assert_eq!(
        summaries,
        vec![
            "3 modules: 0 cached, 3 re-checked, 3 re-compiled",
            "3 modules: 3 cached, 0 re-checked, 0 re-compiled",
            "3 modules: 3 cached, 0 re-checked, 0 re-compiled"
        ]
    );
}

#[test]
fn build_fills_the_cache_for_runs_and_check_alone_does_not() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path().join("proj");
    project(&root);
    std::fs::remove_file(root.join("bad.py")).expect("removing bad.py");
    let cache = dir.path().join("cache");
    let prepared_summary = |explain: bool| {
        let mut engine = engine(&cache, 1);
        match engine.prepare(&root.join("main.py")).expect("prepare") {
            crate::Prepared::Ready(ready) => {
                let report = ready.cache_report().expect("a cache report");
                if explain {
                    report.lines.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
                } else {
                    report.summary()
                }
            }
            crate::Prepared::Rejected(report) => panic!("rejected: {}", rendered(&report)),
        }
    };
    engine(&cache, 1).check(&[&root]).expect("check");
    // `check` wrote no bytecode: the run compiles everything, re-checking for the IR.
    assert_eq!(
        prepared_summary(true),
        "hub: re-checked, re-compiled: bytecode not cached\n\
         main: re-checked, re-compiled: bytecode not cached\n\
         mid: re-checked, re-compiled: bytecode not cached"
    );
    std::fs::remove_dir_all(&cache).expect("removing the cache");
    let built = engine(&cache, 2).build(&[&root]).expect("build");
    assert_eq!(
        built.cache.as_deref().map(crate::CacheReport::summary).as_deref(),
        Some("3 modules: 0 cached, 3 re-checked, 3 re-compiled")
    );
    assert_eq!(prepared_summary(false), "3 modules: 3 cached, 0 re-checked, 0 re-compiled");
    let rebuilt = engine(&cache, 2).build(&[&root]).expect("build again");
    assert_eq!(
        rebuilt.cache.as_deref().map(crate::CacheReport::summary).as_deref(),
        Some("3 modules: 3 cached, 0 re-checked, 0 re-compiled")
    );
}

/// An entry that validates but whose interface does not decode (which no build of this
/// compiler writes) makes the command start again without reading the cache: the report
/// is a clean build's, with one warning.
#[test]
fn an_interface_that_does_not_decode_rebuilds_without_the_cache() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let root = dir.path().join("proj");
    project(&root);
    let cache = dir.path().join("cache");
    engine(&cache, 1).check(&[&root]).expect("cold check");

    // Replace the interface section of `hub`'s meta entry (two sections, its record names
    // hub.py) by bytes that are no interface, through the store: the entry stays valid.
    let store = typhon_bytecode_cache::CacheDir::open(&cache).expect("open the cache");
    let hub_path = root.join("hub.py").display().to_string();
    let mut replaced = 0;
    for shard in std::fs::read_dir(cache.join("entries")).expect("list entries") {
        let shard = shard.expect("a shard").path();
        let prefix = shard.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
        for file in std::fs::read_dir(&shard).expect("list a shard") {
            let name = file.expect("an entry").file_name().to_string_lossy().into_owned();
            let Some(slot) = name
                .strip_suffix(".tyc")
                .and_then(|rest| typhon_bytecode_cache::SlotKey::from_hex(&format!("{prefix}{rest}")))
            else {
                continue;
            };
            let Ok(Some(entry)) = store.get(&slot) else { continue };
            let record = entry.section(0).unwrap_or_default().to_vec();
            let names_hub = record.windows(hub_path.len()).any(|window| window == hub_path.as_bytes());
            if entry.section_count() == 2 && names_hub {
                store.put(&slot, &[&record, &[0xff; 7]]).expect("rewrite the entry");
                replaced += 1;
            }
        }
    }
    assert_eq!(replaced, 1, "one meta entry of hub");

    // `mid` changes, so it is checked against `hub`'s interface, which must be decoded.
    write(&root, "mid.py", "import hub\n\n\ndef g(x: int) -> int:\n    return hub.f(x) * 3\n");
    let warm = engine(&cache, 1).check(&[&root]).expect("check");
    let cache_report = warm.cache.as_ref().expect("a cache report");
    assert_eq!(cache_report.warnings.len(), 1, "{:?}", cache_report.warnings);
    assert!(cache_report.warnings[0].contains("could not be decoded"), "{:?}", cache_report.warnings);
    assert_eq!(cache_report.summary(), "4 modules: 0 cached, 4 re-checked, 0 re-compiled");
    let clean = engine(&dir.path().join("clean"), 1).check(&[&root]).expect("a clean check");
    assert_eq!(rendered(&warm), rendered(&clean));
    // The rebuild rewrote the entry: the next check reuses everything.
    let again = engine(&cache, 1).check(&[&root]).expect("check again");
    assert_eq!(explained(&again).1, "4 modules: 4 cached, 0 re-checked, 0 re-compiled");
}
