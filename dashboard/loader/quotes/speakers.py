"""Who spoke through a cue: from a speech verb to its subject, and from the subject to an actor.

The subject is found here, for speech verbs ('said Jobs', '..., stating that', 'quoted X as saying');
who the subject stands for is the shared resolver's business (actors/resolver.py).
"""
from __future__ import annotations

from spacy.tokens import Token

from dashboard.loader.actors.resolver import (
    MEDIUM_NOUNS, NOBODY, NOUN_MODIFIERS, PRONOUN_GENDER, Resolver, Speaker, inside,
)
from dashboard.loader.quotes.cues import ADDRESSEE_VERBS, CLAUSE_ONLY, SPEECH_VERBS, SUBJECT_NEEDED


class CueSpeakers:
    """The speaker of each cue of one article, worked out once and in text order."""

    def __init__(self, resolver: Resolver, *, dateline: tuple[int, int] | None = None) -> None:
        self.resolver = resolver
        self.dateline = dateline
        self.cache: dict[int, Speaker] = {}
        self.subjects: dict[int, Token | None] = {}

    def of_verb(self, verb: Token) -> Speaker:
        """Speaker of a speech verb: its subject, or the subject of the clause a participle belongs to."""
        if verb.i not in self.cache:
            subject = subject_of(verb, self.resolver)
            if subject is not None and inside(self.resolver.quoted, subject.idx):
                subject = None  # a word of someone's quotation does not say it
            if subject is not None and self.dateline and self.dateline[0] <= subject.idx < self.dateline[1]:
                subject = opening_phrase(verb, self.dateline[1])
            if subject is not None and verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.i != verb.i \
                    and self.resolver.is_place(subject):
                # 'issued an alert for places near the Manohara River citing that ...': a place the parser made
                # the participle's subject does not speak; whoever the clause it belongs to is about does
                subject = subject_of(verb.head, self.resolver)
            self.subjects[verb.i] = subject
            speaker = self.resolver.of_phrase(subject) if subject is not None else NOBODY
            if speaker.key is None and subject is not None:
                named = [self.resolver.of_phrase(t, pronouns=False) for t in named_examples(subject)]
                speaker = next((sp for sp in named if sp.key), speaker)
            self.cache[verb.i] = speaker
            if subject is not None:
                self.resolver.remember(subject, speaker)
                self.resolver.heard(subject, speaker.key)
        return self.cache[verb.i]

    def joint(self, verb: Token) -> list[Speaker]:
        """Every actor a coordinated subject names ('the Bank of Canada, the Bank of England and the
        Federal Reserve announced'), in the order the text names them: each said it, and each is a
        speaker of its own. One speaker (the verb's own) for any other subject."""
        main = self.of_verb(verb)
        subject = self.subjects.get(verb.i)
        if subject is None or main.key is None or subject.pos_ == "PRON":
            return [main]
        seen = {main.key}
        found: list[tuple[int, Speaker]] = [(subject.i, main)]
        for tok in [*coordinated(subject, self.resolver), *accompanying(subject, verb), *named_examples(subject)]:
            if tok.tag_ == "NNS":
                continue  # 'Chan and other Singapore ministers': people the story does not name, not Singapore
            sp = self.resolver.of_phrase(tok, pronouns=False)
            if sp.key and sp.key not in seen:
                seen.add(sp.key)
                found.append((tok.i, sp))
        return [sp for _, sp in sorted(found, key=lambda f: f[0])]


# Subjects that stand for no one: "it is fair to say that", "this is to announce".
EXPLETIVES = frozenset({"it", "this", "that", "there"})


def opening_phrase(verb: Token, end: int) -> Token | None:
    """The noun phrase that opens at character `end` of the verb's sentence, before the verb, where the parser
    took a word before it for the subject: the story after a dateline ('KINGSTON, Jamaica, Oct 3, CMC – The
    Jamaica government Friday said'), or the subject after a fronted participle's comma."""
    first = next((t for t in verb.sent if t.idx >= end and not t.is_space), None)
    if first is None or first.i >= verb.i:
        return None
    head = first
    while head.dep_ in ("det", "compound", "amod", "nmod", "poss", "nummod") and head.head.i < verb.i:
        head = head.head
    return head if head.pos_ in ("NOUN", "PROPN") and head.i < verb.i else None


