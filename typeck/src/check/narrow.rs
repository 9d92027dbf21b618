//! Narrowing: what a condition tells about variables (`x is None`, `x is not None`,
//! truthiness, `isinstance`, `not`, `and`/`or`), and merging what holds after branches.
//!
//! A narrowing is an entry (variable or `variable.attribute`, narrowed type) pushed on the
//! current function's narrowing stack; the last entry for a key wins. Branches restore the
//! stack; after an `if`, only what holds on every path that falls through is kept.

use typhon_parser::ast;

use super::Checker;
use super::ModBinding;
use super::scope::{CtxKind, NarrowKey, NarrowRoot};
use crate::types::Type;

pub(crate) type Narrowings = Vec<(NarrowKey, Type)>;

impl Checker<'_> {
    /// The key and current type of a narrowable expression (a name or an attribute chain
    /// of fields), without reporting anything.
    fn narrow_target(&self, expr: &ast::Expr) -> Option<(NarrowKey, Type)> {
        match &expr.kind {
            ast::ExprKind::Name(name) => {
                let (root, declared) = self.silent_root(name)?;
                let key = NarrowKey { root, path: None };
                let ty = self.narrowed(&key).unwrap_or(declared);
                Some((key, ty))
            }
            ast::ExprKind::Attribute { value, attr } => {
                let (_, base_ty) = self.narrow_target(value)?;
                let Type::Instance(class) = base_ty else { return None };
                let (_, field) = self.find_field(&class, &attr.name)?;
                let key = self.ast_narrow_key(value, Some(&attr.name))?;
                let ty = self.narrowed(&key).unwrap_or(field.ty);
                Some((key, ty))
            }
            _ => None,
        }
    }

    pub(crate) fn silent_root(&self, name: &str) -> Option<(NarrowRoot, Type)> {
        let ctx = self.ctx_ref()?;
        if let Some(id) = ctx.local(name) {
            return ctx.locals[id.0 as usize].ty.clone().map(|ty| (NarrowRoot::Local(id.0), ty));
        }
        if ctx.kind != CtxKind::Module && !ctx.is_global_decl(name) {
            if let Some(id) = ctx.free(name) {
                return Some((NarrowRoot::Free(id.0), ctx.frees[id.0 as usize].ty.clone()));
            }
            // A variable of an enclosing function that is not captured yet, or a global:
            // only globals are narrowed here.
            if self.fns.iter().rev().skip(1).any(|outer| outer.kind != CtxKind::Module && outer.local(name).is_some()) {
                return None;
            }
        }
        match self.bindings.get(name) {
            Some(ModBinding::Global(id)) => {
                let ty = self.globals.get(id.0 as usize)?.ty.clone()?;
                Some((NarrowRoot::Global(id.0), ty))
            }
            _ => None,
        }
    }

    /// What holds when `test` is true, and when it is false.
    pub(crate) fn condition_narrowings(&mut self, test: &ast::Expr) -> (Narrowings, Narrowings) {
        match &test.kind {
            ast::ExprKind::Unary { op: ast::UnaryOp::Not, operand } => {
                let (when_true, when_false) = self.condition_narrowings(operand);
                (when_false, when_true)
            }
            ast::ExprKind::Compare { left, comparisons } if comparisons.len() == 1 => {
                let (op, right) = &comparisons[0];
                let (target, other) = if matches!(right.kind, ast::ExprKind::NoneLit) {
                    (&**left, right)
                } else if matches!(left.kind, ast::ExprKind::NoneLit) {
                    (right, &**left)
                } else {
                    return (Vec::new(), Vec::new());
                };
                let _ = other;
                let Some((key, ty)) = self.narrow_target(target) else { return (Vec::new(), Vec::new()) };
                let is_none = vec![(key.clone(), Type::None)];
                let not_none = vec![(key, ty.without_none())];
                match op {
                    ast::CmpOp::Is | ast::CmpOp::Eq => (is_none, not_none),
                    ast::CmpOp::IsNot | ast::CmpOp::NotEq => (not_none, is_none),
                    _ => (Vec::new(), Vec::new()),
                }
            }
            ast::ExprKind::Call { func, args, keywords } if keywords.is_empty() && args.len() == 2 => {
                if !matches!(&func.kind, ast::ExprKind::Name(name) if name == "isinstance" && !self.bindings.contains_key(name.as_str()))
                {
                    return (Vec::new(), Vec::new());
                }
                let Some((key, ty)) = self.narrow_target(&args[0]) else { return (Vec::new(), Vec::new()) };
                let Some(classes) = self.isinstance_types(&args[1]) else { return (Vec::new(), Vec::new()) };
                let (yes, no) = self.split_by_types(&ty, &classes);
                let mut when_true = Vec::new();
                let mut when_false = Vec::new();
                if let Some(yes) = yes {
                    when_true.push((key.clone(), yes));
                }
                if let Some(no) = no {
                    when_false.push((key, no));
                }
                (when_true, when_false)
            }
            ast::ExprKind::BoolOp { op, values } => {
                // Each operand is seen with what the earlier ones established (`x.a is not
                // None and x.a.b is not None`).
                let mark = self.ctx().narrow.len();
                let mut parts: Vec<(Narrowings, Narrowings)> = Vec::with_capacity(values.len());
                for value in values {
                    let part = self.condition_narrowings(value);
                    let holds = if *op == ast::BoolOp::And { &part.0 } else { &part.1 };
                    self.ctx().narrow.extend(holds.iter().cloned());
                    parts.push(part);
                }
                self.ctx().narrow.truncate(mark);
                match op {
                    ast::BoolOp::And => {
                        let when_true = parts.iter().flat_map(|(when_true, _)| when_true.iter().cloned()).collect();
                        let when_false =
                            self.merge_states(parts.into_iter().map(|(_, when_false)| when_false).collect());
                        (when_true, when_false)
                    }
                    ast::BoolOp::Or => {
                        let when_false = parts.iter().flat_map(|(_, when_false)| when_false.iter().cloned()).collect();
                        let when_true = self.merge_states(parts.into_iter().map(|(when_true, _)| when_true).collect());
                        (when_true, when_false)
                    }
                }
            }
            ast::ExprKind::Name(_) | ast::ExprKind::Attribute { .. } => {
                let Some((key, ty)) = self.narrow_target(test) else { return (Vec::new(), Vec::new()) };
                if ty.is_optional() { (vec![(key, ty.without_none())], Vec::new()) } else { (Vec::new(), Vec::new()) }
            }
            _ => (Vec::new(), Vec::new()),
        }
    }

    /// The types named by the second argument of `isinstance`.
    pub(crate) fn isinstance_types(&self, expr: &ast::Expr) -> Option<Vec<Type>> {
        match &expr.kind {
            ast::ExprKind::Tuple(items) => {
                let mut out = Vec::new();
                for item in items {
                    out.extend(self.isinstance_types(item)?);
                }
                Some(out)
            }
            ast::ExprKind::Name(name) => {
                let ty = match name.as_str() {
                    "int" => Type::Int,
                    "float" => Type::Float,
                    "bool" => Type::Bool,
                    "str" => Type::Str,
                    // The built-in container types stand for any element type.
                    "list" => Type::list(Type::Unknown),
                    "dict" => Type::dict(Type::Unknown, Type::Unknown),
                    "set" => Type::set(Type::Unknown),
                    "tuple" => Type::tuple_of(Type::Unknown),
                    "BaseException" => return None,
                    _ => match self.bindings.get(name.as_str()) {
                        Some(ModBinding::Class { class, .. }) => Type::Instance(class.clone()),
                        // A name whose import failed (already reported).
                        Some(ModBinding::ImportedVar { ty: Type::Unknown, .. }) => Type::Unknown,
                        Some(_) => return None,
                        None => Type::Instance(crate::builtins::exception_class(name)?),
                    },
                };
                Some(vec![ty])
            }
            ast::ExprKind::Attribute { value, attr } => {
                let ast::ExprKind::Name(module) = &value.kind else { return None };
                let Some(ModBinding::Module(module)) = self.bindings.get(module.as_str()) else { return None };
                match self.module_export(module, &attr.name) {
                    Some(crate::interface::Export::Class(class)) => Some(vec![Type::Instance(class)]),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Splits a type into the part that is an instance of one of `types` and the rest.
    fn split_by_types(&self, ty: &Type, types: &[Type]) -> (Option<Type>, Option<Type>) {
        let matches_one = |member: &Type| -> Option<Type> {
            for want in types {
                if self.is_instance_of(member, want) {
                    return Some(member.clone());
                }
                // A base-class value may be an instance of the subclass asked about.
                if let (Type::Instance(have), Type::Instance(sub)) = (member, want)
                    && self.is_subclass(sub, have)
                {
                    return Some(want.clone());
                }
                if *member == Type::Object {
                    return Some(want.clone());
                }
            }
            None
        };
        let mut yes = Vec::new();
        let mut no = Vec::new();
        for member in ty.members() {
            match matches_one(member) {
                Some(narrowed) => {
                    let exact = narrowed == *member;
                    yes.push(narrowed);
                    if !exact {
                        no.push(member.clone());
                    }
                }
                None => no.push(member.clone()),
            }
        }
        let yes = if yes.is_empty() { None } else { Some(Type::union_of(yes)) };
        let no = if no.is_empty() { None } else { Some(Type::union_of(no)) };
        (yes, no)
    }

    fn is_instance_of(&self, member: &Type, want: &Type) -> bool {
        match (member, want) {
            (Type::Instance(have), Type::Instance(class)) => self.is_subclass(have, class),
            (Type::Bool, Type::Int) => true,
            // `isinstance(x, list)` etc.: any element type.
            (Type::List(_), Type::List(_)) | (Type::Dict(_), Type::Dict(_)) | (Type::Set(_), Type::Set(_)) => true,
            (Type::Tuple(_) | Type::TupleOf(_), Type::TupleOf(_)) => true,
            _ => member == want,
        }
    }

    /// What holds on every path: keys known on all of them, with the join of their types.
    pub(crate) fn merge_states(&self, states: Vec<Narrowings>) -> Narrowings {
        let mut iter = states.into_iter();
        let Some(first) = iter.next() else { return Vec::new() };
        let rest: Vec<Narrowings> = iter.collect();
        let mut out: Narrowings = Vec::new();
        for (idx, (key, _)) in first.iter().enumerate() {
            // Only the last entry of a key counts.
            if first[idx + 1..].iter().any(|(later, _)| later == key) {
                continue;
            }
            let Some(mut ty) = last_of(&first, key) else { continue };
            let mut everywhere = true;
            for state in &rest {
                match last_of(state, key) {
                    Some(other) => ty = self.join(&ty, &other),
                    None => {
                        everywhere = false;
                        break;
                    }
                }
            }
            if everywhere {
                out.push((key.clone(), ty));
            }
        }
        out
    }

    /// Forgets what was known about a variable (and its attributes) after it changes.
    pub(crate) fn forget(&mut self, root: &NarrowRoot) {
        self.ctx().narrow.retain(|(key, _)| key.root != *root);
    }

    /// Forgets what was known about an attribute path and everything below it.
    pub(crate) fn forget_path(&mut self, root: &NarrowRoot, path: &str) {
        self.ctx().narrow.retain(|(key, _)| {
            let Some(known) = key.path.as_deref() else { return true };
            let below = known == path || (known.starts_with(path) && known.as_bytes().get(path.len()) == Some(&b'.'));
            !(key.root == *root && below)
        });
    }
}

fn last_of(state: &Narrowings, key: &NarrowKey) -> Option<Type> {
    state.iter().rev().find(|(known, _)| known == key).map(|(_, ty)| ty.clone())
}
