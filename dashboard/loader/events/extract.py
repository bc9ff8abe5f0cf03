"""Events: who did what to whom, when the text says so.

An event is a predicate with participants: every action, occurrence, state or statement an actor
takes part in, dated or not. Its word follows TimeML (`triggers`); its participants are resolved to
the article's actors as quote speakers are (`resolver`); its date is its own time expression, else
one its clause, sentence or paragraph gives it, else none (`dating`); the same event told twice
is kept once (`coreference`); every event gets a headline (`headlines`) and a salience
(`salience`). Dated clauses and undated past clauses without a named actor are kept as well, so no
date the text gives is lost.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right

import pandas as pd
from spacy.tokens import Doc, Token

from dashboard.loader.actors.resolver import RANK_AND_FILE, STATEMENT_NOUNS, MentionIndex
from dashboard.loader.assembly.tables import EVENT_COLUMNS, table_frame
from dashboard.loader.events import headlines
from dashboard.loader.events.coreference import merge_retold, merge_title, merge_within_clause
from dashboard.loader.events.dates import Resolution
from dashboard.loader.events.dating import (
    DateMention,
    Event,
    clause_tense,
    date_mentions,
    dated_events,
    inherit_dates,
    quoted_chars,
    quoted_ranges,
    resolve_spans,
    sentence_ids,
    sentence_starts,
    undated_events,
)
from dashboard.loader.events.resolver import actor_of, make_resolver
from dashboard.loader.events.salience import salience_scores
from dashboard.loader.events.tokens import DocView
from dashboard.loader.frames import Columns, column_values, row_count
from dashboard.loader.reading.datelines import find_dateline
from dashboard.loader.events.triggers import (
    EVENT_NOUNS,
    NEGATING_VERBS,
    REPORTING_VERBS,
    Trigger,
    event_class,
    find_triggers,
    governing_verb,
    roles,
    shared_subject,
    trigger_span,
)

__all__ = ["EVENT_COLUMNS", "DateMention", "clause_tense", "date_mentions", "extract_events", "resolve_spans"]

PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout"}
MOTION_LEMMAS = {"visit", "trip", "travel", "fly", "go", "arrive", "come", "head", "return", "journey"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
PLACE_KINDS = {"place"}
QUOTE_MARKS = {'"', "“", "”", "«", "»", "'", "‘", "’"}
# Pronouns that, as objects, never stand for the subject of their own clause (that would be "itself").
OBJECT_PRONOUNS = {"it", "them", "him", "her", "they", "he", "she"}
TIME_LABELS = {"DATE", "TIME"}
# What a web page tells its reader to do: 'click here', 'tap to listen', 'subscribe'.
READER_VERBS = {"click", "tap", "subscribe", "scroll", "download"}
# The line an embedded post ends with: a dash, who posted it, their handle, the day.
TWEET_SIGNATURE = re.compile(r"[—–][ \t]*[^\n—–]{1,80}?\(@\w{1,30}\)[ \t]*[^\n]{0,40}$", re.MULTILINE)
log = logging.getLogger(__name__)
# Nouns for what happened or was said: never a description of an actor ("the strike", "his comments").
HAPPENINGS_AND_WORDS = EVENT_NOUNS | STATEMENT_NOUNS
# What a person holds in their own right, whose end or start is theirs: 'Echols' term concludes June 30'.
HELD_BY_A_PERSON = frozenset({"term", "tenure", "mandate", "contract", "career", "sentence", "presidency",
                              "premiership", "reign", "candidacy", "licence", "license"})
# Subjects whose owner is a party to what they do: the owner's act, words or standing.
OWNERS_OWN = HAPPENINGS_AND_WORDS | HELD_BY_A_PERSON

NAMING_DEPS = {"amod", "compound", "poss", "nmod", "conj", "cc", "det", "nummod", "appos"}


class _Article:
    """What the rules need to know about one parsed article, computed once."""

    def __init__(self, doc: Doc, mentions: pd.DataFrame | Columns, published: object,
                 index: MentionIndex | None = None, view: DocView | None = None,
                 voices: list[tuple[int, int, str]] = (), speakers: dict[tuple[int, str], str] | None = None) -> None:
        """view: the article's `DocView` when the caller built it already (with `sentence_starts(doc)`).
        voices: the character ranges of direct quotes and who said each. speakers: who the words naming a
        quote's speaker in a sentence stand for, (sentence, words) -> key."""
        self.voices = voices
        self.speakers = speakers or {}
        self.sent_starts = sentence_starts(doc) if view is None else view.sent_starts
        self.sids = sentence_ids(doc, self.sent_starts)
        # the rules read the parse through a view of it, built once (see tokens.py)
        view = self.doc = DocView(doc, self.sent_starts) if view is None else view
        self.text = view.text  # spaCy rebuilds doc.text from Token objects on every access
        ranges = quoted_ranges(self.text)
        self.quoted = quoted_chars(self.text, ranges)
        self.resolver = make_resolver(doc, mentions, ranges, self.sent_starts, index=index)
        doc = view
        self.key_at = _keys_by_token(doc, mentions)
        self.dateline = find_dateline(self.text) or (0, 0)
        # the day in a dateline ('MIDLAND, Texas, March 2 --') is when the story was filed, not an event's
        # nor is the day a quoted post's signature gives ('— Ana Ruiz (@anaruiz) May 2, 2020'): it was posted then
        signed = [mt.span() for mt in TWEET_SIGNATURE.finditer(self.text)]
        self.found = [m for m in date_mentions(doc, published, text=self.text, sids=self.sids)
                      if not self.dateline[0] <= m.start < self.dateline[1]
                      and not any(lo <= m.start < hi for lo, hi in signed)]
        self.date_tokens = {i for m in self.found for i in _span_tokens(doc, m.start, m.end)}
        self.paragraphs = _paragraphs(self.text, [doc[s].idx for s in self.sent_starts])
        self.cache: dict[int, list[str]] = {}
        self.body_start = self.text.find("\n") + 1  # the headline is the first line

    def in_story(self, tokens: list[Token]) -> list[Token]:
        """`tokens` without the dateline ('DETROIT (AP) —'): where the story was filed is not what happened."""
        lo, hi = self.dateline
        return [t for t in tokens if not lo <= t.idx < hi] if hi else tokens

    def keys(self, token: Token) -> list[str]:
        """Actors a participant phrase names: the resolver's answer, else the names inside the phrase."""
        if token.i not in self.cache:
            self.cache[token.i] = []  # a phrase that leads back to itself names nobody
            if _expletive(token):
                return []
            if self.quoted[token.idx]:
                # "I have been up since 4 a.m. yesterday," the commissioner said: the speaker
                key = self.voice_at(token.idx) if token.lower_ in FIRST_PERSON else None
                if key is not None:
                    self.cache[token.i] = [key]
                    return self.cache[token.i]
            both = self._pair_before(token) or self._joined_subject_before(token)
            if both:
                self.cache[token.i] = both
                return both
            key = actor_of(self.resolver, token) if not self.quoted[token.idx] else None
            if self.speakers and token.dep_ == "nsubj" and self.resolver is not None:
                # the one who speaks is whoever the quotes found ('"...," he told ABC Radio'): the quotes read
                # who is being quoted, which an event alone cannot
                key = self.speakers.get((self.sids[token.i], self.resolver.phrase_text(token)), key)
            if key is None and self.resolver is not None and token.pos_ == "NOUN" \
                    and self.resolver.someone_elses(token):
                return []  # "his attorneys say": they act, not the man they speak for
            # "Australian farmers competed": the farmers, not the state (a firm's workers may act as the firm)
            people = key is None and token.pos_ == "NOUN" and token.lemma_.lower() in RANK_AND_FILE
            owners, owned = self._people_owning(token)
            titled = self.resolver.index.titled if self.resolver is not None else set()
            phrase = _phrase(token)
            in_title = {self.key_at.get(t.i) for t in phrase if t.i in titled}
            if key in owners | in_title and token.i not in self.key_at or token.i in titled:
                key = None  # 'Acme Chief Executive Ana Ruiz': Acme is how she is described, not one who acts
            named = []
            for t in phrase:
                if t.i in owned or t.i in titled:
                    continue
                k = self.key_at.get(t.i)
                if k is None and t.dep_ == "poss" and t.i != token.i and t.pos_ == "PRON":
                    k = next(iter(self.keys(t)), None)  # "its sales": the company's
                citizens = people and self.resolver is not None and self.resolver.kinds.get(k) == "country"
                if k and k not in named and not citizens:
                    named.append(k)
            subject = token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX")
            if key and token.lower_ in OBJECT_PRONOUNS and not subject and token.dep_ != "poss" \
                    and key in self._subject_keys(token):
                key = None  # "Turkey joined the case against it": not Turkey (a possessive may be)
            one_person = token.tag_ == "NN" and self.resolver is not None and self.resolver.kind_of(key) == "person"
            if key and key in named and token.pos_ == "NOUN" and not one_person:
                keys = named  # "Turkish and Israeli officials": every country named, not the first
            # (but "his lawyer, Alan Fisher," is Alan Fisher alone: whose lawyer he is, he is not)
            else:
                keys = [key] if key else named
            if token.dep_ == "conj" and token.i not in self.key_at and keys and keys == self.keys(token.head):
                keys = []  # 'he and the senator' are two: a description joined to a name is someone else
            self.cache[token.i] = keys
        return self.cache[token.i]


    def _pair_before(self, token: Token) -> list[str]:
        """The actors of 'A and B, who filed the lawsuit': a relative pronoun set after two joined names stands
        for both, unless its verb says one ('who files')."""
        verb = token.head
        if token.lower_ not in ("who", "which") or token.dep_ != "nsubj" or verb.dep_ != "relcl":
            return []
        head = verb.head  # the parser hangs the clause on either name
        first, last = (head.head, head) if head.dep_ == "conj" else (head, next(
            (c for c in head.children if c.dep_ == "conj" and c.i < token.i), None))
        if last is None or not _joined_by_and(first) \
                or any(c.dep_ == "relcl" and c.i != verb.i for c in (*first.children, *last.children)):
            return []  # 'Citigroup, which fell 13.8%, and Bank of America, which dropped 14%': each its own
        if verb.tag_ == "VBZ" or any(c.tag_ == "VBZ" for c in verb.children if c.dep_ == "aux"):
            return self.keys(last)  # 'who files': the one named next to it
        keys = [k for t in (first, last) for k in self.keys(t)]
        return list(dict.fromkeys(keys)) if len(set(keys)) > 1 else []

    def _joined_subject_before(self, token: Token) -> list[str]:
        """The people of 'Bainimarama and Qiliho appeared before the magistrate. / They appeared at the court on
        Friday': a subject 'they' stands for the two or more people joined as the subject of the sentence
        before, when that sentence has such a subject."""
        if token.lower_ != "they" or token.dep_ not in ("nsubj", "nsubjpass"):
            return []
        sid = self.sids[token.i]
        if sid == 0:
            return []
        lo, hi = self.sent_starts[sid - 1], self.sent_starts[sid]
        for tok in self.doc[lo:hi]:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ROOT" or not _joined_by_and(tok):
                continue
            people = [t for t in (tok, *(c for c in tok.children if c.dep_ == "conj")) if t.i in self.key_at]
            keys = list(dict.fromkeys(self.key_at[t.i] for t in people))
            if len(keys) > 1 and self.resolver is not None and all(
                    self.resolver.kinds.get(k) == "person" for k in keys):
                return keys
        return []

    def voice_at(self, char: int) -> str | None:
        """Who said the direct quote holding character `char`, when the quotes name them."""
        return next((key for start, end, key in self.voices if start <= char < end), None)

    def _people_owning(self, token: Token) -> tuple[set[str], set[int]]:
        """The people a subject phrase names only as owners ('her roof caved in', 'Lee's garage buckled',
        'pieces of his roof fell') and the positions of the words naming them: what the thing did or
        underwent, they did not. An event noun, a statement, what a person holds in their own right or a noun
        with an 'of' phrase is the owner's own ('his visit', 'her statement', 'his term', 'his choice of Ruiz');
        an object is left alone ('she ran to grab her dog': whose dog tells who grabbed)."""
        keys: set[str] = set()
        words: set[int] = set()
        if self.resolver is None or token.dep_ not in ("nsubj", "nsubjpass"):
            return keys, words
        of = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj"]
        for thing in ([] if of else [token]) + [g for g in of if g.pos_ == "NOUN"]:
            if thing.lemma_.lower() in OWNERS_OWN:
                continue
            for t in (c for c in thing.children if c.dep_ == "poss"):
                k = self.key_at.get(t.i) or (next(iter(self.keys(t)), None) if t.pos_ == "PRON" else None)
                if k is None:
                    k = actor_of(self.resolver, t)  # a name the entity model missed ('Dorsay's roof')
                if k and self.resolver.kinds.get(k) == "person":
                    keys.add(k)
                    words |= {w.i for w in t.subtree}
        return keys, words

    def _subject_keys(self, pron: Token) -> list[str]:
        """Actors named by the subject of the clause a pronoun stands in."""
        verb = pron.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != pron.i]
        if not subjects:
            shared = shared_subject(verb)
            subjects = [shared] if shared is not None and shared.i != pron.i else []
        return [k for c in subjects for k in self.keys(c)]


