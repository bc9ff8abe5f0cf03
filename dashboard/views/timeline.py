"""The timeline: events joined to names and articles, their date range and lanes, the Plotly figure, CSV.

A day is a point; a week, month or year is a bar spanning it; an undated event sits in a lane of its
own, "before <publication date>", just left of the day its article was published. Each mark carries its
headline; where labels would collide the more salient one is written and the rest are left to the hover.
With more events in view than a reader can tell apart, marks become counts per lane and day, week or
month. Pure functions of DataFrames; names, titles and headlines are untrusted and reach Plotly escaped.
"""
from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.loader.vocabulary import PRECISIONS, as_list
from dashboard.views import labels
from dashboard.views.labels import plot_text
from dashboard.views.downloads import iso_day, joined, table_csv
from dashboard.views.reports import report_groups
from dashboard.views.style import Style, style_of

PRECISION_COLORS = {
    "day": "#1d4ed8", "week": "#7c3aed", "month": "#0f766e", "year": "#b45309", "none": "#64748b",
}
PRECISION_NAMES = {"day": "Day", "week": "Week", "month": "Month", "year": "Year", "none": "Undated"}
LANE_MODES = {"Actor": "actor", "Article": "article"}
NO_ACTOR = "No actor named"
OTHER_ACTORS = "Other actors"
OTHER_ARTICLES = "Other articles"
UNDATED_MANY = "before publication (undated)"
MAX_SUB_ROWS = 5
UNDATED_NO_PUBLICATION = "undated (no publication date)"

TABLE_COLUMNS = [
    "event_id", "article_id", "sentence_id", "date", "precision", "date_label", "date_text", "date_text_start",
    "date_rule", "tense", "headline", "summary", "salience", "event_class", "trigger", "trigger_start", "trigger_end",
    "actor_ids", "actor_names", "agent_ids", "agent_names", "patient_ids", "patient_names", "place", "source_count",
    "report_group", "title", "source", "published", "period_start", "period_end", "is_dated", "undated_lane",
    "is_corrected",
]
FIGURE_COLUMNS = [
    "event_id", "article_id", "precision", "date_label", "date_text", "headline", "salience", "actor_names",
    "agent_names", "patient_names", "title", "published", "period_start", "period_end", "is_dated", "undated_lane",
]
LABEL_CHARS = 34  # a label longer than this is cut: the hover and the step-through card tell the rest
AGGREGATE_ABOVE = 400  # more marks than this in view and the timeline draws counts instead
CHAR_PX = 6.3  # width of a label character at Plotly's 11 px, for telling which labels collide


