"""Joining the per-article actor keys into one row per real-world actor across the briefing."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from typing import NamedTuple

import numpy as np
import pandas as pd

from dashboard.loader.actors.names import is_acronym, name_initials, org_base, person_words, split_qualified
from dashboard.loader.actors.gazetteer import fold

ACTOR_COLUMNS = ["actor_id", "name", "kind", "role", "affiliation_id", "aliases", "mention_count", "article_count"]


class _Mention(NamedTuple):
    """The fields of one mention the merge counts."""

    article_id: str
    key: str
    text: str
    kind: str
    role: object  # str, or None / NaN
    affiliation_key: object


def slug(name: str) -> str:
    """A readable, URL-safe actor id: 'Recep Tayyip Erdoğan' -> 'recep-tayyip-erdogan'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+", "-", text.casefold()).strip("-")
    return text or "actor"


def identity(key: str, kind: str) -> str:
    """What two keys must share to be one actor: 'Apple Inc.' and 'Apple Computer' -> 'apple'."""
    return org_base(key) if kind == "organization" else fold(key)


def merge_actors(mentions: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, dict[str, dict[str, str]]]:
    """Actors table and, per article, a map from its keys to actor ids.

    `mentions` maps article_id to that article's mentions (with `key`, `kind`, `role`,
    `affiliation_key`). Keys join across articles when they name one actor: the same name up to
    case, accents, legal forms and word order ('Apple Inc.' / 'Apple'; 'Defense Ministry' / 'Ministry
    of Defense' of one country); a one-word person name and the one longer name that ends with it
    ('Fidan' / 'Hakan Fidan'), unless the two hold different offices or an article that names both kept
    them apart; an acronym and the one name whose initials it spells ('GM' / 'General Motors'). Where two
    longer names fit, they stay apart rather than guess.
    """
    # One frame and one pass over every mention: at thousands of articles, pandas calls per article
    # cost more than the counting itself.
    return merge_stacked_actors(_stack(mentions), list(mentions))


def merge_stacked_actors(stacked: pd.DataFrame, article_ids: list[str]) -> tuple[pd.DataFrame,
                                                                                dict[str, dict[str, str]]]:
    """`merge_actors` of every article's mentions stacked in one frame with `article_id`.

    article_ids: every article, those without mentions too; a frame without rows may lack columns.
    """
    if stacked.empty:
        stacked = _stack({})
    stats = _Stats()
    key_identity = _key_identities(stacked, article_ids)
    # whole columns as lists: iterating a frame's rows converts every value on its own
    for row in map(_Mention._make, zip(*(stacked[c].tolist() for c in _Mention._fields))):
        stats.add(key_identity[row.article_id][row.key], row.article_id, row)

    target = _join_variants(stats)
    groups: dict[str, list[str]] = defaultdict(list)
    for ident in stats.kinds:
        groups[target[ident]].append(ident)

    ids: dict[str, str] = {}
    taken: set[str] = set()
    rows = []
    for root in sorted(groups, key=lambda g: (-sum(stats.counts[i] for i in groups[g]), g)):
        members = groups[root]
        merged = lambda table: sum((table[i] for i in members), Counter())  # noqa: E731
        kind = _most_common(merged(stats.kinds))
        name, qualifier = _display_name(stats, members)
        aid = base_id = slug(f"{qualifier} {name}" if qualifier else name)
        n = 2
        while aid in taken:
            aid, n = f"{base_id}-{n}", n + 1
        taken.add(aid)
        for i in members:
            ids[i] = aid
        rows.append({
            "actor_id": aid, "name": name, "kind": kind, "role": _most_common(merged(stats.roles)),
            "affiliation": _most_common(merged(stats.affiliations)) or qualifier,
            "aliases": sorted(merged(stats.forms)), "mention_count": sum(stats.counts[i] for i in members),
            "article_count": len(set().union(*(stats.articles[i] for i in members))),
        })
    actors = pd.DataFrame(rows, columns=[*ACTOR_COLUMNS[:4], "affiliation", *ACTOR_COLUMNS[5:]])
    by_name = {fold(r["name"]): r["actor_id"] for r in rows if r["kind"] in ("country", "organization")}
    actors["affiliation_id"] = actors["affiliation"].map(lambda a: _affiliation_id(a, ids, by_name))
    actors.loc[actors["affiliation_id"] == actors["actor_id"], "affiliation_id"] = None
    actors = _disambiguate_names(actors.drop(columns="affiliation"))
    per_article = {aid: {key: ids[ident] for key, ident in keys.items()} for aid, keys in key_identity.items()}
    return actors[ACTOR_COLUMNS], per_article


