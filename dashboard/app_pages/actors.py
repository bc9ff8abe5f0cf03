"""Actors: who is in the briefing, who appears with whom, and everything about one actor.

The profiled actor lives in the URL's `profile` parameter (an actor's name), so a profile can be linked;
the table, the network, the picker and "appears with" all write it there.
"""
import pandas as pd
import streamlit as st

from dashboard.filtering import View

from dashboard.components.context import current_state, current_view, url_state, view_key
from dashboard.components.accessibility import chart_table
from dashboard.components.layout import filter_caption
from dashboard.components.tables import briefing_quote_rows
from dashboard.components.registry_editor import last_correction, registry_editor
from dashboard.loader import REGISTRY_FILE
from dashboard.views.actors import (
    ACTOR_EVENT_COLUMNS, actor_events, actor_table, actor_timeline_html, co_actors, cooccurrence_edges,
    profile_header_html, quotes_about, quotes_said,
)
from dashboard.views.labels import escape_md
from dashboard.views.links import reader_links, view_suffix

from dashboard.views.network import actor_events_figure, network_figure
from dashboard.views.quotes import cards_html
from dashboard.views.url_state import UrlState

NO_SELECTION = {"selection": {"rows": [], "columns": [], "cells": []}}
MAX_LISTED_EVENTS = 200  # an actor's timeline list beyond this is not read; the chart shows every event
MAX_CARDS = 30  # quote cards of a profile tab; the Quotes page lists every quote


# What the page builds is remembered per view (`view_key`: the briefing and the filter), so
# going back to a view, or to a profile already opened, redraws without building again. Resources, not
# data: pickling a thousand quote cards and events on every hit would cost what the cache saves; the page
# only reads what it gets back.
@st.cache_resource(max_entries=16, show_spinner=False)
def view_tables(key: tuple, _view: View) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actor table and the co-occurrence edges of the view `key` names."""
    # the briefing's articles, not the view's: only their dates are looked up, for the view's mentions (whose
    # articles the view keeps), and cutting the view's articles copies their text
    return (actor_table(_view.actors, _view.mentions, quotes=_view.quotes, articles=_view.briefing.articles,
                        events=_view.columns("events", ["actor_ids", "date"])), cooccurrence_edges(_view.mentions))


@st.cache_resource(max_entries=32, show_spinner=False)
def network_for(key: tuple, profile_id: str, top_n: int, _nodes: pd.DataFrame, _edges: pd.DataFrame):
    """The network of the view `key` with `profile_id` highlighted."""
    return network_figure(_nodes, _edges, selected_id=profile_id, height=430)


# An actor's events and their chart are remembered by which events they are (`events_key`), not by the
# view: filtering by the profiled actor keeps every event of its own, so they are the ones already made.
@st.cache_resource(max_entries=32, show_spinner=False)
def events_of(briefing: tuple, profile_id: str, events_key: int, _events: pd.DataFrame, _actors: pd.DataFrame,
              _articles: pd.DataFrame) -> tuple[pd.DataFrame, object]:
    """The actor's events (`actor_events`, links without a view) and their chart."""
    events = actor_events(_events, profile_id, actors=_actors, articles=_articles)
    return events, (actor_events_figure(events, height=150) if events["date"].notna().any() else None)


