"""Figure builders for the overview: plain functions of tables, tested without Streamlit."""
from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

KIND_COLORS = {
    "person": "#2563eb", "organization": "#7c3aed", "country": "#059669", "group": "#d97706",
    "place": "#64748b", "other": "#94a3b8",
}
# Darker shades of the same hues for text on a light tint of KIND_COLORS: at least 4.5:1 (WCAG AA).
KIND_INK = {
    "person": "#1e40af", "organization": "#5b21b6", "country": "#065f46", "group": "#92400e",
    "place": "#334155", "other": "#334155",
}


def top_actors_figure(mentions: pd.DataFrame, actors: pd.DataFrame, *, n: int = 15) -> go.Figure:
    """Horizontal bars of the most mentioned actors in `mentions`, coloured by kind."""
    # the one column, not every column of every mention, before dropping the unnamed ones
    counts = mentions[["actor_id"]].dropna().groupby("actor_id").size().rename("mentions").reset_index()
    data = counts.merge(actors[["actor_id", "name", "kind"]], on="actor_id", how="left")
    data = data[data["kind"] != "place"].nlargest(n, "mentions").sort_values("mentions")
    fig = px.bar(data, x="mentions", y="name", color="kind", orientation="h", color_discrete_map=KIND_COLORS,
                 hover_data={"actor_id": False, "kind": True, "mentions": True, "name": False},
                 labels={"mentions": "Mentions", "name": "", "kind": "Kind"})
    fig.update_layout(height=max(260, 28 * len(data) + 80), margin=dict(l=10, r=10, t=10, b=10),
                      legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0), bargap=0.25)
    fig.update_yaxes(categoryorder="total ascending")
    return fig
