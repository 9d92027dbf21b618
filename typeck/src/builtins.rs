//! What exists without a file: built-in functions, built-in exception classes, and the
//! interfaces of the built-in modules (math, sys, time, random, typing, dataclasses,
//! __future__).

use smol_str::SmolStr;

use crate::interface::{ClassInfo, Export, FuncSig, Interface, ParamKind, ParamSig, SpecialForm};
use crate::types::{ClassRef, Type};

/// The built-in functions of LANGUAGE.md (`super` is handled separately: it is only valid
/// as `super().method(...)`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Builtin {
    Print,
    Len,
    Range,
    Int,
    Float,
    Str,
    Bool,
    Repr,
    Abs,
    Min,
    Max,
    Sum,
    Sorted,
    Reversed,
    Enumerate,
    Zip,
    Any,
    All,
    Isinstance,
    Ord,
    Chr,
    Round,
    Divmod,
    Pow,
    Hash,
    List,
    Dict,
    Set,
    Tuple,
    Input,
}

impl Builtin {
    pub const ALL: [Builtin; 30] = [
        Builtin::Print,
        Builtin::Len,
        Builtin::Range,
        Builtin::Int,
        Builtin::Float,
        Builtin::Str,
        Builtin::Bool,
        Builtin::Repr,
        Builtin::Abs,
        Builtin::Min,
        Builtin::Max,
        Builtin::Sum,
        Builtin::Sorted,
        Builtin::Reversed,
        Builtin::Enumerate,
        Builtin::Zip,
        Builtin::Any,
        Builtin::All,
        Builtin::Isinstance,
        Builtin::Ord,
        Builtin::Chr,
        Builtin::Round,
        Builtin::Divmod,
        Builtin::Pow,
        Builtin::Hash,
        Builtin::List,
        Builtin::Dict,
        Builtin::Set,
        Builtin::Tuple,
        Builtin::Input,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Builtin::Print => "print",
            Builtin::Len => "len",
            Builtin::Range => "range",
            Builtin::Int => "int",
            Builtin::Float => "float",
            Builtin::Str => "str",
            Builtin::Bool => "bool",
            Builtin::Repr => "repr",
            Builtin::Abs => "abs",
            Builtin::Min => "min",
            Builtin::Max => "max",
            Builtin::Sum => "sum",
            Builtin::Sorted => "sorted",
            Builtin::Reversed => "reversed",
            Builtin::Enumerate => "enumerate",
            Builtin::Zip => "zip",
            Builtin::Any => "any",
            Builtin::All => "all",
            Builtin::Isinstance => "isinstance",
            Builtin::Ord => "ord",
            Builtin::Chr => "chr",
            Builtin::Round => "round",
            Builtin::Divmod => "divmod",
            Builtin::Pow => "pow",
            Builtin::Hash => "hash",
            Builtin::List => "list",
            Builtin::Dict => "dict",
            Builtin::Set => "set",
            Builtin::Tuple => "tuple",
            Builtin::Input => "input",
        }
    }

    pub fn from_name(name: &str) -> Option<Builtin> {
        Builtin::ALL.into_iter().find(|builtin| builtin.name() == name)
    }
}

/// The built-in exception classes with their bases (CPython's hierarchy, cut at
/// `Exception`; `LookupError` and `ArithmeticError` are there so that catching them works
/// as in CPython).
pub(crate) const EXCEPTIONS: [(&str, Option<&str>); 15] = [
    ("BaseException", None),
    ("Exception", Some("BaseException")),
    ("ArithmeticError", Some("Exception")),
    ("LookupError", Some("Exception")),
    ("ValueError", Some("Exception")),
    ("TypeError", Some("Exception")),
    ("KeyError", Some("LookupError")),
    ("IndexError", Some("LookupError")),
    ("ZeroDivisionError", Some("ArithmeticError")),
    ("OverflowError", Some("ArithmeticError")),
    ("AssertionError", Some("Exception")),
    ("RuntimeError", Some("Exception")),
    ("NotImplementedError", Some("RuntimeError")),
    ("RecursionError", Some("RuntimeError")),
    ("StopIteration", Some("Exception")),
];

