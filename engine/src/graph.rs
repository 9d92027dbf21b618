//! The module graph: every module's imports resolved to modules of the project, the
//! dependency graph (petgraph), its strongly connected components and the import cycles
//! they reveal.

use std::collections::HashMap;
use std::fmt::Write as _;

use petgraph::graph::{DiGraph, NodeIndex};
use typhon_diagnostics::{Code, Diagnostic, LineIndex, Span};
use typhon_typeck::ImportRequest;

use crate::ModuleInfo;

/// A module's index in the project's module table; also its node index in the graph.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub(crate) struct ModuleId(pub(crate) u32);

impl ModuleId {
    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }

    pub(crate) fn node(self) -> NodeIndex {
        NodeIndex::new(self.index())
    }
}

/// One resolved import of a module: the module it needs and where.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Edge {
    pub(crate) target: ModuleId,
    /// The span of the first import of `target`.
    pub(crate) span: Span,
    /// An edge up to an enclosing package that only reaches for its submodules (see
    /// [`build`]): a dependency only when it closes no cycle.
    pub(crate) weak: bool,
}

/// The resolved imports of every module and the graph made of them.
pub(crate) struct ModuleGraph {
    /// Edge `a → b` when `a` imports `b`; node `i` is module `i`. The weight is the span
    /// of the first import of `b` in `a`.
    pub(crate) graph: DiGraph<ModuleId, Span>,
    /// The same edges per module, in source order (petgraph lists neighbours newest
    /// first; reports want the order of the source).
    pub(crate) imports: Vec<Vec<(ModuleId, Span)>>,
}

/// Resolves the imports of module `this` (`info`) to modules of the project, one edge per
/// imported module, in source order.
///
/// Imports of modules that do not exist are left out: the type checker reports them,
/// because it is not given their interface. Candidates (`a.b` of `from a import b`, the
/// packages around an imported module) become edges when the module exists. A package's
/// import of itself (`from . import sub` in `pkg/__init__.py` names `pkg`) is no edge.
pub(crate) fn resolve_edges(
    this: ModuleId,
    info: &ModuleInfo,
    imports: &[ImportRequest],
    by_name: &HashMap<String, ModuleId>,
) -> Vec<Edge> {
    let name = info.name.as_str();
    let mut edges: Vec<Edge> = Vec::new();
    for (position, request) in imports.iter().enumerate() {
        let Some(&target) = by_name.get(request.module.as_str()) else { continue };
        if target == this && info.is_package {
            continue;
        }
        let is_enclosing_package = name.len() > request.module.len()
            && name.starts_with(request.module.as_str())
            && name.as_bytes()[request.module.len()] == b'.';
        let weak = is_enclosing_package
            && (request.candidate || names_only_submodules(&imports[position + 1..], &request.module, by_name));
        match edges.iter_mut().find(|edge| edge.target == target) {
            Some(edge) => edge.weak &= weak,
            None => edges.push(Edge { target, span: request.span, weak }),
        }
    }
    edges
}

/// Builds the graph from every module's edges.
///
/// A weak edge (an import of one's own enclosing package that only reaches for
/// submodules: the implicit `pkg` of `from pkg.sibling import f` or `from .sibling import
/// f` inside `pkg.sub`, or `from . import sibling`) is dropped when that package imports
/// the module back (`pkg/__init__.py` re-exporting from `.sub`). Python runs `pkg.sub`
/// while `pkg` is half-initialised, which works because `pkg.sub` uses no name of `pkg`
/// itself; so `pkg.sub` is checked without `pkg`'s interface, instead of reporting a
/// cycle that Python accepts. Importing a name defined in `pkg/__init__.py` (`from .
/// import VERSION`) is a real dependency, and a cycle if `pkg` imports back.
pub(crate) fn build(edges: &[Vec<Edge>]) -> ModuleGraph {
    let mut imports: Vec<Vec<(ModuleId, Span)>> = edges
        .iter()
        .map(|list| list.iter().filter(|edge| !edge.weak).map(|edge| (edge.target, edge.span)).collect())
        .collect();
    // A weak edge is a dependency unless the package reaches the module through the
    // other edges. Reachability is computed once per package (there are few).
    let mut reach_of: HashMap<ModuleId, Vec<bool>> = HashMap::new();
    for (idx, list) in edges.iter().enumerate() {
        for edge in list.iter().filter(|edge| edge.weak) {
            let reach = reach_of.entry(edge.target).or_insert_with(|| reachable_from(edge.target, &imports));
            if !reach[idx] {
                imports[idx].push((edge.target, edge.span));
                // Keep source order, so reports are the same however the edge was found.
                imports[idx].sort_by_key(|(_, span)| span.start);
            }
        }
    }
    let mut graph = DiGraph::with_capacity(edges.len(), imports.iter().map(Vec::len).sum());
    for idx in 0..edges.len() {
        graph.add_node(ModuleId(idx as u32));
    }
    for (idx, list) in imports.iter().enumerate() {
        for &(target, span) in list {
            graph.add_edge(ModuleId(idx as u32).node(), target.node(), span);
        }
    }
    ModuleGraph { graph, imports }
}

