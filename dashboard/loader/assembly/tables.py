"""What the per-article analysis gives (`ArticleTables`) and the version of the rules that made it.

Kept apart from the analysis itself so that reading a cached briefing never imports spaCy.

An article's tables are kept column by column, as plain lists, not as pandas frames: a load makes
thousands of them, each of a few rows, and pandas costs more to build such a frame than the rules
cost to find its rows. Frames are built once for many articles' rows (`table_frame`), where they are
stacked: in the cache's entries and in the assembly of the briefing.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.loader.actors import first_names
from dashboard.loader.frames import Columns, frame, row_count, stack_columns


def _rules_version() -> str:
    """A digest of the loader's own code and data: any change to a rule rebuilds cached results."""
    digest = hashlib.sha256()
    loader = Path(__file__).resolve().parents[1]
    for path in sorted(p for p in loader.rglob("*") if p.is_file() and (p.suffix == ".py" or p.parent.name == "data")):
        digest.update(path.relative_to(loader).as_posix().encode())
        digest.update(path.read_bytes())
    digest.update(first_names.data_version().encode())  # the reference data of first names
    return digest.hexdigest()[:16]


ANALYSIS_VERSION = _rules_version()

SENTENCE_COLUMNS = ["sentence_id", "start", "end", "text"]
MENTION_COLUMNS = ["sentence_id", "start", "end", "text", "label", "key", "kind", "role", "affiliation_key"]
QUOTE_COLUMNS = ["sentence_id", "kind", "text", "cue", "speaker_key", "speaker_text", "confidence", "about_keys",
                 "start", "end"]
EVENT_COLUMNS = [
    "sentence_id", "trigger", "trigger_start", "trigger_end", "lemma", "event_class", "date", "precision",
    "date_text", "date_text_start", "date_rule", "tense", "headline", "summary", "actor_keys", "agent_keys",
    "patient_keys", "place", "salience",
]
SUBJECT_MENTION_COLUMNS = ["sentence_id", "start", "end", "text", "key", "kind"]
# The columns of each per-article table, in order.
COLUMNS: dict[str, list[str]] = {
    "sentences": SENTENCE_COLUMNS, "mentions": MENTION_COLUMNS, "quotes": QUOTE_COLUMNS, "events": EVENT_COLUMNS,
    "subject_mentions": SUBJECT_MENTION_COLUMNS,
}
# Event columns of whole numbers that may be missing.
EVENT_INT_COLUMNS = ("date_text_start", "trigger_start", "trigger_end")


def _events_frame(columns: Columns) -> pd.DataFrame:
    """Dates and positions in their final dtypes at once (a frame of records converted afterwards costs
    pandas twice as much)."""
    if not columns["sentence_id"]:
        table = pd.DataFrame([], columns=EVENT_COLUMNS)
        table["date"] = pd.to_datetime(table["date"]).astype("datetime64[ns]")
        for col in EVENT_INT_COLUMNS:
            table[col] = table[col].astype("Int64")
        table["salience"] = pd.Series([], index=table.index, dtype="Float64")
        return table
    typed = dict(columns)
    typed["salience"] = pd.array(columns["salience"], dtype="Float64")
    typed["date"] = np.array([np.datetime64("NaT") if d is pd.NaT or d is None else np.datetime64(d, "ns")
                              for d in columns["date"]], dtype="datetime64[ns]")
    for col in EVENT_INT_COLUMNS:
        typed[col] = pd.array(columns[col], dtype="Int64")
    return pd.DataFrame({c: typed[c] for c in EVENT_COLUMNS})  # in order: no reindexing


def _subject_mentions_frame(columns: Columns) -> pd.DataFrame:
    if not columns["text"]:
        # typed as it always was: a key column of floats
        table = pd.DataFrame([], columns=[c for c in SUBJECT_MENTION_COLUMNS if c != "key"])
        table["key"] = []
        return table[SUBJECT_MENTION_COLUMNS]
    return frame(columns, SUBJECT_MENTION_COLUMNS)


def table_frame(table: str, columns: Columns) -> pd.DataFrame:
    """The frame of one per-article table (`table` is one of `ArticleTables.TABLES`) from its columns:
    of one article, or of many articles' rows stacked."""
    if table == "events":
        return _events_frame(columns)
    if table == "subject_mentions":
        return _subject_mentions_frame(columns)
    return frame(columns, COLUMNS[table])


@dataclass
class ArticleTables:
    """Tables of one article, each column by column, with actors still named by their within-article keys."""

    article_id: str
    sentences: Columns
    mentions: Columns
    quotes: Columns
    events: Columns
    subject_mentions: Columns

    # The per-article tables, in the order of the fields above: the cache and the Dask path store these.
    TABLES = ("sentences", "mentions", "quotes", "events", "subject_mentions")

    def frame(self, table: str) -> pd.DataFrame:
        """One of the tables as a pandas frame."""
        return table_frame(table, getattr(self, table))

    def rows(self, table: str) -> int:
        return row_count(getattr(self, table), COLUMNS[table])


def stack_by_article(results: list[ArticleTables], table: str) -> pd.DataFrame | None:
    """One table's rows of every result, in order, with `article_id`; None when no result has rows."""
    stacked, counts = stack_tables(results, table)
    if not any(counts):
        return None
    stacked["article_id"] = np.repeat([r.article_id for r in results], counts)
    return stacked


def stack_tables(results: list[ArticleTables], table: str) -> tuple[pd.DataFrame, list[int]]:
    """One table's rows of every result, in order, as one frame; and how many rows each result gave."""
    counts = [r.rows(table) for r in results]
    return table_frame(table, stack_columns([getattr(r, table) for r in results], COLUMNS[table])), counts
