//! Relations between types that need the class table: assignability (the numeric tower,
//! `None` into optionals, subclasses into bases, invariant containers, covariant tuples,
//! contravariant callables), joins, hashability and member lookup along the base chain.

use std::sync::Arc;

use crate::interface::{ClassInfo, FieldInfo, MethodInfo};
use crate::types::{ClassRef, Type};

use super::Checker;

/// Inheritance chains are short; the bound only guards against a malformed interface
/// whose classes form a cycle.
const MAX_CHAIN: usize = 256;

impl Checker<'_> {
    pub(crate) fn is_subclass(&self, class: &ClassRef, ancestor: &ClassRef) -> bool {
        let mut current = Some(class.clone());
        for _ in 0..MAX_CHAIN {
            let Some(now) = current else { return false };
            if now == *ancestor {
                return true;
            }
            current = self.classes.get(&now).and_then(|info| info.base.clone());
        }
        false
    }

    /// The topmost user ancestor (or built-in exception root) of a class.
    pub(crate) fn root_class(&self, class: &ClassRef) -> ClassRef {
        let mut current = class.clone();
        for _ in 0..MAX_CHAIN {
            match self.classes.get(&current).and_then(|info| info.base.clone()) {
                Some(base) => current = base,
                None => break,
            }
        }
        current
    }

    /// The class and its ancestors, nearest first.
    pub(crate) fn chain(&self, class: &ClassRef) -> Vec<Arc<ClassInfo>> {
        let mut out = Vec::new();
        let mut current = Some(class.clone());
        while let Some(now) = current {
            if out.len() >= MAX_CHAIN {
                break;
            }
            let Some(info) = self.classes.get(&now) else { break };
            current = info.base.clone();
            out.push(info.clone());
        }
        out
    }

    pub(crate) fn is_exception_class(&self, class: &ClassRef) -> bool {
        self.root_class(class).is_builtin()
    }

    /// A method found on the class or its nearest ancestor that defines it.
    pub(crate) fn find_method(&self, class: &ClassRef, name: &str) -> Option<(ClassRef, MethodInfo)> {
        let mut current = Some(class.clone());
        for _ in 0..MAX_CHAIN {
            let now = current?;
            let info = self.classes.get(&now)?;
            if let Some(method) = info.method(name) {
                return Some((now.clone(), method.clone()));
            }
            current = info.base.clone();
        }
        None
    }

    /// A field with its slot in the full layout (inherited fields first).
    pub(crate) fn find_field(&self, class: &ClassRef, name: &str) -> Option<(u32, FieldInfo)> {
        let chain = self.chain(class);
        let mut slot = 0u32;
        for info in chain.iter().rev() {
            for field in &info.fields {
                if field.name == name {
                    // A redeclared field keeps the slot of its first declaration.
                    return Some((slot, field.clone()));
                }
                slot += 1;
            }
        }
        None
    }

    /// Every field of the class in layout order (inherited first).
    pub(crate) fn all_fields(&self, class: &ClassRef) -> Vec<(ClassRef, FieldInfo)> {
        let chain = self.chain(class);
        let mut out: Vec<(ClassRef, FieldInfo)> = Vec::new();
        for info in chain.iter().rev() {
            for field in &info.fields {
                if let Some(existing) = out.iter_mut().find(|(_, known)| known.name == field.name) {
                    existing.1 = field.clone();
                } else {
                    out.push((info.class.clone(), field.clone()));
                }
            }
        }
        out
    }

    pub(crate) fn find_constant(&self, class: &ClassRef, name: &str) -> Option<(ClassRef, Type)> {
        for info in self.chain(class) {
            if let Some(ty) = info.constant(name) {
                return Some((info.class.clone(), ty.clone()));
            }
        }
        None
    }

    /// Whether a value of type `src` may be used where `dst` is expected.
    pub(crate) fn is_assignable(&self, src: &Type, dst: &Type) -> bool {
        if src == dst {
            return true;
        }
        match (src, dst) {
            (Type::Unknown, _) | (_, Type::Unknown) | (_, Type::Object) => true,
            (Type::Bool, Type::Int | Type::Float) | (Type::Int, Type::Float) => true,
            (Type::Union(parts), _) => parts.iter().all(|part| self.is_assignable(part, dst)),
            (_, Type::Union(parts)) => parts.iter().any(|part| self.is_assignable(src, part)),
            (Type::Instance(class), Type::Instance(ancestor)) => self.is_subclass(class, ancestor),
            (Type::Tuple(items), Type::Tuple(targets)) => {
                items.len() == targets.len()
                    && items.iter().zip(targets.iter()).all(|(item, target)| self.is_assignable(item, target))
            }
            (Type::Tuple(items), Type::TupleOf(elem)) => items.iter().all(|item| self.is_assignable(item, elem)),
            (Type::TupleOf(item), Type::TupleOf(elem)) => self.is_assignable(item, elem),
            (Type::List(a), Type::List(b)) | (Type::Set(a), Type::Set(b)) => self.is_equivalent(a, b),
            (Type::Dict(a), Type::Dict(b)) => self.is_equivalent(&a.0, &b.0) && self.is_equivalent(&a.1, &b.1),
            (Type::Callable(a), Type::Callable(b)) => {
                // Every call `b` allows must suit `a`: parameters `a` has beyond `b`'s have
                // defaults, and `a` requires no more arguments than `b` does.
                a.params.len() >= b.params.len()
                    && a.required() <= b.required()
                    && a.params.iter().zip(b.params.iter()).all(|(have, want)| self.is_assignable(want, have))
                    && (b.ret == Type::None || self.is_assignable(&a.ret, &b.ret))
            }
            (Type::BuiltinFunction(name), Type::Callable(callable)) => builtin_fits_callable(name, callable),
            (Type::BoundBuiltinMethod(bound), Type::Callable(callable)) => {
                self.bound_method_fits(&bound.0, &bound.1, callable)
            }
            _ => false,
        }
    }

    /// Whether a bound built-in method (`xs.append`) fits a callable type: the callable's
    /// arguments fill the method's positional parameters (the rest have defaults).
    fn bound_method_fits(&self, recv: &Type, method: &str, callable: &crate::types::CallableType) -> bool {
        let Some(sig) = super::methods::builtin_method(recv, method) else { return false };
        if sig.variadic {
            return callable.ret == Type::None || self.is_assignable(&sig.ret, &callable.ret);
        }
        let positional: Vec<&super::methods::MethodParam> =
            sig.params.iter().filter(|param| !param.keyword_only).collect();
        let required = positional.iter().filter(|param| !param.has_default).count();
        let given = callable.params.len();
        if given < required || given > positional.len() {
            return false;
        }
        let params_ok = callable.params.iter().zip(&positional).all(|(have, param)| match &param.ty {
            Type::View(crate::types::ViewKind::Generator, elem) => {
                have.iter_elem().is_some_and(|got| self.is_assignable(&got, elem))
            }
            want => self.is_assignable(have, want),
        });
        params_ok && (callable.ret == Type::None || self.is_assignable(&sig.ret, &callable.ret))
    }

    /// Invariance (list, dict and set parameters): both directions.
    pub(crate) fn is_equivalent(&self, left: &Type, right: &Type) -> bool {
        left == right || (self.is_assignable(left, right) && self.is_assignable(right, left))
    }

    /// The least type both values fit: the wider numeric type, the common base class,
    /// `T | None`, or else a union.
    pub(crate) fn join(&self, left: &Type, right: &Type) -> Type {
        if left == right {
            return left.clone();
        }
        if self.is_assignable(left, right) {
            // `list[int]` and the `list[Unknown]` of an empty display fit each other: the
            // join keeps the known element type.
            if !right.is_unknown()
                && right.contains_unknown()
                && !left.contains_unknown()
                && self.is_assignable(right, left)
            {
                return left.clone();
            }
            return right.clone();
        }
        if self.is_assignable(right, left) {
            return left.clone();
        }
        if let (Type::Instance(a), Type::Instance(b)) = (left, right) {
            for info in self.chain(a) {
                if self.is_subclass(b, &info.class) {
                    return Type::Instance(info.class.clone());
                }
            }
        }
        if let (Type::Instance(_), Type::Union(_)) | (Type::Union(_), Type::Instance(_)) = (left, right) {
            let (non_none_left, non_none_right) = (left.without_none(), right.without_none());
            if left.is_optional() || right.is_optional() {
                return Type::optional(self.join(&non_none_left, &non_none_right));
            }
        }
        Type::union_of(vec![left.clone(), right.clone()])
    }

    pub(crate) fn is_hashable(&self, ty: &Type) -> bool {
        match ty.is_hashable_builtin() {
            Some(answer) => answer,
            None => self.members_hashable(ty),
        }
    }

    fn members_hashable(&self, ty: &Type) -> bool {
        match ty {
            Type::Instance(class) => {
                // Python's rule: a dataclass is hashable only when frozen (or eq=False); a
                // class defining `__eq__` without `__hash__` is not hashable.
                for info in self.chain(class) {
                    if info.method("__hash__").is_some() {
                        return true;
                    }
                    if let Some(flags) = info.dataclass {
                        return flags.frozen || !flags.eq;
                    }
                    if info.method("__eq__").is_some() {
                        return false;
                    }
                }
                true
            }
            Type::Tuple(items) => items.iter().all(|item| self.is_hashable(item)),
            Type::TupleOf(elem) => self.is_hashable(elem),
            Type::Union(parts) => parts.iter().all(|part| self.is_hashable(part)),
            _ => ty.is_hashable_builtin().unwrap_or(false),
        }
    }
}

