"""What a file, a folder or a date cannot do to the app in a real browser (issue 17)."""
from __future__ import annotations

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