/// Whether the `from package import a, b` whose base request was just before `rest` names
/// only submodules of `package`. `imports_of` lists the names of a `from` import right
/// after its base, as candidates `package.a`, `package.b`; a plain `import package` has
/// none, and needs the package itself.
fn names_only_submodules(rest: &[ImportRequest], package: &str, by_name: &HashMap<String, ModuleId>) -> bool {
    let mut any = false;
    for request in rest.iter().take_while(|request| request.candidate) {
        let Some(name) = request.module.strip_prefix(package).and_then(|rest| rest.strip_prefix('.')) else { break };
        if name.contains('.') {
            break;
        }
        if !by_name.contains_key(request.module.as_str()) {
            return false;
        }
        any = true;
    }
    any
}

/// Which modules `start` reaches through `imports` (itself included).
fn reachable_from(start: ModuleId, imports: &[Vec<(ModuleId, Span)>]) -> Vec<bool> {
    let mut seen = vec![false; imports.len()];
    let mut stack = vec![start];
    seen[start.index()] = true;
    while let Some(module) = stack.pop() {
        for &(target, _) in &imports[module.index()] {
            if !seen[target.index()] {
                seen[target.index()] = true;
                stack.push(target);
            }
        }
    }
    seen
}

/// The strongly connected components, dependencies before dependents (petgraph's Tarjan
/// returns them in reverse topological order of the edges "imports", which is exactly
/// that). Members of a component are sorted by module id.
pub(crate) fn components(graph: &ModuleGraph) -> Vec<Vec<ModuleId>> {
    petgraph::algo::tarjan_scc(&graph.graph)
        .into_iter()
        .map(|component| {
            let mut members: Vec<ModuleId> = component.into_iter().map(|node| ModuleId(node.index() as u32)).collect();
            members.sort_unstable();
            members
        })
        .collect()
}

/// Whether a component is an import cycle: several modules, or one that imports itself.
pub(crate) fn is_cycle(graph: &ModuleGraph, members: &[ModuleId]) -> bool {
    match members {
        [single] => graph.imports[single.index()].iter().any(|(target, _)| target == single),
        _ => true,
    }
}

/// The `error[import-cycle]` of one cycle component, and the module it belongs to.
///
/// A component is reported once, in the module whose file path sorts first, at its import
/// of the next module on the shortest cycle through it; the message names that whole
/// cycle, and notes say where each other step of it is. A component that holds more than
/// one cycle is still one diagnostic (breaking the named cycle reveals the next).
pub(crate) fn cycle_diagnostic<'s>(
    graph: &ModuleGraph,
    members: &[ModuleId],
    modules: &[ModuleInfo],
    source_of: impl Fn(ModuleId) -> Option<&'s str>,
) -> Option<(ModuleId, Diagnostic)> {
    let start = *members.iter().min_by(|a, b| modules[a.index()].file.cmp(&modules[b.index()].file))?;
    let path = shortest_cycle(graph, members, start)?;
    let name = |module: ModuleId| modules[module.index()].name.as_str();
    let mut message = String::from("Import cycle: ");
    for module in &path {
        let _ = write!(message, "{} -> ", name(*module));
    }
    message.push_str(name(start));
    let span_of = |from: ModuleId, to: ModuleId| {
        graph.imports[from.index()]
            .iter()
            .find(|(target, _)| *target == to)
            .map_or(Span::empty_at(0), |(_, span)| *span)
    };
    let next = path.get(1).copied().unwrap_or(start);
    let mut diagnostic = Diagnostic::error(Code::ImportCycle, span_of(start, next), message);
    for (idx, &from) in path.iter().enumerate().skip(1) {
        let to = path.get(idx + 1).copied().unwrap_or(start);
        let line =
            source_of(from).map_or(1, |source| LineIndex::new(source).line_col(source, span_of(from, to).start).line);
        diagnostic = diagnostic.with_note(format!(
            "`{}` imports `{}` at {}:{line}",
            name(from),
            name(to),
            modules[from.index()].file.display_path
        ));
    }
    if members.len() > path.len() {
        let others: Vec<&str> =
            members.iter().filter(|member| !path.contains(member)).map(|member| name(*member)).collect();
        diagnostic = diagnostic.with_note(format!("other modules in a cycle with these: {}", others.join(", ")));
    }
    Some((
        start,
        diagnostic
            .with_note("import cycles are not allowed: move what the modules share into a module that imports neither"),
    ))
}

/// The modules of the shortest cycle through `start` inside the component, from `start`
/// (the closing step back to `start` is implied). Breadth-first in source order, so the
/// same project always gives the same cycle.
fn shortest_cycle(graph: &ModuleGraph, members: &[ModuleId], start: ModuleId) -> Option<Vec<ModuleId>> {
    let mut previous: HashMap<ModuleId, ModuleId> = HashMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(module) = queue.pop_front() {
        for &(target, _) in &graph.imports[module.index()] {
            if target == start {
                let mut path = vec![module];
                let mut at = module;
                while let Some(&before) = previous.get(&at) {
                    path.push(before);
                    at = before;
                }
                path.reverse();
                return Some(path);
            }
            if members.binary_search(&target).is_ok() && !previous.contains_key(&target) {
                previous.insert(target, module);
                queue.push_back(target);
            }
        }
    }
    None
}
