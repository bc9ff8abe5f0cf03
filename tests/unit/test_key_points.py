"""Key points: the few most important developments, by salience where there is one."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard.loader import schema
from dashboard.views.key_points import key_points, key_points_table


def _events(**extra) -> pd.DataFrame:
    events = schema.cast(pd.DataFrame({
        "event_id": ["a-e0", "a-e1", "a-e2", "b-e0", "a-e3", "a-e4"],
        "article_id": ["a", "a", "a", "b", "a", "a"],
        "sentence_id": [0, 1, 2, 0, 3, 4],
        "date": pd.to_datetime(["2025-04-09", "2025-04-10", None, "2025-04-09", "2025-04-08", "2025-04-07"]),
        "precision": ["day", "day", "none", "day", "day", "day"],
        "summary": ["talks began in Baku", "ministry announced talks", "a war went on",
                    "talks opened in Baku", "a call took place", "an envoy arrived"],
        "actor_ids": [["israel", "turkey", "azerbaijan"], ["turkey"], ["israel", "turkey", "syria", "iran"],
                      ["israel", "turkey"], ["turkey", "israel"], []],
        "source_count": [2, 1, 1, 2, 1, 1], "report_group": ["a-e0", "a-e1", "a-e2", "a-e0", "a-e3", "a-e4"],
    }), "events")
    for name, values in extra.items():
        events[name] = values
    return events


ARTICLES = schema.cast(pd.DataFrame({"article_id": ["a", "b"], "title": ["A", "B"], "file": ["a.txt", "b.txt"],
                                     "source": ["example.org", None],
                                     "published": pd.to_datetime(["2025-04-10", "2025-04-10"])}), "articles")


def test_without_salience_dated_events_with_more_actors_come_first_and_reports_count_once():
    points = key_points(_events(), ARTICLES)
    assert [p.event_id for p in points] == ["a-e0", "a-e3", "a-e1", "a-e4"]
    assert points[0].sources == ("example.org", "B") and points[0].date_label == "9 Apr 2025"
    assert points[0].headline == "Talks began in Baku"


def test_salience_decides_when_the_column_has_values():
    events = _events(salience=pd.array([0.1, 0.9, 0.5, 0.2, None, 0.3], dtype="Float64"),
                     headline=["Talks", "Ministry announces talks", "War goes on", "Talks", None, "Envoy"])
    points = key_points(events, ARTICLES, limit=3)
    assert [p.event_id for p in points] == ["a-e1", "a-e2", "a-e4"]
    assert points[0].headline == "Ministry announces talks"
    assert points[1].date_label == "before 10 Apr 2025"


def test_two_events_of_one_article_told_in_one_sentence_are_one_point():
    events = _events(salience=pd.array([0.1, 0.9, 0.5, 0.2, 0.8, 0.3], dtype="Float64"),
                     headline=["Talks", "Ankara asked Baku to host talks", "War goes on", "Talks",
                               "Ankara asked Baku to host talks", "Envoy"])
    points = key_points(events, ARTICLES, limit=3)
    assert [p.event_id for p in points] == ["a-e1", "a-e2", "a-e4"]


@pytest.mark.parametrize("limit", [3, 5])
def test_at_most_limit_points(limit):
    assert len(key_points(_events(), ARTICLES, limit=limit)) == min(limit, 4)


def test_undated_events_fill_in_when_fewer_than_three_are_dated():
    events = _events().iloc[[1, 2]]
    assert [p.event_id for p in key_points(events, ARTICLES)] == ["a-e1", "a-e2"]


def test_the_table_carries_date_development_sources_and_correction_mark():
    events = _events(is_corrected=pd.array([True, False, False, False, False, False], dtype="boolean"))
    table = key_points_table(key_points(events, ARTICLES, limit=1))
    assert table.to_dict("records") == [{"date": "9 Apr 2025", "development": "Talks began in Baku",
                                         "sources": "example.org, B", "corrected": "yes"}]