def _expletive(token: Token) -> bool:
    """'it' that stands for nothing: "it is feared that ...", "it seems that ...", "it is likely to ...";
    the 'it' of time ("it is two years since ...", "it took them a week to ..."); a cleft's 'it' ("it was
    Mayor Ruiz who ...")."""
    if token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass", "expl"):
        return False
    head = token.head
    if token.dep_ == "expl" or any(c.dep_ in ("ccomp", "xcomp") for c in head.children) and (
            token.dep_ == "nsubjpass" or head.lemma_ in ("be", "seem", "appear")):
        return True
    children = list(head.children)
    if head.lemma_ == "be":
        return any(c.dep_ == "attr" and (c.ent_type_ in TIME_LABELS or c.pos_ == "PROPN" and any(
            g.dep_ in ("relcl", "acl") for g in c.children)) for c in children)
    return head.lemma_ == "take" and any(c.dep_ in ("dobj", "npadvmod") and c.ent_type_ in TIME_LABELS
                                         for c in children) and any(c.dep_ in ("advcl", "xcomp") for c in children)


def extract_events(doc: Doc, mentions: pd.DataFrame | Columns, published: pd.Timestamp | None, *,
                   index: MentionIndex | None = None, quotes: pd.DataFrame | Columns | None = None) -> pd.DataFrame:
    """Events of one parsed article, dated against its publication date when it has one.

    index: the article's mention index (`actors.resolver.MentionIndex`) when the quotes have one.
    quotes: the article's quotes (`quote_columns`), whose direct quotes' speakers are the "I" and "we" in them.
    """
    return table_frame("events", event_columns(doc, mentions, published, index=index, quotes=quotes))


