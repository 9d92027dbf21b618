//! Several `typhon` processes sharing one cache directory (DESIGN.md, "The cache": no
//! locks held across a build, no torn reads, last writer wins), and builds killed with
//! SIGKILL at random moments: the cache stays valid and every later result equals a
//! clean one.
//!
//! The project is generated here (no CPython needed): `m_<i>.py` for i < N, each
//! importing up to three earlier modules, and a `main.py` that prints every module's
//! value. A module's value is `(BASE_i + Σ values of its imports) % 1000003`, so the
//! expected output of any state of the project is computed in Rust, without a clean run.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;
use typhon_bytecode_cache::CacheDir;

const MODULUS: u64 = 1_000_003;

/// A deterministic pseudo-random sequence (xorshift64*): seeded delays and choices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }
}

/// The generated project: module `i` imports `deps[i]` and has the constant `bases[i]`;
/// `extras[i]` public functions were added to it by signature edits.
struct Project {
    dir: TempDir,
    deps: Vec<Vec<usize>>,
    bases: Vec<u64>,
    extras: Vec<usize>,
}

impl Project {
    fn new(n_modules: usize, seed: u64) -> Project {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let mut rng = Rng(seed);
        let deps = (0..n_modules)
            .map(|idx| {
                let mut deps: Vec<usize> = (0..rng.below(4).min(idx as u64))
                    .map(|_| {
                        // Biased towards low numbers: module 0 is a hub most modules import.
                        let pick = rng.below(idx as u64 * idx as u64);
                        (pick as f64).sqrt() as usize % idx.max(1)
                    })
                    .collect();
                if idx > 0 && idx % 3 == 0 && !deps.contains(&0) {
                    deps.push(0);
                }
                deps.sort_unstable();
                deps.dedup();
                deps
            })
            .collect();
        let bases = (0..n_modules).map(|idx| idx as u64 * 7 + 1).collect();
        let project = Project { dir, deps, bases, extras: vec![0; n_modules] };
        for idx in 0..n_modules {
            project.write_module(idx);
        }
        let mut main = String::new();
        for idx in 0..n_modules {
            let _ = writeln!(main, "from m_{idx} import value_{idx}");
        }
        main.push('\n');
        for idx in 0..n_modules {
            let _ = writeln!(main, "print({idx}, value_{idx}())");
        }
        fs::write(project.root().join("main.py"), main).expect("write main.py");
        project
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    fn write_module(&self, idx: usize) {
        let mut text = String::new();
        for dep in &self.deps[idx] {
            let _ = writeln!(text, "from m_{dep} import value_{dep}");
        }
        let _ = writeln!(text, "\nBASE_{idx}: int = {}\n\n", self.bases[idx]);
        let _ = writeln!(text, "def value_{idx}() -> int:");
        let mut sum = format!("BASE_{idx}");
        for dep in &self.deps[idx] {
            let _ = write!(sum, " + value_{dep}()");
        }
        let _ = writeln!(text, "    return ({sum}) % {MODULUS}");
        for extra in 0..self.extras[idx] {
            let _ = write!(text, "\n\ndef extra_{idx}_{extra}(x: int) -> int:\n    return x + {extra}\n");
        }
        fs::write(self.root().join(format!("m_{idx}.py")), text).expect("write a module");
    }

    /// A body edit: a new constant (the interface does not change).
    fn edit_body(&mut self, idx: usize, base: u64) {
        self.bases[idx] = base;
        self.write_module(idx);
    }

    /// A signature edit: one more public function (the interface changes).
    fn edit_signature(&mut self, idx: usize) {
        self.extras[idx] += 1;
        self.write_module(idx);
    }

    /// What `typhon run main.py` prints.
    fn expected_output(&self) -> String {
        let mut values: Vec<u64> = Vec::with_capacity(self.bases.len());
        let mut out = String::new();
        for idx in 0..self.bases.len() {
            let value = (self.bases[idx] + self.deps[idx].iter().map(|&dep| values[dep]).sum::<u64>()) % MODULUS;
            values.push(value);
            let _ = writeln!(out, "{idx} {value}");
        }
        out
    }
}

fn typhon(root: &Path, cache: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_typhon"));
    command
        .args(args)
        .current_dir(root)
        .env("TYPHON_CACHE_DIR", cache)
        .env_remove("TYPHON_NO_CACHE")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .env_remove("TYPHON_TIMINGS")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn spawn(root: &Path, cache: &Path, args: &[&str]) -> Child {
    typhon(root, cache, args).spawn().unwrap_or_else(|error| panic!("cannot start typhon: {error}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Asserts a process succeeded without a single warning (a torn or damaged read would
/// be reported as one).
fn assert_clean_success(output: &Output, what: &str) {
    assert!(
        output.status.success(),
        "{what} failed with {}\n--- stdout\n{}--- stderr\n{}",
        output.status,
        text(&output.stdout),
        text(&output.stderr)
    );
    assert!(!text(&output.stderr).contains("warning"), "{what} warned:\n{}", text(&output.stderr));
}

/// The cache holds only valid entries: every file of `entries/` validates.
fn assert_cache_valid(cache: &Path) -> u64 {
    let store = CacheDir::open(cache).expect("open the cache");
    let report = store.verify().expect("verify the cache");
    assert!(report.problems.is_empty(), "invalid entries: {:?}", report.problems);
    assert!(report.valid > 0, "the cache holds entries");
    report.valid
}

/// `typhon run main.py` with the cache: succeeds and prints what the project computes.
fn assert_run_right(project: &Project, cache: &Path, what: &str) {
    let output = typhon(project.root(), cache, &["run", "main.py"]).output().expect("run typhon");
    assert_clean_success(&output, what);
    assert_eq!(text(&output.stdout), project.expected_output(), "{what}: wrong program output");
}

fn concurrent_builds(n_processes: usize, n_rounds: usize, seed: u64) {
    let mut project = Project::new(60, seed);
    let cache_dir = tempfile::tempdir().expect("a temporary directory");
    let cache = cache_dir.path().join("cache");
    let mut rng = Rng(seed ^ 0x5eed);
    let clean = typhon(project.root(), &cache, &["build", "--no-cache"]).output().expect("run typhon");
    assert_clean_success(&clean, "a build without the cache");
    for round in 0..n_rounds {
        // Rewrite entries between rounds: a body edit (one module) or, every third
        // round, a signature edit of the hub (its importers too).
        if round > 0 {
            if round % 3 == 0 {
                project.edit_signature(0);
            } else {
                let idx = rng.below(project.bases.len() as u64) as usize;
                project.edit_body(idx, rng.below(MODULUS));
            }
        }
        let children: Vec<Child> = (0..n_processes)
            .map(|idx| {
                // Alternate builds and runs, so that readers of code entries race with
                // their writers too.
                let args: &[&str] = if idx % 2 == 0 { &["build"] } else { &["run", "main.py"] };
                spawn(project.root(), &cache, args)
            })
            .collect();
        let outputs: Vec<Output> =
            children.into_iter().map(|child| child.wait_with_output().expect("wait for typhon")).collect();
        for (idx, output) in outputs.iter().enumerate() {
            let what = format!("round {round}, process {idx}");
            assert_clean_success(output, &what);
            if idx % 2 == 0 {
                assert_eq!(text(&output.stdout), text(&clean.stdout), "{what}: build output");
            } else {
                assert_eq!(text(&output.stdout), project.expected_output(), "{what}: program output");
            }
        }
    }
    assert_cache_valid(&cache);
    let stats = CacheDir::open(&cache).expect("open the cache").stats().expect("statistics");
    assert_eq!(stats.temp_files, 0, "no process was killed, so no temporary file is left");
    // A last warm run is fully cached and right.
    let output = typhon(project.root(), &cache, &["run", "--explain", "main.py"]).output().expect("run typhon");
    assert_clean_success(&output, "the last run");
    assert_eq!(text(&output.stdout), project.expected_output());
}

#[test]
fn two_processes_share_a_cache() {
    concurrent_builds(2, 20, 2);
}

#[test]
fn eight_processes_share_a_cache() {
    concurrent_builds(8, 20, 8);
}

#[test]
fn a_build_killed_at_any_moment_leaves_a_usable_cache() {
    /// Trials until enough processes died mid-command, and the most there may be.
    const WANT_KILLED: usize = 25;
    const MIN_TRIALS: usize = 50;
    const MAX_TRIALS: usize = 400;
    let mut project = Project::new(60, 50);
    let cache_dir = tempfile::tempdir().expect("a temporary directory");
    let cache: PathBuf = cache_dir.path().join("cache");
    assert_clean_success(&typhon(project.root(), &cache, &["build"]).output().expect("run typhon"), "cold build");
    // How long a build after an edit of the hub takes here (the shortest of three): the
    // first guess of how long each kind of command lives.
    let span = (0..3)
        .map(|_| {
            project.edit_signature(0);
            let started = Instant::now();
            let output = typhon(project.root(), &cache, &["build"]).output().expect("run typhon");
            assert_clean_success(&output, "a build after an edit");
            started.elapsed()
        })
        .min()
        .unwrap_or_default();
    // The kills are spread over [0, 1.1 × lifetime] of the kind of command, and each
    // lifetime is learnt as the trials go: shorter when the process had already finished,
    // longer when it was killed. Whatever the machine's speed or load, about half of the
    // processes die while running, at every point of their work.
    let mut lifetime = [span.as_secs_f64(); 4];
    let mut rng = Rng(0x6b69_6c6c);
    let mut killed = 0;
    let mut trials = 0;
    while trials < MIN_TRIALS || killed < WANT_KILLED {
        assert!(trials < MAX_TRIALS, "only {killed} of {trials} commands were killed before they finished");
        let trial = trials;
        trials += 1;
        // Something to write: a signature edit of the hub (many modules) or a body edit.
        let signature = trial % 2 == 0;
        if signature {
            project.edit_signature(0);
        } else {
            let idx = rng.below(project.bases.len() as u64) as usize;
            project.edit_body(idx, rng.below(MODULUS));
        }
        let run = trial % 3 == 2;
        let args: &[&str] = if run { &["run", "main.py"] } else { &["build"] };
        let kind = usize::from(signature) * 2 + usize::from(run);
        let mut child = spawn(project.root(), &cache, args);
        // The delay is the thing under test (where the build is when it dies), not a
        // synchronisation: any moment must be safe.
        let delay = Duration::from_secs_f64(lifetime[kind] * 1.1 * rng.below(1 << 20) as f64 / (1 << 20) as f64);
        std::thread::sleep(delay);
        if child.try_wait().expect("poll typhon").is_none() {
            killed += 1;
            lifetime[kind] *= 1.15;
        } else {
            lifetime[kind] *= 0.8;
        }
        child.kill().expect("kill typhon");
        child.wait().expect("reap typhon");
        // Whatever the killed process left, the next commands succeed, warn about
        // nothing and are right.
        assert_cache_valid(&cache);
        let what = format!("trial {trial} (killed after {delay:?})");
        assert_clean_success(&typhon(project.root(), &cache, &["build"]).output().expect("run typhon"), &what);
        assert_run_right(&project, &cache, &what);
    }
    println!("{killed} of {trials} commands were killed while running");
}
