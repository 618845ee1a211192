"""The `checker` command line: check, baseline, extract, rules, explain."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from pathlib import Path

from checker.cli_args import EXIT_USAGE, build_parser
from checker.i18n import N_, gettext, language
from checker.records import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_INTERNAL = 0, 1, 3  # and EXIT_USAGE, 2, for bad input


def _write(text: str, output: str | None, inputs: list[str]) -> None:
    if output is None:
        if sys.stdout is None:
            raise InputError(gettext("standard output is closed; give -o FILE"))
        sys.stdout.write(text)
        return
    from checker.safe_io import output_target, write_output

    write_output(output_target(output, inputs), text)


def _check_outputs(args, inputs: list[str]) -> None:
    """Every place a command will write is checked before the analysis starts."""
    from checker.safe_io import output_target

    if getattr(args, "output", None):
        output_target(args.output, inputs)
    if getattr(args, "annotate", None):
        output_target(args.annotate, inputs, replace=False, what="annotated copy")
    if getattr(args, "file", None):
        if Path(args.file).exists() and not args.force:
            raise InputError(gettext("{file}: already exists; pass --force to replace the baseline").format(file=args.file))
        output_target(args.file, inputs, what="baseline")


@contextlib.contextmanager
def _progress(paths: list[str], asked: bool = False):
    """A progress bar over the files on a terminal, or wherever `--progress` asks: the
    callback to give `check` or `extract`."""
    if len(set(paths)) > 1 and (asked or sys.stderr.isatty()):
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True, force_terminal=asked or None), transient=True) as progress:
            task = progress.add_task(gettext("reading"), total=len(set(paths)))
            yield lambda _: progress.advance(task)
    else:
        yield None


def _config(args):
    """The configuration file's settings, with the command line's flags winning."""
    from checker.config import load_config
    from checker.i18n import speak

    config = load_config(args.config).with_flags(
        rules=getattr(args, "rules", None), catalogs=getattr(args, "catalogs", None),
        fail_on=getattr(args, "fail_on", None), baseline=getattr(args, "baseline", None),
        select=getattr(args, "select", None), ignore=getattr(args, "ignore", None),
        exclude=getattr(args, "exclude", None), lang=getattr(args, "lang", None), jobs=getattr(args, "jobs", None))
    speak(config.lang)  # the configuration's language from here on (--lang wins over it)
    return config


def _settings(config, use_baseline: bool = True):
    from checker.pipeline import load_settings

    return load_settings(config, catalogs=config.catalogs, rules=config.rules, fail_on=config.fail_on,
                         baseline=config.baseline, use_baseline=use_baseline, jobs=config.jobs)


def _inputs(args, config) -> tuple[list[str], dict[str, str]]:
    """The files to check (folders walked, globs expanded) and the text of a draft read
    from standard input, by the name it goes by."""
    from checker.inputs import STDIN, expand, read_stdin

    if not args.paths:  # optional for the parser only so that `check --show-config` needs none
        raise InputError(gettext("name the drafts, data files or folders to check (- reads standard input)"))
    paths = expand(args.paths, config.exclude)
    name = getattr(args, "stdin_filename", None)
    if STDIN not in paths:
        if name:
            raise InputError(gettext("--stdin-filename names the draft read from -, and no - was given"))
        return paths, {}
    name = name or STDIN
    if name != STDIN and name in paths:
        raise InputError(gettext("{file}: given both as a file and as the name of standard input").format(file=name))
    sources = {name: read_stdin(sys.stdin.buffer, name)}
    return sorted(name if p == STDIN else p for p in paths), sources


def _report(settings, paths: list[str], sources: dict[str, str], progress_asked: bool = False):
    from checker.pipeline import check

    with _progress(paths, progress_asked) as progress:
        return check(paths, settings, progress=progress, sources=sources)


def _say_no_figures(report, sources: dict[str, str]) -> None:
    """An input with no figure is never a silent pass: one line on standard error for each."""
    for path in report.no_figures:
        text = sources[path] if path in sources else None
        if text is None and Path(path).is_file() and Path(path).suffix.lower() in (".md", ".txt", ".csv"):
            text = Path(path).read_bytes().decode("utf-8", errors="replace")
        empty = text is not None and not text.strip()
        print("checker: " + (gettext("{file}: an empty file; nothing in it was checked") if empty else
                             gettext("{file}: no figure found; nothing in it was checked")).format(file=path),
              file=sys.stderr)


def cmd_check(args) -> int:
    config = _config(args)
    if args.show_config:
        return _show_config(config)
    return _check(args, config)


def _check(args, config) -> int:
    from checker.renderers import RENDERERS

    settings = _settings(config, use_baseline=not args.no_baseline)
    paths, sources = _inputs(args, config)
    _check_outputs(args, paths)
    report = _report(settings, paths, sources, args.progress)
    if args.annotate:
        _annotate(args, report)
    options = {"lang": config.lang, "statistics": args.statistics, "verbose": args.verbose}
    if args.format != "terminal":
        _write(RENDERERS[args.format](report, **options), args.output, report.inputs)
    elif args.output or not sys.stdout.isatty():
        _write(RENDERERS["terminal"](report, **options), args.output, report.inputs)
    else:
        from rich.console import Console

        console = Console()
        sys.stdout.write(RENDERERS["terminal"](report, width=console.width, color_system=console.color_system,
                                               **options))
    notes = []
    if report.suppressed:
        notes.append(gettext("{count} finding(s) suppressed where they are").format(count=len(report.suppressed)))
    if report.baseline:
        notes.append(gettext("{known} finding(s) in the baseline {file}; {gone} baselined finding(s) no longer found")
                     .format(known=report.baseline.known, file=report.baseline.file, gone=report.baseline.gone))
    if notes and args.format != "terminal":
        print("checker: " + "; ".join(notes), file=sys.stderr)
    _say_no_figures(report, sources)
    return EXIT_FINDINGS if report.failed else EXIT_OK


def _show_config(config) -> int:
    from checker.bundled import rules_dir
    from checker.config import describe

    bundled = rules_dir()
    defaults = {"rules": f'"{bundled / "checks"}/*.yaml"', "catalogs": f'"{bundled}"', "fail_on": '"error"',
                "select": gettext("(every rule)"), "ignore": "[]", "exclude": "[]", "baseline": gettext("(none)"),
                "severity": "{}  " + gettext("(as the rule files set them)"), "lang": '"vi"',
                "jobs": gettext("(one per core)")}
    sys.stdout.write(describe(config, defaults))
    return EXIT_OK


def cmd_baseline(args) -> int:
    from checker.gate import write_baseline

    config = _config(args)
    paths, sources = _inputs(args, config)
    _check_outputs(args, paths)
    report = _report(_settings(config, use_baseline=False), paths, sources, args.progress)
    count = write_baseline(args.file, list(report.findings), force=args.force, inputs=tuple(paths))
    line = gettext("{file}: {count} finding(s) recorded").format(file=args.file, count=count)
    if report.suppressed:
        line += " " + gettext("({count} suppressed ones left out)").format(count=len(report.suppressed))
    print(line, file=sys.stderr)
    return EXIT_OK


def _annotate(args, report) -> None:
    from checker.annotate import annotate

    words = [p for p in report.inputs if p.lower().endswith(".docx")]
    if len(words) != 1:
        raise InputError(gettext("{file}: --annotate needs exactly one .docx draft among the inputs (got {count})")
                         .format(file=args.annotate, count=len(words)))
    if not args.annotate.lower().endswith(".docx"):
        raise InputError(gettext("{file}: --annotate writes a Word document; give it a .docx name").format(
            file=args.annotate))
    from checker.config import load_config
    from checker.safe_io import output_target, replacing

    author = args.comment_author or load_config(args.config).comment_author or "checker"
    with replacing(output_target(args.annotate, report.inputs, replace=False, what="annotated copy")) as tmp:
        added = annotate(words[0], report, str(tmp), author=author, all_figures=args.annotate_all,
                         summary=args.annotate_summary)
    print(gettext("{file}: {count} comment(s) added").format(file=args.annotate, count=added), file=sys.stderr)


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

    from checker.inputs import expand

    paths = expand(args.paths, args.exclude)
    _check_outputs(args, paths)
    for p in paths:
        _check_input(p)
    with _progress(paths, args.progress) as progress:
        facts, _ = extract(paths, load_catalog(args.catalogs), progress=progress, jobs=job_count(args.jobs))
    if args.stats or args.unresolved:
        _write(_coverage_text(facts, args.stats, args.unresolved), args.output, paths)
        return EXIT_OK
    if args.format == "csv":
        text = facts.to_csv(index=False, lineterminator="\n")
    else:
        text = facts.to_json(orient="records", force_ascii=False, indent=2) + "\n"
    _write(text, args.output, paths)
    return EXIT_OK


# The fields a statistic is resolved to, as `extract --unresolved` names those it lacks.
FIELD_WORDS = {"indicator": N_("indicator"), "entity": N_("province"), "period": N_("period"), "role": N_("role")}


def _coverage_text(facts, stats: bool, listing: bool) -> str:
    from checker.facts import coverage, unresolved

    out = []
    if stats:
        table = coverage(facts)
        titles = [gettext("document"), gettext("block"), gettext("figures"), gettext("statistics"),
                  gettext("resolved"), gettext("share")]
        out.append(f"{titles[0]:<40} {titles[1]:<12} {titles[2]:>8} {titles[3]:>10} {titles[4]:>9} {titles[5]:>7}")
        for _, r in table.iterrows():
            share = f"{100 * r['resolved'] / r['statistics']:.1f}%" if r["statistics"] else "-"
            doc = f"{Path(r['path']).name}#{r['doc']} {r['doc_kind']}"
            out.append(f"{doc:<40} {r['block']:<12} {r['figures']:>8} {r['statistics']:>10} {r['resolved']:>9} {share:>7}")
        total_s, total_r = int(table["statistics"].sum()), int(table["resolved"].sum())
        share = f"{100 * total_r / total_s:.1f}%" if total_s else "-"
        out.append(f"{gettext('total'):<53} {int(table['figures'].sum()):>8} {total_s:>10} {total_r:>9} {share:>7}")
    if listing:
        rows = unresolved(facts)
        if stats:
            out.append("")
        for _, r in rows.iterrows():
            missing = ", ".join(gettext(FIELD_WORDS[f]) for f in r["missing"].split(", "))
            why = gettext("missing {fields}").format(fields=missing) + (f" ({r['notes']})" if r["notes"] else "")
            out.append(f"{r['path']}:{r['line']}:{r['column']}: {r['text']} — {why}: {r['context']}")
    return "\n".join(out) + "\n"


def _rules_in_force(args) -> list:
    """Every rule loaded, with the severity the configuration and flags give it (`off`
    for one that does not run).  The catalogs are not loaded to list rules (it would take
    most of the time): `check` validates the catalog ids a rule's parameters name."""
    from checker.bundled import rules_dir
    from checker.config import configured
    from checker.engine import default_rule_files
    from checker.kinds import KINDS
    from checker.rulefile import load_rules

    config = _config(args)
    for r in config.rules or []:
        if not Path(r).is_file():
            raise InputError(gettext("{file}: no such rule file").format(file=r))
    files = [Path(r) for r in config.rules] if config.rules else default_rule_files(Path(config.catalogs or rules_dir()))
    return configured(load_rules(files, KINDS, None), config)


