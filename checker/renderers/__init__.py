"""Renderers: each turns a `Report` into text (`render(report) -> str`); the command line
picks one by name from `RENDERERS`."""

from __future__ import annotations

from typing import Callable

from checker.records import Report
from checker.renderers import ci, html, json, markdown, terminal

RENDERERS: dict[str, Callable[[Report], str]] = {
    "terminal": terminal.render,
    "json": json.render,
    "markdown": markdown.render,
    "html": html.render,
    "sarif": ci.render_sarif,
    "junit": ci.render_junit,
    "codequality": ci.render_codequality,
}
