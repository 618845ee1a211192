"""The hostile-input suite: every case of tests/bad_inputs/cases.py gives its exact exit
code and one-line error, leaves every file it was given unchanged, writes nothing but what
was asked, and stays under the time and memory bounds."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.bad_inputs.cases import CASES, ROOT
from tests.conftest import assert_vietnamese_error

PEAK_BYTES = 1 << 30  # the bound: no input takes more than 1 GiB
SECONDS = 120  # far above what any case needs on a loaded machine; 30 s on a quiet one


def _run(args: list[str], cwd: Path) -> tuple[int, str, int]:
    """Exit code, stderr and peak resident memory (bytes) of one `checker` run."""
    out, err = cwd / ".stdout", cwd / ".stderr"
    with out.open("wb") as o, err.open("wb") as e:
        proc = subprocess.Popen([sys.executable, "-m", "checker", *args], cwd=ROOT, stdout=o, stderr=e,
                                stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONHASHSEED": "0"})
        timer = threading.Timer(SECONDS, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
    text = err.read_text(encoding="utf-8")
    out.unlink()
    err.unlink()
    return proc.returncode, text, usage.ru_maxrss * 1024


def _snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under the folder: a file's hash, a link's target."""
    found: dict[str, bytes | str] = {}
    for p in sorted(folder.rglob("*")):
        if p.is_symlink():
            found[str(p)] = "-> " + os.readlink(p)
        elif p.is_file():
            found[str(p)] = hashlib.sha256(p.read_bytes()).digest()
    return found


PARAMS = [pytest.param(name, marks=[pytest.mark.slow] if case.slow else [], id=name) for name, case in CASES.items()]


@pytest.mark.parametrize("name", PARAMS)
def test_bad_input(name, tmp_path):
    case = CASES[name]
    if case.root_skips and os.geteuid() == 0:
        pytest.skip("root may write into a read-only folder")
    folder = tmp_path / "case"
    folder.mkdir()
    args = case.build(folder)
    before = _snapshot(folder)
    code, err, peak = _run([*args, "--lang", "en"], tmp_path)  # the pinned lines are the English ones
    codes = case.code if isinstance(case.code, tuple) else (case.code,)
    assert code in codes, err
    assert "Traceback" not in err and "internal error" not in err, err
    if case.error is not None:
        assert err.rstrip("\n") == case.error.format(dir=folder), err
        code_vi, err_vi, _ = _run(args, tmp_path)  # the default language: the same error, in Vietnamese
        assert code_vi == code
        assert_vietnamese_error(err_vi, err)
    assert peak < PEAK_BYTES, f"peak memory {peak >> 20} MiB"
    after = _snapshot(folder)
    assert {k: v for k, v in after.items() if k in before} == before  # nothing given was changed
    created = set(after) - set(before)
    asked = {a for a in args if a.endswith((".json", ".txt", ".docx")) and a not in before}
    assert created <= asked, created - asked  # nothing written but what was asked
    assert not (folder.parent / "escaped.txt").exists()  # an archive's path never leads out


def test_the_number_of_320_digits_gives_valid_json(tmp_path):
    import json

    folder = tmp_path / "case"
    folder.mkdir()
    args = CASES["number-of-320-digits"].build(folder)
    proc = subprocess.run([sys.executable, "-m", "checker", *args], cwd=ROOT, capture_output=True, text=True)
    json.loads(proc.stdout, parse_constant=lambda c: pytest.fail(f"{c} is not JSON"))


def test_windows_1258_is_recognised_whatever_the_length():
    from checker.text_encoding import decode_draft
    from tests.bad_inputs.cases import VIETNAMESE, cp1258

    for times in (1, 10, 3000):  # 3.000 sentences: about 400 KB, the size of the corpus's drafts
        assert decode_draft(cp1258(VIETNAMESE * times), "w.txt") == VIETNAMESE * times


def test_the_whole_corpus_in_windows_1258_is_read():
    from checker.text_encoding import decode_draft
    from tests.bad_inputs.cases import cp1258
    from tests.conftest import CORPUS

    if not CORPUS.exists():
        pytest.skip("the corpus is not on this machine")
    text = "".join(ch for ch in CORPUS.read_text(encoding="utf-8") if _in_cp1258(ch))
    assert len(text) > 100_000 and sum(ch in "ôơưđ" for ch in text) > 1000
    assert decode_draft(cp1258(text), CORPUS.name) == text


def _in_cp1258(ch: str) -> bool:
    from tests.bad_inputs.cases import cp1258

    try:
        cp1258(ch)
        return True
    except UnicodeEncodeError:
        return False


def test_standard_output_closed_is_one_line_error():
    def run(lang: str) -> subprocess.CompletedProcess:
        return subprocess.run(f"{sys.executable} -m checker check data/sample-draft.md {lang} >&-", shell=True,
                              cwd=ROOT, capture_output=False, stderr=subprocess.PIPE, text=True)

    proc = run("--lang en")
    assert proc.returncode == 2
    assert proc.stderr == "checker: error: standard output is closed; give -o FILE\n"
    assert run("").stderr == "checker: lỗi: đầu ra chuẩn đã đóng; hãy dùng -o TỆP\n"


def test_an_internal_error_exits_3_with_a_hint_to_report(monkeypatch, capsys):
    from checker import cli

    def broken(args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setitem(cli.COMMANDS, "rules", broken)
    monkeypatch.delenv("CHECKER_DEBUG", raising=False)
    assert cli.main(["rules", "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("checker: internal error: ZeroDivisionError: a bug (a bug: please report it")
    assert err.count("\n") == 1
    assert cli.main(["rules"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("checker: lỗi nội bộ: ZeroDivisionError: a bug (đây là lỗi của chương trình")


def test_the_readme_lists_every_limit_with_its_default():
    import re
    import tomllib

    from checker.limits import Limits, from_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(\[limits\]\n.*?)```", readme, re.S).group(1)
    assert from_table(tomllib.loads(block)["limits"], "README.md") == Limits()
    assert set(tomllib.loads(block)["limits"]) == {Limits.setting(n) for n in Limits.__dataclass_fields__}


def test_parts_that_overflow_their_sum_give_valid_json(tmp_path):
    """Two parts of 308 digits each sum past the largest float: the finding is still made,
    and its imbalance (no size) is left out rather than written as `-Infinity`."""
    import json

    big = "9" * 308
    draft = tmp_path / "draft.md"
    draft.write_text(f"# BÁO CÁO TỈNH THÁI NGUYÊN\n\nTổng vốn đầu tư đạt 5 đồng năm 2025, gồm: vốn ngân sách "
                     f"{big} đồng, vốn doanh nghiệp {big} đồng.\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--format", "json", "--fail-on", "never",
                           str(draft)], cwd=ROOT, capture_output=True, text=True)
    data = json.loads(proc.stdout, parse_constant=lambda c: pytest.fail(f"{c} is not JSON"))
    assert [f["imbalance"] for f in data["findings"]] == [None]
