"""Small shared pieces of page layout."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.filtering import View


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


def filter_caption(view: View) -> None:
    """One line saying which actor filter is in force."""
    flt = view.filter
    if not flt.actor_ids:
        st.caption("Showing every actor. Narrow the briefing with the filter in the sidebar.")
        return
    names = view.actors.set_index("actor_id")["name"].to_dict()
    chosen = ", ".join(names.get(a, a) for a in flt.actor_ids)
    joint = "all of" if flt.mode == "all" and len(flt.actor_ids) > 1 else "any of" if len(flt.actor_ids) > 1 else ""
    st.caption(f"Filtered to {joint} **{chosen}**".replace("  ", " "))


_MD_SPECIAL = "\\`*_{}[]<>()#+-.!|~$"


def escape_md(text: str) -> str:
    """Untrusted text made inert for st.markdown: no links, images, HTML or emphasis from articles."""
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in str(text)).replace("\n", " ")


def reader_link(article_id: str, sentence_id: int | None = None) -> str:
    """Relative link to the reader page at an article, and a sentence of it when given."""
    link = f"reader?article={article_id}"
    return link if sentence_id is None or pd.isna(sentence_id) else f"{link}&sentence={int(sentence_id)}#focus"
