"""Finding temporal expressions in news text: the words that date something, and where they stand.

Rules on plain text (no spaCy). They keep the preposition before a date ("since 1989", "on
Wednesday": it tells how the date relates to the event) and refuse what only looks like a date:
"may" the verb, "Theresa May", "Black Monday", "2,000 workers", durations such as "the past two years".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Capitalised words that make a weekday part of a name ("Black Monday", "Good Friday").
NAMED_DAY_WORDS = frozenset({"black", "cyber", "good", "easter", "ash", "holy", "super", "bloody", "shrove",
                             "whit", "palm", "maundy", "blue", "manic", "giving", "great", "fat"})


@dataclass(frozen=True)
class Expression:
    """A temporal expression found in a text: character offsets and its exact words."""

    start: int
    end: int
    text: str


_S = r"[ \t\u00a0]+"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_SHORT = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_SHORT})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a[ \t]+couple[ \t]+of|a[ \t]+few|several|few)"
_UNIT = r"(?:day|week|month|year|decade)s?"
# Prepositions kept in date_text: they tell the reader how the date relates to the event.
_PREP = rf"(?:(?i:on|in|at|since|by|during|until|till|from|before|after|through|throughout|as{_S}of){_S})?"
_PART = rf"(?:(?i:(?:early|earlier|late|later|mid)(?:-|{_S})(?:in{_S})?|(?:the{_S})?(?:very{_S})?(?:start|beginning|end|middle|close){_S}of{_S}))?"
_REL = rf"(?i:this|last|next|the{_S}last|the{_S}coming|coming|the{_S}previous|the{_S}following|the{_S}next|the{_S}same|that)"

_PATTERNS = [
    # explicit days: "March 3", "3 March 2024", "Monday, March 3, 2025", "the 3rd of September"
    rf"{_PREP}(?:{_WD},?{_S})?(?:{_MONTH}{_S}{_DAY}(?:,?{_S}{_YEAR}|{_S}(?i:this|last|next){_S}(?i:year)\b)?"
    rf"|(?:(?i:the){_S})?{_DAY}{_S}(?i:of{_S})?{_MONTH}(?:,?{_S}{_YEAR}|{_S}(?i:this|last|next){_S}(?i:year)\b)?)"
    rf"(?![\d:])",
    # a day of the month the story is in, or of the one before or after: "until the 17th of this month"
    rf"{_PREP}(?i:the){_S}{_DAY}{_S}(?i:of){_S}(?i:this|last|next){_S}(?i:month)\b",
    # holidays on the same day every year: "on New Year's Eve", "over Christmas", "Christmas Day 2023"
    # only after a preposition: "the Christmas sales period" names a season of trade, not the day
    rf"(?i:on|over|at|before|after|by|until|since|during){_S}(?:(?i:last|next|this){_S})?"
    rf"(?:New{_S}Year['’]s{_S}(?:Eve|Day)|Christmas(?:{_S}(?:Eve|Day))?|Boxing{_S}Day"
    rf"|Valentine['’]s{_S}Day|Halloween)"
    rf"(?:{_S}{_YEAR})?\b",
    # a weekday with its date in brackets: "on Tuesday (April 1)"
    rf"{_PREP}{_WD}{_S}\((?:{_MONTH}{_S}{_DAY}|{_DAY}{_S}{_MONTH})\)",
    rf"{_PREP}{_PART}{_MONTH_FULL},?{_S}{_YEAR}\b",
    rf"{_PREP}{_PART}{_MONTH_FULL}{_S}(?:(?i:of){_S}{_YEAR}\b|(?:(?i:of){_S})?(?i:this|last|next){_S}(?i:year)\b)",
    rf"{_PREP}{_PART}(?i:last|next|this){_S}{_MONTH_FULL}\b",
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"(?<![\d/])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\d/])",
    # weekdays: "on Wednesday", "last Tuesday", "Monday's", "Friday morning"
    rf"{_PREP}(?:(?i:early|late){_S})?(?:(?i:last|next|this|coming|past){_S})?{_WD}(?:['’]s)?(?:{_S}(?i:morning|afternoon|evening|night))?\b",
    # today and its neighbours
    rf"{_PREP}(?:(?i:earlier|later|early|late){_S})?(?i:today|tonight|yesterday|tomorrow)(?:['’]s)?(?:{_S}(?i:morning|afternoon|evening|night))?\b",
    rf"{_PREP}(?i:this{_S}(?:morning|afternoon|evening)|last{_S}night)\b",
    # weeks, months, years relative to publication or to a date already given
    rf"{_PREP}{_PART}{_REL}{_S}(?i:week|weekend|month|year|quarter|day)\b",
    rf"{_PREP}(?i:the{_S}(?:start|beginning|end|middle|close){_S}of{_S}the{_S}(?:week|month|year|day))\b",
    rf"(?i:the{_S}same{_S}(?:day|week|month|period|quarter){_S}(?:a{_S}year{_S}(?:ago|earlier|before)|last{_S}year|of{_S}the{_S}previous{_S}year))",
    rf"(?i:the{_S}(?:day|week|month|year){_S}(?:before|after|previous|earlier))(?=[ \t]*(?:[,.;:)]|$))",
    rf"(?i:{_NUM}{_S}{_UNIT}{_S}(?:ago|earlier|later))\b",
    rf"(?i:(?:years|months|weeks|days|decades){_S}ago)\b",
    rf"(?i:(?:in|within){_S}{_NUM}{_S}(?:day|week|month|year)s?)\b(?!{_S}(?i:ago|later|earlier|of)\b)",
    # seasons and quarters (reported as the year they fall in)
    rf"{_PREP}(?i:(?:this|last|next|early|late|mid)(?:-|{_S})(?:the{_S})?(?:spring|summer|autumn|winter|fall))(?:{_S}(?i:of{_S})?{_YEAR})?\b",
    rf"{_PREP}(?:(?i:the){_S})?(?i:spring|summer|autumn|winter|fall){_S}(?i:of{_S})?{_YEAR}\b",
    rf"{_PREP}(?i:the{_S}(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th){_S}quarter)(?:{_S}(?i:of){_S}(?:{_YEAR}|(?i:this|last|next){_S}(?i:year)))?\b",
    rf"{_PREP}\bQ[1-4](?:{_S}{_YEAR})?\b",
    rf"(?i:in|since|by|of|until|till|from|before|after|during|through){_S}['’]\d\d\b(?![\d'’]|s\b)",
    # undated: before publication, or after it
    rf"(?i:\brecently|\blately|in{_S}recent{_S}(?:years|months|weeks|days|times|history)|(?:in|of){_S}the{_S}past(?!{_S}(?:\w+{_S})?(?:day|week|month|year|decade|centur|hour|minute)[a-z]*\b)|\bof{_S}late|\bpreviously|\bnot{_S}long{_S}ago|\brecent)\b",
    rf"(?i:\bearlier)\b(?!{_S}(?i:this|today|than|in|last|next|that|on|tonight|yesterday)\b)",
    rf"(?i:(?<!as )\bsoon\b|in{_S}the{_S}(?:near{_S})?future|in{_S}the{_S}coming{_S}(?:days|weeks|months|years))\b",
]
# Every expression starts at a word: anchoring there spares the engine most positions.
_FINDERS = [re.compile(rf"(?<!\w)(?:{p})") for p in _PATTERNS]
_SEASONS = ("spring", "summer", "autumn", "winter", "fall")
_MONTH_START = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"  # how every month name, full or short, begins
# For each pattern, what every match holds: words (as written, or in any case), or a short pattern that
# every match contains and that starts with a plain character, which the engine finds fast. A pattern
# runs only on a text that holds it: most patterns are spared most articles.
_Gate = tuple[tuple[str, ...], tuple[str, ...]] | re.Pattern
_GATES: list[_Gate] = [
    re.compile(rf"{_MONTH_START}[a-z]*\.?{_S}\d|\d(?:st|nd|rd|th)?{_S}(?:(?i:of){_S})?{_MONTH_START}"),
    ((), ("month",)),
    (("Christmas", "New Year", "Boxing Day", "Valentine", "Halloween"), ()),
    re.compile(rf"{_WD}{_S}\("),
    re.compile(rf"{_MONTH_FULL},?{_S}{_YEAR}"),
    re.compile(rf"{_MONTH_FULL}{_S}(?i:of|this|last|next){_S}"),
    re.compile(rf"[tsTS\u017f]{_S}{_MONTH_FULL}"),  # the last letter of "last", "next", "this"
    re.compile(r"\d-\d\d-\d"),
    (("/",), ()),
    (("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"), ()),
    ((), ("today", "tonight", "yesterday", "tomorrow")),
    ((), ("morning", "afternoon", "evening", "night")),
    # the last letter of the words that make a week or a year relative ("this", "next", "coming", "same", ...)
    re.compile(rf"[sStTgGeE\u017f]{_S}(?i:week|month|year|quarter|day)"),
    re.compile(rf"(?i:of{_S}the{_S}(?:week|month|year|day))"),
    ((), ("same",)),
    ((), ("day", "week", "month", "year")),
    ((), ("ago", "earlier", "later")),
    ((), ("ago",)),
    ((), ("day", "week", "month", "year")),
    ((), _SEASONS),
    ((), _SEASONS),
    ((), ("quarter",)),
    (("Q",), ()),
    re.compile(r"['’]\d\d"),
    ((), ("recent", "late", "past", "previously", "long")),
    ((), ("earlier",)),
    ((), ("soon", "future", "coming")),
]
assert len(_GATES) == len(_FINDERS)
# The letters outside ASCII that a case-blind pattern takes for an ASCII one ("ſ" for "s"), so that
# the lowered text holds a word wherever a case-blind pattern would find it.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _holds(text: str, low: str, gate: _Gate) -> bool:
    if isinstance(gate, re.Pattern):
        return gate.search(text) is not None
    return any(map(text.__contains__, gate[0])) or any(map(low.__contains__, gate[1]))


def _folded(text: str) -> str:
    """The text lowered, with the letters a case-blind pattern takes for ASCII ones made ASCII."""
    return (text if text.isascii() else text.translate(_FOLD)).lower()


def _runs(text: str) -> list[re.Pattern]:
    """The patterns whose gates the text holds."""
    low = _folded(text)
    return [finder for finder, gate in zip(_FINDERS, _GATES) if _holds(text, low, gate)]


# A match never holds a line break (the patterns' spaces are spaces and tabs), and what a pattern looks
# at around a match reads a line break as it reads the end of the text: a pattern finds in each line
# what it finds there in the whole text, so it runs only on the lines that hold its gate. Not so a
# pattern that looks for the end of the text itself ('$').
_BY_LINE = {id(finder) for finder in _FINDERS if "$" not in finder.pattern}
_GATE_OF = {id(finder): gate for finder, gate in zip(_FINDERS, _GATES)}


def _gated_matches(text: str) -> list[tuple[int, int]]:
    """Spans of every gated pattern's matches in `text`, each pattern's in text order."""
    found: list[tuple[int, int]] = []
    lines: list[tuple[int, str, str]] | None = None
    for finder in _runs(text):
        if id(finder) not in _BY_LINE or "\n" not in text:
            found.extend(m.span() for m in finder.finditer(text) if m.group().strip())
            continue
        if lines is None:
            lines, at = [], 0
            for line in text.split("\n"):
                lines.append((at, line, _folded(line)))
                at += len(line) + 1
        gate = _GATE_OF[id(finder)]
        for at, line, low in lines:
            if line and _holds(line, low, gate):
                found.extend((at + m.start(), at + m.end()) for m in finder.finditer(line) if m.group().strip())
    return found


# Bare months and years need a word before them that makes them dates: "May" is a verb, a name
# ("Theresa May") or a month; "2000" a year or a quantity.
_BARE_MONTH = re.compile(rf"\b{_MONTH_FULL}\b")
_BARE_YEAR = re.compile(rf"(?<![\d$£€.,])\b{_YEAR}\b(?!\s*%|[-–/]\d|,\d|\.\d)")
_DATE_CONTEXT = {"in", "since", "by", "during", "until", "till", "from", "before", "after", "through", "throughout",
                 "of", "between", "and", "to", "or", "early", "late", "mid", "last", "next", "this", "around",
                 "on", "for", "as", "year", "the", "end", "start", "beginning", "middle", "until", "circa"}
# "the May", "as May", "for March" are names or nouns far more often than months.
_MONTH_CONTEXT = _DATE_CONTEXT - {"the", "year", "as", "for", "on", "end", "start", "beginning", "middle"}
_INCLUDED_PREP = {"in", "since", "by", "during", "until", "till", "from", "before", "after", "through", "throughout",
                  "on", "at"}
_AMBIGUOUS_MONTHS = {"march", "may"}
_PREV_WORD = re.compile(r"([A-Za-z]+)[- \t\u00a0]*$")
# What may stand before a bare month or year and belongs to the expression: "by early June", "late 2006",
# "at the end of 2008".
_BEFORE = re.compile(
    r"(?:\b(?P<prep>on|in|at|since|by|during|until|till|from|before|after|through|throughout)[ \t]+)?"
    r"(?P<part>(?:the[ \t]+)?(?:very[ \t]+)?(?:start|beginning|end|middle|close)[ \t]+of[ \t]+|"
    r"\b(?:early|late|mid)(?:-|[ \t]+))?$", re.IGNORECASE)
_THE_DAY = re.compile(r"\b(?:(?:early|late|later|earlier)[ \t]+in[ \t]+)?the[ \t]+(?:trading[ \t]+)?day\b"
                      r"(?![ \t]+(?:of|when|that|which|ahead|to)\b)", re.IGNORECASE)
# Verbs and prepositions after which "the day" is the day of the story ("to end the day at 8,017").
_DAY_CONTEXT = {"end", "ends", "ended", "ending", "close", "closes", "closed", "closing", "finish", "finished",
                "finishing", "start", "started", "starting", "open", "opened", "opening", "for", "in", "during",
                "throughout"}


def find_expressions(text: str) -> list[Expression]:
    """Temporal expressions in `text`, longest first where they overlap, in text order."""
    found = _gated_matches(text)
    for m in _BARE_MONTH.finditer(text):
        span = _with_context(text, m.start(), m.end(), require=m.group().lower() in _AMBIGUOUS_MONTHS,
                             context=_MONTH_CONTEXT)
        if span:
            found.append(span)
    for m in _BARE_YEAR.finditer(text):
        span = _with_context(text, m.start(), m.end(), require=True)
        if span:
            found.append(span)
    for m in _THE_DAY.finditer(text):
        prev = _PREV_WORD.search(text[max(0, m.start() - 30):m.start()])
        if m.group().lower().startswith("the") and not (prev and prev.group(1).lower() in _DAY_CONTEXT):
            continue
        found.append(m.span())
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda s: (-(s[1] - s[0]), s[0])):
        start, end = _trim(text, start, end)
        if start >= end or any(start < e and s < end for s, e in chosen):
            continue
        if is_named_day(text, start, end):
            continue
        chosen.append((start, end))
    chosen = [_possessive(text, s, e) for s, e in chosen]
    return [Expression(s, e, text[s:e]) for s, e in sorted(chosen)]


def _with_context(text: str, start: int, end: int, *, require: bool,
                  context: frozenset[str] | set[str] = frozenset()) -> tuple[int, int] | None:
    """Span of a bare month or year with the words before it that belong to it; None without date context."""
    before = text[max(0, start - 60):start]
    lead = _BEFORE.search(before)
    if lead and lead.group("part"):
        return start - len(lead.group(0)), end
    m = _PREV_WORD.search(before)
    word = m.group(1).lower() if m else ""
    if require and word not in (context or _DATE_CONTEXT):
        return None
    if word in _INCLUDED_PREP and m is not None:
        return start - (len(before) - m.start(1)), end
    return start, end


_LEAD_PREP = re.compile(r"(?i)(?:on|in|at|since|by|during|until|till|from|before|after|through|throughout)[ \t]+")


def _possessive(text: str, start: int, end: int) -> tuple[int, int]:
    """A possessive date ("at this year's conference") modifies a noun: the preposition is the noun's."""
    if re.match(r"['’]s\b", text[end:end + 3]) or re.search(r"['’]s$", text[start:end]):
        m = _LEAD_PREP.match(text, start, end)
        if m:
            return m.end(), end
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\u00a0":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0,":
        end -= 1
    return start, end


