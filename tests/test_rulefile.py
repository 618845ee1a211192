"""Rule files: include, validation positions, and the documentation generated from them."""

from __future__ import annotations

import enum

import pytest

from checker.i18n import language

from checker.catalog import load_catalog
from checker.kinds import KINDS
from checker.records import InputError
from checker.rulefile import load_rules

RULE = """
  - id: {id}
    name: test.{id}
    kind: same_value
    severity: warning
    message: "{{values}}"
    description: a rule
"""


def test_include_reads_the_other_file(tmp_path):
    (tmp_path / "base.yaml").write_text("rules:" + RULE.format(id="A01"), encoding="utf-8")
    (tmp_path / "main.yaml").write_text("include: [base.yaml]\nrules:" + RULE.format(id="B01"), encoding="utf-8")
    rules = load_rules([tmp_path / "main.yaml"], KINDS, load_catalog())
    assert [r.id for r in rules] == ["A01", "B01"]


def test_a_duplicate_id_across_files_is_refused(tmp_path):
    (tmp_path / "base.yaml").write_text("rules:" + RULE.format(id="A01"), encoding="utf-8")
    (tmp_path / "main.yaml").write_text("include: [base.yaml]\nrules:" + RULE.format(id="A01"), encoding="utf-8")
    with language("en"), pytest.raises(InputError, match=r"main.yaml:3:5: duplicate rule id 'A01'"):
        load_rules([tmp_path / "main.yaml"], KINDS, load_catalog())


def test_a_missing_include_names_where(tmp_path):
    (tmp_path / "main.yaml").write_text("include: [nowhere.yaml]\nrules: []\n", encoding="utf-8")
    with language("en"), pytest.raises(InputError, match=r"main.yaml:1:10: included file 'nowhere.yaml' does not exist"):
        load_rules([tmp_path / "main.yaml"], KINDS, load_catalog())


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_documents_itself(kind):
    doc = KINDS[kind].__doc__ or ""
    for part in ("What it does", "Why it matters", "Example"):
        assert part in doc, f"{kind}: no '{part}' in its docstring"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_declares_typed_frozen_parameters(kind):
    import dataclasses
    import typing

    spec = KINDS[kind].Params
    assert dataclasses.is_dataclass(spec) and spec.__dataclass_params__.frozen, kind
    for name, tp in typing.get_type_hints(spec).items():
        assert tp not in (list, dict, typing.Any), f"{kind}.{name}: an untyped parameter"
        if name == "mode":
            assert issubclass(tp, enum.Enum), f"{kind}.mode: a mode is an enum of its allowed values"


def test_a_kind_refuses_a_parameter_it_does_not_take(tmp_path):
    rule = RULE.format(id="A01").replace("same_value", "plausibility").replace("{values}", "{target}")
    (tmp_path / "main.yaml").write_text("rules:" + rule + "    params:\n      mode: strict\n", encoding="utf-8")
    with language("en"), pytest.raises(InputError, match=r"main.yaml:9:13: kind 'plausibility' has no parameter 'mode' \(it takes: document_entity, exempt\)"):
        load_rules([tmp_path / "main.yaml"], KINDS, load_catalog())
