//! A canonical text form of Typhon's AST that `tests/scripts/cpython_ast.py` also
//! produces from CPython's AST, so the two parsers can be compared line by line.
//!
//! It is independent of `typhon_parser::dump` on purpose: the dump is the parser's own
//! debugging aid and may change, while this form states only what both ASTs define the
//! same way — node kinds, operators, values (floats as IEEE bits, strings with every
//! character outside printable ASCII escaped), byte spans, `elif` as a flat list, and
//! adjacent f-string literals merged. Keep it in step with the Python script.

use std::fmt::Write as _;

use typhon_parser::ast::{
    BinOp, BoolOp, CmpOp, Comprehension, Conversion, Expr, ExprKind, FStringPart, ImportAlias, IntValue, Keyword,
    Module, Parameters, Span, Stmt, StmtKind, UnaryOp,
};

/// The canonical text of `module`.
pub fn canonical(module: &Module) -> String {
    let mut printer = Printer { out: String::new() };
    for stmt in &module.body {
        printer.stmt(0, stmt);
    }
    printer.out
}

fn span(span: Span) -> String {
    format!("@{}..{}", span.start, span.end)
}

/// `"text"` with `\`, `"` and everything outside printable ASCII as `\u{hex}`.
fn escape(text: &str) -> String {
    let mut out = String::from("\"");
    for ch in text.chars() {
        if ch == '\\' || ch == '"' || !(' '..='~').contains(&ch) {
            let _ = write!(out, "\\u{{{:x}}}", ch as u32);
        } else {
            out.push(ch);
        }
    }
    out.push('"');
    out
}

fn bin_op(op: BinOp) -> &'static str {
    op.symbol()
}

fn unary_op(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Neg => "-",
        UnaryOp::Pos => "+",
        UnaryOp::Not => "not",
        UnaryOp::Invert => "~",
    }
}

fn cmp_op(op: CmpOp) -> &'static str {
    op.symbol()
}

struct Printer {
    out: String,
}

