"""The timeline: event table, date spans, range filter, lanes, the Plotly figure, selection and CSV."""
from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from dashboard.views.timeline import (
    MAX_SUB_ROWS, NO_ACTOR, OTHER_ACTORS, OTHER_ARTICLES, UNDATED_MANY, date_bounds, date_label, default_range,
    event_table, events_csv, events_in_range, lane_rows, period_end, pick_selected, selected_event_ids,
    sentence_html, events_timeline_figure, rows_at, table_rows,
)
from dashboard.loader import schema


def _actors() -> pd.DataFrame:
    return schema.cast(pd.DataFrame({
        "actor_id": ["turkey", "israel", "hakan-fidan"],
        "name": ["Turkey", "Israel", "Hakan Fidan"],
        "kind": ["country", "country", "person"],
    }), "actors")


def _articles() -> pd.DataFrame:
    return schema.cast(pd.DataFrame({
        "article_id": ["a1", "a2", "a3"],
        "title": ["Talks in Baku", "Fidan <warns>", "Undated wire"],
        "published": ["2025-04-10", "2025-04-12", None],
        "source": ["wire.example", "daily.example", None],
    }), "articles")


def _events(rows: list[dict]) -> pd.DataFrame:
    base = {"article_id": "a1", "sentence_id": 0, "date": None, "precision": "none", "date_text": None,
            "summary": "something happened", "actor_ids": [], "source_count": 1}
    frame = pd.DataFrame([{**base, "event_id": f"e{i}", **r} for i, r in enumerate(rows)])
    return schema.cast(frame, "events")


def _table(rows: list[dict]) -> pd.DataFrame:
    return event_table(_events(rows), _actors(), _articles())


DAY = {"date": "2025-04-09", "precision": "day", "date_text": "on Wednesday", "actor_ids": ["turkey", "israel"],
       "sentence_id": 2, "summary": "Officials met in Baku"}
WEEK = {"date": "2025-04-07", "precision": "week", "date_text": "this week", "actor_ids": ["turkey"],
        "sentence_id": 1}
MONTH = {"date": "2025-03-01", "precision": "month", "date_text": "in March", "actor_ids": ["hakan-fidan"],
         "article_id": "a2"}
YEAR = {"date": "2024-01-01", "precision": "year", "date_text": "2024", "actor_ids": ["israel"], "article_id": "a2"}
UNDATED = {"date_text": "recently", "actor_ids": ["turkey"], "sentence_id": 4, "summary": "Turkey suspended trade"}


@pytest.mark.parametrize(
    ("precision", "start", "end"),
    [("day", "2025-04-09", "2025-04-10"), ("week", "2025-04-07", "2025-04-14"),
     ("month", "2025-02-01", "2025-03-01"), ("year", "2024-01-01", "2025-01-01")],
    ids=["day", "week", "month", "year"],
)
def test_period_end(precision, start, end):
    assert period_end(pd.Timestamp(start), precision) == pd.Timestamp(end)


@pytest.mark.parametrize(
    ("date", "precision", "published", "label"),
    [("2025-04-09", "day", None, "9 Apr 2025"), ("2025-04-07", "week", None, "week of 7 Apr 2025"),
     ("2025-03-01", "month", None, "Mar 2025"), ("2024-01-01", "year", None, "2024"),
     (None, "none", "2025-04-10", "before 10 Apr 2025"), (None, "none", None, "undated (no publication date)")],
    ids=["day", "week", "month", "year", "undated", "undated-no-publication"],
)
def test_date_label(date, precision, published, label):
    def to_ts(v):
        return pd.Timestamp(v) if v else pd.NaT

    assert date_label(to_ts(date), precision, to_ts(published)) == label


def test_event_table_orders_by_date_with_undated_before_publication():
    table = _table([UNDATED, DAY, WEEK, MONTH, {**UNDATED, "article_id": "a3"}])
    assert list(table["event_id"]) == ["e3", "e2", "e1", "e0", "e4"]
    row = table.set_index("event_id").loc["e0"]
    assert (row["date_label"], row["undated_lane"], row["actor_names"]) == (
        "before 10 Apr 2025", "before 10 Apr 2025", ["Turkey"])
    assert bool(row["is_dated"]) is False


