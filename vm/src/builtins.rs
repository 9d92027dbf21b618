//! Built-in functions (`print`, `len`, `sorted`, ...) and the built-in modules (`math`,
//! `sys`, `time`, `random`).

use std::cell::RefCell;
use std::cmp::Ordering;
use std::io::BufRead;
use std::rc::Rc;

use crate::bytecode::CmpOp;
use crate::interp::{Exc, Vm, VmResult};
use crate::runtime::{self, Int, IntStrLimit, float_ops, math};
use crate::value::{IterState, Value, new_dict, new_set};

/// `list.append`: the interpreter inlines it.
pub(crate) const BM_LIST_APPEND: u32 = 26;
/// `dict.get`: the interpreter inlines it for str and int keys.
pub(crate) const BM_DICT_GET: u32 = 37;

/// Below this many items CPython's timsort is one binary insertion sort.
const MIN_MERGE: usize = 64;

const KW_SEP: u32 = 0;
const KW_END: u32 = 1;
const KW_KEY: u32 = 2;
const KW_REVERSE: u32 = 3;
const KW_START: u32 = 4;
const KW_BASE: u32 = 5;
const KW_NDIGITS: u32 = 6;
const KW_DEFAULT: u32 = 7;

fn keyword(keywords: &[(u32, Value)], bit: u32) -> Option<Value> {
    keywords.iter().find(|(b, _)| *b == bit).map(|(_, v)| v.clone())
}

