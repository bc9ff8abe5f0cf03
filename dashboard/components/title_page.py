"""The briefing's title page in the app: read from briefing.yaml, edited in a form, shown in the tab."""
from __future__ import annotations

import streamlit as st

from dashboard.filtering import View
from dashboard.loader import META_FIELDS, BriefingMeta, EditFileError, load_meta, save_meta
from dashboard.views.briefing_title import TitlePage, title_page

LABELS = {"title": "Title", "subtitle": "Subtitle", "author": "Author", "classification": "Classification",
          "summary": "Summary"}
HELP = {
    "title": "Shown on the title slide, in the exports and in the browser tab. Leave empty for a title made "
             "from the main actors and the period.",
    "classification": "A handling line such as Internal or Restricted, on the title slide and in the exports.",
    "summary": "A few sentences for the title slide and the top of the exported file.",
}


def current_meta(folder: str) -> BriefingMeta:
    """The folder's briefing.yaml as it is now (problems with it are listed with the ingest warnings)."""
    return load_meta(folder)[0]


def current_title_page(view: View) -> TitlePage:
    """The title page of the whole briefing (not the filtered view: a filter does not rename it)."""
    b = view.briefing
    return title_page(current_meta(b.folder), b.actors, b.events, b.articles)


def title_editor(folder: str, *, key: str) -> None:
    """A form that edits briefing.yaml; saving keeps fields someone else changed meanwhile."""
    base = current_meta(folder)
    with st.form(key=f"{key}_form", border=True):
        values = {}
        for name in META_FIELDS:
            widget = st.text_area if name == "summary" else st.text_input
            values[name] = widget(LABELS[name], value=getattr(base, name) or "", key=f"{key}_{name}",
                                  help=HELP.get(name))
        saved = st.form_submit_button("Save title page", icon=":material/save:", type="primary")
    if saved:
        try:
            save_meta(folder, BriefingMeta(**values), base=base)
        except (EditFileError, OSError) as exc:
            st.error(f"The title page was not saved: {exc}", icon=":material/error:")
            return
        st.toast("Title page saved", icon=":material/check:")
        st.rerun()
