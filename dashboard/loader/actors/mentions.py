"""Actors from named entities: what each mention names, its kind, role and affiliation.

`find_mentions` works on one parsed article and returns its actor mentions, each with a `key`: the
canonical name of the actor it stands for within the article. Mentions of one actor share a key
(Turkey / Turkish / Ankara; Hakan Fidan / Fidan; General Motors / GM). A body of a country (its
ministries, army, courts) is keyed with the country in brackets, 'Ministry of Defense (Turkey)', so
two countries' ministries never meet. Which entities may name an actor is decided in
actor_spans.py, how mentions share a key in actor_keys.py; `merge_actors` (actor_merge.py) joins
keys across articles.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from spacy.attrs import ENT_IOB, ENT_TYPE, LEMMA, LOWER, POS
from spacy.symbols import EVENT, LAW, PRODUCT, PROPN, VERB, WORK_OF_ART
from spacy.tokens import Doc, Span, Token

from dashboard.loader.actors.first_names import is_common_first_name
from dashboard.loader.actors.keys import resolve_keys
from dashboard.loader.actors.names import (
    CIVIC_TITLES, CORE_TITLES, CORPORATE_WORDS, HONORIFIC_GENDER, HONORIFICS, NOT_PERSON_WORDS, ORG_NOUNS,
    PORTFOLIOS, TITLE_WORDS, is_acronym, is_state_body, qualify, words_of,
)
from dashboard.loader.actors.speaking import (
    FACILITY_NOUNS, ORGANISATION_WORDS, names_a_facility, speaks, title_subject, untagged_organisations,
)
from dashboard.loader.actors.spans import POSSESSIVES, candidate_spans, is_title_case_headline, make_span, strip_span
from dashboard.loader.actors.gazetteer import country_of, fold, non_actor
from dashboard.loader.actors.tokens import among, entity_at, positions_of, sentence_of_tokens
from dashboard.loader.assembly.tables import MENTION_COLUMNS, table_frame
from dashboard.loader.frames import Columns
from dashboard.loader.quotes.cues import CLAUSE_ONLY, SPEECH_VERBS
from dashboard.loader.reading.datelines import find_dateline

# Prepositions after which a capital city is the place, not the state ("flew to London").
LOCATIVE = {"in", "at", "to", "from", "near", "into", "outside", "inside", "across", "through", "via", "around",
            "throughout", "within", "out", "off", "over", "beyond", "towards"}
# Nouns for things a name may stand after that make it a product's name: 'the drug Valtrex-C'.
PRODUCT_NOUNS = frozenset({"drug", "medicine", "medication", "vaccine", "pill", "phone", "smartphone", "handset",
                           "tablet", "laptop", "console", "app", "software", "device", "model", "brand", "sedan",
                           "suv", "pickup", "jet", "airliner", "aircraft", "rifle", "missile", "product"})
# Title words that also begin names of organisations ('National Bank', 'General Motors').
NOT_LEADING_TITLES = {"national", "state", "security", "general", "supreme", "trade", "energy", "health", "top"}
LEADING_TITLES = frozenset(TITLE_WORDS - NOT_LEADING_TITLES)
SAINTS = frozenset({"st.", "st", "saint", "ste.", "ste"})
# Last words of the names of rivers, lakes and mountains: places, whatever the model typed them, and even
# where the parser makes one the subject of a speech verb ('the Bagmati and Manohara Rivers citing that').
NATURAL_FEATURES = frozenset({"river", "rivers", "lake", "lakes", "mountain", "mountains", "creek", "valley",
                              "glacier", "canyon", "peninsula", "strait", "straits", "falls", "hills", "desert"})
# Words of the names of parties and movements, which the model may tag as a person's.
MOVEMENT_WORDS = frozenset({"movement", "party", "front", "league", "alliance", "congress", "federation"})
# Letters after a name: a seat or an honour, not part of the name.
POST_NOMINALS = frozenset({"mp", "mpp", "mla", "mep", "msp", "mha", "qc", "kc", "sc", "obe", "mbe", "cbe"})
# Offices whose holder the model may leave untagged beside them ('Commissioner ... Tokunbo Wahab').
OFFICE_WORDS = frozenset(CORE_TITLES)
# Words naming where an office sits, which the model tags with it as a person ('City Clerk').
OFFICE_PLACES = frozenset({"city", "county", "town", "village", "district", "provincial", "federal", "municipal"})


def find_mentions(doc: Doc, *, title_sentence: int | None = 0) -> pd.DataFrame:
    """Actor mentions of one parsed article, with their within-article canonical key and kind.

    title_sentence: index of the headline's sentence; in a title-case headline the model's entities
    are not trusted ('Israel Hold'), only names the body uses too.
    """
    return table_frame("mentions", mention_columns(doc, title_sentence=title_sentence))


def mention_columns(doc: Doc, *, title_sentence: int | None = 0, text: str | None = None) -> Columns:
    """`find_mentions`' table column by column (columns MENTION_COLUMNS). text: `doc.text`, when the caller
    has it (spaCy joins it from the tokens on every access)."""
    text = doc.text if text is None else text
    sents = list(doc.sents)
    sent_ids = sentence_of_tokens(doc)
    headline = None
    if title_sentence is not None and title_sentence < len(sents) and is_title_case_headline(sents[title_sentence]):
        headline = sents[title_sentence]
    rows: list[dict] = []
    dateline = find_dateline(text)
    storms = _storm_names(doc)
    body = None
    for span in candidate_spans(doc):
        sid = sent_ids[span.start]
        if storms and any(t.text in storms for t in span):
            continue  # 'Typhoon Kristine', and 'Leon' for Typhoon Leon: weather, not an actor
        if headline is not None and sid == title_sentence:
            continue
        if sid == title_sentence and len(span) == 1 and span[0].is_sent_start and not country_of(span.text):
            body = text[doc[span.end].idx if span.end < len(doc) else 0:] if body is None else body
            if span.text not in body:
                continue  # 'Striker's late goal sends United through': a headline's capital, named nowhere else
        if dateline and span.start_char < dateline[1] and span.end_char > dateline[0]:
            # where the story was filed names no actor; a name the model ran on from it is the words after it
            # ('JOHANNESBURG - The African National Congress')
            span = _after_dateline(span, dateline[1])
            if span is None:
                continue
        if title_subject(span):
            continue  # 'Education' of 'Education Minister Rachna Singh'
        row = _classify(span)
        if row is not None:
            if row["kind"] == "place" and speaks(span) and span[-1].lower_ not in NATURAL_FEATURES:
                row.update(kind="organization", _loc=False)  # 'Cisco states that': a place does not speak
            for r in [row, *row.pop("_extra", [])]:
                rows.append({**r, "sentence_id": sid})
    covered = {i for r in rows for i in range(r["start"], r["end"])}
    speech_verbs = _speech_verbs(doc)
    rows += [{**_row(span, span.text, "organization"), "sentence_id": sent_ids[span.start]}
             for span in untagged_organisations(doc, covered, speech_verbs)]
    rows += _untagged_speakers(doc, rows, sent_ids, speech_verbs)
    rows += _lowercase_state_bodies(doc, covered, sent_ids)
    rows += _untagged_by_first_name(doc, covered, sent_ids, title_sentence if headline is not None else None)
    _title_acronyms(doc, rows)
    rows = resolve_keys(rows, _acronym_definitions(doc, rows))
    _nicknames(doc, rows)
    known = {fold(r["text"]): r for r in rows} | {fold(r["key"]): r for r in rows}
    if headline is not None:
        rows.extend(_headline_mentions(headline, known, title_sentence))
    rows += _untagged_acronyms(doc, rows, sent_ids)
    return _columns(rows)


# Words that name a storm by the name after them: 'Typhoon Leon', 'Tropical Storm Trami', 'Hurricane Ida'.
STORM_WORDS = frozenset({"typhoon", "hurricane", "cyclone", "storm"})


def _storm_names(doc: Doc) -> set[str]:
    """The words of the storms' names in an article, and the words of their titles ('Super', 'Typhoon'), as
    written: a storm named after a person is no actor, nor is a later 'Leon' that stands for it."""
    names: set[str] = set()
    for i in positions_of(doc, STORM_WORDS, attr=LOWER):
        if not doc[i].text[:1].isupper() or i + 1 >= len(doc) or not doc[i + 1].text[:1].isupper():
            continue  # 'the storm hit': no name
        names |= {doc[i].text, doc[i + 1].text}
        if i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].pos_ in ("ADJ", "PROPN"):
            names.add(doc[i - 1].text)  # 'Super Typhoon', 'Tropical Storm'
    return names


def _after_dateline(span: Span, end: int) -> Span | None:
    """The words of an entity after the dateline that ends at character `end` (its article and other
    leading words stripped), or None when it has none."""
    start = next((t.i for t in span if t.idx >= end and not t.is_space), None)
    if start is None:
        return None
    return strip_span(make_span(span.doc, start, span.end, span.label_))


def _columns(rows: list[dict]) -> Columns:
    """The mention rows in text order (a stable sort: rows starting together keep their order), column by column."""
    rows = sorted(rows, key=lambda r: r["start"])
    return {c: [r.get(c) for r in rows] for c in MENTION_COLUMNS}


# --- one mention: its kind, key, role and affiliation ---------------------------------------------

def _row(span: Span, key: str, kind: str, **extra: object) -> dict:
    """A mention row; `_how`, `_loc` and `_gender` are working fields for actor_keys (see there)."""
    return {"start": span.start_char, "end": span.end_char, "text": span.text, "label": span.label_,
            "key": key, "kind": kind, "role": None, "affiliation_key": None, "_how": None, "_loc": False,
            "_gender": _honorific_gender(span), **extra}


def _honorific_gender(span: Span) -> str | None:
    """'m' or 'f' when an honorific, written with its capital, opens the name or stands right before it."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    for word in (span[0], before):
        if word is not None and word.text[:1].isupper() and word.lower_ in HONORIFIC_GENDER:
            return HONORIFIC_GENDER[word.lower_]
    return None