@st.cache_resource(max_entries=32, show_spinner=False)
def profile_parts(key: tuple, profile_id: str, here: UrlState, _view: View, _edges: pd.DataFrame) -> dict:
    """Everything of one actor's profile in the view `key`: counts, quote cards, its timeline."""
    actors, articles = _view.actors, _view.briefing.articles
    said, about = quotes_said(_view.quotes, profile_id), quotes_about(_view.quotes, profile_id)
    mine = _view.events_of(profile_id, ACTOR_EVENT_COLUMNS)  # the columns its events are told with, no more
    # which events, by their rows in the briefing's events table: hashing tens of thousands of ids costs more
    events, figure = events_of(key[0], profile_id, hash(mine.index.to_numpy().tobytes()), mine, actors, articles)
    aliases = list(actors.loc[actors["actor_id"] == profile_id, "aliases"].iloc[0])

    def cards(quotes: pd.DataFrame, highlight: list[str]) -> str:
        # the first cards only: hundreds of cards are not read here, and the Quotes page lists them all
        rows = briefing_quote_rows(key[0], _view.briefing, quotes["quote_id"]).head(MAX_CARDS)
        return cards_html(rows, reader_links(rows["article_id"], rows["sentence_id"], state=here), highlight=highlight)

    listed = events if len(events) <= MAX_LISTED_EVENTS else events.loc[
        events["salience"].fillna(0.0).astype("float64").nlargest(MAX_LISTED_EVENTS).index.sort_values()]
    # the links keep this view: its part of the address follows the place (`reader_links` writes them so)
    listed = listed.assign(link=listed["link"] + view_suffix(here))
    return {
        "said": len(said), "about": len(about), "events": len(events),
        "said_html": cards(said, []) if len(said) else "",
        "about_html": cards(about, aliases or [str(actors.set_index("actor_id").at[profile_id, "name"])])
        if len(about) else "",
        "figure": figure,
        "listed": len(listed), "timeline_html": actor_timeline_html(listed) if len(listed) else "",
        "partners": co_actors(_edges, profile_id, actors),
    }


view = current_view()
b = view.briefing
names_by_id = b.actors.set_index("actor_id")["name"].to_dict()
ids_by_name = dict(zip(b.actors["name"], b.actors["actor_id"]))
here = current_state()  # links keep the actor filter and the date range

st.title("Actors")
filter_caption(view)

key = view_key()
table, edges = view_tables(key, view)
if table.empty:
    if b.actors.empty:
        st.info("No actors were found in this briefing's articles.", icon=":material/info:")
    else:
        st.info("No actors in this view: the actor filter in the sidebar selects no articles. Clear it to see "
                "every actor.", icon=":material/filter_alt_off:")
    st.stop()


# --- choosing the profiled actor ---------------------------------------------------------------------
def _choose(name: object) -> None:
    if isinstance(name, str) and name in ids_by_name:
        st.query_params["profile"] = name


def _on_row(key: str, names_key: str) -> None:
    """A row picked in a table: `names_key` holds the names in the order that table showed them."""
    rows = st.session_state[key]["selection"]["rows"]
    shown = st.session_state.get(names_key, [])
    if rows and rows[0] < len(shown):
        _choose(shown[rows[0]])


def _on_network_click(key: str) -> None:
    points = st.session_state[key]["selection"]["points"]
    if points:
        _choose(points[0].get("customdata"))


saved, follow = last_correction(key="actors_edit")
if follow in names_by_id:
    # after a correction, keep the same actor (ids survive renames and merges) under its new name
    st.query_params["profile"] = names_by_id[follow]
wanted = url_state().profile
if wanted is not None and wanted not in ids_by_name:
    st.warning(f"No actor named “{escape_md(wanted)}” in this briefing: it may have been renamed, merged or "
               "hidden. Showing the most mentioned actor instead.", icon=":material/person_off:")
profile_name = wanted if wanted in ids_by_name else str(table.iloc[0]["name"])
profile_id = ids_by_name[profile_name]
actor = b.actors[b.actors["actor_id"] == profile_id].iloc[0]

# --- the actor table ---------------------------------------------------------------------------------
head = st.columns([3, 2], vertical_alignment="bottom")
head[0].header("Actors in view")
search = head[1].text_input("Search actors", key="actors_search", placeholder="Search name, role or affiliation",
                            label_visibility="collapsed", icon=":material/search:")
shown = table
if search:
    hay = table[["name", "role", "affiliation"]].fillna("").agg(" ".join, axis=1).str.casefold()
    shown = table[hay.str.contains(search.casefold(), regex=False)].reset_index(drop=True)
