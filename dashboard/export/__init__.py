"""Exports of a briefing: the slides' content, one self-contained HTML file and a PowerPoint deck.

Pure Python (no Streamlit): the presentation page and `python -m dashboard.export` share it.
"""
from __future__ import annotations

from .html import export_html
from .pptx import export_pptx
from .slides import Deck, Slide, build_deck

__all__ = ["Deck", "Slide", "build_deck", "export_html", "export_pptx"]
