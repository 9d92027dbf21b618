//! The [`Engine`] value: a source provider plus options, the commands it runs, and the
//! state it keeps between them (the last project loaded: modules, graph, interfaces).
//! There is no global state; a host may create as many engines as it likes.

use std::collections::{HashMap, HashSet};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use typhon_diagnostics::{Code, Diagnostic, Span};
use typhon_parser::ast;

use crate::check::{FrontEnd, SourceText, front_end, read_source, sort_diagnostics};
use crate::graph::{self, Edge, ModuleGraph, ModuleId};
use crate::order::{dependencies_first, likely_imports};
use crate::phase1::{CheckContext, GraphPhase1, Outcome};
use crate::project::{HashedInterface, NamedModule, SourceRoot};
use crate::sources::normalize_path;
use crate::stream::{Follow, Stream};
use crate::{CheckReport, EngineError, FileReport, ModuleStatus, Project, SourceFile, SourceProvider, Timings};

/// The stack of each worker thread. The parser and the type checker recurse over trees
/// as deep as the parser's limits allow; rayon's default of 2 MiB is enough today, but a
/// worker gets the same stack as a main thread so that no input can overflow one and not
/// the other.
const WORKER_STACK_SIZE: usize = 8 << 20;

/// Settings of an [`Engine`] that do not change what it reports, only how it works and
/// what it keeps.
#[derive(Clone, Debug, Default)]
pub struct EngineOptions {
    /// How many threads check files at once; `None` for one per core, `Some(1)` to work
    /// on the calling thread only.
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
    /// The worker threads, built once so that repeated checks (an editor) do not pay for
    /// them; `None` to work on the calling thread only.
    pool: Option<rayon::ThreadPool>,
    project: Option<Project>,
}

