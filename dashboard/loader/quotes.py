"""Quotes and their speakers: direct quotations and reported speech.

Direct quotes come from paired quotation marks (quote_marks.py) and take the speaker of the speech
verb that governs or frames them; reported speech comes from speech verbs with a clause or object
(cues.py); speakers are resolved over the article's actor mentions (speakers.py). Each quote is
worked out on its own, so a malformed one costs that quote, never the article.
"""
from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import numpy as np
import pandas as pd
from spacy.attrs import IDX, LEMMA, LOWER, POS
from spacy.strings import hash_string
from spacy.symbols import VERB as VERB_SYMBOL
from spacy.tokens import Doc, Token

from .cues import (ADDRESSEE_VERBS, CLAUSE_ONLY, CONTENT_PREPS, NAMING_VERBS, QUOTE_MARK_CHARS, SOURCE_NOUNS,
                   SPEECH_VERBS, TIME_MARKS)
from .quote_marks import QuoteSpan, find_quote_spans
from .speakers import NOBODY, Speaker, Speakers

log = logging.getLogger(__name__)

QUOTE_COLUMNS = ["sentence_id", "kind", "text", "cue", "speaker_key", "speaker_text", "confidence", "about_keys",
                 "start", "end"]
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Small words a quoted title may hold in lower case: "Butcher of Gaza", "Back to the Mac".
MINOR_WORDS = frozenset({"of", "the", "a", "an", "and", "to", "for", "in", "on", "at", "by", "with", "or"})
# Dependents after a speech verb that still belong to its report.
TRAILING = frozenset({"prep", "npadvmod", "advmod", "dobj", "dative", "ccomp", "xcomp", "oprd", "agent", "attr"})
# How many steps up the parse a cue may stand from the quote it governs.
MAX_HOPS = 3
# Share of a report's words inside a direct quote above which the report is that quote.
MOSTLY = 0.8
# Quoted words with no cue are kept (speaker unknown) only when they read as a quotation.
MIN_UNCUED_WORDS = 4
CUE_HASHES = np.array([hash_string(w) for w in SPEECH_VERBS | NAMING_VERBS], dtype=np.uint64)
VERB_ID = VERB_SYMBOL
ACCORDING_HASH = hash_string("according")


def extract_quotes(doc: Doc, mentions: pd.DataFrame) -> pd.DataFrame:
    """Quotes of one parsed article; `speaker_key` is a key of `mentions` or None."""
    try:
        article = _Article(doc, mentions, find_quote_spans(doc.text))
    except Exception:  # the per-quote guards below should make this unreachable; an article never fails
        log.warning("quotes skipped for an article of %d characters", len(doc.text), exc_info=True)
        return pd.DataFrame(columns=QUOTE_COLUMNS)
    rows = article.direct_quotes() + article.reported_speech()
    df = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return df.sort_values(["start", "kind"], kind="stable").reset_index(drop=True)


@dataclass
class _Direct:
    """A direct quote kept, with what the next quote needs to carry its speaker on."""

    row: dict
    span: QuoteSpan
    last_sentence: int
    close_token: int
    cue_range: tuple[int, int] | None
    speaker: Speaker


