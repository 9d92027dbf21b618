//! A stable, indented text form of the tree for snapshot tests: one node per line,
//! with its kind, names, literal values, operators and span (`@start..end`), children
//! indented below it and labelled where their role is not obvious from their order.
//!
//! ```text
//! FunctionDef f @0..31
//!   param x @6..12
//!     annotation: Name int @9..12
//!   body:
//!     Return @20..31
//!       Binary + @27..31
//!         Name a @27..28
//!         Name b @30..31
//! ```
//!
//! The walk recurses once per tree level (bounded, see `limits`); each node kind has
//! its own small function so that unoptimized builds keep the frames on that path small.

use std::fmt::Write;

use crate::ast::{
    BoolOp, Comprehension, Conversion, Decorator, Expr, ExprKind, FStringPart, ImportAlias, IntValue, Module,
    Parameters, Span, Stmt, StmtKind, UnaryOp,
};

/// Renders `module` as the indented summary described in the module documentation.
pub fn dump(module: &Module) -> String {
    let mut dumper = Dumper { out: String::new() };
    for stmt in &module.body {
        dumper.stmt(stmt, 0);
    }
    dumper.out
}

struct Dumper {
    out: String,
}

fn unary_symbol(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Neg => "-",
        UnaryOp::Pos => "+",
        UnaryOp::Not => "not",
        UnaryOp::Invert => "~",
    }
}

impl Dumper {
    /// Writes `{indent}{label}{parts...} @start..end`.
    fn line(&mut self, indent: usize, label: &str, parts: &[&str], span: Option<Span>) {
        for _ in 0..indent {
            self.out.push_str("  ");
        }
        self.out.push_str(label);
        for part in parts {
            self.out.push_str(part);
        }
        if let Some(span) = span {
            let _ = write!(self.out, " @{}..{}", span.start, span.end);
        }
        self.out.push('\n');
    }

    fn block(&mut self, indent: usize, label: &str, body: &[Stmt]) {
        self.line(indent, label, &[], None);
        for stmt in body {
            self.stmt(stmt, indent + 1);
        }
    }

    fn optional_block(&mut self, indent: usize, label: &str, body: &Option<Vec<Stmt>>) {
        if let Some(body) = body {
            self.block(indent, label, body);
        }
    }

    fn optional_expr(&mut self, expr: &Option<Expr>, indent: usize, label: &str) {
        if let Some(expr) = expr {
            self.expr(expr, indent, label);
        }
    }