/// The class of a built-in exception named `name`, if there is one.
pub(crate) fn exception_class(name: &str) -> Option<ClassRef> {
    EXCEPTIONS.iter().find(|(exception, _)| *exception == name).map(|(exception, _)| ClassRef::new("builtins", *exception))
}

/// Class definitions of the built-in exceptions (no fields, no methods of their own: the
/// checker knows their constructor and `str(e)`).
pub(crate) fn exception_infos() -> Vec<ClassInfo> {
    EXCEPTIONS
        .iter()
        .map(|(name, base)| ClassInfo {
            class: ClassRef::new("builtins", *name),
            base: base.map(|base| ClassRef::new("builtins", base)),
            fields: Vec::new(),
            methods: Vec::new(),
            constants: Vec::new(),
            dataclass: None,
        })
        .collect()
}

fn param(name: &str, ty: Type) -> ParamSig {
    ParamSig { name: name.into(), ty, kind: ParamKind::PositionalOrKeyword, has_default: false }
}

fn param_default(name: &str, ty: Type) -> ParamSig {
    ParamSig { name: name.into(), ty, kind: ParamKind::PositionalOrKeyword, has_default: true }
}

fn kwonly_default(name: &str, ty: Type) -> ParamSig {
    ParamSig { name: name.into(), ty, kind: ParamKind::KeywordOnly, has_default: true }
}

fn function(module: &str, name: &str, params: Vec<ParamSig>, ret: Type) -> (SmolStr, Export) {
    (name.into(), Export::Function { origin: module.into(), name: name.into(), sig: FuncSig { params, ret } })
}

fn variable(module: &str, name: &str, ty: Type) -> (SmolStr, Export) {
    (name.into(), Export::Variable { origin: module.into(), name: name.into(), ty })
}

/// The names of the standard-library modules that exist but are outside the subset, so
/// that importing them says "unsupported" rather than "cannot find".
const STDLIB_UNSUPPORTED: [&str; 40] = [
    "os", "re", "json", "collections", "itertools", "functools", "abc", "enum", "copy", "io", "string",
    "heapq", "bisect", "operator", "pathlib", "subprocess", "threading", "asyncio", "statistics", "decimal",
    "fractions", "datetime", "array", "struct", "pickle", "logging", "unittest", "argparse", "textwrap",
    "shutil", "glob", "csv", "hashlib", "base64", "queue", "weakref", "contextlib", "types", "inspect",
    "secrets",
];

pub(crate) fn is_unsupported_stdlib(module: &str) -> bool {
    let root = module.split('.').next().unwrap_or(module);
    STDLIB_UNSUPPORTED.contains(&root)
}

