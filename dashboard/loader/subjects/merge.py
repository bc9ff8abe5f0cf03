"""Joining the per-article subject keys into one row per subject across the briefing."""
from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from dashboard.loader.actors.merge import slug

SUBJECT_COLUMNS = ["subject_id", "name", "kind", "aliases", "mention_count", "article_count"]


def merge_subjects(mentions: dict[str, pd.DataFrame], *, taken: set[str] = frozenset()) -> tuple[
        pd.DataFrame, dict[str, dict[str, str]]]:
    """Subjects table and, per article, a map from its subject keys to subject ids.

    Keys are folded names, so the same name joins across articles; a key that ends with a longer
    key's words joins it when that is the only such key ('a380' -> 'airbus a380'). Ids are slugs of
    the name, kept apart from the ids in `taken` (the actors') so one filter can hold both.
    """
    mentions = {aid: table for aid, table in mentions.items() if not table.empty}
    if not mentions:
        return merge_stacked_subjects(pd.DataFrame(), taken=taken)
    stacked = pd.concat(mentions.values(), ignore_index=True)
    stacked["article_id"] = [aid for aid, table in mentions.items() for _ in range(len(table))]
    return merge_stacked_subjects(stacked, taken=taken)


def merge_stacked_subjects(stacked: pd.DataFrame, *, taken: set[str] = frozenset()) -> tuple[
        pd.DataFrame, dict[str, dict[str, str]]]:
    """`merge_subjects` of every article's subject mentions stacked in one frame with `article_id`
    (a frame without rows may lack columns)."""
    forms: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, Counter] = defaultdict(Counter)
    articles: dict[str, set[str]] = defaultdict(set)
    keys_of: dict[str, set[str]] = defaultdict(set)
    found = zip(*(stacked[c].tolist() for c in ("article_id", "key", "text", "kind"))) if len(stacked) else []
    for article_id, key, text, kind in found:
        forms[key][text] += 1
        kinds[key][kind] += 1
        articles[key].add(article_id)
        keys_of[article_id].add(key)
    kind_of = {key: counts.most_common(1)[0][0] for key, counts in kinds.items()}
    # each key under every ending of it that starts a word: 'airbus a380' under 'a380'
    by_ending: dict[str, list[str]] = defaultdict(list)
    for k in forms:
        for at, char in enumerate(k):
            if char == " ":
                by_ending[k[at + 1:]].append(k)
    root = {}
    for key in forms:
        longer = [k for k in by_ending.get(key, ()) if kind_of[k] == kind_of[key]]
        root[key] = longer[0] if len(longer) == 1 else key
    groups: dict[str, list[str]] = defaultdict(list)
    for key in forms:
        groups[root[key]].append(key)
    rows, ids = [], {}
    used = set(taken)
    for top, members in sorted(groups.items(), key=lambda g: (-sum(sum(forms[k].values()) for k in g[1]), g[0])):
        surface = sum((forms[k] for k in members), Counter())
        name = max(surface, key=lambda s: (len(s.split()), surface[s], s))
        subject_id = slug(name)
        while subject_id in used:
            subject_id += "-subject" if not subject_id.endswith("-subject") else "-2"
        used.add(subject_id)
        for k in members:
            ids[k] = subject_id
        rows.append({
            "subject_id": subject_id, "name": name,
            "kind": sum((kinds[k] for k in members), Counter()).most_common(1)[0][0],
            "aliases": sorted(surface), "mention_count": sum(surface.values()),
            "article_count": len(set().union(*(articles[k] for k in members))),
        })
    per_article = {aid: {k: ids[k] for k in keys} for aid, keys in keys_of.items()}
    return pd.DataFrame(rows, columns=SUBJECT_COLUMNS), per_article


def subjects_of_rows(quotes: pd.DataFrame, events: pd.DataFrame, subject_mentions: pd.DataFrame) -> tuple[
        list[list[str]], list[list[str]]]:
    """The subject ids each quote names inside its span, and those named in each event's sentence."""
    by_sentence: dict[tuple[str, int], set[str]] = defaultdict(set)
    by_article: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for aid, sid, start, subject in zip(subject_mentions["article_id"], subject_mentions["sentence_id"],
                                        subject_mentions["start"], subject_mentions["subject_id"]):
        by_sentence[aid, int(sid)].add(subject)
        by_article[aid].append((int(start), subject))
    quote_ids = [sorted({s for at, s in by_article.get(aid, ()) if start <= at < end})
                 for aid, start, end in zip(quotes["article_id"], quotes["start"], quotes["end"])]
    event_ids = [sorted(by_sentence.get((aid, int(sid)), ())) for aid, sid in
                 zip(events["article_id"], events["sentence_id"])]
    return quote_ids, event_ids
