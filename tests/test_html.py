"""The HTML report: self-contained, escaped, strict CSP, the same bytes on every run, a
document view linked to the findings, and usable in a real browser."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import header
from tests.test_cli import ROOT, run as run_cli

HOSTILE = header() + """Năm 2025, tỷ lệ che phủ rừng của tỉnh đạt 61,6% <script>window.pwned=1</script>.

Tỷ lệ che phủ rừng của tỉnh năm 2025 đạt 66,1% <img src=x onerror="window.pwned=2">.
"""


def _html(tmp_path: Path, draft: Path) -> str:
    out = tmp_path / "report.html"
    proc = run_cli("check", str(draft), "--format", "html", "-o", str(out), "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    return out.read_text(encoding="utf-8")


def test_page_is_self_contained_with_a_strict_policy(tmp_path):
    html = _html(tmp_path, ROOT / "data" / "sample-draft.md")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "unsafe-inline" not in html
    for fetch in ("http://", "https://", "src=\""):
        assert fetch not in html
    assert re.findall(r'href="([^#])', html) == []  # links only within the page
    report = json.loads(run_cli("check", "--format", "json", "data/sample-draft.md").stdout)
    assert html.count("<article") == len(report["findings"]) > 0
    for f in report["findings"]:
        assert f'data-rule="{f["rule"]}"' in html


def test_draft_text_is_escaped(tmp_path):
    draft = tmp_path / "hostile.md"
    draft.write_text(HOSTILE, encoding="utf-8")
    html = _html(tmp_path, draft)
    assert "<article" in html  # 61,6% against 66,1%: a finding with both sentences shown
    assert "<script>window.pwned" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html


def test_every_report_format_is_byte_identical_from_run_to_run():
    """The HTML page once showed a method's memory address in every row of its rules table."""
    paths = ["data/sample-draft.md", "data/sample-data.csv", "data/tuyen-quang-draft.md"]
    outputs: dict[str, set[bytes]] = {}
    for seed, order in (("1", paths), ("4242", paths[::-1])):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
        for fmt in ("html", "markdown", "junit", "codequality"):
            proc = subprocess.run([sys.executable, "-m", "checker", "check", "--format", fmt, "--fail-on", "never",
                                   *order], cwd=ROOT, capture_output=True, env=env)
            assert proc.returncode == 0, proc.stderr
            outputs.setdefault(fmt, set()).add(proc.stdout)
    assert all(len(v) == 1 for v in outputs.values()), [k for k, v in outputs.items() if len(v) > 1]
    html = outputs["html"].pop().decode("utf-8")
    assert " at 0x" not in html and "built-in method" not in html


def _articles(html: str) -> list[str]:
    return re.findall(r"<article .*?</article>", html, re.S)


