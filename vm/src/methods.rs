//! Methods of the built-in types (str, list, dict, set), numbered as in
//! [`crate::bytecode::BMETHOD_NAMES`].

use std::cell::RefCell;
use std::rc::Rc;

use crate::interp::{Exc, Vm, VmResult};
use crate::iter::dict_view;
use crate::keyed::SetOp;
use crate::runtime::{self, FieldAccess, FieldKey, FormatArgs, RtResult, RuntimeError, str_ops};
use crate::value::{Key, Value, ViewKind};

impl Vm<'_> {
    #[inline(never)]
    pub(crate) fn call_bmethod(&mut self, id: u32, args: &[Option<Value>]) -> VmResult<Value> {
        let recv = args.first().cloned().flatten().unwrap_or_default();
        let arg = |idx: usize| args.get(idx).cloned().flatten().filter(|v| !matches!(v, Value::None));
        let raw = |idx: usize| args.get(idx).cloned().flatten();
        match recv {
            Value::Str(s) => {
                let text = s.as_str();
                let opt_str = |v: Option<Value>| match v {
                    Some(Value::Str(s)) => Some(s),
                    _ => None,
                };
                // Start and end positions are clamped, as slice bounds are.
                let opt_int = |this: &mut Self, v: Option<Value>| -> VmResult<Option<i64>> {
                    match v {
                        Some(v) => Ok(Some(this.int_of(&v)?.to_i64_saturating())),
                        None => Ok(None),
                    }
                };
                // Counts and widths must fit a Py_ssize_t.
                let opt_ssize = |this: &mut Self, v: Option<Value>| -> VmResult<Option<i64>> {
                    match v {
                        Some(v) => Ok(Some(this.int_of(&v)?.to_ssize().map_err(|e| this.rt(e))?)),
                        None => Ok(None),
                    }
                };
                let result: RtResult<Value> = match id {
                    0 | 1 => {
                        let sep = opt_str(arg(1));
                        let maxsplit = opt_ssize(self, arg(2))?.unwrap_or(-1);
                        // `sep` given, no limit: Python's split is Rust's, piece for piece.
                        if let (0, Some(sep), -1) = (id, sep.as_ref(), maxsplit)
                            && !sep.as_str().is_empty()
                        {
                            let sep = sep.as_str();
                            // A one-byte separator searches with memchr rather than two-way.
                            let items: Vec<Value> = if sep.len() == 1 {
                                let byte = char::from(sep.as_bytes()[0]);
                                text.split(byte).map(|p| self.small_str(p)).collect()
                            } else {
                                text.split(sep).map(|p| self.small_str(p)).collect()
                            };
                            return Ok(Value::list(items));
                        }
                        let parts = if id == 0 {
                            str_ops::split(text, sep.as_ref().map(|s| s.as_str()), maxsplit)
                        } else {
                            str_ops::rsplit(text, sep.as_ref().map(|s| s.as_str()), maxsplit)
                        };
                        match parts {
                            Ok(parts) => Ok(Value::list(parts.iter().map(|p| self.small_str(p)).collect())),
                            Err(e) => Err(e),
                        }
                    }
                    2 => {
                        let items = self.collect_iterable(&raw(1).unwrap_or_default())?;
                        let mut out = String::new();
                        for (idx, item) in items.iter().enumerate() {
                            if idx > 0 {
                                out.push_str(text);
                            }
                            match item {
                                Value::Str(piece) => out.push_str(piece.as_str()),
                                other => {
                                    let name = other.type_name();
                                    return Err(self.type_error(format!(
                                        "sequence item {idx}: expected str instance, {name} found"
                                    )));
                                }
                            }
                        }
                        Ok(Value::str(out))
                    }
                    3..=5 => {
                        let chars = opt_str(arg(1));
                        let chars = chars.as_ref().map(|c| c.as_str());
                        let stripped = match id {
                            3 => str_ops::strip(text, chars),
                            4 => str_ops::lstrip(text, chars),
                            _ => str_ops::rstrip(text, chars),
                        };
                        Ok(Value::str(stripped))
                    }
                    6 => {
                        let (old, new) = (opt_str(raw(1)), opt_str(raw(2)));
                        let count = opt_ssize(self, arg(3))?.unwrap_or(-1);
                        match (old, new) {
                            (Some(old), Some(new)) => {
                                str_ops::replace(text, old.as_str(), new.as_str(), count).map(Value::str)
                            }
                            _ => Err(RuntimeError::type_error("replace() argument must be str")),
                        }
                    }
                    7..=10 => {
                        let sub = opt_str(raw(1));
                        let start = opt_int(self, arg(2))?;
                        let end = opt_int(self, arg(3))?;
                        let Some(sub) = sub else { return Err(self.type_error("must be str".into())) };
                        match id {
                            7 => Ok(Value::Int(s.find(sub.as_str(), start, end))),
                            8 => Ok(Value::Int(s.rfind(sub.as_str(), start, end))),
                            9 => s.index(sub.as_str(), start, end).map(Value::Int),
                            _ => Ok(Value::Int(s.count(sub.as_str(), start, end) as i64)),
                        }
                    }
                    11 | 12 => {
                        let start = opt_int(self, arg(2))?;
                        let end = opt_int(self, arg(3))?;
                        let result = match raw(1) {
                            Some(Value::Str(prefix)) => {
                                if id == 11 {
                                    s.startswith(prefix.as_str(), start, end)
                                } else {
                                    s.endswith(prefix.as_str(), start, end)
                                }
                            }
                            Some(Value::Tuple(items)) => {
                                let texts: Vec<String> = items
                                    .iter()
                                    .filter_map(
                                        |v| if let Value::Str(t) = v { Some(t.as_str().to_owned()) } else { None },
                                    )
                                    .collect();
                                let refs = texts.iter().map(String::as_str);
                                if id == 11 {
                                    s.startswith_any(refs, start, end)
                                } else {
                                    s.endswith_any(refs, start, end)
                                }
                            }
                            _ => false,
                        };
                        Ok(Value::Bool(result))
                    }
                    13 => Ok(self.small_str(&str_ops::upper(text))),
                    14 => Ok(self.small_str(&str_ops::lower(text))),
                    15 => Ok(Value::str(str_ops::title(text))),
                    16 => Ok(Value::Bool(str_ops::isdigit(text))),
                    17 => Ok(Value::Bool(str_ops::isalpha(text))),
                    18 => Ok(Value::Bool(str_ops::isalnum(text))),
                    19 => Ok(Value::Bool(str_ops::isspace(text))),
                    56 => Ok(Value::str(str_ops::capitalize(text))),
                    57 => Ok(Value::Bool(str_ops::isupper(text))),
                    58 => Ok(Value::Bool(str_ops::islower(text))),
                    20 => {
                        let keepends = match arg(1) {
                            Some(v) => self.truthy(&v)?,
                            None => false,
                        };
                        Ok(Value::list(str_ops::splitlines(text, keepends).into_iter().map(Value::str).collect()))
                    }
                    21 => {
                        let width = opt_ssize(self, arg(1))?.unwrap_or(0);
                        str_ops::zfill(text, width).map(Value::str)
                    }
                    22..=24 => {
                        let width = opt_ssize(self, arg(1))?.unwrap_or(0);
                        let fill = match opt_str(arg(2)) {
                            Some(f) if f.char_len() == 1 => f.as_str().chars().next().unwrap_or(' '),
                            Some(_) => {
                                return Err(
                                    self.type_error("The fill character must be exactly one character long".into())
                                );
                            }
                            None => ' ',
                        };
                        match id {
                            22 => str_ops::ljust(text, width, fill),
                            23 => str_ops::rjust(text, width, fill),
                            _ => str_ops::center(text, width, fill),
                        }
                        .map(Value::str)
                    }
                    25 | 59 => {
                        let mut values: Vec<Value> =
                            args.iter().skip(1).map(|v| v.clone().unwrap_or_default()).collect();
                        let mut keywords = Vec::new();
                        if id == 59 {
                            let n_pos = match values.first() {
                                Some(Value::Int(n)) => (*n).max(0) as usize,
                                _ => 0,
                            };
                            let rest = values.split_off(1.min(values.len()));
                            let (positional, tail) = rest.split_at(n_pos.min(rest.len()));
                            if let Some((Value::Tuple(names), kw_values)) = tail.split_first() {
                                for (name, value) in names.iter().zip(kw_values) {
                                    if let Value::Str(name) = name {
                                        keywords.push((name.as_str().to_owned(), value.clone()));
                                    }
                                }
                            }
                            values = positional.to_vec();
                        }
                        let mut format_args = VmFormatArgs { vm: self, args: values, keywords, error: None };
                        let result = runtime::format_template(text, &mut format_args);
                        if let Some(error) = format_args.error.take() {
                            return Err(error);
                        }
                        result.map(Value::str)
                    }
                    _ => Err(RuntimeError::type_error("unknown str method")),
                };
                result.map_err(|e| self.rt(e))
            }
            Value::List(list) => match id {
                26 => {
                    list.borrow_mut().push(raw(1).unwrap_or_default());
                    Ok(Value::None)
                }
                27 => {
                    let items = self.collect_iterable(&raw(1).unwrap_or_default())?;
                    list.borrow_mut().extend(items);
                    Ok(Value::None)
                }
                28 => {
                    let idx = self.int_of(&raw(1).unwrap_or_default())?.to_ssize().map_err(|e| self.rt(e))?;
                    let mut items = list.borrow_mut();
                    let len = items.len() as i64;
                    let pos = if idx < 0 { (idx + len).max(0) } else { idx.min(len) } as usize;
                    items.insert(pos, raw(2).unwrap_or_default());
                    Ok(Value::None)
                }
                29 => {
                    let idx = match arg(1) {
                        Some(v) => self.int_of(&v)?.to_ssize().map_err(|e| self.rt(e))?,
                        None => -1,
                    };
                    let len = list.borrow().len();
                    if len == 0 {
                        return Err(self.runtime_exc("IndexError", "pop from empty list".into()));
                    }
                    match runtime::resolve_index(len, idx) {
                        Some(pos) => Ok(list.borrow_mut().remove(pos)),
                        None => Err(self.runtime_exc("IndexError", "pop index out of range".into())),
                    }
                }
                30..=32 => {
                    let target = raw(1).unwrap_or_default();
                    let items = list.borrow().clone();
                    let len = items.len() as i64;
                    let clamp = |v: i64| if v < 0 { (v + len).max(0) } else { v.min(len) } as usize;
                    let (lo, hi) = if id == 31 {
                        let lo = match arg(2) {
                            Some(v) => clamp(self.int_of(&v)?.to_i64_saturating()),
                            None => 0,
                        };
                        let hi = match arg(3) {
                            Some(v) => clamp(self.int_of(&v)?.to_i64_saturating()),
                            None => items.len(),
                        };
                        (lo, hi.max(lo))
                    } else {
                        (0, items.len())
                    };
                    let mut count = 0;
                    for (pos, item) in items.iter().enumerate().take(hi).skip(lo) {
                        if item.is(&target) || self.eq(item, &target)? {
                            match id {
                                30 => {
                                    list.borrow_mut().remove(pos);
                                    return Ok(Value::None);
                                }
                                31 => return Ok(Value::Int(pos as i64)),
                                _ => count += 1,
                            }
                        }
                    }
                    match id {
                        30 => Err(self.runtime_exc("ValueError", "list.remove(x): x not in list".into())),
                        31 => {
                            let text = self.repr(&target)?;
                            Err(self.runtime_exc("ValueError", format!("{text} is not in list")))
                        }
                        _ => Ok(Value::Int(count)),
                    }
                }
                33 => {
                    list.borrow_mut().reverse();
                    Ok(Value::None)
                }
                34 => {
                    let key = arg(1);
                    let reverse = match arg(2) {
                        Some(v) => self.truthy(&v)?,
                        None => false,
                    };
                    // As in CPython the list is empty while it is sorted; whatever the key
                    // or `__lt__` put into it meanwhile is dropped, and reported.
                    let mut items = std::mem::take(&mut *list.borrow_mut());
                    let result = self.sort_values(&mut items, key.as_ref(), reverse);
                    let modified = !std::mem::replace(&mut *list.borrow_mut(), items).is_empty();
                    result?;
                    if modified {
                        return Err(self.runtime_exc("ValueError", "list modified during sort".into()));
                    }
                    Ok(Value::None)
                }
                35 => Ok(Value::list(list.borrow().clone())),
                36 => {
                    list.borrow_mut().clear();
                    Ok(Value::None)
                }
                _ => Err(self.type_error("unknown list method".into())),
            },
            Value::Dict(dict) => match id {
                37 => {
                    let key = raw(1).unwrap_or_default();
                    self.check_hashable(&key)?;
                    let key_ = self.key(key)?;
                    let found = self.dict_get(&dict, &key_)?;
                    Ok(found.or_else(|| raw(2)).unwrap_or_default())
                }
                38 => Ok(dict_view(dict, ViewKind::Items)),
                39 => Ok(dict_view(dict, ViewKind::Keys)),
                40 => Ok(dict_view(dict, ViewKind::Values)),
                41 => {
                    let key = raw(1).unwrap_or_default();
                    self.check_hashable(&key)?;
                    let key_ = self.key(key.clone())?;
                    let removed = self.dict_remove(&dict, &key_)?;
                    match (removed, args.get(2).cloned().flatten()) {
                        (Some(value), _) => Ok(value),
                        (None, Some(default)) => Ok(default),
                        (None, None) => Err(self.key_error(&key)),
                    }
                }
                42 => {
                    let key = raw(1).unwrap_or_default();
                    self.check_hashable(&key)?;
                    let default = raw(2).unwrap_or_default();
                    let key_ = self.key(key)?;
                    self.dict_setdefault(&dict, key_, default)
                }
                43 => {
                    if let Some(Value::Dict(other)) = raw(1) {
                        let entries: Vec<(Key, Value)> =
                            other.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                        for (k, v) in entries {
                            self.dict_set(&dict, k, v)?;
                        }
                    }
                    Ok(Value::None)
                }
                44 => Ok(Value::Dict(Rc::new(RefCell::new(dict.borrow().clone())))),
                45 => {
                    dict.borrow_mut().clear();
                    Ok(Value::None)
                }
                _ => Err(self.type_error("unknown dict method".into())),
            },
            Value::Set(set) => match id {
                46 => {
                    let item = raw(1).unwrap_or_default();
                    self.check_hashable(&item)?;
                    let key_ = self.key(item)?;
                    self.set_add(&set, key_)?;
                    Ok(Value::None)
                }
                47 | 48 => {
                    let item = raw(1).unwrap_or_default();
                    self.check_hashable(&item)?;
                    let key_ = self.key(item.clone())?;
                    let removed = self.set_remove(&set, &key_)?;
                    if !removed && id == 47 {
                        return Err(self.key_error(&item));
                    }
                    Ok(Value::None)
                }
                49 => {
                    let first = set.borrow_mut().shift_remove_index(0);
                    match first {
                        Some(key) => Ok(key.0),
                        None => Err(self.runtime_exc("KeyError", "pop from an empty set".into())),
                    }
                }
                50..=53 => {
                    // An iterable that is not a set becomes one first (its equal elements
                    // collapse, calling `__eq__`), then the operator's algorithm runs.
                    let other = match raw(1).unwrap_or_default() {
                        Value::Set(other) => other,
                        iterable => self.set_from_iterable(&iterable)?,
                    };
                    let set_op = match id {
                        50 => SetOp::Union,
                        51 => SetOp::Intersection,
                        52 => SetOp::Difference,
                        _ => {
                            let mine: Vec<Key> = set.borrow().iter().cloned().collect();
                            let subset = mine.len() <= other.borrow().len() && self.set_all_in(&mine, &other)?;
                            return Ok(Value::Bool(subset));
                        }
                    };
                    let result = self.set_operation(set_op, &set, &other)?;
                    Ok(Value::Set(Rc::new(RefCell::new(result))))
                }
                54 => Ok(Value::Set(Rc::new(RefCell::new(set.borrow().clone())))),
                55 => {
                    set.borrow_mut().clear();
                    Ok(Value::None)
                }
                _ => Err(self.type_error("unknown set method".into())),
            },
            other => {
                let name = other.type_name();
                Err(self.type_error(format!("'{name}' object has no such method")))
            }
        }
    }
}

