"""Detection quality: recall, false alarms and mutations caught on the devset, findings on the corpus.

Usage: python benchmarks/bench_detection.py [--real DIR] [-v]

- The development set (../shared/devset) is scored with its own score.py, run against this
  checkout (`python -m checker`), so the figures are those of the code here, not of whatever
  `checker` is on PATH.  Printed per draft and in total.
- The drafts of tests/drafts (ours, and six written blind by engineers who had not read the
  code) are scored the same way.
- The real corpus (../shared/corpus) is checked and its findings counted by rule and severity.
- `--real DIR` also checks every .txt/.md draft in DIR (real published text kept outside the
  repository) and prints the alarms (errors and warnings) of each, for reading one by one.
Targets (issue 11): recall >= 90%, precision >= 95%, mutations >= 90%.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEVSET = SHARED / "devset"
CORPUS = SHARED / "corpus" / "thai-nguyen-congress-2025.txt"
DRAFTS = ROOT / "tests" / "drafts"
CHECKER = [sys.executable, "-m", "checker"]


def devset(verbose: bool, folder: Path = DEVSET, label: str = "devset") -> None:
    score = DEVSET / "score.py"
    if not score.exists():
        print(f"{label}: {score} is missing; skipped")
        return
    env = {**os.environ, "CHECKER": shlex.join(CHECKER), "PYTHONPATH": str(ROOT)}
    args = [sys.executable, str(score), str(folder)] + (["-v"] if verbose else [])
    proc = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    print(f"{label} ({folder.relative_to(ROOT.parent)}, scored by ../shared/devset/score.py):")
    for line in proc.stdout.splitlines():
        print("  " + line)
    if proc.returncode:
        print("  score.py failed: " + proc.stderr.strip()[-400:])


def alarms(path: Path) -> tuple[list[dict], dict]:
    proc = subprocess.run([*CHECKER, "check", str(path), "--format", "json", "--fail-on", "never"],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{path}: checker failed (exit {proc.returncode}): {proc.stderr.strip()[-300:]}")
    report = json.loads(proc.stdout)
    return [f for f in report["findings"] if f["severity"] in ("error", "warning")], report


def corpus() -> None:
    if not CORPUS.exists():
        print(f"corpus: {CORPUS} is missing; skipped")
        return
    found, report = alarms(CORPUS)
    by_rule = Counter(f"{f['rule']}/{f['severity']}" for f in found)
    print(f"corpus: {len(found)} alarms (errors and warnings): "
          + ", ".join(f"{k} {v}" for k, v in sorted(by_rule.items())))


def real(folder: Path) -> None:
    files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    total = 0
    print(f"real text ({folder}, {len(files)} drafts):")
    for path in files:
        found, _ = alarms(path)
        total += len(found)
        print(f"  {path.name}: {len(found)} alarm(s)")
        for f in found:
            figs = ", ".join(f"{g.get('line')}:{g.get('text')}" for g in f["figures"][:4])
            print(f"      {f['rule']} {f['severity']}: {f['message'][:140]} | {figs}")
    print(f"  total: {total} alarm(s) on {len(files)} drafts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", type=Path, help="a folder of real drafts (kept outside the repository)")
    parser.add_argument("-v", action="store_true", help="list every miss, false alarm and undetected mutation")
    args = parser.parse_args()
    devset(args.v)
    devset(args.v, DRAFTS, "test drafts")
    corpus()
    if args.real:
        real(args.real)


if __name__ == "__main__":
    main()