impl Engine {
    pub fn new(sources: impl SourceProvider + 'static, options: EngineOptions) -> Engine {
        let pool = match options.threads {
            Some(threads) if threads.get() == 1 => None,
            threads => rayon::ThreadPoolBuilder::new()
                // 0 lets rayon pick one thread per core.
                .num_threads(threads.map_or(0, NonZeroUsize::get))
                .stack_size(WORKER_STACK_SIZE)
                .thread_name(|idx| format!("typhon-check-{idx}"))
                .build()
                // Only the operating system refusing threads makes this fail; checking on
                // the calling thread then gives the same report, just later.
                .ok(),
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

    /// Whether to work on the engine's pool rather than on the calling thread alone.
    fn parallel(&self) -> bool {
        self.pool.is_some()
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

    fn check_modules(&self, modules: Vec<ModuleInfo>, tops: &[PathBuf]) -> (CheckReport, Project) {
        let mut timings = Timings::default();
        let (by_name, duplicates) = name_table(&modules);
        let duplicate_ids: HashSet<ModuleId> = duplicates.keys().copied().collect();
        let mut loaded = self.stream_pass(modules, by_name, &duplicate_ids, tops, &mut timings);

        let started = Instant::now();
        self.follow_imports(&mut loaded, tops);
        let module_graph = graph::build(&loaded.edges);
        let mut extra = Vec::new();
        timings.n_modules_on_graph = loaded.outcomes.iter().filter(|outcome| outcome.is_none()).count();
        if timings.n_modules_on_graph > 0 {
            extra = self.check_leftovers(&mut loaded, &module_graph, &duplicate_ids, &mut timings);
        }
        for (&duplicate, &first) in &duplicates {
            let message = format!(
                "Duplicate module named \"{}\" (also at \"{}\")",
                loaded.modules[duplicate.index()].name,
                loaded.modules[first.index()].file.display_path
            );
            let note = "a module name belongs to one file: rename one of them, or check the roots separately";
            extra.push((duplicate, Diagnostic::error(Code::Import, Span::empty_at(0), message).with_note(note)));
        }
        timings.graph = started.elapsed();
        timings.read_cpu = loaded.fronts.iter().map(|front| front.read_time).sum();
        timings.parse_cpu = loaded.fronts.iter().map(|front| front.parse_time).sum();

        let started = Instant::now();
        let Loaded { modules, by_name, fronts, outcomes, .. } = loaded;
        let (mut report, interfaces) = assemble_report(&modules, fronts, outcomes, extra);
        let project = Project::new(modules, by_name, module_graph.graph, interfaces);
        timings.report = started.elapsed();
        report.timings = timings;
        (report, project)
    }

    /// Reads every file, then runs the streaming pass (see `stream.rs`): parse everything
    /// in dependency order and check all it can.
    fn stream_pass(
        &self,
        modules: Vec<ModuleInfo>,
        by_name: HashMap<String, ModuleId>,
        duplicate_ids: &HashSet<ModuleId>,
        tops: &[PathBuf],
        timings: &mut Timings,
    ) -> Loaded {
        let started = Instant::now();
        let sources = &*self.sources;
        let read = self.map_modules(&modules, |info| {
            let text = read_source(sources, &info.file);
            let likely = likely_imports(&text.text, &info.name, info.is_package, &by_name);
            (text, likely)
        });
        let (texts, likely): (Vec<SourceText>, Vec<Vec<ModuleId>>) = read.into_iter().unzip();
        let order = dependencies_first(&likely);
        timings.read = started.elapsed();

        let started = Instant::now();
        let context = CheckContext::new(&modules, self.options.keep_ir);
        let stream = Stream::new(&context, sources, &by_name, duplicate_ids, tops, texts, order);
        if self.parallel() {
            stream.run_parallel();
        } else {
            stream.run_sequential();
        }
        let (results, to_follow) = stream.finish();
        let times = context.times();
        timings.stream = started.elapsed();
        timings.typeck_cpu += times.typeck;
        timings.drop_cpu += times.drop;

        let mut loaded = Loaded {
            fronts: Vec::with_capacity(results.len()),
            edges: Vec::with_capacity(results.len()),
            asts: Vec::with_capacity(results.len()),
            outcomes: Vec::with_capacity(results.len()),
            modules,
            by_name,
            to_follow,
        };
        for result in results {
            loaded.fronts.push(result.front);
            loaded.edges.push(result.edges);
            loaded.asts.push(result.ast);
            loaded.outcomes.push(result.outcome);
        }
        loaded
    }

    /// Phase 1 of what the streaming pass left (modules in or after a cycle, or after a
    /// followed file), on the graph; returns the cycles' diagnostics.
    fn check_leftovers(
        &self,
        loaded: &mut Loaded,
        module_graph: &ModuleGraph,
        duplicate_ids: &HashSet<ModuleId>,
        timings: &mut Timings,
    ) -> Vec<(ModuleId, Diagnostic)> {
        let mut cycles = Vec::new();
        let mut components = Vec::new();
        for members in graph::components(module_graph) {
            let is_cycle = graph::is_cycle(module_graph, &members);
            let source_of = |module: ModuleId| loaded.fronts.get(module.index()).map(|front| front.source.as_str());
            if is_cycle && let Some(found) = graph::cycle_diagnostic(module_graph, &members, &loaded.modules, source_of)
            {
                cycles.push(found);
            }
            components.push((members, is_cycle));
        }
        let broken: Vec<bool> = (0..loaded.modules.len())
            .map(|idx| loaded.fronts[idx].has_errors() && !duplicate_ids.contains(&ModuleId(idx as u32)))
            .collect();
        let context = CheckContext::new(&loaded.modules, self.options.keep_ir);
        let asts = std::mem::take(&mut loaded.asts);
        let done = std::mem::take(&mut loaded.outcomes);
        let phase1 = GraphPhase1::new(&context, module_graph, asts, components, broken, done);
        if self.parallel() {
            phase1.run_parallel();
        } else {
            phase1.run_sequential();
        }
        loaded.outcomes = phase1.finish();
        let times = context.times();
        timings.typeck_cpu += times.typeck;
        timings.drop_cpu += times.drop;
        cycles
    }

    /// Runs the front end over `modules` (in parallel unless told otherwise).
    fn front_ends(&self, modules: &[ModuleInfo]) -> Vec<FrontEnd> {
        let sources = &*self.sources;
        self.map_modules(modules, |info| front_end(sources, &info.file, &info.name, info.is_package))
    }

    /// `work` over every module, in parallel unless told otherwise; results in order.
    fn map_modules<T: Send>(&self, modules: &[ModuleInfo], work: impl Fn(&ModuleInfo) -> T + Sync + Send) -> Vec<T> {
        if self.parallel() { modules.par_iter().map(work).collect() } else { modules.iter().map(work).collect() }
    }

    /// Adds the modules that the streaming pass found to follow (imported, found below a
    /// root, named by nobody), parses them, and repeats for what they import in turn.
    fn follow_imports(&self, loaded: &mut Loaded, tops: &[PathBuf]) {
        let mut to_follow = std::mem::take(&mut loaded.to_follow);
        if to_follow.is_empty() {
            return;
        }
        while !to_follow.is_empty() {
            let first_new = loaded.modules.len();
            let known_files: HashSet<&Path> = loaded.modules.iter().map(|info| info.file.path.as_path()).collect();
            to_follow.retain(|info| {
                !loaded.by_name.contains_key(&info.name) && !known_files.contains(info.file.path.as_path())
            });
            for info in to_follow {
                loaded.by_name.insert(info.name.clone(), ModuleId(loaded.modules.len() as u32));
                loaded.modules.push(info);
            }
            let new_fronts = self.front_ends(&loaded.modules[first_new..]);
            let follow = Follow::new(&*self.sources, &loaded.modules, &loaded.by_name, tops);
            for mut front in new_fronts {
                follow.finds_any(&front.imports);
                loaded.asts.push(front.ast.take());
                loaded.fronts.push(front);
                loaded.outcomes.push(None);
            }
            to_follow = follow.found();
        }
        // The modules that are not done may import the files just found: resolve again.
        loaded.edges.resize_with(loaded.modules.len(), Vec::new);
        for (idx, info) in loaded.modules.iter().enumerate() {
            if loaded.outcomes[idx].is_none() {
                let imports = &loaded.fronts[idx].imports;
                loaded.edges[idx] = graph::resolve_edges(ModuleId(idx as u32), info, imports, &loaded.by_name);
            }
        }
    }
}

/// Every module of the project between the streaming pass and the report.
struct Loaded {
    modules: Vec<ModuleInfo>,
    by_name: HashMap<String, ModuleId>,
    fronts: Vec<FrontEnd>,
    edges: Vec<Vec<Edge>>,
    /// The trees of the modules that are not done.
    asts: Vec<Option<ast::Module>>,
    outcomes: Vec<Option<Outcome>>,
    /// Imported modules found below a root that nobody named.
    to_follow: Vec<ModuleInfo>,
}

/// The report of every file, sorted by path, and the interface (with its hash) of every module.
fn assemble_report(
    modules: &[ModuleInfo],
    fronts: Vec<FrontEnd>,
    outcomes: Vec<Option<Outcome>>,
    extra: Vec<(ModuleId, Diagnostic)>,
) -> (CheckReport, Vec<Option<HashedInterface>>) {
    let mut extra_of: HashMap<ModuleId, Vec<Diagnostic>> = HashMap::new();
    for (module, diagnostic) in extra {
        extra_of.entry(module).or_default().push(diagnostic);
    }
    let skipped_because_of = count_skipped(&outcomes);
    let mut interfaces = Vec::with_capacity(modules.len());
    let mut files = Vec::with_capacity(modules.len());
    for (idx, ((info, front), outcome)) in modules.iter().zip(fronts).zip(outcomes).enumerate() {
        let id = ModuleId(idx as u32);
        let FrontEnd { source, mut diagnostics, .. } = front;
        let (status, interface, ir) = match outcome {
            Some(Outcome { status, interface, diagnostics: found, ir, .. }) => {
                diagnostics.extend(found);
                (status, interface, ir)
            }
            // Every module gets an outcome; a front end that went wrong is the safe guess.
            None => (ModuleStatus::FrontEndErrors, None, None),
        };
        if let Some(&n_skipped) = skipped_because_of.get(&id)
            && let Some(first_error) = diagnostics.iter_mut().find(|diagnostic| diagnostic.is_error())
        {
            let modules = if n_skipped == 1 { "module" } else { "modules" };
            first_error.notes.push(format!(
                "because of the errors in this file, I did not type-check it, nor the {n_skipped} {modules} that import it"
            ));
        }
        diagnostics.extend(extra_of.remove(&id).unwrap_or_default());
        sort_diagnostics(&mut diagnostics);
        let interface_hash = match status {
            ModuleStatus::Checked { interface_hash } => Some(interface_hash),
            _ => None,
        };
        interfaces.push(interface.zip(interface_hash));
        files.push(FileReport { file: info.file.clone(), module: info.name.clone(), source, diagnostics, status, ir });
    }
    files.sort_by(|a, b| a.file.cmp(&b.file));
    (CheckReport { files, timings: Timings::default() }, interfaces)
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
fn count_skipped(outcomes: &[Option<Outcome>]) -> HashMap<ModuleId, usize> {
    let mut counts: HashMap<ModuleId, usize> = HashMap::new();
    for outcome in outcomes.iter().flatten() {
        if let (ModuleStatus::ImportsBrokenModule { .. }, Some(cause)) = (&outcome.status, outcome.blocked_by) {
            *counts.entry(cause).or_default() += 1;
        }
    }
    counts
}

/// The hooks of the run path (`run.rs`), which needs phase 1 over a table of modules it
/// built itself (a program's entry, named as Python names it, not as discovery would) and
/// the engine's worker threads for phase 2.
impl Engine {
    /// Phase 1 over `modules` (the imports of which are looked for below `tops`), keeping
    /// the typed IR of every error-free module whatever [`EngineOptions::keep_ir`] says:
    /// the run path compiles it.
    pub(crate) fn check_module_table(&mut self, modules: Vec<ModuleInfo>, tops: &[PathBuf]) -> CheckReport {
        let keep_ir = std::mem::replace(&mut self.options.keep_ir, true);
        let (report, project) = match &self.pool {
            Some(pool) => pool.install(|| self.check_modules(modules, tops)),
            None => self.check_modules(modules, tops),
        };
        self.options.keep_ir = keep_ir;
        self.project = Some(project);
        report
    }

    /// `work` over every item, on the engine's pool (in parallel) when it has one, on the
    /// calling thread otherwise; results in order.
    pub(crate) fn map_on_pool<T: Sync, R: Send>(&self, items: &[T], work: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
        match &self.pool {
            Some(pool) => pool.install(|| items.par_iter().map(work).collect()),
            None => items.iter().map(work).collect(),
        }
    }
}
