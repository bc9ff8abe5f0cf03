"""The actor filter through indexes made once per briefing: a filter change looks rows up, never scans.

`apply_filter` (dashboard/filtering.py) says what a filter selects; `BriefingIndex.view` gives the same
tables (the tests compare them) from lookups prepared once per briefing: for each actor and subject,
the articles that name it and the quotes and events that involve it, and for each table the position of
every row's article. At thousands of articles a filter change then costs a few array operations.
"""
from __future__ import annotations

from functools import cached_property
from itertools import chain

import numpy as np
import pandas as pd

from dashboard.filtering import ActorFilter, View
from dashboard.loader import Briefing
from dashboard.views.reports import report_groups

NOTHING = np.zeros(0, dtype=np.int64)


def rows_by_id(lists: list[pd.Series], singles: pd.Series | None = None) -> dict[str, np.ndarray]:
    """id -> the positions of the rows that hold it, in any of the list columns `lists` or in `singles`;
    each position once per id, in order."""
    ids: list[object] = []
    rows: list[np.ndarray] = []
    for column in lists:
        values = [v if type(v) is list or isinstance(v, (tuple, np.ndarray)) else () for v in column]
        lengths = np.fromiter((len(v) for v in values), dtype=np.int64, count=len(values))
        ids.extend(chain.from_iterable(values))
        rows.append(np.repeat(np.arange(len(values), dtype=np.int64), lengths))
    if singles is not None:
        present = singles.notna().to_numpy()
        ids.extend(singles[present])
        rows.append(np.flatnonzero(present).astype(np.int64))
    return _group(ids, np.concatenate(rows) if rows else NOTHING)


def _group(ids: list[object] | np.ndarray, rows: np.ndarray) -> dict[str, np.ndarray]:
    if not len(rows):
        return {}
    codes, names = pd.factorize(np.asarray(ids, dtype=object))
    order = np.lexsort((rows, codes))
    codes, rows = codes[order], rows[order]
    # one row per id: a row may name the same id in two columns, or twice in one
    first = np.ones(len(rows), dtype=bool)
    first[1:] = (codes[1:] != codes[:-1]) | (rows[1:] != rows[:-1])
    codes, rows = codes[first], rows[first]
    bounds = np.flatnonzero(np.diff(codes)) + 1
    return {str(names[c[0]]): r for c, r in zip(np.split(codes, bounds), np.split(rows, bounds))}


def _in_range(dates: pd.Series, start: pd.Timestamp | None, end: pd.Timestamp | None) -> np.ndarray:
    """Undated rows, and rows dated within start..end (what filtering._in_range keeps)."""
    keep = np.ones(len(dates), dtype=bool)
    missing = dates.isna().to_numpy()
    if start is not None:
        keep &= missing | (dates >= start).fillna(False).to_numpy(dtype=bool)
    if end is not None:
        keep &= missing | (dates <= end).fillna(False).to_numpy(dtype=bool)
    return keep


