"""What the per-article analysis gives (`ArticleTables`) and the version of the rules that made it.

Kept apart from the analysis itself so that reading a cached briefing never imports spaCy.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd


def _rules_version() -> str:
    """A digest of the loader's own code and data: any change to a rule rebuilds cached results."""
    digest = hashlib.sha256()
    loader = Path(__file__).resolve().parents[1]
    for path in sorted(p for p in loader.rglob("*") if p.is_file() and (p.suffix == ".py" or p.parent.name == "data")):
        digest.update(path.relative_to(loader).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


ANALYSIS_VERSION = _rules_version()


@dataclass
class ArticleTables:
    """Tables of one article, with actors still named by their within-article keys."""

    article_id: str
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    events: pd.DataFrame
    subject_mentions: pd.DataFrame

    # The per-article tables, in the order of the fields above: the cache and the Dask path store these.
    TABLES = ("sentences", "mentions", "quotes", "events", "subject_mentions")
