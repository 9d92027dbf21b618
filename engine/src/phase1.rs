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
use typhon_typeck::{ImportResolver, Interface, ModuleInput};

use crate::graph::{ModuleGraph, ModuleId};
use crate::{ModuleInfo, ModuleStatus};

/// What phase 1 left for one module.
pub(crate) struct Outcome {
    pub(crate) status: ModuleStatus,
    pub(crate) interface: Option<Arc<Interface>>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) ir: Option<ModuleIr>,
    /// For a module that was not checked because of front-end errors: the module that
    /// had them (itself, or one it imports directly or not).
    pub(crate) blocked_by: Option<ModuleId>,
}

impl Outcome {
    /// A module whose own front end reported errors.
    pub(crate) fn broken(module: ModuleId) -> Outcome {
        Outcome::not_checked(ModuleStatus::FrontEndErrors, Some(module))
    }

    pub(crate) fn not_checked(status: ModuleStatus, blocked_by: Option<ModuleId>) -> Outcome {
        Outcome { status, interface: None, diagnostics: Vec::new(), ir: None, blocked_by }
    }
}

/// What both schedulers share: the module table, the options of phase 1 and its clock.
pub(crate) struct CheckContext<'a> {
    pub(crate) modules: &'a [ModuleInfo],
    keep_ir: bool,
    typeck_nanos: AtomicU64,
    drop_nanos: AtomicU64,
}

/// The time phase 1 spent, summed over the threads.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Phase1Times {
    pub(crate) typeck: Duration,
    pub(crate) drop: Duration,
}

impl<'a> CheckContext<'a> {
    pub(crate) fn new(modules: &'a [ModuleInfo], keep_ir: bool) -> CheckContext<'a> {
        CheckContext { modules, keep_ir, typeck_nanos: AtomicU64::new(0), drop_nanos: AtomicU64::new(0) }
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
            interface: Some(Arc::new(checked.interface)),
            diagnostics: checked.diagnostics,
            // An IR nobody asked for is dropped here, on the worker thread.
            ir: keep_ir.then_some(checked.ir),
            blocked_by: None,
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
        cycle: &[(ModuleId, Arc<Interface>)],
    ) -> Result<Interfaces<'a>, ModuleId> {
        let mut by_name: Vec<(&'a str, Arc<Interface>)> = Vec::new();
        let mut blocked: Option<(ModuleId, ModuleId)> = None;
        for dependency in dependencies {
            let interface = match outcome_of(dependency) {
                Some(Outcome { interface: Some(interface), .. }) => interface.clone(),
                Some(Outcome { blocked_by: Some(cause), .. }) => {
                    if blocked.is_none_or(|(first, _)| dependency < first) {
                        blocked = Some((dependency, *cause));
                    }
                    continue;
                }
                // A duplicate file is nobody's dependency; nothing else lacks both.
                Some(_) => continue,
                None => match cycle.iter().find(|(member, _)| *member == dependency) {
                    Some((_, interface)) => interface.clone(),
                    None => continue,
                },
            };
            by_name.push((self.modules[dependency.index()].name.as_str(), interface));
        }
        if let Some((_, cause)) = blocked {
            return Err(cause);
        }
        by_name.sort_unstable_by(|a, b| a.0.cmp(b.0));
        Ok(Interfaces { by_name })
    }
}

/// The interfaces one module may see, sorted by module name for lookup.
pub(crate) struct Interfaces<'a> {
    by_name: Vec<(&'a str, Arc<Interface>)>,
}

impl ImportResolver for Interfaces<'_> {
    fn interface(&self, module: &str) -> Option<&Interface> {
        let idx = self.by_name.binary_search_by(|(name, _)| (*name).cmp(module)).ok()?;
        Some(&self.by_name[idx].1)
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
        let blocked_by = match broken_member {
            Some(member) => Some(member),
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
        let asts: Vec<Option<ast::Module>> = component.members.iter().map(|member| self.take_ast(*member)).collect();
        if component.is_cycle {
            self.check_cycle(&component.members, &asts);
        } else if let (Some(&member), Some(Some(ast))) = (component.members.first(), asts.first()) {
            // Every dependency is done and none is broken (checked above).
            if let Ok(imports) = self.dependency_interfaces(member, &[]) {
                let outcome = self.context.check_one(member, ast, &imports);
                self.publish(member, outcome);
            }
        }
        self.context.drop_tree(asts);
    }

    /// Checks the modules of an import cycle. Each module of the cycle needs the
    /// interfaces of the others, so they are checked in rounds: the first round without
    /// the interfaces of the members not checked yet, each next round with the newest
    /// interface of every member, until no interface changes (usually after two rounds).
    /// The diagnostics of the last round are the ones reported: they were found with
    /// every interface known, so the cycle costs its one `import-cycle` error and no
    /// cascade of bogus "module not found" errors, in the cycle or in its dependents.
    fn check_cycle(&self, members: &[ModuleId], asts: &[Option<ast::Module>]) {
        let mut interfaces: Vec<(ModuleId, Arc<Interface>)> = Vec::new();
        let mut hashes: Vec<Option<[u8; 32]>> = vec![None; members.len()];
        let mut outcomes: Vec<Option<Outcome>> = members.iter().map(|_| None).collect();
        // Each round lets an interface see one more step around the cycle; the bound keeps
        // a component whose interfaces never settle from looping.
        for _round in 0..=members.len() + 1 {
            let mut changed = false;
            for (position, (&member, ast)) in members.iter().zip(asts).enumerate() {
                let Some(ast) = ast else { continue };
                let Ok(imports) = self.dependency_interfaces(member, &interfaces) else { continue };
                let outcome = self.context.check_one(member, ast, &imports);
                if let Some(interface) = &outcome.interface {
                    let hash = interface.interface_hash();
                    if hashes[position] != Some(hash) {
                        changed = true;
                        hashes[position] = Some(hash);
                        interfaces.retain(|(module, _)| *module != member);
                        interfaces.push((member, interface.clone()));
                    }
                }
                outcomes[position] = Some(outcome);
            }
            if !changed {
                break;
            }
        }
        for (&member, outcome) in members.iter().zip(outcomes) {
            if let Some(outcome) = outcome {
                self.publish(member, outcome);
            }
        }
    }

    /// The interfaces that `module` may see: those of the modules it imports (for members
    /// of its own cycle, the newest from `cycle`).
    fn dependency_interfaces(
        &self,
        module: ModuleId,
        cycle: &[(ModuleId, Arc<Interface>)],
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
