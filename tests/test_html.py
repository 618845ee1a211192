"""The HTML report: self-contained, escaped, strict CSP, and usable in a real browser."""

from __future__ import annotations

import os
import shutil
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
    for fetch in ("http://", "https://", "src=\"", "href=\""):
        assert fetch not in html
    import json

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
        assert page.locator("#shown").inner_text() == f"{total} shown"  # the page's own script ran
        rules = page.locator("#f-rule option").all_inner_texts()[1:]
        chosen = rules[0]
        page.select_option("#f-rule", chosen)
        visible = [a for a in articles.all() if a.is_visible()]
        assert visible and all(a.get_attribute("data-rule") == chosen for a in visible)
        assert len(visible) < total
        assert page.locator("#shown").inner_text() == f"{len(visible)} shown"
        assert not [e for e in errors if "Content Security Policy" in e]
        browser.close()
    assert (tmp_path / "report.png").stat().st_size > 1000
