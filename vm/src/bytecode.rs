//! The bytecode format: modules as rkyv-archivable data, executed in place from the archive.
//!
//! A function's code is a `Vec<u32>` of little-endian words. Word 0 of an instruction is
//! `opcode | first_operand << 8` (the first operand, when there is one, is packed into the
//! upper 24 bits); every further operand is one whole word. An instruction may end with
//! *tails*: a count word followed by that many groups of operands (call arguments, list
//! elements). [`OPS`] describes every opcode's operands, and the verifier, the
//! disassembler and the interpreter all follow it.
//!
//! Cross-module references are symbolic ([`Import`]: module name + export name), resolved
//! by the linker when modules are loaded, so a module's bytecode stays valid when a
//! dependency's body changes.

use rkyv::rancor::BoxedError;
pub use rkyv::util::AlignedVec;

/// An operand of a register that may be absent ("use the default" / "no value").
pub const NO_REG: u32 = 0x00FF_FFFF;
/// Class operands with this bit set name an import; otherwise a class of this module.
pub const CLASS_IMPORT_BIT: u32 = 0x8000_0000;

/// A whole module: what phase 2 produces and the cache stores.
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Clone, Debug, PartialEq)]
pub struct Module {
    pub name: String,
    /// The constant pool.
    pub consts: Vec<Const>,
    /// Attribute and method names used by instructions (interned by the linker).
    pub names: Vec<String>,
    /// Module globals, by name (slot = index).
    pub globals: Vec<String>,
    pub functions: Vec<Function>,
    pub classes: Vec<Class>,
    /// Symbolic references into other modules.
    pub imports: Vec<Import>,
    /// Modules whose initialisation `InitModule` instructions trigger, by name.
    pub deps: Vec<String>,
    /// The function holding the module's top-level code.
    pub init: u32,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Clone, Debug, PartialEq)]
pub enum Const {
    Int(i64),
    /// An int beyond `i64`, as decimal digits (with a leading `-` when negative).
    BigInt(String),
    Float(f64),
    Str(String),
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Clone, Debug, PartialEq)]
pub struct Param {
    pub name: String,
    pub keyword_only: bool,
    pub has_default: bool,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Clone, Debug, PartialEq, Eq)]
pub enum FunctionKind {
    ModuleInit,
    TopLevel,
    Method,
    StaticMethod,
    ClassMethod,
    Nested,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Clone, Debug, PartialEq)]
pub struct Function {
    pub name: String,
    pub qualname: String,
    pub kind: FunctionKind,
    /// Parameters (`self`/`cls` included for methods); parameter `i` arrives in register `i`.
    pub params: Vec<Param>,
    /// Registers the frame needs (locals first, then temporaries).
    pub n_regs: u32,
    /// Captured cells the function object carries (free variables).
    pub n_free: u32,
    pub code: Vec<u32>,
    /// `(pc, line)` pairs sorted by pc: the line of the instructions from `pc` on.
    pub lines: Vec<LineEntry>,
    /// Sorted by pc: the source range of the instructions from `pc` on, for the carets
    /// of tracebacks (CPython's instruction positions).
    pub positions: Vec<PosEntry>,
    /// Innermost handlers first: the first entry covering the faulting pc wins.
    pub handlers: Vec<Handler>,
    pub first_line: u32,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineEntry {
    pub pc: u32,
    pub line: u32,
}

/// The source range of the instructions from `pc` on: the syntax node that produced them,
/// as byte offsets in the module's file (`start == end` when unknown), and for a binary
/// operation or a subscript the part a traceback marks with `^` among `~` (CPython's
/// anchors; `anchor_start == anchor_end` when there is none).
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct PosEntry {
    pub pc: u32,
    pub start: u32,
    pub end: u32,
    pub anchor_start: u32,
    pub anchor_end: u32,
}

/// Instructions at `start..end` that raise continue at `target` with the exception in
/// register `exc_reg`.
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub exc_reg: u32,
    /// Instructions at `target..handling_end` handle the exception: one raised there (or
    /// in what they call) has it as its context ("During handling of the above
    /// exception...").
    pub handling_end: u32,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Clone, Debug, PartialEq)]