    fn stmt(&mut self, stmt: &Stmt, indent: usize) {
        let span = Some(stmt.span);
        let inner = indent + 1;
        match &stmt.kind {
            StmtKind::Expr(expr) => {
                self.line(indent, "", &["Expr"], span);
                self.expr(expr, inner, "");
            }
            StmtKind::Assign { targets, value } => {
                self.line(indent, "", &["Assign"], span);
                for target in targets {
                    self.expr(target, inner, "target: ");
                }
                self.expr(value, inner, "value: ");
            }
            StmtKind::AnnAssign { target, annotation, value } => {
                self.line(indent, "", &["AnnAssign"], span);
                self.expr(target, inner, "target: ");
                self.expr(annotation, inner, "annotation: ");
                self.optional_expr(value, inner, "value: ");
            }
            StmtKind::AugAssign { target, op, value } => {
                self.line(indent, "", &["AugAssign ", op.symbol(), "="], span);
                self.expr(target, inner, "target: ");
                self.expr(value, inner, "value: ");
            }
            StmtKind::If { branches, orelse } => {
                self.line(indent, "", &["If"], span);
                for (idx, branch) in branches.iter().enumerate() {
                    self.line(inner, "", &[if idx == 0 { "if" } else { "elif" }], Some(branch.span));
                    self.expr(&branch.test, inner + 1, "test: ");
                    self.block(inner + 1, "body:", &branch.body);
                }
                self.optional_block(inner, "else:", orelse);
            }
            StmtKind::While { test, body, orelse } => {
                self.line(indent, "", &["While"], span);
                self.expr(test, inner, "test: ");
                self.block(inner, "body:", body);
                self.optional_block(inner, "else:", orelse);
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.line(indent, "", &["For"], span);
                self.expr(target, inner, "target: ");
                self.expr(iter, inner, "iter: ");
                self.block(inner, "body:", body);
                self.optional_block(inner, "else:", orelse);
            }
            StmtKind::Break => self.line(indent, "", &["Break"], span),
            StmtKind::Continue => self.line(indent, "", &["Continue"], span),
            StmtKind::Pass => self.line(indent, "", &["Pass"], span),
            StmtKind::Return(value) => {
                self.line(indent, "", &["Return"], span);
                self.optional_expr(value, inner, "");
            }
            StmtKind::FunctionDef(def) => {
                self.line(indent, "", &["FunctionDef ", &def.name.name], span);
                self.decorators(&def.decorators, inner);
                self.params(&def.params, inner);
                self.optional_expr(&def.returns, inner, "returns: ");
                self.block(inner, "body:", &def.body);
            }
            StmtKind::ClassDef(class) => {
                self.line(indent, "", &["ClassDef ", &class.name.name], span);
                self.decorators(&class.decorators, inner);
                for base in &class.bases {
                    self.expr(base, inner, "base: ");
                }
                self.block(inner, "body:", &class.body);
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                let keyword = if matches!(stmt.kind, StmtKind::Global(_)) { "Global " } else { "Nonlocal " };
                let names: Vec<&str> = names.iter().map(|name| name.name.as_str()).collect();
                self.line(indent, "", &[keyword, &names.join(", ")], span);
            }
            StmtKind::Delete(targets) => {
                self.line(indent, "", &["Delete"], span);
                for target in targets {
                    self.expr(target, inner, "");
                }
            }
            StmtKind::Assert { test, msg } => {
                self.line(indent, "", &["Assert"], span);
                self.expr(test, inner, "test: ");
                self.optional_expr(msg, inner, "msg: ");
            }
            StmtKind::Raise { exc, cause } => {
                self.line(indent, "", &["Raise"], span);
                self.optional_expr(exc, inner, "exc: ");
                self.optional_expr(cause, inner, "cause: ");
            }
            StmtKind::Try(try_stmt) => {
                self.line(indent, "", &["Try"], span);
                self.block(inner, "body:", &try_stmt.body);
                for handler in &try_stmt.handlers {
                    self.line(inner, "", &["except"], Some(handler.span));
                    self.optional_expr(&handler.typ, inner + 1, "type: ");
                    if let Some(name) = &handler.name {
                        self.line(inner + 1, "name: ", &[&name.name], Some(name.span));
                    }
                    self.block(inner + 1, "body:", &handler.body);
                }
                self.optional_block(inner, "else:", &try_stmt.orelse);
                self.optional_block(inner, "finally:", &try_stmt.finalbody);
            }
            StmtKind::Import(aliases) => {
                self.line(indent, "", &["Import"], span);
                self.aliases(aliases, inner);
            }
            StmtKind::ImportFrom { level, module, names } => {
                let mut from = ".".repeat(*level as usize);
                if let Some(module) = module {
                    from.push_str(&module.dotted());
                }
                self.line(indent, "", &["ImportFrom ", &from], span);
                self.aliases(names, inner);
            }
            StmtKind::Error => self.line(indent, "", &["Error"], span),
        }
    }

    fn decorators(&mut self, decorators: &[Decorator], indent: usize) {
        for decorator in decorators {
            self.line(indent, "", &["decorator"], Some(decorator.span));
            self.expr(&decorator.expr, indent + 1, "");
        }
    }

    fn aliases(&mut self, aliases: &[ImportAlias], indent: usize) {
        for alias in aliases {
            let name = alias.name.dotted();
            match &alias.asname {
                Some(asname) => self.line(indent, "", &["alias ", &name, " as ", &asname.name], Some(alias.span)),
                None => self.line(indent, "", &["alias ", &name], Some(alias.span)),
            }
        }
    }

