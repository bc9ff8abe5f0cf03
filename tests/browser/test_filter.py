"""The sidebar actor filter in a real browser: chosen by clicking, shared as a link, private to each browser."""
from __future__ import annotations

import re

from tests.corpora import TRADE_QUOTE

from .conftest import choose_actor, chosen_actors, go_to, metrics, no_traceback, open_app, screenshot, wait_idle


def _quote_cards(page) -> list[str]:
    return page.locator('[data-testid="stHtml"] article').all_inner_texts()


def _grid_cells(page) -> list[str]:
    return page.locator('[data-testid="stDataFrame"] [role="gridcell"]').all_inner_texts()


def _events_line(page) -> tuple[int, int]:
    """'12 of 24 events' on the timeline -> (12, 24)."""
    text = page.locator('[data-testid="stMain"]').inner_text()
    shown, total = re.search(r"(\d+) of (\d+) events", text).groups()
    return int(shown), int(total)


def test_choosing_an_actor_in_the_sidebar_narrows_every_page(page, main_app):
    open_app(page, main_app)
    before = metrics(page)
    go_to(page, "Timeline")
    all_events = _events_line(page)
    go_to(page, "Overview")

    choose_actor(page, "Turkey")
    assert chosen_actors(page) == ["Turkey"]
    assert "actor=Turkey" in page.url, "the filter is in the address, ready to share"
    after = metrics(page)
    assert after["Articles"] == "2" and before["Articles"] == "3"
    assert int(after["Quotes"]) < int(before["Quotes"])
    assert int(after["Events"]) < int(before["Events"])
    assert "Filtered to Turkey" in page.locator('[data-testid="stMain"]').inner_text()
    assert "Brazil and Argentina sign trade deal" not in _grid_cells(page)
    screenshot(page, "overview-filtered")

    go_to(page, "Timeline")
    assert chosen_actors(page) == ["Turkey"], "the filter follows the user from page to page"
    shown, total = _events_line(page)
    assert total == int(after["Events"]) < all_events[1]
    assert page.locator(".js-plotly-plot .scatterlayer .point").count() >= 1

    go_to(page, "Quotes")
    cards = _quote_cards(page)
    assert len(cards) == int(after["Quotes"])
    assert not any(TRADE_QUOTE in c for c in cards)
    assert any("Fidan" in c for c in cards)
    screenshot(page, "quotes-filtered")

    go_to(page, "Actors")
    cells = _grid_cells(page)
    assert "Turkey" in cells and "Brazil" not in cells and "Argentina" not in cells

    go_to(page, "Reader")
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Article").locator("input").click()
    options = page.locator('[role="option"]').all_inner_texts()
    page.keyboard.press("Escape")
    assert "Brazil and Argentina sign trade deal" not in options and len(options) == 2

    go_to(page, "Present")
    slide = page.locator('[class*="st-key-present_slide"]').first.inner_text()
    assert "Turkey" in slide and "2 articles" in slide
    no_traceback(page)


def test_a_shared_link_opens_with_its_filter(new_page, main_app):
    page = new_page()
    open_app(page, main_app, "quotes", {"actor": "Turkey"})
    assert chosen_actors(page) == ["Turkey"]
    cards = _quote_cards(page)
    assert cards and not any(TRADE_QUOTE in c for c in cards)

    other = new_page()
    open_app(other, main_app, "", {"actor": "Brazil"})
    assert chosen_actors(other) == ["Brazil"]
    assert metrics(other)["Articles"] == "1"
    assert "Brazil and Argentina sign trade deal" in _grid_cells(other)
    no_traceback(other)


def test_two_browsers_keep_their_own_filters(new_page, main_app):
    alice, bob = new_page(), new_page()
    open_app(alice, main_app, "", {"actor": "Turkey"})
    open_app(bob, main_app)
    assert metrics(alice)["Articles"] == "2" and metrics(bob)["Articles"] == "3"

    choose_actor(bob, "Brazil")
    assert chosen_actors(bob) == ["Brazil"] and metrics(bob)["Articles"] == "1"

    go_to(alice, "Quotes")  # a rerun in Alice's session after Bob's change
    go_to(alice, "Overview")
    assert chosen_actors(alice) == ["Turkey"]
    assert metrics(alice)["Articles"] == "2"
    alice.reload()
    alice.wait_for_selector('[data-testid="stMetric"]')
    wait_idle(alice)
    assert chosen_actors(alice) == ["Turkey"] and metrics(alice)["Articles"] == "2"
    assert chosen_actors(bob) == ["Brazil"] and metrics(bob)["Articles"] == "1"
