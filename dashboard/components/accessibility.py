"""Accessibility pieces every page uses: visible focus, readable contrast, text for charts, spoken updates.

Scripts here are the app's own and carry no article text except through json.dumps, so nothing an
article says can become code.
"""
from __future__ import annotations

import json

import pandas as pd
import streamlit as st

# Focus is always visible; links and captions keep 4.5:1 contrast on white (WCAG 2.1 AA 1.4.3).
APP_CSS = """
:focus-visible{outline:3px solid #1d4ed8 !important;outline-offset:2px !important}
[data-testid="stCaptionContainer"] a{color:#1e40af;text-decoration:underline}
.bq-sr-only{position:absolute !important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;
  clip:rect(0,0,0,0);white-space:nowrap;border:0}
.bq-corrected{display:inline-block;font-size:.72rem;font-weight:700;letter-spacing:.04em;text-transform:uppercase;
  color:#7c2d12;background:#ffedd5;border:1px solid #c2410c;border-radius:4px;padding:0 .35rem;margin-left:.4rem}
"""


def app_css() -> None:
    """The app-wide accessibility styles (drawn once per run by the entry file)."""
    st.html(f"<style>{APP_CSS}</style>")


def chart_table(frame: pd.DataFrame, *, label: str = "The chart as a table", key: str) -> None:
    """The data a chart draws, as a table in an expander: the chart's text alternative."""
    with st.expander(label, icon=":material/table:", key=f"{key}_table_expander"):
        if frame.empty:
            st.caption("Nothing to show.")
        else:
            st.table(frame.reset_index(drop=True))


def announce(text: str) -> None:
    """Say `text` to a screen reader through one polite live region that stays on the page across reruns
    (a live region that is itself new is not announced)."""
    script = """
(() => {
  const host = document.querySelector('[data-testid="stMain"]') || document.body;
  let live = document.getElementById('bq-live');
  if (!live) {
    live = document.createElement('div');
    live.id = 'bq-live';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('aria-atomic', 'true');
    live.className = 'bq-sr-only';
    host.appendChild(live);
  }
  live.textContent = %s;
})();
""" % json.dumps(text)
    st.html(f"<script>{script}</script>",
            unsafe_allow_javascript=True)


def scroll_to(selector: str) -> None:
    """Scroll the first element matching `selector` (the app's own CSS selector) to the middle of the window."""
    script = "setTimeout(() => document.querySelector(%s)?.scrollIntoView({block: 'center'}), 300);" % json.dumps(
        selector)
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)
