"""Who a phrase names: from a noun phrase, a title, a role noun or a pronoun to one of the article's actors.

One resolver serves every part of the loader that needs to know who a phrase stands for: the speaker
of a quote, the participants of an event. Resolution runs over the article's actor mentions only: an
answer is always one of their keys, or nobody. It never guesses past what the text supports;
`confidence` says which rule found the actor.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
import pandas as pd
from spacy.attrs import LOWER, POS, SENT_START
from spacy.strings import hash_string
from spacy.symbols import PRON as PRON_SYMBOL
from spacy.tokens import Doc, Span, Token

from dashboard.loader.actors.gazetteer import country_of, fold
from dashboard.loader.actors.first_names import first_name_gender
from dashboard.loader.actors.names import (
    CIVIC_TITLES, CORE_TITLES, HONORIFIC_GENDER, KIN, PARTISANS_AND_NATIONALS, PORTFOLIOS, TITLE_WORDS,
)
from dashboard.loader.actors.tokens import among
from dashboard.loader.frames import Columns
from dashboard.loader.quotes.cues import SPEECH_VERBS
from dashboard.loader.vocabulary import SPEAKER_KINDS

# Nouns that name a person by office. A noun matches a person whose role contains it.
ROLE_NOUNS = frozenset({
    "minister", "president", "chancellor", "premier", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "chairman", "chairwoman", "chairperson", "chair", "chief", "ceo", "director", "governor", "senator",
    "ambassador", "envoy", "king", "queen", "prince", "mayor", "judge", "justice", "commander", "general",
    "taoiseach", "tánaiste", "tanaiste", "sultan", "emir",
    "founder", "executive", "officer", "leader", "head", "analyst", "economist", "prosecutor", "lawyer",
    # civic, police and team offices
    "clerk", "mp", "mpp", "mla", "mep", "councillor", "councilor", "councilman", "councilwoman", "commissioner",
    "sheriff", "superintendent", "inspector", "sergeant", "detective", "treasurer", "trustee", "coach",
    "manager", "captain", "gaffer", "boss", "skipper", "solicitor", "barrister", "attorney",
    # every other civic, police, church and court office written as a word ('the collector', 'the magistrate')
    *(t for t in CIVIC_TITLES if t.isalpha() and len(t) > 3),
})

# Words that make an office a lesser or a past one: 'the minister' is neither the deputy minister nor a former one.
RANK_QUALIFIERS = frozenset({"deputy", "assistant", "vice", "associate", "junior", "former"})

# Other words for an office in a title: 'Justice Helen Park' is 'the judge', 'Sen. Ann Roy' 'the senator'.
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "judge": frozenset({"justice"}), "justice": frozenset({"judge"}),
    "lawyer": frozenset({"attorney", "counsel", "barrister", "solicitor"}),
    "solicitor": frozenset({"lawyer", "counsel"}), "barrister": frozenset({"lawyer", "counsel"}),
    "attorney": frozenset({"lawyer", "counsel", "prosecutor"}),
    # a county or district attorney prosecutes: 'a prosecutor said' is 'County Attorney Marty Lambert'
    "prosecutor": frozenset({"attorney"}),
    "senator": frozenset({"sen."}), "governor": frozenset({"gov."}), "officer": frozenset({"const.", "constable"}),
    # a team's manager, as the sports pages call him
    "gaffer": frozenset({"manager", "coach", "boss"}), "boss": frozenset({"manager", "coach"}),
    "skipper": frozenset({"captain"}),
    # a member of parliament, however the story writes the office
    "mp": frozenset({"parliament"}),
}

# People who belong to a place or a body but do not speak for it: "Hillcrest residents say" and "Acme workers
# said" are the residents and the workers, not the suburb or the firm ("Acme officials said" are the firm).
RANK_AND_FILE = frozenset({
    "resident", "worker", "employee", "customer", "passenger", "villager", "farmer", "student", "parent", "fan",
    "local", "citizen", "voter", "shopper", "commuter", "tenant", "homeowner", "protester", "protestor", "patient",
    "shareholder", "investor", "user", "driver", "neighbour", "neighbor",
})

# Nouns for an office that say no more than that it is one: 'the Senate leader', 'the PPP official'.
ANY_OFFICE = frozenset({"leader", "official", "chief", "head", "boss"})
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# What a body puts out in its own words: 'the statement said'.
ISSUED_TEXTS = frozenset({"statement", "release", "communique", "communiqué"})
# Words that join an office to its field or body: the word before one is the office ('Wali of Masirah').
OFFICE_LINKS = frozenset({"of", "for", "at", "in", "to"})

# Plural nouns for people, whom a 'they' or 'their' after them in the sentence stands for: 'told farmers he
# would take their calls'. Subjects need no list (what acts is mostly someone); objects are often things.
PEOPLE_NOUNS = frozenset({
    *RANK_AND_FILE, *ROLE_NOUNS, *KIN, "people", "person", "official", "authority", "member", "councillor",
    "landholder", "owner", "landowner", "rancher", "grower", "consumer", "buyer", "seller", "trader", "dealer",
    "victim", "survivor", "witness", "critic", "opponent", "supporter", "demonstrator", "activist", "expert",
    "scientist", "doctor", "nurse", "teacher", "pupil", "child", "kid", "adult", "man", "woman", "family",
    "relative", "friend", "colleague", "staff", "crew", "soldier", "troop", "militant", "rebel", "fighter",
    "firefighter", "rescuer", "investigator", "agent", "guard", "prisoner", "inmate", "suspect", "refugee",
    "migrant", "immigrant", "visitor", "tourist", "guest", "participant", "applicant", "lawmaker", "legislator",
    "politician", "delegate", "negotiator", "representative", "volunteer", "teenager", "youth", "player",
})

# Offices one person holds at a time, which a story may name by the office alone ('the Premier said').
HEAD_OFFICES = frozenset({"premier", "president", "governor", "mayor", "chancellor", "sheriff", "ceo", "chairman",
                          "chairwoman", "chairperson", "coach", "manager", "captain", "skipper", "gaffer", "boss",
                          "taoiseach", "tánaiste", "tanaiste"})

# Offices headlines write as letters: 'No graft in Tripura: CM'.
ROLE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {"cm": ("chief", "minister"), "pm": ("prime", "minister")}

# Fields a public body is named for beside its country, besides the title words ('Statistics Canada').
PUBLIC_FIELDS = frozenset({"statistics", "environment", "parks", "revenue", "immigration", "fisheries", "oceans",
                           "heritage", "employment", "infrastructure", "elections", "treasury", "and"})

# Nouns that name an organisation by its type: "the ministry" -> the organisation whose name holds it.
ORG_NOUNS = frozenset({
    "ministry", "department", "agency", "court", "bank", "council", "commission", "committee", "army",
    "union", "party", "parliament", "office", "board", "fund", "authority", "administration", "institute",
    "organization", "organisation", "association", "exchange", "regulator", "watchdog", "police", "patrol",
})
# The bodies an office may be of: 'group leader' and 'council leader' are two offices.
BODY_NOUNS = ORG_NOUNS | {"group", "caucus", "cabinet", "senate", "assembly", "club", "team", "company", "firm"}
# Organisation nouns that name their body without an article: "police said" is the police named before.
BARE_ORG_NOUNS = frozenset({"police"})
# Bodies named for their field: 'the health ministry' says which one it is.
MINISTRIES = frozenset({"ministry", "department"})

# Organisation nouns that fit any public body: "the agency said" -> the latest one named.
AGENCY_NOUNS = frozenset({"agency", "regulator", "watchdog", "authority"})

# Nouns for a news outlet, each with the words that name outlets of its kind: "the newspaper reported" is
# the latest paper named ('The Guardian', 'Toronto Star'), "the broadcaster" the latest broadcaster.
PRINT_NAME_WORDS = frozenset({
    "times", "post", "news", "journal", "herald", "tribune", "gazette", "mail", "telegraph", "press", "guardian",
    "star", "sun", "observer", "chronicle", "daily", "express", "independent", "mirror", "courier", "examiner",
    "inquirer", "dispatch", "globe", "magazine",
})
BROADCAST_NAME_WORDS = frozenset({
    "radio", "television", "tv", "broadcasting", "news", "network",
    # known by their letters
    "bbc", "cbc", "abc", "cbs", "nbc", "cnn", "npr", "pbs", "itv", "rte", "sbs", "ctv",
})
OUTLET_NAME_WORDS = PRINT_NAME_WORDS | BROADCAST_NAME_WORDS | {"reuters", "bloomberg", "afp", "ap", "xinhua", "bernama"}
MEDIA_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("newspaper", "paper", "tabloid", "daily", "magazine"), PRINT_NAME_WORDS),
    **dict.fromkeys(("broadcaster", "network", "station", "channel"), BROADCAST_NAME_WORDS),
    **dict.fromkeys(("outlet", "publisher", "publication"), PRINT_NAME_WORDS | BROADCAST_NAME_WORDS),
}
# Organisation nouns that fit any company: "the company said" -> the most recent organisation.
COMPANY_NOUNS = frozenset({
    "company", "firm", "carrier", "airline", "automaker", "carmaker", "manufacturer", "maker", "planemaker",
    "group", "giant", "corporation", "retailer", "lender", "insurer", "conglomerate", "producer", "supplier",
    "developer", "operator", "startup",
})

# Parties named by a word that is no partisan's: the rest are 'Democrats', 'Tories' or a '... Party'.
PARTY_NAMES = frozenset({"labour", "labor", "lib dems", "liberal democrats", "greens", "the greens"})

# Nouns that stand for a country: "the country", "the government".
COUNTRY_NOUNS = frozenset({"country", "nation", "government", "kingdom", "republic"})

# The people close to someone: "Byrd's relatives said" are not Byrd (unnamed, described in full).
CLOSE_ONES = frozenset({*KIN, "relative", "family", "friend", "neighbour", "neighbor", "supporter", "fan",
                        "colleague", "child", "parent", "teammate", "classmate", "cousin", "sibling", "relation"})
# Nouns for someone who speaks or acts for another: for a person they are someone else, unnamed
# ("a spokeswoman for the premier"); for an organisation they are its voice ("a spokesman for Airbus").
AGENT_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "lawyer",
                         "attorney", "representative", "assistant", "deputy"})

# Nouns that describe a person without naming an office: 'the 44-year-old', 'the former special
# rapporteur', 'the veteran' stand for the person the story has just named. Offices ('the minister') are
# matched by role instead, and agent nouns ('the spokesman') are someone else.
EPITHET_NOUNS = frozenset({
    "veteran", "rapporteur", "advocate", "activist", "campaigner", "lawmaker", "legislator", "politician",
    "candidate", "incumbent", "challenger", "nominee", "hopeful", "billionaire", "millionaire", "businessman",
    "businesswoman", "entrepreneur", "tycoon", "magnate", "mogul", "striker", "forward", "midfielder",
    "defender", "goalkeeper", "quarterback", "pitcher", "player", "captain", "athlete", "champion", "actor",
    "actress", "singer", "musician", "artist", "author", "writer", "novelist", "poet", "filmmaker",
    "star", "retiree", "physician", "professor", "scholar", "historian",
    # cricket, football and other sports, as the sports pages describe a player
    "opener", "batsman", "batter", "bowler", "spinner", "all-rounder", "wicketkeeper", "keeper", "winger",
    "fullback", "selector", "jockey", "boxer", "golfer", "swimmer", "sprinter", "cyclist", "skipper",
    # occupations and what befell a person, as a story goes on to call someone it has named
    "scientist", "researcher", "expert", "doctor", "surgeon", "nurse", "teacher", "engineer", "academic",
    "lecturer", "farmer", "resident", "witness", "survivor", "victim", "pilot", "homeowner", "landlord", "tenant",
    "student", "widow", "widower", "pensioner",
    # what a person owns or gives ('the leading racehorse owner said')
    "owner", "sponsor", "philanthropist", "donor", "benefactor", "trainer", "breeder",
}) | PARTISANS_AND_NATIONALS
# Endings of nouns for a person by their science or trade ('the seismologist', 'the pharmacist', 'the
# technician'), and the words with such an ending that are not people.
OCCUPATION_ENDINGS = ("ist", "ician")
NOT_OCCUPATIONS = frozenset({"checklist", "playlist", "shortlist", "waitlist", "wishlist", "blacklist", "whitelist"})

# Nouns for one person who holds a post in a body or works for it; its spokesperson is its voice.
ONE_OF_A_BODY = ROLE_NOUNS - {"spokesman", "spokeswoman", "spokesperson"} | RANK_AND_FILE | EPITHET_NOUNS \
    | frozenset({"official", "engineer", "staffer", "aide", "adviser", "advisor", "insider", "scientist", "researcher",
                 "expert", "doctor", "nurse", "teacher", "member", "representative", "negotiator", "diplomat",
                 "strategist"})

# Nouns for something said or written: the person its phrase names gave it ('a statement by the
# company, given by its spokesman X' is X's), though an organisation it names is only whom it speaks for.
STATEMENT_NOUNS = frozenset({"statement", "letter", "memo", "release", "announcement", "message", "email",
                             "speech", "interview", "note", "report", "remark", "comment", "figure", "data",
                             "study", "survey", "poll", "research", "estimate", "forecast", "filing", "tweet",
                             "post", "readout", "notice", "bulletin"})
# Verbs that put a statement out: 'Ford issued a statement that said ...' is Ford's.
ISSUING_VERBS = frozenset({"issue", "release", "publish", "post", "put", "send", "give", "make", "file"})
# Where a statement is posted: 'a statement on Apple's website' is Apple's.
MEDIUM_NOUNS = frozenset({"website", "site", "homepage", "page", "blog", "account", "feed", "channel"})

# Words before a name, or in a person's title, that say whether the article calls them he or she.
GENDERED = {
    **HONORIFIC_GENDER, "king": "m", "prince": "m", "chairman": "m", "spokesman": "m", "businessman": "m",
    "congressman": "m", "queen": "f", "princess": "f", "chairwoman": "f", "spokeswoman": "f", "businesswoman": "f",
    "congresswoman": "f", **KIN,
}
# Gendered titles that some stories give women too ('chairman Maria Battle'): a first name outweighs them.
GENERIC_TITLES = frozenset({"chairman", "spokesman"})
# Gendered words that are honorifics only with a capital ('Miss Lenz', not 'will miss Lenz').
CAPITAL_HONORIFICS = frozenset({"miss", "lady", "dame", "sir", "lord"})
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                  "herself": "f"}
_PRONOUN_HASHES = np.sort(np.array([hash_string(w) for w in PRONOUN_GENDER], dtype=np.uint64))  # for `among`

# Which actor kinds a pronoun can stand for: 'he' is never a country.
PRONOUN_KINDS: dict[str, frozenset[str]] = {
    "he": frozenset({"person"}),
    "she": frozenset({"person"}),
    "it": frozenset({"organization", "country"}),
    "they": frozenset({"organization", "country", "group"}),
    # as objects: 'according to her', 'police arrested him' ('them' is as often a thing: 'raised them')
    "him": frozenset({"person"}),
    "her": frozenset({"person"}),
}

# Words that make an organisation an institution rather than a company: "the company" is never a ministry.
INSTITUTION_WORDS = ORG_NOUNS - {"bank", "exchange", "fund", "group"}
NOUN_MODIFIERS = frozenset({"compound", "amod", "det", "poss", "nmod"})
RELATIVE = frozenset({"which", "who", "that"})
HYPHENS = frozenset({"-", "‐", "‑"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
PARTICIPANT_DEPS = SUBJECTS | {"dobj", "dative", "pobj"}
PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
# Words that open a clause of time, cause or concession, never one of what was said.
ADVERBIAL_MARKS = frozenset({"after", "before", "when", "while", "since", "until", "once", "because", "although",
                             "though", "as", "whereas"})
# Entity labels of amounts and times: 'in recent years', 'two hours' are no one a pronoun stands for.
AMOUNT_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"})
# How far back a pronoun looks for the actor it stands for, in sentences.
PRONOUN_REACH = 4
# Words that join the parts of a title: 'President and CEO', 'Authority (KUDA) Special Officer'.
TITLE_JOINERS = frozenset({"and", "&", "/", "(", ")", "-"})
# How many words before a name may hold its office ('the Prime Minister of Singapore, Mr. Lee').
TITLE_WINDOW = 7
# A speaker phrase longer than this is cut back to its head words.
MAX_PHRASE_TOKENS = 8
# Sentences back that a description ('the 44-year-old') looks for the one person it stands for.
EPITHET_REACH = 2


# A mention as the loader's mentions table gives it: start, end, key, kind, role, affiliation_key.
MentionRecord = tuple[int, int, str, str, object, object]


@dataclass(frozen=True)
class Speaker:
    """An actor key (or None), the words that name the speaker, and how it was found."""

    key: str | None
    text: str | None
    confidence: str


NOBODY = Speaker(None, None, "none")


@dataclass(frozen=True)
class _Mention:
    first: int  # token indices, inclusive
    last: int
    head: int
    key: str
    kind: str
    role: str
    affiliation: str


MENTION_FIELDS = ["start", "end", "key", "kind", "role", "affiliation_key"]
# Names are folded for every lookup, and the same few recur: kept per process.
_fold = lru_cache(maxsize=16384)(fold)


class MentionIndex:
    """What every resolver over one article reads of its actor mentions, built once per article: the
    mentions placed on tokens with their titles, and the he and she pronouns. Quotes and events each
    keep a resolver of their own (what one has resolved is its own state) over one index."""

    def __init__(self, doc: Doc, mentions: pd.DataFrame | Columns | Iterable[MentionRecord], *,
                 sent_starts: Sequence[int] | None = None) -> None:
        """`mentions` and `sent_starts` as `Resolver` takes them."""
        if isinstance(mentions, pd.DataFrame):
            mentions = zip(*(mentions[c].tolist() for c in MENTION_FIELDS)) if len(mentions) else []
        elif isinstance(mentions, dict):  # the table column by column (`Columns`)
            mentions = zip(*(mentions[c] for c in MENTION_FIELDS))
        self.doc = doc
        self.sent_starts = list(sent_starts) if sent_starts is not None else _sentence_starts(doc)
        # (first character, mention, its folded names, its first word lowered and the word before as written)
        self.placed: list[tuple[int, _Mention, list[str], tuple[str, str]]] = []
        self.at: dict[int, _Mention] = {}
        self.places: set[int] = set()  # tokens of places' names: never a speaker, nor an antecedent
        for start, end, key, kind, role, affiliation in sorted(mentions, key=lambda r: (r[0], r[1])):
            if kind not in SPEAKER_KINDS:
                if kind == "place" and (span := doc.char_span(start, end, alignment_mode="expand")) is not None:
                    self.places.update(range(span.start, span.end))
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            role = role if isinstance(role, str) else ""
            if kind == "person":
                sent_start = self.sent_starts[bisect_right(self.sent_starts, span.start) - 1]
                role = " ".join([role, *_apposed_title(span.root), *_titles_before(span, sent_start)])
            affiliation = affiliation if isinstance(affiliation, str) else ""
            m = _Mention(span.start, span.end - 1, span.root.i, key, kind, role.casefold(), affiliation)
            for i in range(span.start, span.end):
                self.at[i] = m
            names = [_fold(span.text), _fold(key)]
            if kind == "person":
                names.append(_fold(key.split()[-1]))
            words = (span[0].lower_, doc[span.start - 1].text if span.start > 0 else "")
            self.placed.append((start, m, names, words))
        self.kinds = {m.key: m.kind for m in self.at.values()}
        self.titled = self._titled_bodies()
        # he, she and their forms, (token, gender) in text order, read from the arrays (no Token objects)
        arr = doc.to_array([LOWER, POS])
        self.gendered: list[tuple[int, str]] = []
        if len(arr):
            hits = np.flatnonzero(among(arr[:, 0], _PRONOUN_HASHES) & (arr[:, 1] == PRON_SYMBOL))
            strings = doc.vocab.strings
            self.gendered = [(i, PRONOUN_GENDER[strings[int(arr[i, 0])]]) for i in hits.tolist()]


    def _titled_bodies(self) -> dict[int, int]:
        """Positions of the words of an organisation or country named only in a person's title ('Acme Motors
        Chief Executive Ana Ruiz', 'Ontario Premier Ana Ruiz'), each with the first word of the person's
        name: part of how the person is described, neither a participant nor an antecedent of its own."""
        out: dict[int, int] = {}
        doc = self.doc
        for first in sorted({m.first for m in self.at.values() if m.kind == "person"}):
            titled, i = False, first - 1
            while i >= 0 and first - i <= 2 * TITLE_WINDOW:
                m = self.at.get(i)
                if m is not None and m.kind != "person":
                    if not titled:
                        break
                    out.update(dict.fromkeys(range(m.first, m.last + 1), first))
                    i = m.first - 1
                    continue
                word = doc[i].lower_
                if word in CORE_TITLES:
                    titled = True
                elif not (word in TITLE_WORDS or word in TITLE_JOINERS or doc[i].text[:1].isupper()
                          and doc[i].pos_ == "PROPN"):
                    break
                elif titled and m is None:
                    out[i] = first  # a place or body the index holds elsewhere only ('Ontario Premier Ana Ruiz')
                i -= 1
        return out


class Resolver:
    """Reference resolution over one parsed article and its actor mentions."""

    def __init__(self, doc: Doc, mentions: pd.DataFrame | Columns | Iterable[MentionRecord], *,
                 quoted: Sequence[tuple[int, int]] = (), sent_starts: Sequence[int] | None = None,
                 index: MentionIndex | None = None) -> None:
        """`mentions`: the article's mentions table (as `find_mentions` gives it) or its records
        (start, end, key, kind, role, affiliation_key); `quoted`: sorted character ranges of quotations,
        whose names are never antecedents; `sent_starts`: first token of each sentence (from the parse
        when not given); `index`: the article's `MentionIndex` when another resolver built it already
        (`mentions` and `sent_starts` are then read from it)."""
        if index is None:
            index = MentionIndex(doc, mentions, sent_starts=sent_starts)
        self.doc = doc
        self.index = index
        self.quoted = list(quoted)
        self.sent_starts = index.sent_starts
        self.at = index.at
        self.kinds = index.kinds
        placed = [p for p in index.placed if not inside(self.quoted, p[0])]
        placed.sort(key=lambda p: p[1].first)
        self.mentions: list[_Mention] = [p[1] for p in placed]
        self.firsts = [m.first for m in self.mentions]
        # Names the parser read but the entity model missed ("Mulally says"): matched on the article's keys.
        self.by_name: dict[str, set[str]] = {}
        for _, m, names, _ in placed:
            for name in set(names):
                self.by_name.setdefault(name, set()).add(m.key)
        # Actors found through a title or pronoun, at the token that named them: antecedents too.
        self.found: list[_Mention] = []
        self.gender = self.learn_gender([p[3] for p in placed])
        # Who has spoken so far, (token, key) in text order: the person being quoted is salient.
        self.voices: list[tuple[int, str]] = []
        self._untagged: dict[int, list[_Mention]] = {}

    def sentence_of(self, i: int) -> int:
        """Index of the sentence holding token `i`."""
        return bisect_right(self.sent_starts, i) - 1

    def remember(self, tok: Token, found: Speaker) -> None:
        """Let an actor found through a title, a pronoun or a name the entity model missed ('Detik.com
        quoted Djamal') at `tok` stand as an antecedent for later ones."""
        if found.key and found.confidence != "none" and (found.confidence != "named" or tok.i not in self.at):
            self.found.append(_Mention(tok.i, tok.i, tok.i, found.key, self.kind_of(found.key), "", ""))

    def kind_of(self, key: str) -> str:
        return self.kinds.get(key, "person")

    def is_place(self, tok: Token) -> bool:
        """Whether `tok` is a word of a place's name."""
        return tok.i in self.index.places

    def of_phrase(self, tok: Token, *, pronouns: bool = True, words: bool = True) -> Speaker:
        """The actor a noun phrase headed by `tok` names, or NOBODY. words: False leaves the speaker's
        words out (None), for a caller that needs only the key."""
        if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
            who, rel = tok.lower_ == "who", tok
            tok = tok.head.head  # "criticism, which labeled ..." speaks for its antecedent
            if who:
                # 'who' follows the person it stands for: one set beside the word it hangs on, nearer to it,
                # is that person ('replacing Lee, Ruiz, who said ...', misparsed as an apposition)
                beside = [c for c in tok.children if c.dep_ == "appos" and c.i < rel.i and c.i in self.at
                          and self.at[c.i].kind == "person"]
                tok = beside[-1] if beside else self.person_above(tok)
        text = self.phrase_text(tok) if words else None
        fields = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
        # 'Fraternal Order of Police President John Teletchea said': the parser made the body the subject and
        # hung its titled officer on its 'of'
        titled = [self.at[g.i].key for g in fields if g.i in self.at and self.at[g.i].kind == "person"
                  and any(c.dep_ == "compound" and c.lower_ in CORE_TITLES for c in g.children)]
        if len(titled) == 1:
            return Speaker(titled[0], text, "named")
        m = self.at.get(tok.i)
        if m is not None:
            return Speaker(m.key, text, "named")
        # 'the Commissioner of Police, Chidi Okafor,': the parser may hang the name on the office's field
        for child in [c for t in (tok, *fields) for c in t.children]:
            if child.dep_ == "appos" and child.i in self.at and not _in_brackets(child) and (
                    child.head.i == tok.i or self.at[child.i].kind == "person"):
                return Speaker(self.at[child.i].key, text, "named")
        if tok.pos_ == "PROPN" and not tok.ent_type_ == "PERSON":
            # 'PORT OF SPAIN, Oct 31, CMC – The Trinidad and Tobago government Friday said': a name no actor
            # holds (a dateline's agency), set beside a description of one, which speaks
            for child in tok.children:
                if child.dep_ == "appos" and child.i > tok.i and child.pos_ == "NOUN":
                    sp = self.of_phrase(child, pronouns=False, words=False)
                    if sp.key:
                        return Speaker(sp.key, text, sp.confidence)
        low = tok.lower_
        if tok.pos_ == "PRON":
            if not pronouns or low not in PRONOUN_KINDS:
                return Speaker(None, text, "none")
            key = self.antecedent(tok, PRONOUN_KINDS[low])
            return Speaker(key, text, "pronoun" if key else "none")
        key = self.untagged_name(tok) if tok.lemma_.casefold() not in ROLE_NOUNS else None  # 'the City Clerk'
        if key is not None:
            return Speaker(key, text, "named")
        if low in ("former", "latter") and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            key = self.of_two_before(tok)
            return Speaker(key, text, "title" if key else "none")
        if tok.pos_ not in ("NOUN", "PROPN"):
            key = self.by_epithet(tok) if tok.lower_ == "old" else None  # 'the 44-year-old', tagged ADJ
            return Speaker(key, text, "title" if key else "none")
        if tok.pos_ == "NOUN":
            key = self.named_in_phrase(tok)
            if key:
                return Speaker(key, text, "named")
            key = self.giver_of(tok)
            if key:
                return Speaker(key, text, "named")
        owners = self.owners(tok)
        if tok.lemma_.casefold() in COMPANY_NOUNS:
            # "the US car manufacturer" is a firm from there, not the country
            owners = [o for o in owners if self.kind_of(o) != "country"]
        if self.someone_elses(tok, owners):
            whole = tok.doc[tok.left_edge.i:tok.right_edge.i + 1].text.strip(" ,")
            # "a spokeswoman for the premier" is not the premier: an unnamed speaker, described in full
            return Speaker(None, whole if len(whole.split()) <= MAX_PHRASE_TOKENS else text, "none")
        key = self.by_title(tok, owners) or self.by_epithet(tok) or self.named_next(tok) or self.spoken_for(tok, owners)
        if key:
            return Speaker(key, text, "title")
        if owners and tok.tag_ in ("NN", "NNP") and tok.lemma_.casefold() in ONE_OF_A_BODY:
            # 'the PPP official', 'A Boeing engineer', "Apple's chief executive": one person of the body, not the
            # body itself ('Acme officials said' are the firm); 'the Senate leader' after 'Senate President
            # Juan Zubiri' is the one person of that body named before, when the office says no more than that
            members = {m.key for m in self.before(tok.i) if m.kind == "person" and m.affiliation in owners}
            if tok.lemma_.casefold() in ANY_OFFICE and len(members) == 1 and any(
                    c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                return Speaker(members.pop(), text, "title")
            return Speaker(None, text, "none")
        several = any(c.dep_ == "conj" for m in tok.children if m.dep_ in ("amod", "compound", "nmod")
                      for c in m.children)
        if len(owners) == 1 and tok.lemma_.casefold() not in RANK_AND_FILE and not several:
            # ('Labour and Tory councillors' are of two bodies, though the model named only one)
            owner = owners[0]
            if tok.lemma_.casefold() in ORG_NOUNS | COUNTRY_NOUNS and self.kind_of(owner) == "person":
                # "Obama's administration" speaks for his country, not for him
                owner = next((m.affiliation for m in self.mentions if m.key == owner and m.affiliation), None)
            if owner:
                return Speaker(owner, text, "named")
        return Speaker(None, text, "none")

    def named_by(self, first: int, last: int, *, described: bool) -> Speaker:
        """The person that tokens first..last name ('Mayor Ana Ruiz', 'Kofi Osei', 'Osei'); with
        `described`, also an organisation, or one an office or body noun stands for anywhere in the article
        ('CM', 'union'): the first person holding that office, the first body of that kind."""
        span = self.doc[first:last + 1]
        kinds = ("person", "organization") if described else ("person",)
        # 'CM' is an office, though the model may have made an organisation of the letters
        abbreviation = described and first == last and self.doc[last].lower_ in ROLE_ABBREVIATIONS
        named = [m for i in range(first, last + 1) if (m := self.at.get(i)) is not None and m.kind in kinds
                 and not abbreviation]
        if named:
            person = [m for m in named if m.kind == "person"]
            return Speaker((person or named)[-1].key, span.text, "named")
        keys = self.by_name.get(_fold(span.text), set())
        if not keys and all(t.text[:1].isupper() for t in span):
            keys = self.by_name.get(_fold(span[-1].text), set())  # 'Addo Osei': Kofi Addo Osei
        keys = {k for k in keys if self.kind_of(k) in kinds and not abbreviation}
        if len(keys) == 1:
            return Speaker(next(iter(keys)), span.text, "named")
        if not described or last != first:
            return NOBODY
        noun = self.doc[last].lower_
        office = ROLE_ABBREVIATIONS.get(noun) or ((noun,) if noun in ROLE_NOUNS else None)
        if office:
            held = [m for m in self.mentions if m.kind == "person" and set(office) <= set(m.role.split())]
            return Speaker(held[0].key, span.text, "title") if held else NOBODY
        if noun in ORG_NOUNS | COMPANY_NOUNS:
            bodies = [m for m in self.mentions if m.kind == "organization" and noun in m.key.casefold().split()]
            return Speaker(bodies[0].key, span.text, "title") if bodies else NOBODY
        return NOBODY

    def someone_elses(self, tok: Token, owners: list[str] | None = None) -> bool:
        """Whether the noun is a person's agent or close one ('his attorneys', 'Byrd's relatives', 'a
        spokeswoman for the premier'): someone else, who speaks and acts as themself."""
        return tok.lemma_.casefold() in AGENT_NOUNS | CLOSE_ONES and self.speaks_for_a_person(
            tok, self.owners(tok) if owners is None else owners)

    def speaks_for_a_person(self, tok: Token, owners: list[str]) -> bool:
        """Whether an agent noun ('spokeswoman', 'aide') is someone's: a person named in its modifiers,
        or named by title after 'for' or 'of' ('a spokeswoman for the premier'), or 'his' or 'her'."""
        if any(self.kind_of(o) == "person" for o in owners):
            return True
        if any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in tok.children):
            return True
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "to")):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                found = self.of_phrase(obj, words=False)
                if found.key and self.kind_of(found.key) == "person":
                    return True
        return False

    def person_above(self, tok: Token) -> Token:
        """The person a 'who' clause describes when the parser hung it on a word of their description:
        'Charles O'Reilly, a management expert at Stanford University, who stated'."""
        up = tok
        for _ in range(6):
            m = self.at.get(up.i)
            if m is not None and m.kind == "person":
                return up
            if up.dep_ not in ("pobj", "prep", "appos", "compound", "conj") or up.head.i == up.i:
                break
            up = up.head
        return tok

    def named_in_phrase(self, tok: Token) -> str | None:
        """The one name inside a descriptive subject: 'the manufacturer Ford', 'the vice president and
        chairman of Chrysler LLC Jim Press'."""
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.pos_ == "PROPN" and nxt.i in self.at and self.at[nxt.i].first == nxt.i:
            return self.at[nxt.i].key
        # the office may be split over several words: 'vice-president' is 'vice' with 'president' apposed
        office = [tok, *(c for c in tok.children if c.dep_ in ("appos", "compound"))]
        if not any(t.lemma_.casefold() in ROLE_NOUNS for t in office):
            return None
        # not the owner: "Cohen's lawyers" are not Cohen
        owned = {t.i for c in tok.children if c.dep_ == "poss" for t in c.subtree}
        people = {self.at[t.i].key for t in _phrase_tokens(tok)
                  if t.i in self.at and self.at[t.i].kind == "person" and t.i not in owned}
        return people.pop() if len(people) == 1 else None

    def giver_of(self, tok: Token) -> str | None:
        """The one person a statement's own phrase names, by whom or through whom it came: 'a statement by
        Boeing given by spokesman William Barksdale' is his words, for Boeing."""
        if tok.lemma_.casefold() not in STATEMENT_NOUNS:
            return None
        # not whom it was sent to: 'In a letter to Commissioner Chris Nicastro, the council called for ...'
        people = {self.at[t.i].key for t in tok.subtree if t.i in self.at and self.at[t.i].kind == "person"
                  and not self.in_clause(t, tok) and not _sent_to(t, tok)}
        if len(people) == 1:
            return people.pop()
        for child in tok.children:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                # "figures released by NPD Group", "a report issued by the Labor Department"
                for agent in (c for c in child.children if c.dep_ == "agent"):
                    for obj in (g for g in agent.children if g.dep_ == "pobj"):
                        key = self.of_phrase(obj, pronouns=False, words=False).key
                        if key:
                            return key
                # "a study published in the Lancet": the journal's
                for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "in"):
                    for obj in (g for g in prep.children if g.dep_ == "pobj"):
                        m = self.at.get(obj.i)
                        if m is not None and m.kind == "organization":
                            return m.key
            if child.dep_ == "prep" and child.lower_ in ("on", "in"):
                for obj in (g for g in child.children if g.dep_ == "pobj"):
                    m = self.at.get(obj.i)
                    if m is not None and m.kind == "organization" and child.lower_ == "in":
                        return m.key  # "a report in Ars Technica": the outlet's
                    if obj.lemma_.casefold() in MEDIUM_NOUNS:
                        # "a statement on Apple's website": whoever the website is
                        owners = self.owners(obj)
                        if len(owners) == 1:
                            return owners[0]
        verb = tok.head
        if tok.dep_ == "dobj" and verb.lemma_ in ISSUING_VERBS:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return self.of_phrase(subject, words=False).key
        if tok.dep_ == "pobj" and verb.lower_ in ("in", "through", "via") and verb.head.pos_ in ("VERB", "AUX"):
            # "the patrol confirmed the capture in a tweet that said ...", "In a statement, the council said":
            # whoever acted through it
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and (subject.i < tok.i or verb.i < verb.head.i):
                return self.of_phrase(subject, words=False).key
        if tok.dep_ == "pobj" and verb.lower_ == "in" and verb.head.i in self.at and verb.head.i < verb.i:
            return self.at[verb.head.i].key  # 'the EC in a statement issued Monday described ...'
        if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            # "The statement went on to knock his accusers": the one the article spoke of before, not one
            # that a quotation speaks of
            lemma = tok.lemma_
            earlier = next((t for t in reversed(tok.doc[:tok.i]) if t.lemma_ == lemma and t.pos_ == "NOUN"
                            and not inside(self.quoted, t.idx)), None)
            if earlier is not None:
                return self.giver_of(earlier) or next(iter(self.owners(earlier)), None)
        return None

    @staticmethod
    def in_clause(t: Token, top: Token) -> bool:
        """Whether `t` sits in a clause of its own below `top` (what was said, not who said it)."""
        while t.i != top.i:
            if t.dep_ in ("relcl", "ccomp", "advcl") or t.dep_ == "acl" and t.tag_ != "VBN":
                return True
            t = t.head
        return False

    def phrase_text(self, tok: Token) -> str:
        """The words naming the speaker: from the phrase's first word to its head (and the head's name)."""
        last = tok.i
        m = self.at.get(tok.i)
        if m is not None:
            last = max(last, m.last)
        first = tok.left_edge.i
        if tok.pos_ == "PRON" or last - first >= MAX_PHRASE_TOKENS:
            first = m.first if m is not None else tok.i
        span = tok.doc[first:last + 1]  # the token's own document: the events' view of it slices the text
        return span.text.strip(" ,")

    def owners(self, tok: Token) -> list[str]:
        """Distinct actors named in a noun's modifiers: 'Israeli criticism', 'a spokesman for Airbus'."""
        keys: list[str] = []
        # beside a possessor, 'of' names what the noun is about: in 'Lee's choice of Ruiz' Ruiz owns nothing
        possessed = any(c.dep_ == "poss" for c in tok.children)
        for child in tok.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                cands = [child]
            elif child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "from", "by", "with") and not (
                    possessed and child.lower_ == "of"):
                cands = [g for g in child.children if g.dep_ == "pobj"]
            else:
                continue
            for c in cands:
                m = self.at.get(c.i)
                key = m.key if m is not None else self.untagged_name(c) if c.dep_ in ("compound", "poss") else None
                if key is not None and key not in keys:
                    keys.append(key)
        return keys

    def untagged_name(self, tok: Token) -> str | None:
        """The actor a name the entity model missed stands for, when the article gives just one actor that
        name in full ('Ives added', 'the Lopez statement' after 'Assemblyman Vito Lopez'), even where the
        tagger took it for a noun."""
        if not (tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.text[:1].isupper()):
            return None
        for name in _name_words(tok):
            keys = self.by_name.get(_fold(name), set())
            if len(keys) == 1:
                return next(iter(keys))
        return None

    # -- titles, role nouns and pronouns ---------------------------------------------------------

    def before(self, i: int) -> list[_Mention]:
        """Candidate antecedents standing before token `i`, nearest last."""
        found = [m for m in self.found if m.first < i]
        named = self.mentions[:bisect_right(self.firsts, i - 1)]
        return sorted(named + found, key=lambda m: m.first)

    def by_title(self, tok: Token, owners: list[str]) -> str | None:
        """'the ministry' -> the organisation whose name holds 'ministry'; 'the minister' -> the person
        whose role holds 'minister'; 'the company' -> the latest organisation; 'the country' -> the
        latest country."""
        noun = tok.lemma_.casefold()
        bare = noun in BARE_ORG_NOUNS
        if tok.tag_ in ("NNS", "NNPS") and not bare:
            return None  # "the manufacturers" are several: no one actor speaks for them
        definite = bare or bool(owners) or any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
                                               for c in tok.children)
        if not definite:
            return None
        cands = self.before(tok.i)
        if noun in ROLE_NOUNS or (tok.tag_ == "NN" or tok.text.islower()) and noun in self.offices_given:
            # an office the story itself gives a person ('Talal al Hosni, Wali of Masirah, ... the wali said')
            names = ROLE_SYNONYMS.get(noun, frozenset()) | {noun}
            if self.sentence_of(tok.i) == 0 and owners:
                # a headline names by office the person the story then names ('NSW Farmers vice president
                # says ...'): the first holder of the office in that body, wherever the story names them
                cands = sorted({m.key: m for m in reversed(self.mentions)}.values(), key=lambda m: -m.first)
            people = self.holders(tok, [m for m in cands if m.kind == "person" and names & set(m.role.split())],
                                  owners)
            if len({m.key for m in people}) > 1:
                # two premiers: the one who spoke last is the one going on ('Wynne noted ... / "We, in Ontario,
                # ...," the premier said'), not whichever was named last
                keys = {m.key for m in people}
                voice = next((k for i, k in reversed(self.voices) if i < tok.i and k in keys), None)
                if voice is not None:
                    return voice
            if people:
                return people[-1].key
            if noun in HEAD_OFFICES and not any(
                    m.kind == "person" and names & set(m.role.split()) for m in self.mentions):
                # nobody in the story is given the office, one person's to hold: 'the Premier said' is the person
                # just spoken of, when the story gives them no other office
                key = self.just_named(tok)
                role = next((m.role for m in self.mentions if m.key == key and m.role), "") if key else ""
                return key if key and not role else None
            # 'The mill will close, its chief executive said. ... Chief executive Sarah Boyd told staff': an office
            # the story gives before naming anyone to it is the one person it later names to that office
            later = self.holders(tok, [m for m in self.mentions if m.first > tok.i and m.kind == "person"
                                       and names & set(m.role.split())], owners)
            keys = {m.key for m in later if not owners or m.affiliation in owners}
            return keys.pop() if len(keys) == 1 else None
        if noun in MEDIA_NOUNS and not owners:
            words = MEDIA_NOUNS[noun]
            outlets = [m for m in cands if m.kind == "organization" and words & set(m.key.casefold().split())]
            return outlets[-1].key if outlets else None
        if noun in ORG_NOUNS or noun in COMPANY_NOUNS:
            named = [m for m in cands if m.kind == "organization" and noun in m.key.casefold().split()]
            # 'the health ministry' is never the farm ministry named before
            field = {c.lower_ for c in tok.children if c.i not in self.at and (
                c.dep_ == "compound" or c.dep_ == "amod" and c.lower_ in PORTFOLIOS)} if noun in MINISTRIES else ()
            if field:
                named = [m for m in named if field <= set(m.key.casefold().split())]
                if not named:
                    return None
            # 'Detroit police' are the force of that place, never the Toronto Police named elsewhere
            where = {t.lower_ for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                     for t in c.subtree if t.pos_ == "PROPN"} if bare else set()
            if where:
                named = [m for m in named if where & set(m.key.casefold().split())]
            if named:
                return named[-1].key
            if bare:
                # 'police say' when the story names its one force only inside a quotation ('"... the St. Louis
                # Metropolitan Police Department responded quickly ...," the mayor said'): a name is its name
                forces = {p[1].key for p in self.index.placed
                          if p[1].kind == "organization" and noun in (words := set(p[1].key.casefold().split()))
                          and (not where or where & words)}
                if len(forces) == 1:
                    return forces.pop()
            if noun in AGENCY_NOUNS and not owners:
                # "the agency" is a public body the story named, the nearest acting one first
                bodies = [m for m in cands if m.kind == "organization" and (
                    INSTITUTION_WORDS & set(m.key.casefold().split()) or _names_a_country(m.key) or m.affiliation)]
                subjects = [m for m in bodies if self.doc[m.head].dep_ in SUBJECTS]
                pick = subjects or bodies
                return pick[-1].key if pick else None
            if noun in COMPANY_NOUNS and not owners:
                # "the company" is a business, and news names it as a subject before it shortens it
                # not a public body ('Health Canada', 'the Labor Department'), nor whoever acts on it
                # ('Health Canada asked the company to stop': someone else)
                actor = self.clause_subject(tok)
                # nor the outlet whose reporting the story passes on ('..., The Associated Press reported.')
                firms = [m for m in cands
                         if m.kind == "organization" and not INSTITUTION_WORDS & set(m.key.casefold().split())
                         and not _names_a_country(m.key) and not _names_a_party(m.key) and m.key != actor
                         and not self.reports_news(m)]
                here = self.sent_starts[self.sentence_of(tok.i)]
                nearby = [m for m in firms if m.first >= here]
                subjects = [m for m in firms if self.doc[m.head].dep_ in SUBJECTS]
                pick = nearby or subjects or firms
                return pick[-1].key if pick else None
            return None
        if noun in COUNTRY_NOUNS and not owners:
            countries = [m for m in cands if m.kind == "country"]
            return countries[-1].key if countries else None
        return None

    @cached_property
    def offices_given(self) -> frozenset[str]:
        """The head words of the offices the story gives people ('wali' of 'Wali of Masirah', 'director' of
        'JSO Director'): the word before the office's 'of' or 'for', or its last word."""
        heads = set()
        for m in self.mentions:
            words = m.role.split() if m.kind == "person" else []
            heads |= {w for w, after in zip(words, [*words[1:], ""]) if w.isalpha() and w not in OFFICE_LINKS
                      and (after in OFFICE_LINKS or not after)}
        return frozenset(heads)

    def holders(self, tok: Token, people: list[_Mention], owners: list[str]) -> list[_Mention]:
        """The mentions of `people` (holders of the office noun `tok` names) that hold that very office: of its
        rank, its portfolio and, where it says whose it is, of that body."""
        # 'the collector' is the collector, not the deputy collector, unless it says so itself
        ranks = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")} & RANK_QUALIFIERS
        people = [m for m in people if ranks == RANK_QUALIFIERS & set(m.role.split())] or people
        portfolio = self.portfolio(tok) if people else set()
        if portfolio:
            # "the Information Minister" is the information minister, and never the health minister named
            # before; a holder whose recorded office says no portfolio may still be the one
            offices: dict[str, set[str]] = {m.key: set() for m in people}
            for m in self.mentions:
                if m.key in offices:
                    offices[m.key] |= set(m.role.split())
            # nor, of bodies, 'the Conservative group leader' the city council's leader
            body = portfolio & BODY_NOUNS
            people = [m for m in people if portfolio <= offices[m.key]] or [
                m for m in people if not PORTFOLIOS & offices[m.key]
                and not (body and BODY_NOUNS & offices[m.key] and not body & offices[m.key])]
        if owners:
            people = [m for m in people if m.affiliation in owners] or people
        return people

    def named_next(self, tok: Token) -> str | None:
        """'... will increase the risk to patients, a hospital chief executive has said. / Nick Hulme, chief
        executive of Ipswich Hospital, said ...': an office a story's first sentence gives, with 'a' or with
        'the' and no holder named before, is the one person of that office the next sentence names."""
        noun = tok.lemma_.casefold()
        office = noun in ROLE_NOUNS
        if self.sentence_of(tok.i) > 1 or tok.tag_ not in ("NN", "NNP") \
                or not (office or noun in EPITHET_NOUNS or _names_an_occupation(noun)) \
                or not any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in tok.children):
            return None
        names = ROLE_SYNONYMS.get(noun, frozenset()) | {noun}
        # an office one person holds ('The Taoiseach has admitted ...'), which the story gives nobody by name, is
        # like a description: the one person who speaks next ('Enda Kenny said that ...')
        unheld = office and noun in HEAD_OFFICES and not any(
            m.kind == "person" and names & set(m.role.casefold().split()) for m in self.mentions)
        office = office and not unheld
        here = self.sentence_of(tok.i)
        for after in (here + 1, here + 2):  # a quotation the splitter cut from its cue may stand between
            named = [m for m in self.mentions if self.sentence_of(m.first) == after and m.kind == "person"]
            # an office names its holder; a description ('..., the scientist revealed.') the one person who
            # speaks in the next sentence ('Professor Lee Berger said ...'); for an office, one the story gives
            # no other office
            people = {m.key for m in named if names & set(m.role.casefold().split())} if office else {
                m.key for m in named if _speaks(self.doc[m.head]) and not (unheld and m.role.strip())}
            if people or named and not office:
                return people.pop() if len(people) == 1 else None
        return None

    def reports_news(self, m: _Mention) -> bool:
        """Whether an organisation is named as the outlet that reported something ('The Associated Press
        reported')."""
        word = self.doc[m.head]
        return word.dep_ == "nsubj" and word.head.lemma_ == "report" \
            and bool(OUTLET_NAME_WORDS & set(m.key.casefold().split()))

    def spoken_for(self, tok: Token, owners: list[str]) -> str | None:
        """'Unison said its members had rejected the offer. "We are calling on the employers ...," a spokeswoman
        said.': a spokesperson the story gives no body speaks for the one organisation that spoke in that
        sentence or the one before; so does 'the statement' for the one body, or country, that spoke there
        ('Egypt's cabinet condemned the attack ... "...," read the statement')."""
        issued = tok.lemma_.casefold() in ISSUED_TEXTS and any(c.dep_ == "det" and c.lower_ == "the"
                                                                 for c in tok.children)
        if owners or not (tok.lemma_.casefold() in SPOKESPEOPLE or issued) or tok.tag_ not in ("NN", "NNP"):
            return None
        here = self.sentence_of(tok.i)
        before = here - 1
        while before > 0 and self.quoted_sentence(before):
            before -= 1  # the quotation it gives: 'Unison said ... "We are calling ... certain," a spokeswoman said.'
        bodies = set()
        for m in self.before(tok.i):
            if not (m.kind == "organization" or issued and m.kind == "country") or self.sentence_of(m.first) < before:
                continue
            word = self.doc[m.head]
            while word.dep_ == "compound" and word.head.i != word.i:
                word = word.head  # 'the GMB union'
            if _speaks(word) or word.dep_ == "conj" and _speaks(word.head):
                bodies.add(m.key)
        return bodies.pop() if len(bodies) == 1 else None

    def by_epithet(self, tok: Token) -> str | None:
        """'Pierre Poilievre dismissed the plan. The 44-year-old said ...': a definite description of a
        person that names no office stands for the one person named in the nearest sentence that names
        anyone, its own or one of the two before."""
        if tok.dep_ not in SUBJECTS or tok.tag_ in ("NNS", "NNPS") \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        aged = tok.lower_ == "old" and any(c.lower_ == "year" for c in tok.subtree)
        noun = tok.lemma_.casefold()
        if not aged and noun not in EPITHET_NOUNS and not _names_an_occupation(noun):
            return None
        return self.just_named(tok)

    def just_named(self, tok: Token) -> str | None:
        """The one person named in the nearest sentence before `tok` that names anyone, its own or one of
        the two before, leaving out those named only as whose something is; None when two people remain."""
        # a quotation the splitter made a sentence of its own may stand between
        here = self.sentence_of(tok.i)
        people: dict[int, list[_Mention]] = {}
        for sid in range(max(here - EPITHET_REACH, 0), here + 1):
            for m in self.untagged_subjects(sid):  # 'Hontiveros was asked ...', the surname the model missed
                if m.kind == "person" and m.first < tok.left_edge.i:
                    people.setdefault(sid, []).append(m)
        for m in self.before(tok.left_edge.i):
            sid = self.sentence_of(m.first)
            if m.kind == "person" and here - sid <= EPITHET_REACH:
                people.setdefault(sid, []).append(m)
        if not people:
            return None
        nearest = people[max(people)]
        keys = {m.key for m in nearest}
        if len(keys) == 1:
            return keys.pop()
        # 'Ruiz was asked about Lee's remarks. The lawmaker said ...': Lee is named only as whose remarks they are
        main = {m.key for m in nearest if self.doc[m.head].dep_ != "poss"}
        return main.pop() if len(main) == 1 else None

    def of_two_before(self, tok: Token) -> str | None:
        """'Lee and Ruiz's husband were schoolmates. The former said ...': the first ('the former') or the
        last ('the latter') of the actors named in the sentence before, or earlier in the same sentence; none
        when that phrase is not an actor itself (a possessive: Ruiz's husband)."""
        here = self.sentence_of(tok.i)
        for sid in (here, here - 1):
            if sid < 0:
                return None
            lo = self.sent_starts[sid]
            hi = tok.i if sid == here else self.sent_starts[here]
            named = [m for m in self.mentions[bisect_left(self.firsts, lo):bisect_left(self.firsts, hi)]
                     if m.kind in SPEAKER_KINDS]
            if not named:
                continue
            m = named[0] if tok.lower_ == "former" else named[-1]
            head = self.doc[m.head]
            # two of them: two actors, or one joined by 'and' to another phrase ('Lee and Ruiz's husband')
            paired = head.dep_ == "conj" if tok.lower_ == "latter" else any(c.dep_ == "conj" for c in head.children)
            if len({n.key for n in named}) < 2 and not paired:
                continue
            return None if head.dep_ == "poss" else m.key
        return None

    def portfolio(self, tok: Token) -> set[str]:
        """The words that say which office of its kind a description names: 'Information' in 'the
        Information Minister', 'agriculture' in 'the Minister for Agriculture'; never an actor's name
        ('the Ontario premier') nor an adjective ('the former minister')."""
        words = {c.lower_ for c in tok.children if (c.dep_ == "compound" or c.dep_ == "amod" and c.pos_ in (
            "NOUN", "PROPN")) and c.i not in self.at}
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "of")):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                joined = [obj, *(c for c in obj.children if c.dep_ == "conj")]
                words |= {w.lower_ for w in joined if w.pos_ in ("NOUN", "PROPN") and w.i not in self.at}
        return words

    def clause_subject(self, tok: Token) -> str | None:
        """The actor that is the subject of the verb an object phrase hangs on, if any; none for a phrase
        its own possessive ties back to that subject ('GM has to restructure its company')."""
        if tok.dep_ not in ("dobj", "dative", "pobj") or any(
                c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            return None
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        m = self.at.get(subject.i) if subject is not None else None
        return m.key if m is not None else None

    def learn_gender(self, words: list[tuple[str, str]]) -> dict[str, str]:
        """'m' or 'f' for the people the article itself genders: by an honorific or a gendered title
        before their name ('Mr MacFarlane', 'chairwoman Anna Berg'), else by the he or she used of
        them where they are the only person in reach (the nearest sentence naming anyone: its own or one of
        the two before), outside quotations, twice or more without a contrary one; else by a first name
        nearly always given to one gender ('Catherine Pugh'), else by a single he or she.

        words: for each of `self.mentions`, its first word (lowered) and the word before it."""
        votes: dict[str, Counter] = {}
        fixed: dict[str, str] = {}
        # a title some give women too, which a first name outweighs ("chairman Maria Battle")
        generic: dict[str, str] = {}
        people: dict[int, list[_Mention]] = {}  # the people named in each sentence
        for m, (first, before) in zip(self.mentions, words):
            if m.kind != "person":
                continue
            people.setdefault(self.sentence_of(m.first), []).append(m)
            # an honorific is written with its capital: 'will miss Steve' is no 'Miss Steve'
            honorific = before.lower() if before[:1].isupper() or before.lower() not in CAPITAL_HONORIFICS else ""
            for word in {first, honorific, *m.role.split()}:
                if word in GENERIC_TITLES:
                    generic.setdefault(m.key, GENDERED[word])
                elif word in GENDERED:
                    fixed.setdefault(m.key, GENDERED[word])
        for i, gender in self.index.gendered:
            tok = self.doc[i]
            if tok.lower_ == "him" or tok.lower_ == "her" and tok.dep_ != "poss":
                continue  # 'officers spotted him': an object is mostly someone the subject speaks of
            if self.quoted and inside(self.quoted, tok.idx):
                continue  # '"She goes to school," he said': a speaker's she is someone they speak of
            here = self.sentence_of(i)
            # the nearest sentence that names anyone, its own or one of the two before, past a quotation or a
            # sentence naming no one ('Herath says ... / ..., the minister revealed. / He stated ...')
            for sid in (here, here - 1, here - 2):
                keys = {m.key for m in people.get(sid, ()) if m.first < i}
                if keys:
                    if len(keys) == 1:
                        votes.setdefault(keys.pop(), Counter())[gender] += 1
                    break
        # a first name nearly always given to one gender outweighs one he or she, not several; but a name the
        # story shortens to its first word puts the family name first ('Nga Kor Ming' ... 'Nga said')
        family_first = {m.key for m in self.mentions if m.kind == "person" and m.first == m.last
                        and self.doc[m.first].text == m.key.split()[0]}
        prior = {m.key: g for m in self.mentions if m.kind == "person" and m.key not in family_first
                 and (g := first_name_gender(m.key))}
        learned = {key: c.most_common(1)[0][0] for key, c in votes.items()
                   if key not in prior or c.total() > 1 and len(c) == 1}
        return {**generic, **prior, **learned, **fixed}

    def fits(self, m: _Mention, pron: Token) -> bool:
        """Whether a he or she can stand for a mention: never for a person the article genders otherwise."""
        gender = PRONOUN_GENDER.get(pron.lower_)
        return gender is None or self.gender.get(m.key, gender) == gender

    def antecedent(self, pron: Token, kinds: frozenset[str]) -> str | None:
        """The actor a pronoun stands for: the subject of a clause it sits in, else the nearest earlier
        sentence's fitting actor, its subject first; 'she' never a man the article calls 'he' or 'Mr'."""
        plural = pron.lower_ in PLURAL_PRONOUNS
        for anc in list(pron.ancestors)[1:]:
            unfit = False
            # 'many farmers have spent their savings', 'told farmers he would take their calls': a plural noun
            # phrase that names no actor, nearer than any fitting subject, is what 'they' and 'their' stand for
            crowd = self.unnamed_plural_before(anc, pron) if plural else -1
            for child in anc.children:
                if child.dep_ in SUBJECTS and crowd < child.i < pron.i and child.pos_ != "PRON":
                    sp = self.of_phrase(child, pronouns=False, words=False)
                    if sp.key and self.kind_of(sp.key) in kinds and self.fits(self.at.get(child.i) or _Mention(
                            child.i, child.i, child.i, sp.key, self.kind_of(sp.key), "", ""), pron):
                        return sp.key
                    if sp.key is None and child.pos_ == "PROPN" and not (
                            pron.lower_ in PRONOUN_GENDER and child.text.isupper() and len(child.text) > 1):
                        # it stands for a name we cannot resolve, not for an older one; but 'he' is never an
                        # acronym ('CBSL would contain ..., which he said')
                        return None
                    unfit = unfit or sp.key is not None  # an actor it cannot stand for: a person for 'it'
            if unfit and pron.lower_ == "it" and self.thing_before(anc, pron, kinds):
                # 'Badenoch criticised the agreement, saying it would do little': the thing just named
                return None
            if crowd >= 0:
                return None
        # a body in a person's title is an antecedent only in what that person says: 'Acme Police Commander
        # Ana Ruiz confirmed that they had ...' (the police), not elsewhere
        titled = self.index.titled
        speakers = {self.at[c.i].first for anc in pron.ancestors for c in anc.children
                    if c.dep_ in SUBJECTS and c.i in self.at}
        cands = [m for m in self.before(pron.i) if m.kind in kinds and self.fits(m, pron)
                 and titled.get(m.first, -1) in speakers | {-1}]
        said: set[int] = set()
        if pron.dep_ in SUBJECTS and (pron.lower_ in PRONOUN_GENDER or pron.head.lemma_ in SPEECH_VERBS):
            # what a subject says or thinks speaks of others: in '"... Premier Ford and myself have common
            # interests," he insisted', he is not Ford, even with the opening mark lost; in 'The local government
            # had launched evacuations, it said', it is not the government
            # (a clause opened by 'after' or 'when' is one of time the parser took for a complement: not said)
            said = {t.i for c in pron.head.children if c.dep_ in ("ccomp", "parataxis")
                    and not (c.left_edge.pos_ == "SCONJ" and c.left_edge.lower_ in ADVERBIAL_MARKS)
                    and not semicolon_between(c, pron.head) for t in c.subtree}
            cands = [m for m in cands if m.head not in said]
        if pron.dep_ in SUBJECTS and pron.lower_ in PRONOUN_GENDER:
            addressed = self.addressed_beside(pron)
            if addressed:
                # '"I'm glad to sit down with you, Justin," he said': not the one spoken to
                cands = [m for m in cands if not addressed & {w.lower() for w in m.key.split()}]
        if not cands:
            return None
        here = self.sentence_of(pron.i)
        by_sentence: dict[int, list[_Mention]] = {}
        for m in cands:
            by_sentence.setdefault(self.sentence_of(m.first), []).append(m)
        # sentences all in quotation marks are the last speaker's words, not narrative: 'Hale said: "... (four
        # sentences) ..." / He added:' reaches back to Hale
        sids, reach, sid = [], 0, here
        while sid >= 0 and reach <= PRONOUN_REACH:
            sids.append(sid)
            reach += not self.quoted_sentence(sid)
            sid -= 1
        # only the sentence right before can hand its topic on ('The bill limits X. It also ...')
        before = max((sid for sid in sids if sid < here), default=None)
        for sid in sids:
            topic = self.topic_thing(sid, pron) if sid == before and pron.dep_ in SUBJECTS else None
            if topic is not None:
                # 'The bill limits what boards can do. It also ...': the bill, no actor; 'The weather service
                # forecast rain. It warned ...': the service named before
                body = self.body_named_by(topic)
                return body if body is not None and self.kind_of(body) in kinds else None
            untagged = [m for m in self.untagged_subjects(sid)
                        if m.first < pron.i and m.kind in kinds and self.fits(m, pron) and m.head not in said]
            group = sorted(by_sentence.get(sid, []) + untagged, key=lambda m: m.first)
            if not group:
                continue
            subjects = [m for m in group if self.doc[m.head].dep_ in SUBJECTS]
            if subjects:
                # the subject of the main clause is the salient one, not the subject of a clause it
                # reports: in 'Watson said Jones was being "disingenuous"', a later 'he' is Watson
                ranks = [_rank(self.doc[m.head]) for m in subjects]
                top = min(ranks)
                return [m for m, rank in zip(subjects, ranks) if rank == top][-1].key
            # 'A motion by Councillor Josh Matlow failed. He says ...': whose act the subject is
            agents = [m for m in group if self.doc[m.head].dep_ == "pobj" and self.doc[m.head].head.lower_ == "by"
                      and self.doc[m.head].head.head.dep_ in SUBJECTS]
            if agents:
                return agents[-1].key
            if plural and sid < here and self.unnamed_people_act(sid, pron):
                return None  # 'officers were called to Union Street. They chased ...': the officers, not the street
            if not self.someone_acts(sid):
                # nobody acts in that sentence: the one currently being quoted is the likelier 'he'
                voice = self.voice_before(pron, kinds)
                if voice:
                    return voice
            return group[0].key
        return None

    def addressed_beside(self, pron: Token) -> set[str]:
        """The names a quotation right before or after a pronoun's clause calls out to, set off by commas
        ('with you, Justin, and', 'Thank you, Anna.'), lowered."""
        doc = self.doc
        sent = doc[pron.i].sent
        names: set[str] = set()
        for start, end in self.quoted:
            if end < sent.start_char - 2 or start > sent.end_char:
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                if tok.pos_ == "PROPN" and tok.text[:1].isupper() and 0 < tok.i < len(doc) - 1 \
                        and doc[tok.i - 1].text == "," and doc[tok.i + 1].text in (",", ".", "!", "?"):
                    names.add(tok.lower_)
        return names

    def unnamed_plural_before(self, verb: Token, pron: Token) -> int:
        """Position of the nearest plural common noun before `pron` that is the subject or object of `verb`
        (or of a preposition on it) and names no actor, or -1: 'farmers', 'health officials', not 'Ford
        workers' (the firm's), nor a phrase the pronoun itself sits in ('the leaders of their party')."""
        found = -1
        for child in verb.children:
            words = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
            for tok in words:
                if tok.dep_ not in PARTICIPANT_DEPS or tok.pos_ != "NOUN" or tok.tag_ != "NNS" \
                        or not tok.i < pron.i or tok.i in self.at or tok.ent_type_ in AMOUNT_LABELS \
                        or _in_phrase(pron, tok) or self.of_phrase(tok, pronouns=False, words=False).key:
                    continue
                if tok.dep_ not in SUBJECTS and tok.lemma_.casefold() not in PEOPLE_NOUNS:
                    continue  # an object may be a thing: 'GM was given loans after they warned ...'
                found = max(found, tok.i)
        return found

    def unnamed_people_act(self, sid: int, pron: Token) -> bool:
        """Whether a plural noun that names no actor is the subject of a clause of sentence `sid` before
        `pron`, where no actor is: the people 'they' then stands for."""
        end = self.sent_starts[sid + 1] if sid + 1 < len(self.sent_starts) else len(self.doc)
        return any(t.dep_ in SUBJECTS and t.pos_ == "NOUN" and t.tag_ == "NNS" and t.i < pron.i and t.i not in self.at
                   and t.ent_type_ not in AMOUNT_LABELS and not inside(self.quoted, t.idx)
                   and not self.of_phrase(t, pronouns=False, words=False).key
                   for t in self.doc[self.sent_starts[sid]:end])

    def topic_thing(self, sid: int, pron: Token) -> Token | None:
        """The thing sentence `sid` is about, which a subject pronoun can continue: its main subject when that
        is a common noun of the pronoun's number that names no actor ('it' after 'The bill ...')."""
        end = self.sent_starts[sid + 1] if sid + 1 < len(self.sent_starts) else len(self.doc)
        root = next((t for t in self.doc[self.sent_starts[sid]:end] if t.dep_ == "ROOT"), None)
        subject = next((c for c in root.children if c.dep_ in SUBJECTS), None) if root is not None else None
        tag = {"it": "NN", "they": "NNS"}.get(pron.lower_)
        if subject is None or subject.pos_ != "NOUN" or subject.tag_ != tag or subject.i in self.at \
                or inside(self.quoted, subject.idx) or self.of_phrase(subject, pronouns=False, words=False).key:
            return None
        return subject

    def body_named_by(self, noun: Token) -> str | None:
        """The latest organisation named before `noun` whose name ends in it: 'the weather service' after the
        National Weather Service."""
        word = noun.lemma_.casefold()
        bodies = [m for m in self.before(noun.i) if m.kind == "organization" and m.key.casefold().split()[-1] == word]
        return bodies[-1].key if bodies else None

    def quoted_sentence(self, sid: int) -> bool:
        """Whether every word of sentence `sid` stands inside quotation marks."""
        end = self.sent_starts[sid + 1] if sid + 1 < len(self.sent_starts) else len(self.doc)
        words = [t.idx for t in self.doc[self.sent_starts[sid]:end] if t.is_alpha]
        return bool(words) and all(inside(self.quoted, i) for i in words)

    def thing_before(self, verb: Token, pron: Token, kinds: frozenset[str]) -> bool:
        """Whether `verb` has an object before the pronoun that is a thing, not an actor, with no actor
        the pronoun could stand for named between them."""
        for obj in verb.children:
            if obj.dep_ != "dobj" or obj.i >= pron.i or obj.pos_ != "NOUN" or obj.tag_ != "NN" or obj.i in self.at \
                    or self.of_phrase(obj, pronouns=False, words=False).key:
                continue
            between = self.mentions[bisect_right(self.firsts, obj.i):bisect_left(self.firsts, pron.i)]
            if not any(m.kind in kinds for m in between):
                return True
        return False

    def untagged_subjects(self, sid: int) -> list[_Mention]:
        """Subjects of sentence `sid` that are a surname the entity model missed ('Tavares has defended
        the plan') but the article names in full, or a description that names one actor ('The company
        had recalled a product. Its shares fell'): antecedents like any tagged name."""
        if sid not in self._untagged:
            # kept before it is filled: a description here may be resolved through this very sentence
            self._untagged[sid] = found = []
            end = self.sent_starts[sid + 1] if sid + 1 < len(self.sent_starts) else len(self.doc)
            for tok in self.doc[self.sent_starts[sid]:end]:
                if tok.dep_ not in SUBJECTS or tok.i in self.at or inside(self.quoted, tok.idx):
                    continue
                named = tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.text[:1].isupper()
                if named:
                    keys = next((k for k in (self.by_name.get(fold(n), set()) for n in _name_words(tok)) if k), set())
                    if len(keys) == 1:
                        key = next(iter(keys))
                        found.append(_Mention(tok.i, tok.i, tok.i, key, self.kind_of(key), "", ""))
                elif tok.pos_ == "NOUN":
                    key = self.by_title(tok, self.owners(tok))
                    if key:
                        found.append(_Mention(tok.i, tok.i, tok.i, key, self.kind_of(key), "", ""))
            self._untagged[sid] = found
        return self._untagged[sid]

    def someone_acts(self, sid: int) -> bool:
        """Whether a named actor is the subject of a clause in sentence `sid`."""
        lo = self.sent_starts[sid]
        hi = self.sent_starts[sid + 1] if sid + 1 < len(self.sent_starts) else len(self.doc)
        return any(self.doc[m.head].dep_ in SUBJECTS for m in self.mentions[bisect_left(self.firsts, lo):
                                                                           bisect_left(self.firsts, hi)]) \
            or bool(self.untagged_subjects(sid))

    def heard(self, tok: Token, key: str | None) -> None:
        """Note that the actor `key` speaks at token `tok` (the speaker of a quote), for salience."""
        if key:
            self.voices.append((tok.i, key))

    def voice_before(self, pron: Token, kinds: frozenset[str]) -> str | None:
        """The latest speaker within reach before a pronoun that it can stand for."""
        here = self.sentence_of(pron.i)
        for i, key in reversed(self.voices):
            if i >= pron.i:
                continue
            if here - self.sentence_of(i) > PRONOUN_REACH:
                return None
            m = _Mention(i, i, i, key, self.kind_of(key), "", "")
            if m.kind in kinds and self.fits(m, pron):
                return key
        return None


def _speaks(tok: Token) -> bool:
    """Whether a word is the subject of a speech verb."""
    return tok.dep_ == "nsubj" and tok.head.lemma_ in SPEECH_VERBS


def _names_an_occupation(noun: str) -> bool:
    """'seismologist', 'pharmacist', 'technician': a noun for a person by their science or trade."""
    return len(noun) >= 8 and noun.isalpha() and noun.endswith(OCCUPATION_ENDINGS) and noun not in NOT_OCCUPATIONS


def _in_brackets(tok: Token) -> bool:
    """Whether a phrase stands in brackets, as a label set after a name does ('Clr Ann Lee (LAB - Poplars)')."""
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    return left > 0 and doc[left - 1].text == "(" and right + 1 < len(doc) and doc[right + 1].text == ")"


def semicolon_between(clause: Token, verb: Token) -> bool:
    """Whether a clause the parser hung on a verb after it stands apart, a semicolon between them: in
    'Ana Ruiz is a farmer; she says ...' the first clause is no part of what she says."""
    if clause.i > verb.i:
        return False
    return any(t.text == ";" for t in clause.doc[clause.right_edge.i + 1:verb.i])


def _in_phrase(tok: Token, noun: Token) -> bool:
    """Whether `tok` stands inside the noun phrase of `noun`, no clause between them ('their' in 'the
    leaders of their party', not in 'councillors who said their colleagues ...')."""
    current = tok
    while current.i != noun.i:
        if current.head.i == current.i or current.pos_ in ("VERB", "AUX"):
            return False
        current = current.head
    return True


def _depth(tok: Token) -> int:
    """How many reported clauses deep a subject stands ('Watson said [Jones was ...]' puts Jones one
    deep); a relative clause ('an interview, which Osborne used') is no report and counts nothing."""
    verb = tok.head
    return sum(1 for t in (verb, *verb.ancestors) if t.dep_ == "ccomp")


def _sent_to(t: Token, top: Token) -> bool:
    """Whether `t` stands after a 'to' on its way up to `top`: whom a letter or message went to."""
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ == "to":
            return True
        t = t.head
    return False


# Clauses below the one they hang on: a subject inside one is less the sentence's topic than the main subject.
SUBORDINATE_CLAUSES = frozenset({"ccomp", "advcl", "acl", "relcl", "xcomp", "csubj", "pcomp"})


def _rank(tok: Token) -> tuple[int, int]:
    """How far a subject stands from its sentence's topic: reported clauses deep (`_depth`), then subordinate
    clauses deep: in 'Mr Rees would not respond to speculation Mr Sartor was plotting a challenge', Rees."""
    verb = tok.head
    return _depth(tok), sum(1 for t in (verb, *verb.ancestors) if t.dep_ in SUBORDINATE_CLAUSES)


def _names_a_party(key: str) -> bool:
    """Whether an organisation is a political party by its name ('Labour', 'the Democrats', 'Liberal Party'):
    never 'the company' or 'the operator'."""
    words = key.casefold().split()
    return "party" in words or key.casefold() in PARTY_NAMES or len(words) == 1 and (
        words[0].removesuffix("s") in PARTISANS_AND_NATIONALS or words[0] == "tories")


def _names_a_country(key: str) -> bool:
    """'Health Canada', 'Statistics Canada': a public body named by its country and its field; 'Air Canada'
    is a company."""
    words = key.replace(".", "").casefold().split()
    return any(country_of(w) for w in words) and all(
        country_of(w) or w in TITLE_WORDS or w in PUBLIC_FIELDS for w in words)


def _apposed_title(name: Token) -> list[str]:
    """Title words set beside a name by apposition: 'Steve Jobs, the chief executive officer of Apple'."""
    words: list[str] = []
    others = [c for c in name.children if c.dep_ == "appos"]
    if name.dep_ == "appos":
        others.append(name.head)
    for other in others:
        # an office of a place or body, however the tagger took its word: 'Talal al Hosni, Wali of Masirah,'
        of_a_field = other.pos_ == "PROPN" and not other.ent_type_ and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in other.children)
        if other.pos_ == "NOUN" or other.lemma_.casefold() in ROLE_NOUNS or of_a_field:
            words += [t.lower_ for t in other.lefts if t.dep_ in ("compound", "amod")] + [other.lower_]
    return words


