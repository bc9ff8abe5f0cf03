"""Dated events: the clauses that say what happened, and the day, week, month or year it happened.

Every temporal expression (found by the rules in `dates` and by the model's DATE entities) dates the
clause it hangs from; the clause's tense tells which way a bare "Wednesday" or "March" points from
the publication date. Sentences that report a past event with no date still give a row, undated
(precision none), so the timeline can show them before the publication date. The same event told
twice in one article ("convened ... this week", "This meeting, held on Wednesday") is kept once,
with the most precise date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
from spacy.tokens import Doc, Span, Token

from dashboard.loader.events import dates
from dashboard.loader.events.dates import Resolution

EVENT_COLUMNS = ["sentence_id", "date", "precision", "date_text", "date_text_start", "date_rule", "tense", "summary",
                 "actor_keys", "place"]
MAX_SUMMARY_WORDS = 25

# Verbs and adjectives whose infinitive complement lies ahead of the story: "is set to begin on Wednesday".
FUTURE_GOVERNORS = {
    "plan", "expect", "set", "schedule", "due", "hope", "intend", "aim", "want", "seek", "propose", "promise",
    "vow", "threaten", "go", "prepare", "agree", "decide", "likely", "about", "poised", "slate", "wish", "try",
    "need", "able", "ready", "pledge", "offer", "plot", "mean",
}
# Nouns that name an event, so that "this meeting" or "the talks" can refer back to one already told.
EVENT_NOUNS = {
    "meeting", "talk", "talks", "discussion", "summit", "visit", "trip", "session", "conference", "negotiation",
    "vote", "election", "referendum", "strike", "attack", "raid", "crash", "accident", "announcement",
    "agreement", "deal", "ceremony", "launch", "hearing", "trial", "event", "incident", "protest", "rally",
    "decision", "move", "test", "flight", "release", "speech", "interview", "statement", "round", "exchange",
    "encounter", "gathering", "signing", "ruling", "verdict", "sale", "offer", "bid", "merger", "takeover",
}
ANAPHORIC_DETERMINERS = {"this", "that", "these", "those", "the"}
# Prepositions whose object names an earlier event: "following the collapse of the Assad regime".
PRIOR_EVENT_PREPS = {"following", "after", "since"}
PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout"}
MOTION_LEMMAS = {"visit", "trip", "travel", "fly", "go", "arrive", "come", "head", "return", "journey"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
CLAUSE_BOUNDARIES = {"ccomp", "conj", "parataxis", "relcl"}
OPEN_QUOTES, CLOSE_QUOTES, BOTH_QUOTES = "“«", "”»", '"'


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
class _Event:
    """An event being built: the word it hangs on, its date, and (once described) summary, actors, place."""

    sentence_id: int
    anchor: Token
    tense: str
    resolution: Resolution
    mention: DateMention | None = None
    summary_tokens: list[Token] = field(default_factory=list)
    prefix_tokens: list[Token] = field(default_factory=list)
    actor_keys: list[str] = field(default_factory=list)
    place: str | None = None

    @property
    def position(self) -> int:
        return self.mention.start if self.mention else self.anchor.idx


# ---------------------------------------------------------------------------------------------
# Public entry points


def extract_events(doc: Doc, mentions: pd.DataFrame, published: pd.Timestamp | None) -> pd.DataFrame:
    """Events of one parsed article, dated against its publication date when it has one."""
    sentence_ids = _sentence_ids(doc)
    quoted = _quoted_chars(doc.text)
    found = date_mentions(doc, published)
    events = _dated_events(found)
    events += _undated_events(doc, found, events, sentence_ids, quoted)
    anchors = {e.anchor.i for e in events}
    for event in events:
        _describe(event, doc, mentions, quoted, anchors - {event.anchor.i})
    events = _merge_retold(events)
    rows = [_row(e) for e in sorted(events, key=lambda e: (e.sentence_id, e.position))]
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    frame["date_text_start"] = frame["date_text_start"].astype("Int64")
    return frame


def date_mentions(doc: Doc, published: object) -> list[DateMention]:
    """Temporal expressions of `doc` (the rules' and the model's DATE entities), each read in context."""
    text = doc.text  # rebuilt from the tokens on every access: read once
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
    return [m for m in resolve_spans(doc, sorted(spans), published) if m.resolution.is_date]


def resolve_spans(doc: Doc, spans: list[tuple[int, int]], published: object) -> list[DateMention]:
    """Read each (start, end) character span of `doc` as a date, with the tense of the clause it dates.

    Expressions that refer back ("the same day") take the nearest date of the same sentence, else
    the latest date before them, else the publication date.
    """
    sentence_ids = _sentence_ids(doc)
    full_text = doc.text
    pending: list[tuple[int, int, str, int, Token, str | None, bool]] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        text = full_text[start:end]
        anchor, dating_tense, nominal = _anchor_and_tense(span, text)
        pending.append((start, end, text, sentence_ids[span.start], anchor, dating_tense, nominal))
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
    out = []
    for i, (start, end, text, sid, anchor, dating_tense, nominal) in enumerate(pending):
        resolution = resolutions[i]
        tense = (_tense_of_date(resolution, published) or clause_tense(_verb_ancestor(anchor))) if nominal \
            else clause_tense(anchor)
        out.append(DateMention(start, end, text, sid, anchor, tense, resolution, nominal))
    return out


def _tense_of_date(resolution: Resolution, published: object) -> str | None:
    """past | present | future of a dated noun ("a June 3 hearing"), from its date and the publication's."""
    pub = dates.as_date(published)
    span = resolution.period()
    if pub is None or span is None:
        return None
    return "future" if span[0] > pub else "past" if span[1] <= pub else "present"


