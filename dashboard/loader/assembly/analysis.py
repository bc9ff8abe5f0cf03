"""Per-article analysis: a pure function of one parsed article and the pipeline settings.

Its result is what the on-disk cache keeps, and what a distributed run would compute per article;
everything that needs more than one article (merging actors, grouping events) happens afterwards.
"""
from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc

from dashboard.loader.actors.mentions import find_mentions, mention_columns  # noqa: F401 - find_mentions named here too
from dashboard.loader.actors.resolver import MentionIndex
from dashboard.loader.assembly.tables import ANALYSIS_VERSION, ArticleTables, table_frame  # noqa: F401 - named here too
from dashboard.loader.events.dating import sentence_starts
from dashboard.loader.events.extract import event_columns, extract_events  # noqa: F401
from dashboard.loader.events.tokens import DocView
from dashboard.loader.frames import Columns
from dashboard.loader.quotes.extract import extract_quotes, quote_columns  # noqa: F401
from dashboard.loader.reading.sources import Article
from dashboard.loader.subjects.find import find_subjects, subject_columns  # noqa: F401


def sentence_columns(doc: Doc | DocView) -> Columns:
    """Sentences with character offsets, surrounding white space trimmed, column by column (of a parse
    or of its view: the same sentences, the view's without spaCy joining each one's text from Tokens)."""
    starts, ends, texts = [], [], []
    for sent in doc.sents:
        text = sent.text
        starts.append(sent.start_char + len(text) - len(text.lstrip()))
        ends.append(sent.start_char + len(text.rstrip()))
        texts.append(text.strip())
    return {"sentence_id": list(range(len(texts))), "start": starts, "end": ends, "text": texts}


def sentence_table(doc: Doc) -> pd.DataFrame:
    """Sentences with character offsets, surrounding white space trimmed."""
    return table_frame("sentences", sentence_columns(doc))


def analyse(doc: Doc, article: Article) -> ArticleTables:
    """Sentences, actor mentions, quotes, events and subject mentions of one parsed article."""
    # The events' view of the parse, made first: its text is `doc.text`, which spaCy would join from
    # the tokens again for each step that reads it, and its sentences need no spaCy Span.
    view = DocView(doc, sentence_starts(doc))
    try:
        text = view.text if len(doc) else doc.text
        mentions = mention_columns(doc, text=text)
        index = MentionIndex(doc, mentions)  # read once, for the quotes' resolver and the events'
        quotes = quote_columns(doc, mentions, index=index, text=text)
        return ArticleTables(
            article_id=article.article_id,
            sentences=sentence_columns(view if len(doc) else doc),
            mentions=mentions,
            quotes=quotes,
            events=event_columns(doc, mentions, article.published, index=index, view=view, quotes=quotes),
            subject_mentions=subject_columns(doc),
        )
    finally:
        view.release()
