"""Small shared pieces of page layout."""
from __future__ import annotations

import streamlit as st

from dashboard.filtering import View
from dashboard.views.labels import filter_text


def filter_caption(view: View) -> None:
    """One line saying which actor filter is in force."""
    st.caption(filter_text(view))


def stop_if_nothing_to_show(found: int, shown: int, *, what: str, icon: str) -> None:
    """Say why a page is empty and stop it: nothing `what` in the briefing, or none under the filter."""
    if not found:
        st.info(f"No {what} were found in this briefing's articles.", icon=icon)
        st.stop()
    if not shown:
        st.info(f"No {what} involve the actors chosen in the sidebar. Widen the filter to see more.",
                icon=":material/filter_alt_off:")
        st.stop()
