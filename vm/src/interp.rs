//! The interpreter: an explicit frame stack over one register stack, reading instructions
//! straight from the archived code words.
//!
//! Guest calls never recurse on the host stack: a call pushes a [`Frame`] and the loop
//! continues in the callee. Only natives that call back into guest code (a `key=`
//! function, a user `__eq__` or `__repr__`) re-enter [`Vm::run_frames`], and that nesting
//! is bounded by [`MAX_NATIVE_DEPTH`].

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use rkyv::rend::u32_le;

use crate::bytecode::{ArchivedFunction, ArchivedModule, BinOp, CmpOp, NO_REG, op};
use crate::calls::{float_cmp, int_cmp, line_at, set_exception_args};
use crate::runtime::IntStrLimit;
use crate::value::{Class, FuncObj, InitKind, Key, MethodKind, Value};

/// How deeply natives may re-enter the interpreter (each level uses host stack).
pub(crate) const MAX_NATIVE_DEPTH: usize = 200;

/// A Python exception in flight (the exception instance), or a request to stop.
pub(crate) enum Exc {
    Raised(Value),
}

pub(crate) type VmResult<T> = Result<T, Exc>;

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

/// One traceback line: module, function, line.
#[derive(Clone, Copy)]
pub(crate) struct TbEntry {
    pub module: u32,
    pub func: u32,
    pub line: u32,
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
    pub recursion_limit: usize,
    pub native_depth: usize,
    pub tb: Vec<TbEntry>,
    /// The exception `tb` belongs to (so a re-raise keeps its traceback).
    pub tb_exc: Option<Value>,
    pub argv: Vec<String>,
    pub int_limit: IntStrLimit,
    pub rng: u64,
    pub main_module: usize,
    pub start_time: std::time::Instant,
}

