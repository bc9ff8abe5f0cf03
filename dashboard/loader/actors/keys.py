"""Within one article, give every mention of one actor the same key.

The rows are mentions as actors.py classified them one by one: dicts with text, key, kind, role,
affiliation_key, label and start, plus `_how` (how a country was named: name, demonym, seat) and
`_loc` (the name follows 'in', 'to', 'from'...). The steps run in order; each answers one way news
text names an actor twice: Ankara for Turkey, Fidan for Hakan Fidan, GM for General Motors.
"""
from __future__ import annotations

from collections.abc import Iterable

from dashboard.loader.actors.names import (
    CONNECTORS, CORPORATE_WORDS, EVENT_HEADS, INSTITUTION_HEADS, ORG_NOUNS, TITLE_WORDS, acronym_of, is_acronym,
    is_state_body, org_base, person_words, qualify, spelled_within, split_qualified, strip_legal, words_of,
)
from dashboard.loader.actors.gazetteer import country_of, fold


def resolve_keys(rows: list[dict], acronyms: dict[str, str] | None = None) -> list[dict]:
    """Give every mention of one actor in an article the same key (and kind, role, affiliation).

    rows: mentions as classified one by one (changed in place and returned); acronyms: acronym ->
    the words it stands for, where the text defines it ('the International Court of Justice (ICJ)').
    """
    _seats(rows)
    _single_word_organisations(rows)
    _organisations_named_like_people(rows)
    _surnames(rows)
    _short_person_names(rows)
    _hyphen_variants(rows)
    _organisation_variants(rows, acronyms or {})
    _short_organisation_names(rows)
    _bodies_of_the_one_country(rows)
    _share_facts(rows)
    return rows


def _seats(rows: list[dict]) -> None:
    """A capital stands for its state when the article names that state too, or when it acts
    ('Ankara cautioned'); after 'in', 'to', 'from' with no other word for the state, it is the place."""
    named = {r["key"] for r in rows if r["kind"] == "country" and r["_how"] != "seat"}
    for r in rows:
        if r["_how"] == "seat" and r["key"] not in named and r["_loc"]:
            r.update(key=r["text"], kind="place", _how=None)


def _single_word_organisations(rows: list[dict]) -> None:
    """'Ryanair' tagged as a person in one sentence and an organisation in another is an organisation."""
    orgs = {r["key"] for r in rows if r["kind"] == "organization"}
    # a word of a person's fuller name, first or last, stays that person's ('Barrister Gohar' and 'Gohar Ali Khan')
    fuller = [person_words(r["key"]) for r in rows if r["kind"] == "person" and " " in r["key"]]
    names = {words[0] for words in fuller} | {words[-1] for words in fuller}
    for r in rows:
        if r["kind"] == "person" and r["key"] in orgs and " " not in r["key"] and r["key"] not in names:
            r.update(kind="organization", role=None, affiliation_key=None)


# Words that make a name a body's, never a person's: 'Zone 2 Command', 'Ikeja Grammar School'.
BODY_WORDS = frozenset(ORG_NOUNS | CORPORATE_WORDS | INSTITUTION_HEADS | EVENT_HEADS | CONNECTORS | {
    "command", "headquarters", "school", "college", "hospital", "church", "club", "group", "team", "united",
    "city", "county", "state", "house", "hall", "centre", "center", "force", "forces", "army", "news", "times",
    "post", "media", "network", "radio", "television", "tv", "press", "journal", "herald", "daily",
})


def _organisations_named_like_people(rows: list[dict]) -> None:
    """'Olanrewaju Ishola', tagged as an organisation, whom the article later calls 'Ishola' alone: a
    person. A body is not named by the last word of its name ('Goldman Sachs' is never 'Sachs said'),
    and its name holds a word of a body ('Zone 2 Command') or is written in capitals."""
    alone = {fold(r["text"]) for r in rows if " " not in r["text"].strip() and r["kind"] in ("person", "organization")
             and r["label"] not in ("GPE", "LOC", "NORP")}
    for r in rows:
        words = r["key"].split()
        if r["kind"] != "organization" or r["label"] != "ORG" or not 2 <= len(words) <= 3 \
                or fold(words[-1]) not in alone or is_state_body(r["key"]):
            continue
        # initials give a name ('JP McManus'), never end it ('New GM')
        if all(_name_word(w) and w.lower() not in BODY_WORDS | TITLE_WORDS and not country_of(w) for w in words) \
                and not _initials(words[-1]):
            r.update(kind="person", _how=None)


