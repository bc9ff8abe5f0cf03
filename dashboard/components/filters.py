"""The sidebar's global actor filter, kept in the URL so a filtered view can be shared as a link."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.filtering import ActorFilter
from dashboard.loader.vocabulary import ACTOR_KINDS

KINDS = list(ACTOR_KINDS)


def actor_names(actors: pd.DataFrame) -> dict[str, str]:
    """Display name -> actor_id. Names are what the URL carries: readable in a shared link."""
    return dict(zip(actors["name"].iloc[::-1], actors["actor_id"].iloc[::-1]))


def actor_filter(actors: pd.DataFrame, *, key: str = "") -> ActorFilter:
    """Draw the filter in the sidebar and return what it selects.

    Options are the briefing's actors, most mentioned first; the kind picker only narrows the list.
    Widget keys double as query parameters: `actor` (repeated, by name), `kind` and `mode`.
    """
    by_freq = actors.sort_values(["mention_count", "name"], ascending=[False, True])
    ids = actor_names(by_freq)
    with st.sidebar:
        st.markdown("### Filter")
        kinds = st.multiselect(
            "Kinds of actor", KINDS, key=f"{key}kind", placeholder="All kinds", bind="query-params",
            help="Narrows the list below; does not filter by itself.",
        )
        shown = by_freq[by_freq["kind"].isin(kinds)] if kinds else by_freq
        # keep selected actors available even when the kind picker hides their kind
        selected_before = [a for a in st.session_state.get(f"{key}actor", []) if a in ids]
        options = list(dict.fromkeys([*selected_before, *shown["name"]]))
        chosen = st.multiselect(
            "Actors", options, key=f"{key}actor", placeholder="All actors", bind="query-params",
            help="Every page shows only what involves these actors.",
        )
        mode = st.segmented_control(
            "Match chosen actors", ["any", "all"], key=f"{key}mode", default="any", bind="query-params",
            help="Any: rows with at least one chosen actor. All: rows with every chosen actor.",
        ) or "any"
    return ActorFilter(actor_ids=tuple(ids[name] for name in chosen if name in ids), mode=mode)