def cmd_rules(args) -> int:
    """A plain table, aligned on the widest entry of each column (rich would double the
    command's start-up time for no gain here)."""
    from checker.rule_docs import described, severity_word

    rows = [(gettext("id"), gettext("name"), gettext("kind"), gettext("severity"), gettext("description"))]
    rows += [(r.id, r.name, r.kind, severity_word(r.severity), " ".join(described(r).split())) for r in _rules_in_force(args)]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        sys.stdout.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[4] + "\n")
    return EXIT_OK


def cmd_explain(args) -> int:
    from checker.kinds import KINDS
    from checker.rule_docs import documentation

    wanted = args.rule_id.strip()
    found = [r for r in _rules_in_force(args) if r.id.upper() == wanted.upper() or r.name == wanted.lower()]
    if not found:
        raise InputError(gettext("no rule '{rule}' (see `checker rules`)").format(rule=args.rule_id))
    sys.stdout.write(documentation(found[0], KINDS[found[0].kind].__doc__ or ""))
    return EXIT_OK


COMMANDS = {"check": cmd_check, "baseline": cmd_baseline, "extract": cmd_extract, "rules": cmd_rules, "explain": cmd_explain}


def asked_language(argv: list[str]) -> str | None:
    """The language `--lang` asks for, found before the parser runs so that its own
    messages (usage, errors, --help) are in that language too; None when not asked."""
    from checker.i18n import LANGS

    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = arg[len("--lang="):] if arg.startswith("--lang=") else \
            (argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None)
        if value in LANGS:
            return value
    return None


