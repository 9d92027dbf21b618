//! Structural checks over a parsed tree that no snapshot states explicitly: every span
//! lies inside the source, children lie inside their parents, statements of a block come
//! in source order without overlapping, identifiers point at their own text, and the tree
//! is not deeper than the parser's limits allow.
//!
//! It also lists the syntactic features it met (`binary Pow`, `stmt Try`, `try finally`,
//! ...), so a test can assert that the fixture corpus covers every construct.
//!
//! The walk uses an explicit stack, so a tree that is too deep (a parser bug) is reported
//! as a failed check instead of overflowing the test thread's stack.

use std::collections::BTreeSet;

use typhon_parser::ast::{Comprehension, Expr, ExprKind, FStringPart, Ident, Module, Parameters, Span, Stmt, StmtKind};

/// How strict [`check_tree`] is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Strictness {
    /// For valid source: bounds, nesting of children in parents, order of statements.
    Full,
    /// For broken source, where recovery may build odd shapes: bounds and depth only.
    BoundsOnly,
}

/// What [`check_tree`] measured, besides the problems it found.
#[derive(Clone, Debug, Default)]
pub struct TreeReport {
    pub problems: Vec<String>,
    /// The longest chain of nested expressions (a leaf alone has depth 1).
    pub max_expr_depth: usize,
    /// The longest chain of nested statement blocks (module level is 0).
    pub max_block_depth: usize,
    pub n_stmts: usize,
    pub n_exprs: usize,
    /// The syntactic features met, such as `binary Pow`, `stmt Try` or `try finally`.
    pub features: BTreeSet<String>,
}

