"""Asks CPython whether each of many sources is valid Python.

    cpython_verdicts.py SOURCES.json

SOURCES.json holds a JSON list of strings. Prints a JSON list with one object per
source, in order: {"parse": ..., "compile": ...}, each null when `ast.parse` (the
parser alone) or `compile` (parser, symbol table and compiler) succeeds, else the error
as "ExceptionName: message". Warnings are ignored: a deprecated form is still valid
Python. One process for thousands of inputs keeps the differential tests fast.
"""
import ast
import json
import sys
import warnings

if sys.version_info[:2] != (3, 11):
    sys.exit(f"Typhon follows CPython 3.11, but this is {sys.version.split()[0]}")

ERRORS = (SyntaxError, ValueError, MemoryError, RecursionError)


def verdict(action) -> str | None:
    try:
        action()
    except ERRORS as err:
        return f"{type(err).__name__}: {err}"
    return None


sources = json.load(open(sys.argv[1], encoding="utf-8"))
verdicts = []
warnings.simplefilter("ignore")
for source in sources:
    verdicts.append({
        "parse": verdict(lambda: ast.parse(source, "<input>")),
        "compile": verdict(lambda: compile(source, "<input>", "exec")),
    })
json.dump(verdicts, sys.stdout)
