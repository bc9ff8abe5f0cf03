"""Datelines: the place (and wire service) that opens a news story's first paragraph, 'OTTAWA —',
'DETROIT (AP) —', 'LONDON, March 5 (Reuters) -'. They say where the story was filed, so they name no
actor and belong to no quote."""
from __future__ import annotations

import re

# A place in capitals (with an optional region: 'HALIFAX, N.S.'), an optional day, an optional agency in
# brackets or after a comma, then a dash or a colon ('NEW DELHI:', 'PATNA, March 4 (PTI):', 'PORT OF SPAIN,
# Trinidad, Oct 31, CMC –'); a dateline may stand on a line of its own.
DATELINE = re.compile(
    r"[ \t]*(?:[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3})"
    r"(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t][A-Z][A-Za-z.]+)?)?"
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?"
    r"(?:[ \t]*\([A-Za-z .&-]{1,30}\)|,[ \t]*(?:[A-Z]{2,8}|Reuters|Xinhua|Bernama))?"
    r"(?:[ \t]*(?:—|–|--|-)|:)(?:[ \t]+|[ \t]*\n\s*)"
)


# A place in title case with the day and no mark after it, as Indian wire copy writes it ('Mumbai, July 18
# Chief Minister ...'): only with a month's name, so that no sentence is taken for one.
MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?"
DATELINE_WITHOUT_MARK = re.compile(
    r"[ \t]*[A-Z][A-Za-z.'’]+(?:[ -][A-Z][A-Za-z.'’]+){0,2},[ \t]*" + MONTHS + r"[ \t]+\d{1,2}"
    r"(?:[ \t]*\([A-Za-z .&-]{1,30}\))?[ \t]+(?=[A-Z])"
)


# The place of a dateline that opens the second paragraph, after a summary the site sets above the story
# ('JOHANNESBURG - The African National Congress ...'): one word of four capitals or more.
LONG_PLACE = re.compile(r"[ \t]*[A-Z]{4}")


def find_dateline(text: str) -> tuple[int, int] | None:
    """Character range of the dateline that opens the first paragraph under the headline (dash and the
    space after it included), or the second one after a summary of the story, or None. Only there:
    elsewhere 'US - China talks' is not one."""
    title_end = text.find("\n")
    if title_end == -1:
        return None
    start = _next_paragraph(text, title_end)
    match = DATELINE.match(text, start) or DATELINE_WITHOUT_MARK.match(text, start)
    if match is None:
        end = text.find("\n", start)
        second = _next_paragraph(text, end) if end != -1 else len(text)
        match = DATELINE.match(text, second) if LONG_PLACE.match(text, second) else None
    return (match.start(), match.end()) if match else None


def _next_paragraph(text: str, end: int) -> int:
    """Where the paragraph after the line ending at `end` begins."""
    start = end + 1
    while start < len(text) and text[start] in " \t\r\n":
        start += 1
    return start