pub struct Method {
    pub name: String,
    pub func: u32,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct DataclassFlags {
    pub frozen: bool,
    pub order: bool,
    pub eq: bool,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Clone, Debug, PartialEq)]
pub struct Class {
    pub name: String,
    /// A class operand (local index, or [`CLASS_IMPORT_BIT`] | import index), if any.
    pub base: Option<u32>,
    /// The complete instance layout, inherited fields first.
    pub fields: Vec<String>,
    /// Methods this class defines (inherited ones come from the base at link time).
    pub methods: Vec<Method>,
    pub dataclass: Option<DataclassFlags>,
}

#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    Function,
    Class,
    Global,
}

/// A symbolic reference to another module's export; module `builtins` names the
/// built-in exception classes.
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Import {
    pub module: String,
    pub name: String,
    pub kind: ImportKind,
}

/// What an operand word refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opd {
    Reg,
    /// A register or [`NO_REG`].
    RegOpt,
    Const,
    Global,
    Func,
    /// A class operand (see [`CLASS_IMPORT_BIT`]).
    Class,
    Import,
    Name,
    Target,
    /// A raw immediate (meaning given by the opcode).
    Imm,
    Builtin,
    Native,
    BMethod,
    Dep,
    /// `idx * 2 + kind`: kind 0 = a cell register of this frame, 1 = a free cell.
    Capture,
    /// A comparison operator (see [`CmpOp`]).
    Cmp,
    /// A binary operator (see [`BinOp`]).
    Bin,
}

pub struct OpInfo {
    pub code: u8,
    pub name: &'static str,
    pub fixed: &'static [Opd],
    pub tails: &'static [&'static [Opd]],
}

macro_rules! ops {
    ($($id:ident = $n:literal $name:literal [$($f:ident)*] $([$($t:ident)*])*;)*) => {
        /// Opcode numbers.
        pub mod op {
            $(pub const $id: u8 = $n;)*
        }
        /// Operand layout of every opcode, indexed by opcode.
        pub const OPS: &[OpInfo] = &[$(OpInfo { code: $n, name: $name, fixed: &[$(Opd::$f),*], tails: &[$(&[$(Opd::$t),*]),*] }),*];
    };
}

