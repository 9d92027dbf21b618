//! Phase 1 of one module (the type checker against the interfaces of its imports), and
//! phase 1 over a whole graph in dependency order: the general scheduler, which handles
//! import cycles. The common case (no cycle, nothing to follow) is served earlier by the
//! streaming scheduler of `stream.rs`; this one finishes whatever that one left.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use typhon_diagnostics::Diagnostic;
use typhon_parser::ast;
use typhon_typeck::ir::ModuleIr;
use typhon_typeck::{ClassInfo, ClassRef, Export, ImportResolver, Interface, InterfaceView, ModuleInput};

use crate::cache::{CacheRun, CachedEntry, MissReason, Probe, RecordStatus};
use crate::check::{SourceText, parse_source, read_source_hashed};
use crate::graph::{ModuleGraph, ModuleId};
use crate::{ModuleInfo, ModuleStatus, SourceProvider};

/// What phase 1 left for one module.
pub(crate) struct Outcome {
    pub(crate) status: ModuleStatus,
    pub(crate) interface: Option<InterfaceOf>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) ir: Option<ModuleIr>,
    /// For a module that was not checked because of front-end errors: the module that
    /// had them (itself, or one it imports directly or not).
    pub(crate) blocked_by: Option<ModuleId>,
    /// The cache entry the outcome was taken from; `None` when phase 1 ran (or had
    /// nothing to do).
    pub(crate) cached: Option<Arc<CachedEntry>>,
    /// Why phase 1 ran instead of reusing an entry (with a cache).
    pub(crate) reason: Option<MissReason>,
    /// The dependency signatures phase 1 was given: the name and interface hash of every
    /// module whose interface it saw, sorted by name (the key of the module's entry).
    pub(crate) deps: Vec<(String, [u8; 32])>,
    /// The source, when the module's front end was skipped (its entry matched) but phase
    /// 1 had to run after all: the file was read and parsed late.
    pub(crate) late_source: Option<(String, Option<[u8; 32]>)>,
}

impl Outcome {
    /// A module whose own front end reported errors.
    pub(crate) fn broken(module: ModuleId) -> Outcome {
        Outcome::not_checked(ModuleStatus::FrontEndErrors, Some(module))
    }

    pub(crate) fn not_checked(status: ModuleStatus, blocked_by: Option<ModuleId>) -> Outcome {
        Outcome {
            status,
            interface: None,
            diagnostics: Vec::new(),
            ir: None,
            blocked_by,
            cached: None,
            reason: None,
            deps: Vec::new(),
            late_source: None,
        }
    }
}

/// A module's interface: computed by phase 1 now, or held by a cache entry and decoded
/// only if a dependent is re-checked against it.
#[derive(Clone)]
pub(crate) enum InterfaceOf {
    Checked(Arc<Interface>),
    Cached(Arc<CachedEntry>),
}

impl InterfaceOf {
    /// `None` only for an entry whose interface section does not decode, which a
    /// validated entry written by this compiler never has.
    pub(crate) fn get(&self) -> Option<&Arc<Interface>> {
        match self {
            InterfaceOf::Checked(interface) => Some(interface),
            InterfaceOf::Cached(entry) => entry.interface(),
        }
    }
}

impl std::fmt::Debug for InterfaceOf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InterfaceOf::Checked(interface) => write!(f, "Checked({})", interface.module),
            InterfaceOf::Cached(_) => f.write_str("Cached"),
        }
    }
}

/// What both schedulers share: the module table, the options of phase 1 and its clock,
/// and the cache's findings about every module.
pub(crate) struct CheckContext<'a> {
    pub(crate) modules: &'a [ModuleInfo],
    keep_ir: bool,
    typeck_nanos: AtomicU64,
    drop_nanos: AtomicU64,
    sources: &'a dyn SourceProvider,
    cache: Option<&'a CacheRun<'a>>,
    /// Per module (shorter than `modules` without a cache).
    probes: &'a [Probe],
}

/// The time phase 1 spent, summed over the threads.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Phase1Times {
    pub(crate) typeck: Duration,
    pub(crate) drop: Duration,
}

