"""The same event reported by several articles: grouped so a briefing counts it once.

Repeated reports of one event are the best-known complaint about event databases built from news.
Two rows of different articles are reports of one event when they have the same date and precision,
share an actor, and say much the same thing (their summaries share content words). Rows stay as
they are; each gets `source_count` (how many articles report the event), `report_group` (the
event_id of the group's first row: the same for every report of one event, a row's own event_id when
one article alone reports it) and its `salience` again, now that the number of sources is known.

A key per row, not the list of the other reports: a wire story reprinted by a hundred outlets would
give each of its hundred rows the ninety-nine others, a table that grows with the square of the copies.
Whoever needs the other reports looks them up by group (dashboard/views/reports.py).
"""
from __future__ import annotations

import re

import pandas as pd

from dashboard.loader.events.salience import salience

# Share of the shorter summary's content words that the other summary must contain.
MIN_WORD_OVERLAP = 0.3
_STOP = {
    "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "with", "by", "as", "that",
    "this", "these", "those", "its", "their", "his", "her", "it", "they", "he", "she", "was", "were", "is", "are",
    "be", "been", "has", "have", "had", "will", "would", "said", "says", "say", "also", "which", "who", "than",
    "about", "after", "before", "over", "into", "not", "more", "most", "some", "any", "all", "new", "first",
    # words of time: two reports of one day share them whatever they tell
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "tomorrow", "week", "month", "year", "day", "morning", "afternoon", "evening", "night", "utc", "gmt",
    "earlier", "later", "last", "next",
}


def _stems(text: str) -> set[str]:
    """Content words cut to a common stem ("convened", "convene" -> "conve")."""
    words = re.findall(r"[^\W\d_]+", str(text).lower())
    return {w[:5] for w in words if len(w) > 2 and w not in _STOP}


def similar(a: str, b: str, *, names: set[str] = frozenset()) -> bool:
    """True when two summaries share enough content words to tell the same thing.

    names: words of the actors' names, left out: two reports about the same actors share them anyway.
    """
    sa, sb = _stems(a) - names, _stems(b) - names
    if not sa or not sb:
        return False
    return len(sa & sb) / min(len(sa), len(sb)) >= MIN_WORD_OVERLAP


def _name_stems(actor_ids: list) -> set[str]:
    """Stems of the words of the actors' names (ids are slugs: 'hakan-fidan')."""
    return _stems(" ".join(str(x).replace("-", " ") for x in actor_ids))


def _reports_of_one_event(events: pd.DataFrame) -> list[int]:
    """For each row, the position of the first row of its group (a union-find root)."""
    n = len(events)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Columns read once as lists: rows of a pandas frame one by one cost more than the comparisons.
    dates = events["date"].tolist()
    precisions = events["precision"].astype(str).tolist()
    articles = events["article_id"].tolist()
    actors = events["actor_ids"].tolist()
    summaries = events["summary"].tolist()
    buckets: dict[tuple, list[int]] = {}
    for k, (date, precision) in enumerate(zip(dates, precisions)):
        # an undated row, or one without a precision, is no report of a dated event
        if date is pd.NaT or pd.isna(date) or not isinstance(precision, str) or precision == "none":
            continue
        buckets.setdefault((date, precision), []).append(k)
    stems: dict[int, set[str]] = {}
    names: dict[int, set[str]] = {}
    for rows in buckets.values():
        if len(rows) < 2:
            continue
        # only rows that share an actor are compared: an index by actor, not every pair of the day
        by_actor: dict[str, list[int]] = {}
        for k in rows:
            for actor in set(actors[k]):
                by_actor.setdefault(actor, []).append(k)
        pairs = {(a, b) for members in by_actor.values() for i, a in enumerate(members) for b in members[i + 1:]
                 if articles[a] != articles[b]}
        for a, b in pairs:
            ra, rb = find(a), find(b)
            if ra == rb:
                continue  # one group already (copies of a story give many such pairs): nothing to compare
            for k in (a, b):
                if k not in stems:
                    stems[k], names[k] = _stems(summaries[k]), _name_stems(actors[k])
            shared_names = names[a] | names[b]
            sa, sb = stems[a] - shared_names, stems[b] - shared_names
            if not sa or not sb or len(sa & sb) / min(len(sa), len(sb)) < MIN_WORD_OVERLAP:
                continue
            parent[rb] = ra
    return [find(k) for k in range(n)]


def group_reports(events: pd.DataFrame) -> pd.DataFrame:
    """Fill `source_count` and `report_group` on the briefing's events table (a copy is returned)."""
    out = events.copy()
    n = len(out)
    roots = _reports_of_one_event(out) if n else []
    articles = out["article_id"].tolist()
    ids = out["event_id"].tolist()
    first: dict[int, int] = {}  # root -> the group's first row, in table order
    sources: dict[int, set] = {}
    for k, root in enumerate(roots):
        first.setdefault(root, k)
        sources.setdefault(root, set()).add(articles[k])
    out["source_count"] = pd.array([len(sources[r]) for r in roots], dtype="Int64")
    out["report_group"] = pd.array([ids[first[r]] for r in roots], dtype="string")
    if "event_class" in out.columns:
        out["salience"] = salience(out)  # several sources make an event matter more
    return out
