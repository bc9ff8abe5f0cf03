"""Briefing overview: the title page, key points, headline figures, the most mentioned actors, key
developments, the articles, and the analyst's corrections."""
import pandas as pd
import streamlit as st

from dashboard.views.overview import top_actors_figure
from dashboard.components.accessibility import chart_table
from dashboard.components.context import current_state, current_view, view_key
from dashboard.filtering import View
from dashboard.components.corrections import corrections_list
from dashboard.components.layout import filter_caption
from dashboard.components.title_page import current_title_page, title_editor
from dashboard.views.key_points import key_points
from dashboard.views.labels import count_label, date_span_text, escape_md
from dashboard.views.story import latest_developments
from dashboard.views.links import reader_link, reader_links
from dashboard.views.url_state import UrlState

MAX_ARTICLE_ROWS = 1000  # more rows than anyone reads


# What the page builds is remembered per view: returning to a view redraws without building again.
# A resource, not data: the page only reads what it gets back.
@st.cache_resource(max_entries=16, show_spinner=False)
def overview_parts(key: tuple, here: UrlState, _view: View) -> dict:
    """The figures, key points, latest developments and article table of the view `key` names."""
    has_actors = not _view.mentions.dropna(subset=["actor_id"]).empty
    fig = top_actors_figure(_view.mentions, _view.actors) if has_actors else None
    # the newest first, and only as many as the table shows: a link each for tens of thousands costs
    articles = _view.articles[["title", "source", "published", "word_count", "article_id"]]
    articles = articles.sort_values("published", ascending=False, na_position="last").head(MAX_ARTICLE_ROWS)
    articles = articles.assign(read=reader_links(articles["article_id"], [None] * len(articles), state=here))
    return {
        "actors": _view.mentions["actor_id"].nunique(), "period": date_span_text(_view),
        "points": key_points(_view.events, _view.articles), "figure": fig,
        "figure_table": pd.DataFrame([{"actor": y, "kind": bar.name, "mentions": int(x)}
                                      for bar in fig.data for x, y in zip(bar.x, bar.y)]
                                     ).sort_values("mentions", ascending=False) if fig is not None else None,
        # the most salient of the last week's events, newest first
        "latest": latest_developments(_view.events),
        "articles": articles.drop(columns="article_id"),
    }


view = current_view()
here = current_state()  # links keep the actor filter and the date range
b = view.briefing
parts = overview_parts(view_key(), here, view)

st.title("Briefing overview")
cover = current_title_page(view)
lines = [f"**{escape_md(cover.title)}**" + (f" · {escape_md(cover.subtitle)}" if cover.subtitle else "")]
byline = " · ".join(escape_md(x) for x in (cover.classification, cover.author) if x)
if byline:
    lines.append(byline)
if cover.summary:
    lines.append(escape_md(cover.summary))
st.markdown("  \n".join(lines))
filter_caption(view)

if b.articles.empty:
    st.info("This briefing has no articles yet. Add `.txt`, `.md` or `.html` files to its folder, or use "
            "**Add articles**.", icon=":material/info:")

cols = st.columns([1, 1, 1, 1, 2])
cols[0].metric("Articles", len(view.articles))
cols[1].metric("Actors", parts["actors"])
cols[2].metric("Quotes", len(view.quotes))
cols[3].metric("Events", len(view.events))
cols[4].metric("Period", parts["period"])

st.header("Key points")
points = parts["points"]
if not points:
    st.caption("No developments in this view.")
for n, p in enumerate(points, 1):
    sources = f" · {escape_md(', '.join(p.sources))}" if p.sources else ""
    mark = " · *corrected*" if p.is_corrected else ""
    st.markdown(f"{n}\. **{escape_md(p.date_label)}** · {escape_md(p.headline)}{sources}{mark} "
                f"[Read]({reader_link(p.article_id, p.sentence_id, state=here)})")

left, right = st.columns([3, 2], gap="large")
with left:
    st.header("Most mentioned actors")
    if parts["figure"] is None:
        st.caption("No actors in this view.")
    else:
        st.plotly_chart(parts["figure"], key="overview_top_actors", config={"displayModeBar": False})
        chart_table(parts["figure_table"], key="overview_top_actors")
with right:
    st.header("Latest developments")
    # the most salient of the last week's events, newest first
    dated = parts["latest"]
    if dated.empty:
        st.caption("No dated events in this view.")
    for ev in dated.itertuples(index=False):
        told = ev.headline if isinstance(ev.headline, str) and ev.headline else ev.summary or ""
        st.markdown(f"**{ev.when}** · {escape_md(told)} "
                    f"[→]({reader_link(ev.article_id, ev.sentence_id, state=here)})")

st.header("Articles")
shown_articles = parts["articles"]
if len(view.articles) > MAX_ARTICLE_ROWS:
    # a table is sent whole on every run: tens of thousands of rows cost more than the rest of the page
    st.caption(f"The {MAX_ARTICLE_ROWS:,} newest of {len(view.articles):,} articles; the filter narrows them.")
else:
    st.caption(count_label(len(view.articles), "article"))
st.dataframe(
    shown_articles, hide_index=True, key="overview_articles", width="stretch",
    column_config={
        "title": st.column_config.TextColumn("Title", width="large"),
        "source": st.column_config.TextColumn("Source"),
        "published": st.column_config.DateColumn("Published", format="D MMM YYYY"),
        "word_count": st.column_config.NumberColumn("Words"),
        "read": st.column_config.LinkColumn("Reader", display_text="Open"),
    },
)

report = b.ingest_report
if not report.empty:
    st.header("Files that need attention")
    for row in report.itertuples(index=False):
        icon = ":material/error:" if row.level == "error" else ":material/warning:"
        text = f"**{escape_md(row.file)}**: {escape_md(row.message)}"
        (st.error if row.level == "error" else st.warning)(text, icon=icon)

st.header("Ready for the meeting")
with st.expander("Title page", icon=":material/title:", expanded=False):
    title_editor(b.folder, key="overview_title")
with st.expander("Corrections", icon=":material/rule:", expanded=True):
    corrections_list(b.folder, key="overview_fixes")
