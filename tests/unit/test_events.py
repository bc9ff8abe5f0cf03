"""Events of short stories written here, parsed by the real model: dates, undated events, summaries."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard.loader.events.extract import EVENT_COLUMNS, extract_events
from dashboard.loader.events.groups import group_reports, similar
from dashboard.loader.parsing.pipeline import build_nlp
from dashboard.loader.settings import Settings

THURSDAY = pd.Timestamp("2025-04-10")
MONDAY = pd.Timestamp("2025-04-07")
DATED = ["sentence_id", "date", "precision", "date_text", "date_rule", "tense"]


@pytest.fixture(scope="session")
def events_nlp():
    return build_nlp(Settings().model)


def _mentions(text: str, keys: dict[str, str]) -> pd.DataFrame:
    """Actor mentions at every occurrence of each surface form, as actors.find_mentions gives them."""
    rows = []
    for surface, key in keys.items():
        start = text.find(surface)
        while start >= 0:
            rows.append({"sentence_id": 0, "start": start, "end": start + len(surface), "text": surface,
                         "label": "GPE", "key": key, "kind": "country", "role": None, "affiliation_key": None})
            start = text.find(surface, start + 1)
    return pd.DataFrame(rows)


def _events(nlp, text: str, published: pd.Timestamp | None, keys: dict[str, str] | None = None) -> pd.DataFrame:
    return extract_events(nlp(text), _mentions(text, keys or {}), published)


def _expected(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=DATED)
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    return frame


@pytest.mark.parametrize(
    ("text", "published", "rows"),
    [
        pytest.param("The talks were held on Wednesday.", THURSDAY,
                     [(0, "2025-04-09", "day", "on Wednesday", "weekday-before-publication", "past")],
                     id="past-weekday-is-the-most-recent"),
        pytest.param("The ministry announced the talks on Thursday.", THURSDAY,
                     [(0, "2025-04-10", "day", "on Thursday", "weekday-before-publication", "past")],
                     id="weekday-of-publication"),
        pytest.param("The minister resigned on Monday.", MONDAY,
                     [(0, "2025-04-07", "day", "on Monday", "weekday-before-publication", "past")],
                     id="story-dated-monday-says-on-monday"),
        pytest.param("The vote will be held on Monday.", THURSDAY,
                     [(0, "2025-04-14", "day", "on Monday", "weekday-after-publication", "future")],
                     id="future-tense-looks-ahead"),
        pytest.param("The company will announce results next Tuesday.", THURSDAY,
                     [(0, "2025-04-15", "day", "next Tuesday", "weekday-next", "future")], id="next-tuesday"),
        pytest.param("The trial is set to begin on Wednesday.", pd.Timestamp("2025-04-08"),
                     [(0, "2025-04-09", "day", "on Wednesday", "weekday-after-publication", "future")],
                     id="set-to-is-future"),
        pytest.param("Exports dropped last month and the factory closed two days ago.", THURSDAY,
                     [(0, "2025-03-01", "month", "last month", "last-month", "past"),
                      (0, "2025-04-08", "day", "two days ago", "ago", "past")], id="two-clauses-two-dates"),
        pytest.param("Officials met in Baku this week.", THURSDAY,
                     [(0, "2025-04-07", "week", "this week", "this-week", "past")], id="this-week"),
        pytest.param("Sales fell in March.", pd.Timestamp("2025-01-20"),
                     [(0, "2024-03-01", "month", "in March", "month-before-publication", "past")],
                     id="march-in-a-january-story-is-last-year"),
        pytest.param("Prices may rise in May.", THURSDAY,
                     [(0, "2025-05-01", "month", "in May", "month-after-publication", "future")],
                     id="may-the-verb-and-may-the-month"),
        pytest.param("The treaty will be signed on March 3.", THURSDAY,
                     [(0, "2026-03-03", "day", "on March 3", "month-day-after-publication", "future")],
                     id="date-in-the-future-of-the-story"),
        pytest.param("A June 3 hearing has been scheduled in the court.", pd.Timestamp("2009-05-14"),
                     [(0, "2009-06-03", "day", "June 3", "month-day-nearest-publication", "future"),
                      (0, None, "none", None, "present-perfect-no-date", "past")],
                     id="date-on-a-noun-is-nearest"),
        pytest.param("The talks were held on Wednesday.\nThe treaty was signed on March 3, 2024.", None,
                     [(0, None, "none", "on Wednesday", "no-publication-date", "past"),
                      (1, "2024-03-03", "day", "on March 3, 2024", "explicit-day", "past")],
                     id="no-publication-date"),
    ],
)
def test_dated_events(events_nlp, text: str, published: pd.Timestamp | None, rows: list[tuple]) -> None:
    events = _events(events_nlp, text, published)
    pd.testing.assert_frame_equal(events[DATED], _expected(rows), check_dtype=False)


@pytest.mark.parametrize(
    ("text", "row"),
    [
        pytest.param("Turkey has suspended trade with Israel.",
                     (None, "present-perfect-no-date", "Turkey has suspended trade with Israel"), id="present-perfect"),
        pytest.param("Erdogan recently referred to Netanyahu as a butcher.",
                     ("recently", "vague-past", "Erdogan referred to Netanyahu as a butcher"), id="recently"),
        pytest.param("Both countries keep troops there following the collapse of the regime.",
                     (None, "earlier-event-no-date", "The collapse of the regime"),
                     id="following-the-collapse"),
        pytest.param("“We will respond,” the minister said.",
                     (None, "past-tense-no-date", "The minister said: “We will respond”"),
                     id="statement-keeps-its-quotation"),
        pytest.param('The plan "will not work," Ford said.',
                     (None, "past-tense-no-date", 'Ford said that the plan "will not work"'),
                     id="statement-keeps-a-partial-quotation"),
    ],
)
def test_undated_past_events_are_kept(events_nlp, text: str, row: tuple) -> None:
    events = _events(events_nlp, text, THURSDAY)
    assert events[["date_text", "date_rule", "summary"]].values.tolist() == [list(row)]
    assert events["date"].isna().all()
    assert events["precision"].tolist() == ["none"]
    assert events["tense"].tolist() == ["past"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Turkey maintains a zone in northern Syria.", id="present-state"),
        pytest.param("“I have always had a good rapport with him.”", id="inside-a-quotation"),
    ],
)
def test_no_event(events_nlp, text: str) -> None:
    assert _events(events_nlp, text, THURSDAY).empty


def test_event_told_twice_keeps_the_finer_date(events_nlp) -> None:
    text = ("Turkish and Israeli officials convened in Azerbaijan this week, the ministry announced on Thursday.\n"
            "The meeting, held on Wednesday, marked a rare moment of dialogue.")
    events = _events(events_nlp, text, THURSDAY, {"Turkish": "Turkey", "Israeli": "Israel", "Azerbaijan": "Azerbaijan"})
    expected = pd.DataFrame({
        "sentence_id": [0, 1],
        "date": pd.to_datetime(["2025-04-10", "2025-04-09"]).astype("datetime64[ns]"),
        "precision": ["day", "day"],
        "date_text": ["on Thursday", "on Wednesday"],
        "trigger": ["announced", "meeting"],
        "event_class": ["reporting", "occurrence"],
        "summary": ["The ministry announced that Turkish and Israeli officials convened in Azerbaijan",
                    "Turkish and Israeli officials convened in Azerbaijan"],
        "actor_keys": [[], ["Turkey", "Israel"]],
        "place": [None, "Azerbaijan"],
    })
    pd.testing.assert_frame_equal(events[list(expected.columns)], expected, check_dtype=False)


def test_offsets_point_at_the_dating_words(events_nlp) -> None:
    text = "Shares rose on Friday.\nThe bank said it recovered in April."
    events = _events(events_nlp, text, THURSDAY).dropna(subset=["date_text"])
    for row in events.itertuples():
        assert text[row.date_text_start:row.date_text_start + len(row.date_text)] == row.date_text
    assert events["date_text_start"].tolist() == [12, 50]


def test_columns_and_summary_length(events_nlp) -> None:
    text = ("The long-awaited agreement between the two governments, which had been negotiated over several rounds "
            "in three capitals by officials from both foreign ministries and their legal advisers, was finally "
            "signed in Geneva on Tuesday by the ministers of both countries and witnessed by envoys of the United "
            "Nations and the European Union.")
    events = _events(events_nlp, text, THURSDAY)
    assert list(events.columns) == EVENT_COLUMNS
    signed = events[events["date"].notna() & ~events["date_rule"].str.startswith("inherited")]
    assert signed["date"].tolist() == [pd.Timestamp("2025-04-08")]
    assert len(signed["summary"].iloc[0].split()) <= 25
    assert signed["place"].tolist() == ["Geneva"]


def test_empty_text(events_nlp) -> None:
    events = _events(events_nlp, "", THURSDAY)
    assert list(events.columns) == EVENT_COLUMNS and events.empty


# ---------------------------------------------------------------------------------------------
# The same event in several articles


def _briefing_events(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["event_id", "article_id", "date", "precision", "summary", "actor_ids"]).assign(
        date=lambda f: pd.to_datetime(f["date"]))


def test_group_reports_joins_the_same_event_across_articles() -> None:
    events = _briefing_events([
        ("a-e0", "a", "2025-04-09", "day", "Turkish and Israeli officials held talks in Baku", ["turkey", "israel"]),
        ("b-e0", "b", "2025-04-09", "day", "Israel and Turkey held technical talks in Azerbaijan", ["israel"]),
        ("b-e1", "b", "2025-04-09", "day", "Israel struck targets in Syria", ["israel"]),
        ("c-e0", "c", "2025-04-10", "day", "Turkish and Israeli officials held talks", ["turkey", "israel"]),
        ("c-e1", "c", None, "none", "Turkish and Israeli officials held talks", ["turkey", "israel"]),
    ])
    grouped = group_reports(events)
    assert grouped["source_count"].tolist() == [2, 2, 1, 1, 1]
    assert grouped["report_group"].tolist() == ["a-e0", "a-e0", "b-e1", "c-e0", "c-e1"]


def test_group_reports_needs_a_shared_actor() -> None:
    events = _briefing_events([
        ("a-e0", "a", "2025-04-09", "day", "Officials held talks in Baku", ["turkey"]),
        ("b-e0", "b", "2025-04-09", "day", "Officials held talks in Baku", ["israel"]),
    ])
    assert group_reports(events)["source_count"].tolist() == [1, 1]


def test_group_reports_not_joined_by_names_and_times_alone() -> None:
    events = _briefing_events([
        ("a-e0", "a", "2009-06-01", "day", "General Motors filed for bankruptcy in the United States at 12:00 UTC",
         ["united-states", "general-motors"]),
        ("b-e0", "b", "2009-06-01", "day", "The President of the United States spoke at 16:00 UTC today",
         ["united-states"]),
    ])
    assert group_reports(events)["source_count"].tolist() == [1, 1]


def test_group_reports_on_an_empty_table() -> None:
    grouped = group_reports(_briefing_events([]))
    assert grouped.empty and {"source_count", "report_group"} <= set(grouped.columns)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param("officials convened for talks", "the officials convene talks", True, id="inflections"),
        pytest.param("shares fell sharply", "the minister resigned", False, id="different"),
        pytest.param("", "the minister resigned", False, id="empty"),
    ],
)
def test_similar_summaries(a: str, b: str, same: bool) -> None:
    assert similar(a, b) is same


def test_group_reports_raises_the_salience_of_an_event_told_twice() -> None:
    events = _briefing_events([
        ("a-e0", "a", "2025-04-09", "day", "Turkish and Israeli officials held talks in Baku", ["turkey", "israel"]),
        ("b-e0", "b", "2025-04-09", "day", "Israel and Turkey held technical talks in Azerbaijan", ["israel"]),
        ("c-e0", "c", "2025-04-09", "day", "Israel struck targets in Syria", ["israel"]),
    ]).assign(sentence_id=5, event_class="occurrence", agent_ids=[["turkey"], ["israel"], ["israel"]],
              patient_ids=[[], [], []])
    grouped = group_reports(events)
    assert grouped["salience"].iloc[0] > grouped["salience"].iloc[2]
    assert grouped["salience"].iloc[0] == grouped["salience"].iloc[1]


def test_group_reports_joins_through_a_report_that_shares_a_different_actor_with_each() -> None:
    # a and c share no actor, but each tells the same event as b: one event, three sources
    events = _briefing_events([
        ("a-e0", "a", "2025-04-09", "day", "Turkish and Israeli officials held talks in Baku", ["turkey"]),
        ("b-e0", "b", "2025-04-09", "day", "Turkish and Israeli officials held talks in Baku", ["turkey", "israel"]),
        ("c-e0", "c", "2025-04-09", "day", "Turkish and Israeli officials held talks in Baku", ["israel"]),
        ("d-e0", "d", "2025-04-09", "week", "Turkish and Israeli officials held talks in Baku", ["israel"]),
    ])
    grouped = group_reports(events)
    assert grouped["source_count"].tolist() == [3, 3, 3, 1]
    assert grouped["report_group"].tolist() == ["a-e0", "a-e0", "a-e0", "d-e0"]
