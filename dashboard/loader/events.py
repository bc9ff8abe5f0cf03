"""Dated events: the clauses that say what happened, and the day, week, month or year it happened."""
from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc

EVENT_COLUMNS = ["sentence_id", "date", "precision", "date_text", "date_start", "date_rule", "tense", "summary",
                 "actor_keys", "place"]


def extract_events(doc: Doc, mentions: pd.DataFrame, published: pd.Timestamp | None) -> pd.DataFrame:
    """Events of one parsed article, dated against its publication date when it has one."""
    return pd.DataFrame(columns=EVENT_COLUMNS)
