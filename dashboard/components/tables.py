"""Tables of the whole briefing that several pages read, made once per briefing (two briefings kept: the
one shown and the one before a correction reloaded it).

A filtered view takes its rows from them (`table_rows`, `quote_rows`) instead of making its own. Resources,
not data: copying tens of thousands of rows with list cells on every rerun would cost what the cache saves;
the pages only read these tables and take slices of them (never change them in place).
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.loader import Briefing
from dashboard.views.quotes import quote_rows, quote_table
from dashboard.views.timeline import event_table, table_rows


@st.cache_resource(max_entries=2, show_spinner=False)
def _events(briefing: tuple, _b: Briefing) -> pd.DataFrame:
    return event_table(_b.events, _b.actors, _b.articles)


@st.cache_resource(max_entries=2, show_spinner=False)
def _quotes(briefing: tuple, _b: Briefing) -> pd.DataFrame:
    return quote_table(_b.quotes, _b.actors, _b.articles)


def briefing_events(briefing: tuple, b: Briefing) -> pd.DataFrame:
    """`event_table` of every event of `b`, whose content `briefing` (the context's briefing_key) names."""
    return _events(briefing, b)


def briefing_quotes(briefing: tuple, b: Briefing) -> pd.DataFrame:
    """`quote_table` of every quote of `b`, whose content `briefing` (the context's briefing_key) names."""
    return _quotes(briefing, b)


@st.cache_resource(max_entries=2, show_spinner=False)
def _quote_positions(briefing: tuple, _table: pd.DataFrame) -> pd.Index:
    return pd.Index(_table["quote_id"].astype(object))


def briefing_quote_rows(briefing: tuple, b: Briefing, quote_ids: pd.Series) -> pd.DataFrame:
    """The rows of `briefing_quotes` for `quote_ids`, in its order."""
    table = briefing_quotes(briefing, b)
    return quote_rows(table, quote_ids, positions=_quote_positions(briefing, table))


@st.cache_resource(max_entries=2, show_spinner=False)
def _event_positions(briefing: tuple, _table: pd.DataFrame) -> pd.Index:
    return pd.Index(_table["event_id"].astype(object))


def briefing_event_rows(briefing: tuple, b: Briefing, event_ids: pd.Series) -> pd.DataFrame:
    """The rows of `briefing_events` for `event_ids`, in its order."""
    table = briefing_events(briefing, b)
    return table_rows(table, event_ids, positions=_event_positions(briefing, table))
