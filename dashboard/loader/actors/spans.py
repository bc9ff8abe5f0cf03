"""Which of the model's entities can name an actor, and where each name really starts and ends.

The trained model's entities are repaired here before they are classified (actors.py): a name the
model stopped too early is extended ('Federal Service' + 'for the Financial Markets'), one it ran
on too far is cut ('Adam Air Flight 574' names the airline Adam Air), and names that are never
actors are dropped: scare quotes, market indexes, products and model numbers, events, units.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dashboard.loader.actors.first_names import gender_of_first_name
from dashboard.loader.actors.names import (
    CORE_TITLES, INSTITUTION_HEADS, KIN, NAME_PARTICLES, NOT_PERSON_WORDS, PORTFOLIOS, TITLE_WORDS, initials,
    is_acronym, is_event_name,
)
from dashboard.loader.actors.gazetteer import country_of, non_actor

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# Entity types a name may run on into: 'Bank' + 'of England', not 'Office' + 'on June'.
NAME_PARTS = {"", "ORG", "GPE", "LOC", "NORP", "FAC", "PERSON"}
QUOTE_CHARS = "\"“”‘’'«»"
OPENING_QUOTES = ("“", '"', "‘")
CLOSING_QUOTES = ("”", '"', "’", ".”", ",”")
POSSESSIVES = ("'s", "’s", "'", "’")
# Legal forms the model sometimes leaves outside a company's name ('Chrysler' + 'LLC').
SPLIT_LEGAL_FORMS = {"inc", "corp", "llc", "ltd", "plc", "ag", "nv", "sa", "spa", "gmbh"}
# Job titles the model sometimes takes into a company's name ('Boeing Executive', 'Apple CEO').
TRAILING_TITLES = {"executive", "executives", "ceo", "c.e.o.", "cfo", "coo", "president", "vice", "chairman",
                   "chairwoman", "spokesman", "spokeswoman", "spokesperson", "chief", "director", "founder"}
# Words that make a place's name another place's: 'South Sydney', 'West Lothian'.
DIRECTIONS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper",
              "lower", "greater", "inner", "outer", "northeast", "northwest", "southeast", "southwest"}
CODE = re.compile(r"[A-Z]{0,3}-?\d{3,}[A-Za-z0-9-]*|\d+x\d+|\d{2,4}s?")  # A380, 747, 737-800, 320x240
YEAR = re.compile(r"(19|20)\d\d")
NUMBER = re.compile(r"\d+")


def candidate_spans(doc: Doc) -> list[Span]:
    """The model's entities that may name an actor, each cut or extended to the name's true extent."""
    out: list[Span] = []
    skip_until = -1
    common: set[str] | None = None
    for ent in doc.ents:
        if ent.start < skip_until:
            continue
        if ent.label_ not in ENTITY_LABELS:
            if not _titled_person(ent):
                continue
            ent = make_span(doc, ent.start, ent.end, "PERSON")
        ent = _holder_beside_an_office(ent) or ent if ent.label_ != "PERSON" else _before_a_particle(ent)
        span = _extend(ent)
        skip_until = span.end
        span = _cut_flight(span)
        if span is None or span.end == ent.end and _followed_by_model(ent) or is_quoted(ent):
            continue
        span = strip_span(span)
        if span is None or not may_name_actor(span):
            continue
        if len(span) == 1 and span[0].is_sent_start and span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN":
            if common is None:
                common = {t.text for t in doc if t.is_lower and t.pos_ == "NOUN" and not t.is_sent_start}
            if span[0].lower_ in common:
                continue  # 'Hospital officials said ... the hospital': a common noun a sentence capitalised
        out.append(span)
    return out


def _titled_person(ent: Span) -> bool:
    """'Chair Jerome Powell' taken for a work of art, 'Mayor Ines Calder' with only the name taken for a product:
    a person's title before two or more capitalised proper nouns is a titled person, whatever other label
    the model gave."""
    k = 0
    while k < len(ent) and ent[k].lower_ in TITLE_WORDS:
        k += 1
    if 0 < k < len(ent) - 1 and ent[k].lower_ == "of":
        k += 1  # 'Superintendent of Police Oniel Thompson': the office's own 'of' and its field
        while k < len(ent) and (ent[k].lower_ in TITLE_WORDS or ent[k].lower_ in PORTFOLIOS):
            k += 1
    rest = ent[k:]
    titled = any(t.lower_ in CORE_TITLES for t in ent[:k]) if k else \
        ent.start > 0 and ent.doc[ent.start - 1].lower_ in CORE_TITLES
    return titled and len(rest) >= 2 and (k > 0 or len(rest) <= 3) and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in TITLE_WORDS for t in rest)


def _holder_beside_an_office(ent: Span) -> Span | None:
    """'Nigeria's Minister of State for Education, Emeka Okoro, has said': a name of two or three capitalised
    words set beside a person's office, which the model typed a place, or of which it typed only the last a place
    or a body, is a person."""
    doc = ent.doc
    if len(ent) > 3 or not all(t.pos_ == "PROPN" and t.text.istitle() for t in ent) or country_of(ent.text) \
            or len(ent) > 1 and ent.label_ not in ("GPE", "LOC"):
        return None
    start = ent.start
    while start > max(ent.start - 2, 0):
        before = doc[start - 1]
        if before.ent_type_ or before.pos_ != "PROPN" or not before.text.istitle() or before.head.i != ent.start \
                or before.dep_ != "compound" or before.lower_ in TITLE_WORDS or before.lower_ in NOT_PERSON_WORDS:
            break
        start -= 1
    if start + 1 == ent.end:
        return None  # one word alone is as likely a place named beside the office
    root = ent.root
    office = root.head
    if root.dep_ == "appos" and office.dep_ == "pobj" and office.head.lower_ == "of":
        office = office.head.head  # 'Commissioner of Police, Chidi Okafor,': hung on the office's field
    beside = root.dep_ == "appos" and office.i < start and office.lower_ in CORE_TITLES or any(
        c.dep_ == "appos" and c.i > root.i and c.lower_ in CORE_TITLES for c in root.children)
    return make_span(doc, start, ent.end, "PERSON") if beside else None


def _before_a_particle(ent: Span) -> Span:
    """'Talal bin Saif al Hosni', 'Ludwig van Beethoven': a person's name the model began at a lower-case particle
    goes on back over the capitalised given names before it, which the parser hung on the same name."""
    doc = ent.doc
    if not ent[0].is_lower or ent[0].lower_ not in NAME_PARTICLES:
        return ent
    start = ent.start
    while start > max(ent.start - 4, 0):
        before = doc[start - 1]
        particle = before.lower_ in NAME_PARTICLES and before.is_lower
        if before.pos_ != "PROPN" or not (before.text.istitle() or particle) or before.ent_type_ \
                or before.dep_ != "compound" or not ent.start <= before.head.i < ent.end:
            break
        start -= 1
    while start < ent.start and doc[start].is_lower:
        start += 1  # a name begins with a capital: 'Hamid bin Salem al Harthy'
    return make_span(doc, start, ent.end, ent.label_) if start < ent.start else ent


def make_span(doc: Doc, start: int, end: int, label: str) -> Span:
    return Span(doc, start, end, label=label)


def _extend(ent: Span) -> Span:
    """'Chrysler' + 'LLC'; 'Federal Service' + 'for the Financial Markets'; 'European Aeronautic
    Defence' + 'and Space Company' when '(EADS)' follows: the model stops names too early."""
    doc = ent.doc
    end = ent.end
    if ent.label_ in ("GPE", "LOC") and ent.start > 0 and country_of(ent.text) is None:
        before = doc[ent.start - 1]
        if before.lower_ in DIRECTIONS and before.text[:1].isupper() and before.dep_ in ("compound", "amod") \
                and ent.start <= before.head.i < ent.end:
            return make_span(doc, ent.start - 1, ent.end, ent.label_)  # 'South Sydney' is another place
    if ent.label_ == "PERSON" and _hyphen_part(doc, end):
        while _hyphen_part(doc, end):
            end += 2  # 'Au Nok-hin', 'Prayut Chan-o-cha': a name joined by hyphens
        return make_span(doc, ent.start, end, ent.label_)
    if ent.label_ == "PERSON":
        k = _particle_surname_end(ent)
        if k > end:
            return make_span(doc, ent.start, k, ent.label_)  # 'Bato' + 'dela Rosa': one name the model cut in two
    if ent.label_ != "ORG":
        return ent
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_.replace(".", "") in SPLIT_LEGAL_FORMS:
        end += 1
    if doc[end - 1].lower_ in INSTITUTION_HEADS and end + 1 < len(doc) and doc[end].lower_ in ("of", "for", "on"):
        j = end + 1 + (doc[end + 1].lower_ == "the")
        k = _capitalised_run(doc, j, connectors=("and", "&", "of"))
        end = k if k > j else end
    k = _capitalised_run(doc, end, connectors=("and", "&", "of", "for"), limit=5)
    if k > end and k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")" and is_acronym(doc[k + 1].text):
        if initials(doc[ent.start:k].text).startswith(doc[k + 1].text.replace(".", "")):
            end = k
    return make_span(doc, ent.start, end, ent.label_) if end != ent.end else ent


