//! The typed IR: phase 1's output for phase 2 (the contract for the bytecode compiler).
//!
//! # Shape
//!
//! A [`ModuleIr`] holds every function of the module in one flat table
//! ([`ModuleIr::functions`], indexed by [`FuncId`]): the module's top-level code is the
//! *init function* ([`ModuleIr::init`]), and every `def` (top-level, method, nested) and
//! `lambda` is one more entry. A definition in a body is a statement
//! ([`StmtKind::DefFunction`]) that evaluates the defaults, creates the function object
//! (capturing cells for closures) and binds it. Classes are in [`ModuleIr::classes`] and
//! created by [`StmtKind::DefClass`] where the `class` statement stands.
//!
//! Every [`Expr`] carries its static [`Type`] and its span. Names are resolved
//! ([`NameRef`]): a local slot of the current function, a free variable (closure), a
//! global of this module, a global of another module, or a constant reference (function,
//! class, built-in, module). Calls are resolved ([`Callee`]) and their arguments are
//! already matched to the callee's parameters ([`Arg`]), keywords included. Operators are
//! resolved by operand types ([`OpKind`], [`CmpKind`]); iteration is explicit
//! ([`IterKind`]); attribute accesses on user classes name the class and the field slot.
//!
//! # Numbers at run time
//!
//! A value of static type `int` is always an int (or a bool, which behaves as an int).
//! A value of static type `float` may be an int at run time (LANGUAGE.md: the numeric
//! tower keeps the value's own type), so [`OpKind::Numeric`] means "dynamic numeric
//! operation on ints and floats" with Python's exact result types; the VM may specialise
//! when it sees two floats. [`OpKind::Int`] means both operands are ints (or bools).
//!
//! # Locals, cells and free variables
//!
//! [`Function::locals`] lists every local slot (parameters first, in order; then other
//! locals, including hidden slots for comprehension variables). A local with
//! [`Local::captured`] set is read by a nested function and must live in a cell.
//! [`Function::free_vars`] lists the variables captured from the enclosing function, each
//! saying which slot (local or free) of the *immediately* enclosing function it comes
//! from. Module-level names are globals, never locals (the init function has locals only
//! for comprehension variables).
//!
//! # Evaluation order
//!
//! As in CPython: left to right; arguments in source order before the call. When a call
//! uses keywords in another order than the parameters', [`Call::eval_order`] gives the
//! order in which the argument expressions must be evaluated (source order), while
//! [`Call::args`] is in parameter order.

use smol_str::SmolStr;
use typhon_diagnostics::Span;
pub use typhon_lexer::IntValue;

use crate::builtins::Builtin;
use crate::interface::{DataclassFlags, MethodKind};
use crate::types::{ClassRef, Type};

/// An index into [`ModuleIr::functions`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct FuncId(pub u32);

/// An index into [`Function::locals`] of the function being compiled.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LocalId(pub u32);

/// An index into [`Function::free_vars`] of the function being compiled.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct FreeId(pub u32);

/// An index into [`ModuleIr::globals`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct GlobalId(pub u32);

/// An index into [`ModuleIr::classes`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ClassId(pub u32);

/// A module-level function, named symbolically (module, name) so that the linker resolves
/// it at load time: calls across modules stay valid when the callee's body changes.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct FuncRef {
    pub module: SmolStr,
    pub name: SmolStr,
}

#[derive(Clone, Debug)]
pub struct ModuleIr {
    pub name: SmolStr,
    pub functions: Vec<Function>,
    /// The module's top-level code.
    pub init: FuncId,
    pub globals: Vec<Global>,
    pub classes: Vec<ClassDecl>,
}

impl ModuleIr {
    pub fn function(&self, id: FuncId) -> Option<&Function> {
        self.functions.get(id.0 as usize)
    }
}

