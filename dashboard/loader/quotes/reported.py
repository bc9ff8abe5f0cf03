"""Reported speech: a speech verb or 'according to' with the clause or object it reports.

The lexicon of speech verbs is in cues.py; a verb that takes only an object where the lexicon asks
for a clause reports no words.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import POS
from spacy.symbols import NOUN as NOUN_SYMBOL
from spacy.tokens import Doc, Token

from dashboard.loader.actors.resolver import (
    ADVERBIAL_MARKS, COMPANY_NOUNS, COUNTRY_NOUNS, EPITHET_NOUNS, ORG_NOUNS, RELATIVE, ROLE_NOUNS, inside,
    semicolon_between,
)
from dashboard.loader.quotes.cues import (
    ADDRESSEE_VERBS,
    CLAUSE_DIRECTLY,
    CLAUSE_ONLY,
    CONTENT_PREPS,
    FINDING_VERBS,
    JUDGING_VERBS,
    PHRASE_NEEDED,
    SOURCE_NOUNS,
    SOURCE_PRONOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    TIME_MARKS,
)
from dashboard.loader.quotes.speakers import CONTINUING_VERBS, continued_report, infinitive, published_in

if TYPE_CHECKING:
    from dashboard.loader.quotes.extract import ArticleQuotes

log = logging.getLogger(__name__)

# Dependents after a speech verb that still belong to its report.
TRAILING = frozenset({"prep", "npadvmod", "advmod", "dobj", "dative", "ccomp", "xcomp", "oprd", "agent", "attr"})
# Words of its own (outside quotation marks) that a report needs beside a direct quote: with fewer,
# the report is that quote ('said "we will respond"'); with more it is a mixed quote ('said the plan was
# "a disaster"'), which is both a report and a direct quote.
OWN_WORDS = 2
# How a clause a verb reports hangs on it (or on whom it was told: 'reassured residents that ...').
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "acl", "relcl"})
# Verbs whose 'if' or 'whether' clause is the question put, not a condition.
ASKING_VERBS = frozenset({"ask", "wonder", "question", "inquire", "enquire"})
# Subjects that speak for someone even when no actor can be named.
UNNAMED_SOURCES = EPITHET_NOUNS | ROLE_NOUNS | ORG_NOUNS | COMPANY_NOUNS | COUNTRY_NOUNS | {
    "province", "state", "city", "county", "municipality", "town", "territory", "region"}


# Pronouns that point back to what was said rather than say it.
ANAPHORS = frozenset({"this", "that", "it", "these", "those", "so"})


class ReportedSpeech:
    """The reported speech of one article, over the shared parse, cues and speakers in `ctx`."""

    def __init__(self, ctx: ArticleQuotes) -> None:
        self.ctx = ctx

    def find(self) -> list[dict]:
        """Rows of reported speech: a speech verb or 'according to' with what it reports."""
        rows: list[dict] = []
        cues: list[Token] = []  # each row's cue
        ctx = self.ctx
        for i in sorted(ctx.cues | set(ctx.according)):
            cue = ctx.doc[i]
            if i not in ctx.according and cue.lemma_ not in SPEECH_VERBS:
                continue
            if cue.idx < ctx.title_end and not _headline_report(cue):
                continue  # 'Ford announces losses of $6 billion': a headline's news, not someone's words
            try:
                content = self.according_content(cue) if i in ctx.according else content_of(cue, ctx.direct_ranges)
                if content is None:
                    continue
                start, end = content
                if ctx.dateline and ctx.dateline[0] <= start < ctx.dateline[1]:
                    start = ctx.dateline[1]  # 'DETROIT (AP) — Stellantis will cut jobs, the company said'
                if self.only_quoted(start, end):
                    continue  # its words are a direct quote already
                speaker = ctx.speaker_of_cue(cue)
                if i in ctx.according and speaker.key is None and any(
                        a.i in ctx.cues and any(c.dep_ == "nsubj" for c in a.children) for a in cue.ancestors):
                    # "NPD said according to those figures, ...": the report that holds it says who; but
                    # "No deaths have been reported, according to the city" has no one else to say it
                    continue
                if speaker.key is None and not self.could_speak(cue):
                    continue  # "the plane promises ...": a thing, not a source
                # a joint statement is each of its speakers' report: one row per speaker, in text order
                speakers = [speaker] if i in ctx.according else ctx.cue_speakers.joint(cue)
                rows += [ctx.row("reported", ctx.sentence_of(i), start, end, ctx.cue_text(cue), sp)
                         for sp in speakers]
                cues += [cue] * len(speakers)
            except Exception:  # a cue the rules cannot read is skipped, never the article
                log.debug("cue at %d skipped", i, exc_info=True)
        rows = _without_told_twice(*_without_relays(rows, cues))
        rows += self.noun_reports()
        return rows + self.headline_claims(rows)

    def headline_claims(self, rows: list[dict]) -> list[dict]:
        """A headline that names who made its claim beside it, after a colon or a dash ('Depot sale puts 90
        jobs at risk: union', 'Staff not to blame - Osei'), or before a colon ('Mayor Ana Ruiz: City will
        review the contract'), when no rule has read its speech already; and a subhead in the body that names
        its source after its claim ('Workers not to blame - Martin')."""
        ctx = self.ctx
        out = []
        heads = [(0, ctx.title_end, True)] if ctx.title_end > 0 else []
        heads += [(start, end, False) for start, end in _subheads(ctx.text, max(ctx.title_end, 0))]
        for start, end, title in heads:
            if any(r["start"] < end and r["end"] > start for r in rows):
                continue
            lo, hi = bisect_left(ctx.token_starts, start), bisect_left(ctx.token_starts, end)
            for (cs, ce), (ss, se), described in _headline_parts(ctx.text[start:end]):
                if not title and not described:
                    continue  # 'Name: answer' in the body is an interview, read as one
                cs, ce, ss, se = cs + start, ce + start, ss + start, se + start
                first, last = bisect_left(ctx.token_starts, ss), bisect_right(ctx.token_starts, se - 1) - 1
                speaker = ctx.resolver.named_by(first, last, described=described) if first <= last else None
                if speaker is None or speaker.key is None or self.only_quoted(cs, ce) or any(
                        q.start <= cs + 1 and q.end >= ce - 1 for q in ctx.spans):
                    continue  # "'We must do better': Savage" is his quotation, read with the direct quotes
                if not any(m.key == speaker.key and (m.first >= hi or not title and m.first < lo)
                           for m in ctx.resolver.mentions):
                    continue  # 'Wire Digest: Mayor re-elected': a name the story never speaks of is the page's label
                sentence = ctx.sentence_of(bisect_left(ctx.token_starts, cs))
                out.append(ctx.row("reported", sentence, cs, ce, None, speaker))
                break
        return out

    def noun_reports(self) -> list[dict]:
        """Rows of a speech noun with an owner and a 'that' clause: "Ford's announcement that it would cut
        jobs", "a claim by the union that ...". With no owner ('the announcement that') nobody is named."""
        rows = []
        ctx = self.ctx
        doc = ctx.doc
        # the nouns found in the parse's array: a Token is made only for them, not for every word
        for i in np.flatnonzero(doc.to_array(POS) == NOUN_SYMBOL).tolist() if len(doc) else ():
            noun = doc[i]
            if noun.lemma_.casefold() not in SPEECH_NOUNS or noun.idx < ctx.title_end \
                    or inside(ctx.resolver.quoted, noun.idx):
                continue
            clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and _that_clause(c)), None)
            if clause is None:
                continue
            speaker = ctx.resolver.of_phrase(noun, pronouns=False)
            content = _char_range(ctx.doc, clause.left_edge.i, clause.right_edge.i)
            if speaker.key is None or content is None or self.only_quoted(*content):
                continue
            rows.append(ctx.row("reported", ctx.sentence_of(noun.i), *content, noun.text, speaker))
        return rows

    def could_speak(self, cue: Token) -> bool:
        """Whether an unresolved subject still names a source: 'analysts said', 'he said', 'a report said'."""
        ctx = self.ctx
        subject = ctx.according.get(cue.i) if cue.i in ctx.according else ctx.cue_speakers.subjects.get(cue.i)
        if subject is None:
            return False
        if subject.lower_ in RELATIVE and subject.head.dep_ == "relcl":
            subject = subject.head.head  # "analysts, who had forecast"
        if subject.lower_ in SOURCE_PRONOUNS or subject.lemma_.casefold() in SOURCE_NOUNS:
            return True
        if subject.tag_ == "NNPS" and subject.text[:1].isupper():
            return True  # 'Mounties say', 'Democrats say': a group by its name
        # 'the 44-year-old said', 'Ontario's transportation ministry says': one source, though unnamed here
        return subject.tag_ not in ("NNS", "NNPS") and (subject.lemma_.casefold() in UNNAMED_SOURCES
                                                        or subject.lower_ == "old")

    def only_quoted(self, start: int, end: int) -> bool:
        """Whether a report's words are all in direct quotes, but for a word or so ('that', 'it is')."""
        text = list(self.ctx.text[start:end])
        for s, e in self.ctx.direct_ranges:
            for i in range(max(start, s - 1), min(end, e + 1)):  # the marks belong to the quote
                text[i - start] = " "
        return len("".join(text).split()) < OWN_WORDS

    def according_content(self, tok: Token) -> tuple[int, int] | None:
        """'According to X, <content>' or '<content>, according to X'."""
        head = tok.head
        if head.i == tok.i:
            return None
        lo, hi = head.left_edge.i, head.right_edge.i
        before, after = tok.left_edge.i - lo, hi - tok.right_edge.i
        if after >= before:
            start = tok.right_edge.i + 1
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
                # 'According to a report in Ars Technica, an internal memo showed ...': the parser took the
                # report's subject into the source's phrase; the comma that ends the phrase says where
                start = next((t.i + 1 for t in tok.subtree if t.text == ","), start)
            return _char_range(self.ctx.doc, start, hi)
        return _char_range(self.ctx.doc, lo, tok.left_edge.i - 1)


