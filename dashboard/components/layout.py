"""Small shared pieces of page layout."""
from __future__ import annotations

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
    st.caption(filter_text(view))


def filter_text(view: View) -> str:
    """'Filtered to any of Turkey, Israel · 1–9 Apr 2025' in Markdown, names escaped."""
    flt = view.filter
    parts = []
    if flt.actor_ids:
        names = view.actors.set_index("actor_id")["name"].to_dict()
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



def stop_if_nothing_to_show(found: int, shown: int, *, what: str, icon: str) -> None:
    """Say why a page is empty and stop it: nothing `what` in the briefing, or none under the filter."""
    if not found:
        st.info(f"No {what} were found in this briefing's articles.", icon=icon)
        st.stop()
    if not shown:
        st.info(f"No {what} involve the actors chosen in the sidebar. Widen the filter to see more.",
                icon=":material/filter_alt_off:")
        st.stop()
