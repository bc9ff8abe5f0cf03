"""Actors from named entities: cleaning, repairing the model's usual news errors, naming, kinds.

`find_mentions` works on one parsed article and returns its actor mentions, each with a `key`: the
canonical name of the actor it stands for within the article. Mentions of one actor share a key
(Turkey / Turkish / Ankara; Hakan Fidan / Fidan; General Motors / GM). `merge_actors` (in briefing
assembly) joins keys across articles. A body of a country (its ministries, army, courts) is keyed with
the country in brackets, 'Ministry of Defense (Turkey)', so two countries' ministries never meet.
"""
from __future__ import annotations

import re

import pandas as pd
from spacy.tokens import Doc, Span, Token

from .actor_names import (
    CORE_TITLES, HONORIFICS, INSTITUTION_HEADS, ORG_NOUNS, TITLE_WORDS, acronym_of, initials, is_acronym,
    is_event_name, is_state_body, org_base, person_words, qualify, split_qualified, strip_legal, words_of,
)
from .gazetteer import country_of, fold, non_actor

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# Entity types a name may run on into: 'Bank' + 'of England', not 'Office' + 'on June'.
NAME_PARTS = {"", "ORG", "GPE", "LOC", "NORP", "FAC", "PERSON"}
QUOTE_CHARS = "\"“”‘’'«»"
POSSESSIVES = ("'s", "’s", "'", "’")
MENTION_COLUMNS = ["sentence_id", "start", "end", "text", "label", "key", "kind", "role", "affiliation_key"]
# Prepositions after which a capital city is the place, not the state ("flew to London").
LOCATIVE = {"in", "at", "to", "from", "near", "into", "outside", "inside", "across", "through", "via", "around",
            "throughout", "within", "out", "off", "over", "beyond", "towards"}
# A name ending in one of these words names a company, whatever the model's label.
CORPORATE_WORDS = {"inc", "inc.", "corp", "corp.", "corporation", "company", "co.", "llc", "ltd", "ltd.", "plc",
                   "group", "airlines", "airways", "aircraft", "motors", "bank", "holdings", "industries",
                   "technologies", "systems", "partners", "associates", "capital", "management", "records"}
CODE = re.compile(r"[A-Z]{0,3}-?\d{3,}[A-Za-z0-9-]*|\d+x\d+|\d{2,4}s?")
YEAR = re.compile(r"(19|20)\d\d")
NUMBER = re.compile(r"\d+")


def find_mentions(doc: Doc, *, title_sentence: int | None = 0) -> pd.DataFrame:
    """Actor mentions of one parsed article, with their within-article canonical key and kind."""
    sent_ids = {}
    for i, sent in enumerate(doc.sents):
        for t in sent:
            sent_ids[t.i] = i
    rows: list[dict] = []
    headline: list[Span] = []
    for span in _candidate_spans(doc):
        sid = sent_ids[span.start]
        if sid == title_sentence and _is_title_case_headline(span.sent):
            headline.append(span)
            continue
        row = _classify(span)
        if row is not None:
            row["sentence_id"] = sid
            rows.append(row)
    rows = resolve_keys(rows, _acronym_definitions(doc, rows))
    known = {fold(r["text"]): r for r in rows} | {fold(r["key"]): r for r in rows}
    for span in headline:
        rows.extend(_headline_mentions(span, known, sent_ids[span.start]))
    rows += _untagged_acronyms(doc, rows, sent_ids)
    df = pd.DataFrame([{c: r.get(c) for c in MENTION_COLUMNS} for r in rows], columns=MENTION_COLUMNS)
    return df.sort_values("start", kind="stable").reset_index(drop=True)


# --- spans: which entities could name an actor, and where they really start and end --------------

def _candidate_spans(doc: Doc) -> list[Span]:
    """The model's entities, repaired: names cut or extended to their true extent, non-actors dropped."""
    ents = [e for e in doc.ents if e.label_ in ENTITY_LABELS]
    out: list[Span] = []
    skip_until = -1
    for ent in ents:
        if ent.start < skip_until:
            continue
        span = _extend(ent)
        skip_until = span.end
        span = _cut_flight(span)
        if span is None or span.end == ent.end and _followed_by_model(ent) or _quoted(ent):
            continue
        span = _strip_span(span)
        if span is None or not _may_name_actor(span):
            continue
        out.append(span)
    return out


