"""The timeline page: renders on real folders; the sidebar filter, lanes, date range and selection work."""
from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from dashboard.loader import Briefing, schema
from tests.corpora import DESK

from .conftest import no_exceptions


def test_renders_on_the_seeds(app_for):
    at = app_for(page="timeline")
    no_exceptions(at)
    assert at.title[0].value == "Timeline"


def test_renders_on_a_small_folder(app_for, write_articles):
    at = app_for(write_articles(DESK), page="timeline")
    no_exceptions(at)
    assert at.title[0].value == "Timeline"


def _briefing(*, events: pd.DataFrame | None = None, published: tuple = ("2025-04-10", "2025-04-12")) -> Briefing:
    """Two articles, four events: a day, a week, a month, and one undated."""
    articles = schema.cast(pd.DataFrame({
        "article_id": ["a1", "a2"], "file": ["a1.txt", "a2.txt"], "title": ["Talks in Baku", "Brazil <deal>"],
        "published": list(published), "source": ["wire.example", "daily.example"],
        "text": ["Talks in Baku\nOfficials met on Wednesday.", "Brazil deal\nBrazil signed a deal in March."],
    }), "articles")
    sentences = schema.cast(pd.DataFrame({
        "article_id": ["a1", "a1", "a2", "a2"], "sentence_id": [0, 1, 0, 1], "start": [0, 14, 0, 12],
        "end": [13, 44, 11, 43],
        "text": ["Talks in Baku", "Officials met on Wednesday.", "Brazil deal", "Brazil signed a deal in March."],
    }), "sentences")
    actors = schema.cast(pd.DataFrame({
        "actor_id": ["turkey", "israel", "brazil"], "name": ["Turkey", "Israel", "Brazil"],
        "kind": ["country"] * 3, "mention_count": [2, 1, 1], "article_count": [1, 1, 1],
    }), "actors")
    mentions = schema.cast(pd.DataFrame({
        "article_id": ["a1", "a1", "a2"], "sentence_id": [1, 1, 1], "start": [14, 20, 12], "end": [19, 25, 18],
        "text": ["Turks", "Israel", "Brazil"], "actor_id": ["turkey", "israel", "brazil"],
    }), "mentions")
    if events is None:
        events = schema.cast(pd.DataFrame({
            "event_id": ["a1-e0", "a1-e1", "a1-e2", "a2-e0"], "article_id": ["a1", "a1", "a1", "a2"],
            "sentence_id": [1, 1, 1, 1],
            "date": ["2025-04-09", "2025-04-07", None, "2025-03-01"],
            "precision": ["day", "week", "none", "month"],
            "date_text": ["on Wednesday", "this week", "recently", "in March"], "date_text_start": [28, None, None, 33],
            "date_rule": ["weekday-before-publication", "this-week", None, "month-name"],
            "summary": ["Officials met", "Talks convened", "Trade was suspended", "Brazil signed a deal"],
            "actor_ids": [["turkey", "israel"], ["turkey"], ["turkey"], ["brazil"]],
            "source_count": [1, 1, 1, 1],
        }), "events")
    return Briefing(folder="synthetic", articles=articles, sentences=sentences, actors=actors,
                    mentions=mentions, quotes=schema.empty("quotes"), events=events)


@pytest.fixture
def timeline_app(app_for, monkeypatch, tmp_path):
    """The timeline page over a briefing built here, independent of what the extractors find."""
    import dashboard.components.context as context

    def make(briefing: Briefing | None = None, **kw):
        made = briefing or _briefing()
        monkeypatch.setattr(context, "load_briefing", lambda folder, **_: made)
        monkeypatch.setattr(context, "get_nlp", lambda model: None)
        return app_for(tmp_path, page="timeline", **kw)

    return make


def _rows(at) -> list[str]:
    return list(at.dataframe(key="timeline_table").value["headline"])


