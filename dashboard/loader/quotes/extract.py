"""Quotes and their speakers: direct quotations and reported speech, as the quotes table's rows.

Direct quotes come from paired quotation marks (marks.py) and take the speaker of the cue that governs
or frames them (direct.py); reported speech comes from speech verbs with a clause or object
(reported.py, the lexicon in cues.py); who a cue's subject stands for is the shared resolver's
business (actors/resolver.py). Each quote and each cue is worked out on its own, so a malformed one
costs that quote, never the article.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right

import numpy as np
import pandas as pd
from spacy.attrs import IDX, LEMMA, LOWER, POS, SENT_START
from spacy.strings import hash_string
from spacy.symbols import NOUN, VERB
from spacy.tokens import Doc, Token

from dashboard.loader.actors.resolver import MENTION_FIELDS, MentionIndex, Resolver, Speaker, inside
from dashboard.loader.actors.tokens import among
from dashboard.loader.assembly.tables import QUOTE_COLUMNS, table_frame
from dashboard.loader.frames import Columns, column_values
from dashboard.loader.quotes.cues import (
    ACT_OBJECTS,
    ACT_PREPS,
    ADDRESSEE_VERBS,
    FURNITURE_LABELS,
    FURNITURE_LINES,
    NAMING_VERBS,
    NO_DOUBLE_OBJECT,
    PARTICLE_NEEDED,
    PHRASE_NEEDED,
    PLANS,
    QUOTING_VERBS,
    REFUSALS,
    SPEECH_VERBS,
    SUBJECT_NEEDED,
)
from dashboard.loader.quotes.direct import DirectQuotes
from dashboard.loader.quotes.marks import QuoteSpan, find_quote_spans
from dashboard.loader.quotes.reported import ReportedSpeech
from dashboard.loader.quotes.speakers import CueSpeakers
from dashboard.loader.reading.datelines import find_dateline
from dashboard.loader.vocabulary import DOUBLE_MARKS, DOUBLE_TYPEWRITER

log = logging.getLogger(__name__)

# sorted, for `among`
CUE_HASHES = np.sort(np.array([hash_string(w) for w in SPEECH_VERBS | NAMING_VERBS | QUOTING_VERBS], dtype=np.uint64))
ACCORDING = hash_string("according")
# Forms of speech verbs that are nouns too, which the tagger may read as one: 'the statement read: "..."'.
MISTAGGED_CUES = frozenset({"read", "reads", "states", "says", "notes", "claims", "adds", "writes", "reports"})


def extract_quotes(doc: Doc, mentions: pd.DataFrame | Columns, *, index: MentionIndex | None = None) -> pd.DataFrame:
    """Quotes of one parsed article; `speaker_key` is a key of `mentions` or None. index: the article's
    mention index, when the events share it."""
    return table_frame("quotes", quote_columns(doc, mentions, index=index))


def quote_columns(doc: Doc, mentions: pd.DataFrame | Columns, *, index: MentionIndex | None = None,
                  text: str | None = None) -> Columns:
    """`extract_quotes`' table column by column (columns QUOTE_COLUMNS). text: `doc.text`, when the caller
    has it."""
    text = doc.text if text is None else text  # built from the tokens on each access: read it once
    try:
        article = ArticleQuotes(doc, text, mentions, find_quote_spans(text), index)
        quotes = DirectQuotes(article)
        direct = quotes.find()
    except Exception:  # the per-quote guards make this unreachable in practice; an article never fails
        log.warning("quotes skipped for an article of %d characters", len(text), exc_info=True)
        return {c: [] for c in QUOTE_COLUMNS}
    article.direct_ranges = sorted((r["start"], r["end"]) for r in direct)
    reported = ReportedSpeech(article).find()
    direct += quotes.headline_quotes(direct, reported) + quotes.fragments_in_reports(direct, reported)
    rows = sorted(direct + reported, key=lambda r: (r["start"], r["kind"]))
    return {c: [r.get(c) for r in rows] for c in QUOTE_COLUMNS}


class ArticleQuotes:
    """What the quote rules share about one article: its parse, quote spans, cues and speakers."""

    def __init__(self, doc: Doc, text: str, mentions: pd.DataFrame | Columns, spans: list[QuoteSpan],
                 index: MentionIndex | None = None) -> None:
        self.doc = doc
        self.text = text
        self.furniture = furniture_lines(text)
        self.dateline = find_dateline(text)
        spans = [s for s in spans if not inside(self.furniture, s.start)]
        self.spans = spans
        # Where each quotation's opening mark stands: a mark there begins a quote, never closes one.
        self.opening_marks = {s.opening for s in spans}
        self.marks = self.opening_marks | {s.closing for s in spans}
        arr = doc.to_array([LEMMA, POS, LOWER, IDX, SENT_START])
        self.token_starts = arr[:, 3].astype(np.int64).tolist()
        self.sent_starts = sorted({0, *np.nonzero(arr[:, 4].astype(np.int64) == 1)[0].tolist()})
        quoted = sorted((s.start, s.end) for s in spans)
        records = sorted(zip(*(column_values(mentions, c) for c in MENTION_FIELDS)), key=lambda r: (r[0], r[1]))
        self.resolver = Resolver(doc, records, quoted=quoted, sent_starts=self.sent_starts, index=index)
        self.cue_speakers = CueSpeakers(self.resolver, dateline=self.dateline)
        newline = text.find("\n")
        self.title_end = newline if newline != -1 and text[newline:].strip() else -1
        speech = among(arr[:, 0], CUE_HASHES)
        candidates = np.nonzero(speech & (arr[:, 1] == VERB))[0].tolist()
        # 'a statement from the ROP read: "..."': a speech verb the tagger took for a noun, heading its sentence
        # with a subject of its own
        candidates += [i for i in np.nonzero(speech & (arr[:, 1] == NOUN))[0].tolist()
                       if doc[i].dep_ == "ROOT" and doc[i].lower_ in MISTAGGED_CUES
                       and any(c.dep_ == "nsubj" for c in doc[i].children)]
        self.cues = {i for i in candidates
                     if not _negated(doc[i]) and not inside(quoted, doc[i].idx) and speech_sense(doc[i])
                     and not inside(self.furniture, doc[i].idx)}
        self.according: dict[int, Token] = {}
        for i in np.nonzero(arr[:, 2] == ACCORDING)[0].tolist():
            to = next((c for c in doc[i].children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is not None and not inside(quoted, doc[i].idx):
                self.according[i] = obj
        self.mention_starts = [r[0] for r in records]
        self.mention_rows = [(r[1], r[2]) for r in records]
        self.direct_ranges: list[tuple[int, int]] = []
        # Resolve in text order, so a title or pronoun resolved early can stand for a later pronoun.
        for i in sorted(self.cues | set(self.according)):
            self.speaker_of_cue(doc[i])

    # -- shared helpers ------------------------------------------------------------------------

    def is_mark(self, tok: Token) -> bool:
        """Whether a token is a quotation mark: one that opens or closes a quote, or any double mark."""
        return tok.idx in self.marks or tok.text in DOUBLE_MARKS or tok.text in DOUBLE_TYPEWRITER

    def sentence_of(self, i: int) -> int:
        """Index of the sentence holding token `i`."""
        return bisect_right(self.sent_starts, i) - 1

    def speaker_of_cue(self, cue: Token) -> Speaker:
        """Who speaks through a cue: a verb's subject, or the X of 'according to X'."""
        if cue.i in self.according:
            return self.resolver.of_phrase(self.according[cue.i])
        return self.cue_speakers.of_verb(cue)

    def cue_text(self, cue: Token) -> str:
        return "according to" if cue.i in self.according else cue.text

    def about(self, start: int, end: int, speaker: str | None) -> list[str]:
        """Keys of the actors mentioned between `start` and `end`, the speaker left out."""
        keys: list[str] = []
        for i in range(bisect_left(self.mention_starts, start), bisect_left(self.mention_starts, end)):
            m_end, key = self.mention_rows[i]
            if m_end <= end and key != speaker and key not in keys:
                keys.append(key)
        return keys

    def row(self, kind: str, sentence: int, start: int, end: int, cue: str | None, speaker: Speaker) -> dict:
        """One row of the quotes table."""
        return {"sentence_id": sentence, "kind": kind, "text": self.text[start:end], "cue": cue,
                "speaker_key": speaker.key, "speaker_text": speaker.text, "confidence": speaker.confidence,
                "about_keys": self.about(start, end, speaker.key), "start": start, "end": end}