def event_columns(doc: Doc, mentions: pd.DataFrame | Columns, published: pd.Timestamp | None, *,
                  index: MentionIndex | None = None, view: DocView | None = None,
                  quotes: pd.DataFrame | Columns | None = None) -> Columns:
    """`extract_events`' table column by column (columns EVENT_COLUMNS).

    view: the article's `DocView(doc, sentence_starts(doc))` when the caller shares it with other steps;
    the caller then releases it.
    """
    art = None
    try:
        art = _Article(doc, mentions, published, index, view, voices=_voices(quotes), speakers=_speakers(quotes))
        return _events(art)
    except Exception:  # a rule that fails on one article costs that article its events, never the folder
        log.warning("events skipped for an article of %d tokens", len(doc), exc_info=True)
        return {c: [] for c in EVENT_COLUMNS}
    finally:
        if view is None and art is not None:
            art.doc.release()


def _events(art: _Article) -> Columns:
    doc = art.doc
    # an event noun inside an actor's name ("Rules of Order", "the Strike Committee") is part of the name
    triggers = [t for t in find_triggers(doc, art.quoted) if not (t.nominal and t.head.i in art.key_at)
                and not _to_the_reader(t.verb)]
    at: dict[int, Trigger] = {trig.head.i: trig for trig in triggers}
    for trig in triggers:
        if trig.light:  # a date on "held" dates the talks it holds
            at.setdefault(trig.verb.i, trig)
    events = dated_events(art.found)
    events += undated_events(doc, art.found, events, art.quoted)
    # verbs a date of their own dates ('Yesterday, at this year's conference, Jobs unveiled'): a dated noun
    # does not set them
    dated_verbs = {e.anchor.i for e in events if e.mention is not None and not e.mention.nominal}
    for e in events:
        e.from_date_rules = True
        noun = _dated_noun(e, at)
        e.trigger = at[noun.i] if noun is not None else at.get(e.anchor.i) or _setting_of(e, at, dated_verbs) \
            or _own_trigger(e.anchor)
    # a verb a dated noun sets its event in ('told ... on this morning's program') is that dated event, once
    set_in = {e.trigger.head.i for e in events if e.mention is not None and e.anchor.i != e.trigger.head.i
              and e.mention.nominal and not e.trigger.nominal}
    events = [e for e in events if e.mention is not None or e.trigger.head.i not in set_in]
    taken = {e.trigger.head.i for e in events}
    for trig in triggers:
        if trig.head.i not in taken:
            taken.add(trig.head.i)
            tense = clause_tense(trig.verb)
            events.append(Event(art.sids[trig.head.i], trig.head, tense, _undated(trig, tense)))
            events[-1].trigger = trig
    for e in events:
        _describe(e, art)
    events = [e for e in merge_within_clause(events) if e.actor_keys or e.from_date_rules]
    inherit_dates(events, art.paragraphs)
    for e in events:
        e.headline = _headline(e, art)
    events = merge_title(merge_retold(events), title_sentence=_title_sentence(art))
    rows = [_row(e, art) for e in sorted(events, key=lambda e: (e.sentence_id, e.position, e.trigger.head.i))]
    return _columns(rows)


