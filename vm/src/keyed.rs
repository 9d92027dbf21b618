//! Dict and set lookups that call a user `__eq__` on a hash match, as CPython does.
//!
//! `IndexMap`'s own lookups compare keys with [`Key`]'s `PartialEq`, which cannot run
//! guest code. Every dict and set operation of the VM therefore finds its key here, in
//! two phases:
//!
//! 1. a probe walks the table's candidates for the hash without running guest code: a
//!    pair that cannot involve a user `__eq__` is compared natively (and ends the walk on
//!    a match, the fast path of str and int keys); every other entry with the same Python
//!    hash is remembered;
//! 2. the remembered entries are visited in insertion order (the order of CPython's probe
//!    sequence for keys of equal hash, as long as no same-hash key was deleted and
//!    re-inserted in between): identity and native equality match without a call, as
//!    CPython's `a is b` shortcut does; otherwise `stored == query` runs, the stored key
//!    on the left as in CPython's `dict` and `set`.
//!
//! No `RefCell` borrow of the container is held while guest code runs.

use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use indexmap::Equivalent;

use crate::interp::{Vm, VmResult, names};
use crate::value::{Dict, Key, Provider, Set, Value, keys_equal};

/// Whether comparing `value` with another value may call a user `__eq__`.
pub(crate) fn may_run_guest_eq(value: &Value) -> bool {
    match value {
        Value::Instance(inst) => {
            match inst.class.provider(names::EQ, |class| class.dataclass.is_some_and(|(_, _, eq)| eq)) {
                Provider::User(_) => true,
                Provider::Generated(owner) => {
                    inst.fields.borrow().iter().take(owner.fields.len()).any(may_run_guest_eq)
                }
                Provider::Object => false,
            }
        }
        Value::Tuple(items) => items.iter().any(may_run_guest_eq),
        _ => false,
    }
}

/// Whether two values are the very same object (what the second phase uses to find an
/// entry again; values without identity compare as `is` does).
fn same_object(left: &Value, right: &Value) -> bool {
    match (left, right) {
        (Value::BigInt(a), Value::BigInt(b)) => Rc::ptr_eq(a, b),
        (Value::BoundMethod(a), Value::BoundMethod(b)) => Rc::ptr_eq(a, b),
        _ => left.is(right),
    }
}

/// The first phase's query (see the module documentation).
struct Probe<'a> {
    key: &'a Key,
    query_is_guest: bool,
    /// Stored keys with the query's hash that need the second phase, in probe order.
    deferred: RefCell<Vec<Value>>,
}

impl Hash for Probe<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Must hash exactly as `Key` does.
        self.key.hash(state);
    }
}

impl Equivalent<Key> for Probe<'_> {
    fn equivalent(&self, stored: &Key) -> bool {
        if stored.1 != self.key.1 {
            return false;
        }
        if !self.query_is_guest && !may_run_guest_eq(&stored.0) {
            return keys_equal(&stored.0, &self.key.0);
        }
        self.deferred.borrow_mut().push(stored.0.clone());
        false
    }
}

/// Finds one stored entry again by identity.
struct SameEntry<'a> {
    value: &'a Value,
    hash: i64,
}

impl Hash for SameEntry<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

impl Equivalent<Key> for SameEntry<'_> {
    fn equivalent(&self, stored: &Key) -> bool {
        stored.1 == self.hash && same_object(&stored.0, self.value)
    }
}

