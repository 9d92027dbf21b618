//! The streaming scheduler: the front end and phase 1 interleaved. Files are parsed in
//! dependency order (as far as `order.rs` can tell); a module is type-checked as soon as
//! it is parsed and every module it imports is checked, and its syntax tree is freed
//! right after. Trees are large (about
//! 20 times their source), so never holding all of them at once keeps memory small and
//! makes both phases faster: fresh memory costs a page fault per 4 KiB, which is more
//! than parsing the code that fills it.
//!
//! What the streaming pass cannot finish is left for the graph scheduler of `phase1.rs`:
//! modules in an import cycle (they wait on each other forever), modules that import a
//! file nobody named (it must be found and parsed first), and everything that imports
//! those. Which modules are left depends only on the graph, never on timing, so the
//! report is the same with any number of threads.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use typhon_parser::ast;

use crate::check::{FrontEnd, SourceText, parse_source};
use crate::graph::{Edge, ModuleId, resolve_edges};
use crate::phase1::{CheckContext, Outcome};
use crate::project::{candidate_files, is_init_file, is_module_name};
use crate::sources::normalize_path;
use crate::{ModuleInfo, ModuleStatus, SourceProvider};

/// The streaming pass over the modules found by discovery.
pub(crate) struct Stream<'c, 'a> {
    context: &'c CheckContext<'a>,
    by_name: &'c HashMap<String, ModuleId>,
    /// Modules whose name another file has: parsed, never checked.
    duplicates: &'c HashSet<ModuleId>,
    follow: Follow<'c>,
    /// The order to parse in (see `order.rs`), and the position of the next one to parse.
    order: Vec<ModuleId>,
    next: AtomicUsize,
    slots: Vec<Slot>,
}

/// The state of one module during the pass.
struct Slot {
    /// The text, read before the pass starts, until it is parsed (`None` when the cache
    /// vouched for the file without reading it).
    text: Mutex<Option<SourceText>>,
    front: OnceLock<FrontEnd>,
    edges: OnceLock<Vec<Edge>>,
    /// The tree, from parsing until checking (kept when the module is left over).
    ast: Mutex<Option<ast::Module>>,
    wait: Mutex<Wait>,
    /// Imported modules not checked yet, plus one while the module is still registering
    /// its waits, so that it cannot become ready half-way.
    pending: AtomicU32,
    outcome: OnceLock<Outcome>,
}

#[derive(Default)]
struct Wait {
    done: bool,
    /// Modules waiting for this one to be done.
    waiters: Vec<ModuleId>,
}

/// What the pass leaves behind, per module.
pub(crate) struct StreamResult {
    pub(crate) front: FrontEnd,
    pub(crate) edges: Vec<Edge>,
    /// The tree of a module that is not done (left for the graph scheduler).
    pub(crate) ast: Option<ast::Module>,
    /// The text of a module whose front end the cache skipped, if it was read and the
    /// module is not done.
    pub(crate) text: Option<SourceText>,
    pub(crate) outcome: Option<Outcome>,
}

impl<'c, 'a> Stream<'c, 'a> {
    pub(crate) fn new(
        context: &'c CheckContext<'a>,
        sources: &'c dyn SourceProvider,
        by_name: &'c HashMap<String, ModuleId>,
        duplicates: &'c HashSet<ModuleId>,
        lookup: &'c Lookup<'c>,
        texts: Vec<Option<SourceText>>,
        order: Vec<ModuleId>,
    ) -> Stream<'c, 'a> {
        let modules = context.modules;
        let slots = texts
            .into_iter()
            .map(|text| Slot {
                text: Mutex::new(text),
                front: OnceLock::new(),
                edges: OnceLock::new(),
                ast: Mutex::new(None),
                wait: Mutex::new(Wait::default()),
                pending: AtomicU32::new(0),
                outcome: OnceLock::new(),
            })
            .collect();
        let follow = Follow::new(sources, modules, by_name, lookup);
        Stream { context, by_name, duplicates, follow, order, next: AtomicUsize::new(0), slots }
    }

    /// Runs the pass on the current rayon pool.
    pub(crate) fn run_parallel(&self) {
        rayon::scope(|scope| {
            // One parsing chain per thread; each parse spawns the next before working, so
            // an idle thread always finds a file to parse, while checks that become ready
            // (spawned later, so run first by their thread) free trees as early as possible.
            for _ in 0..rayon::current_num_threads().min(self.slots.len()) {
                scope.spawn(|scope| self.parse_next(scope));
            }
        });
    }

