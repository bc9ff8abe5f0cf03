"""The presentation in a real browser: keys move between slides, the app's chrome is gone, the file prints."""
from __future__ import annotations

import re

from dashboard.export import build_deck, export_html
from dashboard.filtering import ActorFilter, apply_filter
from dashboard.loader import load_briefing

from .conftest import no_traceback, open_app, screenshot, wait_idle


def counter(page) -> str:
    return page.locator(".bq-count").inner_text().strip()


def press(page, key: str, slide: int) -> None:
    page.keyboard.press(key)
    page.wait_for_function("n => new URLSearchParams(location.search).get('slide') === String(n)", arg=slide)
    wait_idle(page)


def test_keys_move_between_slides_and_the_url_follows(new_page, main_app):
    page = new_page(width=1600, height=900)
    open_app(page, main_app, "present", {"actor": "Turkey", "slide": "2"})
    no_traceback(page)
    total = int(counter(page).split("/")[1])
    assert counter(page) == f"2 / {total}"
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert not page.locator('[data-testid="stHeader"]').is_visible()
    screenshot(page, "present-slide-2")
    for key, slide in [("ArrowRight", 3), ("ArrowLeft", 2), ("PageDown", 3), ("PageUp", 2), ("End", total),
                       ("Home", 1)]:
        press(page, key, slide)
        assert counter(page) == f"{slide} / {total}"
        assert "actor=Turkey" in page.url
    screenshot(page, "present-title")


def test_the_exported_file_fetches_nothing_and_prints_a_slide_a_page(new_page, briefing_folder, tmp_path):
    view = apply_filter(load_briefing(briefing_folder, cache_dir=tmp_path / "cache"), ActorFilter())
    deck = build_deck(view)
    target = tmp_path / "briefing.html"
    target.write_text(export_html(view, deck=deck), encoding="utf-8")

    page = new_page(width=1400, height=900)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(target.as_uri(), wait_until="load")
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 2")
    assert [u for u in requests if not u.startswith(("file:", "data:", "about:", "blob:"))] == []
    screenshot(page, "export-file")

    page.emulate_media(media="print")
    boxes = page.locator("section.bq-slide").evaluate_all(
        "els => els.map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height,"
        " e.scrollHeight - e.clientHeight, getComputedStyle(e).breakAfter])")
    assert len(boxes) == len(deck.slides)
    for width, height, overflow, brk in boxes:
        assert (round(width), round(height), brk) == (1280, 720, "page")
        assert overflow <= 0, "a slide's content runs past its page"
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages >= len(deck.slides) + 1  # a page per slide, then the tables
