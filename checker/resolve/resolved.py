"""The resolver's record of one figure: what it measures, where each field was read, and
the relations the text states between it and other figures."""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.records import (
    RESOLVED_FIELDS,
    UNRESOLVED,
    Block,
    Document,
    Evidence,
    Figure,
    Relation,
    Resolution,
)


def _unresolved() -> dict[str, Resolution]:
    return {name: UNRESOLVED for name in RESOLVED_FIELDS}


@dataclass
class Resolved:
    """One figure with what it measures; becomes one row of the facts table.  The four
    resolved fields (indicator, entity, period, role) are read through `fields`, each a
    Resolution with its evidence, and set only through `settle`."""

    figure: Figure
    block: Block
    doc: Document
    fields: dict[str, Resolution] = field(default_factory=_unresolved)
    scope: str = ""
    measure: str = ""
    stage: str = ""  # outturn, estimate or plan, as the words before the figure name it (stages.py)
    head: str = ""  # the fallback key of a figure no catalog indicator names
    unit: str | None = None
    factor: float = 1.0
    offset: float = 0.0  # added after scaling: an index cell (`109,4`) read as its growth (`9,4%`)
    sentence: int = 0
    column_role: str | None = None
    row_label: str | None = None
    notes: list[str] = field(default_factory=list)
    anchor: tuple[int, int] | None = None
    anchor_block: Block | None = None
    anchor_offset: int | None = None
    anchor_sentence_several: bool = False
    relations: list[Relation] = field(default_factory=list)
    # The figure a percentage is a share of (`chiếm 92%`, `đạt 100% kế hoạch`), as read in
    # its sentence; `relate` turns it into a SHARE_OF relation.
    share_of: Resolved | None = None

    @property
    def indicator(self) -> str | None:
        return self.fields["indicator"].value

    @property
    def entity(self) -> str | None:
        return self.fields["entity"].value

    @property
    def period(self) -> str | None:
        return self.fields["period"].value

    @property
    def role(self) -> str | None:
        return self.fields["role"].value

    def settle(self, name: str, resolution: Resolution | None) -> None:
        """Set a field; a blank value always has evidence `none`."""
        if resolution is None:
            resolution = UNRESOLVED
        elif resolution.value is None and resolution.evidence is not Evidence.NONE:
            resolution = Resolution(None, Evidence.NONE, resolution.reason)
        self.fields[name] = resolution
