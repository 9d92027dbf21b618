//! Methods of the built-in types (str, list, dict, set) with CPython's parameters, typed
//! by the receiver's element types.
//!
//! Each method has a fixed parameter list; a call's arguments are matched to it, so the
//! compiler receives them in this order ([`crate::ir::Callee::BuiltinMethod`]):
//!
//! - str: `split(sep=None, maxsplit=-1)`, `rsplit(sep=None, maxsplit=-1)`, `join(iterable)`,
//!   `strip(chars=None)` (and `lstrip`, `rstrip`), `replace(old, new, count=-1)`,
//!   `find(sub, start=0, end=len)` (and `rfind`, `index`, `count`), `startswith(prefix, start, end)`
//!   (and `endswith`), `upper()`, `lower()`, `title()`, `isdigit()`, `isalpha()`,
//!   `isalnum()`, `isspace()`, `splitlines(keepends=False)`, `zfill(width)`, `ljust(width, fillchar=' ')`
//!   (and `rjust`, `center`), `format(*args, **kwargs)` (variadic; with keywords the call is
//!   [`crate::ir::Callee::StrFormat`]).
//! - list: `append(object)`, `extend(iterable)`, `insert(index, object)`, `pop(index=-1)`,
//!   `remove(value)`, `index(value, start=0, stop=len)`, `count(value)`, `reverse()`, `sort(*, key=None,
//!   reverse=False)`, `copy()`, `clear()`.
//! - dict: `get(key, default=None)`, `items()`, `keys()`, `values()`, `pop(key, default)`,
//!   `setdefault(key, default)`, `update(other)`, `copy()`, `clear()`.
//! - set: `add(elem)`, `remove(elem)`, `discard(elem)`, `pop()`, `union(other)`,
//!   `intersection(other)`, `difference(other)`, `issubset(other)`, `copy()`, `clear()`.

use std::sync::Arc;

use crate::types::{Type, ViewKind};

/// One parameter of a built-in method.
pub(crate) struct MethodParam {
    pub name: &'static str,
    /// `View(Generator, T)` stands for "any iterable of T".
    pub ty: Type,
    pub has_default: bool,
    pub keyword_only: bool,
}

pub(crate) struct MethodSig {
    pub params: Vec<MethodParam>,
    pub ret: Type,
    /// `str.format(*args)`: any number of positional arguments of any type.
    pub variadic: bool,
}

fn p(name: &'static str, ty: Type) -> MethodParam {
    MethodParam { name, ty, has_default: false, keyword_only: false }
}

fn d(name: &'static str, ty: Type) -> MethodParam {
    MethodParam { name, ty, has_default: true, keyword_only: false }
}

fn kw(name: &'static str, ty: Type) -> MethodParam {
    MethodParam { name, ty, has_default: true, keyword_only: true }
}

/// "Any iterable whose elements are `elem`".
pub(crate) fn iterable_of(elem: Type) -> Type {
    Type::View(ViewKind::Generator, Arc::new(elem))
}

fn sig(params: Vec<MethodParam>, ret: Type) -> Option<MethodSig> {
    Some(MethodSig { params, ret, variadic: false })
}

pub(crate) fn builtin_method_exists(recv: &Type, name: &str) -> bool {
    builtin_method(recv, name).is_some()
}

/// Methods that CPython's built-in types have but the subset leaves out (LANGUAGE.md lists
/// the supported ones): using one is `unsupported`, not `attr-defined`, because the
/// program is valid Python.
pub(crate) fn builtin_method_outside_subset(recv: &Type, name: &str) -> bool {
    const STR: [&str; 21] = [
        "encode",
        "casefold",
        "capitalize",
        "swapcase",
        "expandtabs",
        "partition",
        "rpartition",
        "translate",
        "maketrans",
        "format_map",
        "isdecimal",
        "isnumeric",
        "isidentifier",
        "islower",
        "isupper",
        "isprintable",
        "istitle",
        "isascii",
        "removeprefix",
        "removesuffix",
        "rindex",
    ];
    const DICT: [&str; 2] = ["popitem", "fromkeys"];
    const SET: [&str; 7] = [
        "update",
        "intersection_update",
        "difference_update",
        "symmetric_difference",
        "symmetric_difference_update",
        "isdisjoint",
        "issuperset",
    ];
    const INT: [&str; 10] = [
        "bit_length",
        "bit_count",
        "to_bytes",
        "from_bytes",
        "as_integer_ratio",
        "conjugate",
        "real",
        "imag",
        "numerator",
        "denominator",
    ];
    const FLOAT: [&str; 7] = ["is_integer", "hex", "fromhex", "as_integer_ratio", "conjugate", "real", "imag"];
    const TUPLE: [&str; 2] = ["count", "index"];
    match recv {
        Type::Str => STR.contains(&name),
        Type::Dict(_) => DICT.contains(&name),
        Type::Set(_) => SET.contains(&name),
        Type::Int | Type::Bool => INT.contains(&name),
        Type::Float => FLOAT.contains(&name),
        Type::Tuple(_) | Type::TupleOf(_) => TUPLE.contains(&name),
        _ => false,
    }
}

