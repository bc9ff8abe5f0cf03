"""The words that mark speech: speech verbs, naming verbs, and the nouns and pronouns that stand for speakers.

Verbs are matched on spaCy lemmas. Verbs of cognition (believe, think, expect, hope, fear, want, know,
plan, decide, agree, refuse) are left out on purpose: they report a state of mind or an act, not words.
"""
from __future__ import annotations

# Verbs of judging aloud: speech with a clause or a quotation ('praised the plan as "bold"'), an act or a
# reaction without ('condemned the strikes', 'the crowd applauded').
JUDGING_VERBS = frozenset({"slam", "blast", "praise", "condemn", "hail", "applaud"})

# Verbs of a finding, reported like words ('the report found that', 'the commissioner determined that'), but
# only as a clause of their own ('found that the force was justified'), never an object ('found funding', 'found
# him guilty', 'ruled out a run').
FINDING_VERBS = frozenset({"find", "determine", "rule", "conclude"})

# Verbs that report what someone said.
SPEECH_VERBS = JUDGING_VERBS | FINDING_VERBS | frozenset({
    "say", "tell", "state", "announce", "report", "claim", "confirm", "add", "argue", "insist", "admit",
    "assert", "reaffirm", "affirm", "emphasize", "emphasise", "stress", "warn", "caution", "urge", "accuse",
    "criticize", "criticise", "label", "describe", "cite", "comment", "explain", "note", "predict", "forecast",
    "reveal", "recommend", "justify", "deny", "acknowledge", "suggest", "propose", "promise", "pledge", "vow",
    "threaten", "declare", "reply", "respond", "remark", "write", "tweet", "testify", "allege", "contend",
    "concede", "disclose", "indicate", "reiterate", "demand", "ask", "advise", "assure", "remind", "inform",
    "notify", "complain", "call", "maintain", "observe", "mention", "proclaim", "counter", "retort",
    # verbs of speaking out
    "lament", "boast", "hint", "speculate", "clarify", "elaborate", "point", "speak", "quip", "estimate", "signal",
    "post", "put", "apologise", "apologize", "reassure", "intimate", "charge", "opine", "submit", "confide",
    "recount", "highlight", "read", "express", "rant", "characterise", "characterize",
})

# Nouns of speech acts whose 'that' clause is what was said: "Ford's announcement that it would cut jobs".
SPEECH_NOUNS = frozenset({
    "announcement", "statement", "claim", "warning", "assertion", "promise", "pledge", "admission", "denial",
    "insistence", "prediction", "allegation", "accusation", "complaint", "assurance", "declaration", "remark",
    "comment", "confirmation", "suggestion", "argument", "threat", "vow",
})

# Verbs of denying: a quoted fragment in what is denied repeats an accuser's words ('denied that he was
# "telling porkies"'), which are not the denier's.
DENIALS = frozenset({"deny", "reject", "dismiss", "refute", "rebut"})

# Verbs that introduce a quotation set beside them ('"...," he continued') but report nothing on their own.
QUOTING_VERBS = frozenset({"continue", "joke", "shout", "exclaim", "recall", "conclude", "laugh", "talk"})

# Verbs that give a thing a name ("referred to X as the 'Butcher of Gaza'"): they attribute a quoted
# name to their subject, though only some of them report speech on their own.
NAMING_VERBS = frozenset({"call", "describe", "refer", "label", "dub", "brand", "term", "nickname"})

# Speech verbs that report nothing unless a clause follows: "added 500 jobs", "maintains a zone".
CLAUSE_ONLY = JUDGING_VERBS | FINDING_VERBS | frozenset({
    "say", "declare", "add", "note", "explain", "insist", "argue", "maintain", "stress", "observe", "write", "reply",
    "respond", "remark", "counter", "retort", "indicate", "tweet", "mention", "suggest", "boast", "hint",
    "speculate", "clarify", "elaborate", "point", "speak", "quip", "lament", "estimate", "signal", "post",
    "put", "apologise", "apologize", "reassure", "intimate", "charge", "opine", "submit", "confide", "recount",
    "highlight", "express",
})

# Verbs that report a clause only when it follows them ('expressed that ...'), never through their object
# ('expressed concern that ...' tells a feeling).
CLAUSE_DIRECTLY = frozenset({"express"})

# Senses of speech verbs that report no words, told apart by the words around the verb:
# - a particle the verb needs to be speech ('pointed out that', not 'pointed to the chart');
PARTICLE_NEEDED: dict[str, frozenset[str]] = {"point": frozenset({"out"})}
# - an object and a preposition the verb needs to be speech ('put it to the minister that', not 'put the
#   plan to a vote'); the object is part of the verb, not what was said;
PHRASE_NEEDED: dict[str, tuple[str, str]] = {"put": ("it", "to")}
# - a subject the verb needs to be speech: a text 'reads' its words ('"...," read the statement'), a person
#   reads a book;
SUBJECT_NEEDED: dict[str, frozenset[str]] = {"read": frozenset({
    "statement", "letter", "notice", "sign", "message", "note", "post", "tweet", "release", "banner", "placard",
    "email", "memo", "caption", "plaque", "order", "ruling", "judgment", "judgement", "motion", "petition"})}
