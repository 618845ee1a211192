"""The resolver over a set of documents: each block to its reader, then the relations."""

from __future__ import annotations

import weakref

from checker.catalog import Catalog
from checker.figures import Lexer
from checker.records import STAT_KINDS, Block, Document, Resolution
from checker.resolve.cues import Cues
from checker.resolve.entities import own_province
from checker.resolve.passage import read_passage
from checker.resolve.prose import read_prose
from checker.resolve.relations import relate
from checker.resolve.resolved import Resolved
from checker.resolve.tables import TableReader

SKIPPED_BLOCKS = ("heading", "table_header", "contents_row")

_KEPT: dict[int, tuple[Lexer, Cues]] = {}  # by the id of a catalog still alive


def kept_for(catalog: Catalog) -> tuple[Lexer, Cues]:
    """The lexer of a catalog's units and place names and the patterns of its cues, made
    once for the catalog's life: their memos of what a text holds (figures, list openings)
    then serve every run on that catalog, as its phrase matchers' memos do."""
    kept = _KEPT.get(id(catalog))
    if kept is None:
        lexer = Lexer(catalog.units, place_names=set(catalog.entity_matcher.keys))
        kept = _KEPT[id(catalog)] = (lexer, Cues.from_catalog(catalog.cues))
        weakref.finalize(catalog, _KEPT.pop, id(catalog), None)  # (an id is reused once its object is gone)
    return kept


def footnote_anchors(doc: Document) -> dict[int, tuple[Block, int]]:
    """Each footnote number with the body block and offset of its (first) marker."""
    anchors: dict[int, tuple[Block, int]] = {}
    for block in doc.blocks:
        for number, offset in block.markers:
            anchors.setdefault(number, (block, offset))
    return anchors


class Resolver:
    """Reads what each figure of a document measures; the catalog (with its units) and
    the lexer are given, never loaded here."""

    def __init__(self, catalog: Catalog, lexer: Lexer | None = None):
        self.catalog = catalog
        kept_lexer, self.cues = kept_for(catalog)
        self.lexer = lexer or kept_lexer
        self.units = catalog.units
        self.tables = TableReader(catalog, self.lexer, self.cues)

    def resolve(self, docs: list[Document]) -> list[Resolved]:
        """The figures of the documents of one file, each with what it measures (relations
        between figures are added by `resolve_documents`)."""
        out: list[Resolved] = []
        for doc in docs:
            if doc.kind == "front_matter":
                continue
            own = own_province(self.catalog, doc, docs)
            anchors = footnote_anchors(doc)
            groups: dict[int, Resolution] = {}  # table → the province its group row names
            for block in doc.blocks:
                if block.kind in SKIPPED_BLOCKS:
                    continue
                if block.kind == "table_row":
                    out.extend(self.tables.read_row(doc, block, own, groups))
                else:
                    anchor = anchors.get(block.footnote) if block.kind == "footnote" else None
                    out.extend(self._prose(doc, block, own, anchor))
        return out

    def _prose(self, doc: Document, block: Block, own: str | None, anchor) -> list[Resolved]:
        results = self._read(doc, block, own, anchor, tolerant=False)
        matchers = (self.catalog.indicator_matcher, self.catalog.entity_matcher)
        if any(r.indicator is None or r.entity is None for r in results) and any(
                m.lost_marks(block.text) for m in matchers):
            # Try again reading names that lost their diacritics in extraction.
            results = self._read(doc, block, own, anchor, tolerant=True)
        return results

    def _read(self, doc, block, own, anchor, tolerant: bool) -> list[Resolved]:
        if not any(f.kind in STAT_KINDS for f in self.lexer.scan(block.text)):
            # A block without a statistic resolves nothing (most paragraphs of a report): its
            # names, periods and cue words are not looked for (the lexer answers a block with no
            # digit at once, and keeps what it read by text: `read_passage` takes these figures
            # from its memo).
            return []
        passage = read_passage(self.catalog, self.cues, self.lexer, doc, block, own, anchor, tolerant)
        return read_prose(passage, self.units.count_units)


def resolve_documents(docs: list[Document], catalog: Catalog, lexer: Lexer | None = None) -> list[Resolved]:
    """Every figure of every document, resolved, then related to the others: the documents
    of each file are resolved together (they share the report's province)."""
    resolver = Resolver(catalog, lexer)
    by_path: dict[str, list[Document]] = {}
    for d in docs:
        by_path.setdefault(d.path, []).append(d)
    resolved = [r for group in by_path.values() for r in resolver.resolve(group)]
    return relate(resolved, catalog, resolver.cues)