def _without_relays(rows: list[dict], cues: list[Token]) -> tuple[list[dict], list[Token]]:
    """Leave out a news report that only passes on someone named saying something ('Sanaullah added that
    ..., Samaa TV reported', 'according to media reports, Minister Ana Ruiz said that ...'): the named
    speaker's own row says it, and ends before the outlet's cue. Other reports of a report keep both
    ('he observed that the government had stated to him that ...')."""
    relays = set()
    for n, (outer, at) in enumerate(zip(rows, cues)):
        if at.lemma_ != "report" and not (at.lower_ == "according" and "report" in str(outer["speaker_text"]).lower()):
            continue
        for inner, cue in zip(rows, cues):
            if cue.i == at.i or inner["speaker_key"] is None or cue.lemma_ not in CLAUSE_ONLY:
                continue
            shared = min(outer["end"], inner["end"]) - max(outer["start"], inner["start"])
            nested = outer["start"] <= cue.idx < outer["end"] and outer["start"] <= inner["start"] \
                and inner["end"] <= outer["end"]
            # the parser may hang the outlet's cue inside the speaker's clause instead: the same words
            same = shared >= 0.8 * (outer["end"] - outer["start"]) and inner["start"] <= at.idx < inner["end"]
            if nested or same:
                relays.add(n)
                if same and outer["end"] < inner["end"]:
                    inner["text"] = inner["text"][:outer["end"] - inner["start"]]  # without ', Bernama reported'
                    inner["end"] = outer["end"]
                break
    kept = [n for n in range(len(rows)) if n not in relays]
    return [rows[n] for n in kept], [cues[n] for n in kept]


