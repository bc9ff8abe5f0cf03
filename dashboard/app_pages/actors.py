"""Actors: who is in the briefing, who appears with whom, and everything about one actor."""
import html

import pandas as pd
import streamlit as st

from dashboard.components.actor_views import (
    actor_events, actor_table, co_actors, cooccurrence_edges, quotes_about, quotes_said, reader_url,
)
from dashboard.components.charts import KIND_COLORS
from dashboard.components.context import current_view
from dashboard.components.layout import filter_caption
from dashboard.components.network_figure import network_figure, timeline_figure
from dashboard.components.quote_cards import cards_html, escape_markdown, quote_table

view = current_view()
b = view.briefing
names_by_id = b.actors.set_index("actor_id")["name"].to_dict()
ids_by_name = dict(zip(b.actors["name"], b.actors["actor_id"]))
filter_names = [names_by_id.get(a, a) for a in view.filter.actor_ids]
links = dict(actor_names=filter_names, mode=view.filter.mode)

st.title("Actors")
filter_caption(view)

table = actor_table(b.actors, view.mentions, quotes=view.quotes, articles=view.articles, events=view.events)
if table.empty:
    if b.actors.empty:
        st.info("No actors were found in this briefing's articles.", icon=":material/info:")
    else:
        st.info("No actors in this view: the actor filter in the sidebar selects no articles. Clear it to see "
                "every actor.", icon=":material/filter_alt_off:")
    st.stop()
edges = cooccurrence_edges(view.mentions)


def _choose(name: object) -> None:
    """Make `name` the profiled actor: the URL's `profile` parameter is the one place that holds it."""
    if isinstance(name, str) and name in ids_by_name:
        st.query_params["profile"] = name


def _on_table_select() -> None:
    rows = st.session_state["actors_table"]["selection"]["rows"]
    shown = st.session_state.get("_actors_table_names", [])
    if rows and rows[0] < len(shown):
        _choose(shown[rows[0]])


def _on_partner_select() -> None:
    rows = st.session_state["actors_partners"]["selection"]["rows"]
    shown = st.session_state.get("_actors_partner_names", [])
    if rows and rows[0] < len(shown):
        _choose(shown[rows[0]])


def _on_network_click(key: str) -> None:
    points = st.session_state[key]["selection"]["points"]
    if points:
        _choose(points[0].get("customdata"))


def _on_pick() -> None:
    _choose(st.session_state["actors_profile"])


# The profiled actor: from the URL (a shared link, a click, the picker), else the most mentioned actor.
wanted = st.query_params.get("profile")
if wanted is not None and wanted not in ids_by_name:
    st.warning(f"No actor named “{escape_markdown(wanted)}” in this briefing; it may have been renamed or merged. "
               "Pick one from the table.", icon=":material/person_off:")
profile_name = wanted if wanted in ids_by_name else str(table.iloc[0]["name"])
profile_id = ids_by_name[profile_name]

# --- the table -------------------------------------------------------------------------------------
head = st.columns([3, 2], vertical_alignment="bottom")
head[0].subheader("Actors in view")
search = head[1].text_input("Search actors", key="actors_search", placeholder="Search name, role or affiliation",
                            label_visibility="collapsed", icon=":material/search:")
shown = table
if search:
    hay = table[["name", "role", "affiliation"]].fillna("").agg(" ".join, axis=1).str.casefold()
    shown = table[hay.str.contains(search.casefold(), regex=False)].reset_index(drop=True)
st.session_state["_actors_table_names"] = list(shown["name"])
# the table's highlighted row follows the profiled actor, however it was chosen
hits = shown.index[shown["actor_id"] == profile_id]
st.session_state["actors_table"] = {"selection": {"rows": [int(hits[0])] if len(hits) else [],
                                                  "columns": [], "cells": []}}
