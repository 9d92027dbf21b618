//! Compiling one function: registers, labels, statements, loops and exception regions.
//!
//! Locals live in registers `0..n_locals` (parameter `i` in register `i`); temporaries are
//! allocated above them with a stack discipline and released at the end of each
//! statement, so the register count stays small without a separate allocator pass.

use typhon_typeck::MethodKind;
use typhon_typeck::ir::{
    BinOp as IrBinOp, Block, Expr, ExprKind, Function, FunctionKind as IrKind, IterKind, NameRef, OpKind, Stmt,
    StmtKind, Target, TryStmt,
};
use typhon_vm::bytecode::{self, FunctionKind, Handler, ImportKind, LineEntry, PosEntry, op};

use crate::{CompileError, ModuleCtx};

pub(crate) type Label = usize;

struct Region {
    label: Label,
    exc_reg: u32,
    start: u32,
    depth: usize,
}

/// The source range of instructions being emitted: a node's span, and the anchors a
/// traceback marks in it (see [`PosEntry`]); all zero when unknown.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(crate) struct Pos {
    start: u32,
    end: u32,
    anchor_start: u32,
    anchor_end: u32,
}

impl Pos {
    pub(crate) fn of(span: typhon_diagnostics::Span) -> Pos {
        Pos { start: span.start, end: span.end, anchor_start: 0, anchor_end: 0 }
    }

    pub(crate) fn with_anchors(self, anchors: Option<(u32, u32)>) -> Pos {
        match anchors {
            Some((anchor_start, anchor_end)) => Pos { anchor_start, anchor_end, ..self },
            None => self,
        }
    }

    fn fields(self) -> (u32, u32, u32, u32) {
        (self.start, self.end, self.anchor_start, self.anchor_end)
    }
}

pub(crate) struct LoopCtx {
    pub(crate) break_label: Label,
    pub(crate) continue_label: Label,
    pub(crate) regions: usize,
    pub(crate) finallies: usize,
}

pub(crate) struct FnCtx<'m, 'a> {
    pub(crate) m: &'m mut ModuleCtx<'a>,
    pub(crate) func: &'a Function,
    pub(crate) code: Vec<u32>,
    lines: Vec<LineEntry>,
    last_line: u32,
    /// The source range the instructions emitted now come from (see [`PosEntry`]).
    pub(crate) pos: Pos,
    positions: Vec<PosEntry>,
    /// Where the handling code of each handler label ends (see `Handler::handling_end`).
    handling_ends: Vec<(Label, u32)>,
    labels: Vec<Option<u32>>,
    /// (position of the word to patch, label, packed into word 0)
    fixups: Vec<(usize, Label, bool)>,
    pub(crate) next_reg: u32,
    pub(crate) max_reg: u32,
    regions: Vec<Region>,
    handlers: Vec<(Handler, usize)>,
    pub(crate) loops: Vec<LoopCtx>,
    finallies: Vec<&'a Block>,
    /// Registers holding the exception of each enclosing `except` body (for bare `raise`).
    pub(crate) except_regs: Vec<u32>,
    /// Literals loaded once in the prologue, and their registers.
    pub(crate) hoisted: Vec<(Literal, u32)>,
    /// Literals met inside loops (pass 1 collects them for pass 2).
    pub(crate) wanted: Vec<Literal>,
    pub(crate) loop_depth: usize,
    /// Which reads may find their local unassigned (see `unbound.rs`).
    pub(crate) unbound: crate::unbound::Unbound,
}

/// An immutable literal value that can live in a register for a whole call.
#[derive(Clone, PartialEq)]
pub(crate) enum Literal {
    Int(i64),
    Float(u64),
    Str(String),
    Bool(bool),
    None,
}

pub(crate) fn compile_function<'a>(
    m: &mut ModuleCtx<'a>,
    func: &'a Function,
) -> Result<bytecode::Function, CompileError> {
    // Pass 1 finds the literals used inside loops; pass 2 loads them into registers once,
    // in the prologue, so loop bodies do not reload them on every iteration.
    let wanted = {
        let mut probe = FnCtx::new(m, func, Vec::new());
        probe.body()?;
        probe.wanted
    };
    let mut ctx = FnCtx::new(m, func, wanted);
    ctx.body()?;
    ctx.finish()
}

impl<'m, 'a> FnCtx<'m, 'a> {
    fn new(m: &'m mut ModuleCtx<'a>, func: &'a Function, hoist: Vec<Literal>) -> FnCtx<'m, 'a> {
        let n_locals = func.locals.len() as u32;
        let n_hoisted = hoist.len() as u32;
        FnCtx {
            m,
            func,
            code: Vec::new(),
            lines: Vec::new(),
            last_line: 0,
            pos: Pos::default(),
            positions: Vec::new(),
            handling_ends: Vec::new(),
            labels: Vec::new(),
            fixups: Vec::new(),
            next_reg: n_locals + n_hoisted,
            max_reg: n_locals + n_hoisted,
            regions: Vec::new(),
            handlers: Vec::new(),
            loops: Vec::new(),
            finallies: Vec::new(),
            except_regs: Vec::new(),
            hoisted: hoist.into_iter().enumerate().map(|(idx, lit)| (lit, n_locals + idx as u32)).collect(),
            wanted: Vec::new(),
            loop_depth: 0,
            unbound: crate::unbound::analyse(func),
        }
    }