def _stack(mentions: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every article's mentions in one frame, in article order, with `article_id`."""
    frames = [df for df in mentions.values() if len(df)]
    if not frames:
        return pd.DataFrame(columns=["article_id", "key", "text", "kind", "role", "affiliation_key"])
    stacked = pd.concat(frames, ignore_index=True)
    ids = [aid for aid, df in mentions.items() if len(df)]
    stacked.insert(0, "article_id", np.repeat(ids, [len(f) for f in frames]))
    return stacked


def _key_identities(stacked: pd.DataFrame, article_ids: list[str]) -> dict[str, dict[str, str]]:
    """Per article, each key's identity, taken with the kind the article gives the key most often
    (on a tie, the kind it gives first)."""
    out: dict[str, dict[str, str]] = {aid: {} for aid in article_ids}
    seen: dict[tuple[str, str], str] = {}
    for aid, key, kind in _most_given_kinds(stacked):
        if (key, kind) not in seen:
            seen[key, kind] = identity(key, kind)
        out[aid][key] = seen[key, kind]
    return out


def _most_given_kinds(stacked: pd.DataFrame) -> list[tuple]:
    """(article_id, key, kind) for each key of each article, in order of first mention: the kind given
    most often, on a tie the first given (as a group-by's idxmax over the counts in order of first
    appearance); counted in Python, which costs less than the group-bys at a briefing's sizes. Columns
    with a value other than text are left to pandas, which groups missing values together."""
    columns = [stacked[c].tolist() for c in ("article_id", "key", "kind")]
    if not all(type(v) is str for values in columns for v in values):
        counts = stacked.groupby(["article_id", "key", "kind"], sort=False, dropna=False).size()
        return list(counts.groupby(level=[0, 1], sort=False).idxmax())
    counts: dict[tuple[str, str, str], int] = {}
    for row in zip(*columns):
        counts[row] = counts.get(row, 0) + 1
    best: dict[tuple[str, str], tuple[str, int]] = {}
    for (aid, key, kind), n in counts.items():
        if (aid, key) not in best or n > best[aid, key][1]:
            best[aid, key] = (kind, n)
    return [(aid, key, kind) for (aid, key), (kind, _) in best.items()]


class _Stats:
    """Counts per identity: surface forms, kinds, roles, affiliations, mentions, articles."""

    def __init__(self) -> None:
        self.forms: dict[str, Counter] = defaultdict(Counter)
        self.kinds: dict[str, Counter] = defaultdict(Counter)
        self.roles: dict[str, Counter] = defaultdict(Counter)
        self.affiliations: dict[str, Counter] = defaultdict(Counter)
        self.display: dict[str, Counter] = defaultdict(Counter)
        self.display_articles: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
        self.keys: dict[str, Counter] = defaultdict(Counter)
        self.counts: Counter = Counter()
        self.articles: dict[str, set] = defaultdict(set)

    def add(self, ident: str, article_id: str, row: object) -> None:
        shown = _name_in_text(row)
        self.display[ident][shown] += 1
        self.display_articles[ident][shown].add(article_id)
        self.keys[ident][row.key] += 1
        self.forms[ident][row.text] += 1
        self.kinds[ident][row.kind] += 1
        if isinstance(row.role, str) and row.role:
            self.roles[ident][row.role] += 1
        if isinstance(row.affiliation_key, str) and row.affiliation_key:
            self.affiliations[ident][row.affiliation_key] += 1
        self.counts[ident] += 1
        self.articles[ident].add(article_id)


def _name_in_text(row: object) -> str:
    """The name a mention offers for its actor: its key, or for an organisation the words the text
    uses when they are a variant of the key ('Ford' for 'Ford Motor Company') or an acronym ('EADS')."""
    if row.kind != "organization":
        return row.key
    base, qualifier = split_qualified(row.key)
    # ('foreign ministry' written in lower case is named by its key, 'Foreign Ministry')
    if is_acronym(row.text) or org_base(row.text) == org_base(base) and not row.text.islower():
        return f"{row.text} ({qualifier})" if qualifier else row.text
    return row.key


def _join_variants(stats: _Stats) -> dict[str, str]:
    """Map each identity to the identity it joins: itself, a fuller person name, an acronym's name."""
    kind = {i: _most_common(c) for i, c in stats.kinds.items()}
    target = {i: i for i in kind}
    persons = [i for i in kind if kind[i] == "person"]
    # each person under every shorter run of words its name ends with: 'Hakan Fidan' under ('Fidan',)
    by_ending: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for p in persons:
        words = person_words(p)
        for n in range(1, len(words)):
            by_ending[tuple(words[-n:])].append(p)
    for i in persons:
        words = person_words(i)
        # an article that names both kept them apart on purpose ('Mr Swan' is not Sandy Swan, 'Mrs Swan')
        fuller = [p for p in by_ending.get(tuple(words), ()) if p != i and not _offices_differ(stats, i, p)
                  and not stats.articles[i] & stats.articles[p]] if words else []
        if len(fuller) == 1:
            target[i] = fuller[0]
    orgs = [i for i in kind if kind[i] == "organization"]
    shown = {o: _most_common(stats.keys[o]) for o in orgs}
    # each organisation under the acronyms its name spells (see acronym_of)
    by_initials: dict[str, list[str]] = defaultdict(list)
    for o in orgs:
        for letters in name_initials(shown[o]):
            by_initials[letters].append(o)
    for i in orgs:
        if is_acronym(shown[i]):
            named = [o for o in by_initials.get(shown[i].replace(".", "").upper(), ()) if o != i]
            if len(named) == 1:
                target[i] = named[0]
    return target


# Titles that are part of how a person is named ('Lord Smith'), unlike Mr or Dr.
PEERAGE = frozenset({"lord", "lady", "sir", "dame", "baron", "baroness"})
# Words of a role that say nothing of which office it is.
ROLE_FILLER = frozenset({"former", "the", "of", "for", "and", "acting", "deputy", "vice", "senior"})


def _offices(stats: _Stats, ident: str) -> set[str]:
    words = {w for role in stats.roles[ident] for w in role.casefold().split()} - ROLE_FILLER
    return words | {w for form in stats.forms[ident] for w in form.casefold().split() if w in PEERAGE}


def _offices_differ(stats: _Stats, short: str, full: str) -> bool:
    """Whether a surname and a fuller name are given offices with no word in common: 'Lord Smith',
    chairman of an agency in one article, is not Premier Danielle Smith of another."""
    a, b = _offices(stats, short), _offices(stats, full)
    return bool(a and b and not a & b)


def _most_common(counter: Counter) -> str | None:
    """The most frequent value; ties go to the longer, then the alphabetically first, so runs agree."""
    if not counter:
        return None
    return min(counter, key=lambda v: (-counter[v], -len(str(v)), str(v)))


def _display_name(stats: _Stats, members: list[str]) -> tuple[str, str | None]:
    """The actor's name and the country it belongs to, if it is a body of one: the name most
    articles use ('Ford', 'EADS'); on a tie a long form over an acronym ('General Motors', not 'GM'),
    then the name used most, then the longer."""
    articles: dict[str, set] = defaultdict(set)
    for i in members:
        for name, seen in stats.display_articles[i].items():
            articles[name] |= seen
    uses = sum((stats.display[i] for i in members), Counter())
    best = min(uses, key=lambda n: (-len(articles[n]), is_acronym(split_qualified(n)[0]), -uses[n], -len(n), n))
    return split_qualified(best)


def _affiliation_id(affiliation: str | None, ids: dict[str, str], by_name: dict[str, str]) -> str | None:
    if not isinstance(affiliation, str):
        return None
    for ident in (fold(affiliation), org_base(affiliation)):
        if ident in ids:
            return ids[ident]
    return by_name.get(fold(affiliation))


def _disambiguate_names(actors: pd.DataFrame) -> pd.DataFrame:
    """Two actors with one name ('Ministry of Defense' of Turkey and of Israel) are told apart by
    their affiliation: 'Ministry of Defense (Israel)'."""
    names = dict(zip(actors["actor_id"], actors["name"]))
    clash = actors["name"].map(fold).duplicated(keep=False)
    for i in actors.index[clash]:
        aff = actors.at[i, "affiliation_id"]
        if isinstance(aff, str) and aff in names:
            actors.at[i, "name"] = f"{actors.at[i, 'name']} ({names[aff]})"
    return actors
