"""Event words, following TimeML's conventions: which word is the event, what kind of event it is,
and who takes part in it according to the dependency parse.

The event word is the head of the predicate: the main verb, not its auxiliaries; for a light verb
with an event noun ("held talks", "made a visit") the noun; a phrasal verb keeps its particle
("called off"). Participants come from the verb's subject and objects (a passive turned round: the
"by" phrase is the agent), and from an event noun's possessor, modifiers and "by", "of", "between"
phrases.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

# Nouns that name an event: they can be the event word of a clause or stand as events of their own.
EVENT_NOUNS = frozenset({
    "meeting", "talk", "talks", "discussion", "summit", "visit", "trip", "session", "conference", "negotiation",
    "vote", "election", "referendum", "strike", "airstrike", "attack", "raid", "crash", "accident", "announcement",
    "agreement", "deal", "ceremony", "launch", "hearing", "trial", "incident", "protest", "rally", "decision",
    "test", "speech", "interview", "statement", "exchange", "encounter", "gathering", "signing", "ruling",
    "verdict", "bid", "merger", "takeover", "acquisition", "purchase", "bankruptcy", "collapse", "invasion",
    "offensive", "ceasefire", "truce", "sanction", "recall", "layoff", "lawsuit", "investigation", "probe",
    "resignation", "appointment", "dismissal", "arrest", "assault", "bombing", "shooting", "war", "deployment",
    "withdrawal", "expansion", "restructuring", "partnership", "alliance", "order", "delivery", "debut",
    "unveiling", "dialogue", "consultation", "crackdown", "intervention", "operation", "campaign",
    # what markets and companies do in the news
    "increase", "decrease", "rise", "fall", "drop", "decline", "gain", "loss", "profit", "growth", "slump", "plunge", "rebound", "recovery", "finish", "flight", "filing", "keynote", "event", "failure",
    "closure", "shutdown", "bailout", "loan", "layoffs", "cuts", "crisis", "default", "downgrade", "upgrade",
})
# Verbs that lend their tense and subject to an event noun: "held talks", "made a visit", "took part".
LIGHT_VERBS = frozenset({"hold", "make", "take", "give", "have", "conduct", "pay", "stage", "carry", "undertake",
                         "see", "suffer", "record"})
# TimeML's reporting verbs: someone tells of an event.
REPORTING_VERBS = frozenset({
    "say", "tell", "report", "announce", "state", "add", "claim", "confirm", "explain", "note", "write", "reply",
    "comment", "reveal", "disclose", "declare", "insist", "assert", "reaffirm", "affirm", "emphasize",
    "emphasise", "stress", "warn", "caution", "acknowledge", "admit", "deny", "reiterate", "indicate", "remark",
    "tweet", "testify", "allege", "contend", "concede", "mention", "inform", "notify", "predict", "forecast",
})
# Verbs whose complement does not happen: "denied it had sold", "refused to comment", "failed to agree".
NEGATING_VERBS = frozenset({"deny", "refuse", "fail", "reject", "decline", "avoid", "rule", "dismiss"})
# Verbs of plan and intent: they and their complements lie ahead of the story.
INTENTION_VERBS = frozenset({
    "plan", "intend", "aim", "want", "seek", "hope", "propose", "promise", "vow", "threaten", "pledge", "prepare",
    "schedule", "expect", "wish", "mean", "offer", "consider", "try", "attempt", "decide", "agree",
})
# Words that set an intention ("is set to", "is due to", "going to") or a plan up for its xcomp.
INTENT_GOVERNORS = INTENTION_VERBS | {"set", "due", "go", "agree", "decide", "likely", "about", "poised", "slate",
                                      "ready", "able", "need"}
# Verbs whose infinitive did happen: "managed to sell", "began to fall", "had to pay".
IMPLICATIVE_VERBS = frozenset({"manage", "begin", "start", "continue", "proceed", "dare", "happen", "get", "have",
                               "go on", "keep", "cease", "stop"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Verbs whose 'on' phrase does what their infinitive says: 'called on Ford to rethink', 'relies on them to pay'.
CALLING_ON_VERBS = frozenset({"call", "prevail", "rely", "count", "depend", "lean"})
HYPOTHETICAL_MODALS = frozenset({"could", "may", "might", "would", "should", "can", "must", "ought"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "’ll"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Verbs that tell how things are rather than what happened.
STATE_VERBS = frozenset({
    "be", "have", "own", "remain", "maintain", "keep", "know", "believe", "seem", "appear", "include", "contain",
    "consist", "lack", "employ", "cost", "need", "possess", "hold", "control", "face", "represent", "belong",
    "depend", "exist", "stay", "live", "like", "love", "hate", "prefer", "mean", "want", "fear", "think",
})
# Modifiers that make an event noun a plan or a possibility: "the planned merger", "a possible strike".
INTENTION_MODIFIERS = frozenset({"planned", "proposed", "upcoming", "scheduled", "future", "intended"})
HYPOTHETICAL_MODIFIERS = frozenset({"possible", "potential", "likely", "hypothetical", "prospective", "feared"})
CLASSES = ("occurrence", "reporting", "intention", "state", "negated", "hypothetical")

# Prepositions whose object takes part in a verb's event ("sold it to Ford", "clashed with Israel").
PARTICIPANT_PREPS = frozenset({"with", "against", "to", "toward", "towards", "from", "on", "at", "for", "into"})
# Prepositions of an event noun: who did it, and to whom.
NOUN_AGENT_PREPS = frozenset({"by", "between", "among", "from"})
NOUN_PATIENT_PREPS = frozenset({"of", "against", "on", "into", "at"})
NOUN_OTHER_PREPS = frozenset({"with", "to", "toward", "towards", "for"})
# Prepositions on a verb's object that name who else takes part: "suspended trade with Israel".
OBJECT_PARTNER_PREPS = NOUN_OTHER_PREPS | {"against", "between"}
# Verbs of something happening somewhere: what they happen 'at' is where ('the murder occurred at the marina').
HAPPENING_VERBS = frozenset({"occur", "happen", "unfold", "erupt"})
# Participles that say who took part in an event noun: 'a meeting involving Banker and Foss'.
TAKING_PART = frozenset({"involve", "include", "feature"})
# "During a visit ...", "at the summit": the subject of the clause took part in the event.
SUBJECT_TIME_PREPS = frozenset({"during", "on", "at"})
SUBJECT_EVENT_NOUNS = frozenset({"visit", "trip", "tour", "meeting", "talk", "talks", "summit", "conference",
                                 "session", "interview", "speech"})
# Verbs that are not predicates here: auxiliaries, modifiers, and prepositions ("according to").
VERB_DEPS_SKIPPED = frozenset({"aux", "auxpass", "amod", "compound", "prt", "neg", "nmod", "prep", "case"})


@dataclass
class Trigger:
    """An event word (`head`) and the verb whose clause carries it (`verb`: itself for a verbal event,
    the light or governing verb of an event noun)."""

    head: Token
    verb: Token
    light: bool = False

    @property
    def nominal(self) -> bool:
        return self.head.pos_ in ("NOUN", "PROPN")


def find_triggers(doc: Doc, quoted: list[bool]) -> list[Trigger]:
    """Candidate event words of `doc` in one pass over its tokens (words inside quotation marks left out)."""
    out: list[Trigger] = []
    lit: set[int] = set()  # event nouns of a light verb, already taken with it
    for tok in doc:
        if quoted[tok.idx]:
            continue
        pos = tok.pos_
        if pos == "VERB" or (pos == "AUX" and tok.lemma_ == "be" and tok.dep_ not in ("aux", "auxpass")
                             and _copular(tok)):
            if tok.dep_ in VERB_DEPS_SKIPPED:
                continue
            noun = _light_object(tok)
            if noun is not None:
                out.append(Trigger(noun, tok, light=True))
                lit.add(noun.i)
            else:
                out.append(Trigger(tok, tok))
        elif pos == "NOUN" and tok.lemma_.lower() in EVENT_NOUNS and tok.i not in lit and not _lit_later(tok):
            out.append(Trigger(tok, governing_verb(tok)))
    return out


def _copular(tok: Token) -> bool:
    return any(c.dep_ in ("attr", "acomp", "nsubj") for c in tok.children)


def _light_object(verb: Token) -> Token | None:
    """The event noun a light verb carries: 'held talks', 'talks were held', 'the meeting, held on ...'."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in EVENT_NOUNS:
            return child
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.lemma_.lower() in EVENT_NOUNS:
        return verb.head
    return None