    fn body(&mut self) -> Result<(), CompileError> {
        let func = self.func;
        self.set_line(func.span.start);
        // Registers keep stale values between calls: a local that may be read unassigned
        // starts as "unbound". So does every captured one, since a nested function may
        // read its cell at any time (its reads are always checked).
        for (idx, local) in func.locals.iter().enumerate().skip(func.params.len()) {
            if local.captured || self.unbound.locals.contains(&(idx as u32)) {
                self.emit(op::LOAD_UNBOUND, &[idx as u32]);
            }
        }
        for (idx, local) in func.locals.iter().enumerate() {
            if local.captured {
                self.emit(op::MAKE_CELL, &[idx as u32]);
            }
        }
        let hoisted = self.hoisted.clone();
        for (lit, reg) in hoisted {
            self.load_literal(&lit, reg);
        }
        self.block(&func.body)?;
        self.emit(op::RETURN_NONE, &[]);
        Ok(())
    }

    fn finish(mut self) -> Result<bytecode::Function, CompileError> {
        let ctx = &mut self;
        let func = ctx.func;
        let first_line = ctx.m.line(func.span.start);
        for (at, label, packed) in std::mem::take(&mut ctx.fixups) {
            let target = ctx.labels.get(label).copied().flatten().unwrap_or(0);
            if packed {
                ctx.code[at] = (ctx.code[at] & 0xFF) | (target << 8);
            } else {
                ctx.code[at] = target;
            }
        }
        let mut handlers = std::mem::take(&mut ctx.handlers);
        handlers.sort_by_key(|h| std::cmp::Reverse(h.1));
        let handlers = handlers
            .into_iter()
            .filter(|(h, _)| h.start < h.end)
            .map(|(mut h, _)| {
                let label = h.target;
                h.target = ctx.labels.get(label as usize).copied().flatten().unwrap_or(0);
                h.handling_end =
                    ctx.handling_ends.iter().find(|(l, _)| *l as u32 == label).map_or(h.target, |(_, pc)| *pc);
                h
            })
            .collect();
        let kind = match func.kind {
            IrKind::ModuleInit => FunctionKind::ModuleInit,
            IrKind::TopLevel => FunctionKind::TopLevel,
            IrKind::Method(MethodKind::Instance) => FunctionKind::Method,
            IrKind::Method(MethodKind::Static) => FunctionKind::StaticMethod,
            IrKind::Method(MethodKind::Class) => FunctionKind::ClassMethod,
            IrKind::Nested | IrKind::Lambda => FunctionKind::Nested,
        };
        Ok(bytecode::Function {
            name: func.name.to_string(),
            qualname: func.qualname.clone(),
            kind,
            params: func
                .params
                .iter()
                .map(|p| bytecode::Param {
                    name: p.name.to_string(),
                    keyword_only: p.keyword_only,
                    has_default: p.has_default,
                })
                .collect(),
            n_regs: ctx.max_reg.max(1),
            n_free: func.free_vars.len() as u32,
            code: std::mem::take(&mut ctx.code),
            lines: std::mem::take(&mut ctx.lines),
            positions: std::mem::take(&mut ctx.positions),
            handlers,
            first_line,
        })
    }
}

impl<'m, 'a> FnCtx<'m, 'a> {
    pub(crate) fn temp(&mut self) -> u32 {
        let reg = self.next_reg;
        self.next_reg += 1;
        self.max_reg = self.max_reg.max(self.next_reg);
        reg
    }

    /// The source range of an assignment or `del` target: a subscript's, with its
    /// anchors, as CPython marks it; the statement's for other targets.
    fn target_pos(&self, target: &Target) -> Pos {
        match target {
            Target::Index { obj, index, span, .. } => Pos::of(*span).with_anchors(crate::expr::subscript_anchors(
                self.m.source.as_bytes(),
                *span,
                obj.span,
                index.span,
            )),
            _ => self.pos,
        }
    }

    /// Records the current source range for an instruction about to be emitted, unless
    /// it cannot raise (its range is then never shown; skipping keeps the table short).
    fn note_pos_of(&mut self, opcode: u8) {
        if !matches!(
            opcode,
            op::NOP
                | op::MOVE
                | op::LOAD_CONST
                | op::LOAD_INT
                | op::LOAD_NONE
                | op::LOAD_BOOL
                | op::LOAD_FUNC
                | op::LOAD_CLASS
                | op::LOAD_BUILTIN
                | op::LOAD_NATIVE
                | op::LOAD_MODULE_NAME
                | op::MAKE_CELL
                | op::MAKE_CLOSURE
                | op::JUMP
                | op::RETURN
                | op::RETURN_NONE
                | op::BUILD_LIST
                | op::BUILD_TUPLE
                | op::LIST_APPEND
        ) {
            self.note_pos();
        }
    }

    /// Records the current source range for the instruction about to be emitted.
    fn note_pos(&mut self) {
        let pc = self.pc();
        let pos = self.pos;
        match self.positions.last_mut() {
            Some(last) if (last.start, last.end, last.anchor_start, last.anchor_end) == pos.fields() => {}
            Some(last) if last.pc == pc => {
                (last.start, last.end, last.anchor_start, last.anchor_end) = pos.fields();
            }
            _ => {
                let (start, end, anchor_start, anchor_end) = pos.fields();
                self.positions.push(PosEntry { pc, start, end, anchor_start, anchor_end });
            }
        }
    }