enum Node<'tree> {
    Stmt(&'tree Stmt),
    Expr(&'tree Expr),
    Ident(&'tree Ident),
    Span(Span, &'static str),
}

struct Item<'tree> {
    node: Node<'tree>,
    /// The span the node must lie within (when strict).
    parent: Option<Span>,
    expr_depth: usize,
    block_depth: usize,
}

struct Walker<'tree, 'src> {
    source: &'src str,
    strictness: Strictness,
    stack: Vec<Item<'tree>>,
    report: TreeReport,
}

/// Checks `module`, parsed from `source`, and returns what it found. At most a few
/// dozen problems are listed: one bad span usually breaks many checks.
pub fn check_tree(module: &Module, source: &str, strictness: Strictness) -> TreeReport {
    let mut walker = Walker { source, strictness, stack: Vec::new(), report: TreeReport::default() };
    walker.block(&module.body, None, 0, "module");
    while let Some(item) = walker.stack.pop() {
        walker.visit(item);
        if walker.report.problems.len() >= 40 {
            walker.report.problems.push("(further problems not listed)".to_owned());
            break;
        }
    }
    walker.report
}

impl<'tree> Walker<'tree, '_> {
    fn feature(&mut self, name: impl Into<String>) {
        self.report.features.insert(name.into());
    }

    fn problem(&mut self, text: String) {
        self.report.problems.push(text);
    }

    fn check_span(&mut self, span: Span, parent: Option<Span>, what: &str) {
        let len = self.source.len() as u32;
        if span.start > span.end || span.end > len {
            self.problem(format!("{what} has span {span:?} outside the source (0..{len})"));
            return;
        }
        if self.strictness == Strictness::Full
            && let Some(parent) = parent
            && (span.start < parent.start || span.end > parent.end)
        {
            let text = self.source.get(span.range()).unwrap_or("<not on a char boundary>");
            self.problem(format!("{what} {span:?} ({text:?}) is not inside its parent {parent:?}"));
        }
    }

    fn push(&mut self, node: Node<'tree>, parent: Option<Span>, expr_depth: usize, block_depth: usize) {
        self.stack.push(Item { node, parent, expr_depth, block_depth });
    }

    fn block(&mut self, stmts: &'tree [Stmt], parent: Option<Span>, block_depth: usize, what: &str) {
        self.report.max_block_depth = self.report.max_block_depth.max(block_depth);
        if self.strictness == Strictness::Full {
            for pair in stmts.windows(2) {
                if pair[0].span.end > pair[1].span.start {
                    self.problem(format!(
                        "statements of a {what} overlap or are out of order: {:?} then {:?}",
                        pair[0].span, pair[1].span
                    ));
                }
            }
        }
        for stmt in stmts.iter().rev() {
            self.push(Node::Stmt(stmt), parent, 0, block_depth);
        }
    }

    fn expr(&mut self, expr: &'tree Expr, parent: Span, depth: usize, block_depth: usize) {
        self.push(Node::Expr(expr), Some(parent), depth + 1, block_depth);
    }

    fn opt_expr(&mut self, expr: &'tree Option<Expr>, parent: Span, depth: usize, block_depth: usize) {
        if let Some(expr) = expr {
            self.expr(expr, parent, depth, block_depth);
        }
    }

    fn boxed(&mut self, expr: &'tree Option<Box<Expr>>, parent: Span, depth: usize, block_depth: usize) {
        if let Some(expr) = expr {
            self.expr(expr, parent, depth, block_depth);
        }
    }

    fn params(&mut self, params: &'tree Parameters, parent: Span, depth: usize, block_depth: usize) {
        let owner = if depth == 0 { "def" } else { "lambda" };
        if !params.kwonly.is_empty() {
            self.feature(format!("{owner} keyword-only parameter"));
        }
        for param in params.params.iter().chain(&params.kwonly) {
            if param.default.is_some() {
                self.feature(format!("{owner} parameter default"));
            }
            if param.annotation.is_some() {
                self.feature(format!("{owner} parameter annotation"));
            }
            self.push(Node::Span(param.span, "parameter"), Some(parent), depth, block_depth);
            self.push(Node::Ident(&param.name), Some(param.span), depth, block_depth);
            self.opt_expr(&param.annotation, param.span, depth, block_depth);
            self.opt_expr(&param.default, param.span, depth, block_depth);
        }
    }

    fn generators(&mut self, generators: &'tree [Comprehension], parent: Span, depth: usize, block_depth: usize) {
        for generator in generators {
            self.push(Node::Span(generator.span, "comprehension clause"), Some(parent), depth, block_depth);
            self.expr(&generator.target, generator.span, depth, block_depth);
            self.expr(&generator.iter, generator.span, depth, block_depth);
            for cond in &generator.ifs {
                self.expr(cond, generator.span, depth, block_depth);
            }
        }
    }

    fn fstring_parts(&mut self, parts: &'tree [FStringPart], parent: Span, depth: usize, block_depth: usize) {
        for part in parts {
            if let FStringPart::Field(field) = part {
                if let Some(conversion) = field.conversion {
                    self.feature(format!("conversion {conversion:?}"));
                }
                if let Some(spec) = &field.format_spec {
                    self.feature("format spec");
                    if spec.iter().any(|part| matches!(part, FStringPart::Field(_))) {
                        self.feature("nested format field");
                    }
                }
                self.push(Node::Span(field.span, "f-string field"), Some(parent), depth, block_depth);
                self.expr(&field.expr, field.span, depth, block_depth);
                if let Some(spec) = &field.format_spec {
                    self.fstring_parts(spec, field.span, depth, block_depth);
                }
            }
        }
    }

    fn visit(&mut self, item: Item<'tree>) {
        let Item { node, parent, expr_depth, block_depth } = item;
        match node {
            Node::Span(span, what) => self.check_span(span, parent, what),
            Node::Ident(ident) => {
                self.check_span(ident.span, parent, "identifier");
                // Names are NFKC-normalised, so only ASCII spellings must match exactly.
                if let Some(text) = self.source.get(ident.span.range())
                    && text.is_ascii()
                    && text != ident.name.as_str()
                {
                    self.problem(format!("identifier {:?} has span {:?} over {text:?}", ident.name, ident.span));
                }
            }
            Node::Stmt(stmt) => {
                self.report.n_stmts += 1;
                self.check_span(stmt.span, parent, "statement");
                self.stmt(stmt, block_depth);
            }
            Node::Expr(expr) => {
                self.report.n_exprs += 1;
                self.report.max_expr_depth = self.report.max_expr_depth.max(expr_depth);
                self.check_span(expr.span, parent, "expression");
                self.expr_children(expr, expr_depth, block_depth);
            }
        }
    }

    fn stmt(&mut self, stmt: &'tree Stmt, block_depth: usize) {
        let span = stmt.span;
        let inner = block_depth + 1;
        self.feature(format!("stmt {}", stmt_kind_name(&stmt.kind)));
        if block_depth > 0 && matches!(stmt.kind, StmtKind::FunctionDef(_)) {
            self.feature("nested def");
        }
        match &stmt.kind {
            StmtKind::Expr(expr) => self.expr(expr, span, 0, block_depth),
            StmtKind::Assign { targets, value } => {
                if targets.len() > 1 {
                    self.feature("chained assignment");
                }
                for target in targets {
                    self.target_features(target);
                    self.expr(target, span, 0, block_depth);
                }
                self.expr(value, span, 0, block_depth);
            }
            StmtKind::AnnAssign { target, annotation, value } => {
                self.feature(if value.is_some() { "annotated assignment with value" } else { "bare annotation" });
                self.target_features(target);
                self.expr(target, span, 0, block_depth);
                self.expr(annotation, span, 0, block_depth);
                self.opt_expr(value, span, 0, block_depth);
            }
            StmtKind::AugAssign { target, op, value } => {
                self.feature(format!("augmented {op:?}"));
                self.target_features(target);
                self.expr(target, span, 0, block_depth);
                self.expr(value, span, 0, block_depth);
            }
            StmtKind::If { branches, orelse } => {
                if branches.len() > 1 {
                    self.feature("elif");
                }
                if orelse.is_some() {
                    self.feature("if else");
                }
                for branch in branches {
                    self.push(Node::Span(branch.span, "if branch"), Some(span), 0, block_depth);
                    self.expr(&branch.test, branch.span, 0, block_depth);
                    self.block(&branch.body, Some(branch.span), inner, "branch");
                }
                if let Some(orelse) = orelse {
                    self.block(orelse, Some(span), inner, "else block");
                }
            }
            StmtKind::While { test, body, orelse } => {
                if orelse.is_some() {
                    self.feature("while else");
                }
                self.expr(test, span, 0, block_depth);
                self.block(body, Some(span), inner, "loop body");
                if let Some(orelse) = orelse {
                    self.block(orelse, Some(span), inner, "else block");
                }
            }
            StmtKind::For { target, iter, body, orelse } => {
                if orelse.is_some() {
                    self.feature("for else");
                }
                self.target_features(target);
                self.expr(target, span, 0, block_depth);
                self.expr(iter, span, 0, block_depth);
                self.block(body, Some(span), inner, "loop body");
                if let Some(orelse) = orelse {
                    self.block(orelse, Some(span), inner, "else block");
                }
            }
            StmtKind::Return(value) => {
                self.feature(if value.is_some() { "return value" } else { "bare return" });
                self.opt_expr(value, span, 0, block_depth);
            }
            StmtKind::FunctionDef(def) => {
                if def.returns.is_some() {
                    self.feature("return annotation");
                }
                self.decorator_features(&def.decorators);
                // Decorators may or may not be inside the statement's span: bounds only.
                for decorator in &def.decorators {
                    self.push(Node::Span(decorator.span, "decorator"), None, 0, block_depth);
                    self.expr(&decorator.expr, decorator.span, 0, block_depth);
                }
                self.push(Node::Ident(&def.name), Some(span), 0, block_depth);
                self.params(&def.params, span, 0, block_depth);
                self.opt_expr(&def.returns, span, 0, block_depth);
                self.block(&def.body, Some(span), inner, "function body");
            }
            StmtKind::ClassDef(class) => {
                self.feature(if class.bases.is_empty() { "class without bases" } else { "class with bases" });
                self.decorator_features(&class.decorators);
                for decorator in &class.decorators {
                    self.push(Node::Span(decorator.span, "decorator"), None, 0, block_depth);
                    self.expr(&decorator.expr, decorator.span, 0, block_depth);
                }
                self.push(Node::Ident(&class.name), Some(span), 0, block_depth);
                for base in &class.bases {
                    self.expr(base, span, 0, block_depth);
                }
                self.block(&class.body, Some(span), inner, "class body");
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                for name in names {
                    self.push(Node::Ident(name), Some(span), 0, block_depth);
                }
            }
            StmtKind::Delete(targets) => {
                for target in targets {
                    self.expr(target, span, 0, block_depth);
                }
            }
            StmtKind::Assert { test, msg } => {
                if msg.is_some() {
                    self.feature("assert message");
                }
                self.expr(test, span, 0, block_depth);
                self.opt_expr(msg, span, 0, block_depth);
            }
            StmtKind::Raise { exc, cause } => {
                self.feature(match (exc, cause) {
                    (None, _) => "bare raise",
                    (Some(_), None) => "raise",
                    (Some(_), Some(_)) => "raise from",
                });
                self.opt_expr(exc, span, 0, block_depth);
                self.opt_expr(cause, span, 0, block_depth);
            }
            StmtKind::Try(try_stmt) => {
                if try_stmt.orelse.is_some() {
                    self.feature("try else");
                }
                if try_stmt.finalbody.is_some() {
                    self.feature("try finally");
                }
                for handler in &try_stmt.handlers {
                    self.feature(match (&handler.typ, &handler.name) {
                        (None, _) => "bare except",
                        (Some(typ), _) if matches!(typ.kind, ExprKind::Tuple(_)) => "except tuple",
                        (Some(_), Some(_)) => "except as",
                        (Some(_), None) => "except type",
                    });
                }
                self.block(&try_stmt.body, Some(span), inner, "try body");
                for handler in &try_stmt.handlers {
                    self.push(Node::Span(handler.span, "except clause"), Some(span), 0, block_depth);
                    self.opt_expr(&handler.typ, handler.span, 0, block_depth);
                    if let Some(name) = &handler.name {
                        self.push(Node::Ident(name), Some(handler.span), 0, block_depth);
                    }
                    self.block(&handler.body, Some(handler.span), inner, "except body");
                }
                if let Some(orelse) = &try_stmt.orelse {
                    self.block(orelse, Some(span), inner, "else block");
                }
                if let Some(finalbody) = &try_stmt.finalbody {
                    self.block(finalbody, Some(span), inner, "finally block");
                }
            }
            StmtKind::Import(aliases) => {
                for alias in aliases {
                    self.alias_features(alias);
                    self.push(Node::Span(alias.span, "import alias"), Some(span), 0, block_depth);
                    self.push(Node::Span(alias.name.span, "dotted name"), Some(alias.span), 0, block_depth);
                    for part in &alias.name.parts {
                        self.push(Node::Ident(part), Some(alias.name.span), 0, block_depth);
                    }
                    if let Some(asname) = &alias.asname {
                        self.push(Node::Ident(asname), Some(alias.span), 0, block_depth);
                    }
                }
            }
            StmtKind::ImportFrom { level, module, names } => {
                self.feature(match (level, module) {
                    (0, _) => "from import",
                    (_, None) => "relative import of a package",
                    (_, Some(_)) => "relative import of a module",
                });
                for alias in names {
                    self.alias_features(alias);
                }
                if let Some(module) = module {
                    self.push(Node::Span(module.span, "module name"), Some(span), 0, block_depth);
                    for part in &module.parts {
                        self.push(Node::Ident(part), Some(module.span), 0, block_depth);
                    }
                }
                for alias in names {
                    self.push(Node::Span(alias.span, "import alias"), Some(span), 0, block_depth);
                    for part in &alias.name.parts {
                        self.push(Node::Ident(part), Some(alias.span), 0, block_depth);
                    }
                    if let Some(asname) = &alias.asname {
                        self.push(Node::Ident(asname), Some(alias.span), 0, block_depth);
                    }
                }
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass | StmtKind::Error => {}
        }
    }

    fn expr_children(&mut self, expr: &'tree Expr, depth: usize, block_depth: usize) {
        let span = expr.span;
        self.feature(format!("expr {}", expr_kind_name(&expr.kind)));
        match &expr.kind {
            ExprKind::Unary { op, .. } => self.feature(format!("unary {op:?}")),
            ExprKind::Binary { op, .. } => self.feature(format!("binary {op:?}")),
            ExprKind::BoolOp { op, .. } => self.feature(format!("boolop {op:?}")),
            ExprKind::Compare { comparisons, .. } => {
                for (op, _) in comparisons {
                    self.feature(format!("compare {op:?}"));
                }
                if comparisons.len() > 1 {
                    self.feature("chained comparison");
                }
            }
            ExprKind::Slice { step: Some(_), .. } => self.feature("slice step"),
            ExprKind::Call { keywords, .. } if !keywords.is_empty() => self.feature("keyword argument"),
            ExprKind::Int(typhon_parser::ast::IntValue::Big(_)) => self.feature("big int"),
            ExprKind::ListComp { generators, .. }
            | ExprKind::SetComp { generators, .. }
            | ExprKind::GeneratorExp { generators, .. }
            | ExprKind::DictComp { generators, .. } => {
                if generators.len() > 1 {
                    self.feature("comprehension with several for");
                }
                if generators.iter().any(|generator| generator.ifs.len() > 1) {
                    self.feature("comprehension with several if");
                }
            }
            _ => {}
        }
        match &expr.kind {
            ExprKind::Name(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::NoneLit
            | ExprKind::Ellipsis
            | ExprKind::Error => {}
            ExprKind::FString(parts) => self.fstring_parts(parts, span, depth, block_depth),
            ExprKind::Attribute { value, attr } => {
                self.expr(value, span, depth, block_depth);
                self.push(Node::Ident(attr), Some(span), depth, block_depth);
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func, span, depth, block_depth);
                for arg in args {
                    self.expr(arg, span, depth, block_depth);
                }
                for keyword in keywords {
                    self.push(Node::Span(keyword.span, "keyword argument"), Some(span), depth, block_depth);
                    self.push(Node::Ident(&keyword.arg), Some(keyword.span), depth, block_depth);
                    self.expr(&keyword.value, keyword.span, depth, block_depth);
                }
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value, span, depth, block_depth);
                self.expr(index, span, depth, block_depth);
            }
            ExprKind::Slice { lower, upper, step } => {
                self.boxed(lower, span, depth, block_depth);
                self.boxed(upper, span, depth, block_depth);
                self.boxed(step, span, depth, block_depth);
            }
            ExprKind::Unary { operand, .. } => self.expr(operand, span, depth, block_depth),
            ExprKind::Binary { left, right, .. } => {
                self.expr(left, span, depth, block_depth);
                self.expr(right, span, depth, block_depth);
            }
            ExprKind::BoolOp { values, .. } => {
                for value in values {
                    self.expr(value, span, depth, block_depth);
                }
            }
            ExprKind::Compare { left, comparisons } => {
                self.expr(left, span, depth, block_depth);
                for (_, operand) in comparisons {
                    self.expr(operand, span, depth, block_depth);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test, span, depth, block_depth);
                self.expr(body, span, depth, block_depth);
                self.expr(orelse, span, depth, block_depth);
            }
            ExprKind::Lambda { params, body } => {
                self.params(params, span, depth, block_depth);
                self.expr(body, span, depth, block_depth);
            }
            ExprKind::List(elts) | ExprKind::Tuple(elts) | ExprKind::Set(elts) => {
                for elt in elts {
                    self.expr(elt, span, depth, block_depth);
                }
            }
            ExprKind::Dict(pairs) => {
                for (key, value) in pairs {
                    self.expr(key, span, depth, block_depth);
                    self.expr(value, span, depth, block_depth);
                }
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt, span, depth, block_depth);
                self.generators(generators, span, depth, block_depth);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.expr(key, span, depth, block_depth);
                self.expr(value, span, depth, block_depth);
                self.generators(generators, span, depth, block_depth);
            }
        }
    }
}

