"""Prints CPython's AST of Python files in the canonical text form of
`typhon_tests::canonical`, so that Typhon's parser can be compared with CPython's.

    cpython_ast.py FILE...

Prints one JSON object mapping each FILE to its canonical text (or to
{"error": message} when CPython cannot parse it). The form keeps what both ASTs
define the same way: node kinds, operators, values (floats as IEEE bits, strings with
non-printable-ASCII escaped), and byte spans (CPython's line/column positions turned
into byte offsets of the file, BOM included). `elif` chains are flattened and adjacent
f-string literal pieces merged, as Typhon's AST does. Keep it in step with
tests/src/canonical.rs.
"""
import ast
import json
import struct
import sys
import warnings

if sys.version_info[:2] != (3, 11):
    sys.exit(f"Typhon follows CPython 3.11, but this is {sys.version.split()[0]}")

BIN = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.MatMult: "@", ast.Div: "/", ast.FloorDiv: "//",
       ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>", ast.BitOr: "|", ast.BitXor: "^",
       ast.BitAnd: "&"}
UNARY = {ast.USub: "-", ast.UAdd: "+", ast.Not: "not", ast.Invert: "~"}
CMP = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Is: "is",
       ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in"}
CONVERSIONS = {-1: None, 115: "s", 114: "r", 97: "a"}


def escape(text: str) -> str:
    out = []
    for ch in text:
        if ch == "\\" or ch == '"' or not (0x20 <= ord(ch) <= 0x7E):
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