/// The two index lookups of one container (a dict or a set), each taking and releasing
/// its borrow.
trait Table {
    fn index_of_probe(&self, probe: &Probe<'_>) -> Option<usize>;
    fn index_of_same(&self, same: &SameEntry<'_>) -> Option<usize>;
}

impl Table for RefCell<Dict> {
    fn index_of_probe(&self, probe: &Probe<'_>) -> Option<usize> {
        self.borrow().get_index_of(probe)
    }

    fn index_of_same(&self, same: &SameEntry<'_>) -> Option<usize> {
        self.borrow().get_index_of(same)
    }
}

impl Table for RefCell<Set> {
    fn index_of_probe(&self, probe: &Probe<'_>) -> Option<usize> {
        self.borrow().get_index_of(probe)
    }

    fn index_of_same(&self, same: &SameEntry<'_>) -> Option<usize> {
        self.borrow().get_index_of(same)
    }
}

impl Vm<'_> {
    /// The index of the entry equal to `key`, calling user `__eq__` methods as CPython does.
    fn find_in(&mut self, table: &impl Table, key: &Key) -> VmResult<Option<usize>> {
        let probe = Probe { key, query_is_guest: may_run_guest_eq(&key.0), deferred: RefCell::new(Vec::new()) };
        let native_match = table.index_of_probe(&probe);
        let deferred = probe.deferred.into_inner();
        if deferred.is_empty() {
            return Ok(native_match);
        }
        let mut candidates: Vec<(usize, Option<Value>)> = Vec::with_capacity(deferred.len() + 1);
        for value in deferred {
            if let Some(idx) = table.index_of_same(&SameEntry { value: &value, hash: key.1 }) {
                candidates.push((idx, Some(value)));
            }
        }
        if let Some(idx) = native_match {
            candidates.push((idx, None));
        }
        candidates.sort_by_key(|entry| entry.0);
        for (idx, stored) in candidates {
            let Some(stored) = stored else { return Ok(Some(idx)) };
            if keys_equal(&stored, &key.0) || self.eq(&stored, &key.0)? {
                // The guest's `__eq__` may have changed the container: find the entry again.
                return Ok(table.index_of_same(&SameEntry { value: &stored, hash: key.1 }));
            }
        }
        Ok(None)
    }

    pub(crate) fn dict_find(&mut self, dict: &RefCell<Dict>, key: &Key) -> VmResult<Option<usize>> {
        self.find_in(dict, key)
    }

    pub(crate) fn set_find(&mut self, set: &RefCell<Set>, key: &Key) -> VmResult<Option<usize>> {
        self.find_in(set, key)
    }

    /// `dict[key]` without the `KeyError`.
    pub(crate) fn dict_get(&mut self, dict: &RefCell<Dict>, key: &Key) -> VmResult<Option<Value>> {
        let idx = self.dict_find(dict, key)?;
        Ok(idx.and_then(|idx| dict.borrow().get_index(idx).map(|(_, value)| value.clone())))
    }

    /// `dict[key] = value`: an equal key already there keeps its place and its identity.
    pub(crate) fn dict_set(&mut self, dict: &RefCell<Dict>, key: Key, value: Value) -> VmResult<()> {
        match self.dict_find(dict, &key)? {
            Some(idx) => {
                if let Some((_, slot)) = dict.borrow_mut().get_index_mut(idx) {
                    *slot = value;
                }
            }
            None => {
                dict.borrow_mut().insert(key, value);
            }
        }
        Ok(())
    }

    /// Removes `key`, returning its value.
    pub(crate) fn dict_remove(&mut self, dict: &RefCell<Dict>, key: &Key) -> VmResult<Option<Value>> {
        let idx = self.dict_find(dict, key)?;
        Ok(idx.and_then(|idx| dict.borrow_mut().shift_remove_index(idx)).map(|(_, value)| value))
    }

    /// `dict.setdefault(key, default)`.
    pub(crate) fn dict_setdefault(&mut self, dict: &RefCell<Dict>, key: Key, default: Value) -> VmResult<Value> {
        if let Some(idx) = self.dict_find(dict, &key)?
            && let Some((_, value)) = dict.borrow().get_index(idx)
        {
            return Ok(value.clone());
        }
        dict.borrow_mut().insert(key, default.clone());
        Ok(default)
    }

    pub(crate) fn set_contains(&mut self, set: &RefCell<Set>, key: &Key) -> VmResult<bool> {
        Ok(self.set_find(set, key)?.is_some())
    }

    /// `set.add(key)`: an equal element already there stays.
    pub(crate) fn set_add(&mut self, set: &RefCell<Set>, key: Key) -> VmResult<()> {
        if self.set_find(set, &key)?.is_none() {
            set.borrow_mut().insert(key);
        }
        Ok(())
    }

    /// Removes `key`, returning whether it was there.
    pub(crate) fn set_remove(&mut self, set: &RefCell<Set>, key: &Key) -> VmResult<bool> {
        let idx = self.set_find(set, key)?;
        Ok(idx.and_then(|idx| set.borrow_mut().shift_remove_index(idx)).is_some())
    }

    /// `set(iterable)`: each item is hashed and added before the next one is looked at.
    pub(crate) fn set_from_iterable(&mut self, iterable: &Value) -> VmResult<Rc<RefCell<Set>>> {
        if let Value::Set(set) = iterable {
            return Ok(Rc::new(RefCell::new(set.borrow().clone())));
        }
        let set = Rc::new(RefCell::new(crate::value::new_set()));
        for item in self.collect_iterable(iterable)? {
            self.check_hashable(&item)?;
            let key = self.key(item)?;
            self.set_add(&set, key)?;
        }
        Ok(set)
    }

    /// Whether every element of `small` is in `big` (CPython's `set_issubset` loop).
    pub(crate) fn set_all_in(&mut self, small: &[Key], big: &RefCell<Set>) -> VmResult<bool> {
        for key in small {
            if !self.set_contains(big, key)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `a | b`, `a & b`, `a - b` and `a ^ b` on sets, following the algorithms of
    /// CPython 3.11's `setobject.c` so that user `__eq__` calls happen in the same order.
    pub(crate) fn set_operation(&mut self, op: SetOp, a: &RefCell<Set>, b: &RefCell<Set>) -> VmResult<Set> {
        let a_keys: Vec<Key> = a.borrow().iter().cloned().collect();
        let b_keys: Vec<Key> = b.borrow().iter().cloned().collect();
        let result = RefCell::new(crate::value::new_set());
        match op {
            SetOp::Union => {
                *result.borrow_mut() = a.borrow().clone();
                for key in b_keys {
                    self.set_add(&result, key)?;
                }
            }
            SetOp::Intersection => {
                // CPython walks the smaller set and looks its elements up in the larger.
                let (walked, looked_up) = if b_keys.len() > a_keys.len() { (a_keys, b) } else { (b_keys, a) };
                for key in walked {
                    if self.set_contains(looked_up, &key)? {
                        self.set_add(&result, key)?;
                    }
                }
            }
            SetOp::Difference if a_keys.len() >> 2 > b_keys.len() => {
                *result.borrow_mut() = a.borrow().clone();
                for key in b_keys {
                    self.set_remove(&result, &key)?;
                }
            }
            SetOp::Difference => {
                for key in a_keys {
                    if !self.set_contains(b, &key)? {
                        result.borrow_mut().insert(key);
                    }
                }
            }
            SetOp::SymmetricDifference => {
                *result.borrow_mut() = b.borrow().clone();
                for key in a_keys {
                    if !self.set_remove(&result, &key)? {
                        self.set_add(&result, key)?;
                    }
                }
            }
        }
        Ok(result.into_inner())
    }
}

/// The binary set operations of [`Vm::set_operation`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum SetOp {
    Union,
    Intersection,
    Difference,
    SymmetricDifference,
}
