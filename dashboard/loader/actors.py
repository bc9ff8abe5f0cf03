"""Actors from named entities: cleaning, repairing the model's usual news errors, naming, kinds.

`find_mentions` works on one parsed article and returns its actor mentions, each with a `key`: the
canonical name of the actor it stands for within the article. `merge_actors` (in briefing assembly)
joins keys across articles.
"""
from __future__ import annotations

import re

import pandas as pd
from spacy.tokens import Doc, Span

from .gazetteer import country_of, demonym_of, fold

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
QUOTE_CHARS = "\"“”‘’'«»"
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Words that stand before a name as a title, not part of it ("Foreign Minister Hakan Fidan").
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "foreign", "defense", "defence", "interior", "finance",
    "secretary", "general", "chancellor", "king", "queen", "prince", "princess", "sheikh", "emir",
    "ambassador", "senator", "sen.", "rep.", "representative", "governor", "gov.", "mayor", "judge",
    "justice", "chief", "executive", "ceo", "chairman", "chairwoman", "chair", "director", "spokesman",
    "spokeswoman", "spokesperson", "commander", "gen.", "col.", "lt.", "admiral", "officer", "leader",
    "former", "deputy", "acting", "state", "national", "security", "adviser", "advisor", "pope",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady", "premier", "envoy",
    "speaker", "head", "founder", "analyst", "economist", "professor", "prof.", "coach", "trade",
    "economy", "energy", "health", "justice", "attorney", "supreme", "leader", "top", "senior",
}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady"}
MENTION_COLUMNS = ["sentence_id", "start", "end", "text", "label", "key", "kind", "role", "affiliation_key"]


def _strip_span(span: Span) -> Span | None:
    """Drop a leading article, trailing possessive and stray punctuation from an entity span."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].text in QUOTE_CHARS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct and doc[end - 1].text != "."):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


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


def _role_and_affiliation(span: Span) -> tuple[str | None, str | None]:
    """Title words and a country word right before a person's name: 'Turkish Foreign Minister'."""
    doc = span.doc
    i = span.start - 1
    words: list[str] = []
    affiliation = None
    while i >= 0 and doc[i].sent == span.sent:
        tok = doc[i]
        low = tok.lower_
        country = country_of(tok.text) if tok.text[:1].isupper() else None
        if low in TITLE_WORDS and (tok.text[:1].isupper() or low in ("former", "deputy", "acting")):
            words.insert(0, tok.text)
        elif country and tok.ent_type_ in ("NORP", "GPE", ""):
            affiliation = affiliation or country[0]
            if i > 0 and doc[i - 1].lower_ == "former":
                words.insert(0, tok.text)
            else:
                words.insert(0, tok.text) if words and words[0].lower() == "former" else None
                break
        elif tok.text in ("’s", "'s") and i > 0 and country_of(doc[i - 1].text):
            affiliation = affiliation or country_of(doc[i - 1].text)[0]
            break
        else:
            break
        i -= 1
    words = [w for w in words if w.lower() not in HONORIFICS]
    # "former U.S. President" keeps its country words; a leading bare demonym is the affiliation
    while words and country_of(words[0]) and words[0].lower() != "former":
        words.pop(0)
    role = " ".join(words).strip() or None
    return role, affiliation


def _org_key(span: Span, text: str) -> tuple[str, str | None]:
    """Canonical name of an organisation; ministries take the demonym of the country they serve."""
    doc = span.doc
    owner = None
    if span.start >= 2 and doc[span.start - 1].text in ("’s", "'s") and country_of(doc[span.start - 2].text):
        owner = country_of(doc[span.start - 2].text)[0]
    elif span.start >= 1 and country_of(doc[span.start - 1].text) and doc[span.start - 1].ent_type_ in ("NORP", "GPE"):
        owner = country_of(doc[span.start - 1].text)[0]
    words = text.split()
    if words and country_of(words[0]) and len(words) > 1:
        owner = owner or country_of(words[0])[0]
        words = words[1:]
    name = " ".join(words)
    m = re.fullmatch(r"(\w+(?: \w+)?) Ministry", name)
    if m:
        name = f"Ministry of {m.group(1)}"
    if name.startswith("Ministry of ") and owner:
        name = f"{demonym_of().get(owner, owner)} {name}"
    return name, owner


def find_mentions(doc: Doc, *, title_sentence: int | None = 0) -> pd.DataFrame:
    """Actor mentions of one parsed article, with their within-article canonical key and kind."""
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    sent_of = {}
    for s in doc.sents:
        for t in s:
            sent_of[t.i] = sent_index[s.start]
    rows: list[dict] = []
    headline: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        sid = sent_of[ent.start]
        if sid == title_sentence and _is_title_case_headline(ent.sent):
            headline.append(ent)
            continue
        row = _classify(ent)
        if row is not None:
            row["sentence_id"] = sid
            rows.append(row)
    rows = _merge_short_names(rows)
    known = {fold(r["text"]): r for r in rows} | {fold(r["key"]): r for r in rows}
    for ent in headline:
        rows.extend(_headline_mentions(ent, known, sent_of[ent.start]))
    df = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    return df.sort_values("start", kind="stable").reset_index(drop=True)


def _classify(ent: Span) -> dict | None:
    span = _strip_span(ent)
    if span is None or _quoted(ent):
        return None
    text = span.text
    if not any(c.isalpha() for c in text) or not text[:1].isupper() and not text[:1].isdigit():
        return None
    row = {"start": span.start_char, "end": span.end_char, "text": text, "label": ent.label_,
           "role": None, "affiliation_key": None}
    country = country_of(text)
    if country and (ent.label_ in ("GPE", "NORP", "LOC") or country[1] == "seat" or ent.label_ == "PERSON" and country[1] != "demonym"):
        return {**row, "key": country[0], "kind": "country"}
    if ent.label_ == "NORP":
        return {**row, "key": text, "kind": "group"}
    if ent.label_ in ("GPE", "LOC", "FAC"):
        return {**row, "key": text, "kind": "place"}
    if ent.label_ == "PERSON":
        words = [w for w in text.split() if w.lower() not in HONORIFICS and w.lower() not in TITLE_WORDS]
        if not words:
            return None
        role, affiliation = _role_and_affiliation(span)
        return {**row, "key": " ".join(words), "kind": "person", "role": role, "affiliation_key": affiliation}
    name, owner = _org_key(span, text)
    return {**row, "key": name, "kind": "organization", "affiliation_key": owner}


def _merge_short_names(rows: list[dict]) -> list[dict]:
    """Point 'Fidan' and 'Ministry of Defense' at the article's fuller name of the same actor."""
    persons = {r["key"] for r in rows if r["kind"] == "person"}
    orgs = {r["key"] for r in rows if r["kind"] == "organization"}
    for r in rows:
        if r["kind"] == "person":
            fuller = [p for p in persons if p != r["key"] and p.split()[-len(r["key"].split()):] == r["key"].split()]
            if len(fuller) == 1:
                r["key"] = fuller[0]
        elif r["kind"] == "organization":
            fuller = [o for o in orgs if o != r["key"] and o.endswith(" " + r["key"])]
            if len(fuller) == 1:
                r["key"] = fuller[0]
    # A person's role and affiliation, once given, hold for every mention of that person.
    facts: dict[str, dict] = {}
    for r in rows:
        f = facts.setdefault(r["key"], {})
        for col in ("role", "affiliation_key"):
            if r[col] and not f.get(col):
                f[col] = r[col]
    for r in rows:
        for col, value in facts.get(r["key"], {}).items():
            r[col] = r[col] or value
    return rows


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
            if hit or country:
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