# - objects that make the verb an act ('claimed the title', 'told the difference', 'called the meeting');
ACT_OBJECTS: dict[str, frozenset[str]] = {
    "claim": frozenset({"title", "life", "victory", "seat", "prize", "medal", "crown", "championship", "win",
                        "trophy"}),
    "tell": frozenset({"difference", "time", "truth", "apart"}),
    "call": frozenset({"meeting", "election", "strike", "halt", "vote", "timeout", "session", "off", "out"}),
}
# - a second object, the thing withheld or given ('denied the visitors a goal', 'promised them a rise' is
#   still speech, so only these verbs);
NO_DOUBLE_OBJECT = frozenset({"deny"})
# - a preposition alone, naming whom one answers to ('reports to the chief executive').
ACT_PREPS: dict[str, frozenset[str]] = {"report": frozenset({"to"})}

# Speech verbs whose direct object is the person addressed ("told Netanyahu"), not what was said.
ADDRESSEE_VERBS = frozenset({
    "tell", "urge", "warn", "caution", "accuse", "ask", "advise", "assure", "remind", "inform", "notify",
    "call", "put", "reassure",
})

# Prepositions that carry what was said, per verb: "accused X of", "warned against", "called for".
CONTENT_PREPS: dict[str, frozenset[str]] = {
    "accuse": frozenset({"of"}),
    "warn": frozenset({"of", "about", "against"}),
    "caution": frozenset({"against", "about", "of"}),
    "label": frozenset({"as"}),
    "describe": frozenset({"as"}),
    "characterise": frozenset({"as"}),
    "characterize": frozenset({"as"}),
    "rant": frozenset({"about"}),
    "call": frozenset({"for", "on"}),
    "comment": frozenset({"on"}),
    "criticize": frozenset({"for"}),
    "criticise": frozenset({"for"}),
    "complain": frozenset({"about", "of"}),
    "insist": frozenset({"on"}),
    "testify": frozenset({"about", "that"}),
}

# Subordinators that make a speech verb a time or reason clause rather than a report:
# "shares rose after Apple announced" reports no words.
TIME_MARKS = frozenset({"after", "before", "when", "while", "since", "until", "once", "because", "if"})

# Subjects that are sources even when no actor can be named: "analysts said", "a report said".
SOURCE_NOUNS = frozenset({
    "analyst", "expert", "economist", "executive", "official", "spokesman", "spokeswoman", "spokesperson",
    "source", "observer", "critic", "lawmaker", "legislator", "investor", "trader", "diplomat", "officer",
    "minister", "representative", "employee", "worker", "customer", "resident", "witness", "researcher",
    "scientist", "report", "statement", "study", "survey", "poll", "figure", "data", "document", "filing",
    "leader", "member", "person", "people", "manager", "director", "chief", "president", "chairman",
    "police", "authority", "prosecutor", "investigator", "lawyer", "attorney", "staff", "firefighter",
    "paramedic", "organizer", "organiser", "neighbour", "neighbor", "relative", "family", "doctor",
    "councillor", "councilor", "councilman", "councilwoman", "solicitor", "barrister", "management", "coach",
    "player", "teacher", "parent", "student", "nurse", "farmer", "villager", "protester", "protestor", "activist",
    "campaigner", "passenger", "victim", "survivor", "owner", "tenant", "politician", "senator", "judge",
    "detective", "commissioner", "professor", "academic", "engineer", "pilot", "group", "organisation",
    "organization", "association", "charity", "union", "man", "woman", "tweet", "post", "alert", "notice", "memo",
    "email", "letter", "release", "whip",
    # a body written in lower case ('the disaster management center said', 'the task force said')
    "center", "centre", "unit", "team", "panel", "force", "service", "bureau", "directorate", "observatory",
    "secretariat", "commission", "committee", "council", "board", "agency", "department", "ministry", "office",
    "institute", "regulator", "watchdog", "body",
})

# Pronouns that stand for a source even when it cannot be resolved: "he said", "some say".
SOURCE_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "someone", "somebody", "some", "many", "others"})

# Page furniture a saved web page leaves in the text: neither a cue nor a quote stands in these lines.
FURNITURE_LABELS = ("read more", "also read", "related", "see also", "watch", "listen", "more on this")
FURNITURE_LINES = ("advertisement", "article continues below", "article continued below", "story continues below",
                   "continue reading", "continue reading below", "sign up for our newsletter", "listen to the story",
                   "listen to this article", "play video", "share this article")

# Verbs and adjectives that say a speech act did not happen: "declined to comment", "refused to say", "was
# unable to explain".
REFUSALS = frozenset({"decline", "refuse", "fail", "avoid", "unable", "unwilling", "reluctant", "loath"})
# Verbs and adjectives that put a speech act in the future: "was expected to report", "is due to announce".
PLANS = frozenset({"expect", "plan", "intend", "schedule", "due", "set", "poised", "likely", "hope", "want"})