impl Vm<'_> {
    #[inline(never)]
    pub(crate) fn call_builtin(&mut self, id: u32, args: &[Value], keywords: &[(u32, Value)]) -> VmResult<Value> {
        let arg = |idx: usize| args.get(idx).cloned().unwrap_or_default();
        match id {
            0 => {
                let sep = match keyword(keywords, KW_SEP) {
                    Some(Value::Str(s)) => s.as_str().to_owned(),
                    _ => " ".to_owned(),
                };
                let end = match keyword(keywords, KW_END) {
                    Some(Value::Str(s)) => s.as_str().to_owned(),
                    _ => "\n".to_owned(),
                };
                let mut line = String::new();
                for (idx, value) in args.iter().enumerate() {
                    if idx > 0 {
                        line.push_str(&sep);
                    }
                    match value {
                        Value::Str(s) => line.push_str(s.as_str()),
                        Value::Int(v) => {
                            crate::runtime::push_decimal(&mut line, *v);
                        }
                        other => line.push_str(&self.py_str(other)?),
                    }
                }
                line.push_str(&end);
                self.write_out(&line)?;
                Ok(Value::None)
            }
            1 => {
                let value = arg(0);
                let len = match &value {
                    Value::Str(s) => s.char_len(),
                    Value::List(list) => list.borrow().len(),
                    Value::Tuple(items) => items.len(),
                    Value::Dict(dict) => dict.borrow().len(),
                    Value::Set(set) => set.borrow().len(),
                    Value::Range(range) => match usize::try_from(crate::ops::range_len(range.0, range.1, range.2)) {
                        Ok(len) if len <= i64::MAX as usize => len,
                        _ => {
                            let message = "Python int too large to convert to C ssize_t".to_owned();
                            return Err(self.runtime_exc("OverflowError", message));
                        }
                    },
                    Value::DictView(view) => view.dict.borrow().len(),
                    Value::Instance(inst) => match inst.class.method(crate::interp::names::LEN) {
                        Some((_, fobj, _)) => {
                            let fobj = fobj.clone();
                            let result = self.call_function(&fobj, vec![Some(value.clone())])?;
                            return Ok(Value::Int(self.len_result(&result)?));
                        }
                        None => {
                            return Err(self.type_error(format!("object of type '{}' has no len()", inst.class.name)));
                        }
                    },
                    other => {
                        let name = other.type_name();
                        return Err(self.type_error(format!("object of type '{name}' has no len()")));
                    }
                };
                Ok(Value::Int(len as i64))
            }
            2 => {
                let mut bounds = Vec::with_capacity(args.len());
                let mut ints = Vec::with_capacity(args.len());
                for value in args {
                    let int = self.int_of(value)?;
                    if let Some(v) = int.as_i64() {
                        bounds.push(v);
                    }
                    ints.push(int);
                }
                if bounds.len() != ints.len() {
                    return self.big_range(&ints);
                }
                let (start, stop, step) = match bounds.as_slice() {
                    [stop] => (0, *stop, 1),
                    [start, stop] => (*start, *stop, 1),
                    [start, stop, step] => (*start, *stop, *step),
                    _ => (0, 0, 1),
                };
                if step == 0 {
                    return Err(self.runtime_exc("ValueError", "range() arg 3 must not be zero".into()));
                }
                Ok(Value::Range(Rc::new((start, stop, step))))
            }
            3 => self.builtin_int(args, keyword(keywords, KW_BASE)),
            4 => match arg(0) {
                Value::Float(f) => Ok(Value::Float(f)),
                Value::Str(s) => match float_ops::parse_float(s.as_str()) {
                    Ok(f) if f.is_nan() => Ok(Value::Float(self.fresh_nan(f))),
                    Ok(f) => Ok(Value::Float(f)),
                    Err(e) => Err(self.rt(e)),
                },
                Value::None if args.is_empty() => Ok(Value::Float(0.0)),
                other => Ok(Value::Float(self.float_of(&other)?)),
            },
            5 => {
                match args.first() {
                    None => Ok(Value::str("")),
                    // One allocation, for the result only.
                    Some(Value::Int(v)) => Ok(Value::str(runtime::decimal_text(*v, &mut [0; 20]))),
                    Some(other) => {
                        let other = other.clone();
                        Ok(Value::str(self.py_str(&other)?))
                    }
                }
            }
            6 => {
                let value = arg(0);
                Ok(Value::Bool(self.truthy(&value)?))
            }
            7 => Ok(Value::str(self.repr(&arg(0))?)),
            8 => match arg(0) {
                Value::Float(f) => Ok(Value::Float(f.abs())),
                other => Ok(Value::from_int(self.int_of(&other)?.abs())),
            },
            9 | 10 => self.builtin_min_max(id == 10, args.to_vec(), keywords),
            11 => {
                // A list of small ints sums in place, without copying the list.
                if let (Value::List(list), None, None) = (arg(0), args.get(1), keyword(keywords, KW_START)) {
                    let list = list.borrow();
                    let mut total: Option<i64> = Some(0);
                    for item in list.iter() {
                        total = match (total, item) {
                            (Some(t), Value::Int(v)) => t.checked_add(*v),
                            _ => None,
                        };
                        if total.is_none() {
                            break;
                        }
                    }
                    if let Some(total) = total {
                        return Ok(Value::Int(total));
                    }
                }
                let items = self.collect_iterable(&arg(0))?;
                let mut acc = keyword(keywords, KW_START).or_else(|| args.get(1).cloned()).unwrap_or(Value::Int(0));
                for item in &items {
                    acc = match (&acc, item) {
                        (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
                        (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
                        _ => self.binary(crate::bytecode::BinOp::Add, &acc, item)?,
                    };
                }
                Ok(acc)
            }
            12 => {
                let mut items = self.collect_iterable(&arg(0))?;
                let key = keyword(keywords, KW_KEY);
                let reverse = match keyword(keywords, KW_REVERSE) {
                    Some(value) => self.truthy(&value)?,
                    None => false,
                };
                self.sort_values(&mut items, key.as_ref(), reverse)?;
                Ok(Value::list(items))
            }
            13 => {
                let state = match arg(0) {
                    Value::List(list) => {
                        let len = list.borrow().len();
                        IterState::Reversed(Value::List(list), len)
                    }
                    Value::Tuple(items) => IterState::Reversed(Value::Tuple(items.clone()), items.len()),
                    other => {
                        let mut items = self.collect_iterable(&other)?;
                        items.reverse();
                        IterState::Items(items, 0)
                    }
                };
                Ok(Value::Iter(Rc::new(RefCell::new(state))))
            }
            14 => {
                let start = match keyword(keywords, KW_START).or_else(|| args.get(1).cloned()) {
                    Some(value) => self.int_of(&value)?,
                    None => Int::Small(0),
                };
                let inner = self.iter_state(&arg(0))?;
                Ok(Value::Iter(Rc::new(RefCell::new(IterState::Enumerate(Box::new(inner), start)))))
            }
            15 => {
                let mut states = Vec::with_capacity(args.len());
                for value in args {
                    states.push(self.iter_state(value)?);
                }
                Ok(Value::Iter(Rc::new(RefCell::new(IterState::Zip(states)))))
            }
            16 | 17 => {
                let items = self.collect_iterable(&arg(0))?;
                let want_any = id == 16;
                for item in &items {
                    if self.truthy(item)? == want_any {
                        return Ok(Value::Bool(want_any));
                    }
                }
                Ok(Value::Bool(!want_any))
            }
            18 => {
                let value = arg(0);
                let classes = match arg(1) {
                    Value::Tuple(items) => (*items).clone(),
                    other => vec![other],
                };
                Ok(Value::Bool(classes.iter().any(|class| isinstance(&value, class))))
            }
            19 => match arg(0) {
                Value::Str(s) => s.ord().map(|c| Value::Int(i64::from(c))).map_err(|e| self.rt(e)),
                _ => Err(self.type_error("ord() expected string of length 1".into())),
            },
            20 => {
                let Some(code) = self.int_of(&arg(0))?.as_i64().filter(|c| i32::try_from(*c).is_ok()) else {
                    return Err(self.runtime_exc("OverflowError", "Python int too large to convert to C int".into()));
                };
                runtime::chr(code).map(|c| self.char_value(c)).map_err(|e| self.rt(e))
            }
            21 => {
                let ndigits = keyword(keywords, KW_NDIGITS)
                    .or_else(|| args.get(1).cloned())
                    .filter(|v| !matches!(v, Value::None));
                match (arg(0), ndigits) {
                    (Value::Float(f), None) => float_ops::round_to_int(f).map(Value::from_int).map_err(|e| self.rt(e)),
                    (Value::Float(f), Some(n)) => {
                        let n = self.int_of(&n)?.to_i64_saturating();
                        float_ops::round_digits(f, n).map(Value::Float).map_err(|e| self.rt(e))
                    }
                    (other, None) => Ok(Value::from_int(self.int_of(&other)?)),
                    (other, Some(n)) => {
                        let n = self.int_of(&n)?.to_i64_saturating();
                        let int = self.int_of(&other)?;
                        Ok(Value::from_int(float_ops::round_int(&int, n)))
                    }
                }
            }
            22 => {
                let (x, y) = (arg(0), arg(1));
                if let (Value::Float(_), _) | (_, Value::Float(_)) = (&x, &y) {
                    let (a, b) = (self.float_of(&x)?, self.float_of(&y)?);
                    let (q, r) = float_ops::divmod(a, b).map_err(|e| self.rt(e))?;
                    return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
                }
                let (a, b) = (self.int_of(&x)?, self.int_of(&y)?);
                let (q, r) = a.divmod(&b).map_err(|e| self.rt(e))?;
                Ok(Value::tuple(vec![Value::from_int(q), Value::from_int(r)]))
            }
            23 => {
                if args.len() == 3 && !matches!(args[2], Value::None) {
                    let (a, b, m) = (self.int_of(&arg(0))?, self.int_of(&arg(1))?, self.int_of(&arg(2))?);
                    return a.pow_mod(&b, &m).map(Value::from_int).map_err(|e| self.rt(e));
                }
                self.binary(crate::bytecode::BinOp::Pow, &arg(0), &arg(1))
            }
            24 => Ok(Value::Int(self.hash(&arg(0))?)),
            25 => Ok(Value::list(if args.is_empty() { Vec::new() } else { self.collect_iterable(&arg(0))? })),
            26 => {
                let dict = Rc::new(RefCell::new(new_dict()));
                if let Some(source) = args.first() {
                    match source {
                        Value::Dict(other) => *dict.borrow_mut() = other.borrow().clone(),
                        other => {
                            for pair in self.collect_iterable(other)? {
                                let items = self.unpack(&pair, 2)?;
                                self.check_hashable(&items[0])?;
                                let key_ = self.key(items[0].clone())?;
                                self.dict_set(&dict, key_, items[1].clone())?;
                            }
                        }
                    }
                }
                Ok(Value::Dict(dict))
            }
            27 => {
                let set = match args.first() {
                    Some(source) => self.set_from_iterable(source)?,
                    None => Rc::new(RefCell::new(new_set())),
                };
                Ok(Value::Set(set))
            }
            28 => Ok(Value::tuple(if args.is_empty() { Vec::new() } else { self.collect_iterable(&arg(0))? })),
            29 => {
                if let Some(prompt) = args.first() {
                    let text = self.py_str(prompt)?;
                    self.write_out(&text)?;
                }
                if let Err(error) = self.flush()
                    && error.kind() == std::io::ErrorKind::BrokenPipe
                {
                    return Err(self.runtime_exc("BrokenPipeError", crate::interp::BROKEN_PIPE_MESSAGE.into()));
                }
                let mut line = String::new();
                let read = std::io::stdin().lock().read_line(&mut line).unwrap_or(0);
                if read == 0 {
                    return Err(self.runtime_exc("EOFError", "EOF when reading a line".into()));
                }
                // Only the `\n` goes: CPython's stdin keeps a `\r` before it.
                if line.ends_with('\n') {
                    line.pop();
                }
                Ok(Value::str(line))
            }
            _ => Err(self.type_error("unknown built-in".into())),
        }
    }

    /// `range()` with bounds beyond 64 bits: its items, materialised (up to a bound).
    fn big_range(&mut self, ints: &[Int]) -> VmResult<Value> {
        let (start, stop, step) = match ints {
            [stop] => (Int::ZERO, stop.clone(), Int::ONE),
            [start, stop] => (start.clone(), stop.clone(), Int::ONE),
            [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
            _ => (Int::ZERO, Int::ZERO, Int::ONE),
        };
        if step.is_zero() {
            return Err(self.runtime_exc("ValueError", "range() arg 3 must not be zero".into()));
        }
        let mut items = Vec::new();
        let mut cur = start;
        while if step.is_negative() { cur > stop } else { cur < stop } {
            if items.len() >= 1 << 24 {
                return Err(self.runtime_exc("OverflowError", "Python int too large to convert to C ssize_t".into()));
            }
            items.push(Value::from_int(cur.clone()));
            cur = cur.add(&step);
        }
        Ok(Value::Iter(Rc::new(RefCell::new(IterState::Items(items, 0)))))
    }

    fn builtin_int(&mut self, args: &[Value], base: Option<Value>) -> VmResult<Value> {
        let base = base.or_else(|| args.get(1).cloned());
        match (args.first(), base) {
            (None, _) => Ok(Value::Int(0)),
            // Plain decimal digits (the common case) parse without the general machinery.
            (Some(Value::Str(s)), None)
                if (1..=18).contains(&s.as_str().len()) && s.as_str().bytes().all(|b| b.is_ascii_digit()) =>
            {
                Ok(Value::Int(s.as_str().bytes().fold(0i64, |acc, b| acc * 10 + i64::from(b - b'0'))))
            }
            (Some(Value::Str(s)), base) => {
                let base = match base {
                    Some(b) => self.int_of(&b)?.to_i64_saturating(),
                    None => 10,
                };
                runtime::parse_int(s.as_str(), base, self.int_limit).map(Value::from_int).map_err(|e| self.rt(e))
            }
            (Some(Value::Float(f)), _) => Int::from_f64(f.trunc()).map(Value::from_int).map_err(|e| self.rt(e)),
            (Some(other), _) => Ok(Value::from_int(self.int_of(other)?)),
        }
    }

    fn builtin_min_max(&mut self, is_max: bool, args: Vec<Value>, keywords: &[(u32, Value)]) -> VmResult<Value> {
        let name = if is_max { "max" } else { "min" };
        let items = if args.len() == 1 { self.collect_iterable(&args[0])? } else { args };
        let key = keyword(keywords, KW_KEY).filter(|k| !matches!(k, Value::None));
        if items.is_empty() {
            return match keyword(keywords, KW_DEFAULT) {
                Some(default) => Ok(default),
                None => Err(self.runtime_exc("ValueError", format!("{name}() arg is an empty sequence"))),
            };
        }
        let mut best = items[0].clone();
        let mut best_key = match &key {
            Some(f) => self.call_value(f, vec![best.clone()])?,
            None => best.clone(),
        };
        for item in items.into_iter().skip(1) {
            let item_key = match &key {
                Some(f) => self.call_value(f, vec![item.clone()])?,
                None => item.clone(),
            };
            let better = if is_max {
                self.compare(CmpOp::Gt, &item_key, &best_key)?
            } else {
                self.compare(CmpOp::Lt, &item_key, &best_key)?
            };
            if better {
                best = item;
                best_key = item_key;
            }
        }
        Ok(best)
    }

    /// A stable sort with Python's comparison, an optional key function and `reverse`, as
    /// CPython's `list.sort` does it: every key is computed first (a failing key leaves
    /// `items` as they were), then the items are sorted with `<` alone. Lists shorter
    /// than 64 items are sorted exactly as CPython's timsort sorts them (one run, then a
    /// binary insertion sort), so `__lt__` sees the same calls and a failing `__lt__`
    /// leaves the same partly sorted order; longer lists get the same result (for a
    /// consistent `__lt__`) through a merge sort of their own.
    pub(crate) fn sort_values(&mut self, items: &mut Vec<Value>, key: Option<&Value>, reverse: bool) -> VmResult<()> {
        let key = key.filter(|k| !matches!(k, Value::None));
        let keys = match key {
            Some(f) => {
                let mut keys = Vec::with_capacity(items.len());
                for item in items.iter() {
                    keys.push(self.call_value(f, vec![item.clone()])?);
                }
                Some(keys)
            }
            None => None,
        };
        let mut keyed: Vec<(Value, Value)> = match keys {
            Some(keys) => keys.into_iter().zip(items.drain(..)).collect(),
            None => items.drain(..).map(|item| (item.clone(), item)).collect(),
        };
        if reverse {
            keyed.reverse();
        }
        let result = if keyed.iter().all(|(k, _)| matches!(k, Value::Int(_))) {
            keyed.sort_by(|a, b| match (&a.0, &b.0) {
                (Value::Int(x), Value::Int(y)) => x.cmp(y),
                _ => Ordering::Equal,
            });
            Ok(())
        } else if keyed.iter().all(|(k, _)| matches!(k, Value::Str(_))) {
            keyed.sort_by(|a, b| match (&a.0, &b.0) {
                (Value::Str(x), Value::Str(y)) => x.as_str().cmp(y.as_str()),
                _ => Ordering::Equal,
            });
            Ok(())
        } else if keyed.len() < MIN_MERGE {
            self.timsort_small(&mut keyed)
        } else {
            let mut error: Option<Exc> = None;
            keyed.sort_by(|a, b| {
                if error.is_some() {
                    return Ordering::Equal;
                }
                match self.compare(CmpOp::Lt, &a.0, &b.0) {
                    Ok(true) => Ordering::Less,
                    Ok(false) => match self.compare(CmpOp::Lt, &b.0, &a.0) {
                        Ok(true) => Ordering::Greater,
                        Ok(false) => Ordering::Equal,
                        Err(e) => {
                            error = Some(e);
                            Ordering::Equal
                        }
                    },
                    Err(e) => {
                        error = Some(e);
                        Ordering::Equal
                    }
                }
            });
            error.map_or(Ok(()), Err)
        };
        // Undone even after a failed comparison, as CPython does.
        if reverse {
            keyed.reverse();
        }
        items.extend(keyed.into_iter().map(|(_, v)| v));
        result
    }

    /// CPython's timsort on fewer than `MIN_MERGE` items (its minimum run length is then
    /// the whole list): the leading run (reversed if strictly descending), then a binary
    /// insertion sort of the rest. A failed comparison leaves the items where they are.
    fn timsort_small(&mut self, keyed: &mut [(Value, Value)]) -> VmResult<()> {
        let n = keyed.len();
        if n < 2 {
            return Ok(());
        }
        // count_run
        let mut run = 2;
        if self.compare(CmpOp::Lt, &keyed[1].0, &keyed[0].0)? {
            while run < n && self.compare(CmpOp::Lt, &keyed[run].0, &keyed[run - 1].0)? {
                run += 1;
            }
            keyed[..run].reverse();
        } else {
            while run < n && !self.compare(CmpOp::Lt, &keyed[run].0, &keyed[run - 1].0)? {
                run += 1;
            }
        }
        // binarysort
        for start in run..n {
            let (mut lo, mut hi) = (0, start);
            while lo < hi {
                let mid = lo + ((hi - lo) >> 1);
                if self.compare(CmpOp::Lt, &keyed[start].0, &keyed[mid].0)? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            keyed[lo..=start].rotate_right(1);
        }
        Ok(())
    }

    /// A built-in module's value (`math.pi`, `sys.argv`, or a function as a value).
    #[inline(never)]
    pub(crate) fn native_value(&mut self, id: u32) -> VmResult<Value> {
        Ok(match id {
            20 => Value::Float(math::PI),
            21 => Value::Float(math::E),
            22 => Value::Float(f64::INFINITY),
            23 => Value::Float(f64::NAN),
            35 => Value::Float(math::TAU),
            24 => Value::list(self.argv.iter().map(|a| Value::str(a.as_str())).collect()),
            other => Value::Native(other),
        })
    }

    #[inline(never)]
    pub(crate) fn call_native(&mut self, id: u32, args: Vec<Option<Value>>) -> VmResult<Value> {
        let arg = |idx: usize| args.get(idx).cloned().flatten();
        let x = |this: &mut Self, idx: usize| -> VmResult<f64> {
            let value = arg(idx).unwrap_or_default();
            this.float_of(&value)
        };
        let log_arg = |this: &mut Self, value: Value| -> VmResult<math::LogArg> {
            Ok(match value {
                Value::Float(f) => math::LogArg::Float(f),
                other => math::LogArg::Int(this.int_of(&other)?),
            })
        };
        let result: Result<Value, runtime::RuntimeError> = match id {
            0 => math::sqrt(x(self, 0)?).map(Value::Float),
            1..=3 => {
                let value = arg(0).unwrap_or_default();
                if let Some(int) = value.as_int() {
                    return Ok(Value::from_int(int));
                }
                let f = x(self, 0)?;
                match id {
                    1 => math::floor(f),
                    2 => math::ceil(f),
                    _ => math::trunc(f),
                }
                .map(Value::from_int)
            }
            4 => {
                let n = self.int_of(&arg(0).unwrap_or_default())?;
                math::isqrt(&n).map(Value::from_int)
            }
            5 => {
                let a = self.int_of(&arg(0).unwrap_or_default())?;
                let b = self.int_of(&arg(1).unwrap_or_default())?;
                Ok(Value::from_int(math::gcd(&[a, b])))
            }
            6..=8 => {
                let value = log_arg(self, arg(0).unwrap_or_default())?;
                match id {
                    6 => {
                        let base = match arg(1) {
                            Some(b) => Some(log_arg(self, b)?),
                            None => None,
                        };
                        math::log(&value, base.as_ref())
                    }
                    7 => math::log2(&value),
                    _ => math::log10(&value),
                }
                .map(Value::Float)
            }
            9 => math::exp(x(self, 0)?).map(Value::Float),
            10 => math::sin(x(self, 0)?).map(Value::Float),
            11 => math::cos(x(self, 0)?).map(Value::Float),
            12 => math::tan(x(self, 0)?).map(Value::Float),
            13 => Ok(Value::Float(math::atan2(x(self, 0)?, x(self, 1)?))),
            14 => math::hypot(x(self, 0)?, x(self, 1)?).map(Value::Float),
            15 => Ok(Value::Float(math::fabs(x(self, 0)?))),
            16 => math::pow(x(self, 0)?, x(self, 1)?).map(Value::Float),
            17 => {
                let (a, b) = (x(self, 0)?, x(self, 1)?);
                let rel = if arg(2).is_some() { x(self, 2)? } else { 1e-9 };
                let abs = if arg(3).is_some() { x(self, 3)? } else { 0.0 };
                let close = a == b
                    || ((a - b).abs() <= (rel * b.abs()).max(rel * a.abs()).max(abs) && a.is_finite() && b.is_finite());
                Ok(Value::Bool(close))
            }
            18 => Ok(Value::Bool(x(self, 0)?.is_nan())),
            19 => Ok(Value::Bool(x(self, 0)?.is_infinite())),
            36 => math::atan(x(self, 0)?).map(Value::Float),
            25 => {
                let code = arg(0).unwrap_or(Value::Int(0));
                let exc = self.runtime_exc("SystemExit", String::new());
                if let Exc::Raised(instance) = &exc {
                    crate::calls::set_exception_args(instance, vec![code]);
                }
                return Err(exc);
            }
            26 => {
                let n = self.int_of(&arg(0).unwrap_or_default())?;
                match IntStrLimit::from_max_digits(&n) {
                    Ok(limit) => {
                        self.int_limit = limit;
                        Ok(Value::None)
                    }
                    Err(e) => Err(e),
                }
            }
            27 => {
                let n = self.int_of(&arg(0).unwrap_or_default())?;
                let Some(n) = n.as_i64().filter(|n| i32::try_from(*n).is_ok()) else {
                    let message = "Python int too large to convert to C int".to_owned();
                    return Err(self.runtime_exc("OverflowError", message));
                };
                if n < 1 {
                    return Err(
                        self.runtime_exc("ValueError", "recursion limit must be greater or equal than 1".into())
                    );
                }
                // CPython counts this call too.
                let depth = self.frames.len() as i64 + 1;
                if depth >= n {
                    return Err(self.runtime_exc(
                        "RecursionError",
                        format!(
                            "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
                        ),
                    ));
                }
                self.recursion_limit = n.min(1_000_000) as usize;
                Ok(Value::None)
            }
            28 => Ok(Value::Float(self.start_time.elapsed().as_secs_f64())),
            29 => Ok(Value::Float(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_secs_f64())
                    .unwrap_or(0.0),
            )),
            30 => Ok(Value::Float((self.next_random() >> 11) as f64 / (1u64 << 53) as f64)),
            31 => {
                // Bounds of any size: the span is computed as a Python int.
                let a = self.int_of(&arg(0).unwrap_or_default())?;
                let b = self.int_of(&arg(1).unwrap_or_default())?;
                let stop = b.add(&Int::ONE);
                let span = stop.sub(&a);
                if span.is_negative() || span.is_zero() {
                    return Err(
                        self.runtime_exc("ValueError", format!("empty range for randrange() ({a}, {stop}, {span})"))
                    );
                }
                let offset = match span.as_i64() {
                    Some(width) => Int::Small((self.next_random() % width as u64) as i64),
                    None => {
                        // Enough random 64-bit words for the span and 64 bits more, reduced.
                        let words = span.bit_length() / 64 + 2;
                        let mut random = Int::ZERO;
                        for _ in 0..words {
                            let word = Int::from_bigint(num_bigint::BigInt::from(self.next_random()));
                            random = random.mul(&Int::from_bigint(num_bigint::BigInt::from(1u128 << 64))).add(&word);
                        }
                        random.modulo(&span).map_err(|e| self.rt(e))?
                    }
                };
                Ok(Value::from_int(a.add(&offset)))
            }
            32 => {
                let seed = match arg(0) {
                    Some(value) => self.hash(&value)? as u64,
                    None => 0x2545_F491_4F6C_DD1D,
                };
                self.rng = seed ^ 0x9E37_79B9_7F4A_7C15;
                Ok(Value::None)
            }
            33 => {
                let items = self.collect_iterable(&arg(0).unwrap_or_default())?;
                if items.is_empty() {
                    return Err(self.runtime_exc("IndexError", "Cannot choose from an empty sequence".into()));
                }
                let idx = (self.next_random() % items.len() as u64) as usize;
                Ok(items[idx].clone())
            }
            34 => {
                if let Some(Value::List(list)) = arg(0) {
                    let len = list.borrow().len();
                    for idx in (1..len).rev() {
                        let other = (self.next_random() % (idx as u64 + 1)) as usize;
                        list.borrow_mut().swap(idx, other);
                    }
                }
                Ok(Value::None)
            }
            _ => return Err(self.type_error("unknown native function".into())),
        };
        result.map_err(|e| self.rt(e))
    }

    /// A NaN with the sign of `nan` and a payload no earlier `fresh_nan` gave (see
    /// `Vm::nan_serial`).
    fn fresh_nan(&mut self, nan: f64) -> f64 {
        const QUIET: u64 = 0x7FF8_0000_0000_0000;
        const PAYLOAD: u64 = 0x0007_FFFF_FFFF_FFFF;
        self.nan_serial = self.nan_serial.wrapping_add(1);
        let sign = nan.to_bits() & (1 << 63);
        // Payload 0 is the NaN that arithmetic and `math.nan` produce: counts start at 1.
        f64::from_bits(sign | QUIET | (self.nan_serial & PAYLOAD).max(1))
    }

    /// xorshift64*: any PRNG will do (LANGUAGE.md), this one is small and fast.
    fn next_random(&mut self) -> u64 {
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// `isinstance(value, class)` where `class` is a class value or a built-in type marker.
fn isinstance(value: &Value, class: &Value) -> bool {
    match class {
        Value::Class(class) => match value {
            Value::Instance(inst) => inst.class.is_subclass_of(class),
            _ => false,
        },
        Value::Builtin(id) => match crate::bytecode::BUILTIN_NAMES.get(*id as usize).copied() {
            Some("int") => matches!(value, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)),
            Some("float") => matches!(value, Value::Float(_)),
            Some("bool") => matches!(value, Value::Bool(_)),
            Some("str") => matches!(value, Value::Str(_)),
            Some("list") => matches!(value, Value::List(_)),
            Some("dict") => matches!(value, Value::Dict(_)),
            Some("set") => matches!(value, Value::Set(_)),
            Some("tuple") => matches!(value, Value::Tuple(_)),
            _ => false,
        },
        _ => false,
    }
}
