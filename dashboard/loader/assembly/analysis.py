"""Per-article analysis: a pure function of one parsed article and the pipeline settings.

Its result is what the on-disk cache keeps, and what a distributed run would compute per article;
everything that needs more than one article (merging actors, grouping events) happens afterwards.
"""
from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc

from dashboard.loader.actors.mentions import find_mentions
from dashboard.loader.actors.resolver import MentionIndex
from dashboard.loader.assembly.tables import ANALYSIS_VERSION, ArticleTables  # noqa: F401 - named here too
from dashboard.loader.events.extract import extract_events
from dashboard.loader.frames import frame
from dashboard.loader.quotes.extract import extract_quotes
from dashboard.loader.reading.sources import Article
from dashboard.loader.subjects.find import find_subjects


def sentence_table(doc: Doc) -> pd.DataFrame:
    """Sentences with character offsets, surrounding white space trimmed."""
    starts, ends, texts = [], [], []
    for sent in doc.sents:
        text = sent.text
        starts.append(sent.start_char + len(text) - len(text.lstrip()))
        ends.append(sent.start_char + len(text.rstrip()))
        texts.append(text.strip())
    # built column by column: a frame from a list of row dicts costs more than the rest of this step
    return frame({"sentence_id": list(range(len(texts))), "start": starts, "end": ends, "text": texts},
                 ["sentence_id", "start", "end", "text"])


def analyse(doc: Doc, article: Article) -> ArticleTables:
    """Sentences, actor mentions, quotes, events and subject mentions of one parsed article."""
    mentions = find_mentions(doc)
    index = MentionIndex(doc, mentions)  # read once, for the quotes' resolver and the events'
    return ArticleTables(
        article_id=article.article_id,
        sentences=sentence_table(doc),
        mentions=mentions,
        quotes=extract_quotes(doc, mentions, index=index),
        events=extract_events(doc, mentions, article.published, index=index),
        subject_mentions=find_subjects(doc),
    )
