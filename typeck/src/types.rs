//! Static types of the subset, printed as Python writes them, cheap to clone and compare.
//!
//! Composite types share their parts through `Arc`, so cloning a type is a reference-count
//! bump at most. Classes are named by (defining module, name) and never point at their
//! definition: the definitions live in the checker's class table and in interfaces, so a
//! `Type` is plain data that can be serialised into the cache.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

/// A class, identified by its defining module and its name (`builtins` for the built-in
/// exception classes).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Serialize, Deserialize)]
pub struct ClassRef(Arc<ClassName>);

#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Serialize, Deserialize)]
pub struct ClassName {
    pub module: SmolStr,
    pub name: SmolStr,
}

impl ClassRef {
    pub fn new(module: impl Into<SmolStr>, name: impl Into<SmolStr>) -> ClassRef {
        ClassRef(Arc::new(ClassName { module: module.into(), name: name.into() }))
    }

    pub fn module(&self) -> &SmolStr {
        &self.0.module
    }

    pub fn name(&self) -> &SmolStr {
        &self.0.name
    }

    pub fn is_builtin(&self) -> bool {
        self.0.module == "builtins"
    }
}

/// The kinds of iterator objects the built-ins return. Each is only iterated (by `for`,
/// comprehensions or a built-in taking an iterable), never indexed.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Serialize, Deserialize)]
pub enum ViewKind {
    /// `enumerate(xs)`: the payload is the element type of `xs`.
    Enumerate,
    /// `zip(a, b)`: the payload is the element tuple.
    Zip,
    /// `reversed(xs)`: the payload is the element type.
    Reversed,
    /// `d.keys()`, `d.values()`, `d.items()`: the payload is the dict type.
    DictKeys,
    DictValues,
    DictItems,
    /// A generator expression (only as a call argument): the payload is the element type.
    Generator,
}

/// A callable value's type: positional parameter types and the return type.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct CallableType {
    pub params: Vec<Type>,
    pub ret: Type,
    /// How many of the last `params` have a default (a `def` used as a value): a call may
    /// leave them out. Always 0 for a `Callable[...]` annotation.
    pub defaults: usize,
}

impl CallableType {
    /// How many arguments a call must pass at least.
    pub fn required(&self) -> usize {
        self.params.len().saturating_sub(self.defaults)
    }
}

/// A static type.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub enum Type {
    Int,
    Float,
    Bool,
    Str,
    None,
    /// Only as a parameter type (`__eq__(self, other: object)`).
    Object,
    List(Arc<Type>),
    Set(Arc<Type>),
    Dict(Arc<(Type, Type)>),
    /// `tuple[A, B]`; `tuple[()]` when empty.
    Tuple(Arc<[Type]>),
    /// `tuple[T, ...]`.
    TupleOf(Arc<Type>),
    /// Flattened, without duplicates, `None` last; at least two members.
    Union(Arc<[Type]>),
    Callable(Arc<CallableType>),
    /// An instance of a class.
    Instance(ClassRef),
    /// The class object itself (`Point` used as a value): `type[Point]`.
    ClassObj(ClassRef),
    /// `range(...)`.
    Range,
    /// An iterator returned by a built-in (see [`ViewKind`]).
    View(ViewKind, Arc<Type>),
    /// A module object (`import math` binds `math`).
    Module(SmolStr),
    /// A built-in function used as a value (`key=len`).
    BuiltinFunction(SmolStr),
    /// A method of a built-in type used as a value, named only. No longer produced by the
    /// checker (see [`Type::BoundBuiltinMethod`]); kept so that the change stays additive.
    BuiltinMethod(SmolStr),
    /// A method of a built-in type bound to its receiver, used as a value (`push =
    /// xs.append`): the receiver's type and the method's name, which together give the
    /// method's full signature (defaults included, which a `Callable` cannot express).
    BoundBuiltinMethod(Arc<(Type, SmolStr)>),
    /// The type of an expression whose error was already reported: compatible with
    /// everything, so one mistake gives one diagnostic.
    Unknown,
}

