"""What a user sees on every page, in Chromium, with a screenshot of each for a developer to look at."""
from __future__ import annotations

import re

from tests.corpora import TRADE_QUOTE

from .conftest import metrics, no_traceback, open_app, screenshot, wait_idle


def test_overview_shows_figures_a_chart_and_the_articles(page, main_app):
    open_app(page, main_app)
    assert page.locator('[data-testid="stMain"] h1').inner_text() == "Briefing overview"
    figures = metrics(page)
    assert list(figures) == ["Articles", "Actors", "Quotes", "Events", "Period"]
    assert figures["Articles"] == "3"
    assert int(figures["Actors"]) >= 8 and int(figures["Quotes"]) >= 3
    assert re.fullmatch(r"\d+", figures["Events"])
    assert "Apr 2025" in figures["Period"]
    chart = page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').first
    assert chart.locator("svg.main-svg").count() >= 1
    assert chart.locator(".bars path").count() >= 5, "the top-actors bars are drawn"
    names = chart.locator(".ytick text").evaluate_all("els => els.map(e => e.textContent)")
    assert {"Turkey", "Israel", "Brazil"} <= set(names)
    cells = page.locator('[data-testid="stDataFrame"] [role="gridcell"]').all_inner_texts()
    assert "Brazil and Argentina sign trade deal" in cells and "Example Wire" in cells
    no_traceback(page)
    screenshot(page, "overview")


def test_timeline_draws_events_on_a_chart(page, main_app):
    open_app(page, main_app, "timeline")
    assert page.locator('[data-testid="stMain"] h1').inner_text() == "Timeline"
    chart = page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').first
    chart.wait_for()
    assert chart.locator(".scatterlayer .point").count() >= 3, "events are drawn as points"
    assert page.locator('[data-testid="stDataFrame"]').count() >= 1, "the events are also listed"
    no_traceback(page)
    screenshot(page, "timeline")


def test_quotes_shows_quote_cards(page, main_app):
    open_app(page, main_app, "quotes")
    assert page.locator('[data-testid="stMain"] h1').inner_text() == "Quotes"
    cards = page.locator('[data-testid="stHtml"] article')
    assert cards.count() >= 3
    texts = cards.all_inner_texts()
    assert any(TRADE_QUOTE in t for t in texts), "the written article's quote has a card"
    assert any("Luiz Inacio Lula da Silva" in t for t in texts), "the card names its speaker"
    no_traceback(page)
    screenshot(page, "quotes")


def test_actors_lists_actors_in_a_table(page, main_app):
    open_app(page, main_app, "actors")
    assert page.locator('[data-testid="stMain"] h1').inner_text() == "Actors"
    table = page.locator('[data-testid="stDataFrame"]').first
    table.wait_for()
    cells = table.locator('[role="gridcell"]').all_inner_texts()
    assert {"Turkey", "Israel"} <= set(cells), cells[:20]
    no_traceback(page)
    screenshot(page, "actors")


def test_reader_marks_actors_in_the_text(page, main_app):
    open_app(page, main_app, "reader")
    assert page.locator('[data-testid="stMain"] h1').inner_text() == "Reader"
    article = page.locator(".bq-article")
    article.wait_for()
    first = article.locator("p").first.inner_text()
    assert first in {"Ministers prepare new round of talks", "Brazil and Argentina sign trade deal",
                     "Turkey and Israel Hold First Talks in Azerbaijan to Prevent Syria Escalation"}
    marks = article.locator(".bq-actor")
    assert marks.count() >= 2
    assert marks.first.get_attribute("title"), "a mark says which actor it is"
    no_traceback(page)
    screenshot(page, "reader")


def test_present_shows_a_slide_and_moves_to_the_next(page, main_app):
    open_app(page, main_app, "present")
    slide = page.locator('[class*="st-key-present_slide"]').first
    slide.wait_for()
    assert slide.locator("h1").inner_text().strip()
    assert slide.is_visible() and (slide.bounding_box() or {}).get("width", 0) > 600
    assert page.locator('[data-testid="stDownloadButton"]').count() >= 1
    screenshot(page, "present-1")
    page.get_by_role("button", name=re.compile("Next")).click()
    page.wait_for_function("() => location.search.includes('slide=2')")
    wait_idle(page)
    assert page.locator('[class*="st-key-present_slide"] h1').first.inner_text().strip()
    no_traceback(page)
    screenshot(page, "present-2")


def test_add_articles_offers_an_uploader_with_its_limit(page, main_app):
    open_app(page, main_app, "add")
    assert page.locator('[data-testid="stMain"] h1').inner_text() == "Add articles"
    uploader = page.locator('[data-testid="stFileUploader"]')
    assert uploader.count() == 1
    assert "5 MB per file" in page.locator('[data-testid="stMain"]').inner_text()
    assert uploader.locator('input[type="file"]').get_attribute("multiple") is not None
    no_traceback(page)
    screenshot(page, "add-articles")