def _joined_by_and(tok: Token) -> bool:
    """Whether a noun has others joined to it by "and" ('Hastings and his aide Jones')."""
    return any(c.dep_ == "cc" and c.lower_ == "and" for c in tok.children)


# Words by which a speaker speaks of themself, or of the group they speak for.
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})


def _voices(quotes: pd.DataFrame | Columns | None) -> list[tuple[int, int, str]]:
    """(start, end, speaker key) of each direct quote with a speaker."""
    if quotes is None:
        return []
    return [(int(start), int(end), key) for kind, start, end, key in zip(
        quotes["kind"], quotes["start"], quotes["end"], quotes["speaker_key"])
        if kind == "direct" and isinstance(key, str) and key]


def _speakers(quotes: pd.DataFrame | Columns | None) -> dict[tuple[int, str], str]:
    """(sentence, the words naming the speaker) -> the speaker, for each quote whose speaker is known."""
    if quotes is None:
        return {}
    return {(int(sid), text): key for sid, text, key in zip(quotes["sentence_id"], quotes["speaker_text"],
                                                          quotes["speaker_key"])
            if isinstance(key, str) and key and isinstance(text, str) and text}


def _columns(rows: list[dict]) -> Columns:
    """The events' columns, with each row's salience."""
    columns = {c: [r[c] for r in rows] for c in EVENT_COLUMNS if c != "salience"}
    columns["salience"] = salience_scores(columns["precision"], columns["agent_keys"], columns["patient_keys"],
                                          [1] * len(rows), columns["sentence_id"], columns["event_class"])
    return columns


def _to_the_reader(verb: Token) -> bool:
    """Whether a verb tells the reader what to do on the page ('click here', 'To hear the report, click
    here'): the imperative itself or the purpose it is given for; the page's furniture, not the story's."""
    for word in (verb, verb.head if verb.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) else None):
        if word is not None and word.lemma_.lower() in READER_VERBS and word.tag_ == "VB" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux") for c in word.children):
            return True
    return False


