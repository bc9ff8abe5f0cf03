"""A small key for what a view shows, so a page can remember what it built for that view.

Hashing whole tables on every rerun costs as much as the work it would save; this key is made of the
filter and a fingerprint of the briefing instead: the folder, every table's length, the actors'
names, kinds, roles and merges (a registry correction changes them), and the articles' ids (an edited
article gets a new id).
"""
from __future__ import annotations

import pandas as pd

from dashboard.filtering import View

ACTOR_FIELDS = ["actor_id", "name", "kind", "role", "affiliation_id"]


def view_key(view: View) -> tuple:
    """A hashable key that changes whenever the tables of `view` can have changed."""
    b = view.briefing
    actors = b.actors[[c for c in ACTOR_FIELDS if c in b.actors.columns]]
    return (
        b.folder,
        tuple(len(t) for t in b.tables().values()),
        int(pd.util.hash_pandas_object(actors.astype("string"), index=False).sum()),
        int(pd.util.hash_pandas_object(b.articles["article_id"].astype("string"), index=False).sum()),
        view.filter,
    )
