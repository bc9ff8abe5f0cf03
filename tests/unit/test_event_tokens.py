"""The per-article reading the event rules share: the token view, sentence starts, quoted characters,
date-pattern gates and the mention index under the resolvers give what spaCy and the plain rules give."""
from __future__ import annotations

from itertools import pairwise

import pytest

from dashboard.loader.actors.mentions import find_mentions
from dashboard.loader.actors.resolver import MentionIndex, Resolver
from dashboard.loader.events import date_finder
from dashboard.loader.events.dating import quoted_chars, quoted_ranges, sentence_ids, sentence_starts
from dashboard.loader.events.tokens import DocView
from dashboard.loader.events.triggers import find_triggers

ARTICLE = (
    "Ford sells Volvo to Geely\n\n"
    "Ford Motor Co. said on Monday it had agreed to sell Volvo, which it bought in 1999, to Geely. "
    "\"We are pleased,\" said Lewis Booth, who runs Ford's European business. The talks, held in "
    "Gothenburg last week, ended a long search.\nMr Booth said he expected the deal to close by March 3, 2010."
)
ATTRIBUTES = ["i", "idx", "text", "whitespace_", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_",
              "ent_iob_", "is_punct", "is_space"]


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(ARTICLE)


def test_view_reads_every_token_as_spacy_does(doc):
    view = DocView(doc, sentence_starts(doc))
    assert view.text == doc.text
    for tok, seen in zip(doc, view, strict=True):
        assert [getattr(seen, a) for a in ATTRIBUTES] == [getattr(tok, a) for a in ATTRIBUTES]
        assert seen.head.i == tok.head.i
        for walk in ("children", "lefts", "rights", "subtree", "ancestors"):
            assert [t.i for t in getattr(seen, walk)] == [t.i for t in getattr(tok, walk)], walk
        assert (seen.left_edge.i, seen.right_edge.i) == (tok.left_edge.i, tok.right_edge.i)
        assert (seen.sent.start, seen.sent.end) == (tok.sent.start, tok.sent.end)


def test_view_spans_match_spacy_spans(doc):
    view = DocView(doc, sentence_starts(doc))
    assert [(s.start, s.end, s.text) for s in view.sents] == [(s.start, s.end, s.text) for s in doc.sents]
    for start, end in [(0, 3), (5, 12), (-4, None), (None, 2)]:
        ours, theirs = view[start:end], doc[start:end]
        assert (ours.start, ours.end, ours.text, ours.root.i) == (theirs.start, theirs.end, theirs.text, theirs.root.i)
    char = doc.text.index("Volvo")
    assert view.char_span(char, char + 3, alignment_mode="expand").text == "Volvo"


def test_view_one_object_per_token(doc):
    view = DocView(doc, sentence_starts(doc))
    verb = next(t for t in view if t.dep_ == "ROOT")
    assert all(child.head is verb for child in verb.children)


def test_release_unlinks_the_tokens(doc):
    view = DocView(doc, sentence_starts(doc))
    token = view[3]
    view.release()
    assert token.head is None and token.children == () and len(view) == 0


def test_sentence_ids_follow_doc_sents(doc):
    expected = [i for i, sent in enumerate(doc.sents) for _ in sent]
    assert sentence_starts(doc) == [s.start for s in doc.sents]
    assert sentence_ids(doc) == expected


@pytest.mark.parametrize("text", [
    'He said "yes" and “no” then left.',
    'An open "quote\nends at the line',
    "«Bonjour» — ”stray close” and \"unclosed",
    "'I just hit it,' Reid said. ‘It went in,’ he said of the fans' goal \"yes\".",
    "",
], ids=["pairs", "line-break", "odd-marks", "single-marks", "empty"])
def test_quoted_ranges_are_the_runs_of_quoted_chars(text):
    flags = quoted_chars(text)
    runs = quoted_ranges(text)
    assert [any(i <= k < j for i, j in runs) for k in range(len(text))] == flags
    assert all(j < i2 for (_, j), (i2, _) in pairwise(runs))  # separate, never touching


@pytest.mark.parametrize("text", [
    "It happened last week, three days ago, on 3/4/2009 and on 2009-01-02.",
    "Sales rose in the first quarter of 2008, in Q3 2007 and since '98.",
    "The talks resume next Tuesday morning, later this year or in the coming months.",
    "Nothing here but a plain sentence about trade.",
], ids=["relative", "quarters", "future", "none"])
def test_gated_patterns_find_what_every_pattern_finds(text):
    gated = set(map(id, date_finder._runs(text)))
    for finder in date_finder._FINDERS:
        found = [m.span() for m in finder.finditer(text)]
        assert found == [] or id(finder) in gated, finder.pattern[:60]


def test_resolvers_over_one_index_answer_as_their_own(doc):
    mentions = find_mentions(doc)
    index = MentionIndex(doc, mentions)
    quoted = [(doc.text.index('"'), doc.text.index('," said') + 1)]
    shared, own = Resolver(doc, mentions, quoted=quoted, index=index), Resolver(doc, mentions, quoted=quoted)
    assert shared.gender == own.gender and shared.by_name == own.by_name
    assert [m.key for m in shared.mentions] == [m.key for m in own.mentions]
    answers = [(shared.of_phrase(t), own.of_phrase(t)) for t in doc if t.pos_ in ("PRON", "PROPN", "NOUN")]
    assert all(a == b for a, b in answers)
    assert any(a.confidence == "pronoun" for a, _ in answers)  # "he", "it": through the learned index


@pytest.mark.parametrize("text", [
    "Talks were held in Geneva on Monday.",
    "The meeting, held in Gothenburg last week, ended a long search.",
], ids=["passive", "participle"])
def test_a_light_verb_after_its_noun_takes_it_once(nlp, text):
    doc = nlp(text)
    quoted = quoted_chars(doc.text)
    for parsed in (doc, DocView(doc, sentence_starts(doc))):
        noun = next(t for t in parsed if t.lower_ in ("talks", "meeting"))
        triggers = [(t.head.i, t.verb.i, t.light) for t in find_triggers(parsed, quoted) if t.head.i == noun.i]
        assert triggers == [(noun.i, noun.head.i if noun.dep_ == "nsubjpass" else next(
            c.i for c in noun.children if c.dep_ == "acl"), True)]
