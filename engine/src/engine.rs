//! The [`Engine`] value: a source provider plus options, the commands it runs, and the
//! state it keeps between them (the last project loaded: modules, graph, interfaces).
//! There is no global state; a host may create as many engines as it likes.

use std::collections::{HashMap, HashSet};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use typhon_diagnostics::{Code, Diagnostic};
use typhon_parser::ast;

use crate::check::{FrontEnd, front_end, sort_diagnostics};
use crate::graph::{self, GraphInput, ModuleId};
use crate::phase1::{Outcome, Phase1};
use crate::project::{NamedModule, SourceRoot, candidate_files, is_module_name};
use crate::sources::normalize_path;
use crate::{CheckReport, EngineError, FileReport, ModuleStatus, Project, SourceFile, SourceProvider, Timings};

/// Settings of an [`Engine`] that do not change what it reports, only how it works and
/// what it keeps.
#[derive(Clone, Debug, Default)]
pub struct EngineOptions {
    /// How many threads check files at once; `None` uses rayon's shared pool (one thread
    /// per core), `Some(1)` checks on the calling thread only.
    pub threads: Option<NonZeroUsize>,
    /// Keep each error-free module's typed IR in its [`FileReport`] (for phase 2). Off for
    /// `check`, which needs no bytecode: the IR is dropped as soon as a module is checked.
    pub keep_ir: bool,
}

/// One module of the project: its dotted name and its file.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ModuleInfo {
    /// `pkg.util` for `pkg/util.py`, `pkg` for `pkg/__init__.py`.
    pub name: String,
    /// Whether the file is a package's `__init__.py` (relative imports start there).
    pub is_package: bool,
    pub file: SourceFile,
    /// Whether the file was found by following an import rather than by discovery.
    pub followed: bool,
}

/// Checks projects read through a [`SourceProvider`].
///
/// [`Engine::check`] runs the front end over every file and phase 1 over the module graph,
/// and keeps the resulting [`Project`] (modules, graph, interfaces): the state that the
/// bytecode cache and an editor's incremental updates will start from.
pub struct Engine {
    sources: Box<dyn SourceProvider>,
    options: EngineOptions,
    /// A pool of our own when `options.threads` asks for a number of threads other than
    /// the default; built once, so that repeated checks (an editor) do not pay for it.
    pool: Option<rayon::ThreadPool>,
    project: Option<Project>,
}

impl Engine {
    pub fn new(sources: impl SourceProvider + 'static, options: EngineOptions) -> Engine {
        let pool = match options.threads {
            Some(threads) if threads.get() > 1 => {
                // Only the operating system refusing threads makes this fail; checking on
                // the calling thread then gives the same report, just later.
                rayon::ThreadPoolBuilder::new().num_threads(threads.get()).build().ok()
            }
            _ => None,
        };
        Engine { sources: Box::new(sources), options, pool, project: None }
    }

    pub fn sources(&self) -> &dyn SourceProvider {
        &*self.sources
    }

    pub fn options(&self) -> &EngineOptions {
        &self.options
    }

    /// The project of the last [`Engine::check`], if any.
    pub fn project(&self) -> Option<&Project> {
        self.project.as_ref()
    }

    /// Every source file named by `paths` (files, or directories to walk), sorted by path
    /// and without duplicates, so that everything downstream is deterministic.
    pub fn discover<P: AsRef<Path>>(&self, paths: &[P]) -> Result<Vec<SourceFile>, EngineError> {
        let mut found = Vec::new();
        for root in paths {
            found.extend(self.sources.find_sources(root.as_ref())?.iter().map(|path| normalize_path(path)));
        }
        found.sort();
        found.dedup();
        Ok(found.into_iter().map(SourceFile::new).collect())
    }

