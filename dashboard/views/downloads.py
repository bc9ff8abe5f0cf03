"""Tables as CSV files to download: names beside ids, lists joined, days as ISO dates, formulas defused."""
from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

Column = str | tuple[str, Callable[[pd.DataFrame], pd.Series]]


def iso_day(column: str) -> Callable[[pd.DataFrame], pd.Series]:
    """A date column as 'YYYY-MM-DD' (empty when missing)."""
    return lambda table: table[column].dt.strftime("%Y-%m-%d")


def joined(column: str) -> Callable[[pd.DataFrame], pd.Series]:
    """A list column as one cell, its items joined by '; '."""
    return lambda table: table[column].map("; ".join)


def table_csv(table: pd.DataFrame, columns: Sequence[Column]) -> bytes:
    """`table` as UTF-8 CSV with `columns`, in order: a column's name, or (heading, function of the table)."""
    picked = {}
    for column in columns:
        heading, make = (column, None) if isinstance(column, str) else column
        picked[heading] = make(table) if make else table[heading]
    return csv_bytes(pd.DataFrame(picked, index=table.index))


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """`frame` as CSV; cells that a spreadsheet would run as a formula are prefixed with a quote mark."""
    safe = frame.copy()
    for col in safe.columns:
        if safe[col].dtype == object or pd.api.types.is_string_dtype(safe[col]):
            safe[col] = safe[col].map(_defuse)
    return safe.to_csv(index=False).encode("utf-8")


def _defuse(value: object) -> object:
    # Article text is untrusted; "=HYPERLINK(...)" in a cell must stay text when opened in Excel.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