def period_end(date: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The first instant after the day, week, month or year that starts at `date`."""
    if precision == "week":
        return date + pd.Timedelta(days=7)
    if precision == "month":
        return date + pd.DateOffset(months=1)
    if precision == "year":
        return date + pd.DateOffset(years=1)
    return date + pd.Timedelta(days=1)


def date_label(date: object, precision: object, published: object = None) -> str:
    """An event's date as a reader would say it; undated events read 'before <publication date>'."""
    return labels.date_label(date, precision, undated=before_label(published))


def before_label(published: object) -> str:
    """Lane label for undated events of an article published on `published`."""
    return f"before {published:%-d %b %Y}" if pd.notna(published) else UNDATED_NO_PUBLICATION




def event_table(events: pd.DataFrame, actors: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """`events` with actor names, the article's title, source and date, and the span each date covers;
    in calendar order, undated events just before their article's publication date."""
    names = dict(zip(actors["actor_id"], actors["name"])) if not actors.empty else {}
    out = events.copy()
    # thousands of events on every rerun: per-row Python only where a cell needs it, memoised by value
    for col in ("actor_ids", "agent_ids", "patient_ids"):
        out[col] = ([v if type(v) is list else as_list(v) for v in out[col]] if col in out.columns
                    else [[] for _ in range(len(out))])
    named: dict[tuple, list[str]] = {}
    for col, ids in (("actor_names", "actor_ids"), ("agent_names", "agent_ids"), ("patient_names", "patient_ids")):
        out[col] = [named[t] if (t := tuple(v)) in named else named.setdefault(t, [names.get(a, a) for a in v])
                    for v in out[ids]]
    # a headline says who did what to whom; events read before headlines existed fall back to the summary
    headline = out["headline"] if "headline" in out.columns else pd.Series(pd.NA, index=out.index, dtype="string")
    out["headline"] = headline.where(headline.notna() & (headline != ""), out["summary"]).fillna("")
    salience = out["salience"] if "salience" in out.columns else pd.Series(0.0, index=out.index)
    out["salience"] = pd.to_numeric(salience, errors="coerce").fillna(0.0).astype("float64")
    out = out.merge(articles[["article_id", "title", "source", "published"]], on="article_id", how="left")
    precision = out["precision"].where(out["precision"].isin(PRECISIONS[:-1]), "none")
    out["is_dated"] = (out["date"].notna() & (precision != "none")).astype(bool)
    out["precision"] = precision.where(out["is_dated"], "none")
    out["period_start"] = out["date"].where(out["is_dated"]).astype("datetime64[ns]")
    out["period_end"] = period_ends(out["period_start"], out["precision"])
    # one label per distinct (date, precision, publication day), not per event: a Timestamp per row costs
    # more than the rest of the table at tens of thousands of events
    keys = pd.DataFrame({"date": out["period_start"], "precision": out["precision"], "published": out["published"]})
    codes = keys.groupby(["date", "precision", "published"], dropna=False, sort=False).ngroup().to_numpy()
    firsts = keys.iloc[np.unique(codes, return_index=True)[1]]
    label_of = np.array([date_label(d, p, pub) for d, p, pub in
                         zip(firsts["date"], firsts["precision"], firsts["published"])] or [""], dtype=object)
    out["date_label"] = pd.Series(label_of[codes] if len(out) else [], index=out.index, dtype="str")
    days, published = pd.factorize(out["published"])
    lanes = np.array([before_label(pub) for pub in published] + [UNDATED_NO_PUBLICATION], dtype=object)
    # str, whatever the rows hold: a table and its rows (table_rows) keep the same dtypes
    out["undated_lane"] = pd.Series(np.where(out["is_dated"].to_numpy(), None, lanes[days]), index=out.index,
                                    dtype="str")
    out["source_count"] = out["source_count"].fillna(1)
    if "report_group" not in out.columns or out["report_group"].isna().any():  # a table made without groups
        out["report_group"] = report_groups(out).astype("string")
    # undated events are told as background to the article: order them just before its publication day
    sort_key = out["period_start"].where(out["is_dated"], out["published"] - pd.Timedelta(hours=12))
    out = out.assign(_key=sort_key).sort_values(["_key", "article_id", "sentence_id"], na_position="last",
                                                kind="stable")
    for col in TABLE_COLUMNS:
        if col not in out.columns:
            out[col] = None
    out["is_corrected"] = out["is_corrected"].fillna(False).astype(bool)
    return out[TABLE_COLUMNS].reset_index(drop=True)


def table_rows(table: pd.DataFrame, event_ids: pd.Series) -> pd.DataFrame:
    """The rows of `table` (`event_table` of a whole briefing) for the events `event_ids`, in its order: what
    `event_table` gives for those events alone, without making it again."""
    where = pd.Index(table["event_id"].astype(object)).get_indexer(pd.Index(event_ids.astype(object)))
    return table.iloc[np.sort(where[where >= 0])].reset_index(drop=True)


def rows_at(table: pd.DataFrame, sources: np.ndarray, positions: np.ndarray, n: int) -> pd.DataFrame:
    """What `table_rows` gives, by position instead of by id: the rows of `table` made from the rows
    `positions` of an events table of `n` rows, in `table`'s order.

    sources: for each row of `table`, the position of the row it was made from (-1: none).
    """
    keep = np.zeros(n + 1, dtype=bool)  # the last slot stands for -1, and is never kept
    keep[positions[(positions >= 0) & (positions < n)]] = True
    return table.iloc[np.flatnonzero(keep[sources])].reset_index(drop=True)


def period_ends(starts: pd.Series, precisions: pd.Series) -> pd.Series:
    """`period_end` of every row at once (NaT where the start is missing)."""
    out = starts + pd.Timedelta(days=1)
    week = precisions == "week"
    out[week] = starts[week] + pd.Timedelta(days=7)
    for precision, freq in (("month", "M"), ("year", "Y")):
        rows = (precisions == precision) & starts.notna()
        if rows.any():
            out[rows] = (starts[rows].dt.to_period(freq) + 1).dt.start_time
    return out.astype("datetime64[ns]")


def date_bounds(table: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """First and last day the timeline covers (event spans and undated events' publication days)."""
    day = pd.Timedelta(days=1)
    # undated events sit on the day before their article's publication
    before = table.loc[~table["is_dated"].astype(bool), "published"] - day
    lows = [table["period_start"].min(), (table["period_end"] - day).min(), before.min()]
    highs = [table["period_start"].max(), (table["period_end"] - day).max(), before.max()]
    lows, highs = [d for d in lows if pd.notna(d)], [d for d in highs if pd.notna(d)]
    if not lows:
        return None
    return min(lows).date(), max(highs).date()


def default_range(table: pd.DataFrame, *, look_back_days: int = 365) -> tuple[dt.date, dt.date] | None:
    """The date range to open with: everything, except history from long before the first article.

    Events more than `look_back_days` before the earliest publication date ("the worst since 1982")
    are background; drawn at full width they squash the period the briefing is about.
    """
    bounds = date_bounds(table)
    first = table["published"].min()
    if bounds is None or pd.isna(first):
        return bounds
    start = max(bounds[0], (first - pd.Timedelta(days=look_back_days)).date())
    return (start, bounds[1]) if start < bounds[1] else bounds


def events_in_range(table: pd.DataFrame, start: dt.date | None, end: dt.date | None, *,
                    undated: bool = True) -> pd.DataFrame:
    """Events whose span overlaps the days `start`..`end` (inclusive); undated ones when `undated`."""
    keep = table["is_dated"].astype(bool).copy()
    if start is not None:
        keep &= table["period_end"] > pd.Timestamp(start)
    if end is not None:
        keep &= table["period_start"] < pd.Timestamp(end) + pd.Timedelta(days=1)
    if undated:
        keep |= ~table["is_dated"].astype(bool)
    # every event in range: the table itself, not a copy of tens of thousands of rows
    return table if bool(keep.all()) else table[keep]


def lane_rows(table: pd.DataFrame, lanes: str = "actor", *, max_lanes: int = 20,
              max_undated_lanes: int = 4) -> pd.DataFrame:
    """One row per event and lane, with `lane` (its label) and `lane_order` (0 at the top).

    lanes="actor": an event appears in the lane of each actor taking part (busiest actors on top;
    events of none of them in "Other actors"); lanes="article": one lane per article, oldest first
    (the articles with fewest events share "Other articles" beyond `max_lanes`). Undated events go to
    lanes of their own at the bottom, one per publication date ("before 10 Apr 2025"), or a single
    "before publication" lane when more than `max_undated_lanes` dates would be needed.
    """
    dated = table[table["is_dated"].astype(bool)]
    undated = table[~table["is_dated"].astype(bool)]
    if undated["undated_lane"].nunique() > max_undated_lanes:
        undated = undated.assign(lane=UNDATED_MANY)
    else:
        undated = undated.assign(lane=undated["undated_lane"])
    if lanes == "article":
        firsts = dated.drop_duplicates("article_id")
        labels = dict(zip(firsts["article_id"], [_article_label(t, p) for t, p in
                                                   zip(firsts["title"], firsts["published"])]))
        counts = dated.groupby("article_id").size()
        by_date = list(dated.sort_values(["published", "article_id"], na_position="last")["article_id"].unique())
        if len(by_date) > max_lanes:
            busiest = set(sorted(by_date, key=lambda a: (-counts[a], by_date.index(a)))[:max_lanes - 1])
            labels = {a: (label if a in busiest else OTHER_ARTICLES) for a, label in labels.items()}
        rows = dated.assign(lane=dated["article_id"].map(labels))
        lane_order = list(dict.fromkeys(labels[a] for a in by_date if labels[a] != OTHER_ARTICLES))
        if OTHER_ARTICLES in labels.values():
            lane_order.append(OTHER_ARTICLES)
    else:
        rows = dated.assign(lane=dated["actor_names"].map(lambda n: list(dict.fromkeys(n)) or [NO_ACTOR]))
        rows = rows.explode("lane")
        counts = rows.groupby("lane").size()
        lane_order = sorted(counts.index, key=lambda name: (name == NO_ACTOR, -counts[name], str(name).lower()))
        if len(lane_order) > max_lanes:
            kept = lane_order[:max_lanes - 1]
            shown = set(rows.loc[rows["lane"].isin(kept), "event_id"])
            # an event already drawn in a kept lane is not drawn again under "Other actors"
            rest = rows[~rows["lane"].isin(kept) & ~rows["event_id"].isin(shown)]
            rows = pd.concat([rows[rows["lane"].isin(kept)],
                              rest.assign(lane=OTHER_ACTORS).drop_duplicates("event_id")])
            lane_order = [*kept, OTHER_ACTORS] if not rest.empty else kept
    undated_order = list(dict.fromkeys(undated.sort_values("published", na_position="last")["lane"]))
    order = {lane: i for i, lane in enumerate([*lane_order, *undated_order])}
    out = pd.concat([rows, undated], ignore_index=True) if not undated.empty else rows.reset_index(drop=True)
    out["lane_order"] = out["lane"].map(order).astype("int64")
    return out.sort_values(["lane_order"], kind="stable").reset_index(drop=True)


def events_timeline_figure(table: pd.DataFrame, *, lanes: str = "actor", max_lanes: int = 20,
                           style: str = "screen", width_px: int = 1100,
                           aggregate_above: int = AGGREGATE_ABOVE) -> go.Figure:
    """The timeline of `table` (from `event_table`): day points, week/month/year bars, undated lanes,
    each mark labelled with its headline where the label fits.

    Every trace of marks carries an event_id as customdata[0], so a selection maps back to an event.
    style: "screen" (the timeline page), "slide" or "print" (larger type, fixed height, no clicks).
    width_px: about how wide the chart is drawn, to tell which labels would collide.
    aggregate_above: with more events than this, each lane shows how many events fall in each day, week
    or month (the most salient one's headline as its label) instead of one mark per event.
    """
    # only the columns a mark needs: thousands of rows are sorted and exploded below
    rows = lane_rows(table[[c for c in FIGURE_COLUMNS if c in table.columns]], lanes, max_lanes=max_lanes)
    fig = go.Figure()
    if rows.empty:
        return fig
    dress = style_of(style)
    bounds = date_bounds(table)
    lo = pd.Timestamp(bounds[0]) if bounds else pd.Timestamp.today().normalize()
    hi = pd.Timestamp(bounds[1]) + pd.Timedelta(days=1) if bounds else lo + pd.Timedelta(days=1)
    span = max(hi - lo, pd.Timedelta(days=1))
    point_width = span / 60  # about one marker's width on a chart of ordinary width, for stacking
    aggregated = len(table) > aggregate_above
    if aggregated:
        unit = bucket_unit(span)
        rows = aggregate_rows(rows, unit)
    rows = _place(rows, lo, point_width)
    lo = min(lo, rows["ext0"].min())  # undated events may spread a little further back
    span = hi - lo
    y, ticks, bands = _pack(rows)
    rows = rows.assign(y=y)

    # every other lane shaded; shapes in one go, add_hrect costs milliseconds each
    fig.update_layout(shapes=[dict(type="rect", xref="paper", x0=0, x1=1, yref="y", y0=y0, y1=y1, layer="below",
                                   fillcolor="rgba(100,116,139,0.06)", line_width=0)
                              for i, (y0, y1) in enumerate(bands) if i % 2 == 0])
    if aggregated:
        _add_count_traces(fig, rows, unit)
    else:
        _add_event_traces(fig, rows)
    _add_labels(fig, rows, lo=lo, hi=hi, span=span, point_width=point_width, width_px=width_px,
                font_size=dress.font_size or 11)
    published = [pd.Timestamp(d) for d in sorted(table["published"].dropna().unique())]
    # a few publication days are landmarks; dozens would only be noise
    for day in published if len(published) <= 6 else []:
        fig.add_vline(x=day, line=dict(color="#94a3b8", width=1, dash="dot"), layer="below")
    if 0 < len(published) <= 6:
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name="Publication date",
                                 line=dict(color="#94a3b8", width=1, dash="dot"), hoverinfo="skip"))
    tick_labels = [plot_text(t) for t in ticks]
    fig.update_yaxes(tickvals=[(a + b) / 2 for a, b in bands], ticktext=tick_labels,
                     range=[bands[-1][1], bands[0][0]], showgrid=False, zeroline=False, fixedrange=True,
                     tickfont=dict(size=13))
    fig.update_xaxes(type="date", range=[lo - span * 0.04, hi + span * 0.04], showgrid=True,
                     gridcolor="rgba(100,116,139,0.15)", ticklabelmode="period")
    if span <= pd.Timedelta(days=21):
        # short briefings: one labelled tick per day, the label in the middle of its day
        fig.update_xaxes(dtick=86_400_000, tickformat="%-d %b")
    fig.update_layout(
        height=int(max(240, 30 * (bands[-1][1] if bands else 1) + 110)), barmode="overlay",
        margin=dict(l=10, r=10, t=10, b=10), hovermode="closest", clickmode="event+select",
        legend=dict(orientation="h", yanchor="bottom", y=1.01, x=0, title_text=""),
        hoverlabel=dict(align="left"), plot_bgcolor="rgba(0,0,0,0)", dragmode="zoom",
    )
    if not dress.interactive:
        _dress_for_slides(fig, table, dress)
    return fig


def _add_event_traces(fig: go.Figure, rows: pd.DataFrame) -> None:
    """One mark per event: points for days and undated events, bars for weeks, months and years."""
    for precision in PRECISIONS:
        part = rows[rows["precision"] == precision]
        if part.empty:
            continue
        custom = _customdata(part)
        name = PRECISION_NAMES[precision]
        color = PRECISION_COLORS[precision]
        if precision in ("week", "month", "year"):
            fig.add_trace(go.Bar(
                name=name, orientation="h", y=part["y"], base=part["x0"].dt.strftime("%Y-%m-%dT%H:%M:%S"),
                x=(part["x1"] - part["x0"]).dt.total_seconds() * 1000, width=0.62,
                marker=dict(color=color, opacity=0.45, line=dict(color=color, width=1.5)),
                customdata=custom, hovertemplate=HOVER, legendrank=PRECISIONS.index(precision),
            ))
        else:
            fig.add_trace(go.Scatter(
                name="Undated (before publication)" if precision == "none" else name, mode="markers",
                x=part["x"], y=part["y"], customdata=custom, hovertemplate=HOVER,
                marker=dict(size=12, color="white" if precision == "none" else color,
                            symbol="diamond" if precision == "none" else "circle",
                            line=dict(color=color, width=2 if precision == "none" else 1.2)),
                legendrank=PRECISIONS.index(precision),
            ))


def _add_count_traces(fig: go.Figure, rows: pd.DataFrame, unit: str) -> None:
    """One mark per lane and period, sized by how many events it holds; undated ones per publication day."""
    biggest = max(int(rows["count"].max()), 1)
    for dated, name in ((True, f"Events per {unit}"), (False, "Undated (before publication)")):
        part = rows[rows["is_dated"].astype(bool) == dated]
        if part.empty:
            continue
        color = PRECISION_COLORS["day" if dated else "none"]
        custom = [[r.event_id, plot_text(r.date_label), int(r.count), _wrapped(r.headline), plot_text(r.lane)]
                  for r in part.itertuples(index=False)]
        fig.add_trace(go.Scatter(
            name=name, mode="markers", x=part["x"], y=part["y"], customdata=custom, hovertemplate=COUNT_HOVER,
            marker=dict(size=[8 + 14 * (int(c) / biggest) ** 0.5 for c in part["count"]],
                        color=color if dated else "white", symbol="circle" if dated else "diamond",
                        opacity=0.8, line=dict(color=color, width=1.2 if dated else 2)),
        ))


def _add_labels(fig: go.Figure, rows: pd.DataFrame, *, lo: pd.Timestamp, hi: pd.Timestamp, span: pd.Timedelta,
                point_width: pd.Timedelta, width_px: int, font_size: int) -> None:
    """Headlines beside their marks, the most salient first; a label that would run over one already
    written on its row is left to the hover."""
    if rows.empty:
        return
    texts = [textwrap.shorten(str(h), LABEL_CHARS, placeholder="…") if h else "" for h in rows["headline"]]
    bar = rows["precision"].isin(["week", "month", "year"]).to_numpy()
    # a label starts just right of its point, or inside its bar; near the right edge it goes to the left
    anchor = rows["x0"].where(bar, rows["x"]).fillna(rows["x"])
    day = pd.Timedelta(days=1)
    x_days = ((anchor - lo) / day).to_numpy(dtype=float)
    right_edge = ((hi - lo) / day)
    per_char = (span / day) * (CHAR_PX * font_size / 11) / max(width_px - 180, 200)  # lane names take ~180 px
    gap = (point_width / day) * 0.6
    lengths = [len(t) * per_char for t in texts]
    leftward = [(x + gap + n > right_edge) and not b for x, n, b in zip(x_days, lengths, bar)]
    x0 = [x - gap - n if left else x + (0 if b else gap) for x, n, left, b in zip(x_days, lengths, leftward, bar)]
    x1 = [a + n for a, n in zip(x0, lengths)]
    # points are obstacles too: a label never runs over another event's mark
    points = [(x - gap, x + gap, y) for x, y, b in zip(x_days, rows["y"], bar) if not b]
    keep = thin_labels(x0, x1, list(rows["y"]), list(rows["salience"]), obstacles=points)
    keep = [k and bool(t) for k, t in zip(keep, texts)]
    if not any(keep):
        return
    shown = rows[keep]
    offsets = [(-1 if left else 1) * (pd.Timedelta(0) if b else point_width * 0.6)
               for left, b, k in zip(leftward, bar, keep) if k]
    fig.add_trace(go.Scatter(
        x=[a + o for a, o in zip(anchor[keep], offsets)], y=shown["y"], mode="text", showlegend=False,
        text=[plot_text(t) for t, k in zip(texts, keep) if k], hoverinfo="skip",
        textposition=["middle left" if left else "middle right" for left, k in zip(leftward, keep) if k],
        textfont=dict(size=font_size, color="#1e293b"), name="Headlines",
    ))


def thin_labels(x0: list[float], x1: list[float], y: list[float], salience: list[float], *,
                obstacles: list[tuple[float, float, float]] = ()) -> list[bool]:
    """Which labels to write: the most salient first, each only where it runs over no label already
    written on its row. x0/x1: where each label starts and ends; y: its row; obstacles: (start, end, row)
    of what no label may cover (the marks)."""
    keep = [False] * len(x0)
    taken: dict[float, list[tuple[float, float]]] = {}
    for a, b, row in obstacles:
        taken.setdefault(row, []).append((a, b))
    for i in sorted(range(len(x0)), key=lambda i: (-salience[i], x0[i])):
        spans = taken.setdefault(y[i], [])
        if any(a < x1[i] and x0[i] < b for a, b in spans):
            continue
        spans.append((x0[i], x1[i]))
        keep[i] = True
    return keep


def bucket_unit(span: pd.Timedelta) -> str:
    """The period counts are made over: a day for up to three months, a week up to three years, else a month."""
    if span <= pd.Timedelta(days=92):
        return "day"
    if span <= pd.Timedelta(days=3 * 366):
        return "week"
    return "month"


def aggregate_rows(rows: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Rows of `lane_rows` folded into one per lane and `unit` ("day", "week", "month"), undated ones into
    one per lane and article publication day: the count, and the most salient event's id and headline."""
    dated = rows["is_dated"].astype(bool)
    start = rows["period_start"]
    if unit == "week":
        start = start.dt.normalize() - pd.to_timedelta(start.dt.weekday, unit="D")
    elif unit == "month":
        start = start.dt.to_period("M").dt.start_time
    else:
        start = start.dt.normalize()
    # undated events stay in their own lanes, one mark per publication day
    key = start.where(dated, rows["published"])
    ranked = rows.assign(_bucket=key, _dated=dated).sort_values(["salience", "period_start"],
                                                                ascending=[False, True], kind="stable")
    keys = ["lane_order", "_dated", "_bucket"]
    groups = ranked.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()
    first = ~pd.Series(groups).duplicated().to_numpy()  # each group's most salient event comes first
    out = ranked[first].assign(count=np.bincount(groups)[groups[first]])
    out = out[keys + [c for c in out.columns if c not in keys]].reset_index(drop=True)
    bucket = out["_bucket"]
    out["period_start"] = bucket.where(out["_dated"])
    out["period_end"] = pd.Series([period_end(b, unit) if d else pd.NaT for b, d in zip(bucket, out["_dated"])],
                                  index=out.index, dtype="datetime64[ns]")
    out["precision"] = out["precision"].where(~out["_dated"], unit)
    out["date_label"] = [(_unit_label(b, unit) if d else before_label(p))
                         for b, d, p in zip(bucket, out["_dated"], out["published"])]
    # a count is a point in the middle of its period, and undated ones are points too
    out["precision"] = out["precision"].where(~out["_dated"], "day")
    out = out.drop(columns=["_bucket", "_dated"]).sort_values(["lane_order", "period_start"], kind="stable")
    return out.reset_index(drop=True)


def _unit_label(start: pd.Timestamp, unit: str) -> str:
    return labels.date_label(start, unit)


def _wrapped(text: object) -> str:
    return "<br>".join(textwrap.wrap(plot_text(text or ""), 70)) or "(no headline)"


def _dress_for_slides(fig: go.Figure, table: pd.DataFrame, style: Style) -> None:
    """Large type and markers, a fixed height, nothing to click: the timeline on a slide or in print."""
    dated = table[table["is_dated"].astype(bool)]
    if not dated.empty:
        day_ticks(fig, dated["period_start"].min(), dated["period_end"].max())
    fig.update_traces(marker=dict(size=style.marker_size), selector=dict(type="scatter", mode="markers"))
    # Streamlit's Plotly does not grow the margins for labels unless asked
    fig.update_xaxes(automargin=True, tickfont=dict(size=style.font_size))
    fig.update_yaxes(automargin=True, tickfont=dict(size=style.font_size))
    fig.update_layout(height=style.height("timeline", fig.layout.height), dragmode=False, clickmode="none",
                      font=dict(family=style.font_family, size=style.font_size, color=style.ink),
                      legend=dict(font=dict(size=(style.font_size or 14) - 2)), paper_bgcolor="white")


def day_ticks(fig: go.Figure, lo: pd.Timestamp, hi: pd.Timestamp) -> None:
    """Dates are days: never tick hours; a short span gets a day of air on each side."""
    if hi - lo < pd.Timedelta(days=21):
        # ticks at noon: a day's events sit at its middle, right above its label
        fig.update_xaxes(range=[lo.normalize() - pd.Timedelta(days=1), hi.normalize() + pd.Timedelta(days=1)],
                         dtick=86_400_000, tick0=lo.normalize() + pd.Timedelta(hours=12), tickformat="%-d %b",
                         ticklabelmode="instant")
    else:
        fig.update_xaxes(tickformat="%-d %b %Y")


HOVER = ("<b>%{customdata[1]}</b> · %{customdata[2]}<br>%{customdata[3]}<br>"
         "<i>dated by: %{customdata[4]}</i><br>%{customdata[5]}<br>"
         "<span style='color:#64748b'>%{customdata[6]}</span><extra></extra>")
COUNT_HOVER = ("<b>%{customdata[1]}</b> · %{customdata[2]} events · %{customdata[4]}<br>"
               "most salient: %{customdata[3]}<extra></extra>")


def selected_event_ids(selection: Mapping[str, Any] | None) -> list[str]:
    """Event ids of the points a Plotly selection holds (customdata[0] of each point)."""
    if not selection:
        return []
    points = (selection.get("selection") or {}).get("points") or []
    ids = []
    for point in points:
        data = point.get("customdata") if isinstance(point, Mapping) else None
        if isinstance(data, (list, tuple)) and data and isinstance(data[0], str):
            ids.append(data[0])
    return list(dict.fromkeys(ids))


def events_csv(table: pd.DataFrame) -> bytes:
    """The events of `table` as UTF-8 CSV, with actor names and list columns joined by "; "."""
    return table_csv(table, [
        ("date", iso_day("date")), "precision", "date_label", "date_text", "date_rule", "tense", "summary",
        ("actors", joined("actor_names")), "place", "source_count", "title", "source",
        ("published", iso_day("published")), ("actor_ids", joined("actor_ids")),
        "report_group", "event_id", "article_id", "sentence_id",
        ("corrected", lambda t: t["is_corrected"].map({True: "yes", False: ""})),
    ])


def sentence_html(sentence: str, sentence_start: int, date_text_start: object, date_text: object) -> str:
    """The escaped source sentence with the words that dated the event marked."""
    if isinstance(date_text, str) and date_text and pd.notna(date_text_start):
        at = int(date_text_start) - int(sentence_start)  # type: ignore[call-overload]
        if 0 <= at and sentence[at:at + len(date_text)] == date_text:
            return (html.escape(sentence[:at]) + f"<mark>{html.escape(date_text)}</mark>"
                    + html.escape(sentence[at + len(date_text):]))
    return html.escape(sentence)


UNDATED_PER_ROW = 8


def _place(rows: pd.DataFrame, lo: pd.Timestamp, point_width: pd.Timedelta) -> pd.DataFrame:
    """Add x (marker position), x0/x1 (bar span), the extent each item covers, and `sub`, the row
    within its lane already fixed for undated events (NaN: to be stacked by `_pack`)."""
    rows = rows.copy()
    dated = rows["is_dated"].astype(bool)
    rows["x"] = rows["period_start"] + pd.Timedelta(hours=12)
    rows["sub"] = float("nan")
    # Undated events of a lane sit in a grid just before publication, in reading order: their
    # position says "before this day", not when.
    many = rows[~dated & (rows["lane"] == UNDATED_MANY)]
    # in the shared lane each event sits just before its own article's day, stacked by `_pack`
    rows.loc[many.index, "x"] = many["published"].fillna(lo) - point_width * 0.6
    for _, part in rows[~dated & (rows["lane"] != UNDATED_MANY)].groupby("lane", sort=False):
        n = len(part)
        per_row = min(n, UNDATED_PER_ROW)
        n_rows = -(-n // per_row)
        window = max(pd.Timedelta(days=1), per_row * point_width * 1.2)
        anchor = part["published"].iloc[0] if pd.notna(part["published"].iloc[0]) else lo
        # the most salient sit in the column nearest publication day, where their headlines have room
        ranked = part.sort_values("salience", ascending=False, kind="stable").index if "salience" in part else part.index
        for k, idx in enumerate(ranked):
            column = per_row - 1 - k // n_rows
            rows.at[idx, "x"] = anchor - window + window * (column + 0.5) / per_row
            rows.at[idx, "sub"] = k % n_rows
    rows["x0"] = rows["period_start"]
    rows["x1"] = rows["period_end"]
    bar = rows["precision"].isin(["week", "month", "year"])
    rows["ext0"] = (rows["x"] - point_width / 2).where(~bar, rows["x0"])
    rows["ext1"] = (rows["x"] + point_width / 2).where(~bar, rows["x1"])
    return rows


def _pack(rows: pd.DataFrame) -> tuple[list[float], list[str], list[tuple[float, float]]]:
    """Stack items of a lane that overlap in time onto sub-rows; return each row's y, lane labels, bands."""
    y = [0.0] * len(rows)
    ticks: list[str] = []
    bands: list[tuple[float, float]] = []
    top = 0.0
    # plain lists, not rows.at per item: thousands of events are packed on every rerun
    position = {idx: i for i, idx in enumerate(rows.index)}
    subs, starts, ends_at = rows["sub"].tolist(), rows["ext0"].tolist(), rows["ext1"].tolist()
    for _, part in rows.groupby("lane_order", sort=True):
        ends: list[pd.Timestamp] = []
        fixed = 0
        for idx in part.sort_values(["ext0", "ext1"]).index:
            i = position[idx]
            if pd.notna(subs[i]):
                row = int(subs[i])
                fixed = max(fixed, row + 1)
            else:
                start, end = starts[i], ends_at[i]
                row = next((i for i, e in enumerate(ends) if e <= start), len(ends))
                if row == MAX_SUB_ROWS:
                    # a crowded lane stays readable: overlap on the row that frees up first
                    row = min(range(len(ends)), key=lambda i: ends[i])
                if row == len(ends):
                    ends.append(end)
                else:
                    ends[row] = max(ends[row], end)
            y[i] = top + 0.5 + row
        height = max(1, len(ends), fixed)
        ticks.append(str(part["lane"].iloc[0]))
        bands.append((top, top + height))
        top += height + 0.2
    return y, ticks, bands


def _customdata(part: pd.DataFrame) -> list[list[str]]:
    """[event_id, date, precision, headline, date words, who, article] per row, escaped for Plotly."""
    out = []
    labels: dict[tuple, str] = {}  # one label per article, not per event
    for r in part.itertuples(index=False):
        words = f"“{plot_text(r.date_text)}”" if isinstance(r.date_text, str) and r.date_text else "no date words"
        if (r.title, r.published) not in labels:
            labels[r.title, r.published] = plot_text(_article_label(r.title, r.published, width=70))
        article = labels[r.title, r.published]
        out.append([r.event_id, plot_text(r.date_label), PRECISION_NAMES.get(r.precision, r.precision),
                    _wrapped(r.headline), words, plot_text(who_text(r.agent_names, r.patient_names, r.actor_names)),
                    article])
    return out


def who_text(agents: list[str], patients: list[str], actors: list[str]) -> str:
    """'By Turkey · to Israel · with Greece': who acted, on whom, and who else is named; 'Actors: …' when
    the roles are not known; 'No actor named'."""
    others = [a for a in dict.fromkeys(actors) if a not in agents and a not in patients]
    if others and not agents and not patients:
        return "Actors: " + ", ".join(others)
    parts = [f"{word} {', '.join(dict.fromkeys(names))}"
             for word, names in (("By", agents), ("to", patients), ("with", others)) if names]
    if not parts:
        return "No actor named"
    text = " · ".join(parts)
    return text[0].upper() + text[1:]


def _article_label(title: object, published: object, *, width: int = 42) -> str:
    name = textwrap.shorten(str(title), width, placeholder="…") if isinstance(title, str) and title else "Untitled"
    return f"{published:%-d %b} · {name}" if pd.notna(published) else name


def pick_selected(chart_ids: list[str], table_ids: list[str], last: tuple[tuple, tuple] | None,
                  previous: str | None) -> str | None:
    """The event to show: from whichever of the chart and the table changed its selection last.

    last: the (chart, table) selections of the run before; previous: the event shown then.
    """
    last_chart, last_table = last or ((), ())
    if tuple(chart_ids) != tuple(last_chart):
        return chart_ids[0] if chart_ids else None
    if tuple(table_ids) != tuple(last_table):
        return table_ids[0] if table_ids else None
    return previous
