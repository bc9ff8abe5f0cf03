"""The loader's own steps in the spaCy pipeline: sentences end at line breaks, and title abbreviations
stay whole, inside the sentence of the name they belong to. Imported by `build_nlp` only, so nothing that
reads a cached briefing loads spaCy."""
from __future__ import annotations

import numpy as np
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

from dashboard.loader.actors.names import TITLE_WORDS
from dashboard.loader.actors.tokens import WordMemo, among

# Whether a word holds a line break: looking each up in the string store costs more than the rest of
# this step.
_HOLDS_BREAK: WordMemo[bool] = WordMemo(lambda word: "\n" in word)


def after_line_breaks(doc: Doc) -> list[int]:
    """Indexes of the tokens that follow a token holding a line break, in text order.

    A token's trailing space is one space at most, so a line break is always in a token's own text.
    """
    if len(doc) < 2:
        return []
    orths = doc.to_array(ORTH)
    words = set(orths.tolist())
    holds = _HOLDS_BREAK.table(words, doc.vocab.strings)
    breaking = [orth for orth in words if holds[orth]]
    if not breaking:
        return []
    return (np.flatnonzero(among(orths[:-1], np.sort(np.array(breaking, dtype=orths.dtype)))) + 1).tolist()


@Language.component("briefing_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and paragraphs never run into the next line."""
    starts = after_line_breaks(doc)
    if not starts:
        return doc
    if doc.has_annotation("DEP"):  # as Token.is_sent_start refuses: the parse decides then
        raise ValueError(Errors.E043)
    # The sentence starts as one array, written back at once: each Token.is_sent_start set checks
    # the whole doc for a parse, which at a few hundred tokens costs more than the rest of this step.
    sent_starts = doc.to_array(SENT_START).view(np.int64)
    spaces = doc.to_array(IS_SPACE)
    for i in starts:
        sent_starts[i] = 1
        # Left open, the parser tends to cut a line's first word off as a sentence of its own
        # ("Brazil | and Argentina signed ..."): the word after a line start continues it.
        if i + 1 < len(doc) and not spaces[i + 1]:
            sent_starts[i + 1] = -1
    doc.from_array([SENT_START], sent_starts.view(np.uint64))
    return doc


# Abbreviations inside place names ('Sault Ste. Marie', 'Mt. Pleasant'), kept whole like titles.
PLACE_ABBREVIATIONS = ("Ste.", "Mt.", "Ft.")


def _name_abbreviations() -> list[str]:
    return [w.capitalize() for w in TITLE_WORDS if w.endswith(".") and w.count(".") == 1 and len(w) > 2] \
        + list(PLACE_ABBREVIATIONS)


def keep_title_abbreviations(nlp: Language) -> None:
    """'Const.', 'Sgt.', 'Supt.' stay one token, as the model's own 'Dr.' and 'Gov.' do: split off, their
    full stop ends a sentence in the middle of a name ('Sgt. | Maria Lopez said')."""
    for form in _name_abbreviations():
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])


@Language.component("briefing_whole_names")
def whole_names(doc: Doc) -> Doc:
    """A name goes on after an abbreviation in it: 'admitted Coun. Rick Webber', 'Sault Ste. Marie', 'Barry
    M. Weber'. Left to the parser, the full stop of a title or an initial often ends the sentence, and the
    speaker's name opens the next one."""
    if len(doc) < 3:
        return doc
    if doc.has_annotation("DEP"):
        raise ValueError(Errors.E043)
    orths = doc.to_array(ORTH)
    strings = doc.vocab.strings
    starts = doc.to_array(SENT_START).view(np.int64)
    changed = False
    for i in np.flatnonzero(among(orths[:-1], _NAME_STOP_HASHES)).tolist():
        word, nxt = strings[int(orths[i])], strings[int(orths[i + 1])]
        if not nxt[:1].isupper() or doc[i].whitespace_ != " " or starts[i + 1] == 1:
            continue  # a line break or a sentence start already set stands
        if len(word) == 2 and not (i > 0 and strings[int(orths[i - 1])][:1].isupper()):
            continue  # an initial follows a first name: 'Barry M. Weber', not 'plan B. The'
        starts[i + 1] = -1
        changed = True
    if changed:
        doc.from_array([SENT_START], starts.view(np.uint64))
    return doc


# The full stops inside names: a title's or a place's abbreviation, or an initial ('M.').
_NAME_STOP_HASHES = np.sort(np.array([hash_string(w) for w in _name_abbreviations()]
                                     + [hash_string(f"{c}.") for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"], dtype=np.uint64))


@Language.component("briefing_plain_apostrophes")
def plain_apostrophes(doc: Doc) -> Doc:
    """A word written with ’ is read by the model as the same word with ': the English pipelines learnt
    from text with plain apostrophes, and 'Eugene O’Kelly' or 'Shaquille O’Neal' otherwise loses its
    surname. Only the features the model reads change (the word's norm and shape, kept in the vocabulary
    from then on); its text stays as published."""
    if "’" not in doc.text:
        return doc
    vocab = doc.vocab
    for tok in doc:
        if "’" in tok.text:
            lexeme, plain = vocab[tok.orth], vocab[tok.text.replace("’", "'")]
            if lexeme.shape != plain.shape or lexeme.norm != plain.norm:
                lexeme.norm_, lexeme.shape_ = plain.norm_, plain.shape_
    return doc
