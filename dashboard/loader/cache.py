"""The on-disk cache of per-article results, keyed by content and pipeline version."""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)


def default_cache_dir() -> Path:
    """BRIEFING_CACHE_DIR, else the user's cache folder."""
    env = os.environ.get("BRIEFING_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing-dashboard"


def cache_key(*parts: object) -> str:
    """A file-safe key from everything that decides an article's tables."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:32]


class ArticleCache:
    """One pickle per article result; a broken or unreadable entry is a miss, never an error."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                log.warning("cache folder %s unusable (%s): loading without a cache", folder, exc)
                self.folder = None

    def get(self, key: str) -> object | None:
        if self.folder is None:
            return None
        path = self.folder / f"{key}.pkl"
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception as exc:  # a half-written or stale entry is rebuilt
            log.warning("cache entry %s unreadable (%s): rebuilding it", path.name, exc)
            return None

    def put(self, key: str, value: object) -> None:
        if self.folder is None:
            return
        try:
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.folder / f"{key}.pkl")
        except OSError as exc:
            log.warning("could not write cache entry (%s)", exc)
