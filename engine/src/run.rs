//! The run path behind `typhon run`: find a program's entry, check every module it can
//! import (phase 1), compile them (phase 2) in parallel, serialise each to its archived
//! bytes, link them and run the entry as `__main__`.
//!
//! Only the modules reachable from the entry are checked and compiled, as CPython only
//! ever imports those: a script in a folder of unrelated scripts pays for itself alone,
//! and an unrelated broken file beside it does not stop it. Which reachable module runs
//! when is the VM's business (each is initialised by the first import that executes).

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use typhon_vm::{FUEL_EXHAUSTED, LoadedModule, Program, SourceFiles};

use crate::cache::{
    CacheReport, CachedEntry, CodeBytes, CodePack, SnapshotBasis, SnapshotKey, SnapshotKind, add_snapshot_warnings,
    damaged_warning,
};
use crate::check::SourceFile;
use crate::engine::Written;
use crate::project::is_module_name;
use crate::sources::normalize_path;
use crate::{CheckReport, Engine, EngineError, FileReport, ModuleInfo, SourceProvider};

/// The file a directory program starts from, as in the conformance corpus.
const DIRECTORY_ENTRY: &str = "main.py";

/// The module name of an entry whose file name is not one (`my-script.py`): the name
/// CPython gives every entry anyway.
const MAIN_MODULE: &str = "__main__";

/// What a run is given besides the program itself.
#[derive(Clone, Debug, Default)]
pub struct RunSettings {
    /// `sys.argv`: the program's path as the user wrote it, then its arguments (CPython's
    /// `argv[0]` is the script path as given). Empty means the path handed to
    /// [`Engine::run`] and no arguments.
    pub argv: Vec<String>,
    /// The instruction budget (backward jumps and calls); `None` is unbounded. A program
    /// that spends it stops with [`RunOutcome::OutOfFuel`].
    pub fuel: Option<u64>,
}

/// How a run ended, when the engine could carry it out.
#[derive(Debug)]
pub enum RunOutcome {
    /// A module the program needs has errors (front end or phase 1): nothing ran. The
    /// report is what `check` shows for the entry and every module it imports.
    Rejected(CheckReport),
    /// The program ran: its exit status (0; 1 after an uncaught exception, whose
    /// traceback went to the error stream; `n` after `sys.exit(n)`).
    Exited(i32),
    /// The program spent its [`RunSettings::fuel`] and was stopped (the VM's message went
    /// to the error stream). A host decision, not the program's status.
    OutOfFuel,
}

/// Why a program could not be run at all. Errors in the program are not among these:
/// they are diagnostics ([`RunOutcome::Rejected`]) or the program's own exit status.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The path does not exist or cannot be read.
    #[error(transparent)]
    Engine(#[from] EngineError),

    #[error("cannot run `{}`: it is a directory without a `{DIRECTORY_ENTRY}`", dir.display())]
    NoEntry { dir: PathBuf },

    /// Phase 2 refused a module that phase 1 accepted: a gap in the compiler.
    #[error("cannot compile module `{module}`: {message}")]
    Compile { module: String, message: String },

    /// The bytecode of a module could not be serialised.
    #[error("cannot serialise the bytecode of module `{module}`: {message}")]
    Serialise { module: String, message: String },

    /// The VM's linker refused the compiled modules: a gap between compiler and VM.
    #[error("cannot link the program: {message}")]
    Link { message: String },
}

impl Engine {
    /// Runs the program at `path`: a Python file (its directory is the source root), or a
    /// directory (the root) holding a `main.py`. The entry and every module it imports,
    /// directly or not, are checked; with any error nothing runs and the report comes
    /// back. Otherwise every module is compiled, linked, and the entry runs as `__main__`
    /// with `settings.argv` as `sys.argv`, writing to `stdout` and (tracebacks) `stderr`.
    ///
    /// `stdout` is written in large pieces but not flushed: a caller that buffers it
    /// flushes it afterwards.
    pub fn run(
        &mut self,
        path: &Path,
        settings: &RunSettings,
        stdout: &mut (dyn Write + Send),
        stderr: &mut (dyn Write + Send),
    ) -> Result<RunOutcome, RunError> {
        match self.prepare(path)? {
            Prepared::Rejected(report) => Ok(RunOutcome::Rejected(report)),
            Prepared::Ready(program) => Ok(program.run(settings, stdout, stderr)),
        }
    }