impl Walker<'_, '_> {
    fn target_features(&mut self, target: &Expr) {
        match &target.kind {
            ExprKind::Tuple(_) | ExprKind::List(_) => self.feature("unpacking target"),
            ExprKind::Attribute { .. } => self.feature("attribute target"),
            ExprKind::Subscript { .. } => self.feature("subscript target"),
            _ => {}
        }
    }

    fn decorator_features(&mut self, decorators: &[typhon_parser::ast::Decorator]) {
        for decorator in decorators {
            let feature = match &decorator.expr.kind {
                ExprKind::Call { keywords, .. } if keywords.len() > 1 => "decorator call with several keywords",
                ExprKind::Call { .. } => "decorator call",
                ExprKind::Attribute { .. } => "dotted decorator",
                _ => "decorator",
            };
            self.feature(feature);
        }
    }

    fn alias_features(&mut self, alias: &typhon_parser::ast::ImportAlias) {
        if alias.asname.is_some() {
            self.feature("import as");
        }
        if alias.name.parts.len() > 1 {
            self.feature("dotted import");
        }
    }
}

fn stmt_kind_name(kind: &StmtKind) -> &'static str {
    match kind {
        StmtKind::Expr(_) => "Expr",
        StmtKind::Assign { .. } => "Assign",
        StmtKind::AnnAssign { .. } => "AnnAssign",
        StmtKind::AugAssign { .. } => "AugAssign",
        StmtKind::If { .. } => "If",
        StmtKind::While { .. } => "While",
        StmtKind::For { .. } => "For",
        StmtKind::Break => "Break",
        StmtKind::Continue => "Continue",
        StmtKind::Pass => "Pass",
        StmtKind::Return(_) => "Return",
        StmtKind::FunctionDef(_) => "FunctionDef",
        StmtKind::ClassDef(_) => "ClassDef",
        StmtKind::Global(_) => "Global",
        StmtKind::Nonlocal(_) => "Nonlocal",
        StmtKind::Delete(_) => "Delete",
        StmtKind::Assert { .. } => "Assert",
        StmtKind::Raise { .. } => "Raise",
        StmtKind::Try(_) => "Try",
        StmtKind::Import(_) => "Import",
        StmtKind::ImportFrom { .. } => "ImportFrom",
        StmtKind::Error => "Error",
    }
}