    /// Checks the project named by `paths`: every file's syntax, then every module's types
    /// against the interfaces of its imports, in dependency order. Each directory in
    /// `paths` is a source root (or, when it has an `__init__.py`, a package in the root
    /// above it); each file is a module of its directory's root. Imported modules that
    /// lie under one of those roots are checked too, even when no path named them.
    ///
    /// The report lists files sorted by path, each with its diagnostics sorted by span,
    /// and is the same whatever the number of threads.
    pub fn check<P: AsRef<Path>>(&mut self, paths: &[P]) -> Result<CheckReport, EngineError> {
        let started = Instant::now();
        let (modules, tops) = self.module_table(paths)?;
        let discover = started.elapsed();
        let (report, project) = match &self.pool {
            Some(pool) => pool.install(|| self.check_modules(modules, &tops)),
            None => self.check_modules(modules, &tops),
        };
        let mut report = report;
        report.timings.discover = discover;
        self.project = Some(project);
        Ok(report)
    }

    /// Whether to use rayon: the shared pool by default, our own pool when a number of
    /// threads was given (and the calling thread alone for one thread, or when that pool
    /// could not be built).
    fn parallel(&self) -> bool {
        self.options.threads.is_none() || self.pool.is_some()
    }

    /// The modules named by `paths`, sorted by path, and the directories where imported
    /// modules are looked for.
    fn module_table<P: AsRef<Path>>(&self, paths: &[P]) -> Result<(Vec<ModuleInfo>, Vec<PathBuf>), EngineError> {
        let mut named: Vec<(PathBuf, usize, NamedModule)> = Vec::new();
        let mut tops: Vec<PathBuf> = Vec::new();
        for (argument_idx, argument) in paths.iter().enumerate() {
            let argument = argument.as_ref();
            let files = self.sources.find_sources(argument)?;
            let root = SourceRoot::of_argument(&*self.sources, &normalize_path(argument));
            for file in files {
                let file = normalize_path(&file);
                let module = root.module_of(&file).unwrap_or_else(|| fallback_name(&file));
                named.push((file, argument_idx, module));
            }
            if !tops.iter().any(|top| top == root.top()) {
                tops.push(root.top().to_path_buf());
            }
        }
        // A file found under several arguments takes its name from the first one.
        named.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        named.dedup_by(|later, earlier| later.0 == earlier.0);
        let modules = named
            .into_iter()
            .map(|(path, _, module)| ModuleInfo {
                name: module.name,
                is_package: module.is_package,
                file: SourceFile::new(path),
                followed: false,
            })
            .collect();
        Ok((modules, tops))
    }