def _figure(at) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_table_and_chart_show_every_event(timeline_app):
    at = timeline_app()
    no_exceptions(at)
    assert _rows(at) == ["Brazil signed a deal", "Talks convened", "Officials met", "Trade was suspended"]
    table = at.dataframe(key="timeline_table").value
    assert list(table["date_label"]) == ["Mar 2025", "week of 7 Apr 2025", "9 Apr 2025", "before 10 Apr 2025"]
    assert list(table["how"])[:3] == ["month name", "this week", "weekday before publication"]
    ticks = _figure(at)["layout"]["yaxis"]["ticktext"]
    assert ticks == ["Turkey", "Brazil", "Israel", "before 10 Apr 2025"]


def test_global_actor_filter_narrows_the_timeline(timeline_app):
    at = timeline_app(query={"actor": "Brazil"})
    no_exceptions(at)
    assert _rows(at) == ["Brazil signed a deal"]


def test_lanes_toggle_switches_to_articles(timeline_app):
    at = timeline_app()
    at.button_group(key="timeline_lanes").set_value("Article").run()
    no_exceptions(at)
    assert _figure(at)["layout"]["yaxis"]["ticktext"] == ["10 Apr · Talks in Baku", "12 Apr · Brazil &lt;deal&gt;",
                                                          "before 10 Apr 2025"]


def test_date_range_narrows_chart_and_table(timeline_app):
    at = timeline_app()
    slider = at.slider(key="timeline_range")
    assert slider.value == (dt.date(2025, 3, 1), dt.date(2025, 4, 13))  # the week runs to Sunday
    slider.set_value((dt.date(2025, 4, 8), dt.date(2025, 4, 9))).run()
    no_exceptions(at)
    assert _rows(at) == ["Talks convened", "Officials met", "Trade was suspended"]
    at.toggle(key="timeline_undated").set_value(False).run()
    assert _rows(at) == ["Talks convened", "Officials met"]


def test_download_is_written_only_when_asked(timeline_app, monkeypatch):
    from dashboard.views import timeline as timeline_figure

    given: list[pd.DataFrame] = []
    monkeypatch.setattr(timeline_figure, "events_csv", lambda table: given.append(table) or b"")
    at = timeline_app()
    no_exceptions(at)
    assert at.download_button(key="timeline_download").label == "Download CSV"
    assert given == []  # thousands of rows are not written on every rerun


def test_selecting_a_table_row_shows_the_source_sentence(timeline_app):
    at = timeline_app()
    at.session_state["timeline_table"] = {"selection": {"rows": [2], "columns": [], "cells": []}}
    at.run()
    no_exceptions(at)
    detail = "".join(h.proto.body for h in at.html)
    assert "Officials met <mark>on Wednesday</mark>." in detail
    assert "Talks in Baku" in detail and "10 April 2025" in detail
    link = next(p for p in at.get("page_link") if p.proto.page == "reader")
    assert link.proto.query_string == "article=a1&sentence=1"


def _card(at) -> str:
    return "".join(h.proto.body for h in at.html if "st-headline" in h.proto.body)


def test_the_story_opens_on_the_first_event_and_steps_through_in_timeline_order(timeline_app):
    at = timeline_app()
    no_exceptions(at)
    assert "Brazil signed a deal" in _card(at)
    assert at.button(key="timeline_prev").disabled
    seen = []
    for _ in range(3):
        at.button(key="timeline_next").click().run()
        no_exceptions(at)
        seen.append(at.query_params["event"])
    assert seen == ["a1-e1", "a1-e0", "a1-e2"]
    assert "Trade was suspended" in _card(at) and "before 10 Apr 2025" in _card(at)
    assert at.button(key="timeline_next").disabled
    at.button(key="timeline_prev").click().run()
    assert at.query_params["event"] == "a1-e0" and "Officials met" in _card(at)


def test_an_event_in_the_url_opens_the_story_there(timeline_app):
    at = timeline_app(query={"event": "a1-e1"})
    no_exceptions(at)
    assert "Talks convened" in _card(at)
    assert any("**2** of 4" in m.value for m in at.markdown)


def test_a_briefing_without_events_says_so(timeline_app):
    briefing = _briefing()
    briefing.events = schema.empty("events")
    at = timeline_app(briefing)
    no_exceptions(at)
    assert any("No dated or undated events" in i.value for i in at.info)


