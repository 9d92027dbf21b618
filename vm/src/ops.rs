//! Generic value operations with Python's semantics: arithmetic on the numeric tower,
//! comparisons, truthiness, `repr`/`str`, indexing, slicing and iteration.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use crate::bytecode::{BinOp, CmpOp};
use crate::calls::set_exception_args;
use crate::interp::{Exc, Vm, VmResult, names};
use crate::keyed::SetOp;
use crate::runtime::{self, ExcKind, Int, IntPow, RuntimeError, SliceIndices, float_ops, resolve_index};
use crate::value::{Key, Num, Provider, Value, hash_value, numeric};

impl Vm<'_> {
    /// An exception of the built-in class `class_name` with `message` as its argument.
    #[inline(never)]
    pub(crate) fn runtime_exc(&mut self, class_name: &str, message: String) -> Exc {
        let class = self
            .exc_classes
            .iter()
            .find(|class| class.name == class_name)
            .or_else(|| self.exc_classes.first())
            .cloned();
        let Some(class) = class else { return Exc::Raised(Value::None) };
        let instance = self.allocate(&class);
        let args =
            if message.is_empty() && class_name == "MemoryError" { Vec::new() } else { vec![Value::str(message)] };
        set_exception_args(&instance, args);
        self.tb.clear();
        self.tb_exc = Some(instance.clone());
        Exc::Raised(instance)
    }

    /// A string value for `text`, shared with an equal recent one when it is short.
    #[inline(never)]
    pub(crate) fn small_str(&mut self, text: &str) -> Value {
        if text.len() > 24 || self.str_cache.is_empty() {
            return Value::str(text);
        }
        let mut hash: u32 = 0x811c_9dc5;
        for byte in text.bytes() {
            hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
        let slot = (hash as usize) & (self.str_cache.len() - 1);
        if let Value::Str(cached) = &self.str_cache[slot]
            && cached.as_str() == text
        {
            return self.str_cache[slot].clone();
        }
        let value = Value::str(text);
        self.str_cache[slot] = value.clone();
        value
    }

    /// A one-character string; ASCII ones are shared, as CPython caches them.
    pub(crate) fn char_value(&self, c: char) -> Value {
        match self.ascii_chars.get(c as usize) {
            Some(value) => value.clone(),
            None => Value::str(c.to_string()),
        }
    }

    /// The error for reading an unassigned variable: `kind` 0 = a local
    /// (`UnboundLocalError`), 1 = a free variable, 2 = a module global (`NameError`).
    #[cold]
    #[inline(never)]
    pub(crate) fn unbound_error(&mut self, kind: usize, name: &str) -> Exc {
        match kind {
            0 => self.runtime_exc(
                "UnboundLocalError",
                format!("cannot access local variable '{name}' where it is not associated with a value"),
            ),
            1 => self.runtime_exc(
                "NameError",
                format!(
                    "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                ),
            ),
            _ => self.runtime_exc("NameError", format!("name '{name}' is not defined")),
        }
    }

    /// `unbound_error` for global `idx` of module `module`.
    #[cold]
    #[inline(never)]
    pub(crate) fn unbound_global(&mut self, module: usize, idx: usize) -> Exc {
        let name = self.mods[module].arch.globals.get(idx).map(|g| g.as_str().to_owned()).unwrap_or_default();
        self.unbound_error(2, &name)
    }

    #[inline(never)]
    pub(crate) fn type_error(&mut self, message: String) -> Exc {
        self.runtime_exc("TypeError", message)
    }

    #[inline(never)]
    pub(crate) fn recursion_error(&mut self) -> Exc {
        self.runtime_exc("RecursionError", "maximum recursion depth exceeded".into())
    }

    #[inline(never)]
    pub(crate) fn key_error(&mut self, key: &Value) -> Exc {
        let exc = self.runtime_exc("KeyError", String::new());
        if let Exc::Raised(instance) = &exc {
            set_exception_args(instance, vec![key.clone()]);
        }
        exc
    }

    /// Reading field `slot` of `obj`, which the instance has not set: as in CPython, the
    /// class attribute of that name (a class-body default, or a value assigned to the
    /// class or a subclass's override), looked up from the instance's own class, or
    /// `AttributeError`.
    #[cold]
    #[inline(never)]
    pub(crate) fn unassigned_field(&mut self, obj: &Value, slot: usize) -> VmResult<Value> {
        let (class, field) = match obj {
            Value::Instance(inst) => {
                let name = inst.class.field_ids.get(slot).copied();
                if let Some(value) = name.and_then(|name| Self::class_level_value(&inst.class, name)) {
                    return Ok(value);
                }
                (inst.class.name.clone(), inst.class.fields.get(slot).cloned().unwrap_or_default())
            }
            other => (other.type_name(), String::new()),
        };
        Err(self.attribute_error(&class, &field))
    }

    /// One step of a `for` over `range` whose bounds are not all machine ints (big ints,
    /// or bools, which the range turns into ints): the value to bind and the next
    /// position, or `None` when the range is exhausted.
    #[cold]
    #[inline(never)]
    pub(crate) fn range_next_slow(
        &mut self,
        cur: &Value,
        stop: &Value,
        step: &Value,
    ) -> VmResult<Option<(Value, Value)>> {
        let as_int = |value: &Value| match value {
            Value::Bool(b) => Value::Int(i64::from(*b)),
            other => other.clone(),
        };
        let (cur, stop, step) = (as_int(cur), as_int(stop), as_int(step));
        let upward = self.compare(CmpOp::Gt, &step, &Value::Int(0))?;
        let more = self.compare(if upward { CmpOp::Lt } else { CmpOp::Gt }, &cur, &stop)?;
        if !more {
            return Ok(None);
        }
        let next = self.binary(BinOp::Add, &cur, &step)?;
        Ok(Some((cur, next)))
    }

    /// Converts a runtime library error into a guest exception.
    #[inline(never)]
    pub(crate) fn rt(&mut self, err: RuntimeError) -> Exc {
        if err.kind == ExcKind::KeyError {
            // The message is the missing key (see `str_format`).
            return self.key_error(&Value::str(err.message));
        }
        let name = match err.kind {
            ExcKind::ComplexResult => "ValueError",
            other => other.class_name(),
        };
        self.runtime_exc(name, err.message)
    }

    pub(crate) fn int_of(&mut self, value: &Value) -> VmResult<Int> {
        match value.as_int() {
            Some(int) => Ok(int),
            None => {
                let name = value.type_name();
                Err(self.type_error(format!("'{name}' object cannot be interpreted as an integer")))
            }
        }
    }

    pub(crate) fn float_of(&mut self, value: &Value) -> VmResult<f64> {
        match value {
            Value::Float(f) => Ok(*f),
            other => match other.as_int() {
                Some(int) => int.to_f64().map_err(|e| self.rt(e)),
                None => {
                    let name = other.type_name();
                    Err(self.type_error(format!("must be real number, not {name}")))
                }
            },
        }
    }

    #[inline(never)]
    pub(crate) fn truthy(&mut self, value: &Value) -> VmResult<bool> {
        Ok(match value {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(v) => *v != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::List(list) => !list.borrow().is_empty(),
            Value::Tuple(items) => !items.is_empty(),
            Value::Dict(dict) => !dict.borrow().is_empty(),
            Value::Set(set) => !set.borrow().is_empty(),
            Value::Range(range) => range_len(range.0, range.1, range.2) > 0,
            Value::DictView(view) => !view.dict.borrow().is_empty(),
            Value::Instance(inst) => match inst.class.method(names::LEN) {
                Some((_, fobj, _)) => {
                    let fobj = fobj.clone();
                    let len = self.call_function(&fobj, vec![Some(value.clone())])?;
                    self.len_result(&len)? > 0
                }
                None => true,
            },
            _ => true,
        })
    }

    /// What a user `__len__` returned, checked as CPython's `slot_sq_length` does (for
    /// `len()` and truthiness alike).
    #[inline(never)]
    pub(crate) fn len_result(&mut self, result: &Value) -> VmResult<i64> {
        let Some(len) = self.int_of(result)?.as_i64() else {
            return Err(self.runtime_exc("OverflowError", "cannot fit 'int' into an index-sized integer".into()));
        };
        if len < 0 {
            return Err(self.runtime_exc("ValueError", "__len__() should return >= 0".into()));
        }
        Ok(len)
    }

    #[inline(never)]
    pub(crate) fn binary(&mut self, op: BinOp, left: &Value, right: &Value) -> VmResult<Value> {
        // Floats (and ints mixed with floats) first: the numeric tower.
        if let (Value::Float(_), _) | (_, Value::Float(_)) = (left, right)
            && let (Some(x), Some(y)) = (numeric(left), numeric(right))
        {
            let x = match x {
                Num::Float(f) => f,
                Num::Int(i) => i.to_f64().map_err(|e| self.rt(e))?,
            };
            let y = match y {
                Num::Float(f) => f,
                Num::Int(i) => i.to_f64().map_err(|e| self.rt(e))?,
            };
            let result = match op {
                BinOp::Add => Ok(x + y),
                BinOp::Sub => Ok(x - y),
                BinOp::Mul => Ok(x * y),
                BinOp::Div => float_ops::truediv(x, y),
                BinOp::FloorDiv => float_ops::floordiv(x, y),
                BinOp::Mod => float_ops::modulo(x, y),
                BinOp::Pow => float_ops::pow(x, y),
                _ => return Err(self.unsupported(op, left, right)),
            };
            return result.map(Value::Float).map_err(|e| self.rt(e));
        }
        if let (Some(x), Some(y)) = (left.as_int(), right.as_int()) {
            if let (Value::Bool(a), Value::Bool(b)) = (left, right) {
                match op {
                    BinOp::BitAnd => return Ok(Value::Bool(*a & *b)),
                    BinOp::BitOr => return Ok(Value::Bool(*a | *b)),
                    BinOp::BitXor => return Ok(Value::Bool(*a ^ *b)),
                    _ => {}
                }
            }
            let result = match op {
                BinOp::Add => Ok(x.add(&y)),
                BinOp::Sub => Ok(x.sub(&y)),
                BinOp::Mul => Ok(x.mul(&y)),
                BinOp::Div => return x.truediv(&y).map(Value::Float).map_err(|e| self.rt(e)),
                BinOp::FloorDiv => x.floordiv(&y),
                BinOp::Mod => x.modulo(&y),
                BinOp::Pow => match x.pow(&y) {
                    Ok(IntPow::Int(v)) => Ok(v),
                    Ok(IntPow::Float(f)) => return Ok(Value::Float(f)),
                    Err(e) => Err(e),
                },
                BinOp::LShift => x.shl(&y),
                BinOp::RShift => x.shr(&y),
                BinOp::BitOr => Ok(x.bitor(&y)),
                BinOp::BitXor => Ok(x.bitxor(&y)),
                BinOp::BitAnd => Ok(x.bitand(&y)),
            };
            return result.map(Value::from_int).map_err(|e| self.rt(e));
        }
        match (op, left, right) {
            (BinOp::Add, Value::Str(a), Value::Str(b)) => {
                let mut text = String::with_capacity(a.as_str().len() + b.as_str().len());
                text.push_str(a.as_str());
                text.push_str(b.as_str());
                Ok(Value::str(text))
            }
            (BinOp::Add, Value::List(a), Value::List(b)) => {
                let mut items = a.borrow().clone();
                items.extend(b.borrow().iter().cloned());
                Ok(Value::list(items))
            }
            (BinOp::Add, Value::Tuple(a), Value::Tuple(b)) => {
                let mut items = (**a).clone();
                items.extend(b.iter().cloned());
                Ok(Value::tuple(items))
            }
            (BinOp::Mul, Value::Str(s), n) | (BinOp::Mul, n, Value::Str(s)) if n.as_int().is_some() => {
                let count = self.repeat_count(n)?;
                runtime::str_ops::repeat(s.as_str(), count).map(Value::str).map_err(|e| self.rt(e))
            }
            (BinOp::Mul, Value::List(l), n) | (BinOp::Mul, n, Value::List(l)) if n.as_int().is_some() => {
                let count = self.repeat_count(n)?.max(0) as usize;
                let items = l.borrow();
                if items.len().saturating_mul(count) > 1 << 32 {
                    return Err(self.runtime_exc("MemoryError", String::new()));
                }
                let out = match items.as_slice() {
                    // `[False] * n` is the common case: writing the immediate directly
                    // lets the fill vectorise instead of cloning value by value.
                    [Value::Bool(b)] => (0..count).map(|_| Value::Bool(*b)).collect(),
                    [Value::Int(i)] => (0..count).map(|_| Value::Int(*i)).collect(),
                    [Value::Float(f)] => (0..count).map(|_| Value::Float(*f)).collect(),
                    [Value::None] => (0..count).map(|_| Value::None).collect(),
                    [single] => vec![single.clone(); count],
                    _ => {
                        let mut out = Vec::with_capacity(items.len() * count);
                        for _ in 0..count {
                            out.extend_from_slice(&items);
                        }
                        out
                    }
                };
                Ok(Value::list(out))
            }
            (BinOp::Mul, Value::Tuple(t), n) | (BinOp::Mul, n, Value::Tuple(t)) if n.as_int().is_some() => {
                let count = self.repeat_count(n)?.max(0) as usize;
                if t.len().saturating_mul(count) > 1 << 32 {
                    return Err(self.runtime_exc("MemoryError", String::new()));
                }
                let mut out = Vec::with_capacity(t.len() * count);
                for _ in 0..count {
                    out.extend(t.iter().cloned());
                }
                Ok(Value::tuple(out))
            }
            (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Value::Set(a), Value::Set(b)) => {
                let set_op = match op {
                    BinOp::BitOr => SetOp::Union,
                    BinOp::BitAnd => SetOp::Intersection,
                    BinOp::Sub => SetOp::Difference,
                    _ => SetOp::SymmetricDifference,
                };
                let result = self.set_operation(set_op, a, b)?;
                Ok(Value::Set(Rc::new(RefCell::new(result))))
            }
            (BinOp::Mod, Value::Str(template), args) => self.percent_format(template.as_str(), args),
            _ => Err(self.unsupported(op, left, right)),
        }
    }

    /// The count of `seq * n`, as CPython's `PyNumber_AsSsize_t(n, OverflowError)` reads it.
    fn repeat_count(&mut self, n: &Value) -> VmResult<i64> {
        match self.int_of(n)?.as_i64() {
            Some(count) => Ok(count),
            None => Err(self.runtime_exc("OverflowError", "cannot fit 'int' into an index-sized integer".into())),
        }
    }

    fn percent_format(&mut self, template: &str, args: &Value) -> VmResult<Value> {
        let items: Vec<Value> = match args {
            Value::Tuple(items) => (**items).clone(),
            other => vec![other.clone()],
        };
        let mut out = String::new();
        let mut next = 0;
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            let mut spec = String::new();
            while let Some(&d) = chars.peek() {
                if d.is_ascii_alphabetic() || d == '%' {
                    break;
                }
                spec.push(d);
                chars.next();
            }
            let Some(kind) = chars.next() else { break };
            if kind == '%' {
                out.push('%');
                continue;
            }
            let value = items.get(next).cloned().unwrap_or_default();
            next += 1;
            let text = match kind {
                's' => self.py_str(&value)?,
                'r' => self.repr(&value)?,
                'd' | 'i' => {
                    let int = match &value {
                        Value::Float(f) => Int::from_f64(f.trunc()).map_err(|e| self.rt(e))?,
                        other => self.int_of(other)?,
                    };
                    runtime::format_int(&int, &format!("{spec}d"), self.int_limit).map_err(|e| self.rt(e))?
                }
                'f' | 'e' | 'g' => {
                    let f = self.float_of(&value)?;
                    runtime::format_float(f, &format!("{spec}{kind}")).map_err(|e| self.rt(e))?
                }
                _ => String::new(),
            };
            if kind == 's' || kind == 'r' {
                out.push_str(&runtime::format_str(&text, &spec).map_err(|e| self.rt(e))?);
            } else {
                out.push_str(&text);
            }
        }
        Ok(Value::str(out))
    }

    fn unsupported(&mut self, op: BinOp, left: &Value, right: &Value) -> Exc {
        let (l, r) = (left.type_name(), right.type_name());
        let symbol = op.symbol();
        let symbol = if op == BinOp::Pow { "** or pow()" } else { symbol };
        self.type_error(format!("unsupported operand type(s) for {symbol}: '{l}' and '{r}'"))
    }

    #[inline(never)]
    pub(crate) fn unary_neg(&mut self, value: &Value) -> VmResult<Value> {
        match value {
            Value::Float(f) => Ok(Value::Float(-f)),
            other => match other.as_int() {
                Some(int) => Ok(Value::from_int(int.neg())),
                None => {
                    let name = other.type_name();
                    Err(self.type_error(format!("bad operand type for unary -: '{name}'")))
                }
            },
        }
    }

    #[inline(never)]
    pub(crate) fn invert(&mut self, value: &Value) -> VmResult<Value> {
        let int = self.int_of(value)?;
        Ok(Value::from_int(int.invert()))
    }

    /// `left op right` for every comparison operator.
    #[inline(never)]
    pub(crate) fn compare(&mut self, op: CmpOp, left: &Value, right: &Value) -> VmResult<bool> {
        match op {
            CmpOp::Eq => self.eq(left, right),
            CmpOp::Ne => match (left, right) {
                (Value::Instance(_), _) | (_, Value::Instance(_)) => self.rich_compare(op, left, right),
                _ => Ok(!self.eq(left, right)?),
            },
            CmpOp::Is => Ok(left.is(right)),
            CmpOp::IsNot => Ok(!left.is(right)),
            CmpOp::In => self.contains(right, left),
            CmpOp::NotIn => Ok(!self.contains(right, left)?),
            CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge => self.order_compare(op, left, right),
        }
    }

    /// `<`, `<=`, `>` and `>=`.
    fn order_compare(&mut self, op: CmpOp, left: &Value, right: &Value) -> VmResult<bool> {
        let ordering = match (left, right) {
            (Value::Int(a), Value::Int(b)) => Some(a.cmp(b)),
            (Value::Str(a), Value::Str(b)) => Some(a.as_str().cmp(b.as_str())),
            (Value::List(a), Value::List(b)) => {
                let (a, b) = (a.borrow().clone(), b.borrow().clone());
                return self.seq_compare(op, &a, &b);
            }
            (Value::Tuple(a), Value::Tuple(b)) => return self.seq_compare(op, a, b),
            (Value::Instance(_), _) | (_, Value::Instance(_)) => return self.rich_compare(op, left, right),
            (Value::Set(a), Value::Set(b)) => {
                let a_keys: Vec<Key> = a.borrow().iter().cloned().collect();
                let b_keys: Vec<Key> = b.borrow().iter().cloned().collect();
                let sub = a_keys.len() <= b_keys.len() && self.set_all_in(&a_keys, b)?;
                let sup = b_keys.len() <= a_keys.len() && self.set_all_in(&b_keys, a)?;
                match (sub, sup) {
                    (true, true) => Some(Ordering::Equal),
                    (true, false) => Some(Ordering::Less),
                    (false, true) => Some(Ordering::Greater),
                    _ => None,
                }
            }
            _ => match (numeric(left), numeric(right)) {
                (Some(a), Some(b)) => a.cmp(&b),
                _ => return Err(self.not_supported(op, left, right)),
            },
        };
        Ok(ordering_satisfies(op, ordering))
    }

    #[cold]
    #[inline(never)]
    fn not_supported(&mut self, op: CmpOp, left: &Value, right: &Value) -> Exc {
        let (l, r) = (left.type_name(), right.type_name());
        self.type_error(format!("'{}' not supported between instances of '{l}' and '{r}'", op.symbol()))
    }

    /// A comparison involving an instance, dispatched as CPython's `do_richcompare` does:
    /// the right operand's reflected method first when its class is a proper subclass of
    /// the left's, then the left operand's method, then the right's reflected one; a
    /// missing method counts as `NotImplemented`, and when every side declines, `==` and
    /// `!=` fall back to identity and the others raise `TypeError`.
    #[inline(never)]
    pub(crate) fn rich_compare(&mut self, op: CmpOp, left: &Value, right: &Value) -> VmResult<bool> {
        let reflected = reflected_op(op);
        let mut checked_reverse = false;
        if let (Value::Instance(l), Value::Instance(r)) = (left, right)
            && !Rc::ptr_eq(&l.class, &r.class)
            && r.class.is_subclass_of(&l.class)
        {
            checked_reverse = true;
            if let Some(result) = self.instance_compare(reflected, right, left)? {
                return Ok(result);
            }
        }
        if let Some(result) = self.instance_compare(op, left, right)? {
            return Ok(result);
        }
        if !checked_reverse && let Some(result) = self.instance_compare(reflected, right, left)? {
            return Ok(result);
        }
        match op {
            CmpOp::Eq => Ok(left.is(right)),
            CmpOp::Ne => Ok(!left.is(right)),
            _ => Err(self.not_supported(op, left, right)),
        }
    }

    /// `this.__op__(other)` when `this` is an instance: `None` stands for
    /// `NotImplemented` (no such method, or a generated one that declines).
    fn instance_compare(&mut self, op: CmpOp, this: &Value, other: &Value) -> VmResult<Option<bool>> {
        let Value::Instance(inst) = this else { return Ok(None) };
        let name = match op {
            CmpOp::Eq => names::EQ,
            CmpOp::Ne => names::NE,
            CmpOp::Lt => names::LT,
            CmpOp::Le => names::LE,
            CmpOp::Gt => names::GT,
            _ => names::GE,
        };
        let generates = |class: &crate::value::Class| match op {
            CmpOp::Eq => class.dataclass.is_some_and(|(_, _, eq)| eq),
            CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge => class.dataclass.is_some_and(|(_, order, _)| order),
            _ => false,
        };
        let owner_fields = match inst.class.provider(name, generates) {
            Provider::User(fobj) => {
                let fobj = fobj.clone();
                let result = self.call_function(&fobj, vec![Some(this.clone()), Some(other.clone())])?;
                return Ok(Some(self.truthy(&result)?));
            }
            Provider::Generated(owner) => Some(owner.fields.len()),
            Provider::Object => None,
        };
        match owner_fields {
            // A generated method compares the dataclass's fields of two instances of
            // exactly the same class (else `NotImplemented`).
            Some(n) => {
                let Value::Instance(o) = other else { return Ok(None) };
                if !Rc::ptr_eq(&o.class, &inst.class) {
                    return Ok(None);
                }
                if op == CmpOp::Eq && this.is(other) {
                    return Ok(Some(true));
                }
                let a: Vec<Value> = inst.fields.borrow().iter().take(n).cloned().collect();
                let b: Vec<Value> = o.fields.borrow().iter().take(n).cloned().collect();
                if op == CmpOp::Eq { Ok(Some(self.seq_eq(&a, &b)?)) } else { Ok(Some(self.seq_compare(op, &a, &b)?)) }
            }
            None => match op {
                // `object.__ne__` inverts whatever `__eq__` answers.
                CmpOp::Ne => Ok(self.instance_compare(CmpOp::Eq, this, other)?.map(|equal| !equal)),
                // `object.__eq__`: identity, else `NotImplemented`.
                CmpOp::Eq => Ok(if this.is(other) { Some(true) } else { None }),
                _ => Ok(None),
            },
        }
    }

    /// Python's `==`.
    #[inline(never)]
    pub(crate) fn eq(&mut self, left: &Value, right: &Value) -> VmResult<bool> {
        Ok(match (left, right) {
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Str(a), Value::Str(b)) => a.as_str() == b.as_str(),
            (Value::List(a), Value::List(b)) => {
                if Rc::ptr_eq(a, b) {
                    return Ok(true);
                }
                let (a, b) = (a.borrow().clone(), b.borrow().clone());
                self.seq_eq(&a, &b)?
            }
            (Value::Tuple(a), Value::Tuple(b)) => self.seq_eq(a, b)?,
            (Value::Dict(a), Value::Dict(b)) => {
                if a.borrow().len() != b.borrow().len() {
                    return Ok(false);
                }
                let entries: Vec<(Key, Value)> = a.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                for (key, value) in &entries {
                    match self.dict_get(b, key)? {
                        Some(other) => {
                            if !value.is(&other) && !self.eq(value, &other)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                true
            }
            (Value::Set(a), Value::Set(b)) => {
                if a.borrow().len() != b.borrow().len() {
                    return Ok(false);
                }
                let keys: Vec<Key> = a.borrow().iter().cloned().collect();
                self.set_all_in(&keys, b)?
            }
            (Value::Range(a), Value::Range(b)) => range_eq(**a, **b),
            (Value::Instance(_), _) | (_, Value::Instance(_)) => return self.rich_compare(CmpOp::Eq, left, right),
            (Value::DictView(view), other) | (other, Value::DictView(view)) => {
                let view = view.clone();
                return self.view_eq(&view, other);
            }
            _ => match (numeric(left), numeric(right)) {
                (Some(a), Some(b)) => a.eq(&b),
                _ => left.is(right),
            },
        })
    }

    fn seq_eq(&mut self, a: &[Value], b: &[Value]) -> VmResult<bool> {
        if a.len() != b.len() {
            return Ok(false);
        }
        for (x, y) in a.iter().zip(b.iter()) {
            if !x.is(y) && !self.eq(x, y)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `a op b` for two lists or tuples, as CPython compares them: the first index whose
    /// items differ (by identity or `==`) decides with one comparison of that pair, and
    /// the lengths decide when one is a prefix of the other.
    fn seq_compare(&mut self, op: CmpOp, a: &[Value], b: &[Value]) -> VmResult<bool> {
        for (x, y) in a.iter().zip(b.iter()) {
            if x.is(y) || self.eq(x, y)? {
                continue;
            }
            return self.compare(op, x, y);
        }
        Ok(ordering_satisfies(op, Some(a.len().cmp(&b.len()))))
    }

    /// `item in container`.
    #[inline(never)]
    pub(crate) fn contains(&mut self, container: &Value, item: &Value) -> VmResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                other => {
                    let name = other.type_name();
                    Err(self.type_error(format!("'in <string>' requires string as left operand, not {name}")))
                }
            },
            Value::Dict(dict) => {
                self.check_hashable(item)?;
                let key_ = self.key(item.clone())?;
                Ok(self.dict_find(dict, &key_)?.is_some())
            }
            Value::Set(set) => {
                self.check_hashable(item)?;
                let key_ = self.key(item.clone())?;
                self.set_contains(set, &key_)
            }
            Value::List(list) => {
                let items = list.borrow().clone();
                for x in &items {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Tuple(items) => {
                for x in items.iter() {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::DictView(view) => {
                let view = view.clone();
                self.view_contains(&view, item)
            }
            Value::Range(range) => {
                // Membership is equality with an item: a bool or an integral float equal
                // to one is in the range too.
                let v = match item {
                    Value::Int(v) => Some(*v),
                    Value::Bool(b) => Some(i64::from(*b)),
                    Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e18 => Some(*f as i64),
                    _ => None,
                };
                Ok(match v {
                    Some(v) => {
                        let (start, stop, step) = **range;
                        let inside = if step > 0 { v >= start && v < stop } else { v <= start && v > stop };
                        inside && (i128::from(v) - i128::from(start)) % i128::from(step) == 0
                    }
                    None => false,
                })
            }
            Value::Instance(inst) => match inst.class.method(names::CONTAINS) {
                Some((_, fobj, _)) => {
                    let fobj = fobj.clone();
                    let result = self.call_function(&fobj, vec![Some(container.clone()), Some(item.clone())])?;
                    self.truthy(&result)
                }
                None => Err(self.type_error(format!("argument of type '{}' is not iterable", inst.class.name))),
            },
            other => {
                let name = other.type_name();
                Err(self.type_error(format!("argument of type '{name}' is not iterable")))
            }
        }
    }

    pub(crate) fn check_hashable(&mut self, value: &Value) -> VmResult<()> {
        match value {
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::DictView(_) => {
                let name = value.type_name();
                Err(self.type_error(format!("unhashable type: '{name}'")))
            }
            Value::Tuple(items) => {
                for item in items.iter() {
                    self.check_hashable(item)?;
                }
                Ok(())
            }
            // As in CPython, defining `__eq__` without `__hash__` sets `__hash__` to None,
            // and so does a dataclass with `eq` that is not frozen.
            Value::Instance(inst)
                if inst.class.method(names::HASH).is_none()
                    && (inst.class.method(names::EQ).is_some()
                        || inst.class.dataclass.is_some_and(|(frozen, _, eq)| eq && !frozen)) =>
            {
                let name = inst.class.name.clone();
                Err(self.type_error(format!("unhashable type: '{name}'")))
            }
            _ => Ok(()),
        }
    }

    /// A dict/set key: Python's hash, running a user `__hash__` when the class has one.
    pub(crate) fn key(&mut self, value: Value) -> VmResult<Key> {
        match &value {
            Value::Str(_) | Value::Int(_) => Ok(Key::native(value)),
            _ => {
                let hash = self.hash(&value)?;
                Ok(Key(value, hash))
            }
        }
    }

    #[inline(never)]
    pub(crate) fn hash(&mut self, value: &Value) -> VmResult<i64> {
        self.check_hashable(value)?;
        self.hash_checked(value)
    }

    /// `hash` of a value already known hashable: user `__hash__` runs for instances, also
    /// inside tuples (CPython's tuple hash combines its items' hashes).
    fn hash_checked(&mut self, value: &Value) -> VmResult<i64> {
        match value {
            Value::Instance(inst) => {
                if let Some((_, fobj, _)) = inst.class.method(names::HASH) {
                    let fobj = fobj.clone();
                    let result = self.call_function(&fobj, vec![Some(value.clone())])?;
                    let Some(int) = result.as_int() else {
                        return Err(self.type_error("__hash__ method should return an integer".into()));
                    };
                    // An int beyond the machine range hashes as an int does (reduced
                    // modulo 2**61 - 1); CPython reserves -1 for errors and maps it to -2.
                    let hash = int.as_i64().unwrap_or_else(|| int.py_hash());
                    return Ok(if hash == -1 { -2 } else { hash });
                }
                if inst.class.dataclass.is_some_and(|(frozen, _, eq)| frozen && eq) {
                    // The generated `__hash__` is `hash((self.f1, self.f2, ...))`.
                    let fields: Vec<Value> =
                        inst.fields.borrow().iter().take(inst.class.fields.len()).cloned().collect();
                    let mut hashes = Vec::with_capacity(fields.len());
                    for field in &fields {
                        self.check_hashable(field)?;
                        hashes.push(self.hash_checked(field)?);
                    }
                    return Ok(crate::value::tuple_hash(hashes.into_iter()));
                }
                Ok(hash_value(value))
            }
            Value::Tuple(items) if items.iter().any(|item| matches!(item, Value::Instance(_) | Value::Tuple(_))) => {
                let mut hashes = Vec::with_capacity(items.len());
                for item in items.iter() {
                    hashes.push(self.hash_checked(item)?);
                }
                Ok(crate::value::tuple_hash(hashes.into_iter()))
            }
            _ => Ok(hash_value(value)),
        }
    }

    /// `repr(value)`.
    #[inline(never)]
    pub(crate) fn repr(&mut self, value: &Value) -> VmResult<String> {
        let mut out = String::new();
        self.write_repr(&mut out, value, 0)?;
        Ok(out)
    }

    /// The reprs of `items`, separated by `, ` (the inside of a list, tuple or set).
    fn write_reprs(&mut self, out: &mut String, items: &[Value], depth: usize) -> VmResult<()> {
        for (idx, item) in items.iter().enumerate() {
            if idx > 0 {
                out.push_str(", ");
            }
            self.write_repr(out, item, depth + 1)?;
        }
        Ok(())
    }

    fn write_repr(&mut self, out: &mut String, value: &Value, depth: usize) -> VmResult<()> {
        if depth > 200 {
            return Err(self.recursion_error());
        }
        match value {
            Value::None => out.push_str("None"),
            Value::Bool(true) => out.push_str("True"),
            Value::Bool(false) => out.push_str("False"),
            Value::Int(v) => {
                crate::runtime::push_decimal(out, *v);
            }
            Value::BigInt(b) => {
                let text = runtime::Int::Big(b.clone()).to_decimal_string(self.int_limit).map_err(|e| self.rt(e))?;
                out.push_str(&text);
            }
            Value::Float(f) => out.push_str(&float_ops::repr(*f)),
            Value::Str(s) => out.push_str(&runtime::repr_str(s.as_str())),
            Value::List(list) => {
                let items = list.borrow().clone();
                out.push('[');
                self.write_reprs(out, &items, depth)?;
                out.push(']');
            }
            Value::Tuple(items) => {
                out.push('(');
                self.write_reprs(out, items, depth)?;
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Value::Dict(dict) => {
                let entries: Vec<(Value, Value)> =
                    dict.borrow().iter().map(|(k, v)| (k.0.clone(), v.clone())).collect();
                out.push('{');
                for (idx, (key, item)) in entries.iter().enumerate() {
                    if idx > 0 {
                        out.push_str(", ");
                    }
                    self.write_repr(out, key, depth + 1)?;
                    out.push_str(": ");
                    self.write_repr(out, item, depth + 1)?;
                }
                out.push('}');
            }
            Value::Set(set) => {
                let items: Vec<Value> = set.borrow().iter().map(|k| k.0.clone()).collect();
                if items.is_empty() {
                    out.push_str("set()");
                    return Ok(());
                }
                out.push('{');
                self.write_reprs(out, &items, depth)?;
                out.push('}');
            }
            Value::Instance(inst) => {
                let provider = inst.class.provider(names::REPR, |class| class.dataclass.is_some());
                let generated = match provider {
                    Provider::Generated(owner) => Some(owner.fields.clone()),
                    _ => None,
                };
                if let Provider::User(fobj) = provider {
                    let fobj = fobj.clone();
                    let result = self.call_function(&fobj, vec![Some(value.clone())])?;
                    match result {
                        Value::Str(s) => out.push_str(s.as_str()),
                        _ => return Err(self.type_error("__repr__ returned non-string".into())),
                    }
                } else if let Some(field_names) = generated {
                    // The generated `__repr__`: the instance's class name, the dataclass's fields.
                    out.push_str(&inst.class.name);
                    out.push('(');
                    let fields = inst.fields.borrow().clone();
                    for (idx, name) in field_names.iter().enumerate() {
                        if idx > 0 {
                            out.push_str(", ");
                        }
                        out.push_str(name);
                        out.push('=');
                        if let Some(field) = fields.get(idx) {
                            self.write_repr(out, field, depth + 1)?;
                        }
                    }
                    out.push(')');
                } else if inst.class.is_exception {
                    let args = exception_args(value);
                    out.push_str(&inst.class.name);
                    if args.len() == 1 {
                        out.push('(');
                        self.write_repr(out, &args[0], depth + 1)?;
                        out.push(')');
                    } else {
                        self.write_repr(out, &Value::tuple(args), depth + 1)?;
                    }
                } else {
                    let module = if inst.class.module == self.mods[self.main_module].name {
                        "__main__".to_owned()
                    } else {
                        inst.class.module.clone()
                    };
                    use std::fmt::Write as _;
                    let _ = write!(out, "<{module}.{} object at {:#x}>", inst.class.name, Rc::as_ptr(inst) as usize);
                }
            }
            Value::Class(class) => {
                let module = if class.module == "builtins" {
                    "builtins".to_owned()
                } else if class.module == self.mods[self.main_module].name {
                    "__main__".to_owned()
                } else {
                    class.module.clone()
                };
                out.push_str(&format!("<class '{module}.{}'>", class.name));
            }
            Value::Function(fobj) => {
                let name = self.mods[fobj.module as usize].funcs[fobj.func as usize].arch.qualname.as_str().to_owned();
                out.push_str(&format!("<function {name} at {:#x}>", Rc::as_ptr(fobj) as usize));
            }
            Value::Builtin(id) => {
                let name = crate::bytecode::BUILTIN_NAMES.get(*id as usize).copied().unwrap_or("?");
                out.push_str(&format!("<built-in function {name}>"));
            }
            Value::BoundMethod(bound) if matches!(bound.1, Value::Function(_)) => {
                // `<bound method K.m of REPR>`, the receiver shown by its own repr.
                let (receiver, func) = (bound.0.clone(), bound.1.clone());
                if let Value::Function(fobj) = &func {
                    let name =
                        self.mods[fobj.module as usize].funcs[fobj.func as usize].arch.qualname.as_str().to_owned();
                    out.push_str(&format!("<bound method {name} of "));
                    self.write_repr(out, &receiver, depth + 1)?;
                    out.push('>');
                }
            }
            Value::DictView(view) => {
                let items = crate::iter::view_items(view);
                out.push_str(view.kind.type_name());
                out.push_str("([");
                self.write_reprs(out, &items, depth)?;
                out.push_str("])");
            }
            Value::Range(range) => {
                let (start, stop, step) = **range;
                if step == 1 {
                    out.push_str(&format!("range({start}, {stop})"));
                } else {
                    out.push_str(&format!("range({start}, {stop}, {step})"));
                }
            }
            other => out.push_str(&format!("<{} object>", other.type_name())),
        }
        Ok(())
    }

    /// `str(value)`.
    #[inline(never)]
    pub(crate) fn py_str(&mut self, value: &Value) -> VmResult<String> {
        match value {
            Value::Str(s) => Ok(s.as_str().to_owned()),
            Value::Instance(inst) => {
                if let Some((_, fobj, _)) = inst.class.method(names::STR) {
                    let fobj = fobj.clone();
                    let result = self.call_function(&fobj, vec![Some(value.clone())])?;
                    return match result {
                        Value::Str(s) => Ok(s.as_str().to_owned()),
                        _ => Err(self.type_error("__str__ returned non-string".into())),
                    };
                }
                if inst.class.is_exception {
                    let args = exception_args(value);
                    return match args.len() {
                        0 => Ok(String::new()),
                        1 if inst.class.name == "KeyError" || inst.class.is_subclass_of_name("KeyError") => {
                            self.repr(&args[0])
                        }
                        1 => self.py_str(&args[0]),
                        _ => self.repr(&Value::tuple(args)),
                    };
                }
                self.repr(value)
            }
            other => self.repr(other),
        }
    }

    /// An f-string field or `format(value, spec)` after an optional conversion
    /// (0 none, 1 `!s`, 2 `!r`, 3 `!a`).
    #[inline(never)]
    pub(crate) fn format_field(&mut self, value: &Value, conversion: u32, spec: Option<&Value>) -> VmResult<String> {
        let spec_text = match spec {
            Some(Value::Str(s)) => s.as_str().to_owned(),
            _ => String::new(),
        };
        let value = match conversion {
            1 => Value::str(self.py_str(value)?),
            2 => Value::str(self.repr(value)?),
            3 => Value::str(runtime::escape_non_ascii(&self.repr(value)?)),
            _ => value.clone(),
        };
        if spec_text.is_empty() {
            return self.py_str(&value);
        }
        let result = match &value {
            Value::Bool(b) => runtime::format_bool(*b, &spec_text),
            Value::Int(_) | Value::BigInt(_) => match value.as_int() {
                Some(int) => runtime::format_int(&int, &spec_text, self.int_limit),
                None => Ok(String::new()),
            },
            Value::Float(f) => runtime::format_float(*f, &spec_text),
            Value::Str(s) => runtime::format_str(s.as_str(), &spec_text),
            other => {
                let text = self.py_str(other)?;
                if spec_text.is_empty() {
                    Ok(text)
                } else {
                    let name = other.type_name();
                    Err(RuntimeError::type_error(format!("unsupported format string passed to {name}.__format__")))
                }
            }
        };
        result.map_err(|e| self.rt(e))
    }

    /// `obj[index]`.
    #[inline(never)]
    pub(crate) fn index(&mut self, obj: &Value, index: &Value) -> VmResult<Value> {
        // Only `str.format` fields (`{0[key]}`) can index a sequence with a non-int.
        if matches!(obj, Value::List(_) | Value::Tuple(_) | Value::Str(_)) && matches!(index, Value::Str(_)) {
            let message = match obj {
                Value::Str(_) => format!("string indices must be integers, not '{}'", index.type_name()),
                other => format!("{} indices must be integers or slices, not {}", other.type_name(), index.type_name()),
            };
            return Err(self.type_error(message));
        }
        match obj {
            Value::List(list) => {
                let idx = self.int_of(index)?.to_index().map_err(|e| self.rt(e))?;
                let list = list.borrow();
                match resolve_index(list.len(), idx) {
                    Some(pos) => Ok(list[pos].clone()),
                    None => Err(self.runtime_exc("IndexError", "list index out of range".into())),
                }
            }
            Value::Tuple(items) => {
                let idx = self.int_of(index)?.to_index().map_err(|e| self.rt(e))?;
                match resolve_index(items.len(), idx) {
                    Some(pos) => Ok(items[pos].clone()),
                    None => Err(self.runtime_exc("IndexError", "tuple index out of range".into())),
                }
            }
            Value::Str(s) => {
                let idx = self.int_of(index)?.to_index().map_err(|e| self.rt(e))?;
                let c = s.get_item(idx).map_err(|e| self.rt(e))?;
                Ok(self.char_value(c))
            }
            Value::Dict(dict) => {
                self.check_hashable(index)?;
                let key_ = self.key(index.clone())?;
                match self.dict_get(dict, &key_)? {
                    Some(value) => Ok(value),
                    None => Err(self.key_error(index)),
                }
            }
            Value::Range(range) => {
                // A huge index is simply out of range (CPython clamps it first).
                let idx = i128::from(self.int_of(index)?.to_i64_saturating());
                let (start, stop, step) = **range;
                let len = range_len(start, stop, step);
                let pos = if idx < 0 { idx + len } else { idx };
                if (0..len).contains(&pos) {
                    // Inside the range: the item lies between its bounds, so it fits.
                    Ok(Value::Int((i128::from(start) + i128::from(step) * pos) as i64))
                } else {
                    Err(self.runtime_exc("IndexError", "range object index out of range".into()))
                }
            }
            Value::Instance(inst) => match inst.class.method(names::GETITEM) {
                Some((_, fobj, _)) => {
                    let fobj = fobj.clone();
                    self.call_function(&fobj, vec![Some(obj.clone()), Some(index.clone())])
                }
                None => Err(self.type_error(format!("'{}' object is not subscriptable", inst.class.name))),
            },
            other => {
                let name = other.type_name();
                Err(self.type_error(format!("'{name}' object is not subscriptable")))
            }
        }
    }

    #[inline(never)]
    pub(crate) fn store_index(&mut self, obj: &Value, index: &Value, value: Value) -> VmResult<()> {
        match obj {
            Value::List(list) => {
                let idx = self.int_of(index)?.to_index().map_err(|e| self.rt(e))?;
                let len = list.borrow().len();
                match resolve_index(len, idx) {
                    Some(pos) => {
                        list.borrow_mut()[pos] = value;
                        Ok(())
                    }
                    None => Err(self.runtime_exc("IndexError", "list assignment index out of range".into())),
                }
            }
            Value::Dict(dict) => {
                self.check_hashable(index)?;
                let key_ = self.key(index.clone())?;
                self.dict_set(dict, key_, value)
            }
            Value::Instance(inst) => match inst.class.method(names::SETITEM) {
                Some((_, fobj, _)) => {
                    let fobj = fobj.clone();
                    self.call_function(&fobj, vec![Some(obj.clone()), Some(index.clone()), Some(value)])?;
                    Ok(())
                }
                None => Err(self.type_error(format!("'{}' object does not support item assignment", inst.class.name))),
            },
            other => {
                let name = other.type_name();
                Err(self.type_error(format!("'{name}' object does not support item assignment")))
            }
        }
    }

    #[inline(never)]
    pub(crate) fn del_index(&mut self, obj: &Value, index: &Value) -> VmResult<()> {
        match obj {
            Value::List(list) => {
                let idx = self.int_of(index)?.to_index().map_err(|e| self.rt(e))?;
                let len = list.borrow().len();
                match resolve_index(len, idx) {
                    Some(pos) => {
                        list.borrow_mut().remove(pos);
                        Ok(())
                    }
                    None => Err(self.runtime_exc("IndexError", "list assignment index out of range".into())),
                }
            }
            Value::Dict(dict) => {
                let key_ = self.key(index.clone())?;
                match self.dict_remove(dict, &key_)? {
                    Some(_) => Ok(()),
                    None => Err(self.key_error(index)),
                }
            }
            other => {
                let name = other.type_name();
                Err(self.type_error(format!("'{name}' object doesn't support item deletion")))
            }
        }
    }

    #[inline(never)]
    pub(crate) fn slice(
        &mut self,
        obj: &Value,
        lo: Option<Value>,
        hi: Option<Value>,
        step: Option<Value>,
    ) -> VmResult<Value> {
        let bound = |this: &mut Self, v: Option<Value>| -> VmResult<Option<i64>> {
            match v {
                None | Some(Value::None) => Ok(None),
                Some(v) => Ok(Some(this.int_of(&v)?.to_i64_saturating())),
            }
        };
        let (lo, hi, step) = (bound(self, lo)?, bound(self, hi)?, bound(self, step)?);
        match obj {
            Value::Str(s) => s.slice(lo, hi, step).map(Value::str).map_err(|e| self.rt(e)),
            Value::List(list) => {
                let list = list.borrow();
                let indices = SliceIndices::new(list.len(), lo, hi, step).map_err(|e| self.rt(e))?;
                Ok(Value::list(indices.positions().map(|pos| list[pos].clone()).collect()))
            }
            Value::Tuple(items) => {
                let indices = SliceIndices::new(items.len(), lo, hi, step).map_err(|e| self.rt(e))?;
                Ok(Value::tuple(indices.positions().map(|pos| items[pos].clone()).collect()))
            }
            other => {
                let name = other.type_name();
                Err(self.type_error(format!("'{name}' object is not subscriptable")))
            }
        }
    }

    #[inline(never)]
    pub(crate) fn unpack(&mut self, value: &Value, n: usize) -> VmResult<Vec<Value>> {
        let items = self.collect_iterable(value)?;
        if items.len() != n {
            return Err(if items.len() > n {
                self.runtime_exc("ValueError", format!("too many values to unpack (expected {n})"))
            } else {
                self.runtime_exc(
                    "ValueError",
                    format!("not enough values to unpack (expected {n}, got {})", items.len()),
                )
            });
        }
        Ok(items)
    }
}

/// The `args` tuple of an exception instance.
pub(crate) fn exception_args(value: &Value) -> Vec<Value> {
    if let Value::Instance(inst) = value {
        let slot = inst.class.args_slot();
        if let Some(Value::Tuple(items)) = inst.fields.borrow().get(slot) {
            return (**items).clone();
        }
    }
    Vec::new()
}

/// Whether `ordering` (`None`: unordered, a NaN) satisfies the comparison `op`.
fn ordering_satisfies(op: CmpOp, ordering: Option<Ordering>) -> bool {
    match op {
        CmpOp::Lt => ordering == Some(Ordering::Less),
        CmpOp::Le => matches!(ordering, Some(Ordering::Less | Ordering::Equal)),
        CmpOp::Gt => ordering == Some(Ordering::Greater),
        CmpOp::Ge => matches!(ordering, Some(Ordering::Greater | Ordering::Equal)),
        CmpOp::Eq => ordering == Some(Ordering::Equal),
        _ => ordering != Some(Ordering::Equal),
    }
}

/// The operator that `a op b` becomes with its operands swapped (`a < b` is `b > a`).
fn reflected_op(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        other => other,
    }
}

/// `range == range` compares the sequences: equal lengths, and the same first item and
/// step where they matter.
fn range_eq(a: (i64, i64, i64), b: (i64, i64, i64)) -> bool {
    let len = range_len(a.0, a.1, a.2);
    if len != range_len(b.0, b.1, b.2) {
        return false;
    }
    len == 0 || (a.0 == b.0 && (len == 1 || a.2 == b.2))
}

/// How many items a range of machine-int bounds has: up to 2**64, which `len()` cannot
/// return (CPython's `OverflowError`) but indexing and comparisons can use.
pub(crate) fn range_len(start: i64, stop: i64, step: i64) -> i128 {
    let (start, stop, step) = (i128::from(start), i128::from(stop), i128::from(step));
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / -step + 1
    } else {
        0
    }
}

impl crate::value::Class {
    pub(crate) fn is_subclass_of_name(&self, name: &str) -> bool {
        let mut current = Some(self);
        while let Some(class) = current {
            if class.name == name && class.module == "builtins" {
                return true;
            }
            current = class.base.as_deref();
        }
        false
    }
}
