#!/usr/bin/env python3
"""Cold `typhon check` against cold `mypy --strict` on the shared generated project.

    python3 bench/check_vs_mypy.py [--modules 1000] [--runs 7] [--typhon PATH] [--keep DIR]

What it does, in one go, so that both tools see the same machine state:
  1. generates the project once (`../shared/bench/gen_project.py DIR --modules N`);
  2. builds typhon in release mode (`cargo build --release -p typhon-cli`), unless
     `--typhon` names a binary;
  3. installs mypy 2.4.1 into a virtual environment (`bench/.venv`) if it is not there;
  4. runs each command once untimed (so every binary and source file is in the page
     cache), then alternates RUNS timed runs, each started once the machine is idle, of
       typhon check DIR                    (all cores)
       typhon check --threads 1 DIR        (one core)
       mypy --strict --cache-dir FRESH DIR (a new empty cache directory every run)
     Typhon has no cache yet, so each of its runs is cold; mypy's is cold by construction;
  5. prints the medians, lines per second and the ratios as a Markdown table.

The machine has 2 shared, noisy cores (see ../shared/bench/README.md): the figures that
matter are the medians and the ratios measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GENERATOR = REPO.parent / "shared" / "bench" / "gen_project.py"
VENV = REPO / "bench" / ".venv"
MYPY_VERSION = "2.4.1"


def fail(message: str) -> None:
    print(f"check_vs_mypy: {message}", file=sys.stderr)
    raise SystemExit(1)


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(cmd, **kwargs)  # type: ignore[call-overload]
    except FileNotFoundError:
        fail(f"cannot run {cmd[0]!r}: not found")
        raise


def real_python() -> str:
    # `python3` on PATH may be a pyenv shim (a shell script costing ~100 ms per start);
    # this script runs under the real interpreter, whose path is sys.executable.
    return sys.executable


def generate(root: Path, modules: int) -> None:
    if not GENERATOR.is_file():
        fail(f"the project generator is missing: {GENERATOR}")
    result = run([real_python(), str(GENERATOR), str(root), "--modules", str(modules)])
    if result.returncode != 0:
        fail("gen_project.py failed")


def build_typhon() -> Path:
    print("building typhon (cargo build --release -p typhon-cli) ...", file=sys.stderr)
    result = run(["cargo", "build", "--release", "--quiet", "-p", "typhon-cli"], cwd=REPO)
    if result.returncode != 0:
        fail("cargo build failed")
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    binary = target / "release" / "typhon"
    if not binary.is_file():
        fail(f"the build did not produce {binary}")
    return binary


def mypy_python() -> Path:
    """The virtual environment's python, with mypy installed (installing it if needed)."""
    python = VENV / "bin" / "python"
    if not python.exists():
        print(f"creating a virtual environment for mypy in {VENV} ...", file=sys.stderr)
        if run([real_python(), "-m", "venv", str(VENV)]).returncode != 0:
            fail("python3 -m venv failed (on Debian, install the python3-venv package)")
    check = run([str(python), "-c", "import mypy.version; print(mypy.version.__version__)"], capture_output=True)
    version = check.stdout.decode().strip()
    if check.returncode != 0 or version != MYPY_VERSION:
        print(f"installing mypy=={MYPY_VERSION} into {VENV} ...", file=sys.stderr)
        install = run([str(python), "-m", "pip", "install", "--quiet", f"mypy=={MYPY_VERSION}"])
        if install.returncode != 0:
            fail(
                f"pip could not install mypy=={MYPY_VERSION} into {VENV}: check the network or the pip "
                f"configuration, or install it there by hand ({python} -m pip install mypy=={MYPY_VERSION})"
            )
    return python


def count_lines(root: Path) -> int:
    return sum(len(path.read_bytes().splitlines()) for path in root.rglob("*.py"))