class _Article:
    """One article's quotes, worked out over its parse and its actor mentions."""

    def __init__(self, doc: Doc, mentions: pd.DataFrame, spans: list[QuoteSpan]) -> None:
        self.doc = doc
        self.spans = spans
        arr = doc.to_array([LEMMA, POS, LOWER, IDX])
        self.token_starts = arr[:, 3].astype(np.int64).tolist()
        quoted = sorted((s.start, s.end) for s in spans)
        self.speakers = Speakers(doc, mentions, quoted)
        self.sent_starts = self.speakers.sent_starts
        newline = doc.text.find("\n")
        self.title_end = newline if newline != -1 and doc.text[newline:].strip() else -1
        candidates = np.nonzero(np.isin(arr[:, 0], CUE_HASHES) & (arr[:, 1] == VERB_ID))[0].tolist()
        self.cues = {i for i in candidates if not _negated(doc[i]) and not _inside(quoted, doc[i].idx)}
        self.according: dict[int, Token] = {}
        for i in np.nonzero(arr[:, 2] == ACCORDING_HASH)[0].tolist():
            to = next((c for c in doc[i].children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is not None and not _inside(quoted, doc[i].idx):
                self.according[i] = obj
        rows = mentions.sort_values("start")
        self.mention_starts = rows["start"].astype(int).tolist()
        self.mention_rows = list(zip(rows["end"].astype(int).tolist(), rows["key"].tolist()))
        self.direct_ranges: list[tuple[int, int]] = []
        # Resolve in text order, so a title or pronoun resolved early can stand for a later pronoun.
        for i in sorted(self.cues | set(self.according)):
            self.speaker_of_cue(doc[i])

    # -- shared helpers ------------------------------------------------------------------------

    def sentence_of(self, i: int) -> int:
        return bisect_right(self.sent_starts, i) - 1

    def speaker_of_cue(self, cue: Token) -> Speaker:
        if cue.i in self.according:
            return self.speakers.of_phrase(self.according[cue.i])
        return self.speakers.of_verb(cue)

    def cue_text(self, cue: Token) -> str:
        return "according to" if cue.i in self.according else cue.text

    def about(self, start: int, end: int, speaker: str | None) -> list[str]:
        keys: list[str] = []
        for i in range(bisect_left(self.mention_starts, start), bisect_left(self.mention_starts, end)):
            m_end, key = self.mention_rows[i]
            if m_end <= end and key != speaker and key not in keys:
                keys.append(key)
        return keys

    def row(self, kind: str, sentence: int, start: int, end: int, cue: str | None, speaker: Speaker) -> dict:
        return {"sentence_id": sentence, "kind": kind, "text": self.doc.text[start:end], "cue": cue,
                "speaker_key": speaker.key, "speaker_text": speaker.text, "confidence": speaker.confidence,
                "about_keys": self.about(start, end, speaker.key), "start": start, "end": end}

    # -- direct quotes -------------------------------------------------------------------------

    def direct_quotes(self) -> list[dict]:
        kept: list[_Direct] = []
        for span in self.spans:
            try:
                found = self.direct(span, kept[-1] if kept else None)
            except Exception:  # a quote the rules cannot read is skipped, never the article
                log.debug("quote at %d skipped", span.start, exc_info=True)
                continue
            if found is not None:
                kept.append(found)
        # A paragraph left open by a quote that the next paragraph reopens takes that quote's speaker.
        for here, after in zip(kept, kept[1:]):
            if not here.span.closed and here.speaker.key is None and after.speaker.key:
                here.row.update(speaker_key=after.speaker.key, speaker_text=after.speaker.text,
                                confidence="carried")
                here.row["about_keys"] = self.about(here.span.start, here.span.end, after.speaker.key)
        self.direct_ranges = sorted((d.span.start, d.span.end) for d in kept)
        return [d.row for d in kept]

    def direct(self, span: QuoteSpan, prev: _Direct | None) -> _Direct | None:
        doc = self.doc
        first = bisect_left(self.token_starts, span.start)
        last = bisect_right(self.token_starts, span.end - 1) - 1
        if first > last or first >= len(doc):
            return None
        words = [t for t in doc[first:last + 1] if t.is_alpha]
        if not words:
            return None
        namelike = len(words) <= 6 and all(t.text[0].isupper() or t.lower_ in MINOR_WORDS for t in words)
        cue, hops, via = self.cue_for(first, last)
        speaker = self.speaker_of_cue(cue) if cue is not None else NOBODY
        if namelike and not (speaker.key and _names_it(cue, via)):
            return None  # a quoted name or title that nobody is said to have given
        s_first, s_last = self.sentence_of(first), self.sentence_of(last)
        cue_text = self.cue_text(cue) if cue is not None else None
        if cue is None:
            carried = self.carries(prev, first, s_first)
            if carried is not None:
                speaker = carried
            elif span.start < self.title_end or not self.reads_as_quotation(words):
                return None
        cue_range = (cue.left_edge.i, cue.right_edge.i) if cue is not None else None
        row = self.row("direct", s_first, span.start, span.end, cue_text, speaker)
        return _Direct(row, span, s_last, last + 1, cue_range, speaker)

    @staticmethod
    def reads_as_quotation(words: list[Token]) -> bool:
        return len(words) >= MIN_UNCUED_WORDS and any(t.tag_ in FINITE for t in words)

    def cue_at(self, tok: Token) -> Token | None:
        if tok.i in self.cues:
            return tok
        return next((c for c in tok.children if c.i in self.according), None)

    def cue_for(self, first: int, last: int) -> tuple[Token | None, int, Token | None]:
        """The cue of the quote on tokens first..last, how many steps up the parse it stands (0 when it
        frames the quote from beside it) and its dependent on the way to the quote."""
        doc = self.doc
        lo, hi = first - 1, last + 1  # the marks belong to the quote
        best: tuple[Token | None, int, Token | None] = (None, MAX_HOPS + 1, None)
        for tok in doc[first:last + 1]:
            if lo <= tok.head.i <= hi:
                continue
            below, anc, hops = tok, tok, 0
            while anc.head is not anc and hops < best[1]:
                below, anc = anc, anc.head
                if lo <= anc.i <= hi:
                    continue
                hops += 1
                cue = self.cue_at(anc)
                if cue is not None:
                    if hops < best[1]:
                        best = (cue, hops, below)
                    break
        if best[0] is not None:
            return best
        after = self.cue_after(last)
        if after is not None:
            return after, 0, None
        return self.cue_before(first), 0, None

    def cue_after(self, last: int) -> Token | None:
        """'"...," Trump told Netanyahu' and, where the sentence split after the mark, '"..." / said X.'"""
        doc = self.doc
        seen_word = crossed = False
        steps = 0
        for tok in doc[last + 1:min(len(doc), last + 16)]:
            if tok.is_space:
                continue
            if tok.is_sent_start and tok.i > last + 1:
                if seen_word or crossed:
                    return None
                crossed = True
            if tok.text in QUOTE_MARK_CHARS:
                if tok.i <= last + 2:
                    continue
                return None
            steps += 1
            if steps > 10:
                return None
            if tok.i in self.according:
                return tok
            if tok.pos_ == "VERB":
                if tok.i in self.cues:
                    return tok
                if tok.lemma_ != "quote":
                    return None
            if not tok.is_punct:
                seen_word = True
        return None

    def cue_before(self, first: int) -> Token | None:
        """'Fidan said in a statement: "..."'."""
        doc = self.doc
        start = self.sent_starts[self.sentence_of(first)]
        j = first - 1
        if j >= 0 and doc[j].text in QUOTE_MARK_CHARS:
            j -= 1
        steps = 0
        while j >= start and steps < 8:
            tok = doc[j]
            if tok.text in QUOTE_MARK_CHARS:
                return None
            if tok.i in self.according:
                return tok
            if tok.pos_ == "VERB":
                return tok if tok.i in self.cues else None
            if not tok.is_space:
                steps += 1
            j -= 1
        return None

    def carries(self, prev: _Direct | None, first: int, s_first: int) -> Speaker | None:
        """The speaker of the quote before, when this quote goes straight on from it: in the next
        sentence, or later in the same one, with no clause of its own in between."""
        if prev is None or prev.last_sentence not in (s_first, s_first - 1):
            return None
        doc = self.doc
        if prev.last_sentence != s_first:
            lead = doc[self.sent_starts[s_first]:first]
            if any(not (t.is_punct or t.is_space) for t in lead):
                return None
        lo, hi = prev.cue_range or (-1, -1)
        for tok in doc[prev.close_token:first]:
            if tok.pos_ in ("VERB", "AUX") and not lo <= tok.i <= hi:
                return None
        s = prev.speaker
        return Speaker(s.key, s.text, "carried" if s.key else "none")

    # -- reported speech -----------------------------------------------------------------------

    def reported_speech(self) -> list[dict]:
        rows = []
        for i in sorted(self.cues | set(self.according)):
            cue = self.doc[i]
            if i not in self.according and cue.lemma_ not in SPEECH_VERBS:
                continue
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
        return subject.pos_ == "PRON" or subject.lemma_.casefold() in SOURCE_NOUNS

    def mostly_quoted(self, start: int, end: int) -> bool:
        covered = sum(max(0, min(end, e) - max(start, s)) for s, e in self.direct_ranges)
        return covered >= MOSTLY * (end - start)

    def according_content(self, tok: Token) -> tuple[int, int] | None:
        """'According to X, <content>' or '<content>, according to X'."""
        head = tok.head
        if head is tok:
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
        objects = []
        parts = [p for p in parts if p.dep_ in ("ccomp", "advcl", "prep")]
    if lemma in ADDRESSEE_VERBS and not parts:
        objects = []  # "told reporters": whom, not what
    content = parts + objects
    doc = verb.doc
    if not content:
        return _parenthetical(verb, quoted)
    if any(_inside(quoted, c.idx) for c in content):
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
    return any(c.dep_ == "mark" and c.lower_ == "that" and c.pos_ == "SCONJ" for c in tok.children)


def _parenthetical(verb: Token, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A speech verb set beside its clause: '..., the ministry announced' or 'His plan, he stated, was ...'."""
    head = verb.head
    if _inside(quoted, head.idx):
        return None
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if (verb.dep_ not in ("advcl", "parataxis", "ccomp") or head.pos_ not in ("VERB", "AUX") or marks & TIME_MARKS
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
        return None
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


def _names_it(cue: Token | None, via: Token | None) -> bool:
    """Whether a naming verb gives the quoted words as a name: 'referred to X as the "Butcher of Gaza"',
    'what he called a "New GM"' (but not 'described a "New GM"', which only mentions it)."""
    if cue is None or via is None or cue.lemma_ not in NAMING_VERBS:
        return False
    if via.dep_ == "prep":
        return via.lower_ == "as"
    return via.dep_ in ("oprd", "attr", "xcomp", "ccomp") or via.dep_ == "dobj" and cue.lemma_ not in ("describe", "refer")


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(ranges, (pos, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]
