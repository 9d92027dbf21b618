//! Module-level declarations, gathered before any body is checked: imports, class names,
//! function signatures and globals; and, at the end, the module's interface.

use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

use smol_str::SmolStr;
use typhon_diagnostics::{Code, Diagnostic, Span};
use typhon_parser::ast;

use super::scope::BoundNames;
use super::{Checker, GlobalVar, ModBinding, PendingBody};
use crate::interface::{ClassInfo, Export, FuncSig, Interface, InterfaceView, ParamKind, ParamSig, SpecialForm};
use crate::ir;
use crate::types::{ClassRef, Type};

/// Statements at the module level that may contain more module-level statements.
pub(crate) fn module_blocks(stmt: &ast::Stmt) -> Vec<&[ast::Stmt]> {
    match &stmt.kind {
        ast::StmtKind::If { branches, orelse } => {
            let mut out: Vec<&[ast::Stmt]> = branches.iter().map(|branch| branch.body.as_slice()).collect();
            out.extend(orelse.as_deref());
            out
        }
        ast::StmtKind::While { body, orelse, .. } | ast::StmtKind::For { body, orelse, .. } => {
            let mut out: Vec<&[ast::Stmt]> = vec![body];
            out.extend(orelse.as_deref());
            out
        }
        ast::StmtKind::Try(try_stmt) => {
            let mut out: Vec<&[ast::Stmt]> = vec![&try_stmt.body];
            out.extend(try_stmt.handlers.iter().map(|handler| handler.body.as_slice()));
            out.extend(try_stmt.orelse.as_deref());
            out.extend(try_stmt.finalbody.as_deref());
            out
        }
        _ => Vec::new(),
    }
}

