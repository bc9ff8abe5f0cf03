"""Quotes and their speakers: direct quotations and reported speech."""
from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc

QUOTE_COLUMNS = ["sentence_id", "kind", "text", "cue", "speaker_key", "speaker_text", "confidence", "about_keys",
                 "start", "end"]


def extract_quotes(doc: Doc, mentions: pd.DataFrame) -> pd.DataFrame:
    """Quotes of one parsed article; `speaker_key` is a key of `mentions` or None."""
    return pd.DataFrame(columns=QUOTE_COLUMNS)