/// A module global: every name bound at the top level except functions, classes and
/// imports (which are static and referenced by [`NameRef::Function`], [`NameRef::Class`]
/// and friends). Globals start unbound; reading an unbound one raises `NameError`.
#[derive(Clone, Debug)]
pub struct Global {
    pub name: SmolStr,
    pub ty: Type,
    /// The span of the defining assignment's target.
    pub def_span: Span,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FunctionKind {
    ModuleInit,
    /// A `def` at the module level (callable as [`Callee::Function`]).
    TopLevel,
    /// A method of [`Function::class`].
    Method(MethodKind),
    /// A `def` inside a function (a closure value).
    Nested,
    Lambda,
}

#[derive(Clone, Debug)]
pub struct Function {
    pub name: SmolStr,
    /// `Class.method`, `outer.<locals>.inner`, `<lambda>`, `<module>` (for tracebacks).
    pub qualname: String,
    pub kind: FunctionKind,
    /// The class of a method.
    pub class: Option<ClassRef>,
    /// The enclosing function of a nested `def` or lambda (whose slots [`FreeVar::from`]
    /// refers to); `None` for top-level functions, methods and the init function.
    pub parent: Option<FuncId>,
    /// Parameters in order (`self`/`cls` first for methods), then keyword-only ones. Each
    /// is a local: parameter `i` is `LocalId(i)`.
    pub params: Vec<Param>,
    pub ret: Type,
    pub locals: Vec<Local>,
    pub free_vars: Vec<FreeVar>,
    pub body: Block,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Param {
    pub name: SmolStr,
    pub ty: Type,
    pub keyword_only: bool,
    pub has_default: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Local {
    pub name: SmolStr,
    pub ty: Type,
    /// A nested function or lambda reads or writes it: it must live in a cell.
    pub captured: bool,
    pub def_span: Span,
}

/// Where a captured variable comes from, in the immediately enclosing function.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Capture {
    Local(LocalId),
    Free(FreeId),
}

#[derive(Clone, Debug)]
pub struct FreeVar {
    pub name: SmolStr,
    pub ty: Type,
    pub from: Capture,
}

/// A class defined in this module, with its complete instance layout.
#[derive(Clone, Debug)]
pub struct ClassDecl {
    pub class: ClassRef,
    pub base: Option<ClassRef>,
    /// Every instance field, inherited ones first (base-first order): the field slot of
    /// an [`ExprKind::Field`] indexes this list.
    pub fields: Vec<FieldDecl>,
    /// Methods defined by this class (inherited ones are found through `base`).
    pub methods: Vec<MethodDecl>,
    /// Class-level constants, evaluated when the class statement runs.
    pub constants: Vec<(SmolStr, Expr)>,
    /// For a dataclass: the generated `__init__` takes the fields declared by dataclass
    /// classes of the chain, in layout order, and then calls `__post_init__` if the class
    /// has one (as CPython does); `__repr__` prints `Name(field=value, ...)` with `repr` of
    /// each field; `__eq__` compares field tuples (when `eq`), and `order` adds `<` etc.
    pub dataclass: Option<DataclassFlags>,
    /// Whether the class derives from a built-in exception.
    pub is_exception: bool,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct MethodDecl {
    pub name: SmolStr,
    pub kind: MethodKind,
    pub func: FuncId,
    /// The defaults of the parameters that have one, in parameter order, evaluated when
    /// the class statement runs.
    pub defaults: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub struct FieldDecl {
    pub name: SmolStr,
    pub ty: Type,
    /// The class-body default (for dataclasses, the generated `__init__`'s default; for
    /// plain classes, the value a new instance starts with), if this class declares one
    /// or re-declares an inherited field with a new value (then `owner` is the base).
    pub default: Option<Expr>,
    /// The class that declares the field.
    pub owner: ClassRef,
}

pub type Block = Vec<Stmt>;

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Expr(Expr),
    /// `a = b = value`: evaluate `value` once, then store into each target left to right.
    Assign {
        targets: Vec<Target>,
        value: Expr,
    },
    /// `target op= value`: the target's object and index are evaluated once. `op` is the
    /// resolved binary operation (its result type is assignable to the target).
    AugAssign {
        target: Target,
        op: BinaryOp,
        value: Expr,
    },
    If {
        branches: Vec<(Expr, Block)>,
        orelse: Block,
    },
    While {
        test: Expr,
        body: Block,
        orelse: Block,
    },
    For {
        target: Target,
        iter: Expr,
        kind: IterKind,
        body: Block,
        orelse: Block,
    },
    Break,
    Continue,
    Return(Option<Expr>),
    /// Create the function object (evaluating `defaults`, one per parameter that has one,
    /// in parameter order, and capturing the cells listed by the function's free
    /// variables) and store it into `target`.
    DefFunction {
        func: FuncId,
        defaults: Vec<Expr>,
        target: Option<Target>,
    },
    /// Create the class object (evaluate field defaults and constants).
    DefClass(ClassId),
    /// `del xs[i]` / `del d[k]`.
    Delete(Vec<Target>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `raise` (re-raise the exception being handled), `raise E`, `raise E(...)`,
    /// `raise E from cause`. A class operand is instantiated without arguments.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Try(Box<TryStmt>),
    /// An import statement: the imported modules (absolute names, in order) are
    /// initialised if they were not yet (the engine runs modules in dependency order).
    /// Imported functions and classes are static references ([`NameRef`]); a variable
    /// imported by `from m import name` is copied into a global of this module
    /// (`copies`: the global, then the variable's module and name), as CPython binds the
    /// value the variable has at the import, which later assignments in `m` do not
    /// change. Built-in modules (math, sys, ...) are not listed.
    Import {
        modules: Vec<SmolStr>,
        copies: Vec<(GlobalId, SmolStr, SmolStr)>,
    },
    Pass,
}

#[derive(Clone, Debug)]
pub struct TryStmt {
    pub body: Block,
    pub handlers: Vec<Handler>,
    pub orelse: Block,
    pub finalbody: Block,
}

#[derive(Clone, Debug)]
pub struct Handler {
    /// The classes caught; empty for a bare `except:` (catches everything).
    pub classes: Vec<ClassRef>,
    /// `as e`: where the exception is stored. Always a [`Target::Name`] of a
    /// [`NameRef::Local`] slot of its own, allocated for this handler alone (like a
    /// comprehension variable, also in the module's init function): its type is the
    /// caught class, or the common base of a tuple's classes. The name is visible only in
    /// the handler's body (CPython unbinds it at the end of the handler), so two handlers
    /// may bind the same name to different exception types without a conflict.
    pub bind: Option<Target>,
    /// The variable of the same name outside the handler (a local of the function, or a
    /// module global at module level), if there is one: the handler's end deletes it, as
    /// CPython's `del name` does, so a later read raises `UnboundLocalError`/`NameError`.
    pub deletes: Option<Target>,
    pub body: Block,
    pub span: Span,
}

/// How a `for` loop, a comprehension or an iterable-taking built-in walks its iterable;
/// derived from the iterable's static type.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IterKind {
    Range,
    List,
    Tuple,
    Str,
    /// The keys of a dict.
    Dict,
    Set,
    /// A `reversed`/`enumerate`/`zip`/dict-view/generator iterator object.
    Iterator,
}

/// Somewhere a value can be stored.
#[derive(Clone, Debug)]
pub enum Target {
    Name {
        name: NameRef,
        span: Span,
    },
    /// `obj.field = v` on an instance of a user class: `slot` indexes the class's
    /// [`ClassDecl::fields`] (inherited fields first).
    Field {
        obj: Box<Expr>,
        class: ClassRef,
        slot: u32,
        span: Span,
    },
    /// `C.name = v`: a class-level value (see [`ExprKind::ClassConstant`]).
    ClassAttr {
        class: ClassRef,
        name: SmolStr,
        span: Span,
    },
    /// `obj[index] = v`.
    Index {
        obj: Box<Expr>,
        index: Box<Expr>,
        kind: IndexKind,
        span: Span,
    },
    /// `a, b = value`: the value (a tuple or a list of the right length at run time) is
    /// unpacked into the targets in order.
    Unpack {
        targets: Vec<Target>,
        span: Span,
    },
}

/// A resolved name.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum NameRef {
    Local(LocalId),
    Free(FreeId),
    Global(GlobalId),
    /// A global of another module (`from m import X` where `X` is a variable). Also
    /// `__name__` of this module (module = this module's name), which is `"__main__"` for
    /// the program's entry module and the module's name otherwise, as in CPython.
    ModuleGlobal {
        module: SmolStr,
        name: SmolStr,
    },
    /// A module-level function (of this module or another).
    Function(FuncRef),
    Class(ClassRef),
    Builtin(Builtin),
    Module(SmolStr),
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: Type,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Int(IntValue),
    Float(f64),
    Str(String),
    Bool(bool),
    None,
    Name(NameRef),
    /// A field of a user-class instance: `slot` indexes [`ClassDecl::fields`] of `class`
    /// (the static class of `obj`; subclasses keep the same slots for inherited fields).
    Field {
        obj: Box<Expr>,
        class: ClassRef,
        slot: u32,
    },
    /// A class-level value owned by `class`: a constant (`C.LIMIT` or `self.LIMIT`), or
    /// the class-body default of a field read through the class (`C.count`).
    ClassConstant {
        class: ClassRef,
        name: SmolStr,
    },
    /// A class-level value read through a receiver (`self.LIMIT`, `cls.LIMIT`): `class`
    /// is the static owner (where the checker found it), but the value is looked up on
    /// the receiver's run-time class (`obj`'s class for an instance, `obj` itself for a
    /// class object), so a subclass's override wins as in Python. Added after
    /// `ClassConstant`, which remains for reads through a class name.
    ClassConstantOf {
        obj: Box<Expr>,
        class: ClassRef,
        name: SmolStr,
    },
    /// A method used as a value: `obj.method` (bound) or `C.method` for static/class
    /// methods (`obj` is `None`).
    Method {
        obj: Option<Box<Expr>>,
        class: ClassRef,
        name: SmolStr,
    },
    /// A method of a built-in type used as a value (`xs.append`).
    BuiltinMethodRef {
        obj: Box<Expr>,
        method: SmolStr,
    },
    Call(Box<Call>),
    /// `obj[index]`.
    Index {
        obj: Box<Expr>,
        index: Box<Expr>,
        kind: IndexKind,
    },
    /// `obj[lower:upper:step]` on a list, tuple or str.
    Slice {
        obj: Box<Expr>,
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        op: BinaryOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// `a and b and c`: short-circuit, the value of the last evaluated operand.
    And(Vec<Expr>),
    Or(Vec<Expr>),
    /// `a < b <= c`: each middle operand is evaluated once.
    Compare {
        left: Box<Expr>,
        comparisons: Vec<Comparison>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// A lambda: create a closure of function `func`, evaluating `defaults` first.
    Lambda {
        func: FuncId,
        defaults: Vec<Expr>,
    },
    /// A display. An empty one with no expected type (`print([])`, `bool({})`) has the
    /// element type `Unknown` (mypy's `list[Never]`): nothing is ever read from it as
    /// that type. The same holds for `list()`, `dict()` and `set()` calls.
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    Set(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    /// A list/set/dict comprehension or a generator expression (only as a call argument).
    /// Its variables are hidden locals of the enclosing function.
    Comprehension(Box<Comprehension>),
    /// An f-string: the pieces are concatenated.
    FString(Vec<FStringPiece>),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ComprehensionKind {
    List,
    Set,
    Dict,
    Generator,
}

#[derive(Clone, Debug)]
pub struct Comprehension {
    pub kind: ComprehensionKind,
    pub generators: Vec<ComprehensionFor>,
    /// The element (the key for a dict comprehension).
    pub elt: Expr,
    /// The value of a dict comprehension.
    pub value: Option<Expr>,
}

#[derive(Clone, Debug)]
pub struct ComprehensionFor {
    pub target: Target,
    pub iter: Expr,
    pub kind: IterKind,
    pub ifs: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub enum FStringPiece {
    Literal(String),
    /// `{expr!conversion:spec}`: the value is formatted with `format(value, spec)` after
    /// the conversion (`str`/`repr`/`ascii`).
    Field {
        expr: Expr,
        conversion: Option<Conversion>,
        spec: Option<Vec<FStringPiece>>,
    },
}

pub use typhon_parser::ast::Conversion;

/// A unary operation with its operand kind.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnaryOp {
    /// `-x` on an int (or bool).
    NegInt,
    /// `-x` on a float-typed value (int or float at run time).
    NegNumeric,
    PosInt,
    PosNumeric,
    /// `~x` on an int.
    Invert,
    /// `not x` (truthiness of any type, see the operand's type).
    Not,
    /// `-x` through the user's `__neg__` of the operand's class.
    NegDunder,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

/// What kind of operands a binary operator works on.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum OpKind {
    /// Both operands int (or bool). `/` gives a float; `**` gives a float when the
    /// exponent is negative at run time (the static type says which: see the checker's
    /// documentation of `**`).
    Int,
    /// At least one operand is float-typed: dynamic int/float arithmetic.
    Numeric,
    /// `bool & bool`, `bool | bool`, `bool ^ bool` (the result is a bool).
    Bool,
    /// `str + str`.
    StrConcat,
    /// `str * int` (`left_is_seq` tells which side the string is on).
    StrRepeat {
        left_is_seq: bool,
    },
    ListConcat,
    ListRepeat {
        left_is_seq: bool,
    },
    TupleConcat,
    TupleRepeat {
        left_is_seq: bool,
    },
    /// `|`, `&`, `-`, `^` on sets.
    Set,
    /// A user dunder method: `left.__add__(right)` (or `right.__radd__`, not supported).
    Dunder {
        class: ClassRef,
        method: SmolStr,
    },
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct BinaryOp {
    pub op: BinOp,
    pub kind: OpKind,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// How a comparison is carried out.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum CmpKind {
    Int,
    Numeric,
    Str,
    /// Structural comparison of built-in values (lists, tuples, dicts, sets, None, bool,
    /// mixed types): Python's generic `==` / `<`.
    Generic,
    /// `is` / `is not`: identity (in practice against `None`).
    Identity,
    /// `x in container` where the container is a list, tuple, str (substring), dict (keys),
    /// set or range.
    Contains,
    /// A user dunder: `__eq__`, `__lt__`, ... of `class` (for `in`: `__contains__` of
    /// the right operand's class). `!=` without `__ne__` negates `__eq__`.
    Dunder {
        class: ClassRef,
        method: SmolStr,
    },
    /// `==` on instances of a dataclass (field-wise) or without `__eq__` (identity).
    DataclassEq {
        class: ClassRef,
    },
    /// `<` etc. on an `order=True` dataclass: field tuples compared.
    DataclassOrder {
        class: ClassRef,
    },
    /// `==` on instances of a class without `__eq__`: identity.
    IdentityEq,
}

#[derive(Clone, Debug)]
pub struct Comparison {
    pub op: CmpOp,
    pub kind: CmpKind,
    pub right: Expr,
}

/// What is being indexed.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum IndexKind {
    List,
    Tuple,
    Str,
    Dict,
    /// A user `__getitem__`/`__setitem__` of `class`.
    Dunder {
        class: ClassRef,
    },
    /// Added: `range(...)[i]` (read only): the `i`-th value of the range, negative indices
    /// counting from the end; `IndexError: range object index out of range` otherwise.
    Range,
}

/// A call with its arguments matched to the callee's parameters.
#[derive(Clone, Debug)]
pub struct Call {
    pub callee: Callee,
    /// For user functions, methods and constructors: one entry per parameter of the
    /// callee (excluding `self`/`cls`), in parameter order (keyword-only last). For
    /// built-ins: see [`Callee::Builtin`].
    pub args: Vec<Arg>,
    /// The indices into `args` in the order the argument expressions appear in the source
    /// (`None` when that is parameter order, the common case).
    pub eval_order: Option<Vec<u32>>,
    /// The span of the callee expression (`f` in `f(x)`, `obj.m` in `obj.m(x)`).
    pub callee_span: Span,
}

/// One matched argument.
#[derive(Clone, Debug)]
pub enum Arg {
    Value(Expr),
    /// Not passed: the callee's default for this parameter is used.
    Default,
}

/// The target of a call.
#[derive(Clone, Debug)]
pub enum Callee {
    /// A module-level function (this module's or another's).
    Function(FuncRef),
    /// A method call `recv.name(...)` resolved to the method found in `class` (the static
    /// class of `recv` or an ancestor); the VM dispatches on the receiver's run-time class
    /// (overriding), so `class` is the static lookup result. For static methods `recv`
    /// is evaluated and dropped only if it has side effects (it is an `Expr` here); for
    /// class methods, the receiver's class is passed.
    Method { recv: Box<Expr>, class: ClassRef, name: SmolStr, kind: MethodKind },
    /// `C.static_or_class_method(...)` without an instance.
    /// A static or class method called through a class value `recv` (`C.make()`,
    /// `cls.make()`): a class method receives `recv` itself, so a subclass gets itself.
    ClassMethod { recv: Box<Expr>, class: ClassRef, name: SmolStr, kind: MethodKind },
    /// `super().name(...)`: the method of `class` (the base of the current class, or the
    /// ancestor that defines the method) called on `self` without dynamic dispatch. For
    /// `super().__init__(...)`, `class` defines `__init__` (user-written or generated for a
    /// dataclass) or is a built-in exception (whose `__init__` stores the positional
    /// arguments as the exception's message); a call of `object.__init__()` is dropped.
    Super { class: ClassRef, name: SmolStr, self_value: Box<Expr> },
    /// `C(...)`: allocate an instance of `class` and call its `__init__` (user-defined,
    /// inherited, or generated for a dataclass: `init` says which class defines it; `None`
    /// when no `__init__` exists and no argument is taken). For exception classes without
    /// a user `__init__`, `args` are the exception's positional arguments (any types).
    Constructor { class: ClassRef, init: Option<ClassRef> },
    /// `cls(...)` where `cls` is a class *value* (in a classmethod): construct an instance
    /// of the run-time class held by `class_value`, which is `class` or a subclass of it;
    /// `args` are matched to `class`'s constructor, as for [`Callee::Constructor`].
    ConstructorOf { class_value: Box<Expr>, class: ClassRef, init: Option<ClassRef> },
    /// A built-in function. `args` are the positional arguments in order (all
    /// `Arg::Value`) and `keywords` the keyword arguments; a keyword naming a positional
    /// parameter (`round(number=x)`) is passed by position. For `isinstance`, the second
    /// argument is a [`ExprKind::Tuple`] of [`NameRef::Class`] names and of
    /// [`NameRef::Builtin`] names for `int`, `float`, `bool`, `str` and (added) `list`,
    /// `dict`, `tuple` and `set` (typed `Unknown`: they are not evaluated as values).
    /// Python's rules apply: a bool is an instance of `int`.
    Builtin { builtin: Builtin, keywords: Vec<(BuiltinKeyword, Expr)> },
    /// A function of a built-in module with special typing (`random.choice`, `sys.exit`)
    /// or an ordinary one: called like [`Callee::Function`] with module = `math`, ...
    /// (kept separate so that the compiler can map them to native code).
    NativeModuleFunction { module: SmolStr, name: SmolStr },
    /// A method of a built-in type: `recv.method(args...)` (e.g. `list.append`). `args`
    /// are matched to the method's fixed parameter list, documented in `check/methods.rs`
    /// (e.g. `list.sort` has `key`, `reverse`; `str.split` has `sep`, `maxsplit`), with
    /// `Arg::Default` for omitted ones; `str.format` takes its arguments positionally.
    BuiltinMethod { recv: Box<Expr>, method: SmolStr },
    /// A call of a value of a `Callable` type (closure, lambda, bound method, function
    /// value): `args` are positional in order. Also a call of a bound built-in method
    /// value (`push = xs.append; push(0)`, callee typed [`Type::BoundBuiltinMethod`]):
    /// `args` are the positional arguments given, in order, and the method's own defaults
    /// apply to the omitted trailing parameters (`splitter = text.split; splitter("-")`).
    /// (A call of a value typed [`Type::BuiltinFunction`], `measure = len; measure(xs)`,
    /// is lowered to [`Callee::Builtin`]: that type names exactly one built-in, so the
    /// variable need not be read.)
    Indirect(Box<Expr>),
    /// Added for keyword arguments of `str.format`: `recv.format(*args, **keywords)` where
    /// `args` are the positional arguments (all `Arg::Value`, in order) and `keywords` the
    /// keyword arguments in source order (evaluated after the positional ones, as written).
    /// A `str.format` call without keywords stays a [`Callee::BuiltinMethod`].
    StrFormat { recv: Box<Expr>, keywords: Vec<(SmolStr, Expr)> },
}

/// The keyword arguments that built-ins accept.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinKeyword {
    Sep,
    End,
    Key,
    Reverse,
    Start,
    Base,
    Ndigits,
    Default,
    Maxsplit,
}

impl BuiltinKeyword {
    pub fn from_name(name: &str) -> Option<BuiltinKeyword> {
        Some(match name {
            "sep" => BuiltinKeyword::Sep,
            "end" => BuiltinKeyword::End,
            "key" => BuiltinKeyword::Key,
            "reverse" => BuiltinKeyword::Reverse,
            "start" => BuiltinKeyword::Start,
            "base" => BuiltinKeyword::Base,
            "ndigits" => BuiltinKeyword::Ndigits,
            "default" => BuiltinKeyword::Default,
            "maxsplit" => BuiltinKeyword::Maxsplit,
            _ => return None,
        })
    }
}
