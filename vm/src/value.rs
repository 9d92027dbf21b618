//! The run-time object model: a 16-byte [`Value`] and the heap objects it points to.
//!
//! Immediates (None, bool, small int, float) live inline; everything else is behind an
//! `Rc`. Mutable containers use `RefCell`; the interpreter never holds a borrow across a
//! call into guest code, so borrows cannot conflict.

use std::cell::{Cell, RefCell};
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;

use indexmap::{IndexMap, IndexSet};
use num_bigint::BigInt;

use crate::runtime::{Int, PyStr};

/// A Python value.
#[derive(Default)]
pub(crate) enum Value {
    #[default]
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// An int that does not fit in `i64` (never holds a value that does).
    BigInt(Rc<BigInt>),
    Str(Rc<PyStr>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<Vec<Value>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<Set>>),
    Instance(Rc<Instance>),
    Class(Rc<Class>),
    Function(Rc<FuncObj>),
    /// A method bound to its receiver: `(receiver, function)`.
    BoundMethod(Rc<(Value, Value)>),
    /// A built-in function used as a value.
    Builtin(u32),
    /// A native module function used as a value.
    Native(u32),
    /// A built-in type's method bound to its receiver.
    BMethod(Rc<(Value, u32)>),
    Range(Rc<(i64, i64, i64)>),
    /// `dict.keys()`, `dict.values()` or `dict.items()`: a live view of the dict.
    DictView(Rc<DictView>),
    Iter(Rc<RefCell<IterState>>),
    /// A closure cell (only ever in registers of captured locals and in closures).
    Cell(Rc<RefCell<Value>>),
    /// A variable not yet assigned: only in registers of locals the compiler could not
    /// prove assigned (`load_unbound`), in cells and in module globals; every read of such
    /// a place goes through a check that raises instead of letting it escape.
    Unbound,
}

// Registers are copied and moved constantly: keep a value two words wide.
const _: () = assert!(std::mem::size_of::<Value>() == 16);

impl Clone for Value {
    /// Immediates are copied without going through the generic clone of every variant.
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            other => other.clone_heap(),
        }
    }
}