def _lit_later(noun: Token) -> bool:
    """True when a light verb after the noun takes it ("talks were held", "the meeting, held ...")."""
    head = noun.head
    if noun.dep_ == "nsubjpass" and head.i > noun.i:
        return _is(_light_object(head), noun)
    return any(c.dep_ == "acl" and _is(_light_object(c), noun) for c in noun.children)


def _is(found: Token | None, token: Token) -> bool:
    """Whether `found` is `token`: by position, as spaCy makes a new object for every look-up."""
    return found is not None and found.i == token.i


def governing_verb(noun: Token) -> Token:
    """The verb whose clause an event noun stands in (the noun itself when there is none)."""
    current = noun
    for _ in range(6):
        if current.head.i == current.i:
            break
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return noun


def trigger_span(trigger: Trigger, text: str) -> tuple[int, int, str, str]:
    """(start, end, words, lemma) of the event word in the article `text` (doc.text, read once by the
    caller: spaCy rebuilds it on every access); a phrasal verb keeps an adjacent particle."""
    head = trigger.head
    start, end, lemma = head.idx, head.idx + len(head.text), head.lemma_.lower()
    if head.pos_ == "NOUN" and head.tag_ in ("NNS", "NNPS") and lemma in EVENT_NOUNS and head.lower_ in EVENT_NOUNS:
        lemma = head.lower_  # "talks" is not the plural of one talk
    for child in head.children:
        if child.dep_ == "prt" and child.i == head.i + 1:
            end = child.idx + len(child.text)
            lemma = f"{lemma} {child.lower_}"
    return start, end, text[start:end], lemma


