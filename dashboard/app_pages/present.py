"""Presentation: the filtered briefing as full-screen slides for a meeting room, and the files that travel.

The slide number lives in the URL (`?slide=3`), next to the sidebar's actor filter, so a link brings a
presenter back to the same slide of the same selection. Arrow keys move between slides.
"""
import html

import streamlit as st

from dashboard.components.accessibility import announce
from dashboard.components.context import current_view, url_state
from dashboard.export import build_deck, export_html, export_pptx
from dashboard.export.figures import figure_for
from dashboard.export.html import SLIDE_CSS, body_html, table_html, tables_for, title_details_html
from dashboard.export.slides import file_stem
from dashboard.views.url_state import to_params

PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

# The slide scales with the window: one unit is 1/1280 of its width, as in the exported file.
PAGE_CSS = """
[data-testid="stSidebar"],[data-testid="stSidebarCollapsedControl"],[data-testid="stHeader"],
[data-testid="stToolbar"],[data-testid="stDecoration"],[data-testid="stStatusWidget"],
[data-testid="stSidebarNav"],[data-testid="stAppDeployButton"]{display:none !important}
[data-testid="stAppViewContainer"],[data-testid="stMain"]{background:#0f172a}
[data-testid="stMainBlockContainer"]{max-width:none;padding:14px 24px 8px 24px}
div.stVerticalBlock[class*="st-key-present_slide"]{--u:min(calc((100vw - 48px) / 1280), calc((100vh - 96px) / 720));
  width:calc(var(--u) * 1280) !important;height:calc(var(--u) * 720) !important;flex:none !important;margin:0 auto;overflow:hidden;border-radius:8px;
  padding:calc(var(--u) * 52) calc(var(--u) * 72) calc(var(--u) * 40) calc(var(--u) * 72);background:#fff;
  box-shadow:0 14px 40px rgba(0,0,0,.45);gap:0;flex-wrap:nowrap}
[class*="st-key-present_slide"] .bq-slide{background:transparent;padding:0}
[class*="st-key-present_slide"] h1{font-family:Inter,"Segoe UI",Helvetica,Arial,sans-serif;font-size:calc(var(--u) * 46);
  font-weight:800;letter-spacing:-.01em;line-height:1.15;padding:0 0 calc(var(--u) * 6) 0;margin:0;color:#0b1220}
.bq-headrule{border-bottom:calc(var(--u) * 4) solid #1d4ed8;margin:calc(var(--u) * 14) 0 calc(var(--u) * 22) 0}
div.stVerticalBlock.st-key-present_slide_title{background:#0b1b3f;justify-content:center}
.st-key-present_slide_title h1{font-size:calc(var(--u) * 68);color:#fff;letter-spacing:-.02em}
.st-key-present_slide_title .bq-slide{color:#fff}
div.stVerticalBlock.st-key-present_nav, div.st-key-present_nav{width:min(calc((100vw - 48px)), calc((100vh - 96px) * 16 / 9));margin:10px auto 0 auto;
  align-items:center}
.st-key-present_nav button:disabled{background:#1e293b;border-color:#334155;color:#64748b}
.st-key-present_clicker{display:none !important}
.bq-count{color:#e2e8f0;font-weight:700;font-size:1.05rem;padding:0 .6rem;font-variant-numeric:tabular-nums}
.st-key-present_nav [data-testid="stPageLink"] p{color:#cbd5e1}
"""

view = current_view()
deck = build_deck(view)
total = len(deck.slides)


def slide_from_url() -> int:
    """The 1-based slide number in the URL, kept within the deck."""
    return min(url_state().slide or 1, total)


def go_to(number: int) -> None:
    st.query_params["slide"] = str(min(max(number, 1), total))


number = slide_from_url()
st.query_params["slide"] = str(number)
slide = deck.slides[number - 1]
st.html(f"<style>{PAGE_CSS}{SLIDE_CSS}</style>")


def chart(name: str) -> None:
    fig = figure_for(name, view, style="slide")
    if fig is None:
        st.html('<div class="bq-slide"><p class="bq-note">Nothing to chart in this view.</p></div>')
    else:
        st.plotly_chart(fig, key=f"present_chart_{name}", theme=None, config={"displayModeBar": False})


with st.container(key=f"present_slide_{slide.kind}"):
    if slide.kind == "title":
        st.html('<div class="bq-slide bq-title"><p class="bq-kicker">Briefing</p></div>')
        st.title(slide.title, anchor=False)
        st.html(f'<div class="bq-slide bq-title">{title_details_html(slide)}</div>')
    else:
        st.title(slide.title, anchor=False)
        sub = f'<p class="bq-sub">{html.escape(slide.subtitle)}</p>' if slide.subtitle else ""
        st.html(f'<div class="bq-slide">{sub}<div class="bq-headrule"></div></div>')
        if slide.kind == "timeline":
            chart("timeline")
            # the chart's text alternative: the dated events it draws, for screen readers
            dated = tables_for(view)["events"].dropna(subset=["date"])
            st.html('<div class="bq-sr-only">' + table_html(dated, {"when": "Date", "summary": "What happened",
                                                                    "actors": "Actors"}) + "</div>")
        elif slide.kind == "actors":
            left, right = st.columns(2, gap="large")
            left.html(f'<div class="bq-slide">{body_html(slide)}</div>')
            with right:
                chart("network")
        else:
            st.html(f'<div class="bq-slide">{body_html(slide)}</div>')

# each slide is announced to a screen reader as the keys move through the deck
announce(f"Slide {number} of {total}: {slide.title}")

with st.container(key="present_nav", horizontal=True, gap="small"):
    st.button("First", key="present_first", icon=":material/first_page:", on_click=go_to, args=(1,),
              disabled=number == 1, shortcut="Home", help="First slide (Home)")
    st.button("Previous", key="present_prev", icon=":material/chevron_left:", on_click=go_to, args=(number - 1,),
              disabled=number == 1, shortcut="Left", help="Previous slide (←)")
    st.html(f'<div class="bq-count">{number} / {total}</div>', width="content")
    st.button("Next", key="present_next", icon=":material/chevron_right:", icon_position="right",
              on_click=go_to, args=(number + 1,), disabled=number == total, shortcut="Right",
              help="Next slide (→)", type="primary")
    st.button("Last", key="present_last", icon=":material/last_page:", icon_position="right",
              on_click=go_to, args=(total,), disabled=number == total, shortcut="End", help="Last slide (End)")
    st.space("stretch")
    stem = file_stem(deck)
    # built only when clicked: the deck's charts take seconds to render
    st.download_button("HTML", data=lambda: export_html(view, deck=deck), file_name=f"{stem}.html",
                       mime="text/html", key="present_download_html", on_click="ignore",
                       icon=":material/download:", help="One file with the slides and tables; opens offline, "
                       "prints one slide a page")
    st.download_button("PowerPoint", data=lambda: export_pptx(view, deck=deck), file_name=f"{stem}.pptx",
                       mime=PPTX_MIME, key="present_download_pptx", on_click="ignore",
                       icon=":material/download:", help="The same slides as a .pptx deck")
    # presentation clickers send Page Up / Page Down: the same moves, on buttons nobody needs to see
    with st.container(key="present_clicker", width="content"):
        st.button("Previous slide", key="present_page_up", on_click=go_to, args=(number - 1,), shortcut="PageUp")
        st.button("Next slide", key="present_page_down", on_click=go_to, args=(number + 1,), shortcut="PageDown")
    st.page_link("app_pages/overview.py", label="Leave", icon=":material/close:",
                 query_params=to_params(url_state().at()))
