"""What a file, a folder or a date cannot do to the app in a real browser (issue 17)."""
from __future__ import annotations

import re

import pytest

from tests.files import write

from .conftest import go_to, no_traceback, open_app, screenshot

VIENNA = ("---\npublished: 2025-09-12\nsource: Wire\n---\nVienna remembers a siege\n"
          "Austrian officials marked the anniversary of the 1683 Battle of Vienna on Friday, the city said.\n"
          "Chancellor Karl Nehammer laid a wreath at the Kahlenberg on Saturday.\n")
TALKS = "Ankara hosts talks\nTurkish and Greek officials met in Ankara on Monday, the ministry said.\n"


@pytest.fixture(scope="module")
def old_dates_app(app_server, tmp_path_factory):
    """The app on a briefing with an event dated 1683, before what a Streamlit slider can show."""
    return app_server(write(tmp_path_factory.mktemp("old-dates") / "history", {"vienna.md": VIENNA, "a.txt": TALKS}))


def _page_failed(page) -> list[str]:
    return page.locator('[data-testid="stAlert"]').filter(has_text="could not be drawn").all_inner_texts()


def test_a_date_before_1684_is_drawn_on_the_timeline(page, old_dates_app):
    open_app(page, old_dates_app, "timeline")
    assert _page_failed(page) == []
    no_traceback(page)
    slider = page.locator('[data-testid="stMain"] [data-testid="stSlider"]').filter(has_text="Dates")
    assert slider.count() == 1
    assert page.locator(".js-plotly-plot .scatterlayer .point").count() >= 1, "the chart is drawn"
    screenshot(page, "timeline-1683")


def test_every_page_copes_with_a_date_before_1684(page, old_dates_app):
    open_app(page, old_dates_app)
    for title in ["Overview", "Timeline", "Quotes", "Actors", "Reader", "Present"]:
        if title != "Overview":
            go_to(page, title)
        assert _page_failed(page) == [], title
        no_traceback(page)


COUNTRIES = ["Turkey", "Greece", "Egypt", "Brazil", "Argentina", "Japan", "Kenya", "Chile", "Norway", "Peru"]


def _many_articles(n: int, paragraphs: int = 8) -> dict[str, str]:
    # long enough that even a fast, idle machine takes several seconds: the progress bar must show
    def paragraph(i: int, k: int) -> str:
        return (f"Officials from {COUNTRIES[(i + k) % 10]} and {COUNTRIES[(i + k + 3) % 10]} met in the capital on "
                f"Monday to discuss trade route {i}-{k}, the ministry said. \"We agreed on {i + k} points,\" the "
                "minister told reporters.\n")
    return {f"article-{i:03d}.txt": f"Talks number {i}\n" + "".join(paragraph(i, k) for k in range(paragraphs))
            for i in range(n)}


def _progress(page) -> tuple[int, int]:
    text = page.locator('[data-testid="stProgress"]').first.inner_text(timeout=90_000)
    done, total = re.search(r"Reading articles: ([\d,]+) of ([\d,]+)", text).groups()
    return int(done.replace(",", "")), int(total.replace(",", ""))


def test_a_long_load_shows_its_progress_and_a_second_user_joins_it(new_page, app_server, tmp_path_factory):
    n = 150
    app = app_server(write(tmp_path_factory.mktemp("many") / "many", _many_articles(n)))
    first, second = new_page(), new_page()
    first.goto(app.url)
    done, total = _progress(first)
    assert total == n and done < n
    screenshot(first, "loading-progress")
    second.goto(app.url)
    joined, total = _progress(second)
    assert total == n and joined >= done, "the second user watches the same load, not a new one"
    for page in (first, second):
        page.wait_for_selector('[data-testid="stMain"] h1', timeout=240_000)
        assert page.locator('[data-testid="stProgress"]').count() == 0
        no_traceback(page)
    # the page draws its figures one after another: wait for the article count itself
    articles = first.locator('[data-testid="stMetric"]').filter(has_text="Articles").first
    articles.wait_for(timeout=60_000)
    assert "150" in articles.inner_text()