def _span(doc: Doc, start: int, end: int, label: str) -> Span:
    return Span(doc, start, end, label=label)


def _extend(ent: Span) -> Span:
    """'Federal Service' + 'for the Financial Markets'; 'European Aeronautic Defence' + 'and Space
    Company' when '(EADS)' follows: the model often stops an organisation's name too early."""
    doc = ent.doc
    end = ent.end
    if ent.label_ == "ORG" and doc[end - 1].lower_ in INSTITUTION_HEADS:
        j = end
        if j < len(doc) and doc[j].lower_ in ("of", "for", "on"):
            j += 1
            if j < len(doc) and doc[j].lower_ == "the":
                j += 1
            k = j
            while k < len(doc) and doc[k].ent_type_ in NAME_PARTS and (
                    doc[k].text[:1].isupper() and doc[k].is_alpha or
                    doc[k].lower_ in ("and", "&", "of") and k + 1 < len(doc) and doc[k + 1].text[:1].isupper()):
                k += 1
            if k > j:
                end = k
    if ent.label_ == "ORG":
        k = end
        while k < len(doc) and k < end + 5 and doc[k].ent_type_ in NAME_PARTS and (
                doc[k].lower_ in ("and", "&", "of", "for") or doc[k].text[:1].isupper() and doc[k].is_alpha):
            k += 1
        if k + 2 < len(doc) and k > end and doc[k].text == "(" and doc[k + 2].text == ")" and is_acronym(doc[k + 1].text):
            longer = doc[ent.start:k]
            if initials(longer.text).startswith(doc[k + 1].text.replace(".", "")):
                end = k
    return _span(doc, ent.start, end, ent.label_) if end != ent.end else ent


def _cut_flight(span: Span) -> Span | None:
    """'Adam Air Flight 574' names the airline Adam Air inside the name of a flight."""
    for tok in span[1:]:
        if tok.text == "Flight":
            return _span(span.doc, span.start, tok.i, span.label_)
    return None if span[0].text == "Flight" else span


def _followed_by_model(ent: Span) -> bool:
    """'Airbus A380', 'Boeing's 787', 'FTSE 100': a maker inside a product name, or an index."""
    doc = ent.doc
    j = ent.end
    if j < len(doc) and doc[j].text in POSSESSIVES:
        j += 1
    if j >= len(doc) or doc[j].ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"):
        return False
    return bool(CODE.fullmatch(doc[j].text)) and not YEAR.fullmatch(doc[j].text)