impl<'a> CheckContext<'a> {
    pub(crate) fn new(
        modules: &'a [ModuleInfo],
        keep_ir: bool,
        sources: &'a dyn SourceProvider,
        cache: Option<&'a CacheRun<'a>>,
        probes: &'a [Probe],
    ) -> CheckContext<'a> {
        CheckContext {
            modules,
            keep_ir,
            typeck_nanos: AtomicU64::new(0),
            drop_nanos: AtomicU64::new(0),
            sources,
            cache,
            probes,
        }
    }

    /// The cache entry whose front end matched, if any.
    pub(crate) fn entry(&self, module: ModuleId) -> Option<&Arc<CachedEntry>> {
        self.probes.get(module.index()).and_then(|probe| probe.entry.as_ref())
    }

    /// Why the module has no usable entry (with a cache).
    pub(crate) fn probe_reason(&self, module: ModuleId) -> Option<MissReason> {
        self.cache?;
        let probe = self.probes.get(module.index())?;
        Some(probe.reason.clone().unwrap_or(MissReason::NotCached))
    }

    /// Reuses the module's entry if its key matches `deps`. The run path probed the code
    /// entry; when that one was compiled against other dependencies, the meta entry (a
    /// `check` may have written it since) is tried as well.
    pub(crate) fn reuse_any(&self, module: ModuleId, deps: &[(&str, [u8; 32])]) -> Result<Outcome, MissReason> {
        let entry = self.entry(module).ok_or(MissReason::NotCached)?;
        let why = match self.reuse(entry, deps) {
            Ok(outcome) => return Ok(outcome),
            Err(why) => why,
        };
        let fallback = match (self.cache, entry.is_code(), self.probes.get(module.index())) {
            (Some(cache), true, Some(probe)) => {
                probe.source_hash.and_then(|hash| cache.meta_entry(self.sources, &self.modules[module.index()], hash))
            }
            _ => None,
        };
        match fallback {
            Some(meta) => self.reuse(&meta, deps),
            None => Err(why),
        }
    }

    /// Reuses a module's entry if its recorded dependency signatures are `deps` (and,
    /// for the run path, it has bytecode); otherwise says why not.
    fn reuse(&self, entry: &Arc<CachedEntry>, deps: &[(&str, [u8; 32])]) -> Result<Outcome, MissReason> {
        let mut recorded = entry.deps();
        for (name, hash) in deps {
            match recorded.next() {
                Some((recorded_name, recorded_hash)) if recorded_name == *name => {
                    if recorded_hash != *hash {
                        return Err(MissReason::InterfaceChanged { module: (*name).to_owned() });
                    }
                }
                _ => return Err(MissReason::ImportsChanged),
            }
        }
        if recorded.next().is_some() {
            return Err(MissReason::ImportsChanged);
        }
        let Some(interface_hash) = entry.interface_hash.filter(|_| entry.status == RecordStatus::Checked) else {
            return Err(MissReason::ImportsChanged);
        };
        if self.cache.is_some_and(|cache| cache.want_code) {
            let has_errors = entry.check_diagnostics.iter().any(Diagnostic::is_error);
            if !has_errors {
                entry.code_status()?;
            }
        }
        Ok(Outcome {
            status: ModuleStatus::Checked { interface_hash },
            interface: Some(InterfaceOf::Cached(entry.clone())),
            diagnostics: entry.check_diagnostics.clone(),
            cached: Some(entry.clone()),
            ..Outcome::not_checked(ModuleStatus::FrontEndErrors, None)
        })
    }

    /// The tree of a module whose front end the cache skipped, parsed now that phase 1
    /// must run after all (from `text` if the probe read it), with its source and hash.
    pub(crate) fn parse_late(
        &self,
        module: ModuleId,
        text: Option<SourceText>,
    ) -> (Option<ast::Module>, (String, Option<[u8; 32]>)) {
        let info = &self.modules[module.index()];
        let (text, hash) = match text {
            Some(text) => (text, self.probes.get(module.index()).and_then(|probe| probe.source_hash)),
            None => read_source_hashed(self.sources, &info.file),
        };
        let mut front = parse_source(text, &info.name, info.is_package);
        (front.ast.take(), (front.source, hash))
    }

    /// Why a member of a cycle that was re-checked (because of `cycle_reason`) was not
    /// served from the cache; `None` without a cache.
    pub(crate) fn cache_reason(&self, module: ModuleId, cycle_reason: &MissReason) -> Option<MissReason> {
        self.cache?;
        match self.entry(module) {
            Some(_) => Some(cycle_reason.clone()),
            None => self.probe_reason(module),
        }
    }

    /// Phase 1 of a module whose imports are all done and none broken: the entry's
    /// outcome when the key matches, otherwise the type checker over `ast`, or over the
    /// file parsed now when the front end was skipped (`text` is its source if read).
    pub(crate) fn check_or_reuse(
        &self,
        module: ModuleId,
        ast: Option<ast::Module>,
        text: Option<SourceText>,
        imports: &Interfaces<'_>,
    ) -> Outcome {
        let mut reason = self.probe_reason(module);
        if self.entry(module).is_some() {
            match self.reuse_any(module, &imports.key) {
                Ok(outcome) => return outcome,
                Err(why) => reason = Some(why),
            }
        }
        let (ast, late_source) = match ast {
            Some(ast) => (Some(ast), None),
            None => {
                let (ast, source) = self.parse_late(module, text);
                (ast, Some(source))
            }
        };
        let mut outcome = match &ast {
            Some(ast) => self.check_one(module, ast, imports),
            // The source changed between the probe and now (or cannot be read any more):
            // its front end fails, which a fresh check would report as such.
            None => Outcome::broken(module),
        };
        self.drop_tree(ast);
        outcome.reason = reason;
        outcome.late_source = late_source;
        outcome
    }

    pub(crate) fn times(&self) -> Phase1Times {
        Phase1Times {
            typeck: Duration::from_nanos(self.typeck_nanos.load(Ordering::Relaxed)),
            drop: Duration::from_nanos(self.drop_nanos.load(Ordering::Relaxed)),
        }
    }

    /// Type-checks one module against `imports`.
    pub(crate) fn check_one(&self, module: ModuleId, ast: &ast::Module, imports: &Interfaces<'_>) -> Outcome {
        let info = &self.modules[module.index()];
        let started = Instant::now();
        let input = ModuleInput { name: &info.name, is_package: info.is_package, ast, imports };
        let checked = typhon_typeck::check_module(&input);
        let interface_hash = checked.interface.interface_hash();
        let keep_ir = self.keep_ir && !checked.has_errors();
        let outcome = Outcome {
            status: ModuleStatus::Checked { interface_hash },
            interface: Some(InterfaceOf::Checked(Arc::new(checked.interface))),
            diagnostics: checked.diagnostics,
            // An IR nobody asked for is dropped here, on the worker thread.
            ir: keep_ir.then_some(checked.ir),
            deps: imports.key.iter().map(|(name, hash)| ((*name).to_owned(), *hash)).collect(),
            ..Outcome::not_checked(ModuleStatus::FrontEndErrors, None)
        };
        self.typeck_nanos.fetch_add(nanos(started.elapsed()), Ordering::Relaxed);
        outcome
    }

    /// Frees a syntax tree, timing it: trees are large, and freeing them is not free.
    pub(crate) fn drop_tree<T>(&self, tree: T) {
        let started = Instant::now();
        drop(tree);
        self.drop_nanos.fetch_add(nanos(started.elapsed()), Ordering::Relaxed);
    }

    /// The interfaces of `dependencies` for a module, or the module with front-end errors
    /// because of which it cannot be checked. `outcome_of` gives the outcome of each
    /// dependency that has one; dependencies without an outcome are members of the
    /// module's own cycle, whose interfaces come from `cycle`. Of several broken
    /// dependencies, the one with the smallest id is named, whichever scheduler asks.
    pub(crate) fn interfaces<'o>(
        &self,
        dependencies: impl Iterator<Item = ModuleId>,
        outcome_of: impl Fn(ModuleId) -> Option<&'o Outcome>,
        cycle: &[(ModuleId, Arc<Interface>, [u8; 32])],
    ) -> Result<Interfaces<'a>, ModuleId> {
        let mut by_name: Vec<(&'a str, InterfaceOf)> = Vec::new();
        let mut key: Vec<(&'a str, [u8; 32])> = Vec::new();
        let mut blocked: Option<(ModuleId, ModuleId)> = None;
        for dependency in dependencies {
            let (interface, hash) = match outcome_of(dependency) {
                Some(Outcome {
                    interface: Some(interface), status: ModuleStatus::Checked { interface_hash }, ..
                }) => (interface.clone(), *interface_hash),
                Some(Outcome { blocked_by: Some(cause), .. }) => {
                    if blocked.is_none_or(|(first, _)| dependency < first) {
                        blocked = Some((dependency, *cause));
                    }
                    continue;
                }
                // A duplicate file is nobody's dependency; nothing else lacks both.
                Some(_) => continue,
                None => match cycle.iter().find(|(member, _, _)| *member == dependency) {
                    Some((_, interface, hash)) => (InterfaceOf::Checked(interface.clone()), *hash),
                    None => continue,
                },
            };
            let name = self.modules[dependency.index()].name.as_str();
            if !by_name.iter().any(|(seen, _)| *seen == name) {
                by_name.push((name, interface));
                key.push((name, hash));
            }
        }
        if let Some((_, cause)) = blocked {
            return Err(cause);
        }
        by_name.sort_unstable_by(|a, b| a.0.cmp(b.0));
        key.sort_unstable();
        let by_name = by_name
            .into_iter()
            .map(|(name, interface)| (name, ResolvedInterface { interface, cache: self.cache }))
            .collect();
        Ok(Interfaces { by_name, key })
    }
}

