//! Tests: the IR that phase 2 receives (operators, calls, fields, loops, names).

use super::check;
use crate::ir::{Arg, Callee, ExprKind, IterKind, NameRef, OpKind, StmtKind, Target};

/// The value of the `idx`-th assignment statement of the init function.
fn init_assign(source: &str, idx: usize) -> crate::ir::Expr {
    let checked = check(source);
    assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
    let init = &checked.ir.functions[checked.ir.init.0 as usize];
    let values: Vec<crate::ir::Expr> = init
        .body
        .iter()
        .filter_map(|stmt| match &stmt.kind {
            StmtKind::Assign { value, .. } => Some(value.clone()),
            _ => None,
        })
        .collect();
    values[idx].clone()
}

#[test]
fn operators_are_resolved_by_operand_types() {
    let kind = |source: &str| match init_assign(source, 0).kind {
        ExprKind::Binary { op, .. } => op.kind,
        other => panic!("{other:?}"),
    };
    assert_eq!(kind("x = 1 + 2\n"), OpKind::Int);
    assert_eq!(kind("x = 1 + 2.0\n"), OpKind::Numeric);
    assert_eq!(kind("x = 'a' + 'b'\n"), OpKind::StrConcat);
    assert_eq!(kind("x = 3 * 'b'\n"), OpKind::StrRepeat { left_is_seq: false });
    assert_eq!(kind("x = [1] + [2]\n"), OpKind::ListConcat);
}

#[test]
fn calls_are_resolved_with_matched_arguments() {
    let source = "def f(a: int, b: int = 2, *, c: int = 3) -> int:\n    return a + b + c\nx = f(1, c=5)\n";
    let value = init_assign(source, 0);
    let ExprKind::Call(call) = value.kind else { panic!("not a call") };
    assert!(matches!(&call.callee, Callee::Function(func) if func.name == "f" && func.module == "main"));
    assert!(matches!(call.args.as_slice(), [Arg::Value(_), Arg::Default, Arg::Value(_)]));
    assert!(call.eval_order.is_none());

    let value = init_assign("xs = [1]\nxs.append(2)\nn = len(xs)\n", 1);
    let ExprKind::Call(call) = value.kind else { panic!("not a call") };
    assert!(matches!(call.callee, Callee::Builtin { builtin: crate::Builtin::Len, .. }));
}

#[test]
fn fields_methods_and_constructors() {
    let source = concat!(
        "class A:\n    def __init__(self) -> None:\n        self.a: int = 1\n",
        "class B(A):\n    def __init__(self) -> None:\n        super().__init__()\n        self.b: str = ''\n    def get(self) -> str:\n        return self.b\n",
        "o = B()\nv = o.b\nw = o.get()\n",
    );
    let ExprKind::Call(call) = init_assign(source, 0).kind else { panic!() };
    assert!(
        matches!(&call.callee, Callee::Constructor { class, init: Some(init) } if class.name() == "B" && init.name() == "B")
    );
    let ExprKind::Field { slot, class, .. } = init_assign(source, 1).kind else { panic!() };
    assert_eq!((slot, class.name().as_str()), (1, "B"));
    let ExprKind::Call(call) = init_assign(source, 2).kind else { panic!() };
    assert!(matches!(&call.callee, Callee::Method { name, class, .. } if name == "get" && class.name() == "B"));
}

#[test]
fn loops_say_what_they_iterate() {
    let checked =
        check("for i in range(3):\n    pass\nfor c in 'ab':\n    pass\nfor k, v in {'a': 1}.items():\n    pass\n");
    let init = &checked.ir.functions[0];
    let kinds: Vec<IterKind> = init
        .body
        .iter()
        .filter_map(|stmt| match &stmt.kind {
            StmtKind::For { kind, .. } => Some(*kind),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, [IterKind::Range, IterKind::Str, IterKind::Iterator]);
    let StmtKind::For { target: Target::Name { name: NameRef::Global(_), .. }, .. } = &init.body[0].kind else {
        panic!("module-level loop variables are globals")
    };
}

#[test]
fn function_locals_and_params() {
    let checked = check("def f(a: int, b: float) -> float:\n    c = a * b\n    return c\n");
    let f = checked.ir.functions.iter().find(|function| function.name == "f").expect("f");
    let locals: Vec<(String, String)> =
        f.locals.iter().map(|local| (local.name.to_string(), local.ty.to_string())).collect();
    assert_eq!(locals, [("a".into(), "int".into()), ("b".into(), "float".into()), ("c".into(), "float".into())]);
    assert_eq!(f.params.len(), 2);
    assert_eq!(f.kind, crate::ir::FunctionKind::TopLevel);
}