def _strip_span(span: Span) -> Span | None:
    """Drop a leading article, a trailing possessive, stray punctuation and white space from a span;
    cut a name at an inner possessive ('Apple’s C.E.O.' names Apple)."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].text in QUOTE_CHARS
                           or doc[start].is_punct or doc[start].is_space):
        start += 1
    for i in range(start + 1, end - 1):
        if doc[i].text in ("'s", "’s") and all(t.lower_ in TITLE_WORDS or t.is_lower for t in doc[i + 1:end]):
            end = i
            break
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_space
                           or doc[end - 1].is_punct and doc[end - 1].text != "."):
        end -= 1
    if start >= end:
        return None
    return _span(doc, start, end, span.label_)


def _may_name_actor(span: Span) -> bool:
    """False for names that are never actors: indexes, currencies, time zones, well-known products,
    model numbers, units after a number, events ('... Conference'), bare numbers."""
    doc = span.doc
    text = span.text
    if not (text[:1].isupper() or text[:1].isdigit()):
        return False
    if not any(sum(c.isalpha() for c in t.text) >= 2 for t in span):
        return False
    if non_actor(text) or span.start > 0 and non_actor(f"{doc[span.start - 1].text} {text}"):
        return False
    if any(non_actor(span[i:].text) == "product" for i in range(1, len(span))):
        return False  # 'Apple Macintosh': a maker's name on its product
    last = span[-1].text
    if len(span) > 1 and (NUMBER.fullmatch(last) or CODE.fullmatch(last)) and not YEAR.fullmatch(last):
        return False
    if len(span) == 1 and CODE.fullmatch(last):
        return False
    if len(span) == 1 and span.start > 0 and doc[span.start - 1].like_num and text.isupper() and len(text) <= 3:
        return False  # a unit: "80 GB"
    return not is_event_name(text)


def _quoted(span: Span) -> bool:
    """A scare-quoted phrase ("Butcher of Gaza") names no actor."""
    doc = span.doc
    inside = any(c in span.text for c in "\"“”")
    before = doc[span.start - 1].text if span.start > 0 else ""
    before2 = doc[span.start - 2].text if span.start > 1 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    opens = before in ("“", '"', "‘") or (before.lower() == "the" and before2 in ("“", '"', "‘"))
    return inside or (opens and after in ("”", '"', "’", ".”", ",”"))


def _is_title_case_headline(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) / len(words) > 0.7


# --- one mention: its kind, key, role and affiliation ---------------------------------------------

def _row(span: Span, key: str, kind: str, **extra: object) -> dict:
    return {"start": span.start_char, "end": span.end_char, "text": span.text, "label": span.label_,
            "key": key, "kind": kind, "role": None, "affiliation_key": None, "_how": None, "_loc": False,
            "_i": span.start, **extra}


def _classify(span: Span) -> dict | None:
    text, label = span.text, span.label_
    country = country_of(text)
    if country:
        name, how = country
        if how == "people":
            return _row(span, text, "group", affiliation_key=name)
        return _row(span, name, "country", _how=how, _loc=_is_locative(span))
    if label == "NORP":
        # An adjective ("European markets", "Congressional hearing") describes; a plural names people.
        return _row(span, text, "group") if span[-1].tag_ in ("NNPS", "NNS") else None
    if label in ("GPE", "LOC", "FAC"):
        return _row(span, text, "place")
    if label == "PERSON" and not _names_organisation(span):
        return _person(span, span)
    return _organisation(span)


def _names_organisation(span: Span) -> bool:
    """A 'person' that is a company or a band: 'Saturn Corporation', 'electronics retailer Best Buy',
    'the Beatles'."""
    doc = span.doc
    if span[-1].lower_ in CORPORATE_WORDS:
        return True
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in ORG_NOUNS and prev.pos_ == "NOUN":
        return True
    return prev is not None and prev.lower_ == "the" and span[-1].tag_ == "NNPS" and span.root.dep_ != "compound"


def _person(span: Span, name_span: Span) -> dict | None:
    words = name_span.text.split()
    while words and (words[0].lower() in TITLE_WORDS or words[0].lower() in HONORIFICS):
        words.pop(0)
    if not words:
        return None
    role, affiliation = _title_before(span)
    if role is None:
        role, affiliation = _apposition_after(span)
    return _row(span, " ".join(words), "person", role=_role_case(role), affiliation_key=affiliation)


def _role_case(role: str | None) -> str | None:
    """'foreign minister' -> 'Foreign Minister'; 'former U.S. President' stays as written."""
    return role.title() if role and role.islower() else role


def _organisation(span: Span) -> dict | None:
    doc = span.doc
    words = span.text.split()
    lead_title = 0
    while lead_title < len(span) and span[lead_title].lower_ in TITLE_WORDS and span[lead_title].lower_ not in (
            "national", "state", "security", "general", "supreme", "trade", "energy", "health", "top"):
        lead_title += 1
    rest_words = {t.lower_ for t in span[lead_title:]}
    if 0 < lead_title and len(span) - lead_title >= 2 and any(t.lower_ in CORE_TITLES for t in span[:lead_title]) \
            and all(t.text[:1].isupper() for t in span[lead_title:]) \
            and not rest_words & (INSTITUTION_HEADS | CORPORATE_WORDS | ORG_NOUNS):
        # "Spokeswoman Sandy Angers" tagged as an organisation: a person with a title
        role = span[:lead_title].text
        row = _person(span, doc[span.start + lead_title:span.end])
        if row:
            row["role"] = row["role"] or role
        return row
    owner = None
    if span.start >= 2 and doc[span.start - 1].text in ("’s", "'s"):
        owner = _country_name(doc[span.start - 2])
    elif span.start >= 1 and doc[span.start - 1].ent_type_ in ("NORP", "GPE"):
        owner = _country_name(doc[span.start - 1])
    first = country_of(words[0]) if len(words) > 1 else None
    if first is None and len(words) > 2:
        first = country_of(" ".join(words[:2]))
        cut = 2
    else:
        cut = 1
    rest = " ".join(words[cut:])
    if first and first[1] in ("name", "demonym") and words_of(rest) in (["government"], ["federal", "government"]):
        return _row(span, first[0], "country", _how="name")
    if first and first[1] in ("name", "demonym") and is_state_body(rest):
        return _row(span, qualify(rest, first[0]), "organization", affiliation_key=first[0])
    if owner and is_state_body(span.text):
        return _row(span, qualify(span.text, owner), "organization", affiliation_key=owner)
    return _row(span, span.text, "organization")


def _country_name(tok: Token) -> str | None:
    """The country a token (or the entity it ends) names: 'Turkey', 'Turkish', 'U.S.'."""
    doc = tok.doc
    ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    hit = country_of(ent.text if ent is not None else tok.text) or country_of(tok.text)
    return hit[0] if hit and hit[1] != "people" else None


def _is_locative(span: Span) -> bool:
    """'flew to London', 'out of London Heathrow', 'Everett, Washington', 'London's FTSE 100': the
    place, not the state."""
    doc = span.doc
    after = span.end + (1 if span.end < len(doc) and doc[span.end].text in POSSESSIVES else 0)
    if after < len(doc) and any(non_actor(doc[after:k].text) for k in range(after + 1, min(after + 4, len(doc)) + 1)):
        return True  # the city's market index, not the state
    tok = span.root
    while tok.dep_ in ("compound", "appos", "conj", "npadvmod") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ in LOCATIVE or prep.lower_ == "of" and prep.head.lower_ in LOCATIVE


def _title_before(span: Span) -> tuple[str | None, str | None]:
    """Title words and a country right before a person's name: 'Turkish Foreign Minister Hakan Fidan',
    'former U.S. President Donald Trump', 'federal industry minister Ian MacDonald'."""
    doc = span.doc
    i = span.start - 1
    words: list[Token] = []
    affiliation = None
    while i >= 0 and doc[i].sent == span.sent:
        tok = doc[i]
        if tok.text in ("’s", "'s") and i > 0:
            affiliation = _owner(doc[i - 1])
            break
        if tok.ent_type_ in ("NORP", "GPE", "ORG") and tok.lower_ not in TITLE_WORDS:
            affiliation = _owner(tok)
            ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
            start = ent.start if ent is not None else tok.i
            if start > 0 and doc[start - 1].lower_ == "former" and affiliation:
                words = [*doc[start - 1:tok.i + 1], *words]
            break
        titled = tok.lower_ in TITLE_WORDS
        common = tok.is_lower and tok.pos_ in ("NOUN", "ADJ") and words and words[0].lower_ in CORE_TITLES | TITLE_WORDS
        if not (titled or common) or tok.text[:1].isupper() and not titled:
            break
        words.insert(0, tok)
        i -= 1
    words = [w for w in words if w.lower_ not in HONORIFICS]
    if not any(w.lower_ in CORE_TITLES for w in words):
        return None, affiliation
    return " ".join(w.text for w in words), affiliation


def _owner(tok: Token) -> str | None:
    """The country, or the organisation, named by the entity a token belongs to."""
    country = _country_name(tok)
    if country:
        return country
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None and ent.label_ == "ORG":
        stripped = _strip_span(ent)
        return stripped.text if stripped is not None else None
    return None


def _apposition_after(span: Span) -> tuple[str | None, str | None]:
    """'Hakan Fidan, Turkey's foreign minister,'; 'Stephen Harper, Prime Minister of Canada';
    'Sebastian Vladescu, head of the State Property Agency'."""
    doc = span.doc
    i = span.end
    if i >= len(doc) or doc[i].text != ",":
        return None, None
    i += 1
    affiliation = None
    if i < len(doc) and doc[i].lower_ in ("the", "a", "an"):
        i += 1
    if i + 1 < len(doc) and doc[i + 1].text in ("’s", "'s"):
        affiliation = _owner(doc[i])
        i += 2
    elif i < len(doc) and doc[i].ent_type_ in ("NORP", "GPE") and _country_name(doc[i]):
        affiliation = _country_name(doc[i])
        i += 1
    role: list[Token] = []
    while i < len(doc) and len(role) < 5 and doc[i].sent == span.sent and doc[i].pos_ in ("NOUN", "PROPN", "ADJ") \
            and not doc[i].ent_type_:
        role.append(doc[i])
        i += 1
    if not role or role[-1].lower_ not in CORE_TITLES:
        return None, None
    if i + 1 < len(doc) and doc[i].lower_ in ("of", "at", "for") and affiliation is None:
        j = i + 1
        if doc[j].lower_ == "the" and j + 1 < len(doc):
            j += 1
        if doc[j].ent_type_ in ("GPE", "NORP", "ORG"):
            affiliation = _owner(doc[j])
    return " ".join(t.text for t in role), affiliation


# --- one article: mentions of one actor share a key -----------------------------------------------

def resolve_keys(rows: list[dict], acronyms: dict[str, str] | None = None) -> list[dict]:
    """Give every mention of one actor in an article the same key (and kind, role, affiliation).

    rows: mentions as classified one by one; acronyms: acronym -> the words it stands for, where the
    text defines it ('the International Court of Justice (ICJ)').
    """
    _seats(rows)
    _single_word_organisations(rows)
    _surnames(rows)
    _short_person_names(rows)
    _organisation_variants(rows, acronyms or {})
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
    full_people = {p for r in rows if r["kind"] == "person" for p in [r["key"]] if len(p.split()) > 1}
    for r in rows:
        if r["kind"] == "person" and r["key"] in orgs and " " not in r["key"] and \
                not any(p.split()[-1] == r["key"] for p in full_people):
            r.update(kind="organization", role=None, affiliation_key=None)


def _surnames(rows: list[dict]) -> None:
    """'Papermaster' tagged as an organisation, 'Henderson' as a place, 'Jordan' as a country, in an
    article that names Mark Papermaster, Fritz Henderson, Michael Jordan: the person."""
    people = [r["key"] for r in rows if r["kind"] == "person" and len(person_words(r["key"])) > 1]
    org_words = {words_of(r["key"])[0] for r in rows if r["kind"] == "organization" and len(r["key"].split()) > 1}
    for r in rows:
        if r["kind"] == "person" or " " in r["text"] or r["kind"] == "country" and r["label"] != "PERSON":
            continue
        if r["kind"] == "organization" and r["label"] == "ORG" and fold(r["text"]) in org_words:
            continue  # 'Ford' beside 'Ford Motor Company' and 'William Clay Ford Jr.': the company
        fuller = {p for p in people if person_words(p)[-1] == r["text"]}
        if len(fuller) == 1:
            r.update(key=fuller.pop(), kind="person", _how=None)


def _short_person_names(rows: list[dict]) -> None:
    """'Fidan' and 'Erdoğan' are the article's Hakan Fidan and Recep Tayyip Erdoğan."""
    persons = {r["key"] for r in rows if r["kind"] == "person"}
    for r in rows:
        if r["kind"] != "person":
            continue
        short = person_words(r["key"])
        fuller = {p for p in persons if p != r["key"] and len(person_words(p)) > len(short)
                  and person_words(p)[-len(short):] == short}
        if len(fuller) == 1:
            r["key"] = fuller.pop()


