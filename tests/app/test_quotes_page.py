"""The quotes page: renders on real folders; cards narrow with the sidebar and page filters; CSV and links."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from dashboard.loader import Briefing, schema
from dashboard.views.quotes import UNKNOWN_SPEAKER
from tests.corpora import DESK

from .conftest import no_exceptions


def test_renders_on_the_seeds(app_for):
    at = app_for(page="quotes")
    no_exceptions(at)
    assert at.title[0].value == "Quotes"


def test_renders_on_a_small_folder(app_for, write_articles):
    at = app_for(write_articles(DESK), page="quotes")
    no_exceptions(at)
    assert at.title[0].value == "Quotes"


def _briefing() -> Briefing:
    """Three quotes in two articles, with known speakers, mentions and one unidentified speaker."""
    articles = schema.cast(pd.DataFrame({
        "article_id": ["a1", "a2"], "file": ["a1.txt", "a2.txt"],
        "title": ["Talks in Baku", "Trade deal <signed>"], "published": ["2025-04-10", "2025-04-11"],
        "source": ["wire.example", "daily.example"], "text": ["Talks in Baku\nBody.", "Trade deal\nBody."],
    }), "articles")
    actors = schema.cast(pd.DataFrame({
        "actor_id": ["turkey", "israel", "hakan-fidan", "brazil"],
        "name": ["Turkey", "Israel", "Hakan Fidan", "Brazil"],
        "kind": ["country", "country", "person", "country"],
        "role": [None, None, "Foreign Minister", None],
        "affiliation_id": [None, None, "turkey", None],
        "mention_count": [3, 2, 2, 1], "article_count": [1, 1, 1, 1],
    }), "actors")
    mentions = schema.cast(pd.DataFrame({
        "article_id": ["a1", "a1", "a1", "a2"], "sentence_id": [1, 1, 1, 1], "start": [14, 30, 50, 14],
        "end": [20, 36, 61, 20], "text": ["Turkey", "Israel", "Hakan Fidan", "Brazil"],
        "actor_id": ["turkey", "israel", "hakan-fidan", "brazil"],
    }), "mentions")
    quotes = schema.cast(pd.DataFrame({
        "quote_id": ["a1-q0", "a1-q1", "a2-q0"], "article_id": ["a1", "a1", "a2"], "sentence_id": [1, 2, 1],
        "kind": ["direct", "reported", "reported"],
        "text": ["We want calm in Syria", "Israel must halt its strikes", "the deal <b>helps</b> farmers"],
        "cue": ["said", "urged", "said"], "speaker_id": ["hakan-fidan", "hakan-fidan", None],
        "speaker_text": ["Hakan Fidan", "he", "officials"], "confidence": ["named", "pronoun", "none"],
        "about_ids": [[], ["israel"], ["brazil"]], "start": [20, 60, 20], "end": [40, 90, 50],
    }), "quotes")
    return Briefing(folder="synthetic", articles=articles, sentences=schema.empty("sentences"), actors=actors,
                    mentions=mentions, quotes=quotes, events=schema.empty("events"))


@pytest.fixture
def quotes_app(app_for, monkeypatch, tmp_path):
    """The quotes page over `_briefing()`, independent of what the extractors find."""
    import dashboard.components.context as context

    monkeypatch.setattr(context, "load_briefing", lambda folder, **_: _briefing())
    monkeypatch.setattr(context, "get_nlp", lambda model: None)
    return lambda **kw: app_for(tmp_path, page="quotes", **kw)


def _cards(at) -> str:
    return "".join(h.proto.body for h in at.html if "qc-grid" in h.proto.body)


def _quote_ids_shown(at) -> list[str]:
    return re.findall(r'data-quote-id="([^"]+)"', _cards(at))


def test_cards_show_every_quote_escaped_and_linked(quotes_app):
    at = quotes_app()
    no_exceptions(at)
    assert _quote_ids_shown(at) == ["a2-q0", "a1-q0", "a1-q1"]  # newest article first
    body = _cards(at)
    assert body.count("<article ") == 3
    assert "&lt;b&gt;helps&lt;/b&gt;" in body and "<b>helps</b>" not in body
    assert UNKNOWN_SPEAKER in body
    assert 'href="reader?article=a1&amp;sentence=2"' in body
    assert "speaker inferred from &#x27;he&#x27;" in body


def test_global_actor_filter_narrows_the_cards(quotes_app):
    at = quotes_app(query={"actor": "Brazil"})
    no_exceptions(at)
    assert _quote_ids_shown(at) == ["a2-q0"]
    assert "actor=Brazil" in _cards(at)  # the reader link keeps the filter


@pytest.mark.parametrize(
    ("widget", "value", "expected"),
    [
        ("quotes_speaker", ["Hakan Fidan"], ["a1-q0", "a1-q1"]),
        ("quotes_speaker", ["Turkey"], ["a1-q0", "a1-q1"]),
        ("quotes_speaker", [UNKNOWN_SPEAKER], ["a2-q0"]),
        ("quotes_about", ["Israel"], ["a1-q1"]),
        ("quotes_kind", ["reported"], ["a2-q0", "a1-q1"]),
        ("quotes_search", "calm syria", ["a1-q0"]),
    ],
    ids=["speaker", "affiliation", "unidentified", "mentions", "kind", "search"],
)
def test_page_filters_narrow_the_cards(quotes_app, widget, value, expected):
    at = quotes_app()
    if widget == "quotes_search":
        at.text_input(key=widget).input(value).run()
    elif widget == "quotes_kind":
        at.button_group(key=widget).set_value(value).run()
    else:
        at.multiselect(key=widget).set_value(value).run()
    no_exceptions(at)
    assert _quote_ids_shown(at) == expected


def test_a_filter_that_matches_nothing_says_so(quotes_app):
    at = quotes_app()
    at.text_input(key="quotes_search").input("no such words anywhere").run()
    no_exceptions(at)
    assert _quote_ids_shown(at) == []
    assert any("No quote matches" in i.value for i in at.info)


def test_download_is_written_only_when_asked_and_holds_the_filtered_quotes(quotes_app, monkeypatch):
    import dashboard.views.quotes as quote_cards

    given: list[pd.DataFrame] = []
    real = quote_cards.quotes_csv
    monkeypatch.setattr(quote_cards, "quotes_csv", lambda table: given.append(table) or real(table))
    at = quotes_app()
    at.multiselect(key="quotes_about").set_value(["Israel"]).run()
    no_exceptions(at)
    assert at.download_button(key="quotes_download").label == "Download CSV"
    assert given == []  # thousands of rows are not written on every rerun
    # what a click writes: the quotes the page shows
    assert "**1** of" in next(m.value for m in at.markdown if "quotes ·" in m.value)
    made = _briefing()
    shown = quote_cards.filter_quotes(quote_cards.quote_table(made.quotes, made.actors, made.articles),
                                      about_ids=["israel"])
    assert list(shown["quote_id"]) == ["a1-q1"]
    assert b"Hakan Fidan" in real(shown)


def test_heatmap_is_drawn(quotes_app):
    at = quotes_app()
    charts = at.get("plotly_chart")
    assert len(charts) == 1


def test_a_briefing_without_quotes_says_so(app_for, write_articles, monkeypatch):
    import dashboard.components.context as context

    empty = _briefing()
    empty.quotes = schema.empty("quotes")
    monkeypatch.setattr(context, "load_briefing", lambda folder, **_: empty)
    monkeypatch.setattr(context, "get_nlp", lambda model: None)
    at = app_for(write_articles(DESK), page="quotes")
    no_exceptions(at)
    assert any("No quotes were found" in i.value for i in at.info)


def test_many_quotes_are_paged(app_for, monkeypatch, tmp_path):
    from dashboard.components import context

    briefing = _briefing()
    many = pd.concat([briefing.quotes.iloc[[0]]] * 30, ignore_index=True)
    many["quote_id"] = [f"a1-q{i}" for i in range(30)]
    many["start"] = range(30)
    briefing.quotes = schema.cast(many, "quotes")
    monkeypatch.setattr(context, "load_briefing", lambda folder, **_: briefing)
    monkeypatch.setattr(context, "get_nlp", lambda model: None)
    at = app_for(tmp_path, page="quotes")
    no_exceptions(at)
    assert _quote_ids_shown(at) == [f"a1-q{i}" for i in range(24)]
    at.get("pagination")[0].select(2).run()
    no_exceptions(at)
    assert _quote_ids_shown(at) == [f"a1-q{i}" for i in range(24, 30)]
    at.text_input(key="quotes_search").input("calm").run()  # a new filter starts again at page 1
    assert _quote_ids_shown(at)[0] == "a1-q0"
