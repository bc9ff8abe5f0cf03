"""Plotly figures of the actor page: the co-occurrence network and an actor's small event timeline.

Plain functions of tables, tested without Streamlit. Names and summaries come from article text, so every
string Plotly renders is HTML-escaped (Plotly reads a subset of HTML in labels and hover text).
"""
from __future__ import annotations

import functools
import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.views.labels import date_label, plot_text
from dashboard.views.overview import KIND_COLORS
from dashboard.views.style import style_of
from dashboard.views.timeline import bucket_unit, period_end, thin_labels

HIGHLIGHT = "#f59e0b"
EDGE_COLOR = "#94a3b8"
FONT = dict(family="Inter, Source Sans Pro, sans-serif", size=12, color="#1e293b")


def force_layout(ids: list[str], edges: pd.DataFrame, *, iterations: int = 300) -> np.ndarray:
    """Positions (n x 2, within [-1, 1]) for `ids` by a deterministic force-directed layout.

    Fruchterman-Reingold from a circle in the given order: linked actors attract in proportion to
    their shared sentences, every pair repels, a weak pull to the centre keeps unlinked actors close.
    The same input always gives the same picture, so the network does not jump between reruns.
    """
    n = len(ids)
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    index = {a: i for i, a in enumerate(ids)}
    weights = np.zeros((n, n))
    for s, t, w in edges[["source", "target", "weight"]].itertuples(index=False):
        if s in index and t in index:
            weights[index[s], index[t]] = weights[index[t], index[s]] = float(w)
    if weights.max() > 0:
        # sqrt keeps one very frequent pair from collapsing onto itself
        weights = np.sqrt(weights / weights.max())
    angles = 2 * np.pi * np.arange(n) / n
    pos = np.column_stack([np.cos(angles), np.sin(angles)])
    k = np.sqrt(4.0 / n)
    temperature = 0.2
    for step in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
        force = k * k / dist - weights * dist * dist / k
        np.fill_diagonal(force, 0.0)
        disp = (delta / dist[:, :, None] * force[:, :, None]).sum(axis=1) - 0.05 * pos * n
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos = pos + disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature = 0.2 * (1 - (step + 1) / iterations) + 0.002
    # fill the frame: stretch each axis to [-1, 1] (the figure is wider than tall anyway)
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    span = np.where(hi - lo > 1e-9, hi - lo, 1.0)
    return (pos - lo) / span * 2 - 1


@functools.lru_cache(maxsize=64)
def layout_of(ids: tuple[str, ...], edges: tuple[tuple[str, str, int], ...]) -> np.ndarray:
    """`force_layout` remembered by the actors and links it is given: a rerun that shows the same network
    (another profile, a search, a tab) does not lay it out again. The array is shared: do not change it."""
    pos = force_layout(list(ids), pd.DataFrame(list(edges), columns=["source", "target", "weight"]))
    pos.setflags(write=False)
    return pos


def _edge_traces(edges: pd.DataFrame, where: dict[str, np.ndarray], selected_id: str | None) -> list[go.Scatter]:
    """Edges as a few line traces (one per width band), the selected actor's edges on top in the highlight."""
    if edges.empty:
        return []
    top = float(edges["weight"].max())
    bands = np.ceil(edges["weight"].astype(float) / top * 4).clip(1, 4).astype(int)
    traces = []
    touches = edges["source"].isin([selected_id]) | edges["target"].isin([selected_id])
    for band in sorted(set(bands)):
        for mine in (False, True):
            part = edges[(bands == band) & (touches == mine)]
            if part.empty:
                continue
            xs: list[float | None] = []
            ys: list[float | None] = []
            for s, t in zip(part["source"], part["target"]):
                xs += [where[s][0], where[t][0], None]
                ys += [where[s][1], where[t][1], None]
            traces.append(go.Scatter(
                x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                line=dict(width=0.8 + 1.6 * band, color=HIGHLIGHT if mine else EDGE_COLOR),
                opacity=0.9 if mine else (0.25 if selected_id else 0.45),
            ))
    # selected actor's edges last so they draw above the rest
    return sorted(traces, key=lambda tr: tr.line.color == HIGHLIGHT)


