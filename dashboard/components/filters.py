"""The sidebar's global actor filter, kept in the URL so a filtered view can be shared as a link."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.filtering import ActorFilter
from dashboard.loader.vocabulary import ACTOR_KINDS
from dashboard.views.url_state import ACTOR, KIND, MODE, MODES, from_params, to_filter

KINDS = list(ACTOR_KINDS)


def actor_filter(actors: pd.DataFrame, *, key: str = "") -> ActorFilter:
    """Draw the filter in the sidebar and return what it selects.

    Options are the briefing's actors, most mentioned first; the kind picker only narrows the list.
    Widget keys double as query parameters: `actor` (repeated, by name), `kind` and `mode`.
    """
    by_freq = actors.sort_values(["mention_count", "name"], ascending=[False, True])
    names = set(by_freq["name"])
    with st.sidebar:
        st.markdown("### Filter")
        kinds = st.multiselect(
            "Kinds of actor", KINDS, key=f"{key}{KIND}", placeholder="All kinds", bind="query-params",
            help="Narrows the list below; does not filter by itself.",
        )
        shown = by_freq[by_freq["kind"].isin(kinds)] if kinds else by_freq
        # keep selected actors available even when the kind picker hides their kind
        selected_before = [a for a in st.session_state.get(f"{key}{ACTOR}", []) if a in names]
        options = list(dict.fromkeys([*selected_before, *shown["name"]]))
        chosen = st.multiselect(
            "Actors", options, key=f"{key}{ACTOR}", placeholder="All actors", bind="query-params",
            help="Every page shows only what involves these actors.",
        )
        mode = st.segmented_control(
            "Match chosen actors", list(MODES), key=f"{key}{MODE}", default="any", bind="query-params",
            help="Any: rows with at least one chosen actor. All: rows with every chosen actor.",
        ) or "any"
    # read as the address carries it, so a link and the widgets mean the same actors
    return to_filter(from_params({ACTOR: chosen, MODE: [mode], KIND: kinds}, actors), actors)