    fn parse_next<'s>(&'s self, scope: &rayon::Scope<'s>) {
        let Some(&module) = self.order.get(self.next.fetch_add(1, Ordering::Relaxed)) else { return };
        scope.spawn(|scope| self.parse_next(scope));
        for ready in self.parse(module) {
            self.check_from(scope, ready);
        }
    }

    fn check_from<'s>(&'s self, scope: &rayon::Scope<'s>, module: ModuleId) {
        for ready in self.check(module) {
            scope.spawn(move |scope| self.check_from(scope, ready));
        }
    }

    /// Runs the pass on the calling thread: parse in order, check whatever is ready.
    pub(crate) fn run_sequential(&self) {
        let mut ready: Vec<ModuleId> = Vec::new();
        for &module in &self.order {
            ready.extend(self.parse(module));
            while let Some(module) = ready.pop() {
                ready.extend(self.check(module));
            }
        }
    }

    /// Parses one module and registers what it waits for; returns the modules now ready
    /// for [`Stream::check`]: itself when it waits for nothing, or, when it turns out to
    /// have errors, the modules that were waiting for it (`check` then marks them as not
    /// checked because of it).
    fn parse(&self, module: ModuleId) -> Vec<ModuleId> {
        let info = &self.context.modules[module.index()];
        let slot = &self.slots[module.index()];
        let (front, ast) = match self.context.entry(module) {
            // The cache vouches for the front end: the file is not parsed.
            Some(entry) => {
                let text = if entry.has_diagnostics() { lock(&slot.text).take() } else { None };
                (FrontEnd::cached(entry, text), None)
            }
            None => {
                let text = lock(&slot.text).take().unwrap_or_else(SourceText::empty);
                let mut front = parse_source(text, &info.name, info.is_package);
                let ast = front.ast.take();
                (front, ast)
            }
        };
        let is_duplicate = self.duplicates.contains(&module);
        let edges = if is_duplicate { Vec::new() } else { resolve_edges(module, info, &front.imports, self.by_name) };
        let needs_following = !is_duplicate && self.follow.finds_any(&front.imports);
        let is_broken = front.has_errors() && !is_duplicate;
        let _ = slot.front.set(front);
        if is_duplicate {
            return self.complete(module, Outcome::not_checked(ModuleStatus::DuplicateModule, None));
        }
        if is_broken {
            return self.complete(module, Outcome::broken(module));
        }
        *lock(&slot.ast) = ast;
        let _ = slot.edges.set(edges);
        if needs_following {
            // It imports a file that is not parsed yet: the graph scheduler takes it.
            return Vec::new();
        }
        if self.register(module) { vec![module] } else { Vec::new() }
    }

    /// Counts the imported modules that are not done and registers with them; `true`
    /// when there are none.
    fn register(&self, module: ModuleId) -> bool {
        let slot = &self.slots[module.index()];
        let edges = slot.edges.get().map_or(&[][..], Vec::as_slice);
        slot.pending.store(edges.len() as u32 + 1, Ordering::Release);
        let mut n_done = 1;
        for edge in edges {
            let mut wait = lock(&self.slots[edge.target.index()].wait);
            if wait.done {
                n_done += 1;
            } else {
                wait.waiters.push(module);
            }
        }
        slot.pending.fetch_sub(n_done, Ordering::AcqRel) == n_done
    }

    /// Checks a module whose imports are all done; returns the modules that this made
    /// ready.
    fn check(&self, module: ModuleId) -> Vec<ModuleId> {
        let slot = &self.slots[module.index()];
        let edges = slot.edges.get().map_or(&[][..], Vec::as_slice);
        let dependencies = edges.iter().map(|edge| edge.target);
        let outcome_of = |dependency: ModuleId| self.slots[dependency.index()].outcome.get();
        let outcome = match self.context.interfaces(dependencies, outcome_of, &[]) {
            Ok(imports) => {
                let ast = lock(&slot.ast).take();
                let text = lock(&slot.text).take();
                Some(self.context.check_or_reuse(module, ast, text, &imports))
            }
            Err(cause) => {
                let name = self.context.modules[cause.index()].name.clone();
                Some(Outcome::not_checked(ModuleStatus::ImportsBrokenModule { module: name }, Some(cause)))
            }
        };
        match outcome {
            Some(outcome) => self.complete(module, outcome),
            None => Vec::new(),
        }
    }

    /// Publishes a module's outcome; returns the waiting modules that it was the last
    /// wait of.
    fn complete(&self, module: ModuleId, outcome: Outcome) -> Vec<ModuleId> {
        let slot = &self.slots[module.index()];
        let _ = slot.outcome.set(outcome);
        let waiters = {
            let mut wait = lock(&slot.wait);
            wait.done = true;
            std::mem::take(&mut wait.waiters)
        };
        waiters
            .into_iter()
            // AcqRel: the last decrement sees every outcome published before the others.
            .filter(|waiter| self.slots[waiter.index()].pending.fetch_sub(1, Ordering::AcqRel) == 1)
            .collect()
    }

    /// Everything the pass found, per module, and the files to follow.
    pub(crate) fn finish(self) -> (Vec<StreamResult>, Vec<ModuleInfo>) {
        let followed = self.follow.found();
        let results = self
            .slots
            .into_iter()
            .map(|slot| StreamResult {
                // Every slot was parsed: the pass ends only when every parse task has run.
                front: slot.front.into_inner().unwrap_or_else(FrontEnd::empty),
                edges: slot.edges.into_inner().unwrap_or_default(),
                ast: slot.ast.into_inner().unwrap_or_else(PoisonError::into_inner),
                text: slot.text.into_inner().unwrap_or_else(PoisonError::into_inner),
                outcome: slot.outcome.into_inner(),
            })
            .collect();
        (results, followed)
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A poisoned lock means a checker thread panicked; rayon re-raises that panic at the
    // end of the scope, so carrying on with the data is as good as anything.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Finds the files of imported modules that nobody named, below the roots' top
/// directories (`typhon check main.py` also checks the `util.py` beside it).
pub(crate) struct Follow<'c> {
    sources: &'c dyn SourceProvider,
    modules: &'c [ModuleInfo],
    by_name: &'c HashMap<String, ModuleId>,
    lookup: &'c Lookup<'c>,
    /// The files of `modules`, built on the first probe (most projects never probe).
    known_files: OnceLock<HashSet<PathBuf>>,
    /// Every module name probed so far and the file found for it, so that each name costs
    /// its file-system lookups once.
    probes: Mutex<HashMap<String, Option<PathBuf>>>,
}

