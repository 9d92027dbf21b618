#!/usr/bin/env python3
"""Cross-checks the program corpora with the reference checker, `mypy --strict` (2.4.1).

LANGUAGE.md: Typhon never accepts what the reference checker rejects without a
documented reason. So every program of `tests/programs/ok/` must pass `mypy --strict`,
except those listed (with the reason) in `tests/programs/MYPY_EXCEPTIONS.md`.

Usage:
    python3 tests/check_mypy.py                 # check the ok corpus; exit 1 on failures
    python3 tests/check_mypy.py --err           # also report err programs that mypy accepts
    python3 tests/check_mypy.py --mypy PATH     # the mypy executable to use

How mypy runs:
- all single-file programs in ONE invocation (their file names are unique, so are the
  module names); each directory program in its own invocation, with the directory as
  the working directory and `--explicit-package-bases`, so that `pkg/x.py` is module
  `pkg.x` even in a namespace package;
- `--strict --python-version 3.11`, one shared cache directory (`--cache-dir`, default
  `$TMPDIR/typhon-mypy-cache`), so a second run is fast.

`--err` is informational about the rejected corpus: an err program that mypy accepts is
fine only when what it expects is outside mypy's scope (codes `unsupported`, `syntax`,
`import-cycle`, `private-import`); any other such program is listed as a problem.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "programs"
OK_DIR = ROOT / "ok"
ERR_DIR = ROOT / "err"
EXCEPTIONS_FILE = ROOT / "MYPY_EXCEPTIONS.md"
MYPY_FLAGS = ["--strict", "--python-version", "3.11", "--no-color-output", "--show-error-codes"]
# Codes for rules that mypy does not have (the subset's own restrictions, or whole-project
# checks that mypy reports differently or not at all).
TYPHON_ONLY_CODES = {"unsupported", "syntax", "import-cycle", "private-import"}
ERROR_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): error: (?P<message>.*)$")
EXPECT_COMMENT = re.compile(r"#\s*error:\s*(?P<codes>[a-z-]+(?:\s*,\s*[a-z-]+)*)\s*$")


def find_mypy(explicit: str | None) -> list[str]:
    if explicit:
        return [explicit]
    if os.environ.get("MYPY"):
        return [os.environ["MYPY"]]
    for candidate in ["/tmp/mypyenv/bin/mypy", shutil.which("mypy")]:
        if candidate and Path(candidate).exists():
            return [candidate]
    return [sys.executable, "-m", "mypy"]


def documented_exceptions() -> set[str]:
    """Program names (as `ok/foo.py` or `ok/name`) listed in MYPY_EXCEPTIONS.md."""
    if not EXCEPTIONS_FILE.exists():
        return set()
    names = set()
    for match in re.finditer(r"`((?:ok|err)/[^`]+)`", EXCEPTIONS_FILE.read_text()):
        names.add(match.group(1).rstrip("/"))
    return names


def run_mypy(mypy: list[str], cache_dir: Path, cwd: Path, files: list[str], extra: list[str]) -> list[str]:
    """The error lines mypy prints (paths relative to `cwd`).

    A blocking error (a syntax error) stops mypy before it checks anything else, so the
    files it names are set aside and mypy runs again on the rest.
    """
    lines: list[str] = []
    remaining = list(files)
    while remaining:
        proc = subprocess.run(
            mypy + MYPY_FLAGS + ["--cache-dir", str(cache_dir)] + extra + remaining,
            cwd=cwd,
            capture_output=True,
            text=True,
        )
        if proc.returncode not in (0, 1, 2):
            sys.exit(f"error: mypy failed to run in {cwd} (status {proc.returncode}):\n{proc.stdout}{proc.stderr}")
        errors = [line for line in proc.stdout.splitlines() if ERROR_LINE.match(line)]
        lines.extend(errors)
        if "prevented further checking" not in proc.stdout + proc.stderr:
            break
        blocking = {match.group("path") for line in errors if (match := ERROR_LINE.match(line))}
        if not blocking & set(remaining):
            break
        remaining = [f for f in remaining if f not in blocking]
    return lines


def single_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.py") if p.is_file())


def program_dirs(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.is_dir() and (p / "main.py").is_file())


def check_corpus(mypy: list[str], cache_dir: Path, directory: Path) -> dict[str, list[str]]:
    """mypy's errors per program (`ok/foo.py`, `ok/name`); programs without errors are absent."""
    label = directory.name
    errors: dict[str, list[str]] = {}
    files = single_files(directory)
    for line in run_mypy(mypy, cache_dir, directory, [p.name for p in files], []):
        path = ERROR_LINE.match(line)
        assert path is not None
        errors.setdefault(f"{label}/{path.group('path')}", []).append(line)
    for program in program_dirs(directory):
        sources = sorted(str(p.relative_to(program)) for p in program.rglob("*.py"))
        lines = run_mypy(mypy, cache_dir, program, sources, ["--explicit-package-bases"])
        if lines:
            errors[f"{label}/{program.name}"] = lines
    return errors


def expected_codes(program: Path) -> set[str]:
    files = [program] if program.is_file() else sorted(program.rglob("*.py"))
    codes: set[str] = set()
    for path in files:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            match = EXPECT_COMMENT.search(line)
            if match:
                codes.update(code.strip() for code in match.group("codes").split(","))
    return codes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mypy", help="the mypy executable (default: $MYPY, /tmp/mypyenv/bin/mypy, PATH)")
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "typhon-mypy-cache")
    parser.add_argument("--err", action="store_true", help="also report err programs that mypy accepts")
    args = parser.parse_args()

    mypy = find_mypy(args.mypy)
    version = subprocess.run(mypy + ["--version"], capture_output=True, text=True).stdout.strip()
    if "2.4.1" not in version:
        print(f"warning: expected mypy 2.4.1, found {version or 'nothing'}", file=sys.stderr)
    args.cache_dir.mkdir(parents=True, exist_ok=True)

    start = time.perf_counter()
    allowed = documented_exceptions()
    ok_errors = check_corpus(mypy, args.cache_dir, OK_DIR)
    n_ok = len(single_files(OK_DIR)) + len(program_dirs(OK_DIR))
    failures = {name: lines for name, lines in ok_errors.items() if name not in allowed}
    excused = sorted(name for name in ok_errors if name in allowed)
    unused = sorted(name for name in allowed if name.startswith("ok/") and name not in ok_errors)

    status = 0
    print(f"ok corpus: {n_ok} programs, {len(failures)} rejected by mypy --strict, {len(excused)} documented exceptions")
    for name in sorted(failures):
        print(f"  {name}")
        for line in failures[name]:
            print(f"    {line}")
    for name in unused:
        print(f"  note: {name} is listed in MYPY_EXCEPTIONS.md but mypy accepts it")
    if failures:
        status = 1

    if args.err:
        err_errors = check_corpus(mypy, args.cache_dir, ERR_DIR)
        programs = single_files(ERR_DIR) + program_dirs(ERR_DIR)
        accepted = [p for p in programs if f"err/{p.name}" not in err_errors]
        problems = [p for p in accepted if not expected_codes(p) <= TYPHON_ONLY_CODES]
        print(
            f"err corpus: {len(programs)} programs, {len(accepted)} accepted by mypy "
            f"({len(accepted) - len(problems)} of them only expect subset-specific codes)"
        )
        for program in problems:
            if f"err/{program.name}" in allowed:
                continue
            print(f"  err/{program.name}: mypy accepts it, yet it expects {sorted(expected_codes(program))}")
            status = 1

    print(f"mypy time: {time.perf_counter() - start:.1f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
