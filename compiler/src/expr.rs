//! Compiling expressions: constant folding, type-specialised operators chosen from the
//! IR's `OpKind`/`CmpKind`, calls resolved to direct, method, built-in and native calls,
//! comprehensions, f-strings and fused compare-and-branch.

use typhon_typeck::ir::{
    Arg, BinOp as IrBinOp, BinaryOp, Call, Callee, CmpKind, CmpOp as IrCmpOp, Comprehension, ComprehensionFor,
    ComprehensionKind, Expr, ExprKind, FStringPiece, IndexKind, NameRef, OpKind, UnaryOp,
};
use typhon_typeck::{Builtin, MethodKind, Type};
use typhon_vm::bytecode::{self, BinOp, CmpOp, Const, ImportKind, NO_REG, op};

use crate::CompileError;
use crate::func::{FnCtx, Label, Literal, LoopSource, Pos};

/// A folded constant.
enum Folded {
    Int(i64),
    Float(f64),
}

fn fold(expr: &Expr) -> Option<Folded> {
    match &expr.kind {
        ExprKind::Int(typhon_typeck::ir::IntValue::Small(v)) => Some(Folded::Int(*v)),
        ExprKind::Float(f) => Some(Folded::Float(*f)),
        ExprKind::Unary { op: UnaryOp::NegInt, operand } => match fold(operand)? {
            Folded::Int(v) => v.checked_neg().map(Folded::Int),
            Folded::Float(_) => None,
        },
        ExprKind::Unary { op: UnaryOp::NegNumeric, operand } => match fold(operand)? {
            Folded::Float(f) => Some(Folded::Float(-f)),
            Folded::Int(v) => v.checked_neg().map(Folded::Int),
        },
        ExprKind::Binary { op, left, right } => {
            let (l, r) = (fold(left)?, fold(right)?);
            match (l, r, &op.kind) {
                (Folded::Int(a), Folded::Int(b), OpKind::Int) => match op.op {
                    IrBinOp::Add => a.checked_add(b).map(Folded::Int),
                    IrBinOp::Sub => a.checked_sub(b).map(Folded::Int),
                    IrBinOp::Mult => a.checked_mul(b).map(Folded::Int),
                    _ => None,
                },
                // IEEE arithmetic is exact to reproduce at compile time for + - * /.
                (Folded::Float(a), Folded::Float(b), OpKind::Numeric) => match op.op {
                    IrBinOp::Add => Some(Folded::Float(a + b)),
                    IrBinOp::Sub => Some(Folded::Float(a - b)),
                    IrBinOp::Mult => Some(Folded::Float(a * b)),
                    IrBinOp::Div if b != 0.0 => Some(Folded::Float(a / b)),
                    _ => None,
                },
                _ => None,
            }
        }
        _ => None,
    }
}

fn vm_binop(op: IrBinOp) -> BinOp {
    match op {
        IrBinOp::Add => BinOp::Add,
        IrBinOp::Sub => BinOp::Sub,
        IrBinOp::Mult => BinOp::Mul,
        IrBinOp::Div => BinOp::Div,
        IrBinOp::FloorDiv => BinOp::FloorDiv,
        IrBinOp::Mod => BinOp::Mod,
        IrBinOp::Pow => BinOp::Pow,
        IrBinOp::LShift => BinOp::LShift,
        IrBinOp::RShift => BinOp::RShift,
        IrBinOp::BitOr => BinOp::BitOr,
        IrBinOp::BitXor => BinOp::BitXor,
        IrBinOp::BitAnd => BinOp::BitAnd,
    }
}

fn vm_cmp(op: IrCmpOp) -> CmpOp {
    match op {
        IrCmpOp::Eq => CmpOp::Eq,
        IrCmpOp::NotEq => CmpOp::Ne,
        IrCmpOp::Lt => CmpOp::Lt,
        IrCmpOp::LtE => CmpOp::Le,
        IrCmpOp::Gt => CmpOp::Gt,
        IrCmpOp::GtE => CmpOp::Ge,
        IrCmpOp::Is => CmpOp::Is,
        IrCmpOp::IsNot => CmpOp::IsNot,
        IrCmpOp::In => CmpOp::In,
        IrCmpOp::NotIn => CmpOp::NotIn,
    }
}

/// Whether "not (a op b)" is "a (negated op) b": always for ints, for the other kinds
/// only where NaN and user dunders cannot tell the difference.
fn negatable(kind: &CmpKind, op: IrCmpOp) -> bool {
    match kind {
        CmpKind::Int => true,
        CmpKind::Dunder { .. } => false,
        _ => matches!(op, IrCmpOp::Is | IrCmpOp::IsNot | IrCmpOp::In | IrCmpOp::NotIn),
    }
}

fn negate(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Eq => CmpOp::Ne,
        CmpOp::Ne => CmpOp::Eq,
        CmpOp::Lt => CmpOp::Ge,
        CmpOp::Le => CmpOp::Gt,
        CmpOp::Gt => CmpOp::Le,
        CmpOp::Ge => CmpOp::Lt,
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
    }
}

/// The value of a literal (after constant folding), if the expression is one.
fn literal(expr: &Expr) -> Option<Literal> {
    if let Some(folded) = fold(expr) {
        return Some(match folded {
            Folded::Int(v) => Literal::Int(v),
            Folded::Float(f) => Literal::Float(f.to_bits()),
        });
    }
    match &expr.kind {
        ExprKind::Str(text) => Some(Literal::Str(text.clone())),
        ExprKind::Bool(b) => Some(Literal::Bool(*b)),
        ExprKind::None => Some(Literal::None),
        _ => None,
    }
}

pub(crate) fn small_int(expr: &Expr) -> Option<i32> {
    match fold(expr)? {
        Folded::Int(v) => i32::try_from(v).ok(),
        Folded::Float(_) => None,
    }
}

fn type_name(ty: &Type) -> &'static str {
    match ty.without_none() {
        Type::Str => "str",
        Type::List(_) => "list",
        Type::Dict(_) => "dict",
        Type::Set(_) => "set",
        _ => "?",
    }
}

/// The blanks CPython's traceback skips around an operator.
fn is_blank(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\x0c')
}

/// Whether `span` of `source` lies on one line (CPython marks anchors only then).
fn one_line(source: &[u8], span: typhon_diagnostics::Span) -> bool {
    source
        .get(span.start as usize..span.end as usize)
        .is_some_and(|text| !text.contains(&b'\n') && !text.contains(&b'\r'))
}

