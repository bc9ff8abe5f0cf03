"""Joining the per-article actor keys into one row per real-world actor across the briefing."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

import pandas as pd

from .gazetteer import fold


def slug(name: str) -> str:
    """A readable, URL-safe actor id: 'Recep Tayyip Erdoğan' -> 'recep-tayyip-erdogan'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+", "-", text.casefold()).strip("-")
    return text or "actor"


def merge_actors(mentions: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, dict[str, dict[str, str]]]:
    """Actors table and, per article, a map from its keys to actor ids.

    `mentions` maps article_id to that article's mentions (with `key`, `kind`, `role`,
    `affiliation_key`). A one-word person key joins the one longer person name that ends with it
    across the briefing ("Fidan" -> "Hakan Fidan"); where two longer names end with it, it stays apart
    rather than guess.
    """
    forms: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, Counter] = defaultdict(Counter)
    roles: dict[str, Counter] = defaultdict(Counter)
    affiliations: dict[str, Counter] = defaultdict(Counter)
    counts: Counter = Counter()
    articles: dict[str, set] = defaultdict(set)
    display: dict[str, Counter] = defaultdict(Counter)
    for article_id, df in mentions.items():
        for row in df.itertuples(index=False):
            k = fold(row.key)
            display[k][row.key] += 1
            forms[k][row.text] += 1
            kinds[k][row.kind] += 1
            if isinstance(row.role, str) and row.role:
                roles[k][row.role] += 1
            if isinstance(row.affiliation_key, str) and row.affiliation_key:
                affiliations[k][fold(row.affiliation_key)] += 1
            counts[k] += 1
            articles[k].add(article_id)

    persons = [k for k in display if kinds[k].most_common(1)[0][0] == "person"]
    target = {k: k for k in display}
    for k in persons:
        words = k.split()
        fuller = [p for p in persons if p != k and p.split()[-len(words):] == words]
        if len(fuller) == 1:
            target[k] = fuller[0]

    groups: dict[str, list[str]] = defaultdict(list)
    for k, t in target.items():
        groups[t].append(k)
    ids: dict[str, str] = {}
    taken: set[str] = set()
    rows = []
    for t in sorted(groups, key=lambda g: -sum(counts[k] for k in groups[g])):
        members = groups[t]
        name = display[t].most_common(1)[0][0]
        aid = slug(name)
        while aid in taken:
            aid += "-2"
        taken.add(aid)
        for k in members:
            ids[k] = aid
        merged = lambda table: sum((table[k] for k in members), Counter())  # noqa: E731
        rows.append({
            "actor_id": aid, "name": name, "kind": merged(kinds).most_common(1)[0][0],
            "role": (merged(roles).most_common(1) or [(None,)])[0][0],
            "affiliation_key": (merged(affiliations).most_common(1) or [(None,)])[0][0],
            "aliases": sorted(merged(forms)), "mention_count": sum(counts[k] for k in members),
            "article_count": len(set().union(*(articles[k] for k in members))),
        })
    actors = pd.DataFrame(rows, columns=["actor_id", "name", "kind", "role", "affiliation_key", "aliases",
                                         "mention_count", "article_count"])
    actors["affiliation_id"] = actors["affiliation_key"].map(lambda a: ids.get(a) if isinstance(a, str) else None)
    actors = actors.drop(columns="affiliation_key")
    per_article = {aid: {key: ids[fold(key)] for key in df["key"].unique()} for aid, df in mentions.items()}
    return actors, per_article