/// The interface of a built-in module, if `module` is one.
pub(crate) fn builtin_module(module: &str) -> Option<Interface> {
    let f = Type::Float;
    let mut exports: Vec<(SmolStr, Export)> = match module {
        "math" => vec![
            function(module, "sqrt", vec![param("x", f.clone())], f.clone()),
            function(module, "floor", vec![param("x", f.clone())], Type::Int),
            function(module, "ceil", vec![param("x", f.clone())], Type::Int),
            function(module, "trunc", vec![param("x", f.clone())], Type::Int),
            function(module, "isqrt", vec![param("n", Type::Int)], Type::Int),
            function(module, "gcd", vec![param("a", Type::Int), param("b", Type::Int)], Type::Int),
            function(module, "log", vec![param("x", f.clone()), param_default("base", f.clone())], f.clone()),
            function(module, "log2", vec![param("x", f.clone())], f.clone()),
            function(module, "log10", vec![param("x", f.clone())], f.clone()),
            function(module, "exp", vec![param("x", f.clone())], f.clone()),
            function(module, "sin", vec![param("x", f.clone())], f.clone()),
            function(module, "cos", vec![param("x", f.clone())], f.clone()),
            function(module, "tan", vec![param("x", f.clone())], f.clone()),
            function(module, "atan2", vec![param("y", f.clone()), param("x", f.clone())], f.clone()),
            function(module, "hypot", vec![param("x", f.clone()), param("y", f.clone())], f.clone()),
            function(module, "fabs", vec![param("x", f.clone())], f.clone()),
            function(module, "pow", vec![param("x", f.clone()), param("y", f.clone())], f.clone()),
            function(
                module,
                "isclose",
                vec![
                    param("a", f.clone()),
                    param("b", f.clone()),
                    kwonly_default("rel_tol", f.clone()),
                    kwonly_default("abs_tol", f.clone()),
                ],
                Type::Bool,
            ),
            function(module, "isnan", vec![param("x", f.clone())], Type::Bool),
            function(module, "isinf", vec![param("x", f.clone())], Type::Bool),
            variable(module, "pi", f.clone()),
            variable(module, "e", f.clone()),
            variable(module, "inf", f.clone()),
            variable(module, "nan", f.clone()),
        ],
        "sys" => vec![
            variable(module, "argv", Type::list(Type::Str)),
            function(module, "exit", vec![param_default("status", Type::Int)], Type::None),
            function(module, "set_int_max_str_digits", vec![param("maxdigits", Type::Int)], Type::None),
            function(module, "setrecursionlimit", vec![param("limit", Type::Int)], Type::None),
        ],
        "time" => vec![function(module, "perf_counter", vec![], f.clone()), function(module, "time", vec![], f.clone())],
        "random" => vec![
            function(module, "random", vec![], f.clone()),
            function(module, "randint", vec![param("a", Type::Int), param("b", Type::Int)], Type::Int),
            function(module, "seed", vec![param_default("a", Type::Int)], Type::None),
            // `choice` and `shuffle` are generic: the checker types their calls itself.
            function(module, "choice", vec![param("seq", Type::Unknown)], Type::Unknown),
            function(module, "shuffle", vec![param("x", Type::Unknown)], Type::None),
        ],
        "typing" => vec![
            ("Optional".into(), Export::Special(SpecialForm::Optional)),
            ("Callable".into(), Export::Special(SpecialForm::Callable)),
            ("List".into(), Export::Special(SpecialForm::List)),
            ("Dict".into(), Export::Special(SpecialForm::Dict)),
            ("Set".into(), Export::Special(SpecialForm::Set)),
            ("Tuple".into(), Export::Special(SpecialForm::Tuple)),
        ],
        "dataclasses" => vec![("dataclass".into(), Export::Special(SpecialForm::Dataclass))],
        "__future__" => vec![("annotations".into(), Export::Special(SpecialForm::FutureAnnotations))],
        _ => return None,
    };
    exports.sort_by(|left, right| left.0.cmp(&right.0));
    Some(Interface { module: module.into(), exports, classes: Vec::new() })
}

/// The interface of a built-in module, built once per process (immutable data).
pub fn builtin_interface(module: &str) -> Option<&'static Interface> {
    static CACHE: std::sync::OnceLock<Vec<Interface>> = std::sync::OnceLock::new();
    let all = CACHE.get_or_init(|| {
        ["math", "sys", "time", "random", "typing", "dataclasses", "__future__"]
            .into_iter()
            .filter_map(builtin_module)
            .collect()
    });
    all.iter().find(|interface| interface.module == module)
}

/// Whether `module` is one of the built-in modules (no file behind it).
pub fn is_builtin_module(module: &str) -> bool {
    matches!(module, "math" | "sys" | "time" | "random" | "typing" | "dataclasses" | "__future__")
}

/// Built-in names of CPython that the subset leaves out: using one is reported as
/// unsupported rather than undefined.
const UNSUPPORTED_BUILTINS: [&str; 52] = [
    "type", "map", "filter", "open", "iter", "next", "getattr", "setattr", "hasattr", "delattr", "id", "vars",
    "dir", "eval", "exec", "compile", "format", "bin", "hex", "oct", "frozenset", "bytes", "bytearray",
    "callable", "globals", "locals", "issubclass", "memoryview", "complex", "slice", "property", "ascii",
    "breakpoint", "help", "aiter", "anext", "object", "staticmethod", "classmethod", "NotImplemented",
    "Ellipsis", "AttributeError", "NameError", "ImportError", "OSError", "IOError", "MemoryError",
    "UnicodeError", "UnboundLocalError", "FileNotFoundError", "KeyboardInterrupt", "SystemExit",
];

pub(crate) fn is_unsupported_builtin(name: &str) -> bool {
    UNSUPPORTED_BUILTINS.contains(&name)
}