def _without_told_twice(rows: list[dict], cues: list[Token]) -> list[dict]:
    """One row for words two speech verbs report alike: 'Bahlil says he has been asked by the President to fight'
    is what Bahlil says, not a second report of the President's with the same words. The outer verb's stays."""
    spans = {}
    for n, row in enumerate(rows):
        spans.setdefault((row["start"], row["end"]), []).append(n)
    dropped = set()
    for same in (ns for ns in spans.values() if len(ns) > 1):
        for n in same:
            if any(m != n and cues[m] in cues[n].ancestors for m in same):
                dropped.add(n)
    return [r for n, r in enumerate(rows) if n not in dropped]


def content_of(verb: Token, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Character range of what a speech verb reports: its clause, object or content preposition, or,
    for a verb set after its clause ('..., the ministry announced'), that clause."""
    lemma = verb.lemma_
    doc = verb.doc
    passive = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    if passive and (any(c.dep_ == "agent" for c in verb.children) or published_in(verb) is not None) and any(
            c.dep_ in ("ccomp", "xcomp", "oprd") or c.dep_ == "prep" and (c.lower_ == "as" or c.lower_ in
                                                                          CONTENT_PREPS.get(lemma, ()))
            for c in verb.children):
        # "The new iPhone was praised by Jobs as ...", "X is claimed by Y to be ...": the agent speaks,
        # and what is said is the whole clause, its subject the thing spoken of; without what it was
        # called ("the strikes were condemned by the UN") the verb is an act, as in the active voice
        return _char_range(doc, passive[0].left_edge.i, verb.right_edge.i)
    parts: list[Token] = []
    objects: list[Token] = []
    for child in verb.children:
        dep = child.dep_
        if dep in ("ccomp", "xcomp", "oprd", "attr"):
            if not semicolon_between(child, verb):
                parts.append(child)
        elif dep in ("dobj", "dative"):
            if child.tag_ in ("WP", "WDT"):
                return None  # "what it described as ...": it names a thing, the name is the report
            if lemma in PHRASE_NEEDED and child.lower_ == PHRASE_NEEDED[lemma][0]:
                continue  # 'put it to the minister that': the object belongs to the verb
            objects.append(child)
            if lemma in ADDRESSEE_VERBS:
                # "reassured residents that the council is ...": the parser hung the clause on whom it was told;
                # "accused the government of lacking transparency": the charge on whom it was made against
                # (a charge in quotation marks is a direct quote: 'accused the council of "dismissing anything"')
                parts += [c for c in child.children if c.dep_ in ("acl", "relcl") and _that_clause(c)
                          or c.dep_ == "prep" and c.lower_ in CONTENT_PREPS.get(lemma, ())
                          and not any(inside(quoted, g.left_edge.idx) for g in c.children if g.dep_ != "punct")]
        elif dep == "prep" and child.lower_ in CONTENT_PREPS.get(lemma, ()):
            parts.append(child)
        elif dep in ("advcl", "conj") and _that_clause(child):
            parts.append(child)  # "announced X, and, to everyone's surprise, that Y"
        elif dep == "advcl" and lemma in ASKING_VERBS and child.i > verb.i and any(
                c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children):
            parts.append(child)  # "asked Stewart if he was disappointed": the question, not a condition
        elif dep == "advcl" and "as" in CONTENT_PREPS.get(lemma, ()) and any(
                c.dep_ == "mark" and c.lower_ == "as" for c in child.children):
            parts.append(child)  # "described the attack as unprovoked": the parser's clause for the 'as' phrase
        elif dep == "advcl" and lemma in ADDRESSEE_VERBS and child.i > verb.i and _asked_to_do(verb, child):
            parts.append(child)  # "called on Congress to investigate": what was asked, not why
        if dep in ("prep", "npadvmod") and child.i > verb.i:
            # "announced Monday in a memo that he would ...": the parser hung the clause on the memo
            parts += [d for d in child.subtree if d.dep_ in ("relcl", "acl") and _that_clause(d)]
    if lemma == "call":  # "called for", "called on X to": calling a thing a name is not a report
        # nor is a day ('called on Thursday night'), nor a meeting someone called ('a meeting called by ...')
        parts = [p for p in parts if not (p.dep_ == "prep" and any(
            g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in p.children))]
        # (in quotation marks, the judgement is a direct quote: 'called it the "hottest thing going in radio"')
        judged = [p for p in parts if p.dep_ == "oprd" and _a_judgement(p) and not inside(quoted, p.idx)]
        if judged and verb.dep_ != "acl" and judged[0].i > verb.i:
            # 'called the council's decision disappointing', 'calls it a serious risk': a judgement, said
            return _char_range(doc, min(t.left_edge.i for t in objects + judged[:1]), judged[0].right_edge.i)
        if verb.dep_ == "acl" or not any(p.dep_ in ("prep", "advcl") for p in parts):
            return None
        objects = []
    # ('finding him guilty', 'found the car abandoned': a complement with no finite verb is no clause of its own)
    if lemma in FINDING_VERBS and not any(p.dep_ == "ccomp" and _finite(p) for p in parts):
        return None
    if lemma in CLAUSE_ONLY:
        if objects and (lemma in CLAUSE_DIRECTLY or not any(
                _that_clause(c) for o in objects for c in o.children if c.dep_ in ("acl", "ccomp"))):
            # "can add applications to the store": an act, whatever the parser hung on it; but "stressed his
            # view that the process would be quick" reports the view
            return None
        # 'said talks were proceeding, but that wages were still the issue': the second clause the parser
        # joined to the verb is said too
        parts = [p for p in parts
                 if p.dep_ in ("ccomp", "advcl", "prep") or p.dep_ in ("acl", "conj") and _that_clause(p)]
    if lemma in ADDRESSEE_VERBS and (not parts or any(p.dep_ in CLAUSE_DEPS for p in parts)):
        objects = []  # "told reporters", "..., the minister tells MPs": whom, not what
    if objects and not parts and all(o.pos_ == "PRON" and o.lower_ in ANAPHORS for o in objects):
        return None  # 'confirmed this on Wednesday', 'denied it': what was said is told elsewhere
    content = parts + objects
    if not content:
        return _parenthetical(verb, quoted) or _fronted(verb, quoted)
    if any(inside(quoted, _first_word(c).idx) and inside(quoted, _last_word(c).idx) for c in content):
        # '"...," Trump told Netanyahu': the report is the direct quote itself; but 'said the plan was
        # "a disaster"' begins outside the marks, and 'acknowledged that "a small share of users" had
        # problems' ends outside them: each is a report that holds a quote
        return None
    lo = min(c.left_edge.i for c in content)
    hi = max(c.right_edge.i for c in content)
    if lo > verb.i:
        # What follows the verb is the report, with its time and place ("announced Monday that ...")
        # but without an inverted subject ("said Jobs") or a clause of its own (", asserting that").
        lo = verb.i + 1
        while lo < len(doc) and doc[lo].dep_ == "prt" and doc[lo].head.i == verb.i:
            lo += 1  # 'pointed out that': the particle belongs to the verb
        for child in verb.rights:
            if child.dep_ == "nsubj" and child.left_edge.i <= lo:
                lo = child.right_edge.i + 1
            elif child.dep_ in TRAILING and child.i > hi:
                hi = child.right_edge.i
        # an infinitive keeps whom it was asked of ('urged them to', 'called on Congress to'): they are to do it
        clauses = [p for p in parts if p.dep_ in CLAUSE_DEPS and not infinitive(p)]
        if lemma in ADDRESSEE_VERBS and clauses:
            # "told reporters in Detroit that ...", "told Sky News his members ...": whom, not what
            lo = max(lo, min(c.left_edge.i for c in clauses))
    if verb.dep_ == "csubj" and verb.head.i > verb.i:
        hi = max(hi, verb.head.right_edge.i)  # "stating its forces will stay": the tagger split the clause
    going_on = [t for t in doc[lo:hi + 1] if t.lemma_ in CONTINUING_VERBS and continued_report(t) == verb]
    if going_on:
        hi = min(hi, going_on[0].left_edge.i - 1)  # '..., adding that ...' is a report of its own
    found = _char_range(doc, lo, hi)
    if found is not None:
        opening = next((s for s, e in quoted if s == found[0] and e < found[1]), None)
        if opening is not None and opening > 0:
            found = (opening - 1, found[1])  # a report that opens with a quote keeps its opening mark
    return found


def _finite(verb: Token) -> bool:
    """Whether a clause has a finite verb or opens with 'that': 'found that it was', 'found it was'."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD")
        or c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _a_judgement(word: Token) -> bool:
    """Whether what a thing is called judges it ('disappointing', 'a serious risk', 'an outrage') rather than
    names it ('the Butcher of Gaza', 'Big Blue', a quoted nickname)."""
    if word.pos_ == "ADJ" or word.tag_ in ("JJ", "VBG", "VBN") or word.lower_.endswith(("ing", "ful", "ous")):
        return True  # the tagger may take 'disappointing' after 'the council's decision' for a noun
    return word.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in word.children)


