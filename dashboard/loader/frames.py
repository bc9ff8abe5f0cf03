"""One DataFrame from columns of plain Python values, typed as pandas would type them, at less cost.

Per-article tables are small (tens of rows) and made hundreds of times a load; for such a table
pandas spends most of its time inferring each column's type. The two common cases are settled here
(whole numbers: int64; text, with or without gaps: pandas' `str` dtype); every other column is left
to pandas, so the table is the same as `pd.DataFrame(columns)`.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.arrays import ArrowStringArray

# The dtype pandas (3.x) infers for a column of text.
TEXT = pd.Series(["a"]).dtype
# Backed by Arrow (pyarrow installed): the Arrow array is made directly, at a third of the cost.
_ARROW_TEXT = getattr(TEXT, "storage", None) == "pyarrow"


def _text(values: list) -> object:
    if _ARROW_TEXT:
        return ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=TEXT)
    return pd.array(values, dtype=TEXT)


def _column(values: list) -> object:
    if not values:
        return values
    kinds = set(map(type, values))
    if kinds == {int}:
        return np.array(values, dtype=np.int64)
    if str in kinds and kinds <= {str, type(None)}:
        return _text(values)
    return values


def frame(columns: dict[str, list], order: Sequence[str]) -> pd.DataFrame:
    """The table of rows given column by column (lists of one length), with the types
    `pd.DataFrame(rows, columns=order)` gives it; with no rows, `order`'s columns, untyped."""
    if not any(columns[name] for name in order):
        return pd.DataFrame([], columns=list(order))
    # copied, so that pandas joins the number columns into one block as it does for rows: later
    # row-wise reads and pickling of the table cost less
    return pd.DataFrame({name: _column(columns[name]) for name in order})


# A table given column by column: column name -> the values of every row, in order.
Columns = dict[str, list]


def column_values(table: pd.DataFrame | Columns, name: str) -> list:
    """One column's values as a list, from a frame or from `Columns`."""
    values = table[name]
    return values if isinstance(values, list) else values.tolist()


def row_count(table: pd.DataFrame | Columns, order: Sequence[str]) -> int:
    """Rows of a frame, or of `Columns` with the columns `order`."""
    if isinstance(table, pd.DataFrame):
        return len(table)
    return len(table[order[0]]) if order else 0


def stack_columns(parts: Sequence[Columns], order: Sequence[str]) -> Columns:
    """The rows of every part, one after another, as one `Columns`."""
    return {name: list(chain.from_iterable(part[name] for part in parts)) for name in order}
