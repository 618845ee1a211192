"""A table's rows as a tree read from its numbering column (`A`, `I`, `1`, `a`, `-`; else the
numbers opening its labels, `I. Số lượt khám`) and its
`Tổng số`/`Cộng` row: each row's parent, and whether the rows under a parent are the complete
list of its parts (`1, 2, 3` under `I`) or may be only some of them (`Trong đó: …`, unnumbered
or bulleted rows, rows that narrow the parent's name): those only bound it.  Each child cell
becomes a part of its parent's cell in the same column (a PART_OF relation, `bound` for
some); where the structure is not clear (a marker of unknown form, a row that is no part of
the whole above it, a parent with one complete child) the parent gets none."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.records import RelationKind
from checker.resolve.columns import read_columns

ROMAN_RE = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
LOWER_RE = re.compile(r"^[a-zđ]$")
UPPER_RE = re.compile(r"^[A-ZĐ]$")
ARABIC_RE = re.compile(r"^\d{1,3}$")
DOTTED_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3})+$")
BULLETS = "-–+*•"
WORD_RE = re.compile(r"[^\W\d_]{2,}")
LABEL_BULLET_RE = re.compile(r"^\s*([-–+*•])\s+")
# A number (`I.`, `2.`, `3)`) or a bullet (`- `) opening a row's label in a table with no numbering column
LABEL_MARK_RE = re.compile(r"^\s*(?:((?:[IVX]{1,4}|\d{1,2}))[.)]\s+|([-–+•])\s+)")
VALUE_COLUMNS = ("target", "actual", "value")
# An unnumbered row that totals (`Tổng …`, `Cộng …`), or states the rows it sums (`(1+2)`, `= a + b`).
SUMMARY_ROW_RE = re.compile(r"^[\W\d]*(?:tổng|cộng)(?![\w])", re.I)
FORMULA_RE = re.compile(r"\(\s*=?\s*\w{1,4}\s*\+\s*\w{1,4}|=\s*\w{1,4}\s*\+\s*\w{1,4}")


@dataclass
class _Row:
    """One table row: its marker's form, label, parent and the cells' figures by column."""

    block: object
    marker: str
    form: str | None  # the numbering's form (`roman`, `upper`, `arabic`, `dotted2`, `lower`, `-`), None if none
    label: str
    parent: "_Row | None" = None
    children: list["_Row"] = field(default_factory=list)
    partial: bool = False  # the rows under it are some of its parts (`Trong đó`)
    said: bool = False  # … because words say so (`Trong đó`, a narrowed name), not bullets alone
    unclear: bool = False  # the rows under it may not be its parts: no relation is read
    confirm: bool = False  # its rows are its parts only if most columns add up (an unnumbered table)
    cells: dict[int, list[int]] = field(default_factory=dict)  # column → positions of its statistics


def table_parts(out, catalog, cues, add) -> None:
    """Relate each child row's cells to its parent row's cells, column by column."""
    by_block: dict[int, dict[int, list[int]]] = {}
    tables: dict[tuple[int, int], object] = {}
    for i, r in enumerate(out):
        block = r.block
        if block.kind != "table_row" or block.table is None or r.figure.kind != "statistic":
            continue
        column = _cell_index(block, r.figure.start)
        if column is not None:
            by_block.setdefault(id(block), {}).setdefault(column, []).append(i)
            tables.setdefault((id(r.doc), block.table), r.doc)
    columns_seen: dict[tuple, tuple] = {}
    docs = {id(doc): doc for doc in tables.values()}
    for doc_id, doc in docs.items():
        rows_of: dict[int, list] = {}  # (one walk over the document's blocks for all its tables)
        for b in doc.blocks:
            if b.kind == "table_row" and (doc_id, b.table) in tables:
                rows_of.setdefault(b.table, []).append(b)
        for table in sorted(rows_of):
            roots = _tree(rows_of[table], by_block, catalog, cues, columns_seen)
            for parent in _walk(roots):
                _relate_rows(out, parent, add, cues.table_not_part)


def _cell_index(block, offset: int) -> int | None:
    return next((k for k, (a, b) in enumerate(block.cells) if a <= offset < b), None)


def _walk(rows):
    for row in rows:
        yield row
        yield from _walk(row.children)


def _tree(blocks, by_block, catalog, cues, columns_seen) -> list[_Row]:
    """The rows under one header read into a tree; a table without a numbering column gives
    none (its indentation, which would say what is part of what, is lost in text)."""
    if not blocks:
        return []
    header = blocks[0].header
    if header not in columns_seen:
        cols = read_columns(catalog, header)
        kinds = [c.kind for c in cols]
        columns_seen[header] = (kinds.index("number") if "number" in kinds else None,
                                kinds.index("label") if "label" in kinds else min(1, len(kinds) - 1), kinds)
    number_i, label_i, kinds = columns_seen[header]
    if number_i is None:
        marked = _marked_labels(blocks, header, by_block, label_i, kinds)
        return _nest(marked, cues, catalog) if marked else _unnumbered(blocks, header, by_block, label_i, kinds, cues)
    if label_i == number_i:
        return []
    rows = []
    for b in blocks:
        if b.header != header:
            continue
        text = [b.text[x:y] for x, y in b.cells]
        if max(number_i, label_i) >= len(text):
            continue
        marker, label = text[number_i].strip().rstrip(".)").strip(), text[label_i].strip()
        if not WORD_RE.search(label):
            continue  # `| A | B | 1 | 2 | 3=2/1 |`: the columns' numbers, not a row of the table
        form = _form(marker, rows)
        if form is None and not marker:
            bullet = LABEL_BULLET_RE.match(label)
            form = bullet.group(1).replace("–", "-") if bullet else None
        elif form is None:
            form = "?"
        rows.append(_Row(b, marker, form, label, cells=_value_cells(b, by_block, kinds, header)))
    return _nest(rows, cues, catalog)


def _value_cells(b, by_block, kinds, header) -> dict[int, list[int]]:
    # (a column headed in % is never summed, whatever its heading's words were read as)
    return {k: v for k, v in by_block.get(id(b), {}).items()
            if k < len(kinds) and kinds[k] in VALUE_COLUMNS and "%" not in header[k]}


def _unnumbered(blocks, header, by_block, label_i: int, kinds, cues) -> list[_Row]:
    """`| Tổng số | 14.880 | … |` over rows with no number and no `Trong đó`: the rows may be
    all its parts or only some (their indentation is lost in text), so they are read as its
    parts only where the columns themselves show it (see `_relate_rows`)."""
    rows = []
    for b in blocks:
        text = [b.text[x:y] for x, y in b.cells]
        if b.header != header or label_i >= len(text) or not WORD_RE.search(text[label_i]):
            return []
        rows.append(_Row(b, "", None, text[label_i].strip(), cells=_value_cells(b, by_block, kinds, header)))
    if len(rows) < 3 or not cues.table_total.match(rows[0].label) \
            or any(cues.table_total.match(r.label) or cues.table_partial.match(r.label)
                   or LABEL_BULLET_RE.match(r.label) for r in rows[1:]):
        return []
    total = rows[0]
    total.confirm = True
    for row in rows[1:]:
        _attach(row, total, partial=False)
    return [total]


def _marked_labels(blocks, header, by_block, label_i: int, kinds) -> list[_Row]:
    """`I. Số lượt khám bệnh | …` over `- Tuyến tỉnh | …`: a table with no numbering column
    whose labels open with their own numbers (Roman or Arabic, on two rows at least) is
    numbered by them; none where any label's opening is of a form not known."""
    rows: list[_Row] = []
    for b in blocks:
        text = [b.text[x:y] for x, y in b.cells]
        if b.header != header or label_i >= len(text) or not WORD_RE.search(text[label_i]):
            return []
        label = text[label_i].strip()
        found = LABEL_MARK_RE.match(label)
        marker = (found.group(1) or found.group(2)) if found else ""
        form = _form(marker, rows)
        if marker and form is None:
            return []
        rows.append(_Row(b, marker, form, label[found.end():] if found else label,
                         cells=_value_cells(b, by_block, kinds, header)))
    if sum(r.form in ("roman", "arabic") for r in rows) < 2:
        return []
    return rows


