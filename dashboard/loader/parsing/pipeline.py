"""Building the spaCy pipeline the loader runs.

One builder, one place that knows which model is used and which of its parts are switched off. spaCy
is imported when a pipeline is built, not before: the app reads a cached briefing without it.
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# Parts of the trained pipelines the loader never reads. The lemmatizer stays: speech cues are
# matched on lemmas ("warned", "warns" -> "warn").
UNUSED_PIPES = ("senter",)


class ModelNotFound(RuntimeError):
    """The configured spaCy model is not installed."""


@lru_cache(maxsize=4)
def build_nlp(model: str) -> Language:
    """Load `model` (an installed spaCy package name or a path) with the loader's own steps added."""
    import spacy

    from dashboard.loader.parsing.steps import keep_title_abbreviations

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
    nlp.add_pipe("briefing_plain_apostrophes", first=True)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("briefing_line_breaks", before="parser")
        nlp.add_pipe("briefing_whole_names", before="parser")
    keep_title_abbreviations(nlp)
    return nlp
