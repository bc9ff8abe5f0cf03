"""Names the entity model got wrong that the article itself shows to be actors or not: the subject of a
speech verb speaks, so it is an organisation or a person, never a place ('Cisco states that ...',
'Network Rail said ...'); a dateline, a title's subject word ('Education Minister') and a building
named for someone ('the Warren Truck plant') name no actor."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dashboard.loader.actors.first_names import is_common_first_name
from dashboard.loader.actors.names import CORE_TITLES, CORPORATE_WORDS, ORG_NOUNS, PARTISANS_AND_NATIONALS, TITLE_WORDS
from dashboard.loader.quotes.cues import SPEECH_VERBS

# Words that end an organisation's name and are never a person's: 'Network Rail', 'Acme Holdings'.
ORGANISATION_WORDS = ORG_NOUNS | CORPORATE_WORDS | {
    "rail", "railway", "railways", "transit", "police", "service", "services", "council", "commission", "board",
    "authority", "foundation", "society", "association", "federation", "coalition", "alliance", "partnership",
}


# Nouns for buildings and works that take a name before them: 'the Warren Truck plant'.
FACILITY_NOUNS = frozenset({"plant", "factory", "mill", "mine", "refinery", "airport", "station", "hospital",
                            "school", "bridge", "stadium", "arena", "tower", "building", "centre", "center",
                            "highway", "expressway", "dam", "pipeline", "terminal", "port", "campus", "library"})


def names_a_facility(span: Span) -> bool:
    """Whether a name only modifies a building's noun after it: 'the Warren Truck plant'."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.lower_ in FACILITY_NOUNS and span.root.head.i == after.i


def speaks(span: Span) -> bool:
    """Whether a name is the subject of a speech verb: 'Cisco states that', 'said Cisco'."""
    root = span.root
    head = root.head
    return root.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_ in SPEECH_VERBS


def title_subject(span: Span) -> bool:
    """A single title word the model tagged as a name, inside a person's title: 'Education' in 'Education
    Minister Rachna Singh', 'State' in 'Secretary of State Antony Blinken'."""
    if len(span) != 1 or span[0].lower_ not in TITLE_WORDS:
        return False
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in CORE_TITLES:
        return True
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in CORE_TITLES


def untagged_organisations(doc: Doc, covered: set[int], speech_verbs: list[int]) -> list[Span]:
    """Capitalised names the model left untagged that speak and end in an organisation's word
    ('Network Rail said', 'Acme Holdings announced'), or that stand beside an organisation's noun that
    speaks ('The developer, Seawall, said'), or that are one word on their own ('Nasdaq says').
    `covered`: character offsets already in a mention; `speech_verbs`: the token indices of the article's
    speech verbs."""
    found: list[Span] = []
    for i in speech_verbs:
        for subject in (c for c in doc[i].children if c.dep_ == "nsubj"):
            if subject.pos_ == "PROPN":
                name, beside = subject, False
            elif _brand_case(subject) and any(c.dep_ == "compound" and c.lower_ in ORG_NOUNS for c in subject.children):
                # 'airline easyJet has predicted': a brand written in its own case, after its kind of business
                found.append(Span(doc, subject.i, subject.i + 1, label="ORG"))
                continue
            elif subject.lower_ in ORG_NOUNS:
                name = next((c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
                beside = True
            else:
                continue
            if name is None:
                continue
            first = name.i
            while first > 0 and _plain_name_word(doc[first - 1]) and first <= doc[first - 1].head.i <= name.i:
                first -= 1  # the words of the name, each hung on a later one ('Amalgamated Transit Union')
            start = first
            if first >= 2 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_ \
                    and not doc[first - 2].whitespace_ and doc[first - 2].text.isupper():
                start = first - 2  # 'The MQM-P had claimed': the letters after the hyphen end an acronym
            end = name.i + 1
            while end < len(doc) and doc[end].like_num and doc[end].head.i == name.i:
                end += 1  # 'Amalgamated Transit Union Local 1505'
            words = doc[first:name.i + 1]
            organisation = len(words) >= 2 and any(t.lower_ in ORGANISATION_WORDS for t in words) \
                and not any(t.lower_ in TITLE_WORDS for t in words)
            # one word that speaks and is nobody's surname here ('Nasdaq, meanwhile, says'): a person named
            # by surname alone is the person the article names in full (keys.py makes it so)
            alone = len(words) == 1 and end == name.i + 1 and name.tag_ == "NNP" \
                and name.lower_ not in TITLE_WORDS | ORGANISATION_WORDS | PARTISANS_AND_NATIONALS \
                and not is_common_first_name(name.text) \
                and name.i + 1 < len(doc) and not _plain_name_word(doc[name.i + 1]) \
                and (name.i == 0 or doc[name.i - 1].pos_ != "PROPN") \
                and not any(c.dep_ == "prep" for c in name.children)  # 'Department of ...' goes on
            if (beside or organisation or alone) and all(_plain_name_word(t) for t in words) \
                    and not any(t.idx in covered for t in doc[start:end]):
                found.append(Span(doc, start, end, label="ORG"))
    return found


def _brand_case(tok: Token) -> bool:
    """A word written as brands are, small letter first and a capital inside: 'easyJet', 'eBay'."""
    text = tok.text
    return text.isalpha() and text[:1].islower() and any(c.isupper() for c in text[1:]) and not tok.ent_type_


def _plain_name_word(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and not tok.ent_type_ and tok.text[:1].isupper() and tok.text.isalpha()