    /// Compiles with `pos` as the source range of what `work` emits, as CPython gives each
    /// instruction the position of the innermost node that produced it.
    pub(crate) fn at<T>(&mut self, pos: Pos, work: impl FnOnce(&mut Self) -> T) -> T {
        let outer = std::mem::replace(&mut self.pos, pos);
        let result = work(self);
        self.pos = outer;
        result
    }

    pub(crate) fn emit(&mut self, opcode: u8, operands: &[u32]) {
        self.note_pos_of(opcode);
        let first = operands.first().copied().unwrap_or(0);
        self.code.push(u32::from(opcode) | (first << 8));
        self.code.extend_from_slice(operands.get(1..).unwrap_or(&[]));
    }

    /// Emits an instruction whose last fixed operand is a jump target.
    pub(crate) fn emit_jump(&mut self, opcode: u8, operands: &[u32], label: Label) {
        self.note_pos_of(opcode);
        if operands.is_empty() {
            self.fixups.push((self.code.len(), label, true));
            self.code.push(u32::from(opcode));
        } else {
            self.emit(opcode, operands);
            self.fixups.push((self.code.len(), label, false));
            self.code.push(0);
        }
    }

    /// Emits an instruction with tails (each a count followed by its items).
    pub(crate) fn emit_tails(&mut self, opcode: u8, fixed: &[u32], tails: &[&[u32]]) {
        self.note_pos_of(opcode);
        self.emit(opcode, fixed);
        for tail in tails {
            self.code.push(tail.len() as u32);
            self.code.extend_from_slice(tail);
        }
    }

    pub(crate) fn label(&mut self) -> Label {
        self.labels.push(None);
        self.labels.len() - 1
    }

    pub(crate) fn bind(&mut self, label: Label) {
        if let Some(slot) = self.labels.get_mut(label) {
            *slot = Some(self.code.len() as u32);
        }
    }

    pub(crate) fn pc(&self) -> u32 {
        self.code.len() as u32
    }

    pub(crate) fn set_line(&mut self, offset: u32) {
        let line = self.m.line(offset);
        if line != self.last_line {
            self.last_line = line;
            let pc = self.pc();
            if let Some(last) = self.lines.last_mut()
                && last.pc == pc
            {
                last.line = line;
                return;
            }
            self.lines.push(LineEntry { pc, line });
        }
    }

    pub(crate) fn block(&mut self, block: &'a Block) -> Result<(), CompileError> {
        for stmt in block {
            let mark = self.next_reg;
            self.stmt(stmt)?;
            self.next_reg = mark;
        }
        Ok(())
    }

    fn open_region(&mut self, label: Label, exc_reg: u32) {
        let depth = self.regions.len();
        let start = self.pc();
        self.regions.push(Region { label, exc_reg, start, depth });
    }

    fn close_region(&mut self) {
        if let Some(region) = self.regions.pop() {
            self.push_handler(&region);
        }
    }

    fn push_handler(&mut self, region: &Region) {
        let end = self.pc();
        self.handlers.push((
            Handler { start: region.start, end, target: region.label as u32, exc_reg: region.exc_reg, handling_end: 0 },
            region.depth,
        ));
    }

    /// Runs the `finally` bodies being left by a jump out of them (innermost first),
    /// outside the regions they protect.
    pub(crate) fn leave_scopes(&mut self, regions: usize, finallies: usize) -> Result<(), CompileError> {
        if self.regions.len() <= regions && self.finallies.len() <= finallies {
            return Ok(());
        }
        let pc = self.pc();
        for idx in regions..self.regions.len() {
            let region = Region {
                label: self.regions[idx].label,
                exc_reg: self.regions[idx].exc_reg,
                start: self.regions[idx].start,
                depth: self.regions[idx].depth,
            };
            if region.start < pc {
                self.push_handler(&region);
            }
        }
        let saved_regions: Vec<Region> = self.regions.drain(regions..).collect();
        let saved_finallies: Vec<&'a Block> = self.finallies.drain(finallies..).collect();
        for body in saved_finallies.iter().rev() {
            let mark = self.next_reg;
            self.block(body)?;
            self.next_reg = mark;
        }
        // Code after the jump is still inside the regions: reopen them.
        let resume = self.pc();
        for mut region in saved_regions {
            region.start = resume;
            self.regions.push(region);
        }
        self.finallies.extend(saved_finallies);
        Ok(())
    }

    /// After the jump instruction itself: regions restart after it.
    fn restart_regions(&mut self, from: usize) {
        let pc = self.pc();
        for region in self.regions.iter_mut().skip(from) {
            region.start = pc;
        }
    }

    fn stmt(&mut self, stmt: &'a Stmt) -> Result<(), CompileError> {
        let pos = Pos::of(stmt.span);
        self.at(pos, |this| this.stmt_here(stmt))
    }