def _name_word(word: str) -> bool:
    """A word as a person's name is written: 'Ishola', 'McManus', 'O'Brien', 'Nok-hin', or initials ('JP')."""
    letters = word.replace("-", "").replace("'", "").replace("’", "").replace(".", "")
    return letters.isalpha() and word[:1].isupper() and (_initials(word) or word[1:2].islower() or (
        word[:2] in ("Mc", "O'", "O’") or word[:3] == "Mac") and any(c.islower() for c in word[2:]))


def _initials(word: str) -> bool:
    """'JP', 'J.P.': a given name written as its initials."""
    letters = word.replace(".", "")
    return 1 <= len(letters) <= 2 and letters.isalpha() and letters.isupper()


def _surnames(rows: list[dict]) -> None:
    """'Papermaster' tagged as an organisation, 'Henderson' as a place, 'Jordan' as a country, in an
    article that names Mark Papermaster, Fritz Henderson, Michael Jordan: the person."""
    people = [r["key"] for r in rows if r["kind"] == "person" and len(person_words(r["key"])) > 1]
    # 'Reyes Jr.', whose surname alone the model took for something else
    persons = {r["key"] for r in rows if r["kind"] == "person"}
    named_at = _first_named(rows)
    org_words = {words_of(r["key"])[0] for r in rows if r["kind"] == "organization" and " " in r["key"]}
    for r in rows:
        if r["kind"] == "person":
            continue
        if " " in r["text"]:
            # 'St. Louis said' after 'coach Martin St. Louis': a surname of two words, once the person
            # is named in full, and not where it names a place ('in St. Louis')
            fuller = {p for p in _ending_in(people, person_words(r["text"])) if named_at[p] < r["start"]}
            if len(fuller) == 1 and not r["_loc"] and r["kind"] in ("place", "organization", "country"):
                r.update(key=fuller.pop(), kind="person", _how=None)
            continue
        if r["kind"] == "country" and r["label"] != "PERSON":
            # 'Holland said' after 'Health Minister Mark Holland': the surname, unless it names a place
            # ('talks in Holland') or comes before the person is named in full
            fuller = {p for p in _ending_in(people, [r["text"]]) if named_at[p] < r["start"]}
            if len(fuller) == 1 and not r["_loc"]:
                r.update(key=fuller.pop(), kind="person", _how=None)
            continue
        if r["kind"] == "organization" and r["label"] == "ORG" and fold(r["text"]) in org_words:
            continue  # 'Ford' beside 'Ford Motor Company' and 'William Clay Ford Jr.': the company
        fuller = _ending_in(people, [r["text"]]) or _misspelt(people, r["text"], named_at, r["start"]) \
            or _run_within(people, [r["text"]]) or _longer_forms(persons, r["text"])
        if not fuller and not r["_loc"]:
            # 'Na’im said' after 'Na’im Mokhtar', his first name the model took for a place
            fuller = {p for p in _starting_with(people, r["text"]) if named_at[p] < r["start"]}
        if len(fuller) == 1:
            r.update(key=fuller.pop(), kind="person", _how=None)


def _short_person_names(rows: list[dict]) -> None:
    """'Fidan' and 'Erdoğan' are the article's Hakan Fidan and Recep Tayyip Erdoğan; 'Steve', where
    the article names one Steve, is Steve Jobs. Where two people share the surname ('Tom Beaulieu' and
    his daughter 'Claire Beaulieu'), a bare surname is the one of them named before it, if only one is;
    never one the article gives the other honorific ('Mr Swan' is not Sandy Swan, called Mrs Swan)."""
    persons = {r["key"] for r in rows if r["kind"] == "person"}
    named_at = _first_named(rows)
    # the honorifics each person is given so far, in text order: 'Mrs Swan' makes Sandy Swan a woman
    genders: dict[str, set[str]] = {}
    for r in sorted(rows, key=lambda r: r["start"]):
        if r["kind"] != "person":
            continue
        short = person_words(r["key"])
        fuller = _ending_in(persons, short) or _longer_forms(persons, r["key"])
        if r.get("_gender"):
            # 'Mr Swan' is not Sandy Swan, whom the article called Mrs Swan
            fuller = {p for p in fuller if genders.get(p, {r["_gender"]}) == {r["_gender"]}}
        if not fuller and len(short) == 1:
            fuller = _starting_with(persons, short[0])
        if not fuller and len(short) == 1:
            fuller = _misspelt(persons, short[0], named_at, r["start"])
        if not fuller:
            fuller = _run_within(persons, short)
        if not fuller and len(short) == 2:
            fuller = _first_and_last(persons, short)
        if len(fuller) > 1:
            # 'Gohar Ali', 'Gohar Khan' and 'Gohar Ali Khan' are one man: a candidate that is part of another is it
            fuller = {p for p in fuller if not any(
                q != p and (_run_within([q], person_words(p)) or _first_and_last([q], person_words(p)))
                for q in fuller)}
        if len(fuller) > 1:
            fuller = {p for p in fuller if named_at[p] < r["start"]}
        if len(fuller) == 1:
            r["key"] = fuller.pop()
        if r.get("_gender"):
            genders.setdefault(r["key"], set()).add(r["_gender"])