def _form(marker: str, rows: list[_Row]) -> str | None:
    """The form of a row's number: `I` after `H` is a letter, else a Roman numeral."""
    if not marker:
        return None
    if marker[0] in BULLETS and len(marker) == 1:
        return "-" if marker == "–" else marker
    if ARABIC_RE.match(marker):
        return "arabic"
    if DOTTED_RE.match(marker):
        return f"dotted{marker.count('.')}"
    if LOWER_RE.match(marker):
        return "lower"
    if ROMAN_RE.match(marker) and not _next_letter(marker, rows):
        return "roman"
    if UPPER_RE.match(marker):
        return "upper"
    return None


def _province_below(row: _Row, n: int, rows: list[_Row], catalog) -> bool:
    """`| | Thành phố Hà Nội | 3.800 |` last, unnumbered, under numbered rows of one form:
    a row naming a province alone holds the rows above it (its districts), as a `Tổng số`
    would; it is none of the last row's parts."""
    if catalog is None or n != len(rows) - 1 or not row.cells or len({r.form for r in rows[:n]}) != 1 \
            or rows[0].form in (None, "?") or n < 2:
        return False
    names = catalog.entity_matcher.find(row.label)
    return len(names) == 1 and not WORD_RE.search(row.label[:names[0].start] + row.label[names[0].end:])


