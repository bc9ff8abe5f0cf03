"""Hiding speakers found in a way that is often wrong: a pure option of the quote panels."""
from __future__ import annotations

import pandas as pd

from dashboard.loader import schema
from dashboard.views.quotes import (
    UNCERTAIN_CONFIDENCE,
    UNCERTAIN_SPEAKER,
    filter_quotes,
    hide_uncertain_speakers,
    quote_table,
)


def _table() -> pd.DataFrame:
    actors = schema.cast(pd.DataFrame({
        "actor_id": ["boeing", "jim-albaugh"], "name": ["Boeing", "Jim Albaugh"],
        "kind": ["organization", "person"], "role": [None, "Chief Executive"], "affiliation_id": [None, "boeing"],
    }), "actors")
    articles = schema.cast(pd.DataFrame({"article_id": ["a1"], "title": ["Jets"], "published": ["2025-04-10"],
                                         "source": [None]}), "articles")
    quotes = schema.cast(pd.DataFrame({
        "quote_id": ["a1-q0", "a1-q1", "a1-q2"], "article_id": ["a1"] * 3, "sentence_id": [1, 2, 3],
        "kind": ["reported", "reported", "direct"],
        "text": ["orders rose", "demand stays strong", "We will deliver."], "cue": ["said"] * 3,
        "speaker_id": ["jim-albaugh", "jim-albaugh", "boeing"],
        "speaker_text": ["Jim Albaugh", "the chief executive", "the company"],
        "confidence": ["named", "title", "title"], "about_ids": [[], [], []],
        "start": [10, 40, 80], "end": [20, 60, 96],
    }), "quotes")
    return quote_table(quotes, actors, articles)


def test_uncertain_speakers_are_shown_as_uncertain_and_credited_to_no_one():
    assert "title" in UNCERTAIN_CONFIDENCE
    hidden = hide_uncertain_speakers(_table()).set_index("quote_id")
    assert hidden["speaker_name"].tolist() == ["Jim Albaugh", UNCERTAIN_SPEAKER, UNCERTAIN_SPEAKER]
    assert hidden["speaker_id"].isna().tolist() == [False, True, True]
    assert hidden.loc["a1-q1", "speaker_role"] is None or pd.isna(hidden.loc["a1-q1", "speaker_role"])
    by_boeing = filter_quotes(hidden.reset_index(), speaker_ids=["boeing"])
    assert by_boeing["quote_id"].tolist() == ["a1-q0"]  # Boeing's own uncertain quote is no longer Boeing's


def test_the_table_given_is_left_as_it_was():
    table = _table()
    before = table.copy()
    hide_uncertain_speakers(table)
    pd.testing.assert_frame_equal(table, before)