/// Where one command looks for imported files nobody named: the roots' top directories,
/// and what each directory looked into so far holds (see [`SourceProvider::list_dir`]),
/// shared by every [`Follow`] of the command.
pub(crate) struct Lookup<'t> {
    pub(crate) tops: &'t [PathBuf],
    /// `tops` without `.` components, as the candidate paths are.
    normal_tops: Vec<PathBuf>,
    dirs: Mutex<HashMap<PathBuf, Option<Arc<Listing>>>>,
    /// A file was looked for without a listing (the provider does not list, or the path
    /// has no directory): the lookups cannot be vouched for by directory stats.
    unlisted: std::sync::atomic::AtomicBool,
}

/// The files and directories of one directory, for lookups.
struct Listing {
    files: HashSet<OsString>,
    dirs: HashSet<OsString>,
    /// The symbolic links among them (see [`crate::DirEntries::links`]).
    links: Vec<OsString>,
}

impl<'t> Lookup<'t> {
    pub(crate) fn new(tops: &'t [PathBuf]) -> Lookup<'t> {
        let normal_tops = tops.iter().map(|top| normalize_path(top)).collect();
        Lookup { tops, normal_tops, dirs: Mutex::new(HashMap::new()), unlisted: Default::default() }
    }

    /// Every path whose stat vouches for the listings so far, sorted: each directory
    /// listed, and each symbolic link in one (what it points to may change without its
    /// directory changing). `None` if some lookup went without a listing (see the
    /// project snapshot, `cache/snapshot.rs`).
    pub(crate) fn listed(&self) -> Option<Vec<PathBuf>> {
        if self.unlisted.load(Ordering::Relaxed) {
            return None;
        }
        let dirs = lock(&self.dirs);
        let mut listed = Vec::with_capacity(dirs.len());
        for (dir, listing) in dirs.iter() {
            listed.push(dir.clone());
            listed.extend(listing.as_ref()?.links.iter().map(|link| dir.join(link)));
        }
        listed.sort();
        Some(listed)
    }

    /// What `dir` holds, listed once; `None` when the provider does not list.
    fn listing(&self, sources: &dyn SourceProvider, dir: &Path) -> Option<Arc<Listing>> {
        if let Some(cached) = lock(&self.dirs).get(dir) {
            return cached.clone();
        }
        let listing = sources.list_dir(dir).map(|entries| {
            Arc::new(Listing {
                files: entries.files.into_iter().collect(),
                dirs: entries.dirs.into_iter().collect(),
                links: entries.links,
            })
        });
        lock(&self.dirs).insert(dir.to_path_buf(), listing.clone());
        listing
    }

    /// Whether `path` is a file, from the listings when the provider lists: a directory
    /// that its parent's listing lacks is not even listed itself.
    fn is_file(&self, sources: &dyn SourceProvider, path: &Path) -> bool {
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
            self.unlisted.store(true, Ordering::Relaxed);
            return sources.is_file(path);
        };
        // (Not above a top directory: that one exists, and its parent may be huge.)
        let is_top = self.normal_tops.iter().any(|top| top == dir);
        if !is_top
            && let (Some(parent), Some(dir_name)) = (dir.parent(), dir.file_name())
            && let Some(above) = self.listing(sources, parent)
            && !above.dirs.contains(dir_name)
        {
            return false;
        }
        match self.listing(sources, dir) {
            Some(listing) => listing.files.contains(name),
            None => sources.is_file(path),
        }
    }
}

