"""Quote panels: who said what, filtered by speaker, actors mentioned, kind and words; who talks about whom."""
import math

import pandas as pd
import streamlit as st

from dashboard.components.accessibility import chart_table
from dashboard.components.context import current_state, current_view, view_key
from dashboard.filtering import View
from dashboard.components.corrections import quote_corrections
from dashboard.components.tables import briefing_quote_rows, briefing_quotes
from dashboard.components.layout import filter_caption, stop_if_nothing_to_show
from dashboard.views.links import reader_links
from dashboard.views.quotes import (
    about_options, cards_html, filter_quotes, hide_uncertain_speakers, quotes_csv, search_terms,
    speaker_about_counts, speaker_about_figure, speaker_about_matrix, speaker_about_pairs, speaker_options,
)

PAGE_SIZE = 24


# A view's quote table is the rows of the whole briefing's (components/tables.py). Resources, not data: the
# page only reads these tables and takes slices of them (never change them in place).
@st.cache_resource(max_entries=16, show_spinner=False)
def view_quotes(key: tuple, hide_uncertain: bool, _view: View) -> tuple[pd.DataFrame, dict, dict]:
    """The quote table of the view `key` names, and its speaker and actor choices."""
    b = _view.briefing
    table = briefing_quotes(key[0], b)
    if len(_view.quotes) != len(b.quotes):
        table = briefing_quote_rows(key[0], b, _view.quotes["quote_id"])
    if hide_uncertain:
        table = hide_uncertain_speakers(table)
    return table, speaker_options(table), about_options(table)


@st.cache_resource(max_entries=32, show_spinner=False)
def shown_quotes(key: tuple, choice: tuple, _table: pd.DataFrame, _speakers: dict, _abouts: dict) -> pd.DataFrame:
    """The quotes of the view `key` that the page's own filters `choice` keep."""
    _, chosen_speakers, chosen_about, kinds, search = choice
    return filter_quotes(_table, speaker_ids=[_speakers[s] for s in chosen_speakers],
                         about_ids=[_abouts[a] for a in chosen_about], kinds=list(kinds), search=search)


@st.cache_resource(max_entries=32, show_spinner=False)
def matrix_parts(key: tuple, choice: tuple, _shown: pd.DataFrame) -> tuple:
    """Who talks about whom among the quotes `choice` (the page's own filters) keeps in the view `key`."""
    matrix = speaker_about_matrix(_shown)  # counted once for the heatmap and the pairs
    counts = speaker_about_counts(_shown, matrix=matrix)
    if counts.empty:
        return counts, None, None
    return counts, speaker_about_figure(counts), speaker_about_pairs(_shown, matrix=matrix)


view = current_view()
st.title("Quotes")
filter_caption(view)

stop_if_nothing_to_show(len(view.briefing.quotes), len(view.quotes), what="quotes", icon=":material/format_quote:")

key = view_key()
hide = st.checkbox("Hide uncertain speakers", key="quotes_hide_uncertain",
                   help="Show \"speaker uncertain\" where the speaker was inferred in a way that is often wrong.")
table, speakers, abouts = view_quotes(key, hide, view)
# a choice the sidebar filter has since ruled out would make the multiselect fail: drop it
for widget, options in (("quotes_speaker", speakers), ("quotes_about", abouts)):
    if widget in st.session_state:
        st.session_state[widget] = [c for c in st.session_state[widget] if c in options]

with st.container(key="quotes_filters"):
    c1, c2, c3, c4 = st.columns([3, 3, 2, 3], vertical_alignment="bottom")
    chosen_speakers = c1.multiselect(
        "Speaker", list(speakers), key="quotes_speaker", placeholder="Any speaker",
        help="Choosing a country or organisation also selects the people who speak for it.")
    chosen_about = c2.multiselect(
        "Mentions", list(abouts), key="quotes_about", placeholder="Any actor",
        help="Quotes that mention at least one of these actors.")
    kinds = c3.segmented_control(
        "Kind", ["direct", "reported"], selection_mode="multi", key="quotes_kind",
        format_func=lambda k: {"direct": "Direct", "reported": "Reported"}[k],
        help="Direct: the speaker's own words in quotation marks. Reported: speech told by the article.")
    search = c4.text_input("Search", key="quotes_search", placeholder="Words in the quote, speaker or title",
                           help='Every word must appear; "double quotes" keep a phrase together.')

choice = (hide, tuple(chosen_speakers), tuple(chosen_about), tuple(kinds or ()), search or "")
shown = shown_quotes(key, choice, table, speakers, abouts)

n_direct = int((shown["kind"] == "direct").sum())
n_speakers = shown["speaker_id"].nunique()
summary, download = st.columns([4, 1], vertical_alignment="center")
summary.markdown(
    f"**{len(shown)}** of {len(table)} quotes · {n_direct} direct · {len(shown) - n_direct} reported · "
    f"{n_speakers} identified speaker{'s' if n_speakers != 1 else ''}")
download.download_button(
    # built only when clicked: thousands of rows would be written on every rerun
    "Download CSV", lambda: quotes_csv(shown), file_name="quotes.csv", mime="text/csv", key="quotes_download",
    icon=":material/download:", width="stretch", disabled=shown.empty, on_click="ignore",
    help="The quotes shown, with speaker names and the actors they mention.")

panels, matrix = st.tabs(["Quote panels", "Who talks about whom"])

with panels:
    if shown.empty:
        st.info("No quote matches these filters.", icon=":material/search_off:")
    else:
        pages = math.ceil(len(shown) / PAGE_SIZE)
        # a new filter starts again at the first page
        signature = (tuple(chosen_speakers), tuple(chosen_about), tuple(kinds or ()), search, len(shown))
        if st.session_state.get("_quotes_signature") != signature:
            st.session_state["_quotes_signature"] = signature
            st.session_state["quotes_page"] = 1
        cards = st.container()
        page = 1
        if pages > 1:
            left, right = st.columns([1, 1], vertical_alignment="center")
            page = left.pagination(pages, key="quotes_page")
            right.caption(f"Quotes {(page - 1) * PAGE_SIZE + 1}–{min(page * PAGE_SIZE, len(shown))} "
                          f"of {len(shown)}")
        rows = shown.iloc[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        links = reader_links(rows["article_id"], rows["sentence_id"], state=current_state())
        cards.html(cards_html(rows, links, highlight=search_terms(search or "")))
        on_page = view.quotes[view.quotes["quote_id"].isin(list(rows["quote_id"]))]
        on_page = on_page.set_index("quote_id").loc[list(rows["quote_id"])].reset_index()
        quote_corrections(on_page, view.actors, view.briefing.folder, key="quotes_fix")

with matrix:
    counts, figure, top = matrix_parts(key, choice, shown)
    if counts.empty:
        st.info("None of these quotes mentions an actor.", icon=":material/grid_off:")
    else:
        st.caption("Quotes per speaker and actor mentioned in the quote. A quote that mentions several "
                   "actors counts once for each.")
        chart, pairs = st.columns([3, 2], gap="large")
        chart.plotly_chart(figure, key="quotes_matrix", config={"displayModeBar": False})
        pairs.dataframe(
            top, hide_index=True, key="quotes_pairs",
            column_config={
                "speaker": st.column_config.TextColumn("Speaker"),
                "about": st.column_config.TextColumn("About"),
                "quotes": st.column_config.ProgressColumn("Quotes", format="%d", min_value=0,
                                                          max_value=int(top["quotes"].max())),
            },
        )
        chart_table(counts.reset_index().rename(columns={"speaker": "Speaker"}), key="quotes_matrix")
