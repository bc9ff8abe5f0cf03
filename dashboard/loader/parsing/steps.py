"""The loader's own steps in the spaCy pipeline: sentences end at line breaks, and title abbreviations
stay whole. Imported by `build_nlp` only, so nothing that reads a cached briefing loads spaCy."""
from __future__ import annotations

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from dashboard.loader.actors.names import TITLE_WORDS


@Language.component("briefing_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and paragraphs never run into the next line."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
            # Left open, the parser tends to cut a line's first word off as a sentence of its own
            # ("Brazil | and Argentina signed ..."): the word after a line start continues it.
            if token.i + 1 < len(doc) and not doc[token.i + 1].is_space:
                doc[token.i + 1].is_sent_start = False
    return doc


def keep_title_abbreviations(nlp: Language) -> None:
    """'Const.', 'Sgt.', 'Supt.' stay one token, as the model's own 'Dr.' and 'Gov.' do: split off, their
    full stop ends a sentence in the middle of a name ('Sgt. | Maria Lopez said')."""
    for word in TITLE_WORDS:
        if word.endswith(".") and word.count(".") == 1 and len(word) > 2:
            form = word.capitalize()
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
