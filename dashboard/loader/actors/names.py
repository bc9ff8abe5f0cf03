"""Naming rules for actors: titles, organisation name variants, state bodies, acronyms.

Pure string functions, shared by the per-article rules (actors.py) and the briefing-wide merge
(actor_merge.py), so that both agree on when two names are one actor. Those that return a string,
a tuple or a flag are cached: the rules ask about the same few names many times over.
"""
from __future__ import annotations

import re
from functools import lru_cache

from dashboard.loader.actors.gazetteer import country_names, country_of, fold

# Civic, police and clerical titles that lead a name in North American and British news.
CIVIC_TITLES = {
    "councillor", "councilor", "councilman", "councilwoman", "alderman", "cllr", "clr", "coun.", "coun", "cr", "cr.",
    "commissioner",
    "superintendent", "supt.", "sheriff", "inspector", "insp.", "constable", "const.", "sergeant", "sgt.",
    "detective", "det.", "lieutenant", "capt.", "cpl.", "trustee", "mp", "mpp", "mla", "mep", "congressman",
    "congresswoman", "assemblyman", "assemblywoman", "rabbi", "rev.", "reverend", "archbishop", "imam",
    "pastor", "prosecutor", "treasurer", "comptroller", "clerk", "major", "brigadier", "colonel", "corporal",
    "marshal", "commodore", "collector", "magistrate", "tehsildar", "lawyer", "solicitor", "barrister", "whip",
    # ranks as armies and police forces shorten them, with or without the stop ('Brig Gen Felix Kulayigye')
    "brig", "brig.", "maj", "maj.", "gen", "col", "capt", "cpl", "sgt", "supt", "insp", "cdr", "cmdr", "lt", "det",
    "const", "snr",
    # police offices written as letters in East African and South Asian news ('Malindi OCPD Makwama Muchangi')
    "ocpd", "ocs", "dcio", "dcp", "acp", "dsp", "ssp", "igp",
}
# Honorifics that say whether the story calls someone he or she ('Mr Swan', 'Mrs Swan').
HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
                    "miss": "f", "lady": "f", "dame": "f"}