def _classify(span: Span) -> dict | None:
    """The mention a span makes: country (or its people), group, place, person or organisation."""
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
    if label in ("GPE", "LOC", "FAC") or _base_of(span) or label != "PERSON" and span[-1].lower_ in NATURAL_FEATURES:
        # 'the Waterloo, Ontario-based company said': where the company is, whatever the model typed it
        return _row(span, text, "place", _loc=label in ("GPE", "LOC", "FAC") and _is_locative(span))
    if span[-1].lower_ in CORE_TITLES and all(t.lower_ in TITLE_WORDS or t.text in ("-", "–") for t in span):
        return None  # 'Major-General', which the model took for a name: a title ('Labour' is a party)
    if len(span) == 1 and span[0].lower_ in TITLE_WORDS and span.start > 0 and span.doc[span.start - 1].lower_ == "the":
        return None  # 'The Gaffer opined': an office, which the resolver gives to its holder
    if label == "ORG" and span[-1].lower_ in CORE_TITLES and span.end < len(span.doc) \
            and span.doc[span.end].ent_type_ == "PERSON":
        return None  # 'District Collector Ravi Menon': the title of the person named after it
    if label == "PERSON" and span.start > 0 and span.doc[span.start - 1].lower_ in SAINTS:
        # 'St. Brendan said in a statement': a hospital, church or school named for a saint, not a person
        return _organisation(span.doc[span.start - 1:span.end])
    if label == "PERSON" and names_a_facility(span):
        return None  # 'the Warren Truck plant', 'the Ronald Reagan airport': a building, not the person
    if _names_a_product(span):
        return None  # 'its blood pressure drug Valtrex-C': a product's name, not an actor
    if label == "PERSON" and not _names_organisation(span) or _after_honorific(span) or _after_title(span) \
            or label == "ORG" and _set_beside_a_title(span):
        return _person(span, span)
    return _organisation(span)