FURNITURE = re.compile(
    r"^[ \t]*(?:(?:" + "|".join(map(re.escape, FURNITURE_LABELS)) + r")[ \t]*:.*"
    r"|(?:" + "|".join(map(re.escape, FURNITURE_LINES)) + r")[ \t.:]*)$", re.IGNORECASE | re.MULTILINE)
# A picture's caption or credit: '... Photograph: Dominic Lipinski/PA', 'Sean Kilpatrick / Canadian Press files'.
CAPTION = re.compile(
    r"^[^\n]*\b(?:Photograph|Photo|Picture|Image|Illustration|Credit)s?:[^\n]*$"
    r"|^[ \t]*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3} ?/ ?[A-Z][\w.&'’ ]{1,40}$", re.MULTILINE)


def furniture_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines that are page furniture ('READ MORE: ...', 'Advertisement', a photo's
    caption or credit)."""
    return sorted([(m.start(), m.end()) for m in FURNITURE.finditer(text)]
                  + [(m.start(), m.end()) for m in CAPTION.finditer(text)])


def speech_sense(verb: Token) -> bool:
    """Whether a speech verb is used in a sense that reports words (cues.py lists the senses that do not:
    'pointed to', 'claimed the title', 'denied the visitors a goal', 'reports to the board')."""
    lemma = verb.lemma_
    if verb.dep_ == "xcomp" and verb.head.lemma_ in REFUSALS | PLANS:
        return False  # "declined to comment", "was unable to explain why", "is expected to report"
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "xcomp" and first.head.lemma_ in ADDRESSEE_VERBS and first.head.lemma_ in SPEECH_VERBS:
        return False  # "urged residents to stay alert and report anything suspicious": an act asked of others
    children = list(verb.children)
    if lemma in PARTICLE_NEEDED and not any(c.dep_ == "prt" and c.lower_ in PARTICLE_NEEDED[lemma] for c in children):
        return False
    if lemma in SUBJECT_NEEDED:
        # '"...," read the statement' is inverted after the quote, and the parser takes the text for an object
        inverted = verb.i > 0 and verb.doc[verb.i - 1].is_punct
        if not any((c.dep_ in ("nsubj", "nsubjpass") or inverted and c.dep_ == "dobj")
                   and c.lemma_.casefold() in SUBJECT_NEEDED[lemma] for c in children):
            return False
    if lemma in PHRASE_NEEDED:
        obj, prep = PHRASE_NEEDED[lemma]
        if not (any(c.dep_ == "dobj" and c.lower_ == obj for c in children)
                and any(c.dep_ == "prep" and c.lower_ == prep for c in children)):
            return False
    if lemma in ACT_OBJECTS and any(c.dep_ in ("dobj", "prt") and c.lemma_.casefold() in ACT_OBJECTS[lemma]
                                    for c in children):
        return False
    if lemma in NO_DOUBLE_OBJECT and any(c.dep_ in ("dative", "nsubjpass") for c in children) \
            and any(c.dep_ == "dobj" for c in children):
        return False  # 'denied the visitors a goal', 'was denied a penalty': a thing withheld
    clause = any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in children)
    return not (lemma in ACT_PREPS and not clause
                and any(c.dep_ == "prep" and c.lower_ in ACT_PREPS[lemma] for c in children))


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)