/// The interfaces one module may see, sorted by module name for lookup, and their
/// names and hashes (the dependency signatures of the module's cache key). Interfaces
/// held by cache entries are consulted in place, name by name, and only when the type
/// checker asks, which it does only when the module is re-checked.
pub(crate) struct Interfaces<'a> {
    by_name: Vec<(&'a str, ResolvedInterface<'a>)>,
    pub(crate) key: Vec<(&'a str, [u8; 32])>,
}

impl ImportResolver for Interfaces<'_> {
    fn interface(&self, module: &str) -> Option<&dyn InterfaceView> {
        let idx = self.by_name.binary_search_by(|(name, _)| (*name).cmp(module)).ok()?;
        let view = &self.by_name[idx].1;
        if let InterfaceOf::Cached(entry) = &view.interface
            && entry.table().is_none()
        {
            view.poison();
            return None;
        }
        Some(view)
    }
}

/// An interface as the type checker sees it: its own, or a cache entry's, consulted in
/// place. A cache entry that does not decode cannot happen with an entry this compiler
/// wrote and the store validated; the command is then redone without reading the cache.
pub(crate) struct ResolvedInterface<'a> {
    interface: InterfaceOf,
    cache: Option<&'a CacheRun<'a>>,
}

impl ResolvedInterface<'_> {
    fn poison(&self) {
        if let Some(cache) = self.cache {
            cache.poison();
        }
    }
}