    fn params(&mut self, params: &Parameters, indent: usize) {
        for (kind, list) in [("param ", &params.params), ("kwonly ", &params.kwonly)] {
            for param in list {
                self.line(indent, "", &[kind, &param.name.name], Some(param.span));
                self.optional_expr(&param.annotation, indent + 1, "annotation: ");
                self.optional_expr(&param.default, indent + 1, "default: ");
            }
        }
    }

    /// One expression: the dispatch only, so the recursive path stays small.
    fn expr(&mut self, expr: &Expr, indent: usize, label: &str) {
        match &expr.kind {
            ExprKind::Name(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::NoneLit
            | ExprKind::Ellipsis
            | ExprKind::Error => self.leaf(expr, indent, label),
            ExprKind::FString(parts) => {
                self.line(indent, label, &["FString"], Some(expr.span));
                self.fstring_parts(parts, indent + 1);
            }
            ExprKind::Attribute { value, attr } => {
                self.line(indent, label, &["Attribute .", &attr.name], Some(expr.span));
                self.expr(value, indent + 1, "");
            }
            ExprKind::Call { .. } => self.call(expr, indent, label),
            ExprKind::Subscript { value, index } => {
                self.line(indent, label, &["Subscript"], Some(expr.span));
                self.expr(value, indent + 1, "value: ");
                self.expr(index, indent + 1, "index: ");
            }
            ExprKind::Slice { .. } => self.slice(expr, indent, label),
            ExprKind::Unary { op, operand } => {
                self.line(indent, label, &["Unary ", unary_symbol(*op)], Some(expr.span));
                self.expr(operand, indent + 1, "");
            }
            ExprKind::Binary { left, op, right } => {
                self.line(indent, label, &["Binary ", op.symbol()], Some(expr.span));
                self.expr(left, indent + 1, "");
                self.expr(right, indent + 1, "");
            }
            ExprKind::BoolOp { op, values } => {
                let op = if *op == BoolOp::And { "BoolOp and" } else { "BoolOp or" };
                self.sequence(op, values, expr.span, indent, label);
            }
            ExprKind::Compare { .. } => self.compare(expr, indent, label),
            ExprKind::IfExp { test, body, orelse } => {
                self.line(indent, label, &["IfExp"], Some(expr.span));
                self.expr(test, indent + 1, "test: ");
                self.expr(body, indent + 1, "body: ");
                self.expr(orelse, indent + 1, "orelse: ");
            }
            ExprKind::Lambda { params, body } => {
                self.line(indent, label, &["Lambda"], Some(expr.span));
                self.params(params, indent + 1);
                self.expr(body, indent + 1, "body: ");
            }
            ExprKind::List(elts) => self.sequence("List", elts, expr.span, indent, label),
            ExprKind::Tuple(elts) => self.sequence("Tuple", elts, expr.span, indent, label),
            ExprKind::Set(elts) => self.sequence("Set", elts, expr.span, indent, label),
            ExprKind::Dict(pairs) => {
                self.line(indent, label, &["Dict"], Some(expr.span));
                for (key, value) in pairs {
                    self.expr(key, indent + 1, "key: ");
                    self.expr(value, indent + 1, "value: ");
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension("ListComp", elt, generators, expr.span, indent, label)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension("SetComp", elt, generators, expr.span, indent, label)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension("GeneratorExp", elt, generators, expr.span, indent, label)
            }
            ExprKind::DictComp { key, value, generators } => {
                self.line(indent, label, &["DictComp"], Some(expr.span));
                self.expr(key, indent + 1, "key: ");
                self.expr(value, indent + 1, "value: ");
                self.generators(generators, indent + 1);
            }
        }
    }

    fn leaf(&mut self, expr: &Expr, indent: usize, label: &str) {
        let text = match &expr.kind {
            ExprKind::Name(name) => format!("Name {name}"),
            ExprKind::Int(IntValue::Small(value)) => format!("Int {value}"),
            ExprKind::Int(IntValue::Big(value)) => format!("Int {value}"),
            ExprKind::Float(value) => format!("Float {value:?}"),
            ExprKind::Str(text) => format!("Str {text:?}"),
            ExprKind::Bool(true) => "True".to_owned(),
            ExprKind::Bool(false) => "False".to_owned(),
            ExprKind::NoneLit => "None".to_owned(),
            ExprKind::Ellipsis => "Ellipsis".to_owned(),
            _ => "Error".to_owned(),
        };
        self.line(indent, label, &[&text], Some(expr.span));
    }

    fn sequence(&mut self, kind: &str, elts: &[Expr], span: Span, indent: usize, label: &str) {
        self.line(indent, label, &[kind], Some(span));
        for elt in elts {
            self.expr(elt, indent + 1, "");
        }
    }

    fn call(&mut self, expr: &Expr, indent: usize, label: &str) {
        let ExprKind::Call { func, args, keywords } = &expr.kind else { return };
        self.line(indent, label, &["Call"], Some(expr.span));
        self.expr(func, indent + 1, "func: ");
        for arg in args {
            self.expr(arg, indent + 1, "arg: ");
        }
        for keyword in keywords {
            let label = format!("keyword {}: ", keyword.arg.name);
            self.expr(&keyword.value, indent + 1, &label);
        }
    }

    fn slice(&mut self, expr: &Expr, indent: usize, label: &str) {
        let ExprKind::Slice { lower, upper, step } = &expr.kind else { return };
        self.line(indent, label, &["Slice"], Some(expr.span));
        for (part_label, part) in [("lower: ", lower), ("upper: ", upper), ("step: ", step)] {
            if let Some(part) = part {
                self.expr(part, indent + 1, part_label);
            }
        }
    }

    fn compare(&mut self, expr: &Expr, indent: usize, label: &str) {
        let ExprKind::Compare { left, comparisons } = &expr.kind else { return };
        let ops: Vec<&str> = comparisons.iter().map(|(op, _)| op.symbol()).collect();
        self.line(indent, label, &["Compare ", &ops.join(", ")], Some(expr.span));
        self.expr(left, indent + 1, "");
        for (_, operand) in comparisons {
            self.expr(operand, indent + 1, "");
        }
    }

    fn comprehension(
        &mut self,
        kind: &str,
        elt: &Expr,
        generators: &[Comprehension],
        span: Span,
        indent: usize,
        label: &str,
    ) {
        self.line(indent, label, &[kind], Some(span));
        self.expr(elt, indent + 1, "elt: ");
        self.generators(generators, indent + 1);
    }

    fn generators(&mut self, generators: &[Comprehension], indent: usize) {
        for generator in generators {
            self.line(indent, "", &["for"], Some(generator.span));
            self.expr(&generator.target, indent + 1, "target: ");
            self.expr(&generator.iter, indent + 1, "iter: ");
            for condition in &generator.ifs {
                self.expr(condition, indent + 1, "if: ");
            }
        }
    }

    fn fstring_parts(&mut self, parts: &[FStringPart], indent: usize) {
        for part in parts {
            match part {
                FStringPart::Literal(text) => {
                    let text = format!("{text:?}");
                    self.line(indent, "", &["Literal ", &text], None);
                }
                FStringPart::Field(field) => {
                    let conversion = match field.conversion {
                        Some(Conversion::Repr) => " !r",
                        Some(Conversion::Str) => " !s",
                        Some(Conversion::Ascii) => " !a",
                        None => "",
                    };
                    self.line(indent, "", &["Field", conversion], Some(field.span));
                    self.expr(&field.expr, indent + 1, "");
                    if let Some(spec) = &field.format_spec {
                        self.line(indent + 1, "spec:", &[], None);
                        self.fstring_parts(spec, indent + 2);
                    }
                }
            }
        }
    }
}