impl<'a> Checker<'a> {
    /// The interface of a module (built in or imported), if it exists.
    pub(crate) fn module_interface(&self, module: &str) -> Option<&'a dyn InterfaceView> {
        if let Some(builtin) = crate::builtins::builtin_interface(module) {
            return Some(builtin);
        }
        self.input.imports.interface(module)
    }

    pub(crate) fn module_export(&self, module: &str, name: &str) -> Option<Export> {
        self.module_interface(module).and_then(|interface| interface.export(name))
    }

    /// Learns the classes an imported interface defines that this module does not know.
    fn merge_classes(&mut self, interface: &dyn InterfaceView) {
        let known = &self.classes;
        let new = interface.classes_outside(&self.module, &mut |class| !known.contains_key(class));
        for info in new {
            self.classes.insert(info.class.clone(), Arc::new(info));
        }
    }

    /// Whether `module` can be imported; reports why not.
    fn require_module(&mut self, module: &str, span: Span) -> bool {
        if let Some(interface) = self.module_interface(module) {
            self.merge_classes(interface);
            return true;
        }
        if crate::builtins::is_unsupported_stdlib(module) {
            self.unsupported(span, &format!("the standard library module \"{module}\""));
        } else {
            self.report(
                Diagnostic::error(
                    Code::Import,
                    span,
                    format!("Cannot find implementation or library stub for module named \"{module}\""),
                )
                .with_note("the module must be a .py file of the project or one of Typhon's built-in modules"),
            );
        }
        false
    }

    fn bind(&mut self, name: SmolStr, binding: ModBinding, span: Span) {
        if self.bindings.contains_key(&name) {
            self.error(Code::Misc, span, format!("Name \"{name}\" already defined"));
            return;
        }
        self.bindings.insert(name, binding);
    }

    pub(crate) fn collect_imports(&mut self, body: &'a [ast::Stmt]) {
        for stmt in body {
            match &stmt.kind {
                ast::StmtKind::Import(aliases) => {
                    for alias in aliases {
                        let dotted = alias.name.dotted();
                        if !self.require_module(&dotted, alias.name.span) {
                            continue;
                        }
                        self.seen_imports.push((dotted.as_str().into(), stmt.span));
                        match &alias.asname {
                            Some(asname) => {
                                self.bind(asname.name.clone(), ModBinding::Module(dotted.into()), asname.span)
                            }
                            None => {
                                if let Some(top) = crate::imports::top_name(&alias.name) {
                                    // `import a.b` and `import a.c` both bind `a`.
                                    if !matches!(self.bindings.get(&top), Some(ModBinding::Module(_))) {
                                        self.bind(top.clone(), ModBinding::Module(top), alias.name.span);
                                    }
                                }
                            }
                        }
                    }
                }
                ast::StmtKind::ImportFrom { level, module, names } => {
                    self.import_from(stmt, *level, module.as_ref(), names)
                }
                _ => {
                    for block in module_blocks(stmt) {
                        self.collect_imports(block);
                    }
                }
            }
        }
    }

    fn import_from(
        &mut self,
        stmt: &ast::Stmt,
        level: u32,
        module: Option<&ast::DottedName>,
        names: &[ast::ImportAlias],
    ) {
        let dotted = module.map(ast::DottedName::dotted);
        let span = module.map_or(stmt.span, |module| module.span);
        let Some(base) = crate::imports::resolve_relative(&self.module, self.is_package, level, dotted.as_deref())
        else {
            self.error(Code::Import, span, "Relative import climbs above the top-level package");
            return;
        };
        let base_exists = self.module_interface(&base).is_some();
        if !base_exists && level == 0 {
            // `from pkg import sub` of a namespace package has no interface for `pkg`.
            let any_submodule =
                names.iter().any(|alias| self.module_interface(&format!("{base}.{}", alias.name.dotted())).is_some());
            if !any_submodule {
                self.require_module(&base, span);
                return;
            }
        }
        if base_exists {
            self.require_module(&base, span);
        }
        self.seen_imports.push((base.as_str().into(), stmt.span));
        let user_module = !crate::builtins::is_builtin_module(&base);
        for alias in names {
            let name = alias.name.dotted();
            let bound =
                alias.asname.as_ref().map_or_else(|| SmolStr::from(name.as_str()), |asname| asname.name.clone());
            let bind_span = alias.asname.as_ref().map_or(alias.name.span, |asname| asname.span);
            if user_module && name.starts_with('_') && !name.starts_with("__") {
                self.error(
                    Code::PrivateImport,
                    alias.name.span,
                    format!("\"{name}\" is private to module \"{base}\" and cannot be imported"),
                );
                // The name is still bound (to an unknown value: private names are not in
                // the interface), so that its uses give no second error.
                let binding = ModBinding::ImportedVar {
                    module: base.as_str().into(),
                    name: name.as_str().into(),
                    ty: Type::Unknown,
                };
                self.bind(bound, binding, bind_span);
                continue;
            }
            let export = self.module_export(&base, &name);
            let binding = match export {
                Some(Export::Function { origin, name: func_name, sig }) => {
                    let func = ir::FuncRef { module: origin, name: func_name };
                    let sig = Arc::new(sig);
                    self.imported_sigs.insert(func.clone(), sig.clone());
                    ModBinding::Function { func, sig, id: None }
                }
                Some(Export::Class(class)) => ModBinding::Class { class },
                // A variable of a user module becomes a global of this module, assigned
                // its value at the import statement.
                Some(Export::Variable { origin, name: var_name, ty }) if user_module => {
                    let id = ir::GlobalId(self.globals.len() as u32);
                    self.globals.push(GlobalVar {
                        name: bound.clone(),
                        ty: Some(ty),
                        def_span: bind_span,
                        partial_none: false,
                        annotated: true,
                    });
                    self.imported_vars.insert(id, (origin, var_name));
                    ModBinding::Global(id)
                }
                Some(Export::Variable { origin, name: var_name, ty }) => {
                    ModBinding::ImportedVar { module: origin, name: var_name, ty }
                }
                Some(Export::Module(module)) => ModBinding::Module(module),
                Some(Export::Special(form)) => ModBinding::Special(form),
                None => {
                    let submodule = format!("{base}.{name}");
                    if let Some(interface) = self.module_interface(&submodule) {
                        self.merge_classes(interface);
                        self.seen_imports.push((submodule.as_str().into(), stmt.span));
                        ModBinding::Module(submodule.into())
                    } else if crate::builtins::is_builtin_module(&base) {
                        if crate::builtins::exists_in_cpython_module(&base, &name) {
                            self.unsupported(alias.name.span, &format!("\"{base}.{name}\""));
                        } else {
                            self.error(
                                Code::AttrDefined,
                                alias.name.span,
                                format!("Module \"{base}\" has no attribute \"{name}\""),
                            );
                        }
                        continue;
                    } else {
                        let message = if base_exists {
                            format!("Module \"{base}\" has no attribute \"{name}\"")
                        } else {
                            format!("Cannot find implementation or library stub for module named \"{submodule}\"")
                        };
                        let code = if base_exists { Code::AttrDefined } else { Code::Import };
                        self.error(code, alias.name.span, message);
                        continue;
                    }
                }
            };
            self.bind(bound, binding, bind_span);
        }
    }

    /// Declares the names of the module's classes (before any annotation is resolved, so
    /// annotations may name classes defined later).
    pub(crate) fn declare_classes(&mut self, body: &'a [ast::Stmt]) {
        for stmt in body {
            if let ast::StmtKind::ClassDef(def) = &stmt.kind {
                let class = ClassRef::new(self.module.clone(), def.name.name.clone());
                self.class_spans.insert(class.clone(), def.name.span);
                self.bind(def.name.name.clone(), ModBinding::Class { class }, def.name.span);
            }
        }
    }

    /// Resolves the signature of a `def`; for methods (`self_type` set) the first
    /// parameter is `self`/`cls` and is left out of the signature.
    pub(crate) fn resolve_signature(&mut self, def: &ast::FunctionDef, skip_first: bool) -> (FuncSig, Vec<Span>) {
        let mut params = Vec::new();
        let mut spans = Vec::new();
        let all = def.params.params.iter().map(|param| (param, ParamKind::PositionalOrKeyword));
        let kwonly = def.params.kwonly.iter().map(|param| (param, ParamKind::KeywordOnly));
        for (idx, (param, kind)) in all.chain(kwonly).enumerate() {
            if skip_first && idx == 0 && kind == ParamKind::PositionalOrKeyword {
                continue;
            }
            let ty = match &param.annotation {
                Some(annotation) => self.resolve_param_annotation(annotation),
                None => {
                    self.error(
                        Code::Misc,
                        param.name.span,
                        format!("Missing type annotation for parameter \"{}\"", param.name.name),
                    );
                    Type::Unknown
                }
            };
            params.push(ParamSig { name: param.name.name.clone(), ty, kind, has_default: param.default.is_some() });
            spans.push(param.span);
        }
        let ret = match &def.returns {
            Some(returns) => self.resolve_annotation(returns),
            None => Type::None,
        };
        (FuncSig { params, ret }, spans)
    }

    pub(crate) fn collect_functions(&mut self, body: &'a [ast::Stmt]) {
        for stmt in body {
            match &stmt.kind {
                ast::StmtKind::FunctionDef(def) => {
                    let (sig, spans) = self.resolve_signature(def, false);
                    let id = self.alloc_function();
                    self.param_spans.insert(id, spans);
                    let sig = Arc::new(sig);
                    self.func_sigs.insert(id, sig.clone());
                    let func = ir::FuncRef { module: self.module.clone(), name: def.name.name.clone() };
                    self.bind(def.name.name.clone(), ModBinding::Function { func, sig, id: Some(id) }, def.name.span);
                    self.pending.push(PendingBody { def, id, class: None });
                }
                ast::StmtKind::ClassDef(_) => {}
                _ => {
                    for block in module_blocks(stmt) {
                        self.collect_functions(block);
                    }
                }
            }
        }
    }

    pub(crate) fn collect_globals(&mut self, body: &'a [ast::Stmt]) {
        let bound = BoundNames::collect(body);
        for (name, span, annotation) in bound.names {
            if self.bindings.contains_key(&name) {
                continue;
            }
            let ty = annotation.map(|annotation| self.resolve_annotation(annotation));
            let id = ir::GlobalId(self.globals.len() as u32);
            self.globals.push(GlobalVar {
                name: name.clone(),
                annotated: ty.is_some(),
                ty,
                def_span: span,
                partial_none: false,
            });
            self.bindings.insert(name, ModBinding::Global(id));
        }
        for (_, span) in bound.nonlocals {
            self.error(Code::Misc, span, "nonlocal declaration not allowed at module level");
        }
    }

    pub(crate) fn build_interface(&self) -> Interface {
        let mut exports: Vec<(SmolStr, Export)> = Vec::new();
        for (name, binding) in &self.bindings {
            if name.starts_with('_') {
                continue;
            }
            let export = match binding {
                ModBinding::Function { func, sig, .. } => {
                    Export::Function { origin: func.module.clone(), name: func.name.clone(), sig: (**sig).clone() }
                }
                ModBinding::Class { class, .. } => Export::Class(class.clone()),
                ModBinding::Global(id) => {
                    let Some(global) = self.globals.get(id.0 as usize) else { continue };
                    Export::Variable {
                        origin: self.module.clone(),
                        name: global.name.clone(),
                        ty: global.ty.clone().unwrap_or(Type::Unknown),
                    }
                }
                ModBinding::ImportedVar { module, name, ty } => {
                    Export::Variable { origin: module.clone(), name: name.clone(), ty: ty.clone() }
                }
                ModBinding::Module(module) => Export::Module(module.clone()),
                ModBinding::Special(SpecialForm::FutureAnnotations) => continue,
                ModBinding::Special(form) => Export::Special(*form),
            };
            exports.push((name.clone(), export));
        }
        exports.sort_by(|left, right| left.0.cmp(&right.0));
        // Every class the exports mention, transitively through fields, methods and bases.
        let mut seen: HashSet<ClassRef> = HashSet::new();
        let mut queue: Vec<ClassRef> = Vec::new();
        for (_, export) in &exports {
            match export {
                Export::Function { sig, .. } => sig_classes(sig, &mut queue),
                Export::Class(class) => queue.push(class.clone()),
                Export::Variable { ty, .. } => type_classes(ty, &mut queue),
                Export::Module(_) | Export::Special(_) => {}
            }
        }
        let mut classes: BTreeMap<ClassRef, ClassInfo> = BTreeMap::new();
        while let Some(class) = queue.pop() {
            if class.is_builtin() || !seen.insert(class.clone()) {
                continue;
            }
            let Some(info) = self.classes.get(&class) else { continue };
            if let Some(base) = &info.base {
                queue.push(base.clone());
            }
            for field in &info.fields {
                type_classes(&field.ty, &mut queue);
            }
            for method in &info.methods {
                sig_classes(&method.sig, &mut queue);
            }
            for (_, ty) in &info.constants {
                type_classes(ty, &mut queue);
            }
            classes.insert(class, (**info).clone());
        }
        Interface { module: self.module.clone(), exports, classes: classes.into_values().collect() }
    }
}

fn sig_classes(sig: &FuncSig, out: &mut Vec<ClassRef>) {
    for param in &sig.params {
        type_classes(&param.ty, out);
    }
    type_classes(&sig.ret, out);
}

fn type_classes(ty: &Type, out: &mut Vec<ClassRef>) {
    match ty {
        Type::Instance(class) | Type::ClassObj(class) => out.push(class.clone()),
        Type::List(elem) | Type::Set(elem) | Type::TupleOf(elem) | Type::View(_, elem) => type_classes(elem, out),
        Type::Dict(kv) => {
            type_classes(&kv.0, out);
            type_classes(&kv.1, out);
        }
        Type::Tuple(items) | Type::Union(items) => {
            for item in items.iter() {
                type_classes(item, out);
            }
        }
        Type::Callable(callable) => {
            for param in &callable.params {
                type_classes(param, out);
            }
            type_classes(&callable.ret, out);
        }
        _ => {}
    }
}
