"""The HTML report rendered by a real headless browser: charts present, one file, offline.

Uses Chromium (Debian: ``apt-get install -y chromium``). Where no browser is installed
the test is skipped and says so; the static checks of the same page run everywhere in
``test_report_html_is_one_offline_file``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from latsar_tui.trainer.report import build_report
from latsar_tui.trainer.report_output import report_html
from tests.trainer.test_trainer_report_statistics import BANK, class_results

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def _page() -> str:
    return report_html(build_report(class_results(), [BANK], "stat"))


def test_report_html_is_one_offline_file() -> None:
    page = _page()
    assert page.count("<svg") >= 2 + 4  # histogram, items chart, one per question
    assert 'class="pass"' in page  # the pass-mark line of the histogram
    assert "Periksa lebih dulu" in page
    for external in ("http://", "https://", "src=", "href=", "<link", "<script", "url(", "@import"):
        assert external not in page, external


def _run(browser: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(_browser() is None, reason="no Chromium/Chrome installed to render the HTML")
def test_report_renders_with_charts_in_a_headless_browser(tmp_path: Path) -> None:
    browser = _browser()
    assert browser is not None
    page = tmp_path / "laporan.html"
    page.write_text(_page(), encoding="utf-8")
    dom = _run(browser, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    # The browser parsed the inline SVG into elements: bars of the histogram, facility
    # and discrimination bars, upper/lower option bars.
    assert len(re.findall(r"<svg\b", dom.stdout)) >= 6
    assert 'class="bar"' in dom.stdout and 'class="facility"' in dom.stdout
    assert 'class="discrimination"' in dom.stdout and 'class="opt-atas"' in dom.stdout
    shot = tmp_path / "laporan.png"
    result = _run(browser, f"--screenshot={shot}", "--window-size=1280,1600", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 20_000  # a page of text and charts, not a blank image