def _next_letter(marker: str, rows: list[_Row]) -> bool:
    """`I` right after a row `H` (or `V` after `U`) goes on the letters."""
    last = next((r for r in reversed(rows) if r.form == "upper"), None)
    return len(marker) == 1 and last is not None and ord(last.marker) == ord(marker) - 1


def _nest(rows: list[_Row], cues, catalog=None) -> list[_Row]:
    """Give each row its parent: a form seen above closes the rows down to its level (`1`
    after `a` is a sibling of the `1` above); a new form opens a level under the row above.
    A `Tổng` row on top (or at the bottom) holds the top level; a `Trong đó` row, numbered or
    not, and the unnumbered rows under a numbered one, are some of its parts (indentation,
    which would say whether they are all of them, is lost in text)."""
    roots: list[_Row] = []
    stack: list[_Row] = []
    total: _Row | None = None
    partial_of: _Row | None = None  # the row whose `Trong đó` parts are being listed
    for n, row in enumerate(rows):
        lead = cues.table_partial.match(row.label)
        if row.form is None:
            if not row.cells and (cues.table_complete.match(row.label) or not row.label.strip()):
                continue  # `| | Chia ra: | |`: the parts follow, numbered
            if not lead and stack and FORMULA_RE.search(row.label):
                # `| | Cộng (1+2) | … |`, `| | Lương thực có hạt = 1 + 2 | … |`: the sum of the rows
                # it names, not of all the rows nor a part of the row above.
                _unclear(stack)
                stack.clear()
                partial_of = None
                continue
            if (cues.table_total.match(row.label) or _province_below(row, n, rows, catalog)) and not lead:
                if total is None and (not stack or n == len(rows) - 1):
                    total = row  # `| | Tổng số | 2.693.966 |` over (or under) the numbered rows
                    if stack:
                        for root in roots:
                            _attach(root, row, partial=False)
                        roots.clear()
                    roots.append(row)
                stack.clear()
                partial_of = None
                continue
            if not lead and stack and SUMMARY_ROW_RE.match(row.label):
                # `| | Tổng sản lượng lương thực có hạt | 574.100 |`, `| | Cộng (1+2) | … |` under
                # the numbered rows: a total of some of them, not a part of the row above.
                _unclear(stack)
                stack.clear()
                partial_of = None
                continue
            if lead and stack:
                partial_of = stack[-1]
                if not row.cells and not cues.table_partial.sub("", row.label).strip(" :.-"):
                    continue  # `| | Trong đó: | |`: the parts follow
            if partial_of is None and stack:
                partial_of = stack[-1]  # unnumbered rows under a numbered one: some of its parts
            if partial_of is not None:
                _attach(row, partial_of, partial=True)
                continue
            _unclear(stack)
            continue
        if row.form == "?":
            _unclear(stack)
            stack.clear()  # nothing below can be placed either
            continue
        partial_of = None
        forms = [s.form for s in stack]
        if row.form in forms:
            del stack[forms.index(row.form):]
        parent = stack[-1] if stack else total
        if parent is not None:
            # Bullets list what is worth naming as often as all there is; a row that repeats its
            # parent's name and narrows it (`Số xã đạt chuẩn nông thôn mới nâng cao` under `Số
            # xã đạt chuẩn nông thôn mới`) is a subset, not a component: either only bounds it.
            said = bool(lead) or _narrows(row, parent, cues) or _opens_partial(parent.label, cues)
            _attach(row, parent, partial=said or row.form in BULLETS)
            parent.said |= said
        else:
            roots.append(row)
        stack.append(row)
        if lead:
            partial_of = parent
    return roots