def _dated_noun(e: Event, at: dict[int, Trigger]) -> Token | None:
    """The event noun a date stands beside, which it dates rather than the clause: "its launch in 2003",
    "a large loss yesterday", "its best finish since November 2008"."""
    m = e.mention
    if m is None or m.nominal:
        return None
    span = e.anchor.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    head = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root.head
    if root.dep_ not in ("pobj", "npadvmod", "prep") or head.pos_ != "NOUN" or head.i == root.i:
        return None
    trig = at.get(head.i)
    return head if trig is not None and trig.head.i == head.i and not trig.light else None


# Prepositions that set an event in a thing a date is given to: 'told ABC Radio on this morning's program'.
SETTING_PREPS = frozenset({"on", "in", "at", "during"})


def _setting_of(e: Event, at: dict[int, Trigger], dated_verbs: set[int]) -> Trigger | None:
    """The event of the verb a dated noun that is no event sets it in: 'he told ABC Radio on this morning's
    AM program', 'said in Tuesday's edition' happened that day; not a verb with a date of its own."""
    noun = e.anchor
    if e.mention is None or not e.mention.nominal or noun.dep_ != "pobj":
        return None
    prep = noun.head
    trig = at.get(prep.head.i) if prep.dep_ == "prep" and prep.lower_ in SETTING_PREPS \
        and prep.head.i not in dated_verbs else None
    return trig if trig is not None and not trig.nominal and trig.head.i == prep.head.i else None


def _own_trigger(anchor: Token) -> Trigger:
    """The event word of a dated clause or noun that no rule took: the anchor itself."""
    if anchor.pos_ in ("VERB", "AUX"):
        return Trigger(anchor, anchor)
    return Trigger(anchor, governing_verb(anchor))


def _undated(trig: Trigger, tense: str | None = None) -> Resolution:
    """No date of its own: the rule says which tense the event was told in (tense: `clause_tense` of the
    trigger's verb, when the caller has it)."""
    verb = trig.verb
    tense = clause_tense(verb) if tense is None else tense
    if tense != "past":
        return Resolution(None, "none", f"{tense}-no-date")
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return Resolution(None, "none", "present-perfect-no-date" if perfect else "past-tense-no-date")


# ---------------------------------------------------------------------------------------------
# Participants, class, place


def _describe(e: Event, art: _Article) -> None:
    trig = e.trigger
    e.event_class = event_class(trig)
    parts = roles(trig)
    place_keys = set()
    e.place = _place(trig, art)
    if e.place:
        place_keys = {k for k in art.key_at.values() if k == e.place}
    if not trig.nominal and trig.verb.lemma_ == "be":
        # "the interview with Lee was feeble": what the copula says is of the interview, not of Lee
        parts.agents = [t for t in parts.agents if t.lemma_.lower() not in HAPPENINGS_AND_WORDS]
    agents = _keys(parts.agents, art, place_keys)
    patients = [k for k in _keys(parts.patients, art, place_keys) if k not in agents]
    others = [k for k in _keys(parts.others, art, place_keys) if k not in agents and k not in patients]
    e.agent_keys, e.patient_keys = agents, patients
    e.actor_keys = agents + patients + others


def _keys(tokens: list[Token], art: _Article, exclude: set[str]) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        for k in art.keys(tok):
            if k not in out and k not in exclude:
                out.append(k)
    return out


