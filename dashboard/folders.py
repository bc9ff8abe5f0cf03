"""Which folder the app opens, the briefings in it, and a signature that changes when an article does.

Plain Python (no Streamlit): the entry file asks here, then loads what it is told.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from dashboard.loader import ARTICLE_SUFFIXES

ROOT = Path(__file__).resolve().parents[1]
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


def folder_signature(folder: Path) -> tuple:
    """Names, sizes and times of the folder's files: a new or edited article changes it."""
    try:
        return tuple(sorted((e.name, (st := e.stat()).st_size, st.st_mtime_ns)
                            for e in _entries(folder) if e.is_file()))
    except OSError:
        return ()


def briefing_folders(root: Path) -> list[Path]:
    """The root itself when it holds articles, and each sub-folder that holds articles."""
    def has_articles(p: Path) -> bool:
        return any(os.path.splitext(e.name)[1].lower() in ARTICLE_SUFFIXES and e.is_file() for e in _entries(p))

    found = [root] if has_articles(root) else []
    subfolders = sorted(e.name for e in _entries(root) if e.is_dir() and not e.name.startswith("."))
    found += [root / name for name in subfolders if has_articles(root / name)]
    return found or [root]
