//! The interpreter: an explicit frame stack over one register stack, reading instructions
//! straight from the archived code words.
//!
//! Guest calls never recurse on the host stack: a call pushes a [`Frame`] and the loop
//! continues in the callee. Only natives that call back into guest code (a `key=`
//! function, a user `__eq__` or `__repr__`) re-enter [`Vm::run_frames`], and that nesting
//! is bounded by [`MAX_NATIVE_DEPTH`].

use std::io::Write;
use std::rc::Rc;

use rkyv::rend::u32_le;

use crate::bytecode::{ArchivedFunction, ArchivedModule, BinOp, CmpOp, NO_REG, op};
use crate::calls::{float_cmp, int_cmp};
use crate::runtime::IntStrLimit;
use crate::value::{Class, FuncObj, Key, Value};

/// How deeply natives may re-enter the interpreter (each level uses host stack).
pub(crate) const MAX_NATIVE_DEPTH: usize = 200;

/// A Python exception in flight (the exception instance), or a request to stop.
pub(crate) enum Exc {
    Raised(Value),
    /// The run's instruction budget ([`crate::RunOptions::fuel`]) is spent: the run stops
    /// for the host, and no guest handler (`except`, `finally`) sees it.
    OutOfFuel,
}

pub(crate) type VmResult<T> = Result<T, Exc>;

/// CPython's message for `EPIPE` (`str()` of its `BrokenPipeError`).
pub(crate) const BROKEN_PIPE_MESSAGE: &str = "[Errno 32] Broken pipe";

/// CPython's exit status when flushing stdout at exit fails (`Py_RunMain`).
pub(crate) const EXIT_FLUSH_FAILED: i32 = 120;

pub(crate) struct FuncInfo<'p> {
    pub code: &'p [u32_le],
    pub n_regs: usize,
    pub n_params: usize,
    pub arch: &'p ArchivedFunction,
}

/// What a symbolic import resolved to.
#[derive(Clone)]
pub(crate) enum Resolved {
    Func(Rc<FuncObj>),
    Class(Rc<Class>),
    Global(usize, usize),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum InitState {
    NotStarted,
    Running,
    Done,
}

pub(crate) struct ModRt<'p> {
    pub arch: &'p ArchivedModule,
    pub name: String,
    pub consts: Vec<Value>,
    pub name_ids: Vec<u32>,
    pub funcs: Vec<FuncInfo<'p>>,
    pub func_objs: Vec<Rc<FuncObj>>,
    pub classes: Vec<Rc<Class>>,
    pub imports: Vec<Resolved>,
    pub deps: Vec<usize>,
    pub globals: Vec<Value>,
    pub state: InitState,
}

pub(crate) struct Frame<'p> {
    pub code: &'p [u32_le],
    pub pc: usize,
    pub base: usize,
    pub module: u32,
    pub func: u32,
    /// The caller's register receiving the result ([`NO_REG`]: dropped).
    pub ret: u32,
    pub closure: Option<Rc<FuncObj>>,
    /// Returning from this frame returns from [`Vm::run_frames`] (a native called it).
    pub boundary: bool,
}

/// Well-known method names, interned first so their ids are constants.
pub(crate) mod names {
    pub(crate) const INIT: u32 = 0;
    pub(crate) const REPR: u32 = 1;
    pub(crate) const STR: u32 = 2;
    pub(crate) const EQ: u32 = 3;
    pub(crate) const LT: u32 = 4;
    pub(crate) const LE: u32 = 5;
    pub(crate) const GT: u32 = 6;
    pub(crate) const GE: u32 = 7;
    pub(crate) const HASH: u32 = 8;
    pub(crate) const LEN: u32 = 9;
    pub(crate) const CONTAINS: u32 = 10;
    pub(crate) const POST_INIT: u32 = 11;
    pub(crate) const GETITEM: u32 = 12;
    pub(crate) const SETITEM: u32 = 13;
    pub(crate) const NE: u32 = 14;
    pub(crate) const WELL_KNOWN: [&str; 15] = [
        "__init__",
        "__repr__",
        "__str__",
        "__eq__",
        "__lt__",
        "__le__",
        "__gt__",
        "__ge__",
        "__hash__",
        "__len__",
        "__contains__",
        "__post_init__",
        "__getitem__",
        "__setitem__",
        "__ne__",
    ];
}

/// How many catches `Vm::caught` remembers (nested handlers deeper than this re-raise
/// with the re-raise's own line, and give no context).
const MAX_CAUGHT: usize = 8;

/// How many exceptions' cause and context `Vm::links` remembers.
const MAX_LINKS: usize = 64;

/// The bookkeeping of chained tracebacks and re-raises.
#[derive(Default)]
pub(crate) struct ChainState {
    /// Where recent handlers caught exceptions (newest last). A re-raise of the same
    /// exception in the same frame reports the original pc, as CPython's traceback keeps
    /// the frame's line; an exception raised while one is handled gets it as context.
    pub caught: std::collections::VecDeque<Caught>,
    /// The cause and context of recent exceptions (newest last), for the chained
    /// tracebacks of an uncaught one.
    pub links: Vec<(Value, ExcLink)>,
    /// The pc the re-raise in progress reports for its frame (see `caught`).
    pub reraise_pc: Option<usize>,
}

