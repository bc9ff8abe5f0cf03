"""Direct quotes: the cue and speaker of each pair of quotation marks.

A quote takes the cue beside it ('"...," Trump told Netanyahu') or above it in the parse (what it
described as "provocative assaults"), or carries on the speaker of the quote before.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Token

from dashboard.loader.actors.gazetteer import fold
from dashboard.loader.actors.resolver import NOBODY, ORG_NOUNS, ROLE_NOUNS, Speaker, inside
from dashboard.loader.quotes.cues import DENIALS, JUDGING_VERBS, NAMING_VERBS, SOURCE_NOUNS, SPEECH_VERBS, TIME_MARKS
from dashboard.loader.quotes.marks import QuoteSpan
from dashboard.loader.quotes.speakers import CONTINUING_VERBS, infinitive, on_a_verbless_head

if TYPE_CHECKING:
    from dashboard.loader.quotes.extract import ArticleQuotes

log = logging.getLogger(__name__)

# Punctuation after which a quotation starts a clause of its own.
CLAUSE_BREAKS = frozenset({",", ":", ";", "—", "–", "-", "--", "("})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Small words a quoted title may hold in lower case: "Butcher of Gaza", "Back to the Mac".
MINOR_WORDS = frozenset({"of", "the", "a", "an", "and", "to", "for", "in", "on", "at", "by", "with", "or"})
# Punctuation after a clause that sets a whole quotation beside it, said by the clause's subject.
FRAME_BREAKS = frozenset({",", ":", "-", "—", "–", "--"})
# How many steps up the parse (prepositions not counted) a cue may stand from the quote it governs.
MAX_HOPS = 3
# How far up the parse a partial quote inside a reported clause may sit below its speech verb.
MAX_CLIMB = 12
# Dependents of a speech verb that hold what it reports.
REPORTED_CLAUSES = frozenset({"ccomp", "xcomp"})
# Dependents that make one quoted word a term set on a noun (the first "point" release); a quoted
# adjective (the "iconic" Falcon) is the speaker's own word.
NOUN_MODIFIERS = frozenset({"nmod", "compound"})
# A line of an interview: a name of one to three capitalised words, a colon, the answer to the line's end.
INTERVIEW_LINE = re.compile(r"^[ \t]*([A-Z][\w’'.-]+(?:[ \t][A-Z][\w’'.-]+){0,2})[ \t]*:[ \t]+(\S[^\n]*?)[ \t]*$",
                            re.MULTILINE)
# Quoted words with no cue are kept (speaker unknown) only when they read as a quotation.
MIN_UNCUED_WORDS = 4

@dataclass
class _Direct:
    """A direct quote kept, with what the next quote needs to carry its speaker on."""

    row: dict
    span: QuoteSpan
    last_sentence: int
    close_token: int
    cue: Token | None
    speaker: Speaker


class DirectQuotes:
    """The direct quotes of one article, over the shared parse, cues and speakers in `ctx`."""

    def __init__(self, ctx: ArticleQuotes) -> None:
        self.ctx = ctx

    def find(self) -> list[dict]:
        """Rows of the article's direct quotes, in text order."""
        kept: list[_Direct] = []
        for span in self.ctx.spans:
            try:
                found = self.direct(span, kept[-1] if kept else None)
            except Exception:  # a quote the rules cannot read is skipped, never the article
                log.debug("quote at %d skipped", span.start, exc_info=True)
                continue
            if found is not None:
                kept.append(found)
        # A quote with no cue that runs straight into the next one ('"...," "..." Mr Walsh said.', or a
        # paragraph left open that the next reopens) is the next one's speaker's; chains carry back too.
        for here, after in reversed(list(pairwise(kept))):
            if here.cue is None and here.speaker.key is None and after.speaker.key and self.runs_into(here, after):
                here.speaker = replace(after.speaker, confidence="carried")
                here.row.update(speaker_key=after.speaker.key, speaker_text=after.speaker.text,
                                confidence="carried")
                here.row["about_keys"] = self.ctx.about(here.span.start, here.span.end, after.speaker.key)
        rows = [d.row for d in kept]
        return rows + self.interview_answers(rows)

    def fragments_in_reports(self, direct: list[dict], reported: list[dict]) -> list[dict]:
        """A few quoted words inside a report with a named speaker, which no rule read as a quote: the
        speaker's own words ('Now is not the time for a "huge" tax hike, Leffingwell said'); a name or title in
        marks is not."""
        ctx = self.ctx
        taken = sorted((r["start"], r["end"]) for r in direct)
        said = [r for r in reported if r["speaker_key"] and r["start"] >= max(ctx.title_end, 0)]
        out = []
        for span in ctx.spans:
            if any(s < span.end and span.start < e for s, e in taken):
                continue
            words = re.findall(r"\w+", ctx.text[span.start:span.end])
            if not 1 <= len(words) <= MAX_FRAGMENT_WORDS or _titled(words):
                continue
            report = next((r for r in said if r["start"] <= span.start and span.end <= r["end"] + 1), None)
            if report is not None:
                speaker = Speaker(report["speaker_key"], report["speaker_text"], report["confidence"])
                first = bisect_left(ctx.token_starts, span.start)
                out.append(ctx.row("direct", ctx.sentence_of(first), span.start, span.end, report["cue"], speaker))
        return out

    def headline_quotes(self, rows: list[dict], reported: list[dict]) -> list[dict]:
        """A quotation in the headline with no cue of its own ("'It was my mistake': council votes down pay
        raise", "'Display was very poor' - Gregg") is the words of whoever the body quotes or reports saying
        them, or of the person a dash or colon names beside it. `rows`: the direct quotes."""
        ctx = self.ctx
        out = []
        body = [r for r in rows + reported if r["start"] >= ctx.title_end and r["speaker_key"]]
        body.sort(key=lambda r: r["start"])
        for span in ctx.spans:
            if span.start >= ctx.title_end or overlaps(rows, span.start, span.end):
                continue
            written = ctx.text[span.start:span.end].split()
            if len(written) < 2 or _titled(written):
                continue  # a quoted term or name ('"New GM"'), not a quotation
            words = _words(ctx.text[span.start:span.end])
            said = next((r for r in body if _contains(_words(r["text"]), words)), None) or _closest(body, words)
            speaker = Speaker(said["speaker_key"], said["speaker_text"], "carried") if said else None
            if speaker is None:
                line_end = ctx.text.find("\n", span.end)
                name = HEADLINE_NAME.match(ctx.text[span.end + 1:line_end if line_end != -1 else len(ctx.text)])
                keys = ctx.resolver.by_name.get(fold(name.group(1)), set()) if name else set()
                if len(keys) == 1:
                    speaker = Speaker(keys.pop(), name.group(1), "named")
            if speaker is not None:
                out.append(ctx.row("direct", ctx.sentence_of(bisect_left(ctx.token_starts, span.start)),
                                   span.start, span.end, None, speaker))
        return out

    def interview_answers(self, quoted: list[dict]) -> list[dict]:
        """'Adjei: I kept meeting people who ...': in an interview written as questions and answers, a
        line that opens with a person's name and a colon is that person's words, with or without marks.
        The name must be one the article gives a person; 'Q:' and 'Note:' name nobody."""
        ctx = self.ctx
        rows = []
        for m in INTERVIEW_LINE.finditer(ctx.text):
            if m.start() < ctx.title_end or overlaps(quoted, m.start(2), m.end(2)) or inside(ctx.furniture, m.start()):
                continue  # a headline, an answer in marks that the quote rules have read, a photo's caption
            keys = {k for k in ctx.resolver.by_name.get(fold(m.group(1)), set()) if ctx.resolver.kind_of(k) == "person"}
            if len(keys) != 1:
                continue
            start, end = m.start(2), m.end(2)
            first = bisect_left(ctx.token_starts, start)
            speaker = Speaker(keys.pop(), m.group(1), "named")
            rows.append(ctx.row("direct", ctx.sentence_of(first), start, end, ":", speaker))
        return rows

    def runs_into(self, here: _Direct, after: _Direct) -> bool:
        """Whether nothing but marks, punctuation and white space stands between two quotes (or a
        paragraph break, when the first quote's paragraph was left open for the next to reopen)."""
        if not here.span.closed:
            return True
        between = self.ctx.text[here.span.end:after.span.start]
        return len(between) <= 12 and all(not c.isalnum() for c in between)

    def direct(self, span: QuoteSpan, prev: _Direct | None) -> _Direct | None:
        """The quote between one pair of marks, or None when the marks hold a name, a term or emphasis."""
        ctx = self.ctx
        first = bisect_left(ctx.token_starts, span.start)
        last = bisect_right(ctx.token_starts, span.end - 1) - 1
        if first > last or first >= len(ctx.doc):
            return None
        words = [t for t in ctx.doc[first:last + 1] if t.is_alpha]
        if not words:
            return None
        # a paragraph that ends inside a quote which the next paragraph reopens is quotation by its form
        sentence_like = not span.closed or self.reads_as_quotation(words, ctx.doc[first:last + 1]) \
            or self.short_sentence(span, words, first, last)
        full = not span.closed or sentence_like and self.opens_clause(first)
        cue, via = self.cue_for(first, last, full=full, open_end=ctx.text[span.end - 1] in ",?!")
        speaker = ctx.speaker_of_cue(cue) if cue is not None else NOBODY
        if cue is not None and via is not None and cue.lemma_ in DENIALS and via.dep_ in ("ccomp", "dobj") \
                and not full and speaker.key:
            # 'Hinds denied that Kwarteng was "telling porkies"': the words denied are an accuser's, not his
            speaker = Speaker(None, speaker.text, "none")
        if _names_it(cue, via) and not speaker.key:
            return None  # a term nobody is said to have coined: 'commonly called "apps"'
        # a name or title in marks ('CBS' "Face the Nation."), not a short sentence ('"It's 2025," she said':
        # one word of its own, a verb and its own stop)
        titled = _titled([t.text for t in words])
        sentence = len(words) == 1 and ctx.text[span.end - 1] in ",.?!" and any(
            t.pos_ in ("VERB", "AUX") for t in ctx.doc[first:last + 1])
        namelike = titled and not sentence
        if namelike and not (speaker.key and _names_it(cue, via)):
            return None  # a quoted name or title that nobody is said to have given
        if len(words) == 1 and (not speaker.key or words[0].dep_ in NOUN_MODIFIERS):
            # one quoted word from nobody in particular, or a term set on a noun, is emphasis, not a quote
            return None
        s_first, s_last = ctx.sentence_of(first), ctx.sentence_of(last)
        if cue is None:
            found = self.named_before_colon(first) or (self.carries(prev, first, s_first) if sentence_like else None)
            if found is None and full and sentence_like:
                found = self.framed_by_clause(first) or self.after_speech(first, s_first)
            if found is None and ctx.text[span.end - 1] == ",":
                found = self.named_after(last)
            if found is None and full:
                found = self.that_was(last)
            if found is None and not full:
                found = self.same_sentence(prev, s_first)
            if found is None and (span.start < ctx.title_end or not full):
                return None  # a headline in quotes, or a phrase nobody is said to have said
            speaker = found or NOBODY
        cue_text = ctx.cue_text(cue) if cue is not None else None
        row = ctx.row("direct", s_first, span.start, span.end, cue_text, speaker)
        if cue is not None and cue.i > last:
            s_last = max(s_last, ctx.sentence_of(cue.i))  # the attribution a sentence split left after it
        return _Direct(row, span, s_last, last + 1, cue, speaker)

    def opens_clause(self, first: int) -> bool:
        """Whether a quote stands as a clause of its own: at the start of its sentence, after a colon
        or comma, or right after its speech verb ('said "..."'), rather than inside another clause."""
        j = first - 1
        if j >= 0 and self.ctx.is_mark(self.ctx.doc[j]):
            j -= 1
        if j < 0 or j < self.ctx.sent_starts[self.ctx.sentence_of(first)]:
            return True
        tok = self.ctx.doc[j]
        # right after another quotation's closing mark: '"...," "..."' goes on with the same voice
        return tok.text in CLAUSE_BREAKS or tok.i in self.ctx.cues or self.ctx.is_mark(tok)

    @staticmethod
    def reads_as_quotation(words: list[Token], tokens: Iterable[Token]) -> bool:
        """A sentence's worth of words with a finite verb, not a phrase or a name; the verb may be a
        contraction ('We’re ready for them') or an imperative ('Don’t expect us to lose')."""
        return len(words) >= MIN_UNCUED_WORDS and any(
            t.tag_ in FINITE or t.tag_ == "VB" and t.dep_ == "ROOT" for t in tokens)

    def short_sentence(self, span: QuoteSpan, words: list[Token], first: int, last: int) -> bool:
        """Whole short sentences in marks: 'That's on me.', 'No rain. Not a drop.' - a capital first word,
        their own end mark inside the marks, and their own place at the start of a sentence."""
        ctx = self.ctx
        return len(words) >= 2 and ctx.text[span.end - 1] in ".!?" and words[0].text[:1].isupper() \
            and all(t.is_punct or t.is_space for t in ctx.doc[ctx.sent_starts[ctx.sentence_of(first)]:first])

    def named_before_colon(self, first: int) -> Speaker | None:
        """'Secretary of the Air Force James Roche: "No, Sir, ..."': the name before the colon speaks."""
        doc = self.ctx.doc
        j = first - 1
        if j >= 0 and self.ctx.is_mark(doc[j]):
            j -= 1
        if j < 1 or doc[j].text != ":":
            return None
        resolver = self.ctx.resolver
        # a round-up's 'Anna Berg, The Courier: "..."': the person before the outlet speaks
        start = self.ctx.sent_starts[self.ctx.sentence_of(j)]
        lead = resolver.at.get(start) or resolver.at.get(start + 1)
        if lead is not None and lead.kind == "person" and lead.last < j - 1 and doc[lead.last + 1].text == ",":
            return Speaker(lead.key, doc[lead.first:lead.last + 1].text, "named")
        sp = resolver.of_phrase(doc[j - 1], pronouns=False)
        if sp.key is None:
            return None
        if resolver.at.get(j - 1) is None and not all(t.text[:1].isupper() for t in doc[start:j]):
            return None  # only a name, not any phrase, introduces a quote this way ('Chow: "..."' in a transcript)
        return sp

    def named_after(self, last: int) -> Speaker | None:
        """'"...," Jesse Toprak, an analyst for Edmunds.': a name with no verb after a quote that ends in
        a comma is its speaker's."""
        doc = self.ctx.doc
        j = last + 1
        while j < len(doc) and (self.ctx.is_mark(doc[j]) or doc[j].is_space or doc[j].text == ","):
            j += 1
        m = self.ctx.resolver.at.get(j)
        if m is None or m.first != j or m.kind != "person":
            return None
        end = doc[j].sent.end
        if any(t.pos_ in ("VERB", "AUX") and not _in_relative_clause(t) for t in doc[m.last + 1:end]) \
                or any(self.ctx.is_mark(t) for t in doc[m.last + 1:end]):
            return None
        return Speaker(m.key, doc[m.first:m.last + 1].text, "named")

    def that_was(self, last: int) -> Speaker | None:
        """'"Look, they had a great crowd." That was Duke coach Mike Krzyzewski after the loss': the sentence
        after a quotation that says whose words they were ('That was', 'Those were the words of', 'So said')."""
        ctx = self.ctx
        doc = ctx.doc
        j = last + 1
        while j < len(doc) and (ctx.is_mark(doc[j]) or doc[j].is_space or doc[j].is_punct):
            j += 1
        if j + 1 >= len(doc) or not doc[j].is_sent_start or (doc[j].lower_, doc[j + 1].lower_) not in THAT_WAS:
            return None
        named = [ctx.resolver.at[t.i] for t in doc[j + 2:doc[j].sent.end] if t.i in ctx.resolver.at]
        # the person the sentence names ('Duke coach Mike Krzyzewski'), else the organisation
        m = next((m for m in named if m.kind == "person"), None) or next(
            (m for m in named if m.kind == "organization"), None)
        return Speaker(m.key, doc[m.first:m.last + 1].text, "named") if m is not None else None

    def framed_by_clause(self, first: int) -> Speaker | None:
        """'Jobs left this farewell, "..."', 'The judge agreed with the defence - "I conclude ..."': a whole
        quotation set after a clause with no speech verb is said by that clause's subject, when it is
        an actor (a person or an organisation, named or resolved)."""
        doc = self.ctx.doc
        j = first - 1
        if j >= 0 and self.ctx.is_mark(doc[j]):
            j -= 1
        start = self.ctx.sent_starts[self.ctx.sentence_of(first)]
        if j <= start or doc[j].text not in FRAME_BREAKS:
            return None
        tok = doc[j - 1]
        for _ in range(12):  # up the clause before the mark, to the first verb whose subject is an actor
            if start <= tok.i < first and tok.pos_ in ("VERB", "AUX"):
                subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
                if subject is not None:
                    sp = self.ctx.resolver.of_phrase(subject)
                    if sp.key and self.ctx.resolver.kind_of(sp.key) in ("person", "organization"):
                        return sp
            if tok.head.i == tok.i:
                break
            tok = tok.head
        return None

    def after_speech(self, first: int, s_first: int) -> Speaker | None:
        """'Chairman Dieter Zetsche denied the allegations.' / '"We do not exclude any option."': a quote
        that opens its own sentence goes on from the speech verb that governs the sentence before."""
        ctx = self.ctx
        doc = ctx.doc
        if any(not (t.is_punct or t.is_space) for t in doc[ctx.sent_starts[s_first]:first]):
            return None
        sid = self.sentence_before(s_first)
        if sid < 0:
            return None
        root = doc[ctx.sent_starts[sid]].sent.root
        if any(ctx.is_mark(t) for t in root.sent):
            return None  # a sentence with a quotation of its own hands on through that quotation
        cue = _speech_of(root, ctx.cues)
        if cue is not None:
            sp = ctx.speaker_of_cue(cue)
            return replace(sp, confidence="carried") if sp.key else None
        # a view held ('Brennan also agreed the ministry should go.' / '"There is a mayor."'), even in the
        # paragraph before, or a gesture in this one ('Barnes shrugged. "I just took what they gave me."')
        if root.lemma_ in STANCE_VERBS or "\n" not in ctx.text[root.idx:doc[first].idx]:
            return self.acting_person(root)
        if self.in_first_person(first) and (root.lemma_ in GUARDED_VERBS or root.lemma_ == "be" and any(
                c.dep_ in ("acomp", "prep") for c in root.children)):
            # a stand taken or withheld: 'Luxon is partly on board with the idea. / "I think there's a very good
            # point in there."', 'Luxon would not be drawn on questions over it. / "I'm not interested ..."'
            sp = self.acting_person(root)
            if sp is not None:
                return sp
        if self.in_first_person(first) and len(self.people_in(sid)) == 1 and _introduced(root):
            # 'Re-treading worker Mark Lewis, 53, of Perton, has worked at the site for 37 years. / "It's a sad
            # time. My father worked here ..."': the one person the paragraph before introduces, by their age or
            # who they are, speaks in the first person
            sp = self.acting_person(root)
            if sp is not None:
                return sp
        return self.past_narrative(first, sid)

    def in_first_person(self, first: int) -> bool:
        """Whether the quotation that starts at token `first` speaks in the first person ('I', 'we', 'my')."""
        words = set()
        for tok in self.ctx.doc[first:]:
            if self.ctx.is_mark(tok):
                break
            words.add(tok.lower_)
        return bool(FIRST_PERSON & words)

    def people_in(self, sid: int) -> set[str]:
        """The people sentence `sid` names."""
        starts, at = self.ctx.sent_starts, self.ctx.resolver.at
        hi = starts[sid + 1] if sid + 1 < len(starts) else len(self.ctx.doc)
        return {at[i].key for i in range(starts[sid], hi) if i in at and at[i].kind == "person"}

    def sentence_before(self, sid: int) -> int:
        """The sentence before `sid` that holds words (-1 for none): the splitter may leave a closing mark
        on its own."""
        doc, starts = self.ctx.doc, self.ctx.sent_starts
        sid -= 1
        while sid >= 0 and all(t.is_punct or t.is_space for t in doc[starts[sid]:starts[sid + 1]]):
            sid -= 1
        return sid

    def past_narrative(self, first: int, sid: int) -> Speaker | None:
        """'Union leader Ana Ruiz said the cuts would hurt families. / The plant employs 400 people. / "We will
        fight this all the way."': a quotation in the first person goes on from the report just before a short
        paragraph of narrative that names nobody and reports nothing."""
        ctx = self.ctx
        doc, starts = ctx.doc, ctx.sent_starts
        top = sid
        while top > 0 and "\n" not in ctx.text[doc[starts[top] - 1].idx:doc[starts[top]].idx + 1]:
            top -= 1  # back to the first sentence of the paragraph
        if sid - top + 1 > MAX_NARRATIVE_SENTENCES:
            return None
        lo, hi = starts[top], starts[sid + 1] if sid + 1 < len(starts) else len(doc)
        if any(i in ctx.cues or i in ctx.according or i in ctx.resolver.at for i in range(lo, hi)):
            return None
        before = self.sentence_before(top)
        if before < 0 or "\n" not in ctx.text[doc[starts[top]].idx - 2:doc[starts[top]].idx]:
            return None
        root = doc[starts[before]].sent.root
        cue = _speech_of(root, ctx.cues)
        if cue is None or any(ctx.is_mark(t) for t in root.sent):
            return None
        sp = ctx.speaker_of_cue(cue)
        if not sp.key or not self.in_first_person(first):
            return None
        return replace(sp, confidence="carried")

    def acting_person(self, root: Token) -> Speaker | None:
        """The one person a sentence is about, the subject of its main verb, as the speaker of the quote
        after it; None when that subject is no person."""
        if root.pos_ not in ("VERB", "AUX"):
            return None
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        sp = self.ctx.resolver.of_phrase(subject)
        if not sp.key or self.ctx.resolver.kind_of(sp.key) != "person":
            return None
        return replace(sp, confidence="carried")

    def cue_at(self, tok: Token) -> Token | None:
        """`tok` when it is a cue, or the 'according' hanging from it."""
        if tok.i in self.ctx.cues:
            return tok
        return next((c for c in tok.children if c.i in self.ctx.according), None)

    def cue_for(self, first: int, last: int, *, full: bool, open_end: bool) -> tuple[Token | None, Token | None]:
        """The cue of the quote on tokens first..last, and its dependent on the way down to the quote
        when the cue governs it in the parse (None when the cue stands beside the quote).

        A whole quotation looks first beside its marks ('"...," Trump told Netanyahu'), a fragment
        first up the parse (what it described as "provocative assaults"). `open_end`: the quoted words
        end in a comma, question or exclamation mark, so an attribution follows."""
        doc = self.ctx.doc
        if full:
            beside = (self.cue_after(last, any_verb=open_end) or self.cue_before(first)
                      or self.cue_after(last, cross=True))
            if beside is not None:
                return beside, None
        cue, via = self.cue_above(first, last)
        if cue is not None or full:
            return cue, via
        # a fragment takes a cue beside it only across a comma: '"defining moment," he said'
        comma_after = open_end or doc[min(last + 2, len(doc) - 1)].text == ","
        after = self.cue_after(last) if comma_after else None
        before = self.cue_before(first) if first >= 2 and doc[first - 2].text in CLAUSE_BREAKS else None
        return after or before, None

    def cue_above(self, first: int, last: int) -> tuple[Token | None, Token | None]:
        """The nearest cue that governs the quote in the parse, and its dependent on the way: at most
        MAX_HOPS words up (prepositions not counted), or any depth inside the clause a speech verb
        reports (a partial quote inside reported speech takes that verb's speaker); never a verb the
        quote is the subject of ('an individual "with direct knowledge" claimed')."""
        doc = self.ctx.doc
        lo, hi = first - 1, last + 1  # the marks belong to the quote
        best: tuple[Token | None, Token | None] = (None, None)
        best_hops = MAX_CLIMB + 1
        # a thing that reveals or shows what the quote is in: the speaker who reported that is quoted
        # ('the adviser said that initial inquiry revealed that they went there due to "some problem"')
        found_by_a_thing: tuple[Token | None, Token | None] = (None, None)
        for tok in doc[first:last + 1]:
            if lo <= tok.head.i <= hi or tok.is_punct:
                continue
            below, anc, hops, subject = tok, tok, 0, False
            while anc.head.i != anc.i and hops < best_hops:  # a root is its own head
                below, anc = anc, anc.head
                if lo <= anc.i <= hi:
                    continue
                subject = subject or below.dep_ in ("nsubj", "nsubjpass", "csubj")
                if anc.pos_ != "ADP":
                    hops += 1
                cue = self.cue_at(anc)
                if cue is None:
                    continue
                reported = below.dep_ in REPORTED_CLAUSES and cue.lemma_ in SPEECH_VERBS and below.i > cue.i
                if below.dep_ in ("nsubj", "nsubjpass", "csubj") or not reported and (subject or hops > MAX_HOPS):
                    break
                if reported and found_by_a_thing[0] is None and self.a_thing_reports(cue):
                    found_by_a_thing = (cue, below)
                    continue
                if hops < best_hops:
                    best, best_hops = (cue, below), hops
                break
        return best if best[0] is not None else found_by_a_thing

    def a_thing_reports(self, cue: Token) -> bool:
        """Whether a speech verb's subject is a thing that names no actor and is no source ('initial inquiry
        revealed', 'the tests showed'), rather than someone or a report."""
        subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        return subject is not None and subject.pos_ == "NOUN" and subject.lemma_.casefold() not in SOURCE_NOUNS \
            and subject.lemma_.casefold() not in ROLE_NOUNS | ORG_NOUNS \
            and self.ctx.resolver.of_phrase(subject, pronouns=False).key is None

    def cue_after(self, last: int, *, cross: bool = False, any_verb: bool = False) -> Token | None:
        """'"...," Trump told Netanyahu'; with `cross`, also a bare attribution the sentence split left
        on its own after the mark ('"..."' / 'said Stephen Harper, Prime Minister of Canada.'); with
        `any_verb`, a verb outside the lexicon too ('"...," enthused the project manager')."""
        doc = self.ctx.doc
        seen_word = crossed = own_line = False
        steps = 0
        for tok in doc[last + 1:min(len(doc), last + 16)]:
            if tok.is_space:
                continue
            if tok.is_sent_start and tok.i > last + 1:
                # ('"...," O.C. Sheriff Don Barnes said.': the splitter broke the name after its initials)
                initials = all(t.is_punct or t.is_space or _an_initialism(t) for t in doc[last + 1:tok.i])
                if seen_word and not initials or crossed or not cross:
                    return None
                crossed = True
                # on a line of its own, an attribution is only that: 'said Stephen Harper, the premier.' or
                # 'Mr Walsh said.', not 'Reporter Ann Lee reports here.'
                own_line = "\n" in self.ctx.text[doc[last].idx:tok.idx]
            if self.ctx.is_mark(tok):
                if tok.i <= last + 2 and tok.idx not in self.ctx.opening_marks:
                    continue
                return None  # another quotation begins: what follows is its attribution
            steps += 1
            if steps > 10:
                return None
            if steps == 1 and not crossed and tok.dep_ == "cc":
                return None  # '"...," and Port of Spain remains safe': the sentence goes on, no attribution
            if tok.i in self.ctx.according:
                # across a sentence break only a bare 'According to X.', not a sentence that goes on
                return None if crossed and _goes_on(tok) else tok
            if tok.pos_ == "VERB" and _in_relative_clause(tok) and not on_a_verbless_head(tok):
                continue  # '"...," said Maria Lenz, who chairs the committee': the speaker's description
            if tok.pos_ == "VERB":
                if (tok.i in self.ctx.cues or any_verb and steps <= 6) and not crossed:
                    return tok
                if crossed:
                    # a finite verb: 'Speaking in Mackay, the premier said ...' opens a new report
                    bare = tok.i in self.ctx.cues and tok.tag_ in FINITE and not _reports_something(tok) \
                        and tok.lemma_ not in JUDGING_VERBS
                    ends = all(t.is_punct or t.is_space for t in doc[tok.i + 1:tok.sent.end])
                    return tok if bare and not (own_line and seen_word and not ends) else None
                if tok.lemma_ != "quote":
                    return None
            if not tok.is_punct:
                seen_word = True
        return None

    def cue_before(self, first: int) -> Token | None:
        """'Fidan said in a statement: "..."'."""
        doc = self.ctx.doc
        start = self.ctx.sent_starts[self.ctx.sentence_of(first)]
        j = first - 1
        if j >= 0 and self.ctx.is_mark(doc[j]):
            j -= 1
        steps = 0
        while j >= start and steps < 8:
            tok = doc[j]
            if self.ctx.is_mark(tok):
                return None
            if tok.i in self.ctx.according:
                return tok
            if tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound"):
                # a verb that only names things ('is branded') does not introduce a quotation; a
                # participle describing the speaker ('Said one stranded passenger: "..."') is no verb here
                return tok if tok.i in self.ctx.cues and tok.lemma_ not in NAMING_VERBS - SPEECH_VERBS else None
            if not tok.is_space:
                steps += 1
            j -= 1
        return None

    def carries(self, prev: _Direct | None, first: int, s_first: int) -> Speaker | None:
        """The speaker of the quote before, when this quote goes straight on from it: in the next
        sentence, or later in the same one, with no clause but that quote's own cue in between."""
        if prev is None or prev.last_sentence > s_first:
            return None
        doc = self.ctx.doc
        cue = prev.cue
        # what the speaker goes on to report in their own cue ('he said, adding that police continue to ...')
        going_on = {t.i for c in cue.children if c.lemma_ in CONTINUING_VERBS and c.tag_ == "VBG"
                    for t in c.subtree} if cue is not None else set()
        for tok in doc[prev.close_token:first]:
            if tok.is_punct or tok.is_space:
                continue  # marks, and a closing mark the sentence splitter left on its own
            own_cue = cue is not None and cue.left_edge.i <= tok.i <= cue.right_edge.i
            if self.ctx.sentence_of(tok.i) > prev.last_sentence and (
                    "\n" in self.ctx.text[prev.span.end:tok.idx] or not own_cue):
                # a sentence of narrative between, or words leading into this quote; not the quote's own cue,
                # which the splitter may have cut off from it on its line
                return self.past_a_paragraph(prev, first)
            if tok.i in going_on:
                continue
            if tok.pos_ not in ("VERB", "AUX") or cue is not None and (
                    tok.i == cue.i or tok.tag_ not in FINITE and cue.left_edge.i <= tok.i <= cue.right_edge.i):
                continue  # the quote's own cue, or a participle of it: 'she stated, trying to reassure'
            if _in_relative_clause(tok) or tok.dep_ == "aux" and _in_relative_clause(tok.head):
                continue  # 'said Maria Lenz, who chairs the committee': who the speaker is, not a new speaker
            if cue is not None and _when_it_was_said(tok, cue):
                continue  # 'Smith said after Levant asked if she would go on': when she spoke, not who
            return None
        s = prev.speaker
        if s.key and self.names_someone_else(prev, first):
            return None
        return Speaker(s.key, s.text, "carried" if s.key else "none")

    def past_a_paragraph(self, prev: _Direct, first: int) -> Speaker | None:
        """The speaker of the quote before, when one short paragraph of narrative with no speech in it stands
        between, and this quote is a paragraph of its own in the first person: '"We earned the points," said
        the coach. / Her side had trailed at half time. / "I was proud of the second half."' is still the
        coach's. A paragraph that names someone after the quote says it is theirs."""
        ctx = self.ctx
        start = ctx.doc[first].idx
        between = ctx.text[prev.span.end:start]
        lines = between.split("\n")  # the rest of the quote's own line (its cue), the narrative, this quote's line
        middle = [line for line in lines[1:-1] if line.strip()]
        if not prev.speaker.key or len(lines) < 3 or len(middle) != 1 or lines[-1].strip(" \t\"“‘'"):
            return None
        lo, hi = bisect_left(ctx.token_starts, prev.span.end + len(lines[0]) + 1), first
        if any(i in ctx.cues or i in ctx.according for i in range(lo, hi)) \
                or ctx.sentence_of(hi - 1) - ctx.sentence_of(lo) + 1 > MAX_NARRATIVE_SENTENCES:
            return None
        if not self.in_first_person(first) or self.names_someone_else(prev, first):
            return None
        return replace(prev.speaker, confidence="carried")

    @staticmethod
    def same_sentence(prev: _Direct | None, s_first: int) -> Speaker | None:
        """A fragment with no cue of its own after a quoted fragment its sentence attributes: 'calling the
        report "quite shocking," because Harper has "an obligation to know"' is the same speaker's."""
        if prev is None or prev.cue is None or not prev.speaker.key or prev.row["sentence_id"] != s_first \
                or prev.last_sentence != s_first:
            return None
        return replace(prev.speaker, confidence="carried")

    def names_someone_else(self, prev: _Direct, first: int) -> bool:
        """Whether a quote that opens a new paragraph is followed, in that paragraph, by another actor's
        name: '"We're bringing in crews." That was the message from spokesperson Jacqueline Foster.' is
        not the last speaker's, whoever's it is."""
        ctx = self.ctx
        start = ctx.doc[first].idx
        if "\n" not in ctx.text[prev.span.end:start]:
            return False
        end = ctx.text.find("\n", start)
        end = len(ctx.doc) if end == -1 else bisect_left(ctx.token_starts, end)
        resolver = ctx.resolver
        here = resolver.mentions[bisect_left(resolver.firsts, first):bisect_left(resolver.firsts, end)]
        return any(m.key != prev.speaker.key and m.kind in ("person", "organization") for m in here)


