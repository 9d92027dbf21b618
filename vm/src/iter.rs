//! Iterator objects: creating them from iterables (`iter()`), stepping them, and the
//! live views of a dict (`dict.keys()`, `values()`, `items()`).
//!
//! Steps never run guest code. A dict or set iterator remembers the size of its container
//! when it started and fails, for good, on any later step once the size changed, as
//! CPython's do; a list is read live (it may grow or shrink while iterated).

use std::cell::RefCell;
use std::rc::Rc;

use crate::interp::{Exc, Vm, VmResult};
use crate::value::{DictView, IterState, Key, Value, ViewKind};

/// Why an iterator step failed. The caller raises it (`Vm::iter_error`) once it has
/// released the iterator's borrow.
#[derive(Clone, Copy, Debug)]
pub(crate) enum IterError {
    DictChangedSize,
    SetChangedSize,
}

/// The `len` of a dict or set iterator that failed: no size equals it, so it keeps
/// failing (CPython makes the error sticky the same way).
const FAILED: usize = usize::MAX;

impl Vm<'_> {
    /// `iter(value)`: an iterator is its own iterator; anything else gets a fresh one.
    #[inline(never)]
    pub(crate) fn get_iter(&mut self, value: &Value) -> VmResult<Value> {
        let state = match value {
            Value::Iter(_) => return Ok(value.clone()),
            Value::List(_) | Value::Tuple(_) => IterState::Seq(value.clone(), 0),
            Value::Str(s) => IterState::Str(s.clone(), 0),
            Value::Range(range) => IterState::Range(range.0, range.1, range.2),
            Value::Dict(dict) => {
                let len = dict.borrow().len();
                IterState::Dict { dict: dict.clone(), kind: ViewKind::Keys, pos: 0, len }
            }
            Value::DictView(view) => {
                let len = view.dict.borrow().len();
                IterState::Dict { dict: view.dict.clone(), kind: view.kind, pos: 0, len }
            }
            Value::Set(set) => {
                let len = set.borrow().len();
                IterState::Set { set: set.clone(), pos: 0, len }
            }
            other => {
                let name = other.type_name();
                return Err(self.type_error(format!("'{name}' object is not iterable")));
            }
        };
        Ok(Value::Iter(Rc::new(RefCell::new(state))))
    }

    /// The state an `enumerate` or `zip` steps: a fresh iterator's own state, or a link
    /// to an iterator object the program holds (stepping one steps the other).
    pub(crate) fn iter_state(&mut self, value: &Value) -> VmResult<IterState> {
        if let Value::Iter(shared) = value {
            return Ok(IterState::Shared(shared.clone()));
        }
        match self.get_iter(value)? {
            Value::Iter(fresh) => Ok(Rc::try_unwrap(fresh).map_or_else(IterState::Shared, RefCell::into_inner)),
            _ => Ok(IterState::Items(Vec::new(), 0)),
        }
    }

    /// All items of an iterable.
    #[inline(never)]
    pub(crate) fn collect_iterable(&mut self, value: &Value) -> VmResult<Vec<Value>> {
        match value {
            Value::List(list) => Ok(list.borrow().clone()),
            Value::Tuple(items) => Ok((**items).clone()),
            Value::Dict(dict) => Ok(dict.borrow().keys().map(|k| k.0.clone()).collect()),
            Value::DictView(view) => Ok(view_items(view)),
            Value::Set(set) => Ok(set.borrow().iter().map(|k| k.0.clone()).collect()),
            _ => {
                let iter = self.get_iter(value)?;
                let mut items = Vec::new();
                if let Value::Iter(state) = &iter {
                    let mut state = state.borrow_mut();
                    loop {
                        match self.iter_next(&mut state) {
                            Ok(Some(item)) => items.push(item),
                            Ok(None) => break,
                            Err(err) => {
                                drop(state);
                                return Err(self.iter_error(err));
                            }
                        }
                    }
                }
                Ok(items)
            }
        }
    }

    /// One step of an iterator: its next item, or `None` once it is exhausted.
    #[inline(never)]
    pub(crate) fn iter_next(&self, state: &mut IterState) -> Result<Option<Value>, IterError> {
        Ok(match state {
            IterState::Seq(seq, idx) => {
                let item = match seq {
                    Value::List(list) => list.borrow().get(*idx).cloned(),
                    Value::Tuple(items) => items.get(*idx).cloned(),
                    _ => None,
                };
                *idx += 1;
                item
            }
            IterState::Str(text, pos) => {
                let Some(c) = text.as_str().get(*pos..).and_then(|rest| rest.chars().next()) else { return Ok(None) };
                *pos += c.len_utf8();
                Some(self.char_value(c))
            }
            IterState::Range(cur, stop, step) => {
                if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                    let value = *cur;
                    *cur = cur.checked_add(*step).unwrap_or(*stop);
                    Some(Value::Int(value))
                } else {
                    None
                }
            }
            IterState::Items(items, idx) => {
                let item = items.get(*idx).cloned();
                *idx += 1;
                item
            }
            IterState::Dict { dict, kind, pos, len } => {
                let dict = dict.borrow();
                if *pos == FAILED {
                    return Ok(None);
                }
                if dict.len() != *len {
                    *len = FAILED;
                    return Err(IterError::DictChangedSize);
                }
                let Some((key, value)) = dict.get_index(*pos) else {
                    // Exhausted for good, whatever happens to the dict later.
                    *pos = FAILED;
                    return Ok(None);
                };
                *pos += 1;
                Some(match kind {
                    ViewKind::Keys => key.0.clone(),
                    ViewKind::Values => value.clone(),
                    ViewKind::Items => Value::tuple(vec![key.0.clone(), value.clone()]),
                })
            }
            IterState::Set { set, pos, len } => {
                let set = set.borrow();
                if *pos == FAILED {
                    return Ok(None);
                }
                if set.len() != *len {
                    *len = FAILED;
                    return Err(IterError::SetChangedSize);
                }
                let Some(key) = set.get_index(*pos) else {
                    *pos = FAILED;
                    return Ok(None);
                };
                *pos += 1;
                Some(key.0.clone())
            }
            IterState::Reversed(seq, next) => {
                let Some(idx) = next.checked_sub(1) else { return Ok(None) };
                let item = match seq {
                    Value::List(list) => list.borrow().get(idx).cloned(),
                    Value::Tuple(items) => items.get(idx).cloned(),
                    _ => None,
                };
                *next = if item.is_some() { idx } else { 0 };
                item
            }
            IterState::Enumerate(inner, count) => {
                let Some(item) = self.iter_next(inner)? else { return Ok(None) };
                // The count goes on past 64 bits, as CPython's does.
                let value = Value::tuple(vec![Value::from_int(count.clone()), item]);
                *count = count.add(&crate::runtime::Int::Small(1));
                Some(value)
            }
            IterState::Zip(iters) => {
                if iters.is_empty() {
                    return Ok(None);
                }
                let mut items = Vec::with_capacity(iters.len());
                for iter in iters.iter_mut() {
                    let Some(item) = self.iter_next(iter)? else { return Ok(None) };
                    items.push(item);
                }
                Some(Value::tuple(items))
            }
            IterState::Shared(shared) => match shared.try_borrow_mut() {
                Ok(mut inner) => self.iter_next(&mut inner)?,
                // Only a state that steps itself could be borrowed here: it has no items.
                Err(_) => None,
            },
        })
    }

    /// The exception of a failed iterator step.
    #[cold]
    #[inline(never)]
    pub(crate) fn iter_error(&mut self, err: IterError) -> Exc {
        match err {
            IterError::DictChangedSize => {
                self.runtime_exc("RuntimeError", "dictionary changed size during iteration".into())
            }
            IterError::SetChangedSize => self.runtime_exc("RuntimeError", "Set changed size during iteration".into()),
        }
    }

    /// `item in view`.
    pub(crate) fn view_contains(&mut self, view: &DictView, item: &Value) -> VmResult<bool> {
        match view.kind {
            ViewKind::Keys => {
                self.check_hashable(item)?;
                let key = self.key(item.clone())?;
                Ok(self.dict_find(&view.dict, &key)?.is_some())
            }
            ViewKind::Items => {
                // CPython looks the key up and compares the values; anything but a pair
                // is simply not there.
                let Value::Tuple(pair) = item else { return Ok(false) };
                let [key, value] = pair.as_slice() else { return Ok(false) };
                self.check_hashable(key)?;
                let key: Key = self.key(key.clone())?;
                match self.dict_get(&view.dict, &key)? {
                    Some(found) => Ok(found.is(value) || self.eq(&found, value)?),
                    None => Ok(false),
                }
            }
            ViewKind::Values => {
                let values: Vec<Value> = view.dict.borrow().values().cloned().collect();
                for value in &values {
                    if value.is(item) || self.eq(value, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// `left == right` for a keys or items view (set-like: same size, every item of one
    /// in the other); values views are equal only to themselves.
    pub(crate) fn view_eq(&mut self, left: &DictView, right: &Value) -> VmResult<bool> {
        if left.kind == ViewKind::Values {
            return Ok(false);
        }
        let right_len = match right {
            Value::DictView(other) if other.kind != ViewKind::Values => other.dict.borrow().len(),
            Value::Set(set) => set.borrow().len(),
            _ => return Ok(false),
        };
        let items = view_items(left);
        if items.len() != right_len {
            return Ok(false);
        }
        for item in &items {
            let found = match right {
                Value::DictView(other) => self.view_contains(other, item)?,
                _ => self.contains(right, item)?,
            };
            if !found {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// The items a view gives, in the dict's order (a snapshot).
pub(crate) fn view_items(view: &DictView) -> Vec<Value> {
    let dict = view.dict.borrow();
    match view.kind {
        ViewKind::Keys => dict.keys().map(|k| k.0.clone()).collect(),
        ViewKind::Values => dict.values().cloned().collect(),
        ViewKind::Items => dict.iter().map(|(k, v)| Value::tuple(vec![k.0.clone(), v.clone()])).collect(),
    }
}

/// A view of `dict`.
pub(crate) fn dict_view(dict: Rc<RefCell<crate::value::Dict>>, kind: ViewKind) -> Value {
    Value::DictView(Rc::new(DictView { dict, kind }))
}
