"""The array shortcuts the rules take must read a Doc, and type a table, exactly as the slow way does."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from spacy.attrs import LEMMA
from spacy.util import filter_spans

from dashboard.loader.actors.tokens import among, entity_at, positions_of, sentence_of_tokens
from dashboard.loader.frames import frame

TEXT = ("Turkey and Israel Hold Talks\nHakan Fidan, Turkey's foreign minister, said on Wednesday that the "
        "International Court of Justice (ICJ) would rule. Israeli officials declined to comment.\n\n"
        "The talks in Baku ended late.")


def test_sentence_of_each_token_is_its_sentence_in_doc_sents(nlp):
    doc = nlp(TEXT)
    assert sentence_of_tokens(doc) == [i for i, sent in enumerate(doc.sents) for _ in sent]


@pytest.mark.parametrize("words", [("say", "decline", "zzz"), ("Turkey",), ()], ids=["some", "one", "none"])
def test_among_marks_the_values_isin_marks(nlp, words):
    doc = nlp(TEXT)
    values = doc.to_array(LEMMA)
    wanted = np.sort(np.array([doc.vocab.strings.add(w) for w in words], dtype=np.uint64))
    assert among(values, wanted).tolist() == np.isin(values, wanted).tolist()


def test_sentences_of_an_empty_doc(nlp):
    assert sentence_of_tokens(nlp("")) == []


def test_positions_of_exact_words_and_of_lemmas(nlp):
    doc = nlp(TEXT)
    assert positions_of(doc, ("(", ")")) == [t.i for t in doc if t.text in ("(", ")")]
    assert positions_of(doc, frozenset({"say", "decline"}), attr=LEMMA) == [
        t.i for t in doc if t.lemma_ in ("say", "decline")]
    assert positions_of(doc, ("nowhere-in-the-text",)) == []


@pytest.mark.parametrize("force", [(), (("Hakan Fidan, Turkey", "ORG"),)], ids=["model", "entity-set-by-hand"])
def test_entity_at_each_token_is_the_one_doc_ents_holds(nlp, force):
    doc = nlp(TEXT)
    if force:
        spans = [doc.char_span(TEXT.index(p), TEXT.index(p) + len(p), label=label) for p, label in force]
        doc.ents = filter_spans([*spans, *doc.ents])
    for tok in doc:
        want = next(((e.start, e.end, e.label_) for e in doc.ents if e.start <= tok.i < e.end), None)
        got = entity_at(doc, tok.i)
        assert (got.start, got.end, got.label_) == want if got is not None else want is None, tok.text


@pytest.mark.parametrize("values", [
    pytest.param([3, 1, 2], id="whole-numbers"),
    pytest.param(["a", "b"], id="text"),
    pytest.param(["a", None], id="text-with-a-gap"),
    pytest.param([None, None], id="nothing"),
    pytest.param([1, None], id="numbers-with-a-gap"),
    pytest.param([1.5, 2], id="floats"),
    pytest.param([True, False], id="flags"),
    pytest.param(["a", 1], id="mixed"),
    pytest.param([["x"], []], id="lists"),
    pytest.param([np.nan, "a"], id="text-with-nan"),
])
def test_frame_types_columns_as_pandas_does(values):
    columns = {"n": list(range(len(values))), "v": values}
    pd.testing.assert_frame_equal(frame(columns, ["v", "n"]), pd.DataFrame(columns, columns=["v", "n"]))


def test_frame_without_rows_has_its_columns_untyped():
    pd.testing.assert_frame_equal(frame({"a": [], "b": []}, ["a", "b"]), pd.DataFrame([], columns=["a", "b"]))
