"""How the check scales: 1, 4, 16 and 64 distinct copies of the corpus, as one file and as
many files; the corpus as a PDF and as a Word file; 16 files serial and in parallel.

Usage: python benchmarks/bench_scale.py [--sizes 1 4 16 64] [--jobs N] [--layouts one many]
       [--skip-parallel] [--skip-documents]

Every measurement runs in a fresh process (no cache carries over) and times `check` after
the fixed start-up (imports, catalog and rules), then reports the process's peak memory.
Each copy's figures are redrawn (benchmarks/scale_inputs.py), so copies share no figure.
Targets (issue 14): 64 copies within 1,2× of 64 × one, as one file and as 64 files; peak
memory under 500 MiB; 16 files in parallel at most 0,65× the serial time on 2 cores; the
corpus as a 43-page PDF under 3 s; as a Word file within 1,2× of the text.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from scale_inputs import CORPUS, write_inputs  # noqa: E402


def measure(paths: list[Path], jobs: int) -> dict:
    """Run `check` on `paths` in a fresh process: seconds after start-up (wall clock, and
    CPU of the process and its workers: on a shared machine the CPU time is the steadier
    figure), peak MiB (of the process or of its largest worker), findings."""
    code = ("import json, resource, sys, time\n"
            "from checker.pipeline import check, load_settings\n"
            "paths, jobs = json.loads(sys.argv[1]), int(sys.argv[2])\n"
            "settings = load_settings(jobs=jobs)\n"
            "def cpu():\n"
            "    return sum(getattr(resource.getrusage(who), f) for who in"
            " (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) for f in ('ru_utime', 'ru_stime'))\n"
            "start, start_cpu = time.perf_counter(), cpu()\n"
            "report = check(paths, settings)\n"
            "took, took_cpu = time.perf_counter() - start, cpu() - start_cpu\n"
            "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
            "print(json.dumps({'seconds': took, 'cpu': took_cpu, 'peak_mib': max(own, workers) / 1024,"
            " 'findings': len(report.findings)}))\n")
    proc = subprocess.run([sys.executable, "-c", code, json.dumps([str(p) for p in paths]), str(jobs)],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(proc.stderr[-2000:])
    return json.loads(proc.stdout)


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """The least-squares slope of log(time) against log(size): 1 is linear."""
    xs, ys = [math.log(s) for s in sizes], [math.log(max(t, 1e-6)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def scaling(folder: Path, sizes: list[int], jobs: int, layouts: list[str]) -> None:
    for one_file in [layout == "one" for layout in layouts]:
        layout = "one file" if one_file else "many files"
        print(f"\n{layout} (jobs {jobs}): copies, seconds after start-up (wall, CPU), CPU per copy, "
              f"peak MiB, findings")
        walls, cpus = [], []
        for n in sizes:
            paths = write_inputs(folder / f"{'one' if one_file else 'many'}-{n}", n, one_file)
            m = measure(paths, jobs)
            walls.append(m["seconds"])
            cpus.append(m["cpu"])
            print(f"  {n:3d}  {m['seconds']:8.2f} s  {m['cpu']:8.2f} s  {m['cpu'] / n:6.3f} s  "
                  f"{m['peak_mib']:7.1f} MiB  {m['findings']:6d}")
        if len(sizes) > 1:
            for name, times in (("wall", walls), ("CPU", cpus)):
                print(f"  {name}: fitted exponent {exponent(sizes, times):.2f}; {sizes[-1]} copies = "
                      f"{times[-1] / (sizes[-1] * times[0]):.2f} × {sizes[-1]} × one")


def parallel(folder: Path, jobs: int) -> None:
    paths = write_inputs(folder / "many-16", 16, False)
    serial, spread = measure(paths, 1), measure(paths, jobs)
    print(f"\n16 files: serial {serial['seconds']:.2f} s (CPU {serial['cpu']:.2f} s), {jobs} jobs "
          f"{spread['seconds']:.2f} s (CPU {spread['cpu']:.2f} s)"
          f" = {spread['seconds'] / serial['seconds']:.2f} × serial (target ≤ 0,65 on 2 cores); "
          f"same findings: {serial['findings'] == spread['findings']}")


def documents(folder: Path) -> None:
    """The corpus as text, as a PDF and as a Word file built by the tests' builders."""
    from tests.docx_build import markdown_to_docx
    from tests.pdf_build import markdown_to_pdf

    md = CORPUS.read_text(encoding="utf-8")
    pdf = markdown_to_pdf(md, folder / "corpus.pdf")
    docx = markdown_to_docx(md, folder / "corpus.docx")
    import pdfplumber

    with pdfplumber.open(pdf) as opened:
        pages = len(opened.pages)
    text = measure([CORPUS], 1)
    print("\nthe corpus: seconds after start-up (wall, CPU), CPU × the text's, peak MiB, findings")
    for name, path in (("text", CORPUS), (f"PDF, {pages} pages", pdf), ("Word", docx)):
        m = text if path == CORPUS else measure([path], 1)
        print(f"  {name:<13} {m['seconds']:6.2f} s  {m['cpu']:6.2f} s  {m['cpu'] / text['cpu']:4.2f} ×  "
              f"{m['peak_mib']:6.1f} MiB  {m['findings']}")


def main() -> None:
    from checker.pool import default_jobs

    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16, 64])
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="processes for the parallel runs")
    parser.add_argument("--layouts", nargs="+", choices=["one", "many"], default=["one", "many"],
                        help="the copies as one file, as many files, or both")
    parser.add_argument("--skip-parallel", action="store_true", help="leave out 16 files serial and parallel")
    parser.add_argument("--skip-documents", action="store_true", help="leave out the PDF and Word timings")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        folder = Path(tmp)
        scaling(folder, args.sizes, args.jobs, args.layouts)
        if not args.skip_parallel:
            parallel(folder, args.jobs)
        if not args.skip_documents:
            documents(folder)
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s; own peak "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