def _organisation_variants(rows: list[dict], acronyms: dict[str, str]) -> None:
    """One key for an organisation's variants in an article: 'Apple Inc.' / 'Apple';
    'Ministry of Defense' / 'Defense Ministry' (of the one country the article names it for);
    'General Motors' / 'GM'; 'Cerberus Capital Management' then 'Cerberus'."""
    orgs = [r for r in rows if r["kind"] == "organization"]
    # the same name but for legal forms, descriptors and word order
    by_base: dict[str, list[dict]] = {}
    for r in orgs:
        by_base.setdefault(org_base(split_qualified(r["key"])[0]), []).append(r)
    established = set()
    for group in by_base.values():
        owners = {split_qualified(r["key"])[1] for r in group} - {None}
        if len(owners) > 1:
            continue  # two countries' ministries: never one actor
        full = max(group, key=lambda r: _name_rank(split_qualified(r["key"])[0], r["start"]))
        owner = owners.pop() if owners else None
        key = qualify(split_qualified(full["key"])[0], owner) if owner else full["key"]
        for r in group:
            r.update(key=key, affiliation_key=r["affiliation_key"] or owner)
        if len({r["text"] for r in group}) > 1:
            established.add(key)
    # acronyms: defined in the text, or spelling the initials of exactly one longer name
    long_keys = {r["key"] for r in orgs if not is_acronym(r["text"])}
    for r in rows:
        if r["kind"] not in ("organization", "person", "place") or not is_acronym(r["text"]):
            continue
        defined = acronyms.get(r["text"])
        target = next((o["key"] for o in orgs if defined and fold(o["text"]) == fold(defined)), None)
        if target is None:
            found = {k for k in long_keys if acronym_of(r["text"], split_qualified(k)[0])}
            target = found.pop() if len(found) == 1 else None
        if target:
            r.update(key=target, kind="organization")
    # a short name after the full one: 'Cerberus Capital Management ... Cerberus'
    first_seen: dict[str, int] = {}
    for r in sorted(orgs, key=lambda r: r["start"]):
        first_seen.setdefault(r["key"], r["start"])
    keys = set(first_seen)
    for r in rows:
        if r["kind"] not in ("organization", "person") or r["kind"] == "person" and " " in r["key"] \
                or r["key"] in established or split_qualified(r["key"])[1]:
            continue
        short = words_of(r["key"])
        longer = {k for k in keys if k != r["key"] and len(_base_words(k)) > len(short) and
                  (_base_words(k)[:len(short)] == short or _base_words(k)[-len(short):] == short)
                  and first_seen[k] < r["start"]}
        if len(longer) == 1:
            r.update(key=longer.pop(), kind="organization", role=None)


