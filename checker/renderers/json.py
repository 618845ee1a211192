"""The JSON report: the findings, the summary, and the suppressed findings with their reasons.
Keys and rule ids never change; `message`, `expected` and `explanation` follow the language."""

from __future__ import annotations

import json
from typing import Any

from checker.records import Report
from checker.renderers.summary import finding_dict, summary


def render(report: Report, lang: str | None = None, verbose: bool = False, **_options) -> str:
    data: dict[str, Any] = {"findings": [finding_dict(report, f, lang, verbose) for f in report.findings],
                            "summary": summary(report)}
    if report.suppressed:
        data["suppressed"] = [dict(finding_dict(report, f, lang, verbose), reason=reason)
                              for f, reason in report.suppressed]
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
