"""What a CI gate needs beyond the findings: stable fingerprints, suppressions where the
figure is, and a baseline of accepted findings.

- A fingerprint is built from the rule and, for each figure, its indicator, province,
  period, role and text as written: never from line numbers, so an edit elsewhere in the
  document leaves it unchanged.
- A suppression is a marker in a Markdown or text draft (read at ingest:
  checker/markers.py), or a data file's `suppress` column, which holds the reason
  (`SV01: why` for one rule).
- A baseline file lists the fingerprints of accepted findings; a check against it reports
  only the others, and says how many baselined findings went away.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

from checker.i18n import _
from checker.markers import Suppression
from checker.records import Finding, InputError

BASELINE_VERSION = 1


def fingerprint(finding: Finding | dict) -> str:
    """A finding's identity across runs: rule and what its figures say, not where they are."""
    f = finding if isinstance(finding, dict) else finding.as_dict()
    figures = sorted([g.get("indicator") or "", g.get("entity") or "", g.get("period") or "",
                      g.get("role") or "", g.get("text") or ""] for g in f["figures"])
    basis = [f["rule"], figures] if figures else [f["rule"], f["message"]]
    return hashlib.sha256(json.dumps(basis, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]


def data_suppression(reason: str) -> tuple[tuple[str, ...], str]:
    """A data file's `suppress` cell: `why` (every rule) or `SV01, PW01: why`."""
    m = re.fullmatch(r"\s*((?:[A-Za-z]{2}\d{2})(?:\s*,\s*[A-Za-z]{2}\d{2})*)\s*:\s*(.*\S)\s*", reason)
    if m:
        return tuple(sorted(r.strip().upper() for r in m.group(1).split(","))), m.group(2)
    return ("all",), reason.strip()


def split_suppressed(findings: list[Finding], suppressions: list[Suppression], facts
                     ) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    """The findings still reported, and the suppressed ones with their reasons."""
    by_line: dict[tuple[str, int], list[Suppression]] = {}
    for s in suppressions:
        by_line.setdefault((s.path, s.line), []).append(s)
    if len(facts) and "suppress" in facts.columns:
        rows = facts[(facts["block"] == "data_row") & (facts["suppress"].fillna("") != "")]
        for _, r in rows.iterrows():
            rules, reason = data_suppression(str(r["suppress"]))
            by_line.setdefault((r["path"], int(r["line"])), []).append(
                Suppression(r["path"], int(r["line"]), rules, reason, int(r["line"])))
    kept, suppressed = [], []
    for f in findings:
        reason = next((s.reason for g in f.figures for s in by_line.get((g.get("path"), g.get("line")), [])
                       if s.covers(f.rule) and s.spans(g.get("column") or 0, len(g.get("text") or ""))), None)
        if reason is None:
            kept.append(f)
        else:
            suppressed.append((f, reason))
    return kept, suppressed


# --- baseline ---------------------------------------------------------------------------

def write_baseline(path: str, findings: list[Finding], force: bool = False, inputs: tuple[str, ...] = ()) -> int:
    from checker.safe_io import output_target, write_output

    if Path(path).exists() and not force:
        raise InputError(_("{file}: already exists; pass --force to replace the baseline").format(file=path))
    target = output_target(path, inputs, what="baseline")
    entries = sorted(({"fingerprint": fingerprint(f), "rule": f.rule, "message": f.message} for f in findings),
                     key=lambda e: (e["fingerprint"], e["message"]))
    write_output(target, json.dumps({"checker-baseline": BASELINE_VERSION, "findings": entries},
                                    ensure_ascii=False, indent=2) + "\n")
    return len(entries)


def read_baseline(path: str) -> Counter:
    p = Path(path)
    if not p.exists():
        raise InputError(_("{file}: no such baseline (write one with `checker baseline write {file} FILES`)").format(
            file=path))
    try:
        text = p.read_text(encoding="utf-8")
        _check_depth(path, text)
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(_("{at}: not a baseline file (bad JSON: {problem})").format(
            at=f"{path}:{exc.lineno}:{exc.colno}", problem=exc.msg)) from None
    except UnicodeDecodeError:
        raise InputError(_("{file}:1:1: not a baseline file (not UTF-8 text)").format(file=path)) from None
    if not isinstance(data, dict) or data.get("checker-baseline") != BASELINE_VERSION \
            or not isinstance(data.get("findings"), list):
        raise InputError(_("{file}:1:1: not a checker baseline (version {version})").format(file=path,
                                                                                    version=BASELINE_VERSION))
    try:
        return Counter(str(e["fingerprint"]) for e in data["findings"])
    except (TypeError, KeyError):
        raise InputError(_("{file}: a baseline entry has no fingerprint").format(file=path)) from None


def _check_depth(path: str, text: str) -> None:
    """Refuse JSON nested past the limit before parsing it (the parser recurses)."""
    from itertools import accumulate

    from checker import limits

    bare = re.sub(r'"(?:[^"\\]|\\.)*"', "", text)  # brackets inside strings do not nest
    steps = (1 if ch in "[{" else -1 for ch in bare if ch in "[]{}")
    depth = max(accumulate(steps, initial=0))
    if depth > limits.active().json_depth:
        raise limits.exceeded(path, _("its JSON is nested {depth} deep").format(depth=depth), "json_depth")


def split_baselined(findings: list[Finding], baseline: Counter) -> tuple[list[Finding], int, int]:
    """The findings not in the baseline, how many were in it, and how many baselined
    findings are gone (fixed since)."""
    left = Counter(baseline)
    new, known = [], 0
    for f in findings:
        fp = fingerprint(f)
        if left[fp] > 0:
            left[fp] -= 1
            known += 1
        else:
            new.append(f)
    return new, known, sum(left.values())
