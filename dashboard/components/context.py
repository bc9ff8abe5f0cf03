"""The briefing the app shows, loaded once per content change, and the filtered view of it."""
from __future__ import annotations

import functools
import gc
from dataclasses import replace

import streamlit as st

from dashboard.components.loading import Load, clear_loads, start_load, wait_for
from dashboard.filtering import ActorFilter, View
from dashboard.loader import Briefing, Settings, build_nlp, load_briefing
from dashboard.views.url_state import UrlState, from_params, of_filter
from dashboard.views.view_index import BriefingIndex


@functools.lru_cache(maxsize=2)
def _model(model: str):
    return build_nlp(model)


@st.cache_resource(show_spinner="Loading the language model…")
def get_nlp(model: str):
    """The spaCy pipeline, loaded once per process and never mutated."""
    return _model(model)


class LazyModel:
    """The spaCy pipeline `model`, loaded the first time a load has an article to parse: a warm load needs
    none, and a process that never parses never holds one (about 45 MB and two seconds)."""

    def __init__(self, model: str):
        self.model = model

    def __getattr__(self, name: str):
        # parsing makes and drops objects by the million: the collector, paused while a warm briefing
        # is read (get_briefing), is needed again
        gc.enable()
        return getattr(_model(self.model), name)


# The lookups of each loaded briefing (by the id of the loaded object), made once when it loads.
_INDEXES: dict[int, BriefingIndex] = {}
KEEP_INDEXES = 8  # a briefing reloads after every correction: older lookups (and their briefings) go


# Loaded briefings are shared, not cache_data: cache_data would unpickle a fresh copy of every table
# on every rerun (seconds at thousands of articles). The app never changes a briefing in place, and
# get_briefing hands out copy-on-write copies, so sharing one object between sessions is safe.
def get_briefing(folder: str, signature: tuple, model: str) -> Briefing:
    """The briefing of `folder`; `signature` makes an added or changed file reload it.

    A long load runs in the background while the page shows how far it has come; every session
    asking for the same folder, signature and model meanwhile waits for that same load.
    """
    # loaded in the background load only when an article needs parsing; its errors (ModelNotFound) are
    # raised here by wait_for
    nlp = LazyModel(model)

    def run(load: Load) -> Briefing:
        # Reading a briefing makes millions of objects that all live on: a collection while they are made
        # finds nothing to free and walks them all (half a second of a warm start at 2,000 articles).
        # Paused until the load ends, or until it needs the model to parse an article (LazyModel).
        gc.disable()
        try:
            b = load_briefing(folder, settings=Settings(model=model), nlp=nlp, progress=load.report)
        finally:
            gc.enable()
        # once per load, not in the first rerun that sets a filter
        _INDEXES[id(b)] = BriefingIndex(b).prepared()
        while len(_INDEXES) > KEEP_INDEXES:
            _INDEXES.pop(next(iter(_INDEXES)))
        # A briefing holds millions of small Python objects (the cells of list columns) that live as long
        # as it does: left to the cyclic collector, each full collection walks them all again (over 100 ms
        # at 2,000 articles, in whichever rerun it falls). Frozen, the collector skips them; they are still
        # freed when the briefing is dropped.
        gc.collect()
        gc.freeze()
        return b

    b = wait_for(start_load((folder, signature, model), run))
    index = _INDEXES.get(id(b))
    if index is None or index.briefing is not b:  # made by a load whose lookups have since been dropped
        index = _INDEXES[id(b)] = BriefingIndex(b)
    st.session_state["_briefing_index"] = index
    # what names this briefing's content in the caches of the pages: the folder's signature changes with
    # every file (articles, actors.yaml, corrections.yaml), and hashing it once beats hashing tables
    st.session_state["_briefing_key"] = (folder, model, hash(signature))
    # pandas copy-on-write: a shallow copy shares the data until someone writes to it, so a page that
    # changes a table changes its own copy, never the cached briefing.
    return replace(b, **{name: df.copy(deep=False) for name, df in b.tables().items()}, issues=list(b.issues))


def current_index() -> BriefingIndex:
    """The lookups of the current briefing (set by `get_briefing`)."""
    return st.session_state["_briefing_index"]


def briefing_key() -> tuple:
    """What names the current briefing's content (set by `get_briefing`)."""
    return st.session_state["_briefing_key"]


def view_key() -> tuple:
    """What names the current view: the briefing's content and the filter. Pages remember their work by it."""
    return st.session_state["_view_key"]


def clear_briefings() -> None:
    """Forget every loaded briefing (tests start each case from the files)."""
    clear_loads()
    _INDEXES.clear()


def current_view() -> View:
    """The view every page draws, set by the entry file on each run."""
    return st.session_state["_view"]


def current_state() -> UrlState:
    """The URL state of the current view (filter, dates, briefing): what links from this page keep."""
    return st.session_state["_view_state"]


def set_view(briefing: Briefing, flt: ActorFilter, *, briefing_label: str | None = None) -> View:
    """Filter `briefing` by `flt` for this run's page; `briefing_label` names it in links when there are several."""
    view = st.session_state["_briefing_index"].view(flt, briefing=briefing)
    st.session_state["_view"] = view
    st.session_state["_view_key"] = (briefing_key(), flt)
    st.session_state["_view_state"] = of_filter(flt, briefing.actors, subjects=briefing.subjects,
                                                  briefing=briefing_label)
    return view


def url_params() -> dict[str, list[str]]:
    """Every query parameter of the address, repeated ones with all their values."""
    return {name: st.query_params.get_all(name) for name in st.query_params}


def url_state() -> UrlState:
    """The address decoded against the current briefing: the page's place and the view."""
    view = current_view()
    return from_params(url_params(), view.actors, view.subjects)