    fn check_modules(&self, mut modules: Vec<ModuleInfo>, tops: &[PathBuf]) -> (CheckReport, Project) {
        let mut timings = Timings::default();
        let started = Instant::now();
        let mut fronts = self.front_ends(&modules);
        timings.front_end = started.elapsed();

        let started = Instant::now();
        let (by_name, duplicates) = name_table(&modules);
        let mut by_name = by_name;
        let followed_start = Instant::now();
        self.follow_imports(&mut modules, &mut fronts, &mut by_name, tops);
        let follow_time = followed_start.elapsed();
        let inputs: Vec<GraphInput<'_>> = modules
            .iter()
            .zip(&fronts)
            .enumerate()
            .map(|(idx, (info, front))| GraphInput {
                info,
                front: (!duplicates.contains_key(&ModuleId(idx as u32))).then_some(front),
            })
            .collect();
        let module_graph = graph::build(&inputs, &by_name);
        let mut extra: Vec<(ModuleId, Diagnostic)> = Vec::new();
        let mut components = Vec::new();
        for members in graph::components(&module_graph) {
            let is_cycle = graph::is_cycle(&module_graph, &members);
            if is_cycle && let Some(found) = graph::cycle_diagnostic(&module_graph, &members, &inputs) {
                extra.push(found);
            }
            components.push((members, is_cycle));
        }
        for (&duplicate, &first) in &duplicates {
            let message = format!(
                "Duplicate module named \"{}\" (also at \"{}\")",
                modules[duplicate.index()].name,
                modules[first.index()].file.display_path
            );
            let note = "a module name must belong to one file: rename one of them, or check the roots separately";
            extra.push((duplicate, Diagnostic::error(Code::Import, typhon_diagnostics::Span::empty_at(0), message).with_note(note)));
        }
        drop(inputs);
        timings.graph = started.elapsed();
        // Following imports parses files too: count that as front end, not as graph.
        timings.front_end += follow_time;
        timings.graph = timings.graph.saturating_sub(follow_time);

        let started = Instant::now();
        let broken: Vec<bool> = fronts
            .iter()
            .enumerate()
            .map(|(idx, front)| front.has_errors() && !duplicates.contains_key(&ModuleId(idx as u32)))
            .collect();
        let asts: Vec<Option<ast::Module>> = fronts
            .iter_mut()
            .enumerate()
            .map(|(idx, front)| if duplicates.contains_key(&ModuleId(idx as u32)) { None } else { front.ast.take() })
            .collect();
        let phase1 = Phase1::new(&modules, &module_graph, asts, components, broken, self.options.keep_ir);
        if self.parallel() {
            phase1.run_parallel();
        } else {
            phase1.run_sequential();
        }
        let (outcomes, phase1_times) = phase1.finish();
        timings.check = started.elapsed();
        timings.typeck_cpu = phase1_times.typeck;
        timings.drop_cpu = phase1_times.drop;
        timings.read_cpu = fronts.iter().map(|front| front.read_time).sum();
        timings.parse_cpu = fronts.iter().map(|front| front.parse_time).sum();

        let started = Instant::now();
        let mut interfaces = Vec::with_capacity(modules.len());
        let mut files = Vec::with_capacity(modules.len());
        let mut extra_of: HashMap<ModuleId, Vec<Diagnostic>> = HashMap::new();
        for (module, diagnostic) in extra {
            extra_of.entry(module).or_default().push(diagnostic);
        }
        let skipped_because_of = count_skipped(&outcomes);
        for (idx, ((info, front), outcome)) in modules.iter().zip(fronts).zip(outcomes).enumerate() {
            let id = ModuleId(idx as u32);
            let FrontEnd { source, mut diagnostics, .. } = front;
            let (status, interface, ir) = match outcome {
                Some(Outcome { status, interface, diagnostics: found, ir }) => {
                    diagnostics.extend(found);
                    (status, interface, ir)
                }
                None if duplicates.contains_key(&id) => (ModuleStatus::DuplicateModule, None, None),
                None => (ModuleStatus::FrontEndErrors, None, None),
            };
            if let Some(&n_skipped) = skipped_because_of.get(info.name.as_str())
                && let Some(first_error) = diagnostics.iter_mut().find(|diagnostic| diagnostic.is_error())
            {
                let modules = if n_skipped == 1 { "module" } else { "modules" };
                first_error.notes.push(format!(
                    "because of the errors in this file, I did not type-check it nor the {n_skipped} {modules} that import it"
                ));
            }
            diagnostics.extend(extra_of.remove(&id).unwrap_or_default());
            sort_diagnostics(&mut diagnostics);
            interfaces.push(interface);
            files.push(FileReport { file: info.file.clone(), module: info.name.clone(), source, diagnostics, status, ir });
        }
        files.sort_by(|a, b| a.file.cmp(&b.file));
        let project = Project::new(modules, by_name, module_graph.graph, interfaces);
        timings.report = started.elapsed();
        (CheckReport { files, timings }, project)
    }

    /// Runs the front end over `modules` (in parallel unless told otherwise).
    fn front_ends(&self, modules: &[ModuleInfo]) -> Vec<FrontEnd> {
        let sources = &*self.sources;
        let one = |info: &ModuleInfo| front_end(sources, &info.file, &info.name, info.is_package);
        if self.parallel() { modules.par_iter().map(one).collect() } else { modules.iter().map(one).collect() }
    }