def _focus_candidates(found, start: int, sentence_id: int) -> list[DateMention]:
    """Dates an expression may refer back to, best first: same sentence by distance, then earlier ones."""
    usable = [m for m in found if m.resolution.is_resolved
              and not re.match(r"(?i)(since|until|till|before|after)\b", m.text)]
    same = sorted((m for m in usable if m.sentence_id == sentence_id), key=lambda m: abs(m.start - start))
    earlier = sorted((m for m in usable if m.sentence_id < sentence_id), key=lambda m: -m.start)
    return same + earlier


# ---------------------------------------------------------------------------------------------
# Tense and attachment


def clause_tense(verb: Token, _depth: int = 0) -> str:
    """past | present | future: the tense of the clause headed by `verb` (present perfect counts as past)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return "past" if verb.tag_ == "VBN" else "present"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_.replace("’", "'") for a in auxes}
    if words & {"will", "shall", "'ll", "wo", "would"}:
        return "future"
    if any(a.tag_ == "MD" for a in auxes):
        return "past" if "have" in {a.lemma_ for a in auxes} else "future"
    if any(a.tag_ == "TO" for a in auxes):
        head = verb.head
        if head.i == verb.i or _depth > 3:
            return "future"
        if head.lemma_.lower() in FUTURE_GOVERNORS or head.pos_ in ("NOUN", "PROPN", "PRON"):
            return "future"
        if head.pos_ in ("VERB", "AUX"):
            return clause_tense(head, _depth + 1)
        return "future"
    if any(a.lemma_ == "have" for a in auxes):
        return "past"
    if any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present"
        return "past"
    if verb.tag_ == "VBG" and not auxes and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX") \
            and _depth <= 3:
        return clause_tense(verb.head, _depth + 1)
    return "present"


def _verb_ancestor(token: Token, outside: Span | None = None) -> Token:
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
    anchor = _verb_ancestor(root, span)
    if root.pos_ in ("VERB", "AUX") and root.head.i == root.i:  # a date that is the whole clause ("Today marked ...")
        anchor = root
    tense = clause_tense(anchor)
    before = span.doc[span.start - 1].lower_ if span.start else ""
    if (re.match(r"(?i)(until|till)\b", text) or before in ("until", "till")) and anchor.tag_ != "VBD":
        tense = "future"  # a state that lasts "until Friday" ends ahead of the story
    return anchor, tense, False


def _sentence_ids(doc: Doc) -> list[int]:
    ids = [0] * len(doc)
    for i, sent in enumerate(doc.sents):
        for t in range(sent.start, sent.end):
            ids[t] = i
    return ids


def _quoted_chars(text: str) -> list[bool]:
    """For every character, whether it lies between quotation marks (reset at each line)."""
    inside, flags = False, []
    for ch in text:
        if ch == "\n":
            inside = False
        elif ch in OPEN_QUOTES:
            inside = True
        elif ch in CLOSE_QUOTES:
            flags.append(inside)
            inside = False
            continue
        elif ch in BOTH_QUOTES:
            inside = not inside
        flags.append(inside)
    return flags


# ---------------------------------------------------------------------------------------------
# Events from dates, and undated ones


def _dated_events(found: list[DateMention]) -> list[_Event]:
    """One event per clause and date; dates of one clause that nest ("March", "March 3") keep the finest."""
    events: list[_Event] = []
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
        events += [_Event(m.sentence_id, m.anchor, m.tense, m.resolution, mention=m) for m in kept]
    return events


def _undated_events(doc: Doc, found: list[DateMention], dated: list[_Event], sentence_ids: list[int],
                    quoted: list[bool]) -> list[_Event]:
    """Past events told without a date: main clauses first, else one subordinate clause or earlier event."""
    anchors = [m.anchor for m in found if not m.nominal]
    events: list[_Event] = []
    with_rows = {e.sentence_id for e in dated}
    for sid, sent in enumerate(doc.sents):
        heads = _main_clauses(sent)
        for head in heads:
            tense = clause_tense(head)
            if tense != "past" or quoted[head.idx] or any(_dates_clause(a, head) for a in anchors):
                continue
            events.append(_Event(sid, head, tense, Resolution(None, "none", _undated_rule(head))))
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


def _subordinate_past_event(sent: Span, sid: int, quoted: list[bool], heads: set[int]) -> _Event | None:
    """The first past event of a sentence whose main clause is not past: a subordinate clause, or
    an earlier event named after "following", "after" or "since"."""
    for token in sent:
        if quoted[token.idx] or token.i in heads:
            continue
        if token.lower_ in PRIOR_EVENT_PREPS and token.pos_ in ("ADP", "VERB", "SCONJ"):
            if any(c.dep_ in ("pobj", "dobj") and c.pos_ == "NOUN" and not c.ent_type_ in ("DATE", "TIME")
                   for c in token.children):
                event = _Event(sid, token, "past", Resolution(None, "none", "earlier-event-no-date"))
                event.summary_tokens = list(token.subtree)
                return event
        if token.pos_ in ("VERB", "AUX") and token.dep_ in ("advcl", "relcl", "ccomp") \
                and token.tag_ in ("VBD", "VBN") and clause_tense(token) == "past":
            return _Event(sid, token, "past", Resolution(None, "none", _undated_rule(token)))
    return None


# ---------------------------------------------------------------------------------------------
# Summary, actors, place


def _describe(event: _Event, doc: Doc, mentions: pd.DataFrame, quoted: list[bool], others: set[int]) -> None:
    """Fill the event's summary tokens, actors and place; `others` are the anchors of the other events."""
    if not event.summary_tokens:
        event.summary_tokens, event.prefix_tokens = _clause(event.anchor, quoted, others)
    tokens = event.prefix_tokens + event.summary_tokens
    event.place = _place(tokens, doc)
    event.actor_keys = _actors(tokens, mentions, event.place)


