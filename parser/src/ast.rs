//! The abstract syntax tree of the Typhon subset, with a byte span on every node.
//!
//! The tree is always structurally valid, even for broken source: what could not be
//! parsed becomes `StmtKind::Error` / `ExprKind::Error`, whose diagnostic was already
//! reported. Later phases skip error nodes silently.
//!
//! Depth is bounded by the parser (bracket nesting, indentation and expression depth,
//! see `limits`), so every recursive walk over this tree, `Drop` included, is bounded.

pub use smol_str::SmolStr;
pub use typhon_diagnostics::Span;
pub use typhon_lexer::IntValue;

/// A name as written in the source, with its span (a binding or a reference).
#[derive(Clone, PartialEq, Debug)]
pub struct Ident {
    pub name: SmolStr,
    pub span: Span,
}

/// A whole source file.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Clone, PartialEq, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, PartialEq, Debug)]
pub enum StmtKind {
    Expr(Expr),
    /// `a = b = value`: `targets` is `[a, b]`. A target is a Name, Attribute, Subscript,
    /// or a Tuple/List of targets (unpacking).
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// `target: annotation [= value]`.
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    /// `target op= value`.
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `if`, its `elif`s (flat, so a long elif chain is not a deep tree) and `else`.
    If {
        branches: Vec<IfBranch>,
        orelse: Option<Block>,
    },
    While {
        test: Expr,
        body: Block,
        orelse: Option<Block>,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Block,
        orelse: Option<Block>,
    },
    Break,
    Continue,
    Pass,
    Return(Option<Expr>),
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Global(Vec<Ident>),
    Nonlocal(Vec<Ident>),
    /// `del a[i], d[k]`.
    Delete(Vec<Expr>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Try(Box<Try>),
    /// `import a.b.c as d, e`.
    Import(Vec<ImportAlias>),
    /// `from ..a.b import c as d`: `level` counts the leading dots; `module` is `None`
    /// for `from . import x`.
    ImportFrom {
        level: u32,
        module: Option<DottedName>,
        names: Vec<ImportAlias>,
    },
    /// A statement that could not be parsed, or a construct outside the subset; its
    /// diagnostic was already reported.
    Error,
}

/// A statement block (the body of `if`, `def`, ...). Never empty in valid source.
pub type Block = Vec<Stmt>;

#[derive(Clone, PartialEq, Debug)]
pub struct IfBranch {
    pub test: Expr,
    pub body: Block,
    /// From the `if`/`elif` keyword to the end of the block.
    pub span: Span,
}

#[derive(Clone, PartialEq, Debug)]
pub struct FunctionDef {
    pub name: Ident,
    pub params: Parameters,
    pub returns: Option<Expr>,
    pub body: Block,
    pub decorators: Vec<Decorator>,
}

/// A decorator the subset allows. Anything else is reported as unsupported by the
/// parser and dropped.
#[derive(Clone, PartialEq, Debug)]
pub struct Decorator {
    /// The whole decorator expression: `dataclass`, `dataclasses.dataclass`,
    /// `dataclass(frozen=True, order=True)`, `staticmethod` or `classmethod`.
    pub expr: Expr,
    pub span: Span,
}

/// `def f(a: int, b: str = "x", *, c: float = 0.0)`: `params` are the
/// positional-or-keyword parameters, `kwonly` those after the bare `*`.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Parameters {
    pub params: Vec<Param>,
    pub kwonly: Vec<Param>,
}

#[derive(Clone, PartialEq, Debug)]
pub struct Param {
    pub name: Ident,
    pub annotation: Option<Expr>,
    pub default: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, PartialEq, Debug)]
pub struct ClassDef {
    pub name: Ident,
    pub bases: Vec<Expr>,
    pub body: Block,
    pub decorators: Vec<Decorator>,
}

#[derive(Clone, PartialEq, Debug)]
pub struct Try {
    pub body: Block,
    pub handlers: Vec<ExceptHandler>,
    pub orelse: Option<Block>,
    pub finalbody: Option<Block>,
}