# What parts a headline's claim from its source: a colon, or a dash with a space on either side.
HEADLINE_BREAK = re.compile(r"\s*(?::\s|\s[-–—]+\s|[–—]\s)\s*")
MAX_SOURCE_WORDS = 4  # after the claim: 'union', 'Kofi Osei', 'city police chief'
MAX_NAME_WORDS = 6  # before it: 'Mayor Ana Ruiz'
MIN_CLAIM_WORDS = 3


def _headline_parts(title: str) -> list[tuple[tuple[int, int], tuple[int, int], bool]]:
    """Ways to read a headline as claim and source: ((claim), (source), whether the source may be an office
    or body noun rather than a name), the source after the claim first. A label before the claim
    ('COVID-19: ...') is not part of it."""
    breaks = list(HEADLINE_BREAK.finditer(title.rstrip()))
    if not breaks:
        return []
    end = len(title.rstrip())
    out = []
    last = breaks[-1]
    claim_start = breaks[-2].end() if len(breaks) > 1 else 0
    source = title[last.end():end]
    words = source.split()
    # a longer source is a described name: 'FC Goa assistant coach Clifford Miranda'
    sized = 1 <= len(words) <= MAX_SOURCE_WORDS or len(words) <= MAX_NAME_WORDS + 2 and all(
        w[:1].isupper() for w in words[-2:])
    if sized and len(title[claim_start:last.start()].split()) >= MIN_CLAIM_WORDS:
        out.append(((claim_start, last.start()), (last.end(), end), True))
    first = breaks[0]
    if first.group().strip() == ":" and len(title[:first.start()].split()) <= MAX_NAME_WORDS \
            and len(title[first.end():end].split()) >= MIN_CLAIM_WORDS:
        out.append(((first.end(), end), (0, first.start()), False))
    return out


