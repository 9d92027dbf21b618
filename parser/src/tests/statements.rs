//! Tests: statements — every statement form of the subset, checked on the dump.

use super::*;

/// The compact dump of every statement of `source` (see `to_sexpr`).
#[track_caller]
fn check(source: &str, expected: &str) {
    let parsed = parse_module(source);
    assert!(parsed.diagnostics.is_empty(), "unexpected diagnostics for {source:?}: {:#?}", parsed.diagnostics);
    assert_eq!(to_sexpr(&dump(&parsed.module)), expected, "for {source:?}");
}

#[test]
fn assignments_chained_and_unpacking() {
    check(r#"a = b = 0"#, r#"(Assign (target: Name a) (target: Name b) (value: Int 0))"#);
    check(r#"a, b = b, a"#, r#"(Assign (target: Tuple (Name a) (Name b)) (value: Tuple (Name b) (Name a)))"#);
    check(
        r#"(a, b), [c, d] = x"#,
        r#"(Assign (target: Tuple (Tuple (Name a) (Name b)) (List (Name c) (Name d))) (value: Name x))"#,
    );
    check(r#"[a, (b, c)] = y"#, r#"(Assign (target: List (Name a) (Tuple (Name b) (Name c))) (value: Name y))"#);
}

#[test]
fn annotated_assignments() {
    check(r#"x: int = 0"#, r#"(AnnAssign (target: Name x) (annotation: Name int) (value: Int 0))"#);
    check(
        r#"self.x: int = 0"#,
        r#"(AnnAssign (target: Attribute .x (Name self)) (annotation: Name int) (value: Int 0))"#,
    );
    check(
        r#"xs: list[int]"#,
        r#"(AnnAssign (target: Name xs) (annotation: Subscript (value: Name list) (index: Name int)))"#,
    );
    check(
        r#"d[k]: int = 1"#,
        r#"(AnnAssign (target: Subscript (value: Name d) (index: Name k)) (annotation: Name int) (value: Int 1))"#,
    );
}

#[test]
fn every_augmented_assignment() {
    check(
        r#"x += 1; x -= 1; x *= 1; x /= 1; x //= 1; x %= 1; x **= 1"#,
        r#"(AugAssign += (target: Name x) (value: Int 1)) (AugAssign -= (target: Name x) (value: Int 1)) (AugAssign *= (target: Name x) (value: Int 1)) (AugAssign /= (target: Name x) (value: Int 1)) (AugAssign //= (target: Name x) (value: Int 1)) (AugAssign %= (target: Name x) (value: Int 1)) (AugAssign **= (target: Name x) (value: Int 1))"#,
    );
    check(
        r#"x &= 1; x |= 1; x ^= 1; x <<= 1; x >>= 1; x @= 1"#,
        r#"(AugAssign &= (target: Name x) (value: Int 1)) (AugAssign |= (target: Name x) (value: Int 1)) (AugAssign ^= (target: Name x) (value: Int 1)) (AugAssign <<= (target: Name x) (value: Int 1)) (AugAssign >>= (target: Name x) (value: Int 1)) (AugAssign @= (target: Name x) (value: Int 1))"#,
    );
}

#[test]
fn one_line_compound_statements() {
    check(r#"if a: pass"#, r#"(If (if (test: Name a) (body: (Pass))))"#);
    check(
        r#"if a: x = 1; y = 2"#,
        r#"(If (if (test: Name a) (body: (Assign (target: Name x) (value: Int 1)) (Assign (target: Name y) (value: Int 2)))))"#,
    );
    check(r#"while x: pass"#, r#"(While (test: Name x) (body: (Pass)))"#);
    check(r#"def f(): return"#, r#"(FunctionDef f (body: (Return)))"#);
}

#[test]
fn for_targets() {
    check(
        r#"for k, v in d.items(): pass"#,
        r#"(For (target: Tuple (Name k) (Name v)) (iter: Call (func: Attribute .items (Name d))) (body: (Pass)))"#,
    );
    check(r#"for (a, b) in c: pass"#, r#"(For (target: Tuple (Name a) (Name b)) (iter: Name c) (body: (Pass)))"#);
    check(r#"for x in 1, 2: pass"#, r#"(For (target: Name x) (iter: Tuple (Int 1) (Int 2)) (body: (Pass)))"#);
}

#[test]
fn del_assert_raise_global() {
    check(r#"del x"#, r#"(Delete (Name x))"#);
    check(
        r#"del a[0], d[k],"#,
        r#"(Delete (Subscript (value: Name a) (index: Int 0)) (Subscript (value: Name d) (index: Name k)))"#,
    );
    check(r#"del (a, b), [c]"#, r#"(Delete (Tuple (Name a) (Name b)) (List (Name c)))"#);
    check(r#"assert x"#, r#"(Assert (test: Name x))"#);
    check(r#"assert x, "m""#, r#"(Assert (test: Name x) (msg: Str "m"))"#);
    check(r#"raise"#, r#"(Raise)"#);
    check(r#"raise E"#, r#"(Raise (exc: Name E))"#);
    check(r#"raise E from e"#, r#"(Raise (exc: Name E) (cause: Name e))"#);
    check(r#"global a, b"#, r#"(Global a, b)"#);
}

#[test]
fn imports() {
    check(r#"import a.b.c"#, r#"(Import (alias a.b.c))"#);
    check(r#"import a.b.c as d, e"#, r#"(Import (alias a.b.c as d) (alias e))"#);
    check(r#"from . import x"#, r#"(ImportFrom . (alias x))"#);
    check(r#"from .util import f as g, h"#, r#"(ImportFrom .util (alias f as g) (alias h))"#);
    check(r#"from ...a.b import (c, d,)"#, r#"(ImportFrom ...a.b (alias c) (alias d))"#);
    check(r#"from .. import (x)"#, r#"(ImportFrom .. (alias x))"#);
}

#[test]
fn soft_keywords_are_names() {
    check(r#"match = 3"#, r#"(Assign (target: Name match) (value: Int 3))"#);
    check(r#"match.x = 1"#, r#"(Assign (target: Attribute .x (Name match)) (value: Int 1))"#);
    check(r#"match(x)"#, r#"(Call (func: Name match) (arg: Name x))"#);
    check(r#"print(match)"#, r#"(Call (func: Name print) (arg: Name match))"#);
    check(r#"case = 1"#, r#"(Assign (target: Name case) (value: Int 1))"#);
    check(r#"type = 2"#, r#"(Assign (target: Name type) (value: Int 2))"#);
    check(r#"_ = 3"#, r#"(Assign (target: Name _) (value: Int 3))"#);
    check(r#"x = yield_"#, r#"(Assign (target: Name x) (value: Name yield_))"#);
}

#[test]
fn classes() {
    check(r#"class A(B, C): pass"#, r#"(ClassDef A (base: Name B) (base: Name C) (body: (Pass)))"#);
    check(r#"class A(): pass"#, r#"(ClassDef A (body: (Pass)))"#);
    check(r#"class A: pass"#, r#"(ClassDef A (body: (Pass)))"#);
}
#[test]
fn if_elif_else_is_flat() {
    let source = "if a:\n    x = 1\nelif b:\n    x = 2\nelif c:\n    x = 3\nelse:\n    x = 4\n";
    check(
        source,
        "(If (if (test: Name a) (body: (Assign (target: Name x) (value: Int 1)))) \
         (elif (test: Name b) (body: (Assign (target: Name x) (value: Int 2)))) \
         (elif (test: Name c) (body: (Assign (target: Name x) (value: Int 3)))) \
         (else: (Assign (target: Name x) (value: Int 4))))",
    );
}

#[test]
fn loops_with_else() {
    check("while a:\n    break\nelse:\n    pass\n", "(While (test: Name a) (body: (Break)) (else: (Pass)))");
    check(
        "for x in xs:\n    continue\nelse:\n    pass\n",
        "(For (target: Name x) (iter: Name xs) (body: (Continue)) (else: (Pass)))",
    );
}

#[test]
fn functions_with_every_kind_of_parameter() {
    check(
        "def f(a: int, b: str = 'x', *, c: float = 0.0, d: bool) -> int:\n    return a\n",
        "(FunctionDef f (param a (annotation: Name int)) (param b (annotation: Name str) (default: Str \"x\")) \
         (kwonly c (annotation: Name float) (default: Float 0.0)) (kwonly d (annotation: Name bool)) \
         (returns: Name int) (body: (Return (Name a))))",
    );
    // Trailing commas.
    check("def f(a,): pass\n", "(FunctionDef f (param a) (body: (Pass)))");
    check("def f(*, a,): pass\n", "(FunctionDef f (kwonly a) (body: (Pass)))");
    // Keyword-only parameters may omit defaults after ones that have them.
    check("def f(*, a=1, b): pass\n", "(FunctionDef f (kwonly a (default: Int 1)) (kwonly b) (body: (Pass)))");
}

#[test]
fn allowed_decorators_are_kept() {
    let source = "\
@dataclass
@dataclasses.dataclass
@dataclass(frozen=True, order=True)
@dataclasses.dataclass(frozen=True)
class P:
    x: int

    @staticmethod
    def s() -> None:
        pass

    @classmethod
    def c(cls) -> None:
        pass
";
    let dump = dump_ok(source);
    assert_eq!(dump.matches("decorator @").count(), 6, "{dump}");
}

#[test]
fn try_statements() {
    check(
        "try:\n    a()\nexcept (A, B) as e:\n    pass\nexcept C:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
        "(Try (body: (Expr (Call (func: Name a)))) \
         (except (type: Tuple (Name A) (Name B)) (name: e) (body: (Pass))) \
         (except (type: Name C) (body: (Pass))) \
         (except (body: (Pass))) (else: (Pass)) (finally: (Pass)))",
    );
    check("try:\n    pass\nfinally:\n    pass\n", "(Try (body: (Pass)) (finally: (Pass)))");
}

#[test]
fn semicolons_and_blank_lines() {
    check(
        "a = 1; b = 2;\n\n\nc = 3\n",
        "(Assign (target: Name a) (value: Int 1)) (Assign (target: Name b) (value: Int 2)) (Assign (target: Name c) (value: Int 3))",
    );
    // No newline at the end of the file, comments, line continuations.
    check(
        "x = (1 +\n     2)  # comment\ny = 1 + \\\n    2",
        "(Assign (target: Name x) (value: Binary + (Int 1) (Int 2))) (Assign (target: Name y) (value: Binary + (Int 1) (Int 2)))",
    );
    check("", "");
    check("# only a comment\n", "");
}

#[test]
fn statement_spans() {
    let dump = dump_ok("def f(x):\n    if x:\n        return 1\n    return 2\n");
    assert!(dump.starts_with("FunctionDef f @0..49\n"), "{dump}");
    assert!(dump.contains("    If @14..36\n      if @14..36\n"), "{dump}");
    assert!(dump.contains("    Return @41..49\n"), "{dump}");
}

#[test]
fn dump_shows_every_statement_field() {
    let source = "\
@dataclass(frozen=True)
class P(Base):
    x: int = 0

    def f(self, a: int, b: str = 'x', *, c: float = 0.0) -> int:
        global g
        for k, v in d.items():
            if k:
                continue
            elif v:
                break
            else:
                pass
        else:
            del d[k], e.f
        while a < 3:
            a += 1
        try:
            raise E('m') from err
        except (A, B) as exc:
            assert a, 'msg'
        except C:
            return a, b
        else:
            x = y = [1]
        finally:
            print(f'{a!r:>{w}}')
        return a

from ..m.n import p as q, r
import a.b as c, d
";
    let expected = r#"ClassDef P @24..623
  decorator @0..23
    Call @1..23
      func: Name dataclass @1..10
      keyword frozen: True @18..22
  base: Name Base @32..36
  body:
    AnnAssign @43..53
      target: Name x @43..44
      annotation: Name int @46..49
      value: Int 0 @52..53
    FunctionDef f @59..623
      param self @65..69
      param a @71..77
        annotation: Name int @74..77
      param b @79..91
        annotation: Name str @82..85
        default: Str "x" @88..91
      kwonly c @96..110
        annotation: Name float @99..104
        default: Float 0.0 @107..110
      returns: Name int @115..118
      body:
        Global g @128..136
        For @145..331
          target: Tuple @149..153
            Name k @149..150
            Name v @152..153
          iter: Call @157..166
            func: Attribute .items @157..164
              Name d @157..158
          body:
            If @180..291
              if @180..210
                test: Name k @183..184
                body:
                  Continue @202..210
              elif @223..252
                test: Name v @228..229
                body:
                  Break @247..252
              else:
                Pass @287..291
          else:
            Delete @318..331
              Subscript @322..326
                value: Name d @322..323
                index: Name k @324..325
              Attribute .f @328..331
                Name e @328..329
        While @340..371
          test: Compare < @346..351
            Name a @346..347
            Int 3 @350..351
          body:
            AugAssign += @365..371
              target: Name a @365..366
              value: Int 1 @370..371
        Try @380..606
          body:
            Raise @397..418
              exc: Call @403..409
                func: Name E @403..404
                arg: Str "m" @405..408
              cause: Name err @415..418
          except @427..476
            type: Tuple @434..440
              Name A @435..436
              Name B @438..439
            name: exc @444..447
            body:
              Assert @461..476
                test: Name a @468..469
                msg: Str "msg" @471..476
          except @485..518
            type: Name C @492..493
            body:
              Return @507..518
                Tuple @514..518
                  Name a @514..515
                  Name b @517..518
          else:
            Assign @545..556
              target: Name x @545..546
              target: Name y @549..550
              value: List @553..556
                Int 1 @554..555
          finally:
            Expr @586..606
              Call @586..606
                func: Name print @586..591
                arg: FString @592..605
                  Field !r @594..604
                    Name a @595..596
                    spec:
                      Literal ">"
                      Field @600..603
                        Name w @601..602
        Return @615..623
          Name a @622..623
ImportFrom ..m.n @625..652
  alias p as q @643..649
  alias r @651..652
Import @653..671
  alias a.b as c @660..668
  alias d @670..671
"#;
    assert_eq!(dump_ok(source), expected);
}
