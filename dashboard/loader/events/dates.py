"""Temporal expressions in news text: the calendar date a news reader gives them.

Pure functions on strings and dates (no spaCy): `find_expressions` (from `date_finder`) finds the
dating words in a text, `resolve` turns one expression into a date, a precision (day, week, month,
year or none) and the name of the rule that decided it. The clause's tense, which only a parser
knows, comes in as an argument. dateparser parses absolute dates ("3 March 2024", "7/8/07"); the rules here handle what
news usage reads differently from its defaults: the direction of a bare weekday or month (tense,
not a global preference), "this week" as a whole week, "may" the verb, and relative words that
must stay unresolved when the article has no publication date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dashboard.loader.events.date_finder import WEEKDAYS, Expression, find_expressions, is_named_day

__all__ = ["Expression", "Resolution", "find_expressions", "is_named_day", "needs_context", "period", "resolve"]

PRECISIONS = ("day", "week", "month", "year", "none")
# The dates the tables can hold (pandas' nanosecond timestamps), whole years only.
FIRST_DAY, LAST_DAY = dt.date(1678, 1, 1), dt.date(2261, 12, 31)
# Rules whose expression is no point in time (a duration, or words the rules cannot read): they
# do not date an event.
NOT_DATES = frozenset({"duration", "unsupported", "year-range", "holiday-season"})

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2}
_SEASON_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


@dataclass(frozen=True)
class Resolution:
    """What an expression means on the calendar. `date` is the first day of the period; None when undated."""

    date: dt.date | None
    precision: str
    rule: str

    @property
    def is_date(self) -> bool:
        """True when the expression places something in time (possibly vaguely, possibly unresolved)."""
        return self.rule not in NOT_DATES

    @property
    def is_resolved(self) -> bool:
        """True when the expression has a date on the calendar."""
        return self.date is not None and self.precision != "none"

    def period(self) -> tuple[dt.date, dt.date] | None:
        """[first day, day after the last) of the period; None when undated."""
        return period(self.date, self.precision) if self.is_resolved else None

    def contains(self, other: Resolution) -> bool:
        """True when `other`'s period lies inside this one's (both resolved)."""
        mine, theirs = self.period(), other.period()
        return bool(mine and theirs and mine[0] <= theirs[0] and theirs[1] <= mine[1])


# ---------------------------------------------------------------------------------------------
# Calendar helpers


def period(date: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """The [start, end) days of the day, week, month or year that starts at `date`."""
    if precision == "day":
        return date, date + dt.timedelta(days=1)
    if precision == "week":
        monday = monday_of(date)
        return monday, monday + dt.timedelta(days=7)
    if precision == "month":
        first = date.replace(day=1)
        return first, _add_months(first, 1)
    if precision == "year":
        return dt.date(date.year, 1, 1), dt.date(date.year + 1, 1, 1)
    raise ValueError(f"no period for precision {precision!r}")


def monday_of(date: dt.date) -> dt.date:
    """The Monday of the ISO week holding `date`."""
    return date - dt.timedelta(days=date.weekday())


def _add_months(date: dt.date, months: int) -> dt.date:
    index = date.year * 12 + date.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The day, or None when the calendar has no such day (February 29 of a common year)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def as_date(value: object) -> dt.date | None:
    """A publication date (date, datetime, Timestamp or ISO string) as a `datetime.date`; None for None, NaT, NaN."""
    if value is None or value != value:  # NaT and NaN are not equal to themselves
        return None
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10]) if value.strip() else None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise TypeError(f"not a date: {value!r}")


def _start(date: dt.date, precision: str) -> dt.date:
    return period(date, precision)[0]


def needs_context(text: str) -> bool:
    """True when `text` is dated by another date of the story ("the same day", "two days later")."""
    t = _strip(_normalise(text))
    return bool(_ANAPHORIC.match(t) or _SHIFTED.match(t) or _SAME_AGO.match(t) or _THE_UNIT.match(t))


# ---------------------------------------------------------------------------------------------
# Resolving one expression

_LEADING_PREP = re.compile(
    r"^(?:(?:on|in|at|since|by|during|until|till|from|before|after|through|throughout|as of|of|around|about|"
    r"circa|starting|beginning|as early as|as late as|no later than|for|over) )+")
_PART_PREFIX = re.compile(
    r"^(?:(?:the )?(?:very )?(?:start|beginning|end|middle|close|rest|remainder|turn|first half|second half|"
    r"latter part|early part) of |(?:early|earlier|late|later|mid)(?:-| )(?:in )?)")

_VAGUE_PAST = re.compile(
    r"^(?:recently|recent|lately|of late|previously|formerly|earlier|the past|past|not long ago|some time ago|"
    r"a while ago|(?:years|months|weeks|days|decades|ages) ago|(?:a )?(?:few|several) (?:days|weeks|months|years) ago|"
    r"recent (?:years|months|weeks|days|times|history))$")
_VAGUE_FUTURE = re.compile(
    r"^(?:soon|shortly|eventually|the future|future|the near future|in due course|"
    r"(?:the )?coming (?:days|weeks|months|years))$")
_DURATION = re.compile(
    r"^(?:(?:the |a |an |over |more than |less than |nearly |almost |about |some |at least )*)"
    r"(?:(?:past|last|next|previous|coming|first|final|following) )?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a few|few|several|"
    r"many|a couple of|a number of|a|an)? ?(?:full |whole |straight |consecutive )?"
    r"(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|minutes?)(?: long| old| running| straight)?$")
_AGE = re.compile(r"\d+[- ](?:year|month|week|day)s?[- ]old")
_DEICTIC = re.compile(r"^(today|tonight|yesterday|tomorrow|now|this morning|this afternoon|this evening|last night)"
                      r"(?: (?:morning|afternoon|evening|night))?$")
_RELATIVE = re.compile(r"^(this|last|next|the last|the coming|coming|the current|current) "
                       r"(week|weekend|month|year|quarter)$")
_ANAPHORIC = re.compile(r"^(the same|that|the|the previous|the following|the next|the prior) "
                        r"(day|week|month|year|quarter|period)$")
_THE_UNIT = re.compile(r"^the (day|week|month|year|(?:trading|business) day)$")
_COUNT = (r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of|a few|few|"
          r"several|some|many)")
_SHIFTED = re.compile(rf"^(?:{_COUNT} (day|week|month|year|decade)s? (later|earlier|after|before)|"
                      r"the (day|week|month|year) (before|after|previous|earlier))$")
_SAME_AGO = re.compile(r"^the same (day|week|month|period|quarter) "
                       r"(?:a year (?:ago|earlier|before)|last year|of the previous year)$")
_AGO = re.compile(rf"^{_COUNT} (day|week|month|year|decade)s? ago$")
_IN_N = re.compile(rf"^(?:in|within) {_COUNT} (day|week|month|year)s?$")
_WEEKDAY = re.compile(r"^(?:(last|next|this|coming|past) )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                      r"(?: (?:morning|afternoon|evening|night))?$")
_MONTH_NAME = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
_MONTH_OF_REL_YEAR = re.compile(rf"^{_MONTH_NAME}(?: (\d{{1,2}})(?:st|nd|rd|th)?)?,? (?:of )?(this|last|next) year$")
_DAY_OF_REL_MONTH = re.compile(r"^(?:the )?(\d{1,2})(?:st|nd|rd|th)? of (this|last|next) month$")
_DAY_FIRST = re.compile(rf"^(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MONTH_NAME}\b")  # "6 october ..."
# How far "this", "last" and "next" move a month or a year.
_STEPS = {"this": 0, "last": -1, "next": 1}
_REL_MONTH = re.compile(rf"^(last|next|this) {_MONTH_NAME}$")
_YEAR_RANGE = re.compile(r"^(?:the )?(?:fy ?)?(?:1[0-9]|20)\d\d ?[-–/] ?(?:\d\d|(?:1[0-9]|20)\d\d)$")
_YEAR_T = re.compile(r"^(?:the )?(?:year )?(1[0-9]\d\d|20\d\d)$")
_SHORT_YEAR = re.compile(r"^'(\d\d)$")
_YEAR_IN = re.compile(r"\b(1[0-9]\d\d|20\d\d)\b|'\d\d\b|\d{1,2}/\d{1,2}/\d{2}\b")
_MONTH_WORD = rf"(?:{_MONTH_NAME}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
_ORD = r"\d{1,2}(?:st|nd|rd|th)?"
# The shapes handed to dateparser: anything else it might read too freely ("the last week of March").
_ABSOLUTE = re.compile(rf"^(?:the )?(?:{_ORD} (?:of )?)?{_MONTH_WORD}(?: {_ORD})?,?(?: \d{{4}})?$")
_NUMERIC = re.compile(r"^(?:\d{4}-\d{2}(?:-\d{2})?|\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))$")
_SEASON = re.compile(r"^(?:(this|last|next) )?(?:the )?(spring|summer|autumn|fall|winter)(?:,? (?:of )?(\d{4}))?$")
_QUARTER_T = re.compile(r"^(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th|final|last) quarter"
                        r"(?: of (\d{4}|this year|last year|next year))?$|^q([1-4])(?: (\d{4}))?$")
_MAY_VERB = re.compile(r"(?<![A-Za-z])may(?![A-Za-z])")  # lower-case "may" is the verb, never the month
_DECADE = re.compile(r"^(?:the )?(?:early |mid-?|late )?(?:\d{2})?\d0'?s$")


def _normalise(text: str) -> str:
    t = text.strip().lower().replace("’", "'").replace("\u00a0", " ")
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"[.,;:!?'\"“”]+$", "", t)
    t = re.sub(r"^['\"“”‘]+", "", t)
    t = re.sub(r"^(.*?)\s*\(([^()]+)\)$", r"\1, \2", t)  # "tuesday (april 1)" is "tuesday, april 1"
    return re.sub(r"'s$", "", t)


def _strip(t: str) -> str:
    """Drop leading prepositions and parts ("early", "the end of"): they do not change the period."""
    prev = None
    while prev != t:
        prev = t
        t = _LEADING_PREP.sub("", t)
        stripped = _PART_PREFIX.sub("", t)
        if stripped and stripped != t and not _VAGUE_PAST.match(t):
            t = stripped
    return t


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def resolve(text: str, published: object = None, *, tense: str | None = None,
            focus: Resolution | None = None) -> Resolution:
    """The date `text` stands for in a story published on `published`.

    tense: "past", "present" or "future" for the clause the expression dates; None when it is not
        known or the expression modifies a noun ("a June 3 hearing"): the nearest date is taken.
    focus: the date of the story the expression may refer back to ("the same day"); when None,
        such expressions are read against the publication date.
    """
    result = _resolve(text, as_date(published), tense, focus)
    if result.date is not None and not FIRST_DAY <= result.date <= LAST_DAY:
        return Resolution(None, "none", "outside-calendar-range")
    return result


def _resolve(text: str, pub: dt.date | None, tense: str | None, focus: Resolution | None) -> Resolution:
    raw = _normalise(text)
    if not raw or _AGE.search(raw) or _MAY_VERB.search(text):
        return Resolution(None, "none", "unsupported")
    if _YEAR_RANGE.match(_strip(raw)):
        return Resolution(None, "none", "year-range")  # 'the 2018-19 school year' spans two years: no one date
    m = _IN_N.match(raw)
    if m:
        return _in_units(m, pub, tense)
    t = _strip(raw)
    holiday = _HOLIDAY.match(t)
    if holiday and t == raw and not holiday.group(1) and not holiday.group(3):
        return Resolution(None, "none", "holiday-season")  # 'the Christmas sales period': a season, not its day
    for rule in (_vague, _deictic, _relative, _anaphoric, _ago, _weekday, _holiday, _season, _quarter, _month, _year):
        result = rule(t, pub, tense, focus)
        if result is not None:
            return result
    if _DECADE.match(t) or _DURATION.match(t):
        return Resolution(None, "none", "duration" if _DURATION.match(t) else "unsupported")
    return Resolution(None, "none", "unsupported")


def _unresolved(why: str = "no-publication-date") -> Resolution:
    return Resolution(None, "none", why)


def _vague(t: str, pub, tense, focus) -> Resolution | None:
    if _VAGUE_PAST.match(t):
        return Resolution(None, "none", "vague-past")
    if _VAGUE_FUTURE.match(t):
        return Resolution(None, "none", "vague-future")
    return None


def _deictic(t: str, pub, tense, focus) -> Resolution | None:
    m = _DEICTIC.match(t)
    if not m:
        return None
    if pub is None:
        return _unresolved()
    word = m.group(1)
    if word in ("yesterday", "last night"):
        return Resolution(pub - dt.timedelta(days=1), "day", "day-before-publication")
    if word == "tomorrow":
        return Resolution(pub + dt.timedelta(days=1), "day", "day-after-publication")
    return Resolution(pub, "day", "publication-day")


def _relative(t: str, pub, tense, focus) -> Resolution | None:
    m = _RELATIVE.match(t)
    if not m:
        return None
    if pub is None:
        return _unresolved()
    which, unit = m.group(1).replace("the ", ""), m.group(2)
    step = {"this": 0, "current": 0, "last": -1, "next": 1, "coming": 1}[which]
    name = {0: "this", -1: "last", 1: "next"}[step]
    if unit == "weekend":
        return _weekend(pub, step, tense)
    if unit == "quarter":
        first = _add_months(dt.date(pub.year, (pub.month - 1) // 3 * 3 + 1, 1), 3 * step)
        return Resolution(dt.date(first.year, 1, 1), "year", f"{name}-quarter-as-year")
    return Resolution(_shift(pub, unit, step), unit, f"{name}-{unit}")


def _shift(date: dt.date, unit: str, step: int) -> dt.date:
    """Start of the `unit` that is `step` units from the one holding `date`."""
    if unit == "day":
        return date + dt.timedelta(days=step)
    if unit == "week":
        return monday_of(date) + dt.timedelta(weeks=step)
    if unit == "month":
        return _add_months(date.replace(day=1), step)
    if unit == "decade":
        return dt.date(date.year + 10 * step, 1, 1)
    return dt.date(date.year + step, 1, 1)


def _weekend(pub: dt.date, step: int, tense: str | None) -> Resolution:
    saturday = 5
    if step < 0:
        back = (pub.weekday() - saturday) % 7 or 7
        day, rule = pub - dt.timedelta(days=back), "weekend-last"
    elif step > 0:
        ahead = (saturday - pub.weekday()) % 7 or 7
        day, rule = pub + dt.timedelta(days=ahead), "weekend-next"
    elif tense == "past" or pub.weekday() >= saturday:
        day, rule = _nearest_weekday(pub, saturday, "before"), "weekend-this"
    else:
        # 'long rains come this weekend', written on a weekday: the weekend ahead
        day, rule = _nearest_weekday(pub, saturday, "after"), "weekend-this"
    return Resolution(monday_of(day), "week", rule)


def _direction(tense: str | None, *, weekday: bool) -> str:
    """Which side of publication a bare weekday or month falls on, as a news reader takes it.

    Past tense looks back, future forward. The present of news is mostly the historical present of
    headlines ("Apple releases ..."), so a weekday in it looks back; a month in it (and any date on a
    noun, whose tense is unknown) takes the nearest.
    """
    if tense == "past":
        return "before"
    if tense == "future":
        return "after"
    if tense == "present" and weekday:
        return "before"
    return "nearest"


def _nearest_weekday(pub: dt.date, weekday: int, direction: str) -> dt.date:
    back = pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)
    ahead = pub + dt.timedelta(days=(weekday - pub.weekday()) % 7)
    if direction == "before":
        return back
    if direction == "after":
        return ahead
    return back if (pub - back) <= (ahead - pub) else ahead


def _weekday(t: str, pub, tense, focus) -> Resolution | None:
    m = _WEEKDAY.match(t)
    if not m:
        return None
    if pub is None:
        return _unresolved()
    modifier, weekday = m.group(1), WEEKDAYS.index(m.group(2))
    if modifier in ("last", "past"):
        back = (pub.weekday() - weekday) % 7 or 7
        return Resolution(pub - dt.timedelta(days=back), "day", "weekday-last")
    if modifier in ("next", "coming"):
        ahead = (weekday - pub.weekday()) % 7 or 7
        return Resolution(pub + dt.timedelta(days=ahead), "day", "weekday-next")
    if modifier == "this" and tense != "past":
        # 'the rains arrive this Friday': the one ahead (or today), unless the clause tells of the past
        return Resolution(pub + dt.timedelta(days=(weekday - pub.weekday()) % 7), "day", "weekday-this")
    direction = _direction(tense, weekday=True)
    return Resolution(_nearest_weekday(pub, weekday, direction), "day", f"weekday-{direction}-publication")


def _anaphoric(t: str, pub, tense, focus) -> Resolution | None:
    """Dates that point back at one the story already gave: "the same day", "the previous year"."""
    m = _SAME_AGO.match(t)
    if m:
        return _from_focus(m.group(1), 0, focus, pub, years_back=1)
    m = _THE_UNIT.match(t)
    if m:
        # "by the end of the month" in a clause still to come is the story's own month; in a past
        # clause it may be the month the story just named
        ahead = tense == "future"
        return _from_focus("day" if m.group(1).endswith("day") else m.group(1), 0, None if ahead else focus, pub)
    m = _ANAPHORIC.match(t)
    if m:
        step = {"the previous": -1, "the prior": -1, "the following": 1, "the next": 1}.get(m.group(1), 0)
        return _from_focus(m.group(2), step, focus, pub)
    m = _SHIFTED.match(t)
    if m:
        if m.group(4):
            return _from_focus(m.group(4), 1 if m.group(5) == "after" else -1, focus, pub)
        n = _number(m.group(1))
        if n is None:
            return Resolution(None, "none", "vague-relative")
        if focus is None or not focus.is_resolved:
            return _unresolved("no-date-to-refer-to")
        step = n if m.group(3) in ("later", "after") else -n
        if m.group(2) == "decade":
            return _from_focus("year", 10 * step, focus, pub)
        return _from_focus(m.group(2), step, focus, pub)
    return None


def _from_focus(unit: str, step: int, focus: Resolution | None, pub: dt.date | None, *,
                years_back: int = 0) -> Resolution:
    """The `unit` `step` units away from the date referred back to (or `years_back` years before it).

    The date referred back to is `focus` when the story gave one, else the publication day; "the same
    period" needs a date of the story. A unit finer than the date referred to cannot be read ("the
    same day" after "in March").
    """
    if focus is not None and focus.is_resolved:
        base, where = focus, "context"
    elif pub is not None and unit != "period":
        base, where = Resolution(pub, "day", "publication-day"), "publication"
    else:
        return _unresolved("no-date-to-refer-to")
    quarter = unit == "quarter"
    if unit == "period":
        unit = base.precision
    elif quarter:
        unit = "month"
    if PRECISIONS.index(base.precision) > PRECISIONS.index(unit):
        return _unresolved(f"{unit}-finer-than-{where}")
    if quarter:  # quarters are reported as the year they fall in
        first = _add_months(base.date.replace(day=1), 3 * step - 12 * years_back)
        return Resolution(dt.date(first.year, 1, 1), "year", f"quarter-as-year-of-{where}")
    date = _shift(base.date, unit, step)
    if years_back:
        date = monday_of(date - dt.timedelta(weeks=52 * years_back)) if unit == "week" else (
            safe_date(date.year - years_back, date.month, date.day) or dt.date(date.year - years_back, date.month, 28))
        return Resolution(_start(date, unit), unit, f"same-{unit}-year-before-{where}")
    if step == 0:
        return Resolution(_start(date, unit), unit, f"same-{unit}-as-{where}")
    return Resolution(_start(date, unit), unit, f"{unit}-{'before' if step < 0 else 'after'}-{where}")


def _ago(t: str, pub, tense, focus) -> Resolution | None:
    m = _AGO.match(t)
    if not m:
        return None
    n = _number(m.group(1))
    if n is None:
        return Resolution(None, "none", "vague-past")
    if pub is None:
        return _unresolved()
    unit = m.group(2)
    if unit == "decade":
        return Resolution(dt.date(pub.year - 10 * n, 1, 1), "year", "ago")
    if unit == "day":
        return Resolution(pub - dt.timedelta(days=n), "day", "ago")
    if unit == "week":
        return Resolution(monday_of(pub - dt.timedelta(weeks=n)), "week", "ago")
    return Resolution(_shift(pub, unit, -n), unit, "ago")


def _in_units(m: re.Match, pub: dt.date | None, tense: str | None) -> Resolution:
    n = _number(m.group(1))
    unit = m.group(2)
    if tense == "past" or n is None:  # "rose 10% in two years" is a duration
        return Resolution(None, "none", "duration")
    if pub is None:
        return _unresolved()
    if unit == "day":
        return Resolution(pub + dt.timedelta(days=n), "day", "in-n-units")
    if unit == "week":
        return Resolution(monday_of(pub + dt.timedelta(weeks=n)), "week", "in-n-units")
    return Resolution(_shift(pub, unit, n), unit, "in-n-units")


def _season(t: str, pub, tense, focus) -> Resolution | None:
    m = _SEASON.match(t)
    if not m:
        return None
    which, season, year = m.groups()
    if year:
        return Resolution(dt.date(int(year), 1, 1), "year", "season-as-year")
    if pub is None:
        return _unresolved()
    month = _SEASON_MONTH[season]
    if which == "last":
        start = _month_relative(pub, month, "last")
    elif which == "next":
        start = _month_relative(pub, month, "next")
    else:
        start = _month_in_direction(pub, month, _direction(tense, weekday=False))
    return Resolution(dt.date(start.year, 1, 1), "year", "season-as-year")


def _quarter(t: str, pub, tense, focus) -> Resolution | None:
    m = _QUARTER_T.match(t)
    if not m:
        return None
    which, of, q_number, q_year = m.groups()
    if q_number:
        if not q_year:
            return _unresolved("year-unknown") if pub is None else Resolution(
                dt.date(_month_in_direction(pub, 3 * int(q_number) - 2, _direction(tense, weekday=False)).year, 1, 1),
                "year", "quarter-as-year")
        return Resolution(dt.date(int(q_year), 1, 1), "year", "quarter-as-year")
    if of and of[0].isdigit():
        return Resolution(dt.date(int(of), 1, 1), "year", "quarter-as-year")
    if pub is None:
        return _unresolved()
    if of:
        step = {"this year": 0, "last year": -1, "next year": 1}[of]
        return Resolution(dt.date(pub.year + step, 1, 1), "year", "quarter-as-year")
    if which in ("last", "final") and not of:
        # "the last quarter" of a report is the quarter before publication
        first = _add_months(dt.date(pub.year, (pub.month - 1) // 3 * 3 + 1, 1), -3)
        return Resolution(dt.date(first.year, 1, 1), "year", "last-quarter-as-year")
    first_month = 3 * _QUARTER[which] - 2
    start = _month_in_direction(pub, first_month, _direction(tense, weekday=False))
    return Resolution(dt.date(start.year, 1, 1), "year", "quarter-as-year")


def _month_relative(pub: dt.date, month: int, which: str) -> dt.date:
    """First day of "last March" (strictly before this month) or "next March" (strictly after)."""
    if which == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif which == "next":
        year = pub.year if month > pub.month else pub.year + 1
    else:
        year = pub.year
    return dt.date(year, month, 1)


def _month_in_direction(pub: dt.date, month: int, direction: str) -> dt.date:
    """First day of the month named without a year: the latest on or before, earliest on or after, or nearest."""
    before = dt.date(pub.year if month <= pub.month else pub.year - 1, month, 1)
    after = dt.date(pub.year if month >= pub.month else pub.year + 1, month, 1)
    if direction == "before":
        return before
    if direction == "after":
        return after
    if before == after:
        return before
    gap_before = (pub - _add_months(before, 1)).days
    gap_after = (after - pub).days
    return before if gap_before <= gap_after else after


def _day_in_direction(pub: dt.date, month: int, day: int, direction: str) -> dt.date | None:
    options = [d for d in (safe_date(pub.year + k, month, day) for k in (-1, 0, 1)) if d is not None]
    if not options:
        return None
    before = [d for d in options if d <= pub]
    after = [d for d in options if d >= pub]
    if direction == "before" and before:
        return max(before)
    if direction == "after" and after:
        return min(after)
    return min(options, key=lambda d: (abs((d - pub).days), d > pub))


# Holidays on the same day every year, which news dates events by: "on New Year's Eve", "over Christmas".
HOLIDAYS = {"new year's eve": (12, 31), "new year's day": (1, 1), "christmas eve": (12, 24), "christmas day": (12, 25),
            "christmas": (12, 25), "boxing day": (12, 26), "valentine's day": (2, 14), "halloween": (10, 31)}
_HOLIDAY = re.compile(r"^(?:(last|next|this) )?(" + "|".join(map(re.escape, HOLIDAYS)) + r")(?: (\d{4}))?$")


def _holiday(t: str, pub, tense, focus) -> Resolution | None:
    """'New Year's Eve', 'Christmas Day 2023', 'last Christmas': that day, on the side of publication the tense
    looks to."""
    m = _HOLIDAY.match(t)
    if not m:
        return None
    month, day = HOLIDAYS[m.group(2)]
    if m.group(3):
        return Resolution(dt.date(int(m.group(3)), month, day), "day", "explicit-holiday")
    if pub is None:
        return _unresolved("year-unknown")
    direction = {"last": "before", "next": "after"}.get(m.group(1) or "", _direction(tense, weekday=False))
    found = _day_in_direction(pub, month, day, direction)
    return Resolution(found, "day", f"holiday-{direction}-publication") if found else None


def _month(t: str, pub, tense, focus) -> Resolution | None:
    """Expressions naming a month, or written as numbers: "March 3", "in March", "March 2024", "7/8/07"."""
    m = _MONTH_OF_REL_YEAR.match(_DAY_FIRST.sub(r"\2 \1", t))  # "6 October last year" is "october 6 last year"
    if m:
        if pub is None:
            return _unresolved()
        month = MONTHS.index(m.group(1)) + 1
        step = _STEPS[m.group(3)]
        if m.group(2):  # "October 6 last year"
            day = safe_date(pub.year + step, month, int(m.group(2)))
            return Resolution(day, "day", f"day-of-{m.group(3)}-year") if day else _unresolved("no-such-day")
        return Resolution(dt.date(pub.year + step, month, 1), "month", f"month-of-{m.group(3)}-year")
    m = _DAY_OF_REL_MONTH.match(t)
    if m:
        if pub is None:
            return _unresolved()
        start = _add_months(dt.date(pub.year, pub.month, 1), _STEPS[m.group(2)])
        day = safe_date(start.year, start.month, int(m.group(1)))  # "until the 17th of this month"
        return Resolution(day, "day", f"day-of-{m.group(2)}-month") if day else _unresolved("no-such-day")
    m = _REL_MONTH.match(t)
    if m:
        if pub is None:
            return _unresolved()
        month = MONTHS.index(m.group(2)) + 1
        return Resolution(_month_relative(pub, month, m.group(1)), "month", f"month-{m.group(1)}")
    t = re.sub(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),? ", "", t)
    if not (_ABSOLUTE.match(t) or _NUMERIC.match(t)):
        return None
    parsed = _parse_absolute(t)
    if parsed is None:
        return None
    date, precision = parsed
    if _YEAR_IN.search(t):
        return Resolution(_start(date, precision), precision, f"explicit-{precision}")
    if pub is None:
        return _unresolved("year-unknown")
    direction = _direction(tense, weekday=False)
    if precision == "month":
        return Resolution(_month_in_direction(pub, date.month, direction), "month", f"month-{direction}-publication")
    if precision == "day":
        day = _day_in_direction(pub, date.month, date.day, direction)
        if day is None:
            return None
        return Resolution(day, "day", f"month-day-{direction}-publication")
    return None


@lru_cache(maxsize=1)
def _parser():
    # Imported late: dateparser takes a moment to load and most expressions never need it.
    from dateparser.date import DateDataParser

    # A fixed leap-year base: the year of a year-less date is chosen by our own rules, not dateparser's.
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime(2000, 1, 1), "PREFER_DATES_FROM": "current_period",
        "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": True, "DATE_ORDER": "MDY",
    })


@lru_cache(maxsize=4096)
def _parse_absolute(t: str) -> tuple[dt.date, str] | None:
    """dateparser's reading of an absolute date, with the precision it found (day, month or year).

    Kept per process: the same few expressions ("march 3", "june 2008") recur across articles, the
    reading depends on the words alone (a fixed base), and dateparser costs milliseconds a call.
    """
    data = _parser().get_date_data(t)
    if data is None or data.date_obj is None:
        return None
    precision = {"time": "day"}.get(data.period or "day", data.period or "day")
    if precision not in ("day", "week", "month", "year"):
        return None
    return data.date_obj.date(), precision


def _year(t: str, pub, tense, focus) -> Resolution | None:
    m = _YEAR_T.match(t)
    if m:
        return Resolution(dt.date(int(m.group(1)), 1, 1), "year", "explicit-year")
    m = _SHORT_YEAR.match(t)
    if not m:
        return None
    if pub is None:
        return _unresolved("century-unknown")
    # "since '82" in a story of 2009 is 1982: the century that puts the year nearest the story
    options = [100 * c + int(m.group(1)) for c in (pub.year // 100 - 1, pub.year // 100, pub.year // 100 + 1)]
    year = min(options, key=lambda y: (abs(y - pub.year), y > pub.year))
    return Resolution(dt.date(year, 1, 1), "year", "two-digit-year")
