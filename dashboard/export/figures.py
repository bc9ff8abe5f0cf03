"""The charts of the slides: the app's own builders, dressed for a slide or for print.

The presentation page, the HTML file and the PowerPoint deck call `figure_for`; it picks the rows a
slide shows and hands them to the one builder of each chart in `dashboard.views`.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.filtering import View
from dashboard.views.actors import cooccurrence_edges
from dashboard.views.network import network_figure
from dashboard.views.style import style_of
from dashboard.views.timeline import event_table, events_timeline_figure

from .slides import key_actors

LANES = 6
NETWORK_ACTORS = 10


def timeline_chart(view: View, *, style: str = "slide") -> go.Figure | None:
    """The timeline page's figure of the view's dated events, one lane per most active actor."""
    table = event_table(view.events, view.actors, view.articles)
    # a slide shows when things happened: undated background stays in the tables
    table = table[table["is_dated"].astype(bool)]
    if table.empty:
        return None
    return events_timeline_figure(table, lanes="actor", max_lanes=LANES + 1, style=style)


def network_chart(view: View, *, style: str = "slide", limit: int = NETWORK_ACTORS) -> go.Figure | None:
    """The actor page's network of the most mentioned actors."""
    actors = key_actors(view, limit=limit)
    if not actors:
        return None
    nodes = pd.DataFrame([{"actor_id": a.actor_id, "name": a.name, "kind": a.kind, "mentions": a.mentions}
                          for a in actors], columns=["actor_id", "name", "kind", "mentions"])
    return network_figure(nodes, cooccurrence_edges(view.mentions), label_limit=limit, style=style,
                          height=style_of(style).height("network", 500))


CHARTS = {"timeline": timeline_chart, "network": network_chart}


def figure_for(name: str, view: View, *, style: str = "slide") -> go.Figure | None:
    """The chart a slide names ('timeline' or 'network') in `style` ("slide" or "print"), or None when the
    view has nothing to draw."""
    chart = CHARTS.get(name)
    return chart(view, style=style) if chart is not None else None
