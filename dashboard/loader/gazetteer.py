"""Country names, their demonyms and seats of government, read from data/countries.csv."""
from __future__ import annotations

import csv
import unicodedata
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "countries.csv"


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form of a name, for lookups."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").replace("‘", "'")
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=1)
def countries() -> dict[str, tuple[str, str]]:
    """Folded surface form -> (country name, how it names the country: name | demonym | seat)."""
    table: dict[str, tuple[str, str]] = {}
    with DATA.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = row["name"]
            for how, cell in (("seat", row["seats"]), ("demonym", row["demonyms"]), ("name", row["aliases"])):
                for form in filter(None, cell.split("|")):
                    table[fold(form)] = (name, how)
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
def demonym_of() -> dict[str, str]:
    """Country name -> its first demonym (Turkey -> Turkish), for naming its institutions."""
    out: dict[str, str] = {}
    with DATA.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            demonyms = [d for d in row["demonyms"].split("|") if d and not d.endswith("s") or d in ("Swiss",)]
            if demonyms:
                out[row["name"]] = demonyms[0]
    return out
