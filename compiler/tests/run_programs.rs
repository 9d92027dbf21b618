//! End-to-end runs of small programs: typeck → compiler → archived bytes → VM, compared
//! byte for byte with CPython (`python3`), which runs the same source in the test.

mod support;

use std::path::PathBuf;
use std::process::Command;

/// Inline programs covering the core of tier 1 (expected output comes from CPython).
const PROGRAMS: &[(&str, &str)] = &[
    (
        "arith",
        r#"
x: float = 1
print(x, 7 // -2, -7 % 3, 2 ** 100, 2 ** -1, 7 / 2, 1e16, 0.1 + 0.2, 1e-05)
a = 9223372036854775807
print(a + 1, -a - 2, a * a, (a + 1) // 3, abs(-a - 1))
print(divmod(-7, 2), round(2.5), round(3.14159, 2), int("  42 "), float("1.5"), int(-3.9))
print(True + True, 10 % 3.5, 1 == 1.0, hash(1) == hash(1.0) == hash(True))
"#,
    ),
    (
        "strings",
        r#"
s = "héllo wörld"
print(len(s), s[1], s[-1], s[2:5], s[::-1], s.upper(), s.title(), s.split(), repr(s))
print("a,b,,c".split(","), "-".join(["x", "y"]), "  pad ".strip(), "abc".find("c"), "x" * 3)
n = 1234567
print(f"{n:,} {n:>10} {3.14159:.3f} {'hi'!r} {n:08d} {255:x} {-0.0}")
print("{} and {}".format(1, "two"), "{0:>4}|{1:<3}|".format(7, "a"), str(None), repr([1, 'a']))
print("abc" < "abd", "a" in "cat", ord("é"), chr(233), "Ab1".isalnum(), "x".zfill(3))
"#,
    ),
    (
        "containers",
        r#"
xs = [3, 1, 2]
xs.append(5)
xs.sort(reverse=True)
print(xs, xs.pop(), xs.index(2), sorted([(1, "b"), (1, "a")]), list(reversed(xs)))
d: dict[str, int] = {"a": 1}
d["b"] = 2
d.setdefault("c", 3)
print(d, d.get("z"), d.get("z", 0), list(d.items()), d.pop("a"), len(d), "b" in d)
s = {1, 2, 3}
s.add(4)
print(sorted(s - {1}), sorted(s | {9}), sorted(s & {2, 3, 7}), {1, 2} == {2, 1})
t = (1, "x", None)
print(t, t[1], (1,), (), [[1, 2], [3]], {1: (1, 2)}, [x * x for x in range(5) if x % 2 == 0])
print({k: v for k, v in zip("ab", [1, 2])}, sum(x for x in range(10)), min([4, 2, 8]), max("abc", key=ord))
for i, (k, v) in enumerate(sorted(d.items())):
    print(i, k, v)
"#,
    ),
    (
        "classes",
        r#"
from dataclasses import dataclass


@dataclass(order=True)
class P:
    x: int
    y: float = 0


@dataclass(frozen=True)
class K:
    a: int
    b: str


class Animal:
    sound: str = "..."

    def __init__(self, name: str) -> None:
        self.name: str = name

    def speak(self) -> str:
        return f"{self.name} says {self.sound}"

    def __repr__(self) -> str:
        return f"Animal({self.name!r})"


class Dog(Animal):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.sound = "woof"

    def speak(self) -> str:
        return super().speak() + "!"


print(P(1), P(1, 2.5), P(1) == P(1), P(1) < P(2), sorted([P(2), P(1, 3)]))
print({K(1, "a"): 1}[K(1, "a")], K(2, "b"))
animals: list[Animal] = [Animal("cat"), Dog("rex")]
for a in animals:
    print(a.speak(), a, isinstance(a, Dog))
"#,
    ),
    (
        "closures_exceptions",
        r#"
def counter() -> int:
    n = 0

    def bump(k: int) -> int:
        nonlocal n
        n += k
        return n

    bump(2)
    return bump(3)


class AppError(ValueError):
    pass


def risky(i: int) -> int:
    if i == 2:
        raise AppError(f"bad {i}")
    return [1, 2][i]


from typing import Callable
inc: Callable[[int], int] = lambda v: v + 1
print(counter(), inc(4))
for i in range(4):
    try:
        print(risky(i))
    except AppError as e:
        print("app", e)
    except IndexError as e:
        print("index", e)
    else:
        print("else")
    finally:
        print("finally", i)
try:
    {"a": 1}["b"]
except LookupError as e:
    print("KeyError", e)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print(e)
"#,
    ),
    (
        "aliasing",
        r#"
from typing import Optional


class Node:
    def __init__(self, v: int, nxt: Optional["Node"]) -> None:
        self.v: int = v
        self.nxt: Optional[Node] = nxt


head: Optional[Node] = None
for i in range(4):
    head = Node(i, head)
xs = [1, 2]
ys = xs
xs += [3]
a, b = 1, 2
a, b = b, a
total = 0
while head is not None:
    total = total * 10 + head.v
    head = head.nxt
print(total, ys, a, b, [True] * 3, "ab" * 2, 2 ** 64, list(range(2 ** 64, 2 ** 64 + 2)))
"#,
    ),
    ("uncaught", "def f(x: int) -> int:\n    return int('x') + x\n\nprint('before')\nf(1)\n"),
    ("exit_status", "import sys\nprint('bye')\nsys.exit(3)\n"),
    (
        "recursion_limit",
        "def down(n: int) -> int:\n    return down(n + 1) + 1\n\ntry:\n    down(0)\nexcept RecursionError:\n    print('deep')\n",
    ),
    (
        "unbound_locals",
        r#"
def f(c: bool) -> int:
    if c:
        x = 1
    return x

def g(n: int) -> int:
    for i in range(n):
        last = i
    return last

def h() -> int:
    total = 0
    while True:
        k = total
        total += 1
        if total > 3:
            break
    return k

def outer() -> int:
    def inner() -> int:
        return y
    try:
        inner()
    except Exception as e:
        print("caught", e)
    y = 5
    return inner()

def aug(c: bool) -> int:
    if c:
        z = 1
    z += 1
    return z

def tr(s: str) -> int:
    try:
        v = int(s)
    except ValueError:
        print("bad")
    return v

print(f(True), g(3), h(), outer(), aug(True), tr("4"))
for fn in [g]:
    try:
        print(fn(0))
    except Exception as e:
        print("caught", e)
try:
    print(aug(False))
except Exception as e:
    print("caught", e)
try:
    print(tr("x"))
except Exception as e:
    print("caught", e)
print(f(False))
"#,
    ),
    ("unbound_global", "def g() -> None:\n    print(y)\n\nif len('a') == 2:\n    y = 3\nprint('start')\ng()\n"),
    (
        "any_all_short_circuit",
        r#"
def chk(x: int) -> bool:
    print("chk", x)
    return x > 2

print(any(chk(x) for x in range(10)))
print(all(chk(x) for x in [5, 1, 7]))
print(sum(x for x in range(4)), max(x * 2 for x in range(4)), sorted(-x for x in range(3)), list(x for x in "ab"), ",".join(s for s in ["a", "b"]))
x = 3
print(any(x > 2 for x in [x, 1]), all(c.isdigit() for c in "12a3"), any(y for ys in [[0], [1]] for y in ys if y))
"#,
    ),
    (
        "user_hash_keys",
        r#"
from dataclasses import dataclass


class P:
    def __init__(self, x: int) -> None:
        self.x: int = x

    def __eq__(self, other: object) -> bool:
        return isinstance(other, P) and self.x == other.x

    def __hash__(self) -> int:
        print("hash", self.x)
        return self.x % 10


@dataclass
class D:
    a: int


d: dict[tuple[P, int], str] = {(P(3), 1): "three"}
print(d[(P(3), 1)], hash((P(3), 1)) == hash((P(13), 1)), hash(P(-1)))
print(P(5) in {P(5): 1}, (P(4), 2) in {(P(4), 2)})
"#,
    ),
];

fn python() -> Option<PathBuf> {
    let output = Command::new("python3").args(["-c", "import sys; print(sys.executable)"]).output().ok()?;
    let path = String::from_utf8(output.stdout).ok()?.trim().to_owned();
    if output.status.success() && !path.is_empty() { Some(PathBuf::from(path)) } else { None }
}

fn last_line(text: &str) -> &str {
    text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("")
}

#[test]
fn programs_match_cpython() {
    let python = python();
    let dir = std::env::temp_dir().join(format!("typhon-run-programs-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let mut failures = Vec::new();
    for (name, text) in PROGRAMS {
        let source = support::Source {
            name: (*name).to_owned(),
            is_package: false,
            path: format!("{name}.py"),
            text: (*text).to_owned(),
        };
        let ours = match support::run(&[source], name, vec![format!("{name}.py")]) {
            Ok(outcome) => outcome,
            Err(e) => {
                failures.push(format!("{name}: did not build: {e}"));
                continue;
            }
        };
        let Some(python) = &python else {
            // Without the oracle only "it builds and runs" is checked.
            continue;
        };
        let file = dir.join(format!("{name}.py"));
        if std::fs::write(&file, text).is_err() {
            continue;
        }
        let Ok(expected) = Command::new(python).arg("-S").arg(&file).output() else { continue };
        let expected_out = String::from_utf8_lossy(&expected.stdout);
        if ours.stdout != expected_out {
            failures.push(format!("{name}: stdout differs\n--- typhon\n{}--- cpython\n{}", ours.stdout, expected_out));
        }
        if Some(ours.status) != expected.status.code() {
            failures.push(format!("{name}: status {} vs {:?}", ours.status, expected.status.code()));
        }
        let expected_err = String::from_utf8_lossy(&expected.stderr);
        if !expected_err.trim().is_empty() && last_line(&ours.stderr) != last_line(&expected_err) {
            failures.push(format!(
                "{name}: stderr ends with {:?}, CPython's with {:?}",
                last_line(&ours.stderr),
                last_line(&expected_err)
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn deep_recursion_never_overflows_the_host_stack() {
    // Far past the default limit: RecursionError, not a crash, even at a high limit.
    let text = "import sys\nsys.setrecursionlimit(200000)\ndef down(n: int) -> int:\n    if n == 0:\n        return 0\n    return down(n - 1) + 1\nprint(down(150000))\n";
    let source = support::Source { name: "deep".into(), is_package: false, path: "deep.py".into(), text: text.into() };
    let outcome = support::run(&[source], "deep", Vec::new()).expect("builds");
    assert_eq!(outcome.stdout, "150000\n");
    assert_eq!(outcome.status, 0);
}