fn expr_kind_name(kind: &ExprKind) -> &'static str {
    match kind {
        ExprKind::Name(_) => "Name",
        ExprKind::Int(_) => "Int",
        ExprKind::Float(_) => "Float",
        ExprKind::Str(_) => "Str",
        ExprKind::FString(_) => "FString",
        ExprKind::Bool(_) => "Bool",
        ExprKind::NoneLit => "NoneLit",
        ExprKind::Ellipsis => "Ellipsis",
        ExprKind::Attribute { .. } => "Attribute",
        ExprKind::Call { .. } => "Call",
        ExprKind::Subscript { .. } => "Subscript",
        ExprKind::Slice { .. } => "Slice",
        ExprKind::Unary { .. } => "Unary",
        ExprKind::Binary { .. } => "Binary",
        ExprKind::BoolOp { .. } => "BoolOp",
        ExprKind::Compare { .. } => "Compare",
        ExprKind::IfExp { .. } => "IfExp",
        ExprKind::Lambda { .. } => "Lambda",
        ExprKind::List(_) => "List",
        ExprKind::Tuple(_) => "Tuple",
        ExprKind::Set(_) => "Set",
        ExprKind::Dict(_) => "Dict",
        ExprKind::ListComp { .. } => "ListComp",
        ExprKind::SetComp { .. } => "SetComp",
        ExprKind::DictComp { .. } => "DictComp",
        ExprKind::GeneratorExp { .. } => "GeneratorExp",
        ExprKind::Error => "Error",
    }
}
