"""The on-disk cache of per-article results and assembled briefings, keyed by content and pipeline version.

Nothing in it can run code when read: tables are Parquet, everything else JSON (never pickle, which
runs whatever a crafted file tells it to). Per-article results are kept a batch of articles to an
entry, whole briefings one to an entry. Every entry is checked against the shape the loader
expects (tables, columns, dtypes, keys) when it is read; one that does not fit is a miss, logged and
rebuilt, never an error.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from dashboard.loader import schema
from dashboard.loader.assembly.collector import collector_paused
from dashboard.loader.assembly.tables import COLUMNS, ArticleTables
from dashboard.loader.frames import Columns, stack_columns
from dashboard.loader.reading.sources import IngestIssue
from dashboard.loader.vocabulary import atomic_write

log = logging.getLogger(__name__)

FORMAT = 4  # bumped when the layout of an entry changes
# Articles a load keeps in one per-article entry, at least (a spaCy batch where that is more): each
# entry costs a few files whatever it holds, and a load cut short loses no more than one entry's worth.
ENTRY_ARTICLES = 128
PER_ARTICLE = ArticleTables.TABLES
BRIEFING_TABLES = tuple(schema.TABLES)
# Columns of a per-article table that name actors by their within-article keys: the assembly turns
# them into the schema's actor ids and drops them.
ARTICLE_KEYS: dict[str, frozenset[str]] = {
    "sentences": frozenset(),
    "mentions": frozenset({"key", "kind", "role", "affiliation_key"}),
    "quotes": frozenset({"speaker_key", "about_keys"}),
    "events": frozenset({"actor_keys", "agent_keys", "patient_keys"}),
    "subject_mentions": frozenset({"key", "kind"}),
}


class BadEntry(ValueError):
    """A cache entry that is not of the shape the loader writes."""


def cache_key(*parts: object) -> str:
    """A file-safe key from everything that decides an article's tables."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:32]