    /// The first half of [`Engine::run`]: checks the program at `path` and, when it has
    /// no errors, compiles (or takes from the cache) and links its modules, ready to run.
    /// A host that prints the cache's explanation before the program runs calls this,
    /// then [`ReadyProgram::run`].
    pub fn prepare(&mut self, path: &Path) -> Result<Prepared, RunError> {
        let (entry, root) = self.entry_of(path)?;
        let main = entry.name.clone();
        let mut snapshot_warnings = Vec::new();
        let snapshot_key = self.cache.as_ref().and_then(|cache| {
            cache.snapshot_key(self.sources(), SnapshotKind::Run, &[entry.file.path.as_path(), root.as_path()])
        });
        if let (Some(cache), Some(key)) = (&self.cache, &snapshot_key) {
            match cache.snapshot(self.sources(), key) {
                Ok(Some(snapshot)) if snapshot.names(std::slice::from_ref(&entry)) => {
                    if let Some(program) = snapshot.program().and_then(|modules| self.link_verified(modules)) {
                        let n_modules = snapshot.n_modules();
                        cache.record_run(n_modules as u64, 0);
                        self.project = None;
                        let report = CacheReport {
                            n_modules,
                            n_cached: n_modules,
                            from_snapshot: true,
                            ..CacheReport::default()
                        };
                        let path = path.to_path_buf();
                        let files = self.source_files();
                        return Ok(Prepared::Ready(ReadyProgram { program, main, path, cache: Some(report), files }));
                    }
                    snapshot_warnings.push(damaged_warning("its bytecode does not verify"));
                }
                Ok(_) => {}
                Err(warning) => snapshot_warnings.push(warning),
            }
        }
        let (mut report, written, hits) = self.check_module_table(vec![entry], &[root]);
        if let Some(cache_report) = &mut report.cache {
            add_snapshot_warnings(&mut cache_report.warnings, snapshot_warnings);
        }
        if report.has_errors() {
            return Ok(Prepared::Rejected(report));
        }
        let snapshot = snapshot_key.as_ref().zip(written.basis.as_ref());
        let (program, cache) = self.compile_and_link(report, &written, &hits, snapshot)?;
        let files = self.source_files();
        Ok(Prepared::Ready(ReadyProgram { program, main, path: path.to_path_buf(), cache, files }))
    }

    /// Where the tracebacks of a prepared program read their source lines.
    fn source_files(&self) -> Arc<ProviderFiles> {
        Arc::new(ProviderFiles(self.shared_sources()))
    }

    /// The path a module's code carries for tracebacks: absolute, as CPython prints it
    /// (the directory of the script it runs is absolute on `sys.path`).
    fn code_path(&self, file: &SourceFile) -> String {
        self.sources().absolute(&file.path).display().to_string()
    }

    /// Links modules that all validate and verify (checked on all threads); `None` if one
    /// does not, or the link fails.
    fn link_verified(&self, modules: Vec<LoadedModule>) -> Option<Program> {
        let verified = self.map_on_pool(&modules, LoadedModule::check);
        if !verified.iter().all(|ok| *ok) {
            return None;
        }
        Program::link(modules).ok()
    }

    /// The entry module of the program at `path` and the directory its imports are
    /// looked for in. The entry is named after its file, as the module it would be if
    /// imported; the VM still runs it as `__main__`.
    fn entry_of(&self, path: &Path) -> Result<(ModuleInfo, PathBuf), RunError> {
        let sources = self.sources();
        let requested = path;
        let path = normalize_path(path);
        let (file, name) = if sources.is_file(&path) {
            let stem = path.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
            // A dotted stem (`a.b.py`) would read as a submodule: such an entry only
            // gets the name every entry has at run time.
            let name = if is_module_name(&stem) && !stem.contains('.') { stem } else { MAIN_MODULE.to_owned() };
            (path, name)
        } else {
            let file = path.join(DIRECTORY_ENTRY);
            if !sources.is_file(&file) {
                // Tells a missing path (an engine error) from a directory without an entry.
                sources.find_sources(requested)?;
                return Err(RunError::NoEntry { dir: requested.to_path_buf() });
            }
            (file, "main".to_owned())
        };
        // `python3 dir/prog.py` puts `dir` first on `sys.path`, whatever `__init__.py`
        // files lie around it: module names start below the entry's own directory.
        let root = file.parent().map_or_else(PathBuf::new, Path::to_path_buf);
        let entry = ModuleInfo { name, is_package: false, file: SourceFile::new(file), followed: false };
        Ok((entry, root))
    }