    fn stmt_here(&mut self, stmt: &'a Stmt) -> Result<(), CompileError> {
        self.set_line(stmt.span.start);
        match &stmt.kind {
            StmtKind::Expr(expr) => {
                self.expr(expr, None)?;
            }
            StmtKind::Assign { targets, value } => self.assign(targets, value)?,
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, op, value)?,
            StmtKind::If { branches, orelse } => {
                let end = self.label();
                for (idx, (test, body)) in branches.iter().enumerate() {
                    let next = self.label();
                    self.set_line(test.span.start);
                    self.jump_if_false(test, next)?;
                    self.block(body)?;
                    // The last branch without an `else` falls through to the end.
                    if idx + 1 < branches.len() || !orelse.is_empty() {
                        self.emit_jump(op::JUMP, &[], end);
                    }
                    self.bind(next);
                }
                self.block(orelse)?;
                self.bind(end);
            }
            StmtKind::While { test, body, orelse } => {
                // Rotated: the test is repeated at the bottom, so an iteration costs one
                // conditional jump.
                let top = self.label();
                let check = self.label();
                let exit = self.label();
                let brk = self.label();
                self.set_line(test.span.start);
                self.jump_if_false(test, exit)?;
                self.bind(top);
                self.loops.push(LoopCtx {
                    break_label: brk,
                    continue_label: check,
                    regions: self.regions.len(),
                    finallies: self.finallies.len(),
                });
                self.loop_depth += 1;
                self.block(body)?;
                self.loop_depth -= 1;
                self.loops.pop();
                self.bind(check);
                self.set_line(test.span.start);
                let mark = self.next_reg;
                self.jump_if_true(test, top)?;
                self.next_reg = mark;
                self.bind(exit);
                self.block(orelse)?;
                self.bind(brk);
            }
            StmtKind::For { target, iter, kind, body, orelse } => {
                let brk = self.label();
                self.for_loop(target, iter, *kind, brk, &mut |this, cont| {
                    this.loops.push(LoopCtx {
                        break_label: brk,
                        continue_label: cont,
                        regions: this.regions.len(),
                        finallies: this.finallies.len(),
                    });
                    let result = this.block(body);
                    this.loops.pop();
                    result
                })?;
                self.block(orelse)?;
                self.bind(brk);
            }
            StmtKind::Break | StmtKind::Continue => {
                let Some(ctx) = self.loops.last() else {
                    return Err(CompileError::Unsupported("break outside loop".into()));
                };
                let (target, regions, finallies) = (
                    if matches!(stmt.kind, StmtKind::Break) { ctx.break_label } else { ctx.continue_label },
                    ctx.regions,
                    ctx.finallies,
                );
                self.leave_scopes(regions, finallies)?;
                self.emit_jump(op::JUMP, &[], target);
                self.restart_regions(regions);
            }
            StmtKind::Return(value) => {
                let has_finally = !self.finallies.is_empty();
                match value {
                    Some(value) => {
                        let reg = if has_finally {
                            let t = self.temp();
                            self.expr(value, Some(t))?
                        } else {
                            self.expr(value, None)?
                        };
                        self.leave_scopes(0, 0)?;
                        self.emit(op::RETURN, &[reg]);
                    }
                    None => {
                        self.leave_scopes(0, 0)?;
                        self.emit(op::RETURN_NONE, &[]);
                    }
                }
                self.restart_regions(0);
            }
            StmtKind::DefFunction { func, defaults, target } => {
                let callee =
                    self.m.ir.function(*func).ok_or_else(|| CompileError::Unsupported("bad function".into()))?;
                let mut regs = Vec::with_capacity(defaults.len());
                for default in defaults {
                    regs.push(self.expr(default, None)?);
                }
                match (callee.kind, target) {
                    (IrKind::TopLevel, _) | (_, None) => {
                        if !regs.is_empty() {
                            self.emit_tails(op::DEF_FUNC, &[func.0], &[&regs]);
                        }
                    }
                    (_, Some(target)) => {
                        let dst = self.temp();
                        self.make_closure(dst, func.0, &regs)?;
                        self.store(target, dst)?;
                    }
                }
            }
            StmtKind::DefClass(class_id) => self.def_class(class_id.0)?,
            StmtKind::Delete(targets) => {
                for target in targets {
                    match target {
                        Target::Index { obj, index, .. } => {
                            let o = self.expr(obj, None)?;
                            let i = self.expr(index, None)?;
                            self.at(self.target_pos(target), |this| this.emit(op::DEL_INDEX, &[o, i]));
                        }
                        Target::Name { name: NameRef::Local(id), .. } => {
                            self.emit(op::LOAD_NONE, &[id.0]);
                        }
                        _ => {}
                    }
                }
            }
            StmtKind::Assert { test, msg } => {
                let ok = self.label();
                self.jump_if_true(test, ok)?;
                let mut args = Vec::new();
                if let Some(msg) = msg {
                    args.push(self.expr(msg, None)?);
                }
                let class = self.m.class_operand(&typhon_typeck::ClassRef::new("builtins", "AssertionError"))?;
                let t = self.temp();
                // CPython 3.11 gives the failed assertion the position of its test.
                self.at(Pos::of(test.span), |this| {
                    this.emit_tails(op::NEW, &[t, class], &[args.as_slice()]);
                    this.emit(op::RAISE, &[t]);
                });
                self.bind(ok);
            }
            StmtKind::Raise { exc, cause } => match exc {
                Some(exc) => {
                    let reg = self.expr(exc, None)?;
                    if let Some(cause) = cause {
                        let cause = self.expr(cause, None)?;
                        self.emit(op::SET_CAUSE, &[reg, cause]);
                    }
                    self.emit(op::RAISE, &[reg]);
                }
                // Outside a handler of this function: the exception a caller's handler
                // is handling, found at run time.
                None => {
                    let reg = self.except_regs.last().copied().unwrap_or(bytecode::NO_REG);
                    self.emit(op::RERAISE, &[reg]);
                }
            },
            StmtKind::Try(try_stmt) => self.try_stmt(try_stmt)?,
            StmtKind::Import { modules, copies } => {
                for module in modules {
                    let dep = self.m.dep(module);
                    self.emit(op::INIT_MODULE, &[dep]);
                }
                // `from m import VAR`: the value VAR has now, in a global of this module.
                for (global, module, name) in copies {
                    let t = self.temp();
                    let i = self.m.import(module, name, ImportKind::Global);
                    self.emit(op::LOAD_IMPORT, &[t, i]);
                    self.emit(op::STORE_GLOBAL, &[t, global.0]);
                }
            }
            StmtKind::Pass => {}
        }
        Ok(())
    }

    fn try_stmt(&mut self, t: &'a TryStmt) -> Result<(), CompileError> {
        let has_finally = !t.finalbody.is_empty();
        let finally_label = self.label();
        let finally_exc = if has_finally { self.temp() } else { 0 };
        if has_finally {
            self.open_region(finally_label, finally_exc);
            self.finallies.push(&t.finalbody);
        }
        if t.handlers.is_empty() {
            self.block(&t.body)?;
            self.block(&t.orelse)?;
        } else {
            let exc = self.temp();
            let handler_label = self.label();
            let after = self.label();
            self.open_region(handler_label, exc);
            self.block(&t.body)?;
            self.close_region();
            self.block(&t.orelse)?;
            self.emit_jump(op::JUMP, &[], after);
            self.bind(handler_label);
            for handler in &t.handlers {
                let next = self.label();
                let matched = self.label();
                if !handler.classes.is_empty() {
                    let m = self.temp();
                    for class in &handler.classes {
                        let operand = self.m.class_operand(class)?;
                        self.emit(op::EXC_MATCH, &[m, exc, operand]);
                        self.emit_jump(op::JUMP_IF_TRUE, &[m], matched);
                    }
                    self.emit_jump(op::JUMP, &[], next);
                }
                self.bind(matched);
                self.set_line(handler.span.start);
                if let Some(bind) = &handler.bind {
                    self.store(bind, exc)?;
                }
                self.except_regs.push(exc);
                self.block(&handler.body)?;
                self.except_regs.pop();
                if let Some(Target::Name { name: NameRef::Local(id), .. }) = &handler.bind
                    && !self.func.locals[id.0 as usize].captured
                {
                    self.emit(op::LOAD_NONE, &[id.0]);
                }
                // As CPython's `del e` at the end of the handler: a later read of the
                // variable of that name raises `UnboundLocalError` (`NameError` for a global).
                if let Some(deleted) = &handler.deletes {
                    let t = self.temp();
                    self.emit(op::LOAD_UNBOUND, &[t]);
                    self.store(deleted, t)?;
                }
                self.emit_jump(op::JUMP, &[], after);
                self.bind(next);
            }
            self.handling_ends.push((handler_label, self.pc()));
            self.emit(op::RERAISE, &[exc]);
            self.bind(after);
        }
        if has_finally {
            self.finallies.pop();
            self.close_region();
            let end = self.label();
            self.block(&t.finalbody)?;
            self.emit_jump(op::JUMP, &[], end);
            self.bind(finally_label);
            self.except_regs.push(finally_exc);
            self.block(&t.finalbody)?;
            self.except_regs.pop();
            self.handling_ends.push((finally_label, self.pc()));
            self.emit(op::RERAISE, &[finally_exc]);
            self.bind(end);
        }
        Ok(())
    }

    fn def_class(&mut self, class_id: u32) -> Result<(), CompileError> {
        let ir = self.m.ir;
        let Some(class) = ir.classes.get(class_id as usize) else {
            return Err(CompileError::Unsupported("bad class".into()));
        };
        self.emit(op::DEF_CLASS, &[class_id]);
        for (slot, field) in class.fields.iter().enumerate() {
            // Inherited defaults are copied by `def_class`; a default present on an
            // inherited field is this class's override.
            if let Some(default) = &field.default {
                let reg = self.expr(default, None)?;
                self.emit(op::SET_FIELD_DEFAULT, &[reg, class_id, slot as u32]);
            }
        }
        for (name, value) in &class.constants {
            let reg = self.expr(value, None)?;
            let name = self.m.name(name);
            self.emit(op::SET_CLASS_ATTR, &[reg, class_id, name]);
        }
        for (idx, method) in class.methods.iter().enumerate() {
            if method.defaults.is_empty() {
                continue;
            }
            let mut regs = Vec::with_capacity(method.defaults.len());
            for default in &method.defaults {
                regs.push(self.expr(default, None)?);
            }
            self.emit_tails(op::SET_METHOD_DEFAULTS, &[class_id, idx as u32], &[&regs]);
        }
        Ok(())
    }

    fn assign(&mut self, targets: &'a [Target], value: &'a Expr) -> Result<(), CompileError> {
        // `a, b = b, a`: evaluate the elements, then store, without building a tuple.
        if let [Target::Unpack { targets: names, .. }] = targets
            && let ExprKind::Tuple(items) = &value.kind
            && names.len() == items.len()
        {
            let mut regs = Vec::with_capacity(items.len());
            for item in items {
                let t = self.temp();
                regs.push(self.expr(item, Some(t))?);
            }
            for (target, reg) in names.iter().zip(regs) {
                self.store(target, reg)?;
            }
            return Ok(());
        }
        if let [target] = targets
            && let Some(reg) = self.plain_local(target)
        {
            if writes_once(value) {
                self.expr(value, Some(reg))?;
            } else {
                let t = self.temp();
                self.expr(value, Some(t))?;
                self.emit(op::MOVE, &[reg, t]);
            }
            return Ok(());
        }
        let reg = self.expr(value, None)?;
        for target in targets {
            self.store(target, reg)?;
        }
        Ok(())
    }

    /// The register of a target that is a local not captured by a closure.
    pub(crate) fn plain_local(&self, target: &Target) -> Option<u32> {
        match target {
            Target::Name { name: NameRef::Local(id), .. } if !self.func.locals.get(id.0 as usize)?.captured => {
                Some(id.0)
            }
            _ => None,
        }
    }

    fn aug_assign(
        &mut self,
        target: &'a Target,
        op_: &'a typhon_typeck::ir::BinaryOp,
        value: &'a Expr,
    ) -> Result<(), CompileError> {
        // On a list or a set, `+=`, `*=`, `|=`, `&=`, `-=` and `^=` change the object in
        // place (aliases see the change), and the object is stored back into the target,
        // as CPython's `__iadd__` and friends return it.
        if op_.op == IrBinOp::Add && op_.kind == OpKind::ListConcat {
            let (current, store) = self.target_value(target)?;
            let v = self.expr(value, None)?;
            let id = bytecode::bmethod_id("list", "extend").unwrap_or(0);
            let t = self.temp();
            self.emit_tails(op::CALL_BMETHOD, &[t, id], &[&[current, v]]);
            return store(self, current);
        }
        let in_place = match op_.kind {
            OpKind::ListRepeat { left_is_seq: true } => Some("list"),
            OpKind::Set => Some("set"),
            _ => None,
        };
        if let Some(kind) = in_place {
            let (current, store) = self.target_value(target)?;
            let v = self.expr(value, None)?;
            if kind == "set" && op_.op == IrBinOp::BitOr {
                // `s |= t` adds `t`'s items one by one, as `set.update` does.
                self.add_each(current, v)?;
            } else {
                // The new value is computed first (the operation may raise), then it
                // replaces the old content of the same object.
                let result = self.temp();
                self.binop(op_, result, current, v, Some(value))?;
                let clear = bytecode::bmethod_id(kind, "clear").unwrap_or(0);
                let t = self.temp();
                self.emit_tails(op::CALL_BMETHOD, &[t, clear], &[&[current]]);
                if kind == "list" {
                    let extend = bytecode::bmethod_id("list", "extend").unwrap_or(0);
                    self.emit_tails(op::CALL_BMETHOD, &[t, extend], &[&[current, result]]);
                } else {
                    self.add_each(current, result)?;
                }
            }
            return store(self, current);
        }
        let imm = matches!(op_.kind, OpKind::Int)
            && matches!(op_.op, IrBinOp::Add | IrBinOp::Sub)
            && crate::expr::small_int(value).is_some();
        if let Some(reg) = self.plain_local(target) {
            self.check_target(target, reg);
            let v = if imm { bytecode::NO_REG } else { self.expr(value, None)? };
            self.binop(op_, reg, reg, v, Some(value))?;
            return Ok(());
        }
        let (current, store) = self.target_value(target)?;
        let v = if imm { bytecode::NO_REG } else { self.expr(value, None)? };
        let result = self.temp();
        self.binop(op_, result, current, v, Some(value))?;
        store(self, result)
    }

    /// `set.add(set_reg, x)` for every `x` of the iterable in `items`.
    fn add_each(&mut self, set_reg: u32, items: u32) -> Result<(), CompileError> {
        let add = bytecode::bmethod_id("set", "add").ok_or_else(|| CompileError::Unsupported("set.add".into()))?;
        let (it, item, t) = (self.temp(), self.temp(), self.temp());
        let (body, check) = (self.label(), self.label());
        self.emit(op::GET_ITER, &[it, items]);
        self.emit_jump(op::JUMP, &[], check);
        self.bind(body);
        self.emit_tails(op::CALL_BMETHOD, &[t, add], &[&[set_reg, item]]);
        self.bind(check);
        self.emit_jump(op::FOR_ITER, &[it, item], body);
        Ok(())
    }

    /// The unbound check of an augmented assignment's local target, where one is needed.
    fn check_target(&mut self, target: &Target, reg: u32) {
        if let Target::Name { name: NameRef::Local(id), .. } = target
            && self.unbound.target_needs_check(target)
        {
            self.check_local(id.0, reg);
        }
    }

    /// `check_bound` of local `id`, whose value is in `reg`.
    pub(crate) fn check_local(&mut self, id: u32, reg: u32) {
        let name = self.func.locals.get(id as usize).map(|l| l.name.to_string()).unwrap_or_default();
        let n = self.m.name(&name);
        self.emit(op::CHECK_BOUND, &[reg, n, 0]);
    }

    /// Loads a target's current value, and returns how to store a new one (the target's
    /// object and index are evaluated once).
    #[allow(clippy::type_complexity)]
    fn target_value(
        &mut self,
        target: &'a Target,
    ) -> Result<(u32, Box<dyn FnOnce(&mut Self, u32) -> Result<(), CompileError> + 'a>), CompileError> {
        let t = self.temp();
        match target {
            Target::Name { name, .. } => {
                let reg = self.name(name, Some(t))?;
                self.check_target(target, reg);
                Ok((reg, Box::new(move |this: &mut Self, src: u32| this.store(target, src))))
            }
            Target::Field { obj, slot, .. } => {
                let o = self.expr(obj, None)?;
                self.emit(op::GET_FIELD, &[t, o, *slot]);
                let slot = *slot;
                Ok((
                    t,
                    Box::new(move |this: &mut Self, src: u32| {
                        this.emit(op::SET_FIELD, &[o, slot, src]);
                        Ok(())
                    }),
                ))
            }
            Target::Index { obj, index, kind, .. } => {
                let o = self.expr(obj, None)?;
                let i = self.expr(index, None)?;
                // The load and the store are the subscript's, as in CPython.
                let pos = self.target_pos(target);
                if let typhon_typeck::ir::IndexKind::Dunder { .. } = kind {
                    let name = self.m.name("__getitem__");
                    self.at(pos, |this| this.emit_tails(op::CALL_METHOD, &[t, name], &[&[o, i]]));
                    return Ok((
                        t,
                        Box::new(move |this: &mut Self, src: u32| {
                            let name = this.m.name("__setitem__");
                            let r = this.temp();
                            this.at(pos, |this| this.emit_tails(op::CALL_METHOD, &[r, name], &[&[o, i, src]]));
                            Ok(())
                        }),
                    ));
                }
                let opcode = if *kind == typhon_typeck::ir::IndexKind::List { op::INDEX_LIST } else { op::INDEX };
                self.at(pos, |this| this.emit(opcode, &[t, o, i]));
                Ok((
                    t,
                    Box::new(move |this: &mut Self, src: u32| {
                        this.at(pos, |this| this.emit(op::STORE_INDEX, &[o, i, src]));
                        Ok(())
                    }),
                ))
            }
            Target::ClassAttr { class, name, .. } => {
                let c = self.m.class_operand(class)?;
                let n = self.m.name(name);
                self.emit(op::GET_CLASS_ATTR, &[t, c, n]);
                Ok((
                    t,
                    Box::new(move |this: &mut Self, src: u32| {
                        this.emit(op::SET_CLASS_ATTR, &[src, c, n]);
                        Ok(())
                    }),
                ))
            }
            Target::Unpack { .. } => Err(CompileError::Unsupported("augmented assignment to a tuple".into())),
        }
    }

    /// Stores register `src` into a target.
    pub(crate) fn store(&mut self, target: &'a Target, src: u32) -> Result<(), CompileError> {
        match target {
            Target::Name { name, .. } => match name {
                NameRef::Local(id) => {
                    if self.func.locals.get(id.0 as usize).is_some_and(|l| l.captured) {
                        self.emit(op::STORE_CELL, &[id.0, src]);
                    } else if id.0 != src {
                        self.emit(op::MOVE, &[id.0, src]);
                    }
                }
                NameRef::Free(id) => self.emit(op::STORE_FREE, &[src, id.0]),
                NameRef::Global(id) => self.emit(op::STORE_GLOBAL, &[src, id.0]),
                NameRef::ModuleGlobal { module, name } if module == &self.m.ir.name => {
                    match self.m.ir.globals.iter().position(|g| g.name == *name) {
                        Some(g) => self.emit(op::STORE_GLOBAL, &[src, g as u32]),
                        None => return Err(CompileError::Unsupported(format!("assignment to {name}"))),
                    }
                }
                other => return Err(CompileError::Unsupported(format!("assignment to {other:?}"))),
            },
            Target::Field { obj, slot, .. } => {
                let o = self.expr(obj, None)?;
                self.emit(op::SET_FIELD, &[o, *slot, src]);
            }
            Target::ClassAttr { class, name, .. } => {
                let c = self.m.class_operand(class)?;
                let n = self.m.name(name);
                self.emit(op::SET_CLASS_ATTR, &[src, c, n]);
            }
            Target::Index { obj, index, kind, .. } => {
                let o = self.expr(obj, None)?;
                let i = self.expr(index, None)?;
                self.at(self.target_pos(target), |this| match kind {
                    typhon_typeck::ir::IndexKind::Dunder { .. } => {
                        let name = this.m.name("__setitem__");
                        let r = this.temp();
                        this.emit_tails(op::CALL_METHOD, &[r, name], &[&[o, i, src]]);
                    }
                    typhon_typeck::ir::IndexKind::List => this.emit(op::STORE_INDEX_LIST, &[o, i, src]),
                    _ => this.emit(op::STORE_INDEX, &[o, i, src]),
                });
            }
            Target::Unpack { targets, .. } => {
                let mut regs = Vec::with_capacity(targets.len());
                let direct: Vec<Option<u32>> = targets.iter().map(|t| self.plain_local(t)).collect();
                let distinct = {
                    let mut seen: Vec<u32> = direct.iter().flatten().copied().collect();
                    seen.sort_unstable();
                    seen.windows(2).all(|w| w[0] != w[1]) && !seen.contains(&src)
                };
                for d in &direct {
                    regs.push(match d {
                        Some(reg) if distinct => *reg,
                        _ => self.temp(),
                    });
                }
                self.emit_tails(op::UNPACK, &[src], &[&regs]);
                for (target, reg) in targets.iter().zip(regs) {
                    self.store(target, reg)?;
                }
            }
        }
        Ok(())
    }

    /// A `for` loop (statement or comprehension): `body` gets the continue label.
    pub(crate) fn for_loop(
        &mut self,
        target: &'a Target,
        iter: &'a Expr,
        kind: IterKind,
        exit: Label,
        body: &mut dyn FnMut(&mut Self, Label) -> Result<(), CompileError>,
    ) -> Result<(), CompileError> {
        let source = self.loop_source(iter, kind)?;
        self.for_loop_from(target, source, exit, body)
    }

    /// Evaluates what a `for` loop iterates over, as `iter()` would when the loop starts:
    /// a generator expression does this for its first iterable when it is created, before
    /// the call's later arguments are evaluated.
    pub(crate) fn loop_source(&mut self, iter: &'a Expr, kind: IterKind) -> Result<LoopSource, CompileError> {
        let range_args = match (&iter.kind, kind) {
            (ExprKind::Call(call), IterKind::Range) => match &call.callee {
                typhon_typeck::ir::Callee::Builtin { builtin: typhon_typeck::Builtin::Range, .. } => Some(&call.args),
                _ => None,
            },
            _ => None,
        };
        if let Some(args) = range_args {
            let values: Vec<&Expr> = args
                .iter()
                .filter_map(|a| match a {
                    typhon_typeck::ir::Arg::Value(e) => Some(e),
                    typhon_typeck::ir::Arg::Default => None,
                })
                .collect();
            let (cur, stop, step) = (self.temp(), self.temp(), self.temp());
            match values.as_slice() {
                [stop_e] => {
                    self.emit(op::LOAD_INT, &[cur, 0]);
                    self.expr(stop_e, Some(stop))?;
                    self.emit(op::LOAD_INT, &[step, 1]);
                }
                [start_e, stop_e] => {
                    self.expr(start_e, Some(cur))?;
                    self.expr(stop_e, Some(stop))?;
                    self.emit(op::LOAD_INT, &[step, 1]);
                }
                [start_e, stop_e, step_e] => {
                    self.expr(start_e, Some(cur))?;
                    self.expr(stop_e, Some(stop))?;
                    self.expr(step_e, Some(step))?;
                    // Validates the bounds (ints within range, step not zero) as `range()` does.
                    let check = self.temp();
                    let id = bytecode::builtin_id("range").unwrap_or(2);
                    self.emit_tails(op::CALL_BUILTIN, &[check, id, 0], &[&[cur, stop, step]]);
                }
                _ => return Err(CompileError::Unsupported("range arity".into())),
            }
            Ok(LoopSource::Range { cur, stop, step })
        } else if matches!(kind, IterKind::List | IterKind::Tuple) {
            let seq = self.temp();
            self.expr(iter, Some(seq))?;
            let idx = self.temp();
            self.emit(op::LOAD_INT, &[idx, 0]);
            Ok(LoopSource::Sequence { seq, idx })
        } else {
            let src = self.expr(iter, None)?;
            let it = self.temp();
            self.emit(op::GET_ITER, &[it, src]);
            Ok(LoopSource::Iterator { it })
        }
    }

    /// The loop over a prepared `source`: `body` gets the continue label.
    pub(crate) fn for_loop_from(
        &mut self,
        target: &'a Target,
        source: LoopSource,
        exit: Label,
        body: &mut dyn FnMut(&mut Self, Label) -> Result<(), CompileError>,
    ) -> Result<(), CompileError> {
        let body_label = self.label();
        let check = self.label();
        let var = match self.plain_local(target) {
            Some(reg) => reg,
            None => self.temp(),
        };
        self.emit_jump(op::JUMP, &[], check);
        self.bind(body_label);
        if self.plain_local(target).is_none() {
            self.store(target, var)?;
        }
        self.loop_depth += 1;
        let result = body(self, check);
        self.loop_depth -= 1;
        result?;
        // The loop test sits at the bottom: one dispatch per iteration, no back jump.
        self.bind(check);
        match source {
            LoopSource::Range { cur, stop, step } => {
                self.emit_jump(op::FOR_RANGE, &[cur, stop, step, var], body_label);
            }
            LoopSource::Sequence { seq, idx } => self.emit_jump(op::FOR_LIST, &[seq, idx, var], body_label),
            LoopSource::Iterator { it } => self.emit_jump(op::FOR_ITER, &[it, var], body_label),
        }
        let _ = exit;
        Ok(())
    }

    pub(crate) fn make_closure(&mut self, dst: u32, func: u32, defaults: &[u32]) -> Result<(), CompileError> {
        let ir = self.m.ir;
        let callee = ir.functions.get(func as usize).ok_or_else(|| CompileError::Unsupported("bad closure".into()))?;
        let captures: Vec<u32> = callee
            .free_vars
            .iter()
            .map(|fv| match fv.from {
                typhon_typeck::ir::Capture::Local(id) => id.0 << 1,
                typhon_typeck::ir::Capture::Free(id) => (id.0 << 1) | 1,
            })
            .collect();
        self.emit_tails(op::MAKE_CLOSURE, &[dst, func], &[defaults, &captures]);
        Ok(())
    }
}

/// Whether compiling `expr` into a register writes that register only once, after reading
/// every operand (so the register may be one of the operands' own locals).
pub(crate) fn writes_once(expr: &Expr) -> bool {
    !matches!(
        expr.kind,
        ExprKind::And(_)
            | ExprKind::Or(_)
            | ExprKind::IfExp { .. }
            | ExprKind::Compare { .. }
            | ExprKind::Comprehension(_)
            | ExprKind::FString(_)
    )
}

/// The registers a `for` loop iterates with, filled before the loop starts.
#[derive(Clone, Copy, Debug)]
pub(crate) enum LoopSource {
    /// `range(...)` unboxed: the next value, the bound and the step.
    Range { cur: u32, stop: u32, step: u32 },
    /// A list or tuple walked by index (a list's later growth is seen, as CPython's
    /// iterator sees it).
    Sequence { seq: u32, idx: u32 },
    /// Any other iterable, through its iterator.
    Iterator { it: u32 },
}
