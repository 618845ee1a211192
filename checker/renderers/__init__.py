"""Renderers: each turns a `Report` into text (`render(report, lang=..., **options) -> str`;
`lang` is "vi" (the default) or "en", and a renderer ignores options it has no use for:
`verbose`, `statistics`, `width`); the command line picks one by name from `RENDERERS`."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import Callable, Iterator

# name → "module:function".  A renderer's module is imported when it is first used, so that
# `checker --help` lists the formats without loading what the reports need.
_RENDERERS = {
    "terminal": "checker.renderers.terminal:render",
    "concise": "checker.renderers.concise:render",
    "json": "checker.renderers.json:render",
    "markdown": "checker.renderers.markdown:render",
    "html": "checker.renderers.html:render",
    "sarif": "checker.renderers.ci:render_sarif",
    "junit": "checker.renderers.ci:render_junit",
    "codequality": "checker.renderers.ci:render_codequality",
    "github": "checker.renderers.github:render",
}


class _Registry(Mapping):
    """The renderers by name, each imported on first use."""

    def __init__(self, targets: dict[str, str]):
        self._targets = targets

    def __getitem__(self, name: str) -> Callable:
        module, _, function = self._targets[name].partition(":")
        return getattr(import_module(module), function)

    def __iter__(self) -> Iterator[str]:
        return iter(self._targets)

    def __len__(self) -> int:
        return len(self._targets)


RENDERERS: Mapping[str, Callable] = _Registry(_RENDERERS)
