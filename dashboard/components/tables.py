"""Tables of the whole briefing that several pages read, made once per briefing (two briefings kept: the
one shown and the one before a correction reloaded it).

A filtered view takes its rows from them (`rows_at`, `quote_rows`) instead of making its own. Resources,
not data: copying tens of thousands of rows with list cells on every rerun would cost what the cache saves;
the pages only read these tables and take slices of them (never change them in place).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from dashboard.loader import Briefing
from dashboard.views.quotes import quote_rows, quote_table
from dashboard.views.timeline import event_table, rows_at


@st.cache_resource(max_entries=2, show_spinner=False)
def _events(briefing: tuple, _b: Briefing) -> tuple[pd.DataFrame, np.ndarray]:
    table = event_table(_b.events, _b.actors, _b.articles)
    # each row's position in the briefing's events: a filtered view's rows are then picked by position, not
    # looked up by id (at 20,000 articles, indexing 440,000 ids cost the first filtered rerun 150 ms)
    return table, pd.Index(_b.events["event_id"].astype(object)).get_indexer(table["event_id"].astype(object))


@st.cache_resource(max_entries=2, show_spinner=False)
def _quotes(briefing: tuple, _b: Briefing) -> pd.DataFrame:
    return quote_table(_b.quotes, _b.actors, _b.articles)


def briefing_events(briefing: tuple, b: Briefing) -> pd.DataFrame:
    """`event_table` of every event of `b`, whose content `briefing` (the context's briefing_key) names."""
    return _events(briefing, b)[0]


def briefing_event_rows(briefing: tuple, b: Briefing, events: pd.DataFrame) -> pd.DataFrame:
    """The rows of `briefing_events` for `events` (rows of `b.events`, as a filter keeps them), in its order."""
    table, sources = _events(briefing, b)
    return rows_at(table, sources, b.events.index.get_indexer(events.index), len(b.events))


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
