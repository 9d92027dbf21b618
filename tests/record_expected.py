#!/usr/bin/env python3
"""Records (or checks) the expected behaviour of the conformance corpus by running CPython.

Every program of `tests/programs/ok/` is run under CPython 3.11 and the result is stored
next to its entry file (`foo.py` for a single-file program, `name/main.py` for a
directory program), with the entry's `.py` replaced:

- `<entry>.out`      standard output, byte for byte;
- `<entry>.status`   the exit status, as decimal text and a newline;
- `<entry>.err_last` only when the status is non-zero and standard error is not empty
                     (an uncaught exception): the last line of standard error, such as
                     `ValueError: invalid literal for int() with base 10: 'x'`.

Usage:
    python3 tests/record_expected.py             # record every program
    python3 tests/record_expected.py --check     # re-run CPython, fail on any difference
    python3 tests/record_expected.py NAME...     # only these programs (file or dir names)

Expected outputs come only from running CPython, never from editing the files by hand.
How a program is run (the harness that runs Typhon should do the same):
- the interpreter is CPython 3.11 (`sys.executable`, or `--python PATH`), started with
  `-S` (this machine's site-packages imports a module at every start);
- the working directory is the directory of the entry file, and the entry is passed by
  its file name (`python3 -S foo.py` in `ok/`, `python3 -S main.py` in `ok/name/`);
- standard input is empty (`/dev/null`), the environment is minimal and fixed
  (`PYTHONHASHSEED=0`, UTF-8 standard streams, no bytecode written);
- a program that runs longer than 60 s is a failure.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "programs"
OK_DIR = ROOT / "ok"
TIMEOUT_SECONDS = 60
EXPECTATION_SUFFIXES = (".out", ".status", ".err_last")


@dataclass
class Program:
    name: str  # `foo.py` or `name` (directory)
    entry: Path  # the file that is run

    def expectation(self, suffix: str) -> Path:
        return self.entry.with_suffix(suffix)


@dataclass
class Result:
    stdout: bytes
    status: int
    err_last: str | None  # None when there is nothing to record
    problem: str | None  # a reason why the run itself is unusable (timeout, stray stderr)
    seconds: float


def discover() -> list[Program]:
    programs: list[Program] = []
    for path in sorted(OK_DIR.iterdir()):
        if path.is_file() and path.suffix == ".py":
            programs.append(Program(path.name, path))
        elif path.is_dir() and (path / "main.py").is_file():
            programs.append(Program(path.name, path / "main.py"))
    return programs


def clean_env() -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONUTF8": "1",
        "LC_ALL": "C.UTF-8",
    }
    return env


def run_program(python: str, program: Program) -> Result:
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            [python, "-S", program.entry.name],
            cwd=program.entry.parent,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=clean_env(),
            timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        return Result(b"", -1, None, f"timed out after {TIMEOUT_SECONDS} s", time.perf_counter() - start)
    seconds = time.perf_counter() - start
    stderr_lines = [line for line in proc.stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    problem = None
    err_last = None
    if proc.returncode < 0:
        problem = f"killed by signal {-proc.returncode}"
    elif proc.returncode == 0 and stderr_lines:
        problem = "exit status 0 but standard error is not empty: " + stderr_lines[-1]
    elif proc.returncode != 0 and stderr_lines:
        err_last = stderr_lines[-1]
    return Result(proc.stdout, proc.returncode, err_last, problem, seconds)


def expected_files(program: Program, result: Result) -> dict[str, bytes | None]:
    """What each expectation file must contain (None: the file must not exist)."""
    return {
        ".out": result.stdout,
        ".status": f"{result.status}\n".encode(),
        ".err_last": None if result.err_last is None else (result.err_last + "\n").encode("utf-8"),
    }


def first_difference(old: bytes, new: bytes) -> str:
    old_lines = old.decode("utf-8", "replace").splitlines()
    new_lines = new.decode("utf-8", "replace").splitlines()
    for idx in range(max(len(old_lines), len(new_lines))):
        a = old_lines[idx] if idx < len(old_lines) else "<end>"
        b = new_lines[idx] if idx < len(new_lines) else "<end>"
        if a != b:
            return f"line {idx + 1}: recorded {a[:120]!r}, CPython now {b[:120]!r}"
    return "trailing newline or encoding differs"


def stale_expectations(programs: list[Program]) -> list[Path]:
    """Expectation files that belong to no program (left behind by a rename or removal)."""
    wanted = {program.expectation(suffix) for program in programs for suffix in EXPECTATION_SUFFIXES}
    found = {path for suffix in EXPECTATION_SUFFIXES for path in OK_DIR.rglob("*" + suffix)}
    return sorted(found - wanted)


def check_interpreter(python: str) -> None:
    out = subprocess.run(
        [python, "-S", "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
        capture_output=True,
        text=True,
        env=clean_env(),
    )
    version = out.stdout.strip()
    if version != "3.11":
        sys.exit(f"error: {python} is Python {version or '?'}; the oracle must be CPython 3.11 (use --python)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="re-run CPython and report every difference")
    parser.add_argument("--python", default=sys.executable, help="the CPython 3.11 executable (default: this one)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="programs run in parallel")
    parser.add_argument("names", nargs="*", help="only these programs (`foo.py` or a directory name)")
    args = parser.parse_args()

    check_interpreter(args.python)
    programs = discover()
    if args.names:
        wanted = {name.rstrip("/").split("/")[-1] for name in args.names}
        unknown = wanted - {p.name for p in programs} - {p.name.removesuffix(".py") for p in programs}
        if unknown:
            sys.exit(f"error: unknown programs: {', '.join(sorted(unknown))}")
        programs = [p for p in programs if p.name in wanted or p.name.removesuffix(".py") in wanted]

    start = time.perf_counter()
    # Longest first (the benchmark copies), so that the parallel runs finish together.
    order = sorted(programs, key=lambda p: (not p.name.startswith("bench_"), p.name))
    results: dict[str, Result] = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(run_program, args.python, p): p for p in order}
        for future in concurrent.futures.as_completed(futures):
            results[futures[future].name] = future.result()
    elapsed = time.perf_counter() - start

    failures: list[str] = []
    changed = 0
    for program in programs:
        result = results[program.name]
        rel = program.entry.relative_to(ROOT)
        if result.problem is not None:
            failures.append(f"{rel}: {result.problem}")
            continue
        for suffix, content in expected_files(program, result).items():
            path = program.expectation(suffix)
            current = path.read_bytes() if path.exists() else None
            if current == content:
                continue
            if args.check:
                if current is None:
                    failures.append(f"{rel}: {path.name} is missing")
                elif content is None:
                    failures.append(f"{rel}: {path.name} exists but CPython writes nothing to record")
                else:
                    failures.append(f"{rel}: {path.name} differs ({first_difference(current, content)})")
            else:
                changed += 1
                if content is None:
                    path.unlink()
                else:
                    path.write_bytes(content)

    if not args.names:
        for path in stale_expectations(programs):
            if args.check:
                failures.append(f"{path.relative_to(ROOT)}: expectation without a program")
            else:
                path.unlink()
                changed += 1

    slowest = sorted(results.items(), key=lambda item: -item[1].seconds)[:3]
    slow_text = ", ".join(f"{name} {res.seconds:.2f} s" for name, res in slowest)
    verb = "checked" if args.check else "recorded"
    print(f"{verb} {len(programs)} programs in {elapsed:.1f} s with {args.jobs} jobs (slowest: {slow_text})")
    if not args.check:
        print(f"{changed} expectation files written or removed")
    if failures:
        print(f"{len(failures)} problem(s):")
        for line in failures:
            print("  " + line)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