def test_document_view_links_each_flagged_figure_to_its_findings_and_back(tmp_path):
    html = _html(tmp_path, ROOT / "data" / "sample-draft.md")
    report = json.loads(run_cli("check", "--format", "json", "data/sample-draft.md").stdout)
    figures = {(g["line"], g["column"]): g["text"] for f in report["findings"] for g in f["figures"]}
    view = html[html.index('<section id="documents">'):]
    marks = re.findall(r'<a class="fig[^"]*" id="(fig-1-(\d+)-(\d+))" href="#(finding-\d+)" '
                       r'data-related="([^"]*)">([^<]*)</a>', view)
    # every flagged figure highlighted once, with its text, where it stands in the draft
    assert sorted((int(line), int(col)) for _, line, col, *_ in marks) == sorted(figures)
    assert all(text == figures[(int(line), int(col))].replace("<", "&lt;") for _, line, col, _, _, text in marks)
    ids = {m[0] for m in marks}
    article_ids = set(re.findall(r'<article [^>]*id="(finding-\d+)"', html))
    assert len(article_ids) == len(report["findings"])
    assert {m[3] for m in marks} <= article_ids  # each figure links to a finding …
    for article in _articles(html):  # … and each finding to its figures, in the view
        links = set(re.findall(r'class="figure-link" href="#([^"]+)"', article))
        assert links and links <= ids
        main = re.search(r'class="to-figure" href="#([^"]+)"', article).group(1)
        assert main in links
    related = {m[0]: set(m[4].split()) for m in marks}
    for f in report["findings"]:  # the figures of a finding are linked to each other
        mine = {f"fig-1-{g['line']}-{g['column']}" for g in f["figures"]}
        for x in mine:
            assert mine - {x} <= related[x]
    lines = (ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8").splitlines()
    shown = re.findall(r'<p class="line[^"]*" data-line="(\d+)">', view)
    assert [int(n) for n in shown] == [n for n, text in enumerate(lines, 1) if text.strip()]  # the whole text


def test_each_sentence_quoted_once_per_finding_with_heading_paths(tmp_path):
    html = _html(tmp_path, ROOT / "data" / "sample-draft.md")
    report = json.loads(run_cli("check", "--format", "json", "data/sample-draft.md").stdout)
    fewer = 0
    assert len(_articles(html)) == len(report["findings"])
    for article in _articles(html):
        quotes = re.findall(r"<q>(.*?)</q>", article, re.S)
        assert len(quotes) == len(set(quotes))
        figures = len(re.findall(r'class="figure-link"', article))
        fewer += len(quotes) < figures
    assert fewer >= 1  # some finding has two figures in one sentence, quoted once
    places = re.findall(r'<span class="where">([^<]+)</span>', html)  # each figure's place names its headings
    assert places and all("Phần thứ" in p or "Phụ lục" in p for p in places)
    assert any(" › " in p for p in places)


def test_summary_charts_print_stylesheet_and_rule_counts(tmp_path):
    html = _html(tmp_path, ROOT / "data" / "sample-draft.md")
    report = json.loads(run_cli("check", "--format", "json", "data/sample-draft.md").stdout)
    by_rule = html[html.index('class="chart by-rule"'):html.index("</figure>", html.index('class="chart by-rule"'))]
    assert by_rule.count("<rect") == len({f["rule"] for f in report["findings"]})
    assert 'class="chart by-section"' in html
    assert "@media print" in html
    table = html[html.index('<table id="rules">'):]
    rows = re.findall(r"<tr><td>(\w+)</td><td>[^<]*</td><td>[^<]+</td>((?:<td>\d+</td>){5})</tr>", table)
    expected = {o["rule"]: [o["items"], o["passes"], o["fails"], o["na"], o["errors"]]
                for o in report["summary"]["rules"]}
    assert {r: [int(x) for x in re.findall(r"\d+", cells)] for r, cells in rows} == expected


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="no Chromium on this machine")
def test_report_in_headless_chromium(tmp_path):
    """Load the page, take a screenshot, see the findings, use a filter; planted script never runs."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "CI installs Chromium (.ci/run)"
    draft = tmp_path / "hostile.md"
    draft.write_text(HOSTILE + (ROOT / "data" / "sample-draft.md").read_text(encoding="utf-8")
                     .split("\n", 8)[-1], encoding="utf-8")
    html = _html(tmp_path, draft)
    page_path = tmp_path / "report.html"
    args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=args, headless=True)
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(page_path.as_uri())
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        articles = page.locator("article.finding")
        total = articles.count()
        assert total == html.count("<article") and total >= 2
        assert articles.first.is_visible()
        assert page.evaluate("window.pwned === undefined")
        assert page.locator("#shown").inner_text() == _shown(total)  # the page's own script ran
        rules = page.locator("#f-rule option").all_inner_texts()[1:]
        chosen = rules[0]
        page.select_option("#f-rule", chosen)
        visible = [a for a in articles.all() if a.is_visible()]
        assert visible and all(a.get_attribute("data-rule") == chosen for a in visible)
        assert len(visible) < total
        assert page.locator("#shown").inner_text() == _shown(len(visible))
        assert not [e for e in errors if "Content Security Policy" in e]
        browser.close()
    assert (tmp_path / "report.png").stat().st_size > 1000


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="no Chromium on this machine")
def test_document_view_in_headless_chromium(tmp_path):
    """The document view shows the highlighted figures; a click on a finding scrolls to its
    figure; the rules table shows counts; a screenshot is saved."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "CI installs Chromium (.ci/run)"
    _html(tmp_path, ROOT / "data" / "sample-draft.md")
    report = json.loads(run_cli("check", "--format", "json", "data/sample-draft.md").stdout)
    flagged = {(g["line"], g["column"]) for f in report["findings"] for g in f["figures"]}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"], headless=True)
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.goto((tmp_path / "report.html").as_uri())
        marks = page.locator("section.document a.fig")
        assert marks.count() == len(flagged)
        background = marks.first.evaluate("e => getComputedStyle(e).backgroundColor")
        assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # highlighted
        # the finding whose figure stands furthest down the draft: the view must scroll to it
        links = page.locator("article.finding a.to-figure")
        hrefs = links.evaluate_all("ls => ls.map(l => l.getAttribute('href'))")
        last = page.locator("article.finding").nth(max(range(len(hrefs)), key=lambda i: int(hrefs[i].split("-")[2])))
        target = last.locator("a.to-figure").get_attribute("href")[1:]
        figure = page.locator(f"[id='{target}']")
        assert not _in_view(page, figure)
        last.locator("a.to-figure").click()
        page.wait_for_function("id => location.hash === '#' + id", arg=target)
        assert _in_view(page, figure)
        figure.click()  # and back to the finding
        assert _in_view(page, page.locator(f"[id='{figure.get_attribute('href')[1:]}']"))
        cells = page.locator("table#rules tbody tr").first.locator("td").all_inner_texts()
        assert all(c.isdigit() for c in cells[3:]) and int(cells[3]) > 0
        assert len(page.locator("table#rules tbody tr").all()) == len(report["summary"]["rules"])
        page.select_option("#f-rule", index=1)  # a filter hides findings on screen ...
        assert not all(a.is_visible() for a in page.locator("article.finding").all())
        page.emulate_media(media="print")  # ... the print stylesheet: no filters, every finding, the drafts in full
        assert not page.locator("#filters").is_visible()
        assert all(a.is_visible() for a in page.locator("article.finding").all())
        assert page.locator("section.document .text").first.evaluate("e => getComputedStyle(e).overflowY") == "visible"
        page.emulate_media(media="screen")
        shot = tmp_path / "html-report.png"
        page.goto((tmp_path / "report.html").as_uri() + "#documents")
        page.screenshot(path=str(shot))
        browser.close()
    assert shot.stat().st_size > 10_000


def _shown(count: int) -> str:
    from checker.i18n import gettext

    return gettext("{count} shown", "vi").format(count=count)


def _in_view(page, locator) -> bool:
    """Visible in the window and inside every scrolled box around it."""
    return locator.evaluate("""e => { const r = e.getBoundingClientRect();
        for (let p = e.parentElement; p; p = p.parentElement) {
            if (/(auto|scroll)/.test(getComputedStyle(p).overflowY)) {
                const c = p.getBoundingClientRect();
                if (r.bottom <= c.top || r.top >= c.bottom) { return false; }
            }
        }
        return r.bottom > 0 && r.top < window.innerHeight; }""")
