"""Who an event's participant is: the same resolver the quotes use, reached through one function.

Pronouns ("he", "it"), role nouns ("the minister", "the carmaker") and titles are resolved to the
article's actors exactly as a quote's speaker is. This module is the only place the events package
touches that resolver, so moving it means changing the import below and nothing else.
"""
from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc, Token

from dashboard.loader.quotes.cues import PRONOUN_KINDS
from dashboard.loader.quotes.speakers import Speakers

# The mention fields the resolver reads, in its order.
MENTION_FIELDS = ["start", "end", "key", "kind", "role", "affiliation_key"]


def make_resolver(doc: Doc, mentions: pd.DataFrame, quoted: list[tuple[int, int]],
                  sent_starts: list[int]) -> Speakers | None:
    """A resolver over `doc`'s actor mentions; None when the article names no actor.

    quoted: sorted character ranges between quotation marks (their names are never antecedents);
    sent_starts: the first token of each sentence.
    """
    if mentions is None or mentions.empty or not set(MENTION_FIELDS) <= set(mentions.columns):
        return None
    records = sorted(zip(*(mentions[c].tolist() for c in MENTION_FIELDS)), key=lambda r: (r[0], r[1]))
    return Speakers(doc, records, quoted, sent_starts)


# Possessive pronouns stand for what their subject forms stand for: "its sales" as "it".
POSSESSIVES = {"its": "it", "their": "they", "his": "he", "her": "she"}


def actor_of(resolver: Speakers | None, token: Token) -> str | None:
    """The key of the actor the noun phrase headed by `token` names (a pronoun or role noun resolved), or None."""
    if resolver is None:
        return None
    if token.lower_ in POSSESSIVES and token.dep_ == "poss":
        return resolver.antecedent(token, PRONOUN_KINDS[POSSESSIVES[token.lower_]])
    return resolver.of_phrase(token).key
