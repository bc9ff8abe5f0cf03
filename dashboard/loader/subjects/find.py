"""Subjects in one article: named things that are not actors but that a briefing follows.

Products ("Airbus A380", "iPhone"), market indexes ("Dow Jones Industrial Average", "Nikkei"),
currencies ("the euro", "USD"), laws and legal procedures ("Clean Air Act", "Chapter 11") and named
events ("the Olympics"). They never act or speak, so they are kept out of the actor tables; an
analyst can still follow one through a briefing.

Found by three kinds of evidence, strongest first: the word list in `actors/data/non_actors.csv`
(compiled once per vocabulary into a PhraseMatcher), token patterns for the classes the small model
misses (a maker's name followed by a model code, "... Act", "Chapter 11", "the euro"), and the
model's own PRODUCT, LAW and EVENT entities. Where two overlap, the longest span wins.

Each class of pattern runs only on an article holding the word it cannot match without (a law's
last word, a currency's name, a model code after a capitalised name): most articles hold none, and
a Matcher pass over every token costs more than the test.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from spacy.attrs import ENT_TYPE, IS_TITLE, LOWER, ORTH, POS
from spacy.matcher import Matcher, PhraseMatcher
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from dashboard.loader.actors.gazetteer import NON_ACTORS, fold
from dashboard.loader.actors.tokens import WordMemo, positions_of, sentence_of_tokens
from dashboard.loader.assembly.tables import SUBJECT_MENTION_COLUMNS, table_frame
from dashboard.loader.frames import Columns

# The word list's classes, as subject kinds; time zones are not followed.
_LIST_KINDS = {"market index": "index", "currency code": "currency", "product": "product"}
# The small model's PRODUCT entities are mostly people and slogans, so products come from the list and
# the patterns only; its LAW and EVENT entities are kept when they look like one (see _entity_fits).
_ENTITY_KINDS = {"LAW": "law", "EVENT": "event"}
_EVENT_HEADS = {"war", "games", "olympics", "cup", "summit", "crisis", "revolution", "championship", "election",
                "expo", "conference", "fair", "show", "attacks", "11th"}
# A currency named in words is a subject only with "the" or a nationality before it: "the euro rose",
# "the Japanese yen"; "50 euros" is an amount.
CURRENCY_WORDS = ("dollar", "euro", "yen", "yuan", "renminbi", "sterling", "pound sterling", "rupee", "ruble",
                  "rouble", "franc", "won", "peso", "real", "rand", "lira", "krona", "krone")
_LAW_HEADS = ("Act", "Bill", "Treaty", "Accord", "Accords", "Protocol", "Amendment", "Directive")
# Words a title-case run may start with that are not part of the name ("First Airbus A380" at the
# start of a sentence).
_LEADING = {"the", "a", "an", "first", "new", "latest", "last", "next", "his", "her", "its", "their"}
_TITLES = {"Director", "President", "Minister", "Secretary", "Chairman", "Senator", "Governor", "Mayor"}
_QUOTES = set("\"'“”‘’«»„")
# A model code: letters then digits (A380, F-35, MD-11), three or four digits (787, 747-400), or
# digits then letters (3G when after a product name).
_MODEL_CODE = r"^(?:[A-Z]{1,3}-?\d{1,4}[A-Za-z]?|\d{3,4}(?:-\d{1,3})?)$"
_CODE = re.compile(_MODEL_CODE)
# Whether the word of each hash read so far is a model code.
_IS_CODE: WordMemo[bool] = WordMemo(lambda word: _CODE.search(word) is not None)
_LAW_WORDS = (*_LAW_HEADS, "Chapter")  # a law pattern cannot match without one of these


@dataclass(frozen=True)
class _Matchers:
    """The word list, and one Matcher per class of pattern with the words that class needs."""

    phrases: PhraseMatcher
    product: Matcher
    law: Matcher
    currency: Matcher
    law_words: frozenset[int]       # ORTH hashes
    currency_words: frozenset[int]  # LOWER hashes


@lru_cache(maxsize=4)
def _matchers(vocab: Vocab) -> _Matchers:
    """The word list and the patterns, compiled once per vocabulary."""
    phrases = PhraseMatcher(vocab, attr="ORTH")
    with NON_ACTORS.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            kind = _LIST_KINDS.get(row["what"])
            if kind:
                phrases.add(kind, [Doc(vocab, words=_words(row["name"]))])
    product, law, currency = Matcher(vocab), Matcher(vocab), Matcher(vocab)
    product.add("product", [[{"POS": "PROPN", "IS_TITLE": True, "OP": "+"}, {"TEXT": {"REGEX": _MODEL_CODE}},
                              {"TEXT": "-", "SPACY": False, "OP": "?"}, {"IS_DIGIT": True, "OP": "?"}]])
    law.add("law", [
        [{"IS_TITLE": True, "POS": {"IN": ["PROPN", "ADJ", "NOUN"]}, "OP": "+"},
         {"LOWER": {"IN": ["and", "of", "-"]}, "OP": "?"},
         {"IS_TITLE": True, "OP": "*"}, {"TEXT": {"IN": list(_LAW_HEADS)}}, {"POS": "PROPN", "OP": "!"}],
        [{"TEXT": "Chapter"}, {"TEXT": {"IN": ["7", "9", "11", "13", "15"]}}],
    ])
    words = [w for w in CURRENCY_WORDS if " " not in w]
    currency.add("currency", [
        [{"LOWER": "the"}, {"POS": {"IN": ["ADJ", "PROPN"]}, "IS_TITLE": True, "OP": "?"}, {"LOWER": {"IN": words}}],
        [{"LOWER": "the"}, {"TEXT": {"IN": ["U.S.", "US", "Hong", "Kong", "Canadian", "Australian"]}, "OP": "+"},
         {"LOWER": {"IN": words}}],
        [{"LOWER": "pound"}, {"LOWER": "sterling"}],
    ])
    return _Matchers(phrases, product, law, currency,
                     law_words=frozenset(vocab.strings[w] for w in _LAW_WORDS),
                     currency_words=frozenset(vocab.strings[w] for w in (*words, "pound")))


def _pattern_matches(doc: Doc, m: _Matchers) -> list[tuple[int, int, int]]:
    """Matches of the patterns whose needed words the article holds (the order of matches does not
    matter: `_longest_first` orders them)."""
    found = []
    orth = doc.to_array(ORTH).tolist()
    if _may_find_product(doc, orth):
        found += m.product(doc)
    if not m.law_words.isdisjoint(orth):
        found += m.law(doc)
    if not m.currency_words.isdisjoint(doc.to_array(LOWER).tolist()):
        found += m.currency(doc)
    return found


def _may_find_product(doc: Doc, orth: list[int]) -> bool:
    """Whether the product pattern can match a span `_maker_then_code` keeps: the pattern needs a
    model code right after a capitalised proper name, and `_maker_then_code` a code (that one, or
    a number after it) that is no year and follows a word of no entity, an ORG or a PRODUCT."""
    strings = doc.vocab.strings
    words = set(orth)
    known = _IS_CODE.table(words, strings)
    codes = {h for h in words if known[h]}
    at = [i for i, h in enumerate(orth) if i > 0 and h in codes]
    if not at:
        return False
    before = doc.to_array([POS, IS_TITLE, ENT_TYPE])[np.array(at) - 1]
    if not ((before[:, 0] == PROPN) & (before[:, 1] == 1)).any():
        return False
    makers = {0, strings["ORG"], strings["PRODUCT"]}
    return any(not _is_year(strings[orth[i]]) and ent in makers for i, ent in zip(at, before[:, 2].tolist()))


def _is_year(code: str) -> bool:
    return code.isdigit() and 1800 <= int(code) <= 2100


def _words(name: str) -> list[str]:
    return re.findall(r"\w+(?:[.&'-]\w+)*\.?|[^\w\s]", name)


def find_subjects(doc: Doc) -> pd.DataFrame:
    """Subject mentions of one parsed article, one row per span, with a within-article `key`."""
    return table_frame("subject_mentions", subject_columns(doc))


def subject_columns(doc: Doc) -> Columns:
    """`find_subjects`' table column by column (columns SUBJECT_MENTION_COLUMNS)."""
    matchers = _matchers(doc.vocab)
    found: list[tuple[int, int, str, int]] = []  # start, end, kind, strength
    for match_id, start, end in matchers.phrases(doc):
        found.append((start, end, doc.vocab.strings[match_id], 3))
    for match_id, start, end in _pattern_matches(doc, matchers):
        kind = doc.vocab.strings[match_id]
        span = doc[start:end]
        if kind == "currency" and span[0].lower_ == "the":
            start += 1
        if kind == "product" and not _maker_then_code(span):
            continue
        if kind == "product" and span[-1].text == "-":
            end -= 1
        if kind == "law":
            end -= 1  # the pattern's last token only checks that no name follows ("Bill Clinton")
            if any(tok.ent_type_ == "PERSON" or tok.text in _TITLES for tok in doc[start:end]):
                continue
        found.append((start, end, kind, 2))
    for ent in doc.ents:
        kind = _ENTITY_KINDS.get(ent.label_)
        if kind and _entity_fits(ent, kind):
            found.append((ent.start + (ent[0].lower_ == "the"), ent.end, kind, 1))
    found += _codes_again(doc, found)
    spans = _longest_first(found)
    sentence_of = sentence_of_tokens(doc) if spans else []
    columns: dict[str, list] = {c: [] for c in SUBJECT_MENTION_COLUMNS}
    for start, end, kind in spans:
        while start < end and (doc[start].lower_ in _LEADING or doc[start].is_punct):
            start += 1
        while end > start and doc[end - 1].is_punct:
            end -= 1
        span = doc[start:end]
        text = span.text.strip()
        if len(text) < 2 or any(c in _QUOTES for c in text) or not any(c.isalpha() or c.isdigit() for c in text):
            continue
        if kind == "product" and start > 0 and doc[start - 1].lower_ == "flight" or "Flight" in text.split():
            kind = "event"  # a numbered flight is what happened to it, not a product
        for column, value in (("sentence_id", sentence_of[start]), ("start", span.start_char),
                              ("end", span.start_char + len(text)), ("text", text), ("kind", kind)):
            columns[column].append(value)
    columns["key"] = _keys(columns["text"], columns["kind"]) if columns["text"] else []
    return columns