ops! {
    NOP = 0 "nop" [];
    MOVE = 1 "move" [Reg Reg];
    LOAD_CONST = 2 "load_const" [Reg Const];
    LOAD_INT = 3 "load_int" [Reg Imm];
    LOAD_NONE = 4 "load_none" [Reg];
    LOAD_BOOL = 5 "load_bool" [Reg Imm];
    LOAD_GLOBAL = 6 "load_global" [Reg Global];
    STORE_GLOBAL = 7 "store_global" [Reg Global];
    LOAD_IMPORT = 8 "load_import" [Reg Import];
    LOAD_FUNC = 9 "load_func" [Reg Func];
    LOAD_CLASS = 10 "load_class" [Reg Class];
    LOAD_BUILTIN = 11 "load_builtin" [Reg Builtin];
    LOAD_NATIVE = 12 "load_native" [Reg Native];
    LOAD_MODULE_NAME = 13 "load_module_name" [Reg];
    MAKE_CELL = 14 "make_cell" [Reg];
    LOAD_CELL = 15 "load_cell" [Reg Reg];
    STORE_CELL = 16 "store_cell" [Reg Reg];
    LOAD_FREE = 17 "load_free" [Reg Imm];
    STORE_FREE = 18 "store_free" [Reg Imm];
    MAKE_CLOSURE = 19 "make_closure" [Reg Func] [RegOpt] [Capture];
    DEF_FUNC = 20 "def_func" [Func] [RegOpt];
    DEF_CLASS = 21 "def_class" [Class];
    SET_CLASS_ATTR = 22 "set_class_attr" [Reg Class Name];
    SET_FIELD_DEFAULT = 23 "set_field_default" [Reg Class Imm];
    SET_METHOD_DEFAULTS = 24 "set_method_defaults" [Class Imm] [RegOpt];
    BIN = 25 "bin" [Reg Reg Reg Bin];
    ADD_INT = 26 "add_int" [Reg Reg Reg];
    SUB_INT = 27 "sub_int" [Reg Reg Reg];
    MUL_INT = 28 "mul_int" [Reg Reg Reg];
    MOD_INT = 29 "mod_int" [Reg Reg Reg];
    FLOORDIV_INT = 30 "floordiv_int" [Reg Reg Reg];
    ADD_INT_IMM = 31 "add_int_imm" [Reg Reg Imm];
    ADD_NUM = 32 "add_num" [Reg Reg Reg];
    SUB_NUM = 33 "sub_num" [Reg Reg Reg];
    MUL_NUM = 34 "mul_num" [Reg Reg Reg];
    DIV_NUM = 35 "div_num" [Reg Reg Reg];
    NEG = 36 "neg" [Reg Reg];
    NOT = 37 "not" [Reg Reg];
    INVERT = 38 "invert" [Reg Reg];
    POS = 39 "pos" [Reg Reg];
    CMP = 40 "cmp" [Reg Reg Reg Cmp];
    CMP_INT = 41 "cmp_int" [Reg Reg Reg Cmp];
    JUMP = 42 "jump" [Target];
    JUMP_IF_FALSE = 43 "jump_if_false" [Reg Target];
    JUMP_IF_TRUE = 44 "jump_if_true" [Reg Target];
    JUMP_UNLESS_CMP_INT = 45 "jump_unless_cmp_int" [Reg Reg Cmp Target];
    JUMP_UNLESS_CMP = 46 "jump_unless_cmp" [Reg Reg Cmp Target];
    // Loops test at the bottom: while there is a next item, store it and jump back to
    // the body; fall through when done.
    FOR_RANGE = 47 "for_range" [Reg Reg Reg Reg Target];
    GET_ITER = 48 "get_iter" [Reg Reg];
    FOR_ITER = 49 "for_iter" [Reg Reg Target];
    FOR_LIST = 50 "for_list" [Reg Reg Reg Target];
    CALL = 51 "call" [Reg Func] [RegOpt];
    CALL_IMPORT = 52 "call_import" [Reg Import] [RegOpt];
    CALL_VALUE = 53 "call_value" [Reg Reg] [Reg];
    CALL_METHOD = 54 "call_method" [Reg Name] [RegOpt];
    CALL_METHOD_OF = 55 "call_method_of" [Reg Class Name] [RegOpt];
    NEW = 56 "new" [Reg Class] [RegOpt];
    NEW_OF = 57 "new_of" [Reg Reg] [RegOpt];
    CALL_BUILTIN = 58 "call_builtin" [Reg Builtin Imm] [Reg];
    CALL_NATIVE = 59 "call_native" [Reg Native] [RegOpt];
    CALL_BMETHOD = 60 "call_bmethod" [Reg BMethod] [RegOpt];
    RETURN = 61 "return" [Reg];
    RETURN_NONE = 62 "return_none" [];
    GET_FIELD = 63 "get_field" [Reg Reg Imm];
    SET_FIELD = 64 "set_field" [Reg Imm Reg];
    GET_CLASS_ATTR = 65 "get_class_attr" [Reg Class Name];
    BIND_METHOD = 66 "bind_method" [Reg Reg Name];
    BIND_BMETHOD = 67 "bind_bmethod" [Reg Reg BMethod];
    BUILD_LIST = 68 "build_list" [Reg] [Reg];
    BUILD_TUPLE = 69 "build_tuple" [Reg] [Reg];
    BUILD_SET = 70 "build_set" [Reg] [Reg];
    BUILD_DICT = 71 "build_dict" [Reg] [Reg Reg];
    LIST_APPEND = 72 "list_append" [Reg Reg];
    SET_ADD = 73 "set_add" [Reg Reg];
    DICT_INSERT = 74 "dict_insert" [Reg Reg Reg];
    INDEX = 75 "index" [Reg Reg Reg];
    INDEX_LIST = 76 "index_list" [Reg Reg Reg];
    STORE_INDEX = 77 "store_index" [Reg Reg Reg];
    DEL_INDEX = 78 "del_index" [Reg Reg];
    SLICE = 79 "slice" [Reg Reg RegOpt RegOpt RegOpt];
    UNPACK = 80 "unpack" [Reg] [Reg];
    FORMAT = 81 "format" [Reg Reg Imm RegOpt];
    CONCAT = 82 "concat" [Reg] [Reg];
    RAISE = 83 "raise" [Reg];
    // `raise` without an exception: re-raises the register's exception (NO_REG: the one
    // the innermost running handler of any frame caught, as a bare `raise` in a function
    // called from an `except` block does).
    RERAISE = 84 "reraise" [RegOpt];
    EXC_MATCH = 85 "exc_match" [Reg Reg Class];
    INIT_MODULE = 86 "init_module" [Dep];
    GET_CLASS_OF = 87 "get_class_of" [Reg Reg];
    STORE_INDEX_LIST = 88 "store_index_list" [Reg Reg Reg];
    CALL_METHOD_STATIC = 89 "call_method_static" [Reg Class Name] [RegOpt];
    // `r = obj.NAME` for a class-level value: looked up on the class of `obj` (or on `obj`
    // if it is a class), so subclass overrides win.
    GET_CLASS_ATTR_OF = 90 "get_class_attr_of" [Reg Reg Name];
    // Marks a local that may be read before it is assigned (registers keep stale values
    // between calls, so "unbound" has to be written explicitly).
    LOAD_UNBOUND = 91 "load_unbound" [Reg];
    // Raises if the register is unbound: `Imm` 0 = UnboundLocalError for local `Name`,
    // 1 = NameError for a free variable `Name`. Emitted only where the compiler cannot
    // prove the variable is assigned.
    CHECK_BOUND = 92 "check_bound" [Reg Name Imm];
    // `raise exc from cause`: records the cause (`None` suppresses the context) of the
    // exception the next instruction raises.
    SET_CAUSE = 93 "set_cause" [Reg Reg];
    // `JUMP_UNLESS_CMP_INT` against a small constant (`if n < 2:`, `if i % 3 == 0:`).
    JUMP_UNLESS_CMP_INT_IMM = 94 "jump_unless_cmp_int_imm" [Reg Imm Cmp Target];
    // `obj.static_method(...)`: the static method `Name` of the class of the receiver
    // register (an instance's class, or a class value itself), called without it.
    CALL_STATIC_OF = 95 "call_static_of" [Reg Reg Name] [RegOpt];
}

