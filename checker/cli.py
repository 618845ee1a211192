"""The `checker` command line: check, baseline, extract, rules, explain."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from checker.records import FAIL_LEVELS, InputError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        sys.stderr.write(f"checker: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    from checker.renderers import RENDERERS

    parser = Parser(prog="checker", description="Statistical consistency checker for draft reports.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    check = sub.add_parser("check", help="check drafts and data files and report every figure that disagrees "
                                         "with another")
    _check_arguments(check)
    check.add_argument("--format", choices=list(RENDERERS), default="terminal")
    check.add_argument("--annotate", metavar="OUT.docx",
                       help="write a copy of the Word draft with a comment on each flagged figure")
    check.add_argument("--output", "-o", help="write the report to this new file instead of standard output")
    check.add_argument("--fail-on", choices=list(FAIL_LEVELS), default=None,
                       help="exit 1 when a finding is at or above this severity (default: error; "
                            "never: always exit 0)")
    check.add_argument("--baseline", metavar="FILE",
                       help="report only findings not in this baseline (see `checker baseline write`)")
    check.add_argument("--no-baseline", action="store_true", help="ignore the baseline set in the configuration")

    baseline = sub.add_parser("baseline", help="record the current findings as accepted, for `check --baseline`")
    baseline_sub = baseline.add_subparsers(dest="action", required=True, parser_class=Parser)
    write = baseline_sub.add_parser("write", help="write the fingerprints of the current findings to FILE")
    write.add_argument("file", metavar="FILE")
    _check_arguments(write)
    write.add_argument("--force", action="store_true", help="replace FILE if it exists")

    extract = sub.add_parser("extract", help="write the table of facts: one row per figure")
    extract.add_argument("paths", nargs="+")
    extract.add_argument("--format", choices=["csv", "json"], default="csv")
    extract.add_argument("--catalogs", metavar="DIR", help="folder of catalogs, as for `check`; default: rules/")
    extract.add_argument("--output", "-o", help="write to this new file instead of standard output")
    _parallel_arguments(extract)
    extract.add_argument("--stats", action="store_true",
                         help="print how many figures are statistics and how many of those are fully resolved")
    extract.add_argument("--unresolved", action="store_true",
                         help="list the statistics not fully resolved, with their context and why")

    rules = sub.add_parser("rules", help="list every rule: id, kind, severity, description")
    rules.add_argument("--rules", action="append")

    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("rule_id")
    explain.add_argument("--rules", action="append")
    return parser


def _check_arguments(parser) -> None:
    parser.add_argument("paths", nargs="+", help="drafts (.md, .txt, .docx, .pdf) and data files (.csv, .xlsx)")
    parser.add_argument("--rules", action="append", help="rule file (repeatable; default: rules/checks/*.yaml)")
    parser.add_argument("--catalogs", metavar="DIR", help="folder of catalogs (indicators.yaml, entities.yaml, "
                                                          "cues.yaml, units.yaml, units.txt); default: rules/")
    parser.add_argument("--config", help="configuration file (default: checker.toml, else [tool.checker] "
                                         "in pyproject.toml, in the current folder)")
    _parallel_arguments(parser)


def _parallel_arguments(parser) -> None:
    parser.add_argument("--jobs", "-j", type=int, metavar="N",
                        help="processes that read the drafts, each file in one (default: one per core; 1: none)")
    parser.add_argument("--progress", action="store_true",
                        help="show a progress bar over the files even when standard error is not a terminal")


def _write(text: str, output: str | None, inputs: list[str]) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    out = Path(output)
    if any(out.resolve() == Path(p).resolve() for p in inputs):
        raise InputError(f"{output}: refusing to overwrite an input file")
    if out.exists():
        raise InputError(f"{output}: already exists; name a new file")
    if not out.parent.exists():
        raise InputError(f"{output}: folder {out.parent} does not exist")
    out.write_text(text, encoding="utf-8")


@contextlib.contextmanager
def _progress(paths: list[str], asked: bool = False):
    """A progress bar over the files on a terminal, or wherever `--progress` asks: the
    callback to give `check` or `extract`."""
    if len(set(paths)) > 1 and (asked or sys.stderr.isatty()):
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True, force_terminal=asked or None), transient=True) as progress:
            task = progress.add_task("reading", total=len(set(paths)))
            yield lambda _: progress.advance(task)
    else:
        yield None


def _settings(args, use_baseline: bool = True):
    from checker.config import load_config
    from checker.pipeline import load_settings

    return load_settings(load_config(args.config), catalogs=args.catalogs, rules=args.rules,
                         fail_on=getattr(args, "fail_on", None), baseline=getattr(args, "baseline", None),
                         use_baseline=use_baseline, jobs=args.jobs)


def _report(args, settings):
    from checker.pipeline import check

    with _progress(args.paths, args.progress) as progress:
        return check(args.paths, settings, progress=progress)


def cmd_check(args) -> int:
    from checker.renderers import RENDERERS  # imported once, by build_parser

    report = _report(args, _settings(args, use_baseline=not args.no_baseline))
    if args.annotate:
        _annotate(args, report)
    if args.format != "terminal":
        _write(RENDERERS[args.format](report), args.output, report.inputs)
    elif args.output or not sys.stdout.isatty():
        _write(RENDERERS["terminal"](report), args.output, report.inputs)
    else:
        from rich.console import Console

        console = Console()
        sys.stdout.write(RENDERERS["terminal"](report, width=console.width, color_system=console.color_system))
    notes = []
    if report.suppressed:
        notes.append(f"{len(report.suppressed)} finding(s) suppressed where they are")
    if report.baseline:
        notes.append(f"{report.baseline.known} finding(s) in the baseline {report.baseline.file}; "
                     f"{report.baseline.gone} baselined finding(s) no longer found")
    if notes and args.format != "terminal":
        print("checker: " + "; ".join(notes), file=sys.stderr)
    return EXIT_FINDINGS if report.failed else EXIT_OK


def cmd_baseline(args) -> int:
    from checker.gate import write_baseline

    report = _report(args, _settings(args, use_baseline=False))
    count = write_baseline(args.file, list(report.findings), force=args.force)
    print(f"{args.file}: {count} finding(s) recorded"
          + (f" ({len(report.suppressed)} suppressed ones left out)" if report.suppressed else ""), file=sys.stderr)
    return EXIT_OK


def _annotate(args, report) -> None:
    from checker.annotate import annotate

    words = [p for p in args.paths if p.lower().endswith(".docx")]
    if len(words) != 1:
        raise InputError(f"{args.annotate}: --annotate needs exactly one .docx draft among the inputs "
                         f"(got {len(words)})")
    if not args.annotate.lower().endswith(".docx"):
        raise InputError(f"{args.annotate}: --annotate writes a Word document; give it a .docx name")
    added = annotate(words[0], report, args.annotate)
    print(f"{args.annotate}: {added} comment(s) added", file=sys.stderr)


def _check_input(path: str) -> None:
    """A draft that cannot be read stops the run before any work (a data file is checked
    row by row as it is read)."""
    from checker.datafile import is_data_file
    from checker.ingest import read_text

    if not is_data_file(path):
        read_text(path)


def cmd_extract(args) -> int:
    from checker.catalog import load_catalog
    from checker.pipeline import job_count

    from checker.facts import extract

    for p in args.paths:
        _check_input(p)
    jobs = job_count(args.jobs)
    with _progress(args.paths, args.progress) as progress:
        facts, _ = extract(args.paths, load_catalog(args.catalogs), progress=progress, jobs=jobs)
    if args.stats or args.unresolved:
        _write(_coverage_text(facts, args.stats, args.unresolved), args.output, args.paths)
        return EXIT_OK
    if args.format == "csv":
        text = facts.to_csv(index=False, lineterminator="\n")
    else:
        text = facts.to_json(orient="records", force_ascii=False, indent=2) + "\n"
    _write(text, args.output, args.paths)
    return EXIT_OK


def _coverage_text(facts, stats: bool, listing: bool) -> str:
    from checker.facts import coverage, unresolved

    out = []
    if stats:
        table = coverage(facts)
        out.append(f"{'document':<40} {'block':<12} {'figures':>8} {'statistics':>10} {'resolved':>9} {'share':>7}")
        for _, r in table.iterrows():
            share = f"{100 * r['resolved'] / r['statistics']:.1f}%" if r["statistics"] else "-"
            doc = f"{Path(r['path']).name}#{r['doc']} {r['doc_kind']}"
            out.append(f"{doc:<40} {r['block']:<12} {r['figures']:>8} {r['statistics']:>10} {r['resolved']:>9} {share:>7}")
        total_s, total_r = int(table["statistics"].sum()), int(table["resolved"].sum())
        share = f"{100 * total_r / total_s:.1f}%" if total_s else "-"
        out.append(f"{'total':<53} {int(table['figures'].sum()):>8} {total_s:>10} {total_r:>9} {share:>7}")
    if listing:
        rows = unresolved(facts)
        if stats:
            out.append("")
        for _, r in rows.iterrows():
            why = f"missing {r['missing']}" + (f" ({r['notes']})" if r["notes"] else "")
            out.append(f"{r['path']}:{r['line']}:{r['column']}: {r['text']} — {why}: {r['context']}")
    return "\n".join(out) + "\n"


def cmd_rules(args) -> int:
    from rich.console import Console
    from rich.table import Table

    from checker.catalog import load_catalog
    from checker.engine import load_default_rules

    catalog = load_catalog()
    rules = load_default_rules(catalog, [Path(r) for r in args.rules] if args.rules else None)
    table = Table()
    for col in ("id", "name", "kind", "severity", "description"):
        table.add_column(col, overflow="fold")
    for r in rules:
        table.add_row(r.id, r.name, r.kind, r.severity, r.description)
    Console().print(table)
    return EXIT_OK


def cmd_explain(args) -> int:
    import inspect

    from checker.catalog import load_catalog
    from checker.engine import load_default_rules
    from checker.kinds import KINDS
    from checker.kinds.params import shown_params

    catalog = load_catalog()
    rules = load_default_rules(catalog, [Path(r) for r in args.rules] if args.rules else None)
    found = [r for r in rules if r.id == args.rule_id or r.name == args.rule_id]
    if not found:
        raise InputError(f"no rule '{args.rule_id}' (see `checker rules`)")
    r = found[0]
    lines = [f"{r.id} {r.name} ({r.kind}, {r.severity})", "", r.description, ""]
    if shown_params(r.params):
        lines.append("Parameters: " + shown_params(r.params))
        lines.append("")
    if r.link:
        lines += [f"More: {r.link}", ""]
    lines.append(f"Kind `{r.kind}`:")
    lines.append(inspect.cleandoc(KINDS[r.kind].__doc__ or ""))
    for ex in r.examples:
        for k, v in ex.items():
            lines.append(f"{k}: {v}")
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


COMMANDS = {"check": cmd_check, "baseline": cmd_baseline, "extract": cmd_extract, "rules": cmd_rules, "explain": cmd_explain}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except InputError as exc:
        sys.stderr.write(f"checker: error: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        sys.stderr.write("checker: interrupted\n")
        return 130
    except Exception as exc:  # never a traceback for the user; CHECKER_DEBUG=1 shows it
        if os.environ.get("CHECKER_DEBUG"):
            raise
        sys.stderr.write(f"checker: internal error: {type(exc).__name__}: {exc} (set CHECKER_DEBUG=1 for details)\n")
        return EXIT_USAGE


if __name__ == "__main__":
    raise SystemExit(main())