def _particle_surname_end(ent: Span) -> int:
    """End of the surname a person's name goes on into after a lower-case particle ('Bato dela Rosa', 'Ana
    de la Cruz'): the capitalised word after the particles, on which the parser hung the name before it, and
    the rest of its entity; `ent.end` when no such surname follows."""
    doc = ent.doc
    k = ent.end
    while k < len(doc) and k < ent.end + 2 and doc[k].is_lower and doc[k].lower_ in NAME_PARTICLES:
        k += 1
    if k == ent.end or k >= len(doc):
        return ent.end
    surname = doc[k]
    if not (surname.pos_ == "PROPN" and surname.text.istitle() and ent.root.head.i == surname.i
            and surname.ent_type_ in ("", "PERSON")):
        return ent.end
    end = k + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON":
        end += 1
    return end


def _capitalised_run(doc: Doc, i: int, *, connectors: tuple[str, ...], limit: int = 12) -> int:
    """End of the run of capitalised words (and connectors between them) that starts at token i."""
    k = i
    while k < len(doc) and k < i + limit and doc[k].ent_type_ in NAME_PARTS and (
            doc[k].text[:1].isupper() and doc[k].is_alpha
            or doc[k].lower_ in connectors and k + 1 < len(doc) and doc[k + 1].text[:1].isupper()):
        k += 1
    return k