@pytest.mark.parametrize("kept", [[1, 3], [4, 0, 2], [0, 1, 2, 3, 4]], ids=["two", "unordered", "all"])
def test_rows_of_the_whole_table_are_the_table_of_those_events(kept):
    events = _events([UNDATED, DAY, WEEK, MONTH, {**UNDATED, "article_id": "a3"}])
    some = events.iloc[sorted(kept)]
    whole = event_table(events, _actors(), _articles())
    pd.testing.assert_frame_equal(table_rows(whole, some["event_id"]), event_table(some, _actors(), _articles()))
    # the same rows by position: each row of the whole table knows the event it was made from
    sources = pd.Index(events["event_id"]).get_indexer(whole["event_id"])
    pd.testing.assert_frame_equal(rows_at(whole, sources, events.index.get_indexer(some.index), len(events)),
                                  event_table(some, _actors(), _articles()))


def test_a_date_without_precision_counts_as_undated():
    table = _table([{**DAY, "precision": "none"}])
    assert not table["is_dated"].iloc[0] and table["precision"].iloc[0] == "none"


def test_date_bounds_cover_spans_and_the_day_before_publication():
    assert date_bounds(_table([DAY, MONTH])) == (dt.date(2025, 3, 1), dt.date(2025, 4, 9))
    assert date_bounds(_table([UNDATED])) == (dt.date(2025, 4, 9), dt.date(2025, 4, 9))
    assert date_bounds(_table([{**UNDATED, "article_id": "a3"}])) is None


@pytest.mark.parametrize(
    ("start", "end", "undated", "expected"),
    [
        (None, None, True, ["e3", "e2", "e1", "e0", "e4"]),
        (dt.date(2025, 4, 8), dt.date(2025, 4, 9), True, ["e1", "e0", "e4"]),
        (dt.date(2025, 4, 8), dt.date(2025, 4, 9), False, ["e1", "e0"]),
        (dt.date(2025, 3, 31), dt.date(2025, 3, 31), False, ["e2"]),
        (dt.date(2025, 4, 14), dt.date(2025, 4, 30), False, []),
    ],
    ids=["all", "overlap-keeps-week", "without-undated", "month-overlaps-its-last-day", "nothing"],
)
def test_events_in_range(start, end, undated, expected):
    table = _table([DAY, WEEK, MONTH, YEAR, UNDATED])
    assert list(events_in_range(table, start, end, undated=undated)["event_id"]) == expected


def test_actor_lanes_repeat_an_event_for_each_actor_and_put_undated_last():
    rows = lane_rows(_table([DAY, WEEK, UNDATED, {**DAY, "actor_ids": [], "sentence_id": 7}]), "actor")
    assert list(zip(rows["event_id"], rows["lane"], rows["lane_order"])) == [
        ("e1", "Turkey", 0), ("e0", "Turkey", 0), ("e0", "Israel", 1), ("e3", NO_ACTOR, 2),
        ("e2", "before 10 Apr 2025", 3),
    ]


def test_actor_lanes_beyond_the_cap_share_a_lane():
    rows = lane_rows(_table([DAY, WEEK, MONTH]), "actor", max_lanes=2)
    assert list(dict.fromkeys(rows["lane"])) == ["Turkey", OTHER_ACTORS]
    assert list(rows.loc[rows["lane"] == OTHER_ACTORS, "event_id"]) == ["e2"]  # e0 is drawn under Turkey


def test_undated_events_of_many_publication_days_share_one_lane():
    articles = schema.cast(pd.DataFrame({
        "article_id": [f"a{i}" for i in range(6)], "title": [f"T{i}" for i in range(6)],
        "published": [f"2025-04-{10 + i}" for i in range(6)],
    }), "articles")
    events = _events([{**UNDATED, "article_id": f"a{i}"} for i in range(6)])
    table = event_table(events, _actors(), articles)
    assert set(lane_rows(table, "actor")["lane"]) == {UNDATED_MANY}
    assert set(lane_rows(table, "actor", max_undated_lanes=6)["lane"]) == {f"before {d} Apr 2025" for d in
                                                                             range(10, 16)}
    fig = events_timeline_figure(table)
    xs = [pd.Timestamp(x) for x in fig.data[0].x]
    assert all(pd.Timestamp(f"2025-04-{9 + i}") < x < pd.Timestamp(f"2025-04-{10 + i}") for i, x in enumerate(xs))


