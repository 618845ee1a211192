"""The whole pipeline, one way: `check(paths, settings) -> Report`.

paths → ingest (documents of located blocks; suppression markers; the places of a Word or
PDF draft's lines) → figures → resolve → facts (checker.facts.extract) → engine (the rules)
→ suppressions and baseline (checker.gate) → a `Report` that every renderer works from.
The command line, the tests and the benchmark all call `check`; what a run depends on
besides its inputs comes in `Settings` (`load_settings`), never from a module default.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterable, Mapping

from checker.i18n import _
from checker import limits
from checker.records import (FAIL_LEVELS, STAT_KINDS, BaselineResult, Coverage, Finding, InputError, Place, Report,
                             Settings)

def load_settings(config=None, *, catalogs: str | None = None, rules: list[str] | None = None,
                  fail_on: str | None = None, baseline: str | None = None,
                  use_baseline: bool = True, jobs: int | None = None) -> Settings:
    """Settings from explicit values (command-line flags), else the configuration
    (`checker.config.Config`), else the bundled catalogs and rules; `jobs` (processes that
    read the drafts) else the cores this process may use."""
    from checker.catalog import CATALOG_FILES
    from checker.config import OFF, Config, configured

    config = config or Config()
    limits.use(config.limits)  # in force for the rule files and catalogs read here, then the inputs
    catalogs = catalogs or config.catalogs
    if catalogs:
        missing = [n for n in CATALOG_FILES if not (Path(catalogs) / n).is_file()]
        if missing:
            raise InputError(_("{file}: not a catalogs folder (missing {missing})").format(file=catalogs,
                                                                                         missing=", ".join(missing)))
    rule_files = rules or config.rules  # an explicit flag wins over the file
    for r in rule_files or []:
        if not Path(r).is_file():
            raise InputError(_("{file}: no such rule file").format(file=r))
    catalog, loaded = catalog_and_rules(catalogs, [Path(r) for r in rule_files] if rule_files else None)
    known = {r.id for r in loaded}
    for rule_id in config.severity:
        if rule_id not in known:
            raise InputError(_("{file}: [severity] names an unknown rule '{rule}'").format(file=config.path, rule=rule_id))
    fail_on = fail_on or config.fail_on or "error"
    if fail_on not in FAIL_LEVELS:
        raise InputError(_("fail-on must be one of {known}").format(known=", ".join(FAIL_LEVELS)))
    # The rules as configured: SARIF and JUnit list them with the severities in force;
    # those not selected, ignored or set off do not run (a suppression may still name them).
    running = tuple(r for r in configured(loaded, config) if r.severity != OFF)
    return Settings(catalog, running, {k: v for k, v in config.severity.items() if v != OFF}, fail_on,
                    (baseline or config.baseline) if use_baseline else None,
                    known_rules=tuple(sorted(r.id for r in loaded)),
                    jobs=job_count(jobs if jobs is not None else config.jobs))


_LOADED: dict[str, tuple] = {}  # this process's loads, by cache key


def catalog_and_rules(catalogs: str | None, rule_files: list[Path] | None) -> tuple:
    """The catalog of folder `catalogs` (by default the bundled one) and the rules of
    `rule_files` (by default the folder's checks/), checked: from the disk cache when their
    files are as they were (checker/catalog_cache.py), else loaded and cached."""
    from checker import catalog_cache
    from checker.bundled import rules_dir
    from checker.catalog import CATALOG_FILES
    from checker.engine import default_rule_files

    folder = Path(catalogs or rules_dir()).resolve()
    paths = [p.resolve() for p in rule_files] if rule_files else default_rule_files(folder)
    key = catalog_cache.entry_key([folder / n for n in CATALOG_FILES] + paths, limits.active())
    loaded = _LOADED.get(key) or catalog_cache.read(key)
    if loaded is None:
        from checker.catalog import load_catalog
        from checker.kinds import KINDS
        from checker.rulefile import load_rules

        catalog, seen = load_catalog(folder), set()
        loaded = catalog, load_rules(paths, KINDS, catalog, seen)
        catalog_cache.write(key, loaded, sorted(seen - set(paths)))
    if len(_LOADED) > 4:
        _LOADED.clear()
    _LOADED[key] = loaded
    return loaded


def job_count(jobs: int | None) -> int:
    """How many processes read the drafts: as asked (at least 1), else one per core."""
    from checker.pool import default_jobs

    if jobs is None:
        return default_jobs()
    if jobs < 1:
        raise InputError(_("jobs must be 1 or more (got {jobs})").format(jobs=jobs))
    return jobs


def check(paths: Iterable[str], settings: Settings,
          progress: Callable[[str], None] | None = None, sources: Mapping[str, str] | None = None) -> Report:
    """Check drafts and data files; `progress(path)` is called as each file is read.
    `sources` gives the text of drafts not read from disk (standard input), by name.
    Drafts are read, lexed and resolved each on its own, in `settings.jobs` processes;
    the rules then run on the facts of all of them, so the report is the same whatever
    the job count."""
    # The cycle collector is off for the whole check: nearly all a check makes lives until
    # the report is made or is freed as soon as it is dropped (reference counts), and the
    # few cycles it makes (a table's row tree) wait for the next pass after it.  Its passes
    # during a check found next to nothing: a pass over each draft's figures as their
    # reading ended (`facts.read_draft_file`), another over them and the rules' rows.
    from checker.facts import collector_paused

    with collector_paused():
        return _check(inputs_of(paths), settings, progress, sources)


def inputs_of(paths: Iterable[str]) -> tuple[str, ...]:
    """The inputs once each, sorted: the same report whatever the order given."""
    return tuple(sorted(dict.fromkeys(str(p) for p in paths)))


def _check(inputs: tuple[str, ...], settings: Settings, progress, sources) -> Report:
    from checker.datafile import is_data_file, read_data_files
    from checker.engine import run_rules
    from checker.facts import raise_first_error, read_drafts, rule_records
    from checker.gate import read_baseline, split_baselined, split_suppressed
    from checker.markers import check_marker_rules

    drafts = read_drafts([p for p in inputs if not is_data_file(p)], settings.catalog, settings.jobs, progress,
                         sources)
    # A draft that cannot be read stops the run, before a marker naming an unknown rule does.
    raise_first_error(drafts, unreadable=True)
    check_marker_rules([m for d in drafts for m in d.markers], set(settings.known_rules) or {r.id for r in settings.rules})
    raise_first_error(drafts, unreadable=False)
    data = [p for p in inputs if is_data_file(p)]
    for path in data if progress else ():
        progress(path)
    data_rows = read_data_files(data, settings.catalog)
    records, facts_table = rule_records(drafts, data_rows)
    documents = [doc for d in drafts for doc in d.documents]
    texts = {d.path: d.text for d in drafts}
    findings, outcomes = run_rules(None, list(settings.rules), settings.catalog,
                                   severity_overrides=dict(settings.severities), documents=documents,
                                   jobs=settings.jobs, records=records)
    # Only a data file's rows carry suppressions in the table: without one, it is not made.
    kept, suppressed = split_suppressed(findings, [m for d in drafts for m in d.markers],
                                        facts_table() if data_rows else ())
    baseline = None
    if settings.baseline:
        kept, known, gone = split_baselined(kept, read_baseline(settings.baseline))
        baseline = BaselineResult(settings.baseline, known, gone)
    return Report(inputs=inputs, findings=tuple(kept), suppressed=tuple(suppressed), outcomes=tuple(outcomes),
                  rules=settings.rules, coverage=_coverage(records), baseline=baseline,
                  places=_places(findings, documents), lines=_lines(findings, texts), fail_on=settings.fail_on,
                  make_facts=facts_table, documents=tuple(documents), no_figures=_no_figures(inputs, records),
                  texts=texts)


def _no_figures(inputs: tuple[str, ...], records: list) -> tuple[str, ...]:
    """The inputs in which no figure was found (an empty file among them): never a silent pass."""
    found = {r["path"] for r in records}
    return tuple(p for p in inputs if p not in found)


def _coverage(records: list) -> Coverage:
    """Figures, statistics, and statistics with every field resolved (the rules' rows: blanks are None)."""
    stats = [r for r in records if r["kind"] in STAT_KINDS]
    resolved = sum(1 for r in stats if r["indicator"] is not None and r["entity"] is not None
                   and r["period"] is not None and r["role"] is not None)
    return Coverage(len(records), len(stats), resolved)


def _places(findings: list[Finding], documents: list) -> dict[tuple[str, int, int], Place]:
    """The place of every figure a finding names: a data file's row and column, or where
    in a draft (for a Word or PDF one, in the original, as its document was read)."""
    from checker.datafile import is_data_file

    by_path = {d.path: d for d in documents}
    places = {}
    for f in findings:
        for fig in f.figures:
            key = (fig["path"], fig["line"], fig["column"])
            if key in places:
                continue
            if is_data_file(fig["path"]):
                places[key] = Place(*key, "data")
            elif fig["path"] in by_path:
                places[key] = by_path[fig["path"]].place(fig["line"], fig["column"])
            else:
                places[key] = Place(*key)
    return places


def _lines(findings: list[Finding], texts: dict[str, str]) -> dict[tuple[str, int], str]:
    """The line of every figure a finding names in a draft, as the checker read it (the
    HTML report shows each figure in its sentence).  Only those lines are cut from the
    text: a big draft is not split into all its lines again."""
    wanted: dict[str, set[int]] = {}
    for f in findings:
        for fig in f.figures:
            if fig["path"] in texts:
                wanted.setdefault(fig["path"], set()).add(fig["line"])
    found = {path: _some_lines(texts[path], numbers) for path, numbers in wanted.items()}
    lines = {}
    for f in findings:  # in the order the findings name them
        for fig in f.figures:
            path, n = fig["path"], fig["line"]
            if n in found.get(path, ()):
                lines[(path, n)] = found[path][n]
    return lines


# What str.splitlines splits at, so that line numbers are those of the reader (checker/ingest.py).
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _some_lines(text: str, numbers: set[int]) -> dict[int, str]:
    """Lines `numbers` (1-based) of `text`, as `text.splitlines()` numbers them."""
    out, start, n, last = {}, 0, 1, max(numbers)
    for brk in _LINE_BREAK.finditer(text):
        if n in numbers:
            out[n] = text[start:brk.start()]
        start, n = brk.end(), n + 1
        if n > last:
            return out
    if start < len(text) and n in numbers:
        out[n] = text[start:]
    return out
