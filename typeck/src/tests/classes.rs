//! Tests: classes, fields, methods, inheritance, dataclasses and dunder operators.

use super::{check, errors, global_type, ok, one_error};

const VEC: &str = concat!(
    "class Vec:\n",
    "    def __init__(self, x: float, y: float) -> None:\n",
    "        self.x: float = x\n",
    "        self.y: float = y\n",
    "    def __add__(self, other: 'Vec') -> 'Vec':\n",
    "        return Vec(self.x + other.x, self.y + other.y)\n",
    "    def __neg__(self) -> 'Vec':\n",
    "        return Vec(-self.x, -self.y)\n",
    "    def __eq__(self, other: object) -> bool:\n",
    "        return isinstance(other, Vec) and self.x == other.x\n",
    "    def __lt__(self, other: 'Vec') -> bool:\n",
    "        return self.x < other.x\n",
    "    def __len__(self) -> int:\n",
    "        return 2\n",
    "    def __getitem__(self, i: int) -> float:\n",
    "        return self.x if i == 0 else self.y\n",
    "    def __contains__(self, v: float) -> bool:\n",
    "        return v == self.x\n",
    "    def __str__(self) -> str:\n",
    "        return f'({self.x}, {self.y})'\n",
);

#[test]
fn fields_and_methods() {
    ok(&format!("{VEC}v = Vec(1, 2)\nw: float = v.x\nv.y = 3\n"));
    one_error(&format!("{VEC}v = Vec(1, 2)\nv.z = 3\n"), "attr-defined", "\"Vec\" has no attribute \"z\"");
    one_error(&format!("{VEC}v = Vec(1, 2)\nv.x = 'a'\n"), "assignment", "variable has type \"float\"");
    one_error(&format!("{VEC}v = Vec(1)\n"), "call-arg", "Missing positional argument \"y\" in call to \"Vec\"");
    one_error(
        "class C:\n    def __init__(self) -> None:\n        self.n = 0\n",
        "attr-defined",
        "\"C\" has no attribute \"n\"",
    );
    ok(
        "class C:\n    count: int\n    def __init__(self) -> None:\n        self.count = 0\n    def inc(self) -> int:\n        self.count += 1\n        return self.count\n",
    );
}

#[test]
fn dunder_operators() {
    assert_eq!(global_type(&format!("{VEC}v = Vec(1, 2) + Vec(3, 4)\n"), "v"), "Vec");
    assert_eq!(global_type(&format!("{VEC}v = -Vec(1, 2)\n"), "v"), "Vec");
    assert_eq!(global_type(&format!("{VEC}b = Vec(1, 2) < Vec(3, 4)\n"), "b"), "bool");
    assert_eq!(global_type(&format!("{VEC}n = len(Vec(1, 2))\n"), "n"), "int");
    assert_eq!(global_type(&format!("{VEC}f = Vec(1, 2)[0]\n"), "f"), "float");
    assert_eq!(global_type(&format!("{VEC}b = 1.0 in Vec(1, 2)\n"), "b"), "bool");
    assert_eq!(global_type(&format!("{VEC}s = sorted([Vec(1, 2)])\n"), "s"), "list[Vec]");
    one_error(&format!("{VEC}v = Vec(1, 2) - Vec(3, 4)\n"), "operator", "Unsupported operand types for -");
    one_error(&format!("{VEC}v = Vec(1, 2) + 1\n"), "operator", "Unsupported operand types for +");
}

#[test]
fn static_and_class_methods_and_constants() {
    ok(concat!(
        "class K:\n",
        "    LIMIT = 10\n",
        "    NAME: str = 'k'\n",
        "    @staticmethod\n",
        "    def twice(x: int) -> int:\n",
        "        return 2 * x\n",
        "    @classmethod\n",
        "    def make(cls) -> 'K':\n",
        "        return cls()\n",
        "    def limit(self) -> int:\n",
        "        return self.LIMIT + K.LIMIT + K.twice(1) + self.twice(2)\n",
        "k = K.make()\n",
        "n: int = K.LIMIT\n",
    ));
}

