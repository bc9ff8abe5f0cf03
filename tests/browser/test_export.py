"""Downloads from the browser: the presentation as HTML and PowerPoint, the quotes as CSV."""
from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

from pptx import Presentation

from .conftest import metrics, open_app, screenshot


class _Outline(HTMLParser):
    """Slide sections and their headings in an exported file."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[str] = []
        self.headings: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag == "section" and "bq-slide" in classes:
            self.sections.append(dict(attrs).get("id") or "")
        self._in_heading = tag in ("h1", "h2")

    def handle_endtag(self, tag):
        if tag in ("h1", "h2"):
            self._in_heading = False

    def handle_data(self, data):
        if self._in_heading and data.strip():
            self.headings.append(data.strip())


def download(page, button_text: str, tmp_path):
    """Click a download button and keep the file it saves."""
    button = page.locator('[data-testid="stDownloadButton"] button').filter(has_text=button_text).first
    with page.expect_download(timeout=60_000) as info:
        button.click()
    dl = info.value
    target = tmp_path / dl.suggested_filename
    dl.save_as(target)
    return target


def test_the_presentation_downloads_as_html_and_powerpoint(page, main_app, tmp_path):
    open_app(page, main_app, "present", {"actor": "Turkey"})
    exported = download(page, "HTML", tmp_path)
    assert exported.suffix == ".html"
    text = exported.read_text(encoding="utf-8")
    outline = _Outline()
    outline.feed(text)
    assert len(outline.sections) >= 3, "one section per slide"
    assert "Turkey" in text and "Hakan Fidan" in text
    assert "Brazil and Argentina sign trade deal" not in text, "the export follows the filter"

    # the file opens on its own in the browser, offline
    view = page.context.new_page()
    view.goto(exported.as_uri())
    view.wait_for_selector("section.bq-slide")
    assert view.locator("section.bq-slide").count() == len(outline.sections)
    screenshot(view, "export-html")
    view.close()

    deck_file = download(page, "PowerPoint", tmp_path)
    assert deck_file.suffix == ".pptx"
    deck = Presentation(str(deck_file))
    assert len(deck.slides) == len(outline.sections)
    words = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert "Turkey" in words


def test_quotes_download_as_csv(page, main_app, tmp_path):
    open_app(page, main_app, "quotes")
    cards = page.locator('[data-testid="stHtml"] article').count()
    saved = download(page, "CSV", tmp_path)
    rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert len(rows) == cards
    assert {"speaker", "text", "title"} <= set(rows[0])
    assert any(re.search("opens our markets", r["text"]) for r in rows)
    open_app(page, main_app)
    assert int(metrics(page)["Quotes"]) == len(rows)
