"""Timeline: what happened when, by actor or by article, told one event at a time.

The event shown in the step-through lives in the URL's `event` parameter, so a link opens the story there;
a click on the chart or the table and the ← → buttons (or arrow keys) all write it.
"""
import pandas as pd
import streamlit as st

from dashboard.components.context import current_state, current_view, url_state
from dashboard.components.corrections import event_corrections
from dashboard.components.tables import briefing_event_rows, briefing_events
from dashboard.filtering import View
from dashboard.components.layout import filter_caption, stop_if_nothing_to_show
from dashboard.views.labels import escape_md
from dashboard.components.date_range import drawable
from dashboard.components.context import current_index, view_key
from dashboard.views.links import reader_links, reader_params
from dashboard.views.reports import other_reports
from dashboard.views.url_state import UrlState
from dashboard.views.story import story_card_html
from dashboard.views.timeline import (
    AGGREGATE_ABOVE, LANE_MODES, bucket_unit, date_bounds, default_range, events_csv, events_in_range,
    events_timeline_figure, pick_selected, selected_event_ids,
)

MAX_TABLE_ROWS = 1000  # more rows than anyone reads; the CSV holds them all
MAX_REPORTS = 12  # links to the other reports of an event under its story card


# A filtered view's table is the rows of the whole briefing's (components/tables.py). Resources, not data:
# the page only reads these tables and takes slices of them (never change them in place).
@st.cache_resource(max_entries=8, show_spinner=False)
def timeline_table(key: tuple, _view: View) -> pd.DataFrame:
    """The event table of the view `key` names."""
    b = _view.briefing
    if len(_view.events) == len(b.events):
        return briefing_events(key[0], b)
    return briefing_event_rows(key[0], b, _view.events)


@st.cache_resource(max_entries=16, show_spinner=False)
def in_range(key: tuple, start: object, end: object, undated: bool, _table: pd.DataFrame) -> pd.DataFrame:
    """The events of the view `key` over `start`..`end`, undated events when `undated`."""
    return events_in_range(_table, start, end, undated=undated)


@st.cache_resource(max_entries=16, show_spinner=False)
def timeline_figure(key: tuple, lanes: str, start: object, end: object, undated: bool, _shown: pd.DataFrame):
    """The timeline of the view `key` over `start`..`end`, undated events when `undated` (st.plotly_chart
    never changes a figure it is given, so one figure serves every rerun)."""
    # microsecond dates: the chart's margins around an event of 1683 reach before pandas' nanosecond years
    shown = _shown.astype({c: "datetime64[us]" for c in _shown.select_dtypes("datetime64[ns]")})
    return events_timeline_figure(shown, lanes=lanes)


@st.cache_resource(max_entries=16, show_spinner=False)
def listed_rows(key: tuple, start: object, end: object, undated: bool, here: UrlState,
                _shown: pd.DataFrame) -> pd.DataFrame:
    """The rows of the events table: the most salient of `_shown` when there are more than it lists."""
    listed = _shown if len(_shown) <= MAX_TABLE_ROWS else _shown.nlargest(MAX_TABLE_ROWS, "salience").sort_index()
    return listed.assign(
        date_text=listed["date_text"].fillna(""),
        actors=listed["actor_names"].map(", ".join),
        how=listed["date_rule"].fillna("").str.replace("-", " ", regex=False),
        article=listed["title"],
        read=reader_links(listed["article_id"], listed["sentence_id"], state=here),
    )


@st.cache_resource(max_entries=16, show_spinner=False)
def story_order(key: tuple, start: object, end: object, undated: bool, _shown: pd.DataFrame) -> tuple:
    """The story's order over `_shown` (the events of the view `key` over `start`..`end`), each event's place
    in it, and the counts the page states: made once, not on every step through tens of thousands of events."""
    order = _shown["event_id"].tolist()
    return (order, {e: i for i, e in enumerate(order)}, int(_shown["is_dated"].sum()),
            int(_shown["article_id"].nunique()))


@st.cache_resource(max_entries=8, show_spinner=False)
def _event_positions(key: tuple, _events: pd.DataFrame) -> pd.Index:
    return pd.Index(_events["event_id"].astype(object))


def event_rows(key: tuple, events: pd.DataFrame, event_ids: list[str]) -> pd.DataFrame:
    """The rows of `events` (the view `key` names) with these ids, in that order."""
    where = _event_positions(key, events).get_indexer(event_ids)
    return events.iloc[where[where >= 0]]


def sentence_of(article_id: str, sentence_id: object) -> pd.Series | None:
    """The row of `sentences` of the event's sentence, found through the briefing's lookups, not a scan."""
    return current_index().sentence(article_id, sentence_id)


view = current_view()
b = view.briefing
st.title("Timeline")
filter_caption(view)

stop_if_nothing_to_show(len(b.events), len(view.events), what="dated or undated events", icon=":material/event_busy:")

key = view_key()
table = timeline_table(key, view)
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
shown = in_range(key, start, end, undated, table)
controls[3].download_button(
    # built only when clicked: thousands of rows would be written on every rerun
    "Download CSV", lambda: events_csv(shown), file_name="events.csv", mime="text/csv", key="timeline_download",
    icon=":material/download:", width="stretch", disabled=shown.empty, on_click="ignore",
    help="The events shown, with actor names and how each date was found.")

earlier = int((table["is_dated"] & (table["period_end"] <= pd.Timestamp(start))).sum()) if start else 0
order, place, n_dated, n_articles = story_order(key, start, end, undated, shown)
st.markdown(f"**{len(shown)}** of {len(table)} events · {n_dated} dated · {len(shown) - n_dated} undated · "
            f"{n_articles} article{'s' if n_articles != 1 else ''}"
            + (f" · {earlier} earlier event{'s' if earlier != 1 else ''} outside the date range" if earlier else ""))