# ---------------------------------------------------------------------------------------------
# Class


def event_class(trigger: Trigger) -> str:
    """occurrence | reporting | intention | state | negated | hypothetical (see CLASSES).

    An event noun takes the class of the verb it is the object of ("will hold talks", "plans a
    merger"), or its own from its modifiers ("no deal", "a possible strike", "the planned merger").
    """
    head, verb = trigger.head, trigger.verb
    if trigger.nominal:
        if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            return "negated"
        mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound")}
        if mods & HYPOTHETICAL_MODIFIERS:
            return "hypothetical"
        if mods & INTENTION_MODIFIERS:
            return "intention"
        if verb.pos_ not in ("VERB", "AUX") or not trigger.light and not _in_clause_of(head, verb):
            return "occurrence"
    if _negated(verb):
        return "negated"
    if _hypothetical(verb):
        return "hypothetical"
    if _intended(verb):
        return "intention"
    if trigger.nominal and not trigger.light:
        return "occurrence"
    lemma = verb.lemma_.lower()
    if lemma in REPORTING_VERBS:
        return "reporting"
    if verb.pos_ == "AUX" or lemma in STATE_VERBS and not trigger.light:
        return "state"
    return "occurrence"


def _in_clause_of(noun: Token, verb: Token) -> bool:
    """True when an event noun is the object of `verb`: its class follows the verb's ("plans a merger");
    a subject's does not ("ongoing airstrikes could trigger ...": the airstrikes are real)."""
    return noun.head.i == verb.i and noun.dep_ in ("dobj", "nsubjpass", "attr")


def _chain(verb: Token, deps: frozenset[str] | set[str], depth: int = 3) -> list[Token]:
    """`verb` and the verbs above it reached through `deps`: 'wants to buy' -> [buy, wants]."""
    out, current = [verb], verb
    for _ in range(depth):
        if current.dep_ not in deps or current.head.i == current.i:
            break
        current = current.head
        out.append(current)
    return out


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    for child, parent in zip(_chain(verb, {"xcomp", "ccomp"}), _chain(verb, {"xcomp", "ccomp"})[1:]):
        if parent.lemma_.lower() in NEGATING_VERBS and child.dep_ in ("xcomp", "ccomp"):
            return True
        if any(c.dep_ == "neg" for c in parent.children) and child.dep_ == "xcomp":
            return True
    return False


def _modals(verb: Token) -> set[str]:
    return {c.lower_.replace("’", "'") for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _hypothetical(verb: Token) -> bool:
    for v in _chain(verb, {"xcomp", "conj"}):
        if _modals(v) & HYPOTHETICAL_MODALS:
            return True
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in v.children):
            return True  # the condition: "if prices fall"
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
               for c in v.children):
            return True  # what follows from it: "Ford will buy Toyota if prices fall"
    return False