def _bodies_of_the_one_country(rows: list[dict]) -> None:
    """'the Senate', 'the Defense Ministry' in an article that names one country are that country's."""
    countries = {r["key"] for r in rows if r["kind"] == "country"}
    if len(countries) != 1:
        return
    country = countries.pop()
    for r in rows:
        if r["kind"] == "organization" and not split_qualified(r["key"])[1] and is_state_body(r["key"]):
            r.update(key=qualify(r["key"], country), affiliation_key=country)


def _base_words(key: str) -> list[str]:
    return words_of(split_qualified(key)[0])


def _name_rank(name: str, start: int) -> tuple:
    """Which variant names an organisation: no legal form ('General Motors' over 'General Motors
    Corporation'), then the fuller ('Ministry of Defense' over 'Defense Ministry'), then the first."""
    words = words_of(name)
    return (strip_legal(words) == words, len(words), -start)


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


def _acronym_definitions(doc: Doc, rows: list[dict]) -> dict[str, str]:
    """'the International Court of Justice (ICJ)': ICJ -> the name right before the bracket."""
    ends = {doc.char_span(r["start"], r["end"], alignment_mode="expand").end: r for r in rows}
    out = {}
    for tok in doc[1:-1]:
        if tok.text == "(" and is_acronym(doc[tok.i + 1].text) and tok.i + 2 < len(doc) and doc[tok.i + 2].text == ")":
            before = ends.get(tok.i)
            if before is not None and before["kind"] in ("organization", "country", "group"):
                out[doc[tok.i + 1].text] = before["text"]
    return out


