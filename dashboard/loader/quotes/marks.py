"""Quotation marks paired in raw text: where each quotation starts and ends.

Pure text work (no parse, no speakers). Marks are paired on characters, not tokens, so a quote keeps
its exact offsets whatever the tokenizer did; a mark that cannot be paired is dropped on its own and
never shifts the pairing of the marks after it.

Double marks (straight, curly, angle, and the typewriter pairs `` '' ) are paired first. Single marks
(‘British’ style, or straight ones) are paired outside them, told apart from apostrophes: inside a
word (don’t, O'Reilly), before a decade (the ’90s), or after a plural's s (the Joneses’ house) when a
later mark can close the quote. A quotation nested in another is part of it, not a quote of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from dashboard.loader.vocabulary import (
    DOUBLE_CLOSING,
    DOUBLE_MARKS,
    DOUBLE_OPENING,
    DOUBLE_STRAIGHT,
    DOUBLE_TYPEWRITER,
    SINGLE_CLOSING,
    SINGLE_MARKS,
    SINGLE_OPENING,
    SINGLE_STRAIGHT,
)

DOUBLE = re.compile("|".join(re.escape(m) for m in DOUBLE_TYPEWRITER) + "|[" + re.escape(DOUBLE_MARKS) + "]")
SINGLE = re.compile("[" + re.escape(SINGLE_MARKS) + "]")
DECADE = re.compile(r"\d\ds?\b")
# Words that begin with an apostrophe where letters were left out: rock 'n' roll, 'em, 'til.
ELIDED = re.compile(r"(?:n|em|til|cause|bout|tis|twas)\b", re.IGNORECASE)
# Characters after which a straight mark opens a quote, and before which it closes one.
STRAIGHT = set(SINGLE_STRAIGHT + DOUBLE_STRAIGHT)
OPENS_AFTER = set("([{—–-/:;") | set(SINGLE_OPENING) | set(DOUBLE_OPENING) | STRAIGHT
CLOSES_BEFORE = set(".,;:!?)]}—–-…") | set(SINGLE_CLOSING) | set(DOUBLE_CLOSING) | STRAIGHT
# A quote longer than this is two stray marks, not a quotation.
MAX_QUOTE_CHARS = 2000
BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
# Marks a paragraph that goes on with a quotation opens with.
QUOTE_OPENERS = frozenset(DOUBLE_OPENING) | frozenset(SINGLE_OPENING) | STRAIGHT | {"`"}


@dataclass(frozen=True)
class QuoteSpan:
    """The text between a pair of marks: `start`/`end` are offsets of the quoted words, marks excluded;
    `opening`/`closing` are the offsets of the marks themselves (-1 for a quote a paragraph ended)."""

    start: int
    end: int
    closed: bool = True  # False: the paragraph ended it and the next paragraph opens with a mark again
    opening: int = field(default=-1, compare=False)
    closing: int = field(default=-1, compare=False)


@dataclass(frozen=True)
class _Mark:
    at: int
    length: int
    way: str  # open, close, either, weak (closes only when no later mark can)


def _double_way(text: str, i: int, mark: str) -> str:
    """'open', 'close', 'either' (context decides) or 'skip' (a mark inside a word: rock"n"roll)."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + len(mark)] if i + len(mark) < len(text) else "\n"
    if before.isalnum() and after.isalnum():
        return "skip"
    free_before = before.isspace() or before in OPENS_AFTER
    free_after = after.isspace() or after in CLOSES_BEFORE
    context = "open" if free_before and not free_after else "close" if free_after and not free_before else "either"
    glyph = "open" if mark in DOUBLE_OPENING or mark in ("``", "‘‘") else \
        "close" if mark in DOUBLE_CLOSING or mark == "’’" else None
    if glyph is None:
        return context
    # A curly mark set the wrong way round ("hello“) follows its context, not its shape; one standing free
    # between spaces ('manage it. “ Cllr Scott said') closes a quote that is open as well as it opens one.
    if free_before and free_after:
        return "either"
    return glyph if context in ("either", glyph) else "either"


def _single_way(text: str, i: int) -> str:
    """How a single mark reads: 'open', 'close', 'weak' (an s' that may be a possessive) or 'skip'
    (an apostrophe, or a mark the context cannot place)."""
    mark = text[i]
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before.isalnum() and after.isalnum():
        return "skip"  # don’t, O'Reilly
    if DECADE.match(text, i + 1) and not before.isalnum():
        return "skip"  # the ’90s
    closes_n = i >= 2 and text[i - 1] in "nN" and text[i - 2] in SINGLE_MARKS
    if ELIDED.match(text, i + 1) and not before.isalnum() or closes_n:
        return "skip"  # rock ’n’ roll, 'em
    free_before = before.isspace() or before in OPENS_AFTER
    free_after = after.isspace() or after in CLOSES_BEFORE
    if free_before == free_after:
        return "skip"
    context = "open" if free_before else "close"
    glyph = "open" if mark in SINGLE_OPENING else "close" if mark in SINGLE_CLOSING else context
    if glyph == "close" and context == "open" and after.isupper():
        return "open"  # some sites set ’ at both ends: "’Our results show it,’ said Chen"
    if glyph != context:
        return "skip"
    if context == "close" and before in "sS" and after.isspace():
        return "weak"  # 'the players’ union' or 'it was the best of times’ he said'
    return context