def _intended(verb: Token) -> bool:
    if verb.lemma_.lower() in INTENTION_VERBS and verb.tag_ != "VBN" and any(
            c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return True  # "plans to buy", "vowed that ...": a statement of intent ("sought backing" is not)
    if any(c.tag_ == "TO" and c.dep_ == "aux" for c in verb.children) and not (
            verb.dep_ == "xcomp" and verb.head.lemma_.lower() in IMPLICATIVE_VERBS):
        return True  # an infinitive has not happened: "urged Israel to halt", "a mechanism to prevent"
    for v in _chain(verb, {"xcomp", "conj"}):
        if _modals(v) & FUTURE_AUX:
            return True
    current = verb
    for _ in range(3):
        if current.dep_ != "xcomp" or current.head.i == current.i:
            break
        current = current.head
        if current.lemma_.lower() in INTENT_GOVERNORS:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Participants


@dataclass
class Roles:
    """The noun phrases that take part: who acted, on whom, and others named in the event's clause."""

    agents: list[Token]
    patients: list[Token]
    others: list[Token]


def roles(trigger: Trigger) -> Roles:
    """Agent, patient and other participant phrases of an event, from the dependency parse."""
    head, verb = trigger.head, trigger.verb
    if trigger.nominal and not trigger.light:
        out = _noun_roles(head)
        if not out.agents and _done_by_subject(head):
            out.agents = _verb_roles(head.head.head).agents  # "During a visit to Washington, Netanyahu sought ..."
        return out
    out = _verb_roles(verb)
    if trigger.light:
        own = _noun_roles(head)
        out.others += [t for t in own.agents + own.patients + own.others if t.pos_ != "PRON"]
    return out


def _done_by_subject(noun: Token) -> bool:
    """True for a visit or meeting in a phrase of time on a verb: its subject made the visit."""
    prep = noun.head
    return (noun.dep_ == "pobj" and prep.lower_ in SUBJECT_TIME_PREPS and prep.head.pos_ in ("VERB", "AUX")
            and noun.lemma_.lower() in SUBJECT_EVENT_NOUNS)


def _verb_roles(verb: Token) -> Roles:
    agents, patients, others = [], [], []
    for child in verb.children:
        dep = child.dep_
        if dep == "nsubj":
            agents.append(child)
        elif dep == "nsubjpass":
            patients.append(child)
        elif dep == "agent":
            agents += [g for g in child.children if g.dep_ == "pobj"]
        elif dep in ("dobj", "dative", "iobj"):
            patients.append(child)
            # the object's own participants: "suspended trade with Israel", "joined the case against it"
            others += [g for p in child.children if p.dep_ == "prep" and p.lower_ in OBJECT_PARTNER_PREPS
                       for g in p.children if g.dep_ == "pobj"]
        elif dep == "prep" and child.lower_ in PARTICIPANT_PREPS and not (
                child.lower_ in ("at", "on") and _happens(verb)):
            # (what 'occurred at Belize Marine and Mooring Services' happened there: a place, not a party)
            others += [g for g in child.children if g.dep_ == "pobj"]
        elif dep == "prt":  # "called off the deal": the object may hang from the particle
            patients += [g for g in child.children if g.dep_ == "pobj"]
    # "they chased him and there was gunfire": a clause with an expletive 'there' has no doer to share
    if not agents and not any(c.dep_ in ("nsubjpass", "expl") for c in verb.children):
        subject = shared_subject(verb)
        if subject is not None:
            agents.append(subject)
    return Roles(_with_conjuncts(agents), _with_conjuncts(patients), _with_conjuncts(others))


def _happens(verb: Token) -> bool:
    """'occurred', 'happened', 'took place' ('took aim at him' is no happening)."""
    return verb.lemma_.lower() in HAPPENING_VERBS or verb.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)


# Verbs that keep someone from doing something: the subject of "from doing" is never theirs.
KEEPING_FROM = frozenset({"bar", "ban", "prevent", "stop", "keep", "prohibit", "block", "discourage"})