def _untagged_acronyms(doc: Doc, rows: list[dict], sent_ids: dict[int, int]) -> list[dict]:
    """Uses of an organisation's acronym that the model tagged in one place and not in another."""
    by_acronym = {r["text"]: r for r in rows if is_acronym(r["text"]) and r["kind"] == "organization"}
    taken = [(r["start"], r["end"]) for r in rows]
    out = []
    for tok in doc:
        r = by_acronym.get(tok.text)
        if r is not None and not any(s <= tok.idx < e for s, e in taken):
            out.append({**r, "start": tok.idx, "end": tok.idx + len(tok.text), "sentence_id": sent_ids[tok.i],
                        "label": "ACRONYM"})
    return out


def _headline_mentions(ent: Span, known: dict[str, dict], sid: int) -> list[dict]:
    """In a title-case headline keep only words that name an actor the body names too."""
    out = []
    tokens = list(ent)
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i, -1):
            piece = ent.doc[tokens[i].i:tokens[j - 1].i + 1]
            hit = known.get(fold(piece.text))
            country = country_of(piece.text)
            if hit or country and country[1] != "people":
                key, kind = (hit["key"], hit["kind"]) if hit else (country[0], "country")
                out.append({"sentence_id": sid, "start": piece.start_char, "end": piece.end_char, "text": piece.text,
                            "label": ent.label_, "key": key, "kind": kind,
                            "role": hit.get("role") if hit else None,
                            "affiliation_key": hit.get("affiliation_key") if hit else None})
                i = j
                break
        else:
            i += 1
    return out