# Nouns for one person by party or nation, written with a capital: 'The Democrat said', 'the Englishman
# added'. They describe someone the story named; they are no organisation's name.
PARTISANS_AND_NATIONALS = frozenset({
    "democrat", "republican", "conservative", "tory", "liberal", "socialist", "nationalist", "communist",
    "englishman", "englishwoman", "frenchman", "frenchwoman", "irishman", "irishwoman", "scotsman", "scotswoman",
    "welshman", "welshwoman", "dutchman", "dutchwoman", "kiwi", "aussie",
})
# Kin, whom a story may name by their relation to someone named ("Maria Lopez's Dad"), and their gender.
KIN = {
    "father": "m", "dad": "m", "brother": "m", "son": "m", "husband": "m", "grandfather": "m", "grandson": "m",
    "uncle": "m", "nephew": "m", "boyfriend": "m", "widower": "m", "mother": "f", "mom": "f", "mum": "f",
    "sister": "f", "daughter": "f", "wife": "f", "grandmother": "f", "granddaughter": "f", "aunt": "f",
    "niece": "f", "girlfriend": "f", "widow": "f",
}
# A name ending in one of these words names a company, whatever the model's label.
CORPORATE_WORDS = frozenset({
    "inc", "inc.", "corp", "corp.", "corporation", "company", "co.", "llc", "ltd", "ltd.", "plc", "group",
    "llp", "l.l.p.", "lp", "pllc", "gmbh", "limited",
    "airlines", "airways", "aircraft", "motors", "bank", "holdings", "industries", "technologies", "systems",
    "partners", "associates", "capital", "management", "records", "pharma", "pharmaceuticals", "therapeutics",
    "biotech", "labs", "laboratories", "resources", "mining", "energy", "foods", "logistics", "networks",
    "solutions", "enterprises", "ventures", "properties", "communications", "media", "homes", "developments",
})
# The positions of a team's players and staff, written before a name like a title ("Goalie Sam Montembeault").
SPORTS_TITLES = {
    "goalie", "goaltender", "netminder", "defenceman", "defenseman", "defender", "forward", "winger",
    "striker", "midfielder", "quarterback", "pitcher", "catcher", "shortstop", "outfielder", "infielder",
    "captain", "skipper", "referee", "umpire", "jockey", "trainer", "gaffer",
}
# Words that stand before a person's name as a title, not part of it ("Foreign Minister Hakan Fidan").
# The fields an office of government is for: 'the Health Minister' is not 'the Information Minister'.
PORTFOLIOS = frozenset({
    "foreign", "defence", "defense", "interior", "home", "finance", "treasury", "trade", "economy", "energy",
    "health", "education", "transport", "agriculture", "labor", "labour", "industry", "information", "justice",
    "environment", "housing", "tourism", "communications", "culture", "sport", "immigration", "fisheries",
    "water", "mines", "employment", "infrastructure", "police", "drought", "veterans", "revenue", "planning",
    "lands", "forestry", "forests", "works", "youth", "women", "children", "science", "technology", "security",
})
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "secretary", "general", "chancellor", "king", "queen", "prince",
    "princess", "sheikh", "shaikh", "sheik", "emir", "sultan", "taoiseach", "tánaiste", "tanaiste", "ambassador",
    "senator", "sen.", "rep.", "representative", "governor", "gov.", "mayor", "judge", "chief", "executive", "ceo",
    "chairman", "chairwoman", "chair", "director",
    "spokesman", "spokeswoman", "spokesperson", "commander", "gen.", "col.", "lt.", "admiral", "officer", "leader",
    "former", "deputy", "acting", "state", "national", "security", "adviser", "advisor", "pope",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady", "premier", "envoy",
    "speaker", "head", "founder", "analyst", "economist", "professor", "prof.", "coach", "attorney", "supreme",
    "top", "senior", "c.e.o.", "cfo", "coo", "opposition", "ranking", "member",
    # 'Police' also begins the name of a force ('Police Scotland'), not a title
    *(PORTFOLIOS - {"police"}), *CIVIC_TITLES, *SPORTS_TITLES,
}
# Lower-case particles inside personal names: 'bin Saif al Hosni', 'van Gaal', 'da Silva'.
NAME_PARTICLES = frozenset({"bin", "binti", "bint", "ibn", "al", "el", "van", "von", "de", "da", "di", "du", "der",
                            "den", "ter", "dos", "das", "del", "della", "dela", "delos", "le", "la"})
# The nouns that make a run of title words a role: "Foreign Minister", "chief executive officer".
CORE_TITLES = {
    "president", "minister", "secretary", "chancellor", "king", "queen", "prince", "princess", "sheikh", "shaikh",
    "sheik", "emir", "sultan", "taoiseach", "tánaiste", "tanaiste", "ambassador", "senator", "sen.", "rep.",
    "representative", "governor", "gov.", "mayor", "judge",
    "justice", "executive", "ceo", "c.e.o.", "cfo", "coo", "chairman", "chairwoman", "chair", "director",
    "spokesman", "spokeswoman", "spokesperson", "commander", "gen.", "col.", "lt.", "admiral", "officer",
    "leader", "adviser", "advisor", "pope", "premier", "envoy", "speaker", "head", "founder", "analyst",
    "economist", "professor", "prof.", "coach", "attorney", "general", "chief", "manager", "editor",
    "official", "correspondent", "strategist", "owner", "partner", "boss", "member", *CIVIC_TITLES, *SPORTS_TITLES,
}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady"}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# Common nouns that say the name after them is an organisation: "electronics retailer Best Buy".
ORG_NOUNS = {
    "company", "firm", "airline", "carrier", "retailer", "maker", "manufacturer", "automaker", "carmaker",
    "bank", "lender", "insurer", "group", "agency", "magazine", "newspaper", "paper", "broadcaster",
    "network", "channel", "website", "site", "label", "band", "club", "team", "party", "union", "fund",
    "giant", "conglomerate", "supplier", "startup", "start-up", "subsidiary", "division", "outlet",
    "publisher", "studio", "chain", "exchange", "regulator", "watchdog", "organisation", "organization",
    "charity", "institute", "university", "operator", "producer", "developer", "consultancy",
}
# Words a company's name may carry that do not change which company it is.
LEGAL_SUFFIXES = {
    "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "ltd", "limited", "plc", "ag",
    "sa", "nv", "spa", "gmbh", "group", "holding", "holdings", "&",
}
# Trailing words that describe what a company makes ("Ford Motor", "Apple Computer").
DESCRIPTORS = {"motor", "motors", "computer", "computers"}
GENERIC = {"general", "united", "national", "american", "british", "international", "new", "first", "royal",
           "federal", "european", "world", "global", "central", "state"}
