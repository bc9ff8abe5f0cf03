"""How dates and list cells read on screen and in exports: one wording everywhere."""
from __future__ import annotations

import html
from collections.abc import Callable

import numpy as np
import pandas as pd

from dashboard.filtering import View
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


def per_distinct(columns: list[pd.Series], make: Callable[..., str]) -> list[str]:
    """make(*values) for the values of each row of `columns` (aligned Series), called once per distinct
    combination: a Timestamp per row costs more than the rest of a table of tens of thousands of rows."""
    if not len(columns[0]):
        return []
    keys = pd.DataFrame({i: c.to_numpy() for i, c in enumerate(columns)})
    codes = keys.groupby(list(keys.columns), dropna=False, sort=False).ngroup().to_numpy()
    firsts = keys.iloc[np.unique(codes, return_index=True)[1]]
    made = np.array([make(*values) for values in zip(*(firsts[c] for c in firsts.columns))], dtype=object)
    return list(made[codes])


def count_label(n: int, word: str) -> str:
    """'1 article', '3 articles'."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def plot_text(value: object) -> str:
    """Text safe for a Plotly label or hover text, which read a few HTML tags (links among them): an
    article's words must show as written, never become markup."""
    return html.escape(str(value), quote=False) if value is not None else ""


def date_span_text(view: View) -> str:
    """'9 Apr – 10 Apr 2025' from event and publication dates; '—' when nothing is dated."""
    dates = list(view.events["date"].dropna()) + list(view.articles["published"].dropna())
    if not dates:
        return "—"
    lo, hi = min(dates), max(dates)
    if lo.date() == hi.date():
        return f"{lo:%-d %b %Y}"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo:%-d}–{hi:%-d %b %Y}"
    if lo.year == hi.year:
        return f"{lo:%-d %b} – {hi:%-d %b %Y}"
    return f"{lo:%b %Y} – {hi:%b %Y}"


def filter_text(view: View) -> str:
    """'Filtered to any of Turkey, Israel · 1–9 Apr 2025' in Markdown, names escaped."""
    flt = view.filter
    parts = []
    if flt.actor_ids:
        names = {**view.actors.set_index("actor_id")["name"].to_dict(),
                 **view.subjects.set_index("subject_id")["name"].to_dict()}
        chosen = ", ".join(escape_md(names.get(a, a)) for a in flt.actor_ids)
        joint = "all of " if flt.mode == "all" and len(flt.actor_ids) > 1 else "any of " if len(flt.actor_ids) > 1 else ""
        parts.append(f"Filtered to {joint}**{chosen}**")
    else:
        parts.append("Showing every actor")
    if flt.start is not None or flt.end is not None:
        lo = f"{flt.start:%-d %b %Y}" if flt.start is not None else "the start"
        hi = f"{flt.end:%-d %b %Y}" if flt.end is not None else "the end"
        parts.append(f"dates {lo} to {hi} (undated events kept)")
    elif not flt.actor_ids:
        parts.append("narrow the briefing with the filter in the sidebar")
    return " · ".join(parts) + "."


_MD_SPECIAL = "\\`*_{}[]<>()#+-.!|~$:"  # ":" too: Streamlit reads ":red[x]" and ":smile:" as directives


def escape_md(text: str) -> str:
    """Untrusted text made inert for st.markdown: no links, images, HTML or emphasis from articles."""
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in str(text)).replace("\n", " ")
