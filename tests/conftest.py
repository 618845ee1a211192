"""Shared test helpers: run the pipeline on a text, find the real corpus."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "thai-nguyen-congress-2025.txt"

HEADER = """TỈNH ỦY {upper}

ĐẢNG CỘNG SẢN VIỆT NAM

{name}, ngày 10 tháng 9 năm 2025

BÁO CÁO THỬ NGHIỆM

"""


def header(province: str = "Thái Nguyên") -> str:
    return HEADER.format(upper=province.upper(), name=province)


def scan(text: str):
    """Every figure the lexer finds in `text`, with the bundled units."""
    from checker.catalog import load_catalog
    from checker.figures import Lexer

    return Lexer(load_catalog().units).scan(text)


def run_text(tmp_path: Path, text: str, name: str = "draft.md"):
    """Facts and findings for a draft written to a temporary file (the findings before
    suppression, as the rules give them)."""
    report = check_files([tmp_path / name], text)
    return report.facts, every_finding(report), list(report.outcomes)


def alarms(findings, rule=None) -> list:
    """The errors and warnings among `findings` (of `rule` only, if given)."""
    return [f for f in findings if f.severity in ("error", "warning") and (rule is None or f.rule == rule)]


def figure_texts(finding) -> list[str]:
    """The texts of a finding's figures, sorted."""
    return sorted(fig["text"] for fig in finding.figures)


def rules_and_texts(findings) -> list[tuple[str, list[str]]]:
    """Each finding as its rule and the texts of its figures: what a draft's test compares."""
    return [(f.rule, figure_texts(f)) for f in findings]


def fact_row(facts, text: str):
    """The first fact written as `text`; there must be one."""
    rows = facts[facts["text"] == text]
    assert len(rows) >= 1, list(facts["text"])
    return rows.iloc[0]


def check_files(paths, text: str | None = None):
    """The report of `checker check` with the bundled settings (`text` written to the one
    path first)."""
    from checker.pipeline import check, load_settings

    if text is not None:
        Path(paths[0]).write_text(text, encoding="utf-8")
    return check([str(p) for p in paths], load_settings())


def every_finding(report) -> list:
    """The findings reported and the suppressed ones, in the engine's order."""
    from checker.engine import SEVERITY_ORDER

    found = list(report.findings) + [f for f, _ in report.suppressed]
    return sorted(found, key=lambda f: (SEVERITY_ORDER[f.severity], *f.sort_key()))


@pytest.fixture(scope="session", autouse=True)
def _own_cache_dir(tmp_path_factory):
    """The loaded-catalog cache of this test session (children inherit it): never the user's."""
    import os

    os.environ["CHECKER_CACHE_DIR"] = str(tmp_path_factory.mktemp("checker-cache"))


@pytest.fixture(scope="session")
def corpus_path() -> Path:
    if not CORPUS.exists():
        pytest.skip("the shared corpus is not beside this checkout")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_run(corpus_path):
    report = check_files([corpus_path])
    return report.facts, list(report.documents), every_finding(report), list(report.outcomes)


# --- the language of error lines ---------------------------------------------------------

@functools.lru_cache(maxsize=None)
def english_fragments() -> frozenset[str]:
    """The English words of every catalog message that Vietnamese words differently: the
    pieces between its fields, long enough to be a phrase (a file name is not one)."""
    from checker import i18n

    vi = i18n.catalog("vi")._catalog
    vi_texts = " ".join(t for t in vi.values() if isinstance(t, str))
    found = set()
    for key, text in vi.items():
        msgid = key if isinstance(key, str) else key[0]
        if not msgid or text == msgid:
            continue
        for piece in re.split(r"\{[^{}]*\}|%\(\w+\)[sr]|%[sr]", msgid):
            piece = piece.strip(" :;,.()'\"\n")
            if len(piece) >= 10 and " " in piece and piece not in vi_texts:
                found.add(piece)
    return frozenset(found)


def assert_vietnamese_error(vi: str, en: str) -> None:
    """`vi`, the error line of a run in the default language, is the Vietnamese of `en`
    (that of the same run with --lang en): one line, worded differently (a message left
    out of the catalogs reads the same in both), and no English phrase of the catalogs."""
    assert vi != en, f"untranslated: {vi}"
    assert vi.startswith("checker: lỗi: ") and vi.rstrip("\n").count("\n") == 0, vi
    leaked = sorted(f for f in english_fragments() if f in vi)
    assert not leaked, (leaked, vi)