impl InterfaceView for ResolvedInterface<'_> {
    fn export(&self, name: &str) -> Option<Export> {
        match &self.interface {
            InterfaceOf::Checked(interface) => InterfaceView::export(&**interface, name),
            InterfaceOf::Cached(entry) => match entry.table().map(|table| table.export(name)) {
                Some(Ok(found)) => found,
                _ => {
                    self.poison();
                    None
                }
            },
        }
    }

    fn classes_outside(&self, module: &str, wanted: &mut dyn FnMut(&ClassRef) -> bool) -> Vec<ClassInfo> {
        match &self.interface {
            InterfaceOf::Checked(interface) => interface.classes_outside(module, wanted),
            InterfaceOf::Cached(entry) => match entry.table().map(|table| table.classes_outside(module, wanted)) {
                Some(Ok(found)) => found,
                _ => {
                    self.poison();
                    Vec::new()
                }
            },
        }
    }
}

/// One unit of scheduling: a strongly connected component of the graph (a single module,
/// or the modules of an import cycle, checked together).
struct Component {
    members: Vec<ModuleId>,
    is_cycle: bool,
    /// Every member already has an outcome (from the streaming scheduler).
    done: bool,
    /// How many other components it imports that are not done.
    n_waiting: u32,
    /// The components that import it.
    dependents: Vec<u32>,
}