    /// Phase 2 of every module of an error-free report that the cache did not hold the
    /// bytecode of (in parallel on the engine's threads; the bytecode goes into the
    /// cache), then the link of those and the cached ones, mapped in place. The report
    /// (and its IR) is dropped before the program runs.
    fn compile_and_link(
        &self,
        report: CheckReport,
        written: &Written,
        hits: &HashMap<String, Arc<CachedEntry>>,
        snapshot: Option<(&SnapshotKey, &SnapshotBasis)>,
    ) -> Result<(Program, Option<CacheReport>), RunError> {
        let n_warnings = report.cache.as_ref().map_or(0, |cache| cache.warnings.len());
        let (modules, mut cache_report) = self.compile_all(&report, written, hits)?;
        drop(report);
        // Validation and verification of every module, on all threads; the link finds
        // them done (and reports the first failure itself).
        let verified = self.map_on_pool(&modules, LoadedModule::check);
        // The snapshot is packed before the link takes the modules, and written once the
        // link succeeded, with every module verified and every code entry written (a
        // repetition would be served whole).
        let pack = (snapshot.is_some()
            && verified.iter().all(|ok| *ok)
            && cache_report.as_ref().is_some_and(|report| report.warnings.len() == n_warnings))
        .then(|| CodePack::of(modules.iter().map(|module| (module.path(), module.bytes()))));
        let program = Program::link(modules).map_err(|error| RunError::Link { message: error.to_string() })?;
        if let (Some(cache), Some((key, basis)), Some(cache_report), Some(pack)) =
            (&self.cache, snapshot, &mut cache_report, pack)
        {
            cache_report.warnings.extend(cache.write_run_snapshot(self.sources(), key, basis, pack));
        }
        Ok((program, cache_report))
    }

    /// Checks and compiles every module of the project named by `paths` into the cache
    /// (`typhon build`, like Python's `compileall`): afterwards a run of any program of
    /// the project finds all its bytecode cached. Modules with errors are cached too
    /// (their diagnostics), without bytecode. The report is `check`'s, with what the
    /// cache did (re-compiled modules included).
    pub fn build<P: AsRef<Path>>(&mut self, paths: &[P]) -> Result<CheckReport, RunError> {
        let started = std::time::Instant::now();
        let (modules, tops) = self.module_table(paths)?;
        let discover = started.elapsed();
        let keep_ir = std::mem::replace(&mut self.options.keep_ir, true);
        let (mut report, project, written, hits) = self.check_cached(modules, &tops, true);
        self.options.keep_ir = keep_ir;
        self.project = Some(project);
        report.timings.discover = discover;
        let (_, cache_report) = self.compile_all(&report, &written, &hits)?;
        report.cache = cache_report.map(Box::new);
        if !keep_ir {
            for file in &mut report.files {
                file.ir = None;
            }
        }
        Ok(report)
    }