def run(argv: list[str] | None = None) -> int:
    """The process's entry point (`checker`, `python -m checker`): `main`, with the garbage
    collector set for one run of a process that ends with it (a test calls `main`)."""
    # Nearly all a run makes lives to its end: the modules (pandas' thousands of objects),
    # the catalogs, the facts.  At the default threshold (700 new objects) the collector went
    # over them again and again, 0.09 s of a corpus run, most of it while pandas is imported;
    # at 10000 it still frees cycles, 14 times less often.
    gc.set_threshold(10_000, 10, 10)
    # The check itself runs with the collector off (checker/pipeline.py), and its first pass
    # after it would walk all that the check made and imported (about 110.000 objects on the
    # corpus, a tenth of a run's CPU after the imports) to free a few hundred: in a process
    # that ends with the run, that pass is left to the exit, which the freeze below skips.
    gc.disable()
    try:
        code = main(argv)
    finally:
        gc.enable()
    # What is left goes with the process: the interpreter's own collections at exit would
    # go over all of it once more for nothing (0.15 s after a corpus check).  Frozen objects
    # are left out of every collection.
    gc.freeze()
    return code


def main(argv: list[str] | None = None) -> int:
    from checker.i18n import current_language

    argv = sys.argv[1:] if argv is None else list(argv)
    # --lang speaks from the start; a command that reads the configuration then speaks its
    # `lang` unless --lang was given, until the run ends.
    with language(asked_language(argv) or current_language()):
        return _main(argv)


def _main(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if sys.stdout is None and args.command != "baseline" and not getattr(args, "output", None):
            raise InputError(gettext("standard output is closed; give -o FILE"))  # found before any work
        if args.command is None:
            if not args.show_config:
                parser.error(gettext("name a command: check, baseline, extract, rules or explain (see --help)"))
            from checker.config import load_config

            return _show_config(load_config(args.main_config))
        return COMMANDS[args.command](args)
    except InputError as exc:  # one line, whatever the message holds (a file name with a newline)
        sys.stderr.write(gettext("checker: error: {message}").format(
            message=str(exc).replace("\r", "\\r").replace("\n", "\\n")) + "\n")
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        sys.stderr.write("checker: " + gettext("interrupted") + "\n")
        return 130
    except Exception as exc:  # never a traceback for the user; CHECKER_DEBUG=1 shows it
        if os.environ.get("CHECKER_DEBUG"):
            raise
        message = " ".join(f"{type(exc).__name__}: {exc}".split())
        sys.stderr.write(gettext("checker: internal error: {message} (a bug: please report it with the command and "
                                 "its inputs; CHECKER_DEBUG=1 shows the traceback)").format(message=message) + "\n")
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(run())
