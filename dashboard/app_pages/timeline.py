"""Timeline: what happened when, by actor or by article, with the sentence behind each date."""
import html

import pandas as pd
import streamlit as st

from dashboard.components.accessibility import chart_table
from dashboard.components.context import current_state, current_view
from dashboard.components.corrections import event_corrections
from dashboard.components.layout import filter_caption, stop_if_nothing_to_show
from dashboard.views.labels import escape_md
from dashboard.components.date_range import drawable
from dashboard.views.links import reader_link, reader_params
from dashboard.views.timeline import (
    LANE_MODES, date_bounds, default_range, event_table, events_csv, events_in_range, pick_selected,
    events_timeline_figure, selected_event_ids, sentence_html,
)

view = current_view()
b = view.briefing
st.title("Timeline")
filter_caption(view)

stop_if_nothing_to_show(len(b.events), len(view.events), what="dated or undated events", icon=":material/event_busy:")

table = event_table(view.events, view.actors, b.articles)
data_bounds = date_bounds(table)
# the slider can only show dates from 1684 to 2255 ("the 1683 Battle of Vienna" lies beyond)
bounds = drawable(data_bounds) if data_bounds else None

controls = st.columns([2, 5, 2, 2], vertical_alignment="bottom")
lanes = controls[0].segmented_control(
    "Lanes", list(LANE_MODES), key="timeline_lanes", default="Actor", required=True,
    help="One lane per actor taking part, or one lane per article.") or "Actor"
start = end = None
if bounds and bounds[0] < bounds[1]:
    # keep the chosen range inside the data; a range left at its default follows the data
    default = drawable(default_range(table) or bounds)
    current = st.session_state.get("timeline_range")
    if not (isinstance(current, tuple) and len(current) == 2) or current == st.session_state.get("_timeline_default"):
        st.session_state["timeline_range"] = default
    else:
        lo, hi = max(current[0], bounds[0]), min(current[1], bounds[1])
        st.session_state["timeline_range"] = (lo, hi) if lo <= hi else default
    st.session_state["_timeline_default"] = default
    start, end = controls[1].slider("Dates", min_value=bounds[0], max_value=bounds[1], key="timeline_range",
                                    format="D MMM YYYY")
    # a slider at an end it had to clamp takes in every date beyond that end
    start = data_bounds[0] if start <= bounds[0] else start
    end = data_bounds[1] if end >= bounds[1] else end
elif bounds:
    controls[1].caption(f"Every dated event falls on {data_bounds[0]:%-d %B %Y}.")
else:
    controls[1].caption("No event could be dated and no article has a publication date.")
undated = controls[2].toggle("Undated events", value=True, key="timeline_undated",
                             help="Events the text does not date (\"recently\", \"has suspended\"), shown "
                                  "just before their article's publication date.")
shown = events_in_range(table, start, end, undated=undated)
controls[3].download_button(
    "Download CSV", events_csv(shown), file_name="events.csv", mime="text/csv", key="timeline_download",
    icon=":material/download:", width="stretch", disabled=shown.empty, on_click="ignore",
    help="The events shown, with actor names and how each date was found.")

earlier = int((table["is_dated"] & (table["period_end"] <= pd.Timestamp(start))).sum()) if start else 0
n_dated = int(shown["is_dated"].sum())
st.markdown(f"**{len(shown)}** of {len(table)} events · {n_dated} dated · {len(shown) - n_dated} undated · "
            f"{shown['article_id'].nunique()} article{'s' if shown['article_id'].nunique() != 1 else ''}"
            + (f" · {earlier} earlier event{'s' if earlier != 1 else ''} outside the date range" if earlier else ""))

chart_ids: list[str] = []
if shown.empty:
    st.info("No event falls in these dates.", icon=":material/search_off:")
elif bounds is None:
    st.info("These events carry no date and their articles no publication date, so they cannot be placed "
            "on a calendar. They are listed below.", icon=":material/event_busy:")
else:
    # microsecond dates: the chart's margins around an event of 1683 reach before pandas' nanosecond years
    fig = events_timeline_figure(shown.astype({c: "datetime64[us]" for c in shown.select_dtypes("datetime64[ns]")}),
                                 lanes=LANE_MODES[lanes])
    state = st.plotly_chart(fig, key="timeline_chart", on_select="rerun", selection_mode="points",
                            config={"displayModeBar": False})
    chart_ids = selected_event_ids(state)
    st.caption("Points are days; bars span the week, month or year the text gives. Click an event to read "
               "the sentence it comes from. The table below lists every event the chart draws.")

detail = st.container()

