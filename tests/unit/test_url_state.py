"""The URL codec: what an address says about the view, and back again."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.filtering import ActorFilter
from dashboard.views.url_state import UrlState, from_params, of_filter, to_filter, to_params

ACTORS = pd.DataFrame({"actor_id": ["turkey", "hakan-fidan", "israel"],
                       "name": ["Turkey", "Hakan Fidan", "Israel"]})

FULL = UrlState(actors=("Turkey", "Hakan Fidan"), mode="all", kinds=("person", "country"),
                start=dt.date(2025, 4, 9), end=dt.date(2025, 4, 10), briefing="alpha", profile="Israel",
                article="a1", sentence=0, slide=3)


@pytest.mark.parametrize("state", [UrlState(), FULL, UrlState(actors=("Israel",)), UrlState(sentence=0)],
                         ids=["empty", "everything", "one-actor", "first-sentence"])
def test_round_trip(state):
    assert from_params(to_params(state), ACTORS) == state


def test_params_carry_the_place_first_then_the_view():
    assert to_params(FULL) == {
        "profile": ["Israel"], "article": ["a1"], "sentence": ["0"], "slide": ["3"],
        "actor": ["Turkey", "Hakan Fidan"], "mode": ["all"], "kind": ["person", "country"],
        "dates": ["2025-04-09", "2025-04-10"], "briefing": ["alpha"],
    }


def test_defaults_are_left_out():
    assert to_params(UrlState(mode="all")) == {}, "a mode with no actor chosen says nothing"


@pytest.mark.parametrize(("params", "expected"), [
    ({"actor": ["Turkey", "Nobody Atall"]}, UrlState(actors=("Turkey",))),
    ({"actor": "Turkey", "mode": "most"}, UrlState(actors=("Turkey",))),
    ({"kind": ["person", "planet"]}, UrlState(kinds=("person",))),
    ({"sentence": "²"}, UrlState()),
    ({"sentence": "-1"}, UrlState()),
    ({"sentence": "3x"}, UrlState()),
    ({"slide": "0"}, UrlState()),
    ({"dates": ["2025-04-31", "2025-04-10"]}, UrlState(start=dt.date(2025, 4, 10), end=dt.date(2025, 4, 10))),
    ({"dates": ["yesterday"]}, UrlState()),
    ({"profile": "", "article": ""}, UrlState()),
], ids=["unknown-actor", "unknown-mode", "unknown-kind", "superscript-sentence", "negative-sentence",
        "sentence-with-letters", "slide-zero", "impossible-day", "not-a-date", "empty-values"])
def test_bad_values_are_left_out(params, expected):
    assert from_params(params, ACTORS) == expected


def test_dates_in_either_order_make_one_range():
    state = from_params({"dates": ["2025-04-10", "2025-04-09"]}, ACTORS)
    assert (state.start, state.end) == (dt.date(2025, 4, 9), dt.date(2025, 4, 10))


def test_a_repeated_single_parameter_reads_its_last_value():
    assert from_params({"slide": ["2", "5"]}, ACTORS).slide == 5


def test_filter_by_id_and_back_by_name():
    flt = to_filter(FULL, ACTORS)
    assert flt == ActorFilter(actor_ids=("turkey", "hakan-fidan"), mode="all", kinds=("person", "country"),
                              start=pd.Timestamp("2025-04-09"), end=pd.Timestamp("2025-04-10"))
    assert of_filter(flt, ACTORS, briefing="alpha") == FULL.at()


def test_moving_to_another_place_keeps_the_view():
    moved = FULL.at(article="a2")
    assert (moved.article, moved.sentence, moved.profile, moved.slide) == ("a2", None, None, None)
    assert (moved.actors, moved.start, moved.briefing) == (FULL.actors, FULL.start, "alpha")
    with pytest.raises(TypeError):
        FULL.at(actors=())


def test_subjects_travel_by_name_beside_actors():
    subjects = pd.DataFrame({"subject_id": ["nikkei-225"], "name": ["Nikkei 225"], "kind": ["index"]})
    state = from_params({"actor": ["Turkey"], "subject": ["Nikkei 225", "No such index"]}, ACTORS, subjects)
    assert state.subjects == ("Nikkei 225",)
    flt = to_filter(state, ACTORS, subjects)
    assert flt.actor_ids == ("turkey", "nikkei-225")
    assert of_filter(flt, ACTORS, subjects=subjects).subjects == ("Nikkei 225",)
    assert to_params(state)["subject"] == ["Nikkei 225"]


@pytest.mark.parametrize("state", [
    UrlState(),
    UrlState(actors=("Turkey", "Israel"), mode="all", subjects=("Nikkei 225",), kinds=("country",),
             start=dt.date(2025, 4, 9), end=dt.date(2025, 4, 10), briefing="Desk & co", profile="Turkey"),
], ids=["no-view", "every-part-of-a-view"])
def test_reader_links_are_the_reader_link_of_each_row(state):
    from dashboard.views.links import reader_link, reader_links

    articles, sentences = ["a1", "a 2", "a1", ""], [3, None, pd.NA, 1]
    assert reader_links(articles, sentences, state=state) == [
        reader_link(a, s, state=state) for a, s in zip(articles, sentences)]


def test_a_link_without_a_view_and_the_view_suffix_make_the_link_with_it():
    from dashboard.views.links import reader_link, view_suffix

    state = UrlState(actors=("Turkey",), mode="all", start=dt.date(2025, 4, 9), end=dt.date(2025, 4, 10))
    assert reader_link("a1", 3) + view_suffix(state) == reader_link("a1", 3, state=state)
    assert view_suffix(UrlState()) == ""
