"""The charts of the slides: the app's own figure builders where they exist, simple ones otherwise.

Every label that comes from an article is escaped for Plotly, whose text accepts a few HTML tags
(links among them): a name must show as written, never become markup.
"""
from __future__ import annotations

import html
import importlib
import logging
import math
from collections import Counter
from itertools import combinations

import pandas as pd
import plotly.graph_objects as go

from dashboard.views.overview import KIND_COLORS
from dashboard.views.labels import count_label, date_label
from dashboard.filtering import View

from .slides import MAX_ACTORS, key_actors

INK = "#0b1220"
MUTED = "#475569"
ACCENT = "#1d4ed8"
FONT = "Inter, 'Segoe UI', Helvetica, Arial, sans-serif"
LANES = 6
NETWORK_ACTORS = 10

log = logging.getLogger(__name__)


def plain(value: object) -> str:
    """Text safe for a Plotly label: its tag characters escaped."""
    return html.escape(str(value), quote=False)


def _styled(fig: go.Figure, *, font_size: int, height: int) -> go.Figure:
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    fig.update_layout(
        template="plotly_white", height=height, font=dict(family=FONT, size=font_size, color=INK),
        margin=dict(l=10, r=10, t=10, b=10), paper_bgcolor="white", plot_bgcolor="white",
        hoverlabel=dict(font_size=max(14, font_size - 2)),
    )
    return fig


def _external(module: str, name: str):
    """A builder from dashboard/components when that module provides it, else None."""
    try:
        return getattr(importlib.import_module(f"dashboard.views.{module}"), name, None)
    except ImportError:
        return None


def timeline_figure(view: View, *, font_size: int = 18, height: int = 460) -> go.Figure:
    """Dated events as points in time, one lane per most active actor."""
    events = distinct_events(view.events.dropna(subset=["date"]))
    names = dict(zip(view.actors["actor_id"], view.actors["name"]))
    counts = Counter(a for ids in events["actor_ids"] for a in ids if a in names)
    lanes = [a for a, _ in counts.most_common(LANES)]
    rows = []
    for e in events.itertuples(index=False):
        mine = [a for a in e.actor_ids if a in lanes] or [None]
        for a in mine:
            rows.append({
                "date": e.date, "lane": plain(names[a]) if a else "Other",
                "size": 12 + 4 * min(int(e.source_count) if not pd.isna(e.source_count) else 1, 5),
                "hover": f"<b>{plain(date_label(e.date, e.precision))}</b><br>{_wrap(plain(e.summary))}",
            })
    data = pd.DataFrame(rows, columns=["date", "lane", "size", "hover"])
    order = [plain(names[a]) for a in lanes] + (["Other"] if (data["lane"] == "Other").any() else [])
    fig = go.Figure(go.Scatter(
        x=data["date"], y=data["lane"], mode="markers", hovertext=data["hover"], hoverinfo="text",
        marker=dict(size=data["size"], color=ACCENT, opacity=0.8, line=dict(color="white", width=1.5)),
    ))
    fig.update_yaxes(categoryorder="array", categoryarray=order[::-1], title=None, gridcolor="#e2e8f0")
    fig.update_xaxes(title=None, gridcolor="#e2e8f0")
    if not data.empty:
        _day_ticks(fig, data["date"].min(), data["date"].max() + pd.Timedelta(days=1))
        fig.update_traces(x=[d + pd.Timedelta(hours=12) for d in data["date"]])
    return _styled(fig, font_size=font_size, height=height)


def _day_ticks(fig: go.Figure, lo: pd.Timestamp, hi: pd.Timestamp) -> None:
    """Dates are days: never tick hours; a short span gets a day of air on each side."""
    if hi - lo < pd.Timedelta(days=21):
        # ticks at noon: a day's events sit at its middle, right above its label
        fig.update_xaxes(range=[lo.normalize() - pd.Timedelta(days=1), hi.normalize() + pd.Timedelta(days=1)],
                         dtick=86_400_000, tick0=lo.normalize() + pd.Timedelta(hours=12), tickformat="%-d %b",
                         ticklabelmode="instant")
    else:
        fig.update_xaxes(tickformat="%-d %b %Y")


def distinct_events(events: pd.DataFrame) -> pd.DataFrame:
    """One row per happening: later reports of an event another article already gave are dropped."""
    seen: set[str] = set()
    keep = []
    for eid, reports in zip(events["event_id"], events["report_ids"]):
        keep.append(eid not in seen)
        if eid not in seen:
            seen.add(eid)
            seen.update(reports or [])
    return events[keep]


def _wrap(text: str, width: int = 60) -> str:
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    return "<br>".join([*lines, line])


def co_mentions(view: View, actor_ids: list[str]) -> Counter:
    """Pairs of the given actors named in the same sentence, and how often."""
    m = view.mentions[view.mentions["actor_id"].isin(actor_ids)]
    pairs: Counter = Counter()
    for _, ids in m.groupby(["article_id", "sentence_id"])["actor_id"]:
        for a, b in combinations(sorted(set(ids)), 2):
            pairs[(a, b)] += 1
    return pairs


def _label_side(x: float, y: float) -> str:
    """Labels sit outside the circle, away from the lines that cross it."""
    if abs(x) > 0.6:
        return "middle right" if x > 0 else "middle left"
    return "top center" if y >= 0 else "bottom center"


