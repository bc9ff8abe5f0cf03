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


def find_dateline(text: str) -> tuple[int, int] | None:
    """Character range of the dateline that opens the first paragraph under the headline (dash and the
    space after it included), or None. Only there: elsewhere 'US - China talks' is not one."""
    title_end = text.find("\n")
    if title_end == -1:
        return None
    start = title_end + 1
    while start < len(text) and text[start] in " \t\r\n":
        start += 1
    match = DATELINE.match(text, start) or DATELINE_WITHOUT_MARK.match(text, start)
    return (match.start(), match.end()) if match else None
