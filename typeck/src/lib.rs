//! Phase 1: AST + imported interfaces to typed IR, the module interface, diagnostics.
//!
//! [`check_module`] checks one module against the [`Interface`]s of the modules it
//! imports (looked up through an [`ImportResolver`]) and returns a [`CheckedModule`]: the
//! module's own interface, its diagnostics and its typed IR ([`ir`]). [`imports_of`] lists
//! a module's imports without checking it, so the engine can build the dependency graph
//! first. The checker never reads a file and never panics on any tree the parser builds.

mod builtins;
mod check;
mod imports;
mod interface;
pub mod ir;
mod query;
mod types;

#[cfg(test)]
mod tests;

pub use builtins::{Builtin, builtin_interface, is_builtin_module};
pub use check::{CheckedModule, ImportResolver, ModuleInput, NoImports, check_module};
pub use imports::{ImportRequest, imports_of, resolve_relative};
pub use interface::{
    ClassInfo, DataclassFlags, Export, FieldInfo, FuncSig, Interface, InterfaceView, MethodInfo, MethodKind, ParamKind,
    ParamSig, SpecialForm,
};
pub use query::{Definition, definition_at, type_at};
pub use types::{CallableType, ClassName, ClassRef, Type, ViewKind};