impl Value {
    #[inline(never)]
    fn clone_heap(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::BigInt(v) => Value::BigInt(v.clone()),
            Value::Str(v) => Value::Str(v.clone()),
            Value::List(v) => Value::List(v.clone()),
            Value::Tuple(v) => Value::Tuple(v.clone()),
            Value::Dict(v) => Value::Dict(v.clone()),
            Value::Set(v) => Value::Set(v.clone()),
            Value::Instance(v) => Value::Instance(v.clone()),
            Value::Class(v) => Value::Class(v.clone()),
            Value::Function(v) => Value::Function(v.clone()),
            Value::BoundMethod(v) => Value::BoundMethod(v.clone()),
            Value::Builtin(v) => Value::Builtin(*v),
            Value::Native(v) => Value::Native(*v),
            Value::BMethod(v) => Value::BMethod(v.clone()),
            Value::Range(v) => Value::Range(v.clone()),
            Value::DictView(v) => Value::DictView(v.clone()),
            Value::Iter(v) => Value::Iter(v.clone()),
            Value::Cell(v) => Value::Cell(v.clone()),
            Value::Unbound => Value::Unbound,
        }
    }

    pub(crate) fn str(text: impl Into<Box<str>>) -> Value {
        Value::Str(Rc::new(PyStr::new(text)))
    }

    pub(crate) fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    pub(crate) fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(items))
    }

    pub(crate) fn from_int(value: Int) -> Value {
        match value {
            Int::Small(v) => Value::Int(v),
            Int::Big(b) => Value::BigInt(b),
        }
    }

    pub(crate) fn from_bigint(value: BigInt) -> Value {
        Value::from_int(Int::from_bigint(value))
    }

    /// The value as a runtime `Int` (ints and bools).
    pub(crate) fn as_int(&self) -> Option<Int> {
        match self {
            Value::Int(v) => Some(Int::Small(*v)),
            Value::Bool(b) => Some(Int::Small(i64::from(*b))),
            Value::BigInt(b) => Some(Int::Big(b.clone())),
            _ => None,
        }
    }

    pub(crate) fn type_name(&self) -> String {
        match self {
            Value::None => "NoneType".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) | Value::BigInt(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::List(_) => "list".into(),
            Value::Tuple(_) => "tuple".into(),
            Value::Dict(_) => "dict".into(),
            Value::Set(_) => "set".into(),
            Value::Instance(inst) => inst.class.name.clone(),
            Value::Class(_) => "type".into(),
            Value::Function(_) => "function".into(),
            Value::BoundMethod(_) => "method".into(),
            Value::Builtin(_) | Value::Native(_) | Value::BMethod(_) => "builtin_function_or_method".into(),
            Value::Range(_) => "range".into(),
            Value::DictView(view) => view.kind.type_name().into(),
            Value::Iter(_) => "iterator".into(),
            Value::Cell(_) => "cell".into(),
            Value::Unbound => "unbound".into(),
        }
    }

    /// Identity, as `is` sees it.
    pub(crate) fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || a.as_str() == b.as_str(),
            (Value::List(a), Value::List(b)) => Rc::ptr_eq(a, b),
            (Value::Tuple(a), Value::Tuple(b)) => Rc::ptr_eq(a, b),
            (Value::Dict(a), Value::Dict(b)) => Rc::ptr_eq(a, b),
            (Value::Set(a), Value::Set(b)) => Rc::ptr_eq(a, b),
            (Value::Instance(a), Value::Instance(b)) => Rc::ptr_eq(a, b),
            (Value::Class(a), Value::Class(b)) => Rc::ptr_eq(a, b),
            (Value::Function(a), Value::Function(b)) => Rc::ptr_eq(a, b),
            (Value::Builtin(a), Value::Builtin(b)) => a == b,
            (Value::Range(a), Value::Range(b)) => Rc::ptr_eq(a, b),
            (Value::DictView(a), Value::DictView(b)) => Rc::ptr_eq(a, b),
            (Value::Iter(a), Value::Iter(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// Overwrites a register, skipping the drop glue when the old value owns nothing (the
/// common case for ints, floats and bools in hot loops). Immediates are rebuilt field by
/// field rather than copied as 16 bytes: the value usually comes from a temporary that
/// was written piecewise, and a wide reload of it would stall on store forwarding.
#[inline(always)]
pub(crate) fn assign(slot: &mut Value, value: Value) {
    match slot {
        Value::None
        | Value::Bool(_)
        | Value::Int(_)
        | Value::Float(_)
        | Value::Builtin(_)
        | Value::Native(_)
        | Value::Unbound => {
            // The old value has no destructor: forgetting it is exactly dropping it.
            std::mem::forget(std::mem::replace(slot, value));
        }
        _ => *slot = value,
    }
}

/// Stores a copy of `value` into `slot`: when both hold the same immediate kind only the
/// payload is written (no clone, no drop glue), which is what list and field stores in
/// hot loops hit.
#[inline(always)]
pub(crate) fn store(slot: &mut Value, value: &Value) {
    match (&mut *slot, value) {
        (Value::Bool(s), Value::Bool(v)) => *s = *v,
        (Value::Int(s), Value::Int(v)) => *s = *v,
        (Value::Float(s), Value::Float(v)) => *s = *v,
        (_, value) => assign(slot, value.clone()),
    }
}

/// A function value: which code, its parameter defaults and its captured cells.
pub(crate) struct FuncObj {
    pub(crate) module: u32,
    pub(crate) func: u32,
    /// One entry per parameter (`None` where the parameter has no default).
    pub(crate) defaults: RefCell<Vec<Option<Value>>>,
    pub(crate) cells: Vec<Rc<RefCell<Value>>>,
}

/// How instances of a class are initialised by `C(...)`.
#[derive(Clone)]
pub(crate) enum InitKind {
    /// No `__init__` anywhere: no arguments.
    None,
    /// A user `__init__`.
    User(Rc<FuncObj>),
    /// The generated dataclass `__init__` (fields in layout order).
    Dataclass,
    /// A built-in exception's `__init__`: the arguments become `args`.
    Exception,
}

/// A class at run time.
pub(crate) struct Class {
    pub(crate) name: String,
    pub(crate) module: String,
    pub(crate) base: Option<Rc<Class>>,
    pub(crate) fields: Vec<String>,
    /// The interned names of `fields` (for class attributes of the same name).
    pub(crate) field_ids: Vec<u32>,
    /// Methods by interned name, inherited ones included (sorted by name id).
    pub(crate) methods: Vec<(u32, Rc<FuncObj>, MethodKind)>,
    pub(crate) dataclass: Option<(bool, bool, bool)>,
    /// Whether this is (or derives from) `BaseException`.
    pub(crate) is_exception: bool,
    pub(crate) init: RefCell<InitKind>,
    /// Class-level values (constants and plain-class field defaults), by name id.
    pub(crate) attrs: RefCell<Vec<(u32, Value)>>,
    /// Defaults of fields by slot (dataclass `__init__` and plain-class initial values).
    pub(crate) field_defaults: RefCell<Vec<Option<Value>>>,
    /// Set once the `class` statement ran.
    pub(crate) defined: Cell<bool>,
    /// Identity for `object.__repr__`-style output and hashing.
    pub(crate) id: u32,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum MethodKind {
    Instance,
    Static,
    Class,
}

/// Where the special method of an instance comes from (see [`Class::provider`]).
pub(crate) enum Provider<'c> {
    /// A method the program wrote.
    User(&'c Rc<FuncObj>),
    /// The method `@dataclass` generated for this class (its fields are the first
    /// `fields.len()` slots of the instance).
    Generated(&'c Class),
    /// Neither: `object`'s behaviour.
    Object,
}

impl Class {
    pub(crate) fn method(&self, name: u32) -> Option<&(u32, Rc<FuncObj>, MethodKind)> {
        self.methods.binary_search_by_key(&name, |entry| entry.0).ok().map(|idx| &self.methods[idx])
    }

    /// The special method `name` of instances of this class, as Python's lookup finds
    /// it: walking from the class up, the first class that defines it in its body, or
    /// that is a dataclass which `generates` it (a dataclass generates its `__repr__`
    /// and `__eq__` unless its own body defines them, whatever its bases define).
    pub(crate) fn provider(&self, name: u32, generates: impl Fn(&Class) -> bool) -> Provider<'_> {
        let mut current = Some(self);
        while let Some(class) = current {
            if let Some((_, own, _)) = class.method(name) {
                let inherited = class.base.as_ref().and_then(|base| base.method(name));
                if !inherited.is_some_and(|(_, theirs, _)| Rc::ptr_eq(own, theirs)) {
                    return Provider::User(own);
                }
            }
            if generates(class) {
                return Provider::Generated(class);
            }
            current = class.base.as_deref();
        }
        Provider::Object
    }

    /// Whether instances compare with a generated dataclass `__eq__` (and with which
    /// class's fields).
    pub(crate) fn generated_eq(&self) -> Option<&Class> {
        match self.provider(crate::interp::names::EQ, |class| class.dataclass.is_some_and(|(_, _, eq)| eq)) {
            Provider::Generated(owner) => Some(owner),
            _ => None,
        }
    }

    /// Whether `self` is `other` or derives from it.
    pub(crate) fn is_subclass_of(&self, other: &Class) -> bool {
        let mut current = Some(self);
        while let Some(class) = current {
            if std::ptr::eq(class, other) {
                return true;
            }
            current = class.base.as_deref();
        }
        false
    }

    /// The slot holding an exception's `args` tuple (after the declared fields).
    pub(crate) fn args_slot(&self) -> usize {
        self.fields.len()
    }

    pub(crate) fn slot_count(&self) -> usize {
        self.fields.len() + usize::from(self.is_exception)
    }
}

/// An instance of a user class (exceptions included: their `args` live in an extra slot).
pub(crate) struct Instance {
    pub(crate) class: Rc<Class>,
    pub(crate) fields: RefCell<Vec<Value>>,
}

/// Which view of a dict a [`DictView`] (or a dict iterator) gives.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum ViewKind {
    Keys,
    Values,
    Items,
}

impl ViewKind {
    pub(crate) fn type_name(self) -> &'static str {
        match self {
            ViewKind::Keys => "dict_keys",
            ViewKind::Values => "dict_values",
            ViewKind::Items => "dict_items",
        }
    }
}

/// A live view of a dict: it sees every later change of the dict and can be iterated
/// any number of times.
pub(crate) struct DictView {
    pub(crate) dict: Rc<RefCell<Dict>>,
    pub(crate) kind: ViewKind,
}

/// The state of an iterator object.
pub(crate) enum IterState {
    /// A list or tuple walked by index (a list may grow while iterated, as in CPython).
    Seq(Value, usize),
    Str(Rc<PyStr>, usize),
    Range(i64, i64, i64),
    /// A snapshot of items (reversed strs and ranges, ranges beyond 64 bits).
    Items(Vec<Value>, usize),
    /// A dict walked by position; `len` is its size when the walk started, and a change
    /// of size makes every later step fail, as CPython's dict iterators do.
    Dict {
        dict: Rc<RefCell<Dict>>,
        kind: ViewKind,
        pos: usize,
        len: usize,
    },
    /// A set walked by position, failing like a dict's when its size changes.
    Set {
        set: Rc<RefCell<Set>>,
        pos: usize,
        len: usize,
    },
    /// `reversed()` of a list or tuple: `next` is one past the index of the next item
    /// (0 when done); a list is read live, as CPython's `listreviterator` does.
    Reversed(Value, usize),
    Enumerate(Box<IterState>, crate::runtime::Int),
    Zip(Vec<IterState>),
    /// An iterator object shared with the program (`enumerate(reversed(xs))`): stepping
    /// this steps that object.
    Shared(Rc<RefCell<IterState>>),
}

/// A dictionary key: hashed and compared as Python does for hashable built-in values
/// (`1`, `1.0` and `True` are the same key).
#[derive(Clone)]
pub(crate) struct Key(pub(crate) Value, pub(crate) i64);

impl Key {
    /// A key hashed without running guest code (see `Vm::key` for user `__hash__`).
    pub(crate) fn native(value: Value) -> Key {
        let hash = hash_value(&value);
        Key(value, hash)
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.1);
    }
}

