"""Links between pages: the reader at a sentence, an actor's profile. They keep the view they start from.

Addresses are written by the URL codec (`url_state`), so a link carries the actor filter and the date
range exactly as the sidebar reads them.
"""
from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote_plus, urlencode

import numpy as np
import pandas as pd

from dashboard.views.url_state import UrlState, to_params

EVERYTHING = UrlState()


def page_link(page: str, state: UrlState) -> str:
    """Relative address of `page` (its url path) showing `state`."""
    query = urlencode(to_params(state), doseq=True)
    return f"{page}?{query}" if query else page


def _sentence(sentence_id: object) -> int | None:
    if type(sentence_id) is int:  # the usual cell: no missing-value check needed
        return sentence_id
    if isinstance(sentence_id, np.integer):  # a cell of a numpy column
        return int(sentence_id)
    return int(sentence_id) if sentence_id is not None and pd.notna(sentence_id) else None  # type: ignore[call-overload]


def reader_state(article_id: str, sentence_id: object = None, *, state: UrlState = EVERYTHING) -> UrlState:
    """`state` moved to the reader on an article (and a sentence of it)."""
    return state.at(article=str(article_id), sentence=_sentence(sentence_id))


def reader_link(article_id: str, sentence_id: object = None, *, state: UrlState = EVERYTHING) -> str:
    """Relative link to the reader on an article (and a sentence of it), keeping the view of `state`."""
    return page_link("reader", reader_state(article_id, sentence_id, state=state))


def view_suffix(state: UrlState) -> str:
    """What `state`'s view adds to an address after its place ("&actor=Turkey&mode=all"); "" for no view."""
    view = urlencode(to_params(state.at()), doseq=True)
    return f"&{view}" if view else ""


def reader_links(article_ids: Iterable[object], sentence_ids: Iterable[object], *,
                 state: UrlState = EVERYTHING) -> list[str]:
    """`reader_link` of each (article, sentence) pair: the view's part of the address is written once, not
    once per row (a table of a thousand events has a thousand links)."""
    view = view_suffix(state)
    links = []
    quoted: dict[str, str] = {}  # an article's id is written once however many of its rows link to it
    for article_id, sentence_id in zip(article_ids, sentence_ids):
        sentence = _sentence(sentence_id)
        article = str(article_id)
        if article and article not in quoted:
            quoted[article] = quote_plus(article)
        place = "&".join(([f"article={quoted[article]}"] if article else [])
                         + ([f"sentence={sentence}"] if sentence is not None else []))
        links.append(f"reader?{place}{view}" if place else page_link("reader", state.at()))
    return links



def reader_params(article_id: str, sentence_id: object = None) -> dict[str, list[str]]:
    """Query parameters for `st.page_link` to the reader: the place only. Streamlit carries the URL-bound
    sidebar widgets (filter, dates, briefing) over on a page link by itself."""
    return to_params(reader_state(article_id, sentence_id))


def profile_link(name: str, *, state: UrlState = EVERYTHING) -> str:
    """Relative link to the actor page with `name` profiled, keeping the view of `state`."""
    return page_link("actors", state.at(profile=name))
