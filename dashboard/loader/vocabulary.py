"""The briefing's shared vocabulary: the values a column may take, quotation marks, list cells, safe writes.

Defined once here, beside the schema, and used by the loader, the views, the pages and the exports.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import pandas as pd

# Kinds of actor (actors.kind). Only the first four can speak.
ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "country", "group", "place", "other")
SPEAKER_KINDS: frozenset[str] = frozenset({"person", "organization", "country", "group"})

# Kinds of subject (subjects.kind): named things a briefing follows that never act or speak.
SUBJECT_KINDS: tuple[str, ...] = ("product", "index", "currency", "law", "event")

# Kinds of quote (quotes.kind).
QUOTE_KINDS: tuple[str, ...] = ("direct", "reported")

# How finely an event's date is known (events.precision), finest first.
DATED_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")
PRECISIONS: tuple[str, ...] = (*DATED_PRECISIONS, "none")
# Finer first: how the pages and the deck order events of one date.
PRECISION_RANK: dict[str, int] = {p: i for i, p in enumerate(PRECISIONS)}

# Quotation marks. Straight marks open and close; curly and angle marks say which they do.
# „ (German/Polish low mark) opens a quote that “ or ” closes.
DOUBLE_OPENING = "“«„‟"
DOUBLE_CLOSING = "”»"
DOUBLE_STRAIGHT = '"'
DOUBLE_MARKS = DOUBLE_OPENING + DOUBLE_CLOSING + DOUBLE_STRAIGHT
SINGLE_OPENING = "‘‚‛‹"
SINGLE_CLOSING = "’›"
SINGLE_STRAIGHT = "'"
SINGLE_MARKS = SINGLE_OPENING + SINGLE_CLOSING + SINGLE_STRAIGHT
QUOTE_MARKS = DOUBLE_MARKS + SINGLE_MARKS
# Pairs of single marks that stand for one double mark: ``opening'' and ''straight'', and curly ones doubled
# (‘‘opening’’), as some papers set them.
DOUBLE_TYPEWRITER = ("``", "''", "‘‘", "’’")


def as_list(value: object) -> list:
    """The items of a list cell: a list, tuple or array (Parquet) as a list; a bare string is one item;
    a missing cell (None, NA, NaN) is [], and missing items are left out."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, str):
        return [value]
    try:
        items = list(value)  # type: ignore[call-overload]
    except TypeError:
        return [value]
    return [v for v in items if not (v is None or v is pd.NA or (isinstance(v, float) and v != v))]


def atomic_write(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write `data` to `path` so that a reader sees the old file or the new one, never half of either.

    The bytes go to a hidden temporary file beside `path` (the loader skips dot-files), are flushed to
    disk, then renamed over `path`. The file keeps the mode `path` had, else `mode`, else 0o644.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private; keep the mode the file had (or the usual one)
        keep = path.stat().st_mode & 0o777 if path.exists() else (mode if mode is not None else 0o644)
        os.chmod(tmp, keep)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