def _base_of(span: Span) -> bool:
    """Whether a name is where something is based: 'Denver-based', 'Waterloo, Ontario-based'."""
    doc, i = span.doc, span.end
    if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].ent_type_ == "GPE":
        i += 1
        while i < len(doc) and doc[i].ent_type_ == "GPE":
            i += 1  # the region after the city
    return i + 1 < len(doc) and doc[i].text in ("-", "–") and doc[i + 1].lower_ == "based"


def _set_beside_a_title(span: Span) -> bool:
    """'The state Commissioner of Police, Chidi Okafor, said': a name in apposition to a person's office,
    which the model took for an organisation's, is a person's (not 'its owner, Acme Holdings,')."""
    head = _apposed_to(span)
    # the tagger may take an unfamiliar name for another part of speech ('Imo Ugochinyere'): its capitals say
    return span.root.dep_ == "appos" and head.lower_ in CORE_TITLES and 2 <= len(span) <= 3 \
        and all((t.pos_ == "PROPN" or t.is_alpha and t.text.istitle())
                and t.lower_ not in NOT_PERSON_WORDS | TITLE_WORDS for t in span)


def _names_a_product(span: Span) -> bool:
    """Whether a name stands in one phrase with a product's noun right before it ('the drug Valtrex-C'),
    not merely after it ('an aircraft Boeing has under development')."""
    if span.start == 0:
        return False
    noun = span.doc[span.start - 1]
    root = span.root
    return noun.lower_ in PRODUCT_NOUNS and (noun.head.i == root.i or root.head.i == noun.i and root.dep_ == "appos")


def _after_title(span: Span) -> bool:
    """'Medora chief executive Paul Girard' tagged as an organisation: two or three capitalised words
    right after a person's title are a person's name."""
    doc = span.doc
    return span.start > 0 and doc[span.start - 1].lower_ in CORE_TITLES and 2 <= len(span) <= 3 \
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in NOT_PERSON_WORDS | TITLE_WORDS
                for t in span)


def _after_honorific(span: Span) -> bool:
    """'Mr MacFarlane', 'Dr. Walsh', 'Ms Lenz': a name after an honorific is a person, whatever the
    model's label says."""
    doc = span.doc
    first = span[0].lower_ in HONORIFICS
    before = span.start > 0 and doc[span.start - 1].lower_ in HONORIFICS
    rest = span[1:] if first else span
    return (first or before) and len(rest) > 0 and all(t.text[:1].isupper() for t in rest) \
        and not any(t.lower_ in CORPORATE_WORDS for t in rest)


def _names_organisation(span: Span) -> bool:
    """A 'person' that is a company or a band: 'Saturn Corporation', 'electronics retailer Best Buy',
    'the Beatles'."""
    doc = span.doc
    if span[-1].lower_ in CORPORATE_WORDS or len(span) > 1 and any(t.lower_ in MOVEMENT_WORDS for t in span[1:]):
        return True  # 'Muttahida Qaumi Movement-Pakistan', 'Awami League'
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in ORG_NOUNS and prev.pos_ == "NOUN":
        return True
    plural = span[-1].tag_ in ("NNPS", "NNS")
    return prev is not None and prev.lower_ == "the" and plural and span.root.dep_ != "compound"


