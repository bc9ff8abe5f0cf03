"""Article reader: one article's text with its actors and quotes marked."""
import pandas as pd
import streamlit as st

from dashboard.components.accessibility import scroll_to
from dashboard.components.context import current_view, url_state
from dashboard.components.corrections import event_corrections, quote_corrections
from dashboard.views.reader import READER_CSS, article_html, cited_html
from dashboard.components.layout import filter_caption
from dashboard.views.labels import escape_md

view = current_view()
b = view.briefing

st.title("Reader")
filter_caption(view)
articles = view.articles if not view.articles.empty else b.articles
if articles.empty:
    st.info("No articles to read in this briefing.", icon=":material/info:")
    st.stop()

ids = list(articles["article_id"])
place = url_state()
wanted = place.article
if wanted in set(b.articles["article_id"]) and wanted not in ids:
    ids.insert(0, wanted)
titles = b.articles.set_index("article_id")["title"].to_dict()
article_id = st.selectbox("Article", ids, index=ids.index(wanted) if wanted in ids else 0,
                          format_func=lambda a: titles.get(a, a), key="reader_article")
st.query_params["article"] = article_id

art = b.articles[b.articles["article_id"] == article_id].iloc[0]
meta = [escape_md(str(x)) for x in (art["source"], art["published"].strftime("%-d %B %Y") if pd.notna(art["published"]) else "date unknown") if isinstance(x, str)]
st.markdown(" · ".join(meta) + (f" · [original]({art['url']})" if isinstance(art["url"], str) and art["url"].startswith(("http://", "https://")) else ""))

focus_id = place.sentence
if st.query_params.get("sentence") is not None and focus_id is None:
    st.caption("The link names a sentence that is not a sentence number: the article is shown without it.")
mentions = b.mentions[b.mentions["article_id"] == article_id]
quotes = b.quotes[b.quotes["article_id"] == article_id]
sentences = b.sentences[b.sentences["article_id"] == article_id]

if focus_id is not None:
    cited = sentences[sentences["sentence_id"] == focus_id]
    if not cited.empty:
        # shown first, and outlined in the text below, which scrolls to it
        st.html(cited_html(str(cited.iloc[0]["text"])))

show_quotes = st.toggle("Mark quotes", value=True, key="reader_show_quotes")
st.html(f"<style>{READER_CSS}</style>" + article_html(
    art["text"], mentions, quotes if show_quotes else quotes.iloc[0:0], b.actors,
    sentences=sentences, focus_sentence=focus_id))
if focus_id is not None:
    scroll_to(".bq-article .bq-focus")

st.header("Corrections")
quote_corrections(quotes, b.actors, b.folder, key="reader_fix")
event_corrections(b.events[b.events["article_id"] == article_id], sentences, b.folder, key="reader_fix")

with st.expander("Actors in this article"):
    counts = mentions.groupby("actor_id").size().rename("mentions").reset_index()
    st.dataframe(counts.merge(b.actors[["actor_id", "name", "kind", "role"]], on="actor_id")
                 .sort_values("mentions", ascending=False)[["name", "kind", "role", "mentions"]],
                 hide_index=True, key="reader_actors")
