"""When an event happened: temporal expressions read in their clause, and the rules for events told
without a date of their own.

Every temporal expression (found by the rules in `dates` and by the model's DATE entities) dates the
clause it hangs from; the clause's tense tells which way a bare "Wednesday" or "March" points from
the publication date. Past events told with no date give undated rows (precision none), so the
timeline can show them before the publication date. An event with no date of its own may take one
from the clause it belongs to, the sentence, or the paragraph that set the date of its narrative
(`inherit_dates`); otherwise it stays undated: no date is invented.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span, Token

from dashboard.loader.events import dates
from dashboard.loader.events.dates import Resolution
from dashboard.loader.events.triggers import Trigger
from dashboard.loader.quotes.marks import find_quote_spans
from dashboard.loader.vocabulary import SINGLE_MARKS

# Verbs and adjectives whose infinitive complement lies ahead of the story: "is set to begin on Wednesday".
FUTURE_GOVERNORS = {
    "plan", "expect", "set", "schedule", "due", "hope", "intend", "aim", "want", "seek", "propose", "promise",
    "vow", "threaten", "go", "prepare", "agree", "decide", "likely", "about", "poised", "slate", "wish", "try",
    "need", "able", "ready", "pledge", "offer", "plot", "mean",
    # asked or ordered to do by a day: the day lies ahead of the asking ('asked Sarma to respond by October 30')
    "ask", "order", "direct", "instruct", "require", "summon", "urge", "invite", "request",
}
# Governors whose act is the attempt itself, made when the date says: in the simple past, what was tried lies
# behind the story ('sought to block the sale on Monday'), unlike what was planned or asked for.
ATTEMPTS = frozenset({"try", "seek", "attempt"})
# Words that set a noun ahead of the story: 'a planned strike', 'the upcoming vote'.
PLANNED_WORDS = {"planned", "scheduled", "proposed", "upcoming", "forthcoming", "expected", "impending", "coming",
                 "next"}
# Verbs whose present passive looks ahead: 'rains are expected on Friday', 'the vote is scheduled for May'.
SCHEDULING_LEMMAS = {"expect", "schedule", "set", "slate", "due", "forecast", "plan", "suppose"}
# Verbs of a timetable, whose simple present with a day is the timetable's future: 'his term ends June 30',
# 'the festival opens Friday'.
TIMETABLE_VERBS = frozenset({"begin", "start", "open", "close", "end", "conclude", "expire", "finish", "resume",
                             "commence", "reopen", "kick"})
# Prepositions whose object names an earlier event: "following the collapse of the Assad regime".
PRIOR_EVENT_PREPS = {"following", "after", "since"}
CLAUSE_BOUNDARIES = {"ccomp", "conj", "parataxis", "relcl"}
OPEN_QUOTES, CLOSE_QUOTES, BOTH_QUOTES = "“«", "”»", '"'

# Verbs that put something off to a later day: a date after their "to" or "until" is ahead of the story.
POSTPONING_LEMMAS = frozenset({"adjourn", "postpone", "delay", "defer", "reschedule", "remand", "push", "move",
                               "put", "extend", "stay"})


@dataclass
class DateMention:
    """A temporal expression read in its sentence: what it dates, in which tense, and its date."""

    start: int
    end: int
    text: str
    sentence_id: int
    anchor: Token
    tense: str
    resolution: Resolution
    nominal: bool = False  # the date belongs to a noun ("the 1991 settlement"), not to a clause


@dataclass
class Event:
    """An event being built: its word, the token its date hangs on, its date, and (once described)
    class, participants, place and headline."""

    sentence_id: int
    anchor: Token
    tense: str
    resolution: Resolution
    mention: DateMention | None = None
    trigger: Trigger | None = None
    event_class: str = "occurrence"
    actor_keys: list[str] = field(default_factory=list)
    agent_keys: list[str] = field(default_factory=list)
    patient_keys: list[str] = field(default_factory=list)
    place: str | None = None
    headline: str = ""
    retold: list[Event] = field(default_factory=list)  # later mentions of the same event, merged in
    from_date_rules: bool = False  # made by a date or an undated-past rule: kept even without actors
    inherited: DateMention | None = None  # the date taken from the clause, sentence or paragraph

    @property
    def position(self) -> int:
        return self.mention.start if self.mention else self.anchor.idx


def date_mentions(doc: Doc, published: object, *, text: str | None = None,
                  sids: list[int] | None = None) -> list[DateMention]:
    """Temporal expressions of `doc` (the rules' and the model's DATE entities), each read in context.

    text, sids: `doc.text` and `sentence_ids(doc)` when the caller has them already (spaCy rebuilds
    the text from the tokens on every access).
    """
    text = doc.text if text is None else text
    spans = [(e.start, e.end) for e in dates.find_expressions(text)]
    for ent in doc.ents:
        if ent.label_ != "DATE" or "\n" in ent.text:
            continue
        if any(ent.start_char < e and s < ent.end_char for s, e in spans):
            continue
        if dates.is_named_day(text, ent.start_char, ent.end_char):
            continue
        if dates.resolve(ent.text, published).is_date:
            spans.append((ent.start_char, ent.end_char))
    return [m for m in resolve_spans(doc, sorted(spans), published, text=text, sids=sids) if m.resolution.is_date]


def resolve_spans(doc: Doc, spans: list[tuple[int, int]], published: object, *, text: str | None = None,
                  sids: list[int] | None = None) -> list[DateMention]:
    """Read each (start, end) character span of `doc` as a date, with the tense of the clause it dates.

    Expressions that refer back ("the same day") take the nearest date of the same sentence, else
    the latest date before them, else the publication date. text, sids: as for `date_mentions`.
    """
    sids = sentence_ids(doc) if sids is None else sids
    full_text = doc.text if text is None else text
    pending: list[tuple[int, int, str, int, Token, str | None, bool]] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        text = full_text[start:end]
        anchor, dating_tense, nominal = _anchor_and_tense(span, text)
        pending.append((start, end, text, sids[span.start], anchor, dating_tense, nominal))
    resolutions: dict[int, Resolution] = {}
    for i, (start, end, text, sid, anchor, dating_tense, nominal) in enumerate(pending):
        if not dates.needs_context(text):
            resolutions[i] = dates.resolve(text, published, tense=dating_tense)
    done = [DateMention(p[0], p[1], p[2], p[3], p[4], "", r) for i, r in resolutions.items() for p in [pending[i]]]
    for i, (start, end, text, sid, anchor, dating_tense, nominal) in enumerate(pending):
        if i in resolutions:
            continue
        for focus in _focus_candidates(done, start, sid):
            candidate = dates.resolve(text, published, tense=dating_tense, focus=focus.resolution)
            if candidate.is_resolved:
                resolutions[i] = candidate
                break
        else:
            resolutions[i] = dates.resolve(text, published, tense=dating_tense)
    _years_of_ranges(pending, resolutions, full_text)
    out = []
    for i, (start, end, text, sid, anchor, dating_tense, nominal) in enumerate(pending):
        resolution = resolutions[i]
        tense = (_tense_of_date(resolution, published) or clause_tense(verb_ancestor(anchor))) if nominal \
            else clause_tense(anchor)
        out.append(DateMention(start, end, text, sid, anchor, tense, resolution, nominal))
    return out


# What joins the two ends of a range of days: "between May 21 and August 18, 2021", "from May 21 to June 3".
RANGE_JOIN = re.compile(r"^\s*(?:and|to|until|till|through|[-–—])\s*$")
FOUR_DIGITS = re.compile(r"\d{4}")


def _years_of_ranges(pending: list[tuple], resolutions: dict[int, Resolution], text: str) -> None:
    """The first day of a range written without its year takes the year of the last ("between May 21 and
    August 18, 2021"), or the year before when it would otherwise fall after it. `resolutions` changes."""
    for i in range(len(pending) - 1):
        first, last = resolutions[i], resolutions[i + 1]
        (_, end, said, *_), (start, _, said_last, *_) = pending[i], pending[i + 1]
        if not (first.is_resolved and last.is_resolved and first.precision == "day" and last.precision == "day"
                and RANGE_JOIN.match(text[end:start]) and FOUR_DIGITS.search(said_last)
                and not FOUR_DIGITS.search(said)):
            continue
        year = last.date.year - ((first.date.month, first.date.day) > (last.date.month, last.date.day))
        day = dates.safe_date(year, first.date.month, first.date.day)
        if day is not None:
            resolutions[i] = Resolution(day, "day", f"{first.rule}-year-of-range")


def _tense_of_date(resolution: Resolution, published: object) -> str | None:
    """past | present | future of a dated noun ("a June 3 hearing"), from its date and the publication's."""
    pub = dates.as_date(published)
    span = resolution.period()
    if pub is None or span is None:
        return None
    return "future" if span[0] > pub else "past" if span[1] <= pub else "present"


def _focus_candidates(found, start: int, sentence_id: int) -> list[DateMention]:
    """Dates an expression may refer back to, best first: earlier in its sentence, nearest first, then
    earlier sentences."""
    usable = [m for m in found if m.resolution.is_resolved
              and not re.match(r"(?i)(since|until|till|before|after)\b", m.text)]
    # an expression refers back: a date later in its sentence is another ("on the same day, ... in March")
    same = sorted((m for m in usable if m.sentence_id == sentence_id and m.start < start), key=lambda m: -m.start)
    earlier = sorted((m for m in usable if m.sentence_id < sentence_id), key=lambda m: -m.start)
    return same + earlier


# ---------------------------------------------------------------------------------------------
# Tense and attachment


def clause_tense(verb: Token, _depth: int = 0) -> str:
    """past | present | future: the tense of the clause headed by `verb` (present perfect counts as past)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return "past" if verb.tag_ == "VBN" else "present"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    # read once: most verbs have no auxiliary or one, and the tests below ask them up to five times
    tags, lemmas = {a.tag_ for a in auxes}, {a.lemma_ for a in auxes}
    words = {a.lower_.replace("’", "'") for a in auxes}
    if words & {"will", "shall", "'ll", "wo", "would"}:
        return "future"
    if "MD" in tags:
        return "past" if "have" in lemmas else "future"
    if "TO" in tags:
        head = verb.head
        if head.i == verb.i or _depth > 3:
            return "future"
        if head.lemma_.lower() in ATTEMPTS and head.tag_ == "VBD":
            return "past"  # 'tried to blackmail him on December 10': the attempt was made that day
        if head.lemma_.lower() in FUTURE_GOVERNORS or head.pos_ in ("NOUN", "PROPN", "PRON"):
            return "future"
        if head.pos_ in ("VERB", "AUX"):
            return clause_tense(head, _depth + 1)
        return "future"
    if "have" in lemmas:
        return "past"
    if "VBD" in tags:
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        if "VBZ" in tags or "VBP" in tags:
            return "future" if verb.lemma_.lower() in SCHEDULING_LEMMAS else "present"
        return "past"
    if verb.tag_ == "VBG" and not auxes and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX") \
            and _depth <= 3:
        return clause_tense(verb.head, _depth + 1)
    return "present"


def verb_ancestor(token: Token, outside: Span | None = None) -> Token:
    """The first verb above `token` (outside `outside`), else the sentence root."""
    current = token
    while current.head.i != current.i:
        current = current.head
        if outside is not None and outside.start <= current.i < outside.end:
            continue
        if current.pos_ in ("VERB", "AUX"):
            return current
    return current


def _anchor_and_tense(span: Span, text: str) -> tuple[Token, str | None, bool]:
    """What an expression dates, the tense that decides its direction (None: nearest), and whether
    it dates a noun.

    A date in front of a noun ("a June 3 hearing", "Monday's announcement", "the 1991 settlement")
    dates that noun and says nothing about the tense of the clause around it; one in a prepositional
    phrase or adverb dates the clause.
    """
    root = span.root
    if root.dep_ in ("compound", "poss", "nmod", "amod", "nummod") and root.head.pos_ in ("NOUN", "PROPN") \
            and not span.start <= root.head.i < span.end:
        return root.head, None, True
    anchor = verb_ancestor(root, span)
    if root.pos_ in ("VERB", "AUX") and root.head.i == root.i:  # a date that is the whole clause ("Today marked ...")
        anchor = root
    tense = clause_tense(anchor)
    before = span.doc[span.start - 1].lower_ if span.start else ""
    if before == "come" and clause_tense(verb_ancestor(span.doc[span.start - 1])) != "past":
        return anchor, "future", False  # 'renewing the mandate come 8 May': when that day has come
    if before == "for" and anchor.lemma_ in SCHEDULING_LEMMAS | POSTPONING_LEMMAS | {"fix"}:
        return anchor, "future", False  # 'the new date was then set for August 9': the day it was set for is ahead
    if (before in ("to", "until", "till") or re.match(r"(?i)(until|till)\b", text)) \
            and anchor.lemma_ in POSTPONING_LEMMAS:
        tense = "future"  # "was yesterday adjourned to January 22": the day it was put off to lies ahead of it
    elif (re.match(r"(?i)(until|till)\b", text) or before in ("until", "till")) and not (
            anchor.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in anchor.children)):
        # a state that lasts "until Friday" ends ahead of the story; "did not have it until June" told of the past
        tense = "future"
    elif _planned(root, anchor):
        tense = "future"  # "two days ahead of a planned strike on Thursday"
    elif tense == "present" and anchor.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in anchor.children):
        tense = "future"  # "who is running for re-election Tuesday": what is under way for a day is still to come
    elif tense == "present" and anchor.tag_ in ("VBZ", "VBP") and anchor.lemma_.lower() in TIMETABLE_VERBS:
        tense = "future"  # "Echols' term concludes June 30"
    return anchor, tense, False


def _planned(root: Token, anchor: Token) -> bool:
    """Whether a date hangs on a noun said to be planned, scheduled or to come ('a planned strike on
    Thursday', 'the upcoming vote in May'), below the verb of its clause; not on one further up ('spoke against
    a proposed increase during a hearing Wednesday night')."""
    tok = root.head
    while tok.dep_ == "prep" and tok.i != anchor.i and tok.head.i != tok.i:
        tok = tok.head  # 'a planned strike on Thursday': the noun the date's preposition hangs on
    return tok.i != anchor.i and tok.pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.lower_ in PLANNED_WORDS for c in tok.children)


def sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence, as `doc.sents` gives them, from the parse's array (no Span
    or Token objects: a sentence starts at token 0 and wherever SENT_START is 1)."""
    if not len(doc):
        return []
    flags = doc.to_array(SENT_START)
    return [0, *(np.flatnonzero(flags[1:] == 1) + 1).tolist()]


def sentence_ids(doc: Doc, starts: list[int] | None = None) -> list[int]:
    """The sentence of every token; `starts`: `sentence_starts(doc)` when the caller has it."""
    starts = sentence_starts(doc) if starts is None else starts
    marks = np.zeros(len(doc), dtype=np.int64)
    marks[starts[1:]] = 1
    return np.cumsum(marks).tolist()


# The characters that change whether a character is quoted: a line break and the quotation marks.
_QUOTE_STATE = re.compile(f"[\n{re.escape(OPEN_QUOTES + CLOSE_QUOTES + BOTH_QUOTES)}]")


def quoted_chars(text: str, ranges: list[tuple[int, int]] | None = None) -> list[bool]:
    """For every character, whether it lies between quotation marks (reset at each line); ranges:
    `quoted_ranges(text)` when the caller has them."""
    flags = [False] * len(text)
    for start, end in quoted_ranges(text) if ranges is None else ranges:
        flags[start:end] = [True] * (end - start)
    return flags


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Sorted, separate character ranges of `quoted_chars`' True runs, read only at the characters
    that change the state: an opening mark is quoted, a closing one as what it closes, a line break
    never."""
    runs: list[tuple[int, int]] = []
    inside, pos = False, 0

    def add(start: int, end: int) -> None:
        if start >= end:
            return
        if runs and runs[-1][1] == start:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))

    for m in _QUOTE_STATE.finditer(text):
        i, ch = m.start(), m.group()
        if inside:
            add(pos, i)
        if ch == "\n":
            inside = False
        elif ch in OPEN_QUOTES:
            inside = True
            add(i, i + 1)
        elif ch in CLOSE_QUOTES:
            if inside:
                add(i, i + 1)
            inside = False
        else:
            inside = not inside
            if inside:
                add(i, i + 1)
        pos = i + 1
    if inside:
        add(pos, len(text))
    if any(c in text for c in SINGLE_MARKS):
        runs = _with_single_quotes(runs, text)
    return runs