st.header("Events")
rows = shown.assign(
    date_text=shown["date_text"].fillna(""),
    actors=shown["actor_names"].map(", ".join),
    how=shown["date_rule"].fillna("").str.replace("-", " ", regex=False),
    article=shown["title"],
    read=[reader_link(a, s, state=current_state()) for a, s in zip(shown["article_id"], shown["sentence_id"])],
)
picked = st.dataframe(
    rows[["date_label", "summary", "actors", "date_text", "how", "precision", "source_count", "article", "read",
          "is_corrected"]],
    hide_index=True, key="timeline_table", on_select="rerun", selection_mode="single-row",
    column_config={
        "date_label": st.column_config.TextColumn("Date", width="medium"),
        "precision": st.column_config.TextColumn("Precision", width="small"),
        "date_text": st.column_config.TextColumn("Date words"),
        "how": st.column_config.TextColumn("How this date was found",
                                           help="The rule that turned the words into a date."),
        "summary": st.column_config.TextColumn("What happened", width="large"),
        "actors": st.column_config.TextColumn("Actors"),
        "source_count": st.column_config.NumberColumn("Reports", help="Articles that report this event."),
        "article": st.column_config.TextColumn("Article"),
        "read": st.column_config.LinkColumn("Read", display_text="Open"),
        "is_corrected": st.column_config.CheckboxColumn("Corrected", help="An analyst corrected this event."),
    },
)
event_corrections(view.events[view.events["event_id"].isin(shown["event_id"])], b.sentences, b.folder,
                  key="timeline_fix")
table_rows = list(picked.selection.rows) if picked is not None and hasattr(picked, "selection") else []
table_ids = [shown["event_id"].iloc[i] for i in table_rows if 0 <= i < len(shown)]

selected = pick_selected(chart_ids, table_ids, st.session_state.get("_timeline_last"),
                         st.session_state.get("_timeline_selected"))
st.session_state["_timeline_last"] = (tuple(chart_ids), tuple(table_ids))
st.session_state["_timeline_selected"] = selected

with detail:
    match = shown[shown["event_id"] == selected] if selected else shown.iloc[0:0]
    if match.empty:
        st.caption("Select an event in the chart or the table to see the sentence it comes from.")
    else:
        ev = match.iloc[0]
        sentence = b.sentences[(b.sentences["article_id"] == ev["article_id"])
                               & (b.sentences["sentence_id"] == ev["sentence_id"])]
        with st.container(border=True, key="timeline_detail"):
            facts = [html.escape(ev["date_label"]), html.escape(ev["precision"])]
            if isinstance(ev["date_text"], str) and ev["date_text"]:
                facts.append(f"dated by “{html.escape(ev['date_text'])}”")
            if isinstance(ev["date_rule"], str) and ev["date_rule"]:
                facts.append(f"rule: {html.escape(ev['date_rule'])}")
            if isinstance(ev["tense"], str) and ev["tense"]:
                facts.append(f"{html.escape(ev['tense'])} tense")
            quote = (sentence_html(sentence.iloc[0]["text"], int(sentence.iloc[0]["start"]), ev["date_text_start"],
                                   ev["date_text"]) if not sentence.empty else html.escape(ev["summary"] or ""))
            meta = [html.escape(ev["title"]) if isinstance(ev["title"], str) else "Untitled article"]
            if isinstance(ev["source"], str) and ev["source"]:
                meta.append(html.escape(ev["source"]))
            meta.append(f"{ev['published']:%-d %B %Y}" if pd.notna(ev["published"]) else "date unknown")
            actors = ", ".join(html.escape(a) for a in ev["actor_names"]) or "none named"
            st.html(
                "<style>.tl-facts{font-size:.8rem;color:#64748b;text-transform:uppercase;letter-spacing:.05em}"
                ".tl-sentence{font-family:Georgia,serif;font-size:1.15rem;line-height:1.55;margin:.4rem 0}"
                ".tl-sentence mark{background:#fde68a;border-radius:2px;padding:0 2px}"
                ".tl-meta{font-size:.85rem;color:#475569}</style>"
                f'<div class="tl-facts">{" · ".join(facts)}</div>'
                f'<div class="tl-sentence">{quote}</div>'
                f'<div class="tl-meta">Actors: {actors}</div>'
                f'<div class="tl-meta">{" · ".join(meta)}</div>'
            )
            st.page_link("app_pages/reader.py", label="Open the sentence in the reader", icon=":material/article:",
                         query_params=reader_params(ev["article_id"], ev["sentence_id"]))
            others = [r for r in ev["report_ids"] if r != ev["event_id"]]
            if others:
                reports = b.events[b.events["event_id"].isin(others)].merge(
                    b.articles[["article_id", "title"]], on="article_id", how="left")
                st.caption(f"Also reported in {len(reports)} other article{'s' if len(reports) != 1 else ''}:")
                for r in reports.itertuples(index=False):
                    st.page_link("app_pages/reader.py", label=escape_md(str(r.title or "Untitled article")),
                                 icon=":material/link:",
                                 query_params=reader_params(r.article_id, r.sentence_id))