class Printer:
    def __init__(self, data: bytes) -> None:
        self.data = data
        bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        self.line_starts = [0, bom]  # 1-based lines
        idx = bom
        while idx < len(data):
            byte = data[idx]
            if byte == 0x0A or (byte == 0x0D and data[idx + 1:idx + 2] != b"\n"):
                self.line_starts.append(idx + 1)
            idx += 1
        self.lines: list[str] = []

    def offset(self, line: int, col: int) -> int:
        return self.line_starts[line] + col

    def span(self, node: ast.AST) -> str:
        return f"@{self.offset(node.lineno, node.col_offset)}..{self.offset(node.end_lineno, node.end_col_offset)}"

    def emit(self, depth: int, label: str, text: str) -> None:
        self.lines.append("  " * depth + (f"{label}: " if label else "") + text)

    # Statements.

    def block(self, depth: int, label: str, stmts: list[ast.stmt]) -> None:
        if stmts:
            self.emit(depth, "", f"{label}:")
            for stmt in stmts:
                self.stmt(depth + 1, stmt)

    def stmt(self, d: int, s: ast.stmt) -> None:
        sp = self.span(s)
        if isinstance(s, ast.Expr):
            self.emit(d, "", f"Expr {sp}")
            self.expr(d + 1, "value", s.value)
        elif isinstance(s, ast.Assign):
            self.emit(d, "", f"Assign {sp}")
            for target in s.targets:
                self.expr(d + 1, "target", target)
            self.expr(d + 1, "value", s.value)
        elif isinstance(s, ast.AnnAssign):
            self.emit(d, "", f"AnnAssign {sp}")
            self.expr(d + 1, "target", s.target)
            self.expr(d + 1, "annotation", s.annotation)
            self.opt(d + 1, "value", s.value)
        elif isinstance(s, ast.AugAssign):
            self.emit(d, "", f"AugAssign {BIN[type(s.op)]}= {sp}")
            self.expr(d + 1, "target", s.target)
            self.expr(d + 1, "value", s.value)
        elif isinstance(s, ast.If):
            self.emit(d, "", f"If {sp}")
            node = s
            while True:
                self.emit(d + 1, "", "branch:")
                self.expr(d + 2, "test", node.test)
                self.block(d + 2, "body", node.body)
                orelse = node.orelse
                if len(orelse) == 1 and isinstance(orelse[0], ast.If) and self.is_elif(orelse[0]):
                    node = orelse[0]
                    continue
                self.block(d + 1, "orelse", orelse)
                break
        elif isinstance(s, ast.While):
            self.emit(d, "", f"While {sp}")
            self.expr(d + 1, "test", s.test)
            self.block(d + 1, "body", s.body)
            self.block(d + 1, "orelse", s.orelse)
        elif isinstance(s, ast.For):
            self.emit(d, "", f"For {sp}")
            self.expr(d + 1, "target", s.target)
            self.expr(d + 1, "iter", s.iter)
            self.block(d + 1, "body", s.body)
            self.block(d + 1, "orelse", s.orelse)
        elif isinstance(s, (ast.Break, ast.Continue, ast.Pass)):
            self.emit(d, "", f"{type(s).__name__} {sp}")
        elif isinstance(s, ast.Return):
            self.emit(d, "", f"Return {sp}")
            self.opt(d + 1, "value", s.value)
        elif isinstance(s, ast.FunctionDef):
            self.emit(d, "", f"FunctionDef {s.name} {sp}")
            for decorator in s.decorator_list:
                self.expr(d + 1, "decorator", decorator)
            self.arguments(d + 1, s.args)
            self.opt(d + 1, "returns", s.returns)
            self.block(d + 1, "body", s.body)
        elif isinstance(s, ast.ClassDef):
            self.emit(d, "", f"ClassDef {s.name} {sp}")
            for decorator in s.decorator_list:
                self.expr(d + 1, "decorator", decorator)
            for base in s.bases:
                self.expr(d + 1, "base", base)
            for keyword in s.keywords:
                self.keyword(d + 1, keyword)
            self.block(d + 1, "body", s.body)
        elif isinstance(s, (ast.Global, ast.Nonlocal)):
            self.emit(d, "", f"{type(s).__name__} {' '.join(s.names)} {sp}")
        elif isinstance(s, ast.Delete):
            self.emit(d, "", f"Delete {sp}")
            for target in s.targets:
                self.expr(d + 1, "target", target)
        elif isinstance(s, ast.Assert):
            self.emit(d, "", f"Assert {sp}")
            self.expr(d + 1, "test", s.test)
            self.opt(d + 1, "msg", s.msg)
        elif isinstance(s, ast.Raise):
            self.emit(d, "", f"Raise {sp}")
            self.opt(d + 1, "exc", s.exc)
            self.opt(d + 1, "cause", s.cause)
        elif isinstance(s, ast.Try):
            self.emit(d, "", f"Try {sp}")
            self.block(d + 1, "body", s.body)
            for handler in s.handlers:
                name = f" as {handler.name}" if handler.name else ""
                self.emit(d + 1, "", f"except{name} {self.span(handler)}")
                self.opt(d + 2, "type", handler.type)
                self.block(d + 2, "body", handler.body)
            self.block(d + 1, "orelse", s.orelse)
            self.block(d + 1, "finalbody", s.finalbody)
        elif isinstance(s, ast.Import):
            self.emit(d, "", f"Import {sp}")
            self.aliases(d + 1, s.names)
        elif isinstance(s, ast.ImportFrom):
            self.emit(d, "", f"ImportFrom level={s.level} module={s.module or '-'} {sp}")
            self.aliases(d + 1, s.names)
        else:
            self.emit(d, "", f"<unsupported statement {type(s).__name__}> {sp}")

    def is_elif(self, node: ast.If) -> bool:
        start = self.offset(node.lineno, node.col_offset)
        return self.data[start:start + 4] == b"elif"

    def aliases(self, d: int, names: list[ast.alias]) -> None:
        for alias in names:
            asname = f" as {alias.asname}" if alias.asname else ""
            self.emit(d, "", f"alias {alias.name}{asname} {self.span(alias)}")

    def arguments(self, d: int, args: ast.arguments) -> None:
        n_plain = len(args.args)
        defaults: list[ast.expr | None] = [None] * (n_plain - len(args.defaults)) + list(args.defaults)
        for arg, default in zip(args.args, defaults):
            self.param(d, "param", arg, default)
        for arg, default in zip(args.kwonlyargs, args.kw_defaults):
            self.param(d, "kwonly", arg, default)
        if args.posonlyargs or args.vararg or args.kwarg:
            self.emit(d, "", "<unsupported parameters>")

    def param(self, d: int, kind: str, arg: ast.arg, default: ast.expr | None) -> None:
        self.emit(d, "", f"{kind} {arg.arg} {self.span(arg)}")
        self.opt(d + 1, "annotation", arg.annotation)
        self.opt(d + 1, "default", default)

    def keyword(self, d: int, keyword: ast.keyword) -> None:
        self.emit(d, "", f"keyword {keyword.arg} {self.span(keyword)}")
        self.expr(d + 1, "value", keyword.value)

    # Expressions.

    def opt(self, d: int, label: str, e: ast.expr | None) -> None:
        if e is not None:
            self.expr(d, label, e)

    def expr(self, d: int, label: str, e: ast.expr) -> None:
        sp = self.span(e)
        emit = lambda text: self.emit(d, label, text)
        if isinstance(e, ast.Name):
            emit(f"Name {e.id} {sp}")
        elif isinstance(e, ast.Constant):
            v = e.value
            if isinstance(v, bool):
                emit(f"Bool {v} {sp}")
            elif v is None:
                emit(f"None {sp}")
            elif v is Ellipsis:
                emit(f"Ellipsis {sp}")
            elif isinstance(v, int):
                emit(f"Int {v} {sp}")
            elif isinstance(v, float):
                emit(f"Float {struct.pack('>d', v).hex()} {sp}")
            elif isinstance(v, str):
                emit(f"Str {escape(v)} {sp}")
            else:
                emit(f"<unsupported constant {type(v).__name__}> {sp}")
        elif isinstance(e, ast.JoinedStr):
            emit(f"FString {sp}")
            self.fstring_parts(d + 1, e.values)
        elif isinstance(e, ast.Attribute):
            emit(f"Attribute {e.attr} {sp}")
            self.expr(d + 1, "value", e.value)
        elif isinstance(e, ast.Call):
            emit(f"Call {sp}")
            self.expr(d + 1, "func", e.func)
            for arg in e.args:
                self.expr(d + 1, "arg", arg)
            for keyword in e.keywords:
                self.keyword(d + 1, keyword)
        elif isinstance(e, ast.Subscript):
            emit(f"Subscript {sp}")
            self.expr(d + 1, "value", e.value)
            self.expr(d + 1, "index", e.slice)
        elif isinstance(e, ast.Slice):
            emit(f"Slice {sp}")
            self.opt(d + 1, "lower", e.lower)
            self.opt(d + 1, "upper", e.upper)
            self.opt(d + 1, "step", e.step)
        elif isinstance(e, ast.UnaryOp):
            emit(f"Unary {UNARY[type(e.op)]} {sp}")
            self.expr(d + 1, "operand", e.operand)
        elif isinstance(e, ast.BinOp):
            emit(f"Binary {BIN[type(e.op)]} {sp}")
            self.expr(d + 1, "left", e.left)
            self.expr(d + 1, "right", e.right)
        elif isinstance(e, ast.BoolOp):
            emit(f"BoolOp {'and' if isinstance(e.op, ast.And) else 'or'} {sp}")
            for value in e.values:
                self.expr(d + 1, "value", value)
        elif isinstance(e, ast.Compare):
            emit(f"Compare {sp}")
            self.expr(d + 1, "left", e.left)
            for op, operand in zip(e.ops, e.comparators):
                self.expr(d + 1, CMP[type(op)], operand)
        elif isinstance(e, ast.IfExp):
            emit(f"IfExp {sp}")
            self.expr(d + 1, "test", e.test)
            self.expr(d + 1, "body", e.body)
            self.expr(d + 1, "orelse", e.orelse)
        elif isinstance(e, ast.Lambda):
            emit(f"Lambda {sp}")
            self.arguments(d + 1, e.args)
            self.expr(d + 1, "body", e.body)
        elif isinstance(e, (ast.List, ast.Tuple, ast.Set)):
            emit(f"{type(e).__name__} {sp}")
            for elt in e.elts:
                self.expr(d + 1, "elt", elt)
        elif isinstance(e, ast.Dict):
            emit(f"Dict {sp}")
            for key, value in zip(e.keys, e.values):
                if key is None:
                    self.emit(d + 1, "", "<unsupported ** in dict>")
                else:
                    self.expr(d + 1, "key", key)
                self.expr(d + 1, "value", value)
        elif isinstance(e, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            emit(f"{type(e).__name__} {sp}")
            self.expr(d + 1, "elt", e.elt)
            self.generators(d + 1, e.generators)
        elif isinstance(e, ast.DictComp):
            emit(f"DictComp {sp}")
            self.expr(d + 1, "key", e.key)
            self.expr(d + 1, "value", e.value)
            self.generators(d + 1, e.generators)
        else:
            emit(f"<unsupported expression {type(e).__name__}> {sp}")

    def generators(self, d: int, generators: list[ast.comprehension]) -> None:
        for generator in generators:
            self.emit(d, "", "for:")
            self.expr(d + 1, "target", generator.target)
            self.expr(d + 1, "iter", generator.iter)
            for cond in generator.ifs:
                self.expr(d + 1, "if", cond)

    def fstring_parts(self, d: int, values: list[ast.expr]) -> None:
        literal = ""
        for value in values:
            if isinstance(value, ast.Constant):
                literal += value.value
                continue
            if literal:
                self.emit(d, "", f"literal {escape(literal)}")
                literal = ""
            conversion = CONVERSIONS[value.conversion]
            self.emit(d, "", "field" + (f" !{conversion}" if conversion else ""))
            self.expr(d + 1, "value", value.value)
            spec = value.format_spec
            if spec is not None and spec.values:
                self.emit(d + 1, "", "spec:")
                self.fstring_parts(d + 2, spec.values)
        if literal:
            self.emit(d, "", f"literal {escape(literal)}")


def canonical(path: str) -> str | dict:
    data = open(path, "rb").read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(data, path)
    except (SyntaxError, ValueError) as err:
        return {"error": f"{type(err).__name__}: {err}"}
    printer = Printer(data)
    for stmt in tree.body:
        printer.stmt(0, stmt)
    return "".join(line + "\n" for line in printer.lines)


json.dump({path: canonical(path) for path in sys.argv[1:]}, sys.stdout)