/// The operator of a binary operation, as CPython's traceback finds it: the first
/// character after the left operand that is not blank, and the next one too unless it
/// is blank (`//`, `**`, `<<`).
fn binary_anchors(
    source: &[u8],
    node: typhon_diagnostics::Span,
    left: typhon_diagnostics::Span,
    right: typhon_diagnostics::Span,
) -> Option<(u32, u32)> {
    if !one_line(source, node) {
        return None;
    }
    let start = (left.end..right.start).find(|&at| source.get(at as usize).is_some_and(|&byte| !is_blank(byte)))?;
    let next = start + 1;
    let end = if next < right.start && source.get(next as usize).is_some_and(|&byte| !is_blank(byte)) {
        next + 1
    } else {
        next
    };
    Some((start, end))
}

/// The brackets of a subscript, as CPython's traceback finds them: from the first `[`
/// after the object to the `]` after the index.
pub(crate) fn subscript_anchors(
    source: &[u8],
    node: typhon_diagnostics::Span,
    obj: typhon_diagnostics::Span,
    index: typhon_diagnostics::Span,
) -> Option<(u32, u32)> {
    if !one_line(source, node) {
        return None;
    }
    let byte = |at: u32| source.get(at as usize).copied().unwrap_or(b']');
    let mut start = obj.end;
    while start < node.end && byte(start) != b'[' {
        start += 1;
    }
    let mut end = index.end + 1;
    while end < node.end && byte(end) != b']' {
        end += 1;
    }
    if end < node.end {
        end += 1;
    }
    Some((start, end))
}

