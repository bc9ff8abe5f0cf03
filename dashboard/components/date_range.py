"""The sidebar's global date range: narrows every page to events and articles of those days."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd
import streamlit as st

from dashboard.filtering import ActorFilter
from dashboard.loader import Briefing

# The days a Streamlit slider can show: it sends dates as microseconds since 1970 in a JavaScript
# number, exact only within ±2**53 (late July 1684 to early June 2255); a day's margin each side.
DRAWABLE: tuple[dt.date, dt.date] = (dt.date(1684, 7, 29), dt.date(2255, 6, 4))


def drawable(days: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """`days` clamped to what a date widget can show; a range wholly outside collapses onto the nearest end."""
    lo, hi = (min(max(day, DRAWABLE[0]), DRAWABLE[1]) for day in days)
    return lo, hi


def briefing_dates(briefing: Briefing) -> tuple[dt.date, dt.date] | None:
    """First and last day among the briefing's event dates and publication dates; None when nothing is dated."""
    days = list(briefing.events["date"].dropna()) + list(briefing.articles["published"].dropna())
    if not days:
        return None
    return min(days).date(), max(days).date()


def with_dates(flt: ActorFilter, chosen: object, bounds: tuple[dt.date, dt.date]) -> ActorFilter:
    """`flt` limited to the days `chosen` (a date or a pair of dates); the whole span leaves it open."""
    days = tuple(chosen) if isinstance(chosen, (tuple, list)) else (chosen,) if chosen else ()
    start = days[0] if days else None
    end = days[1] if len(days) > 1 else start  # half-picked range: the one day picked so far
    if start is None or (start <= bounds[0] and end >= bounds[1]):
        return replace(flt, start=None, end=None)
    # dates in the tables are days at midnight, so the end day itself is inside the range
    return replace(flt, start=pd.Timestamp(start), end=pd.Timestamp(end))


def date_range_filter(briefing: Briefing, flt: ActorFilter, *, key: str = "") -> ActorFilter:
    """Draw the date range in the sidebar and return `flt` narrowed to it.

    The widget key `{key}dates` doubles as the query parameter (`?dates=2025-04-01&dates=2025-04-10`),
    so a shared link keeps the range. Undated events are kept whatever the range.
    """
    bounds = briefing_dates(briefing)
    if bounds is None or bounds[0] == bounds[1]:
        return flt
    with st.sidebar:
        chosen = st.date_input(
            "Dates", value=bounds, min_value=bounds[0], max_value=bounds[1], key=f"{key}dates",
            bind="query-params", format="YYYY-MM-DD",
            help="Every page shows only events and articles of these days; undated events stay.",
        )
    return with_dates(flt, chosen, bounds)