/// Phase 1 over a graph with its strongly connected components.
pub(crate) struct GraphPhase1<'c, 'a> {
    context: &'c CheckContext<'a>,
    graph: &'c ModuleGraph,
    /// Taken (and dropped) by the task that checks the module.
    asts: Vec<Mutex<Option<ast::Module>>>,
    /// The source texts of modules whose front end the cache skipped but which were read
    /// anyway: parsed only if phase 1 must run after all.
    texts: Vec<Mutex<Option<SourceText>>>,
    /// Modules whose front end reported errors.
    broken: Vec<bool>,
    components: Vec<Component>,
    component_of: Vec<u32>,
    /// Per module, set once: before the start for modules already done, else by the task
    /// that checks it.
    outcomes: Vec<OnceLock<Outcome>>,
    remaining: Vec<AtomicU32>,
}

impl<'c, 'a> GraphPhase1<'c, 'a> {
    /// Prepares phase 1. `asts[i]` is module `i`'s tree (`None` when it is not checked);
    /// `components` come from [`crate::graph::components`], dependencies first, each
    /// with whether it is a cycle; `broken[i]` says that module `i` had front-end errors;
    /// `done[i]` is the outcome of a module that needs no more work.
    pub(crate) fn new(
        context: &'c CheckContext<'a>,
        graph: &'c ModuleGraph,
        asts: Vec<Option<ast::Module>>,
        texts: Vec<Option<SourceText>>,
        components: Vec<(Vec<ModuleId>, bool)>,
        broken: Vec<bool>,
        done: Vec<Option<Outcome>>,
    ) -> GraphPhase1<'c, 'a> {
        let n_modules = done.len();
        let mut component_of = vec![0u32; n_modules];
        for (idx, (members, _)) in components.iter().enumerate() {
            for member in members {
                component_of[member.index()] = idx as u32;
            }
        }
        let outcomes: Vec<OnceLock<Outcome>> =
            done.into_iter().map(|outcome| outcome.map_or_else(OnceLock::new, OnceLock::from)).collect();
        let mut built: Vec<Component> = Vec::with_capacity(components.len());
        for (idx, (members, is_cycle)) in components.into_iter().enumerate() {
            let done = members.iter().all(|member| outcomes[member.index()].get().is_some());
            let mut dependencies: Vec<u32> = members
                .iter()
                .flat_map(|member| graph.imports[member.index()].iter().map(|(target, _)| component_of[target.index()]))
                .filter(|&dependency| dependency != idx as u32)
                .collect();
            dependencies.sort_unstable();
            dependencies.dedup();
            // Components come dependencies first, so every dependency is already built.
            let mut n_waiting = 0;
            for &dependency in &dependencies {
                if !built[dependency as usize].done {
                    built[dependency as usize].dependents.push(idx as u32);
                    n_waiting += 1;
                }
            }
            built.push(Component { members, is_cycle, done, n_waiting, dependents: Vec::new() });
        }
        let remaining = built.iter().map(|component| AtomicU32::new(component.n_waiting)).collect();
        GraphPhase1 {
            context,
            graph,
            asts: asts.into_iter().map(Mutex::new).collect(),
            texts: texts.into_iter().map(Mutex::new).collect(),
            broken,
            components: built,
            component_of,
            outcomes,
            remaining,
        }
    }

    /// Checks every component that is not done, in parallel on the current rayon pool.
    pub(crate) fn run_parallel(&self) {
        rayon::scope(|scope| {
            for (idx, component) in self.components.iter().enumerate() {
                if !component.done && component.n_waiting == 0 {
                    scope.spawn(move |scope| self.run_from(scope, idx as u32));
                }
            }
        });
    }

