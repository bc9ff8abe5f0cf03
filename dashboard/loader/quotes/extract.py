"""Quotes and their speakers: direct quotations and reported speech.

Direct quotes come from paired quotation marks and take the speaker of the cue that governs or frames
them (quote_marks.py); reported speech comes from speech verbs with a clause or object (the lexicon is
in cues.py); speakers are resolved over the article's actor mentions (speakers.py). Each quote and
each cue is worked out on its own, so a malformed one costs that quote, never the article.
"""
from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right

import numpy as np
import pandas as pd
from spacy.attrs import IDX, LEMMA, LOWER, POS, SENT_START
from spacy.strings import hash_string
from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from dashboard.loader.quotes.cues import (ADDRESSEE_VERBS, CLAUSE_ONLY, CONTENT_PREPS, NAMING_VERBS, QUOTING_VERBS, SOURCE_NOUNS,
                   SOURCE_PRONOUNS, SPEECH_VERBS, TIME_MARKS)
from dashboard.loader.quotes.marks import DirectQuotes, QuoteSpan, find_quote_spans
from dashboard.loader.quotes.speakers import RELATIVE, Speaker, Speakers, inside

log = logging.getLogger(__name__)

QUOTE_COLUMNS = ["sentence_id", "kind", "text", "cue", "speaker_key", "speaker_text", "confidence", "about_keys",
                 "start", "end"]
MENTION_FIELDS = ["start", "end", "key", "kind", "role", "affiliation_key"]
# Dependents after a speech verb that still belong to its report.
TRAILING = frozenset({"prep", "npadvmod", "advmod", "dobj", "dative", "ccomp", "xcomp", "oprd", "agent", "attr"})
# Share of a report's words inside direct quotes above which the report is those quotes.
MOSTLY = 0.8
CUE_HASHES = np.array([hash_string(w) for w in SPEECH_VERBS | NAMING_VERBS | QUOTING_VERBS], dtype=np.uint64)
ACCORDING = hash_string("according")


def extract_quotes(doc: Doc, mentions: pd.DataFrame) -> pd.DataFrame:
    """Quotes of one parsed article; `speaker_key` is a key of `mentions` or None."""
    text = doc.text  # built from the tokens on each access: read it once
    try:
        article = ArticleQuotes(doc, text, mentions, find_quote_spans(text))
        direct = DirectQuotes(article).find()
    except Exception:  # the per-quote guards make this unreachable in practice; an article never fails
        log.warning("quotes skipped for an article of %d characters", len(text), exc_info=True)
        return pd.DataFrame(columns=QUOTE_COLUMNS)
    article.direct_ranges = sorted((r["start"], r["end"]) for r in direct)
    rows = sorted(direct + article.reported_speech(), key=lambda r: (r["start"], r["kind"]))
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


class ArticleQuotes:
    """What the quote rules share about one article: its parse, quote spans, cues and speakers."""

    def __init__(self, doc: Doc, text: str, mentions: pd.DataFrame, spans: list[QuoteSpan]) -> None:
        self.doc = doc
        self.text = text
        self.spans = spans
        arr = doc.to_array([LEMMA, POS, LOWER, IDX, SENT_START])
        self.token_starts = arr[:, 3].astype(np.int64).tolist()
        self.sent_starts = sorted({0, *np.nonzero(arr[:, 4].astype(np.int64) == 1)[0].tolist()})
        quoted = sorted((s.start, s.end) for s in spans)
        records = sorted(zip(*(mentions[c].tolist() for c in MENTION_FIELDS)), key=lambda r: (r[0], r[1]))
        self.speakers = Speakers(doc, records, quoted, self.sent_starts)
        newline = text.find("\n")
        self.title_end = newline if newline != -1 and text[newline:].strip() else -1
        candidates = np.nonzero(np.isin(arr[:, 0], CUE_HASHES) & (arr[:, 1] == VERB))[0].tolist()
        self.cues = {i for i in candidates if not _negated(doc[i]) and not inside(quoted, doc[i].idx)}
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

    def sentence_of(self, i: int) -> int:
        """Index of the sentence holding token `i`."""
        return bisect_right(self.sent_starts, i) - 1

    def speaker_of_cue(self, cue: Token) -> Speaker:
        """Who speaks through a cue: a verb's subject, or the X of 'according to X'."""
        if cue.i in self.according:
            return self.speakers.of_phrase(self.according[cue.i])
        return self.speakers.of_verb(cue)

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

    # -- reported speech -----------------------------------------------------------------------

    def reported_speech(self) -> list[dict]:
        """Rows of reported speech: a speech verb or 'according to' with what it reports."""
        rows = []
        for i in sorted(self.cues | set(self.according)):
            cue = self.doc[i]
            if i not in self.according and cue.lemma_ not in SPEECH_VERBS or cue.idx < self.title_end:
                continue  # a headline restates what the body reports with its speaker
            try:
                content = self.according_content(cue) if i in self.according else content_of(cue, self.direct_ranges)
                if content is None:
                    continue
                start, end = content
                if self.mostly_quoted(start, end):
                    continue  # its words are a direct quote already
                speaker = self.speaker_of_cue(cue)
                if speaker.key is None and not self.could_speak(cue):
                    continue  # "the plane promises ...": a thing, not a source
                rows.append(self.row("reported", self.sentence_of(i), start, end, self.cue_text(cue), speaker))
            except Exception:  # a cue the rules cannot read is skipped, never the article
                log.debug("cue at %d skipped", i, exc_info=True)
        return rows

    def could_speak(self, cue: Token) -> bool:
        """Whether an unresolved subject still names a source: 'analysts said', 'he said', 'a report said'."""
        subject = self.according.get(cue.i) if cue.i in self.according else self.speakers.subjects.get(cue.i)
        if subject is None:
            return False
        if subject.lower_ in RELATIVE and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "analysts, who had forecast"
        return subject.lower_ in SOURCE_PRONOUNS or subject.lemma_.casefold() in SOURCE_NOUNS

    def mostly_quoted(self, start: int, end: int) -> bool:
        covered = sum(max(0, min(end, e) - max(start, s)) for s, e in self.direct_ranges)
        return covered >= MOSTLY * (end - start)

    def according_content(self, tok: Token) -> tuple[int, int] | None:
        """'According to X, <content>' or '<content>, according to X'."""
        head = tok.head
        if head.i == tok.i:
            return None
        lo, hi = head.left_edge.i, head.right_edge.i
        before, after = tok.left_edge.i - lo, hi - tok.right_edge.i
        if after >= before:
            return _char_range(self.doc, tok.right_edge.i + 1, hi)
        return _char_range(self.doc, lo, tok.left_edge.i - 1)


