//! The project model: which module each source file is. A path the user names is a source
//! root (a directory) or a module of one (a file); the module name is the dotted path
//! below the root, as in LANGUAGE.md ("Source files and modules").

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use petgraph::graph::DiGraph;
use petgraph::visit::{Dfs, Reversed};
use typhon_diagnostics::Span;
use typhon_typeck::Interface;

use crate::graph::ModuleId;
use crate::phase1::InterfaceOf;
use crate::{ModuleInfo, SourceProvider};

/// Where the module names of the files found under one path argument start.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct SourceRoot {
    /// The directory the files were found in (the argument itself, or a file argument's
    /// directory). Module names are the paths below it, after `prefix`.
    base: PathBuf,
    /// The packages that `base` lies in: when `base` has an `__init__.py` it is a package
    /// itself, and its name comes from the directories above it (`pkg` for `typhon check
    /// pkg/` with `pkg/__init__.py`), as mypy does.
    prefix: Vec<String>,
    /// The directory where the top-level package of `base` lives: imported modules that
    /// nobody named are looked for below it. It is expressed like the argument (relative
    /// stays relative), so that the paths of such files read naturally in diagnostics.
    top: PathBuf,
}

/// A module name and whether the file is a package's `__init__.py`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct NamedModule {
    pub(crate) name: String,
    pub(crate) is_package: bool,
}

impl SourceRoot {
    /// The root of the files found under `argument`, a normalised path that exists.
    pub(crate) fn of_argument(sources: &dyn SourceProvider, argument: &Path) -> SourceRoot {
        let base = if sources.is_file(argument) {
            argument.parent().map_or_else(PathBuf::new, Path::to_path_buf)
        } else {
            argument.to_path_buf()
        };
        let mut prefix = Vec::new();
        let mut top = base.clone();
        // Directory names are read from the path as written while it has some, and from
        // the absolute path once it runs out (`.`, `..`); `top` climbs the same way.
        let absolute = sources.absolute(&base);
        let mut names = absolute.components().rev().filter_map(|component| match component {
            Component::Normal(name) => Some(name),
            _ => None,
        });
        // A package cannot nest deeper than the path has components; the bound also stops
        // a provider that claims an `__init__.py` everywhere.
        while sources.is_file(&top.join("__init__.py")) {
            let Some(name) = names.next() else { break };
            prefix.push(name.to_string_lossy().into_owned());
            top = parent_of(&top);
        }
        prefix.reverse();
        SourceRoot { base, prefix, top }
    }

    pub(crate) fn top(&self) -> &Path {
        &self.top
    }

    /// The module that `file` (found under this root) is. `None` when the file does not lie
    /// below the root, which discovery never produces.
    pub(crate) fn module_of(&self, file: &Path) -> Option<NamedModule> {
        let relative = file.strip_prefix(&self.base).ok()?;
        let mut parts = self.prefix.clone();
        for component in relative.components() {
            match component {
                Component::Normal(name) => parts.push(name.to_string_lossy().into_owned()),
                _ => return None,
            }
        }
        let last = parts.pop()?;
        let stem = last.strip_suffix(".py").unwrap_or(&last);
        let is_package = stem == "__init__" && !parts.is_empty();
        if !is_package {
            parts.push(stem.to_owned());
        }
        Some(NamedModule { name: parts.join("."), is_package })
    }
}

/// The directory above `dir`, written the way `dir` is: `a/b` → `a`, `a` → `` (the current
/// directory), `` → `..`, `..` → `../..`.
fn parent_of(dir: &Path) -> PathBuf {
    match dir.components().next_back() {
        Some(Component::Normal(_)) => dir.parent().map_or_else(PathBuf::new, Path::to_path_buf),
        Some(Component::RootDir | Component::Prefix(_)) => dir.to_path_buf(),
        _ => dir.join(".."),
    }
}

