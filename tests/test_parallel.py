"""Several files read in worker processes: the report is the one a serial run gives, byte
for byte, and each file's facts are numbered as if the files were read together."""

from __future__ import annotations


import pandas as pd
import pytest

from checker.i18n import language

from tests.conftest import ROOT
from tests.test_cli import run as run_cli

INPUTS = sorted(str(p) for p in (ROOT / "data").iterdir() if p.suffix in (".md", ".txt", ".csv"))


@pytest.fixture(scope="module")
def settings():
    from checker.pipeline import load_settings

    return load_settings()


@pytest.mark.parametrize("fmt", ["json", "markdown", "sarif"])
def test_parallel_report_is_the_serial_one(settings, fmt):
    from dataclasses import replace

    from checker.pipeline import check
    from checker.renderers import RENDERERS

    serial = check(INPUTS, replace(settings, jobs=1))
    parallel = check(INPUTS, replace(settings, jobs=2))
    assert serial.findings and len({f["path"] for x in serial.findings for f in x.figures}) > 1
    assert RENDERERS[fmt](parallel) == RENDERERS[fmt](serial)
    pd.testing.assert_frame_equal(parallel.facts, serial.facts)


def test_each_file_is_numbered_after_the_files_before(settings):
    """A file's facts read with others are its facts read alone, their ids and the ids its
    relations name moved on by the rows of the files before it."""
    from checker.facts import ROW_REFERENCES, extract

    first, second = str(ROOT / "data" / "hai-phong-draft.txt"), str(ROOT / "data" / "sample-draft.md")
    together, _ = extract([second, first], settings.catalog, jobs=2)
    alone, _ = extract([second], settings.catalog, jobs=1)
    offset = int((together["path"] == first).sum())
    assert offset and alone[list(ROW_REFERENCES)].notna().any().any()  # relations to renumber
    moved = alone.copy()
    for col in ["id", *ROW_REFERENCES]:
        moved[col] = moved[col] + offset
    tail = together[together["path"] == second].reset_index(drop=True)
    pd.testing.assert_frame_equal(tail, moved.astype(tail.dtypes), check_dtype=False)


def test_jobs_flag_gives_the_same_output_on_the_command_line():
    serial = run_cli("check", *INPUTS, "--format", "json", "--fail-on", "never", "--jobs", "1")
    parallel = run_cli("check", *INPUTS, "--format", "json", "--fail-on", "never", "--jobs", "2")
    assert serial.returncode == parallel.returncode == 0, serial.stderr + parallel.stderr
    assert parallel.stdout == serial.stdout and serial.stdout.count('"rule"') > 1


def test_an_unreadable_draft_among_several_stops_the_run_with_its_error(tmp_path):
    bad = tmp_path / "broken.md"
    bad.write_bytes(b"T\xe1\xbb\x89nh \xff\xfe\n")
    proc = run_cli("check", *INPUTS, str(bad), "--jobs", "2", "--lang", "en")
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [f"checker: error: {bad}:1:6: not UTF-8 text (byte 0xff)"], proc.stderr
    proc = run_cli("check", *INPUTS, str(bad), "--jobs", "2")  # the workers speak the language asked for
    assert proc.stderr.strip().splitlines() == [f"checker: lỗi: {bad}:1:6: không phải văn bản UTF-8 (byte 0xff)"]


@pytest.mark.parametrize("jobs", [0, -1])
def test_jobs_must_be_one_or_more(jobs):
    proc = run_cli("check", INPUTS[0], "--jobs", str(jobs))
    assert proc.returncode == 2 and "jobs phải từ 1 trở lên" in proc.stderr and "Traceback" not in proc.stderr


def test_jobs_from_the_configuration(tmp_path):
    from checker.config import load_config
    from checker.pipeline import load_settings
    from checker.records import InputError

    (tmp_path / "checker.toml").write_text("jobs = 3\n", encoding="utf-8")
    assert load_settings(load_config(folder=tmp_path)).jobs == 3
    assert load_settings(load_config(folder=tmp_path), jobs=1).jobs == 1  # the flag wins
    (tmp_path / "checker.toml").write_text('jobs = "two"\n', encoding="utf-8")
    with language("en"), pytest.raises(InputError, match="jobs is a whole number"):
        load_config(folder=tmp_path)


def test_progress_is_shown_when_asked(tmp_path):
    proc = run_cli("check", *INPUTS, "--format", "json", "--fail-on", "never", "--progress")
    assert proc.returncode == 0 and "đang đọc" in proc.stderr
    quiet = run_cli("check", *INPUTS, "--format", "json", "--fail-on", "never")
    assert "reading" not in quiet.stderr and quiet.stdout == proc.stdout


