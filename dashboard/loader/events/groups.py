"""The same event reported by several articles: grouped so a briefing counts it once.

Repeated reports of one event are the best-known complaint about event databases built from news.
Two rows of different articles are reports of one event when they have the same date and precision,
share an actor, and say much the same thing (their summaries share content words). Rows stay as
they are; each gets `source_count` (how many articles report the event), `report_ids` (the
event_ids of the same event in the other articles) and its `salience` again, now that the number
of sources is known.
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


def group_reports(events: pd.DataFrame) -> pd.DataFrame:
    """Fill `source_count` and `report_ids` on the briefing's events table (a copy is returned)."""
    out = events.copy()
    n = len(out)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if n:
        dated = out[out["date"].notna() & (out["precision"].astype(str) != "none")]
        positions = {idx: k for k, idx in enumerate(out.index)}
        for _, bucket in dated.groupby([dated["date"], dated["precision"].astype(str)]):
            rows = list(bucket.itertuples())
            for i, a in enumerate(rows):
                for b in rows[i + 1:]:
                    if a.article_id == b.article_id:
                        continue
                    if not set(a.actor_ids) & set(b.actor_ids):
                        continue
                    if not similar(a.summary, b.summary, names=_stems(" ".join(
                            str(x).replace("-", " ") for x in [*a.actor_ids, *b.actor_ids]))):
                        continue
                    ra, rb = find(positions[a.Index]), find(positions[b.Index])
                    if ra != rb:
                        parent[rb] = ra
    groups: dict[int, list[int]] = {}
    for k in range(n):
        groups.setdefault(find(k), []).append(k)
    articles = out["article_id"].tolist()
    ids = out["event_id"].tolist()
    counts, reports = [1] * n, [[] for _ in range(n)]
    for members in groups.values():
        sources = {articles[k] for k in members}
        for k in members:
            counts[k] = len(sources)
            reports[k] = sorted(ids[j] for j in members if articles[j] != articles[k])
    out["source_count"] = pd.array(counts, dtype="Int64")
    out["report_ids"] = reports
    if "event_class" in out.columns:
        out["salience"] = salience(out)  # several sources make an event matter more
    return out