chart_ids: list[str] = []
if shown.empty:
    st.info("No event falls in these dates.", icon=":material/search_off:")
elif bounds is None:
    st.info("These events carry no date and their articles no publication date, so they cannot be placed "
            "on a calendar. They are listed below.", icon=":material/event_busy:")
else:
    fig = timeline_figure(key, LANE_MODES[lanes], start, end, undated, shown)
    state = st.plotly_chart(fig, key="timeline_chart", on_select="rerun", selection_mode="points",
                            config={"displayModeBar": False})
    chart_ids = selected_event_ids(state)
    if len(shown) > AGGREGATE_ABOVE:
        unit = bucket_unit(pd.Timestamp(end or bounds[1]) - pd.Timestamp(start or bounds[0]))
        st.caption(f"Too many events to draw one by one: each mark counts the events of a lane in one {unit}, "
                   "labelled with the most salient one. Narrow the dates or the actor filter to see every event.")
    else:
        st.caption("Points are days; bars span the week, month or year the text gives. Labels name the most "
                   "salient events; hover for the rest, click one to read it below.")

detail = st.container()

st.header("Events")
rows = listed_rows(key, start, end, undated, current_state(), shown)
if len(rows) < len(shown):
    st.caption(f"The {len(rows)} most salient of {len(shown)} events, in date order; the CSV holds them all.")
picked = st.dataframe(
    rows[["date_label", "headline", "actors", "date_text", "how", "precision", "source_count", "article", "read",
          "is_corrected"]],
    hide_index=True, key="timeline_table", on_select="rerun", selection_mode="single-row",
    column_config={
        "date_label": st.column_config.TextColumn("Date", width="medium"),
        "precision": st.column_config.TextColumn("Precision", width="small"),
        "date_text": st.column_config.TextColumn("Date words"),
        "how": st.column_config.TextColumn("How this date was found",
                                           help="The rule that turned the words into a date."),
        "headline": st.column_config.TextColumn("What happened", width="large"),
        "actors": st.column_config.TextColumn("Actors"),
        "source_count": st.column_config.NumberColumn("Reports", help="Articles that report this event."),
        "article": st.column_config.TextColumn("Article"),
        "read": st.column_config.LinkColumn("Read", display_text="Open"),
        "is_corrected": st.column_config.CheckboxColumn("Corrected", help="An analyst corrected this event."),
    },
)
fix = st.container()  # the correction form, filled once the story's event is known
picked_rows = list(picked.selection.rows) if picked is not None and hasattr(picked, "selection") else []
table_ids = [rows["event_id"].iloc[i] for i in picked_rows if 0 <= i < len(rows)]

# the story's order is the timeline's: calendar order, undated events just before their article's day
wanted = url_state().event
selected = pick_selected(chart_ids, table_ids, st.session_state.get("_timeline_last"), wanted)
st.session_state["_timeline_last"] = (tuple(chart_ids), tuple(table_ids))
current = selected if selected in place else (order[0] if order else None)
if selected is not None and selected != wanted:
    st.query_params["event"] = selected


with fix:
    # the events of the table, and the one the story tells: a picker of tens of thousands is not read
    fixable = list(dict.fromkeys([*([current] if current is not None else []), *rows["event_id"]]))
    event_corrections(event_rows(key, view.events, fixable), b.sentences, b.folder, key="timeline_fix")


def _go(event_id: str | None) -> None:
    if event_id is not None:
        st.query_params["event"] = event_id


with detail:
    if current is None:
        st.caption("No event to tell in this view.")
    else:
        at = place[current]
        ev = shown.iloc[at]
        sentence = sentence_of(ev["article_id"], ev["sentence_id"])
        with st.container(border=True, key="timeline_detail"):
            with st.container(horizontal=True, vertical_alignment="center", key="timeline_steps"):
                st.button("Previous", key="timeline_prev", icon=":material/chevron_left:", shortcut="Left",
                          on_click=_go, args=(order[max(at - 1, 0)],), disabled=at == 0,
                          help="The event before (←)")
                st.markdown(f"**{at + 1}** of {len(order)}", width="content")
                st.button("Next", key="timeline_next", icon=":material/chevron_right:", icon_position="right",
                          shortcut="Right", type="primary", on_click=_go, args=(order[min(at + 1, len(order) - 1)],),
                          disabled=at == len(order) - 1, help="The event after (→)")
                st.space("stretch")
                st.page_link("app_pages/reader.py", label="Open in the reader", icon=":material/article:",
                             query_params=reader_params(ev["article_id"], ev["sentence_id"]))
            st.html(story_card_html(ev, sentence["text"] if sentence is not None else None,
                                    int(sentence["start"]) if sentence is not None else 0))
            others = other_reports(current_index().reports(ev["report_group"]), ev["article_id"])
            if len(others):
                reports = others.merge(
                    b.articles[["article_id", "title"]], on="article_id", how="left")
                more = len(reports) - MAX_REPORTS
                st.caption(f"Also reported in {len(reports)} other article{'s' if len(reports) != 1 else ''}"
                           + (f"; the first {MAX_REPORTS}:" if more > 0 else ":"))
                for r in reports.head(MAX_REPORTS).itertuples(index=False):
                    st.page_link("app_pages/reader.py", label=escape_md(str(r.title or "Untitled article")),
                                 icon=":material/link:",
                                 query_params=reader_params(r.article_id, r.sentence_id))