#[test]
fn inheritance_super_and_overrides() {
    let base = concat!(
        "class Animal:\n",
        "    def __init__(self, name: str) -> None:\n",
        "        self.name: str = name\n",
        "    def speak(self) -> str:\n",
        "        return '...'\n",
    );
    ok(&format!(
        "{base}class Dog(Animal):\n    def __init__(self, name: str, age: int) -> None:\n        super().__init__(name)\n        self.age: int = age\n    def speak(self) -> str:\n        return super().speak() + self.name\n\nd: Animal = Dog('a', 1)\nprint(d.speak())\n"
    ));
    one_error(
        &format!("{base}class Dog(Animal):\n    def speak(self, loud: bool) -> str:\n        return ''\n"),
        "misc",
        "Signature of \"speak\" incompatible with supertype \"Animal\"",
    );
    one_error(
        &format!("{base}class Dog(Animal):\n    def speak(self) -> int:\n        return 1\n"),
        "misc",
        "Return type \"int\" of \"speak\" incompatible with return type \"str\" in supertype \"Animal\"",
    );
    one_error(
        "class A:\n    pass\nclass B:\n    pass\nclass C(A, B):\n    pass\n",
        "unsupported",
        "multiple inheritance",
    );
    // Field slots: inherited fields first.
    let checked = check(&format!(
        "{base}class Dog(Animal):\n    def __init__(self, name: str) -> None:\n        super().__init__(name)\n        self.age: int = 0\n"
    ));
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let dog = checked.ir.classes.iter().find(|decl| decl.class.name() == "Dog").expect("Dog");
    let names: Vec<&str> = dog.fields.iter().map(|field| field.name.as_str()).collect();
    assert_eq!(names, ["name", "age"]);
}

#[test]
fn dataclasses() {
    let point = "from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int\n    y: float = 0.0\n";
    ok(&format!("{point}p = P(1)\nq = P(1, 2.5)\nr = P(y=1, x=2)\nb = p == q\np.x = 3\n"));
    one_error(&format!("{point}p = P()\n"), "call-arg", "Missing positional argument \"x\" in call to \"P\"");
    one_error(&format!("{point}p = P(1, 2, 3)\n"), "call-arg", "Too many arguments for \"P\"");
    one_error(&format!("{point}b = P(1) < P(2)\n"), "operator", "Unsupported operand types for <");
    ok(
        "from dataclasses import dataclass\n@dataclass(order=True)\nclass P:\n    x: int\nb = P(1) < P(2)\nm = max([P(1), P(2)])\n",
    );
    one_error(
        "from dataclasses import dataclass\n@dataclass(frozen=True)\nclass P:\n    x: int\np = P(1)\np.x = 2\n",
        "misc",
        "Cannot assign to a field of frozen dataclass \"P\"",
    );
    one_error(
        "from dataclasses import dataclass\n@dataclass\nclass P:\n    x: int = 0\n    y: int\n",
        "misc",
        "Attributes without a default cannot follow attributes with one",
    );
    one_error(
        "from dataclasses import dataclass\n@dataclass\nclass P:\n    xs: list[int] = []\n",
        "misc",
        "Mutable default",
    );
    ok(
        "from dataclasses import dataclass\n@dataclass\nclass A:\n    x: int\n@dataclass\nclass B(A):\n    y: str\nb = B(1, 'a')\n",
    );
}

#[test]
fn unsupported_class_constructs() {
    one_error(
        "def f() -> None:\n    class Inner:\n        pass\n",
        "unsupported",
        "a class definition inside a function",
    );
    let found = errors("class C:\n    print('x')\n");
    assert_eq!(found, ["unsupported: this statement in a class body is not supported by Typhon"]);
}

#[test]
fn methods_are_values() {
    ok("class C:\n    def f(self, x: int) -> int:\n        return x\nc = C()\ng = c.f\ny: int = g(1)\n");
}

#[test]
fn class_constants_of_displays_and_class_attributes() {
    ok(
        "class G:\n    DIRS = [(0, 1), (1, 0)]\n    NAMES = {'a': 1}\n    count: int = 0\nfor dr, dc in G.DIRS:\n    print(dr + dc + G.NAMES['a'] + G.count)\n",
    );
}

#[test]
fn class_attributes_can_be_updated_through_the_class() {
    ok("class C:\n    count = 0\n    def __init__(self) -> None:\n        C.count += 1\nC()\nC.count = 5\n");
    one_error("class C:\n    count = 0\nC.count = 'a'\n", "assignment", "variable has type \"int\"");
}