impl Type {
    pub fn list(elem: Type) -> Type {
        Type::List(Arc::new(elem))
    }

    pub fn set(elem: Type) -> Type {
        Type::Set(Arc::new(elem))
    }

    pub fn dict(key: Type, value: Type) -> Type {
        Type::Dict(Arc::new((key, value)))
    }

    pub fn tuple(items: Vec<Type>) -> Type {
        Type::Tuple(items.into())
    }

    pub fn tuple_of(elem: Type) -> Type {
        Type::TupleOf(Arc::new(elem))
    }

    pub fn callable(params: Vec<Type>, ret: Type) -> Type {
        Type::Callable(Arc::new(CallableType { params, ret, defaults: 0 }))
    }

    /// A callable whose last `defaults` parameters have a default.
    pub fn callable_with_defaults(params: Vec<Type>, ret: Type, defaults: usize) -> Type {
        let defaults = defaults.min(params.len());
        Type::Callable(Arc::new(CallableType { params, ret, defaults }))
    }

    pub fn instance(module: &str, name: &str) -> Type {
        Type::Instance(ClassRef::new(module, name))
    }

    /// `T | None`, flattened.
    pub fn optional(inner: Type) -> Type {
        Type::union_of(vec![inner, Type::None])
    }

    /// A union of `members`, flattened and deduplicated; a single member is returned as is.
    pub fn union_of(members: Vec<Type>) -> Type {
        let mut flat: Vec<Type> = Vec::with_capacity(members.len());
        let mut has_none = false;
        for member in members {
            let parts: Vec<Type> = match member {
                Type::Union(parts) => parts.iter().cloned().collect(),
                other => vec![other],
            };
            for part in parts {
                if part == Type::None {
                    has_none = true;
                } else if part == Type::Unknown {
                    return Type::Unknown;
                } else if !flat.contains(&part) {
                    flat.push(part);
                }
            }
        }
        if has_none {
            flat.push(Type::None);
        }
        match flat.len() {
            0 => Type::None,
            1 => flat.pop().unwrap_or(Type::None),
            _ => Type::Union(flat.into()),
        }
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, Type::Unknown)
    }

    /// Whether `Unknown` occurs anywhere in the type (an empty display typed without
    /// context, or a part whose error was reported).
    pub fn contains_unknown(&self) -> bool {
        match self {
            Type::Unknown => true,
            Type::List(elem) | Type::Set(elem) | Type::TupleOf(elem) | Type::View(_, elem) => elem.contains_unknown(),
            Type::Dict(kv) => kv.0.contains_unknown() || kv.1.contains_unknown(),
            Type::Tuple(items) | Type::Union(items) => items.iter().any(Type::contains_unknown),
            Type::Callable(callable) => {
                callable.params.iter().any(Type::contains_unknown) || callable.ret.contains_unknown()
            }
            _ => false,
        }
    }

    /// `int` or `bool` (which is an int at run time).
    pub fn is_int_like(&self) -> bool {
        matches!(self, Type::Int | Type::Bool)
    }

    /// `int`, `bool` or `float`.
    pub fn is_numeric(&self) -> bool {
        matches!(self, Type::Int | Type::Bool | Type::Float)
    }

    pub fn is_optional(&self) -> bool {
        matches!(self, Type::Union(parts) if parts.last() == Some(&Type::None))
    }

    /// The type without `None` (`int | None` → `int`).
    pub fn without_none(&self) -> Type {
        match self {
            Type::Union(parts) => Type::union_of(parts.iter().filter(|part| **part != Type::None).cloned().collect()),
            other => other.clone(),
        }
    }

    /// The members of a union, or the type itself.
    pub fn members(&self) -> &[Type] {
        match self {
            Type::Union(parts) => parts,
            other => std::slice::from_ref(other),
        }
    }

    /// Whether values of this type can be dict keys and set elements (LANGUAGE.md):
    /// classes are checked separately (frozen dataclasses or an explicit `__hash__`).
    pub fn is_hashable_builtin(&self) -> Option<bool> {
        match self {
            Type::Int | Type::Float | Type::Bool | Type::Str | Type::None | Type::Unknown => Some(true),
            Type::Tuple(items) => {
                let mut all = Some(true);
                for item in items.iter() {
                    match item.is_hashable_builtin() {
                        Some(true) => {}
                        Some(false) => return Some(false),
                        None => all = None,
                    }
                }
                all
            }
            Type::TupleOf(elem) => elem.is_hashable_builtin(),
            Type::Union(parts) => {
                let mut all = Some(true);
                for part in parts.iter() {
                    match part.is_hashable_builtin() {
                        Some(true) => {}
                        Some(false) => return Some(false),
                        None => all = None,
                    }
                }
                all
            }
            Type::Instance(_) => None,
            _ => Some(false),
        }
    }

    /// The element type produced by iterating over a value of this type, if iterable.
    pub fn iter_elem(&self) -> Option<Type> {
        Some(match self {
            Type::List(elem) | Type::Set(elem) | Type::TupleOf(elem) => (**elem).clone(),
            Type::Str => Type::Str,
            Type::Dict(kv) => kv.0.clone(),
            Type::Range => Type::Int,
            Type::Tuple(items) => {
                let mut join: Option<Type> = None;
                for item in items.iter() {
                    join = Some(match join {
                        None => item.clone(),
                        Some(prev) => simple_join(&prev, item),
                    });
                }
                join.unwrap_or(Type::Unknown)
            }
            Type::View(kind, payload) => match kind {
                ViewKind::Enumerate => Type::tuple(vec![Type::Int, (**payload).clone()]),
                ViewKind::Zip | ViewKind::Reversed | ViewKind::Generator => (**payload).clone(),
                ViewKind::DictKeys | ViewKind::DictValues | ViewKind::DictItems => match &**payload {
                    Type::Dict(kv) => match kind {
                        ViewKind::DictKeys => kv.0.clone(),
                        ViewKind::DictValues => kv.1.clone(),
                        _ => Type::tuple(vec![kv.0.clone(), kv.1.clone()]),
                    },
                    _ => Type::Unknown,
                },
            },
            Type::Unknown => Type::Unknown,
            _ => return None,
        })
    }
}