impl<'p> Vm<'p> {
    /// Writes buffered output through to the host's stdout.
    /// Makes sure registers up to `len` exist (they are kept between calls).
    #[inline(always)]
    pub(crate) fn grow(&mut self, len: usize) {
        if self.regs.len() < len {
            self.regs.resize_with(len.max(self.regs.len() * 2), Value::default);
        }
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

    pub(crate) fn flush(&mut self) {
        if !self.out.is_empty() {
            let _ = self.stdout.write_all(&self.out);
            self.out.clear();
        }
        let _ = self.stdout.flush();
    }

    pub(crate) fn write_out(&mut self, text: &str) {
        self.out.extend_from_slice(text.as_bytes());
        if self.out.len() > 1 << 16 {
            let _ = self.stdout.write_all(&self.out);
            self.out.clear();
        }
    }

    /// Calls through imports, methods and constructors (see `run_inner`). The arms keep
    /// the loop's shape (each one ends by saying where execution continues).
    #[inline(never)]
    #[allow(clippy::needless_return)]
    fn call_family(&mut self, word: u32, code: &'p [u32_le], pc: usize, base: usize, module: usize) -> VmResult<Step> {
        let a = (word >> 8) as usize;
        macro_rules! w {
            ($i:expr) => {
                code.get(pc + $i).map_or(0, |w| w.to_native() as usize)
            };
        }
        macro_rules! reg {
            ($r:expr) => {
                self.regs[base + $r]
            };
        }
        macro_rules! set {
            ($r:expr, $v:expr) => {{
                let value = $v;
                crate::value::assign(&mut self.regs[base + $r], value);
            }};
        }
        macro_rules! save_pc {
            ($p:expr) => {
                if let Some(frame) = self.frames.last_mut() {
                    frame.pc = $p;
                }
            };
        }
        macro_rules! tri2 {
            ($e:expr) => {
                $e?
            };
        }
        macro_rules! gather {
            ($start:expr, $count:expr) => {{
                let mut args: Vec<Option<Value>> = Vec::with_capacity($count);
                for idx in 0..$count {
                    let r = w!($start + idx) as u32;
                    args.push(if r == NO_REG { None } else { Some(self.regs[base + r as usize].clone()) });
                }
                args
            }};
        }
        let opcode = word as u8;
        let (tail, argc) = match opcode {
            op::CALL_METHOD_OF | op::CALL_METHOD_STATIC => (4, w!(3)),
            _ => (3, w!(2)),
        };
        let next_pc = pc + tail + argc;
        let target = match opcode {
            op::CALL_IMPORT => match &self.mods[module].imports[w!(1)] {
                Resolved::Func(f) => CallTarget::Func(f.clone()),
                Resolved::Class(c) => CallTarget::New(c.clone()),
                Resolved::Global(m, g) => {
                    CallTarget::Value(self.mods.get(*m).and_then(|m| m.globals.get(*g)).cloned().unwrap_or_default())
                }
            },
            op::CALL_METHOD => {
                let name = self.mods[module].name_ids[w!(1)];
                let receiver = if argc > 0 && w!(tail) as u32 != NO_REG { Some(reg!(w!(tail)).clone()) } else { None };
                tri2!(self.dispatch_method(name, receiver))
            }
            op::CALL_METHOD_OF | op::CALL_METHOD_STATIC => {
                let class = self.class_operand(module, w!(1) as u32);
                let name = self.mods[module].name_ids[w!(2)];
                match class.method(name) {
                    Some((_, fobj, _)) => CallTarget::Func(fobj.clone()),
                    None if name == names::INIT => CallTarget::SuperInit(class),
                    None => {
                        let text = self.name_table[name as usize].clone();
                        tri2!(Err(self.attribute_error(&class.name, &text)))
                    }
                }
            }
            op::NEW => CallTarget::New(self.class_operand(module, w!(1) as u32)),
            _ => match &reg!(w!(1)) {
                Value::Class(c) => CallTarget::New(c.clone()),
                other => CallTarget::Value(other.clone()),
            },
        };
        save_pc!(next_pc);
        match target {
            CallTarget::Func(fobj) => {
                // Arguments go straight from the caller's registers to the callee's.
                tri2!(self.enter(&fobj, code, pc + tail, argc, base, None, a as u32));
                return Ok(Step::Reload);
            }
            CallTarget::New(class) => {
                let instance = self.allocate(&class);
                let init = class.init.borrow().clone();
                match init {
                    InitKind::User(fobj) => {
                        if class.is_exception {
                            // `BaseException.__new__` keeps the constructor's
                            // arguments as `args`, whatever `__init__` does.
                            let args = gather!(tail, argc);
                            set_exception_args(&instance, args.into_iter().map(Option::unwrap_or_default).collect());
                        }
                        // The arguments are read before the result register is
                        // written: it may be one of them (`head = Link(i, head)`).
                        tri2!(self.enter(&fobj, code, pc + tail, argc, base, Some(instance.clone()), NO_REG));
                        set!(a, instance);
                        return Ok(Step::Reload);
                    }
                    _ => {
                        let args = gather!(tail, argc);
                        let value = tri2!(self.construct_without_user_init(&class, instance, args));
                        set!(a, value);
                        return Ok(Step::Next(next_pc));
                    }
                }
            }
            CallTarget::SuperInit(class) => {
                let args = gather!(tail, argc);
                let mut args = args.into_iter();
                let receiver = args.next().flatten().unwrap_or_default();
                let rest: Vec<Option<Value>> = args.collect();
                let init = class.init.borrow().clone();
                match init {
                    InitKind::Exception => {
                        set_exception_args(&receiver, rest.into_iter().map(Option::unwrap_or_default).collect());
                    }
                    InitKind::Dataclass => tri2!(self.dataclass_init(&class, &receiver, rest)),
                    _ => {}
                }
                set!(a, Value::None);
                return Ok(Step::Next(next_pc));
            }
            CallTarget::Value(callee) => {
                let args = gather!(tail, argc);
                let args: Vec<Value> = args.into_iter().map(Option::unwrap_or_default).collect();
                let value = tri2!(self.call_value(&callee, args));
                set!(a, value);
                return Ok(Step::Next(next_pc));
            }
        }
    }

    /// Runs frames until the frame at index `stop_depth` returns; exceptions unwind
    /// through handlers, and past `stop_depth` they are returned.
    pub(crate) fn run_frames(&mut self, stop_depth: usize) -> VmResult<Value> {
        loop {
            match self.run_inner() {
                Ok(value) => return Ok(value),
                Err(Exc::Raised(exc)) => {
                    let mut faulting = true;
                    loop {
                        let Some(frame) = self.frames.last() else { return Err(Exc::Raised(exc)) };
                        let pos = if faulting { frame.pc } else { frame.pc.saturating_sub(1) };
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
                            let frame = self.frames.last_mut();
                            if let Some(frame) = frame {
                                frame.pc = target;
                            }
                            self.regs[base + exc_reg] = exc.clone();
                            break;
                        }
                        let line = line_at(info.arch, pos);
                        self.tb.push(TbEntry { module: frame.module, func: frame.func, line });
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

        macro_rules! w {
            ($i:expr) => {
                // SAFETY: the verifier proved that no instruction is truncated, that
                // jumps land on instruction starts and that code cannot run off its end.
                {
                    let at = pc + $i;
                    unsafe { code.get_unchecked(at) }.to_native() as usize
                }
            };
        }
        macro_rules! reg {
            ($r:expr) => {
                // SAFETY: the verifier proved every register operand is below the
                // function's register count, and `grow` keeps `regs` at least
                // `base + n_regs` long for the running frame.
                (*{
                    let idx = base + $r;
                    unsafe { self.regs.get_unchecked(idx) }
                })
            };
        }
        macro_rules! reg_mut {
            ($r:expr) => {{
                let idx = base + $r;
                // SAFETY: as for `reg!`: verified register operand, `regs` long enough.
                unsafe { self.regs.get_unchecked_mut(idx) }
            }};
        }
        macro_rules! set {
            ($r:expr, $v:expr) => {{
                let value = $v;
                crate::value::assign(reg_mut!($r), value);
            }};
        }
        // Writing just the payload when the register already holds the same kind avoids
        // building a 16-byte temporary (and a store-forwarding stall) in hot loops.
        macro_rules! set_int {
            ($r:expr, $v:expr) => {{
                let value: i64 = $v;
                match reg_mut!($r) {
                    Value::Int(slot) => *slot = value,
                    slot => crate::value::assign(slot, Value::Int(value)),
                }
            }};
        }
        macro_rules! set_float {
            ($r:expr, $v:expr) => {{
                let value: f64 = $v;
                match reg_mut!($r) {
                    Value::Float(slot) => *slot = value,
                    slot => crate::value::assign(slot, Value::Float(value)),
                }
            }};
        }
        macro_rules! set_bool {
            ($r:expr, $v:expr) => {{
                let value: bool = $v;
                match reg_mut!($r) {
                    Value::Bool(slot) => *slot = value,
                    slot => crate::value::assign(slot, Value::Bool(value)),
                }
            }};
        }
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
                    set!(a, self.mods[module].globals[w!(1)].clone());
                    pc += 2;
                }
                op::STORE_GLOBAL => {
                    let value = reg!(a).clone();
                    self.mods[module].globals[w!(1)] = value;
                    pc += 2;
                }
                op::LOAD_IMPORT => {
                    set!(
                        a,
                        match &self.mods[module].imports[w!(1)] {
                            Resolved::Func(f) => Value::Function(f.clone()),
                            Resolved::Class(c) => Value::Class(c.clone()),
                            Resolved::Global(m, g) =>
                                self.mods.get(*m).and_then(|m| m.globals.get(*g)).cloned().unwrap_or_default(),
                        }
                    );
                    pc += 2;
                }
                op::LOAD_FUNC => {
                    set!(a, Value::Function(self.mods[module].func_objs[w!(1)].clone()));
                    pc += 2;
                }
                op::LOAD_CLASS => {
                    set!(a, Value::Class(self.class_operand(module, w!(1) as u32)));
                    pc += 2;
                }
                op::LOAD_BUILTIN => {
                    set!(a, Value::Builtin(w!(1) as u32));
                    pc += 2;
                }
                op::LOAD_NATIVE => {
                    set!(a, tri!(self.native_value(w!(1) as u32)));
                    pc += 2;
                }
                op::LOAD_MODULE_NAME => {
                    set!(
                        a,
                        if module == self.main_module {
                            Value::str("__main__")
                        } else {
                            Value::str(self.mods[module].name.as_str())
                        }
                    );
                    pc += 1;
                }
                op::MAKE_CELL => {
                    let value = std::mem::take(&mut self.regs[base + a]);
                    set!(a, Value::Cell(Rc::new(RefCell::new(value))));
                    pc += 1;
                }
                op::LOAD_CELL => {
                    let value = match &reg!(w!(1)) {
                        Value::Cell(cell) => cell.borrow().clone(),
                        other => other.clone(),
                    };
                    set!(a, value);
                    pc += 2;
                }
                op::STORE_CELL => {
                    let value = reg!(w!(1)).clone();
                    if let Value::Cell(cell) = &reg!(a) {
                        *cell.borrow_mut() = value;
                    }
                    pc += 2;
                }
                op::LOAD_FREE => {
                    let value = match self.frames.last().and_then(|f| f.closure.as_ref()) {
                        Some(closure) => closure.cells.get(w!(1)).map(|c| c.borrow().clone()).unwrap_or_default(),
                        None => Value::None,
                    };
                    set!(a, value);
                    pc += 2;
                }
                op::STORE_FREE => {
                    let value = reg!(a).clone();
                    if let Some(closure) = self.frames.last().and_then(|f| f.closure.as_ref())
                        && let Some(cell) = closure.cells.get(w!(1))
                    {
                        *cell.borrow_mut() = value;
                    }
                    pc += 2;
                }
                op::MAKE_CLOSURE => {
                    let func = w!(1);
                    let n_defaults = w!(2);
                    let defaults = gather!(3, n_defaults);
                    let caps_at = 3 + n_defaults;
                    let n_caps = w!(caps_at);
                    let mut cells = Vec::with_capacity(n_caps);
                    for idx in 0..n_caps {
                        let spec = w!(caps_at + 1 + idx);
                        let cell = if spec & 1 == 0 {
                            match &reg!(spec >> 1) {
                                Value::Cell(cell) => cell.clone(),
                                other => Rc::new(RefCell::new(other.clone())),
                            }
                        } else {
                            match self
                                .frames
                                .last()
                                .and_then(|f| f.closure.as_ref())
                                .and_then(|c| c.cells.get(spec >> 1))
                            {
                                Some(cell) => cell.clone(),
                                None => Rc::new(RefCell::new(Value::None)),
                            }
                        };
                        cells.push(cell);
                    }
                    let defaults = self.defaults_vector(module, func, defaults);
                    set!(
                        a,
                        Value::Function(Rc::new(FuncObj {
                            module: module as u32,
                            func: func as u32,
                            defaults: RefCell::new(defaults),
                            cells,
                        }))
                    );
                    pc += caps_at + 1 + n_caps;
                }
                op::DEF_FUNC => {
                    let n = w!(1);
                    let defaults = gather!(2, n);
                    let defaults = self.defaults_vector(module, a, defaults);
                    *self.mods[module].func_objs[a].defaults.borrow_mut() = defaults;
                    pc += 2 + n;
                }
                op::DEF_CLASS => {
                    let class = self.mods[module].classes[a].clone();
                    if let Some(base_class) = &class.base {
                        let inherited = base_class.field_defaults.borrow().clone();
                        let mut own = class.field_defaults.borrow_mut();
                        for (slot, default) in inherited.into_iter().enumerate() {
                            if let Some(entry) = own.get_mut(slot) {
                                *entry = default;
                            }
                        }
                    }
                    class.defined.set(true);
                    pc += 1;
                }
                op::SET_CLASS_ATTR => {
                    let class = self.class_operand(module, w!(1) as u32);
                    let name = self.mods[module].name_ids[w!(2)];
                    let value = reg!(a).clone();
                    let mut attrs = class.attrs.borrow_mut();
                    match attrs.iter_mut().find(|(n, _)| *n == name) {
                        Some(entry) => entry.1 = value,
                        None => attrs.push((name, value)),
                    }
                    pc += 3;
                }
                op::SET_FIELD_DEFAULT => {
                    let class = self.class_operand(module, w!(1) as u32);
                    let value = reg!(a).clone();
                    if let Some(entry) = class.field_defaults.borrow_mut().get_mut(w!(2)) {
                        *entry = Some(value);
                    }
                    pc += 3;
                }
                op::SET_METHOD_DEFAULTS => {
                    let class = self.mods[module].classes[a].clone();
                    let method_idx = w!(1);
                    let n = w!(2);
                    let values = gather!(3, n);
                    let func = self.mods[module].arch.classes[a].methods[method_idx].func.to_native() as usize;
                    let defaults = self.defaults_vector(module, func, values);
                    *self.mods[module].func_objs[func].defaults.borrow_mut() = defaults;
                    drop(class);
                    pc += 3 + n;
                }
                op::BIN => {
                    let binop = BinOp::from_u32(w!(3) as u32).unwrap_or(BinOp::Add);
                    let (x, y) = (reg!(w!(1)).clone(), reg!(w!(2)).clone());
                    let result = tri!(self.binary(binop, &x, &y));
                    set!(a, result);
                    pc += 4;
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
                op::POS => {
                    let value = match &reg!(w!(1)) {
                        Value::Bool(b) => Value::Int(i64::from(*b)),
                        other => other.clone(),
                    };
                    set!(a, value);
                    pc += 2;
                }
                op::NOT => {
                    let x = reg!(w!(1)).clone();
                    let truth = tri!(self.truthy(&x));
                    set!(a, Value::Bool(!truth));
                    pc += 2;
                }
                op::INVERT => {
                    let x = reg!(w!(1)).clone();
                    let value = tri!(self.invert(&x));
                    set!(a, value);
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
                op::JUMP => pc = a,
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
                    pc = if truth { pc + 2 } else { w!(1) };
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
                    pc = if truth { w!(1) } else { pc + 2 };
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
                    pc = if result { pc + 4 } else { w!(3) };
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
                    pc = if result { pc + 4 } else { w!(3) };
                }
                op::FOR_RANGE => {
                    // cur, stop, step, var, exit
                    let (cur, stop, step) = match (&reg!(a), &reg!(w!(1)), &reg!(w!(2))) {
                        (Value::Int(c), Value::Int(s), Value::Int(st)) => (*c, *s, *st),
                        _ => (0, 0, 1),
                    };
                    if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
                        set_int!(w!(3), cur);
                        // Past i64::MAX the loop would have ended anyway: stop it.
                        set_int!(a, cur.checked_add(step).unwrap_or(stop));
                        pc = w!(4);
                    } else {
                        pc += 5;
                    }
                }
                op::GET_ITER => {
                    let source = reg!(w!(1)).clone();
                    let iter = tri!(self.get_iter(&source));
                    set!(a, iter);
                    pc += 2;
                }
                op::FOR_ITER => {
                    let next = match &reg!(a) {
                        Value::Iter(state) => self.iter_next(&mut state.borrow_mut()),
                        _ => None,
                    };
                    match next {
                        Some(value) => {
                            set!(w!(1), value);
                            pc = w!(2);
                        }
                        None => pc += 3,
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
                    pc = w!(3);
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
                            reg!(r as usize).clone()
                        };
                        crate::value::assign(&mut self.regs[new_base + idx], value);
                    }
                    save_pc!(pc + 3 + argc);
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
                op::CALL_VALUE => {
                    let argc = w!(2);
                    let args = gather!(3, argc);
                    let next_pc = pc + 3 + argc;
                    let callee = reg!(w!(1)).clone();
                    save_pc!(next_pc);
                    match &callee {
                        Value::Function(fobj) => {
                            tri!(self.push_frame(fobj, args, a as u32, false));
                            reload!();
                        }
                        Value::BoundMethod(bound) if matches!(bound.1, Value::Function(_)) => {
                            let mut all = Vec::with_capacity(args.len() + 1);
                            all.push(Some(bound.0.clone()));
                            all.extend(args);
                            if let Value::Function(fobj) = &bound.1 {
                                tri!(self.push_frame(fobj, all, a as u32, false));
                            }
                            reload!();
                        }
                        _ => {
                            let args: Vec<Value> = args.into_iter().map(Option::unwrap_or_default).collect();
                            let value = tri!(self.call_value(&callee, args));
                            set!(a, value);
                            pc = next_pc;
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
                    // The hottest methods skip the argument vector.
                    if id == crate::builtins::BM_LIST_APPEND && argc == 2 {
                        let item = reg!(w!(4)).clone();
                        if let Value::List(list) = &reg!(w!(3)) {
                            list.borrow_mut().push(item);
                        }
                        set!(a, Value::None);
                        pc += 5;
                        continue;
                    }
                    if id == crate::builtins::BM_DICT_GET && argc == 3 {
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
                op::GET_CLASS_ATTR => {
                    let class = self.class_operand(module, w!(1) as u32);
                    let name = self.mods[module].name_ids[w!(2)];
                    let value = tri!(self.class_attr(&class, name));
                    set!(a, value);
                    pc += 3;
                }
                op::GET_CLASS_OF => {
                    let value = match &reg!(w!(1)) {
                        Value::Instance(inst) => Value::Class(inst.class.clone()),
                        other => other.clone(),
                    };
                    set!(a, value);
                    pc += 2;
                }
                op::BIND_METHOD => {
                    let obj = reg!(w!(1)).clone();
                    let name = self.mods[module].name_ids[w!(2)];
                    let value = match &obj {
                        Value::Instance(inst) => match inst.class.method(name) {
                            Some((_, fobj, MethodKind::Static)) => Value::Function(fobj.clone()),
                            Some((_, fobj, MethodKind::Class)) => Value::BoundMethod(Rc::new((
                                Value::Class(inst.class.clone()),
                                Value::Function(fobj.clone()),
                            ))),
                            Some((_, fobj, MethodKind::Instance)) => {
                                Value::BoundMethod(Rc::new((obj.clone(), Value::Function(fobj.clone()))))
                            }
                            None => {
                                let text = self.name_table[name as usize].clone();
                                tri!(Err(self.attribute_error(&inst.class.name, &text)))
                            }
                        },
                        Value::Class(class) => tri!(self.class_attr(class, name)),
                        _ => Value::None,
                    };
                    set!(a, value);
                    pc += 3;
                }
                op::BIND_BMETHOD => {
                    let obj = reg!(w!(1)).clone();
                    set!(a, Value::BMethod(Rc::new((obj, w!(2) as u32))));
                    pc += 3;
                }
                op::BUILD_LIST | op::BUILD_TUPLE | op::BUILD_SET | op::UNPACK | op::CONCAT => {
                    let n = w!(1);
                    let opcode = word as u8;
                    if opcode == op::CONCAT {
                        // f-string pieces: strs are copied, other values converted with str().
                        let mut text = std::mem::take(&mut self.scratch);
                        text.clear();
                        let mut failure = None;
                        for idx in 0..n {
                            match &reg!(w!(2 + idx)) {
                                Value::Str(piece) => text.push_str(piece.as_str()),
                                Value::Int(v) => {
                                    use std::fmt::Write as _;
                                    let _ = write!(text, "{v}");
                                }
                                other => {
                                    let other = other.clone();
                                    match self.py_str(&other) {
                                        Ok(piece) => text.push_str(&piece),
                                        Err(err) => {
                                            failure = Some(err);
                                            break;
                                        }
                                    }
                                }
                            }
                        }
                        let value = self.small_str(&text);
                        self.scratch = text;
                        if let Some(err) = failure {
                            tri!(Err(err));
                        }
                        set!(a, value);
                        pc += 2 + n;
                        continue;
                    }
                    if opcode == op::UNPACK {
                        let source = reg!(a).clone();
                        let items = tri!(self.unpack(&source, n));
                        for (idx, item) in items.into_iter().enumerate() {
                            set!(w!(2 + idx), item);
                        }
                        pc += 2 + n;
                        continue;
                    }
                    let mut items = Vec::with_capacity(n);
                    for idx in 0..n {
                        items.push(reg!(w!(2 + idx)).clone());
                    }
                    let value = match opcode {
                        op::BUILD_LIST => Value::list(items),
                        op::BUILD_TUPLE => Value::tuple(items),
                        op::CONCAT => {
                            let mut text = String::new();
                            for item in &items {
                                if let Value::Str(s) = item {
                                    text.push_str(s.as_str());
                                }
                            }
                            Value::str(text)
                        }
                        _ => {
                            let mut set = crate::value::new_set();
                            for item in items {
                                let key_ = tri!(self.key(item));
                                set.insert(key_);
                            }
                            Value::Set(Rc::new(RefCell::new(set)))
                        }
                    };
                    set!(a, value);
                    pc += 2 + n;
                }
                op::BUILD_DICT => {
                    let n = w!(1);
                    let mut dict = crate::value::new_dict();
                    for idx in 0..n {
                        let key = reg!(w!(2 + 2 * idx)).clone();
                        let value = reg!(w!(3 + 2 * idx)).clone();
                        let key_ = tri!(self.key(key));
                        dict.insert(key_, value);
                    }
                    set!(a, Value::Dict(Rc::new(RefCell::new(dict))));
                    pc += 2 + 2 * n;
                }
                op::LIST_APPEND => {
                    let item = reg!(w!(1)).clone();
                    if let Value::List(list) = &reg!(a) {
                        list.borrow_mut().push(item);
                    }
                    pc += 2;
                }
                op::SET_ADD => {
                    let item = reg!(w!(1)).clone();
                    let key_ = tri!(self.key(item));
                    if let Value::Set(set) = &reg!(a) {
                        set.borrow_mut().insert(key_);
                    }
                    pc += 2;
                }
                op::DICT_INSERT => {
                    let key = reg!(w!(1)).clone();
                    let value = reg!(w!(2)).clone();
                    let key_ = tri!(self.key(key));
                    if let Value::Dict(dict) = &reg!(a) {
                        dict.borrow_mut().insert(key_, value);
                    }
                    pc += 3;
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
                    let value = reg!(w!(2)).clone();
                    let done = match (&reg!(a), &reg!(w!(1))) {
                        (Value::List(list), Value::Int(i)) if *i >= 0 => match list.borrow_mut().get_mut(*i as usize) {
                            Some(Value::Bool(slot)) if matches!(value, Value::Bool(_)) => {
                                *slot = matches!(value, Value::Bool(true));
                                true
                            }
                            Some(slot) => {
                                crate::value::assign(slot, value.clone());
                                true
                            }
                            None => false,
                        },
                        (Value::Dict(dict), key) if matches!(key, Value::Str(_) | Value::Int(_)) => {
                            dict.borrow_mut().insert(Key::native(key.clone()), value.clone());
                            true
                        }
                        _ => false,
                    };
                    if !done {
                        let (obj, idx) = (reg!(a).clone(), reg!(w!(1)).clone());
                        save_pc!(pc);
                        tri!(self.store_index(&obj, &idx, value));
                    }
                    pc += 3;
                }
                op::DEL_INDEX => {
                    let (obj, idx) = (reg!(a).clone(), reg!(w!(1)).clone());
                    tri!(self.del_index(&obj, &idx));
                    pc += 2;
                }
                op::SLICE => {
                    let opt = |this: &Self, r: usize| {
                        if r as u32 == NO_REG { None } else { Some(this.regs[base + r].clone()) }
                    };
                    let obj = reg!(w!(1)).clone();
                    let (lo, hi, step) = (opt(self, w!(2)), opt(self, w!(3)), opt(self, w!(4)));
                    let value = tri!(self.slice(&obj, lo, hi, step));
                    set!(a, value);
                    pc += 5;
                }
                op::FORMAT => {
                    let value = reg!(w!(1)).clone();
                    let spec = if w!(3) as u32 == NO_REG { None } else { Some(reg!(w!(3)).clone()) };
                    save_pc!(pc);
                    let text = tri!(self.format_field(&value, w!(2) as u32, spec.as_ref()));
                    set!(a, Value::str(text));
                    pc += 4;
                }
                op::RAISE | op::RERAISE => {
                    let value = reg!(a).clone();
                    let exc = match value {
                        Value::Class(class) => tri!(self.construct(&class, Vec::new())),
                        other => other,
                    };
                    let keep = word as u8 == op::RERAISE && self.tb_exc.as_ref().is_some_and(|e| e.is(&exc));
                    if !keep {
                        self.tb.clear();
                        self.tb_exc = Some(exc.clone());
                    }
                    save_pc!(pc);
                    return Err(Exc::Raised(exc));
                }
                op::EXC_MATCH => {
                    let class = self.class_operand(module, w!(2) as u32);
                    let matched = match &reg!(w!(1)) {
                        Value::Instance(inst) => inst.class.is_subclass_of(&class),
                        _ => false,
                    };
                    set!(a, Value::Bool(matched));
                    pc += 3;
                }
                op::INIT_MODULE => {
                    let dep = self.mods[module].deps[a];
                    pc += 1;
                    // A namespace package has no code of its own (`usize::MAX`).
                    if dep < self.mods.len() && self.mods[dep].state == InitState::NotStarted {
                        self.mods[dep].state = InitState::Running;
                        save_pc!(pc);
                        let init = self.mods[dep].arch.init.to_native() as usize;
                        let fobj = self.mods[dep].func_objs[init].clone();
                        tri!(self.push_frame(&fobj, Vec::new(), NO_REG, false));
                        reload!();
                    }
                }
                _ => {
                    // The verifier rejects unknown opcodes; stay total anyway.
                    return Err(self.runtime_exc("SystemError", "bad opcode".into()));
                }
            }
        }
    }
}

/// What the interpreter loop does after an out-of-line instruction.
enum Step {
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
