"""A rule's documentation, as `checker explain` prints it and SARIF's `help` carries it."""

from __future__ import annotations

import inspect
import textwrap

from checker.i18n import N_, _, current_language, translated

# A rule's severity as a reader sees it (`off`: the configuration turns the rule off).
SEVERITY = {"error": N_("error"), "warning": N_("warning"), "info": N_("info"), "off": N_("off")}


def described(rule) -> str:
    """The rule's description in the language spoken: the catalogs' text for a bundled
    rule (keyed by the description with its spaces and line breaks made single spaces),
    else the description as written (a user's rule file may be in any language)."""
    text = (rule.description or rule.name).strip()
    key = " ".join(text.split())
    found = translated(key, current_language())
    return found if found and found != key else text


def severity_word(severity: str) -> str:
    return _(SEVERITY.get(severity, severity))


def kind_documentation(doc: str) -> str:
    """A kind's docstring in the language spoken, paragraph by paragraph (the catalogs key
    each paragraph with its spaces made single; tools/update_catalogs.py extracts them)."""
    lang = current_language()
    out = []
    for paragraph in inspect.cleandoc(doc or "").split("\n\n"):
        key = " ".join(paragraph.split())
        found = translated(key, lang) if key else None
        out.append(textwrap.fill(found, 88) if found and found != key else paragraph)
    return "\n\n".join(out)


def documentation(rule, kind_doc: str = "") -> str:
    """The rule's description, parameters, link, its kind's docstring and its examples."""
    from checker.kinds.params import shown_params

    lines = [f"{rule.id} {rule.name} ({rule.kind}, {severity_word(rule.severity)})", "", described(rule), ""]
    if shown_params(rule.params):
        lines += [_("Parameters: {params}").format(params=shown_params(rule.params)), ""]
    if rule.link:
        lines += [_("More: {link}").format(link=rule.link), ""]
    lines.append(_("Kind `{kind}`:").format(kind=rule.kind))
    lines.append(kind_documentation(kind_doc))
    for example in rule.examples:
        for key, value in example.items():
            lines.append(f"{key}: {value}")
    return "\n".join(lines) + "\n"
