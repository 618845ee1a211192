"""Word comments both ways: `--annotate` writes one comment per finding on its suspect
figure (a summary and pointers on request), and an editor's `checker-ignore` comment in
Word suppresses the finding it is anchored on, as the Markdown marker does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.i18n import gettext
from tests.docx_build import markdown_to_docx
from tests.test_cli import ROOT, run as run_cli
from tests.test_docx import _anchored_texts


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory) -> Path:
    md = (ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8")
    return markdown_to_docx(md, tmp_path_factory.mktemp("annotate") / "sample-draft.docx")


def _json(*args: str) -> dict:
    proc = run_cli("check", "--format", "json", "--fail-on", "never", *args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _annotated(sample: Path, out: Path, *flags: str, cwd: Path | None = None):
    import docx

    proc = run_cli("check", str(sample), "--annotate", str(out), "--fail-on", "never", *flags,
                   **({"cwd": cwd} if cwd else {}))
    assert proc.returncode == 0, proc.stderr
    return docx.Document(str(out))


def _main(finding: dict) -> dict:
    """The figure a finding's comment is anchored on: its suspect, else its first."""
    return finding["figures"][finding["suspect"] if finding["suspect"] is not None else 0]


def test_one_comment_per_finding_anchored_on_its_suspect_figure(sample_docx, tmp_path):
    findings = _json(str(sample_docx))["findings"]
    out = tmp_path / "annotated.docx"
    comments = list(_annotated(sample_docx, out).comments)
    assert len(comments) == len(findings) > 5
    anchored = _anchored_texts(out)
    assert sorted(anchored.values()) == sorted(_main(f)["text"] for f in findings)
    by_id = {str(c.comment_id): c for c in comments}
    for f in findings:  # each comment is the one of a finding, on that finding's main figure
        mine = [cid for cid, c in by_id.items() if c.text.startswith(f"{f['rule']} ") and f["message"] in c.text]
        assert len(mine) == 1 and anchored[mine[0]] == _main(f)["text"], f["message"]
        others = [g["text"] for g in f["figures"] if g is not _main(f)]
        assert all(t in by_id[mine[0]].text for t in others)  # the other figures named with their places
    assert {c.author for c in comments} == {"checker"}
    with_suspect = [f for f in findings if f["suspect"] is not None]
    assert with_suspect and len(with_suspect) < len(findings)  # both cases are exercised
    suspect = gettext("{message}; suspect: {figure}", "vi").split("{message}")[1].split("{")[0]
    assert suspect != "; suspect: "  # the comments are in Vietnamese
    named = [f for f in with_suspect if len(f["figures"]) > 1]  # a lone figure needs no naming
    assert named and sum(suspect in c.text for c in comments) == len(named)