def _hyphen_variants(rows: list[dict]) -> None:
    """'Anne-Marie Hassett' and 'Anne Marie Hassett' are one person, under the form the article names first."""
    named_at = _first_named(rows)
    first: dict[str, str] = {}
    for key in sorted({r["key"] for r in rows if r["kind"] == "person"}, key=lambda k: named_at[k]):
        first.setdefault(fold(key.replace("-", " ")), key)
    for r in rows:
        if r["kind"] == "person":
            r["key"] = first[fold(r["key"].replace("-", " "))]


def _first_named(rows: list[dict]) -> dict[str, int]:
    """Where each person's key is first named in the article (a character offset)."""
    named_at: dict[str, int] = {}
    for r in rows:
        if r["kind"] == "person":
            named_at[r["key"]] = min(named_at.get(r["key"], r["start"]), r["start"])
    return named_at


# Shorter surnames are too often two real names one letter apart ('Bates' and 'Yates').
MIN_MISSPELT = 5


def _misspelt(people: Iterable[str], word: str, named_at: dict[str, int], start: int) -> set[str]:
    """The person named in full before `start` whose surname `word` misspells by one letter added, dropped,
    changed or two swapped ('Clements said' after 'Tony Clement'), when only one is: a surname the story
    never introduced is a slip of the one it did."""
    if len(word) < MIN_MISSPELT or not word[0].isupper():
        return set()
    found = {p for p in people if len(person_words(p)) > 1 and named_at.get(p, start) < start
             and _one_edit(person_words(p)[-1].casefold(), word.casefold())
             and person_words(p)[-1][0] == word[0]}
    return found if len(found) == 1 else set()


def _one_edit(a: str, b: str) -> bool:
    """Whether two different words are one letter added, dropped, changed, or two neighbours swapped apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or a[i:i + 2] == b[i:i + 2][::-1] and a[i + 2:] == b[i + 2:]
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1:] == shorter[i:]


def _run_within(people: Iterable[str], words: list[str]) -> set[str]:
    """The people of three or more names whose name holds `words` as a run of its own, not at its end:
    'Nga' and 'Nga Kor Ming' (the family name first), 'Ahmad Zahid' and 'Ahmad Zahid Hamidi', 'Imwatok'
    and 'Peter Imwatok Makogeni'."""
    n = len(words)
    found = set()
    for p in people:
        full = person_words(p)
        if len(full) >= 3 and n < len(full) and any(full[k:k + n] == words for k in range(len(full) - n)):
            found.add(p)
    return found


def _longer_forms(people: Iterable[str], key: str) -> set[str]:
    """The people whose longer key is the same name with a suffix or honorific: 'Teodoro Jr.' for 'Teodoro'."""
    words = person_words(key)
    return {p for p in people if p != key and len(p) > len(key) and person_words(p) == words}


def _first_and_last(people: Iterable[str], words: list[str]) -> set[str]:
    """The people of three or more names whose first and last names are the two `words`: 'Gohar Khan' and
    'Gohar Ali Khan'."""
    return {p for p in people if len(words) == 2 and len(person_words(p)) > 2
            and person_words(p)[0] == words[0] and person_words(p)[-1] == words[1]}


def _starting_with(people: Iterable[str], word: str) -> set[str]:
    """The people whose longer name starts with `word`: 'Steve Jobs' for 'Steve'."""
    return {p for p in people if len(person_words(p)) > 1 and person_words(p)[0].casefold() == word.casefold()}


def _ending_in(people: Iterable[str], words: list[str]) -> set[str]:
    """The people whose longer name ends in `words`: 'Martin St. Louis' for ['St.', 'Louis']."""
    return {p for p in people if len(person_words(p)) > len(words) and person_words(p)[-len(words):] == words}


def _organisation_variants(rows: list[dict], acronyms: dict[str, str]) -> None:
    """One key for an organisation's variants: 'Apple Inc.' / 'Apple'; 'Ministry of Defense' /
    'Defense Ministry' (of the one country the article names it for); 'General Motors' / 'GM'."""
    orgs = [r for r in rows if r["kind"] == "organization"]
    by_base: dict[str, list[dict]] = {}
    for r in orgs:
        by_base.setdefault(org_base(split_qualified(r["key"])[0]), []).append(r)
    for group in by_base.values():
        owners = {split_qualified(r["key"])[1] for r in group} - {None}
        if len(owners) > 1:
            continue  # two countries' ministries: never one actor
        full = max(group, key=lambda r: _name_rank(split_qualified(r["key"])[0], r["start"]))
        owner = owners.pop() if owners else None
        key = qualify(split_qualified(full["key"])[0], owner) if owner else full["key"]
        for r in group:
            r.update(key=key, affiliation_key=r["affiliation_key"] or owner, _variants=len({g["text"] for g in group}))
    for r in rows:
        if r["kind"] not in ("organization", "person", "place") or not is_acronym(r["text"]):
            continue
        defined = acronyms.get(r["text"])
        target = next((o["key"] for o in orgs if defined and fold(o["text"]) == fold(defined)), None)
        if target is None:
            found = {o["key"] for o in orgs if not is_acronym(o["text"])
                     and (acronym_of(r["text"], o["text"]) or acronym_of(r["text"], o["key"]))}
            if not found:
                # 'Singapore Airlines ... SIA': letters from inside a word, where nothing spells it by initials
                found = {o["key"] for o in orgs if not is_acronym(o["text"]) and spelled_within(r["text"], o["key"])}
            target = found.pop() if len(found) == 1 else None
        if target:
            r.update(key=target, kind="organization")


def _short_organisation_names(rows: list[dict]) -> None:
    """A short name after the full one is that organisation: 'Cerberus Capital Management ...
    Cerberus' (tagged as a person), 'Penske Automotive Group ... Penske' (tagged as a place)."""
    first_seen: dict[str, int] = {}
    for r in sorted((r for r in rows if r["kind"] == "organization"), key=lambda r: r["start"]):
        first_seen.setdefault(r["key"], r["start"])
    for r in rows:
        if r["kind"] == "person" and " " in r["key"] or r["kind"] == "place" and r["_loc"] \
                or r["kind"] not in ("organization", "person", "place") \
                or r.get("_variants", 1) > 1 or split_qualified(r["key"])[1] or is_acronym(r["key"]):
            continue  # an acronym is a whole name: 'CBC' is not 'CBC News Network', its channel
        short = words_of(r["key"])
        longer = {k for k, first in first_seen.items() if k != r["key"] and first < r["start"]
                  and len(_base_words(k)) > len(short)
                  and short in (_base_words(k)[:len(short)], _base_words(k)[-len(short):])}
        if len(longer) == 1:
            r.update(key=longer.pop(), kind="organization", role=None)


