"""The reports of one event across articles: one `report_group` key per event, and the lookups built on it."""
from __future__ import annotations

import logging

import pandas as pd
import pytest

from dashboard.export.slides import distinct_events
from dashboard.loader import load_briefing, schema
from dashboard.loader.events.groups import group_reports
from dashboard.views.reports import group_rows, other_reports, report_groups
from dashboard.views.story import latest_developments
from dashboard.views.view_index import BriefingIndex

HEADER = "---\ntitle: {title}\npublished: 2025-04-10\nsource: {source}\n---\n{title}\n\n"
TALKS = {
    "a.txt": HEADER.format(title="Talks in Baku", source="wire.example")
    + "Turkish and Israeli officials held technical talks in Baku on Wednesday, the Turkish foreign ministry said.\n",
    "b.txt": HEADER.format(title="Turkey and Israel meet", source="daily.example")
    + "Israeli and Turkish officials held technical talks in Azerbaijan on Wednesday, officials said.\n",
    "c.txt": HEADER.format(title="Car sales", source="cars.example")
    + "General Motors sold more cars in Brazil on Wednesday, the company said.\n",
}


@pytest.fixture
def talks(write_articles, tmp_path, nlp):
    """Two articles that report the same talks, a third about something else, loaded into a cache."""
    folder = write_articles(TALKS)
    return folder, load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)


def _files(b) -> dict[str, str]:
    return dict(zip(b.articles["article_id"], b.articles["file"]))


def test_the_group_ties_together_exactly_the_reports_group_reports_joins(talks):
    _, b = talks
    events, files = b.events, _files(b)
    several = events.groupby("report_group").filter(lambda g: len(g) > 1)
    # one event told twice: its report in a.txt and its report in b.txt, nothing of c.txt
    assert several["report_group"].nunique() == 1
    assert sorted(files[a] for a in several["article_id"]) == ["a.txt", "b.txt"]
    assert several["summary"].str.contains("talks").all()
    assert set(several["source_count"]) == {2}
    # the group is its first report's event_id, and every other event is a group of its own
    assert several["report_group"].iloc[0] == several["event_id"].iloc[0]
    alone = events[~events["event_id"].isin(several["event_id"])]
    assert (alone["report_group"] == alone["event_id"]).all() and set(alone["source_count"]) == {1}
    # what the loader stored is what group_reports gives the table again
    again = group_reports(events.drop(columns=["report_group", "source_count"]))
    pd.testing.assert_series_equal(again["report_group"], events["report_group"])


def test_a_cached_briefing_with_the_old_list_of_reports_is_rebuilt(talks, tmp_path, nlp, caplog):
    folder, cold = talks
    [entry] = [p for p in (tmp_path / "cache" / "briefings").iterdir() if not p.name.startswith(".")]
    table = pd.read_parquet(entry / "events.parquet")
    # the column as it was before issue 16: for every event, the event_ids of its other reports
    table = table.drop(columns="report_group").assign(report_ids=[[] for _ in range(len(table))])
    table.to_parquet(entry / "events.parquet")
    with caplog.at_level(logging.WARNING):
        warm = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    assert "rebuilding" in caplog.text
    for name in cold.TABLES:
        pd.testing.assert_frame_equal(getattr(warm, name), getattr(cold, name), obj=name)


def test_the_index_finds_every_report_of_an_event(talks):
    _, b = talks
    files, index = _files(b), BriefingIndex(b)
    told_twice = b.events[b.events["source_count"] > 1].iloc[0]
    reports = index.reports(told_twice["report_group"])
    assert sorted(files[a] for a in reports["article_id"]) == ["a.txt", "b.txt"]
    others = other_reports(reports, told_twice["article_id"])
    assert [files[a] for a in others["article_id"]] == ["b.txt" if files[told_twice["article_id"]] == "a.txt"
                                                         else "a.txt"]
    told_once = b.events[b.events["source_count"] == 1].iloc[0]
    assert index.reports(told_once["report_group"]).empty


def _events(groups: list[str | None] | None) -> pd.DataFrame:
    events = schema.cast(pd.DataFrame({
        "event_id": ["a-e0", "a-e1", "b-e0", "c-e0"], "article_id": ["a", "a", "b", "c"],
        "sentence_id": [0, 1, 0, 0], "date": pd.to_datetime(["2025-04-09"] * 4), "precision": ["day"] * 4,
        "headline": ["Talks began", "Shares fell", "Talks opened", "Talks went on"],
        "salience": pd.array([0.5, 0.4, 0.9, 0.3], dtype="Float64"),
        "source_count": [3, 1, 3, 3], "report_group": groups or [None] * 4,
    }), "events")
    return events if groups is not None else events.drop(columns="report_group")


GROUPED = ["a-e0", "a-e1", "a-e0", "a-e0"]


@pytest.mark.parametrize(("groups", "want"), [
    pytest.param(GROUPED, GROUPED, id="grouped"),
    pytest.param([None, None, "a-e0", None], ["a-e0", "a-e1", "a-e0", "c-e0"], id="missing-is-its-own"),
    pytest.param(None, ["a-e0", "a-e1", "b-e0", "c-e0"], id="no-column"),
])
def test_report_groups(groups, want):
    assert report_groups(_events(groups)).tolist() == want


def test_group_rows_and_other_reports():
    members = group_rows(_events(GROUPED), ["a-e0"])
    assert list(members) == ["a-e0"] and members["a-e0"]["event_id"].tolist() == ["a-e0", "b-e0", "c-e0"]
    assert other_reports(members["a-e0"], "b")["event_id"].tolist() == ["a-e0", "c-e0"]
    assert group_rows(_events(GROUPED), []) == {}


def test_an_event_told_by_three_articles_counts_once():
    events = _events(GROUPED)
    assert distinct_events(events)["event_id"].tolist() == ["a-e0", "a-e1"]
    # the most salient report of the talks stands for them; the others are not listed again
    assert latest_developments(events)["event_id"].tolist() == ["b-e0", "a-e1"]