def _person(span: Span, name_span: Span) -> dict | None:
    """A person named by `name_span` (titles dropped), with the role and affiliation the text gives."""
    words = name_span.text.split()
    titles: list[str] = []
    while words and (words[0].lower() in TITLE_WORDS or words[0].lower() in HONORIFICS):
        titles.append(words.pop(0))
        if len(words) > 2 and words[0] == "of" and words[1].lower() in TITLE_WORDS | PORTFOLIOS:
            titles += [words.pop(0), words.pop(0)]  # 'Superintendent of Police Oniel Thompson': the office's field
    inner = [j for j, w in enumerate(words[:-2]) if w.lower() in CORE_TITLES]
    if inner:
        # 'Jamshedpur boss Owen Coyle', 'Acme CEO Ann Ruiz' as one name: the words up to the title are her office
        titles += words[:inner[-1] + 1]
        words = words[inner[-1] + 1:]
    while len(words) > 1 and words[-1].lower().replace(".", "") in POST_NOMINALS:
        words.pop()  # 'Ed Vaizey MP' is Ed Vaizey
    if not words or all(w.lower() in TITLE_WORDS or w.lower() in OFFICE_PLACES for w in words):
        return None  # 'the City Clerk told Council': an office, which the resolver gives to its holder
    role, affiliation = _title_before(span)
    taken_in = [t for t in titles if t.lower() not in HONORIFICS]
    if role is None and any(t.lower() in CORE_TITLES for t in titles):
        role = " ".join(taken_in)  # the model took the title in
    elif role is not None and taken_in:
        role = " ".join([role, *taken_in])  # 'Chief' + 'Magistrate Ian Weekes': the model took half the title in
    if role is None:
        role, affiliation = _apposition_after(span)
    if role is None:
        role = _office_before(span)
    return _row(span, " ".join(words), "person", role=_role_case(role), affiliation_key=affiliation)


def _apposed_to(span: Span) -> Token:
    """The word a name in apposition is set beside: its head, or the office whose field the parser hung it on
    ('Commissioner of Police, Chidi Okafor,')."""
    head = span.root.head
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        head = head.head.head
    return head


def _office_before(span: Span) -> str | None:
    """The office a name is set beside after it: 'The Member of Parliament for Nsawam, Frank Osei,' and 'The
    national spokesperson of the coalition, Imo Ugochinyere,'."""
    head = _apposed_to(span)
    if span.root.dep_ != "appos" or head.i >= span.start or head.lower_ not in CORE_TITLES:
        return None
    words = [t for t in span.doc[head.left_edge.i:span.start] if not t.is_punct]
    while words and words[0].pos_ == "DET":
        words.pop(0)
    return " ".join(t.text for t in words) or None


def _role_case(role: str | None) -> str | None:
    """'foreign minister' -> 'Foreign Minister'; 'former U.S. President' stays as written."""
    return role.title() if role and role.islower() else role


def _organisation(span: Span) -> dict | None:
    """An organisation; a country's body named without the country; a titled person the model took
    for an organisation ('Spokeswoman Sandy Angers'); a country's government is the country."""
    doc = span.doc
    words = span.text.split()
    lead_title = 0
    while lead_title < len(span) and span[lead_title].lower_ in LEADING_TITLES:
        lead_title += 1
    named = lead_title
    while named < len(span) and span[named].lower_ in TITLE_WORDS:
        named += 1  # 'Secretary General Ban Ki-moon': more of the title; 'Director General Health Services': a body
    if 0 < lead_title and len(span) - lead_title >= 2 and any(t.lower_ in CORE_TITLES for t in span[:lead_title]) \
            and len(span[named:].text.split()) >= 2 and all(t.text[:1].isupper() for t in span[lead_title:]) \
            and not {t.lower_ for t in span[lead_title:]} & NOT_PERSON_WORDS:
        # "Spokeswoman Sandy Angers" tagged as an organisation: a person with a title
        row = _person(span, doc[span.start + lead_title:span.end])
        if row:
            row["role"] = row["role"] or doc[_title_start(span):span.start + lead_title].text
        return row
    if 0 < lead_title == named == len(span) - 1 and any(t.lower_ in CIVIC_TITLES for t in span[:lead_title]) \
            and span[-1].pos_ == "PROPN" and span[-1].text.istitle() and span[-1].lower_ not in NOT_PERSON_WORDS \
            and not country_of(span[-1].text):
        # "Cllr Scott", "Det Snr Const Distefano": a councillor's or an officer's rank before a surname
        return _person(span, span)
    holder = _holder_after_office(span)
    if holder is not None:
        # "District Collector Ravi Menon", "Kisumu County Police Commander Ann Mwangi" as one organisation: the
        # office where the holder serves, then the holder
        row = _person(span, holder)
        if row:
            row["role"] = row["role"] or doc[_title_start(span):holder.start].text
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
        # 'U.S. Air Force': the body, and a mention of the country it belongs to
        country = _row(make_span(doc, span.start, span.start + cut, "GPE"), first[0], "country", _how="name")
        body = make_span(doc, span.start + cut, span.end, span.label_)
        return _row(body, qualify(body.text, first[0]), "organization", affiliation_key=first[0], _extra=[country])
    if owner and is_state_body(span.text):
        return _row(span, qualify(span.text, owner), "organization", affiliation_key=owner)
    return _row(span, span.text, "organization")