    /// Phase 2 of every module of `report` that has IR (the bytecode goes into the
    /// cache), and the cached bytecode of the others: the modules to link, and the cache
    /// report completed with the re-compiled modules.
    fn compile_all(
        &self,
        report: &CheckReport,
        written: &Written,
        hits: &HashMap<String, Arc<CachedEntry>>,
    ) -> Result<(Vec<LoadedModule>, Option<CacheReport>), RunError> {
        let cache = self.cache.as_ref();
        let sources = self.sources();
        let project = self.project();
        let compiled =
            self.map_on_pool(&report.files, |file| -> Result<(Option<LoadedModule>, bool, Option<String>), RunError> {
                if file.ir.is_none()
                    && let Some(entry) = hits.get(&file.module)
                    && entry.is_code()
                {
                    let bytes = Arc::new(CodeBytes(entry.clone()));
                    return Ok((Some(LoadedModule::from_shared(bytes, self.code_path(&file.file))), false, None));
                }
                let Some(bytes) = compile(file)? else { return Ok((None, false, None)) };
                let mut warning = None;
                if let (Some(cache), Some(parts), Some(info)) =
                    (cache, written.parts.get(&file.module), project.and_then(|project| project.module(&file.module)))
                {
                    warning = cache.write_code(sources, info, parts, &bytes).err();
                }
                let path = self.code_path(&file.file);
                Ok((Some(LoadedModule::from_aligned(bytes, path)), true, warning))
            });
        let mut modules = Vec::with_capacity(compiled.len());
        let mut cache_report = report.cache.as_deref().cloned();
        for (file, result) in report.files.iter().zip(compiled) {
            let (module, recompiled, warning) = result?;
            modules.extend(module);
            if let Some(cache_report) = &mut cache_report {
                cache_report.warnings.extend(warning);
                if recompiled {
                    cache_report.n_recompiled += 1;
                    match cache_report.lines.iter_mut().find(|line| line.module == file.module) {
                        Some(line) => line.recompiled = true,
                        None => {
                            // Compiled though reused: cannot happen (a reused entry without
                            // bytecode is a miss on the run path); explained all the same.
                            cache_report.lines.push(crate::ExplainLine {
                                module: file.module.clone(),
                                file: file.file.display_path.clone(),
                                rechecked: false,
                                recompiled: true,
                                reason: crate::MissReason::BytecodeNotCached,
                            });
                        }
                    }
                }
            }
        }
        Ok((modules, cache_report))
    }
}

/// A program checked and linked by [`Engine::prepare`], or the report of why it was not.
#[derive(Debug)]
pub enum Prepared {
    /// A module the program needs has errors: see [`RunOutcome::Rejected`].
    Rejected(CheckReport),
    Ready(ReadyProgram),
}

/// A linked program, ready to run.
pub struct ReadyProgram {
    program: Program,
    main: String,
    path: PathBuf,
    cache: Option<CacheReport>,
    files: Arc<ProviderFiles>,
}

/// The source files of tracebacks, read through the engine's provider when an uncaught
/// exception is reported (as CPython reads them then: the file as it is at that moment).
struct ProviderFiles(Arc<dyn SourceProvider>);

impl std::fmt::Debug for ProviderFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProviderFiles")
    }
}

impl SourceFiles for ProviderFiles {
    fn text(&self, path: &str) -> Option<String> {
        let bytes = self.0.read(Path::new(path)).ok()?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    }
}

impl std::fmt::Debug for ReadyProgram {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadyProgram").field("main", &self.main).field("path", &self.path).finish_non_exhaustive()
    }
}

impl ReadyProgram {
    /// What the cache did while preparing the program (with a cache).
    pub fn cache_report(&self) -> Option<&CacheReport> {
        self.cache.as_ref()
    }

    /// Runs the program: see [`Engine::run`].
    pub fn run(
        &self,
        settings: &RunSettings,
        stdout: &mut (dyn Write + Send),
        stderr: &mut (dyn Write + Send),
    ) -> RunOutcome {
        let argv = if settings.argv.is_empty() { vec![self.path.display().to_string()] } else { settings.argv.clone() };
        let source_files: Arc<dyn SourceFiles> = self.files.clone();
        let options = typhon_vm::RunOptions {
            argv,
            fuel: settings.fuel,
            source_files: Some(source_files),
            ..typhon_vm::RunOptions::default()
        };
        let status = self.program.run(&self.main, &options, stdout, stderr);
        // Without a budget the VM never stops for fuel, so 125 is then the program's own
        // `sys.exit(125)`; with one, the two cannot be told apart and fuel is the likely cause.
        if settings.fuel.is_some() && status == FUEL_EXHAUSTED {
            return RunOutcome::OutOfFuel;
        }
        RunOutcome::Exited(status)
    }
}