// The table is indexed by opcode: keep numbering and order in step.
const _: () = {
    let mut idx = 0;
    while idx < OPS.len() {
        assert!(OPS[idx].code as usize == idx);
        idx += 1;
    }
};

/// The operators of `CMP`-family instructions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOp {
    Eq = 0,
    Ne = 1,
    Lt = 2,
    Le = 3,
    Gt = 4,
    Ge = 5,
    Is = 6,
    IsNot = 7,
    In = 8,
    NotIn = 9,
}

impl CmpOp {
    pub const ALL: [CmpOp; 10] = [
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Gt,
        CmpOp::Ge,
        CmpOp::Is,
        CmpOp::IsNot,
        CmpOp::In,
        CmpOp::NotIn,
    ];

    pub fn from_u32(value: u32) -> Option<CmpOp> {
        CmpOp::ALL.get(value as usize).copied()
    }

    pub fn symbol(self) -> &'static str {
        ["==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in"][self as usize]
    }
}

/// The operators of `BIN`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    Add = 0,
    Sub = 1,
    Mul = 2,
    Div = 3,
    FloorDiv = 4,
    Mod = 5,
    Pow = 6,
    LShift = 7,
    RShift = 8,
    BitOr = 9,
    BitXor = 10,
    BitAnd = 11,
}