def _told_themself(subject: Token, verb: Token) -> bool:
    """Whether a subject pronoun taken from another clause would be the same person as the verb's own object
    pronoun ('he ... told him'): it cannot be, or the object would be 'himself'."""
    gender = PRONOUN_GENDER.get(subject.lower_)
    return gender is not None and any(c.dep_ in ("dobj", "dative") and c.lower_ in ("him", "her")
                                      and PRONOUN_GENDER[c.lower_] == gender for c in verb.children)


def _says_nothing_here(subject: Token, participle: Token, resolver: Resolver) -> bool:
    """Whether the subject of a reported clause cannot be who speaks through a participle the parser hung on
    that clause: a thing ('the floods were managed, saying'), or, before a participle that reports a clause
    of its own, a body or its members ('Ferguson said members of the force were aware, insisting that they
    were doing everything possible'); a person may ('said Jones had resigned, saying he was tired')."""
    key = resolver.of_phrase(subject, pronouns=False).key
    if key is None:
        return True
    clause = any(c.dep_ == "ccomp" for c in participle.children)
    return clause and resolver.kind_of(key) != "person"


def subject_of(verb: Token, resolver: Resolver) -> Token | None:
    """The subject that speaks through `verb`, climbing from a participle or a conjoined verb to the
    clause it belongs to ("..., stating that" takes the subject of the main clause)."""
    tok = verb
    if verb.lemma_ in SUBJECT_NEEDED:
        # '"...," read the statement': the text that reads, which the parser may take for an object
        return next((c for c in verb.children if c.dep_ in ("nsubj", "dobj")
                     and c.lemma_.casefold() in SUBJECT_NEEDED[verb.lemma_]), None)
    named = _gerunds_subject(verb, resolver)
    if named is not None:
        return named
    outer = continued_report(verb)
    if outer is not None:
        return subject_of(outer, resolver)
    if verb.lemma_ in SPEECH_VERBS and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        # "after being told they were involved", "Toomua, Hansen was told, ...": whoever was told is the
        # hearer; the teller is the agent, or nobody named
        return _own_subject(verb, resolver)
    for _ in range(8):
        subject = _own_subject(tok, resolver)
        if subject is not None and tok.i == verb.head.i and verb.dep_ == "advcl" and verb.tag_ == "VBG" \
                and tok.dep_ == "ccomp" \
                and tok.head.lemma_ in SPEECH_VERBS and subject.pos_ != "PRON" \
                and _says_nothing_here(subject, verb, resolver):
            # 'Wahab noted that the floods were managed, saying, "..."': a thing in what was reported says
            # nothing; the participle the parser hung on its clause goes with the verb that reported it
            tok = tok.head
            continue
        if subject is not None:
            if tok.i != verb.i and _told_themself(subject, verb):
                return None  # 'why he was being stopped and told him ...': he did not tell himself; someone else did
            return subject
        if tok.i == verb.i and on_a_verbless_head(verb) and resolver.of_phrase(verb.head, pronouns=False).key:
            # "Paul Ainslie, who voted against it, called the decision ...", '"...," the spokesperson, Ana Ruiz,
            # tweeted': a verb the parser hung on the name or office heading a sentence with no verb of its own
            # is theirs
            return verb.head
        if tok.i == verb.i and verb.dep_ in ("advcl", "acl") and not any(c.dep_ == "aux" for c in verb.children) \
                and (verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.i == verb.sent.start):
            return None  # "Asked whether the deal would hold, Schumer said": he was asked, he did not ask
        if tok.dep_ == "xcomp" and tok.head.pos_ == "ADJ":
            # "Layton was quick to contend that" is Layton's; "it is interesting to note that" nobody's
            above = tok.head.head
            subject = next((c for c in above.children if c.dep_ == "nsubj" and c.i < above.i), None)
            return subject if subject is not None and subject.lower_ not in EXPLETIVES else None
        if tok.head.i == tok.i:
            break
        if tok.i == verb.i and verb.dep_ == "conj" and verb.i > 0:
            name = verb.doc[verb.i - 1]
            m = resolver.at.get(name.i)
            if name.pos_ == "PROPN" and m is not None and m.kind == "person" and name.dep_ != "dobj":
                # "X welcomed it and in reply Commissioner Neelie Kroes said": a name the parser hung
                # elsewhere, right before a conjoined verb, is its own subject
                return name
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "officials, citing ..." speak themselves; "a letter stating ..." does not; and the
            # noun of "X, dubbed 'Y'" is what was named, not who named it
            noun = tok.head
            if resolver.of_phrase(noun, pronouns=False).key:
                return noun
        tok = tok.head
    return _subject_beside(verb)


