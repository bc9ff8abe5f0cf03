"""The briefing's title: the analyst's own (briefing.yaml) or one made from the briefing itself.

A made-up title names the main actors and the period, e.g. "Turkey, Israel and Syria · 9–10 April
2025"; it never uses the folder's name, which is a file-system detail, not a title.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.loader import BriefingMeta

# Actors that can be a briefing's subject; places are where things happen, not who.
SUBJECT_KINDS = ("country", "organization", "person", "group")
TITLE_ACTORS = 3
FALLBACK = "News briefing"


@dataclass(frozen=True)
class TitlePage:
    """What the title slide, the exports and the browser tab show."""

    title: str
    subtitle: str = ""
    author: str = ""
    classification: str = ""
    summary: str = ""
    is_made_up: bool = False


def join_names(names: list[str]) -> str:
    """'Turkey', 'Turkey and Israel', 'Turkey, Israel and Syria'."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def long_span(lo: pd.Timestamp, hi: pd.Timestamp) -> str:
    """'9 April 2025', '9–10 April 2025', '28 March – 2 April 2025', '30 December 2024 – 2 January 2025'."""
    if lo.date() == hi.date():
        return f"{lo:%-d %B %Y}"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo:%-d}–{hi:%-d %B %Y}"
    if lo.year == hi.year:
        return f"{lo:%-d %B} – {hi:%-d %B %Y}"
    return f"{lo:%-d %B %Y} – {hi:%-d %B %Y}"


def main_actors(actors: pd.DataFrame, *, n: int = TITLE_ACTORS) -> list[str]:
    """Names of the most mentioned actors that can be a subject (countries, organisations, people, groups)."""
    if actors.empty:
        return []
    subjects = actors[actors["kind"].isin(SUBJECT_KINDS)]
    ranked = subjects.sort_values(["mention_count", "name"], ascending=[False, True], kind="stable")
    return [str(x) for x in ranked["name"].head(n)]


def briefing_period(events: pd.DataFrame, articles: pd.DataFrame) -> str:
    """The days the briefing covers: events dated to a day and the articles' publication dates."""
    # the first and last of each column, not a Timestamp per row: tens of thousands of events
    days = [d for d in (events.loc[events["precision"] == "day", "date"] if not events.empty else None,
                        articles["published"] if not articles.empty else None) if d is not None]
    ends = [x for d in days for x in (d.min(), d.max()) if pd.notna(x)]
    if not ends:
        return ""
    return long_span(min(ends), max(ends))


def made_up_title(actors: pd.DataFrame, events: pd.DataFrame, articles: pd.DataFrame) -> str:
    """'Turkey, Israel and Syria · 9–10 April 2025' from the briefing's tables."""
    parts = [join_names(main_actors(actors)), briefing_period(events, articles)]
    parts = [p for p in parts if p]
    return " · ".join(parts) if parts else FALLBACK


def title_page(meta: BriefingMeta, actors: pd.DataFrame, events: pd.DataFrame,
               articles: pd.DataFrame) -> TitlePage:
    """The analyst's title page where they wrote one, the made-up title where they did not."""
    made_up = not meta.title
    return TitlePage(
        title=meta.title or made_up_title(actors, events, articles),
        subtitle=meta.subtitle or "", author=meta.author or "", classification=meta.classification or "",
        summary=meta.summary or "", is_made_up=made_up,
    )