def test_article_lanes_beyond_the_cap_keep_the_busiest():
    rows = lane_rows(_table([DAY, WEEK, MONTH, {**MONTH, "article_id": "a3", "date": "2025-02-01"}]), "article",
                     max_lanes=2)
    assert list(dict.fromkeys(rows["lane"])) == ["10 Apr · Talks in Baku", OTHER_ARTICLES]
    assert sorted(rows.loc[rows["lane"] == OTHER_ARTICLES, "event_id"]) == ["e2", "e3"]


def test_a_crowded_lane_stacks_at_most_a_few_rows():
    fig = events_timeline_figure(_table([{**DAY, "sentence_id": i} for i in range(12)]), lanes="article")
    assert len(set(_traces(fig)["Day"].y)) == MAX_SUB_ROWS


def test_article_lanes_one_per_article_oldest_first():
    rows = lane_rows(_table([MONTH, DAY, UNDATED]), "article")
    assert list(dict.fromkeys(rows["lane"])) == ["10 Apr · Talks in Baku", "12 Apr · Fidan <warns>",
                                                 "before 10 Apr 2025"]


def _traces(fig):
    return {t.name: t for t in fig.data}


def test_a_day_is_a_marker_point_at_midday():
    fig = events_timeline_figure(_table([DAY]), lanes="article")
    day = _traces(fig)["Day"]
    assert day.type == "scatter" and day.mode == "markers"
    assert [pd.Timestamp(x) for x in day.x] == [pd.Timestamp("2025-04-09 12:00")]
    assert day.customdata[0][0] == "e0"


def test_a_month_is_a_bar_spanning_the_month():
    fig = events_timeline_figure(_table([MONTH]), lanes="actor")
    bar = _traces(fig)["Month"]
    assert bar.type == "bar" and bar.orientation == "h"
    assert list(bar.base) == ["2025-03-01T00:00:00"]
    assert list(bar.x) == [31 * 24 * 3600 * 1000]
    assert bar.customdata[0][0] == "e0"


def test_week_and_year_are_bars_too():
    names = {t.name: t.type for t in events_timeline_figure(_table([WEEK, YEAR])).data}
    assert names["Week"] == "bar" and names["Year"] == "bar"


def test_undated_events_sit_in_their_own_lane_just_before_publication():
    fig = events_timeline_figure(_table([DAY, {**UNDATED, "salience": 0.2}, {**UNDATED, "sentence_id": 5,
                                                                             "salience": 0.6}]))
    undated = _traces(fig)["Undated (before publication)"]
    assert list(fig.layout.yaxis.ticktext) == ["Israel", "Turkey", "before 10 Apr 2025"]  # ties: by name
    xs = [pd.Timestamp(x) for x in undated.x]
    assert all(pd.Timestamp("2025-04-09") < x < pd.Timestamp("2025-04-10") for x in xs)
    assert xs[0] < xs[1]  # the more salient nearest publication day, where its headline has room
    lane_y = fig.layout.yaxis.tickvals[2]
    assert all(abs(y - lane_y) <= 1 for y in undated.y)


def test_lanes_toggle_changes_the_lane_labels():
    table = _table([DAY, MONTH])
    by_actor = list(events_timeline_figure(table, lanes="actor").layout.yaxis.ticktext)
    by_article = list(events_timeline_figure(table, lanes="article").layout.yaxis.ticktext)
    assert by_actor == ["Hakan Fidan", "Israel", "Turkey"]
    assert by_article == ["10 Apr · Talks in Baku", "12 Apr · Fidan &lt;warns&gt;"]


def test_overlapping_events_in_a_lane_are_stacked_not_drawn_on_top():
    fig = events_timeline_figure(_table([DAY, {**DAY, "sentence_id": 3}]), lanes="article")
    ys = list(_traces(fig)["Day"].y)
    assert len(set(ys)) == 2