def _pid_after(item, shared):
    import os
    import time

    time.sleep(0.05)  # long enough for the worker to start and take the front items
    return item * shared, os.getpid()


def test_this_process_and_a_worker_share_the_items_and_the_results_keep_their_order():
    """With 2 jobs one worker is forked and this process is the other: it takes items
    from the back while the worker takes them from the front."""
    import os

    from checker.pool import map_in_order

    out = list(map_in_order(_pid_after, range(20), 3, 2))
    assert [value for value, _ in out] == [3 * i for i in range(20)]
    pids = [pid for _, pid in out]
    assert pids[-1] == os.getpid() and pids[0] != os.getpid()
    assert pids == sorted(pids, key=lambda p: p == os.getpid())  # the worker's a prefix, ours the rest


def test_rules_shared_with_a_worker_give_the_serial_outcomes(settings, monkeypatch):
    """A big table's rules run in two processes, each rule whole: the same findings and
    per-rule outcomes as one process (the size limit is lifted to try it on the samples)."""
    from checker import engine, pool
    from checker.facts import extract

    facts, documents = extract(INPUTS, settings.catalog)
    serial = engine.run_rules(facts, list(settings.rules), settings.catalog, documents=documents, jobs=1)
    monkeypatch.setattr(engine, "PARALLEL_RULES_FACTS", 0)
    calls = []
    original = pool.map_in_order

    def spy(work, items, shared, jobs):
        calls.append(jobs)
        return original(work, items, shared, jobs)

    monkeypatch.setattr(pool, "map_in_order", spy)
    parallel = engine.run_rules(facts, list(settings.rules), settings.catalog, documents=documents, jobs=2)
    assert calls == [2]  # the rules went through the pool with two jobs
    assert serial[0] and [f.as_dict() for f in parallel[0]] == [f.as_dict() for f in serial[0]]

    def outcomes(found):
        return [(o.as_dict(), [f.as_dict() for f in o.findings]) for o in found[1]]

    assert outcomes(parallel) == outcomes(serial)


def _fail_at_front(item, shared):
    if item == 0:
        raise ValueError(f"item {item} is bad")
    return item


def test_an_error_in_a_worker_is_raised_here_and_no_worker_or_file_is_left(monkeypatch, tmp_path):
    """A worker's error reaches the caller at its item's turn, as a serial run raises it;
    the workers are reaped and the folder their results went through is removed."""
    import os
    import tempfile

    import pytest

    from checker.pool import map_in_order

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(os.path, "isdir", lambda p, isdir=os.path.isdir: p != "/dev/shm" and isdir(p))
    with pytest.raises(ValueError, match="item 0 is bad"):
        list(map_in_order(_fail_at_front, range(6), None, 2))
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child of this process left to reap
    assert list(map_in_order(_pid_after, range(4), 2, 2))[3][0] == 6
    assert list(tmp_path.iterdir()) == []


def _worker_dies(item, parent):
    import os
    import time

    if os.getpid() != parent:
        os._exit(3)  # a worker killed before it hands back its item
    time.sleep(0.05)
    return item


def test_a_worker_that_dies_stops_the_run_with_an_error_not_a_hang():
    import os

    import pytest

    from checker.pool import map_in_order

    with pytest.raises(RuntimeError, match="worker process stopped"):
        list(map_in_order(_worker_dies, range(6), os.getpid(), 2))


def test_two_workers_and_this_process_take_each_item_once_in_order():
    """With 3 jobs, two workers claim the front items under one lock: every item is worked
    once, and the results come back in the items' order."""
    import os

    from checker.pool import map_in_order

    out = list(map_in_order(_pid_after, range(30), 1, 3))
    assert [value for value, _ in out] == list(range(30))
    pids = {pid for _, pid in out}
    assert os.getpid() in pids and len(pids) == 3


def test_one_draft_needs_none_of_what_forking_needs(tmp_path):
    # A one-draft check never forks; the workers' imports (tempfile, shutil, mmap ...) were
    # a fixed cost of every such run.  The second run finds the catalogs in the cache.
    import os
    import subprocess
    import sys

    code = ("import sys\nfrom checker.pipeline import check, load_settings\n"
            f"check([{str(ROOT / 'data' / 'sample-draft.md')!r}], load_settings(jobs=2))\n"
            "print(sorted({'checker.workers', 'tempfile', 'mmap'} & set(sys.modules)))")
    env = {**os.environ, "CHECKER_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
            for _ in range(3)]
    assert runs[-1].stdout.strip() == "[]"
