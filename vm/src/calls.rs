//! Calls, construction and iteration: the parts of the interpreter that run outside
//! its dispatch loop (function entry, instance creation, method lookup, iterator steps).

use std::cell::RefCell;
use std::rc::Rc;

use crate::bytecode::{ArchivedFunction, CLASS_IMPORT_BIT, CmpOp, NO_REG};
use crate::interp::{CallTarget, Exc, Frame, MAX_NATIVE_DEPTH, Resolved, Vm, VmResult, names};
use crate::value::{Class, FuncObj, InitKind, Instance, MethodKind, Value};

impl Vm<'_> {
    #[inline(never)]
    pub(crate) fn class_operand(&self, module: usize, operand: u32) -> Rc<Class> {
        if operand & CLASS_IMPORT_BIT != 0 {
            match &self.mods[module].imports[(operand & !CLASS_IMPORT_BIT) as usize] {
                Resolved::Class(class) => class.clone(),
                // The linker resolves class imports to classes only.
                _ => self.exc_classes[0].clone(),
            }
        } else {
            self.mods[module].classes[operand as usize].clone()
        }
    }

    /// Pushes a frame for `fobj`, whose arguments are already in `args` (`None` = default).
    #[inline(never)]
    pub(crate) fn push_frame(
        &mut self,
        fobj: &Rc<FuncObj>,
        args: Vec<Option<Value>>,
        ret: u32,
        boundary: bool,
    ) -> VmResult<()> {
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        let info = &self.mods[fobj.module as usize].funcs[fobj.func as usize];
        let (code, n_regs, n_params) = (info.code, info.n_regs, info.n_params);
        if args.len() > n_params {
            let name = info.arch.name.as_str().to_owned();
            return Err(self
                .type_error(format!("{name}() takes {n_params} positional arguments but {} were given", args.len())));
        }
        let new_base = self.top;
        self.grow(new_base + n_regs);
        let n_args = args.len();
        for (idx, arg) in args.into_iter().enumerate() {
            let value = match arg {
                Some(value) => value,
                None => self.default_of(fobj, idx)?,
            };
            crate::value::assign(&mut self.regs[new_base + idx], value);
        }
        for idx in n_args..n_params {
            let value = self.default_of(fobj, idx)?;
            crate::value::assign(&mut self.regs[new_base + idx], value);
        }
        self.top = new_base + n_regs;
        if let Err(err) = self.tick() {
            self.release(new_base);
            return Err(err);
        }
        let closure = if fobj.cells.is_empty() { None } else { Some(fobj.clone()) };
        self.frames.push(Frame {
            code,
            pc: 0,
            base: new_base,
            module: fobj.module,
            func: fobj.func,
            ret,
            closure,
            boundary,
        });
        Ok(())
    }

    /// Pushes a frame for `fobj` whose arguments are registers of the caller named by the
    /// `argc` words at `code[at..]` (`NO_REG` = the default), after an optional first
    /// argument (`self` of a constructor).
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    pub(crate) fn enter(
        &mut self,
        fobj: &Rc<FuncObj>,
        code: &[rkyv::rend::u32_le],
        at: usize,
        argc: usize,
        base: usize,
        prefix: Option<Value>,
        ret: u32,
    ) -> VmResult<()> {
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        let info = &self.mods[fobj.module as usize].funcs[fobj.func as usize];
        let (callee_code, n_regs, n_params) = (info.code, info.n_regs, info.n_params);
        let n_given = argc + usize::from(prefix.is_some());
        if n_given > n_params {
            let name = info.arch.name.as_str().to_owned();
            return Err(
                self.type_error(format!("{name}() takes {n_params} positional arguments but {n_given} were given"))
            );
        }
        let new_base = self.top;
        self.grow(new_base + n_regs);
        let mut slot = 0;
        if let Some(first) = prefix {
            crate::value::assign(&mut self.regs[new_base], first);
            slot = 1;
        }
        for idx in 0..argc {
            let r = code.get(at + idx).map_or(NO_REG, |w| w.to_native());
            let value = if r == NO_REG {
                self.default_of(fobj, slot)?
            } else {
                self.regs.get(base + r as usize).cloned().unwrap_or_default()
            };
            crate::value::assign(&mut self.regs[new_base + slot], value);
            slot += 1;
        }
        for idx in slot..n_params {
            let value = self.default_of(fobj, idx)?;
            crate::value::assign(&mut self.regs[new_base + idx], value);
        }
        self.top = new_base + n_regs;
        if let Err(err) = self.tick() {
            self.release(new_base);
            return Err(err);
        }
        let closure = if fobj.cells.is_empty() { None } else { Some(fobj.clone()) };
        self.frames.push(Frame {
            code: callee_code,
            pc: 0,
            base: new_base,
            module: fobj.module,
            func: fobj.func,
            ret,
            closure,
            boundary: false,
        });
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn default_of(&mut self, fobj: &Rc<FuncObj>, idx: usize) -> VmResult<Value> {
        if let Some(Some(value)) = fobj.defaults.borrow().get(idx) {
            return Ok(value.clone());
        }
        let info = &self.mods[fobj.module as usize].funcs[fobj.func as usize];
        let name = info.arch.name.as_str().to_owned();
        let param = info.arch.params.get(idx).map(|p| p.name.as_str().to_owned()).unwrap_or_default();
        Err(self.type_error(format!("{name}() missing 1 required positional argument: '{param}'")))
    }

    /// Calls any callable value from native code and runs it to completion.
    #[inline(never)]
    pub(crate) fn call_value(&mut self, callee: &Value, args: Vec<Value>) -> VmResult<Value> {
        match callee {
            Value::Function(fobj) => self.call_function(fobj, args.into_iter().map(Some).collect()),
            Value::BoundMethod(bound) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(bound.0.clone());
                all.extend(args);
                self.call_value(&bound.1.clone(), all)
            }
            Value::Builtin(id) => self.call_builtin(*id, &args, &[]),
            Value::Native(id) => self.call_native(*id, args.into_iter().map(Some).collect()),
            Value::BMethod(bound) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(bound.0.clone());
                all.extend(args);
                self.call_bmethod(bound.1, &all.into_iter().map(Some).collect::<Vec<_>>())
            }
            Value::Class(class) => self.construct(class, args.into_iter().map(Some).collect()),
            other => Err(self.type_error(format!("'{}' object is not callable", other.type_name()))),
        }
    }

    /// Runs a guest function to completion (re-entering the loop).
    #[inline(never)]
    pub(crate) fn call_function(&mut self, fobj: &Rc<FuncObj>, args: Vec<Option<Value>>) -> VmResult<Value> {
        if self.native_depth >= MAX_NATIVE_DEPTH {
            return Err(self.recursion_error());
        }
        let depth = self.frames.len();
        self.push_frame(fobj, args, NO_REG, true)?;
        self.native_depth += 1;
        let result = self.run_frames(depth);
        self.native_depth -= 1;
        result
    }

    /// Creates an instance and runs its initialiser to completion.
    #[inline(never)]
    pub(crate) fn construct(&mut self, class: &Rc<Class>, args: Vec<Option<Value>>) -> VmResult<Value> {
        let instance = self.allocate(class);
        let init = class.init.borrow().clone();
        match init {
            InitKind::User(fobj) => {
                if class.is_exception {
                    set_exception_args(&instance, args.iter().cloned().map(Option::unwrap_or_default).collect());
                }
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(Some(instance.clone()));
                all.extend(args);
                self.call_function(&fobj, all)?;
            }
            InitKind::Dataclass => self.dataclass_init(class, &instance, args)?,
            InitKind::Exception => {
                set_exception_args(&instance, args.into_iter().map(Option::unwrap_or_default).collect())
            }
            InitKind::None => {}
        }
        Ok(instance)
    }

    /// The value of class attribute `name` (an interned name) as seen from `class`: the
    /// first class of its chain that has one, declared in its body (a constant, a field
    /// default or an override of an inherited one) or assigned later (`C.name = v`).
    pub(crate) fn class_level_value(class: &Rc<Class>, name: u32) -> Option<Value> {
        let mut current = Some(class.clone());
        while let Some(cls) = current {
            if let Some((_, value)) = cls.attrs.borrow().iter().find(|(n, _)| *n == name) {
                return Some(value.clone());
            }
            current = cls.base.clone();
        }
        None
    }

    /// `getattr(value, name)` for what a format field names (`{0.x}`): an instance's
    /// field (or the class attribute it falls back to), else `AttributeError`.
    pub(crate) fn attribute_by_name(&mut self, value: &Value, name: &str) -> VmResult<Value> {
        if let Value::Instance(inst) = value {
            if let Some(slot) = inst.class.fields.iter().position(|field| field == name) {
                let field = inst.fields.borrow().get(slot).cloned().unwrap_or(Value::Unbound);
                if !matches!(field, Value::Unbound) {
                    return Ok(field);
                }
            }
            let id = self.name_table.iter().position(|n| n == name);
            if let Some(found) = id.and_then(|id| Self::class_level_value(&inst.class, id as u32)) {
                return Ok(found);
            }
            let class = inst.class.name.clone();
            return Err(self.attribute_error(&class, name));
        }
        let type_name = value.type_name();
        Err(self.attribute_error(&type_name, name))
    }

    #[inline(never)]
    pub(crate) fn allocate(&self, class: &Rc<Class>) -> Value {
        // Every field starts unassigned: reading one the program has not set gives the
        // class attribute of that name (a class-body default is one), as in CPython.
        let mut fields: Vec<Value> = std::iter::repeat_with(|| Value::Unbound).take(class.slot_count()).collect();
        if class.is_exception {
            let slot = class.args_slot();
            fields[slot] = Value::tuple(Vec::new());
        }
        Value::Instance(Rc::new(Instance { class: class.clone(), fields: RefCell::new(fields) }))
    }

    #[inline(never)]
    pub(crate) fn dataclass_init(
        &mut self,
        class: &Rc<Class>,
        instance: &Value,
        args: Vec<Option<Value>>,
    ) -> VmResult<()> {
        let Value::Instance(inst) = instance else { return Ok(()) };
        for slot in 0..class.fields.len() {
            let value = match args.get(slot).cloned().flatten() {
                Some(value) => value,
                None => match class.field_defaults.borrow().get(slot).cloned().flatten() {
                    Some(default) => default,
                    None => {
                        return Err(self.type_error(format!(
                            "{}.__init__() missing 1 required positional argument: '{}'",
                            class.name, class.fields[slot]
                        )));
                    }
                },
            };
            inst.fields.borrow_mut()[slot] = value;
        }
        if let Some((_, post_init, _)) = class.method(names::POST_INIT) {
            let post_init = post_init.clone();
            self.call_function(&post_init, vec![Some(instance.clone())])?;
        }
        Ok(())
    }

    #[inline(never)]
    pub(crate) fn defaults_vector(&self, module: usize, func: usize, values: Vec<Option<Value>>) -> Vec<Option<Value>> {
        let params = &self.mods[module].funcs[func].arch.params;
        let mut values = values.into_iter();
        params.iter().map(|param| if param.has_default { values.next().flatten() } else { None }).collect()
    }

    #[inline(never)]
    pub(crate) fn dispatch_method(&mut self, name: u32, receiver: Option<Value>) -> VmResult<CallTarget> {
        match receiver {
            Some(Value::Instance(inst)) => match inst.class.method(name) {
                Some((_, fobj, _)) => Ok(CallTarget::Func(fobj.clone())),
                None if name == names::INIT => Ok(CallTarget::SuperInit(inst.class.clone())),
                None => {
                    let text = self.name_table[name as usize].clone();
                    Err(self.attribute_error(&inst.class.name, &text))
                }
            },
            Some(Value::Class(class)) => match class.method(name) {
                Some((_, fobj, _)) => Ok(CallTarget::Func(fobj.clone())),
                None => {
                    let text = self.name_table[name as usize].clone();
                    Err(self.attribute_error(&class.name, &text))
                }
            },
            other => {
                let text = self.name_table[name as usize].clone();
                let type_name = other.map(|v| v.type_name()).unwrap_or_default();
                Err(self.attribute_error(&type_name, &text))
            }
        }
    }

    #[inline(never)]
    pub(crate) fn construct_without_user_init(
        &mut self,
        class: &Rc<Class>,
        instance: Value,
        args: Vec<Option<Value>>,
    ) -> VmResult<Value> {
        let init = class.init.borrow().clone();
        match init {
            InitKind::Dataclass => self.dataclass_init(class, &instance, args)?,
            InitKind::Exception => {
                set_exception_args(&instance, args.into_iter().map(Option::unwrap_or_default).collect())
            }
            InitKind::User(fobj) => {
                let mut all = vec![Some(instance.clone())];
                all.extend(args);
                self.call_function(&fobj, all)?;
            }
            InitKind::None => {}
        }
        Ok(instance)
    }

    #[inline(never)]
    pub(crate) fn class_attr(&mut self, class: &Rc<Class>, name: u32) -> VmResult<Value> {
        // Field defaults declared in a class body are attributes of that class too.
        if let Some(value) = Self::class_level_value(class, name) {
            return Ok(value);
        }
        match class.method(name) {
            Some((_, fobj, MethodKind::Class)) => {
                Ok(Value::BoundMethod(Rc::new((Value::Class(class.clone()), Value::Function(fobj.clone())))))
            }
            Some((_, fobj, _)) => Ok(Value::Function(fobj.clone())),
            None => {
                let text = self.name_table[name as usize].clone();
                Err(self.attribute_error(&class.name, &text))
            }
        }
    }

    #[inline(never)]
    pub(crate) fn field_error(&mut self, obj: &Value) -> Exc {
        match obj {
            Value::None => self.runtime_exc("AttributeError", "'NoneType' object has no attribute".into()),
            other => {
                let name = other.type_name();
                self.runtime_exc("AttributeError", format!("'{name}' object has no such attribute"))
            }
        }
    }

    #[inline(never)]
    pub(crate) fn attribute_error(&mut self, type_name: &str, attr: &str) -> Exc {
        self.runtime_exc("AttributeError", format!("'{type_name}' object has no attribute '{attr}'"))
    }
}