def network_figure(nodes: pd.DataFrame, edges: pd.DataFrame, *, selected_id: str | None = None,
                   label_limit: int = 30, height: int = 560, style: str = "screen") -> go.Figure:
    """The co-occurrence network: one marker per actor, sized by mentions and coloured by kind.

    nodes: actor_id, name, kind, mentions (most mentioned first). edges: source, target, weight; edges to
    actors outside `nodes` are dropped. The selected actor gets a highlight ring and its links are drawn in
    the highlight colour; other actors not linked to it are faded. Each marker's customdata is the actor's
    name, which is what a click on it reports. Only the `label_limit` most mentioned actors (and the
    selected one) are labelled, so a large network stays readable.
    style: "screen" (the actor page), "slide" or "print" (larger type, no legend, nothing to click).
    """
    ids = list(nodes["actor_id"])
    edges = edges[edges["source"].isin(ids) & edges["target"].isin(ids)]
    pos = layout_of(tuple(ids), tuple(edges[["source", "target", "weight"]].itertuples(index=False, name=None)))
    where = {a: pos[i] for i, a in enumerate(ids)}
    # isin, not ==: with pandas' string dtype, comparing to None gives NA rather than False
    neighbours = set(edges.loc[edges["source"].isin([selected_id]), "target"]) | set(
        edges.loc[edges["target"].isin([selected_id]), "source"])
    degree = pd.concat([edges.groupby("source")["weight"].sum(), edges.groupby("target")["weight"].sum()])
    degree = degree.groupby(level=0).sum()
    biggest = float(nodes["mentions"].max()) if len(nodes) else 1.0

    fig = go.Figure(_edge_traces(edges, where, selected_id))
    labelled = set(ids[:label_limit]) | {selected_id} | neighbours
    for kind, group in nodes.groupby("kind", sort=False):
        mine = group["actor_id"].isin([selected_id])
        faded = selected_id is not None and selected_id in ids
        opacity = [1.0 if (a == selected_id or a in neighbours or not faded) else 0.35 for a in group["actor_id"]]
        hover = [
            f"<b>{plot_text(n)}</b><br>{plot_text(kind)} · {int(m)} mentions"
            f"<br>{int(degree.get(a, 0))} shared sentences with others"
            for a, n, m in zip(group["actor_id"], group["name"], group["mentions"])
        ]
        fig.add_trace(go.Scatter(
            x=[where[a][0] for a in group["actor_id"]], y=[where[a][1] for a in group["actor_id"]],
            mode="markers+text", name=str(kind), legendgroup=str(kind), showlegend=False,
            customdata=list(group["name"]),
            text=[plot_text(n) if a in labelled else "" for a, n in zip(group["actor_id"], group["name"])],
            textposition="top center", textfont=dict(size=11, color="#334155"),
            hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
            marker=dict(
                size=[12 + 30 * np.sqrt(float(m) / biggest) for m in group["mentions"]],
                color=KIND_COLORS.get(str(kind), KIND_COLORS["other"]), opacity=opacity,
                line=dict(width=[4 if s else 1 for s in mine], color=[HIGHLIGHT if s else "white" for s in mine]),
            ),
            # keep unclicked actors fully drawn after a click (Plotly dims them by default)
            selected=dict(marker=dict(opacity=1)), unselected=dict(marker=dict(opacity=1)),
        ))
    for kind in nodes["kind"].drop_duplicates():
        # legend keys of their own, so the highlight ring never shows up in the legend
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=str(kind), legendgroup=str(kind),
                                 marker=dict(size=10, color=KIND_COLORS.get(str(kind), KIND_COLORS["other"]))))
    fig.update_layout(
        height=height, margin=dict(l=10, r=10, t=30, b=10), font=FONT, plot_bgcolor="white",
        paper_bgcolor="white", hovermode="closest", clickmode="event+select", dragmode="pan",
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, title=None, itemclick=False,
                    itemdoubleclick=False),
        xaxis=dict(visible=False, range=[-1.2, 1.2]), yaxis=dict(visible=False, range=[-1.15, 1.2]),
    )
    dress = style_of(style)
    if not dress.interactive:
        # a slide: large labels, no legend, and room around the circle for them
        fig.update_traces(textfont=dict(size=dress.font_size, color=dress.ink), selector=dict(mode="markers+text"))
        fig.update_traces(opacity=0.85, selector=dict(mode="lines"))
        fig.update_layout(font=dict(family=dress.font_family, size=dress.font_size, color=dress.ink),
                          dragmode=False, clickmode="none", margin=dict(l=10, r=10, t=40, b=10), showlegend=False)
        fig.update_xaxes(range=[-1.7, 1.7])
        fig.update_yaxes(range=[-1.25, 1.3])
    return fig


