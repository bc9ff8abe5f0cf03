"""How dates and list cells read on screen and in exports: one wording everywhere."""
from __future__ import annotations

import html

import pandas as pd

from dashboard.loader.vocabulary import DATED_PRECISIONS
PRECISIONS = DATED_PRECISIONS


def day_label(ts: object) -> str:
    """'10 Apr 2025', or '' for a missing date."""
    return f"{ts:%-d %b %Y}" if isinstance(ts, pd.Timestamp) and not pd.isna(ts) else ""


def date_label(date: object, precision: object, *, undated: str = "undated") -> str:
    """An event date as precise as the text gave it: '9 Apr 2025', 'week of 7 Apr 2025', 'Apr 2025',
    '2025'; `undated` when the text gave no date."""
    if date is None or pd.isna(date) or precision not in PRECISIONS:
        return undated
    day = pd.Timestamp(date)
    if precision == "year":
        return f"{day:%Y}"
    if precision == "month":
        return f"{day:%b %Y}"
    if precision == "week":
        return f"week of {day_label(day)}"
    return day_label(day)


def count_label(n: int, word: str) -> str:
    """'1 article', '3 articles'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def plot_text(value: object) -> str:
    """Text safe for a Plotly label or hover text, which read a few HTML tags (links among them): an
    article's words must show as written, never become markup."""
    return html.escape(str(value), quote=False) if value is not None else ""