impl ChainState {
    /// Records a catch, with `tb` (the traceback so far) and the catching frame's entry.
    /// A handler catching again replaces its own record (a loop of catches keeps one),
    /// else the oldest record goes; the replaced record's buffer is reused, so catching
    /// allocates nothing once warm.
    fn record_catch(&mut self, mut caught: Caught, tb: &[TbEntry]) {
        let key = (caught.depth, caught.func, caught.base, caught.handling);
        let same = |old: &Caught| (old.depth, old.func, old.base, old.handling) == key;
        if let Some(last) = self.caught.back_mut()
            && same(last)
        {
            // The common case, a loop catching in one handler: updated in place.
            last.exc = caught.exc;
            last.pc = caught.pc;
        } else {
            let old = if let Some(idx) = self.caught.iter().position(same) {
                self.caught.remove(idx)
            } else if self.caught.len() >= MAX_CAUGHT {
                self.caught.pop_front()
            } else {
                None
            };
            caught.tb = old.map(|old| old.tb).unwrap_or_default();
            self.caught.push_back(caught);
        }
        let Some(last) = self.caught.back_mut() else { return };
        last.tb.clear();
        last.tb.extend_from_slice(tb);
        last.tb.push(TbEntry { module: last.func.0, func: last.func.1, pc: last.pc as u32 });
    }
}

/// An exception caught by a handler.
pub(crate) struct Caught {
    pub exc: Value,
    /// The frame that caught it: its depth (1 for the bottom frame), its function and
    /// its first register (together they tell a later frame at the same depth apart).
    pub depth: usize,
    pub func: (u32, u32),
    pub base: usize,
    /// The instruction it was raised at, or passed, in that frame.
    pub pc: usize,
    /// The handler's code: `target..handling_end`.
    pub handling: (usize, usize),
    /// Its traceback as it was caught, that frame's entry included (innermost first).
    pub tb: Vec<TbEntry>,
}

/// What an exception is chained to.
#[derive(Clone, Default)]
pub(crate) struct ExcLink {
    /// `raise ... from cause`.
    pub cause: Option<Value>,
    /// The exception being handled when it was raised.
    pub context: Option<Value>,
    /// `raise ... from ...`: the context is not shown.
    pub suppress_context: bool,
}

/// One traceback entry: module, function, and the instruction the frame was at (its
/// line and carets are looked up when the traceback is printed, if ever).
#[derive(Clone, Copy)]
pub(crate) struct TbEntry {
    pub module: u32,
    pub func: u32,
    pub pc: u32,
}

pub(crate) struct Vm<'p> {
    /// Argument buffer reused by built-in function calls.
    pub value_buffer: Vec<Value>,
    /// Argument buffer reused by built-in method calls.
    pub arg_buffer: Vec<Option<Value>>,
    /// Recently built short strings, direct-mapped by content hash: programs build the
    /// same short strings over and over (split pieces, f-strings), and sharing the
    /// immutable value saves two allocations each time.
    pub str_cache: Vec<Value>,
    /// The strings of one ASCII character, shared.
    pub ascii_chars: Vec<Value>,
    /// A reusable buffer for building strings.
    pub scratch: String,
    /// The end of the current frame's registers (`regs` may be longer: it only grows).
    pub top: usize,
    pub mods: Vec<ModRt<'p>>,
    pub regs: Vec<Value>,
    pub frames: Vec<Frame<'p>>,
    /// Built-in exception classes, in [`crate::link::BUILTIN_EXCEPTIONS`] order.
    pub exc_classes: Vec<Rc<Class>>,
    pub name_table: Vec<String>,
    pub out: Vec<u8>,
    pub stdout: &'p mut dyn Write,
    /// Whether a write to `stdout` failed (its output was dropped).
    pub stdout_failed: bool,
    pub recursion_limit: usize,
    pub native_depth: usize,
    pub tb: Vec<TbEntry>,
    /// The exception `tb` belongs to (so a re-raise keeps its traceback).
    pub tb_exc: Option<Value>,
    /// What chained tracebacks need, kept out of line (the interpreter's hot fields
    /// stay together).
    pub chain: Box<ChainState>,
    pub argv: Vec<String>,
    pub int_limit: IntStrLimit,
    pub rng: u64,
    /// How many NaNs `float()` has made: each gets this count as its payload, so that
    /// NaNs made separately are distinct objects for `is` and container lookups, as in
    /// CPython (a float is not boxed here, so its bits are its identity).
    pub nan_serial: u64,
    pub main_module: usize,
    pub start_time: std::time::Instant,
    /// Backward jumps and calls left before the run stops ([`Exc::OutOfFuel`]); it stays
    /// at 0 once spent, so a native that swallows the error cannot resume the loop.
    pub fuel: u64,
}

impl<'p> Vm<'p> {
    /// Writes buffered output through to the host's stdout.
    /// Makes sure registers up to `len` exist (they are kept between calls).
    #[inline(always)]
    pub(crate) fn grow(&mut self, len: usize) {
        if self.regs.len() < len {
            self.grow_slow(len);
        }
    }

    /// Out of line: growing is rare (registers are kept), and keeping the resize out of the
    /// call path keeps the loop's code compact.
    #[cold]
    #[inline(never)]
    fn grow_slow(&mut self, len: usize) {
        self.regs.resize_with(len.max(self.regs.len() * 2), Value::default);
    }

