"""The briefing the app shows, loaded once per content change, and the filtered view of it."""
from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

import streamlit as st

from dashboard.components.loading import Load, clear_loads, start_load, wait_for
from dashboard.filtering import ActorFilter, View, apply_filter
from dashboard.loader import ARTICLE_SUFFIXES, Briefing, Settings, build_nlp, folder_signature, load_briefing

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_FOLDER = ROOT / "seeds"


def briefing_root() -> Path:
    """The folder named on the command line (`streamlit run app.py -- FOLDER`), BRIEFING_FOLDER, or seeds/."""
    # sys.argv is the app's own only under `streamlit run` (not under pytest or AppTest)
    args = [a for a in sys.argv[1:] if not a.startswith("-")] if Path(sys.argv[0]).name == "app.py" else []
    if args:
        return Path(args[0]).expanduser()
    env = os.environ.get("BRIEFING_FOLDER")
    return Path(env).expanduser() if env else DEFAULT_FOLDER


def _entries(folder: Path) -> list[os.DirEntry]:
    """The folder's entries; scandir knows files from folders without a stat call, which counts on
    every rerun at thousands of files."""
    try:
        with os.scandir(folder) as it:
            return list(it)
    except OSError:
        return []


@st.cache_resource(show_spinner="Loading the language model…")
def get_nlp(model: str):
    """The spaCy pipeline, loaded once per process and never mutated."""
    return build_nlp(model)


# Loaded briefings are shared, not cache_data: cache_data would unpickle a fresh copy of every table
# on every rerun (seconds at thousands of articles). The app never changes a briefing in place, and
# get_briefing hands out copy-on-write copies, so sharing one object between sessions is safe.
def get_briefing(folder: str, signature: tuple, model: str) -> Briefing:
    """The briefing of `folder`; `signature` makes an added or changed file reload it.

    A long load runs in the background while the page shows how far it has come; every session
    asking for the same folder, signature and model meanwhile waits for that same load.
    """
    nlp = get_nlp(model)  # in this run: the model's own spinner and errors (ModelNotFound) stay on the page

    def run(load: Load) -> Briefing:
        return load_briefing(folder, settings=Settings(model=model), nlp=nlp, progress=load.report)

    b = wait_for(start_load((folder, signature, model), run))
    # pandas copy-on-write: a shallow copy shares the data until someone writes to it, so a page that
    # changes a table changes its own copy, never the cached briefing.
    return replace(b, **{name: df.copy(deep=False) for name, df in b.tables().items()}, issues=list(b.issues))


def clear_briefings() -> None:
    """Forget every loaded briefing (tests start each case from the files)."""
    clear_loads()


def briefing_folders(root: Path) -> list[Path]:
    """The root itself when it holds articles, and each sub-folder that holds articles."""
    def has_articles(p: Path) -> bool:
        return any(os.path.splitext(e.name)[1].lower() in ARTICLE_SUFFIXES and e.is_file() for e in _entries(p))

    found = [root] if has_articles(root) else []
    # a folder named like an article (an article file replaced by a folder) is reported by the loader
    # as a problem of the briefing it sits in, not offered as a briefing of its own
    subfolders = sorted(e.name for e in _entries(root) if e.is_dir() and not e.name.startswith(".")
                        and os.path.splitext(e.name)[1].lower() not in ARTICLE_SUFFIXES)
    found += [root / name for name in subfolders if has_articles(root / name)]
    return found or [root]


def current_view() -> View:
    """The view every page draws, set by the entry file on each run."""
    return st.session_state["_view"]


def set_view(briefing: Briefing, flt: ActorFilter) -> View:
    view = apply_filter(briefing, flt)
    st.session_state["_view"] = view
    return view