# A subhead: a line of its own, short, that ends without a full stop or other sentence-final mark.
MAX_SUBHEAD_WORDS = 12


def _subheads(text: str, body_start: int) -> list[tuple[int, int]]:
    """Character ranges of the body's subheads: short lines that do not end as sentences do ('Workers not to
    blame - Martin')."""
    out = []
    pos = body_start
    for line in text[body_start:].split("\n"):
        start, end = pos, pos + len(line.rstrip())
        pos += len(line) + 1
        words = line.split()
        if 3 <= len(words) <= MAX_SUBHEAD_WORDS and line.rstrip()[-1] not in ".!?:;,\"”’'…)":
            out.append((start + len(line) - len(line.lstrip()), end))
    return out


def _headline_report(verb: Token) -> bool:
    """Whether a speech verb in a headline reports a clause: 'Farmers say drought aid not enough', 'Driver
    hurt in crash, police say', 'Residents claim the water is unsafe'; not 'Bradshaw blasts Today programme'
    or 'Ford announces losses', acts."""
    if verb.lemma_ in JUDGING_VERBS:
        return False
    if any(c.dep_ == "ccomp" for c in verb.children):
        return True
    return verb.lemma_ in CLAUSE_ONLY and (verb.dep_ in ("ccomp", "parataxis", "advcl")
                                           or any(c.dep_ == "parataxis" for c in verb.children))


