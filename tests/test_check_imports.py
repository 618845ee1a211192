"""A check of text drafts reports from the facts' rows: it imports no pandas or numpy,
while the facts table is still made wherever it is asked for."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "tests" / "drafts" / "an-giang-2025-tham-tra.md"


def _run(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), CHECKER_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "checker", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time")}
    return done, imported


def test_check_of_a_text_draft_imports_no_pandas(tmp_path):
    done, imported = _run(tmp_path, "check", str(DRAFT), "--format", "json")
    assert done.returncode in (0, 1), done.stderr[-500:]
    assert json.loads(done.stdout)["findings"] is not None
    assert not imported & {"pandas", "numpy"}, sorted(imported & {"pandas", "numpy"})


def test_extract_still_makes_the_table(tmp_path):
    done, imported = _run(tmp_path, "extract", str(DRAFT), "--format", "csv")
    assert done.returncode == 0, done.stderr[-500:]
    header = done.stdout.splitlines()[0].split(",")
    assert header[:3] == ["id", "path", "doc"] and "pandas" in imported


def test_report_facts_is_the_table_of_the_rules_rows():
    from checker.pipeline import check, load_settings

    report = check([str(DRAFT)], load_settings())
    table = report.facts
    assert len(table) == report.coverage.figures > 0
    assert list(table["id"]) == list(range(len(table)))
