"""The scorer (`../shared/tools/score_briefing.py` or another path), imported so that a benchmark
matches quotes and names by exactly its rules."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType


def load_scorer(path: Path) -> ModuleType:
    """The scorer module at `path`; SystemExit with a hint when it is not there."""
    spec = importlib.util.spec_from_file_location("score_briefing", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import the scorer from {path}; pass its path with --scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
