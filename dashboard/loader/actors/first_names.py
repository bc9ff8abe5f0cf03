"""Whether a first name is given almost only to women or almost only to men, from nomquamgender.

A story that names two people and then says "she said" means the one called Catherine, not the one
called Bernard, even when it never writes "Ms" or "Mr". The article's own evidence (an honorific, a
gendered title, the he or she used of a name) comes first; this is the prior behind it.

The reference data (Van Buskirk et al., 2023: name-gender estimates pooled from 36 sources, MIT
licence) is a 22 MB JSON file. Reading it costs over a second and a few hundred MB, so the names this
module keeps are written once to a small table in the cache folder and read from there afterwards.
Only names that several sources agree are given to one gender at least nine times in ten are kept;
a name used for both ("Jordan", "Kim", "Jean") has no gender here.
"""
from __future__ import annotations

import logging
import os
import re
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from dashboard.loader.actors.gazetteer import fold
from dashboard.loader.settings import default_cache_dir

log = logging.getLogger(__name__)

PACKAGE = "nomquamgender"
# At least 9 in 10 of the people with the name are of one gender (the package's own default cut), by
# at least 3 sources and 10 people.
CERTAINTY = 0.9
MIN_SOURCES = 3
MIN_PEOPLE = 10
# Listed by at least 20 of the 36 sources: a name in wide use.
COMMON_SOURCES = 20

_ENTRY = re.compile(r'"([a-z][a-z\'-]*)": \[(\d+), (\d+), ([0-9.e-]+)')


def data_version() -> str:
    """The reference data's version ('' when the package is missing): part of the cache key."""
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return ""


def _derive() -> dict[str, tuple[str, int]]:
    """The gendered names of the package's data file with their number of sources, read as text: far
    cheaper than `json.load`."""
    text = resources.files(PACKAGE).joinpath("name_data.json").read_text(encoding="utf-8")
    names: dict[str, tuple[str, int]] = {}
    for m in _ENTRY.finditer(text):
        share, sources = float(m.group(4)), int(m.group(2))
        if sources >= MIN_SOURCES and int(m.group(3)) >= MIN_PEOPLE and abs(share - 0.5) >= CERTAINTY - 0.5:
            names[m.group(1)] = ("f" if share > 0.5 else "m", sources)
    return names


def _table_path(version: str) -> Path:
    return default_cache_dir() / f"first-names-2-{version}-{CERTAINTY}-{MIN_SOURCES}-{MIN_PEOPLE}.tsv"


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, int]]:
    version = data_version()
    if not version:
        log.warning("%s is not installed: she and he are matched to names by the article's evidence only", PACKAGE)
        return {}
    path = _table_path(version)
    try:
        return {name: (gender, int(sources)) for name, gender, sources in (
            line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())}
    except (OSError, ValueError):
        pass  # not written yet, or damaged: derive it again
    names = _derive()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text("".join(f"{n}\t{g}\t{k}\n" for n, (g, k) in sorted(names.items())), encoding="utf-8")
        partial.replace(path)
    except OSError as exc:  # a read-only home: derived again by the next process
        log.info("could not keep the first-name table at %s: %s", path, exc)
    return names


def first_name_gender(name: str) -> str | None:
    """'f' or 'm' for a person's full name whose first name is nearly always one gender, else None.

    A name of one word is a surname, an initial is no first name: neither is looked up."""
    words = name.split()
    return gender_of_first_name(words[0]) if len(words) >= 2 else None


def _entry(word: str) -> tuple[str, int] | None:
    """The gender and number of sources of a capitalised word that is a first name; an initial is none."""
    if len(word) < 2 or not word[0].isupper() or word.endswith("."):
        return None
    return _names().get(fold(word))


def gender_of_first_name(word: str) -> str | None:
    """'f' or 'm' for a capitalised word that is a first name nearly always of one gender, else None."""
    found = _entry(word)
    return found[0] if found else None


def is_common_first_name(word: str) -> bool:
    """Whether a capitalised word is a first name of one gender that most of the sources list ('Marcus',
    'Laura'), not one only a few do ('Big', 'Ford'): enough to take an untagged name for a person's."""
    found = _entry(word)
    return found is not None and found[1] >= COMMON_SOURCES