def infinitive(verb: Token) -> bool:
    """Whether a verb is a 'to' infinitive ('urged them to stay', 'went on to say')."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def on_a_verbless_head(verb: Token) -> bool:
    """Whether the parser hung a speech verb as a clause on the noun heading a sentence with no verb of its own:
    finite ('called'), or a past form no person is the object of ('tweeted'; 'told', 'asked' may be)."""
    head = verb.head
    return verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("PROPN", "NOUN") and verb.i > head.i and (
        verb.tag_ in ("VBD", "VBZ") or verb.tag_ == "VBN" and verb.lemma_ not in ADDRESSEE_VERBS
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


# Participles by which a speaker goes on with their own words: "said that ..., adding that ...".
CONTINUING_VERBS = frozenset({"add", "note", "stress", "emphasise", "emphasize", "reiterate"})


def continued_report(verb: Token) -> Token | None:
    """The speech verb whose report a participle without a subject of its own goes on with, when the parser
    hung it inside that report ('she said the crisis could be solved through dialogue, adding that ...'):
    the speaker adds it, not the subject of the clause it hangs on."""
    if verb.tag_ != "VBG" or verb.lemma_ not in CONTINUING_VERBS or verb.dep_ not in ("advcl", "conj", "xcomp") \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    tok = verb.head
    while tok.head.i != tok.i:
        if tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_ in SPEECH_VERBS:
            return tok.head
        tok = tok.head
    return None


def _gerunds_subject(verb: Token, resolver: Resolver) -> Token | None:
    """The actor named right before a gerund that follows a preposition: 'despite Coun. Grant Meyer
    indicating he had done so' is Meyer's, not the main clause's subject's."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    name = verb.doc[verb.i - 1]
    if name.dep_ != "pobj" or name.head.i >= name.i or name.head.lower_ not in ("despite", "after", "before",
                                                                               "without", "with", "amid"):
        return None
    if name.head.lower_ == "with" and name.head.head.pos_ in ("NOUN", "PROPN"):
        return None  # 'left the door open to a coalition with Sinn Féin, saying': the party the coalition is with
    m = resolver.at.get(name.i)
    return name if m is not None and m.kind in ("person", "organization") else None


# Honorifics written in capitals before an office and a name: His (Her) Excellency, His Highness.
HONORIFIC_CAPITALS = frozenset({"HE", "HH", "HRH"})


def _honoured(subject: Token, resolver: Resolver) -> Token | None:
    """The person an honorific in capitals stands before ('HE the Deputy Prime Minister and Foreign Minister
    Sheikh Mohamed bin Abdulrahman al-Thani has said'): 'HE' is His Excellency, not 'he'."""
    if subject.text not in HONORIFIC_CAPITALS:
        return None
    return next((t for t in subject.subtree if t.i > subject.i and t.i in resolver.at
                 and resolver.at[t.i].kind == "person"), None)


def _own_subject(tok: Token, resolver: Resolver) -> Token | None:
    """The subject a verb itself carries: its nsubj, the agent of a passive, the one quoted."""
    if tok.lemma_ == "quote":  # "Detik quoted Djamal as saying": the quoted one speaks
        for child in tok.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return child
    # a passive speech verb's subject is what was said ("it was announced"), not who said it
    passive_ok = tok.lemma_ not in SPEECH_VERBS
    subjects = [c for c in tok.children if c.dep_ == "nsubj" or c.dep_ == "nsubjpass" and passive_ok]
    if subjects:
        before = [c for c in subjects if c.i < tok.i]
        # "Whitey MacDonald, president of Local 1520, Canadian Auto Workers union said": the parser split
        # off the organisation a person speaks for as a second subject; the person speaks
        people = [c for c in before if c.i in resolver.at and resolver.at[c.i].kind == "person"]
        if len(before) > 1 and people:
            return people[-1]
        subject = before[-1] if before else subjects[0]  # the nearest: "As well as new routes, Mannion stated"
        return _honoured(subject, resolver) or subject
    for child in tok.children:
        if child.dep_ == "agent":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
        if child.dep_ == "csubj" and child.tag_ == "VBG" and child.i < tok.i:
            # 'Responding to the allegations, the EC in a statement described ...': the parser took the fronted
            # participle for the subject; the noun phrase after its comma is the one that speaks
            comma = next((t for t in tok.doc[child.i:tok.i] if t.text == ","), None)
            found = opening_phrase(tok, comma.idx + 1) if comma is not None else None
            if found is not None:
                return found
    if tok.lemma_ in SPEECH_VERBS:
        return published_in(tok)
    return None


