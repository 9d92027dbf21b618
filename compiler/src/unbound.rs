//! Definite assignment: which reads of a local may happen before the local is assigned.
//!
//! Python raises `UnboundLocalError` for such a read; checking every read would cost a
//! dispatch each, so this pass finds the reads it cannot prove safe (a local assigned on
//! only some paths, or only inside a loop or a `try`), and only those get a
//! `check_bound`. Parameters are assigned on entry. The analysis is the usual forward
//! "assigned on every path" over the structured IR: branches meet by intersection, a
//! path that cannot continue (`return`, `raise`, `break`, `continue`) assigns everything,
//! and loops need no fixpoint because a back edge only ever adds assignments.

use std::collections::HashSet;

use typhon_typeck::ir::{
    Arg, Block, Callee, Comprehension, Expr, ExprKind, FStringPiece, Function, NameRef, Stmt, StmtKind, Target,
};

/// The result for one function.
#[derive(Default)]
pub(crate) struct Unbound {
    /// Name reads (`ExprKind::Name` nodes, by address) that need a run-time check.
    pub(crate) reads: HashSet<usize>,
    /// Augmented-assignment targets (`Target::Name` nodes, by address) that need one.
    pub(crate) targets: HashSet<usize>,
    /// Locals that must start out unbound (they have a checked read).
    pub(crate) locals: HashSet<u32>,
}

impl Unbound {
    pub(crate) fn read_needs_check(&self, expr: &Expr) -> bool {
        self.reads.contains(&(expr as *const Expr as usize))
    }

    pub(crate) fn target_needs_check(&self, target: &Target) -> bool {
        self.targets.contains(&(target as *const Target as usize))
    }
}

/// Locals definitely assigned at a point; all `true` where control cannot reach.
#[derive(Clone)]
struct State(Vec<bool>);

impl State {
    fn dead(n: usize) -> State {
        State(vec![true; n])
    }

    fn meet(&mut self, other: &State) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= *b;
        }
    }

    fn set(&mut self, id: u32) {
        if let Some(slot) = self.0.get_mut(id as usize) {
            *slot = true;
        }
    }

    fn has(&self, id: u32) -> bool {
        self.0.get(id as usize).copied().unwrap_or(true)
    }
}

pub(crate) fn analyse(func: &Function) -> Unbound {
    let n = func.locals.len();
    let mut state = State(vec![false; n]);
    let mut deleted = HashSet::new();
    handler_names(&func.body, &mut deleted);
    for idx in 0..func.params.len() {
        if !deleted.contains(&(idx as u32)) {
            state.set(idx as u32);
        }
    }
    let mut walker = Walker { n, out: Unbound::default(), breaks: Vec::new(), deleted };
    walker.block(&func.body, &mut state);
    walker.out
}

/// The locals an `except ... as name` deletes when its handler ends: no read of one is
/// ever proved safe (they are never counted as assigned).
fn handler_names(block: &Block, out: &mut HashSet<u32>) {
    for stmt in block {
        match &stmt.kind {
            StmtKind::If { branches, orelse } => {
                for (_, body) in branches {
                    handler_names(body, out);
                }
                handler_names(orelse, out);
            }
            StmtKind::While { body, orelse, .. } | StmtKind::For { body, orelse, .. } => {
                handler_names(body, out);
                handler_names(orelse, out);
            }
            StmtKind::Try(t) => {
                handler_names(&t.body, out);
                for handler in &t.handlers {
                    if let Some(Target::Name { name: NameRef::Local(id), .. }) = &handler.deletes {
                        out.insert(id.0);
                    }
                    handler_names(&handler.body, out);
                }
                handler_names(&t.orelse, out);
                handler_names(&t.finalbody, out);
            }
            _ => {}
        }
    }
}

struct Walker {
    n: usize,
    out: Unbound,
    /// For each enclosing loop: what is assigned on every `break` seen so far.
    breaks: Vec<State>,
    /// Locals an `except ... as` deletes (see [`handler_names`]).
    deleted: HashSet<u32>,
}

impl Walker {
    fn block(&mut self, block: &Block, state: &mut State) {
        for stmt in block {
            self.stmt(stmt, state);
        }
    }