# Heads of the names of state bodies: named without the country word, the country is their affiliation.
STATE_HEADS = {"ministry", "department", "army", "navy", "air force", "military", "parliament", "embassy",
               "consulate", "police", "cabinet", "treasury", "court", "coast guard", "senate", "congress",
               "foreign office", "home office", "space agency", "intelligence service", "border police"}
# An organisation whose last word is one of these takes an "of/for ..." complement into its name.
INSTITUTION_HEADS = {
    "service", "agency", "bank", "ministry", "department", "office", "court", "courts", "council", "committee",
    "commission", "board", "association", "federation", "union", "institute", "bureau", "authority", "fund",
    "organization", "organisation", "society", "league", "university", "school", "academy", "foundation",
    "party", "corporation", "chamber", "tribunal", "assembly", "secretariat", "administration",
}
# Words after a title that say the name is an organisation's, not a person's.
NOT_PERSON_WORDS = frozenset(INSTITUTION_HEADS | CORPORATE_WORDS | ORG_NOUNS)
# Last words of names of events, not actors: "Worldwide Developers Conference", "Paris Air Show".
EVENT_HEADS = {"conference", "summit", "expo", "show", "festival", "olympics", "games", "championship",
               "championships", "cup", "awards", "exhibition", "fair", "convention"}
CONNECTORS = {"of", "and", "&", "for", "the", "de", "du", "des", "la", "le", "on", "in", "at"}
SPELLING = {"defence": "defense", "labour": "labor", "organisation": "organization", "centre": "center"}
QUALIFIED = re.compile(r"^(?P<base>.+) \((?P<qualifier>[^()]+)\)$")


