"""Table builders of the actor page, on small frames written here."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.views.actors import (
    actor_events, actor_table, co_actors, cooccurrence_edges, detail_changes, profile_header_html, quotes_about,
    quotes_said, registry_ref,
)
from dashboard.views.links import profile_link, reader_link
from dashboard.views.url_state import UrlState
from dashboard.loader import schema

ACTORS = schema.cast(pd.DataFrame({
    "actor_id": ["turkey", "hakan-fidan", "israel", "gaza"],
    "name": ["Turkey", "Hakan Fidan", "Israel", "Gaza"],
    "kind": ["country", "person", "country", "place"],
    "role": [None, "Foreign Minister", None, None],
    "affiliation_id": [None, "turkey", None, None],
    "aliases": [["Turkey", "Ankara"], ["Fidan"], ["Israel"], ["Gaza"]],
    "mention_count": [4, 2, 2, 1],
    "article_count": [2, 1, 1, 1],
}), "actors")

ARTICLES = schema.cast(pd.DataFrame({
    "article_id": ["a1", "a2"],
    "title": ["Talks begin", "Talks end"],
    "published": pd.to_datetime(["2025-04-09", "2025-04-11"]),
}), "articles")


def _mentions(rows: list[tuple[str, int, str]]) -> pd.DataFrame:
    """(article_id, sentence_id, actor_id) rows as a mentions table."""
    return schema.cast(pd.DataFrame({
        "article_id": [r[0] for r in rows], "sentence_id": [r[1] for r in rows],
        "start": list(range(len(rows))), "end": [i + 1 for i in range(len(rows))],
        "text": ["x"] * len(rows), "actor_id": [r[2] for r in rows], "label": ["GPE"] * len(rows),
    }), "mentions")


MENTIONS = _mentions([
    ("a1", 0, "turkey"), ("a1", 0, "israel"), ("a1", 0, "turkey"),  # Turkey twice in one sentence
    ("a1", 1, "hakan-fidan"), ("a1", 1, "turkey"),
    ("a2", 0, "turkey"), ("a2", 0, "israel"), ("a2", 0, "hakan-fidan"),
    ("a2", 1, "gaza"),
])

QUOTES = schema.cast(pd.DataFrame({
    "quote_id": ["a1-q0", "a2-q0", "a2-q1"],
    "article_id": ["a1", "a2", "a2"],
    "sentence_id": [1, 0, 1],
    "kind": ["direct", "reported", "reported"],
    "text": ["We want calm", "Israel must stop", "Gaza is suffering"],
    "speaker_id": ["hakan-fidan", "hakan-fidan", None],
    "speaker_text": ["Fidan", "he", "officials"],
    "about_ids": [[], ["israel"], ["gaza", "israel"]],
    "start": [10, 5, 40],
}), "quotes")

EVENTS = schema.cast(pd.DataFrame({
    "event_id": ["a1-e0", "a2-e0", "a2-e1"],
    "article_id": ["a1", "a2", "a2"],
    "sentence_id": [0, 0, 1],
    "date": pd.to_datetime(["2025-04-02", None, "2025-03-01"]),
    "precision": ["day", "none", "month"],
    "summary": ["officials met", "talks go on", "strikes continued"],
    "actor_ids": [["israel", "turkey"], ["turkey"], ["israel"]],
}), "events")


def test_cooccurrence_weights_count_shared_sentences_once_per_pair():
    edges = cooccurrence_edges(MENTIONS)
    assert edges.astype(object).values.tolist() == [
        ["hakan-fidan", "turkey", 2],
        ["israel", "turkey", 2],
        ["hakan-fidan", "israel", 1],
    ]


def test_cooccurrence_ignores_mentions_without_an_actor():
    mentions = _mentions([("a1", 0, "turkey"), ("a1", 0, None), ("a1", 1, "israel")])
    assert cooccurrence_edges(mentions).empty


def test_co_actors_lists_partners_most_shared_first():
    partners = co_actors(cooccurrence_edges(MENTIONS), "hakan-fidan", ACTORS)
    assert partners.astype(object).values.tolist() == [
        ["turkey", "Turkey", "country", 2],
        ["israel", "Israel", "country", 1],
    ]


def test_actor_table_counts_and_dates():
    table = actor_table(ACTORS, MENTIONS, quotes=QUOTES, articles=ARTICLES, events=EVENTS)
    expected = pd.DataFrame({
        "actor_id": ["turkey", "hakan-fidan", "israel", "gaza"],
        "name": ["Turkey", "Hakan Fidan", "Israel", "Gaza"],
        "kind": ["country", "person", "country", "place"],
        "role": [None, "Foreign Minister", None, None],
        "affiliation": [None, "Turkey", None, None],
        "mentions": [4, 2, 2, 1],
        "articles": [2, 2, 2, 1],
        "quotes": [0, 2, 0, 0],
        # Israel's March event is earlier than any article; Turkey's April 2 event likewise
        "first_seen": pd.to_datetime(["2025-04-02", "2025-04-09", "2025-03-01", "2025-04-11"]),
        "last_seen": pd.to_datetime(["2025-04-11", "2025-04-11", "2025-04-11", "2025-04-11"]),
    }).astype({"actor_id": "string", "name": "string", "kind": "string", "role": "string",
               "affiliation": "string", "mentions": "Int64", "articles": "Int64", "quotes": "Int64",
               "first_seen": "datetime64[ns]", "last_seen": "datetime64[ns]"})
    pd.testing.assert_frame_equal(table, expected)


def test_actor_table_lists_only_actors_in_the_given_tables():
    only_a2 = MENTIONS[MENTIONS["article_id"] == "a2"]
    table = actor_table(ACTORS, only_a2, quotes=QUOTES.iloc[0:0], articles=ARTICLES, events=EVENTS.iloc[0:0])
    assert table[["name", "mentions"]].astype(object).values.tolist() == [
        ["Gaza", 1], ["Hakan Fidan", 1], ["Israel", 1], ["Turkey", 1]]


def test_actor_table_of_empty_tables_is_empty():
    table = actor_table(ACTORS, schema.empty("mentions"), quotes=schema.empty("quotes"), articles=ARTICLES,
                        events=schema.empty("events"))
    assert table.empty and list(table.columns)[:3] == ["actor_id", "name", "kind"]


def test_quotes_said_and_about():
    assert list(quotes_said(QUOTES, "hakan-fidan")["quote_id"]) == ["a1-q0", "a2-q0"]
    assert list(quotes_about(QUOTES, "israel")["quote_id"]) == ["a2-q0", "a2-q1"]
    assert quotes_about(QUOTES, "hakan-fidan").empty


def test_actor_events_dated_first_with_the_other_actors_and_links():
    events = actor_events(EVENTS, "turkey", actors=ACTORS, articles=ARTICLES,
                          state=UrlState(actors=("Israel",)))
    assert events[["when", "summary", "with", "article", "link"]].astype(object).values.tolist() == [
        ["2 Apr 2025", "officials met", "Israel", "Talks begin", "reader?article=a1&sentence=0&actor=Israel"],
        ["undated", "talks go on", "", "Talks end", "reader?article=a2&sentence=0&actor=Israel"],
    ]



def test_links_keep_the_filter():
    assert reader_link("a1", 3, state=UrlState(actors=("Turkey", "Israel"), mode="all")) == (
        "reader?article=a1&sentence=3&actor=Turkey&actor=Israel&mode=all")
    assert reader_link("a1", None) == "reader?article=a1"
    assert profile_link("Hakan Fidan", state=UrlState(actors=("Turkey",))) == "actors?profile=Hakan+Fidan&actor=Turkey"


def test_links_keep_the_date_range_and_replace_the_place():
    here = UrlState(actors=("Turkey",), start=dt.date(2025, 4, 9), end=dt.date(2025, 4, 10), profile="Israel")
    assert reader_link("a1", 2, state=here) == (
        "reader?article=a1&sentence=2&actor=Turkey&dates=2025-04-09&dates=2025-04-10")


def test_registry_ref_uses_the_id_when_the_name_is_shared():
    actors = pd.concat([ACTORS, ACTORS.iloc[[0]].assign(actor_id="turkey-2")], ignore_index=True)
    assert registry_ref("hakan-fidan", actors) == "Hakan Fidan"
    assert registry_ref("turkey-2", actors) == "turkey-2"


@pytest.mark.parametrize(("kind", "role", "affiliation", "changes"), [
    ("person", "Foreign Minister", "turkey", {}),
    ("person", "  ", "turkey", {"role": None}),
    ("group", "Foreign Minister", None, {"kind": "group", "affiliation": None}),
    ("person", "Minister", "israel", {"role": "Minister", "affiliation": "Israel"}),
], ids=["nothing", "clear-role", "kind-and-no-affiliation", "role-and-affiliation"])
def test_detail_changes_keeps_only_what_differs(kind, role, affiliation, changes):
    assert detail_changes("hakan-fidan", ACTORS, kind=kind, role=role, affiliation_id=affiliation) == changes


def test_profile_header_escapes_what_articles_wrote():
    actor = pd.Series({"name": "<b>Fidan</b>", "kind": "person", "role": "<i>Minister</i>",
                       "aliases": ["<b>Fidan</b>", "<script>x</script>"]})
    out = profile_header_html(actor, affiliation="Turkey", first_seen=pd.Timestamp("2025-04-09"),
                              last_seen=pd.Timestamp("2025-04-10"))
    assert "&lt;b&gt;Fidan&lt;/b&gt;" in out and "&lt;i&gt;Minister&lt;/i&gt; · Turkey" in out
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "Seen 9 Apr 2025 – 10 Apr 2025" in out
