"""The view in the URL: one codec between query parameters and what a page shows.

The sidebar filter, the date range and every link between pages go through here, so a link from any
page keeps the view: the actor filter (`actor`, repeated, by name; `mode` any|all; `kind`, repeated),
the date range (`dates`, two ISO days), the briefing chosen when the folder holds several (`briefing`),
and the page's own place (`profile`, `article`, `sentence`, `slide`). Decoding never fails: a value that
means nothing here (an unknown actor, `sentence=²`, a date that is no date) is left out.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import pandas as pd

from dashboard.filtering import ActorFilter
from dashboard.loader.vocabulary import ACTOR_KINDS

ACTOR, MODE, KIND, DATES, BRIEFING = "actor", "mode", "kind", "dates", "briefing"
PROFILE, ARTICLE, SENTENCE, SLIDE = "profile", "article", "sentence", "slide"
PLACE_PARAMS = (PROFILE, ARTICLE, SENTENCE, SLIDE)
MODES = ("any", "all")

Params = Mapping[str, "str | Iterable[str]"]


@dataclass(frozen=True)
class UrlState:
    """What an address says about the view.

    actors: names, not ids, so a shared link stays readable. start/end: the date range, inclusive days.
    briefing: the briefing's label in the sidebar picker. profile, article, sentence, slide: where on
    its page the link points.
    """

    actors: tuple[str, ...] = ()
    mode: str = "any"
    kinds: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    briefing: str | None = None
    profile: str | None = None
    article: str | None = None
    sentence: int | None = None
    slide: int | None = None

    def at(self, **place: object) -> UrlState:
        """The same view at another place: `place` (profile, article, sentence, slide) replaces the old one."""
        unknown = set(place) - set(PLACE_PARAMS)
        if unknown:
            raise TypeError(f"not a place on a page: {', '.join(sorted(unknown))}")
        return replace(self, **{**dict.fromkeys(PLACE_PARAMS), **place})  # type: ignore[arg-type]


def to_params(state: UrlState) -> dict[str, list[str]]:
    """Query parameters of `state`: the page's place first, then the view; what is at its default is left out."""
    params: dict[str, list[str]] = {}
    for name in PLACE_PARAMS:
        value = getattr(state, name)
        if value is not None and value != "":
            params[name] = [str(value)]
    if state.actors:
        params[ACTOR] = list(state.actors)
        if state.mode != "any":
            params[MODE] = [state.mode]
    if state.kinds:
        params[KIND] = list(state.kinds)
    if state.start is not None and state.end is not None:
        params[DATES] = [state.start.isoformat(), state.end.isoformat()]
    if state.briefing:
        params[BRIEFING] = [state.briefing]
    return params


def from_params(params: Params, actors: pd.DataFrame) -> UrlState:
    """The state a URL's `params` describe, keeping only what fits the briefing whose actors are `actors`.

    params: name -> a value or a list of values (a repeated parameter). Actors are matched by name; the
    profile and article are kept as given, so the page can say when none has that name or id.
    """
    known = set(actors["name"].dropna())
    names = tuple(dict.fromkeys(n for n in _values(params, ACTOR) if n in known))
    mode = _value(params, MODE)
    kinds = tuple(dict.fromkeys(k for k in _values(params, KIND) if k in ACTOR_KINDS))
    days = sorted(d for d in (_day(v) for v in _values(params, DATES)[:2]) if d is not None)
    return UrlState(
        actors=names, mode=mode if mode in MODES else "any", kinds=kinds,
        # one day is a range half picked: that day alone
        start=days[0] if days else None, end=days[-1] if days else None,
        briefing=_value(params, BRIEFING) or None,
        profile=_value(params, PROFILE) or None, article=_value(params, ARTICLE) or None,
        sentence=_number(_value(params, SENTENCE), least=0), slide=_number(_value(params, SLIDE), least=1),
    )


def to_filter(state: UrlState, actors: pd.DataFrame) -> ActorFilter:
    """The actor filter and date range `state` selects, actors by id (the first actor of a name)."""
    ids = dict(zip(actors["name"].iloc[::-1], actors["actor_id"].iloc[::-1]))
    return ActorFilter(
        actor_ids=tuple(ids[n] for n in state.actors if n in ids), mode=state.mode, kinds=state.kinds,
        start=pd.Timestamp(state.start) if state.start is not None else None,
        end=pd.Timestamp(state.end) if state.end is not None else None,
    )


def of_filter(flt: ActorFilter, actors: pd.DataFrame, *, briefing: str | None = None) -> UrlState:
    """The URL state of a view filtered by `flt`: its actors by name, its date range as days."""
    names = dict(zip(actors["actor_id"], actors["name"]))
    return UrlState(
        actors=tuple(names.get(a, a) for a in flt.actor_ids), mode=flt.mode, kinds=flt.kinds,
        start=flt.start.date() if flt.start is not None else None,
        end=flt.end.date() if flt.end is not None else None, briefing=briefing,
    )


def _values(params: Params, name: str) -> list[str]:
    value = params.get(name)
    if value is None:
        return []
    values = [value] if isinstance(value, str) else list(value)
    return [v for v in values if isinstance(v, str)]


def _value(params: Params, name: str) -> str:
    """The last value of a parameter, as a browser's URLSearchParams and Streamlit read a repeated one."""
    values = _values(params, name)
    return values[-1] if values else ""


def _number(text: str, *, least: int) -> int | None:
    # ASCII digits only: str.isdigit() accepts "²", which int() then refuses
    if not re.fullmatch(r"[0-9]{1,9}", text):
        return None
    number = int(text)
    return number if number >= least else None


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None