def _asked_to_do(verb: Token, clause: Token) -> bool:
    """Whether an infinitive the parser hung on a directive verb as an adverbial clause is what the addressee
    was asked to do: it follows whom the verb addresses ('urged them to', 'called on X to') or names them
    itself ('called for them to'); 'called the meeting to discuss' states a purpose."""
    if not infinitive(clause):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
        return True
    if verb.lemma_ == "call":
        return any(c.dep_ == "prep" and c.lower_ == "on" and c.i < clause.i for c in verb.children)
    return any(c.dep_ in ("dobj", "dative") and c.i < clause.i for c in verb.children)


def _that_clause(tok: Token) -> bool:
    # "that" as a relative pronoun is a subject or object; as a mark it opens a reported clause
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _parenthetical(verb: Token, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A speech verb set beside its clause: '..., the ministry announced' or 'His plan, he stated, was ...'."""
    head = verb.head
    if inside(quoted, head.idx):
        return None
    # 'when' is the parser's adverb as often as its subordinator: "When officers spoke to her, the car was ..."
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark" or c.dep_ == "advmod" and c.tag_ == "WRB"}
    if (verb.dep_ not in ("advcl", "parataxis", "ccomp") or head.pos_ not in ("VERB", "AUX") or marks & TIME_MARKS
            or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
        return None
    if verb.dep_ == "ccomp" and head.i < verb.i:
        return None  # 'Fidan said we will respond': the verb is what was said, not who said it
    if head.i < verb.i:
        return _char_range(verb.doc, head.left_edge.i, verb.left_edge.i - 1)
    return _char_range(verb.doc, verb.right_edge.i + 1, head.right_edge.i)


def _fronted(verb: Token, quoted: list[tuple[int, int]]) -> tuple[int, int] | None:
    """'MANILA: The government will not allow the event to go ahead, Deputy Prime Minister Ahmad Zahid
    Hamidi said': the clause before the comma that sets off the speaker at the sentence's end, which the
    parser hung elsewhere, or joined the verb to ('..., PTI Chairman Gohar Ali and Ali Zafar announced at a news
    conference'). Only for a speech verb heading its sentence, or joined to the clause before it, its subject
    right after the comma."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    heads = verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.dep_ == "ROOT"
    if not heads or subject is None or subject.left_edge.i < 2:
        return None
    comma = subject.left_edge.i - 1
    start = verb.sent.start
    if doc[comma].text != "," or comma - start < 3 or inside(quoted, doc[start].idx) \
            or not any(t.pos_ in ("VERB", "AUX") for t in doc[start:comma]):
        return None
    clause = doc[start]
    while clause.head.i not in (verb.i, clause.i):
        clause = clause.head  # up to the phrase the speech verb holds
    if (doc[start].lower_ in ADVERBIAL_MARKS or doc[start].lower_ in TIME_MARKS) and clause.head.i == verb.i \
            and clause.dep_ in ("advcl", "prep") and clause.right_edge.i >= comma - 1:
        # 'Though not going into detail, the magistrate spoke of ...': when or how it was said, not what; but in
        # 'When prices rise, families suffer, the minister said' the clause belongs to what was said
        return None
    return _char_range(doc, start, comma - 1)


def _char_range(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Characters of tokens lo..hi, without the punctuation, white space or 'that' at either edge."""
    while lo <= hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].lower_ == "that" and doc[lo].dep_ == "mark"):
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if lo > hi:
        return None
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _first_word(tok: Token) -> Token:
    """The first word of the phrase a token heads, skipping punctuation and 'that'."""
    doc = tok.doc
    i = tok.left_edge.i
    while i < tok.i and (doc[i].is_punct or doc[i].is_space or doc[i].lower_ == "that" and doc[i].dep_ == "mark"):
        i += 1
    return doc[i]


def _last_word(tok: Token) -> Token:
    """The last word of the phrase a token heads, skipping punctuation."""
    doc = tok.doc
    i = tok.right_edge.i
    while i > tok.i and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    return doc[i]