/// Supplies `str.format`'s arguments from VM values.
struct VmFormatArgs<'v, 'p> {
    vm: &'v mut Vm<'p>,
    args: Vec<Value>,
    keywords: Vec<(String, Value)>,
    /// A guest exception raised while formatting (reported instead of the text error).
    error: Option<Exc>,
}

impl FormatArgs for VmFormatArgs<'_, '_> {
    fn positional_count(&self) -> usize {
        self.args.len()
    }

    fn has_keyword(&self, name: &str) -> bool {
        self.keywords.iter().any(|(n, _)| n == name)
    }

    fn format_field(
        &mut self,
        key: FieldKey<'_>,
        accessors: &[FieldAccess<'_>],
        conversion: Option<runtime::Conversion>,
        spec: &str,
    ) -> RtResult<String> {
        let mut value = match key {
            FieldKey::Index(idx) => self.args.get(idx).cloned().unwrap_or_default(),
            FieldKey::Name(name) => {
                self.keywords.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()).unwrap_or_default()
            }
        };
        for access in accessors {
            // `[0]` indexes with an int, `[key]` with the string `key`, `.name` reads an
            // attribute, as CPython's.
            let next = match access {
                FieldAccess::Index(i) => self.vm.index(&value, &Value::Int(*i as i64)),
                FieldAccess::Key(key) => self.vm.index(&value, &Value::str(*key)),
                FieldAccess::Attr(name) => self.vm.attribute_by_name(&value, name),
            };
            match next {
                Ok(v) => value = v,
                Err(e) => {
                    self.error = Some(e);
                    return Err(RuntimeError::value("format"));
                }
            }
        }
        let conversion = match conversion {
            None => 0,
            Some(runtime::Conversion::Str) => 1,
            Some(runtime::Conversion::Repr) => 2,
            Some(runtime::Conversion::Ascii) => 3,
        };
        let spec_value = Value::str(spec);
        match self.vm.format_field(&value, conversion, Some(&spec_value)) {
            Ok(text) => Ok(text),
            Err(e) => {
                self.error = Some(e);
                Err(RuntimeError::value("format"))
            }
        }
    }
}
