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


/// The public names of CPython 3.11's versions of the built-in modules (sorted), so that a
/// name outside the subset is `unsupported` while a name that exists nowhere is
/// `attr-defined`, as mypy reports it.
fn cpython_module_names(module: &str) -> &'static [&'static str] {
    match module {
        "math" => &["acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "cbrt", "ceil", "comb", "copysign", "cos", "cosh", "degrees", "dist", "e", "erf", "erfc", "exp", "exp2", "expm1", "fabs", "factorial", "floor", "fmod", "frexp", "fsum", "gamma", "gcd", "hypot", "inf", "isclose", "isfinite", "isinf", "isnan", "isqrt", "lcm", "ldexp", "lgamma", "log", "log10", "log1p", "log2", "modf", "nan", "nextafter", "perm", "pi", "pow", "prod", "radians", "remainder", "sin", "sinh", "sqrt", "tan", "tanh", "tau", "trunc", "ulp"],
        "sys" => &["abiflags", "activate_stack_trampoline", "addaudithook", "api_version", "argv", "audit", "base_exec_prefix", "base_prefix", "breakpointhook", "builtin_module_names", "byteorder", "call_tracing", "copyright", "deactivate_stack_trampoline", "displayhook", "dllhandle", "dont_write_bytecode", "exc_clear", "exc_info", "excepthook", "exception", "exec_prefix", "executable", "exit", "flags", "float_info", "float_repr_style", "get_asyncgen_hooks", "get_coroutine_origin_tracking_depth", "get_int_max_str_digits", "getallocatedblocks", "getdefaultencoding", "getdlopenflags", "getfilesystemencodeerrors", "getfilesystemencoding", "getprofile", "getrecursionlimit", "getrefcount", "getsizeof", "getswitchinterval", "gettrace", "getwindowsversion", "hash_info", "hexversion", "implementation", "int_info", "intern", "is_finalizing", "is_stack_trampoline_active", "last_traceback", "last_type", "last_value", "maxsize", "maxunicode", "meta_path", "modules", "orig_argv", "path", "path_hooks", "path_importer_cache", "platform", "platlibdir", "prefix", "ps1", "ps2", "pycache_prefix", "set_asyncgen_hooks", "set_coroutine_origin_tracking_depth", "set_int_max_str_digits", "setdlopenflags", "setprofile", "setrecursionlimit", "setswitchinterval", "settrace", "stderr", "stdin", "stdlib_module_names", "stdout", "thread_info", "tracebacklimit", "unraisablehook", "version", "version_info", "warnoptions", "winver"],
        "time" => &["CLOCK_BOOTTIME", "CLOCK_MONOTONIC", "CLOCK_MONOTONIC_RAW", "CLOCK_PROCESS_CPUTIME_ID", "CLOCK_REALTIME", "CLOCK_TAI", "CLOCK_THREAD_CPUTIME_ID", "altzone", "asctime", "clock_getres", "clock_gettime", "clock_gettime_ns", "clock_settime", "clock_settime_ns", "ctime", "daylight", "get_clock_info", "gmtime", "localtime", "mktime", "monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns", "process_time", "process_time_ns", "pthread_getcpuclockid", "sleep", "strftime", "strptime", "struct_time", "thread_time", "thread_time_ns", "time", "time_ns", "timezone", "tzname", "tzset"],
        "random" => &["BPF", "LOG4", "NV_MAGICCONST", "RECIP_BPF", "Random", "SG_MAGICCONST", "SystemRandom", "TWOPI", "betavariate", "choice", "choices", "expovariate", "gammavariate", "gauss", "getrandbits", "getstate", "lognormvariate", "normalvariate", "paretovariate", "randbytes", "randint", "random", "randrange", "sample", "seed", "setstate", "shuffle", "triangular", "uniform", "vonmisesvariate", "weibullvariate"],
        "typing" => &["ABCMeta", "AbstractSet", "Annotated", "Any", "AnyStr", "AsyncContextManager", "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable", "BinaryIO", "ByteString", "CT_co", "Callable", "ChainMap", "ClassVar", "Collection", "Concatenate", "Container", "ContextManager", "Coroutine", "Counter", "DefaultDict", "Deque", "Dict", "EXCLUDED_ATTRIBUTES", "Final", "ForwardRef", "FrozenSet", "Generator", "Generic", "GenericAlias", "Hashable", "IO", "ItemsView", "Iterable", "Iterator", "KT", "KeysView", "List", "Literal", "LiteralString", "Mapping", "MappingView", "Match", "MethodDescriptorType", "MethodWrapperType", "MutableMapping", "MutableSequence", "MutableSet", "NamedTuple", "NamedTupleMeta", "Never", "NewType", "NoReturn", "NotRequired", "Optional", "OrderedDict", "ParamSpec", "ParamSpecArgs", "ParamSpecKwargs", "Pattern", "Protocol", "Required", "Reversible", "Self", "Sequence", "Set", "Sized", "SupportsAbs", "SupportsBytes", "SupportsComplex", "SupportsFloat", "SupportsIndex", "SupportsInt", "SupportsRound", "T", "TYPE_CHECKING", "T_co", "T_contra", "Text", "TextIO", "Tuple", "Type", "TypeAlias", "TypeGuard", "TypeVar", "TypeVarTuple", "TypedDict", "Union", "Unpack", "VT", "VT_co", "V_co", "ValuesView", "WrapperDescriptorType", "abstractmethod", "assert_never", "assert_type", "cast", "clear_overloads", "collections", "contextlib", "dataclass_transform", "defaultdict", "final", "functools", "get_args", "get_origin", "get_overloads", "get_type_hints", "io", "is_typeddict", "no_type_check", "no_type_check_decorator", "operator", "overload", "re", "reveal_type", "runtime_checkable", "stdlib_re", "sys", "types", "warnings"],
        "dataclasses" => &["Field", "FrozenInstanceError", "FunctionType", "GenericAlias", "InitVar", "KW_ONLY", "MISSING", "abc", "asdict", "astuple", "builtins", "copy", "dataclass", "field", "fields", "functools", "inspect", "is_dataclass", "itertools", "keyword", "make_dataclass", "re", "replace", "sys", "types"],
        _ => &[],
    }
}

/// Whether `name` exists in CPython's own module `module` (a built-in module of Typhon).
pub(crate) fn exists_in_cpython_module(module: &str, name: &str) -> bool {
    cpython_module_names(module).binary_search(&name).is_ok()
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