impl BinOp {
    pub const ALL: [BinOp; 12] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::Div,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::BitOr,
        BinOp::BitXor,
        BinOp::BitAnd,
    ];

    pub fn from_u32(value: u32) -> Option<BinOp> {
        BinOp::ALL.get(value as usize).copied()
    }

    pub fn symbol(self) -> &'static str {
        ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "|", "^", "&"][self as usize]
    }
}

/// The built-in functions, by stable number.
pub const BUILTIN_NAMES: [&str; 30] = [
    "print",
    "len",
    "range",
    "int",
    "float",
    "str",
    "bool",
    "repr",
    "abs",
    "min",
    "max",
    "sum",
    "sorted",
    "reversed",
    "enumerate",
    "zip",
    "any",
    "all",
    "isinstance",
    "ord",
    "chr",
    "round",
    "divmod",
    "pow",
    "hash",
    "list",
    "dict",
    "set",
    "tuple",
    "input",
];

/// Keyword arguments of built-ins: bit `i` of a `CALL_BUILTIN` mask means keyword `i`
/// follows the positional arguments (in this order).
pub const BUILTIN_KEYWORDS: [&str; 9] =
    ["sep", "end", "key", "reverse", "start", "base", "ndigits", "default", "maxsplit"];

/// Functions and values of the built-in modules, by stable number.
pub const NATIVE_NAMES: [(&str, &str); 37] = [
    ("math", "sqrt"),
    ("math", "floor"),
    ("math", "ceil"),
    ("math", "trunc"),
    ("math", "isqrt"),
    ("math", "gcd"),
    ("math", "log"),
    ("math", "log2"),
    ("math", "log10"),
    ("math", "exp"),
    ("math", "sin"),
    ("math", "cos"),
    ("math", "tan"),
    ("math", "atan2"),
    ("math", "hypot"),
    ("math", "fabs"),
    ("math", "pow"),
    ("math", "isclose"),
    ("math", "isnan"),
    ("math", "isinf"),
    ("math", "pi"),
    ("math", "e"),
    ("math", "inf"),
    ("math", "nan"),
    ("sys", "argv"),
    ("sys", "exit"),
    ("sys", "set_int_max_str_digits"),
    ("sys", "setrecursionlimit"),
    ("time", "perf_counter"),
    ("time", "time"),
    ("random", "random"),
    ("random", "randint"),
    ("random", "seed"),
    ("random", "choice"),
    ("random", "shuffle"),
    ("math", "tau"),
    ("math", "atan"),
];

/// The number of a built-in module's member, if the VM provides it.
pub fn native_id(module: &str, name: &str) -> Option<u32> {
    NATIVE_NAMES.iter().position(|(m, n)| *m == module && *n == name).map(|idx| idx as u32)
}

/// Methods of built-in types, by stable number: `(receiver type, method)`.
pub const BMETHOD_NAMES: [(&str, &str); 60] = [
    ("str", "split"),
    ("str", "rsplit"),
    ("str", "join"),
    ("str", "strip"),
    ("str", "lstrip"),
    ("str", "rstrip"),
    ("str", "replace"),
    ("str", "find"),
    ("str", "rfind"),
    ("str", "index"),
    ("str", "count"),
    ("str", "startswith"),
    ("str", "endswith"),
    ("str", "upper"),
    ("str", "lower"),
    ("str", "title"),
    ("str", "isdigit"),
    ("str", "isalpha"),
    ("str", "isalnum"),
    ("str", "isspace"),
    ("str", "splitlines"),
    ("str", "zfill"),
    ("str", "ljust"),
    ("str", "rjust"),
    ("str", "center"),
    ("str", "format"),
    ("list", "append"),
    ("list", "extend"),
    ("list", "insert"),
    ("list", "pop"),
    ("list", "remove"),
    ("list", "index"),
    ("list", "count"),
    ("list", "reverse"),
    ("list", "sort"),
    ("list", "copy"),
    ("list", "clear"),
    ("dict", "get"),
    ("dict", "items"),
    ("dict", "keys"),
    ("dict", "values"),
    ("dict", "pop"),
    ("dict", "setdefault"),
    ("dict", "update"),
    ("dict", "copy"),
    ("dict", "clear"),
    ("set", "add"),
    ("set", "remove"),
    ("set", "discard"),
    ("set", "pop"),
    ("set", "union"),
    ("set", "intersection"),
    ("set", "difference"),
    ("set", "issubset"),
    ("set", "copy"),
    ("set", "clear"),
    ("str", "capitalize"),
    ("str", "isupper"),
    ("str", "islower"),
    // `str.format` with keywords: receiver, positional count, positionals, a tuple of the
    // keyword names, then the keyword values.
    ("str", "format_kw"),
];

