"""Whole-article token arrays, read once, so that the rules visit only the tokens that matter.

Walking every token of a Doc in Python creates a Token object per word; for a rule that cares
about a handful of them ('(' before an acronym, a speech verb) an array of the Doc's attributes
finds those few at C speed. `doc.ents` builds every entity anew on each call: `entity_at` reads
the one entity around a token from its neighbours instead.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from functools import lru_cache
from typing import Generic, TypeVar

import numpy as np
from spacy.attrs import ORTH, SENT_START
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

# Token.ent_iob values: 1 inside an entity, 3 its first token (2 outside, 0 unset).
_INSIDE, _BEGIN = 1, 3
_HASHES = StringStore()  # a string's hash is the same in every vocabulary


def sentence_of_tokens(doc: Doc) -> list[int]:
    """The index in `doc.sents` of each token's sentence.

    `doc.sents` starts a sentence at token 0 and at every later token whose sent_start is 1; the
    same count, taken over the whole array at once.
    """
    if len(doc) == 0:
        return []
    starts = doc.to_array(SENT_START) == 1
    starts[0] = True
    return (np.cumsum(starts) - 1).tolist()


T = TypeVar("T")


class WordMemo(Generic[T]):
    """Something about words kept per process by their hash, which is the same in every vocabulary: words
    recur from article to article, and reading each in spaCy's StringStore again costs more than the
    rule that wants it. Started anew past `limit` words (a corpus of many distinct words)."""

    def __init__(self, of: Callable[[str], T], limit: int = 200_000) -> None:
        self.of = of
        self.limit = limit
        self.known: dict[int, T] = {}

    def table(self, hashes: Iterable[int], strings: StringStore) -> dict[int, T]:
        """The memo, holding every one of `hashes` (the words of `strings`)."""
        known = self.known
        if len(known) > self.limit:
            known = self.known = {}  # a new one: an article read in another thread keeps its own
        missing = set(hashes).difference(known)
        if missing:
            of = self.of
            known.update((h, of(strings[h])) for h in missing)
        return known


@lru_cache(maxsize=256)
def _hashes(texts: Collection[str]) -> frozenset[int]:
    return frozenset(_HASHES[t] for t in texts)


def positions_of(doc: Doc, texts: Collection[str], *, attr: int = ORTH) -> list[int]:
    """Indices, in order, of the tokens whose `attr` (ORTH: the exact text) is one of `texts`
    (a hashable collection: a tuple or a frozenset)."""
    wanted = _sorted_hashes(texts)
    if not len(wanted) or len(doc) == 0:
        return []
    return np.flatnonzero(among(doc.to_array(attr), wanted)).tolist()


@lru_cache(maxsize=256)
def _sorted_hashes(texts: Collection[str]) -> np.ndarray:
    """`_hashes(texts)` as a sorted array, for `among`."""
    return np.array(sorted(_hashes(texts)), dtype=np.uint64)


def among(values: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """`np.isin(values, wanted)` for `wanted` sorted (hashes of a word list, sorted once): a lookup of
    each value, where isin sorts both arrays again on every call, which costs several times more."""
    if not len(wanted):
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(wanted, values)
    at[at == len(wanted)] = 0
    return wanted[at] == values


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity of `doc.ents` that holds token i, or None."""
    start = i
    while start > 0 and doc[start].ent_iob == _INSIDE:
        start -= 1
    first = doc[start]
    if first.ent_iob != _BEGIN or first.ent_type == 0 or doc[i].ent_iob not in (_INSIDE, _BEGIN):
        return None
    end = i + 1
    while end < len(doc) and doc[end].ent_iob == _INSIDE:
        end += 1
    return Span(doc, start, end, label=first.ent_type)