/// Stores `args` as an exception's arguments tuple.
pub(crate) fn set_exception_args(instance: &Value, args: Vec<Value>) {
    if let Value::Instance(inst) = instance {
        let slot = inst.class.args_slot();
        if let Some(entry) = inst.fields.borrow_mut().get_mut(slot) {
            *entry = Value::tuple(args);
        }
    }
}

pub(crate) fn int_cmp(cmp: CmpOp, x: i64, y: i64) -> bool {
    match cmp {
        CmpOp::Eq | CmpOp::Is => x == y,
        CmpOp::Ne | CmpOp::IsNot => x != y,
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
        CmpOp::In | CmpOp::NotIn => false,
    }
}

pub(crate) fn float_cmp(cmp: CmpOp, x: f64, y: f64) -> bool {
    match cmp {
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
        CmpOp::Is => x.to_bits() == y.to_bits(),
        CmpOp::IsNot => x.to_bits() != y.to_bits(),
        CmpOp::In | CmpOp::NotIn => false,
    }
}

/// The source line of the instruction at `pc`.
pub(crate) fn line_at(func: &ArchivedFunction, pc: usize) -> u32 {
    let mut line = func.first_line.to_native();
    for entry in func.lines.iter() {
        if entry.pc.to_native() as usize > pc {
            break;
        }
        line = entry.line.to_native();
    }
    line
}
