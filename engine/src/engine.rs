//! The [`Engine`] value: a source provider plus options, the commands it runs, and the
//! state it keeps between them (the last project loaded: modules, graph, interfaces).
//! There is no global state; a host may create as many engines as it likes.

use std::collections::{HashMap, HashSet};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;
use typhon_diagnostics::{Code, Diagnostic, Span};
use typhon_parser::ast;

use typhon_bytecode_cache::SourceStat;
use typhon_typeck::ImportRequest;

use crate::cache::{
    BasisModule, Built, Cache, CacheConfig, CacheReport, CacheRun, CachedEntry, EntryParts, ExplainLine, MissReason,
    Probe, RecordStatus, SnapshotBasis, SnapshotKind, add_snapshot_warnings, basis_module,
};
use crate::check::{FrontEnd, SourceText, front_end, parse_source, read_source, sort_diagnostics};
use crate::graph::{self, Edge, ModuleGraph, ModuleId};
use crate::order::{dependencies_first, likely_imports};
use crate::phase1::{CheckContext, GraphPhase1, InterfaceOf, Outcome};
use crate::project::{HashedInterface, NamedModule, SourceRoot};
use crate::sources::normalize_path;
use crate::stream::{Follow, Lookup, Stream};
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
    /// The persistent cache to consult and fill; `None` to work without one (every
    /// command cold).
    pub cache: Option<CacheConfig>,
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
    /// Shared with the programs it prepares (their tracebacks show source lines).
    sources: Arc<dyn SourceProvider>,
    pub(crate) options: EngineOptions,
    /// The worker threads, built once so that repeated checks (an editor) do not pay for
    /// them; `None` to work on the calling thread only.
    pool: Option<rayon::ThreadPool>,
    pub(crate) project: Option<Project>,
    pub(crate) cache: Option<Cache>,
    /// Why the cache of [`EngineOptions::cache`] could not be opened, reported once.
    cache_error: Option<String>,
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
        let (cache, cache_error) = match options.cache.clone().map(Cache::open) {
            Some(Ok(cache)) => (Some(cache), None),
            Some(Err(error)) => (None, Some(format!("warning: the cache is off for this command: {error}"))),
            None => (None, None),
        };
        Engine { sources: Arc::new(sources), options, pool, project: None, cache, cache_error }
    }

    pub fn sources(&self) -> &dyn SourceProvider {
        &*self.sources
    }

    /// The source provider, for values that outlive a borrow of the engine.
    pub(crate) fn shared_sources(&self) -> Arc<dyn SourceProvider> {
        self.sources.clone()
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
        let mut snapshot_warnings = Vec::new();
        let snapshot_key = match &self.cache {
            Some(cache) if !self.options.keep_ir => {
                let paths: Vec<&Path> = paths.iter().map(AsRef::as_ref).collect();
                cache.snapshot_key(&*self.sources, SnapshotKind::Check, &paths)
            }
            _ => None,
        };
        if let (Some(cache), Some(key)) = (&self.cache, &snapshot_key) {
            match cache.snapshot(&*self.sources, key) {
                Ok(Some(snapshot)) => {
                    if let Some(mut report) = snapshot.check_report(&*self.sources, &modules, &tops) {
                        cache.record_run(snapshot.n_modules() as u64, 0);
                        report.timings.discover = discover;
                        self.project = None;
                        return Ok(report);
                    }
                }
                Ok(None) => {}
                Err(warning) => snapshot_warnings.push(warning),
            }
        }
        let (mut report, project, written, _) = self.check_cached(modules, &tops, false);
        report.timings.discover = discover;
        if let (Some(cache), Some(key), Some(basis)) = (&self.cache, &snapshot_key, &written.basis) {
            snapshot_warnings.extend(cache.write_check_snapshot(&*self.sources, key, basis, &tops, &report));
        }
        if let Some(cache_report) = &mut report.cache {
            add_snapshot_warnings(&mut cache_report.warnings, snapshot_warnings);
        }
        self.project = Some(project);
        Ok(report)
    }

    /// Phase 1 over `modules` with the cache when there is one: entries reused where
    /// their key matches, entries written for every module rebuilt. `want_code`: the
    /// command needs bytecode (entries without it are misses). Returns the entries
    /// reused, by module name, for their bytecode.
    pub(crate) fn check_cached(
        &self,
        modules: Vec<ModuleInfo>,
        tops: &[PathBuf],
        want_code: bool,
    ) -> (CheckReport, Project, Written, HashMap<String, Arc<CachedEntry>>) {
        let Some(cache) = &self.cache else {
            let (mut report, project, _) = self.on_pool(|| self.check_modules(modules, tops, None));
            if let Some(error) = &self.cache_error {
                report.cache = Some(Box::new(CacheReport { warnings: vec![error.clone()], ..CacheReport::default() }));
            }
            return (report, project, Written::default(), HashMap::new());
        };
        let mut warnings = Vec::new();
        let mut reads = true;
        let mut modules = modules;
        loop {
            let run = cache.start(want_code, reads);
            let (mut report, project, mut state) = self.on_pool(|| self.check_modules(modules, tops, Some(&run)));
            if run.is_poisoned() && reads {
                // An entry's interface did not decode: do the whole command again without
                // reading the cache (its entries are rewritten). The project starts with
                // the modules it was given, followed ones after them.
                warnings.extend(run.take_warnings());
                warnings.push(
                    "warning: a cache entry could not be decoded; rebuilding every module without the cache".to_owned(),
                );
                modules = project.modules().iter().filter(|info| !info.followed).cloned().collect();
                reads = false;
                continue;
            }
            let mut written = self.write_back(&run, &state);
            written.basis = snapshot_basis(&run, &mut state, &written);
            if let Some(cache_report) = &mut report.cache {
                warnings.append(&mut written.warnings);
                cache_report.warnings = warnings;
                cache_report.n_written = written.n_written;
            }
            return (report, project, written, state.hits);
        }
    }

    fn on_pool<R: Send>(&self, work: impl FnOnce() -> R + Send) -> R {
        match &self.pool {
            Some(pool) => pool.install(work),
            None => work(),
        }
    }

    /// Writes the entries of the modules rebuilt by a check, and refreshes the stat of
    /// those reused with a stale one.
    fn write_back(&self, run: &CacheRun<'_>, state: &CacheState) -> Written {
        let sources = &*self.sources;
        let written: Vec<Option<EntryParts>> = self.map_on_pool(&state.pending, |pending| {
            let built = Built {
                info: &pending.info,
                source_hash: pending.source_hash,
                stat: pending.stat.as_ref(),
                imports: &pending.imports,
                deps: &pending.deps,
                status: pending.status,
                interface_hash: pending.interface_hash,
                interface: pending.interface.as_ref().and_then(InterfaceOf::get).map(|interface| &**interface),
                front_diagnostics: &pending.front_diagnostics,
                check_diagnostics: &pending.check_diagnostics,
            };
            run.write_meta(sources, &built)
        });
        self.map_on_pool(&state.restat, |(info, entry, stat)| run.restat(sources, info, entry, stat.as_ref()));
        let n_written = written.iter().flatten().count() + state.restat.len();
        // The code entries of the run path repeat the meta entries' sections.
        let parts = if run.want_code {
            state
                .pending
                .iter()
                .zip(written)
                .filter_map(|(pending, parts)| Some((pending.info.name.clone(), parts?)))
                .collect()
        } else {
            HashMap::new()
        };
        run.record_run(state.n_hits as u64, state.pending.len() as u64);
        Written { parts, n_written, warnings: run.take_warnings(), basis: None }
    }

    /// Whether to work on the engine's pool rather than on the calling thread alone.
    fn parallel(&self) -> bool {
        self.pool.is_some()
    }

    /// The modules named by `paths`, sorted by path, and the directories where imported
    /// modules are looked for.
    pub(crate) fn module_table<P: AsRef<Path>>(
        &self,
        paths: &[P],
    ) -> Result<(Vec<ModuleInfo>, Vec<PathBuf>), EngineError> {
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

    fn check_modules(
        &self,
        modules: Vec<ModuleInfo>,
        tops: &[PathBuf],
        run: Option<&CacheRun<'_>>,
    ) -> (CheckReport, Project, CacheState) {
        let mut timings = Timings::default();
        let (by_name, duplicates) = name_table(&modules);
        let duplicate_ids: HashSet<ModuleId> = duplicates.keys().copied().collect();
        let lookup = Lookup::new(tops);
        let mut loaded = self.stream_pass(modules, by_name, &duplicate_ids, &lookup, run, &mut timings);

        let started = Instant::now();
        self.follow_imports(&mut loaded, &lookup, run);
        let module_graph = graph::build(&loaded.edges);
        let mut extra = Vec::new();
        timings.n_modules_on_graph = loaded.outcomes.iter().filter(|outcome| outcome.is_none()).count();
        if timings.n_modules_on_graph > 0 {
            extra = self.check_leftovers(&mut loaded, &module_graph, &duplicate_ids, run, &mut timings);
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
        let Loaded { modules, by_name, fronts, outcomes, probes, .. } = loaded;
        let sources = &*self.sources;
        let (mut report, interfaces, mut state) =
            assemble_report(sources, &modules, fronts, outcomes, &probes, extra, run);
        state.dirs = lookup.listed();
        let project = Project::new(modules, by_name, module_graph.graph, interfaces);
        timings.report = started.elapsed();
        report.timings = timings;
        (report, project, state)
    }

    /// Reads every file (or, with a cache, probes its entry, reading the file only when
    /// the entry cannot vouch for it), then runs the streaming pass (see `stream.rs`):
    /// parse everything in dependency order and check all it can.
    fn stream_pass(
        &self,
        modules: Vec<ModuleInfo>,
        by_name: HashMap<String, ModuleId>,
        duplicate_ids: &HashSet<ModuleId>,
        lookup: &Lookup<'_>,
        run: Option<&CacheRun<'_>>,
        timings: &mut Timings,
    ) -> Loaded {
        let started = Instant::now();
        let sources = &*self.sources;
        let read = self.map_modules(&modules, |info| {
            let (probe, text) = match run {
                Some(run) => run.probe(sources, info),
                None => (Probe::disabled(), Some(read_source(sources, &info.file))),
            };
            let likely = match (&probe.entry, &text) {
                (Some(entry), _) => imported_modules(&entry.imports, &by_name),
                (None, Some(text)) => likely_imports(&text.text, &info.name, info.is_package, &by_name),
                (None, None) => Vec::new(),
            };
            (probe, text, likely)
        });
        let mut probes = Vec::with_capacity(read.len());
        let mut texts = Vec::with_capacity(read.len());
        let mut likely = Vec::with_capacity(read.len());
        for (probe, text, imports) in read {
            probes.push(probe);
            texts.push(text);
            likely.push(imports);
        }
        let order = dependencies_first(&likely);
        timings.read = started.elapsed();

        let started = Instant::now();
        let context = CheckContext::new(&modules, self.options.keep_ir, sources, run, &probes);
        let stream = Stream::new(&context, sources, &by_name, duplicate_ids, lookup, texts, order);
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
            texts: Vec::with_capacity(results.len()),
            outcomes: Vec::with_capacity(results.len()),
            modules,
            by_name,
            to_follow,
            probes,
        };
        for result in results {
            loaded.fronts.push(result.front);
            loaded.edges.push(result.edges);
            loaded.asts.push(result.ast);
            loaded.texts.push(result.text);
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
        run: Option<&CacheRun<'_>>,
        timings: &mut Timings,
    ) -> Vec<(ModuleId, Diagnostic)> {
        let mut cycles = Vec::new();
        let mut components = Vec::new();
        for members in graph::components(module_graph) {
            let is_cycle = graph::is_cycle(module_graph, &members);
            if is_cycle {
                // The cycle's diagnostic quotes line numbers: read the files the cache
                // vouched for without reading them.
                for member in &members {
                    let front = &mut loaded.fronts[member.index()];
                    if front.from_cache && front.source.is_empty() {
                        front.source = read_source(&*self.sources, &loaded.modules[member.index()].file).text;
                    }
                }
            }
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
        let context = CheckContext::new(&loaded.modules, self.options.keep_ir, &*self.sources, run, &loaded.probes);
        let asts = std::mem::take(&mut loaded.asts);
        let texts = std::mem::take(&mut loaded.texts);
        let done = std::mem::take(&mut loaded.outcomes);
        let phase1 = GraphPhase1::new(&context, module_graph, asts, texts, components, broken, done);
        if self.parallel() {
            phase1.run_parallel();
        } else {
            phase1.run_sequential();
        }
        let outcomes = phase1.finish();
        let times = context.times();
        timings.typeck_cpu += times.typeck;
        timings.drop_cpu += times.drop;
        loaded.outcomes = outcomes;
        cycles
    }

    /// `work` over every module, in parallel unless told otherwise; results in order.
    fn map_modules<T: Send>(&self, modules: &[ModuleInfo], work: impl Fn(&ModuleInfo) -> T + Sync + Send) -> Vec<T> {
        if self.parallel() { modules.par_iter().map(work).collect() } else { modules.iter().map(work).collect() }
    }

    /// Adds the modules that the streaming pass found to follow (imported, found below a
    /// root, named by nobody), parses them (or takes their front end from the cache), and
    /// repeats for what they import in turn.
    fn follow_imports(&self, loaded: &mut Loaded, lookup: &Lookup<'_>, run: Option<&CacheRun<'_>>) {
        let mut to_follow = std::mem::take(&mut loaded.to_follow);
        if to_follow.is_empty() {
            return;
        }
        let sources = &*self.sources;
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
            let new_fronts = self.map_modules(&loaded.modules[first_new..], |info| match run {
                Some(run) => {
                    let (probe, text) = run.probe(sources, info);
                    match &probe.entry {
                        Some(entry) => {
                            let (shown, kept) = if entry.has_diagnostics() { (text, None) } else { (None, text) };
                            (FrontEnd::cached(entry, shown), kept, probe)
                        }
                        None => {
                            let text = text.unwrap_or_else(|| read_source(sources, &info.file));
                            (parse_source(text, &info.name, info.is_package), None, probe)
                        }
                    }
                }
                None => (front_end(sources, &info.file, &info.name, info.is_package), None, Probe::disabled()),
            });
            let follow = Follow::new(sources, &loaded.modules, &loaded.by_name, lookup);
            for (mut front, text, probe) in new_fronts {
                follow.finds_any(&front.imports);
                loaded.asts.push(front.ast.take());
                loaded.fronts.push(front);
                loaded.texts.push(text);
                loaded.outcomes.push(None);
                loaded.probes.push(probe);
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
    /// The texts of modules not done whose front end came from the cache, if read.
    texts: Vec<Option<SourceText>>,
    outcomes: Vec<Option<Outcome>>,
    /// What the cache knew of each module before parsing.
    probes: Vec<Probe>,
    /// Imported modules found below a root that nobody named.
    to_follow: Vec<ModuleInfo>,
}

/// A rebuilt module whose entry is to be written.
pub(crate) struct Pending {
    pub(crate) info: ModuleInfo,
    pub(crate) source_hash: [u8; 32],
    pub(crate) stat: Option<SourceStat>,
    pub(crate) imports: Vec<ImportRequest>,
    pub(crate) deps: Vec<(String, [u8; 32])>,
    pub(crate) status: RecordStatus,
    pub(crate) interface_hash: Option<[u8; 32]>,
    pub(crate) interface: Option<InterfaceOf>,
    pub(crate) front_diagnostics: Vec<Diagnostic>,
    pub(crate) check_diagnostics: Vec<Diagnostic>,
}

/// What a check leaves for the cache: entries to write, stats to refresh, and the
/// entries reused (the run path takes their bytecode).
#[derive(Default)]
pub(crate) struct CacheState {
    pub(crate) pending: Vec<Pending>,
    pub(crate) restat: Vec<(ModuleInfo, Arc<CachedEntry>, Option<SourceStat>)>,
    pub(crate) n_hits: usize,
    pub(crate) hits: HashMap<String, Arc<CachedEntry>>,
    /// Every module's stat and source hash for the project snapshot, in module order;
    /// `None` when some module is neither served by its entries nor written to them.
    pub(crate) basis_modules: Option<Vec<BasisModule>>,
    /// The directories the import lookup listed (`None`: it did not list them all).
    pub(crate) dirs: Option<Vec<PathBuf>>,
}

/// What writing a check's entries did.
#[derive(Default)]
pub(crate) struct Written {
    /// The sections of every meta entry written (run path): the module's bytecode, once
    /// compiled, goes into its code entry after them.
    pub(crate) parts: HashMap<String, EntryParts>,
    pub(crate) n_written: usize,
    pub(crate) warnings: Vec<String>,
    /// What the project snapshot of the command needs, when one may be written.
    pub(crate) basis: Option<SnapshotBasis>,
}

/// What a snapshot of the command would stand on, if it may be written: the command may
/// write one (`assemble_report` gathered the modules only then), the clock was read, every
/// module was served by or written to its entries, every write succeeded and the import
/// lookup listed every directory it looked into.
fn snapshot_basis(run: &CacheRun<'_>, state: &mut CacheState, written: &Written) -> Option<SnapshotBasis> {
    if !written.warnings.is_empty() {
        return None;
    }
    Some(SnapshotBasis {
        read_start: run.read_start()?,
        modules: state.basis_modules.take()?,
        dirs: state.dirs.take()?,
    })
}

/// The modules of the project that a cached import list names (with the packages around
/// them, which run first): the parse order's hint for a module that is not parsed.
fn imported_modules(imports: &[ImportRequest], by_name: &HashMap<String, ModuleId>) -> Vec<ModuleId> {
    let mut found = Vec::new();
    for request in imports {
        if let Some(&id) = by_name.get(request.module.as_str())
            && !found.contains(&id)
        {
            found.push(id);
        }
    }
    found
}

/// The report of every file, sorted by path, the interface (with its hash) of every
/// module, and (with a cache run) what to write back and the explanation of every
/// rebuild.
fn assemble_report(
    sources: &dyn SourceProvider,
    modules: &[ModuleInfo],
    fronts: Vec<FrontEnd>,
    outcomes: Vec<Option<Outcome>>,
    probes: &[Probe],
    extra: Vec<(ModuleId, Diagnostic)>,
    run: Option<&CacheRun<'_>>,
) -> (CheckReport, Vec<Option<HashedInterface>>, CacheState) {
    let with_cache = run.is_some();
    let mut extra_of: HashMap<ModuleId, Vec<Diagnostic>> = HashMap::new();
    for (module, diagnostic) in extra {
        extra_of.entry(module).or_default().push(diagnostic);
    }
    let skipped_because_of = count_skipped(&outcomes);
    let mut interfaces = Vec::with_capacity(modules.len());
    let mut files = Vec::with_capacity(modules.len());
    let mut state = CacheState::default();
    let mut cache_report = CacheReport { n_modules: modules.len(), ..CacheReport::default() };
    // What a project snapshot would stand on, gathered only if one may be written.
    let mut basis = run.filter(|run| run.wants_snapshot()).map(|_| Vec::with_capacity(modules.len()));
    for (idx, ((info, front), outcome)) in modules.iter().zip(fronts).zip(outcomes).enumerate() {
        let id = ModuleId(idx as u32);
        let probe = probes.get(idx);
        let FrontEnd { mut source, mut diagnostics, imports, from_cache, .. } = front;
        let outcome = outcome.unwrap_or_else(|| {
            // Every module gets an outcome; a front end that went wrong is the safe guess.
            Outcome::not_checked(ModuleStatus::FrontEndErrors, None)
        });
        let Outcome { status, interface, diagnostics: found, ir, cached, reason, deps, late_source, .. } = outcome;
        let mut source_hash = probe.and_then(|probe| probe.source_hash);
        if let Some((late, hash)) = late_source {
            source = late;
            source_hash = hash;
        }
        // Served whole by the cache: the front end came from an entry, and phase 1 either
        // reused it too or had nothing to do (not checked because of a broken import).
        let reused = from_cache && (cached.is_some() || !matches!(status, ModuleStatus::Checked { .. }));
        if with_cache {
            if reused {
                state.n_hits += 1;
                cache_report.n_cached += 1;
                if let (Some(entry), Some(probe)) = (cached.as_ref().or(probe.and_then(|p| p.entry.as_ref())), probe) {
                    if probe.restat {
                        state.restat.push((info.clone(), entry.clone(), probe.stat));
                    }
                    state.hits.insert(info.name.clone(), entry.clone());
                }
                let module = basis_module(info, probe.and_then(|probe| probe.stat), source_hash);
                basis = basis.zip(module).map(|(mut basis, module)| {
                    basis.push(module);
                    basis
                });
            } else {
                cache_report.n_rechecked += 1;
                let reason =
                    reason.or_else(|| probe.and_then(|probe| probe.reason.clone())).unwrap_or(MissReason::NotCached);
                cache_report.lines.push(ExplainLine {
                    module: info.name.clone(),
                    file: info.file.display_path.clone(),
                    rechecked: true,
                    recompiled: false,
                    reason,
                });
                let record_status = match &status {
                    ModuleStatus::Checked { .. } => Some(RecordStatus::Checked),
                    ModuleStatus::FrontEndErrors => Some(RecordStatus::FrontEndErrors),
                    ModuleStatus::ImportsBrokenModule { .. } => Some(RecordStatus::NotChecked),
                    ModuleStatus::DuplicateModule => None,
                };
                let module = basis_module(info, probe.and_then(|probe| probe.stat), source_hash)
                    .filter(|_| record_status.is_some());
                basis = basis.zip(module).map(|(mut basis, module)| {
                    basis.push(module);
                    basis
                });
                if let (Some(record_status), Some(source_hash)) = (record_status, source_hash) {
                    state.pending.push(Pending {
                        info: info.clone(),
                        source_hash,
                        stat: probe.and_then(|probe| probe.stat),
                        imports,
                        deps,
                        status: record_status,
                        interface_hash: match &status {
                            ModuleStatus::Checked { interface_hash } => Some(*interface_hash),
                            _ => None,
                        },
                        interface: interface.clone(),
                        front_diagnostics: diagnostics.clone(),
                        check_diagnostics: found.clone(),
                    });
                }
            }
        }
        diagnostics.extend(found);
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
        if from_cache && source.is_empty() && !diagnostics.is_empty() {
            // The cache vouched for the file without reading it; its diagnostics need it.
            source = read_source(sources, &info.file).text;
        }
        let interface_hash = match status {
            ModuleStatus::Checked { interface_hash } => Some(interface_hash),
            _ => None,
        };
        interfaces.push(interface.zip(interface_hash));
        files.push(FileReport { file: info.file.clone(), module: info.name.clone(), source, diagnostics, status, ir });
    }
    files.sort_by(|a, b| a.file.cmp(&b.file));
    cache_report.lines.sort_by(|a, b| a.module.cmp(&b.module));
    state.basis_modules = basis;
    let cache = with_cache.then_some(cache_report);
    (CheckReport { files, timings: Timings::default(), cache: cache.map(Box::new) }, interfaces, state)
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
    pub(crate) fn check_module_table(
        &mut self,
        modules: Vec<ModuleInfo>,
        tops: &[PathBuf],
    ) -> (CheckReport, Written, HashMap<String, Arc<CachedEntry>>) {
        let keep_ir = std::mem::replace(&mut self.options.keep_ir, true);
        let (report, project, written, hits) = self.check_cached(modules, tops, true);
        self.options.keep_ir = keep_ir;
        self.project = Some(project);
        (report, written, hits)
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
