"""A small key for what a view shows, so a page can remember what it built for that view.

Hashing whole tables on every rerun costs as much as the work it would save; this key is made of the
filter and a fingerprint of the briefing instead: the folder, every table's length, the actors'
names, kinds, roles and merges (a registry correction changes them), the articles' ids (an edited
article gets a new id), titles and dates (front matter), and the events' ids, dates and headlines.
"""
from __future__ import annotations

import pandas as pd

from dashboard.filtering import View

ACTOR_FIELDS = ["actor_id", "name", "kind", "role", "affiliation_id"]


def view_key(view: View) -> tuple:
    """A hashable key that changes whenever the tables of `view` can have changed."""
    b = view.briefing
    actors = b.actors
    return (
        b.folder,
        tuple(len(t) for t in b.tables().values()),
        _fingerprint(actors, ACTOR_FIELDS),
        _fingerprint(b.articles, ["article_id", "title", "published"]),
        _fingerprint(b.events, ["event_id", "date", "headline"]),
        view.filter,
    )


def _fingerprint(table: pd.DataFrame, columns: list[str]) -> int:
    part = table[[c for c in columns if c in table.columns]].astype("string")
    return int(pd.util.hash_pandas_object(part, index=False).sum())
