"""Date rules: each temporal expression with its expected date, precision and rule."""
from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest

from dashboard.loader.events.dates import Expression, Resolution, find_expressions, resolve

THURSDAY = dt.date(2025, 4, 10)  # the story of Thursday 10 April 2025
MONDAY = dt.date(2025, 4, 7)
JANUARY = dt.date(2025, 1, 20)
D = dt.date


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    [
        pytest.param("on Wednesday", THURSDAY, "past", (D(2025, 4, 9), "day", "weekday-before-publication"),
                     id="weekday-past-is-the-day-before"),
        pytest.param("on Thursday", THURSDAY, "past", (THURSDAY, "day", "weekday-before-publication"),
                     id="weekday-of-publication-is-publication-day"),
        pytest.param("on Monday", MONDAY, "past", (MONDAY, "day", "weekday-before-publication"),
                     id="monday-story-says-on-monday"),
        pytest.param("on Monday", MONDAY, "future", (MONDAY, "day", "weekday-after-publication"),
                     id="monday-story-future-on-monday-is-today"),
        pytest.param("on Monday", THURSDAY, "future", (D(2025, 4, 14), "day", "weekday-after-publication"),
                     id="will-be-held-on-monday"),
        pytest.param("Monday", THURSDAY, "present", (MONDAY, "day", "weekday-before-publication"),
                     id="headline-present-looks-back"),
        pytest.param("Monday", THURSDAY, None, (MONDAY, "day", "weekday-nearest-publication"),
                     id="weekday-on-a-noun-is-nearest"),
        pytest.param("next Tuesday", THURSDAY, "past", (D(2025, 4, 15), "day", "weekday-next"), id="next-tuesday"),
        pytest.param("last Tuesday", THURSDAY, "past", (D(2025, 4, 8), "day", "weekday-last"), id="last-tuesday"),
        pytest.param("Friday morning", THURSDAY, "past", (D(2025, 4, 4), "day", "weekday-before-publication"),
                     id="weekday-with-part-of-day"),
        pytest.param("this week", THURSDAY, "past", (MONDAY, "week", "this-week"), id="this-week-is-its-monday"),
        pytest.param("last week", THURSDAY, "past", (D(2025, 3, 31), "week", "last-week"), id="last-week"),
        pytest.param("earlier this week", THURSDAY, "past", (MONDAY, "week", "this-week"), id="earlier-this-week"),
        pytest.param("last month", THURSDAY, "past", (D(2025, 3, 1), "month", "last-month"), id="last-month"),
        pytest.param("next month", THURSDAY, "future", (D(2025, 5, 1), "month", "next-month"), id="next-month"),
        pytest.param("last year", THURSDAY, "past", (D(2024, 1, 1), "year", "last-year"), id="last-year"),
        pytest.param("the end of this year", THURSDAY, "future", (D(2025, 1, 1), "year", "this-year"),
                     id="part-of-year-keeps-year-precision"),
        pytest.param("two days ago", THURSDAY, "past", (D(2025, 4, 8), "day", "ago"), id="two-days-ago"),
        pytest.param("three weeks ago", THURSDAY, "past", (D(2025, 3, 17), "week", "ago"), id="weeks-ago-is-a-week"),
        pytest.param("a year ago", THURSDAY, "past", (D(2024, 1, 1), "year", "ago"), id="a-year-ago"),
        pytest.param("yesterday", THURSDAY, "past", (D(2025, 4, 9), "day", "day-before-publication"),
                     id="yesterday"),
        pytest.param("earlier today", THURSDAY, "past", (THURSDAY, "day", "publication-day"), id="earlier-today"),
        pytest.param("tomorrow", THURSDAY, "future", (D(2025, 4, 11), "day", "day-after-publication"),
                     id="tomorrow"),
        pytest.param("in two weeks", THURSDAY, "future", (D(2025, 4, 21), "week", "in-n-units"),
                     id="in-two-weeks-ahead"),
        pytest.param("in March", JANUARY, "past", (D(2024, 3, 1), "month", "month-before-publication"),
                     id="march-in-a-january-story-past-is-previous-year"),
        pytest.param("in March", JANUARY, "future", (D(2025, 3, 1), "month", "month-after-publication"),
                     id="march-in-a-january-story-future-is-this-year"),
        pytest.param("in April", THURSDAY, "past", (D(2025, 4, 1), "month", "month-before-publication"),
                     id="month-of-publication-counts-as-past"),
        pytest.param("in May", THURSDAY, "past", (D(2024, 5, 1), "month", "month-before-publication"),
                     id="may-the-month-past"),
        pytest.param("in May", THURSDAY, "future", (D(2025, 5, 1), "month", "month-after-publication"),
                     id="may-the-month-future"),
        pytest.param("on March 3", THURSDAY, "past", (D(2025, 3, 3), "day", "month-day-before-publication"),
                     id="month-day-past"),
        pytest.param("on March 3", THURSDAY, "future", (D(2026, 3, 3), "day", "month-day-after-publication"),
                     id="date-in-the-future-of-the-story"),
        pytest.param("June 3", D(2009, 5, 14), None, (D(2009, 6, 3), "day", "month-day-nearest-publication"),
                     id="month-day-on-a-noun-is-nearest"),
        pytest.param("last September", D(2009, 10, 12), "past", (D(2009, 9, 1), "month", "month-last"),
                     id="last-september-is-the-one-before-this-month"),
        pytest.param("October of next year", D(2009, 5, 15), "future", (D(2010, 10, 1), "month", "month-of-next-year"),
                     id="month-of-next-year"),
        pytest.param("on March 3, 2024", THURSDAY, "past", (D(2024, 3, 3), "day", "explicit-day"), id="explicit-day"),
        pytest.param("3rd of September 2019", THURSDAY, "past", (D(2019, 9, 3), "day", "explicit-day"),
                     id="explicit-day-day-first"),
        pytest.param("Monday, March 3, 2025", THURSDAY, "past", (D(2025, 3, 3), "day", "explicit-day"),
                     id="explicit-day-with-weekday"),
        pytest.param("7/8/07", THURSDAY, "past", (D(2007, 7, 8), "day", "explicit-day"), id="numeric-us-date"),
        pytest.param("2008-04-02", THURSDAY, "past", (D(2008, 4, 2), "day", "explicit-day"), id="iso-date"),
        pytest.param("in March 2024", THURSDAY, "past", (D(2024, 3, 1), "month", "explicit-month"),
                     id="explicit-month"),
        pytest.param("by early June 2009", THURSDAY, "future", (D(2009, 6, 1), "month", "explicit-month"),
                     id="part-of-month-keeps-month-precision"),
        pytest.param("2024", THURSDAY, "past", (D(2024, 1, 1), "year", "explicit-year"), id="explicit-year"),
        pytest.param("late 2006", THURSDAY, "past", (D(2006, 1, 1), "year", "explicit-year"), id="late-year"),
        pytest.param("the third quarter of 2008", THURSDAY, "past", (D(2008, 1, 1), "year", "quarter-as-year"),
                     id="quarter-reported-as-its-year"),
        pytest.param("the summer of 2010", THURSDAY, "past", (D(2010, 1, 1), "year", "season-as-year"),
                     id="season-reported-as-its-year"),
        pytest.param("this weekend", THURSDAY, "future", (MONDAY, "week", "weekend-this"),
                     id="coming-weekend-is-its-week"),
        pytest.param("this weekend", THURSDAY, "present", (MONDAY, "week", "weekend-this"),
                     id="this-weekend-in-the-present-lies-ahead"),
        pytest.param("this weekend", THURSDAY, "past", (MONDAY - dt.timedelta(days=7), "week", "weekend-this"),
                     id="this-weekend-in-the-past-is-the-one-before"),
        pytest.param("this Friday", THURSDAY, "present", (THURSDAY + dt.timedelta(days=1), "day", "weekday-this"),
                     id="this-friday-lies-ahead"),
        pytest.param("on New Year's Eve", THURSDAY, "future", (D(2025, 12, 31), "day", "holiday-after-publication"),
                     id="a-holiday-ahead"),
        pytest.param("over Christmas", THURSDAY, "past", (D(2024, 12, 25), "day", "holiday-before-publication"),
                     id="a-holiday-past"),
        pytest.param("on Tuesday (April 8)", THURSDAY, "past", (D(2025, 4, 8), "day", "month-day-before-publication"),
                     id="a-weekday-with-its-date-in-brackets"),
        pytest.param("since '82", D(2009, 3, 1), "past", (D(1982, 1, 1), "year", "two-digit-year"),
                     id="two-digit-year-last-century"),
        pytest.param("in '08", D(2009, 3, 1), "past", (D(2008, 1, 1), "year", "two-digit-year"),
                     id="two-digit-year-this-century"),
    ],
)
def test_resolve(text: str, published: dt.date, tense: str | None, expected: tuple) -> None:
    assert resolve(text, published, tense=tense) == Resolution(*expected)


