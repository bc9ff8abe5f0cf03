"""Which folder the app opens: the command line, BRIEFING_FOLDER, or the shipped seeds.

Plain Python (no Streamlit). Listing the briefings in it and signing them is the loader's
(`dashboard.loader.briefing_folders`, `folder_signature`); `folder_watch` signs a folder again only after
it changed.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path

from dashboard.loader import folder_signature

log = logging.getLogger(__name__)

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


# --- knowing when a briefing folder changed ------------------------------------------------------------

# What the file system reports about a watched folder that changes what is in it (opening and reading a
# file, which every load does, changes nothing).
CHANGES = frozenset({"created", "deleted", "modified", "moved", "closed"})


class _Watched:
    """One folder's last signature, and whether the file system has reported a change since."""

    def __init__(self, mtime: int, signature: tuple) -> None:
        self.mtime, self.signature, self.changed = mtime, signature, False


class FolderWatch:
    """The signature of a briefing folder (`folder_signature`), signed again only after it changed.

    Signing stats every file: at 20,000 articles that is about 90 ms of every rerun of every page. A
    rerun stats the folder alone instead: its modification time changes when a file is added, removed
    or replaced (the app's own writes replace files), and the operating system's file events
    (watchdog's observer) report an article edited in place. Where no observer can run, every rerun
    signs the folder again, as before."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._watched: dict[str, _Watched] = {}
        self._observer = None
        self._failed = False

    def signature(self, folder: Path) -> tuple:
        """The folder's current signature."""
        key = str(folder)
        try:
            mtime = os.stat(folder).st_mtime_ns
        except OSError:
            return folder_signature(folder)  # gone: the loader says so
        seen = self._watched.get(key)
        if seen is not None and seen.mtime == mtime and not seen.changed:
            return seen.signature
        if seen is None and not self._watch(key):
            return folder_signature(folder)
        fresh = _Watched(mtime, ())
        self._watched[key] = fresh  # before signing: a change while signing marks the new entry
        fresh.signature = folder_signature(folder)
        return fresh.signature

    def _watch(self, key: str) -> bool:
        """Start reporting the folder's changes; False where the platform cannot."""
        with self._lock:
            if self._failed:
                return False
            try:
                from watchdog.events import FileSystemEventHandler
                from watchdog.observers import Observer

                watch = self

                class Changed(FileSystemEventHandler):
                    def on_any_event(self, event) -> None:  # noqa: ANN001 - watchdog's event type
                        seen = watch._watched.get(key)
                        if seen is not None and event.event_type in CHANGES:
                            seen.changed = True

                if self._observer is None:
                    self._observer = Observer()
                    self._observer.daemon = True
                    self._observer.start()
                self._observer.schedule(Changed(), key, recursive=False)
                return True
            except Exception:  # noqa: BLE001 - no inotify, a limit reached: sign on every rerun
                log.warning("cannot watch %s for changes; the folder is signed on every rerun", key, exc_info=True)
                self._failed = True
                return False


folder_watch = FolderWatch()