def _title_start(span: Span) -> int:
    """Where the title that opens `span` starts, with the capitalised title words the model left outside it:
    'Deputy' of 'Deputy Collector K Venkat Reddy' (a deputy collector is not the collector)."""
    doc, first = span.doc, span.start
    while first > 0 and doc[first - 1].lower_ in TITLE_WORDS and doc[first - 1].text[:1].isupper():
        first -= 1
    return first


def _holder_after_office(span: Span) -> Span | None:
    """The two or three name words that end an organisation's span right after a person's title, when every
    word before the title is capitalised ('District Collector Ravi Menon'); not 'Director General Health
    Services', whose last words are a body's."""
    title = max((t.i for t in span if t.lower_ in CORE_TITLES), default=None)
    if title is None or not 2 <= span.end - title - 1 <= 3:
        return None
    name, office = span.doc[title + 1:span.end], span.doc[span.start:title + 1]
    if not all(t.text[:1].isupper() for t in office):
        return None
    if all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in NOT_PERSON_WORDS | TITLE_WORDS
           and not country_of(t.text) for t in name):
        return name
    return None


def _country_name(tok: Token) -> str | None:
    """The country a token (or the entity it ends) names: 'Turkey', 'Turkish', 'U.S.'."""
    doc = tok.doc
    ent = entity_at(doc, tok.i)
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
        if tok.text in ("-", "–") and words and i > 0 and doc[i - 1].text[:1].isupper() \
                and not tok.whitespace_ and not doc[i - 1].whitespace_:
            words[:0] = [doc[i - 1], tok]  # 'Attorney-General', 'Major-General': one title
            i -= 2
            continue
        if tok.ent_type_ in ("NORP", "GPE", "ORG") and tok.lower_ not in TITLE_WORDS:
            affiliation = _owner(tok)
            ent = entity_at(doc, tok.i)
            start = ent.start if ent is not None else tok.i
            if start > 0 and doc[start - 1].lower_ == "former" and affiliation:
                words = [*doc[start - 1:tok.i + 1], *words]
            break
        # 'Secretary of State Antony Blinken', 'Minister of Finance Bill Morneau': a title's own 'of'
        titled = tok.lower_ in TITLE_WORDS or tok.lower_ == "of" and bool(words) and i > 0 \
            and doc[i - 1].lower_ in CORE_TITLES
        common = tok.is_lower and tok.pos_ in ("NOUN", "ADJ") and words and words[0].lower_ in CORE_TITLES | TITLE_WORDS
        if not (titled or common) or tok.text[:1].isupper() and not titled:
            break
        words.insert(0, tok)
        i -= 1
    words = [w for w in words if w.lower_ not in HONORIFICS]
    if not any(w.lower_ in CORE_TITLES for w in words):
        return None, affiliation
    return "".join(w.text + (" " if w.whitespace_ else "") for w in words).strip(), affiliation


def _owner(tok: Token) -> str | None:
    """The country, or the organisation, named by the entity a token belongs to."""
    country = _country_name(tok)
    if country:
        return country
    ent = entity_at(tok.doc, tok.i)
    if ent is not None and ent.label_ == "ORG":
        stripped = strip_span(ent)
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
    if role[-1].dep_ in ("nsubj", "nsubjpass") and role[-1].head.i != span.root.i:
        return None, None  # 'Stopping Dr Vella, the magistrate said': another person, the sentence's subject
    if i + 1 < len(doc) and doc[i].lower_ in ("of", "at", "for") and affiliation is None:
        j = i + 1
        if doc[j].lower_ == "the" and j + 1 < len(doc):
            j += 1
        if doc[j].ent_type_ in ("GPE", "NORP", "ORG"):
            affiliation = _owner(doc[j])
    return " ".join(t.text for t in role), affiliation