st.dataframe(
    shown.drop(columns="actor_id"), key="actors_table", on_select=_on_table_select, selection_mode="single-row",
    hide_index=True, height=min(38 + 35 * len(shown), 388), placeholder="—",
    column_config={
        "name": st.column_config.TextColumn("Name", width="medium", pinned=True),
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
st.caption(f"{len(shown)} of {len(table)} actors in view · select a row to open its profile · first and last "
           "seen span publication dates and event dates")

# --- network and profile -----------------------------------------------------------------------------
actor = b.actors[b.actors["actor_id"] == profile_id].iloc[0]
row = table[table["actor_id"] == profile_id]
said = quotes_said(view.quotes, profile_id)
about = quotes_about(view.quotes, profile_id)
events = actor_events(view.events, profile_id, actors=b.actors, articles=b.articles, **links)
partners = co_actors(edges, profile_id, b.actors)

st.space("small")
net_col, profile_col = st.columns([1, 1], gap="large")
with net_col:
    with st.container(border=True):
        st.markdown("**Who appears with whom**")
        most = min(len(table), 100)
        top_n = most if most <= 5 else st.slider(
            "Actors shown", 5, most, min(25, most), key="actors_top_n",
            help="The most mentioned actors in view (the profiled actor is always shown).")
        nodes = table.head(top_n)
        if profile_id not in set(nodes["actor_id"]):
            nodes = pd.concat([nodes, table[table["actor_id"] == profile_id]], ignore_index=True)
        network_key = f"actors_network_{profile_id}"  # a fresh chart per profiled actor forgets the old click
        st.plotly_chart(
            network_figure(nodes, edges, selected_id=profile_id, height=430), key=network_key,
            on_select=lambda: _on_network_click(network_key), selection_mode="points",
            config={"displayModeBar": False, "scrollZoom": False},
        )
        linked = edges[edges["source"].isin(nodes["actor_id"]) & edges["target"].isin(nodes["actor_id"])]
        st.caption(f"{len(nodes)} actors · {len(linked)} links · node size = mentions · line width = sentences "
                   "shared · click an actor to open its profile")

with profile_col:
    st.session_state["actors_profile"] = profile_name
    st.selectbox("Profile of", list(dict.fromkeys([profile_name, *table["name"]])), key="actors_profile",
                 on_change=_on_pick, help="Or select a row in the table, or click an actor in the network.")
    kind = str(actor["kind"])
    colour = KIND_COLORS.get(kind, KIND_COLORS["other"])
    affiliation = names_by_id.get(actor["affiliation_id"]) if isinstance(actor["affiliation_id"], str) else None
    facts = [x for x in (actor["role"], affiliation) if isinstance(x, str) and x]
    aliases = [a for a in actor["aliases"] if a != actor["name"]]
    st.html(
        '<div style="display:flex;align-items:baseline;gap:.7rem;flex-wrap:wrap;margin:.2rem 0 0 0">'
        f'<span style="font-size:1.75rem;font-weight:700;color:#0f172a;line-height:1.2">{html.escape(profile_name)}</span>'
        f'<span style="background:{colour}1a;color:{colour};border:1px solid {colour}55;border-radius:999px;'
        f'padding:.05rem .6rem;font-size:.8rem;font-weight:600">{html.escape(kind)}</span></div>'
        f'<div style="color:#334155;font-size:1rem;margin-top:.15rem">{html.escape(" · ".join(facts)) or "&nbsp;"}</div>'
        + (f'<div style="color:#64748b;font-size:.85rem;margin-top:.2rem">Also written as: '
           f'{html.escape(", ".join(aliases))}</div>' if aliases else "")
    )
    if row.empty:
        st.caption("Not in the current filtered view: counts below are for this view.")
    r = row.iloc[0] if not row.empty else None
    seen = "—"
    if r is not None and pd.notna(r["first_seen"]):
        lo, hi = r["first_seen"], r["last_seen"]
        seen = f"{lo:%-d %b %Y}" if lo.date() == hi.date() else f"{lo:%-d %b %y} – {hi:%-d %b %y}"
    figures = [("Mentions", int(r["mentions"]) if r is not None else 0),
               ("Articles", int(r["articles"]) if r is not None else 0), ("Seen", seen),
               ("Quotes said", len(said)), ("Quotes about", len(about)), ("Events", len(events))]
    for line in (figures[:3], figures[3:]):
        for col, (label, value) in zip(st.columns(3), line):
            col.metric(label, value)
    st.markdown("**Appears with** · select one to open its profile")
    if partners.empty:
        st.caption("Shares no sentence with another actor in this view.")
    else:
        st.session_state["_actors_partner_names"] = list(partners["name"])
        st.session_state["actors_partners"] = {"selection": {"rows": [], "columns": [], "cells": []}}
        st.dataframe(
            partners.drop(columns="actor_id"), hide_index=True, key="actors_partners",
            height=min(38 + 35 * len(partners), 248), on_select=_on_partner_select, selection_mode="single-row",
            column_config={
                "name": st.column_config.TextColumn("Actor"),
                "kind": st.column_config.TextColumn("Kind", width="small"),
                "shared_sentences": st.column_config.ProgressColumn(
                    "Shared sentences", format="%d", min_value=0, max_value=int(partners["shared_sentences"].max())),
            },
        )


def _quote_cards(quotes: pd.DataFrame, *, highlight: list[str]) -> None:
    rows = quote_table(quotes, b.actors, b.articles)
    urls = [reader_url(a, s, **links) for a, s in zip(rows["article_id"], rows["sentence_id"])]
    box = st.container(height=620) if len(rows) > 4 else st.container()
    box.html(cards_html(rows, urls, highlight=highlight))


tabs = st.tabs([f"Quotes said · {len(said)}", f"Quotes about · {len(about)}", f"Events · {len(events)}"],
               key="actors_profile_tabs")
with tabs[0]:
    if said.empty:
        st.info(f"No quotes attributed to {escape_markdown(profile_name)} in this view.",
                icon=":material/format_quote:")
    else:
        _quote_cards(said, highlight=[])
with tabs[1]:
    if about.empty:
        st.info(f"No quotes mention {escape_markdown(profile_name)} in this view.", icon=":material/format_quote:")
    else:
        _quote_cards(about, highlight=list(actor["aliases"]) or [profile_name])
with tabs[2]:
    if events.empty:
        st.info(f"No events involving {escape_markdown(profile_name)} in this view.", icon=":material/event_busy:")
    else:
        if events["date"].notna().any():
            st.plotly_chart(timeline_figure(events), key="actors_timeline", config={"displayModeBar": False})
        else:
            st.caption("None of these events is dated.")
        st.dataframe(
            events, hide_index=True, key="actors_events", placeholder="undated",
            column_config={
                "date": st.column_config.DateColumn("Date", format="D MMM YYYY", width="small"),
                "precision": st.column_config.TextColumn("Precision", width="small"),
                "date_text": st.column_config.TextColumn("Dated by", width="small"),
                "summary": st.column_config.TextColumn("What happened", width="large"),
                "with": st.column_config.TextColumn("With"),
                "place": st.column_config.TextColumn("Place", width="small"),
                "article": st.column_config.TextColumn("Article"),
                "link": st.column_config.LinkColumn("Sentence", display_text="Read", width="small"),
            },
        )

# --- registry ----------------------------------------------------------------------------------------
st.divider()
st.caption("Registry editing: pending")