def test_hover_carries_summary_date_words_and_actors_escaped():
    fig = events_timeline_figure(_table([{**DAY, "summary": "Officials <b>met</b>"}]), lanes="article")
    data = list(_traces(fig)["Day"].customdata[0])
    assert data[:6] == ["e0", "9 Apr 2025", "Day", "Officials &lt;b&gt;met&lt;/b&gt;", "“on Wednesday”",
                        "Actors: Turkey, Israel"]
    assert "%{customdata[3]}" in _traces(fig)["Day"].hovertemplate


def test_no_events_make_an_empty_figure():
    assert len(events_timeline_figure(_table([DAY]).iloc[0:0]).data) == 0


@pytest.mark.parametrize(
    ("state", "ids"),
    [
        (None, []),
        ({"selection": {"points": []}}, []),
        ({"selection": {"points": [{"customdata": ["e2", "x"]}, {"customdata": ["e2", "x"]},
                                   {"customdata": ["e0"]}, {"x": 1}]}}, ["e2", "e0"]),
    ],
    ids=["no-state", "nothing-selected", "points"],
)
def test_selected_event_ids(state, ids):
    assert selected_event_ids(state) == ids


@pytest.mark.parametrize(
    ("chart", "table", "last", "previous", "expected"),
    [
        (["e1"], [], ((), ()), None, "e1"),
        (["e1"], ["e5"], (("e1",), ()), "e1", "e5"),
        (["e1"], ["e5"], (("e1",), ("e5",)), "e5", "e5"),
        ([], ["e5"], (("e1",), ("e5",)), "e5", None),
    ],
    ids=["chart-click", "then-table-click", "nothing-changed", "chart-cleared"],
)
def test_pick_selected_follows_the_latest_change(chart, table, last, previous, expected):
    assert pick_selected(chart, table, last, previous) == expected


def test_sentence_html_marks_the_date_words():
    text = "This meeting, held on <Wednesday>, marks a rare moment."
    out = sentence_html(text, 100, 100 + text.index("on <Wednesday>"), "on <Wednesday>")
    assert out == "This meeting, held <mark>on &lt;Wednesday&gt;</mark>, marks a rare moment."
    assert sentence_html(text, 100, 5, "elsewhere") == "This meeting, held on &lt;Wednesday&gt;, marks a rare moment."


def test_csv_has_the_given_rows_with_names():
    table = _table([DAY, WEEK, UNDATED])
    data = pd.read_csv(io.BytesIO(events_csv(events_in_range(table, dt.date(2025, 4, 9), None, undated=False))),
                       keep_default_na=False)
    assert list(data["event_id"]) == ["e1", "e0"]
    assert list(data["actors"]) == ["Turkey", "Turkey; Israel"]
    assert list(data["date"]) == ["2025-04-07", "2025-04-09"]
    assert list(data["date_label"]) == ["week of 7 Apr 2025", "9 Apr 2025"]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([DAY, MONTH], (dt.date(2025, 3, 1), dt.date(2025, 4, 9))),
        ([DAY, {**YEAR, "date": "1982-01-01", "article_id": "a1"}], (dt.date(2024, 4, 10), dt.date(2025, 4, 9))),
        ([{**UNDATED, "article_id": "a3"}], None),
    ],
    ids=["recent-history-kept", "old-history-left-out", "nothing-dated"],
)
def test_default_range(rows, expected):
    assert default_range(_table(rows)) == expected


# --- labels, counts and the step-through -------------------------------------------------------------

from dashboard.views.story import latest_developments, marked_sentence_html, position, step  # noqa: E402
from dashboard.views.timeline import aggregate_rows, bucket_unit, thin_labels  # noqa: E402


def test_colliding_labels_keep_the_more_salient():
    # two labels on one row overlap; a third on another row is free
    keep = thin_labels([0.0, 1.0, 0.0], [2.0, 3.0, 2.0], [0.5, 0.5, 1.5], [0.2, 0.9, 0.1])
    assert keep == [False, True, True]


def test_a_label_never_covers_another_mark():
    keep = thin_labels([0.0], [2.0], [0.5], [1.0], obstacles=[(1.5, 1.7, 0.5)])
    assert keep == [False]


