"""`--format github` (workflow annotations, parsed back as GitHub reads them) and the SARIF
rules' help."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")
LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def unescape(text: str) -> str:
    """GitHub's runner decodes these, in this order (the toolkit's escaping reversed)."""
    for code, ch in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, ch)
    return text


def parse(output: str) -> list[dict]:
    annotations = []
    for line in output.splitlines():
        m = LINE.match(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group(2).split(","))
        annotations.append({"level": m.group(1), **{k: unescape(v) for k, v in props.items()},
                            "message": unescape(m.group(3))})
    return annotations


@pytest.fixture(scope="module")
def report():
    from checker.pipeline import check, load_settings

    return check([str(ROOT / "data" / "sample-draft.md"), str(ROOT / "data" / "sample-data.csv")], load_settings())


def test_github_annotations_parse_back_to_the_findings(report, monkeypatch):
    from checker.messages import finding_message
    from checker.renderers import RENDERERS
    from checker.renderers.ci import primary

    monkeypatch.chdir(ROOT)
    annotations = parse(RENDERERS["github"](report))
    findings = json.loads(RENDERERS["json"](report))["findings"]
    assert len(annotations) == len(findings) == len(report.findings) > 3
    for note, f in zip(annotations, report.findings):
        fig = primary(f)
        assert note["level"] == LEVEL[f.severity] and note["title"] == f"{f.rule} {f.name}"
        assert note["file"] == Path(fig["path"]).relative_to(ROOT).as_posix() and int(note["line"]) == fig["line"]
        assert note.get("col") == (None if fig["path"].endswith(".csv") else str(fig["column"]))
        first, *others = note["message"].split("\n")
        assert first == finding_message(f, "vi", report)  # Vietnamese by default
        assert len(others) == len(f.figures) - 1 and all(o.startswith("- ") for o in others)


def test_github_escaping():
    from checker.renderers.github import escape_data, escape_property

    assert escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    assert unescape(escape_property("x, y: 5%\n")) == "x, y: 5%\n"


def test_github_places_a_word_or_pdf_figure_in_words(report, monkeypatch):
    """A converted draft's line numbers mean nothing on GitHub: the place goes in the message."""
    from dataclasses import replace

    from checker.records import Place
    from checker.renderers.ci import primary
    from checker.renderers.github import render

    f = report.findings[0]
    fig = primary(f)
    key = (fig["path"], fig["line"], fig["column"])
    places = {**report.places, key: Place(*key, "paragraph", paragraph=8)}
    monkeypatch.chdir(ROOT)
    (note, *_) = parse(render(replace(report, findings=(f,), places=places), lang="en"))
    assert "line" not in note and "col" not in note and note["file"] == "data/sample-draft.md"
    assert note["message"].startswith(f"{fig['text']} at {fig['path']} · ")  # the place in the editor's terms
    (note, *_) = parse(render(replace(report, findings=(f,), places=places), lang="vi"))
    assert note["message"].startswith(f"{fig['text']} tại {fig['path']} · ")


def test_sarif_rules_carry_their_documentation(report):
    from checker.renderers import RENDERERS

    rules = json.loads(RENDERERS["sarif"](report, lang="en"))["runs"][0]["tool"]["driver"]["rules"]
    assert len(rules) == len(report.rules)
    vietnamese = json.loads(RENDERERS["sarif"](report, lang="vi"))["runs"][0]["tool"]["driver"]["rules"]
    for en, vi in zip(rules, vietnamese):  # the machine keys stay; the words are the reader's
        assert en.keys() == vi.keys() and en["id"] == vi["id"] and en["name"] == vi["name"]
        assert vi["fullDescription"]["text"] != en["fullDescription"]["text"]
        assert "Quy tắc làm gì" in vi["help"]["text"] and "What it does" not in vi["help"]["text"]
    for rule, sarif in zip(report.rules, rules):
        assert sarif["shortDescription"]["text"] and sarif["fullDescription"]["text"]
        help_text = sarif["help"]["text"]
        assert help_text.startswith(f"{rule.id} {rule.name} ({rule.kind}, {rule.severity})")
        assert " ".join(rule.description.split())[:60] in " ".join(help_text.split())
        assert f"Kind `{rule.kind}`" in help_text and "What it does" in help_text
        assert sarif.get("helpUri") == (rule.link or None)


def test_github_annotation_of_a_rule_that_failed_to_run_has_no_file(report):
    from dataclasses import replace

    from checker.records import Finding
    from checker.renderers.github import render

    broken = Finding("ZZ01", "error", "rule ZZ01 failed to run: 50%, then: more", [], name="x.y")
    (note,) = parse(render(replace(report, findings=(broken,))))
    assert note == {"level": "error", "title": "ZZ01 x.y", "message": "rule ZZ01 failed to run: 50%, then: more"}
