"""The charts of the slides: the app's own figure builders where they exist, simple ones otherwise.

Every label that comes from an article is escaped for Plotly, whose text accepts a few HTML tags
(links among them): a name must show as written, never become markup.
"""
from __future__ import annotations

import html
import importlib
import math
from collections import Counter
from itertools import combinations

import pandas as pd
import plotly.graph_objects as go

from dashboard.components.charts import KIND_COLORS
from dashboard.filtering import View

from .slides import MAX_ACTORS, date_label, key_actors

INK = "#0b1220"
MUTED = "#475569"
ACCENT = "#1d4ed8"
FONT = "Inter, 'Segoe UI', Helvetica, Arial, sans-serif"
LANES = 6


def plain(value: object) -> str:
    """Text safe for a Plotly label: its tag characters escaped."""
    return html.escape(str(value), quote=False)


def _styled(fig: go.Figure, *, font_size: int, height: int) -> go.Figure:
    fig.update_layout(
        template="plotly_white", height=height, font=dict(family=FONT, size=font_size, color=INK),
        margin=dict(l=10, r=10, t=10, b=10), paper_bgcolor="white", plot_bgcolor="white",
        hoverlabel=dict(font_size=max(14, font_size - 2)),
    )
    return fig


def _external(module: str, name: str):
    """A builder from dashboard/components when that module provides it, else None."""
    try:
        return getattr(importlib.import_module(f"dashboard.components.{module}"), name, None)
    except Exception:  # a module being written or broken must not break the exports
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
        lo, hi = data["date"].min(), data["date"].max()
        # Dates are days: never show hours, and give a short span a day of air on each side.
        if hi - lo < pd.Timedelta(days=21):
            fig.update_xaxes(range=[lo - pd.Timedelta(days=1), hi + pd.Timedelta(days=1)], dtick=86_400_000,
                             tickformat="%-d %b")
        else:
            fig.update_xaxes(tickformat="%-d %b %Y")
    return _styled(fig, font_size=font_size, height=height)


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
        hovertext=[f"<b>{plain(a.name)}</b><br>{a.mentions} mentions in {a.articles} articles" for a in actors],
        hoverinfo="text", showlegend=False, textfont=dict(size=font_size, color=INK),
        marker=dict(opacity=1, size=[22 + 30 * math.sqrt(a.mentions / most) for a in actors],
                    color=[KIND_COLORS.get(a.kind, KIND_COLORS["other"]) for a in actors],
                    line=dict(color="white", width=2)),
    ))
    fig.update_xaxes(visible=False, range=[-2.1, 2.1])
    fig.update_yaxes(visible=False, range=[-1.35, 1.35], scaleanchor="x")
    return _styled(fig, font_size=font_size, height=height)


def figure_for(name: str, view: View, *, font_size: int = 18) -> go.Figure | None:
    """The chart a slide names ('timeline' or 'network'), or None when the view has nothing to draw."""
    if name == "timeline":
        if view.events["date"].notna().sum() == 0:
            return None
        return timeline_figure(view, font_size=font_size)
    if name == "network":
        if not key_actors(view):
            return None
        return network_figure(view, font_size=font_size)
    return None
