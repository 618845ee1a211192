"""Time and peak memory of `checker check` on big inputs built on the fly, at growing
sizes, so that work that grows faster than the input shows (each doubling should about
double the time).  Prints one line per input and size.

Usage: python benchmarks/bench_big_inputs.py [--sizes 5000,10000,20000] [--only NAME]
Targets (issue 15): no input past 30 s or 1 GiB; ingest and data-file reading linear.
On a shared machine the CPU seconds are the steadier figure: wall time grows with the load.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.bad_inputs.cases import _big_rows, draft  # noqa: E402  (the suite's own builders)


def short_lines(folder: Path, n: int) -> list[str]:
    """n short lower-case lines: each is joined onto the paragraph before."""
    return [draft(folder, text="# BÁO CÁO\n\nMở đầu\n" + "".join(f"dòng thứ {i} của đoạn\n" for i in range(n)))]


def repeated_rate(folder: Path, n: int) -> list[str]:
    """One block of n figures (`7,35% ` repeated): resolution compares figures of a block."""
    return [draft(folder, text="GRDP " + "7,35% " * n + "\n")]


def data_rows(folder: Path, n: int) -> list[str]:
    return _big_rows(folder, n)[1:]


def _corpus_copies(size: int) -> str:
    """Distinct copies of the corpus (figures redrawn, see scale_inputs) up to `size` characters."""
    from benchmarks.scale_inputs import CORPUS, perturbed

    text, out, copy = CORPUS.read_text(encoding="utf-8"), [], 0
    while sum(map(len, out)) < size:
        out.append(perturbed(text, copy))
        copy += 1
    return "\n\n".join(out)


def paragraph(folder: Path, kb: int) -> list[str]:
    """Ordinary report text as one paragraph of `kb` KB: the corpus's lines joined by spaces."""
    words = " ".join(line.strip("#-* ").replace("\t", " ") for line in _corpus_copies(kb * 1024).splitlines() if line.strip())
    return [draft(folder, name="draft.txt", text="BÁO CÁO\n\n" + words[:kb * 1024] + "\n")]


def pdf_pages(folder: Path, pages: int) -> list[str]:
    """The corpus as a PDF (the tests' builder), copies of it to about `pages` pages (43 each)."""
    from benchmarks.scale_inputs import CORPUS
    from tests.pdf_build import markdown_to_pdf

    md = CORPUS.read_text(encoding="utf-8")
    return [str(markdown_to_pdf(_corpus_copies(len(md) * max(1, round(pages / 43)) - 1), folder / "draft.pdf"))]


INPUTS = {"short-lines": (short_lines, [5000, 10000, 20000]),
          "repeated-rate": (repeated_rate, [500, 1000, 2000]),
          "data-rows": (data_rows, [5000, 10000, 20000]),
          "paragraph-kb": (paragraph, [250, 500, 1000]),
          "pdf-pages": (pdf_pages, [150, 300, 600])}  # up to the default page limit


def measure(paths: list[str]) -> tuple[float, int, int, float]:
    """Wall seconds, exit code, peak MiB and CPU seconds (the steadier figure on a shared machine)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "checker", "check", "--format", "json", *paths], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return (time.perf_counter() - start, os.waitstatus_to_exitcode(status), usage.ru_maxrss // 1024,
            usage.ru_utime + usage.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", help="comma-separated sizes for every input")
    parser.add_argument("--only", choices=list(INPUTS))
    args = parser.parse_args()
    # the wall times mean little on a machine busy with other work: say how busy it is
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    for name, (build, sizes) in INPUTS.items():
        if args.only and name != args.only:
            continue
        for n in [int(s) for s in args.sizes.split(",")] if args.sizes else sizes:
            with tempfile.TemporaryDirectory() as folder:
                seconds, code, mib, cpu = measure(build(Path(folder), n))
            print(f"{name:<14} {n:>7}  {seconds:7.2f} s  {mib:6d} MiB  exit {code}  ({cpu:.2f} s CPU)", flush=True)


if __name__ == "__main__":
    main()