def _untagged_speakers(doc: Doc, rows: list[dict], sent_ids: Sequence[int], speech_verbs: list[int]) -> list[dict]:
    """People the model did not tag who speak: a name of capitalised words right before
    a speech verb or as its subject ('... Commissioner for Competition Neelie Kroes said'). A single
    word is taken only when it is the surname of someone named in full, whatever the tagger made of it
    ('Ugochinyere said', read as an adverb); other single words are left to the surname rules."""
    covered = {i for r in rows for i in range(r["start"], r["end"])}
    # words of the organisations the article names: 'Apple Computer announced' is the company
    org_words = {w for r in rows if r["kind"] != "person" for w in (fold(r["text"]), *fold(r["key"]).split())}
    # the surnames of the people named in full: 'Ugochinyere said', untagged, after 'Imo Ugochinyere'
    surnames = {r["key"].split()[-1] for r in rows if r["kind"] == "person" and len(r["key"].split()) > 1}
    found = _untagged_beside_an_office(doc, covered, sent_ids)
    for i in speech_verbs:
        verb = doc[i]
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
        if verb.i > 0 and (doc[verb.i - 1].pos_ == "PROPN" or doc[verb.i - 1].text in surnames):
            subjects.append(doc[verb.i - 1])
        for last in subjects:
            first = last.i
            while first > 0 and last.i - first < 1 and _name_word(doc[first - 1]):
                first -= 1
            span = doc[first:last.i + 1]
            # a surname named in full before, or a first name alone ('a worker we'll call "Ana" ... Ana said')
            known = len(span) == 1 and (span.text in surnames or is_common_first_name(span.text)) and not last.ent_type_
            if len(span) < 2 and not known:
                continue
            if not (known or all(_name_word(t) for t in span)) or any(t.idx in covered for t in span) \
                    or any(fold(t.text) in org_words for t in span):
                continue
            if first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].ent_type_:
                continue  # the end of a name the model tagged ('Apple Computer')
            if last.i + 1 < len(doc) and doc[last.i + 1].lower_ == "of" and not (
                    len(span) > 1 and is_common_first_name(span[0].text)):
                # a body's name that goes on ('Fraternal Order of Police'), not a person and where they are
                # from ('Clare Hayes of the South End said')
                continue
            row = _person(span, span)
            if row is not None:
                found.append({**row, "label": "SPEAKER", "sentence_id": sent_ids[span.start]})
                covered |= {t.idx for t in span}
    return found


def _untagged_beside_an_office(doc: Doc, covered: set[int], sent_ids: Sequence[int]) -> list[dict]:
    """The untagged names set beside an office that speaks ('The national spokesperson of the coalition, Imo
    Ugochinyere, said this') or hung on its 'of' ('Deputy Superintendent of Police Oniel Thompson said'),
    whatever part of speech the tagger gave their words; and beside an office that does something else, when the
    name's last word speaks on its own ('Commissioner of Environment Tokunbo Wahab made the apology ... Wahab
    said'). `covered` grows."""
    out = []
    subjects = [c for i in positions_of(doc, SPEECH_VERBS, attr=LEMMA) for c in doc[i].children if c.dep_ == "nsubj"]
    offices = [c for c in subjects if c.lower_ in CORE_TITLES]
    surnames = {c.text for c in subjects if c.pos_ == "PROPN" and c.text.istitle()}
    acting = [doc[i] for i in positions_of(doc, OFFICE_WORDS, attr=LOWER)] if surnames else []
    offices += [o for o in acting if o not in offices and o.dep_ != "compound"]
    for office in offices:
        spoken = office in subjects
        fields = [g for c in office.children if c.dep_ == "prep" and c.lower_ in ("of", "for") for g in c.children
                  if g.dep_ == "pobj" and g.pos_ == "PROPN" and (spoken and c.lower_ == "of" or g.text in surnames)]
        for name in [c for c in office.children if c.dep_ == "appos" and c.i > office.i
                     and (spoken or c.text in surnames)] + fields:
            first = name.left_edge.i
            while first < name.i and (doc[first].lower_ in TITLE_WORDS or doc[first].lower_ in PORTFOLIOS):
                first += 1  # 'Superintendent of Police Oniel Thompson': the office's field, then the name
            if not spoken:
                # the surname and the given name before it, whatever the parser hung it on: the words before them
                # may be the office's field ('Commissioner for Works and Infrastructure Adeola Odedina')
                first = name.i - 1 if name.i - 1 > office.i + 1 else name.i
            span = doc[first:name.i + 1]
            if 2 <= len(span) <= 3 and all(t.is_alpha and t.text.istitle() and not t.ent_type_ and t.idx not in covered
                                           and t.lower_ not in NOT_PERSON_WORDS | TITLE_WORDS for t in span):
                row = _person(span, span)
                if row is not None:
                    out.append({**row, "role": row["role"] or office.text, "label": "SPEAKER",
                                "sentence_id": sent_ids[span.start]})
                    covered |= {t.idx for t in span}
    return out


