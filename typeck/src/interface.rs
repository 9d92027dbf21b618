//! A module's public interface (what dependents may see) and its canonical hash.
//!
//! The interface is plain data (strings, vectors, enums; types name classes by module and
//! name), so the cache can store it. It holds no bodies, no spans and no private names,
//! except the definitions of private or foreign classes that a public signature mentions:
//! a dependent needs those to look up fields and methods of values it receives, and it
//! only receives the interfaces of the modules it imports directly.

use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use crate::types::{ClassRef, Type, ViewKind};

/// How a parameter may be passed.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub enum ParamKind {
    PositionalOrKeyword,
    KeywordOnly,
}

#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct ParamSig {
    pub name: SmolStr,
    pub ty: Type,
    pub kind: ParamKind,
    pub has_default: bool,
}

/// A function's signature (for methods, without `self`/`cls`).
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct FuncSig {
    pub params: Vec<ParamSig>,
    pub ret: Type,
}

impl FuncSig {
    /// The type of the function as a value: only its positional parameters count, and
    /// those with a default may be left out of a call.
    pub fn as_callable(&self) -> Type {
        let positional: Vec<&ParamSig> =
            self.params.iter().filter(|param| param.kind == ParamKind::PositionalOrKeyword).collect();
        let defaults = positional.iter().rev().take_while(|param| param.has_default).count();
        Type::callable_with_defaults(positional.iter().map(|p| p.ty.clone()).collect(), self.ret.clone(), defaults)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub enum MethodKind {
    Instance,
    Static,
    Class,
}

#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct MethodInfo {
    pub name: SmolStr,
    pub kind: MethodKind,
    pub sig: FuncSig,
}

#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct FieldInfo {
    pub name: SmolStr,
    pub ty: Type,
    /// Whether the class body gives a default (a dataclass field with a default, or a
    /// class-level value of a plain class).
    pub has_default: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct DataclassFlags {
    pub frozen: bool,
    pub order: bool,
    pub eq: bool,
}

/// A class definition: its own members (inherited ones are found through `base`).
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub struct ClassInfo {
    pub class: ClassRef,
    /// `None` for a class without a base (implicitly `object`).
    pub base: Option<ClassRef>,
    /// Instance fields declared by this class, in declaration order.
    pub fields: Vec<FieldInfo>,
    /// Methods in declaration order (dunder methods included).
    pub methods: Vec<MethodInfo>,
    /// Class-level constants (`LIMIT = 10` in the class body), in declaration order.
    pub constants: Vec<(SmolStr, Type)>,
    pub dataclass: Option<DataclassFlags>,
}

impl ClassInfo {
    pub fn method(&self, name: &str) -> Option<&MethodInfo> {
        self.methods.iter().find(|method| method.name == name)
    }

    pub fn field(&self, name: &str) -> Option<&FieldInfo> {
        self.fields.iter().find(|field| field.name == name)
    }

    pub fn constant(&self, name: &str) -> Option<&Type> {
        self.constants.iter().find(|(constant, _)| constant == name).map(|(_, ty)| ty)
    }
}

/// A name of the typing/dataclasses modules that is not a value: it only means something
/// in annotations or as a decorator.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub enum SpecialForm {
    Optional,
    Callable,
    Dataclass,
    FutureAnnotations,
    /// `typing.List` and friends are accepted in annotations for older code.
    List,
    Dict,
    Set,
    Tuple,
}

/// What a public name of a module is.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Serialize, Deserialize)]
pub enum Export {
    /// A function; `origin` is the module that defines it (differs for re-exports).
    Function {
        origin: SmolStr,
        name: SmolStr,
        sig: FuncSig,
    },
    /// A class, whose definition is in [`Interface::classes`] (or built in).
    Class(ClassRef),
    /// A global variable; `origin` is the module whose global it is.
    Variable {
        origin: SmolStr,
        name: SmolStr,
        ty: Type,
    },
    /// An imported module (`import a.b as c` makes `c` public).
    Module(SmolStr),
    Special(SpecialForm),
}