/// A join that needs no class table: equal types, the numeric tower and `None`; anything
/// else becomes a union (which later operations reject if they cannot handle it).
pub(crate) fn simple_join(left: &Type, right: &Type) -> Type {
    if left == right {
        return left.clone();
    }
    match (left, right) {
        (Type::Unknown, _) | (_, Type::Unknown) => Type::Unknown,
        (Type::Bool, Type::Int) | (Type::Int, Type::Bool) => Type::Int,
        (Type::Float, Type::Int | Type::Bool) | (Type::Int | Type::Bool, Type::Float) => Type::Float,
        _ => Type::union_of(vec![left.clone(), right.clone()]),
    }
}

impl fmt::Display for ClassRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.name)
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, items: &[Type]) -> fmt::Result {
    for (idx, item) in items.iter().enumerate() {
        if idx > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Int => f.write_str("int"),
            Type::Float => f.write_str("float"),
            Type::Bool => f.write_str("bool"),
            Type::Str => f.write_str("str"),
            Type::None => f.write_str("None"),
            Type::Object => f.write_str("object"),
            Type::List(elem) => write!(f, "list[{elem}]"),
            Type::Set(elem) => write!(f, "set[{elem}]"),
            Type::Dict(kv) => write!(f, "dict[{}, {}]", kv.0, kv.1),
            Type::Tuple(items) if items.is_empty() => f.write_str("tuple[()]"),
            Type::Tuple(items) => {
                f.write_str("tuple[")?;
                write_list(f, items)?;
                f.write_str("]")
            }
            Type::TupleOf(elem) => write!(f, "tuple[{elem}, ...]"),
            Type::Union(parts) => {
                for (idx, part) in parts.iter().enumerate() {
                    if idx > 0 {
                        f.write_str(" | ")?;
                    }
                    // A callable inside a union needs parentheses in Python's syntax only
                    // for the `def` form; `Callable[...]` prints fine as is.
                    write!(f, "{part}")?;
                }
                Ok(())
            }
            // Parameters with a default have no `Callable[...]` spelling: mypy's form for
            // such a value is `def (int, int =) -> int`.
            Type::Callable(callable) if callable.defaults > 0 => {
                f.write_str("def (")?;
                let required = callable.required();
                for (idx, param) in callable.params.iter().enumerate() {
                    if idx > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{param}")?;
                    if idx >= required {
                        f.write_str(" =")?;
                    }
                }
                write!(f, ") -> {}", callable.ret)
            }
            Type::Callable(callable) => {
                f.write_str("Callable[[")?;
                write_list(f, &callable.params)?;
                write!(f, "], {}]", callable.ret)
            }
            Type::Instance(class) => write!(f, "{class}"),
            Type::ClassObj(class) => write!(f, "type[{class}]"),
            Type::Range => f.write_str("range"),
            Type::View(kind, payload) => match kind {
                ViewKind::Enumerate => write!(f, "enumerate[{payload}]"),
                ViewKind::Zip => write!(f, "zip[{payload}]"),
                ViewKind::Reversed => write!(f, "reversed[{payload}]"),
                ViewKind::Generator => write!(f, "Generator[{payload}, None, None]"),
                ViewKind::DictKeys | ViewKind::DictValues | ViewKind::DictItems => {
                    let name = match kind {
                        ViewKind::DictKeys => "dict_keys",
                        ViewKind::DictValues => "dict_values",
                        _ => "dict_items",
                    };
                    match &**payload {
                        Type::Dict(kv) => write!(f, "{name}[{}, {}]", kv.0, kv.1),
                        other => write!(f, "{name}[{other}]"),
                    }
                }
            },
            Type::Module(name) => write!(f, "Module(\"{name}\")"),
            Type::BuiltinFunction(name) => write!(f, "def {name}(...)"),
            Type::BuiltinMethod(name) => write!(f, "def {name}(...)"),
            Type::BoundBuiltinMethod(bound) => write!(f, "def {}.{}(...)", bound.0, bound.1),
            Type::Unknown => f.write_str("Any"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_print_as_python_writes_them() {
        assert_eq!(Type::list(Type::Int).to_string(), "list[int]");
        assert_eq!(Type::dict(Type::Str, Type::Int).to_string(), "dict[str, int]");
        assert_eq!(Type::tuple(vec![Type::Int, Type::Str]).to_string(), "tuple[int, str]");
        assert_eq!(Type::tuple_of(Type::Int).to_string(), "tuple[int, ...]");
        assert_eq!(Type::optional(Type::Int).to_string(), "int | None");
        assert_eq!(Type::callable(vec![Type::Int, Type::Str], Type::Bool).to_string(), "Callable[[int, str], bool]");
        assert_eq!(Type::instance("m", "Point").to_string(), "Point");
        assert_eq!(
            Type::callable_with_defaults(vec![Type::Int, Type::Int], Type::Int, 1).to_string(),
            "def (int, int =) -> int"
        );
        assert_eq!(Type::tuple(vec![]).to_string(), "tuple[()]");
    }

    #[test]
    fn unions_flatten_and_put_none_last() {
        let union = Type::union_of(vec![Type::None, Type::optional(Type::Int), Type::Int]);
        assert_eq!(union.to_string(), "int | None");
        assert_eq!(union.without_none(), Type::Int);
    }

    #[test]
    fn type_stays_small() {
        assert!(std::mem::size_of::<Type>() <= 32);
    }
}