/// The files that may hold module `name` below `top`, in the order Python tries them: a
/// package (`name/__init__.py`) before a plain module (`name.py`).
pub(crate) fn candidate_files(top: &Path, name: &str) -> [PathBuf; 2] {
    let mut dir = top.to_path_buf();
    for part in name.split('.') {
        dir.push(part);
    }
    let package = dir.join("__init__.py");
    let mut plain = dir.into_os_string();
    plain.push(".py");
    [package, PathBuf::from(plain)]
}

/// Whether `name` could be the name of a module file: dotted identifiers only, so that an
/// import can never make the engine probe outside a root (`..`, `/`).
pub(crate) fn is_module_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('.').all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(|first| first == '_' || first.is_alphabetic())
                && chars.all(|char| char == '_' || char.is_alphanumeric())
        })
}

/// Whether a file name is a package's `__init__.py`.
pub(crate) fn is_init_file(path: &Path) -> bool {
    path.file_name() == Some(OsStr::new("__init__.py"))
}

/// A module's interface and its hash.
pub(crate) type HashedInterface = (InterfaceOf, [u8; 32]);

/// The state a check leaves behind: the modules, the graph of their imports and the
/// interface of every module that was type-checked. This is what the bytecode cache and
/// an editor's incremental re-checks will start from.
#[derive(Debug)]
pub struct Project {
    modules: Vec<ModuleInfo>,
    by_name: HashMap<String, ModuleId>,
    /// Edge `a → b` when `a` imports `b` (the edges phase 1 followed).
    graph: DiGraph<ModuleId, Span>,
    interfaces: Vec<Option<InterfaceOf>>,
    interface_hashes: Vec<Option<[u8; 32]>>,
}

impl Project {
    /// `interfaces[i]` is module `i`'s interface and its hash, if it was type-checked.
    pub(crate) fn new(
        modules: Vec<ModuleInfo>,
        by_name: HashMap<String, ModuleId>,
        graph: DiGraph<ModuleId, Span>,
        interfaces: Vec<Option<HashedInterface>>,
    ) -> Project {
        let (interfaces, interface_hashes) = interfaces
            .into_iter()
            .map(|entry| entry.map_or((None, None), |(interface, hash)| (Some(interface), Some(hash))))
            .unzip();
        Project { modules, by_name, graph, interfaces, interface_hashes }
    }

    /// Every module, sorted by file path (modules found by following imports last).
    pub fn modules(&self) -> &[ModuleInfo] {
        &self.modules
    }

    pub fn module(&self, name: &str) -> Option<&ModuleInfo> {
        self.by_name.get(name).map(|id| &self.modules[id.index()])
    }

    /// The interface of module `name`, if it was type-checked.
    pub fn interface(&self, name: &str) -> Option<&Arc<Interface>> {
        self.by_name.get(name).and_then(|id| self.interfaces[id.index()].as_ref()).and_then(InterfaceOf::get)
    }

    pub fn interface_hash(&self, name: &str) -> Option<[u8; 32]> {
        self.by_name.get(name).and_then(|id| self.interface_hashes[id.index()])
    }

    /// The modules that `name` imports (that exist in the project), sorted by name.
    pub fn imports_of(&self, name: &str) -> Vec<&str> {
        let Some(id) = self.by_name.get(name) else { return Vec::new() };
        let mut names: Vec<&str> =
            self.graph.neighbors(id.node()).map(|node| self.modules[node.index()].name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Every module that imports `name`, directly or not, sorted by name: what must be
    /// re-checked when its interface changes.
    pub fn dependents_of(&self, name: &str) -> Vec<&str> {
        let Some(id) = self.by_name.get(name) else { return Vec::new() };
        let reversed = Reversed(&self.graph);
        let mut search = Dfs::new(reversed, id.node());
        let mut names = Vec::new();
        while let Some(node) = search.next(reversed) {
            if node != id.node() {
                names.push(self.modules[node.index()].name.as_str());
            }
        }
        names.sort_unstable();
        names
    }
}