/// Read access to a module's interface, as the checker of an importing module uses it:
/// one export by name, and the class definitions it does not know yet. [`Interface`]
/// implements it, and so does the cache's archived interface, which answers in place from
/// its mapped entry and decodes only what it is asked for.
pub trait InterfaceView: Send + Sync {
    /// The public name `name`, if the module has it.
    fn export(&self, name: &str) -> Option<Export>;

    /// The definitions of the classes the interface holds that are defined outside
    /// `module` and that `wanted` accepts (it is asked with each class's name).
    fn classes_outside(&self, module: &str, wanted: &mut dyn FnMut(&ClassRef) -> bool) -> Vec<ClassInfo>;
}

impl InterfaceView for Interface {
    fn export(&self, name: &str) -> Option<Export> {
        Interface::export(self, name).cloned()
    }

    fn classes_outside(&self, module: &str, wanted: &mut dyn FnMut(&ClassRef) -> bool) -> Vec<ClassInfo> {
        self.classes.iter().filter(|info| info.class.module() != module && wanted(&info.class)).cloned().collect()
    }
}

#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
pub struct Interface {
    pub module: SmolStr,
    /// Public names, sorted by name.
    pub exports: Vec<(SmolStr, Export)>,
    /// Definitions of every class that the exports mention, sorted by (module, name).
    pub classes: Vec<ClassInfo>,
}

impl Interface {
    pub fn export(&self, name: &str) -> Option<&Export> {
        self.exports.binary_search_by(|(export, _)| export.as_str().cmp(name)).ok().map(|idx| &self.exports[idx].1)
    }

    pub fn class(&self, class: &ClassRef) -> Option<&ClassInfo> {
        self.classes.binary_search_by(|info| info.class.cmp(class)).ok().map(|idx| &self.classes[idx])
    }

    /// BLAKE3 of the canonical encoding: identical across runs, threads and platforms.
    pub fn interface_hash(&self) -> [u8; 32] {
        let mut encoder = Encoder { hasher: blake3::Hasher::new_derive_key("typhon 2026 module interface v1") };
        encoder.str(&self.module);
        encoder.len(self.exports.len());
        for (name, export) in &self.exports {
            encoder.str(name);
            encoder.export(export);
        }
        encoder.len(self.classes.len());
        for class in &self.classes {
            encoder.class_info(class);
        }
        *encoder.hasher.finalize().as_bytes()
    }

    /// The hash as 64 lowercase hex digits.
    pub fn interface_hash_hex(&self) -> String {
        let mut text = String::with_capacity(64);
        for byte in self.interface_hash() {
            text.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
            text.push(char::from(b"0123456789abcdef"[usize::from(byte & 15)]));
        }
        text
    }
}

/// Writes tagged, length-prefixed data into the hasher, so two different interfaces can
/// never encode to the same bytes.
struct Encoder {
    hasher: blake3::Hasher,
}

impl Encoder {
    fn tag(&mut self, tag: u8) {
        self.hasher.update(&[tag]);
    }

    fn len(&mut self, len: usize) {
        self.hasher.update(&(len as u64).to_le_bytes());
    }

    fn str(&mut self, text: &str) {
        self.len(text.len());
        self.hasher.update(text.as_bytes());
    }

    fn bool(&mut self, value: bool) {
        self.tag(u8::from(value));
    }

    fn class_ref(&mut self, class: &ClassRef) {
        self.str(class.module());
        self.str(class.name());
    }

