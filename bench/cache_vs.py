#!/usr/bin/env python3
"""Typhon with its bytecode cache, cold and warm, against CPython's __pycache__, mypy's
--cache-dir and the floor (reading and BLAKE3-hashing every source), on the shared project.

    python3 bench/cache_vs.py [--modules 1000] [--runs 5] [--typhon PATH] [--keep DIR]

What it does, in one go, so that every tool sees the same machine state:
  1. generates the project once (`../shared/bench/gen_project.py DIR --modules N`) and
     copies it twice: one copy for the edit scenarios, one for CPython's __pycache__;
  2. builds typhon in release mode (unless `--typhon` names a binary) and finds mypy
     2.4.1 in `bench/.venv` (installing it there if needed), like check_vs_mypy.py;
  3. runs every command once untimed (page cache), then RUNS times, alternating, each
     command started after a `sync` once the machine is idle (waiting 3 s at most):
       typhon check DIR              cold: TYPHON_CACHE_DIR is a new, empty directory
       typhon check DIR              warm no-op: the same cache again
       typhon check (no cache)       TYPHON_NO_CACHE=1, for the cost of writing the cache
       typhon check --explain EDIT   after a body edit of a leaf module (nobody imports it)
       typhon check --explain EDIT   after a signature edit of module 0, the biggest hub
                                     (before each of these two: the file is restored, a
                                     new cache is filled by an untimed check, and the edit
                                     applied, so each run sees one edited file)
       typhon run DIR                cold (empty cache), then warm (the same cache), and
                                     with TYPHON_NO_CACHE=1
       python3 -S main.py            cold (every __pycache__ deleted), then warm
       mypy --strict --cache-dir C   cold (a new C), then warm (the same C)
       typhon --version              the cost of starting a process, which bounds every ratio
       floor                         read + BLAKE3 every .py file of the project
  4. checks correctness on the way, and fails loudly if it does not hold: `typhon run`
     prints what CPython prints; every warm or incremental check prints what a cold one
     prints (also on a copy with a type error, where there is something to print);
  5. prints a Markdown table (median wall time, min, max, CPU, peak RSS), the ratios
     against the goals and the `--explain` summaries of the cache scenarios.

The floor uses `typhon cache floor DIR` when the CLI has it (the whole process is timed,
like the other commands); otherwise Python's `blake3` package in the mypy venv (installed
with pip if missing), timing only the in-process walk + read + hash loop, on one thread.

The machine has 2 shared, noisy cores (see ../shared/bench/README.md): the figures that
matter are the medians and the ratios measured in the same run. Wall time is measured
from the start of the child to its exit; peak RSS and CPU time come from wait4.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from check_vs_mypy import GENERATOR, build_typhon, count_lines, generate, idle_fraction, mypy_python, real_python

# One line of `--explain`: `1021 modules: 1020 cached, 1 re-checked, 0 re-compiled`.
EXPLAIN_SUMMARY = re.compile(r"^(\d+) modules?: (\d+) cached, (\d+) re-checked, (\d+) re-compiled$")
# The generator's imports: `from pkg_3.m_170 import Rec170, scale170`.
GENERATED_IMPORT = re.compile(r"^from pkg_\d+\.m_(\d+) import", re.MULTILINE)
PKG_SIZE = 50  # gen_project.py's modules per package

# Reads and hashes every `.py` file below argv[1], skipping what typhon's discovery skips
# (hidden folders, __pycache__, target); prints the loop's nanoseconds, files and bytes.
FLOOR_HELPER = r"""
import os, sys, time
import blake3
start = time.perf_counter_ns()
n_files = n_bytes = 0
stack = [sys.argv[1]]
while stack:
    with os.scandir(stack.pop()) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if not entry.name.startswith(".") and entry.name not in ("__pycache__", "target"):
                    stack.append(entry.path)
            elif entry.name.endswith(".py"):
                with open(entry.path, "rb") as source:
                    data = source.read()
                blake3.blake3(data).digest()
                n_files += 1
                n_bytes += len(data)