def _place(trig: Trigger, art: _Article) -> str | None:
    """Where the event happened: a place after "in", "at", "near" (or "to" after a visit) on its word or verb."""
    words = [trig.head, trig.verb] + [n for c in trig.verb.children for n in ([c] if c.dep_ == "dobj" else [
        g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "for" else [])]
    for word in dict.fromkeys(words):
        for prep in word.children:
            if prep.dep_ != "prep":
                continue
            if not (prep.lower_ in PLACE_PREPS or prep.lower_ == "to" and word.lemma_.lower() in MOTION_LEMMAS):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in PLACE_LABELS and obj.i not in art.date_tokens:
                    return re.sub(r"^(?i:the)\s+", "", _entity_text(obj))
    return None


def _entity_text(token: Token) -> str:
    """The words of the named entity `token` belongs to (doc.ents is rebuilt on each access: avoided)."""
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


# ---------------------------------------------------------------------------------------------
# Headlines


def _headline(e: Event, art: _Article) -> str:
    trig = e.trigger
    skip = art.date_tokens
    if trig.nominal and not trig.light and (trig.head.lemma_.lower() in EVENT_NOUNS or trig.verb is trig.head):
        tokens = headlines.noun_phrase(trig.head, skip=skip)
        named = {k for t in tokens if t.pos_ in ("PRON", "PROPN") or t.i in art.key_at for k in art.keys(t)}
        if len(e.agent_keys) == 1 and e.agent_keys[0] not in named and not any(
                c.dep_ == "poss" for c in trig.head.children):
            # the agent stands outside the phrase ("During a visit ..., Netanyahu ..."): "Netanyahu's visit"
            tokens = [t for t in tokens if not (t.dep_ == "det" and t.head.i == trig.head.i)]
            return f"{display_name(e.agent_keys[0])}'s {_render(tokens, art, capitalise=False)}"
        if sum(not t.is_punct for t in tokens) > 2 or trig.verb.pos_ not in ("VERB", "AUX"):
            return _render(tokens, art)
        # "A [June 3] hearing" says nothing alone: the clause it stands in ("A hearing has been scheduled")
        verb = trig.verb
        return _clause_headline(verb, _told_with(verb), art, skip, set(e.agent_keys))
    if trig.verb.dep_ == "acl" and trig.light:
        tokens = headlines.noun_phrase(trig.head, skip=skip) + headlines.clause(trig.verb, art.quoted, skip=skip)
        return _render(tokens, art)
    verb = trig.verb if trig.verb.pos_ in ("VERB", "AUX") else trig.head
    if art.quoted[trig.head.idx]:
        speech = _speech_verb(trig.head, art)
        if speech is not None:  # words inside a quotation are told through who said them
            return _clause_headline(speech, speech, art, skip, set())
    root = _told_with(verb)
    denial = _denied_by(verb) if e.event_class == "negated" else None
    if denial is not None:  # "denied it had sold" is told as the denial, never as the sale
        verb = root = denial
    return _clause_headline(verb, root, art, skip, set(e.agent_keys))


def _clause_headline(verb: Token, root: Token, art: _Article, skip: set[int], speaker: set[str]) -> str:
    """The headline of a clause event: `verb` told with the clause of `root` (itself or the one above)."""
    # dating words go (the date has its column), unless they are the subject ("2008 was a bad year") or
    # what a copula says ("The first flight was in June 1994")
    keep = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if root.lemma_ == "be":
        keep = list(root.children)
    skip = skip - {t.i for c in keep for t in c.subtree}
    if root.dep_ == "acl" and root.head.pos_ in ("NOUN", "PROPN") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        # "an agreement reached in 1991", "a contract to supply helicopters": the noun with its clause;
        # "the rate reaching 8.5%": the noun does it, "The rate reached 8.5%"
        active = {root.i: headlines.finite(root, _finite_above(root))} if root.tag_ == "VBG" else {}
        tokens = headlines.noun_phrase(root.head, skip=skip) + headlines.clause(root, art.quoted, skip=skip)
        return _render(tokens, art, forms=active)
    reporting = verb.lemma_.lower() in REPORTING_VERBS
    forms = {}
    if root.tag_ == "VBG" and root.dep_ in ("advcl", "conj", "acl", "pcomp") and not any(
            c.dep_ in ("aux", "auxpass") for c in root.children):
        forms[root.i] = headlines.finite(root, _finite_above(root))  # "..., citing threats" -> "cited threats"
    tokens = headlines.clause(root, art.quoted, skip=skip, keep_reported=not reporting,
                              through=verb if root is not verb else None)
    main = _render(tokens, art, forms=forms)
    if not reporting or root is not verb:
        return main
    reported = _reported(verb, art, skip) or _quotation_nearby(verb, art)
    if not reported:
        return main
    main = _render(_subject_first([t for t in tokens if not art.quoted[t.idx] and t.text not in QUOTE_MARKS], verb),
                   art, forms=forms, keep_order=True)
    first = min(reported, key=lambda t: t.i)
    if art.quoted[first.idx] or first.i > 0 and art.quoted[first.doc[first.i - 1].idx] and first.is_punct:
        quote = _render([t for t in reported if art.quoted[t.idx]], art, capitalise=False).strip("“”\"' ,")
        return f"{main}: “{quote}”" if quote else main  # who spoke first, then the words
    said = headlines.render(art.in_story(reported), art.quoted, lambda t: _name(t, art, speaker), lambda t: _antecedent(t, art),
                            capitalise=False)
    if said[:1].isupper() and first.pos_ == "DET" and said.split()[0] == first.text:
        said = said[:1].lower() + said[1:]  # "The plan ..." in front of the verb is "the plan ..." after it
    return f"{main} that {said}" if said else main


def _speech_verb(word: Token, art: _Article) -> Token | None:
    """The reporting verb outside quotation marks that introduces the quotation `word` stands in: one
    above it, else one in its sentence."""
    for anc in word.ancestors:
        if not art.quoted[anc.idx] and anc.lemma_.lower() in REPORTING_VERBS:
            return anc
    sent = word.sent
    return next((t for t in sent if not art.quoted[t.idx] and t.lemma_.lower() in REPORTING_VERBS
                 and t.pos_ == "VERB"), None)


def _quotation_nearby(verb: Token, art: _Article) -> list[Token]:
    """The words in quotation marks that a reporting verb with no clause of its own introduces: in its
    sentence, else, for a bare attribution, the sentence before when that one is all quotation ('"...."
    Mr MacFarlane said.')."""
    doc = verb.doc
    sid = art.sids[verb.i]
    # a verb that reports something of its own ('denied a penalty') is no bare attribution of a quotation
    bare = not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)
    for k in range(sid, max(-1, sid - 3), -1):
        if k < sid and not bare:
            break
        start = art.sent_starts[k]
        end = art.sent_starts[k + 1] if k + 1 < len(art.sent_starts) else len(doc)
        words = [t for t in doc[start:end] if not t.is_space and not t.is_punct]
        quoted = [t for t in doc[start:end] if art.quoted[t.idx] and not t.is_space]
        if quoted and (k == sid or len([t for t in quoted if not t.is_punct]) == len(words)):
            return quoted
        if k < sid and words:
            break  # a sentence of other words stands between
    return []