def _introduced(root: Token) -> bool:
    """Whether the subject of a sentence is introduced by an apposition set off by commas: their age or who
    they are ('Mark Lewis, 53, of Idonia Road,', 'Ana Ruiz, a nurse,')."""
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    after = subject.i + 1
    doc = root.doc
    return any(c.dep_ == "appos" for c in subject.children) or (
        after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].like_num)


def _speech_of(root: Token, cues: set[int]) -> Token | None:
    """The speech verb a sentence is built on: its root, or one its main verbs govern ('went on to say that',
    'defended the decision, confirming that', 'was gracious in defeat and gave praise, adding that'), or the
    clause it ends on, with its own speaker ('The team dominated, but Hansen says ...')."""
    if root.i in cues:
        return root
    mains = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    cue = next((c for m in mains for c in m.children if c.i in cues and _governed(c)), None)
    if cue is None:
        last = max((c for c in root.children if c.dep_ == "conj" and c.i > root.i), key=lambda c: c.i, default=None)
        if last is not None and last.i in cues and any(c.dep_ == "nsubj" for c in last.children):
            cue = last
    return cue


def _governed(verb: Token) -> bool:
    """Whether a speech verb is part of what its clause's main verb does ('went on to say', 'defended it,
    confirming'), not a clause of time or reason ('after the mayor said')."""
    if verb.dep_ == "xcomp":
        return True
    return verb.dep_ == "advcl" and not any(c.dep_ == "mark" for c in verb.children) and (
        verb.tag_ == "VBG" or infinitive(verb))


