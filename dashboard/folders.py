"""Which folder the app opens: the command line, BRIEFING_FOLDER, or the shipped seeds.

Plain Python (no Streamlit). Listing the briefings in it and signing them is the loader's
(`dashboard.loader.briefing_folders`, `folder_signature`).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

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
