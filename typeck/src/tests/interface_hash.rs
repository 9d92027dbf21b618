//! Tests: the interface's contents and the stability of its hash.

use super::check;
use crate::{Export, Type};

const BASE: &str = r#"from dataclasses import dataclass

LIMIT: int = 10
PI = 3.14


@dataclass
class Point:
    x: int
    y: float = 0.0

    def norm(self) -> float:
        return self.x * self.x + self.y * self.y


class Base:
    pass


class Derived(Base):
    pass


def scale(p: Point, k: int = 2) -> Point:
    # scale a point
    return Point(p.x * k, p.y * k)


def _helper(x: int) -> int:
    return x + 1
"#;

fn hash(source: &str) -> [u8; 32] {
    let checked = check(source);
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    checked.interface.interface_hash()
}

#[test]
fn interface_lists_public_names_with_types() {
    let interface = check(BASE).interface;
    let names: Vec<&str> = interface.exports.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["Base", "Derived", "LIMIT", "PI", "Point", "dataclass", "scale"]);
    match interface.export("PI") {
        Some(Export::Variable { ty, .. }) => assert_eq!(*ty, Type::Float),
        other => panic!("PI: {other:?}"),
    }
    match interface.export("scale") {
        Some(Export::Function { sig, .. }) => {
            assert_eq!(sig.params.len(), 2);
            assert!(sig.params[1].has_default);
            assert_eq!(sig.ret.to_string(), "Point");
        }
        other => panic!("scale: {other:?}"),
    }
    let point = interface.classes.iter().find(|class| class.class.name() == "Point").expect("Point");
    assert_eq!(point.fields.len(), 2);
    assert!(point.dataclass.is_some());
    assert!(interface.export("_helper").is_none());
}

#[test]
fn hash_is_stable_across_runs_and_threads() {
    let first = hash(BASE);
    assert_eq!(first, hash(BASE));
    let handles: Vec<_> = (0..4).map(|_| std::thread::spawn(|| hash(BASE))).collect();
    for handle in handles {
        assert_eq!(handle.join().ok(), Some(first));
    }
}

#[test]
fn bodies_comments_whitespace_and_private_names_do_not_change_the_hash() {
    let base = hash(BASE);
    let edits = [
        BASE.replace("return Point(p.x * k, p.y * k)", "return Point(p.x * k + 1, p.y)"),
        BASE.replace("# scale a point", "# multiply a point by a factor"),
        BASE.replace("\n\n\ndef scale", "\n\n\n\n\ndef scale"),
        BASE.replace("return x + 1", "return x + 2"),
        format!("{BASE}\n\ndef _other() -> str:\n    return 'x'\n"),
        format!("{BASE}\n_cache: dict[str, int] = {{}}\n"),
    ];
    for edited in edits {
        assert_eq!(hash(&edited), base, "hash changed for:\n{edited}");
    }
}

#[test]
fn public_changes_change_the_hash() {
    let base = hash(BASE);
    let edits = [
        BASE.replace("def scale(p: Point, k: int = 2) -> Point:", "def scale(p: Point, k: int = 2) -> Point | None:"),
        BASE.replace("def scale(p: Point, k: int = 2) -> Point:", "def scale(p: Point, k: int) -> Point:"),
        BASE.replace("def scale(p: Point, k: int = 2)", "def scale(p: Point, k: int = 2, *, extra: int = 0)"),
        BASE.replace("    y: float = 0.0\n", "    y: float = 0.0\n    z: float = 0.0\n"),
        BASE.replace("class Derived(Base):", "class Derived:"),
        BASE.replace("LIMIT: int = 10", "LIMIT: float = 10"),
        BASE.replace("PI = 3.14", "PI = 3"),
        BASE.replace("@dataclass\n", "@dataclass(frozen=True)\n"),
        format!("{BASE}\n\ndef extra(x: int) -> int:\n    return x\n"),
    ];
    for edited in edits {
        assert_ne!(hash(&edited), base, "hash unchanged for:\n{edited}");
    }
}

#[test]
fn interface_round_trips_through_serde() {
    let interface = check(BASE).interface;
    let text = serde_json::to_string(&interface).expect("serialise");
    let back: crate::Interface = serde_json::from_str(&text).expect("deserialise");
    assert_eq!(back, interface);
    assert_eq!(back.interface_hash(), interface.interface_hash());
}
