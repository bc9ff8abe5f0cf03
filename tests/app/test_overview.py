"""The overview page and the global actor filter, in-process."""
from __future__ import annotations

import pytest

from tests.corpora import DESK

from .conftest import no_exceptions

PAGES = ["overview", "timeline", "quotes", "actors", "reader", "present", "add_articles"]


@pytest.mark.parametrize("page", PAGES, ids=PAGES)
def test_every_page_renders_on_the_seeds(app_for, page):
    at = app_for(page=None if page == "overview" else page)
    no_exceptions(at)
    assert at.title, f"{page} shows no title"


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_actor_filter_narrows_the_overview(app_for, write_articles):
    folder = write_articles(DESK)
    at = app_for(folder)
    no_exceptions(at)
    assert _metric(at, "Articles") == "2"
    at.multiselect(key="actor").select("Brazil").run()
    no_exceptions(at)
    assert _metric(at, "Articles") == "1"


def test_filter_in_the_query_string_is_applied(app_for, write_articles):
    folder = write_articles(DESK)
    at = app_for(folder, query={"actor": "Turkey"})
    no_exceptions(at)
    assert at.multiselect(key="actor").value == ["Turkey"]
    assert _metric(at, "Articles") == "1"


def test_overview_links_keep_the_filter_and_the_dates(app_for):
    at = app_for(query={"actor": "Turkey", "dates": ["2025-04-09", "2025-04-09"]})
    no_exceptions(at)
    kept = "actor=Turkey&dates=2025-04-09&dates=2025-04-09"
    developments = [m.value for m in at.markdown if "](reader?" in m.value]
    assert developments, "the latest developments link to the reader"
    assert all(kept in m for m in developments), developments
    articles = next(d.value for d in at.dataframe if "read" in d.value.columns)
    assert list(articles["read"]) and all(link.endswith(kept) for link in articles["read"])