def _clause(anchor: Token, quoted: list[bool], others: set[int] = frozenset()) -> tuple[list[Token], list[Token]]:
    """The tokens of the clause an event verb heads, trimmed; and the subject it leaves unsaid.

    Left out: joined and adverbial clauses, relative clauses and appositions below it, the words of
    a quotation when the clause reports it ("..., Trump told Netanyahu"), and clauses below it that
    are events of their own (`others`: "the ministry announced on Thursday [that ...]").
    """
    root = anchor
    if anchor.dep_ == "acl" and anchor.head.pos_ in ("NOUN", "PROPN"):
        # "This meeting, held on Wednesday, marks ...": a participle on an event noun says little
        # without the clause; elsewhere the noun and its participle are the event ("fears ... causing ...")
        retold = anchor.head.lemma_.lower() in EVENT_NOUNS and anchor.tag_ == "VBN"
        root = _verb_ancestor(anchor.head) if retold else anchor.head
    elif anchor.pos_ not in ("VERB", "AUX") and anchor.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") \
            and anchor.head.pos_ in ("VERB", "AUX") and _words(anchor.subtree) < 3 and anchor.head.i not in others:
        # a dated noun too short to say anything alone: "analysts blame recent losses on ..."
        root = anchor.head
    dropped_here = {"conj", "cc", "advcl", "parataxis", "preconj"}
    dropped_below = {"relcl", "appos", "parataxis"}
    keep: list[Token] = []
    before, after = set(), set()  # token positions just outside a left-out part: the commas that framed it

    def visit(token: Token) -> None:
        keep.append(token)
        for child in token.children:
            if _within(anchor, child):
                visit(child)
            elif (token.i == root.i and child.dep_ in dropped_here) or child.dep_ in dropped_below or (
                    quoted[child.idx] and not quoted[root.idx] and child.pos_ in ("VERB", "AUX")) or (
                    child.i in others and child.dep_ in ("ccomp", "xcomp", "advcl", "acl")):
                before.add(child.left_edge.i - 1)
                after.add(child.right_edge.i + 1)
            else:
                visit(child)

    visit(root)
    # The comma before a left-out part goes; the one after it only where it would split subject and
    # verb ("Scott Carson, president of ..., said" -> "Scott Carson said").
    joins = {root.i} | {c.i for c in root.children if c.dep_ in ("aux", "auxpass", "neg")}
    keep = sorted((t for t in keep if not (t.text in (",", ";", ":", "-", "–", "—") and (
        t.i in before or (t.i in after and t.i + 1 in joins)))), key=lambda t: t.i)
    keep = _shorten(keep, root, anchor)
    return keep, _unsaid_subject(root, keep)


