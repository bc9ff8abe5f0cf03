"""Entry file: page setup, navigation, the briefing and the global actor filter, then the page.

Run: streamlit run dashboard/app.py [-- FOLDER]
"""
from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run dashboard/app.py` puts dashboard/ on the path, not the repository root.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import logging  # noqa: E402

import streamlit as st  # noqa: E402

from dashboard.components.accessibility import app_css  # noqa: E402
from dashboard.components.context import get_briefing, set_view  # noqa: E402
from dashboard.components.date_range import date_range_filter  # noqa: E402
from dashboard.components.filters import actor_filter  # noqa: E402
from dashboard.folders import briefing_root, folder_watch  # noqa: E402
from dashboard.loader import briefing_folders  # noqa: E402
from dashboard.loader import FolderNotFound, ModelNotFound  # noqa: E402
from dashboard.loader import Settings  # noqa: E402
from dashboard.components.title_page import current_title_page  # noqa: E402
from dashboard.views.labels import count_label  # noqa: E402
from dashboard.views.url_state import BRIEFING  # noqa: E402

log = logging.getLogger("dashboard.app")
PAGE_FAILED = "This page could not be drawn"

st.set_page_config(page_title="Briefing", page_icon=":material/newspaper:", layout="wide")

PAGES = Path(__file__).parent / "app_pages"
pages = [
    st.Page(PAGES / "overview.py", title="Overview", icon=":material/dashboard:", url_path="overview", default=True),
    st.Page(PAGES / "timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page(PAGES / "quotes.py", title="Quotes", icon=":material/format_quote:", url_path="quotes"),
    st.Page(PAGES / "actors.py", title="Actors", icon=":material/groups:", url_path="actors"),
    st.Page(PAGES / "reader.py", title="Reader", icon=":material/article:", url_path="reader"),
    st.Page(PAGES / "present.py", title="Present", icon=":material/slideshow:", url_path="present"),
    st.Page(PAGES / "add_articles.py", title="Add articles", icon=":material/upload_file:", url_path="add"),
]
page = st.navigation(pages)

root = briefing_root()
folders = briefing_folders(root)
label = None  # how the address names the briefing: only a choice among several needs naming
if len(folders) > 1:
    names = {str(f): (f.name if f != root else f"{root.name} (top level)") for f in folders}
    folder = Path(st.sidebar.selectbox("Briefing", list(names), format_func=names.get, key=BRIEFING,
                                       bind="query-params"))
    label = names[str(folder)]
else:
    folder = folders[0]
st.session_state["_folder"] = str(folder)

settings = Settings()
try:
    briefing = get_briefing(str(folder), folder_watch.signature(folder), settings.model)
except FolderNotFound as exc:
    st.error(f"{exc}. Start the app with an existing folder: `streamlit run dashboard/app.py -- FOLDER`, "
             "or set BRIEFING_FOLDER.", icon=":material/folder_off:")
    st.stop()
except ModelNotFound as exc:
    st.error(str(exc), icon=":material/error:")
    st.stop()

flt = date_range_filter(briefing, actor_filter(briefing.actors, briefing.subjects))
view = set_view(briefing, flt, briefing_label=label)
# the browser tab names the briefing (briefing.yaml, else its main actors and period), not the folder
st.set_page_config(page_title=current_title_page(view).title)
app_css()
with st.sidebar:
    st.caption(f"Briefing folder: `{folder}` · {count_label(len(briefing.articles), 'article')}")
    problems = briefing.ingest_report
    if not problems.empty:
        verb = "needs" if len(problems) == 1 else "need"
        st.caption(f":orange[{count_label(len(problems), 'file')} {verb} attention: see the Overview page]")
try:
    page.run()
except Exception as exc:  # noqa: BLE001 - the last guard between a bug and a user's screen
    # st.stop and st.rerun raise BaseException subclasses, so they pass through untouched
    log.exception("page %s failed", page.title)
    st.error(f"{PAGE_FAILED} ({type(exc).__name__}). The other pages still work; the details are in the "
             "server log.", icon=":material/error:")