/// The archived bytecode of one checked module; `None` for a module without IR, which
/// only a report with errors has.
fn compile(file: &FileReport) -> Result<Option<typhon_vm::bytecode::AlignedVec<16>>, RunError> {
    let Some(ir) = &file.ir else { return Ok(None) };
    let module = typhon_compiler::compile_module(ir, &file.source)
        .map_err(|error| RunError::Compile { module: file.module.clone(), message: error.to_string() })?;
    let bytes = typhon_vm::bytecode::to_bytes(&module)
        .map_err(|error| RunError::Serialise { module: file.module.clone(), message: error.to_string() })?;
    Ok(Some(bytes))
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroUsize;

    use super::*;
    use crate::{EngineOptions, MemorySources};

    /// Runs `path` of `sources` on one thread; returns the outcome, stdout and stderr.
    fn run(sources: MemorySources, path: &str, argv: &[&str]) -> (Result<RunOutcome, RunError>, String, String) {
        let mut engine =
            Engine::new(sources, EngineOptions { threads: NonZeroUsize::new(1), ..EngineOptions::default() });
        let settings = RunSettings { argv: argv.iter().map(|arg| (*arg).to_owned()).collect(), fuel: None };
        let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
        let outcome = engine.run(Path::new(path), &settings, &mut stdout, &mut stderr);
        (outcome, String::from_utf8_lossy(&stdout).into_owned(), String::from_utf8_lossy(&stderr).into_owned())
    }

    fn status(outcome: &Result<RunOutcome, RunError>) -> Option<i32> {
        match outcome {
            Ok(RunOutcome::Exited(status)) => Some(*status),
            _ => None,
        }
    }

    #[test]
    fn the_entry_runs_as_main_and_its_imports_under_their_names() {
        let sources = MemorySources::new()
            .with_file(
                "app/main.py",
                "import sys\nfrom tools import helper\n\nprint(__name__, helper.NAME, sys.argv)\n",
            )
            .with_file("app/tools/helper.py", "NAME: str = __name__\n");
        let (outcome, stdout, stderr) = run(sources, "app", &["app", "-v"]);
        assert_eq!(status(&outcome), Some(0), "{outcome:?} {stderr}");
        assert_eq!(stdout, "__main__ tools.helper ['app', '-v']\n");
    }

    #[test]
    fn an_empty_argv_means_the_path_alone() {
        let sources = MemorySources::new().with_file("dir/prog.py", "import sys\nprint(sys.argv)\nsys.exit(4)\n");
        let (outcome, stdout, _) = run(sources, "dir/prog.py", &[]);
        assert_eq!(status(&outcome), Some(4));
        assert_eq!(stdout, "['dir/prog.py']\n");
    }

    #[test]
    fn only_modules_reachable_from_the_entry_are_checked() {
        let sources = MemorySources::new()
            .with_file("prog.py", "print('ok')\n")
            .with_file("other.py", "x: int = 'not checked'\n");
        let (outcome, stdout, _) = run(sources, "prog.py", &["prog.py"]);
        assert_eq!(status(&outcome), Some(0));
        assert_eq!(stdout, "ok\n");
    }

    #[test]
    fn an_error_in_an_imported_module_rejects_the_program() {
        let sources = MemorySources::new()
            .with_file("prog.py", "import lib\nprint('ran', lib.X)\n")
            .with_file("lib.py", "X: int = 'three'\n");
        let (outcome, stdout, stderr) = run(sources, "prog.py", &["prog.py"]);
        let Ok(RunOutcome::Rejected(report)) = outcome else { panic!("not rejected: {outcome:?}") };
        assert_eq!((stdout.as_str(), stderr.as_str()), ("", ""), "nothing ran");
        let modules: Vec<&str> =
            report.files.iter().filter(|file| file.has_errors()).map(|f| f.module.as_str()).collect();
        assert_eq!(modules, ["lib"]);
    }

    #[test]
    fn an_entry_whose_file_name_is_no_module_name_is_named_main() {
        let sources = MemorySources::new()
            .with_file("my-script.py", "print(__name__)\n")
            .with_file("v1.2.py", "print(__name__)\n");
        let (outcome, stdout, _) = run(sources.clone(), "my-script.py", &["my-script.py"]);
        assert_eq!((status(&outcome), stdout.as_str()), (Some(0), "__main__\n"));
        let (outcome, stdout, _) = run(sources, "v1.2.py", &["v1.2.py"]);
        assert_eq!((status(&outcome), stdout.as_str()), (Some(0), "__main__\n"));
    }

    #[test]
    fn missing_paths_and_entries_are_errors() {
        let sources = MemorySources::new().with_file("lib/util.py", "X: int = 1\n");
        let (outcome, _, _) = run(sources.clone(), "nothere.py", &[]);
        assert!(matches!(outcome, Err(RunError::Engine(EngineError::PathNotFound { .. }))), "{outcome:?}");
        let (outcome, _, _) = run(sources, "lib", &[]);
        assert!(matches!(outcome, Err(RunError::NoEntry { .. })), "{outcome:?}");
    }
}