def _unsaid_subject(root: Token, keep: list[Token]) -> list[Token]:
    """The subject a clause shares with another: "Turkey has suspended ... and [Turkey] joined ...",
    "Erdoğan, who has condemned ...", "Israel continues ..., citing ...". Relative pronouns are
    replaced by it (removed from `keep`)."""
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT") for c in root.children):
        return []
    if root.dep_ == "relcl" and root.head.pos_ in ("NOUN", "PROPN"):
        head = root.head
        keep[:] = [t for t in keep if not (t.tag_ in ("WP", "WDT") and t.head.i == root.i)]
        return [t for t in head.subtree if t.i <= head.i and t.dep_ not in ("punct",)
                and not any(a.dep_ in ("relcl", "appos", "prep") for a in _path(t, head))]
    first = root
    while first.dep_ in ("conj", "advcl") and first.head.i != first.i and (
            first.dep_ == "conj" or first.tag_ in ("VBG", "VBN")):
        first = first.head
    if first.i == root.i:
        return []
    for child in first.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return [t for t in child.subtree if t.text not in (",", ";")
                    and not any(a.dep_ in ("relcl", "appos", "parataxis") for a in _path(t, child))]
    return []


def _within(token: Token, top: Token) -> bool:
    """True when `token` is `top` or lies below it."""
    return top.left_edge.i <= token.i <= top.right_edge.i and any(a.i == top.i for a in [token, *token.ancestors])


def _path(token: Token, top: Token) -> list[Token]:
    path = []
    while token.i != top.i and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path


def _shorten(tokens: list[Token], root: Token, anchor: Token) -> list[Token]:
    """Drop the longest complements of the root until the clause has at most MAX_SUMMARY_WORDS words."""
    keep = set(t.i for t in tokens)
    protected = {"nsubj", "nsubjpass", "aux", "auxpass", "neg"}
    while _words(t for t in tokens if t.i in keep) > MAX_SUMMARY_WORDS:
        options = [c for c in root.children if c.i in keep and c.dep_ not in protected
                   and not _within(anchor, c)]
        if not options:
            break
        longest = max(options, key=lambda c: sum(1 for t in c.subtree if t.i in keep))
        keep -= {t.i for t in longest.subtree}
    kept = [t for t in tokens if t.i in keep]
    words = [t for t in kept if not t.is_punct]
    if len(words) > MAX_SUMMARY_WORDS:
        last = words[MAX_SUMMARY_WORDS - 1].i
        kept = [t for t in kept if t.i <= last]
    return kept


def _words(tokens) -> int:
    return sum(1 for t in tokens if not t.is_punct)


