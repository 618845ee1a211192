"""Indicator data files (CSV or XLSX): each row is one official value, and becomes a fact
in the same table as the figures of the drafts, so the same rules reconcile data with
data and drafts with data.

Schema (the first row names the columns; their order is free):

| column    | required | meaning                                                              |
|-----------|----------|----------------------------------------------------------------------|
| indicator | yes      | an indicator id of rules/indicators.yaml (`grdp_growth`)              |
| entity    | yes      | a province id of rules/entities.yaml (`bac_kan`), or a name that names one province only |
| period    | yes      | `2025` or `2021-2025`                                                 |
| role      | yes      | actual, target or baseline                                            |
| value     | yes      | the number as published: `1.845,7` (Vietnamese), `1845.7`, `≥50`, `6,5 - 7,0` |
| unit      | yes      | the unit as written (`%`, `tỷ đồng`, `triệu đồng/người`, `xã`); it must fit the indicator |
| source    | no       | where the value comes from (shown with findings)                      |
| suppress  | no       | a reason: findings on this row are suppressed and counted            |
| note      | no       | free text, not read                                                   |

A CSV file is comma-separated (a decimal comma then needs quotes: `"7,35"`), or
semicolon-separated as Excel writes it in a Vietnamese locale.  A value keeps the
precision it is written with (`7,35` stands for [7,345; 7,355]); an
XLSX number cell is read as its shortest decimal form.  `1.845` is Vietnamese for 1845
(`.` groups thousands); a dot is read as a decimal point only where it cannot group
thousands (`12.5`).

Every error names `file:row:column` (the header is row 1) and stops the run: an unknown
indicator or entity, a unit that does not fit the indicator, a key (indicator, entity,
period, role) given twice, a value that is not a number.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from checker.i18n import N_, _, whole
from checker import limits
from checker.catalog import unit_fit
from checker.figures import BOUNDS, NUMBER, format_number, parse_number, qualified_interval
from checker.interval import Interval
from checker.records import RESOLVED_FIELDS, Evidence, Fact, InputError

DATA_SUFFIXES = (".csv", ".xlsx")
REQUIRED = ("indicator", "entity", "period", "role", "value", "unit")
OPTIONAL = ("source", "suppress", "note")
ROLES = ("actual", "target", "baseline")
PERIOD_RE = re.compile(r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?")
# A value may open with a bound (`≥50`, `tối thiểu 50`): the lexer's comparators that bound.
COMPARATOR_RE = re.compile(r"^(" + "|".join(re.escape(c) for c in sorted(BOUNDS, key=len, reverse=True)) + r")\s*",
                           re.I)
DOT_DECIMAL_RE = re.compile(r"-?\d+\.\d+")


def is_data_file(path: str | Path) -> bool:
    return str(path).lower().endswith(DATA_SUFFIXES)


def spreadsheet_column(col: int) -> str:
    """The spreadsheet letter of a 1-based column (1 → A, 27 → AA)."""
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def _cells(path: Path) -> tuple[list[list[object]], set[tuple[int, int]]]:
    """The file's rows as lists of cells (strings, or numbers from XLSX number cells), read
    with pandas (python-calamine for XLSX), blank rows kept so row numbers match; and the
    (row, column) of the cells formatted as a percentage (XLSX only)."""
    import pandas as pd

    percent: set[tuple[int, int]] = set()
    if path.suffix.lower() == ".xlsx":
        from checker.docx import check_archive

        with check_archive(path, N_("an Excel workbook (.xlsx)")) as archive:  # the zip is checked once, here
            percent = _percent_cells(archive, path)
        try:
            frame = pd.read_excel(path, engine="calamine", header=None, dtype=object, keep_default_na=False,
                                  na_filter=False, nrows=limits.active().data_rows + 2)  # `n/a` is what was written
        except Exception as exc:  # calamine raises its own errors for a broken workbook
            raise InputError(_("{file}: not a readable Excel workbook ({error})").format(file=path, error=type(exc).__name__)) from None
        if len(frame) > limits.active().data_rows + 1:
            raise limits.exceeded(path, _("it has more than {count} rows").format(count=whole(limits.active().data_rows)),
                                  "data_rows")
    else:
        import io

        from checker.ingest import read_text

        text = read_text(path)
        rows = text.count("\n") + (not text.endswith("\n"))
        if rows > limits.active().data_rows + 1:  # the header is not a data row
            raise limits.exceeded(path, _("it has {count} rows").format(count=whole(rows - 1)), "data_rows")
        header = text.split("\n", 1)[0]
        sep = ";" if header.count(";") > header.count(",") else ","  # Excel in a Vietnamese locale writes `;`
        try:
            frame = pd.read_csv(io.StringIO(text), header=None, dtype=str, keep_default_na=False,
                                skip_blank_lines=False, sep=sep)
        except pd.errors.EmptyDataError:
            return [], percent
        except pd.errors.ParserError as exc:
            m = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
            if m:
                hint = _('; a decimal comma needs quotes ("7,35")') if sep == "," else ""
                raise InputError(_("{file}:{line}:1: {count} cells in this row, {above} in the rows above{hint}").format(
                    file=path, line=m.group(2), count=m.group(3), above=m.group(1), hint=hint)) from None
            raise InputError(_("{file}: not a valid CSV file ({error})").format(
                file=path, error=" ".join(str(exc).split()))) from None
    return frame.astype(object).values.tolist(), percent


SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PERCENT_FORMATS = {9, 10}  # Excel's built-in `0%` and `0.00%`


def _percent_cells(archive, path: Path) -> set[tuple[int, int]]:
    """(row, column), 1-based, of the first sheet's cells formatted as a percentage."""
    from checker.docx import parse_part

    book = parse_part(archive, "xl/workbook.xml", path)
    rels = parse_part(archive, "xl/_rels/workbook.xml.rels", path)
    styles = parse_part(archive, "xl/styles.xml", path)
    if book is None or rels is None or styles is None:
        return set()
    first = book.find(f"{SHEET_NS}sheets/{SHEET_NS}sheet")
    target = next((r.get("Target", "") for r in rels if first is not None
                   and r.get("Id") == first.get(f"{REL_NS}id")), "")
    sheet = parse_part(archive, target.lstrip("/") if target.startswith("/") else "xl/" + target, path) \
        if target else None
    if sheet is None:
        return set()
    formats = PERCENT_FORMATS | {int(n.get("numFmtId", -1)) for n in styles.iter(f"{SHEET_NS}numFmt")
                                 if "%" in n.get("formatCode", "").replace('\\%', "").replace('"%"', "")}
    xfs = styles.find(f"{SHEET_NS}cellXfs")
    percent = {i for i, xf in enumerate(xfs if xfs is not None else []) if int(xf.get("numFmtId", 0)) in formats}
    found = set()
    for c in sheet.iter(f"{SHEET_NS}c"):
        m = re.fullmatch(r"([A-Z]+)(\d+)", c.get("r", ""))
        if m and int(c.get("s", 0)) in percent:
            col = 0
            for ch in m.group(1):
                col = col * 26 + ord(ch) - 64
            found.add((int(m.group(2)), col))
    return found