impl PartialEq for Key {
    /// Equal Python hashes first, as CPython compares keys only on a hash match.
    fn eq(&self, other: &Key) -> bool {
        self.1 == other.1 && keys_equal(&self.0, &other.0)
    }
}

impl Eq for Key {}

/// A fast hasher for already-mixed 64-bit hashes (the Python hash of a key).
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        // A multiplicative mix spreads small ints over the table's buckets.
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(26)
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_i64(&mut self, value: i64) {
        self.0 ^= value as u64;
    }
}

pub(crate) type Dict = IndexMap<Key, Value, BuildHasherDefault<KeyHasher>>;
pub(crate) type Set = IndexSet<Key, BuildHasherDefault<KeyHasher>>;

pub(crate) fn new_dict() -> Dict {
    Dict::default()
}

pub(crate) fn new_set() -> Set {
    Set::default()
}

/// Python's `hash()` for hashable values (strings use FNV: CPython randomises them anyway).
pub(crate) fn hash_value(value: &Value) -> i64 {
    match value {
        Value::None => 0x5EED,
        Value::Bool(b) => i64::from(*b),
        Value::Int(v) => Int::Small(*v).py_hash(),
        Value::BigInt(b) => Int::Big(b.clone()).py_hash(),
        Value::Float(f) => crate::runtime::float_ops::hash(*f),
        Value::Str(s) => {
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            for byte in s.as_str().bytes() {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
            let hash = (hash >> 1) as i64;
            if hash == -1 { -2 } else { hash }
        }
        Value::Tuple(items) => tuple_hash(items.iter().map(hash_value)),
        Value::Instance(inst) => {
            if inst.class.dataclass.is_some_and(|(frozen, _, eq)| frozen && eq) {
                // The generated `__hash__` is `hash((self.f1, self.f2, ...))`.
                let fields = inst.fields.borrow();
                tuple_hash(fields.iter().take(inst.class.fields.len()).map(hash_value))
            } else {
                Rc::as_ptr(inst) as usize as i64 >> 4
            }
        }
        Value::Class(class) => i64::from(class.id),
        Value::Function(f) => Rc::as_ptr(f) as usize as i64 >> 4,
        _ => 0,
    }
}

/// CPython's `tuplehash` (xxHash-based), so `hash((1, 2))` prints as CPython's does.
pub(crate) fn tuple_hash(hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let len = hashes.len() as u64;
    let mut acc = PRIME_5;
    for lane in hashes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(len ^ (PRIME_5 ^ 3_527_539));
    if acc as i64 == -1 { 1_546_275_796 } else { acc as i64 }
}

/// Equality of hashable keys without running guest code: instances of a class with a
/// user `__eq__` compare by identity (the VM calls their `__eq__` itself, see
/// `crate::keyed`), instances of a dataclass with the generated `__eq__` field-wise.
pub(crate) fn keys_equal(left: &Value, right: &Value) -> bool {
    match (left, right) {
        (Value::Str(a), Value::Str(b)) => a.as_str() == b.as_str(),
        (Value::Int(a), Value::Int(b)) => a == b,
        (Value::Tuple(a), Value::Tuple(b)) => {
            a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| keys_equal(x, y))
        }
        (Value::Instance(a), Value::Instance(b)) => {
            if Rc::ptr_eq(a, b) {
                return true;
            }
            if Rc::ptr_eq(&a.class, &b.class)
                && let Some(owner) = a.class.generated_eq()
            {
                let n = owner.fields.len();
                let (fa, fb) = (a.fields.borrow(), b.fields.borrow());
                return fa.iter().take(n).zip(fb.iter().take(n)).all(|(x, y)| keys_equal(x, y));
            }
            false
        }
        // Identity first, as CPython's lookups do: a NaN finds itself (each `float("nan")`
        // has a payload of its own, see `Vm::fresh_nan`).
        (Value::Float(a), Value::Float(b)) => a == b || a.to_bits() == b.to_bits(),
        _ => match (numeric(left), numeric(right)) {
            (Some(a), Some(b)) => a.eq(&b),
            _ => left.is(right),
        },
    }
}

/// A number as ints and floats compare across types.
pub(crate) enum Num {
    Int(Int),
    Float(f64),
}

impl Num {
    pub(crate) fn eq(&self, other: &Num) -> bool {
        matches!(self.cmp(other), Some(std::cmp::Ordering::Equal))
    }

    pub(crate) fn cmp(&self, other: &Num) -> Option<std::cmp::Ordering> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Some(a.cmp(b)),
            (Num::Float(a), Num::Float(b)) => a.partial_cmp(b),
            (Num::Int(a), Num::Float(b)) => a.cmp_f64(*b),
            (Num::Float(a), Num::Int(b)) => b.cmp_f64(*a).map(std::cmp::Ordering::reverse),
        }
    }
}

pub(crate) fn numeric(value: &Value) -> Option<Num> {
    match value {
        Value::Float(f) => Some(Num::Float(*f)),
        other => other.as_int().map(Num::Int),
    }
}