/// The instances of a built-in type named as a value (`str` in `key=str.lower`), for
/// looking up its methods.
pub(crate) fn builtin_type_instance(name: &str) -> Option<Type> {
    Some(match name {
        "str" => Type::Str,
        "int" => Type::Int,
        "float" => Type::Float,
        "bool" => Type::Bool,
        "list" => Type::list(Type::Unknown),
        "dict" => Type::dict(Type::Unknown, Type::Unknown),
        "set" => Type::set(Type::Unknown),
        "tuple" => Type::tuple_of(Type::Unknown),
        _ => return None,
    })
}

/// The signature of `recv.name(...)` for a built-in receiver type.
pub(crate) fn builtin_method(recv: &Type, name: &str) -> Option<MethodSig> {
    let s = Type::Str;
    let int = Type::Int;
    let opt_str = Type::optional(Type::Str);
    match recv {
        Type::Str => match name {
            "split" | "rsplit" => sig(vec![d("sep", opt_str), d("maxsplit", int)], Type::list(Type::Str)),
            "join" => sig(vec![p("iterable", iterable_of(Type::Str))], s),
            "strip" | "lstrip" | "rstrip" => sig(vec![d("chars", opt_str)], s),
            "replace" => sig(vec![p("old", s.clone()), p("new", s.clone()), d("count", int)], s),
            "find" | "rfind" | "index" | "count" => {
                sig(vec![p("sub", s), d("start", int.clone()), d("end", int.clone())], int)
            }
            "startswith" | "endswith" => sig(
                vec![
                    p("prefix", Type::union_of(vec![s, Type::tuple_of(Type::Str)])),
                    d("start", int.clone()),
                    d("end", int),
                ],
                Type::Bool,
            ),
            "upper" | "lower" | "title" => sig(vec![], s),
            "isdigit" | "isalpha" | "isalnum" | "isspace" => sig(vec![], Type::Bool),
            "splitlines" => sig(vec![d("keepends", Type::Bool)], Type::list(Type::Str)),
            "zfill" => sig(vec![p("width", int)], s),
            "ljust" | "rjust" | "center" => sig(vec![p("width", int), d("fillchar", s.clone())], s),
            "format" => Some(MethodSig { params: Vec::new(), ret: s, variadic: true }),
            _ => None,
        },
        Type::List(elem) => {
            let t = (**elem).clone();
            match name {
                "append" => sig(vec![p("object", t)], Type::None),
                "extend" => sig(vec![p("iterable", iterable_of(t))], Type::None),
                "insert" => sig(vec![p("index", int), p("object", t)], Type::None),
                "pop" => sig(vec![d("index", int)], t),
                "remove" => sig(vec![p("value", t)], Type::None),
                "index" => sig(vec![p("value", t), d("start", int.clone()), d("stop", int.clone())], int),
                "count" => sig(vec![p("value", t)], int),
                "reverse" | "clear" => sig(vec![], Type::None),
                "sort" => sig(
                    vec![kw("key", Type::optional(Type::callable(vec![t], Type::Unknown))), kw("reverse", Type::Bool)],
                    Type::None,
                ),
                "copy" => sig(vec![], recv.clone()),
                _ => None,
            }
        }
        Type::Dict(kv) => {
            let (k, v) = (kv.0.clone(), kv.1.clone());
            match name {
                // The result type depends on the default: the call checker refines it.
                "get" => sig(vec![p("key", k), d("default", Type::Unknown)], Type::optional(v)),
                "pop" => sig(vec![p("key", k), d("default", Type::Unknown)], v),
                "setdefault" => sig(vec![p("key", k), p("default", v.clone())], v),
                "items" => sig(vec![], Type::View(ViewKind::DictItems, Arc::new(recv.clone()))),
                "keys" => sig(vec![], Type::View(ViewKind::DictKeys, Arc::new(recv.clone()))),
                "values" => sig(vec![], Type::View(ViewKind::DictValues, Arc::new(recv.clone()))),
                "update" => sig(vec![p("other", recv.clone())], Type::None),
                "copy" => sig(vec![], recv.clone()),
                "clear" => sig(vec![], Type::None),
                _ => None,
            }
        }
        Type::Set(elem) => {
            let t = (**elem).clone();
            match name {
                "add" | "remove" | "discard" => sig(vec![p("elem", t)], Type::None),
                "pop" => sig(vec![], t),
                "union" | "intersection" | "difference" => sig(vec![p("other", iterable_of(t))], recv.clone()),
                "issubset" => sig(vec![p("other", iterable_of(t))], Type::Bool),
                "copy" => sig(vec![], recv.clone()),
                "clear" => sig(vec![], Type::None),
                _ => None,
            }
        }
        _ => None,
    }
}
