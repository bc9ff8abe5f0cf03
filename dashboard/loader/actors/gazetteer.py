"""Word lists the actor rules look names up in: countries (data/countries.csv) and names that are
never actors (data/non_actors.csv: market indexes, currency codes, time zones, well-known products)."""
from __future__ import annotations

import csv
import unicodedata
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")
COUNTRIES = DATA / "countries.csv"
NON_ACTORS = DATA / "non_actors.csv"


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form of a name, for lookups.

    Cached: the rules fold the same few hundred names of an article many times over.
    """
    if text.isascii():  # NFKD leaves ASCII as it is and it holds no curly apostrophes
        return " ".join(text.split()).casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'")
    return " ".join(text.split()).casefold()


def _is_people_form(form: str, demonyms: list[str]) -> bool:
    """'Afghans', 'Danes': a plural that names the people, beside an adjective ('Afghan', 'Danish')."""
    return form.endswith("s") and len(form) > 3 and any(not d.endswith("s") for d in demonyms if d != form)


@lru_cache(maxsize=1)
def countries() -> dict[str, tuple[str, str]]:
    """Folded surface form -> (country name, how the form names it: name | demonym | people | seat)."""
    table: dict[str, tuple[str, str]] = {}
    with COUNTRIES.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = row["name"]
            demonyms = [d for d in row["demonyms"].split("|") if d]
            for form in filter(None, row["seats"].split("|")):
                table[fold(form)] = (name, "seat")
            for form in demonyms:
                table[fold(form)] = (name, "people" if _is_people_form(form, demonyms) else "demonym")
            for form in filter(None, row["aliases"].split("|")):
                table[fold(form)] = (name, "name")
            table[fold(name)] = (name, "name")
    return table


def country_of(text: str) -> tuple[str, str] | None:
    """(country, how) when `text` names a country, its people or its seat of government."""
    key = fold(text)
    hit = countries().get(key)
    if hit is None and key.startswith("the "):
        hit = countries().get(key[4:])
    return hit


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """The canonical name of every country in the list."""
    return frozenset(name for name, _ in countries().values())


@lru_cache(maxsize=1)
def _non_actors() -> dict[str, str]:
    with NON_ACTORS.open(encoding="utf-8") as fh:
        return {fold(row["name"]): row["what"] for row in csv.DictReader(fh)}


def non_actor(text: str) -> str | None:
    """What `text` names when it is a well-known name that is never an actor (index, currency, ...)."""
    key = fold(text)
    return _non_actors().get(key) or (_non_actors().get(key[4:]) if key.startswith("the ") else None)