def _text(tokens: list[Token]) -> str:
    """Tokens as text: their own spacing where they follow each other, one space across a gap."""
    tokens = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "mark", "punct")
                      or tokens[0].lower_ in ("however", "meanwhile", "also")):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in ("”", '"', ")"):
        tokens = tokens[:-1]
    out = ""
    for i, token in enumerate(tokens):
        out += token.text
        if i + 1 < len(tokens):
            out += token.whitespace_ if tokens[i + 1].i == token.i + 1 else " "
    out = re.sub(r"[“\"]\s*[.,]?\s*[”\"]", "", out)  # a quotation left out of a clause that reports it
    out = re.sub(r"\(\s*\)", "", out)  # brackets whose contents were left out
    out = re.sub(r"\s+", " ", out)
    out = re.sub(r"\s+([,.;:])", r"\1", out)
    out = re.sub(r",(\s*,)+", ",", out)
    if (out.count("“") != out.count("”")) or out.count('"') % 2:
        out = out.strip("“”\"")  # a quotation mark whose partner was left out
    return out.strip(" ,;:")


def _place(tokens: list[Token], doc: Doc) -> str | None:
    """Where the event happened: a place after "in", "at", "near" (or "to" after a visit) in its clause."""
    for token in tokens:
        if token.dep_ != "pobj" or token.ent_type_ not in PLACE_LABELS:
            continue
        prep = token.head
        head_lemma = prep.head.lemma_.lower()
        if prep.lower_ in PLACE_PREPS or (prep.lower_ == "to" and head_lemma in MOTION_LEMMAS):
            return re.sub(r"^(?i:the)\s+", "", _entity_text(token))
    return None


def _entity_text(token: Token) -> str:
    """The words of the named entity `token` belongs to (doc.ents is rebuilt on each access: avoided)."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def _actors(tokens: list[Token], mentions: pd.DataFrame, place: str | None) -> list[str]:
    """Keys of the actors mentioned in the event's clause (the place it happened excluded)."""
    if mentions is None or mentions.empty or "key" not in mentions.columns:
        return []
    starts = {t.idx for t in tokens}
    keys: list[str] = []
    for m in mentions.itertuples(index=False):
        key = getattr(m, "key", None)
        if not isinstance(key, str) or int(m.start) not in starts:
            continue
        if place and (str(m.text) == place or key == place):
            continue
        if key not in keys:
            keys.append(key)
    return keys


# ---------------------------------------------------------------------------------------------
# The same event told twice in one article


def _anaphoric(event: _Event) -> bool:
    """True when the event's clause refers back to an event already told: "This meeting, held ..."."""
    anchor = event.anchor
    candidates = [anchor.head] if anchor.dep_ == "acl" else [anchor] if anchor.pos_ in ("NOUN", "PROPN") else []
    candidates += [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")]
    for noun in candidates:
        if noun.lemma_.lower() in EVENT_NOUNS or noun.lower_ in EVENT_NOUNS:
            if any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in noun.children):
                return True
    return False


def _merge_retold(events: list[_Event]) -> list[_Event]:
    """Join an event that refers back ("this meeting") with the one it retells, keeping the finer date."""
    ordered = sorted(events, key=lambda e: (e.sentence_id, e.position))
    removed: set[int] = set()
    for j, later in enumerate(ordered):
        if not later.resolution.is_resolved or not _anaphoric(later):
            continue
        for i in range(j - 1, -1, -1):
            earlier = ordered[i]
            if i in removed or not earlier.resolution.is_resolved or earlier.sentence_id == later.sentence_id:
                continue
            a, b = earlier.resolution, later.resolution
            if a.contains(b) or b.contains(a):
                # the finer date wins; with equal dates the first telling, usually the fuller one
                finer, coarser = (later, earlier) if a.contains(b) and not b.contains(a) else (earlier, later)
                finer.actor_keys += [k for k in coarser.actor_keys if k not in finer.actor_keys]
                finer.place = finer.place or coarser.place
                removed.add(i if coarser is earlier else j)
                break
    return [e for k, e in enumerate(ordered) if k not in removed]


def _row(event: _Event) -> dict:
    m, r = event.mention, event.resolution
    return {
        "sentence_id": event.sentence_id,
        "date": pd.Timestamp(r.date) if r.is_resolved else pd.NaT,
        "precision": r.precision if r.is_resolved else "none",
        "date_text": m.text if m else None,
        "date_text_start": m.start if m else None,
        "date_rule": r.rule,
        "tense": event.tense,
        "summary": _text(event.prefix_tokens + event.summary_tokens),
        "actor_keys": list(event.actor_keys),
        "place": event.place,
    }