/// `except [type [as name]]: body`.
#[derive(Clone, PartialEq, Debug)]
pub struct ExceptHandler {
    pub typ: Option<Expr>,
    pub name: Option<Ident>,
    pub body: Block,
    pub span: Span,
}

/// `a.b.c`: the parts in order; `span` covers the whole name.
#[derive(Clone, PartialEq, Debug)]
pub struct DottedName {
    pub parts: Vec<Ident>,
    pub span: Span,
}

impl DottedName {
    /// The name with dots, as Python spells the module: `a.b.c`.
    pub fn dotted(&self) -> String {
        let mut text = String::new();
        for (idx, part) in self.parts.iter().enumerate() {
            if idx > 0 {
                text.push('.');
            }
            text.push_str(&part.name);
        }
        text
    }
}

/// `name as asname` in an import (`name` is dotted only in `import a.b`).
#[derive(Clone, PartialEq, Debug)]
pub struct ImportAlias {
    pub name: DottedName,
    pub asname: Option<Ident>,
    pub span: Span,
}

#[derive(Clone, PartialEq, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, PartialEq, Debug)]
pub enum ExprKind {
    Name(SmolStr),
    Int(IntValue),
    Float(f64),
    /// A string literal, implicit concatenations of plain strings already joined.
    Str(String),
    /// An f-string (or a concatenation involving one): literal text and replacement fields.
    FString(Vec<FStringPart>),
    Bool(bool),
    NoneLit,
    /// `...`
    Ellipsis,
    Attribute {
        value: Box<Expr>,
        attr: Ident,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// `value[index]`; `index` is a `Slice`, a `Tuple` (for `d[1, 2]` and annotations
    /// such as `dict[str, int]`), or any expression.
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    /// `lower:upper:step`, only as (part of) a subscript index.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Binary {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    /// `a and b and c` (flat, at least two values).
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `a < b <= c`: `left` then each (operator, operand) pair in order.
    Compare {
        left: Box<Expr>,
        comparisons: Vec<(CmpOp, Expr)>,
    },
    /// `body if test else orelse`.
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// Lambda parameters are never annotated; defaults and keyword-only are allowed.
    Lambda {
        params: Box<Parameters>,
        body: Box<Expr>,
    },
    List(Vec<Expr>),
    /// A tuple display, with or without parentheses (`span` includes them if present).
    Tuple(Vec<Expr>),
    Set(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// An expression that could not be parsed, or a construct outside the subset; its
    /// diagnostic was already reported.
    Error,
}

/// A piece of an f-string.
#[derive(Clone, PartialEq, Debug)]
pub enum FStringPart {
    Literal(String),
    /// `{expr!conversion:format_spec}`. A self-documenting `{x=}` is desugared by the
    /// parser into `Literal("x=")` followed by a field with conversion `r` (unless a
    /// conversion or spec is given), as CPython does.
    Field(Box<FStringField>),
}

#[derive(Clone, PartialEq, Debug)]
pub struct FStringField {
    pub expr: Expr,
    pub conversion: Option<Conversion>,
    /// The format spec, itself made of literal text and nested fields (`{x:{width}}`).
    pub format_spec: Option<Vec<FStringPart>>,
    pub span: Span,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Conversion {
    /// `!s`
    Str,
    /// `!r`
    Repr,
    /// `!a`
    Ascii,
}

/// `for target in iter if cond1 if cond2`.
#[derive(Clone, PartialEq, Debug)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub span: Span,
}

/// `name=value` in a call.
#[derive(Clone, PartialEq, Debug)]
pub struct Keyword {
    pub arg: Ident,
    pub value: Expr,
    pub span: Span,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `not x`
    Not,
    /// `~x`
    Invert,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    /// `@`: parsed (Python has it) but no type of the subset supports it.
    MatMult,
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

impl BinOp {
    /// The operator as written: `+`, `//`, ...
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mult => "*",
            BinOp::MatMult => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
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

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

const _: () = assert!(std::mem::size_of::<Expr>() <= 64);
