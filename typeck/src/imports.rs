//! The imports of a module, found without checking it, so that the engine can build the
//! dependency graph: absolute module names with spans, relative imports resolved.

use smol_str::SmolStr;
use typhon_diagnostics::Span;
use typhon_parser::ast;

/// One module that a module may need.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ImportRequest {
    /// The absolute dotted name.
    pub module: String,
    /// The import statement's part that names it.
    pub span: Span,
    /// `true` when the module may legitimately not exist: `a.b` of `from a import b` (`b`
    /// may be a name in `a` rather than a submodule) and the enclosing packages of an
    /// imported module (namespace packages have no file). The engine keeps a candidate
    /// if the module exists and drops it silently otherwise.
    pub candidate: bool,
}

/// The package that `level` leading dots refer to from `module`, joined with `name`.
/// `None` when the dots climb above the top-level package.
pub fn resolve_relative(module: &str, is_package: bool, level: u32, name: Option<&str>) -> Option<String> {
    if level == 0 {
        return name.map(str::to_owned);
    }
    let mut parts: Vec<&str> = module.split('.').collect();
    if !is_package {
        parts.pop();
    }
    for _ in 1..level {
        parts.pop()?;
    }
    if parts.is_empty() && name.is_none() {
        return None;
    }
    let mut out = parts.join(".");
    if let Some(name) = name {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(name);
    }
    if out.is_empty() { None } else { Some(out) }
}

/// Every import of `module` (a module named `module_name`; `is_package` for an
/// `__init__.py`), at any depth, in source order. Relative imports that climb too high
/// are left out: the checker reports them.
pub fn imports_of(module_name: &str, is_package: bool, module: &ast::Module) -> Vec<ImportRequest> {
    let mut out = Vec::new();
    walk(module_name, is_package, &module.body, &mut out);
    out
}

fn walk(module_name: &str, is_package: bool, body: &[ast::Stmt], out: &mut Vec<ImportRequest>) {
    for stmt in body {
        match &stmt.kind {
            ast::StmtKind::Import(aliases) => {
                for alias in aliases {
                    let dotted = alias.name.dotted();
                    parents(&dotted, alias.name.span, out);
                    out.push(ImportRequest { module: dotted, span: alias.name.span, candidate: false });
                }
            }
            ast::StmtKind::ImportFrom { level, module, names } => {
                let dotted = module.as_ref().map(ast::DottedName::dotted);
                let span = module.as_ref().map_or(stmt.span, |module| module.span);
                let Some(base) = resolve_relative(module_name, is_package, *level, dotted.as_deref()) else {
                    continue;
                };
                // Importing `a.b` runs the package `a` first (when it has an `__init__.py`).
                parents(&base, span, out);
                out.push(ImportRequest { module: base.clone(), span, candidate: false });
                for alias in names {
                    let mut candidate = base.clone();
                    candidate.push('.');
                    candidate.push_str(&alias.name.dotted());
                    out.push(ImportRequest { module: candidate, span: alias.name.span, candidate: true });
                }
            }
            ast::StmtKind::If { branches, orelse } => {
                for branch in branches {
                    walk(module_name, is_package, &branch.body, out);
                }
                if let Some(orelse) = orelse {
                    walk(module_name, is_package, orelse, out);
                }
            }
            ast::StmtKind::While { body, orelse, .. } | ast::StmtKind::For { body, orelse, .. } => {
                walk(module_name, is_package, body, out);
                if let Some(orelse) = orelse {
                    walk(module_name, is_package, orelse, out);
                }
            }
            ast::StmtKind::Try(try_stmt) => {
                walk(module_name, is_package, &try_stmt.body, out);
                for handler in &try_stmt.handlers {
                    walk(module_name, is_package, &handler.body, out);
                }
                for block in [&try_stmt.orelse, &try_stmt.finalbody].into_iter().flatten() {
                    walk(module_name, is_package, block, out);
                }
            }
            ast::StmtKind::FunctionDef(def) => walk(module_name, is_package, &def.body, out),
            ast::StmtKind::ClassDef(def) => walk(module_name, is_package, &def.body, out),
            _ => {}
        }
    }
}

/// The enclosing packages of a dotted module name (`a`, `a.b` for `a.b.c`), as
/// candidates: a namespace package has no file.
fn parents(dotted: &str, span: Span, out: &mut Vec<ImportRequest>) {
    for (idx, byte) in dotted.bytes().enumerate() {
        if byte == b'.' {
            out.push(ImportRequest { module: dotted[..idx].to_owned(), span, candidate: true });
        }
    }
}

/// The name a dotted module binds for `import a.b.c` (without `as`): `a`.
pub(crate) fn top_name(dotted: &ast::DottedName) -> Option<SmolStr> {
    dotted.parts.first().map(|part| part.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_imports_resolve_against_the_package() {
        assert_eq!(resolve_relative("pkg.util", false, 1, Some("x")), Some("pkg.x".into()));
        assert_eq!(resolve_relative("pkg", true, 1, Some("x")), Some("pkg.x".into()));
        assert_eq!(resolve_relative("pkg.sub.m", false, 2, Some("a")), Some("pkg.a".into()));
        assert_eq!(resolve_relative("pkg.m", false, 1, None), Some("pkg".into()));
        assert_eq!(resolve_relative("m", false, 1, Some("x")), Some("x".into()));
        assert_eq!(resolve_relative("m", false, 2, Some("x")), None);
        assert_eq!(resolve_relative("a", false, 0, Some("b.c")), Some("b.c".into()));
    }
}
