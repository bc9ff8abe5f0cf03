"""The slides' content: which slides a view gives, and what each says."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard.export.slides import (
    EVENTS_PER_SLIDE, LONG_QUOTE, MAX_EVENTS, clip, events_span, Deck, build_deck, file_stem, key_actors, key_events, key_quotes,
    quote_text, span_label,
)
from dashboard.filtering import ActorFilter, apply_filter

from .export_samples import EVIL_NAME, EVIL_QUOTE, EVIL_SUMMARY, sample_briefing


# No briefing.yaml: the title names the main actors and the period, never the folder.
MADE_UP_TITLE = "Turkey, Israel and Hakan Fidan · 9–12 April 2025"


def deck_for(flt: ActorFilter = ActorFilter(), **kwargs) -> Deck:
    return build_deck(apply_filter(sample_briefing(**kwargs), flt))


def test_slide_order_on_a_full_view():
    deck = deck_for()
    assert [(s.kind, s.title) for s in deck.slides] == [
        ("title", MADE_UP_TITLE),
        ("events", "Key points"),
        ("timeline", "Timeline"),
        ("events", "Key developments"),
        ("quotes", "Key quotes (1 of 2)"),
        ("quotes", "Key quotes (2 of 2)"),
        ("actors", "Actors and their network"),
        ("articles", "Sources"),
    ]


def test_title_slide_names_period_filter_sources_and_contents():
    title = deck_for().slides[0]
    assert title.subtitle == "Briefing · 10 – 12 Apr 2025"
    assert dict(title.facts) == {
        "Period": "10 – 12 Apr 2025",
        "Filter": "All actors",
        "Sources": '<a href="https://tracker.example/x">Wire</a> (1), Wire (1)',
        "Contents": "2 articles · 4 events · 3 quotes",
    }


@pytest.mark.parametrize(("flt", "expected"), [
    (ActorFilter(("turkey",)), "Turkey"),
    (ActorFilter(("turkey", "greece"), "any"), "Turkey or Greece"),
    (ActorFilter(("turkey", "israel", "greece"), "all"), "Turkey, Israel and Greece"),
    (ActorFilter(start=pd.Timestamp("2025-04-01"), end=pd.Timestamp("2025-04-30")),
     "All actors, 1 Apr 2025 to 30 Apr 2025"),
    (ActorFilter(("greece",), start=pd.Timestamp("2025-04-11")), "Greece, 11 Apr 2025 to today"),
], ids=["one", "any", "all", "dates", "actor-and-start"])
def test_filter_in_words(flt, expected):
    assert deck_for(flt).filter_text == expected
    assert dict(deck_for(flt).slides[0].facts)["Filter"] == expected


def test_period_is_the_date_range_when_one_is_set():
    deck = deck_for(ActorFilter(start=pd.Timestamp("2025-04-01"), end=pd.Timestamp("2025-04-30")))
    assert deck.period == "1 – 30 Apr 2025"


def test_an_event_reported_twice_is_shown_once_in_date_order_undated_last():
    events = key_events(apply_filter(sample_briefing(), ActorFilter()))
    assert [(e.event_id, e.date_label) for e in events] == [
        ("a1-e1", "Apr 2025"), ("a1-e0", "9 Apr 2025"), ("a2-e1", "Before 12 Apr 2025")]
    first = events[1]
    assert (first.actors, first.place, first.source_count) == (("Turkey", "Israel"), "Baku", 2)
    assert events[0].headline == EVIL_SUMMARY


def test_developments_are_split_into_pages():
    b = sample_briefing()
    many = pd.concat([b.events.assign(event_id=b.events["event_id"] + f"-{i}",
                                     report_group=b.events["event_id"] + f"-{i}")
                      for i in range(3)], ignore_index=True)
    b.events = many
    deck = build_deck(apply_filter(b, ActorFilter()))
    pages = [s for s in deck.slides if s.title.startswith("Key developments")]
    assert [s.title for s in pages] == [f"Key developments ({i} of 3)" for i in (1, 2, 3)]
    assert [len(s.events) for s in pages] == [EVENTS_PER_SLIDE, EVENTS_PER_SLIDE, MAX_EVENTS - 2 * EVENTS_PER_SLIDE]


def test_quotes_direct_and_named_first_marks_and_trailing_comma_removed():
    quotes = key_quotes(apply_filter(sample_briefing(), ActorFilter()))
    assert [(q.quote_id, q.speaker, q.role) for q in quotes] == [
        ("a1-q0", "Hakan Fidan", "Foreign Minister"), ("a1-q1", EVIL_NAME, ""), ("a2-q0", "Greece", "")]
    assert quotes[0].text == "We want a mechanism that prevents any clash in Syria, and we will keep talking"
    assert quotes[1].text == EVIL_QUOTE


def test_at_most_two_quotes_of_one_speaker():
    b = sample_briefing()
    b.quotes = pd.concat([b.quotes.assign(quote_id=b.quotes["quote_id"] + f"-{i}") for i in range(3)],
                         ignore_index=True)
    speakers = [q.speaker for q in key_quotes(apply_filter(b, ActorFilter()))]
    assert sorted(speakers) == sorted(["Hakan Fidan"] * 2 + [EVIL_NAME] * 2 + ["Greece"] * 2)


def test_a_long_quote_gets_a_slide_of_its_own():
    b = sample_briefing()
    b.quotes.loc[0, "text"] = "word " * (LONG_QUOTE // 4)
    pages = [s for s in build_deck(apply_filter(b, ActorFilter())).slides if s.kind == "quotes"]
    assert [[q.quote_id for q in s.quotes] for s in pages] == [["a1-q0"], ["a1-q1", "a2-q0"]]


def test_actors_ranked_by_mentions_then_name_places_left_out():
    actors = key_actors(apply_filter(sample_briefing(), ActorFilter()))
    assert [(a.name, a.mentions, a.articles, a.quotes) for a in actors] == [
        ("Turkey", 3, 2, 0), ("Greece", 2, 1, 1), ("Israel", 2, 1, 0), (EVIL_NAME, 1, 1, 1),
        ("Hakan Fidan", 1, 1, 1)]


def test_actor_filter_narrows_every_slide():
    deck = deck_for(ActorFilter(("greece",)))
    quotes = [q.quote_id for s in deck.slides for q in s.quotes]
    events = {e.event_id for s in deck.slides for e in s.events}
    articles = [a.article_id for s in deck.slides for a in s.articles]
    assert (quotes, events, articles) == (["a2-q0"], {"a2-e1"}, ["a2"])
    assert [s.kind for s in deck.slides] == ["title", "events", "events", "quotes", "actors", "articles"]


def test_a_filter_that_selects_nothing_says_so():
    deck = deck_for(ActorFilter(("no-such-actor",)))
    assert [(s.kind, s.title) for s in deck.slides] == [("title", MADE_UP_TITLE), ("articles", "Nothing to show")]
    assert "Widen the actor filter" in deck.slides[1].note


def test_no_events_no_quotes_still_gives_title_actors_and_sources():
    deck = deck_for(events=False, quotes=False)
    assert [s.kind for s in deck.slides] == ["title", "actors", "articles"]


def test_name_can_be_given():
    assert build_deck(apply_filter(sample_briefing(), ActorFilter()), name="Weekly").slides[0].title == "Weekly"



@pytest.mark.parametrize(("lo", "hi", "expected"), [
    ("2025-04-10", "2025-04-10", "10 Apr 2025"),
    ("2025-04-09", "2025-04-12", "9 – 12 Apr 2025"),
    ("2025-03-28", "2025-04-02", "28 Mar – 2 Apr 2025"),
    ("2024-12-01", "2025-01-03", "1 Dec 2024 – 3 Jan 2025"),
], ids=["one-day", "same-month", "same-year", "two-years"])
def test_span_label(lo, hi, expected):
    assert span_label(pd.Timestamp(lo), pd.Timestamp(hi)) == expected


def test_long_text_and_many_actors_are_shortened_on_slides():
    b = sample_briefing()
    b.events.at[0, "summary"] = "officials met " * 40
    b.events.at[0, "actor_ids"] = ["turkey", "israel", "greece", "hakan-fidan", "evil", "baku"]
    b.quotes.at[0, "text"] = "we talk " * 100
    view = apply_filter(b, ActorFilter())
    event = next(e for e in key_events(view) if e.event_id == "a1-e0")
    quote = next(q for q in key_quotes(view) if q.quote_id == "a1-q0")
    assert event.headline.endswith("officials met…") and len(event.headline) <= 160
    assert event.actors == ("Turkey", "Israel", "Greece", "Hakan Fidan", "+2 more")
    assert quote.text.endswith(" we…") and len(quote.text) <= 420


@pytest.mark.parametrize(("rows", "expected"), [
    ([("2025-04-09", "day"), ("2025-04-12", "day")], "9 – 12 Apr 2025"),
    ([("2009-01-01", "year"), ("2010-04-03", "day")], "2009 – 3 Apr 2010"),
    ([("2025-04-01", "month"), ("2025-04-01", "month")], "Apr 2025"),
], ids=["days", "year-to-day", "one-month"])
def test_events_span(rows, expected):
    dated = pd.DataFrame({"date": [pd.Timestamp(d) for d, _ in rows], "precision": [p for _, p in rows]})
    assert events_span(dated) == expected


def test_a_development_starts_with_a_capital():
    b = sample_briefing()
    b.events.at[3, "summary"] = "greece watches the talks"
    events = key_events(apply_filter(b, ActorFilter()))
    assert events[-1].headline == "Greece watches the talks"


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("short enough", 20, "short enough"),
    ("cut at a word, not inside one", 18, "cut at a word…"),
], ids=["fits", "cut"])
def test_clip(text, limit, expected):
    assert clip(text, limit) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("“It works,”", "It works"),
    ('"We stay."', "We stay."),
    ("that talks would resume", "that talks would resume"),
    ("“We stay.\nWe talk.”", "We stay. We talk."),
], ids=["curly-comma", "straight-marks", "reported", "two-paragraphs"])
def test_quote_text(raw, expected):
    assert quote_text(raw) == expected


def test_file_stem_names_briefing_and_filter():
    stem = "turkey-israel-and-hakan-fidan-9-12-april-2025-briefing"
    assert file_stem(deck_for()) == stem
    assert file_stem(deck_for(ActorFilter(("turkey", "greece")))) == f"{stem}-turkey-or-greece"


def test_the_title_page_comes_from_briefing_yaml(tmp_path):
    from dashboard.loader import BriefingMeta, save_meta

    b = sample_briefing()
    b.folder = str(tmp_path)
    save_meta(tmp_path, BriefingMeta(title="Baku talks", subtitle="Deconfliction", classification="Internal"))
    title = build_deck(apply_filter(b, ActorFilter())).slides[0]
    assert (title.title, title.subtitle) == ("Baku talks", "Deconfliction · 10 – 12 Apr 2025")
    assert dict(title.facts)["Classification"] == "Internal"


def test_key_points_open_the_deck_most_important_first_and_say_when_corrected():
    b = sample_briefing()
    b.events = b.events.assign(is_corrected=b.events["event_id"] == "a1-e1")
    deck = build_deck(apply_filter(b, ActorFilter()))
    points = deck.slides[1]
    assert points.title == "Key points" and [e.event_id for e in points.events] == ["a1-e0", "a1-e1"]
    assert [e.corrected for e in points.events] == [False, True]