st.session_state["_actors_table_names"] = list(shown["name"])
# the highlighted row follows the profiled actor, however it was chosen
hits = list(shown.index[shown["actor_id"] == profile_id])
st.session_state["actors_table"] = {"selection": {"rows": hits[:1], "columns": [], "cells": []}}
st.dataframe(
    shown.drop(columns="actor_id"), key="actors_table", selection_mode="single-row",
    on_select=lambda: _on_row("actors_table", "_actors_table_names"), hide_index=True,
    height=min(38 + 35 * len(shown), 388), placeholder="—",
    column_config={
        "name": st.column_config.TextColumn("Name", width="medium"),
        "kind": st.column_config.TextColumn("Kind", width="small"),
        "role": st.column_config.TextColumn("Role", width="medium"),
        "affiliation": st.column_config.TextColumn("Affiliation", width="small"),
        "mentions": st.column_config.ProgressColumn("Mentions", format="%d", min_value=0,
                                                    max_value=int(table["mentions"].max()), width="small"),
        "articles": st.column_config.NumberColumn("Articles", width="small"),
        "quotes": st.column_config.NumberColumn("Quotes said", width="small"),
        "first_seen": st.column_config.DateColumn("First seen", format="D MMM YYYY", width="small"),
        "last_seen": st.column_config.DateColumn("Last seen", format="D MMM YYYY", width="small"),
    },
)
st.caption(f"{len(shown)} of {len(table)} actors in view · select a row to open its profile · first and last seen "
           "span publication and event dates")

# --- network and profile -----------------------------------------------------------------------------
row = table[table["actor_id"] == profile_id]
parts = profile_parts(key, profile_id, here, view, edges)
partners = parts["partners"]
affiliation = names_by_id.get(actor["affiliation_id"]) if isinstance(actor["affiliation_id"], str) else None

st.space("small")
net_col, profile_col = st.columns([1, 1], gap="large")
with net_col, st.container(border=True):
    st.markdown("**Who appears with whom**")
    most = min(len(table), 100)
    top_n = most if most <= 5 else st.slider(
        "Actors shown", 5, most, min(25, most), key="actors_top_n",
        help="The most mentioned actors in view; the profiled actor is always shown.")
    nodes = table.head(top_n)
    if profile_id not in set(nodes["actor_id"]):
        nodes = pd.concat([nodes, row], ignore_index=True)
    network_key = f"actors_network_{profile_id}"  # a fresh chart per profiled actor forgets the previous click
    st.plotly_chart(
        network_for(key, profile_id, top_n, nodes, edges), key=network_key,
        on_select=lambda: _on_network_click(network_key), selection_mode="points",
        config={"displayModeBar": False, "scrollZoom": False},
    )
    linked = edges[edges["source"].isin(nodes["actor_id"]) & edges["target"].isin(nodes["actor_id"])]
    st.caption(f"{len(nodes)} actors · {len(linked)} links · size: mentions · line width: sentences shared · "
               "click an actor to open its profile")
    chart_table(linked.assign(source=linked["source"].map(names_by_id), target=linked["target"].map(names_by_id))
                .rename(columns={"source": "actor", "target": "appears with", "weight": "sentences shared"})
                .sort_values("sentences shared", ascending=False), key="actors_network")