def timed(cmd: list[str], cwd: Path, expect: int) -> tuple[float, float]:
    """The wall-clock time of one run and the CPU time (user + system) it used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != expect:
        fail(f"{' '.join(cmd)} exited with {result.returncode}:\n{result.stderr.decode()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def idle_fraction(seconds: float) -> float:
    """How idle the machine's CPUs were over the next `seconds` (1.0 when unknown)."""

    def sample() -> tuple[int, int]:
        with open("/proc/stat") as stat:
            fields = [int(field) for field in stat.readline().split()[1:]]
        # idle + iowait, and the total.
        return fields[3] + fields[4], sum(fields)

    try:
        idle_before, total_before = sample()
        time.sleep(seconds)
        idle_after, total_after = sample()
    except (OSError, ValueError, IndexError):
        return 1.0
    return (idle_after - idle_before) / max(1, total_after - total_before)


def settle(cache: Path | None = None) -> bool:
    """Untimed, between runs: remove mypy's cache and flush the disk (so that writing back
    one command's files is not paid for by the next), then wait, up to a minute, until the
    machine is idle: the 2 cores are shared, and another user's job on one of them halves
    a parallel run. Returns whether the machine was idle."""
    if cache is not None:
        shutil.rmtree(cache, ignore_errors=True)
    os.sync()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if idle_fraction(0.5) >= 0.9:
            return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--modules", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--typhon", type=Path, help="use this typhon binary instead of building one")
    parser.add_argument("--keep", type=Path, help="generate the project here and keep it")
    args = parser.parse_args()

    typhon = args.typhon.resolve() if args.typhon else build_typhon()
    python = mypy_python()
    workdir = Path(tempfile.mkdtemp(prefix="typhon-bench-"))
    try:
        root = args.keep.resolve() if args.keep else workdir / "proj"
        if not (root / "main.py").is_file():
            generate(root, args.modules)
        n_files = sum(1 for _ in root.rglob("*.py"))
        n_lines = count_lines(root)
        cwd = root.parent
        name = root.name
        caches = workdir / "mypy-caches"
        caches.mkdir()

        def mypy_cmd(run_idx: int) -> list[str]:
            return [str(python), "-m", "mypy", "--strict", "--cache-dir", str(caches / f"run{run_idx}"), name]

        commands = {
            # Cold, like cold mypy: no cache read or written (bench/cache_vs.py measures warm).
            "typhon check": [str(typhon), "check", "--no-cache", name],
            "typhon check --threads 1": [str(typhon), "check", "--no-cache", "--threads", "1", name],
        }
        # One untimed run of each, so that binaries and sources are in the page cache.
        for cmd in commands.values():
            timed(cmd, cwd, 0)
        timed(mypy_cmd(-1), cwd, 0)
        settle(caches / "run-1")

        times: dict[str, list[tuple[float, float]]] = {label: [] for label in [*commands, "mypy --strict (cold)"]}
        n_busy = 0
        for run_idx in range(args.runs):
            for label, cmd in commands.items():
                n_busy += not settle()
                times[label].append(timed(cmd, cwd, 0))
            n_busy += not settle()
            times["mypy --strict (cold)"].append(timed(mypy_cmd(run_idx), cwd, 0))
            shutil.rmtree(caches / f"run{run_idx}", ignore_errors=True)
            print(f"run {run_idx + 1}/{args.runs} done", file=sys.stderr)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    walls = {label: [wall for wall, _ in values] for label, values in times.items()}
    cpus = {label: [cpu for _, cpu in values] for label, values in times.items()}
    medians = {label: statistics.median(values) for label, values in walls.items()}
    mypy = medians["mypy --strict (cold)"]
    print(f"{args.modules} modules, {n_files} files, {n_lines:,} lines; median of {args.runs} alternated runs")
    print(f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%d')}; runs started on a busy machine: {n_busy}")
    print()
    print("| command | median | min | max | lines/s | CPU (median) | vs mypy |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, values in walls.items():
        median = medians[label]
        cpu = statistics.median(cpus[label])
        print(
            f"| `{label}` | {median * 1e3:,.0f} ms | {min(values) * 1e3:,.0f} ms | {max(values) * 1e3:,.0f} ms "
            f"| {n_lines / median:,.0f} | {cpu * 1e3:,.0f} ms | {mypy / median:,.1f}x |"
        )


if __name__ == "__main__":
    main()
