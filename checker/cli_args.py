"""The command line's parser: its commands, flags and their help (checker/cli.py runs them)."""

from __future__ import annotations

import argparse
import sys

from checker.i18n import LANGS, _, ngettext
from checker.records import FAIL_LEVELS

EXIT_USAGE = 2  # bad input: a flag, a file or a setting (one line on stderr)


# argparse words its usage, headings and errors through gettext's `_` and `ngettext`; they
# are looked up in our catalogs, in the language spoken (tools/update_catalogs.py extracts
# argparse's own texts into them).
argparse._ = _
argparse.ngettext = ngettext


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        sys.stderr.write(_("checker: error: {message}").format(message=message) + "\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    from checker import __version__
    from checker.renderers import RENDERERS  # names only: each renderer is imported when used

    parser = Parser(prog="checker", description=_("Statistical consistency checker for draft reports."))
    parser.add_argument("--version", action="version", version=f"checker {__version__}",
                        help=_("show the version and exit"))
    parser.add_argument("--show-config", action="store_true",
                        help=_("print the settings in force and where each came from, then exit"))
    parser.add_argument("--config", dest="main_config", metavar="FILE", help=_("configuration file (for --show-config)"))
    sub = parser.add_subparsers(dest="command", parser_class=Parser)

    check = sub.add_parser("check", help=_("check drafts and data files and report every figure that disagrees "
                                         "with another"))
    _check_arguments(check)
    check.add_argument("--format", choices=list(RENDERERS), default="terminal")
    check.add_argument("--annotate", metavar="OUT.docx",
                       help=_("write a copy of the Word draft with a comment on each finding"))
    check.add_argument("--annotate-all", action="store_true",
                       help=_("with --annotate: also a short comment on each other figure of a finding"))
    check.add_argument("--annotate-summary", action="store_true",
                       help=_("with --annotate: a comment at the top counting the findings by severity and rule"))
    check.add_argument("--comment-author", metavar="NAME",
                       help=_("with --annotate: the comments' author (default: comment-author in the "
                            "configuration, else checker)"))
    check.add_argument("--output", "-o", help=_("write the report to this new file instead of standard output"))
    check.add_argument("--fail-on", choices=list(FAIL_LEVELS), default=None,
                       help=_("exit 1 when a finding is at or above this severity (default: error; "
                            "never: always exit 0)"))
    check.add_argument("--baseline", metavar="FILE",
                       help=_("report only findings not in this baseline (see `checker baseline write`)"))
    check.add_argument("--no-baseline", action="store_true", help=_("ignore the baseline set in the configuration"))
    check.add_argument("--show-config", action="store_true",
                       help=_("print the settings in force with these flags and where each came from, then exit"))
    check.add_argument("--statistics", action="store_true", help=_("add the table of every rule's outcomes"))
    check.add_argument("--verbose", "-v", action="store_true", help=_("show rule names and catalog ids beside names"))

    baseline = sub.add_parser("baseline", help=_("record the current findings as accepted, for `check --baseline`"))
    baseline_sub = baseline.add_subparsers(dest="action", required=True, parser_class=Parser)
    write = baseline_sub.add_parser("write", help=_("write the fingerprints of the current findings to FILE"))
    write.add_argument("file", metavar="FILE")
    _check_arguments(write)
    write.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))

    extract = sub.add_parser("extract", help=_("write the table of facts: one row per figure"))
    extract.add_argument("paths", nargs="+", help=_("drafts and data files, or folders of them"))
    extract.add_argument("--format", choices=["csv", "json"], default="csv")
    extract.add_argument("--catalogs", metavar="DIR", help=_("folder of catalogs, as for `check`; default: rules/"))
    extract.add_argument("--exclude", action="extend", type=_listed, default=[], metavar="GLOB",
                         help=_("leave out files a folder or glob would give (repeatable, or comma-separated)"))
    extract.add_argument("--output", "-o", help=_("write to this new file instead of standard output"))
    _parallel_arguments(extract)
    _lang_argument(extract)
    extract.add_argument("--stats", action="store_true",
                         help=_("print how many figures are statistics and how many of those are fully resolved"))
    extract.add_argument("--unresolved", action="store_true",
                         help=_("list the statistics not fully resolved, with their context and why"))

    rules = sub.add_parser("rules", help=_("list every rule: id, kind, severity in force, description"))
    _rule_arguments(rules)

    explain = sub.add_parser("explain", help=_("print a rule's documentation"))
    explain.add_argument("rule_id", help=_("a rule's id (any case) or name"))
    _rule_arguments(explain)
    return parser


def _lang_argument(parser) -> None:
    parser.add_argument("--lang", choices=list(LANGS), default=None,
                        help=_("language of the report and messages: vi (default) or en; also `lang` in the "
                               "configuration"))


def _listed(value: str) -> list[str]:
    """`SV01,PW01` → ["SV01", "PW01"] (a flag also repeats)."""
    return [v.strip() for v in value.split(",") if v.strip()]


def _rule_arguments(parser) -> None:
    """Where the rules come from and which run: shared by every command that loads them."""
    parser.add_argument("--rules", action="append", help=_("rule file (repeatable; default: rules/checks/*.yaml)"))
    parser.add_argument("--catalogs", metavar="DIR", help=_("folder of catalogs (indicators.yaml, entities.yaml, "
                                                          "cues.yaml, units.yaml, units.txt); default: rules/"))
    parser.add_argument("--config", help=_("configuration file (default: checker.toml, else [tool.checker] in "
                                         "pyproject.toml, in the current folder or the nearest above it)"))
    parser.add_argument("--select", action="extend", type=_listed, default=None, metavar="IDS",
                        help=_("run only these rules: ids or id prefixes (RT), comma-separated or repeated"))
    parser.add_argument("--ignore", action="extend", type=_listed, default=None, metavar="IDS",
                        help=_("do not run these rules: ids or id prefixes"))
    _parallel_arguments(parser)
    _lang_argument(parser)


def _check_arguments(parser) -> None:
    parser.add_argument("paths", nargs="*", help=_("drafts (.md, .txt, .docx, .pdf) and data files (.csv, .xlsx), "
                                                 "folders of them (checked recursively), globs, or - for "
                                                 "standard input"))
    _rule_arguments(parser)
    parser.add_argument("--exclude", action="extend", type=_listed, default=None, metavar="GLOB",
                        help=_("leave out files a folder or glob would give (`archive`, `*-old.md`; repeatable)"))
    parser.add_argument("--stdin-filename", metavar="NAME", help=_("the name of the draft read from - in the report"))


def _parallel_arguments(parser) -> None:
    parser.add_argument("--jobs", "-j", type=int, metavar="N",
                        help=_("processes that read the drafts, each file in one (default: one per core; 1: none)"))
    parser.add_argument("--progress", action="store_true",
                        help=_("show a progress bar over the files even when standard error is not a terminal"))
