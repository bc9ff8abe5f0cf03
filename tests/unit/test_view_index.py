"""The indexed filter gives exactly the tables `apply_filter` gives, for every kind of filter."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from dashboard.filtering import ActorFilter, apply_filter
from dashboard.views.view_index import BriefingIndex, rows_by_id
from tests.corpora import NEWS

TABLES = ("articles", "sentences", "mentions", "quotes", "events")


@pytest.fixture(scope="module")
def briefing(tmp_path_factory, nlp):
    """The seed article beside two written ones: Turkey and Israel, and a trade deal that never names Turkey."""
    from dashboard.loader import load_briefing
    from tests.conftest import SEEDS
    from tests.files import write

    folder = tmp_path_factory.mktemp("index") / "articles"
    shutil.copytree(SEEDS, folder)
    write(folder, NEWS)
    return load_briefing(folder, cache_dir=tmp_path_factory.mktemp("cache"), nlp=nlp)


def _filters(b) -> list[ActorFilter]:
    actors = list(b.actors.sort_values("mention_count", ascending=False)["actor_id"])
    subject = list(b.subjects["subject_id"][:1])
    day = pd.Timestamp("2025-04-10")
    return [
        ActorFilter(),
        ActorFilter(actor_ids=(actors[0],)),
        ActorFilter(actor_ids=tuple(actors[:2])),
        ActorFilter(actor_ids=tuple(actors[:2]), mode="all"),
        ActorFilter(actor_ids=tuple(actors[1:4]), mode="all"),
        ActorFilter(actor_ids=(actors[0], *subject)),
        ActorFilter(actor_ids=("no-such-actor",)),
        ActorFilter(actor_ids=("no-such-actor", actors[0]), mode="all"),
        ActorFilter(start=day, end=day),
        ActorFilter(start=day),
        ActorFilter(actor_ids=(actors[-1],), end=day),
    ]


def test_every_filter_gives_the_tables_apply_filter_gives(briefing):
    index = BriefingIndex(briefing)
    assert len(briefing.articles) == 3 and len(briefing.events) > 5
    for flt in _filters(briefing):
        expected, got = apply_filter(briefing, flt), index.view(flt)
        for name in TABLES:
            pd.testing.assert_frame_equal(getattr(got, name), getattr(expected, name), obj=f"{name} of {flt}")


def test_some_columns_of_a_view_are_those_columns_of_its_table(briefing):
    index = BriefingIndex(briefing)
    columns = ["event_id", "date", "actor_ids"]
    for flt in _filters(briefing):
        expected = apply_filter(briefing, flt).events[columns]
        pd.testing.assert_frame_equal(index.view(flt).columns("events", columns), expected)
        read = index.view(flt)
        read.events  # noqa: B018 - the whole table cut first, then its columns read from it
        pd.testing.assert_frame_equal(read.columns("events", columns), expected)


def test_an_actors_events_in_a_view_are_its_rows_of_the_views_events(briefing):
    index = BriefingIndex(briefing)
    columns = ["event_id", "date"]
    actors = list(briefing.actors["actor_id"]) + ["no-such-actor"]
    for flt in _filters(briefing):
        view, expected = index.view(flt), apply_filter(briefing, flt).events
        for actor in actors:
            involved = [isinstance(ids, list) and actor in ids for ids in expected["actor_ids"]]
            mine = expected.loc[pd.Series(involved, index=expected.index, dtype=bool), columns]
            pd.testing.assert_frame_equal(view.events_of(actor, columns), mine, obj=f"{actor} in {flt}")
            pd.testing.assert_frame_equal(apply_filter(briefing, flt).events_of(actor, columns), mine)


def test_a_filter_narrows_the_tables(briefing):
    turkey = briefing.actors.loc[briefing.actors["name"] == "Turkey", "actor_id"].iloc[0]
    view = BriefingIndex(briefing).view(ActorFilter(actor_ids=(turkey,)))
    assert 0 < len(view.articles) < len(briefing.articles)
    assert 0 < len(view.events) < len(briefing.events)


@pytest.mark.parametrize("lists, singles, expected", [
    ([[["a", "b"], [], ["a", "a"]]], None, {"a": [0, 2], "b": [0]}),
    ([[["a"], ["b"]], [["b"], []]], ["c", None], {"a": [0], "b": [0, 1], "c": [0]}),
    ([[[], []]], None, {}),
], ids=["repeats-once", "several-columns-and-singles", "empty"])
def test_rows_by_id(lists, singles, expected):
    got = rows_by_id([pd.Series(column, dtype=object) for column in lists],
                     pd.Series(singles, dtype=object) if singles is not None else None)
    assert {k: list(v) for k, v in got.items()} == expected


def test_a_sentence_is_found_by_its_article_and_number(briefing):
    index = BriefingIndex(briefing)
    for row in briefing.sentences.sample(5, random_state=1).itertuples(index=False):
        found = index.sentence(row.article_id, row.sentence_id)
        assert (found["article_id"], found["sentence_id"], found["text"]) == (row.article_id, row.sentence_id, row.text)
    assert index.sentence("no-such-article", 0) is None
    assert index.sentence(briefing.articles["article_id"].iloc[0], 10_000) is None