    /// Pops the registers from `base` up: values that own something are dropped now,
    /// immediates are left behind (registers are always written before they are read).
    #[inline(always)]
    pub(crate) fn release(&mut self, base: usize) {
        let top = self.top.min(self.regs.len());
        if base < top {
            for slot in &mut self.regs[base..top] {
                if !matches!(slot, Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_)) {
                    *slot = Value::None;
                }
            }
        }
        self.top = base;
    }

    /// Spends one unit of fuel: called at every backward jump and every guest call, the
    /// only ways a run can go on for long, so a budget bounds the instruction count.
    #[inline(always)]
    pub(crate) fn tick(&mut self) -> VmResult<()> {
        self.fuel = self.fuel.saturating_sub(1);
        if self.fuel == 0 { Err(Exc::OutOfFuel) } else { Ok(()) }
    }

    /// Writes the buffered output through and flushes the host's stdout. Like CPython's
    /// buffered stdout, output that could not be written is dropped, so a later flush
    /// does not fail again on it.
    pub(crate) fn flush(&mut self) -> std::io::Result<()> {
        let written = if self.out.is_empty() { Ok(()) } else { self.stdout.write_all(&self.out) };
        self.out.clear();
        let flushed = written.and_then(|()| self.stdout.flush());
        if flushed.is_err() {
            self.stdout_failed = true;
        }
        flushed
    }

    /// `print`'s output, buffered. When the reader of a pipe went away (`typhon run prog.py
    /// | head -1`), the write that finds out raises `BrokenPipeError` in the program, as
    /// CPython's does, so the run stops instead of computing output nobody reads.
    pub(crate) fn write_out(&mut self, text: &str) -> VmResult<()> {
        self.out.extend_from_slice(text.as_bytes());
        if self.out.len() > 1 << 16 {
            let written = self.stdout.write_all(&self.out);
            self.out.clear();
            if let Err(error) = written {
                self.stdout_failed = true;
                if error.kind() == std::io::ErrorKind::BrokenPipe {
                    return Err(self.runtime_exc("BrokenPipeError", BROKEN_PIPE_MESSAGE.into()));
                }
            }
        }
        Ok(())
    }

    /// The flush at exit, after the program ended: CPython reports a failure as an
    /// exception it ignores and exits with status 120. Output already lost during the run
    /// (whose failure the program saw) is not reported again.
    pub(crate) fn flush_at_exit(&mut self, stderr: &mut dyn Write) -> Option<i32> {
        let had_failed = self.stdout_failed;
        let pending = !self.out.is_empty();
        match self.flush() {
            Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe && (pending || !had_failed) => {
                let _ = stderr.write_all(
                    format!(
                        "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n\
                         BrokenPipeError: {BROKEN_PIPE_MESSAGE}\n"
                    )
                    .as_bytes(),
                );
                let _ = stderr.flush();
                Some(EXIT_FLUSH_FAILED)
            }
            _ => None,
        }
    }

    /// Makes the exception being handled (if any, and if it is another one) the context
    /// of `exc`, which is being raised, unless `exc` is chained already.
    fn link_context(&mut self, exc: &Value) {
        // Most raises happen while nothing is handled: that is checked first.
        let Some(handled) = self.chain.caught.iter().rev().find(|caught| self.is_handling(caught)) else { return };
        if handled.exc.is(exc) || self.chain.links.iter().any(|(linked, _)| linked.is(exc)) {
            return;
        }
        let context = Some(handled.exc.clone());
        self.set_link(exc.clone(), ExcLink { cause: None, context, suppress_context: false });
    }

    /// Whether the frame that caught `caught` still runs its handler's code.
    pub(crate) fn is_handling(&self, caught: &Caught) -> bool {
        let Some(frame) = caught.depth.checked_sub(1).and_then(|idx| self.frames.get(idx)) else { return false };
        if (frame.module, frame.func) != caught.func || frame.base != caught.base {
            return false;
        }
        // The top frame is at the raising instruction, the others just past a call.
        let pc = if caught.depth == self.frames.len() { frame.pc } else { frame.pc.saturating_sub(1) };
        caught.handling.0 <= pc && pc < caught.handling.1
    }

    /// Records what `exc` is chained to (replacing what was recorded).
    pub(crate) fn set_link(&mut self, exc: Value, link: ExcLink) {
        if let Some(existing) = self.chain.links.iter_mut().find(|(linked, _)| linked.is(&exc)) {
            existing.1 = link;
            return;
        }
        if self.chain.links.len() >= MAX_LINKS {
            self.chain.links.remove(0);
        }
        self.chain.links.push((exc, link));
    }

    /// Runs frames until the frame at index `stop_depth` returns; exceptions unwind
    /// through handlers, and past `stop_depth` they are returned.
    pub(crate) fn run_frames(&mut self, stop_depth: usize) -> VmResult<Value> {
        loop {
            match self.run_inner() {
                Ok(value) => return Ok(value),
                Err(Exc::OutOfFuel) => return Err(Exc::OutOfFuel),
                Err(Exc::Raised(exc)) => {
                    let mut faulting = true;
                    loop {
                        if faulting && self.tb.is_empty() {
                            // A new exception: chained to the one being handled, if any.
                            self.link_context(&exc);
                        }
                        let Some(frame) = self.frames.last() else { return Err(Exc::Raised(exc)) };
                        let pos = if faulting { frame.pc } else { frame.pc.saturating_sub(1) };
                        // A re-raise reports the line the exception first passed in this frame.
                        let tb_pos = if faulting { self.chain.reraise_pc.take().unwrap_or(pos) } else { pos };
                        faulting = false;
                        let info = &self.mods[frame.module as usize].funcs[frame.func as usize];
                        let handler = info
                            .arch
                            .handlers
                            .iter()
                            .find(|h| (h.start.to_native() as usize) <= pos && pos < h.end.to_native() as usize);
                        if let Some(handler) = handler {
                            let (target, exc_reg) =
                                (handler.target.to_native() as usize, handler.exc_reg.to_native() as usize);
                            let base = frame.base;
                            let depth = self.frames.len();
                            let handling = (target, handler.handling_end.to_native() as usize);
                            self.chain.record_catch(
                                Caught {
                                    exc: exc.clone(),
                                    depth,
                                    func: (frame.module, frame.func),
                                    base,
                                    pc: tb_pos,
                                    handling,
                                    tb: Vec::new(),
                                },
                                &self.tb,
                            );
                            let frame = self.frames.last_mut();
                            if let Some(frame) = frame {
                                frame.pc = target;
                            }
                            self.regs[base + exc_reg] = exc.clone();
                            break;
                        }
                        self.tb.push(TbEntry { module: frame.module, func: frame.func, pc: tb_pos as u32 });
                        let Some(frame) = self.frames.pop() else { return Err(Exc::Raised(exc)) };
                        self.release(frame.base);
                        if frame.boundary || self.frames.len() <= stop_depth {
                            return Err(Exc::Raised(exc));
                        }
                    }
                }
            }
        }
    }

    /// The register-machine loop proper.
    #[allow(clippy::too_many_lines)]
    fn run_inner(&mut self) -> VmResult<Value> {
        let Some(frame) = self.frames.last() else { return Ok(Value::None) };
        let mut code: &'p [u32_le] = frame.code;
        let mut pc = frame.pc;
        let mut base = frame.base;
        let mut module = frame.module as usize;

        register_accessors!($, self, code, pc, base);
        macro_rules! save_pc {
            ($p:expr) => {
                if let Some(frame) = self.frames.last_mut() {
                    frame.pc = $p;
                }
            };
        }
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(value) => value,
                    Err(err) => {
                        save_pc!(pc);
                        return Err(err);
                    }
                }
            };
        }
        macro_rules! reload {
            () => {
                match self.frames.last() {
                    Some(frame) => {
                        code = frame.code;
                        pc = frame.pc;
                        base = frame.base;
                        module = frame.module as usize;
                    }
                    None => return Ok(Value::None),
                }
            };
        }
        // A jump: one unit of fuel when it goes backward (every loop has such a jump).
        macro_rules! goto {
            ($t:expr) => {{
                let target = $t;
                if target <= pc {
                    tri!(self.tick());
                }
                pc = target;
            }};
        }
        macro_rules! gather {
            ($start:expr, $count:expr) => {{
                let mut args: Vec<Option<Value>> = Vec::with_capacity($count);
                for idx in 0..$count {
                    let r = code[pc + $start + idx].to_native();
                    args.push(if r == NO_REG { None } else { Some(self.regs[base + r as usize].clone()) });
                }
                args
            }};
        }

        loop {
            // SAFETY: as for `w!`: `pc` is always an instruction start inside the code.
            let word = unsafe { code.get_unchecked(pc) }.to_native();
            let a = (word >> 8) as usize;
            match word as u8 {
                op::NOP => pc += 1,
                op::MOVE => {
                    match &reg!(w!(1)) {
                        Value::Int(i) => {
                            let i = *i;
                            set_int!(a, i);
                        }
                        Value::Float(f) => {
                            let f = *f;
                            set_float!(a, f);
                        }
                        other => {
                            let value = other.clone();
                            set!(a, value);
                        }
                    }
                    pc += 2;
                }
                op::LOAD_CONST => {
                    set!(a, self.mods[module].consts[w!(1)].clone());
                    pc += 2;
                }
                op::LOAD_INT => {
                    set_int!(a, i64::from(code[pc + 1].to_native() as i32));
                    pc += 2;
                }
                op::LOAD_NONE => {
                    set!(a, Value::None);
                    pc += 1;
                }
                op::LOAD_BOOL => {
                    set_bool!(a, w!(1) != 0);
                    pc += 2;
                }
                op::LOAD_GLOBAL => {
                    if matches!(self.mods[module].globals[w!(1)], Value::Unbound) {
                        let err = self.unbound_global(module, w!(1));
                        tri!(Err(err));
                    }
                    set!(a, self.mods[module].globals[w!(1)].clone());
                    pc += 2;
                }
                op::CHECK_BOUND => {
                    if matches!(reg!(a), Value::Unbound) {
                        let name = self.mods[module].name_ids[w!(1)] as usize;
                        let name = self.name_table.get(name).cloned().unwrap_or_default();
                        let err = self.unbound_error(w!(2), &name);
                        tri!(Err(err));
                    }
                    pc += 3;
                }
                op::LOAD_UNBOUND => {
                    set!(a, Value::Unbound);
                    pc += 1;
                }
                op::STORE_GLOBAL => {
                    let value = reg!(a).clone();
                    self.mods[module].globals[w!(1)] = value;
                    pc += 2;
                }
                op::ADD_INT | op::SUB_INT | op::MUL_INT | op::MOD_INT | op::FLOORDIV_INT => {
                    let opcode = word as u8;
                    let fast = match (&reg!(w!(1)), &reg!(w!(2))) {
                        (Value::Int(x), Value::Int(y)) => match opcode {
                            op::ADD_INT => x.checked_add(*y),
                            op::SUB_INT => x.checked_sub(*y),
                            op::MUL_INT => x.checked_mul(*y),
                            op::MOD_INT if *y > 0 && *x >= 0 => Some(x % y),
                            op::FLOORDIV_INT if *y > 0 && *x >= 0 => Some(x / y),
                            _ => None,
                        },
                        _ => None,
                    };
                    if let Some(v) = fast {
                        set_int!(a, v);
                        pc += 3;
                        continue;
                    }
                    let result = match fast {
                        Some(v) => Value::Int(v),
                        None => {
                            let binop = match opcode {
                                op::ADD_INT => BinOp::Add,
                                op::SUB_INT => BinOp::Sub,
                                op::MUL_INT => BinOp::Mul,
                                op::MOD_INT => BinOp::Mod,
                                _ => BinOp::FloorDiv,
                            };
                            let (x, y) = (reg!(w!(1)).clone(), reg!(w!(2)).clone());
                            tri!(self.binary(binop, &x, &y))
                        }
                    };
                    set!(a, result);
                    pc += 3;
                }
                op::ADD_INT_IMM => {
                    let imm = i64::from(code[pc + 2].to_native() as i32);
                    let fast = match &reg!(w!(1)) {
                        Value::Int(x) => x.checked_add(imm),
                        _ => None,
                    };
                    if let Some(v) = fast {
                        set_int!(a, v);
                        pc += 3;
                        continue;
                    }
                    let result = match fast {
                        Some(v) => Value::Int(v),
                        None => {
                            let x = reg!(w!(1)).clone();
                            tri!(self.binary(BinOp::Add, &x, &Value::Int(imm)))
                        }
                    };
                    set!(a, result);
                    pc += 3;
                }
                op::ADD_NUM | op::SUB_NUM | op::MUL_NUM | op::DIV_NUM => {
                    let opcode = word as u8;
                    let fast = match (&reg!(w!(1)), &reg!(w!(2))) {
                        (Value::Float(x), Value::Float(y)) => match opcode {
                            op::ADD_NUM => Some(x + y),
                            op::SUB_NUM => Some(x - y),
                            op::MUL_NUM => Some(x * y),
                            _ if *y != 0.0 => Some(x / y),
                            _ => None,
                        },
                        _ => None,
                    };
                    if let Some(v) = fast {
                        set_float!(a, v);
                        pc += 3;
                        continue;
                    }
                    let result = match fast {
                        Some(v) => Value::Float(v),
                        None => {
                            let binop = match opcode {
                                op::ADD_NUM => BinOp::Add,
                                op::SUB_NUM => BinOp::Sub,
                                op::MUL_NUM => BinOp::Mul,
                                _ => BinOp::Div,
                            };
                            let (x, y) = (reg!(w!(1)).clone(), reg!(w!(2)).clone());
                            tri!(self.binary(binop, &x, &y))
                        }
                    };
                    set!(a, result);
                    pc += 3;
                }
                op::NEG => {
                    let x = reg!(w!(1)).clone();
                    let result = match &x {
                        Value::Float(f) => Value::Float(-f),
                        Value::Int(i) if *i != i64::MIN => Value::Int(-i),
                        other => tri!(self.unary_neg(other)),
                    };
                    set!(a, result);
                    pc += 2;
                }
                op::NOT => {
                    let x = reg!(w!(1)).clone();
                    let truth = tri!(self.truthy(&x));
                    set!(a, Value::Bool(!truth));
                    pc += 2;
                }
                op::CMP => {
                    let cmp = CmpOp::from_u32(w!(3) as u32).unwrap_or(CmpOp::Eq);
                    let (x, y) = (reg!(w!(1)).clone(), reg!(w!(2)).clone());
                    save_pc!(pc);
                    let result = tri!(self.compare(cmp, &x, &y));
                    set!(a, Value::Bool(result));
                    pc += 4;
                }
                op::CMP_INT => {
                    let cmp = CmpOp::from_u32(w!(3) as u32).unwrap_or(CmpOp::Eq);
                    let result = match (&reg!(w!(1)), &reg!(w!(2))) {
                        (Value::Int(x), Value::Int(y)) => int_cmp(cmp, *x, *y),
                        (x, y) => {
                            let (x, y) = (x.clone(), y.clone());
                            tri!(self.compare(cmp, &x, &y))
                        }
                    };
                    set_bool!(a, result);
                    pc += 4;
                }
                op::JUMP => goto!(a),
                op::JUMP_IF_FALSE => {
                    let truth = match &reg!(a) {
                        Value::Bool(b) => *b,
                        Value::None => false,
                        Value::Int(i) => *i != 0,
                        other => {
                            let other = other.clone();
                            tri!(self.truthy(&other))
                        }
                    };
                    if truth { pc += 2 } else { goto!(w!(1)) }
                }
                op::JUMP_IF_TRUE => {
                    let truth = match &reg!(a) {
                        Value::Bool(b) => *b,
                        Value::None => false,
                        Value::Int(i) => *i != 0,
                        other => {
                            let other = other.clone();
                            tri!(self.truthy(&other))
                        }
                    };
                    if truth { goto!(w!(1)) } else { pc += 2 }
                }
                op::JUMP_UNLESS_CMP_INT => {
                    let cmp = CmpOp::from_u32(w!(2) as u32).unwrap_or(CmpOp::Eq);
                    let result = match (&reg!(a), &reg!(w!(1))) {
                        (Value::Int(x), Value::Int(y)) => int_cmp(cmp, *x, *y),
                        (x, y) => {
                            let (x, y) = (x.clone(), y.clone());
                            tri!(self.compare(cmp, &x, &y))
                        }
                    };
                    if result { pc += 4 } else { goto!(w!(3)) }
                }
                op::JUMP_UNLESS_CMP_INT_IMM => {
                    let cmp = CmpOp::from_u32(w!(2) as u32).unwrap_or(CmpOp::Eq);
                    let imm = i64::from(w!(1) as u32 as i32);
                    let result = match &reg!(a) {
                        Value::Int(x) => int_cmp(cmp, *x, imm),
                        x => {
                            let x = x.clone();
                            tri!(self.compare(cmp, &x, &Value::Int(imm)))
                        }
                    };
                    if result { pc += 4 } else { goto!(w!(3)) }
                }
                op::JUMP_UNLESS_CMP => {
                    let cmp = CmpOp::from_u32(w!(2) as u32).unwrap_or(CmpOp::Eq);
                    let result = match (&reg!(a), &reg!(w!(1))) {
                        (Value::Int(x), Value::Int(y)) => int_cmp(cmp, *x, *y),
                        (Value::Float(x), Value::Float(y)) => float_cmp(cmp, *x, *y),
                        (x, y) => {
                            let (x, y) = (x.clone(), y.clone());
                            save_pc!(pc);
                            tri!(self.compare(cmp, &x, &y))
                        }
                    };
                    if result { pc += 4 } else { goto!(w!(3)) }
                }
                op::FOR_RANGE => {
                    // cur, stop, step, var, exit
                    // `for j in range(..): xs[j] = imm`: a body that is one list store
                    // runs as a tight loop (out of line), then this iteration goes on as usual.
                    if w!(4) + 3 == pc && code.get(w!(4)).is_some_and(|w| w.to_native() as u8 == op::STORE_INDEX_LIST) {
                        self.store_range(code, pc, base);
                    }
                    let (cur, stop, step) = match (&reg!(a), &reg!(w!(1)), &reg!(w!(2))) {
                        (Value::Int(c), Value::Int(s), Value::Int(st)) => (*c, *s, *st),
                        (c, s, st) => {
                            // Big ints or bools: generic arithmetic, out of line.
                            let (c, s, st) = (c.clone(), s.clone(), st.clone());
                            match tri!(self.range_next_slow(&c, &s, &st)) {
                                Some((value, next)) => {
                                    set!(w!(3), value);
                                    set!(a, next);
                                    goto!(w!(4));
                                }
                                None => pc += 5,
                            }
                            continue;
                        }
                    };
                    if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
                        set_int!(w!(3), cur);
                        // Past i64::MAX the loop would have ended anyway: stop it.
                        set_int!(a, cur.checked_add(step).unwrap_or(stop));
                        goto!(w!(4));
                    } else {
                        pc += 5;
                    }
                }
                op::FOR_ITER => {
                    let next = match &reg!(a) {
                        Value::Iter(state) => self.iter_next(&mut state.borrow_mut()),
                        _ => Ok(None),
                    };
                    match next {
                        Ok(Some(value)) => {
                            set!(w!(1), value);
                            goto!(w!(2));
                        }
                        Ok(None) => pc += 3,
                        Err(err) => {
                            let exc = self.iter_error(err);
                            tri!(Err(exc))
                        }
                    }
                }
                op::FOR_LIST => {
                    // list, index, var, exit
                    let idx = match &reg!(w!(1)) {
                        Value::Int(i) => *i as usize,
                        _ => 0,
                    };
                    let item = match &reg!(a) {
                        Value::List(list) => Fast::of(list.borrow().get(idx)),
                        Value::Tuple(items) => Fast::of(items.get(idx)),
                        _ => Fast::Missing,
                    };
                    let var = w!(2);
                    match item {
                        Fast::Missing => {
                            pc += 4;
                            continue;
                        }
                        Fast::Bool(b) => set_bool!(var, b),
                        Fast::Int(i) => set_int!(var, i),
                        Fast::Float(f) => set_float!(var, f),
                        Fast::Other(value) => set!(var, value),
                    }
                    set_int!(w!(1), idx as i64 + 1);
                    goto!(w!(3));
                }
                op::CALL => {
                    let func = w!(1);
                    let argc = w!(2);
                    if self.frames.len() >= self.recursion_limit {
                        tri!(Err(self.recursion_error()));
                    }
                    let info = &self.mods[module].funcs[func];
                    let (callee_code, n_regs) = (info.code, info.n_regs);
                    let new_base = self.top;
                    self.grow(new_base + n_regs);
                    for idx in 0..argc {
                        let r = w!(3 + idx) as u32;
                        let value = if r == NO_REG {
                            let fobj = self.mods[module].func_objs[func].clone();
                            match self.default_of(&fobj, idx) {
                                Ok(value) => value,
                                Err(err) => {
                                    self.release(new_base);
                                    tri!(Err(err))
                                }
                            }
                        } else {
                            // The callee's window starts at `top`, above every register
                            // of this frame: copy by kind, without a 16-byte temporary.
                            let (lo, hi) = self.regs.split_at_mut(new_base + idx);
                            if let (Some(dst), Some(src)) = (hi.first_mut(), lo.get(base + r as usize)) {
                                crate::value::store(dst, src);
                            }
                            continue;
                        };
                        crate::value::assign(&mut self.regs[new_base + idx], value);
                    }
                    save_pc!(pc + 3 + argc);
                    if let Err(err) = self.tick() {
                        self.release(new_base);
                        return Err(err);
                    }
                    self.top = new_base + n_regs;
                    self.frames.push(Frame {
                        code: callee_code,
                        pc: 0,
                        base: new_base,
                        module: module as u32,
                        func: func as u32,
                        ret: a as u32,
                        closure: None,
                        boundary: false,
                    });
                    code = callee_code;
                    pc = 0;
                    base = new_base;
                }
                op::CALL_IMPORT
                | op::CALL_METHOD
                | op::CALL_METHOD_OF
                | op::CALL_METHOD_STATIC
                | op::CALL_STATIC_OF
                | op::NEW
                | op::NEW_OF => {
                    // Kept out of line: the loop's hot paths keep their registers.
                    match self.call_family(word, code, pc, base, module) {
                        Ok(Step::Next(next)) => pc = next,
                        Ok(Step::Reload) => reload!(),
                        Err(err) => {
                            save_pc!(pc);
                            return Err(err);
                        }
                    }
                }
                op::CALL_BUILTIN => {
                    let id = w!(1) as u32;
                    let mask = w!(2) as u32;
                    let argc = w!(3);
                    let n_kw = mask.count_ones() as usize;
                    let mut args = std::mem::take(&mut self.value_buffer);
                    args.clear();
                    for idx in 0..argc.saturating_sub(n_kw) {
                        args.push(reg!(w!(4 + idx)).clone());
                    }
                    let mut keywords = Vec::with_capacity(n_kw);
                    let mut next = argc.saturating_sub(n_kw);
                    for bit in 0..16 {
                        if mask & (1 << bit) != 0 && next < argc {
                            keywords.push((bit, reg!(w!(4 + next)).clone()));
                            next += 1;
                        }
                    }
                    save_pc!(pc);
                    let result = self.call_builtin(id, &args, &keywords);
                    args.clear();
                    self.value_buffer = args;
                    let value = tri!(result);
                    set!(a, value);
                    pc += 4 + argc;
                }
                op::CALL_NATIVE => {
                    let argc = w!(2);
                    // `math.sqrt` of a non-negative float, the hot case of numeric code.
                    if w!(1) == 0
                        && argc == 1
                        && w!(3) as u32 != NO_REG
                        && let Value::Float(x) = reg!(w!(3))
                        && x >= 0.0
                    {
                        set_float!(a, x.sqrt());
                        pc += 4;
                        continue;
                    }
                    let args = gather!(3, argc);
                    save_pc!(pc);
                    let value = tri!(self.call_native(w!(1) as u32, args));
                    set!(a, value);
                    pc += 3 + argc;
                }
                op::CALL_BMETHOD => {
                    let id = w!(1) as u32;
                    let argc = w!(2);
                    // The hottest methods skip the argument vector. Argument operands are
                    // optional registers (`NO_REG` = a default), so the fast paths only
                    // apply when the ones they read are real registers: `reg!` of `NO_REG`
                    // would read past the register stack.
                    let real = |r: usize| r as u32 != NO_REG;
                    if id == crate::builtins::BM_LIST_APPEND && argc == 2 && real(w!(3)) && real(w!(4)) {
                        let item = reg!(w!(4)).clone();
                        if let Value::List(list) = &reg!(w!(3)) {
                            list.borrow_mut().push(item);
                        }
                        set!(a, Value::None);
                        pc += 5;
                        continue;
                    }
                    if id == crate::builtins::BM_DICT_GET && argc == 3 && real(w!(3)) && real(w!(4)) {
                        let found = match (&reg!(w!(3)), &reg!(w!(4))) {
                            (Value::Dict(dict), key @ (Value::Str(_) | Value::Int(_))) => {
                                Some(dict.borrow().get(&Key::native(key.clone())).cloned())
                            }
                            _ => None,
                        };
                        if let Some(found) = found {
                            let value = match found {
                                Some(value) => value,
                                None => {
                                    let r = w!(5);
                                    if r as u32 == NO_REG { Value::None } else { reg!(r).clone() }
                                }
                            };
                            set!(a, value);
                            pc += 6;
                            continue;
                        }
                    }
                    // Arguments go through a reused buffer: no allocation per call.
                    let mut args = std::mem::take(&mut self.arg_buffer);
                    args.clear();
                    for idx in 0..argc {
                        let r = w!(3 + idx) as u32;
                        args.push(if r == NO_REG { None } else { Some(reg!(r as usize).clone()) });
                    }
                    save_pc!(pc);
                    let result = self.call_bmethod(id, &args);
                    args.clear();
                    self.arg_buffer = args;
                    let value = tri!(result);
                    set!(a, value);
                    pc += 3 + argc;
                }
                op::RETURN | op::RETURN_NONE => {
                    let value =
                        if word as u8 == op::RETURN { std::mem::take(&mut self.regs[base + a]) } else { Value::None };
                    let Some(frame) = self.frames.pop() else { return Ok(value) };
                    self.release(frame.base);
                    if frame.boundary {
                        return Ok(value);
                    }
                    // Only module initialisers (and `__init__` calls) discard their result.
                    if frame.ret == NO_REG
                        && frame.func as usize == self.mods[frame.module as usize].arch.init.to_native() as usize
                        && self.mods[frame.module as usize].state == InitState::Running
                    {
                        self.mods[frame.module as usize].state = InitState::Done;
                    }
                    reload!();
                    if frame.ret != NO_REG {
                        set!(frame.ret as usize, value);
                    }
                }
                op::GET_FIELD => {
                    let fast = match &reg!(w!(1)) {
                        Value::Instance(inst) => Fast::of(inst.fields.borrow().get(w!(2))),
                        _ => Fast::Missing,
                    };
                    match fast {
                        Fast::Float(f) => set_float!(a, f),
                        Fast::Int(i) => set_int!(a, i),
                        Fast::Bool(b) => set_bool!(a, b),
                        Fast::Other(Value::Unbound) => {
                            // Not set on the instance: the class attribute of that name.
                            let obj = reg!(w!(1)).clone();
                            let value = tri!(self.unassigned_field(&obj, w!(2)));
                            set!(a, value);
                        }
                        Fast::Other(value) => set!(a, value),
                        Fast::Missing => {
                            let obj = reg!(w!(1)).clone();
                            tri!(Err(self.field_error(&obj)))
                        }
                    }
                    pc += 3;
                }
                op::SET_FIELD => {
                    let slot_idx = w!(1);
                    let ok = match (&reg!(a), &reg!(w!(2))) {
                        (Value::Instance(inst), Value::Float(f)) => match inst.fields.borrow_mut().get_mut(slot_idx) {
                            Some(Value::Float(slot)) => {
                                *slot = *f;
                                true
                            }
                            Some(slot) => {
                                crate::value::assign(slot, Value::Float(*f));
                                true
                            }
                            None => false,
                        },
                        (Value::Instance(inst), value) => match inst.fields.borrow_mut().get_mut(slot_idx) {
                            Some(slot) => {
                                crate::value::assign(slot, value.clone());
                                true
                            }
                            None => false,
                        },
                        _ => false,
                    };
                    if !ok {
                        let obj = reg!(a).clone();
                        tri!(Err(self.field_error(&obj)));
                    }
                    pc += 3;
                }
                op::LIST_APPEND => {
                    let item = reg!(w!(1)).clone();
                    if let Value::List(list) = &reg!(a) {
                        list.borrow_mut().push(item);
                    }
                    pc += 2;
                }
                op::INDEX_LIST => {
                    let fast = match (&reg!(w!(1)), &reg!(w!(2))) {
                        (Value::List(list), Value::Int(i)) if *i >= 0 => Fast::of(list.borrow().get(*i as usize)),
                        _ => Fast::Missing,
                    };
                    let item = match fast {
                        Fast::Bool(b) => {
                            set_bool!(a, b);
                            pc += 3;
                            continue;
                        }
                        Fast::Int(i) => {
                            set_int!(a, i);
                            pc += 3;
                            continue;
                        }
                        Fast::Float(f) => {
                            set_float!(a, f);
                            pc += 3;
                            continue;
                        }
                        Fast::Other(item) => item,
                        Fast::Missing => {
                            let (obj, idx) = (reg!(w!(1)).clone(), reg!(w!(2)).clone());
                            save_pc!(pc);
                            tri!(self.index(&obj, &idx))
                        }
                    };
                    set!(a, item);
                    pc += 3;
                }
                op::INDEX => {
                    let (obj, idx) = (reg!(w!(1)).clone(), reg!(w!(2)).clone());
                    save_pc!(pc);
                    let item = tri!(self.index(&obj, &idx));
                    set!(a, item);
                    pc += 3;
                }
                op::STORE_INDEX | op::STORE_INDEX_LIST => {
                    // The value is read in place: immediates are stored by payload, so
                    // the common `flags[j] = False` clones and drops nothing.
                    let done = match (&reg!(a), &reg!(w!(1)), &reg!(w!(2))) {
                        (Value::List(list), Value::Int(i), value) if *i >= 0 => {
                            match list.borrow_mut().get_mut(*i as usize) {
                                Some(slot) => {
                                    crate::value::store(slot, value);
                                    true
                                }
                                None => false,
                            }
                        }
                        (Value::Dict(dict), key @ (Value::Str(_) | Value::Int(_)), value) => {
                            dict.borrow_mut().insert(Key::native(key.clone()), value.clone());
                            true
                        }
                        _ => false,
                    };
                    if !done {
                        let (obj, idx, value) = (reg!(a).clone(), reg!(w!(1)).clone(), reg!(w!(2)).clone());
                        save_pc!(pc);
                        tri!(self.store_index(&obj, &idx, value));
                    }
                    pc += 3;
                }
                _ => {
                    // Rare instructions run out of line, so the hot ones keep their
                    // registers (`cold_op` also stays total for opcodes the verifier
                    // rejects).
                    match self.cold_op(word, code, pc, base, module) {
                        Ok(Step::Next(next)) => pc = next,
                        Ok(Step::Reload) => reload!(),
                        Err(err) => {
                            save_pc!(pc);
                            return Err(err);
                        }
                    }
                }
            }
        }
    }
}