def _told_with(verb: Token) -> Token:
    """The clause an event is best told with: its own, or for an infinitive or a free relative
    ("urged Israel to halt", "what it described as ...") the clause above it."""
    root = verb
    for _ in range(3):
        wh = any(c.lower_ in ("what", "whatever") and c.dep_ in ("dobj", "nsubj") for c in root.children)
        if root.head.i == root.i or not (root.dep_ == "xcomp" or wh and root.dep_ in ("ccomp", "relcl", "dobj")):
            break
        root = root.head
    return root


def _denied_by(verb: Token) -> Token | None:
    """The verb that negates an event from above ("denied it had sold", "refused to comment")."""
    current = verb
    for _ in range(3):
        if current.dep_ not in ("ccomp", "xcomp") or current.head.i == current.i:
            return None
        current = current.head
        if current.lemma_.lower() in NEGATING_VERBS:
            return current
    return None


def _finite_above(verb: Token) -> Token:
    current = verb
    while current.head.i != current.i and current.dep_ in ("advcl", "conj", "acl", "xcomp"):
        current = current.head
    return current


def _render(tokens: list[Token], art: _Article, *, forms: dict[int, str] | None = None,
            capitalise: bool = True, keep_order: bool = False) -> str:
    return headlines.render(art.in_story(tokens), art.quoted, lambda t: _name(t, art), lambda t: _antecedent(t, art),
                            forms=forms, capitalise=capitalise, keep_order=keep_order)


def _subject_first(tokens: list[Token], verb: Token) -> list[Token]:
    """Tokens in text order, a subject that follows its verb moved in front ('said analyst Chris Weafer')."""
    tokens = sorted(tokens, key=lambda t: t.i)
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i), None)
    if subject is None:
        return tokens
    inside = {t.i for t in subject.subtree}
    return [t for t in tokens if t.i in inside] + [t for t in tokens if t.i not in inside]