@pytest.mark.parametrize(
    ("text", "tense", "rule"),
    [
        pytest.param("recently", "past", "vague-past", id="recently"),
        pytest.param("recent", "past", "vague-past", id="a-recent-visit"),
        pytest.param("in recent years", "past", "vague-past", id="in-recent-years"),
        pytest.param("in the past", "past", "vague-past", id="in-the-past"),
        pytest.param("a few days ago", "past", "vague-past", id="a-few-days-ago"),
        pytest.param("soon", "future", "vague-future", id="soon"),
        pytest.param("in the coming weeks", "future", "vague-future", id="coming-weeks"),
        pytest.param("three years", "past", "duration", id="duration"),
        pytest.param("the past week", "past", "duration", id="the-past-week-is-a-duration"),
        pytest.param("in two years", "past", "duration", id="in-two-years-past-is-a-duration"),
        pytest.param("may", "future", "unsupported", id="may-the-verb-is-no-month"),
        pytest.param("the 1990s", "past", "unsupported", id="decade"),
        pytest.param("fiscal 2009", "past", "unsupported", id="fiscal-year"),
        pytest.param("2018-19", "past", "year-range", id="a-school-or-fiscal-year-of-two"),
        pytest.param("Christmas", "past", "holiday-season", id="a-holiday-alone-is-a-season"),
        pytest.param("the 2017/18", "past", "year-range", id="a-year-range-with-a-slash"),
        pytest.param("in 1520", "past", "outside-calendar-range", id="year-the-tables-cannot-hold"),
    ],
)
def test_undated_expressions(text: str, tense: str, rule: str) -> None:
    assert resolve(text, THURSDAY, tense=tense) == Resolution(None, "none", rule)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("on Wednesday", (None, "none", "no-publication-date"), id="weekday-stays-unresolved"),
        pytest.param("this week", (None, "none", "no-publication-date"), id="this-week-stays-unresolved"),
        pytest.param("two days ago", (None, "none", "no-publication-date"), id="ago-stays-unresolved"),
        pytest.param("yesterday", (None, "none", "no-publication-date"), id="yesterday-stays-unresolved"),
        pytest.param("in March", (None, "none", "year-unknown"), id="month-without-year-stays-unresolved"),
        pytest.param("the same day", (None, "none", "no-date-to-refer-to"), id="anaphora-stays-unresolved"),
        pytest.param("on March 3, 2024", (D(2024, 3, 3), "day", "explicit-day"), id="explicit-day-resolves"),
        pytest.param("March 2024", (D(2024, 3, 1), "month", "explicit-month"), id="explicit-month-resolves"),
        pytest.param("in 2024", (D(2024, 1, 1), "year", "explicit-year"), id="explicit-year-resolves"),
    ],
)
def test_story_without_publication_date(text: str, expected: tuple) -> None:
    assert resolve(text, None, tense="past") == Resolution(*expected)