_DEICTIC_WORDS = ("Today", "Tonight", "Tomorrow", "Yesterday")
# A lowercase word or a possessive just before: the word stands inside a sentence, not at its start.
_INSIDE = re.compile(r"(?:\b[a-z][\w-]*|['’]s)[ \t\u00a0]+$")


def _named_deictic(text: str, start: int, end: int) -> bool:
    """True for 'Today' written with its capital inside a sentence: a name ('Radio 4's Today programme',
    'on the Today programme', 'USA Today' aside), never the day of publication."""
    words = text[start:end].split()
    at = next((i for i, w in enumerate(words) if re.sub(r"['’]s$", "", w) in _DEICTIC_WORDS), None)
    if at is None:
        return False
    if at:
        return words[at - 1][:1].islower()  # 'appeared on Today'
    return bool(_INSIDE.search(text[max(0, start - 40):start]))


def is_named_day(text: str, start: int, end: int) -> bool:
    """True for a weekday or a 'Today' that is part of a name: "Black Monday", "Good Friday", "the Today
    programme"."""
    if _named_deictic(text, start, end):
        return True
    words = text[start:end].split()
    if not words or words[0].lower().strip("'’s") not in WEEKDAYS:
        return False
    m = _PREV_WORD.search(text[max(0, start - 30):start])
    return bool(m and m.group(1).lower() in NAMED_DAY_WORDS and m.group(1)[0].isupper())
