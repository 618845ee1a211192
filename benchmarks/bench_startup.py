"""Start-up time of the command line: `--help`, `--version`, `rules`, `explain` and a check
of the bundled sample, each as a user runs it (a new process), and which heavy libraries
each imports.

Usage: python benchmarks/bench_startup.py [--runs N]
Target: `--help`, `--version`, `rules` and `explain` under 150 ms each, importing none of
pandas, numpy, pint, pdfplumber or python-docx (the check of the sample needs them).
The best of N runs is the figure to compare; the machine is shared, so the median shows the
noise, the CPU time (user + system) what the command itself costs, and `python -c pass` the floor.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    "--help": ["--help"],
    "--version": ["--version"],
    "rules": ["rules"],
    "explain": ["explain", "SV01"],
    "check sample": ["check", "data/sample-draft.md", "data/sample-data.csv", "--format", "json"],
}
HEAVY = ("pandas", "numpy", "pint", "pdfplumber", "docx", "python_calamine", "jinja2")
TARGET = 0.150


def timings(args: list[str], runs: int, env: dict) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU (user + system) seconds of each run.  On a shared machine the CPU
    time is the steadier figure: waiting for a core counts in the wall clock only."""
    command = [sys.executable, "-m", "checker", *args]
    walls, cpus = [], []
    for i in range(runs + 1):  # one untimed run first: bytecode cached, as for an installed package
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(command, cwd=ROOT, capture_output=True, env=env)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if i:
            walls.append(wall)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode not in (0, 1):
            raise SystemExit(proc.stderr.decode())
    return walls, cpus


def heavy_imports(args: list[str], env: dict) -> list[str]:
    """The heavy libraries the command imports (from `python -X importtime`)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "checker", *args], cwd=ROOT,
                          capture_output=True, text=True, env=env)
    names = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time")}
    return [h for h in HEAVY if h in names]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    walls, cpus = _bare_python(runs, env)
    print(f"python -c pass: best {min(walls) * 1000:.0f} ms, CPU {min(cpus) * 1000:.0f} ms (the floor)")
    print(f"{'command':<14} {'best':>8} {'median':>8} {'CPU':>8}  target  heavy imports")
    for name, args in COMMANDS.items():
        walls, cpus = timings(args, runs, env)
        best, median = min(walls), statistics.median(walls)
        target = "-" if name == "check sample" else ("ok" if best < TARGET else "OVER")
        heavy = ", ".join(heavy_imports(args, env)) or "none"
        print(f"{name:<14} {best * 1000:>6.0f} ms {median * 1000:>6.0f} ms {min(cpus) * 1000:>6.0f} ms  "
              f"{target:<6}  {heavy}")


def _bare_python(runs: int, env: dict) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


if __name__ == "__main__":
    main()
