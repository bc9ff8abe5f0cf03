"""Building the spaCy pipeline the loader runs.

One builder, one place that knows which model is used and which of its parts are switched off.
"""
from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from dashboard.loader.actors.names import TITLE_WORDS

# Parts of the trained pipelines the loader never reads. The lemmatizer stays: speech cues are
# matched on lemmas ("warned", "warns" -> "warn").
UNUSED_PIPES = ("senter",)


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


class ModelNotFound(RuntimeError):
    """The configured spaCy model is not installed."""


@lru_cache(maxsize=4)
def build_nlp(model: str) -> Language:
    """Load `model` (an installed spaCy package name or a path) with the loader's own steps added."""
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_PIPES))
    except OSError:
        try:
            nlp = importlib.import_module(model).load(exclude=list(UNUSED_PIPES))
        except (ImportError, AttributeError) as exc:
            raise ModelNotFound(
                f"spaCy model {model!r} is not installed. Install the default with "
                "`pip install -r requirements.txt`, or set BRIEFING_MODEL to an installed English "
                "pipeline such as en_core_web_sm."
            ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("briefing_line_breaks", before="parser")
    _keep_title_abbreviations(nlp)
    return nlp


def _keep_title_abbreviations(nlp: Language) -> None:
    """'Const.', 'Sgt.', 'Supt.' stay one token, as the model's own 'Dr.' and 'Gov.' do: split off, their
    full stop ends a sentence in the middle of a name ('Sgt. | Maria Lopez said')."""
    for word in TITLE_WORDS:
        if word.endswith(".") and word.count(".") == 1 and len(word) > 2:
            form = word.capitalize()
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