ROLE_ROWS = {"agent": ("did it", "#1d4ed8"), "both": ("did it", "#7c3aed"), "patient": ("done to", "#b45309"),
             "named": ("named", "#64748b")}


# More dated events than this, or more than MAX_STACK on one day and row, and the chart draws how many
# events each day, week or month holds: thousands of stacked marks make a chart taller than the page.
AGGREGATE_ABOVE = 200
MAX_STACK = 6


def actor_events_figure(events: pd.DataFrame, *, height: int = 200, style: str = "screen") -> go.Figure:
    """An actor's dated events along a date axis, one row for each part it played (did it, done to,
    named); events on the same day and row stack upwards; the most salient carry their headline.
    A busy actor's events are counted instead: one mark per row and day, week or month (see
    `timeline.bucket_unit`), sized by its count and labelled with its most salient headline.

    events: the rows of `actor_views.actor_events` (date, role, headline, date_text, article, salience);
    undated rows are left out (the page lists them under the chart).
    style: "screen", "slide" or "print" (larger type).
    """
    dress = style_of(style)
    dated = events.loc[events["date"].notna(), ["date", "role", "headline", "article", "salience"]]
    dated = dated.assign(lane=dated["role"].map(lambda r: ROLE_ROWS.get(r, ROLE_ROWS["named"])[0]),
                         salience=pd.to_numeric(dated["salience"], errors="coerce").fillna(0.0).astype("float64"))
    roles = [r for r in ("agent", "both", "patient", "named") if r in set(dated["role"])]
    lanes = list(dict.fromkeys(ROLE_ROWS[r][0] for r in roles))
    stack = dated.groupby([dated["lane"], dated["date"].dt.normalize()]).cumcount()
    unit = None
    if len(dated) > AGGREGATE_ABOVE or (len(dated) and int(stack.max()) >= MAX_STACK):
        unit = bucket_unit(dated["date"].max() - dated["date"].min())
        dated = _counted(dated, unit)
        stack = pd.Series(0, index=dated.index)
    dated["stack"] = stack
    base = {lane: 0.0 for lane in lanes}
    top = 0.0
    for lane in lanes:  # each lane as tall as its busiest day
        base[lane] = top
        top += int(dated.loc[dated["lane"] == lane, "stack"].max()) + 1.6
    dated["y"] = dated["lane"].map(base) + dated["stack"]
    fig = go.Figure()
    biggest = int(dated["count"].max()) if unit else 1
    for role in roles:
        part = dated[dated["role"] == role]
        if unit:
            hover = [f"<b>{plot_text(w)}</b> · {plot_text(ROLE_ROWS[role][0])} · {c} events<br>"
                     f"most salient: {plot_text(h)}<br><i>{plot_text(a) if isinstance(a, str) else ''}</i>"
                     for w, c, h, a in zip(part["period"], part["count"], part["headline"], part["article"])]
            size = [8 + 14 * (c / biggest) ** 0.5 for c in part["count"]]
        else:
            hover = [f"<b>{d:%-d %b %Y}</b> · {plot_text(ROLE_ROWS[role][0])}<br>{plot_text(h)}<br>"
                     f"<i>{plot_text(a) if isinstance(a, str) else ''}</i>"
                     for d, h, a in zip(part["date"], part["headline"], part["article"])]
            size = dress.marker_size or 12
        fig.add_trace(go.Scatter(
            x=part["date"], y=part["y"], mode="markers", hovertext=hover, name=ROLE_ROWS[role][0],
            hovertemplate="%{hovertext}<extra></extra>",
            marker=dict(size=size, color=ROLE_ROWS[role][1], line=dict(width=1, color="white")),
        ))
    xaxis: dict = dict(showgrid=True, gridcolor="#e2e8f0", tickformat="%-d %b %Y")
    if len(dated):
        # microseconds: a margin around an event of 1683 reaches before pandas' nanosecond years
        lo, hi = dated["date"].min().as_unit("us"), dated["date"].max().as_unit("us")
        pad = max(pd.Timedelta(days=1), (hi - lo) * 0.05)
        right = hi + pad + max((hi - lo) * 0.3, pd.Timedelta(days=2))  # room on the right for the last label
        xaxis["range"] = [lo - pad, right]
        if hi - lo <= pd.Timedelta(days=14):
            xaxis["dtick"] = 86_400_000  # one tick a day: finer ticks would repeat the same day
        span_days = (right - (lo - pad)) / pd.Timedelta(days=1)
        # a label's length is known before it is cut to 30 characters; only the labels kept are cut
        lengths = [min(len(h), 30) if isinstance(h, str) else 0 for h in dated["headline"]]
        x = ((dated["date"].dt.as_unit("us") - lo) / pd.Timedelta(days=1)).to_numpy(dtype=float)
        per_char = span_days * 6.3 / 560  # about 560 px of plot beside the profile
        gap = per_char * 1.5  # a marker's half width
        keep = thin_labels([a + gap for a in x], [a + gap + per_char * n for a, n in zip(x, lengths)],
                           list(dated["y"]), list(dated["salience"]),
                           obstacles=[(a - gap, a + gap, y) for a, y in zip(x, dated["y"])])
        if any(keep):
            kept = dated[keep]
            fig.add_trace(go.Scatter(
                x=kept["date"], y=kept["y"], mode="text", textposition="middle right",
                text=[" " + plot_text(textwrap.shorten(h, 30, placeholder="…")) for h in kept["headline"]],
                hoverinfo="skip", showlegend=False, textfont=dict(size=dress.font_size or 11, color="#334155")))
    fig.update_layout(
        height=max(height, int(60 + 26 * top)), margin=dict(l=10, r=10, t=10, b=10), font=FONT,
        plot_bgcolor="white", paper_bgcolor="white", showlegend=False, xaxis=xaxis,
        meta={"counted_by": unit},  # the page says what a mark stands for
        yaxis=dict(tickvals=[base[lane] for lane in lanes], ticktext=lanes, range=[top - 0.4, -0.8],
                   fixedrange=True, showgrid=False, zeroline=False),
    )
    return fig


def _counted(dated: pd.DataFrame, unit: str) -> pd.DataFrame:
    """One row per role and `unit` (day, week or month) of `dated`: how many events it holds, its most
    salient event's headline and article, and as its date the day itself or the middle of the week or month."""
    start = dated["date"].dt.normalize()
    if unit == "week":
        start = start - pd.to_timedelta(start.dt.weekday, unit="D")
    elif unit == "month":
        start = start.dt.to_period("M").dt.start_time
    ranked = dated.assign(start=start).sort_values(["salience", "date"], ascending=[False, True], kind="stable")
    counts = ranked.groupby(["role", "start"]).size().rename("count")
    out = ranked.drop_duplicates(["role", "start"]).join(counts, on=["role", "start"])
    out = out.assign(period=[date_label(s, unit) for s in out["start"]],
                     date=[s if unit == "day" else s + (period_end(s, unit) - s) / 2 for s in out["start"]])
    return out.sort_values(["role", "start"], kind="stable").reset_index(drop=True)
