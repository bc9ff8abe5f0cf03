"""Whole-article token arrays, read once, so that the rules visit only the tokens that matter.

Walking every token of a Doc in Python creates a Token object per word; for a rule that cares
about a handful of them ('(' before an acronym, a speech verb) an array of the Doc's attributes
finds those few at C speed.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.attrs import ORTH, SENT_START
from spacy.tokens import Doc


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


def positions_of(doc: Doc, texts: Iterable[str], *, attr: int = ORTH) -> list[int]:
    """Indices, in order, of the tokens whose `attr` (ORTH: the exact text) is one of `texts`."""
    wanted = [doc.vocab.strings[t] for t in texts]
    if not wanted or len(doc) == 0:
        return []
    values = doc.to_array(attr)
    return np.flatnonzero(np.isin(values, np.array(wanted, dtype=values.dtype))).tolist()