class BriefingIndex:
    """Lookups over one briefing's tables, each made the first time a filter needs it."""

    def __init__(self, briefing: Briefing):
        self.briefing = briefing

    def prepared(self) -> BriefingIndex:
        """This index with every lookup made now."""
        for name in ("codes", "articles_by_id", "quotes_by_id", "events_by_id", "known"):
            getattr(self, name)
        return self

    @cached_property
    def _article_position(self) -> pd.Index:
        return pd.Index(self.briefing.articles["article_id"].astype(object))

    def _article_codes(self, table: pd.DataFrame) -> np.ndarray:
        """Each row's article as its position in the articles table (-1: an article not in it)."""
        return self._article_position.get_indexer(table["article_id"].astype(object))

    @cached_property
    def codes(self) -> dict[str, np.ndarray]:
        """table -> the article position of each of its rows."""
        b = self.briefing
        return {name: self._article_codes(getattr(b, name))
                for name in ("sentences", "mentions", "quotes", "events", "subject_mentions")}

    @cached_property
    def articles_by_id(self) -> dict[str, np.ndarray]:
        """actor or subject id -> positions of the articles that name it."""
        b = self.briefing
        ids = np.concatenate([b.mentions["actor_id"].to_numpy(dtype=object, na_value=None),
                              b.subject_mentions["subject_id"].to_numpy(dtype=object, na_value=None)])
        articles = np.concatenate([self.codes["mentions"], self.codes["subject_mentions"]]).astype(np.int64)
        named = pd.notna(ids) & (articles >= 0)
        return _group(ids[named], articles[named])

    @cached_property
    def quotes_by_id(self) -> dict[str, np.ndarray]:
        """actor or subject id -> positions of the quotes that involve it (said it, or named in it)."""
        q = self.briefing.quotes
        return rows_by_id([q["about_ids"], q["subject_ids"]], q["speaker_id"])

    @cached_property
    def events_by_id(self) -> dict[str, np.ndarray]:
        """actor or subject id -> positions of the events that involve it."""
        e = self.briefing.events
        return rows_by_id([e["actor_ids"], e["subject_ids"]])

    @cached_property
    def reports_by_group(self) -> dict[str, np.ndarray]:
        """report_group -> positions of its events, for the events that several articles report."""
        e = self.briefing.events
        several = (e["source_count"].fillna(1) > 1).to_numpy(dtype=bool)
        return _group(report_groups(e).to_numpy(dtype=object)[several], np.flatnonzero(several))

    def reports(self, group: str) -> pd.DataFrame:
        """Every report of the event `group` names (its rows of the events table); none when one article
        alone reports it."""
        return self.briefing.events.iloc[self.reports_by_group.get(str(group), NOTHING)]

    @cached_property
    def known(self) -> set[str]:
        b = self.briefing
        return set(b.actors["actor_id"]) | set(b.subjects["subject_id"])

    def sentence(self, article_id: str, sentence_id: object) -> pd.Series | None:
        """The row of the sentences table for this article and sentence; None when there is none."""
        at = self._article_position.get_indexer([article_id])[0]
        if at < 0 or sentence_id is None or pd.isna(sentence_id):
            return None
        sentences = self.briefing.sentences
        rows = np.flatnonzero(self.codes["sentences"] == at)
        hit = rows[sentences["sentence_id"].to_numpy()[rows] == int(sentence_id)] if len(rows) else rows
        return sentences.iloc[int(hit[0])] if len(hit) else None

    def view(self, flt: ActorFilter, *, briefing: Briefing | None = None) -> View:
        """What `apply_filter(briefing, flt)` gives, from the indexes.

        briefing: a shallow copy of the indexed briefing (the same rows) to take the tables from.
        """
        b = briefing if briefing is not None else self.briefing
        if not flt.active:
            return LazyView(b, flt, None, self)
        n_articles, n_quotes, n_events = len(b.articles), len(b.quotes), len(b.events)
        keep_articles = np.ones(n_articles, dtype=bool)
        keep_quotes = np.ones(n_quotes, dtype=bool)
        keep_events = np.ones(n_events, dtype=bool)
        if flt.actor_ids:
            wanted = sorted(set(flt.actor_ids) & self.known)
            need = len(wanted) if flt.mode == "all" else 1
            keep_articles = _meeting(self.articles_by_id, wanted, n_articles, need)
            keep_quotes = _meeting(self.quotes_by_id, wanted, n_quotes, need)
            keep_events = _meeting(self.events_by_id, wanted, n_events, need)
        if flt.start is not None or flt.end is not None:
            keep_events &= _in_range(b.events["date"], flt.start, flt.end)
            # an article published after the range still counts when it reports an event inside it
            reports = np.zeros(n_articles + 1, dtype=bool)
            dated = keep_events & b.events["date"].notna().to_numpy()
            reports[self.codes["events"][dated]] = True
            keep_articles &= _in_range(b.articles["published"], flt.start, flt.end) | reports[:n_articles]
        # position -1 (a row whose article is not in the table) looks at the last slot: always False
        kept = np.append(keep_articles, False)
        return LazyView(b, flt, {
            "articles": keep_articles,
            "sentences": kept[self.codes["sentences"]],
            "mentions": kept[self.codes["mentions"]],
            "quotes": keep_quotes & kept[self.codes["quotes"]],
            "events": keep_events & kept[self.codes["events"]],
        }, self)


class LazyView(View):
    """A `View` whose tables are cut from the briefing when first read, and whose lookups go through the
    briefing's index.

    A page reads two or three of the five: cutting every table on every rerun cost most of a filtered
    rerun at 20,000 articles (the sentences' and articles' text copied to be thrown away).
    keep: table -> which of its rows the view keeps; None keeps every row (no filter).
    """

    def __init__(self, briefing: Briefing, flt: ActorFilter, keep: dict[str, np.ndarray] | None,
                 index: BriefingIndex):
        # not View.__init__: it would set the tables that are made below on first use
        self.briefing, self.filter, self._keep, self._index = briefing, flt, keep, index
        self.actors, self.subjects = briefing.actors, briefing.subjects

    def _rows(self, name: str) -> pd.DataFrame:
        table = getattr(self.briefing, name)
        return table if self._keep is None else table[self._keep[name]]

    def columns(self, table: str, names: list[str]) -> pd.DataFrame:
        """The view's rows of `table` with only the columns `names`, cut alone unless the whole table was
        cut already: taking 25,000 events' text columns that a page does not read costs most of a take."""
        if table in self.__dict__:
            return self.__dict__[table][names]
        whole = getattr(self.briefing, table)[names]
        return whole if self._keep is None else whole[self._keep[table]]

    def _events_maybe_of(self, actor_id: str, names: list[str]) -> pd.DataFrame:
        """The view's events the index lists for `actor_id`, not found by reading every event's actors; the
        index also holds subjects, which may share an actor's id, so `events_of` still checks each."""
        rows = self._index.events_by_id.get(actor_id, NOTHING)
        if self._keep is not None:
            rows = rows[self._keep["events"][rows]]
        return self.briefing.events[names].iloc[rows]

    @cached_property
    def articles(self) -> pd.DataFrame:  # type: ignore[override]
        return self._rows("articles")

    @cached_property
    def sentences(self) -> pd.DataFrame:  # type: ignore[override]
        return self._rows("sentences")

    @cached_property
    def mentions(self) -> pd.DataFrame:  # type: ignore[override]
        return self._rows("mentions")

    @cached_property
    def quotes(self) -> pd.DataFrame:  # type: ignore[override]
        return self._rows("quotes")

    @cached_property
    def events(self) -> pd.DataFrame:  # type: ignore[override]
        return self._rows("events")


def _meeting(rows_of: dict[str, np.ndarray], wanted: list[str], n: int, need: int) -> np.ndarray:
    """Rows (of `n`) that hold at least `need` of the `wanted` ids."""
    if not wanted:  # ids from an old link that match nothing select nothing
        return np.zeros(n, dtype=bool)
    counts = np.zeros(n, dtype=np.int64)
    for actor in wanted:
        counts[rows_of.get(actor, NOTHING)] += 1
    return counts >= need