/// The number of a built-in type's method.
pub fn bmethod_id(ty: &str, name: &str) -> Option<u32> {
    BMETHOD_NAMES.iter().position(|(t, n)| *t == ty && *n == name).map(|idx| idx as u32)
}

/// The number of a built-in function.
pub fn builtin_id(name: &str) -> Option<u32> {
    BUILTIN_NAMES.iter().position(|n| *n == name).map(|idx| idx as u32)
}

/// Serialises a module into an archive (16-byte aligned, as `access` requires).
pub fn to_bytes(module: &Module) -> Result<AlignedVec<16>, BoxedError> {
    rkyv::to_bytes::<BoxedError>(module)
}

/// Validates an archive (memory safety only: run [`crate::verify`] before executing).
pub fn access(bytes: &[u8]) -> Result<&ArchivedModule, BoxedError> {
    rkyv::access::<ArchivedModule, BoxedError>(bytes)
}

/// Decodes an instruction's operand words at `pc` into a flat list, following [`OPS`].
/// Returns `None` when the instruction is truncated or the opcode unknown.
pub fn decode(code: &[u32], pc: usize) -> Option<Decoded> {
    let word = *code.get(pc)?;
    let info = OPS.get((word & 0xFF) as usize)?;
    let mut decoded = Decoded { info, operands: Vec::new(), tails: Vec::new(), next: pc };
    decode_into(code, pc, &mut decoded).then_some(decoded)
}

/// [`decode`] into `out`, reusing its buffers (the verifier decodes every instruction of
/// every module it loads: one allocation per instruction would dominate). Returns `false`
/// when the instruction is truncated or the opcode unknown (`out` is then unspecified).
pub fn decode_into(code: &[u32], pc: usize, out: &mut Decoded) -> bool {
    let Some(&word) = code.get(pc) else { return false };
    let Some(info) = OPS.get((word & 0xFF) as usize) else { return false };
    out.info = info;
    out.operands.clear();
    let mut cursor = pc + 1;
    for (idx, kind) in info.fixed.iter().enumerate() {
        if idx == 0 {
            out.operands.push((*kind, word >> 8));
        } else {
            let Some(&value) = code.get(cursor) else { return false };
            out.operands.push((*kind, value));
            cursor += 1;
        }
    }
    out.tails.truncate(info.tails.len());
    out.tails.resize_with(info.tails.len(), Vec::new);
    for (group, items) in info.tails.iter().zip(out.tails.iter_mut()) {
        items.clear();
        let Some(&count) = code.get(cursor) else { return false };
        let count = count as usize;
        cursor += 1;
        if count > code.len() {
            return false;
        }
        for _ in 0..count {
            for kind in group.iter() {
                let Some(&value) = code.get(cursor) else { return false };
                items.push((*kind, value));
                cursor += 1;
            }
        }
    }
    out.next = cursor;
    true
}

/// One decoded instruction.
pub struct Decoded {
    pub info: &'static OpInfo,
    pub operands: Vec<(Opd, u32)>,
    pub tails: Vec<Vec<(Opd, u32)>>,
    pub next: usize,
}
