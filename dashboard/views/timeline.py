"""The timeline: events joined to names and articles, their date range and lanes, the Plotly figure, CSV.

A day is a point; a week, month or year is a bar spanning it; an undated event sits in a lane of its
own, "before <publication date>", just left of the day its article was published. Pure functions of
DataFrames; names, titles and summaries are untrusted and reach Plotly escaped.
"""
from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from dashboard.loader.vocabulary import PRECISIONS, as_list
from dashboard.views import labels
from dashboard.views.labels import plot_text
from dashboard.views.downloads import iso_day, joined, table_csv
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
    "date_rule", "tense", "summary", "actor_ids", "actor_names", "place", "source_count", "report_ids",
    "title", "source", "published", "period_start", "period_end", "is_dated", "undated_lane", "is_corrected",
]


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
    out["actor_ids"] = out["actor_ids"].map(as_list)
    out["report_ids"] = out["report_ids"].map(as_list)
    out["actor_names"] = out["actor_ids"].map(lambda ids: [names.get(a, a) for a in ids])
    out = out.merge(articles[["article_id", "title", "source", "published"]], on="article_id", how="left")
    precision = out["precision"].where(out["precision"].isin(PRECISIONS[:-1]), "none")
    out["is_dated"] = out["date"].notna() & (precision != "none")
    out["precision"] = precision.where(out["is_dated"], "none")
    out["period_start"] = out["date"].where(out["is_dated"])
    out["period_end"] = pd.Series(
        [period_end(d, p) if ok else pd.NaT for d, p, ok in zip(out["date"], out["precision"], out["is_dated"])],
        index=out.index, dtype="datetime64[ns]")
    out["date_label"] = [date_label(d if ok else pd.NaT, p, pub)
                         for d, p, pub, ok in zip(out["date"], out["precision"], out["published"], out["is_dated"])]
    out["undated_lane"] = [None if ok else before_label(pub) for pub, ok in zip(out["published"], out["is_dated"])]
    out["source_count"] = out["source_count"].fillna(1)
    # undated events are told as background to the article: order them just before its publication day
    sort_key = out["period_start"].where(out["is_dated"], out["published"] - pd.Timedelta(hours=12))
    out = out.assign(_key=sort_key).sort_values(["_key", "article_id", "sentence_id"], na_position="last",
                                                kind="stable")
    for col in TABLE_COLUMNS:
        if col not in out.columns:
            out[col] = None
    out["is_corrected"] = out["is_corrected"].fillna(False).astype(bool)
    return out[TABLE_COLUMNS].reset_index(drop=True)


def date_bounds(table: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """First and last day the timeline covers (event spans and undated events' publication days)."""
    days = list(table["period_start"].dropna()) + [e - pd.Timedelta(days=1) for e in table["period_end"].dropna()]
    # undated events sit on the day before their article's publication
    days += [p - pd.Timedelta(days=1) for p in table.loc[~table["is_dated"].astype(bool), "published"].dropna()]
    if not days:
        return None
    return min(days).date(), max(days).date()


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
    return table[keep]


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
                           style: str = "screen") -> go.Figure:
    """The timeline of `table` (from `event_table`): day points, week/month/year bars, undated lanes.

    Every trace carries the event_id as customdata[0], so a selection maps back to its event.
    style: "screen" (the timeline page), "slide" or "print" (larger type, fixed height, no clicks).
    """
    rows = lane_rows(table, lanes, max_lanes=max_lanes)
    fig = go.Figure()
    if rows.empty:
        return fig
    bounds = date_bounds(table)
    lo = pd.Timestamp(bounds[0]) if bounds else pd.Timestamp.today().normalize()
    hi = pd.Timestamp(bounds[1]) + pd.Timedelta(days=1) if bounds else lo + pd.Timedelta(days=1)
    span = max(hi - lo, pd.Timedelta(days=1))
    point_width = span / 60  # about one marker's width on a chart of ordinary width, for stacking
    rows = _place(rows, lo, point_width)
    lo = min(lo, rows["ext0"].min())  # undated events may spread a little further back
    span = hi - lo
    y, ticks, bands = _pack(rows)
    rows = rows.assign(y=y)

    for i, (y0, y1) in enumerate(bands):
        if i % 2 == 0:
            fig.add_hrect(y0=y0, y1=y1, fillcolor="rgba(100,116,139,0.06)", line_width=0, layer="below")
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
    published = sorted(set(table["published"].dropna()))
    # a few publication days are landmarks; dozens would only be noise
    for day in published if len(published) <= 6 else []:
        fig.add_vline(x=day, line=dict(color="#94a3b8", width=1, dash="dot"), layer="below")
    if 0 < len(published) <= 6:
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name="Publication date",
                                 line=dict(color="#94a3b8", width=1, dash="dot"), hoverinfo="skip"))
    labels = [plot_text(t) for t in ticks]
    fig.update_yaxes(tickvals=[(a + b) / 2 for a, b in bands], ticktext=labels, range=[bands[-1][1], bands[0][0]],
                     showgrid=False, zeroline=False, fixedrange=True, tickfont=dict(size=13))
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
    dress = style_of(style)
    if not dress.interactive:
        _dress_for_slides(fig, table, dress)
    return fig


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
         "<i>dated by: %{customdata[4]}</i><br>Actors: %{customdata[5]}<br>"
         "<span style='color:#64748b'>%{customdata[6]}</span><extra></extra>")


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
        ("report_ids", joined("report_ids")), "event_id", "article_id", "sentence_id",
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
        window = max(pd.Timedelta(days=1), per_row * point_width * 1.2)
        anchor = part["published"].iloc[0] if pd.notna(part["published"].iloc[0]) else lo
        for k, idx in enumerate(part.index):
            rows.at[idx, "x"] = anchor - window + window * ((k % per_row) + 0.5) / per_row
            rows.at[idx, "sub"] = k // per_row
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
    """[event_id, date, precision, summary, date words, actors, article] per row, escaped for Plotly."""
    out = []
    labels: dict[tuple, str] = {}  # one label per article, not per event
    for r in part.itertuples(index=False):
        summary = "<br>".join(textwrap.wrap(plot_text(r.summary or ""), 70)) or "(no summary)"
        words = f"“{plot_text(r.date_text)}”" if isinstance(r.date_text, str) and r.date_text else "no date words"
        actors = plot_text(", ".join(r.actor_names)) if r.actor_names else "none named"
        if (r.title, r.published) not in labels:
            labels[r.title, r.published] = plot_text(_article_label(r.title, r.published, width=70))
        article = labels[r.title, r.published]
        out.append([r.event_id, plot_text(r.date_label), PRECISION_NAMES.get(r.precision, r.precision),
                    summary, words, actors, article])
    return out


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
