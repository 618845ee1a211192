"""Every output format is byte-identical across runs, hash seeds and the order the files
are given in: each run is a separate process (its own hash seed) that renders one check of
the same drafts and data file in every format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.renderers import RENDERERS

ROOT = Path(__file__).resolve().parent.parent
FILES = ["data/sample-draft.md", "data/tuyen-quang-draft.md", "data/sample-data.csv"]
RENDER_ALL = """
import json, sys
from checker.pipeline import check, load_settings
from checker.renderers import RENDERERS
report = check(sys.argv[1:], load_settings())
print(json.dumps({name: render(report) for name, render in RENDERERS.items()}))
"""
RUNS = [("0", FILES), ("1", FILES[::-1]), ("4242", [FILES[1], FILES[2], FILES[0]])]


@pytest.fixture(scope="module")
def outputs() -> list[dict[str, str]]:
    found = []
    for seed, files in RUNS:
        proc = subprocess.run([sys.executable, "-c", RENDER_ALL, *files], cwd=ROOT, capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        found.append(json.loads(proc.stdout))
    return found


def test_every_format_is_covered(outputs):
    assert all(set(o) == set(RENDERERS) for o in outputs)


FORMATS = list(RENDERERS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_format_is_the_same_whatever_the_seed_and_the_file_order(outputs, fmt):
    first = outputs[0][fmt]
    assert first.strip()  # something was rendered
    for other in outputs[1:]:
        assert other[fmt] == first
