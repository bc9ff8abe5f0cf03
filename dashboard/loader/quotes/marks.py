"""Quotation marks paired in raw text: where each quotation starts and ends.

Pure text work (no parse, no speakers). Marks are paired on characters, not tokens, so a quote keeps
its exact offsets whatever the tokenizer did; a mark that cannot be paired is dropped on its own and
never shifts the pairing of the marks after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.loader.vocabulary import DOUBLE_CLOSING, DOUBLE_MARKS, DOUBLE_OPENING

OPENING = DOUBLE_OPENING
CLOSING = DOUBLE_CLOSING
MARKS = re.compile("[" + re.escape(DOUBLE_MARKS) + "]")
# Characters after which a straight mark opens a quote, and before which it closes one.
OPENS_AFTER = set("([{—–-/:;‘'")
CLOSES_BEFORE = set(".,;:!?)]}—–-…’'")
# A quote longer than this is two stray marks, not a quotation.
MAX_QUOTE_CHARS = 2000


@dataclass(frozen=True)
class QuoteSpan:
    """The text between a pair of marks: `start`/`end` are offsets of the quoted words, marks excluded."""

    start: int
    end: int
    closed: bool = True  # False: the paragraph ended it and the next paragraph opens with a mark again


def _direction(text: str, i: int) -> str:
    """'open', 'close', 'either' (context decides) or 'skip' (a mark inside a word: rock"n"roll)."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before.isalnum() and after.isalnum():
        return "skip"
    free_before = before.isspace() or before in OPENS_AFTER or before in OPENING
    free_after = after.isspace() or after in CLOSES_BEFORE or after in CLOSING
    context = "open" if free_before and not free_after else "close" if free_after and not free_before else "either"
    glyph = "open" if text[i] in OPENING else "close" if text[i] in CLOSING else None
    if glyph is None:
        return context
    # A curly mark set the wrong way round ("hello“) follows its context, not its shape.
    return glyph if context in ("either", glyph) else "either"


def _trimmed(text: str, start: int, end: int, closed: bool) -> QuoteSpan | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, closed) if end > start else None


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every span between paired double quotation marks, in text order."""
    spans: list[QuoteSpan | None] = []
    open_at: int | None = None
    for match in MARKS.finditer(text):
        i = match.start()
        way = _direction(text, i)
        if way == "skip":
            continue
        if open_at is not None and i - open_at > MAX_QUOTE_CHARS:
            open_at = None
        if open_at is None:
            if way != "close":  # a closing mark with nothing open is a stray: leave it
                open_at = i
            continue
        if way != "open":
            spans.append(_trimmed(text, open_at + 1, i, True))
            open_at = None
            continue
        # An opening mark while a quote is open: news style reopens a quote at each new paragraph and
        # leaves the paragraph before unclosed; anywhere else the earlier mark was a stray.
        newline = text.rfind("\n", open_at, i)
        if newline != -1 and not text[newline:i].strip():
            spans.append(_trimmed(text, open_at + 1, newline, False))
        open_at = i
    return [s for s in spans if s is not None]
