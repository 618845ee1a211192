"""Contributions to a growth rate: `GRDP tăng 7,20%; trong mức tăng chung, khu vực dịch vụ
đóng góp 3,86 điểm phần trăm; …`.  The contributions in points of the sectors of one
sentence are parts of the rate they follow; with the taxes on products among them they are
all of it, without them they only bound it.  A negative contribution (`làm giảm`, `âm`) or
no clear rate before the list leaves the sentence unread: the checker abstains."""

from __future__ import annotations

import re

from checker.records import RelationKind
from checker.resolve.clauses import SENTENCE_END_RE, sentence_start

CONTRIBUTION = "contribution"  # the measure of a sector's contribution to a growth rate
# The figure's lead: `đóng góp 3,86 điểm phần trăm`, `đóng góp khoảng 0,5 điểm %`.
LEAD_RE = re.compile(r"(?<![\w])đóng góp(?:\s+(?:khoảng|được|thêm))?\s*$", re.I)
# Said before the contributions: the rate they make up.
WHOLE_RE = re.compile(r"(?<![\w])(?:trong\s+(?:tổng\s+)?mức\s+tăng(?:\s+trưởng)?(?:\s+chung)?|"
                      r"vào\s+(?:mức\s+)?tăng\s+trưởng\s+chung|trong\s+đó)(?![\w])", re.I)
BREAKDOWN_RE = re.compile(r"(?<![\w])trong\s+đó(?![\w])", re.I)
NEGATIVE_RE = re.compile(r"(?<![\w])(?:làm\s+giảm|giảm|âm|kéo\s+giảm)(?![\w])|[-−–]\s*$", re.I)
RISE_RE = re.compile(r"(?<![\w])tăng(?:\s+(?:khoảng|đạt|ước|ở mức|được))*\s*$", re.I)
TAXES_RE = re.compile(r"(?<![\w])thuế\s+sản\s+phẩm", re.I)
POINTS = "percentage_point"


def contribution_parts(out, text: str, figs, add) -> None:
    """Mark the contributions of each sentence that lists them after a growth rate as its
    parts (`add(kind, subject, others, detail, reason)`)."""
    shares = [n for n, (i, f) in enumerate(figs) if _is_contribution(out[i], text, f)]
    done: set[int] = set()
    for n in shares:
        if n in done:
            continue
        fig = figs[n][1]
        start = sentence_start(text, fig.start)
        end = _sentence_end(text, fig.end)
        group = [k for k in shares if start <= figs[k][1].start < end]
        done.update(group)
        marker = _last_marker(text, start, fig.start)
        if len(group) < 2 or marker is None:
            continue
        points = [k for k, (i, f) in enumerate(figs) if marker <= f.start < end and out[i].unit == POINTS]
        if points != group or any(NEGATIVE_RE.search(text[max(0, figs[k][1].start - 40):figs[k][1].start])
                                  for k in group):
            continue  # a sector that pulled growth down (`làm giảm 0,5 điểm`): its sign is in the words
        total = _rate_before(out, text, figs, marker)
        if total is None:
            continue
        starts = [marker] + [figs[k][1].end for k in group]
        exhaustive = any(TAXES_RE.search(text, a, figs[k][1].start) for a, k in zip(starts, group))
        for k in group:
            j = figs[k][0]
            out[j].measure = CONTRIBUTION
            add(RelationKind.PART_OF, j, (total,), "" if exhaustive else "bound",
                f"a contribution in points to the rate `{out[total].figure.text}`")


def _is_contribution(r, text: str, fig) -> bool:
    return r.unit == POINTS and fig.kind == "statistic" and bool(LEAD_RE.search(text, max(0, fig.start - 30), fig.start))


def _sentence_end(text: str, pos: int) -> int:
    m = SENTENCE_END_RE.search(text, pos)
    return m.start() if m else len(text)


def _last_marker(text: str, start: int, end: int) -> int | None:
    """Where `trong mức tăng chung` (or `trong đó`) stands last before the first contribution:
    the rate the contributions make up is stated before it."""
    found = [m.start() for m in WHOLE_RE.finditer(text, start, end)]
    return found[-1] if found else None


def _rate_before(out, text: str, figs, marker: int) -> int | None:
    """The growth rate (`tăng 7,20%`) last before the marker, in its block; None when the
    figure last before the marker is no such rate.  Where its sentence states several rates,
    the first is the whole when `trong đó` follows it (`GRDP tăng 7,5%; trong đó khu vực A
    (cũ) tăng 7,1%, khu vực B (cũ) tăng 8,0%. Trong mức tăng chung, …`, `…, trong đó quý I
    tăng …`: the others break it down); otherwise which one the contributions make up is
    unsaid."""
    before = [(i, f) for i, f in figs if f.end <= marker]
    if not before:
        return None
    i, f = before[-1]
    if not _a_rise(out[i], text, f):
        return None
    start = sentence_start(text, f.start)
    rises = [(j, g) for j, g in before if g.start >= start and _a_rise(out[j], text, g)]
    if len(rises) == 1:
        return i
    (first, g), (_, h) = rises[0], rises[1]
    return first if BREAKDOWN_RE.search(text, g.end, h.start) else None


def _a_rise(r, text: str, f) -> bool:
    if r.unit != "percent" or f.kind != "statistic" or r.measure or (f.qualifier or "") not in ("", "estimate"):
        return False
    lead = text[max(0, f.start - 30):f.start] + re.match(r"\D*", f.text).group(0)
    return bool(RISE_RE.search(lead))

