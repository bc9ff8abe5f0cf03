"""Key points: the three to five most important developments of a briefing, with dates and sources.

Ranked by the events' `salience` where the loader gives one; otherwise dated events first, then
those involving more actors and reported by more articles. An event several articles report counts
once, with all its sources.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.loader.vocabulary import PRECISION_RANK
from dashboard.views.labels import date_label
from dashboard.views.reports import group_rows, other_reports, report_groups, told_once

MAX_POINTS = 5
MIN_POINTS = 3
HEADLINE_CHARS = 180


@dataclass(frozen=True)
class KeyPoint:
    """One key development, ready to show."""

    event_id: str
    article_id: str
    sentence_id: int | None
    date_label: str
    headline: str
    sources: tuple[str, ...]
    is_corrected: bool = False


def _text(value: object) -> str:
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def _headline(row: pd.Series) -> str:
    text = " ".join((_text(row.get("headline")) or _text(row.get("summary"))).split())
    if len(text) > HEADLINE_CHARS:
        text = text[:HEADLINE_CHARS].rsplit(" ", 1)[0] + "…"
    return text[:1].upper() + text[1:]


def rank_events(events: pd.DataFrame) -> pd.DataFrame:
    """Events most important first: by `salience` when the column holds values, else dated events
    with more actors, more sources and finer dates first."""
    if events.empty:
        return events
    ranked = events.assign(
        _salience=events["salience"].astype("Float64") if "salience" in events.columns else pd.NA,
        _dated=events["date"].notna(),
        _actors=events["actor_ids"].map(len),
        _sources=events["source_count"].fillna(1).astype(int),
        _precision=events["precision"].map(lambda p: PRECISION_RANK.get(p, 5)),
    )
    if ranked["_salience"].notna().any():
        order = (["_salience", "_dated", "_sources", "date", "event_id"], [False, False, False, True, True])
    else:
        order = (["_dated", "_actors", "_sources", "_precision", "date", "event_id"],
                 [False, False, False, True, True, True])
    ranked = ranked.sort_values(order[0], ascending=order[1], kind="stable", na_position="last")
    return ranked.drop(columns=["_salience", "_dated", "_actors", "_sources", "_precision"])


def key_points(events: pd.DataFrame, articles: pd.DataFrame, *, limit: int = MAX_POINTS) -> list[KeyPoint]:
    """The `limit` most important developments, most important first. Undated events join only when
    fewer than three are dated (and no salience says otherwise)."""
    ranked = rank_events(events)
    if ranked.empty:
        return []
    if "salience" not in ranked.columns or ranked["salience"].isna().all():
        dated = ranked[ranked["date"].notna()]
        if len(dated) >= MIN_POINTS:
            ranked = dated
    groups = report_groups(ranked)
    chosen = []
    for k in told_once(ranked, (_headline(row) for _, row in ranked.iterrows()), skip_untold=True):
        chosen.append((ranked.iloc[k], groups.iloc[k]))
        if len(chosen) == limit:
            break
    # the articles of each chosen event's reports: one look over the table for all of them
    members = group_rows(events, [g for _, g in chosen])
    wanted = {row["article_id"] for row, _ in chosen} | {a for rows in members.values() for a in rows["article_id"]}
    # the outlets of those articles only: a view can hold tens of thousands
    sources = _article_sources(articles[articles["article_id"].isin(wanted)])
    points: list[KeyPoint] = []
    for row, group in chosen:
        others = other_reports(members[group], row["article_id"])["article_id"] if group in members else []
        article_ids = [row["article_id"], *others]
        names = tuple(dict.fromkeys(sources.get(a, "") for a in article_ids if sources.get(a)))
        published = articles.loc[articles["article_id"] == row["article_id"], "published"]
        before = f"before {published.iloc[0]:%-d %b %Y}" if len(published) and pd.notna(published.iloc[0]) else "undated"
        points.append(KeyPoint(
            event_id=str(row["event_id"]), article_id=str(row["article_id"]),
            sentence_id=None if pd.isna(row["sentence_id"]) else int(row["sentence_id"]),
            date_label=date_label(row["date"], row["precision"], undated=before), headline=_headline(row),
            sources=names, is_corrected=bool(row.get("is_corrected")) if pd.notna(row.get("is_corrected")) else False,
        ))
    return points


def _article_sources(articles: pd.DataFrame) -> dict[str, str]:
    """Each article's outlet, else its title, else its file name."""
    out = {}
    for a, s, t, f in zip(articles["article_id"], articles["source"], articles["title"], articles["file"]):
        out[str(a)] = _text(s) or _text(t) or _text(f)
    return out


def key_points_table(points: list[KeyPoint]) -> pd.DataFrame:
    """The key points as a table (for screen readers, CSV and exports)."""
    return pd.DataFrame([{"date": p.date_label, "development": p.headline, "sources": ", ".join(p.sources),
                          "corrected": "yes" if p.is_corrected else ""} for p in points],
                        columns=["date", "development", "sources", "corrected"])
