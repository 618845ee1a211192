"""The `checker` command line: check, baseline, extract, rules, explain."""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

from checker.records import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
CATALOG_FILES = ("indicators.yaml", "entities.yaml", "cues.yaml", "units.yaml", "units.txt")
FORMATS = ["terminal", "json", "markdown", "html", "sarif", "junit", "codequality"]
FAIL_LEVELS = {"error": ("error",), "warning": ("error", "warning"), "info": ("error", "warning", "info"), "never": ()}


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        sys.stderr.write(f"checker: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="checker", description="Statistical consistency checker for draft reports.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)

    check = sub.add_parser("check", help="check drafts and data files and report every figure that disagrees "
                                         "with another")
    _check_arguments(check)
    check.add_argument("--format", choices=FORMATS, default="terminal")
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


def _extract(paths: list[str], catalog):
    """The facts of all inputs, with a progress bar over the files on a terminal."""
    from checker.facts import extract

    if len(paths) > 1 and sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as progress:
            task = progress.add_task("reading", total=len(paths))
            return extract(paths, catalog, progress=lambda _: progress.advance(task))
    return extract(paths, catalog)


class Run:
    """One check: the rules, the facts, and the findings reported, suppressed and baselined."""

    def __init__(self, args):
        from checker.catalog import load_catalog
        from checker.config import load_config
        from checker.engine import load_default_rules, run_rules, with_severity
        from checker.gate import check_marker_rules, split_suppressed

        self.config = config = load_config(args.config)
        catalogs = args.catalogs or config.catalogs
        if catalogs:
            missing = [n for n in CATALOG_FILES if not (Path(catalogs) / n).is_file()]
            if missing:
                raise InputError(f"{catalogs}: not a catalogs folder (missing {', '.join(missing)})")
        self.catalog = catalog = load_catalog(catalogs)
        rule_files = args.rules or config.rules  # an explicit flag wins over the file
        for r in rule_files or []:
            if not Path(r).is_file():
                raise InputError(f"{r}: no such rule file")
        rules = load_default_rules(catalog, [Path(r) for r in rule_files] if rule_files else None)
        self.rules = rules = with_severity(rules, config.severity)
        known = {r.id for r in rules}
        for rule_id in config.severity:
            if rule_id not in known:
                raise InputError(f"{config.path}: [severity] names an unknown rule '{rule_id}'")
        self.paths = sorted(dict.fromkeys(args.paths))  # the same report whatever the order given
        suppressions = _markers(self.paths)  # reading the drafts for them also checks they can be read
        check_marker_rules(suppressions, known)
        self.facts, self.documents = _extract(self.paths, catalog)
        findings, self.outcomes = run_rules(self.facts, rules, catalog, severity_overrides=config.severity,
                                            documents=self.documents)
        _add_document_places(findings)
        self.findings, self.suppressed = split_suppressed(findings, suppressions, self.facts)
        self.baselined = self.gone = 0


def _markers(paths: list[str]) -> list:
    """The suppression markers of the Markdown and text drafts.  Every draft is read here
    (a Word or PDF one is converted once and cached), so one that cannot be read stops the
    run before any work; a data file is checked row by row as it is read."""
    from checker.datafile import is_data_file
    from checker.gate import markers
    from checker.ingest import read_text

    found = []
    for p in paths:
        if is_data_file(p):
            continue
        text = read_text(p)
        if not p.lower().endswith((".docx", ".pdf")):
            found.extend(markers(p, text))
    return found