def test_events_that_cannot_be_placed_are_still_listed(timeline_app):
    events = schema.cast(pd.DataFrame({
        "event_id": ["a1-e0"], "article_id": ["a1"], "sentence_id": [1], "precision": ["none"],
        "date_text": ["recently"], "summary": ["Trade was suspended"], "actor_ids": [["turkey"]],
    }), "events")
    at = timeline_app(_briefing(events=events, published=(None, None)))
    no_exceptions(at)
    assert not at.get("plotly_chart")
    assert any("cannot be placed" in i.value for i in at.info)
    assert _rows(at) == ["Trade was suspended"]


def test_reader_link_keeps_the_actor_filter(timeline_app):
    at = timeline_app(query={"actor": "Israel"})
    at.session_state["timeline_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    no_exceptions(at)
    link = next(p for p in at.get("page_link") if p.proto.page == "reader")
    # Streamlit carries the URL-bound filter widgets over on page links by itself; the link names the
    # sentence only, so the filter is not repeated in the address.
    assert link.proto.query_string == "article=a1&sentence=1"
    assert list(at.dataframe(key="timeline_table").value["read"]) == [
        "reader?article=a1&sentence=1&actor=Israel"]


def _date_range_script():
    import streamlit as st

    from dashboard.components.date_range import date_range_filter
    from dashboard.filtering import ActorFilter, apply_filter
    from tests.app.test_timeline_page import _briefing

    briefing = _briefing()
    view = apply_filter(briefing, date_range_filter(briefing, ActorFilter()))
    st.text(",".join(sorted(view.events["event_id"])))


def test_sidebar_date_range_narrows_events_and_keeps_undated():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_date_range_script, default_timeout=60).run()
    no_exceptions(at)
    dates = at.date_input(key="dates")
    assert dates.value == (dt.date(2025, 3, 1), dt.date(2025, 4, 12))
    assert at.text[0].value == "a1-e0,a1-e1,a1-e2,a2-e0"
    dates.set_value((dt.date(2025, 4, 9), dt.date(2025, 4, 9))).run()
    no_exceptions(at)
    assert at.text[0].value == "a1-e0,a1-e2"  # the day itself, and the undated event of its article


@pytest.mark.parametrize(
    ("chosen", "start", "end"),
    [
        ((dt.date(2025, 3, 1), dt.date(2025, 4, 12)), None, None),
        ((dt.date(2025, 4, 1), dt.date(2025, 4, 9)), "2025-04-01", "2025-04-09"),
        ((dt.date(2025, 4, 1),), "2025-04-01", "2025-04-01"),
        ((), None, None),
    ],
    ids=["whole-span-is-no-filter", "range", "half-picked", "cleared"],
)
def test_with_dates(chosen, start, end):
    from dashboard.filtering import ActorFilter, with_dates

    first, last = (chosen + (None, None))[:2]
    flt = with_dates(ActorFilter(actor_ids=("turkey",)), first, last, (dt.date(2025, 3, 1), dt.date(2025, 4, 12)))
    assert flt.actor_ids == ("turkey",)
    assert (flt.start, flt.end) == (pd.Timestamp(start) if start else None, pd.Timestamp(end) if end else None)


def test_the_story_links_the_other_articles_that_report_its_event(timeline_app):
    events = schema.cast(pd.DataFrame({
        "event_id": ["a1-e0", "a2-e0", "a2-e1"], "article_id": ["a1", "a2", "a2"], "sentence_id": [1, 1, 0],
        "date": ["2025-04-09", "2025-04-09", "2025-03-01"], "precision": ["day", "day", "month"],
        "summary": ["Officials met", "Officials held talks", "Brazil signed a deal"],
        "actor_ids": [["turkey", "israel"], ["turkey"], ["brazil"]],
        "source_count": [2, 2, 1], "report_group": ["a1-e0", "a1-e0", "a2-e1"],
    }), "events")
    at = timeline_app(_briefing(events=events), query={"event": "a1-e0"})
    no_exceptions(at)
    assert any(c.value == "Also reported in 1 other article:" for c in at.caption)
    links = [p.proto.query_string for p in at.get("page_link") if p.proto.page == "reader"]
    assert "article=a2&sentence=1" in links
    at = timeline_app(_briefing(events=events), query={"event": "a2-e1"})
    assert not any("Also reported" in c.value for c in at.caption)