def _opens_partial(label: str, cues) -> bool:
    """`Chi thường xuyên, trong đó:`: the parent's own label says the rows under it are some."""
    found = list(cues.parts_bounded.finditer(label))
    return bool(found) and not label[found[-1].end():].strip(" :.-–")


def _narrows(row: _Row, parent: _Row, cues) -> bool:
    """The row's label holds its parent's whole label (past a `Tổng số`-like opening)."""
    name = " ".join(cues.table_total.sub("", parent.label).lower().split())
    return len(name) >= 6 and name in " ".join(row.label.lower().split())


def _attach(row: _Row, parent: _Row, partial: bool) -> None:
    row.parent = parent
    parent.children.append(row)
    parent.partial |= partial


def _unclear(stack: list[_Row]) -> None:
    """The row above and its parent may or may not hold the row just read."""
    for row in stack[-2:]:
        row.unclear = True


def _relate_rows(out, parent: _Row, add, not_part) -> None:
    """Each column in which the parent and every child state one figure: the children's
    cells are parts of the parent's (`bound` when they are some of its parts)."""
    # (a listed line with no amount in any column adds nothing: `| 4 | Thu viện trợ | |`)
    children = [c for c in parent.children if c.cells]
    if parent.unclear or not children or (len(children) < 2 and not parent.partial):
        return
    if any(not_part.search(c.label) for c in children):
        return  # `Chi từ nguồn bổ sung …`, `Tỷ lệ …`: a row that is no part of the whole above
    columns = [(column, cell[0]) for column, cell in sorted(parent.cells.items())
               if len(cell) == 1 and all(len(c.cells.get(column, ())) == 1 for c in children)]
    if parent.confirm and not _columns_add_up(out, parent, children, columns):
        return
    # Bulleted rows (`- Tuyến tỉnh`, `- Tuyến xã`) are all the parts where a column adds up
    # exactly; then a column that does not is a slip, not a partial list.
    bound = parent.partial and (parent.said or any(c.form is None or c.form not in BULLETS for c in children)
                                or not _columns_add_up(out, parent, children, columns))
    for column, total in columns:
        for child in children:
            add(RelationKind.PART_OF, child.cells[column][0], (total,), "bound" if bound else "",
                f"a row under `{parent.label[:40]}` in the table")


def _columns_add_up(out, parent: _Row, children: list[_Row], columns) -> bool:
    """Whether the rows under an unnumbered total are all its parts, as its columns show:
    in at least one column they add up to it exactly (within their written precision), and
    in no more columns do they miss it than they add up.  Some parts only (a `Trong đó`
    whose indentation was lost) would add up in none."""
    fits = misses = 0
    for column, total in columns:
        cells = [out[c.cells[column][0]] for c in children]
        whole = out[total]
        if any(r.unit != whole.unit or r.factor != whole.factor or r.figure.interval is None for r in cells) \
                or whole.figure.interval is None:
            return False
        summed = cells[0].figure.interval
        for r in cells[1:]:
            summed = summed + r.figure.interval
        if summed.overlaps(whole.figure.interval):
            fits += 1
        else:
            misses += 1
    return fits >= 1 and misses <= fits