def _entity_fits(ent: Span, kind: str) -> bool:
    """A LAW entity names a law ('Clean Air Act', 'Chapter 11'); an EVENT entity names an event
    ('World War II', 'Beijing Olympic Games'), not a bare 'Year' or 'Century'."""
    words = {tok.lower_ for tok in ent}
    if kind == "law":
        return ent[-1].text in _LAW_HEADS or ent[0].text == "Chapter"
    return bool(words & _EVENT_HEADS) or ent[-1].lower_ == "11"


def _maker_then_code(span: Span) -> bool:
    """'Airbus A380', 'Boeing 787': a proper name before a model code, the name not a month or a
    title ('March 2008', 'President 2'), and the code not a year."""
    code_at = next(i for i in range(len(span) - 1, -1, -1) if re.match(_MODEL_CODE, span[i].text))
    if code_at == 0:
        return False
    if _is_year(span[code_at].text):
        return False
    return span[code_at - 1].ent_type_ in ("ORG", "PRODUCT", "")


def _codes_again(doc: Doc, found: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    """A model code on its own ('the first A380') where the article named it with its maker before."""
    codes = {doc[end - 1].text for start, end, kind, _ in found
             if kind == "product" and end - start > 1 and re.match(_MODEL_CODE, doc[end - 1].text)
             and not doc[end - 1].text.isdigit()}
    return [(i, i + 1, "product", 1) for i in positions_of(doc, frozenset(codes))] if codes else []


def _longest_first(found: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str]]:
    """Non-overlapping spans: longer first, then stronger evidence."""
    taken: set[int] = set()
    keep = []
    for start, end, kind, _strength in sorted(found, key=lambda f: (-(f[1] - f[0]), -f[3], f[0])):
        if start >= end or any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        keep.append((start, end, kind))
    return sorted(keep)


def _keys(texts: list[str], kinds: list[str]) -> list[str]:
    """One key per subject in the article: a short form joins the one longer form of the same kind that
    ends with it ('A380' -> 'Airbus A380'); forms differing only in case or 'the' are one."""
    forms = [fold(t) for t in texts]
    keys = []
    for form, kind in zip(forms, kinds):
        longer = {f for f, k in zip(forms, kinds) if k == kind and f != form and f.endswith(" " + form)}
        keys.append(longer.pop() if len(longer) == 1 else form)
    return keys