def _with_single_quotes(runs: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """`runs` joined with the quotes in single marks (‘…’, '…'), told apart from apostrophes as the
    quote rules tell them, marks included: 'I just hit it,' Reid said."""
    singles = [(q.opening, q.closing + 1) for q in find_quote_spans(text)
               if q.opening >= 0 and q.closing >= 0 and text[q.opening] in SINGLE_MARKS]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(runs + singles):
        if merged and start <= merged[-1][1]:  # overlapping or touching: one run
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# ---------------------------------------------------------------------------------------------
# Events from dates, and undated ones


def dated_events(found: list[DateMention]) -> list[Event]:
    """One event per clause and date; dates of one clause that nest ("March", "March 3") keep the finest."""
    events: list[Event] = []
    by_anchor: dict[int, list[DateMention]] = {}
    for m in found:
        by_anchor.setdefault(m.anchor.i, []).append(m)
    for group in by_anchor.values():
        resolved = sorted((m for m in group if m.resolution.is_resolved),
                          key=lambda m: (dates.PRECISIONS.index(m.resolution.precision), m.start))
        kept: list[DateMention] = []
        for m in resolved:
            if not any(k.resolution.contains(m.resolution) or m.resolution.contains(k.resolution) for k in kept):
                kept.append(m)
        if not kept:
            kept = [min(group, key=lambda m: m.start)]
        events += [Event(m.sentence_id, m.anchor, m.tense, m.resolution, mention=m) for m in kept]
    return events


def undated_events(doc: Doc, found: list[DateMention], dated: list[Event], quoted: list[bool]) -> list[Event]:
    """Past events told without a date: main clauses first, else one subordinate clause or earlier event."""
    anchors = [m.anchor for m in found if not m.nominal]
    events: list[Event] = []
    with_rows = {e.sentence_id for e in dated}
    for sid, sent in enumerate(doc.sents):
        heads = _main_clauses(sent)
        for head in heads:
            tense = clause_tense(head)
            if tense != "past" or quoted[head.idx] or any(_dates_clause(a, head) for a in anchors):
                continue
            events.append(Event(sid, head, tense, Resolution(None, "none", _undated_rule(head))))
            with_rows.add(sid)
        if sid in with_rows:
            continue
        fallback = _subordinate_past_event(sent, sid, quoted, {h.i for h in heads})
        if fallback is not None:
            events.append(fallback)
            with_rows.add(sid)
    return events


def _main_clauses(sent: Span) -> list[Token]:
    heads = [sent.root]
    for head in heads:
        heads += [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    return heads


def _dates_clause(anchor: Token, head: Token) -> bool:
    """True when a date anchored at `anchor` dates the clause of `head` (not a reported or joined clause)."""
    current = anchor
    while current.i != head.i:
        if current.dep_ in CLAUSE_BOUNDARIES or current.head.i == current.i:
            return False
        current = current.head
    return True


def _undated_rule(verb: Token) -> str:
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if not perfect and verb.dep_ == "conj":
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.head.children)
    return "present-perfect-no-date" if perfect else "past-tense-no-date"


def _subordinate_past_event(sent: Span, sid: int, quoted: list[bool], heads: set[int]) -> Event | None:
    """The first past event of a sentence whose main clause is not past: a subordinate clause, or
    an earlier event named after "following", "after" or "since"."""
    for token in sent:
        if quoted[token.idx] or token.i in heads:
            continue
        if token.lower_ in PRIOR_EVENT_PREPS and token.pos_ in ("ADP", "VERB", "SCONJ"):
            nouns = [c for c in token.children if c.dep_ in ("pobj", "dobj") and c.pos_ == "NOUN"
                     and c.ent_type_ not in ("DATE", "TIME")]
            if nouns:  # the earlier event is the noun: "following the collapse of the regime"
                return Event(sid, nouns[0], "past", Resolution(None, "none", "earlier-event-no-date"))
        if token.pos_ in ("VERB", "AUX") and token.dep_ in ("advcl", "relcl", "ccomp") \
                and token.tag_ in ("VBD", "VBN") and clause_tense(token) == "past":
            return Event(sid, token, "past", Resolution(None, "none", _undated_rule(token)))
    return None




# ---------------------------------------------------------------------------------------------
# Dates an event takes from the text around it

# Classes whose events took place, so that the time of their clause or narrative is theirs too.
INHERITING_CLASSES = frozenset({"occurrence", "reporting", "state"})
# Clauses that keep their own time: what was reported, a relative clause, a clause set beside.
OWN_TIME = frozenset({"ccomp", "parataxis", "relcl", "csubj"})
NARRATIVE_PRECISIONS = frozenset({"day", "week"})


def inherit_dates(events: list[Event], paragraphs: list[int]) -> None:
    """Date the undated events that the text dates through their clause ("inherited-clause"), a clause
    they are joined to ("inherited-sentence"), or the paragraph that set the day of its narrative
    ("inherited-paragraph"; only main clauses in the past, until a clause in another tense breaks it).

    paragraphs: the paragraph of each sentence. Events whose class says they did not happen
    (negated, hypothetical, intention) keep no date they do not give themselves.
    """
    dated_at: dict[int, Event] = {}
    occasions: dict[int, Event] = {}  # any dated event, at its own word: 'Monday's hearing', 'issued Friday'
    for e in events:
        if e.mention is not None and e.resolution.is_resolved:
            occasions.setdefault(e.anchor.i, e)
            if e.trigger is not None:
                occasions.setdefault(e.trigger.head.i, e)
            if e.mention.nominal:
                continue
            dated_at.setdefault(e.anchor.i, e)
            if e.trigger is not None:
                dated_at.setdefault(e.trigger.verb.i, e)
    for e in events:
        if _can_inherit(e):
            source = _clause_date(e, dated_at) or _occasion_date(e, occasions)
            if source is not None:
                _take(e, *source)
    narrative: dict[int, tuple[int, Event]] = {}
    for e in sorted(events, key=lambda e: (e.sentence_id, e.position)):
        if e.trigger is None or not _main_clause(e.trigger.verb):
            continue
        para = paragraphs[e.sentence_id]
        if e.mention is not None and e.resolution.is_resolved and not e.mention.nominal:
            if e.tense == "past" and e.resolution.precision in NARRATIVE_PRECISIONS:
                narrative[para] = (e.sentence_id, e)
            continue
        if e.resolution.is_resolved:
            continue
        if e.tense != "past" or _perfect(e.trigger.verb):
            if e.event_class != "reporting":
                narrative.pop(para, None)  # the narrative's time no longer fits
            continue
        source = narrative.get(para)
        if source is not None and source[0] < e.sentence_id and _can_inherit(e):
            _take(e, source[1], "inherited-paragraph")


def _can_inherit(e: Event) -> bool:
    return (e.mention is None and not e.resolution.is_resolved and e.trigger is not None
            and e.event_class in INHERITING_CLASSES)


def _clause_date(e: Event, dated_at: dict[int, Event]) -> tuple[Event, str] | None:
    """The dated event whose clause holds `e`'s, and whether it was reached across a joined clause."""
    trigger = e.trigger
    own_verb = trigger.verb.i in dated_at and _argument_of(trigger.head, trigger.verb)
    if trigger.nominal and not trigger.light and own_verb:
        source = dated_at[trigger.verb.i]  # "met on Monday for talks": the talks are dated by their verb
        return (source, "inherited-clause") if source.event_class in INHERITING_CLASSES else None
    current = trigger.verb if trigger.verb.pos_ in ("VERB", "AUX") else trigger.head
    joined = False
    for _ in range(6):
        if current.head.i == current.i or current.dep_ in OWN_TIME:
            return None
        if current.dep_ == "advcl" and any(c.dep_ == "mark" for c in current.children):
            return None  # "before", "after", "if", "when": a time of its own
        joined = joined or current.dep_ == "conj"
        current = current.head
        source = dated_at.get(current.i)
        if source is not None:
            if source.tense != e.tense or _present_perfect(e.trigger.verb) != _present_perfect(source.anchor):
                return None  # "opened on Wednesday and has since served": what has gone on since, not that day
            return source, "inherited-sentence" if joined else "inherited-clause"
    return None


# Prepositions that place an act inside an occasion ('spoke at Monday's hearing', 'said in a letter issued
# on Friday'), and the parts of an occasion that are still its day ('at the end of the hearing').
OCCASION_PREPS = frozenset({"at", "during", "in"})
OCCASION_PARTS = frozenset({"start", "end", "beginning", "close", "opening", "sidelines", "margins", "conclusion"})


def _occasion_date(e: Event, occasions: dict[int, Event]) -> tuple[Event, str] | None:
    """The dated occasion an act took place at: the event noun of its 'at', 'during' or 'in' phrase, or
    the dated participle that tells when the thing it names came out ('a letter issued on Friday')."""
    verb = e.trigger.verb
    if e.trigger.nominal or verb.pos_ not in ("VERB", "AUX"):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in OCCASION_PREPS:
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if noun.lemma_.casefold() in OCCASION_PARTS:
                noun = next((g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                             for g in p.children if g.dep_ == "pobj"), noun)
            candidates = [noun] + [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
            source = next((occasions[c.i] for c in candidates if c.i in occasions), None)
            if source is not None and source is not e:
                return source, "inherited-occasion"
    return None


def _take(e: Event, source: Event, rule: str) -> None:
    r = source.resolution
    e.resolution = Resolution(r.date, r.precision, rule)
    e.inherited = source.mention


def _main_clause(verb: Token) -> bool:
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _present_perfect(verb: Token) -> bool:
    """'has burnt', 'have met': what has gone on up to now ('had written' is a past of its own)."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _argument_of(noun: Token, verb: Token) -> bool:
    """True when `noun` is an argument of `verb`, directly or through one preposition."""
    return noun.head.i == verb.i or (noun.head.dep_ in ("prep", "agent") and noun.head.head.i == verb.i)