print(time.perf_counter_ns() - start, n_files, n_bytes)
"""


def settle(patience: float = 3.0) -> bool:
    """Untimed, before each timed command: flush the disk (so that writing back one
    command's files, a cache among them, is not paid for by the next), then wait until
    the machine is idle, but for at most `patience` seconds: there are about a dozen
    commands per run, and check_vs_mypy.py's minute each would make a busy machine's
    benchmark last an hour. Returns whether the machine was idle."""
    os.sync()
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if idle_fraction(0.25) >= 0.9:
            return True
    return False


def fail(message: str) -> None:
    print(f"cache_vs: {message}", file=sys.stderr)
    raise SystemExit(1)


@dataclass
class Outcome:
    """One finished child: what it printed and what it cost."""

    returncode: int
    stdout: bytes
    stderr: bytes
    wall: float
    cpu: float
    max_rss: int  # bytes

    def text(self) -> str:
        return f"exit status {self.returncode}\n--- stdout\n{self.stdout.decode()}\n--- stderr\n{self.stderr.decode()}"


def measure(cmd: list[str], cwd: Path, env: dict[str, str]) -> Outcome:
    """Runs `cmd` to completion; wait4 gives its own CPU time and peak RSS, not a sum over
    every child so far. Output goes to files, not pipes, so nobody has to drain them."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        except FileNotFoundError:
            fail(f"cannot run {cmd[0]!r}: not found")
            raise
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Outcome(
            returncode=proc.returncode,
            stdout=out.read(),
            stderr=err.read(),
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            max_rss=usage.ru_maxrss * 1024,  # kilobytes on Linux
        )


def expect_ok(outcome: Outcome, cmd: list[str], expect: int = 0) -> Outcome:
    if outcome.returncode != expect:
        fail(f"{' '.join(cmd)} exited with {outcome.returncode} (expected {expect}):\n{outcome.text()}")
    return outcome


def base_env() -> dict[str, str]:
    """The environment of every child: without PYTHONDONTWRITEBYTECODE (or CPython never
    writes __pycache__ and its warm start equals its cold one) and without the variables
    that would change what typhon does with its cache or what it prints."""
    env = dict(os.environ)
    for name in ["PYTHONDONTWRITEBYTECODE", "TYPHON_CACHE_DIR", "TYPHON_NO_CACHE", "TYPHON_TIMINGS", "NO_COLOR"]:
        env.pop(name, None)
    return env


def module_file(root: Path, module: int) -> Path:
    return root / f"pkg_{module // PKG_SIZE}" / f"m_{module}.py"


def importers_of(root: Path, modules: int) -> dict[int, int]:
    """How many modules import each module, main.py included (it imports every one)."""
    counts = dict.fromkeys(range(modules), 0)
    for path in [*root.glob("pkg_*/m_*.py"), root / "main.py"]:
        for match in GENERATED_IMPORT.finditer(path.read_text()):
            counts[int(match.group(1))] += 1
    return counts


def remove_pycache(root: Path) -> None:
    for directory in list(root.rglob("__pycache__")):
        shutil.rmtree(directory)


def explain_lines(stderr: bytes) -> tuple[str | None, list[str]]:
    """The summary line of `--explain` and the per-module lines before it."""
    summary = None
    lines = []
    for line in stderr.decode(errors="replace").splitlines():
        if EXPLAIN_SUMMARY.match(line.strip()):
            summary = line.strip()
        elif line.strip():
            lines.append(line.rstrip())
    return summary, lines


def explain_counts(summary: str | None) -> tuple[int, int, int, int] | None:
    match = EXPLAIN_SUMMARY.match(summary or "")
    return tuple(int(group) for group in match.groups()) if match else None  # type: ignore[return-value]


def help_text(typhon: Path, *args: str) -> str | None:
    """`typhon ARGS --help`, or None when the CLI does not know ARGS."""
    result = subprocess.run([str(typhon), *args, "--help"], capture_output=True)
    return result.stdout.decode() if result.returncode == 0 else None


@dataclass
class Samples:
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)

    def add(self, wall: float, cpu: float, rss: int) -> None:
        self.walls.append(wall)
        self.cpus.append(cpu)
        self.rss.append(rss)

    def median(self) -> float:
        return statistics.median(self.walls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--modules", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--typhon", type=Path, help="use this typhon binary instead of building one")
    parser.add_argument("--keep", type=Path, help="generate the project here and keep it")
    args = parser.parse_args()

    built = args.typhon.resolve() if args.typhon else build_typhon()
    venv_python = mypy_python()
    python = real_python()
    workdir = Path(tempfile.mkdtemp(prefix="typhon-cache-bench-"))
    n_busy = 0
    try:
        # A private copy of the binary: others rebuild target/release while this runs.
        typhon = workdir / "typhon"
        shutil.copy2(built, typhon)

        # What this typhon supports: the cache may still be on its way into the CLI.
        check_help = help_text(typhon, "check") or ""
        run_help = help_text(typhon, "run") or ""
        has_explain = "--explain" in check_help and "--explain" in run_help
        has_floor = help_text(typhon, "cache", "floor") is not None
        missing = []
        if "--explain" not in check_help:
            missing.append("`typhon check --explain`")
        if "--explain" not in run_help:
            missing.append("`typhon run --explain`")
        if not has_floor:
            missing.append("`typhon cache floor DIR`")
            probe = subprocess.run([str(venv_python), "-c", "import blake3"], capture_output=True)
            if probe.returncode != 0:
                print(f"installing blake3 into {venv_python.parent.parent} (for the floor) ...", file=sys.stderr)
                install = subprocess.run([str(venv_python), "-m", "pip", "install", "--quiet", "blake3"])
                if install.returncode != 0:
                    fail(f"pip could not install blake3 ({venv_python} -m pip install blake3), needed for the floor")

        env = base_env()
        caches = workdir / "caches"
        caches.mkdir()
        root = args.keep.resolve() if args.keep else workdir / "proj"
        # Commands name the project relatively, as a user would: from its parent.
        project_cwd = root.parent
        if not (root / "main.py").is_file():
            generate(root, args.modules)
        modules = len(list(root.glob("pkg_*/m_*.py")))
        n_files = sum(1 for _ in root.rglob("*.py"))
        n_lines = count_lines(root)
        # The edit scenarios change files in place: on a copy. CPython writes __pycache__
        # next to the sources: on another copy, so that no tool ever sees another's files.
        edit_root = workdir / "edit"
        py_root = workdir / "py"
        broken_root = workdir / "broken"
        for copy in [edit_root, py_root, broken_root]:
            shutil.copytree(root, copy, ignore=shutil.ignore_patterns("__pycache__", ".typhon_cache", ".mypy_cache"))
        remove_pycache(root)

        importers = importers_of(root, modules)
        leaf = max(module for module, count in importers.items() if count <= 1)  # only main.py imports it
        hub = max(importers, key=lambda module: importers[module])
        if hub != 0:
            print(f"note: module {hub} is imported more often than module 0", file=sys.stderr)
        hub = 0
        edits = {
            "leaf body edit": ("body", leaf),
            "hub signature edit": ("signature", hub),
        }
        originals = {module: module_file(root, module).read_bytes() for _, module in edits.values()}

        counter = iter(range(1_000_000))

        def fresh_cache() -> Path:
            directory = caches / f"c{next(counter)}"
            directory.mkdir()
            return directory

        def typhon_env(cache: Path | None) -> dict[str, str]:
            child = dict(env)
            if cache is None:
                child["TYPHON_NO_CACHE"] = "1"
            else:
                child["TYPHON_CACHE_DIR"] = str(cache)
            return child

        explain = ["--explain"] if has_explain else []
        check_cmd = [str(typhon), "check", root.name]
        edit_cmd = [str(typhon), "check", *explain, edit_root.name]
        run_cmd = [str(typhon), "run", root.name]
        python_cmd = [python, "-S", "main.py"]

        def mypy_cmd(cache: Path) -> list[str]:
            return [str(venv_python), "-m", "mypy", "--strict", "--cache-dir", str(cache), root.name]

        def floor() -> tuple[float, float, int]:
            if has_floor:
                # Prints `1021 files, 4123456 bytes`.
                cmd = [str(typhon), "cache", "floor", root.name]
                outcome = expect_ok(measure(cmd, project_cwd, env), cmd)
                files = int(outcome.stdout.split()[0])
                if files != n_files:
                    fail(f"typhon cache floor hashed {files} files, the project has {n_files}")
                return outcome.wall, outcome.cpu, outcome.max_rss
            cmd = [str(venv_python), "-c", FLOOR_HELPER, str(root)]
            outcome = expect_ok(measure(cmd, project_cwd, env), cmd)
            nanoseconds, files, _ = (int(word) for word in outcome.stdout.split())
            if files != n_files:
                fail(f"the floor hashed {files} files, the project has {n_files}")
            return nanoseconds / 1e9, outcome.cpu, outcome.max_rss

        def prepare_edit(kind: str, module: int) -> Path:
            """Untimed: the unedited file back, a new cache filled by a check of the
            unedited project, then the edit. Returns the cache."""
            module_file(edit_root, module).write_bytes(originals[module])
            cache = fresh_cache()
            expect_ok(measure(edit_cmd, workdir, typhon_env(cache)), edit_cmd)
            result = subprocess.run([python, str(GENERATOR), str(edit_root), "--edit", kind, "--module", str(module)])
            if result.returncode != 0:
                fail(f"gen_project.py --edit {kind} --module {module} failed")
            return cache

        # Correctness, untimed, where there is something to print: a type error, checked
        # cold, warm and without a cache, must give the same diagnostics each time.
        broken = modules // 2
        result = subprocess.run([python, str(GENERATOR), str(broken_root), "--edit", "break", "--module", str(broken)])
        if result.returncode != 0:
            fail("gen_project.py --edit break failed")
        broken_cmd = [str(typhon), "check", broken_root.name]
        broken_cache = fresh_cache()
        broken_outcomes = {
            "cold": measure(broken_cmd, workdir, typhon_env(broken_cache)),
            "warm": measure(broken_cmd, workdir, typhon_env(broken_cache)),
            "no cache": measure(broken_cmd, workdir, typhon_env(None)),
        }
        for label, outcome in broken_outcomes.items():
            expect_ok(outcome, broken_cmd, 1)
            if outcome.stdout != broken_outcomes["no cache"].stdout:
                fail(
                    f"with a type error in m_{broken}, the {label} check printed other diagnostics than a check "
                    f"without cache:\n{outcome.text()}\n--- without cache\n{broken_outcomes['no cache'].text()}"
                )
        shutil.rmtree(broken_root)

        # One untimed run of each command, so that binaries and sources are in the page
        # cache, and the reference outputs.
        cache = fresh_cache()
        cold_check = expect_ok(measure(check_cmd, project_cwd, typhon_env(cache)), check_cmd)
        cache_used = any(cache.iterdir())
        if has_explain and not cache_used:
            fail(f"typhon check has --explain but wrote nothing to TYPHON_CACHE_DIR={cache}")
        expect_ok(measure(check_cmd, project_cwd, typhon_env(cache)), check_cmd)
        no_cache_check = expect_ok(measure(check_cmd, project_cwd, typhon_env(None)), check_cmd)
        if no_cache_check.stdout != cold_check.stdout:
            fail(f"typhon check printed different things with and without a cache:\n{cold_check.text()}")
        remove_pycache(py_root)
        expected_output = expect_ok(measure(python_cmd, py_root, env), python_cmd).stdout
        if not any(py_root.rglob("__pycache__")):
            fail("CPython wrote no __pycache__ (is PYTHONDONTWRITEBYTECODE set some other way?)")
        typhon_output = expect_ok(measure(run_cmd, project_cwd, typhon_env(fresh_cache())), run_cmd).stdout
        if typhon_output != expected_output:
            fail(f"typhon run printed something else than CPython:\n--- typhon\n{typhon_output.decode()}")
        mypy_cache = fresh_cache()
        expect_ok(measure(mypy_cmd(mypy_cache), project_cwd, env), mypy_cmd(mypy_cache))
        floor()
        for kind, module in edits.values():
            prepare_edit(kind, module)
            expect_ok(measure(edit_cmd, workdir, typhon_env(fresh_cache())), edit_cmd)
        shutil.rmtree(caches)
        caches.mkdir()

        labels = {
            "cold check": "typhon check (cold: empty cache)",
            "warm check": "typhon check (warm: no-op)",
            "no-cache check": "typhon check (TYPHON_NO_CACHE=1)",
            "leaf body edit": f"typhon check after a body edit of m_{leaf} (leaf)",
            "hub signature edit": f"typhon check after a signature edit of m_{hub} (hub)",
            "cold run": "typhon run (cold: empty cache)",
            "warm run": "typhon run (warm)",
            "no-cache run": "typhon run (TYPHON_NO_CACHE=1)",
            "cpython cold": "python3 -S main.py (cold: no __pycache__)",
            "cpython warm": "python3 -S main.py (warm)",
            "mypy cold": "mypy --strict (cold: empty --cache-dir)",
            "mypy warm": "mypy --strict (warm: same --cache-dir)",
            "start": "typhon --version (process start: the least any command costs)",
            "floor": "floor: read + BLAKE3 every source"
            + (" (`typhon cache floor`)" if has_floor else " (python blake3, in-process loop, 1 thread)"),
        }
        samples = {key: Samples() for key in labels}
        explains: dict[str, tuple[str | None, list[str]]] = {}
        n_compared = 0

        def timed(key: str, cmd: list[str], cwd: Path, child_env: dict[str, str], expect: int = 0) -> Outcome:
            nonlocal n_busy
            n_busy += not settle()
            outcome = expect_ok(measure(cmd, cwd, child_env), cmd, expect)
            samples[key].add(outcome.wall, outcome.cpu, outcome.max_rss)
            return outcome

        def same_check(label: str, outcome: Outcome) -> None:
            nonlocal n_compared
            n_compared += 1
            if outcome.stdout != cold_check.stdout:
                fail(f"{label} printed other diagnostics than the cold check:\n{outcome.text()}")

        for run_idx in range(args.runs):
            # Checks, against mypy and the floor.
            cache = fresh_cache()
            same_check("the cold check", timed("cold check", check_cmd, project_cwd, typhon_env(cache)))
            mypy_cache = fresh_cache()
            timed("mypy cold", mypy_cmd(mypy_cache), project_cwd, env)
            same_check("the warm check", timed("warm check", check_cmd, project_cwd, typhon_env(cache)))
            if run_idx == args.runs - 1 and has_explain:
                # Once, untimed: what the cache did on a no-op.
                noop_cmd = [str(typhon), "check", "--explain", root.name]
                noop = expect_ok(measure(noop_cmd, project_cwd, typhon_env(cache)), noop_cmd)
                same_check("the warm check --explain", noop)
                explains["warm check"] = explain_lines(noop.stderr)
            timed("mypy warm", mypy_cmd(mypy_cache), project_cwd, env)
            timed("start", [str(typhon), "--version"], project_cwd, env)
            n_busy += not settle()
            wall, cpu, rss = floor()
            samples["floor"].add(wall, cpu, rss)
            same_check("the check without cache", timed("no-cache check", check_cmd, project_cwd, typhon_env(None)))
            for key, (kind, module) in edits.items():
                cache = prepare_edit(kind, module)
                outcome = timed(key, edit_cmd, workdir, typhon_env(cache))
                # The incremental answer must be the from-scratch answer (paths differ by
                # the directory's name only).
                scratch = expect_ok(measure(edit_cmd, workdir, typhon_env(None)), edit_cmd)
                if outcome.stdout != scratch.stdout:
                    fail(f"after the {key}, the incremental check printed:\n{outcome.text()}\n--- from scratch\n"
                         f"{scratch.text()}")
                if has_explain:
                    explains[key] = explain_lines(outcome.stderr)
            # Runs, against CPython.
            cache = fresh_cache()
            for key, cmd, cwd, child_env in [
                ("cold run", run_cmd, project_cwd, typhon_env(cache)),
                ("cpython cold", python_cmd, py_root, env),
                ("warm run", run_cmd, project_cwd, typhon_env(cache)),
                ("cpython warm", python_cmd, py_root, env),
                ("no-cache run", run_cmd, project_cwd, typhon_env(None)),
            ]:
                if key == "cpython cold":
                    remove_pycache(py_root)
                outcome = timed(key, cmd, cwd, child_env)
                if outcome.stdout != expected_output:
                    fail(f"{labels[key]} printed something else than `python3 main.py`:\n{outcome.text()}")
            if run_idx == args.runs - 1 and has_explain:
                warm_run_cmd = [str(typhon), "run", "--explain", root.name]
                warm_run = expect_ok(measure(warm_run_cmd, project_cwd, typhon_env(cache)), warm_run_cmd)
                if warm_run.stdout != expected_output:
                    fail(f"typhon run --explain printed something else than CPython:\n{warm_run.text()}")
                explains["warm run"] = explain_lines(warm_run.stderr)
            shutil.rmtree(caches)
            caches.mkdir()
            print(f"run {run_idx + 1}/{args.runs} done", file=sys.stderr)
        for default_cache in [root / ".typhon_cache", root.parent / ".typhon_cache", workdir / ".typhon_cache"]:
            if default_cache.exists():
                fail(f"typhon wrote {default_cache} although TYPHON_CACHE_DIR or TYPHON_NO_CACHE was set")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    def ratio(numerator: str, denominator: str) -> float:
        return samples[numerator].median() / samples[denominator].median()

    print(
        f"{modules} modules, {n_files} files, {n_lines:,} lines; median of {args.runs} alternated runs; "
        f"leaf: m_{leaf}, hub: m_{hub} ({importers[hub]} importers)"
    )
    print(
        f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%d')}; "
        f"commands started on a busy machine: {n_busy} of {args.runs * len(labels)}"
    )
    if missing:
        print(f"this typhon lacks {', '.join(missing)}", end="")
        print(": its cache may be off, so warm = cold, and no `--explain` summaries" if not has_explain else "")
    print()
    print("| command | median | min | max | CPU (median) | peak RSS |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for key, label in labels.items():
        values = samples[key]
        print(
            f"| {label} | {values.median() * 1e3:,.1f} ms | {min(values.walls) * 1e3:,.1f} ms "
            f"| {max(values.walls) * 1e3:,.1f} ms | {statistics.median(values.cpus) * 1e3:,.1f} ms "
            f"| {max(values.rss) / 2**20:,.0f} MB |"
        )
    print()
    print("| ratio (of medians) | value | goal |")
    print("| --- | ---: | --- |")
    vs_cpython, vs_mypy = ratio("cpython warm", "warm run"), ratio("mypy warm", "warm check")
    above_floor = ratio("warm check", "floor")
    goals: list[tuple[str, float, str, bool | None]] = [
        ("CPython warm / typhon warm run", vs_cpython, ">= 10x", vs_cpython >= 10),
        ("mypy warm / typhon warm no-op check", vs_mypy, ">= 100x", vs_mypy >= 100),
        ("mypy warm / typhon --version (no check can beat this)", ratio("mypy warm", "start"), "", None),
        ("typhon warm no-op check / floor", above_floor, "<= 2x", above_floor <= 2),
        ("mypy cold / typhon cold check", ratio("mypy cold", "cold check"), "", None),
        ("CPython cold / typhon cold run", ratio("cpython cold", "cold run"), "", None),
        ("typhon cold check / check without cache", ratio("cold check", "no-cache check"), "", None),
        ("typhon cold run / run without cache", ratio("cold run", "no-cache run"), "", None),
    ]
    for label, value, goal, met in goals:
        verdict = "" if met is None else (" (met)" if met else " (NOT met)")
        print(f"| {label} | {value:,.2f}x | {goal}{verdict} |")
    print()
    print(f"correctness: `typhon run` printed what CPython prints in every run ({len(expected_output.splitlines())} "
          f"lines); {n_compared} warm, cold and no-cache checks printed the same diagnostics; a type error in "
          f"m_{broken} gave the same diagnostics cold, warm and without cache")

    # What the cache did, as `--explain` says, with what we expect of it.
    unexpected = []
    expectations = {
        "warm check": (range(0, 1), 0, "nothing re-checked or re-compiled"),
        "warm run": (range(0, 1), 0, "nothing re-checked or re-compiled"),
        "leaf body edit": (range(1, 2), None, "1 re-checked"),
        # At most the hub and the modules that import it: their interfaces do not change.
        "hub signature edit": (range(1, 2 + importers[hub]), None, f"1 to {1 + importers[hub]} re-checked"),
    }
    if has_explain:
        print()
        print("`--explain` (last run):")
    for key, (summary, lines) in explains.items():
        counts = explain_counts(summary)
        want_rechecked, want_recompiled, want_text = expectations[key]
        ok = counts is not None and counts[2] in want_rechecked and want_recompiled in (None, counts[3])
        if not ok:
            unexpected.append(key)
        print(f"- {key}: `{summary or 'no summary line'}` (expected: {want_text}){'' if ok else ' UNEXPECTED'}")
        for line in lines[:4]:
            print(f"    {line}")
        if len(lines) > 4:
            print(f"    ... {len(lines) - 4} more")
    if unexpected:
        fail(f"the cache did not do what was expected in: {', '.join(unexpected)}")


if __name__ == "__main__":
    main()
