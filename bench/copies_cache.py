"""A warm cache for a corpus of copies without parsing every copy: each distinct text is analysed once.

The benchmark's copies of an article differ only in their file name and their last line, the marker
(`loader_bench.marker_line`). A copy's per-article tables are then its source's, with the marker's
sentence holding the copy's own marker: `derive` writes them straight into the loader's cache under
the copy's own key. It derives a copy only when that is certain to be exact: the same text up to
the marker line, the same publication date, and nothing but the marker's sentence found in that
line; any other copy is analysed for real. `check` compares a briefing loaded from derived entries
with a real cold load of the same copies, table by table.

A cold load of 20,000 articles takes over an hour on two cores; this takes the time of the distinct
articles plus writing the entries.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.loader.assembly.tables import ArticleTables
from dashboard.loader.assembly.briefing import article_cache_key
from dashboard.loader.assembly.cache import ArticleCache
from dashboard.loader.parsing.batches import analyse_batch
from dashboard.loader.reading.folder import read_folder
from dashboard.loader.reading.sources import Article
from dashboard.loader.settings import Settings

# the columns of each per-article table that hold a sentence number or a character offset
SENTENCE_COLUMNS = {"mentions": "sentence_id", "quotes": "sentence_id", "events": "sentence_id",
                    "subject_mentions": "sentence_id"}


@dataclass
class Derived:
    """What `derive` did: copies written from their source's analysis, and articles analysed for real."""

    derived: int = 0
    analysed: int = 0


def split_marker(text: str, marker: re.Pattern[str]) -> tuple[str, str] | None:
    """(the text before its last line, that line) when the last line is a marker; None otherwise."""
    cut = text.rstrip().rfind("\n") + 1
    last = text[cut:]
    return (text[:cut], last) if marker.fullmatch(last.strip()) else None


def copy_tables(source: ArticleTables, copy: Article, body: str, line: str) -> ArticleTables | None:
    """`source`'s tables for `copy`, whose text is `body` + `line` (the same body as the source's, another
    marker line); None when the source's analysis found anything in its marker line but its sentence."""
    sentences = source.sentences
    in_marker = [start >= len(body) for start in sentences["start"]]
    if sum(in_marker) != 1 or not in_marker[-1]:
        return None  # the marker line was not one sentence of its own: analyse the copy for real
    marker_id = sentences["sentence_id"][-1]
    for table, column in SENTENCE_COLUMNS.items():
        if any(v is not None and v >= marker_id for v in getattr(source, table)[column]):
            return None
    own = {name: list(values) for name, values in sentences.items()}
    lead = len(line) - len(line.lstrip())
    start = len(body) + lead
    if own["start"][-1] != start:
        return None
    own["end"][-1], own["text"][-1] = start + len(line.strip()), line.strip()
    return ArticleTables(article_id=copy.article_id, sentences=own, mentions=source.mentions, quotes=source.quotes,
                         events=source.events, subject_mentions=source.subject_mentions)


def derive(folder: Path, cache_dir: Path, nlp, marker: re.Pattern[str], *, settings: Settings | None = None,
           batch_size: int = 32) -> Derived:
    """Write the cache entry of every article in `folder` into `cache_dir`: one analysis per distinct
    text (before the marker line) and publication date, its copies derived from it."""
    settings = settings or Settings()
    articles, _ = read_folder(folder, max_bytes=settings.max_bytes)
    cache = ArticleCache(cache_dir)
    groups: dict[tuple, list[tuple[Article, str, str]]] = {}
    alone: list[Article] = []
    for article in articles:
        parts = split_marker(article.text, marker)
        if parts is None:
            alone.append(article)
        else:
            groups.setdefault((parts[0], article.published), []).append((article, *parts))
    done = Derived()
    sources = [members[0][0] for members in groups.values()]
    analysed = dict(_analyse(nlp, sources + alone, batch_size))
    done.analysed += len(analysed)
    batch: list[tuple[str, ArticleTables]] = [(article_cache_key(a, settings), analysed[a.article_id])
                                              for a in sources + alone]
    again: list[Article] = []
    for members in groups.values():
        source = analysed[members[0][0].article_id]
        for copy, body, line in members[1:]:
            tables = copy_tables(source, copy, body, line)
            if tables is None:
                again.append(copy)
                continue
            batch.append((article_cache_key(copy, settings), tables))
            done.derived += 1
            if len(batch) >= 256:
                cache.put_many(batch)
                batch = []
    for article, tables in _analyse(nlp, again, batch_size):
        batch.append((article_cache_key(article, settings), tables))
        done.analysed += 1
    cache.put_many(batch)
    return done


def _analyse(nlp, articles: list[Article], batch_size: int) -> Iterable[tuple[str, ArticleTables]]:
    for article, tables in analyse_batch(nlp, articles, batch_size=batch_size):
        yield article.article_id, tables


def check(folder: Path, real_cache: Path, derived_cache: Path, nlp, marker: re.Pattern[str]) -> dict:
    """Load `folder` cold for real and from derived entries; say whether every table is the same."""
    from dashboard.loader import load_briefing

    real = load_briefing(folder, cache_dir=real_cache, nlp=nlp)
    counts = derive(folder, derived_cache, nlp, marker)
    # nlp=None would parse anything not derived; the counts say whether that happened
    derived = load_briefing(folder, cache_dir=derived_cache, nlp=nlp)
    differ = []
    for name, table in real.tables().items():
        try:
            pd.testing.assert_frame_equal(table, getattr(derived, name))
        except AssertionError as exc:
            differ.append(f"{name}: {str(exc).splitlines()[0]}")
    return {"articles": len(real.articles), "derived": counts.derived, "analysed": counts.analysed,
            "differ": differ}