impl<'a> FnCtx<'_, 'a> {
    /// Compiles `expr`; the result is in `dst` when given, else in the returned register
    /// (a local's own register when the expression is that local: no move).
    pub(crate) fn expr(&mut self, expr: &'a Expr, dst: Option<u32>) -> Result<u32, CompileError> {
        let source = self.m.source.as_bytes();
        let anchors = match &expr.kind {
            ExprKind::Binary { left, right, .. } => binary_anchors(source, expr.span, left.span, right.span),
            ExprKind::Index { obj, index, .. } => subscript_anchors(source, expr.span, obj.span, index.span),
            _ => None,
        };
        let pos = Pos::of(expr.span).with_anchors(anchors);
        self.at(pos, |this| this.expr_here(expr, dst))
    }

    fn expr_here(&mut self, expr: &'a Expr, dst: Option<u32>) -> Result<u32, CompileError> {
        if let Some(lit) = literal(expr) {
            if let Some((_, reg)) = self.hoisted.iter().find(|(l, _)| *l == lit) {
                let reg = *reg;
                return Ok(match dst {
                    Some(d) if d != reg => {
                        self.emit(op::MOVE, &[d, reg]);
                        d
                    }
                    _ => reg,
                });
            }
            if self.loop_depth > 0 && dst.is_none() && !self.wanted.contains(&lit) && self.wanted.len() < 32 {
                self.wanted.push(lit.clone());
            }
            let d = self.dst(dst);
            self.load_literal(&lit, d);
            return Ok(d);
        }
        if let Some(folded) = fold(expr) {
            let d = self.dst(dst);
            match folded {
                Folded::Int(v) => self.load_int(d, v),
                Folded::Float(f) => {
                    let k = self.m.constant(Const::Float(f));
                    self.emit(op::LOAD_CONST, &[d, k]);
                }
            }
            return Ok(d);
        }
        match &expr.kind {
            ExprKind::Int(value) => {
                let d = self.dst(dst);
                match value {
                    typhon_typeck::ir::IntValue::Small(v) => self.load_int(d, *v),
                    typhon_typeck::ir::IntValue::Big(b) => {
                        let k = self.m.constant(Const::BigInt(b.to_string()));
                        self.emit(op::LOAD_CONST, &[d, k]);
                    }
                }
                Ok(d)
            }
            ExprKind::Float(f) => {
                let d = self.dst(dst);
                let k = self.m.constant(Const::Float(*f));
                self.emit(op::LOAD_CONST, &[d, k]);
                Ok(d)
            }
            ExprKind::Str(text) => {
                let d = self.dst(dst);
                let k = self.m.constant(Const::Str(text.clone()));
                self.emit(op::LOAD_CONST, &[d, k]);
                Ok(d)
            }
            ExprKind::Bool(b) => {
                let d = self.dst(dst);
                self.emit(op::LOAD_BOOL, &[d, u32::from(*b)]);
                Ok(d)
            }
            ExprKind::None => {
                let d = self.dst(dst);
                self.emit(op::LOAD_NONE, &[d]);
                Ok(d)
            }
            ExprKind::Name(name) => {
                let r = self.name(name, dst)?;
                if let NameRef::Local(id) = name
                    && self.unbound.read_needs_check(expr)
                {
                    // The error points at the name, as CPython's does.
                    self.at(Pos::of(expr.span), |this| this.check_local(id.0, r));
                }
                Ok(r)
            }
            ExprKind::Field { obj, slot, .. } => {
                let o = self.expr(obj, None)?;
                let d = self.dst(dst);
                self.emit(op::GET_FIELD, &[d, o, *slot]);
                Ok(d)
            }
            ExprKind::ClassConstant { class, name } => {
                let c = self.m.class_operand(class)?;
                let n = self.m.name(name);
                let d = self.dst(dst);
                self.emit(op::GET_CLASS_ATTR, &[d, c, n]);
                Ok(d)
            }
            ExprKind::ClassConstantOf { obj, name, .. } => {
                let o = self.expr(obj, None)?;
                let n = self.m.name(name);
                let d = self.dst(dst);
                self.emit(op::GET_CLASS_ATTR_OF, &[d, o, n]);
                Ok(d)
            }
            ExprKind::Method { obj, class, name } => {
                let n = self.m.name(name);
                match obj {
                    Some(obj) => {
                        let o = self.expr(obj, None)?;
                        let d = self.dst(dst);
                        self.emit(op::BIND_METHOD, &[d, o, n]);
                        Ok(d)
                    }
                    None => {
                        let c = self.m.class_operand(class)?;
                        let d = self.dst(dst);
                        self.emit(op::GET_CLASS_ATTR, &[d, c, n]);
                        Ok(d)
                    }
                }
            }
            ExprKind::BuiltinMethodRef { obj, method } => {
                let id = bytecode::bmethod_id(type_name(&obj.ty), method)
                    .ok_or_else(|| CompileError::Unsupported(format!("method {method}")))?;
                let o = self.expr(obj, None)?;
                let d = self.dst(dst);
                self.emit(op::BIND_BMETHOD, &[d, o, id]);
                Ok(d)
            }
            ExprKind::Call(call) => self.call(call, dst, expr.span.start),
            ExprKind::Index { obj, index, kind } => {
                let o = self.expr(obj, None)?;
                let i = self.expr(index, None)?;
                let d = self.dst(dst);
                match kind {
                    IndexKind::List => self.emit(op::INDEX_LIST, &[d, o, i]),
                    IndexKind::Dunder { .. } => {
                        let n = self.m.name("__getitem__");
                        self.emit_tails(op::CALL_METHOD, &[d, n], &[&[o, i]]);
                    }
                    _ => self.emit(op::INDEX, &[d, o, i]),
                }
                Ok(d)
            }
            ExprKind::Slice { obj, lower, upper, step } => {
                let o = self.expr(obj, None)?;
                let mut parts = [NO_REG; 3];
                for (slot, part) in parts.iter_mut().zip([lower, upper, step]) {
                    if let Some(part) = part {
                        *slot = self.expr(part, None)?;
                    }
                }
                let d = self.dst(dst);
                self.emit(op::SLICE, &[d, o, parts[0], parts[1], parts[2]]);
                Ok(d)
            }
            ExprKind::Unary { op: unary, operand } => {
                let v = self.expr(operand, None)?;
                let d = self.dst(dst);
                match unary {
                    UnaryOp::NegInt | UnaryOp::NegNumeric => self.emit(op::NEG, &[d, v]),
                    UnaryOp::PosInt | UnaryOp::PosNumeric => self.emit(op::POS, &[d, v]),
                    UnaryOp::Invert => self.emit(op::INVERT, &[d, v]),
                    UnaryOp::Not => self.emit(op::NOT, &[d, v]),
                    UnaryOp::NegDunder => {
                        let n = self.m.name("__neg__");
                        self.emit_tails(op::CALL_METHOD, &[d, n], &[&[v]]);
                    }
                }
                Ok(d)
            }
            ExprKind::Binary { op: binary, left, right } => {
                let l = self.expr(left, None)?;
                let r = if small_int(right).is_some()
                    && matches!(binary.kind, OpKind::Int)
                    && matches!(binary.op, IrBinOp::Add | IrBinOp::Sub)
                {
                    NO_REG
                } else {
                    self.expr(right, None)?
                };
                let d = self.dst(dst);
                self.binop(binary, d, l, r, Some(right))?;
                Ok(d)
            }
            ExprKind::And(items) | ExprKind::Or(items) => {
                let is_and = matches!(expr.kind, ExprKind::And(_));
                let d = self.dst(dst);
                let end = self.label();
                for (idx, item) in items.iter().enumerate() {
                    self.expr(item, Some(d))?;
                    if idx + 1 < items.len() {
                        let opcode = if is_and { op::JUMP_IF_FALSE } else { op::JUMP_IF_TRUE };
                        self.emit_jump(opcode, &[d], end);
                    }
                }
                self.bind(end);
                Ok(d)
            }
            ExprKind::Compare { left, comparisons } => {
                let d = self.dst(dst);
                let end = self.label();
                let mut l = self.expr(left, None)?;
                for (idx, cmp) in comparisons.iter().enumerate() {
                    let r = if idx + 1 < comparisons.len() {
                        let t = self.temp();
                        self.expr(&cmp.right, Some(t))?
                    } else {
                        self.expr(&cmp.right, None)?
                    };
                    self.compare(&cmp.op, &cmp.kind, d, l, r)?;
                    if idx + 1 < comparisons.len() {
                        self.emit_jump(op::JUMP_IF_FALSE, &[d], end);
                    }
                    l = r;
                }
                self.bind(end);
                Ok(d)
            }
            ExprKind::IfExp { test, body, orelse } => {
                let d = self.dst(dst);
                let other = self.label();
                let end = self.label();
                self.jump_if_false(test, other)?;
                self.expr(body, Some(d))?;
                self.emit_jump(op::JUMP, &[], end);
                self.bind(other);
                self.expr(orelse, Some(d))?;
                self.bind(end);
                Ok(d)
            }
            ExprKind::Lambda { func, defaults } => {
                let mut regs = Vec::with_capacity(defaults.len());
                for default in defaults {
                    regs.push(self.expr(default, None)?);
                }
                let d = self.dst(dst);
                self.make_closure(d, func.0, &regs)?;
                Ok(d)
            }
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                let mut regs = Vec::with_capacity(items.len());
                for item in items {
                    regs.push(self.expr(item, None)?);
                }
                let d = self.dst(dst);
                let opcode = match expr.kind {
                    ExprKind::List(_) => op::BUILD_LIST,
                    ExprKind::Tuple(_) => op::BUILD_TUPLE,
                    _ => op::BUILD_SET,
                };
                self.emit_tails(opcode, &[d], &[&regs]);
                Ok(d)
            }
            ExprKind::Dict(pairs) => {
                let mut regs = Vec::with_capacity(pairs.len() * 2);
                for (key, value) in pairs {
                    regs.push(self.expr(key, None)?);
                    regs.push(self.expr(value, None)?);
                }
                let d = self.dst(dst);
                self.emit(op::BUILD_DICT, &[d]);
                self.code.push(pairs.len() as u32);
                self.code.extend_from_slice(&regs);
                Ok(d)
            }
            ExprKind::Comprehension(comp) => self.comprehension(comp, dst),
            ExprKind::FString(pieces) => self.fstring(pieces, dst),
        }
    }

    pub(crate) fn load_literal(&mut self, lit: &Literal, dst: u32) {
        match lit {
            Literal::Int(v) => self.load_int(dst, *v),
            Literal::Float(bits) => {
                let k = self.m.constant(Const::Float(f64::from_bits(*bits)));
                self.emit(op::LOAD_CONST, &[dst, k]);
            }
            Literal::Str(text) => {
                let k = self.m.constant(Const::Str(text.clone()));
                self.emit(op::LOAD_CONST, &[dst, k]);
            }
            Literal::Bool(b) => self.emit(op::LOAD_BOOL, &[dst, u32::from(*b)]),
            Literal::None => self.emit(op::LOAD_NONE, &[dst]),
        }
    }

    fn dst(&mut self, dst: Option<u32>) -> u32 {
        match dst {
            Some(d) => d,
            None => self.temp(),
        }
    }

    fn load_int(&mut self, dst: u32, value: i64) {
        match i32::try_from(value) {
            Ok(small) => self.emit(op::LOAD_INT, &[dst, small as u32]),
            Err(_) => {
                let k = self.m.constant(Const::Int(value));
                self.emit(op::LOAD_CONST, &[dst, k]);
            }
        }
    }

    pub(crate) fn name(&mut self, name: &'a NameRef, dst: Option<u32>) -> Result<u32, CompileError> {
        match name {
            NameRef::Local(id) => {
                let captured = self.func.locals.get(id.0 as usize).is_some_and(|l| l.captured);
                if captured {
                    let d = self.dst(dst);
                    self.emit(op::LOAD_CELL, &[d, id.0]);
                    return Ok(d);
                }
                match dst {
                    Some(d) if d != id.0 => {
                        self.emit(op::MOVE, &[d, id.0]);
                        Ok(d)
                    }
                    _ => Ok(id.0),
                }
            }
            NameRef::Free(id) => {
                let d = self.dst(dst);
                self.emit(op::LOAD_FREE, &[d, id.0]);
                // The enclosing function may not have assigned it yet: always checked.
                let name = self.func.free_vars.get(id.0 as usize).map(|f| f.name.to_string()).unwrap_or_default();
                let n = self.m.name(&name);
                self.emit(op::CHECK_BOUND, &[d, n, 1]);
                Ok(d)
            }
            NameRef::Global(id) => {
                let d = self.dst(dst);
                self.emit(op::LOAD_GLOBAL, &[d, id.0]);
                Ok(d)
            }
            NameRef::ModuleGlobal { module, name } => {
                let d = self.dst(dst);
                if name == "__name__" && module == &self.m.ir.name {
                    self.emit(op::LOAD_MODULE_NAME, &[d]);
                } else if let Some(id) = bytecode::native_id(module, name) {
                    self.emit(op::LOAD_NATIVE, &[d, id]);
                } else if module == &self.m.ir.name {
                    let g = self.m.ir.globals.iter().position(|g| g.name == *name).unwrap_or(0) as u32;
                    self.emit(op::LOAD_GLOBAL, &[d, g]);
                } else {
                    let i = self.m.import(module, name, ImportKind::Global);
                    self.emit(op::LOAD_IMPORT, &[d, i]);
                }
                Ok(d)
            }
            NameRef::Function(func) => {
                let d = self.dst(dst);
                if self.m.is_local(func) {
                    let f = self
                        .m
                        .local_function(&func.name)
                        .ok_or_else(|| CompileError::Unsupported(format!("function {}", func.name)))?;
                    self.emit(op::LOAD_FUNC, &[d, f]);
                } else if let Some(id) = bytecode::native_id(&func.module, &func.name) {
                    self.emit(op::LOAD_NATIVE, &[d, id]);
                } else {
                    let i = self.m.import(&func.module, &func.name, ImportKind::Function);
                    self.emit(op::LOAD_IMPORT, &[d, i]);
                }
                Ok(d)
            }
            NameRef::Class(class) => {
                let c = self.m.class_operand(class)?;
                let d = self.dst(dst);
                self.emit(op::LOAD_CLASS, &[d, c]);
                Ok(d)
            }
            NameRef::Builtin(builtin) => {
                let d = self.dst(dst);
                let id = bytecode::builtin_id(builtin.name()).unwrap_or(0);
                self.emit(op::LOAD_BUILTIN, &[d, id]);
                Ok(d)
            }
            NameRef::Module(_) => {
                let d = self.dst(dst);
                self.emit(op::LOAD_NONE, &[d]);
                Ok(d)
            }
        }
    }

    /// `dst = l op r` with the instruction chosen by operand kinds (`r` may be [`NO_REG`]
    /// when `right` is a small int literal added or subtracted).
    pub(crate) fn binop(
        &mut self,
        binary: &'a BinaryOp,
        d: u32,
        l: u32,
        r: u32,
        right: Option<&'a Expr>,
    ) -> Result<(), CompileError> {
        if let OpKind::Dunder { method, .. } = &binary.kind {
            let r = if r == NO_REG { self.expr_required(right)? } else { r };
            let n = self.m.name(method);
            self.emit_tails(op::CALL_METHOD, &[d, n], &[&[l, r]]);
            return Ok(());
        }
        if matches!(binary.kind, OpKind::Int)
            && matches!(binary.op, IrBinOp::Add | IrBinOp::Sub)
            && let Some(imm) = right.and_then(small_int)
        {
            let imm = if binary.op == IrBinOp::Sub { imm.checked_neg() } else { Some(imm) };
            if let Some(imm) = imm {
                self.emit(op::ADD_INT_IMM, &[d, l, imm as u32]);
                return Ok(());
            }
        }
        let r = if r == NO_REG { self.expr_required(right)? } else { r };
        let opcode = match (&binary.kind, binary.op) {
            (OpKind::Int, IrBinOp::Add) => Some(op::ADD_INT),
            (OpKind::Int, IrBinOp::Sub) => Some(op::SUB_INT),
            (OpKind::Int, IrBinOp::Mult) => Some(op::MUL_INT),
            (OpKind::Int, IrBinOp::Mod) => Some(op::MOD_INT),
            (OpKind::Int, IrBinOp::FloorDiv) => Some(op::FLOORDIV_INT),
            (OpKind::Numeric, IrBinOp::Add) => Some(op::ADD_NUM),
            (OpKind::Numeric, IrBinOp::Sub) => Some(op::SUB_NUM),
            (OpKind::Numeric, IrBinOp::Mult) => Some(op::MUL_NUM),
            (OpKind::Numeric, IrBinOp::Div) => Some(op::DIV_NUM),
            _ => None,
        };
        match opcode {
            Some(opcode) => self.emit(opcode, &[d, l, r]),
            None => self.emit(op::BIN, &[d, l, r, vm_binop(binary.op) as u32]),
        }
        Ok(())
    }

    fn expr_required(&mut self, expr: Option<&'a Expr>) -> Result<u32, CompileError> {
        match expr {
            Some(expr) => self.expr(expr, None),
            None => Err(CompileError::Unsupported("missing operand".into())),
        }
    }

    fn compare(&mut self, cmp: &IrCmpOp, kind: &'a CmpKind, d: u32, l: u32, r: u32) -> Result<(), CompileError> {
        match kind {
            // Comparisons go through the VM's dispatch, as CPython's do: the right
            // operand's reflected method first when its class is a subclass of the left's
            // that overrides it, then the left's method, then the reflected one.
            CmpKind::Dunder { method, .. } if method != "__contains__" => {
                self.emit(op::CMP, &[d, l, r, vm_cmp(*cmp) as u32]);
            }
            CmpKind::Dunder { method, .. } => {
                let n = self.m.name(method);
                let args = if matches!(cmp, IrCmpOp::In | IrCmpOp::NotIn) { [r, l] } else { [l, r] };
                self.emit_tails(op::CALL_METHOD, &[d, n], &[&args]);
                let negate = matches!(cmp, IrCmpOp::NotIn) || (matches!(cmp, IrCmpOp::NotEq) && method == "__eq__");
                if negate {
                    self.emit(op::NOT, &[d, d]);
                }
            }
            CmpKind::Int => self.emit(op::CMP_INT, &[d, l, r, vm_cmp(*cmp) as u32]),
            _ => self.emit(op::CMP, &[d, l, r, vm_cmp(*cmp) as u32]),
        }
        Ok(())
    }

    /// Jumps to `label` unless `left OP cmp.right` holds (one fused compare-and-branch;
    /// against a small constant for ints).
    fn branch_unless(
        &mut self,
        left: &'a Expr,
        cmp: &'a typhon_typeck::ir::Comparison,
        op_: CmpOp,
        label: Label,
    ) -> Result<(), CompileError> {
        let l = self.expr(left, None)?;
        if cmp.kind == CmpKind::Int
            && let Some(imm) = small_int(&cmp.right)
        {
            self.emit_jump(op::JUMP_UNLESS_CMP_INT_IMM, &[l, imm as u32, op_ as u32], label);
            return Ok(());
        }
        let r = self.expr(&cmp.right, None)?;
        let opcode = if cmp.kind == CmpKind::Int { op::JUMP_UNLESS_CMP_INT } else { op::JUMP_UNLESS_CMP };
        self.emit_jump(opcode, &[l, r, op_ as u32], label);
        Ok(())
    }

    /// Jumps to `label` when `expr` is false (fused compare-and-branch where possible).
    pub(crate) fn jump_if_false(&mut self, expr: &'a Expr, label: Label) -> Result<(), CompileError> {
        match &expr.kind {
            ExprKind::Bool(true) => Ok(()),
            ExprKind::Unary { op: UnaryOp::Not, operand } => self.jump_if_true(operand, label),
            ExprKind::And(items) => {
                for item in items {
                    self.jump_if_false(item, label)?;
                }
                Ok(())
            }
            ExprKind::Or(items) => {
                let body = self.label();
                for (idx, item) in items.iter().enumerate() {
                    if idx + 1 < items.len() {
                        self.jump_if_true(item, body)?;
                    } else {
                        self.jump_if_false(item, label)?;
                    }
                }
                self.bind(body);
                Ok(())
            }
            ExprKind::Compare { left, comparisons }
                if comparisons.len() == 1 && !matches!(comparisons[0].kind, CmpKind::Dunder { .. }) =>
            {
                let cmp = &comparisons[0];
                self.branch_unless(left, cmp, vm_cmp(cmp.op), label)
            }
            _ => {
                let r = self.expr(expr, None)?;
                self.emit_jump(op::JUMP_IF_FALSE, &[r], label);
                Ok(())
            }
        }
    }

    /// Jumps to `label` when `expr` is true.
    pub(crate) fn jump_if_true(&mut self, expr: &'a Expr, label: Label) -> Result<(), CompileError> {
        match &expr.kind {
            ExprKind::Compare { left, comparisons }
                if comparisons.len() == 1 && negatable(&comparisons[0].kind, comparisons[0].op) =>
            {
                let cmp = &comparisons[0];
                self.branch_unless(left, cmp, negate(vm_cmp(cmp.op)), label)
            }
            ExprKind::Unary { op: UnaryOp::Not, operand } => self.jump_if_false(operand, label),
            ExprKind::Or(items) => {
                for item in items {
                    self.jump_if_true(item, label)?;
                }
                Ok(())
            }
            ExprKind::And(items) => {
                let skip = self.label();
                for (idx, item) in items.iter().enumerate() {
                    if idx + 1 < items.len() {
                        self.jump_if_false(item, skip)?;
                    } else {
                        self.jump_if_true(item, label)?;
                    }
                }
                self.bind(skip);
                Ok(())
            }
            _ => {
                let r = self.expr(expr, None)?;
                self.emit_jump(op::JUMP_IF_TRUE, &[r], label);
                Ok(())
            }
        }
    }

    /// Evaluates call arguments (in source order) into registers in parameter order.
    fn args(&mut self, call: &'a Call) -> Result<Vec<u32>, CompileError> {
        self.args_from(call, 0)
    }

    /// The arguments from index `skip` on (the ones before it stay `NO_REG`).
    fn args_from(&mut self, call: &'a Call, skip: usize) -> Result<Vec<u32>, CompileError> {
        let mut regs = vec![NO_REG; call.args.len()];
        let order: Vec<usize> = match &call.eval_order {
            Some(order) => order.iter().map(|i| *i as usize).collect(),
            None => (0..call.args.len()).collect(),
        };
        for idx in order.into_iter().filter(|idx| *idx >= skip) {
            if let Some(Arg::Value(expr)) = call.args.get(idx) {
                // A temp per argument: a later argument must not clobber an earlier one.
                let reg = match &expr.kind {
                    ExprKind::Name(NameRef::Local(id)) if !self.func.locals[id.0 as usize].captured => {
                        if self.unbound.read_needs_check(expr) {
                            self.at(Pos::of(expr.span), |this| this.check_local(id.0, id.0));
                        }
                        id.0
                    }
                    _ => {
                        let t = self.temp();
                        self.expr_arg(expr, t)?
                    }
                };
                regs[idx] = reg;
            }
        }
        Ok(regs)
    }

    /// An argument value; generator expressions become lists (they are only passed to
    /// consuming built-ins).
    fn expr_arg(&mut self, expr: &'a Expr, dst: u32) -> Result<u32, CompileError> {
        self.expr(expr, Some(dst))
    }

    fn call(&mut self, call: &'a Call, dst: Option<u32>, offset: u32) -> Result<u32, CompileError> {
        self.set_line(offset);
        match &call.callee {
            Callee::Function(func) => {
                let args = self.args(call)?;
                let d = self.dst(dst);
                if self.m.is_local(func) {
                    let f = self
                        .m
                        .local_function(&func.name)
                        .ok_or_else(|| CompileError::Unsupported(format!("function {}", func.name)))?;
                    self.emit_tails(op::CALL, &[d, f], &[&args]);
                } else if let Some(id) = bytecode::native_id(&func.module, &func.name) {
                    self.emit_tails(op::CALL_NATIVE, &[d, id], &[&args]);
                } else {
                    let i = self.m.import(&func.module, &func.name, ImportKind::Function);
                    self.emit_tails(op::CALL_IMPORT, &[d, i], &[&args]);
                }
                Ok(d)
            }
            Callee::NativeModuleFunction { module, name } => {
                let args = self.args(call)?;
                let d = self.dst(dst);
                let id = bytecode::native_id(module, name)
                    .ok_or_else(|| CompileError::Unsupported(format!("{module}.{name}")))?;
                self.emit_tails(op::CALL_NATIVE, &[d, id], &[&args]);
                Ok(d)
            }
            Callee::Method { recv, name, kind, .. } => {
                let r = self.expr(recv, None)?;
                let mut args = self.args(call)?;
                let d = self.dst(dst);
                let n = self.m.name(name);
                match kind {
                    MethodKind::Instance => {
                        args.insert(0, r);
                        self.emit_tails(op::CALL_METHOD, &[d, n], &[&args]);
                    }
                    MethodKind::Static => {
                        // Found on the receiver's own class: a subclass's override wins.
                        self.emit_tails(op::CALL_STATIC_OF, &[d, r, n], &[&args]);
                    }
                    MethodKind::Class => {
                        let t = self.temp();
                        self.emit(op::GET_CLASS_OF, &[t, r]);
                        args.insert(0, t);
                        self.emit_tails(op::CALL_METHOD, &[d, n], &[&args]);
                    }
                }
                Ok(d)
            }
            Callee::ClassMethod { recv, class, name, kind } => {
                let n = self.m.name(name);
                // The class value is evaluated first, as CPython loads it.
                let r = self.expr(recv, None)?;
                if *kind == MethodKind::Class {
                    // Looked up on the class value itself, which is passed as `cls`.
                    let mut args = self.args(call)?;
                    args.insert(0, r);
                    let d = self.dst(dst);
                    self.emit_tails(op::CALL_METHOD, &[d, n], &[&args]);
                    return Ok(d);
                }
                let args = self.args(call)?;
                let d = self.dst(dst);
                let c = self.m.class_operand(class)?;
                self.emit_tails(op::CALL_METHOD_OF, &[d, c, n], &[&args]);
                Ok(d)
            }
            Callee::Super { class, name, self_value } => {
                let s = self.expr(self_value, None)?;
                let mut args = self.args(call)?;
                args.insert(0, s);
                let d = self.dst(dst);
                let n = self.m.name(name);
                let c = self.m.class_operand(class)?;
                self.emit_tails(op::CALL_METHOD_OF, &[d, c, n], &[&args]);
                Ok(d)
            }
            Callee::Constructor { class, .. } => {
                let args = self.args(call)?;
                let d = self.dst(dst);
                let c = self.m.class_operand(class)?;
                self.emit_tails(op::NEW, &[d, c], &[&args]);
                Ok(d)
            }
            Callee::ConstructorOf { class_value, .. } => {
                let cv = self.expr(class_value, None)?;
                let args = self.args(call)?;
                let d = self.dst(dst);
                self.emit_tails(op::NEW_OF, &[d, cv], &[&args]);
                Ok(d)
            }
            Callee::Builtin { builtin, keywords } => {
                // `any`/`all` over a generator expression stop at the first deciding
                // element, as CPython's do: the element expression may have effects.
                if matches!(builtin, Builtin::Any | Builtin::All)
                    && keywords.is_empty()
                    && let [Arg::Value(Expr { kind: ExprKind::Comprehension(comp), .. })] = call.args.as_slice()
                    && comp.kind == ComprehensionKind::Generator
                {
                    return self.any_all(comp, *builtin == Builtin::Any, dst);
                }
                // `min`/`max` over a generator expression take each element as it is
                // produced (calling `key` on it and comparing) before producing the next,
                // as CPython's do: the element expression and the key may have effects.
                if matches!(builtin, Builtin::Min | Builtin::Max)
                    && let [Arg::Value(Expr { kind: ExprKind::Comprehension(comp), .. })] = call.args.as_slice()
                    && comp.kind == ComprehensionKind::Generator
                    && let Some(keywords) = min_max_keywords(keywords)
                {
                    return self.min_max(comp, *builtin == Builtin::Max, keywords, dst);
                }
                // A generator expression followed by other arguments (`sum(g, start)`,
                // `sorted(g, key=...)`): CPython creates the generator, evaluating its first
                // iterable, then evaluates the other arguments, and the built-in runs it.
                let lazy = match call.args.first() {
                    Some(Arg::Value(Expr { kind: ExprKind::Comprehension(comp), .. }))
                        if comp.kind == ComprehensionKind::Generator
                            && (call.args.len() > 1 || !keywords.is_empty()) =>
                    {
                        Some((comp, self.comprehension_source(comp)?))
                    }
                    _ => None,
                };
                let mut regs = self.args_from(call, usize::from(lazy.is_some()))?;
                let mut mask = 0u32;
                let mut kw: Vec<(u32, u32)> = Vec::new();
                for (keyword, value) in keywords {
                    let bit = bytecode::BUILTIN_KEYWORDS.iter().position(|k| *k == keyword_name(*keyword)).unwrap_or(0)
                        as u32;
                    let t = self.temp();
                    let reg = self.expr(value, Some(t))?;
                    kw.push((bit, reg));
                    mask |= 1 << bit;
                }
                if let Some((comp, first)) = lazy {
                    let acc = self.temp();
                    self.emit_tails(op::BUILD_LIST, &[acc], &[&[]]);
                    self.comprehension_level(comp, 0, Some(first), acc)?;
                    regs[0] = acc;
                }
                kw.sort_by_key(|(bit, _)| *bit);
                regs.extend(kw.into_iter().map(|(_, reg)| reg));
                let d = self.dst(dst);
                let id = bytecode::builtin_id(builtin.name()).unwrap_or(0);
                if *builtin == Builtin::Isinstance && regs.contains(&NO_REG) {
                    return Err(CompileError::Unsupported("isinstance".into()));
                }
                self.emit_tails(op::CALL_BUILTIN, &[d, id, mask], &[&regs]);
                Ok(d)
            }
            Callee::BuiltinMethod { recv, method } => {
                let r = self.expr(recv, None)?;
                let mut args = self.args(call)?;
                args.insert(0, r);
                // Trailing omitted arguments need not be passed at all.
                while args.len() > 1 && args.last() == Some(&NO_REG) {
                    args.pop();
                }
                let d = self.dst(dst);
                let id = bytecode::bmethod_id(type_name(&recv.ty), method)
                    .ok_or_else(|| CompileError::Unsupported(format!("method {method} of {}", recv.ty)))?;
                self.emit_tails(op::CALL_BMETHOD, &[d, id], &[&args]);
                Ok(d)
            }
            Callee::StrFormat { recv, keywords } => {
                let r = self.expr(recv, None)?;
                let positional = self.args(call)?;
                let n = self.temp();
                self.load_int(n, positional.len() as i64);
                let mut names = Vec::with_capacity(keywords.len());
                for (name, _) in keywords {
                    let t = self.temp();
                    let k = self.m.constant(Const::Str(name.to_string()));
                    self.emit(op::LOAD_CONST, &[t, k]);
                    names.push(t);
                }
                let names_tuple = self.temp();
                self.emit_tails(op::BUILD_TUPLE, &[names_tuple], &[&names]);
                let mut args = vec![r, n];
                args.extend(positional);
                args.push(names_tuple);
                for (_, value) in keywords {
                    let t = self.temp();
                    args.push(self.expr(value, Some(t))?);
                }
                let d = self.dst(dst);
                let id = bytecode::bmethod_id("str", "format_kw").unwrap_or(0);
                self.emit_tails(op::CALL_BMETHOD, &[d, id], &[&args]);
                Ok(d)
            }
            Callee::Indirect(callee) => {
                let c = self.expr(callee, None)?;
                let args = self.args(call)?;
                let d = self.dst(dst);
                self.emit_tails(op::CALL_VALUE, &[d, c], &[&args]);
                Ok(d)
            }
        }
    }

    fn comprehension(&mut self, comp: &'a Comprehension, dst: Option<u32>) -> Result<u32, CompileError> {
        // Built into a temporary: the element expressions may read the destination local.
        let acc = self.temp();
        match comp.kind {
            ComprehensionKind::List | ComprehensionKind::Generator => self.emit_tails(op::BUILD_LIST, &[acc], &[&[]]),
            ComprehensionKind::Set => self.emit_tails(op::BUILD_SET, &[acc], &[&[]]),
            ComprehensionKind::Dict => {
                self.emit(op::BUILD_DICT, &[acc]);
                self.code.push(0);
            }
        }
        self.comprehension_level(comp, 0, None, acc)?;
        match dst {
            Some(d) => {
                self.emit(op::MOVE, &[d, acc]);
                Ok(d)
            }
            None => Ok(acc),
        }
    }

    /// Evaluates a generator expression's first iterable, as CPython does when it creates
    /// the generator: before the call's later arguments.
    fn comprehension_source(&mut self, comp: &'a Comprehension) -> Result<LoopSource, CompileError> {
        let generator = comp
            .generators
            .first()
            .ok_or_else(|| CompileError::Unsupported("a comprehension without a for clause".into()))?;
        self.loop_source(&generator.iter, generator.kind)
    }

    /// `any(genexp)` / `all(genexp)` as a loop with an early exit: the result starts as
    /// `all`'s answer for no deciding element and flips when one is found.
    fn any_all(&mut self, comp: &'a Comprehension, is_any: bool, dst: Option<u32>) -> Result<u32, CompileError> {
        // A temporary: the element expression may read the destination local.
        let acc = self.temp();
        self.emit(op::LOAD_BOOL, &[acc, u32::from(!is_any)]);
        let found = self.label();
        let end = self.label();
        self.any_all_level(comp, 0, is_any, found)?;
        self.emit_jump(op::JUMP, &[], end);
        self.bind(found);
        self.emit(op::LOAD_BOOL, &[acc, u32::from(is_any)]);
        self.bind(end);
        match dst {
            Some(d) => {
                self.emit(op::MOVE, &[d, acc]);
                Ok(d)
            }
            None => Ok(acc),
        }
    }

    /// `min(genexp)` / `max(genexp)` as a loop: each element's key is computed and compared
    /// with the best so far (`key < best` for `min`, `key > best` for `max`, exactly the
    /// comparison CPython makes) before the next element is produced.
    fn min_max(
        &mut self,
        comp: &'a Comprehension,
        is_max: bool,
        keywords: MinMaxKeywords<'a>,
        dst: Option<u32>,
    ) -> Result<u32, CompileError> {
        // CPython creates the generator (evaluating its first iterable) before it
        // evaluates `key` and `default`.
        let first = self.comprehension_source(comp)?;
        // Temporaries: the element expression may read the destination local.
        let key = match keywords.key {
            Some(expr) => {
                let t = self.temp();
                Some(self.expr(expr, Some(t))?)
            }
            None => None,
        };
        let default = match keywords.default {
            Some(expr) => {
                let t = self.temp();
                Some(self.expr(expr, Some(t))?)
            }
            None => None,
        };
        let (best, best_key, empty) = (self.temp(), self.temp(), self.temp());
        self.emit(op::LOAD_NONE, &[best]);
        self.emit(op::LOAD_NONE, &[best_key]);
        self.emit(op::LOAD_BOOL, &[empty, 1]);
        let state = MinMaxState { is_max, key, best, best_key, empty };
        self.min_max_level(comp, 0, Some(first), &state)?;
        let done = self.label();
        self.emit_jump(op::JUMP_IF_FALSE, &[empty], done);
        match default {
            Some(default) => self.emit(op::MOVE, &[best, default]),
            None => {
                // The built-in itself raises CPython's error for an empty argument.
                let items = self.temp();
                self.emit_tails(op::BUILD_LIST, &[items], &[&[]]);
                let id = bytecode::builtin_id(if is_max { "max" } else { "min" }).unwrap_or(0);
                self.emit_tails(op::CALL_BUILTIN, &[best, id, 0], &[&[items]]);
            }
        }
        self.bind(done);
        match dst {
            Some(d) => {
                self.emit(op::MOVE, &[d, best]);
                Ok(d)
            }
            None => Ok(best),
        }
    }

    fn min_max_level(
        &mut self,
        comp: &'a Comprehension,
        level: usize,
        first: Option<LoopSource>,
        state: &MinMaxState,
    ) -> Result<(), CompileError> {
        let Some(generator) = comp.generators.get(level) else {
            let mark = self.next_reg;
            let item = self.expr(&comp.elt, None)?;
            let item_key = match state.key {
                Some(key) => {
                    let t = self.temp();
                    self.emit_tails(op::CALL_VALUE, &[t, key], &[&[item]]);
                    t
                }
                None => item,
            };
            let take = self.label();
            let skip = self.label();
            self.emit_jump(op::JUMP_IF_TRUE, &[state.empty], take);
            let cmp = if state.is_max { CmpOp::Gt } else { CmpOp::Lt };
            self.emit_jump(op::JUMP_UNLESS_CMP, &[item_key, state.best_key, cmp as u32], skip);
            self.bind(take);
            self.emit(op::MOVE, &[state.best, item]);
            self.emit(op::MOVE, &[state.best_key, item_key]);
            self.emit(op::LOAD_BOOL, &[state.empty, 0]);
            self.bind(skip);
            self.next_reg = mark;
            return Ok(());
        };
        self.generator_loop(generator, first, &mut |this| this.min_max_level(comp, level + 1, None, state))
    }

    /// One `for` clause of a comprehension with its `if` clauses; `inner` compiles what
    /// runs for every element that passes them (the next clause, or the element's work).
    fn generator_loop(
        &mut self,
        generator: &'a ComprehensionFor,
        source: Option<LoopSource>,
        inner: &mut dyn FnMut(&mut Self) -> Result<(), CompileError>,
    ) -> Result<(), CompileError> {
        let exit = self.label();
        let source = match source {
            Some(source) => source,
            None => self.loop_source(&generator.iter, generator.kind)?,
        };
        self.for_loop_from(&generator.target, source, exit, &mut |this, cont| {
            let mark = this.next_reg;
            for cond in &generator.ifs {
                this.jump_if_false(cond, cont)?;
            }
            inner(this)?;
            this.next_reg = mark;
            Ok(())
        })?;
        self.bind(exit);
        Ok(())
    }

    fn any_all_level(
        &mut self,
        comp: &'a Comprehension,
        level: usize,
        is_any: bool,
        found: Label,
    ) -> Result<(), CompileError> {
        let Some(generator) = comp.generators.get(level) else {
            let mark = self.next_reg;
            if is_any {
                self.jump_if_true(&comp.elt, found)?;
            } else {
                self.jump_if_false(&comp.elt, found)?;
            }
            self.next_reg = mark;
            return Ok(());
        };
        self.generator_loop(generator, None, &mut |this| this.any_all_level(comp, level + 1, is_any, found))
    }

    /// `first`: the first clause's iterable when it was evaluated already (see
    /// `comprehension_source`).
    fn comprehension_level(
        &mut self,
        comp: &'a Comprehension,
        level: usize,
        first: Option<LoopSource>,
        acc: u32,
    ) -> Result<(), CompileError> {
        let Some(generator) = comp.generators.get(level) else {
            let mark = self.next_reg;
            let v = self.expr(&comp.elt, None)?;
            match comp.kind {
                ComprehensionKind::List | ComprehensionKind::Generator => self.emit(op::LIST_APPEND, &[acc, v]),
                ComprehensionKind::Set => self.emit(op::SET_ADD, &[acc, v]),
                ComprehensionKind::Dict => {
                    let value =
                        comp.value.as_ref().ok_or_else(|| CompileError::Unsupported("dict comprehension".into()))?;
                    let x = self.expr(value, None)?;
                    self.emit(op::DICT_INSERT, &[acc, v, x]);
                }
            }
            self.next_reg = mark;
            return Ok(());
        };
        self.generator_loop(generator, first, &mut |this| this.comprehension_level(comp, level + 1, None, acc))
    }

    fn fstring(&mut self, pieces: &'a [FStringPiece], dst: Option<u32>) -> Result<u32, CompileError> {
        let mut regs = Vec::with_capacity(pieces.len());
        for piece in pieces {
            match piece {
                FStringPiece::Literal(text) => {
                    let t = self.temp();
                    let k = self.m.constant(Const::Str(text.clone()));
                    self.emit(op::LOAD_CONST, &[t, k]);
                    regs.push(t);
                }
                FStringPiece::Field { expr, conversion: None, spec: None } => {
                    // CONCAT applies str() itself: no intermediate string.
                    let v = self.expr(expr, None)?;
                    regs.push(v);
                }
                FStringPiece::Field { expr, conversion, spec } => {
                    let v = self.expr(expr, None)?;
                    let s = match spec {
                        Some(spec) => self.fstring(spec, None)?,
                        None => NO_REG,
                    };
                    let conv = match conversion {
                        None => 0,
                        Some(typhon_typeck::ir::Conversion::Str) => 1,
                        Some(typhon_typeck::ir::Conversion::Repr) => 2,
                        Some(_) => 3,
                    };
                    let t = self.temp();
                    self.emit(op::FORMAT, &[t, v, conv, s]);
                    regs.push(t);
                }
            }
        }
        let d = self.dst(dst);
        self.emit_tails(op::CONCAT, &[d], &[&regs]);
        Ok(d)
    }
}