def _names_it(cue: Token | None, via: Token | None) -> bool:
    """Whether a naming verb gives the quoted words as a name: 'referred to X as the "Butcher of Gaza"',
    'what he called a "New GM"' (but not 'described a "New GM"', which only mentions it)."""
    if cue is None or via is None or cue.lemma_ not in NAMING_VERBS:
        return False
    if via.dep_ == "prep":
        return via.lower_ == "as"
    if via.dep_ == "dobj":
        return cue.lemma_ not in ("describe", "refer")
    return via.dep_ in ("oprd", "attr", "xcomp", "ccomp")


def _reports_something(verb: Token) -> bool:
    """Whether a speech verb carries a clause or object of its own, so it cannot be a quote's bare cue."""
    return any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children)


def _goes_on(according: Token) -> bool:
    """Whether the sentence of an 'according to X' says more than that: 'According to a report, the
    project would add 312 homes' is a new report, not the attribution of the quote before."""
    lo, hi = according.left_edge.i, according.right_edge.i
    return any(not (lo <= t.i <= hi or t.is_punct or t.is_space) for t in according.sent)


def _opens_with_relative(verb: Token) -> bool:
    """A clause whose subject is 'who' or 'whose ...', however the parser hung it ('..., whose son broke
    his arm')."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i < verb.i and (
                child.tag_ in ("WP", "WDT") or any(g.tag_ == "WP$" for g in child.children)):
            return True
    return False


def _in_relative_clause(verb: Token) -> bool:
    """Whether a verb belongs to a clause describing a noun ('who chairs the committee', 'named last
    year'), not to the sentence's own attribution."""
    tok = verb
    for _ in range(3):
        if tok.dep_ in ("relcl", "acl") or _opens_with_relative(tok):
            return True
        if tok.head.i == tok.i or tok.dep_ not in ("conj", "xcomp", "ccomp"):
            return False
        tok = tok.head
    return False


def _when_it_was_said(tok: Token, cue: Token) -> bool:
    """Whether a verb stands in a clause of time or reason hung on the cue ('said after Levant asked if
    she would go on', 'said as the crowd cheered'): the circumstances of the speaking."""
    while tok.i != cue.i and tok.head.i != tok.i:
        if tok.dep_ == "advcl" and tok.head.i == cue.i:
            return any(c.dep_ == "mark" and c.lower_ in TIME_MARKS | {"as"} for c in tok.children)
        tok = tok.head
    return False


# How a sentence after a quotation says whose words they were.
THAT_WAS = frozenset({("that", "was"), ("those", "were"), ("so", "said"), ("this", "was")})
# Verbs of holding a view: a quote that opens the sentence after one is the holder's words.
STANCE_VERBS = frozenset({"agree", "disagree", "believe", "feel", "fear", "hope", "doubt", "reckon", "concur"})
# Verbs of a stand withheld or kept, whose subject a first-person quotation after them goes on from: 'would
# not be drawn on', 'stood by', 'remained optimistic'.
GUARDED_VERBS = frozenset({"draw", "stand", "remain", "stay", "insist"})
# Narrative a quote's speaker is carried past, when the quote after it speaks in the first person.
MAX_NARRATIVE_SENTENCES = 2
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
# "... - Gregg" or "...: Savage" after a headline's quotation: the name it is the words of.
HEADLINE_NAME = re.compile(r"\s*[-–—:]\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})\s*$")


# A quoted fragment inside a report: a word or a phrase, not a sentence of its own.
MAX_FRAGMENT_WORDS = 6


def _an_initialism(tok: Token) -> bool:
    """'O.C.', 'N.Y.': capitals each followed by a full stop."""
    return len(tok.text) >= 4 and tok.text.endswith(".") and all(
        c.isupper() for c in tok.text[::2]) and set(tok.text[1::2]) == {"."}


def _titled(words: list[str]) -> bool:
    """Whether a few words are written as a name or title: each capitalised but the minor ones ('Face the
    Nation', 'New GM')."""
    return len(words) <= 6 and all(w[:1].isupper() or w.lower() in MINOR_WORDS for w in words)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


# Share of a headline quotation's content words that a body row must hold to be what it sums up.
MIN_SHARED = 0.6


def _closest(rows: list[dict], words: list[str]) -> dict | None:
    """The body row that holds most of a headline quotation's content words, when it holds at least
    MIN_SHARED of them: "'It's been unbelievable. This is our best series win so far'" sums up Kohli's
    "his side's best series win so far". None on a tie between speakers."""
    content = {w for w in words if w not in STOP_WORDS and not w.isdigit()}
    if not content:
        return None
    scored = [(len(content & set(_words(r["text"]))) / len(content), r) for r in rows]
    best = max((share for share, _ in scored), default=0.0)
    if best < MIN_SHARED:
        return None
    top = [r for share, r in scored if share == best]
    return top[0] if len({r["speaker_key"] for r in top}) == 1 else None


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """Whether the words of `shorter` run, in order, inside `longer`."""
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def overlaps(rows: list[dict], start: int, end: int) -> bool:
    """Whether a character range shares text with one of the quote rows."""
    return any(r["start"] < end and start < r["end"] for r in rows)