class ArticleCache:
    """Per-article results (a folder of Parquet tables per batch) and a few whole briefings (a folder of
    Parquet tables each); a broken, unreadable or misshapen entry is a miss, never an error."""

    # Whole briefings are large (tens of MB at thousands of articles) and one folder makes a new one
    # on every edit: only the most recently used are kept.
    KEEP_BRIEFINGS = 8
    # A folder's signature (names, sizes, times) points to the briefing it gave: a few bytes each.
    KEEP_SIGNATURES = 64

    def __init__(self, folder: Path | None):
        self.folder = folder
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                log.warning("cache folder %s unusable (%s): loading without a cache", folder, exc)
                self.folder = None

    def get_many(self, keys: list[str]) -> dict[str, ArticleTables]:
        """The per-article results stored under any of `keys` (key -> result); the others are misses."""
        if self.folder is None or not keys:
            return {}
        wanted, found = set(keys), {}
        with collector_paused():  # many small frames and lists read back
            self._read_shards(wanted, found)
        return found

    def _read_shards(self, wanted: set[str], found: dict[str, ArticleTables]) -> None:
        """Add to `found` the results under the keys in `wanted`; an unusable entry is removed."""
        for shard in _shards(self.folder / "articles"):
            try:
                index = _shard_index(shard)
                if wanted.isdisjoint(index):
                    continue
                found.update({k: v for k, v in read_shard(shard, index).items() if k in wanted})
            except Exception as exc:  # whatever is in the files, the articles are analysed again
                log.warning("cache entry %s unusable (%s): removed; rebuilding it", shard.name, _why(exc))
                # an entry of an older layout or a broken one would be read, and refused, on every load
                shutil.rmtree(shard, ignore_errors=True)

    def put_many(self, items: list[tuple[str, ArticleTables]]) -> None:
        """Store per-article results (key, result) together in one entry: one entry per batch of
        articles, so a load reads a few files, not one per article."""
        if self.folder is None or not items:
            return
        try:
            with collector_paused():  # stacking and converting the tables: many small containers
                _write_dir(self.folder / "articles", uuid.uuid4().hex, lambda tmp: write_shard(tmp, items))
        except (OSError, pa.ArrowException, TypeError, ValueError) as exc:
            log.warning("could not write cache entry (%s)", exc)

    def get_briefing(self, key: str) -> dict | None:
        """The assembled briefing stored under `key` ({"tables": {...}, "issues": [...]}), or None: a warm
        load reads one entry, not one per article."""
        if self.folder is None:
            return None
        entry = self.folder / "briefings" / key
        if not entry.is_dir():
            return None
        try:
            with collector_paused():  # the tables' lists, read back one by one
                value = read_briefing(entry)
        except Exception as exc:  # whatever is in the files, the briefing is assembled again
            log.warning("cached briefing %s unusable (%s): rebuilding it", key, _why(exc))
            return None
        try:
            os.utime(entry)  # most recently used: kept by the pruning in put_briefing
        except OSError:
            pass
        return value

    def put_briefing(self, key: str, value: dict) -> None:
        """Store an assembled briefing under `key`, dropping the least recently used beyond KEEP_BRIEFINGS."""
        if self.folder is None:
            return
        folder = self.folder / "briefings"
        try:
            _write_dir(folder, key, lambda tmp: write_briefing(tmp, value))
        except (OSError, pa.ArrowException, TypeError, ValueError) as exc:
            log.warning("could not write cache entry (%s)", exc)
            return
        try:
            entries = sorted((p for p in folder.iterdir() if not p.name.startswith(".")),
                             key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[self.KEEP_BRIEFINGS:]:
                shutil.rmtree(old, ignore_errors=True)
        except OSError as exc:  # another process pruned at the same time
            log.debug("pruning cached briefings: %s", exc)


    def get_signature(self, key: str) -> tuple[str, list[IngestIssue]] | None:
        """The briefing key a folder's signature led to last time, and the reading issues of that load."""
        if self.folder is None:
            return None
        try:
            data = json.loads((self.folder / "signatures" / f"{key}.json").read_bytes())
            issues = [IngestIssue(**row) for row in data["issues"]]
            if data.get("format") != FORMAT or not isinstance(data["key"], str):
                return None
            return data["key"], issues
        except (OSError, ValueError, TypeError, KeyError):  # missing, half-written by an old version, edited
            return None

    def put_signature(self, key: str, briefing_key: str, issues: list[IngestIssue]) -> None:
        """Remember which briefing a folder's signature gave, keeping the most recent KEEP_SIGNATURES."""
        if self.folder is None:
            return
        folder = self.folder / "signatures"
        rows = [{"file": i.file, "level": i.level, "message": i.message} for i in issues]
        try:
            folder.mkdir(exist_ok=True)
            atomic_write(folder / f"{key}.json", json.dumps({"format": FORMAT, "key": briefing_key, "issues": rows},
                                                  ensure_ascii=False).encode("utf-8"))
            entries = sorted((p for p in folder.iterdir() if not p.name.startswith(".")),
                             key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[self.KEEP_SIGNATURES:]:
                old.unlink(missing_ok=True)
        except OSError as exc:
            log.debug("could not remember a folder's signature: %s", exc)


def _why(exc: Exception) -> str:
    return f"{type(exc).__name__}: {str(exc)[:200]}"


def _write_dir(parent: Path, name: str, write: Callable[[Path], None]) -> None:
    """Write an entry folder whole into a hidden folder, then rename it into place: a reader sees all
    of it or none."""
    tmp = parent / f".{name}.{uuid.uuid4().hex}.tmp"
    try:
        tmp.mkdir(parents=True)
        write(tmp)
        shutil.rmtree(parent / name, ignore_errors=True)
        os.rename(tmp, parent / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _shards(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    except OSError:
        return []


# --- per-article entries: a Parquet file per table for a batch of articles, and their keys as JSON ---------

ENTRY = "_entry"  # the column that says which cache key a row belongs to
# Arrow types a per-article column may have (anything else is not one of ours).
ARROW_TYPES = (pa.types.is_integer, pa.types.is_floating, pa.types.is_boolean, pa.types.is_string,
               pa.types.is_large_string, pa.types.is_timestamp, pa.types.is_null)


# Per-article columns whose Arrow type is not the one Arrow infers from the values.
STORED_TYPES = {("events", "date"): pa.timestamp("ns")}


def write_shard(folder: Path, items: list[tuple[str, ArticleTables]]) -> None:
    """Write per-article results into `folder`: each table stacked, with the key of every row."""
    entry_keys = [key for key, _ in items]
    results = [result for _, result in items]
    for table in PER_ARTICLE:
        # Arrow arrays straight from the articles' columns, no frame in between: the entry is read
        # back as columns too (read_shard), so pandas' types need not be stored
        columns = stack_columns([getattr(r, table) for r in results], COLUMNS[table])
        arrays = {name: pa.array(values, type=STORED_TYPES.get((table, name)), from_pandas=True)
                  for name, values in columns.items()}
        arrays[ENTRY] = pa.array(np.repeat(entry_keys, [r.rows(table) for r in results]).tolist(), type=pa.string())
        pq.write_table(pa.table(arrays), folder / f"{table}.parquet")
    keys = {key: result.article_id for key, result in items}
    atomic_write(folder / "keys.json", json.dumps({"format": FORMAT, "keys": keys}).encode("utf-8"))


def _shard_index(folder: Path) -> dict[str, str]:
    data = json.loads((folder / "keys.json").read_bytes())
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("keys"), dict) \
            or not all(isinstance(k, str) and isinstance(v, str) for k, v in data["keys"].items()):
        raise BadEntry("keys: not a list of entries")
    return data["keys"]


def _check_shard_table(arrow: pa.Table, table: str) -> None:
    """BadEntry when a stored per-article table's columns or types are not the loader's."""
    columns = set(arrow.column_names) - {ENTRY}
    allowed = set(schema.TABLES[table]) - {"article_id"} | ARTICLE_KEYS[table]
    if ENTRY not in arrow.column_names or not columns <= allowed or not ARTICLE_KEYS[table] <= columns:
        raise BadEntry(f"{table}: columns {sorted(columns)} are not the loader's")
    for name, kind in zip(arrow.column_names, arrow.schema.types):
        if pa.types.is_list(kind) and (pa.types.is_string(kind.value_type) or pa.types.is_null(kind.value_type)):
            continue
        if not any(check(kind) for check in ARROW_TYPES):
            raise BadEntry(f"{table}.{name}: type {kind} is not the loader's")


def analysis_values(arrow: pa.Table, name: str) -> list:
    """A column's values as the analysis gives them: Arrow's own Python values, None where a value is
    missing, and an empty list where a list is."""
    values = arrow.column(name).to_pylist()
    if pa.types.is_list(arrow.schema.field(name).type):
        values = [v if v is not None else [] for v in values]
    return values


def read_shard(folder: Path, index: dict[str, str]) -> dict[str, ArticleTables]:
    """The per-article results `write_shard` wrote, checked against the loader's columns and types."""
    parts: dict[str, dict[str, Columns]] = {key: {} for key in index}
    for table in PER_ARTICLE:
        arrow = pq.read_table(folder / f"{table}.parquet")
        _check_shard_table(arrow, table)
        columns = {name: analysis_values(arrow, name) for name in COLUMNS[table]}
        keys = arrow.column(ENTRY).to_pylist()
        if not set(keys) <= set(index):
            raise BadEntry(f"{table}: rows of an entry not in the index")
        # rows of one entry are contiguous: slices of the columns
        start = 0
        for i in range(1, len(keys) + 1):
            if i == len(keys) or keys[i] != keys[start]:
                parts[keys[start]][table] = {name: values[start:i] for name, values in columns.items()}
                start = i
        for key in index:
            parts[key].setdefault(table, {name: [] for name in COLUMNS[table]})
    return {key: ArticleTables(article_id=index[key], **tables) for key, tables in parts.items()}


# --- whole briefings: a folder of Parquet tables and the issues as JSON ----------------------------------

def _list_columns(table: str) -> list[str]:
    return [c for c in schema.TABLES[table] if schema.field(table, c).dtype == "object"]


def write_briefing(folder: Path, value: dict) -> None:
    """Write {"tables": {name: frame}, "issues": [IngestIssue]} into `folder`."""
    for name in BRIEFING_TABLES:
        pq.write_table(pa.Table.from_pandas(value["tables"][name], preserve_index=False),
                       folder / f"{name}.parquet", compression="snappy")
    issues = [{"file": i.file, "level": i.level, "message": i.message} for i in value["issues"]]
    data = json.dumps({"format": FORMAT, "issues": issues}, ensure_ascii=False).encode("utf-8")
    atomic_write(folder / "issues.json", data)


def read_briefing(folder: Path) -> dict:
    """The tables and issues `write_briefing` wrote, each table checked against the schema (columns,
    dtypes); BadEntry when they do not match."""
    tables = {}
    for name in BRIEFING_TABLES:
        arrow = pq.read_table(folder / f"{name}.parquet")
        df = arrow.to_pandas()
        want = schema.empty(name).dtypes
        got = df.dtypes
        if list(df.columns) != list(want.index) or [str(d) for d in got] != [str(d) for d in want]:
            raise BadEntry(f"{name}: columns or dtypes differ from the schema")
        for column in _list_columns(name):  # Parquet gives arrays; the tables hold lists of str
            values = arrow.column(column).to_pylist()
            if not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in values if v is not None):
                raise BadEntry(f"{name}.{column}: not lists of names")
            df[column] = pd.Series([v if v is not None else [] for v in values], index=df.index, dtype=object)
        tables[name] = df
    data = json.loads((folder / "issues.json").read_bytes())
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("issues"), list):
        raise BadEntry("issues: not a list of issues")
    issues = []
    for row in data["issues"]:
        if not isinstance(row, dict) or set(row) != {"file", "level", "message"} \
                or not all(isinstance(v, str) for v in row.values()):
            raise BadEntry("issues: an issue without file, level and message")
        issues.append(IngestIssue(**row))
    return {"tables": tables, "issues": issues}