def _untagged_by_first_name(doc: Doc, covered: set[int], sent_ids: Sequence[int], skip: int | None) -> list[dict]:
    """Names the model tagged as nothing that begin with a first name nearly always given to one gender
    ('Marcus Reed has signed ...'): a person, so that 'the 27-year-old' and 'he' after it find him. Not a
    place or body named for someone ('Grace Church', 'Victoria Station'), not a word of a longer name,
    and not in a headline written in title case (`skip`). `covered` grows."""
    out = []
    for i in _untagged_name_starts(doc):
        if sent_ids[i] == skip or doc[i].idx in covered or not is_common_first_name(doc[i].text):
            continue
        end = i + 1
        while end < len(doc) and end - i < 3 and _name_word(doc[end]) and sent_ids[end] == sent_ids[i]:
            end += 1
            if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_ and _name_word(doc[end + 1]):
                end += 2  # a double-barrelled surname: 'Billy Lines-Rowlans'
        titled = i > 0 and (doc[i - 1].lower_ in TITLE_WORDS or doc[i - 1].lower_ in HONORIFICS)
        span = doc[i - 1 if titled else i:end]  # with its title: 'Clr Billy Lines-Rowlans'
        after = doc[end] if end < len(doc) else None
        if end - i < 2 or any(t.idx in covered or t.lower_ in ORGANISATION_WORDS | FACILITY_NOUNS for t in span
                                if t.text != "-") \
                or after is not None and (after.lower_ in ("of", "-") or after.pos_ == "PROPN"
                                          or after.lower_ in ORGANISATION_WORDS | FACILITY_NOUNS) \
                or i > 0 and doc[i - 1].pos_ == "PROPN" and not titled:
            continue
        row = _person(span, span)
        if row is not None:
            out.append({**row, "label": "PERSON", "sentence_id": sent_ids[i]})
            covered |= {t.idx for t in span}
    return out


def _untagged_name_starts(doc: Doc) -> list[int]:
    """Tokens that may begin a name the model missed: proper nouns outside every entity, or at the start of
    one the model took for a work, product, event or law ('Hugo Broos rued ...' tagged a work of art),
    capitalised."""
    if len(doc) == 0:
        return []
    arr = doc.to_array([POS, ENT_TYPE, ENT_IOB])
    misread = among(arr[:, 1], _MISREAD_SYMBOLS) & (arr[:, 2] == 3)  # 3: the first token of an entity
    starts = np.flatnonzero((arr[:, 0] == PROPN) & ((arr[:, 1] == 0) | misread)).tolist()
    return [i for i in starts if _name_word(doc[i])]


# Entity labels the model gives some people's names by mistake: a person is never a work, product, event or law.
MISREAD_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
# their ids as the parse stores them: spaCy's own symbols, not string hashes
_MISREAD_SYMBOLS = np.sort(np.array([WORK_OF_ART, PRODUCT, EVENT, LAW], dtype=np.uint64))
# Marks that set a nickname off after a full name.
NICKNAME_MARKS = frozenset({"'", "‘", "’", '"', "“", "”"})


def _nicknames(doc: Doc, rows: list[dict]) -> None:
    """'JD(U) president Rajiv Ranjan Singh 'Lalan', who ...': one word in quotation marks right after a
    person's full name is what the story then calls them ('said Lalan'); its mentions become that person's
    (rows changed in place)."""
    starts = {doc[i].idx: i for i in positions_of(doc, NICKNAME_MARKS)}
    if not starts:
        return
    by_nickname: dict[str, dict] = {}
    for r in rows:
        mark = starts.get(r["end"] + 1) if r["kind"] == "person" and " " in r["key"] else None
        if mark is not None and mark + 2 < len(doc) and doc[mark + 2].text in NICKNAME_MARKS:
            word = doc[mark + 1]
            if word.is_alpha and word.text[:1].isupper() and word.text[1:].islower():
                by_nickname.setdefault(word.text, r)
    for r in rows:
        full = by_nickname.get(r["text"])
        if full is not None and r is not full and r["kind"] != "country":
            r.update(key=full["key"], kind="person", role=full["role"], affiliation_key=full["affiliation_key"])


def _lowercase_state_bodies(doc: Doc, covered: set[int], sent_ids: Sequence[int]) -> list[dict]:
    """A country's ministry written in lower case, which the model tags as nothing: 'Russia's foreign
    ministry said', 'the French economy ministry'. It is that country's body, as 'Turkey's Defense
    Ministry' is, not the country itself."""
    out = []
    for i in positions_of(doc, ("ministry", "department")):
        first = i
        # its field, in lower case: 'foreign', 'commerce', 'external affairs', 'emergencies'
        while first > 0 and doc[first - 1].is_lower and doc[first - 1].is_alpha \
                and doc[first - 1].pos_ in ("NOUN", "ADJ", "PROPN") and first <= doc[first - 1].head.i <= i:
            first -= 1
        if first == i or any(doc[k].idx in covered for k in range(first, i + 1)):
            continue
        before = doc[first - 1] if first > 0 else None
        if before is not None and before.text in POSSESSIVES and first >= 2:
            owner = _country_name(doc[first - 2])
        elif before is not None and before.ent_type_ == "NORP":
            owner = _country_name(before)
        else:
            owner = None
        if owner:
            span = make_span(doc, first, i + 1, "ORG")
            name = " ".join(t.text.capitalize() for t in span)
            out.append({**_row(span, qualify(name, owner), "organization", affiliation_key=owner),
                        "sentence_id": sent_ids[first]})
    return out