# Words a quote the text is cut off in must have to be read: 'A t' is what is left of a line, not a quote.
MIN_CUT_WORDS = 4


def _pair(text: str, marks: list[_Mark], *, single: bool) -> list[QuoteSpan]:
    """Spans between paired marks, in text order."""
    spans: list[QuoteSpan] = []
    open_at: _Mark | None = None
    for n, mark in enumerate(marks):
        if open_at is not None and mark.at - open_at.at > MAX_QUOTE_CHARS:
            open_at = None
        if open_at is None:
            if mark.way in ("open", "either"):  # a closing mark with nothing open is a stray: leave it
                open_at = mark
            continue
        newline = text.rfind("\n", open_at.at, mark.at)
        closes = mark.way in ("close", "either", "weak")
        if closes and single and newline != -1:
            open_at = None  # a single mark is an apostrophe or a stray far more often than a long quote
            continue
        if mark.way == "weak" and _closes_later(text, marks[n + 1:], mark.at):
            continue
        ended = _ended_at(text, open_at, mark.at) if newline != -1 else None
        if ended is not None:
            # the quote's paragraph ended it: the paragraph after tells something else, so this mark closes
            # nothing the quote opened, or opens a quote of its own
            spans.append(_span(text, open_at, ended, True, -1))
        elif closes:
            spans.append(_span(text, open_at, mark.at, True, mark.at))
        elif newline != -1 and not text[newline:mark.at].strip():
            # an opening mark while a quote is open: news style reopens a quote at each new paragraph and
            # leaves the paragraph before unclosed; anywhere else the earlier mark was a stray
            spans.append(_span(text, open_at, newline, False, -1))
        open_at = None if closes else mark
    if open_at is not None and not single and _cut_off(text, open_at):
        spans.append(_span(text, open_at, len(text), False, -1))
    return [s for s in spans if s.end > s.start]


def _ended_at(text: str, opening: _Mark, closing: int) -> int | None:
    """Where a quote left open at the end of its paragraph ended, when the paragraph after does not reopen
    it with a mark (news style for a quote that goes on) and so tells something else; None when it does.
    Paragraphs are parted by a blank line: text with a line to each sentence breaks quotes at every line."""
    at = opening.at
    while (gap := BLANK_LINE.search(text, at, closing)) is not None:
        line_end = text.find("\n", gap.end())
        line = text[gap.end():line_end if line_end != -1 else len(text)].rstrip()
        if not line or line[0] in QUOTE_OPENERS:
            return None
        if line[-1] in "\"”»" and line[:-1].rstrip()[-1:] in (".", "!", "?", ",") \
                and not any(c in QUOTE_OPENERS for c in line[:-1]):
            return None  # a paragraph the writer forgot to reopen, which the quote's own closing mark ends
        if line.rstrip("\"”’'»")[-1:] in (".", "!", "?"):  # a sentence, which may end with a quotation
            return gap.start()
        at = gap.end()  # a line with no full stop ('Three charged over depot fire'): a link or a heading, passed over
    return None


def _cut_off(text: str, opening: _Mark) -> bool:
    """Whether an opening mark left open at the end of the text begins a quotation the text was cut off in
    ('"I would like to see my vote documente'), as pasted or scraped articles often are: it opens a line or
    a sentence or follows a colon or comma, and what follows it runs to the end unfinished, on its line."""
    rest = text[opening.at + opening.length:].strip()
    before = text[:opening.at].rstrip(" \t")
    return opening.way == "open" and "\n" not in rest and len(rest.split()) >= MIN_CUT_WORDS \
        and rest[-1] not in ".!?" and (not before or before[-1] in "\n:,.!?")


def _closes_later(text: str, rest: list[_Mark], at: int) -> bool:
    """Whether a later mark in the same paragraph can close the quote, before any mark opens another."""
    end = text.find("\n", at)
    for mark in rest:
        if end != -1 and mark.at > end or mark.way == "open":
            return False
        if mark.way == "close":
            return True
    return False


def _span(text: str, opening: _Mark, end: int, closed: bool, closing: int) -> QuoteSpan:
    start = opening.at + opening.length
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, closed, opening.at, closing)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every span between paired quotation marks, double or single, in text order; a quote nested in
    another is left to it."""
    doubles = []
    for m in DOUBLE.finditer(text):
        way = _double_way(text, m.start(), m.group())
        if way != "skip":
            doubles.append(_Mark(m.start(), len(m.group()), way))
    spans = _pair(text, doubles, single=False)
    taken = [(s.opening, s.closing if s.closing != -1 else s.end) for s in spans]
    singles = []
    for m in SINGLE.finditer(text):
        i = m.start()
        typewriter = text[i:i + 2] in DOUBLE_TYPEWRITER or text[i - 1:i + 1] in DOUBLE_TYPEWRITER
        if typewriter or any(lo <= i <= hi for lo, hi in taken):
            continue  # a typewriter double mark, or a quote inside a double-quoted one
        way = _single_way(text, i)
        if way != "skip":
            singles.append(_Mark(i, 1, way))
    outer = _pair(text, singles, single=True)
    # a double-quoted quotation inside a single-quoted one is nested in it (British style)
    spans = [s for s in spans if not any(o.start <= s.start and s.end <= o.end for o in outer)]
    return sorted(spans + outer, key=lambda s: s.start)