def _cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return " ".join(str(value).split())


def parse_value(text: str) -> tuple[Decimal, Interval, str | None, str]:
    """The number, its interval (before scale and unit), its qualifier and its kind."""
    raw = text.strip().replace("−", "-")
    qualifier = None
    m = COMPARATOR_RE.match(raw)
    if m:
        qualifier, raw = BOUNDS[m.group(1).lower()], raw[m.end():]
    parts = re.split(r"\s*[–-]\s*(?=\d)", raw) if not raw.startswith("-") else [raw]
    if len(parts) == 2 and qualifier is None:
        lo, hi = _number(parts[0]), _number(parts[1])
        if lo > hi:
            raise ValueError(_("a range from the larger number to the smaller"))
        return lo, Interval(Interval.stated(lo).lo, Interval.stated(hi).hi), "range", "range"
    d = _number(raw)
    return d, qualified_interval(d, 1.0, qualifier), qualifier, "statistic"


def _number(text: str) -> Decimal:
    text = text.strip()
    sign = -1 if text.startswith("-") else 1
    body = text.lstrip("-").strip()
    if re.fullmatch(NUMBER, body):
        d = parse_number(body)
    elif DOT_DECIMAL_RE.fullmatch(body):
        d = Decimal(body)
    else:
        raise ValueError(_("'{text}' is not a number").format(text=text))
    return d if sign > 0 else -d