def _titles_before(name: Span, sent_start: int) -> list[str]:
    """Office words shortly before a name: 'the Prime Minister of Singapore, Mr. Lee Hsien Loong'."""
    doc = name.doc
    words: list[str] = []
    for i in range(name.start - 1, max(sent_start, name.start - TITLE_WINDOW) - 1, -1):
        tok = doc[i]
        if tok.pos_ in ("VERB", "AUX") or tok.ent_type_ == "PERSON":
            break
        if tok.lower_ in ROLE_NOUNS:
            words.append(tok.lower_)
    return words


def _name_words(tok: Token) -> list[str]:
    """Ways to look up a proper noun the entity model missed: the whole name ('Apple Computer'), its
    last word, its first word."""
    doc = tok.doc
    first = tok.i
    while first > 0:
        prev = doc[first - 1]
        if prev.dep_ == "compound" and prev.pos_ == "PROPN" and prev.head.i == tok.i:
            first -= 1
        elif prev.text in HYPHENS and first >= 2 and not prev.whitespace_ and not doc[first - 2].whitespace_ \
                and doc[first - 2].pos_ == "PROPN":
            first -= 2  # a double-barrelled name: 'Chan-Pedley'
        else:
            break
    return [doc[first:tok.i + 1].text, tok.text, doc[first].text]


def _phrase_tokens(tok: Token) -> list[Token]:
    """Tokens of a noun phrase without the clauses hanging from it."""
    out: list[Token] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp", "punct"))
    return out


def _sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence as `doc.sents` gives them, from the parse's array ([0] when empty)."""
    if not len(doc):
        return [0]
    flags = doc.to_array(SENT_START)
    return [0, *(np.flatnonzero(flags[1:] == 1) + 1).tolist()]


def inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    """Whether character `pos` falls in one of the sorted, non-overlapping `ranges`."""
    i = bisect_right(ranges, (pos, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]