def content_of(verb: Token, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Character range of what a speech verb reports: its clause, object or content preposition, or,
    for a verb set after its clause ('..., the ministry announced'), that clause."""
    lemma = verb.lemma_
    parts: list[Token] = []
    objects: list[Token] = []
    for child in verb.children:
        dep = child.dep_
        if dep in ("ccomp", "xcomp", "oprd", "attr"):
            parts.append(child)
        elif dep in ("dobj", "dative"):
            if child.tag_ in ("WP", "WDT"):
                return None  # "what it described as ...": it names a thing, the name is the report
            objects.append(child)
        elif dep == "prep" and child.lower_ in CONTENT_PREPS.get(lemma, ()):
            parts.append(child)
        elif dep in ("advcl", "conj") and _that_clause(child):
            parts.append(child)  # "announced X, and, to everyone's surprise, that Y"
        if dep in ("prep", "npadvmod") and child.i > verb.i:
            # "announced Monday in a memo that he would ...": the parser hung the clause on the memo
            parts += [d for d in child.subtree if d.dep_ in ("relcl", "acl") and _that_clause(d)]
    if lemma == "call":  # "called for", "called on X to": calling a thing a name is not a report
        if not any(p.dep_ == "prep" for p in parts):
            return None
        objects = []
    if lemma in CLAUSE_ONLY:
        if objects:
            return None  # "can add applications to the store": an act, whatever the parser hung on it
        parts = [p for p in parts if p.dep_ in ("ccomp", "advcl", "prep")]
    if lemma in ADDRESSEE_VERBS and not parts:
        objects = []  # "told reporters": whom, not what
    content = parts + objects
    doc = verb.doc
    if not content:
        return _parenthetical(verb, quoted)
    if any(inside(quoted, c.idx) for c in content):
        return None  # '"...," Trump told Netanyahu': the report is the direct quote itself
    lo = min(c.left_edge.i for c in content)
    hi = max(c.right_edge.i for c in content)
    if lo > verb.i:
        # What follows the verb is the report, with its time and place ("announced Monday that ...")
        # but without an inverted subject ("said Jobs") or a clause of its own (", asserting that").
        lo = verb.i + 1
        for child in verb.rights:
            if child.dep_ == "nsubj" and child.left_edge.i <= lo:
                lo = child.right_edge.i + 1
            elif child.dep_ in TRAILING and child.i > hi:
                hi = child.right_edge.i
    if verb.dep_ == "csubj" and verb.head.i > verb.i:
        hi = max(hi, verb.head.right_edge.i)  # "stating its forces will stay": the tagger split the clause
    return _char_range(doc, lo, hi)


def _that_clause(tok: Token) -> bool:
    # "that" as a relative pronoun is a subject or object; as a mark it opens a reported clause
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _parenthetical(verb: Token, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A speech verb set beside its clause: '..., the ministry announced' or 'His plan, he stated, was ...'."""
    head = verb.head
    if inside(quoted, head.idx):
        return None
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if (verb.dep_ not in ("advcl", "parataxis", "ccomp") or head.pos_ not in ("VERB", "AUX") or marks & TIME_MARKS
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
        return None
    if verb.dep_ == "ccomp" and head.i < verb.i:
        return None  # 'Fidan said we will respond': the verb is what was said, not who said it
    if head.i < verb.i:
        return _char_range(verb.doc, head.left_edge.i, verb.left_edge.i - 1)
    return _char_range(verb.doc, verb.right_edge.i + 1, head.right_edge.i)


def _char_range(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Characters of tokens lo..hi, without the punctuation, white space or 'that' at either edge."""
    while lo <= hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].lower_ == "that" and doc[lo].dep_ == "mark"):
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if lo > hi:
        return None
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