class DataReader:
    """Reads data files into fact rows, checking them against the catalogs."""

    def __init__(self, catalog):
        self.catalog = catalog
        self.units = catalog.units
        self.names: dict[str, set[str]] = {}  # a name or alias (folded) → the provinces it may name
        for entity in catalog.entities.values():
            for alias in entity.aliases:
                self.names.setdefault(alias.casefold(), set()).add(entity.id)
        self.seen: dict[tuple, str] = {}  # key → where it was first given, across files

    def read(self, path: str | Path) -> list[Fact]:
        from checker.ingest import regular_file

        path = Path(path)
        regular_file(path)  # a FIFO or device never ends
        rows, percent = _cells(path)
        while rows and not any(_cell_text(c) for c in rows[-1]):
            rows.pop()
        if not rows:
            raise InputError(_("{file}:1:1: empty data file; the first row names the columns ({columns})").format(
                file=path, columns=", ".join(REQUIRED)))
        header = [_cell_text(c).lower() for c in rows[0]]
        where_col: dict[str, int] = {}
        for i, name in enumerate(header, 1):
            if not name:
                continue
            if name not in REQUIRED + OPTIONAL:
                raise InputError(_("{at}: unknown column '{name}' (columns: {columns})").format(
                    at=self._at(path, 1, i), name=name, columns=", ".join(REQUIRED + OPTIONAL)))
            if name in where_col:
                raise InputError(_("{at}: column '{name}' given twice").format(at=self._at(path, 1, i), name=name))
            where_col[name] = i
        missing = [c for c in REQUIRED if c not in where_col]
        if missing:
            raise InputError(_("{at}: missing column(s) {columns}").format(at=self._at(path, 1, 1), columns=", ".join(missing)))
        out = []
        for number, cells in enumerate(rows[1:], 2):
            values = {name: (cells[i - 1] if i - 1 < len(cells) else None) for name, i in where_col.items()}
            if not any(_cell_text(v) for v in values.values()):
                continue  # a blank line
            out.append(self._row(path, number, values, where_col, percent))
        return out

    @staticmethod
    def _at(path: Path, row: int, col: int) -> str:
        if path.suffix.lower() == ".xlsx":
            return _("{file}:{row}:{column} (cell {cell})").format(file=path, row=row, column=col,
                                                                   cell=f"{spreadsheet_column(col)}{row}")
        return f"{path}:{row}:{col}"

    def _row(self, path: Path, number: int, values: dict, cols: dict[str, int],
             percent: set[tuple[int, int]]) -> Fact:
        def text(name: str) -> str:
            return _cell_text(values.get(name))

        def fail(name: str, message: str) -> InputError:
            return InputError(f"{self._at(path, number, cols[name])}: {message}")

        for name in REQUIRED:
            if not text(name):
                raise fail(name, _("no {column}").format(column=name))
        ind_id = text("indicator")
        indicator = self.catalog.indicators.get(ind_id)
        if indicator is None:
            raise fail("indicator", _("unknown indicator '{name}'").format(name=ind_id)
                       + _suggest(ind_id, self.catalog.indicators))
        entity = self._entity(text("entity"), lambda m: fail("entity", m))
        period = text("period")
        if not PERIOD_RE.fullmatch(period):
            raise fail("period", _("period '{period}' is not a year (2025) or a span of years (2021-2025)").format(
                period=period))
        period = re.sub(r"\s*[-–]\s*", "-", period)
        role = text("role").lower()
        if role not in ROLES:
            raise fail("role", _("role '{role}' is not one of {known}").format(role=role, known=", ".join(ROLES)))
        unit_text = text("unit")
        match = self.units.match(unit_text, 0)
        if match.unit is None or match.length < len(unit_text):
            raise fail("unit", _("unknown unit '{unit}'").format(unit=unit_text))
        fit = unit_fit(self.units, match.unit, indicator)
        if fit is None:
            raise fail("unit", _("unit '{unit}' does not fit {indicator} (kept in {kept})").format(
                unit=unit_text, indicator=ind_id, kept=indicator.unit))
        unit, factor = fit
        amount, interval, qualifier, kind, written = self._value(values.get("value"), number, cols, percent,
                                                                unit_text, fail)
        scale = match.scale * factor
        if unit in self.units.count_units and kind == "statistic" and qualifier is None and amount == int(amount):
            lo = hi = float(amount) * scale  # a whole count is exact, as in the text
            lo_open = hi_open = False
        else:
            lo, hi = interval.lo * scale, interval.hi * scale
            lo_open, hi_open = interval.lo_open, interval.hi_open
        key = (ind_id, entity, period, role)
        here = f"{path}:{number}"
        if key in self.seen:
            raise fail("value", _("{key} is given twice (first at {first})").format(
                key=f"{ind_id} · {entity} · {period} · {role}", first=self.seen[key]))
        self.seen[key] = here
        source = text("source")
        stated = {f"{name}_{part}": value for name in RESOLVED_FIELDS
                  for part, value in (("evidence", Evidence.DATA.value), ("reason", f"column {name}"))}
        return Fact(
            path=str(path), doc=0, doc_kind="data", block="data_row", line=number, column=cols["value"],
            text=written + ("" if unit_text.startswith("%") else " ") + unit_text,
            kind=kind, value=float(amount), unit=unit, unit_text=unit_text,
            lo=lo, hi=hi, lo_open=lo_open, hi_open=hi_open, qualifier=qualifier or "",
            indicator=ind_id, entity=entity, period=period, role=role,
            context=f"data row {number}" + (f" ({source})" if source else ""),
            suppress=text("suppress") if "suppress" in cols else "", **stated)

    @staticmethod
    def _value(raw, number: int, cols: dict[str, int], percent: set[tuple[int, int]], unit_text: str, fail):
        """The value cell as a number with its interval, qualifier, kind and written form."""
        written = _cell_text(raw)
        try:
            if isinstance(raw, (int, float)) and not isinstance(raw, bool) and written:
                amount = Decimal(repr(float(raw))).normalize() if isinstance(raw, float) else Decimal(raw)
                if (number, cols["value"]) in percent:  # shown as 7,35%, stored as 0.0735
                    if not unit_text.startswith("%"):
                        raise fail("value", _("the cell is formatted as a percentage but the unit is '{unit}'").format(
                            unit=unit_text))
                    amount = (amount * 100).normalize()
                if amount == amount.to_integral_value():
                    amount = amount.quantize(Decimal(1))
                return amount, Interval.stated(amount), None, "statistic", format_number(amount)
            return (*parse_value(written), written)
        except (ValueError, InvalidOperation) as exc:
            raise fail("value", _("value '{value}' is not a number ({why})").format(value=written, why=exc)) from None

    def _entity(self, written: str, fail) -> str:
        if written in self.catalog.entities:
            return written
        ids = self.names.get(written.casefold(), set())
        if len(ids) == 1:
            return next(iter(ids))
        if ids:
            raise fail(_("entity '{name}' names several provinces ({ids}); give the id").format(
                name=written, ids=", ".join(sorted(ids))))
        raise fail(_("unknown entity '{name}'").format(name=written) + _suggest(written, self.catalog.entities))


def _suggest(word: str, known) -> str:
    from rapidfuzz import process

    best = process.extractOne(word, list(known), score_cutoff=70)
    return _("; did you mean '{name}'?").format(name=best[0]) if best else ""


def read_data_files(paths: list[str], catalog) -> list[Fact]:
    reader = DataReader(catalog)
    rows: list[Fact] = []
    for p in paths:
        rows.extend(reader.read(p))
    return rows