    /// Checks one component, then starts every dependent that it was the last wait of.
    fn run_from<'s>(&'s self, scope: &rayon::Scope<'s>, idx: u32) {
        self.check_component(idx);
        for &dependent in &self.components[idx as usize].dependents {
            // AcqRel: the last decrement sees every outcome that the other dependencies
            // published before their own decrement.
            if self.remaining[dependent as usize].fetch_sub(1, Ordering::AcqRel) == 1 {
                scope.spawn(move |scope| self.run_from(scope, dependent));
            }
        }
    }

    /// Checks every component on the calling thread, in dependency order.
    pub(crate) fn run_sequential(&self) {
        for idx in 0..self.components.len() {
            if !self.components[idx].done {
                self.check_component(idx as u32);
            }
        }
    }

    /// The outcome of every module, in module order.
    pub(crate) fn finish(self) -> Vec<Option<Outcome>> {
        self.outcomes.into_iter().map(OnceLock::into_inner).collect()
    }

    fn check_component(&self, idx: u32) {
        let component = &self.components[idx as usize];
        // A member with front-end errors stops the whole component (its members need its
        // interface); otherwise a broken dependency does.
        let broken_member = component.members.iter().copied().find(|member| self.broken[member.index()]);
        // A single module (the common case) computes its imports' interfaces once.
        let mut single = None;
        let blocked_by = match broken_member {
            Some(member) => Some(member),
            None if !component.is_cycle && component.members.len() == 1 => {
                match self.dependency_interfaces(component.members[0], &[]) {
                    Ok(imports) => {
                        single = Some(imports);
                        None
                    }
                    Err(cause) => Some(cause),
                }
            }
            None => {
                component.members.iter().map(|member| self.dependency_interfaces(*member, &[])).find_map(Result::err)
            }
        };
        if let Some(cause) = blocked_by {
            for &member in &component.members {
                let outcome = if self.broken[member.index()] {
                    Outcome::broken(member)
                } else {
                    let module = self.context.modules[cause.index()].name.clone();
                    Outcome::not_checked(ModuleStatus::ImportsBrokenModule { module }, Some(cause))
                };
                self.publish(member, outcome);
            }
            return;
        }
        if component.is_cycle {
            self.check_cycle(&component.members);
        } else if let (Some(&member), Some(imports)) = (component.members.first(), single) {
            // Every dependency is done and none is broken (checked above).
            let ast = self.take_ast(member);
            let text = self.take_text(member);
            let outcome = self.context.check_or_reuse(member, ast, text, &imports);
            self.publish(member, outcome);
        }
    }

    /// Checks the modules of an import cycle. When every member has a cache entry whose
    /// key matches (the members' own interfaces taken from their entries), the entries
    /// are reused. Otherwise each module of the cycle needs the interfaces of the others,
    /// so they are checked in rounds: the first round without the interfaces of the
    /// members not checked yet, each next round with the newest interface of every
    /// member, until no interface changes (usually after two rounds). The diagnostics of
    /// the last round are the ones reported: they were found with every interface known,
    /// so the cycle costs its one `import-cycle` error and no cascade of bogus "module not
    /// found" errors, in the cycle or in its dependents.
    fn check_cycle(&self, members: &[ModuleId]) {
        let reason = match self.reuse_cycle(members) {
            Ok(outcomes) => {
                for (&member, outcome) in members.iter().zip(outcomes) {
                    self.publish(member, outcome);
                }
                return;
            }
            Err(reason) => reason,
        };
        let mut late_sources: Vec<Option<(String, Option<[u8; 32]>)>> = members.iter().map(|_| None).collect();
        let asts: Vec<Option<ast::Module>> = members
            .iter()
            .zip(&mut late_sources)
            .map(|(&member, late)| {
                self.take_ast(member).or_else(|| {
                    let (ast, source) = self.context.parse_late(member, self.take_text(member));
                    *late = Some(source);
                    ast
                })
            })
            .collect();
        let mut interfaces: Vec<(ModuleId, Arc<Interface>, [u8; 32])> = Vec::new();
        let mut hashes: Vec<Option<[u8; 32]>> = vec![None; members.len()];
        let mut outcomes: Vec<Option<Outcome>> = members.iter().map(|_| None).collect();
        // Each round lets an interface see one more step around the cycle; the bound keeps
        // a component whose interfaces never settle from looping.
        for _round in 0..=members.len() + 1 {
            let mut changed = false;
            for (position, (&member, ast)) in members.iter().zip(&asts).enumerate() {
                let Some(ast) = ast else { continue };
                let Ok(imports) = self.dependency_interfaces(member, &interfaces) else { continue };
                let outcome = self.context.check_one(member, ast, &imports);
                if let Some(interface) = outcome.interface.as_ref().and_then(InterfaceOf::get) {
                    let hash = interface.interface_hash();
                    if hashes[position] != Some(hash) {
                        changed = true;
                        hashes[position] = Some(hash);
                        interfaces.retain(|(module, _, _)| *module != member);
                        interfaces.push((member, interface.clone(), hash));
                    }
                }
                outcomes[position] = Some(outcome);
            }
            if !changed {
                break;
            }
        }
        for ((&member, outcome), late) in members.iter().zip(outcomes).zip(late_sources) {
            if let Some(mut outcome) = outcome {
                outcome.reason = self.context.cache_reason(member, &reason);
                outcome.late_source = late;
                self.publish(member, outcome);
            }
        }
        self.context.drop_tree(asts);
    }

    /// The outcomes of a cycle's members from their cache entries, if every member has
    /// one whose key matches; otherwise why not.
    fn reuse_cycle(&self, members: &[ModuleId]) -> Result<Vec<Outcome>, MissReason> {
        let mut cycle = Vec::with_capacity(members.len());
        for &member in members {
            let Some(entry) = self.context.entry(member) else {
                return Err(self.context.probe_reason(member).unwrap_or(MissReason::NotCached));
            };
            let Some(hash) = entry.interface_hash else { return Err(MissReason::ImportsChanged) };
            cycle.push((member, hash));
        }
        members
            .iter()
            .map(|&member| {
                let key = self.dependency_key(member, &cycle).map_err(|_| MissReason::ImportsChanged)?;
                self.context.reuse_any(member, &key)
            })
            .collect()
    }

    /// The dependency signatures of a cycle member, the other members' interface hashes
    /// taken from `cycle`.
    fn dependency_key(&self, module: ModuleId, cycle: &[(ModuleId, [u8; 32])]) -> Result<Vec<(&'a str, [u8; 32])>, ()> {
        let own_component = self.component_of[module.index()];
        let mut key = Vec::new();
        for &(target, _) in &self.graph.imports[module.index()] {
            let hash = if self.component_of[target.index()] == own_component {
                cycle.iter().find(|(member, _)| *member == target).map(|(_, hash)| *hash)
            } else {
                match self.outcomes[target.index()].get().map(|outcome| &outcome.status) {
                    Some(ModuleStatus::Checked { interface_hash }) => Some(*interface_hash),
                    Some(_) => return Err(()),
                    None => None,
                }
            };
            if let Some(hash) = hash {
                let name = self.context.modules[target.index()].name.as_str();
                if !key.iter().any(|(seen, _)| *seen == name) {
                    key.push((name, hash));
                }
            }
        }
        key.sort_unstable();
        Ok(key)
    }

    /// The interfaces that `module` may see: those of the modules it imports (for members
    /// of its own cycle, the newest from `cycle`).
    fn dependency_interfaces(
        &self,
        module: ModuleId,
        cycle: &[(ModuleId, Arc<Interface>, [u8; 32])],
    ) -> Result<Interfaces<'a>, ModuleId> {
        let own_component = self.component_of[module.index()];
        let dependencies = self.graph.imports[module.index()].iter().map(|(target, _)| *target);
        let outcome_of = |dependency: ModuleId| {
            if self.component_of[dependency.index()] == own_component {
                None
            } else {
                self.outcomes[dependency.index()].get()
            }
        };
        self.context.interfaces(dependencies, outcome_of, cycle)
    }

    fn take_text(&self, module: ModuleId) -> Option<SourceText> {
        let mut slot = self.texts.get(module.index())?.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        slot.take()
    }

    fn take_ast(&self, module: ModuleId) -> Option<ast::Module> {
        // A poisoned lock means a checker thread panicked; rayon re-raises that panic, so
        // taking the tree anyway is as good as anything.
        let mut slot = self.asts[module.index()].lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        slot.take()
    }

    fn publish(&self, module: ModuleId, outcome: Outcome) {
        // Each module belongs to exactly one component, which is checked once.
        let _ = self.outcomes[module.index()].set(outcome);
    }
}

fn nanos(duration: Duration) -> u64 {
    u64::try_from(duration.as_nanos()).unwrap_or(u64::MAX)
}
