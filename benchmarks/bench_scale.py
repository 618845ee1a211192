"""How the check scales: 1, 4, 16 and 64 distinct copies of the corpus, as one file and as
many files; the corpus as a PDF and as a Word file; 16 files serial and in parallel.

Usage: python benchmarks/bench_scale.py [--sizes 1 4 16 64] [--jobs N] [--layouts one many]
       [--repeats N] [--skip-parallel] [--skip-documents]

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
import statistics
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
            "start_own = sum(getattr(resource.getrusage(resource.RUSAGE_SELF), f) for f in ('ru_utime', 'ru_stime'))\n"
            "report = check(paths, settings)\n"
            "took, took_cpu = time.perf_counter() - start, cpu() - start_cpu\n"
            "own_cpu = sum(getattr(resource.getrusage(resource.RUSAGE_SELF), f) for f in ('ru_utime', 'ru_stime'))\n"
            "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
            "print(json.dumps({'seconds': took, 'cpu': took_cpu, 'own_cpu': own_cpu - start_own,"
            " 'peak_mib': max(own, workers) / 1024,"
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


def parallel(folder: Path, jobs: int, repeats: int) -> None:
    """16 files serial and in `jobs` processes, alternating `repeats` times (medians).  On a
    shared machine the wall clock says more about the other users than about the pool, so
    the main process's own CPU is shown too: it works throughout (it is one of the jobs,
    checker/pool.py), and on idle cores the run takes about that long."""
    paths = write_inputs(folder / "many-16", 16, False)
    runs = [(measure(paths, 1), measure(paths, jobs)) for _ in range(repeats)]
    serial = {k: statistics.median(s[k] for s, _ in runs) for k in ("seconds", "cpu", "own_cpu")}
    spread = {k: statistics.median(p[k] for _, p in runs) for k in ("seconds", "cpu", "own_cpu")}
    same = all(s["findings"] == p["findings"] for s, p in runs)
    print(f"\n16 files, median of {repeats}: serial {serial['seconds']:.2f} s (CPU {serial['cpu']:.2f} s), "
          f"{jobs} jobs {spread['seconds']:.2f} s (CPU {spread['cpu']:.2f} s, of it the main process "
          f"{spread['own_cpu']:.2f} s) = {spread['seconds'] / serial['seconds']:.2f} × serial wall, "
          f"{spread['own_cpu'] / serial['cpu']:.2f} × in the main process's CPU (target ≤ 0,65 on 2 cores); "
          f"same findings: {same}")


def documents(folder: Path, repeats: int) -> None:
    """The corpus as text, as a PDF and as a Word file built by the tests' builders."""
    from tests.docx_build import markdown_to_docx
    from tests.pdf_build import markdown_to_pdf

    md = CORPUS.read_text(encoding="utf-8")
    pdf = markdown_to_pdf(md, folder / "corpus.pdf")
    docx = markdown_to_docx(md, folder / "corpus.docx")
    import pdfplumber

    with pdfplumber.open(pdf) as opened:
        pages = len(opened.pages)
    kinds = (("text", CORPUS), (f"PDF, {pages} pages", pdf), ("Word", docx))
    # Alternated run by run, `repeats` times, medians: one run each swung the Word file's
    # ratio from 0,95 to 1,25 on a shared machine.
    runs = [[measure([path], 1) for _, path in kinds] for _ in range(repeats)]
    print(f"\nthe corpus, median of {repeats}: seconds after start-up (wall, CPU), CPU × the text's, "
          f"peak MiB, findings")
    text_cpu = statistics.median(r[0]["cpu"] for r in runs)
    for i, (name, _) in enumerate(kinds):
        wall, cpu = (statistics.median(r[i][k] for r in runs) for k in ("seconds", "cpu"))
        ratios = sorted(r[i]["cpu"] / r[0]["cpu"] for r in runs)
        print(f"  {name:<13} {wall:6.2f} s  {cpu:6.2f} s  {cpu / text_cpu:4.2f} × (run by run "
              f"{ratios[0]:.2f}–{ratios[-1]:.2f})  {max(r[i]['peak_mib'] for r in runs):6.1f} MiB  "
              f"{runs[0][i]['findings']}")


def main() -> None:
    from checker.pool import default_jobs

    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16, 64])
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="processes for the parallel runs")
    parser.add_argument("--layouts", nargs="+", choices=["one", "many"], default=["one", "many"],
                        help="the copies as one file, as many files, or both")
    parser.add_argument("--repeats", type=int, default=3,
                        help="alternating runs of the parallel and document timings (medians)")
    parser.add_argument("--skip-parallel", action="store_true", help="leave out 16 files serial and parallel")
    parser.add_argument("--skip-documents", action="store_true", help="leave out the PDF and Word timings")
    args = parser.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        folder = Path(tmp)
        scaling(folder, args.sizes, args.jobs, args.layouts)
        if not args.skip_parallel:
            parallel(folder, args.jobs, args.repeats)
        if not args.skip_documents:
            documents(folder, args.repeats)
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s; own peak "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
