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
    """One pickle per article result, and a few whole briefings; a broken or unreadable entry is a
    miss, never an error."""

    # Whole briefings are large (tens of MB at thousands of articles) and one folder makes a new one
    # on every edit: only the most recently used are kept.
    KEEP_BRIEFINGS = 8

    def __init__(self, folder: Path | None):
        self.folder = folder
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                log.warning("cache folder %s unusable (%s): loading without a cache", folder, exc)
                self.folder = None

    def get(self, key: str) -> object | None:
        """The per-article result stored under `key`, or None."""
        return None if self.folder is None else _load(self.folder / f"{key}.pkl")

    def put(self, key: str, value: object) -> None:
        """Store a per-article result under `key`."""
        if self.folder is not None:
            _dump(self.folder, f"{key}.pkl", value)

    def get_briefing(self, key: str) -> object | None:
        """The assembled briefing stored under `key`, or None: a warm load reads one file, not one per article."""
        if self.folder is None:
            return None
        path = self.folder / "briefings" / f"{key}.pkl"
        value = _load(path)
        if value is not None:
            try:
                os.utime(path)  # most recently used: kept by the pruning in put_briefing
            except OSError:
                pass
        return value

    def put_briefing(self, key: str, value: object) -> None:
        """Store an assembled briefing under `key`, dropping the least recently used beyond KEEP_BRIEFINGS."""
        if self.folder is None:
            return
        folder = self.folder / "briefings"
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            log.warning("could not write cache entry (%s)", exc)
            return
        _dump(folder, f"{key}.pkl", value)
        try:
            entries = sorted(folder.glob("*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[self.KEEP_BRIEFINGS:]:
                old.unlink(missing_ok=True)
        except OSError as exc:  # another process pruned at the same time
            log.debug("pruning cached briefings: %s", exc)


def _load(path: Path) -> object | None:
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a half-written or stale entry is rebuilt
        log.warning("cache entry %s unreadable (%s): rebuilding it", path.name, exc)
        return None


def _dump(folder: Path, name: str, value: object) -> None:
    """Write through a temporary file, so a reader never sees half an entry."""
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / name)
    except (OSError, pickle.PicklingError) as exc:
        log.warning("could not write cache entry (%s)", exc)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