def _bodies_of_the_one_country(rows: list[dict]) -> None:
    """'the Senate', 'the Defense Ministry' in an article that names one country are that country's."""
    countries = {r["key"] for r in rows if r["kind"] == "country"}
    if len(countries) != 1:
        return
    country = countries.pop()
    for r in rows:
        if r["kind"] == "organization" and not split_qualified(r["key"])[1] and is_state_body(r["key"]) \
                and not _names_another_place(r["key"], country):
            r.update(key=qualify(r["key"], country), affiliation_key=country)


# Words of a body's name that say which part of the world it is of ('African National Congress').
REGION_WORDS = frozenset({"african", "european", "asian", "arab", "caribbean", "pacific", "latin", "nordic",
                          "baltic", "balkan", "gulf", "pan-african", "continental", "international", "world"})


def _names_another_place(name: str, country: str) -> bool:
    """Whether a body's own name says it is of a region, or of a country other than `country`: the 'African
    National Congress' in a story that names only Japan is not Japan's congress."""
    for word in name.split():
        place = country_of(word)
        if word.casefold() in REGION_WORDS or place is not None and place[0] != country:
            return True
    return False


def _base_words(key: str) -> list[str]:
    return words_of(split_qualified(key)[0])


def _name_rank(name: str, start: int) -> tuple:
    """Which variant names an organisation: the fuller ('Ford Motor Company' over 'Ford', 'Ministry
    of Defense' over 'Defense Ministry'), legal forms aside ('General Motors' over 'General Motors
    Corporation'), then the first used."""
    words = words_of(name)
    return (len(strip_legal(words)), strip_legal(words) == words, len(words), -start)


def _share_facts(rows: list[dict]) -> None:
    """A role or affiliation, once given, holds for every mention of that actor in the article."""
    facts: dict[str, dict] = {}
    for r in rows:
        f = facts.setdefault(r["key"], {})
        for col in ("role", "affiliation_key"):
            if r[col] and not f.get(col):
                f[col] = r[col]
    for r in rows:
        for col, value in facts.get(r["key"], {}).items():
            r[col] = r[col] or value
