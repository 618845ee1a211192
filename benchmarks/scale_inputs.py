"""Distinct copies of the corpus for the scaling benchmark: each copy's figures perturbed
deterministically, so that no two copies (and no cache) share a figure's text."""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "thai-nguyen-congress-2025.txt"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def perturbed(text: str, copy: int) -> str:
    """The text with the last digit of each measured figure redrawn (copy 0 is the text
    itself).  A year or a small whole number (a list number, a day, a month) is kept, so
    that each copy still reads as a draft of the same shape: periods, sections, dates."""
    if copy == 0:
        return text
    rng = random.Random(copy)

    def redraw(m: re.Match) -> str:
        s = m.group(0)
        digits = s.replace(".", "").replace(",", "")
        if "," not in s and (len(digits) < 3 or (len(digits) == 4 and s[:2] in ("19", "20"))):
            return s
        return s[:-1] + str(rng.randrange(10))

    return NUMBER.sub(redraw, text)


def write_inputs(folder: Path, copies: int, one_file: bool, source: Path = CORPUS) -> list[Path]:
    """`copies` distinct copies of `source` in `folder`, as one file or one file each."""
    text = source.read_text(encoding="utf-8")
    versions = [perturbed(text, k) for k in range(copies)]
    folder.mkdir(parents=True, exist_ok=True)
    if one_file:
        path = folder / f"copies-{copies}.txt"
        path.write_text("\n\n".join(versions), encoding="utf-8")
        return [path]
    paths = [folder / f"copy-{k:03d}.txt" for k in range(copies)]
    for path, version in zip(paths, versions):
        path.write_text(version, encoding="utf-8")
    return paths