    fn ty(&mut self, ty: &Type) {
        match ty {
            Type::Int => self.tag(1),
            Type::Float => self.tag(2),
            Type::Bool => self.tag(3),
            Type::Str => self.tag(4),
            Type::None => self.tag(5),
            Type::Object => self.tag(6),
            Type::List(elem) => {
                self.tag(7);
                self.ty(elem);
            }
            Type::Set(elem) => {
                self.tag(8);
                self.ty(elem);
            }
            Type::Dict(kv) => {
                self.tag(9);
                self.ty(&kv.0);
                self.ty(&kv.1);
            }
            Type::Tuple(items) => {
                self.tag(10);
                self.types(items);
            }
            Type::TupleOf(elem) => {
                self.tag(11);
                self.ty(elem);
            }
            Type::Union(parts) => {
                self.tag(12);
                self.types(parts);
            }
            Type::Callable(callable) => {
                self.tag(13);
                self.types(&callable.params);
                self.ty(&callable.ret);
                self.len(callable.defaults);
            }
            Type::Instance(class) => {
                self.tag(14);
                self.class_ref(class);
            }
            Type::ClassObj(class) => {
                self.tag(15);
                self.class_ref(class);
            }
            Type::Range => self.tag(16),
            Type::View(kind, payload) => {
                self.tag(17);
                self.tag(match kind {
                    ViewKind::Enumerate => 0,
                    ViewKind::Zip => 1,
                    ViewKind::Reversed => 2,
                    ViewKind::DictKeys => 3,
                    ViewKind::DictValues => 4,
                    ViewKind::DictItems => 5,
                    ViewKind::Generator => 6,
                });
                self.ty(payload);
            }
            Type::Module(name) => {
                self.tag(18);
                self.str(name);
            }
            Type::BuiltinFunction(name) => {
                self.tag(19);
                self.str(name);
            }
            Type::BuiltinMethod(name) => {
                self.tag(20);
                self.str(name);
            }
            Type::Unknown => self.tag(21),
            Type::BoundBuiltinMethod(bound) => {
                self.tag(22);
                self.ty(&bound.0);
                self.str(&bound.1);
            }
        }
    }

    fn types(&mut self, types: &[Type]) {
        self.len(types.len());
        for ty in types {
            self.ty(ty);
        }
    }

    fn sig(&mut self, sig: &FuncSig) {
        self.len(sig.params.len());
        for param in &sig.params {
            self.str(&param.name);
            self.ty(&param.ty);
            self.tag(match param.kind {
                ParamKind::PositionalOrKeyword => 0,
                ParamKind::KeywordOnly => 1,
            });
            self.bool(param.has_default);
        }
        self.ty(&sig.ret);
    }

    fn export(&mut self, export: &Export) {
        match export {
            Export::Function { origin, name, sig } => {
                self.tag(1);
                self.str(origin);
                self.str(name);
                self.sig(sig);
            }
            Export::Class(class) => {
                self.tag(2);
                self.class_ref(class);
            }
            Export::Variable { origin, name, ty } => {
                self.tag(3);
                self.str(origin);
                self.str(name);
                self.ty(ty);
            }
            Export::Module(name) => {
                self.tag(4);
                self.str(name);
            }
            Export::Special(form) => {
                self.tag(5);
                self.tag(*form as u8);
            }
        }
    }

    fn class_info(&mut self, class: &ClassInfo) {
        self.class_ref(&class.class);
        match &class.base {
            None => self.tag(0),
            Some(base) => {
                self.tag(1);
                self.class_ref(base);
            }
        }
        self.len(class.fields.len());
        for field in &class.fields {
            self.str(&field.name);
            self.ty(&field.ty);
            self.bool(field.has_default);
        }
        self.len(class.methods.len());
        for method in &class.methods {
            self.str(&method.name);
            self.tag(method.kind as u8);
            self.sig(&method.sig);
        }
        self.len(class.constants.len());
        for (name, ty) in &class.constants {
            self.str(name);
            self.ty(ty);
        }
        match class.dataclass {
            None => self.tag(0),
            Some(flags) => {
                self.tag(1);
                self.bool(flags.frozen);
                self.bool(flags.order);
                self.bool(flags.eq);
            }
        }
    }
}