impl Vm<'_> {
    /// Runs whole iterations of a `for_range` at `pc` whose body (the three words before
    /// it) is one `store_index_list xs, var, value` of an immediate value into a list:
    /// each does what the two instructions do (the loop variable and counter advance, a
    /// unit of fuel is spent for the backward jump, the item is stored), without the
    /// dispatch. It stops before any iteration that could fail or leave the fast case (an
    /// index out of `0..len`, the counter overflowing, the fuel running out, the range
    /// ending), leaving registers as after the iterations it ran; the loop then goes on
    /// through the ordinary instructions, which handle that iteration exactly.
    #[inline(never)]
    fn store_range(&mut self, code: &[u32_le], pc: usize, base: usize) {
        let word = |at: usize| code.get(at).map_or(usize::MAX, |w| w.to_native() as usize);
        let a = word(pc) >> 8;
        let (stop_r, step_r, var, body) = (word(pc + 1), word(pc + 2), word(pc + 3), word(pc + 4));
        let (list_r, idx_r, val_r) = (word(body) >> 8, word(body + 1), word(body + 2));
        // The store must index with the loop variable, and neither the list nor the value
        // may be a register the loop writes; the loop's own registers must be distinct.
        if idx_r != var
            || [list_r, val_r].iter().any(|r| *r == var || *r == a)
            || var == a
            || [stop_r, step_r].iter().any(|r| *r == var || *r == a)
        {
            return;
        }
        let reg = |r: usize| base.checked_add(r).and_then(|at| self.regs.get(at));
        let (Some(&Value::Int(mut cur)), Some(&Value::Int(stop)), Some(&Value::Int(step))) =
            (reg(a), reg(stop_r), reg(step_r))
        else {
            return;
        };
        let value = match reg(val_r) {
            Some(value @ (Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_))) => value.clone(),
            _ => return,
        };
        let Some(Value::List(list)) = reg(list_r) else { return };
        let list = Rc::clone(list);
        let Ok(mut items) = list.try_borrow_mut() else { return };
        let mut fuel = self.fuel;
        let mut last = None;
        while ((step > 0 && cur < stop) || (step < 0 && cur > stop)) && fuel > 1 {
            let Some(next) = cur.checked_add(step) else { break };
            let Some(slot) = usize::try_from(cur).ok().and_then(|i| items.get_mut(i)) else { break };
            crate::value::store(slot, &value);
            fuel -= 1;
            last = Some(cur);
            cur = next;
        }
        drop(items);
        self.fuel = fuel;
        if let Some(last) = last {
            crate::value::assign(&mut self.regs[base + var], Value::Int(last));
            crate::value::assign(&mut self.regs[base + a], Value::Int(cur));
        }
    }
}

/// What the interpreter loop does after an out-of-line instruction.
pub(crate) enum Step {
    Next(usize),
    Reload,
}

/// A field read, split so immediates are written into registers without a temporary.
enum Fast {
    Float(f64),
    Int(i64),
    Bool(bool),
    Other(Value),
    Missing,
}

impl Fast {
    #[inline(always)]
    fn of(value: Option<&Value>) -> Fast {
        match value {
            Some(Value::Float(f)) => Fast::Float(*f),
            Some(Value::Int(i)) => Fast::Int(*i),
            Some(Value::Bool(b)) => Fast::Bool(*b),
            Some(other) => Fast::Other(other.clone()),
            None => Fast::Missing,
        }
    }
}

pub(crate) enum CallTarget {
    Func(Rc<FuncObj>),
    New(Rc<Class>),
    SuperInit(Rc<Class>),
    Value(Value),
}