def shared_subject(verb: Token) -> Token | None:
    """The subject a verb shares with the clause it hangs from: 'Turkey suspended trade and joined
    the case', 'officials met, aiming to establish ...', 'Erdoğan, who has condemned ...'."""
    current = verb
    for _ in range(4):
        if current.head.i == current.i:
            return None
        dep, head = current.dep_, current.head
        if dep == "relcl" and head.pos_ in ("NOUN", "PROPN"):
            return head
        if dep == "acl" and current.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
            return head
        if dep == "pcomp" and current.tag_ == "VBG" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            # 'after meeting the union, Ana Ruiz said', 'since taking over from John Horgan': the one who did it
            current = head.head
            if head.lower_ == "from":  # 'barred him from working': the one kept from it
                obj = next((c for c in current.children if c.dep_ in ("dobj", "nsubjpass")), None)
                if obj is not None or current.lemma_.lower() in KEEPING_FROM:
                    return obj
            # 'was convicted of strangling her', 'was charged with murdering': whom the passive speaks of did it
            return next((c for c in current.children if c.dep_ == "nsubj"), None) or next(
                (c for c in current.children if c.dep_ == "nsubjpass" and head.lower_ in ("of", "with", "for")),
                None)
        if dep not in ("xcomp", "conj", "advcl") or dep == "advcl" and current.tag_ not in ("VBG", "VBN"):
            return None
        if dep == "conj" and _subject_hung_elsewhere(current):
            return None
        if dep == "conj" and _joins_the_clause_above(current, head):
            if head.dep_ not in ("ccomp", "xcomp"):
                return None
            head = head.head
        current = head
        if dep == "xcomp":  # "urged Israel to halt", "called on Ford to rethink": the object above does it
            obj = next((c for c in current.children if c.dep_ in ("dobj", "dative")), None) or next(
                (g for c in current.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < verb.i
                 and current.lemma_.lower() in CALLING_ON_VERBS for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        for child in current.children:
            if child.dep_ in ("nsubj", "agent"):
                return child if child.dep_ == "nsubj" else next(
                    (g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _subject_hung_elsewhere(verb: Token) -> bool:
    """Whether the word before a joined verb (adverbs aside) is a noun the parser hung elsewhere: the verb's
    own subject ('the judge opened the hearing and lawyers began', with 'lawyers' joined to 'hearing')."""
    i = verb.i - 1
    while i > verb.head.i and verb.doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    before = verb.doc[i]
    return i > verb.head.i and before.pos_ in ("NOUN", "PROPN", "PRON") and before.head.i != verb.i


def _joins_the_clause_above(verb: Token, head: Token) -> bool:
    """Whether a finite verb hangs on an infinitive ('said the city would pay but felt ...', 'plans to
    buy ... and sold'): verbs of two forms are not one coordination; it joins the clause above."""
    # a verb that reads the same in both forms ('would create history and set a record') proves nothing
    return verb.tag_ in FINITE_TAGS and verb.lower_ != verb.lemma_.lower() and head.tag_ == "VB" and any(
        c.dep_ == "aux" and c.tag_ in ("MD", "TO") for c in head.children)


def _noun_roles(noun: Token) -> Roles:
    agents, patients, others = [], [], []
    for child in noun.children:
        dep = child.dep_
        if dep == "poss" or dep in ("amod", "compound", "nmod") and (child.pos_ == "PROPN" or child.ent_type_):
            agents.append(child)
        elif dep == "prep":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            word = child.lower_
            if word in NOUN_AGENT_PREPS:
                agents += objs
            elif word in NOUN_PATIENT_PREPS:
                patients += objs
            elif word in NOUN_OTHER_PREPS:
                others += objs
        elif dep == "acl" and child.lemma_.lower() in TAKING_PART:
            # 'a March 7 meeting involving him, Foss and Libby': who took part in it
            agents += [g for g in child.children if g.dep_ == "dobj"]
    return Roles(_with_conjuncts(agents), _with_conjuncts(patients), _with_conjuncts(others))


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    """Each phrase and those joined to it: 'Turkey and Israel'."""
    out: list[Token] = []
    stack = list(tokens)
    while stack:
        tok = stack.pop(0)
        if tok not in out:
            out.append(tok)
            stack += [c for c in tok.children if c.dep_ == "conj"]
    return out