def _cut_flight(span: Span) -> Span | None:
    """'Adam Air Flight 574' names the airline Adam Air inside the name of a flight."""
    for tok in span[1:]:
        if tok.text == "Flight":
            return make_span(span.doc, span.start, tok.i, "ORG")
    return None if span[0].text == "Flight" else span


def _followed_by_model(ent: Span) -> bool:
    """'Airbus A380', 'Boeing's 787', 'FTSE 100': a maker inside a product's name, or an index."""
    doc = ent.doc
    j = ent.end + (ent.end < len(doc) and doc[ent.end].text in POSSESSIVES)
    if j >= len(doc) or doc[j].ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"):
        return False
    return bool(CODE.fullmatch(doc[j].text)) and not YEAR.fullmatch(doc[j].text)


def _hyphen_part(doc: Doc, i: int) -> bool:
    """Whether token `i` is a hyphen that joins a lower-case part to the word before it, with no space on
    either side: the '-hin' of 'Au Nok-hin', the '-chung' of 'Leung Yiu-chung', each of 'Chan-o-cha'."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and (doc[i - 1].text[:1].isupper()
             or doc[i - 1].is_lower and doc[i - 1].ent_type_ == "PERSON" and _hyphen_part(doc, i - 2)) \
        and doc[i + 1].is_alpha and doc[i + 1].is_lower


def strip_span(span: Span) -> Span | None:
    """Drop a leading article, trailing possessives, lowercase words, job titles, punctuation and
    white space; cut a name at an inner possessive ('Apple’s C.E.O.' names Apple, 'Maria Lopez's Dad'
    Maria Lopez, "Sky's Kay Burley" Kay Burley)."""
    doc = span.doc
    start, end, label = span.start, span.end, span.label_
    # a name never runs across a line break: 'Floods\n\nThe Department of Hydrology' is the department
    breaks = [t.i for t in span if "\n" in t.text or "\n" in t.whitespace_]
    if breaks and breaks[-1] + 1 < end:
        start = breaks[-1] + 1
    elif breaks:
        end = breaks[0] + 1
    while start < end:
        tok = doc[start]
        # ('Please Arriva, hold back': a word said to someone before their name)
        if not (tok.lower_ in ("the", "a", "an", "please", "dear") or tok.pos_ == "INTJ" or tok.text in QUOTE_CHARS
                or tok.is_punct or tok.is_space):
            break
        start += 1
    if end - start >= 2 and doc[start].tag_ == "MD" and end < len(doc) and doc[end].tag_ == "VB":
        start += 1  # 'Will Chan apologise?': a headline's question, the name after its modal
    for i in range(start + 1, end - 1):
        if doc[i].text not in ("'s", "’s"):
            continue
        rest = doc[i + 1:end]
        if all(t.lower_ in TITLE_WORDS or t.lower_ in KIN or t.is_lower for t in rest):
            end = i
        elif (span.label_ == "PERSON" or gender_of_first_name(rest[0].text)) and len(rest) >= 2 and all(
                t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest):
            # "Sky's Kay Burley": the person, whose outlet comes before; "Ontario’s Doug Ford", which the model
            # typed an organisation, as well
            start, label = i + 1, "PERSON"
        break
    opened = [k for k in range(start, end) if doc[k].text == "("]
    if opened and not any(doc[k].text == ")" for k in range(opened[-1], end)):
        end = opened[-1]  # 'Movement for Democratic Change (MDC': the name, without the letters it opens
    org = label == "ORG"
    while end > start + 1:
        tok = doc[end - 1]
        if end - 3 > start and _hyphen_part(doc, end - 2):
            break  # 'Leung Yiu-chung': the last part of a hyphenated given name
        if not (tok.text in POSSESSIVES or tok.is_space or tok.is_lower or tok.is_punct and tok.text != "."
                or org and tok.lower_ in TRAILING_TITLES):
            break
        end -= 1  # 'United Auto Workers union', 'Boeing Executive'
    if doc[start:end].text in POSSESSIVES or doc[start].is_punct:
        return None
    return make_span(doc, start, end, label)


def may_name_actor(span: Span) -> bool:
    """False for names that are never actors: indexes, currencies, time zones, well-known products,
    model numbers, units after a number, events ('... Conference'), bare numbers."""
    doc = span.doc
    text = span.text
    if not (text[:1].isupper() or text[:1].isdigit()):
        return False
    if not any(sum(map(str.isalpha, t.text)) >= 2 for t in span):
        return False
    if non_actor(text) or span.start > 0 and non_actor(f"{doc[span.start - 1].text} {text}"):
        return False
    # span[i:].text for each i > 0, cut from the text already made
    tails = [text[tok.idx - span.start_char:] for tok in span[1:]]
    if any(non_actor(t) == "product" for t in tails):
        return False  # 'Apple Macintosh': a maker's name on its product
    if len(span) > 1 and country_of(span[0].text) and non_actor(tails[0]):
        return False  # 'Brazilian Bovespa'
    last = span[-1].text
    if (len(span) > 1 and NUMBER.fullmatch(last) or CODE.fullmatch(last)) and not YEAR.fullmatch(last):
        return False
    if len(span) == 1 and span.start > 0 and doc[span.start - 1].like_num and text.isupper() and len(text) <= 3:
        return False  # a unit: '80 GB'
    return not is_event_name(text)


def is_quoted(span: Span) -> bool:
    """A scare-quoted phrase ('the “Butcher of Gaza.”') names no actor."""
    doc = span.doc
    text = span.text
    if '"' in text or "“" in text or "”" in text:
        return True
    before = doc[span.start - 1].text if span.start > 0 else ""
    before2 = doc[span.start - 2].text if span.start > 1 else ""
    if not (before in OPENING_QUOTES or (before.lower() == "the" and before2 in OPENING_QUOTES)):
        return False
    after = [t.text for t in doc[span.end:span.end + 2]]
    return bool(after) and (after[0] in CLOSING_QUOTES or after[0] in ".,!?" and after[1:] != []
                            and after[1] in CLOSING_QUOTES)


def is_title_case_headline(sent: Span) -> bool:
    """'Turkey and Israel Hold First Talks in Azerbaijan': most long words capitalised."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) / len(words) > 0.7
