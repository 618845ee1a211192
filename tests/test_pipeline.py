"""The one entry point: the command line, the test helpers and the benchmark all go through
`checker.pipeline.check`; the report it returns is all a renderer needs; places are the
figure's own."""

from __future__ import annotations

import dataclasses
import importlib.util
import os
from pathlib import Path

import pytest

from tests.conftest import ROOT, header
from tests.docx_build import markdown_to_docx

DRAFT = header() + ("Năm 2025, tỷ lệ che phủ rừng của tỉnh đạt 61,6%.\n\n"
                     "Tỷ lệ che phủ rừng của tỉnh năm 2025 đạt 66,1%.\n")


@pytest.fixture
def calls(monkeypatch):
    """Every call of `checker.pipeline.check`, which still runs."""
    import checker.pipeline

    real, seen = checker.pipeline.check, []

    def spy(paths, settings, **kwargs):
        seen.append([str(p) for p in paths])
        return real(paths, settings, **kwargs)

    monkeypatch.setattr(checker.pipeline, "check", spy)
    return seen


def test_the_command_line_checks_through_check(tmp_path, calls, capsys):
    from checker.cli import main

    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    assert main(["check", "--format", "json", str(draft)]) == 1
    assert main(["baseline", "write", str(tmp_path / "base.json"), str(draft)]) == 0
    assert calls == [[str(draft)], [str(draft)]]
    assert '"rule": "SV01"' in capsys.readouterr().out


def test_the_test_helpers_check_through_check(tmp_path, calls):
    from tests.conftest import run_text

    _, findings, _ = run_text(tmp_path, DRAFT)
    assert [f.rule for f in findings] == ["SV01"]
    assert calls == [[str(tmp_path / "draft.md")]]


def test_the_benchmark_checks_through_check(tmp_path, calls, monkeypatch):
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "bench_corpus.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    monkeypatch.setattr(bench, "CORPUS", draft)
    times, findings, _ = bench.in_process(2)
    assert len(times) == 2 and findings == 1
    assert calls and all(c == [str(draft)] for c in calls)


def test_the_report_is_frozen_and_renders_without_the_inputs(tmp_path):
    """Every format renders from the report alone: the draft may be gone by then."""
    from checker.pipeline import check, load_settings
    from checker.renderers import RENDERERS

    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, encoding="utf-8")
    settings = load_settings()
    report = check([str(draft)], settings)
    expected = {name: render(report) for name, render in RENDERERS.items()}
    draft.unlink()
    for name, render in RENDERERS.items():
        assert render(report) == expected[name], name
    assert "tỷ lệ che phủ rừng của tỉnh đạt" in expected["html"]  # the figure's sentence, from the report
    for record in (report, settings, next(iter(report.places.values()))):
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.inputs = ()


@pytest.fixture(scope="module")
def two_word_drafts(tmp_path_factory) -> tuple[Path, Path]:
    """The sample as Word, and again with two more paragraphs before it: every body
    figure stands two paragraphs further down in the second."""
    md = (ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8")
    folder = tmp_path_factory.mktemp("word")
    first = markdown_to_docx(md, folder / "first.docx")
    title, rest = md.split("\n\n", 1)
    second = markdown_to_docx(f"{title}\n\nMột đoạn mở đầu.\n\nMột đoạn nữa.\n\n{rest}", folder / "second.docx")
    return first, second


def _paragraph_places(report) -> dict[tuple[str, str], int]:
    return {(fig["text"], str(report.place(fig).offset)): report.place(fig).paragraph
            for f in report.findings for fig in f.figures if report.place(fig).kind == "paragraph"}


def test_two_word_drafts_in_one_process_each_keep_their_own_places(two_word_drafts):
    import checker.places
    from checker.pipeline import check, load_settings

    settings = load_settings()
    first, second = (check([str(p)], settings) for p in two_word_drafts)
    again = check([str(two_word_drafts[0])], settings)  # converted once, from the cache
    assert not hasattr(checker.places, "PLACES")
    ones, twos = _paragraph_places(first), _paragraph_places(second)
    assert len(ones) >= 5 and ones.keys() == twos.keys()
    assert all(twos[k] == ones[k] + 2 for k in ones)
    assert _paragraph_places(again) == ones


def test_a_word_draft_named_with_a_dot_folder_keeps_its_places(two_word_drafts, monkeypatch):
    """`checker check ./draft.docx`: the places were looked up under the path as given,
    but recorded under its normalised form, so they were lost."""
    from checker.pipeline import check, load_settings

    monkeypatch.chdir(two_word_drafts[0].parent)
    plain = check([two_word_drafts[0].name], load_settings())
    dotted = check([os.path.join(".", two_word_drafts[0].name)], load_settings())
    assert _paragraph_places(dotted) == _paragraph_places(plain) != {}


def test_the_terminal_report_takes_a_width(tmp_path):
    from checker.renderers import terminal
    from tests.conftest import check_files

    report = check_files([tmp_path / "draft.md"], DRAFT)
    narrow, wide = terminal.render(report, width=72), terminal.render(report)
    assert max(map(len, narrow.splitlines())) <= 72 < max(map(len, wide.splitlines()))  # a pipe: never hard-wrapped
    assert "\x1b[" not in wide and "\x1b[" in terminal.render(report, color_system="standard")