def test_every_mark_is_labelled_with_its_headline_where_labels_fit():
    fig = events_timeline_figure(_table([{**DAY, "headline": "Turkey met <b>Israel</b>"}, MONTH]), lanes="article")
    labels = next(t for t in fig.data if t.name == "Headlines")
    assert sorted(labels.text) == ["Turkey met &lt;b&gt;Israel&lt;/b&gt;", "something happened"]


def test_crowded_events_become_counts_per_lane_and_day_above_the_threshold():
    rows = [{**DAY, "sentence_id": i, "salience": i / 10, "headline": f"event {i}"} for i in range(6)]
    table = _table(rows)
    one_by_one = events_timeline_figure(table, lanes="article", aggregate_above=10)
    counted = events_timeline_figure(table, lanes="article", aggregate_above=5)
    assert len(_traces(one_by_one)["Day"].x) == 6
    count = _traces(counted)["Events per day"]
    assert list(count.customdata[0][:3]) == ["e5", "9 Apr 2025", 6]  # the most salient event speaks for the day
    assert [t for t in counted.data if t.name == "Headlines"][0].text == ("event 5",)


@pytest.mark.parametrize(("days", "unit"), [(30, "day"), (400, "week"), (2000, "month")],
                         ids=["month-long", "year-long", "years"])
def test_counts_are_made_over_a_period_fit_for_the_span(days, unit):
    assert bucket_unit(pd.Timedelta(days=days)) == unit


def test_counts_per_week_fold_the_days_of_a_week():
    table = _table([{**DAY, "date": d, "sentence_id": i} for i, d in enumerate(["2025-04-07", "2025-04-09",
                                                                                "2025-04-14"])])
    folded = aggregate_rows(lane_rows(table, "article"), "week")
    assert list(folded["count"]) == [2, 1]
    assert list(folded["date_label"]) == ["week of 7 Apr 2025", "week of 14 Apr 2025"]


def test_the_story_steps_in_timeline_order_and_stops_at_the_ends():
    order = list(_table([UNDATED, DAY, MONTH, WEEK])["event_id"])
    assert order == ["e2", "e3", "e1", "e0"]  # March, the week of 7 Apr, 9 Apr, undated before 10 Apr
    assert step(order, "e3", 1) == "e1" and step(order, "e3", -1) == "e2"
    assert step(order, "e0", 1) == "e0" and step(order, "e2", -1) == "e2"
    assert step(order, "gone", 1) == "e2" and step([], None, 1) is None
    assert position(order, "e1") == 3 and position(order, "gone") == 0


def test_the_story_marks_the_event_word_and_the_date_words():
    text = "Officials <met> on Wednesday."
    assert marked_sentence_html(text, 100, [(110, 115, "b"), (116, 128, "mark")]) == (
        "Officials <b>&lt;met&gt;</b> <mark>on Wednesday</mark>.")
    assert marked_sentence_html(text, 100, [(90, 95, "b")]) == html_escape(text)


def html_escape(text: str) -> str:
    import html

    return html.escape(text)


def test_latest_developments_are_the_most_salient_of_the_last_week_newest_first():
    events = _events([
        {**DAY, "date": "2025-04-09", "salience": 0.9, "headline": "big"},
        {**DAY, "date": "2025-04-10", "salience": 0.1, "headline": "small"},
        {**DAY, "date": "2025-04-08", "salience": 0.5, "headline": "middle"},
        {**DAY, "date": "2025-01-01", "salience": 1.0, "headline": "old news"},
    ])
    assert list(latest_developments(events, limit=2)["headline"]) == ["big", "middle"]


def test_latest_developments_tell_one_articles_sentence_once():
    events = _events([
        {**DAY, "date": "2025-04-09", "salience": 0.9, "headline": "Ankara asked Baku to host talks"},
        {**DAY, "date": "2025-04-10", "salience": 0.8, "headline": "Ankara asked Baku to host talks"},
        {**DAY, "date": "2025-04-08", "salience": 0.5, "headline": "middle"},
    ])
    assert list(latest_developments(events, limit=2)["headline"]) == ["Ankara asked Baku to host talks", "middle"]
