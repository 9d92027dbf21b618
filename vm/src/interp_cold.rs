//! The rare instructions of the interpreter loop, kept out of line so that the hot ones
//! in `interp.rs` compile with fewer spills: calls through imports, methods and
//! constructors, closures, class definitions, container building, formatting, raising.

use std::cell::RefCell;
use std::rc::Rc;

use rkyv::rend::u32_le;

use crate::bytecode::{BinOp, NO_REG, op};
use crate::calls::set_exception_args;
use crate::interp::{CallTarget, Exc, ExcLink, InitState, Resolved, Step, Vm, VmResult, names};
use crate::value::{FuncObj, InitKind, MethodKind, Value};

impl<'p> Vm<'p> {
    /// The rare instructions of `run_inner`, out of line.
    #[inline(never)]
    #[allow(clippy::needless_return, unused_macros, unused_assignments)]
    pub(crate) fn cold_op(
        &mut self,
        word: u32,
        code: &'p [u32_le],
        pc: usize,
        base: usize,
        module: usize,
    ) -> VmResult<Step> {
        let a = (word >> 8) as usize;
        let mut pc = pc;
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
                $e?
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

        match word as u8 {
            op::LOAD_IMPORT => {
                let value = match &self.mods[module].imports[w!(1)] {
                    Resolved::Func(f) => Value::Function(f.clone()),
                    Resolved::Class(c) => Value::Class(c.clone()),
                    Resolved::Global(m, g) => {
                        let (m, g) = (*m, *g);
                        let value = self.mods.get(m).and_then(|md| md.globals.get(g)).cloned().unwrap_or_default();
                        if matches!(value, Value::Unbound) {
                            return Err(self.unbound_global(m, g));
                        }
                        value
                    }
                };
                set!(a, value);
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
                        match self.frames.last().and_then(|f| f.closure.as_ref()).and_then(|c| c.cells.get(spec >> 1)) {
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
                // The default of the dataclass `__init__`, and the class attribute of that
                // name (which instances that have not set the field read, as in CPython).
                let class = self.class_operand(module, w!(1) as u32);
                let value = reg!(a).clone();
                if let Some(entry) = class.field_defaults.borrow_mut().get_mut(w!(2)) {
                    *entry = Some(value.clone());
                }
                if let Some(&name) = class.field_ids.get(w!(2)) {
                    let mut attrs = class.attrs.borrow_mut();
                    match attrs.iter_mut().find(|(n, _)| *n == name) {
                        Some(entry) => entry.1 = value,
                        None => attrs.push((name, value)),
                    }
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
            op::POS => {
                let value = match &reg!(w!(1)) {
                    Value::Bool(b) => Value::Int(i64::from(*b)),
                    other => other.clone(),
                };
                set!(a, value);
                pc += 2;
            }
            op::INVERT => {
                let x = reg!(w!(1)).clone();
                let value = tri!(self.invert(&x));
                set!(a, value);
                pc += 2;
            }
            op::GET_ITER => {
                let source = reg!(w!(1)).clone();
                let iter = tri!(self.get_iter(&source));
                set!(a, iter);
                pc += 2;
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
                        return Ok(Step::Reload);
                    }
                    Value::BoundMethod(bound) if matches!(bound.1, Value::Function(_)) => {
                        let mut all = Vec::with_capacity(args.len() + 1);
                        all.push(Some(bound.0.clone()));
                        all.extend(args);
                        if let Value::Function(fobj) = &bound.1 {
                            tri!(self.push_frame(fobj, all, a as u32, false));
                        }
                        return Ok(Step::Reload);
                    }
                    _ => {
                        let args: Vec<Value> = args.into_iter().map(Option::unwrap_or_default).collect();
                        let value = tri!(self.call_value(&callee, args));
                        set!(a, value);
                        pc = next_pc;
                    }
                }
            }
            op::GET_CLASS_ATTR => {
                let class = self.class_operand(module, w!(1) as u32);
                let name = self.mods[module].name_ids[w!(2)];
                let value = tri!(self.class_attr(&class, name));
                set!(a, value);
                pc += 3;
            }
            op::GET_CLASS_ATTR_OF => {
                let class = match &reg!(w!(1)) {
                    Value::Instance(inst) => Some(inst.class.clone()),
                    Value::Class(class) => Some(class.clone()),
                    _ => None,
                };
                let name = self.mods[module].name_ids[w!(2)];
                let value = match class {
                    Some(class) => tri!(self.class_attr(&class, name)),
                    None => {
                        let obj = reg!(w!(1)).clone();
                        tri!(Err(self.field_error(&obj)))
                    }
                };
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
                                crate::runtime::push_decimal(&mut text, *v);
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
                    return Ok(Step::Next(pc));
                }
                if opcode == op::UNPACK {
                    let source = reg!(a).clone();
                    let items = tri!(self.unpack(&source, n));
                    for (idx, item) in items.into_iter().enumerate() {
                        set!(w!(2 + idx), item);
                    }
                    pc += 2 + n;
                    return Ok(Step::Next(pc));
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
                        let set = Rc::new(RefCell::new(crate::value::new_set()));
                        for item in items {
                            let key_ = tri!(self.key(item));
                            tri!(self.set_add(&set, key_));
                        }
                        Value::Set(set)
                    }
                };
                set!(a, value);
                pc += 2 + n;
            }
            op::BUILD_DICT => {
                let n = w!(1);
                let dict = Rc::new(RefCell::new(crate::value::new_dict()));
                for idx in 0..n {
                    let key = reg!(w!(2 + 2 * idx)).clone();
                    let value = reg!(w!(3 + 2 * idx)).clone();
                    let key_ = tri!(self.key(key));
                    tri!(self.dict_set(&dict, key_, value));
                }
                set!(a, Value::Dict(dict));
                pc += 2 + 2 * n;
            }
            op::SET_ADD => {
                let item = reg!(w!(1)).clone();
                let key_ = tri!(self.key(item));
                if let Value::Set(set) = reg!(a).clone() {
                    tri!(self.set_add(&set, key_));
                }
                pc += 2;
            }
            op::DICT_INSERT => {
                let key = reg!(w!(1)).clone();
                let value = reg!(w!(2)).clone();
                let key_ = tri!(self.key(key));
                if let Value::Dict(dict) = reg!(a).clone() {
                    tri!(self.dict_set(&dict, key_, value));
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
            op::RERAISE if a as u32 == NO_REG => {
                // The handlers still running are judged from where each frame is now.
                save_pc!(pc);
                let handled = self.chain.caught.iter().rev().find(|caught| self.is_handling(caught));
                let exc = match handled {
                    Some(caught) => caught.exc.clone(),
                    None => {
                        let err = self.runtime_exc("RuntimeError", "No active exception to reraise".into());
                        tri!(Err(err))
                    }
                };
                self.tb.clear();
                self.tb_exc = Some(exc.clone());
                save_pc!(pc);
                return Err(Exc::Raised(exc));
            }
            op::RAISE | op::RERAISE => {
                let value = reg!(a).clone();
                let exc = match value {
                    Value::Class(class) => tri!(self.construct(&class, Vec::new())),
                    other => other,
                };
                let reraise = word as u8 == op::RERAISE;
                let depth = self.frames.len();
                let caught = if reraise {
                    self.chain.caught.iter().rev().find(|caught| caught.depth == depth && caught.exc.is(&exc))
                } else {
                    None
                };
                if let Some(caught) = caught {
                    // A re-raise goes on with the traceback as it was caught here, without
                    // this frame's entry, which the unwinding adds again at the same line.
                    self.chain.reraise_pc = Some(caught.pc);
                    let kept = &caught.tb[..caught.tb.len().saturating_sub(1)];
                    self.tb.clear();
                    self.tb.extend_from_slice(kept);
                    self.tb_exc = Some(exc.clone());
                } else if !(reraise && self.tb_exc.as_ref().is_some_and(|e| e.is(&exc))) {
                    self.tb.clear();
                    self.tb_exc = Some(exc.clone());
                }
                save_pc!(pc);
                return Err(Exc::Raised(exc));
            }
            op::SET_CAUSE => {
                let (exc, cause) = (reg!(a).clone(), reg!(w!(1)).clone());
                let cause = if matches!(cause, Value::None) { None } else { Some(cause) };
                self.set_link(exc, ExcLink { cause, context: None, suppress_context: true });
                pc += 2;
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
                    return Ok(Step::Reload);
                }
            }
            // The verifier rejects unknown opcodes; stay total anyway.
            _ => return Err(self.runtime_exc("SystemError", "bad opcode".into())),
        }
        Ok(Step::Next(pc))
    }

    /// Calls through imports, methods and constructors (see `run_inner`). The arms keep
    /// the loop's shape (each one ends by saying where execution continues).
    #[inline(never)]
    #[allow(clippy::needless_return)]
    pub(crate) fn call_family(
        &mut self,
        word: u32,
        code: &'p [u32_le],
        pc: usize,
        base: usize,
        module: usize,
    ) -> VmResult<Step> {
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
            op::CALL_METHOD_OF | op::CALL_METHOD_STATIC | op::CALL_STATIC_OF => (4, w!(3)),
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
            op::CALL_STATIC_OF => {
                let name = self.mods[module].name_ids[w!(2)];
                let class = match &reg!(w!(1)) {
                    Value::Instance(inst) => inst.class.clone(),
                    Value::Class(class) => class.clone(),
                    other => {
                        let other = other.clone();
                        tri2!(Err(self.field_error(&other)))
                    }
                };
                match class.method(name) {
                    Some((_, fobj, _)) => CallTarget::Func(fobj.clone()),
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
}