def network_figure(view: View, *, font_size: int = 18, height: int = 520, limit: int = MAX_ACTORS) -> go.Figure:
    """The most mentioned actors on a circle, joined where a sentence names both."""
    actors = key_actors(view, limit=limit)
    ids = [a.actor_id for a in actors]
    pairs = co_mentions(view, ids)
    n = max(len(actors), 1)
    # start at the top and go clockwise, so the most mentioned actor leads
    pos = {a.actor_id: (math.cos(math.pi / 2 - 2 * math.pi * i / n), math.sin(math.pi / 2 - 2 * math.pi * i / n))
           for i, a in enumerate(actors)}
    fig = go.Figure()
    strongest = max(pairs.values(), default=1)
    for (a, b), w in sorted(pairs.items(), key=lambda kv: kv[1]):
        (x0, y0), (x1, y1) = pos[a], pos[b]
        fig.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip", showlegend=False,
                                 line=dict(color="#94a3b8", width=1.5 + 6 * w / strongest)))
    most = max((a.mentions for a in actors), default=1)
    fig.add_trace(go.Scatter(
        x=[pos[a.actor_id][0] for a in actors], y=[pos[a.actor_id][1] for a in actors],
        mode="markers+text", text=[plain(a.name) for a in actors],
        textposition=[_label_side(*pos[a.actor_id]) for a in actors],
        hovertext=[f"<b>{plain(a.name)}</b><br>{count_label(a.mentions, 'mention')} in {count_label(a.articles, 'article')}" for a in actors],
        hoverinfo="text", showlegend=False, textfont=dict(size=font_size, color=INK),
        marker=dict(opacity=1, size=[22 + 30 * math.sqrt(a.mentions / most) for a in actors],
                    color=[KIND_COLORS.get(a.kind, KIND_COLORS["other"]) for a in actors],
                    line=dict(color="white", width=2)),
    ))
    fig.update_xaxes(visible=False, range=[-2.1, 2.1])
    fig.update_yaxes(visible=False, range=[-1.35, 1.35], scaleanchor="x")
    return _styled(fig, font_size=font_size, height=height)


def app_timeline_figure(view: View, *, font_size: int = 18, height: int = 470) -> go.Figure | None:
    """The timeline page's own figure, enlarged for a slide; None when that module is not there."""
    table_of, build = _external("timeline", "event_table"), _external("timeline", "timeline_figure")
    if table_of is None or build is None:
        return None
    table = table_of(view.events, view.actors, view.articles)
    # a slide shows when things happened: undated background stays in the tables
    table = table[table["is_dated"].astype(bool)]
    if table.empty:
        return None
    fig = build(table, lanes="actor", max_lanes=LANES + 1)
    _day_ticks(fig, table["period_start"].min(), table["period_end"].max())
    fig.update_traces(marker=dict(size=18), selector=dict(type="scatter", mode="markers"))
    # Streamlit's Plotly does not grow the margins for labels unless asked
    fig.update_xaxes(automargin=True, tickfont=dict(size=font_size))
    fig.update_yaxes(automargin=True, tickfont=dict(size=font_size))
    fig.update_layout(height=height, font=dict(family=FONT, size=font_size, color=INK), dragmode=False,
                      clickmode="none", legend=dict(font=dict(size=font_size - 2)), paper_bgcolor="white")
    return fig


def app_network_figure(view: View, *, font_size: int = 18, height: int = 500,
                       limit: int = NETWORK_ACTORS) -> go.Figure | None:
    """The actor page's network of the most mentioned actors, enlarged for a slide; None when not there."""
    build, edges_of = _external("network", "network_figure"), _external("actors", "cooccurrence_edges")
    if build is None or edges_of is None:
        return None
    actors = key_actors(view, limit=limit)
    nodes = pd.DataFrame([{"actor_id": a.actor_id, "name": a.name, "kind": a.kind, "mentions": a.mentions}
                          for a in actors], columns=["actor_id", "name", "kind", "mentions"])
    fig = build(nodes, edges_of(view.mentions), label_limit=limit, height=height)
    fig.update_traces(textfont=dict(size=font_size, color=INK), selector=dict(mode="markers+text"))
    fig.update_traces(opacity=0.85, selector=dict(mode="lines"))
    fig.update_layout(font=dict(family=FONT, size=font_size, color=INK), dragmode=False, clickmode="none",
                      margin=dict(l=10, r=10, t=40, b=10), showlegend=False)
    fig.update_xaxes(range=[-1.7, 1.7])
    fig.update_yaxes(range=[-1.25, 1.3])
    return fig


def figure_for(name: str, view: View, *, font_size: int = 18) -> go.Figure | None:
    """The chart a slide names ('timeline' or 'network'), or None when the view has nothing to draw.

    The app's own builders draw it when they are available; the simple ones here otherwise.
    """
    if name == "timeline":
        if view.events["date"].notna().sum() == 0:
            return None
        builders = (app_timeline_figure, timeline_figure)
    elif name == "network":
        if not key_actors(view):
            return None
        builders = (app_network_figure, network_figure)
    else:
        return None
    for build in builders:
        try:
            fig = build(view, font_size=font_size)
        except Exception as exc:  # a builder in flux must not cost the meeting its slides
            log.warning("%s figure: %s failed (%s); using the simple one", name, build.__name__, exc)
            continue
        if fig is not None:
            return fig
    return None