def published_in(verb: Token) -> Token | None:
    """Where a speech verb with no subject says its words were published, which names their source:
    'as stated on the Apple website'; or such an 'as' clause inside its own ('The iPhone is claimed to
    be "..." as stated on the Apple website')."""
    for tok in verb.subtree:
        if tok.i != verb.i and not (tok.dep_ == "advcl" and tok.lemma_ in SPEECH_VERBS
                                    and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)):
            continue
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "in")):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lemma_.casefold() in MEDIUM_NOUNS:
                    return obj
    return None


def _subject_beside(verb: Token) -> Token | None:
    """A subject the parser hung elsewhere: the name right before the verb ('..., Boeing Vice President
    Scott Carson replied') or the phrase right after it ('"...," said analyst Chris Weafer commenting')."""
    doc = verb.doc
    if verb.i > 0 and doc[verb.i - 1].pos_ == "PROPN":
        return doc[verb.i - 1]
    if verb.i > 1 and doc[verb.i - 1].text == ",":
        # 'Judge James McNulty, hearing the case, said', 'Sanco co-ordinator, Duduzile Nenemba, said': the name
        # before the words set off by commas, or the name they are
        k = verb.i - 2
        while k > verb.sent.start and doc[k].text != ",":
            k -= 1
        inner = doc[k + 1:verb.i - 1]
        if len(inner) and all(t.pos_ == "PROPN" for t in inner):
            return inner[-1]
        if doc[k].text == "," and k > verb.sent.start and doc[k - 1].pos_ == "PROPN":
            return doc[k - 1]
    j = verb.i + 1
    while j < len(doc) and (doc[j].is_punct or doc[j].is_space):
        j += 1
    if j >= len(doc) or doc[j].pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "NUM"):
        return None
    tok = doc[j]
    # 'Said one stranded passenger, Victor Osei: "..."': up from the first word to the phrase's noun
    while tok.head.i > tok.i and tok.head.pos_ in ("PROPN", "NOUN") and tok.dep_ in NOUN_MODIFIERS | {"nummod"}:
        tok = tok.head
    if tok.pos_ not in ("PROPN", "NOUN") or tok.dep_ == "dobj" and verb.lemma_ not in CLAUSE_ONLY:
        return None  # "told reporters": the one addressed, not the one speaking
    return tok


def named_examples(subject: Token) -> list[Token]:
    """The examples a plural subject gives ('Charities, such as Cats Protection, said', 'Critics, including
    the AFL-CIO and the Sierra Club, said'): the named ones speak for it."""
    if subject.tag_ not in ("NNS", "NNPS"):
        return []
    out: list[Token] = []
    for prep in subject.children:
        if prep.dep_ != "prep" or not (prep.lower_ in ("including", "like")
                                       or prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)):
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            out += [obj, *obj.conjuncts]
    return sorted(out, key=lambda t: t.i)


def accompanying(subject: Token, verb: Token) -> list[Token]:
    """Who a subject says it with: 'Kaufman, along with Senator Warner, called on ...', 'the union together
    with the employers said'; the parser hangs the phrase on the subject or on the verb after it."""
    out = []
    between = [c for c in verb.children if subject.i < c.i < verb.i]
    for prep in [*subject.children, *between]:
        if prep.dep_ == "prep" and prep.lower_ in ("along", "together"):
            for with_ in prep.children:
                if with_.dep_ == "prep" and with_.lower_ == "with":
                    out += [o for c in with_.children if c.dep_ == "pobj" for o in (c, *c.conjuncts)]
    return out


def coordinated(subject: Token, resolver: Resolver) -> list[Token]:
    """The words heading the other members of a coordinated subject, in text order. A list of names
    with 'and' is often parsed with some members as appositions ('the Bank of Canada, the Bank of
    England and the Federal Reserve'): a named actor of the subject's own kind apposed in such a list is
    a member too, never in a phrase without 'and' ('Tom Walsh, the chairman')."""
    here = resolver.at.get(subject.i)
    kind = here.kind if here is not None else None
    members: list[Token] = []
    has_and = False
    stack = [subject]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            apposed = child.dep_ == "appos" and child.i in resolver.at and resolver.at[child.i].kind == kind
            if child.dep_ == "conj" or apposed:
                members.append(child)
                stack.append(child)
            elif child.dep_ == "cc" and child.lower_ in ("and", "&"):
                has_and = True
    if not has_and or not any(m.dep_ == "conj" for m in members):
        return []
    return sorted(members, key=lambda t: t.i)
