"""The sidebar's global date range: narrows every page to events and articles of those days."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.filtering import ActorFilter, with_dates
from dashboard.loader import Briefing
from dashboard.views.url_state import DATES, from_params

# The days a Streamlit slider can show: it sends dates as microseconds since 1970 in a JavaScript
# number, exact only within ±2**53 (late July 1684 to early June 2255); a day's margin each side.
DRAWABLE: tuple[dt.date, dt.date] = (dt.date(1684, 7, 29), dt.date(2255, 6, 4))


def drawable(days: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """`days` clamped to what a date widget can show; a range wholly outside collapses onto the nearest end."""
    lo, hi = (min(max(day, DRAWABLE[0]), DRAWABLE[1]) for day in days)
    return lo, hi


def date_range_filter(briefing: Briefing, flt: ActorFilter, *, key: str = "") -> ActorFilter:
    """Draw the date range in the sidebar and return `flt` narrowed to it.

    The widget key `{key}dates` doubles as the query parameter (`?dates=2025-04-01&dates=2025-04-10`),
    so a shared link keeps the range. Undated events are kept whatever the range.
    """
    bounds = _dates(briefing)
    if bounds is None or bounds[0] == bounds[1]:
        return flt
    widget, default = f"{key}{DATES}", f"_{key}{DATES}_default"
    # a range left at the data's span follows the data when it changes (an article added, a date
    # corrected); a keyed widget would otherwise keep the old span and quietly hide what moved
    left_alone = tuple(st.session_state.get(widget) or ()) == st.session_state.get(default)
    if widget in st.session_state and (left_alone or not _within(st.session_state[widget], bounds)):
        st.session_state[widget] = bounds
    st.session_state[default] = tuple(bounds)
    # the value comes from the session once the widget has one: giving both makes Streamlit warn
    initial = {} if widget in st.session_state else {"value": bounds}
    with st.sidebar:
        chosen = st.date_input(
            "Dates", **initial, min_value=bounds[0], max_value=bounds[1], key=widget,
            bind="query-params", format="YYYY-MM-DD",
            help="Every page shows only events and articles of these days; undated events stay.",
        )
    days = tuple(chosen) if isinstance(chosen, (tuple, list)) else (chosen,) if chosen else ()
    # read as the address carries it, so a link and the widget mean the same days
    state = from_params({DATES: [d.isoformat() for d in days]}, briefing.actors)
    return with_dates(flt, state.start, state.end, bounds)


def _dates(briefing: Briefing) -> tuple[dt.date, dt.date] | None:
    """`briefing_dates`, from each column's first and last day rather than a Timestamp per row (it runs on
    every rerun)."""
    ends = [x for column in (briefing.events["date"], briefing.articles["published"])
            for x in (column.min(), column.max()) if pd.notna(x)]
    return (min(ends).date(), max(ends).date()) if ends else None


def _within(days: object, bounds: tuple) -> bool:
    """True when every day of a chosen range lies within `bounds`."""
    chosen = tuple(days) if isinstance(days, (tuple, list)) else (days,)
    return all(bounds[0] <= d <= bounds[1] for d in chosen if d is not None)
