"""An analyst's corrections to quotes and events: `corrections.yaml` in the briefing folder.

    corrections:
      - quote: We will not allow Syria to become a battleground   # the quote's own words
        article: 79500b95bb2bff64
        speaker: Hakan Fidan          # an actor (id, name or alias), or "unknown"
      - event: Turkey and Israel held talks in Baku on Wednesday.   # the event's sentence
        article: 79500b95bb2bff64
        date_text: on Wednesday       # the words that dated it: tells events of one sentence apart
        date: 2025-04-09              # with precision: day | week | month | year | none
        precision: day
        headline: Turkey and Israel open talks in Baku
      - quote: ...
        article: ...
        hide: true                    # a wrong quote or event, left out of every table

A correction names its row by the article and the row's own words, never by a position, so it
survives a reload and a change of the loader's rules. One that no longer finds its row is reported
and stays in the file.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from dashboard.loader import schema
from dashboard.loader.actors.gazetteer import fold
from dashboard.loader.edits.store import EditFileError, dump_yaml, read_yaml, update_file
from dashboard.loader.events.groups import group_reports
from dashboard.loader.reading.sources import IngestIssue
from dashboard.loader.vocabulary import DATED_PRECISIONS, PRECISIONS, QUOTE_MARKS, as_list

CORRECTIONS_FILE = "corrections.yaml"
TARGETS = ("quote", "event")
UNKNOWN_SPEAKER = "unknown"
DATE_RULE = "corrected"  # events.date_rule of a date an analyst set
# A quote or sentence found again by containment only when the shorter text is this long: a few
# words would match too much.
MIN_CONTAINED_CHARS = 20
HEADER = """\
# Corrections to quotes and events, applied each time the briefing loads.
#   - quote: WORDS OF THE QUOTE      (with article: ID) then speaker: ACTOR or unknown, or hide: true
#   - event: WORDS OF ITS SENTENCE   (with article: ID, date_text: WORDS THAT DATED IT)
#     then any of date: YYYY-MM-DD, precision: day|week|month|year|none, headline: TEXT, hide: true
"""


@dataclass(frozen=True)
class Correction:
    """One row's corrections. `text` is the quote's words, or the event's sentence."""

    target: str
    article_id: str
    text: str
    date_text: str | None = None
    speaker: str | None = None
    date: str | None = None
    precision: str | None = None
    headline: str | None = None
    hide: bool = False

    @classmethod
    def for_quote(cls, quote: dict | pd.Series, **changes: object) -> Correction:
        """A correction of the quote row `quote`: speaker=ACTOR_ID (or "unknown"), hide=True."""
        return cls("quote", str(quote["article_id"]), str(quote["text"]), **changes).checked()

    @classmethod
    def for_event(cls, event: dict | pd.Series, sentence: str, **changes: object) -> Correction:
        """A correction of the event row `event`, whose sentence is `sentence`: date="YYYY-MM-DD",
        precision=..., headline=..., hide=True."""
        date_text = event.get("date_text")
        date_text = None if date_text is None or date_text is pd.NA else str(date_text) or None
        return cls("event", str(event["article_id"]), str(sentence), date_text, **changes).checked()

    def key(self) -> tuple[str, str, str, str]:
        """What names the row: its kind, article and own words (normalised)."""
        return self.target, self.article_id, normalise(self.text), normalise(self.date_text or "")

    def merged(self, newer: Correction) -> Correction:
        """This correction with the changes `newer` makes on top (same row)."""
        changes = {f: getattr(newer, f) for f in ("speaker", "date", "precision", "headline")
                   if getattr(newer, f) is not None}
        return replace(self, **changes, hide=self.hide or newer.hide)

    def checked(self) -> Correction:
        """The correction, or CorrectionError saying what is wrong with it."""
        if self.target not in TARGETS:
            raise CorrectionError(f"a correction is of a quote or an event, not {self.target!r}")
        if not self.article_id.strip() or not self.text.strip():
            raise CorrectionError(f"a {self.target} correction needs the article id and the {self.target}'s words")
        if self.target == "quote" and any((self.date, self.precision, self.headline)):
            raise CorrectionError("a quote takes only 'speaker' and 'hide'")
        if self.target == "event" and self.speaker is not None:
            raise CorrectionError("an event takes 'date', 'precision', 'headline' and 'hide', not 'speaker'")
        if self.precision is not None and self.precision not in PRECISIONS:
            raise CorrectionError(f"precision {self.precision!r} is not one of {', '.join(PRECISIONS)}")
        if self.date is not None:
            try:
                dt.date.fromisoformat(self.date)
            except ValueError as exc:
                raise CorrectionError(f"date {self.date!r} is not a date written YYYY-MM-DD") from exc
        if not (self.speaker or self.date or self.precision or self.headline or self.hide):
            raise CorrectionError(f"a {self.target} correction needs something to change")
        return self

    def to_dict(self) -> dict:
        """The correction as it is written in corrections.yaml."""
        out: dict[str, object] = {self.target: self.text, "article": self.article_id}
        for name in ("date_text", "speaker", "date", "precision", "headline"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        if self.hide:
            out["hide"] = True
        return out

    @classmethod
    def from_dict(cls, data: object) -> Correction:
        """Read one entry of corrections.yaml; CorrectionError says what is wrong with it."""
        if not isinstance(data, dict):
            raise CorrectionError(f"an entry must be a mapping such as 'quote: WORDS', not {data!r}")
        targets = [t for t in TARGETS if t in data]
        if len(targets) != 1:
            raise CorrectionError("an entry needs exactly one of 'quote:' or 'event:'")
        allowed = {targets[0], "article", "date_text", "speaker", "date", "precision", "headline", "hide"}
        extra = set(map(str, data)) - allowed
        if extra:
            raise CorrectionError(f"unknown field(s) {sorted(extra)}")
        hide = data.get("hide", False)
        if not isinstance(hide, bool):
            raise CorrectionError("'hide' must be true or false")
        values = {k: _text(data.get(k)) for k in ("date_text", "speaker", "date", "precision", "headline")}
        return cls(targets[0], _text(data.get("article")) or "", _text(data[targets[0]]) or "", **values,
                   hide=hide).checked()

    def describe(self) -> str:
        """'Quote “We will not…” (article 79500b95): speaker → Hakan Fidan'."""
        words = self.text if len(self.text) <= 60 else self.text[:57].rstrip() + "…"
        what = []
        if self.speaker is not None:
            what.append(f"speaker → {self.speaker}")
        if self.date is not None or self.precision is not None:
            what.append(f"date → {self.date or '—'} ({self.precision or 'day'})")
        if self.headline is not None:
            what.append(f"headline → {self.headline}")
        if self.hide:
            what.append("hidden")
        return f"{self.target.capitalize()} “{words}” (article {self.article_id[:8]}): {'; '.join(what)}"


class CorrectionError(ValueError):
    """A correction that cannot be understood."""


def _text(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return text.strip() or None


_MARKS = re.compile(f"[{re.escape(QUOTE_MARKS)}]")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Words for matching: Unicode-normalised, case-folded, quotation marks dropped, spaces collapsed,
    trailing punctuation gone."""
    text = unicodedata.normalize("NFKC", str(text))
    text = _SPACE.sub(" ", _MARKS.sub("", text)).strip().casefold()
    return text.strip(" .,;:!?…—–-")


# --- reading and writing --------------------------------------------------------------------------

def _issue(message: str) -> IngestIssue:
    return IngestIssue(CORRECTIONS_FILE, "warning", message)


def _entries(data: object) -> tuple[list[Correction], list[str]]:
    if data is None:
        return [], []
    if isinstance(data, dict) and set(data) <= {"corrections"}:
        data = data.get("corrections") or []
    if not isinstance(data, list):
        raise EditFileError(f"{CORRECTIONS_FILE}: expected a list of entries under 'corrections:'")
    entries, problems = [], []
    for n, item in enumerate(data, start=1):
        try:
            entries.append(Correction.from_dict(item))
        except CorrectionError as exc:
            problems.append(f"entry {n} was ignored: {exc}")
    return entries, problems


def load_corrections(folder: str | Path) -> tuple[list[Correction], list[IngestIssue]]:
    """The corrections of a briefing folder and warnings about the file; never raises."""
    try:
        data, _ = read_yaml(Path(folder) / CORRECTIONS_FILE)
        entries, problems = _entries(data)
    except EditFileError as exc:
        return [], [_issue(f"{exc}: the corrections were ignored; fix the file or delete it")]
    except OSError as exc:
        return [], [_issue(f"cannot be read ({exc.strerror}): the corrections were ignored")]
    return entries, [_issue(p) for p in problems]


def update_corrections(folder: str | Path, *, add: list[Correction] | tuple = (),
                       remove: list[Correction] | tuple = ()) -> list[Correction]:
    """Add corrections (merged into the entry for the same row, newer changes winning) and remove
    entries (by the row they name), keeping every other entry of the current file, including edits
    made meanwhile. Returns the file's entries. EditFileError when the current file cannot be read or
    holds an entry that cannot (fix it by hand first: writing over it would lose it)."""
    result: list[list[Correction]] = []

    def change(current: object) -> bytes:
        entries, problems = _entries(current)
        if problems:
            raise EditFileError(f"{CORRECTIONS_FILE}: {'; '.join(problems)}; fix the file before saving")
        gone = {c.key() for c in remove}
        entries = [e for e in entries if e.key() not in gone]
        for new in add:
            same = [i for i, e in enumerate(entries) if e.key() == new.key()]
            if same:
                entries[same[0]] = entries[same[0]].merged(new)
            else:
                entries.append(new)
        result.append(entries)
        return dump_yaml(HEADER, {"corrections": [e.to_dict() for e in entries]})

    update_file(Path(folder) / CORRECTIONS_FILE, change)
    return result[0]


# --- applying -------------------------------------------------------------------------------------

def apply_corrections(quotes: pd.DataFrame, events: pd.DataFrame, sentences: pd.DataFrame, actors: pd.DataFrame,
                      corrections: list[Correction]) -> tuple[pd.DataFrame, pd.DataFrame, list[IngestIssue]]:
    """Apply `corrections` to the quotes and events tables (as the schema defines them).

    Returns both tables, cast to the schema, with `is_corrected` set on every changed row and hidden
    rows left out, and a warning for each correction whose row or speaker is no longer found.
    """
    if not corrections:  # the usual case: nothing to look up, nothing to hide
        return (schema.cast(quotes.assign(is_corrected=False), "quotes"),
                schema.cast(events.assign(is_corrected=False), "events"), [])
    quotes, events = quotes.copy(), events.copy()
    quotes["is_corrected"] = False
    events["is_corrected"] = False
    issues: list[IngestIssue] = []
    hidden_q: set = set()
    hidden_e: set = set()
    # a lookup of every sentence, made only when an event is to be found by its sentence
    sentence_text = _sentence_texts(events, sentences) if any(c.target == "event" for c in corrections) else None
    for n, c in enumerate(corrections, start=1):
        if c.target == "quote":
            rows = _find(quotes.loc[quotes["article_id"] == c.article_id, "text"], c.text)
        else:
            rows = _find_event(events, sentence_text, c)
        if not rows:
            issues.append(_issue(f"entry {n} ({c.describe()}): the {c.target} is no longer in the briefing; "
                                 "the correction was kept in the file"))
            continue
        table = quotes if c.target == "quote" else events
        table.loc[rows, "is_corrected"] = True
        if c.hide:
            (hidden_q if c.target == "quote" else hidden_e).update(rows)
        if c.speaker is not None:
            issues += _set_speaker(quotes, rows, c, actors, n)
        if c.date is not None or c.precision is not None:
            _set_date(events, rows, c)
        if c.headline is not None:
            # the headline is what every page and export shows of an event; the summary follows it
            for column in ("headline", "summary"):
                if column in schema.TABLES["events"]:
                    events.loc[rows, column] = c.headline
    quotes = quotes.drop(index=list(hidden_q))
    events = events.drop(index=list(hidden_e))
    if hidden_e or any(c.target == "event" and (c.date or c.precision) for c in corrections):
        events = group_reports(events)  # a hidden report or a new date changes which reports are one event
    return schema.cast(quotes, "quotes"), schema.cast(events, "events"), issues


def _sentence_texts(events: pd.DataFrame, sentences: pd.DataFrame) -> pd.Series:
    """Each event's sentence text, indexed like `events`."""
    if events.empty:
        return pd.Series(dtype="string")
    lookup = {(a, s): t for a, s, t in zip(sentences["article_id"], sentences["sentence_id"], sentences["text"])}
    return pd.Series([lookup.get((a, s), "") for a, s in zip(events["article_id"], events["sentence_id"])],
                     index=events.index, dtype="string")


def _find(texts: pd.Series, words: str) -> list:
    """Index labels of `texts` that are `words` (normalised), else those that contain them or are
    contained in them (the loader's rules may have changed a quote's extent)."""
    key = normalise(words)
    norm = texts.fillna("").map(normalise)
    exact = list(norm.index[norm == key])
    if exact:
        return exact

    def overlaps(t: str) -> bool:
        short, long = sorted((t, key), key=len)
        return len(short) >= MIN_CONTAINED_CHARS and short in long

    return list(norm.index[norm.map(overlaps)])[:1]


def _find_event(events: pd.DataFrame, sentence_text: pd.Series, c: Correction) -> list:
    in_article = events["article_id"] == c.article_id
    rows = _find(sentence_text[in_article], c.text)
    if len(rows) > 1:
        dated = [r for r in rows if normalise(str(events.at[r, "date_text"] if pd.notna(events.at[r, "date_text"])
                                                  else "")) == normalise(c.date_text or "")]
        rows = dated or rows[:1]
    return rows


def _resolve(ref: str, actors: pd.DataFrame) -> str | None:
    if ref in set(actors["actor_id"]):
        return ref
    for column in ("name", "aliases"):
        hits = [aid for aid, v in zip(actors["actor_id"], actors[column])
                if fold(ref) in {fold(str(x)) for x in (as_list(v) if column == "aliases" else [v]) if x}]
        if len(hits) == 1:
            return hits[0]
    return None


def _set_speaker(quotes: pd.DataFrame, rows: list, c: Correction, actors: pd.DataFrame, n: int) -> list[IngestIssue]:
    if fold(c.speaker) == UNKNOWN_SPEAKER:
        quotes.loc[rows, "speaker_id"] = None
        quotes.loc[rows, "confidence"] = "none"
        return []
    actor = _resolve(c.speaker, actors)
    if actor is None:
        return [_issue(f"entry {n} ({c.describe()}): no single actor is named {c.speaker!r}; the speaker was "
                       "left as the loader found it")]
    quotes.loc[rows, "speaker_id"] = actor
    return []


def _set_date(events: pd.DataFrame, rows: list, c: Correction) -> None:
    for r in rows:
        precision = c.precision or (events.at[r, "precision"] if events.at[r, "precision"] in DATED_PRECISIONS
                                    else "day")
        date = pd.Timestamp(c.date) if c.date else events.at[r, "date"]
        if precision == "none" or pd.isna(date):
            date, precision = pd.NaT, "none"
        else:
            date = period_start(date, precision)
        events.at[r, "date"] = date
        events.at[r, "precision"] = precision
        events.at[r, "date_rule"] = DATE_RULE


def period_start(date: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The first day of the day, week (Monday), month or year `date` falls in."""
    date = pd.Timestamp(date).normalize()
    if precision == "week":
        return date - pd.Timedelta(days=date.weekday())
    if precision == "month":
        return date.replace(day=1)
    if precision == "year":
        return date.replace(month=1, day=1)
    return date