def test_summary_and_pointer_comments_only_when_asked(sample_docx, tmp_path):
    findings = _json(str(sample_docx))["findings"]
    comments = list(_annotated(sample_docx, tmp_path / "all.docx", "--annotate-summary", "--annotate-all").comments)
    pointers = sum(len(f["figures"]) - 1 for f in findings)
    assert len(comments) == 1 + len(findings) + pointers
    summary = [c for c in comments if c.text.startswith("checker:")]
    assert len(summary) == 1
    assert gettext("{count} finding(s)", "vi").format(count=len(findings)) in summary[0].text
    errors = sum(f["severity"] == "error" for f in findings)
    assert f"{errors} {gettext('errors', 'vi')}" in summary[0].text
    for rule in {f["rule"] for f in findings}:
        count = sum(f["rule"] == rule for f in findings)
        assert any(line.startswith(f"{rule} ") and line.endswith(f": {count}") for line in summary[0].text.splitlines())
    anchored = _anchored_texts(tmp_path / "all.docx")
    summary_anchor = anchored[str(summary[0].comment_id)]
    assert summary_anchor and summary_anchor in (ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8")
    pointer = gettext("{rule}: see the comment on {figure} ({place})", "vi").split("{figure}")[0].split("}")[-1]
    assert sum(pointer in c.text for c in comments) == pointers


def test_comment_author_from_flag_or_configuration(sample_docx, tmp_path):
    comments = _annotated(sample_docx, tmp_path / "a.docx", "--comment-author", "Phòng Tổng hợp").comments
    assert {c.author for c in comments} == {"Phòng Tổng hợp"} and {c.initials for c in comments} == {"PTH"}
    (tmp_path / "checker.toml").write_text('comment-author = "Văn phòng"\n', encoding="utf-8")
    comments = _annotated(sample_docx.resolve(), tmp_path / "b.docx", cwd=tmp_path).comments
    assert {c.author for c in comments} == {"Văn phòng"}


def _with_comment(sample: Path, out: Path, finding: dict, text: str) -> Path:
    """The sample with an editor's comment on the paragraph of the finding's main figure."""
    import docx

    from checker.docx import read_docx

    origin = read_docx(sample).origins[_main(finding)["line"] - 1]
    assert origin.kind == "paragraph"
    document = docx.Document(str(sample))
    paragraph = document.paragraphs[origin.index - 1]
    assert _main(finding)["text"] in paragraph.text
    document.add_comment(paragraph.runs, text, author="Biên tập viên")
    document.save(str(out))
    return out


def test_checker_ignore_comment_in_word_suppresses_its_finding(sample_docx, tmp_path):
    before = _json(str(sample_docx))
    target = next(f for f in before["findings"] if _main(f)["where"].startswith("paragraph"))
    edited = _with_comment(sample_docx, tmp_path / "edited.docx", target,
                           f"checker-ignore {target['rule']}: số liệu đã được Cục Thống kê xác nhận")
    after = _json(str(edited))
    assert after["summary"]["suppressed"] == 1
    assert after["suppressed"][0]["rule"] == target["rule"]
    assert after["suppressed"][0]["reason"] == "số liệu đã được Cục Thống kê xác nhận"
    assert len(after["findings"]) == len(before["findings"]) - 1

    plain = _with_comment(sample_docx, tmp_path / "plain.docx", target, "Kiểm tra lại số liệu này")
    assert _json(str(plain))["summary"]["suppressed"] == 0  # an ordinary comment suppresses nothing
    other_rule = "SV01" if target["rule"] != "SV01" else "PW01"
    other = _with_comment(sample_docx, tmp_path / "other.docx", target, f"checker-ignore {other_rule}: khác")
    assert _json(str(other))["summary"]["suppressed"] == 0  # only the rule it names


def test_checker_ignore_comment_without_a_reason_is_an_error(sample_docx, tmp_path):
    target = next(f for f in _json(str(sample_docx))["findings"] if _main(f)["where"].startswith("paragraph"))
    bad = _with_comment(sample_docx, tmp_path / "bad.docx", target, f"checker-ignore {target['rule']}")
    proc = run_cli("check", str(bad), "--lang", "en")
    assert proc.returncode == 2
    assert "needs a reason" in proc.stderr and "bad.docx" in proc.stderr and len(proc.stderr.splitlines()) == 1
    assert "comment on paragraph" in proc.stderr and f": checker-ignore {target['rule']}: why" in proc.stderr
    vi = run_cli("check", str(bad))
    assert "phải nêu lý do" in vi.stderr and "nhận xét tại đoạn" in vi.stderr and len(vi.stderr.splitlines()) == 1


def test_checker_ignore_comment_in_a_footnote(sample_docx, tmp_path):
    """A comment on a figure in a footnote: Word keeps its range in the footnotes part."""
    import zipfile

    from lxml import etree

    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    before = _json(str(sample_docx))
    target = next(f for f in before["findings"] if any(g["where"].startswith("footnote") for g in f["figures"]))
    annotated = tmp_path / "annotated.docx"
    _annotated(sample_docx, annotated, "--annotate-all")  # a comment on every figure, footnotes too
    with zipfile.ZipFile(annotated) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    in_note = {c.get(W + "id") for c in etree.fromstring(parts["word/footnotes.xml"]).iter(W + "commentRangeStart")}
    comments = etree.fromstring(parts["word/comments.xml"])
    for c in comments.iter(W + "comment"):
        texts = list(c.iter(W + "t"))
        if c.get(W + "id") in in_note and texts[0].text.startswith(target["rule"]):
            texts[0].text = f"checker-ignore {target['rule']}: chú thích đã được kiểm tra"
            for t in texts[1:]:
                t.text = ""
    parts["word/comments.xml"] = etree.tostring(comments, xml_declaration=True, encoding="UTF-8", standalone=True)
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(edited, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    after = _json(str(edited))
    suppressed = [(s["rule"], s["reason"]) for s in after["suppressed"]]
    assert suppressed == [(target["rule"], "chú thích đã được kiểm tra")]
    assert len(after["findings"]) == len(before["findings"]) - 1


def _comment_on_figure(sample: Path, out: Path, figure: dict, text: str) -> Path:
    """The sample with an editor's comment whose range is exactly the figure as written
    (its run split around it), as Word stores a comment on a selected number."""
    import copy
    import zipfile

    from lxml import etree

    from checker.docx import read_docx

    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    origin = read_docx(sample).origins[figure["line"] - 1]
    with zipfile.ZipFile(sample) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    document = etree.fromstring(parts["word/document.xml"])
    body = document.find(W + "body")
    if origin.kind == "paragraph":
        block = body.findall(W + "p")[origin.index - 1]
    else:
        block = list(body.findall(W + "tbl")[origin.index - 1].iter(W + "tr"))[origin.row - 1]
    t = next(t for t in block.iter(W + "t") if figure["text"] in (t.text or ""))
    before, after = t.text.split(figure["text"], 1)
    r = t.getparent()
    pieces = []
    for piece in (before, figure["text"], after):
        new = copy.deepcopy(r)
        new.find(W + "t").text = piece
        new.find(W + "t").set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        pieces.append(new)
    start, end = etree.Element(W + "commentRangeStart"), etree.Element(W + "commentRangeEnd")
    start.set(W + "id", "7")
    end.set(W + "id", "7")
    reference = etree.fromstring(f'<w:r xmlns:w="{W[1:-1]}"><w:commentReference w:id="7"/></w:r>')
    parent, at = r.getparent(), r.getparent().index(r)
    parent.remove(r)
    for offset, node in enumerate([pieces[0], start, pieces[1], end, reference, pieces[2]]):
        parent.insert(at + offset, node)
    parts["word/document.xml"] = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["word/comments.xml"] = (f'<w:comments xmlns:w="{W[1:-1]}"><w:comment w:id="7" w:author="Biên tập viên">'
                                  f'<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:comment></w:comments>').encode()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out


def _figure_of(findings: list[dict], rule: str, where: str) -> dict:
    return next(g for f in findings if f["rule"] == rule for g in f["figures"] if g["where"].startswith(where))


@pytest.mark.parametrize("rule, where, kept", [
    # paragraph 15 holds the 75% of a BT01 finding and the 71% of a TP01 finding
    ("BT01", "paragraph 15", {"TP01"}),
    ("TP01", "paragraph 15", {"BT01"}),
    # table 1, row 10: the 5 of ST01 in cell 1, 75% (VD01) in cell 3, 72,9% (BT01 and VD01) in cell 4
    ("ST01", "table 1, row 10", {"BT01", "VD01"}),
    ("BT01", "table 1, row 10", {"ST01"}),
])
def test_checker_ignore_comment_covers_only_the_figure_it_is_on(sample_docx, tmp_path, rule, where, kept):
    """`checker-ignore all` on one figure: the findings on that figure are suppressed, those
    on the other figures of the same paragraph or table row are still reported."""
    before = _json(str(sample_docx))["findings"]
    figure = _figure_of(before, rule, where)
    on_it = {f["rule"] for f in before if any(g["line"] == figure["line"] and g["column"] == figure["column"]
                                               for g in f["figures"])}
    same_block = {f["rule"] for f in before if any(g["line"] == figure["line"] for g in f["figures"])}
    assert rule in on_it and same_block - on_it == kept  # the block holds findings on other figures
    edited = _comment_on_figure(sample_docx, tmp_path / "edited.docx", figure, "checker-ignore all: đã đối chiếu")
    after = _json(str(edited))
    assert sorted(s["rule"] for s in after["suppressed"]) == sorted(
        f["rule"] for f in before if f["rule"] in on_it and any(g["line"] == figure["line"] for g in f["figures"]))
    still = {f["rule"] for f in after["findings"] if any(g["line"] == figure["line"] for g in f["figures"])}
    assert still == kept
