"""Add articles: upload files or paste an article into the current briefing's folder."""
import datetime as dt
from pathlib import Path

import streamlit as st

from dashboard.components.context import current_view
from dashboard.views.labels import count_label
from dashboard.views.labels import escape_md as md
from dashboard.loader import (
    UPLOAD_SUFFIXES, UploadResult, default_max_bytes, existing_articles, folder_is_writable, save_pasted, save_upload,
    size_text, upload_limit_mb,
)

view = current_view()
folder = Path(st.session_state["_folder"])
max_bytes = default_max_bytes()
limit = size_text(max_bytes)
kinds = ", ".join(UPLOAD_SUFFIXES)


# File names, titles and messages quoting them are untrusted: `md` keeps them literal text.
def show(result: UploadResult) -> None:
    """One line per file: saved, already present, or rejected with the reason."""
    text = f"**{md(result.name)}**: {md(result.message)}"
    if result.status == "saved":
        st.success(text, icon=":material/check_circle:")
        for note in result.notes:
            st.warning(f"**{md(result.file or result.name)}**: {md(note)}", icon=":material/warning:")
    elif result.status == "duplicate":
        st.info(text, icon=":material/content_copy:")
    else:
        st.error(text, icon=":material/block:")


st.title("Add articles")
st.caption(f"Articles are saved into the folder of this briefing, {md(str(folder))} · "
           f"{count_label(len(view.briefing.articles), 'article')} now.")
if not folder_is_writable(folder):
    st.warning(f"The folder of this briefing, {md(str(folder))}, cannot be written: articles cannot be added "
               "here. Ask for write access to it, or open a folder you can write to.", icon=":material/lock:")

st.header("Upload files")
st.markdown(f"Text ({md(kinds)}): plain text or Markdown, optionally with YAML front matter, or a web page "
            f"saved from the browser. **Up to {limit} per file.** An article whose text is already in the "
            "briefing is reported, not saved twice.")
files = st.file_uploader(
    "Article files", type=[s.lstrip(".") for s in UPLOAD_SUFFIXES], accept_multiple_files=True,
    key="add_articles_files", max_upload_size=upload_limit_mb(max_bytes),
    help=f"{kinds}, up to {limit} each. File names are cleaned so they stay inside the briefing folder.",
)
# Results are kept per uploaded file, so a rerun shows them again instead of saving twice.
done: dict[str, UploadResult] = st.session_state.setdefault("add_articles_done", {})
pending = [f for f in files or [] if f.file_id not in done]
if pending:
    existing = existing_articles(folder, max_bytes=max_bytes)
    with st.spinner("Checking and saving…"):
        for f in pending:
            done[f.file_id] = save_upload(folder, f.name, f.getvalue(), existing=existing, max_bytes=max_bytes)
    if any(done[f.file_id].status == "saved" for f in pending):
        st.rerun()  # the entry file reloads the briefing: the folder's files changed
for f in files or []:
    show(done[f.file_id])

saved = [done[f.file_id] for f in files or [] if done[f.file_id].status == "saved"]
if saved:
    titles = view.briefing.articles.set_index("article_id")["title"].to_dict()
    for r in saved:
        if r.article_id in titles:
            st.page_link("app_pages/reader.py", label=f"Read: {md(titles[r.article_id])}", icon=":material/article:",
                         query_params={"article": r.article_id})

st.header("Paste an article")
PASTE_EMPTY = {"add_articles_title": "", "add_articles_source": "", "add_articles_url": "",
               "add_articles_published": None, "add_articles_text": ""}
if st.session_state.pop("add_articles_clear", False):
    st.session_state.update(PASTE_EMPTY)  # a saved article empties the form for the next one
with st.form("add_articles_paste", border=True):
    title = st.text_input("Title", key="add_articles_title", max_chars=300)
    left, mid, right = st.columns([2, 3, 2])
    source = left.text_input("Source", key="add_articles_source", placeholder="e.g. Reuters", max_chars=200)
    url = mid.text_input("URL", key="add_articles_url", placeholder="https://…", max_chars=2000)
    published = right.date_input("Published", value=None, key="add_articles_published",
                                 min_value=dt.date(1900, 1, 1), max_value=dt.date.today() + dt.timedelta(days=366),
                                 format="YYYY-MM-DD")
    text = st.text_area("Article text", key="add_articles_text", height=220,
                        placeholder="The article's text, as published.")
    submitted = st.form_submit_button("Save article", type="primary", icon=":material/save:")
if submitted:
    result = save_pasted(folder, title=title, text=text, source=source, url=url, published=published,
                         max_bytes=max_bytes)
    st.session_state["add_articles_pasted"] = result
    if result.status == "saved":
        st.session_state["add_articles_clear"] = True
        st.rerun()
if "add_articles_pasted" in st.session_state:
    show(st.session_state["add_articles_pasted"])
