#!/usr/bin/env python3
"""Times every program of the shared bench corpus under Typhon and under CPython.

Runs are alternated (typhon, cpython, typhon, ...) because the benchmark machine is
shared and noisy; each figure is the median CPU time (user + sys of the child) of N runs.
Outputs of the two implementations must be identical, or the program is flagged.

    python3 bench/run_vs_cpython.py [--runs 5] [--typhon "CMD"] [--python PATH] [PROGRAMS...]  (paths, or names in the shared corpus: fib)

The Typhon command defaults to `target/release/typhon run` when that binary supports
`run`, else to the compiler's `run_file` example (built once with `cargo build --release`).
"""

import argparse
import math
import os
import resource
import shlex
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PROGRAMS = "/work/shared/bench/programs"


def default_typhon() -> list[str]:
    cli = os.path.join(ROOT, "target", "release", "typhon")
    if os.path.exists(cli):
        probe = subprocess.run([cli, "run", "--help"], capture_output=True, text=True)
        if probe.returncode == 0:
            # Cold every time, as CPython with `-S` and no bytecode cache: this compares
            # the VMs; bench/cache_vs.py measures warm starts.
            return [cli, "run", "--no-cache"]
    subprocess.run(
        ["cargo", "build", "--release", "-q", "-p", "typhon-compiler", "--example", "run_file"],
        cwd=ROOT,
        check=True,
    )
    return [os.path.join(ROOT, "target", "release", "examples", "run_file")]


def timed(cmd: list[str]) -> tuple[float, bytes, int]:
    """Runs `cmd`, returning the child's CPU seconds, its stdout and its exit status."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, proc.stdout, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--typhon", help="the Typhon command (program path is appended)")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("programs", nargs="*")
    args = parser.parse_args()

    typhon = shlex.split(args.typhon) if args.typhon else default_typhon()
    python = [args.python, "-S"]
    programs = args.programs or sorted(
        os.path.join(DEFAULT_PROGRAMS, name) for name in os.listdir(DEFAULT_PROGRAMS) if name.endswith(".py")
    )
    # A bare name (`fib`, `fib.py`) is a program of the shared corpus. A path that names
    # no file is an error: both interpreters would fail alike and the row would read "same".
    for idx, path in enumerate(programs):
        if not os.path.isfile(path):
            shared = os.path.join(DEFAULT_PROGRAMS, path if path.endswith(".py") else path + ".py")
            if os.path.sep in path or not os.path.isfile(shared):
                print(f"error: no such program: {path}", file=sys.stderr)
                return 2
            programs[idx] = shared

    print(f"typhon: {' '.join(typhon)}")
    print(f"python: {' '.join(python)}  runs: {args.runs} (alternating, median CPU seconds)")
    print(f"{'program':<14}{'typhon s':>10}{'cpython s':>11}{'speedup':>9}  output")
    ratios = []
    all_ok = True
    for path in programs:
        t_times, p_times = [], []
        t_out = p_out = b""
        t_rc = p_rc = 0
        for _ in range(args.runs):
            t, t_out, t_rc = timed(typhon + [path])
            t_times.append(t)
            p, p_out, p_rc = timed(python + [path])
            p_times.append(p)
        t_med, p_med = statistics.median(t_times), statistics.median(p_times)
        ratio = p_med / t_med if t_med > 0 else float("inf")
        ratios.append(ratio)
        same = t_out == p_out and t_rc == p_rc
        all_ok &= same
        name = os.path.basename(path).removesuffix(".py")
        print(f"{name:<14}{t_med:>10.3f}{p_med:>11.3f}{ratio:>8.2f}x  {'same' if same else 'DIFFERENT'}")
    geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"{'geomean':<14}{'':>10}{'':>11}{geomean:>8.2f}x")
    slower = [r for r in ratios if r < 1.0]
    print(f"slower than CPython: {len(slower)}")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