impl Printer {
    fn emit(&mut self, depth: usize, label: &str, text: &str) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
        if !label.is_empty() {
            self.out.push_str(label);
            self.out.push_str(": ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn block(&mut self, depth: usize, label: &str, stmts: &[Stmt]) {
        if !stmts.is_empty() {
            self.emit(depth, "", &format!("{label}:"));
            for stmt in stmts {
                self.stmt(depth + 1, stmt);
            }
        }
    }

    fn opt_block(&mut self, depth: usize, label: &str, stmts: &Option<Vec<Stmt>>) {
        if let Some(stmts) = stmts {
            self.block(depth, label, stmts);
        }
    }

    fn stmt(&mut self, d: usize, stmt: &Stmt) {
        let sp = span(stmt.span);
        match &stmt.kind {
            StmtKind::Expr(value) => {
                self.emit(d, "", &format!("Expr {sp}"));
                self.expr(d + 1, "value", value);
            }
            StmtKind::Assign { targets, value } => {
                self.emit(d, "", &format!("Assign {sp}"));
                for target in targets {
                    self.expr(d + 1, "target", target);
                }
                self.expr(d + 1, "value", value);
            }
            StmtKind::AnnAssign { target, annotation, value } => {
                self.emit(d, "", &format!("AnnAssign {sp}"));
                self.expr(d + 1, "target", target);
                self.expr(d + 1, "annotation", annotation);
                self.opt(d + 1, "value", value.as_ref());
            }
            StmtKind::AugAssign { target, op, value } => {
                self.emit(d, "", &format!("AugAssign {}= {sp}", bin_op(*op)));
                self.expr(d + 1, "target", target);
                self.expr(d + 1, "value", value);
            }
            StmtKind::If { branches, orelse } => {
                self.emit(d, "", &format!("If {sp}"));
                for branch in branches {
                    self.emit(d + 1, "", "branch:");
                    self.expr(d + 2, "test", &branch.test);
                    self.block(d + 2, "body", &branch.body);
                }
                self.opt_block(d + 1, "orelse", orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.emit(d, "", &format!("While {sp}"));
                self.expr(d + 1, "test", test);
                self.block(d + 1, "body", body);
                self.opt_block(d + 1, "orelse", orelse);
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.emit(d, "", &format!("For {sp}"));
                self.expr(d + 1, "target", target);
                self.expr(d + 1, "iter", iter);
                self.block(d + 1, "body", body);
                self.opt_block(d + 1, "orelse", orelse);
            }
            StmtKind::Break => self.emit(d, "", &format!("Break {sp}")),
            StmtKind::Continue => self.emit(d, "", &format!("Continue {sp}")),
            StmtKind::Pass => self.emit(d, "", &format!("Pass {sp}")),
            StmtKind::Return(value) => {
                self.emit(d, "", &format!("Return {sp}"));
                self.opt(d + 1, "value", value.as_ref());
            }
            StmtKind::FunctionDef(def) => {
                self.emit(d, "", &format!("FunctionDef {} {sp}", def.name.name));
                for decorator in &def.decorators {
                    self.expr(d + 1, "decorator", &decorator.expr);
                }
                self.params(d + 1, &def.params);
                self.opt(d + 1, "returns", def.returns.as_ref());
                self.block(d + 1, "body", &def.body);
            }
            StmtKind::ClassDef(class) => {
                self.emit(d, "", &format!("ClassDef {} {sp}", class.name.name));
                for decorator in &class.decorators {
                    self.expr(d + 1, "decorator", &decorator.expr);
                }
                for base in &class.bases {
                    self.expr(d + 1, "base", base);
                }
                self.block(d + 1, "body", &class.body);
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                let kind = if matches!(stmt.kind, StmtKind::Global(_)) { "Global" } else { "Nonlocal" };
                let names: Vec<&str> = names.iter().map(|name| name.name.as_str()).collect();
                self.emit(d, "", &format!("{kind} {} {sp}", names.join(" ")));
            }
            StmtKind::Delete(targets) => {
                self.emit(d, "", &format!("Delete {sp}"));
                for target in targets {
                    self.expr(d + 1, "target", target);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.emit(d, "", &format!("Assert {sp}"));
                self.expr(d + 1, "test", test);
                self.opt(d + 1, "msg", msg.as_ref());
            }
            StmtKind::Raise { exc, cause } => {
                self.emit(d, "", &format!("Raise {sp}"));
                self.opt(d + 1, "exc", exc.as_ref());
                self.opt(d + 1, "cause", cause.as_ref());
            }
            StmtKind::Try(try_stmt) => {
                self.emit(d, "", &format!("Try {sp}"));
                self.block(d + 1, "body", &try_stmt.body);
                for handler in &try_stmt.handlers {
                    let name = handler.name.as_ref().map_or_else(String::new, |name| format!(" as {}", name.name));
                    self.emit(d + 1, "", &format!("except{name} {}", span(handler.span)));
                    self.opt(d + 2, "type", handler.typ.as_ref());
                    self.block(d + 2, "body", &handler.body);
                }
                self.opt_block(d + 1, "orelse", &try_stmt.orelse);
                self.opt_block(d + 1, "finalbody", &try_stmt.finalbody);
            }
            StmtKind::Import(names) => {
                self.emit(d, "", &format!("Import {sp}"));
                self.aliases(d + 1, names);
            }
            StmtKind::ImportFrom { level, module, names } => {
                let module = module.as_ref().map_or_else(|| "-".to_owned(), |module| module.dotted());
                self.emit(d, "", &format!("ImportFrom level={level} module={module} {sp}"));
                self.aliases(d + 1, names);
            }
            StmtKind::Error => self.emit(d, "", &format!("<error statement> {sp}")),
        }
    }

    fn aliases(&mut self, d: usize, names: &[ImportAlias]) {
        for alias in names {
            let asname = alias.asname.as_ref().map_or_else(String::new, |name| format!(" as {}", name.name));
            self.emit(d, "", &format!("alias {}{asname} {}", alias.name.dotted(), span(alias.span)));
        }
    }

    fn params(&mut self, d: usize, params: &Parameters) {
        for (kind, list) in [("param", &params.params), ("kwonly", &params.kwonly)] {
            for param in list {
                // CPython's `arg` spans the name and the annotation; Typhon's parameter
                // also covers the default. Print CPython's extent, from Typhon's parts.
                let end = param.annotation.as_ref().map_or(param.name.span.end, |annotation| annotation.span.end);
                let extent = Span::new(param.span.start, end);
                self.emit(d, "", &format!("{kind} {} {}", param.name.name, span(extent)));
                self.opt(d + 1, "annotation", param.annotation.as_ref());
                self.opt(d + 1, "default", param.default.as_ref());
            }
        }
    }

    fn keyword(&mut self, d: usize, keyword: &Keyword) {
        self.emit(d, "", &format!("keyword {} {}", keyword.arg.name, span(keyword.span)));
        self.expr(d + 1, "value", &keyword.value);
    }

    fn opt(&mut self, d: usize, label: &str, expr: Option<&Expr>) {
        if let Some(expr) = expr {
            self.expr(d, label, expr);
        }
    }

    fn boxed(&mut self, d: usize, label: &str, expr: &Option<Box<Expr>>) {
        if let Some(expr) = expr {
            self.expr(d, label, expr);
        }
    }

    fn expr(&mut self, d: usize, label: &str, expr: &Expr) {
        let sp = span(expr.span);
        let text = match &expr.kind {
            ExprKind::Name(name) => format!("Name {name} {sp}"),
            ExprKind::Int(IntValue::Small(value)) => format!("Int {value} {sp}"),
            ExprKind::Int(IntValue::Big(value)) => format!("Int {value} {sp}"),
            ExprKind::Float(value) => format!("Float {:016x} {sp}", value.to_bits()),
            ExprKind::Str(value) => format!("Str {} {sp}", escape(value)),
            ExprKind::Bool(value) => format!("Bool {} {sp}", if *value { "True" } else { "False" }),
            ExprKind::NoneLit => format!("None {sp}"),
            ExprKind::Ellipsis => format!("Ellipsis {sp}"),
            ExprKind::FString(_) => format!("FString {sp}"),
            ExprKind::Attribute { attr, .. } => format!("Attribute {} {sp}", attr.name),
            ExprKind::Call { .. } => format!("Call {sp}"),
            ExprKind::Subscript { .. } => format!("Subscript {sp}"),
            ExprKind::Slice { .. } => format!("Slice {sp}"),
            ExprKind::Unary { op, .. } => format!("Unary {} {sp}", unary_op(*op)),
            ExprKind::Binary { op, .. } => format!("Binary {} {sp}", bin_op(*op)),
            ExprKind::BoolOp { op, .. } => {
                format!("BoolOp {} {sp}", if *op == BoolOp::And { "and" } else { "or" })
            }
            ExprKind::Compare { .. } => format!("Compare {sp}"),
            ExprKind::IfExp { .. } => format!("IfExp {sp}"),
            ExprKind::Lambda { .. } => format!("Lambda {sp}"),
            ExprKind::List(_) => format!("List {sp}"),
            ExprKind::Tuple(_) => format!("Tuple {sp}"),
            ExprKind::Set(_) => format!("Set {sp}"),
            ExprKind::Dict(_) => format!("Dict {sp}"),
            ExprKind::ListComp { .. } => format!("ListComp {sp}"),
            ExprKind::SetComp { .. } => format!("SetComp {sp}"),
            ExprKind::DictComp { .. } => format!("DictComp {sp}"),
            ExprKind::GeneratorExp { .. } => format!("GeneratorExp {sp}"),
            ExprKind::Error => format!("<error expression> {sp}"),
        };
        self.emit(d, label, &text);
        let d = d + 1;
        match &expr.kind {
            ExprKind::FString(parts) => self.fstring_parts(d, parts),
            ExprKind::Attribute { value, .. } => self.expr(d, "value", value),
            ExprKind::Call { func, args, keywords } => {
                self.expr(d, "func", func);
                for arg in args {
                    self.expr(d, "arg", arg);
                }
                for keyword in keywords {
                    self.keyword(d, keyword);
                }
            }
            ExprKind::Subscript { value, index } => {
                self.expr(d, "value", value);
                self.expr(d, "index", index);
            }
            ExprKind::Slice { lower, upper, step } => {
                self.boxed(d, "lower", lower);
                self.boxed(d, "upper", upper);
                self.boxed(d, "step", step);
            }
            ExprKind::Unary { operand, .. } => self.expr(d, "operand", operand),
            ExprKind::Binary { left, right, .. } => {
                self.expr(d, "left", left);
                self.expr(d, "right", right);
            }
            ExprKind::BoolOp { values, .. } => {
                for value in values {
                    self.expr(d, "value", value);
                }
            }
            ExprKind::Compare { left, comparisons } => {
                self.expr(d, "left", left);
                for (op, operand) in comparisons {
                    self.expr(d, cmp_op(*op), operand);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(d, "test", test);
                self.expr(d, "body", body);
                self.expr(d, "orelse", orelse);
            }
            ExprKind::Lambda { params, body } => {
                self.params(d, params);
                self.expr(d, "body", body);
            }
            ExprKind::List(elts) | ExprKind::Tuple(elts) | ExprKind::Set(elts) => {
                for elt in elts {
                    self.expr(d, "elt", elt);
                }
            }
            ExprKind::Dict(pairs) => {
                for (key, value) in pairs {
                    self.expr(d, "key", key);
                    self.expr(d, "value", value);
                }
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(d, "elt", elt);
                self.generators(d, generators);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.expr(d, "key", key);
                self.expr(d, "value", value);
                self.generators(d, generators);
            }
            _ => {}
        }
    }

    fn generators(&mut self, d: usize, generators: &[Comprehension]) {
        for generator in generators {
            self.emit(d, "", "for:");
            self.expr(d + 1, "target", &generator.target);
            self.expr(d + 1, "iter", &generator.iter);
            for cond in &generator.ifs {
                self.expr(d + 1, "if", cond);
            }
        }
    }

    fn fstring_parts(&mut self, d: usize, parts: &[FStringPart]) {
        let mut literal = String::new();
        for part in parts {
            match part {
                FStringPart::Literal(text) => literal.push_str(text),
                FStringPart::Field(field) => {
                    if !literal.is_empty() {
                        self.emit(d, "", &format!("literal {}", escape(&literal)));
                        literal.clear();
                    }
                    let conversion = match field.conversion {
                        None => "",
                        Some(Conversion::Str) => " !s",
                        Some(Conversion::Repr) => " !r",
                        Some(Conversion::Ascii) => " !a",
                    };
                    self.emit(d, "", &format!("field{conversion}"));
                    self.expr(d + 1, "value", &field.expr);
                    // CPython gives `{x:}` an empty spec; `format(x, "")` is `format(x)`.
                    if let Some(spec) = &field.format_spec
                        && spec.iter().any(|part| match part {
                            FStringPart::Literal(text) => !text.is_empty(),
                            FStringPart::Field(_) => true,
                        })
                    {
                        self.emit(d + 1, "", "spec:");
                        self.fstring_parts(d + 2, spec);
                    }
                }
            }
        }
        if !literal.is_empty() {
            self.emit(d, "", &format!("literal {}", escape(&literal)));
        }
    }
}
