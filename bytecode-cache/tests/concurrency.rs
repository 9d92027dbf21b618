//! Sharing one cache directory: threads, processes, and writers killed with SIGKILL.
//!
//! Child processes are this test binary itself, started with `--exact child_process_helper`
//! and an environment variable naming their role; run normally, that test does nothing.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{check_self_describing, scratch_cache, self_describing, slot, test_options};
use typhon_bytecode_cache::{CacheDir, CacheOptions};

const ROLE_VAR: &str = "TYPHON_CACHE_TEST_ROLE";
const DIR_VAR: &str = "TYPHON_CACHE_TEST_DIR";
const ID_VAR: &str = "TYPHON_CACHE_TEST_ID";
const SLOTS: u64 = 4;
const ROUNDS: u64 = 20;

/// One writer's work: every round writes every slot, then reads every slot back. Reads may
/// see any writer's entry (last writer wins) but must always see a whole, valid one.
fn hammer(cache: &CacheDir, writer: u64) {
    for round in 0..ROUNDS {
        for idx in 0..SLOTS {
            let (label, body) = self_describing(writer, round * SLOTS + idx);
            cache.put(&slot(idx), &[&label, &body]).expect("put");
        }
        for idx in 0..SLOTS {
            let entry = cache.get(&slot(idx)).expect("every read is valid").expect("written before");
            check_self_describing(&entry);
        }
    }
}

fn assert_directory_valid(cache: &CacheDir) {
    let report = cache.verify().expect("verify");
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.valid, SLOTS);
    for idx in 0..SLOTS {
        check_self_describing(&cache.get(&slot(idx)).expect("valid").expect("present"));
    }
    assert_eq!(cache.stats().expect("stats").temp_files, 0, "no temp file left by a finished writer");
}

#[test]
fn eight_threads_share_a_directory() {
    let (dir, cache) = scratch_cache(test_options());
    std::thread::scope(|scope| {
        for writer in 0..8 {
            let root = dir.path().join("cache");
            scope.spawn(move || {
                // Each thread opens its own handle, as separate engines would.
                let cache = CacheDir::open_with(root, test_options()).expect("open");
                hammer(&cache, writer);
            });
        }
    });
    assert_directory_valid(&cache);
}

/// Starts this test binary as a child process in `role`.
fn spawn_child(role: &str, dir: &Path, id: u64) -> std::process::Child {
    let exe = std::env::current_exe().expect("the test binary's path");
    Command::new(exe)
        .args(["--exact", "child_process_helper", "--nocapture", "--test-threads", "1", "--quiet"])
        .env(ROLE_VAR, role)
        .env(DIR_VAR, dir)
        .env(ID_VAR, id.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn the test binary")
}

#[test]
fn eight_processes_share_a_directory() {
    let (dir, cache) = scratch_cache(test_options());
    let root = dir.path().join("cache");
    let children: Vec<_> = (0..8).map(|id| spawn_child("hammer", &root, id)).collect();
    for child in children {
        let output = child.wait_with_output().expect("wait for the child");
        assert!(output.status.success(), "child failed: {}", String::from_utf8_lossy(&output.stdout));
        assert!(String::from_utf8_lossy(&output.stdout).contains("hammer done"), "the child really ran");
    }
    assert_directory_valid(&cache);
}

/// A large entry, written in many chunks, so that kills often land mid-write.
fn big_sections(round: u64) -> (Vec<u8>, Vec<u8>) {
    let len = 4 << 20;
    let label = format!("killed writer round {round} len {len}").into_bytes();
    let body = common::expand(&label, len);
    (label, body)
}

#[test]
fn writers_killed_mid_write_leave_the_cache_correct() {
    let (dir, _cache) = scratch_cache(test_options());
    let root = dir.path().join("cache");
    let mut trials_with_leftover_temps = 0;
    let mut leftover_temps = 0;
    // Where a kill lands is up to the scheduler: trials go on until enough kills landed
    // inside a write (a temporary file left behind), within a bound.
    let mut trial = 0u64;
    while trial < 30 || (trials_with_leftover_temps < 5 && trial < 300) {
        trial += 1;
        let mut child = spawn_child("killme", &root, trial);
        let stdout = child.stdout.take().expect("piped stdout");
        let mut stdin = child.stdin.take().expect("piped stdin");
        let mut lines = BufReader::new(stdout).lines();
        // Kill during the k-th write, after a varying busy-wait, so that the kill lands
        // at different points of it. The child announces each write and waits for a go
        // before starting it: the pipes, not the clock, put the kill inside the write.
        let target = 1 + trial % 3;
        let mut seen = 0;
        while seen < target {
            match lines.next() {
                Some(Ok(line)) if line == "writing" => {
                    seen += 1;
                    writeln!(stdin, "go").expect("let the child write");
                    stdin.flush().expect("flush");
                }
                Some(Ok(_)) => {}
                _ => panic!("the child stopped before writing"),
            }
        }
        // The child needs a moment to wake up and start; a write takes milliseconds.
        let jitter = Duration::from_micros(300 + trial * 67 % 2000);
        let start = Instant::now();
        while start.elapsed() < jitter {
            std::hint::spin_loop();
        }
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");

        // A fresh handle, as the next process would open it.
        let cache = CacheDir::open_with(&root, test_options()).expect("open");
        match cache.get(&slot(0)) {
            Ok(Some(entry)) => check_self_describing(&entry),
            Ok(None) => {}
            Err(err) => panic!("trial {trial}: a killed writer damaged the entry: {err}"),
        }
        let report = cache.verify().expect("verify");
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let stats = cache.stats().expect("stats");
        if stats.temp_files > leftover_temps {
            trials_with_leftover_temps += 1;
        }
        leftover_temps = stats.temp_files;
    }
    eprintln!("{trials_with_leftover_temps} of {trial} kills left a temporary file behind");
    // A kill inside a write leaves its temporary file: at least one must have landed
    // there, or this test did not test what it claims.
    assert!(trials_with_leftover_temps > 0);
    // A live writer's temp file is protected by the grace period; these are stale.
    let collector =
        CacheDir::open_with(&root, CacheOptions { temp_grace: Duration::ZERO, ..test_options() }).expect("open");
    collector.gc(u64::MAX).expect("gc");
    assert_eq!(collector.stats().expect("stats").temp_files, 0);
    match collector.get(&slot(0)) {
        Ok(Some(entry)) => check_self_describing(&entry),
        Ok(None) => {}
        Err(err) => panic!("after gc: {err}"),
    }
}

/// The child side of the process tests; does nothing unless started by them.
#[test]
fn child_process_helper() {
    let (Ok(role), Some(dir), Ok(id)) = (std::env::var(ROLE_VAR), std::env::var_os(DIR_VAR), std::env::var(ID_VAR))
    else {
        return;
    };
    let id: u64 = id.parse().expect("numeric id");
    let cache = CacheDir::open_with(dir, test_options()).expect("open");
    let mut stdout = std::io::stdout();
    match role.as_str() {
        "hammer" => {
            hammer(&cache, 100 + id);
            writeln!(stdout, "hammer done").expect("report");
        }
        "killme" => {
            // Writes until killed; the parent never lets this loop end.
            for round in 0.. {
                let (label, body) = big_sections(id * 1000 + round);
                writeln!(stdout, "writing").expect("announce");
                stdout.flush().expect("flush");
                let mut go = String::new();
                if std::io::stdin().read_line(&mut go).unwrap_or(0) == 0 {
                    return;
                }
                cache.put(&slot(0), &[&label, &body]).expect("put");
            }
        }
        other => panic!("unknown role {other}"),
    }
}
