"""Clicking an event on the timeline shows the sentence it comes from, and the reader opens on it."""
from __future__ import annotations

from tests.corpora import TRADE, TRADE_SENTENCE

from .conftest import no_traceback, open_app, screenshot, wait_idle


def test_clicking_an_event_shows_its_sentence(page, main_app):
    # only the trade article names Argentina: every point on the chart comes from it
    open_app(page, main_app, "timeline", {"actor": "Argentina"})
    points = page.locator('.js-plotly-plot .scatterlayer .point')
    assert points.count() >= 1
    detail = page.locator(".st-key-timeline_detail")
    assert detail.count() == 0, "nothing is selected before a click"
    lines = TRADE.split("---")[-1].strip().splitlines()

    seen = []
    for i in range(min(points.count(), 4)):
        box = page.locator('.js-plotly-plot .scatterlayer .point').nth(i).bounding_box()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        detail.wait_for()
        wait_idle(page)
        sentence = detail.locator(".tl-sentence").inner_text().strip()
        assert any(sentence in line for line in lines), f"{sentence!r} is not from the article"
        seen.append(sentence)
        if TRADE_SENTENCE in sentence:
            break
    assert any(TRADE_SENTENCE in s for s in seen), seen
    assert any("Tuesday" in m for m in detail.locator("mark").all_inner_texts()), "the date words are marked"
    screenshot(page, "timeline-selected")

    detail.get_by_text("Open the sentence in the reader").click()
    page.wait_for_function("() => location.pathname.endsWith('/reader') && location.search.includes('sentence=')")
    focus = page.locator(".bq-article .bq-focus")
    focus.wait_for()
    wait_idle(page)
    assert focus.inner_text().strip() == seen[-1], "the reader marks the same sentence"
    no_traceback(page)
    screenshot(page, "reader-focus")