impl<'c> Follow<'c> {
    pub(crate) fn new(
        sources: &'c dyn SourceProvider,
        modules: &'c [ModuleInfo],
        by_name: &'c HashMap<String, ModuleId>,
        lookup: &'c Lookup<'c>,
    ) -> Follow<'c> {
        Follow { sources, modules, by_name, lookup, known_files: OnceLock::new(), probes: Mutex::new(HashMap::new()) }
    }

    /// Whether any import of a module names a file to follow.
    pub(crate) fn finds_any(&self, imports: &[typhon_typeck::ImportRequest]) -> bool {
        let mut found = false;
        for request in imports {
            let name = request.module.as_str();
            if !self.by_name.contains_key(name) && self.worth_probing(name) {
                found |= self.probe(name);
            }
        }
        found
    }

    /// Whether an import of a module the project does not have might be a file below a
    /// root: not a built-in module, a well-formed name, and not something inside a plain
    /// module (`a.b` of `from a import b` when `a` is `a.py` is a name in `a`).
    fn worth_probing(&self, name: &str) -> bool {
        // A namespace package has no file, and neither has a parent that is missing
        // (then so is the module, but only probing can tell). Checked first: the common
        // case is a name in a plain module (`m.Class` of `from m import Class`).
        if let Some((parent, _)) = name.rsplit_once('.') {
            if self.by_name.get(parent).is_some_and(|id| !self.modules[id.index()].is_package) {
                return false;
            }
            // The same for a parent found by an earlier probe (`from pkg.m import f` asks
            // for `pkg.m`, then for `pkg.m.f`).
            if lock(&self.probes)
                .get(parent)
                .is_some_and(|found| found.as_ref().is_some_and(|path| !is_init_file(path)))
            {
                return false;
            }
        }
        !typhon_typeck::is_builtin_module(name) && is_module_name(name)
    }

    fn probe(&self, name: &str) -> bool {
        if let Some(found) = lock(&self.probes).get(name) {
            return found.is_some();
        }
        let known_files =
            self.known_files.get_or_init(|| self.modules.iter().map(|info| info.file.path.clone()).collect());
        let found = self.lookup.tops.iter().flat_map(|top| candidate_files(top, name)).find_map(|candidate| {
            let path = normalize_path(&candidate);
            (!known_files.contains(&path) && self.lookup.is_file(self.sources, &path)).then_some(path)
        });
        let is_found = found.is_some();
        lock(&self.probes).insert(name.to_owned(), found);
        is_found
    }

    /// The modules found, sorted by name (one per file).
    pub(crate) fn found(&self) -> Vec<ModuleInfo> {
        let probes = lock(&self.probes);
        let mut found: Vec<ModuleInfo> = probes
            .iter()
            .filter_map(|(name, path)| {
                let path = path.as_ref()?;
                Some(ModuleInfo {
                    name: name.clone(),
                    is_package: is_init_file(path),
                    file: crate::SourceFile::new(path.clone()),
                    followed: true,
                })
            })
            .collect();
        found.sort_by(|a, b| a.name.cmp(&b.name));
        let mut seen_files = HashSet::new();
        found.retain(|info| seen_files.insert(info.file.path.clone()));
        found
    }
}