def cmd_check(args) -> int:
    from checker.report import render_terminal, summary, to_json, to_markdown

    run = Run(args)
    baseline = None if args.no_baseline else (args.baseline or run.config.baseline)
    if baseline:
        from checker.gate import read_baseline, split_baselined

        run.findings, run.baselined, run.gone = split_baselined(run.findings, read_baseline(baseline))
    findings = run.findings
    if args.annotate:
        _annotate(args, findings)
    fail_on = args.fail_on or run.config.fail_on or "error"  # an explicit flag wins over the file
    data = summary(findings, run.outcomes, run.facts, run.paths)
    data["suppressed"] = len(run.suppressed)
    if baseline:
        data["baseline"] = {"file": baseline, "known": run.baselined, "gone": run.gone}
    if args.format == "json":
        _write(to_json(findings, data, run.suppressed), args.output, run.paths)
    elif args.format == "markdown":
        _write(to_markdown(findings, data), args.output, run.paths)
    elif args.format == "html":
        from checker.report import to_html

        _write(to_html(findings, data, _line_reader()), args.output, run.paths)
    elif args.format == "sarif":
        from checker.formats import to_sarif

        _write(to_sarif(findings, run.rules, run.suppressed), args.output, run.paths)
    elif args.format == "junit":
        from checker.formats import to_junit

        _write(to_junit(findings, run.rules, run.paths), args.output, run.paths)
    elif args.format == "codequality":
        from checker.formats import to_codequality

        _write(to_codequality(findings), args.output, run.paths)
    else:
        from rich.console import Console

        if args.output:
            buffer = io.StringIO()
            render_terminal(findings, data, Console(file=buffer, width=160, no_color=True))
            _write(buffer.getvalue(), args.output, run.paths)
        else:
            console = Console() if sys.stdout.isatty() else Console(width=160)
            render_terminal(findings, data, console)
    notes = []
    if run.suppressed:
        notes.append(f"{len(run.suppressed)} finding(s) suppressed where they are")
    if baseline:
        notes.append(f"{run.baselined} finding(s) in the baseline {baseline}; "
                     f"{run.gone} baselined finding(s) no longer found")
    if notes and args.format != "terminal":
        print("checker: " + "; ".join(notes), file=sys.stderr)
    failing = FAIL_LEVELS[fail_on]
    return EXIT_FINDINGS if any(f.severity in failing for f in findings) else EXIT_OK


def cmd_baseline(args) -> int:
    from checker.gate import write_baseline

    run = Run(args)
    count = write_baseline(args.file, run.findings, force=args.force)
    print(f"{args.file}: {count} finding(s) recorded"
          + (f" ({len(run.suppressed)} suppressed ones left out)" if run.suppressed else ""), file=sys.stderr)
    return EXIT_OK


def _annotate(args, findings) -> None:
    from checker.annotate import annotate

    words = [p for p in args.paths if p.lower().endswith(".docx")]
    if len(words) != 1:
        raise InputError(f"{args.annotate}: --annotate needs exactly one .docx draft among the inputs "
                         f"(got {len(words)})")
    if not args.annotate.lower().endswith(".docx"):
        raise InputError(f"{args.annotate}: --annotate writes a Word document; give it a .docx name")
    added = annotate(words[0], [f.as_dict() for f in findings], args.annotate)
    print(f"{args.annotate}: {added} comment(s) added", file=sys.stderr)


def _line_reader():
    """line_of(path, n): the n-th line of an input as the checker read it (cached per file)."""
    from checker.datafile import is_data_file
    from checker.ingest import read_text

    cache: dict[str, list[str]] = {}

    def line_of(path: str, line: int) -> str:
        if is_data_file(path):
            return ""  # a data row has no sentence around it
        if path not in cache:
            cache[path] = read_text(path).splitlines()
        lines = cache[path]
        return lines[line - 1] if 1 <= line <= len(lines) else ""
    return line_of


def _add_document_places(findings) -> None:
    """For figures in a Word or PDF draft, say where in the document they are (paragraph,
    table cell or page, and offset) beside the line and column of its text form; for a
    data file's row, its row and spreadsheet column."""
    from checker.datafile import is_data_file, spreadsheet_column
    from checker.places import describe

    for f in findings:
        for fig in f.figures:
            if is_data_file(fig.get("path", "")):
                fig["where"] = f"row {fig['line']}, column {spreadsheet_column(fig['column'])}"
            elif str(fig.get("path", "")).lower().endswith((".docx", ".pdf")):
                where = describe(fig["path"], fig["line"], fig["column"])
                if where:
                    fig["where"] = where


def _check_input(path: str) -> None:
    """A draft that cannot be read stops the run before any work (a data file is checked
    row by row as it is read)."""
    from checker.datafile import is_data_file
    from checker.ingest import read_text

    if not is_data_file(path):
        read_text(path)


def cmd_extract(args) -> int:
    from checker.catalog import load_catalog

    for p in args.paths:
        _check_input(p)
    facts, _ = _extract(args.paths, load_catalog(args.catalogs))
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