@pytest.mark.parametrize("missing", [None, pd.NaT], ids=["none", "nat"])
def test_missing_publication_date_forms(missing: object) -> None:
    assert resolve("last month", missing, tense="past") == Resolution(None, "none", "no-publication-date")


def test_publication_date_as_timestamp() -> None:
    assert resolve("on Wednesday", pd.Timestamp("2025-04-10"), tense="past") == Resolution(
        D(2025, 4, 9), "day", "weekday-before-publication")


@pytest.mark.parametrize(
    ("text", "focus", "expected"),
    [
        pytest.param("the same day", Resolution(D(2025, 4, 9), "day", "x"), (D(2025, 4, 9), "day", "same-day-as-context"),
                     id="same-day-as-the-story"),
        pytest.param("the following day", Resolution(D(2025, 4, 9), "day", "x"),
                     (D(2025, 4, 10), "day", "day-after-context"), id="following-day"),
        pytest.param("two days later", Resolution(D(2025, 4, 9), "day", "x"),
                     (D(2025, 4, 11), "day", "day-after-context"), id="two-days-later"),
        pytest.param("the previous year", Resolution(D(2009, 1, 1), "month", "x"),
                     (D(2008, 1, 1), "year", "year-before-context"), id="previous-year"),
        pytest.param("the same month a year ago", Resolution(D(2009, 1, 1), "month", "x"),
                     (D(2008, 1, 1), "month", "same-month-year-before-context"), id="same-month-a-year-ago"),
        pytest.param("the same day", Resolution(D(2025, 3, 1), "month", "x"),
                     (None, "none", "day-finer-than-context"), id="never-finer-than-the-date-referred-to"),
        pytest.param("the day", None, (THURSDAY, "day", "same-day-as-publication"), id="the-day-of-the-story"),
    ],
)
def test_dates_that_refer_back(text: str, focus: Resolution | None, expected: tuple) -> None:
    assert resolve(text, THURSDAY, tense="past", focus=focus) == Resolution(*expected)