/// The keywords of a `min`/`max` call compiled as a loop.
struct MinMaxKeywords<'a> {
    key: Option<&'a Expr>,
    default: Option<&'a Expr>,
}

/// Registers of a `min`/`max` loop: the key function (if any), the best element, its key,
/// and whether no element was seen yet.
struct MinMaxState {
    is_max: bool,
    key: Option<u32>,
    best: u32,
    best_key: u32,
    empty: u32,
}

/// The keywords of `min`/`max` when the call can be a loop: `key` must be a function
/// (not `None`, which the built-in handles), and nothing else than `key` and `default`.
fn min_max_keywords(keywords: &[(typhon_typeck::ir::BuiltinKeyword, Expr)]) -> Option<MinMaxKeywords<'_>> {
    use typhon_typeck::ir::BuiltinKeyword as K;
    let mut found = MinMaxKeywords { key: None, default: None };
    for (keyword, value) in keywords {
        match keyword {
            K::Key
                if matches!(value.ty, Type::Callable(_) | Type::BuiltinFunction(_) | Type::BoundBuiltinMethod(_)) =>
            {
                found.key = Some(value);
            }
            K::Default => found.default = Some(value),
            _ => return None,
        }
    }
    Some(found)
}

fn keyword_name(keyword: typhon_typeck::ir::BuiltinKeyword) -> &'static str {
    use typhon_typeck::ir::BuiltinKeyword as K;
    match keyword {
        K::Sep => "sep",
        K::End => "end",
        K::Key => "key",
        K::Reverse => "reverse",
        K::Start => "start",
        K::Base => "base",
        K::Ndigits => "ndigits",
        K::Default => "default",
        K::Maxsplit => "maxsplit",
    }
}
