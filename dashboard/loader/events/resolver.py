"""Who an event's participant is: the same resolver the quotes use, reached through one function.

Pronouns ("he", "it"), role nouns ("the minister", "the carmaker") and titles are resolved to the
article's actors exactly as a quote's speaker is. This module is the only place the events package
touches that resolver (dashboard/loader/actors/resolver.py).
"""
from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc, Token

from dashboard.loader.actors.resolver import MENTION_FIELDS, PRONOUN_KINDS, MentionIndex, Resolver
from dashboard.loader.frames import Columns, row_count


def make_resolver(doc: Doc, mentions: pd.DataFrame | Columns | None, quoted: list[tuple[int, int]],
                  sent_starts: list[int], *, index: MentionIndex | None = None) -> Resolver | None:
    """A resolver over `doc`'s actor mentions; None when the article names no actor.

    quoted: sorted character ranges between quotation marks (their names are never antecedents);
    sent_starts: the first token of each sentence; index: the article's mention index when the
    quotes built it already.
    """
    if mentions is None or not set(MENTION_FIELDS) <= set(mentions) or not row_count(mentions, MENTION_FIELDS):
        return None
    return Resolver(doc, mentions, quoted=quoted, sent_starts=sent_starts, index=index)


# Possessive pronouns stand for what their subject forms stand for: "its sales" as "it".
POSSESSIVES = {"its": "it", "their": "they", "his": "he", "her": "she"}


def actor_of(resolver: Resolver | None, token: Token) -> str | None:
    """The key of the actor the noun phrase headed by `token` names (a pronoun or role noun resolved), or None."""
    if resolver is None:
        return None
    if token.lower_ in POSSESSIVES and token.dep_ == "poss":
        return resolver.antecedent(token, PRONOUN_KINDS[POSSESSIVES[token.lower_]])
    return resolver.of_phrase(token, words=False).key