    fn stmt(&mut self, stmt: &Stmt, state: &mut State) {
        match &stmt.kind {
            StmtKind::Expr(e) => self.expr(e, state),
            StmtKind::Assign { targets, value } => {
                self.expr(value, state);
                for target in targets {
                    self.store(target, state);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                if let Target::Name { name: NameRef::Local(id), .. } = target
                    && !state.has(id.0)
                {
                    self.out.targets.insert(target as *const Target as usize);
                    self.out.locals.insert(id.0);
                }
                self.target_reads(target, state);
                self.expr(value, state);
                self.store(target, state);
            }
            StmtKind::If { branches, orelse } => {
                let mut merged = State::dead(self.n);
                let mut current = state.clone();
                for (test, body) in branches {
                    self.expr(test, &current);
                    let mut inner = current.clone();
                    self.block(body, &mut inner);
                    merged.meet(&inner);
                }
                self.block(orelse, &mut current);
                merged.meet(&current);
                *state = merged;
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test, state);
                self.breaks.push(State::dead(self.n));
                let mut inner = state.clone();
                self.block(body, &mut inner);
                let breaks = self.breaks.pop().unwrap_or_else(|| State::dead(self.n));
                let mut exit = if matches!(test.kind, ExprKind::Bool(true)) {
                    // `while True` leaves only through `break` (the else never runs).
                    State::dead(self.n)
                } else {
                    let mut done = state.clone();
                    self.block(orelse, &mut done);
                    done
                };
                exit.meet(&breaks);
                *state = exit;
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(iter, state);
                self.breaks.push(State::dead(self.n));
                let mut inner = state.clone();
                self.store(target, &mut inner);
                self.block(body, &mut inner);
                let breaks = self.breaks.pop().unwrap_or_else(|| State::dead(self.n));
                let mut exit = state.clone();
                self.block(orelse, &mut exit);
                exit.meet(&breaks);
                *state = exit;
            }
            StmtKind::Break => {
                if let Some(top) = self.breaks.last_mut() {
                    top.meet(state);
                }
                *state = State::dead(self.n);
            }
            StmtKind::Continue => *state = State::dead(self.n),
            StmtKind::Return(value) => {
                if let Some(value) = value {
                    self.expr(value, state);
                }
                *state = State::dead(self.n);
            }
            StmtKind::DefFunction { defaults, target, .. } => {
                for d in defaults {
                    self.expr(d, state);
                }
                if let Some(target) = target {
                    self.store(target, state);
                }
            }
            StmtKind::DefClass(_) | StmtKind::Import { .. } | StmtKind::Pass => {}
            StmtKind::Delete(targets) => {
                for target in targets {
                    self.target_reads(target, state);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test, state);
                if let Some(msg) = msg {
                    self.expr(msg, state);
                }
            }
            StmtKind::Raise { exc, cause } => {
                for e in exc.iter().chain(cause.iter()) {
                    self.expr(e, state);
                }
                *state = State::dead(self.n);
            }
            StmtKind::Try(t) => {
                // An exception may leave the body anywhere, even before its first
                // assignment: handlers and `finally` start from the state before the body.
                let before = state.clone();
                let mut body = state.clone();
                self.block(&t.body, &mut body);
                self.block(&t.orelse, &mut body);
                let mut merged = body;
                for handler in &t.handlers {
                    let mut inner = before.clone();
                    if let Some(bind) = &handler.bind {
                        self.store(bind, &mut inner);
                    }
                    self.block(&handler.body, &mut inner);
                    merged.meet(&inner);
                }
                if !t.finalbody.is_empty() {
                    // Reads inside `finally` are judged from `before` (a path through an
                    // exception); what it assigns holds after the statement.
                    let mut probe = before;
                    self.block(&t.finalbody, &mut probe);
                    self.block(&t.finalbody, &mut merged);
                }
                *state = merged;
            }
        }
    }

    /// Reads done by a target before its store (object and index expressions).
    fn target_reads(&mut self, target: &Target, state: &State) {
        match target {
            Target::Name { .. } | Target::ClassAttr { .. } => {}
            Target::Field { obj, .. } => self.expr(obj, state),
            Target::Index { obj, index, .. } => {
                self.expr(obj, state);
                self.expr(index, state);
            }
            Target::Unpack { targets, .. } => {
                for t in targets {
                    self.target_reads(t, state);
                }
            }
        }
    }