with profile_col:
    pick, edit = st.columns([3, 1], vertical_alignment="bottom")
    st.session_state["actors_profile"] = profile_name
    pick.selectbox("Profile of", list(dict.fromkeys([profile_name, *table["name"]])), key="actors_profile",
                   on_change=lambda: _choose(st.session_state["actors_profile"]),
                   help="Or select a row in the table, or click an actor in the network.")
    editor = edit.popover("Correct", icon=":material/edit:", width="stretch",
                          help=f"Rename, set details, merge or hide: saved to {REGISTRY_FILE} in the briefing folder")
    if saved:
        st.success(saved, icon=":material/check_circle:")
    seen = row.iloc[0] if not row.empty else {"first_seen": None, "last_seen": None}
    st.html(profile_header_html(actor, affiliation=affiliation, first_seen=seen["first_seen"],
                                last_seen=seen["last_seen"]))
    if row.empty:
        st.caption("Not in the current filtered view: the counts below are for this view.")
    r = row.iloc[0] if not row.empty else None
    figures = [("Mentions", int(r["mentions"]) if r is not None else 0),
               ("Articles", int(r["articles"]) if r is not None else 0), ("Appears with", len(partners)),
               ("Quotes said", parts["said"]), ("Quotes about", parts["about"]), ("Events", parts["events"])]
    for line in (figures[:3], figures[3:]):
        for col, (label, value) in zip(st.columns(3), line):
            col.metric(label, value)
    st.markdown("**Appears with** · select one to open its profile")
    if partners.empty:
        st.caption("Shares no sentence with another actor in this view.")
    else:
        st.session_state["_actors_partner_names"] = list(partners["name"])
        st.session_state["actors_partners"] = NO_SELECTION
        st.dataframe(
            partners.drop(columns="actor_id"), hide_index=True, key="actors_partners",
            height=min(38 + 35 * len(partners), 248), selection_mode="single-row",
            on_select=lambda: _on_row("actors_partners", "_actors_partner_names"),
            column_config={
                "name": st.column_config.TextColumn("Actor"),
                "kind": st.column_config.TextColumn("Kind", width="small"),
                "shared_sentences": st.column_config.ProgressColumn(
                    "Shared sentences", format="%d", min_value=0, max_value=int(partners["shared_sentences"].max())),
            },
        )


# --- quotes and events -------------------------------------------------------------------------------
def _cards(cards: str, n: int) -> None:
    box = st.container(height=620) if n > 4 else st.container()
    box.html(cards)
    if n > MAX_CARDS:
        st.caption(f"The first {MAX_CARDS} of {n} quotes, newest article first.")
        st.page_link("app_pages/quotes.py", label="Every quote on the Quotes page", icon=":material/format_quote:")


who = escape_md(profile_name)
counts = (parts["said"], parts["about"], parts["events"])
labels = [f"Quotes said · {counts[0]}", f"Quotes about · {counts[1]}", f"Events · {counts[2]}"]
# open on the first tab that has something to show
tabs = st.tabs(labels, default=next((t for t, n in zip(labels, counts) if n), labels[0]), key="actors_profile_tabs")
with tabs[0]:
    if not parts["said"]:
        st.info(f"No quotes attributed to {who} in this view.", icon=":material/format_quote:")
    else:
        _cards(parts["said_html"], parts["said"])
with tabs[1]:
    if not parts["about"]:
        st.info(f"No quotes mention {who} in this view.", icon=":material/format_quote:")
    else:
        _cards(parts["about_html"], parts["about"])
with tabs[2]:
    if not parts["events"]:
        st.info(f"No events involving {who} in this view.", icon=":material/event_busy:")
    else:
        if parts["figure"] is not None:
            st.plotly_chart(parts["figure"], key="actors_timeline", config={"displayModeBar": False})
            unit = (parts["figure"].layout.meta or {}).get("counted_by")
            if unit:
                st.caption(f"Too many events to mark one by one: each mark counts {who}'s events of one {unit} "
                           "(the larger, the more), labelled with the most salient.")
        else:
            st.caption("None of these events is dated.")
        shown_events = (f"the {parts['listed']} most salient of its {parts['events']} events"
                        if parts["listed"] < parts["events"] else "its events")
        st.caption(f"{who}: {shown_events} in order, with what it did, what was done to it, and where it is "
                   "only named.")
        box = st.container(height=520, key="actors_events") if parts["listed"] > 8 else st.container(
            key="actors_events")
        box.html(parts["timeline_html"])


# --- corrections to the actor registry --------------------------------------------------------------
with editor:
    registry_editor(b, profile_id, key="actors_edit")
