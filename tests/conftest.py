"""Shared test helpers: run the pipeline on a text, find the real corpus."""

from __future__ import annotations

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
    """Facts and findings for a draft written to a temporary file."""
    from checker.catalog import load_catalog
    from checker.engine import load_default_rules, run_rules
    from checker.facts import extract

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    catalog = load_catalog()
    facts, docs = extract([str(path)], catalog)
    findings, outcomes = run_rules(facts, load_default_rules(catalog), catalog, documents=docs)
    return facts, findings, outcomes


@pytest.fixture(scope="session")
def corpus_path() -> Path:
    if not CORPUS.exists():
        pytest.skip("the shared corpus is not beside this checkout")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_run(corpus_path):
    from checker.catalog import load_catalog
    from checker.engine import load_default_rules, run_rules
    from checker.facts import extract

    catalog = load_catalog()
    facts, docs = extract([str(corpus_path)], catalog)
    findings, outcomes = run_rules(facts, load_default_rules(catalog), catalog, documents=docs)
    return facts, docs, findings, outcomes