    fn store(&mut self, target: &Target, state: &mut State) {
        match target {
            Target::Name { name: NameRef::Local(id), .. } if !self.deleted.contains(&id.0) => state.set(id.0),
            Target::Unpack { targets, .. } => {
                for t in targets {
                    self.store(t, state);
                }
            }
            other => self.target_reads(other, state),
        }
    }

    fn exprs<'e>(&mut self, exprs: impl IntoIterator<Item = &'e Expr>, state: &State) {
        for e in exprs {
            self.expr(e, state);
        }
    }

    fn expr(&mut self, expr: &Expr, state: &State) {
        match &expr.kind {
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::ClassConstant { .. } => {}
            ExprKind::Name(NameRef::Local(id)) => {
                if !state.has(id.0) {
                    self.out.reads.insert(expr as *const Expr as usize);
                    self.out.locals.insert(id.0);
                }
            }
            ExprKind::Name(_) => {}
            ExprKind::Field { obj, .. } | ExprKind::ClassConstantOf { obj, .. } => self.expr(obj, state),
            ExprKind::BuiltinMethodRef { obj, .. } => self.expr(obj, state),
            ExprKind::Method { obj, .. } => {
                if let Some(obj) = obj {
                    self.expr(obj, state);
                }
            }
            ExprKind::Call(call) => {
                match &call.callee {
                    Callee::Method { recv, .. }
                    | Callee::ClassMethod { recv, .. }
                    | Callee::BuiltinMethod { recv, .. } => self.expr(recv, state),
                    Callee::Super { self_value, .. } => self.expr(self_value, state),
                    Callee::ConstructorOf { class_value, .. } => self.expr(class_value, state),
                    Callee::Builtin { keywords, .. } => self.exprs(keywords.iter().map(|(_, e)| e), state),
                    Callee::StrFormat { recv, keywords } => {
                        self.expr(recv, state);
                        self.exprs(keywords.iter().map(|(_, e)| e), state);
                    }
                    Callee::Indirect(callee) => self.expr(callee, state),
                    _ => {}
                }
                for arg in &call.args {
                    if let Arg::Value(e) = arg {
                        self.expr(e, state);
                    }
                }
            }
            ExprKind::Index { obj, index, .. } => {
                self.expr(obj, state);
                self.expr(index, state);
            }
            ExprKind::Slice { obj, lower, upper, step } => {
                self.expr(obj, state);
                for e in [lower, upper, step].into_iter().flatten() {
                    self.expr(e, state);
                }
            }
            ExprKind::Unary { operand, .. } => self.expr(operand, state),
            ExprKind::Binary { left, right, .. } => {
                self.expr(left, state);
                self.expr(right, state);
            }
            ExprKind::And(items) | ExprKind::Or(items) => self.exprs(items, state),
            ExprKind::Compare { left, comparisons } => {
                self.expr(left, state);
                self.exprs(comparisons.iter().map(|c| &c.right), state);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test, state);
                self.expr(body, state);
                self.expr(orelse, state);
            }
            ExprKind::Lambda { defaults, .. } => self.exprs(defaults, state),
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => self.exprs(items, state),
            ExprKind::Dict(pairs) => {
                for (k, v) in pairs {
                    self.expr(k, state);
                    self.expr(v, state);
                }
            }
            ExprKind::Comprehension(comp) => self.comprehension(comp, state),
            ExprKind::FString(pieces) => self.fstring(pieces, state),
        }
    }

    fn comprehension(&mut self, comp: &Comprehension, state: &State) {
        let mut inner = state.clone();
        for (idx, generator) in comp.generators.iter().enumerate() {
            // The first iterable is evaluated in the enclosing scope, the others after the
            // earlier targets were bound.
            self.expr(&generator.iter, if idx == 0 { state } else { &inner });
            let mut next = inner.clone();
            self.store(&generator.target, &mut next);
            inner = next;
            self.exprs(&generator.ifs, &inner);
        }
        self.expr(&comp.elt, &inner);
        if let Some(value) = &comp.value {
            self.expr(value, &inner);
        }
    }

    fn fstring(&mut self, pieces: &[FStringPiece], state: &State) {
        for piece in pieces {
            if let FStringPiece::Field { expr, spec, .. } = piece {
                self.expr(expr, state);
                if let Some(spec) = spec {
                    self.fstring(spec, state);
                }
            }
        }
    }
}