@pytest.mark.parametrize(("tense", "expected"), [
    pytest.param("future", (D(2025, 4, 1), "month", "same-month-as-publication"), id="still-to-come-is-this-month"),
    pytest.param("past", (D(2024, 12, 1), "month", "same-month-as-context"), id="past-is-the-month-just-named"),
])
def test_the_end_of_the_month(tense: str, expected: tuple) -> None:
    focus = Resolution(D(2024, 12, 20), "day", "x")
    assert resolve("by the end of the month", THURSDAY, tense=tense, focus=focus) == Resolution(*expected)


def _texts(text: str) -> list[str]:
    return [e.text for e in find_expressions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Officials convened this week, the ministry announced on Thursday.", ["this week", "on Thursday"],
                     id="two-expressions"),
        pytest.param("The vote will be held on Monday, March 3, 2025.", ["on Monday, March 3, 2025"],
                     id="weekday-and-date-are-one"),
        pytest.param("Prices may rise in May.", ["in May"], id="may-the-verb-and-may-the-month"),
        pytest.param("Theresa May said the March was peaceful.", [], id="may-and-march-as-names"),
        pytest.param("Markets crashed on Black Monday.", [], id="named-day"),
        pytest.param("She spoke on the Today programme on Monday.", ["on Monday"], id="the-today-programme"),
        pytest.param("He attacked Radio 9's Today show and a biased Today programme.", [], id="today-as-a-name"),
        pytest.param("Today the board met.", ["Today"], id="today-opening-a-sentence"),
        pytest.param("It hired 2,000 workers and $2008 in 2008.", ["in 2008"], id="numbers-are-not-years"),
        pytest.param("The 2008 Olympics opened.", ["2008"], id="year-before-a-noun"),
        pytest.param("During a recent visit, he recently spoke.", ["recent", "recently"], id="vague-words"),
        pytest.param("Shares rose in the past two years.", [], id="duration-is-no-date"),
        pytest.param("Shares ended the day higher.", ["the day"], id="the-day-of-trading"),
        pytest.param("It rebounded late in the day after falling.", ["late in the day"], id="the-day-after-a-clause"),
        pytest.param("Jobs spoke at this year's conference.", ["this year"], id="possessive-leaves-its-preposition"),
        pytest.param("It opens by early June.", ["by early June"], id="part-of-month"),
        pytest.param("Sales fell two days ago, a week ago and last month.", ["two days ago", "a week ago", "last month"],
                     id="relative"),
        pytest.param("Nurses walked out on Tuesday (April 8) and will work over Christmas.",
                     ["on Tuesday (April 8)", "over Christmas"], id="a-weekday-in-brackets-and-a-holiday"),
        pytest.param("Demand rose in the Christmas sales period.", [], id="a-holiday-naming-a-season-of-trade"),
        pytest.param("It happened between May 2015 and December last year, and again in March this year.",
                     ["May 2015", "December last year", "in March this year"], id="a-month-of-a-relative-year"),
    ],
)
def test_find_expressions(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_find_expressions_offsets() -> None:
    text = "Talks were held on Wednesday."
    assert find_expressions(text) == [Expression(16, 28, "on Wednesday")]


def test_period_containment() -> None:
    week = Resolution(MONDAY, "week", "this-week")
    assert week.contains(Resolution(D(2025, 4, 9), "day", "x"))
    assert not week.contains(Resolution(D(2025, 4, 14), "day", "x"))
    assert not Resolution(None, "none", "vague-past").contains(week)


# ---------------------------------------------------------------------------------------------
# The TimeML benchmark's reader and scorer (words alone: no model needed)

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-26" functionInDocument="CREATION_TIME">02/26/1998</TIMEX3></DCT>
<TEXT>
Profits <EVENT eid="e1">rose</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-25">Wednesday</TIMEX3> &amp; sales
fell in <TIMEX3 tid="t2" type="DATE" value="1997-12">December</TIMEX3>, <TIMEX3 tid="t3" type="DATE"
value="PAST_REF">recently</TIMEX3> <TIMEX3 tid="t4" type="DATE" value="1998-W09">this week</TIMEX3> and in
<TIMEX3 tid="t5" type="DATE" value="1997">1996</TIMEX3> at <TIMEX3 tid="t6" type="TIME" value="1998-02-26T10">10 a.m.</TIMEX3>
</TEXT>
</TimeML>"""


@pytest.fixture(scope="module")
def bench():
    path = Path(__file__).resolve().parents[2] / "bench" / "timeml_dates.py"
    spec = importlib.util.spec_from_file_location("timeml_dates", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being built
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


def test_timeml_reader(bench) -> None:
    doc = bench.read_timeml(TIMEML, "snippet")
    assert doc.published == D(1998, 2, 26)
    assert [(doc.text[t.start:t.end], t.expected) for t in doc.timexes] == [
        ("Wednesday", (D(1998, 2, 25), "day")),
        ("December", (D(1997, 12, 1), "month")),
        ("recently", None),
        ("this week", (D(1998, 2, 23), "week")),
        ("1996", (D(1997, 1, 1), "year")),
    ]
    assert "sales\nfell" in doc.text and "&" in doc.text


def test_timeml_score_words_alone(bench) -> None:
    table = bench.score([bench.read_timeml(TIMEML, "snippet")], context=False, errors=False)
    # "1996" annotated as 1997 is the one miss
    assert table == {"day": (1, 1), "week": (1, 1), "month": (1, 1), "year": (0, 1), "overall": (3, 4)}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2008-04-02", (D(2008, 4, 2), "day"), id="day"),
        pytest.param("2008-W15", (D(2008, 4, 7), "week"), id="week"),
        pytest.param("2008-04", (D(2008, 4, 1), "month"), id="month"),
        pytest.param("2008", (D(2008, 1, 1), "year"), id="year"),
        pytest.param("2008-Q3", None, id="quarter-is-not-calendar"),
        pytest.param("PAST_REF", None, id="past-ref"),
    ],
)
def test_timeml_calendar_values(bench, value: str, expected: tuple | None) -> None:
    assert bench.calendar_value(value) == expected