def words_of(name: str) -> list[str]:
    """Folded words of a name, without commas or a leading article, British spellings made American."""
    words = fold(name).replace(",", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    return [SPELLING.get(w, w) for w in words]


def strip_legal(words: list[str]) -> list[str]:
    """'apple inc.' -> 'apple': drop legal forms at the end of a company's name."""
    words = list(words)
    while len(words) > 1 and (words[-1].replace(".", "") in LEGAL_SUFFIXES):
        words.pop()
    return words


@lru_cache(maxsize=65536)
def org_base(name: str) -> str:
    """The identity of an organisation's name: 'Ford Motor Company', 'Ford Motors Co.' -> 'ford';
    'Defense Ministry', 'Ministry of Defence' -> 'ministry of defense'; 'U.S. Federal Reserve' ->
    'united states federal reserve'."""
    base, qualifier = split_qualified(name)
    words = strip_legal(words_of(base))
    for n in (3, 2, 1):  # 'U.S. Federal Reserve', 'US Federal Reserve': one country, however written
        country = country_of(" ".join(words[:n])) if len(words) > n else None
        if country and country[1] in ("name", "demonym"):
            words = [*fold(country[0]).split(), *words[n:]]
            break
    while len(words) > 1 and words[-1] in DESCRIPTORS and not (len(words) == 2 and words[0] in GENERIC):
        words.pop()
    if len(words) >= 2 and words[-1] in ("ministry", "department") and "of" not in words:
        words = [words[-1], "of", *words[:-1]]
    out = " ".join(words)
    return f"{out} ({fold(qualifier)})" if qualifier else out


@lru_cache(maxsize=65536)
def is_state_body(name: str) -> bool:
    """'Ministry of Defense', 'Defense Ministry', 'State Department', 'Air Force', 'Supreme Court'."""
    words = words_of(name)
    if not words:
        return False
    text = " ".join(words)
    return any(text == h or text.endswith(" " + h) or text.startswith(h + " of ") for h in STATE_HEADS)


@lru_cache(maxsize=65536)
def is_event_name(name: str) -> bool:
    """'Worldwide Developers Conference', 'Paris Air Show': events are not actors."""
    words = words_of(name)
    return len(words) >= 2 and words[-1] in EVENT_HEADS


def qualify(base: str, qualifier: str) -> str:
    """Key of a body that belongs to a country: 'Ministry of Defense (Turkey)'."""
    return f"{base} ({qualifier})"


@lru_cache(maxsize=65536)
def split_qualified(key: str) -> tuple[str, str | None]:
    """('Ministry of Defense', 'Turkey') for 'Ministry of Defense (Turkey)'; (key, None) otherwise."""
    m = QUALIFIED.match(key)
    if m and m.group("qualifier") in country_names():
        return m.group("base"), m.group("qualifier")
    return key, None


def is_acronym(text: str) -> bool:
    """'GM', 'UAW', 'U.A.W.', 'EADS': two to six capitals, with or without dots."""
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper()


@lru_cache(maxsize=65536)
def initials(name: str) -> str:
    """'Government Accountability Office' -> 'GAO', skipping 'of', 'and', 'the' and legal forms."""
    words = strip_legal(words_of(split_qualified(name)[0]))
    return "".join(w[0] for w in words if w not in CONNECTORS and w[0].isalpha()).upper()


def acronym_of(acronym: str, name: str) -> bool:
    """True when `acronym` spells the initials of `name` (of at least two words); a body of a
    country counts with the country's name first ('USAF': 'Air Force (United States)')."""
    return acronym.replace(".", "").upper() in name_initials(name)


def spelled_within(acronym: str, name: str) -> bool:
    """True when an acronym of three letters or more takes every word's initial of `name` in order and its
    other letters from inside the word before them ('SIA': 'Singapore Airlines', 'FIFA': 'Federation
    Internationale de Football Association'); connectors may give their initial or not."""
    letters = acronym.replace(".", "").casefold()
    if len(letters) < 3:
        return False
    full = [w for w in words_of(split_qualified(name)[0]) if w[0].isalpha()]
    # a legal form may give its letter ('CBC': 'Canadian Broadcasting Corporation') or not ('SIA': '... Limited')
    return any(len(words) >= 2 and _spelled(letters, tuple(words)) for words in {tuple(full), tuple(strip_legal(full))})


@lru_cache(maxsize=4096)
def _spelled(letters: str, words: tuple[str, ...]) -> bool:
    """Whether `letters` take every word's initial in order, and other letters from inside the word before."""

    @lru_cache(maxsize=None)
    def fits(w: int, k: int) -> bool:
        if w == len(words):
            return k == len(letters)
        word = words[w]
        if word in CONNECTORS and fits(w + 1, k):
            return True
        if k == len(letters) or letters[k] != word[0]:
            return False
        # the initial, then any of this word's later letters, in order, before the next word's initial
        ends = {k + 1}
        for ch in word[1:]:
            ends |= {e + 1 for e in ends if e < len(letters) and letters[e] == ch}
        return any(fits(w + 1, e) for e in ends)

    return fits(0, 0)


@lru_cache(maxsize=65536)
def name_initials(name: str) -> frozenset[str]:
    """The acronyms `name` (of at least two words) spells: its initials, and for a body of a
    country, the country's name and its own ('USAF' for 'Air Force (United States)')."""
    base, qualifier = split_qualified(name)
    forms = [base, f"{qualifier} {base}"] if qualifier else [base]
    return frozenset(initials(f) for f in forms if len(words_of(f)) >= 2)


def person_words(name: str) -> list[str]:
    """A person's name without honorifics and 'Jr.', its particles in lower case however the story set them
    ('Al Hosni' is a run of 'Talal bin Saif al Hosni'): ['William', 'Clay', 'Ford']."""
    words = name.split()
    while words and words[0].lower() in HONORIFICS:
        words.pop(0)
    while len(words) > 1 and words[-1].lower().rstrip(",") in NAME_SUFFIXES:
        words.pop()
    return [w.lower() if len(words) > 1 and w.lower() in NAME_PARTICLES else w for w in words]