def _reported(verb: Token, art: _Article, skip: set[int]) -> list[Token]:
    """What a reporting verb reports: its reported clause, the quotation it introduces, or the clause
    it follows ("Officials met this week, the ministry announced")."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX"):
            if art.quoted[child.idx]:
                return [t for t in child.subtree if t.i not in skip]
            return headlines.clause(child, art.quoted, skip=skip)
    head = verb.head
    if verb.dep_ in ("advcl", "parataxis", "ccomp", "conj") and head.i < verb.i and head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
        if art.quoted[head.idx]:
            return [t for t in head.subtree if t.i not in skip and not verb.left_edge.i <= t.i <= verb.right_edge.i]
        return headlines.clause(head, art.quoted, skip=skip, keep_reported=False)
    return []


def _name(token: Token, art: _Article, speaker: set[str] = frozenset()) -> str | None:
    """The actor a pronoun or a short description ("the company") stands for, when it is one; words for
    the `speaker` stay as written ("GM announced that it saw ...", "... that the company lost")."""
    # 'John Kerr is the mayor': a predicate says what its subject is, and stays as written
    keys = art.keys(token) if token.pos_ == "PRON" or _plain_description(token, art) and token.dep_ != "attr" \
        else []
    if len(keys) != 1 or keys[0] in speaker:
        return None
    return display_name(keys[0])


def display_name(key: str) -> str:
    """An actor key as a name to read: without the parenthesis that tells two namesakes apart."""
    return re.sub(r"\s*\([^)]*\)$", "", key)


def _plain_description(token: Token, art: _Article) -> bool:
    """'the company', 'the ministry': a determiner and a common noun that is no event and no name."""
    children = list(token.children)
    # ('made his comments' stays: the one who gave them is named already)
    return (token.pos_ == "NOUN" and token.lemma_.lower() not in HAPPENINGS_AND_WORDS
            and token.i not in art.key_at
            and len(children) == 1 and children[0].dep_ == "det" and children[0].i < token.i
            and children[0].lower_ in ("the", "this", "that"))


def _antecedent(token: Token, art: _Article) -> str | None:
    """For a pronoun the resolver cannot place, the nearest earlier subject noun phrase as written."""
    if art.keys(token):
        return None  # placed, and left as written on purpose: 'Chen said that he was "heartbroken"'
    person = token.lower_ in ("he", "she", "him", "her", "his")
    plural = token.lower_ in ("they", "them", "their")
    thing = token.lower_ in ("it", "its")  # never a person
    # in its own sentence, a plural subject before 'their' ('Bus drivers returned to work after their
    # union ratified a deal'), or a thing named before 'it' ('criticised the agreement, saying it would
    # do little'); else earlier sentences' subjects, nearest first, never the headline
    here_tags = ("NNS", "NNPS") if plural else ("NN",) if token.lower_ == "it" else ()
    here = art.sids[token.i]
    for sid in ([here] if here_tags else []) + list(range(here - 1, -1, -1)):
        if art.doc[art.sent_starts[sid]].idx < art.body_start:
            break
        end = token.i if sid == here else art.sent_starts[sid + 1] if sid + 1 < len(art.sent_starts) else len(art.doc)
        found = []
        for i in range(art.sent_starts[sid], end):
            cand = art.doc[i]
            if sid == here and cand.tag_ not in here_tags:
                continue
            deps = ("nsubj", "nsubjpass", "dobj") if sid == here and not plural else ("nsubj", "nsubjpass")
            if cand.dep_ in deps and cand.pos_ in ("NOUN", "PROPN") and not art.quoted[cand.idx] \
                    and (cand.pos_ == "PROPN" or not person) and not (thing and cand.ent_type_ == "PERSON"):
                words = [t for t in cand.lefts if t.dep_ in ("det", "amod", "compound", "poss", "nummod")] + [cand]
                if not any(t.i == token.i or t.pos_ == "PRON" for t in words):  # "His plan": whose plan?
                    found.append((cand, words))
        if found:
            # the sentence's own subject before one of a clause inside it ('The bill ... limits how boards
            # can borrow. It has been criticized': the bill)
            cand, words = found[-1] if sid == here else next(
                ((c, w) for c, w in found if c.head.dep_ == "ROOT"), found[-1])
            text = " ".join(t.text for t in words)
            return re.sub(r"^(?i:this|that|these|those)\b", "the", text)
    return None


# ---------------------------------------------------------------------------------------------
# Rows


def _row(e: Event, art: _Article) -> dict:
    r = e.resolution
    m = e.mention or e.inherited
    start, end, text, lemma = trigger_span(e.trigger, art.text)
    return {
        "sentence_id": e.sentence_id,
        "trigger": text,
        "trigger_start": start,
        "trigger_end": end,
        "lemma": lemma,
        "event_class": e.event_class,
        "date": pd.Timestamp(r.date) if r.is_resolved else pd.NaT,
        "precision": r.precision if r.is_resolved else "none",
        "date_text": m.text if m else None,
        "date_text_start": m.start if m else None,
        "date_rule": r.rule,
        "tense": e.tense,
        "headline": e.headline,
        "summary": e.headline,
        "actor_keys": list(e.actor_keys),
        "agent_keys": list(e.agent_keys),
        "patient_keys": list(e.patient_keys),
        "place": e.place,
    }


# ---------------------------------------------------------------------------------------------
# Helpers


def _title_sentence(art: _Article) -> int | None:
    """0 when the first sentence is the headline line (the loader puts it first, on a line of its own)."""
    newline = art.text.find("\n")
    if newline == -1 or len(art.sent_starts) < 2:
        return None
    return 0 if art.doc[art.sent_starts[1]].idx > newline else None


def _keys_by_token(doc: DocView, mentions: pd.DataFrame | Columns | None) -> dict[int, str]:
    """The actor key of every token inside a mention (places left out: they are where, not who)."""
    out: dict[int, str] = {}
    if mentions is None or "key" not in mentions or not row_count(mentions, ["key"]):
        return out
    keys = column_values(mentions, "key")
    kinds = column_values(mentions, "kind") if "kind" in mentions else [None] * len(keys)
    for start, end, key, kind in zip(column_values(mentions, "start"), column_values(mentions, "end"), keys, kinds):
        if not isinstance(key, str) or kind in PLACE_KINDS:
            continue
        for i in _span_tokens(doc, int(start), int(end)):
            out.setdefault(i, key)
    return out


def _span_tokens(doc: DocView, start: int, end: int) -> range:
    """Positions of the tokens that characters `start` to `end` touch."""
    span = doc.spacy.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _phrase(token: Token) -> list[Token]:
    """The words that name a participant: the noun and its modifiers, not the phrases and clauses after
    it ("Turkish and Israeli officials", not "clashes in Syria")."""
    out: list[Token] = []
    stack = [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack += [c for c in t.children if c.dep_ in NAMING_DEPS or c.dep_ == "prep" and c.lower_ == "of"
                  or t.dep_ == "prep" and c.dep_ == "pobj"]
    return out


def _paragraphs(text: str, sentence_starts: list[int]) -> list[int]:
    """The paragraph of each sentence: blank lines part paragraphs where the text has them, else line breaks."""
    body = text[text.find("\n") + 1:] if "\n" in text else ""
    pattern = r"\n[ \t]*\n" if re.search(r"\n[ \t]*\n", body) else r"\n"
    breaks = [m.start() for m in re.finditer(pattern, text)]
    return [bisect_right(breaks, s) for s in sentence_starts]