    /// Adds the modules that checked modules import but nobody named, when their file lies
    /// under one of `tops` (`typhon check main.py` also checks the `util.py` beside it).
    /// Repeats until the imports of the added modules are found too.
    fn follow_imports(
        &self,
        modules: &mut Vec<ModuleInfo>,
        fronts: &mut Vec<FrontEnd>,
        by_name: &mut HashMap<String, ModuleId>,
        tops: &[PathBuf],
    ) {
        let mut known_files: HashSet<PathBuf> = modules.iter().map(|info| info.file.path.clone()).collect();
        let mut probed: HashSet<String> = HashSet::new();
        let mut scan_from = 0;
        loop {
            let mut added: Vec<ModuleInfo> = Vec::new();
            for front in &fronts[scan_from..] {
                for request in &front.imports {
                    let name = request.module.as_str();
                    if by_name.contains_key(name) || !worth_probing(name, modules, &added, by_name) {
                        continue;
                    }
                    if !probed.insert(name.to_owned()) {
                        continue;
                    }
                    if let Some(info) = self.probe(name, tops, &known_files) {
                        known_files.insert(info.file.path.clone());
                        by_name.insert(info.name.clone(), ModuleId((modules.len() + added.len()) as u32));
                        added.push(info);
                    }
                }
            }
            if added.is_empty() {
                return;
            }
            scan_from = fronts.len();
            fronts.extend(self.front_ends(&added));
            modules.extend(added);
        }
    }

    fn probe(&self, name: &str, tops: &[PathBuf], known_files: &HashSet<PathBuf>) -> Option<ModuleInfo> {
        for top in tops {
            for candidate in candidate_files(top, name) {
                let path = normalize_path(&candidate);
                if !known_files.contains(&path) && self.sources.is_file(&path) {
                    let is_package = crate::project::is_init_file(&path);
                    return Some(ModuleInfo {
                        name: name.to_owned(),
                        is_package,
                        file: SourceFile::new(path),
                        followed: true,
                    });
                }
            }
        }
        None
    }
}

/// Whether an import of a module the project does not have might be a file below a root:
/// not a built-in module, a well-formed name, and not something inside a plain module
/// (`a.b` of `from a import b` when `a` is `a.py` is a name in `a`). `added` are the
/// modules found by the current round of probing, numbered after `modules`.
fn worth_probing(name: &str, modules: &[ModuleInfo], added: &[ModuleInfo], by_name: &HashMap<String, ModuleId>) -> bool {
    if typhon_typeck::is_builtin_module(name) || !is_module_name(name) {
        return false;
    }
    let Some((parent, _)) = name.rsplit_once('.') else { return true };
    match by_name.get(parent) {
        Some(id) => match modules.get(id.index()) {
            Some(info) => info.is_package,
            None => added.get(id.index() - modules.len()).is_some_and(|info| info.is_package),
        },
        // A namespace package has no file; or the parent is missing altogether (then so
        // is the module, but only probing can tell).
        None => true,
    }
}

/// A module name for a file that lies outside its root, which discovery never produces:
/// the file's stem, so that the file is still checked.
fn fallback_name(file: &Path) -> NamedModule {
    let name = file.file_stem().map_or_else(String::new, |stem| stem.to_string_lossy().into_owned());
    NamedModule { name, is_package: false }
}

/// The module of each name, and the files whose name another file already has (mapped to
/// that other file). Where two files claim a name, a package's `__init__.py` wins over a
/// plain module, as in Python; otherwise the first path wins.
fn name_table(modules: &[ModuleInfo]) -> (HashMap<String, ModuleId>, HashMap<ModuleId, ModuleId>) {
    let mut by_name: HashMap<String, ModuleId> = HashMap::with_capacity(modules.len());
    let mut duplicates = HashMap::new();
    for (idx, info) in modules.iter().enumerate() {
        let id = ModuleId(idx as u32);
        match by_name.get(&info.name).copied() {
            None => {
                by_name.insert(info.name.clone(), id);
            }
            Some(first) if info.is_package && !modules[first.index()].is_package => {
                by_name.insert(info.name.clone(), id);
                duplicates.insert(first, id);
            }
            Some(first) => {
                duplicates.insert(id, first);
            }
        }
    }
    (by_name, duplicates)
}

/// For each module with front-end errors, how many modules were not type-checked because
/// they import it.
fn count_skipped(outcomes: &[Option<Outcome>]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for outcome in outcomes.iter().flatten() {
        if let ModuleStatus::ImportsBrokenModule { module } = &outcome.status {
            *counts.entry(module.clone()).or_default() += 1;
        }
    }
    counts
}
