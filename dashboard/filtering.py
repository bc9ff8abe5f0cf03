"""The global actor filter and date range, applied to a briefing's tables.

Pure pandas, no Streamlit: every page, the presentation and the exports filter through here, so
"filtered by Turkey" means the same thing everywhere.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import pandas as pd

from dashboard.loader import Briefing


@dataclass(frozen=True)
class ActorFilter:
    """Which actors a view is about, and over which dates.

    actor_ids: empty means every actor. It may also hold subject ids (a product, an index...): a row
    involves a subject that it names. mode "any": rows that involve at least one of them;
    "all": rows (articles, quotes, events) that involve every one of them.
    start/end: inclusive day bounds on event dates and publication dates; undated rows are kept.
    kinds: the kinds of actor the sidebar lists; they narrow the list of choices, never the tables.
    """

    actor_ids: tuple[str, ...] = ()
    mode: str = "any"
    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None
    kinds: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.actor_ids) or self.start is not None or self.end is not None


@dataclass
class View:
    """A briefing's tables narrowed by a filter; `actors` keeps every actor for naming."""

    briefing: Briefing
    filter: ActorFilter
    articles: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    events: pd.DataFrame
    actors: pd.DataFrame = field(init=False)
    subjects: pd.DataFrame = field(init=False)

    def __post_init__(self) -> None:
        self.actors = self.briefing.actors
        self.subjects = self.briefing.subjects

    def columns(self, table: str, names: list[str]) -> pd.DataFrame:
        """The view's rows of `table` with only the columns `names`."""
        return getattr(self, table)[names]

    def events_of(self, actor_id: str, names: list[str]) -> pd.DataFrame:
        """The view's events that `actor_id` takes part in (their actor_ids hold it), with only the columns
        `names`."""
        events = self._events_maybe_of(actor_id, list(dict.fromkeys([*names, "actor_ids"])))
        return events[holds(events["actor_ids"], actor_id)][names]

    def _events_maybe_of(self, actor_id: str, names: list[str]) -> pd.DataFrame:
        """The view's events `actor_id` may take part in, with the columns `names`: here every one."""
        return self.columns("events", names)


def holds(lists: pd.Series, actor_id: str) -> pd.Series:
    """Rows of a list-of-ids column that contain `actor_id`."""
    return lists.map(lambda ids: isinstance(ids, (list, tuple)) and actor_id in ids).astype(bool)


def briefing_dates(briefing: Briefing) -> tuple[dt.date, dt.date] | None:
    """First and last day among the briefing's event dates and publication dates; None when nothing is dated."""
    days = list(briefing.events["date"].dropna()) + list(briefing.articles["published"].dropna())
    if not days:
        return None
    return min(days).date(), max(days).date()


def with_dates(flt: ActorFilter, start: dt.date | None, end: dt.date | None,
               bounds: tuple[dt.date, dt.date]) -> ActorFilter:
    """`flt` limited to the days `start`..`end`; a range over the whole of `bounds` leaves it open."""
    end = end or start
    if start is None or end is None or (start <= bounds[0] and end >= bounds[1]):
        return replace(flt, start=None, end=None)
    # dates in the tables are days at midnight, so the end day itself is inside the range
    return replace(flt, start=pd.Timestamp(start), end=pd.Timestamp(end))


def _involves(lists: list[pd.Series], singles: pd.Series | None, wanted: set[str], mode: str) -> pd.Series:
    """Rows whose actors and subjects (list columns, plus an optional single-id column) meet the filter."""
    # One flat column of (row, id) instead of a Python set per row: a filter change reruns this on
    # every page, over thousands of rows.
    flat = pd.concat([column.explode() for column in lists] + ([singles] if singles is not None else []))
    hits = flat[flat.isin(wanted)]
    if mode == "all":
        found = hits.groupby(level=0).nunique()
        rows = found.index[found >= len(wanted)]
    else:
        rows = hits.index.unique()
    return pd.Series(lists[0].index.isin(rows), index=lists[0].index)


def _in_range(dates: pd.Series, start: pd.Timestamp | None, end: pd.Timestamp | None) -> pd.Series:
    keep = pd.Series(True, index=dates.index)
    if start is not None:
        keep &= dates.isna() | (dates >= start)
    if end is not None:
        keep &= dates.isna() | (dates <= end)
    return keep


def apply_filter(briefing: Briefing, flt: ActorFilter) -> View:
    """Narrow every table of `briefing` to what `flt` selects."""
    if not flt.active:
        return View(briefing=briefing, filter=flt, articles=briefing.articles, sentences=briefing.sentences,
                    mentions=briefing.mentions, quotes=briefing.quotes, events=briefing.events)
    articles, mentions = briefing.articles, briefing.mentions
    quotes, events = briefing.quotes, briefing.events
    wanted = set(flt.actor_ids) & (set(briefing.actors["actor_id"]) | set(briefing.subjects["subject_id"]))
    if flt.actor_ids and not wanted:
        wanted = {"\0no-such-actor"}  # ids from an old link that match nothing select nothing
    if wanted:
        named = pd.concat([mentions[["article_id", "actor_id"]],
                           briefing.subject_mentions[["article_id", "subject_id"]].rename(columns={"subject_id": "actor_id"})])
        hits = named[named["actor_id"].isin(wanted)]
        per_article = hits.groupby("article_id")["actor_id"].nunique()
        need = len(wanted) if flt.mode == "all" else 1
        ok = per_article[per_article >= need].index
        articles = articles[articles["article_id"].isin(ok)]
        quotes = quotes[_involves([quotes["about_ids"], quotes["subject_ids"]], quotes["speaker_id"], wanted, flt.mode)]
        events = events[_involves([events["actor_ids"], events["subject_ids"]], None, wanted, flt.mode)]
    if flt.start is not None or flt.end is not None:
        events = events[_in_range(events["date"], flt.start, flt.end)]
        # an article published after the range still counts when it reports an event inside it
        reports = set(events.loc[events["date"].notna(), "article_id"])
        articles = articles[_in_range(articles["published"], flt.start, flt.end) | articles["article_id"].isin(reports)]
    ids = set(articles["article_id"])
    return View(
        briefing=briefing,
        filter=flt,
        articles=articles,
        sentences=briefing.sentences[_isin(briefing.sentences["article_id"], ids)],
        mentions=mentions[_isin(mentions["article_id"], ids)],
        quotes=quotes[_isin(quotes["article_id"], ids)],
        events=events[_isin(events["article_id"], ids)],
    )


def _isin(values: pd.Series, ids: set[str]) -> pd.Series:
    """values.isin(ids) through one hash table: isin on Arrow-backed strings builds a scalar per id,
    slow when a filter keeps a thousand articles."""
    return values.astype(object).isin(ids)