/// Whether a built-in function used as a value (`key=len`) fits a callable type.
fn builtin_fits_callable(name: &str, callable: &crate::types::CallableType) -> bool {
    let [param] = callable.params.as_slice() else {
        return false;
    };
    let ret_ok = |ty: Type| {
        callable.ret == ty || callable.ret == Type::Unknown || (ty == Type::Int && callable.ret == Type::Float)
    };
    match name {
        "len" => {
            matches!(
                param,
                Type::Str | Type::List(_) | Type::Dict(_) | Type::Set(_) | Type::Tuple(_) | Type::TupleOf(_)
            ) && ret_ok(Type::Int)
        }
        "str" | "repr" => ret_ok(Type::Str),
        "int" => matches!(param, Type::Int | Type::Bool | Type::Float | Type::Str) && ret_ok(Type::Int),
        "float" => matches!(param, Type::Int | Type::Bool | Type::Float | Type::Str) && ret_ok(Type::Float),
        "bool" => ret_ok(Type::Bool),
        "abs" => param.is_numeric() && ret_ok(param.clone()),
        "ord" => *param == Type::Str && ret_ok(Type::Int),
        "chr" => param.is_int_like() && ret_ok(Type::Str),
        "hash" => ret_ok(Type::Int),
        _ => false,
    }
}
