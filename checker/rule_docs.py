"""A rule's documentation, as `checker explain` prints it and SARIF's `help` carries it."""

from __future__ import annotations

import inspect


def documentation(rule, kind_doc: str = "") -> str:
    """The rule's description, parameters, link, its kind's docstring and its examples."""
    from checker.kinds.params import shown_params

    lines = [f"{rule.id} {rule.name} ({rule.kind}, {rule.severity})", "", rule.description, ""]
    if shown_params(rule.params):
        lines += ["Parameters: " + shown_params(rule.params), ""]
    if rule.link:
        lines += [f"More: {rule.link}", ""]
    lines.append(f"Kind `{rule.kind}`:")
    lines.append(inspect.cleandoc(kind_doc or ""))
    for example in rule.examples:
        for key, value in example.items():
            lines.append(f"{key}: {value}")
    return "\n".join(lines) + "\n"
