"""The on-disk cache of per-article results and assembled briefings, keyed by content and pipeline version.

Nothing in it can run code when read: tables are Parquet, everything else JSON (never pickle, which
runs whatever a crafted file tells it to). Every entry is checked against the shape the loader
expects (tables, columns, dtypes, keys) when it is read; one that does not fit is a miss, logged and
rebuilt, never an error.
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import shutil
import uuid
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from dashboard.loader import schema
from dashboard.loader.assembly.analysis import ArticleTables
from dashboard.loader.reading.sources import IngestIssue
from dashboard.loader.vocabulary import atomic_write

log = logging.getLogger(__name__)

FORMAT = 2  # bumped when the layout of an entry changes
PER_ARTICLE = ("sentences", "mentions", "quotes", "events")
BRIEFING_TABLES = tuple(schema.TABLES)
# Columns of a per-article table that name actors by their within-article keys: the assembly turns
# them into the schema's actor ids and drops them.
ARTICLE_KEYS: dict[str, frozenset[str]] = {
    "sentences": frozenset(),
    "mentions": frozenset({"key", "kind", "role", "affiliation_key"}),
    "quotes": frozenset({"speaker_key", "about_keys"}),
    "events": frozenset({"actor_keys"}),
}
# The dtypes a per-article column may be stored with (anything else is not one of ours).
DTYPES = frozenset({"int64", "Int64", "float64", "bool", "boolean", "object", "str", "string", "datetime64[ns]"})


class BadEntry(ValueError):
    """A cache entry that is not of the shape the loader writes."""


def default_cache_dir() -> Path:
    """BRIEFING_CACHE_DIR, else the user's cache folder."""
    env = os.environ.get("BRIEFING_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing-dashboard"


def cache_key(*parts: object) -> str:
    """A file-safe key from everything that decides an article's tables."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:32]


class ArticleCache:
    """One JSON file per article result, and a few whole briefings (a folder of Parquet tables each);
    a broken, unreadable or misshapen entry is a miss, never an error."""

    # Whole briefings are large (tens of MB at thousands of articles) and one folder makes a new one
    # on every edit: only the most recently used are kept.
    KEEP_BRIEFINGS = 8

    def __init__(self, folder: Path | None):
        self.folder = folder
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                log.warning("cache folder %s unusable (%s): loading without a cache", folder, exc)
                self.folder = None

    def get(self, key: str) -> ArticleTables | None:
        """The per-article result stored under `key`, or None."""
        if self.folder is None:
            return None
        path = self.folder / f"{key}.json"
        try:
            return decode_article(json.loads(path.read_bytes()))
        except FileNotFoundError:
            return None
        except Exception as exc:  # noqa: BLE001 - whatever is in the file, the article is analysed again
            log.warning("cache entry %s unusable (%s): rebuilding it", path.name, _why(exc))
            return None

    def put(self, key: str, value: ArticleTables) -> None:
        """Store a per-article result under `key`."""
        if self.folder is None:
            return
        try:
            data = json.dumps(encode_article(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            atomic_write(self.folder / f"{key}.json", data)
        except (OSError, TypeError, ValueError) as exc:
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
            value = read_briefing(entry)
        except Exception as exc:  # noqa: BLE001 - whatever is in the files, the briefing is assembled again
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
        # written whole into a hidden folder, then renamed into place: a reader sees all of it or none
        tmp = folder / f".{key}.{uuid.uuid4().hex}.tmp"
        try:
            tmp.mkdir(parents=True)
            write_briefing(tmp, value)
            shutil.rmtree(folder / key, ignore_errors=True)
            os.rename(tmp, folder / key)
        except (OSError, pa.ArrowException, TypeError, ValueError) as exc:
            log.warning("could not write cache entry (%s)", exc)
            shutil.rmtree(tmp, ignore_errors=True)
            return
        try:
            entries = sorted((p for p in folder.iterdir() if not p.name.startswith(".")),
                             key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[self.KEEP_BRIEFINGS:]:
                shutil.rmtree(old, ignore_errors=True)
        except OSError as exc:  # another process pruned at the same time
            log.debug("pruning cached briefings: %s", exc)


def _why(exc: Exception) -> str:
    return f"{type(exc).__name__}: {str(exc)[:200]}"


# --- per-article entries: JSON --------------------------------------------------------------------

def _cell(value: object) -> object:
    """A value as JSON holds it: numpy scalars as Python ones, missing values as null."""
    if isinstance(value, (list, tuple)):
        return [_cell(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, str):  # numpy scalars and arrays
        return _cell(value.tolist())
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def _encode_table(df: pd.DataFrame) -> dict:
    columns = {}
    for name in df.columns:
        series = df[name]
        if str(series.dtype).startswith("datetime64"):
            values = [None if pd.isna(v) else pd.Timestamp(v).as_unit("ns").value for v in series]
            columns[str(name)] = {"dtype": "datetime64[ns]", "values": values}  # nanoseconds since 1970
        else:
            columns[str(name)] = {"dtype": str(series.dtype), "values": [_cell(v) for v in series.tolist()]}
    return {"rows": len(df), "columns": columns}


def encode_article(result: ArticleTables) -> dict:
    """An article's tables as JSON-ready data (columns with their dtypes)."""
    return {"format": FORMAT, "article_id": result.article_id,
            "tables": {name: _encode_table(getattr(result, name)) for name in PER_ARTICLE}}


def _decode_table(data: object, table: str) -> pd.DataFrame:
    if not isinstance(data, dict) or set(data) != {"rows", "columns"} or not isinstance(data["columns"], dict):
        raise BadEntry(f"{table}: not a table")
    rows, columns = data["rows"], data["columns"]
    if not isinstance(rows, int) or rows < 0:
        raise BadEntry(f"{table}: bad row count")
    allowed = set(schema.TABLES[table]) - {"article_id"} | ARTICLE_KEYS[table]
    if not set(columns) <= allowed or not ARTICLE_KEYS[table] <= set(columns):
        raise BadEntry(f"{table}: columns {sorted(columns)} are not the loader's")
    frame = {}
    for name, column in columns.items():
        if not isinstance(column, dict) or set(column) != {"dtype", "values"} or column["dtype"] not in DTYPES \
                or not isinstance(column["values"], list) or len(column["values"]) != rows:
            raise BadEntry(f"{table}.{name}: not a column of {rows} values")
        dtype, values = column["dtype"], column["values"]
        if dtype == "datetime64[ns]":
            frame[name] = pd.Series(pd.to_datetime(pd.Series(values, dtype="object"), unit="ns"), dtype=dtype)
        elif dtype == "object":
            if not all(v is None or isinstance(v, (str, int, float, list)) for v in values):
                raise BadEntry(f"{table}.{name}: unexpected values")
            frame[name] = pd.Series(values, dtype="object")
        else:
            if not all(v is None or isinstance(v, (str, int, float, bool)) for v in values):
                raise BadEntry(f"{table}.{name}: unexpected values")
            frame[name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(frame, columns=list(columns))


def decode_article(data: object) -> ArticleTables:
    """An article's tables from the JSON `encode_article` wrote; BadEntry when it is not of that shape."""
    if not isinstance(data, dict) or set(data) != {"format", "article_id", "tables"} or data["format"] != FORMAT:
        raise BadEntry("not a per-article entry of this version")
    tables = data["tables"]
    if not isinstance(tables, dict) or set(tables) != set(PER_ARTICLE) or not isinstance(data["article_id"], str):
        raise BadEntry("per-article entry without its four tables")
    return ArticleTables(article_id=data["article_id"],
                         **{name: _decode_table(tables[name], name) for name in PER_ARTICLE})


# --- whole briefings: a folder of Parquet tables and the issues as JSON ----------------------------------

def _list_columns(table: str) -> list[str]:
    return [c for c in schema.TABLES[table] if schema.field(table, c).dtype == "object"]


def write_briefing(folder: Path, value: dict) -> None:
    """Write {"tables": {name: frame}, "issues": [IngestIssue]} into `folder`."""
    for name in BRIEFING_TABLES:
        pq.write_table(pa.Table.from_pandas(value["tables"][name], preserve_index=False),
                       folder / f"{name}.parquet", compression="snappy")
    issues = [{"file": i.file, "level": i.level, "message": i.message} for i in value["issues"]]
    (folder / "issues.json").write_text(json.dumps({"format": FORMAT, "issues": issues}, ensure_ascii=False),
                                        encoding="utf-8")


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
            df[column] = [v if v is not None else [] for v in values]
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
