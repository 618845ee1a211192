"""The command line's inputs: folders, globs, exclusions, standard input, and files in which
no figure was found."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from checker.cli import main

ROOT = Path(__file__).resolve().parent.parent


def cli(monkeypatch, capsys, cwd: Path, *args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    """`checker ARGS` in process, from `cwd`: exit code, standard output, standard error."""
    monkeypatch.chdir(cwd)
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """drafts/ with nested drafts and a data file, and files a walk must not take."""
    drafts = tmp_path / "drafts"
    for rel, source in [("a/sample-draft.md", "sample-draft.md"), ("b/c/tuyen-quang.md", "tuyen-quang-draft.md"),
                        ("sample-data.csv", "sample-data.csv"), ("phu-tho.txt", "phu-tho-draft.txt")]:
        (drafts / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "data" / source, drafts / rel)
    (drafts / "notes.yaml").write_text("not: a draft\n", encoding="utf-8")
    (drafts / ".hidden").mkdir()
    (drafts / ".hidden" / "old.md").write_text("# not read\n", encoding="utf-8")
    (drafts / "a" / "~$sample-draft.docx").write_bytes(b"Word's lock file")
    return tmp_path


LISTED = ["drafts/a/sample-draft.md", "drafts/b/c/tuyen-quang.md", "drafts/phu-tho.txt", "drafts/sample-data.csv"]


def test_folder_gives_the_same_findings_as_its_files_one_by_one(tree, monkeypatch, capsys):
    code, by_folder, _ = cli(monkeypatch, capsys, tree, "check", "drafts", "--format", "json")
    _, one_by_one, _ = cli(monkeypatch, capsys, tree, "check", *reversed(LISTED), "--format", "json")
    assert code == 1 and by_folder == one_by_one
    report = json.loads(by_folder)
    assert report["summary"]["files"] == sorted(LISTED)  # sorted; hidden, lock and YAML files left out
    assert {f["path"] for g in report["findings"] for f in g["figures"]} >= {"drafts/a/sample-draft.md",
                                                                            "drafts/b/c/tuyen-quang.md"}


def test_exclude_and_quoted_globs(tree, monkeypatch, capsys):
    _, excluded, _ = cli(monkeypatch, capsys, tree, "check", "drafts", "--exclude", "c,*.txt", "--format", "json")
    _, listed, _ = cli(monkeypatch, capsys, tree, "check", LISTED[0], LISTED[3], "--format", "json")
    assert excluded == listed
    _, globbed, _ = cli(monkeypatch, capsys, tree, "check", "drafts/*/*.md", "drafts/*.csv", "--format", "json")
    _, named, _ = cli(monkeypatch, capsys, tree, "check", LISTED[0], LISTED[3], "--format", "json")
    assert globbed == named
    # the configuration's exclude does the same, and a file named one by one is never left out
    (tree / "checker.toml").write_text('exclude = ["c", "*.txt"]\n', encoding="utf-8")
    _, configured, _ = cli(monkeypatch, capsys, tree, "check", "drafts", "--format", "json")
    assert configured == listed
    _, named_anyway, _ = cli(monkeypatch, capsys, tree, "check", "drafts/phu-tho.txt", "--format", "json")
    assert json.loads(named_anyway)["summary"]["files"] == ["drafts/phu-tho.txt"]


def test_stdin_with_a_name_reports_as_the_file_would(tree, monkeypatch, capsys):
    draft = (tree / LISTED[0]).read_bytes()
    _, from_file, _ = cli(monkeypatch, capsys, tree, "check", LISTED[0], LISTED[3], "--format", "json")
    code, from_stdin, err = cli(monkeypatch, capsys, tree, "check", "-", LISTED[3], "--stdin-filename", LISTED[0],
                                "--format", "json", stdin=draft)
    assert code == 1 and err == "" and from_stdin == from_file
    # unnamed, it is `-`; and its findings are the draft's
    _, unnamed, _ = cli(monkeypatch, capsys, tree, "check", "-", "--format", "json", stdin=draft)
    report = json.loads(unnamed)
    assert report["summary"]["files"] == ["-"] and report["findings"]
    assert {g["path"] for f in report["findings"] for g in f["figures"]} == {"-"}


def test_stdin_refuses_a_binary_format_and_a_clash(tree, monkeypatch, capsys):
    code, out, err = cli(monkeypatch, capsys, tree, "check", "-", "--stdin-filename", "x.docx", "--lang", "en",
                         stdin=b"PK")
    assert code == 2 and out == "" and err == ("checker: error: x.docx: standard input is read as a text or "
                                               "Markdown draft; give a .docx file by its path instead\n")
    code, _, err = cli(monkeypatch, capsys, tree, "check", "-", LISTED[0], "--stdin-filename", LISTED[0], stdin=b"")
    assert code == 2 and "vừa là tên tệp vừa là tên của đầu vào chuẩn" in err


def test_empty_file_and_file_without_figures_are_reported(tmp_path, monkeypatch, capsys):
    from tests.conftest import header

    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "words.md").write_text("Báo cáo chưa có số liệu.\n", encoding="utf-8")
    (tmp_path / "draft.md").write_text(header() + "Năm 2025 có 144/216 xã đạt chuẩn, bằng 66,7%.\n",
                                       encoding="utf-8")
    code, out, err = cli(monkeypatch, capsys, tmp_path, "check", "empty.md", "words.md", "draft.md",
                         "--format", "json", "--lang", "en")
    assert code == 0
    assert json.loads(out)["summary"]["no_figures"] == ["empty.md", "words.md"]
    assert err.splitlines() == ["checker: empty.md: an empty file; nothing in it was checked",
                                "checker: words.md: no figure found; nothing in it was checked"]
    _, text, _ = cli(monkeypatch, capsys, tmp_path, "check", "empty.md", "draft.md", "--lang", "en")
    assert "no figure found in empty.md (nothing was checked there)" in text
    _, out, err = cli(monkeypatch, capsys, tmp_path, "check", "-", "--stdin-filename", "piped.md",
                      "--format", "json", "--lang", "en", stdin=b"  \n")
    assert json.loads(out)["summary"]["no_figures"] == ["piped.md"]
    assert err == "checker: piped.md: an empty file; nothing in it was checked\n"
    # a report with figures everywhere says nothing of the kind
    _, out, err = cli(monkeypatch, capsys, tmp_path, "check", "draft.md", "--format", "json")
    assert "no_figures" not in json.loads(out)["summary"] and err == ""


def test_version_and_help(monkeypatch, capsys):
    from checker import __version__

    for flag in ("--version", "--help"):
        with pytest.raises(SystemExit) as done:
            main([flag])
        assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"checker {__version__}\n") and "--show-config" in out
    with pytest.raises(SystemExit) as done:
        main([])
    assert done.value.code == 2


def test_help_version_rules_and_explain_import_no_heavy_library():
    """Start-up stays light (benchmarks/bench_startup.py times it): none of these commands
    imports pandas, numpy, pint, the PDF or Word readers, or rich."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for args in (["--help"], ["--version"], ["rules"], ["explain", "sv01"]):
        done = subprocess.run([sys.executable, "-X", "importtime", "-m", "checker", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-500:]
        imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()
                    if line.startswith("import time")}
        heavy = imported & {"pandas", "numpy", "pint", "pdfplumber", "docx", "python_calamine", "rich", "jinja2"}
        assert not heavy, (args, sorted(heavy))