def _speech_verbs(doc: Doc) -> list[int]:
    """Indices of the verbs whose lemma is a speech verb ('said', 'warns'); one that reports only a
    clause counts only with one ('posted a gain' is no speech)."""
    if len(doc) == 0:
        return []
    verbs = doc.to_array(POS) == VERB
    return [i for i in positions_of(doc, SPEECH_VERBS, attr=LEMMA) if verbs[i]
            and (doc[i].lemma_ not in CLAUSE_ONLY or not any(c.dep_ == "dobj" for c in doc[i].children))]


def _name_word(tok: Token) -> bool:
    """A word shaped like a person's name, untagged: 'Neelie', not 'IBM', 'Competition' or 'Minister'."""
    text = tok.text
    return (tok.pos_ == "PROPN" and (not tok.ent_type_ or tok.ent_type_ in MISREAD_LABELS) and text.isalpha()
            and text[0].isupper()
            and text[1:].islower() and len(text) > 1 and tok.lower_ not in TITLE_WORDS
            and tok.lower_ not in ORG_NOUNS and tok.lower_ not in CORPORATE_WORDS and not country_of(text))


def _acronym_definitions(doc: Doc, rows: list[dict]) -> dict[str, str]:
    """'the International Court of Justice (ICJ)': ICJ -> the name right before the bracket."""
    brackets = [i for i in positions_of(doc, ("(",)) if 0 < i < len(doc) - 1]
    if not brackets:
        return {}
    ends = {doc.char_span(r["start"], r["end"], alignment_mode="expand").end: r for r in rows}
    out = {}
    for i in brackets:
        tok = doc[i]
        if is_acronym(doc[tok.i + 1].text) and doc[tok.i + 2:tok.i + 3].text == ")":
            before = ends.get(tok.i)
            if before is not None and before["kind"] in ("organization", "country", "group"):
                out[doc[tok.i + 1].text] = before["text"]
    return out


MAX_TITLE_WORDS = 5


def _title_acronyms(doc: Doc, rows: list[dict]) -> None:
    """'Chief Election Commissioner (CEC) Muhammad Raza Khan': the letters stand for his office, and so for
    him wherever the story writes them ('said the CEC'); he holds the office (rows changed in place)."""
    starts = {r["start"]: r for r in rows if r["kind"] == "person"}
    offices: dict[str, dict] = {}
    for i in positions_of(doc, ("(",)):
        if not (0 < i and i + 3 < len(doc) and is_acronym(doc[i + 1].text) and doc[i + 2].text == ")"):
            continue
        holder = starts.get(doc[i + 3].idx)
        first = i
        while first > 0 and i - first < MAX_TITLE_WORDS and doc[first - 1].is_alpha \
                and doc[first - 1].text[:1].isupper() and not doc[first - 1].ent_type_:
            first -= 1  # the office's words, its field among them ('Chief Election Commissioner')
        if holder is None or doc[i - 1].lower_ not in CORE_TITLES:
            continue
        holder["role"] = holder["role"] or doc[first:i].text
        offices[doc[i + 1].text] = holder
    for r in rows:
        holder = offices.get(r["text"])
        if holder is not None and r is not holder:
            r.update(key=holder["key"], kind="person", role=holder["role"], affiliation_key=holder["affiliation_key"])


def _untagged_acronyms(doc: Doc, rows: list[dict], sent_ids: Sequence[int]) -> list[dict]:
    """Uses of an organisation's acronym that the model tagged in one place and not in another."""
    by_acronym = {r["text"]: r for r in rows if is_acronym(r["text"]) and r["kind"] == "organization"}
    if not by_acronym:
        return []
    taken = [(r["start"], r["end"]) for r in rows]
    out = []
    for i in positions_of(doc, tuple(by_acronym)):
        tok = doc[i]
        r = by_acronym[tok.text]
        if not any(s <= tok.idx < e for s, e in taken):
            out.append({**r, "start": tok.idx, "end": tok.idx + len(tok.text), "sentence_id": sent_ids[tok.i],
                        "label": "ACRONYM"})
    return out


def _headline_mentions(headline: Span, known: dict[str, dict], sid: int) -> list[dict]:
    """In a title-case headline the model's entities are unreliable ('Israel Hold', 'Prevent Syria
    Escalation'): keep the longest runs of words that name a country or an actor the body names."""
    doc = headline.doc
    out = []
    i = headline.start
    while i < headline.end:
        for j in range(min(headline.end, i + 6), i, -1):
            piece = doc[i:j]
            if not piece.text[:1].isupper():
                continue
            hit = known.get(fold(piece.text))
            country = country_of(piece.text)
            if hit or country and country[1] != "people":
                key, kind = (hit["key"], hit["kind"]) if hit else (country[0], "country")
                out.append({"sentence_id": sid, "start": piece.start_char, "end": piece.end_char, "text": piece.text,
                            "label": piece[0].ent_type_ or "HEADLINE", "key": key, "kind": kind,
                            "role": hit.get("role") if hit else None,
                            "affiliation_key": hit.get("affiliation_key") if hit else None})
                i = j
                break
        else:
            i += 1
    return out
